//! Marker form: `marker-punctuation` (GB/T 15834-2011 B.3: 一、 takes 、; a bracketed
//! marker takes nothing; 1. not 1、; 一是 takes nothing) and `mixed-style` (one level written
//! in two forms: 1. and 1、, (一) and （一）).

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use super::{Ctx, expected_marker};
use crate::model::Rule;
use crate::normalize::is_blank;
use crate::structure::{Node, Style};

/// Run the marker-form rules over a document.
pub fn check(cx: &mut Ctx) {
    punctuation(cx);
    mixed(cx);
}

/// How a style's marker is written (GB/T 15834-2011 B.3), and so which forms it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// 一、: takes 、.
    Dun,
    /// 1. / 1．: takes a full stop, not 、.
    Dot,
    /// （一） (一) （1） (1): takes nothing; its brackets vary.
    Brackets,
    /// 一是: takes nothing.
    Shi,
    /// 第X条, ①, ㈠: a closed form; nothing follows it.
    Closed,
}

/// The form of `style`'s markers.
pub(crate) fn form(style: Style) -> Form {
    match style {
        Style::CnDun => Form::Dun,
        Style::Arabic => Form::Dot,
        Style::CnParen | Style::CnParenHalf | Style::ArabicParen | Style::ArabicParenHalf => {
            Form::Brackets
        }
        Style::CnShi => Form::Shi,
        Style::Part
        | Style::Subpart
        | Style::Chapter
        | Style::Section
        | Style::Article
        | Style::Circled
        | Style::ParenIdeograph => Form::Closed,
    }
}

/// The punctuation written after node `n`'s marker, when it is wrong: (what was found,
/// the mark).
fn wrong_punct(text: &str, n: &Node) -> Option<char> {
    match form(n.style) {
        Form::Dun => n.punct.filter(|&p| p != '、'),
        Form::Brackets | Form::Shi => n.punct,
        Form::Dot => n.punct.filter(|&p| p == '、'),
        Form::Closed => text
            .get(n.marker_end..)
            .and_then(|s| s.chars().next())
            .filter(|c| matches!(c, '、' | '.' | '．' | '，' | ',' | '：' | ':')),
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
        let why = match form(n.style) {
            Form::Dun => "a Chinese numeral marker takes 、",
            Form::Brackets => "a bracketed marker takes no punctuation",
            Form::Dot => "an Arabic numeral marker takes a full stop (.), not 、",
            Form::Shi => "一是/二是 take no punctuation",
            Form::Closed => "this marker takes no punctuation",
        };
        let mut d = cx.at_node(
            Rule::MarkerPunctuation,
            i,
            format!("`{found}`: {why}; write `{want}`"),
        );
        d.found = Some(found);
        d.expected = Some(want);
        cx.out.push(d);
    }
}

/// How a marker of a family with variants is written: its brackets (（）, ()) or the
/// punctuation after it (、 . ．). Ordered and printed as that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Variant(char, Option<char>);

impl Variant {
    /// The full-width brackets the standard prescribes.
    const FULL_WIDTH_BRACKETS: Variant = Variant('（', Some('）'));
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char(self.0)?;
        match self.1 {
            Some(c) => f.write_char(c),
            None => Ok(()),
        }
    }
}

/// The written form of a marker within its family, for styles that have variants.
fn variant(n: &Node) -> Option<Variant> {
    match form(n.style) {
        Form::Brackets => {
            let open = n.marker.chars().find(|&c| !is_blank(c))?;
            let close = n.marker.chars().rev().find(|c| matches!(c, '）' | ')'))?;
            Some(Variant(open, Some(close)))
        }
        Form::Dot | Form::Dun => n.punct.map(|p| Variant(p, None)),
        Form::Shi | Form::Closed => None,
    }
}

/// Count one more `v` in a small tally.
fn bump(tally: &mut Vec<(Variant, usize)>, v: Variant) {
    match tally.iter_mut().find(|(w, _)| *w == v) {
        Some((_, n)) => *n += 1,
        None => tally.push((v, 1)),
    }
}

