//! The rules a price book must follow before any estimate is made from it.
//!
//! Every rule records a problem at the field's JSON path and goes on, so a clinic's web admin sees
//! every error at once.

use super::document::*;
use super::identifiers::{is_valid_npi, is_valid_tin};
use crate::calendar::Date;
use crate::error::Problems;
use crate::language::Text;
use crate::money::{BasisPoints, Cents};

/// The highest price of any one item: $1,000,000.00. With the count limits below, no total can
/// come near `i64` overflow.
pub const MAX_PRICE: Cents = Cents::new(100_000_000);
/// The most injections any price book may allow.
pub const MAX_INJECTIONS_LIMIT: u32 = 10;
/// The most physical therapy sessions any price book may allow.
pub const MAX_PT_SESSIONS_LIMIT: u32 = 100;
/// The longest financing term or promotion, in months. The payment arithmetic's error bound in
/// `payment/fixed_point.rs` is worked out for terms up to this.
pub const MAX_FINANCING_MONTHS: u32 = 60;
/// The highest APR a financing plan may have: 36 %, the usual ceiling on consumer credit (and the
/// Military Lending Act's cap). The fixed-point error bound is worked out up to this.
pub const MAX_APR: BasisPoints = BasisPoints::new(3_600);

/// Procedure codes whose descriptor already includes ultrasound guidance, so 76942 is never billed
/// with them (CPT 2015: arthrocentesis/injection "with ultrasound guidance").
const CODES_INCLUDING_ULTRASOUND: [&str; 3] = ["20604", "20606", "20611"];

/// Checks every rule, recording each broken one in `problems`.
pub(super) fn validate(book: &PriceBookDocument, problems: &mut Problems) {
    non_empty(problems, "version", &book.version);
    if let Err(reason) = Date::parse(&book.effective_date) {
        problems.add("effective_date", reason);
    }
    validate_clinic(&book.clinic, problems);
    validate_limits(&book.limits, problems);
    validate_conditions(book, problems);
    validate_products(&book.products, problems);

    let mut fee_codes = Seen::new();
    for (i, fee) in book.administration_fees.iter().enumerate() {
        let path = format!("administration_fees[{i}]");
        service(problems, &path, fee, is_cpt);
        problems.check(
            fee_codes.insert(fee.code.as_str()),
            format!("{path}.code"),
            || format!("{} has a fee already", fee.code),
        );
    }
    service(
        problems,
        "ultrasound_guidance",
        &book.ultrasound_guidance,
        is_cpt,
    );
    service(
        problems,
        "visits.consultation",
        &book.visits.consultation,
        is_cpt,
    );
    service(problems, "walking_boot", &book.walking_boot, is_hcpcs);
    validate_extras(&book.extras, problems);
    validate_good_faith_estimate(&book.good_faith_estimate, problems);
    therapy(
        problems,
        "physical_therapy.evaluation",
        &book.physical_therapy.evaluation,
    );
    therapy(
        problems,
        "physical_therapy.session",
        &book.physical_therapy.session,
    );
    validate_discounts(book, problems);

    let texts = &book.disclaimers;
    non_empty(problems, "disclaimers.self_pay", &texts.self_pay);
    non_empty(problems, "disclaimers.estimate_only", &texts.estimate_only);
    non_empty(problems, "disclaimers.not_included", &texts.not_included);
    non_empty(problems, "disclaimers.insurance", &texts.insurance);
    validate_financing(book, problems);
}

fn validate_clinic(clinic: &Clinic, problems: &mut Problems) {
    non_empty(problems, "clinic.name", &clinic.name);
    non_empty(problems, "clinic.phone", &clinic.phone);
    non_empty(problems, "clinic.address.street", &clinic.address.street);
    non_empty(problems, "clinic.address.city", &clinic.address.city);
    let state = &clinic.address.state;
    problems.check(
        state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase()),
        "clinic.address.state",
        || format!("must be a two-letter state code like TX, got \"{state}\""),
    );
    let zip = &clinic.address.zip;
    problems.check(is_zip(zip), "clinic.address.zip", || {
        format!("must be a ZIP code like 78701 or 78701-1234, got \"{zip}\"")
    });
    problems.check(is_valid_npi(&clinic.npi), "clinic.npi", || {
        format!(
            "must be 10 digits with a valid check digit, got \"{}\"",
            clinic.npi
        )
    });
    problems.check(is_valid_tin(&clinic.tin), "clinic.tin", || {
        format!("must be 9 digits, got \"{}\"", clinic.tin)
    });
}

