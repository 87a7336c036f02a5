//! Structure: the numbered clause hierarchy of each document in a file.
//!
//! Input is a [`SourceText`]; output is an [`Analysis`]: the documents found in the file,
//! each with its clauses as a flat arena of [`Node`]s in document order (tree links via
//! `parent`/`children`). Later stages (extraction, lint, output) read only these types.
//!
//! Sub-modules: [`annex`] tells the lines that open an annex or notes; [`bare`] finds headings that lost their number; [`marker`] recognises a marker at a position and reads its number;
//! [`refs`] tells cited numbers (`第三条规定的`, `第（三）、（四）项`) from markers; [`toc`]
//! finds a table of contents before the body;
//! [`detect`] finds marker candidates on compacted lines; [`documents`] marks boilerplate,
//! cuts compilations and finds titles; [`tree`] builds the hierarchy from the numbering
//! sequence.

pub mod annex;
pub mod bare;
pub mod detect;
pub mod documents;
pub mod marker;
pub mod refs;
pub mod toc;
pub mod tree;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use crate::budget;
use crate::model::{Diagnostic, Rule, Severity, Stage};
use crate::normalize::{self, Layout};
use crate::text::{MappedText, SourceText};
use detect::Cand;
use documents::Segment;
pub use marker::{Marker, Style};
use tree::Draft;

/// Everything the structure stage found in one file.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The documents in the file, in order.
    pub documents: Vec<DocTree>,
}

/// One document: its extent, title and clause tree.
#[derive(Debug, Clone, Default)]
pub struct DocTree {
    /// The title, when one was recognised.
    pub title: Option<String>,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line (1-based).
    pub line_end: usize,
    /// Decoded byte range of the document.
    pub start: usize,
    /// End of the document's decoded byte range.
    pub end: usize,
    /// The document's own text before its first marker (path `""`), cleaned.
    pub preamble: MappedText,
    /// Clauses in document order; `nodes[i].parent` is an index into this vector.
    pub nodes: Vec<Node>,
    /// Recovery notes (garbled markers, declared vs found document count, …).
    pub diagnostics: Vec<Diagnostic>,
    /// Heading lines without a number (`法律责任` where `第六章 法律责任` belongs), in order:
    /// no clauses, and no part of a clause's text.
    pub bare_headings: Vec<bare::BareHeading>,
    /// The lines of a table of contents before the body (first and last, 1-based): no
    /// clauses, part of the preamble.
    pub toc: Option<(usize, usize)>,
}

/// One clause.
#[derive(Debug, Clone)]
pub struct Node {
    /// The marker exactly as it stands in the source (spaces included).
    pub marker: String,
    /// The marker's number (recovered number for a garbled marker).
    pub number: u32,
    /// The N of an inserted unit `第X条之N` (0 for an ordinary marker).
    pub insert: u32,
    /// The numbering style.
    pub style: Style,
    /// The punctuation written right after the marker (、 . ． , ： …), if any.
    pub punct: Option<char>,
    /// 1-based depth in the document's hierarchy.
    pub level: u32,
    /// Path per the contract (`三/（二）`, `第一章/第八条`, with `#2` for repeats).
    pub path: String,
    /// Parent node index.
    pub parent: Option<usize>,
    /// Child node indices, in order.
    pub children: Vec<usize>,
    /// Decoded offset of the marker's first character.
    pub start: usize,
    /// Decoded offset just past the marker (and its punctuation).
    pub marker_end: usize,
    /// Decoded offset of the end of the clause's span (children included).
    pub end: usize,
    /// 1-based line of the marker.
    pub line: usize,
    /// 1-based column of the marker (characters).
    pub column: usize,
    /// True when the marker does not start its line.
    pub inline: bool,
    /// True when the marker was damaged and its number recovered from the sequence.
    pub garbled: bool,
    /// The clause's heading, if any.
    pub heading: Option<String>,
    /// The clause's own text (marker excluded, children excluded), cleaned: wrapped lines
    /// joined, OCR spaces removed; each byte maps back to the source.
    pub own: MappedText,
}

impl DocTree {
    /// Indices of the top-level nodes.
    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .map(|(i, _)| i)
    }
}

