//! Normalisation: derived copies of the source text, never edits of it.
//!
//! Damaged archives (PDF copies, OCR, web scrapes) put spaces inside words and markers
//! (`实施方 案`, `1 .`, `第 三 条`), hard-wrap paragraphs, and mix full- and half-width
//! punctuation. This stage hands on three things, all mapped back to decoded source offsets:
//! - [`CompactLine`]: one line with every blank removed and widths folded (`（`→`(`, `：`→`:`,
//!   `１`→`1` …), the form in which markers are recognised;
//! - [`Layout`]: per line facts (blank, indentation, length, sentence-final punctuation) and,
//!   once the structure stage has marked the lines that start a clause, where paragraphs end;
//! - [`clean_range`]: the cleaned text of a span — wrapped lines joined, spurious spaces
//!   dropped — as a [`MappedText`] whose every byte knows its source offset.

use crate::text::{MappedText, SourceText};

/// Whether `c` is blank for gongwen: Unicode white space plus the zero-width characters and
/// BOMs that copies from web pages leave behind.
pub fn is_blank(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => matches!(c, '\t'..='\r' | ' '),
        // U+3000 is the last white space character: above it, only the BOM is blank (the
        // common case, ideographs and full-width forms, needs no table look-up).
        '\u{3001}'.. => c == '\u{FEFF}',
        _ => c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'),
    }
}

/// Whether `c` is a character that plain-text markup puts before a line's text: ATX heading
/// marks, list bullets and quote marks (`#` `*` `>` `+` `-`). A table row's `|` is none: its
/// cells cite units, they do not start them.
pub fn is_markup(c: char) -> bool {
    matches!(c, '#' | '*' | '>' | '+' | '-')
}

/// Length in bytes of the run of markup characters ([`is_markup`]) that opens `s`.
pub fn markup_run(s: &str) -> usize {
    s.bytes().take_while(|&b| is_markup(char::from(b))).count()
}

/// `line` without its leading blanks and, when the line opens with a run of markup
/// characters followed by blanks (`## 第二章 总则`, `- 第一条`), without that run and those
/// blanks: the text a reader sees.
pub fn trim_start_markup(line: &str) -> &str {
    let t = trim_start_blanks(line);
    let run = markup_run(t);
    if run == 0 {
        return t;
    }
    let rest = trim_start_blanks(&t[run..]);
    if rest.len() < t.len() - run && !rest.is_empty() {
        rest
    } else {
        t
    }
}

/// Whether `c` is a blank inside a line: a blank ([`is_blank`]) that does not break the
/// line (CR and LF do; the other blanks, U+2028 included, stand within a line of the text
/// model).
pub fn is_inline_blank(c: char) -> bool {
    c != '\n' && c != '\r' && is_blank(c)
}

/// Whether `s` holds a blank ([`is_blank`]), told from its UTF-8 bytes.
pub fn holds_blank(s: &str) -> bool {
    blanks(s).next().is_some()
}

/// `s` without its leading blanks.
pub fn trim_start_blanks(s: &str) -> &str {
    &s[text_start(s)..]
}

/// `BLANK_OR_FOLDED_LEAD[b]`: whether a character whose UTF-8 encoding starts with byte `b`
/// can be blank or folded: ASCII white space, or the first byte of U+0085/U+00A0 (0xC2),
/// U+1680 (0xE1), U+2000–U+206F (0xE2), U+3000 (0xE3), U+FEFF and the full-width forms
/// (0xEF). Ideographs and most other characters are neither, so scans pass over them
/// without decoding.
static BLANK_OR_FOLDED_LEAD: [bool; 256] = {
    let mut t = SPACE_LEAD;
    t[0xEF] = true;
    t
};

/// `SPACE_LEAD[b]`: whether a character whose UTF-8 encoding starts with byte `b` can be
/// white space (`char::is_whitespace`): ASCII white space, U+0085/U+00A0 (0xC2), U+1680
/// (0xE1), U+2000–U+205F (0xE2), U+3000 (0xE3).
pub(crate) static SPACE_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = true;
        b += 1;
    }
    t[b' ' as usize] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// `SCAN_STEP[b]` for the first byte `b` of a character: 0 when the character may be blank
/// or folded ([`BLANK_OR_FOLDED_LEAD`]), else its length in bytes, so that a scan steps over
/// it (an ideograph is one step of three bytes) without decoding it.
static SCAN_STEP: [u8; 256] = step_table(&BLANK_OR_FOLDED_LEAD);

/// A scan table for [`next_lead`]: 0 for the lead bytes marked in `stop`, else the length of
/// the UTF-8 sequence the byte starts (1 for bytes that never start one).
pub(crate) const fn step_table(stop: &[bool; 256]) -> [u8; 256] {
    let mut t = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if stop[b] {
            0
        } else {
            match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            }
        };
        b += 1;
    }
    t
}

