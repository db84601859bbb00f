//! The one error type: what went wrong, and where, in words a clinic's web admin can act on.

use std::fmt;

use crate::money::{BasisPoints, Cents, NotMoney};

/// One problem with one field, named by its JSON path (`physical_therapy.sessions`,
/// `conditions[2].typical_injections.max`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// Where the problem is, as a JSON path into the request or price book.
    pub path: String,
    /// What is wrong, e.g. `must be 0 to 40, got 400`.
    pub reason: String,
}

impl FieldError {
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
    /// Federal + state + payroll tax over 100 %.
    TaxOverWhole {
        /// The payroll tax rate.
        payroll: BasisPoints,
        /// The three rates together.
        combined: BasisPoints,
    },
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
                writeln!(f, "the price book has {} error(s):", fields.len())?;
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

/// Collects the field problems of one document, then turns them into one [`Error`].
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldError>);

impl Problems {
    /// Records a problem at `path`.
    pub(crate) fn add(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.0.push(FieldError::new(path, reason));
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
