//! The line model: the decoded text with its line index and the way back to the
//! original file.
//!
//! A line break is CRLF, a lone CR or LF. Every line, column and byte offset that gongwen
//! reports is computed here from a position in the decoded text, so it always refers to the
//! ORIGINAL file, whatever its encoding. Later stages never rewrite this text: they make
//! [`MappedText`] copies whose every byte remembers where it came from.

use std::sync::OnceLock;

use crate::ingest::OffsetMap;

/// Columns further than this many bytes from their line start are counted with the
/// [`SourceText::char_marks`] checkpoints instead of walking the whole line.
const COLUMN_WALK: usize = 1024;
/// Distance in bytes between two character-count checkpoints.
const MARK_STEP: usize = 4096;

/// The decoded text of one file, with its line index.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// Decoded offsets → original bytes; `None` for the text view of a compressed
    /// container (DOCX, PDF, OFD), whose original bytes hold no text to point into.
    map: Option<OffsetMap>,
    /// Byte offset (decoded) of the start of each line.
    line_starts: Vec<usize>,
    /// `char_marks[k]` = characters in `text[..k * MARK_STEP]`; built on first need (a
    /// column far into a very long line), so that columns cost O(MARK_STEP), not
    /// O(line length) — a 6 MB single-line file with many markers stays linear.
    char_marks: OnceLock<Vec<u32>>,
}

/// One line of the source: its decoded byte range, without the line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// Decoded byte offset of the line's first character.
    pub start: usize,
    /// Decoded byte offset just past the line's last character (before CR/LF).
    pub end: usize,
}

impl SourceText {
    /// Index a decoded text.
    pub fn new(text: String, map: OffsetMap) -> Self {
        Self::with_map(text, Some(map))
    }

    /// Index a text view without a way back to original bytes (a container's text).
    pub fn without_offsets(text: String) -> Self {
        Self::with_map(text, None)
    }

    /// Index a text with an optional map to the original bytes.
    pub fn with_map(text: String, map: Option<OffsetMap>) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes);
        while let Some(i) = breaks.next() {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                // CRLF is one break: its LF is the next match.
                breaks.next();
                line_starts.push(i + 2);
            } else {
                line_starts.push(i + 1);
            }
        }
        SourceText {
            text,
            map,
            line_starts,
            char_marks: OnceLock::new(),
        }
    }

    /// Index a UTF-8 string as if it were the whole original file.
    pub fn from_utf8(text: &str) -> Self {
        Self::new(text.to_owned(), OffsetMap::Shift(0))
    }

    /// The decoded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of lines (a trailing line break does not open an extra empty line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// The lines of the text.
    pub fn lines(&self) -> impl Iterator<Item = Line> + '_ {
        (0..self.line_count()).map(move |i| self.line(i + 1))
    }

    /// Line `number` (1-based).
    pub fn line(&self, number: usize) -> Line {
        let i = number - 1;
        let start = self.line_starts[i];
        let mut end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.text.len());
        let b = self.text.as_bytes();
        if end > start && b[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        Line { number, start, end }
    }

    /// Text of line `number` (1-based), without its line break.
    pub fn line_text(&self, number: usize) -> &str {
        let l = self.line(number);
        &self.text[l.start..l.end]
    }

    /// 1-based line of decoded byte offset `pos`.
    pub fn line_of(&self, pos: usize) -> usize {
        match self.line_starts.binary_search(&pos) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based (line, column) of decoded byte offset `pos`; the column counts Unicode
    /// scalar values.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        let line = self.line_of(pos);
        let start = self.line_starts[line - 1];
        let pos = floor_char_boundary(&self.text, pos.min(self.text.len())).max(start);
        let col = if pos - start <= COLUMN_WALK {
            count_chars(&self.text.as_bytes()[start..pos])
        } else {
            self.chars_before(pos) - self.chars_before(start)
        };
        (line, col + 1)
    }

    /// Number of characters in `text[..pos]`.
    fn chars_before(&self, pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(bytes.len() / MARK_STEP + 1);
            let mut n = 0usize;
            marks.push(0);
            for chunk in bytes.chunks(MARK_STEP) {
                n += count_chars(chunk);
                marks.push(n as u32);
            }
            marks
        });
        let k = pos / MARK_STEP;
        marks[k] as usize + count_chars(&bytes[k * MARK_STEP..pos])
    }

    /// Original byte offset of decoded byte offset `pos` (`None` when the text has no
    /// original bytes to point into).
    pub fn orig_offset(&self, pos: usize) -> Option<usize> {
        let pos = floor_char_boundary(&self.text, pos.min(self.text.len()));
        self.map.as_ref().map(|m| m.orig(pos))
    }
}

