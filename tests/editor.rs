//! The price-book editor's rules, natively: the sample as a form in dollars and back unchanged,
//! every problem at once and each at its control, the changes against the opened book, lists, and
//! an entry that is not a field. What the page does with them is tested in
//! `tests/browser/editor.test.mjs`.

use amnion_estimator::editor::{publish, Check, Editor};
use amnion_estimator::price_book::{PriceBook, DEFAULT_PRICE_BOOK_JSON};
use amnion_estimator::read::Value;

fn sample() -> Value {
    Value::from_json(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON")
}

/// The sample opened, with what is still the sample clinic's confirmed as meant (each is a
/// warning of its own: `what_is_still_the_sample_is_a_warning_each`).
fn open_sample() -> (Editor, Value) {
    let (mut editor, form) = Editor::open(&sample(), &sample());
    for warning in editor.check(&form).warnings {
        editor.confirm(&form, &warning.path, &warning.message, true);
    }
    (editor, form)
}

/// `book` without the warnings confirmed, which the editor keeps in it (`confirmed`).
fn unconfirmed(book: Value) -> Value {
    match book {
        Value::Object(entries) => Value::Object(
            entries
                .into_iter()
                .filter(|(key, _)| key != "confirmed")
                .collect(),
        ),
        other => other,
    }
}

/// The form value at the control name `name` (`products.0.price_cents`).
fn at<'a>(form: &'a Value, name: &str) -> &'a Value {
    name.split('.').fold(form, |node, key| match node {
        Value::Object(entries) => {
            &entries
                .iter()
                .find(|(k, _)| k == key)
                .unwrap_or_else(|| panic!("no {key} in {name}"))
                .1
        }
        Value::Array(items) => &items[key.parse::<usize>().expect("an index")],
        _ => panic!("{name}: {key} is below a leaf"),
    })
}

/// Types `text` into the control `name`, as the page's form then holds it.
fn typed(form: &mut Value, name: &str, text: &str) {
    let mut node = form;
    for key in name.split('.') {
        node = match node {
            Value::Object(entries) => {
                &mut entries
                    .iter_mut()
                    .find(|(k, _)| k == key)
                    .expect("a field")
                    .1
            }
            Value::Array(items) => &mut items[key.parse::<usize>().expect("an index")],
            _ => panic!("below a leaf"),
        };
    }
    *node = Value::String(text.to_owned());
}

fn text(value: &Value) -> &str {
    match value {
        Value::String(text) => text,
        other => panic!("not text: {other:?}"),
    }
}

/// `(control, reason)` of each problem.
fn problems(check: &Check) -> Vec<(String, String)> {
    check
        .problems
        .iter()
        .map(|problem| {
            (
                problem.name.clone().unwrap_or_default(),
                problem.reason.clone(),
            )
        })
        .collect()
}

#[test]
fn the_sample_opens_in_dollars_and_percents_and_saves_back_unchanged() {
    let (editor, form) = open_sample();
    // 120000 cents is $1,200.00; 1500 basis points is 15 %; 16500 cents is $165.00.
    assert_eq!(text(at(&form, "products.0.price_cents")), "1,200.00");
    assert_eq!(
        text(at(&form, "discounts.multi_injection.percent_off_bp")),
        "15"
    );
    assert_eq!(text(at(&form, "walking_boot.price_cents")), "165.00");
    // 2699 basis points is 26.99 %.
    assert_eq!(text(at(&form, "financing.plans.0.apr_bp")), "26.99");
    assert_eq!(text(at(&form, "conditions.1.icd10.left")), "M76.62");
    // The TIN 123456789 as an EIN is printed; the prompt-pay choice the sample leaves out, as the
    // reader takes it then.
    assert_eq!(text(at(&form, "clinic.tin")), "12-3456789");
    assert_eq!(
        text(at(&form, "discounts.prompt_pay.expected_charges")),
        "included"
    );
    let check = editor.check(&form);
    assert_eq!(problems(&check), [], "the sample has no problem");
    assert!(check.changes.is_empty(), "{:?}", check.changes);
    assert!(check.unknown.is_empty());
    // Every field of the sample is on the form: the book the form says is the sample, key for key,
    // besides what was confirmed (`open_sample`), which the editor keeps in the book.
    assert_eq!(editor.book(&form).map(unconfirmed), Some(sample()));
}

