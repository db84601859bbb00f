//! Saves a quote as the staff page's Save does, for the fixtures in `tests/fixtures/saved-quotes/`:
//! `cargo run --example save_quote -- request.json tests/fixtures/saved-quotes/name.json [book.json]`
//! prices the request (a quote request as JSON) with the embedded sample price book, or with
//! `book.json`, and writes `quote.saved`.
//! It never overwrites a file: a fixture is what a release wrote, and is never edited.

use std::io::Write;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, QuoteRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(request), Some(out), book, None) =
        (args.next(), args.next(), args.next(), args.next())
    else {
        return Err("usage: save_quote REQUEST.json OUT.json [BOOK.json]".into());
    };
    let text = std::fs::read_to_string(&request)?;
    let request = QuoteRequest::read(&mut serde_json::Deserializer::from_str(&text))?;
    let book = match book {
        None => PriceBook::embedded_default()?,
        Some(path) => PriceBook::from_json(&std::fs::read_to_string(path)?)?,
    };
    let quote = quote(&book, &request)?;
    let mut file = std::fs::File::create_new(&out)?;
    serde_json::to_writer_pretty(&mut file, &quote.saved)?;
    file.write_all(b"\n")?;
    println!("{out}: {}", quote.quote_number);
    Ok(())
}
