//! English and Spanish: the language of every text an estimate or a quote produces, and the
//! price book's own texts in either language.
//!
//! The words the crate writes itself (summaries, line details, the Good Faith Estimate's headings)
//! are in [`Words`] and [`GfeWords`], one pair of tables per language, so a translation is one
//! place to read. The Good Faith Estimate's words are a table of their own so that the visitor's
//! module, which makes no Good Faith Estimate, does not carry them. Texts that come
//! from the clinic (labels, disclaimers) are [`Text`]s in the price book: a plain string, or
//! `{ "en": "...", "es": "..." }`; without a Spanish text, the English one is used.

use serde::{Serialize, Serializer};

use crate::calendar::{Date, DateFault};
use crate::error::{Hidden, NpiFault, Quoted, Refusal, Unknown};
use crate::money::{BasisPoints, Cents, NotMoney};
use crate::read::{deserialize_by_reading, read_enum, Read, Reader, Value};

/// The language of a page, an estimate or a quote. It is written `en` or `es`, and read from any
/// BCP 47 tag (`es-MX` is Spanish; anything not Spanish is English), so a page can pass on the
/// browser's own language as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub enum Language {
    /// English (the default).
    #[default]
    #[serde(rename = "en")]
    English,
    /// Spanish.
    #[serde(rename = "es")]
    Spanish,
}

/// Any language tag, as [`Language::from_tag`] reads it.
impl Read for Language {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        match value {
            Value::String(tag) => *self = Language::from_tag(tag),
            _ => at.invalid_type(value, crate::read::MUST_BE_TEXT),
        }
    }
}

deserialize_by_reading!(Language, "a language", crate::error::Error::InvalidRequest);

impl Language {
    /// The language of a BCP 47 tag such as `es`, `es-MX` or `en-US`: Spanish for any `es` tag,
    /// English otherwise.
    ///
    /// ```
    /// use amnion_estimator::language::Language;
    /// assert_eq!(Language::from_tag("es-MX"), Language::Spanish);
    /// assert_eq!(Language::from_tag("fr"), Language::English);
    /// ```
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag
            .as_bytes()
            .split(|&b| b == b'-' || b == b'_')
            .next()
            .unwrap_or_default();
        if primary.eq_ignore_ascii_case(b"es") {
            Language::Spanish
        } else {
            Language::English
        }
    }

    /// The words the crate writes in this language. A visitor's module built with one language's
    /// words (`not(spanish)` or `not(english)`) writes that language for both; the widget loads it
    /// only for pages whose widgets all speak it (DESIGN.md, "Why a visitor's module per
    /// language?").
    pub fn words(self) -> &'static Words {
        match self {
            #[cfg(english)]
            Language::English => &ENGLISH,
            #[cfg(not(english))]
            Language::English => &SPANISH,
            #[cfg(spanish)]
            Language::Spanish => &SPANISH,
            #[cfg(not(spanish))]
            Language::Spanish => &ENGLISH,
        }
    }

    /// The Good Faith Estimate's words in this language. (Apart from [`Language::words`], so that
    /// the visitor's module, which has no Good Faith Estimate, does not carry them.)
    pub fn gfe_words(self) -> &'static GfeWords {
        match self {
            Language::English => &ENGLISH_GFE,
            Language::Spanish => &SPANISH_GFE,
        }
    }

    /// The staff page's words on a quote's dates: a date past the estimate's last valid day, and
    /// when a Good Faith Estimate is due.
    pub fn date_words(self) -> &'static DateWords {
        match self {
            Language::English => &ENGLISH_DATES,
            Language::Spanish => &SPANISH_DATES,
        }
    }
}

/// The grammatical gender of the Spanish noun a phrase is built around, which the phrase agrees
/// with: `($1,200.00 cada uno)` for a vial (`el vial`), `(… cada una)` for a visit (`la visita`).
/// English words do not change with it.
///
/// ```
/// use amnion_estimator::language::{Gender, Language};
/// let each = Language::Spanish.words().each;
/// assert_eq!(Gender::Masculine.agree(each), "cada uno");
/// assert_eq!(Gender::Feminine.agree(each), "cada una");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// `el vial`, `el aloinjerto`.
    #[default]
    Masculine,
    /// `la visita`, `la inyección`, `la sesión`.
    Feminine,
}
read_enum!(Gender {
    "masculine" => Masculine,
    "feminine" => Feminine,
});

impl Gender {
    /// The form of `forms` (masculine, feminine) that agrees with a noun of this gender.
    pub fn agree(self, forms: [&'static str; 2]) -> &'static str {
        match self {
            Gender::Masculine => forms[0],
            Gender::Feminine => forms[1],
        }
    }
}

/// A text from the price book, in English and optionally Spanish.
///
/// ```
/// use amnion_estimator::language::{Language, Text};
/// let label: Text = serde_json::from_str(r#"{ "en": "Walking boot", "es": "Bota ortopédica" }"#).unwrap();
/// assert_eq!(label.get(Language::Spanish), "Bota ortopédica");
/// let plain: Text = serde_json::from_str(r#""Walking boot""#).unwrap();
/// assert_eq!(plain.get(Language::Spanish), "Walking boot"); // no Spanish: the English text
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    /// The English text, always present.
    pub en: String,
    /// The Spanish text, if the clinic wrote one.
    pub es: Option<String>,
}

impl Text {
    /// The text in `language`, or in English when there is none in that language.
    pub fn get(&self, language: Language) -> &str {
        match (language, &self.es) {
            (Language::Spanish, Some(spanish)) => spanish,
            _ => &self.en,
        }
    }
}

impl From<&str> for Text {
    fn from(english: &str) -> Text {
        Text {
            en: english.to_owned(),
            es: None,
        }
    }
}

impl Serialize for Text {
    /// Back as it was written: a plain string when there is only English.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.es {
            None => serializer.serialize_str(&self.en),
            Some(spanish) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("en", &self.en)?;
                map.serialize_entry("es", spanish)?;
                map.end()
            }
        }
    }
}

/// A plain string, or `{ "en": ..., "es": ... }` with `en` required; any other key is refused at the
/// text's own path (`conditions[1].label: must have only `en` (English) and `es` (Spanish); it has
/// `fr``). A `null`
/// Spanish text is none.
impl Read for Text {
    fn read<'v>(&mut self, value: &'v Value, at: &mut Reader<'v>) {
        match value {
            Value::String(english) if at.text(english) => *self = Text::from(english.as_str()),
            Value::String(_) => {}
            Value::Object(entries) => {
                let mut read = Text::default();
                let mut english = false;
                for (key, item) in entries {
                    match key.as_str() {
                        "en" => {
                            english = true;
                            at.read_key(key, item, &mut read.en);
                        }
                        "es" => at.read_key(key, item, &mut read.es),
                        other => at.problem(format!(
                            "must have only `en` (English) and `es` (Spanish); it has `{}`",
                            crate::error::excerpt(other)
                        )),
                    }
                }
                if !english {
                    at.problem("is missing the required field `en` (English)");
                }
                *self = read;
            }
            _ => at.invalid_type(
                value,
                "must be text, or { \"en\": English text, \"es\": Spanish text }",
            ),
        }
    }
}

deserialize_by_reading!(Text, "a text", crate::error::Error::InvalidPriceBook);

