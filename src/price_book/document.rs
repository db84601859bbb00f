//! The price book as a document: the shape of the JSON a clinic edits.
//!
//! These are plain data. A document becomes a [`PriceBook`](super::PriceBook) only after
//! validation; `docs/price-book.md` describes every field. Each struct is defined inside
//! `book_struct!` (`schema.rs`), which also writes its reader and its form: `= default` marks the
//! fields that may be left out, `=> form(...)` says what the editor calls a field, what the fee
//! schedule takes from it and what amount is plausible there;
//! `= staff` those the visitor's module does not read (what only quotes and Good Faith Estimates
//! show: the clinic's address, NPI and TIN, diagnosis codes, extras, therapy partners, the Good
//! Faith Estimate's texts, the effective date, the expected-charges choice).

use serde::Serialize;

use super::schema::{book_enum, book_struct};
use super::schema::{form, Codes, Form, Kind, Plausible, Rule, Unit, FEE_LOW};
#[cfg(staff)]
use super::schema::{Fields, Shape};
use crate::language::{Gender, Text};
use crate::money::{BasisPoints, Cents, Locale};
use crate::read::{deserialize_by_reading, read_enum, Read, Reader, Value};

/// A name patients read, in English and Spanish.
const LABEL: Form = form("Name shown to patients");

/// A price that is a fee: under $5.00 (and not $0.00) is likely dollars typed as cents. A field
/// whose fee it is narrows it, with what it is called (`a walking boot`) and a high end.
const FEE: Plausible = Plausible::money("a fee", FEE_LOW);

/// A physical therapy price (cash or allowed): under $20.00 (and not $0.00) is likely dollars typed
/// as cents, over $1,000.00 extra zeros.
pub(crate) const THERAPY: Plausible =
    Plausible::money("physical therapy", Cents::new(2_000)).high(100_000);

/// The warning on a clinic's own detail still the sample clinic's.
const CLINICS: &str = "still the sample clinic's: put the clinic's own here";

/// A discount's percent: over 50 % or under 1 % (and not 0 %) is likely a mistake.
const DISCOUNT: Plausible = Plausible::rate("a discount", super::RATE_LOW, BasisPoints::WHOLE)
    .high(super::DISCOUNT_HIGH.get() as i64);

/// An item's id, kept in shared links and saved quotes, with an example of one.
const fn id(example: &'static str) -> Form {
    form("Id in links and saved quotes")
        .kind(Kind::Code)
        .hint(example)
        .rule(Rule::Id)
}

/// A paragraph in English and Spanish.
const fn paragraph(label: &'static str) -> Form {
    form(label).kind(Kind::Words { long: true })
}

