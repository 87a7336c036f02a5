//! Marker candidates: every place in a line where a clause marker may start.
//!
//! Lines are read in their compacted, width-folded form ([`CompactLine`]), so `1 .`,
//! `（ 一）`, `二 是` and `第 三 条` are recognised like their clean forms, while the
//! candidate keeps the exact source text and offsets. A candidate at the start of a line
//! that follows a finished paragraph is *strong*; one inside a paragraph (after `；` `;`
//! `。` `：`, or after a blank gap) or at the start of a hard-wrapped continuation line is
//! *weak*: the tree builder accepts it only where it fits the numbering sequence.

use super::marker::{self, Ordinal, Style};
use super::refs;
use crate::normalize::{self, CompactLine, LineInfo};

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A readable marker.
    Marked {
        /// Its number.
        number: u32,
        /// The N of an inserted unit `第X条之N` (0 for an ordinary marker).
        insert: u32,
        /// Its style (bracket width taken from the source).
        style: Style,
    },
    /// A damaged bracket marker such as `(- - )`; its number comes from the sequence.
    Garbled,
}

/// One marker candidate.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Decoded offset of the marker's first character.
    pub start: usize,
    /// Decoded offset just past the marker and its punctuation.
    pub marker_end: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// The marker does not start its line.
    pub inline: bool,
    /// Needs the numbering sequence to confirm it.
    pub weak: bool,
    /// Marker or garbled marker.
    pub kind: Kind,
    /// Punctuation written after the number, as in the source.
    pub punct: Option<char>,
    /// The marker opens a short line without closing punctuation: a heading line
    /// (`（三）费用结算`), not an item sentence.
    pub heading_like: bool,
}

impl Cand {
    /// The marker exactly as it stands in `source` (the text the candidate was found in).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.marker_end]
    }

    /// The line of the candidate starts a paragraph (the previous line ended one): a marker
    /// at the line start is strong.
    pub fn start_paragraph(&mut self) {
        if !self.inline {
            self.weak = false;
        }
    }

    /// Style family and place in the sequence, when readable.
    pub fn family_ordinal(&self) -> Option<(Style, Ordinal)> {
        match self.kind {
            Kind::Marked {
                number,
                insert,
                style,
            } => Some((style.family(), Ordinal::new(number, insert))),
            Kind::Garbled => None,
        }
    }
}

/// Characters after which a marker may start inside a paragraph (folded forms).
/// What opens a line of a block quotation (Markdown, or a plain text quoting the way mail
/// does), in compact form.
const QUOTE_LINE: char = '>';

fn is_boundary(c: char) -> bool {
    matches!(c, ';' | ':' | '。' | '!' | '?')
}

/// Characters a marker can start with (folded forms): the plain definition of
/// [`may_start_at`].
#[cfg(test)]
fn may_start(c: char) -> bool {
    c == '第'
        || c == '('
        || c.is_ascii_digit()
        || marker::is_cn_digit(c)
        || ('\u{2460}'..='\u{2473}').contains(&c)
        || ('\u{3220}'..='\u{3229}').contains(&c)
}

/// [`may_start`] for the character at `bytes[i..]` (a character boundary of a UTF-8 text;
/// `false` past its end), told by its UTF-8 bytes without decoding it.
fn may_start_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        bytes.get(i..).unwrap_or_default(),
        [b'(' | b'0'..=b'9', ..]
            // ① … ⑳
            | [0xE2, 0x91, 0xA0..=0xB3, ..]
            // 〇, ㈠ … ㈩
            | [0xE3, 0x80, 0x87, ..]
            | [0xE3, 0x88, 0xA0..=0xA9, ..]
            // 一 三 七 两, 九, 二 五
            | [0xE4, 0xB8, 0x80 | 0x83 | 0x89 | 0xA4, ..]
            | [0xE4, 0xB9, 0x9D, ..]
            | [0xE4, 0xBA, 0x8C | 0x94, ..]
            // 六 八, 十 千, 四
            | [0xE5, 0x85, 0xAB | 0xAD, ..]
            | [0xE5, 0x8D, 0x81 | 0x83, ..]
            | [0xE5, 0x9B, 0x9B, ..]
            // 百, 第
            | [0xE7, 0x99, 0xBE, ..]
            | [0xE7, 0xAC, 0xAC, ..]
            // 零
            | [0xE9, 0x9B, 0xB6, ..]
    )
}

