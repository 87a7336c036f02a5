//! Numbering scopes: which markers the rules compare with which.
//!
//! A document's body is one scope. Each annex, schedule or note list is a scope of its own,
//! with numbering of its own: the list of attached files after `附件：` (`1．检查表 2．汇总表`),
//! the notes after `注：`, and the body of an annex from its `附件2` heading on. Markers
//! inside a quotation — the new text an amendment quotes (`将第四十二条修改为：“…（一）…”`) —
//! belong to another document and are in no scope at all.

use crate::normalize::{self, trim_start_markup};
use crate::structure::DocTree;
use crate::structure::annex::{Opener, opener};
use crate::structure::marker::{Ordinal, parse_at};
use crate::text::SourceText;

/// The longest line that is one entry of a list of attached files or notes.
const MAX_ENTRY_CHARS: usize = 60;

/// Where each node of a document stands.
#[derive(Debug, Clone, Default)]
pub struct Scopes {
    /// `scope[i]`: the scope of node `i` (0: the body; each annex its own number).
    pub scope: Vec<u32>,
    /// `listed[i]`: node `i` is an entry of a list of attached files or notes.
    pub listed: Vec<bool>,
    /// `quoted[i]`: node `i` stands inside a quotation.
    pub quoted: Vec<bool>,
}

/// The scopes of the nodes of `doc`.
pub fn of(src: &SourceText, doc: &DocTree) -> Scopes {
    let (scope, listed) = scopes(src, doc);
    Scopes {
        scope,
        listed,
        quoted: quoted(src, doc),
    }
}

/// Whether a line (trimmed) is one entry of a list of attached files or notes.
fn is_entry(t: &str) -> bool {
    parse_at(t).is_some_and(|m| !m.style.is_unit()) && t.chars().count() <= MAX_ENTRY_CHARS
}

/// Per node: its annex scope, and whether it is an entry of a list of files or notes.
/// Whether a line (trimmed) may be the wrapped tail of a list entry: short, and no marker.
fn is_wrapped_tail(t: &str) -> bool {
    parse_at(t).is_none() && t.chars().count() <= MAX_ENTRY_CHARS
}

fn scopes(src: &SourceText, doc: &DocTree) -> (Vec<u32>, Vec<bool>) {
    let text = src.as_str();
    // Decoded ranges of annexes with their scope, and of lists, in order.
    let mut ranges: Vec<(usize, usize, u32)> = Vec::new();
    let mut lists: Vec<(usize, usize)> = Vec::new();
    let mut next_scope = 0u32;
    // An open list: its start and the end of its last entry line.
    let mut list: Option<(usize, usize)> = None;
    let mut annex: Option<(usize, u32)> = None;
    let first = src.line_of(doc.start);
    for line in (first..=src.line_count()).map(|n| src.line(n)) {
        if line.start < doc.start {
            continue;
        }
        if line.start > doc.end {
            break;
        }
        let t = trim_start_markup(&text[line.start..line.end]);
        if t.is_empty() {
            // Blank lines neither open nor close a list.
            continue;
        }
        if let Some((start, last_end)) = list {
            if is_entry(t) {
                list = Some((start, line.end));
                continue;
            }
            // The wrapped tail of an entry (a long file name): the list goes on.
            if !is_wrapped_tail(t) || opener(t).is_some() {
                lists.push((start, last_end + 1));
                list = None;
            }
        }
        match opener(t) {
            Some(Opener::List) => list = Some((line.start, line.end)),
            Some(Opener::Annex) => {
                if let Some((start, id)) = annex.take() {
                    ranges.push((start, line.start, id));
                }
                next_scope += 1;
                annex = Some((line.start, next_scope));
            }
            None => {}
        }
    }
    let end = doc.end.max(doc.start) + 1;
    if let Some((start, last_end)) = list {
        lists.push((start, last_end + 1));
    }
    if let Some((start, id)) = annex {
        ranges.push((start, end, id));
    }
    // Both kinds of range are in order and do not overlap, like the nodes: one sweep each.
    let (mut r, mut l) = (0, 0);
    let mut scope = Vec::with_capacity(doc.nodes.len());
    let mut listed = Vec::with_capacity(doc.nodes.len());
    for n in &doc.nodes {
        while r < ranges.len() && ranges[r].1 <= n.start {
            r += 1;
        }
        while l < lists.len() && lists[l].1 <= n.start {
            l += 1;
        }
        scope.push(
            ranges
                .get(r)
                .filter(|&&(a, _, _)| a <= n.start)
                .map_or(0, |&(_, _, id)| id),
        );
        listed.push(lists.get(l).is_some_and(|&(a, _)| a <= n.start));
    }
    (scope, listed)
}

/// Words that announce the text of another document (`内容如下：`, `修改为：`).
const ANNOUNCE: &[&str] = &["如下：", "如下:", "修改为：", "修改为:"];

