//! The bill checked against the estimate (`quote::check_bill`), through the public API. Every
//! expected amount and date is worked out by hand in the comments, from the estimates of
//! `tests/quotes.rs` (the sample book's prices are in `tests/cases/mod.rs`) or from a book whose
//! only price is the one the test sets.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::language::Language;
use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{
    check_bill, check_bill_in, check_bill_on, check_bill_on_in, check_saved_bill,
    check_saved_bill_on, check_saved_bill_on_in, quote, register, Bill, BillCheck, ProviderCheck,
    Quote,
};
use amnion_estimator::read::Value;
use sample_book::{book, priced, request, sample};

/// The sample clinic's NPI, and the typed-in therapy practice's of [`two_providers`].
const CLINIC: &str = "1234567893";
const RIVERSIDE: &str = "1234567802";

/// One injection for plantar fasciitis with a consultation and a boot, as in `tests/quotes.rs`:
/// the clinic's items after the 5 % prompt-pay discount are 99204 $237.50, Q4139 $1,140.00,
/// 20550 $142.50, 76942 $118.75, L4361 $156.75; total $1,795.50. Issued 2026-11-21.
fn one_provider() -> Quote {
    priced(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#,
    )
}

/// Two injections for Achilles tendinopathy, six therapy sessions in cash at Riverside, as in
/// `tests/quotes.rs`: the clinic's Q4139 ×2 $2,109.00, 20551 ×2 $281.20, 76942 ×2 $219.69, total
/// $2,609.89; Riverside's 97162 $160.00 and 97110 ×6 $570.00, total $730.00.
fn two_providers() -> Quote {
    let treatment = r#""answers": { "condition": "achilles_tendinopathy", "injections": "2",
                        "physical_therapy": { "coverage": "cash", "sessions": "6" } },
           "therapy_elsewhere": true,
           "therapy_provider": { "name": "Riverside Physical Therapy", "npi": "1234567802", "tin": "987654321",
                                 "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
                                 "evaluation_price": "160", "session_price": "95" }"#;
    quote(&book(), &request(treatment)).expect("valid")
}

/// A bill as the staff page sends it.
fn bill(json: &str) -> Bill {
    let value: serde_json::Value = serde_json::from_str(json).expect("well-formed bill");
    Bill::from_value(&Value::from_json(&value.to_string()).expect("JSON")).expect("a bill")
}

/// A bill from the clinic alone, dated `billed_on`, for the total `total`.
fn clinic_bill(billed_on: &str, total: &str) -> Bill {
    bill(&format!(
        r#"{{ "billed_on": "{billed_on}", "providers": [{{ "npi": "{CLINIC}", "total": "{total}" }}] }}"#
    ))
}

fn checked(quote: &Quote, json: &str) -> BillCheck {
    check_bill(quote, &book(), &bill(json)).unwrap_or_else(|e| panic!("{e}"))
}

/// The bill's problems, as `path: reason` lines.
fn refused(quote: &Quote, book: &PriceBook, json: &str) -> Vec<String> {
    match check_bill(quote, book, &bill(json)) {
        Ok(check) => panic!("not refused: {check:?}"),
        Err(error) => error.fields().iter().map(|f| f.to_string()).collect(),
    }
}

fn cents(provider: &ProviderCheck) -> (i64, i64, i64) {
    (
        provider.estimate_total.cents.get(),
        provider.billed_total.cents.get(),
        provider.difference.cents.get(),
    )
}

