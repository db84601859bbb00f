//! The price-book editor's handle (feature `staff`): `new BookEditor(book)` opens a parsed file, or
//! the sample, however wrong it is; then one call per action of the office manager, which does the
//! action, checks the book once, renders the sample Good Faith Estimate and the widget preview from
//! the book that check validated, and returns all the page shows. The page's form holds what is
//! typed and is passed in each time (`readForm`); the rules are in `crate::editor`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::estimator::Estimator;
use super::regions::Regions;
use super::{render, to_js, value, Update};
use crate::editor::{self, schema, Check, Editor, Removed};
use crate::estimate::{Choice, Choices};
use crate::language::Language;
use crate::payment;
use crate::price_book::DEFAULT_PRICE_BOOK_JSON;
use crate::read::Value;

/// One editing session: `new BookEditor(book)`.
#[wasm_bindgen]
pub struct BookEditor {
    editor: Editor,
    /// The form as opened, for the page to build its controls from.
    opened: Value,
    /// The widget preview's handle: the book of the last check that found no problem, as that check
    /// validated it (none while the book has a problem, or has nothing to quote).
    preview: Option<Estimator>,
    /// The items the Removes in a row took out, the last last, for Undo to put back one at a time
    /// in reverse order, until another change of the lists.
    removed: Vec<Removed>,
}

/// What every action returns: the check (`{ problems, save, warnings, unknown, changes, ready,
/// file_name }`), the form if the action changed it, the file once Download has one, and the
/// widget preview's part.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    check: &'a Check,
    #[serde(flatten)]
    edit: Option<Edit>,
    /// The book to save, as a plain object for `JSON.stringify`: Download's, once ready.
    file: Option<Value>,
    /// `null` while the book has a problem (the previews show nothing).
    preview: Option<Preview>,
}

/// The form an action changed, for the page to show: `values`, the control to put the cursor in
/// (`focus`), a new item's name (`item`, `conditions.5`), which the page holds as not yet filled
/// in, what was done, to say (`done`: "3 prices changed from the spreadsheet."), and after a
/// Remove or an Undo how many removed items Undo can still put back (`undo`; none after any other
/// change of the lists, which ends them all).
#[derive(Serialize)]
struct Edit {
    values: Value,
    focus: Option<String>,
    item: Option<String>,
    done: Option<String>,
    undo: Option<usize>,
}

impl Edit {
    fn of(values: Value) -> Edit {
        Edit {
            values,
            focus: None,
            item: None,
            done: None,
            undo: None,
        }
    }
}

/// The widget preview's part of an action's answer: the answers it offers now (as an `Estimator`'s
/// `choices()` and `financingChoices()`), and what rendering it from the answers the page passed
/// returned (its `update`'s `{ refused, fragment }`; `null` when the page passed no widget).
#[derive(Serialize)]
struct Preview {
    choices: Choices,
    financing: Vec<Choice>,
    #[serde(with = "serde_wasm_bindgen::preserve")]
    shown: JsValue,
}

