//! "Export for the record system": the Da Vinci PCT GFE Packet of a quote (DESIGN.md, "The Good
//! Faith Estimate for the record system"). Natively: the packet's shape and amounts, by hand; a
//! self-pay price quote refused; a revision's `relatesTo`; and the IG's own example packet read by
//! the export's structs without losing an element the export writes. The FHIRPath checks of the
//! same packet run in the browser tier (`tests/browser/staff-record-export.test.mjs`).

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use std::collections::BTreeSet;

use amnion_estimator::quote::fhir::resources::{Bundle, Claim, Resource};
use amnion_estimator::quote::fhir::{gfe_packet, gfe_packet_json, QUOTE_NUMBER_SYSTEM};
use amnion_estimator::quote::{reopen, Quote};
use serde_json::Value;

fn reopened(name: &str) -> Quote {
    let saved = sample_book::saved_quote(name);
    reopen(&saved, &sample_book::book())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .quote
}

/// The packet of the saved quote `name`, as JSON.
fn packet_json(name: &str) -> Value {
    serde_json::from_str(&gfe_packet_json(&reopened(name)).expect("a GFE")).expect("JSON")
}

fn claims(bundle: &Bundle) -> Vec<&Claim> {
    bundle
        .entry
        .iter()
        .filter_map(|e| match &e.resource {
            Resource::Claim(claim) => Some(&**claim),
            _ => None,
        })
        .collect()
}

fn code(claim: &Claim) -> &str {
    let kind = claim.kind.as_ref().expect("a type");
    kind.coding[0].code.as_deref().expect("a code")
}

