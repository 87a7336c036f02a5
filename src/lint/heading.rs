//! `heading-glued`: a 编/分编/章/节 heading that does not start its line stands at the end of the
//! paragraph before it (`……之日起施行。第三章　监督管理`), where a copy lost a line break; the
//! structure stage splits it off, the lint names it (every profile).
//!
//! `heading-punctuation`: a heading that stands on its own line (一、总体要求) takes no 。;
//! a run-in heading (（一）指导思想。坚持…) does. Only where headings are expected (公文 and
//! generic profiles), only for the heading levels (一、 and 第X章/节), and only for a short
//! line that is the whole of the clause's own text while the clause has sub-items. A
//! standalone （一）xxx。 is common and accepted practice, and a childless 六、本办法自
//! 发布之日起施行。 is a one-sentence item, so both are left alone.

use super::{Ctx, Profile};
use crate::model::Rule;
use crate::normalize::is_blank;
use crate::structure::{Node, Style};

const PUNCT: &[char] = &['，', '；', '：', ',', ';', ':', '。', '！', '？'];

/// The characters of `s` that are not blanks.
fn solid(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| !is_blank(c))
}

/// The marker line's text after the marker, when the line holds nothing else of the clause.
fn standalone(cx: &Ctx, n: &Node) -> Option<String> {
    if n.inline {
        return None;
    }
    let text = cx.src.as_str();
    let line = cx.src.line(n.line);
    let rest = text.get(n.marker_end..line.end)?.trim();
    // A heading is short: more than 30 characters (surely so past 120 bytes) is none.
    if rest.len() > 120 || rest.chars().count() > 30 {
        return None;
    }
    let own = n.own.as_str().trim();
    let rest_solid = solid(rest).count();
    // The own text is that line when it has as many non-blank characters: counting stops
    // one past, so that a long clause is not read to its end.
    if rest.is_empty() || solid(own).take(rest_solid + 1).count() != rest_solid {
        return None;
    }
    Some(rest.to_string())
}

/// Whether a clause of `style` is a heading over its sub-clauses (一、总体要求, 第一章 总则)
/// rather than an item that may be one sentence.
fn heads_a_level(style: Style) -> bool {
    match style {
        Style::CnDun | Style::Part | Style::Subpart | Style::Chapter | Style::Section => true,
        Style::Article
        | Style::CnParen
        | Style::CnParenHalf
        | Style::Arabic
        | Style::ArabicParen
        | Style::ArabicParenHalf
        | Style::Circled
        | Style::ParenIdeograph
        | Style::CnShi => false,
    }
}

/// Run `heading-glued` and `article-glued` over a document. Articles run together on one
/// line (a copy that lost its line breaks: `……。第十四条 …… 第十五条 ……`) give one finding,
/// at the first of them, naming how many there are.
pub fn glued(cx: &mut Ctx) {
    let doc = cx.doc;
    let mut articles_on: Option<(usize, usize, usize)> = None; // (line, first node, count)
    let flush = |cx: &mut Ctx, run: Option<(usize, usize, usize)>| {
        let Some((_, i, count)) = run else { return };
        let marker = doc.nodes[i].marker.trim();
        let more = match count {
            1 => String::new(),
            n => format!(" (and {} more articles on this line)", n - 1),
        };
        let d = cx.at_node(
            Rule::ArticleGlued,
            i,
            format!(
                "the article `{marker}` is glued to the end of the paragraph before it{more}: an article starts a line of its own"
            ),
        );
        cx.out.push(d);
    };
    for (i, n) in doc.nodes.iter().enumerate() {
        if !cx.live(i) || !n.inline {
            continue;
        }
        if n.style == Style::Article {
            match &mut articles_on {
                Some((line, _, count)) if *line == n.line => *count += 1,
                run => {
                    let done = run.replace((n.line, i, 1));
                    flush(cx, done);
                }
            }
            continue;
        }
        if !n.style.is_heading_unit() {
            continue;
        }
        let d = cx.at_node(
            Rule::HeadingGlued,
            i,
            format!(
                "the heading `{}` is glued to the end of the paragraph before it: it belongs on a line of its own",
                n.marker.trim()
            ),
        );
        cx.out.push(d);
    }
    flush(cx, articles_on);
}

