//! The bill checked against the estimate: what a provider billed, beside what its Good Faith
//! Estimate (or self-pay price quote) said, per provider by NPI.
//!
//! Staff enter the bill ([`Bill`]): its date, and per provider either its billed items (code,
//! units, amount) or only its billed total. [`check_bill`] compares it with a [`Quote`] (one just
//! made, or reopened from a saved file; [`check_saved_bill`] reopens one first, for a caller that
//! holds only the saved file) and says, per provider:
//! - the estimate's total, the billed total and the difference;
//! - the items billed that the estimate did not list, those whose units or amounts differ, and
//!   those on the estimate that were not billed (when the bill is itemized);
//! - on a Good Faith Estimate, whether the bill is $400 or more above the provider's estimate
//!   (45 CFR 149.620(a)(2)(ii), "substantially in excess"), and if so until when the patient may
//!   start a patient-provider dispute (the bill's date plus 120 calendar days) and what the
//!   provider can do first (adjust the bill to the estimate), or, checked after that day
//!   ([`check_bill_on`]), that the 120 days have ended and what the provider can still do;
//! - the cap the clinic's state puts on a self-pay bill, from the price book's `state_bill_caps`
//!   (Colorado's: the estimate plus the lesser of 15 % of it or $400).
//!
//! The check is the staff's working document: the `_in` calls say it in the staff page's language
//! (the provider's role too, by its place on the estimate), whatever the estimate's own; the others
//! in the estimate's.
//!
//! Every amount is integer cents; the one rounding (a percent of the estimate) is named at its
//! use and in DESIGN.md, "The bill checked against the estimate".

use std::collections::BTreeMap;

use serde::Serialize;

use super::{reopen, reopen_in, Quote, SavedQuote, DISPUTE_THRESHOLD};
use crate::calendar::Date;
use crate::error::{Error, Problems, Refusal};
use crate::estimate::FormValue;
use crate::language::{BillWords, Language};
use crate::money::{Amount, Cents, Locale, Rounding};
use crate::price_book::{PriceBook, StateBillCap, MAX_PRICE};
use crate::read::{self, read_struct, Value};

/// The calendar days after the date on the bill within which the patient may start a
/// patient-provider dispute (45 CFR 149.620; see DESIGN.md for "date on the bill" and "receipt").
pub const DISPUTE_DAYS: u32 = 120;

/// The most units one billed item may have: far above any visit's, and small enough that a
/// mistyped count is refused, not priced.
pub const MAX_UNITS: u32 = 999;

read_struct! {
    /// A bill as staff enter it from the paper: its date, and what each provider billed.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct Bill {
        /// The date on the bill, `YYYY-MM-DD`.
        pub billed_on: String = default,
        /// What each provider billed, by NPI; a provider of the estimate left out (or entered
        /// blank) is not checked, since its bill may not have come yet.
        pub providers: Vec<BilledProvider> [at most 20] = default,
    }
}

read_struct! {
    /// What one provider billed: its items, or only its total.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct BilledProvider {
        /// The provider's NPI, as on the estimate.
        pub npi: String = default,
        /// The billed total in dollars as typed (`2,450.00`); blank when the items are given. Given
        /// with the items, it must be their sum.
        pub total: FormValue = default,
        /// The billed items; rows left wholly blank are skipped.
        pub items: Vec<BilledItem> [at most 100] = default,
    }
}

read_struct! {
    /// One billed item.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct BilledItem {
        /// CPT or HCPCS code, as billed.
        pub code: String = default,
        /// How many units were billed, a whole number 1 to [`MAX_UNITS`].
        pub units: FormValue = default,
        /// The amount billed for all of them, in dollars as typed.
        pub amount: FormValue = default,
    }
}

impl read::Document for Bill {
    const NAME: &'static str = "a bill";
}

impl Bill {
    /// Reads a bill from a parsed document (JSON natively, a JS object in the browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the path of every type error, missing or unknown field.
    pub fn from_value(value: &Value) -> Result<Bill, Error> {
        read::document(value, None, Error::InvalidRequest)
    }
}

