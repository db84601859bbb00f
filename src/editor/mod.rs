//! The price-book editor's rules, for an office manager who has never seen JSON: a book opened
//! (or the sample) becomes a form in dollars and percents ([`form`], by the table in [`schema`]);
//! each change of the form is checked by building the book and reading it as the widget does
//! ([`PriceBook::from_value`]), every problem at once and each at its field; the form is compared
//! with the book that was opened ([`changes`]); and a book is ready to download only when it has
//! no problem and every likely unit mistake has been confirmed.
//!
//! The editor holds no copy of what is typed: the page's form does, and every call passes it. What
//! the editor keeps is the book as opened (to list the changes), the entries of it that are not
//! fields (until renamed or removed), and which warnings were confirmed.

pub mod changes;
pub mod form;
pub mod publish;

pub use crate::price_book::schema;

use serde::Serialize;

use self::changes::Change;
use self::form::{FormProblem, Unknown};
use crate::error::Error;
use crate::price_book::{fee_schedule, Confirmation, PriceBook, PriceBookDocument};
use crate::read::Value;

/// One editing session of one price book.
#[derive(Clone, Debug)]
pub struct Editor {
    /// The form of the book as opened.
    opened: Value,
    /// Its version, which a changed book must not keep.
    opened_version: String,
    /// The opened book's entries that are not fields, still on the form.
    unknown: Vec<Unknown>,
    /// The price changes of the CSV file last brought in, until applied or another is.
    pending: Vec<fee_schedule::PriceChange>,
    /// The sample book, to point out what a book made from the sample still has of it.
    sample: Option<PriceBookDocument>,
    /// The warnings confirmed as meant, each with the value at its field then: the book's own
    /// (`confirmed`, kept from one edit to the next) and those confirmed since. A warning whose
    /// value or message changes (the price changed) asks again.
    confirmed: Vec<Confirmation>,
}

/// A list item taken out by [`Editor::remove`], with its place, to put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    /// The list's name (`conditions`).
    pub list: String,
    /// Where the item was.
    pub index: usize,
    /// The item's form.
    pub item: Value,
}

/// A problem that stops the download, at its field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The control it belongs to (`clinic.npi`), or `None` when no control on the form holds it
    /// (an empty list's problem).
    pub name: Option<String>,
    /// Its JSON path in the book (`clinic.npi`, `conditions[2].label`), for a web admin.
    pub path: String,
    /// What is wrong, in words: a sentence.
    pub reason: String,
}

/// A likely unit mistake: the book is valid, but the amount is unusual.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The control it belongs to.
    pub name: Option<String>,
    /// Its JSON path in the book.
    pub path: String,
    /// What looks wrong, in words: a sentence.
    pub message: String,
    /// The part of the form it is about when that is a whole list item or group
    /// (`therapy_partners.0`, "still one of the sample's partner practices"), whose first control
    /// `name` is: the page names it by the item, not by that control.
    pub of: Option<String>,
    /// Whether the person said it is meant.
    pub confirmed: bool,
}

/// An entry of the opened book that is not a field, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stray {
    /// Its control's name.
    pub name: String,
    /// Its key.
    pub key: String,
    /// The field it likely means.
    pub suggestion: Option<&'static str>,
}

/// What the page shows after each change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Every problem of the book, in the order of the form.
    pub problems: Vec<Problem>,
    /// What the Save step still needs before a download: a new version for a changed book. Not a
    /// problem of the book (the preview shows it), so shown at the version field only.
    pub save: Vec<Problem>,
    /// Every likely unit mistake, once the book has no problem.
    pub warnings: Vec<Warning>,
    /// The opened book's entries that are not fields.
    pub unknown: Vec<Stray>,
    /// What changed against the book that was opened.
    pub changes: Vec<Change>,
    /// Whether the book can be downloaded: no problem, nothing the Save step needs, every warning
    /// confirmed.
    pub ready: bool,
    /// The name the downloaded file gets, whatever its version: [`publish::FILE_NAME`].
    pub file_name: &'static str,
    /// The book the form says, read and validated, once it has no problem: what the previews price
    /// (the one validation of a change). Not sent to the page.
    #[serde(skip)]
    pub valid: Option<PriceBook>,
    /// The book to download, as the file holds it: `Some` once [`Check::ready`].
    #[serde(skip)]
    pub file: Option<Value>,
}

