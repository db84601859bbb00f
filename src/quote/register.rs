//! The register of estimates given: every Good Faith Estimate or self-pay price quote the staff
//! page printed, saved or exported, kept once per number with its whole saved-quote file, in the
//! browser's IndexedDB on the staff computer (issue 21; DESIGN.md, "The register of estimates
//! given"). The page's JS stores and lists records; every rule is here:
//!
//! - what a record is ([`RegisterRecord`]: the saved file, when it was recorded, how and when it
//!   was given, the bill checked against it) and what the register shows of it ([`RegisterEntry`]:
//!   the patient, the document's dates, when it was due, each provider's total, revisions);
//! - that a record is what it says: its number is its file's, and the file reopens to that number
//!   ([`RegisterEntry::of`], the same check as "Open saved quote"), so an edited entry is refused
//!   with its number; and what staff recorded around it (the day recorded, how and when it was
//!   given, the bill) matches the record's check ([`record_check`]), so an edit of those in a
//!   backup is refused with its number too;
//! - search by name, date of birth or number, and the sort orders ([`view`]);
//! - what needs action: estimates due today or overdue, and those whose valid-until date or
//!   12-month span ends within 30 days while service is still planned ([`view`]);
//! - the backup file ([`backup`], refused for an empty register), importing one (validated whole
//!   before anything is written, merged by number: [`import`]), and when to remind staff to back
//!   up ([`backup_reminder`]).
//!
//! Nothing here deletes a record: the register keeps every estimate until staff clear the
//! browser's data themselves.

use std::borrow::Cow;

use serde::Serialize;

use super::due::{self, BusinessDays, Dates};
use super::number::{written, Fnv1a};
use super::{good_faith_estimate, reopen, Bill, DocumentKind, SavedQuote};
use crate::calendar::Date;
use crate::error::{Error, FieldError};
use crate::language::Language;
use crate::money::Amount;
use crate::price_book::PriceBook;
use crate::read::{self, read_enum, read_struct, Value};

/// The version tag of the register's backup file: each entry carries its check
/// ([`record_check`]).
pub const REGISTER_FORMAT: &str = "amnion-estimator/register/2";

/// The version tag of a backup written before records carried their check (release 1ce98a1 and
/// earlier): still imported, each entry's check written on import.
pub const REGISTER_FORMAT_1: &str = "amnion-estimator/register/1";

/// The most entries a backup file may hold: six years of a busy clinic's estimates (about 16 a
/// day), and few enough that checking them all does not freeze the tab for long.
pub const MAX_BACKUP_ENTRIES: usize = 50_000;

/// Days after the last backup when the register reminds staff to make another, when the price
/// book sets none (`clinic.backup_reminder_days`: [`reminder_days`]).
pub const BACKUP_REMINDER_DAYS: u32 = 7;

/// How far ahead the register looks for an estimate whose valid-until date or 12-month span ends.
pub const EXPIRING_WITHIN_DAYS: u32 = 30;

read_struct! {
    /// What the register keeps for one quote number (one IndexedDB record, one entry of a backup).
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct RegisterRecord {
        /// The number the patient holds; the record's key.
        pub quote_number: String,
        /// The day it was first recorded (printed, saved or exported), `YYYY-MM-DD`.
        pub recorded_on: String,
        /// The whole saved-quote file, as Save writes it.
        pub saved: SavedQuote,
        /// How and when it was given to the patient, as staff said (none until they do).
        pub given: Vec<Given> [at most 20] = default,
        /// The bill last checked against it.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub bill: Option<RecordedBill> = default,
        /// The check of what staff recorded ([`record_check`]), written whenever the record is
        /// made or changed; absent in a record an earlier release wrote.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub check: Option<String> = default,
    }
}

impl read::Document for RegisterRecord {
    const NAME: &'static str = "a register entry";
}

read_struct! {
    /// How and when an estimate was given to the patient.
    #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
    pub struct Given {
        /// The day, `YYYY-MM-DD`.
        pub on: String,
        /// On paper, by email or through the patient portal.
        pub how: GivenHow,
    }
}

/// How an estimate was given: staff's pick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GivenHow {
    /// Handed or mailed on paper.
    #[default]
    Paper,
    /// Sent by email.
    Email,
    /// Put in the patient portal.
    Portal,
}

read_enum!(GivenHow {
    "paper" => Paper,
    "email" => Email,
    "portal" => Portal,
});

impl GivenHow {
    /// As a record writes it (`read_enum!` above).
    fn key(self) -> &'static str {
        match self {
            GivenHow::Paper => "paper",
            GivenHow::Email => "email",
            GivenHow::Portal => "portal",
        }
    }

    fn words(self) -> &'static str {
        match self {
            GivenHow::Paper => "on paper",
            GivenHow::Email => "by email",
            GivenHow::Portal => "through the patient portal",
        }
    }
}

read_struct! {
    /// A bill checked against a register entry: the bill as staff entered it, and the day.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct RecordedBill {
        /// The day it was checked, `YYYY-MM-DD`.
        pub checked_on: String,
        /// The bill.
        pub bill: Bill,
    }
}

/// One provider's total on a register entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryProvider {
    /// As on the estimate.
    pub name: String,
    /// Its NPI.
    pub npi: String,
    /// Its total on the estimate.
    pub total: Amount,
}

/// What the register shows of one record, worked out from its saved file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterEntry {
    /// The number the patient holds.
    pub quote_number: String,
    /// `Good Faith Estimate` or `Self-pay price quote`, in the staff page's language.
    pub title: String,
    /// Whether it is a Good Faith Estimate (due dates and the dispute right apply).
    pub good_faith_estimate: bool,
    /// As printed.
    pub patient_name: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// `YYYY-MM-DD`.
    pub issued_on: String,
    /// The last day it is valid, `YYYY-MM-DD`.
    pub valid_until: String,
    /// The injection dates staff entered, first to last, `YYYY-MM-DD`.
    pub service_dates: Vec<String>,
    /// How many injections the estimate plans, dated or not (more than `service_dates` holds when
    /// some are not yet dated).
    pub injections_planned: u32,
    /// When it was due to the patient (45 CFR 149.610(b)(1)), `YYYY-MM-DD`, when the saved
    /// request says when it was booked or asked for.
    pub due_on: Option<String>,
    /// From when "Needs action" lists it while not recorded as given: the day before `due_on`, or
    /// the clinic's business day before it when that is earlier, `YYYY-MM-DD`.
    pub due_listed_from: Option<String>,
    /// Each provider's total, the convening provider first.
    pub providers: Vec<EntryProvider>,
    /// The sum of the providers' totals.
    pub total: Amount,
    /// How and when it was given, as staff recorded it.
    pub given: Vec<Given>,
    /// The numbers it replaces, the direct one first.
    pub replaces: Vec<String>,
    /// The number of the revision that replaces it, when the register holds one.
    pub replaced_by: Option<String>,
    /// The day it was recorded, `YYYY-MM-DD`.
    pub recorded_on: String,
    /// Whether a bill has been checked against it.
    pub bill_checked_on: Option<String>,
    /// What the register lists of it, in words: the dates, the totals, how it was given.
    pub lines: Vec<String>,
}

impl RegisterEntry {
    /// Checks `record` and works out what the register shows of it: its number must be its file's,
    /// and the file must reopen to that number (an edited file is refused, as "Open saved quote"
    /// refuses it); every date it holds must be a date, none given before the document was issued;
    /// a recorded bill must be one the check accepts. `book` is the clinic's price book today, for
    /// reopening. `replaced_by` and `lines` are filled in by [`view`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] whose every reason starts with the record's number.
    pub fn of(record: &RegisterRecord, book: &PriceBook) -> Result<RegisterEntry, Error> {
        Self::of_in(record, book, Language::English)
    }

