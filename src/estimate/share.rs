//! Share links: a visitor's answers as a URL fragment (`#condition=...&injections=2`), and back.
//!
//! Only the treatment answers travel. The link is written from an allow-list of fields, so it can
//! never carry insurance figures (and a request has no name or date of birth to carry): a link
//! pasted into a chat or an email says nothing about the person's plan.

use super::request::{Coverage, EstimateRequest, FormValue, PhysicalTherapyRequest};

/// The fragment (without `#`) that restores `request`'s treatment answers.
///
/// ```
/// use amnion_estimator::estimate::{share_fragment, EstimateRequest};
/// let request = EstimateRequest { condition: "plantar_fasciitis".into(), injections: "2".into(), ..Default::default() };
/// assert_eq!(share_fragment(&request), "condition=plantar_fasciitis&injections=2&consultation=0&walking_boot=0&pt=none");
/// ```
pub fn share_fragment(request: &EstimateRequest) -> String {
    let flag = |on: bool| if on { "1" } else { "0" };
    let pt = &request.physical_therapy;
    let coverage = match pt.coverage {
        Coverage::None => "none",
        Coverage::Cash => "cash",
        Coverage::Insurance => "insurance",
    };
    let mut pairs = vec![
        ("condition", request.condition.as_str()),
        ("injections", request.injections.as_str()),
    ];
    if let Some(product) = request.product.as_deref().filter(|p| !p.is_empty()) {
        pairs.push(("product", product));
    }
    pairs.extend([
        ("consultation", flag(request.consultation)),
        ("walking_boot", flag(request.walking_boot)),
        ("pt", coverage),
    ]);
    if pt.coverage != Coverage::None {
        pairs.push(("sessions", pt.sessions.as_str()));
    }
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={}", encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The answers a share fragment carries (with or without its leading `#`). Unknown keys and
/// malformed pairs are ignored: a link from an older page still opens, and the estimate then
/// names any answer that is missing or out of range.
pub fn read_share_fragment(fragment: &str) -> EstimateRequest {
    let mut request = EstimateRequest::default();
    let mut pt = PhysicalTherapyRequest::default();
    for pair in fragment.trim_start_matches('#').split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let value = decode(value);
        match key {
            "condition" => request.condition = value,
            "injections" => request.injections = FormValue::from(value.as_str()),
            "product" => request.product = Some(value),
            "consultation" => request.consultation = value == "1",
            "walking_boot" => request.walking_boot = value == "1",
            "pt" => {
                pt.coverage = match value.as_str() {
                    "cash" => Coverage::Cash,
                    "insurance" => Coverage::Insurance,
                    _ => Coverage::None,
                }
            }
            "sessions" => pt.sessions = FormValue::from(value.as_str()),
            _ => {}
        }
    }
    request.physical_therapy = pt;
    request
}

/// Percent-encodes everything but ASCII letters, digits and `-_.~` (RFC 3986 unreserved).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reverses [`encode`]; a malformed escape is kept as it is, invalid UTF-8 is replaced.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::InsuranceAnswers;

    #[test]
    fn insurance_figures_never_travel() {
        let request = EstimateRequest {
            condition: "plantar_fasciitis".into(),
            injections: "not_sure".into(),
            product: Some("amnion_2ml".into()),
            consultation: true,
            walking_boot: false,
            physical_therapy: PhysicalTherapyRequest {
                coverage: Coverage::Insurance,
                sessions: "8".into(),
                insurance: InsuranceAnswers {
                    deductible_remaining: "1234.56".into(),
                    coinsurance_percent: "27".into(),
                    copay: "45".into(),
                    covered_visits_remaining: "19".into(),
                    out_of_pocket_remaining: "6789".into(),
                },
            },
            language: crate::language::Language::Spanish,
        };
        let fragment = share_fragment(&request);
        assert_eq!(
            fragment,
            "condition=plantar_fasciitis&injections=not_sure&product=amnion_2ml&consultation=1&walking_boot=0&pt=insurance&sessions=8"
        );
        let back = read_share_fragment(&format!("#{fragment}"));
        assert_eq!(back.physical_therapy.insurance, InsuranceAnswers::default());
        assert_eq!(
            back,
            EstimateRequest {
                physical_therapy: PhysicalTherapyRequest {
                    insurance: InsuranceAnswers::default(),
                    ..request.physical_therapy.clone()
                },
                // The language is the reader's to choose, not the link's.
                language: crate::language::Language::English,
                ..request
            }
        );
    }

    #[test]
    fn odd_text_survives_the_round_trip() {
        let request = EstimateRequest {
            condition: "a&b=c d%/é".into(),
            injections: "1".into(),
            ..Default::default()
        };
        let fragment = share_fragment(&request);
        assert!(
            fragment.starts_with("condition=a%26b%3Dc%20d%25%2F%C3%A9&"),
            "{fragment}"
        );
        assert_eq!(read_share_fragment(&fragment).condition, "a&b=c d%/é");
    }

    #[test]
    fn junk_is_ignored_not_fatal() {
        let request = read_share_fragment("#name=Ana&&=&injections=%ZZ&pt=bogus&condition");
        assert_eq!(request.injections.as_str(), "%ZZ");
        assert_eq!(request.physical_therapy.coverage, Coverage::None);
        assert_eq!(request.condition, "");
    }
}
