//! The register of estimates given (`quote::register`), through the public API: what an entry is,
//! that an edited entry is refused with its number, search, sorting, what is due or ending, the
//! backup and its import (all or nothing, merged by number), the backup reminder, and a bill
//! recorded with an entry. Every date and amount is worked out by hand in the comments; the sample
//! book's prices are in `tests/cases/mod.rs`, its `valid_days` is 60.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::language::Language;
use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::register::{
    self, backup_reminder, given, import, matches, record, view, with_bill, RegisterEntry,
    RegisterRecord, SortBy,
};
use amnion_estimator::quote::{Bill, Quote};
use amnion_estimator::read::Value;
use sample_book::{book, priced};

/// One injection for plantar fasciitis with a consultation and a boot (`tests/bill_check.rs`):
/// the clinic's total after the 5 % prompt-pay discount is 237.50 + 1,140.00 + 142.50 + 118.75 +
/// 156.75 = $1,795.50. Issued 2026-11-21 (a Saturday), injection on `scheduled`, booked on
/// `booked`, for `name`.
fn quote_for(name: &str, scheduled: &str, booked: &str) -> Quote {
    let json = format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1", "consultation": true, "walking_boot": true }},
           "scheduled_on": "{scheduled}", "booked_on": "{booked}""#
    );
    let mut quote = priced(&json);
    if name != "Ana Ruiz" {
        let mut request = quote.saved.request.clone();
        request.patient.name = name.to_owned();
        request.patient.date_of_birth = "1982-07-30".to_owned();
        quote = amnion_estimator::quote::quote(&book(), &request).expect("priced");
    }
    quote
}

fn entry(record: &RegisterRecord) -> RegisterEntry {
    RegisterEntry::of(record, &book()).unwrap_or_else(|e| panic!("{e}"))
}

fn refused(record: &RegisterRecord) -> Vec<String> {
    match RegisterEntry::of(record, &book()) {
        Ok(_) => panic!("not refused"),
        Err(error) => error.fields().iter().map(|f| f.to_string()).collect(),
    }
}

#[test]
fn an_entry_is_worked_out_from_its_saved_file() {
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let entry = entry(&record(&quote.saved, "2026-11-21"));
    assert_eq!(entry.quote_number, quote.quote_number);
    assert!(entry.quote_number.starts_with("GFE-"));
    assert_eq!(entry.patient_name, "Ana Ruiz");
    assert_eq!(entry.date_of_birth, "1970-03-04");
    assert_eq!(entry.issued_on, "2026-11-21");
    // 2026-11-21 + 60 days: 9 left in November (30), 31 in December (40), January 20 (60).
    assert_eq!(entry.valid_until, "2027-01-20");
    assert_eq!(entry.service_dates, ["2026-12-15"]);
    // Booked Friday, November 20; the 10th business day after it is December 7 (Nov 23, 24, 25,
    // 27 (26 is Thanksgiving), 30, Dec 1, 2, 3, 4, 7), on or before the injection of December 15:
    // due within 3 business days of booking: Nov 23, 24, 25.
    assert_eq!(entry.due_on.as_deref(), Some("2026-11-25"));
    assert_eq!(entry.providers.len(), 1);
    assert_eq!(entry.providers[0].total.cents.get(), 179_550);
    assert_eq!(entry.total.formatted, "$1,795.50");
    assert!(entry.given.is_empty() && entry.replaces.is_empty());
}

#[test]
fn an_edited_entry_is_refused_with_its_number() {
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let number = quote.quote_number.clone();
    // The patient's name changed in the kept file: its content no longer gives its number.
    let mut edited = record(&quote.saved, "2026-11-21");
    edited.saved.request.patient.name = "Ana Ruiz Peña".to_owned();
    let problems = refused(&edited);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with(&format!("saved: {number}: the file's content gives GFE-")),
        "{problems:?}"
    );
    assert!(
        problems[0].ends_with("it was changed after saving"),
        "{problems:?}"
    );
    // The record's key changed, not its file.
    let mut renumbered = record(&quote.saved, "2026-11-21");
    renumbered.quote_number = "GFE-0000-0000-0000-0".to_owned();
    let problems = refused(&renumbered);
    assert!(
        problems[0].starts_with(
            "saved.quote_number: GFE-0000-0000-0000-0: the entry's file is quote GFE-"
        ),
        "{problems:?}"
    );
    // Given before the day it was issued (2026-11-21).
    let mut early = record(&quote.saved, "2026-11-21");
    early.given.push(register::Given {
        on: "2026-11-20".into(),
        how: register::GivenHow::Paper,
    });
    assert_eq!(
        refused(&early),
        [format!(
            "given.0.on: {number}: given before the day it was issued"
        )]
    );
}

#[test]
fn search_by_name_date_of_birth_or_number() {
    let ana = entry(&record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    ));
    let jose = entry(&record(
        &quote_for("José Peña", "2026-12-16", "2026-11-20").saved,
        "2026-11-21",
    ));
    for query in [
        "",
        "ruiz",
        "RUIZ ana",
        "  ana   ruiz ",
        "1970-03-04",
        "3/4/1970",
        "03/04/1970",
    ] {
        assert!(matches(&ana, query), "{query:?} finds Ana Ruiz");
        if !query.is_empty() {
            assert!(!matches(&jose, query), "{query:?} does not find José Peña");
        }
    }
    for query in ["jose pena", "Peña", "1982-07-30", "7/30/1982"] {
        assert!(matches(&jose, query), "{query:?} finds José Peña");
    }
    // A number, with or without its dashes, any case, or 4 of its characters.
    let number = ana.quote_number.clone();
    let compact: String = number.chars().filter(|c| *c != '-').collect();
    assert!(matches(&ana, &number));
    assert!(matches(&ana, &compact.to_lowercase()));
    assert!(matches(&ana, &compact[3..7]));
    assert!(!matches(&jose, &number));
    // Another date than the date of birth finds nothing (the injection's, here).
    assert!(!matches(&ana, "2026-12-15"));
}

