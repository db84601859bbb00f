//! Therapy partners: physical therapy practices the price book lists, which a quote names by id
//! instead of typing the provider in, and whose own prices it is priced at. Every amount is worked
//! out by hand from the sample price book (the clinic's prices in `tests/cases/mod.rs`; the
//! partners' in `src/price_book/default.json`):
//!
//! | partner | evaluation (cash / allowed) | session (cash / allowed) |
//! | --- | --- | --- |
//! | `lakeshore_pt`, Lakeshore Physical Therapy | 97162, 150.00 / 105.00 | 97110, 90.00 / 80.00 |
//! | `eastside_rehab`, Eastside Sports Rehab | 97161, 140.00 / 100.00 | 97110, 85.00 / 78.00 |

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::estimate::{Payer, ProviderRole};
use amnion_estimator::price_book::{is_valid_npi, PriceBook};
use amnion_estimator::quote::{quote, reopen, Quote, SavedQuote};
use sample_book::{book, items, priced, problems, request, sample};
use serde_json::json;

/// One plantar fasciitis injection (no consultation, no boot) and cash therapy, elsewhere.
const ONE_INJECTION_CASH_PT: &str = r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                 "physical_therapy": { "coverage": "cash", "sessions": "8" } },
    "therapy_elsewhere": true"#;

#[test]
fn the_sample_partners_npis_pass_the_check_digit_by_hand() {
    // Luhn over "80840" + the first 9 digits, doubling every other digit from the right of the
    // 9; the prefix adds 24 (src/price_book/identifiers.rs: the 4 and the first 0 are doubled:
    // 8 + 0 + 8 + 8 + 0).
    // 165432187: doubled 7, 1, 3, 5, 1 -> 14-9=5, 2, 6, 10-9=1, 2 = 16; kept 8, 2, 4, 6 = 20;
    // 16 + 20 + 24 = 60, already a multiple of 10: check digit 0.
    // 198276543: doubled 3, 5, 7, 8, 1 -> 6, 10-9=1, 14-9=5, 16-9=7, 2 = 21; kept 4, 6, 2, 9 = 21;
    // 21 + 21 + 24 = 66, next multiple 70: check digit 4.
    for (base, check) in [("165432187", 0), ("198276543", 4)] {
        for digit in 0..=9 {
            assert_eq!(
                is_valid_npi(&format!("{base}{digit}")),
                digit == check,
                "{base}{digit}"
            );
        }
    }
    let book = book();
    let npis: Vec<&str> = book
        .document()
        .therapy_partners
        .iter()
        .map(|p| p.npi.as_str())
        .collect();
    assert_eq!(npis, ["1654321870", "1982765434"]);
}

