//! The same hand-worked cases as `tests/estimates.rs`, through the wasm boundary as the page calls
//! it: requests and price books as JS objects in, estimate objects or thrown `Error`s out.
//! Run with `cargo test --target wasm32-unknown-unknown --features staff --test wasm` (Node, via
//! wasm-bindgen's runner); the `staff` feature brings in the staff page's exports.

#![cfg(target_arch = "wasm32")]

mod cases;
mod js_values;

use amnion_estimator::wasm::{default_price_book, Estimator};
use js_sys::{Array, Reflect};
use js_values::{cents, estimator, get, parse};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn hand_worked_cases_cross_the_boundary_unchanged() {
    for case in cases::cases() {
        let book = case.price_book.map(|json| parse(&json()));
        let estimate = estimator(book)
            .estimate(parse(case.request))
            .unwrap_or_else(|_| panic!("{} is valid", case.name));
        assert_eq!(
            cents(&estimate, "low.patient_total.cents"),
            case.patient,
            "{}",
            case.name
        );
        assert_eq!(
            cents(&estimate, "low.insurance_total.cents"),
            case.insurance,
            "{}",
            case.name
        );
        let high = get(&estimate, "high");
        let high = (!high.is_null()).then(|| cents(&high, "patient_total.cents"));
        assert_eq!(high, case.patient_high, "{}", case.name);
    }
}

#[wasm_bindgen_test]
fn errors_arrive_as_js_errors_naming_the_field() {
    for case in cases::error_cases() {
        // A page's handle speaks the page's language; these requests name theirs.
        let request = parse(case.request);
        let language = get(&request, "language").as_string();
        let thrown = Estimator::new(None, language)
            .unwrap_or_else(|_| panic!("the embedded book"))
            .estimate(request)
            .expect_err(case.request);
        let error: js_sys::Error = thrown.dyn_into().expect("a JS Error");
        let message = String::from(error.message());
        assert!(
            message.starts_with(case.message),
            "{message:?} should start with {:?}",
            case.message
        );
        let fields: Array = get(&error, "fields")
            .dyn_into()
            .expect("error.fields is an array");
        assert!(fields.length() >= 1);
        assert!(case
            .message
            .starts_with(&get(&fields.get(0), "path").as_string().expect("a path")));
    }
}