#[test]
fn a_bill_less_than_400_above_gives_no_dispute_right() {
    let check = checked(
        &one_provider(),
        &format!(
            r#"{{ "billed_on": "2026-12-15", "providers": [{{ "npi": "{CLINIC}", "total": "2,195.49" }}] }}"#
        ),
    );
    let clinic = &check.providers[0];
    // 2,195.49 − 1,795.50 = 399.99: a cent short of the $400.00 threshold.
    assert_eq!(cents(clinic), (179_550, 219_549, 39_999));
    assert!(!clinic.substantially_in_excess);
    assert_eq!(clinic.dispute_until, None);
    assert!(!clinic.itemized);
    assert_eq!(
        clinic.findings,
        [
            "Billed $2,195.49: $399.99 more than the estimate of $1,795.50.",
            "Billed as a total: no item is compared.",
            "That is less than $400.00 above the estimate: not grounds for a patient-provider dispute.",
        ]
    );
    assert_eq!(check.billed_on, "Bill dated December 15, 2026.");
    assert!(check.title.starts_with("The bill checked against GFE-"));
    assert_eq!(
        check.running_head,
        format!(
            "Ana Ruiz · Date of birth March 4, 1970 · Quote {}",
            check.quote_number
        )
    );
}

#[test]
fn a_bill_400_or_more_above_gives_the_dispute_date_and_what_to_do_first() {
    let check = checked(
        &one_provider(),
        &format!(
            r#"{{ "billed_on": "2026-12-15", "providers": [{{ "npi": "{CLINIC}", "total": "2195.50" }}] }}"#
        ),
    );
    let clinic = &check.providers[0];
    // 2,195.50 − 1,795.50 = 400.00: "at least $400 more" is substantially in excess.
    assert_eq!(cents(clinic), (179_550, 219_550, 40_000));
    assert!(clinic.substantially_in_excess);
    // 2026-12-15 + 120 days: 16 left in December, 31 in January (47), 28 in February (75), 31 in
    // March (106), then 14 of April (120): April 14, 2027.
    assert_eq!(clinic.dispute_until.as_deref(), Some("2027-04-14"));
    assert_eq!(
        clinic.findings[2],
        "That is $400.00 or more above the estimate (45 CFR 149.620: substantially in excess), so \
         the patient may start a patient-provider dispute until April 14, 2027. First, Sample Foot \
         & Ankle Clinic can adjust the bill to the estimate of $1,795.50."
    );
    assert_eq!(
        check.notes,
        [
            "A dispute date is 120 calendar days from the date on the bill (December 15, 2026); a \
          patient who received the bill later may have longer."
        ]
    );
}

#[test]
fn two_providers_where_only_one_is_400_over() {
    let check = checked(
        &two_providers(),
        &format!(
            r#"{{ "billed_on": "2027-01-04", "providers": [
                {{ "npi": "{CLINIC}", "items": [
                    {{ "code": "Q4139", "units": "2", "amount": "2509.00" }},
                    {{ "code": "20551", "units": "2", "amount": "281.20" }},
                    {{ "code": "76942", "units": "2", "amount": "219.69" }} ] }},
                {{ "npi": "{RIVERSIDE}", "total": "1129.99" }} ] }}"#
        ),
    );
    let [clinic, riverside] = &check.providers[..] else {
        panic!("two providers: {check:?}")
    };
    // Clinic: 2,509.00 + 281.20 + 219.69 = 3,009.89; − 2,609.89 = 400.00: over.
    assert_eq!(cents(clinic), (260_989, 300_989, 40_000));
    assert!(clinic.substantially_in_excess);
    // Q4139 billed $400.00 more than the estimate's $2,109.00, same 2 units: the one difference.
    assert_eq!(clinic.differing.len(), 1);
    assert_eq!(
        (
            clinic.differing[0].code.as_str(),
            clinic.differing[0].estimate_amount.cents.get()
        ),
        ("Q4139", 210_900)
    );
    assert_eq!(
        clinic.findings[1],
        "Q4139: billed 2 units for $2,509.00; the estimate has 2 units for $2,109.00."
    );
    // Riverside: 1,129.99 − 730.00 = 399.99: under, each provider on its own.
    assert_eq!(cents(riverside), (73_000, 112_999, 39_999));
    assert!(!riverside.substantially_in_excess);
    // 2027-01-04 + 120: 27 left in January, 28 in February (55), 31 in March (86), 30 in April
    // (116), then 4 of May: May 4, 2027.
    assert_eq!(clinic.dispute_until.as_deref(), Some("2027-05-04"));
    assert_eq!(riverside.dispute_until, None);
}

