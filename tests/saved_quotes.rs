//! Saved quote files and price books outlive releases: files saved by earlier releases, kept in
//! `tests/fixtures/saved-quotes/`, must keep reopening with the amounts they were issued with. Add a
//! file here before any change to what a quote saves or how its number is made, and never edit
//! one: each is what a release wrote.
//!
//! - `release-3613b6a-*.json`: written by the staff page's Save in release 3613b6a (the last before
//!   the page's handle), whose serializer left out a value that does not apply (`product`) where
//!   later releases write `null`;
//! - `release-729d275-*.json`: written by release 729d275's `quote(...).saved` through
//!   `examples/save_quote.rs`, the last release before the quote number changed: physical therapy
//!   billed to insurance, Spanish with Medicaid and a scheduled date, an insured patient with a
//!   percent staff discount;
//! - `partner-through-insurance.json`: written by `quote(...).saved` at b46bf59, the first
//!   commit with therapy partners, as the staff page saves it;
//! - `format-2-*.json`: written by the first release of format 2 (the quote number made from the
//!   quote's canonical data) through `examples/save_quote.rs`: the four quotes above again, a course
//!   with a date for each injection, and a book whose expected charges leave the prompt-pay
//!   discount out (`prompt-pay-excluded`, saved with that book);
//! - `revision-*.json`: a revision chain and a revision of a format-1 file, written by the release
//!   that added revisions through `examples/save_quote.rs` (`--revise`); `tests/revisions.rs`
//!   reopens them;
//! - `format-2-booked-and-closed-dates.json`: written through `examples/save_quote.rs` by the first
//!   release with the day a quote was booked and the day the patient asked (`booked_on`,
//!   `estimate_requested_on`), with the sample book plus days the clinic is closed
//!   (`clinic.closed_dates`);
//! - the others: written by release 39cef6f's `quote(...).saved`, as the staff page saves it.
//!
//! Amounts by hand from the sample price book (prices in `tests/cases/mod.rs`).

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::language::Language;
use amnion_estimator::money::Cents;
use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{reopen, when_due, PromptPayChoice};
use sample_book::saved_quote as fixture;

/// The format-1 files: (file, the quote number it was saved with, the Good Faith Estimate's total
/// in cents).
const FIXTURES: [(&str, &str, i64); 9] = [
    // Plantar fasciitis, 2 injections, consultation, cash PT with 8 sessions at another provider.
    // Clinic: 250 + 2 × (1,200 + 150 + 125) = 3,200.00; less 15 % of one injection (221.25) =
    // 2,978.75; less 5 % prompt pay (148.9375 -> 148.94) = 2,829.81. Therapy provider: 160 +
    // 8 × 95 = 920.00. Total 3,749.81.
    (
        "release-3613b6a-self-pay-with-co-provider.json",
        "GFE-C25T-AE6J-31CV-F",
        374_981,
    ),
    (
        "self-pay-with-co-provider.json",
        "GFE-C25T-AE6J-31CV-F",
        374_981,
    ),
    // Medicare: the same prices as a self-pay price quote. Plantar fasciitis, 1 injection,
    // consultation and boot: 250 + 1,200 + 150 + 125 + 165 = 1,890.00, less 5 % (94.50) = 1,795.50.
    ("medicare.json", "GFE-91YM-TRPK-VY6N-Y", 179_550),
    // Spanish: plantar fasciitis, 1 injection: 1,475.00 less 5 % (73.75) = 1,401.25.
    ("spanish.json", "GFE-CMNP-AN2S-WRCX-K", 140_125),
    // Achilles tendinopathy, 2 injections: 2 × (1,200 + 160 + 125) = 2,970.00, less 15 % of one
    // (222.75) = 2,747.25; 2 follow-up visits 2 × 120 = 240.00 -> 2,987.25; staff discount 100.00
    // -> 2,887.25; prompt pay 5 % (144.3625 -> 144.36) -> 2,742.89.
    (
        "extras-and-staff-discount.json",
        "GFE-FVJ4-K6YB-TM5P-4",
        274_289,
    ),
    // Ankle osteoarthritis, 1 injection (20606 includes guidance): 1,200 + 260 = 1,460.00, less
    // 5 % (73.00) = 1,387.00. The 4 therapy visits go through insurance: the plan's cost sharing,
    // listed apart and not in the total.
    (
        "release-729d275-pt-through-insurance.json",
        "GFE-EJSV-ZX08-PNSA-S",
        138_700,
    ),
    // Medicaid, in Spanish: Achilles tendinopathy, 2 injections: 2 × (1,200 + 160 + 125) =
    // 2,970.00, less 15 % of one (222.75) = 2,747.25; cash therapy at the clinic 160 + 6 × 95 =
    // 730.00 -> 3,477.25; prompt pay 5 % (173.8625 -> 173.86) -> 3,303.39.
    (
        "release-729d275-spanish-medicaid.json",
        "GFE-B8H3-F1A3-DFG3-E",
        330_339,
    ),
    // Insured, filing a claim: ankle ligament, 1 injection, 1,200 + 150 + 125 = 1,475.00, and the
    // boot 165.00 -> 1,640.00; staff discount 10 % (164.00) -> 1,476.00; prompt pay 5 % (73.80) ->
    // 1,402.20.
    (
        "release-729d275-insured-staff-percent.json",
        "GFE-A1Q2-7NPC-MMDD-C",
        140_220,
    ),
    // The first file as the clinic's (2,829.81), with therapy through insurance at the partner
    // Eastside Sports Rehab (allowed 100.00 / 78.00, cash 140.00 / 85.00), 4 sessions, $150
    // deductible, 20 %, 3 covered visits: the evaluation and 2 sessions are the plan's cost
    // sharing (billed to insurance, not on the estimate); sessions 3 and 4 are past the limit at
    // Eastside's cash price, 2 × 85.00 = 170.00. Total 2,999.81.
    (
        "partner-through-insurance.json",
        "GFE-F2E1-H5KR-AT66-5",
        299_981,
    ),
];

