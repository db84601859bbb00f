//! What a quote's document says, through the public API: a self-pay price quote never calls itself
//! a Good Faith Estimate, a Good Faith Estimate has every element 45 CFR 149.610(c) asks for, the
//! prompt-pay discount is shown with its condition, therapy is listed once, dates are checked, and
//! counts read as a person writes them. Amounts by hand from the sample price book (prices in
//! `tests/cases/mod.rs`).

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::quote::{
    quote, reopen, DocumentKind, GoodFaithEstimate, Quote, QuoteRequest,
};
use sample_book::{assert_disclaimers_number_and_dates, book, items, priced_on, request_on};

/// The sample book, its expected charges leaving the prompt-pay discount out.
fn excluding_book() -> PriceBook {
    let json = DEFAULT_PRICE_BOOK_JSON.replacen(
        "\"percent_off_bp\": 500",
        "\"percent_off_bp\": 500, \"expected_charges\": \"excluded\"",
        1,
    );
    PriceBook::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
}

/// A quote request for the right foot: the common patient fields plus `rest` (JSON object
/// members).
fn request(rest: &str) -> QuoteRequest {
    request_on("right", rest)
}

fn priced(rest: &str) -> Quote {
    priced_on("right", rest)
}

/// The therapy practice of `tests/quotes.rs`.
const THERAPIST: &str = r#""therapy_elsewhere": true,
    "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                          "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95",
                          "evaluation_allowed": "110", "session_allowed": "80" }"#;

/// Every text of the document as data (headings, titles, items, lists, disclaimers: everything the
/// page prints comes from it), the coverage notice included.
fn texts_of(document: &GoodFaithEstimate) -> Vec<String> {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(members) => members.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(document).expect("a document is JSON"),
        &mut out,
    );
    out
}

/// What calls a document a Good Faith Estimate, in either language, in any case.
fn calls_it_a_gfe(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("good faith") || lower.contains("buena fe")
}

