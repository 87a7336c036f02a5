//! Markers the structure stage left out. The structure stage confirms doubtful markers by
//! their numbering sequence, so a marker that breaks the sequence — exactly what a
//! numbering defect is — can be read as plain text. The lint puts back every well-formed
//! marker that starts a paragraph and sits among siblings of its style, so that the
//! sequence rules see what a reader sees.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::budget;
use crate::model::Stage;
use crate::normalize::is_inline_blank;
use crate::structure::Style;
use crate::structure::marker::{can_start, parse_at};
use crate::structure::refs;
use crate::structure::{DocTree, Node};
use crate::text::{MappedText, SourceText};

/// How far a put-back marker's number may be from its neighbour's (a line that starts
/// with `（九）` in a list at `（二）` is more likely a quotation than a sibling).
const NEAR: u32 = 3;

/// Length in bytes of the blanks that start `s`.
#[inline(always)]
fn blank_prefix(s: &str) -> usize {
    // Most strings start with a character that is no blank, and most such characters
    // tell so by their first byte.
    match s.as_bytes().first() {
        Some(&b) if may_start_blank(b) => blank_run(s),
        _ => 0,
    }
}

/// Length in bytes of the blanks that start `s`, character by character.
fn blank_run(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_inline_blank(c))
        .map_or(s.len(), |(i, _)| i)
}

