//! Out-of-pocket cost estimates for amnion (amniotic tissue) injections for chronic foot and ankle
//! conditions, with optional physical therapy paid in cash or through insurance.
//!
//! The crate is a pure Rust core that `cargo test` builds natively, and one browser boundary
//! (`wasm`, built only for `wasm32`) that the page in `www/` loads:
//!
//! - [`money`]: cents, basis points and the named rounding rules;
//! - [`price_book`]: the clinic's prices and rules as validated data;
//! - [`estimate`]: the pricing rules, from a visitor's answers to itemized lines;
//! - [`payment`]: financing offers, HSA/FSA savings and a side-by-side comparison of scenarios;
//! - [`quote`]: billing staff's exact quotes and the Good Faith Estimate;
//! - `editor` (natively, and in the staff module): the price-book editor's form, checks and changes;
//! - [`read`]: reading price books and requests from JSON or JS values, every problem by path;
//! - [`calendar`]: dates for price books and quotes;
//! - [`language`]: English and Spanish texts;
//! - [`error`]: one error type whose messages name the field at fault;
//! - [`tally`]: counts of validations and estimates, for the benchmark.
//!
//! ```
//! use amnion_estimator::{estimate::{estimate, EstimateRequest}, price_book::PriceBook};
//!
//! let book = PriceBook::embedded_default()?;
//! let request: EstimateRequest = serde_json::from_str(
//!     r#"{ "condition": "ankle_osteoarthritis", "injections": "2", "walking_boot": true }"#,
//! )?;
//! let estimate = estimate(&book, &request)?;
//! let sum = estimate.low.lines.iter().map(|line| line.amount.cents.get()).sum::<i64>();
//! assert_eq!(estimate.low.patient_total.cents.get(), sum);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod calendar;
#[cfg(staff)]
pub mod editor;
pub mod error;
pub mod estimate;
pub mod language;
pub mod money;
pub mod payment;
pub mod price_book;
#[cfg(staff)]
pub mod quote;
pub mod read;
pub mod tally;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, FieldError};
