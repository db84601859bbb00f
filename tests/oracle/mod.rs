//! A second model of the money, for the fuzz to hold the crate to: what the patient and the plan pay
//! for physical therapy, visit by visit, and the three discounts, written straight from the rules
//! in DESIGN.md ("How PT through insurance is priced", the rounding table, "Why is the prompt-pay
//! discount only on self-pay lines?", the Good Faith Estimate's discounts) and
//! docs/price-book.md (the multi-injection discount kinds), not from `src/`.
//!
//! It is deliberately plain: amounts are `i64` cents (every one here is at most a few
//! $100,000,000 figures added up, far from overflow), rates are whole basis points, every visit is
//! a loop turn, and nothing here calls the crate's arithmetic (`Cents`, `Rounding`, the request
//! parsing); it reads the price book's figures as data only. The fuzz gives both models the same
//! numbers, the crate as typed text and this model as numbers, and any difference fails.
//!
//! What it leaves out, because it is not money arithmetic: how visits are grouped into lines, the
//! labels, and how the Good Faith Estimate spreads a discount over items (its totals are checked).

use amnion_estimator::price_book::{MultiInjectionDiscount, PriceBookDocument};

/// What is bought, in numbers: indices into the price book's lists, exact counts.
#[derive(Clone, Debug)]
pub struct Order {
    /// Index into `conditions`.
    pub condition: usize,
    /// Index into `products`.
    pub product: usize,
    pub injections: u32,
    /// Treatment sessions after the evaluation; 0 means no therapy at all.
    pub sessions: u32,
    pub consultation: bool,
    pub walking_boot: bool,
    pub therapy: Therapy,
    /// How many of each of the book's extras, in the book's order (quotes only).
    pub extras: Vec<u32>,
    /// Therapy by another provider (quotes only): its self-pay visits are not the clinic's.
    pub therapy_elsewhere: bool,
    /// Index into `therapy_partners` when that provider is a partner (quotes only, with
    /// `therapy_elsewhere`): its visits are priced at its prices, not the clinic's.
    pub therapy_partner: Option<usize>,
    /// A staff discount (quotes only).
    pub staff: Option<StaffOff>,
}

#[derive(Clone, Copy, Debug)]
pub enum Therapy {
    None,
    Cash,
    Insurance(Plan),
}

/// The visitor's plan figures, in cents and basis points. A blank answer is 0 for money and rates,
/// and `None` (no limit) for the visit limit and the out-of-pocket maximum.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// `None`: not met during the course (a deductible not entered, at its worst).
    pub deductible: Option<i64>,
    /// With a copay: the deductible first, then the copay.
    pub copay_after_deductible: bool,
    pub coinsurance_bp: i64,
    /// 0 is no copay.
    pub copay: i64,
    /// With a copay: the coinsurance rate also applies to what the copay leaves of a visit.
    pub coinsurance_after_copay: bool,
    pub covered_visits: Option<u32>,
    pub out_of_pocket: Option<i64>,
}

#[derive(Clone, Copy, Debug)]
pub enum StaffOff {
    /// Basis points off.
    Percent(i64),
    /// Cents off.
    Amount(i64),
}

/// One therapy visit: which service, what the patient pays, what the plan pays, and whether the
/// patient pays it as a self-pay charge (cash therapy, or past the covered-visit limit) rather
/// than as the plan's cost sharing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    pub code: String,
    pub patient: i64,
    pub plan: i64,
    pub self_pay: bool,
}

/// What the order costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    pub visits: Vec<Visit>,
    /// The amounts taken off, in the order they apply: multi-injection, staff, prompt pay. A
    /// discount that takes nothing off is not listed.
    pub discounts: Vec<i64>,
    /// The clinic's self-pay charges after the multi-injection discount: what the staff discount
    /// is taken from.
    pub staff_base: i64,
    /// Everything the patient pays.
    pub patient: i64,
    /// Everything the plan pays.
    pub insurance: i64,
    /// The clinic's self-pay charges after every discount: the Good Faith Estimate's convening
    /// provider total.
    pub clinic: i64,
    /// The other provider's self-pay charges, when therapy is elsewhere.
    pub therapist: i64,
}