book_struct! {
    /// Every price and rule the estimator uses, as a clinic writes it.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PriceBookDocument {
        /// The clinic's name for this edition, e.g. `2026.11`. Quotes record it.
        pub version: String
            => form("Version").kind(Kind::Code).hint("A name for this edition of the prices, like 2026.12").written(),
        /// The first day these prices apply, `YYYY-MM-DD`.
        pub effective_date: String = staff
            => form("Prices take effect on").kind(Kind::Date).rule(Rule::Date),
        /// True for the embedded sample figures; the page then says so.
        pub sample_data: bool = default
            => form("These are sample prices, not the clinic's").sample("visitors and every estimate are told these are sample prices: untick this once they are the clinic's own"),
        /// Who is quoting.
        pub clinic: Clinic
            => form("Clinic"),
        /// The currency of every amount. Only US dollars for now.
        pub currency: Currency
            => form("Currency"),
        /// How amounts and text are shown.
        pub locale: Locale
            => form("How amounts are written"),
        /// Upper bounds on what a request may ask for.
        pub limits: Limits
            => form("Limits of the estimate form"),
        /// The conditions the clinic treats, in the order the page lists them.
        pub conditions: Vec<Condition> [at most 100]
            => form("Conditions treated").noun("condition").rule(Rule::AtLeastOne),
        /// The amniotic products offered; the first is the default.
        pub products: Vec<Product> [at most 50]
            => form("Products (the amniotic tissue)").noun("product").rule(Rule::AtLeastOne),
        /// The fee for giving one injection, one per procedure code the conditions use.
        pub administration_fees: Vec<PricedService> [at most 50]
            => form("Injection fees").noun("injection fee").item("administration").codes(Codes::Cpt).plausible(Plausible::money("an injection fee", FEE_LOW).high(500_000)),
        /// Ultrasound guidance for needle placement (76942), per injection visit.
        pub ultrasound_guidance: PricedService
            => form("Ultrasound guidance").item("ultrasound_guidance").codes(Codes::Cpt).plausible(Plausible::money("ultrasound guidance", FEE_LOW).high(200_000)),
        /// Supplies used at each injection visit (a sterile tray, dressings: CPT 99070, or a HCPCS
        /// supply code), charged with each injection; absent when the clinic does not charge for
        /// them (and then not written, so a saved quote of a book without them reads as before).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub supplies: Option<PricedService> = default
            => form("Supplies at each injection")
                .switch("Charge for supplies at each injection")
                .item("supplies")
                .codes(Codes::CptOrHcpcs).plausible(Plausible::money("supplies", FEE_LOW).high(100_000)),
        /// Office visits.
        pub visits: Visits
            => form("Visits"),
        /// The walking boot worn for a few days after an injection (L4361).
        pub walking_boot: PricedService
            => form("Walking boot").item("walking_boot").codes(Codes::Hcpcs).plausible(Plausible::money("a walking boot", FEE_LOW).high(200_000)),
        /// Further items staff can add to a quote, such as follow-up visits and imaging review.
        pub extras: Vec<Extra> [at most 100] = staff
            => form("Extras staff can add to a quote").noun("extra").plausible(Plausible::money("an extra", FEE_LOW).high(1_000_000)),
        /// What a Good Faith Estimate says besides its items.
        pub good_faith_estimate: GoodFaithEstimateTexts = staff
            => form("Good Faith Estimate"),
        /// Physical therapy, at cash and at insurance-allowed prices.
        pub physical_therapy: PhysicalTherapyPrices
            => form("Physical therapy at the clinic").item("physical_therapy"),
        /// Physical therapy practices the clinic refers patients to, each with its identity and its
        /// own prices, so staff pick one for a quote instead of typing it in. Left out when the
        /// book has none (and then not written either, so a saved quote of such a book reads in
        /// releases before partners).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub therapy_partners: Vec<TherapyPartner> [at most 20] = default staff
            => form("Partner physical therapy providers").noun("partner").sample("still one of the sample's partner practices: put your partner's name, address, NPI, TIN and prices, or remove it"),
        /// Discounts, each shown as its own line.
        pub discounts: Discounts = default
            => form("Discounts").switch("The clinic offers discounts"),
        /// The texts every estimate carries.
        pub disclaimers: Disclaimers
            => form("Notes on the estimate"),
        /// Payment plans a visitor can finance the total with; absent when the clinic offers none.
        pub financing: Option<Financing> = default
            => form("Financing").switch("Offer financing plans"),
        /// What a state caps a self-pay patient's final bill at, per state: the bill check shows
        /// the clinic's own state's cap beside the federal dispute threshold. Left out when the
        /// book has none (and then not written, so books and saved quotes from before read, and
        /// are numbered, as they were).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub state_bill_caps: Vec<StateBillCap> [at most 60] = default staff
            => form("State caps on a self-pay bill").noun("state cap"),
        /// The editor's warnings the clinic said are right ("Yes, this is right": an NPI that is
        /// the sample's, a price that looks like a mistake), each with the value it was said of,
        /// so that the next edit of this book does not ask again while that value stays. Not on
        /// the form: the editor keeps it from what is confirmed. Left out when none (and then not
        /// written, so books and saved quotes from before read, and are numbered, as they were).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub confirmed: Vec<Confirmation> [at most 200] = default staff
            => form("Confirmed as right").kind(Kind::Kept { max: 0 }),
    }
}

book_struct! {
    /// A warning the clinic confirmed: the same warning at the same field with the same value is
    /// not asked about again; any other value there is.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Confirmation {
        /// Where, as the warning's path: `clinic.npi`, `walking_boot.price_cents`.
        pub field: String
            => form("Field").kind(Kind::Code).written(),
        /// The value confirmed there, as the file writes it (JSON): `"1234567893"`, `100000000`.
        pub value: String
            => form("Value confirmed").written(),
        /// The warning, as the editor said it.
        pub warning: String
            => form("Warning confirmed").written(),
    }
}

