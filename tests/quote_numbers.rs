//! The quote number is made from the quote's canonical data (codes, quantities and cents, ISO
//! dates, identities, the staff discount, the kind of document, the price-book version), not from
//! its wording: a release that rewords, lays out or translates the document gives every quote the
//! number it had, and a change to what the quote means gives another.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use std::collections::BTreeSet;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, reopen, QuoteRequest};
use sample_book::sample;
use serde_json::{json, Value};

fn book_of(json: &Value) -> PriceBook {
    PriceBook::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// A quote with everything that goes into a number: a date for each injection, a co-provider,
/// cash therapy, an extra and a staff discount.
fn base() -> Value {
    json!({
        "coverage": "self_pay", "prompt_pay": "included",
        "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" },
        "side": "left",
        "issued_on": "2026-11-21",
        "scheduled_on": "2026-12-01",
        "later_injections_on": ["2026-12-15"],
        "answers": { "condition": "achilles_tendinopathy", "injections": "2", "language": "en",
                     "physical_therapy": { "coverage": "cash", "sessions": "6" } },
        "extras": { "follow_up": "1" },
        "staff_discount": { "percent": "", "amount": "50", "reason": "Returning patient" },
        "therapy_elsewhere": true,
        "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                              "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                              "evaluation_price": "160", "session_price": "95",
                              "evaluation_allowed": "110", "session_allowed": "80" }
    })
}

fn number(book: &PriceBook, request: &Value) -> String {
    let request = QuoteRequest::read(request.clone()).expect("a quote request");
    quote(book, &request)
        .unwrap_or_else(|e| panic!("{e}"))
        .quote_number
}

/// `value` with the member at `path` (`a.b.0`) set to `to`.
fn with(value: &Value, path: &str, to: Value) -> Value {
    let mut edited = value.clone();
    let mut at = &mut edited;
    for key in path.split('.') {
        at = match key.parse::<usize>() {
            Ok(index) => &mut at[index],
            Err(_) => &mut at[key],
        };
    }
    assert!(!at.is_null(), "{path} is in the document");
    *at = to;
    edited
}

#[test]
fn wording_layout_and_language_do_not_change_a_number() {
    let book = PriceBook::embedded_default().expect("valid");
    let first = number(&book, &base());
    assert!(first.starts_with("GFE-"), "{first}");
    // The same quote in Spanish: every printed text differs, the number does not.
    assert_eq!(
        number(&book, &with(&base(), "answers.language", json!("es"))),
        first
    );
    let tricare = with(&base(), "coverage", json!("tricare"));
    assert_eq!(
        number(&book, &tricare),
        number(&book, &with(&tricare, "answers.language", json!("es"))),
        "a self-pay quote too"
    );
    // The same price book, same version, reworded: a disclaimer, the dispute paragraph, the
    // notice, a separately scheduled item, labels of items, a condition's name.
    let reworded = [
        (
            "good_faith_estimate.not_a_contract.en",
            "This estimate is not a contract.",
        ),
        (
            "good_faith_estimate.dispute_rights.es",
            "Puede iniciar una disputa si se le factura $400 o más; tiene 120 días.",
        ),
        (
            "good_faith_estimate.separately_scheduled.0.en",
            "Follow-up visits, if needed.",
        ),
        ("products.0.label.en", "Amniotic membrane allograft, 1 mL"),
        ("administration_fees.1.label.en", "Tendon injection"),
        ("physical_therapy.session.label.en", "PT visit"),
        ("conditions.1.label.en", "Achilles tendon pain"),
        ("discounts.prompt_pay.label.en", "Pay today and save 5%"),
    ];
    for (path, text) in reworded {
        let book = book_of(&with(&sample(), path, json!(text)));
        assert_eq!(number(&book, &base()), first, "{path} reworded");
    }
}

