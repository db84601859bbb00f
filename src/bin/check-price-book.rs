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
                print!("{}", price_table(document));
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

/// Every price in the book, one line each: code, description (its English label) and the price in
/// dollars, aligned so a misplaced decimal stands out. A therapy partner's prices follow its name.
#[cfg(not(target_arch = "wasm32"))]
fn price_table(book: &amnion_estimator::price_book::PriceBookDocument) -> String {
    use amnion_estimator::money::Cents;
    use amnion_estimator::price_book::PricedService;
    use std::fmt::Write;

    /// The widest a label is shown, in characters; a longer one is cut with `…`.
    const LABEL_CHARS: usize = 60;
    let cut = |text: &str| match text.char_indices().nth(LABEL_CHARS - 1) {
        Some((end, _)) if text.chars().count() > LABEL_CHARS => {
            format!("{}…", text.get(..end).unwrap_or(text))
        }
        _ => text.to_owned(),
    };

    // Each row: code, description and price; a row with no price is a heading (a partner's name).
    let mut rows: Vec<(&str, String, Option<Cents>)> = Vec::new();
    for product in &book.products {
        rows.push((
            &product.hcpcs,
            cut(&product.label.en),
            Some(product.price_cents),
        ));
    }
    let services: [&PricedService; 3] = [
        &book.ultrasound_guidance,
        &book.visits.consultation,
        &book.walking_boot,
    ];
    for service in book.administration_fees.iter().chain(services) {
        rows.push((
            &service.code,
            cut(&service.label.en),
            Some(service.price_cents),
        ));
    }
    for extra in &book.extras {
        rows.push((&extra.code, cut(&extra.label.en), Some(extra.price_cents)));
    }
    let partners = book.therapy_partners.iter();
    let therapy = std::iter::once((None, &book.physical_therapy))
        .chain(partners.map(|partner| (Some(&partner.name), &partner.physical_therapy)));
    for (partner, prices) in therapy {
        if let Some(name) = partner {
            rows.push(("", format!("{}, therapy partner:", cut(name)), None));
        }
        for service in [&prices.evaluation, &prices.session] {
            let label = cut(&service.label.en);
            rows.push((
                &service.code,
                format!("{label}, cash"),
                Some(service.cash_price_cents),
            ));
            let allowed = format!("{label}, insurance allowed");
            rows.push((&service.code, allowed, Some(service.allowed_cents)));
        }
    }

    let priced = rows
        .iter()
        .filter_map(|(code, label, price)| Some((code, label, (*price)?)));
    let code_width = priced
        .clone()
        .map(|row| row.0.chars().count())
        .max()
        .unwrap_or(0);
    let label_width = priced
        .clone()
        .map(|row| row.1.chars().count())
        .max()
        .unwrap_or(0);
    let price_width = priced.map(|row| row.2.to_string().len()).max().unwrap_or(0);
    let mut table = String::from("  prices read, in dollars:\n");
    for (code, label, price) in &rows {
        let _ = match price {
            Some(price) => writeln!(
                table,
                "  {code:<code_width$}  {label:<label_width$}  {:>price_width$}",
                price.to_string()
            ),
            None => writeln!(table, "  {label}"),
        };
    }
    table
}

#[cfg(target_arch = "wasm32")]
fn main() {}
