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
#[cfg(staff)]
use super::identifiers::{is_state, is_valid_tin, is_zip, npi_problem};
use super::schema::{Codes, Declared, Rule};
#[cfg(staff)]
use crate::calendar::Date;
use crate::error::{excerpt, it_is, Problems};
use crate::language::Text;
use crate::money::{has_ascii, split_at_ascii, BasisPoints, Cents};

/// The highest price of any one item: $1,000,000.00. With the count limits below, no total can
/// come near `i64` overflow.
pub const MAX_PRICE: Cents = Cents::new(100_000_000);
/// The most injections any price book may allow.
pub const MAX_INJECTIONS_LIMIT: u32 = 10;
/// The most physical therapy sessions any price book may allow.
pub const MAX_PT_SESSIONS_LIMIT: u32 = 100;
/// The most billing units one product may be (`products[].billing_units.per_product`): 1,000 is
/// a 10 mL vial billed per 0.01 cc, or 1,000 sq cm of tissue, far beyond any one injection's.
pub const MAX_BILLING_UNITS: u32 = 1_000;
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

/// Checks every rule, recording each broken one in `problems`: first each field's own, as its
/// declaration in `document.rs` says ([`Check`]), in the order of the book; then the rules that
/// compare fields with each other.
pub(super) fn validate(book: &PriceBookDocument, problems: &mut Problems) {
    book.check("", &mut Context::default(), problems);

    let mut fee_codes = Seen::new();
    for (path, fee) in items(field!(book.administration_fees)) {
        let (code_path, code) = field!(path / fee.code);
        problems.check(fee_codes.insert(code.as_str()), code_path, || {
            format!("must be unique: {} has a fee already", excerpt(code))
        });
    }
    // One cap per state: the bill check shows the clinic's state's, and two would be two answers.
    #[cfg(staff)]
    {
        let mut states = Seen::new();
        for (path, cap) in items(field!(book.state_bill_caps)) {
            let (state_path, state) = field!(path / cap.state);
            problems.check(
                states.insert(state.to_ascii_uppercase()),
                state_path,
                || format!("must be unique: {} has a cap already", excerpt(state)),
            );
        }
    }
    validate_conditions(book, problems);
    #[cfg(staff)]
    validate_good_faith_estimate(field!(book.good_faith_estimate), problems);
    validate_discounts(book, problems);
    let (path, right) = field!(book.disclaimers.good_faith_estimate_right);
    if let Some(right) = right {
        // The notice is there to say what a patient can do: dispute a bill $400 or more above it.
        for (suffix, text) in parts(right) {
            problems.check(mentions(text, "$400"), format!("{path}{suffix}"), || {
                "must state the $400 dispute threshold".into()
            });
        }
    }
}

