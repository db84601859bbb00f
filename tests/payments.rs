//! Payment options through the public Rust API: amortization against published values and a
//! schedule worked by hand, deferred interest, HSA/FSA savings, offers that are not available, the
//! comparison grid against `estimate`, the price book's financing rules, and properties of the
//! schedule over thousands of random loans.

#![cfg(not(target_arch = "wasm32"))]

mod payment_cases;

use amnion_estimator::estimate::{estimate, Coverage, EstimateRequest};
use amnion_estimator::language::Language;
use amnion_estimator::money::{BasisPoints, Cents};
use amnion_estimator::payment::amortization::{monthly_payment, within_tolerance, Schedule};
use amnion_estimator::payment::fixed_point::{MonthlyRate, UNITS_PER_BASIS_POINT};
use amnion_estimator::payment::{
    compare, financing_choices, payment_options, FinancingOffer, PaymentAnswers,
};
use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::Error;
use proptest::prelude::*;

fn book() -> PriceBook {
    PriceBook::embedded_default().expect("embedded price book is valid")
}

fn request(json: &str) -> EstimateRequest {
    EstimateRequest::read(&mut serde_json::Deserializer::from_str(json)).expect("valid request")
}

fn answers(json: &str) -> Result<PaymentAnswers, Error> {
    PaymentAnswers::read(&mut serde_json::Deserializer::from_str(json))
}

fn cents(dollars: i64, cents: i64) -> Cents {
    Cents::new(dollars * 100 + cents)
}

#[test]
fn published_payments() {
    // $10,000 at 6 % for 36 months, $304.22 in standard loan tables: r = 0.5 %,
    // 1.005^36 = 1.196680525, G / (G − 1) = 6.084387490; 10,000 × 0.005 × 6.084387490 = 304.2194
    // -> $304.22.
    assert_eq!(
        monthly_payment(cents(10_000, 0), BasisPoints::new(600), 36),
        Ok(cents(304, 22))
    );
    // $20,000 at 5 % for 60 months, $377.42: r = 0.0041666..., 1.0041666...^60 = 1.283358679,
    // G / (G − 1) = 4.529096075; 83.333333 × 4.529096075 = 377.4247 -> $377.42.
    assert_eq!(
        monthly_payment(cents(20_000, 0), BasisPoints::new(500), 60),
        Ok(cents(377, 42))
    );
    // The textbook mortgage, $200,000 at 6.5 % for 30 years, $1,264.14: 1.00541666...^360 =
    // 6.991797974, G / (G − 1) = 1.166894813; 1,083.333333 × 1.166894813 = 1,264.1360 -> $1,264.14.
    // Far past a price book's 60 months, it checks the arithmetic at a large power.
    assert_eq!(
        monthly_payment(cents(200_000, 0), BasisPoints::new(650), 360),
        Ok(cents(1_264, 14))
    );
}

#[test]
fn a_schedule_by_hand_whose_last_payment_absorbs_the_rounding() {
    // $1,000.00 at 12 % for 3 months: r = 1 %, 1.01^3 = 1.030301;
    // 1,000 × 0.01 × 1.030301 / 0.030301 = 340.0221 -> $340.02.
    // month 1: interest 1 % of 1,000.00 = 10.00; principal 330.02; balance 669.98.
    // month 2: interest 6.6998 -> 6.70 (half up); principal 333.32; balance 336.66.
    // month 3: interest 3.3666 -> 3.37; the last payment is what is owed: 336.66 + 3.37 = 340.03.
    // Payments 340.02 + 340.02 + 340.03 = 1,020.07 = 1,000.00 + 10.00 + 6.70 + 3.37.
    let schedule = Schedule::new(cents(1_000, 0), BasisPoints::new(1_200), 3).expect("valid loan");
    let rows: Vec<[i64; 4]> = schedule
        .rows
        .iter()
        .map(|row| {
            [
                row.payment.get(),
                row.interest.get(),
                row.principal.get(),
                row.balance.get(),
            ]
        })
        .collect();
    assert_eq!(
        rows,
        [
            [34_002, 1_000, 33_002, 66_998],
            [34_002, 670, 33_332, 33_666],
            [34_003, 337, 33_666, 0],
        ]
    );
    assert_eq!(schedule.payment, cents(340, 2));
    assert_eq!(schedule.total_of_payments, cents(1_020, 7));
    assert_eq!(schedule.interest, cents(20, 7));
    assert_eq!(schedule.disclosed_apr, BasisPoints::new(1_200));
    assert!(within_tolerance(
        schedule.actual_monthly_rate,
        BasisPoints::new(1_200)
    ));
}