    /// [`RegisterEntry::of`], its reasons in `language` (the staff page's).
    ///
    /// # Errors
    ///
    /// As [`RegisterEntry::of`].
    pub fn of_in(
        record: &RegisterRecord,
        book: &PriceBook,
        language: Language,
    ) -> Result<RegisterEntry, Error> {
        let words = RegisterWords::of(language);
        let number = &record.quote_number;
        let refuse = |path: &str, reason: String| {
            Error::InvalidRequest(vec![FieldError::new(path, format!("{number}: {reason}"))])
        };
        if record.saved.quote_number != *number {
            return Err(refuse(
                "saved.quote_number",
                (words.not_its_file)(&crate::error::excerpt(&record.saved.quote_number)),
            ));
        }
        let reopened = reopen(&record.saved, book).map_err(|error| {
            let reasons: Vec<String> = error.fields().iter().map(|f| f.reason.clone()).collect();
            let reason = match reasons.is_empty() {
                true => error.to_string(),
                false => reasons.join("; "),
            };
            // Where the reopen finds the file no longer gives its number.
            let changed = error.fields().iter().any(|f| {
                matches!(
                    f.path.as_str(),
                    "quote_number" | "request.later_injections_on" | "request.replaces"
                )
            });
            refuse(
                "saved",
                match changed {
                    true => (words.file_changed)(&reason),
                    false => (words.file_refused)(&reason),
                },
            )
        })?;
        let request = &reopened.quote.saved.request;
        let issued = Date::parse(&request.issued_on)
            .map_err(|why| refuse("saved.request.issued_on", (words.issued_not_a_date)(&why)))?;
        if Date::parse(&record.recorded_on).is_err() {
            return Err(refuse("recorded_on", words.recorded_not_a_date.into()));
        }
        for (index, given) in record.given.iter().enumerate() {
            match Date::parse(&given.on) {
                Ok(on) if on >= issued => {}
                Ok(_) => {
                    return Err(refuse(
                        &format!("given.{index}.on"),
                        words.given_before_issued.into(),
                    ))
                }
                Err(why) => {
                    return Err(refuse(
                        &format!("given.{index}.on"),
                        (words.given_not_a_date)(&why),
                    ))
                }
            }
        }
        if let Some(recorded) = &record.bill {
            if Date::parse(&recorded.checked_on).is_err() {
                return Err(refuse("bill.checked_on", words.checked_not_a_date.into()));
            }
            super::check_bill(&reopened.quote, book, &recorded.bill)
                .map_err(|_| refuse("bill", words.bill_refused.into()))?;
        }
        let document = &reopened.quote.good_faith_estimate;
        let saved_book = PriceBook::new(record.saved.price_book.clone())?;
        let valid_until = good_faith_estimate::valid_until(&saved_book, issued);
        let mut service_dates: Vec<String> = std::iter::once(&request.scheduled_on)
            .chain(&request.later_injections_on)
            .filter_map(|text| Date::parse(text.trim()).ok())
            .map(|date| date.to_string())
            .collect();
        service_dates.sort();
        let gfe = document.kind == DocumentKind::GoodFaithEstimate;
        let business = BusinessDays::of(&saved_book);
        let dates = Dates::of(request);
        let due_by = match (gfe, request.replaces.is_empty()) {
            (false, _) => None,
            // A revision is due no later than 1 business day before the first injection it
            // prices (45 CFR 149.610(b)(1)(vii)), or sooner by a booking made after the estimate
            // it revises; a booking the form kept from that estimate does not count, for its
            // deadline is not the revision's (billing walk-throughs 5 and 6).
            (true, false) => match request.replaces.first() {
                Some(replaced) => due::revision_due(&business, dates.revising(&replaced.issued_on)),
                None => None,
            },
            (true, true) => due::due(&business, dates.booked, dates.asked, dates.first).and_then(
                |due| match due {
                    due::Due::AfterBooking { by, .. } | due::Due::AfterRequest { by, .. } => {
                        Some(by)
                    }
                    due::Due::NotRequired { .. } | due::Due::NeedsServiceDate => None,
                },
            ),
        };
        let due_on = due_by.map(|by| by.to_string());
        // Listed the day before it is due, or the business day before when that is earlier (a
        // Monday's is listed from the Friday).
        let due_listed_from = due_by.and_then(|by| {
            let yesterday = by.yesterday().ok()?;
            Some(match business.before(by) {
                Some(before) if before < yesterday => before,
                _ => yesterday,
            })
            .map(|day| day.to_string())
        });
        let mut given = record.given.clone();
        given.sort();
        Ok(RegisterEntry {
            quote_number: number.clone(),
            title: language.gfe_words().kind(gfe).title.to_owned(),
            good_faith_estimate: gfe,
            patient_name: request.patient.name.trim().to_owned(),
            date_of_birth: request.patient.date_of_birth.trim().to_owned(),
            issued_on: issued.to_string(),
            valid_until: valid_until.to_string(),
            service_dates,
            injections_planned: reopened.quote.dates.injections,
            due_on,
            due_listed_from,
            providers: document
                .providers
                .iter()
                .map(|provider| EntryProvider {
                    name: provider.name.clone(),
                    npi: provider.npi.clone(),
                    total: provider.total.clone(),
                })
                .collect(),
            total: document.total.clone(),
            given,
            replaces: request
                .replaces
                .iter()
                .map(|r| r.quote_number.clone())
                .collect(),
            replaced_by: None,
            recorded_on: record.recorded_on.clone(),
            bill_checked_on: record.bill.as_ref().map(|bill| bill.checked_on.clone()),
            lines: Vec::new(),
        })
    }

    /// The first injection's date, if any.
    fn first_service(&self) -> Option<&str> {
        self.service_dates.first().map(String::as_str)
    }
}

/// The record the register keeps for the quote `saved`, first recorded on `today`.
pub fn record(saved: &SavedQuote, today: &str) -> RegisterRecord {
    sealed(RegisterRecord {
        quote_number: saved.quote_number.clone(),
        recorded_on: today.to_owned(),
        saved: saved.clone(),
        given: Vec::new(),
        bill: None,
        check: None,
    })
}

/// `record` with how and when it was given added (`how`: `paper`, `email` or `portal`; `on`:
/// `YYYY-MM-DD`, blank for `today`). Giving it again the same way on the same day changes nothing.
///
/// # Errors
///
/// [`Error::InvalidRequest`] at `how` when no way is chosen, at `on` when it is not a date, is
/// after `today` or before the document was issued.
pub fn given(
    mut record: RegisterRecord,
    how: &str,
    on: &str,
    today: &str,
) -> Result<RegisterRecord, Error> {
    let mut problems = Vec::new();
    let how = match how {
        "paper" => Some(GivenHow::Paper),
        "email" => Some(GivenHow::Email),
        "portal" => Some(GivenHow::Portal),
        _ => {
            problems.push(FieldError::new("how", "choose how it was given"));
            None
        }
    };
    let on = match on.trim() {
        "" => today.to_owned(),
        on => on.to_owned(),
    };
    let issued = Date::parse(&record.saved.request.issued_on).ok();
    match (Date::parse(&on), Date::parse(today)) {
        (Err(why), _) => {
            problems.push(FieldError::new("on", format!("the day it was given {why}")))
        }
        (Ok(day), Ok(today)) if day > today => {
            problems.push(FieldError::new(
                "on",
                "the day it was given must not be after today",
            ));
        }
        (Ok(day), _) if issued.is_some_and(|issued| day < issued) => {
            problems.push(FieldError::new(
                "on",
                "the day it was given must not be before the day it was issued",
            ));
        }
        _ => {}
    }
    let Some(how) = how.filter(|_| problems.is_empty()) else {
        return Err(Error::InvalidRequest(problems));
    };
    let entry = Given { on, how };
    if !record.given.contains(&entry) {
        record.given.push(entry);
        record.given.sort();
    }
    Ok(sealed(record))
}

/// `record` with `bill` recorded as checked on `today`, after checking it against the record's
/// saved file ([`super::check_saved_bill_on`], which reopens it, so an edited file is refused,
/// and refuses a bill dated after `today`).
///
/// # Errors
///
/// As [`super::check_saved_bill_on`].
pub fn with_bill(
    record: RegisterRecord,
    book: &PriceBook,
    bill: Bill,
    today: &str,
) -> Result<(RegisterRecord, super::BillCheck), Error> {
    let check = super::check_saved_bill_on(&record.saved, book, &bill, today)?;
    Ok((recorded_bill(record, bill, today), check))
}

/// [`with_bill`] in `language`, the staff page's: the check and why it refuses the bill or the
/// file in its words ([`super::check_saved_bill_on_in`]).
///
/// # Errors
///
/// As [`super::check_saved_bill_on_in`].
pub fn with_bill_in(
    record: RegisterRecord,
    book: &PriceBook,
    bill: Bill,
    today: &str,
    language: Language,
) -> Result<(RegisterRecord, super::BillCheck), Error> {
    let check = super::check_saved_bill_on_in(&record.saved, book, &bill, today, language)?;
    Ok((recorded_bill(record, bill, today), check))
}

