//! Staff quotes and the Good Faith Estimate, through the public API, with every expected charge
//! worked out by hand from the sample price book (prices listed in `tests/cases/mod.rs`).

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::estimate::LineKind;
use amnion_estimator::language::Language;
use amnion_estimator::money::{BasisPoints, Cents};
use amnion_estimator::price_book::{
    CountRange, MultiInjectionDiscount, PriceBook, PriceBookDocument, DEFAULT_PRICE_BOOK_JSON,
};
use amnion_estimator::quote::{
    quote, reopen, when_due, when_due_refusing, CoverageScreening, PromptPayChoice, Quote,
    QuoteRequest, SavedQuote,
};
use sample_book::{assert_disclaimers_number_and_dates, book, items, priced, request};

#[test]
fn one_injection_with_consultation_and_boot() {
    let q = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#,
    );
    let gfe = &q.good_faith_estimate;
    // 250 + 1,200 + 150 + 125 + 165 = 1,890.00; prompt pay 5 % = 94.50, which is exactly 5 % of
    // each item: 12.50, 60.00, 7.50, 6.25, 8.25.
    assert_eq!(
        items(gfe, 0),
        [
            ("99204", 1, 23_750),
            ("Q4139", 1, 114_000),
            ("20550", 1, 14_250),
            ("76942", 1, 11_875),
            ("L4361", 1, 15_675)
        ]
    );
    assert_eq!(gfe.total.formatted, "$1,795.50");
    assert_eq!(gfe.providers.len(), 1);
    assert!(gfe.providers[0]
        .items
        .iter()
        .all(|i| i.diagnosis_code == "M72.2"));
    assert_eq!(
        gfe.primary_service.description,
        "Amniotic tissue injection — Plantar fasciitis (heel pain), left side: 1 injection"
    );
    assert_eq!(gfe.primary_service.scheduled_on, "Not yet scheduled");
    assert_eq!(gfe.issued_on, "November 21, 2026");
    assert_eq!(gfe.valid_until, "January 20, 2027"); // 60 days: 9 left in November, 31 in December, 20
    assert_eq!(gfe.patient.date_of_birth, "March 4, 1970");
    assert!(q.range_warning.is_none());
}

#[test]
fn two_providers_when_therapy_is_elsewhere() {
    let treatment = r#""scheduled_on": "2026-12-03",
           "answers": { "condition": "achilles_tendinopathy", "injections": "2",
                        "physical_therapy": { "coverage": "cash", "sessions": "6" } },
           "therapy_elsewhere": true,
           "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                                 "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95" }"#;
    let q = quote(
        &book(),
        &request(treatment).tap(|r| r.side = "right".into()),
    )
    .expect("valid");
    let gfe = &q.good_faith_estimate;
    // Clinic: 2 × 1,200 + 2 × 160 + 2 × 125 = 2,970.00. Multi-injection: one injection 1,485 × 15 %
    // = 222.75, spread over product/administration/guidance in proportion 2,400 : 320 : 250, which
    // comes out even: 180.00, 24.00, 18.75 -> 2,220.00, 296.00, 231.25.
    // Prompt pay on the clinic's 2,747.25 only (therapy elsewhere is not ours to discount):
    // 5 % = 137.3625 -> 137.36, spread 2,220 : 296 : 231.25 = 110.998, 14.7997, 11.5623 cents×100;
    // truncated 110.99 + 14.79 + 11.56 = 137.34, the 2 leftover cents to the largest remainders
    // (administration .97, then product .80): 111.00, 14.80, 11.56.
    // -> 2,109.00, 281.20, 219.69; clinic total 2,609.89.
    assert_eq!(
        items(gfe, 0),
        [
            ("Q4139", 2, 210_900),
            ("20551", 2, 28_120),
            ("76942", 2, 21_969)
        ]
    );
    assert_eq!(gfe.providers[0].total.cents.get(), 260_989);
    // Therapy elsewhere, at the cash prices, no clinic discounts: 160 + 6 × 95 = 730.00.
    assert_eq!(items(gfe, 1), [("97162", 1, 16_000), ("97110", 6, 57_000)]);
    assert_eq!(gfe.providers[1].role, "Co-provider");
    assert_eq!(gfe.providers[1].tin, "98-7654321");
    assert_eq!(gfe.providers[1].location, "20 River Rd, Austin, TX 78702");
    assert_eq!(gfe.total.cents.get(), 333_989); // 2,609.89 + 730.00
    assert!(
        gfe.providers
            .iter()
            .flat_map(|p| &p.items)
            .all(|i| i.diagnosis_code == "M76.61"),
        "right side"
    );
    assert_eq!(gfe.primary_service.scheduled_on, "December 3, 2026");
    // The therapy is itemized under the co-provider, so it is not also "to schedule separately":
    // only the price book's two items are.
    assert_eq!(gfe.separately_scheduled.len(), 2);
    assert!(gfe
        .separately_scheduled
        .iter()
        .all(|s| !s.contains("Riverside") && !s.contains("Physical therapy")));
}

#[test]
fn a_range_warns_when_the_high_end_is_400_or_more_above() {
    let q = priced(
        r#""answers": { "condition": "partial_tendon_tear", "injections": "1" }, "injections_up_to": "3""#,
    );
    // Planned 1: 1,475.00 - 73.75 = 1,401.25. Up to 3: 4,425.00 - 2 × 221.25 = 3,982.50, - 5 %
    // (199.125 -> 199.13) = 3,783.37. 3,783.37 - 1,401.25 = 2,382.12 >= 400.
    assert_eq!(
        q.good_faith_estimate.total.formatted, "$1,401.25",
        "the GFE shows the planned count"
    );
    assert_eq!(
        q.range_warning.as_deref(),
        Some(
            "If 3 injections are needed instead of 1, Sample Foot & Ankle Clinic would charge $2,382.12 more \
             ($3,783.37 in all). That is $400 or more above this estimate, which the patient could dispute: \
             consider quoting 3 injections."
        )
    );
}

#[test]
fn medicare_gets_a_price_quote_and_a_notice_not_a_gfe() {
    let q = priced(
        r#""coverage": "medicare", "prompt_pay": "not_offered",
           "answers": { "condition": "ankle_osteoarthritis", "injections": "1" }"#,
    );
    let gfe = &q.good_faith_estimate;
    // 20606 includes guidance: 1,200 + 260 = 1,460.00, and no prompt-pay discount for Medicare.
    assert_eq!(gfe.total.cents.get(), 146_000);
    assert!(!gfe.applies);
    assert_eq!(gfe.title, "Self-pay price quote");
    assert!(gfe
        .coverage_notice
        .as_deref()
        .is_some_and(|n| n.contains("does not apply to Medicare, Medicaid or TRICARE")));
    assert!(
        gfe.disclaimers
            .iter()
            .all(|d| !d.contains("dispute resolution")),
        "no GFE dispute right to claim"
    );
}

#[test]
fn extras_and_a_staff_discount() {
    let q = priced(
        r#""answers": { "condition": "chronic_ankle_ligament", "injections": "1" },
           "extras": { "follow_up": "2", "imaging_review": "1" },
           "staff_discount": { "amount": "100", "reason": "Returning patient" }"#,
    );
    let gfe = &q.good_faith_estimate;
    // 1,200 + 150 + 125 + 2 × 120 + 75 = 1,790.00; staff discount 100.00 -> 1,690.00; prompt pay
    // 5 % = 84.50 -> 1,605.50.
    // The 100.00 spread 1,200 : 150 : 125 : 240 : 75 (of 1,790): 67.0391, 8.3799, 6.9832, 13.4078,
    // 4.1899 -> truncated sum 99.96; 4 leftover cents to remainders .9944, .9888, .9106, .7821:
    // 67.04, 8.38, 6.98, 13.41, 4.19 -> nets 1,132.96, 141.62, 118.02, 226.59, 70.81.
    // The 84.50 is exactly 5 % of each net: 56.648, 7.081, 5.901, 11.3295, 3.5405 -> truncated
    // 84.48; 2 leftover cents to remainders .95 then .80: 56.65, 7.08, 5.90, 11.33, 3.54.
    assert_eq!(
        items(gfe, 0),
        [
            ("Q4139", 1, 107_631),
            ("20550", 1, 13_454),
            ("76942", 1, 11_212),
            ("99213", 2, 21_526),
            ("76140", 1, 6_727)
        ]
    );
    assert_eq!(gfe.total.cents.get(), 160_550);
    let staff_line = q
        .breakdown
        .lines
        .iter()
        .find(|l| l.label == "Discount: Returning patient")
        .expect("its own line");
    assert_eq!(staff_line.amount.cents.get(), -10_000);
    // Spread over the items, the staff discount is still named on the document, with its reason
    // and amount; and the prompt-pay statement: 1,605.50 + 84.50 = 1,690.00 without it.
    assert_eq!(
        gfe.providers[0].note.as_deref(),
        Some(
            "These charges already reflect: Discount: Returning patient ($100.00). These charges \
             include a 5% discount for paying in full at the visit. Without it, the clinic's charges \
             are $1,690.00."
        )
    );
}

