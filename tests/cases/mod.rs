//! Hand-worked estimate cases, shared by the native tests (`tests/estimates.rs`) and the wasm
//! tests (`tests/wasm.rs`), so both sides of the boundary are held to the same numbers.
//!
//! Every expected amount is worked out below from the embedded sample price book
//! (`src/price_book/default.json`), not copied from the program. The figures used:
//!
//! | item | price |
//! | --- | --- |
//! | consultation 99204 | $250.00 |
//! | product 1 mL / 2 mL (Q4139) | $1,200.00 / $1,900.00 |
//! | administration 20550 / 20551 / 20606 | $150.00 / $160.00 / $260.00 |
//! | ultrasound guidance 76942 (not with 20606) | $125.00 |
//! | walking boot L4361 | $165.00 |
//! | PT evaluation 97162: cash / allowed | $160.00 / $110.00 |
//! | PT session 97110: cash / allowed | $95.00 / $85.00 |
//! | multi-injection discount | 15 % off each injection after the first |
//! | prompt-pay discount | 5 % off all self-pay lines |
//!
//! So one plantar fasciitis injection (20550 + guidance) is 1,200 + 150 + 125 = $1,475.00, and
//! its 15 % is $221.25.

#![allow(dead_code)]

use amnion_estimator::estimate::{Breakdown, Payer};
use amnion_estimator::price_book::DEFAULT_PRICE_BOOK_JSON;

/// The sum of the lines of `breakdown` whose payer matches, in cents.
pub fn sum_of(breakdown: &Breakdown, payer: impl Fn(Payer) -> bool) -> i64 {
    breakdown
        .lines
        .iter()
        .filter(|l| payer(l.payer))
        .map(|l| l.amount.cents.get())
        .sum()
}

/// One request and what the patient and the plan pay, in cents.
pub struct Case {
    pub name: &'static str,
    /// A price book other than the embedded one, as JSON.
    pub price_book: Option<fn() -> String>,
    pub request: &'static str,
    /// The patient's total (the low end, for a range).
    pub patient: i64,
    /// The high end of a range.
    pub patient_high: Option<i64>,
    /// What insurance pays (low end).
    pub insurance: i64,
}

