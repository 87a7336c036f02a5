//! Headings without a number: a short line of its own right before an article — `法律责任`
//! where `第六章 法律责任` belongs, `总　则` over 第一条 — as copies and conversions leave them
//! when a chapter heading loses its marker. They are no clauses (they have no marker), but
//! no clause's text either: the structure stage records them so that the article before
//! keeps its own text, and the lint names the number each one lost.

use super::detect::Cand;
use super::marker::{ARTICLE_RANK, Style};
use crate::normalize::{self, Layout, is_blank};
use crate::text::SourceText;

/// Unnumbered headings that may stand before a document's first article: the customary
/// headings of a statute's opening and closing chapters.
pub const CUSTOMARY: &[&str] = &["总则", "分则", "附则", "法律责任", "罚则"];

/// The longest bare heading, in characters.
const MAX_CHARS: usize = 20;

/// A heading line without a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BareHeading {
    /// 1-based line.
    pub line: usize,
    /// Decoded offset of its first character (after blanks and markup).
    pub start: usize,
    /// Decoded offset of its line's end.
    pub end: usize,
    /// The heading, blanks removed (`附则` for `附　则`).
    pub text: String,
}

impl BareHeading {
    /// Whether it is one of the [`CUSTOMARY`] headings.
    pub fn is_customary(&self) -> bool {
        CUSTOMARY.contains(&self.text.as_str())
    }
}

/// The bare headings between lines `first` and `last` of a document whose clause markers
/// are `cands` (line-start ones start a clause). A bare heading is a short content line
/// without sentence punctuation that is not a marker line, stands after a finished
/// paragraph, and is followed by a line that opens with an article; before the first
/// clause only a [`CUSTOMARY`] heading counts (the lines there are titles and dates).
pub(crate) fn find(
    src: &SourceText,
    layout: &Layout,
    cands: &[&Cand],
    first: usize,
    last: usize,
) -> Vec<BareHeading> {
    let text = src.as_str();
    // `cands` are in line order: the candidates from line `n` on start at `from(n)`.
    let from = |n: usize| cands.partition_point(|c| c.line < n);
    let starts_line = |n: usize| {
        cands[from(n)..]
            .iter()
            .take_while(|c| c.line == n)
            .find(|c| !c.inline)
            .copied()
    };
    let rank_at = |c: &Cand| c.family_ordinal().and_then(|(s, _)| s.statute_rank());
    // `next_heading[k]`: the rank of the first line-start 编/分编/章/节 among `cands[k..]`.
    let mut next_heading: Vec<Option<u8>> = vec![None; cands.len() + 1];
    for k in (0..cands.len()).rev() {
        let own = Some(cands[k])
            .filter(|c| !c.inline)
            .and_then(rank_at)
            .filter(|&r| r < ARTICLE_RANK);
        next_heading[k] = own.or(next_heading[k + 1]);
    }
    let first_clause_line = cands.first().map_or(usize::MAX, |c| c.line);
    let mut out = Vec::new();
    let mut prev_final = true;
    // The rank of the heading on the last content line, if it was one (第三章 …).
    let mut after_heading: Option<u8> = None;
    for n in first..=last {
        let l = layout.line(n);
        if l.blank || l.boilerplate {
            continue;
        }
        let marker = starts_line(n);
        let heading_rank = marker.and_then(rank_at).filter(|&r| r < ARTICLE_RANK);
        let prev_heading = std::mem::replace(&mut after_heading, heading_rank);
        // A heading line (第三章 …) is a finished paragraph too.
        let was_final = std::mem::replace(&mut prev_final, l.ends_final || heading_rank.is_some());
        if marker.is_some() {
            continue;
        }
        // Right under a heading line, a short line is the heading's wrapped tail — unless
        // the next numbered heading is of a lower rank (`一般规定` under `第三章`, before
        // `第二节`): then it is the first of those.
        if let Some(r) = prev_heading
            && next_heading[from(n + 1)].is_none_or(|k| k <= r)
        {
            continue;
        }
        let raw = normalize::trim_start_markup(&text[l.start..l.end]);
        // Most lines are paragraphs: longer than a heading, told without copying them.
        if raw
            .chars()
            .filter(|&c| !is_blank(c))
            .nth(MAX_CHARS)
            .is_some()
        {
            continue;
        }
        let t: String = normalize::without_blanks(raw);
        let chars = t.chars().count();
        if !(2..=MAX_CHARS).contains(&chars)
            || t.contains([
                '，', ',', '。', '；', ';', '：', ':', '！', '!', '？', '?', '（', '(', '《', '“',
            ])
            || t.chars().any(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let next = (n + 1..=last).find(|&k| !layout.line(k).blank && !layout.line(k).boilerplate);
        let opens_article = next
            .and_then(starts_line)
            .is_some_and(|c| c.family_ordinal().is_some_and(|(s, _)| s == Style::Article));
        if !opens_article {
            continue;
        }
        let heading = BareHeading {
            line: n,
            start: l.end - raw.len(),
            end: l.end,
            text: t,
        };
        // After an unfinished line it may be a wrapped sentence's tail, before the first
        // clause a title or a date: only a customary heading counts there.
        if (n < first_clause_line || !was_final) && !heading.is_customary() {
            continue;
        }
        // A heading is itself a finished paragraph.
        prev_final = true;
        out.push(heading);
    }
    out
}

#[cfg(test)]
mod tests {
    fn bare(s: &str) -> Vec<(usize, String)> {
        let src = crate::text::SourceText::from_utf8(s);
        crate::structure::analyse(&src).documents[0]
            .bare_headings
            .iter()
            .map(|h| (h.line, h.text.clone()))
            .collect()
    }

    #[test]
    fn headings_that_lost_their_number_are_found() {
        let s = "某市条例\n\n总　则\n\n第一条 为了甲，制定本条例。\n\n第二章 管理\n\n第二条 乙应当管理。\n\n法律责任\n\n第三条 违反本条例的，依法处理。\n";
        assert_eq!(bare(s), vec![(3, "总则".into()), (11, "法律责任".into())]);
    }

    #[test]
    fn a_bare_heading_may_follow_a_numbered_one() {
        let s = "某市条例\n\n第一章 总则\n\n第一条 甲。\n\n第二章 经营\n\n一般规定\n\n第二条 乙。\n\n第二节 许可\n\n第三条 丙。\n";
        assert_eq!(bare(s), vec![(9, "一般规定".into())]);
    }

    #[test]
    fn a_wrapped_heading_is_no_bare_heading() {
        let s = "某市条例\n\n第一章 总则\n\n第一条 甲。\n\n第二章 对审判活动\n\n与执行活动的监督\n\n第二条 乙。\n\n第三章 附则\n\n第三条 丙。\n";
        assert_eq!(bare(s), vec![]);
    }

    #[test]
    fn titles_sentences_and_wrapped_lines_are_no_bare_headings() {
        // The title before the first article; a sentence ending in 。; the tail of a
        // wrapped sentence.
        let s = "某市管理条例\n第一条 为了甲，制定本条例。\n第二条 应当做好下列工作\n监督检查\n第三条 丙。\n";
        assert_eq!(bare(s), vec![]);
    }
}
