//! Between the price book (integer cents, basis points) and the editor's form (the texts a person
//! types: dollars, percents, whole numbers), by the table in [`super::schema`].
//!
//! The form is a [`Value`] tree of the same shape as the book, as the page's `readForm` builds it
//! from control names (`conditions.0.label.en`): every leaf is the text in its control, a check
//! box is `true` or `false`, and an optional group carries `_on`. Converting it back never loses
//! what was typed: a text that is not an amount stays on the form with a problem under it, and the
//! book gets no value there (so the book's own checks say nothing about a default put in its place).

use super::schema::{self, Field, Kind};
use crate::money::{BasisPoints, Cents, NotMoney};
use crate::read::Value;

/// The key of an optional group's switch on the form.
pub const ON: &str = "_on";

/// One entry of an opened book that is not a field of the book: kept as it was, shown on the form
/// as its JSON text, until it is renamed to a field or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    /// Its control's name on the form (`ultrasound_guidence`, `conditions.0.icd_10`).
    pub name: String,
    /// Its key.
    pub key: String,
    /// What the form shows: its value as JSON text.
    pub text: String,
    /// Its value as opened.
    pub raw: Value,
    /// The field it is likely a misspelling of, if one is missing nearby.
    pub suggestion: Option<&'static str>,
}

/// A problem the form has before the book is checked: a text that is not what its field takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormProblem {
    /// The control's name.
    pub name: String,
    /// In words, after the field's label.
    pub reason: String,
}

/// The form of `book`, and the entries of it that are not fields.
pub fn to_form(book: &Value) -> (Value, Vec<Unknown>) {
    let mut unknown = Vec::new();
    let form = group_to_form(schema::BOOK, Some(book), "", &mut unknown);
    (form, unknown)
}

/// The form of one field, for a list's new item or a renamed entry.
pub fn field_to_form(field: &Field, value: Option<&Value>, name: &str) -> (Value, Vec<Unknown>) {
    let mut unknown = Vec::new();
    let form = to_form_value(field, value, name, &mut unknown);
    (form, unknown)
}

fn child(name: &str, key: &str) -> String {
    match name {
        "" => key.to_owned(),
        _ => format!("{name}.{key}"),
    }
}

fn group_to_form(
    fields: &[Field],
    value: Option<&Value>,
    name: &str,
    unknown: &mut Vec<Unknown>,
) -> Value {
    let entries = match value {
        Some(Value::Object(entries)) => entries.as_slice(),
        _ => &[],
    };
    let get = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let mut form: Vec<(String, Value)> = fields
        .iter()
        // What the editor keeps itself has no control.
        .filter(|field| !matches!(field.kind, Kind::Kept { .. }))
        .map(|field| {
            let value = get(field.key);
            let name = child(name, field.key);
            (
                field.key.to_owned(),
                to_form_value(field, value, &name, unknown),
            )
        })
        .collect();
    for (key, raw) in entries {
        if schema::find(fields, key).is_none() {
            let missing = fields.iter().filter(|field| get(field.key).is_none());
            let suggestion = missing
                .map(|field| (distance(key, field.key), field.key))
                .filter(|&(d, _)| d <= 2)
                .min()
                .map(|(_, key)| key);
            let text = json_text(raw);
            unknown.push(Unknown {
                name: child(name, key),
                key: key.clone(),
                text: text.clone(),
                raw: raw.clone(),
                suggestion,
            });
            form.push((key.clone(), Value::String(text)));
        }
    }
    Value::Object(form)
}

