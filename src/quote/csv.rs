//! The estimate's items as CSV (RFC 4180) for the billing system.

use super::good_faith_estimate::GoodFaithEstimate;

/// One row per item: quote number, provider, NPI, service code, diagnosis code, description,
/// quantity, expected charge in dollars (`1234.56`), with a header row. Lines end with CRLF.
///
/// `quantity` is in the billing units of the item's code; when a product's code is billed in other
/// units than one per product (`products[].billing_units`), a last column, `billing_units`, names
/// them (`6 units of 1 cc`), blank for the other items. Without such a product the columns are
/// as they always were.
pub(crate) fn items_csv(document: &GoodFaithEstimate) -> String {
    let items = || document.providers.iter().flat_map(|p| &p.items);
    let units_column = items().any(|item| item.billing_units.is_some());
    let mut csv = String::from(
        "quote_number,provider,provider_npi,service_code,diagnosis_code,description,quantity,expected_charge",
    );
    if units_column {
        csv.push_str(",billing_units");
    }
    csv.push_str("\r\n");
    for provider in &document.providers {
        for item in &provider.items {
            let cents = item.expected_charge.cents.get();
            let sign = if cents < 0 { "-" } else { "" };
            let dollars = format!(
                "{sign}{}.{:02}",
                cents.unsigned_abs() / 100,
                cents.unsigned_abs() % 100
            );
            let row = [
                text(&document.quote_number),
                text(&provider.name),
                text(&provider.npi),
                text(&item.service_code),
                text(&item.diagnosis_code),
                text(&item.description),
                item.quantity.to_string(),
                dollars,
            ];
            csv.push_str(&row.join(","));
            if units_column {
                csv.push(',');
                csv.push_str(&text(item.billing_units.as_deref().unwrap_or("")));
            }
            csv.push_str("\r\n");
        }
    }
    csv
}

/// A text cell: quoted when it holds a comma, quote or line break (quotes doubled), and prefixed
/// with `'` when it starts with `=`, `+`, `-` or `@`, so a spreadsheet never runs it as a formula.
fn text(value: &str) -> String {
    let safe = match value.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(
            text("Injection, tendon sheath"),
            "\"Injection, tendon sheath\""
        );
        assert_eq!(text("Say \"hi\""), "\"Say \"\"hi\"\"\"");
        assert_eq!(text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("20550"), "20550");
    }
}
