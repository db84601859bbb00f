//! The Good Faith Estimate document (45 CFR 149.610(c)) as data: its content and order are
//! computed and tested here; the page only lays it out.
//!
//! Elements, in the order they print:
//! 1. the patient's name and date of birth;
//! 2. the primary item or service, and its date if scheduled (each injection's, when staff give
//!    the later ones);
//! 3. items and services grouped by provider, each with service code, diagnosis code, quantity and
//!    expected charge (the self-pay cash rate after discounts);
//! 4. each provider's name, NPI, TIN, office location and state;
//! 5. the items and services to be scheduled separately (not those itemized above), that a separate
//!    estimate will be given for them, and how to ask for it (the clinic's phone, and email if any);
//! 6. the disclaimers: other services, actual charges may differ, the dispute-resolution right with
//!    the statement that starting it will not adversely affect the quality of care, not a contract;
//! 7. the quote number, the date issued and the valid-until date; for a revision, the number and
//!    issue date of the document it replaces.
//!
//! When screening says a Good Faith Estimate does not apply, the same document is a self-pay price
//! quote ([`DocumentKind::SelfPayQuote`]): its own title, headings, number prefix and disclaimers,
//! no dispute-resolution paragraph, and no text calling it a Good Faith Estimate. Every text the
//! document prints, headings too, is in this data, so what prints can be read and tested here.

use serde::Serialize;

use super::request::{CoverageScreening, PromptPayChoice, ProviderAnswers, QuotePlan, Side};
use crate::error::Error;
use crate::estimate::Therapy;
use crate::estimate::{Breakdown, LineItem, LineKind, Payer, ProviderRole};
use crate::language::{counted, GfeWords, Headings, KindWords, Language};
use crate::money::{Amount, Cents, Locale};
use crate::price_book::{GoodFaithEstimateTexts, PriceBook, PriceBookDocument};

/// What the document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A No Surprises Act Good Faith Estimate: the patient is uninsured or self-pay.
    GoodFaithEstimate,
    /// A self-pay price quote: the same prices, for a patient a Good Faith Estimate is not for
    /// (insured and filing a claim, Medicare, Medicaid, TRICARE).
    SelfPayQuote,
}

impl DocumentKind {
    /// The quote number's prefix: `GFE` or `SPQ`.
    pub fn prefix(self) -> &'static str {
        match self {
            DocumentKind::GoodFaithEstimate => "GFE",
            DocumentKind::SelfPayQuote => "SPQ",
        }
    }
}

/// The printable estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoodFaithEstimate {
    /// `Good Faith Estimate`, or `Self-pay price quote` when screening says a GFE does not apply.
    pub title: String,
    /// Which of the two it is.
    pub kind: DocumentKind,
    /// The headings it prints, in its language and for its kind.
    pub headings: Headings,
    /// The language of its texts.
    pub language: Language,
    /// Whether the No Surprises Act GFE rules apply to this patient (`kind` is a Good Faith Estimate).
    pub applies: bool,
    /// Why a GFE does not apply and what to do instead, when it does not.
    pub coverage_notice: Option<String>,
    /// Content-derived quote number, e.g. `GFE-7KD3-9XQ2-M4TA-B` or `SPQ-…` for a self-pay quote.
    pub quote_number: String,
    /// `November 21, 2026`.
    pub issued_on: String,
    /// The issue date plus the price book's `valid_days`.
    pub valid_until: String,
    /// For a revision, under the dates: `Revised Good Faith Estimate. Replaces GFE-… issued
    /// December 1, 2026.` (the document it replaces directly; the file keeps the whole chain).
    pub replaces: Option<String>,
    /// The price book edition this was priced from.
    pub price_book_version: String,
    /// Element 1.
    pub patient: Patient,
    /// Element 2.
    pub primary_service: PrimaryService,
    /// Elements 3 and 4: one section per provider, the convening provider first.
    pub providers: Vec<ProviderSection>,
    /// The sum of every provider's total.
    pub total: Amount,
    /// Lines billed to the patient's insurance, which this estimate does not cover.
    pub billed_to_insurance: Vec<String>,
    /// Element 5: what the patient would schedule separately, not itemized here.
    pub separately_scheduled: Vec<String>,
    /// After element 5 and `headings.separate_estimate`: how to ask for each separate estimate,
    /// `To ask for one, call {clinic} at {phone} or email {email}.`
    pub ask_separately: String,
    /// Element 6, in order.
    pub disclaimers: Vec<String>,
}

