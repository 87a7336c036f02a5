//! The text that extraction reads: one [`Unit`] per clause (its own text) and one for the
//! preamble, with whitespace removed so that OCR spaces and hard wraps do not split words,
//! and every byte still mapped to its decoded source offset. Sentences and comma clauses
//! are byte ranges into a unit's text.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use super::scan::{self, Occ, Present};
use crate::normalize::{blanks, is_blank, without_blanks};
use crate::text::MappedText;

/// A clause's own text, cleaned: whitespace (spaces, U+3000, line breaks, zero-width
/// characters) removed, every byte still mapped to its decoded source offset through the
/// clause's own text ([`Unit::source_offset`]).
#[derive(Debug, Clone)]
pub struct Unit<'a> {
    /// The cleaned text: the clause's own text itself when it has no blanks.
    pub text: Cow<'a, str>,
    /// The clause's own text that `text` was cleaned from.
    own: Cow<'a, MappedText>,
    /// The runs of `text` copied from `own` between blanks: (start in `text`, start in
    /// `own`), in order; none when `text` is `own`'s text itself.
    runs: Vec<(usize, usize)>,
    /// Byte offset in `text` where the body starts (after a heading line, if any).
    pub body: usize,
    /// Bytes at the start that hold no statements (a preamble's title and date lines).
    pub skip: usize,
    /// The gate literals in `text` (see [`scan`]).
    occs: Vec<Occ>,
    /// The sentences of the body, once split (`body` is set before anything reads them).
    body_sentences: OnceCell<Vec<Range<usize>>>,
    /// Where the normaliser joined two rows of a flattened table into one line (a long
    /// row without a full stop reads as hard-wrapped): each is the end of a sentence.
    row_joins: Vec<usize>,
    /// The gate literals of the whole text, once asked (both the role finder and the
    /// condition finder ask first about the whole unit).
    whole: OnceCell<Present>,
}

/// Sentence-ending punctuation (a list lead ends with a colon, which also ends it).
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':')
}

/// Punctuation that ends a comma clause inside a sentence.
pub fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

