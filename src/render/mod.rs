//! The printers of both commands, each rendering from the typed records of [`crate::model`]
//! (never from JSON read back).
//!
//! `extract`:
//! - [`records`] — JSON Lines (also the `--output` files and streaming mode), one JSON
//!   array, or the CSV tables of [`csv`] (responsibilities, conditions, sanctions).
//!
//! `check`, every format from the one [`crate::model::Diagnostic`] type:
//! - [`human`] — rustc-style snippets (annotate-snippets), the offending marker underlined
//!   and the expected one named; colour only when asked or on a terminal.
//! - [`json`] — one diagnostic per line, with `path` (and `profile`), per the contract.
//! - [`sarif`] — one SARIF 2.1.0 log for the whole run, for code-scanning viewers.

pub mod csv;
pub mod human;
pub mod json;
pub mod records;
pub mod sarif;
