//! The visitor widget's handle: one price book, read and validated once, and one call per change
//! of an answer.

use wasm_bindgen::prelude::*;

#[cfg(staff)]
use super::js_error;
use super::regions::Regions;
use super::{read_book, render, to_js, value, Update};
use crate::error::Error;
use crate::estimate::{self, Choices, Estimate, EstimateRequest};
use crate::language::Language;
use crate::payment::{self, PaymentAnswers};
use crate::price_book::PriceBook;

/// The regions `update` fills with the payment options; without any of them it works none out.
const PAYMENT_REGIONS: [&str; 4] = [
    "paymentOptions",
    "hsaEffectiveCost",
    "hsaSummary",
    "hsaCaveat",
];

/// Estimates for one page: `new Estimator(priceBook, language)`.
#[wasm_bindgen]
pub struct Estimator {
    book: PriceBook,
    language: Language,
}

#[wasm_bindgen]
impl Estimator {
    /// Reads and validates `price_book` (in the full module, the embedded sample when absent,
    /// `undefined` or `null`; the visitor's module embeds none and refuses an absent book), for a
    /// page in `language` (a tag such as `es` or `en-US`; English when absent).
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every bad field of the price book by its path.
    #[wasm_bindgen(constructor)]
    pub fn new(
        price_book: Option<JsValue>,
        language: Option<String>,
    ) -> Result<Estimator, JsValue> {
        Ok(Estimator {
            book: read_book(price_book)?,
            language: Language::from_tag(language.as_deref().unwrap_or("")),
        })
    }

    /// The answers a visitor can pick: conditions, injection counts, products, session counts, the
    /// extras staff can add, and the clinic's name and phone.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn choices(&self) -> Result<JsValue, JsValue> {
        to_js(&Choices::new(&self.book, self.language))
    }

    /// The options of a plan chooser: `[{ value, label }]`, each plan by `id`, then `""` for none.
    ///
    /// # Errors
    ///
    /// Never in practice.
    #[wasm_bindgen(js_name = financingChoices)]
    pub fn financing_choices(&self) -> Result<JsValue, JsValue> {
        to_js(&payment::financing_choices(&self.book, self.language))
    }

    /// The page's one call when an answer changes. Estimates `answers` (the form, with the payment
    /// answers under `payment`) once; derives the payment options and the comparison from that
    /// estimate; renders each region `regions` names (`breakdown`, `total`, `summary`,
    /// `gfeNotice`, `paymentOptions`, `hsaEffectiveCost`, `hsaSummary`, `hsaCaveat`, `comparison`)
    /// from text nodes only. Returns `{ refused: [{ region, path, reason }], fragment }`: the
    /// answers refused, by the part they stop (`estimate`, `payment`, `comparison`), and the share
    /// fragment of the treatment answers (as `shareFragment` gives it; absent if the answers do not
    /// read), which the page keeps in its address so that a reload restores them. No region shows a
    /// figure worked out from a refused answer: while the estimate is refused the total says to check the answers,
    /// and the payment options, the HSA/FSA figure and the comparison say what to fix instead (a
    /// refused tax rate stops only the HSA/FSA figure), and so does the breakdown: no line is
    /// left from the last good answers, and only the lines no refused therapy answer touches stay.
    ///
    /// # Errors
    ///
    /// Only a DOM error from the browser; refused answers are returned, not thrown.
    pub fn update(&self, answers: JsValue, regions: JsValue) -> Result<JsValue, JsValue> {
        let regions = Regions::new(regions);
        let words = self.language.words();
        let mut update = Update::default();
        // The right to a Good Faith Estimate is the same whatever the answers, so it shows even
        // while one is refused.
        regions.render("gfeNotice", |element| {
            render::estimate::right_to_estimate(
                element,
                &estimate::right_to_estimate(&self.book, self.language),
                words,
            )
        })?;
        let (request, answers) = self.read(&answers);
        if let Ok(request) = &request {
            update.fragment = Some(super::fragment_of(request)?);
        }
        let estimated = match request {
            Ok(request) => match estimate::estimate(&self.book, &request) {
                Ok(estimate) => Ok((request, estimate)),
                // A refused therapy answer leaves the lines it does not touch in view.
                Err(error) => {
                    let apart = estimate::lines_apart_from_therapy(&self.book, request, &error);
                    Err((error, apart))
                }
            },
            Err(error) => Err((error, None)),
        };
        let (request, estimate) = match estimated {
            Ok(estimated) => estimated,
            Err((error, apart)) => {
                update.refuse("estimate", &error);
                self.no_estimate(&regions, apart.as_ref())?;
                return to_js(&update);
            }
        };
        self.show_estimate(&regions, &estimate)?;
        match answers {
            Ok(answers) => {
                if regions.any(&PAYMENT_REGIONS) {
                    self.show_payment(&regions, &estimate, &answers, &mut update)?;
                }
                if regions.any(&["comparison"]) {
                    self.show_comparison(&regions, (&request, &estimate), &answers, &mut update)?;
                }
            }
            Err(error) => {
                update.refuse("payment", &error);
                self.nothing_from_the_estimate(&regions)?;
            }
        }
        to_js(&update)
    }
}