/// A staff discount that leaves none of the clinic's charges waives its bill: its reason must say
/// why and who approved it, in at least three words of two letters or more. Any smaller discount
/// keeps any reason, and a reopened file keeps the reason it was saved with.
#[test]
fn a_discount_that_waives_the_clinics_charges_needs_a_real_reason() {
    let treatment = |off: &str, reason: &str| {
        format!(
            r#""answers": {{ "condition": "chronic_ankle_ligament", "injections": "1" }},
               "staff_discount": {{ {off}, "reason": "{reason}" }}"#
        )
    };
    let refused = |off: &str, reason: &str| {
        quote(&book(), &request(&treatment(off, reason)))
            .expect_err("a waiver without a reason")
            .to_string()
    };
    let why = |reason: &str| {
        format!(
            "staff_discount.reason: this discount leaves none of the clinic's charges, so its reason \
             must say why and who approved it in at least three words, like \"financial hardship, \
             approved by Dr. Lee\"; it is \"{reason}\""
        )
    };
    // 100 %: "x", one word, two words, and three words of which one is a single letter.
    for reason in ["x", "hardship", "staff courtesy", "ok by X"] {
        assert_eq!(
            refused(r#""percent": "100""#, reason),
            why(reason),
            "{reason}"
        );
    }
    // An amount equal to the clinic's charges (1,200 + 150 + 125 = 1,475.00) is a waiver too.
    assert_eq!(refused(r#""amount": "1475""#, "waived"), why("waived"));
    // Three words: a quote for $0.00, with the reason on the document.
    let waived = priced(&treatment(
        r#""percent": "100""#,
        "Financial hardship, approved by Dr. Lee",
    ));
    assert_eq!(waived.good_faith_estimate.total.cents.get(), 0);
    // 1 cent short of a waiver (1,474.99 off: 0.01 left, 5 % prompt pay of it rounds to 0.00):
    // any reason, as before.
    let almost = priced(&treatment(r#""amount": "1474.99""#, "x"));
    assert_eq!(almost.good_faith_estimate.total.cents.get(), 1);
    // In Spanish, in the quote's language.
    let spanish = r#""answers": { "condition": "chronic_ankle_ligament", "injections": "1", "language": "es" },
           "staff_discount": { "percent": "100", "reason": "x" }"#;
    let error = quote(&book(), &request(spanish)).expect_err("a waiver without a reason");
    assert!(
        error
            .to_string()
            .starts_with("staff_discount.reason: este descuento no deja ningún cargo"),
        "{error}"
    );
}

#[test]
fn every_element_of_149_610_c_is_present() {
    let q = priced(
        r#""scheduled_on": "2026-12-03", "answers": { "condition": "plantar_fasciitis", "injections": "2" }"#,
    );
    let gfe = &q.good_faith_estimate;
    assert_eq!(gfe.title, "Good Faith Estimate");
    // (c)(1)(i): patient name and date of birth.
    assert_eq!(
        (
            gfe.patient.name.as_str(),
            gfe.patient.date_of_birth.as_str()
        ),
        ("Ana Ruiz", "March 4, 1970")
    );
    // (ii): primary item or service and its date.
    assert!(gfe.primary_service.description.contains("2 injections"));
    assert_eq!(gfe.primary_service.scheduled_on, "December 3, 2026");
    // (iii) and (iv): items grouped by provider with service code, diagnosis code, quantity,
    // expected charge.
    let clinic = &gfe.providers[0];
    assert!(clinic
        .items
        .iter()
        .all(|i| !i.service_code.is_empty() && i.diagnosis_code == "M72.2" && i.quantity == 2));
    assert_eq!(
        clinic
            .items
            .iter()
            .map(|i| i.expected_charge.cents.get())
            .sum::<i64>(),
        gfe.total.cents.get()
    );
    // (v): provider name, NPI, TIN, state and office location.
    assert_eq!(
        (
            clinic.npi.as_str(),
            clinic.tin.as_str(),
            clinic.state.as_str()
        ),
        ("1234567893", "12-3456789", "TX")
    );
    assert_eq!(
        clinic.location,
        "100 Example Ave, Suite 200, Austin, TX 78701"
    );
    // (vi) and (vii): items to be scheduled separately.
    assert!(!gfe.separately_scheduled.is_empty());
    // (viii)-(x): the disclaimers, in order, then not a contract.
    // The quote number, date issued and valid-until date.
    assert_disclaimers_number_and_dates(&q);
}

#[test]
fn the_quote_number_is_stable_and_follows_the_content() {
    let treatment = r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#;
    let first = priced(treatment).quote_number;
    assert_eq!(
        priced(treatment).quote_number,
        first,
        "same inputs, same number"
    );
    let changes = [
        request(treatment).tap(|r| r.patient.name = "Ana Ruíz".into()),
        request(treatment).tap(|r| r.issued_on = "2026-11-22".into()),
        request(treatment).tap(|r| r.side = "right".into()),
        request(treatment).tap(|r| r.answers.walking_boot = true),
    ];
    for changed in changes {
        assert_ne!(quote(&book(), &changed).expect("valid").quote_number, first);
    }
    // The same request priced from a book whose product costs one cent more.
    let dearer = PriceBook::from_json(&DEFAULT_PRICE_BOOK_JSON.replacen(
        "\"price_cents\": 120000",
        "\"price_cents\": 120001",
        1,
    ))
    .expect("valid");
    assert_ne!(
        quote(&dearer, &request(treatment))
            .expect("valid")
            .quote_number,
        first
    );
}

#[test]
fn a_reopened_quote_keeps_its_prices_and_says_when_they_changed() {
    let original = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#,
    );
    let file = serde_json::to_string(&original.saved).expect("serializes");
    let saved: SavedQuote = serde_json::from_str(&file).expect("reads back");

    let same = reopen(&saved, &book()).expect("reopens");
    assert_eq!(same.quote, original);
    assert_eq!(same.price_change, None);

    let json = DEFAULT_PRICE_BOOK_JSON
        .replacen("\"price_cents\": 120000", "\"price_cents\": 130000", 1)
        .replacen("2026.11-sample", "2026.12", 1);
    let today = PriceBook::from_json(&json).expect("valid");
    let reopened = reopen(&saved, &today).expect("reopens");
    assert_eq!(
        reopened.quote.good_faith_estimate.total.formatted, "$1,795.50",
        "the saved prices"
    );
    // Today: 250 + 1,300 + 150 + 125 + 165 = 1,990.00 - 5 % (99.50) = 1,890.50.
    assert_eq!(
        reopened.price_change.as_deref(),
        Some(
            "Prices have changed since this quote was issued. It keeps the prices of price book 2026.11-sample \
             ($1,795.50); today's price book 2026.12 would give $1,890.50."
        )
    );
}

#[test]
fn an_edited_saved_quote_is_refused() {
    let original = priced(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#);
    let mut saved = original.saved.clone();
    saved.price_book.products[0].price_cents = amnion_estimator::money::Cents::new(1_000);
    let error = reopen(&saved, &book()).expect_err("content no longer matches its number");
    assert!(
        error
            .to_string()
            .starts_with("quote_number: the file's content gives GFE-"),
        "{error}"
    );
}

#[test]
fn csv_rows_for_the_billing_system() {
    // Plantar fasciitis, 1 injection, consultation and boot for Ana Ruiz (born 1970-03-04), issued
    // 2026-11-21: 250 + 1,200 + 150 + 125 + 165 = 1,890.00, less 5 % prompt pay (94.50), spread
    // over the items (5 % of each: 12.50, 60.00, 7.50, 6.25, 8.25): 237.50, 1,140.00, 142.50,
    // 118.75, 156.75 = 1,795.50. The discount is a line of its own, its amount apart from
    // `expected_charge`, which still adds up to the total.
    let q = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#,
    );
    let rows: Vec<&str> = q.csv.split("\r\n").collect();
    assert_eq!(rows[0], "quote_number,provider,provider_npi,service_code,diagnosis_code,description,quantity,expected_charge,billing_units,provider_tin,patient_name,patient_date_of_birth,issued_on,line,discount_in_expected_charge,charge_before_discounts");
    let clinic = format!("{},Sample Foot & Ankle Clinic,1234567893", q.quote_number);
    let filed = "12-3456789,Ana Ruiz,1970-03-04,2026-11-21";
    assert_eq!(
        rows[1],
        format!("{clinic},99204,M72.2,New-patient consultation,1,237.50,,{filed},item,,250.00")
    );
    assert_eq!(rows[3], format!("{clinic},20550,M72.2,\"Injection, tendon sheath, ligament or plantar fascia\",1,142.50,,{filed},item,,150.00"));
    assert_eq!(rows[6], format!("{clinic},,,Prompt-pay discount: 5% off self-pay charges paid in full at the visit,,,,{filed},discount,-94.50,"));
    assert_eq!(
        rows.len(),
        8,
        "header, 5 items, 1 discount, and the empty string after the last CRLF"
    );
    let charges: i64 = rows[1..6]
        .iter()
        .map(|row| {
            let cells: Vec<&str> = row.rsplitn(9, ',').collect();
            cells[8]
                .rsplit(',')
                .next()
                .expect("a charge")
                .replace('.', "")
                .parse::<i64>()
                .expect("cents")
        })
        .sum();
    assert_eq!(charges, 179_550);
}

#[test]
fn refused_quote_requests_name_every_field() {
    let json = r#"{ "coverage": "self_pay", "patient": { "name": " ", "date_of_birth": "2030-01-01" }, "side": "middle", "issued_on": "2026-11-21",
        "answers": { "condition": "plantar_fasciitis", "injections": "not_sure" },
        "staff_discount": { "percent": "10" },
        "therapy_elsewhere": true, "therapy_provider": { "name": "PT", "npi": "1234567890", "tin": "1", "street": "x", "city": "y", "state": "ZZ", "zip": "7870" } }"#;
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(json)).expect("well-formed");
    let error = quote(&book(), &request).expect_err("many problems");
    let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "patient.name",
            "patient.date_of_birth",
            "prompt_pay",
            "side",
            "answers.injections",
            "staff_discount.reason",
            "therapy_provider.npi",
            "therapy_provider.tin",
            "therapy_provider.state",
            "therapy_provider.zip",
        ]
    );
}

