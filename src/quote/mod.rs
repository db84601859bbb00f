//! Billing staff's exact quotes and the No Surprises Act Good Faith Estimate, on the same pricing
//! rules and price book as the visitor estimate.
//!
//! A [`Quote`] carries the planned breakdown, the printable [`GoodFaithEstimate`], a warning when a
//! range could cost $400 or more above the estimate, the items as CSV, and a [`SavedQuote`]: the
//! request plus the whole price book it was priced from, so [`reopen`] gives the same numbers after
//! the clinic's prices change.

mod bill;
mod csv;
#[cfg(staff)]
mod due;
// The record system's GFE Packet (issue 24): the staff module's only.
#[cfg(staff)]
pub mod fhir;
mod format_1;
mod good_faith_estimate;
mod number;
#[cfg(staff)]
pub mod register;
mod request;

pub use bill::{
    check_bill, check_bill_in, check_bill_on, check_bill_on_in, check_saved_bill,
    check_saved_bill_on, check_saved_bill_on_in, provider_role, Bill, BillCheck, BilledItem,
    BilledProvider, ItemCheck, ProviderCheck, StateCapCheck, DISPUTE_DAYS, MAX_UNITS,
};
pub use good_faith_estimate::{
    coverage_notice_of, DocumentKind, GfeItem, GoodFaithEstimate, Patient, PrimaryService,
    ProviderSection,
};
use request::Issue;
pub use request::{
    CoverageScreening, PatientAnswers, PromptPayChoice, ProviderAnswers, QuoteRequest, Replaced,
    StaffDiscountAnswers,
};

use serde::Serialize;

use crate::error::{Error, FieldError};
use crate::estimate::{breakdown, Breakdown, End, ProviderRole};
use crate::language::{reopen_refusal, Language, ReopenRefusal};
use crate::money::Cents;
use crate::price_book::{PriceBook, PriceBookDocument};
use crate::read::{self, read_struct, Value};

/// The version tag of the saved quote files this release writes. Format 2's quote number is made
/// from the quote's canonical data; format 1's (still read) from its printed texts.
pub const SAVED_QUOTE_FORMAT: &str = "amnion-estimator/quote/2";
/// The tag of format 1, which this release reads, and writes again as it was.
pub const SAVED_QUOTE_FORMAT_1: &str = "amnion-estimator/quote/1";
/// The tag without its version, and the version this release writes.
const SAVED_QUOTE_FAMILY: &str = "amnion-estimator/quote/";
const SAVED_QUOTE_VERSION: u32 = 2;

/// The dispute-resolution threshold: a bill this much above the estimate for one provider.
pub const DISPUTE_THRESHOLD: Cents = Cents::new(40_000);

/// A staff quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Content-derived: the same inputs and price book give the same number.
    pub quote_number: String,
    /// The price book edition used.
    pub price_book_version: String,
    /// Every line for the planned counts, including any billed to insurance.
    pub breakdown: Breakdown,
    /// The printable document.
    pub good_faith_estimate: GoodFaithEstimate,
    /// Set when `injections_up_to` would cost $400 or more above the estimate for any provider.
    pub range_warning: Option<String>,
    /// A typed-in therapy provider's prices far from what therapy costs, each as the book's
    /// editor would warn of it; the quote is made all the same.
    pub price_warnings: Vec<String>,
    /// Set when a provider's expected charges include a conditional discount (the prompt-pay
    /// discount) of $400 or more: a bill without it could be disputed.
    pub prompt_pay_warning: Option<String>,
    /// The estimate's items as CSV for the billing system.
    pub csv: String,
    /// What "Save" writes: reopen it with [`reopen`].
    pub saved: SavedQuote,
    /// The request's dates as checked, for the record-system export ([`fhir`]): never the saved
    /// strings, which may be blank or padded.
    #[serde(skip)]
    pub(crate) dates: request::CheckedDates,
}

read_struct! {
    /// A quote as saved to a file: the request and the price book it was priced from, whole.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct SavedQuote {
        /// [`SAVED_QUOTE_FORMAT`], or [`SAVED_QUOTE_FORMAT_1`] for a file of an earlier release.
        pub format: String,
        /// The number the quote had; reopening checks it still matches the content.
        pub quote_number: String,
        /// What staff entered.
        pub request: QuoteRequest,
        /// The price book the quote was priced from.
        pub price_book: PriceBookDocument,
    }
}

