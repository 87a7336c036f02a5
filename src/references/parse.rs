//! The grammar of a reference, read off a clause's cleaned text: which words open one
//! (本法, 本编, 《…》, 前款, 本条, 第), the units it names (第X条之Y, 第X款, 第（X）项, 第X目,
//! 第X编, 第X分编, 第X章, 第X节), and how a chain goes on (、 和 或者 及 至). Nothing here knows the clause
//! tree; [`super::resolve`] looks the units up.

use super::vocab;
use crate::structure::marker::{is_cn_digit, parse_chinese};

/// Whose clauses a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// This document, said so with the word given (本法, 本条例, 本规定 …).
    Own(&'static str),
    /// The clause where the reference stands or one next to it (本条, 前款, 前条).
    Relative,
    /// Nothing said: this document, unless the document itself says otherwise (an amending
    /// decision speaks of the law it amends).
    Unqualified,
    /// Another document, named (《…》 or a name ending in 法/条例/…).
    Named(String),
    /// Another document, named earlier (该法, 该条例).
    Previous,
    /// This document, within the division where the reference stands (本编第三章 — the
    /// chapter of this 编; 本章第二节; 本分编第二章). 本编, 本章 alone are
    /// [`Unit::ThisDivision`].
    OwnDivision(Level),
}

/// The divisions above the articles, from the largest: 编, 分编, 章, 节.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// 第X编.
    Part,
    /// 第X分编.
    Subpart,
    /// 第X章.
    Chapter,
    /// 第X节.
    Section,
}

impl Level {
    /// Every level, from the largest.
    pub const ALL: [Level; 4] = [Level::Part, Level::Subpart, Level::Chapter, Level::Section];

    /// The word after the number (第二分编).
    pub fn unit(self) -> &'static str {
        match self {
            Level::Part => "编",
            Level::Subpart => "分编",
            Level::Chapter => "章",
            Level::Section => "节",
        }
    }

    /// The division whose numbering this level restarts in: 分编 and chapters restart in
    /// every 编 (chapters run on across the 分编 of one 编), sections in every chapter; 编
    /// are numbered through the document.
    pub fn container(self) -> Option<Level> {
        match self {
            Level::Part => None,
            Level::Subpart | Level::Chapter => Some(Level::Part),
            Level::Section => Some(Level::Chapter),
        }
    }

    /// The position in [`Level::ALL`].
    pub fn index(self) -> usize {
        match self {
            Level::Part => 0,
            Level::Subpart => 1,
            Level::Chapter => 2,
            Level::Section => 3,
        }
    }
}

/// A division named by number at some of the levels, from the largest named on (第二编第一
/// 分编第四章第二节; 第三章; 第二节). The levels above the first named one are where the
/// reference stands (a bare 第三章 in a 编 is that 编's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Division {
    /// The number named at each level of [`Level::ALL`].
    pub numbers: [Option<u32>; 4],
}

impl Division {
    /// The number named at `level`.
    pub fn at(&self, level: Level) -> Option<u32> {
        self.numbers[level.index()]
    }

    /// The levels named, from the largest.
    pub fn named(&self) -> impl Iterator<Item = (Level, u32)> + '_ {
        Level::ALL
            .into_iter()
            .filter_map(|l| self.at(l).map(|n| (l, n)))
    }

    /// The largest level named.
    pub fn top(&self) -> Option<Level> {
        self.named().next().map(|(l, _)| l)
    }

    /// The smallest level named.
    pub fn bottom(&self) -> Option<Level> {
        self.named().last().map(|(l, _)| l)
    }
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
    /// 第X编, 第X分编, 第X章, 第X节 and their sequences (第一编第六章第三节).
    Division(Division),
    /// 本条, with an optional part.
    ThisArticle(Part),
    /// 前款 (1), 前两款 (2) …, with an optional 项.
    PrecedingParagraphs(u32, Part),
    /// 本款, with an optional 项.
    ThisParagraph(Part),
    /// 前条 (1), 前两条 (2) …, with an optional part (前条第一项).
    PrecedingArticles(u32, Part),
    /// 第X款 / 第（X）项 without an article: in the article where it stands.
    PartOnly(Part),
    /// 前两章 (2), 前三编 (3), 前章 (1) …: the divisions of a level right before the one
    /// where the reference stands, counted within their container.
    PrecedingDivisions(Level, u32),
    /// 前项 (1), 前两项 (2) …: the items of a list right before the item where the
    /// reference stands.
    PrecedingItems(u32),
    /// 本编, 本分编, 本章, 本节 alone (依照本章规定, 适用本节): the division of that level where
    /// the reference stands.
    ThisDivision(Level),
    /// A document as a whole, named by its 《title》 alone (根据《中华人民共和国水法》).
    Whole,
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

/// Whether `c` is a numeral (Arabic, full-width or Chinese).
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || is_cn_digit(c)
}

/// `第` + number + `unit`, at the start of `s`: the number and the bytes read.
fn ordinal(s: &str, unit: &str) -> Option<(u32, usize)> {
    let r = s.strip_prefix('第')?;
    let (n, len) = number(r)?;
    r[len..]
        .starts_with(unit)
        .then(|| (n, '第'.len_utf8() + len + unit.len()))
}

/// A division at the start of `s`: 第X编, 第X分编, 第X章 and 第X节, in that order, each at
/// most once and at least one (第二编第一分编第四章第二节, 第三编, 第二节). Returns it and the
/// bytes read.
fn division(s: &str) -> Option<(Division, usize)> {
    let mut d = Division::default();
    let mut at = 0;
    for l in Level::ALL {
        if let Some((n, len)) = ordinal(&s[at..], l.unit()) {
            d.numbers[l.index()] = Some(n);
            at += len;
        }
    }
    (at > 0).then_some((d, at))
}

/// Separators inside one list of numbers that share their 第 and unit (第一、二、五项,
/// （一）至（六）项); `true` for a range.
fn list_separator(s: &str) -> Option<(bool, usize)> {
    ["、", "，", "和", "或", "及", "至", "到"]
        .iter()
        .find(|sep| s.starts_with(**sep))
        .map(|sep| (matches!(*sep, "至" | "到"), sep.len()))
}

