//! The price book as a document: the shape of the JSON a clinic edits.
//!
//! These are plain data. A document becomes a [`PriceBook`](super::PriceBook) only after
//! validation; `docs/price-book.md` describes every field. Each struct is defined inside
//! `read_struct!`, which also writes its reader: `= default` marks the fields that may be left out,
//! `= staff` those the visitor's module does not read (what only quotes and Good Faith Estimates
//! show: the clinic's address, NPI and TIN, diagnosis codes, extras, therapy partners, the Good
//! Faith Estimate's texts, the effective date, the expected-charges choice).

use serde::Serialize;

use crate::language::{Gender, Text};
use crate::money::{BasisPoints, Cents, Locale};
use crate::read::{deserialize_by_reading, read_enum, read_struct, Read, Reader, Value};

read_struct! {
    /// Every price and rule the estimator uses, as a clinic writes it.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PriceBookDocument {
        /// The clinic's name for this edition, e.g. `2026.11`. Quotes record it.
        pub version: String,
        /// The first day these prices apply, `YYYY-MM-DD`.
        pub effective_date: String = staff,
        /// True for the embedded sample figures; the page then says so.
        pub sample_data: bool = default,
        /// Who is quoting.
        pub clinic: Clinic,
        /// The currency of every amount. Only US dollars for now.
        pub currency: Currency,
        /// How amounts and text are shown.
        pub locale: Locale,
        /// Upper bounds on what a request may ask for.
        pub limits: Limits,
        /// The conditions the clinic treats, in the order the page lists them.
        pub conditions: Vec<Condition> [at most 100],
        /// The amniotic products offered; the first is the default.
        pub products: Vec<Product> [at most 50],
        /// The fee for giving one injection, one per procedure code the conditions use.
        pub administration_fees: Vec<PricedService> [at most 50],
        /// Ultrasound guidance for needle placement (76942), per injection visit.
        pub ultrasound_guidance: PricedService,
        /// Office visits.
        pub visits: Visits,
        /// The walking boot worn for a few days after an injection (L4361).
        pub walking_boot: PricedService,
        /// Further items staff can add to a quote, such as follow-up visits and imaging review.
        pub extras: Vec<Extra> [at most 100] = staff,
        /// What a Good Faith Estimate says besides its items.
        pub good_faith_estimate: GoodFaithEstimateTexts = staff,
        /// Physical therapy, at cash and at insurance-allowed prices.
        pub physical_therapy: PhysicalTherapyPrices,
        /// Physical therapy practices the clinic refers patients to, each with its identity and its
        /// own prices, so staff pick one for a quote instead of typing it in. Left out when the
        /// book has none (and then not written either, so a saved quote of such a book reads in
        /// releases before partners).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub therapy_partners: Vec<TherapyPartner> [at most 20] = default staff,
        /// Discounts, each shown as its own line.
        pub discounts: Discounts = default,
        /// The texts every estimate carries.
        pub disclaimers: Disclaimers,
        /// Payment plans a visitor can finance the total with; absent when the clinic offers none.
        pub financing: Option<Financing> = default,
    }
}

read_struct! {
    /// The clinic's identity, as a Good Faith Estimate names it.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Clinic {
        /// The practice's name.
        pub name: String,
        /// The phone number patients call.
        pub phone: String,
        /// An email address patients may write to, e.g. to ask for a Good Faith Estimate; absent
        /// when the clinic gives none (and then not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub email: Option<String> = default,
        /// Where the clinic is.
        pub address: Address = staff,
        /// National Provider Identifier: 10 digits with a Luhn check digit.
        pub npi: String = staff,
        /// Taxpayer Identification Number: 9 digits.
        pub tin: String = staff,
    }
}

read_struct! {
    /// A US street address.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Address {
        /// Street and number.
        pub street: String,
        /// City.
        pub city: String,
        /// Two-letter USPS state code, e.g. `TX`.
        pub state: String,
        /// ZIP code, 5 digits or ZIP+4.
        pub zip: String,
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
read_enum!(Currency { "USD" => Usd });

read_enum!(Locale { "en-US" => EnUs });

read_struct! {
    /// Upper bounds on what a request may ask for.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Limits {
        /// The most injections one estimate may cover (1 to 10).
        pub max_injections: u32,
        /// The most physical therapy sessions one estimate may cover (0 to 100).
        pub max_pt_sessions: u32,
    }
}

read_struct! {
    /// A condition the clinic treats, and how its injection is coded.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Condition {
        /// Stable key used by requests, e.g. `plantar_fasciitis`.
        pub id: String,
        /// What a visitor reads, e.g. `Plantar fasciitis (heel pain)`.
        pub label: Text,
        /// ICD-10-CM diagnosis codes by side.
        pub icd10: Laterality = staff,
        /// The CPT code of the injection, e.g. `20550`.
        pub procedure_code: String,
        /// Whether ultrasound guidance (76942) is billed on top of the procedure code. False for codes
        /// that include it (20604, 20606, 20611).
        pub ultrasound_billed_separately: bool,
        /// How many injections this condition usually takes; used when a visitor is not sure.
        pub typical_injections: CountRange,
        /// How many physical therapy sessions usually follow; used for "typical".
        pub typical_pt_sessions: CountRange,
    }
}

