//! Money and rates as integers: [`Cents`], [`BasisPoints`], and the named [`Rounding`] rules.
//!
//! No amount or rate in this crate is ever a float. Every operation that can overflow is checked,
//! and every division takes a [`Rounding`] so the rule is visible at the call site. An [`Amount`]
//! is cents with the text a person reads, formatted by a [`Locale`].
//!
//! This is the floor of the crate: it imports nothing else of it. Reading amounts from documents is
//! `read`'s, and wording a refused amount is `language`'s.

use std::fmt;

use serde::Serialize;

/// An amount of money in US cents. Negative amounts are discounts.
///
/// The field is private: amounts are made with [`Cents::new`] or parsed from what a person typed
/// with [`Cents::parse_dollars`], and combined only with checked operations.
///
/// ```
/// use amnion_estimator::money::Cents;
/// let consult = Cents::new(25_000);
/// let two = consult.checked_mul(2).unwrap();
/// assert_eq!(two.to_string(), "$500.00");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Cents(i64);

impl Cents {
    /// Zero cents.
    pub const ZERO: Cents = Cents(0);

    /// An amount of `cents` cents.
    pub const fn new(cents: i64) -> Cents {
        Cents(cents)
    }

    /// The amount as a count of cents.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0.checked_add(other.0).map(Cents)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Cents) -> Option<Cents> {
        self.0.checked_sub(other.0).map(Cents)
    }

    /// `self * quantity`, or `None` on overflow.
    pub fn checked_mul(self, quantity: i64) -> Option<Cents> {
        self.0.checked_mul(quantity).map(Cents)
    }

    /// The negated amount (a charge turned into a discount), or `None` on overflow.
    pub fn checked_neg(self) -> Option<Cents> {
        self.0.checked_neg().map(Cents)
    }

    /// Sums amounts, or `None` on overflow.
    pub fn checked_sum(amounts: impl IntoIterator<Item = Cents>) -> Option<Cents> {
        amounts
            .into_iter()
            .try_fold(Cents::ZERO, Cents::checked_add)
    }

    /// `rate` of this amount, rounded to the cent by `rounding`.
    ///
    /// ```
    /// use amnion_estimator::money::{BasisPoints, Cents, Rounding};
    /// // 15 % of $123.45 is $18.5175: half-up gives $18.52.
    /// let off = Cents::new(12_345).percent(BasisPoints::new(1_500), Rounding::HalfUp);
    /// assert_eq!(off, Some(Cents::new(1_852)));
    /// ```
    pub fn percent(self, rate: BasisPoints, rounding: Rounding) -> Option<Cents> {
        let product = i128::from(self.0).checked_mul(i128::from(rate.0))?;
        let cents = rounding.divide(product, i128::from(BasisPoints::WHOLE.0))?;
        i64::try_from(cents).ok().map(Cents)
    }

    /// Shares this amount among parts in proportion to `weights`, to the cent, so that the shares
    /// always sum to the whole. Each share is first rounded toward zero; the cents left over go one
    /// each to the parts with the largest remainders (earlier parts first on a tie): the
    /// largest-remainder method.
    ///
    /// `None` if the weights are empty, any is negative, or all are zero.
    ///
    /// ```
    /// use amnion_estimator::money::Cents;
    /// // $10.00 in three equal parts: 333.33... each, and the one leftover cent goes to the first.
    /// let parts = Cents::new(1_000).split_by(&[Cents::new(1), Cents::new(1), Cents::new(1)]);
    /// assert_eq!(parts, Some(vec![Cents::new(334), Cents::new(333), Cents::new(333)]));
    /// ```
    pub fn split_by(self, weights: &[Cents]) -> Option<Vec<Cents>> {
        let total_weight: i128 = weights.iter().map(|w| i128::from(w.0)).sum();
        if weights.iter().any(|w| w.0 < 0) || total_weight <= 0 {
            return None;
        }
        let whole = i128::from(self.0);
        let mut shares: Vec<(i128, i128)> = weights
            .iter()
            .map(|w| {
                let product = whole * i128::from(w.0);
                (product / total_weight, (product % total_weight).abs())
            })
            .collect();
        let handed_out: i128 = shares.iter().map(|(share, _)| share).sum();
        let mut leftover = (whole - handed_out).abs();
        let mut order: Vec<usize> = (0..shares.len()).collect();
        order.sort_by(|&a, &b| shares[b].1.cmp(&shares[a].1).then(a.cmp(&b)));
        for &i in order.iter().cycle().take(order.len() * 2) {
            if leftover == 0 {
                break;
            }
            shares[i].0 += whole.signum();
            leftover -= 1;
        }
        shares
            .into_iter()
            .map(|(share, _)| i64::try_from(share).ok().map(Cents))
            .collect()
    }

    /// Parses an amount a person typed in dollars: `1500`, `1,500.5`, `$1,500.00`, ` 0.99 `.
    ///
    /// At most two decimals are accepted: a third would be a fraction of a cent, and silently
    /// rounding what someone typed would change their number. Negative amounts are refused.
    ///
    /// # Errors
    ///
    /// Why not, for the caller to word after the field's path: [`NotMoney::Negative`],
    /// [`NotMoney::NotDollars`], [`NotMoney::FractionOfACent`] or [`NotMoney::TooLarge`], each
    /// with the text trimmed.
    ///
    /// ```
    /// use amnion_estimator::money::{Cents, NotMoney};
    /// assert_eq!(Cents::parse_dollars("$1,500.5"), Ok(Cents::new(150_050)));
    /// assert_eq!(Cents::parse_dollars(" -5 "), Err(NotMoney::Negative("-5")));
    /// ```
    pub fn parse_dollars(text: &str) -> Result<Cents, NotMoney<'_>> {
        let trimmed = text.trim();
        let unsigned = trimmed.strip_prefix('$').unwrap_or(trimmed).trim_start();
        if unsigned.starts_with('-') {
            return Err(NotMoney::Negative(trimmed));
        }
        let (whole, fraction) = split_decimal(unsigned).ok_or(NotMoney::NotDollars(trimmed))?;
        if fraction.len() > 2 {
            return Err(NotMoney::FractionOfACent(trimmed));
        }
        let not_too_large = || NotMoney::TooLarge(trimmed);
        let dollars = whole_number(&whole)
            .and_then(|dollars| i64::try_from(dollars).ok())
            .ok_or_else(not_too_large)?;
        dollars
            .checked_mul(100)
            .and_then(|c| c.checked_add(i64::from(hundredths(fraction))))
            .map(Cents)
            .ok_or_else(not_too_large)
    }
}