/// `record` with `bill` recorded as checked on `today`.
fn recorded_bill(mut record: RegisterRecord, bill: Bill, today: &str) -> RegisterRecord {
    record.bill = Some(RecordedBill {
        checked_on: today.to_owned(),
        bill,
    });
    sealed(record)
}

/// How the register is sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    /// The newest issued first.
    Issued,
    /// The next injection from today first, then past ones (the most recent first), then the
    /// undated.
    ServiceDate,
    /// Those not yet given first, the earliest due date first (none last); then those given or
    /// replaced, the same way.
    DueDate,
}

impl SortBy {
    /// `issued`, `service` or `due`; anything else is `issued`.
    pub fn from_text(text: &str) -> SortBy {
        match text {
            "service" => SortBy::ServiceDate,
            "due" => SortBy::DueDate,
            _ => SortBy::Issued,
        }
    }
}

/// An estimate that needs action, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    /// Its number.
    pub quote_number: String,
    /// The patient.
    pub patient_name: String,
    /// What is due or ending, in words.
    pub says: String,
}

/// What the register shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterView {
    /// The entries that match the search, in the order asked for.
    pub entries: Vec<RegisterEntry>,
    /// How many the register holds.
    pub count: usize,
    /// `2 of 5 estimates match "ruiz".`, or how many it holds.
    pub summary: String,
    /// How many more entries match than are listed ([`view_in`]'s `limit`), and what the page
    /// says of them: `Showing the first 50 of 1,000: search, or show 50 more.` (`None` when every
    /// match is listed).
    pub more: usize,
    /// The sentence for [`RegisterView::more`].
    pub listed: Option<String>,
    /// Good Faith Estimates due today or overdue: not yet recorded as given, not replaced.
    pub due: Vec<Action>,
    /// Estimates whose valid-until date or 12-month span ends within 30 days (or has ended) while
    /// service is still planned, not replaced: each needs a revision.
    pub expiring: Vec<Action>,
}

/// What the register shows of `entries` on `today` (`YYYY-MM-DD`): those that match `query`
/// ([`matches`]) sorted by `sort`, then the ones that need action (all entries, whatever the
/// search). `replaced_by` is filled in from the other entries' `replaces`.
pub fn view(entries: &[RegisterEntry], query: &str, sort: SortBy, today: &str) -> RegisterView {
    view_in(entries, query, sort, today, Language::English, usize::MAX)
}

/// How many entries the staff page lists at first, and adds each time staff ask for more: a
/// register of thousands drawn whole, each entry with its form, left the page unresponsive for
/// seconds after every change (docs/performance.md).
pub const LISTED_AT_A_TIME: usize = 50;

/// [`view`], its sentences (entry lines, summary, what needs action) in `language` (the staff
/// page's), listing the first `limit` entries that match (the rest counted in
/// [`RegisterView::more`]; what needs action is always whole).
pub fn view_in(
    entries: &[RegisterEntry],
    query: &str,
    sort: SortBy,
    today: &str,
    language: Language,
    limit: usize,
) -> RegisterView {
    let words = RegisterWords::of(language);
    let today_text = today;
    let today = Date::parse(today).ok();
    // Which revision replaces each number directly (the least number, should two): one pass.
    let mut replaced_by: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for other in entries {
        if let Some(replaced) = other.replaces.first() {
            let by = replaced_by.entry(replaced).or_insert(&other.quote_number);
            if other.quote_number.as_str() < *by {
                *by = &other.quote_number;
            }
        }
    }
    let mut all: Vec<RegisterEntry> = entries.to_vec();
    for entry in &mut all {
        entry.replaced_by = replaced_by
            .get(entry.quote_number.as_str())
            .map(|by| (*by).to_owned());
    }
    let mut due = Vec::new();
    let mut expiring = Vec::new();
    if let Some(today) = today {
        for entry in all.iter().filter(|entry| entry.replaced_by.is_none()) {
            if let Some(says) = due_says(entry, today, words) {
                due.push(action(entry, says));
            }
            if let Some(says) = ending_says(entry, today, words) {
                expiring.push(action(entry, says));
            }
        }
    }
    let count = all.len();
    let mut shown: Vec<RegisterEntry> = all.into_iter().filter(|e| matches(e, query)).collect();
    sort_entries(&mut shown, sort, today_text);
    let summary = match (query.trim(), shown.len()) {
        ("", _) => (words.held)(count),
        (query, n) => (words.matching)(n, count, &crate::error::excerpt(query)),
    };
    let matching = shown.len();
    shown.truncate(limit);
    // Only the entries listed are worded.
    for entry in &mut shown {
        entry.lines = lines(entry, words, today);
    }
    let more = matching - shown.len();
    RegisterView {
        listed: (more > 0).then(|| (words.listed)(shown.len(), matching)),
        entries: shown,
        count,
        summary,
        more,
        due,
        expiring,
    }
}

fn action(entry: &RegisterEntry, says: String) -> Action {
    Action {
        quote_number: entry.quote_number.clone(),
        patient_name: entry.patient_name.clone(),
        says,
    }
}

/// `November 21, 2026` for `2026-11-21` (in `language`); the text itself if it is not a date.
fn long_in(text: &str, language: Language) -> String {
    Date::parse(text).map_or_else(|_| text.to_owned(), |d| d.long_form(language))
}

/// What the register lists of an entry on `today`, line by line, in `words`' language.
fn lines(entry: &RegisterEntry, words: &RegisterWords, today: Option<Date>) -> Vec<String> {
    let long = |text: &str| long_in(text, words.language);
    let mut lines = vec![(words.dates)(
        &long(&entry.date_of_birth),
        &long(&entry.issued_on),
        &long(&entry.valid_until),
    )];
    // Said on the entry itself for as long as it is past, not only while "Needs action" lists it
    // (billing walk-through 6, item 1).
    let past = Date::parse(&entry.valid_until)
        .ok()
        .zip(today)
        .is_some_and(|(valid_until, today)| valid_until < today);
    if past {
        lines.push((words.no_longer_valid)(&long(&entry.valid_until)));
    }
    lines.extend([match entry.service_dates.as_slice() {
        [] => words.not_scheduled.to_owned(),
        [one] => (words.injection)(&long(one)),
        dates => (words.injections)(&dates.iter().map(|d| long(d)).collect::<Vec<_>>().join(", ")),
    }]);
    if let Some(due) = &entry.due_on {
        lines.push((words.due_by)(&long(due)));
    }
    let totals: Vec<String> = entry
        .providers
        .iter()
        .map(|p| format!("{} {}", p.name, p.total.formatted))
        .collect();
    lines.push(format!(
        "{} (total {})",
        totals.join(" · "),
        entry.total.formatted
    ));
    lines.push(match entry.given.as_slice() {
        [] => words.not_given.to_owned(),
        given => {
            let said = (words.given)(
                &given
                    .iter()
                    .map(|g| (words.given_how)(g.how, &long(&g.on)))
                    .collect::<Vec<_>>()
                    .join("; "),
            );
            match days_late(entry) {
                Some(days) => (words.given_late)(&said, days),
                None => said,
            }
        }
    });
    if let Some(first) = entry.replaces.first() {
        lines.push((words.replaces)(first));
    }
    if let Some(by) = &entry.replaced_by {
        lines.push((words.replaced_by)(by));
    }
    if let Some(checked) = &entry.bill_checked_on {
        lines.push((words.bill_checked)(&long(checked)));
    }
    lines
}

/// How many calendar days after its due date `entry` was first recorded as given, when that is
/// after it (billing walk-through 5, item 7: a late hand-over is marked).
fn days_late(entry: &RegisterEntry) -> Option<i32> {
    let due: jiff::civil::Date = entry.due_on.as_deref()?.parse().ok()?;
    // `given` is sorted by day: the first is the earliest.
    let first: jiff::civil::Date = entry.given.first()?.on.parse().ok()?;
    let days = due.until(first).ok()?.get_days();
    (days > 0).then_some(days)
}

/// When a Good Faith Estimate not yet recorded as given is due within the next business day (from
/// `due_listed_from`), due today, or overdue on `today`.
fn due_says(entry: &RegisterEntry, today: Date, words: &RegisterWords) -> Option<String> {
    if !entry.good_faith_estimate || !entry.given.is_empty() {
        return None;
    }
    let due = Date::parse(entry.due_on.as_deref()?).ok()?;
    let from = entry
        .due_listed_from
        .as_deref()
        .and_then(|from| Date::parse(from).ok())
        .unwrap_or(due);
    let due_words = due.long_form(words.language);
    match due.cmp(&today) {
        std::cmp::Ordering::Greater if today < from => None,
        std::cmp::Ordering::Greater if today.add_days(1) == due => {
            Some((words.due_tomorrow)(&due_words))
        }
        std::cmp::Ordering::Greater => Some((words.due_next_business_day)(&due_words)),
        std::cmp::Ordering::Equal => Some(words.due_today.to_owned()),
        std::cmp::Ordering::Less => Some((words.overdue)(&due_words)),
    }
}