book_struct! {
    /// A state's cap on a self-pay patient's final bill: at most the estimate plus the lesser of
    /// `percent_over_bp` of it or `amount_over_cents` (Colorado, C.R.S. 25-49-106(1)(b): 15 % or
    /// $400). DESIGN.md, "The bill checked against the estimate", says how it is worked out.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct StateBillCap {
        /// The state whose law it is; it applies when the clinic is in that state.
        pub state: String
            => form("State").kind(Kind::Code).hint("Two letters, like CO").rule(Rule::State),
        /// The most a bill may be above the estimate, as basis points of the estimate (1500 is 15 %).
        pub percent_over_bp: BasisPoints
            => form("At most this percent above the estimate").rule(Rule::Rate(10_000)),
        /// The most a bill may be above the estimate, in cents, if less than the percent.
        pub amount_over_cents: Cents
            => form("Or at most this amount above it, whichever is less").term(),
        /// The law, as the bill check names it: `C.R.S. 25-49-106(1)(b)`.
        pub citation: String
            => form("The law").hint("Its citation, as the bill check shows it, like C.R.S. 25-49-106(1)(b)").written(),
    }
}

book_struct! {
    /// The clinic's identity, as a Good Faith Estimate names it.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Clinic {
        /// The practice's name.
        pub name: String
            => form("Clinic name").written().sample(CLINICS),
        /// The phone number patients call.
        pub phone: String
            => form("Phone").written().sample(CLINICS),
        /// An email address patients may write to, e.g. to ask for a Good Faith Estimate; absent
        /// when the clinic gives none (and then not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub email: Option<String> = default
            => form("Email for estimate requests").rule(Rule::Email).sample(CLINICS),
        /// Where the clinic is.
        pub address: Address = staff
            => form("Address"),
        /// National Provider Identifier: 10 digits with a Luhn check digit.
        pub npi: String = staff
            => form("NPI").kind(Kind::Code).hint("The clinic's 10-digit National Provider Identifier").rule(Rule::Npi).sample(CLINICS),
        /// Taxpayer Identification Number: 9 digits.
        pub tin: String = staff
            => form("Tax ID (TIN)").kind(Kind::Tin).hint("9 digits, like 12-3456789").rule(Rule::Tin).sample(CLINICS),
        /// Days the clinic is closed besides Saturdays, Sundays and federal holidays (a training
        /// day, the day after Thanksgiving): not business days when the staff page works out when
        /// a Good Faith Estimate is due. Absent when there are none (and then not written, so a
        /// saved quote of a book without them reads as before).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub closed_dates: Vec<ClosedDate> [at most 100] = default staff
            => form("Days the clinic is closed").noun("closed day").hint("Besides weekends and federal holidays: they are not business days for when a Good Faith Estimate is due"),
        /// Days after the last backup of the staff page's register of estimates given before
        /// the page reminds staff to back it up again (1 to 90). Absent, 7 (the register's
        /// `BACKUP_REMINDER_DAYS`), and then not written, so a book and a saved quote's copy of it read and write as before.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub backup_reminder_days: Option<u32> = default staff
            => form("Days between backups of the register")
                .rule(Rule::Count { lowest: 1, highest: 90, unit: Unit::Days })
                .hint("The staff page reminds staff to back up its register of estimates given when the last backup is older than this. Left empty: 7 days"),
    }
}

book_struct! {
    /// A day the clinic is closed, besides weekends and federal holidays.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct ClosedDate {
        /// The date, `YYYY-MM-DD`.
        pub date: String
            => form("Date").kind(Kind::Date).rule(Rule::Date),
    }
}

book_struct! {
    /// A US street address.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Address {
        /// Street and number.
        pub street: String
            => form("Street").written().sample(CLINICS),
        /// City.
        pub city: String
            => form("City").written(),
        /// Two-letter USPS state code, e.g. `TX`.
        pub state: String
            => form("State").kind(Kind::Code).hint("Two letters, like TX").rule(Rule::State),
        /// ZIP code, 5 digits or ZIP+4.
        pub zip: String
            => form("ZIP code").kind(Kind::Code).hint("5 digits, like 78701, or 78701-1234").rule(Rule::Zip).sample(CLINICS),
    }
}

/// The currency of every amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Currency {
    /// US dollars; amounts are in cents.
    #[default]
    #[serde(rename = "USD")]
    Usd,
}
book_enum!(Currency { "USD" => Usd: "US dollars" });

read_enum!(Locale { "en-US" => EnUs });

book_struct! {
    /// Upper bounds on what a request may ask for.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Limits {
        /// The most injections one estimate may cover (1 to 10).
        pub max_injections: u32
            => form("Most injections a patient can choose").rule(Rule::Count { lowest: 1, highest: super::MAX_INJECTIONS_LIMIT, unit: Unit::None }),
        /// The most physical therapy sessions one estimate may cover (0 to 100).
        pub max_pt_sessions: u32
            => form("Most therapy sessions a patient can choose").rule(Rule::Count { lowest: 0, highest: super::MAX_PT_SESSIONS_LIMIT, unit: Unit::None }),
    }
}

