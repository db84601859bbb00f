//! Reading the documents the crate takes in (price books, requests, saved quotes), naming the path
//! of every problem.
//!
//! A document arrives as a [`Value`] tree: parsed from JSON natively ([`Value::from_json`], or any
//! serde source through its `Deserialize`), or built from a JS object at the browser boundary. Each
//! document type reads itself from the tree, field by field ([`Read`]), and every problem is
//! recorded with its path (`conditions[2].typical_injections.max`) rather than stopping at the
//! first. The messages are in plain words for the person who edits the document, each reading
//! after the field's label (`must be a whole number; it is the text "3"`, `is not a price book
//! field: did you mean `ultrasound_guidance`?``, `is missing the required field `npi``), and they
//! are the same natively and in the browser because the same code writes them. Why this is not
//! serde's derived `Deserialize`: DESIGN.md, "Why a hand-written reader?".

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::error::{excerpt, hex, Defaulted, Error, FieldError, MAX_PROBLEMS};
use crate::money::{has_ascii, split_at_ascii, whole_number, BasisPoints, Cents};

/// A parsed document: JSON's values, plus whatever else a JS value can be.
///
/// Numbers are whole (`Integer`) or kept as the text they print as (`Float`): no float is ever
/// computed with, and a fraction is only ever named in a message (write `"12.5"` as text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// JSON `null`; JS `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number (in JS, a safe integer).
    Integer(i64),
    /// Any other number, as serde prints it in messages: `1.5`, `3.0`, `NaN`, `inf`.
    Float(String),
    /// Text.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object's entries, in document order.
    Object(Vec<(String, Value)>),
    /// A JS value JSON cannot hold, described for messages (`a function`, `a bigint`).
    Other(&'static str),
}

impl Value {
    /// Parses JSON text. Malformed JSON is reported at the path where it broke.
    ///
    /// # Errors
    ///
    /// The path and the place and mistake in plain words ([`plain_json_error`]), e.g.
    /// `(top level)`, `line 1, column 1: the file is not valid JSON: a value is missing, or a
    /// text is not in double quotes`.
    #[cfg(staff)]
    pub fn from_json(json: &str) -> Result<Value, FieldError> {
        Value::parse(&mut serde_json::Deserializer::from_str(json))
    }

    /// Reads a value from any serde source, naming the path where it broke.
    ///
    /// # Errors
    ///
    /// The path and the source's message.
    #[cfg(staff)]
    pub fn parse<'de, D>(deserializer: D) -> Result<Value, FieldError>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        serde_path_to_error::deserialize(deserializer).map_err(|error| {
            let path = match error.path().to_string() {
                // "." is the whole document; "" is a key written as "" at its top, which reads
                // as the top level too.
                root if root == "." || root.is_empty() => TOP_LEVEL.to_owned(),
                path => path,
            };
            FieldError::new(path, plain_json_error(&error.into_inner().to_string()))
        })
    }

    /// Takes the entry `key` out of an object, if it is one and has it: a page's form holds the
    /// payment answers under `payment`, beside the request's own fields.
    ///
    /// ```
    /// use amnion_estimator::read::Value;
    /// let mut form = Value::Object(vec![
    ///     ("condition".into(), Value::String("plantar_fasciitis".into())),
    ///     ("payment".into(), Value::Object(vec![])),
    /// ]);
    /// assert_eq!(form.remove("payment"), Some(Value::Object(vec![])));
    /// assert_eq!(form.remove("payment"), None);
    /// assert_eq!(form, Value::Object(vec![("condition".into(), Value::String("plantar_fasciitis".into()))]));
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let Value::Object(entries) = self else {
            return None;
        };
        let index = entries.iter().position(|(name, _)| name == key)?;
        Some(entries.remove(index).1)
    }

    /// What this value is, as a message ends: `it is the text "3"`, `it is 1.5`, `it is a list`.
    fn described(&self) -> String {
        match self {
            Value::Null => "it is null (empty)".to_owned(),
            Value::Bool(value) => format!("it is {value}"),
            Value::Integer(value) => format!("it is {value}"),
            Value::Float(text) => format!("it is {text}"),
            Value::String(text) => format!("it is the text {}", quoted(text)),
            Value::Array(_) => "it is a list".to_owned(),
            Value::Object(_) => "it is a group of fields".to_owned(),
            Value::Other(what) => format!("it is {what}"),
        }
    }
}