/// The first character boundary at or after `from` (itself a boundary) whose lead byte
/// `steps` stops at (see [`step_table`]).
pub(crate) fn next_lead(bytes: &[u8], mut from: usize, steps: &[u8; 256]) -> Option<usize> {
    loop {
        match steps[*bytes.get(from)? as usize] {
            0 => return Some(from),
            n => from += n as usize,
        }
    }
}

/// [`next_lead`], adding the characters stepped over to `count`.
fn next_lead_counting(
    bytes: &[u8],
    mut from: usize,
    steps: &[u8; 256],
    count: &mut usize,
) -> Option<usize> {
    loop {
        match steps[*bytes.get(from)? as usize] {
            0 => return Some(from),
            n => {
                from += n as usize;
                *count += 1;
            }
        }
    }
}

/// Length of the UTF-8 sequence that starts with byte `lead`.
pub(crate) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Length in bytes of the character at `bytes[i..]` (a character boundary) when it is blank
/// ([`is_blank`]), else 0. Read from its UTF-8 bytes without decoding it.
fn blank_len(bytes: &[u8], i: usize) -> usize {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or_default();
    match bytes[i] {
        b'\t'..=b'\r' | b' ' => 1,
        // U+0085, U+00A0
        0xC2 if matches!(next(1), 0x85 | 0xA0) => 2,
        // U+1680
        0xE1 if (next(1), next(2)) == (0x9A, 0x80) => 3,
        // U+2000–U+200D, U+2028, U+2029, U+202F; U+205F, U+2060
        0xE2 if matches!(
            (next(1), next(2)),
            (0x80, 0x80..=0x8D | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F | 0xA0)
        ) =>
        {
            3
        }
        // U+3000
        0xE3 if (next(1), next(2)) == (0x80, 0x80) => 3,
        // U+FEFF
        0xEF if (next(1), next(2)) == (0xBB, 0xBF) => 3,
        _ => 0,
    }
}

/// The ASCII form of the full-width character at `bytes[i..]` (a character boundary) when
/// [`fold`] changes it: U+FF01–U+FF5E map onto U+0021–U+007E.
fn folded_at(bytes: &[u8], i: usize) -> Option<u8> {
    match bytes[i..] {
        [
            0xEF,
            0xBC,
            b @ (0x81 | 0x88 | 0x89 | 0x8C | 0x8E | 0x90..=0x9B | 0x9F),
            ..,
        ] => Some(b - 0x60),
        _ => None,
    }
}

/// The blank characters of `s` ([`is_blank`]), as (byte offset, length), found by their
/// UTF-8 bytes.
pub(crate) fn blanks(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let at = next_lead(bytes, from, &SCAN_STEP)?;
            let n = blank_len(bytes, at);
            if n > 0 {
                from = at + n;
                return Some((at, n));
            }
            from = at + utf8_len(bytes[at]);
        }
    })
}

/// `s` without any of its blanks (as `s.chars().filter(|&c| !is_blank(c)).collect()`):
/// the runs between blanks copied whole, the blanks found by their bytes.
pub fn without_blanks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for (at, n) in blanks(s) {
        out.push_str(&s[from..at]);
        from = at + n;
    }
    out.push_str(&s[from..]);
    out
}

/// `s` without its leading and trailing blanks (as `s.trim_matches(is_blank)`).
pub fn trim_blanks(s: &str) -> &str {
    let s = &s[text_start(s)..];
    &s[..text_end(s)]
}

/// Byte offset of the first non-blank character of `s` (`s.len()` when there is none).
fn text_start(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && BLANK_OR_FOLDED_LEAD[bytes[i] as usize] {
        match blank_len(bytes, i) {
            0 => break,
            n => i += n,
        }
    }
    i
}

/// Byte offset just past the last non-blank character of `s` (0 when there is none).
fn text_end(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        // The last character starts at the last byte that is not a continuation byte.
        let mut start = end - 1;
        while start > 0 && (bytes[start] as i8) < -0x40 {
            start -= 1;
        }
        if !BLANK_OR_FOLDED_LEAD[bytes[start] as usize] || blank_len(bytes, start) == 0 {
            break;
        }
        end = start;
    }
    end
}

/// Fold full-width punctuation and digits onto their ASCII forms (for detection only).
pub fn fold(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '；' => ';',
        '，' => ',',
        '．' => '.',
        '！' => '!',
        '？' => '?',
        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// Whether `c` ends a sentence or a clause of a list (checked on folded characters).
pub fn is_final_punct(c: char) -> bool {
    matches!(c, '。' | ';' | ':' | '!' | '?' | '…')
}

/// Whether a clause may start right after `c` (folded) inside a line: sentence and clause
/// punctuation, and the comma (…的原则，一是…).
fn is_break(c: char) -> bool {
    matches!(c, '。' | ';' | ':' | '!' | '?' | ',')
}

/// Scan table of [`CompactLine::fill`]: the blank or folded characters, and the ASCII ones of
/// [`is_break`] (`。` shares its lead byte with U+3000).
static FILL_STEP: [u8; 256] = {
    let mut stop = BLANK_OR_FOLDED_LEAD;
    let punct = b";:!?,";
    let mut k = 0;
    while k < punct.len() {
        stop[punct[k] as usize] = true;
        k += 1;
    }
    step_table(&stop)
};

/// What [`CompactLine::fill`] does with a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Take {
    /// Drops a blank of this many bytes.
    Blank(usize),
    /// Folds a full-width form (three bytes) onto this ASCII character.
    Fold(u8),
    /// Keeps a character of this many bytes as it is; `true` when it is a break character
    /// ([`is_break`]).
    Keep(usize, bool),
}

