//! Markers the structure stage left out. The structure stage confirms doubtful markers by
//! their numbering sequence, so a marker that breaks the sequence — exactly what a
//! numbering defect is — can be read as plain text. The lint puts back every well-formed
//! marker that starts a paragraph and sits among siblings of its style, so that the
//! sequence rules see what a reader sees.

use std::borrow::Cow;

use crate::structure::Style;
use crate::structure::marker::{can_start, parse_at};
use crate::structure::{DocTree, Node};
use crate::text::{MappedText, SourceText};

/// How far a put-back marker's number may be from its neighbour's (a line that starts
/// with `（九）` in a list at `（二）` is more likely a quotation than a sibling).
const NEAR: u32 = 3;

fn is_blank(c: char) -> bool {
    match c {
        ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{3000}' | '\u{FEFF}' => true,
        // Line breaks are no blanks; hanzi and everything else above U+3000 are none.
        c if c.is_ascii() || c > '\u{3000}' => false,
        c => c.is_whitespace(),
    }
}

/// Length in bytes of the blanks that start `s`.
fn blank_prefix(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_blank(c))
        .map_or(s.len(), |(i, _)| i)
}

/// A marker at the start of `s`, read through blanks that OCR put inside it (`（ 二）`,
/// `1 .`, `第 三 条`); the marker's text and length are those of the source.
fn parse_spaced(s: &str) -> Option<crate::structure::Marker> {
    // Blanks are read through, so the marker starts with the first character that is not
    // one; most positions fail on it.
    if !s[blank_prefix(s)..].chars().next().is_some_and(can_start) {
        return None;
    }
    if let Some(m) = parse_at(s) {
        return Some(m);
    }
    // The first few characters of the line: without a blank among them the squeezed copy
    // below is that prefix itself, with every byte in place.
    let mut head = 0;
    for (i, c) in s.char_indices().take(16) {
        if c == '\n' || c == '\r' {
            break;
        }
        if is_blank(c) {
            head = usize::MAX;
            break;
        }
        head = i + c.len_utf8();
    }
    if head != usize::MAX {
        let mut m = parse_at(&s[..head])?;
        m.len.checked_sub(1)?;
        m.text = s[..m.len].to_string();
        return Some(m);
    }
    // Squeeze the blanks out of the first few characters, remembering where each kept
    // character ends in `s`.
    let mut squeezed = String::new();
    let mut ends: Vec<usize> = Vec::new();
    for (i, c) in s.char_indices().take(16) {
        if c == '\n' || c == '\r' {
            break;
        }
        if is_blank(c) {
            continue;
        }
        squeezed.push(c);
        ends.extend(std::iter::repeat_n(i + c.len_utf8(), c.len_utf8()));
    }
    let mut m = parse_at(&squeezed)?;
    let len = *ends.get(m.len.checked_sub(1)?)?;
    m.text = s[..len].to_string();
    m.len = len;
    Some(m)
}

/// A well-formed marker the structure stage did not take.
#[derive(Debug, Clone)]
struct Cand {
    pos: usize,
    marker: crate::structure::Marker,
    inline: bool,
    /// Stands before the document's first clause (a 第一编 read as part of the title).
    before_first: bool,
}

/// The document's tree with the left-out markers added as clauses (in document order,
/// indices renumbered). Returns the tree itself when nothing was left out.
pub fn augment<'a>(src: &SourceText, doc: &'a DocTree) -> Cow<'a, DocTree> {
    let cands = candidates(src, doc);
    if cands.is_empty() {
        return Cow::Borrowed(doc);
    }
    let mut extra: Vec<Node> = Vec::new();
    let mut orphans: Vec<&Cand> = Vec::new();
    for c in &cands {
        match place(src, doc, c) {
            Some(node) => extra.push(node),
            None => orphans.push(c),
        }
    }
    extra.extend(new_lists(src, doc, &orphans));
    if extra.is_empty() {
        return Cow::Borrowed(doc);
    }
    Cow::Owned(rebuild(src, doc, extra))
}

