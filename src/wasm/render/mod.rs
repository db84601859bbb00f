//! Builds page content with `web_sys`, as text nodes only.
//!
//! Every string goes in through `set_text_content`, never as HTML, so a price book label, a
//! patient's name or any other text cannot inject markup: safe by construction, not by escaping.

#[cfg(staff)]
pub(crate) mod bill;
pub(crate) mod estimate;
#[cfg(staff)]
pub(crate) mod good_faith_estimate;
pub(crate) mod payment;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// The error of a DOM call that does not fail for what is built here (known tag names, fresh
/// nodes). It has no values, so the `?` after such a call costs no code; if the browser threw
/// anyway, its exception goes to the page as it is (`or_throw`).
pub(crate) enum Never {}

impl From<Never> for JsValue {
    fn from(never: Never) -> JsValue {
        match never {}
    }
}

/// The value, or the browser's exception thrown on to the page.
fn or_throw<T>(result: Result<T, JsValue>) -> T {
    result.unwrap_or_else(|error| wasm_bindgen::throw_val(error))
}

/// Appends `child` to `parent`.
pub(crate) fn append(parent: &Element, child: &Element) -> Result<(), Never> {
    or_throw(parent.append_child(child));
    Ok(())
}

/// Sets the attribute `name` of `element` to `value`.
pub(crate) fn set_attribute(element: &Element, name: &str, value: &str) -> Result<(), Never> {
    or_throw(element.set_attribute(name, value));
    Ok(())
}

/// Replaces the children of `container` with one paragraph saying what to fix: what a region shows
/// in place of any amount while an answer it depends on is refused.
pub(crate) fn what_to_fix(container: &Element, text: &str) -> Result<(), JsValue> {
    let page = Page::of(container)?;
    let note = page.element("p", "what-to-fix", Some(text))?;
    container.replace_children_with_node_1(&note);
    Ok(())
}

pub(crate) struct Page(Document);

impl Page {
    /// `<tag class="class">text</tag>`; the text goes in as a text node.
    pub(crate) fn element(
        &self,
        tag: &str,
        class: &str,
        text: Option<&str>,
    ) -> Result<Element, Never> {
        let element = or_throw(self.0.create_element(tag));
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if let Some(text) = text {
            element.set_text_content(Some(text));
        }
        Ok(element)
    }

    /// Appends `<tag class="class">text</tag>` to `parent`.
    #[inline(never)]
    pub(crate) fn add(
        &self,
        parent: &Element,
        tag: &str,
        class: &str,
        text: &str,
    ) -> Result<(), Never> {
        append(parent, &self.element(tag, class, Some(text))?)
    }

    /// The page that `container` is in.
    pub(crate) fn of(container: &Element) -> Result<Page, JsValue> {
        let document = container
            .owner_document()
            .ok_or_else(|| JsValue::from_str("container is not in a document"))?;
        Ok(Page(document))
    }

    /// `<tag class="class">` holding `children`.
    #[cfg(staff)]
    pub(crate) fn holding(
        &self,
        tag: &str,
        class: &str,
        children: &[Element],
    ) -> Result<Element, JsValue> {
        let element = self.element(tag, class, None)?;
        for child in children {
            append(&element, child)?;
        }
        Ok(element)
    }
}
