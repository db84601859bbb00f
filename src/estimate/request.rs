//! What a visitor answered, as it arrives, and its validation into a [`Plan`] the pricing rules use.
//!
//! Answers arrive as the page's form values: text such as `"3"`, `"1,500.00"` or `"not_sure"`, or
//! whole numbers. Parsing them is Rust's job, not the page's, so the page does no arithmetic and
//! every parse error names its field.

use serde::Serialize;

use crate::error::{Error, Problems, Refusal, Unknown};
use crate::language::Language;
use crate::money::{whole_number, BasisPoints, Cents};
use crate::price_book::{Condition, CountRange, PriceBook, PricedService, Product, MAX_PRICE};
#[cfg(staff)]
use crate::price_book::{Extra, PhysicalTherapyPrices, TherapyPartner};
use crate::read::{self, deserialize_by_reading, read_enum, read_struct, Read, Reader, Value};

read_struct! {
    /// A visitor's answers.
    ///
    /// ```
    /// use amnion_estimator::estimate::EstimateRequest;
    /// let request: EstimateRequest = serde_json::from_str(r#"{
    ///     "condition": "plantar_fasciitis",
    ///     "injections": "not_sure",
    ///     "physical_therapy": { "coverage": "cash", "sessions": "8" }
    /// }"#).unwrap();
    /// assert_eq!(request.injections.as_str(), "not_sure");
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct EstimateRequest {
        /// A condition `id` from the price book.
        pub condition: String = default,
        /// `1` up to the price book's maximum, or `"not_sure"` for the condition's typical range.
        pub injections: FormValue = default,
        /// A product `id`; empty or absent means the price book's first product.
        pub product: Option<String> = default,
        /// Whether to include a new-patient consultation.
        pub consultation: bool = default,
        /// Whether to include a walking boot.
        pub walking_boot: bool = default,
        /// Physical therapy, if any.
        pub physical_therapy: PhysicalTherapyRequest = default,
        /// The language of the estimate's texts: `en` (default) or `es`.
        pub language: Language = default,
    }
}

read_struct! {
    /// The physical therapy answers.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PhysicalTherapyRequest {
        /// How physical therapy is paid, if there is any.
        pub coverage: Coverage = default,
        /// Number of treatment sessions after the evaluation, or `"typical"` for the condition's range.
        /// Zero means no physical therapy at all.
        pub sessions: FormValue = default,
        /// The visitor's plan figures; used when `coverage` is `insurance`.
        pub insurance: InsuranceAnswers = default,
    }
}

/// How physical therapy is paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// No physical therapy.
    #[default]
    None,
    /// Self-pay at the clinic's cash prices.
    Cash,
    /// Billed to the visitor's health plan.
    Insurance,
}
read_enum!(Coverage { "none" => None, "cash" => Cash, "insurance" => Insurance });

read_struct! {
    /// A visitor's plan figures, as typed. Blank is "not entered": the deductible and the cost
    /// sharing after it are then priced from the plan's best case to its worst (see
    /// [`InsurancePlan`]); blank is "no limit" for the visit limit and "no maximum" for the
    /// out-of-pocket maximum.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct InsuranceAnswers {
        /// Dollars left before the deductible is met.
        pub deductible_remaining: FormValue = default,
        /// The patient's coinsurance after the deductible, in percent (`20`, `12.5`).
        pub coinsurance_percent: FormValue = default,
        /// Dollars per visit. A plan with a copay charges it instead of coinsurance.
        pub copay: FormValue = default,
        /// Whether the copay applies before the deductible is met: `yes` (from the first visit;
        /// the deductible does not apply to these visits), `no` (the deductible comes first, then
        /// the copay) or `not_sure` (both, as a range). Blank or absent: `yes`.
        pub copay_before_deductible: FormValue = default,
        /// Physical therapy visits the plan still covers this year.
        pub covered_visits_remaining: FormValue = default,
        /// Dollars left before the out-of-pocket maximum is reached.
        pub out_of_pocket_remaining: FormValue = default,
    }
}

/// A form value as typed: text, or a whole number that arrives as a JSON or JS number.
///
/// Fractional numbers are refused here rather than turned into floats: write `"12.5"` as text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FormValue(String);

impl FormValue {
    /// The value as text, trimmed.
    pub fn as_str(&self) -> &str {
        self.0.trim()
    }
}

impl From<&str> for FormValue {
    fn from(text: &str) -> FormValue {
        FormValue(text.to_owned())
    }
}

