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

use serde::Deserialize;

use super::document::*;
use super::schema::{self, Field, Kind, Plausible, Role, RATE_LOW};
#[cfg(doc)]
use super::schema::{DISCOUNT_HIGH, FEE_LOW, PRODUCT_HIGH, PRODUCT_LOW};
use crate::money::{BasisPoints, Cents};
use crate::read::Value;

/// One likely unit mistake: where it is and what it looks like.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// The field's JSON path, the same as a problem with it would have: `products[0].price_cents`.
    pub path: String,
    /// What is unusual, in words that read after the field's label: `is $11.00, low for a product
    /// (under $50.00): check for a missing digit`.
    pub message: String,
}

impl Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every likely unit mistake in `document`, in the order of the book (as the editor's form shows
/// it). Each amount is checked against what its declaration in `document.rs` says is plausible
/// there ([`Plausible`]; a price by its item's field, which names it): [`PRODUCT_LOW`] and
/// [`PRODUCT_HIGH`] for products (a package of vials has the low one), [`FEE_LOW`] and a ceiling of
/// its own for each fee (the injection fees, ultrasound guidance, the consultation, the walking
/// boot, supplies, extras), $20.00 to $1,000.00 for physical therapy's cash prices and allowed
/// amounts (the therapy partners' too), [`DISCOUNT_HIGH`] and [`RATE_LOW`] for discounts, and
/// [`RATE_LOW`] for APRs; and each discount's name against its percent. docs/price-book.md has the
/// table.
///
/// ```
/// use amnion_estimator::price_book::{warnings, PriceBook};
/// let mut book = PriceBook::embedded_default().expect("the sample").document().clone();
/// assert_eq!(warnings(&book), []);
/// // Dollars typed into a field of cents: 1100 cents is $11.00.
/// book.products[0].price_cents = amnion_estimator::money::Cents::new(1100);
/// assert_eq!(
///     warnings(&book)[0].to_string(),
///     "products[0].price_cents: is $11.00, low for a product (under $50.00): check for a missing digit"
/// );
/// ```
pub fn warnings(document: &PriceBookDocument) -> Vec<Warning> {
    warnings_in(&value_of(document))
}

/// [`warnings`] of a book as a tree, read or not: a book being edited, with a spreadsheet's prices
/// put in before they are applied (`fee_schedule::import_csv`). A value that is not what its field
/// takes is passed over: it is a problem, not a likely mistake.
pub(crate) fn warnings_in(book: &Value) -> Vec<Warning> {
    let mut found = Vec::new();
    walk(schema::BOOK, book, "", None, &mut found);
    found
}

/// `document` as the tree its declarations walk. (A document always serializes.)
fn value_of(document: &PriceBookDocument) -> Value {
    serde_json::to_value(document)
        .ok()
        .and_then(|json| Value::deserialize(json).ok())
        .unwrap_or(Value::Null)
}

/// The warnings of the group `fields` at `path`, in their order. `prices` is what the field the
/// group is in says is plausible for the prices in it, if it says.
fn walk(
    fields: &'static [Field],
    object: &Value,
    path: &str,
    prices: Option<&Plausible>,
    found: &mut Vec<Warning>,
) {
    let Value::Object(entries) = object else {
        return;
    };
    let at = |key: &str| entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    for declared in fields {
        let Some(value) = at(declared.key) else {
            continue;
        };
        let path = match path {
            "" => declared.key.to_owned(),
            _ => format!("{path}.{}", declared.key),
        };
        let inside = match declared.kind {
            Kind::Group { .. } | Kind::List { .. } => declared.plausible.as_ref().or(prices),
            _ => prices,
        };
        match (&declared.kind, value) {
            (Kind::Group { fields }, _) => walk(fields, value, &path, inside, found),
            (Kind::List { fields, .. }, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    walk(fields, item, &format!("{path}[{i}]"), inside, found);
                }
            }
            (Kind::Money, Value::Integer(cents)) => {
                // A price is what its item's field says is plausible, else its own declaration's.
                let priced = matches!(declared.role, Role::Cash | Role::Allowed);
                let plausible = prices.filter(|_| priced).or(declared.plausible.as_ref());
                if let Some(plausible) = plausible {
                    if let Some(message) = money_warning(Cents::new(*cents), plausible) {
                        found.push(Warning { path, message });
                    }
                }
            }
            (Kind::Percent, Value::Integer(rate)) => {
                let rate = u32::try_from(*rate).map(BasisPoints::new);
                if let (Some(plausible), Ok(rate)) = (&declared.plausible, rate) {
                    if let Some(message) = rate_warning(rate, plausible) {
                        found.push(Warning { path, message });
                    }
                }
            }
            (Kind::Words { .. }, _) if !declared.says_percent_of.is_empty() => {
                if let Some(Value::Integer(rate)) = at(declared.says_percent_of) {
                    if let Ok(rate) = u32::try_from(*rate) {
                        label_warning(found, &path, value, BasisPoints::new(rate));
                    }
                }
            }
            _ => {}
        }
    }
}