/// A list of numbers with one unit at the start of `s`: 第二款, 第一、二、五项,
/// 第（一）、（二）项, （一）至（六）项, 第三项. Without 第 the numbers must be bracketed.
/// Returns the numbers (ranges expanded) and the bytes read.
fn numbers(s: &str, unit: char) -> Option<(Vec<u32>, usize)> {
    let (mut at, lead) = match s.strip_prefix('第') {
        Some(_) => ('第'.len_utf8(), true),
        None => (0, false),
    };
    // Without 第, a run of bracketed numbers is a citation as the structure stage reads
    // one (（一）至（六）项, （三）、（四）项): then it was not taken for list items.
    let expect = if lead {
        None
    } else {
        Some(crate::structure::refs::item_citation_len(s)?)
    };
    let mut out: Vec<u32> = Vec::new();
    let mut range = false;
    loop {
        let r = &s[at..];
        let (open, r) = match r.strip_prefix(['（', '(']) {
            Some(rest) => (r.len() - rest.len(), rest),
            None => (0, r),
        };
        if open == 0 && !lead {
            return None;
        }
        let (n, len) = number(r)?;
        let mut step = open + len;
        if open > 0 {
            let rest = r[len..].strip_prefix(['）', ')'])?;
            step += r.len() - len - rest.len();
        }
        match (range, out.last()) {
            (true, Some(&from)) if n > from && n - from <= 30 => out.extend(from + 1..=n),
            _ => out.push(n),
        }
        at += step;
        if s[at..].starts_with(unit) {
            let len = at + unit.len_utf8();
            return expect.is_none_or(|e| e == len).then_some((out, len));
        }
        // Another number of the same list must follow the separator.
        let (is_range, sep) = list_separator(&s[at..])?;
        let next = &s[at + sep..];
        let next = next.strip_prefix(['（', '(']).unwrap_or(next);
        if !next.starts_with(is_numeral) {
            return None;
        }
        range = is_range;
        at += sep;
    }
}

/// The 款/项/目 parts at the start of `s` (第二款第（三）项, 第一、二款, 第（一）、（二）项),
/// one [`Part`] per 款 and 项 named, and the bytes read.
fn parts(s: &str) -> (Vec<Part>, usize) {
    let mut at = 0;
    let mut paragraphs: Vec<Option<u32>> = vec![None];
    let mut items: Vec<Option<u32>> = vec![None];
    let mut sub = None;
    if let Some((ns, len)) = numbers(s, '款') {
        paragraphs = ns.into_iter().map(Some).collect();
        at += len;
    }
    if let Some((ns, len)) = numbers(&s[at..], '项') {
        items = ns.into_iter().map(Some).collect();
        at += len;
        if let Some((n, len)) = ordinal(&s[at..], "目") {
            sub = Some(n);
            at += len;
        }
    }
    if at == 0 {
        return (Vec::new(), 0);
    }
    let out = paragraphs
        .iter()
        .flat_map(|&paragraph| {
            items.iter().map(move |&item| Part {
                paragraph,
                item,
                sub,
            })
        })
        .collect();
    (out, at)
}

/// 第X条 or 第X条之Y at the start of `s`: (number, insert, bytes read).
fn article(s: &str) -> Option<(u32, u32, usize)> {
    let (n, len) = ordinal(s, "条")?;
    // 第X条之Y: an article inserted by an amendment (之 followed by a Chinese numeral).
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

/// The characters that open a reference or a span [`scan`] passes over.
const TRIGGERS: [char; 5] = ['第', '本', '前', '《', '“'];

/// The searchers of the [`TRIGGERS`] (memchr's vectorised substring search).
static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        TRIGGERS
            .iter()
            .map(|c| {
                memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned()
            })
            .collect()
    });

/// The next occurrence of each trigger at or after a position, each searched again only
/// once passed: the text is searched once per trigger.
#[derive(Debug, Default)]
struct Triggers {
    /// Per trigger: (searched from, found at).
    next: [Option<(usize, Option<usize>)>; 5],
}

impl Triggers {
    /// The first trigger at or after byte `from` of `text`.
    fn next(&mut self, text: &str, from: usize) -> Option<(usize, char)> {
        let mut best: Option<(usize, char)> = None;
        for (k, slot) in self.next.iter_mut().enumerate() {
            let found = match *slot {
                Some((_, None)) => None,
                Some((_, Some(at))) if at >= from => Some(at),
                _ => {
                    let at = FINDERS[k].find(&text.as_bytes()[from..]).map(|d| from + d);
                    *slot = Some((from, at));
                    at
                }
            };
            if let Some(at) = found
                && best.is_none_or(|b| at < b.0)
            {
                best = Some((at, TRIGGERS[k]));
            }
        }
        best
    }
}

