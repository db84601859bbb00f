//! Paying from a Health Savings Account or a Flexible Spending Account: money put in before income
//! tax (and, through an employer's payroll, before payroll tax), so a dollar of care costs less
//! than a dollar of take-home pay.
//!
//! The effective cost is the total minus the tax the visitor does not pay on it:
//! savings = total × (federal + state + payroll), rounded down to the cent so the savings are never
//! overstated; effective cost = total − savings. Only the rates that apply are counted
//! ([`TaxRates::payroll`]); a rate not entered is not counted, and said so.

use serde::Serialize;

use super::Rate;
use crate::error::{Error, Problems, Refusal};
use crate::estimate::{FormValue, TotalRange};
use crate::language::Language;
use crate::money::{BasisPoints, Cents, Locale, Rounding};

/// Social Security tax (6.2 %) on wages up to its yearly wage base.
pub const SOCIAL_SECURITY_TAX: BasisPoints = BasisPoints::new(620);
/// Medicare tax (1.45 %), on all wages.
pub const MEDICARE_TAX: BasisPoints = BasisPoints::new(145);
/// The highest federal bracket whose wages are taken to be under Social Security's wage base:
/// in 2026 a single filer's 32 % bracket starts at $201,775 of taxable income, past the $184,500
/// wage base, so from 32 % Social Security is not counted (never overstating the saving).
pub const SOCIAL_SECURITY_TOP_BRACKET: BasisPoints = BasisPoints::new(2_400);
/// The top federal income tax bracket (37 %): a bracket typed above it is refused.
pub const TOP_FEDERAL_BRACKET: BasisPoints = BasisPoints::new(3_700);

/// Whether the HSA or FSA money goes in through an employer's payroll (a cafeteria plan), which
/// alone skips payroll tax. Money put in directly is deducted from income tax only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Payroll {
    /// Not answered: payroll tax is not counted, and the summary says so.
    #[default]
    NotAnswered,
    /// Through the employer's payroll.
    Yes,
    /// Put in by the visitor.
    No,
}

/// A visitor's tax position: the federal bracket (needed for any figure), the state rate (not
/// counted when not entered) and whether the money goes through payroll.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TaxRates {
    /// Federal income tax bracket; `None` when not entered.
    pub federal: Option<BasisPoints>,
    /// State income tax rate; `None` when not entered.
    pub state: Option<BasisPoints>,
    /// Whether the money goes in through payroll.
    pub payroll: Payroll,
}

impl TaxRates {
    /// Parses the rates as typed (`22`, `4.95%`; blank is not entered) and the payroll answer
    /// (`yes`, `no`, blank), checking that the rates counted add up to at most 100 %. A refusal
    /// is worded in `language`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the field, e.g.
    /// `payment.federal_tax_percent: enter a percentage from 0 to 100; you typed "140"`.
    pub fn parse(
        federal: &FormValue,
        state: &FormValue,
        through_payroll: &FormValue,
        language: Language,
    ) -> Result<TaxRates, Error> {
        let refused = language.words().refusal;
        let mut problems = Problems::default();
        let mut percent = |path: &str, value: &FormValue| match value.as_str() {
            "" => None,
            text => BasisPoints::parse_percent(text)
                .map_err(|refusal| problems.add(path, refused(&Refusal::Money(refusal))))
                .ok(),
        };
        let federal_typed = federal.as_str();
        let federal = percent("payment.federal_tax_percent", federal);
        let state = percent("payment.state_tax_percent", state);
        // A bracket typed as a fraction (0.22 for 22 %) or over the top one (37 %) is a slip, not a
        // bracket: refused, so no saving is worked out from it (visitor walk-through).
        let federal = federal.filter(|rate| {
            let slip = (rate.get() > 0 && rate.get() < 100) || *rate > TOP_FEDERAL_BRACKET;
            if slip {
                problems.add(
                    "payment.federal_tax_percent",
                    refused(&Refusal::FederalBracket(federal_typed)),
                );
            }
            !slip
        });
        let payroll = match through_payroll.as_str() {
            "" => Payroll::NotAnswered,
            "yes" => Payroll::Yes,
            "no" => Payroll::No,
            got => {
                problems.add(
                    "payment.through_payroll",
                    refused(&Refusal::ThroughPayroll(got)),
                );
                Payroll::NotAnswered
            }
        };
        let rates = TaxRates {
            federal,
            state,
            payroll,
        };
        if problems.len() == 0 {
            let combined = rates.combined();
            // Named on the state rate when there is one: adding it is what went over.
            let path = if rates.state.is_some_and(|rate| rate.get() > 0) {
                "payment.state_tax_percent"
            } else {
                "payment.federal_tax_percent"
            };
            problems.check(combined <= BasisPoints::WHOLE, path, || {
                refused(&Refusal::TaxOverWhole {
                    payroll: rates.payroll_rate(),
                    combined,
                })
            });
        }
        problems.into_result(rates, Error::InvalidRequest)
    }