/// What `document` still has of the `sample` book, as its declarations say to point out (`.sample`
/// in `document.rs`): each such field whose value is still the sample's at the same place (the
/// clinic's name, phone, email, address, NPI and TIN; the lender's note; the mark that the prices
/// are samples), and each item of such a list that is one of the sample's items (a sample lender's
/// plan, a sample partner practice), at the item. In the order of the book; each is a warning to
/// change or confirm before the book goes on a clinic's site (a demo page may mean them).
pub fn sample_leftovers(document: &PriceBookDocument, sample: &PriceBookDocument) -> Vec<Warning> {
    let mut found = Vec::new();
    leftovers(
        schema::BOOK,
        &value_of(document),
        &value_of(sample),
        "",
        &mut found,
    );
    found
}

/// The sample's leftovers in the group `fields` of the book (`ours`) and of the sample (`theirs`),
/// at `path`.
fn leftovers(
    fields: &'static [Field],
    ours: &Value,
    theirs: &Value,
    path: &str,
    found: &mut Vec<Warning>,
) {
    for declared in fields {
        let Some(ours) = entry(ours, declared.key) else {
            continue;
        };
        let theirs = entry(theirs, declared.key).unwrap_or(Value::Null);
        let path = match path {
            "" => declared.key.to_owned(),
            _ => format!("{path}.{}", declared.key),
        };
        let message = || declared.sample.to_owned();
        match (&declared.kind, &ours, &theirs) {
            (Kind::List { noun, fields, .. }, Value::Array(items), Value::Array(samples))
                if !declared.sample.is_empty() =>
            {
                for (i, item) in items.iter().enumerate() {
                    let path = format!("{path}[{i}]");
                    if samples.contains(item) {
                        found.push(Warning {
                            path,
                            message: message(),
                        });
                    } else {
                        item_leftovers(fields, noun, item, samples, &path, found);
                    }
                }
            }
            (Kind::Words { .. }, _, _) if !declared.sample.is_empty() => {
                let left = words_left(&ours, &theirs);
                if left.iter().all(|(_, same)| *same) {
                    found.push(Warning {
                        path,
                        message: message(),
                    });
                    continue;
                }
                for (language, same) in left {
                    if same {
                        found.push(Warning {
                            path: format!("{path}{language}"),
                            message: message(),
                        });
                    }
                }
            }
            _ if !declared.sample.is_empty() && ours == theirs => found.push(Warning {
                path,
                message: message(),
            }),
            _ if !declared.sample.is_empty() => {}
            (Kind::Group { fields }, _, _) => leftovers(fields, &ours, &theirs, &path, found),
            _ => {}
        }
    }
}

/// The value at `key` of `object`, if it is an object that has one.
fn entry(object: &Value, key: &str) -> Option<Value> {
    match object {
        Value::Object(entries) => entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone()),
        _ => None,
    }
}