#[test]
fn a_check_keeps_the_book_it_validated_for_the_previews_and_the_file_once_ready() {
    // The sample as opened: what is still the sample clinic's waits to be confirmed, so there is
    // no file to download yet, but the previews price from the book the check validated.
    let (mut editor, form) = Editor::open(&sample(), &sample());
    let check = editor.check(&form);
    let sample_book = PriceBook::from_value(&sample()).expect("the sample is valid");
    assert_eq!(check.valid, Some(sample_book));
    assert!(!check.ready);
    assert_eq!(check.file, None);
    for warning in check.warnings {
        editor.confirm(&form, &warning.path, &warning.message, true);
    }
    assert_eq!(editor.check(&form).file.map(unconfirmed), Some(sample()));
    // With a problem, neither.
    let mut form = form;
    typed(&mut form, "walking_boot.price_cents", "-165");
    let check = editor.check(&form);
    assert_eq!((check.valid, check.file), (None, None));
}

#[test]
fn three_mistakes_are_three_problems_at_once_each_at_its_control() {
    // The opened file has a misspelt key; then a price is typed negative and the NPI's last digit
    // is changed.
    let misspelt =
        DEFAULT_PRICE_BOOK_JSON.replacen("\"ultrasound_guidance\":", "\"ultrasound_guidence\":", 1);
    let (editor, mut form) = Editor::open(&Value::from_json(&misspelt).expect("JSON"), &sample());
    typed(&mut form, "walking_boot.price_cents", "-165");
    // 1234567893 has the right check digit; 1234567890 does not.
    typed(&mut form, "clinic.npi", "1234567890");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    let names: Vec<String> = problems(&check).into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        names,
        [
            "walking_boot.price_cents",
            "ultrasound_guidence",
            "clinic.npi"
        ],
        "{:?}",
        check.problems
    );
    assert_eq!(check.unknown.len(), 1);
    assert_eq!(check.unknown[0].suggestion, Some("ultrasound_guidance"));
    // The form keeps what was typed: nothing is lost to a problem.
    assert_eq!(text(at(&form, "walking_boot.price_cents")), "-165");
    assert!(!check.ready);
    assert_eq!(editor.book(&form), None);
}

#[test]
fn a_misspelt_entry_renamed_to_its_field_takes_its_values() {
    let misspelt =
        DEFAULT_PRICE_BOOK_JSON.replacen("\"ultrasound_guidance\":", "\"ultrasound_guidence\":", 1);
    let (mut editor, form) = Editor::open(&Value::from_json(&misspelt).expect("JSON"), &sample());
    // Before: the field is empty on the form, its values are in the stray entry.
    assert_eq!(text(at(&form, "ultrasound_guidance.price_cents")), "");
    let mut form = editor.rename(&form, "ultrasound_guidence", "ultrasound_guidance");
    typed(&mut form, "version", "2026.12");
    // 12500 cents is $125.00.
    assert_eq!(text(at(&form, "ultrasound_guidance.price_cents")), "125.00");
    assert_eq!(text(at(&form, "ultrasound_guidance.code")), "76942");
    let check = editor.check(&form);
    assert_eq!(problems(&check), []);
    assert!(check.unknown.is_empty());
}

#[test]
fn text_that_is_not_an_amount_is_one_problem_in_words_and_stays_on_the_form() {
    let (editor, mut form) = open_sample();
    typed(&mut form, "products.1.price_cents", "19x0");
    typed(&mut form, "discounts.prompt_pay.percent_off_bp", "5.125");
    typed(&mut form, "limits.max_injections", "three");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    let found = problems(&check);
    assert_eq!(found.len(), 3, "{found:?}");
    // Each a sentence in the price book's words: what it must be, then what it is.
    assert_eq!(
        found[0],
        (
            "limits.max_injections".to_owned(),
            "Must be a whole number, like 2; it is \"three\"".to_owned()
        )
    );
    assert_eq!(
        found[1],
        (
            "products.1.price_cents".to_owned(),
            "Must be an amount in dollars, like 1,200.00; it is \"19x0\"".to_owned()
        )
    );
    assert_eq!(
        found[2],
        (
            "discounts.prompt_pay.percent_off_bp".to_owned(),
            "Must have at most two decimals, like 7.25; it is \"5.125\"".to_owned()
        )
    );
    assert_eq!(text(at(&form, "products.1.price_cents")), "19x0");
}