fn validate_limits(limits: &Limits, problems: &mut Problems) {
    let injections = limits.max_injections;
    problems.check(
        (1..=MAX_INJECTIONS_LIMIT).contains(&injections),
        "limits.max_injections",
        || format!("must be 1 to {MAX_INJECTIONS_LIMIT}, got {injections}"),
    );
    let sessions = limits.max_pt_sessions;
    problems.check(
        sessions <= MAX_PT_SESSIONS_LIMIT,
        "limits.max_pt_sessions",
        || format!("must be 0 to {MAX_PT_SESSIONS_LIMIT}, got {sessions}"),
    );
}

fn validate_conditions(book: &PriceBookDocument, problems: &mut Problems) {
    problems.check(!book.conditions.is_empty(), "conditions", || {
        "must list at least one condition".into()
    });
    let mut ids = Seen::new();
    for (i, condition) in book.conditions.iter().enumerate() {
        let path = format!("conditions[{i}]");
        key(problems, &format!("{path}.id"), &condition.id, &mut ids);
        non_empty(problems, &format!("{path}.label"), &condition.label);
        for (side, code) in [
            ("left", &condition.icd10.left),
            ("right", &condition.icd10.right),
        ] {
            problems.check(is_icd10(code), format!("{path}.icd10.{side}"), || {
                format!("must be an ICD-10-CM code like M72.2, got \"{code}\"")
            });
        }
        let code = &condition.procedure_code;
        if !is_cpt(code) {
            problems.add(
                format!("{path}.procedure_code"),
                format!("must be a 5-character CPT code, got \"{code}\""),
            );
        } else if !book.administration_fees.iter().any(|fee| &fee.code == code) {
            problems.add(
                format!("{path}.procedure_code"),
                format!("{code} has no entry in administration_fees"),
            );
        }
        if condition.ultrasound_billed_separately
            && CODES_INCLUDING_ULTRASOUND.contains(&code.as_str())
        {
            problems.add(
                format!("{path}.ultrasound_billed_separately"),
                format!("must be false: {code} already includes ultrasound guidance"),
            );
        }
        let injections = condition.typical_injections;
        count_range(
            problems,
            &format!("{path}.typical_injections"),
            injections,
            1,
            book.limits.max_injections,
        );
        let sessions = condition.typical_pt_sessions;
        count_range(
            problems,
            &format!("{path}.typical_pt_sessions"),
            sessions,
            0,
            book.limits.max_pt_sessions,
        );
    }
}

fn validate_extras(extras: &[Extra], problems: &mut Problems) {
    let mut ids = Seen::new();
    for (i, extra) in extras.iter().enumerate() {
        let path = format!("extras[{i}]");
        key(problems, &format!("{path}.id"), &extra.id, &mut ids);
        problems.check(
            is_cpt(&extra.code) || is_hcpcs(&extra.code),
            format!("{path}.code"),
            || format!("is not a valid CPT or HCPCS code: \"{}\"", extra.code),
        );
        non_empty(problems, &format!("{path}.label"), &extra.label);
        price(problems, &format!("{path}.price_cents"), extra.price_cents);
    }
}

fn validate_good_faith_estimate(texts: &GoodFaithEstimateTexts, problems: &mut Problems) {
    let path = "good_faith_estimate";
    problems.check(
        (1..=365).contains(&texts.valid_days),
        format!("{path}.valid_days"),
        || format!("must be 1 to 365, got {}", texts.valid_days),
    );
    for (i, text) in texts.separately_scheduled.iter().enumerate() {
        non_empty(problems, &format!("{path}.separately_scheduled[{i}]"), text);
    }
    for (field, text) in [
        ("other_services", &texts.other_services),
        (
            "actual_charges_may_differ",
            &texts.actual_charges_may_differ,
        ),
        ("dispute_rights", &texts.dispute_rights),
        ("not_a_contract", &texts.not_a_contract),
        ("insured_filing_claim", &texts.insured_filing_claim),
        ("federal_program", &texts.federal_program),
    ] {
        non_empty(problems, &format!("{path}.{field}"), text);
    }
    // The dispute right is only useful with its numbers in it.
    for (suffix, dispute) in texts.dispute_rights.parts() {
        problems.check(
            mentions(dispute, "$400") && mentions(dispute, "120"),
            format!("{path}.dispute_rights{suffix}"),
            || "must state the $400 threshold and the 120 days".into(),
        );
    }
}

