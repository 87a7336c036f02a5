//! Sequence rules: `numbering-gap`, `numbering-duplicate`, `numbering-order`,
//! `numbering-start`.
//!
//! Siblings are grouped by parent and style family. A group either starts a list at 1 or
//! carries on the numbering of the previous group of the same style and level under an
//! earlier parent (第X条 across 章; items 1–5 across （一）（二）); a 1 inside a group starts
//! a second list under the same parent. Each list is then read left to right with one
//! marker of look-ahead, so that one defect gives one finding at the marker that is wrong:
//! a swap is told from a gap, a repeated number from a renumbered run.

use std::collections::HashSet;

use super::{Ctx, expected_marker, nearby, unnumbered};
use crate::budget;
use crate::model::{Rule, Stage};
use crate::structure::Style;
use crate::structure::marker::Ordinal;

/// One group of siblings (same parent, same style family), in document order.
#[derive(Debug)]
struct Group {
    parent: Option<usize>,
    family: Style,
    scope: u32,
    nodes: Vec<usize>,
}

/// The last list seen at a (family, level).
#[derive(Debug, Clone, Copy)]
struct Prev {
    last_node: usize,
    last: u32,
    /// The insert (之N) of `last` that ended the list, 0 when it ended on the plain unit.
    last_insert: u32,
    parent: Option<usize>,
    continued: bool,
}

/// Run the sequence rules over a document.
pub fn check(cx: &mut Ctx) {
    let doc = cx.doc;
    let mut groups: Vec<Group> = Vec::new();
    // Per parent (slot 0: the top level, slot p + 1: node p), its first group; a group
    // links to the next one under the same parent. A parent has children of few families.
    let mut first_group: Vec<Option<usize>> = vec![None; doc.nodes.len() + 1];
    let mut next_group: Vec<Option<usize>> = Vec::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        if !cx.live(i) {
            continue;
        }
        let family = n.style.family();
        let scope = cx.scope[i];
        let slot = n.parent.map_or(0, |p| p + 1);
        let mut link = first_group[slot];
        let mut last = None;
        while let Some(g) = link {
            if groups[g].family == family && groups[g].scope == scope {
                break;
            }
            last = Some(g);
            link = next_group[g];
        }
        let g = link.unwrap_or_else(|| {
            let g = groups.len();
            groups.push(Group {
                parent: n.parent,
                family,
                scope,
                nodes: Vec::new(),
            });
            next_group.push(None);
            match last {
                Some(l) => next_group[l] = Some(g),
                None => first_group[slot] = Some(g),
            }
            g
        });
        groups[g].nodes.push(i);
    }
    // The last list seen per (family, level): few keys.
    let mut prev: Vec<((Style, u32, u32), Prev)> = Vec::new();
    // The last list seen per (family, scope), at any level.
    let mut prev_any: Vec<((Style, u32), Prev)> = Vec::new();
    for g in &mut groups {
        // Inserted units (第十七条之一) are read apart: the plain numbers run 17, 18 around
        // them.
        let inserts = inserted(cx, g);
        if g.nodes.is_empty() {
            continue;
        }
        let g = &*g;
        let first = &doc.nodes[g.nodes[0]];
        // 条 and 章 run on through the document whatever their depth (第X编 may hold 条
        // directly, 章 others).
        let fam = first.style.family();
        let key = (fam, if fam.runs_on() { 0 } else { first.level }, g.scope);
        let slot = prev.iter().position(|(k, _)| *k == key);
        let p = slot.map(|k| prev[k].1).filter(|p| p.parent != g.parent);
        let start = match p {
            Some(p)
                if first.number != 1
                    && (first.number == p.last + 1
                        // one item lost where the run crosses to a new parent
                        || first.number == p.last + 2 && p.last >= 2
                        || key.0.runs_on()
                        || p.continued) =>
            {
                Start::Continue(p)
            }
            _ => Start::Fresh,
        };
        // A list that carries on exactly from the last list of its style at another depth
        // (items numbered through a document, under 章 here and under 节 there) — also when
        // the last list at its own depth, further back, would leave a gap.
        let any_key = (fam, g.scope);
        let any_slot = prev_any.iter().position(|(k, _)| *k == any_key);
        let exact = |p: &Prev| first.number == p.last + 1;
        let start = match (start, any_slot.map(|k| prev_any[k].1)) {
            (Start::Fresh, Some(p)) if first.number != 1 && p.parent != g.parent && exact(&p) => {
                Start::Continue(p)
            }
            (Start::Continue(q), Some(p))
                if !key.0.runs_on() && !exact(&q) && p.parent != g.parent && exact(&p) =>
            {
                Start::Continue(p)
            }
            (s, _) => s,
        };
        let last = scan(cx, g, start);
        check_inserts(cx, &inserts, start);
        let last_insert = inserts
            .last()
            .map(|&i| &doc.nodes[i])
            .filter(|n| n.number == last)
            .map_or(0, |n| n.insert);
        let seen = Prev {
            last_node: *g.nodes.last().unwrap_or(&g.nodes[0]),
            last,
            last_insert,
            parent: g.parent,
            continued: matches!(start, Start::Continue(_)),
        };
        match slot {
            Some(k) => prev[k].1 = seen,
            None => prev.push((key, seen)),
        }
        match any_slot {
            Some(k) => prev_any[k].1 = seen,
            None => prev_any.push((any_key, seen)),
        }
    }
}