/// The bill checked against the estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BillCheck {
    /// `The bill checked against GFE-…`.
    pub title: String,
    /// The estimate's number, as the patient holds it.
    pub quote_number: String,
    /// Whose estimate it is, as its printed pages say at their head: `Ana Ruiz · Date of birth
    /// March 4, 1970 · Quote GFE-…`.
    pub running_head: String,
    /// Whether the estimate is a Good Faith Estimate (the dispute right and a state's self-pay cap
    /// apply), rather than a self-pay price quote.
    pub good_faith_estimate: bool,
    /// `Bill dated March 2, 2027.`
    pub billed_on: String,
    /// One per provider billed, in the estimate's order.
    pub providers: Vec<ProviderCheck>,
    /// What applies to the whole check: how the dispute date is counted, or why there is none.
    pub notes: Vec<String>,
}

/// One provider's bill beside its estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProviderCheck {
    /// The provider's name, as on the estimate.
    pub name: String,
    /// Its NPI.
    pub npi: String,
    /// `Convening provider` or `Co-provider`, as on the estimate.
    pub role: String,
    /// The provider's total on the estimate.
    pub estimate_total: Amount,
    /// What it billed: the sum of the billed items, or the total entered.
    pub billed_total: Amount,
    /// Billed minus estimate: negative when the bill is below the estimate.
    pub difference: Amount,
    /// Whether the bill was entered item by item (else only its total: no item is compared).
    pub itemized: bool,
    /// Codes billed that the estimate does not list.
    pub not_on_estimate: Vec<ItemCheck>,
    /// Codes on both whose units or amounts differ.
    pub differing: Vec<ItemCheck>,
    /// Codes on the estimate that were not billed.
    pub not_billed: Vec<ItemCheck>,
    /// On a Good Faith Estimate, whether the bill is $400.00 or more above the estimate.
    pub substantially_in_excess: bool,
    /// When it is: the last day the patient may start a dispute, `YYYY-MM-DD`.
    pub dispute_until: Option<String>,
    /// The clinic's state's cap on a self-pay bill, on a Good Faith Estimate when the price book
    /// has one for that state.
    pub state_cap: Option<StateCapCheck>,
    /// What the page prints for this provider, in order: the comparison, each item, the dispute
    /// right and what to do first, the state's cap.
    pub findings: Vec<String>,
}

/// One code, as the estimate lists it and as it was billed (all of a code's items added up).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemCheck {
    /// CPT or HCPCS code.
    pub code: String,
    /// Units on the estimate (0 when not on it).
    pub estimate_units: u32,
    /// Expected charge on the estimate ($0.00 when not on it).
    pub estimate_amount: Amount,
    /// Units billed (0 when not billed).
    pub billed_units: u32,
    /// Amount billed ($0.00 when not billed).
    pub billed_amount: Amount,
}

/// A state's cap on a self-pay bill, worked out for one provider's estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateCapCheck {
    /// The state, `CO`.
    pub state: String,
    /// The law, `C.R.S. 25-49-106(1)(b)`.
    pub citation: String,
    /// The percent of the estimate the bill may be above it, rounded down to the cent.
    pub percent_of_estimate: Amount,
    /// The lesser of that and the cap's amount: how much the bill may be above the estimate.
    pub allowed_over: Amount,
    /// The most the bill may be: the estimate plus `allowed_over`.
    pub cap: Amount,
    /// How much the bill is above the cap, when it is.
    pub over_cap_by: Option<Amount>,
}

/// Reopens `saved` (as [`reopen`] does, with the prices it was saved with) and checks `bill`
/// against it: the call a register of saved estimates makes.
///
/// # Errors
///
/// As [`reopen`] for the file, then as [`check_bill`] for the bill.
pub fn check_saved_bill(
    saved: &SavedQuote,
    book: &PriceBook,
    bill: &Bill,
) -> Result<BillCheck, Error> {
    let reopened = reopen(saved, book)?;
    check_bill(&reopened.quote, book, bill)
}

/// [`check_bill`] on `today` (`YYYY-MM-DD`, the staff computer's date): a bill dated after today
/// is refused at its date, with the bill's other problems, so no dispute deadline is counted
/// from a date that has not come (walk-through item 9); a dispute deadline before today is said
/// to have passed.
///
/// # Errors
///
/// As [`check_bill`], and `billed_on` when it is after `today`.
pub fn check_bill_on(
    quote: &Quote,
    book: &PriceBook,
    bill: &Bill,
    today: &str,
) -> Result<BillCheck, Error> {
    check_bill_on_in(quote, book, bill, today, quote.good_faith_estimate.language)
}

