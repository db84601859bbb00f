//! How to pay for an estimate: in full, through a financing plan, or from an HSA or FSA, and a
//! side-by-side comparison of scenarios.
//!
//! - [`fixed_point`]: monthly rates and (1 + r)^n in integer fixed point, with a proven error bound;
//! - [`amortization`]: fixed-APR payments, the full schedule in cents, the APR it carries;
//! - [`financing`]: each price book plan applied to an amount, or why it is not available;
//! - [`hsa`]: the effective cost when paid with pre-tax dollars;
//! - [`compare`]: injections × physical therapy, each with a chosen plan's monthly payment.
//!
//! Everything here starts from [`estimate`](crate::estimate::estimate): no pricing rule is
//! repeated. Financing is worked out on the estimate's self-pay lines, prompt-pay discount included
//! (a lender pays the clinic in full at the visit), without the cost sharing of therapy through a
//! plan (paid at each visit); for a range, on its high end.

pub mod amortization;
pub mod compare;
pub mod financing;
pub mod fixed_point;
pub mod hsa;

#[cfg(staff)]
pub(crate) use compare::compare_therapy_elsewhere;
pub use compare::{
    compare, compare_for, Comparison, ComparisonCell, ComparisonColumn, ComparisonRow,
};
pub use financing::{FinancingOffer, Offer};
pub use hsa::{HsaSavings, TaxRates};

use serde::Serialize;

use crate::error::{Error, FieldError, Refusal, Unknown};
use crate::estimate::{estimate, Choice, Estimate, EstimateRequest, FormValue, Payer, TotalRange};
use crate::language::Language;
use crate::money::{Amount, BasisPoints, Cents};
use crate::price_book::{FinancingPlan, PriceBook, WhenFinanced};
use crate::read::{self, read_struct, Value};

read_struct! {
    /// The visitor's payment answers, as the page's form gives them. In a request they sit under
    /// `payment`, and their errors are named so: `payment.federal_tax_percent`.
    ///
    /// ```
    /// use amnion_estimator::payment::PaymentAnswers;
    /// let answers: PaymentAnswers = serde_json::from_str(
    ///     r#"{ "plan": "fixed_36", "federal_tax_percent": "22", "state_tax_percent": "4.95" }"#,
    /// ).unwrap();
    /// assert_eq!(answers.plan.as_deref(), Some("fixed_36"));
    /// ```
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PaymentAnswers {
        /// A financing plan `id` for the comparison's monthly payments; empty or absent for none.
        pub plan: Option<String> = default,
        /// Federal income tax bracket in percent (`22`); blank is not entered, and no HSA/FSA
        /// figure is worked out without it.
        pub federal_tax_percent: FormValue = default,
        /// State income tax rate in percent (`4.95`); blank is not entered, and not counted.
        pub state_tax_percent: FormValue = default,
        /// Whether HSA/FSA money goes in through the employer's payroll: `yes` or `no`; blank is
        /// not answered, and payroll tax is not counted.
        pub through_payroll: FormValue = default,
    }
}

impl read::Document for PaymentAnswers {
    const NAME: &'static str = "a payment";
}

/// serde sources read the answers as a document of their own, without the `payment.` prefix.
#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for PaymentAnswers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
        read::document(&value, None, Error::InvalidRequest).map_err(serde::de::Error::custom)
    }
}

impl PaymentAnswers {
    /// Reads the answers from a parsed document, naming each problem's path under `payment.`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`], e.g.
    /// `payment.federal_tax_percent: must be text or a whole number (write a fraction as text, like
    /// "12.5"); it is true`.
    pub fn from_value(value: &Value) -> Result<PaymentAnswers, Error> {
        read::document(value, Some("payment"), Error::InvalidRequest)
    }

