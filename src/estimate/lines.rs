//! Line items: what is charged, at what unit price, and who pays it.

use serde::Serialize;

use crate::error::Error;
use crate::money::{Amount, Cents, Locale};

/// Who pays a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// The patient, at the clinic's self-pay price.
    SelfPay,
    /// The patient, as their insurance plan's cost sharing (deductible, coinsurance, copay).
    PatientShare,
    /// The patient's insurance plan.
    Insurance,
}

impl Payer {
    /// Whether the patient pays this line.
    pub fn is_patient(self) -> bool {
        matches!(self, Payer::SelfPay | Payer::PatientShare)
    }
}

/// Which provider bills a line: on a Good Faith Estimate, each provider's items are listed apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderRole {
    /// The clinic giving the injections (the convening provider).
    #[default]
    Clinic,
    /// A physical therapy practice elsewhere (a co-provider).
    Therapy,
}

/// Whether a line charges or discounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// A service or item.
    Charge,
    /// A discount; its amount is negative.
    Discount,
}

/// One line of an estimate. Always `amount = quantity × unit_price`, to the cent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineItem {
    /// Charge or discount.
    pub kind: LineKind,
    /// What it is.
    pub label: String,
    /// CPT or HCPCS code, if it has one.
    pub code: Option<String>,
    /// How many.
    pub quantity: u32,
    /// Price of one.
    pub unit_price: Amount,
    /// `quantity × unit_price`.
    pub amount: Amount,
    /// Who pays it.
    pub payer: Payer,
    /// Who bills it.
    pub provider: ProviderRole,
    /// Why this amount, when it needs saying (e.g. `visits 2–5 · deductible`).
    pub detail: Option<String>,
    /// Part of the injection itself (product, administration, guidance), or the discount on those
    /// parts only. A Good Faith Estimate spreads such a discount over those parts alone.
    #[serde(skip)]
    pub(crate) injection_part: bool,
    /// The prompt-pay discount, which holds only if the patient pays in full at the visit.
    #[serde(skip)]
    pub(crate) prompt_pay: bool,
    /// The quantity in the billing units of its code, when the code is not billed one per item
    /// (a product billed per cc); absent otherwise (and then not written). Staff only: the
    /// visitor's module reads no billing units, so its lines carry no such field.
    #[cfg(staff)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_units: Option<BilledUnits>,
}

/// A line's quantity in the billing units of its code: `quantity × per_product` units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BilledUnits {
    /// How many billing units.
    pub units: u32,
    /// One billing unit, as the price book names it: `0.5 cc`.
    pub unit: String,
    /// Both, as printed against the code: `4 units of 0.5 cc`.
    pub text: String,
}

/// Collects line items for one estimate, in the locale of its price book.
pub(crate) struct Lines {
    locale: Locale,
    provider: ProviderRole,
    items: Vec<LineItem>,
}

/// What one line needs, before its amount is computed.
pub(crate) struct Line<'a> {
    pub kind: LineKind,
    pub label: &'a str,
    pub code: Option<&'a str>,
    pub quantity: u32,
    pub unit_price: Cents,
    pub payer: Payer,
    pub detail: Option<String>,
    pub injection_part: bool,
    pub prompt_pay: bool,
    #[cfg(staff)]
    pub billing_units: Option<BilledUnits>,
}

impl<'a> Line<'a> {
    /// A charge of `quantity` at `unit_price`, paid self-pay.
    pub fn charge(label: &'a str, code: &'a str, quantity: u32, unit_price: Cents) -> Line<'a> {
        Line {
            kind: LineKind::Charge,
            label,
            code: Some(code),
            quantity,
            unit_price,
            payer: Payer::SelfPay,
            detail: None,
            injection_part: false,
            prompt_pay: false,
            #[cfg(staff)]
            billing_units: None,
        }
    }

    /// A self-pay discount of `quantity` × `unit_off` (both positive; the line is negative).
    pub fn discount(label: &'a str, quantity: u32, unit_off: Cents) -> Line<'a> {
        Line {
            kind: LineKind::Discount,
            label,
            code: None,
            quantity,
            unit_price: Cents::new(-unit_off.get()),
            payer: Payer::SelfPay,
            detail: None,
            injection_part: false,
            prompt_pay: false,
            #[cfg(staff)]
            billing_units: None,
        }
    }

    /// This line, marked as part of the injection (or a discount on those parts only).
    pub fn injection_part(self) -> Line<'a> {
        Line {
            injection_part: true,
            ..self
        }
    }

    /// This line, marked as the prompt-pay discount.
    pub fn prompt_pay(self) -> Line<'a> {
        Line {
            prompt_pay: true,
            ..self
        }
    }

    /// This line, with its quantity also in the billing units of its code.
    #[cfg(staff)]
    pub fn billed_in(self, billing_units: Option<BilledUnits>) -> Line<'a> {
        Line {
            billing_units,
            ..self
        }
    }

    /// This line, paid by `payer`.
    pub fn paid_by(self, payer: Payer) -> Line<'a> {
        Line { payer, ..self }
    }

    /// This line, with `detail` saying why.
    pub fn because(self, detail: String) -> Line<'a> {
        Line {
            detail: Some(detail),
            ..self
        }
    }
}

impl Lines {
    pub fn new(locale: Locale) -> Lines {
        Lines {
            locale,
            provider: ProviderRole::Clinic,
            items: Vec::new(),
        }
    }

    /// Lines pushed from now on are billed by `provider`.
    pub fn set_provider(&mut self, provider: ProviderRole) {
        self.provider = provider;
    }

    /// Adds a line, computing its amount.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] if `quantity × unit_price` does not fit.
    pub fn push(&mut self, line: Line<'_>) -> Result<(), Error> {
        let amount = line
            .unit_price
            .checked_mul(i64::from(line.quantity))
            .ok_or(Error::Overflow)?;
        self.items.push(LineItem {
            kind: line.kind,
            label: line.label.to_owned(),
            code: line.code.map(str::to_owned),
            quantity: line.quantity,
            unit_price: Amount::new(line.unit_price, self.locale),
            amount: Amount::new(amount, self.locale),
            payer: line.payer,
            provider: self.provider,
            detail: line.detail,
            injection_part: line.injection_part,
            prompt_pay: line.prompt_pay,
            #[cfg(staff)]
            billing_units: line.billing_units,
        });
        Ok(())
    }

    /// The sum of the lines that match.
    pub fn total(&self, matches: impl Fn(&LineItem) -> bool) -> Result<Cents, Error> {
        Cents::checked_sum(
            self.items
                .iter()
                .filter(|l| matches(l))
                .map(|l| l.amount.cents),
        )
        .ok_or(Error::Overflow)
    }

    /// The price of one injection: the unit prices of the injection's parts charged so far (each
    /// line pushed with [`Line::injection_part`]), so a part added to the injection is in it.
    pub fn one_injection(&self) -> Result<Cents, Error> {
        Cents::checked_sum(
            self.items
                .iter()
                .filter(|l| l.injection_part && l.kind == LineKind::Charge)
                .map(|l| l.unit_price.cents),
        )
        .ok_or(Error::Overflow)
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn into_items(self) -> Vec<LineItem> {
        self.items
    }
}
