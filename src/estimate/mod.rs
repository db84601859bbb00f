//! The visitor estimate: from a request and a price book to itemized lines and totals.
//!
//! The pricing rules, in the order lines appear:
//!
//! 1. Consultation, if asked for.
//! 2. Per injection: one product and one administration (the condition's procedure code), plus
//!    ultrasound guidance (76942) only where that code does not already include it.
//! 3. The multi-injection discount, as its own line.
//! 4. The walking boot, once for the course.
//! 5. Physical therapy, cash or through insurance (see `physical_therapy.rs`), at the clinic's
//!    prices, or at a therapy partner's when a quote names one.
//! 6. The prompt-pay discount on everything self-pay above, as its own line.
//!
//! When a count is "not sure", the estimate has a low end (fewest injections and sessions) and a
//! high end (most), each with its own lines. So it does when a plan figure PT needs was not
//! entered: the low end at the plan's best case, the high end at its worst.

mod choices;
mod lines;
mod notice;
mod physical_therapy;
mod request;
mod share;

pub use choices::{Choice, Choices};
pub use lines::{BilledUnits, LineItem, LineKind, Payer, ProviderRole};
pub use notice::{right_to_estimate, RightToEstimate};
pub use request::{
    Coverage, EstimateRequest, FormValue, InsuranceAnswers, InsurancePlan, PhysicalTherapyRequest,
};
pub use share::{
    read_share_answers, share_answers, shared_answers, SharedAnswers, SharedTherapy, SHARED_KEYS,
};

use serde::Serialize;

use crate::error::Error;
use crate::language::{counted, Language};
use crate::money::{Amount, Cents, Locale, Rounding};
#[cfg(staff)]
use crate::price_book::Product;
use crate::price_book::{
    product_cost, MultiInjectionDiscount, PriceBook, PriceBookDocument, PricedService,
};
use lines::{Line, Lines};
pub(crate) use request::{End, Plan, Therapy};
#[cfg(staff)]
pub(crate) use request::{StaffDiscount, StaffDiscountOff};

/// An estimate: one breakdown, or a low and a high one when a count was "not sure".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Estimate {
    /// The price book edition the numbers come from.
    pub price_book_version: String,
    /// True when the price book holds sample figures, not a clinic's own.
    pub sample_prices: bool,
    /// The condition's label.
    pub condition: String,
    /// The language of every text in it.
    pub language: Language,
    /// `1 injection`, or for a range `1 injection, 6 physical therapy sessions to 2 injections, 12
    /// physical therapy sessions`.
    pub summary: String,
    /// The patient's total: one amount, or low and high.
    pub patient_total: TotalRange,
    /// When the total has the prompt-pay discount taken off: what it is otherwise.
    pub prompt_pay: Option<PromptPayCondition>,
    /// The breakdown for the fewest injections and sessions (the only one when exact).
    pub low: Breakdown,
    /// The breakdown for the most, when the answer was a range.
    pub high: Option<Breakdown>,
    /// What the visitor should know: self-pay, estimate only, what is not included.
    pub notes: Vec<String>,
}

/// The patient's total as a range; `low == high` when the estimate is exact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TotalRange {
    /// The low end.
    pub low: Amount,
    /// The high end.
    pub high: Amount,
    /// `$2,380.00`, or `$2,380.00 – $5,900.00` for a range.
    pub formatted: String,
}

impl TotalRange {
    /// `low` to `high`, in `locale`; one amount (`low`) unless `is_range` and the two differ (a
    /// range whose ends come to the same amount is that amount, not `$2,848.39 – $2,848.39`).
    ///
    /// ```
    /// use amnion_estimator::{estimate::TotalRange, money::{Cents, Locale}};
    /// let range = |low, high| TotalRange::new(Cents::new(low), Cents::new(high), true, Locale::EnUs).formatted;
    /// assert_eq!(range(284_839, 284_839), "$2,848.39");
    /// assert_eq!(range(163_875, 282_981), "$1,638.75 – $2,829.81");
    /// ```
    pub fn new(low: Cents, high: Cents, is_range: bool, locale: Locale) -> TotalRange {
        let (low, high) = (Amount::new(low, locale), Amount::new(high, locale));
        let formatted = if is_range && low.cents != high.cents {
            format!("{} – {}", low.formatted, high.formatted)
        } else {
            low.formatted.clone()
        };
        TotalRange {
            low,
            high,
            formatted,
        }
    }
}