/// `rest` as a Medicare patient's quote may have it (`QuoteRequest::medicare`): therapy through
/// Medicare, not cash, with the plan's figures (Medicare Part B's 20 %); no staff discount; no
/// prompt-pay discount.
fn medicare_allows(rest: &str) -> String {
    let rest = rest
        .replace(r#""coverage": "cash""#, r#""coverage": "insurance", "insurance": { "deductible_remaining": "0", "coinsurance_percent": "20" }"#)
        .replace(r#""amount": "50", "reason": "Returning patient""#, "");
    format!(r#"{rest}, "prompt_pay": "not_offered""#)
}

/// Everything a quote can print: co-provider, extras, a staff discount, later injection dates,
/// and in the second, therapy through insurance (its heading and the line to schedule it).
const EVERYTHING: [&str; 2] = [
    r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15"],
       "answers": { "condition": "achilles_tendinopathy", "injections": "2", "consultation": true,
                    "walking_boot": true, "physical_therapy": { "coverage": "cash", "sessions": "6" } },
       "injections_up_to": "3", "extras": { "follow_up": "1" },
       "staff_discount": { "amount": "50", "reason": "Returning patient" }"#,
    r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                    "physical_therapy": { "coverage": "insurance", "sessions": "4",
                                          "insurance": { "deductible_remaining": "150", "coinsurance_percent": "20" } } }"#,
];

#[test]
fn a_self_pay_price_quote_never_calls_itself_a_good_faith_estimate() {
    for coverage in ["insured_filing_claim", "medicare", "medicaid", "tricare"] {
        for language in ["en", "es"] {
            for (case, rest) in EVERYTHING.iter().enumerate() {
                let rest = rest.replace(
                    "\"answers\": {",
                    &format!("\"answers\": {{ \"language\": \"{language}\","),
                );
                let therapist = if case == 0 {
                    THERAPIST
                } else {
                    r#""therapy_elsewhere": false"#
                };
                let rest = if coverage == "medicare" {
                    medicare_allows(&rest)
                } else {
                    rest
                };
                let q = priced(&format!(r#""coverage": "{coverage}", {therapist}, {rest}"#));
                let gfe = &q.good_faith_estimate;
                let at = format!("{coverage}, {language}, case {case}");
                assert_eq!(gfe.kind, DocumentKind::SelfPayQuote, "{at}");
                assert!(!gfe.applies, "{at}");
                assert!(
                    q.quote_number.starts_with("SPQ-"),
                    "{at}: {}",
                    q.quote_number
                );
                assert_eq!(q.saved.quote_number, q.quote_number, "{at}");
                let texts = texts_of(gfe);
                let found: Vec<&String> = texts.iter().filter(|t| calls_it_a_gfe(t)).collect();
                assert!(found.is_empty(), "{at}: {found:?}");
                assert!(!calls_it_a_gfe(&q.csv), "{at}");
                // The sample's notice says why this is a self-pay price quote without naming a GFE.
                assert!(gfe.coverage_notice.is_some(), "{at}");
                assert!(
                    texts.len() > 60,
                    "{at}: the walk reads the whole document ({} texts)",
                    texts.len()
                );
            }
        }
    }
    // The same walk finds the words on a Good Faith Estimate, title and disclaimers alike.
    for (language, title) in [
        ("en", "Good Faith Estimate"),
        ("es", "Estimado de buena fe"),
    ] {
        let gfe = priced(&format!(
            r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1", "language": "{language}" }}"#
        ))
        .good_faith_estimate;
        let texts = texts_of(&gfe);
        assert_eq!(gfe.title, title);
        assert!(texts.iter().filter(|t| calls_it_a_gfe(t)).count() >= 4);
    }
}

#[test]
fn a_self_pay_quote_in_spanish_agrees_with_its_noun() {
    let quote = priced(
        r#""coverage": "medicare", "prompt_pay": "not_offered", "answers": { "condition": "plantar_fasciitis", "injections": "1", "language": "es" }"#,
    )
    .good_faith_estimate;
    assert_eq!(quote.title, "Cotización de pago directo");
    assert_eq!(
        (quote.headings.issued, quote.headings.valid_until),
        ("Emitida el", "Válida hasta el")
    );
    let estimate = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "language": "es" }"#,
    )
    .good_faith_estimate;
    assert_eq!(
        (estimate.headings.issued, estimate.headings.valid_until),
        ("Emitido el", "Válido hasta el")
    );
}

#[test]
fn a_good_faith_estimate_has_every_element_of_149_610_c() {
    let q = priced(&format!(
        r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15"],
           "answers": {{ "condition": "achilles_tendinopathy", "injections": "2",
                         "physical_therapy": {{ "coverage": "cash", "sessions": "6" }} }}, {THERAPIST}"#
    ));
    let gfe = &q.good_faith_estimate;
    assert_eq!(
        (gfe.kind, gfe.title.as_str()),
        (DocumentKind::GoodFaithEstimate, "Good Faith Estimate")
    );
    // (c)(1)(i): the patient's name and date of birth.
    assert_eq!(
        (
            gfe.patient.name.as_str(),
            gfe.patient.date_of_birth.as_str()
        ),
        ("Ana Ruiz", "March 4, 1970")
    );
    // (ii): the primary item or service in plain words, and its date (each injection's).
    assert_eq!(
        gfe.primary_service.description,
        "Amniotic tissue injections — Achilles tendinopathy, right side: 2 injections"
    );
    assert_eq!(gfe.primary_service.scheduled_on, "December 1, 2026");
    assert_eq!(
        gfe.primary_service.schedule,
        [
            "Injection 1: December 1, 2026",
            "Injection 2: December 15, 2026"
        ]
    );
    // (iii) and (iv): items grouped by provider, the convening provider's and the co-provider's,
    // each with its diagnosis code, service code and expected charge. Clinic: 2,970.00 less
    // 222.75 less prompt pay 137.36 = 2,609.89 (worked out item by item in tests/quotes.rs);
    // therapy: 160 + 6 × 95 = 730.00.
    assert_eq!(
        items(gfe, 0),
        [
            ("Q4139", 2, 210_900),
            ("20551", 2, 28_120),
            ("76942", 2, 21_969)
        ]
    );
    assert_eq!(items(gfe, 1), [("97162", 1, 16_000), ("97110", 6, 57_000)]);
    assert!(gfe
        .providers
        .iter()
        .flat_map(|p| &p.items)
        .all(|i| i.diagnosis_code == "M76.61"));
    assert_eq!(gfe.total.cents.get(), 333_989); // 2,609.89 + 730.00
                                                // (v): each provider's name, NPI, TIN, state and office location.
    let identities: Vec<[&str; 6]> = gfe
        .providers
        .iter()
        .map(|p| [&*p.role, &p.name, &p.npi, &p.tin, &p.location, &p.state])
        .collect();
    assert_eq!(
        identities,
        [
            [
                "Convening provider",
                "Sample Foot & Ankle Clinic",
                "1234567893",
                "12-3456789",
                "100 Example Ave, Suite 200, Austin, TX 78701",
                "TX"
            ],
            [
                "Co-provider",
                "Riverside Physical Therapy",
                "1234567802",
                "98-7654321",
                "20 River Rd, Austin, TX 78702",
                "TX"
            ]
        ]
    );
    // (vi): what is to be scheduled separately; (vii) that separate estimates will be given.
    assert_eq!(
        gfe.separately_scheduled,
        [
            "Follow-up visits after the injection series, if your provider recommends them.",
            "Imaging such as X-ray or MRI, if your provider orders it."
        ]
    );
    assert!(gfe
        .headings
        .separate_estimate
        .starts_with("A separate Good Faith Estimate will be given"));
    // ... with instructions for how to obtain them: the sample clinic's phone and email.
    assert_eq!(
        gfe.ask_separately,
        "To ask for one, call Sample Foot & Ankle Clinic at (512) 555-0100 or email estimates@clinic.example."
    );
    // (viii) to (x): the disclaimers, in order; (x) the dispute right, with the statement that
    // starting a dispute will not adversely affect the quality of care (the numbering: DESIGN.md,
    // "Every element of 45 CFR 149.610(c)(1)"); then that it is not a contract.
    // The quote number, the date issued and the valid-until date (60 days).
    assert_disclaimers_number_and_dates(&q);
    // And at the head of every printed page: whose document it is, and which.
    assert_eq!(
        gfe.running_head(),
        format!(
            "Ana Ruiz · Date of birth March 4, 1970 · Quote {}",
            q.quote_number
        )
    );
    assert_eq!(gfe.headings.page_of, ["Page", "of"]);
}

/// Consultation, 1 plantar fasciitis injection and the boot: 250 + 1,200 + 150 + 125 + 165 =
/// 1,890.00; prompt pay 5 % = 94.50, which is exactly 5 % of each item.
const ONE_INJECTION: &str = r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#;

/// The sample book with `change` made to its JSON.
fn book_with(change: impl FnOnce(&mut serde_json::Value)) -> PriceBook {
    let mut json: serde_json::Value =
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON");
    change(&mut json);
    PriceBook::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// The dispute paragraph of a one-injection Good Faith Estimate at `book`, in `language`.
fn dispute_paragraph(book: &PriceBook, language: &str) -> String {
    let request = request(&format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1", "language": "{language}" }}"#
    ));
    let gfe = quote(book, &request)
        .unwrap_or_else(|e| panic!("{e}"))
        .good_faith_estimate;
    assert_eq!(gfe.disclaimers.len(), 4);
    gfe.disclaimers[2].clone()
}

#[test]
fn the_dispute_right_says_starting_a_dispute_will_not_affect_the_quality_of_care() {
    // The sample book words it; the paragraph is the dispute right, then the statement.
    let sample = book();
    let english = dispute_paragraph(&sample, "en");
    assert!(english.starts_with("You have the right to start the patient-provider dispute"));
    assert!(english.ends_with(
        "within 120 days of the date on the bill. To learn more and get a form, visit \
         www.cms.gov/nosurprises or call 1-800-985-3059. Starting the patient-provider dispute \
         resolution process will not adversely affect the quality of the health care services you \
         receive from any provider or facility."
    ));
    let spanish = dispute_paragraph(&sample, "es");
    assert!(
        spanish.starts_with("Usted tiene derecho a iniciar el proceso de resolución de disputas")
    );
    assert!(spanish.ends_with(
        "llame al 1-800-985-3059. Iniciar el proceso de resolución de disputas entre pacientes y \
         proveedores no afectará negativamente la calidad de los servicios de atención médica que \
         reciba de ningún proveedor o centro."
    ));

    // A clinic's own words, in each language.
    let own = book_with(|json| {
        json["good_faith_estimate"]["quality_of_care"] = serde_json::json!({
            "en": "Disputing a bill never changes your care here.",
            "es": "Disputar una factura nunca cambia su atención aquí."
        });
    });
    assert!(dispute_paragraph(&own, "en")
        .ends_with("1-800-985-3059. Disputing a bill never changes your care here."));
    assert!(dispute_paragraph(&own, "es")
        .ends_with("1-800-985-3059. Disputar una factura nunca cambia su atención aquí."));

    // A book without the field (every book before it) gets the crate's words, in each language,
    // and is still written without it.
    let before = book_with(|json| {
        json["good_faith_estimate"]
            .as_object_mut()
            .expect("an object")
            .remove("quality_of_care");
    });
    assert!(dispute_paragraph(&before, "en").ends_with(
        "1-800-985-3059. Starting the patient-provider dispute resolution process will not \
         adversely affect the quality of the health care services you receive from any provider or \
         facility."
    ));
    assert!(dispute_paragraph(&before, "es").ends_with(
        "1-800-985-3059. Iniciar el proceso de resolución de disputas entre pacientes y proveedores \
         no afectará negativamente la calidad de los servicios de atención médica que reciba de \
         ningún proveedor o centro."
    ));
    let written = serde_json::to_value(before.document()).expect("a book is JSON");
    assert!(written["good_faith_estimate"]
        .get("quality_of_care")
        .is_none());

    // Left empty, it is refused like the other texts, by its path.
    let mut json: serde_json::Value =
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON");
    json["good_faith_estimate"]["quality_of_care"] = serde_json::json!({ "en": " ", "es": "" });
    let error = PriceBook::from_json(&json.to_string()).expect_err("empty texts");
    let problems: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
    assert_eq!(
        problems,
        [
            "good_faith_estimate.quality_of_care: must not be empty",
            "good_faith_estimate.quality_of_care.es: must not be empty",
        ]
    );
}

#[test]
fn after_the_items_to_schedule_separately_the_patient_is_told_how_to_ask_for_each_estimate() {
    let one =
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "language": "LANG" }"#;
    let asked = |coverage: &str, language: &str, book: &PriceBook| {
        let request = request(&format!(
            r#""coverage": "{coverage}", {}"#,
            one.replace("LANG", language)
        ));
        quote(book, &request)
            .unwrap_or_else(|e| panic!("{e}"))
            .good_faith_estimate
            .ask_separately
    };
    let sample = book();
    assert_eq!(
        asked("self_pay", "es", &sample),
        "Para pedir uno, llame a Sample Foot & Ankle Clinic al (512) 555-0100 o escriba a \
         estimates@clinic.example."
    );
    // A self-pay price quote: "una" (una cotización), and nothing calls it a GFE.
    assert_eq!(
        asked("tricare", "es", &sample),
        "Para pedir una, llame a Sample Foot & Ankle Clinic al (512) 555-0100 o escriba a \
         estimates@clinic.example."
    );
    assert_eq!(
        asked("tricare", "en", &sample),
        "To ask for one, call Sample Foot & Ankle Clinic at (512) 555-0100 or email estimates@clinic.example."
    );
    // A clinic without an email: the phone alone.
    let no_email = book_with(|json| {
        json["clinic"]
            .as_object_mut()
            .expect("an object")
            .remove("email");
    });
    assert_eq!(
        asked("self_pay", "en", &no_email),
        "To ask for one, call Sample Foot & Ankle Clinic at (512) 555-0100."
    );
    assert_eq!(
        asked("self_pay", "es", &no_email),
        "Para pedir uno, llame a Sample Foot & Ankle Clinic al (512) 555-0100."
    );
}

#[test]
fn expected_charges_include_the_prompt_pay_discount_and_say_so() {
    let gfe = priced(ONE_INJECTION).good_faith_estimate;
    // 237.50 + 1,140.00 + 142.50 + 118.75 + 156.75 = 1,795.50 = 1,890.00 − 94.50.
    assert_eq!(
        items(&gfe, 0),
        [
            ("99204", 1, 23_750),
            ("Q4139", 1, 114_000),
            ("20550", 1, 14_250),
            ("76942", 1, 11_875),
            ("L4361", 1, 15_675)
        ]
    );
    assert_eq!(gfe.providers[0].total.cents.get(), 179_550);
    // Without it: 1,795.50 + 94.50 = 1,890.00.
    assert_eq!(
        gfe.providers[0].note.as_deref(),
        Some(
            "These charges include a 5% discount for paying in full at the visit. Without it, the \
             clinic's charges are $1,890.00."
        )
    );
}

#[test]
fn a_price_book_can_leave_the_prompt_pay_discount_out_of_expected_charges() {
    let rest = format!(r#""prompt_pay": "excluded", {ONE_INJECTION}"#);
    let q = quote(&excluding_book(), &request(&rest)).expect("valid");
    let gfe = &q.good_faith_estimate;
    // Each item at its price, as no other discount applies: 1,890.00.
    assert_eq!(
        items(gfe, 0),
        [
            ("99204", 1, 25_000),
            ("Q4139", 1, 120_000),
            ("20550", 1, 15_000),
            ("76942", 1, 12_500),
            ("L4361", 1, 16_500)
        ]
    );
    assert_eq!(gfe.total.cents.get(), 189_000);
    // Paid in full at the visit: 1,890.00 − 94.50 = 1,795.50.
    assert_eq!(
        gfe.providers[0].note.as_deref(),
        Some(
            "These charges do not include the 5% discount for paying in full at the visit. Paid in \
             full at the visit, the clinic's charges are $1,795.50."
        )
    );
    assert!(q
        .csv
        .contains(",Sample Foot & Ankle Clinic,1234567893,Q4139,M72.2,\"Amniotic allograft, 1 mL vial\",1,1200.00,,"));
    // Left out of the charges, the prompt-pay discount is no discount line of the CSV either.
    assert!(!q.csv.contains(",discount,"));
    // The breakdown is the estimate's, discount line and all: 1,890.00 − 94.50.
    assert_eq!(q.breakdown.patient_total.cents.get(), 179_550);
    // And the file reopens as it was.
    let reopened = reopen(&q.saved, &excluding_book()).expect("reopens");
    assert_eq!(reopened.quote, q);
    // A file that leaves the choice to its book (saved before staff chose it) reopens with the
    // book's setting, "excluded": the same number and 1,890.00, as it was printed.
    let mut left_to_the_book = q.saved.clone();
    left_to_the_book.request.prompt_pay = None;
    let reopened = reopen(&left_to_the_book, &book()).expect("reopens");
    assert_eq!(reopened.quote.quote_number, q.quote_number);
    assert_eq!(
        reopened.quote.good_faith_estimate.total.cents.get(),
        189_000
    );
}

#[test]
fn leaving_prompt_pay_out_moves_only_the_clinics_charges() {
    let rest = format!(
        r#""answers": {{ "condition": "achilles_tendinopathy", "injections": "2",
                         "physical_therapy": {{ "coverage": "cash", "sessions": "6" }} }}, {THERAPIST}"#
    );
    let included = priced(&rest).good_faith_estimate;
    let excluded = quote(
        &excluding_book(),
        &request(&format!(r#""prompt_pay": "excluded", {rest}"#)),
    )
    .expect("valid")
    .good_faith_estimate;
    // Clinic: 2,970.00 less the multi-injection 222.75, spread 180.00, 24.00, 18.75 (as in
    // tests/quotes.rs): 2,220.00, 296.00, 231.25 = 2,747.25, without the prompt pay's 137.36.
    assert_eq!(
        items(&excluded, 0),
        [
            ("Q4139", 2, 222_000),
            ("20551", 2, 29_600),
            ("76942", 2, 23_125)
        ]
    );
    // Therapy elsewhere is the same either way: 730.00; total 2,747.25 + 730.00 = 3,477.25.
    assert_eq!(items(&excluded, 1), items(&included, 1));
    assert_eq!(excluded.total.cents.get(), 347_725);
    // The co-provider has no note: its prices are its own (typed in with it), and the prompt-pay
    // discount is the clinic's.
    assert_eq!(excluded.providers[1].note, None);
    // Each end's statement names the other end's clinic total: 2,609.89 + 137.36 = 2,747.25.
    assert!(included.providers[0]
        .note
        .as_deref()
        .is_some_and(|n| n.ends_with("Without it, the clinic's charges are $2,747.25.")));
    assert!(excluded.providers[0].note.as_deref().is_some_and(
        |n| n.ends_with("Paid in full at the visit, the clinic's charges are $2,609.89.")
    ));
}

#[test]
fn the_prompt_pay_statement_in_spanish_and_when_there_is_none() {
    let spanish = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "language": "es" }"#,
    )
    .good_faith_estimate;
    // 1,475.00 − 73.75 = 1,401.25; without it 1,475.00.
    assert_eq!(
        spanish.providers[0].note.as_deref(),
        Some(
            "Estos cargos incluyen un descuento del 5% por pagar el total en la visita. Sin él, los \
             cargos de la clínica son $1,475.00."
        )
    );
    let none = PriceBook::from_json(&DEFAULT_PRICE_BOOK_JSON.replacen(
        "\"percent_off_bp\": 500",
        "\"percent_off_bp\": 0",
        1,
    ))
    .expect("valid");
    let gfe = quote(&none, &request(ONE_INJECTION))
        .expect("valid")
        .good_faith_estimate;
    assert_eq!(gfe.total.cents.get(), 189_000, "0 % takes nothing off");
    assert_eq!(gfe.providers[0].note, None, "no discount, nothing to state");
}