/// Analyse a whole file: boilerplate out, compilations cut into documents, candidates
/// detected on the compacted lines, the hierarchy built from the numbering sequence, and
/// each clause's cleaned own text and heading.
pub fn analyse(src: &SourceText) -> Analysis {
    let text = src.as_str();
    // Marker candidates are read off each line while it is measured; those of lines that
    // turn out to be boilerplate or separators are dropped below.
    let mut cands: Vec<Cand> = Vec::new();
    let mut layout = Layout::scan(src, |number, info, cl| {
        budget::checkpoint(Stage::Structure);
        detect::line_candidates(text, number, info, cl, &mut cands);
    });
    let header = documents::mark_boilerplate(src, &mut layout);
    let segments = documents::segments(src, &layout, &header.separators);
    let mut is_label = vec![false; layout.lines.len()];
    for s in &segments {
        if let Some(l) = s.label_line {
            is_label[l - 1] = true;
        }
    }

    // Per line: `None` when its candidates go, else whether it starts a paragraph (a
    // line-start marker is strong when the previous content line did not run on: a
    // hard-wrapped line ends without punctuation at full width).
    let mut starts_paragraph: Vec<Option<bool>> = vec![None; layout.lines.len()];
    let mut runs_on = false;
    for (i, info) in layout.lines.iter().enumerate() {
        if info.blank {
            continue;
        }
        if info.boilerplate || is_label[i] {
            runs_on = false;
            continue;
        }
        starts_paragraph[i] = Some(!runs_on);
        runs_on = !info.ends_final && layout.is_full(i + 1);
    }
    cands.retain_mut(|c| match starts_paragraph[c.line - 1] {
        None => false,
        Some(starts) => {
            if starts {
                c.start_paragraph();
            }
            true
        }
    });
    // A table of contents before a segment's body is no part of its tree.
    let mut in_toc = vec![false; cands.len()];
    let mut tocs: Vec<(usize, usize)> = Vec::new();
    for seg in &segments {
        let lo = cands.partition_point(|c| c.line < seg.first);
        let hi = cands.partition_point(|c| c.line <= seg.last);
        if let Some(r) = toc::find(src, &cands[lo..hi]) {
            in_toc[lo + r.start..lo + r.end].fill(true);
            tocs.push((cands[lo + r.start].line, cands[lo + r.end - 1].line));
        }
    }
    if in_toc.contains(&true) {
        let mut k = 0;
        cands.retain(|_| {
            k += 1;
            !in_toc[k - 1]
        });
    }

    // The hierarchy, segment by segment; a segment may split at a new title.
    let mut drafts: Vec<Placement> = Vec::new();
    for seg in &segments {
        let lo = cands.partition_point(|c| c.line < seg.first);
        let hi = cands.partition_point(|c| c.line <= seg.last);
        let seg_cands = &cands[lo..hi];
        let titles = TitleScan::new(seg.first);
        let title_between = |a: usize, b: usize| -> Option<usize> {
            titles.between(a, b, |n| documents::title_at(src, &layout, n).is_some())
        };
        let built = tree::build(seg_cands, &title_between);
        for (k, mut d) in built.into_iter().enumerate() {
            for p in &mut d.placed {
                p.cand += lo;
            }
            let first = if k == 0 {
                seg.first
            } else {
                d.title_line.unwrap_or(seg.first)
            };
            let label = if k == 0 { seg.label_line } else { None };
            let title = if k == 0 {
                first_title(src, &layout, seg)
            } else {
                documents::title_at(src, &layout, first)
            };
            drafts.push(Placement {
                first,
                last: seg.last,
                title,
                draft: d,
                label,
            });
        }
    }
    // A document ends where the next one of its segment begins.
    for i in 0..drafts.len() {
        if let Some(next_first) = drafts.get(i + 1).map(|d| d.first)
            && next_first > drafts[i].first
            && next_first <= drafts[i].last
        {
            let mut last = next_first - 1;
            while last > drafts[i].first
                && (layout.line(last).blank || layout.line(last).boilerplate)
            {
                last -= 1;
            }
            drafts[i].last = last;
        }
    }

    // Paragraphs need to know which lines start a clause.
    let mut starts_clause = vec![false; layout.lines.len()];
    for d in &drafts {
        for p in &d.draft.placed {
            let c = &cands[p.cand];
            if !c.inline {
                starts_clause[c.line - 1] = true;
            }
        }
    }
    layout.mark_paragraphs(&starts_clause);

    let mut docs: Vec<DocTree> = drafts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let toc = tocs
                .iter()
                .copied()
                .find(|&(a, _)| (p.first..=p.last).contains(&a));
            let mut d = assemble(src, &layout, &cands, p, i + 1);
            d.toc = toc;
            d
        })
        .collect();

    let found = docs.len();
    if let Some(declared) = header.declared
        && (declared != found
            || declared != segments.iter().filter(|s| s.label_line.is_some()).count())
        && let Some(d0) = docs.first_mut()
    {
        let labels = segments.iter().filter(|s| s.label_line.is_some()).count();
        d0.diagnostics.push(Diagnostic {
            path: None,
            rule: Rule::DocumentCount,
            severity: if declared == found {
                Severity::Info
            } else {
                Severity::Warning
            },
            message: format!(
                "the header declares {declared} documents; {labels} separators (篇X) and {found} documents were found"
            ),
            line: header.declared_line as u64,
            column: 1,
            expected: Some(declared.to_string()),
            found: Some(found.to_string()),
            standard: None,
            document: Some(1),
            clause_path: None,
            profile: None,
            locator: None,
        });
    }
    Analysis { documents: docs }
}