#[test]
fn sorted_by_service_date_or_due_date() {
    // Booked 2026-11-20 (Friday) for injections on Dec 15 and Dec 1:
    // Dec 15: due within 3 business days: Nov 25 (above).
    // Dec 1: the 10th business day after Nov 20 is Dec 7, after Dec 1; the 3rd is Nov 25, before
    // it: due within 1 business day: Monday, Nov 23.
    let late = entry(&record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    ));
    let early = entry(&record(
        &quote_for("José Peña", "2026-12-01", "2026-11-20").saved,
        "2026-11-21",
    ));
    assert_eq!(early.due_on.as_deref(), Some("2026-11-23"));
    let entries = [late.clone(), early.clone()];
    let order = |sort| -> Vec<String> {
        view(&entries, "", sort, "2026-11-21")
            .entries
            .into_iter()
            .map(|e| e.patient_name)
            .collect()
    };
    assert_eq!(order(SortBy::ServiceDate), ["José Peña", "Ana Ruiz"]);
    assert_eq!(order(SortBy::DueDate), ["José Peña", "Ana Ruiz"]);
    // By injection date from December 5: Ana's December 15 is the next injection; José's
    // December 1 has passed, so his estimate comes after, and one with no injection dated last.
    let undated = entry(&record(&quote_for("Lee Park", "", "").saved, "2026-11-21"));
    let three = [early.clone(), undated, late.clone()];
    let on_december_5: Vec<String> = view(&three, "", SortBy::ServiceDate, "2026-12-05")
        .entries
        .into_iter()
        .map(|e| e.patient_name)
        .collect();
    assert_eq!(on_december_5, ["Ana Ruiz", "José Peña", "Lee Park"]);
    // By due date, what is still to give comes first: José's (due November 23) recorded as given
    // on paper on the 22nd goes after Ana's (due November 25, not given).
    let jose_given = entry(
        &given(
            record(
                &quote_for("José Peña", "2026-12-01", "2026-11-20").saved,
                "2026-11-21",
            ),
            "paper",
            "2026-11-22",
            "2026-11-22",
        )
        .unwrap(),
    );
    let by_due: Vec<String> = view(
        &[jose_given, late.clone()],
        "",
        SortBy::DueDate,
        "2026-11-22",
    )
    .entries
    .into_iter()
    .map(|e| e.patient_name)
    .collect();
    assert_eq!(by_due, ["Ana Ruiz", "José Peña"]);
    // A replaced estimate's dates are what its revision changed: it sorts after the others.
    let mut revision = early.clone();
    revision.quote_number = "GFE-REVISED".into();
    revision.patient_name = "José Peña (revised)".into();
    revision.service_dates = vec!["2026-12-20".into()];
    revision.replaces = vec![early.quote_number.clone()];
    let with_revision: Vec<String> = view(
        &[early.clone(), late.clone(), revision],
        "",
        SortBy::ServiceDate,
        "2026-11-21",
    )
    .entries
    .into_iter()
    .map(|e| e.patient_name)
    .collect();
    assert_eq!(
        with_revision,
        ["Ana Ruiz", "José Peña (revised)", "José Peña"]
    );
    let shown = view(&entries, "pena", SortBy::Issued, "2026-11-21");
    assert_eq!(
        shown.summary,
        "1 of 2 estimates match \u{201c}pena\u{201d}."
    );
    assert_eq!(shown.entries.len(), 1);
}

#[test]
fn due_today_and_overdue_until_recorded_as_given() {
    // Due November 25 (above).
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let kept = record(&quote.saved, "2026-11-21");
    let entries = [entry(&kept)];
    assert!(view(&entries, "", SortBy::Issued, "2026-11-23")
        .due
        .is_empty());
    // The day before (billing walk-through, item 4): a 1-business-day deadline cannot wait.
    let tomorrow = view(&entries, "", SortBy::Issued, "2026-11-24").due;
    assert_eq!(
        tomorrow[0].says,
        "Due to the patient tomorrow, November 25, 2026, and not yet recorded as given."
    );
    let due = view(&entries, "", SortBy::Issued, "2026-11-25").due;
    assert_eq!(due.len(), 1);
    assert_eq!(
        due[0].says,
        "Due to the patient today, and not yet recorded as given."
    );
    let overdue = view(&entries, "", SortBy::Issued, "2026-11-26").due;
    assert_eq!(
        overdue[0].says,
        "Overdue: it was due to the patient by November 25, 2026, and is not recorded as given."
    );
    // Recorded as given on paper on the 24th: nothing is due.
    let handed = given(kept, "paper", "2026-11-24", "2026-11-26").expect("given");
    assert!(view(&[entry(&handed)], "", SortBy::Issued, "2026-11-26")
        .due
        .is_empty());
}

/// Two injections for plantar fasciitis, issued 2026-11-21 (valid until 2027-01-20), the first
/// dated `first`, the second `second` (blank: not yet dated).
fn two_injections(first: &str, second: &str) -> RegisterEntry {
    let json = format!(
        r#""answers": {{ "condition": "plantar_fasciitis", "injections": "2", "consultation": true }},
           "scheduled_on": "{first}", "later_injections_on": ["{second}"], "booked_on": "2026-11-20""#
    );
    entry(&record(&priced(&json).saved, "2026-11-21"))
}

#[test]
fn no_revision_asked_while_every_planned_injection_is_dated_before_the_end() {
    // The walk-through's case (item 5): valid until 2027-01-20, both injections dated before it
    // (2026-12-15 and 2027-01-10), so nothing the estimate plans falls outside it.
    let both_dated = two_injections("2026-12-15", "2027-01-10");
    assert_eq!(both_dated.valid_until, "2027-01-20");
    assert_eq!(both_dated.injections_planned, 2);
    for today in ["2026-12-21", "2027-01-05", "2027-01-10"] {
        assert!(
            view(std::slice::from_ref(&both_dated), "", SortBy::Issued, today)
                .expiring
                .is_empty(),
            "{today}"
        );
    }
    // One injection, dated 2027-01-10, inside valid-until 2027-01-20: likewise.
    let one = entry(&record(
        &quote_for("Ana Ruiz", "2027-01-10", "2026-11-20").saved,
        "2026-11-21",
    ));
    assert!(view(&[one], "", SortBy::Issued, "2026-12-21")
        .expiring
        .is_empty());
}

#[test]
fn due_on_a_monday_is_listed_from_the_business_day_before() {
    // Booked Wednesday, November 18, for December 15: the 10th business day after the booking is
    // December 3 (Nov 19, 20, 23, 24, 25, 27 (26 is Thanksgiving), 30, Dec 1, 2, 3), on or before
    // Dec 15, so it is due within 3 business days: Nov 19, 20, 23, a Monday.
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-18");
    let entries = [entry(&record(&quote.saved, "2026-11-21"))];
    assert_eq!(entries[0].due_on.as_deref(), Some("2026-11-23"));
    // Listed from Friday the 20th, the business day before (earlier than Sunday the 22nd).
    assert_eq!(entries[0].due_listed_from.as_deref(), Some("2026-11-20"));
    assert!(view(&entries, "", SortBy::Issued, "2026-11-19")
        .due
        .is_empty());
    assert_eq!(
        view(&entries, "", SortBy::Issued, "2026-11-21").due[0].says,
        "Due to the patient by November 23, 2026, the next business day, and not yet recorded as given."
    );
    assert_eq!(
        view(&entries, "", SortBy::Issued, "2026-11-22").due[0].says,
        "Due to the patient tomorrow, November 23, 2026, and not yet recorded as given."
    );
}

