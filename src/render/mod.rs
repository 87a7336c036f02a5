//! Printers for `gongwen check`: every format renders from the one [`Diagnostic`] type.
//!
//! - [`human`] — rustc-style snippets (annotate-snippets), the offending marker underlined
//!   and the expected one named; colour only when asked or on a terminal.
//! - [`json`] — one diagnostic per line, with `path` (and `profile`), per the contract.
//! - [`sarif`] — one SARIF 2.1.0 log for the whole run, for code-scanning viewers.

pub mod human;
pub mod json;
pub mod sarif;

use crate::model::Diagnostic;

/// The findings of one input file, as the printers see them.
#[derive(Debug, Clone, Copy)]
pub struct FileFindings<'a> {
    /// The input path as given or found while walking (`-` for standard input).
    pub path: &'a str,
    /// The findings, each with its document's profile filled in.
    pub diagnostics: &'a [Diagnostic],
}
