//! Likely unit mistakes in a price book: amounts and rates that break no rule, but are far from
//! what such a price or rate usually is. The usual cause is a unit: dollars typed into a field of
//! cents (`"price_cents": 1100` is an $11.00 vial, not $1,100.00), or a percent typed into a field
//! of hundredths of a percent (`"percent_off_bp": 5` is 0.05 %, not 5 %).
//!
//! A warning does not refuse the book: a clinic may mean a $20 product. `check-price-book` prints
//! them after the prices, and the price-book editor asks for each to be confirmed. Each names the
//! amount as a person types it, in dollars or percent, at the same path a problem with that field
//! would have (`products[0].price_cents`), and in the same words: it reads after the field's
//! label.

use std::fmt::Display;

use serde::Serialize;

use super::document::*;
use super::validate::{items, At, MAX_APR};
use crate::language::Text;
use crate::money::{BasisPoints, Cents};

/// A product priced under this is likely dollars typed as cents: $50.00. (No product the clinic
/// injects costs less; $11.00 for a $1,100.00 vial is the mistake this catches.)
pub const PRODUCT_LOW: Cents = Cents::new(5_000);

/// A product priced over this likely has extra zeros: $50,000.00, about forty times the sample's
/// dearest vial.
pub const PRODUCT_HIGH: Cents = Cents::new(5_000_000);

/// A fee above $0.00 and under this is likely dollars typed as cents: $5.00. A fee of $0.00 is not
/// warned about: a free consultation is a clinic's choice.
pub const FEE_LOW: Cents = Cents::new(500);

/// A discount over this is likely a mistake: 50 %.
pub const DISCOUNT_HIGH: BasisPoints = BasisPoints::new(5_000);

/// A discount or APR above 0 % and under this is likely a percent typed as hundredths of a
/// percent: 1 % (`5` is 0.05 %; 5 % is `500`). A rate of 0 % is not warned about: no discount, or
/// a promotion with no interest.
pub const RATE_LOW: BasisPoints = BasisPoints::new(100);

/// One likely unit mistake: where it is and what it looks like.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The field's JSON path, the same as a problem with it would have: `products[0].price_cents`.
    pub path: String,
    /// What is unusual, in words that read after the field's label: `is $11.00, low for a product
    /// (under $50.00): was $1,100.00 meant?`.
    pub message: String,
}