/// The prompt-pay discount's condition on a total: it holds only if the patient pays in full at
/// the visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PromptPayCondition {
    /// The total without the discount, at each end.
    pub without: TotalRange,
    /// `Assumes you pay in full at the visit (5% off); otherwise $1,725.00.`
    pub text: String,
}

/// The lines and totals for one number of injections and sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// How many injections these lines cover.
    pub injections: u32,
    /// How many physical therapy sessions (after the evaluation) they cover.
    pub pt_sessions: u32,
    /// `2 injections, 8 physical therapy sessions`.
    pub summary: String,
    /// Every charge and discount, in order.
    pub lines: Vec<LineItem>,
    /// The sum of the lines the patient pays.
    pub patient_total: Amount,
    /// The sum of the lines insurance pays.
    pub insurance_total: Amount,
}

impl Breakdown {
    /// The prompt-pay discount these lines take off, as a positive amount; zero without one.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] never for a valid price book.
    pub fn prompt_pay_off(&self) -> Result<Cents, Error> {
        let lines = self.lines.iter().filter(|line| line.prompt_pay);
        let off = Cents::checked_sum(lines.map(|line| line.amount.cents)).ok_or(Error::Overflow)?;
        Cents::ZERO.checked_sub(off).ok_or(Error::Overflow)
    }

    /// What the patient pays of these lines without the prompt-pay discount.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] never for a valid price book.
    pub fn without_prompt_pay(&self) -> Result<Cents, Error> {
        let off = self.prompt_pay_off()?;
        self.patient_total
            .cents
            .checked_add(off)
            .ok_or(Error::Overflow)
    }
}

/// Estimates what `request` costs under `book`.
///
/// # Errors
///
/// [`Error::InvalidRequest`] naming every bad field (`injections: must be 1 to 3, got 99`);
/// [`Error::Overflow`] never for a valid price book, whose limits bound every total.
///
/// ```
/// use amnion_estimator::{estimate::{estimate, EstimateRequest}, price_book::PriceBook};
/// let book = PriceBook::embedded_default().unwrap();
/// let request = EstimateRequest { condition: "plantar_fasciitis".into(), injections: "1".into(), ..Default::default() };
/// let estimate = estimate(&book, &request).unwrap();
/// assert!(estimate.high.is_none());
/// assert_eq!(estimate.patient_total.formatted, estimate.low.patient_total.formatted);
/// ```
pub fn estimate(book: &PriceBook, request: &EstimateRequest) -> Result<Estimate, Error> {
    crate::tally::count_estimate();
    estimated(book, request.plan(book)?)
}

/// As [`estimate`], with physical therapy given by another provider at the book's therapy prices:
/// its lines that provider's, so the clinic's discounts leave them alone. The staff printout's
/// comparison prices a quote's co-provider so, at that provider's prices
/// ([`crate::quote::Quote::comparison`]).
///
/// # Errors
///
/// As [`estimate`].
#[cfg(staff)]
pub(crate) fn estimate_therapy_elsewhere(
    book: &PriceBook,
    request: &EstimateRequest,
) -> Result<Estimate, Error> {
    let mut plan = request.plan(book)?;
    plan.therapy_elsewhere = true;
    estimated(book, plan)
}