/// [`check_bill_on`] in `language`, the staff page's: the check is the staff's working document,
/// so its result, its refusals and its printout are in the page's words whatever the estimate's
/// own language (walk-through 5, item 5).
///
/// # Errors
///
/// As [`check_bill_on`], in `language`.
pub fn check_bill_on_in(
    quote: &Quote,
    book: &PriceBook,
    bill: &Bill,
    today: &str,
    language: Language,
) -> Result<BillCheck, Error> {
    let checked = check(quote, book, bill, Date::parse(today).ok(), language);
    not_after_today(checked, bill, today, language)
}

/// [`check_saved_bill`] on `today`, as [`check_bill_on`].
///
/// # Errors
///
/// As [`check_saved_bill`], and `billed_on` when it is after `today`.
pub fn check_saved_bill_on(
    saved: &SavedQuote,
    book: &PriceBook,
    bill: &Bill,
    today: &str,
) -> Result<BillCheck, Error> {
    let reopened = reopen(saved, book)?;
    check_bill_on(&reopened.quote, book, bill, today)
}

/// [`check_saved_bill_on`] in `language`, the page's, as [`check_bill_on_in`]; why a file is
/// refused too ([`reopen_in`]).
///
/// # Errors
///
/// As [`check_saved_bill_on`], in `language`.
pub fn check_saved_bill_on_in(
    saved: &SavedQuote,
    book: &PriceBook,
    bill: &Bill,
    today: &str,
    language: Language,
) -> Result<BillCheck, Error> {
    let reopened = reopen_in(saved, book, language)?;
    check_bill_on_in(&reopened.quote, book, bill, today, language)
}

/// `checked` (the check of `bill`), refused at `billed_on` too when the bill is dated after
/// `today`, in `language`.
fn not_after_today(
    checked: Result<BillCheck, Error>,
    bill: &Bill,
    today: &str,
    language: Language,
) -> Result<BillCheck, Error> {
    let (Ok(billed), Ok(today)) = (Date::parse(bill.billed_on.trim()), Date::parse(today)) else {
        return checked;
    };
    if billed <= today {
        return checked;
    }
    let future = crate::error::FieldError::new(
        "billed_on",
        (language.bill_words().after_today)(&today.long_form(language)),
    );
    match checked {
        Ok(_) => Err(Error::InvalidRequest(vec![future])),
        Err(Error::InvalidRequest(mut fields)) => {
            fields.insert(0, future);
            Err(Error::InvalidRequest(fields))
        }
        Err(error) => Err(error),
    }
}

/// Checks `bill` against `quote`, each provider of the bill against the same provider (by NPI) of
/// the quote's document. `book` is the clinic's price book today: its clinic's state picks the
/// state cap, from its `state_bill_caps`.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming every bad field by its path (`billed_on`, `providers.0.total`,
/// `providers.1.items.2.amount`), in the quote's language; nothing is checked until all are right.
pub fn check_bill(quote: &Quote, book: &PriceBook, bill: &Bill) -> Result<BillCheck, Error> {
    check_bill_in(quote, book, bill, quote.good_faith_estimate.language)
}

/// [`check_bill`] in `language` (the page's), as [`check_bill_on_in`]: every word of the result
/// and of its refusals, the dates, the running head and each provider's role (by its place on the
/// estimate: the convening provider first). The estimate itself keeps its own language.
///
/// # Errors
///
/// As [`check_bill`], in `language`.
pub fn check_bill_in(
    quote: &Quote,
    book: &PriceBook,
    bill: &Bill,
    language: Language,
) -> Result<BillCheck, Error> {
    check(quote, book, bill, None, language)
}