book_struct! {
    /// A condition the clinic treats, and how its injection is coded.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Condition {
        /// Stable key used by requests, e.g. `plantar_fasciitis`.
        pub id: String
            => id("Lowercase letters, digits and _, like heel_spur. Patients never see it. Keep it once the prices are published: shared links and saved quotes use it."),
        /// What a visitor reads, e.g. `Plantar fasciitis (heel pain)`.
        pub label: Text
            => LABEL,
        /// ICD-10-CM diagnosis codes by side.
        pub icd10: Laterality = staff
            => form("Diagnosis codes (ICD-10)"),
        /// The CPT code of the injection, e.g. `20550`.
        pub procedure_code: String
            => form("Injection fee").kind(Kind::Pick { list: "administration_fees", value: "code" }).hint("Which of the injection fees (in Injection fees) this condition's injection is billed as").rule(Rule::Code(Codes::Cpt)),
        /// Whether ultrasound guidance (76942) is billed on top of the procedure code. False for codes
        /// that include it (20604, 20606, 20611).
        pub ultrasound_billed_separately: bool
            => form("Ultrasound guidance is billed separately"),
        /// How many injections this condition usually takes; used when a visitor is not sure.
        pub typical_injections: CountRange
            => form("Typical number of injections"),
        /// How many physical therapy sessions usually follow; used for "typical".
        pub typical_pt_sessions: CountRange
            => form("Typical number of therapy sessions"),
    }
}

book_struct! {
    /// A diagnosis code for each side.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Laterality {
        /// Code for the left side.
        pub left: String
            => form("Left side").kind(Kind::Code).rule(Rule::Icd10),
        /// Code for the right side.
        pub right: String
            => form("Right side").kind(Kind::Code).rule(Rule::Icd10),
    }
}

book_struct! {
    /// An inclusive range of counts, `min..=max`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct CountRange {
        /// The fewest.
        pub min: u32
            => form("Fewest"),
        /// The most.
        pub max: u32
            => form("Most"),
    }
}

book_struct! {
    /// An amniotic product option, billed once per injection.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Product {
        /// Stable key used by requests, e.g. `amnion_1ml`.
        pub id: String
            => id("Lowercase letters, digits and _, like amnion_1ml. Patients never see it. Keep it once the prices are published."),
        /// What a visitor reads.
        pub label: Text
            => LABEL,
        /// The HCPCS code, e.g. `Q4206`.
        pub hcpcs: String
            => form("HCPCS code").kind(Kind::Code).hint("Like Q4139").code().rule(Rule::Code(Codes::Hcpcs)),
        /// Self-pay price per vial.
        pub price_cents: Cents
            => form("Price per injection").cash_price().plausible(Plausible::money("a product", super::PRODUCT_LOW).high(super::PRODUCT_HIGH.get()).zero_too()),
        /// The Spanish gender of what one is (`el vial`: `masculine`), which "each" agrees with;
        /// left out, masculine (products are sold by the vial). Not written when left out.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spanish_gender: Option<Gender> = default
            => form("Spanish gender of the name").kind(Kind::Choice { options: &[("", "Not set: masculine (el)"), ("masculine", "Masculine (el)"), ("feminine", "Feminine (la)")] }).hint("For \"cada uno\" or \"cada una\" in the Spanish estimate"),
        /// The billing unit of its HCPCS code, when the code is not billed one per product (per cc,
        /// per 0.5 cc, per sq cm), and how many of them one product is: the Good Faith Estimate,
        /// its CSV and the breakdown give the quantity against the code in those units, so a bill
        /// compared line by line matches. Absent, the code is billed one per product, as before
        /// (and then not written). Staff only: a visitor's estimate shows products, not billing
        /// units, so the visitor's module does not read it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub billing_units: Option<BillingUnits> = default staff
            => form("Billing units of its HCPCS code")
                .switch("Its HCPCS code is billed in other units than one per product")
                .hint("As the code's descriptor says: a 2 mL vial of a code billed per 1 cc is 2 units of 1 cc"),
    }
}

book_struct! {
    /// The billing unit of a product's HCPCS code, and how many of them one product is.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct BillingUnits {
        /// One billing unit, as the code's descriptor says it and as it prints after the count:
        /// `1 cc`, `0.5 cc`, `1 sq cm` (in Spanish `0,5 cc`, `1 cm²`).
        pub unit: Text
            => form("One billing unit").hint("Like 1 cc, 0.5 cc or 1 sq cm"),
        /// How many billing units one product is: 2 for a 2 mL vial billed per 1 cc, 4 per 0.5 cc.
        pub per_product: u32
            => form("Billing units in one product").rule(Rule::Count { lowest: 1, highest: super::MAX_BILLING_UNITS, unit: Unit::None }),
    }
}

