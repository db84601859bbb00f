//! The price book's fields as the editor, the fee schedule and the likely-mistake warnings see
//! them, produced from the one declaration of each field in `document.rs`.
//!
//! Each struct of the book is declared with [`book_struct!`]: beside a field's type, limit and
//! `= default` / `= staff` markers (which [`read_struct!`](crate::read::read_struct) turns into its
//! reader), a [`Form`] says what the editor shows (label, hint, a control other than the type's
//! own), what the fee schedule takes from it (an item's code, cash price, allowed amount, and the
//! name its row is known by) and what amount is plausible there. The macro writes, for each
//! struct, its [`Fields`]: the table the editor page builds its form from, which
//! [`crate::editor::form`] converts by, [`super::fee_schedule`] finds the priced items in, and
//! [`super::warnings`] checks amounts against. So a field added to the document is on the form, in
//! the spreadsheet if it is a price, and checked for extra zeros, with nothing else to edit.
//! (DESIGN.md, "How to add a price-book field".)

use serde::Serialize;

use crate::language::{Gender, Text};
use crate::money::{BasisPoints, Cents, Locale};

/// What kind of control a field is, and how its value converts.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Kind {
    /// One line of text, as written.
    Text,
    /// A paragraph of text.
    Paragraph,
    /// A text in English and, optionally, Spanish (`Text` in the book: a string, or `{ en, es }`).
    Words {
        /// A paragraph rather than one line.
        long: bool,
    },
    /// An amount in dollars on the form, integer cents in the book (`..._cents`).
    Money,
    /// A rate in percent on the form, basis points in the book (`..._bp`).
    Percent,
    /// A whole number.
    Count,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A billing or diagnosis code, or an id: one word.
    Code,
    /// A taxpayer id: 9 digits in the book; on the form as an EIN is printed, `12-3456789`, and
    /// taken either way.
    Tin,
    /// One of the values of another list's items, picked from them: a condition's injection code
    /// from the injection fees. The page builds the options from the form as it is.
    Pick {
        /// The top-level list whose items are offered (`administration_fees`).
        list: &'static str,
        /// The key of each item's value (`code`); the option's words are the item's English
        /// `label`, or its `name`.
        value: &'static str,
    },
    /// Yes or no.
    Flag,
    /// One of a few values.
    Choice {
        /// `(value in the book, what the form says)`.
        options: &'static [(&'static str, &'static str)],
    },
    /// A group of fields (a JSON object).
    Group {
        /// Its fields.
        fields: &'static [Field],
    },
    /// A list of groups.
    List {
        /// What one item is called ("condition").
        noun: &'static str,
        /// Each item's fields.
        fields: &'static [Field],
        /// The most items the book may have.
        max: usize,
    },
    /// Not on the form: a list the editor keeps itself (the warnings confirmed as right).
    Kept {
        /// The most items.
        max: usize,
    },
    /// A list of texts in English and Spanish.
    WordsList {
        /// What one item is called.
        noun: &'static str,
        /// The most items.
        max: usize,
    },
}

/// One field of the book.
#[derive(Debug, Serialize)]
pub struct Field {
    /// Its key in the book's JSON.
    pub key: &'static str,
    /// Its name on the form.
    pub label: &'static str,
    /// A line of help under the label; empty for none.
    pub hint: &'static str,
    /// What kind of control takes it.
    pub kind: Kind,
    /// Whether the book may leave it out: an optional group is switched on or off, an optional
    /// value left empty.
    pub optional: bool,
    /// Shown only while the sibling field `.0` has the value `.1` (the discount's kind).
    pub when: Option<(&'static str, &'static str)>,
    /// An optional group's switch, as a sentence ("Offer a discount for paying in full"); empty
    /// for the page's own wording.
    pub switch: &'static str,
    /// A choice's value on the form when the book leaves it out: the one the book's reader takes
    /// then. Empty for none.
    pub default: &'static str,
    /// What the fee schedule takes from it. (Not the page's: left out of what it is sent.)
    #[serde(skip)]
    pub role: Role,
    /// The name this field adds to the key of a priced item in it (`walking_boot`,
    /// `administration`), which the fee schedule's `item` column shows; empty for none.
    #[serde(skip)]
    pub item: &'static str,
    /// The amounts that are usual here; outside them, a warning asks whether the amount was meant.
    #[serde(skip)]
    pub plausible: Option<Plausible>,
    /// What a warning says while this still has the sample book's value (for a list, while an item
    /// is one of the sample's items): a clinic must replace or confirm it before it goes on its
    /// site. Empty for a field a clinic may keep as the sample has it.
    #[serde(skip)]
    pub sample: &'static str,
    /// For a name: the sibling percent it must not contradict (a discount's `percent_off_bp`: a
    /// name that says `15%` is warned about when the discount is 10 %); empty for none.
    #[serde(skip)]
    pub says_percent_of: &'static str,
}