impl Editor {
    /// Opens `book` (a parsed file, or the sample), however wrong it is; `sample` is the sample
    /// book ([`crate::price_book::DEFAULT_PRICE_BOOK_JSON`], parsed), whose clinic a book made
    /// from it should not keep. Returns the editor and the form to show.
    pub fn open(book: &Value, sample: &Value) -> (Editor, Value) {
        let (opened, unknown) = form::to_form(book);
        let opened_version = text_at(&opened, "version");
        let editor = Editor {
            opened: opened.clone(),
            opened_version,
            sample: PriceBook::from_value(sample)
                .ok()
                .map(|sample| sample.document().clone()),
            unknown,
            pending: Vec::new(),
            confirmed: confirmations_in(book),
        };
        (editor, opened)
    }

    /// Checks the form as the page holds it now.
    pub fn check(&self, form: &Value) -> Check {
        let (book, form_problems) = form::to_book(form, &self.unknown);
        let mut problems: Vec<Problem> = form_problems
            .into_iter()
            .map(|FormProblem { name, reason }| {
                Problem::new(Some(name.clone()), json_path(&name), reason)
            })
            .collect();
        let refused: Vec<String> = problems
            .iter()
            .map(|problem| problem.path.clone())
            .collect();
        let checked = PriceBook::from_value(&book);
        if let Err(Error::InvalidPriceBook(fields)) = &checked {
            for field in fields {
                // A text the form already refused is missing from the book: the book's check would
                // only say so again.
                if refused.iter().any(|path| within(&field.path, path)) {
                    continue;
                }
                let name = control_name(form, &form_name(&field.path));
                // No control to hold it (an empty list): the summary names the part it is about.
                let reason = match (&name, field_at(&form_name(&field.path))) {
                    (None, Some(part)) if !part.label.is_empty() => {
                        format!("{}: {}", part.label, field.reason)
                    }
                    _ => field.reason.clone(),
                };
                problems.push(Problem::new(name, field.path.clone(), reason));
            }
        }
        let changes = changes::changes(&self.opened, form);
        let version = text_at(form, "version");
        let mut save = Vec::new();
        if !changes.is_empty()
            && version.trim() == self.opened_version.trim()
            && problems.iter().all(|p| p.path != "version")
        {
            save.push(Problem::new(
                Some("version".to_owned()),
                "version".to_owned(),
                format!(
                    "give the changed prices a new version: the book you opened is also \"{}\"",
                    crate::error::excerpt(self.opened_version.trim())
                ),
            ));
        }
        let mut kept = Vec::new();
        let warnings = match (&checked, problems.is_empty()) {
            (Ok(valid), true) => book_warnings(valid, self.sample.as_ref())
                .into_iter()
                .map(|(path, message)| {
                    let message = sentence(&message);
                    let at = form_name(&path);
                    let name = control_name(form, &at);
                    let confirmation = confirmation(&book, &path, &message);
                    let confirmed = self.confirmed.contains(&confirmation);
                    if confirmed {
                        kept.push(confirmation);
                    }
                    Warning {
                        of: name.as_ref().filter(|name| **name != at).map(|_| at),
                        name,
                        confirmed,
                        message,
                        path,
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        let ready = problems.is_empty()
            && save.is_empty()
            && warnings.iter().all(|warning| warning.confirmed);
        let valid = checked.ok().filter(|_| problems.is_empty());
        let book = with_confirmations(book, kept);
        Check {
            problems,
            save,
            warnings,
            unknown: self
                .unknown
                .iter()
                .map(|entry| Stray {
                    name: entry.name.clone(),
                    key: entry.key.clone(),
                    suggestion: entry.suggestion,
                })
                .collect(),
            changes,
            file: ready.then_some(book),
            ready,
            file_name: publish::FILE_NAME,
            valid,
        }
    }

    /// The book the form says, ready to save: `None` until [`Check::ready`] ([`Check::file`]).
    pub fn book(&self, form: &Value) -> Option<Value> {
        self.check(form).file
    }

    /// Says whether the warning `message` (as [`Check::warnings`] words it) at `path` is meant,
    /// of the value the form has there now.
    pub fn confirm(&mut self, form: &Value, path: &str, message: &str, meant: bool) {
        self.confirmed
            .retain(|confirmed| confirmed.field != path || confirmed.warning != message);
        if meant {
            let book = form::to_book(form, &self.unknown).0;
            self.confirmed.push(confirmation(&book, path, message));
        }
    }

    /// The prices of the book the form says, as CSV (`fee_schedule::export_csv`).
    pub fn export_csv(&self, form: &Value) -> String {
        fee_schedule::export_csv(&form::to_book(form, &self.unknown).0)
    }

    /// What the CSV `text` would change in the book the form says, and the rows it cannot use;
    /// nothing changes until [`Editor::apply_csv`].
    pub fn import_csv(&mut self, form: &Value, text: &str) -> fee_schedule::FeeScheduleImport {
        let import = fee_schedule::import_csv(&form::to_book(form, &self.unknown).0, text);
        self.pending = import.changes.clone();
        import
    }

    /// The form with the last CSV file's price changes typed in, in dollars, and what was done
    /// in words: "3 prices changed from the spreadsheet."
    pub fn apply_csv(&mut self, form: &Value) -> (Value, String) {
        let mut form = form.clone();
        let changes = std::mem::take(&mut self.pending);
        for change in &changes {
            let dollars = change.new.to_string().replacen('$', "", 1);
            set_at(&mut form, &form_name(&change.path), Value::String(dollars));
        }
        let done = format!(
            "{} from the spreadsheet.",
            crate::language::counted(
                u32::try_from(changes.len()).unwrap_or(u32::MAX),
                ["price changed", "prices changed"]
            )
        );
        (form, done)
    }

    /// Moves the stray entry `name` into the field `to` beside it (its likely meaning), and
    /// returns the form with it there. The field's own value, if it had one, is replaced.
    pub fn rename(&mut self, form: &Value, name: &str, to: &str) -> Value {
        let Some(index) = self.unknown.iter().position(|entry| entry.name == name) else {
            return form.clone();
        };
        let entry = self.unknown.remove(index);
        let parent = parent_of(name);
        let target = match parent {
            "" => to.to_owned(),
            parent => format!("{parent}.{to}"),
        };
        let mut form = form.clone();
        let Some(field) = field_at(&target) else {
            self.unknown.insert(index, entry);
            return form;
        };
        let (value, more) = form::field_to_form(field, Some(&entry.raw), &target);
        self.unknown.extend(more);
        remove_at(&mut form, name);
        set_at(&mut form, &target, value);
        form
    }

    /// Removes the stray entry `name` from the form, and returns the form without it.
    pub fn remove_stray(&mut self, form: &Value, name: &str) -> Value {
        self.unknown.retain(|entry| entry.name != name);
        let mut form = form.clone();
        remove_at(&mut form, name);
        form
    }

    /// Adds a new, empty item at the end of the list `name` (`conditions`). Returns the form, the
    /// new item's name (`conditions.5`), and the name of its first control, for the page to put
    /// the cursor in; no item's name when the list is not one.
    pub fn add(&self, form: &Value, name: &str) -> (Value, Option<String>, Option<String>) {
        let mut form = form.clone();
        let Some(field) = field_at(name) else {
            return (form, None, None);
        };
        // A list with no item has no control on the page, so the form the page reads leaves it out.
        if get_at_mut(&mut form, name).is_none() {
            set_at(&mut form, name, Value::Array(Vec::new()));
        }
        let Some(Value::Array(items)) = get_at_mut(&mut form, name) else {
            return (form, None, None);
        };
        let item_name = format!("{name}.{}", items.len());
        let item = match &field.kind {
            schema::Kind::List { fields, .. } => {
                form::field_to_form(&group_field(fields), None, &item_name).0
            }
            _ => form::field_to_form(&words_field(), None, &item_name).0,
        };
        items.push(item);
        let first = control_name(&form, &item_name);
        (form, Some(item_name), first)
    }

    /// Removes the item `name` (`conditions.2`) from its list. Returns the form, and the item with
    /// its place, for [`Editor::restore`] (none when `name` is no item of the form).
    pub fn remove(&self, form: &Value, name: &str) -> (Value, Option<Removed>) {
        let mut form = form.clone();
        let (list, index) = split_item(name);
        let mut removed = None;
        if let (Some(Value::Array(items)), Some(index)) = (get_at_mut(&mut form, list), index) {
            if index < items.len() {
                removed = Some(Removed {
                    list: list.to_owned(),
                    index,
                    item: items.remove(index),
                });
            }
        }
        (form, removed)
    }

    /// Puts a removed item back in its list (Undo), at the place it had, or at the end when the
    /// list is now shorter. Returns the form and the item's name there, which is where the cursor
    /// goes; the form as it is when its list is gone.
    pub fn restore(&self, form: &Value, removed: Removed) -> (Value, Option<String>) {
        let mut form = form.clone();
        let list = match get_at_mut(&mut form, &removed.list) {
            Some(Value::Array(items)) => Some(items),
            // The page's form has no control left for an emptied list: it reads back without it.
            None => {
                set_at(&mut form, &removed.list, Value::Array(Vec::new()));
                match get_at_mut(&mut form, &removed.list) {
                    Some(Value::Array(items)) => Some(items),
                    _ => None,
                }
            }
            Some(_) => None,
        };
        let Some(items) = list else {
            return (form, None);
        };
        let index = removed.index.min(items.len());
        items.insert(index, removed.item);
        (form, Some(format!("{}.{index}", removed.list)))
    }

    /// Moves the item `name` one place up (`up`) or down in its list. Returns the form and the
    /// item's new name.
    pub fn move_item(&self, form: &Value, name: &str, up: bool) -> (Value, String) {
        let mut form = form.clone();
        let (list, index) = split_item(name);
        let mut moved = name.to_owned();
        if let (Some(Value::Array(items)), Some(index)) = (get_at_mut(&mut form, list), index) {
            let to = if up {
                index.checked_sub(1)
            } else {
                index.checked_add(1)
            };
            if let Some(to) = to.filter(|&to| to < items.len() && index < items.len()) {
                items.swap(index, to);
                moved = format!("{list}.{to}");
            }
        }
        (form, moved)
    }
}

/// Why `book` (a parsed file) is not a price book to open at all, if it is not: not a group of
/// fields, or one with hardly any of a price book's parts (another kind of file, or a saved quote),
/// whose every missing part would be a problem of its own. A file with most parts opens, however
/// wrong they are.
pub fn not_a_price_book(book: &Value) -> Option<String> {
    let Value::Object(entries) = book else {
        return Some("it is not a price book: a price book is a group of fields in { }, and this file holds something else".to_owned());
    };
    let parts = entries
        .iter()
        .filter(|(key, _)| schema::find(schema::BOOK, key).is_some())
        .count();
    let quote = entries.iter().any(|(key, value)| {
        key == "format"
            && matches!(value, Value::String(format) if format.starts_with("amnion-estimator/quote"))
    });
    match (quote, parts) {
        (true, _) => Some("it is a saved quote, not a price book: open it on the staff page".to_owned()),
        (false, 0 | 1) => Some("it is not a price book: it has none of a price book's parts (the clinic, the conditions, the products and their prices)".to_owned()),
        _ => None,
    }
}

/// Why a file's `text` is not a price book, said before it is read as JSON, when it plainly is
/// something else: the prices as a spreadsheet (its first line is the fee schedule's header),
/// another spreadsheet (a first line of cells, not a `{`), or not text at all (a NUL, or bytes
/// that were not UTF-8, which the page reads as U+FFFD).
pub fn not_a_price_book_text(text: &str) -> Option<String> {
    if text.contains(['\0', '\u{fffd}']) {
        return Some(
            "it is not a price book: it is not a text file (a price book is text, saved by this \
             editor's Download)"
                .to_owned(),
        );
    }
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .find(|line| !line.trim().is_empty())?;
    let header = first.split(',').all(|cell| {
        let words = cell
            .trim()
            .trim_matches('"')
            .to_lowercase()
            .replace('_', " ");
        fee_schedule::HEADER.contains(&words.as_str())
    });
    if header {
        return Some(
            "it is the prices as a spreadsheet (CSV), not a price book: open the price book first, \
             then bring the spreadsheet in under \"Prices as a spreadsheet\""
                .to_owned(),
        );
    }
    // Cells in a row, not a group of fields in { }: another spreadsheet, not a damaged book.
    let cells =
        !first.trim_start().starts_with(['{', '[', '"']) && first.contains([',', ';', '\t']);
    cells.then(|| {
        "it is not a price book: it looks like a spreadsheet (rows of cells), and a price book is \
         the file this editor downloads; to bring prices from a spreadsheet, open the price book \
         first, then use \"Prices as a spreadsheet\" with the file it downloads there"
            .to_owned()
    })
}

impl Problem {
    fn new(name: Option<String>, path: String, reason: String) -> Problem {
        Problem {
            name,
            reason: sentence(&reason),
            path,
        }
    }
}

/// `text` as a sentence on its own, under its field: its first letter a capital.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The book's likely unit mistakes (`price_book::warnings`), then what is still the sample's
/// (`price_book::sample_leftovers`): `(path, message)`, as they read after the field's label.
fn book_warnings(book: &PriceBook, sample: Option<&PriceBookDocument>) -> Vec<(String, String)> {
    let leftovers =
        sample.map(|sample| crate::price_book::sample_leftovers(book.document(), sample));
    crate::price_book::warnings(book.document())
        .into_iter()
        .chain(leftovers.into_iter().flatten())
        .map(|warning| (warning.path, warning.message))
        .collect()
}

/// The book's confirmations (`confirmed`) as the file has them, however wrong the rest of it is:
/// each entry whose three texts are there; anything else in it is passed over (asked again).
fn confirmations_in(book: &Value) -> Vec<Confirmation> {
    let Some(Value::Array(entries)) = child_of(book, "confirmed") else {
        return Vec::new();
    };
    let text = |entry: &Value, key: &str| match child_of(entry, key) {
        Some(Value::String(text)) => Some(text.clone()),
        _ => None,
    };
    entries
        .iter()
        .filter_map(|entry| {
            Some(Confirmation {
                field: text(entry, "field")?,
                value: text(entry, "value")?,
                warning: text(entry, "warning")?,
            })
        })
        .collect()
}

/// The warning `message` at `path` of `book`, with the value there now (as JSON).
fn confirmation(book: &Value, path: &str, message: &str) -> Confirmation {
    let mut node = Some(book);
    for segment in form_name(path).split('.').filter(|s| !s.is_empty()) {
        node = node.and_then(|node| child_of(node, segment));
    }
    Confirmation {
        field: path.to_owned(),
        value: node.map_or_else(String::new, form::json_text),
        warning: message.to_owned(),
    }
}

/// `book` with the confirmations of its warnings (`confirmed`, the last field of the book), when
/// it has any; one too long to be a book's text ([`crate::read::MAX_TEXT_CHARS`]) is left out, as
/// are those past the field's limit (`[at most 200]`): each such warning is asked again, and the
/// book is never refused for them.
fn with_confirmations(mut book: Value, kept: Vec<Confirmation>) -> Value {
    let fits = |text: &str| !text.is_empty() && text.chars().count() <= crate::read::MAX_TEXT_CHARS;
    let entries: Vec<Value> = kept
        .into_iter()
        .filter(|kept| fits(&kept.field) && fits(&kept.value) && fits(&kept.warning))
        .take(match field_at("confirmed").map(|field| &field.kind) {
            Some(schema::Kind::Kept { max }) => *max,
            _ => 0,
        })
        .map(|kept| {
            Value::Object(vec![
                ("field".to_owned(), Value::String(kept.field)),
                ("value".to_owned(), Value::String(kept.value)),
                ("warning".to_owned(), Value::String(kept.warning)),
            ])
        })
        .collect();
    if let (Value::Object(top), false) = (&mut book, entries.is_empty()) {
        top.retain(|(key, _)| key != "confirmed");
        top.push(("confirmed".to_owned(), Value::Array(entries)));
    }
    book
}

/// A group field over `fields`, for making a list's new item.
fn group_field(fields: &'static [schema::Field]) -> schema::Field {
    schema::Field::plain("", schema::Kind::Group { fields })
}

fn words_field() -> schema::Field {
    schema::Field::plain("", schema::Kind::Words { long: true })
}

/// Whether `path` is `within` or below it (`clinic.npi` within `clinic`).
fn within(path: &str, within: &str) -> bool {
    path.strip_prefix(within)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// A control's name as the book's JSON path: `conditions.0.label.en` as `conditions[0].label.en`.
pub fn json_path(name: &str) -> String {
    let mut path = String::new();
    for segment in name.split('.') {
        if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(segment);
            path.push(']');
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(segment);
        }
    }
    path
}

/// A JSON path as the form's names write it: `conditions[0].label` as `conditions.0.label`.
pub fn form_name(path: &str) -> String {
    path.replace('[', ".").replace(']', "")
}

/// The control that shows a problem at `name`: the control itself, or the first control inside the
/// group or list item it names. `None` if the form has none there.
fn control_name(form: &Value, name: &str) -> Option<String> {
    let mut node = form;
    let mut at = String::new();
    for segment in name.split('.').filter(|s| !s.is_empty()) {
        node = child_of(node, segment)?;
        if !at.is_empty() {
            at.push('.');
        }
        at.push_str(segment);
    }
    loop {
        match node {
            Value::Object(entries) => {
                let (key, value) = entries.first()?;
                at = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                node = value;
            }
            Value::Array(items) => {
                node = items.first()?;
                at.push_str(".0");
            }
            _ => return Some(at),
        }
    }
}

fn child_of<'a>(node: &'a Value, segment: &str) -> Option<&'a Value> {
    match node {
        Value::Object(entries) => entries.iter().find(|(k, _)| k == segment).map(|(_, v)| v),
        Value::Array(items) => items.get(segment.parse::<usize>().ok()?),
        _ => None,
    }
}

fn get_at_mut<'a>(form: &'a mut Value, name: &str) -> Option<&'a mut Value> {
    let mut node = form;
    for segment in name.split('.').filter(|s| !s.is_empty()) {
        node = match node {
            Value::Object(entries) => entries
                .iter_mut()
                .find(|(k, _)| k == segment)
                .map(|(_, v)| v)?,
            Value::Array(items) => items.get_mut(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

fn set_at(form: &mut Value, name: &str, value: Value) {
    let (parent, key) = match name.rfind('.') {
        Some(dot) => (&name[..dot], &name[dot + 1..]),
        None => ("", name),
    };
    if let Some(Value::Object(entries)) = get_at_mut(form, parent) {
        match entries.iter_mut().find(|(k, _)| k == key) {
            Some((_, slot)) => *slot = value,
            None => entries.push((key.to_owned(), value)),
        }
    }
}

fn remove_at(form: &mut Value, name: &str) {
    let (parent, key) = match name.rfind('.') {
        Some(dot) => (&name[..dot], &name[dot + 1..]),
        None => ("", name),
    };
    if let Some(Value::Object(entries)) = get_at_mut(form, parent) {
        entries.retain(|(k, _)| k != key);
    }
}

fn parent_of(name: &str) -> &str {
    name.rfind('.').map_or("", |dot| &name[..dot])
}

/// `conditions.2` as `("conditions", Some(2))`.
fn split_item(name: &str) -> (&str, Option<usize>) {
    match name.rfind('.') {
        Some(dot) => (&name[..dot], name[dot + 1..].parse().ok()),
        None => (name, None),
    }
}

/// The schema's field at the form name `name` (list indices skipped).
fn field_at(name: &str) -> Option<&'static schema::Field> {
    let mut fields: &'static [schema::Field] = schema::BOOK;
    let mut found = None;
    for segment in name
        .split('.')
        .filter(|s| !s.bytes().all(|b| b.is_ascii_digit()))
    {
        let field = schema::find(fields, segment)?;
        fields = match &field.kind {
            schema::Kind::Group { fields } | schema::Kind::List { fields, .. } => fields,
            _ => &[],
        };
        found = Some(field);
    }
    found
}

/// The text at the top-level key `key` of a form.
fn text_at(form: &Value, key: &str) -> String {
    match child_of(form, key) {
        Some(Value::String(text)) => text.clone(),
        _ => String::new(),
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null | Value::Other(_) => serializer.serialize_unit(),
            Value::Bool(flag) => serializer.serialize_bool(*flag),
            Value::Integer(number) => serializer.serialize_i64(*number),
            // A fraction is never computed with; it goes back out as the text it came as.
            Value::Float(text) | Value::String(text) => serializer.serialize_str(text),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, item) in entries {
                    map.serialize_entry(key, item)?;
                }
                map.end()
            }
        }
    }
}

