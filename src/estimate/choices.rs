//! The answers a visitor can pick, taken from the price book, so the page fills its form without
//! knowing any limit or price itself.

use serde::Serialize;

use crate::language::{counted, Language};
use crate::price_book::PriceBook;

/// One option of a form field: the value sent back in a request, and what a visitor reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// Sent back in [`EstimateRequest`](super::EstimateRequest).
    pub value: String,
    /// Shown to the visitor, short enough for a phone's select box.
    pub label: String,
    /// What the page shows beside the field while this is chosen (a product's price), if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Every pickable answer, in display order, plus what the page says about the clinic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Choices {
    /// Conditions, by `id`.
    pub conditions: Vec<Choice>,
    /// `1` to the maximum, then `not_sure`.
    pub injections: Vec<Choice>,
    /// Products, with their price per injection.
    pub products: Vec<Choice>,
    /// `typical`, then `0` to the maximum.
    pub pt_sessions: Vec<Choice>,
    /// Items staff can add to a quote, by `id`, with code and price. Not in the visitor's module,
    /// which does not read them from the book.
    #[cfg(staff)]
    pub extras: Vec<Choice>,
    /// Therapy partners a quote can name as its therapy provider, by `id`, with their names. Not in
    /// the visitor's module, as `extras`.
    #[cfg(staff)]
    pub therapy_partners: Vec<Choice>,
    /// The clinic's name.
    pub clinic_name: String,
    /// The clinic's phone number.
    pub clinic_phone: String,
    /// True when the price book holds sample figures.
    pub sample_prices: bool,
}

impl Choices {
    /// The choices `book` offers.
    pub fn new(book: &PriceBook, language: Language) -> Choices {
        let document = book.document();
        let words = language.words();
        let choice = |value: String, label: String| Choice {
            value,
            label,
            detail: None,
        };
        let count = |n: u32, forms: [&str; 2]| choice(n.to_string(), counted(n, forms));
        let money = |cents| document.locale.format_money(cents);
        let mut injections: Vec<Choice> = (1..=document.limits.max_injections)
            .map(|n| count(n, words.injection))
            .collect();
        injections.push(choice("not_sure".into(), words.not_sure.into()));
        let mut pt_sessions = vec![choice("typical".into(), words.typical.into())];
        pt_sessions.extend((0..=document.limits.max_pt_sessions).map(|n| count(n, words.session)));
        Choices {
            conditions: document
                .conditions
                .iter()
                .map(|c| choice(c.id.clone(), c.label.get(language).into()))
                .collect(),
            injections,
            products: document
                .products
                .iter()
                .map(|p| Choice {
                    detail: Some(format!(
                        "{} {}",
                        money(p.price_cents),
                        p.gender().agree(words.each)
                    )),
                    ..choice(p.id.clone(), p.label.get(language).into())
                })
                .collect(),
            pt_sessions,
            #[cfg(staff)]
            extras: document
                .extras
                .iter()
                .map(|e| {
                    let label = format!(
                        "{} ({}, {} {})",
                        e.label.get(language),
                        e.code,
                        money(e.price_cents),
                        e.gender().agree(words.each)
                    );
                    choice(e.id.clone(), label)
                })
                .collect(),
            #[cfg(staff)]
            therapy_partners: document
                .therapy_partners
                .iter()
                .map(|p| choice(p.id.clone(), p.name.clone()))
                .collect(),
            clinic_name: document.clinic.name.clone(),
            clinic_phone: document.clinic.phone.clone(),
            sample_prices: document.sample_data,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::language::Gender;
    use crate::price_book::DEFAULT_PRICE_BOOK_JSON;

    fn choice(value: &str, label: &str) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            detail: None,
        }
    }

    #[test]
    fn choices_follow_the_price_book_limits() {
        let book = PriceBook::embedded_default().expect("valid");
        let choices = Choices::new(&book, Language::English);
        let values = |list: &[Choice]| list.iter().map(|c| c.value.clone()).collect::<Vec<_>>();
        assert_eq!(values(&choices.injections), ["1", "2", "3", "not_sure"]);
        assert_eq!(choices.injections[1].label, "2 injections");
        assert_eq!(choices.pt_sessions.len(), 1 + 41); // typical, then 0 to 40
                                                       // The product's name alone fits a phone's select; its price shows beside it.
        assert_eq!(choices.products[0].label, "Amniotic allograft, 1 mL vial");
        assert_eq!(
            choices.products[0].detail.as_deref(),
            Some("$1,200.00 each")
        );
        assert_eq!(choices.conditions.len(), 5);
        assert_eq!(
            choices.extras[0].label,
            "Follow-up visit (99213, $120.00 each)"
        );
        let spanish = Choices::new(&book, Language::Spanish);
        // "each" agrees with what one is: el vial (masculine), la visita (feminine).
        assert_eq!(spanish.products[0].label, "Aloinjerto amniótico de 1 mL");
        assert_eq!(
            spanish.products[0].detail.as_deref(),
            Some("$1,200.00 cada uno")
        );
        assert_eq!(
            spanish.extras[0].label,
            "Visita de seguimiento (99213, $120.00 cada una)"
        );
        assert_eq!(
            choices.therapy_partners,
            [
                choice("lakeshore_pt", "Lakeshore Physical Therapy"),
                choice("eastside_rehab", "Eastside Sports Rehab")
            ]
        );
    }

    #[test]
    fn each_agrees_with_the_gender_the_price_book_gives() {
        // A product sold by the syringe (la jeringa) and an extra that is a study (el estudio).
        let mut book: serde_json::Value =
            serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON");
        book["products"][0]["label"]["es"] = "Aloinjerto amniótico, jeringa prellenada".into();
        book["products"][0]["spanish_gender"] = "feminine".into();
        book["extras"][1]["label"]["es"] = "Estudio de imagen externo".into();
        book["extras"][1]["spanish_gender"] = "masculine".into();
        let book = PriceBook::from_json(&book.to_string()).expect("valid");
        assert_eq!(book.document().products[0].gender(), Gender::Feminine);
        let spanish = Choices::new(&book, Language::Spanish);
        assert_eq!(
            spanish.products[0].detail.as_deref(),
            Some("$1,200.00 cada una")
        );
        assert_eq!(
            spanish.products[1].detail.as_deref(),
            Some("$1,900.00 cada uno")
        );
        assert_eq!(
            spanish.extras[1].label,
            "Estudio de imagen externo (76140, $75.00 cada uno)"
        );
        // English does not change with it.
        let english = Choices::new(&book, Language::English);
        assert_eq!(
            english.products[0].detail.as_deref(),
            Some("$1,200.00 each")
        );
    }

    #[test]
    fn a_gender_other_than_the_two_is_refused_by_its_path() {
        let mut book: serde_json::Value =
            serde_json::from_str(DEFAULT_PRICE_BOOK_JSON).expect("the sample is JSON");
        book["products"][0]["spanish_gender"] = "neuter".into();
        let error = PriceBook::from_json(&book.to_string()).expect_err("neuter");
        assert!(
            error.to_string().contains(
                "products[0].spanish_gender: must be `masculine` or `feminine`; it is \"neuter\""
            ),
            "{error}"
        );
    }
}
