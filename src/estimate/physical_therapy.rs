//! Physical therapy: an evaluation, then treatment sessions, paid in cash or through insurance.
//!
//! Through insurance, each visit is priced in order, because the deductible, the covered-visit
//! limit and the out-of-pocket maximum all depend on the visits before it. Runs of visits that cost
//! the same are then shown as one line with a quantity.

use crate::error::Error;
use crate::language::Language;
use crate::money::{Cents, Rounding};
use crate::price_book::{PhysicalTherapyPrices, TherapyService};

use super::lines::{Line, Lines, Payer};
use super::request::{End, InsurancePlan, Therapy};

/// Adds the lines for `sessions` treatment sessions (and the evaluation before them) paid by
/// `therapy`, through insurance at the plan's case for `end`. Zero sessions adds nothing: no
/// therapy, no evaluation.
pub(crate) fn add_lines(
    lines: &mut Lines,
    prices: &PhysicalTherapyPrices,
    (therapy, end): (Therapy, End),
    sessions: u32,
    language: Language,
) -> Result<(), Error> {
    if sessions == 0 {
        return Ok(());
    }
    match therapy {
        Therapy::None => Ok(()),
        Therapy::Cash => {
            let (eval, session) = (&prices.evaluation, &prices.session);
            lines.push(Line::charge(
                eval.label.get(language),
                &eval.code,
                1,
                eval.cash_price_cents,
            ))?;
            lines.push(Line::charge(
                session.label.get(language),
                &session.code,
                sessions,
                session.cash_price_cents,
            ))
        }
        Therapy::Insurance(range) => {
            let plan = range.at(end);
            let visits = std::iter::once(&prices.evaluation)
                .chain(std::iter::repeat_n(&prices.session, sessions as usize));
            let shares = price_visits(plan, visits)?;
            // A coinsurance (and copay) not entered is no rate: its lines say which case of the
            // plan they are, never a rate the visitor did not give.
            let unknown = range.unknown.coinsurance.then_some(end);
            for run in runs(&shares) {
                add_run(lines, (plan, unknown), run, language)?;
            }
            Ok(())
        }
    }
}

/// How one visit's cost is split, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct VisitShare<'a> {
    pub service: &'a TherapyService,
    /// What the patient pays for this visit.
    pub patient: Cents,
    /// What the plan pays for this visit.
    pub insurance: Cents,
    pub basis: ShareBasis,
}

/// Why a visit's patient share is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ShareBasis {
    /// Past the covered-visit limit: the cash price, outside the plan (and its out-of-pocket max).
    PastCoveredVisits,
    /// The copay, capped at the allowed amount.
    Copay,
    /// All of the allowed amount goes to the deductible.
    Deductible,
    /// The deductible is met during this visit; coinsurance applies to the rest.
    DeductibleThenCoinsurance,
    /// The deductible is met during this visit; the copay applies to the rest.
    DeductibleThenCopay,
    /// The copay, then coinsurance on the rest of the allowed amount.
    CopayAndCoinsurance,
    /// The deductible is met during this visit; the copay, then coinsurance, apply to the rest.
    DeductibleThenCopayAndCoinsurance,
    /// Coinsurance on the allowed amount.
    Coinsurance,
    /// The out-of-pocket maximum capped the share.
    OutOfPocketMax,
}

