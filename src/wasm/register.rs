//! The staff page's register of estimates given (issue 21): the calls `www/register.js` and
//! `www/staff.js` make. The page stores records in IndexedDB and lists what comes back; every
//! rule is `crate::quote::register`'s. Records cross as plain objects, one document each (so a
//! register of thousands of entries is read entry by entry, each within the reader's limits).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::quoter::{today, Quoter};
use super::{js_error, to_js, value};
use crate::error::Error;
use crate::quote::register::{self, RegisterRecord, RegisterView, SortBy, MAX_BACKUP_ENTRIES};
use crate::quote::Bill;
use crate::read::Value;

/// The register's records as the page last loaded them, each with its entry or why it was refused:
/// kept so a search does not reopen every saved file again, and a change works out only its own.
pub(crate) type Kept = register::Held;

/// `registerLoad`'s answer.
#[derive(Serialize)]
struct Loaded {
    /// How many records were read.
    count: usize,
    /// Each record that could not be read or is not what it says, in words with its number.
    problems: Vec<String>,
}

/// `registerView`'s answer: the view, and what to say about backing up.
#[derive(Serialize)]
struct Shown {
    view: RegisterView,
    backup_reminder: Option<String>,
}

/// `registerBackup`'s answer.
#[derive(Serialize)]
struct Backup<'a> {
    /// The file's name: the day, no patient's.
    name: String,
    file: register::RegisterBackup<'a>,
    /// The day it was made, for the page to keep as the last backup's.
    exported_on: &'a str,
}

/// The records in the JS array `records`, each read as its own document; a JS `Error` naming the
/// first that is not a record.
fn records_of(records: &JsValue) -> Result<Vec<RegisterRecord>, JsValue> {
    let array = js_sys::Array::from(records);
    array
        .iter()
        .map(|record| read_record(&value(&record)).map_err(js_error))
        .collect()
}

/// The records of the JS array `records` that read, and why each other one did not, by its place.
fn records_read(records: &JsValue) -> (Vec<RegisterRecord>, Vec<String>) {
    let mut problems = Vec::new();
    let mut read = Vec::new();
    for (index, record) in js_sys::Array::from(records).iter().enumerate() {
        match read_record(&value(&record)) {
            Ok(record) => read.push(record),
            Err(error) => problems.push(format!("Record {}: {error}", index + 1)),
        }
    }
    (read, problems)
}

fn read_record(value: &Value) -> Result<RegisterRecord, Error> {
    crate::read::document::<RegisterRecord>(value, None, Error::InvalidRequest)
}

#[wasm_bindgen]
impl Quoter {
    /// The register's record for the quote on screen, recorded today: `{ quote_number,
    /// recorded_on, saved, given: [] }`, or `null` while the form is refused. The page adds it to
    /// the register only when the register holds no record of that number.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = registerRecord)]
    pub fn register_record(&self) -> Result<JsValue, JsValue> {
        let today = today();
        to_js(
            &self
                .current
                .as_ref()
                .map(|quote| register::record(&quote.saved, &today)),
        )
    }

    /// Reads the register's records (an array, as IndexedDB gives them) and works out each entry,
    /// reopening its saved file only when the record is new or changed since the last load.
    /// Returns `{ count, problems }`: a record refused (an edited file) is listed in `problems`
    /// with its number, and kept, never deleted.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = registerLoad)]
    pub fn register_load(&mut self, records: JsValue) -> Result<JsValue, JsValue> {
        let (records, mut problems) = records_read(&records);
        problems.extend(self.register.load(records, &self.book, self.language));
        to_js(&Loaded {
            count: self.register.len(),
            problems,
        })
    }

    /// Works the records `records` (an array: those a change in this tab or another just wrote)
    /// into the register as loaded, reopening only their saved files and reading no other record
    /// again. Returns `{ count, problems }` as `registerLoad`, `problems` for these records only.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = registerUpdate)]
    pub fn register_update(&mut self, records: JsValue) -> Result<JsValue, JsValue> {
        let (records, mut problems) = records_read(&records);
        problems.extend(self.register.update(records, &self.book, self.language));
        to_js(&Loaded {
            count: self.register.len(),
            problems,
        })
    }