    /// The payroll tax skipped: none unless the money goes through payroll; then Medicare's, and
    /// Social Security's up to [`SOCIAL_SECURITY_TOP_BRACKET`] (a bracket not entered counts none
    /// of it: no figure is shown without the bracket).
    pub fn payroll_rate(self) -> BasisPoints {
        match (self.payroll, self.federal) {
            (Payroll::Yes, Some(federal)) if federal <= SOCIAL_SECURITY_TOP_BRACKET => {
                BasisPoints::new(SOCIAL_SECURITY_TAX.get() + MEDICARE_TAX.get())
            }
            (Payroll::Yes, _) => MEDICARE_TAX,
            _ => BasisPoints::new(0),
        }
    }

    /// Every rate counted: federal + state + [`TaxRates::payroll_rate`].
    pub fn combined(self) -> BasisPoints {
        let rate = |rate: Option<BasisPoints>| rate.map_or(0, BasisPoints::get);
        BasisPoints::new(
            rate(self.federal)
                .saturating_add(rate(self.state))
                .saturating_add(self.payroll_rate().get()),
        )
    }
}

/// The tax saved on `total` at `rates`: total × combined rate, rounded down to the cent.
///
/// ```
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::hsa::{savings, Payroll, TaxRates};
/// // 22 % + 5 % + 7.65 % = 34.65 % of $1,000.00 = $346.50.
/// let rates = TaxRates {
///     federal: Some(BasisPoints::new(2_200)),
///     state: Some(BasisPoints::new(500)),
///     payroll: Payroll::Yes,
/// };
/// assert_eq!(savings(Cents::new(100_000), rates), Some(Cents::new(34_650)));
/// ```
pub fn savings(total: Cents, rates: TaxRates) -> Option<Cents> {
    total.percent(rates.combined(), Rounding::Down)
}

