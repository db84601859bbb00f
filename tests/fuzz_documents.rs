//! Hostile, huge and old documents, byte by byte: the JSON text of the sample price book
//! (`src/price_book/default.json`) and of a saved quote, mutated (truncated, bits flipped, keys
//! given twice or renamed as an older or newer file would name them, numbers made huge, values
//! retyped or nested thousands deep, strings with invalid UTF-8 or bad escapes, a label a megabyte
//! long, ranges deleted or copied elsewhere), then read as the crate reads documents natively:
//! `serde_json` and `serde_path_to_error` into a value tree, then `src/read.rs` and the price
//! book's rules.
//!
//! Whatever the bytes, reading never panics, and every refusal names where: each problem has a
//! path (`conditions[2].label`, or `(top level)`) and a reason. A document that is read is used: a
//! price book prices an estimate and a quote, a saved quote is reopened; those too end in `Ok` or
//! in a refusal that names its fields, never in an overflow. The same bytes read from a byte slice
//! and, when they are UTF-8, from a string give the same answer.
//!
//! Bounded by default (400 books, 200 saved quotes: a second or two in debug); `FUZZ_CASES` sets
//! both (`make fuzz`).

#![cfg(not(target_arch = "wasm32"))]

mod fuzz_runner;

use std::ops::Range;
use std::sync::OnceLock;

use amnion_estimator::estimate::{estimate, EstimateRequest};
use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::quote::{quote, reopen, QuoteRequest, SavedQuote};
use amnion_estimator::Error;
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestCaseResult};

// ---------------------------------------------------------------------------------------------
// The documents

fn sample_book() -> &'static PriceBook {
    static BOOK: OnceLock<PriceBook> = OnceLock::new();
    BOOK.get_or_init(|| PriceBook::embedded_default().expect("the sample is valid"))
}

/// A quote that uses much of the format: therapy through insurance, extras, a staff discount, a
/// range, and a co-provider.
const QUOTE_REQUEST: &str = r#"{
    "coverage": "self_pay", "prompt_pay": "included",
    "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" },
    "side": "right", "issued_on": "2026-11-21", "scheduled_on": "2026-12-03",
    "answers": { "condition": "achilles_tendinopathy", "injections": "2", "consultation": true,
                 "walking_boot": true, "language": "es",
                 "physical_therapy": { "coverage": "insurance", "sessions": "6",
                     "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20",
                                    "covered_visits_remaining": "4", "out_of_pocket_remaining": "400" } } },
    "injections_up_to": "3",
    "extras": { "follow_up": "2" },
    "staff_discount": { "percent": "", "amount": "100", "reason": "Returning patient" },
    "therapy_elsewhere": true,
    "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                          "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95",
                          "evaluation_allowed": "110", "session_allowed": "85" }
}"#;

/// The saved part of that quote, as "Save quote" writes it.
fn saved_quote_json() -> &'static [u8] {
    static SAVED: OnceLock<Vec<u8>> = OnceLock::new();
    SAVED.get_or_init(|| {
        let request = QuoteRequest::read(&mut serde_json::Deserializer::from_str(QUOTE_REQUEST))
            .expect("a well-formed request");
        let quoted = quote(sample_book(), &request).expect("a valid quote");
        serde_json::to_vec(&quoted.saved).expect("a saved quote is JSON")
    })
}

// ---------------------------------------------------------------------------------------------
// Mutations

/// Where things are in JSON text, or in what is left of it after earlier mutations: strings (with
/// their quotes), those of them that are keys, numbers, and scalar values (strings, numbers,
/// `true`, `false`, `null` that are not keys).
#[derive(Default)]
struct Spans {
    strings: Vec<Range<usize>>,
    keys: Vec<Range<usize>>,
    numbers: Vec<Range<usize>>,
    scalars: Vec<Range<usize>>,
}

fn scan(bytes: &[u8]) -> Spans {
    let mut spans = Spans::default();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                let next = bytes[i..].iter().find(|b| !b.is_ascii_whitespace());
                spans.strings.push(start..i);
                if next == Some(&b':') {
                    spans.keys.push(start..i);
                } else {
                    spans.scalars.push(start..i);
                }
            }
            b'-' | b'0'..=b'9' => {
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                spans.numbers.push(start..i);
                spans.scalars.push(start..i);
            }
            b't' | b'f' | b'n' => {
                while i < bytes.len() && bytes[i].is_ascii_lowercase() {
                    i += 1;
                }
                spans.scalars.push(start..i);
            }
            _ => i += 1,
        }
    }
    spans
}

