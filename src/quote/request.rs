//! What billing staff enter for a quote, and its validation.
//!
//! A quote request is the visitor's answers (`answers`, with exact counts) plus what only staff
//! know: the patient, the side, dates, extra items, a staff discount, and the physical therapy
//! provider when therapy is given elsewhere.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Date;
use crate::error::{excerpt, Error, Hidden, Problems, Refusal};
use crate::estimate::{
    Breakdown, Coverage, EstimateRequest, FormValue, LineKind, Payer, Plan, ProviderRole,
    StaffDiscount, StaffDiscountOff, Therapy,
};
use crate::language::{ProviderField, QuoteRefusal};

use crate::money::{BasisPoints, Cents};
use crate::price_book::{
    is_state, is_valid_tin, is_zip, npi_fault, ExpectedCharges, PhysicalTherapyPrices, PriceBook,
    TherapyPartner, MAX_PRICE,
};
use crate::read::{self, deserialize_by_reading, read_enum, read_struct, Value};

read_struct! {
    /// Everything staff enter for a quote.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct QuoteRequest {
        /// Asked first: does the No Surprises Act Good Faith Estimate apply? Never assumed: left
        /// out (the staff form's answer until one is chosen), the quote is refused.
        pub coverage: Option<CoverageScreening> = default,
        /// Who the quote is for.
        pub patient: PatientAnswers = default,
        /// `left` or `right`: picks the ICD-10 code with its laterality. Blank until chosen, and
        /// then refused.
        pub side: String = default,
        /// The date the quote is issued, `YYYY-MM-DD`.
        pub issued_on: String = default,
        /// The scheduled date of the primary service (the first injection), if scheduled.
        pub scheduled_on: String = default,
        /// The dates of the later injections, in order, `YYYY-MM-DD`: at most one fewer than the
        /// planned injections (9 for the largest `limits.max_injections`, 10).
        pub later_injections_on: Vec<String> [at most 9] = default,
        /// The day the first injection was booked, `YYYY-MM-DD`, blank if it is not booked yet:
        /// when the Good Faith Estimate is due runs from it (45 CFR 149.610(b)(1)(vi)). Staff's
        /// record, never printed, so not in the quote number; not written when blank.
        #[serde(skip_serializing_if = "String::is_empty")]
        pub booked_on: String = default,
        /// The day the patient asked for an estimate, `YYYY-MM-DD`, blank if not asked: with
        /// nothing booked, the Good Faith Estimate is due 3 business days after it. Staff's record,
        /// as `booked_on`.
        #[serde(skip_serializing_if = "String::is_empty")]
        pub estimate_requested_on: String = default,
        /// The treatment, as on the visitor page, with exact counts.
        pub answers: EstimateRequest = default,
        /// When the clinician expects "planned, or up to N" injections: N. Blank for none.
        pub injections_up_to: FormValue = default,
        /// Quantities of price book extras by `id`, e.g. `{ "follow_up": "2" }`.
        pub extras: BTreeMap<String, FormValue> [at most 100] = default,
        /// A discount staff apply, with its reason.
        pub staff_discount: StaffDiscountAnswers = default,
        /// Whether physical therapy is given by another provider.
        pub therapy_elsewhere: bool = default,
        /// That provider, when `therapy_elsewhere`: a price book partner, or typed in.
        pub therapy_provider: ProviderAnswers = default,
        /// For a revised document, every document it replaces, the one it replaces directly first
        /// (each a revision of the next). Set by [`Reopened::requote`](super::Reopened::requote),
        /// not typed; not written when empty, so a document that replaces none saves and is
        /// numbered as it was before revisions.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub replaces: Vec<Replaced> [at most 100] = default,
        /// Whether the expected charges include the book's prompt-pay discount, as staff say on
        /// this quote (will the patient pay in full at the visit?). Left out, the book's
        /// `prompt_pay.expected_charges`, so files saved before the choice price as they did (and
        /// then not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub prompt_pay: Option<PromptPayChoice> = default,
    }
}

read_struct! {
    /// A document a revision replaces: its number and the date it was issued.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Replaced {
        /// Its quote number, `GFE-…` or `SPQ-…`, as the patient holds it.
        pub quote_number: String,
        /// Its issue date, `YYYY-MM-DD`.
        pub issued_on: String,
    }
}

/// What a quote does with the price book's prompt-pay discount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptPayChoice {
    /// The patient will pay in full at the visit: the expected charges include the discount, and
    /// the document states them without it.
    #[default]
    Included,
    /// The patient may not: the expected charges are before the discount, and the document states
    /// them with it.
    Excluded,
    /// No prompt-pay discount on this quote: no discount line, and the document does not mention
    /// one (what a Medicare patient's quote needs, see `new_document`).
    NotOffered,
}
read_enum!(PromptPayChoice {
    "included" => Included,
    "excluded" => Excluded,
    "not_offered" => NotOffered,
});

impl PromptPayChoice {
    /// The choice a book's `expected_charges` makes when a quote leaves it to the book.
    pub(crate) fn of_book(expected: ExpectedCharges) -> PromptPayChoice {
        match expected {
            ExpectedCharges::Included => PromptPayChoice::Included,
            ExpectedCharges::Excluded => PromptPayChoice::Excluded,
        }
    }
}

/// The coverage-screening answer. (Its `Default` is only what the reader reads into; a request
/// that leaves the answer out has none, and is refused.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageScreening {
    /// Uninsured, or insured but not using the insurance: a Good Faith Estimate applies.
    #[default]
    SelfPay,
    /// Insured and wants the claim filed.
    InsuredFilingClaim,
    /// Medicare.
    Medicare,
    /// Medicaid.
    Medicaid,
    /// TRICARE.
    Tricare,
}
read_enum!(CoverageScreening {
    "self_pay" => SelfPay,
    "insured_filing_claim" => InsuredFilingClaim,
    "medicare" => Medicare,
    "medicaid" => Medicaid,
    "tricare" => Tricare,
});

read_struct! {
    /// The patient's name and date of birth.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PatientAnswers {
        /// Full name, as it should print.
        pub name: String = default,
        /// `YYYY-MM-DD`.
        pub date_of_birth: String = default,
    }
}

