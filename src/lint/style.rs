//! Marker form: `marker-punctuation` (GB/T 15834-2011 B.3: 一、 takes 、; a bracketed
//! marker takes nothing; 1. not 1、; 一是 takes nothing) and `mixed-style` (one level written
//! in two forms: 1. and 1、, (一) and （一）).

use std::collections::HashMap;

use super::{Ctx, expected_marker};
use crate::structure::{Node, Style};

/// Run the marker-form rules over a document.
pub fn check(cx: &mut Ctx) {
    punctuation(cx);
    mixed(cx);
}

/// The punctuation written after node `n`'s marker, when it is wrong: (what was found,
/// the mark).
fn wrong_punct(text: &str, n: &Node) -> Option<char> {
    match n.style.family() {
        Style::CnDun => n.punct.filter(|&p| p != '、'),
        Style::CnParen | Style::ArabicParen | Style::Shi => n.punct,
        Style::Arabic => n.punct.filter(|&p| p == '、'),
        Style::Article
        | Style::Chapter
        | Style::Part
        | Style::Section
        | Style::Circled
        | Style::ParenIdeograph => text
            .get(n.marker_end..)
            .and_then(|s| s.chars().next())
            .filter(|c| "、.．，,：:".contains(*c)),
        _ => None,
    }
}

fn punctuation(cx: &mut Ctx) {
    let text = cx.src.as_str();
    for (i, n) in cx.doc.nodes.iter().enumerate() {
        if !cx.live(i) || n.garbled {
            continue;
        }
        let Some(p) = wrong_punct(text, n) else {
            continue;
        };
        let want = expected_marker(n, n.number);
        let found = if n.marker.ends_with(p) {
            n.marker.trim().to_string()
        } else {
            format!("{}{p}", n.marker.trim())
        };
        let why = match n.style.family() {
            Style::CnDun => "a Chinese numeral marker takes 、",
            Style::CnParen | Style::ArabicParen => "a bracketed marker takes no punctuation",
            Style::Arabic => "an Arabic numeral marker takes a full stop (.), not 、",
            Style::Shi => "一是/二是 take no punctuation",
            _ => "this marker takes no punctuation",
        };
        let mut d = cx.at_node(
            "marker-punctuation",
            i,
            format!("`{found}`: {why}; write `{want}`"),
        );
        d.found = Some(found);
        d.expected = Some(want);
        cx.out.push(d);
    }
}

/// The written form of a marker within its family, for styles that have variants.
fn variant(n: &Node) -> Option<String> {
    let m: String = n.marker.chars().filter(|c| !c.is_whitespace()).collect();
    match n.style.family() {
        Style::CnParen | Style::ArabicParen => {
            let open = m.chars().next()?;
            let close = m.chars().rev().find(|c| matches!(c, '）' | ')'))?;
            Some(format!("{open}{close}"))
        }
        Style::Arabic | Style::CnDun => n.punct.map(String::from),
        _ => None,
    }
}