/// serde_json's message for malformed JSON (`trailing comma at line 12 column 5`) in plain words,
/// where it is first: `line 12, column 5: the file is not valid JSON: a comma before `}` or `]`
/// has nothing after it: remove the comma`. A message that is not about JSON's syntax (a field
/// given twice) keeps its words, after the place. Natively only: the browser parses JSON itself.
///
/// ```
/// use amnion_estimator::read::plain_json_error;
/// assert_eq!(
///     plain_json_error("expected `,` or `}` at line 3 column 7"),
///     "line 3, column 7: the file is not valid JSON: a comma or `}` is missing before this"
/// );
/// assert_eq!(plain_json_error("`count` is given twice at line 1 column 40"), "line 1, column 40: `count` is given twice");
/// ```
#[cfg(staff)]
pub fn plain_json_error(message: &str) -> String {
    // serde_json ends every message read from text with " at line L column C".
    let (what, place) = match message.rfind(" at line ") {
        Some(at) => {
            let place = message[at + " at line ".len()..].replacen(" column ", ", column ", 1);
            (&message[..at], Some(place))
        }
        None => (message, None),
    };
    let plain = match what {
        "EOF while parsing a list" => "the file ends inside a list: a `]` is missing",
        "EOF while parsing an object" => "the file ends inside a group of fields: a `}` is missing",
        "EOF while parsing a string" => "the file ends inside a text: a closing `\"` is missing",
        "EOF while parsing a value" => "the file ends where a value should be",
        "expected `:`" => "a `:` must follow each field name",
        "expected `,` or `]`" => "a comma or `]` is missing before this",
        "expected `,` or `}`" => "a comma or `}` is missing before this",
        "expected ident" => {
            "this word is not JSON: the only words are true, false and null, and text goes in \
             double quotes"
        }
        "expected value" => "a value is missing, or a text is not in double quotes",
        "expected `\"`" | "key must be a string" => {
            "a field name must be in double quotes, or a comma is one too many"
        }
        "invalid escape" => "a \\ in a text must be written \\\\",
        "invalid number" => "a number is not written as JSON writes them, like 16500",
        "number out of range" => "a number is too large",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "a \\u in a text is not followed by a character's code",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a text has a line break or a tab inside its quotes: write it as \\n or \\t"
        }
        "trailing comma" => "a comma before `}` or `]` has nothing after it: remove the comma",
        "trailing characters" => "something follows the end of the document's last `}`",
        "recursion limit exceeded" => "lists and groups of fields are nested too deeply",
        other => {
            return match place {
                Some(place) => format!("line {place}: {other}"),
                None => other.to_owned(),
            }
        }
    };
    match place {
        Some(place) => format!("line {place}: the file is not valid JSON: {plain}"),
        None => format!("the file is not valid JSON: {plain}"),
    }
}

/// The path of a problem with the whole document, as `serde_path_to_error` wrote it before.
pub(crate) const TOP_LEVEL: &str = "(top level)";

/// `text` in double quotes, with quotes, backslashes and control characters escaped as Rust's
/// `{:?}` escapes them.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in excerpt(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                out.push_str(&hex(c, 1, b"0123456789abcdef"));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Names in a sentence, joined by `and` or `or`: `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``.
fn listed(names: &[&str], and_or: &str) -> String {
    let mut out = String::new();
    for (index, name) in names.iter().enumerate() {
        match index {
            0 => {}
            i if i + 1 == names.len() => {
                out.push(' ');
                out.push_str(and_or);
                out.push(' ');
            }
            _ => out.push_str(", "),
        }
        let _ = write!(out, "`{name}`");
    }
    out
}

/// A float as JS prints it (`1.5`, `1e+21`, `1.5e-7`, `NaN`, `Infinity`), rewritten as serde
/// prints one in messages (`1.5`, `1000000000000000000000.0`, `0.00000015`, `NaN`, `inf`). The
/// browser boundary uses this so the module carries no float formatting of its own.
pub(crate) fn float_text(js: &str) -> String {
    match js {
        "Infinity" => return "inf".to_owned(),
        "-Infinity" => return "-inf".to_owned(),
        "NaN" => return "NaN".to_owned(),
        _ => {}
    }
    // JS, like Rust's `{:e}`, writes the exponent with a lowercase `e`.
    let mut text = match split_at_ascii(js, b'e') {
        None => js.to_owned(),
        Some((mantissa, exponent)) => {
            let (sign, mantissa) = match mantissa.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", mantissa),
            };
            let (whole, fraction) = split_at_ascii(mantissa, b'.').unwrap_or((mantissa, ""));
            let mut digits = String::from(whole);
            digits.push_str(fraction);
            let (negative, magnitude) = match exponent.strip_prefix('-') {
                Some(magnitude) => (true, magnitude),
                None => (false, exponent.trim_start_matches('+')),
            };
            let exponent = whole_number(magnitude)
                .and_then(|value| i64::try_from(value).ok())
                .map_or(0, |value| if negative { -value } else { value });
            // Where the decimal point goes in `digits`: before the first when 0 or less.
            let point = whole.len() as i64 + exponent;
            let mut text = String::from(sign);
            if point <= 0 {
                text.push_str("0.");
                text.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
            }
            for (index, digit) in digits.chars().enumerate() {
                if index as i64 == point && point > 0 {
                    text.push('.');
                }
                text.push(digit);
            }
            text.extend(std::iter::repeat_n(
                '0',
                (point - digits.len() as i64).max(0) as usize,
            ));
            text
        }
    };
    if !has_ascii(&text, b'.') {
        text.push_str(".0");
    }
    text
}

/// Where a reader is in a document.
#[derive(Clone, Copy, Debug)]
enum Segment<'v> {
    Key(&'v str),
    Index(usize),
}

/// The longest text any field may hold, in characters: far more than any label, disclaimer or
/// answer needs (the sample book's longest text is 366), and a 50-million-character string is
/// refused before anything is done with it.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The most values (objects, lists, texts, numbers...) one document may hold: a price book at every
/// list limit holds about 4,000, a saved quote a few more. A bigger document is refused whole before
/// it is read, and the browser stops turning a JS object into values past it.
pub const MAX_DOCUMENT_VALUES: usize = 20_000;