fn validate_conditions(book: &PriceBookDocument, problems: &mut Problems) {
    for (at, condition) in items(field!(book.conditions)) {
        let (path, code) = field!(at / condition.procedure_code);
        // A code that is not CPT has its own problem (its declaration's rule).
        if (CPT.is)(code) && !book.administration_fees.iter().any(|fee| &fee.code == code) {
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

#[cfg(staff)]
fn validate_good_faith_estimate(
    (at, texts): At<'_, &str, GoodFaithEstimateTexts>,
    problems: &mut Problems,
) {
    // The dispute right is only useful with its numbers in it.
    let (path, dispute_rights) = field!(at / texts.dispute_rights);
    for (suffix, dispute) in parts(dispute_rights) {
        problems.check(
            mentions(dispute, "$400") && mentions(dispute, "120"),
            format!("{path}{suffix}"),
            || "must state the $400 threshold and the 120 days".into(),
        );
    }
}

fn validate_discounts(book: &PriceBookDocument, problems: &mut Problems) {
    let (at, multi_injection) = field!(book.discounts.multi_injection);
    match multi_injection {
        None => {}
        Some(MultiInjectionDiscount::LaterInjectionsPercentOff { from_injection, .. }) => {
            let max = limit(problems, field!(book.limits.max_injections));
            let (path, from_injection) = field!(at / from_injection);
            problems.check((2..=max.max(2)).contains(from_injection), path, || {
                format!("must be 2 to {}; it is {from_injection}", max.max(2))
            });
        }
        Some(MultiInjectionDiscount::PackagePrices { packages, .. }) => {
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
    let Some((local, domain)) = split_at_ascii(text, b'@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && !has_ascii(domain, b'@')
        && has_ascii(domain, b'.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !mentions(domain, "..")
        && !text.chars().any(char::is_whitespace)
}

/// Whether `text` contains `words` (as `str::contains`, without the substring searcher's code).
fn mentions(text: &str, words: &str) -> bool {
    text.as_bytes()
        .windows(words.len())
        .any(|window| window == words.as_bytes())
}

/// A text a person writes: it must say something, and print as it reads ([`Problems::printable`]).
fn non_empty(problems: &mut Problems, path: String, text: &str) {
    problems.printable(&path, text);
    problems.check(!text.trim().is_empty(), path, || "must not be empty".into());
}

/// A [`Text`]'s English and, if it has one, Spanish, each with the suffix of its path (`""`,
/// `".es"`): each is written, and must say something.
fn parts(text: &Text) -> Vec<(&'static str, &str)> {
    match &text.es {
        None => vec![("", &text.en)],
        Some(spanish) => vec![("", &text.en), (".es", spanish)],
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

const CPT_OR_HCPCS: Code = Code {
    is: |code| is_cpt(code) || is_hcpcs(code),
    must_be: "must be a CPT code (5 characters, like 20550) or a HCPCS code (a capital letter and \
              4 digits, like L4361)",
};

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

#[cfg(staff)]
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

/// The rule of a field of a type whose declaration gives none: a text must be written, an amount
/// a price, a rate at most 100 %. (Apart from [`Check`], which is called through `dyn`: one copy of
/// each check in the module, not one per type.)
pub(crate) trait Rules {
    /// The rule.
    const RULE: Rule;
    /// Whether it holds fields or items with rules of their own (a group, a list, an option of
    /// one), so that it is checked even where its field's rule is none.
    const NESTED: bool = false;
}

/// A part of the book that checks itself by its declaration: a struct declared with
/// `book_struct!` checks each of its fields in order ([`check_field`]), each with the rule its
/// declaration gives (or its type's own, [`Rules::RULE`]); a value checks itself by the rule its
/// field's declaration put in `context`.
pub(crate) trait Check {
    /// Records each of `self`'s problems at `at` (or at its fields' paths under it).
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        let _ = (at, context, problems);
    }

    /// Its text, when it is one: what an id's uniqueness compares.
    fn id(&self) -> Option<&str> {
        None
    }
}

/// What a value is checked by: its field's rule, the kind of code a code in it takes, what an item
/// of it is called, and the ids its items have had so far (for a list).
pub(crate) struct Context<'a> {
    rule: Rule,
    codes: Codes,
    noun: &'static str,
    ids: Seen<&'a str>,
}

impl Default for Context<'_> {
    /// The whole book's: no rule of its own, and a code not said otherwise is CPT or HCPCS.
    fn default() -> Self {
        Context {
            rule: Rule::None,
            codes: Codes::CptOrHcpcs,
            noun: "",
            ids: Seen::new(),
        }
    }
}

/// Checks `value`, the field `key` of the group at `at` (whose context is `parent`), by its
/// declaration; an id is checked for being unique among its list's too.
#[inline(never)]
pub(crate) fn check_field<'a>(
    value: &'a dyn Check,
    at: &str,
    key: &str,
    declared: u32,
    noun: &'static str,
    parent: &mut Context<'a>,
    problems: &mut Problems,
) {
    let path = match at {
        "" => key.to_owned(),
        _ => format!("{at}.{key}"),
    };
    let (rule, codes) = Declared::unpack(declared);
    let rule = match rule {
        Rule::Code(Codes::Declared) => Rule::Code(parent.codes),
        rule => rule,
    };
    let codes = match codes {
        Codes::Declared => parent.codes,
        codes => codes,
    };
    let mut context = Context {
        rule,
        codes,
        noun,
        ids: Seen::new(),
    };
    value.check(&path, &mut context, problems);
    if let (Rule::Id, Some(id)) = (rule, value.id()) {
        problems.check(parent.ids.insert(id), path, || {
            format!("must be unique: \"{}\" is used twice", excerpt(id))
        });
    }
}

impl Rules for String {
    const RULE: Rule = Rule::None;
}

impl Check for String {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        let text = self.as_str();
        match context.rule {
            Rule::Written => non_empty(problems, at.to_owned(), text),
            Rule::Id => {
                let well_formed = !text.is_empty()
                    && text
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                problems.check(well_formed, at, || {
                    format!(
                        "must be lowercase letters, digits and _ only; {}",
                        it_is(text)
                    )
                });
            }
            Rule::Code(codes) => {
                let kind = match codes {
                    Codes::Cpt => CPT,
                    Codes::Hcpcs => HCPCS,
                    Codes::CptOrHcpcs | Codes::Declared => CPT_OR_HCPCS,
                };
                problems.check((kind.is)(text), at, || {
                    format!("{}; {}", kind.must_be, it_is(text))
                });
            }
            Rule::Email => {
                problems.printable(at, text);
                problems.check(is_email(text), at, || {
                    format!(
                        "must be an email address like billing@clinic.example; {}",
                        it_is(text)
                    )
                });
            }
            #[cfg(staff)]
            Rule::Date => {
                if let Err(reason) = Date::parse(text) {
                    problems.add(at, reason);
                }
            }
            #[cfg(staff)]
            Rule::Icd10 => problems.check(is_icd10(text), at, || {
                format!("must be an ICD-10-CM code like M72.2; {}", it_is(text))
            }),
            #[cfg(staff)]
            Rule::Npi => {
                if let Some(reason) = npi_problem(text) {
                    problems.add(at, reason);
                }
            }
            #[cfg(staff)]
            Rule::Tin => problems.check(is_valid_tin(text), at, || {
                format!("must be 9 digits, with no dash or space; {}", it_is(text))
            }),
            #[cfg(staff)]
            Rule::State => problems.check(is_state(text), at, || {
                format!("must be a two-letter state code like TX; {}", it_is(text))
            }),
            #[cfg(staff)]
            Rule::Zip => problems.check(is_zip(text), at, || {
                format!(
                    "must be a ZIP code like 78701 or 78701-1234; {}",
                    it_is(text)
                )
            }),
            _ => {}
        }
    }

    fn id(&self) -> Option<&str> {
        Some(self)
    }
}

impl Rules for Text {
    const RULE: Rule = Rule::Written;
}

impl Check for Text {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        if matches!(context.rule, Rule::Written) {
            for (suffix, part) in parts(self) {
                non_empty(problems, format!("{at}{suffix}"), part);
            }
        }
    }
}

impl Rules for Cents {
    const RULE: Rule = Rule::Price;
}

impl Check for Cents {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        if matches!(context.rule, Rule::Price) {
            price(problems, (at, self));
        }
    }
}

impl Rules for BasisPoints {
    const RULE: Rule = Rule::Rate(BasisPoints::WHOLE.get());
}

impl Check for BasisPoints {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        if let Rule::Rate(most) = context.rule {
            let most = BasisPoints::new(most);
            problems.check(*self <= most, at, || {
                format!("must be 0% to {most}; it is {self}")
            });
        }
    }
}

impl Rules for u32 {
    const RULE: Rule = Rule::None;
}

impl Check for u32 {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        if let Rule::Count {
            lowest,
            highest,
            unit,
        } = context.rule
        {
            problems.check((lowest..=highest).contains(self), at, || {
                format!(
                    "must be {lowest} to {highest}{}; it is {self}",
                    unit.words()
                )
            });
        }
    }
}

