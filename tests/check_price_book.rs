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
        out.contains("conditions[2].typical_injections.max: must be at least `min`, 2; it is 1"),
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
    // A partner's prices under its name: Lakeshore's session is 9000 cents cash, $90.00.
    let lakeshore = rows
        .iter()
        .position(|row| row == "Lakeshore Physical Therapy, therapy partner:")
        .expect("Lakeshore's heading");
    assert_eq!(
        rows[lakeshore + 3],
        "97110 Physical therapy session, cash $90.00",
        "{out}"
    );
    // 2 products, 3 fees, ultrasound, consultation, boot, 3 extras, 4 PT prices; then 2
    // partners, each a heading and 4 PT prices: 15 + 10 = 25 rows, after the OK and title lines.
    assert_eq!(rows.len(), 2 + 25, "{out}");
    // The prices' column is aligned on the right: every priced line ends at the same place.
    let ends: Vec<usize> = out
        .lines()
        .filter(|line| line.contains('$'))
        .map(|line| line.chars().count())
        .collect();
    assert!(ends.windows(2).all(|pair| pair[0] == pair[1]), "{out}");
}