/// The effective cost of an estimate paid from an HSA or FSA.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HsaSavings {
    /// All the rates counted together.
    pub combined: Rate,
    /// The tax not paid, for each end of the estimate; `None` without a federal bracket.
    pub savings: Option<TotalRange>,
    /// The total minus the savings: what the care costs in take-home pay; `None` without a
    /// federal bracket.
    pub effective_cost: Option<TotalRange>,
    /// `Saves $870.66: 22% federal + 5% state + 7.65% Social Security and Medicare tax = 34.65% of
    /// the total.`, then what was not counted and why; or what to enter for a figure.
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
    let combined = Rate::new(rates.combined());
    let caveat = words.hsa_caveat.to_owned();
    let Some(federal) = rates.federal else {
        return Ok(HsaSavings {
            combined,
            savings: None,
            effective_cost: None,
            summary: language.words().enter_tax_rates.to_owned(),
            caveat,
        });
    };
    let saved = |amount: Cents| savings(amount, rates).ok_or(Error::Overflow);
    let (low, high) = (total.low.cents, total.high.cents);
    let (saved_low, saved_high) = (saved(low)?, saved(high)?);
    let left = |amount: Cents, saved: Cents| amount.checked_sub(saved).ok_or(Error::Overflow);
    let savings = TotalRange::new(saved_low, saved_high, is_range, locale);

    let mut parts = vec![format!("{federal} {}", words.hsa_federal)];
    parts.extend(
        rates
            .state
            .map(|state| format!("{state} {}", words.hsa_state)),
    );
    let payroll = rates.payroll_rate();
    if payroll.get() > 0 {
        let tax = if payroll == MEDICARE_TAX {
            words.hsa_medicare
        } else {
            words.hsa_social_security_and_medicare
        };
        parts.push(format!("{payroll} {tax}"));
    }
    let mut summary = (words.hsa_saves)(
        &savings.formatted,
        &crate::language::joined(&parts, " + "),
        &combined.formatted,
    );
    let not_counted = [
        (rates.state.is_none(), words.hsa_state_not_entered),
        (
            rates.payroll == Payroll::NotAnswered,
            words.hsa_payroll_not_answered,
        ),
        (
            rates.payroll == Payroll::Yes && payroll == MEDICARE_TAX,
            words.hsa_past_wage_base,
        ),
    ];
    for (_, why) in not_counted.iter().filter(|(applies, _)| *applies) {
        summary.push(' ');
        summary.push_str(why);
    }
    Ok(HsaSavings {
        combined,
        savings: Some(savings),
        effective_cost: Some(TotalRange::new(
            left(low, saved_low)?,
            left(high, saved_high)?,
            is_range,
            locale,
        )),
        summary,
        caveat,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(
        federal: &str,
        state: &str,
        payroll: &str,
        language: Language,
    ) -> Result<TaxRates, Error> {
        TaxRates::parse(&federal.into(), &state.into(), &payroll.into(), language)
    }

    #[test]
    fn a_bracket_typed_as_a_fraction_or_over_37_percent_is_refused() {
        // 0.22 would be 0.22 %, not 22 %; 50 % is no federal bracket. 0 (no federal income tax),
        // 1 % and the top bracket, 37 %, are taken.
        for typed in ["0.22", "0.5", "37.01", "50"] {
            let error = parse(typed, "", "", Language::English).expect_err(typed);
            assert_eq!(
                error.fields()[0].reason,
                format!("enter your bracket as a percent, like 22 for 22% (the top bracket is 37%); you typed \"{typed}\"")
            );
        }
        for typed in ["0", "1", "22", "37"] {
            assert!(parse(typed, "", "", Language::English).is_ok(), "{typed}");
        }
        let spanish = parse("0.22", "", "", Language::Spanish).expect_err("a fraction");
        assert!(spanish.fields()[0]
            .reason
            .starts_with("escriba su tramo como porcentaje"));
    }

    #[test]
    fn blank_rates_are_not_entered_and_count_nothing() {
        let rates = parse("", " ", "", Language::English).expect("blank is not entered");
        assert_eq!((rates.federal, rates.state), (None, None));
        assert_eq!(rates.combined(), BasisPoints::new(0));
    }

    #[test]
    fn payroll_tax_only_through_payroll_and_social_security_only_to_24_percent() {
        let payroll = |federal: &str, payroll: &str| {
            parse(federal, "", payroll, Language::English)
                .expect("valid")
                .payroll_rate()
        };
        // 6.2 % + 1.45 % = 7.65 % at 24 %; 1.45 % from 32 %; none when put in directly or not
        // answered.
        assert_eq!(payroll("24", "yes"), BasisPoints::new(765));
        assert_eq!(payroll("32", "yes"), BasisPoints::new(145));
        assert_eq!(payroll("24", "no"), BasisPoints::new(0));
        assert_eq!(payroll("24", ""), BasisPoints::new(0));
    }

    #[test]
    fn savings_round_down() {
        // 7.65 % of $0.99 = 7.5735 cents -> 7 cents.
        let rates = TaxRates {
            federal: Some(BasisPoints::new(0)),
            state: None,
            payroll: Payroll::Yes,
        };
        assert_eq!(savings(Cents::new(99), rates), Some(Cents::new(7)));
    }

    #[test]
    fn refuses_rates_adding_up_past_100_percent() {
        // 37 % + 61 % + 1.45 % (Medicare only past 24 %) = 99.45 %: fine; 37 % + 62 % + 1.45 % =
        // 100.45 %: refused, on the state rate (a federal bracket is at most 37 %, so only the
        // state rate can take the sum over).
        assert!(parse("37", "61", "yes", Language::English).is_ok());
        let error = parse("37", "62", "yes", Language::English).expect_err("100.45 %");
        assert_eq!(
            error.to_string(),
            "payment.state_tax_percent: federal + state + 1.45% payroll tax must not exceed 100%; together they are 100.45%"
        );
        let error = parse("99", "", "yes", Language::English).expect_err("no such bracket");
        assert_eq!(error.fields()[0].path, "payment.federal_tax_percent");
    }

    #[test]
    fn refuses_in_the_visitor_language() {
        let error = parse("37", "62", "yes", Language::Spanish).expect_err("100.45 %");
        assert_eq!(
            error.to_string(),
            "payment.state_tax_percent: el impuesto federal + el estatal + el 1.45% del impuesto sobre la nómina no pueden superar el 100%; suman 100.45%"
        );
        let error = parse("1.234", "", "", Language::Spanish).expect_err("three decimals");
        assert_eq!(
            error.to_string(),
            "payment.federal_tax_percent: escriba 2 decimales como máximo; usted escribió \"1.234\""
        );
    }
}
