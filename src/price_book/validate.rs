//! The rules a price book must follow before any estimate is made from it.
//!
//! Every rule records a problem at the field's JSON path and goes on, so a clinic's web admin sees
//! every error at once. Each problem is in plain words that read after the field's label, in the
//! units a person types: dollars and percents, never cents or basis points (`must be $0.00 to
//! $1,000,000.00; it is -$165.00`), ending with what was found (`; it is "Texas"`) where that helps.
//! The price-book editor shows them under its fields, and `check-price-book` after their paths.
//!
//! The rules on the parts only quotes and Good Faith Estimates show (the fields `document.rs` marks
//! `= staff`) are not in the visitor's module, which does not read those parts either: it checks
//! everything it shows, and nothing else (DESIGN.md, "What the visitor's module checks of a price
//! book"). Those rules run in the staff module and natively, in the same order as ever.

use std::fmt::Display;

use super::document::*;
#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
use super::identifiers::{is_valid_tin, npi_problem};
#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
use crate::calendar::Date;
use crate::error::{excerpt, it_is, Problems};
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

/// A field and its JSON path, written from the field access itself (here and in `warnings.rs`): `field!(book.clinic.npi)` is
/// `("clinic.npi", &book.clinic.npi)`, and `field!(at / condition.label)` is
/// `(format!("{at}.label"), &condition.label)`, for a `condition` found at the path `at`;
/// `field!(at / label)` does the same for a reference bound by destructuring, which has its
/// field's name. The root variable is not part of the path. So a path cannot drift from its field: renaming
/// a field renames its path, and a path to a field that does not exist does not compile.
macro_rules! field {
    ($at:ident / $name:ident) => {
        (format!(concat!("{}.", stringify!($name)), $at), $name)
    };
    ($at:ident / $root:ident . $first:ident $(. $rest:ident)*) => {
        (
            format!(concat!("{}.", stringify!($first) $(, ".", stringify!($rest))*), $at),
            &$root.$first $(.$rest)*,
        )
    };
    ($root:ident . $first:ident $(. $rest:ident)*) => {
        (
            concat!(stringify!($first) $(, ".", stringify!($rest))*),
            &$root.$first $(.$rest)*,
        )
    };
}

/// A field's path and a reference to its value, as [`field!`] gives them.
pub(super) type At<'a, P, T> = (P, &'a T);

/// Each item of a list field with its path: `conditions[0]`, `conditions[1]`, ...
pub(super) fn items<'a, T>(
    (path, list): At<'a, impl Display, Vec<T>>,
) -> impl Iterator<Item = (String, &'a T)> {
    list.iter()
        .enumerate()
        .map(move |(i, item)| (format!("{path}[{i}]"), item))
}

/// Checks every rule, recording each broken one in `problems`.
pub(super) fn validate(book: &PriceBookDocument, problems: &mut Problems) {
    non_empty(problems, field!(book.version));
    #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
    {
        let (path, date) = field!(book.effective_date);
        if let Err(reason) = Date::parse(date) {
            problems.add(path, reason);
        }
    }
    validate_clinic(book, problems);
    validate_limits(book, problems);
    validate_conditions(book, problems);
    validate_products(book, problems);

    let mut fee_codes = Seen::new();
    for (path, fee) in items(field!(book.administration_fees)) {
        service(problems, (&path, fee), CPT);
        let (code_path, code) = field!(path / fee.code);
        problems.check(fee_codes.insert(code.as_str()), code_path, || {
            format!("must be unique: {} has a fee already", excerpt(code))
        });
    }
    service(problems, field!(book.ultrasound_guidance), CPT);
    service(problems, field!(book.visits.consultation), CPT);
    service(problems, field!(book.walking_boot), HCPCS);
    #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
    validate_extras(book, problems);
    #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
    validate_good_faith_estimate(field!(book.good_faith_estimate), problems);
    therapy(problems, field!(book.physical_therapy.evaluation));
    therapy(problems, field!(book.physical_therapy.session));
    #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
    validate_therapy_partners(book, problems);
    validate_discounts(book, problems);

    non_empty(problems, field!(book.disclaimers.self_pay));
    non_empty(problems, field!(book.disclaimers.estimate_only));
    non_empty(problems, field!(book.disclaimers.not_included));
    non_empty(problems, field!(book.disclaimers.insurance));
    let (path, right) = field!(book.disclaimers.good_faith_estimate_right);
    if let Some(right) = right {
        non_empty(problems, (path, right));
        // The notice is there to say what a patient can do: dispute a bill $400 or more above it.
        for (suffix, text) in right.parts() {
            problems.check(mentions(text, "$400"), format!("{path}{suffix}"), || {
                "must state the $400 dispute threshold".into()
            });
        }
    }
    validate_financing(book, problems);
}