/// What the browser boundary makes of a JS object with more than [`MAX_DOCUMENT_VALUES`] values:
/// `Value::Other(TOO_MANY_VALUES)`, refused as too large as a document.
pub(crate) const TOO_MANY_VALUES: &str = "a document of more than 20000 values";

impl Value {
    /// Whether this value holds more than `most` values in all, counting itself; stops counting
    /// as soon as it knows.
    #[cfg(staff)]
    pub(crate) fn holds_more_than(&self, most: usize) -> bool {
        fn count(value: &Value, left: &mut usize) -> bool {
            if *left == 0 {
                return true;
            }
            *left -= 1;
            match value {
                Value::Array(items) => items.iter().any(|item| count(item, left)),
                Value::Object(entries) => entries.iter().any(|(_, item)| count(item, left)),
                _ => false,
            }
        }
        let mut left = most;
        count(self, &mut left)
    }
}

/// Reads one document: where it is, and every problem found so far.
pub(crate) struct Reader<'v> {
    path: Vec<Segment<'v>>,
    problems: Vec<FieldError>,
    /// Problems found past [`MAX_PROBLEMS`], counted only.
    more: usize,
    /// The most items the list about to be read may have, set by its field (`[at most N]` in
    /// [`read_struct!`]) and taken by the list's reader.
    max_items: Option<usize>,
    /// The path of every value refused (mistyped, missing, too long), which keeps its default.
    defaulted: Defaulted,
    /// What the document is called in messages ([`Document::NAME`]): `a price book`.
    name: &'static str,
}

impl<'v> Reader<'v> {
    /// A reader at the top of a document called `name`, or at `root` in a larger one.
    fn new(root: Option<&'static str>, name: &'static str) -> Reader<'v> {
        Reader {
            path: root.map(Segment::Key).into_iter().collect(),
            problems: Vec::new(),
            more: 0,
            max_items: None,
            defaulted: Defaulted::default(),
            name,
        }
    }

    /// Whether problems are now only counted: a caller may then skip writing the reason.
    pub(crate) fn is_full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    /// Every problem recorded, the ones past [`MAX_PROBLEMS`] as one last line saying how many.
    fn into_problems(mut self) -> Vec<FieldError> {
        if self.more > 0 {
            self.problems.push(FieldError::more(self.more));
        }
        self.problems
    }

    /// Records a problem at the current path, and the path as refused.
    pub(crate) fn problem(&mut self, reason: impl Into<String>) {
        if self.is_full() {
            self.more += 1;
            return;
        }
        let path = self.path_text();
        self.defaulted.0.push(path.clone());
        self.report(path, reason.into());
    }

    /// Records that the object here has no `name`, a required field: the field is refused, and
    /// reported missing unless `misspelt` (an unknown key then says it, with the right name).
    fn missing(&mut self, name: &'static str, misspelt: bool) {
        if self.is_full() {
            self.more += usize::from(!misspelt);
            return;
        }
        self.path.push(Segment::Key(name));
        let field = self.path_text();
        self.path.pop();
        self.defaulted.0.push(field);
        if !misspelt {
            let path = self.path_text();
            self.report(path, format!("is missing the required field `{name}`"));
        }
    }

    /// Records `reason` at `path` (`""` is the whole document).
    fn report(&mut self, path: String, reason: String) {
        let path = match path.is_empty() {
            true => TOP_LEVEL.to_owned(),
            false => path,
        };
        self.problems.push(FieldError::new(path, reason));
    }

    /// The current path, `""` at the top of the document.
    #[inline(never)]
    fn path_text(&self) -> String {
        let mut path = String::new();
        for segment in &self.path {
            match segment {
                Segment::Key(key) if path.is_empty() => path.push_str(&excerpt(key)),
                Segment::Key(key) => {
                    path.push('.');
                    path.push_str(&excerpt(key));
                }
                Segment::Index(index) => {
                    let _ = write!(path, "[{index}]");
                }
            }
        }
        path
    }

    /// How many problems are recorded so far.
    pub(crate) fn problem_count(&self) -> usize {
        self.problems.len()
    }

    /// Records that `value` is not the kind of value `expected` says (`must be true or false`),
    /// and what it is: `must be true or false; it is the text "yes"`.
    pub(crate) fn invalid_type(&mut self, value: &Value, expected: &str) {
        self.problem(format!("{expected}; {}", value.described()));
    }

    /// Reads `value` into `slot`, one step deeper. (Not generic, and not inlined: one copy serves
    /// every field and item, which keeps the browser module small.)
    #[inline(never)]
    fn read_at(&mut self, segment: Segment<'v>, value: &'v Value, slot: &mut dyn Read) {
        self.path.push(segment);
        slot.read(value, self);
        self.path.pop();
    }

    /// Reads `value`, the entry `key` of the object being read, into `slot`.
    pub(crate) fn read_key(&mut self, key: &'v str, value: &'v Value, slot: &mut dyn Read) {
        self.read_at(Segment::Key(key), value, slot);
    }

    /// The fields of the object `value`, a struct whose fields are `names`, or `None` after
    /// recording that it is not one.
    pub(crate) fn fields<'r>(
        &'r mut self,
        value: &'v Value,
        names: &'static [&'static str],
    ) -> Option<Fields<'r, 'v>> {
        match value {
            Value::Object(entries) => Some(Fields {
                reader: self,
                entries,
                names,
            }),
            _ => {
                self.invalid_type(value, "must be a group of fields in { }");
                None
            }
        }
    }

    /// The position in `names` of the word that `value` is (`must be `deferred_interest` or
    /// `fixed_apr`; it is "fixed"`).
    pub(crate) fn variant(&mut self, value: &Value, names: &[&str]) -> Option<usize> {
        let expected = match names.len() {
            0..=2 => format!("must be {}", listed(names, "or")),
            _ => format!("must be one of {}", listed(names, "or")),
        };
        let Value::String(name) = value else {
            self.invalid_type(value, &expected);
            return None;
        };
        let found = names.iter().position(|known| known == name);
        if found.is_none() {
            self.problem(format!("{expected}; it is {}", quoted(name)));
        }
        found
    }
}

