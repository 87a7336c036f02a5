//! The clause hierarchy from a run of marker candidates.
//!
//! The document's own order of styles gives the levels: a style family seen before closes
//! the deeper levels, a new one opens a level below the current clause. On top of that the
//! numbering sequence decides what a weak candidate (inline, or at the start of a wrapped
//! line) is: it is a clause only where it continues an open level (`(二)` after `(一)`) or
//! opens a new list whose `2` follows, or a list of one where the earlier siblings of its
//! parent held lists of its family. A `一是` inside a `一是` item opens a nested list; a
//! restart of the top-level numbering after a new title starts a new document; a garbled
//! bracket marker takes the number its sequence expects.

use super::detect::{Cand, Kind};
use super::marker::{Ordinal, Style, UNIT_RANKS};

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
    /// The N of an inserted unit `第X条之N` (0 for an ordinary marker).
    pub insert: u32,
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
    last: Ordinal,
    node: usize,
    /// Some item at this level has held a nested list of the same family.
    nested_same: bool,
    /// The family of the first list this clause holds.
    holds: Option<Style>,
    /// The family of the list an earlier sibling of this clause held (the latest that held
    /// one): parallel clauses hold parallel lists.
    siblings_hold: Option<Style>,
}

/// Build the documents of one segment. `title_between(a, b)` finds a title line strictly
/// between lines `a` and `b` (a new document when the top-level numbering restarts).
pub(crate) fn build(
    cands: &[Cand],
    title_between: &dyn Fn(usize, usize) -> Option<usize>,
) -> Vec<Draft> {
    let mut docs = vec![Draft::default()];
    let mut stack: Vec<Level> = Vec::new();
    let mut runs = RunsOn::default();
    let mut over: Option<OverArticles> = None;
    let mut prev_line = 0usize;
    for k in 0..cands.len() {
        let c = &cands[k];
        let placed = match c.kind {
            Kind::Garbled => place_garbled(cands, k, &stack),
            Kind::Marked {
                number,
                insert,
                style,
            } => {
                let fam = style.family();
                let ord = Ordinal::new(number, insert);
                // A new title followed by a restart of the top-level numbering, or by the
                // first unit of a statute or 一、 sequence not open yet: a new document.
                let restart = stack
                    .first()
                    .is_some_and(|l| l.family == fam && l.last.number >= 2)
                    && !stack[1..].iter().any(|l| l.family == fam);
                // The first unit below an open 编/分编/章/节 heading is its child, whatever line
                // stands between them (a heading wrapped onto a line that reads like a title).
                let below_heading = stack.last().is_some_and(|l| {
                    l.family.is_heading_unit() && fam.statute_rank() > l.family.statute_rank()
                });
                let fresh_top = !c.inline
                    && !stack.is_empty()
                    && !below_heading
                    && !stack.iter().any(|l| l.family == fam)
                    && (fam.is_unit() || fam == Style::CnDun);
                if ord.is_first()
                    && (restart || fresh_top)
                    && let Some(t) = title_between(prev_line, c.line)
                {
                    docs.push(Draft {
                        title_line: Some(t),
                        placed: Vec::new(),
                    });
                    stack.clear();
                    runs = RunsOn::default();
                    over = None;
                }
                place(cands, k, &stack, &runs, over.as_ref(), ord, style)
            }
        };
        let Some((depth, ord, style)) = placed else {
            continue;
        };
        // No deeper than MAX_DEPTH: a clause that would open a deeper level is a sibling
        // of the deepest one instead.
        let depth = depth.min(MAX_DEPTH - 1);
        let doc = docs.last_mut().expect("at least one document");
        let fam = style.family();
        // A statute unit that takes the place of a list item (it may not nest under one):
        // that item was a heading over units (（一）动产质押 over 第九十五条 …).
        if style.is_unit()
            && let Some(l) = stack.get(depth).filter(|l| !l.family.is_unit())
        {
            over = Some(OverArticles {
                family: l.family,
                last: l.last,
                depth,
                parent: depth.checked_sub(1).map(|d| stack[d].node),
            });
        }
        if let Some(o) = over.as_mut()
            && o.family == fam
            && o.depth == depth
        {
            o.last = ord;
        }
        let sibling = stack.get(depth).filter(|l| l.family == fam);
        let carried = sibling.is_some_and(|l| l.nested_same);
        let siblings_hold = sibling.and_then(|l| l.holds.or(l.siblings_hold));
        stack.truncate(depth);
        if let Some(p) = stack.last_mut() {
            if p.family == fam {
                p.nested_same = true;
            }
            p.holds.get_or_insert(fam);
        }
        let idx = doc.placed.len();
        doc.placed.push(Placed {
            cand: k,
            number: ord.number,
            insert: ord.insert,
            style,
            parent: stack.last().map(|l| l.node),
            level: depth as u32 + 1,
            garbled: c.kind == Kind::Garbled,
        });
        stack.push(Level {
            family: fam,
            last: ord,
            node: idx,
            nested_same: carried,
            holds: None,
            siblings_hold,
        });
        runs.record(fam, ord);
        prev_line = c.line;
    }
    docs
}