read_struct! {
    /// A staff discount: a percentage or an amount, and why.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct StaffDiscountAnswers {
        /// Percent off the clinic's self-pay charges; blank if `amount` is used.
        pub percent: FormValue = default,
        /// Dollars off; blank if `percent` is used.
        pub amount: FormValue = default,
        /// Why, as it prints on the quote.
        pub reason: String = default,
    }
}

read_struct! {
    /// A provider's identity as staff enter it: a price book partner's `id`, or its name,
    /// identifiers and address typed in.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct ProviderAnswers {
        /// A `therapy_partners[].id` of the price book, whose identity and prices the quote then
        /// uses (the fields below are not read); blank for a provider typed in. Not written when
        /// blank, so a quote without a partner saves as it did before partners.
        #[serde(skip_serializing_if = "String::is_empty")]
        pub partner: String = default,
        /// Practice name.
        pub name: String = default,
        /// 10-digit NPI.
        pub npi: String = default,
        /// 9-digit TIN.
        pub tin: String = default,
        /// Street and number.
        pub street: String = default,
        /// City.
        pub city: String = default,
        /// Two-letter state code.
        pub state: String = default,
        /// ZIP code.
        pub zip: String = default,
        /// A provider typed in: its own cash price for the evaluation that opens therapy, in
        /// dollars (`160` or `160.00`). Blank in a file saved before these prices were asked
        /// for: the clinic's, as those releases priced it; a new document needs it
        /// ([`QuoteRequest::new_document`]). Not written when blank, nor read for a partner.
        #[serde(skip_serializing_if = "is_blank")]
        pub evaluation_price: FormValue = default,
        /// Its own cash price for one session, likewise.
        #[serde(skip_serializing_if = "is_blank")]
        pub session_price: FormValue = default,
        /// What a plan usually allows it for the evaluation, when therapy goes through insurance.
        #[serde(skip_serializing_if = "is_blank")]
        pub evaluation_allowed: FormValue = default,
        /// What a plan usually allows it for one session, likewise.
        #[serde(skip_serializing_if = "is_blank")]
        pub session_allowed: FormValue = default,
    }
}

/// The staff form's "Other provider (type it in)", told apart from no provider chosen (blank), so a
/// provider chosen but not yet typed is asked for at its blank fields, not at the choice. Never a
/// partner's id (lowercase letters, digits and _). Saved as blank, as every release saved a
/// typed-in provider ([`QuoteRequest::as_saved`]): a blank choice with a typed name is still read
/// as a provider typed in.
pub const TYPED_IN: &str = "typed-in";

/// Whether a form value is blank: a price not entered, left out of the saved file.
fn is_blank(value: &FormValue) -> bool {
    value.as_str().is_empty()
}

/// Which side is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

/// Which rules a request must meet. A saved file is reopened under the rules of the release that
/// saved it, so it gives the number on the patient's paper; a new or revised document must also
/// meet the rules added since ([`QuoteRequest::new_document`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Issue {
    /// A new quote, or a revision of a reopened one.
    New,
    /// A saved file reopened as it was printed.
    Saved,
}

/// A quote request checked against a price book.
pub(crate) struct QuotePlan<'a> {
    pub plan: Plan<'a>,
    pub coverage: CoverageScreening,
    pub patient_name: String,
    pub date_of_birth: Date,
    pub side: Side,
    pub issued_on: Date,
    pub scheduled_on: Option<Date>,
    pub later_injections_on: Vec<Date>,
    pub injections: u32,
    pub injections_up_to: Option<u32>,
    pub sessions: u32,
    pub therapy_provider: Option<ProviderAnswers>,
    /// The documents this one replaces, the direct one first: (number, issue date).
    pub replaces: Vec<(String, Date)>,
    /// A typed-in provider's prices that break no rule but are far from what therapy costs
    /// (`Therapy provider's session price: is $9.50, low for physical therapy ...`).
    pub price_warnings: Vec<String>,
    /// The prompt-pay discount on this quote: the request's choice, else the book's; `None` when
    /// the book has no prompt-pay discount.
    pub prompt_pay: Option<PromptPayChoice>,
    /// The day the first injection was booked, and the day the patient asked for an estimate.
    pub booked_on: Option<Date>,
    pub estimate_requested_on: Option<Date>,
}

/// The request's dates as checked (trimmed, parsed; blank later dates at the end left out): the
/// same ones the printed document formats, kept with the quote for the record-system export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CheckedDates {
    pub issued_on: Date,
    pub date_of_birth: Date,
    pub scheduled_on: Option<Date>,
    pub later_injections_on: Vec<Date>,
    /// The injections planned: every one has its date when `later_injections_on` holds one fewer.
    pub injections: u32,
    pub booked_on: Option<Date>,
    pub estimate_requested_on: Option<Date>,
}

impl QuotePlan<'_> {
    /// Its dates, as checked.
    pub(crate) fn dates(&self) -> CheckedDates {
        CheckedDates {
            issued_on: self.issued_on,
            date_of_birth: self.date_of_birth,
            scheduled_on: self.scheduled_on,
            later_injections_on: self.later_injections_on.clone(),
            injections: self.injections,
            booked_on: self.booked_on,
            estimate_requested_on: self.estimate_requested_on,
        }
    }
}

deserialize_by_reading!(QuoteRequest, "a quote request", Error::InvalidRequest);

/// The most of one extra item a quote may list.
const MAX_EXTRA_QUANTITY: u32 = 20;

/// The oldest a date of birth makes a patient on the issue date, in years.
const MAX_AGE: u32 = 120;

impl QuoteRequest {
    /// The request as a saved file holds it: a provider typed in has a blank `partner`
    /// ([`TYPED_IN`] is the form's value only), so files saved before and after the form told
    /// "Other provider" from no choice are written alike.
    pub(crate) fn as_saved(&self) -> QuoteRequest {
        let mut saved = self.clone();
        if saved.therapy_provider.partner.trim() == TYPED_IN {
            saved.therapy_provider.partner.clear();
        }
        saved
    }