/// The patient, as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Patient {
    /// Full name.
    pub name: String,
    /// `March 4, 1970`.
    pub date_of_birth: String,
}

/// The primary item or service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PrimaryService {
    /// `Amniotic tissue injection — Plantar fasciitis (heel pain), left side: 1 injection`.
    pub description: String,
    /// Its CPT code.
    pub service_code: String,
    /// The diagnosis, with laterality.
    pub diagnosis_code: String,
    /// The first injection's date, `December 1, 2026`, or `Not yet scheduled`.
    pub scheduled_on: String,
    /// What prints under "Scheduled": `[scheduled_on]`, or when staff gave a later injection's date,
    /// one line per planned injection (`Injection 2: December 15, 2026`, `Injection 3: not yet
    /// scheduled`).
    pub schedule: Vec<String>,
}

/// One provider's part of the estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProviderSection {
    /// `Convening provider` or `Co-provider`.
    pub role: String,
    /// Practice name.
    pub name: String,
    /// National Provider Identifier.
    pub npi: String,
    /// Taxpayer Identification Number, `12-3456789`.
    pub tin: String,
    /// Office location on one line.
    pub location: String,
    /// Two-letter state code.
    pub state: String,
    /// The office address in its parts (`location` is them on one line), for the record-system
    /// export's structured address.
    #[serde(skip)]
    pub(crate) address: PostalAddress,
    /// The provider's items, in order.
    pub items: Vec<GfeItem>,
    /// The sum of `items`.
    pub total: Amount,
    /// Under the total: the clinic's prompt-pay discount, its condition and what the charges are
    /// the other way (see [`ExpectedCharges`]).
    pub note: Option<String>,
    /// The discounts its items' expected charges include, each as its breakdown line says it
    /// (label and amount, negative): the CSV lists them as lines. Not printed as such (the note
    /// names them).
    #[serde(skip)]
    pub(crate) discounts: Vec<(String, Cents)>,
}

/// A provider's office address in its parts, as the book or the form has them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PostalAddress {
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
}

impl PostalAddress {
    fn new(street: &str, city: &str, state: &str, zip: &str) -> PostalAddress {
        PostalAddress {
            street: street.to_owned(),
            city: city.to_owned(),
            state: state.to_owned(),
            zip: zip.to_owned(),
        }
    }

    /// On one line, as printed: `100 Example Ave, Suite 200, Austin, TX 78701`.
    fn one_line(&self) -> String {
        format!(
            "{}, {}, {} {}",
            self.street, self.city, self.state, self.zip
        )
    }
}

/// One item or service on the estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GfeItem {
    /// What it is.
    pub description: String,
    /// CPT or HCPCS code.
    pub service_code: String,
    /// ICD-10-CM code.
    pub diagnosis_code: String,
    /// How many, in the billing units of its code (a product billed per cc: its cc).
    pub quantity: u32,
    /// The quantity as printed, with the billing unit named, when the code is not billed one per
    /// item: `6 units of 1 cc`; absent otherwise (and then not written), when the quantity is
    /// printed alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_units: Option<String>,
    /// The self-pay charge for all of them, after discounts.
    pub expected_charge: Amount,
    /// The charge before discounts (its line's amount, quantity × unit price): the record-system
    /// export's unit price is made from it. Not printed.
    #[serde(skip)]
    pub(crate) before_discounts: Cents,
}

impl GoodFaithEstimate {
    /// What every printed page carries at its head, so a page apart from the others still says
    /// whose document it is and which: `Ana Ruiz · Date of birth March 4, 1970 · Quote
    /// GFE-7KD3-9XQ2-M4TA-B`. (The foot says `Page 2 of 3`, from `headings.page_of`.)
    pub fn running_head(&self) -> String {
        format!("{} · {}", self.running_patient(), self.running_number())
    }

