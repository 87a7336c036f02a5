//! References: what a document's clauses cite, resolved against its own clause tree.
//!
//! Input: one [`DocTree`] and its [`SourceText`]; output: the document's [`Reference`]s in
//! text order. [`parse`] reads the references off each clause's cleaned text (本法第二十三条
//! 第二款, 前款, 本条第（三）项, 第十条至第十五条, 《…》第九条); [`resolve`](self) looks each
//! up: an article by its number (第X条之Y included), a 款 by the paragraphs of the article's
//! text, a 项 among the article's items, 前款/本款/本条/前条 from where the reference stands,
//! a 编/分编/章/节 among the divisions it counts within (a bare 第三章 in a 编 is that 编's;
//! chapters run on across the 分编 of one 编).
//! References to other documents keep the document's name and no target. The lint rule
//! `dangling-reference` reports the internal ones that name no existing clause.

pub mod parse;
pub mod vocab;

use crate::model::Reference;
use crate::structure::{DocTree, Node, Style};
use crate::text::{MappedText, SourceText};
use parse::{Division, Found, Level, Part, Scope, Unit};

/// A document whose first article has a higher number than this is an excerpt of a longer
/// text (a 编 of a code); a document that starts at 第二条 has lost its first article.
const EXCERPT_START: u32 = 2;