/// [`Take`] for the character at `bytes[i..]` (a character boundary), read from its UTF-8
/// bytes: `。` and U+3000 share their lead byte with much CJK punctuation, the full-width
/// forms theirs with U+FEFF.
fn take_at(bytes: &[u8], i: usize) -> Take {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or_default();
    match bytes[i] {
        b';' | b':' | b'!' | b'?' | b',' => Take::Keep(1, true),
        0xE3 => match (next(1), next(2)) {
            (0x80, 0x80) => Take::Blank(3),
            (0x80, 0x82) => Take::Keep(3, true),
            _ => Take::Keep(3, false),
        },
        0xEF => match folded_at(bytes, i) {
            Some(ascii) => Take::Fold(ascii),
            None => match blank_len(bytes, i) {
                0 => Take::Keep(3, false),
                n => Take::Blank(n),
            },
        },
        lead => match blank_len(bytes, i) {
            0 => Take::Keep(utf8_len(lead), false),
            n => Take::Blank(n),
        },
    }
}

/// Length in bytes of every character that [`fold`] changes (U+FF01–U+FF5E).
const FOLDED_LEN: usize = '（'.len_utf8();

/// One source line compacted for marker detection: blanks removed, widths folded.
#[derive(Debug, Default)]
pub struct CompactLine {
    /// The compacted, folded text.
    pub text: String,
    /// How the compact text maps back to the source, in order: each piece covers the
    /// compact text from its `at` up to the next piece.
    pieces: Vec<Piece>,
    /// Compact offsets right after blanks or after a break character ([`is_break`]), in
    /// order: the places inside the line where a clause may start.
    breaks: Vec<usize>,
    /// Decoded source offset of the line end.
    end: usize,
    /// The decoded range from the first blank between two non-blank characters to the end of
    /// the last such blank, if any.
    inner_blanks: Option<std::ops::Range<usize>>,
    /// Number of characters in the compact text (a folded one is one, like the character it
    /// stands for).
    chars: usize,
}

/// A stretch of a [`CompactLine`] copied from one stretch of the source: byte for byte,
/// or a single folded character (`（` → `(`).
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Compact byte offset of the piece's first character.
    at: usize,
    /// Decoded source offset of that character.
    src: usize,
    /// The piece is one folded character.
    folded: bool,
    /// Blanks stood right before the piece.
    gap: bool,
}

impl CompactLine {
    /// Refill from `source[start..end]` (one line, no line break), reusing the buffers.
    pub fn fill(&mut self, source: &str, start: usize, end: usize) {
        self.text.clear();
        self.pieces.clear();
        self.breaks.clear();
        self.end = end;
        self.inner_blanks = None;
        let line = &source[start..end];
        // The compact text is at most as long as the line: grow the buffer once.
        self.text.reserve(line.len());
        // `kept`: start of the characters kept as they are since the last blank or folded
        // one, copied in one piece when the next such character (or the line end) comes.
        let mut kept = 0;
        let mut pending_gap = false;
        let bytes = line.as_bytes();
        let mut from = 0;
        let mut chars = 0;
        while let Some(i) = next_lead_counting(bytes, from, &FILL_STEP, &mut chars) {
            match take_at(bytes, i) {
                Take::Keep(n, ends_clause) => {
                    chars += 1;
                    from = i + n;
                    if ends_clause {
                        // Not copied yet: it ends where the kept characters up to it will.
                        self.add_break(self.text.len() + from - kept);
                    }
                }
                Take::Blank(n) => {
                    self.push_kept(line, start, kept, i, &mut pending_gap);
                    kept = i + n;
                    from = kept;
                    pending_gap = !self.text.is_empty();
                    if pending_gap {
                        // The next character, if any, lands here.
                        self.add_break(self.text.len());
                    }
                }
                Take::Fold(ascii) => {
                    self.push_kept(line, start, kept, i, &mut pending_gap);
                    let f = char::from(ascii);
                    chars += 1;
                    kept = i + FOLDED_LEN;
                    from = kept;
                    self.push_piece(start + i, true, pending_gap);
                    self.text.push(f);
                    pending_gap = false;
                    if is_break(f) {
                        self.add_break(self.text.len());
                    }
                }
            }
        }
        self.push_kept(line, start, kept, line.len(), &mut pending_gap);
        self.chars = chars;
    }