/// The first title line strictly between two lines of a segment, for the tree builder: it
/// asks at each restart of the numbering, with the last clause's line and the restart's
/// line both only moving forward, so the lines are read once in one forward walk (a file
/// of many unconfirmed restarts stays linear). A query that goes back reads its range
/// afresh.
#[derive(Debug)]
struct TitleScan {
    /// The segment's first line: titles are looked for after it.
    first: usize,
    /// Lines below this one have been read.
    scanned: Cell<usize>,
    /// The first title line read and not yet passed (no title lies between the start of
    /// the walk and it).
    next: Cell<Option<usize>>,
    /// The lowest line of the latest query.
    low: Cell<usize>,
}

impl TitleScan {
    fn new(first: usize) -> Self {
        TitleScan {
            first,
            scanned: Cell::new(0),
            next: Cell::new(None),
            low: Cell::new(0),
        }
    }

    /// The first line `n` with `a.max(first) < n < b` that `is_title` accepts.
    fn between(&self, a: usize, b: usize, is_title: impl Fn(usize) -> bool) -> Option<usize> {
        let lo = a.max(self.first) + 1;
        if lo < self.low.get() {
            return (lo..b).find(|&n| is_title(n));
        }
        self.low.set(lo);
        if let Some(t) = self.next.get() {
            if t >= lo {
                return (t < b).then_some(t);
            }
            self.next.set(None);
        }
        for n in self.scanned.get().max(lo)..b {
            if is_title(n) {
                self.scanned.set(n + 1);
                self.next.set(Some(n));
                return Some(n);
            }
        }
        self.scanned.set(self.scanned.get().max(b));
        None
    }
}

/// The title of a segment's first document: the separator's title, unless the text
/// itself starts with a different full title (a remnant of the separator's title keeps
/// the separator's).
fn first_title(src: &SourceText, layout: &Layout, seg: &Segment) -> Option<String> {
    let from = seg.label_line.map_or(seg.first, |l| l + 1);
    // A web copy's table of fields (索引号：…, 发文字号：…) stands above its title and does
    // not count among the lines looked at.
    let found = (from..=seg.last)
        .filter(|&n| !layout.line(n).blank && !layout.line(n).boilerplate)
        .filter(|&n| !documents::is_site_row(src, layout, n))
        .take(if seg.label_line.is_some() { 2 } else { 5 })
        .find_map(|n| documents::title_at(src, layout, n));
    let found = found.or_else(|| {
        (from..=seg.last)
            .find(|&n| !layout.line(n).blank && !layout.line(n).boilerplate)
            .and_then(|n| documents::dated_title(src, layout, n))
    });
    match (&seg.label_title, found) {
        (Some(label), Some(t)) if documents::ends_with_loose(label, &t) => Some(label.clone()),
        (_, Some(t)) => Some(t),
        (label, None) => label.clone(),
    }
}

/// A document's clauses with its place in the file, before assembly.
#[derive(Debug)]
struct Placement {
    /// First line.
    first: usize,
    /// Last content line.
    last: usize,
    /// Its title, if recognised.
    title: Option<String>,
    /// Its clauses.
    draft: Draft,
    /// Its 篇X separator line.
    label: Option<usize>,
}