fn mixed(cx: &mut Ctx) {
    let doc = cx.doc;
    // Level-wide counts per (family, level), to break ties inside small groups.
    let mut level_counts: HashMap<(Style, u32), HashMap<String, usize>> = HashMap::new();
    type Key = (Option<usize>, Style);
    let mut groups: HashMap<Key, Vec<(usize, String)>> = HashMap::new();
    let mut order: Vec<(Option<usize>, Style)> = Vec::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        if !cx.live(i) || n.garbled {
            continue;
        }
        let Some(v) = variant(n) else { continue };
        *level_counts
            .entry((n.style.family(), n.level))
            .or_default()
            .entry(v.clone())
            .or_default() += 1;
        let key = (n.parent, n.style.family());
        if !groups.contains_key(&key) {
            order.push(key);
        }
        groups.entry(key).or_default().push((i, v));
    }
    for key in order {
        let members = &groups[&key];
        let lc = &level_counts[&(key.1, doc.nodes[members[0].0].level)];
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, v) in members {
            *counts.entry(v.as_str()).or_default() += 1;
        }
        // Majority in the list, then on the level, then the standard form, then the
        // first written.
        let first_at = |v: &str| members.iter().position(|(_, m)| m == v).unwrap_or(0);
        let rank = |v: &str| {
            (
                counts.get(v).copied().unwrap_or(0),
                lc.get(v).copied().unwrap_or(0),
                standard_form(key.1, v),
                std::cmp::Reverse(first_at(v)),
            )
        };
        let Some(best) = counts.keys().copied().max_by_key(|v| rank(v)) else {
            continue;
        };
        let best = best.to_string();
        let single_odd = members.len() == 1 && {
            let top = lc.values().copied().max().unwrap_or(0);
            let mine = lc.get(&best).copied().unwrap_or(0);
            mine == 1 && top >= 3
        };
        for (i, v) in members {
            let odd = if members.len() == 1 {
                single_odd
            } else {
                *v != best
            };
            if !odd {
                continue;
            }
            let n = &doc.nodes[*i];
            let reference = if members.len() == 1 {
                lc.iter()
                    .max_by_key(|(v, c)| (**c, v.as_str() == "（）", std::cmp::Reverse(v.as_str())))
                    .map(|(v, _)| v.clone())
                    .unwrap_or_default()
            } else {
                best.clone()
            };
            let want = restyle(n, &reference);
            let mut d = cx.at_node(
                "mixed-style",
                *i,
                format!(
                    "`{}` is written differently from its siblings: write `{want}`",
                    n.marker.trim()
                ),
            );
            d.expected = Some(want);
            cx.out.push(d);
        }
    }
}

/// Whether `v` is the form the standard prescribes for `family` (一、 1. （一）).
fn standard_form(family: Style, v: &str) -> bool {
    match family {
        Style::CnDun => v == "、",
        Style::Arabic => v == "." || v == "．",
        _ => v == "（）",
    }
}

/// Node `n`'s marker in the variant `v`.
fn restyle(n: &Node, v: &str) -> String {
    let num = n.style.render(n.number);
    match n.style.family() {
        Style::CnParen | Style::ArabicParen => {
            let inner: String = num
                .chars()
                .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
                .collect();
            let mut cs = v.chars();
            let (o, c) = (cs.next().unwrap_or('（'), cs.next().unwrap_or('）'));
            format!("{o}{inner}{c}")
        }
        _ => format!("{num}{v}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testutil::{lint, rules_of};

    #[test]
    fn punctuation_must_hit() {
        for (t, line) in [
            ("一、甲。\n二．乙。\n三、丙。\n", 2),
            ("一、甲\n（一）、子项。\n（二）子项。\n", 2),
            ("（一）甲\n1.子项。\n2、子项。\n3.子项。\n", 3),
            ("一、甲\n一是：加强。\n二是加强。\n", 2),
            ("第一条、内容。\n第二条 内容。\n", 1),
        ] {
            let f = lint(t);
            assert!(
                f.contains(&("marker-punctuation".into(), line)),
                "{t}: {f:?}"
            );
        }
    }

    #[test]
    fn punctuation_must_pass() {
        for t in [
            "一、甲。\n二、乙。\n",
            "一、甲\n（一）子项。\n（二）子项。\n",
            "（一）甲\n1.子项。\n2.子项。\n",
            "（一）甲\n1．子项。\n2．子项。\n",
            "一、甲\n一是加强。\n二是加强。\n",
            "第一条 内容。\n第二条　内容。\n",
        ] {
            assert!(!rules_of(t).contains(&"marker-punctuation".into()), "{t}");
        }
    }

    #[test]
    fn mixed_style_must_hit() {
        let t = "一、甲\n（一）子项。\n(二)子项。\n（三）子项。\n";
        assert_eq!(lint(t), vec![("mixed-style".into(), 3)]);
        let t = "（一）甲\n1.子项。\n2.子项。\n3．子项。\n";
        assert_eq!(lint(t), vec![("mixed-style".into(), 4)]);
        let f = lint("（一）甲\n1.子项。\n2、子项。\n3.子项。\n");
        assert!(f.contains(&("mixed-style".into(), 3)), "{f:?}");
    }

    #[test]
    fn mixed_style_must_pass() {
        let t = "一、甲\n(一)子项。\n(二)子项。\n二、乙\n(一)子项。\n";
        assert!(lint(t).is_empty(), "{:?}", lint(t));
    }
}