/// When an estimate's valid-until date or 12-month span (from its first injection, or its issue
/// date when none is scheduled), whichever is earlier, ends within [`EXPIRING_WITHIN_DAYS`] of
/// `today`, or has ended, while care it does not cover is still planned: an injection dated today
/// or later that falls after that end, or injections planned but not yet dated (then an end
/// passed more than [`EXPIRING_WITHIN_DAYS`] ago counts only while a dated one is still ahead: an
/// estimate that just expired with care left stays listed a month, so the day after its end does
/// not hide it, and an old estimate never scheduled is not listed for ever). An estimate whose every planned injection is dated on or before its end needs
/// no revision, however near the end is.
fn ending_says(entry: &RegisterEntry, today: Date, words: &RegisterWords) -> Option<String> {
    let valid_until = Date::parse(&entry.valid_until).ok()?;
    let start = Date::parse(entry.first_service().unwrap_or(&entry.issued_on)).ok()?;
    // 12 months from the start: its last day is the day before the same date a year later.
    let span_end = start.a_year_later();
    let span_last = span_last_day(start, span_end);
    let (end, what) = if valid_until <= span_last {
        (valid_until, "valid until")
    } else {
        (span_last, "12-month span ends")
    };
    let dated: Vec<Date> = entry
        .service_dates
        .iter()
        .filter_map(|d| Date::parse(d).ok())
        .collect();
    let dated_ahead = dated.iter().any(|d| *d >= today);
    let dated_after_end = dated.iter().any(|d| *d >= today && *d > end);
    let undated_left = entry.injections_planned as usize > dated.len();
    let horizon = today.add_days(EXPIRING_WITHIN_DAYS);
    let listed = match (dated_after_end, undated_left) {
        (true, _) => end <= horizon,
        (false, true) => {
            end <= horizon && (end.add_days(EXPIRING_WITHIN_DAYS) >= today || dated_ahead)
        }
        (false, false) => false,
    };
    if !listed {
        return None;
    }
    let end_words = end.long_form(words.language);
    Some(match (end < today, what) {
        (true, "valid until") => (words.expired)(&end_words),
        (true, _) => (words.span_ended)(&end_words),
        (false, "valid until") => (words.valid_until_soon)(&end_words),
        (false, _) => (words.span_ends_soon)(&end_words),
    })
}

/// The register's sentences in one language (the staff page's), as [`crate::language`]'s word
/// tables: dates come as long dates in that language.
pub struct RegisterWords {
    /// The language.
    pub language: Language,
    /// An entry's first line, from (date of birth, issued, valid until).
    pub dates: fn(&str, &str, &str) -> String,
    /// No injection dated.
    pub not_scheduled: &'static str,
    /// One injection, from its date.
    pub injection: fn(&str) -> String,
    /// Several, from their dates joined.
    pub injections: fn(&str) -> String,
    /// When it was due to the patient.
    pub due_by: fn(&str) -> String,
    /// Past its last valid day, from that day.
    pub no_longer_valid: fn(&str) -> String,
    /// Not yet recorded as given.
    pub not_given: &'static str,
    /// How and when it was given, from each way joined.
    pub given: fn(&str) -> String,
    /// One way it was given, from (how, date).
    pub given_how: fn(GivenHow, &str) -> String,
    /// The number it replaces.
    pub replaces: fn(&str) -> String,
    /// The number that replaces it.
    pub replaced_by: fn(&str) -> String,
    /// When a bill was checked against it.
    pub bill_checked: fn(&str) -> String,
    /// How many the register holds.
    pub held: fn(usize) -> String,
    /// How many of how many match the search, from (matching, held, search).
    pub matching: fn(usize, usize, &str) -> String,
    /// `Showing the first 50 of 1,000: search above, or show more.`, from (listed, matching).
    pub listed: fn(usize, usize) -> String,
    /// Due tomorrow, from the date.
    pub due_tomorrow: fn(&str) -> String,
    /// Due by the next business day, from the date.
    pub due_next_business_day: fn(&str) -> String,
    /// Due today.
    pub due_today: &'static str,
    /// Overdue, from the due date.
    pub overdue: fn(&str) -> String,
    /// Past valid-until with care still planned, from the last valid day.
    pub expired: fn(&str) -> String,
    /// Past its 12 months with care still planned, from their last day.
    pub span_ended: fn(&str) -> String,
    /// Valid-until within 30 days with care planned after it.
    pub valid_until_soon: fn(&str) -> String,
    /// 12 months ending within 30 days with care planned after them.
    pub span_ends_soon: fn(&str) -> String,
    /// No backup made in this browser, from how many estimates it holds.
    pub no_backup: fn(usize) -> String,
    /// The last backup is old, from (its long date, days).
    pub old_backup: fn(&str, u32) -> String,
    /// What an import did, from (entries read, new, added to, already held).
    pub imported: fn(usize, usize, usize, usize) -> String,
    /// A saved quote imported as a backup.
    pub a_saved_quote: &'static str,
    /// A backup of a newer release, from its format tag.
    pub newer_backup: fn(&str) -> String,
    /// Anything else that is not a backup.
    pub not_a_backup: &'static str,
    /// An entry of a backup refused, from (its place, from 1; why).
    pub entry_refused: fn(usize, &str) -> String,
    /// In place of the number of an entry that has none.
    pub no_number: &'static str,
    /// An entry that does not read as a record, from the reader's own words (`path: reason`).
    pub unreadable: fn(&str) -> String,
    /// The entry's file is another quote's, from that quote's number.
    pub not_its_file: fn(&str) -> String,
    /// Its file no longer gives its number (it was edited), from the reopen's own words.
    pub file_changed: fn(&str) -> String,
    /// Its file does not open for another reason, from the reopen's own words.
    pub file_refused: fn(&str) -> String,
    /// Its file's issue date is not a date, from the reader's words.
    pub issued_not_a_date: fn(&str) -> String,
    /// The day it was recorded is not a date.
    pub recorded_not_a_date: &'static str,
    /// A day it was given is not a date, from the reader's words.
    pub given_not_a_date: fn(&str) -> String,
    /// Given before the day it was issued.
    pub given_before_issued: &'static str,
    /// The day its bill was checked is not a date.
    pub checked_not_a_date: &'static str,
    /// The bill recorded with it is refused by the bill check.
    pub bill_refused: &'static str,
    /// The backup has no list of entries.
    pub no_entries: &'static str,
    /// More entries than a backup may hold, from (the most, how many).
    pub too_many: fn(usize, usize) -> String,
    /// What staff recorded with an entry no longer matches its check ([`record_check`]).
    pub check_differs: &'static str,
    /// An entry of a backup that carries checks has none.
    pub no_check: &'static str,
    /// A backup asked of a register that holds nothing.
    pub nothing_to_back_up: &'static str,
    /// The given line of an entry first given after its due date, from (that line, days late).
    pub given_late: fn(&str, i32) -> String,
}

impl RegisterWords {
    /// The register's words in `language`.
    pub fn of(language: Language) -> &'static RegisterWords {
        match language {
            Language::English => &ENGLISH_REGISTER,
            Language::Spanish => &SPANISH_REGISTER,
        }
    }
}

