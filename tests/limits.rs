//! Hostile, huge and odd input: every document has size limits, refused with the path and the limit
//! before the rules run; messages quote at most an excerpt of what was typed; and text that would
//! not print as it reads (control and text-direction characters) is refused, naming the field.
//! How fast each refusal is belongs to `make bench`, not here.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::error::{excerpt, EXCERPT_CHARS, MAX_PROBLEMS};
use amnion_estimator::estimate::{estimate, EstimateRequest};
use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, QuoteRequest, SavedQuote};
use amnion_estimator::read::{MAX_DOCUMENT_VALUES, MAX_TEXT_CHARS};
use amnion_estimator::Error;
use sample_book::{problems, sample};
use serde_json::{json, Value};

/// `list` grown to `count` items, each a copy of its first with `id` (if it has one) made unique.
fn grown(list: &Value, count: usize) -> Value {
    let first = list[0].clone();
    Value::Array(
        (0..count)
            .map(|i| {
                let mut item = first.clone();
                if item.get("id").is_some() {
                    item["id"] = json!(format!("item_{i}"));
                }
                item
            })
            .collect(),
    )
}

#[test]
fn every_list_past_its_limit_is_refused_with_its_path_and_the_limit() {
    for (pointer, limit) in [
        ("/conditions", 100),
        ("/products", 50),
        ("/administration_fees", 50),
        ("/extras", 100),
        ("/good_faith_estimate/separately_scheduled", 20),
        ("/financing/plans", 20),
        ("/therapy_partners", 20),
    ] {
        let mut book = sample();
        let list = book.pointer(pointer).expect(pointer).clone();
        *book.pointer_mut(pointer).expect(pointer) = grown(&list, limit + 1);
        let path = pointer.trim_start_matches('/').replace('/', ".");
        // Only the limit is reported for that list: none of its items was read.
        assert_eq!(
            problems(&book),
            [format!(
                "{path}: must have at most {limit} items; it has {}",
                limit + 1
            )],
            "{pointer}"
        );
    }
}

#[test]
fn a_list_at_its_limit_is_read() {
    // 100 conditions, each a copy of the first (procedure 20550, which has a fee) with its own id.
    let mut book = sample();
    book["conditions"] = grown(&book["conditions"], 100);
    assert_eq!(problems(&book), Vec::<String>::new());
}

#[test]
fn packages_past_their_limit_are_refused() {
    let mut book = sample();
    let package = json!({ "product": "amnion_1ml", "injections": 2, "price_cents": 200000 });
    book["discounts"]["multi_injection"] = json!({
        "kind": "package_prices",
        "label": "Package price",
        "packages": vec![package; 101],
    });
    assert_eq!(
        problems(&book),
        ["discounts.multi_injection.packages: must have at most 100 items; it has 101"]
    );
}

#[test]
fn two_hundred_thousand_conditions_are_refused_by_the_limit_alone() {
    let mut book = sample();
    book["conditions"] = grown(&book["conditions"], 200_000);
    // Past the document's size too: refused whole, before any field is read.
    assert_eq!(
        problems(&book),
        [format!(
            "(top level): must hold at most {MAX_DOCUMENT_VALUES} values (texts, numbers, lists \
             and groups of fields); it holds more"
        )]
    );
}

#[test]
fn a_text_longer_than_the_limit_is_refused_by_its_length_without_echoing_it() {
    let mut book = sample();
    let long = "x".repeat(5_000_000);
    book["clinic"]["name"] = json!(long);
    assert_eq!(
        problems(&book),
        [format!(
            "clinic.name: must be at most {MAX_TEXT_CHARS} characters; it has 5000000"
        )]
    );
}

#[test]
fn a_huge_answer_is_quoted_as_a_marked_excerpt() {
    let book = PriceBook::embedded_default().expect("valid");
    let condition = "a".repeat(1_500);
    let request: EstimateRequest =
        serde_json::from_str(&json!({ "condition": condition, "injections": "1" }).to_string())
            .expect("a request");
    let error = estimate(&book, &request).expect_err("no such condition");
    let message = error.to_string();
    // `condition: unknown condition "aaa…"`: 80 characters of it and the mark.
    let shown = format!("\"{}…\"", "a".repeat(EXCERPT_CHARS));
    assert!(message.contains(&shown), "{message}");
    assert!(message.chars().count() < 150, "{message}");

    // A type error quotes an excerpt too.
    let typed = serde_json::from_str::<EstimateRequest>(
        &json!({ "condition": "plantar_fasciitis", "injections": "1", "consultation": "y".repeat(500) })
            .to_string(),
    )
    .expect_err("text where a boolean belongs")
    .to_string();
    assert!(
        typed.contains(&format!("\"{}…\"", "y".repeat(EXCERPT_CHARS))),
        "{typed}"
    );
}

#[test]
fn an_excerpt_is_whole_up_to_the_limit_and_cut_after_it() {
    let exactly = "é".repeat(EXCERPT_CHARS);
    assert_eq!(excerpt(&exactly), exactly);
    assert_eq!(
        excerpt(&"é".repeat(EXCERPT_CHARS + 1)),
        format!("{exactly}…")
    );
}

#[test]
fn thousands_of_unknown_keys_give_a_hundred_lines_and_a_count() {
    let mut request = serde_json::Map::new();
    request.insert("condition".into(), json!("plantar_fasciitis"));
    request.insert("injections".into(), json!("1"));
    for i in 0..15_000 {
        request.insert(format!("typo_{i}"), json!(true));
    }
    let error = serde_json::from_value::<EstimateRequest>(Value::Object(request))
        .expect_err("unknown fields");
    let message = error.to_string();
    let lines: Vec<&str> = message.lines().collect();
    // 100 listed, then one line for the other 14,900.
    assert_eq!(lines.len(), MAX_PROBLEMS + 1, "{message}");
    assert!(
        lines[0].starts_with("typo_0: is not an estimate request field: the fields here are"),
        "{message}"
    );
    assert_eq!(
        lines[MAX_PROBLEMS],
        "(more): 14900 more problems, not listed"
    );
}

