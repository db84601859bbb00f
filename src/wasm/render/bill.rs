//! The bill checked against the estimate, as the staff page shows and prints it: per provider, the
//! three amounts and then what the core found, in its words (`quote::BillCheck`).

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::{append, set_attribute, Page};
use crate::language::BillWords;
use crate::quote::BillCheck;

/// Replaces the children of `container` with `check`.
pub(crate) fn bill_check(
    container: &Element,
    check: &BillCheck,
    words: &BillWords,
) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let article = page.element("article", "bill-check", None)?;
    page.add(&article, "h3", "", &check.title)?;
    page.add(&article, "p", "bill-date", &check.running_head)?;
    page.add(&article, "p", "bill-date", &check.billed_on)?;
    for provider in &check.providers {
        let section = page.element("section", "bill-provider", None)?;
        // Marked for the eye and for print: a bill $400 or more above its estimate.
        let over = if provider.substantially_in_excess {
            "true"
        } else {
            "false"
        };
        set_attribute(&section, "data-over", over)?;
        page.add(
            &section,
            "h4",
            "",
            &format!(
                "{} · {} · NPI {}",
                provider.name, provider.role, provider.npi
            ),
        )?;
        let amounts = page.element("dl", "bill-amounts", None)?;
        let [estimate, billed, difference] = words.amounts;
        for (term, amount) in [
            (estimate, &provider.estimate_total.formatted),
            (billed, &provider.billed_total.formatted),
            (difference, &provider.difference.formatted),
        ] {
            page.add(&amounts, "dt", "", term)?;
            page.add(&amounts, "dd", "amount", amount)?;
        }
        append(&section, &amounts)?;
        // The findings say the same amounts in a sentence first, then the items and the rules.
        let findings = page.element("ul", "bill-findings", None)?;
        for finding in &provider.findings {
            page.add(&findings, "li", "", finding)?;
        }
        append(&section, &findings)?;
        append(&article, &section)?;
    }
    for note in &check.notes {
        page.add(&article, "p", "bill-note", note)?;
    }
    container.replace_children_with_node_1(&article);
    Ok(())
}