static ENGLISH_REGISTER: RegisterWords = RegisterWords {
    language: Language::English,
    dates: |born, issued, valid| {
        format!("Date of birth {born} · Issued {issued} · Valid until {valid}")
    },
    not_scheduled: "Injection: not yet scheduled",
    injection: |date| format!("Injection {date}"),
    injections: |dates| format!("Injections {dates}"),
    due_by: |date| format!("Due to the patient by {date}"),
    no_longer_valid: |date| format!("No longer valid: its last valid day was {date}"),
    not_given: "Not yet recorded as given to the patient",
    given: |ways| format!("Given {ways}"),
    given_how: |how, date| format!("{} on {date}", how.words()),
    replaces: |number| format!("Replaces {number}"),
    replaced_by: |number| format!("Replaced by {number}"),
    bill_checked: |date| format!("Bill checked on {date}"),
    held: |count| match count {
        1 => "1 estimate in the register.".to_owned(),
        _ => format!("{count} estimates in the register."),
    },
    matching: |n, count, query| match count {
        1 => format!("{n} of 1 estimate match \u{201c}{query}\u{201d}."),
        _ => format!("{n} of {count} estimates match \u{201c}{query}\u{201d}."),
    },
    listed: |listed, matching| {
        format!("Showing the first {listed} of {matching}: search above to find one, or show more.")
    },
    due_tomorrow: |date| {
        format!("Due to the patient tomorrow, {date}, and not yet recorded as given.")
    },
    due_next_business_day: |date| {
        format!(
            "Due to the patient by {date}, the next business day, and not yet recorded as given."
        )
    },
    due_today: "Due to the patient today, and not yet recorded as given.",
    overdue: |date| {
        format!("Overdue: it was due to the patient by {date}, and is not recorded as given.")
    },
    expired: |date| {
        format!("Expired after {date} with an injection still planned: give a revised estimate.")
    },
    span_ended: |date| {
        format!(
            "Its 12 months ended on {date} with an injection still planned: give a new estimate."
        )
    },
    valid_until_soon: |date| {
        format!("Valid until {date}, with an injection still planned: revise it before then.")
    },
    span_ends_soon: |date| {
        format!(
            "Its 12 months end on {date}, with an injection still planned: revise it before then."
        )
    },
    no_backup: |count| match count {
        1 => "No backup of the register has been exported from this browser: its 1 estimate may be kept nowhere else. Export a backup and keep the file somewhere safe.".to_owned(),
        _ => format!("No backup of the register has been exported from this browser: its {count} estimates may be kept nowhere else. Export a backup and keep the file somewhere safe."),
    },
    old_backup: |last, days| {
        format!("The last backup was made on {last}, more than {days} days ago. Export a backup.")
    },
    imported: |read, added, merged, unchanged| {
        format!(
            "Imported {read} {}: {added} new, {merged} added to, {unchanged} already in the register.",
            match read {
                1 => "entry",
                _ => "entries",
            }
        )
    },
    a_saved_quote: "This is a saved quote, not a register backup: open it with \u{201c}Open saved quote\u{201d} above.",
    newer_backup: |format| {
        format!(
            "This backup was made by a newer release of the estimator ({format}); this page imports \
             {REGISTER_FORMAT} backups."
        )
    },
    not_a_backup: "This is not a register backup from this estimator.",
    entry_refused: |place, why| format!("Entry {place}: {why}"),
    no_number: "an entry with no number",
    unreadable: str::to_owned,
    not_its_file: |other| {
        format!("the entry's file is quote {other}, not this number: it was changed after recording")
    },
    file_changed: str::to_owned,
    file_refused: str::to_owned,
    issued_not_a_date: str::to_owned,
    recorded_not_a_date: "the day it was recorded is not a date",
    given_not_a_date: str::to_owned,
    given_before_issued: "given before the day it was issued",
    checked_not_a_date: "the day the bill was checked is not a date",
    bill_refused: "the bill recorded with it is not one the check accepts",
    no_entries: "the backup has no list of entries",
    too_many: |most, has| format!("must have at most {most} entries; it has {has}"),
    check_differs: "how or when it was given, its bill or the day it was recorded was changed \
                    after the register wrote it (it no longer matches the check written with it)",
    no_check: "it has no check of how and when it was given, which every entry of this backup \
               carries: the file was changed after it was made",
    nothing_to_back_up: "the register holds no estimate yet, so no file was made (a file with \
                         nothing in it could take the place of a good backup)",
    given_late: |said, days| match days {
        1 => format!("{said} (late: 1 day after its due date)"),
        _ => format!("{said} (late: {days} days after its due date)"),
    },
};

// "Actualizar", not "revisar": on the Spanish page "Revisar" is the bill check's word.
static SPANISH_REGISTER: RegisterWords = RegisterWords {
    language: Language::Spanish,
    dates: |born, issued, valid| {
        format!("Fecha de nacimiento: {born} · Emitido el {issued} · Válido hasta el {valid}")
    },
    not_scheduled: "Inyección: aún sin fecha",
    injection: |date| format!("Inyección el {date}"),
    injections: |dates| format!("Inyecciones: {dates}"),
    due_by: |date| format!("Debe entregarse al paciente a más tardar el {date}"),
    no_longer_valid: |date| format!("Ya no es válido: su último día válido fue el {date}"),
    not_given: "Aún no consta que se haya entregado al paciente",
    given: |ways| format!("Entregado {ways}"),
    given_how: |how, date| {
        let how = match how {
            GivenHow::Paper => "en papel",
            GivenHow::Email => "por correo electrónico",
            GivenHow::Portal => "por el portal del paciente",
        };
        format!("{how} el {date}")
    },
    replaces: |number| format!("Reemplaza al {number}"),
    replaced_by: |number| format!("Reemplazado por {number}"),
    bill_checked: |date| format!("Factura comparada el {date}"),
    held: |count| match count {
        1 => "1 estimado en el registro.".to_owned(),
        _ => format!("{count} estimados en el registro."),
    },
    matching: |n, count, query| match (n, count) {
        (_, 1) => format!("{n} de 1 estimado coincide con \u{201c}{query}\u{201d}."),
        (1, _) => format!("1 de {count} estimados coincide con \u{201c}{query}\u{201d}."),
        _ => format!("{n} de {count} estimados coinciden con \u{201c}{query}\u{201d}."),
    },
    listed: |listed, matching| {
        format!("Se muestran los primeros {listed} de {matching}: busque arriba para encontrar uno, o muestre más.")
    },
    due_tomorrow: |date| {
        format!(
            "Debe entregarse al paciente mañana, {date}, y aún no consta que se haya entregado."
        )
    },
    due_next_business_day: |date| {
        format!(
            "Debe entregarse al paciente a más tardar el {date}, el próximo día hábil, y aún no \
             consta que se haya entregado."
        )
    },
    due_today: "Debe entregarse al paciente hoy, y aún no consta que se haya entregado.",
    overdue: |date| {
        format!(
            "Atrasado: debía entregarse al paciente a más tardar el {date}, y no consta que se haya \
             entregado."
        )
    },
    expired: |date| {
        format!(
            "Venció después del {date} con una inyección aún prevista: entregue un estimado \
             actualizado."
        )
    },
    span_ended: |date| {
        format!(
            "Sus 12 meses terminaron el {date} con una inyección aún prevista: entregue un estimado \
             nuevo."
        )
    },
    valid_until_soon: |date| {
        format!(
            "Válido hasta el {date}, con una inyección aún prevista: actualice el estimado antes de \
             esa fecha."
        )
    },
    span_ends_soon: |date| {
        format!(
            "Sus 12 meses terminan el {date}, con una inyección aún prevista: actualice el estimado \
             antes de esa fecha."
        )
    },
    no_backup: |count| match count {
        1 => "No se ha exportado ninguna copia de seguridad del registro desde este navegador: puede que su estimado no esté guardado en ningún otro lugar. Exporte una copia de seguridad y guarde el archivo en un lugar seguro.".to_owned(),
        _ => format!("No se ha exportado ninguna copia de seguridad del registro desde este navegador: puede que sus {count} estimados no estén guardados en ningún otro lugar. Exporte una copia de seguridad y guarde el archivo en un lugar seguro."),
    },
    old_backup: |last, days| {
        format!("La última copia de seguridad se hizo el {last}, hace más de {days} días. Exporte una copia de seguridad.")
    },
    imported: |read, added, merged, unchanged| {
        let read = match read {
            1 => "Se importó 1 registro".to_owned(),
            _ => format!("Se importaron {read} registros"),
        };
        format!(
            "{read}. Nuevos: {added}; completados: {merged}; ya estaban en el registro: {unchanged}."
        )
    },
    a_saved_quote: "Este archivo es una cotización guardada, no una copia de seguridad del registro: ábralo con \u{201c}Abrir cotización guardada\u{201d} arriba.",
    newer_backup: |format| {
        format!(
            "Esta copia de seguridad la hizo una versión más reciente del estimador ({format}); esta \
             página importa copias {REGISTER_FORMAT}."
        )
    },
    not_a_backup: "Este archivo no es una copia de seguridad del registro de este estimador.",
    entry_refused: |place, why| format!("Entrada {place}: {why}"),
    no_number: "una entrada sin número",
    unreadable: |details| format!("no es un registro de este estimador ({details})"),
    not_its_file: |other| {
        format!("el archivo de la entrada es la cotización {other}, no este número: se modificó después de registrarse")
    },
    file_changed: |_| "el contenido de su archivo ya no da este número: se modificó después de guardarse".to_owned(),
    file_refused: |details| format!("su archivo guardado no se puede abrir ({details})"),
    issued_not_a_date: |_| "la fecha de emisión de su archivo no es una fecha".to_owned(),
    recorded_not_a_date: "el día en que se registró no es una fecha",
    given_not_a_date: |_| "el día en que se entregó no es una fecha".to_owned(),
    given_before_issued: "se entregó antes del día en que se emitió",
    checked_not_a_date: "el día en que se revisó la factura no es una fecha",
    bill_refused: "la factura registrada con la entrada no es una que la revisión acepte",
    no_entries: "la copia de seguridad no tiene una lista de entradas",
    too_many: |most, has| format!("debe tener como máximo {most} entradas; tiene {has}"),
    check_differs: "cómo o cuándo se entregó, su factura o el día en que se registró se modificó \
                    después de que el registro lo escribiera (ya no coincide con la comprobación \
                    escrita con la entrada)",
    no_check: "no tiene la comprobación de cómo y cuándo se entregó, que lleva cada entrada de esta \
               copia de seguridad: el archivo se modificó después de hacerse",
    nothing_to_back_up: "el registro aún no tiene ningún estimado, así que no se hizo ningún \
                         archivo (un archivo vacío podría ocupar el lugar de una copia de \
                         seguridad buena)",
    given_late: |said, days| match days {
        1 => format!("{said} (con retraso: 1 día después de la fecha en que debía entregarse)"),
        _ => format!(
            "{said} (con retraso: {days} días después de la fecha en que debía entregarse)"
        ),
    },
};