fn validate_products(products: &[Product], problems: &mut Problems) {
    problems.check(!products.is_empty(), "products", || {
        "must list at least one product".into()
    });
    let mut ids = Seen::new();
    for (i, product) in products.iter().enumerate() {
        let path = format!("products[{i}]");
        key(problems, &format!("{path}.id"), &product.id, &mut ids);
        non_empty(problems, &format!("{path}.label"), &product.label);
        problems.check(is_hcpcs(&product.hcpcs), format!("{path}.hcpcs"), || {
            format!("must be a HCPCS code like Q4206, got \"{}\"", product.hcpcs)
        });
        price(
            problems,
            &format!("{path}.price_cents"),
            product.price_cents,
        );
    }
}

fn validate_discounts(book: &PriceBookDocument, problems: &mut Problems) {
    if let Some(prompt_pay) = &book.discounts.prompt_pay {
        non_empty(problems, "discounts.prompt_pay.label", &prompt_pay.label);
        rate(
            problems,
            "discounts.prompt_pay.percent_off_bp",
            prompt_pay.percent_off_bp,
        );
    }
    match &book.discounts.multi_injection {
        None => {}
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            label,
            from_injection,
            percent_off_bp,
        }) => {
            non_empty(problems, "discounts.multi_injection.label", label);
            rate(
                problems,
                "discounts.multi_injection.percent_off_bp",
                *percent_off_bp,
            );
            let max = book.limits.max_injections;
            problems.check(
                (2..=max.max(2)).contains(from_injection),
                "discounts.multi_injection.from_injection",
                || format!("must be 2 to {}, got {from_injection}", max.max(2)),
            );
        }
        Some(MultiInjectionDiscount::PackagePrices { label, packages }) => {
            non_empty(problems, "discounts.multi_injection.label", label);
            validate_packages(book, packages, problems);
        }
    }
}

/// Packages must name a product and a count, cost less than the vials bought one by one, and never
/// make more injections cost less than fewer (the estimate is monotone in the count).
fn validate_packages(book: &PriceBookDocument, packages: &[Package], problems: &mut Problems) {
    let mut seen = Seen::new();
    let max = book.limits.max_injections;
    for (i, package) in packages.iter().enumerate() {
        let path = format!("discounts.multi_injection.packages[{i}]");
        let Some(product) = book.products.iter().find(|p| p.id == package.product) else {
            problems.add(
                format!("{path}.product"),
                format!("no product has the id \"{}\"", package.product),
            );
            continue;
        };
        let count = package.injections;
        if !(2..=max).contains(&count) {
            problems.add(
                format!("{path}.injections"),
                format!("must be 2 to {max}, got {count}"),
            );
            continue;
        }
        problems.check(
            seen.insert((&package.product, count)),
            format!("{path}.injections"),
            || format!("{} already has a package for {count}", package.product),
        );
        price(
            problems,
            &format!("{path}.price_cents"),
            package.price_cents,
        );
        let one_by_one = product
            .price_cents
            .checked_mul(i64::from(count))
            .unwrap_or(Cents::new(i64::MAX));
        problems.check(
            package.price_cents <= one_by_one,
            format!("{path}.price_cents"),
            || {
                format!(
                    "must not exceed {count} vials at the single price ({one_by_one}), got {}",
                    package.price_cents
                )
            },
        );
        let fewer = product_cost(product, packages, count - 1);
        problems.check(
            package.price_cents >= fewer,
            format!("{path}.price_cents"),
            || {
                format!(
                    "must not be less than {} injection(s) cost ({fewer}), got {}",
                    count - 1,
                    package.price_cents
                )
            },
        );
        if count < max {
            let more = product_cost(product, packages, count + 1);
            problems.check(
                more >= package.price_cents,
                format!("{path}.price_cents"),
                || {
                    format!(
                        "{} injections would cost less ({more}) than this package ({})",
                        count + 1,
                        package.price_cents
                    )
                },
            );
        }
    }
}

