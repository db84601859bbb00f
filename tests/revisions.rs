//! Revisions: a reopened quote keeps the number the patient holds until staff change something that
//! prints; then it is a revised document, with a new number, issued on the page's date, that says
//! which document it replaces and when that one was issued, and whose file keeps the whole chain
//! (`replaces`). DESIGN.md, "Revisions".
//!
//! The `revision-*` fixtures in `tests/fixtures/saved-quotes/` were written by this code through
//! `examples/save_quote.rs` (`--revise` reopens a file and prices the changed request as the staff
//! page does): Lucía Herrera's self-pay quote issued 2026-12-01, revised on 2026-12-07 (the boot
//! removed) and again on 2026-12-09 (two injections); and a revision, on 2026-12-07, of a file
//! saved by release 729d275 (format 1), with 4 therapy sessions where it had 6.
//!
//! Amounts by hand from the sample price book (prices in `tests/cases/mod.rs`); valid until is the
//! issue date plus the book's 60 days.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{reopen, PromptPayChoice, Quote, QuoteRequest, Reopened, Replaced};
use sample_book::saved_quote as fixture;

fn sample() -> PriceBook {
    PriceBook::embedded_default().expect("valid")
}

/// The file `name` reopened under the sample book, and its form as the page sends it on `today`.
fn reopened_on(name: &str, today: &str) -> (Reopened, QuoteRequest) {
    let reopened = reopen(&fixture(name), &sample()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut form = reopened.form.clone();
    form.issued_on = today.into();
    (reopened, form)
}

/// What a reopened file prints in its header, and its total in cents.
fn header(quote: &Quote) -> (&str, &str, &str, Option<&str>, i64) {
    let gfe = &quote.good_faith_estimate;
    (
        gfe.quote_number.as_str(),
        gfe.issued_on.as_str(),
        gfe.valid_until.as_str(),
        gfe.replaces.as_deref(),
        gfe.total.cents.get(),
    )
}

const ORIGINAL: &str = "GFE-AAJ8-1STR-C4FQ-G";
const BOOT_REMOVED: &str = "GFE-FVJM-TR82-0AVD-X";
const TWO_INJECTIONS: &str = "GFE-0PT6-H8M8-8SEG-H";

#[test]
fn each_file_of_a_revision_chain_reopens_with_its_number_dates_and_what_it_replaces() {
    let today = sample();
    let cases = [
        // Consultation 250.00, one plantar fasciitis injection 1,200 + 150 + 125 = 1,475.00, the
        // boot 165.00: 1,890.00, less 5 % prompt pay (94.50) = 1,795.50. Dec 1 + 60 days: Dec 31 is
        // +30, Jan 30 +60.
        (
            "revision-chain-1-original.json",
            (ORIGINAL, "December 1, 2026", "January 30, 2027", None, 179_550),
        ),
        // The boot removed: 1,725.00, less 5 % (86.25) = 1,638.75. Dec 7 + 60: Dec 31 is +24,
        // Jan 31 +55, Feb 5 +60.
        (
            "revision-chain-2-boot-removed.json",
            (
                BOOT_REMOVED,
                "December 7, 2026",
                "February 5, 2027",
                Some("Revised Good Faith Estimate. Replaces GFE-AAJ8-1STR-C4FQ-G issued December 1, 2026."),
                163_875,
            ),
        ),
        // Two injections: 250 + 2 × 1,475 = 3,200.00, less 15 % of the second (221.25) =
        // 2,978.75, less 5 % (148.9375, to the nearest cent 148.94) = 2,829.81. Dec 9 + 60 = Feb 7.
        (
            "revision-chain-3-two-injections.json",
            (
                TWO_INJECTIONS,
                "December 9, 2026",
                "February 7, 2027",
                Some("Revised Good Faith Estimate. Replaces GFE-FVJM-TR82-0AVD-X issued December 7, 2026."),
                282_981,
            ),
        ),
        // Medicaid, in Spanish, a file of release 729d275 (format 1): Achilles tendinopathy, 2
        // injections, 2 × 1,485.00 = 2,970.00 less 15 % of one (222.75) = 2,747.25; therapy at the
        // clinic 160 + 4 × 95 = 540.00 -> 3,287.25; 5 % (164.3625 -> 164.36) -> 3,122.89. It
        // replaces the number on the patient's paper, the format-1 one.
        (
            "revision-of-release-729d275-spanish-medicaid.json",
            (
                "SPQ-A5RV-PZ5G-M3QC-Y",
                "7 de diciembre de 2026",
                "5 de febrero de 2027",
                Some("Cotización de pago directo revisada. Reemplaza el documento GFE-B8H3-F1A3-DFG3-E emitido el 2 de diciembre de 2026."),
                312_289,
            ),
        ),
    ];
    for (name, expected) in cases {
        let saved = fixture(name);
        assert_eq!(saved.quote_number, expected.0, "{name}");
        let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(header(&reopened.quote), expected, "{name}");
        assert_eq!(reopened.quote.saved, saved, "{name}");
    }
    // The file keeps the whole chain, the replaced document first.
    let last = fixture("revision-chain-3-two-injections.json");
    let chain: Vec<_> = last
        .request
        .replaces
        .iter()
        .map(|r| (r.quote_number.as_str(), r.issued_on.as_str()))
        .collect();
    assert_eq!(
        chain,
        [(BOOT_REMOVED, "2026-12-07"), (ORIGINAL, "2026-12-01")]
    );
}

/// Staff who reopen a file and change nothing that prints have the same document, whatever day it
/// is: its number, its dates, and the file it came from, for every file kept (format 1 and 2,
/// revisions too).
#[test]
fn a_reopened_quote_the_form_does_not_change_is_the_same_document_on_any_day() {
    let today = sample();
    let dir = format!("{}/tests/fixtures/saved-quotes", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("the fixtures") {
        let name = entry
            .expect("a file")
            .file_name()
            .into_string()
            .expect("a name");
        let saved = fixture(&name);
        let reopened = reopen(&saved, &today).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut form = reopened.form.clone();
        form.issued_on = "2027-01-20".into(); // the page's date, weeks later
        let again = reopened.requote(&today, &form).expect("a quote");
        assert_eq!(again, reopened.quote, "{name}");
        assert_eq!(again.quote_number, saved.quote_number, "{name}");
        seen += 1;
    }
    assert!(seen >= 19, "every fixture: {seen}");
}

/// Changed, a reopened quote is a revision issued on the page's date, priced by today's book; with
/// the change undone, it is the original again; a revision changed again extends the chain.
#[test]
fn a_changed_reopened_quote_is_a_revision_issued_today_that_names_what_it_replaces() {
    let today = sample();
    let (original, mut form) = reopened_on("revision-chain-1-original.json", "2026-12-07");
    form.answers.walking_boot = false;
    let revised = original.requote(&today, &form).expect("a revision");
    // The same change on the same day is the revision saved in the fixture.
    assert_eq!(revised.quote_number, BOOT_REMOVED);
    assert_eq!(
        header(&revised),
        (
            BOOT_REMOVED,
            "December 7, 2026",
            "February 5, 2027",
            Some("Revised Good Faith Estimate. Replaces GFE-AAJ8-1STR-C4FQ-G issued December 1, 2026."),
            163_875
        )
    );
    assert_eq!(
        revised.saved.request.replaces,
        [Replaced {
            quote_number: ORIGINAL.into(),
            issued_on: "2026-12-01".into()
        }]
    );
    // The boot back: the original document, as the patient holds it.
    form.answers.walking_boot = true;
    assert_eq!(
        original.requote(&today, &form).expect("a quote"),
        original.quote
    );

    // The saved revision reopened and changed again (two injections, on December 9).
    let revision = reopen(&revised.saved, &today).expect("reopens");
    assert_eq!(revision.quote.quote_number, BOOT_REMOVED);
    let mut form = revision.form.clone();
    form.issued_on = "2026-12-09".into();
    form.answers.injections = "2".into();
    form.later_injections_on = vec!["2026-12-29".into()];
    let again = revision.requote(&today, &form).expect("a revision");
    assert_eq!(again.quote_number, TWO_INJECTIONS);
    assert_eq!(again.saved.request.replaces.len(), 2);
}

/// A revised price quote says so in its own words. A Medicare patient's quote revised (the name
/// corrected) is a new document, so it meets today's rule for Medicare: no prompt-pay discount.
#[test]
fn any_change_that_prints_is_a_revision_in_the_words_of_its_kind() {
    let today = sample();
    let (medicare, mut form) = reopened_on("format-2-medicare.json", "2026-12-07");
    form.patient.name = "Robert J. Chen".into();
    let error = medicare
        .requote(&today, &form)
        .expect_err("a discount to a Medicare patient");
    assert_eq!(error.fields()[0].path, "prompt_pay");
    form.prompt_pay = Some(PromptPayChoice::NotOffered);
    let revised = medicare.requote(&today, &form).expect("a revision");
    assert_ne!(revised.quote_number, medicare.quote.quote_number);
    assert!(revised.quote_number.starts_with("SPQ-"));
    // Consultation 250 + 1,200 + 150 + 125 + boot 165 = 1,890.00, with no prompt-pay discount
    // (the saved quote's was 5 %, 94.50 off: 1,795.50).
    assert_eq!(revised.good_faith_estimate.total.cents.get(), 189_000);
    assert_eq!(
        revised.good_faith_estimate.replaces.as_deref(),
        Some(
            "Revised self-pay price quote. Replaces SPQ-FQA9-71A3-QMXX-1 issued December 2, 2026."
        )
    );
    assert_eq!(revised.good_faith_estimate.issued_on, "December 7, 2026");
}

/// A revision is a new document: it meets today's rules, and is priced by today's book.
#[test]
fn a_revision_is_refused_as_a_new_quote_would_be() {
    let (original, mut form) = reopened_on("revision-chain-1-original.json", "2026-12-07");
    form.side = String::new();
    let error = original.requote(&sample(), &form).expect_err("no side");
    assert_eq!(error.fields()[0].path, "side");
}

/// The chain is in the number: a file whose chain was edited, or a format-1 file given one, is
/// refused, as any other edited file.
#[test]
fn an_edited_chain_is_refused() {
    let today = sample();
    let mut edited = fixture("revision-chain-2-boot-removed.json");
    edited.request.replaces[0].issued_on = "2026-11-30".into();
    let error = reopen(&edited, &today).expect_err("edited");
    assert!(
        error
            .to_string()
            .starts_with("quote_number: the file's content gives GFE-"),
        "{error}"
    );
    let mut dropped = fixture("revision-chain-2-boot-removed.json");
    dropped.request.replaces.clear();
    assert!(reopen(&dropped, &today).is_err());
    let mut format_1 = fixture("spanish.json");
    format_1.request.replaces = vec![Replaced {
        quote_number: ORIGINAL.into(),
        issued_on: "2026-12-01".into(),
    }];
    let error = reopen(&format_1, &today).expect_err("format 1 has no chain");
    assert_eq!(error.fields()[0].path, "request.replaces");
}

/// A request's chain is read and checked like every other field: a number and a date, none issued
/// after the document that replaces it.
#[test]
fn a_chain_that_cannot_be_is_refused_at_its_field() {
    let today = sample();
    let mut request = fixture("revision-chain-1-original.json").request;
    request.prompt_pay = Some(PromptPayChoice::Included);
    request.replaces = vec![
        Replaced {
            quote_number: " ".into(),
            issued_on: "2026-12-02".into(),
        },
        Replaced {
            quote_number: ORIGINAL.into(),
            issued_on: "2026-12-05".into(),
        },
    ];
    let error = amnion_estimator::quote::quote(&today, &request).expect_err("refused");
    let paths: Vec<_> = error.fields().iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "replaces.0.quote_number",
            "replaces.0.issued_on",
            "replaces.1.issued_on"
        ],
        "{error}"
    );
}