    /// Reads the answers from any serde source, naming each problem's path under `payment.`.
    ///
    /// # Errors
    ///
    /// As [`PaymentAnswers::from_value`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<PaymentAnswers, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        read::from_serde(deserializer, Some("payment"), Error::InvalidRequest)
    }

    /// The chosen plan in `book`, if any.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] at `payment.plan` for an id the price book does not have, worded
    /// in `language`.
    pub fn plan<'a>(
        &self,
        book: &'a PriceBook,
        language: Language,
    ) -> Result<Option<&'a FinancingPlan>, Error> {
        let id = match self.plan.as_deref().map(str::trim) {
            None | Some("") => return Ok(None),
            Some(id) => id,
        };
        plans(book)
            .iter()
            .find(|plan| plan.id == id)
            .map(Some)
            .ok_or_else(|| {
                let refused = language.words().refusal;
                let reason = refused(&Refusal::Unknown(Unknown::Plan, id));
                Error::InvalidRequest(vec![FieldError::new("payment.plan", reason)])
            })
    }

    /// The tax rates, parsed.
    ///
    /// # Errors
    ///
    /// As [`TaxRates::parse`].
    pub fn tax_rates(&self, language: Language) -> Result<TaxRates, Error> {
        TaxRates::parse(
            &self.federal_tax_percent,
            &self.state_tax_percent,
            &self.through_payroll,
            language,
        )
    }
}

/// A rate with its text: `{ "basis_points": 1299, "formatted": "12.99%" }`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rate {
    /// The rate.
    pub basis_points: BasisPoints,
    /// As a person reads it.
    pub formatted: String,
}

impl Rate {
    /// `basis_points` with its text.
    pub fn new(basis_points: BasisPoints) -> Rate {
        Rate {
            basis_points,
            formatted: basis_points.to_string(),
        }
    }
}

/// Every way to pay for one estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentOptions {
    /// The language of its texts.
    pub language: Language,
    /// Paying the estimate in full at the visit.
    pub pay_in_full: PayInFull,
    /// The amount the financing offers are for: the total, or the high end of a range.
    pub financed_amount: Amount,
    /// Says which end of a range is financed; `None` when the estimate is one amount.
    pub financed_amount_note: Option<String>,
    /// Whether the prompt-pay discount holds when financing (the price book's
    /// `prompt_pay.when_financed`); `None` without financing or a discount in the total.
    pub financing_discount_note: Option<String>,
    /// One offer per price book plan, in its order; not-available ones say why.
    pub financing: Vec<FinancingOffer>,
    /// Paying from an HSA or FSA.
    pub hsa: HsaSavings,
    /// The lender's disclaimer, when the price book has financing.
    pub notes: Vec<String>,
}

/// Paying in full: the estimate's total, as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PayInFull {
    /// The estimate's patient total.
    pub total: TotalRange,
    /// The prompt-pay discount's condition, when the total has it taken off: what it is otherwise.
    pub note: Option<String>,
}

/// How the visitor can pay for what `request` costs.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming a bad answer, from the estimate first, then the payment
/// answers (`payment.state_tax_percent: ...`).
///
/// ```
/// use amnion_estimator::{estimate::EstimateRequest, payment::{payment_options, PaymentAnswers}, price_book::PriceBook};
/// let book = PriceBook::embedded_default()?;
/// let request: EstimateRequest = serde_json::from_str(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#)?;
/// let options = payment_options(&book, &request, &PaymentAnswers::default())?;
/// assert_eq!(options.pay_in_full.total.formatted, "$1,401.25");
/// // No federal bracket entered: no HSA/FSA figure, only what to enter.
/// assert!(options.hsa.effective_cost.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_options(
    book: &PriceBook,
    request: &EstimateRequest,
    answers: &PaymentAnswers,
) -> Result<PaymentOptions, Error> {
    options_for(book, &estimate(book, request)?, answers)
}

