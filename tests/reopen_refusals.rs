//! Why a saved file is not reopened, in the page's language (billing walk-through: the Spanish
//! staff page gave these reasons in English). English stays as it was.

#![cfg(not(target_arch = "wasm32"))]

mod sample_book;

use amnion_estimator::language::Language;
use amnion_estimator::quote::{reopen, reopen_in, SavedQuote};
use amnion_estimator::read::Value;
use sample_book::{book, saved_quote};

/// The reasons `file` is refused for when opened on a page in `language`, as `path: reason`.
fn refused(file: &serde_json::Value, language: Language) -> Vec<String> {
    let value = Value::from_json(&file.to_string()).expect("JSON");
    let error = match SavedQuote::from_value_in(&value, language) {
        Err(error) => error,
        Ok(saved) => reopen_in(&saved, &book(), language).expect_err("refused"),
    };
    error.fields().iter().map(ToString::to_string).collect()
}

fn fixture(name: &str) -> serde_json::Value {
    serde_json::to_value(saved_quote(name)).expect("a saved quote")
}

#[test]
fn each_reason_a_file_is_not_reopened_is_said_in_spanish() {
    let good = fixture("format-2-extras-and-staff-discount.json");
    let number = good["quote_number"].as_str().expect("a number").to_owned();

    let mut newer = good.clone();
    newer["format"] = "amnion-estimator/quote/3".into();
    let mut backup = good.clone();
    backup["format"] = "amnion-estimator/register/1".into();
    let mut other = good.clone();
    other["format"] = "something/else".into();
    // One amount changed by hand: the content gives another number.
    let mut edited = good.clone();
    edited["price_book"]["products"][0]["price_cents"] = 120_100.into();
    let gives = refused(&edited, Language::English)[0]
        .split_whitespace()
        .nth(5)
        .expect("the number the content gives")
        .trim_end_matches(',')
        .to_owned();
    // A value of the wrong kind.
    let mut damaged = good.clone();
    damaged["request"]["therapy_elsewhere"] = "yes".into();
    // A format-1 file with later injection dates.
    let mut format_1 = fixture("extras-and-staff-discount.json");
    format_1["request"]["later_injections_on"] = serde_json::json!(["2026-12-15"]);

    let cases: [(&serde_json::Value, String); 6] = [
        (&newer, "format: este archivo lo guardó una versión más reciente del estimador (amnion-estimator/quote/3); esta página abre archivos amnion-estimator/quote/1 y amnion-estimator/quote/2".into()),
        (&backup, "format: esto es una copia de seguridad del registro, no una cotización guardada: impórtela con «Importar una copia de seguridad» en el registro".into()),
        (&other, "format: esto no es una cotización guardada de este estimador".into()),
        (&edited, format!("quote_number: el contenido del archivo da {gives}, no {number}: se modificó después de guardarlo")),
        (&damaged, "request.therapy_elsewhere: este valor no se puede leer: el archivo se modificó después de guardarlo, o está dañado".into()),
        (&format_1, "request.later_injections_on: un archivo amnion-estimator/quote/1 no tiene fechas de inyecciones posteriores: se modificó después de guardarlo".into()),
    ];
    for (file, spanish) in cases {
        assert_eq!(
            refused(file, Language::Spanish),
            std::slice::from_ref(&spanish)
        );
        // In English as before (one reason each, in English words).
        let english = refused(file, Language::English);
        assert_eq!(english.len(), 1, "{english:?}");
        assert_ne!(english[0], spanish);
    }
    assert_eq!(
        refused(&edited, Language::English),
        [format!(
            "quote_number: the file's content gives {gives}, not {number}: it was changed after saving"
        )]
    );
    // reopen is English.
    let saved: SavedQuote = serde_json::from_value(edited).expect("reads");
    assert!(reopen(&saved, &book())
        .expect_err("edited")
        .to_string()
        .contains("it was changed after saving"));
}