/// List items that head statute units (a 司法解释's `（二）权利质押` over its articles): the
/// next item of their list is their sibling, not a child of the article before it.
#[derive(Debug, Clone, Copy)]
struct OverArticles {
    /// The items' style family.
    family: Style,
    /// The last item's place.
    last: Ordinal,
    /// Their depth.
    depth: usize,
    /// Their parent node.
    parent: Option<usize>,
}

/// The last unit placed of each family whose numbering runs on through a statute (编, 章,
/// 条): a 第十九条 still follows 第十八条 when a new 第三章 stands between them, a 第九章
/// follows 第八章 when a new 第二分编 does.
#[derive(Debug, Clone, Copy, Default)]
struct RunsOn {
    /// By statute rank (编 分编 章 节 条); 分编 and 节 are never set.
    last: [Option<Ordinal>; UNIT_RANKS],
}

impl RunsOn {
    fn record(&mut self, family: Style, ord: Ordinal) {
        if family.runs_on()
            && let Some(r) = family.statute_rank()
        {
            self.last[usize::from(r)] = Some(ord);
        }
    }

    /// Whether `ord` carries on the run of `family`.
    fn carries_on(&self, family: Style, ord: Ordinal) -> bool {
        family.runs_on()
            && family
                .statute_rank()
                .and_then(|r| self.last[usize::from(r)])
                .is_some_and(|prev| ord.follows(prev))
    }
}