/// Left-out markers: at the start of a paragraph, or inside a line after ；。： (after ，
/// for 一是) or a gap of blanks. Only the document's own lines are read: in a compilation
/// a unit heading of an earlier document is none of this one's.
fn candidates(src: &SourceText, doc: &DocTree) -> Vec<Cand> {
    let Some(first) = doc.nodes.first() else {
        return Vec::new();
    };
    let text = src.as_str();
    let mut taken: Vec<usize> = doc.nodes.iter().map(|n| n.start).collect();
    taken.sort_unstable();
    let mut out = Vec::new();
    let mut prev_end: Option<char> = None;
    let mut after_blank = true;
    let lines = doc.line_start.max(1)..=doc.line_end.min(src.line_count());
    for line in lines.map(|n| src.line(n)) {
        if line.start >= doc.end {
            break;
        }
        let raw = &text[line.start..line.end];
        let t = &raw[blank_prefix(raw)..];
        let body = t.trim_end_matches(is_blank);
        let pos = line.start + (raw.len() - t.len());
        let paragraph_start =
            after_blank || prev_end.is_some_and(|c| "。；;：:！？!?）)”".contains(c));
        if body.is_empty() {
            after_blank = true;
            continue;
        }
        after_blank = false;
        prev_end = body.chars().last();
        let before_first = line.start < first.start;
        // Only a 第X编/章/节 counts before the first clause.
        if before_first
            && !(t.starts_with('第')
                && matches!(
                    parse_at(t).map(|m| m.style.family()),
                    Some(Style::Part | Style::Chapter | Style::Section)
                ))
        {
            continue;
        }
        if paragraph_start
            && taken.binary_search(&pos).is_err()
            && let Some(m) = parse_spaced(t)
            // Something must follow the marker on its line (a bare `1.` is a page number).
            && !t[m.len..].trim_matches(is_blank).is_empty()
        {
            out.push(Cand {
                pos,
                marker: m,
                inline: false,
                before_first,
            });
        }
        if !before_first {
            inline_candidates(text, line.start, line.end, &taken, &mut out);
        }
    }
    out
}

/// Markers inside a line: after ；。： (after ， only for 一是), or after a gap of blanks.
fn inline_candidates(text: &str, start: usize, end: usize, taken: &[usize], out: &mut Vec<Cand>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    // Leading blanks open no gap: the scan starts after them.
    let mut off = blank_prefix(line);
    let mut prev_blank = false;
    while off < line.len() {
        if !prev_blank {
            // Nothing starts at a character that is neither a blank nor a mark (and does
            // not end a gap): go straight to the next one that may be.
            match next_blank_or_mark(&bytes[off..]) {
                Some(k) => off += k,
                None => break,
            }
        }
        let b = bytes[off];
        // A blank or a mark is ASCII or starts with one of these bytes; any other
        // character (hanzi above all) is neither and is stepped over undecoded.
        let c = if b < 0x80 {
            Some(char::from(b))
        } else if may_be_blank_or_mark(b) {
            line[off..].chars().next()
        } else {
            None
        };
        let at = off;
        off += c.map_or_else(|| utf8_width(b), char::len_utf8);
        let blank = c.is_some_and(is_blank);
        let gap_end = prev_blank && !blank;
        prev_blank = blank;
        let (pos, comma) = if gap_end {
            (start + at, false)
        } else if let Some(c @ ('；' | ';' | '。' | '：' | ':' | '，' | ',')) = c {
            (
                start + off + blank_prefix(&line[off..]),
                matches!(c, '，' | ','),
            )
        } else {
            continue;
        };
        // `pos` is at a character that is not a blank: most fail the marker's first test.
        if pos >= end
            || !text[pos..end].chars().next().is_some_and(can_start)
            || taken.binary_search(&pos).is_ok()
        {
            continue;
        }
        let Some(m) = parse_spaced(&text[pos..end]) else {
            continue;
        };
        let unit = matches!(
            m.style.family(),
            Style::Article | Style::Chapter | Style::Section | Style::Part
        );
        if unit || comma && m.style != Style::Shi {
            continue;
        }
        out.push(Cand {
            pos,
            marker: m,
            inline: true,
            before_first: false,
        });
    }
}