/// Take the inserted units (之N) out of group `g`: they are checked by [`check_inserts`],
/// the rest by [`scan`]. Returns every node of the group in order.
fn inserted(cx: &Ctx, g: &mut Group) -> Vec<usize> {
    let all = g.nodes.clone();
    if all.iter().any(|&i| cx.doc.nodes[i].insert > 0) {
        g.nodes.retain(|&i| cx.doc.nodes[i].insert == 0);
        all
    } else {
        Vec::new()
    }
}

/// Check the inserted units among `nodes` (a group in document order): 第十七条之一 comes
/// right after 第十七条, 第十七条之二 right after 之一. A jump of the plain number is the
/// plain sequence's finding ([`scan`] reports it at the next plain unit); here only a
/// repeated or skipped insert, or one that stands after a later unit.
fn check_inserts(cx: &mut Ctx, nodes: &[usize], start: Start) {
    let doc = cx.doc;
    let mut prev = match start {
        Start::Fresh => Ordinal::plain(0),
        Start::Continue(p) => Ordinal::new(p.last, p.last_insert),
    };
    for &i in nodes {
        let n = &doc.nodes[i];
        let o = Ordinal::new(n.number, n.insert);
        if o.insert == 0 || o.follows(prev) || o.number > prev.number {
            prev = o;
            continue;
        }
        let want = n.style.render_ordinal(if o.number == prev.number {
            Ordinal::new(o.number, prev.insert + 1)
        } else {
            Ordinal::plain(prev.number + 1)
        });
        let (rule, msg) = if o.number < prev.number {
            (
                Rule::NumberingOrder,
                format!(
                    "`{}` stands after `{}`",
                    n.marker.trim(),
                    n.style.render_ordinal(prev)
                ),
            )
        } else if o.insert > prev.insert + 1 {
            (
                Rule::NumberingGap,
                format!(
                    "`{}` follows `{}`: {want} is missing",
                    n.marker.trim(),
                    n.style.render_ordinal(prev)
                ),
            )
        } else {
            (
                Rule::NumberingDuplicate,
                format!("`{}` repeats an earlier number", n.marker.trim()),
            )
        };
        let mut d = cx.at_node(rule, i, msg);
        d.expected = Some(want);
        cx.out.push(d);
        prev = prev.max(o);
    }
}

#[derive(Debug, Clone, Copy)]
enum Start {
    /// A new list: the first marker should be 1.
    Fresh,
    /// The numbering of an earlier parent's list carries on.
    Continue(Prev),
}