fn estimated(book: &PriceBook, plan: Plan<'_>) -> Result<Estimate, Error> {
    let lang = plan.language;
    let (fewest, most) = (plan.injections, plan.sessions);
    let low = breakdown(book, &plan, fewest.min, most.min, End::Low)?;
    let counts_differ = fewest.min != fewest.max || most.min != most.max;
    let unknown = match plan.therapy {
        Therapy::Insurance(range) if range.best != range.worst && most.max > 0 => {
            Some(range.unknown)
        }
        _ => None,
    };
    let high = if counts_differ || unknown.is_some() {
        Some(breakdown(book, &plan, fewest.max, most.max, End::High)?)
    } else {
        None
    };
    // Did the figures not entered change what the patient pays? (A spent out-of-pocket maximum,
    // say, makes them not matter.) Only then are they a range, and named; otherwise the high end
    // is the plan as entered.
    let (high, unknown) = match (unknown, high) {
        (Some(unknown), Some(high)) => {
            let at_best = breakdown(book, &plan, fewest.max, most.max, End::Low)?;
            if at_best.patient_total == high.patient_total {
                (Some(at_best), None)
            } else {
                (Some(high), Some(unknown))
            }
        }
        (_, high) => (high, None),
    };
    let high = high.filter(|_| counts_differ || unknown.is_some());
    let is_range = high.is_some();

    let document = book.document();
    let top = high.as_ref().unwrap_or(&low);
    let summary = if counts_differ {
        (lang.words().range)(&low.summary, &top.summary)
    } else {
        low.summary.clone()
    };
    let patient_total = TotalRange::new(
        low.patient_total.cents,
        top.patient_total.cents,
        is_range,
        document.locale,
    );
    let prompt_pay = prompt_pay_condition(book, (&low, top), is_range, lang)?;

    let texts = &document.disclaimers;
    let mut notes = vec![
        texts.self_pay.get(lang).to_owned(),
        texts.estimate_only.get(lang).to_owned(),
        texts.not_included.get(lang).to_owned(),
    ];
    // Therapy is priced at the clinic's own prices: "care from other providers" above is not
    // included, and this says which the therapy lines are.
    if plan.therapy != Therapy::None && plan.sessions.max > 0 {
        notes.push((lang.words().therapy_here)(&document.clinic.name));
    }
    if matches!(plan.therapy, Therapy::Insurance(_)) && plan.sessions.max > 0 {
        notes.push(texts.insurance.get(lang).to_owned());
    }
    if let Some(unknown) = unknown {
        let words = lang.words();
        if unknown.deductible || unknown.coinsurance {
            notes.push((words.plan_figures_missing)(
                unknown.deductible,
                unknown.coinsurance,
            ));
        }
        if unknown.copay_timing {
            notes.push(words.copay_timing_unsure.to_owned());
        }
        if unknown.copay_with_coinsurance {
            if let Therapy::Insurance(range) = plan.therapy {
                notes.push((words.copay_with_coinsurance)(range.worst.coinsurance));
            }
        }
    }
    Ok(Estimate {
        price_book_version: document.version.clone(),
        sample_prices: document.sample_data,
        condition: plan.condition.label.get(lang).to_owned(),
        language: lang,
        summary,
        patient_total,
        prompt_pay,
        low,
        high,
        notes,
    })
}