/// Every phrase the crate writes itself, in one language.
pub struct Words {
    /// `injection` / `injections`.
    pub injection: [&'static str; 2],
    /// A quantity in the billing units of its code, from (units, one unit): `4 units of 0.5 cc`.
    /// Staff only: the visitor's module does not read a product's billing units.
    #[cfg(staff)]
    pub billing_units: fn(u32, &str) -> String,
    /// `physical therapy session` / `... sessions`.
    pub pt_session: [&'static str; 2],
    /// `session` / `sessions` (a pickable count).
    pub session: [&'static str; 2],
    /// The low and high ends of a range, joined: `1 injection to 3 injections`, `de 1 inyección a 3
    /// inyecciones`.
    pub range: fn(&str, &str) -> String,
    /// `Not sure yet`.
    pub not_sure: &'static str,
    /// `Typical for my condition`.
    pub typical: &'static str,
    /// `each`, as in `($1,200.00 each)`: masculine and feminine forms ([`Gender::agree`]), for
    /// Spanish, where it agrees with what one is (`cada uno` for a vial, `cada una` for a visit).
    pub each: [&'static str; 2],
    /// `visit` / `visits`, numbering therapy visits.
    pub visit: [&'static str; 2],
    /// Why a therapy visit costs what it does.
    pub past_covered_visits: &'static str,
    /// `copay`.
    pub copay: &'static str,
    /// `deductible`.
    pub deductible: &'static str,
    /// `deductible, then` (before the coinsurance rate).
    pub deductible_then: &'static str,
    /// `deductible, then copay`.
    pub deductible_then_copay: &'static str,
    /// `coinsurance` (after the rate).
    pub coinsurance: &'static str,
    /// The note on therapy lines, from the clinic's name: they are its own prices.
    pub therapy_here: fn(&str) -> String,
    /// In place of a coinsurance rate the visitor did not enter (nor a copay): at the low end,
    /// then at the high end.
    pub coinsurance_not_entered: [&'static str; 2],
    /// The note naming the plan figures not entered, from (deductible, coinsurance and copay)
    /// missing.
    pub plan_figures_missing: fn(bool, bool) -> String,
    /// The note for a copay the visitor is not sure comes before the deductible.
    pub copay_timing_unsure: &'static str,
    /// The prompt-pay discount's condition on the total, from (its rate, the total without it).
    pub prompt_pay_condition: fn(&str, &str) -> String,
    /// Why a visit costs the copay and then the coinsurance rate on the rest.
    pub copay_and_coinsurance: fn(BasisPoints) -> String,
    /// The note for a copay and a coinsurance rate both entered.
    pub copay_with_coinsurance: fn(BasisPoints) -> String,
    /// `out-of-pocket maximum reached`.
    pub out_of_pocket_reached: &'static str,
    /// `paid by your plan`.
    pub paid_by_plan: &'static str,
    /// `Discount` (before a staff discount's reason).
    pub discount: &'static str,
    /// `applied by staff`.
    pub applied_by_staff: &'static str,
    /// What "How to pay" says, in place of any amount, while an answer is refused.
    pub fix_for_payment: &'static str,
    /// What the HSA/FSA figure says, in place of any amount, while a tax rate is refused.
    pub fix_for_hsa: &'static str,
    /// What the HSA/FSA figure says, in place of any amount, until a tax rate is entered.
    pub enter_tax_rates: &'static str,
    /// What the comparison says, in place of any amount, while an answer it needs is refused.
    pub fix_for_comparison: &'static str,
    /// In place of every line while the estimate is refused.
    pub fix_for_lines: &'static str,
    /// What the total says while an answer is refused: `Check your answers`.
    pub check_answers: &'static str,
    /// The heading of the notice of the right to a Good Faith Estimate.
    pub right_to_estimate_heading: &'static str,
    /// Under the heading: this estimate is not a Good Faith Estimate, and the right to one, on
    /// request, in plain words.
    pub right_to_estimate_lead: &'static str,
    /// The summary of the collapsed notice in full.
    pub notice_in_full: &'static str,
    /// The notice itself, when the price book does not word it: after CMS's model notice.
    pub right_to_estimate: &'static str,
    /// How to ask for one, from (the clinic's name, its phone, its email if any).
    pub ask_for_estimate: fn(&str, &str, Option<&str>) -> String,
    /// Headings of the estimate's tables.
    pub itemized_estimate: &'static str,
    /// `Low end`.
    pub low_end: &'static str,
    /// `High end`.
    pub high_end: &'static str,
    /// `Item`.
    pub item: &'static str,
    /// `Amount`.
    pub amount: &'static str,
    /// `You pay`.
    pub you_pay: &'static str,
    /// `Your plan pays`: the caption of its lines, before their total.
    pub plan_pays_total: &'static str,
    /// The words of "How to pay".
    pub pay: PayWords,
    /// Why an answer is refused, after the field's label, in the person's words: `enter an amount
    /// like 1,500.00; you typed "12k0"`.
    pub refusal: fn(&Refusal) -> String,
}

/// The words of payment options: financing offers, HSA/FSA, the scenario comparison.
pub struct PayWords {
    /// Column headings of the comparison: no therapy, cash, insurance.
    pub columns: [&'static str; 3],
    /// The comparison's first column heading.
    pub injections: &'static str,
    /// `{condition}: what you pay`.
    pub what_you_pay: &'static str,
    /// `Scenario comparison`: the name a screen reader gives the grid's scrolling region.
    pub comparison_region: &'static str,
    /// `your answers`, under the cell that matches them.
    pub your_answers: &'static str,
    /// Note when 0 sessions were chosen.
    pub no_sessions_note: &'static str,
    /// Note on the sessions the therapy columns assume, from ((fewest, most), condition if
    /// typical).
    pub sessions_note: fn((u32, u32), Option<&str>) -> String,
    /// `up to`, before a monthly payment worked out on a range's high end.
    pub up_to: &'static str,
    /// `Monthly payments: {plan}, without your share of physical therapy through your plan…`
    pub monthly_note: fn(&str) -> String,
    /// `Monthly payments: {plan}.`, for a grid without therapy through a plan (a self-pay Good
    /// Faith Estimate's). Staff only.
    #[cfg(staff)]
    pub monthly_plan: fn(&str) -> String,
    /// Terms of a deferred-interest plan, from (months, APR).
    pub deferred_terms: fn(u32, &str) -> String,
    /// Terms of a fixed-APR plan, from (months, APR).
    pub fixed_terms: fn(u32, &str) -> String,
    /// Why no offer: nothing to finance.
    pub nothing_to_finance: &'static str,
    /// Why no offer: `Needs a purchase of {amount} or more`.
    pub needs_purchase: fn(&str) -> String,
    /// Why no offer: `The payment would be {payment}, below the lender's minimum of {minimum}`.
    pub below_minimum: fn(&str, &str) -> String,
    /// The back-interest warning, from (months, interest, APR).
    pub back_interest: fn(u32, &str, &str) -> String,
    /// `payment` / `payments`.
    pub payment: [&'static str; 2],
    /// `{n} payments of {amount}` or `... of {amount}, then {last}`, from (count text, amount, last).
    pub payments_of: fn(&str, &str, Option<&str>) -> String,
    /// The prompt-pay discount still holds when financing, from its rate.
    pub discount_holds_financing: fn(&str) -> String,
    /// Financing does not keep the prompt-pay discount, from (its rate, the amount financed).
    pub discount_lost_financing: fn(&str, &str) -> String,
    /// Why a range is financed at its high end, from the amount financed.
    pub high_end_note: fn(&str) -> String,
    /// The amount financed, when it is not the total.
    pub worked_out_on: fn(&str) -> String,
    /// The cost sharing of therapy through a plan is not financed, from what it is (`up to $818.00`
    /// for a range).
    pub share_not_financed: fn(&str) -> String,
    /// The chooser's "no plan" option.
    pub no_financing: &'static str,
    /// The HSA/FSA line, from (savings, the rates counted joined by ` + `, combined).
    pub hsa_saves: fn(&str, &str, &str) -> String,
    /// `federal`, after the bracket.
    pub hsa_federal: &'static str,
    /// `state`, after the rate.
    pub hsa_state: &'static str,
    /// `Social Security and Medicare tax`, after the payroll rate.
    pub hsa_social_security_and_medicare: &'static str,
    /// `Medicare tax`, after its rate, past Social Security's wage base.
    pub hsa_medicare: &'static str,
    /// Why no state rate is counted.
    pub hsa_state_not_entered: &'static str,
    /// Why no payroll tax is counted while the payroll question is unanswered.
    pub hsa_payroll_not_answered: &'static str,
    /// Why Social Security is not counted at a high bracket.
    pub hsa_past_wage_base: &'static str,
    /// The HSA/FSA caveat.
    pub hsa_caveat: &'static str,
    /// `Pay in full`.
    pub pay_in_full: &'static str,
    /// Heading of the deferred-interest offers.
    pub deferred_heading: &'static str,
    /// Heading of the fixed-APR offers.
    pub fixed_heading: &'static str,
    /// ` a month`, after a monthly amount.
    pub a_month: &'static str,
    /// `Not available`.
    pub not_available: &'static str,
    /// `APR`.
    pub apr: &'static str,
    /// `total`.
    pub total: &'static str,
    /// `interest`.
    pub interest: &'static str,
}

/// The words of the Good Faith Estimate document, and of the self-pay price quote made in its place
/// when a Good Faith Estimate does not apply, and the staff printout's note on its comparison: the
/// staff page's only, so the visitor's module does without them.
pub struct GfeWords {
    /// The words that differ between a Good Faith Estimate and a self-pay price quote.
    pub good_faith_estimate: KindWords,
    /// The same, for a self-pay price quote: no text of it calls it a Good Faith Estimate.
    pub self_pay_quote: KindWords,
    /// The staff printout's comparison when no scenario is the quote: `{total}` is the quote's.
    pub not_this_quote: fn(&str) -> String,
    /// The crate's statement that starting the dispute-resolution process will not adversely affect
    /// the quality of care, after the dispute right, for a price book that does not word its own.
    pub quality_of_care: &'static str,
    /// What a quote says at each choice the staff form left unchosen.
    pub unchosen: Unchosen,
    /// What a new quote says at a plan figure left blank that therapy through insurance is priced
    /// by.
    pub plan_figure_needed: PlanFigureNeeded,
    /// `Not yet scheduled` (the primary service).
    pub not_scheduled: &'static str,
    /// `Injection 3: not yet scheduled` / `Inyección 3: aún no programada`, from the number.
    pub injection_not_scheduled: fn(u32) -> String,
    /// `Injection 2: December 17, 2026`, from the number and the date.
    pub injection_on: fn(u32, &str) -> String,
    /// `Amniotic tissue injection` / `Amniotic tissue injections`: the primary service, before the
    /// condition, whose name the price book writes as a name stands alone (`Achilles tendinopathy`).
    pub injection_series: [&'static str; 2],
    /// `left side` / `right side`.
    pub side: [&'static str; 2],
    /// `Convening provider`.
    pub convening_provider: &'static str,
    /// `Co-provider`.
    pub co_provider: &'static str,
    /// `through your plan`.
    pub through_plan: &'static str,
    /// `Physical therapy: an evaluation and 8 sessions with {who}, after the injections.`, from
    /// (sessions, injections, who).
    pub therapy_to_schedule: fn(u32, u32, &str) -> String,
    /// The clinic's charges include the prompt-pay discount, from (its rate, the charges without it).
    pub prompt_pay_included: fn(&str, &str) -> String,
    /// Under the clinic's items: the discounts they already reflect, from the list of them.
    pub discounts_included: fn(&str) -> String,
    /// Under a co-provider staff typed in: its items are at the clinic's prices, from (clinic, it).
    pub at_clinic_prices: fn(&str, &str) -> String,
    /// At a typed-in therapy provider's price left blank on a new document.
    pub own_price_needed: &'static str,
    /// At its allowed amount left blank, when therapy goes through insurance.
    pub own_allowed_needed: &'static str,
    /// At the reason of a staff discount that leaves none of the clinic's charges, when it is not
    /// one: from the reason as typed.
    pub waiver_reason: fn(&str) -> String,
    /// The clinic's charges leave the prompt-pay discount out, from (its rate, the charges with it).
    pub prompt_pay_excluded: fn(&str, &str) -> String,
    /// The month names, January first.
    pub months: [&'static str; 12],
    /// A long date from its year, month name and day.
    pub long_date: fn(u32, &str, u32) -> String,
    /// The range warning, from (high, planned, what each provider would charge more).
    pub range_warning: fn(u32, u32, &str) -> String,
    /// `{name} would charge {more} more ({total} in all)`.
    pub would_charge: fn(&str, &str, &str) -> String,
    /// The prompt-pay warning, from (provider, rate, the discount, the charges without it, the
    /// dispute threshold).
    pub prompt_pay_warning: fn(&str, &str, &str, &str, &str) -> String,
    /// The staff form's prompt-pay choices, from the rate: included, excluded, not offered.
    pub prompt_pay_choices: fn(&str) -> [String; 3],
    /// Why a Medicare patient's quote refuses an answer.
    pub medicare: MedicareRefusals,
    /// Why a staff quote request is refused at a field, after the field's label: `cannot be
    /// before the quote's issue date (2026-11-21); it is 2026-11-20`.
    pub refusal: fn(&QuoteRefusal) -> String,
}

/// What a new quote for a Medicare patient refuses, at each field (see `QuoteRequest::medicare`).
pub struct MedicareRefusals {
    /// A staff discount.
    pub staff_discount: &'static str,
    /// The prompt-pay discount, included or not.
    pub prompt_pay: &'static str,
    /// Physical therapy in cash.
    pub cash_therapy: &'static str,
}

/// What a new quote says at a plan figure left blank (see `QuoteRequest::plan_figures_entered`).
pub struct PlanFigureNeeded {
    /// The deductible left, when it applies.
    pub deductible: &'static str,
    /// The coinsurance, with no copay either.
    pub coinsurance: &'static str,
}

/// What a quote says at a choice that changes a code or an amount while it is not made (the staff
/// form starts each unchosen), in the words of the form.
pub struct Unchosen {
    /// Coverage screening.
    pub coverage: &'static str,
    /// The side treated.
    pub side: &'static str,
    /// The product.
    pub product: &'static str,
    /// The planned injections.
    pub injections: &'static str,
    /// The therapy sessions.
    pub sessions: &'static str,
    /// The therapy provider, when therapy is given elsewhere: a partner, or one typed in.
    pub therapy_provider: &'static str,
    /// Whether the patient will pay in full at the visit, when the book offers a prompt-pay
    /// discount.
    pub prompt_pay: &'static str,
}

/// The words of one kind of document: a Good Faith Estimate, or a self-pay price quote.
pub struct KindWords {
    /// `Good Faith Estimate` or `Self-pay price quote`.
    pub title: &'static str,
    /// Every heading it prints.
    pub headings: Headings,
    /// The disclaimers the crate writes for this kind, or `None` for the price book's own (a Good
    /// Faith Estimate's, which the clinic words: every price book words them for a GFE).
    pub disclaimers: Option<QuoteDisclaimers>,
    /// After the items to schedule separately: how to ask for each separate estimate, from (clinic,
    /// phone, email if any).
    pub ask_separately: fn(&str, &str, Option<&str>) -> String,
}

/// A self-pay price quote's disclaimers: a price book's are worded for a Good Faith Estimate.
pub struct QuoteDisclaimers {
    /// That other items or services may be recommended and priced separately.
    pub other_services: &'static str,
    /// That it is an estimate and actual items, services or charges may differ.
    pub actual_charges_may_differ: &'static str,
    /// That it is not a contract.
    pub not_a_contract: &'static str,
}

/// The headings a document prints, in one language and for one kind of document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Headings {
    /// `Quote`, before the quote number.
    pub quote: &'static str,
    /// `Issued` (in Spanish it agrees with the document: `Emitido el`, `Emitida el`).
    pub issued: &'static str,
    /// `Valid until` (`Válido hasta el`, `Válida hasta el`).
    pub valid_until: &'static str,
    /// `Price book`.
    pub price_book: &'static str,
    /// `Patient`.
    pub patient: &'static str,
    /// `Name`.
    pub name: &'static str,
    /// `Date of birth`.
    pub date_of_birth: &'static str,
    /// `Primary service`.
    pub primary_service: &'static str,
    /// `Service`.
    pub service: &'static str,
    /// `Service code`.
    pub service_code: &'static str,
    /// `Diagnosis code`.
    pub diagnosis_code: &'static str,
    /// `Scheduled`.
    pub scheduled: &'static str,
    /// `state`.
    pub state: &'static str,
    /// `Item or service`.
    pub item_or_service: &'static str,
    /// `Qty`.
    pub quantity: &'static str,
    /// `Expected charge`.
    pub expected_charge: &'static str,
    /// `Total for`, before a provider's name.
    pub total_for: &'static str,
    /// `Total estimated charges`.
    pub total: &'static str,
    /// `Items from` (label of a scrolling table), before a provider's name.
    pub items_from: &'static str,
    /// Heading of the lines billed to insurance, which the document does not cover.
    pub billed_to_insurance: &'static str,
    /// Heading of the separately scheduled items.
    pub separately_scheduled: &'static str,
    /// The sentence under them: a separate estimate or quote will be given.
    pub separate_estimate: &'static str,
    /// `Please read`.
    pub please_read: &'static str,
    /// `Page` and `of`, around the page's number and the count of pages at the foot of every
    /// printed page: `Page 2 of 3`.
    pub page_of: [&'static str; 2],
}

impl GfeWords {
    /// The words of a Good Faith Estimate (`true`) or of a self-pay price quote.
    pub fn kind(&self, good_faith_estimate: bool) -> &KindWords {
        if good_faith_estimate {
            &self.good_faith_estimate
        } else {
            &self.self_pay_quote
        }
    }
}

/// `parts` one after another with `separator` between: `[String]::join`, whose generic code (822 B
/// of wasm) the visitor's module would carry for three sentences.
///
/// ```
/// use amnion_estimator::language::joined;
/// assert_eq!(joined(&["22%".to_owned(), "4.5%".to_owned()], " + "), "22% + 4.5%");
/// assert_eq!(joined(&[], " + "), "");
/// ```
pub fn joined(parts: &[String], separator: &str) -> String {
    let mut text = String::new();
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            text.push_str(separator);
        }
        text.push_str(part);
    }
    text
}

/// `1 injection`, `2 injections`.
pub fn counted(n: u32, forms: [&str; 2]) -> String {
    format!("{n} {}", if n == 1 { forms[0] } else { forms[1] })
}

/// The notice of the right to a Good Faith Estimate, in the words of CMS's model notice (the
/// "Right to Receive a Good Faith Estimate of Expected Charges" notice providers display).
#[cfg(english)]
const ENGLISH_RIGHT_TO_ESTIMATE: &str = "You have the right to receive a Good Faith Estimate \
    explaining how much your medical care will cost. Under the law, health care providers need to \
    give patients who don't have insurance or who are not using insurance an estimate of the bill \
    for medical items and services. You have the right to receive a Good Faith Estimate for the \
    total expected cost of any non-emergency items or services, including related costs like \
    medical tests, prescription drugs, equipment and hospital fees. Make sure your health care \
    provider gives you a Good Faith Estimate in writing at least 1 business day before your \
    medical service or item; you can also ask for one before you schedule. If you receive a bill \
    that is at least $400 more than your Good Faith Estimate, you can dispute the bill. Make sure \
    to save a copy or picture of your Good Faith Estimate. For questions or more information about \
    your right to a Good Faith Estimate, visit www.cms.gov/nosurprises or call 1-800-985-3059.";

/// The same notice in the words of CMS's Spanish model notice.
#[cfg(spanish)]
const SPANISH_RIGHT_TO_ESTIMATE: &str = "Usted tiene derecho a recibir un Estimado de buena fe \
    que explique cuánto costará su atención médica. Según la ley, los proveedores de atención \
    médica deben dar a los pacientes que no tienen seguro o que no usan su seguro un estimado de \
    la factura de los artículos y servicios médicos. Tiene derecho a recibir un Estimado de buena \
    fe del costo total previsto de cualquier artículo o servicio que no sea de emergencia, \
    incluidos costos relacionados como pruebas médicas, medicamentos recetados, equipos y cargos \
    del hospital. Asegúrese de que su proveedor de atención médica le dé un Estimado de buena fe \
    por escrito al menos 1 día hábil antes de su servicio o artículo médico; también puede pedirlo \
    antes de programarlo. Si recibe una factura que sea al menos $400 más alta que su Estimado de \
    buena fe, puede disputar la factura. Asegúrese de guardar una copia o una foto de su Estimado \
    de buena fe. Si tiene preguntas o desea más información sobre su derecho a un Estimado de \
    buena fe, visite www.cms.gov/nosurprises o llame al 1-800-985-3059.";

#[cfg(english)]
static ENGLISH: Words = Words {
    injection: ["injection", "injections"],
    #[cfg(staff)]
    billing_units: |units, unit| format!("{} of {unit}", counted(units, ["unit", "units"])),
    pt_session: ["physical therapy session", "physical therapy sessions"],
    session: ["session", "sessions"],
    range: |low, high| format!("{low} to {high}"),
    not_sure: "Not sure yet",
    typical: "Typical for my condition",
    each: ["each", "each"],
    visit: ["visit", "visits"],
    past_covered_visits: "past your covered visits: cash price",
    copay: "copay",
    deductible: "deductible",
    deductible_then: "deductible, then",
    deductible_then_copay: "deductible, then copay",
    coinsurance: "coinsurance",
    therapy_here: |clinic| {
        format!(
            "Physical therapy is shown at {clinic}'s own prices. If you have it at another \
             practice, that practice's prices apply instead."
        )
    },
    coinsurance_not_entered: [
        "the plan's best case (coinsurance and copay not entered)",
        "the plan's worst case (coinsurance and copay not entered)",
    ],
    plan_figures_missing: |deductible, coinsurance| {
        let (missing, them) = match (deductible, coinsurance) {
            (true, true) => ("deductible, coinsurance and copay were", "them"),
            (true, false) => ("deductible was", "it"),
            _ => ("coinsurance and copay were", "them"),
        };
        format!(
            "Your plan's {missing} not entered, so physical therapy is shown from the plan's best case \
             to its worst; enter {them} for one figure."
        )
    },
    copay_timing_unsure: "You are not sure whether your copay applies before your deductible is met, so \
        physical therapy is shown both ways: the copay from the first visit at the low end, the \
        deductible first at the high end.",
    copay_and_coinsurance: |rate| format!("copay, then {rate} coinsurance on the rest"),
    prompt_pay_condition: |rate, without| {
        format!("Assumes you pay in full at the visit ({rate} off); otherwise {without}.")
    },
    copay_with_coinsurance: |rate| {
        format!(
            "You entered both a copay and coinsurance. Plans combine them two ways, so physical \
             therapy is shown both ways: the copay alone at the low end, the copay and then {rate} \
             of the rest of each visit at the high end. Your plan's summary says which."
        )
    },
    out_of_pocket_reached: "out-of-pocket maximum reached",
    paid_by_plan: "paid by your plan",
    discount: "Discount",
    applied_by_staff: "applied by staff",
    fix_for_payment: "Fix the answer marked above to see how to pay.",
    fix_for_hsa: "Fix the tax rate to see what paying from an HSA or FSA saves.",
    enter_tax_rates: "Enter your federal income tax bracket to see what paying from an HSA or FSA saves.",
    fix_for_comparison: "Fix the answer marked above to compare scenarios.",
    fix_for_lines: "Fix the answer marked above to see every line of the estimate.",
    check_answers: "Check your answers",
    right_to_estimate_heading: "Your right to a Good Faith Estimate",
    right_to_estimate_lead: "The figures above are an estimate, not a Good Faith Estimate. If you pay for your care yourself, we give you one on request, and you can dispute a bill that is $400 or more above it.",
    notice_in_full: "The notice in full",
    right_to_estimate: ENGLISH_RIGHT_TO_ESTIMATE,
    ask_for_estimate: |clinic, phone, email| match email {
        Some(email) => format!(
            "To ask for a Good Faith Estimate, call {clinic} at {phone} or email {email}."
        ),
        None => format!("To ask for a Good Faith Estimate, call {clinic} at {phone}."),
    },
    itemized_estimate: "Itemized estimate",
    low_end: "Low end",
    high_end: "High end",
    item: "Item",
    amount: "Amount",
    you_pay: "You pay",
    plan_pays_total: "Your plan pays",
    pay: PayWords {
        columns: ["No physical therapy", "PT in cash", "PT through insurance"],
        injections: "Injections",
        what_you_pay: "what you pay",
        comparison_region: "Scenario comparison",
        your_answers: "your answers",
        no_sessions_note: "Physical therapy columns: none, as you chose 0 sessions.",
        sessions_note: |(fewest, most), typical| {
            let sessions = match fewest == most {
                true => format!("{fewest}"),
                false => format!("{fewest} to {most}"),
            };
            match typical {
                Some(condition) => format!(
                    "Physical therapy columns: the evaluation and {sessions} sessions, as typical for {condition}."
                ),
                None => format!("Physical therapy columns: the evaluation and {sessions} sessions."),
            }
        },
        up_to: "up to",
        monthly_note: |plan| format!("Monthly payments: {plan}, without your share of physical therapy through your plan, which is paid at each visit."),
        #[cfg(staff)]
        monthly_plan: |plan| format!("Monthly payments: {plan}."),
        deferred_terms: |months, apr| {
            format!("No interest if paid in full within {months} months; otherwise {apr} APR from the purchase date")
        },
        fixed_terms: |months, apr| format!("{months} monthly payments at {apr} APR"),
        nothing_to_finance: "There is nothing to finance",
        needs_purchase: |amount| format!("Needs a purchase of {amount} or more"),
        below_minimum: |payment, minimum| format!("The payment would be {payment}, below the lender's minimum of {minimum}"),
        back_interest: |months, interest, apr| {
            format!("If not paid off in {months} months: up to {interest} of interest, charged from the purchase date ({apr} APR).")
        },
        payment: ["payment", "payments"],
        payments_of: |count, amount, last| match last {
            None => format!("{count} of {amount}"),
            Some(last) => format!("{count} of {amount}, then {last}"),
        },
        discount_holds_financing: |rate| format!("The {rate} discount for paying in full still holds when you finance: the lender pays the clinic in full at the visit."),
        discount_lost_financing: |rate, financed| format!("Financing does not get the {rate} discount for paying in full: the payments are worked out on {financed}."),
        high_end_note: |financed| format!("Worked out on {financed}, from the high end of your estimate: enough for either end."),
        worked_out_on: |financed| format!("Worked out on {financed}."),
        share_not_financed: |share| format!("Your share of physical therapy through your plan, {share}, is paid at each visit, not financed."),
        no_financing: "No financing (totals only)",
        hsa_saves: |savings, parts, combined| {
            format!("Saves {savings}: {parts} = {combined} of the total, rounded down to the cent.")
        },
        hsa_federal: "federal",
        hsa_state: "state",
        hsa_social_security_and_medicare: "Social Security and Medicare tax",
        hsa_medicare: "Medicare tax",
        hsa_state_not_entered: "Your state income tax rate is not entered, so none is counted.",
        hsa_payroll_not_answered: "Payroll tax is not counted until you say whether the money goes in through your employer's payroll.",
        hsa_past_wage_base: "Social Security tax is not counted: at a federal bracket of 32% or more, your wages are likely past the most it is taken from each year.",
        hsa_caveat: "Confirm with your HSA or FSA plan administrator that this treatment is an eligible expense before you pay with pre-tax dollars. Your own tax situation may differ.",
        pay_in_full: "Pay in full",
        deferred_heading: "No interest if paid in full",
        fixed_heading: "Fixed monthly payments",
        a_month: "a month",
        not_available: "Not available",
        apr: "APR",
        total: "total",
        interest: "interest",
    },
    refusal: english_refusal,
};

/// Each answer quoted in a refusal (what was typed, an unknown `id`) is written as its excerpt
/// ([`Quoted`]).
#[cfg(english)]
fn english_refusal(refusal: &Refusal) -> String {
    match *refusal {
        Refusal::ChooseCondition => "choose a condition".to_owned(),
        Refusal::Unknown(what, id) => {
            let what = match what {
                Unknown::Condition => "condition",
                Unknown::Product => "product",
                Unknown::Plan => "plan",
            };
            format!("unknown {what} \"{}\"", Quoted(id))
        }
        Refusal::ChooseCount { min, max, keyword } => {
            format!("choose {min} to {max}, or \"{keyword}\"")
        }
        Refusal::CountOutOfRange { min, max, got } => {
            format!("must be {min} to {max}; it is {}", Quoted(got))
        }
        Refusal::NotACount {
            min,
            max,
            keyword,
            got,
        } => format!(
            "enter a whole number from {min} to {max}, or \"{keyword}\"; you typed \"{}\"",
            Quoted(got)
        ),
        Refusal::Money(NotMoney::Negative(got)) => {
            format!(
                "enter an amount of 0 or more; you typed \"{}\"",
                Quoted(got)
            )
        }
        Refusal::Money(NotMoney::NotDollars(got)) => {
            format!(
                "enter an amount like 1,500.00; you typed \"{}\"",
                Quoted(got)
            )
        }
        Refusal::Money(NotMoney::FractionOfACent(got)) => {
            format!(
                "enter whole cents, at most 2 decimals; you typed \"{}\"",
                Quoted(got)
            )
        }
        Refusal::Money(NotMoney::TooLarge(got)) => {
            format!("enter a smaller amount; you typed \"{}\"", Quoted(got))
        }
        Refusal::AtMost { max, got } => {
            format!("enter {max} or less; you typed \"{}\"", Quoted(got))
        }
        Refusal::Money(NotMoney::NotAPercent(got)) => {
            format!(
                "enter a percentage from 0 to 100; you typed \"{}\"",
                Quoted(got)
            )
        }
        Refusal::Money(NotMoney::TooManyDecimals(got)) => {
            format!("enter at most 2 decimals; you typed \"{}\"", Quoted(got))
        }
        Refusal::CoveredVisits { max, got } => {
            format!(
                "enter a whole number from 0 to {max}, or leave it blank for no limit; you typed \"{}\"",
                Quoted(got)
            )
        }
        Refusal::CopayBeforeDeductible(got) => format!(
            "must be \"yes\", \"no\" or \"not_sure\"; it is \"{}\"",
            Quoted(got)
        ),
        Refusal::ThroughPayroll(got) => {
            format!("must be \"yes\" or \"no\"; it is \"{}\"", Quoted(got))
        }
        Refusal::FederalBracket(got) => format!(
            "enter your bracket as a percent, like 22 for 22% (the top bracket is 37%); you typed \"{}\"",
            Quoted(got)
        ),
        Refusal::TaxOverWhole { payroll, combined } if payroll.get() == 0 => {
            format!("federal + state tax must not exceed 100%; together they are {combined}")
        }
        Refusal::TaxOverWhole { payroll, combined } => {
            format!("federal + state + {payroll} payroll tax must not exceed 100%; together they are {combined}")
        }
    }
}

/// A name as it reads inside a Spanish sentence: the price book writes it as it stands alone
/// (`Tendinopatía de Aquiles`), and Spanish lowercases a common noun mid-sentence (`para
/// tendinopatía de Aquiles`). A first word in capitals throughout (an acronym) is left alone.
#[cfg(spanish)]
fn in_sentence(name: &str) -> String {
    let mut letters = name.chars();
    match (letters.next().and_then(latin1_lower), letters.next()) {
        (Some(lower), Some(second)) if latin1_lower(second).is_none() => {
            std::iter::once(lower).chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// The small letter of a Latin-1 capital (`A`–`Z`, `À`–`Þ` but `×`, which covers Spanish's `Á`,
/// `É`, `Í`, `Ñ`, `Ó`, `Ú`, `Ü`); `None` for any other character. Unicode's full case tables
/// (`char::to_lowercase`) would add some 8 KB brotli to the visitor's module for this one use.
#[cfg(spanish)]
fn latin1_lower(letter: char) -> Option<char> {
    match letter {
        '×' => None,
        'A'..='Z' | 'À'..='Þ' => char::from_u32(u32::from(letter) + 0x20),
        _ => None,
    }
}

#[cfg(spanish)]
static SPANISH: Words = Words {
    injection: ["inyección", "inyecciones"],
    #[cfg(staff)]
    billing_units: |units, unit| format!("{} de {unit}", counted(units, ["unidad", "unidades"])),
    pt_session: ["sesión de fisioterapia", "sesiones de fisioterapia"],
    session: ["sesión", "sesiones"],
    range: |low, high| format!("de {low} a {high}"),
    not_sure: "Todavía no lo sé",
    typical: "Lo habitual en mi caso",
    each: ["cada uno", "cada una"],
    visit: ["visita", "visitas"],
    past_covered_visits: "después de agotar sus visitas cubiertas: precio sin seguro",
    copay: "copago",
    deductible: "deducible",
    deductible_then: "deducible, luego",
    deductible_then_copay: "deducible, luego copago",
    coinsurance: "de coseguro",
    therapy_here: |clinic| {
        format!(
            "La fisioterapia se muestra con los precios propios de {clinic}. Si la recibe en otro \
             consultorio, se aplican los precios de ese consultorio."
        )
    },
    coinsurance_not_entered: [
        "el mejor caso del plan (no ingresó coseguro ni copago)",
        "el peor caso del plan (no ingresó coseguro ni copago)",
    ],
    plan_figures_missing: |deductible, coinsurance| {
        let (missing, them) = match (deductible, coinsurance) {
            (true, true) => ("ingresaron el deducible, el coseguro ni el copago", "ingréselos"),
            (true, false) => ("ingresó el deducible", "ingréselo"),
            _ => ("ingresaron el coseguro ni el copago", "ingréselos"),
        };
        format!(
            "No se {missing} de su plan, así que la fisioterapia se muestra desde el mejor caso del \
             plan hasta el peor; {them} para ver una sola cifra."
        )
    },
    copay_timing_unsure: "No sabe si su copago se aplica antes de cubrir el deducible, así que la \
        fisioterapia se muestra de las dos formas: con el copago desde la primera visita en el mínimo y \
        con el deducible primero en el máximo.",
    copay_and_coinsurance: |rate| format!("copago, luego {rate} de coseguro sobre el resto"),
    prompt_pay_condition: |rate, without| {
        format!("Supone que paga el total en la visita ({rate} de descuento); si no, {without}.")
    },
    copay_with_coinsurance: |rate| {
        format!(
            "Ingresó un copago y también un coseguro. Los planes los combinan de dos formas, así que \
             la fisioterapia se muestra de las dos: solo el copago en el mínimo, y el copago más el \
             {rate} del resto de cada visita en el máximo. El resumen de su plan dice cuál se aplica."
        )
    },
    out_of_pocket_reached: "alcanzó el máximo de gastos de su bolsillo",
    paid_by_plan: "lo paga su plan",
    discount: "Descuento",
    applied_by_staff: "aplicado por el personal",
    fix_for_payment: "Corrija la respuesta marcada arriba para ver cómo pagar.",
    fix_for_hsa: "Corrija la tasa de impuestos para ver cuánto ahorra al pagar con una HSA o FSA.",
    enter_tax_rates: "Ingrese su tramo del impuesto federal sobre la renta para ver cuánto ahorra al pagar con una HSA o FSA.",
    fix_for_comparison: "Corrija la respuesta marcada arriba para comparar escenarios.",
    fix_for_lines: "Corrija la respuesta marcada arriba para ver el estimado línea por línea.",
    check_answers: "Revise sus respuestas",
    right_to_estimate_heading: "Su derecho a un Estimado de buena fe",
    right_to_estimate_lead: "Las cifras de arriba son un estimado, no un Estimado de buena fe. Si usted paga su atención por su cuenta, le damos uno si lo pide, y puede disputar una factura que lo supere en $400 o más.",
    notice_in_full: "El aviso completo",
    right_to_estimate: SPANISH_RIGHT_TO_ESTIMATE,
    ask_for_estimate: |clinic, phone, email| match email {
        Some(email) => format!(
            "Para pedir un Estimado de buena fe, llame a {clinic} al {phone} o escriba a {email}."
        ),
        None => format!("Para pedir un Estimado de buena fe, llame a {clinic} al {phone}."),
    },
    itemized_estimate: "Estimado detallado",
    low_end: "Mínimo",
    high_end: "Máximo",
    item: "Concepto",
    amount: "Monto",
    you_pay: "Usted paga",
    plan_pays_total: "Su plan paga",
    pay: PayWords {
        columns: ["Sin terapia", "Terapia sin seguro", "Terapia con seguro"],
        injections: "Inyecciones",
        what_you_pay: "lo que usted paga",
        comparison_region: "Comparación de escenarios",
        your_answers: "sus respuestas",
        no_sessions_note: "Columnas de fisioterapia: ninguna, porque eligió 0 sesiones.",
        sessions_note: |(fewest, most), typical| {
            let sessions = match fewest == most {
                true => format!("{fewest}"),
                false => format!("{fewest} a {most}"),
            };
            match typical {
                Some(condition) => format!(
                    "Columnas de fisioterapia: la evaluación y {sessions} sesiones, lo habitual en casos de {}.",
                    in_sentence(condition)
                ),
                None => format!("Columnas de fisioterapia: la evaluación y {sessions} sesiones."),
            }
        },
        up_to: "hasta",
        monthly_note: |plan| format!("Pagos mensuales: {plan}, sin su parte de la fisioterapia con seguro, que se paga en cada visita."),
        #[cfg(staff)]
        monthly_plan: |plan| format!("Pagos mensuales: {plan}."),
        deferred_terms: |months, apr| {
            format!("Sin intereses si se paga el total en {months} meses; si no, se cobra una tasa de porcentaje anual (APR) del {apr} desde la fecha de compra")
        },
        fixed_terms: |months, apr| format!("{months} pagos mensuales con una tasa de porcentaje anual (APR) del {apr}"),
        nothing_to_finance: "No hay nada que financiar",
        needs_purchase: |amount| format!("Requiere una compra de {amount} o más"),
        below_minimum: |payment, minimum| format!("El pago sería de {payment}, inferior al mínimo de {minimum} del prestamista"),
        back_interest: |months, interest, apr| {
            format!("Si no se paga el total en {months} meses: hasta {interest} de intereses, cobrados desde la fecha de compra con una tasa de porcentaje anual (APR) del {apr}.")
        },
        payment: ["pago", "pagos"],
        payments_of: |count, amount, last| match last {
            None => format!("{count} de {amount}"),
            Some(last) => format!("{count} de {amount}, luego {last}"),
        },
        discount_holds_financing: |rate| format!("El descuento del {rate} por pagar el total se mantiene aunque financie: el prestamista le paga a la clínica el total en la visita."),
        discount_lost_financing: |rate, financed| format!("Al financiar no se aplica el descuento del {rate} por pagar el total: los pagos se calculan sobre {financed}."),
        high_end_note: |financed| format!("Calculado sobre {financed}, del máximo de su estimado: alcanza para cualquier monto del rango."),
        worked_out_on: |financed| format!("Calculado sobre {financed}."),
        share_not_financed: |share| format!("Su parte de la fisioterapia con seguro, {share}, se paga en cada visita; no se financia."),
        no_financing: "Sin financiamiento (solo totales)",
        hsa_saves: |savings, parts, combined| {
            format!("Ahorra {savings}: {parts} = {combined} del total, redondeado al centavo hacia abajo.")
        },
        hsa_federal: "federal",
        hsa_state: "estatal",
        hsa_social_security_and_medicare: "de impuestos de Seguro Social y Medicare",
        hsa_medicare: "de impuesto de Medicare",
        hsa_state_not_entered: "No ingresó su tasa de impuesto estatal, así que no se cuenta.",
        hsa_payroll_not_answered: "El impuesto sobre la nómina no se cuenta hasta que diga si el dinero entra a la cuenta por medio de la nómina de su empleador.",
        hsa_past_wage_base: "El impuesto de Seguro Social no se cuenta: con un tramo federal del 32% o más, es probable que su salario ya haya pasado el máximo sobre el que se cobra cada año.",
        hsa_caveat: "Antes de pagar con su HSA o FSA, confirme con el administrador de la cuenta que este tratamiento es un gasto elegible. Su situación fiscal puede ser distinta.",
        pay_in_full: "Pago total",
        deferred_heading: "Sin intereses si paga el total a tiempo",
        fixed_heading: "Pagos mensuales fijos",
        a_month: "al mes",
        not_available: "No disponible",
        apr: "de tasa de porcentaje anual (APR)",
        total: "total",
        interest: "intereses",
    },
    refusal: spanish_refusal,
};

fn spanish_refusal(refusal: &Refusal) -> String {
    match *refusal {
        Refusal::ChooseCondition => "elija una afección".to_owned(),
        Refusal::Unknown(what, id) => {
            let what = match what {
                Unknown::Condition => "afección desconocida",
                Unknown::Product => "producto desconocido",
                Unknown::Plan => "plan desconocido",
            };
            format!("{what}: \"{}\"", Quoted(id))
        }
        Refusal::ChooseCount { min, max, keyword } => {
            format!("elija de {min} a {max}, o \"{keyword}\"")
        }
        Refusal::CountOutOfRange { min, max, got } => {
            format!("debe ser de {min} a {max}; es {}", Quoted(got))
        }
        Refusal::NotACount { min, max, keyword, got } => format!(
            "escriba un número entero de {min} a {max}, o \"{keyword}\"; usted escribió \"{}\"", Quoted(got)
        ),
        Refusal::Money(NotMoney::Negative(got)) => format!("escriba una cantidad de 0 o más; usted escribió \"{}\"", Quoted(got)),
        Refusal::Money(NotMoney::NotDollars(got)) => format!(
            "escriba una cantidad como 1,500.00; usted escribió \"{}\"", Quoted(got)
        ),
        Refusal::Money(NotMoney::FractionOfACent(got)) => format!(
            "escriba centavos enteros, con 2 decimales como máximo; usted escribió \"{}\"", Quoted(got)
        ),
        Refusal::Money(NotMoney::TooLarge(got)) => format!("escriba una cantidad menor; usted escribió \"{}\"", Quoted(got)),
        Refusal::AtMost { max, got } => {
            format!("escriba {max} o menos; usted escribió \"{}\"", Quoted(got))
        }
        Refusal::Money(NotMoney::NotAPercent(got)) => {
            format!("escriba un porcentaje de 0 a 100; usted escribió \"{}\"", Quoted(got))
        }
        Refusal::Money(NotMoney::TooManyDecimals(got)) => {
            format!("escriba 2 decimales como máximo; usted escribió \"{}\"", Quoted(got))
        }
        Refusal::CoveredVisits { max, got } => format!(
            "escriba un número entero de 0 a {max}, o déjelo en blanco si no hay límite; usted escribió \"{}\"", Quoted(got)
        ),
        Refusal::CopayBeforeDeductible(got) => format!(
            "debe ser \"yes\", \"no\" o \"not_sure\"; es \"{}\"", Quoted(got)
        ),
        Refusal::ThroughPayroll(got) => format!("debe ser \"yes\" o \"no\"; es \"{}\"", Quoted(got)),
        Refusal::FederalBracket(got) => format!(
            "escriba su tramo como porcentaje, por ejemplo 22 para el 22% (el tramo más alto es el 37%); usted escribió \"{}\"", Quoted(got)
        ),
        Refusal::TaxOverWhole { payroll, combined } if payroll.get() == 0 => format!(
            "el impuesto federal + el estatal no pueden superar el 100%; suman {combined}"
        ),
        Refusal::TaxOverWhole { payroll, combined } => format!(
            "el impuesto federal + el estatal + el {payroll} del impuesto sobre la nómina no pueden superar el 100%; suman {combined}"
        ),
    }
}

/// The headings of a English Good Faith Estimate; a self-pay price quote changes a few.
const ENGLISH_HEADINGS: Headings = Headings {
    quote: "Quote",
    issued: "Issued",
    valid_until: "Valid until",
    price_book: "Price book",
    patient: "Patient",
    name: "Name",
    date_of_birth: "Date of birth",
    primary_service: "Primary service",
    service: "Service",
    service_code: "Service code",
    diagnosis_code: "Diagnosis code",
    scheduled: "Scheduled",
    state: "state",
    item_or_service: "Item or service",
    quantity: "Qty",
    expected_charge: "Expected charge",
    total_for: "Total for",
    total: "Total estimated charges",
    items_from: "Items from",
    billed_to_insurance: "Billed to your insurance (not part of this estimate)",
    separately_scheduled: "Items and services to schedule separately",
    separate_estimate: "A separate Good Faith Estimate will be given for these when they are scheduled or on request.",
    please_read: "Please read",
    page_of: ["Page", "of"],
};

/// How to ask for a separate estimate or quote: the same words for both in English.
fn english_ask_separately(clinic: &str, phone: &str, email: Option<&str>) -> String {
    match email {
        Some(email) => format!("To ask for one, call {clinic} at {phone} or email {email}."),
        None => format!("To ask for one, call {clinic} at {phone}."),
    }
}

/// In Spanish, `one` agrees with what is asked for: `uno` (un estimado), `una` (una cotización).
fn spanish_ask_separately(one: &str, clinic: &str, phone: &str, email: Option<&str>) -> String {
    match email {
        Some(email) => {
            format!("Para pedir {one}, llame a {clinic} al {phone} o escriba a {email}.")
        }
        None => format!("Para pedir {one}, llame a {clinic} al {phone}."),
    }
}

static ENGLISH_GFE: GfeWords = GfeWords {
        not_this_quote: |total| format!(
            "No scenario here is this quote ({total}): they price the treatment alone, so this quote's extras, staff discount and therapy billed to insurance are not in them."
        ),
    good_faith_estimate: KindWords {
        title: "Good Faith Estimate",
        headings: ENGLISH_HEADINGS,
        disclaimers: None,
        ask_separately: english_ask_separately,
    },
    self_pay_quote: KindWords {
        title: "Self-pay price quote",
        headings: Headings {
            billed_to_insurance: "Billed to your insurance (not part of this quote)",
            separate_estimate: "A separate price quote will be given for these when they are scheduled or on request.",
            ..ENGLISH_HEADINGS
        },
        disclaimers: Some(QuoteDisclaimers {
            other_services: "Additional items or services may be recommended as part of your care that are not \
                included in this price quote. They would be priced separately.",
            actual_charges_may_differ: "This price quote shows the clinic's self-pay prices for the items and \
                services expected for your care. It is an estimate; actual items, services or charges may differ.",
            not_a_contract: "This price quote is not a contract and does not require you to obtain the items or \
                services from any of the providers listed.",
        }),
        ask_separately: english_ask_separately,
    },
    quality_of_care: "Starting the patient-provider dispute resolution process will not adversely affect the \
        quality of the health care services you receive from any provider or facility.",
    unchosen: Unchosen {
        coverage: "choose how the patient will pay",
        side: "choose the side treated",
        product: "choose the product",
        injections: "choose the planned number of injections",
        sessions: "choose the number of sessions",
        therapy_provider: "choose the therapy provider, or \"Other provider\" to type one in",
        prompt_pay: "choose whether the patient will pay in full at the visit (\"No prompt-pay discount\" for none)",
    },
    plan_figure_needed: PlanFigureNeeded {
        deductible: "enter the deductible the patient has left this year, 0 if it is met: left blank, therapy \
            would be priced as if it were met",
        coinsurance: "enter the coinsurance, or the copay per visit (0 for none): with both blank, therapy \
            would be priced as if the plan paid all of it",
    },
    not_scheduled: "Not yet scheduled",
    injection_not_scheduled: |n| format!("Injection {n}: not yet scheduled"),
    injection_on: |n, date| format!("Injection {n}: {date}"),
    injection_series: ["Amniotic tissue injection", "Amniotic tissue injections"],
    side: ["left side", "right side"],
    convening_provider: "Convening provider",
    co_provider: "Co-provider",
    through_plan: "through your plan",
    therapy_to_schedule: |sessions, injections, who| {
        let sessions = counted(sessions, ["session", "sessions"]);
        let after = if injections == 1 { "the injection" } else { "the injections" };
        format!("Physical therapy: an evaluation and {sessions} with {who}, after {after}.")
    },
    discounts_included: |list| format!("These charges already reflect: {list}."),
    at_clinic_prices: |clinic, provider| {
        format!(
            "Priced at {clinic}'s own physical therapy prices: {provider}'s own prices were not entered, \
             so ask {provider} for them."
        )
    },
    prompt_pay_included: |rate, without| {
        format!(
            "These charges include a {rate} discount for paying in full at the visit. Without it, the \
             clinic's charges are {without}."
        )
    },
    own_price_needed: "enter this provider's own price: what it charges a patient who pays it directly",
    own_allowed_needed: "enter what a plan usually allows this provider for it",
    waiver_reason: |reason| {
        format!(
            "this discount leaves none of the clinic's charges, so its reason must say why and who approved \
             it in at least three words, like \"financial hardship, approved by Dr. Lee\"; it is \"{reason}\""
        )
    },
    prompt_pay_excluded: |rate, with| {
        format!(
            "These charges do not include the {rate} discount for paying in full at the visit. Paid in full \
             at the visit, the clinic's charges are {with}."
        )
    },
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    long_date: |year, month, day| format!("{month} {day}, {year}"),
    range_warning: |high, planned, providers| {
        format!(
            "If {high} injections are needed instead of {planned}, {providers}. That is $400 or more above this \
             estimate, which the patient could dispute: consider quoting {high} injections."
        )
    },
    would_charge: |name, more, total| format!("{name} would charge {more} more ({total} in all)"),
    prompt_pay_warning: |provider, rate, off, without, threshold| {
        format!(
            "{provider}'s charges include {off} off ({rate}) for paying in full at the visit. A patient who \
             does not pay in full at the visit is billed {without}, {off} more than this estimate, and a bill \
             {threshold} or more above the estimate for one provider can be disputed. Unless the patient will \
             pay in full at the visit, leave the discount out of the charges."
        )
    },
    prompt_pay_choices: |rate| {
        [
            format!("Yes: the charges include the {rate} discount"),
            format!("No, or not sure: the charges are before the {rate} discount"),
            "No prompt-pay discount on this quote".to_owned(),
        ]
    },
    medicare: MedicareRefusals {
        staff_discount: "leave it blank for a Medicare patient: a discount offered to a Medicare patient can be \
            an unlawful inducement (42 U.S.C. 1320a-7a(a)(5)); a reduction for financial need follows the \
            clinic's own policy",
        prompt_pay: "choose \"No prompt-pay discount\" for a Medicare patient: a discount offered to a Medicare \
            patient can be an unlawful inducement (42 U.S.C. 1320a-7a(a)(5))",
        cash_therapy: "choose Insurance for a Medicare patient: a Medicare-enrolled therapist must file the claim \
            (42 U.S.C. 1395w-4(g)(4)) and cannot opt out of Medicare to be paid in cash",
    },
    refusal: english_quote_refusal,
};

/// The headings of a Spanish Good Faith Estimate; a self-pay price quote changes a few.
const SPANISH_HEADINGS: Headings = Headings {
    quote: "Cotización",
    issued: "Emitido el",
    valid_until: "Válido hasta el",
    price_book: "Lista de precios",
    patient: "Paciente",
    name: "Nombre",
    date_of_birth: "Fecha de nacimiento",
    primary_service: "Servicio principal",
    service: "Servicio",
    service_code: "Código de servicio",
    diagnosis_code: "Código de diagnóstico",
    scheduled: "Programado",
    state: "estado",
    item_or_service: "Artículo o servicio",
    quantity: "Cant.",
    expected_charge: "Cargo previsto",
    total_for: "Total de",
    total: "Total de cargos estimados",
    items_from: "Conceptos de",
    billed_to_insurance: "Facturado a su seguro (no forma parte de este estimado)",
    separately_scheduled: "Artículos y servicios que se programan por separado",
    separate_estimate:
        "Se le dará un Estimado de buena fe aparte para estos cuando se programen o si lo solicita.",
    please_read: "Lea con atención",
    page_of: ["Página", "de"],
};

static SPANISH_GFE: GfeWords = GfeWords {
        not_this_quote: |total| format!(
            "Ningún escenario de aquí es esta cotización ({total}): solo dan el precio del tratamiento, así que no incluyen los artículos adicionales, el descuento del personal ni la fisioterapia facturada al seguro de esta cotización."
        ),
    good_faith_estimate: KindWords {
        title: "Estimado de buena fe",
        headings: SPANISH_HEADINGS,
        disclaimers: None,
        ask_separately: |clinic, phone, email| spanish_ask_separately("uno", clinic, phone, email),
    },
    self_pay_quote: KindWords {
        title: "Cotización de pago directo",
        headings: Headings {
            issued: "Emitida el",
            valid_until: "Válida hasta el",
            billed_to_insurance: "Facturado a su seguro (no forma parte de esta cotización)",
            separate_estimate: "Se le dará una cotización aparte para estos cuando se programen o si lo solicita.",
            ..SPANISH_HEADINGS
        },
        disclaimers: Some(QuoteDisclaimers {
            other_services: "Es posible que se recomienden artículos o servicios adicionales como parte de su \
                atención que no están incluidos en esta cotización. Se cotizarían por separado.",
            actual_charges_may_differ: "Esta cotización muestra los precios de pago directo de la clínica para los \
                artículos y servicios que se espera que necesite para su atención. Es un estimado; los artículos, \
                servicios o cargos reales pueden ser diferentes.",
            not_a_contract: "Esta cotización no es un contrato y no le obliga a obtener los artículos o servicios \
                de ninguno de los proveedores indicados.",
        }),
        ask_separately: |clinic, phone, email| spanish_ask_separately("una", clinic, phone, email),
    },
    quality_of_care: "Iniciar el proceso de resolución de disputas entre pacientes y proveedores no afectará \
        negativamente la calidad de los servicios de atención médica que reciba de ningún proveedor o centro.",
    unchosen: Unchosen {
        coverage: "elija cómo pagará el paciente",
        side: "elija el lado tratado",
        product: "elija el producto",
        injections: "elija el número de inyecciones previstas",
        sessions: "elija el número de sesiones",
        therapy_provider: "elija el proveedor de fisioterapia, u «Otro proveedor» para escribir uno",
        prompt_pay: "elija si el paciente pagará todo en la visita («Sin descuento por pronto pago» si no hay)",
    },
    plan_figure_needed: PlanFigureNeeded {
        deductible: "escriba el deducible que le queda al paciente este año, 0 si ya lo alcanzó: en blanco, la \
            fisioterapia se calcularía como si ya lo hubiera alcanzado",
        coinsurance: "escriba el coseguro, o el copago por visita (0 si no hay): con ambos en blanco, la \
            fisioterapia se calcularía como si el plan pagara todo",
    },
    not_scheduled: "Aún no programado",
    injection_not_scheduled: |n| format!("Inyección {n}: aún no programada"),
    injection_on: |n, date| format!("Inyección {n}: {date}"),
    injection_series: ["Inyección de tejido amniótico", "Inyecciones de tejido amniótico"],
    side: ["lado izquierdo", "lado derecho"],
    convening_provider: "Proveedor convocante",
    co_provider: "Coproveedor",
    through_plan: "a través de su plan",
    therapy_to_schedule: |sessions, injections, who| {
        let sessions = counted(sessions, ["sesión", "sesiones"]);
        let after = if injections == 1 { "la inyección" } else { "las inyecciones" };
        format!("Fisioterapia: una evaluación y {sessions} con {who}, después de {after}.")
    },
    discounts_included: |list| format!("Estos cargos ya reflejan: {list}."),
    at_clinic_prices: |clinic, provider| {
        format!(
            "Con los precios de fisioterapia de {clinic}: no se ingresaron los precios propios de \
             {provider}, así que pídaselos a {provider}."
        )
    },
    prompt_pay_included: |rate, without| {
        format!(
            "Estos cargos incluyen un descuento del {rate} por pagar el total en la visita. Sin él, los cargos \
             de la clínica son {without}."
        )
    },
    own_price_needed: "escriba el precio propio de este proveedor: lo que cobra a un paciente que le paga directamente",
    own_allowed_needed: "escriba lo que un plan suele permitir a este proveedor por esto",
    waiver_reason: |reason| {
        format!(
            "este descuento no deja ningún cargo de la clínica, así que su motivo debe decir por qué y quién lo \
             aprobó en al menos tres palabras, como «dificultad económica, aprobado por la Dra. Lee»; es «{reason}»"
        )
    },
    prompt_pay_excluded: |rate, with| {
        format!(
            "Estos cargos no incluyen el descuento del {rate} por pagar el total en la visita. Si paga el total \
             en la visita, los cargos de la clínica son {with}."
        )
    },
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    long_date: |year, month, day| format!("{day} de {month} de {year}"),
    range_warning: |high, planned, providers| {
        format!(
            "Si se necesitan {high} inyecciones en lugar de {planned}, {providers}. Son $400 o más por encima de \
             este estimado, lo que el paciente podría disputar: considere cotizar {high} inyecciones."
        )
    },
    would_charge: |name, more, total| format!("{name} cobraría {more} más ({total} en total)"),
    prompt_pay_warning: |provider, rate, off, without, threshold| {
        format!(
            "Los cargos de {provider} incluyen {off} de descuento ({rate}) por pagar el total en la visita. \
             A un paciente que no paga el total en la visita se le factura {without}, {off} más que este \
             estimado, y una factura {threshold} o más por encima del estimado para un proveedor se puede \
             disputar. A menos que el paciente vaya a pagar el total en la visita, deje el descuento fuera de \
             los cargos."
        )
    },
    prompt_pay_choices: |rate| {
        [
            format!("Sí: los cargos incluyen el descuento del {rate}"),
            format!("No, o no se sabe: los cargos son sin el descuento del {rate}"),
            "Sin descuento por pronto pago en esta cotización".to_owned(),
        ]
    },
    medicare: MedicareRefusals {
        staff_discount: "déjelo en blanco para un paciente de Medicare: un descuento ofrecido a un paciente de \
            Medicare puede ser un incentivo ilícito (42 U.S.C. 1320a-7a(a)(5)); una reducción por necesidad \
            económica sigue la política de la clínica",
        prompt_pay: "elija \"Sin descuento por pronto pago\" para un paciente de Medicare: un descuento ofrecido \
            a un paciente de Medicare puede ser un incentivo ilícito (42 U.S.C. 1320a-7a(a)(5))",
        cash_therapy: "elija Seguro para un paciente de Medicare: un fisioterapeuta inscrito en Medicare debe \
            presentar la reclamación (42 U.S.C. 1395w-4(g)(4)) y no puede salir de Medicare para cobrar en \
            efectivo",
    },
    refusal: spanish_quote_refusal,
};

/// Why a staff quote request is refused at a field, before it is put in words:
/// [`GfeWords::refusal`] writes it in the quote's language, `cannot be before the quote's issue
/// date (2026-11-21); it is 2026-11-20` or `no puede ser anterior a la fecha de emisión de la
/// cotización (21 de noviembre de 2026); es el 20 de noviembre de 2026`. What the visitor's
/// answers inside the quote refuse is a [`Refusal`], in the same language.
/// #[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteRefusal<'a> {
    /// The patient's name left blank.
    PatientName,
    /// A text longer than `max` characters.
    TooLong {
        /// The most allowed.
        max: usize,
    },
    /// A text with a character that would not print as it reads.
    Hidden(Hidden),
    /// A date left blank.
    EnterDate,
    /// Not a date `YYYY-MM-DD`.
    NotADate(&'a str),
    /// A date of birth after the issue date.
    BornAfterIssue(Date),
    /// A date of birth more than `years` before the issue date.
    BornTooLongAgo {
        /// The oldest allowed, in years.
        years: u32,
        /// The earliest date of birth allowed.
        earliest: Date,
        /// The date of birth.
        born: Date,
    },
    /// The first injection's date before the issue date.
    ScheduledBeforeIssue {
        /// The issue date.
        issued: Date,
        /// The date given.
        scheduled: Date,
    },
    /// A side other than `left` or `right`.
    Side(&'a str),
    /// A range of injections where a quote needs the planned number.
    PlannedInjections,
    /// A range of sessions where a quote needs the planned number.
    PlannedSessions,
    /// "Up to" injections not more than planned, or past the book's most.
    InjectionsUpTo {
        /// The planned injections.
        planned: u32,
        /// The book's most.
        max: u32,
        /// The answer as given.
        got: &'a str,
    },
    /// Later injection dates with one injection planned.
    NoLaterInjection,
    /// More later injection dates than the planned injections after the first.
    TooManyLaterDates {
        /// The planned injections.
        planned: u32,
        /// The most later dates.
        most: u32,
        /// The later dates given.
        given: usize,
    },
    /// Later injection dates without the first's.
    FirstDateFirst,
    /// A later injection before the issue date.
    InjectionBeforeIssue {
        /// Its number, the first injection being 1.
        injection: usize,
        /// The issue date.
        issued: Date,
        /// Its date.
        date: Date,
    },
    /// A later injection before the one before it.
    InjectionBeforePrevious {
        /// Its number, the first injection being 1.
        injection: usize,
        /// The date of the one before it.
        before: Date,
        /// Its date.
        date: Date,
    },
    /// A document replaced, its number left blank.
    ReplacedNumber,
    /// The document a revision replaces issued after today.
    RevisedAfterToday {
        /// Its issue date.
        issued: Date,
        /// Today.
        today: Date,
    },
    /// A document replaced issued after the one that replaces it.
    ReplacedAfterReplacing {
        /// The issue date of the one that replaces it.
        after: Date,
        /// Its issue date.
        issued: Date,
    },
    /// An extra item the price book does not have.
    UnknownExtra(&'a str),
    /// An extra's quantity that is not `0..=max`.
    ExtraQuantity {
        /// The most allowed.
        max: u32,
        /// The answer as given.
        got: &'a str,
    },
    /// An amount over `max`.
    AtMost {
        /// The most allowed.
        max: Cents,
        /// The answer as given.
        got: &'a str,
    },
    /// A staff discount given both as a percent and as an amount.
    PercentAndAmount,
    /// A staff discount without a reason.
    DiscountReason,
    /// A therapy partner the price book does not have.
    UnknownPartner(&'a str),
    /// A typed-in provider's field left blank ("Other provider (type it in)" chosen): asked for
    /// in words at that field, not as a malformed value.
    EnterProvider(ProviderField),
    /// A typed-in provider's name left blank ("Other provider (type it in)" chosen).
    ProviderName,
    /// Not an NPI.
    Npi(NpiFault, &'a str),
    /// Not a TIN.
    Tin(&'a str),
    /// Not a state code.
    State(&'a str),
    /// Not a ZIP code.
    Zip(&'a str),
    /// Issued before the price book takes effect.
    BeforeEffective {
        /// The book's effective date.
        effective: Date,
        /// The book's version.
        version: &'a str,
        /// The issue date.
        issued: Date,
    },
    /// A prompt-pay choice at a price book without a prompt-pay discount.
    NoPromptPay,
}

/// A typed-in provider's field that can be left blank ([`QuoteRefusal::EnterProvider`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderField {
    /// Its NPI.
    Npi,
    /// Its TIN.
    Tin,
    /// Its street and number.
    Street,
    /// Its city.
    City,
    /// Its state code.
    State,
    /// Its ZIP code.
    Zip,
}

impl Date {
    /// `November 21, 2026`, or in Spanish `21 de noviembre de 2026`. (Here, beside the words it is
    /// made of, so that `calendar` stays below `language`.)
    pub fn long_form(self, language: Language) -> String {
        let (year, month, day) = self.parts();
        let words = language.gfe_words();
        (words.long_date)(year, words.months[(month - 1) as usize], day)
    }
}

/// A staff quote's refusals in English. Dates as the document writes them (`November 21, 2026`);
/// a date that cannot be is said as what is wrong with it; each answer quoted is
/// written as its excerpt ([`Quoted`]).
fn english_quote_refusal(refusal: &QuoteRefusal) -> String {
    let day = |date: Date| date.long_form(Language::English);
    match *refusal {
        QuoteRefusal::PatientName => "enter the patient's name".to_owned(),
        QuoteRefusal::TooLong { max } => format!("must be at most {max} characters"),
        QuoteRefusal::Hidden(ref hidden) => hidden.in_english(),
        QuoteRefusal::EnterDate => "enter the date".to_owned(),
        QuoteRefusal::NotADate(got) => match crate::calendar::DateFault::of(got) {
            DateFault::Year(year) => {
                format!("the year {year} cannot be right (a date from 1900 to 9999): check the year")
            }
            DateFault::NoSuchDay { year, month, days } => format!(
                "there is no such day: {} {year} has {days} days; it is \"{}\"",
                Language::English.gfe_words().months[(month - 1) as usize],
                Quoted(got)
            ),
            DateFault::Shape => crate::calendar::not_a_date(got),
        },
        QuoteRefusal::BornAfterIssue(issued) => {
            format!("must not be after the issue date ({})", day(issued))
        }
        QuoteRefusal::BornTooLongAgo {
            years,
            earliest,
            born,
        } => format!(
            "must be a date of birth at most {years} years before the issue date, from {}; it is {}",
            day(earliest),
            day(born)
        ),
        // An estimate prices care still to come: after an injection was given, a revision counts
        // the injections left and dates the next (billing walk-throughs 5 and 6).
        QuoteRefusal::ScheduledBeforeIssue { issued, scheduled } => {
            format!(
                "cannot be before the quote's issue date ({}); it is {}. If that injection was \
                 given, count only the injections still to come and date the next one",
                day(issued),
                day(scheduled)
            )
        }
        QuoteRefusal::Side(got) => {
            format!("must be \"left\" or \"right\"; it is \"{}\"", Quoted(got))
        }
        QuoteRefusal::PlannedInjections => {
            "a quote needs the planned number of injections".to_owned()
        }
        QuoteRefusal::PlannedSessions => "a quote needs the planned number of sessions".to_owned(),
        // The planned count is already the book's most: nothing can be more, so say that.
        QuoteRefusal::InjectionsUpTo { planned, max, got } if planned >= max => format!(
            "{} are planned, the most the price book allows: leave this blank; it is \"{}\"",
            counted(planned, ["injection", "injections"]),
            Quoted(got)
        ),
        QuoteRefusal::InjectionsUpTo { planned, max, got } => format!(
            "must be more than the planned {planned} and at most {max}, or blank; it is \"{}\"",
            Quoted(got)
        ),
        QuoteRefusal::NoLaterInjection => {
            "1 injection is planned, so there is no later injection to date".to_owned()
        }
        QuoteRefusal::TooManyLaterDates {
            planned,
            most,
            given,
        } => format!(
            "{planned} injections are planned: at most {}; there are {given}",
            counted(most, ["later date", "later dates"])
        ),
        QuoteRefusal::FirstDateFirst => {
            "enter the first injection's date before the later injections' dates".to_owned()
        }
        QuoteRefusal::InjectionBeforeIssue {
            injection,
            issued,
            date,
        } => format!(
            "injection {injection} cannot be before the quote's issue date ({}); it is {}",
            day(issued),
            day(date)
        ),
        QuoteRefusal::InjectionBeforePrevious {
            injection,
            before,
            date,
        } => format!(
            "injection {injection} cannot be before injection {} ({}); it is {}",
            injection - 1,
            day(before),
            day(date)
        ),
        QuoteRefusal::ReplacedNumber => {
            "must be the number of the document this one replaces".to_owned()
        }
        QuoteRefusal::RevisedAfterToday { issued, today } => format!(
            "the quote this revises was issued on {}, after today ({}): check the computer's date",
            day(issued),
            day(today)
        ),
        QuoteRefusal::ReplacedAfterReplacing { after, issued } => {
            format!(
                "cannot be after the document that replaces it ({}); it is {}",
                day(after),
                day(issued)
            )
        }
        QuoteRefusal::UnknownExtra(id) => format!("unknown item \"{}\"", Quoted(id)),
        QuoteRefusal::ExtraQuantity { max, got } => {
            format!("must be 0 to {max}; it is \"{}\"", Quoted(got))
        }
        QuoteRefusal::AtMost { max, .. } => format!("must be at most {max}"),
        QuoteRefusal::PercentAndAmount => "give a percent or an amount, not both".to_owned(),
        QuoteRefusal::DiscountReason => "a staff discount needs a reason".to_owned(),
        QuoteRefusal::UnknownPartner(id) => format!("unknown partner \"{}\"", Quoted(id)),
        QuoteRefusal::EnterProvider(field) => match field {
            ProviderField::Npi => "enter the provider's NPI: 10 digits",
            ProviderField::Tin => "enter the provider's TIN: 9 digits, as 123456789 or 12-3456789",
            ProviderField::Street => "enter the provider's street and number",
            ProviderField::City => "enter the provider's city",
            ProviderField::State => "enter the provider's two-letter state code, like TX",
            ProviderField::Zip => "enter the provider's ZIP code, like 78701",
        }
        .to_owned(),
        QuoteRefusal::ProviderName => {
            "enter the therapy provider's name, as it should print on the estimate".to_owned()
        }
        QuoteRefusal::Npi(fault, npi) => fault.in_english(npi),
        QuoteRefusal::Tin(got) => format!(
            "must be 9 digits, as 123456789 or 12-3456789; it is \"{}\"",
            Quoted(got)
        ),
        QuoteRefusal::State(got) => format!(
            "must be a two-letter state code like TX; it is \"{}\"",
            Quoted(got)
        ),
        QuoteRefusal::Zip(got) => format!(
            "must be a ZIP code like 78701 or 78701-1234; it is \"{}\"",
            Quoted(got)
        ),
        QuoteRefusal::BeforeEffective {
            effective,
            version,
            issued,
        } => format!(
            // Whole: the issue date has no field of its own, so the page lists it alone.
            "the issue date, {} (today on this computer), is before these prices take effect ({}, \
             price book {version})",
            day(issued),
            day(effective)
        ),
        QuoteRefusal::NoPromptPay => {
            "this price book has no prompt-pay discount: leave the choice out".to_owned()
        }
    }
}

/// A staff quote's refusals in Spanish, addressed to staff as `usted`. Dates are written as the
/// Spanish document writes them (`21 de noviembre de 2026`).
fn spanish_quote_refusal(refusal: &QuoteRefusal) -> String {
    let day = |date: Date| date.long_form(Language::Spanish);
    // What was typed: `usted escribió "…"`, or that nothing was.
    let typed = |got: &str| match got.trim().is_empty() {
        true => "está en blanco".to_owned(),
        false => format!("usted escribió \"{}\"", Quoted(got)),
    };
    match *refusal {
        QuoteRefusal::PatientName => "escriba el nombre del paciente".to_owned(),
        QuoteRefusal::TooLong { max } => format!("debe tener como máximo {max} caracteres"),
        QuoteRefusal::Hidden(Hidden { ref code, at }) => format!(
            "no debe contener caracteres de control ni de dirección del texto; tiene U+{code} en el carácter {at}"
        ),
        QuoteRefusal::EnterDate => "escriba la fecha".to_owned(),
        QuoteRefusal::NotADate(got) => match DateFault::of(got) {
            DateFault::Year(year) => {
                format!("el año {year} no puede ser correcto (una fecha de 1900 a 9999): revise el año")
            }
            DateFault::NoSuchDay { year, month, days } => format!(
                "ese día no existe: {} de {year} tiene {days} días; {}",
                Language::Spanish.gfe_words().months[(month - 1) as usize],
                typed(got)
            ),
            DateFault::Shape => format!("escriba una fecha como 2026-11-01; {}", typed(got)),
        },
        QuoteRefusal::BornAfterIssue(issued) => {
            (Language::Spanish.date_words().after_issue)(&day(issued))
        }
        QuoteRefusal::BornTooLongAgo {
            years,
            earliest,
            born,
        } => format!(
            "debe ser como máximo {years} años anterior a la fecha de emisión, es decir, el {} o después; es el {}",
            day(earliest),
            day(born)
        ),
        QuoteRefusal::ScheduledBeforeIssue { issued, scheduled } => format!(
            "no puede ser anterior a la fecha de emisión de la cotización ({}); es el {}. Si esa \
             inyección ya se aplicó, cuente solo las inyecciones que faltan y ponga la fecha de la \
             siguiente",
            day(issued),
            day(scheduled)
        ),
        QuoteRefusal::Side(got) => {
            format!("elija el lado izquierdo o el derecho; es \"{}\"", Quoted(got))
        }
        QuoteRefusal::PlannedInjections => {
            "una cotización necesita el número exacto de inyecciones previstas".to_owned()
        }
        QuoteRefusal::PlannedSessions => {
            "una cotización necesita el número exacto de sesiones previstas".to_owned()
        }
        QuoteRefusal::InjectionsUpTo { planned, max, got } if planned >= max => format!(
            "ya se prevén {}, lo máximo que permite la lista de precios: déjelo en blanco; {}",
            counted(planned, ["inyección", "inyecciones"]),
            typed(got)
        ),
        QuoteRefusal::InjectionsUpTo { planned, max, got } => format!(
            "escriba un número mayor que las {} y como máximo {max}, o déjelo en blanco; {}",
            counted(planned, ["inyección prevista", "inyecciones previstas"]),
            typed(got)
        ),
        QuoteRefusal::NoLaterInjection => {
            "hay 1 inyección prevista, así que no hay ninguna inyección posterior que fechar".to_owned()
        }
        QuoteRefusal::TooManyLaterDates {
            planned,
            most,
            given,
        } => format!(
            "hay {planned} inyecciones previstas: como máximo {}; hay {given}",
            counted(most, ["fecha posterior", "fechas posteriores"])
        ),
        QuoteRefusal::FirstDateFirst => "escriba la fecha de la primera inyección antes de las fechas de \
            las inyecciones posteriores"
            .to_owned(),
        QuoteRefusal::InjectionBeforeIssue {
            injection,
            issued,
            date,
        } => format!(
            "la inyección {injection} no puede ser anterior a la fecha de emisión de la cotización ({}); es el {}",
            day(issued),
            day(date)
        ),
        QuoteRefusal::InjectionBeforePrevious {
            injection,
            before,
            date,
        } => format!(
            "la inyección {injection} no puede ser anterior a la inyección {} ({}); es el {}",
            injection - 1,
            day(before),
            day(date)
        ),
        QuoteRefusal::ReplacedNumber => {
            "debe ser el número del documento que este reemplaza".to_owned()
        }
        QuoteRefusal::RevisedAfterToday { issued, today } => format!(
            "la cotización que esta revisa se emitió el {}, después de hoy ({}): revise la fecha de la computadora",
            day(issued),
            day(today)
        ),
        QuoteRefusal::ReplacedAfterReplacing { after, issued } => format!(
            "no puede ser posterior al documento que lo reemplaza ({}); es el {}",
            day(after),
            day(issued)
        ),
        QuoteRefusal::UnknownExtra(id) => format!("artículo desconocido: \"{}\"", Quoted(id)),
        QuoteRefusal::ExtraQuantity { max, got } => {
            format!("escriba un número entero de 0 a {max}; {}", typed(got))
        }
        QuoteRefusal::AtMost { max, got } => spanish_refusal(&Refusal::AtMost { max, got }),
        QuoteRefusal::PercentAndAmount => {
            "escriba un porcentaje o una cantidad, no ambos".to_owned()
        }
        QuoteRefusal::DiscountReason => "escriba el motivo del descuento del personal".to_owned(),
        QuoteRefusal::UnknownPartner(id) => format!("proveedor desconocido: \"{}\"", Quoted(id)),
        QuoteRefusal::EnterProvider(field) => match field {
            ProviderField::Npi => "escriba el NPI del proveedor: 10 dígitos",
            ProviderField::Tin => {
                "escriba el TIN del proveedor: 9 dígitos, como 123456789 o 12-3456789"
            }
            ProviderField::Street => "escriba la calle y el número del proveedor",
            ProviderField::City => "escriba la ciudad del proveedor",
            ProviderField::State => {
                "escriba el código de dos letras del estado del proveedor, como TX"
            }
            ProviderField::Zip => "escriba el código postal (ZIP) del proveedor, como 78701",
        }
        .to_owned(),
        QuoteRefusal::ProviderName => {
            "escriba el nombre del proveedor de fisioterapia, tal como debe aparecer en el estimado"
                .to_owned()
        }
        QuoteRefusal::Npi(NpiFault::CheckDigit, npi) => format!(
            "el último dígito no corresponde a los otros nueve: revise si hay un error al escribir \"{}\"",
            Quoted(npi)
        ),
        QuoteRefusal::Npi(NpiFault::NotTenDigits, npi) => {
            format!("debe tener 10 dígitos; {}", typed(npi))
        }
        QuoteRefusal::Tin(got) => format!(
            "debe tener 9 dígitos, como 123456789 o 12-3456789; {}",
            typed(got)
        ),
        QuoteRefusal::State(got) => format!(
            "escriba el código de dos letras del estado, como TX; {}",
            typed(got)
        ),
        QuoteRefusal::Zip(got) => format!(
            "escriba un código postal (ZIP) como 78701 o 78701-1234; {}",
            typed(got)
        ),
        QuoteRefusal::BeforeEffective {
            effective,
            version,
            issued,
        } => format!(
            "la fecha de emisión, el {} (hoy en esta computadora), es anterior al {}, cuando entran \
             en vigor estos precios (lista de precios {version})",
            day(issued),
            day(effective)
        ),
        QuoteRefusal::NoPromptPay => {
            "esta lista de precios no tiene descuento por pronto pago: deje la opción sin elegir".to_owned()
        }
    }
}

/// What a revised document says of the one it replaces, and what the staff page says of it: the
/// staff page's only, as [`GfeWords`].
pub struct RevisionWords {
    /// On the document, under its dates: `Revised Good Faith Estimate. Replaces {number} issued
    /// {date}.`, from (number, long date).
    pub replaces: fn(&str, &str) -> String,
    /// On the staff page, after that sentence: that the revised document must be given.
    pub give: &'static str,
    /// On the staff page, for a reopened document past its last valid day (a long date): a
    /// reprint is a copy of what the patient was given; care from now on needs a revision.
    pub expired: fn(&str) -> String,
    /// On the staff page, for a reopened document that today's price book prices otherwise: from
    /// (its book's version, its total, today's version, today's total).
    pub prices_changed: fn(&str, &str, &str, &str) -> String,
    /// Likewise when today's price book cannot price it: from (today's version, why, its book's
    /// version).
    pub cannot_price: fn(&str, &str, &str) -> String,
    /// On the staff page, in its language, for a reopened document in the other language: a
    /// change makes the revision in the page's language (billing walk-through 6, item 7).
    pub other_language: &'static str,
}

const ENGLISH_OTHER_LANGUAGE: &str = "This document is in Spanish. A change makes its revision in \
    English, this page's language; to give the patient a revision in Spanish, open it on the Spanish \
    staff page.";
const SPANISH_OTHER_LANGUAGE: &str = "Este documento está en inglés. Un cambio crea su revisión en \
    español, el idioma de esta página; para entregar al paciente una revisión en inglés, ábralo en la \
    página del personal en inglés.";

fn english_prices_changed(old: &str, kept: &str, new: &str, today: &str) -> String {
    format!(
        "Prices have changed since this quote was issued. It keeps the prices of price book {old} ({kept}); \
         today's price book {new} would give {today}."
    )
}

fn english_cannot_price(new: &str, error: &str, old: &str) -> String {
    format!("Today's price book ({new}) cannot price this quote ({error}). The quote keeps the prices of price book {old}.")
}

fn spanish_prices_changed(old: &str, kept: &str, new: &str, today: &str) -> String {
    format!(
        "Los precios han cambiado desde que se emitió esta cotización. Conserva los precios de la lista \
         {old} ({kept}); la lista de precios de hoy, {new}, daría {today}."
    )
}

fn spanish_cannot_price(new: &str, _error: &str, old: &str) -> String {
    format!(
        "La lista de precios de hoy ({new}) no puede calcular esta cotización. La cotización conserva los \
         precios de la lista {old}."
    )
}

impl Language {
    /// The words of a revision in this language, for a Good Faith Estimate or a self-pay price
    /// quote.
    pub fn revision_words(self, good_faith_estimate: bool) -> &'static RevisionWords {
        match (self, good_faith_estimate) {
            (Language::English, true) => &ENGLISH_REVISED_GFE,
            (Language::English, false) => &ENGLISH_REVISED_QUOTE,
            (Language::Spanish, true) => &SPANISH_REVISED_GFE,
            (Language::Spanish, false) => &SPANISH_REVISED_QUOTE,
        }
    }
}

static ENGLISH_REVISED_GFE: RevisionWords = RevisionWords {
    other_language: ENGLISH_OTHER_LANGUAGE,
    prices_changed: english_prices_changed,
    cannot_price: english_cannot_price,
    replaces: |number, date| {
        format!("Revised Good Faith Estimate. Replaces {number} issued {date}.")
    },
    give: "The quote has changed since it was issued: this is a revised Good Faith Estimate, with a new \
        number, issued today. Give it to the patient.",
    expired: |last| {
        format!(
            "This Good Faith Estimate expired on {last}, the last day it was valid. Print it only as a copy \
             of what the patient was given; for care from now on, change the form: that makes a revised \
             estimate, issued today."
        )
    },
};

static ENGLISH_REVISED_QUOTE: RevisionWords = RevisionWords {
    other_language: ENGLISH_OTHER_LANGUAGE,
    prices_changed: english_prices_changed,
    cannot_price: english_cannot_price,
    replaces: |number, date| format!("Revised self-pay price quote. Replaces {number} issued {date}."),
    give: "The quote has changed since it was issued: this is a revised price quote, with a new number, \
        issued today. Give it to the patient.",
    expired: |last| {
        format!(
            "This price quote expired on {last}, the last day it was valid. Print it only as a copy of what \
             the patient was given; for care from now on, change the form: that makes a revised quote, \
             issued today."
        )
    },
};

// "el documento": the document replaced may be an estimate (el) or a quote (la).
static SPANISH_REVISED_GFE: RevisionWords = RevisionWords {
    other_language: SPANISH_OTHER_LANGUAGE,
    prices_changed: spanish_prices_changed,
    cannot_price: spanish_cannot_price,
    replaces: |number, date| {
        format!("Estimado de buena fe revisado. Reemplaza el documento {number} emitido el {date}.")
    },
    give: "La cotización cambió desde que se emitió: este es un estimado de buena fe revisado, con un \
        número nuevo, emitido hoy. Entrégueselo al paciente.",
    expired: |last| {
        format!(
            "Este Estimado de buena fe venció el {last}, el último día en que era válido. Imprímalo solo \
             como copia de lo que se entregó al paciente; para la atención de ahora en adelante, cambie el \
             formulario: así se crea un estimado revisado, emitido hoy."
        )
    },
};

static SPANISH_REVISED_QUOTE: RevisionWords = RevisionWords {
    other_language: SPANISH_OTHER_LANGUAGE,
    prices_changed: spanish_prices_changed,
    cannot_price: spanish_cannot_price,
    replaces: |number, date| {
        format!("Cotización de pago directo revisada. Reemplaza el documento {number} emitido el {date}.")
    },
    give:
        "La cotización cambió desde que se emitió: esta es una cotización revisada, con un número \
        nuevo, emitida hoy. Entréguesela al paciente.",
    expired: |last| {
        format!(
            "Esta cotización venció el {last}, el último día en que era válida. Imprímala solo como copia \
             de lo que se entregó al paciente; para la atención de ahora en adelante, cambie el \
             formulario: así se crea una cotización revisada, emitida hoy."
        )
    },
};

/// What the staff page says about a quote's dates, beside the form (never on the document): a
/// scheduled date the estimate cannot cover, the booking and request dates, and when a Good Faith
/// Estimate is due (45 CFR 149.610(b)(1)(vi) to (viii)). Long dates are the document's
/// (`GfeWords::long_date`) after a weekday.
pub struct DateWords {
    /// The weekdays, Monday first.
    pub weekdays: [&'static str; 7],
    /// A weekday and a long date: `Tuesday, December 8, 2026`.
    pub on: fn(&str, &str) -> String,
    /// A scheduled date after the estimate's last valid day, from that day.
    pub after_valid_until: fn(&str) -> String,
    /// A scheduled date more than 12 months after the issue date, from the issue date.
    pub beyond_a_year: fn(&str) -> String,
    /// A booking or request date after the issue date, from the issue date.
    pub after_issue: fn(&str) -> String,
    /// Booked at least 3 (or 10) business days ahead: due within 1 (or 3) business days, from
    /// (booked on, within, due by).
    pub due_after_booking: fn(&str, u32, &str) -> String,
    /// Booked fewer than 3 business days ahead, from (booked on, first injection on).
    pub not_required: fn(&str, &str) -> String,
    /// Booked, with no date for the first injection yet.
    pub needs_service_date: &'static str,
    /// Asked for, not booked: due within 3 business days, from (asked on, due by).
    pub due_after_request: fn(&str, &str) -> String,
    /// The day it is due by is before the issue date.
    pub past_due: &'static str,
    /// The dates a deadline is worked out from, as a sentence starts with them: the first
    /// injection's, the booking's, the request's.
    pub due_dates: [&'static str; 3],
    /// One of `due_dates` is refused: fix it to see the deadline (no date is worked out from it).
    pub fix_date_to_see_due: fn(&str) -> String,
    /// A reopened quote being changed, from (its number, the last day the revision may be given,
    /// if the first injection has a date).
    pub revised_due: fn(&str, Option<&str>) -> String,
}

static ENGLISH_DATES: DateWords = DateWords {
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    on: |weekday, date| format!("{weekday}, {date}"),
    after_valid_until: |last| {
        format!(
            "is after {last}, the last day this estimate is valid: leave it blank (the injection stays on \
             the estimate as not yet scheduled) or give a new estimate once it is booked"
        )
    },
    beyond_a_year: |issued| {
        format!(
            "is more than 12 months after the issue date ({issued}): check the year, or leave it blank (the \
             injection stays on the estimate as not yet scheduled)"
        )
    },
    after_issue: |issued| format!("cannot be after the issue date ({issued})"),
    due_after_booking: |booked, within, by| {
        let days = counted(within, ["business day", "business days"]);
        let ahead = if within == 1 { 3 } else { 10 };
        format!(
            "Good Faith Estimate due by {by}: booked on {booked}, at least {ahead} business days before the \
             injection, so within {days} of booking (45 CFR 149.610(b)(1)(vi))."
        )
    },
    not_required: |booked, first| {
        format!(
            "No Good Faith Estimate is required by 45 CFR 149.610(b)(1)(vi): booked on {booked}, fewer than 3 \
             business days before the injection on {first}. The patient may still ask for one."
        )
    },
    needs_service_date:
        "Enter the date of the first injection to see when the Good Faith Estimate is due.",
    due_after_request: |asked, by| {
        format!(
            "Good Faith Estimate due by {by}: the patient asked for one on {asked}, so within 3 business days \
             of the request (45 CFR 149.610(b)(1)(vi))."
        )
    },
    past_due: "That day has passed: give it to the patient today.",
    due_dates: [
        "The date of the first injection",
        "The date the first injection was booked",
        "The date the patient asked for an estimate",
    ],
    fix_date_to_see_due: |field| {
        format!("{field} is refused: fix it to see when the Good Faith Estimate is due.")
    },
    revised_due: |number, by| {
        match by {
        Some(by) => format!(
            "This changes quote {number}. If the care, charges or providers change, the patient must have the \
             revised Good Faith Estimate no later than 1 business day before the first injection: by {by} \
             (45 CFR 149.610(b)(1)(vii))."
        ),
        None => format!(
            "This changes quote {number}. If the care, charges or providers change, the patient must have the \
             revised Good Faith Estimate no later than 1 business day before the first injection \
             (45 CFR 149.610(b)(1)(vii))."
        ),
    }
    },
};

static SPANISH_DATES: DateWords = DateWords {
    weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    on: |weekday, date| format!("{weekday} {date}"),
    after_valid_until: |last| {
        format!(
            "es posterior al {last}, el último día en que este estimado es válido: déjela en blanco (la \
             inyección queda en el estimado como aún no programada) o entregue un estimado nuevo cuando se programe"
        )
    },
    beyond_a_year: |issued| {
        format!(
            "es más de 12 meses posterior a la fecha de emisión ({issued}): revise el año, o déjela en blanco \
             (la inyección queda en el estimado como aún no programada)"
        )
    },
    after_issue: |issued| format!("no puede ser posterior a la fecha de emisión ({issued})"),
    due_after_booking: |booked, within, by| {
        let days = counted(within, ["día hábil", "días hábiles"]);
        let ahead = if within == 1 { 3 } else { 10 };
        format!(
            "Estimado de buena fe a más tardar el {by}: la cita se reservó el {booked}, al menos {ahead} días \
             hábiles antes de la inyección, así que dentro de {days} después de la reserva (45 CFR \
             149.610(b)(1)(vi))."
        )
    },
    not_required: |booked, first| {
        format!(
            "No se requiere un Estimado de buena fe según 45 CFR 149.610(b)(1)(vi): la cita se reservó el \
             {booked}, menos de 3 días hábiles antes de la inyección del {first}. El paciente aún puede pedir uno."
        )
    },
    needs_service_date: "Ingrese la fecha de la primera inyección para ver cuándo se debe entregar el Estimado de buena fe.",
    due_after_request: |asked, by| {
        format!(
            "Estimado de buena fe a más tardar el {by}: el paciente lo pidió el {asked}, así que dentro de 3 días \
             hábiles después de la solicitud (45 CFR 149.610(b)(1)(vi))."
        )
    },
    past_due: "Ese día ya pasó: entrégueselo al paciente hoy.",
    due_dates: [
        "La fecha de la primera inyección",
        "La fecha en que se reservó la primera inyección",
        "La fecha en que el paciente pidió un estimado",
    ],
    fix_date_to_see_due: |field| {
        format!("{field} no es válida: corríjala para ver cuándo se debe entregar el Estimado de buena fe.")
    },
    revised_due: |number, by| match by {
        Some(by) => format!(
            "Esto cambia la cotización {number}. Si cambian la atención, los cargos o los proveedores, el \
             paciente debe tener el Estimado de buena fe revisado a más tardar 1 día hábil antes de la \
             primera inyección: el {by} (45 CFR 149.610(b)(1)(vii))."
        ),
        None => format!(
            "Esto cambia la cotización {number}. Si cambian la atención, los cargos o los proveedores, el \
             paciente debe tener el Estimado de buena fe revisado a más tardar 1 día hábil antes de la \
             primera inyección (45 CFR 149.610(b)(1)(vii))."
        ),
    },
};

/// The words of the bill checked against the estimate (`quote::bill`), staff's only, as
/// [`GfeWords`]: its results and its refusals, in the staff page's language.
pub struct BillWords {
    /// `The bill checked against {number}`.
    pub title: fn(&str) -> String,
    /// `Bill dated {date}.`
    pub billed_on: fn(&str) -> String,
    /// The provider's bill beside its estimate, from (billed, estimate, |difference|, billed
    /// compared with the estimate).
    pub compared: fn(&str, &str, &str, std::cmp::Ordering) -> String,
    /// `unit` / `units`.
    pub unit: [&'static str; 2],
    /// The three amounts' names beside each provider: `Estimate`, `Billed`, `Difference`.
    pub amounts: [&'static str; 3],
    /// In place of a result while no quote is on screen.
    pub no_quote: &'static str,
    /// A code billed that the estimate does not list, from (code, units, amount).
    pub not_on_estimate: fn(&str, &str, &str) -> String,
    /// A code on the estimate not billed, from (code, units, amount).
    pub not_billed: fn(&str, &str, &str) -> String,
    /// A code whose units or amount differ, from (code, billed units, billed amount, estimate
    /// units, estimate amount).
    pub differs: fn(&str, &str, &str, &str, &str) -> String,
    /// Every billed code is on the estimate with its units and amount.
    pub items_match: &'static str,
    /// Only a total was entered.
    pub total_only: &'static str,
    /// $400 or more above: the dispute right, until when, and what the provider can do first, from
    /// (the threshold, the last day, the provider's name, its estimate).
    pub dispute: fn(&str, &str, &str, &str) -> String,
    /// As `dispute`, checked after its last day: the 120 days have ended, and what the provider
    /// can still do.
    pub dispute_ended: fn(&str, &str, &str, &str) -> String,
    /// Above the estimate, but by less than the threshold.
    pub under_threshold: fn(&str) -> String,
    /// The state's cap, from (state, citation, cap, percent, that percent of the estimate, the
    /// cap's amount, how much the bill is over the cap if it is).
    pub state_cap: fn(&str, &str, &str, &str, &str, &str, Option<&str>) -> String,
    /// How the dispute date is counted, from (the bill's date).
    pub dispute_counted: fn(&str) -> String,
    /// A self-pay price quote has no dispute right.
    pub not_a_gfe: &'static str,
    /// Refusals, at their fields.
    pub enter_date: &'static str,
    /// A date not in `YYYY-MM-DD`, from what was typed.
    pub not_a_date: fn(&str) -> String,
    /// A bill dated before the estimate, from the estimate's issue date.
    pub before_issue: fn(&str) -> String,
    /// A bill dated after today, from today's date.
    pub after_today: fn(&str) -> String,
    /// An NPI not on the estimate, from what was given.
    pub unknown_npi: fn(&str) -> String,
    /// The same provider twice.
    pub npi_twice: &'static str,
    /// No provider's bill entered.
    pub nothing_billed: &'static str,
    /// A billed item without its code.
    pub enter_code: &'static str,
    /// A billed item without its units.
    pub enter_units: &'static str,
    /// Units not a whole number 1 to the most, from (the most, what was typed).
    pub not_units: fn(u32, &str) -> String,
    /// A billed item without its amount.
    pub enter_amount: &'static str,
    /// An amount above the most, from the most.
    pub too_large: fn(&str) -> String,
    /// A total that is not the items' sum, from the sum.
    pub total_disagrees: fn(&str) -> String,
}

impl Language {
    /// The words of the bill check in this language.
    pub fn bill_words(self) -> &'static BillWords {
        match self {
            Language::English => &ENGLISH_BILL,
            Language::Spanish => &SPANISH_BILL,
        }
    }
}

static ENGLISH_BILL: BillWords = BillWords {
    title: |number| format!("The bill checked against {number}"),
    billed_on: |date| format!("Bill dated {date}."),
    compared: |billed, estimate, difference, order| match order {
        std::cmp::Ordering::Greater => {
            format!("Billed {billed}: {difference} more than the estimate of {estimate}.")
        }
        std::cmp::Ordering::Less => {
            format!("Billed {billed}: {difference} less than the estimate of {estimate}.")
        }
        std::cmp::Ordering::Equal => format!("Billed {billed}: the same as the estimate."),
    },
    unit: ["unit", "units"],
    amounts: ["Estimate", "Billed", "Difference"],
    no_quote: "Make or open a quote first: the bill is checked against the quote on screen.",
    not_on_estimate: |code, units, amount| {
        format!("{code}: billed {units} for {amount}, and not on the estimate.")
    },
    not_billed: |code, units, amount| {
        format!("{code}: on the estimate ({units} for {amount}), and not billed.")
    },
    differs: |code, units, amount, estimate_units, estimate_amount| {
        format!(
            "{code}: billed {units} for {amount}; the estimate has {estimate_units} for {estimate_amount}."
        )
    },
    items_match: "Every billed item is on the estimate, with the same units and amount.",
    total_only: "Billed as a total: no item is compared.",
    dispute: |threshold, until, name, estimate| {
        format!(
            "That is {threshold} or more above the estimate (45 CFR 149.620: substantially in \
             excess), so the patient may start a patient-provider dispute until {until}. First, \
             {name} can adjust the bill to the estimate of {estimate}."
        )
    },
    dispute_ended: |threshold, until, name, estimate| {
        format!(
            "That is {threshold} or more above the estimate (45 CFR 149.620: substantially in \
             excess), but the 120 days from the date on the bill to start a patient-provider \
             dispute ended on {until}. {name} can still adjust the bill to the estimate of \
             {estimate}."
        )
    },
    under_threshold: |threshold| {
        format!("That is less than {threshold} above the estimate: not grounds for a patient-provider dispute.")
    },
    state_cap: |state, citation, cap, percent, of_estimate, amount, over| {
        let start = format!(
            "{state} law ({citation}) caps a self-pay bill at {cap}: the estimate plus {percent} of \
             it ({of_estimate}) or {amount}, whichever is less."
        );
        match over {
            Some(over) => format!("{start} This bill is {over} over the cap."),
            None => format!("{start} This bill is within the cap."),
        }
    },
    dispute_counted: |date| {
        format!(
            "A dispute date is 120 calendar days from the date on the bill ({date}); a patient who \
             received the bill later may have longer."
        )
    },
    not_a_gfe: "This is a self-pay price quote, not a Good Faith Estimate: the patient-provider \
        dispute process and a state's self-pay cap do not apply to it.",
    enter_date: "enter the date on the bill",
    not_a_date: |text| format!("must be a date like 2027-03-02; it is \"{text}\""),
    before_issue: |date| {
        format!("is before the estimate was issued ({date}): check the date on the bill")
    },
    after_today: |today| {
        format!("is after today ({today}): a bill is dated on or before the day it is checked; check the date on the bill")
    },
    unknown_npi: |npi| format!("no provider of this estimate has the NPI \"{npi}\""),
    npi_twice: "this provider's bill is entered twice",
    nothing_billed: "enter what at least one provider billed: its total, or its items",
    enter_code: "enter the billed code",
    enter_units: "enter how many units were billed",
    not_units: |most, text| {
        format!("must be a whole number of units, 1 to {most}; it is \"{text}\"")
    },
    enter_amount: "enter the amount billed",
    too_large: |most| format!("must be at most {most}"),
    total_disagrees: |sum| {
        format!("is not the sum of the items entered below ({sum}): check both, or leave the total blank")
    },
};

static SPANISH_BILL: BillWords = BillWords {
    title: |number| format!("La factura comparada con {number}"),
    billed_on: |date| format!("Factura con fecha del {date}."),
    compared: |billed, estimate, difference, order| match order {
        std::cmp::Ordering::Greater => {
            format!("Facturado {billed}: {difference} más que el estimado de {estimate}.")
        }
        std::cmp::Ordering::Less => {
            format!("Facturado {billed}: {difference} menos que el estimado de {estimate}.")
        }
        std::cmp::Ordering::Equal => format!("Facturado {billed}: lo mismo que el estimado."),
    },
    unit: ["unidad", "unidades"],
    amounts: ["Estimado", "Facturado", "Diferencia"],
    no_quote:
        "Primero haga o abra una cotización: la factura se compara con la cotización en pantalla.",
    not_on_estimate: |code, units, amount| {
        format!("{code}: se facturaron {units} por {amount}, y no está en el estimado.")
    },
    not_billed: |code, units, amount| {
        format!("{code}: está en el estimado ({units} por {amount}), y no se facturó.")
    },
    differs: |code, units, amount, estimate_units, estimate_amount| {
        format!(
            "{code}: se facturaron {units} por {amount}; el estimado tiene {estimate_units} por {estimate_amount}."
        )
    },
    items_match:
        "Cada artículo facturado está en el estimado, con las mismas unidades y el mismo monto.",
    total_only: "Facturado como total: no se compara ningún artículo.",
    dispute: |threshold, until, name, estimate| {
        format!(
            "Son {threshold} o más por encima del estimado (45 CFR 149.620: sustancialmente en \
             exceso), así que el paciente puede iniciar una disputa entre paciente y proveedor \
             hasta el {until}. Primero, {name} puede ajustar la factura al estimado de {estimate}."
        )
    },
    dispute_ended: |threshold, until, name, estimate| {
        format!(
            "Son {threshold} o más por encima del estimado (45 CFR 149.620: sustancialmente en \
             exceso), pero los 120 días desde la fecha de la factura para iniciar una disputa \
             entre paciente y proveedor terminaron el {until}. {name} todavía puede ajustar la \
             factura al estimado de {estimate}."
        )
    },
    under_threshold: |threshold| {
        format!("Son menos de {threshold} por encima del estimado: no es motivo de una disputa entre paciente y proveedor.")
    },
    state_cap: |state, citation, cap, percent, of_estimate, amount, over| {
        let start = format!(
            "La ley de {state} ({citation}) limita una factura de pago directo a {cap}: el estimado \
             más el {percent} de él ({of_estimate}) o {amount}, lo que sea menor."
        );
        match over {
            Some(over) => format!("{start} Esta factura supera el límite por {over}."),
            None => format!("{start} Esta factura está dentro del límite."),
        }
    },
    dispute_counted: |date| {
        format!(
            "La fecha de una disputa se cuenta en 120 días calendario desde la fecha de la factura \
             ({date}); un paciente que recibió la factura después puede tener más tiempo."
        )
    },
    not_a_gfe: "Esta es una cotización de pago directo, no un estimado de buena fe: el proceso de \
        disputa entre paciente y proveedor y el límite estatal de pago directo no se aplican.",
    enter_date: "escriba la fecha de la factura",
    not_a_date: |text| format!("debe ser una fecha como 2027-03-02; es \"{text}\""),
    before_issue: |date| {
        format!("es anterior a la emisión del estimado ({date}): revise la fecha de la factura")
    },
    after_today: |today| {
        format!("es posterior a hoy ({today}): una factura lleva una fecha igual o anterior al día en que se revisa; revise la fecha de la factura")
    },
    unknown_npi: |npi| format!("ningún proveedor de este estimado tiene el NPI \"{npi}\""),
    npi_twice: "la factura de este proveedor está dos veces",
    nothing_billed: "escriba lo que facturó al menos un proveedor: su total, o sus artículos",
    enter_code: "escriba el código facturado",
    enter_units: "escriba cuántas unidades se facturaron",
    not_units: |most, text| {
        format!("debe ser un número entero de unidades, de 1 a {most}; es \"{text}\"")
    },
    enter_amount: "escriba el monto facturado",
    too_large: |most| format!("debe ser como máximo {most}"),
    total_disagrees: |sum| {
        format!("no es la suma de los artículos escritos abajo ({sum}): revise ambos, o deje el total en blanco")
    },
};

/// A typed-in therapy provider's price that is far from what therapy costs, in Spanish: `name` is
/// the price's English name as the English warning says it ("session price"), `price` the price,
/// `limit` the low or high limit it is past (`low` says which): a low price asks for a missing
/// digit, as the English does, and $0.00 whether it was meant (`QuoteRequest::typed_price_warnings`).
#[cfg(staff)]
pub(crate) fn spanish_typed_price_warning(
    name: &str,
    price: Cents,
    low: bool,
    limit: Cents,
) -> String {
    let name = match name {
        "evaluation price" => "Precio de la evaluación",
        "session price" => "Precio por sesión",
        "evaluation allowed amount" => "Monto permitido por la evaluación",
        _ => "Monto permitido por sesión",
    };
    let why = match (low, price > Cents::ZERO) {
        (true, true) => {
            format!(
                "es {price}, bajo para fisioterapia (menos de {limit}): revise si falta un dígito"
            )
        }
        (true, false) => {
            format!("es {price}, bajo para fisioterapia (menos de {limit}): ¿es correcto?")
        }
        (false, _) => {
            format!("es {price}, alto para fisioterapia (más de {limit}): revise si sobran ceros")
        }
    };
    format!("{name} del proveedor de fisioterapia: {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_mid_sentence_in_spanish() {
        assert_eq!(
            in_sentence("Tendinopatía de Aquiles"),
            "tendinopatía de Aquiles"
        );
        assert_eq!(in_sentence("Úlcera del pie"), "úlcera del pie");
        assert_eq!(
            in_sentence("ACL sin sanar"),
            "ACL sin sanar",
            "an acronym stays"
        );
        assert_eq!(in_sentence("ÑU"), "ÑU");
        assert_eq!(in_sentence("dolor"), "dolor");
        assert_eq!(in_sentence("×2"), "×2");
        assert_eq!(in_sentence(""), "");
    }

    #[test]
    fn tags() {
        assert_eq!(Language::from_tag("es"), Language::Spanish);
        assert_eq!(Language::from_tag("ES-us"), Language::Spanish);
        assert_eq!(Language::from_tag("en-US"), Language::English);
        assert_eq!(Language::from_tag(""), Language::English);
        assert_eq!(Language::from_tag("est"), Language::English);
    }

    #[test]
    fn read_from_any_tag_written_short() {
        let read: Vec<Language> =
            serde_json::from_str(r#"["es-MX", "en-GB", "es", "pt"]"#).unwrap();
        assert_eq!(
            read,
            [
                Language::Spanish,
                Language::English,
                Language::Spanish,
                Language::English
            ]
        );
        assert_eq!(
            serde_json::to_string(&Language::Spanish).unwrap(),
            r#""es""#
        );
    }

    #[test]
    fn counted_forms() {
        assert_eq!(
            counted(1, Language::Spanish.words().injection),
            "1 inyección"
        );
        assert_eq!(
            counted(3, Language::Spanish.words().injection),
            "3 inyecciones"
        );
        assert_eq!(counted(0, Language::English.words().session), "0 sessions");
    }
}

/// Why a saved quote file is not reopened, before it is put in words ([`reopen_refusal`]): in
/// the page's language, the reader's, which may not be the file's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReopenRefusal<'a> {
    /// A file saved by a newer release: its format tag, and the two this release opens.
    Newer {
        /// The file's format tag.
        format: &'a str,
        /// The formats this release opens, oldest first.
        opens: [&'a str; 2],
    },
    /// A register backup opened as a quote.
    RegisterBackup,
    /// Not a saved quote of this estimator.
    NotASavedQuote,
    /// A format-1 file with later injection dates, which format 1 never wrote.
    Format1LaterDates(&'a str),
    /// A format-1 file that replaces a document, which format 1 never wrote.
    Format1Replaces(&'a str),
    /// The content gives another number than the file holds: changed after saving.
    Changed {
        /// The number the content gives.
        gives: &'a str,
        /// The number the file holds.
        holds: &'a str,
    },
    /// A value of the file that cannot be read (edited by hand, or damaged), said in Spanish
    /// instead of the reader's English detail.
    Damaged,
}

/// `refusal` in `language`.
pub fn reopen_refusal(language: Language, refusal: &ReopenRefusal<'_>) -> String {
    match language {
        Language::English => english_reopen_refusal(refusal),
        Language::Spanish => spanish_reopen_refusal(refusal),
    }
}

fn english_reopen_refusal(refusal: &ReopenRefusal<'_>) -> String {
    match *refusal {
        ReopenRefusal::Newer { format, opens } => format!(
            "this file was saved by a newer release of the estimator ({format}); this page opens \
             {} and {} files",
            opens[0], opens[1]
        ),
        ReopenRefusal::RegisterBackup => "this is a register backup, not a saved quote: import \
             it with \u{201c}Import a backup\u{201d} in the register"
            .to_owned(),
        ReopenRefusal::NotASavedQuote => "this is not a saved quote from this estimator".to_owned(),
        ReopenRefusal::Format1LaterDates(format) => {
            format!("a {format} file has no later injection dates: it was changed after saving")
        }
        ReopenRefusal::Format1Replaces(format) => {
            format!("a {format} file replaces no document: it was changed after saving")
        }
        ReopenRefusal::Changed { gives, holds } => {
            format!("the file's content gives {gives}, not {holds}: it was changed after saving")
        }
        ReopenRefusal::Damaged => {
            "this value cannot be read: the file was changed after saving, or is damaged".to_owned()
        }
    }
}

fn spanish_reopen_refusal(refusal: &ReopenRefusal<'_>) -> String {
    match *refusal {
        ReopenRefusal::Newer { format, opens } => format!(
            "este archivo lo guardó una versión más reciente del estimador ({format}); esta página \
             abre archivos {} y {}",
            opens[0], opens[1]
        ),
        ReopenRefusal::RegisterBackup => "esto es una copia de seguridad del registro, no una \
             cotización guardada: impórtela con \u{ab}Importar una copia de seguridad\u{bb} en el \
             registro"
            .to_owned(),
        ReopenRefusal::NotASavedQuote => {
            "esto no es una cotización guardada de este estimador".to_owned()
        }
        ReopenRefusal::Format1LaterDates(format) => format!(
            "un archivo {format} no tiene fechas de inyecciones posteriores: se modificó después \
             de guardarlo"
        ),
        ReopenRefusal::Format1Replaces(format) => format!(
            "un archivo {format} no reemplaza ningún documento: se modificó después de guardarlo"
        ),
        ReopenRefusal::Changed { gives, holds } => format!(
            "el contenido del archivo da {gives}, no {holds}: se modificó después de guardarlo"
        ),
        ReopenRefusal::Damaged => "este valor no se puede leer: el archivo se modificó después \
             de guardarlo, o está dañado"
            .to_owned(),
    }
}