impl<'a> Unit<'a> {
    /// Clean a clause's own text. A short first line without punctuation (a heading such as
    /// 责任追究) is kept apart: `body` starts after it. `heading` is the structure stage's
    /// heading, when it recognised one. (Hard-wrapped lines are 28 characters or more, so a
    /// first line of at most 12 characters is a heading.)
    pub fn new(own: &'a MappedText, heading: Option<&str>) -> Unit<'a> {
        Unit::cleaned(Cow::Borrowed(own), heading)
    }

    fn cleaned(own: Cow<'a, MappedText>, heading: Option<&str>) -> Unit<'a> {
        let raw = own.as_str();
        let (text, runs) = match own {
            // Most clauses have no blank at all: their text is used as it is.
            Cow::Borrowed(o) if blanks(raw).next().is_none() => {
                (Cow::Borrowed(o.as_str()), Vec::new())
            }
            _ => {
                let mut text = String::with_capacity(raw.len());
                let mut runs = Vec::new();
                // Copy the runs between blanks whole.
                let mut run = 0;
                let mut copy = |from: usize, to: usize, text: &mut String| {
                    if from < to {
                        runs.push((text.len(), from));
                        text.push_str(&raw[from..to]);
                    }
                };
                for (i, len) in blanks(raw) {
                    copy(run, i, &mut text);
                    // The end of a row of a flattened table (责任主体｜主要职责, columns
                    // parted by tabs) stays as a break: a header is no part of the first
                    // row's holder.
                    if raw.as_bytes()[i] == b'\n' && between_rows(raw, i) {
                        copy(i, i + 1, &mut text);
                    }
                    run = i + len;
                }
                copy(run, raw.len(), &mut text);
                (Cow::Owned(text), runs)
            }
        };
        let body = heading_end(raw, &text, heading);
        let occs = scan::occurrences(&text);
        let mut u = Unit {
            text,
            own,
            runs,
            body,
            skip: 0,
            occs,
            row_joins: Vec::new(),
            body_sentences: OnceCell::new(),
            whole: OnceCell::new(),
        };
        if u.text.contains(is_column) {
            u.row_joins = u.joined_rows();
        }
        u
    }

    /// The byte offsets of `text` where a line break of the source was dropped between two
    /// pieces that both hold a column separator (县委副书记｜…要求 / 分管…副县长｜负责…).
    fn joined_rows(&self) -> Vec<usize> {
        let t = &self.text;
        // The places where the source goes on after a gap of a line break (LF or CRLF).
        let mut gaps = Vec::new();
        let mut prev: Option<(usize, usize)> = None;
        for (i, c) in t.char_indices() {
            let at = self.source_offset(i);
            if let Some((p, len)) = prev
                && (1..=2).contains(&at.saturating_sub(self.source_offset(p) + len))
                && !t[..i].ends_with('\n')
            {
                gaps.push(i);
            }
            prev = Some((i, c.len_utf8()));
        }
        let mut out = Vec::new();
        for (k, &g) in gaps.iter().enumerate() {
            let from = k.checked_sub(1).map_or(0, |j| gaps[j]);
            let to = gaps.get(k + 1).copied().unwrap_or(t.len());
            let piece = |r: &str| {
                let r = r.rsplit(is_sentence_end).next().unwrap_or(r);
                r.contains(is_column)
            };
            if piece(&t[from..g])
                && t[g..to]
                    .split(is_sentence_end)
                    .next()
                    .is_some_and(|r| r.contains(is_column))
            {
                out.push(g);
            }
        }
        out
    }

    /// `sents` with each sentence that holds a joined row break split there.
    fn split_rows(&self, sents: Vec<Range<usize>>) -> Vec<Range<usize>> {
        if self.row_joins.is_empty() {
            return sents;
        }
        let mut out = Vec::with_capacity(sents.len());
        for r in sents {
            let mut start = r.start;
            for &j in self.row_joins.iter().filter(|&&j| r.start < j && j < r.end) {
                out.push(start..j);
                start = j;
            }
            out.push(start..r.end);
        }
        out
    }

    /// The preamble: leading lines without punctuation (title, date, issuer) are kept
    /// apart like a heading.
    pub fn preamble(own: &'a MappedText) -> Unit<'a> {
        let mut u = Unit::new(own, None);
        let raw = own.as_str();
        let mut end = 0;
        for line in raw.split_inclusive(['\n', '\r']) {
            // A row of a flattened table (县委书记｜对本县…负总责) is content, not a title.
            if line
                .chars()
                .any(|c| is_sentence_end(c) || is_comma(c) || is_column(c))
            {
                break;
            }
            end += line.len();
        }
        // Blanks are not copied, but a break between two rows is: map the raw offset.
        u.body = u.text_offset(end).min(u.text.len());
        u.skip = u.body;
        u
    }

    /// Build a unit from plain text (tests).
    #[cfg(test)]
    pub fn from_text(s: &str) -> Unit<'static> {
        Unit::cleaned(Cow::Owned(MappedText::from_source(s, 0, s.len())), None)
    }

    /// Offset in the cleaned text of byte `raw` of the clause's own text (a blank maps to
    /// where the text goes on after it).
    fn text_offset(&self, raw: usize) -> usize {
        if self.runs.is_empty() {
            return raw.min(self.text.len());
        }
        let k = self.runs.partition_point(|&(_, from)| from <= raw);
        let Some(&(t, from)) = k.checked_sub(1).and_then(|k| self.runs.get(k)) else {
            return 0;
        };
        let len = self.runs.get(k).map_or(self.text.len(), |&(next, _)| next) - t;
        t + (raw - from).min(len)
    }

    /// Decoded source offset of byte `i` of the cleaned text (the end of the clause's text
    /// for `i` at or past the end).
    pub fn source_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.own.source_offset(self.own.len());
        }
        if self.runs.is_empty() {
            return self.own.source_offset(i);
        }
        let k = self.runs.partition_point(|&(t, _)| t <= i) - 1;
        let (t, o) = self.runs[k];
        self.own.source_offset(o + (i - t))
    }

    /// The gate literals that lie wholly inside `range` of the text.
    pub fn present(&self, range: Range<usize>) -> Present {
        if range == (0..self.text.len()) {
            return *self
                .whole
                .get_or_init(|| scan::present(&self.text, &self.occs, range));
        }
        scan::present(&self.text, &self.occs, range)
    }

    /// The labels of task annotations and 责任清单 columns wholly inside `range` of the
    /// text ([`scan::labels`]).
    pub fn labels(&self, range: Range<usize>) -> Vec<Range<usize>> {
        scan::labels(&self.occs, range)
    }

    /// The alternatives of literal sanction entries inside `range` of the text (byte
    /// ranges of `&text[range]`).
    pub fn exact_in(&self, range: Range<usize>) -> Vec<scan::Exact> {
        scan::exact_in(&self.occs, range)
    }

