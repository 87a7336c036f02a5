//! Tables of contents: a run of 第X编/章/节 heading lines before the body that the body
//! repeats. Its lines are no clauses — they stay in the document's preamble — so that the
//! body's units keep their own paths (`第一章`, not `第一章#2`).

use std::ops::Range;

use super::detect::{Cand, Kind};
use super::marker::Ordinal;
use crate::normalize::is_blank;
use crate::text::SourceText;

/// The fewest entries a table of contents has when the body does not repeat its first
/// entry right after it.
const MIN_ENTRIES: usize = 3;

/// A heading unit's identity: its style family, its place and its heading text (blanks
/// dropped).
fn entry(src: &SourceText, c: &Cand) -> Option<(super::Style, Ordinal, String)> {
    let Kind::Marked {
        number,
        insert,
        style,
    } = c.kind
    else {
        return None;
    };
    if c.inline || !style.is_heading_unit() {
        return None;
    }
    let line = src.line(c.line);
    let text = src.as_str()[c.marker_end.min(line.end)..line.end]
        .chars()
        .filter(|&ch| !is_blank(ch))
        .collect();
    Some((style.family(), Ordinal::new(number, insert), text))
}

/// The candidates of a table of contents among `cands` (one segment, in order), if there
/// is one: the run of heading lines that opens the body (no article before it), when the
/// run itself starts over with its first entry (the body's first heading follows the
/// contents), or when it has at least [`MIN_ENTRIES`] entries and a later heading repeats
/// one of them, number and text.
pub(crate) fn find(src: &SourceText, cands: &[Cand]) -> Option<Range<usize>> {
    let first = cands.iter().position(|c| entry(src, c).is_some())?;
    let before_is_heading_only = cands[..first].iter().all(|c| match c.kind {
        Kind::Marked { style, .. } => style.is_heading_unit(),
        Kind::Garbled => false,
    });
    if !before_is_heading_only {
        return None;
    }
    let entries: Vec<(super::Style, Ordinal, String)> =
        cands[first..].iter().map_while(|c| entry(src, c)).collect();
    if entries.len() < 2 {
        return None;
    }
    if let Some(k) = entries[1..].iter().position(|e| *e == entries[0]) {
        return Some(first..first + 1 + k);
    }
    let end = first + entries.len();
    let repeated = cands[end..]
        .iter()
        .filter_map(|c| entry(src, c))
        .any(|e| entries.contains(&e));
    (entries.len() >= MIN_ENTRIES && repeated).then_some(first..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toc_lines(s: &str) -> Option<(usize, usize)> {
        let src = SourceText::from_utf8(s);
        let cands = crate::structure::detect::candidates_of(s);
        find(&src, &cands).map(|r| (cands[r.start].line, cands[r.end - 1].line))
    }

    #[test]
    fn contents_repeated_by_the_body_are_found() {
        let s = "某市条例\n目录\n第一章 总则\n第二章 管理\n第三章 附则\n第一章 总则\n第一条 甲。\n第二章 管理\n第二条 乙。\n第三章 附则\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((3, 5)));
        // The body's first heading lost its number: the later ones repeat the contents.
        let s = "某市条例\n第一章 总则\n第二章 管理\n第三章 附则\n总则\n第一条 甲。\n第二章 管理\n第二条 乙。\n第三章 附则\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((2, 4)));
    }

    #[test]
    fn headings_over_the_first_article_are_no_contents() {
        let s = "某法\n第一编 总则\n第一章 任务\n第一条 甲。\n第二章 管辖\n第二条 乙。\n第二编 分则\n第一章 立案\n第三条 丙。\n";
        assert_eq!(toc_lines(s), None);
        let s = "某市条例\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。\n";
        assert_eq!(toc_lines(s), None);
    }
}
