//! The CSV export carries what a record system files an estimate by (issue 24, item 2): the quote
//! number, the patient, the issue date, each provider's NPI and TIN, and the discounts as lines of
//! their own, while the first eight columns stay what every release wrote (DESIGN.md, "The
//! estimate's items as CSV").

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::quote::reopen;

/// The CSV of the saved file `name`, as rows of cells (no cell here holds a quoted comma but the
/// descriptions, which these checks do not split).
fn csv_of(name: &str) -> Vec<String> {
    let saved = sample_book::saved_quote(name);
    let quote = reopen(&saved, &sample_book::book()).expect("reopens").quote;
    quote
        .csv
        .split("\r\n")
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The last `n` cells of a row (after any quoted description).
fn last(row: &str, n: usize) -> Vec<&str> {
    let mut cells: Vec<&str> = row.rsplitn(n + 1, ',').take(n).collect();
    cells.reverse();
    cells
}

#[test]
fn each_provider_has_its_tin_and_every_row_the_patient_and_the_issue_date() {
    // Ana Ruiz, born 1970-03-04, issued 2026-12-02: the clinic (TIN 12-3456789) and Riverside
    // Physical Therapy (987654321 typed in, printed 98-7654321).
    let rows = csv_of("format-2-self-pay-with-co-provider.json");
    let riverside: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains(",Riverside Physical Therapy,1234567802,"))
        .collect();
    assert_eq!(riverside.len(), 2, "evaluation and sessions");
    for row in &riverside {
        assert_eq!(
            last(row, 6),
            [
                "98-7654321",
                "Ana Ruiz",
                "1970-03-04",
                "2026-12-02",
                "item",
                ""
            ]
        );
    }
    // The clinic's discounts: 15 % off one injection, 221.25; prompt pay 148.94 (tests/saved_quotes.rs).
    let discounts: Vec<Vec<&str>> = rows
        .iter()
        .filter(|r| r.contains(",discount,"))
        .map(|r| last(r, 7))
        .collect();
    assert_eq!(
        discounts,
        [
            [
                "12-3456789",
                "Ana Ruiz",
                "1970-03-04",
                "2026-12-02",
                "discount",
                "-221.25"
            ],
            [
                "12-3456789",
                "Ana Ruiz",
                "1970-03-04",
                "2026-12-02",
                "discount",
                "-148.94"
            ],
        ]
        .map(|cells| {
            let mut with_units = vec![""];
            with_units.extend(cells);
            with_units
        })
    );
}

#[test]
fn discounts_are_lines_apart_and_the_charges_still_add_to_the_total() {
    // Achilles tendinopathy, 2 injections: 2 × (1,200 + 160 + 125) = 2,970.00, less 15 % of one
    // (222.75); 2 follow-ups 240.00; staff discount 100.00 ("Returning patient"); prompt pay 5 %
    // (144.3625 → 144.36): 2,742.89 (tests/saved_quotes.rs).
    let rows = csv_of("format-2-extras-and-staff-discount.json");
    let amounts = |kind: &str, column_from_end: usize| -> i64 {
        rows.iter()
            .filter(|r| r.ends_with(&format!(",{kind},")) || r.contains(&format!(",{kind},-")))
            .map(|r| {
                last(r, column_from_end)[0]
                    .replace('.', "")
                    .parse::<i64>()
                    .expect("cents")
            })
            .sum()
    };
    // expected_charge is the 8th cell from the end of an item row; discount the last of a discount.
    assert_eq!(amounts("item", 8), 274_289);
    assert_eq!(amounts("discount", 1), -22_275 - 10_000 - 14_436);
    assert!(rows
        .iter()
        .any(|r| r.contains("Discount: Returning patient")));
}
