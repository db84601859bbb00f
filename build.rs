//! Sets `cfg(staff)`: whether this build carries the staff parts of the crate (quotes, Good Faith
//! Estimates, the price-book editor, and the parts of a price book only they read). Native builds
//! always do (the tests and `check-price-book` use everything); in wasm only the staff module,
//! built with the `staff` feature, does. The visitor's module is `not(staff)`. One spelling, here,
//! instead of `any(feature = "staff", not(target_arch = "wasm32"))` at every use (DESIGN.md, "Two
//! wasm modules").

fn main() {
    println!("cargo::rustc-check-cfg=cfg(staff)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let staff_feature = std::env::var_os("CARGO_FEATURE_STAFF").is_some();
    if staff_feature || !wasm {
        println!("cargo::rustc-cfg=staff");
    }
}
