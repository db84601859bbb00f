//! Fixed-APR loans: the monthly payment by standard amortization, the full schedule in whole
//! cents, and the APR the rounded schedule actually carries.
//!
//! The roundings, each named:
//!
//! - the payment, P·r / (1 − (1 + r)^−n), is rounded half up to the cent;
//! - each month's interest, balance × APR / 12, is rounded half up to the cent;
//! - the last payment is whatever is then owed, so it absorbs every rounding and the payments sum
//!   to the principal plus the interest exactly.

use super::fixed_point::{MonthlyRate, SCALE, UNITS_PER_BASIS_POINT};
use crate::error::{Error, FieldError};
use crate::money::{BasisPoints, Cents, Rounding};

/// 12 months × 10 000 basis points: an APR in basis points over this is the fraction of a balance
/// charged in one month.
pub(super) const MONTHLY_RATE_DIVISOR: i128 = 12 * 10_000;

/// Regulation Z §1026.22(a)(2): a disclosed APR is accurate within 1/8 of a percentage point
/// (12.5 basis points) of the APR the payments actually carry. In monthly-rate units.
const APR_TOLERANCE: u128 = 125 * UNITS_PER_BASIS_POINT / 10;

/// How close the search for a schedule's actual rate gets: 10^9 units of 1 / SCALE a month is
/// 10^-4 of a basis point of APR (one basis point is 10^13 units), far finer than the basis point
/// shown or the 12.5 basis points of tolerance.
const RATE_SEARCH_PRECISION: u128 = 1_000_000_000;

/// The running balance in the rate search is kept in millionths of a cent, so truncating each
/// month's interest costs at most a millionth of a cent.
const MICROS_PER_CENT: i128 = 1_000_000;

/// The regular monthly payment that repays `principal` in `months` at `apr`: P·r / (1 − (1 + r)^−n)
/// with r = APR / 12, rounded half up to the cent. At 0 % APR it is P / n, rounded half up.
///
/// # Accuracy
///
/// Computed as P × ⌊r·G / (G − 1)⌋ / SCALE with G = (1 + r)^n from
/// [`MonthlyRate::growth`], whose G' = G·(1 − ε) has ε ≤ (n − 1) / SCALE. The exact payment's
/// error from G' is P·r·G·ε / ((G − 1)(G' − 1)). As G − 1 ≥ n·r (Bernoulli) and
/// G' − 1 ≥ n·r / 2 (G·ε < 3 × 10^-16, far below n·r / 2 ≥ 8 × 10^-6), it is below
/// 2·P·G·ε / (n²·r) < 2·P·G / (n·r·SCALE) = 2 × 10^-13 × P × G / (n·a) cents, where a is the APR
/// in basis points. For n ≥ 2 (at n = 1, ε = 0) and n·a ≤ 60 × 3600, G / (n·a) ≤
/// e^(n·a / 120 000) / (n·a) ≤ 0.51, largest at n·a = 2. Truncating the factor adds less than
/// P / SCALE. So the payment before rounding is within 1.1 × 10^-13 × P cents of the exact one:
/// 1.1 × 10^-5 of a cent at $1,000,000. It can round differently from the exact value only if that
/// lies within this distance of a half cent, and even then the schedule still sums exactly.
///
/// # Errors
///
/// [`Error::InvalidRequest`] for no months or a principal of $0.00 or less; [`Error::Overflow`]
/// only far past a price book's limits.
///
/// ```
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::amortization::monthly_payment;
/// // $10,000.00 at 6 % for 36 months: $304.22 a month, as loan tables give it.
/// let payment = monthly_payment(Cents::new(1_000_000), BasisPoints::new(600), 36)?;
/// assert_eq!(payment, Cents::new(30_422));
/// # Ok::<(), amnion_estimator::Error>(())
/// ```
pub fn monthly_payment(principal: Cents, apr: BasisPoints, months: u32) -> Result<Cents, Error> {
    check_loan(principal, months)?;
    let principal = i128::from(principal.get());
    let rate = MonthlyRate::from_apr(apr);
    let payment = if rate.units() == 0 {
        Rounding::HalfUp.divide(principal, i128::from(months))
    } else {
        let growth = rate.growth(months).ok_or(Error::Overflow)?;
        // The payment per unit of principal, r·G / (G − 1), in fixed point, truncated.
        let per_unit = rate
            .units()
            .checked_mul(growth)
            .and_then(|product| product.checked_div(growth.checked_sub(SCALE)?))
            .and_then(|units| i128::try_from(units).ok())
            .ok_or(Error::Overflow)?;
        principal
            .checked_mul(per_unit)
            .and_then(|product| Rounding::HalfUp.divide(product, SCALE as i128))
    };
    payment
        .and_then(|cents| i64::try_from(cents).ok())
        .map(Cents::new)
        .ok_or(Error::Overflow)
}