#[wasm_bindgen_test]
fn non_numeric_values_from_js_are_refused_by_name() {
    let request = parse(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#);
    Reflect::set(&request, &"injections".into(), &JsValue::from_f64(f64::NAN)).expect("set");
    let error: js_sys::Error = estimator(None)
        .estimate(request)
        .expect_err("NaN")
        .dyn_into()
        .expect("Error");
    assert_eq!(
        String::from(error.message()),
        r#"injections: must be text or a whole number (write a fraction as text, like "12.5"); it is NaN"#
    );
}

#[wasm_bindgen_test]
fn an_unknown_field_is_refused_so_a_typo_shows() {
    let request =
        parse(r#"{ "condition": "plantar_fasciitis", "injections": "1", "consultaton": true }"#);
    let error: js_sys::Error = estimator(None)
        .estimate(request)
        .expect_err("a typo")
        .dyn_into()
        .expect("Error");
    let message = String::from(error.message());
    assert_eq!(
        message,
        "consultaton: is not an estimate request field: did you mean `consultation`?"
    );
}

#[wasm_bindgen_test]
fn an_invalid_price_book_is_refused_with_every_path() {
    let book = default_price_book().expect("embedded book");
    let clinic = get(&book, "clinic");
    Reflect::set(&clinic, &"npi".into(), &"1234567890".into()).expect("set");
    Reflect::set(&clinic, &"tin".into(), &"12345".into()).expect("set");
    let Err(thrown) = Estimator::new(Some(book), None) else {
        panic!("a bad book is refused when the handle is built");
    };
    let error: js_sys::Error = thrown.dyn_into().expect("Error");
    let message = String::from(error.message());
    assert!(
        message.contains("clinic.npi: has a last digit that does not match the other nine: check \"1234567890\" for a typo"),
        "{message}"
    );
    assert!(
        message.contains("clinic.tin: must be 9 digits, with no dash or space; it is \"12345\""),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn choices_come_from_the_price_book() {
    let choices = estimator(None).choices().expect("embedded book");
    let injections: Array = get(&choices, "injections").dyn_into().expect("array");
    let values: Vec<String> = injections
        .iter()
        .map(|c| get(&c, "value").as_string().expect("text"))
        .collect();
    assert_eq!(values, ["1", "2", "3", "not_sure"]);
}

#[cfg(staff)]
#[wasm_bindgen_test]
fn a_staff_quote_crosses_the_boundary() {
    // The two-provider case of tests/quotes.rs: clinic 2,609.89 + therapy elsewhere 730.00.
    let request = parse(
        r#"{ "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "right", "issued_on": "2026-11-21",
             "answers": { "condition": "achilles_tendinopathy", "injections": "2",
                          "physical_therapy": { "coverage": "cash", "sessions": "6" } },
             "therapy_elsewhere": true,
             "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                                   "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95" } }"#,
    );
    let quote = quoter().quote(request).expect("valid quote");
    assert_eq!(cents(&quote, "good_faith_estimate.total.cents"), 333_989);
    let number = get(&quote, "quote_number").as_string().expect("text");
    assert_eq!(get(&quote, "saved.quote_number").as_string(), Some(number));

    let unnamed = parse(
        r#"{ "coverage": "self_pay", "side": "left", "issued_on": "2026-11-21", "answers": { "condition": "plantar_fasciitis", "injections": "1" } }"#,
    );
    let error: js_sys::Error = quoter()
        .quote(unnamed)
        .expect_err("no patient")
        .dyn_into()
        .expect("Error");
    assert!(String::from(error.message()).starts_with("patient.name: enter the patient's name"));
}

#[cfg(staff)]
#[wasm_bindgen_test]
fn a_therapy_partner_crosses_the_boundary() {
    let choices = quoter().choices().expect("embedded book");
    let partners: Array = get(&choices, "therapy_partners").dyn_into().expect("array");
    assert_eq!(
        get(&partners.get(0), "value").as_string().as_deref(),
        Some("lakeshore_pt")
    );
    assert_eq!(
        get(&partners.get(0), "label").as_string().as_deref(),
        Some("Lakeshore Physical Therapy")
    );
    // tests/partners.rs: the clinic's 1,401.25 + Lakeshore's 150.00 + 8 × 90.00 = 2,271.25.
    let request = parse(
        r#"{ "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "left", "issued_on": "2026-11-21",
             "answers": { "condition": "plantar_fasciitis", "injections": "1",
                          "physical_therapy": { "coverage": "cash", "sessions": "8" } },
             "therapy_elsewhere": true, "therapy_provider": { "partner": "lakeshore_pt" } }"#,
    );
    let quote = quoter().quote(request).expect("valid quote");
    assert_eq!(cents(&quote, "good_faith_estimate.total.cents"), 227_125);
}

#[cfg(staff)]
#[wasm_bindgen_test]
fn a_saved_quote_keeps_its_extras_through_its_file() {
    let request = parse(
        r#"{ "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "right", "issued_on": "2026-11-21",
             "answers": { "condition": "achilles_tendinopathy", "injections": "2" }, "extras": { "follow_up": "2" } }"#,
    );
    let quote = quoter().quote(request).expect("valid quote");
    // What "Save quote" writes (JSON.stringify), read back: a map must be a plain object to survive.
    let text = js_sys::JSON::stringify(&get(&quote, "saved")).expect("JSON");
    let file = js_sys::JSON::parse(&String::from(text)).expect("JSON");
    assert_eq!(
        get(&file, "request.extras.follow_up")
            .as_string()
            .as_deref(),
        Some("2")
    );
    let again = quoter()
        .quote(get(&file, "request"))
        .expect("the saved request");
    assert_eq!(
        get(&again, "quote_number").as_string(),
        get(&quote, "quote_number").as_string()
    );
}

#[cfg(staff)]
#[wasm_bindgen_test]
fn spanish_crosses_the_boundary_and_saved_texts_stay_plain_objects() {
    let spanish = Estimator::new(None, Some("es-MX".into()))
        .unwrap_or_else(|_| panic!("the embedded book"))
        .choices()
        .expect("embedded book");
    let injections: Array = get(&spanish, "injections").dyn_into().expect("array");
    assert_eq!(
        get(&injections.get(0), "label").as_string().as_deref(),
        Some("1 inyección")
    );

    // A quote's saved price book keeps `{ en, es }` texts as plain objects, so JSON.stringify,
    // which saves the file, keeps them.
    use amnion_estimator::wasm::Quoter;
    let request = parse(
        r#"{ "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "left", "issued_on": "2026-11-21",
             "answers": { "condition": "plantar_fasciitis", "injections": "1" } }"#,
    );
    // The quote's language is the staff page's, not the request's.
    let quote = Quoter::new(None, Some("es".into()))
        .unwrap_or_else(|_| panic!("the embedded book"))
        .quote(request)
        .expect("valid quote");
    let saved = js_sys::JSON::stringify(&get(&quote, "saved"))
        .expect("stringifies")
        .as_string()
        .expect("text");
    assert!(saved.contains(r#""label":{"en":"Plantar fasciitis (heel pain)","es":"Fascitis plantar (dolor de talón)"}"#), "{saved}");
    assert_eq!(
        get(&quote, "good_faith_estimate.title")
            .as_string()
            .as_deref(),
        Some("Estimado de buena fe")
    );
}

#[wasm_bindgen_test]
fn share_links_are_percent_encoded_and_read_back_without_insurance_figures() {
    use amnion_estimator::wasm::{read_share_fragment, share_fragment};
    let request = parse(
        r#"{ "condition": "a&b=c d%/é+x", "injections": "2", "consultation": true,
        "physical_therapy": { "coverage": "insurance", "sessions": "8",
          "insurance": { "copay": "45", "deductible_remaining": "1234.56" } } }"#,
    );
    let fragment = share_fragment(request).expect("a request");
    // URLSearchParams's encoding: a space as "+", "&", "=", "%", "/", "+" and "é" escaped.
    assert_eq!(
        fragment,
        "condition=a%26b%3Dc+d%25%2F%C3%A9%2Bx&injections=2&consultation=1&walking_boot=0&pt=insurance&sessions=8"
    );
    let back = read_share_fragment(&format!("#{fragment}&copay=45")).expect("a request");
    assert_eq!(
        get(&back, "condition").as_string().as_deref(),
        Some("a&b=c d%/é+x")
    );
    assert_eq!(get(&back, "injections").as_string().as_deref(), Some("2"));
    assert_eq!(get(&back, "consultation").as_bool(), Some(true));
    assert_eq!(
        get(&back, "physical_therapy.coverage")
            .as_string()
            .as_deref(),
        Some("insurance")
    );
    // The link's extra "copay" is not read, and the insurance answers it does not carry are not
    // in what comes back at all: the page keeps what a fresh page has for them.
    assert!(get(&back, "physical_therapy")
        .dyn_into::<js_sys::Object>()
        .map(|therapy| !Reflect::has(&therapy, &JsValue::from_str("insurance")).unwrap_or(true))
        .unwrap_or(false));
    assert!(!Reflect::has(&back, &JsValue::from_str("product")).unwrap_or(true));
}

/// The staff handle on the embedded sample.
#[cfg(staff)]
fn quoter() -> amnion_estimator::wasm::Quoter {
    amnion_estimator::wasm::Quoter::new(None, None).unwrap_or_else(|_| panic!("the embedded book"))
}
