//! The `gongwen` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// mimalloc (the pipeline allocates many short-lived strings and vectors per clause, and
/// mimalloc serves them with less CPU than the system allocator), with each thread's
/// allocations counted: that is how the memory budget per input is enforced.
#[global_allocator]
static GLOBAL: gongwen::budget::CountingAlloc = gongwen::budget::CountingAlloc::COUNTING;

fn main() -> ExitCode {
    match gongwen::cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("gongwen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