/// Nothing that changes a code or an amount is chosen for staff: a request that leaves the
/// coverage screening and the prompt-pay choice out, and the side, product, injections, sessions and therapy provider blank
/// (the staff form before each is chosen), is refused at each of them in the quote's language;
/// with each chosen, it is a quote.
#[test]
fn a_choice_not_made_is_refused_at_that_choice_in_the_quotes_language() {
    let unchosen = |language: &str| {
        format!(
            r#"{{ "patient": {{ "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }}, "side": "",
                 "issued_on": "2026-11-21",
                 "answers": {{ "condition": "plantar_fasciitis", "product": "", "injections": "",
                               "language": "{language}",
                               "physical_therapy": {{ "coverage": "cash", "sessions": "" }} }},
                 "therapy_elsewhere": true,
                 "therapy_provider": {{ "partner": "", "name": "", "npi": "", "tin": "", "street": "",
                                        "city": "", "state": "", "zip": "" }} }}"#
        )
    };
    for (language, expected) in [
        (
            "en",
            [
                "coverage: choose how the patient will pay",
                "answers.injections: choose the planned number of injections",
                "answers.physical_therapy.sessions: choose the number of sessions",
                "answers.product: choose the product",
                "prompt_pay: choose whether the patient will pay in full at the visit (\"No prompt-pay discount\" for none)",
                "side: choose the side treated",
                "therapy_provider.partner: choose the therapy provider, or \"Other provider\" to type one in",
            ],
        ),
        (
            "es",
            [
                "coverage: elija cómo pagará el paciente",
                "answers.injections: elija el número de inyecciones previstas",
                "answers.physical_therapy.sessions: elija el número de sesiones",
                "answers.product: elija el producto",
                "prompt_pay: elija si el paciente pagará todo en la visita («Sin descuento por pronto pago» si no hay)",
                "side: elija el lado tratado",
                "therapy_provider.partner: elija el proveedor de fisioterapia, u «Otro proveedor» para escribir uno",
            ],
        ),
    ] {
        let request = QuoteRequest::read(&mut serde_json::Deserializer::from_str(&unchosen(
            language,
        )))
        .expect("well-formed");
        let error = quote(&book(), &request).expect_err("nothing chosen");
        let problems: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(problems, expected, "{language}");
    }

    // Each chosen: one plantar fasciitis injection, 1,475.00 less 5 % (73.75) = 1,401.25 at the
    // clinic; Lakeshore's own prices, 150.00 + 8 × 90.00 = 870.00. Total 2,271.25.
    let chosen = unchosen("en")
        .replacen(
            r#""side": """#,
            r#""coverage": "self_pay", "prompt_pay": "included", "side": "left""#,
            1,
        )
        .replacen(r#""product": """#, r#""product": "amnion_1ml""#, 1)
        .replacen(r#""injections": """#, r#""injections": "1""#, 1)
        .replacen(r#""sessions": """#, r#""sessions": "8""#, 1)
        .replacen(r#""partner": """#, r#""partner": "lakeshore_pt""#, 1);
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(&chosen)).expect("well-formed");
    let q = quote(&book(), &request).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.good_faith_estimate.total.cents.get(), 227_125);
    assert_eq!(
        q.good_faith_estimate.primary_service.diagnosis_code,
        "M72.2"
    );

    // A provider typed in: checked field by field, in the form's order (here only its name is in).
    let typed = chosen.replacen(
        r#""partner": "lakeshore_pt", "name": """#,
        r#""partner": "", "name": "PT""#,
        1,
    );
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(&typed)).expect("well-formed");
    let error = quote(&book(), &request).expect_err("a provider half typed in");
    let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "therapy_provider.npi",
            "therapy_provider.tin",
            "therapy_provider.street",
            "therapy_provider.city",
            "therapy_provider.state",
            "therapy_provider.zip",
            "therapy_provider.evaluation_price",
            "therapy_provider.session_price"
        ]
    );
}

/// Builder-style edits for the tests above.
trait Tap: Sized {
    fn tap(self, edit: impl FnOnce(&mut Self)) -> Self;
}

impl Tap for QuoteRequest {
    fn tap(mut self, edit: impl FnOnce(&mut Self)) -> Self {
        edit(&mut self);
        self
    }
}