/// The format-2 files: (file, the quote number it was saved with, the total in cents).
const FORMAT_2: [(&str, &str, i64); 7] = [
    // As the format-1 files of the same quotes above: 3,749.81, 1,795.50, 1,401.25, 2,742.89.
    (
        "format-2-self-pay-with-co-provider.json",
        "GFE-3DQE-P2KM-1P1Y-G",
        374_981,
    ),
    ("format-2-medicare.json", "SPQ-FQA9-71A3-QMXX-1", 179_550),
    ("format-2-spanish.json", "GFE-A8J4-8B6K-XVJR-1", 140_125),
    (
        "format-2-extras-and-staff-discount.json",
        "GFE-2SE8-Y0VA-HEQZ-W",
        274_289,
    ),
    // Partial tendon tear, 3 injections, each with its date: 3 × 1,475.00 = 4,425.00, less 2 ×
    // 221.25 = 3,982.50, less 5 % (199.125 -> 199.13) = 3,783.37.
    (
        "format-2-injection-dates.json",
        "GFE-33ER-SHF5-MYGA-H",
        378_337,
    ),
    // Consultation, 1 plantar fasciitis injection and the boot, the prompt-pay discount left out of
    // the expected charges: 250 + 1,200 + 150 + 125 + 165 = 1,890.00.
    (
        "format-2-prompt-pay-excluded.json",
        "GFE-ENZS-D9T1-KDJ2-7",
        189_000,
    ),
    // The two-provider quote with the typed-in provider's own prices: the clinic's 2,829.81 (as
    // the first), Riverside's 175.50 + 8 × 110.00 = 1,055.50; 3,885.31.
    (
        "format-2-co-provider-own-prices.json",
        "GFE-BV4H-Y9G5-2TDV-1",
        388_531,
    ),
];

/// Every format-1 file reopens with its amounts, checked against the number it was saved with, and
/// keeps that number: on screen, in print, in the CSV, and in what Save writes (the file as it
/// was, which reopens as it did).
#[test]
fn every_format_1_file_reopens_with_its_amounts_and_keeps_its_number() {
    let today = PriceBook::embedded_default().expect("valid");
    for (name, number, total) in FIXTURES {
        let saved = fixture(name);
        assert_eq!(saved.format, "amnion-estimator/quote/1", "{name}");
        assert_eq!(saved.quote_number, number, "{name}");
        let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("{name} reopens: {e}"));
        let quote = &reopened.quote;
        assert_eq!(quote.good_faith_estimate.total.cents.get(), total, "{name}");
        assert_eq!(quote.quote_number, number, "{name}");
        assert_eq!(quote.good_faith_estimate.quote_number, number, "{name}");
        let csv_rows = quote.csv.lines().skip(1).collect::<Vec<_>>();
        assert!(!csv_rows.is_empty(), "{name}");
        assert!(
            csv_rows.iter().all(|row| row.starts_with(number)),
            "{name}: {}",
            quote.csv
        );
        assert_eq!(quote.saved, saved, "{name}: Save writes the file as it was");
        assert_eq!(
            reopened.price_change, None,
            "{name}: today's sample prices are the same"
        );
        let again = reopen(&quote.saved, &today).expect("reopens");
        assert_eq!(again.quote.quote_number, number, "{name}");
    }
}