impl Field {
    /// A field `key` of `kind` with no words: a list's new item, or a text inside a group.
    pub const fn plain(key: &'static str, kind: Kind) -> Field {
        form("").field(key, kind, false, 0)
    }
}

/// What a field is to the fee schedule. A group with a [`Role::Cash`] field is a priced item: a
/// row of the spreadsheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Nothing.
    #[default]
    None,
    /// The item's billing code, the `code` column.
    Code,
    /// The item's cash price, the `cash price` column.
    Cash,
    /// The amount a plan is expected to allow for it, the `allowed amount` column.
    Allowed,
    /// An amount that is a term of something, not the price of an item: a financing plan's
    /// smallest purchase. Not in the fee schedule.
    Term,
}

/// A product priced under this is likely dollars typed as cents: $50.00. (No product the clinic
/// injects costs less; $11.00 for a $1,100.00 vial is the mistake this catches.)
pub const PRODUCT_LOW: Cents = Cents::new(5_000);

/// A product priced over this likely has extra zeros: $50,000.00, about forty times the sample's
/// dearest vial.
pub const PRODUCT_HIGH: Cents = Cents::new(5_000_000);

/// A fee above $0.00 and under this is likely dollars typed as cents: $5.00. A fee of $0.00 is not
/// warned about: a free consultation is a clinic's choice.
pub const FEE_LOW: Cents = Cents::new(500);

/// A discount over this is likely a mistake: 50 %.
pub const DISCOUNT_HIGH: BasisPoints = BasisPoints::new(5_000);

/// A discount or APR above 0 % and under this is likely a percent typed as hundredths of a
/// percent: 1 % (`5` is 0.05 %; 5 % is `500`). A rate of 0 % is not warned about: no discount, or
/// a promotion with no interest.
pub const RATE_LOW: BasisPoints = BasisPoints::new(100);

/// The usual amounts of a money or percent field: one outside them is likely a unit mistake
/// (dollars typed as cents, a percent typed as hundredths of one) or extra zeros. Zero is never
/// warned about unless `zero_too` (a free consultation is a clinic's choice; a free vial is not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plausible {
    /// What the amount is for, as a warning names it: `a product`, `a fee`, `a discount`.
    pub what: &'static str,
    /// Under this (in cents, or basis points for a rate) is low.
    pub low: i64,
    /// Over this is high; `None` for no ceiling.
    pub high: Option<i64>,
    /// Whether zero is low too.
    pub zero_too: bool,
    /// For a rate: the most it may be, so the warning suggests a hundred times it only up to there.
    pub ceiling: i64,
}

impl Plausible {
    /// An amount of money: low under `low`.
    pub const fn money(what: &'static str, low: Cents) -> Plausible {
        Plausible {
            what,
            low: low.get(),
            high: None,
            zero_too: false,
            ceiling: 0,
        }
    }

    /// A rate, at most `ceiling`: low under `low`.
    pub const fn rate(what: &'static str, low: BasisPoints, ceiling: BasisPoints) -> Plausible {
        Plausible {
            what,
            low: low.get() as i64,
            high: None,
            zero_too: false,
            ceiling: ceiling.get() as i64,
        }
    }

    /// And high over `high` (cents, or basis points for a rate).
    pub const fn high(mut self, high: i64) -> Plausible {
        self.high = Some(high);
        self
    }

    /// And zero is low too.
    pub const fn zero_too(mut self) -> Plausible {
        self.zero_too = true;
        self
    }
}