    /// Append `line[from..to]` (characters kept as they are) as one piece.
    fn push_kept(&mut self, line: &str, start: usize, from: usize, to: usize, gap: &mut bool) {
        if from >= to {
            return;
        }
        self.push_piece(start + from, false, std::mem::take(gap));
        self.text.push_str(&line[from..to]);
    }

    /// Start a piece at the end of the compact text, for the source from `src` on.
    fn push_piece(&mut self, src: usize, folded: bool, gap: bool) {
        if gap && let Some(prev) = self.pieces.last() {
            // The blanks run from the end of the previous piece up to this one.
            let prev_end = if prev.folded {
                prev.src + FOLDED_LEN
            } else {
                prev.src + (self.text.len() - prev.at)
            };
            self.inner_blanks.get_or_insert(prev_end..src).end = src;
        }
        self.pieces.push(Piece {
            at: self.text.len(),
            src,
            folded,
            gap,
        });
    }

    /// Decoded source range from the first kept character to the end of the last one
    /// (`None` when the line is blank).
    fn text_span(&self) -> Option<(usize, usize)> {
        let first = self.pieces.first()?;
        let last = self.pieces.last()?;
        let end = if last.folded {
            last.src + FOLDED_LEN
        } else {
            last.src + (self.text.len() - last.at)
        };
        Some((first.src, end))
    }

    /// Record a break at compact offset `i` (breaks come in order; each is kept once).
    fn add_break(&mut self, i: usize) {
        if self.breaks.last() != Some(&i) {
            self.breaks.push(i);
        }
    }

    /// Compact offsets right after blanks or after a break character (`。` `;` `:` `!` `?`
    /// `,`, folded), in order: the places inside the line where a clause may start.
    pub fn breaks(&self) -> &[usize] {
        &self.breaks
    }

    /// The piece that holds compact byte `i` (`i < text.len()`).
    fn piece(&self, i: usize) -> &Piece {
        let k = self.pieces.partition_point(|p| p.at <= i);
        &self.pieces[k - 1]
    }

    /// Decoded source offset of the character at compact byte `i` (a character boundary;
    /// `i == len` is the line end).
    pub fn source_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.end;
        }
        let p = self.piece(i);
        if p.folded { p.src } else { p.src + (i - p.at) }
    }

    /// Decoded source offset just past the character that ends at compact byte `i`
    /// (exclusive end of a compact range `..i`).
    pub fn source_end(&self, source: &str, i: usize) -> usize {
        if i == 0 {
            return self.source_offset(0);
        }
        let last = crate::text::floor_char_boundary(&self.text, i - 1);
        let at = self.source_offset(last);
        at + source[at..].chars().next().map_or(0, char::len_utf8)
    }

    /// Whether blanks stood before the character at compact byte `i`.
    pub fn gap_before(&self, i: usize) -> bool {
        self.pieces
            .binary_search_by_key(&i, |p| p.at)
            .is_ok_and(|k| self.pieces[k].gap)
    }

    /// The facts of the line this was filled from, which starts at `start` in `source`.
    fn line_info(&self, source: &str, start: usize) -> LineInfo {
        let end = self.end;
        let (text_start, text_end) = self.text_span().unwrap_or((end, end));
        let indent: usize = source[start..text_start]
            .chars()
            .map(|c| if c == '\u{3000}' { 2 } else { 1 })
            .sum();
        // The text without its leading and trailing blanks.
        let t = &source[text_start..text_end];
        let len = self.chars;
        let parenthetical =
            (t.starts_with('（') || t.starts_with('(')) && (t.ends_with('）') || t.ends_with(')'));
        let ends_final = parenthetical
            || !t.is_empty() && {
                let t = t.trim_end_matches(|c: char| {
                    is_blank(c) || matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | '》')
                });
                t.chars()
                    .next_back()
                    .is_some_and(|c| is_final_punct(fold(c)))
            };
        LineInfo {
            start,
            end,
            text_start,
            text_end,
            inner_blanks: self.inner_blanks.clone().unwrap_or(end..end),
            blank: len == 0,
            indent,
            len,
            ends_final,
            boilerplate: false,
            para_end: true,
        }
    }
}

/// Facts about one line of the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInfo {
    /// Decoded offset of the line's first character.
    pub start: usize,
    /// Decoded offset just past the line's last character (line break excluded).
    pub end: usize,
    /// Decoded offset of the first non-blank character (`end` on a blank line).
    pub text_start: usize,
    /// Decoded offset just past the last non-blank character (`end` on a blank line).
    pub text_end: usize,
    /// The decoded range from the first blank between `text_start` and `text_end` to the end
    /// of the last one (empty when the text holds none): the only place inside the text where
    /// blanks need to be looked for.
    pub inner_blanks: std::ops::Range<usize>,
    /// The line holds only blanks.
    pub blank: bool,
    /// Leading blank width (a full-width space counts 2).
    pub indent: usize,
    /// Number of non-blank characters.
    pub len: usize,
    /// The last non-blank character (folded) ends a sentence, after closing quotes, or the
    /// line is a complete parenthetical (a date or issuing note).
    pub ends_final: bool,
    /// Web or export boilerplate, outside every document.
    pub boilerplate: bool,
    /// A paragraph ends after this line (set by [`Layout::mark_paragraphs`]).
    pub para_end: bool,
}