impl Product {
    /// The Spanish gender of one of it: as written, or masculine (`el vial`).
    pub fn gender(&self) -> Gender {
        self.spanish_gender.unwrap_or(Gender::Masculine)
    }
}

book_struct! {
    /// A service with one self-pay price.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PricedService {
        /// CPT or HCPCS code.
        pub code: String
            => form("Billing code").kind(Kind::Code).hint("CPT or HCPCS, like 20550").code().rule(Rule::Code(Codes::Declared)),
        /// What a visitor reads.
        pub label: Text
            => LABEL,
        /// Self-pay price.
        pub price_cents: Cents
            => form("Price").cash_price().plausible(FEE),
    }
}

book_struct! {
    /// Office visits.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Visits {
        /// The new-patient consultation a visitor can add (99203 or 99204).
        pub consultation: PricedService
            => form("Consultation").item("consultation").codes(Codes::Cpt).plausible(Plausible::money("a consultation", FEE_LOW).high(200_000)),
    }
}

book_struct! {
    /// An item staff can add to a quote by its `id`, e.g. a follow-up visit.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Extra {
        /// Stable key used by quote requests, e.g. `follow_up`.
        pub id: String
            => id("Lowercase letters, digits and _, like foot_xray. Patients never see it."),
        /// CPT or HCPCS code.
        pub code: String
            => form("Billing code").kind(Kind::Code).code().rule(Rule::Code(Codes::CptOrHcpcs)),
        /// What a patient reads.
        pub label: Text
            => LABEL,
        /// Self-pay price of one.
        pub price_cents: Cents
            => form("Price").cash_price().plausible(FEE),
        /// The Spanish gender of what one is (`la visita`: `feminine`), which "each" agrees with;
        /// left out, feminine (extras are visits, reviews, X-rays: `la visita`, `la revisión`,
        /// `la radiografía`). Not written when left out.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spanish_gender: Option<Gender> = default
            => form("Spanish gender of the name").kind(Kind::Choice { options: &[("", "Not set: feminine (la)"), ("masculine", "Masculine (el)"), ("feminine", "Feminine (la)")] }).hint("For \"cada uno\" or \"cada una\" in the Spanish estimate"),
        /// The entry of the Good Faith Estimate's "Care scheduled separately" that this extra is
        /// a case of (its English words as written there): an estimate that itemizes this extra
        /// leaves that entry off, so it never lists as separate what it includes. Left out, none
        /// (and then not written, so books and saved quotes from before read and print as they did).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub separately_scheduled: Option<Text> = default staff
            => form("Left off \"Care scheduled separately\" when on the estimate")
                .hint("Copy the English words of that entry, like \"Imaging such as X-ray or MRI, if your provider orders it.\""),
    }
}

impl Extra {
    /// The Spanish gender of one of it: as written, or feminine (`la visita`).
    pub fn gender(&self) -> Gender {
        self.spanish_gender.unwrap_or(Gender::Feminine)
    }
}

book_struct! {
    /// The texts of a Good Faith Estimate (45 CFR 149.610) besides its items.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct GoodFaithEstimateTexts {
        /// Days from the issue date until the estimate expires (1 to 365).
        pub valid_days: u32
            => form("Days an estimate stays valid").rule(Rule::Count { lowest: 1, highest: 365, unit: Unit::Days }),
        /// Items and services the patient would schedule separately, beyond those the quote lists.
        pub separately_scheduled: Vec<Text> [at most 20]
            => form("Care scheduled separately").noun("item"),
        /// That other items or services may be recommended and are not included.
        pub other_services: Text
            => paragraph("Other services"),
        /// That this is an estimate and actual charges may differ.
        pub actual_charges_may_differ: Text
            => paragraph("Actual charges may differ"),
        /// The patient-provider dispute resolution right: $400 or more above the estimate for any one
        /// provider, within 120 days of the bill, and where to find out more.
        pub dispute_rights: Text
            => paragraph("The right to dispute a bill").hint("Must mention the $400 threshold"),
        /// That starting the dispute-resolution process will not adversely affect the quality of
        /// the care the patient receives, printed after `dispute_rights`; absent, the crate's
        /// wording (and then not written, so books and saved quotes from before still read).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub quality_of_care: Option<Text> = default staff
            => paragraph("Starting a dispute does not affect care")
                .hint("Printed after the right to dispute a bill; left empty, the estimator's own words"),
        /// That the estimate is not a contract and does not oblige the patient to obtain the services.
        pub not_a_contract: Text
            => paragraph("Not a contract"),
        /// Why the estimate does not apply to an insured patient who wants the claim filed, and what to do.
        pub insured_filing_claim: Text
            => paragraph("For patients billing their insurance"),
        /// Why it does not apply to Medicare, Medicaid or TRICARE, and what to do.
        pub federal_program: Text
            => paragraph("For Medicare, Medicaid or TRICARE patients"),
    }
}