/// Read one group; returns the number its last marker stands for.
fn scan(cx: &mut Ctx, g: &Group, start: Start) -> u32 {
    let doc = cx.doc;
    let nodes = &g.nodes;
    let a: Vec<u32> = nodes.iter().map(|&i| doc.nodes[i].number).collect();
    let k = a.len();
    // The numbers of `a[..seen_upto]`, for the repeat test below (a set filled as `i`
    // moves on, not a walk back over the group per marker).
    let mut seen_numbers: HashSet<u32> = HashSet::new();
    let mut seen_upto = 0;
    // `p`: the number the previous marker stands for; `prev_node`: that marker.
    let (mut p, mut prev_node) = match start {
        Start::Fresh => (0, None),
        Start::Continue(pr) => (pr.last, Some(pr.last_node)),
    };
    let mut i = 0;
    while i < k {
        budget::checkpoint(Stage::Lint);
        let e = p + 1;
        let n = a[i];
        let node = nodes[i];
        if n == e {
            p = n;
            prev_node = Some(node);
            i += 1;
            continue;
        }
        // Two markers swapped: a[i] and a[j] trade places, those between are in order.
        if let Some(j) = swap_partner(&a, i, e) {
            let (ni, nj) = (nodes[i], nodes[j]);
            let like = &doc.nodes[ni];
            let mut d = cx.at_node(
                Rule::NumberingOrder,
                ni,
                format!(
                    "`{}` comes before `{}`: the two are swapped",
                    like.marker.trim(),
                    doc.nodes[nj].marker.trim()
                ),
            );
            d.expected = Some(expected_marker(like, e));
            cx.out.push(d);
            let mut d = cx.at_node(
                Rule::NumberingOrder,
                nj,
                format!(
                    "`{}` comes after `{}`: the two are swapped",
                    doc.nodes[nj].marker.trim(),
                    like.marker.trim()
                ),
            );
            d.expected = Some(expected_marker(like, a[i]));
            cx.out.push(d);
            p = e + (j - i) as u32;
            prev_node = Some(nj);
            i = j + 1;
            continue;
        }
        // A new list under the same parent (the structure stage gives it `#2` paths),
        // unless the 1 stands for a 2 (1, 1, 3).
        if n == 1 && p >= 1 && !(p == 1 && a.get(i + 1) == Some(&3)) {
            p = 1;
            prev_node = Some(node);
            i += 1;
            continue;
        }
        let like = &doc.nodes[node];
        let want = expected_marker(like, e);
        if n > e {
            // A number that repeats the next one (1, 3, 3, 4): the first 3 stands for 2.
            if n == e + 1 && a.get(i + 1) == Some(&n) && a.get(i + 2).is_none_or(|&x| x == n + 1) {
                let mut d = cx.at_node(
                    Rule::NumberingDuplicate,
                    node,
                    format!(
                        "`{}` repeats the number of the next item",
                        like.marker.trim()
                    ),
                );
                d.expected = Some(want);
                cx.out.push(d);
                p = e;
                prev_node = Some(node);
                i += 1;
                continue;
            }
            report_jump(
                cx,
                prev_node,
                node,
                e,
                matches!(start, Start::Fresh) && i == 0,
            );
            p = n;
            prev_node = Some(node);
            i += 1;
            continue;
        }
        // n < e: a repeated or a backward number.
        while seen_upto < i {
            seen_numbers.insert(a[seen_upto]);
            seen_upto += 1;
        }
        let seen =
            seen_numbers.contains(&n) || matches!(start, Start::Continue(_)) && i == 0 && n <= p;
        let rule = if n == p || seen {
            Rule::NumberingDuplicate
        } else {
            Rule::NumberingOrder
        };
        let msg = if rule == Rule::NumberingDuplicate {
            format!("`{}` repeats an earlier number", like.marker.trim())
        } else {
            format!("`{}` goes backwards", like.marker.trim())
        };
        let mut d = cx.at_node(rule, node, msg);
        d.expected = Some(want);
        cx.out.push(d);
        // The wrong number stands for e when the next marker carries on from e.
        p = if a.get(i + 1) == Some(&(e + 1)) || i + 1 == k {
            e
        } else {
            n
        };
        prev_node = Some(node);
        i += 1;
    }
    // A mis-punctuated or damaged marker after the last sibling.
    if let Some(&last) = nodes.last() {
        let n = &doc.nodes[last];
        // Up to the next marker of the document (a clause's own span may stop at the end
        // of its paragraph), at least the clause's span.
        let end = doc
            .nodes
            .get(last + 1)
            .map_or(doc.end, |m| m.start)
            .max(n.end)
            .max(n.marker_end);
        if let nearby::Explained::Finding(d) =
            nearby::explain(cx, n.marker_end, end, last, p + 1, true)
        {
            cx.out.push(*d);
        }
    }
    p
}

/// Index j > i such that swapping a[i] and a[j] puts i..=j in order from `e`.
fn swap_partner(a: &[u32], i: usize, e: u32) -> Option<usize> {
    let max = (i + 8).min(a.len());
    (i + 1..max).find(|&j| {
        a[j] == e && a[i] == e + (j - i) as u32 && (i + 1..j).all(|m| a[m] == e + (m - i) as u32)
    })
}