impl Estimator {
    /// A handle on `book`, validated already (the price-book editor's check): the editor's widget
    /// preview, which validates nothing again.
    #[cfg(staff)]
    pub(super) fn of(book: PriceBook, language: Language) -> Estimator {
        Estimator { book, language }
    }

    /// Its price book.
    #[cfg(staff)]
    pub(super) fn book(&self) -> &PriceBook {
        &self.book
    }

    /// The estimate's regions: its lines (the breakdown), the total and the summary.
    fn show_estimate(&self, regions: &Regions, estimate: &Estimate) -> Result<(), JsValue> {
        regions.render("breakdown", |element| {
            render::estimate::breakdowns(element, estimate, false)
        })?;
        regions.text("total", &estimate.patient_total.formatted);
        let condition = estimate.prompt_pay.as_ref();
        regions.text("totalCondition", condition.map_or("", |c| &c.text));
        regions.text(
            "summary",
            &format!("{}: {}", estimate.condition, estimate.summary),
        );
        Ok(())
    }

    /// How to pay for `estimate`: the options, and the HSA/FSA figure. The offers do not depend
    /// on the tax rates; the HSA/FSA figure does, so a refused rate stops only that figure, and
    /// without a federal bracket there is no saving to show, only what to enter.
    fn show_payment(
        &self,
        regions: &Regions,
        estimate: &Estimate,
        answers: &PaymentAnswers,
        update: &mut Update,
    ) -> Result<(), JsValue> {
        let words = self.language.words();
        let rates = answers.tax_rates(self.language);
        let untaxed = PaymentAnswers {
            plan: answers.plan.clone(),
            ..PaymentAnswers::default()
        };
        let taxed = if rates.is_ok() { answers } else { &untaxed };
        let options = match payment::options_for(&self.book, estimate, taxed) {
            Ok(options) => options,
            Err(error) => {
                update.refuse("payment", &error);
                return self.no_payment_figures(regions, words.fix_for_payment);
            }
        };
        regions.render("paymentOptions", |element| {
            render::payment::render_options(element, &options)
        })?;
        let hsa = &options.hsa;
        match rates {
            Ok(_) => {
                let effective = hsa.effective_cost.as_ref();
                regions.text(
                    "hsaEffectiveCost",
                    effective.map_or("", |cost| &cost.formatted),
                );
                regions.text("hsaSummary", &hsa.summary);
                regions.text("hsaCaveat", &hsa.caveat);
            }
            Err(error) => {
                update.refuse("payment", &error);
                regions.text("hsaEffectiveCost", "");
                regions.text("hsaSummary", words.fix_for_hsa);
            }
        }
        Ok(())
    }

    /// The scenario comparison around `estimate` of `request`, or what to fix in its place.
    fn show_comparison(
        &self,
        regions: &Regions,
        (request, estimate): (&EstimateRequest, &Estimate),
        answers: &PaymentAnswers,
        update: &mut Update,
    ) -> Result<(), JsValue> {
        match payment::compare_for(&self.book, estimate, request, answers) {
            Ok(comparison) => regions.render("comparison", |element| {
                render::payment::render_comparison(element, &comparison)
            }),
            Err(error) => {
                update.refuse("comparison", &error);
                self.no_comparison(regions)
            }
        }
    }

    /// The estimate's regions while an answer is refused: no figure from it. The total asks to
    /// check the answers, the breakdown keeps no line from the last good answers but shows the
    /// lines no refused answer touches (`apart`, when only therapy answers are refused) and says
    /// what to fix, and so does everything worked out from the estimate.
    fn no_estimate(&self, regions: &Regions, apart: Option<&Estimate>) -> Result<(), JsValue> {
        let words = self.language.words();
        regions.text("total", words.check_answers);
        regions.text("totalCondition", "");
        regions.render("breakdown", |element| match apart {
            Some(apart) => render::estimate::breakdowns(element, apart, true),
            None => render::what_to_fix(element, words.fix_for_lines),
        })?;
        self.nothing_from_the_estimate(regions)
    }