fn validate_clinic(book: &PriceBookDocument, problems: &mut Problems) {
    non_empty(problems, field!(book.clinic.name));
    non_empty(problems, field!(book.clinic.phone));
    let (path, email) = field!(book.clinic.email);
    if let Some(email) = email {
        problems.printable(path, email);
        problems.check(is_email(email), path, || {
            format!(
                "must be an email address like billing@clinic.example; {}",
                it_is(email)
            )
        });
    }
    #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
    {
        address(problems, field!(book.clinic.address));
        npi(problems, field!(book.clinic.npi));
        tin(problems, field!(book.clinic.tin));
    }
}

/// Therapy partners: unique ids, and each named, placed and priced by the clinic's own rules.
#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn validate_therapy_partners(book: &PriceBookDocument, problems: &mut Problems) {
    let mut ids = Seen::new();
    for (at, partner) in items(field!(book.therapy_partners)) {
        key(problems, field!(at / partner.id), &mut ids);
        non_empty(problems, field!(at / partner.name));
        address(problems, field!(at / partner.address));
        npi(problems, field!(at / partner.npi));
        tin(problems, field!(at / partner.tin));
        therapy(problems, field!(at / partner.physical_therapy.evaluation));
        therapy(problems, field!(at / partner.physical_therapy.session));
    }
}

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn address(problems: &mut Problems, (at, address): At<'_, impl Display, Address>) {
    non_empty(problems, field!(at / address.street));
    non_empty(problems, field!(at / address.city));
    let (path, state) = field!(at / address.state);
    problems.check(
        state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase()),
        path,
        || format!("must be a two-letter state code like TX; {}", it_is(state)),
    );
    let (path, zip) = field!(at / address.zip);
    problems.check(is_zip(zip), path, || {
        format!(
            "must be a ZIP code like 78701 or 78701-1234; {}",
            it_is(zip)
        )
    });
}

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn npi(problems: &mut Problems, (path, npi): At<'_, impl Display, String>) {
    if let Some(reason) = npi_problem(npi) {
        problems.add(path.to_string(), reason);
    }
}

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn tin(problems: &mut Problems, (path, tin): At<'_, impl Display, String>) {
    problems.check(is_valid_tin(tin), path.to_string(), || {
        format!("must be 9 digits, with no dash or space; {}", it_is(tin))
    });
}

fn validate_limits(book: &PriceBookDocument, problems: &mut Problems) {
    let (path, &injections) = field!(book.limits.max_injections);
    problems.check(
        (1..=MAX_INJECTIONS_LIMIT).contains(&injections),
        path,
        || format!("must be 1 to {MAX_INJECTIONS_LIMIT}; it is {injections}"),
    );
    let (path, &sessions) = field!(book.limits.max_pt_sessions);
    problems.check(sessions <= MAX_PT_SESSIONS_LIMIT, path, || {
        format!("must be 0 to {MAX_PT_SESSIONS_LIMIT}; it is {sessions}")
    });
}

