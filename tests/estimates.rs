//! The hand-worked cases of `tests/cases`, through the public Rust API, plus line-level checks of
//! the coding rules.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use cases::sum_of;

use amnion_estimator::estimate::{estimate, Breakdown, Estimate, EstimateRequest, LineKind, Payer};
use amnion_estimator::price_book::PriceBook;

fn run(
    price_book: Option<fn() -> String>,
    request: &str,
) -> Result<Estimate, amnion_estimator::Error> {
    let book = match price_book {
        Some(json) => PriceBook::from_json(&json()).expect("test price book is valid"),
        None => PriceBook::embedded_default().expect("embedded price book is valid"),
    };
    let request = EstimateRequest::read(&mut serde_json::Deserializer::from_str(request))?;
    estimate(&book, &request)
}

fn codes(breakdown: &Breakdown) -> Vec<&str> {
    breakdown
        .lines
        .iter()
        .filter_map(|l| l.code.as_deref())
        .collect()
}

#[test]
fn hand_worked_cases() {
    for case in cases::cases() {
        let estimate =
            run(case.price_book, case.request).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(
            estimate.low.patient_total.cents.get(),
            case.patient,
            "{}: patient total",
            case.name
        );
        assert_eq!(
            estimate.low.insurance_total.cents.get(),
            case.insurance,
            "{}: insurance total",
            case.name
        );
        assert_eq!(
            estimate.high.as_ref().map(|h| h.patient_total.cents.get()),
            case.patient_high,
            "{}: high end",
            case.name
        );
        for breakdown in std::iter::once(&estimate.low).chain(&estimate.high) {
            assert_eq!(
                sum_of(breakdown, Payer::is_patient),
                breakdown.patient_total.cents.get(),
                "{}",
                case.name
            );
            assert_eq!(
                sum_of(breakdown, |p| p == Payer::Insurance),
                breakdown.insurance_total.cents.get(),
                "{}",
                case.name
            );
        }
    }
}

#[test]
fn refused_requests_name_the_field() {
    for case in cases::error_cases() {
        let error = run(None, case.request).expect_err(case.request);
        let message = error.to_string();
        assert!(
            message.starts_with(case.message),
            "{message:?} should start with {:?}",
            case.message
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let error = run(
        None,
        r#"{ "condition": "", "injections": "9", "product": "gold",
        "physical_therapy": { "coverage": "cash", "sessions": "41" } }"#,
    )
    .expect_err("four bad fields");
    let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "condition",
            "injections",
            "product",
            "physical_therapy.sessions"
        ]
    );
}

#[test]
fn one_administration_and_one_product_per_injection_and_guidance_only_where_not_included() {
    let plantar = run(
        None,
        r#"{ "condition": "plantar_fasciitis", "injections": "2" }"#,
    )
    .expect("valid");
    assert_eq!(codes(&plantar.low), ["Q4139", "20550", "76942"]);
    assert!(plantar
        .low
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Charge)
        .all(|l| l.quantity == 2));

    let ankle = run(
        None,
        r#"{ "condition": "ankle_osteoarthritis", "injections": "2" }"#,
    )
    .expect("valid");
    assert_eq!(
        codes(&ankle.low),
        ["Q4139", "20606"],
        "20606 includes ultrasound guidance"
    );
}

#[test]
fn discounts_are_lines_of_their_own() {
    let estimate = run(
        None,
        r#"{ "condition": "chronic_ankle_ligament", "injections": "2" }"#,
    )
    .expect("valid");
    let discounts: Vec<(&str, u32, i64)> = estimate
        .low
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Discount)
        .map(|l| (l.label.as_str(), l.quantity, l.amount.cents.get()))
        .collect();
    assert_eq!(
        discounts,
        [
            // 15 % of one injection (1,475.00) = 221.25, for the second injection only.
            (
                "Multi-injection discount: 15% off each injection after the first",
                1,
                -22_125
            ),
            // 5 % of 2,728.75 = 136.4375 -> 136.44
            (
                "Prompt-pay discount: 5% off self-pay charges paid in full at the visit",
                1,
                -13_644
            ),
        ]
    );
}

#[test]
fn insurance_lines_say_who_pays_and_why() {
    let estimate = run(
        None,
        r#"{ "condition": "plantar_fasciitis", "injections": "1",
        "physical_therapy": { "coverage": "insurance", "sessions": "4",
          "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20" } } }"#,
    )
    .expect("valid");
    let therapy: Vec<(u32, i64, Payer, &str)> = estimate
        .low
        .lines
        .iter()
        .filter(|l| matches!(l.code.as_deref(), Some("97162" | "97110")))
        .map(|l| {
            (
                l.quantity,
                l.amount.cents.get(),
                l.payer,
                l.detail.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        therapy,
        [
            (1, 11_000, Payer::PatientShare, "visit 1 · deductible"),
            (
                1,
                4_900,
                Payer::PatientShare,
                "visit 2 · deductible, then 20% coinsurance"
            ),
            (1, 3_600, Payer::Insurance, "visit 2 · paid by your plan"),
            (
                3,
                5_100,
                Payer::PatientShare,
                "visits 3–5 · 20% coinsurance"
            ),
            (
                3,
                20_400,
                Payer::Insurance,
                "visits 3–5 · paid by your plan"
            ),
        ]
    );
    assert_eq!(estimate.notes.len(), 4, "the insurance note is added");
}

#[test]
fn a_range_shows_both_ends_with_their_own_lines() {
    let estimate = run(
        None,
        r#"{ "condition": "partial_tendon_tear", "injections": "not_sure" }"#,
    )
    .expect("valid");
    let high = estimate.high.as_ref().expect("a range");
    assert_eq!((estimate.low.injections, high.injections), (1, 3));
    assert_eq!(estimate.patient_total.formatted, "$1,401.25 – $3,783.37");
    assert_eq!(estimate.summary, "1 injection to 3 injections");
    assert_eq!(high.lines[0].amount.formatted, "$3,600.00");
}

#[test]
fn the_same_estimate_in_spanish() {
    let request = r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
        "physical_therapy": { "coverage": "insurance", "sessions": "4",
          "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20" } } }"#;
    let spanish = run(None, request).expect("valid");
    let english = run(None, &request.replace(r#""language": "es","#, "")).expect("valid");
    // The numbers do not depend on the language: 1,611.25 and 240.00, as in tests/cases.
    assert_eq!(spanish.low.patient_total, english.low.patient_total);
    assert_eq!(spanish.low.patient_total.formatted, "$1,611.25");
    assert_eq!(spanish.condition, "Fascitis plantar (dolor de talón)");
    assert_eq!(spanish.summary, "1 inyección, 4 sesiones de fisioterapia");
    assert!(spanish.notes[0].starts_with("Por lo general, el seguro médico no cubre"));
    let details: Vec<&str> = spanish
        .low
        .lines
        .iter()
        .filter_map(|l| l.detail.as_deref())
        .collect();
    assert_eq!(
        details,
        [
            "visita 1 · deducible",
            "visita 2 · deducible, luego 20% de coseguro",
            "visita 2 · lo paga su plan",
            "visitas 3–5 · 20% de coseguro",
            "visitas 3–5 · lo paga su plan",
        ]
    );
    assert_eq!(spanish.low.lines[0].label, "Aloinjerto amniótico de 1 mL");
}