/// Why an order cannot be priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A staff discount amount larger than the clinic's self-pay charges.
    StaffAmountOverCharges,
}

/// `amount × bp / 10 000`, an exact half cent up. Both are never negative here.
fn half_up(amount: i64, bp: i64) -> i64 {
    assert!(
        amount >= 0 && bp >= 0,
        "only shares of what something costs"
    );
    (amount * bp + 5_000) / 10_000
}

/// Prices `order` under `book`, from the rules alone.
pub fn price(book: &PriceBookDocument, order: &Order) -> Result<Priced, Refused> {
    let condition = &book.conditions[order.condition];
    let product = &book.products[order.product];
    let n = i64::from(order.injections);

    // One injection: the vial, the administration fee of the condition's procedure code, the
    // ultrasound guidance where the code does not include it, and the supplies where the clinic
    // charges for them.
    let vial = product.price_cents.get();
    let administration = book
        .administration_fees
        .iter()
        .find(|fee| fee.code == condition.procedure_code)
        .expect("a valid book has a fee for every condition's code")
        .price_cents
        .get();
    let guidance = if condition.ultrasound_billed_separately {
        book.ultrasound_guidance.price_cents.get()
    } else {
        0
    };
    let supplies = book
        .supplies
        .as_ref()
        .map_or(0, |supplies| supplies.price_cents.get());
    let one_injection = vial + administration + guidance + supplies;

    let mut clinic_charges = one_injection * n;
    if order.consultation {
        clinic_charges += book.visits.consultation.price_cents.get();
    }
    if order.walking_boot {
        clinic_charges += book.walking_boot.price_cents.get();
    }
    for (extra, quantity) in book.extras.iter().zip(&order.extras) {
        clinic_charges += extra.price_cents.get() * i64::from(*quantity);
    }

    // Multi-injection: injections number `from_injection` to n are each `percent_off_bp` off (the
    // discount on one injection rounded half up, then times their count); or the package price
    // for exactly n vials of this product, where there is one, instead of n single vials.
    let multi_injection = match &book.discounts.multi_injection {
        None => 0,
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            from_injection,
            percent_off_bp,
            ..
        }) => {
            let from = i64::from(*from_injection);
            let discounted = if n >= from { n - from + 1 } else { 0 };
            discounted * half_up(one_injection, i64::from(percent_off_bp.get()))
        }
        Some(MultiInjectionDiscount::PackagePrices { packages, .. }) => packages
            .iter()
            .find(|p| p.product == product.id && p.injections == order.injections)
            .map_or(0, |p| vial * n - p.price_cents.get()),
    };

    let visits = therapy_visits(book, order);
    let mut clinic_self_pay_therapy = 0;
    let mut therapist = 0;
    let mut plan_share = 0;
    let mut insurance = 0;
    for visit in &visits {
        insurance += visit.plan;
        if !visit.self_pay {
            plan_share += visit.patient;
        } else if order.therapy_elsewhere {
            therapist += visit.patient;
        } else {
            clinic_self_pay_therapy += visit.patient;
        }
    }

    // The staff and prompt-pay discounts are on the clinic's own self-pay charges: never on the
    // plan's cost sharing, never on another provider's charges.
    let staff_base = clinic_charges + clinic_self_pay_therapy - multi_injection;
    let staff = match order.staff {
        None => 0,
        Some(StaffOff::Percent(bp)) => half_up(staff_base, bp),
        Some(StaffOff::Amount(cents)) if cents > staff_base => {
            return Err(Refused::StaffAmountOverCharges)
        }
        Some(StaffOff::Amount(cents)) => cents,
    };
    let prompt_pay = match &book.discounts.prompt_pay {
        None => 0,
        Some(off) => half_up(staff_base - staff, i64::from(off.percent_off_bp.get())),
    };

    let clinic = staff_base - staff - prompt_pay;
    Ok(Priced {
        visits,
        discounts: [multi_injection, staff, prompt_pay]
            .into_iter()
            .filter(|&off| off != 0)
            .collect(),
        staff_base,
        patient: clinic + therapist + plan_share,
        insurance,
        clinic,
        therapist,
    })
}