/// The references of one document, in text order.
pub fn references(src: &SourceText, doc: &DocTree) -> Vec<Reference> {
    // Built when the first reference is found: most documents of a batch have none.
    let mut index: Option<Index> = None;
    let amended = amended_document(src, doc);
    // The act a bare 条例/细则 … (or 《条例》) stands for: the one amended or carried out.
    let act = amended
        .clone()
        .or_else(|| doc.title.as_deref().and_then(implemented_act));
    let own_title = doc.title.as_deref().map(compact);
    let mut out = Vec::new();
    let mut last_named: Option<String> = None;
    // The last article of this document named explicitly, with the article it was named
    // in: a 第X款/第（X）项 alone after it in the same article names its parts (违反本条例
    // 第十八条规定的，按照下列规定处罚：（一）违反第（一）项规定的 …).
    let mut context: Option<(Option<usize>, u32, u32, Option<u32>)> = None;
    // The preamble first (path ""), then every clause's own text, in document order.
    let texts = std::iter::once((None, &doc.preamble))
        .chain(doc.nodes.iter().enumerate().map(|(i, n)| (Some(i), &n.own)));
    for (node, own) in texts {
        let text = own.as_str();
        // The title names the document and cites nothing (西岭省某某法典第二编实施办法), as a
        // 《…》 title inside a text does not.
        let title = match (node, &doc.title) {
            (None, Some(t)) => title_span(text, t),
            _ => None,
        };
        for f in parse::scan(text) {
            if title.is_some_and(|(from, to)| f.start < to && from < f.end) {
                continue;
            }
            // A document's own title quoted in its text (《某某办法》已经…通过), the text a
            // notice issues (关于印发《某某方案》的通知), an abbreviation of its own title
            // (《处分规定》) or a kind word alone (《规定》) name the document itself.
            if let (Unit::Whole, Scope::Named(name)) = (&f.unit, &f.scope) {
                let name = compact(name);
                if own_title.as_ref().is_some_and(|t| t.contains(&name))
                    || vocab::DOCUMENT_KINDS.contains(&name.as_str())
                {
                    continue;
                }
            }
            let index = &*index.get_or_insert_with(|| Index::new(src, doc));
            let at = Site::new(index, doc, node, own, f.start);
            let written = &text[f.start..f.end];
            let scope = match (&f.scope, &amended) {
                (Scope::Unqualified, Some(name)) => Scope::Named(name.clone()),
                (Scope::Own(w), Some(name)) if !vocab::AMENDMENT_OWN.contains(w) => {
                    Scope::Named(name.clone())
                }
                (Scope::OwnDivision(_), Some(name)) => Scope::Named(name.clone()),
                // A bare 第X条 past this document's last article is another document's,
                // the one named last (an interpretation citing 刑法第X条 and then 第Y条).
                (Scope::Unqualified, None) if matches!(f.unit, Unit::Article { number, .. } if index.max_article < number) => {
                    match &last_named {
                        Some(name) => Scope::Named(name.clone()),
                        None => continue,
                    }
                }
                // An excerpt (民法典合同编 starts at its 第四百六十三条) cannot check what it
                // cites before its first article.
                (Scope::Own(_) | Scope::OwnDivision(_) | Scope::Unqualified, None)
                    if index.min_article > EXCERPT_START
                        && matches!(f.unit, Unit::Article { number, .. } if number < index.min_article) =>
                {
                    continue;
                }
                (Scope::Named(w), _) if vocab::BARE_ACTS.contains(&w.as_str()) => match &act {
                    Some(name) if name.len() > w.len() && name.ends_with(w.as_str()) => {
                        Scope::Named(name.clone())
                    }
                    _ => Scope::Named(w.clone()),
                },
                (s, _) => s.clone(),
            };
            let document = match &scope {
                Scope::Named(name) => {
                    last_named = Some(name.clone());
                    Some(name.clone())
                }
                Scope::Previous => Some(
                    last_named
                        .clone()
                        .unwrap_or_else(|| qualifier_word(written).to_string()),
                ),
                Scope::Own(_) | Scope::OwnDivision(_) | Scope::Relative | Scope::Unqualified => {
                    None
                }
            };
            let (line, column) = src.line_col(own.source_offset(f.start));
            let base = Reference {
                text: written.to_string(),
                line: line as u64,
                column: column as u64,
                clause_path: node.map_or(String::new(), |i| doc.nodes[i].path.clone()),
                target: None,
                target_part: None,
                resolved: false,
                document,
            };
            if base.document.is_some() {
                out.push(Reference {
                    target_part: unit_part(&f.unit).and_then(Part::render),
                    ..base
                });
                continue;
            }
            let unqualified = matches!(scope, Scope::Unqualified);
            if context.is_some_and(|c| c.0 != at.article) {
                context = None;
            }
            let targets = match (&f.unit, context) {
                (Unit::PartOnly(part), Some((_, number, insert, paragraph))) => {
                    // The article named before, unless only the one where it stands has
                    // that part.
                    let mut p = part.clone();
                    if p.paragraph.is_none() && p.item.is_some() {
                        p.paragraph = paragraph;
                    }
                    let named = Found {
                        unit: Unit::Article {
                            number,
                            insert,
                            part: p,
                        },
                        ..f.clone()
                    };
                    let there = resolve(index, doc, &at, &named, unqualified);
                    let here = resolve(index, doc, &at, &f, unqualified);
                    if there.iter().all(|t| t.resolved) || !here.iter().all(|t| t.resolved) {
                        there
                    } else {
                        here
                    }
                }
                _ => resolve(index, doc, &at, &f, unqualified),
            };
            if let Unit::Article {
                number,
                insert,
                part,
            } = &f.unit
            {
                context = Some((at.article, *number, *insert, part.paragraph));
            }
            for t in targets {
                out.push(Reference {
                    target: t.target,
                    target_part: t.part,
                    resolved: t.resolved,
                    ..base.clone()
                });
            }
        }
    }
    out
}

/// `s` without blanks.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|&c| !crate::normalize::is_blank(c))
        .collect()
}

/// The most lines of the preamble looked at for the title.
const TITLE_LINES: usize = 12;

/// Where in the preamble `text` the title `title` stands, over one line or several (blanks
/// and markdown marks aside): the bytes from its first line's start to its last line's end.
fn title_span(text: &str, title: &str) -> Option<(usize, usize)> {
    let compact = |s: &str| -> String {
        s.chars()
            .filter(|&c| !(crate::normalize::is_blank(c) || c == '#' || c == '*'))
            .collect()
    };
    let want = compact(title);
    if want.is_empty() {
        return None;
    }
    let mut got = String::new();
    let mut start = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n').take(TITLE_LINES) {
        let c = compact(line);
        let end = at + line.len();
        if !c.is_empty() {
            if !got.is_empty() && want.starts_with(&format!("{got}{c}")) {
                got.push_str(&c);
            } else if want.starts_with(&c) {
                got = c;
                start = at;
            } else {
                got.clear();
            }
            if got == want {
                return Some((start, end));
            }
        }
        at = end;
    }
    None
}