#[test]
fn every_bad_partner_field_is_named_by_its_path_at_once() {
    let mut book = sample();
    let partners = &mut book["therapy_partners"];
    partners[0]["id"] = json!("Lakeshore PT");
    partners[0]["name"] = json!(" ");
    partners[0]["address"] =
        json!({ "street": "2400 Lake\u{202E} Blvd", "city": "", "state": "Texas", "zip": "7870" });
    partners[0]["npi"] = json!("1654321871");
    partners[0]["tin"] = json!("98-7650001");
    partners[0]["physical_therapy"]["evaluation"]["code"] = json!("9716");
    partners[0]["physical_therapy"]["evaluation"]["label"] =
        json!({ "en": "Evaluation", "es": "" });
    partners[0]["physical_therapy"]["session"]["cash_price_cents"] = json!(-1);
    partners[0]["physical_therapy"]["session"]["allowed_cents"] = json!(100_000_001);
    partners[1]["id"] = json!("Lakeshore PT");
    let at = "therapy_partners[0]";
    assert_eq!(
        problems(&book),
        [
            format!("{at}.id: must be lowercase letters, digits and _ only; it is \"Lakeshore PT\""),
            format!("{at}.name: must not be empty"),
            // "2400 Lake" is 9 characters: the override is the 10th.
            format!("{at}.address.street: must not contain control or text-direction characters; it has U+202E at character 10"),
            format!("{at}.address.city: must not be empty"),
            format!("{at}.address.state: must be a two-letter state code like TX; it is \"Texas\""),
            format!("{at}.address.zip: must be a ZIP code like 78701 or 78701-1234; it is \"7870\""),
            // Ten digits, one off the valid 1654321870 (above): a typo in the last digit.
            format!("{at}.npi: has a last digit that does not match the other nine: check \"1654321871\" for a typo"),
            format!("{at}.tin: must be 9 digits, with no dash or space; it is \"98-7650001\""),
            format!("{at}.physical_therapy.evaluation.code: must be a CPT code: 5 characters, like 20550; it is \"9716\""),
            format!("{at}.physical_therapy.evaluation.label.es: must not be empty"),
            // -1 cent is -$0.01; 100000001 cents is a cent over $1,000,000.00.
            format!("{at}.physical_therapy.session.cash_price_cents: must be $0.00 to $1,000,000.00; it is -$0.01"),
            format!("{at}.physical_therapy.session.allowed_cents: must be $0.00 to $1,000,000.00; it is $1,000,000.01"),
            "therapy_partners[1].id: must be lowercase letters, digits and _ only; it is \"Lakeshore PT\"".into(),
            "therapy_partners[1].id: must be unique: \"Lakeshore PT\" is used twice".into(),
        ]
    );
}

#[test]
fn a_partner_is_read_as_strictly_as_the_rest_of_the_book() {
    let mut book = sample();
    book["therapy_partners"][0]["phone"] = json!("(512) 555-0199");
    book["therapy_partners"][0]["npi"] = json!(1_654_321_870_i64);
    book["therapy_partners"][1]
        .as_object_mut()
        .expect("an object")
        .remove("physical_therapy");
    assert_eq!(
        problems(&book),
        [
            "therapy_partners[0].npi: must be text, in double quotes; it is 1654321870",
            "therapy_partners[0].phone: is not a price book field: the fields here are `id`, `name`, `address`, `npi`, `tin` and `physical_therapy`",
            "therapy_partners[1]: is missing the required field `physical_therapy`",
        ]
    );
}

#[test]
fn a_book_without_partners_is_valid_and_offers_none() {
    let mut book = sample();
    book.as_object_mut()
        .expect("an object")
        .remove("therapy_partners");
    let book = PriceBook::from_json(&book.to_string()).expect("partners are optional");
    assert!(book.document().therapy_partners.is_empty());
}

