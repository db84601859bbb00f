//! "Export for the record system": a Good Faith Estimate as the HL7 Da Vinci Patient Cost
//! Transparency (PCT) GFE Packet, FHIR R4, STU 2 (DESIGN.md, "The Good Faith Estimate for the record
//! system"), made from the same quote as the printed document.
//!
//! The packet is a `document` Bundle: the PCT GFE Composition, the Patient, a self-pay Coverage,
//! each provider's Organization, then per provider a PCT GFE Bundle holding the PCT GFE Summary
//! first and a PCT GFE Professional claim itemizing that provider's part of the printed document.
//! Every reference is a `fullUrl` of the packet (the PCT invariants pct-gfe-packet-2 and
//! pct-gfe-bundle-2 check references against the fullUrls of the bundle that holds them, so the
//! Patient, Coverage and Organization sit, with the same fullUrl, in the packet and in each GFE
//! Bundle). The same quote gives the same packet, byte for byte: ids are fingerprints of the quote
//! number, and its times are its days at noon UTC, not the export's.

pub mod resources;

use resources::{
    Address, Bundle, Claim, CodeableConcept, Coding, Composition, Coverage, Diagnosis, Element,
    Entry, Extension, HumanName, Identifier, Insurance, Item, Meta, Money, Organization, Patient,
    Period, Quantity, Reference, RelatesTo, Resource, Section,
};

use super::good_faith_estimate::{DocumentKind, GfeItem, ProviderSection};
use super::number::Fnv1a;
use super::Quote;
use crate::calendar::Date;
use crate::error::{Error, FieldError};
use crate::language::Language;
use crate::money::Cents;

/// The IG's canonical base: its profiles, extensions and code systems are under it.
const PCT: &str = "http://hl7.org/fhir/us/davinci-pct";
/// The system of the document identifiers this estimator gives (the quote number,
/// `GFE-7KD3-9XQ2-M4TA-B`): the Composition's, a revision's `relatesTo`, the bundles'.
pub const QUOTE_NUMBER_SYSTEM: &str = "urn:amnion-estimator:quote-number";
const DATA_ABSENT: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
const NPI: &str = "http://hl7.org/fhir/sid/us-npi";
/// The IRS's Employer Identification Number, the TIN a practice bills under.
const TIN: &str = "urn:oid:2.16.840.1.113883.4.4";
const ICD_10_CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
const CPT: &str = "http://www.ama-assn.org/go/cpt";
const HCPCS: &str = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
const PLACE_OF_SERVICE: &str =
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
/// THO's Diagnosis Type code system, of the PCT claims' required `diagnosis.type` binding
/// (DiagnosisTypeCodes) and their `diagnosis[principal]` slice; not FHIR core's example system
/// `ex-diagnosistype`, which PCT 2.0 left (its change log, FHIR-35540).
const DIAGNOSIS_TYPE: &str = "http://terminology.hl7.org/CodeSystem/diagnosistype";
const V2_0203: &str = "http://terminology.hl7.org/CodeSystem/v2-0203";
/// US Core Patient 7.0.0, with its version, as the IG's own examples declare it.
const US_CORE_PATIENT: &str =
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient|7.0.0";
/// The most items one PCT GFE Professional claim may hold.
const MOST_ITEMS: usize = 50;

/// The GFE Packet of `quote`, as JSON text. The same quote always gives the same packet, byte for
/// byte: its times are its days at noon UTC ([`instant`]), never the computer's clock.
///
/// # Errors
///
/// [`Error::InvalidRequest`] at `coverage` when the quote is a self-pay price quote (Medicare,
/// Medicaid, TRICARE, insured filing a claim): it is not a Good Faith Estimate, and is not
/// exported as one. [`Error::Overflow`] never in practice.
pub fn gfe_packet_json(quote: &Quote) -> Result<String, Error> {
    let packet = gfe_packet(quote)?;
    serde_json::to_string_pretty(&Resource::Bundle(Box::new(packet))).map_err(|_| Error::Overflow)
}

