//! The quote number of saved files of format 1 (`amnion-estimator/quote/1`), to check them on
//! reopening.
//!
//! Format 1's number was a fingerprint of every text the document printed, so it depends on the
//! wording of the release that saved it. This module keeps that wording, frozen as releases
//! 3613b6a to 729d275 printed it (titles, the primary service's description, dates, provider roles,
//! the therapy line, and which disclaimers the price book gave), and rebuilds the printed fields
//! around today's amounts, codes and identities. An unedited format-1 file gives its saved number;
//! a file whose request or price book was edited gives another, because every amount, code, date
//! and identity is in the fingerprint. Nothing here may change: it is what those releases printed.

use super::good_faith_estimate::GoodFaithEstimate;
use super::number::{self, Fnv1a};
use super::request::{CoverageScreening, QuotePlan, Side};
use crate::calendar::Date;
use crate::language::Language;
use crate::price_book::PriceBook;

/// The words format-1 documents printed, in one language.
struct Words {
    title: &'static str,
    self_pay_title: &'static str,
    injection_for: &'static str,
    side: [&'static str; 2],
    injection: [&'static str; 2],
    not_scheduled: &'static str,
    convening_provider: &'static str,
    co_provider: &'static str,
    therapy_to_schedule: fn(u32, &str) -> String,
    months: [&'static str; 12],
    long_date: fn(u32, &str, u32) -> String,
}

const ENGLISH: Words = Words {
    title: "Good Faith Estimate",
    self_pay_title: "Self-pay price quote",
    injection_for: "Amniotic tissue injection for",
    side: ["left side", "right side"],
    injection: ["injection", "injections"],
    not_scheduled: "Not yet scheduled",
    convening_provider: "Convening provider",
    co_provider: "Co-provider",
    therapy_to_schedule: |sessions, who| {
        format!("Physical therapy: an evaluation and {sessions} session(s) with {who}, after the injection(s).")
    },
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    long_date: |year, month, day| format!("{month} {day}, {year}"),
};

const SPANISH: Words = Words {
    title: "Estimado de buena fe",
    self_pay_title: "Cotización de pago directo",
    injection_for: "Inyección de tejido amniótico para",
    side: ["lado izquierdo", "lado derecho"],
    injection: ["inyección", "inyecciones"],
    not_scheduled: "Aún no programado",
    convening_provider: "Proveedor convocante",
    co_provider: "Coproveedor",
    therapy_to_schedule: |sessions, who| {
        format!("Fisioterapia: una evaluación y {sessions} sesión(es) con {who}, después de la(s) inyección(es).")
    },
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    long_date: |year, month, day| format!("{day} de {month} de {year}"),
};

impl Words {
    fn of(language: Language) -> &'static Words {
        match language {
            Language::English => &ENGLISH,
            Language::Spanish => &SPANISH,
        }
    }

    /// The date as format 1 printed it, from its `YYYY-MM-DD` form.
    fn long_form(&self, date: Date) -> String {
        let iso = date.to_string();
        let part = |range: std::ops::Range<usize>| iso[range].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (part(0..4), part(5..7), part(8..10));
        let name = self.months[month.clamp(1, 12) as usize - 1];
        (self.long_date)(year, name, day)
    }
}

/// The number a format-1 file of this quote carries: `GFE-` and the fingerprint of the printed
/// fields, in the order format 1 wrote them, each followed by a separator byte.
///
/// `document` gives what format 1 took from the quote's content (amounts, codes, identities, the
/// lines billed to insurance); the words around them are the frozen ones above.
pub(crate) fn number(
    book: &PriceBook,
    plan: &QuotePlan<'_>,
    document: &GoodFaithEstimate,
) -> String {
    let language = plan.plan.language;
    let words = Words::of(language);
    let texts = &book.document().good_faith_estimate;
    let applies = plan.coverage == CoverageScreening::SelfPay;

    let mut hash = Fnv1a::new();
    let mut field = |text: &str| {
        hash.write(text.as_bytes());
        hash.write(&[0xff]);
    };
    field(if applies {
        words.title
    } else {
        words.self_pay_title
    });
    field(&words.long_form(plan.issued_on));
    field(&words.long_form(plan.issued_on.add_days(texts.valid_days)));
    field(&document.price_book_version);
    field(&document.patient.name);
    field(&words.long_form(plan.date_of_birth));
    let side = match plan.side {
        Side::Left => words.side[0],
        Side::Right => words.side[1],
    };
    let count = plan.injections;
    let injections = if count == 1 {
        words.injection[0]
    } else {
        words.injection[1]
    };
    field(&format!(
        "{} {}, {side}: {count} {injections}",
        words.injection_for,
        plan.plan.condition.label.get(language),
    ));
    field(&document.primary_service.service_code);
    field(&document.primary_service.diagnosis_code);
    field(&plan.scheduled_on.map_or_else(
        || words.not_scheduled.to_owned(),
        |date| words.long_form(date),
    ));
    for (index, provider) in document.providers.iter().enumerate() {
        field(if index == 0 {
            words.convening_provider
        } else {
            words.co_provider
        });
        for text in [
            &provider.name,
            &provider.npi,
            &provider.tin,
            &provider.location,
            &provider.state,
        ] {
            field(text);
        }
        for item in &provider.items {
            field(&item.description);
            field(&item.service_code);
            field(&item.diagnosis_code);
            field(&item.quantity.to_string());
            field(&item.expected_charge.cents.get().to_string());
        }
    }
    for text in &document.billed_to_insurance {
        field(text);
    }
    if plan.sessions > 0 {
        let clinic = &book.document().clinic.name;
        let who = plan
            .therapy_provider
            .as_ref()
            .map_or(clinic.as_str(), |p| p.name.as_str());
        field(&(words.therapy_to_schedule)(plan.sessions, who));
    }
    for text in &texts.separately_scheduled {
        field(text.get(language));
    }
    field(texts.other_services.get(language));
    field(texts.actual_charges_may_differ.get(language));
    if applies {
        field(texts.dispute_rights.get(language));
    }
    field(texts.not_a_contract.get(language));
    field(match plan.coverage {
        CoverageScreening::SelfPay => "",
        CoverageScreening::InsuredFilingClaim => texts.insured_filing_claim.get(language),
        CoverageScreening::Medicare | CoverageScreening::Medicaid | CoverageScreening::Tricare => {
            texts.federal_program.get(language)
        }
    });
    number::written("GFE", hash.finish())
}
