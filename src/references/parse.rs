//! The grammar of a reference, read off a clause's cleaned text: which words open one
//! (本法, 《…》, 前款, 本条, 第), the units it names (第X条之Y, 第X款, 第（X）项, 第X目,
//! 第X章, 第X节), and how a chain goes on (、 和 或者 及 至). Nothing here knows the clause
//! tree; [`super::resolve`] looks the units up.

use super::vocab;
use crate::structure::marker::{is_cn_digit, parse_chinese};

/// Whose clauses a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// This document, said so (本法, 本条例, 本规定 …).
    Own,
    /// Nothing said: this document, unless the document itself says otherwise (an amending
    /// decision speaks of the law it amends).
    Unqualified,
    /// Another document, named (《…》 or a name ending in 法/条例/…).
    Named(String),
    /// Another document, named earlier (该法, 该条例).
    Previous,
}

/// The 款/项/目 part of a reference.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// 第X款.
    pub paragraph: Option<u32>,
    /// 第（X）项 / 第X项.
    pub item: Option<u32>,
    /// 第X目.
    pub sub: Option<u32>,
}

impl Part {
    /// Whether the part names nothing.
    pub fn is_empty(&self) -> bool {
        self.paragraph.is_none() && self.item.is_none() && self.sub.is_none()
    }

    /// The canonical text of the part: 第二款第（三）项第1目.
    pub fn render(&self) -> Option<String> {
        use crate::structure::marker::to_chinese;
        if self.is_empty() {
            return None;
        }
        let mut s = String::new();
        if let Some(p) = self.paragraph {
            s.push_str(&format!("第{}款", to_chinese(p)));
        }
        if let Some(i) = self.item {
            s.push_str(&format!("第（{}）项", to_chinese(i)));
        }
        if let Some(m) = self.sub {
            s.push_str(&format!("第{m}目"));
        }
        Some(s)
    }
}

/// What a reference names, before it is looked up in the clause tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// 第X条 (之Y) with an optional part.
    Article {
        /// The article's number.
        number: u32,
        /// The Y of 第X条之Y (0 for an ordinary article).
        insert: u32,
        /// The 款/项/目 named after it.
        part: Part,
    },
    /// 第X章 (第Y节), or 第Y节 alone (in the current chapter).
    Chapter {
        /// 第X章, when named.
        chapter: Option<u32>,
        /// 第Y节, when named.
        section: Option<u32>,
    },
    /// 本条, with an optional part.
    ThisArticle(Part),
    /// 前款 (1), 前两款 (2) …, with an optional 项.
    PrecedingParagraphs(u32, Part),
    /// 本款, with an optional 项.
    ThisParagraph(Part),
    /// 前条 (1), 前两条 (2) ….
    PrecedingArticles(u32),
    /// 第X款 / 第（X）项 without an article: in the article where it stands.
    PartOnly(Part),
}

/// One reference found in a text: its span (bytes of the scanned text) and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Start of the reference as written (a governing verb such as 依照 included).
    pub start: usize,
    /// End of the reference as written.
    pub end: usize,
    /// Whose clauses it names.
    pub scope: Scope,
    /// What it names.
    pub unit: Unit,
}

