//! Every refusal a staff quote request can give, on the Spanish staff page: in Spanish, at its
//! field, saying what is wrong there. Each case changes one thing in a quote the sample book
//! prices, in the form's words where the form has them.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::price_book::PriceBook;
use amnion_estimator::quote::{quote, QuoteRequest};
use sample_book::{book, sample};
use serde_json::{json, Value};

/// A quote the sample book prices, in Spanish: two plantar fasciitis injections for the sample
/// patient, self-pay, issued 2026-11-21.
fn base() -> Value {
    let spanish = sample_book::request(
        r#""answers": { "condition": "plantar_fasciitis", "product": "amnion_1ml", "injections": "2",
                        "language": "es" }"#,
    );
    serde_json::to_value(spanish).expect("a request as JSON")
}

/// A provider typed in with every field right (NPI 1234567893: the CMS standard's example).
fn typed_provider() -> Value {
    json!({
        "answers": { "physical_therapy": { "coverage": "cash", "sessions": "8" } },
        "therapy_elsewhere": true,
        "therapy_provider": {
            "name": "Fisioterapia del Río", "npi": "1234567893", "tin": "987654321",
            "street": "20 River Rd", "city": "Austin", "state": "TX", "zip": "78702",
            "evaluation_price": "160", "session_price": "95"
        }
    })
}

/// `patch` written over `value`, object by object.
fn merge(value: &mut Value, patch: &Value) {
    match (value, patch) {
        (Value::Object(into), Value::Object(from)) => {
            for (key, item) in from {
                merge(into.entry(key.clone()).or_insert(Value::Null), item);
            }
        }
        (value, patch) => *value = patch.clone(),
    }
}

/// The base request with `patches` written over it, in order.
fn request(patches: &[Value]) -> QuoteRequest {
    let mut value = base();
    for patch in patches {
        merge(&mut value, patch);
    }
    QuoteRequest::read(value).unwrap_or_else(|e| panic!("well-formed: {e}"))
}

/// What English refusals say and Spanish ones never do.
const ENGLISH: [&str; 12] = [
    " must ",
    "must ",
    "enter ",
    "cannot",
    "it is \"",
    "it is empty",
    "unknown",
    "choose ",
    " the ",
    "give ",
    " needs ",
    "check ",
];

/// The refusals of `request` at `book`, every one of them checked to be Spanish, and the one at
/// `path` checked to contain `says`.
fn refused_in_spanish(book: &PriceBook, request: &QuoteRequest, path: &str, says: &str) {
    let error = quote(book, request).expect_err(path);
    let fields = error.fields();
    for field in fields {
        let reason = field.reason.to_lowercase();
        for english in ENGLISH {
            assert!(
                !reason.contains(english),
                "{}: {} (says {english:?})",
                field.path,
                field.reason
            );
        }
    }
    assert!(
        fields
            .iter()
            .any(|f| f.path == path && f.reason.contains(says)),
        "{path} should say {says:?}; refused: {error}"
    );
}

