//! The FHIR R4 resources the record-system export emits, with just the elements it writes: serde
//! structs, not a FHIR library (the maintained crates lack R4 or weigh tens of MB).
//!
//! Every element is optional or a list that may be empty, and not written when absent, so the same
//! structs read a packet written elsewhere (the IG's own example, `tests/fhir_packet.rs`): what
//! they do not know is skipped on reading. Reading is native only; the page only writes.
//!
//! Each field is the FHIR element of its name (in camelCase in the JSON; `kind` is `type`,
//! `purpose` is `use`), documented by the FHIR R4 specification, not again here.
#![allow(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
use serde::Deserialize;
use serde::Serialize;

/// `Bundle`: the GFE Packet (type `document`) and each provider's GFE Bundle (type `collection`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<Entry>,
}

/// `Bundle.entry`: a resource and the absolute URL every reference to it uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub full_url: String,
    pub resource: Resource,
}

/// The resources a packet holds, by `resourceType`. Reading, a resource of another type (the IG's
/// example has a `Practitioner` and a `DeviceRequest`) is kept as [`Resource::Other`] with its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resource {
    Bundle(Box<Bundle>),
    Composition(Box<Composition>),
    Patient(Box<Patient>),
    Coverage(Box<Coverage>),
    Organization(Box<Organization>),
    Claim(Box<Claim>),
    /// Read only: a resource of a type this export never writes, by its type. Written again, it
    /// is only that type (`{"resourceType": "Practitioner"}`).
    Other(String),
}

/// Each resource with its `resourceType` first.
impl Serialize for Resource {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Typed<'a, T: Serialize> {
            #[serde(rename = "resourceType")]
            resource_type: &'a str,
            #[serde(flatten)]
            resource: &'a T,
        }
        fn typed<S: serde::Serializer, T: Serialize>(
            s: S,
            resource_type: &str,
            resource: &T,
        ) -> Result<S::Ok, S::Error> {
            Typed {
                resource_type,
                resource,
            }
            .serialize(s)
        }
        match self {
            Resource::Bundle(r) => typed(serializer, "Bundle", r),
            Resource::Composition(r) => typed(serializer, "Composition", r),
            Resource::Patient(r) => typed(serializer, "Patient", r),
            Resource::Coverage(r) => typed(serializer, "Coverage", r),
            Resource::Organization(r) => typed(serializer, "Organization", r),
            Resource::Claim(r) => typed(serializer, "Claim", r),
            Resource::Other(resource_type) => typed(serializer, resource_type, &Element::default()),
        }
    }
}

/// Read by its `resourceType` first, then as that resource. (serde's internally tagged enums buffer
/// numbers as floats, which would lose a decimal's digits: each resource is read from its own text.)
#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for Resource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        #[derive(Deserialize)]
        struct Tag {
            #[serde(rename = "resourceType")]
            resource_type: String,
        }
        fn as_<T: serde::de::DeserializeOwned, E: serde::de::Error>(
            text: &str,
        ) -> Result<Box<T>, E> {
            serde_json::from_str(text).map(Box::new).map_err(E::custom)
        }
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let tag: Tag = serde_json::from_str(text).map_err(D::Error::custom)?;
        Ok(match tag.resource_type.as_str() {
            "Bundle" => Resource::Bundle(as_(text)?),
            "Composition" => Resource::Composition(as_(text)?),
            "Patient" => Resource::Patient(as_(text)?),
            "Coverage" => Resource::Coverage(as_(text)?),
            "Organization" => Resource::Organization(as_(text)?),
            "Claim" => Resource::Claim(as_(text)?),
            _ => Resource::Other(tag.resource_type),
        })
    }
}

/// `Composition`: the PCT GFE Composition, the packet's first entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Composition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relates_to: Vec<RelatesTo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section: Vec<Section>,
}

/// `Composition.relatesTo`: for a revision, `replaces` and the replaced document's identifier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct RelatesTo {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_identifier: Option<Identifier>,
}

/// `Composition.section`: the coverage section, then one per provider.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<CodeableConcept>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author: Vec<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<Reference>,
}

/// `Patient` (US Core Patient 7.0.0).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
}

/// `HumanName`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct HumanName {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub given: Vec<String>,
}

/// `Coverage` (PCT Coverage): here always the self-pay kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscriber_id: Option<String>,
    /// The extensions of `subscriberId` when it has no value (a self-pay patient has none).
    #[serde(rename = "_subscriberId", skip_serializing_if = "Option::is_none")]
    pub subscriber_id_element: Option<Element>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beneficiary: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<CodeableConcept>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub payor: Vec<Reference>,
}

/// A primitive's extensions, written `_name` beside it (here, without a value).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Element {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
}

/// `Organization` (PCT Organization): a provider of the estimate, with its NPI and TIN.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<Address>,
}

/// `Address`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `Claim`: the PCT GFE Summary and the PCT GFE Professional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<Meta>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billable_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<Reference>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<CodeableConcept>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub insurance: Vec<Insurance>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis: Vec<Diagnosis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<Item>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<Money>,
}

/// `Claim.insurance`: the self-pay coverage.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Insurance {
    pub sequence: u32,
    pub focal: bool,
    pub coverage: Reference,
}

/// `Claim.diagnosis`: the ICD-10-CM code, principal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    pub sequence: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diagnosis_codeable_concept: Option<CodeableConcept>,
    #[serde(rename = "type", default, skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<CodeableConcept>,
}

/// `Claim.item`: one service or product of the estimate.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Item {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    pub sequence: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diagnosis_sequence: Vec<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_or_service: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serviced_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serviced_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub net: Option<Money>,
}

/// `Extension`, with the value types this export writes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(rename_all = "camelCase")]
pub struct Extension {
    pub url: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_boolean: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_instant: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_codeable_concept: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_identifier: Option<Identifier>,
}

/// `Resource.meta`: here only the profiles the resource declares it conforms to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<String>,
}

/// `Identifier`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Identifier {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<CodeableConcept>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// `CodeableConcept`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct CodeableConcept {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// `Coding`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Coding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// `Reference`: a `fullUrl` of the same bundle; or only extensions (the summary's provider).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Reference {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

/// `Period`: dates, `YYYY-MM-DD`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Period {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// `Money`: an exact decimal and its currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Money {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// `Quantity`: a count, here in the billing units of the item's code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
pub struct Quantity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
}

/// A FHIR `decimal`: the digits as written (`1900.00`), written into the JSON as a number, never
/// through a float. FHIR keeps a decimal's precision ("200.00" is not "200"), so it is carried as
/// its text and written as a raw JSON number (serde_json's `RawValue`); made from cents by
/// integer arithmetic ([`super::decimal`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decimal(pub(crate) String);

impl Decimal {
    /// The digits, as written in the JSON.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        serde_json::value::RawValue::from_string(self.0.clone())
            .map_err(S::Error::custom)?
            .serialize(serializer)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        let number = text.starts_with(|c: char| c == '-' || c.is_ascii_digit());
        if number {
            Ok(Decimal(text.to_owned()))
        } else {
            Err(D::Error::custom(format!(
                "a decimal must be a JSON number, not {text}"
            )))
        }
    }
}
