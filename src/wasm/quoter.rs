//! The staff page's handle (feature `staff`): quotes and their Good Faith Estimate from one price
//! book, read and validated once; reopening saved quotes; and what Save and Export CSV write, which
//! is always the quote on screen, or nothing while the form is refused.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::regions::Regions;
use super::{js_error, read_book, render, to_js, value, RegionError, Update};
use crate::calendar::Date;
use crate::error::Error;
use crate::estimate::Choices;
use crate::language::Language;
use crate::payment::{self, PaymentAnswers};
use crate::price_book::PriceBook;
use crate::quote::{self, Quote, QuoteRequest, Reopened, SavedQuote};

/// Quotes for one staff page: `new Quoter(priceBook, language)`.
#[wasm_bindgen]
pub struct Quoter {
    pub(super) book: PriceBook,
    pub(super) language: Language,
    /// The quote on screen; `None` while the form's answers are refused.
    pub(super) current: Option<Quote>,
    /// The quote last reopened from a file: the form's quote is then it, unchanged, or a revision
    /// of it ([`Reopened::requote`]).
    reopened: Option<Reopened>,
    /// The register's entries, worked out from its records (`register.rs`).
    pub(super) register: super::register::Kept,
}

/// What the page shows of a quote beside its document.
#[derive(Serialize)]
struct Shown<'a> {
    title: &'static str,
    quote_number: &'a str,
    total: &'a str,
    coverage_notice: Option<&'a str>,
    range_warning: Option<&'a str>,
    price_warnings: &'a [String],
    prompt_pay_warning: Option<&'a str>,
    price_book_version: &'a str,
    /// The date it is issued, as it prints.
    issued_on: String,
    /// For a revision: what it replaces, and that it must be given to the patient.
    revision: Option<String>,
    /// Its providers, for the bill's fields ("Check the bill").
    providers: Vec<BillProvider<'a>>,
}

impl<'a> Shown<'a> {
    /// What the page says of `quote` in `language` (the staff page's): its title and the date it
    /// is issued in the page's words even when a reopened file is in the other language (its
    /// document keeps its own, as does the revision's sentence, quoted from the document). That a
    /// revision is issued today and is to be given is said only when `revised_now`: the form has
    /// just made it, not reopened a revision issued on an earlier day.
    fn of(quote: &'a Quote, language: Language, revised_now: bool) -> Shown<'a> {
        let document = &quote.good_faith_estimate;
        let good_faith_estimate = document.kind == quote::DocumentKind::GoodFaithEstimate;
        Shown {
            title: language.gfe_words().kind(good_faith_estimate).title,
            quote_number: &quote.quote_number,
            total: &document.total.formatted,
            coverage_notice: document.coverage_notice.as_deref(),
            range_warning: quote.range_warning.as_deref(),
            price_warnings: &quote.price_warnings,
            prompt_pay_warning: quote.prompt_pay_warning.as_deref(),
            price_book_version: &quote.price_book_version,
            issued_on: issued_in(quote, language),
            revision: document
                .replaces
                .as_ref()
                .filter(|_| revised_now)
                .map(|replaces| {
                    // The document's own sentence, so its words go on in its language.
                    let words = document.language.revision_words(good_faith_estimate);
                    format!("{replaces} {}", words.give)
                }),
            providers: BillProvider::of(quote, language),
        }
    }
}

/// The day `quote` is issued, written in `language`.
fn issued_in(quote: &Quote, language: Language) -> String {
    let document = &quote.good_faith_estimate;
    Date::parse(&quote.saved.request.issued_on)
        .map_or_else(|_| document.issued_on.clone(), |d| d.long_form(language))
}

/// `update`'s answer: what was refused, the quote now on screen, if any, and when its Good Faith
/// Estimate is due (shown beside the form, whether or not the rest is refused).
#[derive(Serialize)]
struct QuoteUpdate<'a> {
    refused: Vec<RegionError>,
    quote: Option<Shown<'a>>,
    /// The date the form's document is issued on, as it prints: the quote's, or today while the
    /// form is refused.
    issued_on: String,
    due: Vec<String>,
    /// The coverage notice for the form's coverage choice, whether or not the rest is refused
    /// (`null` for none): the notice beside the form never speaks of an earlier choice.
    coverage_notice: Option<String>,
}

/// `reopen`'s answer.
#[derive(Serialize)]
struct ReopenedShown<'a> {
    quote: Shown<'a>,
    /// Set when the document is past its last valid day today.
    expired: Option<String>,
    price_change: Option<&'a str>,
    /// Set when the document is in the other language than the page's: a change makes its
    /// revision in the page's.
    other_language: Option<String>,
    form: &'a QuoteRequest,
    due: Vec<String>,
}