impl read::Document for SavedQuote {
    const NAME: &'static str = "a saved quote";
}

/// serde sources read a saved quote as [`SavedQuote::from_value`] does: its format first.
#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for SavedQuote {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
        SavedQuote::from_value(&value).map_err(serde::de::Error::custom)
    }
}

impl SavedQuote {
    /// Reads a saved quote from a parsed document (JSON natively, a JS object in the browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the path of every type error, missing or unknown field.
    pub fn from_value(value: &Value) -> Result<SavedQuote, Error> {
        SavedQuote::from_value_in(value, Language::English)
    }

    /// As [`SavedQuote::from_value`], every reason in `language` (the page's): in Spanish, a
    /// value that cannot be read is said to be changed or damaged, at its path, instead of the
    /// reader's English detail.
    ///
    /// # Errors
    ///
    /// As [`SavedQuote::from_value`].
    pub fn from_value_in(value: &Value, language: Language) -> Result<SavedQuote, Error> {
        check_format(value, language)?;
        read::document(value, None, Error::InvalidRequest).map_err(|error| damaged(error, language))
    }

    /// Reads a saved quote from any serde source.
    ///
    /// # Errors
    ///
    /// As [`SavedQuote::from_value`]; malformed input is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<SavedQuote, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let value =
            Value::parse(deserializer).map_err(|field| Error::InvalidRequest(vec![field]))?;
        SavedQuote::from_value(&value)
    }
}

/// A file of another format is refused by its `format` alone, before its other fields are read: a
/// file from a newer release would otherwise be refused for each field this release does not know.
fn check_format(value: &Value, language: Language) -> Result<(), Error> {
    let Value::Object(entries) = value else {
        return Ok(()); // the reader says what it is instead
    };
    let format = entries.iter().find(|(key, _)| key == "format");
    let Some((_, Value::String(format))) = format else {
        return Ok(()); // missing, or not text: the reader says so
    };
    if format == SAVED_QUOTE_FORMAT || format == SAVED_QUOTE_FORMAT_1 {
        return Ok(());
    }
    let format = crate::error::excerpt(format);
    let refusal = match format.strip_prefix(SAVED_QUOTE_FAMILY) {
        Some(version)
            if version
                .parse::<u32>()
                .is_ok_and(|v| v > SAVED_QUOTE_VERSION) =>
        {
            ReopenRefusal::Newer {
                format: &format,
                opens: [SAVED_QUOTE_FORMAT_1, SAVED_QUOTE_FORMAT],
            }
        }
        // In a person's words (billing walk-through, item 11): a register backup is named as one.
        _ if format.starts_with("amnion-estimator/register/") => ReopenRefusal::RegisterBackup,
        _ => ReopenRefusal::NotASavedQuote,
    };
    Err(Error::InvalidRequest(vec![FieldError::new(
        "format",
        reopen_refusal(language, &refusal),
    )]))
}

/// `error` with, in Spanish, each reason said as a value changed or damaged (at its path): the
/// reader's and the price book's reasons are English, for a file no person wrote by hand.
fn damaged(error: Error, language: Language) -> Error {
    if language == Language::English {
        return error;
    }
    let said = |fields: Vec<FieldError>| {
        fields
            .into_iter()
            .map(|field| {
                FieldError::new(
                    field.path,
                    reopen_refusal(language, &ReopenRefusal::Damaged),
                )
            })
            .collect()
    };
    match error {
        Error::InvalidRequest(fields) => Error::InvalidRequest(said(fields)),
        Error::InvalidPriceBook(fields) => Error::InvalidPriceBook(said(fields)),
        Error::Overflow => Error::Overflow,
    }
}

impl Quote {
    /// The prompt-pay choice this quote was priced with: its request's, else its book's setting;
    /// `None` when its book has no prompt-pay discount.
    pub fn prompt_pay(&self) -> Option<PromptPayChoice> {
        let offered = self.saved.price_book.discounts.prompt_pay.as_ref()?;
        Some(
            self.saved
                .request
                .prompt_pay
                .unwrap_or(PromptPayChoice::of_book(offered.expected_charges)),
        )
    }

