//! What billing staff enter for a quote, and its validation.
//!
//! A quote request is the visitor's answers (`answers`, with exact counts) plus what only staff
//! know: the patient, the side, dates, extra items, a staff discount, and the physical therapy
//! provider when therapy is given elsewhere.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::calendar::Date;
use crate::error::{excerpt, Error, Problems, Refusal};
use crate::estimate::{EstimateRequest, FormValue, Plan, StaffDiscount, StaffDiscountOff};
use crate::language::{counted, Language};
use crate::money::{BasisPoints, Cents};
use crate::price_book::{
    is_state, is_valid_tin, is_zip, npi_problem, ExpectedCharges, PriceBook, TherapyPartner,
    MAX_PRICE,
};
use crate::read::{self, deserialize_by_reading, read_enum, read_struct, Value};

read_struct! {
    /// Everything staff enter for a quote.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct QuoteRequest {
        /// Asked first: does the No Surprises Act Good Faith Estimate apply? Never assumed: left
        /// out (the staff form's answer until one is chosen), the quote is refused.
        pub coverage: Option<CoverageScreening> = default,
        /// Who the quote is for.
        pub patient: PatientAnswers = default,
        /// `left` or `right`: picks the ICD-10 code with its laterality. Blank until chosen, and
        /// then refused.
        pub side: String = default,
        /// The date the quote is issued, `YYYY-MM-DD`.
        pub issued_on: String = default,
        /// The scheduled date of the primary service (the first injection), if scheduled.
        pub scheduled_on: String = default,
        /// The dates of the later injections, in order, `YYYY-MM-DD`: at most one fewer than the
        /// planned injections (9 for the largest `limits.max_injections`, 10).
        pub later_injections_on: Vec<String> [at most 9] = default,
        /// The treatment, as on the visitor page, with exact counts.
        pub answers: EstimateRequest = default,
        /// When the clinician expects "planned, or up to N" injections: N. Blank for none.
        pub injections_up_to: FormValue = default,
        /// Quantities of price book extras by `id`, e.g. `{ "follow_up": "2" }`.
        pub extras: BTreeMap<String, FormValue> [at most 100] = default,
        /// A discount staff apply, with its reason.
        pub staff_discount: StaffDiscountAnswers = default,
        /// Whether physical therapy is given by another provider.
        pub therapy_elsewhere: bool = default,
        /// That provider, when `therapy_elsewhere`: a price book partner, or typed in.
        pub therapy_provider: ProviderAnswers = default,
        /// Whether the expected charges include the book's prompt-pay discount, as staff say on
        /// this quote (will the patient pay in full at the visit?). Left out, the book's
        /// `prompt_pay.expected_charges`, so files saved before the choice price as they did (and
        /// then not written).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub prompt_pay: Option<PromptPayChoice> = default,
    }
}

/// What a quote does with the price book's prompt-pay discount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptPayChoice {
    /// The patient will pay in full at the visit: the expected charges include the discount, and
    /// the document states them without it.
    #[default]
    Included,
    /// The patient may not: the expected charges are before the discount, and the document states
    /// them with it.
    Excluded,
    /// No prompt-pay discount on this quote: no discount line, and the document does not mention
    /// one (what a Medicare patient's quote needs, see `new_document`).
    NotOffered,
}
read_enum!(PromptPayChoice {
    "included" => Included,
    "excluded" => Excluded,
    "not_offered" => NotOffered,
});

impl PromptPayChoice {
    /// The choice a book's `expected_charges` makes when a quote leaves it to the book.
    pub(crate) fn of_book(expected: ExpectedCharges) -> PromptPayChoice {
        match expected {
            ExpectedCharges::Included => PromptPayChoice::Included,
            ExpectedCharges::Excluded => PromptPayChoice::Excluded,
        }
    }
}

/// The coverage-screening answer. (Its `Default` is only what the reader reads into; a request
/// that leaves the answer out has none, and is refused.)
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageScreening {
    /// Uninsured, or insured but not using the insurance: a Good Faith Estimate applies.
    #[default]
    SelfPay,
    /// Insured and wants the claim filed.
    InsuredFilingClaim,
    /// Medicare.
    Medicare,
    /// Medicaid.
    Medicaid,
    /// TRICARE.
    Tricare,
}
read_enum!(CoverageScreening {
    "self_pay" => SelfPay,
    "insured_filing_claim" => InsuredFilingClaim,
    "medicare" => Medicare,
    "medicaid" => Medicaid,
    "tricare" => Tricare,
});