/// Turn a draft into a document tree: nodes, own texts, headings, paths, diagnostics.
fn assemble(
    src: &SourceText,
    layout: &Layout,
    cands: &[Cand],
    p: Placement,
    index: usize,
) -> DocTree {
    let Placement {
        first,
        last,
        title,
        draft: d,
        label,
    } = p;
    let last = last.max(first);
    let start = layout.line(first).start;
    let end = layout.line(last).end.max(start);
    let placed: Vec<&Cand> = d.placed.iter().map(|p| &cands[p.cand]).collect();
    let bare_headings = bare::find(src, layout, &placed, first, last);
    let mut doc = DocTree {
        title,
        line_start: first,
        line_end: last,
        start,
        end,
        nodes: Vec::with_capacity(d.placed.len()),
        ..DocTree::default()
    };
    // An annex after the last article ends it: the clauses from there on are no part of
    // the body's tree (the annex's lists are its own, at the top). Each later annex ends
    // the clause before it in the same way, its lists its own.
    let annexes = annexes_after_articles(src, layout, cands, &d, last);
    // The annex a decoded offset lies in: 0 in the body, k in the k-th annex.
    let annex_of = |pos: usize| annexes.partition_point(|&a| a <= pos);
    for (i, p) in d.placed.iter().enumerate() {
        let c = &cands[p.cand];
        let in_annex = annex_of(c.start);
        let next = d.placed.get(i + 1).map_or(end, |q| cands[q.cand].start);
        let next = annexes
            .get(in_annex)
            .map_or(next, |&a| next.min(a))
            .max(c.marker_end);
        let (parent, level) = match p.parent {
            Some(q) if in_annex > 0 && annex_of(doc.nodes[q].start) != in_annex => (None, 1),
            Some(q) if in_annex > 0 => (Some(q), doc.nodes[q].level + 1),
            Some(_) | None => (p.parent, p.level),
        };
        // A heading without a number ends the clause before it (they are in line order).
        let k = bare_headings.partition_point(|h| layout.line(h.line).start <= c.marker_end);
        let next = bare_headings
            .get(k)
            .map(|h| layout.line(h.line).start)
            .filter(|&s| s < next)
            .unwrap_or(next);
        doc.nodes.push(Node {
            marker: c.text(src.as_str()).to_string(),
            number: p.number,
            insert: p.insert,
            style: p.style,
            punct: c.punct,
            level,
            path: String::new(),
            parent,
            children: Vec::new(),
            start: c.start,
            marker_end: c.marker_end,
            end: next,
            line: c.line,
            column: c.column,
            inline: c.inline,
            garbled: p.garbled,
            heading: None,
            own: MappedText::new(),
        });
        if let Some(par) = parent {
            doc.nodes[par].children.push(i);
        }
    }
    // Own texts. An item of an article's list ends with its paragraph when no item of the
    // same list follows: an unnumbered paragraph after the list (款, or the lead sentence
    // of a second list) belongs to the article, not to the item.
    let n = doc.nodes.len();
    let mut tails: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for i in 0..n {
        budget::checkpoint(Stage::Structure);
        let node = &doc.nodes[i];
        let (a, b) = (node.marker_end, node.end);
        let mut cut = b;
        if let Some(par) = node.parent
            && node.children.is_empty()
            && doc.nodes[par].style == Style::Article
            && node.style != Style::Article
            && doc.nodes.get(i + 1).is_none_or(|next| {
                next.parent != Some(par) || next.number == 1 || next.style != node.style
            })
            && let Some(pe) = paragraph_end(src, layout, a, b)
        {
            cut = pe;
            tails[par].push((pe, b));
        }
        let mut own = MappedText::new();
        normalize::clean_range_near(src, layout, node.line, a, cut, &mut own);
        doc.nodes[i].own = own;
        doc.nodes[i].end = cut;
    }
    for (i, t) in tails.iter().enumerate() {
        for &(a, b) in t {
            let mut own = std::mem::take(&mut doc.nodes[i].own);
            if !own.is_empty() && !own.as_str().ends_with('\n') {
                own.push_char('\n', a);
            }
            normalize::clean_range(src, layout, a, b, &mut own);
            doc.nodes[i].own = own;
            doc.nodes[i].end = doc.nodes[i].end.max(b);
        }
    }
    for node in &mut doc.nodes {
        node.heading = heading_of(node.style, node.own.as_str(), !node.children.is_empty());
    }
    let pre_start = label.map_or(start, |l| layout.line(l).end.min(end));
    let pre_end = doc.nodes.first().map_or(end, |f| f.start).max(pre_start);
    normalize::clean_range(src, layout, pre_start, pre_end, &mut doc.preamble);
    doc.bare_headings = bare_headings;
    finish_tree(&mut doc);
    for node in &doc.nodes {
        if node.garbled {
            let expected = node.style.render(node.number);
            doc.diagnostics.push(Diagnostic {
                path: None,
                rule: Rule::GarbledMarker,
                severity: Severity::Warning,
                message: format!(
                    "`{}` is a damaged marker; its sequence says it is {expected}",
                    node.marker
                ),
                line: node.line as u64,
                column: node.column as u64,
                expected: Some(expected),
                found: Some(node.marker.clone()),
                standard: None,
                document: Some(index as u32),
                clause_path: Some(node.path.clone()),
                profile: None,
                locator: None,
            });
        }
    }
    doc
}

