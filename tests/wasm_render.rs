//! The handles' render path, in a real browser (headless Chromium through chromedriver): what a
//! page's one call per change puts into its regions, what it returns, and how much work it does.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown
//! --features staff --test wasm_render` (`make test-wasm` does).
//!
//! The figures are from the sample price book (`tests/cases/mod.rs` lists its prices): one plantar
//! fasciitis injection is 1,200 + 150 + 125 = $1,475.00, less 5 % prompt pay ($73.75) = $1,401.25.

#![cfg(target_arch = "wasm32")]

mod js_values;

use amnion_estimator::wasm::{estimate_count, validation_count, Estimator, Quoter};
use js_sys::{Array, Object, Reflect};
use js_values::{estimator, get, parse, text, with_payment};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh `<div>` in the test page.
fn region() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a document");
    let element = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&element)
        .expect("appended");
    element
}

/// The visitor page's regions, each a fresh element, as `{ name: element }` and by name.
fn regions(names: &[&str]) -> (JsValue, Vec<(String, Element)>) {
    let object = Object::new();
    let elements: Vec<(String, Element)> = names
        .iter()
        .map(|name| (name.to_string(), region()))
        .collect();
    for (name, element) in &elements {
        Reflect::set(&object, &JsValue::from_str(name), element).expect("an object");
    }
    (object.into(), elements)
}

fn named<'a>(elements: &'a [(String, Element)], name: &str) -> &'a Element {
    &elements
        .iter()
        .find(|(each, _)| each == name)
        .expect("a region")
        .1
}

