//! The one error type: what went wrong, and where, in words a clinic's web admin can act on.

use std::fmt;

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