read_struct! {
    /// The patient's name and date of birth.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct PatientAnswers {
        /// Full name, as it should print.
        pub name: String = default,
        /// `YYYY-MM-DD`.
        pub date_of_birth: String = default,
    }
}

read_struct! {
    /// A staff discount: a percentage or an amount, and why.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct StaffDiscountAnswers {
        /// Percent off the clinic's self-pay charges; blank if `amount` is used.
        pub percent: FormValue = default,
        /// Dollars off; blank if `percent` is used.
        pub amount: FormValue = default,
        /// Why, as it prints on the quote.
        pub reason: String = default,
    }
}

read_struct! {
    /// A provider's identity as staff enter it: a price book partner's `id`, or its name,
    /// identifiers and address typed in.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
    pub struct ProviderAnswers {
        /// A `therapy_partners[].id` of the price book, whose identity and prices the quote then
        /// uses (the fields below are not read); blank for a provider typed in. Not written when
        /// blank, so a quote without a partner saves as it did before partners.
        #[serde(skip_serializing_if = "String::is_empty")]
        pub partner: String = default,
        /// Practice name.
        pub name: String = default,
        /// 10-digit NPI.
        pub npi: String = default,
        /// 9-digit TIN.
        pub tin: String = default,
        /// Street and number.
        pub street: String = default,
        /// City.
        pub city: String = default,
        /// Two-letter state code.
        pub state: String = default,
        /// ZIP code.
        pub zip: String = default,
    }
}

/// Which side is treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Left,
    Right,
}

/// Which rules a request must meet. A saved file is reopened under the rules of the release that
/// saved it, so it gives the number on the patient's paper; a new or revised document must also
/// meet the rules added since ([`QuoteRequest::new_document`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Issue {
    /// A new quote, or a revision of a reopened one.
    New,
    /// A saved file reopened as it was printed.
    Saved,
}

/// A quote request checked against a price book.
pub(crate) struct QuotePlan<'a> {
    pub plan: Plan<'a>,
    pub coverage: CoverageScreening,
    pub patient_name: String,
    pub date_of_birth: Date,
    pub side: Side,
    pub issued_on: Date,
    pub scheduled_on: Option<Date>,
    pub later_injections_on: Vec<Date>,
    pub injections: u32,
    pub injections_up_to: Option<u32>,
    pub sessions: u32,
    pub therapy_provider: Option<ProviderAnswers>,
    /// The prompt-pay discount on this quote: the request's choice, else the book's; `None` when
    /// the book has no prompt-pay discount.
    pub prompt_pay: Option<PromptPayChoice>,
}

deserialize_by_reading!(QuoteRequest, "a quote request", Error::InvalidRequest);

/// The most of one extra item a quote may list.
const MAX_EXTRA_QUANTITY: u32 = 20;

/// The oldest a date of birth makes a patient on the issue date, in years.
const MAX_AGE: u32 = 120;

impl QuoteRequest {
    /// Reads a quote request from a parsed document (JSON natively, a JS object in the browser).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRequest`] naming the path of every type error, missing or unknown field.
    pub fn from_value(value: &Value) -> Result<QuoteRequest, Error> {
        read::document(value, None, Error::InvalidRequest)
    }

    /// Reads a quote request from any serde source.
    ///
    /// # Errors
    ///
    /// As [`QuoteRequest::from_value`]; malformed input is reported at the path where it broke.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read<'de, D>(deserializer: D) -> Result<QuoteRequest, Error>
    where
        D: serde::Deserializer<'de>,
        D::Error: std::fmt::Display,
    {
        read::from_serde(deserializer, None, Error::InvalidRequest)
    }