/// The lines no refused therapy answer touches: when `refused` (the refusal of `request`) names
/// physical therapy answers only, the estimate of `request` without therapy, its lines without the
/// prompt-pay discount (a share of the self-pay lines, cash therapy's among them); `None`
/// otherwise. Its lines only are to be shown: a total would be one worked out from a refused
/// answer.
///
/// ```
/// use amnion_estimator::{estimate::{estimate, lines_apart_from_therapy, EstimateRequest}, price_book::PriceBook};
/// let book = PriceBook::embedded_default().unwrap();
/// let request: EstimateRequest = serde_json::from_str(r#"{ "condition": "plantar_fasciitis", "injections": "1",
///     "physical_therapy": { "coverage": "insurance", "sessions": "8", "insurance": { "copay": "12k" } } }"#).unwrap();
/// let refused = estimate(&book, &request).unwrap_err();
/// let apart = lines_apart_from_therapy(&book, request, &refused).expect("therapy alone refused");
/// assert_eq!(apart.low.lines.len(), 3, "the product, the injection, the ultrasound guidance");
/// ```
pub fn lines_apart_from_therapy(
    book: &PriceBook,
    request: EstimateRequest,
    refused: &Error,
) -> Option<Estimate> {
    let fields = refused.fields();
    let therapy = |path: &str| path.starts_with("physical_therapy.");
    if fields.is_empty() || !fields.iter().all(|field| therapy(&field.path)) {
        return None;
    }
    // By value: a copy of the request would cost the visitor's module a clone of every answer.
    let mut without = request;
    without.physical_therapy = PhysicalTherapyRequest::default();
    let mut estimate = estimate(book, &without).ok()?;
    for end in std::iter::once(&mut estimate.low).chain(estimate.high.as_mut()) {
        end.lines.retain(|line| !line.prompt_pay);
    }
    Some(estimate)
}

/// The condition the prompt-pay discount in `ends` puts on the total, if it has one: the total
/// without it, and the sentence saying so.
fn prompt_pay_condition(
    book: &PriceBook,
    (low, high): (&Breakdown, &Breakdown),
    is_range: bool,
    language: Language,
) -> Result<Option<PromptPayCondition>, Error> {
    let Some(discount) = book.document().discounts.prompt_pay.as_ref() else {
        return Ok(None);
    };
    if low.prompt_pay_off()? == Cents::ZERO && high.prompt_pay_off()? == Cents::ZERO {
        return Ok(None);
    }
    let without = TotalRange::new(
        low.without_prompt_pay()?,
        high.without_prompt_pay()?,
        is_range,
        book.document().locale,
    );
    let text = (language.words().prompt_pay_condition)(
        &discount.percent_off_bp.to_string(),
        &without.formatted,
    );
    Ok(Some(PromptPayCondition { without, text }))
}

/// The lines for exactly `injections` injections and `sessions` therapy sessions, therapy through
/// insurance at the plan's case for `end`, in the order of the rules at the top of this module.
pub(crate) fn breakdown(
    book: &PriceBook,
    plan: &Plan<'_>,
    injections: u32,
    sessions: u32,
    end: End,
) -> Result<Breakdown, Error> {
    let document = book.document();
    let lang = plan.language;
    let mut lines = Lines::new(document.locale);

    if plan.consultation {
        lines.push(service(&document.visits.consultation, 1, lang))?;
    }
    injection_parts(&mut lines, document, plan, injections)?;
    multi_injection_discount(&mut lines, document, plan, injections)?;
    if plan.walking_boot {
        lines.push(service(&document.walking_boot, 1, lang))?;
    }
    // Extras, another provider's therapy and a staff discount are quotes' only: the visitor's
    // module, whose plans never have them, leaves their code out.
    #[cfg(staff)]
    for (extra, quantity) in &plan.extras {
        lines.push(Line::charge(
            extra.label.get(lang),
            &extra.code,
            *quantity,
            extra.price_cents,
        ))?;
    }
    therapy_lines(&mut lines, document, plan, (sessions, end))?;
    clinic_discounts(&mut lines, document, plan)?;

    let locale = lines.locale();
    let patient_total = Amount::new(lines.total(|line| line.payer.is_patient())?, locale);
    let insurance_total = Amount::new(lines.total(|line| line.payer == Payer::Insurance)?, locale);
    Ok(Breakdown {
        injections,
        pt_sessions: sessions,
        summary: summary(injections, sessions, plan.therapy, lang),
        lines: lines.into_items(),
        patient_total,
        insurance_total,
    })
}

/// A self-pay charge of `quantity` of a service at its one price.
fn service<'a>(service: &'a PricedService, quantity: u32, lang: Language) -> Line<'a> {
    Line::charge(
        service.label.get(lang),
        &service.code,
        quantity,
        service.price_cents,
    )
}