/// The line layout of a file.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// One entry per line; `lines[0]` is line 1.
    pub lines: Vec<LineInfo>,
    /// Typical length of a full (wrapped) line, in characters.
    pub wrap_width: usize,
    /// The most common indentation of non-blank lines.
    pub base_indent: usize,
}

impl Layout {
    /// Measure every line of `src`.
    pub fn new(src: &SourceText) -> Self {
        Self::scan(src, |_, _, _| {})
    }

    /// Measure every line of `src`, compacting each one on the way; `each` is shown every
    /// non-blank line: its number (1-based), its facts (not yet marked boilerplate) and its
    /// compact form.
    pub fn scan(src: &SourceText, mut each: impl FnMut(usize, &LineInfo, &CompactLine)) -> Self {
        let text = src.as_str();
        let mut lines = Vec::with_capacity(src.line_count());
        let mut cl = CompactLine::default();
        for l in src.lines() {
            cl.fill(text, l.start, l.end);
            let info = cl.line_info(text, l.start);
            if !info.blank {
                each(l.number, &info, &cl);
            }
            lines.push(info);
        }
        let mut lens: Vec<usize> = lines.iter().filter(|l| !l.blank).map(|l| l.len).collect();
        // Too few lines say nothing about hard wrapping: then no line counts as full.
        let wrap_width = if lens.len() >= 10 {
            // The length at the third quartile.
            let k = lens.len() * 3 / 4;
            *lens.select_nth_unstable(k).1
        } else {
            usize::MAX / 16
        };
        let mut indents: Vec<usize> = lines
            .iter()
            .filter(|l| !l.blank)
            .map(|l| l.indent)
            .collect();
        indents.sort_unstable();
        let base_indent = mode(&indents);
        Layout {
            lines,
            wrap_width,
            base_indent,
        }
    }

    /// Info of line `number` (1-based).
    pub fn line(&self, number: usize) -> &LineInfo {
        &self.lines[number - 1]
    }

    /// Whether line `number` is long enough to be a hard-wrapped line that continues.
    pub fn is_full(&self, number: usize) -> bool {
        let l = self.line(number);
        !l.blank && l.len * 10 >= self.wrap_width * 6 && l.len >= 8
    }

    /// The previous non-blank, non-boilerplate line before line `number`.
    pub fn prev_content(&self, number: usize) -> Option<usize> {
        (1..number)
            .rev()
            .find(|&n| !self.line(n).blank && !self.line(n).boilerplate)
    }

    /// Decide where paragraphs end. `starts_clause[i]` says line `i + 1` starts with a
    /// clause marker. A line break ends a paragraph only on evidence: sentence-final
    /// punctuation, a following marker, a following indented line, or a short line (a title
    /// or heading rather than a hard-wrapped line).
    pub fn mark_paragraphs(&mut self, starts_clause: &[bool]) {
        let n = self.lines.len();
        let mut next_content: Option<usize> = None;
        for i in (0..n).rev() {
            let l = &self.lines[i];
            if l.blank || l.boilerplate {
                self.lines[i].para_end = true;
                continue;
            }
            let end = match next_content {
                None => true,
                Some(j) => {
                    let nx = &self.lines[j];
                    l.ends_final
                        || starts_clause.get(j).copied().unwrap_or(false)
                        || nx.boilerplate
                        || nx.indent > self.base_indent + 1
                        || !self.is_full(i + 1)
                }
            };
            self.lines[i].para_end = end;
            next_content = Some(i);
        }
    }
}

fn mode(sorted: &[usize]) -> usize {
    let (mut best, mut best_n, mut i) = (0, 0, 0);
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&x| x == sorted[i]).count();
        if j > best_n {
            best = sorted[i];
            best_n = j;
        }
        i += j;
    }
    best
}

/// Append the cleaned text of `source[start..end]` to `out`: boilerplate and blank lines
/// skipped, hard-wrapped lines joined, a `\n` at each paragraph end, blanks dropped except a
/// single space between two ASCII letters or digits.
pub fn clean_range(
    src: &SourceText,
    layout: &Layout,
    start: usize,
    end: usize,
    out: &mut MappedText,
) {
    clean_range_near(src, layout, 0, start, end, out);
}