    /// The price book the comparison printed with this quote prices its scenarios at: `book`, or,
    /// when this quote's charges leave the prompt-pay discount out or offer none, `book` without
    /// it, so the grid prints no discounted figure the quote does not give.
    ///
    /// # Errors
    ///
    /// Never in practice: `book` without a discount is as valid as `book`.
    pub fn comparison_book<'a>(
        &self,
        book: &'a PriceBook,
    ) -> Result<std::borrow::Cow<'a, PriceBook>, Error> {
        if self.prompt_pay() != Some(PromptPayChoice::Included)
            && book.document().discounts.prompt_pay.is_some()
        {
            let mut without = book.document().clone();
            without.discounts.prompt_pay = None;
            return PriceBook::new(without).map(std::borrow::Cow::Owned);
        }
        Ok(std::borrow::Cow::Borrowed(book))
    }

    /// The scenario comparison the staff printout may carry, with the monthly payments of
    /// `answers.plan`: the grid of the quote's treatment priced by `book` at the quote's prompt-pay
    /// choice ([`Self::comparison_book`]), its scenario marked ([`Self::mark_in`]). Priced as the
    /// quote is: therapy another provider gives is at that provider's prices, and the clinic's
    /// discounts leave it alone. A Good Faith Estimate (an uninsured or self-pay patient) whose
    /// therapy is not billed to insurance shows no "PT through insurance" column, nor its note:
    /// no plan figures were entered, and the patient uses none.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] for a bad financing plan, as [`crate::payment::compare`].
    pub fn comparison(
        &self,
        book: &PriceBook,
        answers: &crate::payment::PaymentAnswers,
    ) -> Result<crate::payment::Comparison, Error> {
        use crate::estimate::Coverage;
        let request = &self.saved.request;
        let grid_book = self.comparison_book(book)?;
        let mut comparison = match request.co_provider_prices(book) {
            Some(prices) => {
                let mut document = grid_book.document().clone();
                document.physical_therapy = prices;
                let elsewhere = PriceBook::new(document)?;
                crate::payment::compare_therapy_elsewhere(&elsewhere, &request.answers, answers)?
            }
            None => crate::payment::compare(&grid_book, &request.answers, answers)?,
        };
        let gfe = self.good_faith_estimate.kind == DocumentKind::GoodFaithEstimate;
        if gfe && request.answers.physical_therapy.coverage != Coverage::Insurance {
            let insurance_note = book
                .document()
                .disclaimers
                .insurance
                .get(comparison.language);
            comparison.notes.retain(|note| note != insurance_note);
            // No therapy through a plan here: the monthly payments leave no share of it out.
            if let Some(plan) = &comparison.plan {
                let words = &comparison.language.words().pay;
                let through_plan = (words.monthly_note)(&plan.label);
                let plain = (words.monthly_plan)(&plan.label);
                for note in &mut comparison.notes {
                    if *note == through_plan {
                        note.clone_from(&plain);
                    }
                }
            }
            comparison
                .columns
                .retain(|c| c.coverage != Coverage::Insurance);
            for row in &mut comparison.rows {
                row.cells.retain(|c| c.coverage != Coverage::Insurance);
            }
        }
        self.mark_in(&mut comparison);
        Ok(comparison)
    }

    /// Marks in `comparison` (the scenario grid the staff printout may carry) the scenario that is
    /// this quote only when its total is this quote's total; otherwise marks none, and says first
    /// in the grid's notes why no scenario is this quote. The grid is the visitor's estimate of
    /// the treatment alone, so a quote with extras, a staff discount, another provider's therapy,
    /// therapy billed to insurance or the prompt-pay discount left out of its charges is none of
    /// its scenarios.
    pub fn mark_in(&self, comparison: &mut crate::payment::Comparison) {
        let total = self.good_faith_estimate.total.cents;
        let mut marked = false;
        for cell in comparison.rows.iter_mut().flat_map(|row| &mut row.cells) {
            cell.current &= cell.patient_total.cents == total;
            marked |= cell.current;
        }
        if !marked {
            let words = self.good_faith_estimate.language.gfe_words();
            let note = (words.not_this_quote)(&self.good_faith_estimate.total.formatted);
            comparison.notes.insert(0, note);
        }
    }
}