/// `quantity` of `product` in the billing units of its HCPCS code, when the book says the code is
/// not billed one per product: a 2 mL vial billed per 1 cc is 2 units, so 3 vials are 6.
#[cfg(staff)]
fn billed_units(
    product: &Product,
    quantity: u32,
    lang: Language,
) -> Result<Option<BilledUnits>, Error> {
    let Some(billing) = &product.billing_units else {
        return Ok(None);
    };
    let units = quantity
        .checked_mul(billing.per_product)
        .ok_or(Error::Overflow)?;
    let unit = billing.unit.get(lang);
    Ok(Some(BilledUnits {
        units,
        unit: unit.to_owned(),
        text: (lang.words().billing_units)(units, unit),
    }))
}

/// The parts of each injection, `injections` of each: one product and one administration (the
/// condition's procedure code), ultrasound guidance (76942) only where that code does not already
/// include it, and supplies where the clinic charges for them.
fn injection_parts(
    lines: &mut Lines,
    document: &PriceBookDocument,
    plan: &Plan<'_>,
    injections: u32,
) -> Result<(), Error> {
    let lang = plan.language;
    let product = plan.product;
    let product_line = Line::charge(
        product.label.get(lang),
        &product.hcpcs,
        injections,
        product.price_cents,
    )
    .injection_part();
    // The visitor's module reads no billing units (`products[].billing_units` is staff only).
    #[cfg(staff)]
    let product_line = product_line.billed_in(billed_units(product, injections, lang)?);
    lines.push(product_line)?;
    let administration = plan.administration;
    lines.push(
        Line::charge(
            administration.label.get(lang),
            &plan.condition.procedure_code,
            injections,
            administration.price_cents,
        )
        .injection_part(),
    )?;
    // 76942 only where the procedure code does not include guidance (20604/20606/20611 do; the
    // price book refuses `ultrasound_billed_separately` for those).
    let guidance = plan
        .condition
        .ultrasound_billed_separately
        .then_some(&document.ultrasound_guidance);
    if let Some(guidance) = guidance {
        lines.push(service(guidance, injections, lang).injection_part())?;
    }
    if let Some(supplies) = &document.supplies {
        lines.push(service(supplies, injections, lang).injection_part())?;
    }
    Ok(())
}

/// The multi-injection discount, as its own line on the injection's parts: a percent off each
/// injection from the book's `from_injection` on, or what a package saves on the product bought
/// vial by vial. As with every discount, one that takes nothing off is no line.
fn multi_injection_discount(
    lines: &mut Lines,
    document: &PriceBookDocument,
    plan: &Plan<'_>,
    injections: u32,
) -> Result<(), Error> {
    let lang = plan.language;
    match &document.discounts.multi_injection {
        None => {}
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            label,
            from_injection,
            percent_off_bp,
        }) => {
            let discounted = (injections + 1).saturating_sub(*from_injection);
            // One injection = its parts above (product, administration, guidance). Its discount is
            // rounded half up to the cent, then multiplied, so the line is quantity × unit exactly.
            let off = lines
                .one_injection()?
                .percent(*percent_off_bp, Rounding::HalfUp)
                .ok_or(Error::Overflow)?;
            // An injection that costs $0 (or whose discount rounds to $0) has nothing to discount.
            if discounted > 0 && off > Cents::ZERO {
                lines.push(Line::discount(label.get(lang), discounted, off).injection_part())?;
            }
        }
        Some(MultiInjectionDiscount::PackagePrices { label, packages }) => {
            let product = plan.product;
            let single = product
                .price_cents
                .checked_mul(i64::from(injections))
                .ok_or(Error::Overflow)?;
            let off = single
                .checked_sub(product_cost(product, packages, injections))
                .ok_or(Error::Overflow)?;
            if off > Cents::ZERO {
                lines.push(Line::discount(label.get(lang), 1, off).injection_part())?;
            }
        }
    }
    Ok(())
}