/// What the staff page says of an entry that a revision in the register replaces, when it is
/// opened or printed: a copy for the record, never the estimate to give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReplacedCopy {
    /// The number of the revision that replaces it.
    pub replaced_by: String,
    /// On the staff page, beside the document: which estimate to give instead.
    pub page: String,
    /// On the printed document, above it: `Replaced by {number} issued {date}: this copy is for
    /// the record.`
    pub printed: String,
}

/// The revision in `entries` that replaces `number` directly (the least number, should two), if
/// any, as [`view`] names it.
fn replacing<'a>(entries: &'a [RegisterEntry], number: &str) -> Option<&'a RegisterEntry> {
    entries
        .iter()
        .filter(|other| other.replaces.first().map(String::as_str) == Some(number))
        .min_by(|a, b| a.quote_number.cmp(&b.quote_number))
}

/// What to say of the quote `number` when it is opened or printed, if a revision in the register
/// replaces it: a notice on the page in `language` (the staff page's), and a line on the printed
/// document in `document_language`, the document's own, so a printout is in one language; each
/// names the revision and the day it was issued. `None` when nothing in the register replaces it.
pub fn replaced_copy(
    entries: &[RegisterEntry],
    number: &str,
    language: Language,
    document_language: Language,
) -> Option<ReplacedCopy> {
    let by = replacing(entries, number)?;
    let issued_in = |language| {
        Date::parse(&by.issued_on).map_or_else(|_| by.issued_on.clone(), |d| d.long_form(language))
    };
    let by_number = &by.quote_number;
    let page = match language {
        Language::English => format!(
            "{number} was replaced by {by_number}, issued {}. Give the patient {by_number}; \
             print this one only as a copy for the record.",
            issued_in(language)
        ),
        Language::Spanish => format!(
            "El documento {number} fue reemplazado por {by_number}, emitido el {}. \
             Entregue al paciente el {by_number}; imprima este solo como copia para el archivo.",
            issued_in(language)
        ),
    };
    let printed = match document_language {
        Language::English => format!(
            "Replaced by {by_number} issued {}: this copy is for the record.",
            issued_in(document_language)
        ),
        Language::Spanish => format!(
            "Reemplazado por {by_number}, emitido el {}: esta copia es para el archivo.",
            issued_in(document_language)
        ),
    };
    Some(ReplacedCopy {
        replaced_by: by_number.clone(),
        page,
        printed,
    })
}

/// The last day of the 12 months from `start`: the day before `a_year_later`.
fn span_last_day(start: Date, a_year_later: Date) -> Date {
    // No `sub_days`: walk forward from 364 days on to the day before the anniversary (at most 2).
    let mut day = start.add_days(364);
    while day.add_days(1) < a_year_later {
        day = day.add_days(1);
    }
    day
}

/// Whether `entry` matches what staff typed: every word of a name (any order, any case, accents
/// ignored: `ruiz ana` finds Ana Ruiz), a date of birth (`1970-03-04` or `3/4/1970`), or a quote
/// number or part of one of at least 4 characters, dashes and case ignored. Blank matches all.
pub fn matches(entry: &RegisterEntry, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    if let Some(date) = date_typed(query) {
        return entry.date_of_birth == date.to_string();
    }
    let number: String = entry.quote_number.chars().filter(|c| *c != '-').collect();
    // A year alone finds the dates of birth in it (and a number holding those digits).
    if query.len() == 4 && query.chars().all(|c| c.is_ascii_digit()) {
        return entry.date_of_birth.starts_with(&format!("{query}-")) || number.contains(query);
    }
    let compact: String = query
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compact.len() >= 4 && number.contains(&compact) {
        return true;
    }
    let name = folded(&entry.patient_name);
    folded(query)
        .split_whitespace()
        .all(|word| name.contains(word))
}

/// A date typed as `YYYY-MM-DD`, `M/D/YYYY`, or as the register shows it: `April 15, 1962`
/// (`Apr 15 1962` too), or in Spanish `15 de abril de 1962`.
fn date_typed(text: &str) -> Option<Date> {
    if let Ok(date) = Date::parse(text) {
        return Some(date);
    }
    if let Some(date) = long_date_typed(text) {
        return Some(date);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let [month, day, year] = parts.as_slice() else {
        return None;
    };
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let (month, day, year) = (number(month)?, number(day)?, number(year)?);
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// A date typed with its month's name, in English or Spanish (full, or its first 3 letters), a day
/// and a 4-digit year, in any order: `April 15, 1962`, `15 de abril de 1962`.
fn long_date_typed(text: &str) -> Option<Date> {
    const MONTHS: [[&str; 2]; 12] = [
        ["january", "enero"],
        ["february", "febrero"],
        ["march", "marzo"],
        ["april", "abril"],
        ["may", "mayo"],
        ["june", "junio"],
        ["july", "julio"],
        ["august", "agosto"],
        ["september", "septiembre"],
        ["october", "octubre"],
        ["november", "noviembre"],
        ["december", "diciembre"],
    ];
    let folded = folded(&text.replace([',', '.'], " "));
    let words: Vec<&str> = folded.split_whitespace().filter(|w| *w != "de").collect();
    let [a, b, c] = words.as_slice() else {
        return None;
    };
    let month_of = |word: &str| {
        (word.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|names| names.iter().any(|name| name.starts_with(word)))
            })
            .flatten()
            .filter(|_| word.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|index| index + 1)
    };
    let (month, numbers) = [(a, [b, c]), (b, [a, c]), (c, [a, b])]
        .into_iter()
        .find_map(|(word, rest)| Some((month_of(word)?, rest)))?;
    let [first, second] = numbers.map(|n| n.parse::<u32>().ok());
    let (day, year) = match (first?, second?) {
        (day, year) if year >= 1000 => (day, year),
        (year, day) if year >= 1000 => (day, year),
        _ => return None,
    };
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// Lower case, Latin accents dropped (`Peña` → `pena`), spaces collapsed.
fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn sort_entries(entries: &mut [RegisterEntry], sort: SortBy, today: &str) {
    // ISO dates sort as text; `None` after every date; ties by the newest issued, then number.
    let last = |date: Option<&str>| (date.is_none(), date.map(str::to_owned));
    // By injection date, as the front desk looks: the next injection from today, soonest first;
    // then estimates whose injections are all past, the most recent first; then the undated
    // (billing walk-through 5: oldest first put long-past injections at the top).
    let injection = |entry: &RegisterEntry| {
        let dates = &entry.service_dates;
        if entry.replaced_by.is_some() {
            // Its dates are what a revision changed: after every estimate still in force.
            return (3, String::new(), String::new());
        }
        match dates.iter().find(|date| date.as_str() >= today) {
            Some(next) => (0, next.clone(), String::new()),
            None => match dates.last() {
                Some(past) => (1, String::new(), past.clone()),
                None => (2, String::new(), String::new()),
            },
        }
    };
    entries.sort_by(|a, b| {
        let newest = b
            .issued_on
            .cmp(&a.issued_on)
            .then(a.quote_number.cmp(&b.quote_number));
        match sort {
            SortBy::Issued => newest,
            SortBy::ServiceDate => {
                let ((a_group, a_next, a_past), (b_group, b_next, b_past)) =
                    (injection(a), injection(b));
                a_group
                    .cmp(&b_group)
                    .then(a_next.cmp(&b_next))
                    .then(b_past.cmp(&a_past))
                    .then(newest)
            }
            // What is still to give first, soonest due first; then what was given or replaced.
            SortBy::DueDate => {
                let done =
                    |entry: &RegisterEntry| !entry.given.is_empty() || entry.replaced_by.is_some();
                done(a)
                    .cmp(&done(b))
                    .then(last(a.due_on.as_deref()).cmp(&last(b.due_on.as_deref())))
                    .then(newest)
            }
        }
    });
}

/// The backup file of `records`, exported on `today`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisterBackup<'a> {
    /// [`REGISTER_FORMAT`].
    pub format: &'static str,
    /// `YYYY-MM-DD`.
    pub exported_on: &'a str,
    /// Every record, whole, by number, each with its check.
    pub entries: Vec<Cow<'a, RegisterRecord>>,
}

