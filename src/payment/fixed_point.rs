//! Interest rates in fixed point: a monthly rate as an exact integer, and the growth factor
//! (1 + r)^n to a proven accuracy, so no float ever touches a rate or an amount.
//!
//! A value `v` stands for `v / SCALE`. The scale is 1.2 × 10^18 rather than 10^18 so that a
//! monthly rate, APR / 12, is exact for every APR in whole basis points:
//! 1 bp / 12 = 10^-4 / 12, and 10^-4 / 12 × 1.2 × 10^18 = 10^13 units.

use crate::money::{BasisPoints, Rounding};

/// The fixed-point scale: `SCALE` units are 1.
pub const SCALE: u128 = 1_200_000_000_000_000_000;

/// One basis point of APR as a monthly rate, in units: 10^-4 / 12 × [`SCALE`] = 10^13, exactly.
pub const UNITS_PER_BASIS_POINT: u128 = 10_000_000_000_000;

/// A monthly interest rate (APR / 12) in units of 1 / [`SCALE`].
///
/// ```
/// use amnion_estimator::money::BasisPoints;
/// use amnion_estimator::payment::fixed_point::{MonthlyRate, UNITS_PER_BASIS_POINT};
/// // 12 % APR is 1 % a month: 0.01 × 1.2 × 10^18 = 1.2 × 10^16 units.
/// let rate = MonthlyRate::from_apr(BasisPoints::new(1_200));
/// assert_eq!(rate.units(), 1_200 * UNITS_PER_BASIS_POINT);
/// assert_eq!(rate.units(), 12_000_000_000_000_000);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthlyRate(u128);

impl MonthlyRate {
    /// The monthly rate of an APR: exact, because of the choice of [`SCALE`].
    pub fn from_apr(apr: BasisPoints) -> MonthlyRate {
        MonthlyRate(u128::from(apr.get()) * UNITS_PER_BASIS_POINT)
    }

    /// A monthly rate of `units` / [`SCALE`].
    pub const fn from_units(units: u128) -> MonthlyRate {
        MonthlyRate(units)
    }

    /// The rate in units of 1 / [`SCALE`].
    pub const fn units(self) -> u128 {
        self.0
    }

    /// The APR (12 × this rate) in basis points, rounded by `rounding`; `None` past `u32`.
    pub fn apr(self, rounding: Rounding) -> Option<BasisPoints> {
        let units = i128::try_from(self.0).ok()?;
        let basis_points = rounding.divide(units, UNITS_PER_BASIS_POINT as i128)?;
        u32::try_from(basis_points).ok().map(BasisPoints::new)
    }

    /// `(1 + r)^months` in units of 1 / [`SCALE`], never above the true value and at most
    /// `months − 1` units of relative error per `SCALE` below it; `None` on overflow (which needs
    /// a growth factor above ~10^20, far past any price book's limits).
    ///
    /// # Accuracy
    ///
    /// The base `SCALE + r` is exact. Each product is truncated: `⌊a·b / SCALE⌋`. Write a computed
    /// value of a true value X ≥ 1 as X·(1 − ε). The product of two computed values with errors
    /// ε₁ and ε₂ is at least X₁X₂·(1 − ε₁ − ε₂), because (1 − ε₁)(1 − ε₂) ≥ 1 − ε₁ − ε₂, and
    /// truncating it takes away less than one unit of a value at least `SCALE`, so its error is
    /// at most ε₁ + ε₂ + 1/SCALE, and it is never above the true value. Exponentiation by squaring
    /// builds X^n as a tree of such products whose n leaves are the exact base, so it has n − 1
    /// products and an error ε ≤ (n − 1) / SCALE: below 5 × 10^-17 for the 60 months a price book
    /// allows. `amortization::monthly_payment` carries this to the cent.
    pub fn growth(self, months: u32) -> Option<u128> {
        let mut result = SCALE; // 1, exactly; multiplying by it is exact
        let mut square = SCALE.checked_add(self.0)?;
        let mut remaining = months;
        while remaining > 0 {
            if remaining & 1 == 1 {
                result = multiply(result, square)?;
            }
            remaining >>= 1;
            if remaining > 0 {
                square = multiply(square, square)?;
            }
        }
        Some(result)
    }
}

