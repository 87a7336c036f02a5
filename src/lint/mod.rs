//! Lint: numbering QA findings over a document's clause tree (`gongwen check`).
//!
//! Input: one [`DocTree`]; output: [`Diagnostic`]s with rule names from the contract.

use crate::model::Diagnostic;
use crate::structure::DocTree;
use crate::text::SourceText;

/// Numbering findings for one document.
pub fn check(_src: &SourceText, _doc: &DocTree) -> Vec<Diagnostic> {
    Vec::new()
}