    /// Checks every field against `book`, reporting every problem at once.
    ///
    /// A choice that changes a code or an amount is never made for staff: a quote with one left
    /// unchosen (the staff form's blank) is refused at that choice, in the quote's language.
    pub(crate) fn plan<'a>(
        &self,
        book: &'a PriceBook,
        issue: Issue,
    ) -> Result<QuotePlan<'a>, Error> {
        let mut problems = Problems::default();
        let unchosen = &self.answers.language.gfe_words().unchosen;
        problems.check(self.coverage.is_some(), "coverage", || {
            unchosen.coverage.into()
        });
        let answers = match self.answers.plan(book) {
            Ok(plan) => Some(plan),
            Err(error) => {
                for field in error.fields() {
                    // A count left blank is a choice not made, said as staff read it.
                    let reason = match field.path.as_str() {
                        "injections" if self.answers.injections.as_str().is_empty() => {
                            unchosen.injections.to_owned()
                        }
                        "physical_therapy.sessions"
                            if self.answers.physical_therapy.sessions.as_str().is_empty() =>
                        {
                            unchosen.sessions.to_owned()
                        }
                        _ => field.reason.clone(),
                    };
                    problems.add(format!("answers.{}", field.path), reason);
                }
                None
            }
        };
        // Left out, the product is the book's first (files saved before it was a choice); left
        // blank, it is the staff form's product not chosen yet.
        let blank_product = self
            .answers
            .product
            .as_deref()
            .is_some_and(|id| id.trim().is_empty());
        problems.check(!blank_product, "answers.product", || {
            unchosen.product.into()
        });

        let name = self.patient.name.trim();
        problems.check(!name.is_empty(), "patient.name", || {
            "enter the patient's name".into()
        });
        problems.check(name.chars().count() <= 200, "patient.name", || {
            "must be at most 200 characters".into()
        });
        problems.printable("patient.name", name);
        let issued_on = date(&mut problems, "issued_on", &self.issued_on);
        let date_of_birth = date(
            &mut problems,
            "patient.date_of_birth",
            &self.patient.date_of_birth,
        );
        if let (Some(born), Some(issued)) = (date_of_birth, issued_on) {
            problems.check(born <= issued, "patient.date_of_birth", || {
                format!("must not be after the issue date ({issued})")
            });
            // No one is older than 120 (the oldest person on record was 122): an earlier year is a
            // slip of the keyboard, 1900 for 1990, which would print a wrong date on the document.
            let earliest = issued.years_before(MAX_AGE);
            problems.check(born >= earliest, "patient.date_of_birth", || {
                format!(
                    "must be a date of birth at most {MAX_AGE} years before the issue date, from {earliest}; it is {born}"
                )
            });
        }
        let prompt_pay = self.prompt_pay(book, &mut problems);
        if issue == Issue::New {
            self.new_document(book, &mut problems, issued_on);
            self.medicare(&mut problems, prompt_pay);
        }
        let scheduled_on = match self.scheduled_on.trim() {
            "" => None,
            text => date(&mut problems, "scheduled_on", text),
        };
        if let (Some(scheduled), Some(issued)) = (scheduled_on, issued_on) {
            problems.check(scheduled >= issued, "scheduled_on", || {
                format!("cannot be before the quote's issue date ({issued}); it is {scheduled}")
            });
        }
        let side = match self.side.trim() {
            "left" => Some(Side::Left),
            "right" => Some(Side::Right),
            "" => {
                problems.add("side", unchosen.side);
                None
            }
            other => {
                problems.add(
                    "side",
                    format!("must be \"left\" or \"right\"; it is \"{other}\""),
                );
                None
            }
        };

        let exact =
            |range: crate::price_book::CountRange| (range.min == range.max).then_some(range.min);
        let injections = answers.as_ref().and_then(|plan| {
            let planned = exact(plan.injections);
            problems.check(planned.is_some(), "answers.injections", || {
                "a quote needs the planned number of injections".into()
            });
            planned
        });
        let sessions = answers.as_ref().and_then(|plan| {
            let planned = exact(plan.sessions);
            problems.check(
                planned.is_some(),
                "answers.physical_therapy.sessions",
                || "a quote needs the planned number of sessions".into(),
            );
            planned
        });
        let max_injections = book.document().limits.max_injections;
        let injections_up_to = match (self.injections_up_to.as_str(), injections) {
            ("", _) | (_, None) => None,
            (text, Some(planned)) => match text.parse::<u32>() {
                Ok(n) if n > planned && n <= max_injections => Some(n),
                _ => {
                    problems.add(
                        "injections_up_to",
                        format!("must be more than the planned {planned} and at most {max_injections}, or blank; it is \"{text}\""),
                    );
                    None
                }
            },
        };

        let later_injections_on =
            self.later_injections_on(&mut problems, scheduled_on, issued_on, injections);
        let extras = self.extras(book, &mut problems);
        let staff_discount = self.staff_discount(&mut problems);
        let (therapy_provider, therapy_partner) = if self.therapy_elsewhere {
            self.therapy_provider(book, &mut problems)
        } else {
            (None, None)
        };

        match (
            answers,
            self.coverage,
            issued_on,
            date_of_birth,
            side,
            injections,
            sessions,
        ) {
            (
                Some(mut plan),
                Some(coverage),
                Some(issued_on),
                Some(date_of_birth),
                Some(side),
                Some(injections),
                Some(sessions),
            ) => {
                plan.extras = extras;
                plan.staff_discount = staff_discount;
                plan.therapy_elsewhere = self.therapy_elsewhere;
                plan.therapy_partner = therapy_partner;
                plan.prompt_pay_offered = prompt_pay != Some(PromptPayChoice::NotOffered);
                problems.into_result(
                    QuotePlan {
                        plan,
                        coverage,
                        patient_name: name.to_owned(),
                        date_of_birth,
                        side,
                        issued_on,
                        scheduled_on,
                        later_injections_on,
                        injections,
                        injections_up_to,
                        sessions,
                        therapy_provider,
                        prompt_pay,
                    },
                    Error::InvalidRequest,
                )
            }
            _ => Err(Error::InvalidRequest(problems.into_fields())),
        }
    }

    /// The rules a new or revised document meets besides those every saved file met: a rule added
    /// here must not apply to a reopened file, or a file printed before it would be refused, or
    /// given another number than the one the patient holds.
    ///
    /// - The price book must be in effect on the issue date: a quote issued before its prices
    ///   take effect would promise prices the clinic does not charge yet.
    /// - A Medicare patient's quote has no staff or prompt-pay discount and no therapy in cash
    ///   (`medicare`, called beside this one).
    fn new_document(&self, book: &PriceBook, problems: &mut Problems, issued_on: Option<Date>) {
        let effective = Date::parse(&book.document().effective_date);
        if let (Some(issued), Ok(effective)) = (issued_on, effective) {
            problems.check(issued >= effective, "issued_on", || {
                format!(
                    "is before these prices take effect ({effective}, price book {}); it is {issued}",
                    book.document().version
                )
            });
        }
    }

    /// The prompt-pay discount this quote applies: staff's choice, else the book's
    /// `expected_charges`; none when the book has no prompt-pay discount, and then a choice to
    /// include or leave out one is refused (there is none to include).
    fn prompt_pay(&self, book: &PriceBook, problems: &mut Problems) -> Option<PromptPayChoice> {
        let Some(offered) = &book.document().discounts.prompt_pay else {
            let chosen = self
                .prompt_pay
                .filter(|choice| *choice != PromptPayChoice::NotOffered);
            problems.check(chosen.is_none(), "prompt_pay", || {
                "this price book has no prompt-pay discount: leave the choice out".into()
            });
            return None;
        };
        Some(
            self.prompt_pay
                .unwrap_or(PromptPayChoice::of_book(offered.expected_charges)),
        )
    }

    /// A new quote for a Medicare patient (DESIGN.md, "Medicare patients: no discounts, therapy
    /// through Medicare") is refused, each at its field, in the quote's language:
    ///
    /// - with a staff discount, or with the prompt-pay discount (included or left out of the
    ///   charges, it is still offered): a reduction offered to a Medicare beneficiary can be
    ///   remuneration likely to influence the choice of provider (42 U.S.C. 1320a-7a(a)(5)), and
    ///   this form cannot show the financial-need exception's conditions were met;
    /// - with physical therapy paid in cash: Medicare-covered therapy must be claimed to Medicare
    ///   (42 U.S.C. 1395w-4(g)(4)), and a therapist cannot opt out of Medicare to take cash.
    ///
    /// Saved files are reopened as printed (`Issue::Saved`), so a Medicare quote saved with a
    /// discount keeps its number and amounts.
    fn medicare(&self, problems: &mut Problems, prompt_pay: Option<PromptPayChoice>) {
        if self.coverage != Some(CoverageScreening::Medicare) {
            return;
        }
        let words = &self.answers.language.gfe_words().medicare;
        let discount = &self.staff_discount;
        if !discount.percent.as_str().trim().is_empty() {
            problems.add("staff_discount.percent", words.staff_discount);
        } else if !discount.amount.as_str().trim().is_empty() {
            problems.add("staff_discount.amount", words.staff_discount);
        }
        let offered = prompt_pay.is_some_and(|choice| choice != PromptPayChoice::NotOffered);
        problems.check(!offered, "prompt_pay", || words.prompt_pay.into());
        let cash = self.answers.physical_therapy.coverage == crate::estimate::Coverage::Cash;
        problems.check(!cash, "answers.physical_therapy.coverage", || {
            words.cash_therapy.into()
        });
    }

    /// The later injections' dates: each a date, on or after the one before it (the first
    /// injection's, then each later one's) and the issue date, and no more than the planned
    /// injections after the first. Each is refused by its own path, `later_injections_on.1`.
    fn later_injections_on(
        &self,
        problems: &mut Problems,
        first: Option<Date>,
        issued_on: Option<Date>,
        injections: Option<u32>,
    ) -> Vec<Date> {
        // Blank dates at the end are injections not scheduled yet, as if left out.
        let scheduled = self
            .later_injections_on
            .iter()
            .rposition(|text| !text.trim().is_empty())
            .map_or(0, |last| last + 1);
        let given = &self.later_injections_on[..scheduled];
        if given.is_empty() {
            return Vec::new();
        }
        if let Some(planned) = injections {
            let most = planned.saturating_sub(1);
            let fits = u32::try_from(given.len()).is_ok_and(|n| n <= most);
            problems.check(fits, "later_injections_on", || match most {
                0 => "1 injection is planned, so there is no later injection to date".to_owned(),
                _ => format!(
                    "{planned} injections are planned: at most {}; there are {}",
                    counted(most, ["later date", "later dates"]),
                    given.len()
                ),
            });
        }
        if self.scheduled_on.trim().is_empty() {
            problems.add(
                "scheduled_on",
                "enter the first injection's date before the later injections' dates",
            );
        }
        let mut previous = first;
        let mut dates = Vec::new();
        for (index, text) in given.iter().enumerate() {
            let path = format!("later_injections_on.{index}");
            let Some(date) = date(problems, &path, text) else {
                previous = None;
                continue;
            };
            if let Some(issued) = issued_on {
                problems.check(date >= issued, &*path, || {
                    format!("injection {} cannot be before the quote's issue date ({issued}); it is {date}", index + 2)
                });
            }
            if let Some(before) = previous {
                problems.check(date >= before, &*path, || {
                    format!(
                        "injection {} cannot be before injection {} ({before}); it is {date}",
                        index + 2,
                        index + 1
                    )
                });
            }
            previous = Some(date);
            dates.push(date);
        }
        dates
    }

    fn extras<'a>(
        &self,
        book: &'a PriceBook,
        problems: &mut Problems,
    ) -> Vec<(&'a crate::price_book::Extra, u32)> {
        for id in self.extras.keys() {
            problems.check(
                book.document().extras.iter().any(|e| &e.id == id),
                format!("extras.{id}"),
                || format!("unknown item \"{id}\""),
            );
        }
        // In the price book's order, so the same request always lists lines the same way.
        book.document()
            .extras
            .iter()
            .filter_map(|extra| {
                let text = self
                    .extras
                    .get(&extra.id)
                    .map(FormValue::as_str)
                    .unwrap_or("");
                match text {
                    "" | "0" => None,
                    text => match text.parse::<u32>() {
                        Ok(n)
                            if n <= MAX_EXTRA_QUANTITY
                                && text.bytes().all(|b| b.is_ascii_digit()) =>
                        {
                            Some((extra, n))
                        }
                        _ => {
                            problems.add(
                                format!("extras.{}", extra.id),
                                format!("must be 0 to {MAX_EXTRA_QUANTITY}; it is \"{text}\""),
                            );
                            None
                        }
                    },
                }
            })
            .collect()
    }

    fn staff_discount(&self, problems: &mut Problems) -> Option<StaffDiscount> {
        // Staff's own fields: their problems are worded in English, as the rest of the quote's.
        let refused = Language::English.words().refusal;
        let answers = &self.staff_discount;
        let reason = answers.reason.trim();
        let off = match (answers.percent.as_str(), answers.amount.as_str()) {
            ("", "") => None,
            (percent, "") => BasisPoints::parse_percent(percent)
                .map_err(|refusal| {
                    problems.add("staff_discount.percent", refused(&Refusal::Money(refusal)))
                })
                .ok()
                .map(StaffDiscountOff::Percent),
            ("", amount) => match Cents::parse_dollars(amount) {
                Ok(cents) if cents <= MAX_PRICE => Some(StaffDiscountOff::Amount(cents)),
                Ok(_) => {
                    problems.add(
                        "staff_discount.amount",
                        format!("must be at most {MAX_PRICE}"),
                    );
                    None
                }
                Err(refusal) => {
                    problems.add("staff_discount.amount", refused(&Refusal::Money(refusal)));
                    None
                }
            },
            (_, _) => {
                problems.add(
                    "staff_discount.amount",
                    "give a percent or an amount, not both",
                );
                None
            }
        }?;
        if reason.is_empty() {
            problems.add("staff_discount.reason", "a staff discount needs a reason");
            return None;
        }
        problems.printable("staff_discount.reason", reason);
        Some(StaffDiscount {
            label: format!("{}: {reason}", self.answers.language.words().discount),
            off,
        })
    }

    /// The therapy provider: a partner of `book`, with its identity from the book, or the one
    /// typed in, checked field by field. No partner and nothing typed is no provider chosen: one
    /// problem, at the choice, not one per empty field.
    fn therapy_provider<'a>(
        &self,
        book: &'a PriceBook,
        problems: &mut Problems,
    ) -> (Option<ProviderAnswers>, Option<&'a TherapyPartner>) {
        let id = self.therapy_provider.partner.trim();
        if id.is_empty() {
            let p = &self.therapy_provider;
            let typed = [
                &p.name, &p.npi, &p.tin, &p.street, &p.city, &p.state, &p.zip,
            ];
            if typed.iter().all(|text| text.trim().is_empty()) {
                let unchosen = &self.answers.language.gfe_words().unchosen;
                problems.add("therapy_provider.partner", unchosen.therapy_provider);
                return (None, None);
            }
            return (Some(self.typed_therapy_provider(problems)), None);
        }
        let Some(partner) = book.therapy_partner(id) else {
            problems.add(
                "therapy_provider.partner",
                format!("unknown partner \"{}\"", excerpt(id)),
            );
            return (None, None);
        };
        let address = &partner.address;
        let identity = ProviderAnswers {
            partner: partner.id.clone(),
            name: partner.name.clone(),
            npi: partner.npi.clone(),
            tin: partner.tin.clone(),
            street: address.street.clone(),
            city: address.city.clone(),
            state: address.state.clone(),
            zip: address.zip.clone(),
        };
        (Some(identity), Some(partner))
    }

    fn typed_therapy_provider(&self, problems: &mut Problems) -> ProviderAnswers {
        let p = &self.therapy_provider;
        let path = |field: &str| format!("therapy_provider.{field}");
        for (field, value) in [("name", &p.name), ("street", &p.street), ("city", &p.city)] {
            problems.check(!value.trim().is_empty(), path(field), || {
                "must not be empty".into()
            });
            problems.printable(path(field), value);
        }
        if let Some(reason) = npi_problem(p.npi.trim()) {
            problems.add(path("npi"), reason);
        }
        // Staff may type an EIN as it is printed, 12-3456789; it is kept as its 9 digits.
        let typed = p.tin.trim();
        let tin = match typed.split_once('-') {
            Some((two, seven)) if two.len() == 2 && seven.len() == 7 => format!("{two}{seven}"),
            _ => typed.to_owned(),
        };
        problems.check(is_valid_tin(&tin), path("tin"), || {
            format!(
                "must be 9 digits, as 123456789 or 12-3456789; it is \"{}\"",
                crate::error::excerpt(typed)
            )
        });
        // Typed as "tx", it is TX: a state code is a state code whichever case staff type it in.
        let typed_state = p.state.trim();
        let state = typed_state.to_ascii_uppercase();
        problems.check(is_state(&state), path("state"), || {
            format!(
                "must be a two-letter state code like TX; it is \"{}\"",
                crate::error::excerpt(typed_state)
            )
        });
        let zip = p.zip.trim();
        problems.check(is_zip(zip), path("zip"), || {
            format!(
                "must be a ZIP code like 78701 or 78701-1234; it is \"{}\"",
                crate::error::excerpt(zip)
            )
        });
        ProviderAnswers {
            partner: String::new(),
            name: p.name.trim().to_owned(),
            npi: p.npi.trim().to_owned(),
            tin,
            street: p.street.trim().to_owned(),
            city: p.city.trim().to_owned(),
            state,
            zip: zip.to_owned(),
        }
    }
}

fn date(problems: &mut Problems, path: &str, text: &str) -> Option<Date> {
    if text.trim().is_empty() {
        problems.add(path, "enter the date");
        return None;
    }
    Date::parse(text.trim())
        .map_err(|reason| problems.add(path, reason))
        .ok()
}