/// `a × b` of two fixed-point values, truncated to a unit.
fn multiply(a: u128, b: u128) -> Option<u128> {
    a.checked_mul(b).map(|product| product / SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(120 000 + apr)^n / 120 000^n` in units, exactly, for small `n` (no overflow up to n = 4):
    /// `SCALE × (120 000 + a)^n / 120 000^n = 10^13 × (120 000 + a)^n / 120 000^(n − 1)`.
    fn exact(apr: u32, n: u32) -> u128 {
        let base = 120_000 + u128::from(apr);
        UNITS_PER_BASIS_POINT * base.pow(n) / 120_000u128.pow(n - 1)
    }

    #[test]
    fn growth_is_exact_where_no_product_is_truncated() {
        // (1 + r)^0 = 1 and (1 + r)^1 = 1 + r: no product truncates anything.
        let rate = MonthlyRate::from_apr(BasisPoints::new(999));
        assert_eq!(rate.growth(0), Some(SCALE));
        assert_eq!(rate.growth(1), Some(SCALE + 999 * UNITS_PER_BASIS_POINT));
        // 12 % APR: 1.01^2 = 1.0201 and 1.01^4 = 1.04060401 are exact in 18 decimals.
        let one_percent = MonthlyRate::from_apr(BasisPoints::new(1_200));
        assert_eq!(one_percent.growth(2), Some(SCALE / 10_000 * 10_201));
        assert_eq!(
            one_percent.growth(4),
            Some(SCALE / 100_000_000 * 104_060_401)
        );
    }

    #[test]
    fn growth_stays_within_its_error_bound_of_the_exact_value() {
        for apr in [1, 99, 500, 999, 1_799, 2_699, 3_600] {
            for n in 1..=4 {
                let computed = MonthlyRate::from_apr(BasisPoints::new(apr))
                    .growth(n)
                    .expect("no overflow");
                let exact = exact(apr, n);
                assert!(computed <= exact, "apr {apr}, n {n}: never above");
                // n − 1 units of relative error per SCALE, on a value below 2 × SCALE: 2(n − 1) units.
                assert!(
                    exact - computed <= 2 * u128::from(n - 1),
                    "apr {apr}, n {n}"
                );
            }
        }
    }

    #[test]
    fn growth_over_36_months_at_half_a_percent() {
        // 6 % APR is 0.5 % a month. By hand: 1.005^6 = 1.030377509393765625 (exact), so
        // 1.005^12 = 1.061677811864499568789707617431640625 (exact), and
        // 1.005^36 = 1.005^12 cubed = 1.19668052482341933084439...
        // In units (× 1.2 × 10^18): 1 436 016 629 788 103 197.01..., so the exact value truncates
        // to ...197; the computed one may be below it by a relative 35 / SCALE (n − 1 products),
        // that is 35 × 1.197 < 42 units.
        let computed = MonthlyRate::from_apr(BasisPoints::new(600))
            .growth(36)
            .expect("no overflow");
        let exact = 1_436_016_629_788_103_197;
        assert!(computed <= exact && exact - computed <= 42, "{computed}");
    }

    #[test]
    fn apr_of_a_monthly_rate() {
        let rate = MonthlyRate::from_apr(BasisPoints::new(2_699));
        assert_eq!(rate.apr(Rounding::HalfUp), Some(BasisPoints::new(2_699)));
        // Half a basis point more rounds half up to the next one.
        let half = MonthlyRate::from_units(rate.units() + UNITS_PER_BASIS_POINT / 2);
        assert_eq!(half.apr(Rounding::HalfUp), Some(BasisPoints::new(2_700)));
        assert_eq!(half.apr(Rounding::Down), Some(BasisPoints::new(2_699)));
    }
}