fn validate_conditions(book: &PriceBookDocument, problems: &mut Problems) {
    let (path, conditions) = field!(book.conditions);
    problems.check(!conditions.is_empty(), path, || {
        "must list at least one condition".into()
    });
    let mut ids = Seen::new();
    for (at, condition) in items(field!(book.conditions)) {
        key(problems, field!(at / condition.id), &mut ids);
        non_empty(problems, field!(at / condition.label));
        #[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
        for (path, code) in [
            field!(at / condition.icd10.left),
            field!(at / condition.icd10.right),
        ] {
            problems.check(is_icd10(code), path, || {
                format!("must be an ICD-10-CM code like M72.2; {}", it_is(code))
            });
        }
        let (path, code) = field!(at / condition.procedure_code);
        if !(CPT.is)(code) {
            problems.add(path, format!("{}; {}", CPT.must_be, it_is(code)));
        } else if !book.administration_fees.iter().any(|fee| &fee.code == code) {
            // Not when the fees could not be read: the code's fee may be among them.
            let fees = field!(book.administration_fees).0;
            if !problems.refused(fees) {
                let code = excerpt(code);
                problems.add(
                    path,
                    format!("must be one of the injection fees (`administration_fees`): there is none for {code}"),
                );
            }
        }
        let (path, &separately) = field!(at / condition.ultrasound_billed_separately);
        if separately && CODES_INCLUDING_ULTRASOUND.contains(&code.as_str()) {
            problems.add(
                path,
                format!(
                    "must be false: {} already includes ultrasound guidance",
                    excerpt(code)
                ),
            );
        }
        count_range(
            problems,
            field!(at / condition.typical_injections),
            1,
            limit(problems, field!(book.limits.max_injections)),
        );
        count_range(
            problems,
            field!(at / condition.typical_pt_sessions),
            0,
            limit(problems, field!(book.limits.max_pt_sessions)),
        );
    }
}

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn validate_extras(book: &PriceBookDocument, problems: &mut Problems) {
    let mut ids = Seen::new();
    for (at, extra) in items(field!(book.extras)) {
        key(problems, field!(at / extra.id), &mut ids);
        let (path, code) = field!(at / extra.code);
        problems.check(is_cpt(code) || is_hcpcs(code), path, || {
            format!(
                "must be a CPT code (5 characters, like 20550) or a HCPCS code (a capital letter \
                 and 4 digits, like L4361); {}",
                it_is(code)
            )
        });
        non_empty(problems, field!(at / extra.label));
        price(problems, field!(at / extra.price_cents));
    }
}

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
fn validate_good_faith_estimate(
    (at, texts): At<'_, &str, GoodFaithEstimateTexts>,
    problems: &mut Problems,
) {
    let (path, &days) = field!(at / texts.valid_days);
    problems.check((1..=365).contains(&days), path, || {
        format!("must be 1 to 365 days; it is {days}")
    });
    for (path, text) in items(field!(at / texts.separately_scheduled)) {
        non_empty(problems, (path, text));
    }
    non_empty(problems, field!(at / texts.other_services));
    non_empty(problems, field!(at / texts.actual_charges_may_differ));
    non_empty(problems, field!(at / texts.dispute_rights));
    non_empty(problems, field!(at / texts.not_a_contract));
    if let (path, Some(quality)) = field!(at / texts.quality_of_care) {
        non_empty(problems, (path, quality));
    }
    non_empty(problems, field!(at / texts.insured_filing_claim));
    non_empty(problems, field!(at / texts.federal_program));
    // The dispute right is only useful with its numbers in it.
    let (path, dispute_rights) = field!(at / texts.dispute_rights);
    for (suffix, dispute) in dispute_rights.parts() {
        problems.check(
            mentions(dispute, "$400") && mentions(dispute, "120"),
            format!("{path}{suffix}"),
            || "must state the $400 threshold and the 120 days".into(),
        );
    }
}

fn validate_products(book: &PriceBookDocument, problems: &mut Problems) {
    let (path, products) = field!(book.products);
    problems.check(!products.is_empty(), path, || {
        "must list at least one product".into()
    });
    let mut ids = Seen::new();
    for (at, product) in items(field!(book.products)) {
        key(problems, field!(at / product.id), &mut ids);
        non_empty(problems, field!(at / product.label));
        let (path, hcpcs) = field!(at / product.hcpcs);
        problems.check((HCPCS.is)(hcpcs), path, || {
            format!("{}; {}", HCPCS.must_be, it_is(hcpcs))
        });
        price(problems, field!(at / product.price_cents));
    }
}

fn validate_discounts(book: &PriceBookDocument, problems: &mut Problems) {
    let (at, prompt_pay) = field!(book.discounts.prompt_pay);
    if let Some(prompt_pay) = prompt_pay {
        non_empty(problems, field!(at / prompt_pay.label));
        rate(problems, field!(at / prompt_pay.percent_off_bp));
    }
    let (at, multi_injection) = field!(book.discounts.multi_injection);
    match multi_injection {
        None => {}
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff {
            label,
            from_injection,
            percent_off_bp,
        }) => {
            non_empty(problems, field!(at / label));
            rate(problems, field!(at / percent_off_bp));
            let max = limit(problems, field!(book.limits.max_injections));
            let (path, from_injection) = field!(at / from_injection);
            problems.check((2..=max.max(2)).contains(from_injection), path, || {
                format!("must be 2 to {}; it is {from_injection}", max.max(2))
            });
        }
        Some(MultiInjectionDiscount::PackagePrices { label, packages }) => {
            non_empty(problems, field!(at / label));
            validate_packages(book, field!(at / packages), problems);
        }
    }
}