fn to_form_value(
    field: &Field,
    value: Option<&Value>,
    name: &str,
    unknown: &mut Vec<Unknown>,
) -> Value {
    let value = value.filter(|value| **value != Value::Null);
    match &field.kind {
        Kind::Group { fields } => {
            let mut form = group_to_form(fields, value, name, unknown);
            if field.optional {
                if let Value::Object(entries) = &mut form {
                    entries.insert(0, (ON.to_owned(), Value::Bool(value.is_some())));
                }
            }
            form
        }
        Kind::List { fields, .. } => Value::Array(match value {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    group_to_form(fields, Some(item), &child(name, &i.to_string()), unknown)
                })
                .collect(),
            _ => Vec::new(),
        }),
        Kind::WordsList { .. } => Value::Array(match value {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| words_to_form(Some(item), &child(name, &i.to_string()), unknown))
                .collect(),
            _ => Vec::new(),
        }),
        Kind::Words { .. } => words_to_form(value, name, unknown),
        Kind::Flag => Value::Bool(matches!(value, Some(Value::Bool(true)))),
        Kind::Money => Value::String(match value {
            // `$1,200.00` without its `$`: the form shows the sign beside the box.
            Some(Value::Integer(cents)) => Cents::new(*cents).to_string().replacen('$', "", 1),
            other => text_of(other),
        }),
        Kind::Percent => Value::String(match value {
            Some(&Value::Integer(points)) => match u32::try_from(points) {
                Ok(points) => BasisPoints::new(points).to_string().replacen('%', "", 1),
                Err(_) => points.to_string(),
            },
            other => text_of(other),
        }),
        // An EIN as it is printed: the form shows the dash, the book keeps the 9 digits.
        Kind::Tin => Value::String(match value {
            Some(Value::String(tin))
                if tin.len() == 9 && tin.bytes().all(|b| b.is_ascii_digit()) =>
            {
                format!("{}-{}", &tin[..2], &tin[2..])
            }
            other => text_of(other),
        }),
        Kind::Choice { .. } if value.is_none() && !field.default.is_empty() => {
            Value::String(field.default.to_owned())
        }
        _ => Value::String(text_of(value)),
    }
}

/// A leaf's text: a string as it is, anything else as its JSON.
fn text_of(value: Option<&Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => json_text(other),
    }
}

fn words_to_form(value: Option<&Value>, name: &str, unknown: &mut Vec<Unknown>) -> Value {
    match value {
        Some(Value::Object(_)) => {
            let fields = &[schema_text("en"), schema_text("es")];
            group_to_form(fields, value, name, unknown)
        }
        other => Value::Object(vec![
            ("en".to_owned(), Value::String(text_of(other))),
            ("es".to_owned(), Value::String(String::new())),
        ]),
    }
}

const fn schema_text(key: &'static str) -> Field {
    Field::plain(key, Kind::Text)
}

/// The book the form says, and the problems of texts that are not what their fields take.
/// `unknown` gives back the opened value of each entry that is not a field.
pub fn to_book(form: &Value, unknown: &[Unknown]) -> (Value, Vec<FormProblem>) {
    let mut problems = Vec::new();
    let book = group_to_book(schema::BOOK, form, "", unknown, &mut problems);
    (book, problems)
}

fn group_to_book(
    fields: &[Field],
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
) -> Value {
    let Value::Object(entries) = form else {
        return Value::Object(Vec::new());
    };
    let mut book = Vec::new();
    let sibling = |key: &str| match entries.iter().find(|(k, _)| k == key) {
        Some((_, Value::String(text))) => text.trim(),
        _ => "",
    };
    for field in fields {
        // A field of the other kind of discount than the one chosen.
        if field
            .when
            .is_some_and(|(key, wanted)| sibling(key) != wanted)
        {
            continue;
        }
        let Some((_, value)) = entries.iter().find(|(k, _)| k == field.key) else {
            // Not on the form: not in the book; but a list whose every item was removed has no
            // control left to be read back, and is an empty list (which the book's check names
            // at the list, "must list at least one product", not as a missing field).
            if matches!(field.kind, Kind::List { .. } | Kind::WordsList { .. }) && !field.optional {
                book.push((field.key.to_owned(), Value::Array(Vec::new())));
            }
            continue;
        };
        // An empty group that a stray entry beside it likely means: left out, so that the book's
        // check names the misspelling once rather than every empty field.
        let meant = unknown.iter().any(|entry| {
            entry.suggestion == Some(field.key) && entry.name == child(name, &entry.key)
        });
        if meant && is_empty(value) {
            continue;
        }
        let name = child(name, field.key);
        if let Some(value) = to_book_value(field, value, &name, unknown, problems) {
            book.push((field.key.to_owned(), value));
        }
    }
    for (key, value) in entries {
        if key != ON && schema::find(fields, key).is_none() {
            let raw = unknown
                .iter()
                .find(|entry| entry.key == *key && Value::String(entry.text.clone()) == *value)
                .map_or_else(|| value.clone(), |entry| entry.raw.clone());
            book.push((key.clone(), raw));
        }
    }
    Value::Object(book)
}

