//! Scenarios side by side: the patient's total for 1, 2 and 3 injections (or up to the condition's
//! typical most) with physical therapy none, in cash or through insurance, each with the monthly
//! payment of one chosen financing plan.
//!
//! Every cell is an ordinary [`estimate`](crate::estimate::estimate) of the visitor's answers with
//! the row's injections and the column's therapy, so the grid can never disagree with the estimate.

use serde::Serialize;

use super::financing;
use super::PaymentAnswers;
use crate::error::{Error, FieldError, Refusal};
use crate::estimate::{estimate, Choice, Coverage, Estimate, EstimateRequest, FormValue};
use crate::language::counted;
use crate::money::{whole_number, Amount};
use crate::price_book::PriceBook;

/// The fewest rows a comparison shows: 1, 2 and 3 injections, when the price book allows them.
const USUAL_MOST_INJECTIONS: u32 = 3;

/// A grid of scenarios: rows of injection counts, columns of physical therapy coverage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The language of its texts.
    pub language: crate::language::Language,
    /// The condition's label.
    pub condition: String,
    /// The financing plan whose monthly payments the cells show, if one was chosen.
    pub plan: Option<Choice>,
    /// Physical therapy sessions after the evaluation in the therapy columns: the fewest.
    pub pt_sessions: u32,
    /// The most: the same as `pt_sessions` for a number answered, the condition's typical most
    /// for "typical", so the grid reaches the estimate's high end.
    pub pt_sessions_most: u32,
    /// No physical therapy, cash, insurance.
    pub columns: Vec<ComparisonColumn>,
    /// One row per number of injections.
    pub rows: Vec<ComparisonRow>,
    /// What the grid assumes, in words.
    pub notes: Vec<String>,
}

/// A column of the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonColumn {
    /// How physical therapy is paid in this column.
    pub coverage: Coverage,
    /// `No physical therapy`, `PT in cash`, `PT through insurance`.
    pub label: String,
}

/// A row of the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonRow {
    /// How many injections.
    pub injections: u32,
    /// `2 injections`.
    pub label: String,
    /// One cell per column, in column order.
    pub cells: Vec<ComparisonCell>,
}

/// One scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComparisonCell {
    /// How physical therapy is paid.
    pub coverage: Coverage,
    /// The patient's total, as [`estimate`] gives it (its low end, when it is a range: typical
    /// sessions, or plan figures PT needs not all entered).
    pub patient_total: Amount,
    /// The high end of that total, when it is a range; the monthly payment is then worked out on
    /// it ("up to"), as financing always takes a range's high end.
    pub patient_total_high: Option<Amount>,
    /// The chosen plan's monthly payment for that total.
    pub monthly_payment: Option<Amount>,
    /// Why the chosen plan is not available for that total.
    pub not_available: Option<String>,
    /// True when the visitor's own answers are this scenario (same injections and coverage).
    pub current: bool,
}

/// The grid for the visitor's answers in `request`, with the monthly payment of `answers.plan`.
///
/// Rows run from 1 injection to 3 (fewer if the price book allows fewer), or to the condition's
/// typical most if that is more. The therapy columns use the request's number of sessions, or the
/// condition's typical range when it says "typical" or is blank (each cell then a range, as the
/// estimate is); the insurance column uses the request's plan figures.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming a bad answer (`payment.plan: unknown plan "x"`), as
/// [`estimate`] does for the rest.
pub fn compare(
    book: &PriceBook,
    request: &EstimateRequest,
    answers: &PaymentAnswers,
) -> Result<Comparison, Error> {
    compare_for(book, &estimate(book, request)?, request, answers)
}

/// The grid for `request`, whose own estimate from `book` is `base`: as [`compare`], estimating
/// only the grid's scenarios.
///
/// # Errors
///
/// As [`compare`].
pub fn compare_for(
    book: &PriceBook,
    base: &Estimate,
    request: &EstimateRequest,
    answers: &PaymentAnswers,
) -> Result<Comparison, Error> {
    grid(book, base, request, answers, &|scenario| {
        estimate(book, scenario)
    })
}

