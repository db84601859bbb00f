//! The payment section: "Pay in full", the financing offers and the scenario comparison.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::{append, set_attribute, Page};
use crate::language::PayWords;
use crate::payment::{Comparison, ComparisonCell, FinancingOffer, PaymentOptions};
use crate::price_book::FinancingKind;

/// Pay in full, then the offers grouped by kind, then the lender's disclaimer.
pub(crate) fn render_options(container: &Element, options: &PaymentOptions) -> Result<(), JsValue> {
    let w = &options.language.words().pay;
    let page = Page::of(container)?;
    let fragment = page.element("div", "payment-options", None)?;

    let full = page.element("div", "pay-in-full", None)?;
    page.add(&full, "h3", "", w.pay_in_full)?;
    page.add(
        &full,
        "p",
        "pay-amount",
        &options.pay_in_full.total.formatted,
    )?;
    if let Some(note) = &options.pay_in_full.note {
        page.add(&full, "p", "hint", note)?;
    }
    append(&fragment, &full)?;
    if let Some(note) = options
        .financed_amount_note
        .as_ref()
        .filter(|_| !options.financing.is_empty())
    {
        page.add(&fragment, "p", "hint", note)?;
    }
    if let Some(note) = &options.financing_discount_note {
        page.add(&fragment, "p", "hint", note)?;
    }

    for (kind, heading) in [
        (FinancingKind::DeferredInterest, w.deferred_heading),
        (FinancingKind::FixedApr, w.fixed_heading),
    ] {
        let offers: Vec<&FinancingOffer> = options
            .financing
            .iter()
            .filter(|offer| offer.kind == kind)
            .collect();
        if offers.is_empty() {
            continue;
        }
        page.add(&fragment, "h3", "", heading)?;
        let list = page.element("ul", "offers", None)?;
        for offer in offers {
            append(&list, &offer_card(&page, offer, w)?)?;
        }
        append(&fragment, &list)?;
    }
    for note in &options.notes {
        page.add(&fragment, "p", "hint", note)?;
    }
    container.replace_children_with_node_1(&fragment);
    Ok(())
}

/// One plan: its monthly payment and terms, or, greyed, why it is not available.
fn offer_card(page: &Page, offer: &FinancingOffer, w: &PayWords) -> Result<Element, JsValue> {
    let card = page.element("li", "offer", None)?;
    set_attribute(&card, "data-plan", &offer.plan_id)?;
    page.add(&card, "p", "offer-label", &offer.label)?;
    match (&offer.offer, &offer.not_available) {
        (Some(terms), _) => {
            let payment = page.element("p", "offer-payment", None)?;
            page.add(&payment, "strong", "", &terms.monthly_payment.formatted)?;
            page.add(&payment, "span", "", &format!(" {}", w.a_month))?;
            append(&card, &payment)?;
            page.add(&card, "p", "offer-detail", &terms.summary)?;
            // Deferred interest says its terms in its warning; a loan gives its APR and cost.
            if terms.back_interest.is_none() {
                let totals = format!(
                    "{} {} · {} {} ({} {})",
                    terms.apr.formatted,
                    w.apr,
                    w.total,
                    terms.total_of_payments.formatted,
                    w.interest,
                    terms.interest.formatted
                );
                page.add(&card, "p", "offer-detail", &totals)?;
            }
            if let Some(warning) = &terms.warning {
                page.add(&card, "p", "offer-warning", warning)?;
            }
        }
        (None, reason) => {
            card.set_class_name("offer unavailable");
            let reason = reason.as_deref().unwrap_or_default();
            page.add(
                &card,
                "p",
                "offer-reason",
                &format!("{}. {reason}.", w.not_available),
            )?;
            page.add(&card, "p", "offer-detail", &offer.terms)?;
        }
    }
    Ok(card)
}