/// Decoded offsets of the lines that open an annex after the last article of a document
/// (`附件：1．…`, `附：…表`, `附录`, `附件2` at the start of a paragraph), in order; empty when
/// the document has no articles or no such annex.
fn annexes_after_articles(
    src: &SourceText,
    layout: &Layout,
    cands: &[Cand],
    d: &Draft,
    last: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(article) = d.placed.iter().rev().find(|p| p.style == Style::Article) else {
        return out;
    };
    let from = cands[article.cand].line;
    let text = src.as_str();
    let mut runs_on = false;
    for n in from..=last {
        let info = layout.line(n);
        if info.blank || info.boilerplate {
            continue;
        }
        if n > from && !runs_on {
            let t = normalize::trim_start_markup(&text[info.start..info.end]);
            if annex::opens_annex(t) {
                out.push(info.start);
            }
        }
        runs_on = !info.ends_final && layout.is_full(n);
    }
    out
}

/// Decoded offset of the end of the paragraph that starts at `a`, when that paragraph ends
/// before `b` and content follows it.
fn paragraph_end(src: &SourceText, layout: &Layout, a: usize, b: usize) -> Option<usize> {
    let first = src.line_of(a);
    let last = src.line_of(b.saturating_sub(1));
    let mut l = first;
    while l < last && !layout.line(l).para_end {
        l += 1;
    }
    let pe = layout.line(l).end;
    let rest_has_text = (l + 1..=last).any(|k| {
        let li = layout.line(k);
        !li.blank && !li.boilerplate && li.start < b
    });
    (pe < b && rest_has_text).then_some(pe)
}

/// The heading of a clause, from its own text: 第一章 总则 → 总则; （一）重大意义。… →
/// 重大意义; 一、总体要求 → 总体要求. A clause with children may be a heading sentence alone
/// （二）丰富服务内容。.
fn heading_of(style: Style, own: &str, has_children: bool) -> Option<String> {
    let line_end = memchr::memchr(b'\n', own.as_bytes());
    let more_lines = line_end.is_some();
    let first = normalize::trim_blanks(&own[..line_end.unwrap_or(own.len())]);
    if first.is_empty() {
        return None;
    }
    // Lengths are only compared with 30 or less: count no further than 31 characters, and
    // not at all past 120 bytes (more than 30 characters of at most 4 bytes).
    let chars = if first.len() > 120 {
        31
    } else {
        count_chars(first).min(31)
    };
    let punct = |s: &str| holds_punct(s, true);
    match style {
        Style::Part | Style::Subpart | Style::Chapter | Style::Section => {
            // A heading wrapped over two lines (`第五章 对审判活动` / `与执行活动的监督`) is one.
            let whole: String = own.split('\n').map(normalize::trim_blanks).collect();
            if more_lines && count_chars(&whole) <= 30 && !whole.contains('。') {
                return Some(whole);
            }
            (chars <= 30 && !first.contains('。')).then(|| first.to_string())
        }
        Style::Article => {
            if let Some(r) = first.strip_prefix(['【', '[']) {
                return r.split(['】', ']']).next().map(str::to_string);
            }
            (more_lines && chars <= 16 && !punct(first)).then(|| first.to_string())
        }
        Style::CnDun
        | Style::CnParen
        | Style::CnParenHalf
        | Style::Arabic
        | Style::ArabicParen
        | Style::ArabicParenHalf
        | Style::Circled
        | Style::ParenIdeograph
        | Style::CnShi => {
            if chars <= 30 && !punct(first) {
                return Some(first.to_string());
            }
            // A heading sentence: its 。 comes within the first 31 characters, so within the
            // first 124 bytes.
            let head = &first[..crate::text::floor_char_boundary(first, 124)];
            let end = head.find('。')?;
            let h = &first[..end];
            // `h` is at most 124 bytes long.
            let hc = count_chars(h).min(31);
            let more = end + '。'.len_utf8() < first.len() || has_children;
            (hc > 0 && hc <= 30 && !holds_punct(h, false) && more).then(|| h.to_string())
        }
    }
}

