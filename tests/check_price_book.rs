//! The price book checker a clinic's web admin runs before publishing.

#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use amnion_estimator::price_book::DEFAULT_PRICE_BOOK_JSON;

fn check(name: &str, json: &str) -> (bool, String) {
    let dir = std::env::temp_dir().join(format!("check-price-book-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{name}.json"));
    std::fs::write(&file, json).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_check-price-book"))
        .arg(&file)
        .output()
        .expect("runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn the_sample_passes() {
    let (ok, out) = check("sample", DEFAULT_PRICE_BOOK_JSON);
    assert!(ok, "{out}");
    assert!(
        out.contains(
            ": OK: version 2026.11-sample, effective 2026-11-01, 5 conditions, 2 products"
        ),
        "{out}"
    );
}

#[test]
fn every_problem_is_listed_with_its_path() {
    let broken = DEFAULT_PRICE_BOOK_JSON
        .replacen("\"npi\": \"1234567893\"", "\"npi\": \"1234567890\"", 1)
        .replacen(
            "\"typical_injections\": { \"min\": 1, \"max\": 3 }",
            "\"typical_injections\": { \"min\": 2, \"max\": 1 }",
            1,
        );
    let (ok, out) = check("broken", &broken);
    assert!(!ok);
    assert!(out.contains("the price book has 2 problems:"), "{out}");
    assert!(
        out.contains("clinic.npi: has a last digit that does not match the other nine: check \"1234567890\" for a typo"),
        "{out}"
    );
    assert!(
        out.contains(
            "conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1"
        ),
        "{out}"
    );
}

/// The sample book with three mistakes of different kinds: a misspelt field name (a reader
/// problem), a negative price and an NPI with a bad check digit (two rule problems).
fn three_mistakes() -> String {
    let book = DEFAULT_PRICE_BOOK_JSON
        .replacen("\"ultrasound_guidance\":", "\"ultrasound_guidence\":", 1)
        // The walking boot's price, $165.00, made negative.
        .replacen("\"price_cents\": 16500 }", "\"price_cents\": -16500 }", 1)
        // 1234567893 is valid (its Luhn check digit over 80840123456789 is 3); 0 is not.
        .replacen("\"npi\": \"1234567893\"", "\"npi\": \"1234567890\"", 1);
    assert_ne!(book, DEFAULT_PRICE_BOOK_JSON);
    book
}

#[test]
fn three_mistakes_are_three_messages_in_one_pass() {
    let (ok, out) = check("three-mistakes", &three_mistakes());
    assert!(!ok, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    // The reader's problem first, then the rules' in the order they are checked (clinic before
    // the walking boot). `ultrasound_guidance` is missing too, but the misspelling says so: no
    // "is missing" line, and no rule's line about the default put in its place. The boot's
    // -16500 cents are -$165.00, and the most any price may be is $1,000,000.00.
    assert_eq!(
        lines[1..],
        [
            "ultrasound_guidence: is not a price book field: did you mean `ultrasound_guidance`?",
            "clinic.npi: has a last digit that does not match the other nine: check \"1234567890\" for a typo",
            "walking_boot.price_cents: must be $0.00 to $1,000,000.00; it is -$165.00",
        ],
        "{out}"
    );
    assert!(
        lines[0].ends_with(": the price book has 3 problems:"),
        "{out}"
    );
}

#[test]
fn the_prices_read_are_listed_in_dollars() {
    let (ok, out) = check("prices", DEFAULT_PRICE_BOOK_JSON);
    assert!(ok, "{out}");
    // Each line's words, spaces between columns collapsed.
    let rows: Vec<String> = out
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(rows[1], "prices read, in dollars:", "{out}");
    // The 1 mL vial is 120000 cents: $1,200.00. The walking boot is 16500 cents: $165.00.
    assert!(
        rows.iter()
            .any(|row| row == "Q4139 Amniotic allograft, 1 mL vial $1,200.00"),
        "{out}"
    );
    assert!(
        rows.iter()
            .any(|row| row == "L4361 Walking boot (pneumatic, prefabricated) $165.00"),
        "{out}"
    );
    assert_eq!(rows[2], "cash insurance allows", "{out}");
    // A partner's prices name it: Lakeshore's session is 9000 cents cash, $90.00, and 8000
    // cents allowed, $80.00.
    assert!(
        rows.iter().any(|row| row
            == "97110 Physical therapy session (Lakeshore Physical Therapy) $90.00 $80.00"),
        "{out}"
    );
    // The fee schedule's rows: 2 products, 3 fees, ultrasound, consultation, boot, 3 extras, the
    // clinic's 2 therapy services and each partner's 2: 2 + 3 + 3 + 3 + 2 + 2 + 2 = 17 rows, after
    // the OK line, the title and the columns' heading; then the sample's warnings, none.
    assert_eq!(rows.len(), 3 + 17 + 1, "{out}");
    assert_eq!(rows[3 + 17], "warnings: none", "{out}");
    // The cash prices' column is aligned on the right: every priced line's first amount ends at
    // the same place.
    let ends: Vec<usize> = out
        .lines()
        .filter(|line| line.contains('$'))
        .map(|line| {
            let start = line.find('$').unwrap();
            let length = line[start..].find(' ').unwrap_or(line.len() - start);
            line[..start + length].chars().count()
        })
        .collect();
    assert!(ends.windows(2).all(|pair| pair[0] == pair[1]), "{out}");
}

#[test]
fn likely_unit_mistakes_are_warnings_after_the_prices() {
    let book = DEFAULT_PRICE_BOOK_JSON
        // The 1 mL vial's $1,200.00 typed as 1100 in a field of cents: $11.00.
        .replacen("\"price_cents\": 120000 }", "\"price_cents\": 1100 }", 1)
        // The walking boot's $165.00 typed as 165: $1.65.
        .replacen("\"price_cents\": 16500 }", "\"price_cents\": 165 }", 1);
    let (ok, out) = check("unit-mistakes", &book);
    // Warnings only: the book is valid, and the check passes.
    assert!(ok, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with(
            ": OK: version 2026.11-sample, effective 2026-11-01, 5 conditions, 2 products"
        ),
        "{out}"
    );
    // The table shows what was read, $11.00 (1100 cents) and $1.65 (165 cents)...
    assert!(
        lines.iter().any(
            |line| line.starts_with("  Q4139  Amniotic allograft, 1 mL vial")
                && line.ends_with(" $11.00")
        ),
        "{out}"
    );
    // ...and the warnings follow it, in the order of the book: products, then the boot. A
    // hundred times 1100 cents is 110000 cents, $1,100.00; a hundred times 165 is $165.00.
    let table_end = lines
        .iter()
        .position(|line| line.starts_with("  warnings:"))
        .expect("the warnings' heading");
    assert_eq!(
        lines[table_end..],
        [
            "  warnings: 2 (the book is valid; check each):",
            "  products[0].price_cents: is $11.00, low for a product (under $50.00): check for a missing digit",
            "  walking_boot.price_cents: is $1.65, low for a walking boot (under $5.00): check for a missing digit",
        ],
        "{out}"
    );
}

#[test]
fn malformed_json_is_named_by_line_and_column() {
    // A comma after the last field of `limits`, on line 15 of the sample, with the `}` moved to
    // the next line: the comma ends line 15, and the `}` after it is at column 3 of line 16,
    // where the parser finds that no field follows the comma.
    let line = "\"limits\": { \"max_injections\": 3, \"max_pt_sessions\": 40 },";
    assert!(DEFAULT_PRICE_BOOK_JSON.contains(line));
    let book = DEFAULT_PRICE_BOOK_JSON.replacen(
        line,
        "\"limits\": { \"max_injections\": 3, \"max_pt_sessions\": 40,\n  },",
        1,
    );
    let (ok, out) = check("trailing-comma", &book);
    assert!(!ok, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with(": the price book has 1 problem:"),
        "{out}"
    );
    assert_eq!(
        lines[1],
        "limits.?: line 16, column 3: the file is not valid JSON: a comma before `}` or `]` has \
         nothing after it: remove the comma",
        "{out}"
    );
}
