//! The sample price book for the native tests of price books and staff quotes (`tests/quotes.rs`,
//! `tests/quote_documents.rs`, `tests/partners.rs`, `tests/limits.rs`, `tests/quote_numbers.rs`):
//! the book itself, its JSON to edit, its problems as lines, a quote request for the same patient
//! priced at it, and the parts of a Good Faith Estimate that every test reads the same way; and the
//! saved quote files kept as fixtures (`tests/saved_quotes.rs`, `tests/revisions.rs`). The
//! sample's prices are listed in `tests/cases/mod.rs`; the amounts stay in each test, by hand.

#![allow(dead_code)]

use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::quote::{quote, GoodFaithEstimate, Quote, QuoteRequest, SavedQuote};
use serde_json::Value;

/// The embedded sample book (`src/price_book/default.json`).
pub fn book() -> PriceBook {
    PriceBook::embedded_default().expect("valid")
}

/// The saved quote file `name` of `tests/fixtures/saved-quotes/`, read.
pub fn saved_quote(name: &str) -> SavedQuote {
    let path = format!(
        "{}/tests/fixtures/saved-quotes/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} reads: {e}"))
}

/// The sample book as JSON, to edit.
pub fn sample() -> Value {
    serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON")
}

/// The problems of a book, as `path: reason` lines.
pub fn problems(book: &Value) -> Vec<String> {
    match PriceBook::from_json(&book.to_string()) {
        Ok(_) => Vec::new(),
        Err(error) => error.fields().iter().map(|f| f.to_string()).collect(),
    }
}

/// A quote request for the `side` ("left" or "right") foot: the common patient fields (Ana Ruiz,
/// born 1970-03-04, issued 2026-11-21) plus `treatment` (JSON object members), self-pay unless
/// `treatment` answers the coverage screening, and with the prompt-pay discount included unless it
/// says otherwise.
pub fn request_on(side: &str, treatment: &str) -> QuoteRequest {
    let json = format!(
        r#"{{ "patient": {{ "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }}, "side": "{side}",
             "issued_on": "2026-11-21", {treatment} }}"#
    );
    let mut request: Value = serde_json::from_str(&json).expect("well-formed quote request");
    let members = request.as_object_mut().expect("an object");
    members
        .entry("coverage")
        .or_insert_with(|| "self_pay".into());
    // Staff say whether the patient pays in full at the visit (a new quote's choice).
    members
        .entry("prompt_pay")
        .or_insert_with(|| "included".into());
    QuoteRequest::read(request).expect("well-formed quote request")
}

/// A quote request for the left foot: the common patient fields plus `treatment`.
pub fn request(treatment: &str) -> QuoteRequest {
    request_on("left", treatment)
}

/// The quote for `request_on(side, treatment)` at the sample book, which must price it.
pub fn priced_on(side: &str, treatment: &str) -> Quote {
    quote(&book(), &request_on(side, treatment)).unwrap_or_else(|e| panic!("{e}"))
}

/// The quote for `request(treatment)` (the left foot) at the sample book.
pub fn priced(treatment: &str) -> Quote {
    priced_on("left", treatment)
}

/// (service code, quantity, expected charge in cents) of each item of provider `index`.
pub fn items(document: &GoodFaithEstimate, index: usize) -> Vec<(&str, u32, i64)> {
    document.providers[index]
        .items
        .iter()
        .map(|i| {
            (
                i.service_code.as_str(),
                i.quantity,
                i.expected_charge.cents.get(),
            )
        })
        .collect()
}

/// The end of an English Good Faith Estimate issued on 2026-11-21, the same on every one: the four
/// disclaimers 45 CFR 149.610(c) asks for, in order (the dispute right with the statement that
/// starting a dispute will not affect the quality of care); a `GFE-` quote number; the date issued and
/// the valid-until date, 60 days later.
pub fn assert_disclaimers_number_and_dates(q: &Quote) {
    let gfe = &q.good_faith_estimate;
    let d = &gfe.disclaimers;
    assert_eq!(d.len(), 4);
    assert!(d[0].contains("not included in this Good Faith Estimate"));
    assert!(d[1].contains("actual items, services or charges may differ"));
    assert!(
        d[2].contains("$400")
            && d[2].contains("120 days")
            && d[2].contains("www.cms.gov/nosurprises")
            && d[2].ends_with(
                "Starting the patient-provider dispute resolution process will not adversely affect the \
                 quality of the health care services you receive from any provider or facility."
            ),
        "{}",
        d[2]
    );
    assert!(d[3].contains("not a contract"));
    assert!(
        q.quote_number.starts_with("GFE-") && q.quote_number.len() == 20,
        "{}",
        q.quote_number
    );
    assert_eq!(
        (gfe.issued_on.as_str(), gfe.valid_until.as_str()),
        ("November 21, 2026", "January 20, 2027")
    );
}