impl fmt::Display for Cents {
    /// US dollars with thousands separators: `$1,234.56`, `-$15.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let magnitude = self.0.unsigned_abs();
        let dollars = group_thousands(magnitude / 100);
        write!(f, "{sign}${dollars}.{:02}", magnitude % 100)
    }
}

/// The value of `text` when it is ASCII digits only (at least one) and fits in a `u64`: what
/// every whole number typed into the visitor's form, and a price book's amount, is read with.
/// (`str::parse` would also take a sign, and the browser module would carry its code once per
/// integer type.)
///
/// ```
/// use amnion_estimator::money::whole_number;
/// assert_eq!(whole_number("0042"), Some(42));
/// assert_eq!(whole_number("+5"), None);
/// assert_eq!(whole_number(""), None);
/// assert_eq!(whole_number("18446744073709551616"), None);
/// ```
pub fn whole_number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u64, |value, digit| {
        let digit = match digit {
            b'0'..=b'9' => u64::from(digit - b'0'),
            _ => return None,
        };
        value.checked_mul(10)?.checked_add(digit)
    })
}

/// `text` split at its first `byte`, an ASCII character, without it: `str::split_once` with a
/// `char`, without the code of its searcher (`memchr`), which the browser module then does not
/// carry. (An ASCII byte is never inside another character's bytes, so both halves are text.)
///
/// ```
/// use amnion_estimator::money::split_at_ascii;
/// assert_eq!(split_at_ascii("1,500.25", b'.'), Some(("1,500", "25")));
/// assert_eq!(split_at_ascii("años@clínica.es", b'@'), Some(("años", "clínica.es")));
/// assert_eq!(split_at_ascii("1500", b'.'), None);
/// ```
pub fn split_at_ascii(text: &str, byte: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == byte)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// Whether `text` has the ASCII character `byte` (`str::contains` with a `char`, without its
/// searcher's code, as [`split_at_ascii`]).
pub fn has_ascii(text: &str, byte: u8) -> bool {
    text.bytes().any(|b| b == byte)
}

