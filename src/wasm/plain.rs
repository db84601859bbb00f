//! serde-wasm-bindgen's serializer, with objects and arrays filled here.
//!
//! serde-wasm-bindgen makes each struct field's name (and each unit variant's) into a JS string
//! through a cache: a hash map keyed by the name's address (`static_str_to_js`), with its
//! thread-local and growth code. That cache is about 1 KB brotli of the visitor's module, and a
//! call's few dozen names gain nothing measurable from it. So [`Plain`] hands each number, text,
//! `null` and boolean to serde-wasm-bindgen (`json_compatible`), and makes the plain objects and
//! arrays around them itself: the same values reach JS (DESIGN.md, "Why output through
//! serde-wasm-bindgen and input through read.rs?"; docs/performance.md).

use js_sys::Array;
use serde::ser::{self, Serialize};
use serde_wasm_bindgen::{Error, Serializer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain object being filled.
    type Members;

    #[wasm_bindgen(constructor, js_class = "Object")]
    fn new() -> Members;

    /// `this[key] = value`, which cannot fail on a plain object.
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Members, key: &JsValue, value: &JsValue);
}

/// serde-wasm-bindgen's serializer, except for what holds other values: a struct or a map is a
/// plain object of its fields or entries, a list or tuple an array, a unit variant its name, a
/// newtype variant `{ variant: value }`, and what is in each goes through `Plain` too.
#[derive(Clone, Copy)]
pub(super) struct Plain<'s>(pub &'s Serializer);

/// An array being filled, one element at a time.
pub(super) struct Elements<'s> {
    to: Plain<'s>,
    array: Array,
}

/// A plain object being filled, one field or entry at a time.
pub(super) struct Fields<'s> {
    to: Plain<'s>,
    object: Members,
    key: JsValue,
}

/// `Serializer` methods that go to serde-wasm-bindgen as they are (giving a `JsValue` unless
/// another result is named).
macro_rules! forward {
    ($($method:ident($($arg:ident: $type:ty),*) $(-> $result:ty)?;)*) => {$(
        fn $method(self, $($arg: $type),*) -> Result<forward!(@result $($result)?), Error> {
            self.0.$method($($arg),*)
        }
    )*};
    (@result) => { JsValue };
    (@result $result:ty) => { $result };
}

impl<'s> ser::Serializer for Plain<'s> {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = Elements<'s>;
    type SerializeTuple = Elements<'s>;
    type SerializeTupleStruct = Elements<'s>;
    type SerializeTupleVariant = <&'s Serializer as ser::Serializer>::SerializeTupleVariant;
    type SerializeMap = Fields<'s>;
    type SerializeStruct = Fields<'s>;
    type SerializeStructVariant = <&'s Serializer as ser::Serializer>::SerializeStructVariant;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> Self::SerializeTupleVariant;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize)
            -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<JsValue, Error> {
        self.0.serialize_str(variant)
    }

    /// As serde-wasm-bindgen does it: its `preserve` (a JS value kept as it is, which the editor's
    /// results use) is a newtype struct of its own name.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        self.0.serialize_newtype_struct(name, value)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        let mut fields = self.serialize_map(Some(1))?;
        ser::SerializeStruct::serialize_field(&mut fields, variant, value)?;
        ser::SerializeStruct::end(fields)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Elements<'s>, Error> {
        Ok(Elements {
            to: self,
            array: Array::new(),
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Elements<'s>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Elements<'s>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Fields<'s>, Error> {
        Ok(Fields {
            to: self,
            object: Members::new(),
            key: JsValue::UNDEFINED,
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Fields<'s>, Error> {
        self.serialize_map(Some(len))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

impl Elements<'_> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.array.push(&value.serialize(self.to)?);
        Ok(())
    }
}

/// The array kinds: a list, a tuple, a tuple struct.
macro_rules! elements {
    ($($trait:ident::$method:ident;)*) => {$(
        impl ser::$trait for Elements<'_> {
            type Ok = JsValue;
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }

            fn end(self) -> Result<JsValue, Error> {
                Ok(self.array.into())
            }
        }
    )*};
}

elements! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.object
            .set(&JsValue::from_str(key), &value.serialize(self.to)?);
        Ok(())
    }

    fn end(self) -> Result<JsValue, Error> {
        Ok(self.object.into())
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = key.serialize(self.to)?;
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.object.set(&self.key, &value.serialize(self.to)?);
        Ok(())
    }

    fn end(self) -> Result<JsValue, Error> {
        Ok(self.object.into())
    }
}