/// The backup of `records` on `today`: every record whole with its check (one an earlier release
/// wrote gets its check here), sorted by number.
///
/// # Errors
///
/// [`Error::InvalidRequest`] at `entries` when there are no records: a file with nothing in it
/// could take the place of a good backup (billing walk-through 5, item 7).
pub fn backup<'a>(
    records: &'a [RegisterRecord],
    today: &'a str,
) -> Result<RegisterBackup<'a>, Error> {
    backup_in(records, today, Language::English)
}

/// [`backup`], its refusal in `language`.
///
/// # Errors
///
/// As [`backup`].
pub fn backup_in<'a>(
    records: &'a [RegisterRecord],
    today: &'a str,
    language: Language,
) -> Result<RegisterBackup<'a>, Error> {
    if records.is_empty() {
        return Err(Error::InvalidRequest(vec![FieldError::new(
            "entries",
            RegisterWords::of(language).nothing_to_back_up,
        )]));
    }
    let mut entries: Vec<Cow<'a, RegisterRecord>> = records
        .iter()
        .map(|record| match record.check {
            Some(_) => Cow::Borrowed(record),
            None => Cow::Owned(sealed(record.clone())),
        })
        .collect();
    entries.sort_by(|a, b| a.quote_number.cmp(&b.quote_number));
    Ok(RegisterBackup {
        format: REGISTER_FORMAT,
        exported_on: today,
        entries,
    })
}

/// What an import writes, and says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Import {
    /// The records to write (each whole, by number): new ones, and existing ones the file adds to.
    pub write: Vec<RegisterRecord>,
    /// What happened, in words.
    pub says: String,
}

/// Reads a backup file (`file`, parsed) and merges it by number with `existing` (the register as
/// it is, read in the same transaction that will write the result). Every entry is read and checked
/// ([`RegisterEntry::of`], then its check: [`check_matches`], required of a [`REGISTER_FORMAT`]
/// file's entries; a [`REGISTER_FORMAT_1`] file's carry none and are written with theirs) before
/// anything is returned, so a file with one bad entry writes nothing: the error names each refused
/// entry by its place and number. An entry whose number the
/// register holds adds only what the register lacks (a way it was given, a checked bill);
/// the same number twice is one record.
///
/// # Errors
///
/// [`Error::InvalidRequest`]: the file is not a register backup (`format`), has more than
/// [`MAX_BACKUP_ENTRIES`] entries, or any entry is refused (`entries.3: GFE-…: …`).
pub fn import(
    file: &Value,
    existing: &[RegisterRecord],
    book: &PriceBook,
) -> Result<Import, Error> {
    import_in(file, existing, book, Language::English)
}