/// Numbers no price book has: past `u32`, `i64` and `u64`, past `f64`, fractions, negative zero.
const HUGE_NUMBERS: [&str; 16] = [
    "4294967296",
    "2147483648",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "99999999999999999999999999999999999999",
    "1e999",
    "-1e999",
    "1e308",
    "5e-324",
    "1.5",
    "-0",
    "1E2",
    "100000001",
];

/// Values of other types, for a value or a key given twice.
const OTHER_VALUES: [&str; 12] = [
    "null",
    "true",
    "false",
    "\"\"",
    "\"12\"",
    "[]",
    "{}",
    "[1,2]",
    "{\"a\":1}",
    "0",
    "-1",
    "\"x\"",
];

/// Bytes that are not UTF-8: a lone continuation byte, an overlong NUL, a surrogate, a truncated
/// sequence, past U+10FFFF, 0xFF.
const NOT_UTF8: [&[u8]; 6] = [
    b"\x80",
    b"\xC0\x80",
    b"\xED\xA0\x80",
    b"\xE2\x82",
    b"\xF4\x90\x80\x80",
    b"\xFF",
];

/// Escapes inside a string: NUL, lone surrogates, a pair, a short or unknown escape.
const ESCAPES: [&str; 8] = [
    "\\u0000",
    "\\ud800",
    "\\udfff",
    "\\uD83D\\uDE00",
    "\\u12",
    "\\x41",
    "\\\"",
    "\\",
];

/// A place in a list or in the text: the `n`th, counted round (so it shrinks toward the first).
#[derive(Clone, Copy, Debug)]
struct At(usize);

impl At {
    /// The place in a list of `len` (which is not empty).
    fn of(self, len: usize) -> usize {
        self.0 % len
    }
}