/// [`clean_range`] given `near`, the line (1-based) that likely holds `start`: it is checked,
/// and the line looked up only when it does not.
pub fn clean_range_near(
    src: &SourceText,
    layout: &Layout,
    near: usize,
    start: usize,
    end: usize,
    out: &mut MappedText,
) {
    if start >= end {
        return;
    }
    let text = src.as_str();
    // The cleaned text is about as long as the span: grow the buffers once.
    out.reserve(end - start);
    // A paragraph break is written only when more text follows it.
    let mut pending_break: Option<usize> = None;
    // The lines from the one that holds `start` up to the last one that starts before `end`.
    let holds_start = |n: usize| {
        n >= 1
            && layout.lines.get(n - 1).is_some_and(|l| l.start <= start)
            && layout.lines.get(n).is_none_or(|next| next.start > start)
    };
    let first = if holds_start(near) {
        near
    } else {
        src.line_of(start)
    };
    for l in layout.lines[first - 1..]
        .iter()
        .take_while(|l| l.start < end)
    {
        if l.blank || l.boilerplate {
            continue;
        }
        let a = l.start.max(start);
        let b = l.end.min(end);
        if a >= b {
            continue;
        }
        let mut runs = CleanRuns {
            text,
            out: &mut *out,
            pending_break: &mut pending_break,
            space_at: None,
            run: a,
        };
        // The blanks of `a..b`: the leading ones, those of the inner range, the trailing
        // ones; the non-blank text between them is copied in one piece.
        if a < l.text_start {
            runs.blank(a, l.text_start.min(b) - a);
        }
        let (ia, ib) = (l.inner_blanks.start.max(a), l.inner_blanks.end.min(b));
        if ia < ib {
            for (i, n) in blanks(&text[ia..ib]) {
                runs.blank(ia + i, n);
            }
        }
        let tail = l.text_end.max(a);
        if tail < b {
            runs.blank(tail, b - tail);
        }
        runs.text_to(b);
        if l.para_end && b == l.end {
            pending_break = Some(l.end);
        }
    }
    out.finish(end);
}

/// The cleaned text of one line's part, written run by run: see [`clean_range`].
struct CleanRuns<'a> {
    /// The decoded source.
    text: &'a str,
    /// Where the cleaned text goes.
    out: &'a mut MappedText,
    /// A paragraph break owed before the next text (its source offset).
    pending_break: &'a mut Option<usize>,
    /// Where the blanks before the next text started, if any stood there.
    space_at: Option<usize>,
    /// Start of the text not yet written.
    run: usize,
}