/// The self-pay GFE with a co-provider of `format-2-self-pay-with-co-provider.json` (tests/
/// saved_quotes.rs): plantar fasciitis, 2 injections of the 1 mL vial, consultation, 8 therapy
/// sessions with Riverside Physical Therapy, scheduled 2026-12-09.
#[test]
fn a_self_pay_gfe_with_a_co_provider_is_a_packet_whose_items_add_to_the_printed_totals() {
    let quote = reopened("format-2-self-pay-with-co-provider.json");
    let packet = gfe_packet(&quote).expect("a Good Faith Estimate is exported");
    assert_eq!(packet.kind.as_deref(), Some("document"));
    let kinds: Vec<&str> = packet
        .entry
        .iter()
        .map(|e| match &e.resource {
            Resource::Composition(_) => "Composition",
            Resource::Patient(_) => "Patient",
            Resource::Coverage(_) => "Coverage",
            Resource::Organization(_) => "Organization",
            Resource::Bundle(_) => "Bundle",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "Composition",
            "Patient",
            "Coverage",
            "Organization",
            "Organization",
            "Bundle",
            "Bundle"
        ]
    );
    let Resource::Composition(composition) = &packet.entry[0].resource else {
        unreachable!("checked above")
    };
    assert_eq!(
        composition
            .identifier
            .as_ref()
            .and_then(|i| i.value.as_deref()),
        Some("GFE-3DQE-P2KM-1P1Y-G")
    );
    assert!(composition.relates_to.is_empty(), "not a revision");
    assert_eq!(
        composition.author.len(),
        2,
        "the clinic and the co-provider"
    );
    assert_eq!(
        composition.section.len(),
        3,
        "coverage, then one per provider"
    );
    // Scheduled for 2026-12-09 with no later date given: the planned period starts then.
    let planned = &composition.extension[2].extension[0];
    assert_eq!(planned.url, "plannedPeriodOfService");
    assert_eq!(
        planned
            .value_period
            .as_ref()
            .and_then(|p| p.start.as_deref()),
        Some("2026-12-09")
    );

    // Each provider's bundle: the summary first, then the professional claim, whose nets are the
    // printed items and add to the printed total, in cents; each unit price is its net ÷ quantity.
    // Clinic (as tests/saved_quotes.rs): 250 + 2 × (1,200 + 150 + 125) = 3,200.00. The 15 % off
    // one injection, 221.25, over the injection's parts in proportion (2,400 : 300 : 250 of 2,950):
    // 180.00, 22.50, 18.75, leaving 2,220.00, 277.50, 231.25; with the 250.00 consultation,
    // 2,978.75. Prompt pay 5 % (148.9375 → 148.94) over all four in proportion: 250 → 12.50021,
    // 2,220 → 111.0015, 277.50 → 13.8752, 231.25 → 11.5626 (cents 1,250.021; 11,100.15; 1,387.52;
    // 1,156.26): 14,893 in whole cents, the last cent to the largest remainder (.52), so 12.50,
    // 111.00, 13.88, 11.56. Nets: 237.50, 2,109.00, 263.62, 219.69 = 2,829.81, the printed total.
    // Riverside: evaluation 160.00, 8 sessions × 95.00 = 760.00: 920.00. Together 3,749.81.
    let expected: [(&str, &[Row]); 2] = [
        (
            "2829.81",
            &[
                // unitPrice = net ÷ quantity, so that quantity × unitPrice = net (FHIR's formula):
                // 2,109.00 ÷ 2 = 1,054.50; 263.62 ÷ 2 = 131.81; 219.69 ÷ 2 = 109.845 (exact).
                ("99204", "1", "237.50", "237.50"),
                ("Q4139", "2", "1054.50", "2109.00"),
                ("20550", "2", "131.81", "263.62"),
                ("76942", "2", "109.845", "219.69"),
            ],
        ),
        (
            "920.00",
            &[
                ("97162", "1", "160.00", "160.00"),
                ("97110", "8", "95.00", "760.00"),
            ],
        ),
    ];
    let bundles: Vec<&Bundle> = packet
        .entry
        .iter()
        .filter_map(|e| match &e.resource {
            Resource::Bundle(b) => Some(&**b),
            _ => None,
        })
        .collect();
    let mut all_nets = 0;
    for (bundle, (total, items)) in bundles.iter().zip(expected) {
        assert!(
            matches!(bundle.entry[0].resource, Resource::Claim(_)),
            "a claim first"
        );
        let claims = claims(bundle);
        assert_eq!(
            claims.iter().map(|c| code(c)).collect::<Vec<_>>(),
            ["estimate-summary", "professional"]
        );
        let (summary, professional) = (claims[0], claims[1]);
        let value = |m: &Option<amnion_estimator::quote::fhir::resources::Money>| {
            m.as_ref()
                .and_then(|m| m.value.as_ref())
                .map(|d| d.as_str().to_owned())
        };
        assert_eq!(value(&summary.total).as_deref(), Some(total));
        assert_eq!(value(&professional.total).as_deref(), Some(total));
        let got: Vec<(String, String, String, String)> = professional
            .item
            .iter()
            .map(|item| {
                let service = item.product_or_service.as_ref().expect("a code");
                (
                    service.coding[0].code.clone().expect("a code"),
                    item.quantity
                        .as_ref()
                        .and_then(|q| q.value.as_ref())
                        .expect("a quantity")
                        .as_str()
                        .to_owned(),
                    value(&item.unit_price).expect("a unit price"),
                    value(&item.net).expect("a net"),
                )
            })
            .collect();
        let want: Vec<(String, String, String, String)> = items
            .iter()
            .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
            .collect();
        assert_eq!(got, want);
        all_nets += got.iter().map(|(_, _, _, net)| cents(net)).sum::<i64>();
    }
    assert_eq!(all_nets, 374_981);
    assert_eq!(quote.good_faith_estimate.total.cents.get(), 374_981);
}

/// An item as (code, quantity, unit price, net).
type Row<'a> = (&'a str, &'a str, &'a str, &'a str);

/// `"2829.81"` as 282,981 cents.
fn cents(decimal: &str) -> i64 {
    decimal.replace('.', "").parse().expect("two decimals")
}

