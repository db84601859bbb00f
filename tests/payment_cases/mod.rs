//! Hand-worked payment cases, shared by the native tests (`tests/payments.rs`) and the wasm tests
//! (`tests/wasm_payment.rs`), so both sides of the boundary are held to the same numbers.
//!
//! Every amount is worked out below from the embedded sample price book, not copied from the
//! program. The estimate figures are those of `tests/cases/mod.rs`: a plantar fasciitis injection
//! is 1,200 + 150 + 125 = $1,475.00, 15 % off each after the first ($221.25), the consultation
//! $250.00, PT cash $160.00 evaluation + $95.00 a session (allowed $110.00 / $85.00), 5 % off
//! self-pay lines. The sample plans:
//!
//! | plan | kind | months | APR | min purchase | min payment |
//! | --- | --- | --- | --- | --- | --- |
//! | deferred_6, deferred_12 | deferred interest | 6, 12 | 26.99 % | $200 | $25 |
//! | deferred_18, deferred_24 | deferred interest | 18, 24 | 26.99 % | $1,000, $1,500 | $25 |
//! | fixed_24, fixed_36 | fixed APR | 24, 36 | 9.99 %, 12.99 % | $1,000, $1,500 | – |
//! | fixed_48, fixed_60 | fixed APR | 48, 60 | 14.99 %, 17.99 % | $2,500, $3,500 | – |
//!
//! A fixed-APR payment is P·r·G / (G − 1) with r = APR / 12 and G = (1 + r)^n; the G / (G − 1)
//! below were worked out to 12 decimals with a desk calculator (bc), as a loan table would be.

#![allow(dead_code)]

/// What a plan offers one amount: the regular payment and how many, and for deferred interest
/// the worst-case back-interest, in cents.
pub struct Terms {
    pub monthly: i64,
    pub payments: u32,
    pub back_interest: Option<i64>,
}

/// The terms a plan offers, or the reason it is not available.
pub type Expected = Result<Terms, &'static str>;

/// A request, payment answers, and what the payment options must say.
pub struct PaymentCase {
    pub name: &'static str,
    pub request: &'static str,
    pub payment: &'static str,
    /// The financed amount (the total, or the high end of a range), in cents.
    pub financed: i64,
    pub offers: Vec<(&'static str, Expected)>,
    /// The HSA/FSA effective cost, low and high ends, in cents.
    pub hsa_effective: (i64, i64),
}

pub fn payment_cases() -> Vec<PaymentCase> {
    vec![
        PaymentCase {
            name: "1 injection, consultation, 8 PT sessions in cash, 22 % federal, 5 % state",
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true,
                "physical_therapy": { "coverage": "cash", "sessions": "8" } }"#,
            payment: r#"{ "federal_tax_percent": "22", "state_tax_percent": "5", "through_payroll": "yes" }"#,
            // 250 + 1,475 + 160 + 8 × 95 = 2,645.00; 5 % = 132.25; 2,512.75
            financed: 251_275,
            offers: vec![
                (
                    "deferred_6",
                    // 2,512.75 / 6 = 418.7916... -> 418.80 (up); 5 × 418.80 = 2,094.00, the last
                    // 418.75: 6 payments. Back-interest: 2,512.75 × 26.99 % × 6/12 = 339.09560... ->
                    // 339.10 (half up).
                    Ok(Terms {
                        monthly: 41_880,
                        payments: 6,
                        back_interest: Some(33_910),
                    }),
                ),
                (
                    "deferred_12",
                    // 2,512.75 / 12 = 209.3958... -> 209.40; back-interest 2,512.75 × 26.99 % =
                    // 678.191225 -> 678.19.
                    Ok(Terms {
                        monthly: 20_940,
                        payments: 12,
                        back_interest: Some(67_819),
                    }),
                ),
                (
                    "fixed_24",
                    // r = 0.0999 / 12 = 0.008325; P·r = 20.91864375; G / (G − 1) = 5.542379697926;
                    // 20.91864375 × 5.542379697926 = 115.9390... -> 115.94 (half up).
                    Ok(Terms {
                        monthly: 11_594,
                        payments: 24,
                        back_interest: None,
                    }),
                ),
                (
                    "fixed_36",
                    // P·r = 2,512.75 × 0.010825 = 27.20051875; × 3.112160330865 = 84.6523... -> 84.65.
                    Ok(Terms {
                        monthly: 8_465,
                        payments: 36,
                        back_interest: None,
                    }),
                ),
                (
                    "fixed_48",
                    // 2,512.75 is at least the $2,500 minimum. P·r = 2,512.75 × 0.0124916... =
                    // 31.388435416666; × 2.227539382832 = 69.9189... -> 69.92.
                    Ok(Terms {
                        monthly: 6_992,
                        payments: 48,
                        back_interest: None,
                    }),
                ),
                ("fixed_60", Err("Needs a purchase of $3,500.00 or more")),
            ],
            // 22 + 5 + 7.65 = 34.65 %; 2,512.75 × 0.3465 = 870.667875 -> 870.66 (down);
            // 2,512.75 − 870.66 = 1,642.09
            hsa_effective: (164_209, 164_209),
        },
        PaymentCase {
            name: "not sure: financed on the high end, HSA at payroll tax only (a 0 % bracket)",
            request: r#"{ "condition": "plantar_fasciitis", "injections": "not_sure", "consultation": true }"#,
            payment: r#"{ "federal_tax_percent": "0", "through_payroll": "yes" }"#,
            // low, 1 injection: 250 + 1,475 = 1,725.00 − 86.25 = 1,638.75.
            // high, 2: 250 + 2,950 − 221.25 = 2,978.75; 5 % = 148.9375 -> 148.94; 2,829.81.
            financed: 282_981,
            offers: vec![
                (
                    "deferred_24",
                    // 2,829.81 / 24 = 117.9087... -> 117.91; back-interest 2,829.81 × 26.99 % × 2
                    // = 1,527.531438 -> 1,527.53.
                    Ok(Terms {
                        monthly: 11_791,
                        payments: 24,
                        back_interest: Some(152_753),
                    }),
                ),
                (
                    "fixed_48",
                    // P·r = 2,829.81 × 0.0124916... = 35.34904325; × 2.227539382832 = 78.7413... -> 78.74.
                    Ok(Terms {
                        monthly: 7_874,
                        payments: 48,
                        back_interest: None,
                    }),
                ),
                ("fixed_60", Err("Needs a purchase of $3,500.00 or more")),
            ],
            // 7.65 % of 1,638.75 = 125.364375 -> 125.36; 1,513.39.
            // 7.65 % of 2,829.81 = 216.480465 -> 216.48; 2,613.33.
            hsa_effective: (151_339, 261_333),
        },
        PaymentCase {
            name: "1 injection, consultation, 8 PT sessions through insurance at 20 % with the deductible met",
            request: r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true,
                "physical_therapy": { "coverage": "insurance", "sessions": "8",
                "insurance": { "deductible_remaining": "0", "coinsurance_percent": "20" } } }"#,
            payment: r#"{ "federal_tax_percent": "22", "state_tax_percent": "5", "through_payroll": "yes" }"#,
            // Self-pay: 250 + 1,475 = 1,725.00; 5 % = 86.25; 1,638.75. The cost sharing, 20 % of
            // 110 = 22.00 and 8 × 20 % of 85 = 136.00, 158.00, is paid at each visit and not
            // financed: the total is 1,796.75, the amount financed 1,638.75.
            financed: 163_875,
            offers: vec![
                (
                    "deferred_6",
                    // 1,638.75 / 6 = 273.125 -> 273.13 (up); 5 × 273.13 = 1,365.65, the last
                    // 273.10: 6 payments. Back-interest: 1,638.75 × 26.99 % × 6/12 =
                    // 221.1493125 -> 221.15.
                    Ok(Terms {
                        monthly: 27_313,
                        payments: 6,
                        back_interest: Some(22_115),
                    }),
                ),
                (
                    "deferred_18",
                    // 1,638.75 / 18 = 91.0416... -> 91.05; 17 × 91.05 = 1,547.85, the last 90.90:
                    // 18 payments. Back-interest: 1,638.75 × 26.99 % × 18/12 = 663.4479375 ->
                    // 663.45.
                    Ok(Terms {
                        monthly: 9_105,
                        payments: 18,
                        back_interest: Some(66_345),
                    }),
                ),
            ],
            // 22 + 5 + 7.65 = 34.65 % of the whole 1,796.75 (the HSA pays every visit) =
            // 622.573875 -> 622.57 (down); 1,174.18.
            hsa_effective: (117_418, 117_418),
        },
    ]
}