#[wasm_bindgen]
impl Quoter {
    /// Reads and validates `price_book` (the embedded sample when absent, `undefined` or `null`),
    /// for quotes in `language` (a tag such as `es`; English when absent).
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every bad field of the price book by its path.
    #[wasm_bindgen(constructor)]
    pub fn new(price_book: Option<JsValue>, language: Option<String>) -> Result<Quoter, JsValue> {
        Ok(Quoter {
            book: read_book(price_book)?,
            language: Language::from_tag(language.as_deref().unwrap_or("")),
            current: None,
            reopened: None,
            register: super::register::Kept::default(),
        })
    }

    /// The version of the price book this page quotes from (`2026.12`), as the book says it: the
    /// page shows it, so staff know which prices they quote.
    #[wasm_bindgen(js_name = priceBookVersion)]
    pub fn price_book_version(&self) -> String {
        self.book.document().version.clone()
    }

    /// The form's choices, as [`Estimator::choices`](super::Estimator::choices) gives them.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn choices(&self) -> Result<JsValue, JsValue> {
        to_js(&Choices::new(&self.book, self.language))
    }

    /// The options of a plan chooser: `[{ value, label }]`, then `""` for none.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = financingChoices)]
    pub fn financing_choices(&self) -> Result<JsValue, JsValue> {
        to_js(&payment::financing_choices(&self.book, self.language))
    }

    /// The prompt-pay choice of the form: `{ choices: [{ value, label }], book }`, where `book`
    /// is the value the price book's setting makes (what a file saved without the choice was
    /// priced with; the form starts with none chosen), or `null` when the book has no prompt-pay
    /// discount.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = promptPayChoices)]
    pub fn prompt_pay_choices(&self) -> Result<JsValue, JsValue> {
        to_js(&quote::prompt_pay_choices(&self.book, self.language))
    }

    /// The page's one call when an answer changes. Prices `request` (the quote form) and renders
    /// the printable document into the region `document`, and, when the page passes a
    /// `comparison` region, the scenario comparison with the monthly payments of
    /// `comparison_plan`. The request is issued today (the computer's calendar date), whatever
    /// `issued_on` it carries. Returns `{ refused: [{ region, path, reason }], quote, issued_on,
    /// due, coverage_notice }`, where `quote` is `{ title, quote_number, total, coverage_notice, range_warning,
    /// price_warnings, prompt_pay_warning, price_book_version, issued_on, revision, providers }`,
    /// or `null` when the request is refused: the document then keeps what it showed, and
    /// `savedQuote()` and `csv()` give nothing until the form is fixed. `issued_on` is the date the
    /// form's document is issued on, as it prints; `due` is what to say beside the form about when
    /// the Good Faith Estimate is due (sentences, none when nothing says), and, for a revision of a
    /// reopened quote, that it is due 1 business day before the injection; `coverage_notice` is
    /// the notice for the coverage chosen now, refused form or not.
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser; refused answers are returned, not thrown.
    pub fn update(
        &mut self,
        request: JsValue,
        regions: JsValue,
        comparison_plan: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let regions = Regions::new(regions);
        let mut update = Update::default();
        self.current = match self.quote_of(&request) {
            Ok(quote) => Some(quote),
            Err(error) => {
                update.refuse("document", &error);
                None
            }
        };
        if let Some(quote) = &self.current {
            regions.render("document", |element| {
                render::good_faith_estimate::document(element, quote)
            })?;
            if regions.any(&["comparison"]) {
                let answers = PaymentAnswers {
                    plan: comparison_plan,
                    ..PaymentAnswers::default()
                };
                // Priced as the quote is: its prompt-pay choice, its therapy provider's prices.
                match quote.comparison(&self.book, &answers) {
                    Ok(comparison) => {
                        regions.render("comparison", |element| {
                            render::payment::render_comparison(element, &comparison)
                        })?;
                    }
                    Err(error) => update.refuse("comparison", &error),
                }
            }
        }
        let issued_on = match &self.current {
            Some(quote) => issued_in(quote, self.language),
            None => Date::parse(&today()).map_or_else(|_| today(), |d| d.long_form(self.language)),
        };
        // A revision's deadline follows when the quote on screen revises a reopened one.
        let revising = self
            .current
            .as_ref()
            .and_then(|quote| quote.saved.request.replaces.first());
        let read = self.request_of(&request);
        let refused: Vec<&str> = update.refused.iter().map(|r| r.path.as_str()).collect();
        let due = match self
            .current
            .as_ref()
            .filter(|quote| self.is_reopened(quote))
        {
            // The reopened document itself, unchanged: when it was due, as it was issued.
            Some(quote) => self.due_as_saved(quote),
            None => read.as_ref().map_or_else(
                |_| Vec::new(),
                |request| quote::when_due_refusing(&self.book, request, revising, &refused),
            ),
        };
        let coverage_notice = read
            .ok()
            .and_then(|request| quote::coverage_notice_of(&self.book, &request));
        to_js(&QuoteUpdate {
            refused: update.refused,
            quote: self
                .current
                .as_ref()
                .map(|quote| Shown::of(quote, self.language, !self.is_reopened(quote))),
            issued_on,
            due,
            coverage_notice,
        })
    }

    /// Reopens a saved quote (the parsed file) with the prices it was saved with, and renders it
    /// into the region `document`, with the number the patient holds (a file of an earlier format
    /// too). Returns `{ quote, expired, price_change, other_language, form, due }`: `expired` says, when the
    /// document is past its last valid day today, that a reprint is only a copy and care from now
    /// on needs a revision; `price_change` says how today's price
    /// book would price it differently (`null` otherwise); `other_language`, for a document in
    /// the other language, that a change makes its revision in the page's; `form` is the request to put back in
    /// the form, every choice spelled out; `due`, as `update`'s, for the quote as it was saved.
    /// Until another file is opened, the form's quote is this one while the form makes it, and a
    /// revision of it otherwise.
    ///
    /// # Errors
    ///
    /// A JS `Error` if the object is not a saved quote or was edited after saving; the quote on
    /// screen is then unchanged.
    pub fn reopen(&mut self, saved: JsValue, regions: JsValue) -> Result<JsValue, JsValue> {
        // Why a file is refused, in the page's language.
        let saved = SavedQuote::from_value_in(&value(&saved), self.language).map_err(js_error)?;
        let reopened = quote::reopen_in(&saved, &self.book, self.language).map_err(js_error)?;
        Regions::new(regions).render("document", |element| {
            render::good_faith_estimate::document(element, &reopened.quote)
        })?;
        let shown = to_js(&ReopenedShown {
            quote: Shown::of(&reopened.quote, self.language, false),
            // In the page's language, which may not be the file's.
            expired: reopened.expired_in(&today(), self.language),
            price_change: reopened
                .price_change_in(&self.book, self.language)
                .as_deref(),
            other_language: reopened.other_language_in(self.language),
            form: &reopened.form,
            due: self.due_as_saved(&reopened.quote),
        });
        self.current = Some(reopened.quote.clone());
        self.reopened = Some(reopened);
        shown
    }

    /// What Save writes for the quote on screen (a plain object for `JSON.stringify`), or `null`
    /// while the form is refused.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = savedQuote)]
    pub fn saved_quote(&self) -> Result<JsValue, JsValue> {
        to_js(&self.current.as_ref().map(|quote| &quote.saved))
    }

    /// The quote on screen's items as CSV for the billing system, or `undefined` while the form is
    /// refused.
    pub fn csv(&self) -> Option<String> {
        self.current.as_ref().map(|quote| quote.csv.clone())
    }

    /// "Export for the record system": the quote on screen as the Da Vinci PCT GFE Packet, FHIR
    /// R4 JSON text, the same at every export (its times are its days): `{ text }`; or `{ refused }`
    /// saying why not, in the quote's language, for a self-pay price quote (not a Good Faith
    /// Estimate); or `null` while the form is refused.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = recordExport)]
    pub fn record_export(&self) -> Result<JsValue, JsValue> {
        #[derive(Serialize)]
        struct RecordExport {
            text: Option<String>,
            refused: Option<String>,
        }
        let exported =
            self.current
                .as_ref()
                .map(|quote| match quote::fhir::gfe_packet_json(quote) {
                    Ok(text) => RecordExport {
                        text: Some(text),
                        refused: None,
                    },
                    Err(error) => RecordExport {
                        text: None,
                        refused: Some(
                            error
                                .fields()
                                .first()
                                .map_or_else(|| error.to_string(), |field| field.reason.clone()),
                        ),
                    },
                });
        to_js(&exported)
    }

    /// The quote for `request` as data, with its Good Faith Estimate, CSV and saved-quote object;
    /// the quote on screen does not change.
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every bad field (`patient.name: enter the patient's name`).
    pub fn quote(&self, request: JsValue) -> Result<JsValue, JsValue> {
        to_js(&self.quote_of(&request).map_err(js_error)?)
    }
}