/// What `count` vials of `product` cost under `packages`: the package price if there is one, else
/// the single price times the count.
pub(crate) fn product_cost(product: &Product, packages: &[Package], count: u32) -> Cents {
    packages
        .iter()
        .find(|p| p.product == product.id && p.injections == count)
        .map(|p| p.price_cents)
        .unwrap_or_else(|| {
            product
                .price_cents
                .checked_mul(i64::from(count))
                .unwrap_or(Cents::new(i64::MAX))
        })
}

fn service(
    problems: &mut Problems,
    path: &str,
    service: &PricedService,
    is_code: fn(&str) -> bool,
) {
    problems.check(is_code(&service.code), format!("{path}.code"), || {
        format!("is not a valid code: \"{}\"", service.code)
    });
    non_empty(problems, &format!("{path}.label"), &service.label);
    price(
        problems,
        &format!("{path}.price_cents"),
        service.price_cents,
    );
}

fn therapy(problems: &mut Problems, path: &str, service: &TherapyService) {
    problems.check(is_cpt(&service.code), format!("{path}.code"), || {
        format!("is not a valid CPT code: \"{}\"", service.code)
    });
    non_empty(problems, &format!("{path}.label"), &service.label);
    price(
        problems,
        &format!("{path}.cash_price_cents"),
        service.cash_price_cents,
    );
    price(
        problems,
        &format!("{path}.allowed_cents"),
        service.allowed_cents,
    );
}

fn count_range(problems: &mut Problems, path: &str, range: CountRange, lowest: u32, highest: u32) {
    problems.check(range.min <= range.max, format!("{path}.max"), || {
        format!("must be >= min (got {} < {})", range.max, range.min)
    });
    problems.check(
        (lowest..=highest).contains(&range.min),
        format!("{path}.min"),
        || format!("must be {lowest} to {highest}, got {}", range.min),
    );
    problems.check(
        (lowest..=highest).contains(&range.max),
        format!("{path}.max"),
        || format!("must be {lowest} to {highest}, got {}", range.max),
    );
}

fn key<'a>(problems: &mut Problems, path: &str, id: &'a str, seen: &mut Seen<&'a str>) {
    let well_formed = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    problems.check(well_formed, path, || {
        format!("must be lowercase letters, digits and _, got \"{id}\"")
    });
    problems.check(seen.insert(id), path, || format!("\"{id}\" is used twice"));
}

/// The values seen so far, to refuse one given twice. A list, not a hash set: a price book has a
/// handful of each, and a hash set would cost the browser module a hasher.
struct Seen<T>(Vec<T>);

impl<T: PartialEq> Seen<T> {
    fn new() -> Seen<T> {
        Seen(Vec::new())
    }

    /// True if `value` is new (as `HashSet::insert`).
    fn insert(&mut self, value: T) -> bool {
        let new = !self.0.contains(&value);
        if new {
            self.0.push(value);
        }
        new
    }
}

/// Whether `text` contains `words` (as `str::contains`, without the substring searcher's code).
fn mentions(text: &str, words: &str) -> bool {
    text.as_bytes()
        .windows(words.len())
        .any(|window| window == words.as_bytes())
}

fn non_empty(problems: &mut Problems, path: &str, text: &(impl Written + ?Sized)) {
    for (suffix, part) in text.parts() {
        problems.check(!part.trim().is_empty(), format!("{path}{suffix}"), || {
            "must not be empty".into()
        });
    }
}