/// What a field's value must be, as its declaration says (or its type, when the declaration says
/// nothing): checked field by field in the order of the book (`validate.rs`, [`Check`]). The rules
/// that compare fields with each other (a condition's injection fee among the fees, a package's
/// price against its vials) are `validate.rs`'s own.
///
/// [`Check`]: super::validate::Check
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Nothing of its own: flags, choices, groups (whose fields have theirs).
    None,
    /// Text a person writes: it must say something, and print as it reads. A `Text`'s own.
    Written,
    /// An id kept in links and saved quotes: lowercase letters, digits and `_`, unique in its list.
    Id,
    /// A billing code of the kind given, or of the kind its group's field says ([`Codes::Declared`]).
    Code(Codes),
    /// An ICD-10-CM diagnosis code.
    Icd10,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A National Provider Identifier.
    Npi,
    /// A taxpayer id: 9 digits.
    Tin,
    /// A two-letter state code.
    State,
    /// A ZIP code, 5 digits or ZIP+4.
    Zip,
    /// An email address patients may write to.
    Email,
    /// An amount from $0.00 to the book's highest price. A `Cents`'s own.
    Price,
    /// A rate from 0 % to this many basis points. A `BasisPoints`'s own, to 100 %.
    Rate(u32),
    /// A whole number from `lowest` to `highest` (at most 63 and 65,535), `unit` after them in its
    /// message (`must be 1 to 365 days`).
    Count {
        /// The fewest.
        lowest: u32,
        /// The most.
        highest: u32,
        /// What it counts.
        unit: Unit,
    },
    /// A list with at least one item (named by the field's noun).
    AtLeastOne,
}

/// What a [`Rule::Count`] counts, as its message says it after the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Nothing: `must be 1 to 10`.
    None,
    /// `must be 1 to 365 days`.
    Days,
    /// `must be 1 to 60 months`.
    Months,
}

impl Unit {
    /// The words after the range.
    pub fn words(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Days => " days",
            Unit::Months => " months",
        }
    }
}

/// The kinds of billing code a [`Rule::Code`] takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codes {
    /// CPT: `20550`, `0232T`.
    Cpt,
    /// HCPCS level II: `L4361`, `Q4206`.
    Hcpcs,
    /// Either.
    CptOrHcpcs,
    /// The kind the field of its group says (`.codes(...)`): a priced service's code is CPT for
    /// ultrasound guidance and HCPCS for the walking boot.
    Declared,
}

impl Declared {
    /// Its rule and its group's codes in one number, worked out when the crate is compiled, so
    /// each field's check passes one constant rather than a table in the module's data (2 KB of
    /// the visitor's download): bits 0-3 the rule, 4-5 a code rule's codes, 6-7 the group's codes,
    /// 8-9 a count's unit, 10-15 a count's fewest, 16-31 a count's most or a rate's most.
    /// [`Declared::unpack`] reads it back.
    pub const fn pack(&self) -> u32 {
        const fn codes(codes: Codes) -> u32 {
            match codes {
                Codes::Cpt => 0,
                Codes::Hcpcs => 1,
                Codes::CptOrHcpcs => 2,
                Codes::Declared => 3,
            }
        }
        let group = codes(self.codes) << 6;
        let rule = match self.rule {
            None | Some(Rule::None) => 0,
            Some(Rule::Written) => 1,
            Some(Rule::Id) => 2,
            Some(Rule::Code(of)) => 3 | codes(of) << 4,
            Some(Rule::Icd10) => 4,
            Some(Rule::Date) => 5,
            Some(Rule::Npi) => 6,
            Some(Rule::Tin) => 7,
            Some(Rule::State) => 8,
            Some(Rule::Zip) => 9,
            Some(Rule::Email) => 10,
            Some(Rule::Price) => 11,
            Some(Rule::Rate(most)) => {
                assert!(most <= 0xFFFF, "a rate's most must fit in 16 bits");
                12 | most << 16
            }
            Some(Rule::Count {
                lowest,
                highest,
                unit,
            }) => {
                assert!(
                    lowest <= 63 && highest <= 0xFFFF,
                    "a count's range must fit"
                );
                let unit = match unit {
                    Unit::None => 0,
                    Unit::Days => 1,
                    Unit::Months => 2,
                };
                13 | unit << 8 | lowest << 10 | highest << 16
            }
            Some(Rule::AtLeastOne) => 14,
        };
        rule | group
    }

