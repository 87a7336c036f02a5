//! Headings that lost their number: the structure stage's bare headings
//! ([`crate::structure::bare`]) read against the numbered headings around them. `法律责任`
//! between `第五章` and `第七章` is where `第六章` belongs; `网络素养促进` after `第一章` is
//! `第二章`. Each gives one finding at the heading itself, and the gap or late start it
//! causes in the numbered headings is not reported a second time.

use super::Ctx;
use crate::model::Rule;
use crate::structure::bare::BareHeading;
use crate::structure::marker::ARTICLE_RANK;
use crate::structure::{DocTree, Style};

/// The number of heading ranks (编 分编 章 节): those above the articles'.
const HEADING_RANKS: usize = ARTICLE_RANK as usize;

/// The heading of a code's closing part, customarily unnumbered after its last 编
/// (刑法, 刑事诉讼法: `附　则` after 第五编).
const CLOSING_PART: &str = "附则";

/// A bare heading with the number it lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    /// The heading.
    pub heading: BareHeading,
    /// The style of the heading it stands for (第X章 …).
    pub style: Style,
    /// The number it lost.
    pub number: u32,
    /// No numbered heading of its style comes before it: its sequence starts late.
    pub first: bool,
}

/// The bare headings of `doc` that stand for a numbered heading, with the number each lost.
/// Only documents with numbered headings of that style have them; a code's closing `附则`
/// after its 编 is no loss.
pub fn lost(doc: &DocTree) -> Vec<Lost> {
    if doc.bare_headings.is_empty() {
        return Vec::new();
    }
    let has_parts = doc.nodes.iter().any(|n| n.style == Style::Part);
    // The last number per heading style (编 分编 章 节), by statute rank.
    let mut last: [Option<u32>; HEADING_RANKS] = [None; HEADING_RANKS];
    let mut out = Vec::new();
    let mut k = 0;
    let headings: Vec<&crate::structure::Node> = doc
        .nodes
        .iter()
        .filter(|n| n.style.is_heading_unit())
        .collect();
    // `next_of[j][r]`: the first heading of rank `r` among `headings[j..]`.
    let mut next_of: Vec<[Option<usize>; HEADING_RANKS]> =
        vec![[None; HEADING_RANKS]; headings.len() + 1];
    for j in (0..headings.len()).rev() {
        next_of[j] = next_of[j + 1];
        if let Some(r) = headings[j].style.statute_rank() {
            next_of[j][usize::from(r)] = Some(j);
        }
    }
    // The number of bare headings that start before decoded offset `pos`.
    let bare_before = |pos: usize| doc.bare_headings.partition_point(|b| b.start < pos);
    for h in &doc.bare_headings {
        while k < headings.len() && headings[k].start < h.start {
            let n = headings[k];
            if let Some(r) = n.style.statute_rank() {
                last[usize::from(r)] = Some(n.number);
                // A new 章 restarts its 节.
                for lower in last.iter_mut().skip(restarts_from(n.style)) {
                    *lower = None;
                }
            }
            k += 1;
        }
        if has_parts && h.text == CLOSING_PART {
            continue;
        }
        // The style of the next numbered heading, else of the last one before. When the next
        // one is of a higher rank than the last one and its number leaves no hole, the
        // heading is of the last one's style: a lost 第七节 after 第六节 before 第五章 (after
        // 第四章), a lost 第二章 after 第一章 before 第二分编.
        let next = headings.get(k).copied();
        let before = k.checked_sub(1).map(|j| headings[j].style);
        let style = match (next, before) {
            (Some(n), Some(b)) if n.style.statute_rank() < b.statute_rank() => {
                let r = n.style.statute_rank().map_or(0, usize::from);
                let hole = last[r].map_or(n.number > 1, |l| n.number > l + 1);
                Some(if hole { n.style } else { b })
            }
            (n, b) => n.map(|n| n.style).or(b),
        };
        let Some(style) = style else {
            continue;
        };
        let Some(r) = style.statute_rank().map(usize::from) else {
            continue;
        };
        let first = last[r].is_none();
        // With no numbered heading of its style before it, count back from the next one
        // (the headings before it may have lost their lines too).
        let number = match last[r] {
            Some(n) => n + 1,
            None => next_of[k][r].map_or(1, |j| {
                let n = headings[j];
                let bare_between = (bare_before(n.start) - bare_before(h.start)) as u32;
                n.number.saturating_sub(bare_between).max(1)
            }),
        };
        last[r] = Some(number);
        for lower in last.iter_mut().skip(restarts_from(style)) {
            *lower = None;
        }
        out.push(Lost {
            heading: h.clone(),
            style,
            number,
            first,
        });
    }
    out
}

/// The first rank whose numbers a new heading of `style` restarts: the ranks below it, but
/// 章 run on across the 分编 of a 编 (a new 编 restarts them).
fn restarts_from(style: Style) -> usize {
    let below = |s: Style| {
        s.statute_rank()
            .map_or(HEADING_RANKS, |r| usize::from(r) + 1)
    };
    match style {
        Style::Subpart => below(Style::Chapter),
        Style::Part
        | Style::Chapter
        | Style::Section
        | Style::Article
        | Style::CnDun
        | Style::CnParen
        | Style::CnParenHalf
        | Style::Arabic
        | Style::ArabicParen
        | Style::ArabicParenHalf
        | Style::Circled
        | Style::ParenIdeograph
        | Style::CnShi => below(style),
    }
}

