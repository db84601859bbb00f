//! What changed between the book as opened and the form now, item by item, as the save step lists
//! it: "Walking boot · Price: $165.00 → $170.00". A list's items are matched by their id (or code),
//! so adding, removing or reordering one does not make every later item look changed.

use serde::Serialize;

use super::form::ON;
use super::schema::{self, Field, Kind};
use crate::error::excerpt;
use crate::money::{BasisPoints, Cents};
use crate::read::Value;

/// One change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Which item: `Products › Amniotic allograft, 1 mL vial`.
    pub item: String,
    /// Which of its fields: `Price per injection`; `Added`, `Removed` or `Order` for a list.
    pub field: String,
    /// The value before, as the form shows it (`$1,200.00`, `15 %`); empty when added.
    pub old: String,
    /// The value now; empty when removed.
    pub new: String,
}

/// Every change from `opened` to `now` (both forms), in the order of the form.
pub fn changes(opened: &Value, now: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    group(schema::BOOK, opened, now, "", &mut out);
    out
}

fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn crumb(item: &str, label: &str) -> String {
    match item {
        "" => label.to_owned(),
        item => format!("{item} › {label}"),
    }
}

fn group(fields: &[Field], old: &Value, new: &Value, item: &str, out: &mut Vec<Change>) {
    let on = |value: &Value| get(value, ON).is_none_or(|on| *on == Value::Bool(true));
    for field in fields {
        let (before, after) = (get(old, field.key), get(new, field.key));
        match &field.kind {
            Kind::Group { fields } => {
                let (before, after) = (
                    before.unwrap_or(&Value::Null),
                    after.unwrap_or(&Value::Null),
                );
                let here = crumb(item, field.label);
                match (on(before), on(after)) {
                    (true, true) => group(fields, before, after, &here, out),
                    (false, true) => out.push(change(&here, "Added", "", "on")),
                    (true, false) => out.push(change(&here, "Removed", "on", "")),
                    (false, false) => {}
                }
            }
            Kind::List { fields, .. } => list(field, fields, before, after, item, out),
            Kind::WordsList { .. } => {
                let texts = |value: Option<&Value>| -> Vec<String> {
                    match value {
                        Some(Value::Array(items)) => {
                            items.iter().map(|item| words(Some(item))).collect()
                        }
                        _ => Vec::new(),
                    }
                };
                let (before, after) = (texts(before), texts(after));
                if before != after {
                    out.push(change(
                        &crumb(item, field.label),
                        "Items",
                        &excerpt(&before.join("; ")),
                        &excerpt(&after.join("; ")),
                    ));
                }
            }
            _ => {
                let (before, after) = (shown(field, before), shown(field, after));
                if before != after {
                    out.push(change(item_or(item, field), field.label, &before, &after));
                }
            }
        }
    }
}

/// A top-level field is its own item.
fn item_or<'a>(item: &'a str, field: &'a Field) -> &'a str {
    if item.is_empty() {
        field.label
    } else {
        item
    }
}

fn change(item: &str, field: &str, old: &str, new: &str) -> Change {
    Change {
        item: item.to_owned(),
        field: field.to_owned(),
        old: old.to_owned(),
        new: new.to_owned(),
    }
}

fn list(
    field: &Field,
    fields: &[Field],
    old: Option<&Value>,
    new: Option<&Value>,
    item: &str,
    out: &mut Vec<Change>,
) {
    let items = |value: Option<&Value>| -> Vec<Value> {
        match value {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        }
    };
    let (old, new) = (items(old), items(new));
    let here = crumb(item, field.label);
    // An item is known by its id, else its code, else its place.
    let key = |value: &Value, index: usize| -> String {
        ["id", "code", "product"]
            .iter()
            .find_map(|key| match get(value, key) {
                Some(Value::String(text)) if !text.trim().is_empty() => {
                    Some(text.trim().to_owned())
                }
                _ => None,
            })
            .unwrap_or_else(|| format!("#{index}"))
    };
    let old_keys: Vec<String> = old.iter().enumerate().map(|(i, v)| key(v, i)).collect();
    let new_keys: Vec<String> = new.iter().enumerate().map(|(i, v)| key(v, i)).collect();
    for (i, value) in new.iter().enumerate() {
        let name = name_of(value, &new_keys[i]);
        match old_keys.iter().position(|k| *k == new_keys[i]) {
            Some(j) => group(fields, &old[j], value, &crumb(&here, &name), out),
            None => out.push(change(&here, "Added", "", &name)),
        }
    }
    for (j, value) in old.iter().enumerate() {
        if !new_keys.contains(&old_keys[j]) {
            out.push(change(&here, "Removed", &name_of(value, &old_keys[j]), ""));
        }
    }
    let kept_old: Vec<&String> = old_keys.iter().filter(|k| new_keys.contains(k)).collect();
    let kept_new: Vec<&String> = new_keys.iter().filter(|k| old_keys.contains(k)).collect();
    if kept_old != kept_new {
        out.push(change(
            &here,
            "Order",
            &excerpt(&join(&kept_old)),
            &excerpt(&join(&kept_new)),
        ));
    }
}

fn join(keys: &[&String]) -> String {
    keys.iter()
        .map(|key| key.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An item's name as a person knows it: its English label or name, else its key.
fn name_of(value: &Value, key: &str) -> String {
    let label = words(get(value, "label"));
    if !label.is_empty() {
        return label;
    }
    match get(value, "name") {
        Some(Value::String(name)) if !name.trim().is_empty() => name.trim().to_owned(),
        _ => key.to_owned(),
    }
}

/// A text in English and Spanish as one line: `Walking boot / Bota ortopédica`.
fn words(value: Option<&Value>) -> String {
    let text = |key: &str| match value.and_then(|v| get(v, key)) {
        Some(Value::String(text)) => text.trim().to_owned(),
        _ => String::new(),
    };
    match (text("en"), text("es")) {
        (en, es) if es.is_empty() => en,
        (en, es) => format!("{en} / {es}"),
    }
}

/// A field's value as the save step shows it: `$165.00`, `15 %`, `Yes`.
fn shown(field: &Field, value: Option<&Value>) -> String {
    let text = match value {
        Some(Value::String(text)) => text.trim().to_owned(),
        _ => String::new(),
    };
    match &field.kind {
        // The amount, however it was typed: `1200` and `1,200.00` are no change.
        Kind::Money if !text.is_empty() => {
            Cents::parse_dollars(&text).map_or(text.clone(), |cents| cents.to_string())
        }
        Kind::Percent if !text.is_empty() => {
            BasisPoints::parse_percent(&text).map_or(text.clone(), |rate| rate.to_string())
        }
        Kind::Flag => match value {
            Some(Value::Bool(true)) => "Yes".to_owned(),
            _ => "No".to_owned(),
        },
        Kind::Words { .. } => excerpt(&words(value)).into_owned(),
        Kind::Choice { options } => options
            .iter()
            .find(|(value, _)| *value == text)
            .map_or(text.clone(), |(_, label)| (*label).to_owned()),
        _ => excerpt(&text).into_owned(),
    }
}