    /// No figure worked out from the estimate (how to pay, the HSA/FSA figure, the comparison):
    /// each says what to fix instead.
    fn nothing_from_the_estimate(&self, regions: &Regions) -> Result<(), JsValue> {
        self.no_payment_figures(regions, self.language.words().fix_for_payment)?;
        self.no_comparison(regions)
    }

    /// The comparison with no figure: what to fix in its place.
    fn no_comparison(&self, regions: &Regions) -> Result<(), JsValue> {
        let fix = self.language.words().fix_for_comparison;
        regions.render("comparison", |element| render::what_to_fix(element, fix))
    }

    /// "How to pay" and the HSA/FSA figure with no amount: `what_to_fix` in their place.
    fn no_payment_figures(&self, regions: &Regions, what_to_fix: &str) -> Result<(), JsValue> {
        regions.render("paymentOptions", |element| {
            render::what_to_fix(element, what_to_fix)
        })?;
        regions.text("hsaEffectiveCost", "");
        regions.text("hsaSummary", what_to_fix);
        Ok(())
    }

    /// The estimate request and the payment answers of a page's form; the request is in the
    /// handle's language.
    fn read(
        &self,
        answers: &JsValue,
    ) -> (
        Result<EstimateRequest, Error>,
        Result<PaymentAnswers, Error>,
    ) {
        let mut answers = value(answers);
        let payment = match answers.remove("payment") {
            None | Some(crate::read::Value::Null) => Ok(PaymentAnswers::default()),
            Some(payment) => PaymentAnswers::from_value(&payment),
        };
        let request = EstimateRequest::from_value(&answers).map(|mut request| {
            request.language = self.language;
            request
        });
        (request, payment)
    }

    /// `read`, as a thrown JS `Error` naming every refused field of either part.
    #[cfg(staff)]
    fn read_all(&self, answers: &JsValue) -> Result<(EstimateRequest, PaymentAnswers), JsValue> {
        match self.read(answers) {
            (Ok(request), Ok(answers)) => Ok((request, answers)),
            (Err(error), Ok(_)) | (Ok(_), Err(error)) => Err(js_error(error)),
            (Err(first), Err(second)) => {
                let fields = [first.fields(), second.fields()].concat();
                Err(js_error(Error::InvalidRequest(fields)))
            }
        }
    }
}

/// The results as data, for a clinic's own page: in the full module (feature `staff`) only.
#[cfg(staff)]
#[wasm_bindgen]
impl Estimator {
    /// The estimate of `answers` (as `update` takes them) as data: `{ low, high, patient_total,
    /// ... }`.
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every refused answer.
    pub fn estimate(&self, answers: JsValue) -> Result<JsValue, JsValue> {
        let (request, _) = self.read_all(&answers)?;
        to_js(&estimate::estimate(&self.book, &request).map_err(js_error)?)
    }

    /// How the visitor can pay for what `answers` cost: in full, each financing plan's offer (or
    /// why it is not available), and the effective cost from an HSA or FSA.
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every refused answer, e.g. `payment.federal_tax_percent: enter a
    /// percentage from 0 to 100; you typed "140"`.
    #[wasm_bindgen(js_name = paymentOptions)]
    pub fn payment_options(&self, answers: JsValue) -> Result<JsValue, JsValue> {
        let (request, answers) = self.read_all(&answers)?;
        let options = payment::payment_options(&self.book, &request, &answers).map_err(js_error)?;
        to_js(&options)
    }

    /// The scenario grid for `answers`: 1 to 3 injections (or the condition's typical most) ×
    /// physical therapy none, cash or insurance, with the monthly payment of `payment.plan`.
    ///
    /// # Errors
    ///
    /// A JS `Error` naming every refused answer, e.g. `payment.plan: unknown plan "x"`.
    #[wasm_bindgen(js_name = compareScenarios)]
    pub fn compare_scenarios(&self, answers: JsValue) -> Result<JsValue, JsValue> {
        let (request, answers) = self.read_all(&answers)?;
        to_js(&payment::compare(&self.book, &request, &answers).map_err(js_error)?)
    }
}
