//! Saves a quote as the staff page's Save does, for the fixtures in `tests/fixtures/saved-quotes/`:
//! `cargo run --example save_quote -- request.json tests/fixtures/saved-quotes/name.json [book.json]`
//! prices the request (a quote request as JSON) with the embedded sample price book, or with
//! `book.json`, and writes `quote.saved`.
//!
//! `cargo run --example save_quote -- --revise saved.json request.json out.json [book.json]`
//! reopens `saved.json` and prices the request as the staff page does once staff change the
//! reopened form (`Reopened::requote`), the request's `issued_on` being the page's date: it writes
//! the revision, or refuses when the request is the same document.
//!
//! It never overwrites a file: a fixture is what a release wrote, and is never edited.

use std::io::Write;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, reopen, QuoteRequest, SavedQuote};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let revise = args.first().is_some_and(|a| a == "--revise");
    let original = if revise {
        args.remove(0);
        Some(args.remove(0))
    } else {
        None
    };
    let mut args = args.into_iter();
    let (Some(request), Some(out), book, None) =
        (args.next(), args.next(), args.next(), args.next())
    else {
        return Err(
            "usage: save_quote [--revise SAVED.json] REQUEST.json OUT.json [BOOK.json]".into(),
        );
    };
    let text = std::fs::read_to_string(&request)?;
    let request = QuoteRequest::read(&mut serde_json::Deserializer::from_str(&text))?;
    let book = match book {
        None => PriceBook::embedded_default()?,
        Some(path) => PriceBook::from_json(&std::fs::read_to_string(path)?)?,
    };
    let quote = match original {
        None => quote(&book, &request)?,
        Some(path) => {
            let text = std::fs::read_to_string(&path)?;
            let saved = SavedQuote::read(&mut serde_json::Deserializer::from_str(&text))?;
            let reopened = reopen(&saved, &book)?;
            let revised = reopened.requote(&book, &request)?;
            if revised.quote_number == reopened.quote.quote_number {
                return Err(
                    format!("{path}: the request is the same document, not a revision").into(),
                );
            }
            revised
        }
    };
    let mut file = std::fs::File::create_new(&out)?;
    serde_json::to_writer_pretty(&mut file, &quote.saved)?;
    file.write_all(b"\n")?;
    println!("{out}: {}", quote.quote_number);
    Ok(())
}