/// Nodes inside a quotation: a quotation that a node's text opens (`修改为：“…`) runs over
/// the nodes after it until it closes, but never past the opening node's own descendants.
/// A statute unit that announces another text (`增加一节…内容如下：`) followed by units
/// that do not carry on its own sequence (`第七节 …`, `第一百二十三条 …`) quotes them, up to
/// the unit that carries on (`第三十八条`).
fn quoted(src: &SourceText, doc: &DocTree) -> Vec<bool> {
    let text = src.as_str();
    let n = doc.nodes.len();
    let mut out = vec![false; n];
    let mut depth = 0usize;
    let mut opener: Option<usize> = None;
    let span = |i: usize| {
        let from = doc.nodes[i].start;
        let to = doc.nodes.get(i + 1).map_or(doc.end, |m| m.start).max(from);
        &text[from..to.min(text.len())]
    };
    let ordinal = |i: usize| Ordinal::new(doc.nodes[i].number, doc.nodes[i].insert);
    let mut block: Option<usize> = None;
    for i in 0..n {
        let node = &doc.nodes[i];
        if let Some(o) = block {
            let carries_on = node.style.family() == doc.nodes[o].style.family()
                && ordinal(i).follows(ordinal(o));
            if carries_on || !(node.style.is_unit() || node.parent.is_some_and(|p| out[p])) {
                block = None;
            } else {
                out[i] = true;
                continue;
            }
        }
        if node.style.is_unit()
            && ANNOUNCE
                .iter()
                .any(|w| normalize::trim_blanks(span(i)).ends_with(w))
            && doc.nodes.get(i + 1).is_some_and(|m| {
                m.style.is_unit()
                    && !(m.style.family() == node.style.family()
                        && ordinal(i + 1).follows(ordinal(i)))
            })
        {
            block = Some(i);
        }
        if let Some(o) = opener
            && !descends_from(doc, i, o)
        {
            depth = 0;
            opener = None;
        }
        out[i] = depth > 0;
        let from = doc.nodes[i].start;
        let to = doc.nodes.get(i + 1).map_or(doc.end, |m| m.start).max(from);
        // “ and ” are E2 80 9C and E2 80 9D: jump from one 0xE2 byte to the next.
        let b = &text.as_bytes()[from..to.min(text.len())];
        for k in memchr::memchr_iter(0xE2, b) {
            match b.get(k + 1..k + 3) {
                Some([0x80, 0x9C]) => depth += 1,
                Some([0x80, 0x9D]) => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if depth == 0 {
            opener = None;
        } else if opener.is_none() {
            opener = Some(i);
        }
    }
    out
}

/// Whether node `i` is a descendant of node `a`.
fn descends_from(doc: &DocTree, i: usize, a: usize) -> bool {
    let mut p = doc.nodes[i].parent;
    while let Some(q) = p {
        if q == a {
            return true;
        }
        p = doc.nodes[q].parent;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scopes_of(t: &str) -> Vec<(String, u32, bool, bool)> {
        let src = SourceText::from_utf8(t);
        let a = crate::structure::analyse(&src);
        let d = &a.documents[0];
        let s = of(&src, d);
        d.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.path.clone(), s.scope[i], s.quoted[i], s.listed[i]))
            .collect()
    }

    #[test]
    fn annex_lists_and_quotations_are_told_apart() {
        let t = "第一条 甲。\n\n第二条 乙。\n\n附件：1、登记表\n\n2、汇总表\n\n附件1\n\n一、填写说明\n\n二、报送要求\n";
        let got = scopes_of(t);
        let scope: Vec<(&str, u32, bool)> = got.iter().map(|g| (g.0.as_str(), g.1, g.3)).collect();
        // 第一条 第二条 | 1、 2、 | 一、 二、 (the structure stage ends the last article at
        // the first annex, and the list's last entry at the second, whose items stand at the
        // top; the scope tells them apart).
        assert_eq!(
            scope,
            vec![
                ("第一条", 0, false),
                ("第二条", 0, false),
                ("1", 0, true),
                ("2", 0, true),
                ("一", 1, false),
                ("二", 1, false)
            ]
        );
        let t = "一、修改某办法\n1.将第三条修改为：\n“有下列情形之一的，不予登记：\n（一）甲；\n（二）乙。”\n2.将第五条修改为：\n“丙。”\n";
        let got = scopes_of(t);
        let quoted: Vec<(&str, bool)> = got.iter().map(|g| (g.0.as_str(), g.2)).collect();
        assert_eq!(
            quoted,
            vec![
                ("一", false),
                ("一/1", false),
                ("一/1/（一）", true),
                ("一/1/（二）", true),
                ("一/2", false)
            ]
        );
    }
}