/// On a computer whose clock is before the reopened quote's issue date, a change cannot be a
/// revision: it would be issued before the document it replaces. Staff are told to check the date.
#[test]
fn a_revision_dated_before_the_quote_it_revises_is_refused() {
    let (original, mut form) = reopened_on("revision-chain-1-original.json", "2026-11-30");
    form.answers.walking_boot = false;
    let error = original
        .requote(&sample(), &form)
        .expect_err("before the original");
    assert_eq!(
        error.to_string(),
        "replaces.0.issued_on: the quote this revises was issued on December 1, 2026, after today \
         (November 30, 2026): check the computer's date"
    );
}

/// A document reopened after its last valid day says so: a reprint is a copy of what the patient
/// was given, and care from now on needs a revision.
#[test]
fn a_document_past_its_last_valid_day_says_it_expired() {
    // Issued 2026-12-01 with the sample's 60 valid days: 30 more days in December (to the 31st),
    // then 30 in January: valid until January 30, 2027.
    let (original, _) = reopened_on("revision-chain-1-original.json", "2027-02-10");
    assert_eq!(original.expired("2027-01-30"), None, "its last valid day");
    assert_eq!(
        original.expired("2027-01-31").as_deref(),
        Some(
            "This Good Faith Estimate expired on January 30, 2027, the last day it was valid. Print it \
             only as a copy of what the patient was given; for care from now on, change the form: that \
             makes a revised estimate, issued today."
        )
    );
}

#[test]
fn a_document_in_the_other_language_says_a_change_revises_it_in_the_pages() {
    // Billing walk-through 6, item 7: an English estimate changed on the Spanish page became a
    // Spanish revision without a word.
    use amnion_estimator::language::Language;
    let (english, _) = reopened_on("revision-chain-1-original.json", "2026-12-07");
    assert_eq!(english.other_language_in(Language::English), None);
    assert_eq!(
        english.other_language_in(Language::Spanish).as_deref(),
        Some(
            "Este documento está en inglés. Un cambio crea su revisión en español, el idioma de \
             esta página; para entregar al paciente una revisión en inglés, ábralo en la página \
             del personal en inglés."
        )
    );
    let (spanish, _) = reopened_on("format-2-spanish.json", "2026-12-07");
    assert_eq!(spanish.other_language_in(Language::Spanish), None);
    assert!(spanish
        .other_language_in(Language::English)
        .is_some_and(|said| said.starts_with("This document is in Spanish.")));
}