#[test]
fn a_quote_in_spanish() {
    let q = quote(
        &book(),
        &request(r#""coverage": "medicare", "prompt_pay": "not_offered", "answers": { "condition": "ankle_osteoarthritis", "injections": "1", "language": "es" }"#)
            .tap(|r| r.side = "right".into()),
    )
    .expect("valid");
    let gfe = &q.good_faith_estimate;
    assert_eq!(
        gfe.total.cents.get(),
        146_000,
        "the same 1,460.00 as in English"
    );
    assert_eq!(gfe.title, "Cotización de pago directo");
    assert_eq!(gfe.issued_on, "21 de noviembre de 2026");
    assert_eq!(gfe.valid_until, "20 de enero de 2027");
    assert_eq!(gfe.patient.date_of_birth, "4 de marzo de 1970");
    assert_eq!(
        gfe.primary_service.description,
        "Inyección de tejido amniótico — Artrosis de tobillo, lado derecho: 1 inyección"
    );
    assert_eq!(gfe.providers[0].role, "Proveedor convocante");
    assert!(gfe
        .coverage_notice
        .as_deref()
        .is_some_and(|n| n.starts_with(
            "Esta es una cotización de pago directo: el estimado de la Ley Sin Sorpresas"
        )));
    assert_eq!(
        gfe.providers[0].items[0].description,
        "Aloinjerto amniótico de 1 mL"
    );
}

/// The fuzz's shrunk case (`tests/fuzz.proptest-regressions`): the sample book with every price
/// $0, at most 3 injections and no therapy, every condition's typical counts 1 injection and 0
/// sessions, a multi-injection discount of 100 % from injection 2, and no prompt-pay discount or
/// financing. `product_cents` then prices the 1 mL vial.
fn free_book(product_cents: i64) -> PriceBook {
    let mut book: PriceBookDocument =
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON");
    for product in &mut book.products {
        product.price_cents = Cents::ZERO;
    }
    book.products[0].price_cents = Cents::new(product_cents);
    for fee in &mut book.administration_fees {
        fee.price_cents = Cents::ZERO;
    }
    book.ultrasound_guidance.price_cents = Cents::ZERO;
    book.visits.consultation.price_cents = Cents::ZERO;
    book.walking_boot.price_cents = Cents::ZERO;
    for extra in &mut book.extras {
        extra.price_cents = Cents::ZERO;
    }
    for service in [
        &mut book.physical_therapy.evaluation,
        &mut book.physical_therapy.session,
    ] {
        service.cash_price_cents = Cents::ZERO;
        service.allowed_cents = Cents::ZERO;
    }
    book.limits.max_injections = 3;
    book.limits.max_pt_sessions = 0;
    for condition in &mut book.conditions {
        condition.typical_injections = CountRange { min: 1, max: 1 };
        condition.typical_pt_sessions = CountRange { min: 0, max: 0 };
    }
    let Some(MultiInjectionDiscount::LaterInjectionsPercentOff { label, .. }) =
        book.discounts.multi_injection.take()
    else {
        panic!("the sample has a percent-off multi-injection discount");
    };
    book.discounts.multi_injection = Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
        label,
        from_injection: 2,
        percent_off_bp: BasisPoints::WHOLE,
    });
    book.discounts.prompt_pay = None;
    book.financing = None;
    PriceBook::new(book).unwrap_or_else(|e| panic!("a valid book: {e}"))
}

/// The shrunk case's quote: 2 plantar fasciitis injections, self-pay, a staff discount of 0 %.
fn free_quote(book: &PriceBook) -> Quote {
    let json = r#"{ "patient": { "name": "a", "date_of_birth": "1920-01-01" }, "side": "left",
        "issued_on": "2026-11-21", "coverage": "self_pay",
        "answers": { "condition": "plantar_fasciitis", "injections": "2" },
        "staff_discount": { "percent": "0", "reason": "(" } }"#;
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(json)).expect("well-formed");
    quote(book, &request).unwrap_or_else(|e| panic!("a free quote is a quote: {e}"))
}

#[test]
fn a_quote_where_everything_is_free_is_zero_not_an_overflow() {
    let book = free_book(0);
    let q = free_quote(&book);
    // 2 injections of 20550 (guidance billed separately): product 2 × $0, administration 2 × $0,
    // guidance 2 × $0. The multi-injection discount covers injection 2 only (2 + 1 − 2 = 1
    // injection), 100 % of 0 + 0 + 0 = $0: nothing taken off, so no line. Staff 0 % of $0 = $0,
    // no line; no prompt pay. So three charge lines and no discount line, all $0.
    let lines: Vec<(LineKind, u32, i64)> = q
        .breakdown
        .lines
        .iter()
        .map(|l| (l.kind, l.quantity, l.amount.cents.get()))
        .collect();
    assert_eq!(
        lines,
        [
            (LineKind::Charge, 2, 0),
            (LineKind::Charge, 2, 0),
            (LineKind::Charge, 2, 0)
        ]
    );
    let gfe = &q.good_faith_estimate;
    assert_eq!(
        items(gfe, 0),
        [("Q4139", 2, 0), ("20550", 2, 0), ("76942", 2, 0)]
    );
    assert_eq!(gfe.total.formatted, "$0.00");

    // It reopens, through JSON, with the same number.
    let json = serde_json::to_string(&q.saved).expect("JSON");
    let saved =
        SavedQuote::read(&mut serde_json::Deserializer::from_str(&json)).expect("reads back");
    let reopened = reopen(&saved, &book).expect("reopens");
    assert_eq!(reopened.quote.quote_number, q.quote_number);
    assert_eq!(reopened.price_change, None);
}

#[test]
fn a_one_cent_injection_still_gets_its_discount_spread() {
    let q = free_quote(&free_book(1));
    // The vial costs 1 cent, the rest $0: product 2 × 1 = 2 cents. Injection 2 is 100 % off:
    // 100 % of (1 + 0 + 0) = 1 cent, a line of 1 × −1 cent. Spread over the injection's parts by
    // what they cost, 2 : 0 : 0, all of it goes to the product: 2 − 1 = 1 cent. Total $0.01.
    let discounts: Vec<(u32, i64)> = q
        .breakdown
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Discount)
        .map(|l| (l.quantity, l.amount.cents.get()))
        .collect();
    assert_eq!(discounts, [(1, -1)]);
    let gfe = &q.good_faith_estimate;
    assert_eq!(
        items(gfe, 0),
        [("Q4139", 2, 1), ("20550", 2, 0), ("76942", 2, 0)]
    );
    assert_eq!(gfe.total.formatted, "$0.01");
}

#[test]
fn a_file_from_a_newer_release_is_refused_by_its_format_alone() {
    let q = priced(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#);
    assert_eq!(
        q.saved.format, "amnion-estimator/quote/2",
        "this release writes format 2"
    );
    let mut file = serde_json::to_value(&q.saved).expect("JSON");
    file["format"] = serde_json::json!("amnion-estimator/quote/3");
    file["a_field_of_release_3"] = serde_json::json!(true);
    let error = serde_json::from_value::<SavedQuote>(file.clone()).expect_err("a newer format");
    assert_eq!(
        error.to_string(),
        "format: this file was saved by a newer release of the estimator (amnion-estimator/quote/3); \
         this page opens amnion-estimator/quote/1 and amnion-estimator/quote/2 files"
    );
    let mut file_of_register = file.clone();
    file["format"] = serde_json::json!("something/else");
    let error = serde_json::from_value::<SavedQuote>(file).expect_err("another format");
    assert_eq!(
        error.to_string(),
        "format: this is not a saved quote from this estimator"
    );
    // A register backup opened as a quote is named as one (billing walk-through, item 11).
    file_of_register["format"] = serde_json::json!("amnion-estimator/register/1");
    let error = serde_json::from_value::<SavedQuote>(file_of_register).expect_err("a backup");
    assert_eq!(
        error.to_string(),
        "format: this is a register backup, not a saved quote: import it with \u{201c}Import a \
         backup\u{201d} in the register"
    );
}

/// The scenario the staff printout's comparison marks as this quote: only one whose total is the
/// quote's total.
#[test]
fn the_printed_comparison_marks_the_quote_only_where_it_is_the_quote() {
    use amnion_estimator::payment::{compare, PaymentAnswers};
    let grid = |q: &Quote| {
        let mut grid = compare(
            &book(),
            &q.saved.request.answers,
            &PaymentAnswers::default(),
        )
        .expect("the treatment compares");
        q.mark_in(&mut grid);
        grid
    };
    let marked = |grid: &amnion_estimator::payment::Comparison| -> Vec<i64> {
        grid.rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter(|cell| cell.current)
            .map(|cell| cell.patient_total.cents.get())
            .collect()
    };
    // 1 injection, no therapy: 1,200 + 150 + 125 = 1,475.00 less 5 % (73.75) = 1,401.25, the
    // grid's "1 injection, no physical therapy" and the quote alike.
    let plain = priced(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#);
    assert_eq!(plain.good_faith_estimate.total.cents.get(), 140_125);
    let plain_grid = grid(&plain);
    assert_eq!(marked(&plain_grid), [140_125]);
    assert!(!plain_grid.notes[0].contains("No scenario"));

    // The same with 2 follow-up visits (2 × 120.00 = 240.00, less 5 % = 228.00): the quote is
    // 1,629.25 and no scenario is it, so none is marked and the grid says why first.
    let with_extras = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }, "extras": { "follow_up": "2" }"#,
    );
    assert_eq!(with_extras.good_faith_estimate.total.cents.get(), 162_925);
    let extras_grid = grid(&with_extras);
    assert_eq!(marked(&extras_grid), Vec::<i64>::new());
    assert!(
        extras_grid.notes[0].starts_with("No scenario here is this quote ($1,629.25)"),
        "{}",
        extras_grid.notes[0]
    );
}