/// Text as it is; a whole number as its digits; `null` as blank.
impl Read for FormValue {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        match value {
            Value::String(text) if at.text(text) => text.clone_into(&mut self.0),
            Value::String(_) => {}
            Value::Integer(number) => self.0 = number.to_string(),
            Value::Null => self.0.clear(),
            _ => at.invalid_type(
                value,
                "must be text or a whole number (write a fraction as text, like \"12.5\")",
            ),
        }
    }
}

/// A request checked against a price book: every count in range, every reference resolved.
#[derive(Clone, Debug)]
pub(crate) struct Plan<'a> {
    pub condition: &'a Condition,
    pub product: &'a Product,
    /// The fee for the condition's procedure code (validation guarantees one exists).
    pub administration: &'a PricedService,
    pub injections: CountRange,
    pub consultation: bool,
    pub walking_boot: bool,
    pub therapy: Therapy,
    pub sessions: CountRange,
    /// Staff quotes only: further items and how many of each. This field and the five after it are
    /// the staff module's only: a visitor's plan never has them, so its module leaves them out.
    #[cfg(staff)]
    pub extras: Vec<(&'a Extra, u32)>,
    /// Staff quotes only: a discount with its reason.
    #[cfg(staff)]
    pub staff_discount: Option<StaffDiscount>,
    /// Staff quotes only: physical therapy is given by another provider.
    #[cfg(staff)]
    pub therapy_elsewhere: bool,
    /// Staff quotes only: that provider is one of the price book's partners, and therapy is priced
    /// at its prices; `None` prices therapy at the clinic's own.
    #[cfg(staff)]
    pub therapy_partner: Option<&'a TherapyPartner>,
    /// Staff quotes only: a provider typed in, with its own prices entered (the clinic's codes and
    /// labels, that provider's amounts; the clinic's amount for any left blank in an older file);
    /// `None` prices therapy at the clinic's own.
    #[cfg(staff)]
    pub typed_therapy_prices: Option<PhysicalTherapyPrices>,
    /// Whether the book's prompt-pay discount is a line: always for a visitor's estimate; a quote
    /// may leave it off (`prompt_pay: "not_offered"`).
    #[cfg(staff)]
    pub prompt_pay_offered: bool,
    /// The language of every text.
    pub language: Language,
}

/// A discount staff apply to a quote, shown as its own line.
#[cfg(staff)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StaffDiscount {
    /// The line's label, naming the reason.
    pub label: String,
    pub off: StaffDiscountOff,
}

/// How much a staff discount takes off the clinic's self-pay charges.
#[cfg(staff)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StaffDiscountOff {
    /// A percentage, rounded half up to the cent.
    Percent(BasisPoints),
    /// A fixed amount, at most the charges.
    Amount(Cents),
}

/// How physical therapy is paid, with the plan figures parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Therapy {
    None,
    Cash,
    Insurance(PlanRange),
}

/// A visitor's plan figures in cents and basis points: one plan, with every figure known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InsurancePlan {
    /// Left to pay before the deductible is met; `None` when it is not met during this course
    /// (the worst case of a deductible not entered), so every covered visit goes to it.
    pub deductible_remaining: Option<Cents>,
    /// The patient's share after the deductible.
    pub coinsurance: BasisPoints,
    /// Per visit; when above zero it replaces coinsurance.
    pub copay: Cents,
    /// With a copay: whether the deductible comes first (visits cost the allowed amount until it is
    /// met, then the copay). `false`: the copay from the first visit, and the deductible does not
    /// apply to these visits.
    pub copay_after_deductible: bool,
    /// With a copay and a coinsurance rate both entered: whether the coinsurance applies to what
    /// is left of a visit after the copay (the plan's worst reading). `false`: the copay replaces
    /// coinsurance (its best).
    pub coinsurance_after_copay: bool,
    /// Visits still covered; `None` for no limit.
    pub covered_visits_remaining: Option<u32>,
    /// Left before the out-of-pocket maximum; `None` for no maximum.
    pub out_of_pocket_remaining: Option<Cents>,
}

/// The plan as the visitor's answers leave it: its best case (the estimate's low end) and its
/// worst (the high end), the same plan when every figure it needs was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlanRange {
    /// Each figure not entered at its cheapest: no deductible left, 0 % coinsurance, the copay
    /// from the first visit.
    pub best: InsurancePlan,
    /// Each at its dearest: the deductible not met during the course, 100 % coinsurance, the
    /// deductible before the copay.
    pub worst: InsurancePlan,
    /// What was not entered, or not known, for the estimate's note.
    pub unknown: UnknownFigures,
}

