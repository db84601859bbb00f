//! Checks price book files before they are published:
//! `cargo run --bin check-price-book -- clinic-prices.json` (or `make check-price-book FILE=...`).
//!
//! Prints every problem with its JSON path and exits 1, or a one-line summary and exits 0. It runs
//! the same validation the widget runs when it loads the book.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use amnion_estimator::price_book::PriceBook;
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
            .and_then(|json| PriceBook::from_json(&json).map_err(|error| error.to_string()));
        match outcome {
            Ok(book) => {
                let document = book.document();
                println!(
                    "{path}: OK: version {}, effective {}, {} conditions, {} products",
                    document.version,
                    document.effective_date,
                    document.conditions.len(),
                    document.products.len()
                );
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

#[cfg(target_arch = "wasm32")]
fn main() {}