#[test]
fn the_published_loans_disclose_their_apr_within_an_eighth_of_a_point() {
    for (principal, apr, months) in [
        (cents(10_000, 0), 600, 36),
        (cents(20_000, 0), 500, 60),
        (cents(2_512, 75), 999, 24),
        (cents(2_512, 75), 1_799, 60),
    ] {
        let apr = BasisPoints::new(apr);
        let schedule = Schedule::new(principal, apr, months).expect("valid loan");
        assert!(
            within_tolerance(schedule.actual_monthly_rate, apr),
            "{principal} at {apr}"
        );
        assert_eq!(schedule.actual_apr, apr, "{principal} at {apr}");
        assert_eq!(schedule.disclosed_apr, apr);
    }
}

#[test]
fn a_loan_of_a_few_cents_discloses_the_apr_its_rounding_really_carries() {
    // $0.10 at 9.99 % for 2 months: 0.10 × 0.008325 × 1.016719 / 0.016719 = 0.05063 -> $0.05;
    // month 1: interest 0.0008 -> 0, balance 0.05; month 2: interest 0, the last payment 0.05.
    // The payments carry no interest at all: the actual APR is 0 %, not 9.99 %, and that is what
    // must be shown.
    let schedule = Schedule::new(Cents::new(10), BasisPoints::new(999), 2).expect("valid loan");
    assert_eq!(schedule.total_of_payments, Cents::new(10));
    assert_eq!(schedule.actual_apr, BasisPoints::new(0));
    assert_eq!(schedule.disclosed_apr, BasisPoints::new(0));
}

fn offer_for<'a>(offers: &'a [FinancingOffer], plan: &str) -> &'a FinancingOffer {
    offers
        .iter()
        .find(|offer| offer.plan_id == plan)
        .unwrap_or_else(|| panic!("an offer for {plan}"))
}

#[test]
fn hand_worked_payment_cases() {
    let book = book();
    for case in payment_cases::payment_cases() {
        let answers = answers(case.payment).expect("valid payment answers");
        let options = payment_options(&book, &request(case.request), &answers)
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        assert_eq!(
            options.financed_amount.cents.get(),
            case.financed,
            "{}",
            case.name
        );
        assert_eq!(options.financing.len(), 8, "every sample plan is listed");
        for (plan, expected) in &case.offers {
            let offer = offer_for(&options.financing, plan);
            match expected {
                Ok(terms) => {
                    let got = offer.offer.as_ref().unwrap_or_else(|| {
                        panic!("{}: {plan}: {:?}", case.name, offer.not_available)
                    });
                    assert_eq!(got.monthly_payment.cents.get(), terms.monthly, "{plan}");
                    assert_eq!(got.payments, terms.payments, "{plan}");
                    assert_eq!(
                        got.back_interest.as_ref().map(|a| a.cents.get()),
                        terms.back_interest,
                        "{plan}"
                    );
                    assert_eq!(
                        got.total_of_payments.cents.get(),
                        case.financed + got.interest.cents.get()
                    );
                    assert_eq!(got.apr, offer.apr, "{plan}: the plan's APR is disclosed");
                }
                Err(reason) => {
                    assert!(offer.offer.is_none(), "{plan}");
                    assert_eq!(offer.not_available.as_deref(), Some(*reason), "{plan}");
                }
            }
        }
        let hsa = options.hsa.effective_cost.as_ref().expect("a bracket");
        assert_eq!(
            (hsa.low.cents.get(), hsa.high.cents.get()),
            case.hsa_effective,
            "{}",
            case.name
        );
    }
}

#[test]
fn the_deferred_interest_offer_in_words() {
    // 2,512.75 over 12 months (see the first payment case): 11 payments of 209.40 = 2,303.40, and
    // the last is 2,512.75 − 2,303.40 = 209.35.
    let options = payment_options(
        &book(),
        &request(payment_cases::payment_cases()[0].request),
        &PaymentAnswers::default(),
    )
    .expect("valid");
    let deferred = offer_for(&options.financing, "deferred_12");
    let offer = deferred.offer.as_ref().expect("available");
    assert_eq!(offer.last_payment.formatted, "$209.35");
    assert_eq!(offer.summary, "11 payments of $209.40, then $209.35");
    assert_eq!(offer.interest.cents, Cents::ZERO);
    assert_eq!(
        deferred.terms,
        "No interest if paid in full within 12 months; otherwise 26.99% APR from the purchase date"
    );
    assert_eq!(
        offer.warning.as_deref(),
        Some("If not paid off in 12 months: up to $678.19 of interest, charged from the purchase date (26.99% APR).")
    );
}

/// The sample price book as JSON, to change before reading it.
fn sample_json() -> serde_json::Value {
    serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON")
}

