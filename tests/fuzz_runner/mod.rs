//! How the fuzz targets (`tests/fuzz.rs`, `tests/fuzz_documents.rs`) run: as `proptest!` runs a
//! test, with the case count from `FUZZ_CASES` and each target's cases per second printed.

use std::fmt::Debug;
use std::time::Instant;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseResult, TestRunner};

/// How many cases a fuzz target runs: `FUZZ_CASES` when it is set (`make fuzz CASES=1000000`),
/// else the target's own `default`, which keeps `cargo test` to a few seconds.
pub fn cases(default: u32) -> u32 {
    match std::env::var("FUZZ_CASES") {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_CASES must be a whole number, got {text:?}")),
        Err(_) => default,
    }
}

/// Runs `test` on [`cases`]`(default)` values of `strategy`, as `proptest!` would: the seeds saved
/// beside `source_file` (`tests/fuzz.rs` reads `tests/fuzz.proptest-regressions`) first, then new
/// cases, and a failure is shrunk and its seed saved there. Then prints the target's cases per
/// second, which `make fuzz` shows (it runs with `--nocapture`).
pub fn run<S>(
    source_file: &'static str,
    name: &'static str,
    default: u32,
    strategy: S,
    test: impl Fn(S::Value) -> TestCaseResult,
) where
    S: Strategy,
    S::Value: Debug,
{
    let cases = cases(default);
    let config = Config {
        cases,
        source_file: Some(source_file),
        test_name: Some(name),
        // Beside the target's source, named as the target (`tests/fuzz.rs`'s seeds in
        // `tests/fuzz.proptest-regressions`). proptest's default looks for the crate's `lib.rs` or
        // `main.rs` above the source to mirror its place; a target in `tests/` has none, so every
        // run warned that it could not find one before it fell back to this same file.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let started = Instant::now();
    let result = runner.run(&strategy, test);
    if let Err(failure) = result {
        panic!("{failure}\n{runner}");
    }
    let millis = started.elapsed().as_millis().max(1);
    eprintln!(
        "fuzz {name}: {cases} cases in {}.{:03} s, {} cases/s",
        millis / 1000,
        millis % 1000,
        u128::from(cases) * 1000 / millis
    );
}