#[test]
fn therapy_at_a_partner_is_priced_at_its_prices_under_its_name() {
    let q = priced(&format!(
        r#"{ONE_INJECTION_CASH_PT}, "therapy_provider": {{ "partner": "lakeshore_pt" }}"#
    ));
    let gfe = &q.good_faith_estimate;
    // The clinic's lines, as with no therapy at all: 1,200 + 150 + 125 = 1,475.00, less 5 % prompt
    // pay (73.75, exactly 5 % of each: 60.00, 7.50, 6.25) = 1,401.25.
    let no_therapy =
        priced(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#);
    assert_eq!(
        items(gfe, 0),
        [
            ("Q4139", 1, 114_000),
            ("20550", 1, 14_250),
            ("76942", 1, 11_875)
        ]
    );
    assert_eq!(items(gfe, 0), items(&no_therapy.good_faith_estimate, 0));
    // Lakeshore, at its cash prices and not discounted by the clinic: 150.00 + 8 × 90.00 = 870.00
    // (at the clinic's own prices it would be 160.00 + 8 × 95.00 = 920.00).
    assert_eq!(items(gfe, 1), [("97162", 1, 15_000), ("97110", 8, 72_000)]);
    let partner = &gfe.providers[1];
    assert_eq!(partner.role, "Co-provider");
    assert_eq!(partner.name, "Lakeshore Physical Therapy");
    assert_eq!(partner.npi, "1654321870");
    assert_eq!(partner.tin, "98-7650001");
    assert_eq!(partner.location, "2400 Example Lake Blvd, Austin, TX 78703");
    assert_eq!(partner.state, "TX");
    assert_eq!(partner.total.cents.get(), 87_000);
    assert_eq!(
        partner.note, None,
        "a partner is priced at its own prices: nothing to explain"
    );
    assert_eq!(gfe.total.cents.get(), 227_125); // 1,401.25 + 870.00
                                                // Itemized under the partner, so not also listed to be scheduled separately.
    assert!(
        gfe.separately_scheduled
            .iter()
            .all(|line| !line.contains("Lakeshore")),
        "{:?}",
        gfe.separately_scheduled
    );
}

#[test]
fn each_partner_has_its_own_prices() {
    let q = priced(&format!(
        r#"{ONE_INJECTION_CASH_PT}, "therapy_provider": {{ "partner": "eastside_rehab" }}"#
    ));
    let gfe = &q.good_faith_estimate;
    // Eastside: 140.00 + 8 × 85.00 = 820.00; the clinic's 1,401.25 as above.
    assert_eq!(items(gfe, 1), [("97161", 1, 14_000), ("97110", 8, 68_000)]);
    assert_eq!(gfe.providers[1].name, "Eastside Sports Rehab");
    assert_eq!(
        gfe.providers[1].location,
        "1800 Example St, Unit 4, Austin, TX 78702-1234"
    );
    assert_eq!(gfe.total.cents.get(), 222_125); // 1,401.25 + 820.00
}

/// (code, quantity, cents, payer) of each line the therapy provider bills.
fn therapy_lines(q: &Quote) -> Vec<(&str, u32, i64, Payer)> {
    q.breakdown
        .lines
        .iter()
        .filter(|l| l.provider == ProviderRole::Therapy)
        .map(|l| {
            (
                l.code.as_deref().unwrap_or(""),
                l.quantity,
                l.amount.cents.get(),
                l.payer,
            )
        })
        .collect()
}

#[test]
fn a_partner_through_insurance_shares_the_cost_of_its_allowed_amounts() {
    let q = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                        "physical_therapy": { "coverage": "insurance", "sessions": "4",
                          "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20",
                                         "covered_visits_remaining": "3" } } },
           "therapy_elsewhere": true, "therapy_provider": { "partner": "eastside_rehab" }"#,
    );
    // Eastside's visits in order, on its allowed amounts (evaluation 100.00, session 78.00):
    // visit 1, the evaluation: 100.00 all to the deductible (50.00 left), the plan 0;
    // visit 2: 50.00 deductible + 20 % of 28.00 (5.60) = 55.60, the plan 22.40;
    // visit 3: 20 % of 78.00 = 15.60, the plan 62.40; the plan's 3 covered visits are used;
    // visits 4 and 5: past the limit, Eastside's cash price, 2 × 85.00 = 170.00, self-pay.
    assert_eq!(
        therapy_lines(&q),
        [
            ("97161", 1, 10_000, Payer::PatientShare),
            ("97110", 1, 5_560, Payer::PatientShare),
            ("97110", 1, 2_240, Payer::Insurance),
            ("97110", 1, 1_560, Payer::PatientShare),
            ("97110", 1, 6_240, Payer::Insurance),
            ("97110", 2, 17_000, Payer::SelfPay),
        ]
    );
    // The patient: the clinic's 1,401.25 + 100.00 + 55.60 + 15.60 + 170.00 = 1,742.45; the plan
    // 22.40 + 62.40 = 84.80.
    assert_eq!(q.breakdown.patient_total.cents.get(), 174_245);
    assert_eq!(q.breakdown.insurance_total.cents.get(), 8_480);
    // On the Good Faith Estimate, Eastside lists its self-pay visits; the plan's cost sharing is
    // listed as billed to insurance, not estimated.
    let gfe = &q.good_faith_estimate;
    assert_eq!(items(gfe, 1), [("97110", 2, 17_000)]);
    assert_eq!(gfe.billed_to_insurance.len(), 3);
    assert_eq!(gfe.total.cents.get(), 157_125); // 1,401.25 + 170.00
}