    /// Reads a quote request from a parsed document (JSON natively, a JS object in the browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the path of every type error, missing or unknown field.
    pub fn from_value(value: &Value) -> Result<QuoteRequest, Error> {
        read::document(value, None, Error::InvalidRequest)
    }

    /// Reads a quote request from any serde source.
    ///
    /// # Errors
    ///
    /// As [`QuoteRequest::from_value`]; malformed input is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<QuoteRequest, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        read::from_serde(deserializer, None, Error::InvalidRequest)
    }

    /// Checks every field against `book`, reporting every problem at once.
    ///
    /// A choice that changes a code or an amount is never made for staff: a quote with one left
    /// unchosen (the staff form's blank) is refused at that choice, in the quote's language.
    pub(crate) fn plan<'a>(
        &self,
        book: &'a PriceBook,
        issue: Issue,
    ) -> Result<QuotePlan<'a>, Error> {
        let mut problems = Problems::default();
        let unchosen = &self.answers.language.gfe_words().unchosen;
        let refuse = self.refuse();
        problems.check(self.coverage.is_some(), "coverage", || {
            unchosen.coverage.into()
        });
        let answers = match self.answers.plan(book) {
            Ok(plan) => Some(plan),
            Err(error) => {
                for field in error.fields() {
                    // A count left blank is a choice not made, said as staff read it.
                    let reason = match field.path.as_str() {
                        "injections" if self.answers.injections.as_str().is_empty() => {
                            unchosen.injections.to_owned()
                        }
                        "physical_therapy.sessions"
                            if self.answers.physical_therapy.sessions.as_str().is_empty() =>
                        {
                            unchosen.sessions.to_owned()
                        }
                        _ => field.reason.clone(),
                    };
                    problems.add(format!("answers.{}", field.path), reason);
                }
                None
            }
        };
        // Left out, the product is the book's first (files saved before it was a choice); left
        // blank, it is the staff form's product not chosen yet.
        let blank_product = self
            .answers
            .product
            .as_deref()
            .is_some_and(|id| id.trim().is_empty());
        problems.check(!blank_product, "answers.product", || {
            unchosen.product.into()
        });

        let name = self.patient.name.trim();
        problems.check(!name.is_empty(), "patient.name", || {
            refuse(&QuoteRefusal::PatientName)
        });
        problems.check(name.chars().count() <= 200, "patient.name", || {
            refuse(&QuoteRefusal::TooLong { max: 200 })
        });
        self.printable(&mut problems, "patient.name", name);
        let issued_on = self.date(&mut problems, "issued_on", &self.issued_on);
        let date_of_birth = self.date(
            &mut problems,
            "patient.date_of_birth",
            &self.patient.date_of_birth,
        );
        if let (Some(born), Some(issued)) = (date_of_birth, issued_on) {
            problems.check(born <= issued, "patient.date_of_birth", || {
                refuse(&QuoteRefusal::BornAfterIssue(issued))
            });
            // No one is older than 120 (the oldest person on record was 122): an earlier year is a
            // slip of the keyboard, 1900 for 1990, which would print a wrong date on the document.
            let earliest = issued.years_before(MAX_AGE);
            problems.check(born >= earliest, "patient.date_of_birth", || {
                refuse(&QuoteRefusal::BornTooLongAgo {
                    years: MAX_AGE,
                    earliest,
                    born,
                })
            });
        }
        let prompt_pay = self.prompt_pay(book, &mut problems);
        if issue == Issue::New {
            self.new_document(book, &mut problems, issued_on);
            self.medicare(&mut problems, prompt_pay);
            if let Some(plan) = &answers {
                self.plan_figures_entered(plan, &mut problems);
            }
        }
        let scheduled_on = match self.scheduled_on.trim() {
            "" => None,
            text => self.date(&mut problems, "scheduled_on", text),
        };
        if let (Some(scheduled), Some(issued)) = (scheduled_on, issued_on) {
            problems.check(scheduled >= issued, "scheduled_on", || {
                refuse(&QuoteRefusal::ScheduledBeforeIssue { issued, scheduled })
            });
        }
        let side = match self.side.trim() {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            "" => {
                problems.add("side", unchosen.side);
                None
            }
            other => {
                problems.add("side", refuse(&QuoteRefusal::Side(other)));
                None
            }
        };

        let exact =
            |range: crate::price_book::CountRange| (range.min == range.max).then_some(range.min);
        let injections = answers.as_ref().and_then(|plan| {
            let planned = exact(plan.injections);
            problems.check(planned.is_some(), "answers.injections", || {
                refuse(&QuoteRefusal::PlannedInjections)
            });
            planned
        });
        let sessions = answers.as_ref().and_then(|plan| {
            let planned = exact(plan.sessions);
            problems.check(
                planned.is_some(),
                "answers.physical_therapy.sessions",
                || refuse(&QuoteRefusal::PlannedSessions),
            );
            planned
        });
        let max_injections = book.document().limits.max_injections;
        let injections_up_to = match (self.injections_up_to.as_str(), injections) {
            ("", _) | (_, None) => None,
            (text, Some(planned)) => match text.parse::<u32>() {
                Ok(n) if n > planned && n <= max_injections => Some(n),
                _ => {
                    let refusal = QuoteRefusal::InjectionsUpTo {
                        planned,
                        max: max_injections,
                        got: text,
                    };
                    problems.add("injections_up_to", refuse(&refusal));
                    None
                }
            },
        };

        let later_injections_on =
            self.later_injections_on(&mut problems, scheduled_on, issued_on, injections);
        let replaces = self.replaces(&mut problems, issued_on);
        let (booked_on, estimate_requested_on) =
            self.booked_and_requested(&mut problems, issued_on);
        let extras = self.extras(book, &mut problems);
        let staff_discount = self.staff_discount(&mut problems);
        let (therapy_provider, therapy_partner) = if self.therapy_elsewhere {
            self.therapy_provider(book, &mut problems)
        } else {
            (None, None)
        };
        if issue == Issue::New {
            self.own_prices_entered(&mut problems);
        }
        let typed_therapy_prices = match (&therapy_provider, therapy_partner) {
            (Some(_), None) => self.typed_therapy_prices(book, &mut problems),
            _ => None,
        };
        let price_warnings = typed_therapy_prices
            .as_ref()
            .map_or_else(Vec::new, |prices| self.typed_price_warnings(prices));

        match (
            answers,
            self.coverage,
            issued_on,
            date_of_birth,
            side,
            injections,
            sessions,
        ) {
            (
                Some(mut plan),
                Some(coverage),
                Some(issued_on),
                Some(date_of_birth),
                Some(side),
                Some(injections),
                Some(sessions),
            ) => {
                plan.extras = extras;
                plan.staff_discount = staff_discount;
                plan.therapy_elsewhere = self.therapy_elsewhere;
                plan.therapy_partner = therapy_partner;
                plan.typed_therapy_prices = typed_therapy_prices;
                plan.prompt_pay_offered = prompt_pay != Some(PromptPayChoice::NotOffered);
                problems.into_result(
                    QuotePlan {
                        plan,
                        coverage,
                        patient_name: name.to_owned(),
                        date_of_birth,
                        side,
                        issued_on,
                        scheduled_on,
                        later_injections_on,
                        injections,
                        injections_up_to,
                        sessions,
                        therapy_provider,
                        replaces,
                        price_warnings,
                        prompt_pay,
                        booked_on,
                        estimate_requested_on,
                    },
                    Error::InvalidRequest,
                )
            }
            _ => Err(Error::InvalidRequest(problems.into_fields())),
        }
    }

    /// The rules a new or revised document meets besides those every saved file met: a rule added
    /// here must not apply to a reopened file, or a file printed before it would be refused, or
    /// given another number than the one the patient holds.
    ///
    /// - The price book must be in effect on the issue date: a quote issued before its prices
    ///   take effect would promise prices the clinic does not charge yet.
    /// - A therapy provider typed in needs its own evaluation and session prices, and what a plan
    ///   allows it for each when therapy goes through insurance ([`Self::own_prices_entered`],
    ///   checked after the provider's identity, so its problems list in the form's order): a
    ///   co-provider's expected charges are its own, not the clinic's.
    /// - A staff discount that leaves none of the clinic's charges needs a reason that says why
    ///   and who approved it ([`waiver_reason_problem`], checked once the quote is priced).
    /// - No scheduled date (`scheduled_on`, each `later_injections_on.N`) may be after the last day
    ///   the estimate is valid (the issue date plus the book's `valid_days`), nor more than 12
    ///   months after the issue date: the document would list a date it does not cover. Each is
    ///   refused at its own field, saying what to do instead.
    /// - A Medicare patient's quote has no staff or prompt-pay discount and no therapy in cash
    ///   (`medicare`, called beside this one).
    /// - Therapy through insurance has the plan figures it is priced by: the deductible left when
    ///   it applies, and the coinsurance or the copay (`plan_figures_entered`, called beside this
    ///   one): a staff quote prices one figure, and a blank one would be the plan's best case.
    /// - With a book that offers a prompt-pay discount, staff say whether the patient will pay in
    ///   full at the visit (`prompt_pay`): the choice changes the amounts, so it is not the book's
    ///   for them. A saved file without it keeps the book's setting, as it was printed.
    fn new_document(&self, book: &PriceBook, problems: &mut Problems, issued_on: Option<Date>) {
        self.within_valid_until(book, problems, issued_on);
        let offered = book.document().discounts.prompt_pay.is_some();
        problems.check(!offered || self.prompt_pay.is_some(), "prompt_pay", || {
            self.answers.language.gfe_words().unchosen.prompt_pay.into()
        });
        let effective = Date::parse(&book.document().effective_date);
        if let (Some(issued), Ok(effective)) = (issued_on, effective) {
            problems.check(issued >= effective, "issued_on", || {
                (self.refuse())(&QuoteRefusal::BeforeEffective {
                    effective,
                    version: &book.document().version,
                    issued,
                })
            });
        }
    }

    /// A new document's scheduled dates: none after its last valid day, none more than 12 months
    /// after it is issued (`new_document`). A date that is not a date is refused where it is read.
    fn within_valid_until(
        &self,
        book: &PriceBook,
        problems: &mut Problems,
        issued_on: Option<Date>,
    ) {
        let Some(issued) = issued_on else {
            return;
        };
        let language = self.answers.language;
        let words = language.date_words();
        let last_valid = super::good_faith_estimate::valid_until(book, issued);
        let a_year_on = issued.a_year_later();
        let later = self.later_injections_on.iter().enumerate();
        let dates = std::iter::once(("scheduled_on".to_owned(), &self.scheduled_on))
            .chain(later.map(|(index, text)| (format!("later_injections_on.{index}"), text)));
        for (path, text) in dates {
            let Ok(day) = Date::parse(text.trim()) else {
                continue;
            };
            // The book's `valid_days` is at most 365, so its last valid day is never more than 12
            // months on: a date past a year is past it too, and said as the likelier slip, the year.
            if day > a_year_on {
                problems.add(path, (words.beyond_a_year)(&issued.long_form(language)));
            } else if day > last_valid {
                problems.add(
                    path,
                    (words.after_valid_until)(&last_valid.long_form(language)),
                );
            }
        }
    }

    /// A new document's therapy through insurance, with sessions planned, names the plan figures
    /// it is priced by (DESIGN.md, "Blank is not zero"): a staff quote prices one figure, and a
    /// figure left blank would be its best case (no deductible left, 0 % coinsurance), which
    /// understates the patient's share. So the deductible left (when it applies) and the
    /// coinsurance or the copay are refused blank, each at its field, in the quote's language; 0 is
    /// an answer. Covered visits and the out-of-pocket maximum blank are "no limit", as the form
    /// says.
    fn plan_figures_entered(&self, plan: &Plan<'_>, problems: &mut Problems) {
        let Therapy::Insurance(range) = &plan.therapy else {
            return;
        };
        if plan.sessions.max == 0 {
            return;
        }
        let words = &self.answers.language.gfe_words().plan_figure_needed;
        let path = |field: &str| format!("answers.physical_therapy.insurance.{field}");
        if range.unknown.deductible {
            problems.add(path("deductible_remaining"), words.deductible);
        }
        if range.unknown.coinsurance {
            problems.add(path("coinsurance_percent"), words.coinsurance);
        }
    }

    /// The day the first injection was booked and the day the patient asked for an estimate: each
    /// a date, not after the issue date (so a booking is never after the first injection, which
    /// is not before the issue date). Each as checked, `None` when blank or refused.
    fn booked_and_requested(
        &self,
        problems: &mut Problems,
        issued_on: Option<Date>,
    ) -> (Option<Date>, Option<Date>) {
        let mut days = [None, None];
        let language = self.answers.language;
        let words = language.date_words();
        for ((path, text), kept) in [
            ("booked_on", &self.booked_on),
            ("estimate_requested_on", &self.estimate_requested_on),
        ]
        .into_iter()
        .zip(&mut days)
        {
            if text.trim().is_empty() {
                continue;
            }
            let Some(day) = self.date(problems, path, text) else {
                continue;
            };
            if let Some(issued) = issued_on {
                problems.check(day <= issued, path, || {
                    (words.after_issue)(&issued.long_form(language))
                });
            }
            *kept = Some(day);
        }
        let [booked_on, estimate_requested_on] = days;
        (booked_on, estimate_requested_on)
    }

    /// The prompt-pay discount this quote applies: staff's choice, else the book's
    /// `expected_charges`; none when the book has no prompt-pay discount, and then a choice to
    /// include or leave out one is refused (there is none to include).
    fn prompt_pay(&self, book: &PriceBook, problems: &mut Problems) -> Option<PromptPayChoice> {
        let Some(offered) = &book.document().discounts.prompt_pay else {
            let chosen = self
                .prompt_pay
                .filter(|choice| *choice != PromptPayChoice::NotOffered);
            problems.check(chosen.is_none(), "prompt_pay", || {
                (self.refuse())(&QuoteRefusal::NoPromptPay)
            });
            return None;
        };
        Some(
            self.prompt_pay
                .unwrap_or(PromptPayChoice::of_book(offered.expected_charges)),
        )
    }

    /// A new quote for a Medicare patient (DESIGN.md, "Medicare patients: no discounts, therapy
    /// through Medicare") is refused, each at its field, in the quote's language:
    ///
    /// - with a staff discount, or with the prompt-pay discount (included or left out of the
    ///   charges, it is still offered): a reduction offered to a Medicare beneficiary can be
    ///   remuneration likely to influence the choice of provider (42 U.S.C. 1320a-7a(a)(5)), and
    ///   this form cannot show the financial-need exception's conditions were met;
    /// - with physical therapy paid in cash: Medicare-covered therapy must be claimed to Medicare
    ///   (42 U.S.C. 1395w-4(g)(4)), and a therapist cannot opt out of Medicare to take cash.
    ///
    /// Saved files are reopened as printed (`Issue::Saved`), so a Medicare quote saved with a
    /// discount keeps its number and amounts.
    fn medicare(&self, problems: &mut Problems, prompt_pay: Option<PromptPayChoice>) {
        if self.coverage != Some(CoverageScreening::Medicare) {
            return;
        }
        let words = &self.answers.language.gfe_words().medicare;
        let discount = &self.staff_discount;
        if !discount.percent.as_str().trim().is_empty() {
            problems.add("staff_discount.percent", words.staff_discount);
        } else if !discount.amount.as_str().trim().is_empty() {
            problems.add("staff_discount.amount", words.staff_discount);
        }
        // Not chosen is refused at the choice already (`new_document`).
        let offered = self.prompt_pay.is_some()
            && prompt_pay.is_some_and(|choice| choice != PromptPayChoice::NotOffered);
        problems.check(!offered, "prompt_pay", || words.prompt_pay.into());
        let cash = self.answers.physical_therapy.coverage == crate::estimate::Coverage::Cash;
        problems.check(!cash, "answers.physical_therapy.coverage", || {
            words.cash_therapy.into()
        });
    }

    /// The later injections' dates: each a date, on or after the one before it (the first
    /// injection's, then each later one's) and the issue date, and no more than the planned
    /// injections after the first. Each is refused by its own path, `later_injections_on.1`.
    fn later_injections_on(
        &self,
        problems: &mut Problems,
        first: Option<Date>,
        issued_on: Option<Date>,
        injections: Option<u32>,
    ) -> Vec<Date> {
        // Blank dates at the end are injections not scheduled yet, as if left out.
        let scheduled = self
            .later_injections_on
            .iter()
            .rposition(|text| !text.trim().is_empty())
            .map_or(0, |last| last + 1);
        let given = &self.later_injections_on[..scheduled];
        if given.is_empty() {
            return Vec::new();
        }
        let refuse = self.refuse();
        if let Some(planned) = injections {
            let most = planned.saturating_sub(1);
            let fits = u32::try_from(given.len()).is_ok_and(|n| n <= most);
            problems.check(fits, "later_injections_on", || match most {
                0 => refuse(&QuoteRefusal::NoLaterInjection),
                _ => refuse(&QuoteRefusal::TooManyLaterDates {
                    planned,
                    most,
                    given: given.len(),
                }),
            });
        }
        if self.scheduled_on.trim().is_empty() {
            problems.add("scheduled_on", refuse(&QuoteRefusal::FirstDateFirst));
        }
        let mut previous = first;
        let mut dates = Vec::new();
        for (index, text) in given.iter().enumerate() {
            let path = format!("later_injections_on.{index}");
            let Some(date) = self.date(problems, &path, text) else {
                previous = None;
                continue;
            };
            // The first injection is 1, so the first later one is 2.
            let injection = index + 2;
            if let Some(issued) = issued_on {
                problems.check(date >= issued, &*path, || {
                    refuse(&QuoteRefusal::InjectionBeforeIssue {
                        injection,
                        issued,
                        date,
                    })
                });
            }
            if let Some(before) = previous {
                problems.check(date >= before, &*path, || {
                    refuse(&QuoteRefusal::InjectionBeforePrevious {
                        injection,
                        before,
                        date,
                    })
                });
            }
            previous = Some(date);
            dates.push(date);
        }
        dates
    }

    /// The documents a revision replaces: each a number and a date, none issued after the one that
    /// replaces it (this document, then each in the list). Each is refused by its own path.
    fn replaces(&self, problems: &mut Problems, issued_on: Option<Date>) -> Vec<(String, Date)> {
        let refuse = self.refuse();
        let mut later = issued_on;
        let mut replaced = Vec::new();
        for (index, earlier) in self.replaces.iter().enumerate() {
            let path = |field: &str| format!("replaces.{index}.{field}");
            let number = earlier.quote_number.trim();
            problems.check(!number.is_empty(), path("quote_number"), || {
                refuse(&QuoteRefusal::ReplacedNumber)
            });
            self.printable(problems, path("quote_number"), number);
            let Some(date) = self.date(problems, &path("issued_on"), &earlier.issued_on) else {
                later = None;
                continue;
            };
            if let Some(after) = later {
                // The first is the quote staff reopened: this one is issued on the computer's date.
                problems.check(date <= after, path("issued_on"), || match index {
                    0 => refuse(&QuoteRefusal::RevisedAfterToday {
                        issued: date,
                        today: after,
                    }),
                    _ => refuse(&QuoteRefusal::ReplacedAfterReplacing {
                        after,
                        issued: date,
                    }),
                });
            }
            later = Some(date);
            replaced.push((number.to_owned(), date));
        }
        replaced
    }

    fn extras<'a>(
        &self,
        book: &'a PriceBook,
        problems: &mut Problems,
    ) -> Vec<(&'a crate::price_book::Extra, u32)> {
        let refuse = self.refuse();
        for id in self.extras.keys() {
            problems.check(
                book.document().extras.iter().any(|e| &e.id == id),
                format!("extras.{id}"),
                || refuse(&QuoteRefusal::UnknownExtra(id)),
            );
        }
        // In the price book's order, so the same request always lists lines the same way.
        book.document()
            .extras
            .iter()
            .filter_map(|extra| {
                let text = self
                    .extras
                    .get(&extra.id)
                    .map(FormValue::as_str)
                    .unwrap_or("");
                match text {
                    "" | "0" => None,
                    text => match text.parse::<u32>() {
                        Ok(n)
                            if n <= MAX_EXTRA_QUANTITY
                                && text.bytes().all(|b| b.is_ascii_digit()) =>
                        {
                            Some((extra, n))
                        }
                        _ => {
                            let refusal = QuoteRefusal::ExtraQuantity {
                                max: MAX_EXTRA_QUANTITY,
                                got: text,
                            };
                            problems.add(format!("extras.{}", extra.id), refuse(&refusal));
                            None
                        }
                    },
                }
            })
            .collect()
    }

    fn staff_discount(&self, problems: &mut Problems) -> Option<StaffDiscount> {
        let refused = self.answers.language.words().refusal;
        let refuse = self.refuse();
        let answers = &self.staff_discount;
        let reason = answers.reason.trim();
        let off = match (answers.percent.as_str(), answers.amount.as_str()) {
            ("", "") => None,
            (percent, "") => BasisPoints::parse_percent(percent)
                .map_err(|refusal| {
                    problems.add("staff_discount.percent", refused(&Refusal::Money(refusal)))
                })
                .ok()
                .map(StaffDiscountOff::Percent),
            ("", amount) => match Cents::parse_dollars(amount) {
                Ok(cents) if cents <= MAX_PRICE => Some(StaffDiscountOff::Amount(cents)),
                Ok(_) => {
                    let refusal = QuoteRefusal::AtMost {
                        max: MAX_PRICE,
                        got: amount,
                    };
                    problems.add("staff_discount.amount", refuse(&refusal));
                    None
                }
                Err(refusal) => {
                    problems.add("staff_discount.amount", refused(&Refusal::Money(refusal)));
                    None
                }
            },
            (_, _) => {
                problems.add(
                    "staff_discount.amount",
                    refuse(&QuoteRefusal::PercentAndAmount),
                );
                None
            }
        }?;
        if reason.is_empty() {
            problems.add(
                "staff_discount.reason",
                refuse(&QuoteRefusal::DiscountReason),
            );
            return None;
        }
        self.printable(problems, "staff_discount.reason", reason);
        Some(StaffDiscount {
            label: format!("{}: {reason}", self.answers.language.words().discount),
            off,
        })
    }

    /// The therapy provider: a partner of `book`, with its identity from the book, or the one
    /// typed in, checked field by field. No partner and nothing typed is no provider chosen: one
    /// problem, at the choice, not one per empty field.
    fn therapy_provider<'a>(
        &self,
        book: &'a PriceBook,
        problems: &mut Problems,
    ) -> (Option<ProviderAnswers>, Option<&'a TherapyPartner>) {
        let id = self.therapy_provider.partner.trim();
        if id == TYPED_IN {
            return (Some(self.typed_therapy_provider(problems)), None);
        }
        if id.is_empty() {
            let p = &self.therapy_provider;
            let typed = [
                &p.name, &p.npi, &p.tin, &p.street, &p.city, &p.state, &p.zip,
            ];
            if typed.iter().all(|text| text.trim().is_empty()) {
                let unchosen = &self.answers.language.gfe_words().unchosen;
                problems.add("therapy_provider.partner", unchosen.therapy_provider);
                return (None, None);
            }
            return (Some(self.typed_therapy_provider(problems)), None);
        }
        let Some(partner) = book.therapy_partner(id) else {
            problems.add(
                "therapy_provider.partner",
                (self.refuse())(&QuoteRefusal::UnknownPartner(id)),
            );
            return (None, None);
        };
        let address = &partner.address;
        let identity = ProviderAnswers {
            partner: partner.id.clone(),
            name: partner.name.clone(),
            npi: partner.npi.clone(),
            tin: partner.tin.clone(),
            street: address.street.clone(),
            city: address.city.clone(),
            state: address.state.clone(),
            zip: address.zip.clone(),
            ..ProviderAnswers::default()
        };
        (Some(identity), Some(partner))
    }

    /// A new document's rule: a provider typed in, with therapy, has its own prices entered (each
    /// blank one refused at its field, in the quote's language). A provider not typed yet is one
    /// problem at the choice ([`Self::therapy_provider`]), not more here.
    fn own_prices_entered(&self, problems: &mut Problems) {
        let p = &self.therapy_provider;
        let typed = [
            &p.name, &p.npi, &p.tin, &p.street, &p.city, &p.state, &p.zip,
        ]
        .iter()
        .any(|text| !text.trim().is_empty());
        let coverage = self.answers.physical_therapy.coverage;
        let partner = p.partner.trim();
        let typed_in = partner == TYPED_IN || (partner.is_empty() && typed);
        if !self.therapy_elsewhere || !typed_in || coverage == Coverage::None {
            return;
        }
        let words = self.answers.language.gfe_words();
        let mut needed = vec![
            (
                "evaluation_price",
                &p.evaluation_price,
                words.own_price_needed,
            ),
            ("session_price", &p.session_price, words.own_price_needed),
        ];
        if coverage == Coverage::Insurance {
            needed.push((
                "evaluation_allowed",
                &p.evaluation_allowed,
                words.own_allowed_needed,
            ));
            needed.push((
                "session_allowed",
                &p.session_allowed,
                words.own_allowed_needed,
            ));
        }
        for (field, value, reason) in needed {
            problems.check(
                !is_blank(value),
                format!("therapy_provider.{field}"),
                || reason.to_owned(),
            );
        }
    }

    /// The typed-in provider's own prices, on the clinic's therapy services (their codes and
    /// labels) with that provider's amounts; a price left blank keeps the clinic's (a file saved
    /// before these prices were asked for), and the allowed amounts are read only when therapy
    /// goes through insurance. `None` when none is entered. Each is checked as a price
    /// in the book is: dollars, $0.00 to [`MAX_PRICE`], refused at its field (and one far from
    /// what therapy costs is warned about: [`Self::typed_price_warnings`]).
    fn typed_therapy_prices(
        &self,
        book: &PriceBook,
        problems: &mut Problems,
    ) -> Option<PhysicalTherapyPrices> {
        let p = &self.therapy_provider;
        // What a plan allows is read only through insurance, where the form shows it.
        let blank = FormValue::default();
        let insured = self.answers.physical_therapy.coverage == Coverage::Insurance;
        let allowed = |value| if insured { value } else { &blank };
        let fields = [
            ("evaluation_price", &p.evaluation_price),
            ("session_price", &p.session_price),
            ("evaluation_allowed", allowed(&p.evaluation_allowed)),
            ("session_allowed", allowed(&p.session_allowed)),
        ];
        if fields.iter().all(|(_, value)| is_blank(value)) {
            return None;
        }
        let refused = self.answers.language.words().refusal;
        let refuse = self.refuse();
        let mut amounts = [None; 4];
        for ((field, value), amount) in fields.iter().zip(&mut amounts) {
            let path = format!("therapy_provider.{field}");
            let text = value.as_str();
            if text.is_empty() {
                continue;
            }
            match Cents::parse_dollars(text) {
                Ok(cents) if cents <= MAX_PRICE => *amount = Some(cents),
                Ok(_) => {
                    let refusal = QuoteRefusal::AtMost {
                        max: MAX_PRICE,
                        got: text,
                    };
                    problems.add(path, refuse(&refusal));
                }
                Err(refusal) => problems.add(path, refused(&Refusal::Money(refusal))),
            }
        }
        let mut prices = book.document().physical_therapy.clone();
        let [evaluation_price, session_price, evaluation_allowed, session_allowed] = amounts;
        let set = |field: &mut Cents, amount: Option<Cents>| {
            if let Some(amount) = amount {
                *field = amount;
            }
        };
        set(&mut prices.evaluation.cash_price_cents, evaluation_price);
        set(&mut prices.session.cash_price_cents, session_price);
        set(&mut prices.evaluation.allowed_cents, evaluation_allowed);
        set(&mut prices.session.allowed_cents, session_allowed);
        Some(prices)
    }

    /// The therapy prices of the provider that gives this request's therapy when it is not the
    /// clinic: a partner's from `book`, or the ones typed in (the clinic's for any left blank, as
    /// the quote prices them). `None` for therapy at the clinic, or a partner `book` lacks.
    pub(crate) fn co_provider_prices(&self, book: &PriceBook) -> Option<PhysicalTherapyPrices> {
        if !self.therapy_elsewhere {
            return None;
        }
        let id = self.therapy_provider.partner.trim();
        if !id.is_empty() && id != TYPED_IN {
            return book.therapy_partner(id).map(|p| p.physical_therapy.clone());
        }
        let typed = self.typed_therapy_prices(book, &mut Problems::default());
        Some(typed.unwrap_or_else(|| book.document().physical_therapy.clone()))
    }

    /// The typed-in provider's prices entered that are far from what therapy costs, as the editor
    /// warns of the book's therapy prices ($20.00 to $1,000.00): most often dollars typed as cents.
    /// Warned, not refused: a provider may charge that.
    #[cfg(staff)]
    fn typed_price_warnings(&self, prices: &PhysicalTherapyPrices) -> Vec<String> {
        let p = &self.therapy_provider;
        let (evaluation, session) = (&prices.evaluation, &prices.session);
        [
            (
                &p.evaluation_price,
                "evaluation price",
                evaluation.cash_price_cents,
            ),
            (&p.session_price, "session price", session.cash_price_cents),
            (
                &p.evaluation_allowed,
                "evaluation allowed amount",
                evaluation.allowed_cents,
            ),
            (
                &p.session_allowed,
                "session allowed amount",
                session.allowed_cents,
            ),
        ]
        .into_iter()
        // The entered ones: an allowed amount only through insurance, as it is read.
        .zip([true, true, false, false])
        .filter(|((value, _, _), price)| {
            !is_blank(value)
                && (*price || self.answers.physical_therapy.coverage == Coverage::Insurance)
        })
        .filter_map(|((_, name, cents), _)| match self.answers.language {
            crate::language::Language::Spanish => {
                use crate::price_book::PriceOddity;
                let (low, limit) = match crate::price_book::therapy_price_oddity(cents)? {
                    PriceOddity::Low { under } => (true, under),
                    PriceOddity::High { over } => (false, over),
                };
                let warning = crate::language::spanish_typed_price_warning;
                Some(warning(name, cents, low, limit))
            }
            crate::language::Language::English => {
                let warning = crate::price_book::therapy_price_warning(cents)?;
                Some(format!("Therapy provider's {name}: {warning}"))
            }
        })
        .collect()
    }

    /// The visitor's module quotes nothing, and carries no price-book warnings.
    #[cfg(not(staff))]
    fn typed_price_warnings(&self, _: &PhysicalTherapyPrices) -> Vec<String> {
        Vec::new()
    }

    fn typed_therapy_provider(&self, problems: &mut Problems) -> ProviderAnswers {
        let p = &self.therapy_provider;
        let refuse = self.refuse();
        let path = |field: &str| format!("therapy_provider.{field}");
        // A field left blank is asked for in words, not refused as a malformed value.
        let blank = |problems: &mut Problems, name: &str, value: &str, field| {
            let empty = value.trim().is_empty();
            if empty {
                problems.add(path(name), refuse(&QuoteRefusal::EnterProvider(field)));
            }
            empty
        };
        problems.check(!p.name.trim().is_empty(), path("name"), || {
            refuse(&QuoteRefusal::ProviderName)
        });
        self.printable(problems, path("name"), &p.name);
        let npi = p.npi.trim();
        if !blank(problems, "npi", npi, ProviderField::Npi) {
            if let Some(fault) = npi_fault(npi) {
                problems.add(path("npi"), refuse(&QuoteRefusal::Npi(fault, npi)));
            }
        }
        // Staff may type an EIN as it is printed, 12-3456789; it is kept as its 9 digits.
        let typed = p.tin.trim();
        let tin = match typed.split_once('-') {
            Some((two, seven)) if two.len() == 2 && seven.len() == 7 => format!("{two}{seven}"),
            _ => typed.to_owned(),
        };
        if !blank(problems, "tin", typed, ProviderField::Tin) {
            problems.check(is_valid_tin(&tin), path("tin"), || {
                refuse(&QuoteRefusal::Tin(typed))
            });
        }
        for (name, value, field) in [
            ("street", &p.street, ProviderField::Street),
            ("city", &p.city, ProviderField::City),
        ] {
            blank(problems, name, value, field);
            self.printable(problems, path(name), value);
        }
        // Typed as "tx", it is TX: a state code is a state code whichever case staff type it in.
        let typed_state = p.state.trim();
        let state = typed_state.to_ascii_uppercase();
        if !blank(problems, "state", typed_state, ProviderField::State) {
            problems.check(is_state(&state), path("state"), || {
                refuse(&QuoteRefusal::State(typed_state))
            });
        }
        let zip = p.zip.trim();
        if !blank(problems, "zip", zip, ProviderField::Zip) {
            problems.check(is_zip(zip), path("zip"), || refuse(&QuoteRefusal::Zip(zip)));
        }
        ProviderAnswers {
            partner: String::new(),
            name: p.name.trim().to_owned(),
            npi: p.npi.trim().to_owned(),
            tin,
            street: p.street.trim().to_owned(),
            city: p.city.trim().to_owned(),
            state,
            zip: zip.to_owned(),
            ..ProviderAnswers::default()
        }
    }
}