/// Whether a character whose UTF-8 form starts with the non-ASCII byte `lead` can be a
/// blank or one of the marks inline markers follow (U+0085, U+00A0, U+1680, U+2000–U+205F,
/// U+3000, 。, U+FEFF and the full-width ，：；).
fn may_be_blank_or_mark(lead: u8) -> bool {
    matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// Offset of the first byte of `bytes` that may start a blank or a mark.
fn next_blank_or_mark(bytes: &[u8]) -> Option<usize> {
    let may = |b: u8| b < 0x80 || may_be_blank_or_mark(b);
    let (blocks, rest) = bytes.as_chunks::<16>();
    for (k, block) in blocks.iter().enumerate() {
        // Test the whole block without branches (a few vector instructions), then look
        // for the byte in a block that has one.
        let any = block.iter().fold(0u8, |any, &b| {
            any | u8::from(b < 0x80)
                | u8::from(b == 0xC2)
                | u8::from(b == 0xE1)
                | u8::from(b == 0xE2)
                | u8::from(b == 0xE3)
                | u8::from(b == 0xEF)
        });
        if any != 0 {
            return block.iter().position(|&b| may(b)).map(|i| k * 16 + i);
        }
    }
    rest.iter()
        .position(|&b| may(b))
        .map(|i| blocks.len() * 16 + i)
}

/// Length of the UTF-8 sequence that starts with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// A clause for candidate `c`, placed among the siblings of its style family. An inline
/// candidate joins only an inline list (a sibling inline or on its line) or the list whose
/// next marker carries on from it.
fn place(src: &SourceText, doc: &DocTree, c: &Cand) -> Option<Node> {
    let (pos, m) = (c.pos, &c.marker);
    let fam = m.style.family();
    let same = |n: &&Node| n.style.family() == fam;
    let prev = doc.nodes.iter().filter(same).rfind(|n| n.start < pos);
    let next = doc.nodes.iter().filter(same).find(|n| n.start > pos);
    if c.before_first {
        // A unit heading taken for part of the title: it comes back as a top-level clause
        // when the next unit of its style carries on from it and no other has its number
        // (a table of contents repeats the body's).
        let repeated = doc.nodes.iter().filter(same).any(|n| n.number == m.number);
        return next
            .filter(|n| n.number == m.number + 1 && !repeated)
            .map(|_| node_at(src, pos, m, 1, None, false));
    }
    let within = |n: &Node| {
        n.parent.is_none_or(|p| {
            let p = &doc.nodes[p];
            pos >= p.start && pos < p.end.max(next_start(doc, p.start))
        })
    };
    let sibling = match (prev, next) {
        (Some(p), _) if within(p) => p,
        (_, Some(n)) if within(n) => n,
        _ => return None,
    };
    if sibling.number.abs_diff(m.number) > NEAR {
        return None;
    }
    let (line, _) = src.line_col(pos);
    if c.inline {
        let joins = sibling.inline
            || sibling.line == line
            || next.is_some_and(|n| n.number == m.number + 1 && n.line <= line + 2);
        if !joins {
            return None;
        }
    }
    Some(node_at(
        src,
        pos,
        m,
        sibling.level,
        sibling.parent,
        c.inline,
    ))
}

/// Decoded start of the first node after the one starting at `start` (or the text end).
fn next_start(doc: &DocTree, start: usize) -> usize {
    doc.nodes
        .iter()
        .map(|n| n.start)
        .find(|&s| s > start)
        .unwrap_or(doc.end)
}

/// Lists the structure stage left out whole: two or more left-out markers of one style,
/// numbered on from 2 or 3 (a run renumbered, or one whose first item lost its marker),
/// inside one clause. They hang under that clause.
fn new_lists(src: &SourceText, doc: &DocTree, orphans: &[&Cand]) -> Vec<Node> {
    let mut out = Vec::new();
    let container = |pos: usize| -> Option<usize> { doc.nodes.iter().rposition(|n| n.start < pos) };
    let mut i = 0;
    while i < orphans.len() {
        let first = orphans[i];
        let fam = first.marker.style.family();
        let parent = container(first.pos);
        let mut run = vec![first];
        for c in &orphans[i + 1..] {
            if c.marker.style.family() != fam {
                continue;
            }
            if container(c.pos) != parent || c.marker.number != run[run.len() - 1].marker.number + 1
            {
                break;
            }
            run.push(c);
        }
        let fits = run.len() >= 2
            && (2..=3).contains(&first.marker.number)
            && parent.is_some_and(|p| doc.nodes[p].style.family() != fam);
        if fits {
            let p = parent.unwrap_or(0);
            let level = doc.nodes[p].level + 1;
            for c in &run {
                out.push(node_at(src, c.pos, &c.marker, level, Some(p), c.inline));
            }
            i += 1;
            while i < orphans.len() && run.iter().any(|r| r.pos == orphans[i].pos) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn node_at(
    src: &SourceText,
    pos: usize,
    m: &crate::structure::Marker,
    level: u32,
    parent: Option<usize>,
    inline: bool,
) -> Node {
    let (line, column) = src.line_col(pos);
    let marker_end = pos + m.len;
    let line_end = src.line(line).end.max(marker_end);
    Node {
        marker: m.text.clone(),
        number: m.number,
        style: m.style,
        punct: m.punct,
        level,
        path: String::new(),
        parent,
        children: Vec::new(),
        start: pos,
        marker_end,
        end: line_end,
        line,
        column,
        inline,
        garbled: false,
        heading: None,
        own: MappedText::from_source(src.as_str(), marker_end, line_end),
    }
}

/// The arena with `extra` (whose `parent` fields index the old arena) merged in by
/// position, indices, children and paths recomputed.
fn rebuild(src: &SourceText, doc: &DocTree, extra: Vec<Node>) -> DocTree {
    let mut all: Vec<Node> = doc.nodes.clone();
    all.extend(extra);
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (all[i].start, i));
    let mut new_index = vec![0; all.len()];
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = k;
    }
    let mut nodes: Vec<Node> = order
        .iter()
        .map(|&i| {
            let mut n = all[i].clone();
            n.parent = n.parent.map(|p| new_index[p]);
            n.children.clear();
            n
        })
        .collect();
    for k in 0..nodes.len() {
        if let Some(p) = nodes[k].parent {
            nodes[p].children.push(k);
        }
    }
    // A put-back clause's text runs to the next marker.
    for k in 0..nodes.len() {
        if nodes[k].path.is_empty() {
            let end = nodes
                .get(k + 1)
                .map_or(doc.end, |n| n.start)
                .max(nodes[k].marker_end);
            nodes[k].end = end;
            nodes[k].own = MappedText::from_source(src.as_str(), nodes[k].marker_end, end);
            let comp = nodes[k].component();
            nodes[k].path = match nodes[k].parent {
                Some(p) => format!("{}/{comp}", nodes[p].path),
                None => comp,
            };
        }
    }
    DocTree {
        nodes,
        ..doc.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure;

    #[test]
    fn left_out_markers_come_back_in_order() {
        let text = "一、甲\n\n（一）子项。\n\n（二）子项。\n\n（三）子项。\n";
        let src = SourceText::from_utf8(text);
        let a = structure::analyse(&src);
        let mut doc = a.documents[0].clone();
        // Pretend the structure stage left （二） out.
        let two = doc.nodes.iter().position(|n| n.marker == "（二）").unwrap();
        let mut kept: Vec<Node> = Vec::new();
        for (i, n) in doc.nodes.iter().enumerate() {
            if i != two {
                let mut n = n.clone();
                n.children.retain(|&c| c != two);
                n.children = n
                    .children
                    .iter()
                    .map(|&c| if c > two { c - 1 } else { c })
                    .collect();
                n.parent = n.parent.map(|p| if p > two { p - 1 } else { p });
                kept.push(n);
            }
        }
        doc.nodes = kept;
        let aug = augment(&src, &doc);
        let markers: Vec<(&str, Option<usize>)> = aug
            .nodes
            .iter()
            .map(|n| (n.marker.as_str(), n.parent))
            .collect();
        assert_eq!(
            markers,
            vec![
                ("一、", None),
                ("（一）", Some(0)),
                ("（二）", Some(0)),
                ("（三）", Some(0))
            ]
        );
        assert_eq!(aug.nodes[0].children, vec![1, 2, 3]);
        assert_eq!(aug.nodes[2].path, "一/（二）");
    }

    #[test]
    fn spaced_markers_are_read_with_their_source_text() {
        let m = parse_spaced("（ 二）加强").unwrap();
        assert_eq!(
            (m.text.as_str(), m.number, m.len),
            ("（ 二）", 2, "（ 二）".len())
        );
        let m = parse_spaced("第 三 条 内容").unwrap();
        assert_eq!((m.text.as_str(), m.number), ("第 三 条", 3));
        assert!(parse_spaced("二 〇二三年").is_none());
    }

    #[test]
    fn blanks_and_marks_are_found_by_their_lead_byte() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert_eq!(utf8_width(lead), c.len_utf8(), "{c:?}");
            let blank = c.is_whitespace() && c != '\n' && c != '\r' || c == '\u{FEFF}';
            assert_eq!(is_blank(c), blank, "{c:?}");
            let special = blank || "；;。：:，,".contains(c);
            if special && !c.is_ascii() {
                assert!(may_be_blank_or_mark(lead), "{c:?}");
            }
        }
    }

    #[test]
    fn an_earlier_document_lends_no_markers() {
        // 第二章 of the first document numbers on into the second's 第三章, but it is no
        // part of the second document.
        let text = "汇编2篇\n\n篇一：《甲办法》\n\n甲办法\n\n第一章 总则\n\n\
                    第一条 为了甲，制定本办法。\n\n第二条 本办法适用于甲。\n\n第二章 附则\n\n\
                    第三条 本办法自发布之日起施行。\n\n篇二：《乙办法》\n\n乙办法\n\n\
                    第三章 管理\n\n第一条 乙应当管理。\n\n第二条 乙应当报告。\n\n\
                    第四章 附则\n\n第三条 本办法自发布之日起施行。\n";
        let src = SourceText::from_utf8(text);
        let a = structure::analyse(&src);
        assert_eq!(a.documents.len(), 2);
        let doc = &a.documents[1];
        let aug = augment(&src, doc);
        let markers: Vec<&str> = aug.nodes.iter().map(|n| n.marker.as_str()).collect();
        assert_eq!(markers[0], "第三章");
        assert_eq!(aug.nodes.len(), doc.nodes.len());
        let lint = crate::lint::check(&src, doc, &crate::lint::Config::default());
        for d in &lint.diagnostics {
            assert!(
                (doc.line_start..=doc.line_end).contains(&(d.line as usize)),
                "{d:?} lies outside lines {}..={}",
                doc.line_start,
                doc.line_end
            );
        }
    }

    #[test]
    fn continuation_lines_and_far_numbers_stay_out() {
        let text = "一、甲\n\n（一）子项，依照\n第五条规定办理。\n\n（二）子项。\n\n（九）引文。\n";
        let src = SourceText::from_utf8(text);
        let a = structure::analyse(&src);
        let doc = &a.documents[0];
        let aug = augment(&src, doc);
        assert!(aug.nodes.iter().all(|n| n.marker != "第五条"));
        assert_eq!(aug.nodes.len(), doc.nodes.len());
    }
}