/// The GFE Packet of `quote` as data ([`gfe_packet_json`]).
///
/// # Errors
///
/// As [`gfe_packet_json`].
pub fn gfe_packet(quote: &Quote) -> Result<Bundle, Error> {
    let document = &quote.good_faith_estimate;
    if document.kind != DocumentKind::GoodFaithEstimate {
        return Err(Error::InvalidRequest(vec![FieldError::new(
            "coverage",
            not_a_gfe(document.language),
        )]));
    }
    let request = &quote.saved.request;
    let number = &quote.quote_number;
    // The document's time: the day it was issued (Bundle.timestamp, Composition.date).
    let issued = instant(quote.dates.issued_on);
    let ids = Ids { number };
    let patient_url = ids.url("Patient");
    let coverage_url = ids.url("Coverage");
    let period = planned_period(quote);
    let scheduled = quote.dates.scheduled_on.is_some();

    let organizations: Vec<(String, Organization)> = document
        .providers
        .iter()
        .enumerate()
        .map(|(n, provider)| {
            (
                ids.url(&format!("Organization/{n}")),
                organization(provider),
            )
        })
        .collect();
    let shared = |entries: &mut Vec<Entry>| {
        entries.push(entry(
            &patient_url,
            Resource::Patient(Box::new(patient(quote))),
        ));
        entries.push(entry(
            &coverage_url,
            Resource::Coverage(Box::new(self_pay_coverage(&patient_url))),
        ));
    };

    let mut sections = vec![Section {
        title: Some("Coverage".to_owned()),
        code: Some(concept(
            &format!("{PCT}/CodeSystem/PCTDocumentSection"),
            "coverage-section",
            None,
        )),
        author: Vec::new(),
        entry: vec![reference(&coverage_url)],
    }];
    let mut gfe_bundles = Vec::new();
    for (n, (provider, (org_url, org))) in document.providers.iter().zip(&organizations).enumerate()
    {
        let bundle_url = ids.url(&format!("Bundle/{n}"));
        let claims = Claims {
            quote,
            patient: &patient_url,
            coverage: &coverage_url,
            provider: org_url,
            period: &period,
        };
        let mut entries = vec![entry(
            &ids.url(&format!("Claim/{n}/summary")),
            Resource::Claim(Box::new(claims.summary(provider)?)),
        )];
        // A professional claim holds at most 50 items (the profile's `item 1..50`): more, and the
        // provider's items go on in another claim of the same bundle.
        for (k, items) in provider.items.chunks(MOST_ITEMS).enumerate() {
            entries.push(entry(
                &ids.url(&format!("Claim/{n}/professional/{k}")),
                Resource::Claim(Box::new(claims.professional((n, k), provider, items)?)),
            ));
        }
        shared(&mut entries);
        entries.push(entry(
            org_url,
            Resource::Organization(Box::new(org.clone())),
        ));
        gfe_bundles.push(entry(
            &bundle_url,
            Resource::Bundle(Box::new(Bundle {
                meta: pct_profile("gfe-bundle"),
                identifier: Some(identifier(
                    QUOTE_NUMBER_SYSTEM,
                    &format!("{number}/{}", n + 1),
                )),
                kind: Some("collection".to_owned()),
                timestamp: Some(issued.clone()),
                entry: entries,
            })),
        ));
        sections.push(Section {
            title: Some(provider.name.clone()),
            code: Some(concept(
                &format!("{PCT}/CodeSystem/PCTDocumentSection"),
                "gfe-section",
                None,
            )),
            author: vec![reference(org_url)],
            entry: vec![reference(&bundle_url)],
        });
    }

    let mut composition_extensions = vec![
        Extension {
            value_instant: Some(request_initiation_time(quote)),
            ..extension(&format!("{PCT}/StructureDefinition/requestInitiationTime"))
        },
        Extension {
            value_codeable_concept: Some(concept(
                &format!("{PCT}/CodeSystem/PCTGFERequestTypeCSTemporaryTrialUse"),
                if scheduled {
                    "scheduled-request"
                } else {
                    "nonscheduled-request"
                },
                None,
            )),
            ..extension(&format!("{PCT}/StructureDefinition/requestOriginationType"))
        },
    ];
    // A scheduled service has its planned period (invariant pct-gfe-packet-composition-1).
    if scheduled {
        composition_extensions.push(Extension {
            extension: vec![Extension {
                value_period: Some(period.clone()),
                ..extension("plannedPeriodOfService")
            }],
            ..extension(&format!("{PCT}/StructureDefinition/gfeServiceLinkingInfo"))
        });
    }
    let composition = Composition {
        meta: pct_profile("gfe-composition"),
        extension: composition_extensions,
        identifier: Some(identifier(QUOTE_NUMBER_SYSTEM, number)),
        status: Some("final".to_owned()),
        kind: Some(concept(
            "http://loinc.org",
            "111480-0",
            Some("Good faith estimate"),
        )),
        category: vec![concept(
            &format!("{PCT}/CodeSystem/PCTDocumentTypeTemporaryTrialUse"),
            "estimate",
            None,
        )],
        subject: Some(reference(&patient_url)),
        date: Some(issued.clone()),
        author: organizations
            .iter()
            .map(|(url, _)| reference(url))
            .collect(),
        title: Some(format!("{} {number}", document.title)),
        // The document it replaces directly: each revision names the one before it.
        relates_to: request
            .replaces
            .first()
            .map(|replaced| RelatesTo {
                code: "replaces".to_owned(),
                target_identifier: Some(identifier(QUOTE_NUMBER_SYSTEM, &replaced.quote_number)),
            })
            .into_iter()
            .collect(),
        section: sections,
    };

    let mut entries = vec![entry(
        &ids.url("Composition"),
        Resource::Composition(Box::new(composition)),
    )];
    shared(&mut entries);
    for (url, org) in organizations {
        entries.push(entry(&url, Resource::Organization(Box::new(org))));
    }
    entries.extend(gfe_bundles);
    Ok(Bundle {
        meta: pct_profile("gfe-packet"),
        identifier: Some(identifier(QUOTE_NUMBER_SYSTEM, number)),
        kind: Some("document".to_owned()),
        timestamp: Some(issued),
        entry: entries,
    })
}

