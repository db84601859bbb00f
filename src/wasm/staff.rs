//! The staff page's exports: quotes, their Good Faith Estimate and saved quotes. Built only with
//! the `staff` feature, into the staff page's module; the visitor module leaves them out (see
//! DESIGN.md, "Why two wasm modules?"). Documented in `docs/api.md`, "Staff quotes".

use wasm_bindgen::prelude::*;

use super::{js_error, render, to_js, value, with_book};
use crate::quote::{self, Quote, QuoteRequest, SavedQuote};

/// Prices a staff quote: the Good Faith Estimate, CSV and the saved-quote object.
///
/// # Errors
///
/// A JS `Error` naming every bad field (`patient.name: enter the patient's name`).
#[wasm_bindgen(js_name = quote)]
pub fn quote_js(request: JsValue, price_book: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&compute_quote(request, price_book)?)
}

/// As [`quote_js`], and replaces the children of `container` with the printable document. On error
/// `container` is left as it was.
///
/// # Errors
///
/// As [`quote_js`], or a DOM error from the browser.
#[wasm_bindgen(js_name = showQuote)]
pub fn show_quote(
    container: &web_sys::Element,
    request: JsValue,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let quote = compute_quote(request, price_book)?;
    render::good_faith_estimate::document(container, &quote)?;
    to_js(&quote)
}

/// Reopens a saved quote (the `saved` object of a quote, as read back from its file) with the
/// prices it was saved with, renders it into `container`, and returns `{ quote, price_change }`,
/// where `price_change` says how today's `price_book` (or the embedded one) would differ.
///
/// # Errors
///
/// A JS `Error` if the object is not a saved quote or was edited after saving.
#[wasm_bindgen(js_name = showSavedQuote)]
pub fn show_saved_quote(
    container: &web_sys::Element,
    saved: JsValue,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let saved = SavedQuote::from_value(&value(&saved)).map_err(js_error)?;
    let reopened = with_book(price_book, |book| quote::reopen(&saved, book))?;
    render::good_faith_estimate::document(container, &reopened.quote)?;
    to_js(&reopened)
}

fn compute_quote(request: JsValue, price_book: Option<JsValue>) -> Result<Quote, JsValue> {
    let request = QuoteRequest::from_value(&value(&request)).map_err(js_error)?;
    with_book(price_book, |book| quote::quote(book, &request))
}