    /// The rule and the group's codes of a [`Declared::pack`]ed declaration.
    pub fn unpack(packed: u32) -> (Rule, Codes) {
        let codes = |bits: u32| match bits & 3 {
            0 => Codes::Cpt,
            1 => Codes::Hcpcs,
            2 => Codes::CptOrHcpcs,
            _ => Codes::Declared,
        };
        let high = packed >> 16;
        let rule = match packed & 0xF {
            1 => Rule::Written,
            2 => Rule::Id,
            3 => Rule::Code(codes(packed >> 4)),
            4 => Rule::Icd10,
            5 => Rule::Date,
            6 => Rule::Npi,
            7 => Rule::Tin,
            8 => Rule::State,
            9 => Rule::Zip,
            10 => Rule::Email,
            11 => Rule::Price,
            12 => Rule::Rate(high),
            13 => Rule::Count {
                lowest: packed >> 10 & 0x3F,
                highest: high,
                unit: match packed >> 8 & 3 {
                    1 => Unit::Days,
                    2 => Unit::Months,
                    _ => Unit::None,
                },
            },
            14 => Rule::AtLeastOne,
            _ => Rule::None,
        };
        (rule, codes(packed >> 6))
    }

    /// Whether it has a rule of its own.
    pub const fn has_rule(&self) -> bool {
        !matches!(self.rule, None | Some(Rule::None))
    }

    /// With `rule` when the declaration gives none: its type's own.
    pub const fn or_rule(mut self, rule: Rule) -> Declared {
        if self.rule.is_none() {
            self.rule = Some(rule);
        }
        self
    }
}

/// What the checks take from a field's declaration: its rule (`None`: its type's own), the kind
/// of code its group's code field takes, and what an item of it is called.
#[derive(Clone, Copy, Debug)]
pub struct Declared {
    /// The declared rule; `None` for its type's own.
    pub rule: Option<Rule>,
    /// The codes of the code field in it, when it is a group; [`Codes::Declared`] for none said.
    pub codes: Codes,
    /// What one item is called, when it is a list.
    pub noun: &'static str,
}

/// A field's declaration beside its type in [`book_struct!`]: what the form calls it, and what it
/// is besides its type. Written `form("Label")` and then any of its setters.
#[derive(Debug)]
pub struct Form {
    label: &'static str,
    hint: &'static str,
    kind: Option<Kind>,
    noun: &'static str,
    when: Option<(&'static str, &'static str)>,
    switch: &'static str,
    default: &'static str,
    role: Role,
    item: &'static str,
    plausible: Option<Plausible>,
    sample: &'static str,
    says_percent_of: &'static str,
    rule: Option<Rule>,
    codes: Codes,
}

/// A field whose form label is `label`.
pub const fn form(label: &'static str) -> Form {
    Form {
        label,
        hint: "",
        kind: None,
        noun: "",
        when: None,
        switch: "",
        default: "",
        role: Role::None,
        item: "",
        plausible: None,
        sample: "",
        says_percent_of: "",
        rule: None,
        codes: Codes::Declared,
    }
}

impl Form {
    /// A line of help under the label.
    pub const fn hint(mut self, hint: &'static str) -> Form {
        self.hint = hint;
        self
    }

    /// A control other than its type's own: a [`Kind::Code`] or [`Kind::Date`] for a `String`, a
    /// long [`Kind::Words`], a [`Kind::Pick`], a [`Kind::Choice`] with its own words.
    pub const fn kind(mut self, kind: Kind) -> Form {
        self.kind = Some(kind);
        self
    }

    /// What one item of a list is called ("condition").
    pub const fn noun(mut self, noun: &'static str) -> Form {
        self.noun = noun;
        self
    }

    /// Shown only while the sibling field `key` is `value`.
    pub const fn when(mut self, key: &'static str, value: &'static str) -> Form {
        self.when = Some((key, value));
        self
    }

    /// An optional group's switch, as a sentence.
    pub const fn switch(mut self, switch: &'static str) -> Form {
        self.switch = switch;
        self
    }

    /// A choice's value when the book leaves it out.
    pub const fn default(mut self, value: &'static str) -> Form {
        self.default = value;
        self
    }

    /// Its item's billing code in the fee schedule.
    pub const fn code(mut self) -> Form {
        self.role = Role::Code;
        self
    }

    /// Its item's cash price in the fee schedule: the group it is in is a priced item.
    pub const fn cash_price(mut self) -> Form {
        self.role = Role::Cash;
        self
    }

    /// Its item's allowed amount in the fee schedule.
    pub const fn allowed(mut self) -> Form {
        self.role = Role::Allowed;
        self
    }

    /// An amount that is a term of something, not a price: not in the fee schedule.
    pub const fn term(mut self) -> Form {
        self.role = Role::Term;
        self
    }

    /// The name it adds to the key of a priced item in it (the fee schedule's `item` column).
    pub const fn item(mut self, item: &'static str) -> Form {
        self.item = item;
        self
    }

