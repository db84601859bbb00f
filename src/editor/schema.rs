//! The price book as the editor's form shows it: every field of the document (`document.rs`), with
//! the words an office manager reads and the kind of control that takes it. The editor page builds
//! its form from this table, and [`super::form`] converts between the book (cents, basis points)
//! and the form (dollars, percents) by it. A test checks that every field of the sample book is
//! here, so a field added to the document without a row here fails the tests.

use serde::Serialize;

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
}

const fn field(key: &'static str, label: &'static str, kind: Kind) -> Field {
    Field {
        key,
        label,
        hint: "",
        kind,
        optional: false,
        when: None,
        switch: "",
        default: "",
    }
}

impl Field {
    const fn hint(mut self, hint: &'static str) -> Field {
        self.hint = hint;
        self
    }

    const fn optional(mut self) -> Field {
        self.optional = true;
        self
    }

    const fn when(mut self, key: &'static str, value: &'static str) -> Field {
        self.when = Some((key, value));
        self
    }

    const fn switch(mut self, switch: &'static str) -> Field {
        self.switch = switch;
        self
    }

    const fn default(mut self, value: &'static str) -> Field {
        self.default = value;
        self
    }
}

const LABEL: Field = field(
    "label",
    "Name shown to patients",
    Kind::Words { long: false },
);

const ADDRESS: &[Field] = &[
    field("street", "Street", Kind::Text),
    field("city", "City", Kind::Text),
    field("state", "State", Kind::Code).hint("Two letters, like TX"),
    field("zip", "ZIP code", Kind::Code).hint("5 digits, like 78701, or 78701-1234"),
];

const PRICED_SERVICE: &[Field] = &[
    field("code", "Billing code", Kind::Code).hint("CPT or HCPCS, like 20550"),
    LABEL,
    field("price_cents", "Price", Kind::Money),
];

const RANGE: &[Field] = &[
    field("min", "Fewest", Kind::Count),
    field("max", "Most", Kind::Count),
];

const THERAPY_SERVICE: &[Field] = &[
    field("code", "Billing code", Kind::Code).hint("CPT, like 97110"),
    LABEL,
    field("cash_price_cents", "Cash price", Kind::Money),
    field(
        "allowed_cents",
        "Amount insurance usually allows",
        Kind::Money,
    )
    .hint("What a plan usually pays in all for it; used for patients who go through insurance"),
];

const THERAPY_PRICES: &[Field] = &[
    field(
        "evaluation",
        "Evaluation",
        Kind::Group {
            fields: THERAPY_SERVICE,
        },
    ),
    field(
        "session",
        "Each session",
        Kind::Group {
            fields: THERAPY_SERVICE,
        },
    ),
];

/// A product's Spanish gender: left out, masculine (`el vial`).
const PRODUCT_GENDER: Kind = Kind::Choice {
    options: &[
        ("", "Not set: masculine (el)"),
        ("masculine", "Masculine (el)"),
        ("feminine", "Feminine (la)"),
    ],
};

/// An extra's Spanish gender: left out, feminine (`la visita`).
const EXTRA_GENDER: Kind = Kind::Choice {
    options: &[
        ("", "Not set: feminine (la)"),
        ("masculine", "Masculine (el)"),
        ("feminine", "Feminine (la)"),
    ],
};

/// An item's id, kept in shared links and saved quotes.
const fn id(example: &'static str) -> Field {
    field("id", "Id in links and saved quotes", Kind::Code).hint(example)
}