/// The grid as a table with row and column headers, in a region that scrolls sideways on its own
/// when the screen is narrow, then its notes.
pub(crate) fn render_comparison(
    container: &Element,
    comparison: &Comparison,
) -> Result<(), JsValue> {
    let w = &comparison.language.words().pay;
    let page = Page::of(container)?;
    let fragment = page.element("div", "comparison", None)?;
    let region = page.element("div", "table-scroll", None)?;
    set_attribute(&region, "role", "region")?;
    set_attribute(&region, "aria-label", w.comparison_region)?;
    set_attribute(&region, "tabindex", "0")?;

    let table = page.element("table", "comparison-table", None)?;
    let caption = format!("{}: {}", comparison.condition, w.what_you_pay);
    page.add(&table, "caption", "", &caption)?;
    let head = page.element("tr", "", None)?;
    let corner = page.element("th", "", Some(w.injections))?;
    set_attribute(&corner, "scope", "col")?;
    append(&head, &corner)?;
    for column in &comparison.columns {
        let cell = page.element("th", "", Some(&column.label))?;
        set_attribute(&cell, "scope", "col")?;
        append(&head, &cell)?;
    }
    let thead = page.element("thead", "", None)?;
    append(&thead, &head)?;
    append(&table, &thead)?;

    // A reason a plan is not available is a numbered note under the table, not six lines in a
    // narrow cell; cells with the same reason share its number.
    let mut reasons: Vec<&str> = Vec::new();
    let body = page.element("tbody", "", None)?;
    for row in &comparison.rows {
        let line = page.element("tr", "", None)?;
        // The count alone under the column's "Injections", read out as its label (`2 injections`):
        // the word on every row took the room a phone needs for the last column (Spanish's).
        let header = page.element("th", "", Some(&row.injections.to_string()))?;
        set_attribute(&header, "scope", "row")?;
        set_attribute(&header, "aria-label", &row.label)?;
        append(&line, &header)?;
        for cell in &row.cells {
            let note = cell.not_available.as_deref().map(|reason| {
                let known = reasons.iter().position(|r| *r == reason);
                known.unwrap_or_else(|| {
                    reasons.push(reason);
                    reasons.len() - 1
                }) + 1
            });
            append(&line, &scenario_cell(&page, cell, note, w)?)?;
        }
        append(&body, &line)?;
    }
    append(&table, &body)?;
    append(&region, &table)?;
    append(&fragment, &region)?;

    let notes = page.element("ul", "notes", None)?;
    for (number, reason) in reasons.iter().enumerate() {
        let text = format!("({}) {}. {reason}.", number + 1, w.not_available);
        page.add(&notes, "li", "", &text)?;
    }
    for note in &comparison.notes {
        page.add(&notes, "li", "", note)?;
    }
    append(&fragment, &notes)?;
    container.replace_children_with_node_1(&fragment);
    Ok(())
}

/// A cell: the total, then the monthly payment, or "not available" with the number of the note
/// that says why.
fn scenario_cell(
    page: &Page,
    cell: &ComparisonCell,
    reason_note: Option<usize>,
    w: &PayWords,
) -> Result<Element, JsValue> {
    let td = page.element("td", if cell.current { "current" } else { "" }, None)?;
    let total = match &cell.patient_total_high {
        Some(high) => format!("{} – {}", cell.patient_total.formatted, high.formatted),
        None => cell.patient_total.formatted.clone(),
    };
    page.add(&td, "span", "cell-total", &total)?;
    if let Some(monthly) = &cell.monthly_payment {
        // "a month" stays together, and goes under the amount when the column is narrow.
        let amount = match cell.patient_total_high {
            // Worked out on the range's high end: at most this.
            Some(_) => format!("{} {}", w.up_to, monthly.formatted),
            None => monthly.formatted.clone(),
        };
        let text = format!("{amount} {}", w.a_month.replace(' ', "\u{a0}"));
        page.add(&td, "span", "cell-monthly", &text)?;
    }
    if let Some(number) = reason_note {
        let text = format!("{} ({number})", w.not_available);
        page.add(&td, "span", "cell-unavailable", &text)?;
    }
    if cell.current {
        page.add(&td, "span", "cell-current", w.your_answers)?;
    }
    Ok(td)
}