/// The book's value of one field from its control on the form, by the kind of control; `None`
/// leaves the field out of the book.
fn to_book_value(
    field: &Field,
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
) -> Option<Value> {
    let text = match form {
        Value::String(text) => text.trim(),
        _ => "",
    };
    match &field.kind {
        Kind::Group { fields } => group_value(field, fields, form, name, unknown, problems),
        Kind::List { fields, .. } => list_value(field, fields, form, name, unknown, problems),
        Kind::WordsList { .. } => Some(words_list_value(form, name, unknown, problems)),
        Kind::Words { .. } => words_to_book(form, name, unknown, problems, field.optional),
        Kind::Flag => Some(Value::Bool(*form == Value::Bool(true))),
        Kind::Money => {
            let enter = "enter an amount in dollars, like 1,200.00";
            number_value(field, (name, text), problems, enter, |text| {
                Cents::parse_dollars(text)
                    .map(Cents::get)
                    .map_err(|not| not_money(&not))
            })
        }
        Kind::Percent => {
            let enter = "enter a percent, like 15";
            number_value(field, (name, text), problems, enter, |text| {
                BasisPoints::parse_percent(text)
                    .map(|points| i64::from(points.get()))
                    .map_err(|not| not_money(&not))
            })
        }
        Kind::Count => {
            let enter = "enter a whole number, like 2";
            number_value(field, (name, text), problems, enter, |text| {
                match text.parse::<u32>() {
                    Ok(count) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(i64::from(count)),
                    _ => Err(format!(
                        "must be a whole number, like 2; it is \"{}\"",
                        crate::error::excerpt(text)
                    )),
                }
            })
        }
        Kind::Tin => tin_value(field, (name, text), problems),
        // No control: the editor writes it (`Editor::check`).
        Kind::Kept { .. } => None,
        // An optional choice at the value the reader takes when it is left out is left out, so a
        // book that had none keeps none (and means the same).
        Kind::Choice { .. } if field.optional && text == field.default => None,
        Kind::Text
        | Kind::Paragraph
        | Kind::Code
        | Kind::Pick { .. }
        | Kind::Date
        | Kind::Choice { .. } => {
            (!text.is_empty() || !field.optional).then(|| Value::String(text.to_owned()))
        }
    }
}

/// A group: its fields, unless it is optional and switched off (its `_on` unticked).
fn group_value(
    field: &Field,
    fields: &[Field],
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
) -> Option<Value> {
    let on = match form {
        Value::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == ON)
            .is_none_or(|(_, on)| *on == Value::Bool(true)),
        _ => true,
    };
    (on || !field.optional).then(|| group_to_book(fields, form, name, unknown, problems))
}

/// A list of groups: each item's fields; an optional list with no item is left out.
fn list_value(
    field: &Field,
    fields: &[Field],
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
) -> Option<Value> {
    let mut items = list_items(form, name).peekable();
    if field.optional && items.peek().is_none() {
        return None;
    }
    let items = items.map(|(name, item)| group_to_book(fields, item, &name, unknown, problems));
    Some(Value::Array(items.collect()))
}

/// A list of texts in English and Spanish: an item with neither is left out.
fn words_list_value(
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
) -> Value {
    let items = list_items(form, name)
        .filter_map(|(name, item)| words_to_book(item, &name, unknown, problems, false));
    Value::Array(items.collect())
}

/// The items of a list's control `name` on the form, each with its own control's name
/// (`conditions.0`); none if the control is not a list.
fn list_items<'a>(form: &'a Value, name: &'a str) -> impl Iterator<Item = (String, &'a Value)> {
    let items = match form {
        Value::Array(items) => items.as_slice(),
        _ => &[],
    };
    items
        .iter()
        .enumerate()
        .map(move |(i, item)| (child(name, &i.to_string()), item))
}

/// A number typed into its control (an amount, a percent, a whole number) as the book's integer,
/// by `parse`. Left empty, an optional field is left out and a required one asked for (`enter`).
/// A text the form refuses goes into the book as text, which the book's reader refuses at this
/// same path: its check then leaves out every rule about this field, as about a default.
fn number_value(
    field: &Field,
    (name, text): (&str, &str),
    problems: &mut Vec<FormProblem>,
    enter: &str,
    parse: impl Fn(&str) -> Result<i64, String>,
) -> Option<Value> {
    let reason = match text {
        "" if field.optional => return None,
        "" => enter.to_owned(),
        text => match parse(text) {
            Ok(number) => return Some(Value::Integer(number)),
            Err(reason) => reason,
        },
    };
    problems.push(FormProblem {
        name: name.to_owned(),
        reason,
    });
    Some(Value::String(text.to_owned()))
}

