//! The hand-worked cases of `tests/cases`, through the public Rust API, plus line-level checks of
//! the coding rules.

#![cfg(not(target_arch = "wasm32"))]

mod cases;

use cases::sum_of;

use amnion_estimator::estimate::{
    estimate, lines_apart_from_therapy, Breakdown, Estimate, EstimateRequest, LineKind, Payer,
};
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
    assert_eq!(
        estimate.notes.len(),
        5,
        "the therapy and insurance notes are added"
    );
}

#[test]
fn therapy_lines_say_they_are_the_clinics_own_prices() {
    // "Not included: … any care from other providers" stands beside therapy lines: a note says
    // whose prices they are, right after it, whenever therapy is priced.
    let therapy_note = "Physical therapy is shown at Sample Foot & Ankle Clinic's own prices. If \
                        you have it at another practice, that practice's prices apply instead.";
    let notes = |request: &str| run(None, request).expect("valid").notes;
    for coverage in ["cash", "insurance"] {
        let request = format!(
            r#"{{ "condition": "plantar_fasciitis", "injections": "1",
            "physical_therapy": {{ "coverage": "{coverage}", "sessions": "4" }} }}"#
        );
        let priced = notes(&request);
        assert!(priced[2].starts_with("Not included:"), "{priced:?}");
        assert_eq!(priced[3], therapy_note, "{coverage}");
        // No therapy at all (0 sessions): no therapy note.
        let none = notes(&request.replace(r#""4""#, r#""0""#));
        assert!(!none
            .iter()
            .any(|n| n.starts_with("Physical therapy is shown")));
    }
    let without = notes(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#);
    assert_eq!(without.len(), 3, "no therapy, no therapy note: {without:?}");
    let spanish = notes(
        r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
        "physical_therapy": { "coverage": "cash", "sessions": "4" } }"#,
    );
    assert_eq!(
        spanish[3],
        "La fisioterapia se muestra con los precios propios de Sample Foot & Ankle Clinic. Si la \
         recibe en otro consultorio, se aplican los precios de ese consultorio."
    );
}