#[test]
fn a_self_pay_price_quote_is_not_exported_as_a_good_faith_estimate() {
    // Medicare: a self-pay price quote (SPQ-…), refused at `coverage` in words.
    let quote = reopened("format-2-medicare.json");
    let error = gfe_packet(&quote).expect_err("not a GFE");
    let text = error.to_string();
    assert!(text.contains("coverage"), "{text}");
    assert!(text.contains("not a Good Faith Estimate"), "{text}");
    // Medicaid, in Spanish: refused in Spanish.
    let quote = reopened("release-729d275-spanish-medicaid.json");
    let text = gfe_packet(&quote).expect_err("not a GFE").to_string();
    assert!(text.contains("no un estimado de buena fe"), "{text}");
}

#[test]
fn a_revision_names_the_document_it_replaces() {
    // revision-chain-2 replaces GFE-AAJ8-1STR-C4FQ-G (revision-chain-1's number, issued
    // 2026-12-01); revision-chain-3 replaces chain-2, GFE-FVJM-TR82-0AVD-X, directly.
    for (name, replaced) in [
        ("revision-chain-2-boot-removed.json", "GFE-AAJ8-1STR-C4FQ-G"),
        (
            "revision-chain-3-two-injections.json",
            "GFE-FVJM-TR82-0AVD-X",
        ),
    ] {
        let packet = gfe_packet(&reopened(name)).expect("a GFE");
        let Resource::Composition(composition) = &packet.entry[0].resource else {
            panic!("{name}: a Composition first")
        };
        assert_eq!(composition.relates_to.len(), 1, "{name}");
        let relates = &composition.relates_to[0];
        assert_eq!(relates.code, "replaces");
        let target = relates.target_identifier.as_ref().expect("an identifier");
        assert_eq!(target.system.as_deref(), Some(QUOTE_NUMBER_SYSTEM));
        assert_eq!(target.value.as_deref(), Some(replaced), "{name}");
    }
}