/// How often `v` occurs in a tally.
fn count(tally: &[(Variant, usize)], v: Variant) -> usize {
    tally.iter().find(|(w, _)| *w == v).map_or(0, |&(_, n)| n)
}

/// A marker with a variant: the list it belongs to (its parent and style family), its
/// node and its variant.
type Marked = ((Option<usize>, Style), usize, Variant);

fn mixed(cx: &mut Ctx) {
    let doc = cx.doc;
    // Every live marker with a variant, in node order.
    let mut marked: Vec<Marked> = Vec::new();
    // Level-wide counts per (family, level), to break ties inside small groups.
    let mut level_counts: BTreeMap<(Style, u32), Vec<(Variant, usize)>> = BTreeMap::new();
    for (i, n) in doc.nodes.iter().enumerate() {
        if !cx.live(i) || n.garbled {
            continue;
        }
        let Some(v) = variant(n) else { continue };
        bump(
            level_counts.entry((n.style.family(), n.level)).or_default(),
            v,
        );
        marked.push(((n.parent, n.style.family()), i, v));
    }
    // Sibling groups (same parent and family), in the order of their first member.
    marked.sort_unstable_by_key(|&(list, i, _)| (list, i));
    let mut groups: Vec<&[Marked]> = marked.chunk_by(|a, b| a.0 == b.0).collect();
    groups.sort_unstable_by_key(|g| g[0].1);
    for group in groups {
        let family = group[0].0.1;
        let members: Vec<(usize, Variant)> = group.iter().map(|&(_, i, v)| (i, v)).collect();
        let lc = &level_counts[&(family, doc.nodes[members[0].0].level)];
        let mut counts: Vec<(Variant, usize)> = Vec::new();
        for &(_, v) in &members {
            bump(&mut counts, v);
        }
        // Majority in the list, then on the level, then the standard form, then the
        // first written.
        let first_at = |v: Variant| members.iter().position(|&(_, m)| m == v).unwrap_or(0);
        let rank = |v: Variant| {
            (
                count(&counts, v),
                count(lc, v),
                standard_form(family, v),
                std::cmp::Reverse(first_at(v)),
            )
        };
        let Some(best) = counts.iter().map(|&(v, _)| v).max_by_key(|&v| rank(v)) else {
            continue;
        };
        let single_odd = members.len() == 1 && {
            let top = lc.iter().map(|&(_, n)| n).max().unwrap_or(0);
            let mine = count(lc, best);
            mine == 1 && top >= 3
        };
        for &(i, v) in &members {
            let odd = if members.len() == 1 {
                single_odd
            } else {
                v != best
            };
            if !odd {
                continue;
            }
            let n = &doc.nodes[i];
            let reference = if members.len() == 1 {
                lc.iter()
                    .max_by_key(|&&(v, c)| {
                        (c, v == Variant::FULL_WIDTH_BRACKETS, std::cmp::Reverse(v))
                    })
                    .map_or(best, |&(v, _)| v)
            } else {
                best
            };
            let want = restyle(n, reference);
            let mut d = cx.at_node(
                Rule::MixedStyle,
                i,
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
fn standard_form(family: Style, v: Variant) -> bool {
    match form(family) {
        Form::Dun => v == Variant('、', None),
        Form::Dot => v == Variant('.', None) || v == Variant('．', None),
        Form::Brackets | Form::Shi | Form::Closed => v == Variant::FULL_WIDTH_BRACKETS,
    }
}

/// Node `n`'s marker in the variant `v`.
fn restyle(n: &Node, v: Variant) -> String {
    let num = n.style.render(n.number);
    match form(n.style) {
        Form::Brackets => {
            let inner: String = num
                .chars()
                .filter(|c| !matches!(c, '（' | '）' | '(' | ')'))
                .collect();
            let (o, c) = (v.0, v.1.unwrap_or('）'));
            format!("{o}{inner}{c}")
        }
        Form::Dun | Form::Dot | Form::Shi | Form::Closed => format!("{num}{v}"),
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