/// A field a person writes: plain text, or a [`Text`] in English and maybe Spanish, each of which
/// must say something. `parts` gives each with the suffix of its path (`""`, `".es"`).
trait Written {
    fn parts(&self) -> Vec<(&'static str, &str)>;
}

impl Written for str {
    fn parts(&self) -> Vec<(&'static str, &str)> {
        vec![("", self)]
    }
}

impl Written for String {
    fn parts(&self) -> Vec<(&'static str, &str)> {
        vec![("", self)]
    }
}

impl Written for Text {
    fn parts(&self) -> Vec<(&'static str, &str)> {
        match &self.es {
            None => vec![("", &self.en)],
            Some(spanish) => vec![("", &self.en), (".es", spanish)],
        }
    }
}

fn price(problems: &mut Problems, path: &str, amount: Cents) {
    problems.check((Cents::ZERO..=MAX_PRICE).contains(&amount), path, || {
        format!(
            "must be 0 to {} cents, got {}",
            MAX_PRICE.get(),
            amount.get()
        )
    });
}

fn rate(problems: &mut Problems, path: &str, rate: BasisPoints) {
    problems.check(rate <= BasisPoints::WHOLE, path, || {
        format!("must be 0 to 10000 (100%), got {}", rate.get())
    });
}

/// Financing plans: unique ids, a term the payment arithmetic is proven for, an APR up to
/// [`MAX_APR`], and amounts in the price range.
fn validate_financing(book: &PriceBookDocument, problems: &mut Problems) {
    let Some(financing) = &book.financing else {
        return;
    };
    non_empty(problems, "financing.disclaimer", &financing.disclaimer);
    let mut ids = Seen::new();
    for (i, plan) in financing.plans.iter().enumerate() {
        let path = format!("financing.plans[{i}]");
        key(problems, &format!("{path}.id"), &plan.id, &mut ids);
        non_empty(problems, &format!("{path}.label"), &plan.label);
        let months = plan.months;
        problems.check(
            (1..=MAX_FINANCING_MONTHS).contains(&months),
            format!("{path}.months"),
            || format!("must be 1 to {MAX_FINANCING_MONTHS}, got {months}"),
        );
        let apr = plan.apr_bp;
        problems.check(apr <= MAX_APR, format!("{path}.apr_bp"), || {
            format!(
                "must be 0 to {} ({MAX_APR}), got {}",
                MAX_APR.get(),
                apr.get()
            )
        });
        price(
            problems,
            &format!("{path}.min_purchase_cents"),
            plan.min_purchase_cents,
        );
        price(
            problems,
            &format!("{path}.min_payment_cents"),
            plan.min_payment_cents,
        );
    }
}

/// CPT: four digits then a digit, or F/T for category II/III codes (`20550`, `0232T`).
fn is_cpt(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4].is_ascii_digit() || b[4] == b'F' || b[4] == b'T')
}

/// HCPCS level II: a capital letter and four digits (`L4361`, `Q4206`).
fn is_hcpcs(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

/// ICD-10-CM: a letter, a digit, a digit or letter, then optionally a point and 1 to 4 digits or
/// letters (`M72.2`, `M76.62`, `M19.071`).
fn is_icd10(code: &str) -> bool {
    let (category, detail) = code.split_once('.').unwrap_or((code, ""));
    let c = category.as_bytes();
    let alnum = |b: &u8| b.is_ascii_digit() || b.is_ascii_uppercase();
    c.len() == 3
        && c[0].is_ascii_uppercase()
        && c[1].is_ascii_digit()
        && alnum(&c[2])
        && (!code.contains('.') || (1..=4).contains(&detail.len()))
        && detail.as_bytes().iter().all(alnum)
}

/// `78701` or `78701-1234`.
fn is_zip(zip: &str) -> bool {
    let (five, plus_four) = zip.split_once('-').unwrap_or((zip, "0000"));
    five.len() == 5
        && plus_four.len() == 4
        && five
            .bytes()
            .chain(plus_four.bytes())
            .all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert!(is_cpt("20550") && is_cpt("0232T") && !is_cpt("2055") && !is_cpt("L4361"));
        assert!(is_hcpcs("L4361") && is_hcpcs("Q4206") && !is_hcpcs("20550") && !is_hcpcs("q4206"));
        assert!(is_icd10("M72.2") && is_icd10("M19.071") && is_icd10("M24.271"));
        assert!(
            !is_icd10("M72.") && !is_icd10("72.2") && !is_icd10("M72.22222") && !is_icd10("m72.2")
        );
        assert!(is_zip("78701") && is_zip("78701-1234") && !is_zip("7870") && !is_zip("78701-12"));
    }
}
