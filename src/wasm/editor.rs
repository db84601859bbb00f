//! The price-book editor's handle (feature `staff`): `new BookEditor(book)` opens a parsed file, or
//! the sample, however wrong it is; then one call per action of the office manager. The page's
//! form holds what is typed and is passed in each time (`readForm`); the rules are in
//! `crate::editor`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::regions::Regions;
use super::{render, to_js, value};
use crate::editor::{self, schema, Check, Editor};
use crate::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use crate::read::Value;

/// One editing session: `new BookEditor(book)`.
#[wasm_bindgen]
pub struct BookEditor {
    editor: Editor,
    /// The form as opened, for the page to build its controls from.
    opened: Value,
}

/// What `update` returns: the check, and the book to preview in the widget (`null` while it has
/// a problem).
#[derive(Serialize)]
struct Updated<'a> {
    #[serde(flatten)]
    check: &'a Check,
    book: Option<Value>,
}

/// A changed form, and the control to put the cursor in.
#[derive(Serialize)]
struct Changed {
    values: Value,
    focus: Option<String>,
}

#[wasm_bindgen]
impl BookEditor {
    /// Opens `book` (a parsed price book file); the sample when absent, `undefined` or `null`.
    ///
    /// # Errors
    ///
    /// Never in practice: the sample is JSON.
    #[wasm_bindgen(constructor)]
    pub fn new(book: Option<JsValue>) -> Result<BookEditor, JsValue> {
        let sample = value(&js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)?);
        let (editor, opened) = match book.filter(|book| !book.is_null() && !book.is_undefined()) {
            Some(book) => Editor::open(&value(&book), &sample),
            None => Editor::open(&sample, &sample),
        };
        Ok(BookEditor { editor, opened })
    }

    /// Opens a file's `text`, however wrong the book in it is.
    ///
    /// # Errors
    ///
    /// Text that is not JSON: an `Error` whose message says where reading stopped and why, in
    /// plain words (`line 12, column 5: the file is not valid JSON: a comma before } or ] has
    /// nothing after it: remove the comma`), for the page to show beside the text.
    /// Its `at`, when there is a place to point to, is where reading stopped, as an index into
    /// the text the page's text box can select. A file that is JSON but not a price book (another
    /// kind of file, a saved quote) is refused the same way, with no `at`.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str) -> Result<BookEditor, JsValue> {
        let book = Value::from_json(text).map_err(|error| {
            // serde_path_to_error's `?` is a place it could not name: left out.
            let message = match error.path.as_str() {
                crate::read::TOP_LEVEL => error.reason,
                path if path.contains('?') => error.reason,
                path => format!("{} (in {path})", error.reason),
            };
            let refused = js_sys::Error::new(&message);
            if let Some(at) = broke_at(text) {
                // Setting a property on a fresh object cannot fail.
                let _ = js_sys::Reflect::set(&refused, &"at".into(), &JsValue::from(at));
            }
            JsValue::from(refused)
        })?;
        if let Some(reason) = editor::not_a_price_book(&book) {
            return Err(js_sys::Error::new(&reason).into());
        }
        let sample = value(&js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)?);
        let (editor, opened) = Editor::open(&book, &sample);
        Ok(BookEditor { editor, opened })
    }

    /// The form's fields (`[{ key, label, hint, kind, optional, when }]`, nested) and the opened
    /// book's values for them: `{ schema, values }`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn form(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Form<'a> {
            schema: &'static [schema::Field],
            values: &'a Value,
        }
        to_js(&Form {
            schema: schema::BOOK,
            values: &self.opened,
        })
    }

    /// The page's call after every change: checks `form` (the page's `readForm`), renders a sample
    /// Good Faith Estimate priced from it into the region `document` when it has no problem, and
    /// returns `{ problems, save, warnings, unknown, changes, ready, file_name, book }` (each problem
    /// and warning with its `name`, `path`, words and `place` in the file).
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser.
    pub fn update(&self, form: JsValue, regions: JsValue) -> Result<JsValue, JsValue> {
        let form = value(&form);
        let check = self.editor.check(&form);
        let book = match check.problems.is_empty() {
            // With no problem there is no stray entry left to give back.
            true => Some(editor::form::to_book(&form, &[]).0),
            false => None,
        };
        let regions = Regions::new(regions);
        let priced = book
            .as_ref()
            .and_then(|book| PriceBook::from_value(book).ok())
            .and_then(|book| editor::sample_quote(&book).ok());
        match &priced {
            Some(quote) => regions.render("document", |element| {
                render::good_faith_estimate::document(element, quote)
            })?,
            None => regions.render("document", |element| {
                element.set_text_content(None);
                Ok(())
            })?,
        }
        to_js(&Updated {
            check: &check,
            book: book.filter(|_| priced.is_some()),
        })
    }

    /// The book to download: a plain object for `JSON.stringify`, or `null` until it has no problem
    /// and every warning is confirmed.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn book(&self, form: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.editor.book(&value(&form)))
    }

    /// Says whether the warning `message` at `path` is meant.
    pub fn confirm(&mut self, path: &str, message: &str, meant: bool) {
        self.editor.confirm(path, message, meant);
    }

    /// The prices of the book on the form as CSV text, for a spreadsheet.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self, form: JsValue) -> String {
        self.editor.export_csv(&value(&form))
    }

    /// What the CSV `text` would change: `{ changes: [{ line, item, code, description, price,
    /// old_dollars, new_dollars, path, ... }], rejected: [{ line, item, code, reason }] }`.
    /// Nothing changes until `applyCsv`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = previewCsv)]
    pub fn preview_csv(&mut self, form: JsValue, text: &str) -> Result<JsValue, JsValue> {
        to_js(&self.editor.import_csv(&value(&form), text))
    }

    /// The form with the previewed CSV's changes in it: `{ values, focus }`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = applyCsv)]
    pub fn apply_csv(&mut self, form: JsValue) -> Result<JsValue, JsValue> {
        let values = self.editor.apply_csv(&value(&form));
        to_js(&Changed {
            values,
            focus: None,
        })
    }

    /// Moves the entry `name` that is not a field into the field `to` it likely means; returns
    /// `{ values, focus }`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn rename(&mut self, form: JsValue, name: &str, to: &str) -> Result<JsValue, JsValue> {
        let values = self.editor.rename(&value(&form), name, to);
        let focus = Some(format!("{}{to}", parent(name)));
        to_js(&Changed { values, focus })
    }

    /// Removes the entry `name` that is not a field; returns `{ values, focus }`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = removeStray)]
    pub fn remove_stray(&mut self, form: JsValue, name: &str) -> Result<JsValue, JsValue> {
        let values = self.editor.remove_stray(&value(&form), name);
        to_js(&Changed {
            values,
            focus: None,
        })
    }

    /// Adds an empty item to the list `name`; returns `{ values, focus, item }`: its first control,
    /// and the new item's name (`conditions.5`), which the page holds as not yet filled in.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn add(&self, form: JsValue, name: &str) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct Added {
            values: Value,
            focus: Option<String>,
            item: Option<String>,
        }
        let (values, item, focus) = self.editor.add(&value(&form), name);
        to_js(&Added {
            values,
            focus,
            item,
        })
    }

    /// Removes the list item `name` (`conditions.2`); returns `{ values, focus }`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn remove(&self, form: JsValue, name: &str) -> Result<JsValue, JsValue> {
        let values = self.editor.remove(&value(&form), name);
        to_js(&Changed {
            values,
            focus: None,
        })
    }

    /// Moves the list item `name` one place up or down; returns `{ values, focus }` with its new
    /// name.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = moveItem)]
    pub fn move_item(&self, form: JsValue, name: &str, up: bool) -> Result<JsValue, JsValue> {
        let (values, moved) = self.editor.move_item(&value(&form), name, up);
        to_js(&Changed {
            values,
            focus: Some(moved),
        })
    }
}

/// `conditions.2.` of `conditions.2.x`, or nothing at the top.
fn parent(name: &str) -> &str {
    name.rfind('.').map_or("", |dot| &name[..=dot])
}

/// Where reading `text` as JSON stops, as an index in UTF-16 code units (what a JS string and a
/// text box count): serde_json's line and column, both from 1, the column in bytes.
fn broke_at(text: &str) -> Option<u32> {
    let error = serde_json::from_str::<serde::de::IgnoredAny>(text).err()?;
    let line_start: usize = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = line_start
        .saturating_add(error.column().saturating_sub(1))
        .min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    u32::try_from(text[..at].encode_utf16().count()).ok()
}