/// A jump forward from `e` to the number of `node`: a gap (or a wrong start), unless a
/// damaged or mis-punctuated marker in between explains it.
fn report_jump(cx: &mut Ctx, prev: Option<usize>, node: usize, e: u32, fresh_start: bool) {
    let doc = cx.doc;
    let n = &doc.nodes[node];
    // Search from the previous sibling; for a first item, from the last marker of the
    // same style before it (a damaged first marker can throw the tree off).
    let from = match prev {
        Some(p) => doc.nodes[p].marker_end,
        None => doc.nodes[..node]
            .iter()
            .rev()
            .find(|m| m.style.family() == n.style.family())
            .map_or(doc.start, |m| m.marker_end)
            .min(n.start),
    };
    let from_line = cx.src.line_of(from);
    if cx.structure_garbled_between(from_line, n.line) {
        return;
    }
    // Headings that lost their number stand where the missing ones belong: each is
    // reported at its own line.
    if n.style.is_heading_unit()
        && unnumbered::between(&cx.lost, n.style, from, n.start) as u32 >= n.number - e
    {
        return;
    }
    match nearby::explain(cx, from, n.start, node, e, false) {
        nearby::Explained::Finding(d) => {
            cx.out.push(*d);
            return;
        }
        nearby::Explained::Missed => return,
        nearby::Explained::No => {}
    }
    let want = expected_marker(n, e);
    if fresh_start {
        let mut d = cx.at_node(
            Rule::NumberingStart,
            node,
            format!(
                "the list starts at `{}`, not at `{}`",
                n.marker.trim(),
                expected_marker(n, 1)
            ),
        );
        d.expected = Some(expected_marker(n, 1));
        if cx.continuation && n.style.is_unit() {
            // An amendment or a 编 on its own: the official numbering carries on.
            d.severity = crate::model::Severity::Info;
            d.message = format!(
                "the sequence starts at `{}`: the document's numbering carries on from an earlier part",
                n.marker.trim()
            );
            cx.out.push(d);
            return;
        }
        cx.out.push(d);
        if n.number == 2 && node > 0 {
            start_notes(cx, node - 1, node, expected_marker(n, 1));
        }
        return;
    }
    let missing: Vec<String> = (e..n.number.min(e + 3))
        .map(|m| expected_marker(n, m))
        .collect();
    let mut d = cx.at_node(
        Rule::NumberingGap,
        node,
        format!(
            "`{}` follows `{}`: {} is missing",
            n.marker.trim(),
            prev.map_or_else(String::new, |p| doc.nodes[p].marker.trim().to_string()),
            missing.join(" ")
        ),
    );
    d.expected = Some(want.clone());
    cx.out.push(d);
    // Where the missing item's text may stand: a note on each candidate paragraph.
    if let Some(p) = prev
        && n.number == e + 1
    {
        notes(cx, Rule::NumberingGap, p, node, want);
    }
}

fn start_notes(cx: &mut Ctx, before: usize, node: usize, want: String) {
    notes(cx, Rule::NumberingStart, before, node, want);
}