/// Riverside Physical Therapy, typed in, with `prices` (JSON members) after its identity.
fn riverside(prices: &str) -> String {
    format!(
        r#""therapy_provider": {{ "partner": "", "name": "Riverside Physical Therapy",
             "npi": "1234567802", "tin": "987654321", "street": "20 River Rd", "city": "Austin",
             "state": "TX", "zip": "78702"{prices} }}"#
    )
}

#[test]
fn a_provider_typed_in_is_priced_at_its_own_prices() {
    let q = priced(&format!(
        r#"{ONE_INJECTION_CASH_PT}, {}"#,
        riverside(r#", "evaluation_price": "175.50", "session_price": "110""#)
    ));
    let gfe = &q.good_faith_estimate;
    // Riverside's own prices on the clinic's codes: 175.50 + 8 × 110.00 = 175.50 + 880.00 =
    // 1,055.50, undiscounted by the clinic; no note that it is at the clinic's prices.
    assert_eq!(items(gfe, 1), [("97162", 1, 17_550), ("97110", 8, 88_000)]);
    assert_eq!(gfe.providers[1].total.cents.get(), 105_550);
    assert_eq!(gfe.providers[1].note, None);
    // The clinic's 1,401.25 (one injection, as above) + 1,055.50 = 2,456.75.
    assert_eq!(gfe.total.cents.get(), 245_675);
    assert_eq!(q.price_warnings, Vec::<String>::new());
}

#[test]
fn a_provider_typed_in_through_insurance_shares_the_cost_of_its_own_allowed_amounts() {
    let q = priced(&format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1",
                        "physical_therapy": {{ "coverage": "insurance", "sessions": "4",
                          "insurance": {{ "deductible_remaining": "150", "coinsurance_percent": "20",
                                         "covered_visits_remaining": "3" }} }} }},
           "therapy_elsewhere": true, {}"#,
        riverside(
            r#", "evaluation_price": "180", "session_price": "100",
                "evaluation_allowed": "120", "session_allowed": "90""#
        )
    ));
    // Riverside's visits in order, on its allowed amounts (evaluation 120.00, session 90.00):
    // visit 1: 120.00 all to the deductible (30.00 left), the plan 0;
    // visit 2: 30.00 deductible + 20 % of 60.00 (12.00) = 42.00, the plan 48.00;
    // visit 3: 20 % of 90.00 = 18.00, the plan 72.00; the plan's 3 covered visits are used;
    // visits 4 and 5: past the limit, Riverside's cash price, 2 × 100.00 = 200.00, self-pay.
    assert_eq!(
        therapy_lines(&q),
        [
            ("97162", 1, 12_000, Payer::PatientShare),
            ("97110", 1, 4_200, Payer::PatientShare),
            ("97110", 1, 4_800, Payer::Insurance),
            ("97110", 1, 1_800, Payer::PatientShare),
            ("97110", 1, 7_200, Payer::Insurance),
            ("97110", 2, 20_000, Payer::SelfPay),
        ]
    );
    // On the document: Riverside's self-pay visits, 200.00; 1,401.25 + 200.00 = 1,601.25.
    let gfe = &q.good_faith_estimate;
    assert_eq!(items(gfe, 1), [("97110", 2, 20_000)]);
    assert_eq!(gfe.total.cents.get(), 160_125);
}

