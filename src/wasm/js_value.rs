//! JS values in: a JS object as the [`Value`] tree the document readers take (`crate::read`).
//!
//! Results go out through serde-wasm-bindgen; what comes in is walked here instead, so that every
//! problem is reported by its path and a cyclic or deeply nested object stops at [`MAX_DEPTH`]
//! (see DESIGN.md, "Why output through serde-wasm-bindgen and input through read.rs?").

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::read::{float_text, Value, MAX_DOCUMENT_VALUES, TOO_MANY_VALUES};

/// How deep a JS value is read: far deeper than any document, and a cyclic object stops here.
const MAX_DEPTH: usize = 32;

/// A JS value as the tree the document readers take (`crate::read`). A number is whole if it is
/// a safe integer; any other is kept as the text JS prints, for messages only.
/// An object with more than [`MAX_DOCUMENT_VALUES`] values is not walked further: it is
/// `Value::Other(TOO_MANY_VALUES)`, which the reader refuses as too large, so a 10 MB file costs
/// no more than a document at the limit.
pub(crate) fn value(js: &JsValue) -> Value {
    let mut left = MAX_DOCUMENT_VALUES + 1;
    let value = value_at(js, 0, &mut left);
    match left {
        0 => Value::Other(TOO_MANY_VALUES),
        _ => value,
    }
}

fn value_at(js: &JsValue, depth: usize, left: &mut usize) -> Value {
    if *left == 0 {
        return Value::Null;
    }
    *left -= 1;
    if js.is_null() || js.is_undefined() {
        Value::Null
    } else if let Some(flag) = js.as_bool() {
        Value::Bool(flag)
    } else if let Some(number) = js.as_f64() {
        if js_sys::Number::is_safe_integer(js) {
            // Exact: a safe integer is a whole number below 2^53.
            Value::Integer(number as i64)
        } else {
            let text = js
                .unchecked_ref::<js_sys::Number>()
                .to_string_with_radix(10);
            Value::Float(float_text(&text.map(String::from).unwrap_or_default()))
        }
    } else if let Some(text) = js.as_string() {
        Value::String(text)
    } else if depth >= MAX_DEPTH {
        Value::Other("a value nested too deeply")
    } else if let Some(array) = js.dyn_ref::<js_sys::Array>() {
        let mut items = Vec::new();
        for item in array.iter() {
            if *left == 0 {
                break;
            }
            items.push(value_at(&item, depth + 1, left));
        }
        Value::Array(items)
    } else if js.is_object() {
        let mut entries = Vec::new();
        for entry in js_sys::Object::entries(js.unchecked_ref()).iter() {
            if *left == 0 {
                break;
            }
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            entries.push((key, value_at(&entry.get(1), depth + 1, left)));
        }
        Value::Object(entries)
    } else {
        Value::Other("a value JSON cannot hold")
    }
}