#[test]
fn a_code_billed_that_the_estimate_did_not_list() {
    let check = checked(
        &one_provider(),
        &format!(
            r#"{{ "billed_on": "2026-12-01", "providers": [{{ "npi": "{CLINIC}", "items": [
                {{ "code": "99204", "units": "1", "amount": "237.50" }},
                {{ "code": "Q4139", "units": "1", "amount": "1140" }},
                {{ "code": "20550", "units": "1", "amount": "142.50" }},
                {{ "code": "76942", "units": "1", "amount": "118.75" }},
                {{ "code": "L4361", "units": "1", "amount": "156.75" }},
                {{ "code": "99213", "units": "1", "amount": "150" }},
                {{ "code": "", "units": "", "amount": "" }} ] }}] }}"#
        ),
    );
    let clinic = &check.providers[0];
    // The estimate's 1,795.50 plus 150.00 for 99213 = 1,945.50; the blank row is skipped.
    assert_eq!(cents(clinic), (179_550, 194_550, 15_000));
    assert!(clinic.itemized);
    assert_eq!(clinic.not_on_estimate.len(), 1);
    assert_eq!(clinic.not_on_estimate[0].code, "99213");
    assert!(clinic.differing.is_empty() && clinic.not_billed.is_empty());
    assert_eq!(
        clinic.findings[1],
        "99213: billed 1 unit for $150.00, and not on the estimate."
    );
}

#[test]
fn units_that_differ_and_a_code_not_billed() {
    let check = checked(
        &one_provider(),
        &format!(
            r#"{{ "billed_on": "2026-12-01", "providers": [{{ "npi": "{CLINIC}", "total": "1,676.25", "items": [
                {{ "code": "99204", "units": "1", "amount": "237.50" }},
                {{ "code": "q4139", "units": "1", "amount": "1140.00" }},
                {{ "code": "76942", "units": "2", "amount": "237.50" }},
                {{ "code": "L4361", "units": "1", "amount": "61.25" }} ] }}] }}"#
        ),
    );
    let clinic = &check.providers[0];
    // 237.50 + 1,140.00 + 237.50 + 61.25 = 1,676.25 (the total entered agrees); − 1,795.50 =
    // −119.25: below the estimate.
    assert_eq!(cents(clinic), (179_550, 167_625, -11_925));
    assert!(!clinic.substantially_in_excess);
    // 76942: 2 units for 237.50 against 1 for 118.75; L4361: same unit, 61.25 against 156.75.
    let differing: Vec<(&str, u32, u32)> = clinic
        .differing
        .iter()
        .map(|i| (i.code.as_str(), i.estimate_units, i.billed_units))
        .collect();
    assert_eq!(differing, [("76942", 1, 2), ("L4361", 1, 1)]);
    // 20550 (the injection itself, 142.50) was not billed; q4139 is Q4139.
    assert_eq!(clinic.not_billed.len(), 1);
    assert_eq!(clinic.not_billed[0].code, "20550");
    assert_eq!(
        clinic.findings,
        [
            "Billed $1,676.25: $119.25 less than the estimate of $1,795.50.",
            "20550: on the estimate (1 unit for $142.50), and not billed.",
            "76942: billed 2 units for $237.50; the estimate has 1 unit for $118.75.",
            "L4361: billed 1 unit for $61.25; the estimate has 1 unit for $156.75.",
        ]
    );
}

#[test]
fn the_dispute_date_across_a_month_end_and_a_leap_year() {
    let quote = one_provider();
    let until = |billed_on: &str| {
        let check = checked(
            &quote,
            &format!(
                r#"{{ "billed_on": "{billed_on}", "providers": [{{ "npi": "{CLINIC}", "total": "3000" }}] }}"#
            ),
        );
        check.providers[0].dispute_until.clone().expect("over $400")
    };
    // 2026-11-30 + 120: 31 in December, 31 in January (62), 28 in February 2027 (90), then 30 of
    // March: March 30, 2027.
    assert_eq!(until("2026-11-30"), "2027-03-30");
    // 2027-11-30 + 120: 31, 31 (62), 29 in February 2028, a leap year (91), then 29 of March:
    // March 29, 2028, a day earlier.
    assert_eq!(until("2027-11-30"), "2028-03-29");
    // 2028-02-01 + 120: 28 left in February 2028 (to the 29th), 31 in March (59), 30 in April
    // (89), 31 in May (120): May 31, 2028.
    assert_eq!(until("2028-02-01"), "2028-05-31");
}