fn content(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn count(element: &Element, tag: &str) -> u32 {
    element.get_elements_by_tag_name(tag).length()
}

/// Validations and estimates so far.
fn work() -> (u32, u32) {
    (validation_count(), estimate_count())
}

const ALL: [&str; 8] = [
    "breakdown",
    "total",
    "summary",
    "paymentOptions",
    "hsaEffectiveCost",
    "hsaSummary",
    "hsaCaveat",
    "comparison",
];

#[wasm_bindgen_test]
fn one_update_renders_every_region_from_one_estimate() {
    let estimator = estimator(None);
    let (regions, elements) = regions(&ALL);
    let before = work();
    let update = estimator
        .update(
            with_payment(
                r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#,
                r#"{ "federal_tax_percent": "22", "through_payroll": "yes" }"#,
            ),
            regions,
        )
        .expect("rendered");
    let after = work();
    let refused: Array = get(&update, "refused").dyn_into().expect("an array");
    assert_eq!(refused.length(), 0);
    assert_eq!(content(named(&elements, "total")), "$1,401.25");
    assert_eq!(
        content(named(&elements, "summary")),
        "Plantar fasciitis (heel pain): 1 injection"
    );
    // One amount, one table; its lines and the total are there as text.
    let breakdown = named(&elements, "breakdown");
    assert_eq!(count(breakdown, "table"), 1);
    assert!(content(breakdown).contains("$1,401.25"));
    assert!(content(named(&elements, "paymentOptions")).contains("$1,401.25"));
    // HSA at 22 % + 7.65 % payroll = 29.65 %: 1,401.25 × 0.2965 = 415.470625 -> $415.47 (down),
    // so $1,401.25 − $415.47 = $985.78 in take-home pay.
    assert_eq!(content(named(&elements, "hsaEffectiveCost")), "$985.78");
    // The comparison: 1 to 3 injections (plantar fasciitis's typical most is 2, fewer than 3) ×
    // none, cash, insurance.
    assert_eq!(count(named(&elements, "comparison"), "tr"), 1 + 3);
    // No validation after the handle is built; one estimate for the answers, nine for the grid.
    assert_eq!(after.0 - before.0, 0);
    assert_eq!(after.1 - before.1, 1 + 9);
}

#[wasm_bindgen_test]
fn regions_the_page_does_not_pass_are_neither_shown_nor_worked_out() {
    let estimator = estimator(None);
    let (regions, elements) = regions(&["total"]);
    let before = work();
    estimator
        .update(
            parse(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#),
            regions,
        )
        .expect("rendered");
    assert_eq!(content(named(&elements, "total")), "$1,401.25");
    assert_eq!(work().1 - before.1, 1, "no comparison was asked for");
}

#[wasm_bindgen_test]
fn a_refused_answer_is_returned_and_no_region_shows_a_figure_from_it() {
    let estimator = estimator(None);
    let (regions, elements) = regions(&ALL);
    let good = r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#;
    estimator
        .update(parse(good), regions.clone())
        .expect("rendered");
    assert!(content(named(&elements, "breakdown")).contains("$1,401.25"));

    let update = estimator
        .update(
            parse(r#"{ "condition": "plantar_fasciitis", "injections": "400" }"#),
            regions.clone(),
        )
        .expect("no DOM error");
    let refused = get(&update, "refused");
    assert_eq!(text(&refused, "0.region"), "estimate");
    assert_eq!(text(&refused, "0.path"), "injections");
    assert_eq!(content(named(&elements, "total")), "Check your answers");
    assert_eq!(
        content(named(&elements, "breakdown")),
        "Fix the answer marked above to see every line of the estimate."
    );
    // No figure from the refused answer: each region derived from it says what to fix.
    for name in [
        "breakdown",
        "paymentOptions",
        "hsaEffectiveCost",
        "hsaSummary",
        "comparison",
    ] {
        assert!(!content(named(&elements, name)).contains('$'), "{name}");
    }
    assert_eq!(
        content(named(&elements, "paymentOptions")),
        "Fix the answer marked above to see how to pay."
    );
    assert_eq!(
        content(named(&elements, "comparison")),
        "Fix the answer marked above to compare scenarios."
    );

    // A payment answer refused: the estimate is shown, the payment region is refused by path.
    let update = estimator
        .update(
            with_payment(good, r#"{ "federal_tax_percent": "140" }"#),
            regions,
        )
        .expect("no DOM error");
    let refused = get(&update, "refused");
    assert_eq!(text(&refused, "0.region"), "payment");
    assert_eq!(text(&refused, "0.path"), "payment.federal_tax_percent");
    assert_eq!(content(named(&elements, "total")), "$1,401.25");
    // A refused tax rate stops only the HSA/FSA figure: paying in full and the offers stay.
    assert_eq!(content(named(&elements, "hsaEffectiveCost")), "");
    assert_eq!(
        content(named(&elements, "hsaSummary")),
        "Fix the tax rate to see what paying from an HSA or FSA saves."
    );
    assert!(content(named(&elements, "paymentOptions")).contains("$1,401.25"));
    assert!(content(named(&elements, "comparison")).contains("$1,401.25"));
}

#[wasm_bindgen_test]
fn the_right_to_a_good_faith_estimate_shows_even_while_an_answer_is_refused() {
    let estimator = estimator(None);
    let (regions, elements) = regions(&["gfeNotice", "total"]);
    estimator
        .update(
            parse(r#"{ "condition": "plantar_fasciitis", "injections": "400" }"#),
            regions,
        )
        .expect("no DOM error");
    let notice = named(&elements, "gfeNotice");
    assert_eq!(count(notice, "h3"), 1);
    assert!(content(notice).starts_with("Your right to a Good Faith Estimate"));
    assert!(content(notice).contains("or email estimates@clinic.example."));
    assert_eq!(content(named(&elements, "total")), "Check your answers");
}

#[wasm_bindgen_test]
fn the_hsa_figure_waits_for_a_tax_rate() {
    let estimator = estimator(None);
    let (regions, elements) = regions(&ALL);
    let good = r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#;
    estimator
        .update(parse(good), regions.clone())
        .expect("rendered");
    // No bracket entered: no saving, only what to enter.
    let enter =
        "Enter your federal income tax bracket to see what paying from an HSA or FSA saves.";
    assert_eq!(content(named(&elements, "hsaEffectiveCost")), "");
    assert_eq!(content(named(&elements, "hsaSummary")), enter);
    assert!(content(named(&elements, "hsaCaveat")).contains("plan administrator"));
    // A state rate alone is still no figure.
    estimator
        .update(
            with_payment(
                good,
                r#"{ "state_tax_percent": "0", "through_payroll": "yes" }"#,
            ),
            regions.clone(),
        )
        .expect("rendered");
    assert_eq!(content(named(&elements, "hsaEffectiveCost")), "");
    assert_eq!(content(named(&elements, "hsaSummary")), enter);
    // A 0 % bracket is a bracket entered: 0 % + 0 % + 7.65 % of $1,401.25 = 107.195625 ->
    // $107.19 (down); $1,401.25 − $107.19 = $1,294.06.
    estimator
        .update(
            with_payment(
                good,
                r#"{ "federal_tax_percent": "0", "state_tax_percent": "0", "through_payroll": "yes" }"#,
            ),
            regions,
        )
        .expect("rendered");
    assert_eq!(content(named(&elements, "hsaEffectiveCost")), "$1,294.06");
}

#[wasm_bindgen_test]
fn a_region_can_be_several_elements() {
    let estimator = estimator(None);
    let (first, second) = (region(), region());
    let regions = Object::new();
    let both = Array::of2(&first, &second);
    Reflect::set(&regions, &"total".into(), &both).expect("an object");
    estimator
        .update(
            parse(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#),
            regions.into(),
        )
        .expect("rendered");
    assert_eq!(content(&first), "$1,401.25");
    assert_eq!(content(&second), "$1,401.25");
}

#[wasm_bindgen_test]
fn spanish_is_the_handles_language() {
    let estimator = Estimator::new(None, Some("es".into())).unwrap_or_else(|_| panic!("valid"));
    let (regions, elements) = regions(&["total", "summary"]);
    estimator
        .update(
            parse(r#"{ "condition": "plantar_fasciitis", "injections": "400" }"#),
            regions,
        )
        .expect("no DOM error");
    assert_eq!(content(named(&elements, "total")), "Revise sus respuestas");
}

/// The two-provider quote of `tests/quotes.rs`: clinic $2,609.89 + therapy elsewhere $730.00.
const QUOTE: &str = r#"{ "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "right",
    "issued_on": "2026-11-21",
    "answers": { "condition": "achilles_tendinopathy", "injections": "2",
                 "physical_therapy": { "coverage": "cash", "sessions": "6" } },
    "therapy_elsewhere": true,
    "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                          "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95" } }"#;

#[wasm_bindgen_test]
fn the_quoter_renders_the_document_and_outputs_only_the_quote_on_screen() {
    let mut quoter = Quoter::new(None, None).unwrap_or_else(|_| panic!("valid"));
    let document = region();
    let regions = Object::new();
    Reflect::set(&regions, &"document".into(), &document).expect("an object");
    let update = quoter
        .update(parse(QUOTE), regions.clone().into(), None)
        .expect("rendered");
    // 2,609.89 + 730.00 = 3,339.89.
    assert_eq!(text(&update, "quote.total"), "$3,339.89");
    assert_eq!(count(&document, "article"), 1);
    assert!(content(&document).contains("Ana Ruiz"));
    let number = text(&update, "quote.quote_number");
    assert_eq!(
        text(&quoter.saved_quote().expect("saved"), "quote_number"),
        number
    );
    assert!(quoter.csv().is_some());

    // The patient's name cleared: refused by path, and nothing to save or export.
    let unnamed = parse(QUOTE);
    Reflect::set(&get(&unnamed, "patient"), &"name".into(), &"".into()).expect("set");
    let update = quoter
        .update(unnamed, regions.into(), None)
        .expect("no DOM error");
    assert!(get(&update, "quote").is_null());
    assert_eq!(text(&update, "refused.0.path"), "patient.name");
    assert!(quoter.saved_quote().expect("null").is_null());
    assert!(quoter.csv().is_none());
    // The document keeps what it showed, for the page to mark as not matching the form.
    assert!(content(&document).contains("Ana Ruiz"));
}

#[wasm_bindgen_test]
fn a_saved_quote_reopens_with_its_number_into_the_document() {
    let mut quoter = Quoter::new(None, None).unwrap_or_else(|_| panic!("valid"));
    let saved = get(&quoter.quote(parse(QUOTE)).expect("a quote"), "saved");
    let file = js_sys::JSON::parse(&String::from(
        js_sys::JSON::stringify(&saved).expect("JSON"),
    ))
    .expect("JSON");
    let document = region();
    let regions = Object::new();
    Reflect::set(&regions, &"document".into(), &document).expect("an object");
    let reopened = quoter.reopen(file, regions.into()).expect("reopens");
    assert_eq!(text(&reopened, "quote.total"), "$3,339.89");
    assert_eq!(
        text(&reopened, "quote.quote_number"),
        text(&saved, "quote_number")
    );
    assert!(get(&reopened, "price_change").is_null());
    assert!(content(&document).contains("Riverside Physical Therapy"));
}