/// Why a self-pay price quote is not exported, in its language.
fn not_a_gfe(language: Language) -> &'static str {
    match language {
        Language::English => {
            "this is a self-pay price quote, not a Good Faith Estimate (the patient is not \
             uninsured or self-pay): only a Good Faith Estimate is exported for the record system. \
             Save the quote or export the CSV instead."
        }
        Language::Spanish => {
            "esta es una cotización de pago directo, no un estimado de buena fe (el paciente no \
             está sin seguro ni paga por su cuenta): solo un estimado de buena fe se exporta para \
             el sistema de historias clínicas. Guarde la cotización o exporte el CSV."
        }
    }
}

/// The `fullUrl`s: `urn:uuid:` of a fingerprint of the quote number and the resource's place, so
/// the same quote gives the same ids, and two quotes share one only if these fingerprints of their
/// numbers collide (unlikely, not impossible).
struct Ids<'a> {
    number: &'a str,
}

impl Ids<'_> {
    fn url(&self, place: &str) -> String {
        let half = |salt: &str| {
            let mut hash = Fnv1a::new();
            for part in [salt, self.number, place] {
                hash.write(part.as_bytes());
                hash.write(&[0]);
            }
            hash.finish()
        };
        // RFC 9562 version 8 (custom) and variant 10: the layout of a UUID, our own bits.
        let high = (half("high") & !0xF000) | 0x8000;
        let low = (half("low") & !(0b11 << 62)) | (0b10 << 62);
        format!(
            "urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xFFFF,
            high & 0xFFFF,
            low >> 48,
            low & 0xFFFF_FFFF_FFFF
        )
    }
}