#[test]
fn an_unknown_prompt_pay_setting_is_refused_by_its_path() {
    let json = DEFAULT_PRICE_BOOK_JSON.replacen(
        "\"percent_off_bp\": 500",
        "\"percent_off_bp\": 500, \"expected_charges\": \"sometimes\"",
        1,
    );
    let error = PriceBook::from_json(&json).expect_err("not a setting");
    assert_eq!(
        error.fields()[0].path,
        "discounts.prompt_pay.expected_charges"
    );
    assert_eq!(
        error.fields()[0].reason,
        "must be `included` or `excluded`; it is \"sometimes\"",
        "{error}"
    );
}

#[test]
fn therapy_at_the_clinic_is_itemized_and_not_also_to_schedule() {
    let gfe = priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1",
                        "physical_therapy": { "coverage": "cash", "sessions": "8" } }"#,
    )
    .good_faith_estimate;
    // 1,200 + 150 + 125 + 160 + 8 × 95 = 2,395.00, less 5 % (119.75) = 2,275.25.
    assert_eq!(gfe.total.cents.get(), 227_525);
    let codes: Vec<&str> = gfe.providers[0]
        .items
        .iter()
        .map(|i| i.service_code.as_str())
        .collect();
    assert_eq!(codes, ["Q4139", "20550", "76942", "97162", "97110"]);
    assert_eq!(
        gfe.separately_scheduled.len(),
        2,
        "the price book's two only"
    );
}

