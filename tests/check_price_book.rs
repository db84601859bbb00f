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
    assert!(out.contains("the price book has 2 error(s):"), "{out}");
    assert!(
        out.contains("clinic.npi: must be 10 digits with a valid check digit, got \"1234567890\""),
        "{out}"
    );
    assert!(
        out.contains("conditions[2].typical_injections.max: must be >= min (got 1 < 2)"),
        "{out}"
    );
}