/// What the two claims of one provider share.
struct Claims<'a> {
    quote: &'a Quote,
    patient: &'a str,
    coverage: &'a str,
    provider: &'a str,
    period: &'a Period,
}

impl Claims<'_> {
    /// The elements both claims have: status, use, patient, created (the issue date), priority,
    /// the self-pay coverage and the principal diagnosis.
    fn base(&self) -> Claim {
        let document = &self.quote.good_faith_estimate;
        Claim {
            status: Some("active".to_owned()),
            purpose: Some("predetermination".to_owned()),
            patient: Some(reference(self.patient)),
            created: Some(self.quote.dates.issued_on.to_string()),
            priority: Some(concept(
                "http://terminology.hl7.org/CodeSystem/processpriority",
                "normal",
                None,
            )),
            insurance: vec![Insurance {
                sequence: 1,
                focal: true,
                coverage: reference(self.coverage),
            }],
            diagnosis: vec![Diagnosis {
                sequence: 1,
                diagnosis_codeable_concept: Some(concept(
                    ICD_10_CM,
                    &document.primary_service.diagnosis_code,
                    None,
                )),
                kind: vec![concept(DIAGNOSIS_TYPE, "principal", None)],
            }],
            ..Claim::default()
        }
    }

    /// PCT GFE Summary: the provider's total, its period of care, no items, and a provider that is
    /// "not applicable" (the profile forbids naming one).
    fn summary(&self, section: &ProviderSection) -> Result<Claim, Error> {
        Ok(Claim {
            meta: pct_profile("gfe-summary"),
            kind: Some(concept(
                &format!("{PCT}/CodeSystem/PCTEstimateTypeSummaryCSTemporaryTrialUse"),
                "estimate-summary",
                None,
            )),
            billable_period: Some(self.period.clone()),
            provider: Some(Reference {
                extension: vec![Extension {
                    value_code: Some("not-applicable".to_owned()),
                    ..extension(DATA_ABSENT)
                }],
                reference: None,
            }),
            total: Some(money(section.total.cents)),
            ..self.base()
        })
    }

    /// PCT GFE Professional: the provider's items as printed, each with its code, the diagnosis,
    /// place of service, quantity in its code's billing units, the expected charge after discounts
    /// (the printed amount) as `net` and that ÷ the quantity as `unitPrice`; the
    /// printed total as `total`; the document's disclaimers and the provider's note (its discounts)
    /// as GFE disclaimers.
    ///
    /// `items` are the provider's (50 at most), the `k`th claim of provider `n`: its total is
    /// theirs, which is the printed total whenever the provider has 50 items or fewer.
    fn professional(
        &self,
        (n, k): (usize, usize),
        section: &ProviderSection,
        items: &[GfeItem],
    ) -> Result<Claim, Error> {
        let document = &self.quote.good_faith_estimate;
        let mut disclaimers: Vec<&String> = document.disclaimers.iter().collect();
        disclaimers.extend(&section.note);
        let total = Cents::checked_sum(items.iter().map(|i| i.expected_charge.cents))
            .ok_or(Error::Overflow)?;
        let items = items
            .iter()
            .zip(1..)
            .map(|(item, sequence)| Item {
                extension: vec![Extension {
                    value_string: Some(item.description.clone()),
                    ..extension(&format!("{PCT}/StructureDefinition/serviceDescription"))
                }],
                sequence,
                diagnosis_sequence: vec![1],
                product_or_service: Some(concept(
                    service_code_system(&item.service_code),
                    &item.service_code,
                    Some(&item.description),
                )),
                serviced_date: None,
                serviced_period: Some(self.period.clone()),
                // 11, Office: every item of this estimate is given in a provider's office.
                location_codeable_concept: Some(concept(PLACE_OF_SERVICE, "11", Some("Office"))),
                quantity: Some(Quantity {
                    value: Some(resources::Decimal(item.quantity.to_string())),
                }),
                // The charge per billing unit after discounts, so that quantity × unitPrice = net
                // (FHIR's formula, with no factor); the undiscounted price is in the CSV and the
                // disclaimers name the discounts.
                unit_price: Some(Money {
                    value: Some(decimal(item.expected_charge.cents, item.quantity)),
                    currency: Some("USD".to_owned()),
                }),
                net: Some(money(item.expected_charge.cents)),
            })
            .collect();
        Ok(Claim {
            meta: pct_profile("gfe-professional"),
            extension: disclaimers
                .into_iter()
                .map(|text| Extension {
                    value_string: Some(text.clone()),
                    ..extension(&format!("{PCT}/StructureDefinition/gfeDisclaimer"))
                })
                .collect(),
            identifier: vec![Identifier {
                kind: Some(concept(V2_0203, "PLAC", Some("Placer Identifier"))),
                system: Some(QUOTE_NUMBER_SYSTEM.to_owned()),
                value: Some(format!("{}/{}/{}", self.quote.quote_number, n + 1, k + 1)),
            }],
            kind: Some(concept(
                "http://terminology.hl7.org/CodeSystem/claim-type",
                "professional",
                None,
            )),
            provider: Some(Reference {
                // The book records no NUCC taxonomy code: the required extension says it is unknown.
                extension: vec![Extension {
                    value_codeable_concept: Some(CodeableConcept {
                        extension: vec![Extension {
                            value_code: Some("unknown".to_owned()),
                            ..extension(DATA_ABSENT)
                        }],
                        ..CodeableConcept::default()
                    }),
                    ..extension(&format!("{PCT}/StructureDefinition/providerTaxonomy"))
                }],
                reference: Some(self.provider.to_owned()),
            }),
            item: items,
            total: Some(money(total)),
            ..self.base()
        })
    }
}