#[test]
fn ending_within_30_days_while_an_injection_is_still_planned() {
    // Valid until 2027-01-20 (above), the first injection on 2027-01-10 and the second planned but
    // not yet dated: it may fall after the end.
    let entries = [two_injections("2027-01-10", "")];
    assert_eq!(entries[0].injections_planned, 2);
    // December 20 + 30 days is January 19 (11 left in December): the end is not within it.
    assert!(view(&entries, "", SortBy::Issued, "2026-12-20")
        .expiring
        .is_empty());
    // December 21 + 30 days is January 20: it is.
    let ending = view(&entries, "", SortBy::Issued, "2026-12-21").expiring;
    assert_eq!(ending.len(), 1);
    assert_eq!(
        ending[0].says,
        "Valid until January 20, 2027, with an injection still planned: revise it before then."
    );
    // After the valid-until day, with no injection dated ahead: listed as expired for 30 days
    // more (billing walk-through 5, item 3: it vanished the day after), not for ever. January 20
    // + 30 days is February 19 (11 left in January, 19 in February).
    for day in ["2027-01-21", "2027-02-19"] {
        assert_eq!(
            view(&entries, "", SortBy::Issued, day).expiring[0].says,
            "Expired after January 20, 2027 with an injection still planned: give a revised estimate.",
            "{day}"
        );
    }
    let later = view(&entries, "", SortBy::Issued, "2027-02-20");
    assert!(later.expiring.is_empty());
    // The entry itself says so from the day after its last valid day, for good (billing
    // walk-through 6, item 1).
    let expired = "No longer valid: its last valid day was January 20, 2027".to_owned();
    assert!(later.entries[0].lines.contains(&expired));
    assert!(!view(&entries, "", SortBy::Issued, "2027-01-20").entries[0]
        .lines
        .contains(&expired));
    assert!(view(&entries, "", SortBy::Issued, "2027-01-21").entries[0]
        .lines
        .contains(&expired));
    // A revision that replaces it takes it off the list.
    let mut revised = entries[0].clone();
    revised.quote_number = "GFE-REVISED".into();
    revised.replaces = vec![entries[0].quote_number.clone()];
    revised.valid_until = "2027-03-01".into();
    let both = [entries[0].clone(), revised];
    let shown = view(&both, "", SortBy::Issued, "2026-12-21");
    assert!(shown.expiring.is_empty(), "{:?}", shown.expiring);
    let original = shown
        .entries
        .iter()
        .find(|e| e.quote_number == entries[0].quote_number)
        .unwrap();
    assert_eq!(original.replaced_by.as_deref(), Some("GFE-REVISED"));
}

#[test]
fn how_it_was_given_is_checked() {
    let kept = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    let problems = |how: &str, on: &str| -> Vec<String> {
        match given(kept.clone(), how, on, "2026-11-26") {
            Ok(_) => Vec::new(),
            Err(error) => error.fields().iter().map(|f| f.to_string()).collect(),
        }
    };
    assert_eq!(problems("", "2026-11-24"), ["how: choose how it was given"]);
    assert_eq!(
        problems("email", "2026-11-27"),
        ["on: the day it was given must not be after today"]
    );
    assert_eq!(
        problems("portal", "2026-11-20"),
        ["on: the day it was given must not be before the day it was issued"]
    );
    // Blank is today; the same twice is kept once.
    let once = given(kept, "email", "", "2026-11-26").expect("given");
    let twice = given(once.clone(), "email", "2026-11-26", "2026-11-26").expect("given");
    assert_eq!(once, twice);
    assert_eq!(twice.given.len(), 1);
    assert_eq!(twice.given[0].on, "2026-11-26");
}

/// The backup of `records`, as the page downloads it and reads it back.
fn backup_file(records: &[RegisterRecord]) -> Value {
    let json = serde_json::to_string(&register::backup(records, "2026-11-30").expect("a backup"))
        .expect("JSON");
    Value::from_json(&json).expect("parsed")
}

#[test]
fn a_backup_imports_merged_by_number_and_twice_adds_nothing() {
    let ana = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    let jose = record(
        &quote_for("José Peña", "2026-12-01", "2026-11-20").saved,
        "2026-11-22",
    );
    let file = backup_file(&[ana.clone(), jose.clone()]);
    // Into an empty register (another computer, or after the browser was cleared): both.
    let first = import(&file, &[], &book()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        first.says,
        "Imported 2 entries: 2 new, 0 added to, 0 already in the register."
    );
    assert_eq!(first.write.len(), 2);
    assert!(first.write.contains(&ana) && first.write.contains(&jose));
    // Again, into the register that now holds them: nothing to write.
    let again = import(&file, &first.write, &book()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again.says,
        "Imported 2 entries: 0 new, 0 added to, 2 already in the register."
    );
    assert!(again.write.is_empty());
    // The register here knows Ana's was emailed; the file, that it was given on paper: both kept.
    let emailed = given(ana.clone(), "email", "2026-11-23", "2026-11-30").unwrap();
    let on_paper = given(ana.clone(), "paper", "2026-11-22", "2026-11-30").unwrap();
    let merged = import(&backup_file(&[on_paper]), &[emailed], &book()).unwrap();
    assert_eq!(
        merged.says,
        "Imported 1 entry: 0 new, 1 added to, 0 already in the register."
    );
    let ways: Vec<(&str, &str)> = merged.write[0]
        .given
        .iter()
        .map(|g| {
            (
                g.on.as_str(),
                match g.how {
                    register::GivenHow::Paper => "paper",
                    register::GivenHow::Email => "email",
                    register::GivenHow::Portal => "portal",
                },
            )
        })
        .collect();
    assert_eq!(ways, [("2026-11-22", "paper"), ("2026-11-23", "email")]);
}

