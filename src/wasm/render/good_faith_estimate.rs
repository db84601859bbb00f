//! The Good Faith Estimate (or self-pay price quote) as a printable document, in the order the core
//! computed it. Every text comes from the document itself, headings too (`gfe.headings`), so what
//! prints is what the core's tests read.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use super::{append, set_attribute, Page};
use crate::language::Headings;
use crate::quote::{GoodFaithEstimate, ProviderSection, Quote};

/// Replaces the children of `container` with the quote's document.
pub(crate) fn document(container: &Element, quote: &Quote) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let gfe = &quote.good_faith_estimate;
    let w = &gfe.headings;
    let article = page.element("article", "gfe", None)?;

    let header = page.holding(
        "header",
        "gfe-header",
        &[
            page.element("h2", "", Some(&gfe.title))?,
            page.element(
                "p",
                "gfe-number",
                Some(&format!("{} {}", w.quote, gfe.quote_number)),
            )?,
            page.element(
                "p",
                "gfe-dates",
                Some(&format!(
                    "{} {} · {} {} · {} {}",
                    w.issued,
                    gfe.issued_on,
                    w.valid_until,
                    gfe.valid_until,
                    w.price_book,
                    gfe.price_book_version
                )),
            )?,
        ],
    )?;
    // A revision says, under its dates, which document it replaces and when that one was issued.
    if let Some(replaces) = &gfe.replaces {
        page.add(&header, "p", "gfe-revised", replaces)?;
    }
    append(&article, &header)?;
    if let Some(notice) = &gfe.coverage_notice {
        page.add(&article, "p", "gfe-notice", notice)?;
    }

    append(
        &article,
        &facts(
            &page,
            w.patient,
            "gfe-patient",
            &[
                (w.name, &gfe.patient.name),
                (w.date_of_birth, &gfe.patient.date_of_birth),
            ],
        )?,
    )?;
    let primary = &gfe.primary_service;
    let mut pairs = vec![
        (w.service, primary.description.as_str()),
        (w.service_code, &primary.service_code),
        (w.diagnosis_code, &primary.diagnosis_code),
    ];
    // One line per injection when staff gave later dates: the term once, a value per line.
    for (index, line) in primary.schedule.iter().enumerate() {
        pairs.push((if index == 0 { w.scheduled } else { "" }, line));
    }
    append(
        &article,
        &facts(&page, w.primary_service, "gfe-primary", &pairs)?,
    )?;

    for provider in &gfe.providers {
        append(&article, &provider_section(&page, provider, w)?)?;
    }
    let total = page.holding(
        "p",
        "gfe-total",
        &[
            page.element("span", "", Some(w.total))?,
            page.element("strong", "", Some(&gfe.total.formatted))?,
        ],
    )?;
    append(&article, &total)?;

    if !gfe.billed_to_insurance.is_empty() {
        append(
            &article,
            &list(
                &page,
                w.billed_to_insurance,
                "gfe-insurance",
                &gfe.billed_to_insurance,
            )?,
        )?;
    }
    let scheduled = list(
        &page,
        w.separately_scheduled,
        "gfe-separate",
        &gfe.separately_scheduled,
    )?;
    page.add(
        &scheduled,
        "p",
        "",
        &format!("{} {}", w.separate_estimate, gfe.ask_separately),
    )?;
    append(&article, &scheduled)?;
    append(&article, &disclaimers(&page, gfe, w)?)?;

    container.replace_children_with_node_1(&article);
    running_words(&page, gfe)
}

/// The words in every printed page's margins: the running head (whose document, and which one, in
/// a box of its own so the number never breaks) and
/// `Page` and `of` around the page counters. A page's margins are drawn from the root element's
/// style, not from the document's, so they go there as custom properties, each a CSS string,
/// which staff.css's `@page gfe` puts in its margin boxes; the page's script composes none.
fn running_words(page: &Page, gfe: &GoodFaithEstimate) -> Result<(), JsValue> {
    let Some(root) = page.0.document_element() else {
        return Ok(());
    };
    let style = root.unchecked_into::<HtmlElement>().style();
    let [page_word, of] = gfe.headings.page_of;
    style.set_property("--gfe-running-head", &css_string(&gfe.running_patient()))?;
    style.set_property("--gfe-running-number", &css_string(&gfe.running_number()))?;
    style.set_property("--gfe-page", &css_string(page_word))?;
    style.set_property("--gfe-of", &css_string(of))
}

