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
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
        )
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

/// One source line compacted for marker detection: blanks removed, widths folded.
#[derive(Debug, Default)]
pub struct CompactLine {
    /// The compacted, folded text.
    pub text: String,
    /// `src[i]`: decoded source offset of the character that byte `i` belongs to; one extra
    /// entry for the end of the line.
    src: Vec<usize>,
    /// `gap[i]`: blanks stood right before the character at byte `i`.
    gap: Vec<bool>,
}

impl CompactLine {
    /// Refill from `source[start..end]` (one line, no line break), reusing the buffers.
    pub fn fill(&mut self, source: &str, start: usize, end: usize) {
        self.text.clear();
        self.src.clear();
        self.gap.clear();
        let mut pending_gap = false;
        for (i, c) in source[start..end].char_indices() {
            if is_blank(c) {
                pending_gap = !self.text.is_empty();
                continue;
            }
            let f = fold(c);
            self.text.push(f);
            for _ in 0..f.len_utf8() {
                self.src.push(start + i);
                self.gap.push(pending_gap);
            }
            pending_gap = false;
        }
        self.src.push(end);
    }

    /// Decoded source offset of compact byte `i` (`i == len` is the line end).
    pub fn source_offset(&self, i: usize) -> usize {
        self.src[i.min(self.src.len() - 1)]
    }

    /// Decoded source offset just past the character that ends at compact byte `i`
    /// (exclusive end of a compact range `..i`).
    pub fn source_end(&self, source: &str, i: usize) -> usize {
        if i == 0 {
            return self.source_offset(0);
        }
        let last = self.source_offset(i - 1);
        last + source[last..].chars().next().map_or(0, char::len_utf8)
    }

    /// Whether blanks stood before compact byte `i`.
    pub fn gap_before(&self, i: usize) -> bool {
        self.gap.get(i).copied().unwrap_or(false)
    }
}

/// Facts about one line of the source.
#[derive(Debug, Clone, Default)]
pub struct LineInfo {
    /// Decoded offset of the line's first character.
    pub start: usize,
    /// Decoded offset just past the line's last character (line break excluded).
    pub end: usize,
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
        let text = src.as_str();
        let mut lines = Vec::with_capacity(src.line_count());
        for l in src.lines() {
            let s = &text[l.start..l.end];
            let mut indent = 0;
            let mut len = 0;
            let mut leading = true;
            let mut last = None;
            for c in s.chars() {
                if is_blank(c) {
                    if leading {
                        indent += if c == '\u{3000}' { 2 } else { 1 };
                    }
                    continue;
                }
                leading = false;
                len += 1;
                last = Some(c);
            }
            let t = s.trim_matches(is_blank);
            let parenthetical = (t.starts_with('（') || t.starts_with('('))
                && (t.ends_with('）') || t.ends_with(')'));
            let ends_final = parenthetical
                || last.is_some_and(|_| {
                    let t = s.trim_end_matches(|c: char| {
                        is_blank(c) || matches!(c, '”' | '’' | '"' | '\'' | '」' | '』' | '》')
                    });
                    t.chars()
                        .next_back()
                        .is_some_and(|c| is_final_punct(fold(c)))
                });
            lines.push(LineInfo {
                start: l.start,
                end: l.end,
                blank: len == 0,
                indent,
                len,
                ends_final,
                boilerplate: false,
                para_end: true,
            });
        }
        let mut lens: Vec<usize> = lines.iter().filter(|l| !l.blank).map(|l| l.len).collect();
        lens.sort_unstable();
        // Too few lines say nothing about hard wrapping: then no line counts as full.
        let wrap_width = if lens.len() >= 10 {
            lens.get(lens.len() * 3 / 4).copied().unwrap_or(0)
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
    if start >= end {
        return;
    }
    let text = src.as_str();
    let first = src.line_of(start);
    let last = src.line_of(end.saturating_sub(1)).max(first);
    // A paragraph break is written only when more text follows it.
    let mut pending_break: Option<usize> = None;
    for number in first..=last {
        let l = layout.line(number);
        if l.blank || l.boilerplate {
            continue;
        }
        let a = l.start.max(start);
        let b = l.end.min(end);
        if a >= b {
            continue;
        }
        let mut prev: Option<char> = out.as_str().chars().next_back();
        let mut space_at: Option<usize> = None;
        // Start of the source run being copied: contiguous non-blank text is pushed in
        // one piece.
        let mut run: Option<usize> = None;
        for (i, c) in text[a..b].char_indices() {
            if is_blank(c) {
                if let Some(r) = run.take() {
                    out.push_source(text, r, a + i);
                }
                space_at.get_or_insert(a + i);
                continue;
            }
            if run.is_some() {
                prev = Some(c);
                continue;
            }
            if let Some(at) = pending_break.take()
                && !out.is_empty()
                && !out.as_str().ends_with('\n')
            {
                out.push_char('\n', at);
                prev = Some('\n');
            }
            if let Some(at) = space_at.take()
                && prev.is_some_and(|p| p.is_ascii_alphanumeric())
                && c.is_ascii_alphanumeric()
            {
                out.push_char(' ', at);
            }
            run = Some(a + i);
            prev = Some(c);
        }
        if let Some(r) = run {
            out.push_source(text, r, b);
        }
        if l.para_end && b == l.end {
            pending_break = Some(l.end);
        }
    }
    out.finish(end);
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn indentation_starts_a_paragraph() {
        let s = "这是一段被硬换行切开的比较长的文字内容而且没有标点\n　　新的一段从缩进开始，说明上一段已经结束。";
        let (_, l) = layout_of(s);
        assert!(l.line(1).para_end);
    }
}
