//! The notice of the right to a Good Faith Estimate, which providers must display where
//! uninsured and self-pay patients look for prices (45 CFR 149.610(b)(1)(iv)), as the widget shows
//! it: the price book's wording, or the crate's after CMS's model notice, and how to ask for one.

use serde::Serialize;

use crate::language::Language;
use crate::price_book::PriceBook;

/// The notice, in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RightToEstimate {
    /// `Your right to a Good Faith Estimate`.
    pub heading: String,
    /// The notice: the price book's `disclaimers.good_faith_estimate_right`, or the crate's.
    pub text: String,
    /// `To ask for a Good Faith Estimate, call {clinic} at {phone}` (and `or email {email}` when
    /// the book gives one).
    pub how_to_ask: String,
    /// The parts of `how_to_ask` a phone can act on, in order: (the text as it stands there, its
    /// link), the phone as `tel:` and the email as `mailto:`.
    pub links: Vec<(String, String)>,
}

/// The notice `book` gives, in `language`. Every book gives one: without its own wording, the
/// crate's.
///
/// ```
/// use amnion_estimator::{estimate::right_to_estimate, language::Language, price_book::PriceBook};
/// let notice = right_to_estimate(&PriceBook::embedded_default().unwrap(), Language::English);
/// assert!(notice.text.contains("$400"));
/// ```
pub fn right_to_estimate(book: &PriceBook, language: Language) -> RightToEstimate {
    let document = book.document();
    let words = language.words();
    let clinic = &document.clinic;
    RightToEstimate {
        heading: words.right_to_estimate_heading.to_owned(),
        text: document
            .disclaimers
            .good_faith_estimate_right
            .as_ref()
            .map_or(words.right_to_estimate, |text| text.get(language))
            .to_owned(),
        how_to_ask: (words.ask_for_estimate)(&clinic.name, &clinic.phone, clinic.email.as_deref()),
        links: std::iter::once((
            clinic.phone.clone(),
            format!(
                "tel:{}",
                clinic
                    .phone
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect::<String>()
            ),
        ))
        .chain(
            clinic
                .email
                .iter()
                .map(|email| (email.clone(), format!("mailto:{email}"))),
        )
        .collect(),
    }
}