impl PlanRange {
    /// The plan at one end of the estimate.
    pub fn at(&self, end: End) -> &InsurancePlan {
        match end {
            End::Low => &self.best,
            End::High => &self.worst,
        }
    }
}

/// Which end of an estimate a breakdown is: the fewest injections and sessions and the plan's best
/// case, or the most and its worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum End {
    Low,
    High,
}

/// The plan figures an estimate was priced without.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct UnknownFigures {
    /// The deductible was left blank, and it applies.
    pub deductible: bool,
    /// Coinsurance and copay were both left blank.
    pub coinsurance: bool,
    /// With a copay: "not sure" whether it applies before the deductible.
    pub copay_timing: bool,
    /// A copay and a coinsurance rate were both entered, and plans combine them two ways.
    pub copay_with_coinsurance: bool,
}

/// When a plan's copay applies, as the visitor answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopayTiming {
    /// From the first visit; the deductible does not apply to these visits.
    FromFirstVisit,
    /// After the deductible is met.
    AfterDeductible,
    /// Not sure: either.
    NotSure,
}

/// The most covered visits a plan figure may claim; more is surely a typo.
const MAX_COVERED_VISITS: u32 = 999;

deserialize_by_reading!(
    EstimateRequest,
    "an estimate request",
    Error::InvalidRequest
);

impl EstimateRequest {
    /// Reads a request from a parsed document (JSON natively, a JS object in the browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the path of every type error, missing or unknown field,
    /// e.g. `physical_therapy.sessions: must be text or a whole number (write a fraction as text,
    /// like "12.5"); it is true`.
    pub fn from_value(value: &Value) -> Result<EstimateRequest, Error> {
        read::document(value, None, Error::InvalidRequest)
    }

    /// Reads a request from any serde source.
    ///
    /// # Errors
    ///
    /// As [`EstimateRequest::from_value`]; malformed input is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<EstimateRequest, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        read::from_serde(deserializer, None, Error::InvalidRequest)
    }

    /// Checks every answer against `book`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] with every bad field, e.g.
    /// `physical_therapy.sessions: must be 0 to 40, got 400`.
    pub(crate) fn plan<'a>(&self, book: &'a PriceBook) -> Result<Plan<'a>, Error> {
        let mut problems = Problems::default();
        let limits = book.document().limits;
        let refused = self.language.words().refusal;

        let condition = book.condition(&self.condition);
        if condition.is_none() {
            let refusal = match self.condition.as_str() {
                "" => Refusal::ChooseCondition,
                other => Refusal::Unknown(Unknown::Condition, other),
            };
            problems.add("condition", refused(&refusal));
        }
        let typical = |range: fn(&Condition) -> CountRange| condition.map(range);

        let injections = count(
            &mut problems,
            refused,
            ("injections", "not_sure"),
            self.injections.as_str(),
            CountRange {
                min: 1,
                max: limits.max_injections,
            },
            typical(|c| c.typical_injections),
        );

        let product = match self.product.as_deref().map(str::trim) {
            None | Some("") => book.document().products.first(),
            Some(id) => {
                let found = book.product(id);
                problems.check(found.is_some(), "product", || {
                    refused(&Refusal::Unknown(Unknown::Product, id))
                });
                found
            }
        };

        let pt = &self.physical_therapy;
        let (therapy, sessions) = match pt.coverage {
            Coverage::None => (Therapy::None, CountRange { min: 0, max: 0 }),
            coverage => {
                let sessions = count(
                    &mut problems,
                    refused,
                    ("physical_therapy.sessions", "typical"),
                    pt.sessions.as_str(),
                    CountRange {
                        min: 0,
                        max: limits.max_pt_sessions,
                    },
                    typical(|c| c.typical_pt_sessions),
                );
                let therapy = match coverage {
                    Coverage::Insurance => insurance_plan(&mut problems, refused, &pt.insurance)
                        .map(Therapy::Insurance),
                    _ => Some(Therapy::Cash),
                };
                (
                    therapy.unwrap_or(Therapy::None),
                    sessions.unwrap_or(CountRange { min: 0, max: 0 }),
                )
            }
        };

        let administration = condition.and_then(|c| book.administration_fee(&c.procedure_code));
        match (condition, product, administration, injections) {
            (Some(condition), Some(product), Some(administration), Some(injections)) => problems
                .into_result(
                    Plan {
                        condition,
                        product,
                        administration,
                        injections,
                        consultation: self.consultation,
                        walking_boot: self.walking_boot,
                        therapy,
                        sessions,
                        #[cfg(staff)]
                        extras: Vec::new(),
                        #[cfg(staff)]
                        staff_discount: None,
                        #[cfg(staff)]
                        therapy_elsewhere: false,
                        #[cfg(staff)]
                        therapy_partner: None,
                        #[cfg(staff)]
                        typed_therapy_prices: None,
                        #[cfg(staff)]
                        prompt_pay_offered: true,
                        language: self.language,
                    },
                    Error::InvalidRequest,
                ),
            _ => Err(Error::InvalidRequest(problems.into_fields())),
        }
    }
}