/// The sample book moved to Colorado with Colorado's cap, no discounts and one price: the 1 mL
/// vial at `product_cents` (the injection fee and the guidance $0.00), so the estimate of one
/// plantar fasciitis injection is exactly `product_cents`.
fn colorado(product_cents: i64, state: &str) -> (PriceBook, Quote) {
    let mut json = sample();
    json["clinic"]["address"] = serde_json::json!({ "street": "1 Main St", "city": "Denver", "state": state, "zip": "80202" });
    json["discounts"] = serde_json::json!({});
    json["products"][0]["price_cents"] = product_cents.into();
    json["administration_fees"][0]["price_cents"] = 0.into();
    json["ultrasound_guidance"]["price_cents"] = 0.into();
    json["state_bill_caps"] = serde_json::json!([{
        "state": "CO", "percent_over_bp": 1500, "amount_over_cents": 40000,
        "citation": "C.R.S. 25-49-106(1)(b)"
    }]);
    let book = PriceBook::from_json(&json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    // The book has no prompt-pay discount, so the quote makes no prompt-pay choice.
    let mut request =
        request(r#""answers": { "condition": "plantar_fasciitis", "injections": "1" }"#);
    request.prompt_pay = None;
    let quote = quote(&book, &request).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(quote.good_faith_estimate.total.cents.get(), product_cents);
    (book, quote)
}

/// The Colorado cap on a bill of `billed` for an estimate of `product_cents`: (allowed over, cap,
/// over the cap by).
fn colorado_cap(product_cents: i64, billed: &str) -> (i64, i64, Option<i64>) {
    let (book, quote) = colorado(product_cents, "CO");
    let bill = clinic_bill("2026-12-01", billed);
    let check = check_bill(&quote, &book, &bill).unwrap_or_else(|e| panic!("{e}"));
    let cap = check.providers[0]
        .state_cap
        .as_ref()
        .expect("Colorado's cap");
    assert_eq!(
        (cap.state.as_str(), cap.citation.as_str()),
        ("CO", "C.R.S. 25-49-106(1)(b)")
    );
    (
        cap.allowed_over.cents.get(),
        cap.cap.cents.get(),
        cap.over_cap_by.as_ref().map(|over| over.cents.get()),
    )
}

#[test]
fn colorados_cap_on_both_sides_of_the_15_percent_and_400_switch() {
    // $2,000.00: 15 % is $300.00, less than $400.00: cap $2,300.00.
    assert_eq!(colorado_cap(200_000, "2300.00"), (30_000, 230_000, None));
    assert_eq!(colorado_cap(200_000, "2300.01"), (30_000, 230_000, Some(1)));
    // $4,000.00: 15 % is $600.00, more than $400.00: cap $4,400.00.
    assert_eq!(colorado_cap(400_000, "4400.00"), (40_000, 440_000, None));
    assert_eq!(colorado_cap(400_000, "4400.01"), (40_000, 440_000, Some(1)));
    // At the switch, 15 % rounded down to the cent: $2,666.66 × 15 % = $399.999 → $399.99, cap
    // $3,066.65; $2,666.67 × 15 % = $400.0005 → $400.00, equal to the amount: cap $3,066.67.
    assert_eq!(colorado_cap(266_666, "3066.65"), (39_999, 306_665, None));
    assert_eq!(colorado_cap(266_666, "3066.66"), (39_999, 306_665, Some(1)));
    assert_eq!(colorado_cap(266_667, "3066.67"), (40_000, 306_667, None));
}

#[test]
fn colorados_cap_is_said_beside_the_federal_threshold() {
    let (book, quote) = colorado(400_000, "CO");
    let bill = clinic_bill("2026-12-01", "4,450.00");
    let clinic = &check_bill(&quote, &book, &bill).expect("checked").providers[0];
    // 4,450.00 − 4,000.00 = 450.00: over $400 (a dispute), and $50.00 over the $4,400.00 cap.
    assert!(clinic.substantially_in_excess);
    assert_eq!(
        clinic.findings.last().map(String::as_str),
        Some(
            "CO law (C.R.S. 25-49-106(1)(b)) caps a self-pay bill at $4,400.00: the estimate plus \
             15% of it ($600.00) or $400.00, whichever is less. This bill is $50.00 over the cap."
        )
    );
}

#[test]
fn the_clinics_state_picks_the_cap() {
    // The same book with the clinic in Texas: its table has only Colorado, so no cap is shown.
    let (book, quote) = colorado(200_000, "TX");
    let bill = clinic_bill("2026-12-01", "2500");
    let check = check_bill(&quote, &book, &bill).expect("checked");
    assert_eq!(check.providers[0].state_cap, None);
}

#[test]
fn a_self_pay_price_quote_has_no_dispute_right_and_no_state_cap() {
    let quote = priced(
        r#""coverage": "medicare", "prompt_pay": "not_offered", "answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }"#,
    );
    let check = checked(
        &quote,
        &format!(
            r#"{{ "billed_on": "2026-12-15", "providers": [{{ "npi": "{CLINIC}", "total": "5000" }}] }}"#
        ),
    );
    assert!(!check.good_faith_estimate);
    assert!(!check.providers[0].substantially_in_excess);
    assert_eq!(check.providers[0].dispute_until, None);
    assert!(check.notes[0].starts_with("This is a self-pay price quote, not a Good Faith Estimate"));
}

#[test]
fn a_register_checks_a_saved_quote_the_same_way() {
    let quote = two_providers();
    let json = format!(
        r#"{{ "billed_on": "2027-01-04", "providers": [{{ "npi": "{RIVERSIDE}", "total": "1200" }}] }}"#
    );
    let saved = check_saved_bill(&quote.saved, &book(), &bill(&json)).expect("reopens");
    assert_eq!(saved, checked(&quote, &json));
    // Only Riverside was billed: 1,200.00 − 730.00 = 470.00, over.
    assert_eq!(saved.providers.len(), 1);
    assert_eq!(cents(&saved.providers[0]), (73_000, 120_000, 47_000));
}

#[test]
fn a_bad_bill_is_refused_at_each_field() {
    let quote = two_providers();
    assert_eq!(
        refused(
            &quote,
            &book(),
            &format!(
                r#"{{ "billed_on": "2026-11-20", "providers": [
                    {{ "npi": "{CLINIC}", "total": "100", "items": [
                        {{ "code": "Q4139", "units": "1.5", "amount": "12k" }},
                        {{ "code": "", "units": "1", "amount": "" }},
                        {{ "code": "20551", "units": "1", "amount": "50" }} ] }},
                    {{ "npi": "1111111111", "total": "5" }} ] }}"#
            )
        ),
        [
            "billed_on: is before the estimate was issued (November 21, 2026): check the date on the bill",
            "providers.0.items.0.units: must be a whole number of units, 1 to 999; it is \"1.5\"",
            "providers.0.items.0.amount: enter an amount like 1,500.00; you typed \"12k\"",
            "providers.0.items.1.code: enter the billed code",
            "providers.0.items.1.amount: enter the amount billed",
            "providers.1.npi: no provider of this estimate has the NPI \"1111111111\"",
        ]
    );
    // Items that read, and a total that is not their sum: 50.00, not 100.
    assert_eq!(
        refused(
            &quote,
            &book(),
            &format!(
                r#"{{ "billed_on": "2027-01-04", "providers": [{{ "npi": "{CLINIC}", "total": "100",
                    "items": [{{ "code": "20551", "units": "1", "amount": "50" }}] }}] }}"#
            )
        ),
        ["providers.0.total: is not the sum of the items entered below ($50.00): check both, or leave the total blank"]
    );
    // Nothing billed, no date.
    assert_eq!(
        refused(
            &quote,
            &book(),
            &format!(
                r#"{{ "billed_on": "", "providers": [{{ "npi": "{CLINIC}", "total": "" }}] }}"#
            )
        ),
        [
            "billed_on: enter the date on the bill",
            "providers.0.total: enter what at least one provider billed: its total, or its items"
        ]
    );
}