/// The sample book with package prices instead of percent-off: 2 vials of 1 mL for $2,200, 3 for $3,200.
pub fn package_price_book() -> String {
    let start = DEFAULT_PRICE_BOOK_JSON
        .find("\"multi_injection\"")
        .expect("sample has a multi-injection discount");
    // The end of the "multi_injection" object: the brace that closes its first one.
    let mut depth = 0;
    let mut end = start;
    for (i, c) in DEFAULT_PRICE_BOOK_JSON[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 1 => {
                end = start + i + 2; // past "},"
                break;
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    let packages = r#""multi_injection": {
      "kind": "package_prices",
      "label": "Package price",
      "packages": [
        { "product": "amnion_1ml", "injections": 2, "price_cents": 220000 },
        { "product": "amnion_1ml", "injections": 3, "price_cents": 320000 }
      ]
    },"#;
    format!(
        "{}{}{}",
        &DEFAULT_PRICE_BOOK_JSON[..start],
        packages,
        &DEFAULT_PRICE_BOOK_JSON[end..]
    )
}

/// The sample book with a supplies fee: 99070 at $45.00 with each injection.
pub fn supplies_price_book() -> String {
    let anchor = "\"visits\":";
    let at = DEFAULT_PRICE_BOOK_JSON
        .find(anchor)
        .expect("sample has visits");
    let supplies = r#""supplies": { "code": "99070", "label": "Supplies (sterile tray, dressings)", "price_cents": 4500 },
  "#;
    format!(
        "{}{}{}",
        &DEFAULT_PRICE_BOOK_JSON[..at],
        supplies,
        &DEFAULT_PRICE_BOOK_JSON[at..]
    )
}

pub fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "plantar fasciitis, 1 injection",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": 1 }"#,
            // 1,475.00 - 5 % (73.75) = 1,401.25
            patient: 140_125,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "Achilles tendinopathy, 1 injection with consultation",
            price_book: None,
            request: r#"{ "condition": "achilles_tendinopathy", "injections": "1", "consultation": true }"#,
            // 250 + 1,200 + 160 (20551) + 125 = 1,735.00; 5 % = 86.75; 1,735.00 - 86.75 = 1,648.25
            patient: 164_825,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "ankle osteoarthritis, the maximum 3 injections, 2 mL, boot",
            price_book: None,
            request: r#"{ "condition": "ankle_osteoarthritis", "injections": "3", "product": "amnion_2ml", "walking_boot": true }"#,
            // 20606 includes guidance: one injection = 1,900 + 260 = 2,160; 15 % = 324.00, twice = 648.00.
            // 5,700 + 780 - 648 + 165 (boot) = 5,997.00; 5 % = 299.85; 5,997.00 - 299.85 = 5,697.15
            patient: 569_715,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "ankle ligament injury that never healed, 2 injections",
            price_book: None,
            request: r#"{ "condition": "chronic_ankle_ligament", "injections": "2" }"#,
            // 2 × 1,475 = 2,950.00; - 221.25 = 2,728.75; 5 % = 136.4375 -> 136.44 (half up);
            // 2,728.75 - 136.44 = 2,592.31
            patient: 259_231,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "plantar fasciitis, 2 injections, with the supplies fee",
            price_book: Some(supplies_price_book),
            request: r#"{ "condition": "plantar_fasciitis", "injections": "2" }"#,
            // One injection = 1,200 + 150 + 125 + 45 (supplies) = 1,520.00; its 15 % = 228.00.
            // 2 × 1,520 = 3,040.00; - 228.00 = 2,812.00; 5 % = 140.60; 2,812.00 - 140.60 = 2,671.40
            patient: 267_140,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "partial tendon tear, not sure: typical 1 to 3",
            price_book: None,
            request: r#"{ "condition": "partial_tendon_tear", "injections": "not_sure" }"#,
            // low, 1 injection: 1,401.25 (as the first case).
            // high, 3: 4,425.00 - 2 × 221.25 = 3,982.50; 5 % = 199.125 -> 199.13 (half up);
            // 3,982.50 - 199.13 = 3,783.37
            patient: 140_125,
            patient_high: Some(378_337),
            insurance: 0,
        },
        Case {
            name: "PT cash, 8 sessions",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": "8" } }"#,
            // 1,475 + 160 (evaluation) + 8 × 95 = 2,395.00; 5 % = 119.75; 2,275.25
            patient: 227_525,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "PT cash, typical sessions (6 to 12)",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": "typical" } }"#,
            // low: 1,475 + 160 + 6 × 95 = 2,205.00; 5 % = 110.25; 2,094.75
            // high: 1,475 + 160 + 12 × 95 = 2,775.00; 5 % = 138.75; 2,636.25
            patient: 209_475,
            patient_high: Some(263_625),
            insurance: 0,
        },
        Case {
            name: "PT insurance, deductible then coinsurance",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "4",
                  "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20" } } }"#,
            // evaluation: 110 all deductible (40 left). session 1: 40 deductible + 20 % of 45 = 9 -> 49,
            // plan 36. sessions 2-4: 20 % of 85 = 17 each, plan 68 each.
            // patient PT 110 + 49 + 51 = 210; injection 1,401.25; total 1,611.25
            // plan: 36 + 3 × 68 = 240.00
            patient: 161_125,
            patient_high: None,
            insurance: 24_000,
        },
        Case {
            name: "PT insurance, copay",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "5",
                  "insurance": { "copay": "30", "deductible_remaining": "1000" } } }"#,
            // A copay replaces the deductible: 6 visits × 30 = 180; 1,401.25 + 180 = 1,581.25.
            // plan: evaluation 110 - 30 = 80, sessions 5 × (85 - 30) = 275; 355.00
            patient: 158_125,
            patient_high: None,
            insurance: 35_500,
        },
        Case {
            name: "PT insurance, copay above the allowed amount",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "2", "insurance": { "copay": "100" } } }"#,
            // evaluation: min(100, 110) = 100, plan 10. sessions: min(100, 85) = 85, plan 0.
            // patient 100 + 170 = 270; 1,401.25 + 270 = 1,671.25; plan 10.00
            patient: 167_125,
            patient_high: None,
            insurance: 1_000,
        },
        Case {
            name: "PT insurance, covered-visit limit",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "5",
                  "insurance": { "deductible_remaining": "0", "coinsurance_percent": "20", "covered_visits_remaining": "3" } } }"#,
            // no deductible left; covered: evaluation 20 % of 110 = 22, sessions 1-2 17 each -> 56; plan 88 + 2 × 68 = 224.
            // sessions 3-5 past the limit: cash 3 × 95 = 285, self-pay, so prompt pay applies:
            // self-pay 1,475 + 285 = 1,760.00; 5 % = 88.00; 1,672.00. Total 1,672 + 56 = 1,728.00
            patient: 172_800,
            patient_high: None,
            insurance: 22_400,
        },
        Case {
            name: "PT insurance, out-of-pocket maximum",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "6",
                  "insurance": { "deductible_remaining": "500", "coinsurance_percent": "20", "out_of_pocket_remaining": "200" } } }"#,
            // evaluation 110 (deductible; 90 left to the max). session 1: 85 (5 left). session 2: 85
            // capped to 5, plan 80. sessions 3-6: 0, plan 85 each. Patient PT = 200, the maximum.
            // 1,401.25 + 200 = 1,601.25; plan 80 + 4 × 85 = 420.00
            patient: 160_125,
            patient_high: None,
            insurance: 42_000,
        },
        Case {
            name: "zero PT sessions adds no PT lines",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": "0" } }"#,
            // as the first case: 1,401.25
            patient: 140_125,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "consultation and boot with the 2 mL product",
            price_book: None,
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "product": "amnion_2ml",
                "consultation": true, "walking_boot": true }"#,
            // 250 + 1,900 + 150 + 125 + 165 = 2,590.00; 5 % = 129.50; 2,460.50
            patient: 246_050,
            patient_high: None,
            insurance: 0,
        },
        Case {
            name: "package price for 3 injections",
            price_book: Some(package_price_book),
            request: r#"{ "condition": "plantar_fasciitis", "injections": "3" }"#,
            // 3 × 1,475 = 4,425.00; package: 3 × 1,200 - 3,200 = 400.00 off; 4,025.00;
            // 5 % = 201.25; 3,823.75
            patient: 382_375,
            patient_high: None,
            insurance: 0,
        },
    ]
}