/// A reopened quote, and whether today's prices differ from the ones it keeps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reopened {
    /// The quote, priced from its own saved price book, with the number the patient holds (a
    /// format-1 file's too); its `saved` is the file as it was opened, so Save writes that again.
    pub quote: Quote,
    /// Set when today's price book would price it differently.
    pub price_change: Option<String>,
    /// The saved request as the staff form shows it, every choice made: a file that left the
    /// product or the prompt-pay choice to the book (saved before either was a choice on the form)
    /// names the product it was priced with and the book's prompt-pay choice, so the reopened
    /// form keeps the quote's choices.
    pub form: QuoteRequest,
    /// The price book it was priced from, to tell whether the form still makes it.
    #[serde(skip)]
    book: PriceBook,
    /// The number its content gives today (format 2's), which the form's request must give to be
    /// the same document.
    #[serde(skip)]
    content_number: String,
}

/// Prices `request` under `book`.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming every bad field, e.g. `patient.name: enter the patient's name`
/// or `answers.injections: a quote needs the planned number of injections`.
pub fn quote(book: &PriceBook, request: &QuoteRequest) -> Result<Quote, Error> {
    priced(book, request, Issue::New, Number::Canonical).map(|(quote, _)| quote)
}

/// Which number to work out besides the quote's own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Number {
    Canonical,
    /// Also the number a format-1 file of this quote carries.
    AndFormat1,
}

fn priced(
    book: &PriceBook,
    request: &QuoteRequest,
    issue: Issue,
    number: Number,
) -> Result<(Quote, Option<String>), Error> {
    crate::tally::count_quote();
    let plan = request.plan(book, issue)?;
    let planned = breakdown(book, &plan.plan, plan.injections, plan.sessions, End::Low)?;
    if issue == Issue::New {
        if let Some(problem) = request::waiver_reason_problem(request, &plan, &planned) {
            return Err(Error::InvalidRequest(vec![problem]));
        }
    }
    let mut document = good_faith_estimate::build(book, &plan, &planned)?;
    document.quote_number = number::quote_number(book, request, &plan, &planned, &document);
    let format_1 = (number == Number::AndFormat1).then(|| format_1::number(book, &plan, &document));

    let range_warning = match plan.injections_up_to {
        None => None,
        Some(high) => {
            let most = breakdown(book, &plan.plan, high, plan.sessions, End::Low)?;
            let low_totals = good_faith_estimate::provider_totals(book, &plan, &planned)?;
            let high_totals = good_faith_estimate::provider_totals(book, &plan, &most)?;
            let locale = book.document().locale;
            let words = plan.plan.language.gfe_words();
            let over: Vec<String> = low_totals
                .iter()
                .zip(&high_totals)
                .filter_map(|((name, low), (_, high_total))| {
                    let more = high_total.checked_sub(*low)?;
                    (more >= DISPUTE_THRESHOLD).then(|| {
                        (words.would_charge)(
                            name,
                            &locale.format_money(more),
                            &locale.format_money(*high_total),
                        )
                    })
                })
                .collect();
            (!over.is_empty())
                .then(|| (words.range_warning)(high, plan.injections, &over.join("; ")))
        }
    };

    let prompt_pay_warning = prompt_pay_warning(book, &plan, &planned, &document)?;
    let dates = plan.dates();
    let quote = Quote {
        quote_number: document.quote_number.clone(),
        price_book_version: book.document().version.clone(),
        csv: csv::items_csv(&document, request),
        saved: SavedQuote {
            format: SAVED_QUOTE_FORMAT.to_owned(),
            quote_number: document.quote_number.clone(),
            request: request.as_saved(),
            price_book: book.document().clone(),
        },
        breakdown: planned,
        good_faith_estimate: document,
        range_warning,
        price_warnings: plan.price_warnings,
        prompt_pay_warning,
        dates,
    };
    Ok((quote, format_1))
}