/// A new document's rule, once it is priced: a staff discount that leaves none of the clinic's
/// charges (100 %, or an amount equal to them) waives the clinic's bill, and a waiver goes into the
/// record with a reason someone can check later. So its reason must be at least three words of
/// two letters or more ("financial hardship, approved by Dr. Lee"), not "x", "ok" or "waived".
/// A smaller discount keeps the rule it always had (any reason). `None` when the rule is met.
pub(crate) fn waiver_reason_problem(
    request: &QuoteRequest,
    plan: &QuotePlan<'_>,
    priced: &Breakdown,
) -> Option<crate::error::FieldError> {
    plan.plan.staff_discount.as_ref()?;
    let clinic_self_pay = priced
        .lines
        .iter()
        .filter(|l| l.provider == ProviderRole::Clinic && l.payer == Payer::SelfPay);
    let charged = clinic_self_pay
        .clone()
        .filter(|l| l.kind == LineKind::Charge)
        .any(|l| l.amount.cents > Cents::ZERO);
    let left = Cents::checked_sum(clinic_self_pay.map(|l| l.amount.cents));
    let reason = request.staff_discount.reason.trim();
    let words = reason
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().count() >= 2)
        .count();
    (charged && left == Some(Cents::ZERO) && words < 3).then(|| {
        let waiver_reason = request.answers.language.gfe_words().waiver_reason;
        crate::error::FieldError::new("staff_discount.reason", waiver_reason(&excerpt(reason)))
    })
}

impl QuoteRequest {
    /// How this quote words a refusal: in its language ([`GfeWords::refusal`]).
    ///
    /// [`GfeWords::refusal`]: crate::language::GfeWords::refusal
    fn refuse(&self) -> fn(&QuoteRefusal) -> String {
        self.answers.language.gfe_words().refusal
    }

    /// The date `text`, or `None` with its problem recorded at `path`, in the quote's language.
    fn date(&self, problems: &mut Problems, path: &str, text: &str) -> Option<Date> {
        let refuse = self.refuse();
        let text = text.trim();
        if text.is_empty() {
            problems.add(path, refuse(&QuoteRefusal::EnterDate));
            return None;
        }
        Date::parse(text)
            .map_err(|_| problems.add(path, refuse(&QuoteRefusal::NotADate(text))))
            .ok()
    }

    /// Records a problem at `path`, in the quote's language, if `text` holds a character that
    /// would not print as it reads ([`Hidden`]).
    fn printable(&self, problems: &mut Problems, path: impl Into<String>, text: &str) {
        if let Some(hidden) = Hidden::in_text(text) {
            problems.add(path, (self.refuse())(&QuoteRefusal::Hidden(hidden)));
        }
    }
}
