//! The clause hierarchy from a run of marker candidates.
//!
//! The document's own order of styles gives the levels: a style family seen before closes
//! the deeper levels, a new one opens a level below the current clause. On top of that the
//! numbering sequence decides what a weak candidate (inline, or at the start of a wrapped
//! line) is: it is a clause only where it continues an open level (`(二)` after `(一)`) or
//! opens a new list whose `2` follows. A `一是` inside a `一是` item opens a nested list; a
//! restart of the top-level numbering after a new title starts a new document; a garbled
//! bracket marker takes the number its sequence expects.

use super::detect::{Cand, Kind};
use super::marker::Style;

/// How far ahead the builder looks to confirm a list (keeps the work linear).
const LOOKAHEAD: usize = 64;

/// The deepest level a clause may take. Real documents go six levels deep at most (编 章 节
/// 条 项 目, or 一、（一）1.（1） with 一是 lists in them); lines that each open a level
/// below the last (一是 under 一是 under 一是 …) would otherwise nest without end, and every
/// clause's path, and the recursion that writes the tree, grow with the depth.
pub(crate) const MAX_DEPTH: usize = 16;

/// A clause placed in the tree.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    /// Index of the candidate.
    pub cand: usize,
    /// Its number (recovered for a garbled marker).
    pub number: u32,
    /// Its style (the sequence's style for a garbled marker).
    pub style: Style,
    /// Parent index into the document's placed clauses.
    pub parent: Option<usize>,
    /// 1-based level.
    pub level: u32,
    /// Recovered from a garbled marker.
    pub garbled: bool,
}

/// The clauses of one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    /// First line of the document when it was split off at a new title.
    pub title_line: Option<usize>,
    /// Clauses in document order.
    pub placed: Vec<Placed>,
}

#[derive(Debug, Clone, Copy)]
struct Level {
    family: Style,
    last: u32,
    node: usize,
    /// Some item at this level has held a nested list of the same family.
    nested_same: bool,
}

/// Build the documents of one segment. `title_between(a, b)` finds a title line strictly
/// between lines `a` and `b` (a new document when the top-level numbering restarts).
pub(crate) fn build(
    cands: &[Cand],
    title_between: &dyn Fn(usize, usize) -> Option<usize>,
) -> Vec<Draft> {
    let mut docs = vec![Draft::default()];
    let mut stack: Vec<Level> = Vec::new();
    let mut prev_line = 0usize;
    for k in 0..cands.len() {
        let c = &cands[k];
        let placed = match c.kind {
            Kind::Garbled => place_garbled(cands, k, &stack),
            Kind::Marked { number, style } => {
                let fam = style.family();
                // A new title followed by a restart of the top-level numbering, or by the
                // first unit of a statute or 一、 sequence not open yet: a new document.
                let restart = stack
                    .first()
                    .is_some_and(|l| l.family == fam && l.last >= 2)
                    && !stack[1..].iter().any(|l| l.family == fam);
                let fresh_top = !c.inline
                    && !stack.is_empty()
                    && !stack.iter().any(|l| l.family == fam)
                    && (statute_rank(fam).is_some() || fam == Style::CnDun);
                if number == 1
                    && (restart || fresh_top)
                    && let Some(t) = title_between(prev_line, c.line)
                {
                    docs.push(Draft {
                        title_line: Some(t),
                        placed: Vec::new(),
                    });
                    stack.clear();
                }
                place(cands, k, &stack, number, style)
            }
        };
        let Some((depth, number, style)) = placed else {
            continue;
        };
        // No deeper than MAX_DEPTH: a clause that would open a deeper level is a sibling
        // of the deepest one instead.
        let depth = depth.min(MAX_DEPTH - 1);
        let doc = docs.last_mut().expect("at least one document");
        let fam = style.family();
        let carried = stack
            .get(depth)
            .filter(|l| l.family == fam)
            .is_some_and(|l| l.nested_same);
        stack.truncate(depth);
        if let Some(p) = stack.last_mut()
            && p.family == fam
        {
            p.nested_same = true;
        }
        let idx = doc.placed.len();
        doc.placed.push(Placed {
            cand: k,
            number,
            style,
            parent: stack.last().map(|l| l.node),
            level: depth as u32 + 1,
            garbled: c.kind == Kind::Garbled,
        });
        stack.push(Level {
            family: fam,
            last: number,
            node: idx,
            nested_same: carried,
        });
        prev_line = c.line;
    }
    docs
}

/// Rank of the statute styles (编 > 章 > 节 > 条); `None` for list styles.
fn statute_rank(s: Style) -> Option<u8> {
    match s {
        Style::Part => Some(0),
        Style::Chapter => Some(1),
        Style::Section => Some(2),
        Style::Article => Some(3),
        _ => None,
    }
}