/// The staff form's prompt-pay choice: its options in the page's language, and the one the book's
/// `expected_charges` makes (a file saved without the choice was priced with it; the form starts
/// with none chosen).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromptPayChoices {
    /// Included, excluded, not offered: `[{ value, label }]`.
    pub choices: Vec<crate::estimate::Choice>,
    /// The value the book's setting makes.
    pub book: PromptPayChoice,
}

/// The staff form's prompt-pay choices, or `None` when `book` has no prompt-pay discount (and the
/// form then asks nothing).
pub fn prompt_pay_choices(
    book: &PriceBook,
    language: crate::language::Language,
) -> Option<PromptPayChoices> {
    let prompt_pay = book.document().discounts.prompt_pay.as_ref()?;
    let labels = (language.gfe_words().prompt_pay_choices)(&prompt_pay.percent_off_bp.to_string());
    let values = ["included", "excluded", "not_offered"];
    Some(PromptPayChoices {
        choices: values
            .into_iter()
            .zip(labels)
            .map(|(value, label)| crate::estimate::Choice {
                value: value.to_owned(),
                label,
                detail: None,
            })
            .collect(),
        book: PromptPayChoice::of_book(prompt_pay.expected_charges),
    })
}

/// The warning when a provider's expected charges include a conditional discount of
/// [`DISPUTE_THRESHOLD`] or more: a patient who does not meet its condition is billed that much more
/// than the document, enough to dispute. The prompt-pay discount (paid in full at the visit) is the
/// book's one conditional discount; the others hold whatever the patient does (the multi-injection
/// discount is for the injections the document lists, a staff discount is given outright). Left out
/// of the charges, it raises no bill above the document, so no warning.
fn prompt_pay_warning(
    book: &PriceBook,
    plan: &request::QuotePlan<'_>,
    planned: &Breakdown,
    document: &GoodFaithEstimate,
) -> Result<Option<String>, Error> {
    let (Some(PromptPayChoice::Included), Some(prompt_pay)) =
        (plan.prompt_pay, &book.document().discounts.prompt_pay)
    else {
        return Ok(None);
    };
    let locale = book.document().locale;
    let words = plan.plan.language.gfe_words();
    let mut warnings = Vec::new();
    // The clinic's section is first, a co-provider's second (`good_faith_estimate::providers`).
    for (role, section) in [ProviderRole::Clinic, ProviderRole::Therapy]
        .into_iter()
        .zip(&document.providers)
    {
        let off = planned
            .lines
            .iter()
            .filter(|l| l.prompt_pay && l.provider == role)
            .try_fold(Cents::ZERO, |sum, l| sum.checked_sub(l.amount.cents))
            .ok_or(Error::Overflow)?;
        if off >= DISPUTE_THRESHOLD {
            let without = section
                .total
                .cents
                .checked_add(off)
                .ok_or(Error::Overflow)?;
            warnings.push((words.prompt_pay_warning)(
                &section.name,
                &prompt_pay.percent_off_bp.to_string(),
                &locale.format_money(off),
                &locale.format_money(without),
                &locale.format_money(DISPUTE_THRESHOLD),
            ));
        }
    }
    Ok((!warnings.is_empty()).then(|| warnings.join(" ")))
}

/// Reopens a saved quote with the prices it was saved with, and says whether `current` differs.
///
/// A format-2 file must give its own number again. A format-1 file (an earlier release's) must
/// give the number format 1 made, from its printed texts as those releases worded them
/// (`format_1.rs`). Either way the quote keeps the number the patient holds, and its `saved` is
/// the file as it was opened. [`Reopened::requote`] tells a change from the same document.
///
/// # Errors
///
/// [`Error::InvalidRequest`] if the file is not a saved quote, or if its content no longer matches
/// its quote number (it was edited); [`Error::InvalidPriceBook`] if its price book is invalid.
pub fn reopen(saved: &SavedQuote, current: &PriceBook) -> Result<Reopened, Error> {
    reopen_in(saved, current, Language::English)
}