/// Whether each language of the text `ours` is still the sample's `theirs`: `("", same)` for the
/// English, `(".es", same)` for the Spanish where `ours` has one, each compared on its own (the
/// English replaced leaves a Spanish that still says the sample's words warned about).
fn words_left(ours: &Value, theirs: &Value) -> Vec<(&'static str, bool)> {
    let language = |value: &Value, key: &str| match value {
        Value::String(text) if key == "en" => Some(text.clone()),
        Value::Object(entries) => {
            entries
                .iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| match v {
                    Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
        }
        _ => None,
    };
    let mut left = vec![("", language(ours, "en") == language(theirs, "en"))];
    if let Some(spanish) = language(ours, "es") {
        left.push((".es", Some(spanish) == language(theirs, "es")));
    }
    left
}

/// The fields of a list's `item` (with `fields`, called `noun`) that are not one of the sample's
/// items but still have a sample item's words, address, identifiers or prices: a sample partner
/// practice renamed only, a sample plan whose English name changed and Spanish did not. The sample
/// item it comes from is the one sharing the most such values with it, with at least one text
/// (prices alone may be the same by chance); each value still that item's is warned about at its
/// field, each language of a text on its own.
fn item_leftovers(
    fields: &'static [Field],
    noun: &str,
    item: &Value,
    samples: &[Value],
    path: &str,
    found: &mut Vec<Warning>,
) {
    let best = samples
        .iter()
        .map(|sample| {
            let mut same = Vec::new();
            same_values(fields, item, sample, path, true, &mut same);
            same
        })
        .filter(|same| same.iter().any(|(_, text)| *text))
        .max_by_key(Vec::len);
    for (path, _) in best.unwrap_or_default() {
        found.push(Warning {
            path,
            message: format!("still the sample {noun}'s: put your {noun}'s own, or confirm it"),
        });
    }
}

/// The paths under `path` of the values of `ours` (of `fields`) that name or identify the item
/// and equal `theirs`', each with whether it is such a word rather than a price: the item's own
/// name (`top`, each language on its own), what the sample clinic's own is checked for (the
/// address's street and ZIP), an NPI or TIN, and every price. A billing code or a price's name
/// shown to patients is the same at every practice and is left alone. In the order of the fields.
fn same_values(
    fields: &'static [Field],
    ours: &Value,
    theirs: &Value,
    path: &str,
    top: bool,
    same: &mut Vec<(String, bool)>,
) {
    for declared in fields {
        let (Some(ours), Some(theirs)) = (entry(ours, declared.key), entry(theirs, declared.key))
        else {
            continue;
        };
        let path = format!("{path}.{}", declared.key);
        let blank = matches!(&ours, Value::String(text) if text.trim().is_empty());
        let identifies = !declared.sample.is_empty()
            || matches!(declared.key, "npi" | "tin")
            || (top && declared.key != "id");
        match declared.kind {
            Kind::Group { fields } => same_values(fields, &ours, &theirs, &path, false, same),
            Kind::Words { .. } if identifies => {
                for (language, left) in words_left(&ours, &theirs) {
                    if left {
                        same.push((format!("{path}{language}"), true));
                    }
                }
            }
            Kind::Money if ours == theirs => same.push((path, false)),
            Kind::Text | Kind::Paragraph | Kind::Code | Kind::Tin
                if identifies && !blank && ours == theirs =>
            {
                same.push((path, true));
            }
            _ => {}
        }
    }
}

/// Why a physical therapy price is unusual, in the words a price book's would be warned in: the
/// limits of the book's therapy prices ([`THERAPY`]), for a price staff type in for a provider
/// on a quote.
pub(crate) fn therapy_price_warning(price: Cents) -> Option<String> {
    money_warning(price, &THERAPY)
}

/// How a therapy price staff type in for a provider is unusual, for words in another language than
/// [`therapy_price_warning`]'s: low (a digit likely left out, or $0.00) or high, against the same
/// limits.
#[cfg(staff)]
pub(crate) enum PriceOddity {
    /// Under `under` (and not $0.00 unless $0.00 is low too).
    Low {
        /// The low limit.
        under: Cents,
    },
    /// Over `over`.
    High {
        /// The high limit.
        over: Cents,
    },
}

/// The way `price` is unusual for physical therapy, if it is ([`therapy_price_warning`]'s rule).
#[cfg(staff)]
pub(crate) fn therapy_price_oddity(price: Cents) -> Option<PriceOddity> {
    let under = Cents::new(THERAPY.low);
    if price < under && (price > Cents::ZERO || THERAPY.zero_too) {
        return Some(PriceOddity::Low { under });
    }
    let over = Cents::new(THERAPY.high?);
    (price > over).then_some(PriceOddity::High { over })
}

/// Why `price` is unusual where `plausible` says what is usual, if it is.
fn money_warning(price: Cents, plausible: &Plausible) -> Option<String> {
    let what = plausible.what;
    if let Some(message) = low(price, Cents::new(plausible.low), what, plausible.zero_too) {
        return Some(message);
    }
    let high = Cents::new(plausible.high?);
    (price > high)
        .then(|| format!("is {price}, high for {what} (over {high}): check for extra zeros"))
}

/// Why `rate` is unusual where `plausible` says what is usual, if it is.
fn rate_warning(rate: BasisPoints, plausible: &Plausible) -> Option<String> {
    let what = plausible.what;
    let high = plausible
        .high
        .and_then(|high| u32::try_from(high).ok())
        .map(BasisPoints::new);
    match high {
        Some(high) if rate > high => Some(format!(
            "is {rate}, high for {what} (over {high}): was it meant?"
        )),
        _ => {
            let ceiling =
                u32::try_from(plausible.ceiling).map_or(BasisPoints::WHOLE, BasisPoints::new);
            low_rate(rate, what, ceiling)
        }
    }
}

/// A discount's name that says another percent than the discount is (`15% off` after the percent
/// became 10 %): the name is the clinic's own words, so it is not changed for them. `label` is the
/// name as the book has it: a text, or its English and Spanish.
fn label_warning(found: &mut Vec<Warning>, path: &str, label: &Value, rate: BasisPoints) {
    let text = |key: &str| match label {
        Value::String(english) if key == "en" => english.as_str(),
        Value::Object(entries) => entries
            .iter()
            .find_map(|(k, v)| match v {
                Value::String(text) if k == key => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or(""),
        _ => "",
    };
    // One warning for each language whose text is out of date, at once, the Spanish one at its
    // text so the editor puts it under that box.
    for (text, at) in [(text("en"), ""), (text("es"), ".es")] {
        if let Some(said) = percents(text).find(|&said| said != rate) {
            found.push(Warning {
                path: format!("{path}{at}"),
                message: format!(
                    "says {said}, but the discount is {rate}: change the name to match"
                ),
            });
        }
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

/// Why `price` is low for `what`, if it is under `limit` (and above $0.00 unless `zero_too`): a
/// digit left out, which is what makes a typed price too low ($11.00 for a $110.00 session; a
/// hundred times it, $1,100.00, would point past the usual prices), or for $0.00 whether it was
/// meant.
fn low(price: Cents, limit: Cents, what: &str, zero_too: bool) -> Option<String> {
    if price >= limit || (price == Cents::ZERO && !zero_too) {
        return None;
    }
    let meant = match price > Cents::ZERO {
        true => "check for a missing digit".to_owned(),
        false => "was it meant?".to_owned(),
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
    use crate::language::Text;
    use crate::price_book::schema::{FEE_LOW, PRODUCT_LOW};
    use crate::price_book::PriceBook;
    use crate::price_book::MAX_APR;

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
            Some("is $49.99, low for a product (under $50.00): check for a missing digit")
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
                "products[0].price_cents: is $11.00, low for a product (under $50.00): check for a missing digit",
                "products[1].price_cents: is $120,000.00, high for a product (over $50,000.00): check for extra zeros",
                // Each price named by its item's declaration: a walking boot, physical therapy
                // (under $20.00, 2000 cents).
                "walking_boot.price_cents: is $1.65, low for a walking boot (under $5.00): check for a missing digit",
                "physical_therapy.session.allowed_cents: is $0.95, low for physical therapy (under $20.00): check for a missing digit",
                "therapy_partners[1].physical_therapy.evaluation.cash_price_cents: is $1.20, low for physical therapy (under $20.00): check for a missing digit",
                // In the form's order: the multi-injection discount before prompt pay, a name
                // before its percent.
                "discounts.multi_injection.percent_off_bp: is 60%, high for a discount (over 50%): was it meant?",
                // The sample's name says "5% off" (in Spanish "5% menos"); the discount is now
                // 0.05 %: both texts named at once.
                "discounts.prompt_pay.label: says 5%, but the discount is 0.05%: change the name to match",
                "discounts.prompt_pay.label.es: says 5%, but the discount is 0.05%: change the name to match",
                "discounts.prompt_pay.percent_off_bp: is 0.05%, low for a discount (under 1%): was 5% meant?",
                "financing.plans[4].apr_bp: is 0.24%, low for an APR (under 1%): was 24% meant?",
            ]
        );
    }

    #[test]
    fn each_price_is_named_and_bounded_by_its_item() {
        let mut book = sample();
        // 100,000,000 cents is $1,000,000.00: over the $2,000.00 (200,000 cents) a walking boot is
        // expected to cost at most.
        book.walking_boot.price_cents = Cents::new(100_000_000);
        // 1,100 cents, $11.00, for a session: under $20.00; a hundred times it is $1,100.00.
        book.physical_therapy.session.cash_price_cents = Cents::new(1_100);
        // $6,000.00 for an injection fee: over $5,000.00.
        book.administration_fees[0].price_cents = Cents::new(600_000);
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "administration_fees[0].price_cents: is $6,000.00, high for an injection fee (over $5,000.00): check for extra zeros",
                "walking_boot.price_cents: is $1,000,000.00, high for a walking boot (over $2,000.00): check for extra zeros",
                "physical_therapy.session.cash_price_cents: is $11.00, low for physical therapy (under $20.00): check for a missing digit",
            ]
        );
    }

    #[test]
    fn each_language_and_each_field_of_a_sample_item_is_checked() {
        let theirs = sample();
        let mut ours = sample();
        // The lender's note replaced in English only: the Spanish still says the terms are
        // samples ("Estas condiciones son de ejemplo"), warned about at the Spanish text alone.
        let financing = ours.financing.as_mut().expect("the sample's financing");
        let es = financing.disclaimer.es.clone();
        assert!(es.as_deref().unwrap_or("").contains("de ejemplo"), "{es:?}");
        financing.disclaimer = Text {
            en: "Financing by Sunfield Lending; credit approval required.".into(),
            es,
        };
        financing.plans.truncate(0);
        // A sample partner practice renamed only: its address, NPI, TIN and prices are still
        // the sample's, each warned about at its field; the other partner removed.
        ours.therapy_partners.truncate(1);
        ours.therapy_partners[0].name = "Saguaro Sports Rehab".into();
        let found: Vec<String> = sample_leftovers(&ours, &theirs)
            .iter()
            .map(|warning| warning.path.clone())
            .collect();
        assert!(
            !found.contains(&"therapy_partners[0].name".to_owned()),
            "{found:?}"
        );
        for field in [
            "therapy_partners[0].address.street",
            "therapy_partners[0].npi",
            "therapy_partners[0].tin",
            "therapy_partners[0].physical_therapy.session.cash_price_cents",
        ] {
            assert!(found.contains(&field.to_owned()), "{field}: {found:?}");
        }
        assert!(
            found.contains(&"financing.disclaimer.es".to_owned()),
            "{found:?}"
        );
        assert!(
            !found.contains(&"financing.disclaimer".to_owned()),
            "{found:?}"
        );
        // The Spanish replaced too: nothing of the note is left.
        let financing = ours.financing.as_mut().expect("financing");
        financing.disclaimer = Text {
            en: "Financing by Sunfield Lending.".into(),
            es: Some("Financiamiento de Sunfield Lending.".into()),
        };
        let found: Vec<String> = sample_leftovers(&ours, &theirs)
            .iter()
            .map(|warning| warning.path.clone())
            .collect();
        assert!(
            !found.iter().any(|path| path.starts_with("financing")),
            "{found:?}"
        );
    }

    #[test]
    fn what_is_still_the_samples_is_found_by_its_declaration() {
        let theirs = sample();
        let mut ours = sample();
        ours.sample_data = false;
        ours.clinic = Clinic {
            name: "Hillside Foot & Ankle".into(),
            phone: "(555) 010-2000".into(),
            email: None,
            // Another Austin clinic: its own street and ZIP, the city and state the sample's.
            address: Address {
                street: "1 Hill St".into(),
                zip: "78702".into(),
                ..ours.clinic.address.clone()
            },
            npi: "1245319599".into(),
            tin: "987654321".into(),
            closed_dates: Vec::new(),
            backup_reminder_days: None,
        };
        // Each of the sample's partners and plans is still the sample's, and so is the lender's
        // note; a plan whose term changed is the clinic's own.
        let financing = ours.financing.as_mut().expect("the sample's financing");
        financing.plans[0].months = 9;
        let found: Vec<String> = sample_leftovers(&ours, &theirs)
            .iter()
            .map(|warning| warning.path.clone())
            .collect();
        let mut expected = vec![
            "therapy_partners[0]".to_owned(),
            "therapy_partners[1]".to_owned(),
            "financing.disclaimer".to_owned(),
        ];
        // The plan whose term changed keeps the sample plan's name (in both languages, saying
        // its 6 months) and its lender's minimums: each warned about at its field.
        expected.extend(
            [
                "label",
                "label.es",
                "min_purchase_cents",
                "min_payment_cents",
            ]
            .map(|field| format!("financing.plans[0].{field}")),
        );
        expected.extend((1..8).map(|i| format!("financing.plans[{i}]")));
        assert_eq!(found, expected);
        // With no partners, the clinic's own note and no financing left, nothing is.
        ours.therapy_partners.clear();
        ours.financing = None;
        assert_eq!(sample_leftovers(&ours, &theirs), []);
        // A new street with the sample's ZIP left (a Denver clinic that kept Austin's 78701): the
        // address is still the sample's, said at the ZIP.
        ours.clinic.address.zip = theirs.clinic.address.zip.clone();
        let left: Vec<String> = sample_leftovers(&ours, &theirs)
            .iter()
            .map(|warning| warning.path.clone())
            .collect();
        assert_eq!(left, ["clinic.address.zip"]);
    }

    #[test]
    fn a_discount_named_with_another_percent() {
        let mut book = sample();
        // The sample's multi-injection discount is 15 %, its name says "15% off" in English and
        // "15% menos" in Spanish. At 10 % both names are out of date, and both are named at once.
        let Some(MultiInjectionDiscount::LaterInjectionsPercentOff { percent_off_bp, .. }) =
            book.discounts.multi_injection.as_mut()
        else {
            panic!("the sample's discount");
        };
        *percent_off_bp = BasisPoints::new(1_000);
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "discounts.multi_injection.label: says 15%, but the discount is 10%: change the name to match",
                "discounts.multi_injection.label.es: says 15%, but the discount is 10%: change the name to match",
            ]
        );
        // A Spanish name alone out of date is named too; "7.5 %" with a space is 750.
        let prompt_pay = book.discounts.prompt_pay.as_mut().expect("prompt pay");
        prompt_pay.percent_off_bp = BasisPoints::new(750);
        prompt_pay.label = Text {
            en: "Prompt pay: 7.5 % off".into(),
            es: Some("Pronto pago: 5% menos".into()),
        };
        let found: Vec<String> = warnings(&book).iter().map(ToString::to_string).collect();
        // After the multi-injection discount's, in the form's order; at the Spanish text, the one
        // that says 5 %.
        assert_eq!(
            found,
            [
                "discounts.multi_injection.label: says 15%, but the discount is 10%: change the name to match",
                "discounts.multi_injection.label.es: says 15%, but the discount is 10%: change the name to match",
                "discounts.prompt_pay.label.es: says 5%, but the discount is 7.5%: change the name to match",
            ]
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
            ["discounts.multi_injection.packages[0].price_cents: is $22.00, low for a package (under $50.00): check for a missing digit"]
        );
    }
}