/// A HCPCS Level II code is a letter and four digits (`Q4139`, `L4361`); a CPT code starts with a
/// digit (`20550`, a Category III `0232T`).
fn service_code_system(code: &str) -> &'static str {
    if code.starts_with(|c: char| c.is_ascii_alphabetic()) {
        HCPCS
    } else {
        CPT
    }
}

/// The planned period of service, from the checked dates (never the form's strings, which may be
/// blank or padded): from the first injection's date to the last date given when every planned
/// injection has one; with no end while some are not scheduled yet (a FHIR period without an end
/// has not ended). Not scheduled: the days the estimate is valid (issue date to valid-until),
/// within which the services it prices are expected.
fn planned_period(quote: &Quote) -> Period {
    let dates = &quote.dates;
    let Some(first) = dates.scheduled_on else {
        let valid_days = quote.saved.price_book.good_faith_estimate.valid_days;
        return Period {
            start: Some(dates.issued_on.to_string()),
            end: Some(dates.issued_on.add_days(valid_days).to_string()),
        };
    };
    let given = dates.later_injections_on.len() + 1;
    let every_one = u32::try_from(given).is_ok_and(|given| given >= dates.injections);
    Period {
        start: Some(first.to_string()),
        end: every_one.then(|| {
            dates
                .later_injections_on
                .last()
                .unwrap_or(&first)
                .to_string()
        }),
    }
}

/// When the estimate was asked for: the day the injection was booked, else the day the patient
/// asked, else the issue date (each as checked), as an [`instant`] of that day.
fn request_initiation_time(quote: &Quote) -> String {
    let dates = &quote.dates;
    let day = dates
        .booked_on
        .or(dates.estimate_requested_on)
        .unwrap_or(dates.issued_on);
    instant(day)
}

/// The time of day every instant of the packet has: the form records days, not times, and noon
/// UTC is the same calendar day in every US time zone (American Samoa's UTC−11 to Guam's UTC+10:
/// 1:00 to 22:00).
const NOON_UTC: &str = "12:00:00Z";