/// An object being read as a struct: each field is asked for by name, then [`Fields::finish`]
/// refuses the keys that are not among the struct's field names, so a typo in a key is an error
/// rather than ignored.
pub(crate) struct Fields<'r, 'v> {
    reader: &'r mut Reader<'v>,
    entries: &'v [(String, Value)],
    names: &'static [&'static str],
}

impl Fields<'_, '_> {
    /// Reads the field `name` into `slot`; missing is a problem. A list or map field may have at
    /// most `max_items` items (checked before any is read).
    pub(crate) fn required(
        &mut self,
        name: &'static str,
        slot: &mut dyn Read,
        max_items: Option<usize>,
    ) {
        self.field(name, slot, true, max_items);
    }

    /// Reads the field `name` into `slot` if it is there, as [`Fields::required`].
    pub(crate) fn optional(
        &mut self,
        name: &'static str,
        slot: &mut dyn Read,
        max_items: Option<usize>,
    ) {
        self.field(name, slot, false, max_items);
    }

    #[inline(never)]
    fn field(
        &mut self,
        name: &'static str,
        slot: &mut dyn Read,
        required: bool,
        max_items: Option<usize>,
    ) {
        let entries = self.entries;
        match entries.iter().find(|(key, _)| key == name) {
            Some((_, value)) => {
                self.reader.max_items = max_items;
                self.reader.read_at(Segment::Key(name), value, slot);
                self.reader.max_items = None;
            }
            // A misspelling of it is reported once, at the misspelt key, with the right name
            // (`finish`).
            None if required => {
                let misspelt = self.suggested(name);
                self.reader.missing(name, misspelt);
            }
            None => {}
        }
    }

    /// Whether an unknown key is a misspelling of the field `name`, so [`Fields::finish`] will
    /// suggest it.
    fn suggested(&self, name: &str) -> bool {
        self.entries
            .iter()
            .any(|(key, _)| self.suggestion(key) == Some(name))
    }

    /// The field `key` is likely a misspelling of, if it is not a field: the nearest field name not
    /// in the object, if at most 2 edits (a letter added, dropped or changed) away and at most one
    /// edit in three letters (`ultrasound_guidence` is `ultrasound_guidance`, `nmae` is not
    /// `name`). Never in the visitor's module, whose messages go to the console for a web admin
    /// who fixes the book on the staff page, in the editor or with `check-price-book`, which
    /// suggest it: the visitor's says the field is not one and lists the fields there.
    #[cfg(not(staff))]
    fn suggestion(&self, _key: &str) -> Option<&'static str> {
        None
    }

    /// As above: the nearest field name, in the staff module and natively.
    #[cfg(staff)]
    fn suggestion(&self, key: &str) -> Option<&'static str> {
        if self.names.contains(&key) {
            return None;
        }
        let mut best: Option<(usize, &'static str)> = None;
        for &name in self.names {
            if key.len().abs_diff(name.len()) > 2 || self.entries.iter().any(|(k, _)| k == name) {
                continue;
            }
            let distance = edit_distance(key.as_bytes(), name.as_bytes());
            if distance <= 2 && distance * 3 <= name.len() && best.is_none_or(|(d, _)| distance < d)
            {
                best = Some((distance, name));
            }
        }
        best.map(|(_, name)| name)
    }

    /// Records every key that is not a field, in document order, with the field it likely
    /// misspells.
    pub(crate) fn finish(self) {
        let entries = self.entries;
        for (key, _) in entries {
            if !self.names.contains(&key.as_str()) {
                if self.reader.is_full() {
                    self.reader.more += 1;
                    continue;
                }
                let key = key.as_str();
                let document = self.reader.name;
                let reason = match (self.suggestion(key), self.names) {
                    (Some(name), _) => {
                        format!("is not {document} field: did you mean `{name}`?")
                    }
                    (None, []) => format!("is not {document} field: there are none here"),
                    (None, names) => format!(
                        "is not {document} field: the fields here are {}",
                        listed(names, "and")
                    ),
                };
                self.reader.path.push(Segment::Key(key));
                self.reader.problem(reason);
                self.reader.path.pop();
            }
        }
    }
}

