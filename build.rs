//! Sets two cfgs, so that one spelling, here, stands in for a longer condition at every use
//! (DESIGN.md, "Why two wasm modules?" and "Why a visitor's module per language?"):
//! - `cfg(staff)`: this build carries the staff parts of the crate (quotes, Good Faith Estimates,
//!   the price-book editor, and the parts of a price book only they read). Native builds always do
//!   (the tests and `check-price-book` use everything); in wasm only the staff module, built with
//!   the `staff` feature, does. The visitor's module is `not(staff)`.
//! - `cfg(spanish)`: this build carries the Spanish words the crate writes. Native builds and the
//!   staff module always do; the visitor's module only when built with the `spanish` feature, for
//!   pages with a Spanish widget. An English reader's module is `not(spanish)`.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(staff)");
    println!("cargo::rustc-check-cfg=cfg(spanish)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let staff = std::env::var_os("CARGO_FEATURE_STAFF").is_some() || !wasm;
    if staff {
        println!("cargo::rustc-cfg=staff");
    }
    if staff || std::env::var_os("CARGO_FEATURE_SPANISH").is_some() {
        println!("cargo::rustc-cfg=spanish");
    }
}