/// The word that names an earlier document (该法) in a reference as written.
fn qualifier_word(written: &str) -> &str {
    written.split('第').next().unwrap_or(written)
}

/// The part a unit names, for a reference to another document.
fn unit_part(u: &Unit) -> Option<&Part> {
    match u {
        Unit::Article { part, .. } | Unit::PartOnly(part) => Some(part),
        Unit::Division(_)
        | Unit::PrecedingDivisions(..)
        | Unit::PrecedingItems(_)
        | Unit::ThisDivision(_)
        | Unit::ThisArticle(_)
        | Unit::PrecedingParagraphs(..)
        | Unit::ThisParagraph(_)
        | Unit::PrecedingArticles(..)
        | Unit::Whole => None,
    }
}

/// An amending decision (关于修改《某某法》的决定) or an amendment (某某法修正案（九）)
/// speaks of the law it amends: its bare 第X条 and its 本法第X条 are that law's. Returns
/// that law's name. The title is the recognised one, else the document's first line.
fn amended_document(src: &SourceText, doc: &DocTree) -> Option<String> {
    let first_line;
    let title = match doc.title.as_deref() {
        Some(t) => t,
        None => {
            first_line = (doc.line_start..=doc.line_end.min(doc.line_start + 5))
                .map(|n| crate::normalize::trim_blanks(src.line_text(n)))
                .find(|l| !l.is_empty())?;
            first_line.trim_start_matches(['#', ' '])
        }
    };
    if let Some(k) = title.find("修正案") {
        return Some(title[..k].to_string()).filter(|n| !n.is_empty());
    }
    if !((title.contains("修改") || title.contains("修正")) && title.contains("决定")) {
        return None;
    }
    let inner = title
        .split_once('《')
        .and_then(|(_, r)| r.rsplit_once('》'))
        .map(|(name, _)| name.to_string());
    Some(inner.unwrap_or_else(|| title.to_string()))
}

/// The act an implementing rule carries out, named in its title: 西岭省山地救援条例 of
/// 安平市实施《西岭省山地救援条例》办法 and of 西岭省山地救援条例实施细则.
fn implemented_act(title: &str) -> Option<String> {
    if let Some((_, rest)) = title.split_once("实施《") {
        return rest
            .split_once('》')
            .map(|(name, _)| name.trim().to_string());
    }
    let (name, kind) = title.rsplit_once("实施")?;
    let name = name.trim().trim_start_matches('《').trim_end_matches('》');
    (vocab::BARE_ACTS.contains(&kind.trim()) && !name.is_empty()).then(|| name.to_string())
}

/// One resolved target.
#[derive(Debug)]
struct Target {
    target: Option<String>,
    part: Option<String>,
    resolved: bool,
}

/// The clauses a reference can name, indexed.
#[derive(Debug)]
struct Index {
    /// ((number, insert), node) of every article, sorted (document order within a key).
    articles: Vec<((u32, u32), usize)>,
    /// Article nodes in document order.
    order: Vec<usize>,
    /// Per node: its run of articles (a restart of the numbering at 第一条 opens a new run:
    /// an attached rule inside a notice numbers its own articles).
    run: Vec<u32>,
    /// Per level of [`Level::ALL`]: (number, node) of every 编, 分编, 章, 节, sorted.
    divisions: [Vec<(u32, usize)>; 4],
    /// (number, node) of the top-level clauses, in document order.
    roots: Vec<(u32, usize)>,
    /// The highest article number (0 without articles).
    max_article: u32,
    /// The lowest article number (1 without articles).
    min_article: u32,
    /// Per node: where the 款 of an article start ([`paragraph_starts`]; empty for other
    /// clauses).
    paragraphs: Vec<Vec<usize>>,
}