impl Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every likely unit mistake in `document`, in the order of the book. The thresholds are
/// [`PRODUCT_LOW`] and [`PRODUCT_HIGH`] for products (a package of vials has the low one),
/// [`FEE_LOW`] for every other price (administration fees, ultrasound guidance, the consultation,
/// the walking boot, extras, physical therapy's cash prices and allowed amounts, the therapy
/// partners' too), [`DISCOUNT_HIGH`] and [`RATE_LOW`] for discounts, and [`RATE_LOW`] for APRs.
///
/// ```
/// use amnion_estimator::price_book::{warnings, PriceBook};
/// let mut book = PriceBook::embedded_default().expect("the sample").document().clone();
/// assert_eq!(warnings(&book), []);
/// // Dollars typed into a field of cents: 1100 cents is $11.00.
/// book.products[0].price_cents = amnion_estimator::money::Cents::new(1100);
/// assert_eq!(
///     warnings(&book)[0].to_string(),
///     "products[0].price_cents: is $11.00, low for a product (under $50.00): was $1,100.00 meant?"
/// );
/// ```
pub fn warnings(document: &PriceBookDocument) -> Vec<Warning> {
    let book = document;
    let mut found = Vec::new();
    for (at, product) in items(field!(book.products)) {
        let (path, &price) = field!(at / product.price_cents);
        if let Some(message) = low(price, PRODUCT_LOW, "a product", true) {
            found.push(Warning { path, message });
        } else if price > PRODUCT_HIGH {
            found.push(Warning {
                path,
                message: format!(
                    "is {price}, high for a product (over {PRODUCT_HIGH}): check for extra zeros"
                ),
            });
        }
    }
    for (at, fee) in items(field!(book.administration_fees)) {
        fee_warning(&mut found, field!(at / fee.price_cents));
    }
    fee_warning(&mut found, field!(book.ultrasound_guidance.price_cents));
    fee_warning(&mut found, field!(book.visits.consultation.price_cents));
    fee_warning(&mut found, field!(book.walking_boot.price_cents));
    for (at, extra) in items(field!(book.extras)) {
        fee_warning(&mut found, field!(at / extra.price_cents));
    }
    therapy_warnings(&mut found, field!(book.physical_therapy));
    for (at, partner) in items(field!(book.therapy_partners)) {
        therapy_warnings(&mut found, field!(at / partner.physical_therapy));
    }

    let (at, prompt_pay) = field!(book.discounts.prompt_pay);
    if let Some(prompt_pay) = prompt_pay {
        discount_warning(&mut found, field!(at / prompt_pay.percent_off_bp));
        label_warning(
            &mut found,
            field!(at / prompt_pay.label),
            prompt_pay.percent_off_bp,
        );
    }
    let (at, multi_injection) = field!(book.discounts.multi_injection);
    match multi_injection {
        None => {}
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            percent_off_bp,
            label,
            ..
        }) => {
            discount_warning(&mut found, field!(at / percent_off_bp));
            label_warning(&mut found, field!(at / label), *percent_off_bp);
        }
        Some(MultiInjectionDiscount::PackagePrices { packages, .. }) => {
            for (at, package) in items(field!(at / packages)) {
                let (path, &price) = field!(at / package.price_cents);
                if let Some(message) = low(price, PRODUCT_LOW, "a package", true) {
                    found.push(Warning { path, message });
                }
            }
        }
    }

    let (at, financing) = field!(book.financing);
    if let Some(financing) = financing {
        for (at, plan) in items(field!(at / financing.plans)) {
            let (path, &apr) = field!(at / plan.apr_bp);
            if let Some(message) = low_rate(apr, "an APR", MAX_APR) {
                found.push(Warning { path, message });
            }
        }
    }
    found
}

/// A fee's warning, if it is above $0.00 and under [`FEE_LOW`].
fn fee_warning(found: &mut Vec<Warning>, (path, &price): At<'_, impl Display, Cents>) {
    if let Some(message) = low(price, FEE_LOW, "a fee", false) {
        found.push(Warning {
            path: path.to_string(),
            message,
        });
    }
}

/// A therapy price list's warnings: cash prices and allowed amounts are fees.
fn therapy_warnings(
    found: &mut Vec<Warning>,
    (at, prices): At<'_, impl Display, PhysicalTherapyPrices>,
) {
    for (at, service) in [field!(at / prices.evaluation), field!(at / prices.session)] {
        fee_warning(found, field!(at / service.cash_price_cents));
        fee_warning(found, field!(at / service.allowed_cents));
    }
}

/// A discount's warning, if it is over [`DISCOUNT_HIGH`], or above 0 % and under [`RATE_LOW`].
fn discount_warning(found: &mut Vec<Warning>, (path, &rate): At<'_, String, BasisPoints>) {
    let message = match rate > DISCOUNT_HIGH {
        true => Some(format!(
            "is {rate}, high for a discount (over {DISCOUNT_HIGH}): was it meant?"
        )),
        false => low_rate(rate, "a discount", BasisPoints::WHOLE),
    };
    if let Some(message) = message {
        found.push(Warning { path, message });
    }
}

/// A discount's name that says another percent than the discount is (`15% off` after the percent
/// became 10 %): the name is the clinic's own words, so it is not changed for them.
fn label_warning(
    found: &mut Vec<Warning>,
    (path, label): At<'_, impl Display, Text>,
    rate: BasisPoints,
) {
    // At the name's Spanish text when that is the one out of date, so the editor puts the
    // warning under it.
    let texts = [
        (label.en.as_str(), ""),
        (label.es.as_deref().unwrap_or(""), ".es"),
    ];
    let wrong = texts.into_iter().find_map(|(text, at)| {
        percents(text)
            .find(|&said| said != rate)
            .map(|said| (said, at))
    });
    if let Some((said, at)) = wrong {
        found.push(Warning {
            path: format!("{path}{at}"),
            message: format!("says {said}, but the discount is {rate}: change the name to match"),
        });
    }
}

