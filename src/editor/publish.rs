//! Putting a book on the clinic's site, both ways: as a file whose name never changes
//! ([`FILE_NAME`]: the version is inside the book, so next month's change replaces one file and
//! edits no page), or inside the widget's own element ([`embed_code`]), for a page editor's HTML
//! block (WordPress's Custom HTML, a Squarespace code block, a Wix embed), where a price change is
//! edit, copy, paste, publish.

use crate::read::Value;

/// The name of every downloaded book, whatever its version: the name the site's lines give.
pub const FILE_NAME: &str = "price-book.json";

/// The code for a page of the clinic's site: the widget's script line from `folder` (where the
/// widget's folder is on that site, `/estimator/`, ending in `/`), then the widget's
/// element with `book` inside as JSON data (`<script type="application/json">`, which no browser
/// runs, so a strict Content Security Policy allows it). The widget then fetches no book.
///
/// After the book, inside the element, a paragraph with the clinic's phone ([`waiting_text`]):
/// the page shows it until the widget starts, which then covers it (the widget draws in its
/// shadow root, which shows none of the element's own content), and for good when the widget's
/// files are not on the site yet, so a page pasted before they are says whom to call instead of
/// nothing.
///
/// The JSON is [`script_data`]: no text in the book can end the script element early. The
/// warnings the clinic confirmed (`confirmed`) are left out: only the editor reads them, from the
/// downloaded file, and in the code they would be a quarter more to paste (the sample's, all
/// confirmed: about 5 KB of 20).
pub fn embed_code(book: &Value, folder: &str) -> String {
    let book = match book {
        Value::Object(entries) => Value::Object(
            entries
                .iter()
                .filter(|(key, _)| key != "confirmed")
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    };
    format!(
        "<script type=\"module\" src=\"{folder}estimator.js\"></script>\n\
         <amnion-estimator><script type=\"application/json\">{}</script><p>{}</p></amnion-estimator>\n",
        script_data(&book),
        waiting_text(&book)
    )
}

/// What the embed's paragraph says, as HTML text: `The cost estimate is loading. If it does not
/// appear, call Mesa Verde Foot & Ankle at (480) 555-0133 for a price.` (the clinic's name and
/// phone from `book`), true both while the widget starts and if it never does.
pub fn waiting_text(book: &Value) -> String {
    let clinic = |key: &str| match text_at(book, &["clinic", key]) {
        Some(text) if !text.trim().is_empty() => Some(text),
        _ => None,
    };
    let whom = match (clinic("name"), clinic("phone")) {
        (Some(name), Some(phone)) => format!("{name} at {phone}"),
        (Some(name), None) => name.to_owned(),
        _ => "the clinic".to_owned(),
    };
    let text =
        format!("The cost estimate is loading. If it does not appear, call {whom} for a price.");
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text at `path` in `value` (object keys, one after another), if there is text there.
fn text_at<'v>(value: &'v Value, path: &[&str]) -> Option<&'v str> {
    let found = path.iter().try_fold(value, |value, key| match value {
        Value::Object(entries) => entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value),
        _ => None,
    });
    match found {
        Some(Value::String(text)) => Some(text),
        _ => None,
    }
}

/// `book` as one line of JSON that is safe inside a `<script>` element: every `<`, `>` and `&` is
/// written `\u003c`, `\u003e`, `\u0026`, which JSON reads as the same characters. Without `<` no
/// text can close the element (`</script>`) or start a comment that hides its end (`<!--`), and
/// without `&` a page editor that decodes entities has none to decode. These characters can only
/// be inside strings (JSON's own syntax has none of them), so replacing them everywhere is exact.
pub fn script_data(book: &Value) -> String {
    // Serializing a value tree to a String cannot fail: every key is a string.
    let json = serde_json::to_string(book).unwrap_or_default();
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