/// The one check every call above makes: `today` when the caller has a clock (a dispute deadline
/// before it is said to have ended), in `language`.
fn check(
    quote: &Quote,
    book: &PriceBook,
    bill: &Bill,
    today: Option<Date>,
    language: Language,
) -> Result<BillCheck, Error> {
    let document = &quote.good_faith_estimate;
    let words = language.bill_words();
    let locale = book.document().locale;
    let mut problems = Problems::default();

    let issued_on = Date::parse(&quote.saved.request.issued_on).ok();
    let billed_on = match bill.billed_on.trim() {
        "" => {
            problems.add("billed_on", words.enter_date);
            None
        }
        text => match Date::parse(text) {
            Err(_) => {
                problems.add(
                    "billed_on",
                    (words.not_a_date)(&crate::error::excerpt(text)),
                );
                None
            }
            Ok(date) if issued_on.is_some_and(|issued| date < issued) => {
                let issued = issued_on.map(|d| d.long_form(language)).unwrap_or_default();
                problems.add("billed_on", (words.before_issue)(&issued));
                None
            }
            Ok(date) => Some(date),
        },
    };

    let before_providers = problems.len();
    let mut billed: BTreeMap<usize, Billed> = BTreeMap::new();
    for (index, provider) in bill.providers.iter().enumerate() {
        let at = |field: &str| format!("providers.{index}.{field}");
        let Some(section) = document
            .providers
            .iter()
            .position(|section| section.npi == provider.npi.trim())
        else {
            problems.add(
                at("npi"),
                (words.unknown_npi)(&crate::error::excerpt(&provider.npi)),
            );
            continue;
        };
        if let Some(read) = read_provider(provider, &at, &mut problems, language, words) {
            if billed.insert(section, read).is_some() {
                problems.add(at("npi"), words.npi_twice);
            }
        }
    }
    if billed.is_empty() && problems.len() == before_providers {
        problems.add("providers.0.total", words.nothing_billed);
    }
    let problems = problems.into_result((), Error::InvalidRequest);
    problems?;
    let Some(billed_on) = billed_on else {
        // Refused above: `problems` was not empty.
        return Err(Error::InvalidRequest(Vec::new()));
    };

    let good_faith_estimate = document.applies;
    let clinic_state = &book.document().clinic.address.state;
    let state_cap = book
        .document()
        .state_bill_caps
        .iter()
        .find(|cap| cap.state.eq_ignore_ascii_case(clinic_state));
    let dispute_until = billed_on.add_days(DISPUTE_DAYS);
    let amount = |cents: Cents| Amount::new(cents, locale);
    let money = |cents: Cents| locale.format_money(cents);

    let mut providers = Vec::new();
    for (section, billed) in &billed {
        let provider = &document.providers[*section];
        let estimate_total = provider.total.cents;
        let difference = billed
            .total
            .checked_sub(estimate_total)
            .ok_or(Error::Overflow)?;
        let mut findings = vec![(words.compared)(
            &money(billed.total),
            &money(estimate_total),
            &money(Cents::new(difference.get().abs())),
            difference.get().cmp(&0),
        )];

        // Each code's units and amounts on the estimate, added up (a code may have several
        // items), then beside the bill's.
        let mut items = Vec::new();
        let (mut not_on_estimate, mut differing, mut not_billed) = (vec![], vec![], vec![]);
        if let Some(lines) = &billed.items {
            let mut estimate: BTreeMap<&str, (u32, Cents)> = BTreeMap::new();
            for item in &provider.items {
                let entry = estimate.entry(&item.service_code).or_default();
                entry.0 = entry.0.saturating_add(item.quantity);
                entry.1 = entry
                    .1
                    .checked_add(item.expected_charge.cents)
                    .ok_or(Error::Overflow)?;
            }
            let mut codes: Vec<&str> = provider
                .items
                .iter()
                .map(|item| item.service_code.as_str())
                .collect();
            codes.extend(lines.keys().map(String::as_str));
            let mut seen = std::collections::BTreeSet::new();
            codes.retain(|code| seen.insert(*code));
            for code in codes {
                let (estimate_units, estimate_amount) =
                    estimate.get(code).copied().unwrap_or_default();
                let (billed_units, billed_amount) = lines.get(code).copied().unwrap_or_default();
                let item = ItemCheck {
                    code: code.to_owned(),
                    estimate_units,
                    estimate_amount: amount(estimate_amount),
                    billed_units,
                    billed_amount: amount(billed_amount),
                };
                let units = |n| crate::language::counted(n, words.unit);
                if estimate_units == 0 {
                    items.push((words.not_on_estimate)(
                        code,
                        &units(billed_units),
                        &money(billed_amount),
                    ));
                    not_on_estimate.push(item);
                } else if billed_units == 0 {
                    items.push((words.not_billed)(
                        code,
                        &units(estimate_units),
                        &money(estimate_amount),
                    ));
                    not_billed.push(item);
                } else if (billed_units, billed_amount) != (estimate_units, estimate_amount) {
                    items.push((words.differs)(
                        code,
                        &units(billed_units),
                        &money(billed_amount),
                        &units(estimate_units),
                        &money(estimate_amount),
                    ));
                    differing.push(item);
                }
            }
            if items.is_empty() {
                items.push(words.items_match.to_owned());
            }
        } else {
            items.push(words.total_only.to_owned());
        }
        findings.extend(items);

        let substantially_in_excess = good_faith_estimate && difference >= DISPUTE_THRESHOLD;
        if substantially_in_excess {
            // Day 120 is the last day: checked the day after, the window has ended.
            let ended = today.is_some_and(|today| today > dispute_until);
            findings.push((if ended {
                words.dispute_ended
            } else {
                words.dispute
            })(
                &money(DISPUTE_THRESHOLD),
                &dispute_until.long_form(language),
                &provider.name,
                &money(estimate_total),
            ));
        } else if good_faith_estimate && difference > Cents::ZERO {
            findings.push((words.under_threshold)(&money(DISPUTE_THRESHOLD)));
        }

        let state_cap = match state_cap {
            Some(cap) if good_faith_estimate => {
                let check = cap_check(cap, estimate_total, billed.total, locale)?;
                findings.push((words.state_cap)(
                    &check.state,
                    &check.citation,
                    &check.cap.formatted,
                    &cap.percent_over_bp.to_string(),
                    &check.percent_of_estimate.formatted,
                    &money(cap.amount_over_cents),
                    check
                        .over_cap_by
                        .as_ref()
                        .map(|over| over.formatted.as_str()),
                ));
                Some(check)
            }
            _ => None,
        };

        providers.push(ProviderCheck {
            name: provider.name.clone(),
            npi: provider.npi.clone(),
            role: provider_role(language, *section),
            estimate_total: amount(estimate_total),
            billed_total: amount(billed.total),
            difference: amount(difference),
            itemized: billed.items.is_some(),
            not_on_estimate,
            differing,
            not_billed,
            substantially_in_excess,
            dispute_until: substantially_in_excess.then(|| dispute_until.to_string()),
            state_cap,
            findings,
        });
    }

    let notes = if good_faith_estimate {
        vec![(words.dispute_counted)(&billed_on.long_form(language))]
    } else {
        vec![words.not_a_gfe.to_owned()]
    };
    Ok(BillCheck {
        title: (words.title)(&quote.quote_number),
        quote_number: quote.quote_number.clone(),
        running_head: running_head(quote, language),
        good_faith_estimate,
        billed_on: (words.billed_on)(&billed_on.long_form(language)),
        providers,
        notes,
    })
}

