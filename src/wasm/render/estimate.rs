//! The visitor estimate's tables: per breakdown (two for a range), what the visitor pays, then
//! what their plan pays, apart; then the notes.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::{append, set_attribute, Page};

use crate::estimate::{Breakdown, Estimate, LineItem, LineKind, Payer, RightToEstimate};
use crate::language::Words;

/// Replaces the children of `container` with the tables of each breakdown (two for a range), then
/// the notes; or, for `apart` (the lines no refused answer touches, as `lines_apart_from_therapy`
/// gives them), the tables with no "You pay", then what to fix to see the rest.
pub(crate) fn breakdowns(
    container: &Element,
    estimate: &Estimate,
    apart: bool,
) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let words = estimate.language.words();
    let fragment = page.element("div", "breakdowns", None)?;
    match &estimate.high {
        None => page.breakdown(
            &fragment,
            &estimate.low,
            words.itemized_estimate,
            (words, apart),
        )?,
        Some(high) => {
            let low_caption = format!("{}: {}", words.low_end, estimate.low.summary);
            page.breakdown(&fragment, &estimate.low, &low_caption, (words, apart))?;
            let high_caption = format!("{}: {}", words.high_end, high.summary);
            page.breakdown(&fragment, high, &high_caption, (words, apart))?;
        }
    }
    if apart {
        page.add(&fragment, "p", "what-to-fix", words.fix_for_lines)?;
    } else {
        let notes = page.element("ul", "notes", None)?;
        for note in &estimate.notes {
            page.add(&notes, "li", "", note)?;
        }
        append(&fragment, &notes)?;
    }
    container.replace_children_with_node_1(&fragment);
    Ok(())
}

/// Replaces the children of `container` with the notice of the right to a Good Faith Estimate: its
/// heading, its text and how to ask for one.
pub(crate) fn right_to_estimate(
    container: &Element,
    notice: &RightToEstimate,
    words: &Words,
) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let fragment = page.element("div", "right-to-estimate", None)?;
    page.add(&fragment, "h3", "", &notice.heading)?;
    // The right in plain words and how to ask, in sight; the notice as worded, one tap away (in
    // full it is taller than a phone's screen).
    page.add(&fragment, "p", "", words.right_to_estimate_lead)?;
    // How to ask, with the phone and the email as links a phone can call or write to.
    let ask = page.element("p", "how-to-ask", None)?;
    for (text, href) in &notice.parts {
        let part = match href {
            Some(href) => {
                let link = page.element("a", "", Some(text))?;
                set_attribute(&link, "href", href)?;
                link
            }
            None => page.element("span", "", Some(text))?,
        };
        append(&ask, &part)?;
    }
    append(&fragment, &ask)?;
    let full = page.element("details", "notice-in-full", None)?;
    page.add(&full, "summary", "", words.notice_in_full)?;
    page.add(&full, "p", "", &notice.text)?;
    append(&fragment, &full)?;
    container.replace_children_with_node_1(&fragment);
    Ok(())
}

impl Page {
    /// Appends to `parent` the table of what the visitor pays, whose column adds up to "You pay",
    /// and, when their plan pays a line, the table of what it pays, apart, its total in its
    /// caption: no amount the plan pays is in the visitor's column or sum.
    fn breakdown(
        &self,
        parent: &Element,
        breakdown: &Breakdown,
        caption: &str,
        (words, apart): (&Words, bool),
    ) -> Result<(), JsValue> {
        let (visitor, plan): (Vec<&LineItem>, Vec<&LineItem>) = breakdown
            .lines
            .iter()
            .partition(|line| line.payer.is_patient());
        let table = self.table(caption, &visitor, words)?;
        if apart {
            append(parent, &table)?;
            return Ok(());
        }
        let foot = self.element("tfoot", "", None)?;
        let row = self.element("tr", "patient-total", None)?;
        let head = self.element("th", "item", Some(words.you_pay))?;
        set_attribute(&head, "scope", "row")?;
        append(&row, &head)?;
        self.add(&row, "td", "amount", &breakdown.patient_total.formatted)?;
        append(&foot, &row)?;
        append(&table, &foot)?;
        append(parent, &table)?;
        if !plan.is_empty() {
            let caption = format!(
                "{}: {}",
                words.plan_pays_total, breakdown.insurance_total.formatted
            );
            append(parent, &self.table(&caption, &plan, words)?)?;
        }
        Ok(())
    }

    /// A table of `lines` under `caption`.
    fn table(&self, caption: &str, lines: &[&LineItem], words: &Words) -> Result<Element, JsValue> {
        let table = self.element("table", "breakdown", None)?;
        self.add(&table, "caption", "", caption)?;
        let head = self.element("tr", "", None)?;
        for (text, class) in [(words.item, "item"), (words.amount, "amount")] {
            let cell = self.element("th", class, Some(text))?;
            set_attribute(&cell, "scope", "col")?;
            append(&head, &cell)?;
        }
        let thead = self.element("thead", "", None)?;
        append(&thead, &head)?;
        append(&table, &thead)?;
        let body = self.element("tbody", "", None)?;
        for line in lines {
            append(&body, &self.line(line)?)?;
        }
        append(&table, &body)?;
        Ok(table)
    }

    fn line(&self, line: &LineItem) -> Result<Element, JsValue> {
        let class = match (line.kind, line.payer) {
            (LineKind::Discount, _) => "line discount",
            (_, Payer::Insurance) => "line insurance",
            _ => "line",
        };
        let row = self.element("tr", class, None)?;
        let item = self.element("td", "item", None)?;
        self.add(&item, "span", "label", &line.label)?;
        let mut meta = Vec::new();
        if let Some(code) = &line.code {
            // The code's billing units beside it (`Q4139: 6 units of 1 cc`): staff only.
            #[cfg(staff)]
            if let Some(billed) = &line.billing_units {
                meta.push(format!("{code}: {}", billed.text));
            } else {
                meta.push(code.clone());
            }
            #[cfg(not(staff))]
            meta.push(code.clone());
        }
        meta.push(format!("{} × {}", line.quantity, line.unit_price.formatted));
        if let Some(detail) = &line.detail {
            meta.push(detail.clone());
        }
        self.add(
            &item,
            "span",
            "meta",
            &crate::language::joined(&meta, " · "),
        )?;
        append(&row, &item)?;
        self.add(&row, "td", "amount", &line.amount.formatted)?;
        Ok(row)
    }
}
