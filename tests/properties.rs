//! Invariants over many random requests: totals are the sum of their lines, more care never costs
//! less, zero sessions means no therapy lines, cost sharing stops at the out-of-pocket maximum, and
//! no input makes the estimator panic.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use amnion_estimator::estimate::{estimate, EstimateRequest, Payer};
use amnion_estimator::money::Cents;
use amnion_estimator::price_book::PriceBook;
use cases::sum_of;
use proptest::prelude::*;

const CONDITIONS: [&str; 5] = [
    "plantar_fasciitis",
    "achilles_tendinopathy",
    "ankle_osteoarthritis",
    "chronic_ankle_ligament",
    "partial_tendon_tear",
];
const THERAPY_CODES: [&str; 2] = ["97162", "97110"];

fn book() -> PriceBook {
    PriceBook::embedded_default().expect("valid")
}

/// A valid request with `injections` injections and `sessions` sessions.
fn request(answers: &Answers, injections: u32, sessions: u32) -> EstimateRequest {
    let product = ["amnion_1ml", "amnion_2ml"][answers.product];
    let coverage = ["none", "cash", "insurance"][answers.coverage];
    let json = serde_json::json!({
        "condition": CONDITIONS[answers.condition],
        "injections": injections,
        "product": product,
        "consultation": answers.consultation,
        "walking_boot": answers.boot,
        "physical_therapy": {
            "coverage": coverage,
            "sessions": sessions,
            "insurance": {
                "deductible_remaining": answers.deductible.clone(),
                "coinsurance_percent": answers.coinsurance.clone(),
                "copay": answers.copay.clone(),
                "covered_visits_remaining": answers.covered_visits.clone(),
                "out_of_pocket_remaining": answers.out_of_pocket.clone(),
            }
        }
    });
    serde_json::from_value(json).expect("well-formed request")
}

#[derive(Clone, Debug)]
struct Answers {
    condition: usize,
    product: usize,
    consultation: bool,
    boot: bool,
    coverage: usize,
    deductible: String,
    coinsurance: String,
    copay: String,
    covered_visits: String,
    out_of_pocket: String,
}

/// Dollar amounts as a person might type them, or blank.
fn dollars(max: u32) -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (0..=max, 0..100u32).prop_map(|(d, c)| format!("{d}.{c:02}"))
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    (
        (
            0..5usize,
            0..2usize,
            any::<bool>(),
            any::<bool>(),
            0..3usize,
        ),
        (
            dollars(3_000),
            (0..=10_000u32).prop_map(|bp| format!("{}.{:02}", bp / 100, bp % 100)),
            prop_oneof![Just(String::new()), dollars(120)],
        ),
        (
            prop_oneof![Just(String::new()), (0..30u32).prop_map(|n| n.to_string())],
            dollars(5_000),
        ),
    )
        .prop_map(
            |(
                (condition, product, consultation, boot, coverage),
                (deductible, coinsurance, copay),
                (covered_visits, out_of_pocket),
            )| {
                Answers {
                    condition,
                    product,
                    consultation,
                    boot,
                    coverage,
                    deductible,
                    coinsurance,
                    copay,
                    covered_visits,
                    out_of_pocket,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn totals_are_the_sum_of_the_lines_shown(answers in answers(), injections in 1..=3u32, sessions in 0..=40u32) {
        let estimate = estimate(&book(), &request(&answers, injections, sessions)).expect("valid request");
        let b = &estimate.low;
        prop_assert_eq!(sum_of(b, Payer::is_patient), b.patient_total.cents.get());
        prop_assert_eq!(sum_of(b, |p| p == Payer::Insurance), b.insurance_total.cents.get());
        for line in &b.lines {
            prop_assert_eq!(line.amount.cents.get(), line.unit_price.cents.get() * i64::from(line.quantity));
        }
        prop_assert!(b.patient_total.cents >= Cents::ZERO);
    }

    #[test]
    fn more_injections_never_cost_less(answers in answers(), injections in 1..3u32, sessions in 0..=40u32) {
        let book = book();
        let fewer = estimate(&book, &request(&answers, injections, sessions)).expect("valid");
        let more = estimate(&book, &request(&answers, injections + 1, sessions)).expect("valid");
        prop_assert!(more.low.patient_total.cents >= fewer.low.patient_total.cents);
    }

    #[test]
    fn more_sessions_never_cost_less(answers in answers(), injections in 1..=3u32, sessions in 0..40u32) {
        let book = book();
        let fewer = estimate(&book, &request(&answers, injections, sessions)).expect("valid");
        let more = estimate(&book, &request(&answers, injections, sessions + 1)).expect("valid");
        prop_assert!(more.low.patient_total.cents >= fewer.low.patient_total.cents);
    }

    #[test]
    fn zero_sessions_means_no_therapy_lines(answers in answers(), injections in 1..=3u32) {
        let estimate = estimate(&book(), &request(&answers, injections, 0)).expect("valid");
        prop_assert!(estimate.low.lines.iter().all(|l| !THERAPY_CODES.contains(&l.code.as_deref().unwrap_or(""))));
    }

    #[test]
    fn plan_cost_sharing_stops_at_the_out_of_pocket_maximum(answers in answers(), sessions in 0..=40u32) {
        let answers = Answers { coverage: 2, ..answers };
        let estimate = estimate(&book(), &request(&answers, 1, sessions)).expect("valid");
        let shared = sum_of(&estimate.low, |p| p == Payer::PatientShare);
        if let Ok(max) = Cents::parse_dollars(&answers.out_of_pocket) {
            prop_assert!(shared <= max.get(), "shared {} > max {}", shared, max.get());
        }
    }

    #[test]
    fn any_text_in_any_field_is_an_answer_or_an_error_never_a_panic(
        condition in ".{0,12}", injections in ".{0,6}", sessions in ".{0,6}", money in ".{0,10}", percent in ".{0,6}",
    ) {
        let json = serde_json::json!({
            "condition": condition, "injections": injections,
            "physical_therapy": { "coverage": "insurance", "sessions": sessions,
                "insurance": { "deductible_remaining": money, "coinsurance_percent": percent, "copay": money,
                               "covered_visits_remaining": sessions, "out_of_pocket_remaining": money } }
        });
        let request: EstimateRequest = serde_json::from_value(json).expect("strings are form values");
        if let Err(error) = estimate(&book(), &request) {
            prop_assert!(!error.fields().is_empty());
        }
    }

    #[test]
    fn a_split_always_sums_to_the_whole(whole in -100_000_000i64..=100_000_000, weights in proptest::collection::vec(0..=100_000_000i64, 1..12)) {
        let weights: Vec<Cents> = weights.into_iter().map(Cents::new).collect();
        match Cents::new(whole).split_by(&weights) {
            None => prop_assert!(weights.iter().all(|w| *w == Cents::ZERO)),
            Some(parts) => {
                prop_assert_eq!(parts.iter().map(|p| p.get()).sum::<i64>(), whole);
                for (part, weight) in parts.iter().zip(&weights) {
                    if *weight == Cents::ZERO { prop_assert_eq!(*part, Cents::ZERO); }
                }
            }
        }
    }

    #[test]
    fn dollar_amounts_read_back_as_written(cents in 0..=10_000_000_000i64) {
        let shown = Cents::new(cents).to_string();
        prop_assert_eq!(Cents::parse_dollars(&shown), Ok(Cents::new(cents)));
    }
}
