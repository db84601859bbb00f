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
    // Riverside's own prices, no discount: before discounts as charged (160.00, 8 × 95.00).
    for (row, gross) in riverside.iter().zip(["160.00", "760.00"]) {
        assert_eq!(
            last(row, 7),
            [
                "98-7654321",
                "Ana Ruiz",
                "1970-03-04",
                "2026-12-02",
                "item",
                "",
                gross
            ]
        );
    }
    // The clinic's discounts: 15 % off one injection, 221.25; prompt pay 148.94 (tests/saved_quotes.rs).
    let discounts: Vec<Vec<&str>> = rows
        .iter()
        .filter(|r| r.contains(",discount,"))
        .map(|r| last(r, 8)[..7].to_vec())
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
            .filter(|r| r.contains(&format!(",{kind},")))
            .map(|r| {
                last(r, column_from_end)[0]
                    .replace('.', "")
                    .parse::<i64>()
                    .expect("cents")
            })
            .sum()
    };
    // expected_charge is the 9th cell from the end of an item row; discount_in_expected_charge the
    // 2nd of a discount row.
    assert_eq!(amounts("item", 9), 274_289);
    assert_eq!(amounts("discount", 2), -22_275 - 10_000 - 14_436);
    assert!(rows
        .iter()
        .any(|r| r.contains("Discount: Returning patient")));
}

/// The CSV cannot be summed into a wrong total (billing walk-through, item 16): the items'
/// `expected_charge` already include the discounts, and the discount rows' amount is in a column
/// whose name says so; the items' `charge_before_discounts` with the discount rows add up to the
/// same total.
#[test]
fn before_discounts_and_the_discount_rows_add_up_to_the_total_as_the_charges_do() {
    // Achilles tendinopathy, 2 injections, 2 follow-ups, staff discount 100.00, prompt pay
    // (tests/saved_quotes.rs): before discounts 2 × (1,200 + 160 + 125) + 2 × 120.00 =
    // 2,970.00 + 240.00 = 3,210.00; the discount rows 222.75 + 100.00 + 144.36 = 467.11;
    // 3,210.00 − 467.11 = 2,742.89, the document's total.
    let rows = csv_of("format-2-extras-and-staff-discount.json");
    assert!(rows[0].ends_with(",line,discount_in_expected_charge,charge_before_discounts"));
    let cents = |cell: &str| -> i64 {
        if cell.is_empty() {
            0
        } else {
            cell.replace('.', "").parse::<i64>().expect("cents")
        }
    };
    let column =
        |from_end: usize| -> i64 { rows[1..].iter().map(|r| cents(last(r, from_end)[0])).sum() };
    assert_eq!(column(1), 321_000, "charge_before_discounts");
    assert_eq!(column(2), -46_711, "discount_in_expected_charge");
    assert_eq!(column(1) + column(2), 274_289);
    assert_eq!(column(9), 274_289, "expected_charge");
    // A discount row has no expected charge and no charge before discounts; an item row no discount.
    for row in &rows[1..] {
        let cells = last(row, 9);
        let item = row.contains(",item,");
        assert_eq!(cells[0].is_empty(), !item, "{row}");
        assert_eq!(cells[7].is_empty(), item, "{row}");
        assert_eq!(cells[8].is_empty(), !item, "{row}");
    }
}