#[test]
fn a_spanish_quotes_bill_check_is_in_spanish() {
    let mut spanish = sample_book::request(
        r#""answers": { "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true, "language": "es" }"#,
    );
    spanish.answers.language = amnion_estimator::language::Language::Spanish;
    let quote = quote(&book(), &spanish).expect("valid");
    let check = checked(
        &quote,
        &format!(
            r#"{{ "billed_on": "2026-12-15", "providers": [{{ "npi": "{CLINIC}", "total": "2195.50" }}] }}"#
        ),
    );
    // The same 400.00 over and April 14, 2027 as in English.
    assert_eq!(
        check.providers[0].findings[0],
        "Facturado $2,195.50: $400.00 más que el estimado de $1,795.50."
    );
    assert!(
        check.providers[0].findings[2].contains("hasta el 14 de abril de 2027"),
        "{}",
        check.providers[0].findings[2]
    );
    assert_eq!(
        refused(&quote, &book(), r#"{ "billed_on": "", "providers": [] }"#),
        [
            "billed_on: escriba la fecha de la factura",
            "providers.0.total: escriba lo que facturó al menos un proveedor: su total, o sus artículos",
        ]
    );
}

#[test]
fn a_state_has_one_cap_in_the_price_book() {
    let mut json = sample();
    json["state_bill_caps"] = serde_json::json!([
        { "state": "CO", "percent_over_bp": 1500, "amount_over_cents": 40000, "citation": "C.R.S. 25-49-106(1)(b)" },
        { "state": "CO", "percent_over_bp": 2000, "amount_over_cents": 50000, "citation": "again" },
        { "state": "ZZ", "percent_over_bp": 10001, "amount_over_cents": 0, "citation": "" }
    ]);
    let problems = sample_book::problems(&json);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    // Each field's own rules first, then the rules across fields.
    assert_eq!(
        problems[3],
        "state_bill_caps[1].state: must be unique: CO has a cap already"
    );
    assert!(problems
        .iter()
        .any(|p| p.starts_with("state_bill_caps[2].state:")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("state_bill_caps[2].percent_over_bp:")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("state_bill_caps[2].citation:")));
}

#[test]
fn a_bill_dated_after_today_is_refused_at_its_date_and_gives_no_dispute_deadline() {
    // Issued 2026-11-21; checked on Mon 2026-12-07 with a bill dated 2027-02-10: refused, with no
    // deadline (120 days from Feb 10 would have been June 10, 2027).
    let quote = one_provider();
    let future = clinic_bill("2027-02-10", "3000");
    let error = check_bill_on(&quote, &book(), &future, "2026-12-07").expect_err("after today");
    let lines: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
    assert_eq!(
        lines,
        ["billed_on: is after today (December 7, 2026): a bill is dated on or before the day it is \
          checked; check the date on the bill"]
    );
    // With the bill's other problems, all at once, the date's first.
    let both = clinic_bill("2027-02-10", "lots");
    let error = check_bill_on(&quote, &book(), &both, "2026-12-07").expect_err("two problems");
    let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["billed_on", "providers.0.total"]);
    // Dated today: checked. $3,000.00 - $1,795.50 = $1,204.50 over; Dec 7 + 120 days: 24 left in
    // December, 31 in January (55), 28 in February (83), 31 in March (114), then 6 of April:
    // April 6, 2027.
    let today = clinic_bill("2026-12-07", "3000");
    let check = check_bill_on(&quote, &book(), &today, "2026-12-07").expect("dated today");
    assert_eq!(
        check.providers[0].dispute_until.as_deref(),
        Some("2027-04-06")
    );
    assert_eq!(cents(&check.providers[0]), (179_550, 300_000, 120_450));
    // The register's check of a saved file refuses it the same way.
    let error =
        check_saved_bill_on(&quote.saved, &book(), &future, "2026-12-07").expect_err("after today");
    assert_eq!(error.fields()[0].path, "billed_on");
}