/// The comparison for 8 PT sessions with no deductible left and 20 % coinsurance, with a
/// consultation, paying with the
/// 12-month deferred-interest plan: (injections, [patient total, monthly payment] for PT none,
/// cash, insurance).
///
/// - none: 1: 1,725.00 − 86.25 = 1,638.75. 2: 2,829.81 (above). 3: 250 + 4,425 − 442.50 = 4,232.50;
///   5 % = 211.625 -> 211.63; 4,020.87.
/// - cash: add 160 + 8 × 95 = 920 before the 5 %: 1: 2,512.75 (above). 2: 3,898.75; 5 % =
///   194.9375 -> 194.94; 3,703.81. 3: 5,152.50; 5 % = 257.625 -> 257.63; 4,894.87.
/// - insurance: the no-PT total plus 20 % of 110 = 22.00 and 8 × 20 % of 85 = 136.00: + 158.00.
/// - monthly: the self-pay lines / 12 rounded up: 1,638.75 / 12 = 136.5625 -> 136.57; 2,512.75 ->
///   209.40; 2,829.81 -> 235.8175 -> 235.82; 3,703.81 -> 308.6508... -> 308.66; 4,020.87 ->
///   335.0725 -> 335.08; 4,894.87 -> 407.9058... -> 407.91. Through insurance, the 158.00 of cost
///   sharing is paid at each visit and not financed: the monthly payment is the no-PT column's.
pub const COMPARISON_REQUEST: &str = r#"{ "condition": "plantar_fasciitis", "injections": "1",
    "consultation": true, "physical_therapy": { "coverage": "cash", "sessions": "8",
    "insurance": { "deductible_remaining": "0", "coinsurance_percent": "20" } } }"#;
pub const COMPARISON_PAYMENT: &str = r#"{ "plan": "deferred_12" }"#;
pub const COMPARISON: [(u32, [(i64, i64); 3]); 3] = [
    (1, [(163_875, 13_657), (251_275, 20_940), (179_675, 13_657)]),
    (2, [(282_981, 23_582), (370_381, 30_866), (298_781, 23_582)]),
    (3, [(402_087, 33_508), (489_487, 40_791), (417_887, 33_508)]),
];
