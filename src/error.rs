//! The one error type: what went wrong, and where, in words a clinic's web admin can act on.

use std::borrow::Cow;
use std::fmt;

use crate::money::{BasisPoints, Cents, NotMoney};

/// The most problems one document reports one by one; past it they are counted. A document with a
/// million unknown keys gets a message of a hundred lines, not a million.
pub const MAX_PROBLEMS: usize = 100;

/// How much of what was typed a message quotes, in characters.
pub const EXCERPT_CHARS: usize = 80;

/// What a message quotes of `text`: all of it up to [`EXCERPT_CHARS`] characters, else the first
/// that many and `…`, so a 50-million-character answer is never echoed whole.
///
/// ```
/// use amnion_estimator::error::excerpt;
/// assert_eq!(excerpt("bunions"), "bunions");
/// let long = "x".repeat(81);
/// assert_eq!(excerpt(&long), format!("{}…", "x".repeat(80)));
/// ```
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", text.get(..cut).unwrap_or(text))),
    }
}

/// Why `text` cannot go on a document as it is, if it cannot: it holds a character that prints as
/// nothing or changes how the text around it reads. Those are the control characters (C0, DEL and
/// C1) and the bidirectional embeddings, overrides and isolates, U+202A to U+202E and U+2066 to
/// U+2069: a right-to-left override in a name makes it read backwards on the printed Good Faith
/// Estimate. Text in a right-to-left script needs none of them. (DESIGN.md, "Why are control and
/// text-direction characters refused?")
///
/// ```
/// use amnion_estimator::error::hidden_character;
/// assert_eq!(hidden_character("María José"), None);
/// assert_eq!(
///     hidden_character("Ana\u{202E}ziuR").as_deref(),
///     Some("must not contain control or text-direction characters; it has U+202E at character 4")
/// );
/// ```
pub fn hidden_character(text: &str) -> Option<String> {
    Hidden::in_text(text).map(|hidden| hidden.in_english())
}

/// The first character of a text that would not print as it reads ([`hidden_character`]): its
/// code point in hex (`202E`) and where it is, counting characters from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hidden {
    /// The code point, 4 hex digits or more, in capitals.
    pub code: String,
    /// Its place in the text, the first character being 1.
    pub at: usize,
}

impl Hidden {
    /// The first hidden character of `text`, if any.
    pub fn in_text(text: &str) -> Option<Hidden> {
        let hidden = |c: char| {
            c.is_control()
                || ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        };
        let (index, found) = text.chars().enumerate().find(|&(_, c)| hidden(c))?;
        Some(Hidden {
            code: hex(found, 4, b"0123456789ABCDEF"),
            at: index + 1,
        })
    }

    /// In English words, as [`hidden_character`] says it.
    pub fn in_english(&self) -> String {
        let Hidden { code, at } = self;
        format!(
            "must not contain control or text-direction characters; it has U+{code} at character {at}"
        )
    }
}

/// The code point of `c` in hex, with at least `at_least` digits (`1b`, `202E`), in the case of
/// `alphabet`'s letters. Written out here: `{:x}` would bring in the formatter's hex code.
pub(crate) fn hex(c: char, at_least: u32, alphabet: &[u8; 16]) -> String {
    let value = u32::from(c);
    let mut code = String::new();
    for shift in (0..6).rev().map(|digit| digit * 4) {
        if shift < at_least * 4 || value >> shift != 0 {
            code.push(char::from(alphabet[(value >> shift & 0xF) as usize]));
        }
    }
    code
}

/// The end of a message about what was typed: `it is "Texas"`, quoting at most its [`excerpt`],
/// or `it is empty`. Every price-book message that names a text ends so: `must be a two-letter
/// state code like TX; it is "Texas"`.
///
/// ```
/// use amnion_estimator::error::it_is;
/// assert_eq!(it_is("Texas"), "it is \"Texas\"");
/// assert_eq!(it_is(" "), "it is empty");
/// ```
pub fn it_is(text: &str) -> String {
    match text.trim().is_empty() {
        true => "it is empty".to_owned(),
        false => format!("it is \"{}\"", excerpt(text)),
    }
}

/// What was typed, as a message quotes it: `{}` writes its [`excerpt`].
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&excerpt(self.0))
    }
}

/// One problem with one field, named by its JSON path (`physical_therapy.sessions`,
/// `conditions[2].typical_injections.max`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// Where the problem is, as a JSON path into the request or price book.
    pub path: String,
    /// What is wrong, in words that read after the field's label (`must be $0.00 to
    /// $1,000,000.00; it is -$165.00`), or on their own under the field.
    pub reason: String,
}