/// Splits each visit, in order, between patient and plan:
///
/// 1. A visit past the covered-visit limit costs the cash price and does not count toward the
///    out-of-pocket maximum.
/// 2. With a copay from the first visit, the patient pays the copay, never more than the allowed
///    amount; the deductible does not apply.
/// 3. Otherwise the allowed amount goes to the deductible first (all of it, when the deductible is
///    not met during the course); on the rest, the copay (never more than that rest) or else
///    coinsurance, rounded half up to the cent ([`Rounding::HalfUp`]).
///    With [`InsurancePlan::coinsurance_after_copay`], what is left after the copay in 2 or 3 also
///    costs the coinsurance rate of it, rounded half up.
/// 4. The patient's share stops growing at the out-of-pocket maximum.
/// 5. The plan pays the allowed amount minus the patient's share.
pub(crate) fn price_visits<'a>(
    plan: &InsurancePlan,
    visits: impl Iterator<Item = &'a TherapyService>,
) -> Result<Vec<VisitShare<'a>>, Error> {
    let mut covered_left = plan.covered_visits_remaining;
    let mut deductible_left = plan.deductible_remaining;
    let mut out_of_pocket_left = plan.out_of_pocket_remaining;
    let has_copay = plan.copay > Cents::ZERO;
    let mut shares = Vec::new();
    for service in visits {
        if covered_left == Some(0) {
            shares.push(VisitShare {
                service,
                patient: service.cash_price_cents,
                insurance: Cents::ZERO,
                basis: ShareBasis::PastCoveredVisits,
            });
            continue;
        }
        covered_left = covered_left.map(|n| n - 1);
        let allowed = service.allowed_cents;
        let both = has_copay && plan.coinsurance_after_copay;
        let (mut patient, mut basis) = if has_copay && !plan.copay_after_deductible {
            let basis = if both {
                ShareBasis::CopayAndCoinsurance
            } else {
                ShareBasis::Copay
            };
            (copay_share(plan, allowed)?, basis)
        } else {
            let to_deductible = match deductible_left {
                Some(left) => {
                    let to_deductible = allowed.min(left);
                    let left = left.checked_sub(to_deductible).ok_or(Error::Overflow)?;
                    deductible_left = Some(left);
                    to_deductible
                }
                // Not met during the course: all of every covered visit.
                None => allowed,
            };
            let rest = allowed.checked_sub(to_deductible).ok_or(Error::Overflow)?;
            let after = if has_copay {
                copay_share(plan, rest)?
            } else {
                rest.percent(plan.coinsurance, Rounding::HalfUp)
                    .ok_or(Error::Overflow)?
            };
            let basis = match (to_deductible > Cents::ZERO, rest > Cents::ZERO, has_copay) {
                (true, false, _) => ShareBasis::Deductible,
                (true, true, false) => ShareBasis::DeductibleThenCoinsurance,
                (true, true, true) if both => ShareBasis::DeductibleThenCopayAndCoinsurance,
                (true, true, true) => ShareBasis::DeductibleThenCopay,
                (false, _, false) => ShareBasis::Coinsurance,
                (false, _, true) if both => ShareBasis::CopayAndCoinsurance,
                (false, _, true) => ShareBasis::Copay,
            };
            (
                to_deductible.checked_add(after).ok_or(Error::Overflow)?,
                basis,
            )
        };
        if let Some(left) = out_of_pocket_left {
            if patient >= left && (patient > Cents::ZERO || left == Cents::ZERO) {
                patient = left;
                basis = ShareBasis::OutOfPocketMax;
            }
            out_of_pocket_left = Some(left.checked_sub(patient).ok_or(Error::Overflow)?);
        }
        let insurance = allowed.checked_sub(patient).ok_or(Error::Overflow)?;
        shares.push(VisitShare {
            service,
            patient,
            insurance,
            basis,
        });
    }
    Ok(shares)
}

/// What the patient pays of `rest` (a visit's allowed amount, less any deductible) under a copay
/// plan: the copay, never more than `rest`, and with [`InsurancePlan::coinsurance_after_copay`]
/// the coinsurance on what the copay leaves, rounded half up to the cent.
fn copay_share(plan: &InsurancePlan, rest: Cents) -> Result<Cents, Error> {
    let copay = plan.copay.min(rest);
    if !plan.coinsurance_after_copay {
        return Ok(copay);
    }
    let left = rest.checked_sub(copay).ok_or(Error::Overflow)?;
    let coinsurance = left
        .percent(plan.coinsurance, Rounding::HalfUp)
        .ok_or(Error::Overflow)?;
    copay.checked_add(coinsurance).ok_or(Error::Overflow)
}