    /// Warned about, in these words, while it is still the sample book's (a list: while an item
    /// is one of the sample's items).
    pub const fn sample(mut self, warning: &'static str) -> Form {
        self.sample = warning;
        self
    }

    /// What its value must be, when not its type's own rule.
    pub const fn rule(mut self, rule: Rule) -> Form {
        self.rule = Some(rule);
        self
    }

    /// Text a person writes, which must say something.
    pub const fn written(self) -> Form {
        self.rule(Rule::Written)
    }

    /// For a group: the kind of code its code field takes.
    pub const fn codes(mut self, codes: Codes) -> Form {
        self.codes = codes;
        self
    }

    /// What the checks take from it.
    pub const fn declared(&self) -> Declared {
        Declared {
            rule: self.rule,
            codes: self.codes,
            noun: self.noun,
        }
    }

    /// A name that must not say another percent than its sibling `key`.
    pub const fn says_percent_of(mut self, key: &'static str) -> Form {
        self.says_percent_of = key;
        self
    }

    /// The amounts usual here; on a group or a list, for the prices in it (a walking boot's, the
    /// injection fees'), which then name it (`a walking boot`).
    pub const fn plausible(mut self, plausible: Plausible) -> Form {
        self.plausible = Some(plausible);
        self
    }

    /// The field `key`, of the type whose control is `kind` (unless the declaration gives
    /// another), `optional` when the book may leave it out, a list of at most `max` items.
    pub const fn field(self, key: &'static str, kind: Kind, optional: bool, max: usize) -> Field {
        let kind = match self.kind {
            Some(kind) => kind,
            None => kind,
        };
        let kind = match kind {
            Kind::List { fields, .. } => Kind::List {
                noun: self.noun,
                fields,
                max,
            },
            Kind::WordsList { .. } => Kind::WordsList {
                noun: self.noun,
                max,
            },
            Kind::Kept { .. } => Kind::Kept { max },
            kind => kind,
        };
        Field {
            key,
            label: self.label,
            hint: self.hint,
            kind,
            // A field shown for one kind of its group (`when`) is left out for the others, and
            // required for its own: the group's reader checks the combination.
            optional: optional && self.when.is_none(),
            when: self.when,
            switch: self.switch,
            default: self.default,
            role: self.role,
            item: self.item,
            plausible: self.plausible,
            sample: self.sample,
            says_percent_of: self.says_percent_of,
        }
    }
}

/// The control a type takes on the form when its declaration names no other.
pub trait Shape {
    /// The control.
    const KIND: Kind;
}

/// A struct of the book: its fields, in the order of the document.
pub trait Fields {
    /// Its fields.
    const FIELDS: &'static [Field];
}

impl Shape for String {
    const KIND: Kind = Kind::Text;
}

impl Shape for bool {
    const KIND: Kind = Kind::Flag;
}

impl Shape for u32 {
    const KIND: Kind = Kind::Count;
}

impl Shape for Cents {
    const KIND: Kind = Kind::Money;
}

impl Shape for BasisPoints {
    const KIND: Kind = Kind::Percent;
}

impl Shape for Text {
    const KIND: Kind = Kind::Words { long: false };
}

impl Shape for Locale {
    const KIND: Kind = Kind::Choice {
        options: &[("en-US", "$1,234.56")],
    };
}

impl Shape for Gender {
    const KIND: Kind = Kind::Choice {
        options: &[
            ("masculine", "Masculine (el)"),
            ("feminine", "Feminine (la)"),
        ],
    };
}

/// An optional value takes its value's control; the field says it may be left out.
impl<T: Shape> Shape for Option<T> {
    const KIND: Kind = T::KIND;
}

/// A list of groups, or of texts.
impl<T: Shape> Shape for Vec<T> {
    const KIND: Kind = match T::KIND {
        Kind::Group { fields } => Kind::List {
            noun: "",
            fields,
            max: 0,
        },
        Kind::Words { .. } => Kind::WordsList { noun: "", max: 0 },
        _ => panic!("a list on the form is of groups or of texts"),
    };
}