/// Physical therapy's lines for `sessions` sessions, cash or through insurance at the plan's case
/// for `end` (see `physical_therapy.rs`), billed by the provider who gives it: at a partner's
/// prices when a quote names one (cash, and allowed through insurance, by the same visit-by-visit
/// rules), at a provider's typed in with the quote when staff entered them, and at the clinic's own
/// otherwise.
fn therapy_lines(
    lines: &mut Lines,
    document: &PriceBookDocument,
    plan: &Plan<'_>,
    (sessions, end): (u32, End),
) -> Result<(), Error> {
    #[cfg(staff)]
    if plan.therapy_elsewhere {
        lines.set_provider(ProviderRole::Therapy);
    }
    #[cfg(staff)]
    let therapy_prices = match (plan.therapy_partner, &plan.typed_therapy_prices) {
        (Some(partner), _) => &partner.physical_therapy,
        (None, Some(typed)) => typed,
        (None, None) => &document.physical_therapy,
    };
    #[cfg(not(staff))]
    let therapy_prices = &document.physical_therapy;
    physical_therapy::add_lines(
        lines,
        therapy_prices,
        (plan.therapy, end),
        sessions,
        plan.language,
    )?;
    lines.set_provider(ProviderRole::Clinic);
    Ok(())
}

/// The clinic's discounts on the clinic's own self-pay lines above, each its own line: a staff
/// discount (quotes only), then the prompt-pay discount. Insurance cost sharing is the plan's to
/// set, and another provider's charges are not the clinic's to discount.
fn clinic_discounts(
    lines: &mut Lines,
    document: &PriceBookDocument,
    plan: &Plan<'_>,
) -> Result<(), Error> {
    let lang = plan.language;
    let clinic_self_pay =
        |line: &LineItem| line.payer == Payer::SelfPay && line.provider == ProviderRole::Clinic;

    #[cfg(staff)]
    if let Some(discount) = &plan.staff_discount {
        let base = lines.total(clinic_self_pay)?;
        let off = match discount.off {
            StaffDiscountOff::Percent(rate) => base
                .percent(rate, Rounding::HalfUp)
                .ok_or(Error::Overflow)?,
            StaffDiscountOff::Amount(amount) if amount <= base => amount,
            StaffDiscountOff::Amount(amount) => {
                return Err(Error::InvalidRequest(vec![crate::error::FieldError::new(
                    "staff_discount.amount",
                    format!("must not exceed the clinic's self-pay charges ({base}), got {amount}"),
                )]))
            }
        };
        if off > Cents::ZERO {
            let line = Line::discount(&discount.label, 1, off)
                .because(lang.words().applied_by_staff.to_owned());
            lines.push(line)?;
        }
    }

    let prompt_pay = document.discounts.prompt_pay.as_ref();
    // A quote may leave the prompt-pay discount off; a visitor's estimate always has it.
    #[cfg(staff)]
    let prompt_pay = prompt_pay.filter(|_| plan.prompt_pay_offered);
    if let Some(prompt_pay) = prompt_pay {
        let self_pay = lines.total(clinic_self_pay)?;
        let off = self_pay
            .percent(prompt_pay.percent_off_bp, Rounding::HalfUp)
            .ok_or(Error::Overflow)?;
        if off > Cents::ZERO {
            lines.push(Line::discount(prompt_pay.label.get(lang), 1, off).prompt_pay())?;
        }
    }
    Ok(())
}

/// `1 injection`, `2 injections, 8 physical therapy sessions`.
fn summary(injections: u32, sessions: u32, therapy: Therapy, language: Language) -> String {
    let words = language.words();
    let injections = counted(injections, words.injection);
    match therapy {
        Therapy::None => injections,
        _ => format!("{injections}, {}", counted(sessions, words.pt_session)),
    }
}
