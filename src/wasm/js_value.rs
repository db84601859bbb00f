//! JS values in and out: a JS object as the [`Value`] tree the document readers take, and any
//! `Serialize` type as plain JS objects, arrays, strings, numbers and booleans.
//!
//! Both are small on purpose (see DESIGN.md, "Why a hand-written reader?"): the module carries no
//! general-purpose serde format. Out, `None` is `undefined`, a map is a plain object (so that
//! `JSON.stringify` keeps it, as a saved quote needs), and a whole number is a JS number.

use std::fmt;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::read::{float_text, Value};

#[wasm_bindgen]
extern "C" {
    /// A plain object whose properties are set one by one.
    #[wasm_bindgen(extends = js_sys::Object)]
    type Props;

    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Props, key: &JsValue, value: JsValue);
}

thread_local! {
    /// Each field name as a JS string, made once: by the address and length of its `&'static str`,
    /// sorted.
    static KEYS: std::cell::RefCell<Vec<((usize, usize), JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The field name `key` as a JS string, from the cache.
fn key(key: &'static str) -> JsValue {
    KEYS.with_borrow_mut(|keys| {
        let address = (key.as_ptr() as usize, key.len());
        match keys.binary_search_by_key(&address, |(known, _)| *known) {
            Ok(index) => keys[index].1.clone(),
            Err(index) => {
                let js = JsValue::from_str(key);
                keys.insert(index, (address, js.clone()));
                js
            }
        }
    })
}

/// Sets the property `name` of the object `target` (a fresh object: this cannot fail).
pub(crate) fn set_property(target: &js_sys::Object, name: &'static str, value: JsValue) {
    target.unchecked_ref::<Props>().set(&key(name), value);
}

/// How deep a JS value is read: far deeper than any document, and a cyclic object stops here.
const MAX_DEPTH: usize = 32;

/// A JS value as the tree the document readers take (`crate::read`). A number is whole if it is
/// a safe integer; any other is kept as the text JS prints, for messages only.
pub(crate) fn value(js: &JsValue) -> Value {
    value_at(js, 0)
}

fn value_at(js: &JsValue, depth: usize) -> Value {
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
        Value::Array(
            array
                .iter()
                .map(|item| value_at(&item, depth + 1))
                .collect(),
        )
    } else if js.is_object() {
        let entries = js_sys::Object::entries(js.unchecked_ref());
        Value::Object(
            entries
                .iter()
                .map(|entry| {
                    let entry: js_sys::Array = entry.unchecked_into();
                    let key = entry.get(0).as_string().unwrap_or_default();
                    (key, value_at(&entry.get(1), depth + 1))
                })
                .collect(),
        )
    } else {
        Value::Other("a value JSON cannot hold")
    }
}

/// `value` as a JS value.
///
/// # Errors
///
/// A JS `Error` for what JS cannot hold exactly (a whole number past 2^53), never met in practice.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(ToJs)
        .map_err(|error| js_sys::Error::new(&error.0).into())
}

/// Why a value has no JS form.
#[derive(Debug)]
pub(crate) struct Unrepresentable(String);

impl fmt::Display for Unrepresentable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unrepresentable {}

impl ser::Error for Unrepresentable {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Unrepresentable(message.to_string())
    }
}

/// The largest whole number a JS number holds exactly, 2^53 - 1.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A whole number as a JS number, if JS holds it exactly.
fn number(value: i64) -> Result<JsValue, Unrepresentable> {
    match value.unsigned_abs() <= MAX_SAFE_INTEGER {
        true => Ok(JsValue::from_f64(value as f64)),
        false => Err(unsupported("whole numbers past 2^53")),
    }
}

fn unsupported(what: &str) -> Unrepresentable {
    Unrepresentable(format!("{what} have no JS form here"))
}

/// The serializer: each call makes one JS value.
#[derive(Clone, Copy)]
struct ToJs;

/// An array being filled.
struct Items(js_sys::Array);

/// An object being filled; `key` is the map key waiting for its value.
struct Fields {
    props: Props,
    key: Option<String>,
}

impl Fields {
    fn new() -> Fields {
        Fields {
            props: js_sys::Object::new().unchecked_into(),
            key: None,
        }
    }
}

impl ser::Serializer for ToJs {
    type Ok = JsValue;
    type Error = Unrepresentable;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = ser::Impossible<JsValue, Unrepresentable>;
    type SerializeMap = Fields;
    type SerializeStruct = Fields;
    type SerializeStructVariant = ser::Impossible<JsValue, Unrepresentable>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<JsValue, Unrepresentable> {
        number(v)
    }
    fn serialize_u8(self, v: u8) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<JsValue, Unrepresentable> {
        number(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<JsValue, Unrepresentable> {
        i64::try_from(v).map_or_else(|_| Err(unsupported("whole numbers past 2^53")), number)
    }
    // No amount or rate is ever a float (cents and basis points are whole numbers), so nothing
    // the crate sends out may be one either.
    fn serialize_f32(self, _: f32) -> Result<JsValue, Unrepresentable> {
        Err(unsupported("floating point numbers"))
    }
    fn serialize_f64(self, _: f64) -> Result<JsValue, Unrepresentable> {
        Err(unsupported("floating point numbers"))
    }
    fn serialize_char(self, v: char) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::from_str(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<JsValue, Unrepresentable> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::UNDEFINED)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Unrepresentable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::UNDEFINED)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::UNDEFINED)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<JsValue, Unrepresentable> {
        Ok(JsValue::from_str(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, Unrepresentable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<JsValue, Unrepresentable> {
        let fields = Fields::new();
        fields.props.set(&key(variant), value.serialize(self)?);
        Ok(fields.props.into())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items, Unrepresentable> {
        Ok(Items(js_sys::Array::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Items, Unrepresentable> {
        Ok(Items(js_sys::Array::new()))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Items, Unrepresentable> {
        Ok(Items(js_sys::Array::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unrepresentable> {
        Err(unsupported("tuple variants"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields, Unrepresentable> {
        Ok(Fields::new())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields, Unrepresentable> {
        Ok(Fields::new())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unrepresentable> {
        Err(unsupported("struct variants"))
    }
}

impl Items {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unrepresentable> {
        self.0.push(&value.serialize(ToJs)?);
        Ok(())
    }
}

impl ser::SerializeSeq for Items {
    type Ok = JsValue;
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, Unrepresentable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for Items {
    type Ok = JsValue;
    type Error = Unrepresentable;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, Unrepresentable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTupleStruct for Items {
    type Ok = JsValue;
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        self.push(value)
    }
    fn end(self) -> Result<JsValue, Unrepresentable> {
        Ok(self.0.into())
    }
}

impl ser::SerializeMap for Fields {
    type Ok = JsValue;
    type Error = Unrepresentable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        let key = key.serialize(ToJs)?.as_string();
        self.key = Some(key.ok_or_else(|| unsupported("map keys other than text"))?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Self::Error> {
        let key = self.key.take().unwrap_or_default();
        self.props
            .set(&JsValue::from_str(&key), value.serialize(ToJs)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Unrepresentable> {
        Ok(self.props.into())
    }
}

impl ser::SerializeStruct for Fields {
    type Ok = JsValue;
    type Error = Unrepresentable;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Self::Error> {
        self.props.set(&self::key(key), value.serialize(ToJs)?);
        Ok(())
    }
    fn end(self) -> Result<JsValue, Unrepresentable> {
        Ok(self.props.into())
    }
}