/// A book's struct, its reader and its [`Fields`], from one declaration: as
/// [`read_struct!`](crate::read::read_struct), with `=> form(...)` after every field (the
/// [`Form`]). The form is the staff module's and native: the visitor's module compiles none of it.
///
/// ```text
/// book_struct! {
///     /// A service with one self-pay price.
///     #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
///     pub struct PricedService {
///         /// CPT or HCPCS code.
///         pub code: String => form("Billing code").kind(Kind::Code).code(),
///         /// Self-pay price.
///         pub price_cents: Cents => form("Price").cash_price().plausible(FEE),
///     }
/// }
/// ```
macro_rules! book_struct {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident : $type:ty $([at most $max:literal])? $(= $($how:ident)+)?
                    => $form:expr
            ),* $(,)?
        }
    ) => {
        $crate::read::read_struct! {
            $(#[$meta])*
            $vis struct $name {
                $(
                    $(#[$field_meta])*
                    $field_vis $field : $type $([at most $max])? $(= $($how)+)?
                ),*
            }
        }

        impl $crate::price_book::validate::Rules for $name {
            const RULE: $crate::price_book::schema::Rule = $crate::price_book::schema::Rule::None;
            const NESTED: bool = true;
        }

        impl $crate::price_book::validate::Check for $name {
            fn check<'a>(
                &'a self,
                at: &str,
                context: &mut $crate::price_book::validate::Context<'a>,
                problems: &mut $crate::error::Problems,
            ) {
                $(
                    $crate::price_book::schema::book_struct!(@check $($($how)+)? ; {
                        const DECLARED: $crate::price_book::schema::Declared = $form
                            .declared()
                            .or_rule(<$type as $crate::price_book::validate::Rules>::RULE);
                        // A field with no rule and nothing in it with one is not visited.
                        if const {
                            DECLARED.has_rule()
                                || <$type as $crate::price_book::validate::Rules>::NESTED
                        } {
                            $crate::price_book::validate::check_field(
                                &self.$field,
                                at,
                                stringify!($field),
                                const { DECLARED.pack() },
                                DECLARED.noun,
                                context,
                                problems,
                            );
                        }
                    });
                )*
            }
        }

        #[cfg(staff)]
        impl $crate::price_book::schema::Fields for $name {
            const FIELDS: &'static [$crate::price_book::schema::Field] = &[$(
                $form.field(
                    stringify!($field),
                    <$type as $crate::price_book::schema::Shape>::KIND,
                    $crate::price_book::schema::may_be_left_out(stringify!($($($how)+)?)),
                    $crate::price_book::schema::book_struct!(@max $($max)?),
                )
            ),*];
        }

        #[cfg(staff)]
        impl $crate::price_book::schema::Shape for $name {
            const KIND: $crate::price_book::schema::Kind = $crate::price_book::schema::Kind::Group {
                fields: <$name as $crate::price_book::schema::Fields>::FIELDS,
            };
        }
    };
    // A field the visitor's module does not read (`= staff`) is not checked there either.
    (@check $(default)? ; $body:block) => { $body };
    (@check $(default)? staff ; $body:block) => { #[cfg(staff)] $body };
    (@max) => { 0 };
    (@max $max:literal) => { $max };
}

pub(crate) use book_struct;

/// Whether a field's markers (`default`, `default staff`, `staff`, none) let the book leave it out.
pub const fn may_be_left_out(markers: &str) -> bool {
    let markers = markers.as_bytes();
    let word = b"default";
    if markers.len() < word.len() {
        return false;
    }
    let mut i = 0;
    while i < word.len() {
        if markers[i] != word[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The whole book, in the order of the document: the editor's form.
#[cfg(staff)]
pub const BOOK: &[Field] = <super::PriceBookDocument as Fields>::FIELDS;

/// The field `key` of `fields`.
pub fn find<'a>(fields: &'a [Field], key: &str) -> Option<&'a Field> {
    fields.iter().find(|field| field.key == key)
}

/// `impl Read` for an enum of unit variants, each named by a string, as
/// [`read_enum!`](crate::read::read_enum), and its [`Shape`]: a choice of the variants, each with
/// what the form says for it (`"fixed_apr" => FixedApr: "Fixed interest rate"`).
macro_rules! book_enum {
    ($name:ident { $($text:literal => $variant:ident : $words:literal),* $(,)? }) => {
        $crate::read::read_enum!($name { $($text => $variant),* });

        impl $crate::price_book::validate::Rules for $name {
            const RULE: $crate::price_book::schema::Rule = $crate::price_book::schema::Rule::None;
        }

        impl $crate::price_book::validate::Check for $name {}

        #[cfg(staff)]
        impl $crate::price_book::schema::Shape for $name {
            const KIND: $crate::price_book::schema::Kind = $crate::price_book::schema::Kind::Choice {
                options: &[$(($text, $words)),*],
            };
        }
    };
}

pub(crate) use book_enum;