/// The path of the last line of a list of problems cut at [`MAX_PROBLEMS`]: its reason counts
/// the rest.
pub const MORE_PROBLEMS: &str = "(more)";

impl FieldError {
    /// The last line of a list cut at [`MAX_PROBLEMS`]: `(more): 56 more problems, not listed`.
    pub(crate) fn more(count: usize) -> FieldError {
        FieldError::new(MORE_PROBLEMS, format!("{count} more problems, not listed"))
    }

    /// A problem at `path`.
    pub fn new(path: impl Into<String>, reason: impl Into<String>) -> FieldError {
        FieldError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Why an answer a person gave is refused, before it is put in words: [`Words::refusal`] writes it
/// in the answering visitor's language, `must be 0 to 40, got 400` or `debe ser de 0 a 40; se
/// recibió 400`. (The price book's problems are for the clinic's web admin and stay in English.)
///
/// [`Words::refusal`]: crate::language::Words::refusal
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal<'a> {
    /// No condition was chosen.
    ChooseCondition,
    /// An id the price book does not have.
    Unknown(Unknown, &'a str),
    /// A count left blank: `min` to `max`, or the keyword for "typical".
    ChooseCount {
        /// The fewest allowed.
        min: u32,
        /// The most allowed.
        max: u32,
        /// The word that asks for the typical count (`not_sure`, `typical`).
        keyword: &'a str,
    },
    /// A whole number outside `min..=max`.
    CountOutOfRange {
        /// The fewest allowed.
        min: u32,
        /// The most allowed.
        max: u32,
        /// The answer as given.
        got: &'a str,
    },
    /// Neither a whole number nor the keyword.
    NotACount {
        /// The fewest allowed.
        min: u32,
        /// The most allowed.
        max: u32,
        /// The word that asks for the typical count (`not_sure`, `typical`).
        keyword: &'a str,
        /// The answer as given.
        got: &'a str,
    },
    /// Typed text that is not an amount or a rate.
    Money(NotMoney<'a>),
    /// A dollar amount over `max`.
    AtMost {
        /// The most allowed.
        max: Cents,
        /// The answer as given.
        got: &'a str,
    },
    /// A count of covered visits that is not `0..=max` or blank.
    CoveredVisits {
        /// The most allowed.
        max: u32,
        /// The answer as given.
        got: &'a str,
    },
    /// An answer to "does the copay apply before the deductible?" that is not one of its choices.
    CopayBeforeDeductible(&'a str),
    /// An answer to "does the money go in through your employer's payroll?" that is not one of
    /// its choices.
    ThroughPayroll(&'a str),
    /// A federal income tax bracket typed as a fraction (`0.22`) or over the top bracket (37 %).
    FederalBracket(&'a str),
    /// Federal + state + payroll tax over 100 %.
    TaxOverWhole {
        /// The payroll tax rate.
        payroll: BasisPoints,
        /// The three rates together.
        combined: BasisPoints,
    },
}

/// What is wrong with a National Provider Identifier, before it is put in words
/// (`price_book::npi_fault` finds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpiFault {
    /// Ten digits whose last is not the check digit: most likely a typo.
    CheckDigit,
    /// Not ten digits.
    NotTenDigits,
}

impl NpiFault {
    /// The fault of `npi` in English words, after the field's label.
    pub fn in_english(self, npi: &str) -> String {
        match self {
            NpiFault::CheckDigit => format!(
                "has a last digit that does not match the other nine: check \"{npi}\" for a typo"
            ),
            NpiFault::NotTenDigits => format!("must be 10 digits; {}", it_is(npi)),
        }
    }
}

/// What kind of id a [`Refusal::Unknown`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// A condition.
    Condition,
    /// A product.
    Product,
    /// A financing plan.
    Plan,
}

/// Everything that can go wrong in this crate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The estimate request has bad fields; every one found is listed.
    InvalidRequest(Vec<FieldError>),
    /// The price book has bad fields; every one found is listed, so an admin can fix them all at once.
    InvalidPriceBook(Vec<FieldError>),
    /// An amount grew past what the arithmetic can hold. The price book's limits make this
    /// unreachable for valid input; it exists so that no input can cause a panic.
    Overflow,
}

impl Error {
    /// The field problems, if this error has any.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            Error::InvalidRequest(fields) | Error::InvalidPriceBook(fields) => fields,
            Error::Overflow => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields = match self {
            Error::Overflow => return f.write_str("an amount is too large to compute"),
            Error::InvalidRequest(fields) => fields,
            Error::InvalidPriceBook(fields) => {
                match fields.as_slice() {
                    [.., last] if last.path == MORE_PROBLEMS => writeln!(
                        f,
                        "the price book has more than {MAX_PROBLEMS} problems; the first {MAX_PROBLEMS}:"
                    )?,
                    [_] => writeln!(f, "the price book has 1 problem:")?,
                    _ => writeln!(f, "the price book has {} problems:", fields.len())?,
                }
                fields
            }
        };
        let mut lines = fields.iter();
        if let Some(first) = lines.next() {
            write!(f, "{first}")?;
        }
        lines.try_for_each(|field| write!(f, "\n{field}"))
    }
}

impl std::error::Error for Error {}

/// The paths a document's reader refused, where the document holds a default rather than what was
/// written:
/// `""` for the whole document, `clinic.npi`, `conditions[2]`. (DESIGN.md, "Why does validation
/// collect every error instead of stopping at the first?")
#[derive(Clone, Debug, Default)]
pub(crate) struct Defaulted(pub(crate) Vec<String>);

impl Defaulted {
    /// Whether `path` is refused, inside something refused, or holds something refused: whether
    /// what a rule finds there may come from a default rather than from the document.
    ///
    /// `clinic.npi` is touched by a refused `clinic`, `clinic.npi` or `clinic.npi.x`, not by a
    /// refused `clinic.np` or `clinic.npi_2`.
    pub(crate) fn touches(&self, path: &str) -> bool {
        fn within(inner: &str, outer: &str) -> bool {
            inner.strip_prefix(outer).is_some_and(|rest| {
                outer.is_empty() || matches!(rest.as_bytes().first(), None | Some(b'.' | b'['))
            })
        }
        self.0
            .iter()
            .any(|refused| within(path, refused) || within(refused, path))
    }
}

/// Collects the field problems of one document, then turns them into one [`Error`]. (Unlike a
/// document's reader, the rules need no cap: the list limits bound how many they can find.)
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldError>, Defaulted);

impl Problems {
    /// Problems of a document whose reader refused `refused`: a rule's problem there is not
    /// recorded, as it would be about a default, not about what was written (the reader's own
    /// problem says what is wrong).
    pub(crate) fn after_reading(defaulted: Defaulted) -> Problems {
        Problems(Vec::new(), defaulted)
    }