    /// The running head's patient: `Ana Ruiz · Date of birth March 4, 1970`.
    pub fn running_patient(&self) -> String {
        let w = &self.headings;
        format!(
            "{} · {} {}",
            self.patient.name, w.date_of_birth, self.patient.date_of_birth
        )
    }

    /// The running head's number, `Quote GFE-7KD3-9XQ2-M4TA-B`: printed in a margin box of its
    /// own that never breaks it, however long the patient's name.
    pub fn running_number(&self) -> String {
        format!("{} {}", self.headings.quote, self.quote_number)
    }
}

impl QuotePlan<'_> {
    /// A Good Faith Estimate for a self-pay patient; a self-pay price quote for anyone else.
    pub(crate) fn kind(&self) -> DocumentKind {
        match self.coverage {
            CoverageScreening::SelfPay => DocumentKind::GoodFaithEstimate,
            _ => DocumentKind::SelfPayQuote,
        }
    }

    /// The issue date plus the price book's `valid_days`.
    pub(crate) fn valid_until(&self, book: &PriceBook) -> crate::calendar::Date {
        valid_until(book, self.issued_on)
    }
}

/// The last day a document issued on `issued` is valid: the issue date plus the price book's
/// `valid_days`.
pub(crate) fn valid_until(
    book: &PriceBook,
    issued: crate::calendar::Date,
) -> crate::calendar::Date {
    issued.add_days(book.document().good_faith_estimate.valid_days)
}

/// Builds the document from the planned breakdown, element by element in the order they print
/// (the module's list). The quote number is filled in afterwards, because it is computed from this
/// content.
pub(crate) fn build(
    book: &PriceBook,
    quote: &QuotePlan<'_>,
    breakdown: &Breakdown,
) -> Result<GoodFaithEstimate, Error> {
    let document = book.document();
    let locale = document.locale;
    let language = quote.plan.language;
    let kind = quote.kind();
    let kind_words = language
        .gfe_words()
        .kind(kind == DocumentKind::GoodFaithEstimate);
    let diagnosis_code = diagnosis_code(quote);
    let providers = providers(document, quote, breakdown, &diagnosis_code)?;
    let total =
        Cents::checked_sum(providers.iter().map(|p| p.total.cents)).ok_or(Error::Overflow)?;
    let texts = &document.good_faith_estimate;
    let clinic = &document.clinic;
    Ok(GoodFaithEstimate {
        title: kind_words.title.to_owned(),
        kind,
        headings: kind_words.headings,
        language,
        applies: kind == DocumentKind::GoodFaithEstimate,
        coverage_notice: coverage_notice(quote.coverage, texts, language),
        quote_number: String::new(),
        issued_on: quote.issued_on.long_form(language),
        valid_until: quote.valid_until(book).long_form(language),
        replaces: replaces(quote, kind),
        price_book_version: document.version.clone(),
        patient: Patient {
            name: quote.patient_name.clone(),
            date_of_birth: quote.date_of_birth.long_form(language),
        },
        primary_service: primary_service(quote, diagnosis_code),
        providers,
        total: Amount::new(total, locale),
        billed_to_insurance: billed_to_insurance(breakdown, language),
        separately_scheduled: separately_scheduled(quote, document),
        ask_separately: (kind_words.ask_separately)(
            &clinic.name,
            &clinic.phone,
            clinic.email.as_deref(),
        ),
        disclaimers: disclaimers(kind_words, texts, language),
    })
}

/// A revision's statement of the document it replaces directly, in the document's words.
fn replaces(quote: &QuotePlan<'_>, kind: DocumentKind) -> Option<String> {
    let language = quote.plan.language;
    let words = language.revision_words(kind == DocumentKind::GoodFaithEstimate);
    let (number, issued_on) = quote.replaces.first()?;
    Some((words.replaces)(number, &issued_on.long_form(language)))
}

/// The diagnosis on every item: the condition's ICD-10-CM code for the side treated.
fn diagnosis_code(quote: &QuotePlan<'_>) -> String {
    let icd10 = &quote.plan.condition.icd10;
    match quote.side {
        Side::Left => icd10.left.clone(),
        Side::Right => icd10.right.clone(),
    }
}