#[test]
fn every_format_2_file_reopens_with_its_number_and_amounts() {
    let today = PriceBook::embedded_default().expect("valid");
    for (name, number, total) in FORMAT_2 {
        let saved = fixture(name);
        assert_eq!(saved.format, "amnion-estimator/quote/2", "{name}");
        assert_eq!(saved.quote_number, number, "{name}");
        let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("{name} reopens: {e}"));
        assert_eq!(reopened.quote.quote_number, number, "{name}");
        assert_eq!(
            reopened.quote.good_faith_estimate.total.cents.get(),
            total,
            "{name}"
        );
        if name == "format-2-prompt-pay-excluded.json" {
            // Today's sample book includes the discount: 1,890.00 − 94.50 = 1,795.50.
            assert_eq!(
                reopened.price_change.as_deref(),
                Some(
                    "Prices have changed since this quote was issued. It keeps the prices of price book \
                     2026.11-sample ($1,890.00); today's price book 2026.11-sample would give $1,795.50."
                )
            );
        } else {
            assert_eq!(reopened.price_change, None, "{name}");
        }
    }
}

#[test]
fn the_format_2_files_say_what_they_are() {
    let today = PriceBook::embedded_default().expect("valid");
    let dates = reopen(&fixture("format-2-injection-dates.json"), &today).expect("reopens");
    assert_eq!(
        dates.quote.good_faith_estimate.primary_service.schedule,
        [
            "Injection 1: December 9, 2026",
            "Injection 2: December 23, 2026",
            "Injection 3: January 6, 2027"
        ]
    );
    let excluded = reopen(&fixture("format-2-prompt-pay-excluded.json"), &today).expect("reopens");
    // Paid in full at the visit: 1,890.00 − 94.50 = 1,795.50.
    assert!(excluded.quote.good_faith_estimate.providers[0]
        .note
        .as_deref()
        .is_some_and(|n| n.ends_with("the clinic's charges are $1,795.50.")));
    let medicare = reopen(&fixture("format-2-medicare.json"), &today).expect("reopens");
    assert_eq!(
        medicare.quote.good_faith_estimate.title,
        "Self-pay price quote"
    );
    let spanish = reopen(&fixture("format-2-spanish.json"), &today).expect("reopens");
    assert_eq!(
        spanish.quote.good_faith_estimate.title,
        "Estimado de buena fe"
    );
}

/// Every file was saved before Good Faith Estimates said that starting a dispute does not affect
/// the quality of care, and its price book has no words for it. It reopens with its number and
/// total (above), and its document now carries the statement, in the crate's words and the quote's
/// language: reprinted, it is complete, and every amount, code, date and identity on it, and its
/// number, are still the ones the patient holds (DESIGN.md, "Saved quotes outlive releases"). Its
/// price book is kept as it was, so saved again it is written without the field.
#[test]
fn files_saved_before_the_quality_of_care_statement_reopen_with_it() {
    let english =
        "Starting the patient-provider dispute resolution process will not adversely affect the \
                   quality of the health care services you receive from any provider or facility.";
    let spanish = "Iniciar el proceso de resolución de disputas entre pacientes y proveedores no afectará \
                   negativamente la calidad de los servicios de atención médica que reciba de ningún \
                   proveedor o centro.";
    let today = PriceBook::embedded_default().expect("valid");
    let names = FIXTURES.iter().chain(&FORMAT_2).map(|(name, _, _)| *name);
    let mut seen = (0, 0, 0);
    for name in names {
        let saved = fixture(name);
        assert_eq!(
            saved.price_book.good_faith_estimate.quality_of_care, None,
            "{name}"
        );
        let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("{name} reopens: {e}"));
        let gfe = &reopened.quote.good_faith_estimate;
        if !gfe.applies {
            // A self-pay price quote carries no dispute right, so no statement about it.
            assert!(
                gfe.disclaimers.iter().all(|d| !d.contains("dispute")),
                "{name}"
            );
            seen.2 += 1;
        } else if gfe.language == Language::Spanish {
            assert!(gfe.disclaimers[2].ends_with(spanish), "{name}");
            seen.1 += 1;
        } else {
            assert!(gfe.disclaimers[2].ends_with(english), "{name}");
            seen.0 += 1;
        }
        let written = serde_json::to_value(&reopened.quote.saved.price_book).expect("JSON");
        assert_eq!(
            written,
            serde_json::to_value(&saved.price_book).expect("JSON"),
            "{name}: the book is kept as it was"
        );
        assert!(written["good_faith_estimate"]
            .get("quality_of_care")
            .is_none());
    }
    // English and Spanish Good Faith Estimates, and self-pay price quotes, were all among them
    // (the English ones with the one saved with a co-provider's own prices, whose sample book has
    // no words for the statement either).
    assert_eq!(seen, (10, 2, 4));
}