#[test]
fn changes_list_old_and_new_prices_and_ask_for_a_new_version() {
    let (editor, mut form) = open_sample();
    typed(&mut form, "walking_boot.price_cents", "170");
    // Typed differently, the same amount: no change.
    typed(&mut form, "products.0.price_cents", "$1200");
    let check = editor.check(&form);
    assert_eq!(check.changes.len(), 1, "{:?}", check.changes);
    let change = &check.changes[0];
    assert_eq!(
        (change.item.as_str(), change.field.as_str()),
        ("Walking boot", "Price")
    );
    assert_eq!(
        (change.old.as_str(), change.new.as_str()),
        ("$165.00", "$170.00")
    );
    // Changed prices under the opened version: the Save step asks for a new one. The book itself
    // has no problem, so the preview shows it.
    assert_eq!(problems(&check), []);
    assert_eq!(check.save.len(), 1);
    assert_eq!(check.save[0].name.as_deref(), Some("version"));
    assert_eq!(
        check.save[0].reason,
        "Give the changed prices a new version: the book you opened is also \"2026.11-sample\""
    );
    assert!(!check.ready);
    typed(&mut form, "version", "2026.12");
    typed(&mut form, "effective_date", "2026-12-01");
    let check = editor.check(&form);
    assert_eq!(problems(&check), []);
    assert!(check.ready);
    assert!(check.save.is_empty());
    // The version is inside the book, not in the file's name: the site's lines name one file.
    assert_eq!(check.file_name, "price-book.json");
    let book = PriceBook::from_value(&editor.book(&form).expect("ready")).expect("valid");
    // $170 is 17000 cents.
    assert_eq!(book.document().walking_boot.price_cents.get(), 17_000);
    typed(&mut form, "version", "2027.01");
    assert_eq!(editor.check(&form).file_name, "price-book.json");
}

#[test]
fn the_code_for_a_website_holds_the_book_and_no_text_of_it_can_end_its_script() {
    let (editor, mut form) = open_sample();
    // A clinic name that would close the script element, a note that would open a comment that
    // hides its end, and an ampersand a page editor could decode.
    typed(
        &mut form,
        "clinic.name",
        "Hill </script><script>alert(1)</script> & Dale",
    );
    typed(
        &mut form,
        "disclaimers.estimate_only.en",
        "Prices <!-- <script> change.",
    );
    typed(&mut form, "version", "2026.12");
    typed(&mut form, "effective_date", "2026-12-01");
    let book = editor.book(&form).expect("ready");
    let code = publish::embed_code(&book, "https://clinic.example/estimator/");
    let (script_line, rest) = code.split_once('\n').expect("two lines");
    assert_eq!(
        script_line,
        r#"<script type="module" src="https://clinic.example/estimator/estimator.js"></script>"#
    );
    let data = rest
        .strip_prefix(r#"<amnion-estimator><script type="application/json">"#)
        .and_then(|rest| rest.strip_suffix("</p></amnion-estimator>\n"))
        .and_then(|rest| rest.split_once("</script><p>"))
        .expect("the element with the book inside, then the paragraph shown until it starts");
    let (data, waiting) = data;
    // The clinic's name as text, escaped: the page shows it, and runs nothing of it.
    assert_eq!(
        waiting,
        "The cost estimate is loading. If it does not appear, call Hill &lt;/script&gt;&lt;script&gt;\
         alert(1)&lt;/script&gt; &amp; Dale at (512) 555-0100 for a price."
    );
    // Nothing between the element's tags that HTML reads as markup: no `<`, `>` or `&` at all.
    assert!(!data.contains(['<', '>', '&']), "{data}");
    assert!(data.contains(
        r"Hill \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 Dale"
    ));
    assert!(data.contains(r"Prices \u003c!-- \u003cscript\u003e change."));
    // JSON reads it back as the very book, the names with their characters, less the warnings
    // confirmed, which only the editor reads.
    assert_eq!(
        Value::from_json(data).expect("JSON"),
        unconfirmed(book.clone())
    );
    let read = PriceBook::from_value(&Value::from_json(data).expect("JSON")).expect("valid");
    assert_eq!(
        read.document().clinic.name,
        "Hill </script><script>alert(1)</script> & Dale"
    );
}

#[test]
fn a_condition_added_is_checked_then_priced() {
    let (editor, form) = open_sample();
    let (mut form, item, first) = editor.add(&form, "conditions");
    // The sample has five conditions, 0 to 4: the new one is the sixth, conditions.5.
    assert_eq!(item.as_deref(), Some("conditions.5"));
    assert_eq!(first.as_deref(), Some("conditions.5.id"));
    let check = editor.check(&form);
    // An empty condition: each empty field it needs is a problem at its own control.
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.name.as_deref() == Some("conditions.5.id")),
        "{:?}",
        check.problems
    );
    assert!(
        check
            .problems
            .iter()
            .any(|p| p.name.as_deref() == Some("conditions.5.label.en")),
        "{:?}",
        check.problems
    );
    for (name, value) in [
        ("conditions.5.id", "heel_spur"),
        ("conditions.5.label.en", "Heel spur"),
        ("conditions.5.icd10.left", "M77.32"),
        ("conditions.5.icd10.right", "M77.31"),
        ("conditions.5.procedure_code", "20550"),
        ("conditions.5.typical_injections.min", "1"),
        ("conditions.5.typical_injections.max", "2"),
        ("conditions.5.typical_pt_sessions.min", "6"),
        ("conditions.5.typical_pt_sessions.max", "10"),
        ("version", "2026.12"),
    ] {
        typed(&mut form, name, value);
    }
    let check = editor.check(&form);
    assert_eq!(problems(&check), []);
    assert!(
        check
            .changes
            .iter()
            .any(|c| c.field == "Added" && c.new == "Heel spur"),
        "{:?}",
        check.changes
    );
    let book = PriceBook::from_value(&editor.book(&form).expect("ready")).expect("valid");
    assert_eq!(book.document().conditions.len(), 6);
    assert!(book.condition("heel_spur").is_some());
}

