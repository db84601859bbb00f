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
    /// `how_to_ask` in parts, in order: (text, its link if any), the phone's link `tel:` and the
    /// email's `mailto:`, so a phone can call or write from it.
    pub parts: Vec<(String, Option<String>)>,
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
        parts: parts(words, clinic),
    }
}

/// The how-to-ask sentence in parts, found by wording it with one-character markers where the
/// phone and the email go (no text search), so every language's wording works.
fn parts(
    words: &crate::language::Words,
    clinic: &crate::price_book::Clinic,
) -> Vec<(String, Option<String>)> {
    const PHONE: char = '\u{1}';
    const EMAIL: char = '\u{2}';
    let marked = (words.ask_for_estimate)(
        &clinic.name,
        &PHONE.to_string(),
        clinic.email.as_ref().map(|_| EMAIL.to_string()).as_deref(),
    );
    let digits: String = clinic
        .phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let mut parts = vec![(String::new(), None)];
    for c in marked.chars() {
        let link = match c {
            PHONE => (clinic.phone.clone(), Some(format!("tel:{digits}"))),
            EMAIL => {
                let email = clinic.email.clone().unwrap_or_default();
                let href = format!("mailto:{email}");
                (email, Some(href))
            }
            c => {
                if let Some((text, None)) = parts.last_mut() {
                    text.push(c);
                } else {
                    parts.push((c.to_string(), None));
                }
                continue;
            }
        };
        parts.push(link);
    }
    parts.retain(|(text, _)| !text.is_empty());
    parts
}