/// One month's interest on `balance`: balance × APR / 12, rounded half up to the cent.
///
/// ```
/// use amnion_estimator::money::{BasisPoints, Cents};
/// use amnion_estimator::payment::amortization::interest_for_a_month;
/// // $669.98 at 12 % APR: 1 % a month = 6.6998 -> $6.70.
/// assert_eq!(interest_for_a_month(Cents::new(66_998), BasisPoints::new(1_200)), Some(Cents::new(670)));
/// ```
pub fn interest_for_a_month(balance: Cents, apr: BasisPoints) -> Option<Cents> {
    let product = i128::from(balance.get()).checked_mul(i128::from(apr.get()))?;
    let cents = Rounding::HalfUp.divide(product, MONTHLY_RATE_DIVISOR)?;
    i64::try_from(cents).ok().map(Cents::new)
}

/// A fixed-APR loan month by month, in cents: the computation behind a financing offer, which
/// formats what it shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The amount borrowed.
    pub principal: Cents,
    /// The plan's APR.
    pub apr: BasisPoints,
    /// The regular monthly payment; the last one may differ by the rounding it absorbs.
    pub payment: Cents,
    /// Every month, in order.
    pub rows: Vec<ScheduleRow>,
    /// The sum of the payments: exactly principal + interest.
    pub total_of_payments: Cents,
    /// The sum of the months' interest (the finance charge).
    pub interest: Cents,
    /// The monthly rate the rounded payments actually carry, unrounded.
    pub actual_monthly_rate: MonthlyRate,
    /// The APR the rounded payments actually carry, to the basis point (half up).
    pub actual_apr: BasisPoints,
    /// The APR to show: the plan's when it is within 1/8 of a percentage point of the actual one
    /// (Regulation Z §1026.22(a)(2)), otherwise the actual one.
    pub disclosed_apr: BasisPoints,
}

/// One month of a [`Schedule`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduleRow {
    /// 1 for the first payment.
    pub number: u32,
    /// What is paid this month.
    pub payment: Cents,
    /// This month's interest, rounded half up to the cent.
    pub interest: Cents,
    /// The part of the payment that repays principal.
    pub principal: Cents,
    /// What is owed after this payment; 0 after the last.
    pub balance: Cents,
}

impl Schedule {
    /// The schedule of `principal` repaid over `months` at `apr`: each month's interest is added
    /// to the balance and the regular payment taken off; the last month pays whatever is owed.
    ///
    /// A payment of a few cents on a loan of a few dollars can repay it before the last month;
    /// the schedule then ends there.
    ///
    /// # Errors
    ///
    /// As [`monthly_payment`].
    pub fn new(principal: Cents, apr: BasisPoints, months: u32) -> Result<Schedule, Error> {
        let payment = monthly_payment(principal, apr, months)?;
        let mut rows = Vec::new();
        let mut balance = principal;
        for number in 1..=months {
            let interest = interest_for_a_month(balance, apr).ok_or(Error::Overflow)?;
            let owed = balance.checked_add(interest).ok_or(Error::Overflow)?;
            // The last payment is whatever is owed, absorbing every rounding before it.
            let paid = if number == months {
                owed
            } else {
                payment.min(owed)
            };
            let repaid = paid.checked_sub(interest).ok_or(Error::Overflow)?;
            balance = owed.checked_sub(paid).ok_or(Error::Overflow)?;
            rows.push(ScheduleRow {
                number,
                payment: paid,
                interest,
                principal: repaid,
                balance,
            });
            if balance == Cents::ZERO {
                break;
            }
        }
        let sum = |part: fn(&ScheduleRow) -> Cents| {
            Cents::checked_sum(rows.iter().map(part)).ok_or(Error::Overflow)
        };
        let total_of_payments = sum(|row| row.payment)?;
        let interest = sum(|row| row.interest)?;
        let payments: Vec<Cents> = rows.iter().map(|row| row.payment).collect();
        let actual_monthly_rate = actual_monthly_rate(principal, &payments, apr)?;
        let actual_apr = actual_monthly_rate
            .apr(Rounding::HalfUp)
            .ok_or(Error::Overflow)?;
        let disclosed_apr = if within_tolerance(actual_monthly_rate, apr) {
            apr
        } else {
            actual_apr
        };
        Ok(Schedule {
            principal,
            apr,
            payment,
            rows,
            total_of_payments,
            interest,
            actual_monthly_rate,
            actual_apr,
            disclosed_apr,
        })
    }