/// Every leaf of `value`, as (path with indices, path without them, the leaf's JSON text); a
/// resource's path starts with its type, so a Claim's `total.value` is `Claim.total.value`.
fn leaves(value: &Value, path: &str, bare: &str, out: &mut Vec<(String, String, String)>) {
    match value {
        Value::Object(map) => {
            let (path, bare) = match map.get("resourceType").and_then(Value::as_str) {
                Some(kind) => (format!("{path}/{kind}"), format!("{bare}/{kind}")),
                None => (path.to_owned(), bare.to_owned()),
            };
            for (key, value) in map {
                leaves(
                    value,
                    &format!("{path}.{key}"),
                    &format!("{bare}.{key}"),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (n, item) in items.iter().enumerate() {
                leaves(item, &format!("{path}[{n}]"), bare, out);
            }
        }
        leaf => out.push((path.to_owned(), bare.to_owned(), leaf.to_string())),
    }
}

#[test]
fn the_igs_example_packet_is_read_without_losing_an_element_the_export_writes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/fhir/PCT-GFE-Packet-Prof-1.json"
    );
    let text = std::fs::read_to_string(path).expect("the fixture");
    let read: Resource = serde_json::from_str(&text).expect("the example reads");
    let again = serde_json::to_string(&read).expect("writes");
    // Its decimals keep their digits: 200.00, not 200 (serde_json's Value would say 200.0).
    assert!(
        again.contains(r#""net":{"value":200.00,"currency":"USD"}"#),
        "{again}"
    );
    assert!(again.contains(r#""quantity":{"value":1}"#));

    // The elements the export writes, by path without indices.
    let ours: Value = serde_json::from_str(
        &gfe_packet_json(&reopened("revision-chain-2-boot-removed.json")).expect("a GFE"),
    )
    .expect("JSON");
    let mut written = Vec::new();
    leaves(&ours, "", "", &mut written);
    let ours: BTreeSet<String> = written.into_iter().map(|(_, bare, _)| bare).collect();

    let mut original = Vec::new();
    leaves(
        &serde_json::from_str(&text).expect("JSON"),
        "",
        "",
        &mut original,
    );
    let mut kept = Vec::new();
    leaves(
        &serde_json::from_str(&again).expect("JSON"),
        "",
        "",
        &mut kept,
    );
    let kept: BTreeSet<(String, String)> = kept
        .into_iter()
        .map(|(path, _, leaf)| (path, leaf))
        .collect();
    let shared: Vec<&(String, String, String)> = original
        .iter()
        .filter(|(_, bare, _)| ours.contains(bare))
        .collect();
    // Most of what the example says is also what the export writes (a claim's codes, amounts,
    // references, the composition's type, sections and extensions…): none of it is lost.
    assert!(shared.len() > 100, "{} elements in common", shared.len());
    for (path, _, leaf) in shared {
        assert!(
            kept.contains(&(path.clone(), leaf.clone())),
            "{path} = {leaf} is lost"
        );
    }
    // What the export does not write is dropped: the Practitioner is read as one, and its name is
    // not written again; nor the claim's payee.
    assert!(text.contains("Ologist") && !again.contains("Ologist"));
    assert!(text.contains("\"payee\"") && !again.contains("\"payee\""));
}

#[test]
fn a_provider_with_more_than_fifty_items_has_them_in_claims_of_fifty() {
    // A book with 60 extras of $10.00 each (codes 99001…), all on one quote: one plantar fasciitis
    // injection (1,200 + 150 + 125 = 1,475.00) and 60 × 10.00 = 600.00: 2,075.00, less 5 % prompt
    // pay (103.75) = 1,971.25. 63 items: claims of 50 and 13, their totals adding to the printed one.
    let mut json = sample_book::sample();
    let extras: Vec<Value> = (0..60)
        .map(|n| {
            serde_json::json!({ "id": format!("extra_{n}"), "code": format!("{}", 99_001 + n),
                "label": { "en": format!("Extra {n}"), "es": format!("Extra {n}") }, "price_cents": 1000 })
        })
        .collect();
    json["extras"] = Value::Array(extras);
    let book =
        amnion_estimator::price_book::PriceBook::from_json(&json.to_string()).expect("valid");
    let counts: Vec<String> = (0..60).map(|n| format!(r#""extra_{n}": "1""#)).collect();
    let request = sample_book::request(&format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "product": "amnion_1ml", "injections": "1" }}, "extras": {{ {} }}"#,
        counts.join(", ")
    ));
    let quote = amnion_estimator::quote::quote(&book, &request).expect("priced");
    assert_eq!(quote.good_faith_estimate.total.cents.get(), 197_125);
    let packet = gfe_packet(&quote).expect("a GFE");
    let Resource::Bundle(bundle) = &packet.entry.last().expect("entries").resource else {
        panic!("a GFE Bundle last")
    };
    let claims = claims(bundle);
    assert_eq!(
        claims.iter().map(|c| code(c)).collect::<Vec<_>>(),
        ["estimate-summary", "professional", "professional"]
    );
    assert_eq!((claims[1].item.len(), claims[2].item.len()), (50, 13));
    let total = |claim: &Claim| {
        cents(
            claim
                .total
                .as_ref()
                .and_then(|m| m.value.as_ref())
                .expect("a total")
                .as_str(),
        )
    };
    assert_eq!(total(claims[0]), 197_125);
    assert_eq!(total(claims[1]) + total(claims[2]), 197_125);
}

/// Every date and dateTime of `packet`'s JSON (the keys FHIR gives those types here), as text.
fn dates(json: &Value, out: &mut Vec<(String, String)>) {
    const DATE_KEYS: [&str; 6] = ["start", "end", "created", "birthDate", "date", "timestamp"];
    match json {
        Value::Object(map) => {
            for (key, value) in map {
                match value {
                    Value::String(text) if DATE_KEYS.contains(&key.as_str()) => {
                        out.push((key.clone(), text.clone()));
                    }
                    _ => dates(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| dates(item, out)),
        _ => {}
    }
}

/// Whether `text` is a FHIR R4 `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or a `dateTime` to the
/// second with its offset: no blank, no space.
fn a_fhir_date(text: &str) -> bool {
    let day = |t: &str| amnion_estimator::calendar::Date::parse(t).is_ok();
    match text.len() {
        10 => day(text),
        20 | 25 => day(&text[..10]) && text.as_bytes()[10] == b'T' && !text.contains(' '),
        _ => false,
    }
}

#[test]
fn a_blank_or_padded_form_date_never_reaches_the_packet() {
    // The staff page's normal path: 2 injections planned, the first scheduled for 2026-11-25, the
    // second's field left blank (sent as ""): the second injection is not scheduled yet, so the
    // planned period starts on 2026-11-25 and has no end, nowhere `"end": ""`.
    let request = sample_book::request(
        r#""scheduled_on": "2026-11-25", "later_injections_on": [""],
           "answers": { "condition": "plantar_fasciitis", "product": "amnion_1ml", "injections": "2" }"#,
    );
    let quote = amnion_estimator::quote::quote(&sample_book::book(), &request).expect("priced");
    let json: Value = serde_json::from_str(&gfe_packet_json(&quote).expect("a GFE")).expect("JSON");
    let mut found = Vec::new();
    dates(&json, &mut found);
    assert!(found.iter().all(|(_, text)| a_fhir_date(text)), "{found:?}");
    let periods: Vec<&(String, String)> = found
        .iter()
        .filter(|(key, _)| key == "start" || key == "end")
        .collect();
    // The composition's planned period, the summary's billablePeriod, each item's servicedPeriod.
    assert!(periods.len() >= 3, "{periods:?}");
    assert!(periods
        .iter()
        .all(|(key, text)| key == "start" && text == "2026-11-25"));

    // Both dates given: the period ends on the second, 2026-12-09.
    let request = sample_book::request(
        r#""scheduled_on": "2026-11-25", "later_injections_on": ["2026-12-09"],
           "answers": { "condition": "plantar_fasciitis", "product": "amnion_1ml", "injections": "2" }"#,
    );
    let quote = amnion_estimator::quote::quote(&sample_book::book(), &request).expect("priced");
    let packet = gfe_packet(&quote).expect("a GFE");
    let Resource::Composition(composition) = &packet.entry[0].resource else {
        panic!("a Composition first")
    };
    let planned = composition.extension[2].extension[0].value_period.as_ref();
    assert_eq!(
        planned.map(|p| (p.start.as_deref(), p.end.as_deref())),
        Some((Some("2026-11-25"), Some("2026-12-09")))
    );

    // A saved file whose dates are padded with spaces (the checks trim them; the printed document
    // shows them trimmed): the packet has them trimmed too.
    let mut saved = sample_book::saved_quote("format-2-self-pay-with-co-provider.json");
    saved.request.scheduled_on = " 2026-12-09 ".to_owned();
    saved.request.issued_on = "2026-12-02 ".to_owned();
    saved.request.patient.date_of_birth = " 1970-03-04".to_owned();
    let quote = reopen(&saved, &sample_book::book())
        .expect("a padded date reads as the date")
        .quote;
    assert_eq!(quote.quote_number, "GFE-3DQE-P2KM-1P1Y-G");
    let json: Value = serde_json::from_str(&gfe_packet_json(&quote).expect("a GFE")).expect("JSON");
    let mut found = Vec::new();
    dates(&json, &mut found);
    assert!(found.iter().all(|(_, text)| a_fhir_date(text)), "{found:?}");
    assert!(found.contains(&("start".to_owned(), "2026-12-09".to_owned())));
    assert!(found.contains(&("created".to_owned(), "2026-12-02".to_owned())));
    assert!(found.contains(&("birthDate".to_owned(), "1970-03-04".to_owned())));
}

#[test]
fn each_claims_diagnosis_is_the_principal_one_in_the_igs_code_system() {
    // PCT GFE Summary and Professional: `diagnosis.type from DiagnosisTypeCodes` (required), and
    // the principal slice fixes `type = DiagnosisTypeCodes#principal`, `sequence = 1`: THO's
    // http://terminology.hl7.org/CodeSystem/diagnosistype since PCT 2.0 (change log, FHIR-35540),
    // not FHIR core's example system ex-diagnosistype.
    let packet = gfe_packet(&reopened("format-2-self-pay-with-co-provider.json")).expect("a GFE");
    let mut seen = 0;
    for entry in &packet.entry {
        let Resource::Bundle(bundle) = &entry.resource else {
            continue;
        };
        for claim in claims(bundle) {
            assert_eq!(claim.diagnosis.len(), 1);
            let diagnosis = &claim.diagnosis[0];
            assert_eq!(diagnosis.sequence, 1);
            let coding = &diagnosis.kind[0].coding[0];
            assert_eq!(
                (coding.system.as_deref(), coding.code.as_deref()),
                (
                    Some("http://terminology.hl7.org/CodeSystem/diagnosistype"),
                    Some("principal")
                )
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 4, "a summary and a professional claim per provider");
}

/// `"109.845"` in millionths of a dollar: 109,845,000.
fn millionths(decimal: &str) -> i128 {
    let (whole, fraction) = decimal.split_once('.').unwrap_or((decimal, ""));
    assert!(fraction.len() <= 6, "{decimal}: at most six decimals");
    format!("{whole}{fraction:0<6}").parse().expect("digits")
}

#[test]
fn each_items_net_is_its_quantity_times_its_unit_price() {
    // FHIR R4 Claim.item.net: "quantity * unitPrice * factor = net" (factor 1 when absent). The
    // unit price is the net ÷ the quantity: exact when the division ends within six decimals, else
    // cut at six, half up, so quantity × unitPrice is within half a millionth a unit of the net
    // and rounds to the same cent. Three injections of the 1 mL vial (3 is the divisor that never
    // ends). Its printed nets, after the several-injection and prompt-pay discounts: Q4139
    // 3,078.00, 20550 384.75, 76942 320.62. Unit prices: 3,078.00 ÷ 3 = 1,026.00 and 384.75 ÷ 3 =
    // 128.25 exactly; 320.62 ÷ 3 = 106.873333… → 106.873333, and 3 × 106.873333 = 320.619999,
    // a millionth short of 320.62 and the same cent.
    let quote = sample_book::priced(
        r#""answers": { "condition": "plantar_fasciitis", "product": "amnion_1ml", "injections": "3" }"#,
    );
    assert_eq!(
        sample_book::items(&quote.good_faith_estimate, 0),
        [
            ("Q4139", 3, 307_800),
            ("20550", 3, 38_475),
            ("76942", 3, 32_062)
        ]
    );
    let packet = gfe_packet(&quote).expect("a GFE");
    let mut checked = 0;
    let mut rounded = 0;
    let mut units = Vec::new();
    for entry in &packet.entry {
        let Resource::Bundle(bundle) = &entry.resource else {
            continue;
        };
        for claim in claims(bundle) {
            for item in &claim.item {
                let value = |m: &Option<amnion_estimator::quote::fhir::resources::Money>| {
                    millionths(
                        m.as_ref()
                            .and_then(|m| m.value.as_ref())
                            .expect("a value")
                            .as_str(),
                    )
                };
                let quantity: i128 = item
                    .quantity
                    .as_ref()
                    .and_then(|q| q.value.as_ref())
                    .expect("a quantity")
                    .as_str()
                    .parse()
                    .expect("a whole number of units");
                let (unit, net) = (value(&item.unit_price), value(&item.net));
                units.push(
                    item.unit_price
                        .as_ref()
                        .and_then(|m| m.value.as_ref())
                        .map(|d| d.as_str().to_owned())
                        .unwrap_or_default(),
                );
                assert_eq!(net % 10_000, 0, "a net is whole cents");
                let product = quantity * unit;
                // Within half a millionth a unit, and the same cent.
                assert!(
                    2 * (product - net).abs() <= quantity,
                    "{quantity} × {unit} vs {net}"
                );
                assert_eq!((product + 5_000).div_euclid(10_000), net / 10_000);
                rounded += usize::from(product != net);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3, "the injection's three parts");
    assert_eq!(units, ["1026.00", "128.25", "106.873333"]);
    assert_eq!(rounded, 1, "only 320.62 ÷ 3 does not end");
}

#[test]
fn each_organizations_address_has_its_parts() {
    // US Core Organization 7.0.0 (PCT Organization's ancestor) marks address.line, .city, .state,
    // .postalCode and .country Must Support: the book's clinic address and the typed-in
    // co-provider's, in their parts, with the printed one-line location as the text.
    let json = packet_json("format-2-self-pay-with-co-provider.json");
    let addresses: Vec<&Value> = json["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["resource"]["resourceType"] == "Organization")
        .map(|e| &e["resource"]["address"][0])
        .collect();
    assert_eq!(
        addresses,
        [
            &serde_json::json!({
                "text": "100 Example Ave, Suite 200, Austin, TX 78701",
                "line": ["100 Example Ave, Suite 200"], "city": "Austin", "state": "TX",
                "postalCode": "78701", "country": "US"
            }),
            &serde_json::json!({
                "text": "20 River Rd, Austin, TX 78702",
                "line": ["20 River Rd"], "city": "Austin", "state": "TX",
                "postalCode": "78702", "country": "US"
            }),
        ]
    );
}

#[test]
fn each_resource_declares_its_profile() {
    // meta.profile with the IG's canonical URLs, as its own examples declare them (US Core Patient
    // with its version, as the IG's patient1001): a receiver then validates against PCT.
    const PCT: &str = "http://hl7.org/fhir/us/davinci-pct/StructureDefinition/davinci-pct-";
    let json = packet_json("format-2-self-pay-with-co-provider.json");
    let profile = |resource: &Value| -> (String, String) {
        let kind = resource["resourceType"]
            .as_str()
            .expect("a type")
            .to_owned();
        let profiles = resource["meta"]["profile"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(profiles.len() <= 1, "{kind}: {profiles:?}");
        let url = profiles.first().and_then(Value::as_str).unwrap_or("none");
        (kind, url.replace(PCT, "pct:"))
    };
    let mut seen = vec![profile(&json)];
    for entry in json["entry"].as_array().expect("entries") {
        seen.push(profile(&entry["resource"]));
        for inner in entry["resource"]["entry"].as_array().into_iter().flatten() {
            let (kind, url) = profile(&inner["resource"]);
            let kind = match inner["resource"]["type"]["coding"][0]["code"].as_str() {
                Some(code) if kind == "Claim" => format!("  Claim {code}"),
                _ => format!("  {kind}"),
            };
            seen.push((kind, url));
        }
    }
    let patient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|7.0.0";
    let gfe_bundle = [
        ("  Claim estimate-summary", "pct:gfe-summary"),
        ("  Claim professional", "pct:gfe-professional"),
        ("  Patient", patient),
        ("  Coverage", "pct:coverage"),
        ("  Organization", "pct:organization"),
    ];
    let mut want = vec![
        ("Bundle", "pct:gfe-packet"),
        ("Composition", "pct:gfe-composition"),
        ("Patient", patient),
        ("Coverage", "pct:coverage"),
        ("Organization", "pct:organization"),
        ("Organization", "pct:organization"),
    ];
    for _ in 0..2 {
        want.push(("Bundle", "pct:gfe-bundle"));
        want.extend(gfe_bundle);
    }
    let want: Vec<(String, String)> = want
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    assert_eq!(seen, want);
}

#[test]
fn a_re_export_is_the_same_document_with_the_same_identifier_and_timestamp() {
    // The packet's Bundle.identifier is the quote number, so a second export of the same quote is
    // the same document byte for byte: its times come from the issue date (2026-12-02), not from
    // the computer's clock, at 12:00:00Z, the same calendar day in every US time zone.
    let quote = reopened("format-2-self-pay-with-co-provider.json");
    let first = gfe_packet_json(&quote).expect("a GFE");
    let again =
        gfe_packet_json(&reopened("format-2-self-pay-with-co-provider.json")).expect("a GFE");
    assert!(first == again, "two exports of one quote differ");
    let json: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(json["timestamp"], "2026-12-02T12:00:00Z");
    let composition = &json["entry"][0]["resource"];
    assert_eq!(composition["date"], "2026-12-02T12:00:00Z");
    // Neither booked nor asked for on another day: requested on the issue date.
    assert_eq!(
        composition["extension"][0]["valueInstant"],
        "2026-12-02T12:00:00Z"
    );
}