impl Index {
    fn new(src: &SourceText, doc: &DocTree) -> Self {
        let mut articles = Vec::new();
        let mut paragraphs = vec![Vec::new(); doc.nodes.len()];
        let mut divisions: [Vec<(u32, usize)>; 4] = Default::default();
        let mut roots = Vec::new();
        let mut order = Vec::new();
        let mut run = vec![0u32; doc.nodes.len()];
        let mut current = 0u32;
        let mut prev: Option<(u32, u32)> = None;
        for (i, n) in doc.nodes.iter().enumerate() {
            if n.parent.is_none() {
                roots.push((n.number, i));
            }
            if n.style == Style::Article {
                let key = (n.number, insert_of(n));
                if prev.is_some_and(|p| key <= p) && key.0 == 1 {
                    current += 1;
                }
                prev = Some(key);
                articles.push((key, i));
                order.push(i);
                paragraphs[i] = paragraph_starts(src, n);
            } else if let Some(l) = Level::ALL.into_iter().find(|&l| style_of(l) == n.style) {
                divisions[l.index()].push((n.number, i));
            }
            run[i] = current;
        }
        articles.sort_unstable();
        for d in &mut divisions {
            d.sort_unstable();
        }
        let max_article = articles.last().map_or(0, |a| a.0.0);
        let min_article = articles.first().map_or(1, |a| a.0.0);
        Index {
            min_article,
            max_article,
            articles,
            order,
            run,
            divisions,
            roots,
            paragraphs,
        }
    }

    /// The article (number, insert), preferring one of the run `run`.
    fn article(&self, key: (u32, u32), run: u32) -> Option<usize> {
        let from = self.articles.partition_point(|a| a.0 < key);
        let same = self.articles[from..].iter().take_while(|a| a.0 == key);
        same.clone()
            .map(|a| a.1)
            .find(|&i| self.run[i] == run)
            .or_else(|| same.map(|a| a.1).next())
    }

    /// The division of `level` numbered `number` inside `under` (anywhere when `None`),
    /// preferring one of the run `run`; `None` when there is none. `Err` when `under` holds
    /// no division of that level at all: the copy may have lost their headings.
    fn division(
        &self,
        doc: &DocTree,
        level: Level,
        number: u32,
        under: Option<usize>,
        run: u32,
    ) -> Result<Option<usize>, ()> {
        let all = &self.divisions[level.index()];
        let inside = |i: usize| under.is_none_or(|u| is_under(doc, i, u));
        if !all.iter().any(|d| inside(d.1)) {
            return Err(());
        }
        let from = all.partition_point(|d| d.0 < number);
        let same = all[from..]
            .iter()
            .take_while(|d| d.0 == number)
            .map(|d| d.1)
            .filter(|&i| inside(i));
        Ok(same
            .clone()
            .find(|&i| self.run[i] == run)
            .or_else(|| same.clone().next()))
    }
}

/// Whether node `i` lies inside node `u`.
fn is_under(doc: &DocTree, i: usize, u: usize) -> bool {
    let mut k = doc.nodes[i].parent;
    while let Some(p) = k {
        if p == u {
            return true;
        }
        k = doc.nodes[p].parent;
    }
    false
}

/// The node style of a division level.
fn style_of(level: Level) -> Style {
    match level {
        Level::Part => Style::Part,
        Level::Subpart => Style::Subpart,
        Level::Chapter => Style::Chapter,
        Level::Section => Style::Section,
    }
}

/// The Y of an inserted article's marker (第十七条之一 → 1), 0 for an ordinary article.
fn insert_of(n: &Node) -> u32 {
    let m: String = n
        .marker
        .chars()
        .filter(|c| !crate::normalize::is_blank(*c))
        .collect();
    m.split_once("之")
        .and_then(|(_, r)| crate::structure::marker::parse_chinese(r))
        .unwrap_or(0)
}

/// Source offsets where the 款 of an article start: its own text's paragraphs, a heading
/// that stands alone on the first line (第一条 立法目的) not counted. An article on one line
/// whose sentences are parted by blanks in the source (`…设施。 在前款规定…`, a copy that
/// flattened its paragraphs onto one line) starts a 款 after each such sentence end.
fn paragraph_starts(src: &SourceText, n: &Node) -> Vec<usize> {
    let own = &n.own;
    let text = own.as_str();
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1))
        .filter(|&k| k < text.len())
        .collect();
    if starts.len() > 1
        && let Some(h) = &n.heading
    {
        let first = &text[..starts[1] - 1];
        if crate::normalize::trim_blanks(first) == h {
            starts.remove(0);
        }
    }
    if !text.contains('\n') {
        starts.extend(flattened_paragraphs(src, own));
    }
    starts.into_iter().map(|k| own.source_offset(k)).collect()
}