#[test]
fn a_day_the_clinic_is_closed_is_added_on_the_form_and_checked_as_a_date() {
    let (editor, mut form) = open_sample();
    // The page's form has no entry for a list with no item (it has no control): as read, none.
    if let Value::Object(entries) = &mut form {
        for (key, clinic) in entries.iter_mut() {
            if let (Value::Object(fields), "clinic") = (clinic, key.as_str()) {
                fields.retain(|(key, _)| key != "closed_dates");
            }
        }
    }
    let (mut form, item, first) = editor.add(&form, "clinic.closed_dates");
    assert_eq!(item.as_deref(), Some("clinic.closed_dates.0"));
    assert_eq!(first.as_deref(), Some("clinic.closed_dates.0.date"));
    typed(&mut form, "clinic.closed_dates.0.date", "2026-11-31");
    let check = editor.check(&form);
    assert_eq!(
        problems(&check)
            .iter()
            .filter(|(name, _)| name == "clinic.closed_dates.0.date")
            .count(),
        1,
        "November has 30 days: {:?}",
        problems(&check)
    );
    typed(&mut form, "clinic.closed_dates.0.date", "2026-11-27");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    assert_eq!(problems(&check), []);
    let book = PriceBook::from_value(&editor.book(&form).expect("ready")).expect("valid");
    assert_eq!(book.document().clinic.closed_dates[0].date, "2026-11-27");
}

#[test]
fn items_move_and_go() {
    let (editor, form) = open_sample();
    let (form, moved) = editor.move_item(&form, "products.1", true);
    assert_eq!(moved, "products.0");
    assert_eq!(text(at(&form, "products.0.id")), "amnion_2ml");
    // The first item cannot go further up.
    let (same, stays) = editor.move_item(&form, "products.0", true);
    assert_eq!((stays.as_str(), &same), ("products.0", &form));
    let (form, _) = editor.remove(&form, "extras.1");
    assert_eq!(text(at(&form, "extras.1.id")), "foot_xray");
    let mut form = form;
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    let fields: Vec<&str> = check.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["Version", "Order", "Removed"],
        "{:?}",
        check.changes
    );
}

#[test]
fn a_csv_brought_in_changes_nothing_until_applied_then_types_the_prices_in_dollars() {
    let (mut editor, form) = Editor::open(&sample(), &sample());
    let csv = editor.export_csv(&form);
    // The walking boot's row, $165.00, made $170.00.
    let boot = csv
        .lines()
        .find(|line| line.contains("L4361"))
        .expect("the boot's row")
        .to_owned();
    let changed = csv.replacen(&boot, &boot.replacen("165.00", "170.00", 1), 1);
    let import = editor.import_csv(&form, &changed);
    assert_eq!(import.changes.len(), 1, "{:?}", import);
    assert_eq!(import.changes[0].new.get(), 17_000);
    // Nothing changed yet.
    assert_eq!(text(at(&form, "walking_boot.price_cents")), "165.00");
    let (form, _) = editor.apply_csv(&form);
    assert_eq!(text(at(&form, "walking_boot.price_cents")), "170.00");
    let check = editor.check(&form);
    assert_eq!(check.changes.len(), 1);
    assert_eq!(
        (check.changes[0].old.as_str(), check.changes[0].new.as_str()),
        ("$165.00", "$170.00")
    );
}

#[test]
fn a_price_that_looks_typed_in_cents_is_a_warning_to_confirm_before_download() {
    let (mut editor, mut form) = open_sample();
    // "11" for the 1 mL vial: $11.00, under the $50 a product is expected to cost at least.
    typed(&mut form, "products.0.price_cents", "11");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    assert_eq!(problems(&check), []);
    // The one warning not confirmed (the sample clinic's details were, in `open_sample`).
    let open: Vec<_> = check.warnings.iter().filter(|w| !w.confirmed).collect();
    assert_eq!(open.len(), 1, "{:?}", check.warnings);
    let warning = open[0];
    assert_eq!(warning.name.as_deref(), Some("products.0.price_cents"));
    assert!(warning.message.contains("$11.00"), "{}", warning.message);
    assert!(!check.ready, "an unconfirmed warning stops the download");
    editor.confirm(&form, &warning.path, &warning.message, true);
    assert!(editor.check(&form).ready);
    // A different price is a different warning: asked again.
    typed(&mut form, "products.0.price_cents", "12");
    assert!(!editor.check(&form).ready);
}