/// Element 2: the injections for the condition on its side, with its codes, and when each is
/// scheduled.
fn primary_service(quote: &QuotePlan<'_>, diagnosis_code: String) -> PrimaryService {
    let language = quote.plan.language;
    let gfe_words = language.gfe_words();
    let condition = quote.plan.condition;
    let count = quote.injections;
    let side = match quote.side {
        Side::Left => gfe_words.side[0],
        Side::Right => gfe_words.side[1],
    };
    let scheduled_on = quote.scheduled_on.map_or_else(
        || gfe_words.not_scheduled.to_owned(),
        |d| d.long_form(language),
    );
    // One line per planned injection once staff give a later one's date.
    let schedule = if quote.later_injections_on.is_empty() {
        vec![scheduled_on.clone()]
    } else {
        let dates = quote.scheduled_on.iter().chain(&quote.later_injections_on);
        (1..=count)
            .zip(dates.map(Some).chain(std::iter::repeat(None)))
            .map(|(n, date)| match date {
                Some(date) => (gfe_words.injection_on)(n, &date.long_form(language)),
                None => (gfe_words.injection_not_scheduled)(n),
            })
            .collect()
    };
    PrimaryService {
        // The condition's name as the price book writes it, standing on its own after a dash,
        // so it is never lowercased ("Achilles") nor capitalized mid-sentence.
        description: format!(
            "{} — {}, {side}: {}",
            gfe_words.injection_series[usize::from(count != 1)],
            condition.label.get(language),
            counted(count, language.words().injection)
        ),
        service_code: condition.procedure_code.clone(),
        diagnosis_code,
        scheduled_on,
        schedule,
    }
}

/// Elements 3 and 4: the clinic's section (the convening provider), with the note on its
/// discounts, then, when a quote names a therapy provider with items, theirs (a co-provider).
fn providers(
    document: &PriceBookDocument,
    quote: &QuotePlan<'_>,
    breakdown: &Breakdown,
    diagnosis_code: &str,
) -> Result<Vec<ProviderSection>, Error> {
    let locale = document.locale;
    let gfe_words = quote.plan.language.gfe_words();
    let exclude_prompt_pay = quote.prompt_pay == Some(PromptPayChoice::Excluded);
    let clinic = &document.clinic;
    let items = expected_charges(
        breakdown,
        ProviderRole::Clinic,
        diagnosis_code,
        locale,
        exclude_prompt_pay,
    )?;
    let mut clinic_section = section(
        gfe_words.convening_provider,
        &clinic.name,
        &clinic.npi,
        &clinic.tin,
        PostalAddress::new(
            &clinic.address.street,
            &clinic.address.city,
            &clinic.address.state,
            &clinic.address.zip,
        ),
        items,
        locale,
    )?;
    clinic_section.discounts = discount_lines(breakdown, ProviderRole::Clinic, exclude_prompt_pay);
    clinic_section.note = clinic_note(
        document,
        breakdown,
        (gfe_words, quote.prompt_pay),
        clinic_section.total.cents,
    )?;
    let mut providers = vec![clinic_section];
    if let Some(therapist) = &quote.therapy_provider {
        let items = expected_charges(
            breakdown,
            ProviderRole::Therapy,
            diagnosis_code,
            locale,
            exclude_prompt_pay,
        )?;
        if !items.is_empty() {
            let mut section = therapy_section(therapist, items, locale, gfe_words.co_provider)?;
            section.discounts =
                discount_lines(breakdown, ProviderRole::Therapy, exclude_prompt_pay);
            // A provider typed in without its own prices (a file saved before they were asked
            // for) is priced at the clinic's own therapy prices: the document says so.
            if therapist.partner.is_empty() && quote.plan.typed_therapy_prices.is_none() {
                section.note = Some((gfe_words.at_clinic_prices)(&clinic.name, &therapist.name));
            }
            providers.push(section);
        }
    }
    Ok(providers)
}