/// A request that must be refused, and how its message must start (serde_json adds the line and
/// column of a type error after it; the browser does not).
pub struct ErrorCase {
    pub request: &'static str,
    pub message: &'static str,
}

pub fn error_cases() -> Vec<ErrorCase> {
    vec![
        ErrorCase {
            request: r#"{ "condition": "bunions", "injections": "1" }"#,
            message: r#"condition: unknown condition "bunions""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": 0 }"#,
            message: "injections: must be 1 to 3; it is 0",
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "99" }"#,
            message: "injections: must be 1 to 3; it is 99",
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": "400" } }"#,
            message: "physical_therapy.sessions: must be 0 to 40; it is 400",
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "4", "insurance": { "deductible_remaining": "-100" } } }"#,
            message: r#"physical_therapy.insurance.deductible_remaining: enter an amount of 0 or more; you typed "-100""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "insurance", "sessions": "4", "insurance": { "coinsurance_percent": "120" } } }"#,
            message: r#"physical_therapy.insurance.coinsurance_percent: enter a percentage from 0 to 100; you typed "120""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": "ten" } }"#,
            message: r#"physical_therapy.sessions: enter a whole number from 0 to 40, or "typical"; you typed "ten""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1",
                "physical_therapy": { "coverage": "cash", "sessions": true } }"#,
            message: r#"physical_therapy.sessions: must be text or a whole number (write a fraction as text, like "12.5"); it is true"#,
        },
        // A Spanish reader's answers are refused in Spanish; the path stays the same.
        ErrorCase {
            request: r#"{ "condition": "bunions", "injections": "1", "language": "es" }"#,
            message: r#"condition: afección desconocida: "bunions""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
                "physical_therapy": { "coverage": "cash", "sessions": "400" } }"#,
            message: "physical_therapy.sessions: debe ser de 0 a 40; es 400",
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
                "physical_therapy": { "coverage": "insurance", "sessions": "4", "insurance": { "deductible_remaining": "-100" } } }"#,
            message: r#"physical_therapy.insurance.deductible_remaining: escriba una cantidad de 0 o más; usted escribió "-100""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
                "physical_therapy": { "coverage": "insurance", "sessions": "4", "insurance": { "copay": "12.345" } } }"#,
            message: r#"physical_therapy.insurance.copay: escriba centavos enteros, con 2 decimales como máximo; usted escribió "12.345""#,
        },
        ErrorCase {
            request: r#"{ "condition": "plantar_fasciitis", "injections": 1.5 }"#,
            message: r#"injections: must be text or a whole number (write a fraction as text, like "12.5"); it is 1.5"#,
        },
    ]
}