/// `text` as a CSS string: quoted, with `"` and `\` escaped, and any line break as `\A `, so a
/// patient's name is one string token whatever it holds.
fn css_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            '\n' | '\r' | '\u{c}' => quoted.push_str("\\A "),
            _ => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A titled `<dl>` of label and value pairs.
fn facts(
    page: &Page,
    title: &str,
    class: &str,
    pairs: &[(&str, &str)],
) -> Result<Element, JsValue> {
    let list = page.element("dl", "", None)?;
    for (term, value) in pairs {
        // An empty term continues the one before it: `<dt>` once, then a `<dd>` per value.
        if !term.is_empty() {
            page.add(&list, "dt", "", term)?;
        }
        page.add(&list, "dd", "", value)?;
    }
    page.holding(
        "section",
        class,
        &[page.element("h3", "", Some(title))?, list],
    )
}

fn list(page: &Page, title: &str, class: &str, items: &[String]) -> Result<Element, JsValue> {
    let ul = page.element("ul", "", None)?;
    for item in items {
        page.add(&ul, "li", "", item)?;
    }
    page.holding(
        "section",
        class,
        &[page.element("h3", "", Some(title))?, ul],
    )
}

fn provider_section(
    page: &Page,
    provider: &ProviderSection,
    w: &Headings,
) -> Result<Element, JsValue> {
    let identity = format!(
        "NPI {} · TIN {} · {} ({}: {})",
        provider.npi, provider.tin, provider.location, w.state, provider.state
    );
    let table = page.element("table", "gfe-items", None)?;
    let head = page.element("tr", "", None)?;
    for (text, class) in [
        (w.item_or_service, "item"),
        (w.service_code, "code"),
        (w.diagnosis_code, "code"),
        (w.quantity, "qty"),
        (w.expected_charge, "amount"),
    ] {
        let cell = page.element("th", class, Some(text))?;
        set_attribute(&cell, "scope", "col")?;
        append(&head, &cell)?;
    }
    append(&table, &page.holding("thead", "", &[head])?)?;
    let body = page.element("tbody", "", None)?;
    for item in &provider.items {
        // In the billing units of its code, named, when the code is not billed one per item.
        let quantity = item
            .billing_units
            .clone()
            .unwrap_or_else(|| item.quantity.to_string());
        let row = page.element("tr", "", None)?;
        // Each cell names its column, for the narrow layout that shows a row as a block.
        for (text, class, column) in [
            (item.description.as_str(), "item", w.item_or_service),
            (item.service_code.as_str(), "code", w.service_code),
            (item.diagnosis_code.as_str(), "code", w.diagnosis_code),
            (quantity.as_str(), "qty", w.quantity),
            (
                item.expected_charge.formatted.as_str(),
                "amount",
                w.expected_charge,
            ),
        ] {
            let cell = page.element("td", class, Some(text))?;
            set_attribute(&cell, "data-label", column)?;
            append(&row, &cell)?;
        }
        append(&body, &row)?;
    }
    append(&table, &body)?;
    let total_label = page.element(
        "th",
        "item",
        Some(&format!("{} {}", w.total_for, provider.name)),
    )?;
    set_attribute(&total_label, "scope", "row")?;
    set_attribute(&total_label, "colspan", "4")?;
    let foot = page.holding(
        "tr",
        "",
        &[
            total_label,
            page.element("td", "amount", Some(&provider.total.formatted))?,
        ],
    )?;
    append(&table, &page.holding("tfoot", "", &[foot])?)?;

    let section = page.holding(
        "section",
        "gfe-provider",
        &[
            page.element(
                "h3",
                "",
                Some(&format!("{}: {}", provider.role, provider.name)),
            )?,
            page.element("p", "gfe-identity", Some(&identity))?,
            table,
        ],
    )?;
    if let Some(note) = &provider.note {
        page.add(&section, "p", "gfe-note", note)?;
    }
    Ok(section)
}

fn disclaimers(page: &Page, gfe: &GoodFaithEstimate, w: &Headings) -> Result<Element, JsValue> {
    let section = page.holding(
        "section",
        "gfe-disclaimers",
        &[page.element("h3", "", Some(w.please_read))?],
    )?;
    for text in &gfe.disclaimers {
        page.add(&section, "p", "", text)?;
    }
    Ok(section)
}
