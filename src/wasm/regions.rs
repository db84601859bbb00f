//! The page's result regions, as a handle's `update` receives them: a plain object whose
//! properties name the regions it renders (`{ breakdown, total, summary, ... }`). Each is an
//! element, an array of elements (the same result shown in several places, such as the total and
//! the phone bar's copy of it), or absent, and then that result is not shown or computed.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

pub(crate) struct Regions(JsValue);

impl Regions {
    pub(crate) fn new(regions: JsValue) -> Regions {
        Regions(regions)
    }

    /// The elements of the region `name`; none if the page did not pass it.
    pub(crate) fn elements(&self, name: &str) -> Vec<Element> {
        if !self.0.is_object() {
            return Vec::new();
        }
        let region = js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or_default();
        match region.dyn_into::<js_sys::Array>() {
            Ok(list) => list
                .iter()
                .filter_map(|item| item.dyn_into().ok())
                .collect(),
            Err(one) => one.dyn_into().into_iter().collect(),
        }
    }

    /// Whether the page passed any of the regions `names`.
    pub(crate) fn any(&self, names: &[&str]) -> bool {
        names.iter().any(|name| !self.elements(name).is_empty())
    }

    /// Sets the text of every element of the region `name`.
    pub(crate) fn text(&self, name: &str, text: &str) {
        for element in self.elements(name) {
            element.set_text_content(Some(text));
        }
    }

    /// Renders into every element of the region `name` with `render`.
    pub(crate) fn render(
        &self,
        name: &str,
        render: impl Fn(&Element) -> Result<(), JsValue>,
    ) -> Result<(), JsValue> {
        self.render_with(name, &render)
    }

    /// [`Regions::render`]'s loop, one copy for every kind of rendering.
    #[inline(never)]
    fn render_with(
        &self,
        name: &str,
        render: &dyn Fn(&Element) -> Result<(), JsValue>,
    ) -> Result<(), JsValue> {
        self.elements(name).iter().try_for_each(render)
    }
}
