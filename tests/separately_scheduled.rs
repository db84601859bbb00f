//! "Items and services to schedule separately" lists only what the estimate does not itemize: an
//! extra on the estimate leaves off the entry it is a case of (`extras[].separately_scheduled`),
//! so an estimate with the foot X-ray no longer also lists "Imaging such as X-ray or MRI" as
//! separate (billing walk-through, item 14). Files saved before keep their numbers.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::language::Text;
use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, reopen};
use sample_book::{book, request, saved_quote};

const FOLLOW_UP: &str =
    "Follow-up visits after the injection series, if your provider recommends them.";
const IMAGING: &str = "Imaging such as X-ray or MRI, if your provider orders it.";

#[test]
fn an_estimate_with_the_x_ray_does_not_list_imaging_as_separate() {
    let listed = |extras: &str| {
        let q = quote(
            &book(),
            &request(&format!(
                r#""answers": {{ "condition": "plantar_fasciitis", "injections": "1" }}, "extras": {{ {extras} }}"#
            )),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        q.good_faith_estimate.separately_scheduled
    };
    assert_eq!(listed(""), [FOLLOW_UP, IMAGING]);
    assert_eq!(listed(r#""foot_xray": "0""#), [FOLLOW_UP, IMAGING]);
    assert_eq!(listed(r#""foot_xray": "1""#), [FOLLOW_UP]);
    // A follow-up visit is not the book's "follow-up visits after the series" (it has no link).
    assert_eq!(listed(r#""follow_up": "2""#), [FOLLOW_UP, IMAGING]);
}

/// A format-1 file's number is a fingerprint of what its release printed, the book's whole list
/// among it: a link in its book leaves the entry off what prints today, and the number stays.
#[test]
fn a_format_1_file_keeps_its_number_when_its_list_is_shorter() {
    let mut saved = saved_quote("extras-and-staff-discount.json");
    assert_eq!(saved.format, "amnion-estimator/quote/1");
    let before = reopen(&saved, &book()).expect("reopens");
    let number = saved.quote_number.clone();
    assert_eq!(before.quote.quote_number, number);
    assert_eq!(
        before.quote.good_faith_estimate.separately_scheduled,
        [FOLLOW_UP, IMAGING]
    );
    // Its 2 follow-up visits, linked to the book's follow-up entry.
    let follow_up = saved
        .price_book
        .extras
        .iter_mut()
        .find(|extra| extra.id == "follow_up")
        .expect("the follow-up visit");
    follow_up.separately_scheduled = Some(Text {
        en: FOLLOW_UP.to_owned(),
        es: None,
    });
    PriceBook::new(saved.price_book.clone()).expect("still a valid book");
    let after = reopen(&saved, &book()).expect("reopens");
    assert_eq!(after.quote.quote_number, number);
    assert_eq!(
        after.quote.good_faith_estimate.separately_scheduled,
        [IMAGING]
    );
    assert_eq!(
        after.quote.good_faith_estimate.total,
        before.quote.good_faith_estimate.total
    );
}