/// A co-provider's TIN typed as printed (12-3456789) is the same TIN as its 9 digits: the same
/// document and the same quote number; other shapes are still refused.
#[test]
fn a_tin_typed_with_its_hyphen_is_the_same_tin() {
    let with = |tin: &str| {
        format!(
            r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1",
                            "physical_therapy": {{ "coverage": "cash", "sessions": "2" }} }},
               "therapy_elsewhere": true,
               "therapy_provider": {{ "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "{tin}",
                                     "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95" }}"#
        )
    };
    let digits = priced(&with("987654321"));
    let hyphen = priced(&with("98-7654321"));
    assert_eq!(hyphen.good_faith_estimate.providers[1].tin, "98-7654321");
    assert_eq!(hyphen.quote_number, digits.quote_number);
    for wrong in ["987-654321", "98-765432", "9876543210"] {
        let error = quote(&book(), &request(&with(wrong))).expect_err(wrong);
        assert!(
            error
                .to_string()
                .contains("therapy_provider.tin: must be 9 digits, as 123456789 or 12-3456789"),
            "{wrong}: {error}"
        );
    }
}

#[test]
fn a_state_typed_in_small_letters_is_the_state_and_a_birth_year_slip_is_refused() {
    let provider = |state: &str| {
        format!(
            r#""therapy_elsewhere": true, "therapy_provider": {{ "name": "Hill PT", "npi": "1245319599", "tin": "98-7654321",
                "street": "1 Hill St", "city": "Austin", "state": "{state}", "zip": "78701-1234",
                "evaluation_price": "150", "session_price": "90" }},
                "answers": {{ "condition": "plantar_fasciitis", "injections": "1", "physical_therapy": {{ "coverage": "cash", "sessions": "4" }} }}"#
        )
    };
    // "tx" is TX, as printed on the document.
    let json = format!(
        r#"{{ "coverage": "self_pay", "prompt_pay": "included", "patient": {{ "name": "Ana Ruiz", "date_of_birth": "1970-01-01" }}, "side": "left", "issued_on": "2026-11-21", {} }}"#,
        provider("tx")
    );
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(&json)).expect("well-formed");
    let priced = quote(&book(), &request).expect("a quote");
    assert!(
        serde_json::to_string(&priced.good_faith_estimate)
            .unwrap()
            .contains("\"TX\""),
        "the state as printed"
    );
    // 1900 for 1990: 126 years before the 2026-11-21 issue date, more than 120 (the earliest is
    // 1906-11-21).
    let json = json.replace("1970-01-01", "1900-05-01");
    let request =
        QuoteRequest::read(&mut serde_json::Deserializer::from_str(&json)).expect("well-formed");
    let error = quote(&book(), &request).expect_err("no one is 126");
    assert_eq!(
        error.fields()[0].to_string(),
        "patient.date_of_birth: must be a date of birth at most 120 years before the issue date, from November 21, 1906; it is May 1, 1900"
    );
}

#[test]
fn a_quote_issued_before_its_prices_take_effect_is_refused() {
    // The sample book takes effect on 2026-11-01; a quote issued the day before would promise
    // prices the clinic does not charge yet.
    let early = request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#)
        .tap(|r| r.issued_on = "2026-10-31".into());
    let error = quote(&book(), &early).expect_err("issued before the book takes effect");
    let issued = error
        .fields()
        .iter()
        .find(|field| field.path == "issued_on")
        .unwrap_or_else(|| panic!("refused at issued_on: {error}"));
    assert!(
        issued.reason.contains("November 1, 2026") && issued.reason.contains("October 31, 2026"),
        "{}",
        issued.reason
    );
    // Issued the day it takes effect, it is a quote.
    let on_the_day = early.tap(|r| r.issued_on = "2026-11-01".into());
    quote(&book(), &on_the_day).unwrap_or_else(|e| panic!("{e}"));
}

/// The reason `error` gives at `path`.
fn reason_at<'e>(error: &'e amnion_estimator::Error, path: &str) -> &'e str {
    error
        .fields()
        .iter()
        .find(|field| field.path == path)
        .map(|field| field.reason.as_str())
        .unwrap_or_else(|| panic!("refused at {path}: {error}"))
}

#[test]
fn a_scheduled_date_after_the_estimate_s_last_valid_day_is_refused_at_its_field() {
    // Issued 2026-11-21 with the sample's 60 valid days: 9 days to November 30, 31 in December,
    // 20 in January: valid until January 20, 2027.
    let two = |first: &str, second: &str| {
        request(r#""answers": { "condition": "plantar_fasciitis", "injections": "2" }"#).tap(|r| {
            r.scheduled_on = first.into();
            r.later_injections_on = vec![second.into()];
        })
    };
    quote(&book(), &two("2027-01-06", "2027-01-20")).expect("the last valid day is covered");
    let error = quote(&book(), &two("2027-01-06", "2027-01-21")).expect_err("a day past it");
    assert_eq!(
        reason_at(&error, "later_injections_on.0"),
        "is after January 20, 2027, the last day this estimate is valid: leave it blank (the injection \
         stays on the estimate as not yet scheduled) or give a new estimate once it is booked"
    );
    assert_eq!(error.fields().len(), 1, "{error}");
    // The first injection likewise, in the quote's language.
    let spanish = two("2027-02-01", "").tap(|r| r.answers.language = Language::Spanish);
    let error = quote(&book(), &spanish).expect_err("past the last valid day");
    assert!(
        reason_at(&error, "scheduled_on").starts_with(
            "es posterior al 20 de enero de 2027, el último día en que este estimado es válido"
        ),
        "{error}"
    );
    // 2031 for 2027: more than 12 months after November 21, 2026, said as the likelier slip.
    let error = quote(&book(), &two("2031-01-06", "")).expect_err("years ahead");
    assert_eq!(
        reason_at(&error, "scheduled_on"),
        "is more than 12 months after the issue date (November 21, 2026): check the year, or leave it \
         blank (the injection stays on the estimate as not yet scheduled)"
    );
}

/// The issue's case: 3 injections of the 2 mL vial for ankle osteoarthritis, the consultation, the
/// boot and 24 therapy sessions in cash, self-pay.
const PAID_AT_THE_VISIT_OR_NOT: &str = r#""answers": { "condition": "ankle_osteoarthritis", "product": "amnion_2ml", "injections": "3",
                "consultation": true, "walking_boot": true,
                "physical_therapy": { "coverage": "cash", "sessions": "24" } }"#;

