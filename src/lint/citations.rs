//! `dangling-reference`: a reference to a clause of the same document that the document
//! does not have (本法第二十三条 after 第二十三条 was deleted, 前款 in a first 款, 第五款 of an
//! article with three). The references come resolved from [`crate::references`].
//!
//! An article that the clause tree lacks but whose marker opens a line of the file was lost
//! by the structure stage (a marker glued to a heading, a damaged sequence), not by the
//! drafter: a reference to it is no finding here.

use std::collections::HashSet;

use super::standards;
use crate::model::Rule;
use crate::model::{Diagnostic, Reference};
use crate::references::parse;
use crate::text::SourceText;

/// One finding per unresolved reference to this document's own clauses.
pub fn check(src: &SourceText, refs: &[Reference], out: &mut Vec<Diagnostic>) {
    let mut in_text: Option<HashSet<(u32, u32)>> = None;
    for r in refs.iter().filter(|r| r.document.is_none() && !r.resolved) {
        if r.target.is_none()
            && let Some(a) = parse::first_article(&r.text)
        {
            let markers = in_text.get_or_insert_with(|| {
                src.lines()
                    .filter_map(|l| parse::line_article(&src.as_str()[l.start..l.end]))
                    .collect()
            });
            if markers.contains(&a) {
                continue;
            }
        }
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
                standards::CITATION
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

#[cfg(test)]
mod tests {
    use crate::model::Rule;
    use crate::pipeline::{Options, process_str};

    fn dangling(text: &str) -> Vec<u64> {
        process_str("t.txt", text, &Options::default()).documents[0]
            .diagnostics
            .iter()
            .filter(|d| d.rule == Rule::DanglingReference)
            .map(|d| d.line)
            .collect()
    }

    #[test]
    fn a_deleted_article_dangles_and_one_in_the_text_does_not() {
        let deleted = "某县办法\n第一条 为了管理，制定本办法。\n第二条 按照第三条的规定登记。\n第四条 违反本办法第三条规定的，予以警告。\n";
        assert_eq!(dangling(deleted), vec![3, 4]);
        // 第二条之一 opens a line: whatever the clause tree makes of it, the article is there.
        let inserted = "某县办法\n第一条 为了管理，制定本办法。\n第二条 应当登记。\n第二条之一 应当束犬链。\n第三条 违反本办法第二条之一规定的，予以警告。\n";
        assert_eq!(dangling(inserted), Vec::<u64>::new());
    }

    #[test]
    fn a_missing_division_dangles_under_the_same_rule() {
        let code = "某市法典\n第一编 总则\n第一章 一般规定\n第一条 依照第二编第一章处理。\n第二编 分则\n第一章 程序\n第二条 依照第三编和本编第二章的规定处理。\n";
        assert_eq!(dangling(code), vec![7, 7]);
    }
}