/// The therapy visits, the evaluation first: none without therapy or with 0 sessions.
fn therapy_visits(book: &PriceBookDocument, order: &Order) -> Vec<Visit> {
    let pt = order.therapy_partner.map_or(&book.physical_therapy, |i| {
        &book.therapy_partners[i].physical_therapy
    });
    let services: Vec<_> = if order.sessions == 0 {
        Vec::new()
    } else {
        std::iter::once(&pt.evaluation)
            .chain((0..order.sessions).map(|_| &pt.session))
            .collect()
    };
    let cash = |service: &amnion_estimator::price_book::TherapyService| Visit {
        code: service.code.clone(),
        patient: service.cash_price_cents.get(),
        plan: 0,
        self_pay: true,
    };
    match order.therapy {
        Therapy::None => Vec::new(),
        Therapy::Cash => services.into_iter().map(cash).collect(),
        Therapy::Insurance(plan) => {
            let mut covered_left = plan.covered_visits;
            let mut deductible_left = plan.deductible;
            let mut out_of_pocket_left = plan.out_of_pocket;
            let mut visits = Vec::new();
            for service in services {
                // 1. Past the covered-visit limit: the cash price, self-pay, not toward the
                //    out-of-pocket maximum.
                if covered_left == Some(0) {
                    visits.push(cash(service));
                    continue;
                }
                if let Some(left) = covered_left.as_mut() {
                    *left -= 1;
                }
                let allowed = service.allowed_cents.get();
                // The copay, at most `rest`, then (when the plan is read that way) coinsurance
                // on what it leaves, half up.
                let copay_share = |rest: i64| {
                    let copay = plan.copay.min(rest);
                    copay
                        + if plan.coinsurance_after_copay {
                            half_up(rest - copay, plan.coinsurance_bp)
                        } else {
                            0
                        }
                };
                let mut patient = if plan.copay > 0 && !plan.copay_after_deductible {
                    // 2. The copay, never more than the allowed amount; the deductible is left
                    //    alone.
                    copay_share(allowed)
                } else {
                    // 3. The deductible first (all of the visit if it is never met), then the
                    //    copay, at most the rest, or coinsurance on the rest, half up.
                    let to_deductible = match deductible_left.as_mut() {
                        Some(left) => {
                            let to = allowed.min(*left);
                            *left -= to;
                            to
                        }
                        None => allowed,
                    };
                    let rest = allowed - to_deductible;
                    to_deductible
                        + if plan.copay > 0 {
                            copay_share(rest)
                        } else {
                            half_up(rest, plan.coinsurance_bp)
                        }
                };
                // 4. No more than what is left of the out-of-pocket maximum.
                if let Some(left) = out_of_pocket_left.as_mut() {
                    patient = patient.min(*left);
                    *left -= patient;
                }
                // 5. The plan pays the rest of the allowed amount.
                visits.push(Visit {
                    code: service.code.clone(),
                    patient,
                    plan: allowed - patient,
                    self_pay: false,
                });
            }
            visits
        }
    }
}

/// The model on figures worked by hand from the sample book (eval allowed $110 / cash $160, session
/// allowed $85 / cash $95; 15 % off injections from the 2nd; 5 % prompt pay), so that a mistake in
/// the model is not taken for the crate's.
mod worked_by_hand {
    use super::*;
    use amnion_estimator::price_book::DEFAULT_PRICE_BOOK_JSON;

    fn sample() -> PriceBookDocument {
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON")
    }

    fn order(condition: usize, product: usize, injections: u32) -> Order {
        Order {
            condition,
            product,
            injections,
            sessions: 0,
            consultation: false,
            walking_boot: false,
            therapy: Therapy::None,
            extras: vec![0; 3],
            therapy_elsewhere: false,
            therapy_partner: None,
            staff: None,
        }
    }

    fn visit(code: &str, patient: i64, plan: i64, self_pay: bool) -> Visit {
        Visit {
            code: code.to_owned(),
            patient,
            plan,
            self_pay,
        }
    }