#[test]
fn a_new_document_needs_the_typed_in_providers_own_prices_at_their_fields() {
    // Cash therapy: the two cash prices, each at its field.
    let error = quote(
        &book(),
        &request(&format!("{ONE_INJECTION_CASH_PT}, {}", riverside(""))),
    )
    .expect_err("no prices of its own");
    let lines: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
    let price = "enter this provider's own price: what it charges a patient who pays it directly";
    assert_eq!(
        lines,
        [
            format!("therapy_provider.evaluation_price: {price}"),
            format!("therapy_provider.session_price: {price}")
        ]
    );
    // Through insurance: the allowed amounts too; in the quote's language.
    let insured = format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1", "language": "es",
                        "physical_therapy": {{ "coverage": "insurance", "sessions": "4",
                            "insurance": {{ "deductible_remaining": "0", "coinsurance_percent": "20" }} }} }},
           "therapy_elsewhere": true, {}"#,
        riverside(r#", "evaluation_price": "180", "session_price": "100""#)
    );
    let error = quote(&book(), &request(&insured)).expect_err("no allowed amounts");
    let lines: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
    let allowed = "escriba lo que un plan suele permitir a este proveedor por esto";
    assert_eq!(
        lines,
        [
            format!("therapy_provider.evaluation_allowed: {allowed}"),
            format!("therapy_provider.session_allowed: {allowed}")
        ]
    );
}

#[test]
fn a_typed_in_providers_prices_are_checked_as_the_books_are() {
    let error = quote(
        &book(),
        &request(&format!(
            "{ONE_INJECTION_CASH_PT}, {}",
            riverside(r#", "evaluation_price": "1000000.01", "session_price": "ninety""#)
        )),
    )
    .expect_err("not prices");
    let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "therapy_provider.evaluation_price",
            "therapy_provider.session_price"
        ]
    );
    assert_eq!(error.fields()[0].reason, "must be at most $1,000,000.00");
    // Far from what therapy costs, as the book's therapy prices are warned about ($20.00 to
    // $1,000.00): dollars typed as cents. The quote is made, with the warning beside it.
    let q = priced(&format!(
        "{ONE_INJECTION_CASH_PT}, {}",
        riverside(r#", "evaluation_price": "1.75", "session_price": "110""#)
    ));
    assert_eq!(
        q.price_warnings,
        ["Therapy provider's evaluation price: is $1.75, low for physical therapy (under $20.00): check for a missing digit"]
    );
}

#[test]
fn a_file_saved_before_own_prices_reopens_at_the_clinics_prices_and_the_prices_are_in_the_number() {
    // A format-2 fixture (a typed-in provider saved before its own prices were asked for) reopens at the
    // clinic's therapy prices, as it printed: 160.00 + 8 × 95.00 = 920.00, with the note saying so.
    let file = std::fs::read_to_string(
        "tests/fixtures/saved-quotes/format-2-self-pay-with-co-provider.json",
    )
    .expect("the fixture");
    let saved: SavedQuote = serde_json::from_str(&file).expect("a saved quote");
    let reopened = reopen(&saved, &book()).expect("reopens with its number");
    let gfe = &reopened.quote.good_faith_estimate;
    assert_eq!(gfe.providers[1].total.cents.get(), 92_000);
    assert!(gfe.providers[1]
        .note
        .as_deref()
        .unwrap_or("")
        .starts_with("Priced at Sample Foot & Ankle Clinic's own"));
    // Prices entered equal to the clinic's print the same amounts, under another number: the
    // prices a provider gave are part of what the patient holds.
    let own = priced(&format!(
        "{ONE_INJECTION_CASH_PT}, {}",
        riverside(r#", "evaluation_price": "160", "session_price": "95""#)
    ));
    let other = priced(&format!(
        "{ONE_INJECTION_CASH_PT}, {}",
        riverside(r#", "evaluation_price": "160", "session_price": "95.01""#)
    ));
    assert_eq!(
        own.good_faith_estimate.providers[1].total.cents.get(),
        92_000
    );
    assert_ne!(own.quote_number, other.quote_number);
    // Saved, the prices are written; reopened, they give the same number.
    let again: SavedQuote =
        serde_json::from_str(&serde_json::to_string(&own.saved).expect("JSON")).expect("reads");
    assert_eq!(again.request.therapy_provider.session_price.as_str(), "95");
    assert_eq!(
        reopen(&again, &book()).expect("reopens").quote.quote_number,
        own.quote_number
    );
}

#[test]
fn with_a_partner_the_typed_in_fields_are_not_read() {
    // What a page may still hold in its hidden typed-in fields neither prints nor is refused.
    let q = priced(&format!(
        r#"{ONE_INJECTION_CASH_PT}, "therapy_provider": {{ "partner": "lakeshore_pt",
             "name": "Someone Else", "npi": "1", "state": "texas" }}"#
    ));
    let partner = &q.good_faith_estimate.providers[1];
    assert_eq!(
        (partner.name.as_str(), partner.npi.as_str()),
        ("Lakeshore Physical Therapy", "1654321870")
    );
}