/// How many single-letter edits (a letter added, dropped or changed) turn `from` into `to`
/// (Levenshtein): `nmae` to `name` is 2, `guidence` to `guidance` is 1.
#[cfg(staff)]
fn edit_distance(from: &[u8], to: &[u8]) -> usize {
    // One row of the table at a time: `row[j]` is the distance from what of `from` is read so far
    // to the first `j` letters of `to`.
    let mut row: Vec<usize> = (0..=to.len()).collect();
    for (i, &letter) in from.iter().enumerate() {
        let mut diagonal = i;
        let mut left = i + 1;
        for (cell, &other) in row.iter_mut().skip(1).zip(to) {
            let value = (*cell + 1)
                .min(left + 1)
                .min(diagonal + usize::from(letter != other));
            diagonal = *cell;
            *cell = value;
            left = value;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// A type that reads itself from a [`Value`], in place.
pub(crate) trait Read {
    /// Reads `value` into `self`, recording every problem in `at`. What cannot be read is left as
    /// it was, so whoever reads a document checks `at` for problems before using it.
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>);
}

/// A type read as a whole document: a price book, a request, a saved quote.
pub(crate) trait Document: Read + Default {
    /// What the document is called in its messages, with its article: `a price book`, as in `is
    /// not a price book field`.
    const NAME: &'static str;
}

/// Reads a whole document. `root` names where it sits in a larger one (`payment`), if anywhere.
///
/// # Errors
///
/// Every problem found, wrapped by `kind`.
pub(crate) fn document<T: Document>(
    value: &Value,
    root: Option<&'static str>,
    kind: fn(Vec<FieldError>) -> Error,
) -> Result<T, Error> {
    read_document(value, root).map_err(|partly| kind(partly.problems))
}

/// A document with problems, as far as it could be read.
pub(crate) struct PartlyRead<T> {
    /// The document, each refused value left at its default; `None` if it was not read whole (too
    /// large, or more than [`MAX_PROBLEMS`] problems).
    pub(crate) document: Option<T>,
    /// Every problem found, in document order.
    pub(crate) problems: Vec<FieldError>,
    /// Where the document holds a default instead of what was written.
    pub(crate) defaulted: Defaulted,
}

/// Reads a whole document, as [`document`].
///
/// # Errors
///
/// The problems found, with the document as far as it could be read.
pub(crate) fn read_document<T: Document>(
    value: &Value,
    root: Option<&'static str>,
) -> Result<T, PartlyRead<T>> {
    let mut reader = Reader::new(root, T::NAME);
    // The browser's boundary stops turning a JS object into values past the limit and says so;
    // natively the parser has read the whole text, and the values are counted here.
    let cut_short = matches!(value, Value::Other(what) if *what == TOO_MANY_VALUES);
    #[cfg(staff)]
    let cut_short = cut_short || value.holds_more_than(MAX_DOCUMENT_VALUES);
    if cut_short {
        reader.problem(format!(
            "must hold at most {MAX_DOCUMENT_VALUES} values (texts, numbers, lists and groups of \
             fields); it holds more"
        ));
        return Err(PartlyRead {
            document: None,
            defaulted: std::mem::take(&mut reader.defaulted),
            problems: reader.into_problems(),
        });
    }
    let mut document = T::default();
    document.read(value, &mut reader);
    if reader.problems.is_empty() {
        return Ok(document);
    }
    Err(PartlyRead {
        document: (reader.more == 0).then_some(document),
        defaulted: std::mem::take(&mut reader.defaulted),
        problems: reader.into_problems(),
    })
}

/// Reads a whole document from any serde source (JSON text natively): as [`document`], and
/// malformed input is reported at the path where it broke.
///
/// # Errors
///
/// Every problem found, wrapped by `kind`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn from_serde<'de, T, D>(
    deserializer: D,
    root: Option<&'static str>,
    kind: fn(Vec<FieldError>) -> Error,
) -> Result<T, Error>
where
    T: Document,
    D: serde::Deserializer<'de>,
    D::Error: std::fmt::Display,
{
    let value = Value::parse(deserializer).map_err(|mut field| {
        if let Some(root) = root {
            field.path = match field.path.as_str() {
                TOP_LEVEL => root.to_owned(),
                path => format!("{root}.{path}"),
            };
        }
        kind(vec![field])
    })?;
    document(&value, root, kind)
}

/// A struct and its `impl Read`, from one definition: each field is read from the object's key of
/// the same name, in order. A field written `name: Type = default` may be missing, and then keeps
/// the value it had (its `Default` in a new document); every other field must be present. A list
/// or map written `name: Vec<T> [at most 100]` is refused, with its path and the limit, if it has
/// more items, before any is read. Every field is read, so every problem is reported; then unknown
/// keys are refused.
///
/// A field written `= staff` (or `= default staff`, when it may be missing) is one the visitor's
/// widget never shows: the staff module and native builds read it as any other, while the
/// visitor's module (wasm without the `staff` feature) does not read it at all. Its key is still
/// known, so a book that has it is not refused for it, and it keeps its default, so nothing in it
/// can reach a visitor (DESIGN.md, "What the visitor's module checks of a price book").
///
/// ```text
/// read_struct! {
///     /// The clinic's address.
///     #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
///     pub struct Address {
///         /// Street and number.
///         pub street: String,
///         /// Suite, floor: may be left out.
///         pub line2: String = default,
///         /// Who to ask for, at most 3.
///         pub contacts: Vec<String> [at most 3] = default,
///     }
/// }
/// ```
macro_rules! read_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident : $type:ty $([at most $max:literal])? $(= $($how:ident)+)?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $type,)*
        }

        impl $crate::read::Read for $name {
            fn read<'v>(
                &mut self,
                value: &'v $crate::read::Value,
                at: &mut $crate::read::Reader<'v>,
            ) {
                let Some(mut fields) = at.fields(value, &[$(stringify!($field)),*]) else {
                    return;
                };
                $(
                    let max_items: Option<usize> = None $(.or(Some($max)))?;
                    $crate::read::read_struct!(@field fields self $field max_items $($($how)+)?);
                )*
                fields.finish();
            }
        }
    };
    (@field $fields:ident $self:ident $field:ident $max:ident) => {
        $fields.required(stringify!($field), &mut $self.$field, $max)
    };
    (@field $fields:ident $self:ident $field:ident $max:ident default) => {
        $fields.optional(stringify!($field), &mut $self.$field, $max)
    };
    (@field $fields:ident $self:ident $field:ident $max:ident staff) => {
        #[cfg(staff)]
        $fields.required(stringify!($field), &mut $self.$field, $max);
        #[cfg(not(staff))]
        let _ = $max;
    };
    (@field $fields:ident $self:ident $field:ident $max:ident default staff) => {
        #[cfg(staff)]
        $fields.optional(stringify!($field), &mut $self.$field, $max);
        #[cfg(not(staff))]
        let _ = $max;
    };
}

