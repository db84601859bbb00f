//! Share links: a visitor's answers as a URL fragment (`#condition=...&injections=2`), and back.
//!
//! Only the treatment answers travel. The link is written from an allow-list of fields, so it can
//! never carry insurance figures (and a request has no name or date of birth to carry): a link
//! pasted into a chat or an email says nothing about the person's plan. Reading takes only the
//! same fields back. Percent-encoding is the platform's (`URLSearchParams` in the browser): this
//! module deals in plain `(key, value)` pairs.

use super::request::{Coverage, EstimateRequest, FormValue, PhysicalTherapyRequest};

/// The keys a share link may carry, in the order it carries them.
pub const SHARED_KEYS: [&str; 7] = [
    "condition",
    "injections",
    "product",
    "consultation",
    "walking_boot",
    "pt",
    "sessions",
];

/// The `(key, value)` pairs that restore `request`'s treatment answers: the keys of
/// [`SHARED_KEYS`] that apply, nothing else. The product is left out when none is chosen, the
/// sessions when there is no physical therapy.
///
/// ```
/// use amnion_estimator::estimate::{share_answers, EstimateRequest};
/// let request = EstimateRequest { condition: "plantar_fasciitis".into(), injections: "2".into(), ..Default::default() };
/// assert_eq!(
///     share_answers(&request),
///     [("condition", "plantar_fasciitis"), ("injections", "2"), ("consultation", "0"), ("walking_boot", "0"), ("pt", "none")]
/// );
/// ```
pub fn share_answers(request: &EstimateRequest) -> Vec<(&'static str, &str)> {
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
}

/// The answers a share link carries, given each key's value in it (`shared("condition")`). Only
/// the keys of [`SHARED_KEYS`] are asked for, so nothing else in a link is read; a missing or odd
/// value is left blank or off, and the estimate then names any answer that is missing or out of
/// range.
///
/// ```
/// use amnion_estimator::estimate::{read_share_answers, Coverage};
/// let link = [("condition", "achilles_tendinopathy"), ("pt", "cash"), ("sessions", "8"), ("copay", "40")];
/// let request = read_share_answers(|key| link.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()));
/// assert_eq!(request.condition, "achilles_tendinopathy");
/// assert_eq!(request.physical_therapy.coverage, Coverage::Cash);
/// assert_eq!(request.physical_therapy.insurance.copay.as_str(), "");
/// ```
pub fn read_share_answers(shared: impl Fn(&str) -> Option<String>) -> EstimateRequest {
    let text = |key| shared(key).unwrap_or_default();
    let on = |key| shared(key).as_deref() == Some("1");
    let coverage = match text("pt").as_str() {
        "cash" => Coverage::Cash,
        "insurance" => Coverage::Insurance,
        _ => Coverage::None,
    };
    EstimateRequest {
        condition: text("condition"),
        injections: FormValue::from(text("injections").as_str()),
        product: shared("product"),
        consultation: on("consultation"),
        walking_boot: on("walking_boot"),
        physical_therapy: PhysicalTherapyRequest {
            coverage,
            sessions: FormValue::from(text("sessions").as_str()),
            ..PhysicalTherapyRequest::default()
        },
        ..EstimateRequest::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::InsuranceAnswers;

    /// What a link holds: the pairs, looked up by key.
    fn link<'a>(pairs: &'a [(&'static str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

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
                    copay_before_deductible: "no".into(),
                    covered_visits_remaining: "19".into(),
                    out_of_pocket_remaining: "6789".into(),
                },
            },
            language: crate::language::Language::Spanish,
        };
        let pairs = share_answers(&request);
        assert_eq!(
            pairs,
            [
                ("condition", "plantar_fasciitis"),
                ("injections", "not_sure"),
                ("product", "amnion_2ml"),
                ("consultation", "1"),
                ("walking_boot", "0"),
                ("pt", "insurance"),
                ("sessions", "8"),
            ]
        );
        let back = read_share_answers(link(&pairs));
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
    fn only_the_shared_keys_are_read() {
        let asked = std::cell::RefCell::new(Vec::new());
        let _ = read_share_answers(|key| {
            asked.borrow_mut().push(key.to_owned());
            None
        });
        let mut asked = asked.into_inner();
        asked.sort();
        asked.dedup();
        let mut keys = SHARED_KEYS.map(str::to_owned).to_vec();
        keys.sort();
        assert_eq!(asked, keys);
    }

    #[test]
    fn junk_is_left_blank_not_fatal() {
        let request = read_share_answers(link(&[
            ("name", "Ana"),
            ("injections", "%ZZ"),
            ("pt", "bogus"),
            ("consultation", "yes"),
        ]));
        assert_eq!(request.injections.as_str(), "%ZZ");
        assert_eq!(request.physical_therapy.coverage, Coverage::None);
        assert!(!request.consultation);
        assert_eq!(request.condition, "");
        assert_eq!(request.product, None);
    }
}