/// Packages must name a product and a count, cost less than the vials bought one by one, and never
/// make more injections cost less than fewer (the estimate is monotone in the count).
fn validate_packages(
    book: &PriceBookDocument,
    (path, list): At<'_, String, Vec<Package>>,
    problems: &mut Problems,
) {
    // Each package is compared with its product and the injection limit: not when the reader
    // refused those, as the comparison would be with defaults.
    let products = field!(book.products).0;
    if problems.refused(products) || problems.refused(field!(book.limits.max_injections).0) {
        return;
    }
    let mut seen = Seen::new();
    let max = book.limits.max_injections;
    for (at, package) in items((&path, list)) {
        let Some(product) = book.products.iter().find(|p| p.id == package.product) else {
            let (path, id) = field!(at / package.product);
            problems.add(
                path,
                format!("must be the id of one of the products; {}", it_is(id)),
            );
            continue;
        };
        let (path, &count) = field!(at / package.injections);
        if !(2..=max).contains(&count) {
            problems.add(path, format!("must be 2 to {max}; it is {count}"));
            continue;
        }
        problems.check(seen.insert((&package.product, count)), path, || {
            format!(
                "must be unique: {} has a package of {count} already",
                excerpt(&package.product)
            )
        });
        price(problems, field!(at / package.price_cents));
        let (path, &package_price) = field!(at / package.price_cents);
        let one_by_one = product
            .price_cents
            .checked_mul(i64::from(count))
            .unwrap_or(Cents::new(i64::MAX));
        problems.check(package_price <= one_by_one, &path, || {
            format!(
                "must be at most {count} vials at the single price, {one_by_one}; it is {package_price}"
            )
        });
        let fewer = product_cost(product, list, count - 1);
        problems.check(package_price >= fewer, &path, || {
            let what = match count - 1 {
                1 => "1 injection costs".to_owned(),
                n => format!("{n} injections cost"),
            };
            format!("must be at least what {what}, {fewer}; it is {package_price}")
        });
        if count < max {
            let more = product_cost(product, list, count + 1);
            problems.check(more >= package_price, &path, || {
                format!(
                    "must be at most what {} injections cost, {more}; it is {package_price}",
                    count + 1
                )
            });
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
    (at, service): At<'_, impl Display, PricedService>,
    kind: Code,
) {
    code(problems, field!(at / service.code), kind);
    non_empty(problems, field!(at / service.label));
    price(problems, field!(at / service.price_cents));
}

fn therapy(problems: &mut Problems, (at, service): At<'_, impl Display, TherapyService>) {
    code(problems, field!(at / service.code), CPT);
    non_empty(problems, field!(at / service.label));
    price(problems, field!(at / service.cash_price_cents));
    price(problems, field!(at / service.allowed_cents));
}

/// A limit other rules compare with, or no limit (`u32::MAX`) if the reader refused it: a
/// comparison with its default would report a problem that is not in the book.
fn limit(problems: &Problems, (path, &limit): At<'_, &str, u32>) -> u32 {
    match problems.refused(path) {
        true => u32::MAX,
        false => limit,
    }
}

fn count_range(
    problems: &mut Problems,
    (at, range): At<'_, impl Display, CountRange>,
    lowest: u32,
    highest: u32,
) {
    let (min_path, &min) = field!(at / range.min);
    let (max_path, &max) = field!(at / range.max);
    problems.check(min <= max, &max_path, || {
        format!("must be at least the fewest (`min`), {min}; it is {max}")
    });
    problems.check((lowest..=highest).contains(&min), min_path, || {
        format!("must be {lowest} to {highest}; it is {min}")
    });
    problems.check((lowest..=highest).contains(&max), max_path, || {
        format!("must be {lowest} to {highest}; it is {max}")
    });
}

fn key<'a>(problems: &mut Problems, (path, id): At<'a, String, String>, seen: &mut Seen<&'a str>) {
    let well_formed = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    problems.check(well_formed, &path, || {
        format!(
            "must be lowercase letters, digits and _ only; {}",
            it_is(id)
        )
    });
    problems.check(seen.insert(id), path, || {
        format!("must be unique: \"{}\" is used twice", excerpt(id))
    });
}

/// The values seen so far, to refuse one given twice: kept sorted, so each value is found by
/// binary search (log n comparisons; a list is at most 100 long, so moving the rest up on an insert
/// is a few hundred bytes of memory, and a hash or B-tree set would cost the browser module 2 KB).
struct Seen<T>(Vec<T>);

impl<T: Ord> Seen<T> {
    fn new() -> Seen<T> {
        Seen(Vec::new())
    }

    /// True if `value` is new (as `BTreeSet::insert`).
    fn insert(&mut self, value: T) -> bool {
        match self.0.binary_search(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }
}

/// Whether `text` has the shape of an email address a patient can type: one `@`, something before
/// it, a domain with a dot after it that neither starts nor ends with one, no spaces, at most 254
/// characters (RFC 5321's limit). Whether it reaches anyone is for the clinic to check.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text.chars().any(char::is_whitespace)
}

/// Whether `text` contains `words` (as `str::contains`, without the substring searcher's code).
fn mentions(text: &str, words: &str) -> bool {
    text.as_bytes()
        .windows(words.len())
        .any(|window| window == words.as_bytes())
}

/// A text a person writes: it must say something, and print as it reads ([`Problems::printable`]).
fn non_empty(problems: &mut Problems, (path, text): At<'_, impl Display, impl Written + ?Sized>) {
    for (suffix, part) in text.parts() {
        let path = format!("{path}{suffix}");
        problems.printable(&path, part);
        problems.check(!part.trim().is_empty(), path, || "must not be empty".into());
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

/// An amount, in dollars as a person types them: `must be $0.00 to $1,000,000.00; it is -$165.00`.
fn price(problems: &mut Problems, (path, &amount): At<'_, impl Display, Cents>) {
    problems.check(
        (Cents::ZERO..=MAX_PRICE).contains(&amount),
        path.to_string(),
        || format!("must be {} to {MAX_PRICE}; it is {amount}", Cents::ZERO),
    );
}

/// A rate, in percent: `must be 0% to 100%; it is 150%`.
fn rate(problems: &mut Problems, (path, &rate): At<'_, impl Display, BasisPoints>) {
    problems.check(rate <= BasisPoints::WHOLE, path.to_string(), || {
        format!("must be 0% to 100%; it is {rate}")
    });
}

/// Financing plans: unique ids, a term the payment arithmetic is proven for, an APR up to
/// [`MAX_APR`], and amounts in the price range.
fn validate_financing(book: &PriceBookDocument, problems: &mut Problems) {
    let (at, financing) = field!(book.financing);
    let Some(financing) = financing else {
        return;
    };
    non_empty(problems, field!(at / financing.disclaimer));
    let mut ids = Seen::new();
    for (at, plan) in items(field!(at / financing.plans)) {
        key(problems, field!(at / plan.id), &mut ids);
        non_empty(problems, field!(at / plan.label));
        let (path, &months) = field!(at / plan.months);
        problems.check((1..=MAX_FINANCING_MONTHS).contains(&months), path, || {
            format!("must be 1 to {MAX_FINANCING_MONTHS} months; it is {months}")
        });
        let (path, &apr) = field!(at / plan.apr_bp);
        problems.check(apr <= MAX_APR, path, || {
            format!("must be 0% to {MAX_APR}; it is {apr}")
        });
        price(problems, field!(at / plan.min_purchase_cents));
        price(problems, field!(at / plan.min_payment_cents));
    }
}

/// A kind of procedure or supply code: how to tell one, and what a message says it must be.
#[derive(Clone, Copy)]
struct Code {
    is: fn(&str) -> bool,
    must_be: &'static str,
}

const CPT: Code = Code {
    is: is_cpt,
    must_be: "must be a CPT code: 5 characters, like 20550",
};

const HCPCS: Code = Code {
    is: is_hcpcs,
    must_be: "must be a HCPCS code: a capital letter and 4 digits, like Q4206",
};

/// A code field: `must be a CPT code: 5 characters, like 20550; it is "2055"`.
fn code(problems: &mut Problems, (path, code): At<'_, String, String>, kind: Code) {
    problems.check((kind.is)(code), path, || {
        format!("{}; {}", kind.must_be, it_is(code))
    });
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

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
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

#[cfg(any(feature = "staff", not(target_arch = "wasm32")))]
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
