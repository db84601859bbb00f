//! The hand-worked payment cases of `tests/payment_cases`, through the wasm boundary as the page
//! calls it: requests and payment answers as JS objects in, plain objects or thrown `Error`s out.
//! Run with `cargo test --target wasm32-unknown-unknown --test wasm_payment`.

#![cfg(target_arch = "wasm32")]

mod js_values;
mod payment_cases;

use js_sys::Array;
use js_values::{cents, estimator, get, parse, text, with_payment};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The offer object for `plan` in `options.financing`.
fn offer(options: &JsValue, plan: &str) -> JsValue {
    let offers: Array = get(options, "financing").dyn_into().expect("an array");
    offers
        .iter()
        .find(|offer| text(offer, "plan_id") == plan)
        .unwrap_or_else(|| panic!("an offer for {plan}"))
}

#[wasm_bindgen_test]
fn hand_worked_payment_cases_cross_the_boundary_unchanged() {
    for case in payment_cases::payment_cases() {
        let options = estimator(None)
            .payment_options(with_payment(case.request, case.payment))
            .unwrap_or_else(|_| panic!("{} is valid", case.name));
        assert_eq!(
            cents(&options, "financed_amount.cents"),
            case.financed,
            "{}",
            case.name
        );
        for (plan, expected) in &case.offers {
            let offer = offer(&options, plan);
            match expected {
                Ok(terms) => {
                    assert_eq!(cents(&offer, "offer.monthly_payment.cents"), terms.monthly);
                    assert_eq!(cents(&offer, "offer.payments"), i64::from(terms.payments));
                    let back = get(&offer, "offer.back_interest");
                    let back = (!back.is_null()).then(|| cents(&back, "cents"));
                    assert_eq!(back, terms.back_interest, "{plan}");
                }
                Err(reason) => {
                    assert!(get(&offer, "offer").is_null(), "{plan}");
                    assert_eq!(text(&offer, "not_available"), *reason);
                }
            }
        }
        assert_eq!(
            (
                cents(&options, "hsa.effective_cost.low.cents"),
                cents(&options, "hsa.effective_cost.high.cents")
            ),
            case.hsa_effective
        );
    }
}

#[wasm_bindgen_test]
fn the_comparison_grid_crosses_the_boundary() {
    let comparison = estimator(None)
        .compare_scenarios(with_payment(
            payment_cases::COMPARISON_REQUEST,
            payment_cases::COMPARISON_PAYMENT,
        ))
        .expect("valid");
    for (i, (injections, cells)) in payment_cases::COMPARISON.iter().enumerate() {
        let row = get(&comparison, &format!("rows.{i}"));
        assert_eq!(cents(&row, "injections"), i64::from(*injections));
        for (j, (total, monthly)) in cells.iter().enumerate() {
            let cell = get(&row, &format!("cells.{j}"));
            assert_eq!(cents(&cell, "patient_total.cents"), *total);
            assert_eq!(cents(&cell, "monthly_payment.cents"), *monthly);
        }
    }
    assert_eq!(text(&comparison, "columns.2.coverage"), "insurance");
}

#[wasm_bindgen_test]
fn payment_answers_are_optional_and_bad_ones_are_named() {
    let request = r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#;
    let estimator = estimator(None);
    let options = estimator
        .payment_options(parse(request))
        .expect("no answers is fine");
    // Nothing entered: no rate is counted, and no figure is worked out.
    assert_eq!(text(&options, "hsa.combined.formatted"), "0%");
    let options = estimator
        .payment_options(with_payment(request, "null"))
        .expect("ok");
    assert_eq!(text(&options, "pay_in_full.total.formatted"), "$1,401.25");

    let bad = with_payment(request, r#"{ "federal_tax_percent": "140" }"#);
    let error: js_sys::Error = estimator
        .payment_options(bad)
        .expect_err("140 %")
        .dyn_into()
        .expect("a JS Error");
    assert_eq!(
        String::from(error.message()),
        r#"payment.federal_tax_percent: enter a percentage from 0 to 100; you typed "140""#
    );
    let fields: Array = get(&error, "fields").dyn_into().expect("fields");
    assert_eq!(text(&fields.get(0), "path"), "payment.federal_tax_percent");

    let error: js_sys::Error = estimator
        .compare_scenarios(with_payment(request, r#"{ "plan": "nope" }"#))
        .expect_err("unknown plan")
        .dyn_into()
        .expect("a JS Error");
    assert_eq!(
        String::from(error.message()),
        r#"payment.plan: unknown plan "nope""#
    );
}

#[wasm_bindgen_test]
fn financing_choices_come_from_the_price_book() {
    let choices: Array = estimator(None)
        .financing_choices()
        .expect("embedded book")
        .dyn_into()
        .expect("an array");
    assert_eq!(choices.length(), 9);
    assert_eq!(text(&choices.get(1), "value"), "deferred_12");
    assert_eq!(text(&choices.get(8), "value"), "");
}