/// Scan `text` for references.
pub fn scan(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut triggers = Triggers::default();
    // 《…》 and “…” are skipped: a title (《关于修改〈…〉第三十一条的决定》) and a quotation
    // (修改为“第五条”) do not refer to this document's clauses.
    while i < text.len() {
        // Only the characters that open a reference or a span are looked at: those whose
        // first byte is one of theirs (the rest are stepped over a character at a time).
        let Some((k, c)) = triggers.next(text, i) else {
            break;
        };
        i = k;
        match c {
            '《' | '“' => {
                let close = if c == '《' { '》' } else { '”' };
                if let Some(k) = closing(&text[i..], c, close) {
                    let after = i + k;
                    if c == '《' {
                        let name = &text[i + c.len_utf8()..after - close.len_utf8()];
                        let start = with_verb(text, i);
                        let scope = Scope::Named(name.trim().to_string());
                        if let Some((found, end)) =
                            chain(text, after, start, scope.clone(), Anchor::None)
                        {
                            out.extend(found);
                            i = end;
                            continue;
                        }
                        // A document named alone (根据《某某法》制定本条例).
                        if is_document_title(name) {
                            out.push(Found {
                                start,
                                end: after,
                                scope,
                                unit: Unit::Whole,
                            });
                        }
                    }
                    i = after;
                    continue;
                }
            }
            '第' => {
                // Right after a numeral a 第 continues a broken number (刑法第二百三十六第三款).
                let after_numeral = text[..i].chars().next_back().is_some_and(is_numeral);
                if !after_numeral && !is_marker_at(text, i) {
                    let (scope, start) = qualifier(text, i);
                    if let Some((found, end)) = top_item(text, i, start, &scope) {
                        out.push(found);
                        i = end;
                        continue;
                    }
                    let bare = scope == Scope::Unqualified;
                    if let Some((found, end)) = chain(text, i, start, scope, Anchor::None) {
                        // A bare 第X条 that nothing continues as a reference (第十九条国家实行…)
                        // is a marker glued to the text before it; a part of something named
                        // just before (…范围的第一项) is not this document's.
                        // A bare 第X编/章/节 likewise, whatever comes before it (第一章总则 of
                        // a table of contents run into the line before; 依照第八章相关 of a
                        // law named before).
                        let division = matches!(found[0].unit, Unit::Division(_));
                        let glued = bare
                            && !continues_reference(&text[end..])
                            && (division || !introduced(&text[..start]));
                        let of_other = bare
                            && text[..i].ends_with('的')
                            && matches!(found[0].unit, Unit::PartOnly(_));
                        if !glued && !of_other {
                            out.extend(found);
                        }
                        i = end;
                        continue;
                    }
                }
                // 第 and a number without a unit: the rest of a broken reference is skipped
                // with it (第二百三十六第三款第六项).
                if number(&text[i + '第'.len_utf8()..]).is_some() {
                    i += text[i..]
                        .find(|c: char| {
                            !(c == '第' || is_numeral(c) || "条款项目（）()".contains(c))
                        })
                        .unwrap_or(text.len() - i);
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

/// The article marker that opens `line` (after blanks and markdown `#`/`*`), as (number,
/// insert): 第十九条 国家实行… gives (19, 0), 第十九条规定的 none.
pub fn line_article(line: &str) -> Option<(u32, u32)> {
    let t =
        line.trim_start_matches(|c: char| c == '#' || c == '*' || crate::normalize::is_blank(c));
    let (n, k, _) = article(t)?;
    is_marker_at(t, 0).then_some((n, k))
}

/// The article that a reference as written names first (本法第二十三条第二款 → (23, 0)).
pub fn first_article(text: &str) -> Option<(u32, u32)> {
    scan(text).into_iter().find_map(|f| match f.unit {
        Unit::Article { number, insert, .. } => Some((number, insert)),
        _ => None,
    })
}

/// Whether the text after a reference goes on as a sentence that cites (规定的, 的, 、, 所列,
/// 第二款, punctuation …), told on its first character folded.
fn continues_reference(rest: &str) -> bool {
    let mut it = rest.chars();
    let Some(c) = it.next() else {
        return true;
    };
    // 规 continues a citation as 规定 (第二章规定的), not as the first word of a heading
    // glued to its marker (第二章规划管理).
    if c == '规' {
        return rest.starts_with("规定");
    }
    let folded: String = std::iter::once(crate::normalize::fold(c))
        .chain(it.take(2))
        .collect();
    matches!(c, '；' | '：' | '，' | '。') || crate::structure::refs::unit_cited(&folded, false)
}

/// Whether the text before a bare reference leads into one: a verb, preposition or
/// conjunction (依照, 有, 将, 在, 、, 的 …) or the start of a sentence.
fn introduced(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|c| vocab::INTRODUCERS.contains(&c) || !('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// The most a title or quotation nests in itself (《…《…》…》): deeper is no title but a run
/// of marks, and giving up there keeps a run of unclosed marks linear in its length.
const MAX_SPAN_DEPTH: usize = 3;

/// The length of a bracketed span opened by `open` at the start of `s`, through its
/// matching `close` (nesting counted, at most [`MAX_SPAN_DEPTH`] deep); `None` when it does
/// not close on its line within 300 bytes of its last opening (an unbalanced mark does not
/// swallow the rest of the text).
fn closing(s: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut last_open = 0;
    for (i, c) in s.char_indices() {
        if c == open {
            depth += 1;
            if depth > MAX_SPAN_DEPTH {
                return None;
            }
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

/// Whether the `第` at `i` opens a line (after any markdown `#`/`*`) and reads as a marker
/// there (第X条, 第X章 … followed by a blank or by nothing that continues a reference): one
/// the structure stage left in the text.
fn is_marker_at(text: &str, i: usize) -> bool {
    // Only markdown marks and blanks between the line's start and the 第.
    let before = text[..i].trim_end_matches(|c: char| {
        c != '\n' && (c == '#' || c == '*' || crate::normalize::is_blank(c))
    });
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    let s = &text[i..];
    let marker_rest = |len: usize| {
        let rest = s[len..].trim_start_matches('*');
        let gap = rest.starts_with(crate::normalize::is_blank);
        (rest.trim_start_matches(crate::normalize::is_blank), gap)
    };
    if let Some((_, _, len)) = article(s) {
        let (rest, gap) = marker_rest(len);
        return !crate::structure::refs::unit_cited(rest, gap);
    }
    // A 编/分编/章/节 that opens a line is a heading unless a sentence runs on from it.
    Level::ALL.iter().any(|l| {
        ordinal(s, l.unit()).is_some_and(|(_, len)| {
            let (rest, gap) = marker_rest(len);
            let line = rest.split('\n').next().unwrap_or(rest);
            !line.contains(['，', '。', '；', '：', ',', ';', ':'])
                || !crate::structure::refs::heading_in_prose(rest, gap)
        })
    })
}

/// What stands right before the `第` at `i`: the scope it gives the chain and where the
/// reference as written starts (whether a unit follows is the chain's to say).
fn qualifier(text: &str, i: usize) -> (Scope, usize) {
    let before = &text[..i];
    // 本编, 本分编, 本章, 本节.
    if let Some((l, start)) = Level::ALL.into_iter().find_map(|l| {
        let b = before.strip_suffix(l.unit())?.strip_suffix('本')?;
        Some((l, b.len()))
    }) {
        return (Scope::OwnDivision(l), with_verb(text, start));
    }
    if let Some(w) = vocab::own_words().find(|w| {
        before.strip_suffix(**w).is_some_and(|b| {
            !b.chars()
                .next_back()
                .is_some_and(|c| vocab::NOT_BEFORE_OWN.contains(&c))
        })
    }) {
        let start = i - w.len();
        return (Scope::Own(w), with_verb(text, start));
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

/// A 公文 citing its own top-level items (一、二、…) by the word it names itself with:
/// 本纪要第一项, 本请示第二部分 (the Xth top-level item), read as that item's number; `None`
/// for other words and units (本条例第一项 is no such reference).
fn top_item(text: &str, i: usize, start: usize, scope: &Scope) -> Option<(Found, usize)> {
    let Scope::Own(w) = scope else {
        return None;
    };
    if !vocab::GONGWEN_OWN.contains(w) {
        return None;
    }
    let after = &text[i + '第'.len_utf8()..];
    let (n, len) = number(after)?;
    let unit = vocab::TOP_ITEM_UNITS
        .iter()
        .find(|u| after[len..].starts_with(**u))?;
    let end = i + '第'.len_utf8() + len + unit.len();
    let found = Found {
        start,
        end,
        scope: scope.clone(),
        unit: Unit::Article {
            number: n,
            insert: 0,
            part: Part::default(),
        },
    };
    Some((found, end))
}

/// Whether a name in 《》 is a document's (a law, a regulation, a notice, a plan …): it ends
/// in a document-kind word, a bracketed note after it aside (（试行）, （2021年修订）); a
/// newspaper or a book (《人民日报》) does not.
pub fn is_document_title(name: &str) -> bool {
    let mut n = name.trim();
    while let Some(k) = n
        .strip_suffix(['）', ')'])
        .and_then(|r| r.rfind(['（', '(']))
    {
        n = n[..k].trim_end();
    }
    n.chars().count() >= 2 && vocab::DOCUMENT_KINDS.iter().any(|k| n.ends_with(k))
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
/// a run of ideographs that ends in a document-type word and is not 本法/该法, read back to
/// where the name starts ([`name_start`]). Returns the name and where it starts.
fn named_before(before: &str) -> Option<(String, usize)> {
    // The longest type word (实施办法 ends in 办法, not in 法).
    let suffix = vocab::DOCUMENT_SUFFIXES
        .iter()
        .filter(|s| before.ends_with(**s))
        .max_by_key(|s| s.len())?;
    // The run of ideographs (up to 48) before the 第.
    let mut start = before.len();
    for (k, c) in before.char_indices().rev() {
        if !('\u{4E00}'..='\u{9FFF}').contains(&c) || before.len() - k > 48 * 3 {
            break;
        }
        start = k;
    }
    let run = &before[start..];
    let (mut cut, about) = name_start(run, suffix);
    // A name without a subject of its own (关于…的) is no longer than 24 ideographs.
    if !about && let Some((k, _)) = run[cut..].char_indices().rev().nth(23) {
        cut += k;
    }
    let name = &run[cut..];
    let own = name.starts_with('本') || name.starts_with('该');
    let chars = name.chars().count();
    // A bare act word (条例第五条, 依照条例第四十条) names the act cited, not this document;
    // with 实施 before it alone (实施条例第三条) it names nothing.
    let bare = vocab::BARE_ACTS.contains(&name);
    let compound_only = vocab::BARE_ACT_COMPOUNDS.iter().any(|w| {
        name.strip_prefix(*w)
            .is_some_and(|r| vocab::BARE_ACTS.contains(&r))
    });
    (!own && !compound_only && (bare || chars > suffix.chars().count() && chars >= 2))
        .then(|| (name.to_string(), start + cut))
}

/// Where the name of a document cited without 《》 starts in `run`, the ideographs before a
/// 第 that end in `suffix`, and whether it has a subject (…关于…的决定): after the last word
/// that cannot be part of a law's name ([`vocab::NAME_STOPS`]), moved on to a known prefix
/// ([`vocab::NAME_PREFIXES`]) when one follows; the words between 关于 and 的 are the
/// subject's, stops or not.
fn name_start(run: &str, suffix: &str) -> (usize, bool) {
    let core = run.len() - suffix.len();
    let about = run[..core]
        .rmatch_indices(vocab::ABOUT)
        .find(|&(k, w)| {
            run[k + w.len()..core]
                .rsplit_once(vocab::ABOUT_CLOSE)
                .is_some_and(|(_, gap)| qualifiers_only(gap))
        })
        .map(|(k, _)| k);
    let head = about.unwrap_or(core);
    let bare = vocab::BARE_ACTS.contains(&suffix);
    let mut cut = 0;
    for stop in vocab::NAME_STOPS {
        for (k, w) in run[..head].match_indices(stop.word) {
            let end = k + w.len();
            let inside = run[..k]
                .chars()
                .next_back()
                .is_some_and(|c| stop.not_after.contains(&c))
                || stop.not_before.iter().any(|b| run[end..].starts_with(b));
            // A stop that would leave the type word alone is part of the name (…法律适用法,
            // 专利法实施细则), except before a bare act word that stands as a name (依照条例).
            let alone = end == core && (!bare || vocab::BARE_ACT_COMPOUNDS.contains(&stop.word));
            if !inside && !alone {
                cut = cut.max(end);
            }
        }
    }
    // The last known prefix after the cut, with any that runs into it (中华人民共和国国务院).
    let prefixed = |end: usize| {
        vocab::NAME_PREFIXES
            .iter()
            .filter(|p| run[cut..end].ends_with(**p))
            .map(|p| end - p.len())
            .min()
    };
    if let Some(mut at) = (cut..head)
        .rev()
        .filter(|&k| run.is_char_boundary(k))
        .find(|&k| {
            vocab::NAME_PREFIXES
                .iter()
                .any(|p| run[k..head].starts_with(*p))
        })
    {
        while let Some(k) = prefixed(at) {
            at = k;
        }
        cut = at;
    }
    (cut, about.is_some())
}

/// Whether `gap` is made of words that qualify a type word only (若干, 暂行实施 …).
fn qualifiers_only(mut gap: &str) -> bool {
    while !gap.is_empty() {
        match vocab::ABOUT_TYPE_QUALIFIERS
            .iter()
            .find_map(|w| gap.strip_prefix(*w))
        {
            Some(rest) => gap = rest,
            None => return false,
        }
    }
    true
}

/// What the parts of a chain attach to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// Nothing yet: a part alone names a part of the article where it stands.
    None,
    /// 第X条之Y.
    Article(u32, u32),
    /// 本条.
    ThisArticle,
    /// 本款.
    ThisParagraph,
    /// 前款, 前两款.
    PrecedingParagraphs(u32),
    /// 前条, 前两条.
    PrecedingArticles(u32),
}

impl Anchor {
    /// The unit that `part` of this anchor names.
    fn unit(self, part: Part) -> Unit {
        match self {
            Anchor::None => Unit::PartOnly(part),
            Anchor::Article(number, insert) => Unit::Article {
                number,
                insert,
                part,
            },
            Anchor::ThisArticle => Unit::ThisArticle(part),
            Anchor::ThisParagraph => Unit::ThisParagraph(part),
            Anchor::PrecedingParagraphs(n) => Unit::PrecedingParagraphs(n, part),
            Anchor::PrecedingArticles(n) => Unit::PrecedingArticles(n, part),
        }
    }
}

/// The part a unit names, if it names one.
fn part_of(u: &Unit) -> Option<&Part> {
    match u {
        Unit::Article { part, .. }
        | Unit::PartOnly(part)
        | Unit::ThisArticle(part)
        | Unit::ThisParagraph(part)
        | Unit::PrecedingParagraphs(_, part)
        | Unit::PrecedingArticles(_, part) => Some(part),
        Unit::Whole => None,
        Unit::Division(_)
        | Unit::PrecedingDivisions(..)
        | Unit::PrecedingItems(_)
        | Unit::ThisDivision(_) => None,
    }
}

/// A chain of units from `at`: 第十六条至第十九条、第二十一条第二款或者第三款. Returns the
/// references found (ranges expanded) and where the chain ends; `None` when no unit stands
/// at `at` (or only a relative unit given as `anchor`). `start` is where the first reference
/// as written starts.
fn chain(
    text: &str,
    at: usize,
    start: usize,
    scope: Scope,
    anchor: Anchor,
) -> Option<(Vec<Found>, usize)> {
    let mut out: Vec<Found> = Vec::new();
    let mut pos = at;
    let mut ref_start = start;
    let mut anchor = anchor;
    let mut range = false;
    // The division named last, for a smaller one that follows it (第二章第二节、第三节).
    let mut previous: Option<Division> = None;
    let mut first = true;
    loop {
        let s = &text[pos..];
        if let Some((n, k, len)) = article(s) {
            let (ps, plen) = parts(&s[len..]);
            let ps = if ps.is_empty() {
                vec![Part::default()]
            } else {
                ps
            };
            let end = pos + len + plen;
            match (range, anchor) {
                (true, Anchor::Article(from, 0)) if k == 0 && n > from && n - from <= 200 => {
                    // Every article of a range carries the range as written.
                    let from_start = out
                        .iter_mut()
                        .rev()
                        .find(|f| matches!(f.unit, Unit::Article { number, .. } if number == from))
                        .map_or(ref_start, |f| {
                            f.end = end;
                            f.start
                        });
                    for m in from + 1..n {
                        out.push(Found {
                            start: from_start,
                            end,
                            scope: scope.clone(),
                            unit: Anchor::Article(m, 0).unit(Part::default()),
                        });
                    }
                    for p in ps {
                        out.push(Found {
                            start: from_start,
                            end,
                            scope: scope.clone(),
                            unit: Anchor::Article(n, 0).unit(p),
                        });
                    }
                }
                _ => {
                    for p in ps {
                        out.push(Found {
                            start: ref_start,
                            end,
                            scope: scope.clone(),
                            unit: Anchor::Article(n, k).unit(p),
                        });
                    }
                }
            }
            anchor = Anchor::Article(n, k);
            previous = None;
            pos = end;
        } else if let Some((named, len)) = division(s) {
            pos += len;
            // 第X章第Y条 names an article (numbered through the whole document).
            if article(&text[pos..]).is_some() {
                continue;
            }
            let d = inherit(named, previous);
            let level = named.top().unwrap_or(Level::Chapter);
            let n = d.at(level).unwrap_or(0);
            match previous {
                // A range of one level expands (第一编至第三编, 第二章至第四章): every
                // division of it carries the range as written.
                Some(p)
                    if range
                        && named.bottom() == Some(level)
                        && p.bottom() == Some(level)
                        && let Some(from) = p.at(level)
                        && n > from
                        && n - from <= MAX_DIVISION_RANGE =>
                {
                    let from_start = out
                        .iter_mut()
                        .rev()
                        .find(|f| f.unit == Unit::Division(p))
                        .map_or(ref_start, |f| {
                            f.end = pos;
                            f.start
                        });
                    for m in from + 1..=n {
                        let mut x = d;
                        x.numbers[level.index()] = Some(m);
                        out.push(Found {
                            start: from_start,
                            end: pos,
                            scope: scope.clone(),
                            unit: Unit::Division(x),
                        });
                    }
                }
                _ => out.push(Found {
                    start: ref_start,
                    end: pos,
                    scope: scope.clone(),
                    unit: Unit::Division(d),
                }),
            }
            previous = Some(d);
            anchor = Anchor::None;
        } else {
            let (ps, plen) = parts(s);
            if plen == 0 {
                if first && anchor != Anchor::None {
                    // A relative unit alone (前款, 本条).
                    out.push(Found {
                        start: ref_start,
                        end: pos,
                        scope: scope.clone(),
                        unit: anchor.unit(Part::default()),
                    });
                }
                break;
            }
            let end = pos + plen;
            let prev = out.last().and_then(|f| part_of(&f.unit)).cloned();
            let mut expanded: Vec<Part> = Vec::new();
            for p in ps {
                match (&prev, range) {
                    // A range of parts expands (第二款至第四款, 第三项至第九项).
                    (Some(q), true)
                        if p.item.is_none()
                            && q.item.is_none()
                            && let (Some(a), Some(b)) = (q.paragraph, p.paragraph)
                            && b > a
                            && b - a <= 20 =>
                    {
                        expanded.extend((a + 1..=b).map(|n| Part {
                            paragraph: Some(n),
                            ..Part::default()
                        }));
                    }
                    (Some(q), true)
                        if p.paragraph.is_none()
                            && let (Some(a), Some(b)) = (q.item, p.item)
                            && b > a
                            && b - a <= 30 =>
                    {
                        expanded.extend((a + 1..=b).map(|n| Part {
                            paragraph: q.paragraph,
                            item: Some(n),
                            sub: None,
                        }));
                    }
                    // An item alone after a 款 keeps that 款 (第二款第（一）项、第（三）项).
                    (Some(q), _) if p.paragraph.is_none() && p.item.is_some() => {
                        expanded.push(Part {
                            paragraph: q.paragraph,
                            ..p
                        });
                    }
                    _ => expanded.push(p),
                }
            }
            for p in expanded {
                out.push(Found {
                    start: ref_start,
                    end,
                    scope: scope.clone(),
                    unit: anchor.unit(p),
                });
            }
            pos = end;
        }
        first = false;
        // Go on after a separator that a unit follows.
        let rest = &text[pos..];
        match separator(rest) {
            Some((is_range, len))
                if {
                    let r = &rest[len..];
                    article(r).is_some() || division(r).is_some() || parts(r).1 > 0
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

/// The longest range of divisions read as one (第一编至第七编; 第一章至第三十章).
const MAX_DIVISION_RANGE: u32 = 30;

/// `named` with the levels it counts within taken from the division named before it in the
/// chain, where it does not name them itself: 第二章第二节、第三节 — 第三节 of 第二章;
/// 第一编第一章、第二章 — 第二章 of 第一编. A 分编 named before is not kept for a chapter
/// (chapters run on across the 分编 of one 编).
fn inherit(named: Division, previous: Option<Division>) -> Division {
    let mut d = named;
    let Some(p) = previous else {
        return d;
    };
    let mut c = named.top().and_then(Level::container);
    while let Some(l) = c {
        if d.at(l).is_none() {
            d.numbers[l.index()] = p.at(l);
        }
        c = l.container();
    }
    d
}

/// A reference relative to where it stands, at `i` (本条, 本款, 前款, 前两款, 前条), with
/// the parts and chain that may follow; `None` when none stands there (本条例 is not 本条).
fn relative(text: &str, i: usize) -> Option<(Vec<Found>, usize)> {
    let s = &text[i..];
    // 本法第X条 and the like are read at their 第; 目前, 提前, 成本, 基本 are words of their own.
    let not_before = if s.starts_with('本') {
        vocab::NOT_BEFORE_THIS
    } else {
        vocab::NOT_BEFORE_PRECEDING
    };
    if vocab::own_words().any(|w| s.starts_with(w))
        || text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| not_before.contains(&c))
    {
        return None;
    }
    if let Some(level) = s.strip_prefix('本').and_then(this_division) {
        let end = i + '本'.len_utf8() + level.unit().len();
        let found = Found {
            start: with_verb(text, i),
            end,
            scope: Scope::Relative,
            unit: Unit::ThisDivision(level),
        };
        return Some((vec![found], end));
    }
    let (anchor, len) = if s.starts_with("本条") {
        (Anchor::ThisArticle, "本条".len())
    } else if s.starts_with("本款") {
        (Anchor::ThisParagraph, "本款".len())
    } else if let Some(r) = s.strip_prefix('前') {
        let (count, clen) = match number(r) {
            Some((n, l)) if n <= 9 && !r[..l].contains(|c: char| c.is_ascii_digit()) => (n, l),
            Some(_) => return None,
            None => (1, 0),
        };
        let r = &r[clen..];
        if let Some(level) = preceding_division(r, clen > 0) {
            let end = i + '前'.len_utf8() + clen + level.unit().len();
            let found = Found {
                start: with_verb(text, i),
                end,
                scope: Scope::Relative,
                unit: Unit::PrecedingDivisions(level, count),
            };
            return Some((vec![found], end));
        }
        if let Some(after) = r.strip_prefix('项') {
            // 前项规定, 前两项所列; not 前项目 (a project).
            let ends = after
                .chars()
                .next()
                .is_none_or(|c| vocab::AFTER_BARE_DIVISION.contains(&c));
            if !(clen > 0 || ends) {
                return None;
            }
            let end = i + '前'.len_utf8() + clen + '项'.len_utf8();
            let found = Found {
                start: with_verb(text, i),
                end,
                scope: Scope::Relative,
                unit: Unit::PrecedingItems(count),
            };
            return Some((vec![found], end));
        }
        if r.starts_with('款') {
            (
                Anchor::PrecedingParagraphs(count),
                '前'.len_utf8() + clen + '款'.len_utf8(),
            )
        } else if r.starts_with('条') {
            (
                Anchor::PrecedingArticles(count),
                '前'.len_utf8() + clen + '条'.len_utf8(),
            )
        } else {
            return None;
        }
    } else {
        return None;
    };
    // 前款项, 本款项 (funds), 本条件, 前条例: words, not references.
    if text[i + len..].starts_with(['项', '件', '额', '例']) {
        return None;
    }
    chain(text, i + len, with_verb(text, i), Scope::Relative, anchor)
}

/// The level of the division that `r` (the text after 本) names alone: 编, 分编, 章, 节 as a
/// word of its own (本章规定, 本节所称), not run on into another word (本章程, 本编委员会), and
/// not before a unit of its own (本章第二节 is read at its 第).
fn this_division(r: &str) -> Option<Level> {
    let level = Level::ALL.into_iter().find(|l| r.starts_with(l.unit()))?;
    let after = r[level.unit().len()..].chars().next();
    after
        .is_none_or(|c| c != '第' && vocab::AFTER_BARE_DIVISION.contains(&c))
        .then_some(level)
}

/// The level of the divisions that `r` (the text after 前 and its count) names: 编, 分编, 章,
/// 节 as a word of their own. Without a count (前章, 前编) the word must end there, as a
/// reference does (前章规定, 前编所列), not run on into another word (前编制, 前节目).
fn preceding_division(r: &str, counted: bool) -> Option<Level> {
    let level = Level::ALL.into_iter().find(|l| r.starts_with(l.unit()))?;
    let after = r[level.unit().len()..].chars().next();
    let ends = after.is_none_or(|c| vocab::AFTER_BARE_DIVISION.contains(&c));
    (counted || ends).then_some(level)
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

    fn chapter(number: u32, section: Option<u32>) -> Unit {
        Unit::Division(Division {
            numbers: [None, None, Some(number), section],
        })
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
                Scope::Own("本法"),
                art(23, Some(2), None)
            )]
        );
        assert_eq!(
            refs("违反本条例第8条第（三）项规定的"),
            vec![(
                "违反本条例第8条第（三）项".into(),
                Scope::Own("本条例"),
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
        assert!(r.iter().all(|x| x.1 == Scope::Own("本办法")));
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
                (Scope::Own("本法"), art(3, None, None)),
            ]
        );
        let r = refs("不符合专利法第十八条或者本细则第十六条的规定");
        assert_eq!(r[0].1, Scope::Named("专利法".into()));
        assert_eq!(r[0].0, "专利法第十八条");
        assert_eq!(r[1].1, Scope::Own("本细则"));
        let r = refs("违反治安管理处罚法第二十条的");
        assert_eq!(r[0].1, Scope::Named("治安管理处罚法".into()));
        assert_eq!(refs("该法第五条")[0].1, Scope::Previous);
    }

    /// The document named in the first reference of `s`.
    fn named(s: &str) -> Option<String> {
        match scan(s).into_iter().next()?.scope {
            Scope::Named(n) => Some(n),
            _ => None,
        }
    }

    #[test]
    fn names_without_title_marks_start_after_the_words_of_the_sentence() {
        for (s, name) in [
            ("下列情形应当认定为民法典第五百条规定的过错", "民法典"),
            ("该行为属于刑法第二十条规定的正当防卫", "刑法"),
            ("逾期不报告的，视为劳动法第九条所称的解除", "劳动法"),
            ("当事人有民事诉讼法第一百条规定情形的", "民事诉讼法"),
            ("甲县税务机关行使税收征管法第五十条规定的权力", "税收征管法"),
            ("对于同时构成刑法分则第三章规定之罪的", "刑法分则"),
            ("具有治安管理处罚法第十九条规定情形之一的", "治安管理处罚法"),
            ("单位犯刑法第三百条之罪的", "刑法"),
            ("当事人有无刑事诉讼法第十六条规定的情形", "刑事诉讼法"),
            ("其著作权法第十条规定的权利", "著作权法"),
            // A prefix of a name: the state, a province.
            (
                "应当适用中华人民共和国行政处罚法第九条",
                "中华人民共和国行政处罚法",
            ),
            ("依照安平省河道管理条例第十二条处理", "安平省河道管理条例"),
            ("本市违反江苏省河道管理条例第八条的", "江苏省河道管理条例"),
            // Words of a name that look like stops.
            (
                "依照中华人民共和国对外贸易法第七条",
                "中华人民共和国对外贸易法",
            ),
            ("违反未成年人保护法第六条的", "未成年人保护法"),
            ("违反反有组织犯罪法第二十条的", "反有组织犯罪法"),
            ("违反城镇国有资产管理条例第三条的", "城镇国有资产管理条例"),
            ("依照涉外民事关系法律适用法第八条", "涉外民事关系法律适用法"),
            ("按照专利法实施细则第五条办理", "专利法实施细则"),
            (
                "违反青山市突发事件应对条例第九条的",
                "青山市突发事件应对条例",
            ),
            ("依照香港特别行政区基本法第十八条", "香港特别行政区基本法"),
            // A subject between 关于 and 的 keeps its stops.
            (
                "依照国务院关于对违反和规避审计的行为给予处分的规定第三条",
                "国务院关于对违反和规避审计的行为给予处分的规定",
            ),
            (
                "应当认定为全国人民代表大会常务委员会关于刑法第九十条的解释",
                "刑法",
            ),
            ("关于界河地位的界河管理法第一条", "界河管理法"),
        ] {
            assert_eq!(named(s).as_deref(), Some(name), "{s}");
        }
        // A bare act word names the act cited; with 实施 alone, nothing.
        assert_eq!(named("依照条例第四十条").as_deref(), Some("条例"));
        assert_eq!(named("依照实施条例第三条"), None);
        assert_eq!(refs("依照本法第三条")[0].1, Scope::Own("本法"));
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
                Unit::PrecedingArticles(1, Part::default()),
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
    fn a_gongwen_names_its_top_level_items_by_its_own_word() {
        let got = refs("按照本纪要第一项要求，本请示第二部分所列，本函第三条");
        assert_eq!(
            got,
            vec![
                (
                    "按照本纪要第一项".into(),
                    Scope::Own("本纪要"),
                    art(1, None, None)
                ),
                (
                    "本请示第二部分".into(),
                    Scope::Own("本请示"),
                    art(2, None, None)
                ),
                ("本函第三条".into(), Scope::Own("本函"), art(3, None, None)),
            ]
        );
        // A rule's 第一项 is no top-level item.
        assert!(
            refs("本条例第一项")
                .iter()
                .all(|r| r.2 != art(1, None, None))
        );
    }

    #[test]
    fn a_document_named_alone_by_its_title() {
        assert_eq!(
            refs("根据《中华人民共和国水法》制定本条例"),
            vec![(
                "根据《中华人民共和国水法》".into(),
                Scope::Named("中华人民共和国水法".into()),
                Unit::Whole
            )]
        );
        assert!(is_document_title("青州市国土空间总体规划（2021—2035年）"));
        assert!(is_document_title("节庆活动管理办法（试行）"));
        assert!(!is_document_title("白沙日报"));
        assert!(!is_document_title("林业法规读本"));
        // Each of two names keeps its own reference.
        let got = refs("《青州市林地管理条例》《青州市林木采伐办法》第八条");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, Scope::Named("青州市林木采伐办法".into()));
        assert_eq!(got[1].2, art(8, None, None));
    }

    #[test]
    fn titles_quotations_and_markers_are_not_references() {
        // The decision is named as a whole; the article inside its title is not cited.
        let whole = |s: &str| refs(s).iter().all(|r| r.2 == Unit::Whole);
        assert!(whole("根据《关于修改〈某某法〉第三十一条的决定》修正"));
        assert!(refs("将“第五条”修改为“第六条”").is_empty());
        assert!(refs("第十七条之一 新增的条文。").is_empty());
        assert!(refs("第一次会议；第二十五届").is_empty());
        assert_eq!(
            refs("依照第三章规定的程序；依照本法第三章第二节")
                .iter()
                .map(|x| x.2.clone())
                .collect::<Vec<_>>(),
            vec![chapter(3, None), chapter(3, Some(2))]
        );
    }

    #[test]
    fn lists_of_numbers_share_their_unit() {
        let items = |s: &str| -> Vec<(Option<u32>, Option<u32>)> {
            refs(s)
                .into_iter()
                .filter_map(|x| part_of(&x.2).map(|p| (p.paragraph, p.item)))
                .collect()
        };
        assert_eq!(
            items("违反本条例第二十一条第一、二、五项规定的"),
            vec![(None, Some(1)), (None, Some(2)), (None, Some(5))]
        );
        assert_eq!(
            items("有前款（一）至（三）项规定行为之一的"),
            vec![(None, Some(1)), (None, Some(2)), (None, Some(3))]
        );
        assert_eq!(
            items("有前条第一项、第二项违法行为的"),
            vec![(None, Some(1)), (None, Some(2))]
        );
        assert_eq!(
            items("违反第（一）、（二）项规定"),
            vec![(None, Some(1)), (None, Some(2))]
        );
        assert_eq!(
            items("本条第一、二款"),
            vec![(Some(1), None), (Some(2), None)]
        );
        // A broken number (条 missing) starts nothing.
        assert!(refs("刑法第二百三十六第三款第六项").is_empty());
    }

    #[test]
    fn a_section_after_a_chapter_is_its_section() {
        let units: Vec<Unit> = refs("参照本法第二章第二节、第三节的规定")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(units, vec![chapter(2, Some(2)), chapter(2, Some(3))]);
        // A heading left in the text is no reference.
        assert!(refs("总则。\n### 第四节 其他规定").is_empty());
    }

    fn division(numbers: [Option<u32>; 4]) -> Unit {
        Unit::Division(Division { numbers })
    }

    #[test]
    fn divisions_of_a_code_are_read_level_by_level() {
        assert_eq!(
            refs("适用第二编第一分编第四章第二节的规定"),
            vec![(
                "适用第二编第一分编第四章第二节".into(),
                Scope::Unqualified,
                division([Some(2), Some(1), Some(4), Some(2)])
            )]
        );
        // 本编, 本分编, 本章 say where the units below them count.
        let r = refs("依照本编第三章；本分编第二章；本章第二节的规定");
        assert_eq!(
            r.iter().map(|x| x.1.clone()).collect::<Vec<_>>(),
            vec![
                Scope::OwnDivision(Level::Part),
                Scope::OwnDivision(Level::Subpart),
                Scope::OwnDivision(Level::Chapter)
            ]
        );
        assert_eq!(r[0].0, "依照本编第三章");
        assert_eq!(r[1].2, chapter(2, None));
        assert_eq!(r[2].2, division([None, None, None, Some(2)]));
        // A chapter after a 编 and its 分编 in a chain keeps the 编, not the 分编 (chapters run
        // on across the 分编 of one 编).
        assert_eq!(
            refs("违反第二编第一分编第一章、第五章规定的")
                .into_iter()
                .map(|x| x.2)
                .collect::<Vec<_>>(),
            vec![
                division([Some(2), Some(1), Some(1), None]),
                division([Some(2), None, Some(5), None])
            ]
        );
        // 第X编第Y章第Z条 names an article.
        assert_eq!(refs("依照第一编第三章第十条")[0].2, art(10, None, None));
    }

    #[test]
    fn titles_close_at_their_mark_and_runs_of_marks_open_none() {
        assert_eq!(
            closing("《关于修改《某法》的决定》第三条", '《', '》'),
            Some("《关于修改《某法》的决定》".len())
        );
        // Unclosed marks, or more nested than a title nests, open no span: the scan steps
        // over them one by one, each look bounded.
        assert_eq!(closing("《某法第三条", '《', '》'), None);
        assert_eq!(closing("《《《《某法》》》》", '《', '》'), None);
        assert_eq!(closing(&"“".repeat(5000), '“', '”'), None);
        let r = refs(&format!("{}依照《某法》第三条", "《".repeat(5000)));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, Scope::Named("某法".into()));
    }

    #[test]
    fn ranges_of_divisions_expand_and_a_division_alone_names_its_own() {
        let r = refs("依照本编和第一编至第三编的规定");
        assert_eq!(
            r.iter().map(|x| x.2.clone()).collect::<Vec<_>>(),
            vec![
                Unit::ThisDivision(Level::Part),
                division([Some(1), None, None, None]),
                division([Some(2), None, None, None]),
                division([Some(3), None, None, None])
            ]
        );
        assert_eq!(r[0].0, "依照本编");
        assert!(r[1..].iter().all(|x| x.0 == "第一编至第三编"));
        assert_eq!(
            refs("依照第二章至第四章")
                .into_iter()
                .map(|x| x.2)
                .collect::<Vec<_>>(),
            vec![chapter(2, None), chapter(3, None), chapter(4, None)]
        );
        // 本编, 本章, 本节 alone name the division where they stand; 本章程, 本编制 are words.
        assert_eq!(
            refs("本编规定；本章没有规定的；本节另有规定外；本章程；本编制")
                .into_iter()
                .map(|x| x.2)
                .collect::<Vec<_>>(),
            [Level::Part, Level::Chapter, Level::Section].map(Unit::ThisDivision)
        );
    }

    #[test]
    fn preceding_divisions_are_counted_back_from_where_they_stand() {
        let units = |t: &str| refs(t).into_iter().map(|x| (x.0, x.2)).collect::<Vec<_>>();
        assert_eq!(
            units("依照前两编的规定；前三章所列；前章规定；前两节；前两分编"),
            vec![
                (
                    "依照前两编".to_string(),
                    Unit::PrecedingDivisions(Level::Part, 2)
                ),
                (
                    "前三章".to_string(),
                    Unit::PrecedingDivisions(Level::Chapter, 3)
                ),
                (
                    "前章".to_string(),
                    Unit::PrecedingDivisions(Level::Chapter, 1)
                ),
                (
                    "前两节".to_string(),
                    Unit::PrecedingDivisions(Level::Section, 2)
                ),
                (
                    "前两分编".to_string(),
                    Unit::PrecedingDivisions(Level::Subpart, 2)
                ),
            ]
        );
        assert_eq!(
            units("（三）前两项规定以外的；前项所列人员；立项前项目"),
            vec![
                ("前两项".to_string(), Unit::PrecedingItems(2)),
                ("前项".to_string(), Unit::PrecedingItems(1)),
            ]
        );
        // Words that only start like one: 提前编制, 目前节能 (after a word's 前), 前编制,
        // 前节目, 前章程 (running on into a word).
        assert!(refs("应当提前编制计划；目前节能工作；前编制人员；前节目单；前章程").is_empty());
    }

    #[test]
    fn divisions_of_other_codes_and_headings_are_told_apart() {
        let r = refs("依照《西岭省乡村治理法典》第二编、民事规范法典第三编第一章处理");
        assert_eq!(
            r.iter().map(|x| x.1.clone()).collect::<Vec<_>>(),
            vec![
                Scope::Named("西岭省乡村治理法典".into()),
                Scope::Named("民事规范法典".into())
            ]
        );
        assert_eq!(r[1].0, "民事规范法典第三编第一章");
        // Headings and lines of a table of contents.
        assert!(
            refs("第二编　物权\n　第一分编　通则\n## 第三分编 准合同\n第二编第一分编 通则")
                .is_empty()
        );
        assert!(
            refs("根据《关于实施〈某某法典〉第二编的决定》")
                .iter()
                .all(|r| r.2 == Unit::Whole)
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
