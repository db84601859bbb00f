//! Financing offers: what each of the price book's plans asks of a patient for one amount, or why
//! the amount does not qualify.
//!
//! - Deferred interest: the payment that clears the amount within the promotion, the amount ÷
//!   months rounded up to the cent and never less than the plan's minimum payment; and the
//!   worst-case interest charged back if a balance remains at the end (see [`back_interest`]).
//! - Fixed APR: standard amortization ([`Schedule`]), with the APR checked against what the rounded
//!   payments actually carry.

use serde::Serialize;

use super::amortization::{Schedule, MONTHLY_RATE_DIVISOR};
use super::Rate;
use crate::error::Error;
use crate::language::{counted, Language, PayWords};
use crate::money::{Amount, BasisPoints, Cents, Locale, Rounding};
use crate::price_book::{FinancingKind, FinancingPlan};

/// One plan applied to one amount: its terms, and either the offer or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FinancingOffer {
    /// The plan's `id`.
    pub plan_id: String,
    /// The plan's label.
    pub label: String,
    /// Deferred interest or fixed APR.
    pub kind: FinancingKind,
    /// The promotion or the loan's term.
    pub months: u32,
    /// The plan's APR.
    pub apr: Rate,
    /// The terms in words, e.g. `36 monthly payments at 12.99% APR`.
    pub terms: String,
    /// What the patient would pay; `None` when the plan is not available for this amount.
    pub offer: Option<Offer>,
    /// Why the plan is not available, e.g. `Needs a purchase of $3,500.00 or more`.
    pub not_available: Option<String>,
}

/// The payments a plan asks for one amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Offer {
    /// The regular monthly payment.
    pub monthly_payment: Amount,
    /// How many payments.
    pub payments: u32,
    /// The last payment, which absorbs the rounding.
    pub last_payment: Amount,
    /// All the payments together.
    pub total_of_payments: Amount,
    /// The interest in them: none for deferred interest paid as shown.
    pub interest: Amount,
    /// The APR to show: for a fixed-APR loan the disclosed APR of its schedule, for deferred
    /// interest the rate charged back if the promotion ends with a balance.
    pub apr: Rate,
    /// Deferred interest only: the most interest charged back if a balance remains at the end.
    pub back_interest: Option<Amount>,
    /// `35 payments of $304.22, then $304.27`.
    pub summary: String,
    /// Deferred interest only: what happens if it is not paid off in time.
    pub warning: Option<String>,
}

/// What `plan` offers for `amount`.
///
/// # Errors
///
/// [`Error::Overflow`] only far past a price book's limits.
///
/// ```
/// use amnion_estimator::language::Language;
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::financing::offer;
/// use amnion_estimator::money::Locale;
/// use amnion_estimator::price_book::{FinancingKind, FinancingPlan};
/// let plan = FinancingPlan {
///     id: "deferred_12".into(), label: "12 months".into(), kind: FinancingKind::DeferredInterest,
///     months: 12, apr_bp: BasisPoints::new(2_699), min_purchase_cents: Cents::new(20_000),
///     min_payment_cents: Cents::new(2_500),
/// };
/// // $1,200.00 / 12 = $100.00 a month.
/// let offer = offer(&plan, Cents::new(120_000), Locale::EnUs, Language::English)?.offer.expect("available");
/// assert_eq!(offer.monthly_payment.formatted, "$100.00");
/// assert_eq!(offer.summary, "12 payments of $100.00");
/// # Ok::<(), amnion_estimator::Error>(())
/// ```
pub fn offer(
    plan: &FinancingPlan,
    amount: Cents,
    locale: Locale,
    language: Language,
) -> Result<FinancingOffer, Error> {
    let money = |cents| locale.format_money(cents);
    let words = &language.words().pay;
    let apr = plan.apr_bp.to_string();
    let terms = match plan.kind {
        FinancingKind::DeferredInterest => (words.deferred_terms)(plan.months, &apr),
        FinancingKind::FixedApr => (words.fixed_terms)(plan.months, &apr),
    };
    let unavailable = if amount <= Cents::ZERO {
        Some(words.nothing_to_finance.to_owned())
    } else if amount < plan.min_purchase_cents {
        Some((words.needs_purchase)(&money(plan.min_purchase_cents)))
    } else {
        None
    };
    let outcome = match unavailable {
        Some(reason) => Err(reason),
        None => match plan.kind {
            FinancingKind::DeferredInterest => Ok(deferred_offer(plan, amount, locale, words)?),
            FinancingKind::FixedApr => fixed_apr_offer(plan, amount, locale, words)?,
        },
    };
    let (offer, not_available) = match outcome {
        Ok(offer) => (Some(offer), None),
        Err(reason) => (None, Some(reason)),
    };
    Ok(FinancingOffer {
        plan_id: plan.id.clone(),
        label: plan.label.get(language).to_owned(),
        kind: plan.kind,
        months: plan.months,
        apr: Rate::new(plan.apr_bp),
        terms,
        offer,
        not_available,
    })
}