/// Characters starting in `bytes` (a slice of UTF-8): the bytes that are not continuation
/// bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The largest char boundary `<= pos`.
pub fn floor_char_boundary(s: &str, mut pos: usize) -> usize {
    if pos >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

/// A derived copy of (part of) the source text in which every byte knows the decoded
/// source offset it stands for. Normalisation builds these; it never edits the source.
///
/// The map is kept as runs of bytes that stand for consecutive source bytes (a piece copied
/// verbatim), so it costs one entry per piece rather than one per byte. A replacement
/// character stands for one source offset with all its bytes: a run per byte.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    /// (start in `text`, source offset of that byte), in order, the first at 0: byte `i`
    /// of the run that starts at `t` with offset `s` stands for `s + (i - t)`. A run that
    /// would continue the previous one is merged into it, so that equal maps are equal
    /// vectors.
    runs: Vec<(usize, usize)>,
    /// The source offset that the end of the text stands for, once recorded.
    end: Option<usize>,
}

impl MappedText {
    /// An empty mapped text.
    pub fn new() -> Self {
        MappedText {
            text: String::new(),
            runs: Vec::new(),
            end: None,
        }
    }

    /// A verbatim copy of `source[start..end]`.
    pub fn from_source(source: &str, start: usize, end: usize) -> Self {
        let mut m = Self::new();
        m.push_source(source, start, end);
        m.finish(end);
        m
    }

    /// Make room for `additional` more bytes of text.
    pub fn reserve(&mut self, additional: usize) {
        self.text.reserve(additional);
    }

    /// Let the bytes from `at` on (the current end of the text) stand for the source bytes
    /// from `src` on.
    fn start_run(&mut self, at: usize, src: usize) {
        if let Some(&(t, s)) = self.runs.last()
            && s + (at - t) == src
        {
            return;
        }
        self.runs.push((at, src));
    }

    /// Append `source[start..end]` verbatim.
    pub fn push_source(&mut self, source: &str, start: usize, end: usize) {
        self.end = None;
        let piece = &source[start..end];
        if !piece.is_empty() {
            self.start_run(self.text.len(), start);
            self.text.push_str(piece);
        }
    }

    /// Append one character that stands for the source text at `at` (a replacement, e.g.
    /// a full-width variant folded or a space removed).
    pub fn push_char(&mut self, c: char, at: usize) {
        self.end = None;
        let i = self.text.len();
        for k in 0..c.len_utf8() {
            self.start_run(i + k, at);
        }
        self.text.push(c);
    }

    /// Record the source offset that the end of the text stands for.
    pub fn finish(&mut self, end: usize) {
        self.end = Some(end);
    }