/// Number of characters in `s`: its bytes that are not UTF-8 continuation bytes
/// (`10xxxxxx`), counted eight at a time.
fn count_chars(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (words, rest) = s.as_bytes().as_chunks::<8>();
    let mut continuation = 0;
    for w in words {
        let w = u64::from_le_bytes(*w);
        // Bit 7 of each byte that has bit 7 set and bit 6 clear; their sum in the top byte.
        let m = w & !(w << 1) & HIGH;
        continuation += ((m >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    }
    continuation += rest.iter().filter(|&&b| (b as i8) < -0x40).count();
    s.len() - continuation
}

/// Where [`holds_punct`] stops: the bytes that lead its punctuation.
static PUNCT_STEP: [u8; 256] = {
    let mut stop = [false; 256];
    stop[b',' as usize] = true;
    stop[b';' as usize] = true;
    stop[b':' as usize] = true;
    stop[0xE3] = true;
    stop[0xEF] = true;
    normalize::step_table(&stop)
};

/// Whether `s` holds sentence punctuation, told by its UTF-8 bytes: with `all`, one of
/// `，,。；;：:！？、`, else one of `；;：:`.
fn holds_punct(s: &str, all: bool) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = normalize::next_lead(b, from, &PUNCT_STEP) {
        let tail = (b.get(i + 1).copied(), b.get(i + 2).copied());
        let found = match b[i] {
            b';' | b':' => true,
            b',' => all,
            // 、 。
            0xE3 => all && matches!(tail, (Some(0x80), Some(0x81 | 0x82))),
            // ： ； and ！ ， ？
            0xEF => match tail {
                (Some(0xBC), Some(0x9A | 0x9B)) => true,
                (Some(0xBC), Some(0x81 | 0x8C | 0x9F)) => all,
                _ => false,
            },
            _ => false,
        };
        if found {
            return true;
        }
        from = i + 1;
    }
    false
}

/// Compute paths (with `#n` for a repeated component under one parent) and span ends
/// (a parent's span runs to the end of its last descendant). Nodes' `children` must list
/// the nodes whose `parent` they are, in order.
pub fn finish_tree(doc: &mut DocTree) {
    let n = doc.nodes.len();
    let comps: Vec<Cow<'_, str>> = doc.nodes.iter().map(Node::component_str).collect();
    // `repeat[i]`: 1 + the number of earlier siblings of node `i` with its component.
    let mut repeat = vec![1usize; n];
    let roots: Vec<usize> = doc.roots().collect();
    let mut last = HashMap::new();
    for kids in std::iter::once(&roots).chain(doc.nodes.iter().map(|n| &n.children)) {
        if kids.len() >= 2 {
            count_repeats(kids, &comps, &mut repeat, &mut last);
        }
    }
    // A parent comes before its children, so its path is known when theirs is made.
    let mut paths: Vec<String> = Vec::with_capacity(n);
    for (i, comp) in comps.iter().enumerate() {
        let parent = doc.nodes[i].parent;
        let parent_path = parent.map_or("", |p| paths[p].as_str());
        let mut path = String::with_capacity(parent_path.len() + comp.len() + 4);
        if parent.is_some() {
            path.push_str(parent_path);
            path.push('/');
        }
        path.push_str(comp);
        if repeat[i] > 1 {
            path.push('#');
            path.push_str(&repeat[i].to_string());
        }
        paths.push(path);
    }
    drop(comps);
    for (node, path) in doc.nodes.iter_mut().zip(paths) {
        node.path = path;
    }
    for i in (0..n).rev() {
        if let Some(p) = doc.nodes[i].parent {
            let e = doc.nodes[i].end;
            if e > doc.nodes[p].end {
                doc.nodes[p].end = e;
            }
        }
    }
}

/// For each of the siblings `kids`, in order: 1 + the number of earlier ones with its
/// component (into `repeat`). `last` is scratch: a component's latest sibling.
fn count_repeats<'c>(
    kids: &[usize],
    comps: &'c [Cow<'_, str>],
    repeat: &mut [usize],
    last: &mut HashMap<&'c str, usize>,
) {
    last.clear();
    for &k in kids {
        if let Some(prev) = last.insert(&comps[k], k) {
            repeat[k] = repeat[prev] + 1;
        }
    }
}

/// `s` without the punctuation that may follow a marker's number (、 . ．) at its end.
fn trim_marker_punct(s: &str) -> &str {
    let mut s = s;
    while let Some(t) = s
        .strip_suffix('、')
        .or_else(|| s.strip_suffix('.'))
        .or_else(|| s.strip_suffix('．'))
    {
        s = t;
    }
    s
}

impl Node {
    /// The path component of this node: the marker without blanks and without a
    /// trailing 、 . ． (a garbled marker uses the component it should have).
    pub fn component(&self) -> String {
        self.component_str().into_owned()
    }