#[test]
fn therapy_through_insurance_is_to_schedule_in_plain_counts() {
    let insured = |sessions: &str, injections: &str, language: &str| {
        priced(&format!(
            r#""answers": {{ "condition": "plantar_fasciitis", "injections": "{injections}", "language": "{language}",
                             "physical_therapy": {{ "coverage": "insurance", "sessions": "{sessions}",
                                                    "insurance": {{ "copay": "30" }} }} }}"#
        ))
        .good_faith_estimate
        .separately_scheduled[0]
            .clone()
    };
    assert_eq!(
        insured("1", "1", "en"),
        "Physical therapy: an evaluation and 1 session with Sample Foot & Ankle Clinic, after the injection."
    );
    assert_eq!(
        insured("8", "2", "en"),
        "Physical therapy: an evaluation and 8 sessions with Sample Foot & Ankle Clinic, after the injections."
    );
    assert_eq!(
        insured("1", "1", "es"),
        "Fisioterapia: una evaluación y 1 sesión con Sample Foot & Ankle Clinic, después de la inyección."
    );
    assert_eq!(
        insured("8", "2", "es"),
        "Fisioterapia: una evaluación y 8 sesiones con Sample Foot & Ankle Clinic, después de las inyecciones."
    );
}

#[test]
fn the_primary_service_names_the_condition_as_the_book_writes_it() {
    let spanish = priced(
        r#""answers": { "condition": "achilles_tendinopathy", "injections": "2", "language": "es" }"#,
    )
    .good_faith_estimate;
    assert_eq!(
        spanish.primary_service.description,
        "Inyecciones de tejido amniótico — Tendinopatía de Aquiles, lado derecho: 2 inyecciones"
    );
    let english =
        priced(r#""answers": { "condition": "ankle_osteoarthritis", "injections": "1" }"#)
            .good_faith_estimate;
    assert_eq!(
        english.primary_service.description,
        "Amniotic tissue injection — Ankle osteoarthritis, right side: 1 injection"
    );
}

/// The refusals of `rest`, as `path: reason`.
fn refusals(rest: &str) -> Vec<String> {
    quote(&book(), &request(rest))
        .expect_err("refused")
        .fields()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_scheduled_date_before_the_issue_date_is_refused() {
    let one = r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#;
    assert_eq!(
        refusals(&format!(r#""scheduled_on": "2026-11-20", {one}"#)),
        ["scheduled_on: cannot be before the quote's issue date (November 21, 2026); it is November 20, 2026. If that injection was given, count only the injections still to come and date the next one"]
    );
    let same_day = priced(&format!(r#""scheduled_on": "2026-11-21", {one}"#));
    assert_eq!(
        same_day.good_faith_estimate.primary_service.schedule,
        ["November 21, 2026"]
    );
}

/// Three partial-tendon-tear injections (3 is the sample's most).
const THREE: &str = r#""answers": { "condition": "partial_tendon_tear", "injections": "3" }"#;

#[test]
fn each_planned_injection_may_have_its_own_date() {
    let all = priced(&format!(
        r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15", "2027-01-05"], {THREE}"#
    ));
    let primary = &all.good_faith_estimate.primary_service;
    assert_eq!(primary.scheduled_on, "December 1, 2026");
    assert_eq!(
        primary.schedule,
        [
            "Injection 1: December 1, 2026",
            "Injection 2: December 15, 2026",
            "Injection 3: January 5, 2027"
        ]
    );
    // The dates do not change the amounts: 3 × 1,475.00 = 4,425.00, less 2 × 221.25 = 3,982.50,
    // less 5 % (199.125 -> 199.13) = 3,783.37.
    assert_eq!(all.good_faith_estimate.total.cents.get(), 378_337);
    let spanish = priced(
        r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-01"],
           "answers": { "condition": "partial_tendon_tear", "injections": "3", "language": "es" }"#,
    );
    assert_eq!(
        spanish.good_faith_estimate.primary_service.schedule,
        [
            "Inyección 1: 1 de diciembre de 2026",
            "Inyección 2: 1 de diciembre de 2026",
            "Inyección 3: aún no programada"
        ]
    );
}

#[test]
fn each_later_date_is_refused_by_its_own_path() {
    assert_eq!(
        refusals(&format!(
            r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-11-30", "15/12/2026"], {THREE}"#
        )),
        [
            "later_injections_on.0: injection 2 cannot be before injection 1 (December 1, 2026); it is November 30, 2026",
            "later_injections_on.1: must be a date like 2026-11-01; it is \"15/12/2026\"",
        ]
    );
    assert_eq!(
        refusals(&format!(
            r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15", "2026-12-10"], {THREE}"#
        )),
        ["later_injections_on.1: injection 3 cannot be before injection 2 (December 15, 2026); it is December 10, 2026"]
    );
    assert_eq!(
        refusals(&format!(
            r#""later_injections_on": ["2026-11-20"], {THREE}"#
        )),
        [
            "scheduled_on: enter the first injection's date before the later injections' dates",
            "later_injections_on.0: injection 2 cannot be before the quote's issue date (November 21, 2026); it is November 20, 2026",
        ]
    );
    assert_eq!(
        refusals(
            r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15"],
               "answers": { "condition": "plantar_fasciitis", "injections": "1" }"#
        ),
        ["later_injections_on: 1 injection is planned, so there is no later injection to date"]
    );
    assert_eq!(
        refusals(
            r#""scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15", "2026-12-29"],
               "answers": { "condition": "plantar_fasciitis", "injections": "2" }"#
        ),
        ["later_injections_on: 2 injections are planned: at most 1 later date; there are 2"]
    );
}

/// The comparison printed with a quote prices its scenarios at the quote's prompt-pay choice: a
/// quote whose charges leave the discount out, or offer none, prints no discounted figure in it.
#[test]
fn the_printed_comparison_follows_the_prompt_pay_choice() {
    use amnion_estimator::payment::{compare, PaymentAnswers};
    let sample = book();
    // One plantar fasciitis injection with the consultation and the boot, no therapy:
    // 250.00 + 1,200.00 + 150.00 + 125.00 + 165.00 = 1,890.00; 5 % = 94.50, so 1,795.50 paid in full
    // at the visit. Two injections: the second vial and 20550 15 % off (180.00 + 22.50), its
    // guidance 18.75 off: 1,890.00 + 1,200.00 + 150.00 + 125.00 - 221.25 = 3,143.75; 5 % = 157.19
    // (157.1875, half up), so 2,986.56.
    for (choice, one, two) in [
        ("included", 179_550, 298_656),
        ("excluded", 189_000, 314_375),
        ("not_offered", 189_000, 314_375),
    ] {
        let q = quote(
            &sample,
            &request(&format!(r#""prompt_pay": "{choice}", {ONE_INJECTION}"#)),
        )
        .unwrap_or_else(|e| panic!("{choice}: {e}"));
        let grid_book = q.comparison_book(&sample).expect("a book");
        let answers = &q.saved.request.answers;
        let mut grid =
            compare(&grid_book, answers, &PaymentAnswers::default()).expect("a comparison");
        let no_therapy = |row: usize| grid.rows[row].cells[0].patient_total.cents.get();
        assert_eq!((no_therapy(0), no_therapy(1)), (one, two), "{choice}");
        // The quote is its scenario (1 injection, no therapy) at any choice: the same total.
        assert_eq!(q.good_faith_estimate.total.cents.get(), one, "{choice}");
        q.mark_in(&mut grid);
        assert!(
            grid.rows[0].cells[0].current,
            "{choice}: marked as this quote"
        );
    }
}