#[test]
fn the_base_request_is_a_quote() {
    quote(&book(), &request(&[])).unwrap_or_else(|e| panic!("{e}"));
    quote(&book(), &request(&[typed_provider()])).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_patient_and_the_dates() {
    let long = "a".repeat(201);
    let cases = [
        (json!({ "patient": { "name": " " } }), "patient.name", "escriba el nombre del paciente"),
        (json!({ "patient": { "name": long } }), "patient.name", "como máximo 200 caracteres"),
        (
            json!({ "patient": { "name": "Ana\u{202E}ziuR" } }),
            "patient.name",
            "no debe contener caracteres de control ni de dirección del texto; tiene U+202E en el carácter 4",
        ),
        (json!({ "patient": { "date_of_birth": "" } }), "patient.date_of_birth", "escriba la fecha"),
        (
            json!({ "patient": { "date_of_birth": "04/03/1970" } }),
            "patient.date_of_birth",
            "escriba una fecha como 2026-11-01; usted escribió \"04/03/1970\"",
        ),
        // Born after the issue date: the issue date as the Spanish document writes it.
        (
            json!({ "patient": { "date_of_birth": "2027-01-02" } }),
            "patient.date_of_birth",
            "no puede ser posterior a la fecha de emisión (21 de noviembre de 2026)",
        ),
        // 120 years before 2026-11-21 is 1906-11-21.
        (
            json!({ "patient": { "date_of_birth": "1900-01-01" } }),
            "patient.date_of_birth",
            "debe ser como máximo 120 años anterior a la fecha de emisión, es decir, el 21 de noviembre de 1906 o después; es el 1 de enero de 1900",
        ),
        (json!({ "issued_on": "" }), "issued_on", "escriba la fecha"),
        // The sample book takes effect on 2026-11-01.
        (
            json!({ "issued_on": "2026-10-30", "patient": { "date_of_birth": "1970-03-04" } }),
            "issued_on",
            "es anterior al 1 de noviembre de 2026, cuando entran en vigor estos precios (lista de precios",
        ),
        (
            json!({ "scheduled_on": "2026-11-20" }),
            "scheduled_on",
            "no puede ser anterior a la fecha de emisión de la cotización (21 de noviembre de 2026); es el 20 de noviembre de 2026. Si esa inyección ya se aplicó, cuente solo las inyecciones que faltan y ponga la fecha de la siguiente",
        ),
        (json!({ "scheduled_on": "mañana" }), "scheduled_on", "usted escribió \"mañana\""),
        // Valid 60 days: until 2027-01-20.
        (
            json!({ "scheduled_on": "2027-02-01" }),
            "scheduled_on",
            "es posterior al 20 de enero de 2027, el último día en que este estimado es válido",
        ),
        (
            json!({ "scheduled_on": "2028-01-05" }),
            "scheduled_on",
            "es más de 12 meses posterior a la fecha de emisión",
        ),
        (
            json!({ "booked_on": "2026-11-25" }),
            "booked_on",
            "no puede ser posterior a la fecha de emisión (21 de noviembre de 2026)",
        ),
        (json!({ "estimate_requested_on": "ayer" }), "estimate_requested_on", "escriba una fecha"),
    ];
    for (patch, path, says) in cases {
        refused_in_spanish(&book(), &request(&[patch]), path, says);
    }
}

#[test]
fn the_treatment_and_the_injection_dates() {
    let cases = [
        (json!({ "side": "izquierdo" }), "side", "elija el lado izquierdo o el derecho; es \"izquierdo\""),
        (json!({ "side": "" }), "side", "elija el lado tratado"),
        (json!({ "coverage": null }), "coverage", "elija cómo pagará el paciente"),
        (json!({ "answers": { "product": "" } }), "answers.product", "elija el producto"),
        (json!({ "answers": { "product": "vial" } }), "answers.product", "producto desconocido"),
        (json!({ "answers": { "condition": "gota" } }), "answers.condition", "afección desconocida"),
        (json!({ "answers": { "injections": "" } }), "answers.injections", "elija el número de inyecciones previstas"),
        (json!({ "answers": { "injections": "9" } }), "answers.injections", "debe ser de 1 a 3"),
        (
            json!({ "answers": { "injections": "not_sure" } }),
            "answers.injections",
            "una cotización necesita el número exacto de inyecciones previstas",
        ),
        (
            json!({ "answers": { "physical_therapy": { "coverage": "cash", "sessions": "typical" } } }),
            "answers.physical_therapy.sessions",
            "una cotización necesita el número exacto de sesiones previstas",
        ),
        (
            json!({ "answers": { "physical_therapy": { "coverage": "cash", "sessions": "" } } }),
            "answers.physical_therapy.sessions",
            "elija el número de sesiones",
        ),
        (
            json!({ "injections_up_to": "2" }),
            "injections_up_to",
            "escriba un número mayor que las 2 inyecciones previstas y como máximo 3, o déjelo en blanco; usted escribió \"2\"",
        ),
        (
            json!({ "answers": { "injections": "1" }, "scheduled_on": "2026-12-01",
                    "later_injections_on": ["2026-12-15"] }),
            "later_injections_on",
            "hay 1 inyección prevista, así que no hay ninguna inyección posterior que fechar",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["2026-12-15", "2026-12-29"] }),
            "later_injections_on",
            "hay 2 inyecciones previstas: como máximo 1 fecha posterior; hay 2",
        ),
        (
            json!({ "later_injections_on": ["2026-12-15"] }),
            "scheduled_on",
            "escriba la fecha de la primera inyección antes de las fechas de las inyecciones posteriores",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["2026-11-20"] }),
            "later_injections_on.0",
            "la inyección 2 no puede ser anterior a la fecha de emisión de la cotización (21 de noviembre de 2026); es el 20 de noviembre de 2026",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["2026-11-30"] }),
            "later_injections_on.0",
            "la inyección 2 no puede ser anterior a la inyección 1 (1 de diciembre de 2026); es el 30 de noviembre de 2026",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["15/12/2026"] }),
            "later_injections_on.0",
            "escriba una fecha como 2026-11-01",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["2027-03-01"] }),
            "later_injections_on.0",
            "el último día en que este estimado es válido",
        ),
    ];
    for (patch, path, says) in cases {
        refused_in_spanish(&book(), &request(&[patch]), path, says);
    }
}

