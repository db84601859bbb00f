//! The estimate's items as CSV (RFC 4180) for the billing system.

use super::good_faith_estimate::GoodFaithEstimate;
use super::request::QuoteRequest;
use crate::money::Cents;

/// One row per item, then per discount, with a header row; lines end with CRLF. The columns:
///
/// - `quote_number, provider, provider_npi, service_code, diagnosis_code, description, quantity,
///   expected_charge` (dollars, `1234.56`): what every release wrote, in the same places;
/// - `billing_units`: when an item's code is billed in other units than one per product
///   (`products[].billing_units`), those units (`6 units of 1 cc`), blank otherwise;
/// - `provider_tin, patient_name, patient_date_of_birth, issued_on` (dates `YYYY-MM-DD`): what a
///   record system files the estimate by;
/// - `line`: `item`, or `discount` for a discount the provider's expected charges already include
///   (its label as `description`, its amount, negative, in `discount_in_expected_charge`, and
///   `expected_charge` blank, so that column still adds up to the document's total);
/// - `charge_before_discounts`: an item's charge before the discounts (blank on a discount row),
///   so `charge_before_discounts` and `discount_in_expected_charge` summed over every row give the
///   document's total too. No sum of whole columns counts a discount twice but
///   `expected_charge` plus `discount_in_expected_charge`, which the header says is inside it.
pub(crate) fn items_csv(document: &GoodFaithEstimate, request: &QuoteRequest) -> String {
    let mut csv = String::from(
        "quote_number,provider,provider_npi,service_code,diagnosis_code,description,quantity,\
         expected_charge,billing_units,provider_tin,patient_name,patient_date_of_birth,issued_on,\
         line,discount_in_expected_charge,charge_before_discounts\r\n",
    );
    for provider in &document.providers {
        let row = |codes: [&str; 2], description: &str, quantity: String, charge: String| {
            [
                text(&document.quote_number),
                text(&provider.name),
                text(&provider.npi),
                text(codes[0]),
                text(codes[1]),
                text(description),
                quantity,
                charge,
            ]
        };
        let identity = [
            text(&provider.tin),
            text(&request.patient.name),
            text(&request.patient.date_of_birth),
            text(&request.issued_on),
        ];
        for item in &provider.items {
            let cells = row(
                [&item.service_code, &item.diagnosis_code],
                &item.description,
                item.quantity.to_string(),
                dollars(item.expected_charge.cents),
            );
            let units = text(item.billing_units.as_deref().unwrap_or(""));
            let gross = dollars(item.before_discounts);
            push_row(&mut csv, &cells, &units, &identity, ["item", "", &gross]);
        }
        for (label, amount) in &provider.discounts {
            let cells = row(["", ""], label, String::new(), String::new());
            let amount = dollars(*amount);
            push_row(&mut csv, &cells, "", &identity, ["discount", &amount, ""]);
        }
    }
    csv
}

/// One row: the first eight `cells`, `units`, the `identity` columns, then `line`,
/// `discount_in_expected_charge` and `charge_before_discounts`.
fn push_row(csv: &mut String, cells: &[String], units: &str, identity: &[String], last: [&str; 3]) {
    let mut row: Vec<&str> = cells.iter().map(String::as_str).collect();
    row.push(units);
    row.extend(identity.iter().map(String::as_str));
    row.extend(last);
    csv.push_str(&row.join(","));
    csv.push_str("\r\n");
}

/// Dollars with two decimals, `-221.25`, from cents.
fn dollars(cents: Cents) -> String {
    let cents = cents.get();
    let sign = if cents < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:02}",
        cents.unsigned_abs() / 100,
        cents.unsigned_abs() % 100
    )
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