    /// The last payment, which absorbs the rounding.
    pub fn last_payment(&self) -> Cents {
        self.rows.last().map_or(Cents::ZERO, |row| row.payment)
    }
}

/// Whether `actual` is within 1/8 of a percentage point of the APR `nominal`
/// (Regulation Z §1026.22(a)(2)).
pub fn within_tolerance(actual: MonthlyRate, nominal: BasisPoints) -> bool {
    actual
        .units()
        .abs_diff(MonthlyRate::from_apr(nominal).units())
        <= APR_TOLERANCE
}

/// The monthly rate i at which `payments`, one a month from a month after the loan, repay
/// `principal` exactly: the actuarial method of Regulation Z, Appendix J, with monthly unit periods
/// and no odd first period. Found by bisection to 10^-4 of a basis point of APR, searching from 0
/// to 10 percentage points above `nominal`.
///
/// What is still owed after the payments at rate i, P(1 + i)^n − Σ payment_k (1 + i)^(n − k), has
/// one sign change in its coefficients, so one positive root (Descartes): it is negative below the
/// actual rate and positive above. It is computed month by month in millionths of a cent.
///
/// # Errors
///
/// [`Error::Overflow`] only far past a price book's limits.
pub fn actual_monthly_rate(
    principal: Cents,
    payments: &[Cents],
    nominal: BasisPoints,
) -> Result<MonthlyRate, Error> {
    let owed_after = |rate: u128| -> Option<i128> {
        let rate = i128::try_from(rate).ok()?;
        let mut balance = i128::from(principal.get()).checked_mul(MICROS_PER_CENT)?;
        for payment in payments {
            let interest = balance.checked_mul(rate)? / SCALE as i128;
            let paid = i128::from(payment.get()).checked_mul(MICROS_PER_CENT)?;
            balance = balance.checked_add(interest)?.checked_sub(paid)?;
        }
        Some(balance)
    };
    let mut low = 0;
    let mut high = MonthlyRate::from_apr(nominal).units() + 1_000 * UNITS_PER_BASIS_POINT;
    while high - low > RATE_SEARCH_PRECISION {
        let middle = low + (high - low) / 2;
        if owed_after(middle).ok_or(Error::Overflow)? > 0 {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok(MonthlyRate::from_units(low + (high - low) / 2))
}

fn check_loan(principal: Cents, months: u32) -> Result<(), Error> {
    let mut problems = Vec::new();
    if principal <= Cents::ZERO {
        problems.push(FieldError::new(
            "principal",
            format!("must be more than $0.00, got {principal}"),
        ));
    }
    if months == 0 {
        problems.push(FieldError::new("months", "must be at least 1"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidRequest(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_apr_divides_evenly_and_the_last_payment_absorbs_the_rest() {
        // $100.00 over 3 months at 0 %: 33.333... -> $33.33 (half up); the last is
        // 100.00 − 2 × 33.33 = $33.34.
        let schedule =
            Schedule::new(Cents::new(10_000), BasisPoints::new(0), 3).expect("valid loan");
        let paid: Vec<i64> = schedule.rows.iter().map(|r| r.payment.get()).collect();
        assert_eq!(paid, [3_333, 3_333, 3_334]);
        assert_eq!(schedule.interest, Cents::ZERO);
        assert_eq!(schedule.actual_apr, BasisPoints::new(0));
    }

    #[test]
    fn one_month_is_the_principal_plus_a_month_of_interest() {
        // $1,000.00 at 12 %: one month is 1 % = $10.00; the one payment is $1,010.00.
        let payment = monthly_payment(Cents::new(100_000), BasisPoints::new(1_200), 1);
        assert_eq!(payment, Ok(Cents::new(101_000)));
    }

    #[test]
    fn refuses_a_loan_of_nothing_or_no_months() {
        let error = monthly_payment(Cents::ZERO, BasisPoints::new(999), 0).expect_err("invalid");
        let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["principal", "months"]);
    }

    #[test]
    fn tolerance_is_an_eighth_of_a_point_either_way() {
        let nominal = BasisPoints::new(999);
        let at =
            |bp_times_10: u128| MonthlyRate::from_units(bp_times_10 * UNITS_PER_BASIS_POINT / 10);
        // 9.99 % ± 0.125 point: 9.865 % to 10.115 % are accurate; 10.116 % is not.
        assert!(within_tolerance(at(9_865), nominal));
        assert!(within_tolerance(at(10_115), nominal));
        assert!(!within_tolerance(at(10_116), nominal));
        assert!(!within_tolerance(at(9_864), nominal));
    }
}
