//! The clinic's price book: every price and rule, as data the clinic edits, validated on load.
//!
//! A [`PriceBookDocument`] is the JSON shape; a [`PriceBook`] is a document that passed every rule
//! in `validate.rs`. Estimates take only a `PriceBook`, so no estimate is made from bad data.
//! [`fee_schedule`] takes the book's prices out to a spreadsheet and back, as CSV; [`warnings`]
//! finds likely unit mistakes in a valid book.

mod document;
// The staff module's (the price-book editor's) and native only: its CSV parser stays out of the
// visitor's download (DESIGN.md, "The fee schedule as CSV").
#[cfg(staff)]
pub mod fee_schedule;
mod identifiers;
pub mod schema;
// First: its `field!` macro writes the paths in `warnings` too.
#[macro_use]
mod validate;
// The editor's and the checker's: the staff module's and native only.
#[cfg(staff)]
mod warnings;

pub use document::*;
pub use identifiers::{is_state, is_valid_npi, is_valid_tin, is_zip, npi_fault, npi_problem};
pub use schema::{DISCOUNT_HIGH, FEE_LOW, PRODUCT_HIGH, PRODUCT_LOW, RATE_LOW};
pub(crate) use validate::product_cost;
pub use validate::{
    MAX_APR, MAX_BILLING_UNITS, MAX_FINANCING_MONTHS, MAX_INJECTIONS_LIMIT, MAX_PRICE,
    MAX_PT_SESSIONS_LIMIT,
};
#[cfg(staff)]
pub(crate) use warnings::therapy_price_warning;
#[cfg(staff)]
pub use warnings::{sample_leftovers, warnings, Warning};
#[cfg(staff)]
pub(crate) use warnings::{therapy_price_oddity, PriceOddity};

use crate::error::Defaulted;
use crate::error::{Error, FieldError, Problems};
use crate::read::{self, Value};

/// The clinic's name and phone in a book that was refused (`error`), when its problems leave both
/// standing (none at `clinic`, `clinic.name` or `clinic.phone`) and both are short, printable
/// text: the widget's fallback can then tell visitors whom to call.
pub fn contact_in_refused(value: &Value, error: &Error) -> Option<(String, String)> {
    let touched = |field: &str| {
        error.fields().iter().any(|problem| {
            problem.path == "clinic"
                || problem
                    .path
                    .strip_prefix("clinic.")
                    .is_some_and(|rest| rest.starts_with(field))
        })
    };
    if touched("name") || touched("phone") {
        return None;
    }
    fn entry<'v>(entries: &'v [(String, Value)], key: &str) -> Option<&'v Value> {
        entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    let Value::Object(top) = value else {
        return None;
    };
    let Some(Value::Object(clinic)) = entry(top, "clinic") else {
        return None;
    };
    let text = |key: &str| match entry(clinic, key) {
        Some(Value::String(text))
            if !text.trim().is_empty()
                && text.chars().count() <= 200
                && !text.chars().any(char::is_control) =>
        {
            Some(text.clone())
        }
        _ => None,
    };
    Some((text("name")?, text("phone")?))
}

/// The sample price book built into the crate, so the widget runs with no configuration.
/// Its figures are realistic US self-pay prices, marked `"sample_data": true`.
pub const DEFAULT_PRICE_BOOK_JSON: &str = include_str!("default.json");

/// A price book that passed validation. It can only be made by [`PriceBook::new`] or the loaders
/// built on it, so holding one means every rule holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceBook(PriceBookDocument);

impl PriceBook {
    /// Validates `document`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPriceBook`] listing every broken rule with its JSON path, e.g.
    /// `conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1`.
    pub fn new(document: PriceBookDocument) -> Result<PriceBook, Error> {
        PriceBook::checked(document, Vec::new(), Defaulted::default())
    }

