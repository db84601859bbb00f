//! Paying from a Health Savings Account or a Flexible Spending Account: money put in before income
//! and payroll taxes, so a dollar of care costs less than a dollar of take-home pay.
//!
//! The effective cost is the total minus the tax the visitor does not pay on it:
//! savings = total × (federal + state + 7.65 % payroll), rounded down to the cent so the savings
//! are never overstated; effective cost = total − savings.

use serde::Serialize;

use super::{range, Rate};
use crate::error::{Error, Problems, Refusal};
use crate::estimate::{FormValue, TotalRange};
use crate::language::Language;
use crate::money::{BasisPoints, Cents, Locale, Rounding};

/// Social Security (6.2 %) and Medicare (1.45 %) tax, which contributions through an employer's
/// payroll also skip.
pub const PAYROLL_TAX: BasisPoints = BasisPoints::new(765);

/// A visitor's marginal income tax rates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaxRates {
    /// Federal income tax bracket.
    pub federal: BasisPoints,
    /// State income tax rate.
    pub state: BasisPoints,
}

impl TaxRates {
    /// Parses the rates as typed (`22`, `4.95%`; blank is 0), checking that federal + state +
    /// payroll is at most 100 %. A refusal is worded in `language`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the field, e.g.
    /// `payment.federal_tax_percent: must be a percentage from 0 to 100, got "140"`.
    pub fn parse(
        federal: &FormValue,
        state: &FormValue,
        language: Language,
    ) -> Result<TaxRates, Error> {
        let refused = language.words().refusal;
        let mut problems = Problems::default();
        let mut percent = |path: &str, value: &FormValue| match value.as_str() {
            "" => BasisPoints::new(0),
            text => BasisPoints::parse_percent(text).unwrap_or_else(|refusal| {
                problems.add(path, refused(&Refusal::Money(refusal)));
                BasisPoints::new(0)
            }),
        };
        let rates = TaxRates {
            federal: percent("payment.federal_tax_percent", federal),
            state: percent("payment.state_tax_percent", state),
        };
        if problems.len() == 0 {
            let combined = rates.combined();
            // Named on the state rate when there is one: adding it is what went over.
            let path = if rates.state.get() > 0 {
                "payment.state_tax_percent"
            } else {
                "payment.federal_tax_percent"
            };
            problems.check(combined <= BasisPoints::WHOLE, path, || {
                refused(&Refusal::TaxOverWhole {
                    payroll: PAYROLL_TAX,
                    combined,
                })
            });
        }
        problems.into_result(rates, Error::InvalidRequest)
    }

    /// Federal + state + [`PAYROLL_TAX`].
    pub fn combined(self) -> BasisPoints {
        BasisPoints::new(
            self.federal
                .get()
                .saturating_add(self.state.get())
                .saturating_add(PAYROLL_TAX.get()),
        )
    }
}

/// The tax saved on `total` at `rates`: total × combined rate, rounded down to the cent.
///
/// ```
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::hsa::{savings, TaxRates};
/// // 22 % + 5 % + 7.65 % = 34.65 % of $1,000.00 = $346.50.
/// let rates = TaxRates { federal: BasisPoints::new(2_200), state: BasisPoints::new(500) };
/// assert_eq!(savings(Cents::new(100_000), rates), Some(Cents::new(34_650)));
/// ```
pub fn savings(total: Cents, rates: TaxRates) -> Option<Cents> {
    total.percent(rates.combined(), Rounding::Down)
}

/// The effective cost of an estimate paid from an HSA or FSA.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HsaSavings {
    /// The federal rate used.
    pub federal: Rate,
    /// The state rate used.
    pub state: Rate,
    /// Payroll tax, 7.65 %.
    pub payroll: Rate,
    /// All three together.
    pub combined: Rate,
    /// The tax not paid: for each end of the estimate.
    pub savings: TotalRange,
    /// The total minus the savings: what the care costs in take-home pay.
    pub effective_cost: TotalRange,
    /// `Saves $870.66: 22% federal + 5% state + 7.65% payroll tax = 34.65% of the total.`
    pub summary: String,
    /// To confirm eligibility with the plan administrator.
    pub caveat: String,
}

/// The savings and effective cost of `total` (one amount, or both ends of a range) at `rates`.
///
/// # Errors
///
/// [`Error::Overflow`] only far past a price book's limits.
pub fn hsa_savings(
    total: &TotalRange,
    is_range: bool,
    rates: TaxRates,
    locale: Locale,
    language: Language,
) -> Result<HsaSavings, Error> {
    let words = &language.words().pay;
    let saved = |amount: Cents| savings(amount, rates).ok_or(Error::Overflow);
    let (low, high) = (total.low.cents, total.high.cents);
    let (saved_low, saved_high) = (saved(low)?, saved(high)?);
    let left = |amount: Cents, saved: Cents| amount.checked_sub(saved).ok_or(Error::Overflow);
    let savings = range(saved_low, saved_high, is_range, locale);
    let summary = (words.hsa_saves)(
        &savings.formatted,
        &rates.federal.to_string(),
        &rates.state.to_string(),
        &PAYROLL_TAX.to_string(),
        &rates.combined().to_string(),
    );
    Ok(HsaSavings {
        federal: Rate::new(rates.federal),
        state: Rate::new(rates.state),
        payroll: Rate::new(PAYROLL_TAX),
        combined: Rate::new(rates.combined()),
        savings,
        summary,
        effective_cost: range(
            left(low, saved_low)?,
            left(high, saved_high)?,
            is_range,
            locale,
        ),
        caveat: words.hsa_caveat.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_rates_are_zero_and_only_payroll_applies() {
        let rates =
            TaxRates::parse(&"".into(), &" ".into(), Language::English).expect("blank is 0");
        assert_eq!(rates.combined(), PAYROLL_TAX);
    }

    #[test]
    fn savings_round_down() {
        // 7.65 % of $0.99 = 7.5735 cents -> 7 cents.
        let rates = TaxRates::default();
        assert_eq!(savings(Cents::new(99), rates), Some(Cents::new(7)));
    }

    #[test]
    fn refuses_rates_adding_up_past_100_percent() {
        // 90 % + 5 % + 7.65 % = 102.65 %.
        let error =
            TaxRates::parse(&"90".into(), &"5".into(), Language::English).expect_err("102.65 %");
        assert_eq!(
            error.to_string(),
            "payment.state_tax_percent: federal + state + 7.65% payroll tax must not exceed 100%; together they are 102.65%"
        );
        let error =
            TaxRates::parse(&"95".into(), &"".into(), Language::English).expect_err("102.65 %");
        assert_eq!(error.fields()[0].path, "payment.federal_tax_percent");
    }

    #[test]
    fn refuses_in_the_visitor_language() {
        let error =
            TaxRates::parse(&"90".into(), &"5".into(), Language::Spanish).expect_err("102.65 %");
        assert_eq!(
            error.to_string(),
            "payment.state_tax_percent: el impuesto federal + el estatal + el 7.65% del impuesto sobre la nómina no pueden superar el 100%; suman 102.65%"
        );
        let error = TaxRates::parse(&"1.234".into(), &"".into(), Language::Spanish)
            .expect_err("three decimals");
        assert_eq!(
            error.to_string(),
            "payment.federal_tax_percent: escriba 2 decimales como máximo; usted escribió \"1.234\""
        );
    }
}