read_struct! {
    /// A diagnosis code for each side.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Laterality {
        /// Code for the left side.
        pub left: String,
        /// Code for the right side.
        pub right: String,
    }
}

read_struct! {
    /// An inclusive range of counts, `min..=max`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct CountRange {
        /// The fewest.
        pub min: u32,
        /// The most.
        pub max: u32,
    }
}

read_struct! {
    /// An amniotic product option, billed once per injection.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Product {
        /// Stable key used by requests, e.g. `amnion_1ml`.
        pub id: String,
        /// What a visitor reads.
        pub label: Text,
        /// The HCPCS code, e.g. `Q4206`.
        pub hcpcs: String,
        /// Self-pay price per vial.
        pub price_cents: Cents,
        /// The Spanish gender of what one is (`el vial`: `masculine`), which "each" agrees with;
        /// left out, masculine (products are sold by the vial). Not written when left out.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spanish_gender: Option<Gender> = default,
    }
}

impl Product {
    /// The Spanish gender of one of it: as written, or masculine (`el vial`).
    pub fn gender(&self) -> Gender {
        self.spanish_gender.unwrap_or(Gender::Masculine)
    }
}

read_struct! {
    /// A service with one self-pay price.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PricedService {
        /// CPT or HCPCS code.
        pub code: String,
        /// What a visitor reads.
        pub label: Text,
        /// Self-pay price.
        pub price_cents: Cents,
    }
}

read_struct! {
    /// Office visits.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Visits {
        /// The new-patient consultation a visitor can add (99203 or 99204).
        pub consultation: PricedService,
    }
}

read_struct! {
    /// An item staff can add to a quote by its `id`, e.g. a follow-up visit.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Extra {
        /// Stable key used by quote requests, e.g. `follow_up`.
        pub id: String,
        /// CPT or HCPCS code.
        pub code: String,
        /// What a patient reads.
        pub label: Text,
        /// Self-pay price of one.
        pub price_cents: Cents,
        /// The Spanish gender of what one is (`la visita`: `feminine`), which "each" agrees with;
        /// left out, feminine (extras are visits, reviews, X-rays: `la visita`, `la revisión`,
        /// `la radiografía`). Not written when left out.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spanish_gender: Option<Gender> = default,
    }
}

impl Extra {
    /// The Spanish gender of one of it: as written, or feminine (`la visita`).
    pub fn gender(&self) -> Gender {
        self.spanish_gender.unwrap_or(Gender::Feminine)
    }
}

read_struct! {
    /// The texts of a Good Faith Estimate (45 CFR 149.610) besides its items.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct GoodFaithEstimateTexts {
        /// Days from the issue date until the estimate expires (1 to 365).
        pub valid_days: u32,
        /// Items and services the patient would schedule separately, beyond those the quote lists.
        pub separately_scheduled: Vec<Text> [at most 20],
        /// That other items or services may be recommended and are not included.
        pub other_services: Text,
        /// That this is an estimate and actual charges may differ.
        pub actual_charges_may_differ: Text,
        /// The patient-provider dispute resolution right: $400 or more above the estimate for any one
        /// provider, within 120 days of the bill, and where to find out more.
        pub dispute_rights: Text,
        /// That starting the dispute-resolution process will not adversely affect the quality of
        /// the care the patient receives, printed after `dispute_rights`; absent, the crate's
        /// wording (and then not written, so books and saved quotes from before still read).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub quality_of_care: Option<Text> = default staff,
        /// That the estimate is not a contract and does not oblige the patient to obtain the services.
        pub not_a_contract: Text,
        /// Why the estimate does not apply to an insured patient who wants the claim filed, and what to do.
        pub insured_filing_claim: Text,
        /// Why it does not apply to Medicare, Medicaid or TRICARE, and what to do.
        pub federal_program: Text,
    }
}

read_struct! {
    /// Physical therapy prices.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PhysicalTherapyPrices {
        /// The evaluation that opens a course of therapy (97161 to 97163).
        pub evaluation: TherapyService,
        /// One treatment session.
        pub session: TherapyService,
    }
}

read_struct! {
    /// A physical therapy practice the clinic works with: a co-provider on a Good Faith Estimate,
    /// named as the clinic is, and priced as the clinic's own therapy is.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct TherapyPartner {
        /// Stable key used by quote requests (`therapy_provider.partner`), e.g. `lakeshore_pt`.
        pub id: String,
        /// The practice's name.
        pub name: String,
        /// Where the practice is.
        pub address: Address,
        /// National Provider Identifier: 10 digits with a Luhn check digit.
        pub npi: String,
        /// Taxpayer Identification Number: 9 digits.
        pub tin: String,
        /// The practice's evaluation and session: its codes, its cash prices, and what the clinic
        /// expects a plan to allow the practice.
        pub physical_therapy: PhysicalTherapyPrices,
    }
}

