//! Checks price book files before they are published:
//! `cargo run --bin check-price-book -- clinic-prices.json` (or `make check-price-book FILE=...`).
//!
//! Prints every problem with its JSON path and exits 1, or a one-line summary, a table of every
//! price it read, in dollars, and every warning, and exits 0. It runs the same validation the widget
//! runs when it loads the book, and reports every problem in one pass: a misspelt field does not
//! hide a bad price. The words are the core's, the same the price-book editor shows. The table is
//! there to be read by eye, and the warnings point at what looks like a unit mistake: `$11.00`
//! where `$1,100.00` was meant passes every rule, but is low for a product.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use amnion_estimator::price_book::{warnings, PriceBook};
    use amnion_estimator::read::Value;
    use amnion_estimator::Error;
    use std::process::ExitCode;

    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: check-price-book FILE.json [FILE.json ...]");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for path in &paths {
        let outcome = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read it: {error}"))
            .and_then(|json| {
                let value = Value::from_json(&json)
                    .map_err(|field| Error::InvalidPriceBook(vec![field]).to_string())?;
                let book = PriceBook::from_value(&value).map_err(|error| error.to_string())?;
                Ok((value, book))
            });
        match outcome {
            Ok((value, book)) => {
                let document = book.document();
                println!(
                    "{path}: OK: version {}, effective {}, {} conditions, {} products",
                    document.version,
                    document.effective_date,
                    document.conditions.len(),
                    document.products.len()
                );
                print!("{}", price_table(&value));
                // Warnings do not fail the check: the clinic may mean a $20 product.
                match warnings(document).as_slice() {
                    [] => println!("  warnings: none"),
                    found => {
                        println!(
                            "  warnings: {} (the book is valid; check each):",
                            found.len()
                        );
                        for warning in found {
                            println!("  {warning}");
                        }
                    }
                }
            }
            Err(problems) => {
                failed = true;
                println!("{path}: {problems}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every price in the book, one line each, as the fee schedule lists them: code, description (its
/// English label; a partner's service with the partner's name), the cash price and, for therapy,
/// the amount insurance usually allows, in dollars, aligned so a misplaced decimal stands out.
#[cfg(not(target_arch = "wasm32"))]
fn price_table(book: &amnion_estimator::read::Value) -> String {
    use amnion_estimator::price_book::fee_schedule;
    use std::fmt::Write;

    /// The widest a description is shown, in characters; a longer one is cut with `…`.
    const LABEL_CHARS: usize = 60;
    let cut = |text: &str| match text.char_indices().nth(LABEL_CHARS - 1) {
        Some((end, _)) if text.chars().count() > LABEL_CHARS => {
            format!("{}…", text.get(..end).unwrap_or(text))
        }
        _ => text.to_owned(),
    };
    let dollars =
        |cents: Option<_>| cents.map(|cents: amnion_estimator::money::Cents| cents.to_string());
    let rows: Vec<[String; 4]> = fee_schedule::rows(book)
        .into_iter()
        .map(|row| {
            [
                row.code,
                cut(&row.description),
                dollars(row.cash).unwrap_or_default(),
                dollars(row.allowed).unwrap_or_default(),
            ]
        })
        .collect();
    let width = |column: usize| {
        rows.iter()
            .map(|row| row[column].chars().count())
            .max()
            .unwrap_or(0)
    };
    let (code, label, cash, allowed) = (width(0), width(1), width(2).max(4), width(3).max(16));
    let mut table = format!(
        "  prices read, in dollars:\n  {:<code$}  {:<label$}  {:>cash$}  {:>allowed$}\n",
        "", "", "cash", "insurance allows"
    );
    for [c, l, p, a] in &rows {
        let line = format!("  {c:<code$}  {l:<label$}  {p:>cash$}  {a:>allowed$}");
        let _ = writeln!(table, "{}", line.trim_end());
    }
    table
}

#[cfg(target_arch = "wasm32")]
fn main() {}