#[test]
fn an_unknown_partner_is_refused_by_its_path() {
    let request = request(&format!(
        r#"{ONE_INJECTION_CASH_PT}, "therapy_provider": {{ "partner": "riverside_pt" }}"#
    ));
    let error = quote(&book(), &request).expect_err("no such partner");
    assert_eq!(
        error.to_string(),
        "therapy_provider.partner: unknown partner \"riverside_pt\""
    );
}

#[test]
fn a_partner_is_only_read_when_therapy_is_elsewhere() {
    // Therapy at the clinic: the partner field is not read, as the typed-in fields are not.
    let q = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                        "physical_therapy": { "coverage": "cash", "sessions": "8" } },
           "therapy_provider": { "partner": "no_such_partner" }"#,
    );
    let gfe = &q.good_faith_estimate;
    assert_eq!(gfe.providers.len(), 1);
    // The clinic's 1,475.00 + 160.00 + 8 × 95.00 = 2,395.00, less 5 % (119.75) = 2,275.25.
    assert_eq!(gfe.total.cents.get(), 227_525);
}

#[test]
fn a_saved_quote_with_a_partner_reopens_with_its_prices() {
    let original = priced(&format!(
        r#"{ONE_INJECTION_CASH_PT}, "therapy_provider": {{ "partner": "lakeshore_pt" }}"#
    ));
    let file = serde_json::to_string(&original.saved).expect("serializes");
    let saved: SavedQuote = serde_json::from_str(&file).expect("reads back");
    let same = reopen(&saved, &book()).expect("reopens");
    assert_eq!(same.quote, original);
    assert_eq!(same.price_change, None);

    // Today's book no longer lists the partner: the quote keeps the prices it was saved with
    // (1,401.25 + 870.00 = 2,271.25), and says today's book cannot price it.
    let mut today = sample();
    today
        .as_object_mut()
        .expect("an object")
        .remove("therapy_partners");
    today["version"] = json!("2026.12");
    let today = PriceBook::from_json(&today.to_string()).expect("valid");
    let reopened = reopen(&saved, &today).expect("reopens");
    assert_eq!(
        reopened.quote.good_faith_estimate.total.cents.get(),
        227_125
    );
    assert_eq!(
        reopened.price_change.as_deref(),
        Some(
            "Today's price book (2026.12) cannot price this quote (therapy_provider.partner: unknown \
             partner \"lakeshore_pt\"). The quote keeps the prices of price book 2026.11-sample."
        )
    );
}

#[test]
fn without_partners_a_saved_quote_is_written_as_before_them() {
    // A book with no partners and a quote with none: neither `therapy_partners` nor
    // `therapy_provider.partner` is written, so releases before partners read the file.
    let mut without = sample();
    without
        .as_object_mut()
        .expect("an object")
        .remove("therapy_partners");
    let book = PriceBook::from_json(&without.to_string()).expect("valid");
    let q = quote(
        &book,
        &request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#),
    )
    .expect("valid");
    let file = serde_json::to_value(&q.saved).expect("JSON");
    assert_eq!(file["price_book"].get("therapy_partners"), None);
    assert_eq!(file["request"]["therapy_provider"].get("partner"), None);
    assert!(file["request"]["therapy_provider"].get("name").is_some());
}