    /// The role terms inside `range` of the text, as byte ranges of `&text[range]`.
    pub fn role_terms(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let base = range.start;
        scan::role_terms(&self.occs, range)
            .into_iter()
            .map(|r| r.start - base..r.end - base)
            .collect()
    }

    /// The heading, if the unit starts with one.
    pub fn heading(&self) -> &str {
        &self.text[..self.body]
    }

    /// The body after the heading.
    pub fn body_text(&self) -> &str {
        &self.text[self.body..]
    }

    /// Sentences of the body, as byte ranges of `text` (terminal punctuation included).
    pub fn sentences(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.body > 0 {
            out.push(0..self.body);
        }
        out.extend_from_slice(self.body_sentences());
        out
    }

    /// The sentences of `body..` (split once, read by several finders).
    pub fn body_sentences(&self) -> &[Range<usize>] {
        self.body_sentences
            .get_or_init(|| self.split_rows(sentences_in(&self.text, self.body..self.text.len())))
    }

    /// The sentences of `range` (of `text`), split at the start of the body if it falls
    /// inside.
    pub fn sentences_of(&self, range: Range<usize>) -> Vec<Range<usize>> {
        let (body, len) = (self.body, self.text.len());
        let mut out = Vec::new();
        let tail = if range.start < body && body < range.end {
            out.extend(self.split_rows(sentences_in(&self.text, range.start..body)));
            body..range.end
        } else {
            range
        };
        if tail == (body..len) {
            out.extend_from_slice(self.body_sentences());
        } else {
            out.extend(self.split_rows(sentences_in(&self.text, tail)));
        }
        out
    }
}

/// A column separator of a flattened table.
fn is_column(c: char) -> bool {
    matches!(c, '｜' | '|')
}

/// Whether the line break at byte `nl` of `raw` parts two rows of a flattened table: the
/// lines on both sides hold a column separator (｜, |, or a tab between words).
fn between_rows(raw: &str, nl: usize) -> bool {
    let row = |line: &str| {
        let line = line.trim_matches([' ', '\t', '\r', '\u{3000}']);
        line.contains(|c| is_column(c) || c == '\t')
    };
    let before = &raw[raw[..nl].rfind('\n').map_or(0, |k| k + 1)..nl];
    let rest = &raw[nl + 1..];
    let after = &rest[..rest.find('\n').unwrap_or(rest.len())];
    row(before) && row(after)
}

/// Byte length of the heading at the start of `text` (0 when there is none).
fn heading_end(raw: &str, text: &str, heading: Option<&str>) -> usize {
    if let Some(h) = heading {
        let h: String = without_blanks(h);
        if !h.is_empty() && text.starts_with(&h) && text.len() > h.len() {
            return h.len();
        }
    }
    // A first line of at most 12 characters without any punctuation, followed by more text.
    let trimmed = raw.trim_start_matches(is_blank);
    let Some(nl) = memchr::memchr2(b'\n', b'\r', trimmed.as_bytes()) else {
        return 0;
    };
    // More than 12 characters: no heading (most first lines are long, and are not copied).
    let mut kept = trimmed[..nl].chars().filter(|&c| !is_blank(c));
    if kept.by_ref().nth(12).is_some() {
        return 0;
    }
    let first: String = without_blanks(&trimmed[..nl]);
    let n = first.chars().count();
    let has_punct = first
        .chars()
        .any(|c| is_sentence_end(c) || is_comma(c) || matches!(c, '、' | '（' | '(' | '“'));
    let open_end = first.ends_with(['的', '和', '或', '及', '、', '对', '在']);
    if (2..=12).contains(&n)
        && !has_punct
        && !open_end
        && text.starts_with(&first)
        && text.len() > first.len()
    {
        first.len()
    } else {
        0
    }
}