/// One finding per heading that lost its number.
pub fn check(cx: &mut Ctx) {
    for l in cx.lost.clone() {
        let want = l.style.render(l.number);
        let rule = if l.first {
            Rule::NumberingStart
        } else {
            Rule::NumberingGap
        };
        let mut d = cx.at_offset(
            rule,
            l.heading.start,
            format!(
                "the heading `{}` has no number: `{want}` belongs here",
                l.heading.text
            ),
        );
        d.expected = Some(want);
        d.found = Some(l.heading.text.clone());
        cx.out.push(d);
    }
}

/// How many of the headings in `lost` of `style` stand between decoded offsets `from` and
/// `to`.
pub fn between(lost: &[Lost], style: Style, from: usize, to: usize) -> usize {
    // `lost` is in document order.
    let a = lost.partition_point(|l| l.heading.start < from);
    lost[a..]
        .iter()
        .take_while(|l| l.heading.start < to)
        .filter(|l| l.style == style)
        .count()
}

#[cfg(test)]
mod tests {
    use crate::lint::testutil::lint;

    /// Each finding as `rule@line:expected marker`.
    fn named(t: &str) -> Vec<String> {
        crate::lint::testutil::lint_full(t, &crate::lint::Config::default())
            .iter()
            .map(|d| {
                let expected = d.expected.as_deref().unwrap_or("-");
                format!("{}@{}:{expected}", d.rule.name(), d.line)
            })
            .collect()
    }

    #[test]
    fn issue14_a_heading_without_its_number_is_named_once() {
        let t = "某市条例\n\n第一章 总则\n\n第一条 甲。\n\n第二章 管理\n\n第二条 乙。\n\n法律责任\n\n第三条 丙。\n\n第四章 附则\n\n第四条 丁。\n";
        assert_eq!(lint(t), vec![("numbering-gap".into(), 11)]);
        // At the end: nothing after it to jump.
        let t = "某市条例\n\n第一章 总则\n\n第一条 甲。\n\n监督管理\n\n第二条 乙。\n\n附　则\n\n第三条 丙。\n";
        assert_eq!(
            lint(t),
            vec![("numbering-gap".into(), 7), ("numbering-gap".into(), 11)]
        );
        // Before the first article: the sequence of 章 starts there.
        let t = "某市条例\n\n总　则\n\n第一条 甲。\n\n第二章 附则\n\n第二条 乙。\n";
        assert_eq!(lint(t), vec![("numbering-start".into(), 3)]);
        // The first chapter's heading lost with its line, the second's number only: the
        // bare heading is 第二章, and the sequence still starts late.
        let t = "某市条例\n\n第一条 甲。\n\n管理\n\n第二条 乙。\n\n第三章 附则\n\n第三条 丙。\n";
        assert_eq!(
            named(t),
            vec!["numbering-start@5:第二章", "numbering-start@9:第一章"]
        );
    }

    #[test]
    fn a_heading_over_an_article_before_a_new_subpart_is_a_chapter() {
        // `违约责任` lost `第二章`; the next numbered heading is a 分编, which holds chapters.
        let t = "某法典\n\n第一分编 通则\n\n第一章 一般规定\n\n第一条 甲。\n\n违约责任\n\n第二条 乙。\n\n第二分编 典型\n\n第三章 买卖\n\n第三条 丙。\n";
        assert_eq!(named(t), vec!["numbering-gap@9:第二章"]);
        // Right under a 分编, over its first article: the chapters run on, a gap, not a start.
        let t = "某法典\n\n第一分编 通则\n\n第一章 一般规定\n\n第一条 甲。\n\n第二分编 典型\n\n买卖\n\n第二条 乙。\n\n第三章 赠与\n\n第三条 丙。\n";
        assert_eq!(named(t), vec!["numbering-gap@11:第二章"]);
        // Where the next higher heading's number leaves a hole, the heading is that one: a
        // lost 第三章 after 第二章's last 节.
        let t = "某市条例\n\n第一章 总则\n\n第一条 甲。\n\n第二章 管理\n\n第一节 登记\n\n第二条 乙。\n\n第二节 检查\n\n第三条 丙。\n\n法律责任\n\n第四条 丁。\n\n第四章 附则\n\n第五条 戊。\n";
        assert_eq!(named(t), vec!["numbering-gap@17:第三章"]);
    }

    #[test]
    fn a_codes_closing_part_and_headings_of_a_document_without_chapters_pass() {
        let t = "某法\n\n第一编 总则\n\n第一章 任务\n\n第一条 甲。\n\n第二编 分则\n\n第一章 罪名\n\n第二条 乙。\n\n附　则\n\n第三条 丙。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        let t = "某市办法\n\n第一条 甲。\n\n监督管理\n\n第二条 乙。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
    }
}