    /// The derived text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Decoded source offset of byte `i` of the derived text (`i == len` is the end; before
    /// [`MappedText::finish`], the end is where the last byte stands).
    pub fn source_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return match (self.end, self.text.len()) {
                (Some(end), _) => end,
                (None, 0) => 0,
                (None, len) => self.source_offset(len - 1),
            };
        }
        let k = self.runs.partition_point(|&(t, _)| t <= i) - 1;
        let (t, s) = self.runs[k];
        s + (i - t)
    }

    /// Length in bytes of the derived text.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether the derived text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_cr_lf_each_break_once() {
        let s = SourceText::from_utf8("a\r\nb\rc\nd");
        assert_eq!(s.line_count(), 4);
        assert_eq!(s.line_text(1), "a");
        assert_eq!(s.line_text(2), "b");
        assert_eq!(s.line_text(3), "c");
        assert_eq!(s.line_text(4), "d");
        assert_eq!(s.line_of(s.as_str().find('d').unwrap()), 4);
    }

    #[test]
    fn columns_count_characters() {
        let s = SourceText::from_utf8("标题\n　　第一条　内容");
        let pos = s.as_str().find("第一条").unwrap();
        assert_eq!(s.line_col(pos), (2, 3));
    }

    #[test]
    fn columns_far_into_a_long_line_use_checkpoints() {
        // Mixed 1-, 2-, 3- and 4-byte characters on lines longer than the checkpoint step.
        let unit = "a一é𠀀第十条　";
        let line: String = unit.repeat(3000);
        let text = format!("标题\n{line}\n{line}");
        let s = SourceText::from_utf8(&text);
        let second = text.find('\n').unwrap() + 1;
        let third = second + line.len() + 1;
        for (start, line_no) in [(second, 2), (third, 3)] {
            for k in [0, 1, 7, 300, 1500, 2999] {
                let pos = start + k * unit.len() + "a一".len();
                let expected = k * unit.chars().count() + 3;
                assert_eq!(
                    s.line_col(pos),
                    (line_no, expected),
                    "unit {k} of line {line_no}"
                );
            }
        }
        assert_eq!(s.line_col(text.len()), (3, line.chars().count() + 1));
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(SourceText::from_utf8("x\n").line_count(), 1);
        assert_eq!(SourceText::from_utf8("").line_count(), 1);
    }

    #[test]
    fn mapped_text_remembers_sources() {
        let src = "一 是加强";
        let mut m = MappedText::new();
        m.push_source(src, 0, 3);
        m.push_source(src, 4, src.len());
        m.finish(src.len());
        assert_eq!(m.as_str(), "一是加强");
        assert_eq!(m.source_offset(3), 4);
        assert_eq!(m.source_offset(m.len()), src.len());
    }

    /// The map as one source offset per byte (plus one for the end once recorded), built
    /// the plain way: what [`MappedText`] must answer.
    #[derive(Default)]
    struct PerByte {
        text: String,
        src: Vec<usize>,
    }

    impl PerByte {
        fn push_source(&mut self, source: &str, start: usize, end: usize) {
            self.src.truncate(self.text.len());
            self.text.push_str(&source[start..end]);
            self.src.extend(start..end);
        }

        fn push_char(&mut self, c: char, at: usize) {
            self.src.truncate(self.text.len());
            self.text.push(c);
            self.src.extend(std::iter::repeat_n(at, c.len_utf8()));
        }

        fn finish(&mut self, end: usize) {
            self.src.truncate(self.text.len());
            self.src.push(end);
        }

        fn source_offset(&self, i: usize) -> usize {
            self.src
                .get(i)
                .or(self.src.last())
                .copied()
                .unwrap_or_default()
        }
    }

    #[derive(Debug, Clone)]
    enum Op {
        /// Boundaries `a` and `b` (indices into the source's char boundaries, in any order).
        Source(usize, usize),
        /// A character and a source boundary.
        Char(char, usize),
        /// A source boundary.
        Finish(usize),
    }

    const SOURCE: &str = "第一条 a１（二）\u{3000}é𠀀、加强\n领导b";

    fn apply(ops: &[Op], split: Option<usize>) -> (MappedText, PerByte) {
        let cuts: Vec<usize> = SOURCE
            .char_indices()
            .map(|(i, _)| i)
            .chain([SOURCE.len()])
            .collect();
        let cut = |k: usize| cuts[k % cuts.len()];
        let (mut m, mut r) = (MappedText::new(), PerByte::default());
        for op in ops {
            match *op {
                Op::Source(a, b) => {
                    let (a, b) = (cut(a).min(cut(b)), cut(a).max(cut(b)));
                    // Optionally in two pieces: the map must not tell the difference.
                    let mid = split.map_or(a, |k| cut(k).clamp(a, b));
                    m.push_source(SOURCE, a, mid);
                    m.push_source(SOURCE, mid, b);
                    r.push_source(SOURCE, a, b);
                }
                Op::Char(c, at) => {
                    m.push_char(c, cut(at));
                    r.push_char(c, cut(at));
                }
                Op::Finish(at) => {
                    m.finish(cut(at));
                    r.finish(cut(at));
                }
            }
        }
        (m, r)
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        let c = prop::sample::select(vec!['\n', ' ', 'x', '(', 'é', '、', '𠀀']);
        prop_oneof![
            4 => (0..30usize, 0..30usize).prop_map(|(a, b)| Op::Source(a, b)),
            3 => (c, 0..30usize).prop_map(|(c, at)| Op::Char(c, at)),
            1 => (0..30usize).prop_map(Op::Finish),
        ]
    }

    proptest::proptest! {
        #[test]
        fn mapped_text_matches_a_per_byte_map(
            ops in proptest::collection::vec(op(), 0..12),
            split in proptest::option::of(0..30usize),
        ) {
            let (m, r) = apply(&ops, split);
            proptest::prop_assert_eq!(m.as_str(), r.text.as_str());
            proptest::prop_assert_eq!(m.len(), r.text.len());
            proptest::prop_assert_eq!(m.is_empty(), r.text.is_empty());
            for i in 0..m.len() + 3 {
                proptest::prop_assert_eq!(m.source_offset(i), r.source_offset(i), "byte {}", i);
            }
            // The same map built in other pieces is equal.
            let (whole, _) = apply(&ops, None);
            proptest::prop_assert_eq!(&m, &whole);
        }
    }
}