#[test]
fn revisions_extras_and_the_staff_discount() {
    let cases = [
        (
            json!({ "replaces": [{ "quote_number": " ", "issued_on": "2026-11-10" }] }),
            "replaces.0.quote_number",
            "debe ser el número del documento que este reemplaza",
        ),
        (
            json!({ "replaces": [{ "quote_number": "GFE-1\u{7}", "issued_on": "2026-11-10" }] }),
            "replaces.0.quote_number",
            "tiene U+0007 en el carácter 6",
        ),
        (
            json!({ "replaces": [{ "quote_number": "GFE-1", "issued_on": "" }] }),
            "replaces.0.issued_on",
            "escriba la fecha",
        ),
        (
            json!({ "replaces": [{ "quote_number": "GFE-1", "issued_on": "2026-11-30" }] }),
            "replaces.0.issued_on",
            "la cotización que esta revisa se emitió el 30 de noviembre de 2026, después de hoy (21 de noviembre de 2026): revise la fecha de la computadora",
        ),
        (
            json!({ "replaces": [{ "quote_number": "GFE-2", "issued_on": "2026-11-10" },
                                 { "quote_number": "GFE-1", "issued_on": "2026-11-15" }] }),
            "replaces.1.issued_on",
            "no puede ser posterior al documento que lo reemplaza (10 de noviembre de 2026); es el 15 de noviembre de 2026",
        ),
        (json!({ "extras": { "masaje": "1" } }), "extras.masaje", "artículo desconocido: \"masaje\""),
        (
            json!({ "extras": { "follow_up": "21" } }),
            "extras.follow_up",
            "escriba un número entero de 0 a 20; usted escribió \"21\"",
        ),
        (
            json!({ "staff_discount": { "percent": "diez", "reason": "familiar" } }),
            "staff_discount.percent",
            "escriba un porcentaje de 0 a 100; usted escribió \"diez\"",
        ),
        (
            json!({ "staff_discount": { "amount": "12k", "reason": "familiar" } }),
            "staff_discount.amount",
            "escriba una cantidad como 1,500.00",
        ),
        (
            json!({ "staff_discount": { "amount": "2000000", "reason": "familiar" } }),
            "staff_discount.amount",
            "escriba $1,000,000.00 o menos; usted escribió \"2000000\"",
        ),
        (
            json!({ "staff_discount": { "percent": "10", "amount": "50", "reason": "familiar" } }),
            "staff_discount.amount",
            "escriba un porcentaje o una cantidad, no ambos",
        ),
        (
            json!({ "staff_discount": { "percent": "10", "reason": " " } }),
            "staff_discount.reason",
            "escriba el motivo del descuento del personal",
        ),
        (
            json!({ "staff_discount": { "percent": "10", "reason": "familiar\u{202D}" } }),
            "staff_discount.reason",
            "no debe contener caracteres de control",
        ),
        (
            json!({ "staff_discount": { "percent": "100", "reason": "ok" } }),
            "staff_discount.reason",
            "este descuento no deja ningún cargo de la clínica",
        ),
        (
            json!({ "coverage": "medicare", "staff_discount": { "percent": "10", "reason": "familiar" } }),
            "staff_discount.percent",
            "déjelo en blanco para un paciente de Medicare",
        ),
        (
            json!({ "coverage": "medicare", "prompt_pay": "included" }),
            "prompt_pay",
            "elija \"Sin descuento por pronto pago\"",
        ),
    ];
    for (patch, path, says) in cases {
        refused_in_spanish(&book(), &request(&[patch]), path, says);
    }

    // A price book with no prompt-pay discount has no choice to make.
    let mut no_prompt_pay = sample();
    no_prompt_pay["discounts"]
        .as_object_mut()
        .expect("discounts")
        .remove("prompt_pay");
    let no_prompt_pay = PriceBook::from_json(&no_prompt_pay.to_string()).expect("valid");
    refused_in_spanish(
        &no_prompt_pay,
        &request(&[json!({ "prompt_pay": "included" })]),
        "prompt_pay",
        "esta lista de precios no tiene descuento por pronto pago: deje la opción sin elegir",
    );
}

