//! Reading JS values in the wasm tests (`tests/wasm.rs`, `tests/wasm_payment.rs`): test JSON in,
//! fields out by path.

#![allow(dead_code)]

use amnion_estimator::wasm::Estimator;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;

/// Test JSON as a JS value.
pub fn parse(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// `value.a.b.c` as a JS value; a numeric key indexes an array (`rows.0.cells.2`).
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).expect("object")
    })
}

/// A whole number of cents at `path`.
pub fn cents(value: &JsValue, path: &str) -> i64 {
    get(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is a number")) as i64
}

/// Text at `path`.
pub fn text(value: &JsValue, path: &str) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is text"))
}

/// The visitor handle on `book`, or on the embedded sample.
pub fn estimator(book: Option<JsValue>) -> Estimator {
    Estimator::new(book, None).unwrap_or_else(|_| panic!("a valid price book"))
}

/// A form's answers: `request` with `payment` under `payment`, as a page's form reads them.
pub fn with_payment(request: &str, payment: &str) -> JsValue {
    let answers = parse(request);
    Reflect::set(&answers, &JsValue::from_str("payment"), &parse(payment)).expect("an object");
    answers
}
