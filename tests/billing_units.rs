//! A product whose HCPCS code is billed in other units than one per product
//! (`products[].billing_units`): the Good Faith Estimate, its CSV and the breakdown give the
//! quantity against the code in those units, with the unit named; the amounts do not change.
//! Expected figures by hand from the sample price book (prices in `tests/cases/mod.rs`).

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, reopen, SavedQuote};
use sample_book::{book, items, request, sample};

/// The sample book with its 2 mL vial (Q4139) billed per 1 cc: 2 units a vial.
fn billed_per_cc() -> PriceBook {
    let mut json = sample();
    json["products"][1]["billing_units"] =
        serde_json::json!({ "unit": { "en": "1 cc", "es": "1 cc" }, "per_product": 2 });
    PriceBook::from_json(&json.to_string()).expect("valid")
}

/// Plantar fasciitis, 3 injections of the 2 mL vial, self-pay.
const THREE_VIALS: &str = r#""answers": { "condition": "plantar_fasciitis", "product": "amnion_2ml", "injections": "3" }"#;

#[test]
fn the_gfe_counts_the_code_in_its_billing_units_and_the_amounts_do_not_change() {
    let q = quote(&billed_per_cc(), &request(THREE_VIALS)).expect("valid");
    let gfe = &q.good_faith_estimate;
    // One injection 1,900 + 150 + 125 = 2,175.00; three: 5,700 + 450 + 375 = 6,525.00, less 15 % of
    // injections 2 and 3 (2 × 326.25 = 652.50, a tenth of 6,525, so 570.00, 45.00, 37.50 of the
    // parts): 5,130.00, 405.00, 337.50. Prompt pay 5 % of 5,872.50 = 293.625 -> 293.63, spread
    // 5,130 : 405 : 337.50: 256.5017, 20.2503, 16.8753; truncated 256.50 + 20.25 + 16.87 = 293.62,
    // the cent left to the largest remainder (guidance, .53): 16.88. Items 4,873.50, 384.75,
    // 320.62; total 5,578.87. 3 vials of 2 cc are 6 units of 1 cc.
    assert_eq!(
        items(gfe, 0),
        [
            ("Q4139", 6, 487_350),
            ("20550", 3, 38_475),
            ("76942", 3, 32_062)
        ]
    );
    assert_eq!(gfe.total.cents.get(), 557_887);
    let printed: Vec<Option<&str>> = gfe.providers[0]
        .items
        .iter()
        .map(|i| i.billing_units.as_deref())
        .collect();
    assert_eq!(printed, [Some("6 units of 1 cc"), None, None]);
    // The same quote at the book without billing units: the same charges, 3 vials.
    let plain = quote(&book(), &request(THREE_VIALS)).expect("valid");
    let plain_items = items(&plain.good_faith_estimate, 0);
    assert_eq!(plain_items[0], ("Q4139", 3, 487_350));
    assert_eq!(plain.good_faith_estimate.total, gfe.total);
    assert!(plain.good_faith_estimate.providers[0]
        .items
        .iter()
        .all(|i| i.billing_units.is_none()));

    // The breakdown keeps 3 × $1,900.00 (its amount is quantity × unit price) and names the units.
    let product = &q.breakdown.lines[0];
    assert_eq!((product.quantity, product.amount.cents.get()), (3, 570_000));
    let billed = product.billing_units.as_ref().expect("billed per cc");
    assert_eq!((billed.units, billed.text.as_str()), (6, "6 units of 1 cc"));
    assert!(plain.breakdown.lines[0].billing_units.is_none());
}

#[test]
fn the_csv_gives_units_and_names_them_only_when_a_code_has_them() {
    let q = quote(&billed_per_cc(), &request(THREE_VIALS)).expect("valid");
    let rows: Vec<&str> = q.csv.split("\r\n").collect();
    assert!(
        rows[0].starts_with(
            "quote_number,provider,provider_npi,service_code,diagnosis_code,description,quantity,expected_charge,billing_units,"
        ),
        "{}",
        rows[0]
    );
    let number = &q.quote_number;
    assert!(
        rows[1].starts_with(&format!("{number},Sample Foot & Ankle Clinic,1234567893,Q4139,M72.2,\"Amniotic allograft, 2 mL vial\",6,4873.50,6 units of 1 cc,")),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(",3,384.75,,"), "{}", rows[2]);
    // Without billing units the column is there, blank: every column keeps its place.
    let plain = quote(&book(), &request(THREE_VIALS)).expect("valid");
    assert!(plain.csv.starts_with(rows[0]));
    assert!(plain.csv.contains(",3,4873.50,,"));
}

#[test]
fn in_spanish_the_units_are_spanish() {
    let q = quote(
        &billed_per_cc(),
        &request(&THREE_VIALS.replace(r#""answers": {"#, r#""answers": { "language": "es","#)),
    )
    .expect("valid");
    assert_eq!(
        q.good_faith_estimate.providers[0].items[0]
            .billing_units
            .as_deref(),
        Some("6 unidades de 1 cc")
    );
}

#[test]
fn billing_units_are_checked_like_the_rest_of_the_book() {
    let mut json = sample();
    json["products"][0]["billing_units"] =
        serde_json::json!({ "unit": { "en": "", "es": "1 cc" }, "per_product": 0 });
    let error = PriceBook::from_json(&json.to_string()).expect_err("refused");
    let problems: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
    assert_eq!(
        problems,
        [
            "products[0].billing_units.unit: must not be empty",
            "products[0].billing_units.per_product: must be 1 to 1000; it is 0",
        ]
    );
    // Written only when given: the sample writes none.
    let written = serde_json::to_value(book().document()).expect("JSON");
    assert!(written["products"][0].get("billing_units").is_none());
}

/// Saved by this release (`examples/save_quote.rs`, with the sample book billing the 2 mL vial per
/// 1 cc): it reopens with its number, 6 units and the total worked out above, 5,578.87.
#[test]
fn a_saved_quote_with_billing_units_reopens_as_it_was_printed() {
    let text = std::fs::read_to_string("tests/fixtures/saved-quotes/format-2-billing-units.json")
        .expect("fixture");
    let saved = SavedQuote::read(&mut serde_json::Deserializer::from_str(&text)).expect("reads");
    let reopened = reopen(&saved, &book()).expect("reopens");
    assert_eq!(reopened.quote.quote_number, "GFE-0K64-QP7R-2TJG-Z");
    let gfe = &reopened.quote.good_faith_estimate;
    assert_eq!(gfe.total.cents.get(), 557_887);
    assert_eq!(items(gfe, 0)[0], ("Q4139", 6, 487_350));
}