/// `day` as a FHIR `instant` (to the second, with its offset): `2026-12-02T12:00:00Z`.
fn instant(day: Date) -> String {
    format!("{day}T{NOON_UTC}")
}

/// US Core Patient: the name as one text (the form does not split it: US Core's us-core-6 then
/// asks the data-absent-reason on the name), the date of birth, gender `unknown` (not asked), and
/// the quote number as the identifier the clinic's record system can match the document by.
fn patient(quote: &Quote) -> Patient {
    let answers = &quote.saved.request.patient;
    Patient {
        meta: profile(US_CORE_PATIENT),
        identifier: vec![identifier(QUOTE_NUMBER_SYSTEM, &quote.quote_number)],
        name: vec![HumanName {
            extension: vec![Extension {
                value_code: Some("unsupported".to_owned()),
                ..extension(DATA_ABSENT)
            }],
            text: Some(answers.name.clone()),
            family: None,
            given: Vec::new(),
        }],
        gender: Some("unknown".to_owned()),
        birth_date: Some(quote.dates.date_of_birth.to_string()),
    }
}

/// PCT Coverage of the self-pay kind: the patient pays and is the beneficiary, declared self-pay
/// at coverage screening, with no subscriber id (data-absent `not-applicable`, as the profile asks).
fn self_pay_coverage(patient_url: &str) -> Coverage {
    Coverage {
        meta: pct_profile("coverage"),
        extension: vec![
            Extension {
                value_code: Some("self-pay".to_owned()),
                ..extension("http://hl7.org/fhir/5.0/StructureDefinition/extension-Coverage.kind")
            },
            Extension {
                value_boolean: Some(true),
                ..extension(&format!("{PCT}/StructureDefinition/selfPayDeclared"))
            },
        ],
        status: Some("active".to_owned()),
        kind: Some(concept(
            "urn:oid:2.16.840.1.113883.3.221.5",
            "81",
            Some("Self-pay"),
        )),
        subscriber_id: None,
        subscriber_id_element: Some(Element {
            extension: vec![Extension {
                value_code: Some("not-applicable".to_owned()),
                ..extension(DATA_ABSENT)
            }],
        }),
        beneficiary: Some(reference(patient_url)),
        relationship: Some(concept(
            "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
            "self",
            None,
        )),
        payor: vec![reference(patient_url)],
    }
}

/// PCT Organization: a provider of the estimate, with the NPI and TIN the document prints.
fn organization(provider: &ProviderSection) -> Organization {
    Organization {
        meta: pct_profile("organization"),
        identifier: vec![
            Identifier {
                kind: Some(concept(V2_0203, "NPI", None)),
                system: Some(NPI.to_owned()),
                value: Some(provider.npi.clone()),
            },
            Identifier {
                kind: Some(concept(V2_0203, "TAX", None)),
                system: Some(TIN.to_owned()),
                value: Some(provider.tin.replace('-', "")),
            },
        ],
        active: Some(true),
        kind: vec![concept(
            "http://terminology.hl7.org/CodeSystem/organization-type",
            "prov",
            Some("Healthcare Provider"),
        )],
        name: Some(provider.name.clone()),
        address: vec![address(provider)],
    }
}

/// The office address: the printed one-line location as its text, and its parts (US Core
/// Organization's Must Support line, city, state, postal code), each one written when not blank.
fn address(provider: &ProviderSection) -> Address {
    let parts = &provider.address;
    let given = |text: &str| Some(text.trim().to_owned()).filter(|text| !text.is_empty());
    Address {
        text: Some(provider.location.clone()),
        line: given(&parts.street).into_iter().collect(),
        city: given(&parts.city),
        state: given(&provider.state),
        postal_code: given(&parts.zip),
        country: Some("US".to_owned()),
    }
}

/// `meta` declaring the profile `url`.
fn profile(url: &str) -> Option<Meta> {
    Some(Meta {
        profile: vec![url.to_owned()],
    })
}