    /// [`Node::component`], borrowed from the marker when it holds no blank.
    fn component_str(&self) -> Cow<'_, str> {
        if self.garbled {
            return Cow::Owned(self.style.render(self.number));
        }
        if !normalize::holds_blank(&self.marker) {
            return Cow::Borrowed(trim_marker_punct(&self.marker));
        }
        let mut c = String::with_capacity(self.marker.len());
        c.extend(self.marker.chars().filter(|&c| !normalize::is_blank(c)));
        c.truncate(trim_marker_punct(&c).len());
        Cow::Owned(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(s: &str) -> Vec<DocTree> {
        analyse(&SourceText::from_utf8(s)).documents
    }

    fn paths(d: &DocTree) -> Vec<(&str, &str, u32, usize)> {
        d.nodes
            .iter()
            .map(|n| (n.marker.as_str(), n.path.as_str(), n.level, n.line))
            .collect()
    }

    #[test]
    fn the_title_scan_answers_like_a_scan_of_each_range() {
        // Titles on every line whose number is a multiple of 7 or 11; queries mostly move
        // forward, some go back.
        let is_title = |n: usize| n.is_multiple_of(7) || n.is_multiple_of(11);
        let mut seed = 12345u64;
        let mut next = |m: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % m
        };
        for first in [0, 3, 30] {
            let scan = TitleScan::new(first);
            let (mut a, mut b) = (0usize, 1usize);
            for _ in 0..2000 {
                if next(10) == 0 {
                    a = a.saturating_sub(next(20));
                } else {
                    a += next(4);
                }
                b = b.max(a + 1) + next(6);
                let want = (a.max(first) + 1..b).find(|&n| is_title(n));
                assert_eq!(scan.between(a, b, is_title), want, "{first} {a} {b}");
            }
        }
    }

    #[test]
    fn headings_come_from_the_clause_text() {
        let d = &docs(
            "第一章 总 则\n第一条 为了规范管理，制定本办法。\n一、总体要求\n（一）重大意义。做好这项工作十分重要。\n（二）基本原则。\n1.坚持统筹。\n2.坚持分类。",
        )[0];
        let h: Vec<Option<&str>> = d.nodes.iter().map(|n| n.heading.as_deref()).collect();
        assert_eq!(
            h,
            vec![
                Some("总则"),
                None,
                Some("总体要求"),
                Some("重大意义"),
                Some("基本原则"),
                None,
                None
            ]
        );
    }

    #[test]
    fn a_wrapped_chapter_heading_is_one_heading() {
        let d = &docs("某市条例\n第一章 对审判活动\n与执行活动的监督\n第一条 甲。\n")[0];
        assert_eq!(
            d.nodes[0].heading.as_deref(),
            Some("对审判活动与执行活动的监督")
        );
    }

    #[test]
    fn compilation_splits_on_separators_and_on_a_new_title_with_restart() {
        let s = "《社区议事规则》2篇\n\n篇一:《社区议事规则》\n\n社区议事规则 一、议事范围 涉及居民切身利益的事项。\n\n二、议事程序 1.提出议题;2.集体讨论;3.形成决议。\n\n篇二:《社区议事规则》\n\n2026 年社区议事工作计划\n\n一、工作目标\n\n二、工作安排\n\n街道办事处关于议事会召开情况的报告 区民政局:\n\n一、基本情况\n\n二、下步打算\n\n推荐访问:议事 规则";
        let d = docs(s);
        let shape: Vec<(Option<&str>, usize, usize, usize)> = d
            .iter()
            .map(|d| (d.title.as_deref(), d.line_start, d.line_end, d.nodes.len()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (Some("社区议事规则"), 3, 7, 5),
                (Some("2026年社区议事工作计划"), 9, 15, 2),
                (Some("街道办事处关于议事会召开情况的报告"), 17, 21, 2),
            ]
        );
        assert_eq!(
            paths(&d[0]),
            vec![
                ("一、", "一", 1, 5),
                ("二、", "二", 1, 7),
                ("1.", "二/1", 2, 7),
                ("2.", "二/2", 2, 7),
                ("3.", "二/3", 2, 7),
            ]
        );
        assert!(d[0].nodes[0].inline && !d[0].nodes[1].inline);
        // Declared 2, found 3: a warning on the first document.
        let diag: Vec<(&str, Severity, u64)> = d[0]
            .diagnostics
            .iter()
            .map(|x| (x.rule.name(), x.severity, x.line))
            .collect();
        assert_eq!(diag, vec![("document-count", Severity::Warning, 1)]);
    }