book_struct! {
    /// Physical therapy prices.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PhysicalTherapyPrices {
        /// The evaluation that opens a course of therapy (97161 to 97163).
        pub evaluation: TherapyService
            => form("Evaluation").item("evaluation").plausible(THERAPY),
        /// One treatment session.
        pub session: TherapyService
            => form("Each session").item("session").plausible(THERAPY),
    }
}

book_struct! {
    /// A physical therapy practice the clinic works with: a co-provider on a Good Faith Estimate,
    /// named as the clinic is, and priced as the clinic's own therapy is.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct TherapyPartner {
        /// Stable key used by quote requests (`therapy_provider.partner`), e.g. `lakeshore_pt`.
        pub id: String
            => id("Lowercase letters, digits and _, like lakeshore_pt. Patients never see it."),
        /// The practice's name.
        pub name: String
            => form("Name").written(),
        /// Where the practice is.
        pub address: Address
            => form("Address"),
        /// National Provider Identifier: 10 digits with a Luhn check digit.
        pub npi: String
            => form("NPI").kind(Kind::Code).rule(Rule::Npi),
        /// Taxpayer Identification Number: 9 digits.
        pub tin: String
            => form("Tax ID (TIN)").kind(Kind::Tin).hint("9 digits, like 12-3456789").rule(Rule::Tin),
        /// The practice's evaluation and session: its codes, its cash prices, and what the clinic
        /// expects a plan to allow the practice.
        pub physical_therapy: PhysicalTherapyPrices
            => form("Their physical therapy prices"),
    }
}

book_struct! {
    /// A physical therapy service, priced for self-pay and for insurance.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct TherapyService {
        /// CPT code.
        pub code: String
            => form("Billing code").kind(Kind::Code).hint("CPT, like 97110").code().rule(Rule::Code(Codes::Cpt)),
        /// What a visitor reads.
        pub label: Text
            => LABEL,
        /// Self-pay price, also charged for visits past the plan's covered-visit limit.
        pub cash_price_cents: Cents
            => form("Cash price").cash_price().plausible(FEE),
        /// The amount the clinic expects an insurer to allow, split between patient and plan.
        pub allowed_cents: Cents
            => form("Amount insurance usually allows").hint("What a plan usually pays in all for it; used for patients who go through insurance").allowed().plausible(FEE),
    }
}

book_struct! {
    /// Discounts, each shown as its own line.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Discounts {
        /// For more than one injection.
        pub multi_injection: Option<MultiInjectionDiscount> = default
            => form("Discount for more than one injection").switch("Offer a discount for more than one injection"),
        /// For paying the self-pay part in full at the time of service.
        pub prompt_pay: Option<PromptPay> = default
            => form("Prompt-pay discount").switch("Offer a discount for paying in full at the visit"),
    }
}

/// How the clinic discounts a course of several injections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
// Read as a flat struct, `kind` and the union of the variants' fields, then checked: see
// `FlatMultiInjectionDiscount`.
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MultiInjectionDiscount {
    /// Injection number `from_injection` and later (product, administration and guidance) are
    /// `percent_off_bp` off.
    LaterInjectionsPercentOff {
        /// The discount line's label.
        label: Text,
        /// The first injection that is discounted, at least 2.
        from_injection: u32,
        /// Basis points off each discounted injection.
        percent_off_bp: BasisPoints,
    },
    /// A package price for the product when several injections are bought together.
    PackagePrices {
        /// The discount line's label.
        label: Text,
        /// Package prices; a count with no package pays the per-vial price.
        packages: Vec<Package>,
    },
}

book_struct! {
    /// The price of `injections` vials of one product bought together.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Package {
        /// The product's `id`.
        pub product: String
            => form("Product").kind(Kind::Pick { list: "products", value: "id" }).code(),
        /// How many vials, at least 2.
        pub injections: u32
            => form("Injections"),
        /// The price of all of them together.
        pub price_cents: Cents
            => form("Package price").cash_price().plausible(Plausible::money("a package", super::PRODUCT_LOW).zero_too()),
    }
}

