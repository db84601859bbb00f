//! The browser boundary: every `wasm_bindgen`, `JsValue` and `web_sys` item in the crate lives in
//! this folder, and it holds no pricing rule. Built only for `wasm32`.
//!
//! Exports (documented in `docs/api.md`). The visitor's module has what the widget calls:
//! - `choices(priceBook?)`: the answers a visitor can pick, for filling the form;
//! - `showEstimate(container, request, priceBook?)`: renders the estimate's breakdown into
//!   `container` as text nodes, and returns the total and summary line the page shows beside it;
//! - `shareFragment(request)` and `readShareFragment(fragment)`: share links without insurance figures;
//! - the payment exports in [`payment`].
//!
//! With the `staff` feature the module has every export: also the results as data
//! (`defaultPriceBook()`, `estimate(request, priceBook?)`, and `paymentOptions` and
//! `compareScenarios` in [`payment`]), and the staff page's exports in `staff`: `quote`,
//! `showQuote` and `showSavedQuote`. The visitor does not download code the widget never calls.
//!
//! Errors are thrown as JS `Error`s whose message names each bad field
//! (`physical_therapy.sessions: must be 0 to 40, got 400`) and whose `fields` property lists them
//! as `{ path, reason }` objects, so a page can mark the inputs at fault.

mod js_value;
pub mod payment;
mod render;
#[cfg(feature = "staff")]
pub mod staff;

use std::sync::OnceLock;

use wasm_bindgen::prelude::*;

use self::js_value::{set_property, to_js, value};

use crate::error::Error;
use crate::estimate::{self, Choices, Estimate, EstimateRequest};
use crate::language::Language;
use crate::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};

/// The module's allocator: lol_alloc's free list, behind its spin lock (a page runs one thread, so the
/// lock is never contended; it keeps this crate free of `unsafe`).
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// The embedded price book, parsed and validated once per page.
static DEFAULT_BOOK: OnceLock<PriceBook> = OnceLock::new();

/// The embedded sample price book, as a plain object a clinic can inspect or copy.
///
/// # Errors
///
/// Never in practice: the embedded JSON is checked by the native tests.
#[cfg(feature = "staff")]
#[wasm_bindgen(js_name = defaultPriceBook)]
pub fn default_price_book() -> Result<JsValue, JsValue> {
    // The browser's own JSON parser: the shipped module carries none.
    js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)
}

/// Estimates `request` with `price_book`, or the embedded one when it is `undefined` or `null`.
///
/// # Errors
///
/// A JS `Error` naming every bad field of the request or price book.
#[cfg(feature = "staff")]
#[wasm_bindgen(js_name = estimate)]
pub fn estimate_js(request: JsValue, price_book: Option<JsValue>) -> Result<JsValue, JsValue> {
    to_js(&compute(request, price_book)?)
}

/// Estimates `request` as `estimate` does, and replaces the children of `container` with the
/// itemized breakdown and notes, built from text nodes only (no HTML parsing, so a label cannot
/// inject markup). Returns what the page shows beside it: `{ total, summary }`, e.g. `"$2,332.25 –
/// $4,064.81"` and `"Plantar fasciitis (heel pain): 1 injection to 3 injections"`. On error
/// `container` is left as it was, so the last good estimate stays on screen.
///
/// # Errors
///
/// A JS `Error` naming every bad field of the request or price book.
#[wasm_bindgen(js_name = showEstimate)]
pub fn show_estimate(
    container: &web_sys::Element,
    request: JsValue,
    price_book: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let estimate = compute(request, price_book)?;
    render::estimate::breakdowns(container, &estimate)?;
    let summary = format!("{}: {}", estimate.condition, estimate.summary);
    Ok(texts(&[
        ("total", &estimate.patient_total.formatted),
        ("summary", &summary),
    ]))
}

/// A plain object of texts: what a `show` export returns for the page to put beside what it
/// rendered.
fn texts(entries: &[(&'static str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, text) in entries {
        set_property(&object, name, JsValue::from_str(text));
    }
    object.into()
}

/// The answers a visitor can pick under `price_book` (or the embedded one): conditions, injection
/// counts, products, session counts, and the clinic's name and phone, in `language` (a tag such as
/// `es` or `en-US`; English when absent).
///
/// # Errors
///
/// A JS `Error` naming every bad field of the price book.
#[wasm_bindgen]
pub fn choices(price_book: Option<JsValue>, language: Option<String>) -> Result<JsValue, JsValue> {
    let language = Language::from_tag(language.as_deref().unwrap_or(""));
    let choices = with_book(price_book, |book| Ok(Choices::new(book, language)))?;
    to_js(&choices)
}

/// Runs `f` on `price_book`, or on the embedded book (parsed once) when there is none.
fn with_book<T>(
    price_book: Option<JsValue>,
    f: impl FnOnce(&PriceBook) -> Result<T, Error>,
) -> Result<T, JsValue> {
    let own = own_book(price_book)?;
    let book = match &own {
        Some(book) => book,
        None => embedded_book()?,
    };
    f(book).map_err(js_error)
}

/// The clinic's own price book, read and checked, or `None` when `price_book` is absent. (Not
/// generic, like `embedded_book`: `with_book` is made once per export, these once.)
fn own_book(price_book: Option<JsValue>) -> Result<Option<PriceBook>, JsValue> {
    match price_book.filter(|book| !book.is_null() && !book.is_undefined()) {
        Some(book) => PriceBook::from_value(&value(&book))
            .map(Some)
            .map_err(js_error),
        None => Ok(None),
    }
}

/// The embedded price book, parsed and checked on first use.
fn embedded_book() -> Result<&'static PriceBook, JsValue> {
    if let Some(book) = DEFAULT_BOOK.get() {
        return Ok(book);
    }
    let parsed = js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)?;
    let book = PriceBook::from_value(&value(&parsed)).map_err(js_error)?;
    Ok(DEFAULT_BOOK.get_or_init(|| book))
}

fn compute(request: JsValue, price_book: Option<JsValue>) -> Result<Estimate, JsValue> {
    let request = EstimateRequest::from_value(&value(&request)).map_err(js_error)?;
    with_book(price_book, |book| estimate::estimate(book, &request))
}

/// The URL fragment (without `#`) that restores a visitor's treatment answers, percent-encoded by
/// the browser's `URLSearchParams`. Insurance figures are never in it.
///
/// # Errors
///
/// A JS `Error` naming the field if `request` is not a request object.
#[wasm_bindgen(js_name = shareFragment)]
pub fn share_fragment(request: JsValue) -> Result<String, JsValue> {
    let request = EstimateRequest::from_value(&value(&request)).map_err(js_error)?;
    let link = web_sys::UrlSearchParams::new()?;
    for (key, value) in estimate::share_answers(&request) {
        link.append(key, value);
    }
    Ok(link.to_string().into())
}

/// The request a share fragment (with or without `#`) restores. Only the keys a share link
/// carries are read; anything else in it is ignored.
///
/// # Errors
///
/// Never in practice; a JS `Error` if the request cannot be turned into an object.
#[wasm_bindgen(js_name = readShareFragment)]
pub fn read_share_fragment(fragment: &str) -> Result<JsValue, JsValue> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let link = web_sys::UrlSearchParams::new_with_str(fragment)?;
    to_js(&estimate::read_share_answers(|key| link.get(key)))
}

/// A JS `Error` with the message of `error` and its field problems as `error.fields`.
fn js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    if let Ok(fields) = to_js(error.fields()) {
        set_property(&js, "fields", fields);
    }
    js.into()
}