/// `impl Read` for an enum of unit variants, each named by a string.
macro_rules! read_enum {
    ($name:ident { $($text:literal => $variant:ident),* $(,)? }) => {
        impl $crate::read::Read for $name {
            fn read<'v>(
                &mut self,
                value: &'v $crate::read::Value,
                at: &mut $crate::read::Reader<'v>,
            ) {
                let found = at.variant(value, &[$($text),*]);
                if let Some(variant) = found.and_then(|index| [$($name::$variant),*].get(index)) {
                    *self = *variant;
                }
            }
        }
    };
}

/// `impl Deserialize` for a document type, through [`Value`] and its reader, so serde sources
/// (`serde_json::from_str`) read it exactly as the crate does; and its [`Document`] name, as its
/// messages call it (`deserialize_by_reading!(PriceBookDocument, "a price book", ...)`).
macro_rules! deserialize_by_reading {
    ($name:ident, $called:literal, $kind:path) => {
        impl $crate::read::Document for $name {
            const NAME: &'static str = $called;
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <$crate::read::Value as serde::Deserialize>::deserialize(deserializer)?;
                $crate::read::document(&value, None, $kind).map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use {deserialize_by_reading, read_enum, read_struct};

/// Read as a whole number of cents. A fraction, `1100.5`, is refused: it is not a whole cent.
impl Read for Cents {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        if let Some(cents) = at.whole_number(value, WHOLE_CENTS) {
            *self = Cents::new(cents);
        }
    }
}

/// What a field of cents must be: its unit is said with an example, as the field's name
/// (`price_cents`) is the only other place that says it.
const WHOLE_CENTS: &str = "must be a whole number of cents, like 16500 for $165.00";

/// Read as a whole number of basis points, which a message calls hundredths of a percent.
impl Read for BasisPoints {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        let expected = "must be a whole number of hundredths of a percent, like 1250 for 12.5%";
        if let Some(points) = at.whole_number(value, expected) {
            if let Some(points) = at.in_u32(points) {
                *self = BasisPoints::new(points);
            }
        }
    }
}

impl Read for String {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        match value {
            Value::String(text) if at.text(text) => text.clone_into(self),
            Value::String(_) => {}
            _ => at.invalid_type(value, MUST_BE_TEXT),
        }
    }
}

/// What a text field must be: a person editing the file sees why `"npi": 1234567893` is refused.
pub(crate) const MUST_BE_TEXT: &str = "must be text, in double quotes";

impl Reader<'_> {
    /// `value` if it is a whole number, else `None` after recording that it is not `expected`.
    fn whole_number(&mut self, value: &Value, expected: &str) -> Option<i64> {
        match value {
            Value::Integer(number) => Some(*number),
            _ => {
                self.invalid_type(value, expected);
                None
            }
        }
    }

    /// `number` if it is 0 to `u32::MAX`, else `None` after recording why not.
    fn in_u32(&mut self, number: i64) -> Option<u32> {
        let fits = u32::try_from(number).ok();
        if fits.is_none() {
            match number < 0 {
                true => self.problem(format!("must not be negative; it is {number}")),
                false => self.problem(format!("must be at most {}; it is {number}", u32::MAX)),
            }
        }
        fits
    }

    /// Whether `text` may be held by a field: at most [`MAX_TEXT_CHARS`] characters. Records the
    /// problem if not. (Which characters a text may hold is a rule of the field that prints it:
    /// `Problems::printable`.)
    pub(crate) fn text(&mut self, text: &str) -> bool {
        let length = text.chars().count();
        if length > MAX_TEXT_CHARS {
            self.problem(format!(
                "must be at most {MAX_TEXT_CHARS} characters; it has {length}"
            ));
            return false;
        }
        true
    }

    /// Whether a list of `count` items may be read here; records the problem if not.
    fn fits(&mut self, count: usize) -> bool {
        match self.max_items.take() {
            Some(max) if count > max => {
                self.problem(format!("must have at most {max} items; it has {count}"));
                false
            }
            _ => true,
        }
    }
}