    /// Whether the reader refused `path`, or something in it or around it: a rule that compares
    /// with it skips the comparison then (a condition's procedure code is not missing from
    /// `administration_fees` because that list could not be read).
    pub(crate) fn refused(&self, path: &str) -> bool {
        self.1.touches(path)
    }

    /// Records a problem at `path`, unless the reader refused it.
    pub(crate) fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.record(path.into(), reason.into());
    }

    /// [`Problems::add`]'s work, one copy for every kind of path and reason.
    #[inline(never)]
    fn record(&mut self, path: String, reason: String) {
        if !self.refused(&path) {
            self.0.push(FieldError { path, reason });
        }
    }

    /// Records a problem at `path` if `text` holds a character that would not print as it reads
    /// ([`hidden_character`]).
    pub(crate) fn printable(&mut self, path: impl Into<String>, text: &str) {
        if let Some(reason) = hidden_character(text) {
            self.add(path, reason);
        }
    }

    /// Records a problem at `path` unless `ok`.
    pub(crate) fn check(
        &mut self,
        ok: bool,
        path: impl Into<String>,
        reason: impl FnOnce() -> String,
    ) {
        if !ok {
            self.add(path, reason());
        }
    }

    /// How many problems are recorded.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// The recorded problems.
    pub(crate) fn into_fields(self) -> Vec<FieldError> {
        self.0
    }

    /// `Ok(value)` if nothing was recorded, else the recorded problems wrapped by `kind`.
    pub(crate) fn into_result<T>(
        self,
        value: T,
        kind: fn(Vec<FieldError>) -> Error,
    ) -> Result<T, Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(kind(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Defaulted;

    #[test]
    fn refused_paths_touch_what_is_in_and_around_them() {
        let defaulted = Defaulted(vec!["clinic.npi".into(), "conditions[2]".into()]);
        assert!(defaulted.touches("clinic.npi"));
        assert!(defaulted.touches("clinic"));
        assert!(defaulted.touches("clinic.npi.x"));
        assert!(defaulted.touches("conditions[2].id"));
        assert!(!defaulted.touches("clinic.np"));
        assert!(!defaulted.touches("clinic.npi_2"));
        assert!(!defaulted.touches("conditions[20].id"));
        assert!(Defaulted(vec![String::new()]).touches("anything"));
    }
}