/// Whether the number `m` read at the start of `s` is cited (`（四）、（五）项所列`,
/// `第五条规定的`) or is the subject of a sentence (`第七节相应改为第八节，`), not a marker.
fn cited(s: &str, m: &crate::structure::Marker) -> bool {
    let close = m.len - m.punct.map_or(0, char::len_utf8);
    let rest = &s[m.len..];
    let gap = rest.starts_with(is_inline_blank);
    m.style.is_bracketed() && refs::item_cited(&s[close..])
        || m.style.is_unit() && refs::unit_cited(rest, gap)
        || m.style.is_heading_unit() && refs::heading_in_prose(rest, gap)
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
        if is_inline_blank(c) {
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
        if is_inline_blank(c) {
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
    let index = Index::new(doc);
    let mut extra: Vec<Node> = Vec::new();
    let mut orphans: Vec<&Cand> = Vec::new();
    for c in &cands {
        budget::checkpoint(Stage::Lint);
        match place(src, &index, c) {
            Some(node) => extra.push(node),
            None => orphans.push(c),
        }
    }
    extra.extend(new_lists(src, &index, &orphans));
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
    // The lines from the first clause on, read for inline markers in one pass.
    let mut inline: Option<(usize, usize)> = None;
    let lines = doc.line_start.max(1)..=doc.line_end.min(src.line_count());
    for line in lines.map(|n| src.line(n)) {
        if line.start >= doc.end {
            break;
        }
        if line.start >= first.start {
            inline.get_or_insert((line.start, line.end)).1 = line.end;
        }
        let raw = &text[line.start..line.end];
        let t = &raw[blank_prefix(raw)..];
        let body = t.trim_end_matches(is_inline_blank);
        let pos = line.start + (raw.len() - t.len());
        let paragraph_start = after_blank
            || prev_end.is_some_and(|c| {
                matches!(
                    c,
                    '。' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?' | '）' | ')' | '”'
                )
            });
        if body.is_empty() {
            after_blank = true;
            continue;
        }
        after_blank = false;
        prev_end = body.chars().last();
        let before_first = line.start < first.start;
        // Only a 第X编/章/节 counts before the first clause, and none of a table of contents.
        if before_first
            && (!(t.starts_with('第') && parse_at(t).is_some_and(|m| m.style.is_heading_unit()))
                || doc.toc.is_some_and(|(a, b)| (a..=b).contains(&line.number)))
        {
            continue;
        }
        if paragraph_start
            && taken.binary_search(&pos).is_err()
            && let Some(m) = parse_spaced(t)
            // Something must follow the marker on its line (a bare `1.` is a page number).
            && !t[m.len..].trim_matches(is_inline_blank).is_empty()
            && !cited(t, &m)
        {
            out.push(Cand {
                pos,
                marker: m,
                inline: false,
                before_first,
            });
        }
    }
    let Some((from, to)) = inline else {
        return out;
    };
    let mut inl = Vec::new();
    inline_candidates(text, from, to, &taken, &mut inl);
    if inl.is_empty() {
        return out;
    }
    // Both in position order; a line's inline markers follow its start.
    let mut merged = Vec::with_capacity(out.len() + inl.len());
    let mut inl = inl.into_iter().peekable();
    for c in out {
        while let Some(i) = inl.next_if(|i| i.pos < c.pos) {
            merged.push(i);
        }
        merged.push(c);
    }
    merged.extend(inl);
    merged
}

/// Markers inside the lines of `text[from..to]` (whole lines): after ；。： (after ， only
/// for 一是), or after a gap of blanks.
fn inline_candidates(text: &str, from: usize, to: usize, taken: &[usize], out: &mut Vec<Cand>) {
    let bytes = &text.as_bytes()[..to];
    // Leading blanks open no gap: the scan of a line starts after them.
    let mut off = from + blank_prefix(&text[from..to]);
    let mut prev_blank = false;
    let mut stops = Stops::new(&bytes[from..]);
    // The end of the line being read, once a marker has asked for it (0: not yet).
    let mut line_end = 0;
    while off < to {
        if !prev_blank {
            // Nothing starts at a character that is neither a blank nor a mark (and does
            // not end a gap): go straight to the next one that may be.
            match stops.next_from(off - from) {
                Some(k) => off = from + k,
                None => break,
            }
        }
        let at = off;
        let (class, width) = class_at(bytes, at);
        off += width;
        if class == Class::Break {
            off += blank_prefix(&text[off..to]);
            prev_blank = false;
            continue;
        }
        let blank = class == Class::Blank;
        let gap_end = prev_blank && !blank;
        prev_blank = blank;
        let (pos, comma) = if gap_end {
            (at, false)
        } else if matches!(class, Class::Mark | Class::Comma) {
            (off + blank_prefix(&text[off..to]), class == Class::Comma)
        } else {
            continue;
        };
        // `pos` is at a character that is not a blank: most fail the marker's first test
        // (a line break among them).
        if pos >= to || !may_start_marker(bytes, pos) || !can_start(char_at(bytes, pos)) {
            continue;
        }
        // Taken already, or reached both after a mark and after the blanks that follow it
        // (`；　（三）`).
        if taken.binary_search(&pos).is_ok() || out.last().is_some_and(|c: &Cand| c.pos == pos) {
            continue;
        }
        if line_end <= pos {
            line_end = memchr::memchr2(b'\n', b'\r', &bytes[pos..]).map_or(to, |k| pos + k);
        }
        let Some(m) = parse_spaced(&text[pos..line_end]) else {
            continue;
        };
        if cited(&text[pos..line_end], &m) {
            continue;
        }
        if m.style.is_unit() || comma && m.style != Style::CnShi {
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

/// Whether the character at byte `i` of `bytes` may start a marker, by its first two
/// bytes: `(`, a digit, or a character whose form starts like 第 （ ０-９ ①-⑳ ㈠-㈩ or
/// a Chinese numeral ([`can_start`] decides).
#[inline(always)]
fn may_start_marker(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    if b < 0x80 {
        return b == b'(' || b.is_ascii_digit();
    }
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    matches!(
        (b, next),
        (0xE2, 0x91)
            | (0xE3, 0x80 | 0x88)
            | (0xE4, 0xB8..=0xBA)
            | (0xE5, 0x85 | 0x8D | 0x9B)
            | (0xE7, 0x99 | 0xAC)
            | (0xE9, 0x9B)
            | (0xEF, 0xBC)
    )
}

/// What a character is to the inline scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A blank ([`is_inline_blank`]).
    Blank,
    /// ；;。：: — an inline marker may follow.
    Mark,
    /// ，, — only 一是 may follow.
    Comma,
    /// A line break (\n or \r).
    Break,
    Other,
}

/// The class and the UTF-8 width of the character that starts at byte `i` of `bytes`
/// (valid UTF-8). Only the few lead bytes a blank or a mark can have are decoded.
#[inline(always)]
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let b = bytes[i];
    if b < 0x80 {
        let class = match b {
            b'\n' | b'\r' => Class::Break,
            b' ' | b'\t' | 0x0B | 0x0C => Class::Blank,
            b';' | b':' => Class::Mark,
            b',' => Class::Comma,
            _ => Class::Other,
        };
        return (class, 1);
    }
    let width = crate::normalize::utf8_len(b);
    if !may_be_blank_or_mark(b) {
        return (Class::Other, width);
    }
    // The bytes after the lead, as written (U+3002 。 is E3 80 82).
    let tail = match width {
        2 => u16::from(bytes[i + 1]),
        _ => u16::from_be_bytes([bytes[i + 1], bytes[i + 2]]),
    };
    let class = match (b, tail) {
        // ；： and 。
        (0xEF, 0xBC9B | 0xBC9A) | (0xE3, 0x8082) => Class::Mark,
        // ，
        (0xEF, 0xBC8C) => Class::Comma,
        // U+0085 U+00A0; U+1680; U+2000–U+200D U+2028 U+2029 U+202F U+205F U+2060; U+3000;
        // U+FEFF
        (0xC2, 0x85 | 0xA0)
        | (0xE1, 0x9A80)
        | (0xE2, 0x8080..=0x808D | 0x80A8 | 0x80A9 | 0x80AF | 0x819F | 0x81A0)
        | (0xE3, 0x8080)
        | (0xEF, 0xBBBF) => Class::Blank,
        _ => Class::Other,
    };
    (class, width)
}

/// Whether a character whose UTF-8 form starts with `lead` can be a blank.
fn may_start_blank(lead: u8) -> bool {
    matches!(lead, b' ' | b'\t' | 0x0B | 0x0C) || may_be_blank_or_mark(lead)
}

/// Whether a character whose UTF-8 form starts with the non-ASCII byte `lead` can be a
/// blank or one of the marks inline markers follow (U+0085, U+00A0, U+1680, U+2000–U+205F,
/// U+3000, 。, U+FEFF and the full-width ，：；).
fn may_be_blank_or_mark(lead: u8) -> bool {
    matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF)
}

/// The bytes of a text that may start a blank, a line break or a mark, 64 at a time as a
/// bit mask.
struct Stops<'a> {
    bytes: &'a [u8],
    /// Offset of the block `mask` describes.
    base: usize,
    /// Bit i: byte `base + i` may start a blank or a mark.
    mask: u64,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Stops {
            bytes,
            base: 0,
            mask: stop_mask(bytes, 0),
        }
    }

    /// Offset of the first stop at or after `off` (offsets only grow from call to call).
    fn next_from(&mut self, off: usize) -> Option<usize> {
        if off >= self.base + 64 {
            self.base = off & !63;
            self.mask = stop_mask(self.bytes, self.base);
        }
        let mut m = self.mask & (!0u64 << (off - self.base));
        while m == 0 {
            self.base += 64;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.mask = stop_mask(self.bytes, self.base);
            m = self.mask;
        }
        Some(self.base + m.trailing_zeros() as usize)
    }
}