impl Arbitrary for At {
    type Parameters = ();
    type Strategy = prop::strategy::Map<std::ops::Range<usize>, fn(usize) -> At>;
    fn arbitrary_with((): ()) -> Self::Strategy {
        (0..usize::MAX).prop_map(At)
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Cut the text there.
    Truncate(At),
    /// Flip one bit of one byte.
    FlipBit(At, u8),
    /// Remove up to 64 bytes.
    Delete(At, usize),
    /// Copy up to 256 bytes from one place to another.
    Copy(At, At, usize),
    /// Give a key twice: a copy of it with another value before it.
    DuplicateKey(At, usize),
    /// Rename a key, as a file from an older or newer version would have it.
    RenameKey(At),
    /// Change one digit of a number: still JSON, other figures.
    Digit(At, u8),
    /// Replace a number with one of `HUGE_NUMBERS`.
    HugeNumber(At, usize),
    /// Replace a scalar with one of `OTHER_VALUES`.
    Retype(At, usize),
    /// Replace a scalar with a value nested this deep, in arrays or in objects.
    Nest(At, usize, bool),
    /// Put one of `NOT_UTF8` inside a string.
    NotUtf8(At, usize),
    /// Put one of `ESCAPES` inside a string.
    Escape(At, usize),
    /// Repeat a string value's text until it is about this many bytes long.
    Huge(At, usize),
    /// The saved-quote format of another version.
    OtherFormat(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<At>().prop_map(Mutation::Truncate),
        6 => (any::<At>(), 0..8u8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        2 => (any::<At>(), 1..=64usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        2 => (any::<At>(), any::<At>(), 1..=256usize).prop_map(|(from, to, n)| Mutation::Copy(from, to, n)),
        3 => (any::<At>(), 0..OTHER_VALUES.len()).prop_map(|(key, value)| Mutation::DuplicateKey(key, value)),
        2 => any::<At>().prop_map(Mutation::RenameKey),
        4 => (any::<At>(), 0..10u8).prop_map(|(at, digit)| Mutation::Digit(at, digit)),
        4 => (any::<At>(), 0..HUGE_NUMBERS.len()).prop_map(|(at, n)| Mutation::HugeNumber(at, n)),
        4 => (any::<At>(), 0..OTHER_VALUES.len()).prop_map(|(at, v)| Mutation::Retype(at, v)),
        2 => (
            any::<At>(),
            prop_oneof![4 => 1..=140usize, 1 => 1..=5_000usize],
            any::<bool>(),
        )
            .prop_map(|(at, depth, arrays)| Mutation::Nest(at, depth, arrays)),
        3 => (any::<At>(), 0..NOT_UTF8.len()).prop_map(|(at, b)| Mutation::NotUtf8(at, b)),
        2 => (any::<At>(), 0..ESCAPES.len()).prop_map(|(at, e)| Mutation::Escape(at, e)),
        1 => (any::<At>(), prop_oneof![1_000..=100_000usize, Just(1_000_000usize)])
            .prop_map(|(at, size)| Mutation::Huge(at, size)),
        1 => (0..3usize).prop_map(Mutation::OtherFormat),
    ]
}

/// Replaces `range` of `bytes` with `with`.
fn splice(bytes: &mut Vec<u8>, range: Range<usize>, with: &[u8]) {
    bytes.splice(range, with.iter().copied());
}

/// The span `at` picks from `spans`, if there is any.
fn pick(spans: &[Range<usize>], at: &At) -> Option<Range<usize>> {
    (!spans.is_empty()).then(|| spans[at.of(spans.len())].clone())
}

impl Mutation {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let spans = scan(bytes);
        let len = bytes.len();
        match self {
            Mutation::Truncate(at) => bytes.truncate(at.of(len + 1)),
            Mutation::FlipBit(at, bit) if len > 0 => bytes[at.of(len)] ^= 1 << bit,
            Mutation::Delete(at, n) if len > 0 => {
                let start = at.of(len);
                bytes.drain(start..(start + n).min(len));
            }
            Mutation::Copy(from, to, n) if len > 0 => {
                let start = from.of(len);
                let piece = bytes[start..(start + n).min(len)].to_vec();
                let to = to.of(len + 1);
                splice(bytes, to..to, &piece);
            }
            Mutation::DuplicateKey(at, value) => {
                if let Some(key) = pick(&spans.keys, at) {
                    let mut member = bytes[key.clone()].to_vec();
                    member.extend_from_slice(b": ");
                    member.extend_from_slice(OTHER_VALUES[*value].as_bytes());
                    member.extend_from_slice(b", ");
                    splice(bytes, key.start..key.start, &member);
                }
            }
            Mutation::RenameKey(at) => {
                if let Some(key) = pick(&spans.keys, at) {
                    let end = key.end.saturating_sub(1).max(key.start);
                    splice(bytes, end..end, b"_old");
                }
            }
            Mutation::Digit(at, digit) => {
                let digits: Vec<usize> = spans
                    .numbers
                    .iter()
                    .flat_map(|number| number.clone())
                    .filter(|&i| bytes[i].is_ascii_digit())
                    .collect();
                if !digits.is_empty() {
                    bytes[digits[at.of(digits.len())]] = b'0' + digit;
                }
            }
            Mutation::HugeNumber(at, n) => {
                if let Some(number) = pick(&spans.numbers, at) {
                    splice(bytes, number, HUGE_NUMBERS[*n].as_bytes());
                }
            }
            Mutation::Retype(at, value) => {
                if let Some(scalar) = pick(&spans.scalars, at) {
                    splice(bytes, scalar, OTHER_VALUES[*value].as_bytes());
                }
            }
            Mutation::Nest(at, depth, arrays) => {
                if let Some(scalar) = pick(&spans.scalars, at) {
                    let (open, close) = if *arrays {
                        ("[", "]")
                    } else {
                        ("{\"a\":", "}")
                    };
                    let nested = format!("{}0{}", open.repeat(*depth), close.repeat(*depth));
                    splice(bytes, scalar, nested.as_bytes());
                }
            }
            Mutation::NotUtf8(at, b) => {
                if let Some(string) = pick(&spans.strings, at) {
                    let inside = (string.start + 1).min(string.end);
                    splice(bytes, inside..inside, NOT_UTF8[*b]);
                }
            }
            Mutation::Escape(at, e) => {
                if let Some(string) = pick(&spans.strings, at) {
                    let inside = (string.start + 1).min(string.end);
                    splice(bytes, inside..inside, ESCAPES[*e].as_bytes());
                }
            }
            Mutation::Huge(at, size) => {
                let strings: Vec<_> = spans
                    .scalars
                    .iter()
                    .filter(|s| bytes[s.start] == b'"')
                    .cloned()
                    .collect();
                if let Some(string) = pick(&strings, at) {
                    let text = bytes
                        [string.start + 1..string.end.saturating_sub(1).max(string.start + 1)]
                        .to_vec();
                    if !text.is_empty() {
                        let copies = (size / text.len()).max(1);
                        let inside = string.start + 1;
                        splice(bytes, inside..inside, &text.repeat(copies));
                    }
                }
            }
            Mutation::OtherFormat(n) => {
                // This release writes format 2; it reads format 1 too (whose number the file
                // then does not give), and refuses a newer format or none.
                let current = b"amnion-estimator/quote/2";
                let other: [&[u8]; 3] = [
                    b"amnion-estimator/quote/1",
                    b"amnion-estimator/quote/3",
                    b"",
                ];
                if let Some(at) = bytes.windows(current.len()).position(|w| w == current) {
                    splice(bytes, at..at + current.len(), other[*n]);
                }
            }
            // Nothing left to flip, delete or copy.
            Mutation::FlipBit(..) | Mutation::Delete(..) | Mutation::Copy(..) => {}
        }
    }
}

/// One mutation (half the time), or 2 to 4 applied in turn.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop_oneof![
        prop::collection::vec(mutation(), 1..=1),
        prop::collection::vec(mutation(), 2..=4),
    ]
}