/// The whole book, in the order the form shows it.
pub const BOOK: &[Field] = &[
    field("version", "Version", Kind::Code)
        .hint("A name for this edition of the prices, like 2026.12"),
    field("effective_date", "Prices take effect on", Kind::Date),
    field(
        "sample_data",
        "These are sample prices, not the clinic's",
        Kind::Flag,
    )
    .optional(),
    field(
        "clinic",
        "Clinic",
        Kind::Group {
            fields: &[
                field("name", "Clinic name", Kind::Text),
                field("phone", "Phone", Kind::Text),
                field("email", "Email for estimate requests", Kind::Text).optional(),
                field("address", "Address", Kind::Group { fields: ADDRESS }),
                field("npi", "NPI", Kind::Code)
                    .hint("The clinic's 10-digit National Provider Identifier"),
                field("tin", "Tax ID (TIN)", Kind::Tin).hint("9 digits, like 12-3456789"),
            ],
        },
    ),
    field(
        "currency",
        "Currency",
        Kind::Choice {
            options: &[("USD", "US dollars")],
        },
    ),
    field(
        "locale",
        "How amounts are written",
        Kind::Choice {
            options: &[("en-US", "$1,234.56")],
        },
    ),
    field(
        "limits",
        "Limits of the estimate form",
        Kind::Group {
            fields: &[
                field(
                    "max_injections",
                    "Most injections a patient can choose",
                    Kind::Count,
                ),
                field(
                    "max_pt_sessions",
                    "Most therapy sessions a patient can choose",
                    Kind::Count,
                ),
            ],
        },
    ),
    field(
        "conditions",
        "Conditions treated",
        Kind::List {
            noun: "condition",
            max: 100,
            fields: &[
                id("Lowercase letters, digits and _, like heel_spur. Patients never see it. Keep it once the prices are published: shared links and saved quotes use it."),
                LABEL,
                field(
                    "icd10",
                    "Diagnosis codes (ICD-10)",
                    Kind::Group {
                        fields: &[
                            field("left", "Left side", Kind::Code),
                            field("right", "Right side", Kind::Code),
                        ],
                    },
                ),
                field(
                    "procedure_code",
                    "Injection fee",
                    Kind::Pick {
                        list: "administration_fees",
                        value: "code",
                    },
                )
                .hint("Which of the injection fees (in Injection fees) this condition's injection is billed as"),
                field(
                    "ultrasound_billed_separately",
                    "Ultrasound guidance is billed separately",
                    Kind::Flag,
                ),
                field(
                    "typical_injections",
                    "Typical number of injections",
                    Kind::Group { fields: RANGE },
                ),
                field(
                    "typical_pt_sessions",
                    "Typical number of therapy sessions",
                    Kind::Group { fields: RANGE },
                ),
            ],
        },
    ),
    field(
        "products",
        "Products (the amniotic tissue)",
        Kind::List {
            noun: "product",
            max: 50,
            fields: &[
                id("Lowercase letters, digits and _, like amnion_1ml. Patients never see it. Keep it once the prices are published."),
                LABEL,
                field("hcpcs", "HCPCS code", Kind::Code).hint("Like Q4139"),
                field("price_cents", "Price per injection", Kind::Money),
                field("spanish_gender", "Spanish gender of the name", PRODUCT_GENDER)
                    .hint("For \"cada uno\" or \"cada una\" in the Spanish estimate")
                    .optional(),
            ],
        },
    ),
    field(
        "administration_fees",
        "Injection fees",
        Kind::List {
            noun: "injection fee",
            max: 50,
            fields: PRICED_SERVICE,
        },
    ),
    field(
        "ultrasound_guidance",
        "Ultrasound guidance",
        Kind::Group {
            fields: PRICED_SERVICE,
        },
    ),
    field(
        "visits",
        "Visits",
        Kind::Group {
            fields: &[field(
                "consultation",
                "Consultation",
                Kind::Group {
                    fields: PRICED_SERVICE,
                },
            )],
        },
    ),
    field(
        "walking_boot",
        "Walking boot",
        Kind::Group {
            fields: PRICED_SERVICE,
        },
    ),
    field(
        "extras",
        "Extras staff can add to a quote",
        Kind::List {
            noun: "extra",
            max: 100,
            fields: &[
                id("Lowercase letters, digits and _, like foot_xray. Patients never see it."),
                field("code", "Billing code", Kind::Code),
                LABEL,
                field("price_cents", "Price", Kind::Money),
                field("spanish_gender", "Spanish gender of the name", EXTRA_GENDER)
                    .hint("For \"cada uno\" or \"cada una\" in the Spanish estimate")
                    .optional(),
            ],
        },
    ),
    field(
        "good_faith_estimate",
        "Good Faith Estimate",
        Kind::Group {
            fields: &[
                field("valid_days", "Days an estimate stays valid", Kind::Count),
                field(
                    "separately_scheduled",
                    "Care scheduled separately",
                    Kind::WordsList {
                        noun: "item",
                        max: 20,
                    },
                ),
                field(
                    "other_services",
                    "Other services",
                    Kind::Words { long: true },
                ),
                field(
                    "actual_charges_may_differ",
                    "Actual charges may differ",
                    Kind::Words { long: true },
                ),
                field(
                    "dispute_rights",
                    "The right to dispute a bill",
                    Kind::Words { long: true },
                )
                .hint("Must mention the $400 threshold"),
                field(
                    "quality_of_care",
                    "Starting a dispute does not affect care",
                    Kind::Words { long: true },
                )
                .hint("Printed after the right to dispute a bill; left empty, the estimator's own words")
                .optional(),
                field(
                    "not_a_contract",
                    "Not a contract",
                    Kind::Words { long: true },
                ),
                field(
                    "insured_filing_claim",
                    "For patients billing their insurance",
                    Kind::Words { long: true },
                ),
                field(
                    "federal_program",
                    "For Medicare, Medicaid or TRICARE patients",
                    Kind::Words { long: true },
                ),
            ],
        },
    ),
    field(
        "physical_therapy",
        "Physical therapy at the clinic",
        Kind::Group {
            fields: THERAPY_PRICES,
        },
    ),
    field(
        "therapy_partners",
        "Partner physical therapy providers",
        Kind::List {
            noun: "partner",
            max: 20,
            fields: &[
                id("Lowercase letters, digits and _, like lakeshore_pt. Patients never see it."),
                field("name", "Name", Kind::Text),
                field("address", "Address", Kind::Group { fields: ADDRESS }),
                field("npi", "NPI", Kind::Code),
                field("tin", "Tax ID (TIN)", Kind::Tin).hint("9 digits, like 12-3456789"),
                field(
                    "physical_therapy",
                    "Their physical therapy prices",
                    Kind::Group {
                        fields: THERAPY_PRICES,
                    },
                ),
            ],
        },
    )
    .optional(),
    field(
        "discounts",
        "Discounts",
        Kind::Group {
            fields: &[
                field(
                    "multi_injection",
                    "Discount for more than one injection",
                    Kind::Group {
                        fields: &[
                            field(
                                "kind",
                                "How it works",
                                Kind::Choice {
                                    options: &[
                                        (
                                            "later_injections_percent_off",
                                            "A percent off each later injection",
                                        ),
                                        ("package_prices", "Package prices"),
                                    ],
                                },
                            ),
                            LABEL,
                            field("from_injection", "From injection number", Kind::Count)
                                .hint("2 means the second and later injections")
                                .when("kind", "later_injections_percent_off"),
                            field("percent_off_bp", "Percent off", Kind::Percent)
                                .when("kind", "later_injections_percent_off"),
                            field(
                                "packages",
                                "Packages",
                                Kind::List {
                                    noun: "package",
                                    max: 100,
                                    fields: &[
                                        field(
                                            "product",
                                            "Product",
                                            Kind::Pick {
                                                list: "products",
                                                value: "id",
                                            },
                                        ),
                                        field("injections", "Injections", Kind::Count),
                                        field("price_cents", "Package price", Kind::Money),
                                    ],
                                },
                            )
                            .when("kind", "package_prices"),
                        ],
                    },
                )
                .optional()
                .switch("Offer a discount for more than one injection"),
                field(
                    "prompt_pay",
                    "Prompt-pay discount",
                    Kind::Group {
                        fields: &[
                            LABEL,
                            field("percent_off_bp", "Percent off", Kind::Percent),
                            field(
                                "expected_charges",
                                "On a Good Faith Estimate",
                                Kind::Choice {
                                    options: &[
                                        (
                                            "included",
                                            "The expected charges already have it taken off",
                                        ),
                                        ("excluded", "The expected charges are before it"),
                                    ],
                                },
                            )
                            .optional()
                            .default("included"),
                        ],
                    },
                )
                .optional()
                .switch("Offer a discount for paying in full at the visit"),
            ],
        },
    )
    .optional()
    .switch("The clinic offers discounts"),
    field(
        "disclaimers",
        "Notes on the estimate",
        Kind::Group {
            fields: &[
                field(
                    "self_pay",
                    "Why injections are self-pay",
                    Kind::Words { long: true },
                ),
                field(
                    "estimate_only",
                    "An estimate, not a bill",
                    Kind::Words { long: true },
                ),
                field(
                    "not_included",
                    "What is not included",
                    Kind::Words { long: true },
                ),
                field(
                    "insurance",
                    "How insurance figures are used",
                    Kind::Words { long: true },
                ),
                field(
                    "good_faith_estimate_right",
                    "Notice of the right to a Good Faith Estimate",
                    Kind::Words { long: true },
                )
                .optional(),
            ],
        },
    ),
    field(
        "financing",
        "Financing",
        Kind::Group {
            fields: &[
                field("disclaimer", "Lender's note", Kind::Words { long: true }),
                field(
                    "plans",
                    "Plans",
                    Kind::List {
                        noun: "plan",
                        max: 20,
                        fields: &[
                            id("Lowercase letters, digits and _, like care_credit_12. Patients never see it."),
                            LABEL,
                            field(
                                "kind",
                                "Kind",
                                Kind::Choice {
                                    options: &[
                                        (
                                            "deferred_interest",
                                            "No interest if paid in full in time",
                                        ),
                                        ("fixed_apr", "Fixed interest rate"),
                                    ],
                                },
                            ),
                            field("months", "Months", Kind::Count),
                            field("apr_bp", "Interest rate (APR)", Kind::Percent),
                            field(
                                "min_purchase_cents",
                                "Smallest amount it can finance",
                                Kind::Money,
                            ),
                            field("min_payment_cents", "Smallest monthly payment", Kind::Money)
                                .optional(),
                        ],
                    },
                ),
            ],
        },
    )
    .optional()
    .switch("Offer financing plans"),
];

/// The field `key` of `fields`.
pub fn find<'a>(fields: &'a [Field], key: &str) -> Option<&'a Field> {
    fields.iter().find(|field| field.key == key)
}