/// The role of the estimate's provider at `position` in `language`, as the bill check and the
/// bill's fields say it: the convening provider (the clinic) is always first, co-providers after
/// it (`good_faith_estimate::providers`).
pub fn provider_role(language: Language, position: usize) -> String {
    let words = language.gfe_words();
    match position {
        0 => words.convening_provider,
        _ => words.co_provider,
    }
    .to_owned()
}

/// Whose estimate it is, as its printed pages say at their head, in `language`: the document's
/// own running head when that is its language, else the same parts in `language`'s words.
fn running_head(quote: &Quote, language: Language) -> String {
    let document = &quote.good_faith_estimate;
    if language == document.language {
        return document.running_head();
    }
    let headings = &language.gfe_words().kind(document.applies).headings;
    format!(
        "{} · {} {} · {} {}",
        document.patient.name,
        headings.date_of_birth,
        quote.dates.date_of_birth.long_form(language),
        headings.quote,
        quote.quote_number
    )
}

/// A state's cap for one provider: the estimate plus the lesser of `percent_over_bp` of it,
/// rounded down to the cent (so the cap is never above what the law allows), or
/// `amount_over_cents`.
///
/// ```text
/// $2,000.00 estimate, Colorado (15 %, $400.00): 15 % is $300.00 < $400.00, cap $2,300.00
/// $4,000.00 estimate: 15 % is $600.00 > $400.00, cap $4,400.00
/// ```
fn cap_check(
    cap: &StateBillCap,
    estimate: Cents,
    billed: Cents,
    locale: Locale,
) -> Result<StateCapCheck, Error> {
    let percent = estimate
        .percent(cap.percent_over_bp, Rounding::Down)
        .ok_or(Error::Overflow)?;
    let allowed_over = percent.min(cap.amount_over_cents);
    let most = estimate.checked_add(allowed_over).ok_or(Error::Overflow)?;
    let over = billed.checked_sub(most).ok_or(Error::Overflow)?;
    Ok(StateCapCheck {
        state: cap.state.to_ascii_uppercase(),
        citation: cap.citation.clone(),
        percent_of_estimate: Amount::new(percent, locale),
        allowed_over: Amount::new(allowed_over, locale),
        cap: Amount::new(most, locale),
        over_cap_by: (over > Cents::ZERO).then(|| Amount::new(over, locale)),
    })
}