/// `1234567` as `"1,234,567"`.
fn group_thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// The hundredths that at most two decimal digits after a point say: `""` 0, `"5"` 50, `"25"` 25.
fn hundredths(fraction: &str) -> u32 {
    let value = whole_number(fraction).map_or(0, |value| value as u32);
    match fraction.len() {
        1 => value * 10,
        _ => value,
    }
}

/// Splits `"1,500.25"` into `("1500", "25")`: digits with optional thousands commas, then an
/// optional point and decimal digits. `None` if it is not such a number.
fn split_decimal(text: &str) -> Option<(String, &str)> {
    let (whole, fraction) = split_at_ascii(text, b'.').unwrap_or((text, ""));
    let whole_digits: String = whole.chars().filter(|&c| c != ',').collect();
    let well_formed = !whole_digits.is_empty()
        && whole_digits.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && commas_group_thousands(whole);
    well_formed.then_some((whole_digits, fraction))
}

/// Commas, if any, must separate groups of three digits: `1,500` yes, `15,00` no.
fn commas_group_thousands(whole: &str) -> bool {
    let mut groups = whole.as_bytes().split(|&b| b == b',');
    let first = groups.next().unwrap_or_default();
    !has_ascii(whole, b',')
        || (!first.is_empty() && first.len() <= 3 && groups.all(|g| g.len() == 3))
}

/// A rate in basis points: 1 basis point is 0.01 %, so 10 000 is 100 % and 1 250 is 12.5 %.
///
/// ```
/// use amnion_estimator::money::BasisPoints;
/// assert_eq!(BasisPoints::parse_percent("12.5"), Ok(BasisPoints::new(1_250)));
/// assert_eq!(BasisPoints::new(1_250).to_string(), "12.5%");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct BasisPoints(u32);

impl BasisPoints {
    /// 100 %.
    pub const WHOLE: BasisPoints = BasisPoints(10_000);

    /// A rate of `basis_points` hundredths of a percent.
    pub const fn new(basis_points: u32) -> BasisPoints {
        BasisPoints(basis_points)
    }

    /// The rate in basis points.
    pub const fn get(self) -> u32 {
        self.0
    }

    /// Parses a percentage a person typed: `20`, `12.5`, `7.65%`, at most two decimals, 0 to 100.
    ///
    /// # Errors
    ///
    /// Why not, for the caller to word after the field's path: [`NotMoney::NotAPercent`] or
    /// [`NotMoney::TooManyDecimals`], with the text trimmed.
    pub fn parse_percent(text: &str) -> Result<BasisPoints, NotMoney<'_>> {
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
        let (whole, fraction) = split_at_ascii(number, b'.').unwrap_or((number, ""));
        let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) || whole.len() > 3 {
            return Err(NotMoney::NotAPercent(trimmed));
        }
        if fraction.len() > 2 {
            return Err(NotMoney::TooManyDecimals(trimmed));
        }
        // At most 3 digits and 2 decimals: at most 99,999.
        let points =
            whole_number(whole).map_or(u32::MAX, |whole| whole as u32 * 100 + hundredths(fraction));
        if points > BasisPoints::WHOLE.0 {
            return Err(NotMoney::NotAPercent(trimmed));
        }
        Ok(BasisPoints(points))
    }
}