#[test]
fn a_price_book_with_more_problems_than_listed_says_so() {
    let mut book = sample();
    for i in 0..150 {
        book[format!("typo_{i}")] = json!(1);
    }
    let error = PriceBook::from_json(&book.to_string()).expect_err("unknown fields");
    // 150 unknown fields: 100 listed, and the other 50 counted on the last line.
    let message = error.to_string();
    assert!(
        message.starts_with("the price book has more than 100 problems; the first 100:\n"),
        "{message}"
    );
    assert!(
        message.ends_with("\n(more): 50 more problems, not listed"),
        "{message}"
    );
}

/// The hostile strings of the other tests, and the ones that would not print as they read.
const HIDDEN: [(&str, &str); 5] = [
    ("Ana \u{202E}ziuR", "U+202E at character 5"),
    ("Ana\u{0}Ruiz", "U+0000 at character 4"),
    ("\u{2066}Ana Ruiz", "U+2066 at character 1"),
    ("Ana\u{85}Ruiz", "U+0085 at character 4"),
    ("Ana\u{202A}Ruiz\u{202C}", "U+202A at character 4"),
];

fn quote_request(change: impl FnOnce(&mut Value)) -> QuoteRequest {
    let mut request = json!({
        "coverage": "self_pay", "prompt_pay": "included",
        "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" }, "side": "right",
        "issued_on": "2026-11-21",
        "answers": { "condition": "achilles_tendinopathy", "injections": "2",
                     "physical_therapy": { "coverage": "cash", "sessions": "6" } },
        "staff_discount": { "percent": "5", "amount": "", "reason": "Returning patient" },
        "therapy_elsewhere": true,
        "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                              "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                          "evaluation_price": "160", "session_price": "95" }
    });
    change(&mut request);
    serde_json::from_value(request).expect("a quote request")
}

#[test]
fn text_that_would_not_print_as_it_reads_is_refused_on_a_quote_naming_the_field() {
    let book = PriceBook::embedded_default().expect("valid");
    assert!(quote(&book, &quote_request(|_| {})).is_ok());
    for pointer in [
        "/patient/name",
        "/staff_discount/reason",
        "/therapy_provider/name",
        "/therapy_provider/street",
        "/therapy_provider/city",
    ] {
        for (text, found) in HIDDEN {
            let request = quote_request(|request| {
                *request.pointer_mut(pointer).expect(pointer) = json!(text);
            });
            let error = quote(&book, &request).expect_err(text);
            let path = pointer.trim_start_matches('/').replace('/', ".");
            let expected = format!(
                "{path}: must not contain control or text-direction characters; it has {found}"
            );
            assert!(
                error.fields().iter().any(|f| f.to_string() == expected),
                "{expected} in {error}"
            );
        }
    }
}

#[test]
fn the_hostile_strings_that_print_as_they_read_are_accepted() {
    let book = PriceBook::embedded_default().expect("valid");
    for name in [
        "<img src=x onerror=alert(1)>",
        "María José O'Brien-Núñez",
        "محمد علي",
        "\"quoted\", 'apostrophe'; comma | CSV",
    ] {
        let request = quote_request(|request| request["patient"]["name"] = json!(name));
        assert!(quote(&book, &request).is_ok(), "{name}");
    }
}

#[test]
fn a_price_book_text_that_would_not_print_as_it_reads_is_refused() {
    for (text, found) in HIDDEN {
        let mut book = sample();
        book["clinic"]["name"] = json!(text);
        book["conditions"][1]["label"]["es"] = json!(text);
        assert_eq!(
            problems(&book),
            [
                format!("clinic.name: must not contain control or text-direction characters; it has {found}"),
                format!("conditions[1].label.es: must not contain control or text-direction characters; it has {found}"),
            ]
        );
    }
}

#[test]
fn a_saved_quote_past_the_document_size_is_refused_whole() {
    let book = PriceBook::embedded_default().expect("valid");
    let saved = quote(&book, &quote_request(|_| {})).expect("a quote").saved;
    let mut file = serde_json::to_value(&saved).expect("JSON");
    file["price_book"]["conditions"] = grown(&file["price_book"]["conditions"], 30_000);
    let error = serde_json::from_value::<SavedQuote>(file).expect_err("too large");
    assert_eq!(
        error.to_string(),
        format!(
            "(top level): must hold at most {MAX_DOCUMENT_VALUES} values (texts, numbers, lists \
             and groups of fields); it holds more"
        )
    );
    assert!(matches!(
        SavedQuote::read(&mut serde_json::Deserializer::from_str("{}")),
        Err(Error::InvalidRequest(_))
    ));
}

#[test]
fn a_quote_with_more_extras_than_the_limit_is_refused() {
    let extras: serde_json::Map<String, Value> = (0..101)
        .map(|i| (format!("extra_{i}"), json!("1")))
        .collect();
    let mut request = serde_json::to_value(quote_request(|_| {})).expect("JSON");
    request["extras"] = Value::Object(extras);
    let error = serde_json::from_value::<QuoteRequest>(request).expect_err("101 extras");
    assert_eq!(
        error.to_string(),
        "extras: must have at most 100 items; it has 101"
    );
}