book_struct! {
    /// The prompt-pay discount: a percentage off the clinic's self-pay charges paid in full at the
    /// visit, with the label of its line.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PromptPay {
        /// The discount line's label.
        pub label: Text
            => LABEL.says_percent_of("percent_off_bp"),
        /// Basis points off.
        pub percent_off_bp: BasisPoints
            => form("Percent off").plausible(DISCOUNT),
        /// Whether a quote's expected charges include it; either way the document states the
        /// condition and the charges the other way. Books without it include it.
        pub expected_charges: ExpectedCharges = default staff
            => form("On a Good Faith Estimate").default("included"),
        /// Whether it holds when a lender finances the bill; books without it: it holds (the
        /// lender pays the clinic in full at the visit). Written only when it does not, so a book
        /// (and a saved quote's copy of it) without the field is written back as it was.
        #[serde(skip_serializing_if = "WhenFinanced::holds")]
        pub when_financed: WhenFinanced = default
            => form("When a lender finances the bill").default("holds"),
    }
}

/// Whether the prompt-pay discount holds when a lender finances the bill.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhenFinanced {
    /// It holds: the lender pays the clinic in full at the visit, so financing is worked out on
    /// the discounted total.
    #[default]
    Holds,
    /// It does not: financing is worked out on the total without it.
    Lost,
}
impl WhenFinanced {
    /// The default: the discount holds when financing.
    pub fn holds(&self) -> bool {
        *self == WhenFinanced::Holds
    }
}

book_enum!(WhenFinanced {
    "holds" => Holds: "It still holds: the lender pays the clinic in full at the visit",
    "lost" => Lost: "It does not hold: financing is worked out without it",
});

/// Whether a quote's expected charges include the prompt-pay discount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpectedCharges {
    /// The expected charges include it (45 CFR 149.610(a)(2): the cash price "reflecting any
    /// discounts"), and the document says what they are without it.
    #[default]
    Included,
    /// The expected charges leave it out, and the document says what they are with it.
    Excluded,
}
book_enum!(ExpectedCharges {
    "included" => Included: "The expected charges already have it taken off",
    "excluded" => Excluded: "The expected charges are before it",
});

book_struct! {
    /// The texts every estimate carries.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Disclaimers {
        /// That insurance usually does not cover the injections.
        pub self_pay: Text
            => paragraph("Why injections are self-pay"),
        /// That this is an estimate and not a bill or a contract.
        pub estimate_only: Text
            => paragraph("An estimate, not a bill"),
        /// What the estimate does not include.
        pub not_included: Text
            => paragraph("What is not included"),
        /// Shown when physical therapy goes through insurance.
        pub insurance: Text
            => paragraph("How insurance figures are used"),
        /// The notice of the right to a Good Faith Estimate the widget shows (the CMS model
        /// notice's words); absent, the crate's wording of it, so the notice always shows (and then
        /// not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub good_faith_estimate_right: Option<Text> = default
            => paragraph("Notice of the right to a Good Faith Estimate"),
    }
}

book_struct! {
    /// The JSON shape of [`MultiInjectionDiscount`]: `kind` and the union of the variants' fields.
    #[derive(Default)]
    struct FlatMultiInjectionDiscount {
        kind: MultiInjectionKind
            => form("How it works"),
        label: Text
            => LABEL.says_percent_of("percent_off_bp"),
        from_injection: Option<u32> = default
            => form("From injection number").hint("2 means the second and later injections").when("kind", "later_injections_percent_off"),
        percent_off_bp: Option<BasisPoints> = default
            => form("Percent off").plausible(DISCOUNT).when("kind", "later_injections_percent_off"),
        packages: Option<Vec<Package>> [at most 100] = default
            => form("Packages").noun("package").when("kind", "package_prices"),
    }
}

#[derive(Clone, Copy, Default)]
enum MultiInjectionKind {
    #[default]
    LaterInjectionsPercentOff,
    PackagePrices,
}
book_enum!(MultiInjectionKind {
    "later_injections_percent_off" => LaterInjectionsPercentOff: "A percent off each later injection",
    "package_prices" => PackagePrices: "Package prices",
});

/// On the form, the flat fields, each shown for its kind.
#[cfg(staff)]
impl Shape for MultiInjectionDiscount {
    const KIND: Kind = Kind::Group {
        fields: FlatMultiInjectionDiscount::FIELDS,
    };
}

