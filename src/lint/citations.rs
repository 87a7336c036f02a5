//! `dangling-reference`: a reference to a clause of the same document that the document
//! does not have (本法第二十三条 after 第二十三条 was deleted, 前款 in a first 款, 第五款 of an
//! article with three). The references come resolved from [`crate::references`].

use super::rules;
use crate::model::Rule;
use crate::model::{Diagnostic, Reference};

/// One finding per unresolved reference to this document's own clauses.
pub fn check(refs: &[Reference], out: &mut Vec<Diagnostic>) {
    for r in refs.iter().filter(|r| r.document.is_none() && !r.resolved) {
        let what = match (&r.target, &r.target_part) {
            (Some(t), Some(p)) => format!("{} has no {p}", last(t)),
            (Some(t), None) => format!("{} has no such 款 before it", last(t)),
            (None, _) => "no such clause exists in this document".to_string(),
        };
        let mut d = super::finding(
            Rule::DanglingReference,
            r.line,
            r.column,
            format!(
                "`{}` refers to a clause of this document that does not exist: {what} ({})",
                r.text,
                rules::CITATION
            ),
        );
        d.found = Some(r.text.clone());
        d.clause_path = Some(r.clause_path.clone());
        out.push(d);
    }
}

/// The last component of a clause path.
fn last(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}
