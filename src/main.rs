//! The `gongwen` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    match gongwen::cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("gongwen: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