impl Read for bool {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        match value {
            Value::Bool(flag) => *self = *flag,
            _ => at.invalid_type(value, "must be true or false"),
        }
    }
}

/// A count: a whole number, 0 or more.
impl Read for u32 {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        if let Some(number) = at.whole_number(value, "must be a whole number") {
            if let Some(number) = at.in_u32(number) {
                *self = number;
            }
        }
    }
}

/// `null` is `None`.
impl<T: Read + Default> Read for Option<T> {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        *self = match value {
            Value::Null => None,
            _ => {
                let mut read = T::default();
                read.read(value, at);
                Some(read)
            }
        };
    }
}

impl<T: Read + Default> Read for Vec<T> {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        let Value::Array(items) = value else {
            at.invalid_type(value, "must be a list in [ ]");
            return;
        };
        if !at.fits(items.len()) {
            return;
        }
        self.clear();
        for (index, item) in items.iter().enumerate() {
            let mut read = T::default();
            at.read_at(Segment::Index(index), item, &mut read);
            self.push(read);
        }
    }
}

impl<T: Read + Default> Read for BTreeMap<String, T> {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        let Value::Object(entries) = value else {
            at.invalid_type(value, "must be a group of named values in { }");
            return;
        };
        if !at.fits(entries.len()) {
            return;
        }
        self.clear();
        for (key, item) in entries {
            let mut read = T::default();
            at.read_at(Segment::Key(key), item, &mut read);
            self.insert(key.clone(), read);
        }
    }
}

