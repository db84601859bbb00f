//! Sets three cfgs, so that one spelling, here, stands in for a longer condition at every use
//! (DESIGN.md, "Why two wasm modules?" and "Why a visitor's module per language?"):
//! - `cfg(staff)`: this build carries the staff parts of the crate (quotes, Good Faith Estimates,
//!   the price-book editor, and the parts of a price book only they read). Native builds always do
//!   (the tests and `check-price-book` use everything); in wasm only the staff module, built with
//!   the `staff` feature, does. The visitor's modules are `not(staff)`.
//! - `cfg(english)` and `cfg(spanish)`: this build carries the English, the Spanish words the crate
//!   writes. Native builds and the staff module carry both. A visitor's module carries the
//!   languages its features name (`english`, `spanish`), and English when it names none.

fn main() {
    for cfg in ["staff", "english", "spanish"] {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
    }
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let staff = feature("STAFF") || !wasm;
    let spanish = staff || feature("SPANISH");
    let english = staff || feature("ENGLISH") || !spanish;
    for (cfg, set) in [("staff", staff), ("english", english), ("spanish", spanish)] {
        if set {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