/// Info notes on the paragraphs where a lost marker `want` may have stood. A heading's
/// number is lost only with a heading line of its own, which [`unnumbered`] reports: no
/// paragraph is pointed at for it.
fn notes(cx: &mut Ctx, rule: Rule, a: usize, b: usize, want: String) {
    if cx.doc.nodes[b].style.is_heading_unit() {
        return;
    }
    for pos in nearby::missing_paragraphs(cx, a, b) {
        let mut d = cx.at_offset(
            rule,
            pos,
            format!("the item `{want}` may start here, without its marker"),
        );
        d.severity = crate::model::Severity::Info;
        d.expected = Some(want.clone());
        d.clause_path = Some(cx.doc.nodes[a].path.clone());
        cx.out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testutil::{lint, rules_of};

    fn gw(items: &[&str]) -> String {
        let mut s = String::from("关于加强管理工作的通知\n");
        for it in items {
            s.push_str(it);
            s.push_str("工作内容。\n");
        }
        s
    }

    #[test]
    fn clean_list_passes() {
        assert!(lint(&gw(&["一、", "二、", "三、", "四、"])).is_empty());
    }

    #[test]
    fn gap_hits_at_the_later_marker() {
        let f = lint(&gw(&["一、", "二、", "四、", "五、"]));
        assert!(f.contains(&("numbering-gap".into(), 4)), "{f:?}");
        assert_eq!(
            f.iter().filter(|(r, _)| r.starts_with("numbering")).count(),
            1,
            "{f:?}"
        );
    }

    #[test]
    fn duplicate_hits_once() {
        let f = lint(&gw(&["一、", "二、", "二、", "四、"]));
        assert_eq!(f, vec![("numbering-duplicate".into(), 4)]);
        let f = lint(&gw(&["一、", "三、", "三、", "四、"]));
        assert_eq!(f, vec![("numbering-duplicate".into(), 3)]);
        let f = lint(&gw(&["一、", "一、", "三、"]));
        assert_eq!(f, vec![("numbering-duplicate".into(), 3)]);
    }

    #[test]
    fn swap_hits_both_markers_as_order() {
        let f = lint(&gw(&["一、", "三、", "二、", "四、"]));
        assert_eq!(
            f,
            vec![("numbering-order".into(), 3), ("numbering-order".into(), 4)]
        );
        let f = lint(&gw(&["一、", "四、", "三、", "二、", "五、"]));
        assert_eq!(
            f,
            vec![("numbering-order".into(), 3), ("numbering-order".into(), 5)]
        );
        let f = lint(&gw(&["二、", "一、", "三、"]));
        assert_eq!(
            f,
            vec![("numbering-order".into(), 2), ("numbering-order".into(), 3)]
        );
    }

    #[test]
    fn backwards_number_is_order() {
        let f = lint(&gw(&["一、", "二、", "三、", "二十、", "五、"]));
        assert!(f.iter().any(|(r, _)| r == "numbering-gap"), "{f:?}");
        let f = lint(&gw(&["（一）", "（二）", "（三）", "（九）", "（八）"]));
        assert!(f.iter().any(|(r, _)| r == "numbering-order"), "{f:?}");
    }

    #[test]
    fn start_not_at_one() {
        let f = lint(&gw(&["二、", "三、", "四、"]));
        assert_eq!(f, vec![("numbering-start".into(), 2)]);
    }

    #[test]
    fn second_list_under_one_parent_passes() {
        let t = "第一条 单位应当做到：\n（一）甲；\n（二）乙。\n有下列情形之一的：\n（一）丙；\n（二）丁；\n（三）戊。\n第二条 内容。\n";
        assert!(rules_of(t).is_empty(), "{:?}", lint(t));
    }

    #[test]
    fn articles_run_on_across_chapters() {
        let t = "第一章 总则\n第一条 甲。\n第二条 乙。\n第二章 职责\n第三条 丙。\n第四条 丁。\n第三章 附则\n第五条 戊。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        let bad = t.replace("第三条", "第四条");
        let f = lint(&bad);
        assert_eq!(f, vec![("numbering-duplicate".into(), 5)]);
        let gap = t.replace("第三条 丙。\n", "");
        assert!(lint(&gap).contains(&("numbering-gap".into(), 5)));
    }

    #[test]
    fn issue14_chapters_run_on_across_subparts_and_subparts_are_a_sequence() {
        let t = "某法典\n第一编 总则\n第一章 甲\n第一条 甲。\n第二编 合同\n第一分编 通则\n第一章 乙\n第二条 乙。\n第二章 丙\n第三条 丙。\n第二分编 典型\n第三章 丁\n第四条 丁。\n第三分编 准合同\n第四章 戊\n第五条 戊。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        // 第二分编 left out: one gap, at 第三分编; the chapters still run on.
        let gap = t.replace("第二分编 典型\n", "");
        assert_eq!(lint(&gap), vec![("numbering-gap".into(), 13)]);
        // 分编 twice, and a chapter number that does not run on across them.
        let dup = t.replace("第三分编", "第二分编");
        assert_eq!(lint(&dup), vec![("numbering-duplicate".into(), 14)]);
        let chap = t
            .replace("第三章 丁", "第五章 丁")
            .replace("第四章 戊", "第六章 戊");
        assert_eq!(lint(&chap), vec![("numbering-gap".into(), 12)]);
    }

    #[test]
    fn issue14_inserted_articles_follow_their_article() {
        let t = "第一章 总则\n第一条 甲。\n第一条之一 乙。\n第一条之二 丙。\n第二章 附则\n第二条 丁。\n第二条之一 戊。\n第三章 其他\n第三条 己。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        // 之三 right after 之一: 之二 is missing.
        let f = lint(&t.replace("第一条之二", "第一条之三"));
        assert_eq!(f, vec![("numbering-gap".into(), 4)]);
        // 之一 twice.
        let f = lint(&t.replace("第一条之二", "第一条之一"));
        assert_eq!(f, vec![("numbering-duplicate".into(), 4)]);
        // An insert after a later article.
        let t2 = "第一条 甲。\n第二条 乙。\n第一条之一 丙。\n第三条 丁。\n";
        assert_eq!(lint(t2), vec![("numbering-order".into(), 3)]);
        // The plain article before an insert lost: the plain sequence reports it once.
        let t3 = "第一条 甲。\n第三条之一 乙。\n第四条 丙。\n";
        let f = lint(t3);
        assert_eq!(
            f.iter().filter(|(r, _)| r == "numbering-gap").count(),
            1,
            "{f:?}"
        );
    }

    #[test]
    fn issue14_numbering_that_officially_carries_on_is_a_note() {
        use crate::lint::{Config, testutil::lint_full};
        use crate::model::Severity;
        let sev = |t: &str| -> Vec<(String, Severity)> {
            lint_full(t, &Config::default())
                .into_iter()
                .map(|d| (d.rule.name().to_string(), d.severity))
                .collect()
        };
        // A 编 on its own: articles from 第三百条.
        let t = "某法典\n第二编 物权\n第一章 通则\n第三百条 甲。\n第三百零一条 乙。\n";
        assert_eq!(
            sev(t),
            vec![
                ("numbering-start".into(), Severity::Info),
                ("numbering-start".into(), Severity::Info)
            ]
        );
        // An amendment numbers its articles on from the previous one.
        let t =
            "某市条例修正案\n第十二条 将第三条修改为：“甲。”\n第十三条 将第五条修改为：“乙。”\n";
        assert_eq!(sev(t), vec![("numbering-start".into(), Severity::Info)]);
        // A lost 第一条 marker leaves 第二条 first: still an error.
        let t = "某市条例\n为了甲，制定本条例。\n第二条 乙。\n第三条 丙。\n";
        assert_eq!(sev(t), vec![("numbering-start".into(), Severity::Error)]);
    }

    #[test]
    fn items_run_on_across_parents() {
        let t = "一、存在问题\n（一）思想方面\n1.甲。\n2.乙。\n（二）作风方面\n3.丙。\n4.丁。\n5.戊。\n二、整改措施\n（一）加强学习\n1.己。\n2.庚。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
    }

    #[test]
    fn items_numbered_through_a_document_run_on_across_depths() {
        // Under 节 in 第一章, under 第二章 itself, under 节 again in 第三章.
        let t = "某罪名目录\n第一章 甲类\n第一节 子类\n1．甲罪。\n2．乙罪。\n第二节 丑类\n3．丙罪。\n第二章 乙类\n4．丁罪。\n5．戊罪。\n第三章 丙类\n第一节 寅类\n6．己罪。\n第二节 卯类\n7．庚罪。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        // A gap is still one.
        let f = lint(
            &t.replace("6．己罪", "8．己罪")
                .replace("7．庚罪", "9．庚罪"),
        );
        assert_eq!(f, vec![("numbering-gap".into(), 13)]);
    }

    #[test]
    fn inserted_articles_run_on_across_sections() {
        // 第二条之一 ends 第一节, 第二条之二 opens 第二节.
        let t = "某法\n第一章 总则\n第一节 一般规定\n第一条 甲。\n第二条 乙。\n第二条之一 丙。\n第二节 特别规定\n第二条之二 丁。\n第三条 戊。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
        // Skipping 之二 across the boundary is still a gap.
        let f = lint(&t.replace("第二条之二", "第二条之三"));
        assert_eq!(f, vec![("numbering-gap".into(), 8)]);
    }

    #[test]
    fn restart_in_next_section_passes() {
        let t = "一、总体要求\n（一）甲。\n（二）乙。\n二、主要任务\n（一）丙。\n（二）丁。\n";
        assert!(lint(t).is_empty());
        let f = lint(
            &t.replace("（一）丙", "（二）丙")
                .replace("（二）丁", "（三）丁"),
        );
        assert_eq!(f, vec![("numbering-start".into(), 5)]);
    }

    #[test]
    fn attachment_list_is_not_numbering() {
        let t = "一、甲。\n二、乙。\n\n附件：1．检查表\n      2．汇总表\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
    }
}