impl CleanRuns<'_> {
    /// The text up to `at`, then `n > 0` bytes of blanks.
    fn blank(&mut self, at: usize, n: usize) {
        self.text_to(at);
        self.space_at.get_or_insert(at);
        self.run = at + n;
    }

    /// Write the non-blank text from the current run up to `at`, if any: after a pending
    /// paragraph break, and after a space when blanks stood between two ASCII letters or
    /// digits (a character is one when its last, or first, byte is: other characters have
    /// no ASCII byte).
    fn text_to(&mut self, at: usize) {
        if at <= self.run {
            return;
        }
        let out = &mut *self.out;
        if let Some(brk) = self.pending_break.take()
            && !out.is_empty()
            && !out.as_str().ends_with('\n')
        {
            out.push_char('\n', brk);
        }
        if let Some(sp) = self.space_at.take()
            && out
                .as_str()
                .as_bytes()
                .last()
                .is_some_and(u8::is_ascii_alphanumeric)
            && self.text.as_bytes()[self.run].is_ascii_alphanumeric()
        {
            out.push_char(' ', sp);
        }
        out.push_source(self.text, self.run, at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts of line `s` (starting at `start`), by their plain definitions.
    fn plain_line_info(s: &str, start: usize) -> LineInfo {
        let end = start + s.len();
        let t = s.trim_matches(is_blank);
        let lead = s.len() - s.trim_start_matches(is_blank).len();
        let blank_at: Vec<(usize, char)> = t.char_indices().filter(|&(_, c)| is_blank(c)).collect();
        let text_start = if t.is_empty() { end } else { start + lead };
        let inner_blanks = match (blank_at.first(), blank_at.last()) {
            (Some(&(a, _)), Some(&(b, c))) => text_start + a..text_start + b + c.len_utf8(),
            _ => end..end,
        };
        let len = t.chars().filter(|&c| !is_blank(c)).count();
        let last = t
            .trim_end_matches(|c: char| is_blank(c) || "”’\"'」』》".contains(c))
            .chars()
            .next_back();
        LineInfo {
            start,
            end,
            text_start,
            text_end: if t.is_empty() {
                end
            } else {
                text_start + t.len()
            },
            inner_blanks,
            blank: len == 0,
            indent: s[..lead]
                .chars()
                .map(|c| if c == '\u{3000}' { 2 } else { 1 })
                .sum(),
            len,
            ends_final: (t.starts_with(['（', '(']) && t.ends_with(['）', ')']))
                || last.is_some_and(|c| is_final_punct(fold(c))),
            boilerplate: false,
            para_end: true,
        }
    }

    proptest::proptest! {
        #[test]
        fn line_facts_follow_their_plain_definitions(
            lines in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(
                        " \t\u{3000}\u{FEFF}\u{200B}\u{00A0}\u{2060}\u{0085}\u{2029}甲乙a1（）(): ：；;，．。…！？０９”’\"'」』》一、第条"
                            .chars()
                            .collect::<Vec<char>>(),
                    ),
                    0..12,
                ),
                1..6,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let lines: Vec<String> = lines.into_iter().map(String::from_iter).collect();
            let s = lines.join(if crlf { "\r\n" } else { "\n" });
            let src = SourceText::from_utf8(&s);
            let mut seen = Vec::new();
            let layout = Layout::scan(&src, |number, info, cl| {
                seen.push((number, info.clone(), cl.text.clone()));
            });
            let want: Vec<LineInfo> = src
                .lines()
                .map(|l| plain_line_info(&s[l.start..l.end], l.start))
                .collect();
            proptest::prop_assert_eq!(&layout.lines, &want, "{:?}", s);
            // The non-blank lines are shown, compacted.
            let shown: Vec<(usize, LineInfo, String)> = src
                .lines()
                .zip(&want)
                .filter(|(_, info)| !info.blank)
                .map(|(l, info)| {
                    let mut c = CompactLine::default();
                    c.fill(&s, l.start, l.end);
                    (l.number, info.clone(), c.text)
                })
                .collect();
            proptest::prop_assert_eq!(seen, shown);
        }
    }

    #[test]
    fn compact_line_drops_blanks_and_folds_widths() {
        let s = "  （ 一）加强 领导：１ ．";
        let mut c = CompactLine::default();
        c.fill(s, 0, s.len());
        assert_eq!(c.text, "(一)加强领导:1.");
        assert_eq!(c.source_offset(0), s.find('（').unwrap());
        let yi = c.text.find('一').unwrap();
        assert!(c.gap_before(yi));
        assert!(!c.gap_before(0));
        assert_eq!(&s[c.source_offset(0)..c.source_end(s, yi + 4)], "（ 一）");
    }

    #[test]
    fn breaks_follow_blanks_and_clause_punctuation() {
        for s in [
            "  （ 一）加强 领导：１ ．",
            "甲。乙;丙 丁，一是戊 己。 （二）庚！  辛?壬:癸,",
            "a  b。c",
            "第一条　内容。　　第二条 内容；  ",
            "",
        ] {
            let mut c = CompactLine::default();
            c.fill(s, 0, s.len());
            // Every character after a break character or a blank gap, in order, once (an
            // offset at the end of the text stands for no character).
            let mut want: Vec<usize> = Vec::new();
            for (i, ch) in c.text.char_indices() {
                if i > 0 && c.gap_before(i) {
                    want.push(i);
                }
                if is_break(ch) {
                    want.push(i + ch.len_utf8());
                }
            }
            want.dedup();
            want.retain(|&i| i < c.text.len());
            let got: Vec<usize> = c
                .breaks()
                .iter()
                .copied()
                .filter(|&i| i < c.text.len())
                .collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn the_byte_scan_finds_every_blank_and_folded_character() {
        let mut buf = [0u8; 4];
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            if is_blank(c) || fold(c) != c {
                assert!(BLANK_OR_FOLDED_LEAD[bytes[0] as usize], "{c:?}");
            }
            let blank = if is_blank(c) { c.len_utf8() } else { 0 };
            assert_eq!(blank_len(bytes, 0), blank, "{c:?}");
            let folded = Some(fold(c)).filter(|&f| f != c).map(|f| f as u8);
            assert_eq!(folded_at(bytes, 0), folded, "{c:?}");
            assert_eq!(utf8_len(bytes[0]), c.len_utf8(), "{c:?}");
            let take = if is_blank(c) {
                Take::Blank(c.len_utf8())
            } else if let Some(f) = folded {
                Take::Fold(f)
            } else {
                Take::Keep(c.len_utf8(), is_break(c))
            };
            assert_eq!(take_at(bytes, 0), take, "{c:?}");
            if is_break(c) {
                assert!(FILL_STEP[bytes[0] as usize] == 0, "{c:?}");
            }
        }
        let s = "\u{3000}\u{3000}第 一\u{FEFF}条：（１）\t";
        let found: Vec<(usize, usize)> = blanks(s).collect();
        let want: Vec<(usize, usize)> = s
            .char_indices()
            .filter(|&(_, c)| is_blank(c))
            .map(|(i, c)| (i, c.len_utf8()))
            .collect();
        assert_eq!(found, want);
        for s in ["", "　", " 甲 乙\u{FEFF}", "甲　", "\u{2060}甲"] {
            assert_eq!(
                text_start(s),
                s.len() - s.trim_start_matches(is_blank).len()
            );
            assert_eq!(text_end(s), s.trim_end_matches(is_blank).len());
            assert_eq!(trim_blanks(s), s.trim_matches(is_blank));
            assert_eq!(
                without_blanks(s),
                s.chars().filter(|&c| !is_blank(c)).collect::<String>()
            );
        }
    }

    #[test]
    fn blanks_are_white_space_zero_widths_and_the_bom() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let plain = c.is_whitespace()
                || matches!(
                    c,
                    '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
                );
            assert_eq!(is_blank(c), plain, "{c:?}");
        }
    }

    #[test]
    fn markup_before_a_line_is_read_through() {
        assert_eq!(trim_start_markup("## 第二章 总则"), "第二章 总则");
        assert_eq!(trim_start_markup("　# 城区条例"), "城区条例");
        assert_eq!(trim_start_markup("- 第一条 甲"), "第一条 甲");
        // Without blanks after it, the run is text (a rule line, a dash, emphasis).
        assert_eq!(trim_start_markup("---"), "---");
        assert_eq!(trim_start_markup("**第一条**"), "**第一条**");
        assert_eq!(trim_start_markup("#　"), "#　");
        assert_eq!(trim_start_markup("总则"), "总则");
        assert_eq!(trim_start_markup("| 第一条 | 甲 |"), "| 第一条 | 甲 |");
    }

    #[test]
    fn zero_width_and_ideographic_spaces_are_blank() {
        for c in ['\u{FEFF}', '\u{200B}', '\u{3000}', ' ', '\t'] {
            assert!(is_blank(c), "{c:?}");
        }
        assert!(!is_blank('一'));
    }

    fn layout_of(s: &str) -> (SourceText, Layout) {
        let src = SourceText::from_utf8(s);
        let mut l = Layout::new(&src);
        let starts: Vec<bool> = src
            .lines()
            .map(|ln| {
                let t = src.as_str()[ln.start..ln.end].trim_start();
                t.starts_with('（') || t.starts_with("一、")
            })
            .collect();
        l.mark_paragraphs(&starts);
        (src, l)
    }

    #[test]
    fn wrapped_lines_join_and_sentences_end_paragraphs() {
        let head = "一、工作目标\n到本年底全市建成覆盖城乡的垃圾分类收运\n体系，居民投放准确率明显提高，\n\n各区财政保障运行经费落实到位。\n短标题\n（一）细化任务。";
        let filler = "\n各街道要结合实际制定本辖区实施计划并报送。".repeat(8);
        let s = format!("{head}{filler}");
        let s = s.as_str();
        let (src, l) = layout_of(s);
        let mut out = MappedText::new();
        clean_range(&src, &l, 0, head.len(), &mut out);
        assert_eq!(
            out.as_str(),
            "一、工作目标\n到本年底全市建成覆盖城乡的垃圾分类收运体系，居民投放准确率明显提高，各区财政保障运行经费落实到位。\n短标题\n（一）细化任务。"
        );
        // Every byte maps back to the source character it came from.
        let i = out.as_str().find("体系").unwrap();
        assert_eq!(out.source_offset(i), s.find("体系").unwrap());
    }

    #[test]
    fn ocr_spaces_dropped_but_ascii_words_kept_apart() {
        let s = "推进 垃圾 分类，使用 Windows 10 系统";
        let (src, l) = layout_of(s);
        let mut out = MappedText::new();
        clean_range(&src, &l, 0, s.len(), &mut out);
        assert_eq!(out.as_str(), "推进垃圾分类，使用Windows 10系统");
    }

    #[test]
    fn any_part_of_a_line_is_cleaned_alike() {
        let s = " \u{3000}甲 乙\u{3000}丙x 1\u{FEFF}2 y  \t";
        let (src, l) = layout_of(s);
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b > a) {
                let mut out = MappedText::new();
                clean_range(&src, &l, a, b, &mut out);
                // The non-blank runs of a..b, a space kept only between ASCII letters or digits.
                let mut want = String::new();
                for run in s[a..b].split(is_blank).filter(|r| !r.is_empty()) {
                    let joins = want
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        && run.starts_with(|c: char| c.is_ascii_alphanumeric());
                    if joins {
                        want.push(' ');
                    }
                    want.push_str(run);
                }
                assert_eq!(out.as_str(), want, "{a}..{b}");
            }
        }
    }

    #[test]
    fn a_wrong_line_guess_cleans_alike() {
        let s = "一、目标\n\n 甲乙 丙\r\n丁。\n\n（一）戊\n";
        let (src, l) = layout_of(s);
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b > a) {
                let mut want = MappedText::new();
                clean_range(&src, &l, a, b, &mut want);
                for near in 0..=l.lines.len() + 1 {
                    let mut out = MappedText::new();
                    clean_range_near(&src, &l, near, a, b, &mut out);
                    assert_eq!(out, want, "{a}..{b} near {near}");
                }
            }
        }
    }

    #[test]
    fn indentation_starts_a_paragraph() {
        let s = "这是一段被硬换行切开的比较长的文字内容而且没有标点\n　　新的一段从缩进开始，说明上一段已经结束。";
        let (_, l) = layout_of(s);
        assert!(l.line(1).para_end);
    }
}