    /// Checks every rule on `document`, after the reader's `found` problems; a rule's problem
    /// where the reader refused a value (`defaulted`) is left out. (One copy of the rules, not inlined in both
    /// callers, to keep the browser module small.)
    #[inline(never)]
    fn checked(
        document: PriceBookDocument,
        mut found: Vec<FieldError>,
        defaulted: Defaulted,
    ) -> Result<PriceBook, Error> {
        crate::tally::count_validation();
        let mut problems = Problems::after_reading(defaulted);
        validate::validate(&document, &mut problems);
        found.extend(problems.into_fields());
        match found.is_empty() {
            true => Ok(PriceBook(document)),
            false => Err(Error::InvalidPriceBook(found)),
        }
    }

    /// Reads and validates a price book from a parsed document (JSON natively, a JS object in the
    /// browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidPriceBook`]: every type error, missing or unknown field by its path
    /// (`limits.max_injections: must be a whole number; it is the text "3"`), then every broken rule
    /// as [`PriceBook::new`] finds them, in one pass. The rules check what could be read; a rule's
    /// problem where the reader refused a value (or compared with one) is left out, as it would
    /// be about the default put in its place.
    pub fn from_value(value: &Value) -> Result<PriceBook, Error> {
        match read::read_document(value, None) {
            Ok(document) => PriceBook::new(document),
            Err(partly) => match partly.document {
                Some(document) => PriceBook::checked(document, partly.problems, partly.defaulted),
                // Not read whole (too large, or past the reader's cap): its list is enough.
                None => Err(Error::InvalidPriceBook(partly.problems)),
            },
        }
    }