/// A reopened quote keeps its choices: the form it gives back is the saved request, every choice
/// spelled out. A file that left the product to the book's default (every fixture here) names the
/// product it was priced with, and that form quotes the same number again.
#[test]
fn a_reopened_quote_gives_the_form_back_with_every_choice_made() {
    let today = PriceBook::embedded_default().expect("valid");
    for (name, _, _) in FORMAT_2 {
        let saved = fixture(name);
        assert_eq!(saved.request.answers.product, None, "{name}");
        let reopened = reopen(&saved, &today).expect("reopens");
        let mut expected = saved.request.clone();
        expected.answers.product = Some("amnion_1ml".into());
        // Every fixture's book has the prompt-pay discount; the form says what it made of it.
        let excluded = name.contains("prompt-pay-excluded");
        expected.prompt_pay = Some(if excluded {
            PromptPayChoice::Excluded
        } else {
            PromptPayChoice::Included
        });
        assert_eq!(reopened.form, expected, "{name}");
        let book = PriceBook::new(saved.price_book.clone()).expect("its book");
        let provider = &reopened.form.therapy_provider;
        if reopened.form.therapy_elsewhere
            && provider.partner.is_empty()
            && provider.session_price.as_str().is_empty()
        {
            // A provider typed in before its own prices were asked for: the file reopens priced
            // at the clinic's, but a new document from its form needs that provider's prices.
            let error = amnion_estimator::quote::quote(&book, &reopened.form)
                .expect_err("a new document needs the typed-in provider's prices");
            let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
            assert_eq!(
                paths,
                [
                    "therapy_provider.evaluation_price",
                    "therapy_provider.session_price"
                ],
                "{name}"
            );
            continue;
        }
        let again = amnion_estimator::quote::quote(&book, &reopened.form);
        if name.contains("medicare") {
            // Issued again as a new quote, a Medicare patient's is refused its prompt-pay discount
            // (`QuoteRequest::medicare`); reopened, it keeps it.
            let refused = again.expect_err("a new Medicare quote offers no discount");
            let paths: Vec<&str> = refused.fields().iter().map(|f| f.path.as_str()).collect();
            assert_eq!(paths, ["prompt_pay"], "{name}");
            continue;
        }
        let again = again.expect("a quote");
        assert_eq!(again.quote_number, saved.quote_number, "{name}");
    }
}

/// A format-1 file's form, priced again on its own issue date, is the format-2 file of the same
/// quote: the two are one document to the staff form, which tells a change by this number.
#[test]
fn a_format_1_file_is_the_same_content_as_format_2_gives_the_same_quote() {
    let today = PriceBook::embedded_default().expect("valid");
    for name in [
        "self-pay-with-co-provider.json",
        "release-3613b6a-self-pay-with-co-provider.json",
        "medicare.json",
        "spanish.json",
        "extras-and-staff-discount.json",
    ] {
        let reopened = reopen(&fixture(name), &today).expect("reopens");
        let format_2 = fixture(&format!(
            "format-2-{}",
            name.trim_start_matches("release-3613b6a-")
        ));
        // The format-1 file's form, on the format-2 file reopened, is that same document.
        let again = reopen(&format_2, &today)
            .expect("reopens")
            .requote(&today, &reopened.form)
            .expect("the same document");
        assert_eq!(again.quote_number, format_2.quote_number, "{name}");
    }
}

