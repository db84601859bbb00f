//! The Good Faith Estimate document (45 CFR 149.610(c)) as data: its content and order are
//! computed and tested here; the page only lays it out.
//!
//! Elements, in the order they print:
//! 1. the patient's name and date of birth;
//! 2. the primary item or service, and its date if scheduled;
//! 3. items and services grouped by provider, each with service code, diagnosis code, quantity and
//!    expected charge (the self-pay cash rate after discounts);
//! 4. each provider's name, NPI, TIN, office location and state;
//! 5. the items and services to be scheduled separately;
//! 6. the disclaimers: other services, actual charges may differ, the dispute-resolution right,
//!    not a contract;
//! 7. the quote number, the date issued and the valid-until date.

use serde::Serialize;

use super::request::{CoverageScreening, ProviderAnswers, QuotePlan, Side};
use crate::error::Error;
use crate::estimate::{Breakdown, LineItem, LineKind, Payer, ProviderRole};
use crate::language::{counted, Language};
use crate::money::{Amount, Cents, Locale};
use crate::price_book::PriceBook;

/// The printable estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GoodFaithEstimate {
    /// `Good Faith Estimate`, or `Self-pay price quote` when screening says a GFE does not apply.
    pub title: String,
    /// The language of its texts.
    pub language: Language,
    /// Whether the No Surprises Act GFE rules apply to this patient.
    pub applies: bool,
    /// Why a GFE does not apply and what to do instead, when it does not.
    pub coverage_notice: Option<String>,
    /// Content-derived quote number, e.g. `GFE-7KD3-9XQ2-M4TA-B`.
    pub quote_number: String,
    /// `November 21, 2026`.
    pub issued_on: String,
    /// The issue date plus the price book's `valid_days`.
    pub valid_until: String,
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
    /// Element 5.
    pub separately_scheduled: Vec<String>,
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
    /// `Amniotic tissue injection for Plantar fasciitis (heel pain), left side: 1 injection`.
    pub description: String,
    /// Its CPT code.
    pub service_code: String,
    /// The diagnosis, with laterality.
    pub diagnosis_code: String,
    /// `December 1, 2026`, or `Not yet scheduled`.
    pub scheduled_on: String,
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
    /// The provider's items, in order.
    pub items: Vec<GfeItem>,
    /// The sum of `items`.
    pub total: Amount,
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
    /// How many.
    pub quantity: u32,
    /// The self-pay charge for all of them, after discounts.
    pub expected_charge: Amount,
}