/// Parses a count answer: a whole number within `allowed`, or `not_sure`/`typical` for the
/// condition's typical range. `None` (with a problem recorded in words by `refused`) if it is
/// neither.
fn count(
    problems: &mut Problems,
    refused: fn(&Refusal) -> String,
    (path, keyword): (&str, &str),
    text: &str,
    allowed: CountRange,
    typical: Option<CountRange>,
) -> Option<CountRange> {
    let CountRange { min, max } = allowed;
    match text {
        "not_sure" | "typical" => typical,
        "" => {
            problems.add(path, refused(&Refusal::ChooseCount { min, max, keyword }));
            None
        }
        digits if digits.bytes().all(|b| b.is_ascii_digit()) => match whole_number(digits) {
            Some(n) if (u64::from(min)..=u64::from(max)).contains(&n) => {
                let n = n as u32;
                Some(CountRange { min: n, max: n })
            }
            _ => {
                let got = digits;
                problems.add(path, refused(&Refusal::CountOutOfRange { min, max, got }));
                None
            }
        },
        got => {
            let refusal = Refusal::NotACount {
                min,
                max,
                keyword,
                got,
            };
            problems.add(path, refused(&refusal));
            None
        }
    }
}

fn insurance_plan(
    problems: &mut Problems,
    refused: fn(&Refusal) -> String,
    answers: &InsuranceAnswers,
) -> Option<PlanRange> {
    let before = problems.len();
    let path = |field: &str| format!("physical_therapy.insurance.{field}");
    let mut dollars = |field: &str, value: &FormValue| -> Option<Cents> {
        match value.as_str() {
            "" => None,
            text => match Cents::parse_dollars(text) {
                Ok(cents) if cents <= MAX_PRICE => Some(cents),
                Ok(_) => {
                    let got = text.trim();
                    problems.add(
                        path(field),
                        refused(&Refusal::AtMost {
                            max: MAX_PRICE,
                            got,
                        }),
                    );
                    None
                }
                Err(refusal) => {
                    problems.add(path(field), refused(&Refusal::Money(refusal)));
                    None
                }
            },
        }
    };
    let deductible = dollars("deductible_remaining", &answers.deductible_remaining);
    let copay = dollars("copay", &answers.copay).unwrap_or(Cents::ZERO);
    let out_of_pocket_remaining =
        dollars("out_of_pocket_remaining", &answers.out_of_pocket_remaining);

    let coinsurance = match answers.coinsurance_percent.as_str() {
        "" => None,
        text => match BasisPoints::parse_percent(text) {
            Ok(rate) => Some(rate),
            Err(refusal) => {
                problems.add(
                    path("coinsurance_percent"),
                    refused(&Refusal::Money(refusal)),
                );
                None
            }
        },
    };
    let timing = match answers.copay_before_deductible.as_str() {
        // Absent is today's reading of a copay plan, so every request saved before the question
        // prices as it did.
        "" | "yes" => CopayTiming::FromFirstVisit,
        "no" => CopayTiming::AfterDeductible,
        "not_sure" => CopayTiming::NotSure,
        got => {
            let refusal = Refusal::CopayBeforeDeductible(got);
            problems.add(path("copay_before_deductible"), refused(&refusal));
            CopayTiming::FromFirstVisit
        }
    };
    let covered_visits_remaining = match answers.covered_visits_remaining.as_str() {
        "" => None,
        text => match whole_number(text) {
            Some(n) if n <= u64::from(MAX_COVERED_VISITS) => Some(n as u32),
            _ => {
                let refusal = Refusal::CoveredVisits {
                    max: MAX_COVERED_VISITS,
                    got: text,
                };
                problems.add(path("covered_visits_remaining"), refused(&refusal));
                None
            }
        },
    };
    if problems.len() != before {
        return None;
    }

    // What the plan charges after the deductible is a copay or a coinsurance: either one entered
    // says which plan it is, and the other left blank is then none. With neither, it is unknown:
    // from nothing (0 %) to all of the allowed amount (100 %).
    let has_copay = copay > Cents::ZERO;
    let unknown = UnknownFigures {
        // A copay from the first visit leaves the deductible out of these visits, so it is not
        // missing then.
        deductible: deductible.is_none() && (!has_copay || timing != CopayTiming::FromFirstVisit),
        coinsurance: coinsurance.is_none() && !has_copay,
        copay_timing: has_copay && timing == CopayTiming::NotSure,
        copay_with_coinsurance: has_copay
            && coinsurance.is_some_and(|rate| rate > BasisPoints::new(0)),
    };
    let best = InsurancePlan {
        deductible_remaining: Some(deductible.unwrap_or(Cents::ZERO)),
        coinsurance: coinsurance.unwrap_or(BasisPoints::new(0)),
        copay,
        copay_after_deductible: timing == CopayTiming::AfterDeductible,
        coinsurance_after_copay: false,
        covered_visits_remaining,
        out_of_pocket_remaining,
    };
    let worst = InsurancePlan {
        deductible_remaining: if unknown.deductible {
            None
        } else {
            best.deductible_remaining
        },
        coinsurance: if unknown.coinsurance {
            BasisPoints::WHOLE
        } else {
            best.coinsurance
        },
        copay_after_deductible: timing != CopayTiming::FromFirstVisit,
        coinsurance_after_copay: unknown.copay_with_coinsurance,
        ..best
    };
    Some(PlanRange {
        best,
        worst,
        unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(answers: InsuranceAnswers) -> PlanRange {
        let mut problems = Problems::default();
        insurance_plan(&mut problems, Language::English.words().refusal, &answers)
            .expect("valid figures")
    }

    #[test]
    fn every_figure_blank_is_the_best_case_to_the_worst() {
        let plan = range(InsuranceAnswers::default());
        assert_eq!(plan.best.deductible_remaining, Some(Cents::ZERO));
        assert_eq!(plan.best.coinsurance, BasisPoints::new(0));
        assert_eq!(plan.worst.deductible_remaining, None);
        assert_eq!(plan.worst.coinsurance, BasisPoints::WHOLE);
        // No limit and no maximum at both ends, as the form's placeholders say.
        assert_eq!(plan.worst.covered_visits_remaining, None);
        assert_eq!(plan.worst.out_of_pocket_remaining, None);
        assert!(plan.unknown.deductible && plan.unknown.coinsurance);
    }

    #[test]
    fn a_copay_from_the_first_visit_needs_no_deductible_nor_coinsurance() {
        let plan = range(InsuranceAnswers {
            copay: "30".into(),
            ..InsuranceAnswers::default()
        });
        assert_eq!(plan.best, plan.worst);
        assert_eq!(plan.unknown, UnknownFigures::default());
    }

    #[test]
    fn a_copay_after_the_deductible_needs_the_deductible() {
        let plan = range(InsuranceAnswers {
            copay: "30".into(),
            copay_before_deductible: "no".into(),
            ..InsuranceAnswers::default()
        });
        assert!(plan.unknown.deductible && !plan.unknown.coinsurance);
        assert_eq!(plan.worst.deductible_remaining, None);
    }

    #[test]
    fn zero_coinsurance_is_entered_and_a_zero_copay_is_no_copay() {
        let plan = range(InsuranceAnswers {
            deductible_remaining: "0".into(),
            coinsurance_percent: "0".into(),
            copay: "0".into(),
            ..InsuranceAnswers::default()
        });
        assert_eq!(plan.best, plan.worst);
        let plan = range(InsuranceAnswers {
            deductible_remaining: "0".into(),
            copay: "0".into(),
            ..InsuranceAnswers::default()
        });
        assert!(
            plan.unknown.coinsurance,
            "a $0 copay says nothing of the coinsurance"
        );
    }

    #[test]
    fn an_answer_other_than_the_three_is_refused() {
        let mut problems = Problems::default();
        let answers = InsuranceAnswers {
            copay_before_deductible: "maybe".into(),
            ..InsuranceAnswers::default()
        };
        let refused = Language::English.words().refusal;
        assert!(insurance_plan(&mut problems, refused, &answers).is_none());
        assert_eq!(
            Error::InvalidRequest(problems.into_fields()).to_string(),
            r#"physical_therapy.insurance.copay_before_deductible: must be "yes", "no" or "not_sure"; it is "maybe""#
        );
    }
}