impl Rules for bool {
    const RULE: Rule = Rule::None;
}

impl Check for bool {}

impl Rules for crate::language::Gender {
    const RULE: Rule = Rule::None;
}

impl Check for crate::language::Gender {}

impl Rules for crate::money::Locale {
    const RULE: Rule = Rule::None;
}

impl Check for crate::money::Locale {}

/// Present, it is checked as its field says; absent, it has nothing to check.
impl<T: Rules> Rules for Option<T> {
    const RULE: Rule = T::RULE;
    const NESTED: bool = T::NESTED;
}

impl<T: Check> Check for Option<T> {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        if let Some(value) = self {
            value.check(at, context, problems);
        }
    }
}

/// Each item by its type's own rule, in the list's context (its ids, its codes).
impl<T> Rules for Vec<T> {
    const RULE: Rule = Rule::None;
    const NESTED: bool = true;
}

impl<T: Check + Rules> Check for Vec<T> {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        let mut items = self.iter().map(|item| item as &'a dyn Check);
        check_items(&mut items, T::RULE, at, context, problems);
    }
}

/// A list's check: at least one item if its field says so, then each item by `rule` (its type's
/// own), in the list's context (its ids, its codes).
#[inline(never)]
fn check_items(
    items: &mut dyn Iterator<Item = &dyn Check>,
    rule: Rule,
    at: &str,
    context: &mut Context<'_>,
    problems: &mut Problems,
) {
    let mut list = Context {
        rule,
        codes: context.codes,
        noun: "",
        ids: Seen::new(),
    };
    let mut count = 0;
    for (i, item) in items.enumerate() {
        item.check(&format!("{at}[{i}]"), &mut list, problems);
        count += 1;
    }
    if matches!(context.rule, Rule::AtLeastOne) {
        let noun = context.noun;
        problems.check(count > 0, at, || format!("must list at least one {noun}"));
    }
}

/// Its name and its percent, or its packages; the rest is `validate_discounts`'s.
impl Rules for MultiInjectionDiscount {
    const RULE: Rule = Rule::None;
    const NESTED: bool = true;
}

impl Check for MultiInjectionDiscount {
    fn check<'a>(&'a self, at: &str, context: &mut Context<'a>, problems: &mut Problems) {
        const fn own(rule: Rule) -> u32 {
            Declared {
                rule: Some(rule),
                codes: Codes::Declared,
                noun: "",
            }
            .pack()
        }
        const LABEL: u32 = own(Text::RULE);
        const PERCENT: u32 = own(BasisPoints::RULE);
        const PACKAGES: u32 = own(Rule::None);
        match self {
            MultiInjectionDiscount::LaterInjectionsPercentOff {
                label,
                percent_off_bp,
                ..
            } => {
                check_field(label, at, "label", LABEL, "", context, problems);
                check_field(
                    percent_off_bp,
                    at,
                    "percent_off_bp",
                    PERCENT,
                    "",
                    context,
                    problems,
                );
            }
            MultiInjectionDiscount::PackagePrices { label, packages } => {
                check_field(label, at, "label", LABEL, "", context, problems);
                check_field(packages, at, "packages", PACKAGES, "", context, problems);
            }
        }
    }
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
