//! The Good Faith Estimate as a printable document, in the order the core computed it.

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::{append, Page};
use crate::quote::{GoodFaithEstimate, ProviderSection, Quote};

/// Replaces the children of `container` with the quote's document.
pub(crate) fn document(container: &Element, quote: &Quote) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let gfe = &quote.good_faith_estimate;
    let article = page.element("article", "gfe", None)?;

    let header = page.holding(
        "header",
        "gfe-header",
        &[
            page.element("h2", "", Some(&gfe.title))?,
            page.element(
                "p",
                "gfe-number",
                Some(&format!("Quote {}", gfe.quote_number)),
            )?,
            page.element(
                "p",
                "gfe-dates",
                Some(&format!(
                    "Issued {} · Valid until {} · Price book {}",
                    gfe.issued_on, gfe.valid_until, gfe.price_book_version
                )),
            )?,
        ],
    )?;
    append(&article, &header)?;
    if let Some(notice) = &gfe.coverage_notice {
        append(&article, &page.element("p", "gfe-notice", Some(notice))?)?;
    }

    append(
        &article,
        &facts(
            &page,
            "Patient",
            "gfe-patient",
            &[
                ("Name", &gfe.patient.name),
                ("Date of birth", &gfe.patient.date_of_birth),
            ],
        )?,
    )?;
    let primary = &gfe.primary_service;
    append(
        &article,
        &facts(
            &page,
            "Primary service",
            "gfe-primary",
            &[
                ("Service", &primary.description),
                ("Service code", &primary.service_code),
                ("Diagnosis code", &primary.diagnosis_code),
                ("Scheduled", &primary.scheduled_on),
            ],
        )?,
    )?;

    for provider in &gfe.providers {
        append(&article, &provider_section(&page, provider)?)?;
    }
    let total = page.holding(
        "p",
        "gfe-total",
        &[
            page.element("span", "", Some("Total estimated charges"))?,
            page.element("strong", "", Some(&gfe.total.formatted))?,
        ],
    )?;
    append(&article, &total)?;

    if !gfe.billed_to_insurance.is_empty() {
        append(
            &article,
            &list(
                &page,
                "Billed to your insurance (not part of this estimate)",
                "gfe-insurance",
                &gfe.billed_to_insurance,
            )?,
        )?;
    }
    let scheduled = list(
        &page,
        "Items and services to schedule separately",
        "gfe-separate",
        &gfe.separately_scheduled,
    )?;
    append(
        &scheduled,
        &page.element("p", "", Some("A separate Good Faith Estimate will be given for these when they are scheduled or on request."))?,
    )?;
    append(&article, &scheduled)?;
    append(&article, &disclaimers(&page, gfe)?)?;

    container.replace_children_with_node_1(&article);
    Ok(())
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
        append(&list, &page.element("dt", "", Some(term))?)?;
        append(&list, &page.element("dd", "", Some(value))?)?;
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
        append(&ul, &page.element("li", "", Some(item))?)?;
    }
    page.holding(
        "section",
        class,
        &[page.element("h3", "", Some(title))?, ul],
    )
}

fn provider_section(page: &Page, provider: &ProviderSection) -> Result<Element, JsValue> {
    let identity = format!(
        "NPI {} · TIN {} · {} (state: {})",
        provider.npi, provider.tin, provider.location, provider.state
    );
    let table = page.element("table", "gfe-items", None)?;
    let head = page.element("tr", "", None)?;
    for (text, class) in [
        ("Item or service", "item"),
        ("Service code", "code"),
        ("Diagnosis code", "code"),
        ("Qty", "qty"),
        ("Expected charge", "amount"),
    ] {
        let cell = page.element("th", class, Some(text))?;
        cell.set_attribute("scope", "col")?;
        append(&head, &cell)?;
    }
    append(&table, &page.holding("thead", "", &[head])?)?;
    let body = page.element("tbody", "", None)?;
    for item in &provider.items {
        let row = page.holding(
            "tr",
            "",
            &[
                page.element("td", "item", Some(&item.description))?,
                page.element("td", "code", Some(&item.service_code))?,
                page.element("td", "code", Some(&item.diagnosis_code))?,
                page.element("td", "qty", Some(&item.quantity.to_string()))?,
                page.element("td", "amount", Some(&item.expected_charge.formatted))?,
            ],
        )?;
        append(&body, &row)?;
    }
    append(&table, &body)?;
    let total_label = page.element("th", "item", Some(&format!("Total for {}", provider.name)))?;
    total_label.set_attribute("scope", "row")?;
    total_label.set_attribute("colspan", "4")?;
    let foot = page.holding(
        "tr",
        "",
        &[
            total_label,
            page.element("td", "amount", Some(&provider.total.formatted))?,
        ],
    )?;
    append(&table, &page.holding("tfoot", "", &[foot])?)?;

    // A narrow screen scrolls the table sideways: the keyboard must be able to reach it too.
    let scroller = page.holding("div", "table-scroll", &[table])?;
    scroller.set_attribute("tabindex", "0")?;
    scroller.set_attribute("role", "region")?;
    scroller.set_attribute("aria-label", &format!("Items from {}", provider.name))?;
    page.holding(
        "section",
        "gfe-provider",
        &[
            page.element(
                "h3",
                "",
                Some(&format!("{}: {}", provider.role, provider.name)),
            )?,
            page.element("p", "gfe-identity", Some(&identity))?,
            scroller,
        ],
    )
}

fn disclaimers(page: &Page, gfe: &GoodFaithEstimate) -> Result<Element, JsValue> {
    let section = page.holding(
        "section",
        "gfe-disclaimers",
        &[page.element("h3", "", Some("Please read"))?],
    )?;
    for text in &gfe.disclaimers {
        append(&section, &page.element("p", "", Some(text))?)?;
    }
    Ok(section)
}