/// Natively, any serde source (JSON text, `serde_json::Value`) gives a [`Value`]. A key given twice
/// is refused, as serde's derived readers refuse a field given twice.
#[cfg(staff)]
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        use serde::de::{self, MapAccess, SeqAccess, Visitor};

        struct ValueVisitor;

        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
                Ok(Value::Bool(value))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
                Ok(Value::Integer(value))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
                // Past i64, as in JS past the safe integers: a float.
                Ok(i64::try_from(value)
                    .map_or_else(|_| Value::Float(format!("{value}.0")), Value::Integer))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
                Ok(Value::Float(float_text(&format!("{value:e}"))))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
                Ok(Value::String(value.to_owned()))
            }
            fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
                Ok(Value::String(value))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: serde::Deserializer<'de>>(self, inner: D) -> Result<Value, D::Error> {
                serde::Deserialize::deserialize(inner)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Value::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut entries: Vec<(String, Value)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if entries.iter().any(|(seen, _)| *seen == key) {
                        return Err(de::Error::custom(format_args!(
                            "`{}` is given twice",
                            excerpt(&key)
                        )));
                    }
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Value::Object(entries))
            }
        }

        deserializer.deserialize_any(ValueVisitor)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    read_struct! {
        #[derive(Debug, Default, PartialEq)]
        struct Inner {
            count: u32,
        }
    }

    read_struct! {
        #[derive(Debug, Default, PartialEq)]
        struct Outer {
            name: String,
            inner: Inner,
            list: Vec<Inner> = default,
            flag: bool = default,
            maybe: Option<String> = default,
        }
    }

    impl Document for Outer {
        const NAME: &'static str = "an outer";
    }

    fn errors(json: &str) -> Vec<String> {
        let value = Value::from_json(json).expect("JSON");
        match document::<Outer>(&value, None, Error::InvalidRequest) {
            Ok(_) => vec![],
            Err(error) => error.fields().iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn reads_a_document() {
        let value = Value::from_json(
            r#"{ "name": "x", "inner": { "count": 3 }, "list": [{ "count": 1 }], "maybe": null }"#,
        )
        .expect("JSON");
        let outer: Outer = document(&value, None, Error::InvalidRequest).expect("valid");
        assert_eq!(
            outer,
            Outer {
                name: "x".into(),
                inner: Inner { count: 3 },
                list: vec![Inner { count: 1 }],
                flag: false,
                maybe: None,
            }
        );
    }

    #[test]
    fn names_every_problem_by_path_in_plain_words() {
        assert_eq!(
            errors(
                r#"{ "name": 5, "inner": { "count": -1 }, "list": [{ "count": 1.5 }, {}, { "count": "2" }],
                     "flag": null, "maybe": [], "nmae": "typo" }"#
            ),
            [
                "name: must be text, in double quotes; it is 5",
                "inner.count: must not be negative; it is -1",
                "list[0].count: must be a whole number; it is 1.5",
                "list[1]: is missing the required field `count`",
                "list[2].count: must be a whole number; it is the text \"2\"",
                "flag: must be true or false; it is null (empty)",
                "maybe: must be text, in double quotes; it is a list",
                "nmae: is not an outer field: the fields here are `name`, `inner`, `list`, `flag` and `maybe`",
            ]
        );
        assert_eq!(
            errors(r#"["not", "an object"]"#),
            ["(top level): must be a group of fields in { }; it is a list"]
        );
        // The key given twice: the second `"count"` ends at column 45, where serde_json stops.
        let twice = Value::from_json(r#"{ "name": "x", "inner": { "count": 1, "count": 2 } }"#)
            .expect_err("a key given twice");
        assert_eq!(twice.path, "inner");
        assert_eq!(
            twice.reason, "line 1, column 45: `count` is given twice",
            "{twice}"
        );
    }

    #[test]
    fn malformed_json_is_named_plainly_where_it_is() {
        // A trailing comma: serde_json stops at the `}` after it, line 3, column 1, looking for
        // the next key, whose name it does not know: the path says `?`.
        let comma = Value::from_json("{\n  \"name\": \"x\",\n}").expect_err("a trailing comma");
        assert_eq!(comma.path, "?");
        assert_eq!(
            comma.reason,
            "line 3, column 1: the file is not valid JSON: a comma before `}` or `]` has nothing \
             after it: remove the comma"
        );
        let unquoted = Value::from_json(r#"{ "name": x }"#).expect_err("text with no quotes");
        assert_eq!(
            unquoted.to_string(),
            "name: line 1, column 11: the file is not valid JSON: a value is missing, or a text is \
             not in double quotes"
        );
        let empty = Value::from_json("").expect_err("nothing");
        assert_eq!(
            empty.to_string(),
            "(top level): line 1, column 0: the file is not valid JSON: the file ends where a \
             value should be"
        );
        // Without a place (a source other than text), the words alone; an unknown message as it is.
        assert_eq!(
            plain_json_error("trailing characters"),
            "the file is not valid JSON: something follows the end of the document's last `}`"
        );
        assert_eq!(plain_json_error("something else"), "something else");
    }

    #[test]
    fn edit_distance_counts_letters_added_dropped_or_changed() {
        // By hand: one letter changed; two (a swap is two changes); one dropped; none.
        assert_eq!(edit_distance(b"guidence", b"guidance"), 1);
        assert_eq!(edit_distance(b"nmae", b"name"), 2);
        assert_eq!(edit_distance(b"flg", b"flag"), 1);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"same", b"same"), 0);
    }

    #[test]
    fn a_near_misspelling_names_the_field_once() {
        // `inner` is required and missing; `innr` is one letter from it (1 in 5 letters): said
        // once, at the misspelt key. `flg` is one from `flag` (1 in 4). `nmae` is two from `name`,
        // more than one in three letters: no suggestion, the list of fields instead.
        assert_eq!(
            errors(r#"{ "name": "x", "innr": { "count": 1 }, "flg": true }"#),
            [
                "innr: is not an outer field: did you mean `inner`?",
                "flg: is not an outer field: did you mean `flag`?",
            ]
        );
        assert_eq!(
            errors(r#"{ "nmae": "x", "inner": { "count": 1 } }"#),
            [
                "(top level): is missing the required field `name`",
                "nmae: is not an outer field: the fields here are `name`, `inner`, `list`, `flag` and `maybe`",
            ]
        );
    }

    #[test]
    fn a_root_names_where_the_document_sits() {
        let value = Value::from_json(r#"{ "inner": { "count": true } }"#).expect("JSON");
        let error =
            document::<Outer>(&value, Some("outer"), Error::InvalidRequest).expect_err("invalid");
        let fields: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
        assert_eq!(
            fields,
            [
                "outer: is missing the required field `name`",
                "outer.inner.count: must be a whole number; it is true"
            ]
        );
    }

    #[test]
    fn strings_are_quoted_as_debug_quotes_them() {
        for text in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\ttab\r\0",
            "\u{1}\u{7f}",
            "\u{1b}\u{9f}",
            "é ü 日本",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
    }

    #[test]
    fn lists_names_as_a_sentence_does() {
        assert_eq!(listed(&["a"], "or"), "`a`");
        assert_eq!(listed(&["a", "b"], "or"), "`a` or `b`");
        assert_eq!(listed(&["a", "b", "c"], "and"), "`a`, `b` and `c`");
    }

    /// JS prints a float with the shortest digits that read back as the same number, in exponent
    /// form past 10^21 and below 10^-6; Rust's `{:e}` prints the same digits in exponent form.
    /// Either way the text must be what serde's messages print.
    #[test]
    fn floats_read_as_serde_prints_them() {
        fn serde_text(value: f64) -> String {
            let text = value.to_string();
            if value.is_finite() && !text.contains('.') {
                format!("{text}.0")
            } else {
                text
            }
        }
        let mut values = vec![
            1.5,
            -1.5,
            0.1,
            3.0,
            12.5,
            1e21,
            1.5e-7,
            123456.789,
            2.5e-300,
            1.7976931348623157e308,
            -4.2e22,
            9007199254740993.0,
            5e-324,
            0.000001,
            0.0000001,
        ];
        let mut x = 0.7_f64;
        for _ in 0..500 {
            x = (x * 7919.0 + 0.123).fract() * 10f64.powi((x * 600.0) as i32 - 300);
            values.push(x);
            x = x.abs().fract() + 0.01;
        }
        for value in values {
            assert_eq!(
                float_text(&format!("{value:e}")),
                serde_text(value),
                "{value:e}"
            );
        }
        assert_eq!(float_text("1e+21"), "1000000000000000000000.0");
        assert_eq!(float_text("-1.5e-7"), "-0.00000015");
        assert_eq!(float_text("NaN"), "NaN");
        assert_eq!(float_text("Infinity"), "inf");
        assert_eq!(float_text("-Infinity"), "-inf");
        assert_eq!(float_text("0.5"), "0.5");
        assert_eq!(float_text("42"), "42.0");
    }
}