read_struct! {
    /// A physical therapy service, priced for self-pay and for insurance.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct TherapyService {
        /// CPT code.
        pub code: String,
        /// What a visitor reads.
        pub label: Text,
        /// Self-pay price, also charged for visits past the plan's covered-visit limit.
        pub cash_price_cents: Cents,
        /// The amount the clinic expects an insurer to allow, split between patient and plan.
        pub allowed_cents: Cents,
    }
}

read_struct! {
    /// Discounts, each shown as its own line.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Discounts {
        /// For more than one injection.
        pub multi_injection: Option<MultiInjectionDiscount> = default,
        /// For paying the self-pay part in full at the time of service.
        pub prompt_pay: Option<PromptPay> = default,
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

read_struct! {
    /// The price of `injections` vials of one product bought together.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Package {
        /// The product's `id`.
        pub product: String,
        /// How many vials, at least 2.
        pub injections: u32,
        /// The price of all of them together.
        pub price_cents: Cents,
    }
}

read_struct! {
    /// The prompt-pay discount: a percentage off the clinic's self-pay charges paid in full at the
    /// visit, with the label of its line.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PromptPay {
        /// The discount line's label.
        pub label: Text,
        /// Basis points off.
        pub percent_off_bp: BasisPoints,
        /// Whether a quote's expected charges include it; either way the document states the
        /// condition and the charges the other way. Books without it include it.
        pub expected_charges: ExpectedCharges = default staff,
    }
}

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
read_enum!(ExpectedCharges {
    "included" => Included,
    "excluded" => Excluded,
});

read_struct! {
    /// The texts every estimate carries.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Disclaimers {
        /// That insurance usually does not cover the injections.
        pub self_pay: Text,
        /// That this is an estimate and not a bill or a contract.
        pub estimate_only: Text,
        /// What the estimate does not include.
        pub not_included: Text,
        /// Shown when physical therapy goes through insurance.
        pub insurance: Text,
        /// The notice of the right to a Good Faith Estimate the widget shows (the CMS model
        /// notice's words); absent, the crate's wording of it, so the notice always shows (and then
        /// not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub good_faith_estimate_right: Option<Text> = default,
    }
}

read_struct! {
    /// The JSON shape of [`MultiInjectionDiscount`]: `kind` and the union of the variants' fields.
    #[derive(Default)]
    struct FlatMultiInjectionDiscount {
        kind: MultiInjectionKind,
        label: Text,
        from_injection: Option<u32> = default,
        percent_off_bp: Option<BasisPoints> = default,
        packages: Option<Vec<Package>> [at most 100] = default,
    }
}

#[derive(Clone, Copy, Default)]
enum MultiInjectionKind {
    #[default]
    LaterInjectionsPercentOff,
    PackagePrices,
}
read_enum!(MultiInjectionKind {
    "later_injections_percent_off" => LaterInjectionsPercentOff,
    "package_prices" => PackagePrices,
});

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

read_struct! {
    /// Financing: payment plans from the clinic's lending partner, and the text that goes with them.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Financing {
        /// Shown under the offers, e.g. who lends and that credit approval is needed.
        pub disclaimer: Text,
        /// The plans, in the order the page lists them.
        pub plans: Vec<FinancingPlan> [at most 20],
    }
}

read_struct! {
    /// One financing plan. Both kinds have the same fields, so a flat struct with a plain `kind` holds
    /// them.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct FinancingPlan {
        /// Stable key used by requests, e.g. `deferred_12`.
        pub id: String,
        /// What a visitor reads, e.g. `12 months, no interest if paid in full`.
        pub label: Text,
        /// Deferred interest or a fixed APR.
        pub kind: FinancingKind,
        /// The promotion's length, or the loan's term, in months (1 to 60).
        pub months: u32,
        /// The annual percentage rate in basis points: a fixed-APR loan's rate, or the rate a
        /// deferred-interest plan charges back if the promotion ends with a balance (0 to 3600).
        pub apr_bp: BasisPoints,
        /// The smallest amount the plan finances.
        pub min_purchase_cents: Cents,
        /// The lender's smallest monthly payment; 0 for none. A deferred-interest payment is raised to
        /// it; a fixed-APR plan whose amortized payment would be smaller is not available.
        pub min_payment_cents: Cents = default,
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
read_enum!(FinancingKind {
    "deferred_interest" => DeferredInterest,
    "fixed_apr" => FixedApr,
});

deserialize_by_reading!(
    PriceBookDocument,
    "a price book",
    crate::error::Error::InvalidPriceBook
);