/// Offsets in the one-line text `own` where a flattened 款 starts: after a 。 that blanks
/// within the line part from more text in the source (the cleaned text has dropped them).
/// Offsets of `own`'s text, like the line starts.
fn flattened_paragraphs<'a>(
    src: &'a SourceText,
    own: &'a MappedText,
) -> impl Iterator<Item = usize> + 'a {
    let text = own.as_str();
    text.match_indices('。').filter_map(move |(k, dot)| {
        let next = k + dot.len();
        if next >= text.len() {
            return None;
        }
        let (end, start) = (own.source_offset(k) + dot.len(), own.source_offset(next));
        let gap = src.as_str().get(end..start)?;
        (!gap.is_empty() && gap.chars().all(crate::normalize::is_inline_blank)).then_some(next)
    })
}

/// Where a reference stands: its clause, article, 款 there, divisions and run.
#[derive(Debug)]
struct Site {
    /// The clause it stands in (`None` in the preamble).
    node: Option<usize>,
    /// The article it stands in (the clause itself or an ancestor).
    article: Option<usize>,
    /// The 1-based 款 of that article it stands in.
    paragraph: u32,
    /// Per level of [`Level::ALL`]: the 编, 分编, 章, 节 it stands in.
    within: [Option<usize>; 4],
    /// The run of articles it belongs to.
    run: u32,
}

impl Site {
    fn new(index: &Index, doc: &DocTree, node: Option<usize>, own: &MappedText, at: usize) -> Self {
        let ancestors = |style: Style| {
            let mut k = node;
            while let Some(i) = k {
                if doc.nodes[i].style == style {
                    return Some(i);
                }
                k = doc.nodes[i].parent;
            }
            None
        };
        let article = ancestors(Style::Article);
        let within = Level::ALL.map(|l| ancestors(style_of(l)));
        let pos = own.source_offset(at);
        let mut paragraph = article.map_or(1, |a| {
            index.paragraphs[a]
                .iter()
                .filter(|&&s| s <= pos)
                .count()
                .max(1) as u32
        });
        // A sentence after the last item's own (…的。有前款（一）项规定行为的) is the 款 that
        // follows the list, glued to it by the copy.
        if let (Some(a), Some(i)) = (article, node)
            && i != a
            && doc.nodes[a].children.last() == Some(&i)
            && own.as_str()[..at].contains('。')
        {
            paragraph += 1;
        }
        let run = node.map_or(0, |i| index.run[i]);
        Site {
            node,
            article,
            paragraph,
            within,
            run,
        }
    }
}