/// The payment options for one plantar fasciitis injection under the sample book changed by
/// `edit`, after making that injection cost exactly `price` cents (no fees, no discount).
fn one_injection_at(
    price: i64,
    edit: impl FnOnce(&mut serde_json::Value),
) -> amnion_estimator::payment::PaymentOptions {
    let mut book = sample_json();
    book["products"][0]["price_cents"] = price.into();
    book["administration_fees"][0]["price_cents"] = 0.into();
    book["ultrasound_guidance"]["price_cents"] = 0.into();
    book["discounts"]["prompt_pay"]["percent_off_bp"] = 0.into();
    edit(&mut book);
    let book = PriceBook::from_json(&book.to_string()).expect("valid");
    let one = request(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#);
    payment_options(&book, &one, &PaymentAnswers::default()).expect("valid")
}

#[test]
fn a_small_deferred_amount_pays_the_minimum_payment() {
    // $250.00 over 12 months: 20.833... -> 20.84, raised to the $25.00 minimum; 250 / 25 = 10
    // payments of $25.00.
    let options = one_injection_at(25_000, |_| {});
    assert_eq!(options.pay_in_full.total.formatted, "$250.00");
    let offer = offer_for(&options.financing, "deferred_12")
        .offer
        .as_ref()
        .expect("$250 is over the $200 minimum");
    assert_eq!(offer.summary, "10 payments of $25.00");
    let fixed = offer_for(&options.financing, "fixed_24");
    assert_eq!(
        fixed.not_available.as_deref(),
        Some("Needs a purchase of $1,000.00 or more")
    );
}

#[test]
fn a_fixed_apr_payment_below_the_lenders_minimum_is_not_available() {
    // $1,000.00 at 9.99 % for 24 months: P·r = 8.325; × 5.542379697926 = 46.1403 -> $46.14, below
    // a $50.00 minimum payment.
    let options = one_injection_at(100_000, |book| {
        book["financing"]["plans"][4]["min_payment_cents"] = 5_000.into();
    });
    assert_eq!(
        offer_for(&options.financing, "fixed_24")
            .not_available
            .as_deref(),
        Some("The payment would be $46.14, below the lender's minimum of $50.00")
    );
}

#[test]
fn hsa_savings_by_hand() {
    let one = request(r#"{ "condition": "plantar_fasciitis", "injections": 1 }"#);
    let hsa = |json: &str| {
        payment_options(&book(), &one, &answers(json).expect("ok"))
            .expect("valid")
            .hsa
    };
    let figures = |hsa: &amnion_estimator::payment::HsaSavings| {
        (
            hsa.combined.formatted.clone(),
            hsa.savings.as_ref().map(|s| s.formatted.clone()),
            hsa.effective_cost.as_ref().map(|s| s.formatted.clone()),
            hsa.summary.clone(),
        )
    };
    // 1 injection: $1,401.25. Through payroll at 24 %: 24 % + 4.95 % + 7.65 % = 36.6 %;
    // 1,401.25 × 0.366 = 512.8575 -> 512.85 (down); 1,401.25 − 512.85 = 888.40.
    let through_payroll = hsa(
        r#"{ "federal_tax_percent": "24", "state_tax_percent": "4.95%", "through_payroll": "yes" }"#,
    );
    assert_eq!(
        figures(&through_payroll),
        (
            "36.6%".into(),
            Some("$512.85".into()),
            Some("$888.40".into()),
            "Saves $512.85: 24% federal + 4.95% state + 7.65% Social Security and Medicare tax = \
             36.6% of the total, rounded down to the cent."
                .into()
        )
    );
    assert!(through_payroll.caveat.contains("plan administrator"));
    // Put in by the visitor: income tax only. 24 % + 4.95 % = 28.95 %; 1,401.25 × 0.2895 =
    // 405.661875 -> 405.66; 995.59.
    assert_eq!(
        figures(&hsa(
            r#"{ "federal_tax_percent": "24", "state_tax_percent": "4.95", "through_payroll": "no" }"#
        )),
        (
            "28.95%".into(),
            Some("$405.66".into()),
            Some("$995.59".into()),
            "Saves $405.66: 24% federal + 4.95% state = 28.95% of the total, rounded down to the cent.".into()
        )
    );
    // At 37 %, through payroll: past Social Security's wage base, Medicare's 1.45 % only.
    // 37 % + 1.45 % = 38.45 % (no state entered: not counted); 1,401.25 × 0.3845 = 538.780625
    // -> 538.78; 862.47.
    assert_eq!(
        figures(&hsa(
            r#"{ "federal_tax_percent": "37", "through_payroll": "yes" }"#
        )),
        (
            "38.45%".into(),
            Some("$538.78".into()),
            Some("$862.47".into()),
            "Saves $538.78: 37% federal + 1.45% Medicare tax = 38.45% of the total, rounded down to the cent. Your state \
             income tax rate is not entered, so none is counted. Social Security tax is not \
             counted: at a federal bracket of 32% or more, your wages are likely past the most it \
             is taken from each year."
                .into()
        )
    );
    // 24 % is the last bracket with Social Security, 32 % the first without: 24 + 7.65 = 31.65 %
    // and 32 + 1.45 = 33.45 %.
    let combined = |federal: &str| {
        hsa(&format!(
            r#"{{ "federal_tax_percent": "{federal}", "state_tax_percent": "0", "through_payroll": "yes" }}"#
        ))
        .combined
        .formatted
    };
    assert_eq!(
        (combined("24"), combined("32")),
        ("31.65%".into(), "33.45%".into())
    );
    // The payroll question not answered: payroll tax not counted, and said. 22 % of 1,401.25 =
    // 308.275 -> 308.27; 1,092.98.
    assert_eq!(
        figures(&hsa(
            r#"{ "federal_tax_percent": "22", "state_tax_percent": "0" }"#
        )),
        (
            "22%".into(),
            Some("$308.27".into()),
            Some("$1,092.98".into()),
            "Saves $308.27: 22% federal + 0% state = 22% of the total, rounded down to the cent. Payroll tax is not counted \
             until you say whether the money goes in through your employer's payroll."
                .into()
        )
    );
    // No federal bracket: no figure at all, only what to enter (a state rate alone is not
    // enough). The rates it would count are 5 % + Medicare's 1.45 % = 6.45 %, shown nowhere.
    assert_eq!(
        figures(&hsa(
            r#"{ "state_tax_percent": "5", "through_payroll": "yes" }"#
        )),
        (
            "6.45%".into(),
            None,
            None,
            "Enter your federal income tax bracket to see what paying from an HSA or FSA saves."
                .into()
        )
    );
}

#[test]
fn bad_payment_answers_are_named_by_path() {
    let book = book();
    let one = request(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#);
    let error = |json: &str| match answers(json) {
        Err(error) => error.to_string(),
        Ok(answers) => payment_options(&book, &one, &answers)
            .and_then(|_| compare(&book, &one, &answers))
            .expect_err(json)
            .to_string(),
    };
    assert_eq!(
        error(r#"{ "federal_tax_percent": "140" }"#),
        r#"payment.federal_tax_percent: enter a percentage from 0 to 100; you typed "140""#
    );
    // 24 + 70 + 7.65 (through payroll, under the wage base) = 101.65 %.
    assert_eq!(
        error(r#"{ "federal_tax_percent": "24", "state_tax_percent": "70", "through_payroll": "yes" }"#),
        "payment.state_tax_percent: federal + state + 7.65% payroll tax must not exceed 100%; together they are 101.65%"
    );
    // Not through payroll: 37 + 70 = 107 %.
    assert_eq!(
        error(r#"{ "federal_tax_percent": "37", "state_tax_percent": "70", "through_payroll": "no" }"#),
        "payment.state_tax_percent: federal + state tax must not exceed 100%; together they are 107%"
    );
    assert_eq!(
        error(r#"{ "through_payroll": "maybe" }"#),
        r#"payment.through_payroll: must be "yes" or "no"; it is "maybe""#
    );
    assert_eq!(
        error(r#"{ "plan": "fixed_99" }"#),
        r#"payment.plan: unknown plan "fixed_99""#
    );
    assert!(error(r#"{ "federal_tax_percent": true }"#)
        .starts_with("payment.federal_tax_percent: must be text or a whole number"));
    let unknown = error(r#"{ "tax": "1" }"#);
    assert!(
        unknown.starts_with("payment.tax: is not a payment field: the fields here are"),
        "{unknown}"
    );
}

#[test]
fn a_spanish_reader_is_told_in_spanish() {
    let book = book();
    let uno =
        request(r#"{ "condition": "plantar_fasciitis", "injections": "1", "language": "es" }"#);
    let error = |json: &str| {
        let answers = answers(json).expect("well-formed answers");
        payment_options(&book, &uno, &answers)
            .and_then(|_| compare(&book, &uno, &answers))
            .expect_err(json)
            .to_string()
    };
    assert_eq!(
        error(r#"{ "federal_tax_percent": "140" }"#),
        r#"payment.federal_tax_percent: escriba un porcentaje de 0 a 100; usted escribió "140""#
    );
    assert_eq!(
        error(r#"{ "plan": "fixed_99" }"#),
        r#"payment.plan: plan desconocido: "fixed_99""#
    );
    // 22 + 5 + 7.65 = 34.65 % of 1,401.25 = 485.533125 -> 485.53: the summary says it is rounded
    // down, so its own sum checked by hand is not a cent off unexplained.
    let rates =
        r#"{ "federal_tax_percent": "22", "state_tax_percent": "5", "through_payroll": "yes" }"#;
    let answers = answers(rates).expect("valid");
    let summary = payment_options(&book, &uno, &answers)
        .expect("valid")
        .hsa
        .summary;
    assert!(summary.starts_with("Ahorra $485.53: "), "{summary}");
    assert!(
        summary.ends_with("= 34.65% del total, redondeado al centavo hacia abajo."),
        "{summary}"
    );
}

#[test]
fn the_comparison_grid_by_hand_and_as_estimate_prices_it() {
    let book = book();
    let base = request(payment_cases::COMPARISON_REQUEST);
    let comparison = compare(
        &book,
        &base,
        &answers(payment_cases::COMPARISON_PAYMENT).expect("ok"),
    )
    .expect("valid");
    let columns: Vec<Coverage> = comparison.columns.iter().map(|c| c.coverage).collect();
    assert_eq!(
        columns,
        [Coverage::None, Coverage::Cash, Coverage::Insurance]
    );
    assert_eq!(comparison.pt_sessions, 8);
    assert_eq!(comparison.rows.len(), payment_cases::COMPARISON.len());
    for (row, (injections, cells)) in comparison.rows.iter().zip(payment_cases::COMPARISON) {
        assert_eq!(row.injections, injections);
        for ((cell, (total, monthly)), coverage) in row.cells.iter().zip(cells).zip(&columns) {
            assert_eq!(
                cell.patient_total.cents.get(),
                total,
                "{injections} {coverage:?}"
            );
            assert_eq!(
                cell.monthly_payment.as_ref().map(|m| m.cents.get()),
                Some(monthly)
            );
            // The same answers through `estimate` give the same total.
            let mut scenario = base.clone();
            scenario.injections = injections.to_string().as_str().into();
            scenario.physical_therapy.coverage = *coverage;
            let estimated = estimate(&book, &scenario).expect("valid");
            assert_eq!(estimated.patient_total.low, cell.patient_total);
            assert_eq!(
                cell.current,
                injections == 1 && *coverage == Coverage::Cash,
                "only the visitor's own answers are current"
            );
        }
    }
    assert_eq!(
        comparison.plan.as_ref().map(|p| p.value.as_str()),
        Some("deferred_12")
    );
}

#[test]
fn the_comparison_says_why_a_plan_is_not_available() {
    // fixed_48 needs $2,500.00: 1 injection without PT is 1,638.75 (no), in cash 2,512.75 (yes:
    // 69.92, see the payment cases).
    let comparison = compare(
        &book(),
        &request(payment_cases::COMPARISON_REQUEST),
        &answers(r#"{ "plan": "fixed_48" }"#).expect("ok"),
    )
    .expect("valid");
    let first = &comparison.rows[0].cells;
    assert_eq!(
        first[0].not_available.as_deref(),
        Some("Needs a purchase of $2,500.00 or more")
    );
    assert_eq!(first[0].monthly_payment, None);
    assert_eq!(
        first[1]
            .monthly_payment
            .as_ref()
            .map(|m| m.formatted.as_str()),
        Some("$69.92")
    );
}

#[test]
fn the_comparison_uses_typical_sessions_and_the_condition_range() {
    // Partial tendon tear: typically 1 to 3 injections, 10 to 16 PT sessions; "typical" makes each
    // therapy cell a range, 10 to 16, as the estimate is.
    let typical = request(
        r#"{ "condition": "partial_tendon_tear", "injections": "not_sure",
            "physical_therapy": { "coverage": "cash", "sessions": "typical" } }"#,
    );
    let comparison = compare(&book(), &typical, &PaymentAnswers::default()).expect("valid");
    assert_eq!(
        (comparison.pt_sessions, comparison.pt_sessions_most),
        (10, 16)
    );
    assert_eq!(comparison.rows.len(), 3);
    assert_eq!(
        comparison.notes[0],
        "Physical therapy columns: the evaluation and 10 to 16 sessions, as typical for Partial \
         tendon tear."
    );
    // 1 injection, cash PT: 1,475 + 160 + 10 × 95 = 2,585.00; 5 % = 129.25; 2,455.75. With 16:
    // 1,475 + 160 + 16 × 95 = 3,155.00; 5 % = 157.75; 2,997.25. Without a plan, totals only.
    let cell = &comparison.rows[0].cells[1];
    assert_eq!(cell.patient_total.formatted, "$2,455.75");
    let high = cell
        .patient_total_high
        .as_ref()
        .map(|a| a.formatted.as_str());
    assert_eq!(high, Some("$2,997.25"));
    assert_eq!((cell.monthly_payment.as_ref(), cell.current), (None, false));
    // The grid reaches the estimate's high end: 3 injections, 16 sessions, in cash.
    let estimated = estimate(&book(), &typical).expect("valid");
    let corner = &comparison.rows[2].cells[1];
    assert_eq!(
        corner.patient_total_high.as_ref().map(|a| a.cents),
        Some(estimated.patient_total.high.cents)
    );
    // A monthly payment on a range is worked out on its high end: the 24-month deferred plan,
    // 2,997.25 / 24 = 124.885416… -> 124.89 (up).
    let answers = PaymentAnswers {
        plan: Some("deferred_24".into()),
        ..PaymentAnswers::default()
    };
    let comparison = compare(&book(), &typical, &answers).expect("valid");
    let monthly = comparison.rows[0].cells[1].monthly_payment.as_ref();
    assert_eq!(monthly.map(|m| m.formatted.as_str()), Some("$124.89"));
    // A number of sessions answered: one amount per cell, and the note says that number.
    let eight = request(
        r#"{ "condition": "partial_tendon_tear", "injections": "1",
            "physical_therapy": { "coverage": "cash", "sessions": "8" } }"#,
    );
    let comparison = compare(&book(), &eight, &PaymentAnswers::default()).expect("valid");
    assert_eq!(comparison.rows[0].cells[1].patient_total_high, None);
    assert_eq!(
        comparison.notes[0],
        "Physical therapy columns: the evaluation and 8 sessions."
    );
}

#[test]
fn the_plan_chooser_lists_every_plan_then_none() {
    let choices = financing_choices(&book(), Language::English);
    let values: Vec<&str> = choices.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(
        values,
        [
            "deferred_6",
            "deferred_12",
            "deferred_18",
            "deferred_24",
            "fixed_24",
            "fixed_36",
            "fixed_48",
            "fixed_60",
            ""
        ]
    );
}

#[test]
fn the_price_book_refuses_bad_financing_plans_by_path() {
    let mut book = sample_json();
    let plans = &mut book["financing"]["plans"];
    plans[1]["id"] = "deferred_6".into();
    plans[2]["months"] = 72.into();
    plans[3]["apr_bp"] = 3_601.into();
    plans[4]["min_purchase_cents"] = (-1).into();
    plans[5]["label"] = " ".into();
    book["financing"]["disclaimer"] = "".into();
    let error = PriceBook::from_json(&book.to_string()).expect_err("invalid");
    let fields: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
    assert_eq!(
        fields,
        [
            "financing.disclaimer: must not be empty",
            "financing.plans[1].id: must be unique: \"deferred_6\" is used twice",
            "financing.plans[2].months: must be 1 to 60 months; it is 72",
            // 3601 basis points are 36.01%, one over the 3600 (36%) ceiling; -1 cent is -$0.01.
            "financing.plans[3].apr_bp: must be 0% to 36%; it is 36.01%",
            "financing.plans[4].min_purchase_cents: must be $0.00 to $1,000,000.00; it is -$0.01",
            "financing.plans[5].label: must not be empty",
        ]
    );
    let json = DEFAULT_PRICE_BOOK_JSON.replacen("\"fixed_apr\"", "\"fixed\"", 1);
    let error = PriceBook::from_json(&json).expect_err("unknown kind");
    assert!(
        error.to_string().contains(
            "financing.plans[4].kind: must be `deferred_interest` or `fixed_apr`; it is \"fixed\""
        ),
        "{error}"
    );
}

#[test]
fn a_price_book_without_financing_offers_none() {
    let mut book = sample_json();
    book.as_object_mut().expect("object").remove("financing");
    let book = PriceBook::from_json(&book.to_string()).expect("financing is optional");
    let options = payment_options(
        &book,
        &request(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#),
        &PaymentAnswers::default(),
    )
    .expect("valid");
    assert!(options.financing.is_empty() && options.notes.is_empty());
    assert_eq!(
        financing_choices(&book, Language::English).len(),
        1,
        "only \"no financing\""
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    /// Any loan a price book can hold: payments sum to principal + interest to the cent, the
    /// balance ends at 0, each row adds up, only the last payment differs, and the APR shown is
    /// within 1/8 of a point of what the payments carry.
    #[test]
    fn schedules_sum_exactly(
        principal in 1i64..=100_000_000,
        apr in 0u32..=3_600,
        months in 1u32..=60,
    ) {
        let apr = BasisPoints::new(apr);
        let schedule = Schedule::new(Cents::new(principal), apr, months)
            .expect("a loan within the price book's limits");
        let rows = &schedule.rows;
        let paid: i64 = rows.iter().map(|r| r.payment.get()).sum();
        let interest: i64 = rows.iter().map(|r| r.interest.get()).sum();
        prop_assert_eq!(paid, principal + interest);
        prop_assert_eq!(schedule.total_of_payments.get(), paid);
        prop_assert_eq!(schedule.interest.get(), interest);
        prop_assert_eq!(rows.last().map(|r| r.balance), Some(Cents::ZERO));
        let mut balance = principal;
        for row in rows {
            prop_assert_eq!(row.payment.get(), row.interest.get() + row.principal.get());
            balance -= row.principal.get();
            prop_assert_eq!(row.balance.get(), balance);
            prop_assert!(row.payment >= Cents::ZERO && row.balance >= Cents::ZERO);
        }
        for row in &rows[..rows.len() - 1] {
            prop_assert_eq!(row.payment, schedule.payment);
        }
        // From $100 up, the schedule runs the full term; below, a payment of a few cents may
        // repay a loan of a few dollars early.
        if principal >= 10_000 {
            prop_assert_eq!(rows.len(), months as usize);
        }
        // Regulation Z's 1/8 point holds once the cent's rounding is small against the payments.
        if principal >= 20_000 {
            prop_assert!(
                within_tolerance(schedule.actual_monthly_rate, apr),
                "actual {} units vs {} bp", schedule.actual_monthly_rate.units(), apr.get()
            );
            prop_assert_eq!(schedule.disclosed_apr, apr);
        }
    }

    /// For terms short enough that (120 000 + a)^n fits in an `i128`, the exact payment is a
    /// fraction of integers: the fixed-point payment must be it, rounded half up.
    #[test]
    fn payments_match_exact_rational_arithmetic_for_short_terms(
        principal in 1i64..=100_000_000,
        apr in 1u32..=3_600,
        months in 1u32..=4,
    ) {
        // Exact: PMT = P·a·B^n / (120 000 · (B^n − 120 000^n)) with B = 120 000 + a. Rounded half
        // up: ⌊(2·num + den) / (2·den)⌋.
        let (p, a, n) = (i128::from(principal), i128::from(apr), months);
        let base = 120_000 + a;
        let numerator = p * a * base.pow(n);
        let denominator = 120_000 * (base.pow(n) - 120_000i128.pow(n));
        let exact = (2 * numerator + denominator) / (2 * denominator);
        let computed = monthly_payment(Cents::new(principal), BasisPoints::new(apr), months)
            .expect("valid");
        prop_assert_eq!(i128::from(computed.get()), exact);
    }
}

#[test]
fn the_fixed_point_rate_of_a_basis_point_is_exact() {
    // 1 bp APR = 0.0001 / 12 a month = 1/120 000 of the balance; in units of 1 / (1.2 × 10^18):
    // 10^13.
    assert_eq!(
        MonthlyRate::from_apr(BasisPoints::new(1)).units(),
        UNITS_PER_BASIS_POINT
    );
    assert_eq!(UNITS_PER_BASIS_POINT, 10_000_000_000_000);
}

#[test]
fn the_total_says_it_assumes_payment_in_full_at_the_visit_and_what_it_is_otherwise() {
    // 1 injection with a consultation: 250 + 1,200 + 150 + 125 = 1,725.00; 5 % = 86.25; 1,638.75.
    let one =
        request(r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true }"#);
    let estimated = estimate(&book(), &one).expect("valid");
    assert_eq!(estimated.patient_total.formatted, "$1,638.75");
    let condition = estimated
        .prompt_pay
        .as_ref()
        .expect("a prompt-pay discount");
    assert_eq!(
        condition.text,
        "Assumes you pay in full at the visit (5% off); otherwise $1,725.00."
    );
    // A range: 1 injection as above, or 2: 250 + 2 × 1,475 = 3,200.00 less 221.25 for the second
    // = 2,978.75; 5 % = 148.9375 -> 148.94; 2,829.81. Without the 5 %: 1,725.00 – 2,978.75.
    let range = request(
        r#"{ "condition": "plantar_fasciitis", "injections": "not_sure", "consultation": true }"#,
    );
    let estimated = estimate(&book(), &range).expect("valid");
    assert_eq!(estimated.patient_total.formatted, "$1,638.75 – $2,829.81");
    assert_eq!(
        estimated.prompt_pay.as_ref().expect("a discount").text,
        "Assumes you pay in full at the visit (5% off); otherwise $1,725.00 – $2,978.75."
    );
    // "How to pay" says so under "Pay in full", and that the discount holds when financing (the
    // sample book's default): the high end, 2,829.81, is financed.
    let options = payment_options(&book(), &range, &PaymentAnswers::default()).expect("valid");
    assert_eq!(
        options.pay_in_full.note.as_deref(),
        Some("Assumes you pay in full at the visit (5% off); otherwise $1,725.00 – $2,978.75.")
    );
    assert_eq!(options.financed_amount.formatted, "$2,829.81");
    assert_eq!(
        options.financing_discount_note.as_deref(),
        Some("The 5% discount for paying in full still holds when you finance: the lender pays the clinic in full at the visit.")
    );
    // A book whose discount does not hold when financing: financing is on 2,978.75. The 24-month
    // deferred-interest plan: 2,978.75 / 24 = 124.114583… -> 124.12 (up).
    let mut lost = sample_json();
    lost["discounts"]["prompt_pay"]["when_financed"] = "lost".into();
    let lost = PriceBook::from_json(&lost.to_string()).expect("valid");
    let options = payment_options(&lost, &range, &PaymentAnswers::default()).expect("valid");
    assert_eq!(options.financed_amount.formatted, "$2,978.75");
    assert_eq!(
        options.financed_amount_note, None,
        "the note below names the amount"
    );
    assert_eq!(
        options.financing_discount_note.as_deref(),
        Some("Financing does not get the 5% discount for paying in full: the payments are worked out on $2,978.75.")
    );
    let deferred = options
        .financing
        .iter()
        .find(|offer| offer.plan_id == "deferred_24")
        .and_then(|offer| offer.offer.as_ref())
        .expect("offered");
    assert_eq!(deferred.monthly_payment.formatted, "$124.12");
    // The comparison's monthly payments follow: 2 injections, no therapy, with that plan:
    // 2,829.81 + 148.94 = 2,978.75 financed, 124.12 a month.
    let answers = PaymentAnswers {
        plan: Some("deferred_24".into()),
        ..PaymentAnswers::default()
    };
    let grid = compare(&lost, &range, &answers).expect("valid");
    let cell = &grid.rows[1].cells[0];
    assert_eq!(cell.patient_total.formatted, "$2,829.81");
    assert_eq!(
        cell.monthly_payment.as_ref().map(|m| m.formatted.as_str()),
        Some("$124.12")
    );
    // No discount in the book: nothing to say.
    let mut none = sample_json();
    none["discounts"]["prompt_pay"] = serde_json::Value::Null;
    let none = PriceBook::from_json(&none.to_string()).expect("valid");
    assert_eq!(estimate(&none, &one).expect("valid").prompt_pay, None);
}

#[test]
fn spanish_names_a_condition_in_lower_case_mid_sentence_and_spells_out_the_apr() {
    let achilles =
        request(r#"{ "language": "es", "condition": "achilles_tendinopathy", "injections": "1" }"#);
    let grid = compare(&book(), &achilles, &PaymentAnswers::default()).expect("valid");
    assert_eq!(
        grid.notes[0],
        "Columnas de fisioterapia: la evaluación y 8 a 16 sesiones, lo habitual en casos \
         de tendinopatía de Aquiles."
    );
    assert_eq!(grid.columns[1].label, "Terapia sin seguro");
    let options = payment_options(&book(), &achilles, &PaymentAnswers::default()).expect("valid");
    let fixed = options
        .financing
        .iter()
        .find(|offer| offer.plan_id == "fixed_24")
        .expect("the plan");
    assert_eq!(
        fixed.terms,
        "24 pagos mensuales con una tasa de porcentaje anual (APR) del 9.99%"
    );
}

#[test]
fn the_cost_sharing_paid_at_each_therapy_visit_is_not_financed() {
    let book = book();
    let none = answers("{}").expect("valid");
    // The walk-through's plan: 1 injection, a consultation, typical 6–12 sessions through
    // insurance, $500 of deductible left, a $30 copay, 20 % coinsurance, not sure when the copay
    // applies. Self-pay lines: 250 + 1,475 = 1,725.00 − 5 % (86.25) = 1,638.75 at both ends.
    // High end (12 sessions, the deductible first, the copay and 20 % of the rest): evaluation
    // 110, sessions 1–4 85 each (340; 450 of the 500), session 5 the last 50 + 30 + 20 % of 5 =
    // 81, sessions 6–12 30 + 20 % of 55 = 41 each (287): 818.00 of cost sharing; 2,456.75.
    let walk = request(
        r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true,
        "physical_therapy": { "coverage": "insurance", "sessions": "typical",
        "insurance": { "deductible_remaining": "500", "copay": "30", "coinsurance_percent": "20",
        "copay_before_deductible": "not_sure" } } }"#,
    );
    let options = payment_options(&book, &walk, &none).expect("valid");
    assert_eq!(options.pay_in_full.total.high.cents, cents(2_456, 75));
    assert_eq!(options.financed_amount.cents, cents(1_638, 75));
    assert_eq!(
        options.financed_amount_note.as_deref(),
        Some(
            "Worked out on $1,638.75, from the high end of your estimate: enough for either end. \
             Your share of physical therapy through your plan, up to $818.00, is paid at each \
             visit, not financed."
        )
    );
    // 1,638.75 / 6 = 273.125 -> 273.13 a month (up), not 2,456.75 / 6 = 409.46.
    let offer = offer_for(&options.financing, "deferred_6");
    let monthly = &offer.offer.as_ref().expect("available").monthly_payment;
    assert_eq!(monthly.cents, cents(273, 13));

    // One figure (20 % with the deductible met, 8 sessions): 158.00 of cost sharing left out of
    // 1,796.75.
    let one = request(payment_cases::payment_cases()[2].request);
    let options = payment_options(&book, &one, &none).expect("valid");
    assert_eq!(
        options.financed_amount_note.as_deref(),
        Some(
            "Worked out on $1,638.75. Your share of physical therapy through your plan, $158.00, \
             is paid at each visit, not financed."
        )
    );
    // Cash therapy is the clinic's self-pay charge, financed with the rest (2,512.75): no note.
    let cash = request(payment_cases::payment_cases()[0].request);
    let options = payment_options(&book, &cash, &none).expect("valid");
    assert_eq!(options.financed_amount.cents, cents(2_512, 75));
    assert_eq!(options.financed_amount_note, None);

    // In Spanish.
    let mut spanish = one.clone();
    spanish.language = Language::Spanish;
    let options = payment_options(&book, &spanish, &none).expect("valid");
    assert_eq!(
        options.financed_amount_note.as_deref(),
        Some(
            "Calculado sobre $1,638.75. Su parte de la fisioterapia con seguro, $158.00, se paga \
             en cada visita; no se financia."
        )
    );
}