/// `null` is `None`; otherwise the flat fields, then the combination of them is checked. (Read as an
/// `Option`: a discount has no `Default` to read one into.)
impl Read for Option<MultiInjectionDiscount> {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        if *value == Value::Null {
            *self = None;
            return;
        }
        let before = at.problem_count();
        let mut flat = FlatMultiInjectionDiscount::default();
        flat.read(value, at);
        if at.problem_count() > before {
            return; // a field is bad, and its problem says so
        }
        match MultiInjectionDiscount::try_from(flat) {
            Ok(discount) => *self = Some(discount),
            Err(reason) => at.problem(reason),
        }
    }
}

impl TryFrom<FlatMultiInjectionDiscount> for MultiInjectionDiscount {
    type Error = &'static str;

    fn try_from(flat: FlatMultiInjectionDiscount) -> Result<Self, Self::Error> {
        let label = flat.label;
        match (
            flat.kind,
            flat.from_injection,
            flat.percent_off_bp,
            flat.packages,
        ) {
            (
                MultiInjectionKind::LaterInjectionsPercentOff,
                Some(from_injection),
                Some(percent_off_bp),
                None,
            ) => Ok(MultiInjectionDiscount::LaterInjectionsPercentOff {
                label,
                from_injection,
                percent_off_bp,
            }),
            (MultiInjectionKind::LaterInjectionsPercentOff, ..) => Err(
                "must have `from_injection` and `percent_off_bp`, and no `packages`, for \
                 `later_injections_percent_off`",
            ),
            (MultiInjectionKind::PackagePrices, None, None, Some(packages)) => {
                Ok(MultiInjectionDiscount::PackagePrices { label, packages })
            }
            (MultiInjectionKind::PackagePrices, ..) => Err(
                "must have `packages`, and no `from_injection` or `percent_off_bp`, for \
                     `package_prices`",
            ),
        }
    }
}

book_struct! {
    /// Financing: payment plans from the clinic's lending partner, and the text that goes with them.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Financing {
        /// Shown under the offers, e.g. who lends and that credit approval is needed.
        pub disclaimer: Text
            => paragraph("Lender's note").sample("still the sample's note, which says these are sample terms: put your lender's"),
        /// The plans, in the order the page lists them.
        pub plans: Vec<FinancingPlan> [at most 20]
            => form("Plans").noun("plan").sample("still one of the sample lender's plans: put your lender's terms, or remove it"),
    }
}

book_struct! {
    /// One financing plan. Both kinds have the same fields, so a flat struct with a plain `kind` holds
    /// them.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct FinancingPlan {
        /// Stable key used by requests, e.g. `deferred_12`.
        pub id: String
            => id("Lowercase letters, digits and _, like care_credit_12. Patients never see it."),
        /// What a visitor reads, e.g. `12 months, no interest if paid in full`.
        pub label: Text
            => LABEL,
        /// Deferred interest or a fixed APR.
        pub kind: FinancingKind
            => form("Kind"),
        /// The promotion's length, or the loan's term, in months (1 to 60).
        pub months: u32
            => form("Months").rule(Rule::Count { lowest: 1, highest: super::MAX_FINANCING_MONTHS, unit: Unit::Months }),
        /// The annual percentage rate in basis points: a fixed-APR loan's rate, or the rate a
        /// deferred-interest plan charges back if the promotion ends with a balance (0 to 3600).
        pub apr_bp: BasisPoints
            => form("Interest rate (APR)").rule(Rule::Rate(super::MAX_APR.get())).plausible(Plausible::rate("an APR", super::RATE_LOW, super::MAX_APR)),
        /// The smallest amount the plan finances.
        pub min_purchase_cents: Cents
            => form("Smallest amount it can finance").term(),
        /// The lender's smallest monthly payment; 0 for none. A deferred-interest payment is raised to
        /// it; a fixed-APR plan whose amortized payment would be smaller is not available.
        pub min_payment_cents: Cents = default
            => form("Smallest monthly payment").term(),
    }
}

/// How a financing plan charges interest.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FinancingKind {
    /// No interest if the whole amount is paid within `months`; otherwise interest at `apr_bp`
    /// from the purchase date on the full amount ("deferred interest").
    #[default]
    DeferredInterest,
    /// A loan repaid in `months` equal monthly payments at `apr_bp` (standard amortization).
    FixedApr,
}
book_enum!(FinancingKind {
    "deferred_interest" => DeferredInterest: "No interest if paid in full in time",
    "fixed_apr" => FixedApr: "Fixed interest rate",
});

deserialize_by_reading!(
    PriceBookDocument,
    "a price book",
    crate::error::Error::InvalidPriceBook
);