/// Find the candidates of one line from its compact form `cl`. A marker at the line start
/// is taken to continue a paragraph (weak unless it opens a heading line): where the
/// previous line ended one, [`Cand::start_paragraph`] makes it strong.
pub(crate) fn line_candidates(
    source: &str,
    number: usize,
    info: &LineInfo,
    cl: &CompactLine,
    out: &mut Vec<Cand>,
) {
    let text = cl.text.as_str();
    if text.is_empty() || text.starts_with(QUOTE_LINE) {
        // A line of a block quotation (`> 第五条　…`) quotes another text: no clause of
        // this document starts in it.
        return;
    }
    // A run of markup before the text (`## 第二章`, `- 第一条`) is no part of it: a marker
    // right after the run and its blanks starts the line.
    let lead = match normalize::markup_run(text) {
        0 => 0,
        run if cl.gap_before(run) => run,
        _ => usize::MAX,
    };
    // Columns are counted incrementally so a very long line stays linear.
    let (mut col_off, mut col) = (info.start, 1usize);
    // Elsewhere than at the line start and the breaks, the boundary test below fails.
    for i in std::iter::once(0).chain(cl.breaks().iter().copied()) {
        if !may_start_at(text.as_bytes(), i) {
            continue;
        }
        crate::budget::checkpoint(crate::model::Stage::Structure);
        let rest = &text[i..];
        let at_start = i == 0 || i == lead;
        let before = text[..i].chars().next_back();
        // 一是/二是 also follow a comma (…的原则，一是…；二是…).
        let after_comma = before == Some(',') && rest.chars().nth(1) == Some('是');
        let boundary =
            at_start || before.is_some_and(is_boundary) || cl.gap_before(i) || after_comma;
        if !boundary {
            continue;
        }
        let (len, kind) = if let Some(m) = marker::read_at(rest) {
            let gap = cl.gap_before(i + m.len);
            if m.style.is_unit() && refs::unit_cited(&rest[m.len..], gap) {
                continue;
            }
            if m.style.is_heading_unit() && refs::heading_in_prose(&rest[m.len..], gap) {
                continue;
            }
            // 第（三）、（四）项 / （四）项所列: a cited item, not a marker.
            let close = m.len - m.punct.map_or(0, char::len_utf8);
            if m.style.is_bracketed() && refs::item_cited(&rest[close..]) {
                continue;
            }
            if m.number == 0 {
                continue;
            }
            (
                m.len,
                Kind::Marked {
                    number: m.number,
                    insert: m.insert,
                    style: m.style,
                },
            )
        } else if at_start && let Some(len) = marker::parse_garbled(rest) {
            (len, Kind::Garbled)
        } else {
            continue;
        };
        let start = cl.source_offset(i);
        let marker_end = cl.source_end(source, i + len);
        col += source[col_off..start].chars().count();
        col_off = start;
        let raw = &source[start..marker_end];
        let kind = match kind {
            Kind::Marked {
                number,
                insert,
                style,
            } => Kind::Marked {
                number,
                insert,
                style: style.with_width(raw.starts_with('（')),
            },
            k => k,
        };
        let punct = match kind {
            Kind::Marked { .. } => raw
                .chars()
                .next_back()
                .filter(|&c| marker::is_punct(c) && raw.chars().nth(1).is_some()),
            Kind::Garbled => None,
        };
        out.push(Cand {
            start,
            marker_end,
            line: number,
            column: col,
            inline: !at_start,
            weak: !at_start || !heading_line(kind, info),
            kind,
            punct,
            heading_like: at_start && info.len <= HEADING_CHARS && !ends_clause(text),
        });
    }
}

/// The longest line that reads as a heading, in characters.
const HEADING_CHARS: usize = 30;