/// The deepest depth a clause of `style` may take: a statute unit (第X条 …) never sits
/// below a list item ((一), 1., 一是 …) or below a smaller statute unit; 一、 may hold
/// articles (some rules title their chapters 一、总则).
fn max_depth(stack: &[Level], style: Style) -> usize {
    let Some(r) = statute_rank(style) else {
        return stack.len();
    };
    let mut d = stack.len();
    while d > 0 {
        let parent = stack[d - 1].family;
        let ok = match statute_rank(parent) {
            Some(pr) => pr < r,
            None => parent == Style::CnDun,
        };
        if ok {
            break;
        }
        d -= 1;
    }
    d
}

/// Where a readable candidate goes: `(depth, number, style)`, or `None` when it is not a
/// clause.
fn place(
    cands: &[Cand],
    k: usize,
    stack: &[Level],
    number: u32,
    style: Style,
) -> Option<(usize, u32, Style)> {
    let placed = place_in_sequence(cands, k, stack, number, style)?;
    Some((placed.0.min(max_depth(stack, style)), placed.1, placed.2))
}

/// [`place`] by the numbering sequence alone.
fn place_in_sequence(
    cands: &[Cand],
    k: usize,
    stack: &[Level],
    number: u32,
    style: Style,
) -> Option<(usize, u32, Style)> {
    let c = &cands[k];
    let fam = style.family();
    // Continuation of an open level (the deepest one, for nested lists of one style).
    if let Some(i) = stack
        .iter()
        .rposition(|l| l.family == fam && l.last + 1 == number)
    {
        return Some((i, number, style));
    }
    let same = stack.iter().rposition(|l| l.family == fam);
    let top = stack.len().checked_sub(1);
    if number == 1 {
        let depth = match same {
            None => stack.len(),
            Some(i) if fam == Style::Shi => {
                if Some(i) == top && stack[i].last == 1 {
                    // 一是 right inside a 一是 item: a nested list.
                    stack.len()
                } else if stack[i].nested_same {
                    // Its sibling items held nested lists: so does this one.
                    i + 1
                } else if Some(i) != top {
                    // A new 一是 list under a deeper clause.
                    stack.len()
                } else {
                    // A second 一是 group after the first one ended.
                    i
                }
            }
            Some(i) => {
                if c.weak {
                    return None;
                }
                i
            }
        };
        if c.weak && !confirmed(cands, k, fam, 2, &stack[..depth.min(stack.len())]) {
            return None;
        }
        return Some((depth, number, style));
    }
    if c.weak {
        return None;
    }
    // A gap, a repeat or a jump back: still a sibling of its level (lint reports it). A
    // number that carries on under a new parent opens a level.
    Some((same.unwrap_or(stack.len()), number, style))
}

/// Place a garbled bracket marker at the deepest bracket level whose next number the
/// following marker of that level confirms.
fn place_garbled(cands: &[Cand], k: usize, stack: &[Level]) -> Option<(usize, u32, Style)> {
    let i = stack
        .iter()
        .rposition(|l| matches!(l.family, Style::CnParen | Style::ArabicParen))?;
    let lvl = stack[i];
    let expected = lvl.last + 1;
    if !confirmed(cands, k, lvl.family, expected + 1, &stack[..i]) {
        return None;
    }
    let style = cands[..k]
        .iter()
        .rev()
        .find_map(|c| match c.kind {
            Kind::Marked { style, .. } if style.family() == lvl.family => Some(style),
            _ => None,
        })
        .unwrap_or(lvl.family);
    Some((i, expected, style))
}