#[test]
fn a_prompt_pay_discount_of_400_or_more_in_the_charges_warns_and_can_be_left_out() {
    // One injection: 1,900 + 260 (20606 includes guidance) = 2,160.00; three = 6,480.00, less 15 %
    // of injections 2 and 3 (2 × 324.00 = 648.00) = 5,832.00. + consultation 250 + boot 165 +
    // therapy 160 + 24 × 95 = 2,440.00: 8,687.00. Prompt pay 5 % = 434.35 -> 8,252.65.
    let included = priced(PAID_AT_THE_VISIT_OR_NOT);
    assert_eq!(included.good_faith_estimate.total.cents.get(), 825_265);
    assert_eq!(
        included.good_faith_estimate.providers[0].note.as_deref(),
        Some(
            "These charges already reflect: Multi-injection discount: 15% off each injection after the first \
             ($648.00). These charges include a 5% discount for paying in full at the visit. Without it, the \
             clinic's charges are $8,687.00."
        )
    );
    // 434.35 >= 400.00: a patient who does not pay at the visit could dispute the bill.
    assert_eq!(
        included.prompt_pay_warning.as_deref(),
        Some(
            "Sample Foot & Ankle Clinic's charges include $434.35 off (5%) for paying in full at the visit. \
             A patient who does not pay in full at the visit is billed $8,687.00, $434.35 more than this \
             estimate, and a bill $400.00 or more above the estimate for one provider can be disputed. \
             Unless the patient will pay in full at the visit, leave the discount out of the charges."
        )
    );
    // Said "included" on the quote, the same as the book's default: the same quote and number.
    let said = priced(&format!(
        r#""prompt_pay": "included", {PAID_AT_THE_VISIT_OR_NOT}"#
    ));
    assert_eq!(said.quote_number, included.quote_number);
    assert_eq!(said.prompt_pay_warning, included.prompt_pay_warning);

    // Left out: the charges are the full 8,687.00, the note says what paying at the visit saves,
    // nothing to warn of, and another number.
    let excluded = priced(&format!(
        r#""prompt_pay": "excluded", {PAID_AT_THE_VISIT_OR_NOT}"#
    ));
    assert_eq!(excluded.good_faith_estimate.total.cents.get(), 868_700);
    assert!(excluded.good_faith_estimate.providers[0]
        .note
        .as_deref()
        .is_some_and(|n| n.ends_with(
            "These charges do not include the 5% discount for paying in full at the visit. Paid in full \
             at the visit, the clinic's charges are $8,252.65."
        )));
    assert_eq!(excluded.prompt_pay_warning, None);
    assert_ne!(excluded.quote_number, included.quote_number);
    assert_eq!(
        excluded.saved.request.prompt_pay,
        Some(PromptPayChoice::Excluded)
    );

    // Not offered: no discount line, nothing said of it, 8,687.00.
    let none = priced(&format!(
        r#""prompt_pay": "not_offered", {PAID_AT_THE_VISIT_OR_NOT}"#
    ));
    assert_eq!(none.good_faith_estimate.total.cents.get(), 868_700);
    assert!(none
        .breakdown
        .lines
        .iter()
        .all(|l| !l.label.contains("Prompt-pay")));
    assert!(none.good_faith_estimate.providers[0]
        .note
        .as_deref()
        .is_some_and(|n| !n.contains("paying in full")));
    assert_eq!(none.prompt_pay_warning, None);
    assert_ne!(none.quote_number, excluded.quote_number);
}

#[test]
fn a_prompt_pay_discount_under_400_does_not_warn() {
    // 2 injections instead of 3: 2 × 2,160 - 324.00 = 3,996.00 + 250 + 165 + 2,440 = 6,851.00;
    // 5 % = 342.55 < 400.00.
    let q =
        priced(&PAID_AT_THE_VISIT_OR_NOT.replace(r#""injections": "3""#, r#""injections": "2""#));
    assert_eq!(q.good_faith_estimate.total.cents.get(), 685_100 - 34_255);
    assert_eq!(q.prompt_pay_warning, None);
    // A book without the prompt-pay discount has nothing to include or leave out.
    let mut json = sample_book::sample();
    json["discounts"]
        .as_object_mut()
        .expect("discounts")
        .remove("prompt_pay");
    let without = PriceBook::from_json(&json.to_string()).expect("valid");
    let refused = quote(
        &without,
        &request(&format!(
            r#""prompt_pay": "included", {PAID_AT_THE_VISIT_OR_NOT}"#
        )),
    )
    .expect_err("no discount to include");
    assert_eq!(
        refused.fields()[0].to_string(),
        "prompt_pay: this price book has no prompt-pay discount: leave the choice out"
    );
}

#[test]
fn a_book_valid_for_a_whole_year_still_refuses_a_date_past_12_months() {
    // 365 valid days from 2026-11-21 (no February 29 in between): November 21, 2027, the same day
    // 12 months on. A book may not say 366 (its limit is 365), so valid-until is never past 12
    // months, and a date past 12 months is always past it too.
    let mut document: PriceBookDocument = serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).unwrap();
    document.good_faith_estimate.valid_days = 365;
    let year = PriceBook::new(document.clone()).expect("365 days is allowed");
    let on = |date: &str| {
        request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#)
            .tap(|r| r.scheduled_on = date.into())
    };
    quote(&year, &on("2027-11-21")).expect("12 months on is covered");
    let error = quote(&year, &on("2027-11-22")).expect_err("a day past 12 months");
    assert!(
        reason_at(&error, "scheduled_on")
            .starts_with("is more than 12 months after the issue date"),
        "{error}"
    );
    document.good_faith_estimate.valid_days = 366;
    let error = PriceBook::new(document).expect_err("a book may not say 366 days");
    assert_eq!(
        reason_at(&error, "good_faith_estimate.valid_days"),
        "must be 1 to 365 days; it is 366"
    );
}

#[test]
fn the_staff_page_says_when_the_good_faith_estimate_is_due() {
    //      November 2026                December 2026
    // Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
    // 16 17 18 19 20 21 22           30  1  2  3  4  5  6
    // 23 24 25 26 27 28 29            7  8  9 10 11 12 13
    // (26: Thanksgiving.) Issued Sat Nov 21; booked Fri Nov 20 for Mon Dec 7. Business days after
    // the booking: Mon 23 (1), Tue 24 (2), Wed 25 (3), Fri 27 (4), Mon 30 (5), Tue 1 (6), Wed 2
    // (7), Thu 3 (8), Fri 4 (9), Mon 7 (10): 10 ahead, so within 3, by Wed Nov 25.
    let booked = request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#)
        .tap(|r| {
            r.scheduled_on = "2026-12-07".into();
            r.booked_on = "2026-11-20".into();
        });
    quote(&book(), &booked).expect("a booking date is the staff's record, not a refusal");
    assert_eq!(
        when_due(&book(), &booked, None),
        ["Good Faith Estimate due by Wednesday, November 25, 2026: booked on Friday, November 20, 2026, \
          at least 10 business days before the injection, so within 3 business days of booking \
          (45 CFR 149.610(b)(1)(vi))."]
    );
    // A revision of quote GFE-1 (issued Mon Nov 16, before this booking) must reach the patient
    // by the business day before Mon Dec 7: Fri Dec 4; the booking, made after GFE-1, is said too.
    let gfe_1 = |issued_on: &str| amnion_estimator::quote::Replaced {
        quote_number: "GFE-1".into(),
        issued_on: issued_on.into(),
    };
    let revised = when_due(&book(), &booked, Some(&gfe_1("2026-11-16")));
    assert!(revised[0].starts_with("Good Faith Estimate due by Wednesday, November 25, 2026"));
    assert!(
        revised[1].contains(
            "no later than 1 business day before the first injection: by Friday, December 4, 2026"
        ),
        "{revised:?}"
    );
    let spanish = booked
        .clone()
        .tap(|r| r.answers.language = Language::Spanish);
    assert!(when_due(&book(), &spanish, None)[0]
        .starts_with("Estimado de buena fe a más tardar el miércoles 25 de noviembre de 2026: la cita se reservó el viernes 20 de noviembre de 2026"));
    // Asked on Mon Nov 16, nothing booked: Tue 17 (1), Wed 18 (2), Thu 19 (3): due Thu Nov 19, two
    // days before this Saturday's issue date.
    let asked = booked.clone().tap(|r| {
        r.booked_on = String::new();
        r.estimate_requested_on = "2026-11-16".into();
    });
    assert_eq!(
        when_due(&book(), &asked, None),
        [
            "Good Faith Estimate due by Thursday, November 19, 2026: the patient asked for one on Monday, \
             November 16, 2026, so within 3 business days of the request (45 CFR 149.610(b)(1)(vi)).",
            "That day has passed: give it to the patient today."
        ]
    );
    // Not a Good Faith Estimate (Medicare), or no booking or request: nothing to say.
    let medicare = booked
        .clone()
        .tap(|r| r.coverage = Some(CoverageScreening::Medicare));
    assert!(when_due(&book(), &medicare, None).is_empty());
    let neither = booked.clone().tap(|r| r.booked_on = String::new());
    assert!(when_due(&book(), &neither, None).is_empty());
    // A booking after the issue date is refused at it.
    let later = booked.tap(|r| r.booked_on = "2026-11-23".into());
    let error = quote(&book(), &later).expect_err("booked after it was issued");
    assert_eq!(
        reason_at(&error, "booked_on"),
        "cannot be after the issue date (November 21, 2026)"
    );
}

#[test]
fn no_deadline_is_worked_out_from_a_refused_date() {
    // Issued Sat Nov 21, 2026; the patient "asked" on Sun Dec 20, after the issue date: refused at
    // the field. Worked from it, the deadline would be Wed Dec 23 (Mon 21, Tue 22, Wed 23); the
    // page says only to fix the date.
    let asked = request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#)
        .tap(|r| r.estimate_requested_on = "2026-12-20".into());
    let error = quote(&book(), &asked).expect_err("asked after it was issued");
    let refused: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        when_due_refusing(&book(), &asked, None, &refused),
        ["The date the patient asked for an estimate is refused: fix it to see when the Good Faith \
          Estimate is due."]
    );
    // A booking after the issue date, the same.
    let booked = asked.clone().tap(|r| {
        r.estimate_requested_on = String::new();
        r.booked_on = "2026-11-23".into();
    });
    assert_eq!(
        when_due_refusing(&book(), &booked, None, &["booked_on"])[0],
        "The date the first injection was booked is refused: fix it to see when the Good Faith \
         Estimate is due."
    );
    // A refused first injection date (here said refused) with a valid booking: no deadline from it.
    let first = booked.clone().tap(|r| {
        r.booked_on = "2026-11-20".into();
        r.scheduled_on = "2028-01-04".into();
    });
    assert_eq!(
        when_due_refusing(&book(), &first, None, &["scheduled_on"])[0],
        "The date of the first injection is refused: fix it to see when the Good Faith Estimate is due."
    );
    // Another field refused: the deadline from the dates, as `when_due` says it.
    let fine = first.clone().tap(|r| r.scheduled_on = "2026-12-07".into());
    assert_eq!(
        when_due_refusing(&book(), &fine, None, &["patient.name"]),
        when_due(&book(), &fine, None)
    );
    // Not a Good Faith Estimate: nothing, refused date or not.
    let medicare = asked.tap(|r| r.coverage = Some(CoverageScreening::Medicare));
    assert!(when_due_refusing(&book(), &medicare, None, &["estimate_requested_on"]).is_empty());
}

