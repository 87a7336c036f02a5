//! Extraction: responsibility holders, accountability conditions and sanctions, each tied
//! to its clause.
//!
//! Input: one [`DocTree`] and its [`SourceText`]; output: the contract's
//! [`Responsibility`], [`Condition`] and [`Sanction`] lists for that document.

use crate::model::{Accountability, Responsibility};
use crate::structure::DocTree;
use crate::text::SourceText;

/// What extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Responsibility statements.
    pub responsibilities: Vec<Responsibility>,
    /// Conditions and sanctions.
    pub accountability: Accountability,
}

/// Extract responsibilities and accountability from one document.
pub fn extract(_src: &SourceText, _doc: &DocTree) -> Extraction {
    Extraction::default()
}