/// Whether a marker of `family` numbered `want` follows candidate `k` before a marker that
/// continues one of the `ancestors` levels.
fn confirmed(cands: &[Cand], k: usize, family: Style, want: u32, ancestors: &[Level]) -> bool {
    for c in cands.iter().skip(k + 1).take(LOOKAHEAD) {
        let Some((fam, n)) = c.family_number() else {
            continue;
        };
        if fam == family && n == want {
            return true;
        }
        if ancestors
            .iter()
            .any(|l| l.family == fam && (n == l.last + 1 || n == 1))
        {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker candidates of every line of `s`.
    fn candidates(s: &str) -> Vec<Cand> {
        crate::structure::detect::candidates_of(s)
    }

    /// (path-like string of numbers, level) per placed clause.
    fn shape(s: &str) -> Vec<(String, u32)> {
        let cands = candidates(s);
        let docs = build(&cands, &|_, _| None);
        docs[0]
            .placed
            .iter()
            .map(|p| (cands[p.cand].text(s).to_string(), p.level))
            .collect()
    }

    fn lv(v: &[(&str, u32)]) -> Vec<(String, u32)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn nested_shi_inside_shi() {
        let s = "二、主要做法 一是抓学习，提高认识。一是集中学习。\n二是个人自学。\n二是抓落实。一是定责任。\n二是定时限。\n三、下步打算";
        assert_eq!(
            shape(s),
            lv(&[
                ("二、", 1),
                ("一是", 2),
                ("一是", 3),
                ("二是", 3),
                ("二是", 2),
                ("一是", 3),
                ("二是", 3),
                ("三、", 1),
            ])
        );
    }

    #[test]
    fn second_shi_group_under_one_item_restarts() {
        let s = "1.关于培训不足的问题\n原因分析：一是经费有限；二是人手不足。\n整改措施：一是增加经费；二是补充人员。\n2.关于制度缺失的问题";
        assert_eq!(
            shape(s),
            lv(&[
                ("1.", 1),
                ("一是", 2),
                ("二是", 2),
                ("一是", 2),
                ("二是", 2),
                ("2.", 1),
            ])
        );
    }

    #[test]
    fn inline_list_after_semicolons_and_colon() {
        let s = "第九条 有下列情形之一的，予以问责：（一）拒不执行决定的；（二）弄虚作假的；（三）其他情形。\n第十条 本办法自印发之日起施行。";
        assert_eq!(
            shape(s),
            lv(&[
                ("第九条", 1),
                ("（一）", 2),
                ("（二）", 2),
                ("（三）", 2),
                ("第十条", 1),
            ])
        );
    }

    #[test]
    fn unconfirmed_inline_markers_are_text() {
        // 一、 inside a sentence after a gap, never followed by 二、 of its own.
        let s = "一、总体要求\n划分为 一、二、三级 管理。\n二、主要任务";
        assert_eq!(shape(s), lv(&[("一、", 1), ("二、", 1)]));
        // A lone inline （一） without （二） is not a list.
        assert_eq!(
            shape("第三条 按照 （一）项执行。\n第四条 其他"),
            lv(&[("第三条", 1), ("第四条", 1)])
        );
    }

    #[test]
    fn garbled_marker_takes_the_expected_number() {
        let s = "四、下步打算\n(一)深化学习。\n(- - )\n改进方法。\n(三)丰富载体。";
        let cands = candidates(s);
        let d = &build(&cands, &|_, _| None)[0];
        let g = &d.placed[2];
        assert!(g.garbled);
        assert_eq!((g.number, g.style, g.level), (2, Style::CnParenHalf, 2));
        // Without a confirming (三) the brackets are not a marker.
        assert_eq!(
            shape("四、下步打算\n(一)深化学习。\n(- - )\n五、其他"),
            lv(&[("四、", 1), ("(一)", 2), ("五、", 1)])
        );
    }

    #[test]
    fn articles_never_nest_under_list_items() {
        let s = "前言：1、甲类情形 2、乙类情形\n第一条 总体要求。\n第二条 适用范围。";
        assert_eq!(
            shape(s),
            lv(&[("1、", 1), ("2、", 1), ("第一条", 1), ("第二条", 1)])
        );
        let s = "一、总则\n第一条 目的。\n二、管理\n第二条 职责。";
        assert_eq!(
            shape(s),
            lv(&[("一、", 1), ("第一条", 2), ("二、", 1), ("第二条", 2)])
        );
    }

    #[test]
    fn a_new_title_before_a_new_top_sequence_starts_a_document() {
        let s = "一、总体要求\n二、主要任务\n城区停车管理办法\n第一条 目的。\n第二条 范围。\n（一）甲\n（二）乙";
        let cands = candidates(s);
        let docs = build(&cands, &|a, b| (a + 1..b).find(|&n| n == 3));
        let shape: Vec<(Option<usize>, Vec<u32>)> = docs
            .iter()
            .map(|d| (d.title_line, d.placed.iter().map(|p| p.level).collect()))
            .collect();
        assert_eq!(shape, vec![(None, vec![1, 1]), (Some(3), vec![1, 1, 2, 2])]);
    }

    #[test]
    fn nesting_stops_at_the_deepest_level() {
        // Every 一是 on a line of its own opens a list inside the one before.
        let s = "一、主要做法\n".to_string() + &"一是\n".repeat(40);
        let levels: Vec<u32> = shape(&s).into_iter().map(|(_, l)| l).collect();
        assert_eq!(levels.len(), 41);
        assert_eq!(levels.iter().max(), Some(&(MAX_DEPTH as u32)));
        assert_eq!(&levels[..4], &[1, 2, 3, 4]);
    }

    #[test]
    fn numbering_carries_on_under_a_new_parent() {
        let s = "（一）甲方面\n1.第一项\n2.第二项\n（二）乙方面\n3.第三项";
        assert_eq!(
            shape(s),
            lv(&[
                ("（一）", 1),
                ("1.", 2),
                ("2.", 2),
                ("（二）", 1),
                ("3.", 2)
            ])
        );
    }
}
