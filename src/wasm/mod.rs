//! The browser boundary: every `wasm_bindgen`, `JsValue` and `web_sys` item in the crate lives in
//! this folder, and it holds no pricing rule. Built only for `wasm32`.
//!
//! A page makes one handle, which reads and validates its price book once, and then calls one
//! method per user action (documented in `docs/api.md`):
//!
//! - [`Estimator`], the visitor widget's: `choices()`, `financingChoices()`, and `update(answers,
//!   regions)`, which estimates once, derives the payment options and the comparison from that
//!   estimate, renders every result region, and returns only the answers it refused;
//! - `Quoter` (feature `staff`), the staff page's: the same for a quote and its Good Faith
//!   Estimate, plus reopening a saved quote, what Save and Export CSV write, the bill checked
//!   against the quote on screen (`checkBill`), and the register of estimates given (`register*`,
//!   in `register.rs`);
//! - `BookEditor` (feature `staff`), the price-book editor's: the book as a form in dollars, then
//!   one call per action (a change, a list edit, a confirmation, Download), which checks the book
//!   once, with every problem at its field, and renders the sample Good Faith Estimate and the
//!   widget preview from the book that check validated.
//!
//! Free functions need no price book: `shareFragment` and `readShareFragment` (share links without
//! insurance figures), `validationCount()`, `estimateCount()` and `quoteCount()` (work done, for the benchmark) and, with `staff`,
//! `defaultPriceBook()`. With `staff` the handles also give results as data (`estimate`,
//! `paymentOptions`, `compareScenarios`, `quote`) for a clinic's own page; the visitor's module
//! leaves out what the widget never calls.
//!
//! Results leave through serde-wasm-bindgen (`json_compatible`: a map is a plain object, `None` is
//! `null`); documents come in through [`js_value::value`] and `crate::read`, which name every
//! problem's path. A refused document throws a JS `Error` whose message names each bad field and
//! whose `fields` property lists them as `{ path, reason }`.

#[cfg(staff)]
mod editor;
mod estimator;
mod js_value;
mod plain;
#[cfg(staff)]
mod quoter;
mod regions;
#[cfg(staff)]
mod register;
mod render;

#[cfg(staff)]
pub use editor::BookEditor;
pub use estimator::Estimator;
#[cfg(staff)]
pub use quoter::Quoter;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use self::js_value::value;
use crate::error::{Error, FieldError};
use crate::estimate::{self, EstimateRequest};
use crate::price_book::PriceBook;
#[cfg(staff)]
use crate::price_book::DEFAULT_PRICE_BOOK_JSON;

/// The module's allocator: lol_alloc's free list, behind its spin lock (a page runs one thread, so the
/// lock is never contended; it keeps this crate free of `unsafe`).
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

/// The embedded sample price book, as a plain object a clinic can inspect or copy.
///
/// # Errors
///
/// Never in practice: the embedded JSON is checked by the native tests.
#[cfg(staff)]
#[wasm_bindgen(js_name = defaultPriceBook)]
pub fn default_price_book() -> Result<JsValue, JsValue> {
    // The browser's own JSON parser: the shipped module carries none.
    js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)
}

/// The URL fragment (without `#`) that restores a visitor's treatment answers, percent-encoded by
/// the browser's `URLSearchParams`. Insurance figures are never in it. `answers` is the form's
/// answers; its payment answers are left out too.
///
/// # Errors
///
/// A JS `Error` naming the field if `answers` is not a request object.
#[wasm_bindgen(js_name = shareFragment)]
pub fn share_fragment(answers: JsValue) -> Result<String, JsValue> {
    let mut answers = value(&answers);
    answers.remove("payment");
    let request = EstimateRequest::from_value(&answers).map_err(js_error)?;
    fragment_of(&request)
}

/// The share fragment of `request`'s treatment answers.
fn fragment_of(request: &EstimateRequest) -> Result<String, JsValue> {
    let link = web_sys::UrlSearchParams::new()?;
    for (key, value) in estimate::share_answers(request) {
        link.append(key, value);
    }
    Ok(link.to_string().into())
}