#[test]
fn a_refused_therapy_answer_leaves_the_lines_it_does_not_touch() {
    let book = PriceBook::embedded_default().expect("valid");
    let apart = |json: &str| {
        let request =
            EstimateRequest::read(&mut serde_json::Deserializer::from_str(json)).expect("readable");
        let refused = estimate(&book, &request).expect_err("refused");
        let apart = lines_apart_from_therapy(&book, request, &refused)?;
        let ends = std::iter::once(&apart.low).chain(&apart.high).map(|end| {
            let lines = end.lines.iter();
            let amounts = lines.map(|l| (l.code.clone().unwrap_or_default(), l.amount.cents.get()));
            (end.summary.clone(), amounts.collect::<Vec<_>>())
        });
        Some(ends.collect::<Vec<_>>())
    };
    let code = |code: &str, cents: i64| (code.to_owned(), cents);
    // A typo in the copay: the consultation 250, the product 1,200, the injection 150, the
    // guidance 125 and the boot 165 stay; no therapy line, and no prompt-pay discount (5 % of
    // the self-pay lines, which a cash therapy answer would change): no total either.
    let typo = r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true,
        "walking_boot": true, "physical_therapy": { "coverage": "insurance", "sessions": "8",
        "insurance": { "copay": "12k" } } }"#;
    assert_eq!(
        apart(typo),
        Some(vec![(
            "1 injection".to_owned(),
            vec![
                code("99204", 25_000),
                code("Q4139", 120_000),
                code("20550", 15_000),
                code("76942", 12_500),
                code("L4361", 16_500),
            ]
        )])
    );
    // Not sure of the injections (1 to 2): both ends. The high end's second injection is 15 %
    // off: 15 % of 1,200 + 150 + 125 = 221.25.
    let ends = apart(&typo.replace(r#""injections": "1""#, r#""injections": "not_sure""#))
        .expect("therapy alone refused");
    assert_eq!(ends.len(), 2);
    assert_eq!(ends[1].0, "2 injections");
    assert_eq!(
        ends[1].1[1..5],
        [
            code("Q4139", 240_000),
            code("20550", 30_000),
            code("76942", 25_000),
            code("", -22_125)
        ]
    );
    // Sessions out of range, with cash therapy: the same.
    let sessions = r#"{ "condition": "plantar_fasciitis", "injections": "1",
        "physical_therapy": { "coverage": "cash", "sessions": "400" } }"#;
    assert_eq!(apart(sessions).expect("therapy alone")[0].1.len(), 3);
    // Another answer refused as well: nothing apart, since the lines would depend on it.
    let both = typo.replace(r#""injections": "1""#, r#""injections": "99""#);
    assert_eq!(apart(&both), None);
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
fn a_range_of_counts_reads_as_spanish_says_it() {
    // Spanish says a range "de 1 a 3", not "1 a 3".
    let estimate = run(
        None,
        r#"{ "condition": "partial_tendon_tear", "injections": "not_sure", "language": "es" }"#,
    )
    .expect("valid");
    assert_eq!(estimate.summary, "de 1 inyección a 3 inyecciones");
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

/// A low end and, for a range, a high end, in cents.
type Ends = (i64, Option<i64>);

/// The patient totals of both ends, the plan's total at each, and the notes after the three
/// disclaimers, the therapy note and the insurance disclaimer.
fn ends(request: &str) -> (Ends, Ends, Vec<String>) {
    let estimate = run(None, request).expect("valid");
    for breakdown in std::iter::once(&estimate.low).chain(&estimate.high) {
        assert_eq!(
            sum_of(breakdown, Payer::is_patient),
            breakdown.patient_total.cents.get(),
            "the total is the sum of the lines shown"
        );
    }
    let high = estimate.high.as_ref();
    (
        (
            estimate.low.patient_total.cents.get(),
            high.map(|h| h.patient_total.cents.get()),
        ),
        (
            estimate.low.insurance_total.cents.get(),
            high.map(|h| h.insurance_total.cents.get()),
        ),
        estimate.notes[5..].to_vec(),
    )
}

/// Plantar fasciitis, 1 injection (1,401.25 after prompt pay, as in tests/cases), PT through
/// insurance with `sessions` sessions and these plan figures.
fn insured(sessions: u32, figures: &str) -> String {
    format!(
        r#"{{ "condition": "plantar_fasciitis", "injections": "1",
        "physical_therapy": {{ "coverage": "insurance", "sessions": "{sessions}",
          "insurance": {{ {figures} }} }} }}"#
    )
}

#[test]
fn blank_plan_figures_are_a_range_from_the_best_case_to_the_worst() {
    // Every box blank, 4 sessions. The evaluation is allowed 110, a session 85: 450 in all.
    // Best case (no deductible left, 0 %): the patient pays 0 of it, the plan 450; 1,401.25.
    // Worst (the deductible not met during the course): the patient pays all 450; 1,851.25.
    let estimate = run(None, &insured(4, "")).expect("valid");
    assert_eq!(estimate.patient_total.formatted, "$1,401.25 – $1,851.25");
    assert_eq!(
        estimate.summary, "1 injection, 4 physical therapy sessions",
        "the counts are not a range"
    );
    let high = estimate.high.as_ref().expect("a range");
    assert_eq!(high.insurance_total.cents.get(), 0);
    let therapy: Vec<(u32, i64, &str)> = high
        .lines
        .iter()
        .filter(|l| l.payer == Payer::PatientShare)
        .map(|l| {
            (
                l.quantity,
                l.amount.cents.get(),
                l.detail.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        therapy,
        [
            (1, 11_000, "visit 1 · deductible"),
            (4, 34_000, "visits 2–5 · deductible")
        ]
    );
    assert_eq!(
        ends(&insured(4, "")),
        (
            (140_125, Some(185_125)),
            (45_000, Some(0)),
            vec![
                "Your plan's deductible, coinsurance and copay were not entered, so physical \
                 therapy is shown from the plan's best case to its worst; enter them for one figure."
                    .to_owned()
            ]
        )
    );
}

/// The patient's therapy lines of `breakdown`: (quantity, cents, why).
fn patient_therapy(breakdown: &Breakdown) -> Vec<(u32, i64, &str)> {
    breakdown
        .lines
        .iter()
        .filter(|l| l.payer == Payer::PatientShare)
        .map(|l| {
            let why = l.detail.as_deref().unwrap_or("");
            (l.quantity, l.amount.cents.get(), why)
        })
        .collect()
}

#[test]
fn a_coinsurance_not_entered_is_named_as_such_never_as_a_rate() {
    // $150 of deductible left, coinsurance and copay blank, 4 sessions (evaluation allowed 110,
    // a session 85).
    // Low end (the plan's best case after the deductible): visit 1 110 to the deductible; visit 2
    // the last 40 of it and none of the other 45; visits 3–5 nothing. 150 in all.
    // High end (its worst): visit 1 110; visit 2 40 + all 45 = 85; visits 3–5 85 each. 450.
    let estimate = run(None, &insured(4, r#""deductible_remaining": "150""#)).expect("valid");
    let (best, worst) = (
        "the plan's best case (coinsurance and copay not entered)",
        "the plan's worst case (coinsurance and copay not entered)",
    );
    assert_eq!(
        patient_therapy(&estimate.low),
        [
            (1, 11_000, "visit 1 · deductible"),
            (1, 4_000, &*format!("visit 2 · deductible, then {best}")),
            (3, 0, &*format!("visits 3–5 · {best}")),
        ]
    );
    let high = estimate.high.as_ref().expect("a range");
    assert_eq!(
        patient_therapy(high),
        [
            (1, 11_000, "visit 1 · deductible"),
            (1, 8_500, &*format!("visit 2 · deductible, then {worst}")),
            (3, 25_500, &*format!("visits 3–5 · {worst}")),
        ]
    );
    // Every box blank: the low end's lines are the best case, none says a rate.
    let estimate = run(None, &insured(4, "")).expect("valid");
    assert_eq!(
        patient_therapy(&estimate.low),
        [
            (1, 0, &*format!("visit 1 · {best}")),
            (4, 0, &*format!("visits 2–5 · {best}"))
        ]
    );
    // Spanish says it too.
    let request = insured(4, "").replacen('{', r#"{ "language": "es","#, 1);
    let spanish = run(None, &request).expect("valid");
    assert_eq!(
        patient_therapy(&spanish.low)[0].2,
        "visita 1 · el mejor caso del plan (no ingresó coseguro ni copago)"
    );
    // 0 % entered is an answer, and says so.
    let estimate = run(
        None,
        &insured(
            4,
            r#""deductible_remaining": "0", "coinsurance_percent": "0""#,
        ),
    )
    .expect("valid");
    assert_eq!(
        patient_therapy(&estimate.low),
        [
            (1, 0, "visit 1 · 0% coinsurance"),
            (4, 0, "visits 2–5 · 0% coinsurance")
        ]
    );
}

#[test]
fn the_figures_entered_limit_the_worst_case() {
    // Deductible blank, 20 %, $200 to the out-of-pocket maximum, 4 sessions.
    // Best (no deductible left): 20 % of 110 = 22, of 85 = 17 × 4 = 68: 90; 1,491.25; the plan
    // 88 + 4 × 68 = 360.
    // Worst (every visit to the deductible): 110 (90 left to the maximum), 85 (5 left), then 5,
    // then 0 and 0: 200; 1,601.25; the plan 80 + 85 + 85 = 250.
    assert_eq!(
        ends(&insured(
            4,
            r#""coinsurance_percent": "20", "out_of_pocket_remaining": "200""#
        )),
        (
            (149_125, Some(160_125)),
            (36_000, Some(25_000)),
            vec![
                "Your plan's deductible was not entered, so physical therapy is shown from the \
                 plan's best case to its worst; enter it for one figure."
                    .to_owned()
            ]
        )
    );
    // Coinsurance and copay blank, $150 of deductible left, 4 sessions.
    // Best (0 % after it): 110 + 40 = 150 to the deductible, then 0; 1,551.25; the plan 300.
    // Worst (100 % after it): all 450; 1,851.25; the plan 0.
    assert_eq!(
        ends(&insured(4, r#""deductible_remaining": "150""#)),
        (
            (155_125, Some(185_125)),
            (30_000, Some(0)),
            vec![
                "Your plan's coinsurance and copay were not entered, so physical therapy is shown \
                 from the plan's best case to its worst; enter them for one figure."
                    .to_owned()
            ]
        )
    );
}

#[test]
fn figures_that_cannot_change_the_cost_make_no_range() {
    // Nothing left to the out-of-pocket maximum: the patient pays 0 of every covered visit, at
    // either end, so one figure (1,401.25) and no note.
    assert_eq!(
        ends(&insured(4, r#""out_of_pocket_remaining": "0""#)),
        ((140_125, None), (45_000, None), vec![])
    );
    // A copay from the first visit needs neither the deductible nor the coinsurance: 5 visits
    // × 30 = 150; 1,551.25.
    assert_eq!(
        ends(&insured(
            4,
            r#""copay": "30", "copay_before_deductible": "yes""#
        )),
        ((155_125, None), (8_000 + 4 * 5_500, None), vec![])
    );
}

#[test]
fn a_copay_plan_says_whether_the_deductible_comes_first() {
    // $30 copay, $1,200 of deductible left, the evaluation and 12 sessions (13 visits).
    let figures = |timing: &str| {
        insured(
            12,
            &format!(r#""copay": "30", "deductible_remaining": "1200"{timing}"#),
        )
    };
    // "yes": the copay from the first visit: 13 × 30 = 390; 1,401.25 + 390 = 1,791.25; the plan
    // 80 + 12 × 55 = 740.
    let yes = ((179_125, None), (74_000, None), vec![]);
    assert_eq!(ends(&figures(r#", "copay_before_deductible": "yes""#)), yes);
    // Left out: as "yes", so every request made before the question prices as it did.
    assert_eq!(ends(&figures("")), yes);
    // "no": the deductible first. The course is allowed 110 + 12 × 85 = 1,130, less than 1,200,
    // so every visit goes to the deductible: 1,130; 2,531.25; the plan 0.
    assert_eq!(
        ends(&figures(r#", "copay_before_deductible": "no""#)),
        ((253_125, None), (0, None), vec![])
    );
    // "not sure": the lower (the copay first, 1,791.25) to the higher (2,531.25).
    assert_eq!(
        ends(&figures(r#", "copay_before_deductible": "not_sure""#)),
        (
            (179_125, Some(253_125)),
            (74_000, Some(0)),
            vec![
                "You are not sure whether your copay applies before your deductible is met, so \
                 physical therapy is shown both ways: the copay from the first visit at the low \
                 end, the deductible first at the high end."
                    .to_owned()
            ]
        )
    );
    // "no" with the deductible met during the course: $100 left. Evaluation: 100 to the
    // deductible + min(30, 10) = 110; then 12 copays of 30 = 360: 470; 1,871.25; the plan
    // 0 + 12 × 55 = 660.
    assert_eq!(
        ends(&insured(
            12,
            r#""copay": "30", "deductible_remaining": "100", "copay_before_deductible": "no""#
        )),
        ((187_125, None), (66_000, None), vec![])
    );
}

#[test]
fn a_copay_and_a_coinsurance_rate_both_entered_are_priced_both_ways() {
    // Plans combine a copay and coinsurance two ways: the copay alone (the low end), or the copay
    // and then the rate on the rest of the visit (the high end). The evaluation is allowed $110
    // and each session $85; the rest of the estimate is 1,401.25.
    let note = |rate: &str| {
        format!(
            "You entered both a copay and coinsurance. Plans combine them two ways, so physical \
             therapy is shown both ways: the copay alone at the low end, the copay and then {rate} \
             of the rest of each visit at the high end. Your plan's summary says which."
        )
    };
    // $25 copay from the first visit, 20 %, 4 sessions (5 visits).
    // Low: 5 × 25 = 125; 1,526.25; the plan (110 − 25) + 4 × (85 − 25) = 85 + 240 = 325.
    // High: evaluation 25 + 20 % of 85 = 25 + 17.00 = 42.00; a session 25 + 20 % of 60 = 37.00;
    // 42 + 4 × 37 = 190; 1,591.25; the plan 68 + 4 × 48 = 260.
    assert_eq!(
        ends(&insured(
            4,
            r#""copay": "25", "coinsurance_percent": "20", "copay_before_deductible": "yes""#
        )),
        (
            (152_625, Some(159_125)),
            (32_500, Some(26_000)),
            vec![note("20%")]
        )
    );
    // Each high-end line says why it costs what it does.
    let estimate = run(
        None,
        &insured(
            4,
            r#""copay": "25", "coinsurance_percent": "20", "copay_before_deductible": "yes""#,
        ),
    )
    .expect("valid");
    let reasons: Vec<_> = estimate
        .high
        .expect("a range")
        .lines
        .iter()
        .filter(|line| line.payer == Payer::PatientShare)
        .map(|line| line.detail.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        reasons,
        [
            "visit 1 · copay, then 20% coinsurance on the rest",
            "visits 2–5 · copay, then 20% coinsurance on the rest"
        ]
    );
    // $30 copay, 12.5 %: the rate's cents are rounded half up. Evaluation 30 + 12.5 % of 80 =
    // 30 + 10.00 = 40.00; a session 30 + 12.5 % of 55 = 30 + 6.875 → 6.88 = 36.88; 40 + 4 ×
    // 36.88 = 187.52; 1,588.77; the plan 70 + 4 × 48.12 = 262.48. Low: 5 × 30 = 150; 1,551.25;
    // the plan 80 + 4 × 55 = 300.
    assert_eq!(
        ends(&insured(
            4,
            r#""copay": "30", "coinsurance_percent": "12.5", "copay_before_deductible": "yes""#
        )),
        (
            (155_125, Some(158_877)),
            (30_000, Some(26_248)),
            vec![note("12.5%")]
        )
    );
    // The deductible first ($100 left), then a $25 copay, 20 %. Evaluation: 100 to the
    // deductible, then the copay at most the $10 left: 110, at both ends (nothing is left for the
    // rate). Sessions: 25 alone (low) or 25 + 20 % of 60 = 37 (high).
    // Low: 110 + 4 × 25 = 210; 1,611.25; the plan 0 + 4 × 60 = 240.
    // High: 110 + 4 × 37 = 258; 1,659.25; the plan 4 × 48 = 192.
    assert_eq!(
        ends(&insured(
            4,
            r#""copay": "25", "coinsurance_percent": "20", "deductible_remaining": "100",
                "copay_before_deductible": "no""#
        )),
        (
            (161_125, Some(165_925)),
            (24_000, Some(19_200)),
            vec![note("20%")]
        )
    );
    // A rate of 0 % is no coinsurance: one figure, no note (5 × 25 = 125; 1,526.25).
    assert_eq!(
        ends(&insured(
            4,
            r#""copay": "25", "coinsurance_percent": "0", "copay_before_deductible": "yes""#
        )),
        ((152_625, None), (32_500, None), vec![])
    );
}

#[test]
fn the_notes_on_missing_figures_in_spanish() {
    let spanish = |figures: &str| {
        let request = insured(4, figures).replacen('{', r#"{ "language": "es","#, 1);
        run(None, &request).expect("valid").notes[5..].to_vec()
    };
    assert_eq!(
        spanish(""),
        [
            "No se ingresaron el deducible, el coseguro ni el copago de su plan, así que la \
          fisioterapia se muestra desde el mejor caso del plan hasta el peor; ingréselos para ver \
          una sola cifra."
        ]
    );
    assert_eq!(
        spanish(r#""coinsurance_percent": "20""#),
        [
            "No se ingresó el deducible de su plan, así que la fisioterapia se muestra desde el \
          mejor caso del plan hasta el peor; ingréselo para ver una sola cifra."
        ]
    );
    assert_eq!(
        spanish(
            r#""copay": "30", "deductible_remaining": "1200", "copay_before_deductible": "not_sure""#
        ),
        [
            "No sabe si su copago se aplica antes de cubrir el deducible, así que la \
          fisioterapia se muestra de las dos formas: con el copago desde la primera visita en el \
          mínimo y con el deducible primero en el máximo."
        ]
    );
    assert_eq!(
        spanish(r#""copay": "25", "coinsurance_percent": "20", "copay_before_deductible": "yes""#),
        [
            "Ingresó un copago y también un coseguro. Los planes los combinan de dos formas, así que \
          la fisioterapia se muestra de las dos: solo el copago en el mínimo, y el copago más el \
          20% del resto de cada visita en el máximo. El resumen de su plan dice cuál se aplica."
        ]
    );
}

#[test]
fn the_right_to_a_good_faith_estimate_is_the_books_with_how_to_ask() {
    use amnion_estimator::estimate::right_to_estimate;
    use amnion_estimator::language::Language;
    let book = PriceBook::embedded_default().expect("valid");
    let english = right_to_estimate(&book, Language::English);
    assert_eq!(english.heading, "Your right to a Good Faith Estimate");
    assert!(english
        .text
        .starts_with("You have the right to receive a Good Faith Estimate explaining"));
    assert!(english
        .text
        .contains("at least $400 more than your Good Faith Estimate"));
    assert_eq!(
        english.how_to_ask,
        "To ask for a Good Faith Estimate, call Sample Foot & Ankle Clinic at (512) 555-0100 or \
         email estimates@clinic.example."
    );
    // The sentence in parts, the phone (digits only) and the email as links a phone can follow.
    let part = |text: &str, href: Option<&str>| (text.to_owned(), href.map(str::to_owned));
    assert_eq!(
        english.parts,
        [
            part(
                "To ask for a Good Faith Estimate, call Sample Foot & Ankle Clinic at ",
                None
            ),
            part("(512) 555-0100", Some("tel:5125550100")),
            part(" or email ", None),
            part(
                "estimates@clinic.example",
                Some("mailto:estimates@clinic.example")
            ),
            part(".", None),
        ]
    );
    let spanish = right_to_estimate(&book, Language::Spanish);
    assert_eq!(spanish.heading, "Su derecho a un Estimado de buena fe");
    assert!(spanish
        .text
        .contains("al menos $400 más alta que su Estimado de buena fe"));
    assert_eq!(
        spanish.how_to_ask,
        "Para pedir un Estimado de buena fe, llame a Sample Foot & Ankle Clinic al (512) 555-0100 \
         o escriba a estimates@clinic.example."
    );
}

#[test]
fn a_book_from_before_the_notice_shows_the_crates_wording() {
    use amnion_estimator::estimate::right_to_estimate;
    use amnion_estimator::language::Language;
    let json = std::fs::read_to_string(format!(
        "{}/tests/fixtures/price-books/release-3613b6a-sample.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("the fixture");
    let old = PriceBook::from_json(&json).expect("an old book still reads");
    let english = right_to_estimate(&old, Language::English);
    assert!(english
        .text
        .contains("visit www.cms.gov/nosurprises or call 1-800-985-3059"));
    // No email in the book: the phone alone.
    assert_eq!(
        english.how_to_ask,
        "To ask for a Good Faith Estimate, call Sample Foot & Ankle Clinic at (512) 555-0100."
    );
    let spanish = right_to_estimate(&old, Language::Spanish);
    assert!(spanish
        .text
        .starts_with("Usted tiene derecho a recibir un Estimado de buena fe"));
    assert_eq!(
        spanish.how_to_ask,
        "Para pedir un Estimado de buena fe, llame a Sample Foot & Ankle Clinic al (512) 555-0100."
    );
}

#[test]
fn the_notice_and_the_email_are_checked() {
    let mut book: serde_json::Value =
        serde_json::from_str(amnion_estimator::price_book::DEFAULT_PRICE_BOOK_JSON)
            .expect("the sample is JSON");
    book["clinic"]["email"] = "estimates at clinic".into();
    book["disclaimers"]["good_faith_estimate_right"] =
        serde_json::json!({ "en": "You may ask for an estimate.", "es": "" });
    let error = PriceBook::from_json(&book.to_string()).expect_err("three problems");
    let problems: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
    assert_eq!(
        problems,
        [
            r#"clinic.email: must be an email address like billing@clinic.example; it is "estimates at clinic""#,
            "disclaimers.good_faith_estimate_right.es: must not be empty",
            "disclaimers.good_faith_estimate_right: must state the $400 dispute threshold",
            "disclaimers.good_faith_estimate_right.es: must state the $400 dispute threshold",
        ]
    );
    for good in ["billing@clinic.example", "a.b+gfe@sub.clinic.example"] {
        book["clinic"]["email"] = good.into();
        book["disclaimers"]["good_faith_estimate_right"] =
            "Dispute a bill $400 or more above it.".into();
        assert!(PriceBook::from_json(&book.to_string()).is_ok(), "{good}");
    }
    for bad in [
        "@clinic.example",
        "billing@clinic",
        "billing@.example",
        "a@b@c.example",
    ] {
        book["clinic"]["email"] = bad.into();
        assert!(PriceBook::from_json(&book.to_string()).is_err(), "{bad}");
    }
}