    #[test]
    fn deductible_coinsurance_and_the_visit_limit() {
        // Plantar fasciitis (20550 + guidance), 2 × 1 mL; 3 sessions through a plan with $150 of
        // deductible left, 20 %, 2 covered visits, $200 to the out-of-pocket maximum.
        let plan = Plan {
            deductible: Some(15_000),
            copay_after_deductible: false,
            coinsurance_after_copay: false,
            coinsurance_bp: 2_000,
            copay: 0,
            covered_visits: Some(2),
            out_of_pocket: Some(20_000),
        };
        let priced = price(
            &sample(),
            &Order {
                sessions: 3,
                therapy: Therapy::Insurance(plan),
                ..order(0, 0, 2)
            },
        )
        .expect("priced");
        // Evaluation: $110 all to the deductible ($40 left); $200 − 110 = $90 left of the maximum.
        // Session 1: $40 deductible + 20 % of $45 = $9, so $49 ($41 left); the plan pays $36.
        // Sessions 2 and 3: past the 2 covered visits, cash $95 each, self-pay.
        assert_eq!(
            priced.visits,
            [
                visit("97162", 11_000, 0, false),
                visit("97110", 4_900, 3_600, false),
                visit("97110", 9_500, 0, true),
                visit("97110", 9_500, 0, true),
            ]
        );
        // Injections 2 × (1,200 + 150 + 125) = 2,950.00; the 2nd is 15 % of 1,475.00 = 221.25 off.
        // Self-pay: 2,950.00 + 2 × 95.00 − 221.25 = 2,918.75; 5 % = 145.9375 -> 145.94.
        // Clinic 2,918.75 − 145.94 = 2,772.81; the patient adds the plan's 110 + 49 = 2,931.81.
        assert_eq!(priced.discounts, [22_125, 14_594]);
        assert_eq!(priced.staff_base, 291_875);
        assert_eq!(priced.clinic, 277_281);
        assert_eq!(priced.patient, 293_181);
        assert_eq!(priced.insurance, 3_600);
    }

    #[test]
    fn copay_capped_by_the_out_of_pocket_maximum_and_a_staff_percent() {
        // Ankle osteoarthritis (20606, guidance included), 1 × 2 mL; 2 sessions with a $30 copay,
        // a $500 deductible (a copay plan ignores it) and $50 to the out-of-pocket maximum; staff
        // take 10 % off.
        let plan = Plan {
            deductible: Some(50_000),
            copay_after_deductible: false,
            coinsurance_after_copay: false,
            coinsurance_bp: 2_000,
            copay: 3_000,
            covered_visits: None,
            out_of_pocket: Some(5_000),
        };
        let priced = price(
            &sample(),
            &Order {
                sessions: 2,
                therapy: Therapy::Insurance(plan),
                staff: Some(StaffOff::Percent(1_000)),
                ..order(2, 1, 1)
            },
        )
        .expect("priced");
        // $30 (20 left of the maximum), then $20 (capped, 0 left), then $0; the plan pays
        // 110 − 30 = 80, 85 − 20 = 65, 85.
        assert_eq!(
            priced.visits,
            [
                visit("97162", 3_000, 8_000, false),
                visit("97110", 2_000, 6_500, false),
                visit("97110", 0, 8_500, false),
            ]
        );
        // 1,900 + 260 = 2,160.00, no multi-injection discount for 1 injection; staff 10 % =
        // 216.00; prompt pay 5 % of 1,944.00 = 97.20; clinic 1,846.80, patient + 50.00 = 1,896.80.
        assert_eq!(priced.discounts, [21_600, 9_720]);
        assert_eq!(priced.clinic, 184_680);
        assert_eq!(priced.patient, 189_680);
        assert_eq!(priced.insurance, 23_000);
    }

    #[test]
    fn a_staff_amount_is_at_most_the_charges() {
        // 1 plantar fasciitis injection: 1,475.00 of self-pay charges.
        let at = |cents| Order {
            staff: Some(StaffOff::Amount(cents)),
            ..order(0, 0, 1)
        };
        assert_eq!(
            price(&sample(), &at(147_501)),
            Err(Refused::StaffAmountOverCharges)
        );
        // All of it off: nothing is left for prompt pay to take 5 % of.
        let free = price(&sample(), &at(147_500)).expect("priced");
        assert_eq!(free.discounts, [147_500]);
        assert_eq!((free.clinic, free.patient), (0, 0));
    }
}