/// The answers a share fragment (with or without `#`) restores, and only those
/// ([`estimate::shared_answers`]): an answer the fragment does not carry is not in the object, so
/// the page leaves it as a fresh page has it. Only the keys a share link carries are read.
///
/// # Errors
///
/// Never in practice; a JS `Error` if the request cannot be turned into an object.
#[wasm_bindgen(js_name = readShareFragment)]
pub fn read_share_fragment(fragment: &str) -> Result<JsValue, JsValue> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let link = web_sys::UrlSearchParams::new_with_str(fragment)?;
    to_js(&estimate::shared_answers(|key| link.get(key)))
}

/// How many price books the module has validated since it started. With [`estimate_count`] and
/// [`quote_count`], what
/// the benchmark reads around one keystroke (`make bench`): plain numbers, so that it can call the
/// module's raw export.
#[wasm_bindgen(js_name = validationCount)]
pub fn validation_count() -> u32 {
    crate::tally::tally().validations
}

/// How many estimates the module has made since it started.
#[wasm_bindgen(js_name = estimateCount)]
pub fn estimate_count() -> u32 {
    crate::tally::tally().estimates
}

/// How many quotes the module has priced since it started.
#[wasm_bindgen(js_name = quoteCount)]
pub fn quote_count() -> u32 {
    crate::tally::tally().quotes
}

/// `value` as a plain JS value: objects, arrays, strings, numbers, booleans and `null`, by
/// serde-wasm-bindgen, each struct handed to it as a map ([`plain::Plain`]).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_wasm_bindgen::Serializer::json_compatible();
    Ok(value.serialize(plain::Plain(&json))?)
}

/// A JS `Error` with the message of `error` and its field problems as `error.fields`.
fn js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    if let Ok(fields) = to_js(error.fields()) {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str("fields"), &fields);
    }
    js.into()
}

/// The clinic's price book, read and validated; with `staff`, the embedded sample when
/// `price_book` is absent, `undefined` or `null`. The visitor's module embeds no sample (3.3 KB
/// brotli a clinic with its own book would download for nothing): its widget fetches
/// `sample-price-book.json` instead, and an absent book is refused in words.
fn read_book(price_book: Option<JsValue>) -> Result<PriceBook, JsValue> {
    let price_book = match price_book.filter(|book| !book.is_null() && !book.is_undefined()) {
        Some(book) => book,
        #[cfg(staff)]
        None => js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)?,
        #[cfg(not(staff))]
        None => {
            return Err(js_sys::Error::new(
                "no price book given: the visitor module embeds none (the widget loads \
                 sample-price-book.json when its element has no price-book attribute)",
            )
            .into())
        }
    };
    let book = value(&price_book);
    PriceBook::from_value(&book).map_err(|error| {
        // Whom a visitor can call while the book is refused, if its clinic section still says.
        let contact = crate::price_book::contact_in_refused(&book, &error);
        let js = js_error(error);
        if let Some((name, phone)) = contact {
            // Setting properties on fresh objects cannot fail.
            let clinic = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&clinic, &"name".into(), &name.into());
            let _ = js_sys::Reflect::set(&clinic, &"phone".into(), &phone.into());
            let _ = js_sys::Reflect::set(&js, &"clinic".into(), &clinic);
        }
        js
    })
}

/// What an update could not show, and why: each refused answer, or a result that could not be
/// computed, with the region it belongs to (`estimate`, `payment` or `comparison`). Empty when
/// every region shows the answers as they are now.
#[derive(Debug, Default, Serialize)]
struct Update {
    refused: Vec<RegionError>,
    /// The visitor page's: the share fragment of the answers, for the page to keep in its address
    /// so a reload restores them; absent when the answers could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    fragment: Option<String>,
}

/// A [`FieldError`] with the region of the page it belongs to; the page shows its reason at the
/// field named by its path, in that region.
#[derive(Debug, Serialize)]
struct RegionError {
    region: &'static str,
    path: String,
    reason: String,
}

impl Update {
    /// Records `error` against `region`: each field, or the error's own message if it names none.
    fn refuse(&mut self, region: &'static str, error: &Error) {
        let whole = [FieldError::new("", error.to_string())];
        let fields = match error.fields() {
            [] => &whole[..],
            fields => fields,
        };
        self.refused.extend(fields.iter().map(|field| RegionError {
            region,
            path: field.path.clone(),
            reason: field.reason.clone(),
        }));
    }
}