/// A run of consecutive visits priced alike; `first` is the 1-based number of its first visit.
struct Run<'a> {
    share: VisitShare<'a>,
    first: usize,
    count: u32,
}

fn runs<'a>(shares: &[VisitShare<'a>]) -> Vec<Run<'a>> {
    let mut runs: Vec<Run<'a>> = Vec::new();
    for (i, share) in shares.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if run.share == *share => run.count += 1,
            _ => runs.push(Run {
                share: *share,
                first: i + 1,
                count: 1,
            }),
        }
    }
    runs
}

fn add_run(
    lines: &mut Lines,
    (plan, unknown): (&InsurancePlan, Option<End>),
    run: Run<'_>,
    language: Language,
) -> Result<(), Error> {
    let words = language.words();
    let Run {
        share,
        first,
        count,
    } = run;
    let last = first + count as usize - 1;
    let visits = if count == 1 {
        format!("{} {first}", words.visit[0])
    } else {
        format!("{} {first}–{last}", words.visit[1])
    };
    let service = share.service;
    // The rate after the deductible: as entered, or which case of the plan it is when not entered.
    let rate = match unknown {
        None => format!("{} {}", plan.coinsurance, words.coinsurance),
        Some(End::Low) => words.coinsurance_not_entered[0].to_owned(),
        Some(End::High) => words.coinsurance_not_entered[1].to_owned(),
    };
    let why = match share.basis {
        ShareBasis::PastCoveredVisits => words.past_covered_visits.to_owned(),
        ShareBasis::Copay => words.copay.to_owned(),
        ShareBasis::Deductible => words.deductible.to_owned(),
        ShareBasis::DeductibleThenCoinsurance => format!("{} {rate}", words.deductible_then),
        ShareBasis::DeductibleThenCopay => words.deductible_then_copay.to_owned(),
        ShareBasis::CopayAndCoinsurance => (words.copay_and_coinsurance)(plan.coinsurance),
        ShareBasis::DeductibleThenCopayAndCoinsurance => format!(
            "{} {}",
            words.deductible_then,
            (words.copay_and_coinsurance)(plan.coinsurance)
        ),
        ShareBasis::Coinsurance => rate,
        ShareBasis::OutOfPocketMax => words.out_of_pocket_reached.to_owned(),
    };
    let payer = match share.basis {
        ShareBasis::PastCoveredVisits => Payer::SelfPay,
        _ => Payer::PatientShare,
    };
    lines.push(
        Line::charge(
            service.label.get(language),
            &service.code,
            count,
            share.patient,
        )
        .paid_by(payer)
        .because(format!("{visits} · {why}")),
    )?;
    if share.insurance > Cents::ZERO {
        lines.push(
            Line::charge(
                service.label.get(language),
                &service.code,
                count,
                share.insurance,
            )
            .paid_by(Payer::Insurance)
            .because(format!("{visits} · {}", words.paid_by_plan)),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::BasisPoints;

    fn service(allowed: i64, cash: i64) -> TherapyService {
        TherapyService {
            code: "97110".into(),
            label: "Session".into(),
            cash_price_cents: Cents::new(cash),
            allowed_cents: Cents::new(allowed),
        }
    }

    fn plan() -> InsurancePlan {
        InsurancePlan {
            deductible_remaining: Some(Cents::ZERO),
            coinsurance: BasisPoints::new(0),
            copay: Cents::ZERO,
            copay_after_deductible: false,
            coinsurance_after_copay: false,
            covered_visits_remaining: None,
            out_of_pocket_remaining: None,
        }
    }

    fn patient_shares(plan: InsurancePlan, visits: usize) -> Vec<(i64, ShareBasis)> {
        let session = service(8_500, 9_500);
        let shares =
            price_visits(&plan, std::iter::repeat_n(&session, visits)).expect("no overflow");
        shares.iter().map(|s| (s.patient.get(), s.basis)).collect()
    }

    #[test]
    fn deductible_first_then_coinsurance() {
        // $100 deductible, 20 %: visit 1 $85 all deductible; visit 2 $15 deductible + 20 % of $70
        // = $14, so $29; visit 3 20 % of $85 = $17.
        let plan = InsurancePlan {
            deductible_remaining: Some(Cents::new(10_000)),
            coinsurance: BasisPoints::new(2_000),
            ..plan()
        };
        assert_eq!(
            patient_shares(plan, 3),
            [
                (8_500, ShareBasis::Deductible),
                (2_900, ShareBasis::DeductibleThenCoinsurance),
                (1_700, ShareBasis::Coinsurance)
            ]
        );
    }

    #[test]
    fn copay_never_exceeds_allowed() {
        // $100 copay on an $85 allowed visit: the patient pays $85.
        let plan = InsurancePlan {
            copay: Cents::new(10_000),
            deductible_remaining: Some(Cents::new(50_000)),
            ..plan()
        };
        assert_eq!(patient_shares(plan, 1), [(8_500, ShareBasis::Copay)]);
    }

    #[test]
    fn out_of_pocket_max_caps_the_share() {
        // 50 % coinsurance = $42.50 a visit; $50 left: visit 1 $42.50, visit 2 capped at $7.50,
        // visit 3 $0.
        let plan = InsurancePlan {
            coinsurance: BasisPoints::new(5_000),
            out_of_pocket_remaining: Some(Cents::new(5_000)),
            ..plan()
        };
        assert_eq!(
            patient_shares(plan, 3),
            [
                (4_250, ShareBasis::Coinsurance),
                (750, ShareBasis::OutOfPocketMax),
                (0, ShareBasis::OutOfPocketMax)
            ]
        );
    }

    #[test]
    fn visits_past_the_limit_pay_cash_outside_the_out_of_pocket_max() {
        // 1 covered visit, OOP max $0 left: visit 1 $0 (max reached); visit 2 cash $95.
        let plan = InsurancePlan {
            covered_visits_remaining: Some(1),
            out_of_pocket_remaining: Some(Cents::ZERO),
            coinsurance: BasisPoints::new(2_000),
            ..plan()
        };
        assert_eq!(
            patient_shares(plan, 2),
            [
                (0, ShareBasis::OutOfPocketMax),
                (9_500, ShareBasis::PastCoveredVisits)
            ]
        );
    }

    #[test]
    fn a_copay_after_the_deductible_waits_for_it() {
        // $100 deductible, then a $30 copay: visit 1 $85 all deductible; visit 2 $15 deductible
        // + min($30, $70) = $45; visit 3 the copay, $30.
        let plan = InsurancePlan {
            deductible_remaining: Some(Cents::new(10_000)),
            copay: Cents::new(3_000),
            copay_after_deductible: true,
            ..plan()
        };
        assert_eq!(
            patient_shares(plan, 3),
            [
                (8_500, ShareBasis::Deductible),
                (4_500, ShareBasis::DeductibleThenCopay),
                (3_000, ShareBasis::Copay)
            ]
        );
        // $80 deductible, then a $30 copay: visit 1 $80 deductible + min($30, $5) = $85.
        let plan = InsurancePlan {
            deductible_remaining: Some(Cents::new(8_000)),
            ..plan
        };
        assert_eq!(
            patient_shares(plan, 1),
            [(8_500, ShareBasis::DeductibleThenCopay)]
        );
    }

    #[test]
    fn a_deductible_not_met_takes_every_visit_up_to_the_out_of_pocket_maximum() {
        // Never met: $85 a visit; $200 left to the maximum: $85, $85, then $30, then $0.
        let plan = InsurancePlan {
            deductible_remaining: None,
            coinsurance: BasisPoints::new(2_000),
            out_of_pocket_remaining: Some(Cents::new(20_000)),
            ..plan()
        };
        assert_eq!(
            patient_shares(plan, 4),
            [
                (8_500, ShareBasis::Deductible),
                (8_500, ShareBasis::Deductible),
                (3_000, ShareBasis::OutOfPocketMax),
                (0, ShareBasis::OutOfPocketMax)
            ]
        );
    }
}