#[test]
fn a_new_medicare_quote_has_no_discount_and_no_therapy_in_cash() {
    let refused = quote(
        &book(),
        &request(&format!(
            r#""coverage": "medicare", "staff_discount": {{ "percent": "10", "reason": "Neighbor" }}, {PAID_AT_THE_VISIT_OR_NOT}"#
        )),
    )
    .expect_err("refused");
    let paths: Vec<&str> = refused.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "staff_discount.percent",
            "prompt_pay",
            "answers.physical_therapy.coverage"
        ]
    );
    assert!(refused.fields()[2]
        .reason
        .contains("a Medicare-enrolled therapist must file the claim"));
    // As Medicare allows: therapy through the plan, no discounts. 5,832.00 + 250 + 165 = 6,247.00
    // at the clinic; the therapy is listed to schedule separately.
    let allowed = quote(
        &book(),
        &request(&format!(
            r#""coverage": "medicare", "prompt_pay": "not_offered", {}"#,
            PAID_AT_THE_VISIT_OR_NOT.replace(
                r#""coverage": "cash""#,
                r#""coverage": "insurance", "insurance": { "deductible_remaining": "0", "coinsurance_percent": "20" }"#
            )
        )),
    )
    .expect("valid");
    assert_eq!(
        allowed.good_faith_estimate.providers[0].total.cents.get(),
        624_700
    );
    // In Spanish, the refusals are Spanish.
    let spanish = quote(
        &book(),
        &request(&format!(
            r#""coverage": "medicare", {}"#,
            PAID_AT_THE_VISIT_OR_NOT
                .replace(r#""answers": {"#, r#""answers": { "language": "es","#)
        )),
    )
    .expect_err("refused");
    assert!(spanish.fields()[0]
        .reason
        .starts_with("elija \"Sin descuento por pronto pago\""));
}

#[test]
fn could_be_up_to_says_when_the_plan_is_already_the_most() {
    // The sample's limit is 3 injections: with 3 planned, no "could be up to" can be more.
    let most = request(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "3" }, "injections_up_to": "4""#,
    );
    let error = quote(&book(), &most).expect_err("nothing is more than the most");
    assert_eq!(
        reason_at(&error, "injections_up_to"),
        "3 injections are planned, the most the price book allows: leave this blank; it is \"4\""
    );
    let spanish = most.tap(|r| r.answers.language = Language::Spanish);
    let error = quote(&book(), &spanish).expect_err("nothing is more than the most");
    assert!(
        reason_at(&error, "injections_up_to").starts_with(
            "ya se prevén 3 inyecciones, lo máximo que permite la lista de precios: déjelo en blanco"
        ),
        "{error}"
    );
    // With 2 planned, 3 is the range's high end, and 4 is past the limit, said as before.
    let two = request(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "2" }, "injections_up_to": "4""#,
    );
    let error = quote(&book(), &two).expect_err("past the limit");
    assert_eq!(
        reason_at(&error, "injections_up_to"),
        "must be more than the planned 2 and at most 3, or blank; it is \"4\""
    );
}

#[test]
fn a_revision_says_its_own_deadline_has_passed_not_the_first_estimate_s() {
    //      November 2026                December 2026
    // Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
    // 16 17 18 19 20 21 22           30  1  2  3  4  5  6
    // 23 24 25 26 27 28 29            7  8  9 10 11 12 13
    // Asked Mon Nov 16: due Thu Nov 19 (Tue 17, Wed 18, Thu 19), before this Saturday's issue
    // date; GFE-1 answered that request on Tue Nov 17. Revising GFE-1 for an injection on Mon Dec
    // 7: due by Fri Dec 4, still ahead. The request was GFE-1's, not the revision's: it is not
    // said, and nothing has passed that staff must act on (billing walk-through 6, item 3).
    let gfe_1 = amnion_estimator::quote::Replaced {
        quote_number: "GFE-1".into(),
        issued_on: "2026-11-17".into(),
    };
    let asked = request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#)
        .tap(|r| {
            r.scheduled_on = "2026-12-07".into();
            r.estimate_requested_on = "2026-11-16".into();
        });
    let said = when_due(&book(), &asked, Some(&gfe_1));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("by Friday, December 4, 2026"), "{said:?}");
    // Revised on the day of the injection, Mon Dec 7 (valid from then), after a new request on
    // Tue Dec 1 (due Fri Dec 4: Wed 2, Thu 3, Fri 4): both deadlines have passed, said once.
    let late = asked.tap(|r| {
        r.issued_on = "2026-12-07".into();
        r.estimate_requested_on = "2026-12-01".into();
    });
    let said = when_due(&book(), &late, Some(&gfe_1));
    assert_eq!(
        said.iter()
            .filter(|s| s.as_str() == "That day has passed: give it to the patient today.")
            .count(),
        1,
        "{said:?}"
    );
    assert_eq!(
        said.last().map(String::as_str),
        Some("That day has passed: give it to the patient today."),
        "{said:?}"
    );
    assert!(
        said[said.len() - 2].contains("by Friday, December 4, 2026"),
        "{said:?}"
    );
}