#[test]
fn what_is_still_the_sample_is_a_warning_each() {
    let (mut editor, mut form) = Editor::open(&sample(), &sample());
    let check = editor.check(&form);
    let paths: Vec<&str> = check.warnings.iter().map(|w| w.path.as_str()).collect();
    // In the book's order: the mark, the clinic's details (its address's street and ZIP), each of the
    // sample's 2 partner practices, the lender's note, and each of the sample lender's 8 plans.
    assert_eq!(
        paths,
        [
            "sample_data",
            "clinic.name",
            "clinic.phone",
            "clinic.email",
            "clinic.address.street",
            "clinic.address.zip",
            "clinic.npi",
            "clinic.tin",
            "therapy_partners[0]",
            "therapy_partners[1]",
            "financing.disclaimer",
            "financing.plans[0]",
            "financing.plans[1]",
            "financing.plans[2]",
            "financing.plans[3]",
            "financing.plans[4]",
            "financing.plans[5]",
            "financing.plans[6]",
            "financing.plans[7]",
        ]
    );
    assert!(!check.ready);
    // The clinic's own name, the sample mark unticked, and the first plan's term changed (6 to 9
    // months: the clinic's lender's own plan now): those three go; the other 16 stay, and the
    // changed plan is warned about at each value still the sample plan's: its name in English
    // and in Spanish (which still say 6 months), its minimum purchase and payment: 16 + 4 = 20.
    typed(&mut form, "clinic.name", "Hillside Foot & Ankle");
    set_flag(&mut form, "sample_data", false);
    typed(&mut form, "financing.plans.0.months", "9");
    let check = editor.check(&form);
    assert_eq!(check.warnings.len(), 20, "{:?}", check.warnings);
    let plan: Vec<&str> = check
        .warnings
        .iter()
        .map(|w| w.path.as_str())
        .filter(|path| path.starts_with("financing.plans[0]"))
        .collect();
    assert_eq!(
        plan,
        [
            "financing.plans[0].label",
            "financing.plans[0].label.es",
            "financing.plans[0].min_purchase_cents",
            "financing.plans[0].min_payment_cents",
        ]
    );
    assert_eq!(
        check.warnings[0].message,
        "Still the sample clinic's: put the clinic's own here"
    );
    let plan = check
        .warnings
        .iter()
        .find(|w| w.path == "financing.plans[1]")
        .expect("the second plan");
    assert_eq!(
        plan.message,
        "Still one of the sample lender's plans: put your lender's terms, or remove it"
    );
    assert!(check
        .warnings
        .iter()
        .all(|w| w.path != "financing.plans[0]"));
    // A TIN typed as it is printed, 98-7654321, is the book's 987654321: no longer the sample's.
    typed(&mut form, "clinic.tin", "98-7654321");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    assert!(check.warnings.iter().all(|w| w.path != "clinic.tin"));
    for warning in &check.warnings {
        editor.confirm(&form, &warning.path, &warning.message, true);
    }
    let book = PriceBook::from_value(&editor.book(&form).expect("ready")).expect("valid");
    assert_eq!(book.document().clinic.tin, "987654321");
    assert!(!book.document().sample_data);
}

#[test]
fn a_discount_renamed_with_the_old_percent_is_a_warning() {
    let (editor, mut form) = open_sample();
    // The sample's multi-injection discount is 15 % and says so in its name; at 10 % the name
    // still says 15 %.
    typed(&mut form, "discounts.multi_injection.percent_off_bp", "10");
    typed(&mut form, "version", "2026.12");
    let check = editor.check(&form);
    let warning = check
        .warnings
        .iter()
        .find(|w| !w.confirmed)
        .expect("a warning");
    assert_eq!(warning.path, "discounts.multi_injection.label");
    assert_eq!(
        warning.name.as_deref(),
        Some("discounts.multi_injection.label.en")
    );
    assert_eq!(
        warning.message,
        "Says 15%, but the discount is 10%: change the name to match"
    );
}

/// Ticks or unticks the box `name`.
fn set_flag(form: &mut Value, name: &str, on: bool) {
    let Value::Object(entries) = form else {
        panic!("a form")
    };
    entries
        .iter_mut()
        .find(|(k, _)| k == name)
        .expect("a field")
        .1 = Value::Bool(on);
}