/// The grid for a staff quote whose physical therapy another provider gives: as [`compare`], with
/// the therapy columns at `book`'s therapy prices (the caller's book carries that provider's) and
/// those lines that provider's, which the clinic's discounts leave alone, as on the quote.
///
/// # Errors
///
/// As [`compare`].
#[cfg(staff)]
pub(crate) fn compare_therapy_elsewhere(
    book: &PriceBook,
    request: &EstimateRequest,
    answers: &PaymentAnswers,
) -> Result<Comparison, Error> {
    let elsewhere =
        |scenario: &EstimateRequest| crate::estimate::estimate_therapy_elsewhere(book, scenario);
    grid(book, &elsewhere(request)?, request, answers, &elsewhere)
}

/// The grid, each scenario priced by `estimate`.
fn grid(
    book: &PriceBook,
    base: &Estimate,
    request: &EstimateRequest,
    answers: &PaymentAnswers,
    estimate: &dyn Fn(&EstimateRequest) -> Result<Estimate, Error>,
) -> Result<Comparison, Error> {
    let language = request.language;
    let plan = answers.plan(book, language)?;
    let condition = book.condition(&request.condition).ok_or_else(|| {
        let reason = (language.words().refusal)(&Refusal::ChooseCondition);
        Error::InvalidRequest(vec![FieldError::new("condition", reason)])
    })?;
    let document = book.document();
    let typical = condition.typical_pt_sessions;
    let sessions_answer = request.physical_therapy.sessions.as_str();
    let sessions = whole_number(sessions_answer).and_then(|sessions| u32::try_from(sessions).ok());
    let (pt_sessions, pt_sessions_most, sessions_answer) = match sessions {
        Some(sessions) => (sessions, sessions, sessions.to_string()),
        None => (typical.min, typical.max, "typical".to_owned()),
    };
    let most = USUAL_MOST_INJECTIONS
        .min(document.limits.max_injections)
        .max(condition.typical_injections.max);

    let words = &language.words().pay;
    let columns = [
        (Coverage::None, words.columns[0]),
        (Coverage::Cash, words.columns[1]),
        (Coverage::Insurance, words.columns[2]),
    ];
    let mut rows = Vec::new();
    for injections in 1..=most {
        let mut cells = Vec::new();
        for (coverage, _) in columns {
            let mut scenario = request.clone();
            scenario.injections = FormValue::from(injections.to_string().as_str());
            scenario.physical_therapy.coverage = coverage;
            scenario.physical_therapy.sessions = FormValue::from(sessions_answer.as_str());
            let estimated = estimate(&scenario)?;
            let (financed, _) = super::financed(book, &estimated)?;
            let total = estimated.low.patient_total;
            // A range whose ends come to the same amount is shown as that amount.
            let high = estimated
                .high
                .map(|high| high.patient_total)
                .filter(|high| high.cents != total.cents);
            let offer = plan
                .map(|plan| financing::offer(plan, financed, document.locale, language))
                .transpose()?;
            cells.push(ComparisonCell {
                coverage,
                monthly_payment: offer
                    .as_ref()
                    .and_then(|o| o.offer.as_ref())
                    .map(|o| o.monthly_payment.clone()),
                not_available: offer.and_then(|o| o.not_available),
                patient_total: total,
                patient_total_high: high,
                current: request.injections.as_str() == injections.to_string()
                    && request.physical_therapy.coverage == coverage,
            });
        }
        rows.push(ComparisonRow {
            injections,
            label: counted(injections, language.words().injection),
            cells,
        });
    }

    let sessions_note = match (pt_sessions_most, sessions) {
        (0, _) => words.no_sessions_note.to_owned(),
        (_, None) => (words.sessions_note)(
            (pt_sessions, pt_sessions_most),
            Some(condition.label.get(language)),
        ),
        (_, Some(_)) => (words.sessions_note)((pt_sessions, pt_sessions_most), None),
    };
    let mut notes = vec![
        sessions_note,
        document.disclaimers.insurance.get(language).to_owned(),
    ];
    if let Some(plan) = plan {
        notes.push((words.monthly_note)(plan.label.get(language)));
    }
    Ok(Comparison {
        language,
        condition: base.condition.clone(),
        plan: plan.map(|plan| Choice {
            value: plan.id.clone(),
            label: plan.label.get(language).to_owned(),
            detail: None,
        }),
        pt_sessions,
        pt_sessions_most,
        columns: columns
            .into_iter()
            .map(|(coverage, label)| ComparisonColumn {
                coverage,
                label: label.to_owned(),
            })
            .collect(),
        rows,
        notes,
    })
}