/// [`import`], its summary and every refusal in `language`: of a file that is not a backup, and of
/// each entry (in Spanish, the reader's own words for a field, its path and reason, follow in
/// parentheses, as on "Open saved quote").
///
/// # Errors
///
/// As [`import`].
pub fn import_in(
    file: &Value,
    existing: &[RegisterRecord],
    book: &PriceBook,
    language: Language,
) -> Result<Import, Error> {
    let words = RegisterWords::of(language);
    let refuse =
        |path: &str, reason: String| Error::InvalidRequest(vec![FieldError::new(path, reason)]);
    let Value::Object(fields) = file else {
        return Err(refuse("", not_a_backup(None, words)));
    };
    let field = |name: &str| fields.iter().find(|(key, _)| key == name).map(|(_, v)| v);
    // Format 2's entries each carry their check; format 1's carry none and get it on import.
    let checked = match field("format") {
        Some(Value::String(format)) if format == REGISTER_FORMAT => true,
        Some(Value::String(format)) if format == REGISTER_FORMAT_1 => false,
        Some(Value::String(format)) => {
            return Err(refuse("format", not_a_backup(Some(format), words)))
        }
        _ => return Err(refuse("format", not_a_backup(None, words))),
    };
    let Some(Value::Array(entries)) = field("entries") else {
        return Err(refuse("entries", words.no_entries.into()));
    };
    if entries.len() > MAX_BACKUP_ENTRIES {
        return Err(refuse(
            "entries",
            (words.too_many)(MAX_BACKUP_ENTRIES, entries.len()),
        ));
    }
    let mut problems = Vec::new();
    let mut incoming: Vec<RegisterRecord> = Vec::new();
    for (index, value) in entries.iter().enumerate() {
        let path = format!("entries.{index}");
        let number = match value {
            Value::Object(fields) => fields.iter().find_map(|(key, v)| match (key.as_str(), v) {
                ("quote_number", Value::String(number)) => Some(crate::error::excerpt(number)),
                _ => None,
            }),
            _ => None,
        };
        let record = read::document::<RegisterRecord>(value, None, Error::InvalidRequest)
            .map_err(|error| {
                let reasons: Vec<String> = error
                    .fields()
                    .iter()
                    .map(|f| format!("{}: {}", f.path, f.reason))
                    .collect();
                let number = number.clone().unwrap_or_else(|| words.no_number.into());
                format!("{number}: {}", (words.unreadable)(&reasons.join("; ")))
            })
            .and_then(|record| {
                let reasons = |error: Error| {
                    error
                        .fields()
                        .iter()
                        .map(|f| f.reason.clone())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                // The file first (its number is its check), then what staff recorded with it.
                RegisterEntry::of_in(&record, book, language).map_err(reasons)?;
                checked_record(record, checked, language).map_err(reasons)
            });
        match record {
            Ok(record) => incoming.push(record),
            Err(reason) => problems.push(FieldError::new(
                path,
                (words.entry_refused)(index + 1, &reason),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(Error::InvalidRequest(problems));
    }
    let mut write: Vec<RegisterRecord> = Vec::new();
    let (mut added, mut merged, mut unchanged) = (0, 0, 0);
    for record in incoming {
        if let Some(pending) = write
            .iter_mut()
            .find(|w| w.quote_number == record.quote_number)
        {
            *pending = merge(pending, &record);
            continue;
        }
        match existing
            .iter()
            .find(|e| e.quote_number == record.quote_number)
        {
            None => {
                added += 1;
                write.push(record);
            }
            Some(held) => {
                let both = merge(held, &record);
                if both == *held {
                    unchanged += 1;
                } else {
                    merged += 1;
                    write.push(both);
                }
            }
        }
    }
    let says = (words.imported)(entries.len(), added, merged, unchanged);
    Ok(Import { write, says })
}

/// Why a file with the format tag `format` (none, or not an object) is not a register backup, in
/// words a person uses: a saved quote is named as one, and where to open it (billing walk-through,
/// item 11).
fn not_a_backup(format: Option<&str>, words: &RegisterWords) -> String {
    let newer = format
        .and_then(|format| format.strip_prefix("amnion-estimator/register/"))
        .and_then(|version| version.parse::<u32>().ok())
        .is_some_and(|version| {
            REGISTER_FORMAT
                .strip_prefix("amnion-estimator/register/")
                .and_then(|current| current.parse::<u32>().ok())
                .is_some_and(|current| version > current)
        });
    match format {
        Some(format) if format.starts_with("amnion-estimator/quote/") => {
            words.a_saved_quote.to_owned()
        }
        Some(format) if newer => (words.newer_backup)(&crate::error::excerpt(format)),
        _ => words.not_a_backup.to_owned(),
    }
}

/// One record of a number from two: `held`'s file and the earlier recorded day, every way either
/// says it was given, and the bill checked last.
pub fn merge(held: &RegisterRecord, other: &RegisterRecord) -> RegisterRecord {
    let mut record = held.clone();
    record.recorded_on = held.recorded_on.clone().min(other.recorded_on.clone());
    for given in &other.given {
        if !record.given.contains(given) {
            record.given.push(given.clone());
        }
    }
    record.given.sort();
    record.bill = match (&held.bill, &other.bill) {
        (Some(a), Some(b)) if b.checked_on > a.checked_on => Some(b.clone()),
        (None, Some(b)) => Some(b.clone()),
        (a, _) => a.clone(),
    };
    // Unchanged, `held` as it is (an earlier release's record keeps having no check); changed, with
    // its check.
    match record == *held {
        true => record,
        false => sealed(record),
    }
}

/// The check of what staff recorded with the quote `record.quote_number`: the day it was recorded,
/// how and when it was given, and the bill checked against it. Worked out as the quote number is
/// (`number.rs`: each field followed by a separator byte that cannot occur in text, each list by
/// its length, 64-bit FNV-1a, in Crockford base 32): `REC-7KD3-9XQ2-M4TA-B`. The saved quote is
/// not in it: its number is its own check, and the number is in this one. It protects against an
/// edit by accident or by someone unaware of it, not against someone who works it out again
/// (DESIGN.md, "The register of estimates given"). A field a later release adds to a record goes
/// in only when present, so every record keeps the check it was written with.
pub fn record_check(record: &RegisterRecord) -> String {
    let mut hash = Fnv1a::new();
    let mut field = |text: &str| {
        hash.write(text.as_bytes());
        hash.write(&[0xff]);
    };
    // Which rule made the check: a later rule starts with another tag.
    field("amnion-estimator/register-check/1");
    field(&record.quote_number);
    field(&record.recorded_on);
    field(&record.given.len().to_string());
    for given in &record.given {
        field(&given.on);
        field(given.how.key());
    }
    if let Some(recorded) = &record.bill {
        field("bill");
        field(&recorded.checked_on);
        field(&recorded.bill.billed_on);
        field(&recorded.bill.providers.len().to_string());
        for provider in &recorded.bill.providers {
            field(&provider.npi);
            field(provider.total.as_str());
            field(&provider.items.len().to_string());
            for item in &provider.items {
                field(&item.code);
                field(item.units.as_str());
                field(item.amount.as_str());
            }
        }
    }
    written("REC", hash.finish())
}

/// `record` with its check written ([`record_check`]).
fn sealed(mut record: RegisterRecord) -> RegisterRecord {
    record.check = Some(record_check(&record));
    record
}

/// Whether `record`'s check is what staff recorded: a check that does not match is refused; none
/// at all is refused where one is `required` (an entry of a format-2 backup) and accepted
/// elsewhere (a record or a backup an earlier release wrote).
///
/// # Errors
///
/// [`Error::InvalidRequest`] at `check`, its reason starting with the record's number.
pub fn check_matches(
    record: &RegisterRecord,
    required: bool,
    language: Language,
) -> Result<(), Error> {
    let words = RegisterWords::of(language);
    let reason = match &record.check {
        Some(check) if *check == record_check(record) => return Ok(()),
        Some(_) => words.check_differs,
        None if required => words.no_check,
        None => return Ok(()),
    };
    Err(Error::InvalidRequest(vec![FieldError::new(
        "check",
        format!("{}: {reason}", crate::error::excerpt(&record.quote_number)),
    )]))
}

/// `record` as an import writes it, once its check is what staff recorded ([`check_matches`]):
/// with its check (one from a format-1 backup gets it here).
fn checked_record(
    record: RegisterRecord,
    required: bool,
    language: Language,
) -> Result<RegisterRecord, Error> {
    check_matches(&record, required, language)?;
    Ok(match record.check {
        Some(_) => record,
        None => sealed(record),
    })
}

/// The days after the last backup before staff are reminded to back up: the clinic's setting
/// (`clinic.backup_reminder_days`), or [`BACKUP_REMINDER_DAYS`] when the book has none.
pub fn reminder_days(book: &PriceBook) -> u32 {
    book.document()
        .clinic
        .backup_reminder_days
        .unwrap_or(BACKUP_REMINDER_DAYS)
}

/// What to say about backing up on `today`, with `count` records and the last backup on `last`
/// (`YYYY-MM-DD`, or `None` when none was made in this browser): nothing while the register is
/// empty or the last backup is at most `days` days old.
pub fn backup_reminder(last: Option<&str>, today: &str, count: usize, days: u32) -> Option<String> {
    backup_reminder_in(last, today, count, days, Language::English)
}

/// [`backup_reminder`] in `language`.
pub fn backup_reminder_in(
    last: Option<&str>,
    today: &str,
    count: usize,
    days: u32,
    language: Language,
) -> Option<String> {
    let words = RegisterWords::of(language);
    if count == 0 {
        return None;
    }
    let today = Date::parse(today).ok()?;
    match last.and_then(|last| Date::parse(last).ok()) {
        None => Some((words.no_backup)(count)),
        Some(last) if last.add_days(days) < today => {
            Some((words.old_backup)(&last.long_form(language), days))
        }
        Some(_) => None,
    }
}

/// A record and its entry, or why it was refused (in words, with its number).
type Worked = (RegisterRecord, Result<RegisterEntry, String>);

/// The register as a page holds it: each record with its entry worked out, or why it was refused,
/// in number order (IndexedDB's key order). A page loads it whole once ([`Held::load`]); after a
/// change it works out only the records written ([`Held::update`]), so a change to one entry of
/// thousands reopens one saved file, not every one.
#[derive(Clone, Debug, Default)]
pub struct Held {
    records: Vec<Worked>,
}

impl Held {
    /// Holds `records` (the whole register), working out the entry of each that is new or changed
    /// since the last load (an unchanged one is not reopened again). Returns why each refused
    /// record was refused: such a record is kept, never dropped.
    pub fn load(
        &mut self,
        records: Vec<RegisterRecord>,
        book: &PriceBook,
        language: Language,
    ) -> Vec<String> {
        let mut before: std::collections::BTreeMap<String, Worked> =
            std::mem::take(&mut self.records)
                .into_iter()
                .map(|worked| (worked.0.quote_number.clone(), worked))
                .collect();
        let mut problems = Vec::new();
        for record in records {
            let entry = match before.remove(&record.quote_number) {
                Some((known, entry)) if known == record => entry,
                _ => worked_out(&record, book, language),
            };
            if let Err(problem) = &entry {
                problems.push(problem.clone());
            }
            self.records.push((record, entry));
        }
        self.records
            .sort_by(|a, b| a.0.quote_number.cmp(&b.0.quote_number));
        problems
    }

    /// Works out the entries of `records` only (those a change just wrote) and puts each in place
    /// of the held record of its number, or among them in number order; the other records are not
    /// read again. Returns why each of `records` refused was refused (it is held all the same).
    pub fn update(
        &mut self,
        records: Vec<RegisterRecord>,
        book: &PriceBook,
        language: Language,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for record in records {
            let entry = worked_out(&record, book, language);
            if let Err(problem) = &entry {
                problems.push(problem.clone());
            }
            match self
                .records
                .binary_search_by(|held| held.0.quote_number.cmp(&record.quote_number))
            {
                Ok(at) => self.records[at] = (record, entry),
                Err(at) => self.records.insert(at, (record, entry)),
            }
        }
        problems
    }

    /// The entries worked out, in number order, leaving out the records refused.
    pub fn entries(&self) -> Vec<RegisterEntry> {
        self.records
            .iter()
            .filter_map(|(_, entry)| entry.clone().ok())
            .collect()
    }

    /// How many records are held, refused ones too.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no record is held.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

/// `record`'s entry, or why it is refused, in words in `language`.
fn worked_out(
    record: &RegisterRecord,
    book: &PriceBook,
    language: Language,
) -> Result<RegisterEntry, String> {
    RegisterEntry::of_in(record, book, language)
        .and_then(|entry| check_matches(record, false, language).map(|()| entry))
        .map_err(|error| error.to_string())
}