/// Therapy through insurance on a new quote names the plan figures it is priced by: a blank
/// deductible, or coinsurance and copay both blank, would price it at the plan's best case, so each
/// is refused at its field in words; 0 is an answer, and a copay alone says which plan it is. A file
/// saved with them blank (before this rule) reopens as it was printed.
#[test]
fn blank_plan_figures_for_therapy_through_insurance_are_refused_on_a_new_quote() {
    let with = |insurance: &str| {
        request(&format!(
            r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1",
                 "physical_therapy": {{ "coverage": "insurance", "sessions": "4", "insurance": {{ {insurance} }} }} }}"#
        ))
    };
    let error = quote(&book(), &with("")).expect_err("blank figures");
    let lines: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "answers.physical_therapy.insurance.deductible_remaining: enter the deductible the patient has \
             left this year, 0 if it is met: left blank, therapy would be priced as if it were met",
            "answers.physical_therapy.insurance.coinsurance_percent: enter the coinsurance, or the copay per \
             visit (0 for none): with both blank, therapy would be priced as if the plan paid all of it",
        ]
    );
    // A copay from the first visit: the deductible does not apply, and the copay is the plan's cost
    // sharing, so nothing else is needed.
    assert!(quote(&book(), &with(r#""copay": "30""#)).is_ok());
    // Each entered, 0 as much as any: the plan's best case, now said. Therapy through insurance is
    // not in the document's total: one injection, 1,475.00 less 5 % (73.75) = 1,401.25.
    let zero = quote(
        &book(),
        &with(r#""deductible_remaining": "0", "coinsurance_percent": "0""#),
    )
    .expect("0 is an answer");
    assert_eq!(zero.good_faith_estimate.total.cents.get(), 140_125);
    // A file saved with them blank prices as 0 did: it reopens with its number and total.
    let mut saved = zero.saved.clone();
    saved.request.answers.physical_therapy.insurance = Default::default();
    let reopened = reopen(&saved, &book()).expect("a saved file reopens as printed");
    assert_eq!(reopened.quote.quote_number, zero.quote_number);
    assert_eq!(
        reopened.quote.good_faith_estimate.total.cents.get(),
        140_125
    );
}

/// "Other provider (type it in)" with everything but the name typed: the name is asked for in
/// words, at its field.
#[test]
fn a_typed_in_provider_without_a_name_is_asked_for_it() {
    let error = quote(
        &book(),
        &request(
            r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                 "physical_therapy": { "coverage": "cash", "sessions": "4" } },
               "therapy_elsewhere": true,
               "therapy_provider": { "name": " ", "npi": "1234567802", "tin": "987654321",
                   "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                   "evaluation_price": "160", "session_price": "95" }"#,
        ),
    )
    .expect_err("no name");
    let lines: Vec<String> = error.fields().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["therapy_provider.name: enter the therapy provider's name, as it should print on the estimate"]
    );
}

/// "Other provider (type it in)" chosen (the form's `typed-in`) with every field still blank: each
/// blank field is asked for in words at that field, in the form's order, not at the choice; and
/// blank with nothing typed is still "not chosen", as before.
#[test]
fn other_provider_chosen_with_blank_fields_is_asked_for_each_field() {
    let blank =
        r#""name": "", "npi": "", "tin": "", "street": "", "city": "", "state": "", "zip": """#;
    let lines = |partner: &str| -> Vec<String> {
        let request = request(&four_sessions_elsewhere(partner, blank));
        let error = quote(&book(), &request).expect_err("blank provider");
        error.fields().iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        lines("typed-in"),
        [
            "therapy_provider.name: enter the therapy provider's name, as it should print on the estimate",
            "therapy_provider.npi: enter the provider's NPI: 10 digits",
            "therapy_provider.tin: enter the provider's TIN: 9 digits, as 123456789 or 12-3456789",
            "therapy_provider.street: enter the provider's street and number",
            "therapy_provider.city: enter the provider's city",
            "therapy_provider.state: enter the provider's two-letter state code, like TX",
            "therapy_provider.zip: enter the provider's ZIP code, like 78701",
            "therapy_provider.evaluation_price: enter this provider's own price: what it charges a patient who pays it directly",
            "therapy_provider.session_price: enter this provider's own price: what it charges a patient who pays it directly",
        ]
    );
    assert_eq!(
        lines(""),
        ["therapy_provider.partner: choose the therapy provider, or \"Other provider\" to type one in"]
    );
}

/// A provider typed in under "Other provider" (`typed-in`) is saved with no partner, as every
/// release saved a typed-in provider, and reopens with the same number and total; the same request
/// with the partner left blank (how older pages sent it) is the same document.
#[test]
fn other_provider_is_saved_as_no_partner_and_reopens_with_its_number() {
    let typed = |partner: &str| {
        four_sessions_elsewhere(
            partner,
            r#""name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
               "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
               "evaluation_price": "160", "session_price": "95""#,
        )
    };
    let new = quote(&book(), &request(&typed("typed-in"))).expect("typed in");
    let old = quote(&book(), &request(&typed(""))).expect("typed in, as older pages sent it");
    assert_eq!(new.quote_number, old.quote_number);
    assert_eq!(new.saved.request.therapy_provider.partner, "");
    assert_eq!(new.saved, old.saved);
    // Riverside's own prices: 160.00 + 4 × 95.00 = 540.00.
    let riverside = &new.good_faith_estimate.providers[1];
    assert_eq!(riverside.total.cents.get(), 54_000);
    let reopened = reopen(&new.saved, &book()).expect("reopens");
    assert_eq!(reopened.quote.quote_number, new.quote_number);
    assert_eq!(reopened.form.therapy_provider.partner, "");
}

/// One plantar fasciitis injection and 4 cash therapy sessions at another provider: `partner`
/// chosen, the provider's `fields` as typed.
fn four_sessions_elsewhere(partner: &str, fields: &str) -> String {
    format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1",
             "physical_therapy": {{ "coverage": "cash", "sessions": "4" }} }},
           "therapy_elsewhere": true,
           "therapy_provider": {{ "partner": "{partner}", {fields} }}"#
    )
}

/// The comparison printed with a self-pay Good Faith Estimate prices the quote's co-provider at
/// its own prices, with the clinic's discounts leaving that provider's charges alone (as the
/// estimate does), and has no "PT through insurance" column or note: the patient has no plan
/// (billing walk-through, item 6).
#[test]
fn a_self_pay_gfes_comparison_prices_the_partner_and_has_no_insurance_column() {
    use amnion_estimator::estimate::Coverage;
    use amnion_estimator::payment::PaymentAnswers;
    let sample = book();
    let q = quote(
        &sample,
        &request(
            r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                 "physical_therapy": { "coverage": "cash", "sessions": "8" } },
               "therapy_elsewhere": true, "therapy_provider": { "partner": "lakeshore_pt" }"#,
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Clinic 1,200 + 150 + 125 = 1,475.00 less 5 % (73.75) = 1,401.25; Lakeshore 150 + 8 × 90 =
    // 870.00. Total 2,271.25.
    assert_eq!(q.good_faith_estimate.total.cents.get(), 227_125);
    let grid = q
        .comparison(&sample, &PaymentAnswers::default())
        .expect("a comparison");
    let columns: Vec<Coverage> = grid.columns.iter().map(|c| c.coverage).collect();
    assert_eq!(columns, [Coverage::None, Coverage::Cash]);
    assert!(grid.rows.iter().all(|row| row.cells.len() == 2));
    assert!(
        grid.notes.iter().all(|n| !n.contains("plan figures")),
        "{:?}",
        grid.notes
    );
    let cash = |row: usize| grid.rows[row].cells[1].patient_total.cents.get();
    // 1 injection, PT in cash: 1,401.25 + 870.00 = 2,271.25, the quote, marked as it. (At the
    // clinic's therapy prices, 160 + 8 × 95 = 920.00, discounted with the rest, it was
    // (1,475.00 + 920.00) less 5 % = 2,275.25.)
    assert_eq!(cash(0), 227_125);
    assert!(grid.rows[0].cells[1].current);
    // 2 injections: 2 × 1,475.00 less 15 % of one (221.25) = 2,728.75, less 5 % (136.4375, half
    // up 136.44) = 2,592.31; + 870.00 = 3,462.31.
    assert_eq!(cash(1), 346_231);

    // A self-pay price quote for a patient filing a claim keeps the insurance column.
    let insured = quote(
        &sample,
        &request(
            r#""coverage": "insured_filing_claim",
               "answers": { "condition": "plantar_fasciitis", "injections": "1" }"#,
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let grid = insured
        .comparison(&sample, &PaymentAnswers::default())
        .expect("a comparison");
    assert_eq!(grid.columns.len(), 3);
}