/// One provider's bill as read: its total, and per code its units and amount when itemized.
struct Billed {
    total: Cents,
    items: Option<BTreeMap<String, (u32, Cents)>>,
}

/// Reads one provider's bill, each problem at its field; `None` if it has any, or is blank.
fn read_provider(
    provider: &BilledProvider,
    at: &dyn Fn(&str) -> String,
    problems: &mut Problems,
    language: Language,
    words: &BillWords,
) -> Option<Billed> {
    let before = problems.len();
    let refused = language.words().refusal;
    let dollars = |text: &str, path: String, problems: &mut Problems| -> Option<Cents> {
        match Cents::parse_dollars(text) {
            Ok(cents) if cents <= MAX_PRICE => Some(cents),
            Ok(_) => {
                problems.add(path, (words.too_large)(&MAX_PRICE.to_string()));
                None
            }
            Err(refusal) => {
                problems.add(path, refused(&Refusal::Money(refusal)));
                None
            }
        }
    };
    let mut items: BTreeMap<String, (u32, Cents)> = BTreeMap::new();
    let mut any_item = false;
    for (index, item) in provider.items.iter().enumerate() {
        let (code, units, amount) = (item.code.trim(), item.units.as_str(), item.amount.as_str());
        if code.is_empty() && units.is_empty() && amount.is_empty() {
            continue;
        }
        any_item = true;
        let path = |field: &str| at(&format!("items.{index}.{field}"));
        if code.is_empty() {
            problems.add(path("code"), words.enter_code);
        } else {
            problems.printable(path("code"), code);
        }
        let units = match units {
            "" => {
                problems.add(path("units"), words.enter_units);
                None
            }
            text => match crate::money::whole_number(text) {
                Some(n) if (1..=u64::from(MAX_UNITS)).contains(&n) => u32::try_from(n).ok(),
                _ => {
                    problems.add(
                        path("units"),
                        (words.not_units)(MAX_UNITS, &crate::error::excerpt(text)),
                    );
                    None
                }
            },
        };
        let amount = match amount {
            "" => {
                problems.add(path("amount"), words.enter_amount);
                None
            }
            text => dollars(text, path("amount"), problems),
        };
        if let (false, Some(units), Some(amount)) = (code.is_empty(), units, amount) {
            let entry = items.entry(code.to_ascii_uppercase()).or_default();
            entry.0 = entry.0.saturating_add(units);
            entry.1 = entry.1.checked_add(amount)?;
        }
    }
    let total = match provider.total.as_str() {
        "" => None,
        text => dollars(text, at("total"), problems),
    };
    if problems.len() > before {
        return None;
    }
    let sum = Cents::checked_sum(items.values().map(|(_, amount)| *amount))?;
    match (any_item, total) {
        (false, None) => None, // not billed yet: not checked
        (false, Some(total)) => Some(Billed { total, items: None }),
        (true, Some(total)) if total != sum => {
            problems.add(at("total"), (words.total_disagrees)(&sum.to_string()));
            None
        }
        (true, _) => Some(Billed {
            total: sum,
            items: Some(items),
        }),
    }
}
