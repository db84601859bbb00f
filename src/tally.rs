//! How much work the module has done: counts of the expensive steps, price-book validations,
//! estimates and quotes, since the module started. The benchmark reads them (`make bench`) to show what one
//! keystroke costs; nothing else depends on them. A page runs one thread, so relaxed atomics are
//! plain counters.

use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;

static VALIDATIONS: AtomicU32 = AtomicU32::new(0);
static ESTIMATES: AtomicU32 = AtomicU32::new(0);
static QUOTES: AtomicU32 = AtomicU32::new(0);

/// The counts so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Price books validated ([`PriceBook::new`](crate::price_book::PriceBook::new)).
    pub validations: u32,
    /// Estimates made ([`estimate`](crate::estimate::estimate)), each breakdown of a range counted
    /// once with its estimate.
    pub estimates: u32,
    /// Quotes priced ([`quote`](crate::quote::quote)).
    pub quotes: u32,
}

/// The counts so far.
pub fn tally() -> Tally {
    Tally {
        validations: VALIDATIONS.load(Ordering::Relaxed),
        estimates: ESTIMATES.load(Ordering::Relaxed),
        quotes: QUOTES.load(Ordering::Relaxed),
    }
}

pub(crate) fn count_validation() {
    VALIDATIONS.fetch_add(1, Ordering::Relaxed);
}

pub(crate) fn count_estimate() {
    ESTIMATES.fetch_add(1, Ordering::Relaxed);
}

#[cfg(staff)]
pub(crate) fn count_quote() {
    QUOTES.fetch_add(1, Ordering::Relaxed);
}