/// Split `range` of `text` into sentences (each keeps its terminal punctuation).
pub fn sentences_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut depth = 0i32;
    // Every character that matters here is ASCII or a three-byte form led by 0xE3 (。) or
    // 0xEF (full-width forms): the scan jumps from one such byte to the next (memchr) and
    // decodes nothing else. Half-width punctuation is rare; when there is none, only the
    // two lead bytes are searched for.
    let bytes = &text.as_bytes()[..range.end];
    // A line break is kept in the text only between the rows of a table (`between_rows`).
    let is_ascii_punct = |b: u8| matches!(b, b'(' | b')' | b';' | b'!' | b'?' | b':' | b'\n');
    let hay = &bytes[range.start..];
    let any_ascii = memchr::memchr3(b'(', b')', b':', hay).is_some()
        || memchr::memchr3(b';', b'!', b'?', hay).is_some()
        || memchr::memchr(b'\n', hay).is_some();
    let next = |from: usize| -> Option<usize> {
        let rest = bytes.get(from..)?;
        if any_ascii {
            rest.iter()
                .position(|&b| matches!(b, 0xE3 | 0xEF) || is_ascii_punct(b))
        } else {
            memchr::memchr2(0xE3, 0xEF, rest)
        }
        .map(|k| from + k)
    };
    let mut at = range.start;
    while let Some(i) = next(at) {
        let b = bytes[i];
        let (c, len) = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (0xE3, Some(0x80), Some(0x82)) => ('。', 3),
            (0xEF, Some(0xBC), Some(&c)) => match c {
                0x88 => ('（', 3),
                0x89 => ('）', 3),
                0x9B => ('；', 3),
                0x81 => ('！', 3),
                0x9F => ('？', 3),
                0x9A => ('：', 3),
                _ => ('\0', 3),
            },
            (0xE3 | 0xEF, _, _) => ('\0', 3),
            (b, _, _) => (b as char, 1),
        };
        let end = i + len;
        at = end;
        if c == '\0' {
            continue;
        }
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        // A colon inside brackets (责任部门：X) does not end a sentence; a full stop does.
        let ends = match c {
            '：' | ':' => depth == 0,
            '\n' => true,
            c => is_sentence_end(c),
        };
        if ends {
            if end > start {
                push_sentence(text, start..end, &mut out);
            }
            start = end;
        }
    }
    if range.end > start {
        push_sentence(text, start..range.end, &mut out);
    }
    out
}

/// The longest sentence the finders read at once, in bytes. Longer ones (a table pasted as
/// one sentence, text without full stops) are read in pieces cut after a comma: what the
/// finders do per sentence — tag it, look back over its clauses, quote it in each finding —
/// then stays bounded, and a document of any length costs time linear in its length.
/// Real sentences are shorter: in the statutes and documents we have seen, one in 10 000
/// is longer than 1 300 bytes.
pub const MAX_SENTENCE: usize = 4096;

/// Push sentence `r` of `text`, in pieces of at most [`MAX_SENTENCE`] bytes: each cut
/// after the last comma that leaves a piece short enough, or at that length.
fn push_sentence(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE {
        let limit = crate::text::floor_char_boundary(text, start + MAX_SENTENCE);
        let cut = text[start..limit]
            .rfind(['，', ','])
            .map(|i| start + i + text[start + i..].chars().next().map_or(1, char::len_utf8))
            .filter(|&c| c > start)
            .unwrap_or(limit);
        out.push(start..cut);
        start = cut;
    }
    if r.end > start {
        out.push(start..r.end);
    }
}