/// A taxpayer id: `12-3456789` as printed is the book's `123456789`; anything else goes as typed,
/// for the book's check to name, with the form's problem when it is not 9 digits either way.
fn tin_value(
    field: &Field,
    (name, text): (&str, &str),
    problems: &mut Vec<FormProblem>,
) -> Option<Value> {
    let digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
    let tin = match text.split_at_checked(2) {
        Some((two, rest))
            if rest.len() == 8 && rest.starts_with('-') && digits(two) && digits(&rest[1..]) =>
        {
            format!("{two}{}", &rest[1..])
        }
        _ => text.to_owned(),
    };
    let is_tin = tin.len() == 9 && digits(&tin);
    if !tin.is_empty() && !is_tin {
        // In the form's own terms, which take the dash (the book's say "no dash").
        problems.push(FormProblem {
            name: name.to_owned(),
            reason: format!(
                "must be 9 digits, like 12-3456789; it is \"{}\"",
                crate::error::excerpt(text)
            ),
        });
        return Some(Value::String(text.to_owned()));
    }
    (!tin.is_empty() || !field.optional).then_some(Value::String(tin))
}

/// Why a typed amount or percent is not one, in the price book's words.
fn not_money(not: &NotMoney) -> String {
    let quoted = |text: &str| crate::error::excerpt(text).into_owned();
    match not {
        NotMoney::Negative(text) => format!("cannot be below zero; it is \"{}\"", quoted(text)),
        NotMoney::NotDollars(text) => format!(
            "must be an amount in dollars, like 1,200.00; it is \"{}\"",
            quoted(text)
        ),
        NotMoney::FractionOfACent(text) => format!(
            "has a fraction of a cent: write at most two decimals; it is \"{}\"",
            quoted(text)
        ),
        NotMoney::TooLarge(text) => {
            format!("is more than any amount can be; it is \"{}\"", quoted(text))
        }
        NotMoney::NotAPercent(text) => format!(
            "must be a percent from 0 to 100, like 15 or 7.5; it is \"{}\"",
            quoted(text)
        ),
        NotMoney::TooManyDecimals(text) => format!(
            "must have at most two decimals, like 7.25; it is \"{}\"",
            quoted(text)
        ),
    }
}

/// Whether a form part holds nothing typed: every text empty, every box unticked.
fn is_empty(form: &Value) -> bool {
    match form {
        Value::String(text) => text.trim().is_empty(),
        Value::Bool(flag) => !flag,
        Value::Array(items) => items.iter().all(is_empty),
        Value::Object(entries) => entries.iter().all(|(_, value)| is_empty(value)),
        _ => true,
    }
}

/// A text in English and Spanish: a plain string when there is no Spanish.
fn words_to_book(
    form: &Value,
    name: &str,
    unknown: &[Unknown],
    problems: &mut Vec<FormProblem>,
    optional: bool,
) -> Option<Value> {
    let language = |key: &str| match form {
        Value::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| match v {
                Value::String(text) => Some(text.trim().to_owned()),
                _ => None,
            })
            .unwrap_or_default(),
        Value::String(text) => match key {
            "en" => text.trim().to_owned(),
            _ => String::new(),
        },
        _ => String::new(),
    };
    let (en, es) = (language("en"), language("es"));
    let extra = match form {
        Value::Object(entries) => entries.iter().any(|(k, _)| k != "en" && k != "es"),
        _ => false,
    };
    if extra {
        // An entry that is not a language: kept, so that the book's check names it.
        return Some(group_to_book(
            &[schema_text("en"), schema_text("es")],
            form,
            name,
            unknown,
            problems,
        ));
    }
    match (en.is_empty(), es.is_empty()) {
        (true, true) if optional => None,
        (_, true) => Some(Value::String(en)),
        _ => Some(Value::Object(vec![
            ("en".to_owned(), Value::String(en)),
            ("es".to_owned(), Value::String(es)),
        ])),
    }
}

/// `value` as JSON text, on one line: what the form shows of an entry that is not a field.
pub fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, &mut out);
    out
}

fn write_json(value: &Value, out: &mut String) {
    match value {
        Value::Null | Value::Other(_) => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Integer(number) => out.push_str(&number.to_string()),
        Value::Float(text) => out.push_str(text),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (key, item)) in entries.iter().enumerate() {
                out.push_str(if i > 0 { ", " } else { " " });
                write_string(key, out);
                out.push_str(": ");
                write_json(item, out);
            }
            out.push_str(if entries.is_empty() { "}" } else { " }" });
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The edit distance between two keys (insertions, deletions, substitutions), for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(here).min(row[j])
            };
            previous = here;
        }
    }
    row[b.len()]
}