#[test]
fn a_dispute_deadline_that_has_passed_is_said_to_have_passed() {
    // Issued 2026-11-21; a bill dated Wed 2027-02-10 for $3,000.00: $3,000.00 - $1,795.50 =
    // $1,204.50 over, so substantially in excess. Feb 10 + 120 calendar days: 18 left in February
    // (28 - 10), 31 in March (49), 30 in April (79), 31 in May (110), then 10 of June (120): June
    // 10, 2027.
    let quote = one_provider();
    let late = clinic_bill("2027-02-10", "3000");
    // Checked on June 10, the last day: still open.
    let last_day = check_bill_on(&quote, &book(), &late, "2027-06-10").expect("checked");
    let clinic = &last_day.providers[0];
    assert_eq!(cents(clinic), (179_550, 300_000, 120_450));
    assert_eq!(clinic.dispute_until.as_deref(), Some("2027-06-10"));
    assert_eq!(
        clinic.findings[2],
        "That is $400.00 or more above the estimate (45 CFR 149.620: substantially in excess), so \
         the patient may start a patient-provider dispute until June 10, 2027. First, Sample Foot \
         & Ankle Clinic can adjust the bill to the estimate of $1,795.50."
    );
    // Checked on June 11: the 120 days have ended; the date stays in the data, and what the
    // clinic can do is still said.
    let after = check_bill_on(&quote, &book(), &late, "2027-06-11").expect("checked");
    let clinic = &after.providers[0];
    assert!(clinic.substantially_in_excess);
    assert_eq!(clinic.dispute_until.as_deref(), Some("2027-06-10"));
    assert_eq!(
        clinic.findings[2],
        "That is $400.00 or more above the estimate (45 CFR 149.620: substantially in excess), but \
         the 120 days from the date on the bill to start a patient-provider dispute ended on June \
         10, 2027. Sample Foot & Ankle Clinic can still adjust the bill to the estimate of \
         $1,795.50."
    );
    // The walk-through's day, Dec 20, 2027, the same; and in Spanish.
    let spanish =
        check_bill_on_in(&quote, &book(), &late, "2027-12-20", Language::Spanish).expect("checked");
    assert_eq!(
        spanish.providers[0].findings[2],
        "Son $400.00 o más por encima del estimado (45 CFR 149.620: sustancialmente en exceso), \
         pero los 120 días desde la fecha de la factura para iniciar una disputa entre paciente y \
         proveedor terminaron el 10 de junio de 2027. Sample Foot & Ankle Clinic todavía puede \
         ajustar la factura al estimado de $1,795.50."
    );
    let open =
        check_bill_on_in(&quote, &book(), &late, "2027-06-10", Language::Spanish).expect("checked");
    assert!(
        open.providers[0].findings[2].contains(
            "puede iniciar una disputa entre paciente y proveedor hasta el 10 de junio de 2027"
        ),
        "{}",
        open.providers[0].findings[2]
    );
    // Without a clock (`check_bill`), nothing is said to have ended.
    assert_eq!(
        check_bill(&quote, &book(), &late)
            .expect("checked")
            .providers[0]
            .findings,
        last_day.providers[0].findings
    );
}