/// The percents a text names: each number written just before a `%` (`15%`, `7.5 %`).
fn percents(text: &str) -> impl Iterator<Item = BasisPoints> + '_ {
    text.char_indices()
        .filter(|&(_, c)| c == '%')
        .filter_map(|(end, _)| {
            let before = text[..end].trim_end();
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_ascii_digit() || c == '.')
                .last()
                .map(|(i, _)| i)?;
            BasisPoints::parse_percent(before[start..].trim_start_matches('.')).ok()
        })
}

/// Why `price` is low for `what`, if it is under `limit` (and above $0.00 unless `zero_too`): with
/// the price a hundred times as large, which dollars typed as cents would have meant.
fn low(price: Cents, limit: Cents, what: &str, zero_too: bool) -> Option<String> {
    if price >= limit || (price == Cents::ZERO && !zero_too) {
        return None;
    }
    let meant = match price.checked_mul(100) {
        Some(meant) if price > Cents::ZERO => format!("was {meant} meant?"),
        _ => "was it meant?".to_owned(),
    };
    Some(format!(
        "is {price}, low for {what} (under {limit}): {meant}"
    ))
}

/// Why `rate` is low for `what`, if it is above 0 % and under [`RATE_LOW`]: with the rate a
/// hundred times as large, which a percent typed as hundredths of a percent would have meant, if
/// that is at most `ceiling`.
fn low_rate(rate: BasisPoints, what: &str, ceiling: BasisPoints) -> Option<String> {
    if rate >= RATE_LOW || rate == BasisPoints::new(0) {
        return None;
    }
    // Under RATE_LOW (100), so the product is under 10,000: no overflow.
    let meant = BasisPoints::new(rate.get() * 100);
    let meant = match meant <= ceiling {
        true => format!("was {meant} meant?"),
        false => "was it meant?".to_owned(),
    };
    Some(format!(
        "is {rate}, low for {what} (under {RATE_LOW}): {meant}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::price_book::PriceBook;

    fn sample() -> PriceBookDocument {
        PriceBook::embedded_default()
            .expect("the sample")
            .document()
            .clone()
    }

    #[test]
    fn the_sample_has_none() {
        assert_eq!(warnings(&sample()), []);
    }

    #[test]
    fn each_threshold_is_its_own_edge() {
        // At each threshold, no warning; a cent or a hundredth of a percent past it, one.
        assert_eq!(low(PRODUCT_LOW, PRODUCT_LOW, "a product", true), None);
        assert_eq!(
            low(Cents::new(4_999), PRODUCT_LOW, "a product", true).as_deref(),
            // 4999 cents is $49.99; a hundred times as much is $4,999.00.
            Some("is $49.99, low for a product (under $50.00): was $4,999.00 meant?")
        );
        assert_eq!(
            low(Cents::ZERO, PRODUCT_LOW, "a product", true).as_deref(),
            Some("is $0.00, low for a product (under $50.00): was it meant?")
        );
        assert_eq!(low(Cents::ZERO, FEE_LOW, "a fee", false), None);
        assert_eq!(low(FEE_LOW, FEE_LOW, "a fee", false), None);
        assert_eq!(
            low_rate(BasisPoints::new(0), "a discount", BasisPoints::WHOLE),
            None
        );
        assert_eq!(low_rate(RATE_LOW, "a discount", BasisPoints::WHOLE), None);
        // 99 hundredths of a percent is 0.99 %; as an APR, 99 % is past the 36 % ceiling.
        assert_eq!(
            low_rate(BasisPoints::new(99), "an APR", MAX_APR).as_deref(),
            Some("is 0.99%, low for an APR (under 1%): was it meant?")
        );
    }

    #[test]
    fn every_kind_is_named_at_its_field() {
        let mut book = sample();
        // 1100 cents, $11.00: a vial priced in dollars. 12,000,000 cents is $120,000.00.
        book.products[0].price_cents = Cents::new(1_100);
        book.products[1].price_cents = Cents::new(12_000_000);
        // $1.65: the boot's 165 dollars typed as cents. $0.00 for a consultation is a free one.
        book.walking_boot.price_cents = Cents::new(165);
        book.visits.consultation.price_cents = Cents::ZERO;
        book.physical_therapy.session.allowed_cents = Cents::new(95);
        book.therapy_partners[1]
            .physical_therapy
            .evaluation
            .cash_price_cents = Cents::new(120);
        // 5 hundredths of a percent, 0.05 %: 5 % typed as a percent. 6000 is 60 %.
        book.discounts
            .prompt_pay
            .as_mut()
            .expect("prompt pay")
            .percent_off_bp = BasisPoints::new(5);
        book.discounts.multi_injection = Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            label: "Later injections".into(),
            from_injection: 2,
            percent_off_bp: BasisPoints::new(6_000),
        });
        // 24 hundredths of a percent, 0.24 %: an APR of 24 % typed as a percent.
        book.financing.as_mut().expect("financing").plans[4].apr_bp = BasisPoints::new(24);
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "products[0].price_cents: is $11.00, low for a product (under $50.00): was $1,100.00 meant?",
                "products[1].price_cents: is $120,000.00, high for a product (over $50,000.00): check for extra zeros",
                "walking_boot.price_cents: is $1.65, low for a fee (under $5.00): was $165.00 meant?",
                "physical_therapy.session.allowed_cents: is $0.95, low for a fee (under $5.00): was $95.00 meant?",
                "therapy_partners[1].physical_therapy.evaluation.cash_price_cents: is $1.20, low for a fee (under $5.00): was $120.00 meant?",
                "discounts.prompt_pay.percent_off_bp: is 0.05%, low for a discount (under 1%): was 5% meant?",
                // The sample's name says "5% off"; the discount is now 0.05 %.
                "discounts.prompt_pay.label: says 5%, but the discount is 0.05%: change the name to match",
                "discounts.multi_injection.percent_off_bp: is 60%, high for a discount (over 50%): was it meant?",
                "financing.plans[4].apr_bp: is 0.24%, low for an APR (under 1%): was 24% meant?",
            ]
        );
    }

    #[test]
    fn a_discount_named_with_another_percent() {
        let mut book = sample();
        // The sample's multi-injection discount is 15 %, its name says "15% off" in English and
        // "15% menos" in Spanish. At 10 % both names are out of date; the English is named.
        let Some(MultiInjectionDiscount::LaterInjectionsPercentOff { percent_off_bp, .. }) =
            book.discounts.multi_injection.as_mut()
        else {
            panic!("the sample's discount");
        };
        *percent_off_bp = BasisPoints::new(1_000);
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            ["discounts.multi_injection.label: says 15%, but the discount is 10%: change the name to match"]
        );
        // A Spanish name alone out of date is named too; "7.5 %" with a space is 750.
        let prompt_pay = book.discounts.prompt_pay.as_mut().expect("prompt pay");
        prompt_pay.percent_off_bp = BasisPoints::new(750);
        prompt_pay.label = Text {
            en: "Prompt pay: 7.5 % off".into(),
            es: Some("Pronto pago: 5% menos".into()),
        };
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        // Prompt pay comes first, in the book's order; at the Spanish text, the one that says 5 %.
        assert_eq!(
            found[0],
            "discounts.prompt_pay.label.es: says 5%, but the discount is 7.5%: change the name to match"
        );
        assert_eq!(
            percents("no percent here, 100 % sure, 2.25%").collect::<Vec<_>>(),
            [BasisPoints::new(10_000), BasisPoints::new(225)]
        );
    }

    #[test]
    fn a_package_priced_in_dollars_is_low() {
        let mut book = sample();
        let product = book.products[0].id.clone();
        // 2 vials for 2,200 cents, $22.00: $2,200.00 typed in dollars.
        book.discounts.multi_injection = Some(MultiInjectionDiscount::PackagePrices {
            label: "Packages".into(),
            packages: vec![Package {
                product,
                injections: 2,
                price_cents: Cents::new(2_200),
            }],
        });
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            ["discounts.multi_injection.packages[0].price_cents: is $22.00, low for a package (under $50.00): was $2,200.00 meant?"]
        );
    }
}