/// Under the clinic's total (`shown`): the discounts its items include, and the prompt-pay
/// discount's condition. The other discounts (several injections, a staff discount and its
/// reason) are spread over the items they reduce, so the note names each, with its amount. The
/// prompt-pay discount holds only if the patient pays in full at the visit, so the note says so,
/// with the clinic's charges the other way: the total shown plus the discount line when the items
/// include it, minus it when they leave it out (`choice`, the quote's). Both from the same lines.
fn clinic_note(
    document: &PriceBookDocument,
    breakdown: &Breakdown,
    (gfe_words, choice): (&GfeWords, Option<PromptPayChoice>),
    shown: Cents,
) -> Result<Option<String>, Error> {
    let locale = document.locale;
    let clinic_lines = breakdown
        .lines
        .iter()
        .filter(|l| l.provider == ProviderRole::Clinic);
    let prompt_pay_off = clinic_lines
        .clone()
        .filter(|l| l.prompt_pay)
        .try_fold(Cents::ZERO, |sum, l| sum.checked_sub(l.amount.cents))
        .ok_or(Error::Overflow)?;
    let mut notes = Vec::new();
    let discounts: Vec<String> = clinic_lines
        .filter(|l| l.kind == LineKind::Discount && !l.prompt_pay)
        .map(|l| {
            let off = Cents::ZERO
                .checked_sub(l.amount.cents)
                .ok_or(Error::Overflow)?;
            Ok(format!("{} ({})", l.label, locale.format_money(off)))
        })
        .collect::<Result<_, Error>>()?;
    if !discounts.is_empty() {
        notes.push((gfe_words.discounts_included)(&discounts.join("; ")));
    }
    let prompt_pay = document.discounts.prompt_pay.as_ref();
    if let Some(prompt_pay) = prompt_pay.filter(|_| prompt_pay_off > Cents::ZERO) {
        let rate = prompt_pay.percent_off_bp.to_string();
        notes.push(match choice {
            Some(PromptPayChoice::Excluded) => {
                let with = shown.checked_sub(prompt_pay_off).ok_or(Error::Overflow)?;
                (gfe_words.prompt_pay_excluded)(&rate, &locale.format_money(with))
            }
            _ => {
                let without = shown.checked_add(prompt_pay_off).ok_or(Error::Overflow)?;
                (gfe_words.prompt_pay_included)(&rate, &locale.format_money(without))
            }
        });
    }
    Ok((!notes.is_empty()).then(|| notes.join(" ")))
}

/// The lines billed to the patient's insurance, which this estimate does not cover: each with
/// what the patient pays of it, or that it is through the plan.
fn billed_to_insurance(breakdown: &Breakdown, language: Language) -> Vec<String> {
    let through_plan = language.gfe_words().through_plan;
    breakdown
        .lines
        .iter()
        .filter(|line| line.payer == Payer::PatientShare)
        .map(|line| {
            format!(
                "{} ({})",
                line.label,
                line.detail.as_deref().unwrap_or(through_plan)
            )
        })
        .collect()
}

/// Element 5: what the patient schedules separately, not itemized here. Therapy paid in cash is
/// itemized above, under whichever provider gives it: listing it here too, with "a separate
/// estimate will be given", would contradict the items. Therapy through insurance is not part of
/// this document, so the patient is told to schedule it; then the book's own items, but for one an
/// extra on this estimate is a case of (`Extra::separately_scheduled`): it is itemized above.
fn separately_scheduled(quote: &QuotePlan<'_>, document: &PriceBookDocument) -> Vec<String> {
    let language = quote.plan.language;
    let mut separately_scheduled = Vec::new();
    if quote.sessions > 0 && matches!(quote.plan.therapy, Therapy::Insurance(_)) {
        let therapist = quote
            .therapy_provider
            .as_ref()
            .map_or(document.clinic.name.as_str(), |p| p.name.as_str());
        separately_scheduled.push((language.gfe_words().therapy_to_schedule)(
            quote.sessions,
            quote.injections,
            therapist,
        ));
    }
    // An entry an extra on this estimate is a case of is itemized above, not separate.
    let itemized: Vec<&str> = quote
        .plan
        .extras
        .iter()
        .filter(|(_, count)| *count > 0)
        .filter_map(|(extra, _)| extra.separately_scheduled.as_ref())
        .map(|text| text.get(crate::language::Language::English).trim())
        .collect();
    separately_scheduled.extend(
        document
            .good_faith_estimate
            .separately_scheduled
            .iter()
            .filter(|text| !itemized.contains(&text.get(crate::language::Language::English).trim()))
            .map(|text| text.get(language).to_owned()),
    );
    separately_scheduled
}

