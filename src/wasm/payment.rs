//! The payment exports: financing offers, HSA/FSA savings and the scenario comparison, as data and
//! rendered into the page as text nodes. Documented in `docs/api.md`, "Paying for it".
//!
//! Each takes the estimate request and the visitor's payment answers (`{ plan,
//! federal_tax_percent, state_tax_percent }`, any of them left out), and an optional price book.

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::render::payment::{render_comparison, render_options};
use super::{js_error, texts, to_js, value, with_book};
use crate::estimate::EstimateRequest;
use crate::payment::{self, Comparison, PaymentAnswers, PaymentOptions};

/// How the visitor can pay for what `request` costs: in full, each financing plan's offer (or why
/// it is not available), and the effective cost from an HSA or FSA at the tax rates in `payment`.
///
/// # Errors
///
/// A JS `Error` naming every bad field, e.g. `payment.federal_tax_percent: must be a percentage
/// from 0 to 100, got "140"`.
#[cfg(feature = "staff")]
#[wasm_bindgen(js_name = paymentOptions)]
pub fn payment_options(
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    to_js(&options(request, payment, price_book)?)
}

/// Works out the options as `paymentOptions` does, and replaces the children of `container` with
/// the pay-in-full amount, the financing offers and the lender's disclaimer, built from text nodes
/// only. Returns the HSA/FSA texts the page shows by its tax inputs: `{ hsa_effective_cost,
/// hsa_summary, hsa_caveat }`. On error `container` is left as it was.
///
/// # Errors
///
/// A JS `Error` naming every bad field, e.g. `payment.federal_tax_percent: must be a percentage
/// from 0 to 100, got "140"`.
#[wasm_bindgen(js_name = showPaymentOptions)]
pub fn show_payment_options(
    container: &Element,
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options(request, payment, price_book)?;
    render_options(container, &options)?;
    let hsa = &options.hsa;
    Ok(texts(&[
        ("hsa_effective_cost", &hsa.effective_cost.formatted),
        ("hsa_summary", &hsa.summary),
        ("hsa_caveat", &hsa.caveat),
    ]))
}

/// The scenario grid for `request`: 1 to 3 injections (or the condition's typical most) × physical
/// therapy none, cash or insurance, each cell with the patient's total and the monthly payment of
/// `payment.plan`, if one is chosen.
///
/// # Errors
///
/// A JS `Error` naming every bad field, e.g. `payment.plan: unknown plan "x"`.
#[cfg(feature = "staff")]
#[wasm_bindgen(js_name = compareScenarios)]
pub fn compare_scenarios(
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    to_js(&comparison(request, payment, price_book)?)
}

/// Works out the grid as `compareScenarios` does, and replaces the children of `container` with
/// it as a table (in its own horizontally scrolling region) and its notes, from text nodes only.
/// The staff page can put the same table on its printout. On error `container` is left as it was.
///
/// # Errors
///
/// A JS `Error` naming every bad field, e.g. `payment.plan: unknown plan "x"`.
#[wasm_bindgen(js_name = showComparison)]
pub fn show_comparison(
    container: &Element,
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<(), JsValue> {
    let comparison = comparison(request, payment, price_book)?;
    render_comparison(container, &comparison)
}

/// The options of a plan chooser: `[{ value, label }]`, each plan by `id`, then `""` for none, in
/// `language` (a tag such as `es`; English when absent).
///
/// # Errors
///
/// A JS `Error` naming every bad field of the price book.
#[wasm_bindgen(js_name = financingChoices)]
pub fn financing_choices(
    price_book: Option<JsValue>,
    language: Option<String>,
) -> Result<JsValue, JsValue> {
    let language = crate::language::Language::from_tag(language.as_deref().unwrap_or(""));
    to_js(&with_book(price_book, |book| {
        Ok(payment::financing_choices(book, language))
    })?)
}

fn options(
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<PaymentOptions, JsValue> {
    let (request, answers) = read(request, payment)?;
    with_book(price_book, |book| {
        payment::payment_options(book, &request, &answers)
    })
}

fn comparison(
    request: JsValue,
    payment: Option<JsValue>,
    price_book: Option<JsValue>,
) -> Result<Comparison, JsValue> {
    let (request, answers) = read(request, payment)?;
    with_book(price_book, |book| {
        payment::compare(book, &request, &answers)
    })
}

/// The request and the payment answers; missing, `undefined` or `null` answers are all blank.
fn read(
    request: JsValue,
    payment: Option<JsValue>,
) -> Result<(EstimateRequest, PaymentAnswers), JsValue> {
    let request = EstimateRequest::from_value(&value(&request)).map_err(js_error)?;
    let answers = match payment.filter(|answers| !answers.is_null() && !answers.is_undefined()) {
        Some(answers) => PaymentAnswers::from_value(&value(&answers)).map_err(js_error)?,
        None => PaymentAnswers::default(),
    };
    Ok((request, answers))
}