fn mutated(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for mutation in mutations {
        mutation.apply(&mut bytes);
    }
    bytes
}

// ---------------------------------------------------------------------------------------------
// Checks

/// A refusal names where: some problem, and each with a path and a reason. An overflow is never the
/// answer to a document.
fn names_where(error: &Error) -> TestCaseResult {
    prop_assert!(
        !matches!(error, Error::Overflow),
        "an overflow from a document"
    );
    prop_assert!(
        !error.fields().is_empty(),
        "a refusal names its fields: {:?}",
        error
    );
    for field in error.fields() {
        prop_assert!(
            !field.path.trim().is_empty(),
            "a problem with no path: {:?}",
            field
        );
        prop_assert!(
            !field.reason.trim().is_empty(),
            "a problem with no reason: {:?}",
            field
        );
    }
    Ok(())
}

/// `result` is `Ok`, or a refusal that names where.
fn read_or_refused<T>(result: &Result<T, Error>) -> TestCaseResult {
    match result {
        Ok(_) => Ok(()),
        Err(error) => names_where(error),
    }
}

/// A book that is read prices an estimate (through insurance, with a range) and a quote.
fn book_is_usable(book: &PriceBook) -> TestCaseResult {
    let condition = book.document().conditions[0].id.clone();
    let request: EstimateRequest = serde_json::from_str(&format!(
        r#"{{ "condition": {condition:?}, "injections": "not_sure", "consultation": true, "walking_boot": true,
             "physical_therapy": {{ "coverage": "insurance", "sessions": "typical",
                 "insurance": {{ "deductible_remaining": "150", "coinsurance_percent": "20", "out_of_pocket_remaining": "400" }} }} }}"#
    ))
    .map_err(|e| TestCaseError::fail(e.to_string()))?;
    read_or_refused(&estimate(book, &request))?;
    let request = QuoteRequest::read(&mut serde_json::Deserializer::from_str(QUOTE_REQUEST))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    read_or_refused(&quote(book, &request))
}

/// The same bytes, read from a slice and (when UTF-8) from a string, give the same answer.
fn as_price_book(bytes: &[u8]) -> Result<Option<PriceBook>, TestCaseError> {
    let read = PriceBook::read(&mut serde_json::Deserializer::from_slice(bytes));
    if let Ok(text) = std::str::from_utf8(bytes) {
        prop_assert_eq!(
            &PriceBook::from_json(text),
            &read,
            "from a string as from bytes"
        );
    }
    read_or_refused(&read)?;
    Ok(read.ok())
}