#[test]
fn the_therapy_provider() {
    let provider = |fields: Value| json!({ "therapy_provider": fields });
    let cases = [
        (
            json!({ "therapy_provider": { "name": "", "npi": "", "tin": "", "street": "", "city": "",
                                          "state": "", "zip": "" } }),
            "therapy_provider.partner",
            "elija el proveedor de fisioterapia",
        ),
        (json!({ "therapy_provider": { "partner": "ninguno" } }), "therapy_provider.partner", "proveedor desconocido: \"ninguno\""),
        (provider(json!({ "name": " " })), "therapy_provider.name", "escriba el nombre del proveedor de fisioterapia, tal como debe aparecer en el estimado"),
        (provider(json!({ "street": "" })), "therapy_provider.street", "escriba la calle y el número del proveedor"),
        (provider(json!({ "city": "" })), "therapy_provider.city", "escriba la ciudad del proveedor"),
        (provider(json!({ "city": "Aus\u{1b}tin" })), "therapy_provider.city", "tiene U+001B en el carácter 4"),
        // 1234567890: ten digits, but the check digit of 123456789 is 3.
        (
            provider(json!({ "npi": "1234567890" })),
            "therapy_provider.npi",
            "el último dígito no corresponde a los otros nueve: revise si hay un error al escribir \"1234567890\"",
        ),
        (provider(json!({ "npi": "12345" })), "therapy_provider.npi", "debe tener 10 dígitos; usted escribió \"12345\""),
        (provider(json!({ "npi": "" })), "therapy_provider.npi", "escriba el NPI del proveedor: 10 dígitos"),
        (
            provider(json!({ "tin": "98-76" })),
            "therapy_provider.tin",
            "debe tener 9 dígitos, como 123456789 o 12-3456789; usted escribió \"98-76\"",
        ),
        (
            provider(json!({ "state": "Texas" })),
            "therapy_provider.state",
            "escriba el código de dos letras del estado, como TX; usted escribió \"Texas\"",
        ),
        (
            provider(json!({ "zip": "7870" })),
            "therapy_provider.zip",
            "escriba un código postal (ZIP) como 78701 o 78701-1234; usted escribió \"7870\"",
        ),
        (
            provider(json!({ "evaluation_price": "" })),
            "therapy_provider.evaluation_price",
            "escriba el precio propio de este proveedor",
        ),
        (
            provider(json!({ "session_price": "-5" })),
            "therapy_provider.session_price",
            "escriba una cantidad de 0 o más",
        ),
        (
            provider(json!({ "session_price": "2000000" })),
            "therapy_provider.session_price",
            "escriba $1,000,000.00 o menos; usted escribió \"2000000\"",
        ),
        (
            json!({ "answers": { "physical_therapy": { "coverage": "insurance", "sessions": "8" } },
                    "therapy_provider": { "session_allowed": "" } }),
            "therapy_provider.session_allowed",
            "escriba lo que un plan suele permitir a este proveedor",
        ),
        (
            json!({ "answers": { "physical_therapy": { "coverage": "insurance", "sessions": "8",
                                                        "insurance": { "copay": "veinte" } } } }),
            "answers.physical_therapy.insurance.copay",
            "usted escribió \"veinte\"",
        ),
        (
            json!({ "coverage": "medicare" , "prompt_pay": "not_offered" }),
            "answers.physical_therapy.coverage",
            "elija Seguro para un paciente de Medicare",
        ),
    ];
    for (patch, path, says) in cases {
        refused_in_spanish(&book(), &request(&[typed_provider(), patch]), path, says);
    }
}

/// The English wording is the staff page's: one refusal of each kind, word for word, with dates
/// written as the document writes them; a year that cannot be is said as such.
#[test]
fn in_english_as_before() {
    let english = json!({ "answers": { "language": "en" } });
    let cases = [
        (json!({ "patient": { "name": "" } }), "patient.name: enter the patient's name"),
        (
            json!({ "patient": { "date_of_birth": "2027-01-02" } }),
            "patient.date_of_birth: must not be after the issue date (November 21, 2026)",
        ),
        (
            json!({ "scheduled_on": "2026-12-01", "later_injections_on": ["2026-11-30"] }),
            "later_injections_on.0: injection 2 cannot be before injection 1 (December 1, 2026); it is November 30, 2026",
        ),
        (
            json!({ "therapy_provider": { "zip": "7870" } }),
            "therapy_provider.zip: must be a ZIP code like 78701 or 78701-1234; it is \"7870\"",
        ),
        (
            json!({ "therapy_provider": { "npi": "12345" } }),
            "therapy_provider.npi: must be 10 digits; it is \"12345\"",
        ),
    ];
    let years = [
        (
            json!({ "patient": { "date_of_birth": "1880-03-04" } }),
            "patient.date_of_birth: the year 1880 cannot be right (a date from 1900 to 9999): check the year",
        ),
        (
            json!({ "scheduled_on": "12026-12-01" }),
            "scheduled_on: the year 12026 cannot be right (a date from 1900 to 9999): check the year",
        ),
        (
            json!({ "scheduled_on": "2027-02-30" }),
            "scheduled_on: there is no such day: February 2027 has 28 days; it is \"2027-02-30\"",
        ),
    ];
    for (patch, expected) in cases.into_iter().chain(years) {
        let request = request(&[typed_provider(), english.clone(), patch]);
        let error = quote(&book(), &request).expect_err(expected);
        let lines: Vec<String> = error.fields().iter().map(|f| f.to_string()).collect();
        assert_eq!(lines, [expected]);
    }
}