impl Quoter {
    /// Reads a quote request, in the page's language, issued today: whatever date or chain of
    /// replaced documents the request carries is not read.
    fn request_of(&self, request: &JsValue) -> Result<QuoteRequest, Error> {
        let mut request = QuoteRequest::from_value(&value(request))?;
        request.answers.language = self.language;
        request.issued_on = today();
        request.replaces.clear();
        Ok(request)
    }

    /// When `quote` (a reopened document, unchanged) was due, in the page's language: worked out
    /// from its request as it was issued, and as a revision of what it replaces if it is one, never
    /// from today's issue date (billing walk-through 7, item 1: a document given on time was said
    /// to be past due when reopened).
    fn due_as_saved(&self, quote: &Quote) -> Vec<String> {
        let mut request = quote.saved.request.clone();
        request.answers.language = self.language;
        quote::when_due(&self.book, &request, request.replaces.first())
    }

    /// Whether `quote` is the reopened quote itself, unchanged (the number the patient holds).
    fn is_reopened(&self, quote: &Quote) -> bool {
        self.reopened
            .as_ref()
            .is_some_and(|reopened| reopened.quote.quote_number == quote.quote_number)
    }

    /// Reads and prices a quote request (`request_of`). With a quote reopened, the request is
    /// that quote unchanged, or a revision of it.
    fn quote_of(&self, request: &JsValue) -> Result<Quote, Error> {
        let request = self.request_of(request)?;
        match &self.reopened {
            Some(reopened) => reopened.requote(&self.book, &request),
            None => quote::quote(&self.book, &request),
        }
    }
}