/// The notice beside the form for the coverage chosen in `request`, as the document prints it
/// (`None` while no coverage is chosen, or for self-pay): the page shows this on every change, so
/// the notice follows the choice even while the rest of the form is refused.
pub fn coverage_notice_of(book: &PriceBook, request: &super::QuoteRequest) -> Option<String> {
    let texts = &book.document().good_faith_estimate;
    coverage_notice(request.coverage?, texts, request.answers.language)
}

/// Why a Good Faith Estimate does not apply and what to do instead, when screening says so.
fn coverage_notice(
    coverage: CoverageScreening,
    texts: &GoodFaithEstimateTexts,
    language: Language,
) -> Option<String> {
    match coverage {
        CoverageScreening::SelfPay => None,
        CoverageScreening::InsuredFilingClaim => {
            Some(texts.insured_filing_claim.get(language).to_owned())
        }
        CoverageScreening::Medicare | CoverageScreening::Medicaid | CoverageScreening::Tricare => {
            Some(texts.federal_program.get(language).to_owned())
        }
    }
}

/// Element 6. A Good Faith Estimate prints the clinic's own disclaimers, the dispute-resolution
/// right among them; a self-pay quote prints the crate's, because a price book words its
/// disclaimers for a Good Faith Estimate ("This Good Faith Estimate is not a contract").
fn disclaimers(
    kind_words: &KindWords,
    texts: &GoodFaithEstimateTexts,
    language: Language,
) -> Vec<String> {
    match &kind_words.disclaimers {
        None => {
            // The dispute right and the statement that starting a dispute will not affect the
            // quality of care are one paragraph, as 45 CFR 149.610(c)(1) asks of that disclaimer.
            let quality_of_care = texts
                .quality_of_care
                .as_ref()
                .map_or(language.gfe_words().quality_of_care, |text| {
                    text.get(language)
                });
            vec![
                texts.other_services.get(language).to_owned(),
                texts.actual_charges_may_differ.get(language).to_owned(),
                format!("{} {quality_of_care}", texts.dispute_rights.get(language)),
                texts.not_a_contract.get(language).to_owned(),
            ]
        }
        Some(own) => vec![
            own.other_services.to_owned(),
            own.actual_charges_may_differ.to_owned(),
            own.not_a_contract.to_owned(),
        ],
    }
}