#[test]
fn a_tin_is_taken_as_printed_and_refused_in_the_forms_terms() {
    let (editor, mut form) = open_sample();
    typed(&mut form, "version", "2026.12");
    // Eight digits with the dash: refused once, in the form's words (which take a dash), not the
    // book's "no dash or space".
    typed(&mut form, "clinic.tin", "98-765432");
    assert_eq!(
        problems(&editor.check(&form)),
        [(
            "clinic.tin".to_owned(),
            "Must be 9 digits, like 12-3456789; it is \"98-765432\"".to_owned()
        )]
    );
    // Nine digits without the dash are the book's as they are.
    typed(&mut form, "clinic.tin", "987654321");
    assert_eq!(problems(&editor.check(&form)), []);
}

#[test]
fn a_file_that_is_not_a_price_book_is_said_to_be_one_not_opened() {
    use amnion_estimator::editor::not_a_price_book;
    let other = Value::from_json(r#"{ "name": "shopping", "items": [1, 2] }"#).expect("JSON");
    assert_eq!(
        not_a_price_book(&other).as_deref(),
        Some("it is not a price book: it has none of a price book's parts (the clinic, the conditions, the products and their prices)")
    );
    let list = Value::from_json("[1, 2]").expect("JSON");
    assert!(not_a_price_book(&list).is_some_and(|why| why.contains("group of fields")));
    let quote = Value::from_json(r#"{ "format": "amnion-estimator/quote/2", "price_book": {} }"#)
        .expect("JSON");
    assert_eq!(
        not_a_price_book(&quote).as_deref(),
        Some("it is a saved quote, not a price book: open it on the staff page")
    );
    // A book with mistakes, even most of its parts missing, still opens: two parts are enough.
    let thin = Value::from_json(r#"{ "version": "x", "clinic": {} }"#).expect("JSON");
    assert_eq!(not_a_price_book(&thin), None);
    assert_eq!(not_a_price_book(&sample()), None);
}

#[test]
fn a_list_with_every_item_removed_is_an_empty_list_not_a_missing_field() {
    let (editor, form) = open_sample();
    // The page's form reads back no `products` at all once both are removed: no control is left.
    let (form, _) = editor.remove(&form, "products.1");
    let (form, _) = editor.remove(&form, "products.0");
    let Value::Object(mut entries) = form else {
        panic!("a form")
    };
    entries.retain(|(key, _)| key != "products");
    let check = editor.check(&Value::Object(entries));
    let found: Vec<(String, String)> = check
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.reason.clone()))
        .collect();
    assert!(
        found.contains(&(
            "products".to_owned(),
            // No control is left to hold it: named by the part it is about.
            "Products (the amniotic tissue): must list at least one product".to_owned()
        )),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, reason)| !reason.contains("missing")),
        "{found:?}"
    );
}