// The bill checked against the estimate (issue 21): the quote on screen's providers come with it
// (`Shown::providers`), for the page to build the bill's fields from, and a check is one call.

/// One provider of the quote on screen, as the bill's fields need it.
#[derive(Serialize)]
struct BillProvider<'a> {
    npi: &'a str,
    name: &'a str,
    /// In the page's language, as the check says it.
    role: String,
    /// Its estimate's total, formatted.
    total: &'a str,
    /// How many rows of billed items its fields offer: one for each item the estimate lists, and
    /// two more for codes the estimate did not list.
    rows: usize,
}

/// The rows of billed items the bill's fields offer beyond the estimate's own items.
const EXTRA_BILL_ROWS: usize = 2;

impl<'a> BillProvider<'a> {
    /// The providers of `quote`'s document, their roles in `language` (the page's).
    fn of(quote: &'a Quote, language: Language) -> Vec<BillProvider<'a>> {
        quote
            .good_faith_estimate
            .providers
            .iter()
            .enumerate()
            .map(|(position, provider)| BillProvider {
                npi: &provider.npi,
                name: &provider.name,
                role: quote::provider_role(language, position),
                total: &provider.total.formatted,
                rows: provider.items.len() + EXTRA_BILL_ROWS,
            })
            .collect()
    }
}

/// `checkBill`'s answer.
#[derive(Serialize)]
struct BillUpdate {
    refused: Vec<RegionError>,
    check: Option<quote::BillCheck>,
}

#[wasm_bindgen]
impl Quoter {
    /// Checks `bill` (`{ billed_on, providers: [{ npi, total, items: [{ code, units, amount }] }]
    /// }`, the page's bill fields) against the quote on screen and renders the result into the
    /// region `bill`. Returns `{ refused: [{ region, path, reason }], check }`: `check` is the
    /// result as data (docs/api.md), or `null` when the bill is refused or no quote is on screen;
    /// the region is then emptied, so nothing from a refused bill shows or prints.
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser; refused fields are returned, not thrown.
    #[wasm_bindgen(js_name = checkBill)]
    pub fn check_bill(&self, bill: JsValue, regions: JsValue) -> Result<JsValue, JsValue> {
        let regions = Regions::new(regions);
        let words = self.language.bill_words();
        let mut update = Update::default();
        let check = match &self.current {
            None => {
                update.refuse(
                    "bill",
                    &Error::InvalidRequest(vec![crate::error::FieldError::new("", words.no_quote)]),
                );
                None
            }
            Some(quote) => match quote::Bill::from_value(&value(&bill)).and_then(|bill| {
                quote::check_bill_on_in(quote, &self.book, &bill, &today(), self.language)
            }) {
                Ok(check) => Some(check),
                Err(error) => {
                    update.refuse("bill", &error);
                    None
                }
            },
        };
        match &check {
            // The check is the staff's working document: in the page's language, whatever its
            // quote's (a reopened file keeps its own).
            Some(check) => regions.render("bill", |element| {
                render::bill::bill_check(element, check, words)
            })?,
            None => regions.render("bill", |element| {
                element.replace_children_with_node_0();
                Ok(())
            })?,
        }
        to_js(&BillUpdate {
            refused: update.refused,
            check,
        })
    }
}

/// Today on the staff computer's calendar, `YYYY-MM-DD`: the local date, the one staff see, not
/// the UTC one (which is tomorrow for a Texas clinic each evening).
pub(super) fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