/// Run `heading-punctuation` over a document.
pub fn check(cx: &mut Ctx) {
    if !matches!(cx.profile, Profile::Gongwen | Profile::Generic) {
        return;
    }
    let doc = cx.doc;
    for (i, n) in doc.nodes.iter().enumerate() {
        let heading_level = heads_a_level(n.style);
        // Only a clause with sub-items is surely a heading: a childless 六、本办法自发布
        // 之日起施行。 is a one-sentence item.
        if !cx.live(i) || !heading_level || n.children.is_empty() {
            continue;
        }
        let Some(h) = standalone(cx, n) else { continue };
        let Some(body) = h.strip_suffix('。') else {
            continue;
        };
        if body.is_empty() || body.contains(PUNCT) {
            continue;
        }
        let at = n.marker_end
            + cx.src.as_str()[n.marker_end..]
                .find(h.as_str())
                .unwrap_or(0);
        let mut d = cx.at_offset(
            Rule::HeadingPunctuation,
            at,
            format!("the heading `{h}` stands on its own line and takes no 。"),
        );
        d.clause_path = Some(n.path.clone());
        d.expected = Some(body.to_string());
        d.found = Some(h);
        cx.out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::testutil::{lint, rules_of};

    #[test]
    fn issue14_a_glued_heading_is_named() {
        let t = "某市条例\n第一章 总则\n第一条 为了管理，制定本条例。\n第二条 本条例适用于本市。第二章 管理\n第三条 市人民政府负责管理。\n";
        assert_eq!(lint(t), vec![("heading-glued".into(), 4)]);
        let t =
            "某法典\n第一分编 通则\n第一章 甲\n第一条 甲。第二分编　典型\n第二章 乙\n第二条 乙。\n";
        assert_eq!(lint(t), vec![("heading-glued".into(), 4)]);
        let clean = "某市条例\n第一章 总则\n第一条 为了管理，制定本条例。\n第二章 管理\n第二条 市人民政府负责管理。\n";
        assert!(!rules_of(clean).contains(&"heading-glued".into()));
    }

    #[test]
    fn issue14_glued_articles_are_named_once_per_line() {
        let t = "某市办法\n第一条 为了管理，制定本办法。\n第二条 本办法适用于本市。第三条 市人民政府负责实施。\n第四条 甲。第五条 乙。第六条 丙。\n第七条 本办法自2027年1月1日起施行。\n";
        assert_eq!(
            lint(t),
            vec![("article-glued".into(), 3), ("article-glued".into(), 4)]
        );
        let clean = "某市办法\n第一条 为了管理，依照本法第二条的规定制定本办法。\n第二条 本办法适用于本市。\n";
        assert!(!rules_of(clean).contains(&"article-glued".into()));
    }

    #[test]
    fn heading_must_hit() {
        let t = "关于做好工作的通知\n一、总体要求。\n（一）甲。\n二、主要任务\n（一）乙。\n";
        assert_eq!(lint(t), vec![("heading-punctuation".into(), 2)]);
    }

    #[test]
    fn heading_must_pass() {
        for t in [
            "关于做好工作的通知\n一、总体要求\n（一）指导思想。坚持问题导向。\n（二）基本原则。坚持统筹推进。\n",
            "第一条 有下列情形之一的，予以处理：\n（一）拒不执行的。\n（二）弄虚作假的。\n",
            "一、总体要求\n（一）甲。\n二、主要任务\n（一）乙。\n",
            "一、总体要求\n（一）推进工程建设。\n1．实施一体化。\n（二）加强保护。\n1．划定范围。\n",
            "一、总体要求\n（一）甲。\n二、本办法自发布之日起施行。\n",
        ] {
            assert!(!rules_of(t).contains(&"heading-punctuation".into()), "{t}");
        }
    }
}