/// The Good Faith Estimate the editor previews for `book`: a sample self-pay patient's one
/// injection of the first product for the first condition, on the left side, issued on the day the
/// prices take effect, with the prompt-pay discount as the book's `expected_charges` says, so that
/// every amount on it comes from the book being edited.
///
/// # Errors
///
/// As [`crate::quote::quote`]: a book with no condition or product has no sample to quote.
pub fn sample_quote(book: &PriceBook) -> Result<crate::quote::Quote, Error> {
    let document = book.document();
    let first = |id: Option<&String>| Value::String(id.cloned().unwrap_or_default());
    let text = |text: &str| Value::String(text.to_owned());
    // A new quote must say whether the prompt-pay discount is in the charges: the book's setting.
    let prompt_pay = document.discounts.prompt_pay.as_ref().map(|discount| {
        let choice = match discount.expected_charges {
            crate::price_book::ExpectedCharges::Included => "included",
            crate::price_book::ExpectedCharges::Excluded => "excluded",
        };
        ("prompt_pay".to_owned(), text(choice))
    });
    let request = Value::Object(
        vec![
            (
                "patient".to_owned(),
                Value::Object(vec![
                    ("name".to_owned(), text("Sample Patient")),
                    ("date_of_birth".to_owned(), text("1970-01-01")),
                ]),
            ),
            ("coverage".to_owned(), text("self_pay")),
            ("side".to_owned(), text("left")),
            ("issued_on".to_owned(), text(&document.effective_date)),
            (
                "answers".to_owned(),
                Value::Object(vec![
                    (
                        "condition".to_owned(),
                        first(document.conditions.first().map(|c| &c.id)),
                    ),
                    (
                        "product".to_owned(),
                        first(document.products.first().map(|p| &p.id)),
                    ),
                    ("injections".to_owned(), text("1")),
                ]),
            ),
        ]
        .into_iter()
        .chain(prompt_pay)
        .collect(),
    );
    let request = crate::quote::QuoteRequest::from_value(&request)?;
    crate::quote::quote(book, &request)
}