#[test]
fn a_backup_with_an_edited_entry_imports_nothing_and_names_it() {
    let ana = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    let mut jose = record(
        &quote_for("José Peña", "2026-12-01", "2026-11-20").saved,
        "2026-11-22",
    );
    let number = jose.quote_number.clone();
    // The 1 mL vial's price lowered by hand in the kept price book, $1,200.00 to $1.00.
    let mut saved = serde_json::to_value(&jose.saved).unwrap();
    saved["price_book"]["products"][0]["price_cents"] = 100.into();
    jose.saved = serde_json::from_value(saved).unwrap();
    let file = backup_file(&[ana, jose]);
    let error = import(&file, &[], &book()).expect_err("refused");
    let problems: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    // The entries are sorted by number in the file: José's is the first or the second.
    assert!(
        problems[0].starts_with("entries.0: Entry 1: ")
            || problems[0].starts_with("entries.1: Entry 2: "),
        "{problems:?}"
    );
    assert!(
        problems[0].contains(&format!(": {number}: ")),
        "{problems:?}"
    );
    // Not a backup at all.
    let quote_file = Value::from_json(
        &serde_json::to_string(&quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved).unwrap(),
    )
    .unwrap();
    let error = import(&quote_file, &[], &book()).expect_err("refused");
    // In a person's words (billing walk-through, item 11), not the format tags.
    assert_eq!(
        error.fields()[0].reason,
        "This is a saved quote, not a register backup: open it with \u{201c}Open saved quote\u{201d} above."
    );
    let other = Value::from_json(r#"{ "format": "something/else", "entries": [] }"#).unwrap();
    assert_eq!(
        import(&other, &[], &book()).expect_err("refused").fields()[0].reason,
        "This is not a register backup from this estimator."
    );
    let newer =
        Value::from_json(r#"{ "format": "amnion-estimator/register/3", "entries": [] }"#).unwrap();
    assert!(
        import(&newer, &[], &book()).expect_err("refused").fields()[0]
            .reason
            .starts_with("This backup was made by a newer release of the estimator")
    );
}

#[test]
fn the_backup_reminder_after_7_days() {
    assert_eq!(
        backup_reminder(None, "2026-11-28", 0, 7),
        None,
        "nothing to back up"
    );
    assert_eq!(
        backup_reminder(None, "2026-11-28", 2, 7).as_deref(),
        Some("No backup of the register has been exported from this browser: its 2 estimates may be kept nowhere else. Export a backup and keep the file somewhere safe.")
    );
    assert_eq!(
        backup_reminder(None, "2026-11-28", 1, 7).as_deref(),
        Some("No backup of the register has been exported from this browser: its 1 estimate may be kept nowhere else. Export a backup and keep the file somewhere safe.")
    );
    // November 21 + 7 days is November 28: not older than 7 days on the 28th; older on the 29th.
    assert_eq!(
        backup_reminder(Some("2026-11-21"), "2026-11-28", 2, 7),
        None
    );
    assert_eq!(
        backup_reminder(Some("2026-11-21"), "2026-11-29", 2, 7).as_deref(),
        Some(
            "The last backup was made on November 21, 2026, more than 7 days ago. Export a backup."
        )
    );
}

/// The sample book with the clinic's `backup_reminder_days` set to `days` (JSON), and what
/// reading it gives.
fn book_with_reminder_days(days: &str) -> Result<PriceBook, Vec<String>> {
    let mut json = sample_book::sample();
    json["clinic"]["backup_reminder_days"] = serde_json::from_str(days).expect("JSON");
    PriceBook::from_json(&json.to_string())
        .map_err(|error| error.fields().iter().map(|f| f.to_string()).collect())
}

#[test]
fn the_backup_reminder_days_are_the_clinics_setting() {
    // The sample book has no setting: 7 days, and the book writes back without the field (every
    // saved quote carries its book, and the revision fixtures hold the whole sample).
    assert_eq!(register::reminder_days(&book()), 7);
    let written = serde_json::to_string(book().document()).expect("writes");
    assert!(!written.contains("backup_reminder_days"), "{written}");

    let fortnight = book_with_reminder_days("14").expect("14 days is a setting");
    assert_eq!(register::reminder_days(&fortnight), 14);
    let written = serde_json::to_string(fortnight.document()).expect("writes");
    assert!(
        written.contains(r#""backup_reminder_days":14"#),
        "{written}"
    );
    // November 10 + 14 days is November 24: not older than 14 days on the 24th; older on the
    // 25th, where 7 days would have reminded since the 18th (10 + 7 = 17).
    let days = register::reminder_days(&fortnight);
    assert_eq!(
        backup_reminder(Some("2026-11-10"), "2026-11-24", 3, days),
        None
    );
    assert_eq!(
        backup_reminder(Some("2026-11-10"), "2026-11-25", 3, days).as_deref(),
        Some(
            "The last backup was made on November 10, 2026, more than 14 days ago. Export a backup."
        )
    );
    assert!(backup_reminder(Some("2026-11-10"), "2026-11-18", 3, 7).is_some());

    // 1 to 90 days: the ends are settings, one past them is refused at the field, in words.
    assert_eq!(
        register::reminder_days(&book_with_reminder_days("1").expect("1 day")),
        1
    );
    assert_eq!(
        register::reminder_days(&book_with_reminder_days("90").expect("90 days")),
        90
    );
    for (days, is) in [("0", "0"), ("91", "91")] {
        let problems = book_with_reminder_days(days).expect_err("refused");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("clinic.backup_reminder_days: ")
                && problems[0].contains("1")
                && problems[0].contains("90")
                && problems[0].contains(is),
            "{problems:?}"
        );
    }
    assert!(book_with_reminder_days("\"a week\"").is_err());
}

#[test]
fn a_bill_checked_from_an_entry_is_recorded_with_it() {
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let kept = record(&quote.saved, "2026-11-21");
    // The clinic bills $2,195.50: 2,195.50 − 1,795.50 = 400.00, at least $400 more. Dated
    // 2026-12-15: + 120 days is April 14, 2027 (16 + 31 + 28 + 31 + 14).
    let json = r#"{ "billed_on": "2026-12-15", "providers": [ { "npi": "1234567893", "total": "2,195.50" } ] }"#;
    let bill = Bill::from_value(&Value::from_json(json).unwrap()).unwrap();
    let (recorded, check) =
        with_bill(kept, &book(), bill.clone(), "2026-12-20").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(check.providers[0].difference.cents.get(), 40_000);
    assert!(check.providers[0].substantially_in_excess);
    assert_eq!(
        check.providers[0].dispute_until.as_deref(),
        Some("2027-04-14")
    );
    let kept_bill = recorded.bill.as_ref().expect("recorded");
    assert_eq!(
        (kept_bill.checked_on.as_str(), &kept_bill.bill),
        ("2026-12-20", &bill)
    );
    assert_eq!(
        entry(&recorded).bill_checked_on.as_deref(),
        Some("2026-12-20")
    );
    // The record with its bill goes through a backup and back.
    let back = import(&backup_file(std::slice::from_ref(&recorded)), &[], &book()).unwrap();
    assert_eq!(back.write, [recorded]);
}

#[test]
fn a_replaced_estimate_opens_and_prints_as_a_copy_for_the_record() {
    // Item 1 of the billing walk-through: the register names the revision and its issue day.
    let original = entry(&record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    ));
    let mut revised = original.clone();
    revised.quote_number = "GFE-REVISED".into();
    revised.issued_on = "2026-11-23".into();
    revised.replaces = vec![original.quote_number.clone()];
    let both = [original.clone(), revised];
    let (english, spanish) = (Language::English, Language::Spanish);
    let copy =
        register::replaced_copy(&both, &original.quote_number, english, english).expect("replaced");
    assert_eq!(copy.replaced_by, "GFE-REVISED");
    assert_eq!(
        copy.printed,
        "Replaced by GFE-REVISED issued November 23, 2026: this copy is for the record."
    );
    assert!(copy.page.starts_with(&format!(
        "{} was replaced by GFE-REVISED, issued November 23, 2026.",
        original.quote_number
    )));
    // On the Spanish page, the notice beside an English document is Spanish, but the line printed
    // on it stays English, so the printout is in one language (billing walk-through 4, item 1).
    let on_spanish_page =
        register::replaced_copy(&both, &original.quote_number, spanish, english).expect("replaced");
    assert!(on_spanish_page.page.starts_with("El documento GFE-"));
    assert!(on_spanish_page
        .page
        .contains("emitido el 23 de noviembre de 2026"));
    assert_eq!(on_spanish_page.printed, copy.printed);
    // A Spanish document prints its line in Spanish, whatever the page's language.
    let spanish_document =
        register::replaced_copy(&both, &original.quote_number, english, spanish).expect("replaced");
    assert_eq!(
        spanish_document.printed,
        "Reemplazado por GFE-REVISED, emitido el 23 de noviembre de 2026: esta copia es para el archivo."
    );
    assert_eq!(spanish_document.page, copy.page);
    // The revision itself, and an estimate nothing replaces, are not copies.
    assert!(register::replaced_copy(&both, "GFE-REVISED", english, english).is_none());
    assert!(register::replaced_copy(
        std::slice::from_ref(&original),
        &original.quote_number,
        english,
        english
    )
    .is_none());
}

#[test]
fn search_by_a_date_of_birth_as_the_register_shows_it_or_its_year() {
    // Billing walk-through, item 10: Ana Ruiz's date of birth is shown "March 4, 1970".
    let ana = entry(&record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    ));
    let shown = view(std::slice::from_ref(&ana), "", SortBy::Issued, "2026-11-21");
    assert!(shown.entries[0].lines[0].starts_with("Date of birth March 4, 1970"));
    for typed in [
        "March 4, 1970",
        "march 4 1970",
        "Mar 4, 1970",
        "4 de marzo de 1970",
        "1970",
    ] {
        assert!(matches(&ana, typed), "{typed}");
    }
    for typed in ["March 5, 1970", "April 4, 1970", "1971", "May 4"] {
        assert!(!matches(&ana, typed), "{typed}");
    }
    // The same through the view: José Peña was born July 30, 1982 (`quote_for`).
    let jose = entry(&record(
        &quote_for("José Peña", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    ));
    let both = [ana, jose];
    let found = view(&both, "July 30, 1982", SortBy::Issued, "2026-11-21");
    assert_eq!(found.entries.len(), 1);
    assert_eq!(found.entries[0].patient_name, "José Peña");
    assert_eq!(
        view(&both, "1982", SortBy::Issued, "2026-11-21").entries[0].patient_name,
        "José Peña"
    );
}

#[test]
fn the_register_speaks_spanish_on_the_spanish_page() {
    // Billing walk-through, item 2: due November 25 (above), overdue on the 26th.
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let entries = [entry(&record(&quote.saved, "2026-11-21"))];
    let shown = register::view_in(
        &entries,
        "",
        SortBy::Issued,
        "2026-11-26",
        Language::Spanish,
        usize::MAX,
    );
    assert_eq!(shown.summary, "1 estimado en el registro.");
    // The entry's title is in the page's words, though the estimate was given in English (billing
    // walk-through 4, item 1); its printed copy stays English.
    let on_spanish_page = RegisterEntry::of_in(
        &record(&quote.saved, "2026-11-21"),
        &book(),
        Language::Spanish,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_spanish_page.title, "Estimado de buena fe");
    assert_eq!(entries[0].title, "Good Faith Estimate");
    assert_eq!(
        shown.entries[0].lines[0],
        "Fecha de nacimiento: 4 de marzo de 1970 · Emitido el 21 de noviembre de 2026 · Válido hasta el 20 de enero de 2027"
    );
    assert!(shown.entries[0]
        .lines
        .contains(&"Aún no consta que se haya entregado al paciente".to_owned()));
    assert_eq!(
        shown.due[0].says,
        "Atrasado: debía entregarse al paciente a más tardar el 25 de noviembre de 2026, y no consta que se haya entregado."
    );
    let searched = register::view_in(
        &entries,
        "zzz",
        SortBy::Issued,
        "2026-11-26",
        Language::Spanish,
        usize::MAX,
    );
    assert_eq!(
        searched.summary,
        "0 de 1 estimado coincide con \u{201c}zzz\u{201d}."
    );
    // English is as before.
    assert_eq!(
        register::view_in(
            &entries,
            "",
            SortBy::Issued,
            "2026-11-26",
            Language::English,
            usize::MAX,
        )
        .summary,
        "1 estimate in the register."
    );
}

#[test]
fn the_backup_reminder_and_the_import_speak_spanish_too() {
    // 2026-11-01 + 7 days is November 8, before November 21: the last backup is old.
    assert_eq!(
        register::backup_reminder_in(Some("2026-11-01"), "2026-11-21", 2, 7, Language::Spanish)
            .as_deref(),
        Some("La última copia de seguridad se hizo el 1 de noviembre de 2026, hace más de 7 días. Exporte una copia de seguridad.")
    );
    let quote_file = Value::from_json(
        &serde_json::to_string(&quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved).unwrap(),
    )
    .unwrap();
    let error =
        register::import_in(&quote_file, &[], &book(), Language::Spanish).expect_err("refused");
    assert!(error.fields()[0]
        .reason
        .starts_with("Este archivo es una cotización guardada, no una copia de seguridad"));
    let kept = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    let file = Value::from_json(
        &serde_json::to_string(
            &register::backup(std::slice::from_ref(&kept), "2026-11-21").expect("a backup"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(
        register::import_in(&file, &[], &book(), Language::Spanish)
            .expect("imported")
            .says,
        "Se importó 1 registro. Nuevos: 1; completados: 0; ya estaban en el registro: 0."
    );
}

#[test]
fn a_change_works_out_only_its_own_record_and_shows_what_a_whole_load_shows() {
    use amnion_estimator::language::Language::English;
    use register::Held;
    let ana = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    let lee = record(
        &quote_for("Lee Park", "2026-12-16", "2026-11-20").saved,
        "2026-11-21",
    );
    let mia = record(
        &quote_for("Mia Chen", "2026-12-17", "2026-11-20").saved,
        "2026-11-21",
    );
    /// The entries a page that loaded `records` whole would show.
    fn loaded(records: &[&RegisterRecord]) -> Vec<RegisterEntry> {
        let mut held = Held::default();
        assert!(held
            .load(
                records.iter().map(|r| (*r).clone()).collect(),
                &book(),
                English
            )
            .is_empty());
        held.entries()
    }
    let mut held = Held::default();
    assert!(held
        .load(vec![ana.clone(), lee.clone()], &book(), English)
        .is_empty());
    assert_eq!(held.len(), 2);

    // Ana's estimate given on paper: her entry says so; Lee's is as it was.
    let handed = given(ana.clone(), "paper", "2026-11-21", "2026-11-21").expect("given");
    assert!(held
        .update(vec![handed.clone()], &book(), English)
        .is_empty());
    assert_eq!(held.len(), 2, "replaced, not added");
    let ana_entry = held
        .entries()
        .into_iter()
        .find(|e| e.patient_name == "Ana Ruiz")
        .expect("listed");
    assert_eq!(ana_entry.given.len(), 1);
    assert_eq!(held.entries(), loaded(&[&handed, &lee]));

    // A new record goes among the others in number order, as IndexedDB lists them.
    assert!(held.update(vec![mia.clone()], &book(), English).is_empty());
    assert_eq!(held.len(), 3);
    let numbers: Vec<String> = held.entries().into_iter().map(|e| e.quote_number).collect();
    let mut sorted = numbers.clone();
    sorted.sort();
    assert_eq!(numbers, sorted);
    assert_eq!(held.entries(), loaded(&[&handed, &lee, &mia]));

    // A record written edited is held, never dropped, and its refusal names its number; the
    // others are still shown.
    let mut edited = lee.clone();
    edited.quote_number = "GFE-0000-0000-0000-0".to_owned();
    let problems = held.update(vec![edited], &book(), English);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("GFE-0000-0000-0000-0"), "{problems:?}");
    assert_eq!(held.len(), 4);
    assert_eq!(held.entries().len(), 3);
}

#[test]
fn an_entry_refused_on_import_is_said_in_spanish_on_the_spanish_page() {
    use amnion_estimator::language::Language::Spanish;
    let ana = record(
        &quote_for("Ana Ruiz", "2026-12-15", "2026-11-20").saved,
        "2026-11-21",
    );
    // Ana's kept file edited (her name): its content no longer gives its number.
    let mut edited = ana.clone();
    edited.saved.request.patient.name = "Ana Ruiz Peña".to_owned();
    let number = edited.quote_number.clone();
    let spoken = |records: &[RegisterRecord]| -> Vec<String> {
        register::import_in(&backup_file(records), &[], &book(), Spanish)
            .expect_err("refused")
            .fields()
            .iter()
            .map(|f| f.reason.clone())
            .collect()
    };
    assert_eq!(
        spoken(std::slice::from_ref(&edited)),
        [format!(
            "Entrada 1: {number}: el contenido de su archivo ya no da este número: se modificó \
             después de guardarse"
        )]
    );
    // Given before the day it was issued (2026-11-21), and the file another quote's.
    // (Its check worked out again, as by someone who knows how: the entry is still refused.)
    let mut early = ana.clone();
    early.given.push(register::Given {
        on: "2026-11-20".into(),
        how: register::GivenHow::Paper,
    });
    early.check = Some(register::record_check(&early));
    assert_eq!(
        spoken(std::slice::from_ref(&early)),
        [format!(
            "Entrada 1: {number}: se entregó antes del día en que se emitió"
        )]
    );
    let mut renumbered = ana.clone();
    renumbered.quote_number = "GFE-0000-0000-0000-0".to_owned();
    assert_eq!(
        spoken(std::slice::from_ref(&renumbered)),
        [format!(
            "Entrada 1: GFE-0000-0000-0000-0: el archivo de la entrada es la cotización {number}, \
             no este número: se modificó después de registrarse"
        )]
    );
    // An entry that is not a record at all: a Spanish sentence, the reader's own words after it.
    let file = Value::from_json(
        r#"{ "format": "amnion-estimator/register/1", "exported_on": "2026-11-30", "entries": [{ "quote_number": "GFE-1" }] }"#,
    )
    .unwrap();
    let reasons = register::import_in(&file, &[], &book(), Spanish).expect_err("refused");
    let reason = &reasons.fields()[0].reason;
    assert!(
        reason.starts_with("Entrada 1: GFE-1: no es un registro de este estimador ("),
        "{reason}"
    );
    // No English sentence of the register's own is left in any of them.
    for english in ["Entry ", "changed after", "given before", "not a date"] {
        assert!(!reason.contains(english), "{reason}");
    }
}

#[test]
fn a_long_register_lists_the_first_fifty_and_counts_the_rest() {
    // 120 estimates, listed 50 at a time: the first 50 by issue date, 70 more counted and said;
    // what needs action is whole whatever is listed.
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let one = entry(&record(&quote.saved, "2026-11-21"));
    let entries: Vec<RegisterEntry> = (0..120)
        .map(|n| RegisterEntry {
            quote_number: format!("GFE-TEST-{n:04}"),
            ..one.clone()
        })
        .collect();
    let listed = register::view_in(
        &entries,
        "",
        SortBy::Issued,
        "2026-11-26",
        Language::English,
        register::LISTED_AT_A_TIME,
    );
    assert_eq!(listed.entries.len(), 50);
    assert_eq!(listed.more, 70); // 120 - 50
    assert_eq!(listed.count, 120);
    assert_eq!(
        listed.listed.as_deref(),
        Some("Showing the first 50 of 120: search above to find one, or show more.")
    );
    assert!(listed.entries.iter().all(|entry| !entry.lines.is_empty()));
    assert_eq!(
        listed.due.len(),
        120,
        "every overdue estimate, listed or not"
    );
    // Asked for 100 more: all 120, nothing more to say.
    let all = register::view_in(
        &entries,
        "",
        SortBy::Issued,
        "2026-11-26",
        Language::English,
        150,
    );
    assert_eq!((all.entries.len(), all.more, all.listed), (120, 0, None));
    // A search narrows first, then lists: one match, listed.
    let one = register::view_in(
        &entries,
        "GFE-TEST-0077",
        SortBy::Issued,
        "2026-11-26",
        Language::English,
        50,
    );
    assert_eq!((one.entries.len(), one.more), (1, 0));
    assert_eq!(one.entries[0].quote_number, "GFE-TEST-0077");
}

#[test]
fn a_revision_is_due_the_business_day_before_its_injection_not_by_the_first_booking() {
    // Billing walk-through 5, item 1: the first estimate was booked on 2026-11-20 for 2026-12-15
    // (due November 25, above). Revised on Friday 2027-01-29 with the injection moved to Monday
    // 2027-02-22, the form still holding the first booking date: the revision is due by the
    // business day before the injection, Friday 2027-02-19 (2027-02-01 is a Monday, so the 22nd
    // is too; Washington's Birthday is the 15th), not November 25.
    let first = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let mut request = first.saved.request.clone();
    request.issued_on = "2027-01-29".into();
    request.scheduled_on = "2027-02-22".into();
    request.replaces = vec![amnion_estimator::quote::Replaced {
        quote_number: first.quote_number.clone(),
        issued_on: "2026-11-21".into(),
    }];
    let revision = amnion_estimator::quote::quote(&book(), &request).expect("priced");
    let revised = entry(&record(&revision.saved, "2027-01-29"));
    assert_eq!(revised.due_on.as_deref(), Some("2027-02-19"));
    // Listed from the day before, Thursday the 18th.
    assert_eq!(revised.due_listed_from.as_deref(), Some("2027-02-18"));
    let both = [entry(&record(&first.saved, "2026-11-21")), revised];
    let on = |today: &str| {
        let shown = register::view_in(&both, "", SortBy::Issued, today, Language::English, 50);
        shown.due.iter().map(|a| a.says.clone()).collect::<Vec<_>>()
    };
    // The day it is made, nothing is overdue: the first is replaced, the revision not yet due.
    assert_eq!(on("2027-01-29"), Vec::<String>::new());
    assert_eq!(
        on("2027-02-18"),
        ["Due to the patient tomorrow, February 19, 2027, and not yet recorded as given."]
    );
    assert_eq!(
        on("2027-02-20"),
        ["Overdue: it was due to the patient by February 19, 2027, and is not recorded as given."]
    );
    // Booked after the first estimate, on Monday 2027-01-04, for Monday 2027-01-25 (billing
    // walk-through 6, item 3): business days after the 4th are 5, 6, 7, 8, 11 to 15, then 19 (the
    // 18th is Martin Luther King, Jr.'s Birthday): 10 or more ahead, so due within 3 business
    // days, by Thursday the 7th, sooner than the business day before the injection, Friday the
    // 22nd.
    let mut booked = request.clone();
    booked.issued_on = "2027-01-04".into();
    booked.booked_on = "2027-01-04".into();
    booked.scheduled_on = "2027-01-25".into();
    let rebooked = amnion_estimator::quote::quote(&book(), &booked).expect("priced");
    assert_eq!(
        entry(&record(&rebooked.saved, "2027-01-04"))
            .due_on
            .as_deref(),
        Some("2027-01-07")
    );
}

/// The backup file `name` of `tests/fixtures/register/`, read as the page reads it.
fn backup_fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/register/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Value::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `release-1ce98a1-backup.json` was written by release 1ce98a1's `register::backup` (the last
/// release whose records carry no check of what staff recorded), from three saved-quote fixtures:
/// Tomás Herrera's (`format-2-booked-and-closed-dates.json`) given by email on 2026-12-04; Ana
/// Ruiz's (`format-2-self-pay-with-co-provider.json`) given on paper on 2026-12-02 with a bill
/// dated 2026-12-18 checked on 2026-12-20 (the clinic billed $3,100.00); María José Núñez's
/// (`format-2-spanish.json`), not yet given. A backup outlives the release that wrote it: it
/// imports whole, each entry with its number and what staff recorded.
#[test]
fn a_backup_of_an_earlier_release_still_imports() {
    let file = backup_fixture("release-1ce98a1-backup.json");
    let imported = import(&file, &[], &book()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.says,
        "Imported 3 entries: 3 new, 0 added to, 0 already in the register."
    );
    let numbers: Vec<&str> = imported
        .write
        .iter()
        .map(|r| r.quote_number.as_str())
        .collect();
    assert_eq!(
        numbers,
        [
            "GFE-33ER-SHF5-MYGA-H",
            "GFE-3DQE-P2KM-1P1Y-G",
            "GFE-A8J4-8B6K-XVJR-1"
        ]
    );
    let [herrera, ruiz, nunez] = [0, 1, 2].map(|i| entry(&imported.write[i]));
    assert_eq!(herrera.patient_name, "Tomás Herrera");
    assert_eq!(
        herrera.given,
        [register::Given {
            on: "2026-12-04".into(),
            how: register::GivenHow::Email
        }]
    );
    assert_eq!(ruiz.bill_checked_on.as_deref(), Some("2026-12-20"));
    assert_eq!(
        imported.write[1]
            .bill
            .as_ref()
            .map(|b| b.bill.billed_on.as_str()),
        Some("2026-12-18")
    );
    assert!(nunez.given.is_empty() && nunez.bill_checked_on.is_none());
    // Twice: nothing new.
    let again = import(&file, &imported.write, &book()).unwrap_or_else(|e| panic!("{e}"));
    assert!(again.write.is_empty(), "{}", again.says);
}

/// The backup of `records` as JSON, changed by `edit` as a person would in a text editor, then
/// read as the page reads it.
fn edited_backup(records: &[RegisterRecord], edit: impl FnOnce(&mut serde_json::Value)) -> Value {
    let mut file = serde_json::to_value(register::backup(records, "2026-11-30").expect("a backup"))
        .expect("JSON");
    edit(&mut file);
    Value::from_json(&file.to_string()).expect("parsed")
}

/// Why `file` is refused, each reason with its path.
fn import_refused(file: &Value, existing: &[RegisterRecord], language: Language) -> Vec<String> {
    register::import_in(file, existing, &book(), language)
        .expect_err("refused")
        .fields()
        .iter()
        .map(|f| f.to_string())
        .collect()
}

#[test]
fn what_staff_recorded_carries_its_check_wherever_it_is_written() {
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let kept = record(&quote.saved, "2026-11-21");
    let checked = |r: &RegisterRecord| r.check.as_deref() == Some(&*register::record_check(r));
    assert!(checked(&kept), "made");
    let check = kept.check.clone().expect("written");
    // `REC-` and 13 Crockford digits grouped 4-4-4-1, as a quote number.
    assert_eq!(check.len(), 20, "{check}");
    assert!(check.starts_with("REC-"), "{check}");
    let handed = given(kept.clone(), "email", "2026-11-24", "2026-11-26").unwrap();
    assert!(checked(&handed) && handed.check != kept.check, "given");
    let bill = Bill::from_value(
        &Value::from_json(r#"{ "billed_on": "2026-12-15", "providers": [ { "npi": "1234567893", "total": "1,795.50" } ] }"#)
            .unwrap(),
    )
    .unwrap();
    let (billed, _) = with_bill(handed.clone(), &book(), bill, "2026-12-20").unwrap();
    assert!(checked(&billed) && billed.check != handed.check, "billed");
    // Merged with what another computer recorded: the check of the two together.
    let on_paper = given(kept.clone(), "paper", "2026-11-23", "2026-11-26").unwrap();
    let both = register::merge(&billed, &on_paper);
    assert_eq!(both.given.len(), 2);
    assert!(checked(&both) && both.check != billed.check, "merged");
    // Each field is in it: the day recorded, the way given, the day given, the bill's total.
    let differs = |change: &dyn Fn(&mut RegisterRecord)| {
        let mut other = billed.clone();
        change(&mut other);
        register::record_check(&other) != register::record_check(&billed)
    };
    assert!(differs(&|r| r.recorded_on = "2026-11-22".into()));
    assert!(differs(&|r| r.given[0].on = "2026-11-23".into()));
    assert!(differs(&|r| r.given[0].how = register::GivenHow::Paper));
    assert!(differs(&|r| r.given.clear()));
    assert!(differs(
        &|r| r.bill.as_mut().unwrap().checked_on = "2026-12-19".into()
    ));
    assert!(differs(
        &|r| r.bill.as_mut().unwrap().bill.billed_on = "2026-12-14".into()
    ));
    assert!(differs(&|r| {
        r.bill.as_mut().unwrap().bill.providers[0].total = "1,795.00".into();
    }));
    assert!(differs(&|r| r.bill = None));
}

#[test]
fn an_edited_given_record_in_a_backup_is_refused_with_its_number() {
    // Billing walk-through 5, item 2: due November 25 (above), given by email on November 29; the
    // backup edited to say November 24, on time.
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let number = quote.quote_number.clone();
    let kept = record(&quote.saved, "2026-11-21");
    let handed = given(kept, "email", "2026-11-29", "2026-11-30").unwrap();
    let records = std::slice::from_ref(&handed);
    let earlier = edited_backup(records, |file| {
        file["entries"][0]["given"][0]["on"] = "2026-11-24".into();
    });
    let refusal = format!(
        "entries.0: Entry 1: {number}: how or when it was given, its bill or the day it was \
         recorded was changed after the register wrote it (it no longer matches the check written \
         with it)"
    );
    // Into a fresh register, and into the register holding the true record: refused, nothing
    // written (a refusal returns no records to write).
    assert_eq!(
        import_refused(&earlier, &[], Language::English),
        std::slice::from_ref(&refusal)
    );
    assert_eq!(
        import_refused(&earlier, records, Language::English),
        std::slice::from_ref(&refusal)
    );
    // The other things staff recorded: how it was given, the day it was recorded, a bill.
    let by_paper = edited_backup(records, |file| {
        file["entries"][0]["given"][0]["how"] = "paper".into();
    });
    assert_eq!(
        import_refused(&by_paper, &[], Language::English),
        std::slice::from_ref(&refusal)
    );
    let recorded = edited_backup(records, |file| {
        file["entries"][0]["recorded_on"] = "2026-11-22".into();
    });
    assert_eq!(
        import_refused(&recorded, &[], Language::English),
        std::slice::from_ref(&refusal)
    );
    let added = edited_backup(records, |file| {
        file["entries"][0]["given"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({ "on": "2026-11-23", "how": "paper" }));
    });
    assert_eq!(import_refused(&added, &[], Language::English), [refusal]);
    // Its check taken out: every entry of a backup of this release carries one.
    let unchecked = edited_backup(records, |file| {
        file["entries"][0].as_object_mut().unwrap().remove("check");
    });
    assert_eq!(
        import_refused(&unchecked, &[], Language::English),
        [format!(
            "entries.0: Entry 1: {number}: it has no check of how and when it was given, which \
             every entry of this backup carries: the file was changed after it was made"
        )]
    );
    // In Spanish on the Spanish page.
    assert_eq!(
        import_refused(&earlier, &[], Language::Spanish),
        [format!(
            "entries.0: Entrada 1: {number}: cómo o cuándo se entregó, su factura o el día en que \
             se registró se modificó después de que el registro lo escribiera (ya no coincide con \
             la comprobación escrita con la entrada)"
        )]
    );
    assert_eq!(
        import_refused(&unchecked, &[], Language::Spanish),
        [format!(
            "entries.0: Entrada 1: {number}: no tiene la comprobación de cómo y cuándo se entregó, \
             que lleva cada entrada de esta copia de seguridad: el archivo se modificó después de \
             hacerse"
        )]
    );
    // With a good entry beside it: the good one is not imported either (nothing half-imported).
    let jose = record(
        &quote_for("José Peña", "2026-12-01", "2026-11-20").saved,
        "2026-11-22",
    );
    let two = edited_backup(&[handed.clone(), jose], |file| {
        for entry in file["entries"].as_array_mut().unwrap() {
            if entry["quote_number"] == number.as_str() {
                entry["given"][0]["on"] = "2026-11-24".into();
            }
        }
    });
    let problems = import_refused(&two, &[], Language::English);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(&format!(": {number}: how or when")),
        "{problems:?}"
    );
    // The file as written imports.
    let whole = edited_backup(records, |_| {});
    let imported = import(&whole, &[], &book()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.write, [handed]);
}

#[test]
fn an_earlier_release_s_records_load_and_get_their_check_on_import_and_in_a_backup() {
    use register::Held;
    // The fixture's records as an earlier release kept them in IndexedDB: as imported, but with no
    // check.
    let file = backup_fixture("release-1ce98a1-backup.json");
    let imported = import(&file, &[], &book()).unwrap();
    let old: Vec<RegisterRecord> = imported
        .write
        .iter()
        .map(|record| RegisterRecord {
            check: None,
            ..record.clone()
        })
        .collect();
    assert!(old.iter().all(|r| r.check.is_none()));
    let mut held = Held::default();
    assert_eq!(
        held.load(old.clone(), &book(), Language::English),
        Vec::<String>::new()
    );
    assert_eq!(held.entries().len(), 3);
    // Imported: each written with its check.
    for (record, before) in imported.write.iter().zip(&old) {
        assert_eq!(
            record.check.as_deref(),
            Some(&*register::record_check(before))
        );
    }
    // Backed up: each entry of the file carries its check, and the file imports.
    let backup = register::backup(&old, "2026-12-22").unwrap();
    assert_eq!(backup.format, "amnion-estimator/register/2");
    assert!(backup.entries.iter().all(|r| r.check.is_some()));
    let again = edited_backup(&old, |_| {});
    assert_eq!(import(&again, &[], &book()).unwrap().write, imported.write);
    // Imported into the register that holds them unchecked: nothing new to write.
    assert!(import(&file, &old, &book()).unwrap().write.is_empty());
    // A record in IndexedDB whose check does not match is kept but not shown, with its number.
    let mut edited = imported.write[0].clone();
    edited.given[0].on = "2026-12-03".into();
    let problems = held.update(vec![edited], &book(), Language::English);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("GFE-33ER-SHF5-MYGA-H: how or when it was given"),
        "{problems:?}"
    );
    assert_eq!((held.len(), held.entries().len()), (3, 2));
}

#[test]
fn an_empty_register_is_not_backed_up() {
    let refused = |language| {
        register::backup_in(&[], "2026-11-30", language)
            .expect_err("refused")
            .fields()
            .iter()
            .map(|f| f.reason.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refused(Language::English),
        [
            "the register holds no estimate yet, so no file was made (a file with nothing in it \
             could take the place of a good backup)"
        ]
    );
    assert_eq!(
        refused(Language::Spanish),
        [
            "el registro aún no tiene ningún estimado, así que no se hizo ningún archivo (un \
             archivo vacío podría ocupar el lugar de una copia de seguridad buena)"
        ]
    );
}

#[test]
fn a_late_hand_over_is_marked() {
    // Due November 25, 2026 (above: booked Friday November 20, 3 business days: 23, 24, 25).
    let quote = quote_for("Ana Ruiz", "2026-12-15", "2026-11-20");
    let kept = record(&quote.saved, "2026-11-21");
    let given_line = |record: &RegisterRecord, language| {
        let entry = entry(record);
        assert_eq!(entry.due_on.as_deref(), Some("2026-11-25"));
        let shown = register::view_in(&[entry], "", SortBy::Issued, "2026-12-01", language, 50);
        shown.entries[0]
            .lines
            .iter()
            .find(|line| line.starts_with("Given") || line.starts_with("Entregado"))
            .cloned()
            .expect("a given line")
    };
    // On the due date: on time.
    let on_time = given(kept.clone(), "paper", "2026-11-25", "2026-12-01").unwrap();
    assert_eq!(
        given_line(&on_time, Language::English),
        "Given on paper on November 25, 2026"
    );
    // The day after: 1 day late (November 26).
    let next_day = given(kept.clone(), "paper", "2026-11-26", "2026-12-01").unwrap();
    assert_eq!(
        given_line(&next_day, Language::English),
        "Given on paper on November 26, 2026 (late: 1 day after its due date)"
    );
    // November 29: 4 days late (26, 27, 28, 29); across a month end, December 2: 5 + 2 = 7 days
    // (26 to 30 is 5, December 1 and 2 are 2 more).
    let late = given(kept.clone(), "email", "2026-11-29", "2026-12-01").unwrap();
    assert_eq!(
        given_line(&late, Language::English),
        "Given by email on November 29, 2026 (late: 4 days after its due date)"
    );
    assert_eq!(
        given_line(&late, Language::Spanish),
        "Entregado por correo electrónico el 29 de noviembre de 2026 (con retraso: 4 días después \
         de la fecha en que debía entregarse)"
    );
    let december = given(kept.clone(), "portal", "2026-12-02", "2026-12-02").unwrap();
    assert!(given_line(&december, Language::English).ends_with("(late: 7 days after its due date)"));
    // Given on time on paper and later by email as well: the first time counts, not late.
    let again = given(on_time, "email", "2026-11-29", "2026-12-01").unwrap();
    assert_eq!(
        given_line(&again, Language::English),
        "Given on paper on November 25, 2026; by email on November 29, 2026"
    );
}
