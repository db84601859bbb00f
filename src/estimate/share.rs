//! Share links: a visitor's answers as a URL fragment (`#condition=...&injections=2`), and back.
//!
//! Only the treatment answers travel. The link is written from an allow-list of fields, so it can
//! never carry insurance figures (and a request has no name or date of birth to carry): a link
//! pasted into a chat or an email says nothing about the person's plan. Reading takes only the
//! same fields back. Percent-encoding is the platform's (`URLSearchParams` in the browser): this
//! module deals in plain `(key, value)` pairs.

use serde::Serialize;

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

/// The answers a share link carries, and only those: each is `None` where the link does not carry
/// it (or carries a value that is none of its choices), so a page restoring them leaves that answer
/// exactly as a fresh page has it (its default), never blank. What `readShareFragment` gives the
/// pages; [`read_share_answers`] makes a request of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SharedAnswers {
    /// The condition's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<String>,
    /// The injections answer, as typed or chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injections: Option<String>,
    /// The product's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Whether a consultation is added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consultation: Option<bool>,
    /// Whether a walking boot is added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub walking_boot: Option<bool>,
    /// The physical therapy answers the link carries.
    #[serde(skip_serializing_if = "SharedTherapy::is_empty")]
    pub physical_therapy: SharedTherapy,
}

/// The physical therapy answers a share link carries: how it is paid, and how many sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SharedTherapy {
    /// `none`, `cash` or `insurance`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<&'static str>,
    /// The sessions answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessions: Option<String>,
}

impl SharedTherapy {
    fn is_empty(&self) -> bool {
        self.coverage.is_none() && self.sessions.is_none()
    }
}

/// The answers a share link carries, given each key's value in it (`shared("condition")`). Only
/// the keys of [`SHARED_KEYS`] are asked for, so nothing else in a link is read.
///
/// ```
/// use amnion_estimator::estimate::shared_answers;
/// let link = [("condition", "achilles_tendinopathy"), ("pt", "cash"), ("copay", "40")];
/// let answers = shared_answers(|key| link.iter().find(|(k, _)| *k == key).map(|(_, v)| v.to_string()));
/// assert_eq!(answers.condition.as_deref(), Some("achilles_tendinopathy"));
/// assert_eq!(answers.physical_therapy.coverage, Some("cash"));
/// // Not in the link: left to the page's own default.
/// assert_eq!(answers.physical_therapy.sessions, None);
/// assert_eq!(answers.walking_boot, None);
/// ```
pub fn shared_answers(shared: impl Fn(&str) -> Option<String>) -> SharedAnswers {
    let flag = |key| match shared(key).as_deref() {
        Some("1") => Some(true),
        Some("0") => Some(false),
        _ => None,
    };
    let coverage = match shared("pt").as_deref() {
        Some("none") => Some("none"),
        Some("cash") => Some("cash"),
        Some("insurance") => Some("insurance"),
        _ => None,
    };
    SharedAnswers {
        condition: shared("condition"),
        injections: shared("injections"),
        product: shared("product"),
        consultation: flag("consultation"),
        walking_boot: flag("walking_boot"),
        physical_therapy: SharedTherapy {
            coverage,
            sessions: shared("sessions"),
        },
    }
}

/// The request a share link makes: its answers, and every other answer blank or off (the
/// estimate then names any answer that is missing or out of range).
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
    let answers = shared_answers(shared);
    let therapy = answers.physical_therapy;
    let coverage = match therapy.coverage {
        Some("cash") => Coverage::Cash,
        Some("insurance") => Coverage::Insurance,
        _ => Coverage::None,
    };
    EstimateRequest {
        condition: answers.condition.unwrap_or_default(),
        injections: FormValue::from(answers.injections.unwrap_or_default().as_str()),
        product: answers.product,
        consultation: answers.consultation.unwrap_or(false),
        walking_boot: answers.walking_boot.unwrap_or(false),
        physical_therapy: PhysicalTherapyRequest {
            coverage,
            sessions: FormValue::from(therapy.sessions.unwrap_or_default().as_str()),
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

    #[test]
    fn what_a_link_does_not_carry_is_left_to_the_page() {
        // A reload after "Pay cash" with 12 sessions: the insurance answers (the copay question
        // among them) are not in the link, so they are not in what the page restores.
        let answers = shared_answers(link(&[
            ("condition", "plantar_fasciitis"),
            ("injections", "1"),
            ("consultation", "0"),
            ("walking_boot", "1"),
            ("pt", "cash"),
            ("sessions", "12"),
        ]));
        assert_eq!(
            answers,
            SharedAnswers {
                condition: Some("plantar_fasciitis".into()),
                injections: Some("1".into()),
                product: None,
                consultation: Some(false),
                walking_boot: Some(true),
                physical_therapy: SharedTherapy {
                    coverage: Some("cash"),
                    sessions: Some("12".into()),
                },
            }
        );
        // An odd value is none of its choices: left to the page too.
        let odd = shared_answers(link(&[("pt", "bogus"), ("consultation", "yes")]));
        assert_eq!(odd, SharedAnswers::default());
    }
}