/// Whether a line (folded form) ends with the punctuation of a sentence or a clause.
fn ends_clause(text: &str) -> bool {
    text.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | ';' | ':' | ',' | '、' | '!' | '?' | '，' | '；' | '：'
        )
    })
}

/// A 第X编/分编/章/节 on a short line is a heading line, whatever the previous line looked like.
fn heading_line(kind: Kind, info: &LineInfo) -> bool {
    match kind {
        Kind::Marked { style, .. } => style.is_heading_unit() && info.len <= HEADING_CHARS,
        Kind::Garbled => false,
    }
}

/// The candidates of every line of `s`, each line starting a paragraph.
#[cfg(test)]
pub(crate) fn candidates_of(s: &str) -> Vec<Cand> {
    let src = crate::text::SourceText::from_utf8(s);
    let mut out = Vec::new();
    crate::normalize::Layout::scan(&src, |number, info, cl| {
        line_candidates(s, number, info, cl, &mut out);
    });
    for c in &mut out {
        c.start_paragraph();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(s: &str) -> Vec<Cand> {
        candidates_of(s)
    }

    fn texts(s: &str) -> Vec<(String, bool)> {
        cands(s)
            .into_iter()
            .map(|c| (c.text(s).to_string(), c.inline))
            .collect()
    }

    #[test]
    fn spaces_inside_markers_are_tolerated() {
        let s = "1 .加强学习\n二 是改进作风\n第 三 条 本办法\n（ 一）总体要求\n三 、其他";
        let c = cands(s);
        let got: Vec<(&str, Option<(Style, Ordinal)>)> =
            c.iter().map(|c| (c.text(s), c.family_ordinal())).collect();
        let p = Ordinal::plain;
        assert_eq!(
            got,
            vec![
                ("1 .", Some((Style::Arabic, p(1)))),
                ("二 是", Some((Style::CnShi, p(2)))),
                ("第 三 条", Some((Style::Article, p(3)))),
                ("（ 一）", Some((Style::CnParen, p(1)))),
                ("三 、", Some((Style::CnDun, p(3)))),
            ]
        );
        assert_eq!(
            c[3].kind,
            Kind::Marked {
                number: 1,
                insert: 0,
                style: Style::CnParen
            }
        );
    }

    #[test]
    fn half_width_brackets_keep_their_style_and_columns_count_characters() {
        let c = cands("　　(二)加强监督;(三)严格考核");
        assert_eq!(c.len(), 2);
        assert_eq!(
            c[0].kind,
            Kind::Marked {
                number: 2,
                insert: 0,
                style: Style::CnParenHalf
            }
        );
        assert_eq!((c[0].column, c[0].inline), (3, false));
        assert_eq!((c[1].column, c[1].inline, c[1].weak), (11, true, true));
    }

    #[test]
    fn inline_candidates_follow_boundaries_or_gaps() {
        assert_eq!(
            texts("主要包括：（一）甲；（二）乙。一是丙 二是丁，三是戊，其二是己"),
            vec![
                ("（一）".to_string(), true),
                ("（二）".to_string(), true),
                ("一是".to_string(), true),
                ("二是".to_string(), true),
                ("三是".to_string(), true),
            ]
        );
    }

    #[test]
    fn non_markers_never_become_candidates() {
        for s in [
            "2022 年是全面实施规划的关键之年",
            "党的二十大胜利召开",
            "书记是第一责任人",
            "依照第三条规定的程序办理。",
            "违反本办法第五条、第六条的",
            "全年增长 1.5 个百分点",
            "一是否需要另行审批",
        ] {
            assert!(texts(s).is_empty(), "{s}: {:?}", texts(s));
        }
    }

    #[test]
    fn marker_starts_are_told_by_bytes() {
        let mut buf = [0u8; 8];
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let n = c.encode_utf8(&mut buf).len();
            assert_eq!(may_start_at(&buf[..n], 0), may_start(c), "{c:?}");
            assert!(!may_start_at(&buf[..n], n));
        }
    }

    #[test]
    fn garbled_bracket_only_at_line_start() {
        let s = "(- - )\n正文 (- - )";
        let c = cands(s);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, Kind::Garbled);
        assert_eq!(c[0].text(s), "(- - )");
    }
}