/// As [`reopen`], every reason it gives in `language`, the page's (billing walk-through: the
/// Spanish staff page said them in English).
///
/// # Errors
///
/// As [`reopen`].
pub fn reopen_in(
    saved: &SavedQuote,
    current: &PriceBook,
    language: Language,
) -> Result<Reopened, Error> {
    let refused = |path: &str, refusal: ReopenRefusal<'_>| {
        Err(Error::InvalidRequest(vec![FieldError::new(
            path,
            reopen_refusal(language, &refusal),
        )]))
    };
    let format_1 = match saved.format.as_str() {
        SAVED_QUOTE_FORMAT => false,
        SAVED_QUOTE_FORMAT_1 => true,
        _ => return refused("format", ReopenRefusal::NotASavedQuote),
    };
    // Format 1 had no later injection dates and no revisions, and its number cannot vouch for
    // them.
    if format_1 && !saved.request.later_injections_on.is_empty() {
        let refusal = ReopenRefusal::Format1LaterDates(SAVED_QUOTE_FORMAT_1);
        return refused("request.later_injections_on", refusal);
    }
    if format_1 && !saved.request.replaces.is_empty() {
        let refusal = ReopenRefusal::Format1Replaces(SAVED_QUOTE_FORMAT_1);
        return refused("request.replaces", refusal);
    }
    let book = PriceBook::new(saved.price_book.clone()).map_err(|e| damaged(e, language))?;
    let number = if format_1 {
        Number::AndFormat1
    } else {
        Number::Canonical
    };
    let (mut quote, format_1_number) = priced(&book, &saved.request, Issue::Saved, number)?;
    let content_gives = format_1_number.as_ref().unwrap_or(&quote.quote_number);
    if *content_gives != saved.quote_number {
        let holds = crate::error::excerpt(&saved.quote_number);
        let refusal = ReopenRefusal::Changed {
            gives: content_gives,
            holds: &holds,
        };
        return refused("quote_number", refusal);
    }
    // The number the patient holds, whatever the file's format; Save writes the file as it was.
    let content_number = std::mem::replace(&mut quote.quote_number, saved.quote_number.clone());
    if format_1 {
        quote.good_faith_estimate.quote_number = saved.quote_number.clone();
        quote.csv = csv::items_csv(&quote.good_faith_estimate, &saved.request);
    }
    quote.saved = saved.clone();
    let language = saved.request.answers.language;
    let price_change = price_change(&quote, &book, current, language);
    let mut form = saved.request.clone();
    if let Ok(plan) = saved.request.answers.plan(&book) {
        form.answers.product = Some(plan.product.id.clone());
    }
    // A file saved before the prompt-pay choice took its book's: the form shows that one.
    if let (None, Some(prompt_pay)) = (form.prompt_pay, &book.document().discounts.prompt_pay) {
        form.prompt_pay = Some(PromptPayChoice::of_book(prompt_pay.expected_charges));
    }
    Ok(Reopened {
        quote,
        price_change,
        form,
        book,
        content_number,
    })
}

impl Reopened {
    /// What staff are told when this document is past its last valid day on `today` (the staff
    /// computer's date): the day it expired, that a reprint is only a copy of what the patient was
    /// given, and that care from now on needs a revision. `None` while it is valid.
    pub fn expired(&self, today: &str) -> Option<String> {
        self.expired_in(today, self.quote.good_faith_estimate.language)
    }

    /// The quote the staff form's `request` makes once this quote is reopened, `request.issued_on`
    /// being today (the staff page's date).
    ///
    /// Priced with this quote's own issue date, chain and price book, a request that gives this
    /// quote's number is the same document (staff changed nothing that prints): this quote, with
    /// its number, dates and file. Any other request is a revision: a new document priced by
    /// `book` (today's), issued on `request.issued_on` and valid from it, that replaces this quote
    /// and every document this one replaced (`replaces`, the direct one first).
    ///
    /// # Errors
    ///
    /// As [`quote`], for a revision.
    pub fn requote(&self, book: &PriceBook, request: &QuoteRequest) -> Result<Quote, Error> {
        let original = &self.quote.saved.request;
        let mut same = request.clone();
        same.issued_on.clone_from(&original.issued_on);
        same.replaces.clone_from(&original.replaces);
        let unchanged = priced(&self.book, &same, Issue::Saved, Number::Canonical)
            .is_ok_and(|(quote, _)| quote.quote_number == self.content_number);
        if unchanged {
            return Ok(self.quote.clone());
        }
        let replaced = Replaced {
            quote_number: self.quote.quote_number.clone(),
            issued_on: original.issued_on.clone(),
        };
        let mut revised = request.clone();
        revised.replaces = std::iter::once(replaced)
            .chain(original.replaces.iter().cloned())
            .collect();
        quote(book, &revised)
    }
}