/// Read a number at the start of `s`: Arabic digits (ASCII or full width) or a Chinese
/// numeral. Returns the value and the bytes read.
fn number(s: &str) -> Option<(u32, usize)> {
    let mut end = 0;
    let mut arabic = false;
    let mut cn = false;
    for (i, c) in s.char_indices() {
        let a = c.is_ascii_digit() || ('０'..='９').contains(&c);
        let h = is_cn_digit(c);
        if (a && !cn) || (h && !arabic) {
            arabic |= a;
            cn |= h;
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    if end == 0 || end > 24 {
        return None;
    }
    let digits = &s[..end];
    let value = if arabic {
        digits
            .chars()
            .map(crate::normalize::fold)
            .collect::<String>()
            .parse()
            .ok()?
    } else {
        parse_chinese(digits)?
    };
    (value > 0).then_some((value, end))
}

/// `第` + number + `unit`, at the start of `s`: the number and the bytes read.
fn ordinal(s: &str, unit: char) -> Option<(u32, usize)> {
    let r = s.strip_prefix('第')?;
    let (n, len) = number(r)?;
    let r = &r[len..];
    r.starts_with(unit)
        .then(|| (n, '第'.len_utf8() + len + unit.len_utf8()))
}

/// An item number at the start of `s`: 第（三）项, 第(三)项, 第三项, （三）项. Returns the
/// number and the bytes read.
fn item(s: &str) -> Option<(u32, usize)> {
    let (r, lead) = match s.strip_prefix('第') {
        Some(r) => (r, '第'.len_utf8()),
        None => (s, 0),
    };
    let (n, len) = if let Some(b) = r.strip_prefix(['（', '(']) {
        let open = r.len() - b.len();
        let (n, len) = number(b)?;
        let close = b[len..].strip_prefix(['）', ')'])?;
        (n, open + len + (b.len() - len - close.len()))
    } else if lead > 0 {
        number(r)?
    } else {
        return None;
    };
    r[len..]
        .starts_with('项')
        .then(|| (n, lead + len + '项'.len_utf8()))
}

/// A 款/项/目 part at the start of `s`, given the part read so far (a 项 may follow a 款, a
/// 目 a 项). Returns the part and the bytes read.
fn part(s: &str) -> (Part, usize) {
    let mut p = Part::default();
    let mut at = 0;
    if let Some((n, len)) = ordinal(s, '款') {
        p.paragraph = Some(n);
        at += len;
    }
    if let Some((n, len)) = item(&s[at..]) {
        p.item = Some(n);
        at += len;
    }
    if p.item.is_some()
        && let Some((n, len)) = ordinal(&s[at..], '目')
    {
        p.sub = Some(n);
        at += len;
    }
    (p, at)
}

/// 第X条 or 第X条之Y at the start of `s`: (number, insert, bytes read).
fn article(s: &str) -> Option<(u32, u32, usize)> {
    let (n, len) = ordinal(s, '条')?;
    // 第X条之Y: an article inserted by an amendment (之 followed by a numeral).
    if let Some(r) = s[len..].strip_prefix('之')
        && let Some((k, klen)) = number(r)
        && !r[..klen].contains(|c: char| c.is_ascii_digit())
    {
        return Some((n, k, len + '之'.len_utf8() + klen));
    }
    Some((n, 0, len))
}

/// The separators of a chain, longest first; `至`/`到` make a range.
const SEPARATORS: &[&str] = &[
    "、以及",
    "以及",
    "或者",
    "、",
    "和",
    "或",
    "及",
    "与",
    "至",
    "到",
];

/// A separator at the start of `s`: (is a range, bytes).
fn separator(s: &str) -> Option<(bool, usize)> {
    SEPARATORS
        .iter()
        .find(|sep| s.starts_with(**sep))
        .map(|sep| (matches!(*sep, "至" | "到"), sep.len()))
}

/// Scan `text` for references. `starts_paragraph(i)` says whether byte `i` starts a
/// paragraph (a `第X条` there followed by a blank is an article marker the structure stage
/// left in the text, not a reference).
pub fn scan(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    // 《…》 and “…” are skipped: a title (《关于修改〈…〉第三十一条的决定》) and a quotation
    // (修改为“第五条”) do not refer to this document's clauses.
    while i < b.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match c {
            '《' | '“' => {
                let close = if c == '《' { '》' } else { '”' };
                if let Some(k) = closing(&text[i..], c, close) {
                    let after = i + k;
                    if c == '《' {
                        let name = &text[i + c.len_utf8()..after - close.len_utf8()];
                        let start = with_verb(text, i);
                        if let Some((found, end)) =
                            chain(text, after, start, Scope::Named(clean_name(name)))
                        {
                            out.extend(found);
                            i = end;
                            continue;
                        }
                    }
                    i = after;
                    continue;
                }
            }
            '第' => {
                let (scope, start) = qualifier(text, i);
                if !is_marker_at(text, i)
                    && let Some((found, end)) = chain(text, i, start, scope)
                {
                    out.extend(found);
                    i = end;
                    continue;
                }
            }
            '本' | '前' => {
                if let Some((found, end)) = relative(text, i) {
                    out.extend(found);
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    out
}

/// The length of a bracketed span opened by `open` at the start of `s`, through its
/// matching `close` (nesting counted); `None` when it does not close within 300 bytes of
/// its last opening (an unbalanced mark does not swallow the rest of the text).
fn closing(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut last_open = 0;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
            last_open = i;
        } else if c == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return Some(i + c.len_utf8());
            }
        } else if c == '\n' || i - last_open > 300 {
            return None;
        }
    }
    None
}

/// A document name as written between 《》, with its inner 〈〉/<> marks kept.
fn clean_name(name: &str) -> String {
    name.trim().to_string()
}

/// Whether the `第` at `i` starts a paragraph and reads as an article marker there (a blank
/// or nothing that continues a reference after it).
fn is_marker_at(text: &str, i: usize) -> bool {
    let line_start = i == 0 || text[..i].ends_with('\n');
    if !line_start {
        return false;
    }
    let Some((_, _, len)) = article(&text[i..]) else {
        return false;
    };
    let rest = &text[i + len..];
    let gap = rest.starts_with(crate::normalize::is_blank);
    !crate::structure::marker::is_reference(
        rest.trim_start_matches(crate::normalize::is_blank),
        gap,
    )
}

/// What stands right before the `第` at `i`: the scope it gives the chain and where the
/// reference as written starts (whether a unit follows is the chain's to say).
fn qualifier(text: &str, i: usize) -> (Scope, usize) {
    let before = &text[..i];
    if let Some(w) = vocab::OWN_DOCUMENT.iter().find(|w| before.ends_with(**w)) {
        let start = i - w.len();
        return (Scope::Own, with_verb(text, start));
    }
    if let Some(w) = vocab::PREVIOUS_DOCUMENT
        .iter()
        .find(|w| before.ends_with(**w))
    {
        let start = i - w.len();
        return (Scope::Previous, with_verb(text, start));
    }
    if let Some((name, start)) = named_before(before) {
        return (Scope::Named(name), with_verb(text, start));
    }
    (Scope::Unqualified, with_verb(text, i))
}

/// A governing verb right before `start` (依照, 根据 …) belongs to the reference as written.
fn with_verb(text: &str, start: usize) -> usize {
    let before = &text[..start];
    vocab::GOVERNING_VERBS
        .iter()
        .find(|v| before.ends_with(**v))
        .map_or(start, |v| start - v.len())
}

/// A document named without 《》 right before a `第` (专利法第二十条, 刑法第一百三十三条):
/// a run of ideographs that ends in a document-type word and is not 本法/该法. Returns the
/// name and where it starts.
fn named_before(before: &str) -> Option<(String, usize)> {
    let suffix = vocab::DOCUMENT_SUFFIXES
        .iter()
        .find(|s| before.ends_with(**s))?;
    // The run of ideographs (up to 24) before the 第.
    let mut start = before.len();
    for (k, c) in before.char_indices().rev() {
        if !('\u{4E00}'..='\u{9FFF}').contains(&c) || before.len() - k > 24 * 3 {
            break;
        }
        start = k;
    }
    let run = &before[start..];
    // Cut at the last verb or preposition in the run: 违反治安管理处罚法 → 治安管理处罚法.
    let mut cut = 0;
    for w in vocab::NAME_STOPS {
        // 和 of 共和国 is part of a name.
        if let Some((k, _)) = run
            .rmatch_indices(w)
            .find(|&(k, _)| !(*w == "和" && run[..k].ends_with('共')))
        {
            cut = cut.max(k + w.len());
        }
    }
    let name = &run[cut..];
    let own = name.starts_with('本') || name.starts_with('该');
    let chars = name.chars().count();
    (!own && chars > suffix.chars().count() && chars >= 2).then(|| (name.to_string(), start + cut))
}

/// A chain of units from `at`: 第十六条至第十九条、第二十一条第二款或者第三款. Returns the
/// references found (ranges expanded) and where the chain ends; `None` when no unit stands
/// at `at`. `start` is where the first reference as written starts.
fn chain(text: &str, at: usize, start: usize, scope: Scope) -> Option<(Vec<Found>, usize)> {
    let mut out: Vec<Found> = Vec::new();
    let mut pos = at;
    let mut ref_start = start;
    // The last article named (number, insert), for a part that follows alone.
    let mut last: Option<(u32, u32)> = None;
    let mut range = false;
    loop {
        let s = &text[pos..];
        if let Some((n, k, len)) = article(s) {
            let (p, plen) = part(&s[len..]);
            let end = pos + len + plen;
            match (range, last) {
                (true, Some((from, 0))) if k == 0 && n > from && n - from <= 200 => {
                    // Every article of a range carries the range as written.
                    let from_start = out
                        .iter_mut()
                        .rev()
                        .find(|f| matches!(f.unit, Unit::Article { number, .. } if number == from))
                        .map_or(ref_start, |f| {
                            f.end = end;
                            f.start
                        });
                    for m in from + 1..=n {
                        out.push(Found {
                            start: from_start,
                            end,
                            scope: scope.clone(),
                            unit: Unit::Article {
                                number: m,
                                insert: 0,
                                part: if m == n { p.clone() } else { Part::default() },
                            },
                        });
                    }
                }
                _ => out.push(Found {
                    start: ref_start,
                    end,
                    scope: scope.clone(),
                    unit: Unit::Article {
                        number: n,
                        insert: k,
                        part: p,
                    },
                }),
            }
            last = Some((n, k));
            pos = end;
        } else if let Some((c, len)) = ordinal(s, '章') {
            let (sec, slen) = ordinal(&s[len..], '节').map_or((None, 0), |(n, l)| (Some(n), l));
            // 第X章第Y条 names an article (numbered through the whole document).
            if article(&s[len + slen..]).is_some() {
                pos += len + slen;
                continue;
            }
            pos += len + slen;
            out.push(Found {
                start: ref_start,
                end: pos,
                scope: scope.clone(),
                unit: Unit::Chapter {
                    chapter: Some(c),
                    section: sec,
                },
            });
            last = None;
        } else if let Some((sec, len)) = ordinal(s, '节') {
            if article(&s[len..]).is_some() {
                pos += len;
                continue;
            }
            pos += len;
            out.push(Found {
                start: ref_start,
                end: pos,
                scope: scope.clone(),
                unit: Unit::Chapter {
                    chapter: None,
                    section: Some(sec),
                },
            });
            last = None;
        } else {
            let (p, plen) = part(s);
            if plen == 0 {
                break;
            }
            let end = pos + plen;
            // A part after an article belongs to it (第二十二条第二款、第四款); a range of
            // parts expands (第二款至第四款).
            let expand: Vec<Part> = match (range, out.last().map(|f| &f.unit)) {
                (true, Some(Unit::Article { part: prev, .. } | Unit::PartOnly(prev)))
                    if prev.item.is_none()
                        && p.item.is_none()
                        && let (Some(a), Some(b)) = (prev.paragraph, p.paragraph)
                        && b > a
                        && b - a <= 20 =>
                {
                    (a + 1..=b)
                        .map(|n| Part {
                            paragraph: Some(n),
                            ..Part::default()
                        })
                        .collect()
                }
                (true, Some(Unit::Article { part: prev, .. } | Unit::PartOnly(prev)))
                    if p.paragraph.is_none()
                        && let (Some(a), Some(b)) = (prev.item, p.item)
                        && b > a
                        && b - a <= 30 =>
                {
                    (a + 1..=b)
                        .map(|n| Part {
                            paragraph: prev.paragraph,
                            item: Some(n),
                            sub: None,
                        })
                        .collect()
                }
                _ => {
                    // An item alone after a 款 keeps that 款 (第二款第（一）项、第（三）项).
                    let mut p = p;
                    if p.paragraph.is_none()
                        && p.item.is_some()
                        && let Some(Unit::Article { part: prev, .. } | Unit::PartOnly(prev)) =
                            out.last().map(|f| &f.unit)
                    {
                        p.paragraph = prev.paragraph;
                    }
                    vec![p]
                }
            };
            for p in expand {
                let unit = match last {
                    Some((number, insert)) => Unit::Article {
                        number,
                        insert,
                        part: p,
                    },
                    None => Unit::PartOnly(p),
                };
                out.push(Found {
                    start: ref_start,
                    end,
                    scope: scope.clone(),
                    unit,
                });
            }
            pos = end;
        }
        // Go on after a separator that a unit follows.
        let rest = &text[pos..];
        match separator(rest) {
            Some((is_range, len))
                if {
                    let r = &rest[len..];
                    article(r).is_some()
                        || ordinal(r, '章').is_some()
                        || ordinal(r, '节').is_some()
                        || part(r).1 > 0
                } =>
            {
                range = is_range;
                pos += len;
                ref_start = pos;
            }
            _ => break,
        }
    }
    (!out.is_empty()).then_some((out, pos))
}

/// A reference relative to where it stands, at `i` (本条, 本款, 前款, 前两款, 前条), with
/// the chain that may follow; `None` when none stands there (本条例 is not 本条).
fn relative(text: &str, i: usize) -> Option<(Vec<Found>, usize)> {
    let s = &text[i..];
    let start = with_verb(text, i);
    // 本法第X条 and the like are read at their 第; 目前, 提前 are words of their own.
    if vocab::OWN_DOCUMENT.iter().any(|w| s.starts_with(w))
        || text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| vocab::NOT_BEFORE_RELATIVE.contains(&c))
    {
        return None;
    }
    let (unit, len) = if let Some(r) = s.strip_prefix("本条") {
        let (p, plen) = part(r);
        (Unit::ThisArticle(p), "本条".len() + plen)
    } else if let Some(r) = s.strip_prefix("本款") {
        let (p, plen) = part(r);
        (Unit::ThisParagraph(p), "本款".len() + plen)
    } else if let Some(r) = s.strip_prefix('前') {
        let (count, clen) = match number(r) {
            Some((n, l)) if n <= 9 && !r[..l].contains(|c: char| c.is_ascii_digit()) => (n, l),
            Some(_) => return None,
            None => (1, 0),
        };
        let r = &r[clen..];
        if let Some(after) = r.strip_prefix('款') {
            let (p, plen) = part(after);
            (
                Unit::PrecedingParagraphs(count, p),
                '前'.len_utf8() + clen + '款'.len_utf8() + plen,
            )
        } else if r.starts_with('条') && !r.starts_with("条件") && !r.starts_with("条例") {
            (
                Unit::PrecedingArticles(count),
                '前'.len_utf8() + clen + '条'.len_utf8(),
            )
        } else {
            return None;
        }
    } else {
        return None;
    };
    let end = i + len;
    // 前款项, 本款项 (funds), 本条件: words, not references.
    if text[end..].starts_with(['项', '件', '额', '例']) {
        return None;
    }
    Some((
        vec![Found {
            start,
            end,
            scope: Scope::Own,
            unit,
        }],
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(number: u32, paragraph: Option<u32>, item: Option<u32>) -> Unit {
        Unit::Article {
            number,
            insert: 0,
            part: Part {
                paragraph,
                item,
                sub: None,
            },
        }
    }

    /// (text as written, scope, unit) of each reference in `s`.
    fn refs(s: &str) -> Vec<(String, Scope, Unit)> {
        scan(s)
            .into_iter()
            .map(|f| (s[f.start..f.end].to_string(), f.scope, f.unit))
            .collect()
    }

    #[test]
    fn own_document_article_with_part() {
        assert_eq!(
            refs("依照本法第二十三条第二款的规定处理。"),
            vec![(
                "依照本法第二十三条第二款".into(),
                Scope::Own,
                art(23, Some(2), None)
            )]
        );
        assert_eq!(
            refs("违反本条例第8条第（三）项规定的"),
            vec![(
                "违反本条例第8条第（三）项".into(),
                Scope::Own,
                art(8, None, Some(3))
            )]
        );
    }

    #[test]
    fn ranges_and_lists_expand() {
        let r = refs("适用本办法第十条至第十二条、第十五条第二款、第四款的规定");
        let units: Vec<Unit> = r.iter().map(|x| x.2.clone()).collect();
        assert_eq!(
            units,
            vec![
                art(10, None, None),
                art(11, None, None),
                art(12, None, None),
                art(15, Some(2), None),
                art(15, Some(4), None),
            ]
        );
        assert!(r.iter().all(|x| x.1 == Scope::Own));
        assert_eq!(r[0].0, "适用本办法第十条至第十二条");
        assert_eq!(r[2].0, "适用本办法第十条至第十二条");
        assert_eq!(r[4].0, "第四款");
    }

    #[test]
    fn other_documents_are_named() {
        let r = refs("依照《中华人民共和国行政处罚法》第九条、第十条和本法第三条处理");
        assert_eq!(
            r.iter()
                .map(|x| (x.1.clone(), x.2.clone()))
                .collect::<Vec<_>>(),
            vec![
                (
                    Scope::Named("中华人民共和国行政处罚法".into()),
                    art(9, None, None)
                ),
                (
                    Scope::Named("中华人民共和国行政处罚法".into()),
                    art(10, None, None)
                ),
                (Scope::Own, art(3, None, None)),
            ]
        );
        let r = refs("不符合专利法第十八条或者本细则第十六条的规定");
        assert_eq!(r[0].1, Scope::Named("专利法".into()));
        assert_eq!(r[0].0, "专利法第十八条");
        assert_eq!(r[1].1, Scope::Own);
        let r = refs("违反治安管理处罚法第二十条的");
        assert_eq!(r[0].1, Scope::Named("治安管理处罚法".into()));
        assert_eq!(refs("该法第五条")[0].1, Scope::Previous);
    }

    #[test]
    fn relative_references() {
        let r = refs("依照前款规定；前两款第（一）项所列；本条第三款；本款第（二）项；前条规定");
        let units: Vec<Unit> = r.iter().map(|x| x.2.clone()).collect();
        assert_eq!(
            units,
            vec![
                Unit::PrecedingParagraphs(1, Part::default()),
                Unit::PrecedingParagraphs(
                    2,
                    Part {
                        item: Some(1),
                        ..Part::default()
                    }
                ),
                Unit::ThisArticle(Part {
                    paragraph: Some(3),
                    ..Part::default()
                }),
                Unit::ThisParagraph(Part {
                    item: Some(2),
                    ..Part::default()
                }),
                Unit::PrecedingArticles(1),
            ]
        );
        assert_eq!(r[0].0, "依照前款");
        // 本条例 is not 本条; 前提, 条件 are no references.
        assert!(refs("本条例所称；前提条件；前条件；提前款项；目前条件").is_empty());
    }

    #[test]
    fn inserted_articles_and_bare_parts() {
        assert_eq!(
            refs("依照本法第十七条之一的规定")[0].2,
            Unit::Article {
                number: 17,
                insert: 1,
                part: Part::default()
            }
        );
        // 之规定 is no insertion.
        assert_eq!(refs("第十七条之规定")[0].2, art(17, None, None));
        let r = refs("有第二款第（一）项、第（三）项情形的");
        assert_eq!(
            r.iter().map(|x| x.2.clone()).collect::<Vec<_>>(),
            vec![
                Unit::PartOnly(Part {
                    paragraph: Some(2),
                    item: Some(1),
                    sub: None
                }),
                Unit::PartOnly(Part {
                    paragraph: Some(2),
                    item: Some(3),
                    sub: None
                }),
            ]
        );
    }

    #[test]
    fn titles_quotations_and_markers_are_not_references() {
        assert!(refs("根据《关于修改〈某某法〉第三十一条的决定》修正").is_empty());
        assert!(refs("将“第五条”修改为“第六条”").is_empty());
        assert!(refs("第十七条之一 新增的条文。").is_empty());
        assert!(refs("第一次会议；第二十五届").is_empty());
        assert_eq!(
            refs("依照第三章规定的程序；依照本法第三章第二节")
                .iter()
                .map(|x| x.2.clone())
                .collect::<Vec<_>>(),
            vec![
                Unit::Chapter {
                    chapter: Some(3),
                    section: None
                },
                Unit::Chapter {
                    chapter: Some(3),
                    section: Some(2)
                }
            ]
        );
    }

    #[test]
    fn parts_render_canonically() {
        let p = Part {
            paragraph: Some(2),
            item: Some(3),
            sub: Some(1),
        };
        assert_eq!(p.render().as_deref(), Some("第二款第（三）项第1目"));
        assert_eq!(Part::default().render(), None);
    }
}