/// The provider's self-pay charges after discounts, one item per charge line.
///
/// Each discount line is spread over the charges it applies to, in proportion to what they still
/// cost at that point, by [`Cents::split_by`] (largest remainder, so the shares sum exactly): the
/// multi-injection discount over the injection's parts, later discounts over all of the provider's
/// self-pay charges. So every item shows what the patient is expected to pay for it, and the items
/// add up to the provider's total after discounts, to the cent. The prompt-pay discount is left
/// out when `exclude_prompt_pay` (the quote's `prompt_pay: "excluded"`, or else the price book's
/// `prompt_pay.expected_charges: "excluded"`).
fn expected_charges(
    breakdown: &Breakdown,
    provider: ProviderRole,
    diagnosis_code: &str,
    locale: Locale,
    exclude_prompt_pay: bool,
) -> Result<Vec<GfeItem>, Error> {
    let lines: Vec<&LineItem> = breakdown
        .lines
        .iter()
        .filter(|l| l.provider == provider && l.payer == Payer::SelfPay)
        .collect();
    let charges: Vec<&LineItem> = lines
        .iter()
        .copied()
        .filter(|l| l.kind == LineKind::Charge)
        .collect();
    let mut net: Vec<Cents> = charges.iter().map(|l| l.amount.cents).collect();
    for discount in included_discounts(breakdown, provider, exclude_prompt_pay) {
        let applies: Vec<bool> = charges
            .iter()
            .map(|c| !discount.injection_part || c.injection_part)
            .collect();
        let weights: Vec<Cents> = net
            .iter()
            .zip(&applies)
            .map(|(n, a)| if *a { *n } else { Cents::ZERO })
            .collect();
        // `split_by` refuses only all-zero (or negative) weights, which a discount of more than
        // $0 never meets: it is at most what the items it applies to still cost.
        let shares = discount
            .amount
            .cents
            .split_by(&weights)
            .ok_or(Error::Overflow)?;
        for (value, share) in net.iter_mut().zip(shares) {
            *value = value.checked_add(share).ok_or(Error::Overflow)?;
        }
    }
    Ok(charges
        .iter()
        .zip(net)
        .map(|(line, charge)| GfeItem {
            description: line.label.clone(),
            service_code: line.code.clone().unwrap_or_default(),
            diagnosis_code: diagnosis_code.to_owned(),
            // Against its code, in that code's billing units: a bill compared line by line matches.
            quantity: line
                .billing_units
                .as_ref()
                .map_or(line.quantity, |b| b.units),
            billing_units: line.billing_units.as_ref().map(|b| b.text.clone()),
            expected_charge: Amount::new(charge, locale),
            before_discounts: line.amount.cents,
        })
        .collect())
}

/// The provider's self-pay discount lines that its expected charges include, in order. A discount
/// of $0 changes no item, so it is not spread (the items it would go over may all cost $0 too, and
/// `split_by` has no proportion to share by then); the prompt-pay discount is left out when
/// `exclude_prompt_pay`.
fn included_discounts(
    breakdown: &Breakdown,
    provider: ProviderRole,
    exclude_prompt_pay: bool,
) -> impl Iterator<Item = &LineItem> {
    breakdown.lines.iter().filter(move |l| {
        l.provider == provider
            && l.payer == Payer::SelfPay
            && l.kind == LineKind::Discount
            && l.amount.cents != Cents::ZERO
            && !(exclude_prompt_pay && l.prompt_pay)
    })
}

/// [`included_discounts`] as the CSV lists them: label and amount.
fn discount_lines(
    breakdown: &Breakdown,
    provider: ProviderRole,
    exclude_prompt_pay: bool,
) -> Vec<(String, Cents)> {
    included_discounts(breakdown, provider, exclude_prompt_pay)
        .map(|l| (l.label.clone(), l.amount.cents))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn section(
    role: &str,
    name: &str,
    npi: &str,
    tin: &str,
    address: PostalAddress,
    items: Vec<GfeItem>,
    locale: Locale,
) -> Result<ProviderSection, Error> {
    let total =
        Cents::checked_sum(items.iter().map(|i| i.expected_charge.cents)).ok_or(Error::Overflow)?;
    Ok(ProviderSection {
        role: role.to_owned(),
        name: name.to_owned(),
        npi: npi.to_owned(),
        tin: format!(
            "{}-{}",
            tin.get(..2).unwrap_or(""),
            tin.get(2..).unwrap_or("")
        ),
        location: address.one_line(),
        state: address.state.clone(),
        address,
        items,
        total: Amount::new(total, locale),
        note: None,
        discounts: Vec::new(),
    })
}

fn therapy_section(
    p: &ProviderAnswers,
    items: Vec<GfeItem>,
    locale: Locale,
    role: &str,
) -> Result<ProviderSection, Error> {
    let address = PostalAddress::new(&p.street, &p.city, &p.state, &p.zip);
    section(role, &p.name, &p.npi, &p.tin, address, items, locale)
}

/// Each provider's total, by name, for comparing two breakdowns of the same quote.
pub(crate) fn provider_totals(
    book: &PriceBook,
    quote: &QuotePlan<'_>,
    breakdown: &Breakdown,
) -> Result<Vec<(String, Cents)>, Error> {
    let document = build(book, quote, breakdown)?;
    Ok(document
        .providers
        .into_iter()
        .map(|p| (p.name, p.total.cents))
        .collect())
}