/// `meta` declaring the PCT profile `davinci-pct-{id}`, by its canonical URL (unversioned, as the
/// IG's examples write it).
fn pct_profile(id: &str) -> Option<Meta> {
    profile(&format!("{PCT}/StructureDefinition/davinci-pct-{id}"))
}

fn entry(full_url: &str, resource: Resource) -> Entry {
    Entry {
        full_url: full_url.to_owned(),
        resource,
    }
}

fn reference(url: &str) -> Reference {
    Reference {
        extension: Vec::new(),
        reference: Some(url.to_owned()),
    }
}

fn identifier(system: &str, value: &str) -> Identifier {
    Identifier {
        kind: None,
        system: Some(system.to_owned()),
        value: Some(value.to_owned()),
    }
}

fn extension(url: &str) -> Extension {
    Extension {
        url: url.to_owned(),
        ..Extension::default()
    }
}

fn concept(system: &str, code: &str, display: Option<&str>) -> CodeableConcept {
    CodeableConcept {
        extension: Vec::new(),
        coding: vec![Coding {
            system: Some(system.to_owned()),
            code: Some(code.to_owned()),
            display: display.map(str::to_owned),
        }],
        text: None,
    }
}

fn money(cents: Cents) -> Money {
    Money {
        value: Some(decimal(cents, 1)),
        currency: Some("USD".to_owned()),
    }
}

/// `cents ÷ count` in dollars as an exact decimal, by integer arithmetic: at least two decimals
/// (`1900.00`), more when one of `count` is a fraction of a cent (`$1,900.00 ÷ 8 = 237.50`,
/// `$0.01 ÷ 8 = 0.00125`). A quotient that never ends (÷ 3) is cut at six decimals, rounded half
/// up ([`decimal_digits`]): the one rounding here, of a unit price only, never of an amount (its
/// quantity × it is then within half a millionth a unit of the net, and the same cent).
/// `count` 0 is taken as 1.
pub(crate) fn decimal(cents: Cents, count: u32) -> resources::Decimal {
    resources::Decimal(decimal_digits(cents.get(), u64::from(count.max(1))))
}

/// The digits of `cents ÷ (100 × count)`. Half up at the sixth decimal: `0.0000005` → `0.000001`,
/// `0.0000004` → `0.000000`.
fn decimal_digits(cents: i64, count: u64) -> String {
    const MOST_DECIMALS: usize = 6;
    let sign = if cents < 0 { "-" } else { "" };
    let denominator = u128::from(count) * 100;
    let numerator = u128::from(cents.unsigned_abs());
    let scale = 10u128.pow(MOST_DECIMALS as u32);
    // The quotient in millionths, rounded half up: exact when the division ends within six places.
    let millionths = (numerator * scale * 2 + denominator) / (denominator * 2);
    let whole = millionths / scale;
    let mut fraction = format!("{:06}", millionths % scale);
    while fraction.len() > 2 && fraction.ends_with('0') {
        fraction.pop();
    }
    format!("{sign}{whole}.{fraction}")
}

#[cfg(test)]
mod tests {
    use super::decimal_digits;

    #[test]
    fn decimals_are_exact_from_cents() {
        assert_eq!(decimal_digits(190_000, 1), "1900.00");
        assert_eq!(decimal_digits(-43_435, 1), "-434.35");
        assert_eq!(decimal_digits(0, 1), "0.00");
        assert_eq!(decimal_digits(5, 1), "0.05");
        // $1,900.00 for a vial of 2 units of 1 cc: $950.00 a unit.
        assert_eq!(decimal_digits(190_000, 2), "950.00");
        // $0.01 over 8 units: 0.00125 exactly.
        assert_eq!(decimal_digits(1, 8), "0.00125");
        // $100.00 over 3 units: 33.333333… cut at six decimals; $0.02 over 3: 0.006666… → 0.006667.
        assert_eq!(decimal_digits(10_000, 3), "33.333333");
        assert_eq!(decimal_digits(2, 3), "0.006667");
    }
}