#[test]
fn an_english_estimates_bill_check_on_the_spanish_page_is_in_the_pages_words() {
    // An English estimate with two providers, checked on the Spanish staff page on 2027-01-20.
    let quote = two_providers();
    let json = format!(
        r#"{{ "billed_on": "2027-01-04", "providers": [
            {{ "npi": "{CLINIC}", "total": "2609.89" }},
            {{ "npi": "{RIVERSIDE}", "total": "1200" }} ] }}"#
    );
    let check = check_bill_on_in(
        &quote,
        &book(),
        &bill(&json),
        "2027-01-20",
        Language::Spanish,
    )
    .expect("checked");
    let number = &quote.quote_number;
    assert_eq!(check.title, format!("La factura comparada con {number}"));
    assert_eq!(
        check.running_head,
        format!("Ana Ruiz · Fecha de nacimiento 4 de marzo de 1970 · Cotización {number}")
    );
    assert_eq!(check.billed_on, "Factura con fecha del 4 de enero de 2027.");
    // Roles by place on the estimate: the clinic convenes, Riverside is a co-provider.
    let roles: Vec<&str> = check.providers.iter().map(|p| p.role.as_str()).collect();
    assert_eq!(roles, ["Proveedor convocante", "Coproveedor"]);
    // The clinic billed its estimate exactly; Riverside 1,200.00 - 730.00 = 470.00 over, and
    // 2027-01-04 + 120 days (27 left in January, 28 in February (55), 31 in March (86), 30 in
    // April (116), then 4 of May) is May 4, 2027, not yet passed on January 20.
    assert_eq!(
        check.providers[0].findings,
        [
            "Facturado $2,609.89: lo mismo que el estimado.",
            "Facturado como total: no se compara ningún artículo.",
        ]
    );
    assert_eq!(
        check.providers[1].findings[0],
        "Facturado $1,200.00: $470.00 más que el estimado de $730.00."
    );
    assert!(check.providers[1].findings[2].contains("hasta el 4 de mayo de 2027"));
    assert!(check.notes[0].starts_with("La fecha de una disputa se cuenta en 120 días"));
    // The estimate keeps its own language, and a native caller without a language gets its
    // quote's, as before.
    assert_eq!(
        quote.good_faith_estimate.providers[0].role,
        "Convening provider"
    );
    let english = check_bill_on(&quote, &book(), &bill(&json), "2027-01-20").expect("checked");
    assert_eq!(english.providers[0].role, "Convening provider");
    assert_eq!(
        english.running_head,
        quote.good_faith_estimate.running_head()
    );
    assert_eq!(
        check_bill_in(&quote, &book(), &bill(&json), Language::Spanish).expect("checked"),
        check
    );

    // Its refusals at the fields are Spanish too: 50.00 is the items' sum, not 100; a date after
    // today.
    let wrong = bill(&format!(
        r#"{{ "billed_on": "2027-02-01", "providers": [{{ "npi": "{CLINIC}", "total": "100",
            "items": [{{ "code": "20551", "units": "1", "amount": "50" }}] }}] }}"#
    ));
    let lines: Vec<String> =
        check_bill_on_in(&quote, &book(), &wrong, "2027-01-20", Language::Spanish)
            .expect_err("refused")
            .fields()
            .iter()
            .map(|f| f.to_string())
            .collect();
    assert_eq!(
        lines,
        [
            "billed_on: es posterior a hoy (20 de enero de 2027): una factura lleva una fecha igual \
             o anterior al día en que se revisa; revise la fecha de la factura",
            "providers.0.total: no es la suma de los artículos escritos abajo ($50.00): revise \
             ambos, o deje el total en blanco",
        ]
    );

    // The register's check of the saved file, and the bill it records, say the same.
    let saved = check_saved_bill_on_in(
        &quote.saved,
        &book(),
        &bill(&json),
        "2027-01-20",
        Language::Spanish,
    )
    .expect("reopens");
    assert_eq!(saved, check);
    let record = register::record(&quote.saved, "2026-11-21");
    let (recorded, from_register) = register::with_bill_in(
        record,
        &book(),
        bill(&json),
        "2027-01-20",
        Language::Spanish,
    )
    .expect("recorded");
    assert_eq!(from_register, check);
    assert_eq!(
        recorded.bill.map(|b| b.checked_on).as_deref(),
        Some("2027-01-20")
    );
}