/// What the staff page says beside the form about when the Good Faith Estimate of `request` is due
/// (45 CFR 149.610(b)(1)(vi) to (vii)), in the request's language: from the day the first injection
/// was booked or the patient asked, in the clinic's business days (`book`'s closed dates too). Nothing
/// for a quote that is not a Good Faith Estimate, or with neither date. `revising` is the number of
/// a reopened quote being changed: the revised estimate's deadline follows. Never on the document.
#[cfg(staff)]
pub fn when_due(
    book: &PriceBook,
    request: &QuoteRequest,
    revising: Option<&Replaced>,
) -> Vec<String> {
    if request.coverage != Some(CoverageScreening::SelfPay) {
        return Vec::new();
    }
    let dates = due::Dates::of(request);
    due::said(book, request.answers.language, dates, revising)
}

/// [`when_due`] for a form whose quote refuses the paths `refused`: while a date the deadline is
/// worked out from is one of them, only that it must be fixed is said, no date (walk-through
/// item 8: a refused request date after the issue date gave a deadline).
#[cfg(staff)]
pub fn when_due_refusing(
    book: &PriceBook,
    request: &QuoteRequest,
    revising: Option<&Replaced>,
    refused: &[&str],
) -> Vec<String> {
    match (request.coverage, due::refused_date(request, refused)) {
        (Some(CoverageScreening::SelfPay), Some(fix)) => vec![fix],
        _ => when_due(book, request, revising),
    }
}

/// What staff are told, in `language`, when `current` (today's book) would price `quote` (reopened
/// with its own `book`) differently, or cannot price it; `None` when it prices it the same.
fn price_change(
    quote: &Quote,
    book: &PriceBook,
    current: &PriceBook,
    language: crate::language::Language,
) -> Option<String> {
    let kept = &quote.good_faith_estimate.total;
    let old = &book.document().version;
    let new = &current.document().version;
    // Priced as it was saved, under today's prices: only the amounts are compared.
    let today = priced(
        current,
        &quote.saved.request,
        Issue::Saved,
        Number::Canonical,
    );
    let words = language.revision_words(true);
    match today.map(|(today, _)| today) {
        Ok(today) if today.good_faith_estimate.total == *kept && new == old => None,
        Ok(today) => Some((words.prices_changed)(
            old,
            &kept.formatted,
            new,
            &today.good_faith_estimate.total.formatted,
        )),
        Err(error) => Some((words.cannot_price)(new, &error.to_string(), old)),
    }
}

impl Reopened {
    /// [`Reopened::price_change`] in `language` (the staff page's, which may not be the file's),
    /// against `current`, today's book.
    pub fn price_change_in(
        &self,
        current: &PriceBook,
        language: crate::language::Language,
    ) -> Option<String> {
        price_change(&self.quote, &self.book, current, language)
    }

    /// For staff on a page in `language`, when this document is in the other language: that a
    /// change makes its revision in the page's language. `None` when both are the same.
    pub fn other_language_in(&self, language: crate::language::Language) -> Option<String> {
        let document = &self.quote.good_faith_estimate;
        let words = language.revision_words(document.kind == DocumentKind::GoodFaithEstimate);
        (document.language != language).then(|| words.other_language.to_owned())
    }

    /// [`Reopened::expired`] in `language` (the staff page's, which may not be the file's).
    pub fn expired_in(&self, today: &str, language: crate::language::Language) -> Option<String> {
        let today = crate::calendar::Date::parse(today).ok()?;
        let issued = crate::calendar::Date::parse(&self.quote.saved.request.issued_on).ok()?;
        let last = good_faith_estimate::valid_until(&self.book, issued);
        let document = &self.quote.good_faith_estimate;
        let words = language.revision_words(document.kind == DocumentKind::GoodFaithEstimate);
        (today > last).then(|| (words.expired)(&last.long_form(language)))
    }
}