    #[test]
    fn boilerplate_is_kept_out_of_the_tree() {
        let s = "《城区绿化管理办法》\n\n《城区绿化管理办法》 下面是小编为大家整理的城区绿化管理办法，希望对大家有所帮助。一、\n\n城区绿化管理办法\n\n第一条 为加强绿化管理，制定本办法。\n\n第二条 本办法自发布之日起施行。\n\n推荐访问：绿化 办法\n\n相关热词搜索：绿化";
        let d = docs(s);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].title.as_deref(), Some("城区绿化管理办法"));
        assert_eq!((d[0].line_start, d[0].line_end), (5, 9));
        assert_eq!(
            paths(&d[0]),
            vec![("第一条", "第一条", 1, 7), ("第二条", "第二条", 1, 9)]
        );
        assert!(!d[0].nodes[1].own.as_str().contains("推荐"));
    }

    #[test]
    fn hard_wraps_and_page_breaks_join_in_own_text() {
        let mut s = String::from("城区停车管理办法\n");
        s.push_str("第一条 为了规范城区停车秩序，保障道路安全畅通，根据有关法\n律法规的规定，结合本区城市道路和公共停车场的实际情况，\n\n制定本办法。\n");
        for k in 2..12 {
            s.push_str(&format!(
                "第{}条 各街道办事处应当按照职责分工做好辖区内的停车管理工作。\n",
                marker::to_chinese(k)
            ));
        }
        let d = &docs(&s)[0];
        assert_eq!(d.nodes.len(), 11);
        assert_eq!(
            d.nodes[0].own.as_str(),
            "为了规范城区停车秩序，保障道路安全畅通，根据有关法律法规的规定，结合本区城市道路和公共停车场的实际情况，制定本办法。"
        );
        // The cleaned text maps back to the source.
        let own = &d.nodes[0].own;
        let i = own.as_str().find("律法规").unwrap();
        assert_eq!(own.source_offset(i), s.find("律法规").unwrap());
    }

    #[test]
    fn non_markers_never_start_a_clause() {
        let s = "关于做好年度工作的通知\n一、总体要求\n2022 年是关键之年，要深入学习党的二十大精神，书记是第一责任人。\n依照本通知 第三条规定的程序办理，共 1.5 亿元。\n二、主要任务";
        let d = &docs(s)[0];
        assert_eq!(paths(d), vec![("一、", "一", 1, 2), ("二、", "二", 1, 5)]);
    }

    #[test]
    fn components_drop_white_space_and_trailing_punctuation() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let s = format!("（{c}一、");
            assert_eq!(
                normalize::holds_blank(&s),
                s.contains(normalize::is_blank),
                "{c:?}"
            );
        }
        for s in ["一、", "1.", "1．、", "（一）", "第一条", "、", "", "1. ．"] {
            assert_eq!(trim_marker_punct(s), s.trim_end_matches(['、', '.', '．']));
        }
    }

    #[test]
    fn repeats_count_earlier_siblings_with_the_same_component() {
        let names = [
            "一",
            "二",
            "一",
            "第一千一百零一条",
            "第一千二百零一条",
            "第一千一百零一条",
            "1",
            "(一)",
            "1",
            "一",
            "",
            "第一千二百零一条",
        ];
        let comps: Vec<Cow<'_, str>> = names.iter().map(|&n| Cow::Borrowed(n)).collect();
        let kids: Vec<usize> = (0..names.len()).collect();
        let mut repeat = vec![1; names.len()];
        count_repeats(&kids, &comps, &mut repeat, &mut HashMap::new());
        let want: Vec<usize> = (0..names.len())
            .map(|i| 1 + names[..i].iter().filter(|&&n| n == names[i]).count())
            .collect();
        assert_eq!(repeat, want);
    }

    #[test]
    fn heading_punctuation_is_told_by_bytes() {
        let all = ['，', ',', '。', '；', ';', '：', ':', '！', '？', '、'];
        let some = ['；', ';', '：', ':'];
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let s = format!("一{c}");
            assert_eq!(holds_punct(&s, true), all.contains(&c), "{c:?}");
            assert_eq!(holds_punct(&s, false), some.contains(&c), "{c:?}");
        }
        for s in [
            "",
            "总体要求",
            "重大意义。做好",
            "ab",
            "（一）",
            "a一é𠀀第十条　1、（三）",
        ] {
            assert_eq!(count_chars(s), s.chars().count());
        }
    }

    #[test]
    fn garbled_marker_gets_a_diagnostic() {
        let s = "四、下步打算\n(一)深化学习。\n(- - )\n改进方法。\n(三)丰富载体。";
        let d = &docs(s)[0];
        assert_eq!(d.nodes[2].path, "四/(二)");
        assert_eq!(d.nodes[2].marker, "(- - )");
        let g = &d.diagnostics[0];
        assert_eq!(
            (
                g.rule.name(),
                g.severity,
                g.line,
                g.expected.as_deref(),
                g.found.as_deref()
            ),
            (
                "garbled-marker",
                Severity::Warning,
                3,
                Some("(二)"),
                Some("(- - )")
            )
        );
    }
}