    /// Reads and validates a price book from any serde source.
    ///
    /// # Errors
    ///
    /// As [`PriceBook::from_value`]; malformed input is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<PriceBook, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        let value =
            Value::parse(deserializer).map_err(|field| Error::InvalidPriceBook(vec![field]))?;
        PriceBook::from_value(&value)
    }

    /// Reads and validates a price book from JSON text.
    ///
    /// # Errors
    ///
    /// As [`PriceBook::read`]; malformed JSON is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(json: &str) -> Result<PriceBook, Error> {
        PriceBook::read(&mut serde_json::Deserializer::from_str(json))
    }

    /// The embedded sample price book ([`DEFAULT_PRICE_BOOK_JSON`]).
    ///
    /// # Errors
    ///
    /// None in practice: a test checks that the embedded book is valid.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded_default() -> Result<PriceBook, Error> {
        PriceBook::from_json(DEFAULT_PRICE_BOOK_JSON)
    }

    /// The validated document, read-only.
    pub fn document(&self) -> &PriceBookDocument {
        &self.0
    }

    /// The condition with this `id`.
    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.0.conditions.iter().find(|c| c.id == id)
    }

    /// The product with this `id`.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.0.products.iter().find(|p| p.id == id)
    }

    /// The therapy partner with this `id`.
    pub fn therapy_partner(&self, id: &str) -> Option<&TherapyPartner> {
        self.0.therapy_partners.iter().find(|p| p.id == id)
    }

    /// The administration fee for a procedure code.
    pub fn administration_fee(&self, procedure_code: &str) -> Option<&PricedService> {
        self.0
            .administration_fees
            .iter()
            .find(|fee| fee.code == procedure_code)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn sample() -> PriceBookDocument {
        serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("embedded price book is JSON")
    }

    fn errors_of(document: PriceBookDocument) -> Vec<String> {
        match PriceBook::new(document) {
            Ok(_) => vec![],
            Err(error) => error.fields().iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn embedded_default_is_valid_and_marked_sample() {
        let book = PriceBook::embedded_default().expect("valid");
        assert!(book.document().sample_data);
        assert_eq!(book.document().conditions.len(), 5);
    }

    #[test]
    fn names_the_path_of_a_reversed_range() {
        let mut doc = sample();
        doc.conditions[2].typical_injections = CountRange { min: 2, max: 1 };
        assert_eq!(
            errors_of(doc),
            ["conditions[2].typical_injections.max: must be at least the fewest (`min`), 2; it is 1"]
        );
    }

    #[test]
    fn reports_every_error_at_once() {
        let mut doc = sample();
        doc.clinic.npi = "1234567890".into();
        doc.clinic.tin = "12-3456789".into();
        doc.products[0].price_cents = crate::money::Cents::new(-1);
        // -1 cent is -$0.01; the most a price may be is 100000000 cents, $1,000,000.00.
        assert_eq!(
            errors_of(doc),
            [
                "clinic.npi: has a last digit that does not match the other nine: check \"1234567890\" for a typo",
                "clinic.tin: must be 9 digits, with no dash or space; it is \"12-3456789\"",
                "products[0].price_cents: must be $0.00 to $1,000,000.00; it is -$0.01",
            ]
        );
    }

    #[test]
    fn a_refused_book_still_says_whom_to_call_when_its_clinic_section_can() {
        let refused = |json: &str| {
            let value = Value::from_json(json).expect("JSON");
            let error = PriceBook::from_value(&value).expect_err("refused");
            contact_in_refused(&value, &error)
        };
        // A bad NPI is in the clinic section, but not its name or phone.
        let bad_npi = DEFAULT_PRICE_BOOK_JSON.replacen(
            "\"npi\": \"1234567893\"",
            "\"npi\": \"1234567890\"",
            1,
        );
        assert_eq!(
            refused(&bad_npi),
            Some((
                "Sample Foot & Ankle Clinic".to_owned(),
                "(512) 555-0100".to_owned()
            ))
        );
        // A refused phone is not repeated to visitors.
        let no_phone =
            DEFAULT_PRICE_BOOK_JSON.replacen("\"phone\": \"(512) 555-0100\"", "\"phone\": \"\"", 1);
        assert_ne!(no_phone, DEFAULT_PRICE_BOOK_JSON);
        assert_eq!(refused(&no_phone), None);
        // Nor is anything from a clinic section that is not an object.
        assert_eq!(refused(r#"{ "clinic": "Sample" }"#), None);
    }

    /// The sample book with a misspelt field name, a negative price and an NPI with a bad check
    /// digit.
    fn three_mistakes() -> String {
        DEFAULT_PRICE_BOOK_JSON
            .replacen("\"ultrasound_guidance\":", "\"ultrasound_guidence\":", 1)
            .replacen("\"price_cents\": 16500 }", "\"price_cents\": -16500 }", 1)
            .replacen("\"npi\": \"1234567893\"", "\"npi\": \"1234567890\"", 1)
    }

    fn problems(json: &str) -> Vec<String> {
        match PriceBook::from_json(json) {
            Ok(_) => vec![],
            Err(error) => error.fields().iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_misspelt_field_does_not_hide_the_rules_problems() {
        // Three mistakes, three messages, in one pass. `ultrasound_guidance` is missing too and
        // holds a default (code "", price 0): neither "missing field" nor a rule's problem with
        // the default is reported, as the misspelling says it all.
        assert_eq!(
            problems(&three_mistakes()),
            [
                "ultrasound_guidence: is not a price book field: did you mean `ultrasound_guidance`?",
                "clinic.npi: has a last digit that does not match the other nine: check \"1234567890\" for a typo",
                // -16500 cents is -$165.00.
                "walking_boot.price_cents: must be $0.00 to $1,000,000.00; it is -$165.00",
            ]
        );
        // The same through a JS-shaped value, as the browser reads it.
        let value = Value::from_json(&three_mistakes()).expect("JSON");
        let error = PriceBook::from_value(&value).expect_err("three mistakes");
        assert_eq!(error.fields().len(), 3, "{error}");
    }

    #[test]
    fn a_missing_field_is_reported_once() {
        // No misspelling near it: "is missing", and not also the rules' problems with the
        // default put in its place (an empty code, an empty label).
        let json = DEFAULT_PRICE_BOOK_JSON.replacen(
            r#""walking_boot": { "code": "L4361", "label": { "en": "Walking boot (pneumatic, prefabricated)", "es": "Bota ortopédica (neumática, prefabricada)" }, "price_cents": 16500 },"#,
            "",
            1,
        );
        assert_ne!(json, DEFAULT_PRICE_BOOK_JSON);
        assert_eq!(
            problems(&json),
            ["(top level): is missing the required field `walking_boot`"]
        );
        // A mistyped value likewise: its type error, not also "is not a valid code".
        let json = DEFAULT_PRICE_BOOK_JSON.replacen(r#""code": "L4361""#, r#""code": 4361"#, 1);
        assert_eq!(
            problems(&json),
            ["walking_boot.code: must be text, in double quotes; it is 4361"]
        );
    }

    #[test]
    fn a_rule_that_compares_with_a_refused_value_is_not_checked() {
        // `administration_fees` mistyped: every condition's procedure code would have "no entry"
        // in the empty list put in its place; only the type error is reported. And the price
        // still is checked elsewhere: the negative boot price is reported after it.
        let json = DEFAULT_PRICE_BOOK_JSON
            .replacen(
                r#""administration_fees": ["#,
                r#""administration_fees": { "x": ["#,
                1,
            )
            .replacen(
                r#"  ],
  "ultrasound_guidance""#,
                r#"  ] },
  "ultrasound_guidance""#,
                1,
            )
            .replacen("\"price_cents\": 16500 }", "\"price_cents\": -16500 }", 1);
        assert_eq!(
            problems(&json),
            [
                "administration_fees: must be a list in [ ]; it is a group of fields",
                "walking_boot.price_cents: must be $0.00 to $1,000,000.00; it is -$165.00",
            ]
        );
        // `limits` mistyped: the conditions' typical counts are not compared with the zeros put
        // in its place.
        let json = DEFAULT_PRICE_BOOK_JSON.replacen(
            r#""limits": { "max_injections": 3, "max_pt_sessions": 40 }"#,
            r#""limits": [3, 40]"#,
            1,
        );
        assert_eq!(
            problems(&json),
            ["limits: must be a group of fields in { }; it is a list"]
        );
    }

    #[test]
    fn a_book_with_more_problems_than_listed_is_not_checked_by_the_rules() {
        // 150 unknown fields before the three mistakes: the reader lists the first 100 and counts
        // the other 50 and the misspelling, 51; the rules are not run (no NPI or price line), so
        // the count stays the last line.
        let mut json = three_mistakes();
        for i in 0..150 {
            json = json.replacen("{", &format!("{{ \"typo_{i}\": 1,"), 1);
        }
        let problems = problems(&json);
        assert_eq!(problems.len(), 101, "{problems:?}");
        assert_eq!(problems[100], "(more): 51 more problems, not listed");
    }

    #[test]
    fn refuses_separate_ultrasound_with_a_code_that_includes_it() {
        let mut doc = sample();
        let ankle = doc
            .conditions
            .iter_mut()
            .find(|c| c.procedure_code == "20606")
            .expect("an ankle joint condition");
        ankle.ultrasound_billed_separately = true;
        let errors = errors_of(doc);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].ends_with("ultrasound_billed_separately: must be false: 20606 already includes ultrasound guidance"));
    }

    #[test]
    fn a_condition_needs_an_administration_fee_for_its_code() {
        let mut doc = sample();
        doc.conditions[0].procedure_code = "20552".into();
        assert_eq!(
            errors_of(doc),
            ["conditions[0].procedure_code: must be one of the injection fees (`administration_fees`): there is none for 20552"]
        );
    }

    #[test]
    fn type_errors_name_their_path() {
        let json = DEFAULT_PRICE_BOOK_JSON.replacen(
            "\"max_injections\": 3",
            "\"max_injections\": \"three\"",
            1,
        );
        let error = PriceBook::from_json(&json).expect_err("a string is not a count");
        assert!(
            error.to_string().contains(
                "limits.max_injections: must be a whole number; it is the text \"three\""
            ),
            "{error}"
        );
    }

    #[test]
    fn a_written_book_reads_back_the_same() {
        // Saved quotes carry their price book as written by `Serialize`: reading must accept it.
        let book = PriceBook::embedded_default().expect("valid");
        let json = serde_json::to_string(book.document()).expect("JSON");
        assert_eq!(PriceBook::from_json(&json).expect("reads back"), book);
    }

    #[test]
    fn every_type_error_is_named_not_only_the_first() {
        let json = DEFAULT_PRICE_BOOK_JSON
            .replacen("\"max_injections\": 3", "\"max_injections\": \"three\"", 1)
            .replacen("\"sample_data\": true", "\"sample_data\": \"yes\"", 1);
        let error = PriceBook::from_json(&json).expect_err("two type errors");
        let paths: Vec<&str> = error.fields().iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["sample_data", "limits.max_injections"], "{error}");
    }

    #[test]
    fn unknown_fields_are_refused_so_typos_show() {
        let json = DEFAULT_PRICE_BOOK_JSON.replacen("\"version\"", "\"verison\"", 1);
        let error = PriceBook::from_json(&json).expect_err("a typo");
        assert!(
            error
                .to_string()
                .contains("verison: is not a price book field: did you mean `version`?"),
            "{error}"
        );
    }

    #[test]
    fn texts_may_be_english_only_or_both_but_never_empty() {
        let mut doc = sample();
        doc.conditions[0].label = crate::language::Text {
            en: "Heel pain".into(),
            es: Some(" ".into()),
        };
        doc.conditions[1].label = crate::language::Text::from("Achilles");
        assert_eq!(
            errors_of(doc),
            ["conditions[0].label.es: must not be empty"]
        );
        let json = DEFAULT_PRICE_BOOK_JSON.replacen(
            r#"{ "en": "Achilles tendinopathy","#,
            r#"{ "fr": "x", "en": "Achilles tendinopathy","#,
            1,
        );
        let error = PriceBook::from_json(&json).expect_err("only en and es");
        assert!(
            error
                .to_string()
                .contains("conditions[1].label: must have only `en` (English) and `es` (Spanish); it has `fr`"),
            "{error}"
        );
    }

    #[test]
    fn a_discount_kind_must_have_its_own_fields() {
        let json = DEFAULT_PRICE_BOOK_JSON.replacen("\"from_injection\": 2,", "", 1);
        let error = PriceBook::from_json(&json).expect_err("no from_injection");
        assert!(
            error.to_string().contains(
                "discounts.multi_injection: must have `from_injection` and `percent_off_bp`, and no \
                 `packages`, for `later_injections_percent_off`"
            ),
            "{error}"
        );
    }

    #[test]
    fn packages_cannot_make_more_injections_cheaper() {
        let mut doc = sample();
        let product = doc.products[0].clone();
        let single = product.price_cents.get();
        doc.discounts.multi_injection = Some(MultiInjectionDiscount::PackagePrices {
            label: "Package".into(),
            packages: vec![
                // 2 vials for 1.8 singles, then 3 vials for 1.5 singles: 3 would cost less than 2.
                Package {
                    product: product.id.clone(),
                    injections: 2,
                    price_cents: crate::money::Cents::new(single * 18 / 10),
                },
                Package {
                    product: product.id,
                    injections: 3,
                    price_cents: crate::money::Cents::new(single * 15 / 10),
                },
            ],
        });
        // The single vial is $1,200.00: 2 for 1.8 singles is $2,160.00, 3 for 1.5 is $1,800.00.
        assert_eq!(
            errors_of(doc),
            [
                "discounts.multi_injection.packages[0].price_cents: must be at most what 3 \
                 injections cost, $1,800.00; it is $2,160.00",
                "discounts.multi_injection.packages[1].price_cents: must be at least what 2 \
                 injections cost, $2,160.00; it is $1,800.00",
            ]
        );
    }
}
