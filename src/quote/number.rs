//! The quote number: a fingerprint of the quote's canonical data, so the same quote always gives
//! the same number, and a change to any amount, code, date or identity gives another.
//!
//! The canonical data is what the document means, not how it is worded: every item's codes,
//! quantity and cents per provider; the ISO dates; the patient's and each provider's identity;
//! the staff discount's reason and amount; the prompt-pay discount; the kind of document and the
//! price-book version; for a revision, the number and issue date of every document it replaces.
//! No printed text is in it, nor the language, so a release that rewords the
//! document, lays it out anew or translates it gives every saved quote the number it had. (Format
//! 1's number was a fingerprint of the printed texts: see `format_1.rs`.)

use super::good_faith_estimate::GoodFaithEstimate;
use super::request::{CoverageScreening, PromptPayChoice, QuotePlan, QuoteRequest, Side};
use crate::estimate::{Breakdown, LineKind, Payer};
use crate::price_book::PriceBook;

/// The quote number of format 2: the document kind's prefix (`GFE` or `SPQ`) and the fingerprint
/// of the canonical data, each field followed by a separator byte that cannot occur in text (so
/// `("ab", "c")` and `("a", "bc")` differ), and each list by its length.
pub(crate) fn quote_number(
    book: &PriceBook,
    request: &QuoteRequest,
    plan: &QuotePlan<'_>,
    breakdown: &Breakdown,
    document: &GoodFaithEstimate,
) -> String {
    let mut hash = Fnv1a::new();
    let mut field = |text: &str| {
        hash.write(text.as_bytes());
        hash.write(&[0xff]);
    };
    let kind = document.kind;
    // Which rule made the number: a later rule starts with another tag.
    field("amnion-estimator/quote-number/2");
    field(kind.prefix());
    field(&document.price_book_version);
    field(match plan.coverage {
        CoverageScreening::SelfPay => "self_pay",
        CoverageScreening::InsuredFilingClaim => "insured_filing_claim",
        CoverageScreening::Medicare => "medicare",
        CoverageScreening::Medicaid => "medicaid",
        CoverageScreening::Tricare => "tricare",
    });
    field(&plan.issued_on.to_string());
    field(&plan.valid_until(book).to_string());
    field(&plan.patient_name);
    field(&plan.date_of_birth.to_string());
    field(&plan.plan.condition.id);
    field(match plan.side {
        Side::Left => "left",
        Side::Right => "right",
    });
    field(&document.primary_service.service_code);
    field(&document.primary_service.diagnosis_code);
    field(&plan.injections.to_string());
    field(&plan.sessions.to_string());
    field(&plan.scheduled_on.map(|d| d.to_string()).unwrap_or_default());
    field(&plan.later_injections_on.len().to_string());
    for date in &plan.later_injections_on {
        field(&date.to_string());
    }
    field(&document.providers.len().to_string());
    for provider in &document.providers {
        // The address is data, written on one line the same in every language.
        for text in [
            &provider.name,
            &provider.npi,
            &provider.tin,
            &provider.location,
            &provider.state,
        ] {
            field(text);
        }
        field(&provider.items.len().to_string());
        for item in &provider.items {
            field(&item.service_code);
            field(&item.diagnosis_code);
            field(&item.quantity.to_string());
            field(&item.expected_charge.cents.get().to_string());
        }
        field(&provider.total.cents.get().to_string());
    }
    field(&document.total.cents.get().to_string());
    // What the patient's plan is expected to leave to the patient, listed apart on the document.
    let shared: Vec<_> = breakdown
        .lines
        .iter()
        .filter(|l| l.payer == Payer::PatientShare)
        .collect();
    field(&shared.len().to_string());
    for line in shared {
        field(line.code.as_deref().unwrap_or(""));
        field(&line.quantity.to_string());
        field(&line.amount.cents.get().to_string());
    }
    // The staff discount (its reason as staff typed it) and the prompt-pay discount, by amount.
    field(match &plan.plan.staff_discount {
        None => "",
        Some(_) => request.staff_discount.reason.trim(),
    });
    for line in breakdown
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Discount)
    {
        field(&line.amount.cents.get().to_string());
    }
    // The quote's prompt-pay choice, or the book's when staff left it: a file saved before the
    // choice, or one that chose what its book says, gives the number it gave.
    field(match plan.prompt_pay {
        None => "",
        Some(PromptPayChoice::Excluded) => "prompt pay excluded",
        Some(PromptPayChoice::Included) => "prompt pay included",
        Some(PromptPayChoice::NotOffered) => "prompt pay not offered",
    });
    // A revision's chain: only when there is one, so a document that replaces none keeps the
    // number it had before revisions.
    if !plan.replaces.is_empty() {
        field("replaces");
        field(&plan.replaces.len().to_string());
        for (number, issued_on) in &plan.replaces {
            field(number);
            field(&issued_on.to_string());
        }
    }
    // A typed-in provider's own prices, only when staff entered any: a file saved before they were
    // asked for has none, and keeps its number.
    if let Some(prices) = &plan.plan.typed_therapy_prices {
        field("typed therapy prices");
        for service in [&prices.evaluation, &prices.session] {
            field(&service.cash_price_cents.get().to_string());
            field(&service.allowed_cents.get().to_string());
        }
    }
    written(kind.prefix(), hash.finish())
}

/// `prefix`, a dash, and the 64-bit fingerprint as 13 Crockford base-32 characters, grouped 4-4-4-1
/// so staff can read it over the phone: `GFE-7KD3-9XQ2-M4TA-B`.
pub(crate) fn written(prefix: &str, fingerprint: u64) -> String {
    let code = crockford(fingerprint);
    format!(
        "{prefix}-{}-{}-{}-{}",
        &code[0..4],
        &code[4..8],
        &code[8..12],
        &code[12..13]
    )
}

/// 64-bit FNV-1a: small, stable across platforms and releases (unlike `std`'s `DefaultHasher`).
pub(crate) struct Fnv1a(u64);

impl Fnv1a {
    pub(crate) fn new() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// 13 Crockford base-32 digits (no I, L, O, U: nothing to misread on the phone).
fn crockford(mut value: u64) -> String {
    const DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut out = [b'0'; 13];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 32) as usize];
        value /= 32;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_test_vectors() {
        // From the FNV reference test suite: FNV-1a 64 of "" and of "a".
        assert_eq!(Fnv1a::new().finish(), 0xcbf2_9ce4_8422_2325);
        let mut a = Fnv1a::new();
        a.write(b"a");
        assert_eq!(a.finish(), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn crockford_digits() {
        assert_eq!(crockford(0), "0000000000000");
        assert_eq!(crockford(31), "000000000000Z");
        assert_eq!(crockford(32), "0000000000010");
        assert_eq!(crockford(u64::MAX), "FZZZZZZZZZZZZ"); // 2^64 - 1 = 15 × 32^12 + ...
    }
}