impl fmt::Display for BasisPoints {
    /// `1250` as `12.5%`, `2000` as `20%`, `765` as `7.65%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, hundredths) = (self.0 / 100, self.0 % 100);
        match hundredths {
            0 => write!(f, "{whole}%"),
            h if h % 10 == 0 => write!(f, "{whole}.{}%", h / 10),
            h => write!(f, "{whole}.{h:02}%"),
        }
    }
}

/// Why typed text is not an amount or a rate, with the text as given (trimmed).
/// [`Refusal::Money`](crate::error::Refusal::Money) carries it to be worded in the visitor's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotMoney<'a> {
    /// A negative dollar amount.
    Negative(&'a str),
    /// Not a dollar amount (`1500`, `1,500.00`).
    NotDollars(&'a str),
    /// A dollar amount with a fraction of a cent.
    FractionOfACent(&'a str),
    /// A dollar amount past what any price can be.
    TooLarge(&'a str),
    /// Not a percentage from 0 to 100.
    NotAPercent(&'a str),
    /// A percentage with more than two decimals.
    TooManyDecimals(&'a str),
}

/// How amounts are shown: the price book's `locale`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Locale {
    /// English (United States): `$1,234.56`. US Spanish writes amounts the same way.
    #[default]
    #[serde(rename = "en-US")]
    EnUs,
}

impl Locale {
    /// An amount as this locale writes it.
    pub fn format_money(self, cents: Cents) -> String {
        match self {
            Locale::EnUs => cents.to_string(),
        }
    }
}

/// An amount in cents, with its text already formatted for the price book's locale, so the page
/// never divides or rounds.
///
/// ```
/// use amnion_estimator::money::{Amount, Cents, Locale};
/// assert_eq!(Amount::new(Cents::new(123_456), Locale::EnUs).formatted, "$1,234.56");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amount {
    /// The amount in cents.
    pub cents: Cents,
    /// The amount as a person reads it, e.g. `$1,234.56`.
    pub formatted: String,
}

impl Amount {
    /// `cents` formatted for `locale`.
    pub fn new(cents: Cents, locale: Locale) -> Amount {
        Amount {
            cents,
            formatted: locale.format_money(cents),
        }
    }
}

/// How a division that does not come out even is rounded to a whole cent.
///
/// Each use in the crate names its rule; DESIGN.md lists them all in one table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// To the nearest cent; an exact half cent goes away from zero.
    /// 18.5 -> 19, 18.4999 -> 18, -18.5 -> -19.
    HalfUp,
    /// Toward zero (drop the fraction). 18.99 -> 18, -18.99 -> -18.
    Down,
    /// Away from zero (any fraction makes a whole cent). 18.01 -> 19, -18.01 -> -19.
    Up,
}

impl Rounding {
    /// `numerator / denominator` rounded by this rule; `None` for a zero or negative denominator.
    pub fn divide(self, numerator: i128, denominator: i128) -> Option<i128> {
        if denominator <= 0 {
            return None;
        }
        let quotient = numerator / denominator; // truncates toward zero
        let remainder = (numerator % denominator).abs();
        let away = match self {
            Rounding::Down => false,
            Rounding::Up => remainder > 0,
            Rounding::HalfUp => remainder * 2 >= denominator,
        };
        Some(if away {
            quotient + numerator.signum()
        } else {
            quotient
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dollars_with_thousands_separators() {
        assert_eq!(Cents::new(0).to_string(), "$0.00");
        assert_eq!(Cents::new(5).to_string(), "$0.05");
        assert_eq!(Cents::new(123_456).to_string(), "$1,234.56");
        assert_eq!(Cents::new(100_000_000).to_string(), "$1,000,000.00");
        assert_eq!(Cents::new(-1_500).to_string(), "-$15.00");
    }

    #[test]
    fn parses_what_people_type_for_dollars() {
        assert_eq!(Cents::parse_dollars("1500"), Ok(Cents::new(150_000)));
        assert_eq!(Cents::parse_dollars(" $1,500.00 "), Ok(Cents::new(150_000)));
        assert_eq!(Cents::parse_dollars("0.5"), Ok(Cents::new(50)));
        assert_eq!(
            Cents::parse_dollars("12,345,678.09"),
            Ok(Cents::new(1_234_567_809))
        );
        assert_eq!(Cents::parse_dollars("0"), Ok(Cents::ZERO));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for bad in [
            "",
            "abc",
            "1.234",
            "-5",
            "15,00",
            "1,5000",
            "1.2.3",
            "1e3",
            ".5",
            "NaN",
            "99999999999999999999",
        ] {
            assert!(
                Cents::parse_dollars(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn parses_percentages_to_basis_points() {
        assert_eq!(
            BasisPoints::parse_percent("20"),
            Ok(BasisPoints::new(2_000))
        );
        assert_eq!(
            BasisPoints::parse_percent("7.65%"),
            Ok(BasisPoints::new(765))
        );
        assert_eq!(BasisPoints::parse_percent("100"), Ok(BasisPoints::WHOLE));
        for bad in ["", "101", "-1", "12.345", "ten", "1000"] {
            assert!(
                BasisPoints::parse_percent(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn rounding_rules_match_their_docs() {
        // 185 / 10 = 18.5; 184 / 10 = 18.4; 181 / 10 = 18.1.
        assert_eq!(Rounding::HalfUp.divide(185, 10), Some(19));
        assert_eq!(Rounding::HalfUp.divide(184, 10), Some(18));
        assert_eq!(Rounding::HalfUp.divide(-185, 10), Some(-19));
        assert_eq!(Rounding::Down.divide(189, 10), Some(18));
        assert_eq!(Rounding::Down.divide(-189, 10), Some(-18));
        assert_eq!(Rounding::Up.divide(181, 10), Some(19));
        assert_eq!(Rounding::Up.divide(180, 10), Some(18));
        assert_eq!(Rounding::Up.divide(-181, 10), Some(-19));
        assert_eq!(Rounding::Up.divide(1, 0), None);
    }

    #[test]
    fn percent_of_an_amount() {
        // 20 % of $85.00 = $17.00 exactly.
        assert_eq!(
            Cents::new(8_500).percent(BasisPoints::new(2_000), Rounding::HalfUp),
            Some(Cents::new(1_700))
        );
        // 12.5 % of $0.04 = 0.5 cent: half-up gives 1 cent, down gives 0.
        assert_eq!(
            Cents::new(4).percent(BasisPoints::new(1_250), Rounding::HalfUp),
            Some(Cents::new(1))
        );
        assert_eq!(
            Cents::new(4).percent(BasisPoints::new(1_250), Rounding::Down),
            Some(Cents::ZERO)
        );
    }

    #[test]
    fn splits_hand_out_the_leftover_cents() {
        let c = |v: &[i64]| v.iter().map(|&x| Cents::new(x)).collect::<Vec<_>>();
        // -10,000 cents over weights 120,000 / 15,000 / 12,500 (total 147,500): exact shares
        // -8,135.59, -1,016.95, -847.46; truncated they sum to -9,998, and the 2 leftover cents go
        // to the largest remainders, .95 then .59.
        assert_eq!(
            Cents::new(-10_000).split_by(&c(&[120_000, 15_000, 12_500])),
            Some(c(&[-8_136, -1_017, -847]))
        );
        assert_eq!(Cents::new(5).split_by(&c(&[0, 1])), Some(c(&[0, 5])));
        assert_eq!(Cents::new(5).split_by(&c(&[0, 0])), None);
        assert_eq!(Cents::new(5).split_by(&[]), None);
        assert_eq!(Cents::new(5).split_by(&c(&[-1, 2])), None);
    }

    #[test]
    fn overflow_is_an_answer_not_a_panic() {
        assert_eq!(Cents::new(i64::MAX).checked_add(Cents::new(1)), None);
        assert_eq!(Cents::new(i64::MAX).checked_mul(2), None);
        assert_eq!(
            Cents::checked_sum([Cents::new(i64::MAX), Cents::new(1)]),
            None
        );
    }
}