/// Bit i set when byte `base + i` of `bytes` may start a blank, a line break or a mark
/// (an ASCII one or one of the lead bytes of [`may_be_blank_or_mark`]); none past the
/// end. Continuation bytes never do, so every bit is at a character's start.
fn stop_mask(bytes: &[u8], base: usize) -> u64 {
    // ASCII below `<` (blanks, line breaks, `,` `:` `;` and some others); the lead
    // bytes (0xE0 with them: rare, and one test fewer).
    let may = |b: u8| {
        u8::from(b < b'<') | u8::from(b == 0xC2) | u8::from(b & 0xFC == 0xE0) | u8::from(b == 0xEF)
    };
    let rest = &bytes[base.min(bytes.len())..];
    // A short last block is padded (the padding's bits are cleared below).
    let mut padded = [0u8; 64];
    let block = match rest.first_chunk::<64>() {
        Some(block) => block,
        None => {
            padded[..rest.len()].copy_from_slice(rest);
            &padded
        }
    };
    // The whole block without branches: vector compares, one byte 0 or 1 per byte.
    let mut flags = [0u8; 64];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = may(b);
    }
    // Eight flags (bytes 0 or 1) to eight bits: the product gathers flag i into bit
    // 56 + i, and no two partial products share a bit.
    let mut m = 0u64;
    for (k, word) in flags.as_chunks::<8>().0.iter().enumerate() {
        let w = u64::from_le_bytes(*word);
        m |= (w.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * k);
    }
    if rest.len() < 64 {
        m &= (1u64 << rest.len()) - 1;
    }
    m
}