#[test]
fn every_amount_code_date_and_identity_gives_another_number() {
    let book = PriceBook::embedded_default().expect("valid");
    let first = number(&book, &base());
    let requests = [
        ("patient.name", json!("Ana Ruíz")),
        ("patient.date_of_birth", json!("1970-03-05")),
        ("issued_on", json!("2026-11-22")),
        ("scheduled_on", json!("2026-12-02")),
        ("later_injections_on.0", json!("2026-12-16")),
        ("side", json!("right")),
        ("coverage", json!("insured_filing_claim")),
        ("answers.injections", json!("3")),
        ("answers.physical_therapy.sessions", json!("7")),
        ("extras.follow_up", json!("2")),
        ("staff_discount.amount", json!("51")),
        ("staff_discount.reason", json!("Loyal patient")),
        ("therapy_provider.name", json!("Riverside PT")),
        ("therapy_provider.npi", json!("9876543213")),
        ("therapy_provider.tin", json!("987654320")),
        ("therapy_provider.street", json!("22 River Rd")),
        ("therapy_provider.city", json!("Round Rock")),
        ("therapy_provider.state", json!("OK")),
        ("therapy_provider.zip", json!("78703")),
    ];
    let books = [
        ("products.0.price_cents", json!(120_001)),
        ("products.0.hcpcs", json!("Q4140")),
        ("conditions.1.icd10.left", json!("M76.60")),
        ("conditions.1.procedure_code", json!("20550")),
        ("clinic.name", json!("Example Foot & Ankle Clinic")),
        ("clinic.npi", json!("1234567802")),
        ("clinic.tin", json!("123456780")),
        ("clinic.address.street", json!("102 Example Ave")),
        ("clinic.address.zip", json!("78702")),
        ("version", json!("2026.11-sample-b")),
        ("good_faith_estimate.valid_days", json!(61)),
        ("discounts.prompt_pay.percent_off_bp", json!(600)),
    ];
    let mut seen = BTreeSet::from([first.clone()]);
    for (path, to) in &requests {
        let changed = number(&book, &with(&base(), path, to.clone()));
        assert!(seen.insert(changed.clone()), "{path}: {changed}");
    }
    for (path, to) in &books {
        let changed = number(&book_of(&with(&sample(), path, to.clone())), &base());
        assert!(seen.insert(changed.clone()), "book {path}: {changed}");
    }
    // Leaving the prompt-pay discount out of the expected charges changes the amounts.
    let changed = number(&book, &with(&base(), "prompt_pay", json!("excluded")));
    assert!(seen.insert(changed.clone()), "excluded: {changed}");
    // One later date fewer.
    let changed = number(&book, &with(&base(), "later_injections_on", json!([])));
    assert!(seen.insert(changed.clone()), "no later date: {changed}");
    assert_eq!(seen.len(), requests.len() + books.len() + 3);
}

#[test]
fn the_prefix_names_the_document() {
    let book = PriceBook::embedded_default().expect("valid");
    assert!(number(&book, &base()).starts_with("GFE-"));
    for coverage in ["insured_filing_claim", "medicare", "medicaid", "tricare"] {
        let mut request = with(&base(), "coverage", json!(coverage));
        if coverage == "medicare" {
            // As a Medicare quote may be: therapy through Medicare, no discount.
            request = with(
                &request,
                "answers.physical_therapy.coverage",
                json!("insurance"),
            );
            request["answers"]["physical_therapy"]["insurance"] =
                json!({ "deductible_remaining": "0", "coinsurance_percent": "20" });
            request = with(&request, "staff_discount", json!({}));
            request["prompt_pay"] = json!("not_offered");
        }
        let n = number(&book, &request);
        assert!(n.starts_with("SPQ-") && n.len() == 20, "{coverage}: {n}");
    }
}

#[test]
fn a_hand_edited_format_2_file_is_refused() {
    let book = PriceBook::embedded_default().expect("valid");
    let request = QuoteRequest::read(base()).expect("a quote request");
    let saved = quote(&book, &request).expect("valid").saved;
    assert_eq!(saved.format, "amnion-estimator/quote/2");
    let file = serde_json::to_value(&saved).expect("JSON");
    let edits = [
        ("price_book.products.0.price_cents", json!(100_000)),
        ("request.patient.name", json!("Ana María Ruiz")),
        ("request.later_injections_on.0", json!("2026-12-22")),
        ("request.staff_discount.amount", json!("500")),
        ("request.therapy_provider.npi", json!("9876543213")),
    ];
    for (path, to) in edits {
        let edited: amnion_estimator::quote::SavedQuote =
            serde_json::from_value(with(&file, path, to)).expect("still a saved quote");
        let error = reopen(&edited, &book).expect_err(path);
        let expected = format!(", not {}: it was changed after saving", saved.quote_number);
        assert!(
            error
                .to_string()
                .starts_with("quote_number: the file's content gives GFE-")
                && error.to_string().ends_with(&expected),
            "{path}: {error}"
        );
    }
    // Wording is not part of the number: a file whose price book is reworded reopens, its
    // amounts and number unchanged, and prints the new words (DESIGN.md says why).
    let reworded: amnion_estimator::quote::SavedQuote = serde_json::from_value(with(
        &file,
        "price_book.good_faith_estimate.not_a_contract.en",
        json!("This estimate is not a contract."),
    ))
    .expect("still a saved quote");
    let reopened = reopen(&reworded, &book).expect("reopens");
    assert_eq!(reopened.quote.quote_number, saved.quote_number);
}