/// Builds the document from the planned breakdown. The quote number is filled in afterwards,
/// because it is computed from this content.
pub(crate) fn build(
    book: &PriceBook,
    quote: &QuotePlan<'_>,
    breakdown: &Breakdown,
) -> Result<GoodFaithEstimate, Error> {
    let document = book.document();
    let locale = document.locale;
    let condition = quote.plan.condition;
    let diagnosis_code = match quote.side {
        Side::Left => condition.icd10.left.clone(),
        Side::Right => condition.icd10.right.clone(),
    };
    let language = quote.plan.language;
    let words = language.words();
    let gfe_words = language.gfe_words();
    let side = match quote.side {
        Side::Left => gfe_words.side[0],
        Side::Right => gfe_words.side[1],
    };
    let count = quote.injections;

    let mut providers = Vec::new();
    let clinic = &document.clinic;
    let clinic_items = expected_charges(breakdown, ProviderRole::Clinic, &diagnosis_code, locale)?;
    providers.push(section(
        gfe_words.convening_provider,
        &clinic.name,
        &clinic.npi,
        &clinic.tin,
        format!(
            "{}, {}, {} {}",
            clinic.address.street, clinic.address.city, clinic.address.state, clinic.address.zip
        ),
        &clinic.address.state,
        clinic_items,
        locale,
    )?);
    if let Some(therapist) = &quote.therapy_provider {
        let items = expected_charges(breakdown, ProviderRole::Therapy, &diagnosis_code, locale)?;
        if !items.is_empty() {
            providers.push(therapy_section(
                therapist,
                items,
                locale,
                gfe_words.co_provider,
            )?);
        }
    }
    let total =
        Cents::checked_sum(providers.iter().map(|p| p.total.cents)).ok_or(Error::Overflow)?;

    let billed_to_insurance = breakdown
        .lines
        .iter()
        .filter(|line| line.payer == Payer::PatientShare)
        .map(|line| {
            format!(
                "{} ({})",
                line.label,
                line.detail.as_deref().unwrap_or(gfe_words.through_plan)
            )
        })
        .collect();

    let texts = &document.good_faith_estimate;
    let mut separately_scheduled = Vec::new();
    if quote.sessions > 0 {
        let therapist = quote
            .therapy_provider
            .as_ref()
            .map_or(clinic.name.as_str(), |p| p.name.as_str());
        separately_scheduled.push((gfe_words.therapy_to_schedule)(quote.sessions, therapist));
    }
    separately_scheduled.extend(
        texts
            .separately_scheduled
            .iter()
            .map(|text| text.get(language).to_owned()),
    );

    let applies = quote.coverage == CoverageScreening::SelfPay;
    let coverage_notice = match quote.coverage {
        CoverageScreening::SelfPay => None,
        CoverageScreening::InsuredFilingClaim => {
            Some(texts.insured_filing_claim.get(language).to_owned())
        }
        CoverageScreening::Medicare | CoverageScreening::Medicaid | CoverageScreening::Tricare => {
            Some(texts.federal_program.get(language).to_owned())
        }
    };
    let mut disclaimers = vec![
        texts.other_services.get(language).to_owned(),
        texts.actual_charges_may_differ.get(language).to_owned(),
    ];
    if applies {
        disclaimers.push(texts.dispute_rights.get(language).to_owned());
    }
    disclaimers.push(texts.not_a_contract.get(language).to_owned());

    Ok(GoodFaithEstimate {
        title: if applies {
            gfe_words.title
        } else {
            gfe_words.self_pay_title
        }
        .to_owned(),
        language,
        applies,
        coverage_notice,
        quote_number: String::new(),
        issued_on: quote.issued_on.long_form(language),
        valid_until: quote
            .issued_on
            .add_days(texts.valid_days)
            .long_form(language),
        price_book_version: document.version.clone(),
        patient: Patient {
            name: quote.patient_name.clone(),
            date_of_birth: quote.date_of_birth.long_form(language),
        },
        primary_service: PrimaryService {
            description: format!(
                "{} {}, {side}: {}",
                gfe_words.injection_for,
                condition.label.get(language),
                counted(count, words.injection)
            ),
            service_code: condition.procedure_code.clone(),
            diagnosis_code,
            scheduled_on: quote.scheduled_on.map_or_else(
                || gfe_words.not_scheduled.to_owned(),
                |d| d.long_form(language),
            ),
        },
        providers,
        total: Amount::new(total, locale),
        billed_to_insurance,
        separately_scheduled,
        disclaimers,
    })
}

/// The provider's self-pay charges after discounts, one item per charge line.
///
/// Each discount line is spread over the charges it applies to, in proportion to what they still
/// cost at that point, by [`Cents::split_by`] (largest remainder, so the shares sum exactly): the
/// multi-injection discount over the injection's parts, later discounts over all of the provider's
/// self-pay charges. So every item shows what the patient is expected to pay for it, and the items
/// add up to the provider's total after discounts, to the cent.
fn expected_charges(
    breakdown: &Breakdown,
    provider: ProviderRole,
    diagnosis_code: &str,
    locale: Locale,
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
    // A discount of $0 changes no item, so it is not spread: the items it would go over may all
    // cost $0 too, and `split_by` has no proportion to share by then.
    let discounts = lines
        .iter()
        .filter(|l| l.kind == LineKind::Discount && l.amount.cents != Cents::ZERO);
    for discount in discounts {
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
            quantity: line.quantity,
            expected_charge: Amount::new(charge, locale),
        })
        .collect())
}

#[allow(clippy::too_many_arguments)]
fn section(
    role: &str,
    name: &str,
    npi: &str,
    tin: &str,
    location: String,
    state: &str,
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
        location,
        state: state.to_owned(),
        items,
        total: Amount::new(total, locale),
    })
}

fn therapy_section(
    p: &ProviderAnswers,
    items: Vec<GfeItem>,
    locale: Locale,
    role: &str,
) -> Result<ProviderSection, Error> {
    let location = format!("{}, {}, {} {}", p.street, p.city, p.state, p.zip);
    section(
        role, &p.name, &p.npi, &p.tin, location, &p.state, items, locale,
    )
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