/// A format-1 file edited after saving is refused: its content no longer gives its number.
#[test]
fn an_edited_format_1_file_is_refused() {
    let today = PriceBook::embedded_default().expect("valid");
    let mut dearer = fixture("medicare.json");
    dearer.price_book.walking_boot.price_cents = Cents::new(16_600);
    let mut renamed = fixture("spanish.json");
    renamed.request.patient.name = "María José Núñez Soto".into();
    let mut moved = fixture("self-pay-with-co-provider.json");
    moved.request.scheduled_on = "2026-12-10".into();
    for (what, edited) in [("price", dearer), ("name", renamed), ("date", moved)] {
        let error = reopen(&edited, &today).expect_err(what);
        assert!(
            error
                .to_string()
                .starts_with("quote_number: the file's content gives GFE-"),
            "{what}: {error}"
        );
    }
    // Format 1 had no later injection dates: a file that has some was edited.
    let mut later = fixture("self-pay-with-co-provider.json");
    later.request.later_injections_on = vec!["2026-12-23".into()];
    let error = reopen(&later, &today).expect_err("a field format 1 did not have");
    assert_eq!(error.fields()[0].path, "request.later_injections_on");
}

#[test]
fn the_files_say_what_they_are() {
    let medicare = reopen(
        &fixture("medicare.json"),
        &PriceBook::embedded_default().expect("valid"),
    )
    .expect("reopens");
    assert_eq!(
        medicare.quote.good_faith_estimate.title,
        "Self-pay price quote"
    );
    let spanish = reopen(
        &fixture("spanish.json"),
        &PriceBook::embedded_default().expect("valid"),
    )
    .expect("reopens");
    assert_eq!(
        spanish.quote.good_faith_estimate.title,
        "Estimado de buena fe"
    );
    assert_eq!(
        spanish.quote.good_faith_estimate.patient.name,
        "María José Núñez"
    );
}