    /// What the register shows for the search `query`, sorted by `sort` (`issued`, `service` or
    /// `due`), today: `{ view: { entries, count, summary, more, listed, due, expiring },
    /// backup_reminder }`, where `last_backup` is the day of the last backup made in this browser
    /// (`YYYY-MM-DD`), if any, and `entries` are the first `limit` that match (the page asks for
    /// [`register::LISTED_AT_A_TIME`] more at a time).
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = registerView)]
    pub fn register_view(
        &self,
        query: &str,
        sort: &str,
        last_backup: Option<String>,
        limit: u32,
    ) -> Result<JsValue, JsValue> {
        let entries = self.register.entries();
        let today = today();
        to_js(&Shown {
            view: register::view_in(
                &entries,
                query,
                SortBy::from_text(sort),
                &today,
                self.language,
                limit as usize,
            ),
            backup_reminder: register::backup_reminder_in(
                last_backup.as_deref(),
                &today,
                self.register.len(),
                register::reminder_days(&self.book),
                self.language,
            ),
        })
    }

    /// What to say of the quote `number` when it is on screen (opened or to print), if a revision
    /// in the register replaces it: `{ replaced_by, page, printed }`, `page` in the page's language
    /// and `printed` in the document's, or `null`.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = registerReplaced)]
    pub fn register_replaced(&self, number: &str) -> Result<JsValue, JsValue> {
        let entries = self.register.entries();
        // Its line prints on the document on screen, in that document's language.
        let document_language = self
            .current
            .as_ref()
            .filter(|quote| quote.quote_number == number)
            .map_or(self.language, |quote| quote.good_faith_estimate.language);
        to_js(&register::replaced_copy(
            &entries,
            number,
            self.language,
            document_language,
        ))
    }

    /// `record` with how (`paper`, `email`, `portal`) and when (`YYYY-MM-DD`, blank for today) it
    /// was given.
    ///
    /// # Errors
    ///
    /// A JS `Error` whose `fields` are `how` and `on`, in words.
    #[wasm_bindgen(js_name = registerGiven)]
    pub fn register_given(&self, record: JsValue, how: &str, on: &str) -> Result<JsValue, JsValue> {
        let record = read_record(&value(&record)).map_err(js_error)?;
        to_js(&register::given(record, how, on, &today()).map_err(js_error)?)
    }

    /// `record` with `bill` (the bill section's fields) recorded as checked today, after checking
    /// it against the record's saved file (`quote::check_saved_bill_on_in`).
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every refused field, or why the file is refused, in the page's words.
    #[wasm_bindgen(js_name = registerBill)]
    pub fn register_bill(&self, record: JsValue, bill: JsValue) -> Result<JsValue, JsValue> {
        let record = read_record(&value(&record)).map_err(js_error)?;
        let bill = Bill::from_value(&value(&bill)).map_err(js_error)?;
        let (record, _) = register::with_bill_in(record, &self.book, bill, &today(), self.language)
            .map_err(js_error)?;
        to_js(&record)
    }

    /// The backup of `records` (the whole register, as IndexedDB gives it): `{ name, file,
    /// exported_on }`, `file` to write as JSON under `name`.
    ///
    /// # Errors
    ///
    /// A JS `Error` if a record is not one, or, in words, if there are none (nothing is to be
    /// downloaded).
    #[wasm_bindgen(js_name = registerBackup)]
    pub fn register_backup(&self, records: JsValue) -> Result<JsValue, JsValue> {
        let records = records_of(&records)?;
        let today = today();
        to_js(&Backup {
            name: format!("estimate-register-{today}.json"),
            file: register::backup_in(&records, &today, self.language).map_err(js_error)?,
            exported_on: &today,
        })
    }

    /// Reads the backup `file` (parsed) and merges it with `existing` (the register's records, read
    /// in the transaction that writes the answer): `{ write, says }`, the records to write. Every
    /// entry is checked first: one refused entry refuses the file, and nothing is written.
    ///
    /// # Errors
    ///
    /// A JS `Error` whose `fields` name each refused entry (`entries.3`) with its number.
    #[wasm_bindgen(js_name = registerImport)]
    pub fn register_import(&self, file: JsValue, existing: JsValue) -> Result<JsValue, JsValue> {
        let existing = records_of(&existing)?;
        let format = js_sys::Reflect::get(&file, &JsValue::from_str("format")).unwrap_or_default();
        let entries =
            js_sys::Reflect::get(&file, &JsValue::from_str("entries")).unwrap_or_default();
        // Each entry is its own document, read within the reader's limits; a list longer than a
        // backup may be is cut one past the limit, which the import refuses by its length.
        let entries = match js_sys::Array::is_array(&entries) {
            true => Value::Array(
                js_sys::Array::from(&entries)
                    .iter()
                    .take(MAX_BACKUP_ENTRIES + 1)
                    .map(|entry| value(&entry))
                    .collect(),
            ),
            false => value(&entries),
        };
        let file = Value::Object(vec![
            ("format".to_owned(), value(&format)),
            ("entries".to_owned(), entries),
        ]);
        to_js(&register::import_in(&file, &existing, &self.book, self.language).map_err(js_error)?)
    }
}