/// The monthly payment that clears `amount` within a deferred-interest promotion: the amount ÷
/// the months, rounded up to the cent (so the last payment is never larger than the others), and
/// never less than the plan's minimum payment, nor more than the amount.
///
/// ```
/// use amnion_estimator::money::Cents;
/// use amnion_estimator::payment::financing::deferred_payment;
/// // $1,000.00 / 3 = 333.33... -> $333.34 (up); $250.00 / 12 = 20.83... -> 20.84, raised to $25.00.
/// assert_eq!(deferred_payment(Cents::new(100_000), 3, Cents::ZERO), Some(Cents::new(33_334)));
/// assert_eq!(deferred_payment(Cents::new(25_000), 12, Cents::new(2_500)), Some(Cents::new(2_500)));
/// ```
pub fn deferred_payment(amount: Cents, months: u32, min_payment: Cents) -> Option<Cents> {
    let even = Rounding::Up.divide(i128::from(amount.get()), i128::from(months))?;
    let even = Cents::new(i64::try_from(even).ok()?);
    Some(even.max(min_payment).min(amount))
}

/// The worst-case interest charged back when a deferred-interest promotion ends with a balance:
/// the plan's APR on the full amount from the purchase date to the end of the promotion, as simple
/// interest over whole months (amount × APR × months / 12), rounded half up to the cent.
///
/// Lenders accrue it on the average daily balance, which paying down only lowers; charging the
/// whole amount for the whole promotion is the most it can be, which is what a patient should
/// weigh.
///
/// ```
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::financing::back_interest;
/// // $1,000.00 at 26.99 % for 12 months: 1,000 × 0.2699 = $269.90.
/// assert_eq!(back_interest(Cents::new(100_000), BasisPoints::new(2_699), 12), Some(Cents::new(26_990)));
/// ```
pub fn back_interest(amount: Cents, apr: BasisPoints, months: u32) -> Option<Cents> {
    let product = i128::from(amount.get())
        .checked_mul(i128::from(apr.get()))?
        .checked_mul(i128::from(months))?;
    let cents = Rounding::HalfUp.divide(product, MONTHLY_RATE_DIVISOR)?;
    i64::try_from(cents).ok().map(Cents::new)
}

fn deferred_offer(
    plan: &FinancingPlan,
    amount: Cents,
    locale: Locale,
    words: &PayWords,
) -> Result<Offer, Error> {
    let payment =
        deferred_payment(amount, plan.months, plan.min_payment_cents).ok_or(Error::Overflow)?;
    let back_interest = back_interest(amount, plan.apr_bp, plan.months).ok_or(Error::Overflow)?;
    // ⌈amount / payment⌉ payments; the last is what remains, at most one payment.
    let count = Rounding::Up
        .divide(i128::from(amount.get()), i128::from(payment.get()))
        .and_then(|n| u32::try_from(n).ok())
        .ok_or(Error::Overflow)?;
    let last = payment
        .checked_mul(i64::from(count) - 1)
        .and_then(|before| amount.checked_sub(before))
        .ok_or(Error::Overflow)?;
    let amount_of = |cents| Amount::new(cents, locale);
    Ok(Offer {
        monthly_payment: amount_of(payment),
        payments: count,
        last_payment: amount_of(last),
        total_of_payments: amount_of(amount),
        interest: amount_of(Cents::ZERO),
        apr: Rate::new(plan.apr_bp),
        summary: summary(count, payment, last, locale, words),
        warning: Some((words.back_interest)(
            plan.months,
            &locale.format_money(back_interest),
            &plan.apr_bp.to_string(),
        )),
        back_interest: Some(amount_of(back_interest)),
    })
}

/// A fixed-APR offer, or why there is none; the outer error is arithmetic overflow.
fn fixed_apr_offer(
    plan: &FinancingPlan,
    amount: Cents,
    locale: Locale,
    words: &PayWords,
) -> Result<Result<Offer, String>, Error> {
    let schedule = Schedule::new(amount, plan.apr_bp, plan.months)?;
    let payment = schedule.payment;
    if payment < plan.min_payment_cents {
        return Ok(Err((words.below_minimum)(
            &locale.format_money(payment),
            &locale.format_money(plan.min_payment_cents),
        )));
    }
    let count = u32::try_from(schedule.rows.len()).map_err(|_| Error::Overflow)?;
    let last = schedule.last_payment();
    let amount_of = |cents| Amount::new(cents, locale);
    Ok(Ok(Offer {
        summary: summary(count, payment, last, locale, words),
        monthly_payment: amount_of(payment),
        payments: count,
        last_payment: amount_of(last),
        total_of_payments: amount_of(schedule.total_of_payments),
        interest: amount_of(schedule.interest),
        apr: Rate::new(schedule.disclosed_apr),
        back_interest: None,
        warning: None,
    }))
}

/// `12 payments of $100.00`, or `35 payments of $304.22, then $304.27`.
fn summary(count: u32, payment: Cents, last: Cents, locale: Locale, words: &PayWords) -> String {
    let money = |cents| locale.format_money(cents);
    if last == payment {
        (words.payments_of)(&counted(count, words.payment), &money(payment), None)
    } else {
        (words.payments_of)(
            &counted(count - 1, words.payment),
            &money(payment),
            Some(&money(last)),
        )
    }
}