/// The character that starts at byte `i` of `bytes` (valid UTF-8, `i` at a boundary).
#[inline]
fn char_at(bytes: &[u8], i: usize) -> char {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    let c = match b0 {
        0x00..=0x7F => b0,
        0x80..=0xDF => (b0 & 0x1F) << 6 | cont(1),
        0xE0..=0xEF => (b0 & 0x0F) << 12 | cont(1) << 6 | cont(2),
        _ => (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
    };
    char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The look-ups [`place`] and [`new_lists`] make, answered by binary search instead of a
/// walk over every node (a document with thousands of left-out markers stays linear).
/// The nodes are in document order, so their starts are sorted.
struct Index<'d> {
    doc: &'d DocTree,
    /// Every node's start, in node order.
    starts: Vec<usize>,
    /// The nodes of each style family, in order.
    by_family: HashMap<Style, Vec<usize>>,
    /// (family, number) of every node.
    numbers: HashSet<(Style, u32)>,
}

impl<'d> Index<'d> {
    fn new(doc: &'d DocTree) -> Self {
        let starts: Vec<usize> = doc.nodes.iter().map(|n| n.start).collect();
        debug_assert!(starts.is_sorted(), "nodes in document order");
        let mut by_family: HashMap<Style, Vec<usize>> = HashMap::new();
        let mut numbers = HashSet::new();
        for (i, n) in doc.nodes.iter().enumerate() {
            by_family.entry(n.style.family()).or_default().push(i);
            numbers.insert((n.style.family(), n.number));
        }
        Index {
            doc,
            starts,
            by_family,
            numbers,
        }
    }

    /// The last node of `fam` that starts before `pos`, and the first that starts after it.
    fn around(&self, fam: Style, pos: usize) -> (Option<&'d Node>, Option<&'d Node>) {
        let Some(list) = self.by_family.get(&fam) else {
            return (None, None);
        };
        let nodes = &self.doc.nodes;
        let before = list.partition_point(|&i| nodes[i].start < pos);
        let after = list.partition_point(|&i| nodes[i].start <= pos);
        (
            before.checked_sub(1).map(|k| &nodes[list[k]]),
            list.get(after).map(|&i| &nodes[i]),
        )
    }

    /// Start of the first node after the one starting at `start` (or the document's end).
    fn next_start(&self, start: usize) -> usize {
        let k = self.starts.partition_point(|&s| s <= start);
        self.starts.get(k).copied().unwrap_or(self.doc.end)
    }

    /// The last node that starts before `pos`.
    fn container(&self, pos: usize) -> Option<usize> {
        self.starts.partition_point(|&s| s < pos).checked_sub(1)
    }
}

/// A clause for candidate `c`, placed among the siblings of its style family. An inline
/// candidate joins only an inline list (a sibling inline or on its line) or the list whose
/// next marker carries on from it.
fn place(src: &SourceText, index: &Index, c: &Cand) -> Option<Node> {
    let doc = index.doc;
    let (pos, m) = (c.pos, &c.marker);
    let fam = m.style.family();
    let (prev, next) = index.around(fam, pos);
    if c.before_first {
        // A unit heading taken for part of the title: it comes back as a top-level clause
        // when the next unit of its style carries on from it and no other has its number
        // (a table of contents repeats the body's).
        let repeated = index.numbers.contains(&(fam, m.number));
        return next
            .filter(|n| n.number == m.number + 1 && !repeated)
            .map(|_| node_at(src, pos, m, 1, None, false));
    }
    let within = |n: &Node| {
        n.parent.is_none_or(|p| {
            let p = &doc.nodes[p];
            pos >= p.start && pos < p.end.max(index.next_start(p.start))
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

/// Lists the structure stage left out whole: two or more left-out markers of one style,
/// numbered on from 2 or 3 (a run renumbered, or one whose first item lost its marker),
/// inside one clause. They hang under that clause.
fn new_lists(src: &SourceText, index: &Index, orphans: &[&Cand]) -> Vec<Node> {
    let doc = index.doc;
    let containers: Vec<Option<usize>> = orphans.iter().map(|c| index.container(c.pos)).collect();
    // `link[i]`: the next orphan of the same style family when it carries the run on (same
    // clause, next number). A run is a chain of links, found in one pass from the end.
    let mut link: Vec<Option<usize>> = vec![None; orphans.len()];
    let mut next_of_family: HashMap<Style, usize> = HashMap::new();
    for i in (0..orphans.len()).rev() {
        let fam = orphans[i].marker.style.family();
        if let Some(j) = next_of_family.insert(fam, i)
            && containers[j] == containers[i]
            && orphans[j].marker.number == orphans[i].marker.number + 1
        {
            link[i] = Some(j);
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; orphans.len()];
    for i in 0..orphans.len() {
        let first = orphans[i];
        let fam = first.marker.style.family();
        let parent = containers[i];
        // Only a run from 2 or 3 fits, so at most two runs start in each chain.
        let fits = !used[i]
            && link[i].is_some()
            && (2..=3).contains(&first.marker.number)
            && parent.is_some_and(|p| doc.nodes[p].style.family() != fam);
        let Some(p) = parent.filter(|_| fits) else {
            continue;
        };
        let level = doc.nodes[p].level + 1;
        let mut k = Some(i);
        while let Some(j) = k {
            budget::checkpoint(Stage::Lint);
            let c = orphans[j];
            used[j] = true;
            out.push(node_at(src, c.pos, &c.marker, level, Some(p), c.inline));
            k = link[j];
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
    // The own text is left empty: [`rebuild`] cuts it once the neighbours are known (a
    // copy of the rest of the line per marker would be quadratic on a long line).
    Node {
        marker: m.text.clone(),
        number: m.number,
        insert: m.insert,
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
        own: MappedText::new(),
    }
}

/// The arena with `extra` (whose `parent` fields index the old arena) merged in by
/// position, indices, children and paths recomputed. The nodes are moved, not copied:
/// the document is cloned once.
fn rebuild(src: &SourceText, doc: &DocTree, extra: Vec<Node>) -> DocTree {
    let mut out = doc.clone();
    let mut all: Vec<Option<Node>> = std::mem::take(&mut out.nodes)
        .into_iter()
        .chain(extra)
        .map(Some)
        .collect();
    let starts: Vec<usize> = all.iter().flatten().map(|n| n.start).collect();
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (starts[i], i));
    let mut new_index = vec![0; all.len()];
    for (k, &i) in order.iter().enumerate() {
        new_index[i] = k;
    }
    let mut nodes: Vec<Node> = order
        .iter()
        .map(|&i| {
            let mut n = all[i].take().expect("each node is moved once");
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
            budget::checkpoint(Stage::Lint);
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
    out.nodes = nodes;
    out
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
            assert_eq!(crate::normalize::utf8_len(lead), c.len_utf8(), "{c:?}");
            let blank = is_inline_blank(c);
            let special = blank || "；;。：:，,".contains(c);
            if special && !c.is_ascii() {
                assert!(may_be_blank_or_mark(lead), "{c:?}");
            }
            assert!(!can_start(c) || may_start_marker(&buf, 0), "{c:?}");
            let class = if c == '\n' || c == '\r' {
                Class::Break
            } else if blank {
                Class::Blank
            } else if "，,".contains(c) {
                Class::Comma
            } else if special {
                Class::Mark
            } else {
                Class::Other
            };
            assert_eq!(class_at(&buf, 0), (class, c.len_utf8()), "{c:?}");
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
    fn stops_are_every_blank_or_mark_lead_in_order() {
        let piece = "加强管理，一是落实；（二）检查。 3.整改\u{3000}ａ,b:\u{A0}①\u{800}";
        for n in [0, 1, 3, 7, 20] {
            let line = piece.repeat(n);
            let bytes = line.as_bytes();
            let want: Vec<usize> = line
                .char_indices()
                .filter(|&(_, c)| {
                    c < '<'
                        || !c.is_ascii()
                            && matches!(c.to_string().as_bytes()[0], 0xC2 | 0xE0..=0xE3 | 0xEF)
                })
                .map(|(i, _)| i)
                .collect();
            let mut stops = Stops::new(bytes);
            let mut got = Vec::new();
            let mut off = 0;
            while let Some(k) = stops.next_from(off) {
                got.push(k);
                off = k + 1;
            }
            assert_eq!(got, want, "{n}");
            // Starting anywhere finds the next one.
            for from in 0..bytes.len() {
                let mut stops = Stops::new(bytes);
                let next = want.iter().copied().find(|&w| w >= from);
                assert_eq!(stops.next_from(from), next, "{n} {from}");
            }
            for (i, c) in line.char_indices() {
                assert_eq!(char_at(bytes, i), c);
            }
        }
    }

    /// Inline markers read line by line, character by character.
    fn inline_reference(text: &str) -> Vec<(usize, String)> {
        let src = SourceText::from_utf8(text);
        let mut out = Vec::new();
        for l in src.lines() {
            let line = &text[l.start..l.end];
            let mut prev_blank = false;
            let lead = blank_prefix(line);
            for (i, c) in line[lead..].char_indices() {
                let at = lead + i;
                let after = at + c.len_utf8();
                let blank = is_inline_blank(c);
                let gap_end = prev_blank && !blank;
                prev_blank = blank;
                let (pos, comma) = if gap_end {
                    (at, false)
                } else if "；;。：:，,".contains(c) {
                    (after + blank_prefix(&line[after..]), "，,".contains(c))
                } else {
                    continue;
                };
                if out.last().is_some_and(|(p, _)| *p == l.start + pos) {
                    continue;
                }
                if let Some(m) = parse_spaced(&line[pos..])
                    && !m.style.is_unit()
                    && !(comma && m.style != Style::CnShi)
                {
                    out.push((l.start + pos, m.text));
                }
            }
        }
        out
    }

    #[test]
    fn inline_markers_are_read_across_line_breaks() {
        for text in [
            "甲：1.乙；2.丙。\n丁，一是戊，二是己。\r\n（一）庚 （二）辛\r壬；3．癸\n",
            "　　要求：（一）甲；（二）乙；\u{3000}（三）丙。\n\n\n 1.丁 2.戊\u{A0}3.己",
            "一、总则。 二、 分则：第三条 不算；① 甲 ② 乙\r\n\r\n：（四）末",
        ] {
            let mut got = Vec::new();
            inline_candidates(text, 0, text.len(), &[], &mut got);
            let got: Vec<(usize, String)> =
                got.into_iter().map(|c| (c.pos, c.marker.text)).collect();
            assert_eq!(got, inline_reference(text), "{text:?}");
            assert!(!got.is_empty());
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