/// The form as the page reads it back: a list with no item has no control, so no key.
fn without_empty_lists(form: &Value) -> Value {
    match form {
        Value::Object(entries) => Value::Object(
            entries
                .iter()
                .filter(|(_, value)| !matches!(value, Value::Array(items) if items.is_empty()))
                .map(|(key, value)| (key.clone(), without_empty_lists(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_empty_lists).collect()),
        other => other.clone(),
    }
}

#[test]
fn the_sample_as_the_page_reads_it_back_has_no_problem() {
    // The sample's multi-injection discount is a percent off: its `packages` list (the other kind's)
    // has no item, so the page's form has no `packages` at all, and the book must not get one.
    let (editor, form) = open_sample();
    let read_back = without_empty_lists(&form);
    assert_eq!(problems(&editor.check(&read_back)), []);
    assert_eq!(editor.book(&read_back).map(unconfirmed), Some(sample()));
}

#[test]
fn a_removed_item_comes_back_at_its_place_with_what_was_typed_since() {
    let (editor, form) = open_sample();
    let label = |form: &Value, index: usize| match form {
        Value::Object(entries) => entries
            .iter()
            .find(|(key, _)| key == "conditions")
            .and_then(|(_, list)| match list {
                Value::Array(items) => items.get(index).cloned(),
                _ => None,
            }),
        _ => None,
    };
    let second = label(&form, 1).expect("the sample has a second condition");
    let third = label(&form, 2).expect("and a third");
    let (after, removed) = editor.remove(&form, "conditions.1");
    let removed = removed.expect("conditions.1 is an item");
    assert_eq!((removed.list.as_str(), removed.index), ("conditions", 1));
    assert_eq!(label(&after, 1), Some(third), "the next condition moves up");
    // Something typed elsewhere after the removal stays when the item comes back.
    let Value::Object(mut entries) = after else {
        panic!("a form")
    };
    for (key, value) in &mut entries {
        if key == "version" {
            *value = Value::String("2027.01".into());
        }
    }
    let (back, focus) = editor.restore(&Value::Object(entries), removed);
    assert_eq!(focus.as_deref(), Some("conditions.1"));
    assert_eq!(label(&back, 1), Some(second), "back at its place");
    let Value::Object(entries) = &back else {
        panic!("a form")
    };
    assert!(entries
        .iter()
        .any(|(key, value)| key == "version" && *value == Value::String("2027.01".into())));
    // Removing what is not an item removes nothing and gives nothing to undo.
    let (same, none) = editor.remove(&form, "conditions.99");
    assert_eq!((same, none), (form, None));
}

#[test]
fn every_item_of_a_list_removed_comes_back_into_the_list() {
    let (editor, form) = open_sample();
    let (form, first) = editor.remove(&form, "products.1");
    let (form, second) = editor.remove(&form, "products.0");
    // As the page reads it back: no control is left for an emptied list, so no `products`.
    let Value::Object(mut entries) = form else {
        panic!("a form")
    };
    entries.retain(|(key, _)| key != "products");
    let (form, focus) = editor.restore(&Value::Object(entries), second.expect("an item"));
    assert_eq!(focus.as_deref(), Some("products.0"));
    let (form, focus) = editor.restore(&form, first.expect("an item"));
    assert_eq!(focus.as_deref(), Some("products.1"));
    assert!(editor.check(&form).problems.is_empty(), "the sample again");
}

#[test]
fn a_spreadsheet_or_a_file_that_is_not_text_is_said_to_be_one_before_it_is_read() {
    use amnion_estimator::editor::not_a_price_book_text;
    let csv = "\u{feff}item,code,description,cash price,allowed amount\r\nwalking_boot,L4361,Boot,170.00,\r\n";
    assert!(not_a_price_book_text(csv).is_some_and(|reason| reason.contains("spreadsheet (CSV)")));
    // Another spreadsheet is said to be one too, not read as broken JSON.
    assert!(not_a_price_book_text("name,phone\nAna,555\n")
        .is_some_and(|reason| reason.contains("it looks like a spreadsheet")));
    // A damaged book is left to the JSON reader, which says where it broke.
    assert_eq!(not_a_price_book_text("{ \"version\": \"x\",, }"), None);
    assert!(not_a_price_book_text("\u{fffd}PNG\r\n")
        .is_some_and(|reason| reason.contains("not a text file")));
    let sample = std::fs::read_to_string("src/price_book/default.json").expect("the sample");
    assert_eq!(not_a_price_book_text(&sample), None);
}

#[test]
fn a_warning_about_a_whole_item_names_the_item_and_no_warning_or_problem_carries_a_file_path() {
    let (editor, form) = Editor::open(&sample(), &sample());
    let check = editor.check(&form);
    let find = |path: &str| {
        check
            .warnings
            .iter()
            .find(|w| w.path == path)
            .unwrap_or_else(|| panic!("no warning at {path}: {:?}", check.warnings))
    };
    // A sample partner practice is warned about as the item: its first control takes the cursor.
    let partner = find("therapy_partners[0]");
    assert_eq!(partner.of.as_deref(), Some("therapy_partners.0"));
    assert_eq!(partner.name.as_deref(), Some("therapy_partners.0.id"));
    // The clinic's name is a field of its own: named by its control alone.
    let name = find("clinic.name");
    assert_eq!(name.of, None);
    assert_eq!(name.name.as_deref(), Some("clinic.name"));
    // What the page gets says the field by its form name, never where it is in the file.
    let page = serde_json::to_string(&check.warnings).expect("JSON");
    assert!(!page.contains("in the file"), "{page}");
    let mut broken = form.clone();
    typed(&mut broken, "clinic.name", "");
    let page = serde_json::to_string(&editor.check(&broken).problems).expect("JSON");
    assert!(!page.contains("in the file"), "{page}");
}

#[test]
fn the_sample_good_faith_estimate_prices_under_the_sample_book() {
    // The editor's preview: one injection of the first product (a 1 mL vial, $1,200.00) for
    // plantar fasciitis, with its administration ($150.00) and guidance ($125.00): 1,475.00, less
    // the 5 % prompt-pay discount the sample's `expected_charges: "included"` puts in the charges
    // (73.75): 1,401.25. A new quote must say so, or the preview would have nothing to show.
    let book = PriceBook::embedded_default().expect("valid");
    let quote = amnion_estimator::editor::sample_quote(&book).expect("the sample quotes");
    assert_eq!(quote.breakdown.patient_total.formatted, "$1,401.25");
}

#[test]
fn a_confirmation_is_kept_in_the_book_for_its_value_and_asked_again_for_another() {
    // The office manager's walk-through: the clinic's NPI really is the sample's, 1234567893.
    // Confirmed once, downloaded, opened next month: not asked again. The boot at $1,000,000.00
    // (typed 1000000) confirmed too; then typed 900000 next month: asked again.
    let (mut editor, mut form) = Editor::open(&sample(), &sample());
    typed(&mut form, "walking_boot.price_cents", "1000000");
    typed(&mut form, "version", "2026.12");
    for warning in editor.check(&form).warnings {
        editor.confirm(&form, &warning.path, &warning.message, true);
    }
    let file = editor.book(&form).expect("every warning confirmed");
    // The code for a page leaves them out: only the editor reads them, from the file.
    let code = publish::embed_code(&file, "/estimator/");
    assert!(
        code.contains("1234567893") && !code.contains("confirmed"),
        "{code}"
    );
    let Value::Object(entries) = &file else {
        panic!("a book is an object")
    };
    let confirmed = &entries.last().expect("entries").1;
    assert_eq!(
        entries.last().map(|(key, _)| key.as_str()),
        Some("confirmed")
    );
    let Value::Array(confirmed) = confirmed else {
        panic!("a list")
    };
    let entry = |field: &str| {
        confirmed
            .iter()
            .find(|entry| at(entry, "field") == &Value::String(field.to_owned()))
            .map(|entry| {
                (
                    text(at(entry, "value")).to_owned(),
                    text(at(entry, "warning")).to_owned(),
                )
            })
    };
    // The value as the file writes it: the NPI a JSON string, the boot's price in cents
    // ($1,000,000.00 = 100,000,000 cents).
    assert_eq!(
        entry("clinic.npi"),
        Some((
            "\"1234567893\"".to_owned(),
            "Still the sample clinic's: put the clinic's own here".to_owned()
        ))
    );
    assert_eq!(
        entry("walking_boot.price_cents").map(|(value, _)| value),
        Some("100000000".to_owned())
    );
    // The book with its confirmations is a valid book.
    assert!(PriceBook::from_value(&file).is_ok());

    // Next month: the downloaded book opened. Nothing is asked again.
    let (mut next, mut form) = Editor::open(&file, &sample());
    let check = next.check(&form);
    assert!(!check.warnings.is_empty());
    assert!(
        check.warnings.iter().all(|w| w.confirmed),
        "{:?}",
        check.warnings
    );
    assert!(
        check.changes.is_empty(),
        "the confirmations are not a change of the form"
    );
    // The boot's price changed: its warning is asked again; the NPI stays confirmed.
    typed(&mut form, "walking_boot.price_cents", "900000");
    let check = next.check(&form);
    let open: Vec<&str> = check
        .warnings
        .iter()
        .filter(|w| !w.confirmed)
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(open, ["walking_boot.price_cents"]);
    assert!(!check.ready);
    // Unticked: asked again too.
    let npi = check
        .warnings
        .iter()
        .find(|w| w.path == "clinic.npi")
        .expect("the NPI");
    next.confirm(&form, &npi.path, &npi.message, false);
    assert!(next
        .check(&form)
        .warnings
        .iter()
        .any(|w| w.path == "clinic.npi" && !w.confirmed));
}

#[test]
fn a_confirmation_of_another_value_or_a_stale_one_is_not_taken_and_not_kept() {
    // A book whose confirmation is of another NPI than the one it has (the sample's): the NPI is
    // asked about, the entry not taken for it; once confirmed, the download keeps the NPI it has,
    // and no entry for the other.
    let mut book = sample();
    let Value::Object(entries) = &mut book else {
        panic!("a book is an object")
    };
    entries.push((
        "confirmed".to_owned(),
        Value::from_json(
            r#"[{ "field": "clinic.npi", "value": "\"1993999998\"", "warning": "Still the sample clinic's: put the clinic's own here" }]"#,
        )
        .expect("JSON"),
    ));
    let (mut editor, mut form) = Editor::open(&book, &sample());
    let npi = editor
        .check(&form)
        .warnings
        .into_iter()
        .find(|w| w.path == "clinic.npi")
        .expect("the sample's NPI is warned about");
    assert!(
        !npi.confirmed,
        "confirmed for 1993999998, not for 1234567893"
    );
    typed(&mut form, "version", "2026.12");
    for warning in editor.check(&form).warnings {
        editor.confirm(&form, &warning.path, &warning.message, true);
    }
    let file = format!("{:?}", editor.book(&form).expect("ready"));
    assert!(file.contains(r#"String("\"1234567893\"")"#), "{file}");
    assert!(!file.contains("1993999998"), "{file}");
}