/// How the visitor can pay for `estimate`, made from `book`: as [`payment_options`], without
/// estimating again.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming a bad payment answer (`payment.state_tax_percent: ...`).
pub fn options_for(
    book: &PriceBook,
    estimate: &Estimate,
    answers: &PaymentAnswers,
) -> Result<PaymentOptions, Error> {
    let language = estimate.language;
    let rates = answers.tax_rates(language)?;
    let document = book.document();
    let locale = document.locale;
    let total = estimate.patient_total.clone();
    let is_range = estimate.high.is_some();
    let (financed, share) = financed(book, estimate)?;
    let financing = plans(book)
        .iter()
        .map(|plan| financing::offer(plan, financed, locale, language))
        .collect::<Result<Vec<_>, _>>()?;
    let words = &language.words().pay;
    let lost = discount_lost(book, estimate);
    let money = |cents| locale.format_money(cents);
    let financing_discount_note = estimate
        .prompt_pay
        .as_ref()
        .zip(document.discounts.prompt_pay.as_ref())
        .filter(|_| !financing.is_empty())
        .map(|(_, discount)| {
            let rate = discount.percent_off_bp.to_string();
            if lost {
                (words.discount_lost_financing)(&rate, &money(financed))
            } else {
                (words.discount_holds_financing)(&rate)
            }
        });
    // What is financed, when the total does not say it: a range's high end, or the total without
    // the cost sharing paid at each therapy visit (the discount lost says its own amount).
    let mut financed_amount_note = Vec::new();
    if !lost && is_range {
        financed_amount_note.push((words.high_end_note)(&money(financed)));
    } else if !lost && share > Cents::ZERO {
        financed_amount_note.push((words.worked_out_on)(&money(financed)));
    }
    if share > Cents::ZERO {
        let share = match is_range {
            true => format!("{} {}", words.up_to, money(share)),
            false => money(share),
        };
        financed_amount_note.push((words.share_not_financed)(&share));
    }
    Ok(PaymentOptions {
        language,
        hsa: hsa::hsa_savings(&total, is_range, rates, locale, language)?,
        financed_amount: Amount::new(financed, locale),
        financed_amount_note: (!financed_amount_note.is_empty())
            .then(|| crate::language::joined(&financed_amount_note, " ")),
        financing_discount_note,
        pay_in_full: PayInFull {
            total,
            note: estimate
                .prompt_pay
                .as_ref()
                .map(|condition| condition.text.clone()),
        },
        financing,
        notes: document
            .financing
            .iter()
            .map(|financing| financing.disclaimer.get(language).to_owned())
            .collect(),
    })
}

/// The amount financing is worked out on for `estimate`, and the patient's cost sharing left out
/// of it. A lender pays the clinic its self-pay charges at the visit, so what is financed is the
/// self-pay lines of the high end (enough for either end), the prompt-pay discount included unless
/// `book` says financing does not keep it; the deductible, copays and coinsurance of therapy
/// through a plan are the plan's to set, claim by claim, and are paid at each visit, so they are
/// left out (the second amount).
pub(crate) fn financed(book: &PriceBook, estimate: &Estimate) -> Result<(Cents, Cents), Error> {
    let end = estimate.high.as_ref().unwrap_or(&estimate.low);
    let whole = match discount_lost(book, estimate) {
        true => end.without_prompt_pay()?,
        false => end.patient_total.cents,
    };
    let share = end
        .lines
        .iter()
        .filter(|line| line.payer == Payer::PatientShare);
    let share = Cents::checked_sum(share.map(|line| line.amount.cents)).ok_or(Error::Overflow)?;
    Ok((whole.checked_sub(share).ok_or(Error::Overflow)?, share))
}

/// Whether `estimate`'s total has the prompt-pay discount in it and `book` says financing loses it.
fn discount_lost(book: &PriceBook, estimate: &Estimate) -> bool {
    let discount = book.document().discounts.prompt_pay.as_ref();
    estimate.prompt_pay.is_some()
        && discount.is_some_and(|discount| discount.when_financed == WhenFinanced::Lost)
}

/// The plans a comparison can show, for a form's chooser: each plan by `id`, then `""` for none.
pub fn financing_choices(book: &PriceBook, language: Language) -> Vec<Choice> {
    plans(book)
        .iter()
        .map(|plan| Choice {
            value: plan.id.clone(),
            label: plan.label.get(language).to_owned(),
            detail: None,
        })
        .chain(std::iter::once(Choice {
            value: String::new(),
            label: language.words().pay.no_financing.to_owned(),
            detail: None,
        }))
        .collect()
}

/// The price book's financing plans; none if it has no financing section.
fn plans(book: &PriceBook) -> &[FinancingPlan] {
    book.document()
        .financing
        .as_ref()
        .map_or(&[], |financing| financing.plans.as_slice())
}