fn as_saved_quote(bytes: &[u8]) -> Result<Option<SavedQuote>, TestCaseError> {
    let read = SavedQuote::read(&mut serde_json::Deserializer::from_slice(bytes));
    if let Ok(text) = std::str::from_utf8(bytes) {
        let from_text = SavedQuote::read(&mut serde_json::Deserializer::from_str(text));
        prop_assert_eq!(&from_text, &read, "from a string as from bytes");
    }
    read_or_refused(&read)?;
    Ok(read.ok())
}

/// Every other document the crate reads, from the same bytes: never a panic, refusals by path.
fn as_requests(bytes: &[u8]) -> TestCaseResult {
    read_or_refused(&EstimateRequest::read(
        &mut serde_json::Deserializer::from_slice(bytes),
    ))?;
    read_or_refused(&QuoteRequest::read(
        &mut serde_json::Deserializer::from_slice(bytes),
    ))
}

// ---------------------------------------------------------------------------------------------
// Targets

#[test]
fn mutated_price_books_are_read_or_refused_by_path() {
    fuzz_runner::run(
        file!(),
        "mutated_price_books_are_read_or_refused_by_path",
        400,
        mutations(),
        |mutations| {
            let bytes = mutated(DEFAULT_PRICE_BOOK_JSON.as_bytes(), &mutations);
            if let Some(book) = as_price_book(&bytes)? {
                book_is_usable(&book)?;
            }
            as_saved_quote(&bytes)?;
            as_requests(&bytes)
        },
    );
}

#[test]
fn mutated_saved_quotes_are_reopened_or_refused_by_path() {
    fuzz_runner::run(
        file!(),
        "mutated_saved_quotes_are_reopened_or_refused_by_path",
        200,
        mutations(),
        |mutations| {
            let bytes = mutated(saved_quote_json(), &mutations);
            if let Some(saved) = as_saved_quote(&bytes)? {
                read_or_refused(&reopen(&saved, sample_book()))?;
            }
            as_price_book(&bytes)?;
            as_requests(&bytes)
        },
    );
}

/// The mutations do what they say, on a small document, so the targets above are fed what their
/// names promise.
#[test]
fn each_mutation_does_what_it_says() {
    let text = br#"{"a": 12, "b": "xy", "c": [true, null]}"#;
    let index = At;
    let apply =
        |mutation: Mutation| String::from_utf8_lossy(&mutated(text, &[mutation])).into_owned();
    // Place 0 picks the first span of its kind: key "a", number 12, scalar 12, string "a".
    assert_eq!(apply(Mutation::Truncate(index(0))), "");
    assert_eq!(
        apply(Mutation::DuplicateKey(index(0), 0)),
        r#"{"a": null, "a": 12, "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::RenameKey(index(0))),
        r#"{"a_old": 12, "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::Digit(index(1), 7)),
        r#"{"a": 17, "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::HugeNumber(index(0), 6)),
        r#"{"a": 18446744073709551616, "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::Retype(index(0), 5)),
        r#"{"a": [], "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::Nest(index(0), 3, true)),
        r#"{"a": [[[0]]], "b": "xy", "c": [true, null]}"#
    );
    assert_eq!(
        apply(Mutation::Escape(index(0), 1)),
        r#"{"\ud800a": 12, "b": "xy", "c": [true, null]}"#
    );
    // The only string value is "xy": 10 bytes of it is 5 copies more.
    assert_eq!(
        apply(Mutation::Huge(index(0), 10)),
        r#"{"a": 12, "b": "xyxyxyxyxyxy", "c": [true, null]}"#
    );
    let not_utf8 = mutated(text, &[Mutation::NotUtf8(index(0), 5)]);
    assert_eq!(&not_utf8[..4], b"{\"\xFFa");
    assert!(std::str::from_utf8(&not_utf8).is_err());
}

/// `OtherFormat` finds the format this release writes in a saved quote, so it is never a no-op.
#[test]
fn other_format_replaces_the_format_this_release_writes() {
    let original = saved_quote_json();
    for (n, format) in ["quote/1", "quote/3"].iter().enumerate() {
        let bytes = mutated(original, &[Mutation::OtherFormat(n)]);
        let text = String::from_utf8(bytes).expect("text");
        assert!(
            text.contains(&format!("\"amnion-estimator/{format}\"")),
            "{format}"
        );
    }
}