/// The targets of one reference found in the text. `unqualified`: the reference did not
/// say whose clause it names; it is dropped when this document has no clause of its kind
/// (a 公文 without articles citing 第三条 of something it named before).
fn resolve(index: &Index, doc: &DocTree, at: &Site, f: &Found, unqualified: bool) -> Vec<Target> {
    let path = |i: usize| Some(doc.nodes[i].path.clone());
    let article_target = |a: Option<usize>, part: &Part| -> Target {
        match a {
            Some(a) => Target {
                target: path(a),
                part: part.render(),
                resolved: part_exists(index, doc, a, part),
            },
            None => Target {
                target: None,
                part: part.render(),
                resolved: false,
            },
        }
    };
    match &f.unit {
        Unit::Article {
            number,
            insert,
            part,
        } => {
            if index.order.is_empty() {
                // Without articles, 本规定第四条 names the fourth of the top-level clauses
                // (四、, 4.: a notice's or an old interpretation's numbered paragraphs); a
                // bare 第三条 there is some other text's.
                if unqualified {
                    return Vec::new();
                }
                let root = (*insert == 0)
                    .then(|| {
                        index
                            .roots
                            .iter()
                            .find(|r| r.0 == *number)
                            .map(|r| r.1)
                            // Paragraphs numbered through the document under its sections
                            // (一、 over 1. … 43.).
                            .or_else(|| {
                                doc.nodes.iter().position(|n| {
                                    n.number == *number
                                        && matches!(n.style, Style::Arabic | Style::CnDun)
                                })
                            })
                    })
                    .flatten();
                return vec![article_target(root, part)];
            }
            vec![article_target(
                index.article((*number, *insert), at.run),
                part,
            )]
        }
        Unit::Division(d) => match division_target(index, doc, at, &f.scope, d) {
            Some(node) => vec![Target {
                target: node.and_then(path),
                part: None,
                resolved: node.is_some(),
            }],
            None => Vec::new(),
        },
        Unit::ThisArticle(part) => match at.article {
            Some(a) => vec![article_target(Some(a), part)],
            None => Vec::new(),
        },
        Unit::PartOnly(part) => match at.article {
            Some(a) => {
                let mut t = article_target(Some(a), part);
                // An item of a list nested deeper than the article (an appended catalogue)
                // cites its sibling items (第（八）、（九）项业务…).
                if !t.resolved
                    && part.paragraph.is_none()
                    && let (Some(item), Some(i)) = (part.item, at.node)
                    && let Some(p) = doc.nodes[i].parent
                    && p != a
                {
                    t.resolved = doc.nodes[p].children.iter().any(|&k| {
                        doc.nodes[k].number == item && doc.nodes[k].style != Style::Article
                    });
                }
                vec![t]
            }
            None => Vec::new(),
        },
        Unit::ThisParagraph(part) => match at.article {
            Some(a) => {
                let p = Part {
                    paragraph: Some(at.paragraph),
                    ..part.clone()
                };
                vec![article_target(Some(a), &p)]
            }
            None => Vec::new(),
        },
        Unit::PrecedingParagraphs(count, part) => {
            let Some(a) = at.article else {
                return Vec::new();
            };
            let here = at.paragraph as i64;
            let mut out = Vec::new();
            let mut missing = false;
            for j in here - i64::from(*count)..here {
                if j < 1 {
                    missing = true;
                    continue;
                }
                let p = Part {
                    paragraph: Some(j as u32),
                    ..part.clone()
                };
                out.push(article_target(Some(a), &p));
            }
            if missing {
                out.insert(
                    0,
                    Target {
                        target: path(a),
                        part: None,
                        resolved: false,
                    },
                );
            }
            out
        }
        Unit::PrecedingArticles(count, part) => {
            let Some(a) = at.article else {
                return Vec::new();
            };
            let k = index.order.iter().position(|&x| x == a).unwrap_or(0);
            let count = *count as usize;
            let mut out: Vec<Target> = index.order[k.saturating_sub(count)..k]
                .iter()
                .map(|&p| article_target(Some(p), part))
                .collect();
            if k < count {
                out.insert(
                    0,
                    Target {
                        target: None,
                        part: None,
                        resolved: false,
                    },
                );
            }
            out
        }
        Unit::PrecedingItems(count) => {
            // The item where it stands (a list item, not an article or a heading); outside
            // one (前三项污染物 in an article's text) it names no item of this document.
            let Some(here) = at.node.filter(|&i| {
                let n = &doc.nodes[i];
                n.parent.is_some() && !n.style.is_unit()
            }) else {
                return Vec::new();
            };
            let node = &doc.nodes[here];
            let siblings = &doc.nodes[node.parent.expect("an item has a parent")].children;
            let before: Vec<usize> = siblings
                .iter()
                .copied()
                .take_while(|&k| k != here)
                .filter(|&k| doc.nodes[k].style == node.style)
                .collect();
            let count = *count as usize;
            let mut out = Vec::new();
            if before.len() < count {
                out.push(Target {
                    target: None,
                    part: None,
                    resolved: false,
                });
            }
            out.extend(
                before[before.len().saturating_sub(count)..]
                    .iter()
                    .map(|&k| Target {
                        target: path(k),
                        part: None,
                        resolved: true,
                    }),
            );
            out
        }
        // Only another document is named as a whole (its name is the reference's document).
        Unit::Whole => Vec::new(),
        Unit::ThisDivision(level) => match at.within[level.index()] {
            // Outside a division of that level (本节 in a document whose sections the
            // structure did not find) it cannot be judged.
            Some(here) => vec![Target {
                target: path(here),
                part: None,
                resolved: true,
            }],
            None => Vec::new(),
        },
        Unit::PrecedingDivisions(level, count) => {
            // The division of that level where it stands; outside one (前两章 in a document
            // whose chapters the structure did not find) it cannot be judged.
            let Some(here) = at.within[level.index()] else {
                return Vec::new();
            };
            let under = level.container().and_then(|c| at.within[c.index()]);
            let number = doc.nodes[here].number;
            let mut out = Vec::new();
            if number <= *count {
                out.push(Target {
                    target: None,
                    part: None,
                    resolved: false,
                });
            }
            for n in number.saturating_sub(*count).max(1)..number {
                let node = index.division(doc, *level, n, under, at.run).ok().flatten();
                out.push(Target {
                    target: node.and_then(path),
                    part: None,
                    resolved: node.is_some(),
                });
            }
            out
        }
    }
}