/// The language of the editor's previews.
const PREVIEW_LANGUAGE: Language = Language::English;

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
        Ok(BookEditor::of(editor, opened))
    }

    /// Opens a file's `text`, however wrong the book in it is.
    ///
    /// # Errors
    ///
    /// Text that is not JSON: an `Error` whose message says where reading stopped and why, in
    /// plain words (`line 12, column 5: the file is not valid JSON: a comma before } or ] has
    /// nothing after it: remove the comma`), for the page to show beside the text.
    /// Its `at`, when there is a place to point to, is where reading stopped, as an index into
    /// the text the page's text box can select. A file that is not a price book (JSON of another
    /// kind, a saved quote, the prices as CSV, not text at all) is refused the same way, with no
    /// `at` and `fixable` false: there is nothing to correct in it.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str) -> Result<BookEditor, JsValue> {
        let refused = |reason: &str| -> JsValue {
            let refused = js_sys::Error::new(reason);
            // Not text to correct here: the page does not offer its text box.
            let _ = js_sys::Reflect::set(&refused, &"fixable".into(), &JsValue::FALSE);
            refused.into()
        };
        if let Some(reason) = editor::not_a_price_book_text(text) {
            return Err(refused(&reason));
        }
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
            return Err(refused(&reason));
        }
        let sample = value(&js_sys::JSON::parse(DEFAULT_PRICE_BOOK_JSON)?);
        let (editor, opened) = Editor::open(&book, &sample);
        Ok(BookEditor::of(editor, opened))
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

    /// The page's call after a change typed into the form. Every action takes `page`, the page as
    /// it is, first, and returns the same answer. `page` is `{ form, regions, preview }`:
    ///
    /// - `form`, the form as the page holds it (`readForm`);
    /// - `regions`, `{ document }`: where the sample Good Faith Estimate goes, rendered from the
    ///   book when it has no problem, emptied when it has one;
    /// - `preview`, the widget preview as the page shows it, `{ answers, regions }` (its form's
    ///   answers and its result regions, as an `Estimator`'s `update` takes them), rendered from
    ///   the same book; absent while the page shows none.
    ///
    /// The answer is `{ problems, save, warnings, unknown, changes, ready, file_name, preview }`
    /// (each problem and warning with its `name`, `path`, words and `place` in the file), with
    /// `values`, `focus` and `item` when the action changed the form. `preview` is `null` while the
    /// book has a problem, else `{ choices, financing, shown }`: the widget's answers as
    /// `choices()` and `financingChoices()` give them, and what its `update` returned (`null` when
    /// the page passed no widget).
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser; so for every action.
    pub fn update(&mut self, page: JsValue) -> Result<JsValue, JsValue> {
        self.show(&Page(page), None, false)
    }

    /// Download: as `update`, with `file`, the book to save (a plain object for `JSON.stringify`),
    /// once it has no problem and every warning is confirmed; `null` until then.
    pub fn download(&mut self, page: JsValue) -> Result<JsValue, JsValue> {
        self.show(&Page(page), None, true)
    }

    /// Says whether the warning `message` at `path` is meant; then as `update`.
    pub fn confirm(
        &mut self,
        page: JsValue,
        path: &str,
        message: &str,
        meant: bool,
    ) -> Result<JsValue, JsValue> {
        let page = Page(page);
        self.editor.confirm(&page.form(), path, message, meant);
        self.show(&page, None, false)
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

    /// Puts the previewed CSV's changes into the form; as `update`, with the form changed.
    #[wasm_bindgen(js_name = applyCsv)]
    pub fn apply_csv(&mut self, page: JsValue) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let (values, done) = self.editor.apply_csv(&page.form());
        let edit = Edit {
            done: Some(done),
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// Moves the entry `name` that is not a field into the field `to` it likely means; as
    /// `update`, with the form changed and the cursor in that field.
    pub fn rename(&mut self, page: JsValue, name: &str, to: &str) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let values = self.editor.rename(&page.form(), name, to);
        let focus = Some(format!("{}{to}", parent(name)));
        let edit = Edit {
            focus,
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// Removes the entry `name` that is not a field; as `update`, with the form changed.
    #[wasm_bindgen(js_name = removeStray)]
    pub fn remove_stray(&mut self, page: JsValue, name: &str) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let values = self.editor.remove_stray(&page.form(), name);
        self.show(&page, Some(Edit::of(values)), false)
    }

    /// Adds an empty item to the list `name`; as `update`, with the form changed, the cursor in the
    /// item's first control, and the item's name (`conditions.5`).
    pub fn add(&mut self, page: JsValue, name: &str) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let (values, item, focus) = self.editor.add(&page.form(), name);
        let edit = Edit {
            item,
            focus,
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// Removes the list item `name` (`conditions.2`), kept for `undo` after those removed before
    /// it, until the next other change of the lists; as `update`, with the form changed.
    pub fn remove(&mut self, page: JsValue, name: &str) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let (values, removed) = self.editor.remove(&page.form(), name);
        self.removed.extend(removed);
        let edit = Edit {
            undo: Some(self.removed.len()),
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// Puts back the item the last `remove` took out, at its place (so two Removes in a row are
    /// undone by two Undos, the second removed first back); as `update`, with the form changed and
    /// the cursor on the item. Nothing changes when there is none to put back.
    pub fn undo(&mut self, page: JsValue) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let Some(removed) = self.removed.pop() else {
            return self.show(&page, None, false);
        };
        let (values, focus) = self.editor.restore(&page.form(), removed);
        let edit = Edit {
            focus,
            undo: Some(self.removed.len()),
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// Moves the list item `name` one place up or down; as `update`, with the form changed and the
    /// cursor on the item at its new place.
    #[wasm_bindgen(js_name = moveItem)]
    pub fn move_item(&mut self, page: JsValue, name: &str, up: bool) -> Result<JsValue, JsValue> {
        let page = Page(page);
        let (values, moved) = self.editor.move_item(&page.form(), name, up);
        let edit = Edit {
            focus: Some(moved),
            ..Edit::of(values)
        };
        self.show(&page, Some(edit), false)
    }

    /// The widget preview's own call when one of its answers changes (the page mounts the widget
    /// with this as its handle's `update`): as an `Estimator`'s `update`, on the book the last
    /// check validated, which it does not validate again.
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser.
    pub fn preview(&self, answers: JsValue, regions: JsValue) -> Result<JsValue, JsValue> {
        match &self.preview {
            Some(estimator) => estimator.update(answers, regions),
            // No book to price: the page shows no widget then.
            None => to_js(&Update::default()),
        }
    }
}

/// The code for a page of the clinic's site with `book` (Download's `file`) inside the widget's
/// element, and the script line from `folder`, the widget folder's address ending in `/`
/// (`editor::publish::embed_code`): what "Copy the code for your website" copies.
#[wasm_bindgen(js_name = embedCode)]
pub fn embed_code(book: JsValue, folder: &str) -> String {
    editor::publish::embed_code(&value(&book), folder)
}

/// What the page passes with every action: `{ form, regions, preview }` (see `update`).
struct Page(JsValue);

impl Page {
    fn get(&self, key: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &key.into()).unwrap_or_default()
    }

    /// The form, as the page holds it.
    fn form(&self) -> Value {
        value(&self.get("form"))
    }
}

impl BookEditor {
    fn of(editor: Editor, opened: Value) -> BookEditor {
        BookEditor {
            editor,
            opened,
            preview: None,
            removed: Vec::new(),
        }
    }

    /// Every action's answer: checks the form (the page's, or as the action changed it, `edit`)
    /// once; keeps the book that check validated as the preview's, when it has a sample quote;
    /// renders the sample Good Faith Estimate into the page's `regions.document`, and its widget
    /// `preview`, when it passed one; and returns what the page shows, with `file` when `download`
    /// asks for it.
    fn show(
        &mut self,
        page: &Page,
        edit: Option<Edit>,
        download: bool,
    ) -> Result<JsValue, JsValue> {
        // A change of the form's lists other than Remove and Undo ends what Undo could put back:
        // the page's notice goes too.
        if edit.as_ref().is_some_and(|edit| edit.undo.is_none()) {
            self.removed.clear();
        }
        let sent;
        let form = match &edit {
            Some(edit) => &edit.values,
            None => {
                sent = page.form();
                &sent
            }
        };
        let mut check = self.editor.check(form);
        // A book with no condition or product has no sample to quote, and no preview.
        let quote = check
            .valid
            .take()
            .and_then(|book| editor::sample_quote(&book).ok().map(|quote| (book, quote)));
        let regions = Regions::new(page.get("regions"));
        match &quote {
            Some((_, quote)) => regions.render("document", |element| {
                render::good_faith_estimate::document(element, quote)
            })?,
            None => regions.render("document", |element| {
                element.set_text_content(None);
                Ok(())
            })?,
        }
        self.preview = quote.map(|(book, _)| Estimator::of(book, PREVIEW_LANGUAGE));
        let preview = match &self.preview {
            Some(estimator) => Some(preview_of(estimator, &page.get("preview"))?),
            None => None,
        };
        let file = check.file.take().filter(|_| download);
        to_js(&Shown {
            check: &check,
            edit,
            file,
            preview,
        })
    }
}

/// The widget preview's part, from its handle `estimator`: its choices, and the widget rendered
/// when `widget` (`{ answers, regions }`) is one.
fn preview_of(estimator: &Estimator, widget: &JsValue) -> Result<Preview, JsValue> {
    let book = estimator.book();
    let shown = match widget.is_object() {
        true => {
            let get = |key: &str| js_sys::Reflect::get(widget, &key.into()).unwrap_or_default();
            estimator.update(get("answers"), get("regions"))?
        }
        false => JsValue::NULL,
    };
    Ok(Preview {
        choices: Choices::new(book, PREVIEW_LANGUAGE),
        financing: payment::financing_choices(book, PREVIEW_LANGUAGE),
        shown,
    })
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