/// Split a sentence into comma clauses (the commas themselves excluded; terminal
/// punctuation stripped from the last clause).
pub fn clauses_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut depth = 0i32;
    // Brackets and commas are ASCII or full-width forms led by 0xEF: the scan visits only
    // those bytes and decodes nothing else.
    let bytes = &text.as_bytes()[..range.end];
    let mut at = range.start;
    while let Some(k) = bytes[at..]
        .iter()
        .position(|&b| matches!(b, 0xEF | b'(' | b')' | b','))
    {
        let i = at + k;
        let (c, len) = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (0xEF, Some(0xBC), Some(0x88)) => ('（', 3),
            (0xEF, Some(0xBC), Some(0x89)) => ('）', 3),
            (0xEF, Some(0xBC), Some(0x8C)) => ('，', 3),
            (0xEF, _, _) => ('\0', 3),
            (b, _, _) => (b as char, 1),
        };
        at = i + len;
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if is_comma(c) && depth == 0 {
            if i > start {
                out.push(start..i);
            }
            start = i + len;
        }
    }
    let mut end = range.end;
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if is_sentence_end(c) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    if end > start {
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_without_blanks_is_read_in_place_with_its_own_offsets() {
        // Two pieces of a source, as a joined wrapped line is: offsets jump between them.
        let src = "甲乙丙负责\n资金。";
        let mut own = MappedText::new();
        own.push_source(src, 0, 15);
        own.push_source(src, 16, src.len());
        let u = Unit::new(&own, None);
        assert!(matches!(u.text, Cow::Borrowed(_)));
        assert_eq!(u.text, "甲乙丙负责资金。");
        for (i, _) in u.text.char_indices() {
            assert_eq!(u.source_offset(i), own.source_offset(i));
        }
        assert_eq!(u.source_offset(u.text.find('资').unwrap()), 16);
        // With a blank the text is a cleaned copy, still mapped to the source.
        let mut spaced = MappedText::new();
        spaced.push_source("甲乙 丙", 0, "甲乙 丙".len());
        let v = Unit::new(&spaced, None);
        assert!(matches!(v.text, Cow::Owned(_)));
        assert_eq!(v.text, "甲乙丙");
        assert_eq!(v.source_offset(v.text.find('丙').unwrap()), 7);
    }

    #[test]
    fn whitespace_is_dropped_and_offsets_kept() {
        let s = "市财政 局\n负责资金。";
        let u = Unit::from_text(s);
        assert_eq!(u.text, "市财政局负责资金。");
        let i = u.text.find('局').unwrap();
        assert_eq!(u.source_offset(i), s.find('局').unwrap());
    }

    #[test]
    fn blanks_are_those_of_is_blank() {
        let s = "甲 乙\u{3000}丙\u{00A0}丁\u{200B}戊\u{FEFF}己\t\n\r\u{2028}庚\u{0085}辛、，ﬀ😀\u{1680}x\u{205F}";
        let by_char: Vec<(usize, usize)> = s
            .char_indices()
            .filter(|&(_, c)| is_blank(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
        assert_eq!(blanks(s).collect::<Vec<_>>(), by_char);
        assert_eq!(by_char.len(), 12);
    }

    #[test]
    fn table_rows_are_no_preamble() {
        // A title over the rows of a flattened table: the rows are content (and the row
        // breaks kept in the text do not shift where the body starts).
        let src = "临江县工作责任清单\n\n责任主体｜主要职责\n县委书记｜对本县工作负总责\n县委副书记｜协助书记抓好工作，督促落实要求\n";
        let own = MappedText::from_source(src, 0, src.len());
        let u = Unit::preamble(&own);
        assert!(u.text.is_char_boundary(u.body));
        assert!(
            u.text[u.body..].starts_with("责任主体｜主要职责"),
            "{:?}",
            &u.text
        );
    }

    #[test]
    fn short_first_line_is_a_heading() {
        let u = Unit::from_text("责任追究\n对失职的，追究责任。");
        assert_eq!(u.heading(), "责任追究");
        assert_eq!(u.body_text(), "对失职的，追究责任。");
        let wrapped = Unit::from_text("市财政局应当加强对专项资金使用的\n监督管理。");
        assert_eq!(wrapped.body, 0);
    }

    #[test]
    fn sentences_and_clauses() {
        let t = "甲负责，乙配合；丙牵头（责任部门：丁）。有下列情形之一的：";
        let s = sentences_in(t, 0..t.len());
        let parts: Vec<&str> = s.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(
            parts,
            [
                "甲负责，乙配合；",
                "丙牵头（责任部门：丁）。",
                "有下列情形之一的："
            ]
        );
        let mixed = "甲！乙?丙（注：丁）;戊:己";
        let parts: Vec<&str> = sentences_in(mixed, 0..mixed.len())
            .into_iter()
            .map(|r| &mixed[r])
            .collect();
        assert_eq!(parts, ["甲！", "乙?", "丙（注：丁）;", "戊:", "己"]);
        let c: Vec<&str> = clauses_in(t, s[0].clone())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(c, ["甲负责", "乙配合"]);
    }

    #[test]
    fn long_sentences_are_read_in_pieces_cut_after_a_comma() {
        let clause = "市场监督管理部门负责第一项工作，";
        let t = format!("甲负责。{}乙配合。", clause.repeat(1000));
        let s = sentences_in(&t, 0..t.len());
        // The pieces cover the text in order, each at most MAX_SENTENCE long; the long
        // sentence is cut only after its commas.
        assert_eq!(s.first(), Some(&(0.."甲负责。".len())));
        assert!(s.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(s.last().map(|r| r.end), Some(t.len()));
        assert!(s.iter().all(|r| r.len() <= MAX_SENTENCE));
        assert!(s.len() >= 2 + clause.len() * 1000 / MAX_SENTENCE);
        for r in &s[1..s.len() - 1] {
            assert!(t[r.clone()].ends_with('，'), "{:?}", &t[r.clone()]);
        }
        // Without a comma, at the length (on a character boundary).
        let t = "管".repeat(5000);
        let s = sentences_in(&t, 0..t.len());
        assert_eq!(s.len(), 4);
        assert!(
            s.iter()
                .all(|r| t.is_char_boundary(r.start) && r.len() <= MAX_SENTENCE)
        );
    }
}