/// The node a division names (`Some(None)`: it names none), counted within the division
/// the scope says (本编第三章) or else the one where the first level named restarts (a bare
/// 第三章 is a chapter of this 编, a bare 第二节 a section of this chapter), then level by
/// level (第一编第六章第三节). `None` when it cannot be judged: the 编, 分编, 章 or 节 are
/// judged only where the structure found them — a document without any (one 编 of a code
/// copied alone), or a division without any of the level named, may have lost them to its
/// copy (a heading the structure stage did not take).
fn division_target(
    index: &Index,
    doc: &DocTree,
    at: &Site,
    scope: &Scope,
    d: &Division,
) -> Option<Option<usize>> {
    let top = d.top()?;
    // 本编 counts within this 编 what it names below it; a larger division after it in a
    // chain (本编第一章和第二编第一分编) counts as if named alone.
    let within = match scope {
        Scope::OwnDivision(l) if l.index() < top.index() => Some(*l),
        Scope::OwnDivision(_) => top.container(),
        Scope::Own(_)
        | Scope::Relative
        | Scope::Unqualified
        | Scope::Named(_)
        | Scope::Previous => top.container(),
    };
    let mut under = within.and_then(|l| at.within[l.index()]);
    // Sections restart in every chapter: a 第二节 outside any chapter cannot be placed.
    if under.is_none() && within == Some(Level::Chapter) {
        return None;
    }
    for (level, number) in d.named() {
        match index.division(doc, level, number, under, at.run) {
            Err(()) => return None,
            Ok(None) => return Some(None),
            Ok(Some(node)) => under = Some(node),
        }
    }
    Some(under)
}

/// Whether article `a` has the 款 and 项 that `part` names (an article with one 款 holds its
/// items directly: 第X条第（三）项 names an item of that 款).
fn part_exists(index: &Index, doc: &DocTree, a: usize, part: &Part) -> bool {
    let starts = &index.paragraphs[a];
    if let Some(p) = part.paragraph
        && p as usize > starts.len().max(1)
    {
        return false;
    }
    let Some(item) = part.item else {
        return true;
    };
    let items: Vec<&Node> = doc.nodes[a]
        .children
        .iter()
        .map(|&k| &doc.nodes[k])
        .filter(|n| n.style != Style::Article)
        .collect();
    // Within the named 款 when the items there can be told; else anywhere in the article.
    let in_paragraph = part.paragraph.and_then(|p| {
        let from = *starts.get(p as usize - 1)?;
        let to = starts.get(p as usize).copied().unwrap_or(usize::MAX);
        let here: Vec<&&Node> = items
            .iter()
            .filter(|n| n.start >= from && n.start < to)
            .collect();
        (!here.is_empty()).then(|| here.iter().any(|n| n.number == item))
    });
    // An article without numbered items may list them as paragraphs after its lead
    // (税率如下：\n…；\n…；): its 第三项 is the third of them.
    // A 款 without items of its own that cites an item elsewhere (有本办法第九条第（二）项情形
    // 的…) lends its 前款第（二）项 to that item: the text's own loose wording, no lost item.
    if items.is_empty() {
        return (item as usize) < starts.len()
            || part.paragraph.is_some() && cites_item(doc.nodes[a].own.as_str(), item);
    }
    in_paragraph.unwrap_or_else(|| items.iter().any(|n| n.number == item))
}

/// Whether `text` names item `item` of some clause: `（二）项`, `(二)项`, `第二项`.
fn cites_item(text: &str, item: u32) -> bool {
    let n = crate::structure::marker::to_chinese(item);
    [format!("（{n}）项"), format!("({n})项"), format!("第{n}项")]
        .iter()
        .any(|p| text.contains(p.as_str()))
}

#[cfg(test)]
mod tests;