/// The deepest depth a clause of `style` may take: a statute unit (第X条 …) never sits
/// below a list item ((一), 1., 一是 …) or below a smaller statute unit; 一、 may hold
/// articles (some rules title their chapters 一、总则).
fn max_depth(stack: &[Level], style: Style) -> usize {
    let Some(r) = style.statute_rank() else {
        return stack.len();
    };
    let mut d = stack.len();
    while d > 0 {
        let parent = stack[d - 1].family;
        let ok = match parent.statute_rank() {
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

/// Where a readable candidate goes: `(depth, ordinal, style)`, or `None` when it is not a
/// clause.
fn place(
    cands: &[Cand],
    k: usize,
    stack: &[Level],
    runs: &RunsOn,
    over: Option<&OverArticles>,
    ord: Ordinal,
    style: Style,
) -> Option<(usize, Ordinal, Style)> {
    let fam = style.family();
    // The next heading over statute units, while their parent is open.
    // Also past an article's own items of that style, when it is a heading line right
    // over the next article (`（三）费用结算` after `第十条`'s items （一）…（三）).
    if let Some(o) = over
        && o.family == fam
        && ord.follows(o.last)
        && (!stack.iter().any(|l| l.family == fam) || heads_unit(cands, k))
        && o.depth <= stack.len()
        && o.parent == o.depth.checked_sub(1).map(|d| stack[d].node)
    {
        return Some((o.depth, ord, style));
    }
    let placed = place_in_sequence(cands, k, stack, runs, ord, style)?;
    Some((placed.0.min(max_depth(stack, style)), placed.1, placed.2))
}

/// Whether candidate `k` opens a heading line right over a line-start statute unit.
fn heads_unit(cands: &[Cand], k: usize) -> bool {
    let c = &cands[k];
    c.heading_like
        && cands.get(k + 1).is_some_and(|n| {
            !n.inline
                && n.line > c.line
                && matches!(n.kind, Kind::Marked { style, .. } if style.is_unit())
        })
}

/// [`place`] by the numbering sequence alone.
fn place_in_sequence(
    cands: &[Cand],
    k: usize,
    stack: &[Level],
    runs: &RunsOn,
    ord: Ordinal,
    style: Style,
) -> Option<(usize, Ordinal, Style)> {
    let c = &cands[k];
    let fam = style.family();
    // Continuation of an open level (the deepest one, for nested lists of one style).
    if let Some(i) = stack
        .iter()
        .rposition(|l| l.family == fam && ord.follows(l.last))
    {
        return Some((i, ord, style));
    }
    let same = stack.iter().rposition(|l| l.family == fam);
    // A unit that carries on its document-wide run under a new parent (第十九条 after a
    // 第三章 heading glued to the end of 第十八条's last paragraph).
    if same.is_none() && runs.carries_on(fam, ord) {
        return Some((stack.len(), ord, style));
    }
    let top = stack.len().checked_sub(1);
    if ord.is_first() {
        let depth = match same {
            None => stack.len(),
            Some(i) if fam == Style::CnShi => {
                if Some(i) == top && stack[i].last.is_first() {
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
            // A second list under the same clause: a weak one only where its 2 follows and
            // could not carry on the first list (which has gone past 1).
            Some(i) => {
                if c.weak && stack[i].last.number < 2 {
                    return None;
                }
                i
            }
        };
        let ancestors = &stack[..depth.min(stack.len())];
        // A list of one item stands where the clause's earlier siblings held lists of its
        // family (the last 三、修改《…》 of an amendment decision with a lone 1．): the
        // parallel shape confirms a line-start marker that no 2 follows.
        let parallel = !c.inline
            && depth == stack.len()
            && stack.last().is_some_and(|p| p.siblings_hold == Some(fam));
        if c.weak && !parallel && !confirmed(cands, k, fam, Ordinal::plain(2), ancestors) {
            return None;
        }
        return Some((depth, ord, style));
    }
    // Items whose run starts inside a paragraph, its first markers lost or run into the
    // text before (`…罪（第114条） 14．决水罪 15．…`): a weak marker the next two of its
    // family confirm in sequence.
    if c.weak {
        let run = same.is_none()
            && !fam.is_unit()
            && !ord.is_insert()
            && run_follows(cands, k, fam, ord, stack);
        return run.then_some((stack.len(), ord, style));
    }
    // A gap, a repeat or a jump back: still a sibling of its level (lint reports it). A
    // number that carries on under a new parent opens a level.
    Some((same.unwrap_or(stack.len()), ord, style))
}

/// Place a garbled bracket marker at the deepest bracket level whose next number the
/// following marker of that level confirms.
fn place_garbled(cands: &[Cand], k: usize, stack: &[Level]) -> Option<(usize, Ordinal, Style)> {
    let i = stack.iter().rposition(|l| l.family.is_bracketed())?;
    let lvl = stack[i];
    let expected = Ordinal::plain(lvl.last.number + 1);
    let after = Ordinal::plain(expected.number + 1);
    if !confirmed(cands, k, lvl.family, after, &stack[..i]) {
        return None;
    }
    let style = cands[..k]
        .iter()
        .rev()
        .find_map(|c| match c.kind {
            Kind::Marked { style, .. } if style.family() == lvl.family => Some(style),
            Kind::Marked { .. } | Kind::Garbled => None,
        })
        .unwrap_or(lvl.family);
    Some((i, expected, style))
}

/// Whether the next two markers of `family` after candidate `k` carry on from `ord` (one
/// and two past it), before a marker that continues one of the `ancestors` levels.
fn run_follows(cands: &[Cand], k: usize, family: Style, ord: Ordinal, ancestors: &[Level]) -> bool {
    let mut want = Ordinal::plain(ord.number + 1);
    for c in cands.iter().skip(k + 1).take(LOOKAHEAD) {
        let Some((fam, o)) = c.family_ordinal() else {
            continue;
        };
        if fam == family {
            if o != want {
                return false;
            }
            if want.number == ord.number + 2 {
                return true;
            }
            want = Ordinal::plain(want.number + 1);
            continue;
        }
        if ancestors
            .iter()
            .any(|l| l.family == fam && (o.follows(l.last) || o.is_first()))
        {
            return false;
        }
    }
    false
}

/// Whether a marker of `family` at `want` follows candidate `k` before a marker that
/// continues one of the `ancestors` levels.
fn confirmed(cands: &[Cand], k: usize, family: Style, want: Ordinal, ancestors: &[Level]) -> bool {
    for c in cands.iter().skip(k + 1).take(LOOKAHEAD) {
        let Some((fam, o)) = c.family_ordinal() else {
            continue;
        };
        if fam == family && o == want {
            return true;
        }
        if ancestors
            .iter()
            .any(|l| l.family == fam && (o.follows(l.last) || o.is_first()))
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
    fn a_title_like_line_under_a_fresh_heading_does_not_start_a_document() {
        // 第一章's heading wraps onto a line that ends like a title (…行为规范).
        let s = "第一章 乡镇干部\n廉洁履行职责行为规范\n第一条 目的。\n第二条 范围。\n第二章 村干部\n第三条 要求。";
        let cands = candidates(s);
        let docs = build(&cands, &|a, b| (a + 1..b).find(|&n| n == 2));
        assert_eq!(docs.len(), 1);
        let levels: Vec<u32> = docs[0].placed.iter().map(|p| p.level).collect();
        assert_eq!(levels, vec![1, 2, 2, 1, 2]);
        // Articles numbered afresh in each chapter stay under their chapter too.
        let s = "第一章 总则\n第一条 目的。\n第二条 范围。\n第二章 村干部\n廉洁履行职责行为规范\n第一条 要求。";
        let cands = candidates(s);
        let docs = build(&cands, &|a, b| (a + 1..b).find(|&n| n == 5));
        assert_eq!(docs.len(), 1);
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
    fn subparts_sit_between_parts_and_chapters() {
        // Chapters run on across the 分编 of a 编 and restart in the next 编, whose 分编
        // restart too.
        let s = "第一编 总则\n第一分编 通则\n第一章 甲\n第一条 甲。\n第二章 乙\n第二条 乙。\n第二分编 分则\n第三章 丙\n第三条 丙。\n第二编 附编\n第一分编 其他\n第一章 丁\n第四条 丁。\n";
        assert_eq!(
            shape(s),
            lv(&[
                ("第一编", 1),
                ("第一分编", 2),
                ("第一章", 3),
                ("第一条", 4),
                ("第二章", 3),
                ("第二条", 4),
                ("第二分编", 2),
                ("第三章", 3),
                ("第三条", 4),
                ("第二编", 1),
                ("第一分编", 2),
                ("第一章", 3),
                ("第四条", 4),
            ])
        );
        // A 分编 heading glued to the end of an article's paragraph closes its chapter.
        let s = "第一分编 通则\n第一章 甲\n第一条 甲。第二分编　分则\n第二章 乙\n第二条 乙。\n";
        assert_eq!(
            shape(s),
            lv(&[
                ("第一分编", 1),
                ("第一章", 2),
                ("第一条", 3),
                ("第二分编", 1),
                ("第二章", 2),
                ("第二条", 3),
            ])
        );
    }

    #[test]
    fn a_lone_item_parallel_to_its_parents_siblings_lists_is_a_clause() {
        // The 1． lines open what may be hard-wrapped continuations (weak): each list is
        // confirmed by its 2．, the last one of one item by the lists before it.
        let s = "一、修改《甲办法》\n1．删除第二条。\n2．删除第五条。\n二、修改《乙办法》\n1．删除第三条。\n2．删除第七条。\n三、修改《丙办法》\n1．删除第九条。\n本决定自公布之日起施行。";
        let weak_items = |s: &str| {
            let mut cands = candidates(s);
            for c in &mut cands {
                c.weak = c.text(s).starts_with('1');
            }
            cands
        };
        let cands = weak_items(s);
        let levels: Vec<(String, u32)> = build(&cands, &|_, _| None)[0]
            .placed
            .iter()
            .map(|p| (cands[p.cand].text(s).to_string(), p.level))
            .collect();
        assert_eq!(
            levels,
            lv(&[
                ("一、", 1),
                ("1．", 2),
                ("2．", 2),
                ("二、", 1),
                ("1．", 2),
                ("2．", 2),
                ("三、", 1),
                ("1．", 2),
            ])
        );
        // Without a parallel list before it, a lone weak 1． stays text.
        let s = "一、修改《甲办法》\n二、修改《乙办法》\n1．删除第三条。\n本决定自公布之日起施行。";
        let cands = weak_items(s);
        let placed = build(&cands, &|_, _| None)[0].placed.len();
        assert_eq!(placed, 2);
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