/// A price book written for an earlier release (release 3613b6a's sample) still opens, and prices
/// as it did: one plantar fasciitis injection, 1,475.00 less 5 % (73.75) = 1,401.25.
#[test]
fn a_price_book_from_an_earlier_release_opens() {
    let path = format!(
        "{}/tests/fixtures/price-books/release-3613b6a-sample.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let book = PriceBook::from_json(&std::fs::read_to_string(path).expect("the fixture"))
        .unwrap_or_else(|e| panic!("{e}"));
    let request =
        serde_json::from_str(r#"{ "condition": "plantar_fasciitis", "injections": "1" }"#)
            .expect("a request");
    let estimate = amnion_estimator::estimate::estimate(&book, &request).expect("an estimate");
    assert_eq!(estimate.low.patient_total.cents.get(), 140_125);
    // It has no `prompt_pay.expected_charges`: a quote whose charges include the discount says so,
    // as it did (1,401.25 + 73.75 = 1,475.00 without it).
    let request = amnion_estimator::quote::QuoteRequest::read(serde_json::json!({
        "coverage": "self_pay", "prompt_pay": "included", "patient": { "name": "Ana Ruiz", "date_of_birth": "1970-03-04" },
        "side": "left", "issued_on": "2026-12-02",
        "answers": { "condition": "plantar_fasciitis", "injections": "1" }
    }))
    .expect("a quote request");
    let gfe = amnion_estimator::quote::quote(&book, &request)
        .expect("a quote")
        .good_faith_estimate;
    assert_eq!(gfe.total.cents.get(), 140_125);
    assert!(gfe.providers[0]
        .note
        .as_deref()
        .is_some_and(|n| n.ends_with("Without it, the clinic's charges are $1,475.00.")));
}

#[test]
fn the_booking_request_and_closed_dates_are_staff_s_record_not_the_number() {
    // The quote of format-2-injection-dates.json (3,783.37, as above), booked on 2026-11-30 after
    // the patient asked on 2026-11-25, priced with the sample book plus two days the clinic is
    // closed (2026-11-27, 2026-12-24). None of them prints, so the number is that file's.
    let today = PriceBook::embedded_default().expect("valid");
    let saved = fixture("format-2-booked-and-closed-dates.json");
    let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("reopens: {e}"));
    assert_eq!(reopened.quote.quote_number, "GFE-33ER-SHF5-MYGA-H");
    assert_eq!(
        reopened.quote.good_faith_estimate.total.cents.get(),
        378_337
    );
    let form = &reopened.form;
    assert_eq!(
        (form.booked_on.as_str(), form.estimate_requested_on.as_str()),
        ("2026-11-30", "2026-11-25")
    );
    //      November 2026                December 2026
    // Mo Tu We Th Fr Sa Su          Mo Tu We Th Fr Sa Su
    // 23 24 25 26 27 28 29           30  1  2  3  4  5  6
    //                                 7  8  9 10 11 12 13
    // (26: Thanksgiving; 27: closed.) Booked Mon Nov 30 for Wed Dec 9: Tue 1 (1), Wed 2 (2), Thu 3
    // (3), Fri 4 (4), Mon 7 (5), Tue 8 (6), Wed 9 (7): at least 3 business days ahead, fewer than
    // 10, so within 1: Tue Dec 1. Asked Wed Nov 25: Mon 30 (1), Tue 1 (2), Wed 2 (3): Wed Dec 2,
    // later than the booking's.
    let book = PriceBook::new(saved.price_book.clone()).expect("its book");
    let due = when_due(&book, form, None);
    assert!(
        due[0].starts_with(
            "Good Faith Estimate due by Tuesday, December 1, 2026: booked on Monday, November 30, 2026, at \
             least 3 business days before the injection, so within 1 business day of booking"
        ),
        "{due:?}"
    );
    // Asked, not booked: Wednesday, December 2 with the book's closed 27th; with today's sample
    // book, which has no closed days, Fri 27 (1), Mon 30 (2), Tue 1 (3): Tuesday, December 1.
    let mut asked = form.clone();
    asked.booked_on = String::new();
    for (book, by) in [
        (&book, "Wednesday, December 2"),
        (&today, "Tuesday, December 1"),
    ] {
        let due = when_due(book, &asked, None);
        assert!(
            due[0].starts_with(&format!(
                "Good Faith Estimate due by {by}, 2026: the patient asked for one on Wednesday, November 25, 2026"
            )),
            "{due:?}"
        );
    }
}

/// Saved by this release with the prompt-pay choice made on the quote (`"prompt_pay": "excluded"`,
/// where the book's setting is "included"): the issue's case, 3 injections of the 2 mL vial for
/// ankle osteoarthritis, consultation, boot, 24 sessions in cash: 3 × 2,160.00 - 2 × 324.00 +
/// 250 + 165 + 160 + 24 × 95 = 8,687.00, the discount left out. It reopens with its number, its
/// charges, and its choice in the form.
#[test]
fn a_quote_saved_with_its_prompt_pay_choice_reopens_with_it() {
    let today = PriceBook::embedded_default().expect("valid");
    let reopened =
        reopen(&fixture("format-2-prompt-pay-chosen-excluded.json"), &today).expect("reopens");
    assert_eq!(reopened.quote.quote_number, "GFE-8W56-4SHT-H3F6-S");
    assert_eq!(
        reopened.quote.good_faith_estimate.total.cents.get(),
        868_700
    );
    assert_eq!(reopened.form.prompt_pay, Some(PromptPayChoice::Excluded));
    assert_eq!(reopened.quote.prompt_pay_warning, None);
}

/// The price-change notice is said in the staff page's language, whichever the file's: this file
/// left the prompt-pay discount out ($1,890.00), and the sample book's setting today includes it:
/// 1,890.00 − 5 % (94.50) = $1,795.50.
#[test]
fn the_price_change_is_said_in_the_pages_language() {
    let today = PriceBook::embedded_default().expect("valid");
    let reopened = reopen(&fixture("format-2-prompt-pay-excluded.json"), &today).expect("reopens");
    assert_eq!(
        reopened.price_change_in(&today, Language::Spanish).as_deref(),
        Some(
            "Los precios han cambiado desde que se emitió esta cotización. Conserva los precios de la \
             lista 2026.11-sample ($1,890.00); la lista de precios de hoy, 2026.11-sample, daría $1,795.50."
        )
    );
    assert_eq!(
        reopened.price_change_in(&today, Language::English),
        reopened.price_change
    );
}
