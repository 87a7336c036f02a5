//! The `gongwen` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

/// mimalloc: the pipeline allocates many short-lived strings and vectors per clause, and
/// mimalloc serves them with less CPU than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match gongwen::cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("gongwen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
