//! Documents in a file: web boilerplate, compilation separators (篇一/篇二), titles and the
//! document count a compilation's header declares.
//!
//! Boilerplate lines (a scraped page's title and summary, 小编为大家整理…, 推荐访问…,
//! page navigation, export headers) are marked in the [`Layout`] so that no clause, title or
//! text is taken from them. A file is cut into segments at 篇X separator lines; the tree
//! builder cuts a segment again where a new title is followed by a restart of the top-level
//! numbering.

use super::marker::{is_cn_digit, parse_chinese};
use crate::normalize::{self, Layout, is_blank};
use crate::text::SourceText;

/// Phrases that only occur in the chrome of web pages and database exports.
const BOILERPLATE: &[&str] = &[
    "小编",
    "为大家整理",
    "为大家收集",
    "供大家参考",
    "希望对大家有所帮助",
    "希望能帮助到大家",
    "欢迎阅读",
    "欢迎大家阅读",
    "推荐访问",
    "相关热词搜索",
    "热词搜索",
    "相关推荐",
    "热门推荐",
    "猜你喜欢",
    "相关文章",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "返回顶部",
    "返回首页",
    "返回列表",
    "本文链接",
    "原文链接",
    "原文地址",
    "法宝引证码",
    "扫一扫",
    "分享到",
    "免责声明",
    "版权所有",
];

/// [`BOILERPLATE`] phrases that are also words of a document's own text (a contract's
/// 免责声明, a 版权所有 notice a rule requires): inside a sentence they mark no boilerplate.
const PROSE_WORDS: &[&str] = &["免责声明", "版权所有"];

/// Phrases that open a page footer: everything after them is boilerplate too.
const FOOTER: &[&str] = &[
    "推荐访问",
    "相关热词搜索",
    "热词搜索",
    "相关推荐",
    "热门推荐",
    "猜你喜欢",
    "相关文章",
    "上一篇",
    "下一篇",
];

/// The first characters of the [`FOOTER`] phrases.
const FOOTER_HEADS: &[char] = &['推', '相', '热', '猜', '上', '下'];

/// Words that end the title of an official document.
const DOC_TYPES: &[&str] = &[
    "实施细则",
    "细则",
    "实施方案",
    "工作方案",
    "方案",
    "实施办法",
    "管理办法",
    "办法",
    "规定",
    "意见",
    "通知",
    "报告",
    "决定",
    "条例",
    "规则",
    "计划",
    "要点",
    "总结",
    "纪要",
    "通报",
    "公告",
    "通告",
    "请示",
    "批复",
    "准则",
    "守则",
    "章程",
    "措施",
    "制度",
    "规划",
    "决议",
    "指引",
    "指南",
    "清单",
    "标准",
    "函",
    "法",
    // Statutes, judicial interpretations and state orders.
    "法典",
    "通则",
    "修正案",
    "解释",
    "解答",
    "安排",
    "命令",
    "规范",
    "规程",
    "纲要",
    "答复",
    "复函",
    "公约",
    "协定",
];

/// The longest title taken (司法解释 titles run to some 80 characters).
const MAX_TITLE_CHARS: usize = 120;

/// The longest bracketed qualifier after a document-type word: （三）, （试行）, （2018年修正）.
const MAX_QUALIFIER_CHARS: usize = 12;

/// What the header of a scraped page says about the file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// The document count a compilation declares (`…4篇`).
    pub declared: Option<usize>,
    /// The line of that declaration.
    pub declared_line: usize,
    /// The non-blank lines that are compilation separators ([`separator`]), as 0-based line
    /// indices, in order.
    pub separators: Vec<usize>,
}

/// A run of lines that holds one or more documents.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// First line (1-based): the 篇X separator, or the first content line.
    pub first: usize,
    /// Last content line.
    pub last: usize,
    /// The separator line, when the segment starts with one (not a clause, not in a path).
    pub label_line: Option<usize>,
    /// The title the separator names (`篇一:《…》`).
    pub label_title: Option<String>,
}

fn compact(s: &str) -> String {
    normalize::without_blanks(s)
}

/// `compact(s).starts_with(p)` without building the compact copy.
fn compact_starts_with(s: &str, p: &str) -> bool {
    let mut it = s.chars().filter(|&c| !is_blank(c));
    p.chars().all(|c| it.next() == Some(c))
}

/// Characters that lead to every [`BOILERPLATE`] phrase: each phrase holds at least one.
/// They are rare in policy text, unlike the phrases' first characters (上, 下, 本, 为, 法 …),
/// so few places of a text need a closer look.
const ANCHORS: &[&str] = &[
    "编", "家", "欢", "荐", "词", "章", "篇", "页", "返", "链", "址", "宝", "扫", "享", "声", "版",
];

/// A search for the [`BOILERPLATE`] phrases through their [`ANCHORS`].
struct PhraseFinder {
    /// Finds the anchors (whole characters: two occurrences never overlap).
    anchors: aho_corasick::AhoCorasick,
    /// Per anchor: (byte offset of the anchor in the phrase, phrase), for every place the
    /// anchor holds in a phrase.
    places: Vec<Vec<(usize, &'static str)>>,
}

impl PhraseFinder {
    fn get() -> &'static PhraseFinder {
        static FINDER: std::sync::LazyLock<PhraseFinder> = std::sync::LazyLock::new(|| {
            let anchors = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(ANCHORS)
                .expect("the boilerplate anchors form an automaton");
            let places = ANCHORS
                .iter()
                .map(|a| {
                    BOILERPLATE
                        .iter()
                        .flat_map(|p| p.match_indices(a).map(move |(off, _)| (off, *p)))
                        .collect()
                })
                .collect();
            PhraseFinder { anchors, places }
        });
        &FINDER
    }

    /// The start of every occurrence of a phrase in `text`, overlapping ones included (one
    /// that holds several anchors is given once for each).
    fn starts<'t>(&'static self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.anchors.find_iter(text).flat_map(move |m| {
            let at = m.start();
            self.places[m.pattern().as_usize()]
                .iter()
                .filter(move |&&(off, p)| {
                    at >= off && text.as_bytes()[at - off..].starts_with(p.as_bytes())
                })
                .map(move |&(off, _)| at - off)
        })
    }
}

/// Mark boilerplate lines in `layout` and read the header's declared document count.
pub(crate) fn mark_boilerplate(src: &SourceText, layout: &mut Layout) -> Header {
    let text = src.as_str();
    let n = layout.lines.len();
    let mut header = Header::default();
    let content: Vec<usize> = (0..n).filter(|&i| !layout.lines[i].blank).collect();
    // No phrase holds a line break, so one pass over the whole text finds every line that
    // holds one. The document's own text may use a phrase as a word (`第一条　……以免责声明为
    // 由…`, a wrapped sentence `…载明的免责声明，…`): a line that opens with a clause marker is
    // never boilerplate, nor a sentence that uses one of the [`PROSE_WORDS`] inside it.
    for at in PhraseFinder::get().starts(text) {
        let i = src.line_of(at) - 1;
        let line = &layout.lines[i];
        let own = &text[line.text_start..line.end];
        let clause = super::marker::read_at(&compact(own)).is_some();
        let in_prose = PROSE_WORDS.iter().any(|w| text[at..].starts_with(w))
            && !compact(&text[line.text_start..at]).is_empty()
            && own.contains(['。', '，', '；']);
        if !clause && !in_prose {
            layout.lines[i].boilerplate = true;
        }
    }
    // A footer opens with a trigger phrase and runs over the short, link-like lines after
    // it; the page of the next document (in a concatenation of scraped pages) may follow.
    let mut pages = vec![0usize];
    let mut k = 0;
    while k < content.len() {
        let i = content[k];
        let s = &text[layout.lines[i].text_start..layout.lines[i].end];
        if !s.starts_with(FOOTER_HEADS) || !FOOTER.iter().any(|p| compact_starts_with(s, p)) {
            k += 1;
            continue;
        }
        layout.lines[i].boilerplate = true;
        let mut j = k + 1;
        while j < content.len() {
            let li = content[j];
            let sj = compact(&text[layout.lines[li].start..layout.lines[li].end]);
            let link_like = BOILERPLATE.iter().any(|p| sj.contains(p))
                || (sj.chars().count() <= 40
                    && !sj.contains(['。', '，', ',', '；', ';', '：', ':'])
                    && !sj.starts_with('《')
                    && separator(&sj).is_none()
                    && super::marker::read_at(&sj).is_none()
                    && title_at(src, layout, li + 1).is_none());
            if !link_like {
                break;
            }
            layout.lines[li].boilerplate = true;
            j += 1;
        }
        pages.push(j);
        k = j;
    }
    for &p in &pages {
        mark_page_header(src, layout, &content[p.min(content.len())..], &mut header);
    }
    // A compilation: everything before its first separator is the page header.
    let seps: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&i| {
            let l = &layout.lines[i];
            let s = &text[l.text_start..l.end];
            // A separator starts with 篇 or 第 (both led by the byte 0xE7).
            s.as_bytes().first() == Some(&0xE7) && separator(s).is_some()
        })
        .collect();
    header.separators = seps;
    let seps = &header.separators;
    if seps.len() >= 2 {
        for &i in content.iter().take_while(|&&i| i < seps[0]) {
            let l = &layout.lines[i];
            if header.declared.is_none()
                && let Some(d) = declared_in(&compact(&text[l.start..l.end]))
            {
                header.declared = Some(d);
                header.declared_line = i + 1;
            }
            layout.lines[i].boilerplate = true;
        }
    }
    // A header line hard-wrapped onto the next line takes its tail along (a URL's end).
    for k in 0..content.len().min(10).saturating_sub(1) {
        let (i, j) = (content[k], content[k + 1]);
        let next = &text[layout.lines[j].start..layout.lines[j].end];
        if layout.lines[i].boilerplate
            && !layout.lines[i].ends_final
            && layout.is_full(i + 1)
            && next.chars().all(|c| c.is_ascii() || is_blank(c))
        {
            layout.lines[j].boilerplate = true;
        }
    }
    header
}

/// Mark a scraped page's header at the start of `content` (line indices): the page title
/// (a line that is only 《…》, maybe with …N篇) and a summary line that repeats it before an
/// excerpt of the body.
fn mark_page_header(src: &SourceText, layout: &mut Layout, content: &[usize], header: &mut Header) {
    let text = src.as_str();
    let mut page_title: Option<String> = None;
    for (k, &i) in content.iter().take(3).enumerate() {
        let l = &layout.lines[i];
        // Both a page title and a summary that repeats it start with 《.
        if !compact_starts_with(&text[l.start..l.end], "《") {
            continue;
        }
        let s = compact(&text[l.start..l.end]);
        if k == 0 && is_page_title(&s) {
            layout.lines[i].boilerplate = true;
            if header.declared.is_none()
                && let Some(d) = declared_count(&s)
            {
                header.declared = Some(d);
                header.declared_line = i + 1;
            }
            page_title = Some(s);
            continue;
        }
        if s.starts_with('《')
            && let Some(close) = s.find('》')
        {
            let name = &s[..close + '》'.len_utf8()];
            let repeats = page_title.as_deref().is_some_and(|t| t.starts_with(name))
                || content[..k].iter().any(|&j| {
                    let lj = &layout.lines[j];
                    compact(&text[lj.start..lj.end]).contains(name.trim_matches(['《', '》']))
                });
            if repeats && s.len() > name.len() {
                layout.lines[i].boilerplate = true;
            }
        }
    }
}

/// The first `》N篇` in a header line: the number of documents a compilation declares.
fn declared_in(s: &str) -> Option<usize> {
    s.match_indices('》').find_map(|(i, _)| {
        let rest = &s[i + '》'.len_utf8()..];
        let end = rest.find('篇')?;
        declared_count(&rest[..end + '篇'.len_utf8()]).filter(|_| end > 0 && end <= 6)
    })
}

/// A page title: `《…》`, optionally `…N篇`, possibly repeated, nothing else.
fn is_page_title(s: &str) -> bool {
    if !s.starts_with('《') {
        return false;
    }
    let t = s.trim_end_matches(|c: char| c == '篇' || c.is_ascii_digit() || is_cn_digit(c));
    t.ends_with('》') && !s.contains(['。', '，', ','])
}

/// `…4篇` / `…四篇` at the end of a page title.
fn declared_count(s: &str) -> Option<usize> {
    let body = s.strip_suffix('篇')?;
    let digits: String = body
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || is_cn_digit(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if digits.is_empty() {
        return None;
    }
    digits
        .parse()
        .ok()
        .or_else(|| parse_chinese(&digits).map(|n| n as usize))
}

/// `篇一:《…》`, `篇二`, `第三篇：…`: a compilation separator; returns the title it names.
pub(crate) fn separator(line: &str) -> Option<Option<String>> {
    // Only a line whose first non-blank character is 篇 or 第 can be one.
    let head = normalize::trim_start_blanks(line);
    let (first, after) = if let Some(r) = head.strip_prefix('篇') {
        ('篇', r)
    } else if let Some(r) = head.strip_prefix('第') {
        ('第', r)
    } else {
        return None;
    };
    // Read through the blanks; only a separator's title is copied, so that a long line
    // costs no more than its first few characters.
    let mut it = after.chars().filter(|&c| !is_blank(c));
    let mut digits = 0;
    let mut next = it.next();
    while next.is_some_and(|c| is_cn_digit(c) || c.is_ascii_digit()) {
        digits += 1;
        next = it.next();
    }
    if first == '第' {
        if next != Some('篇') {
            return None;
        }
        next = it.next();
    }
    if digits == 0 {
        return None;
    }
    let rest: String = next
        .into_iter()
        .chain(it)
        .skip_while(|c| matches!(c, ':' | '：' | '、' | '.' | '．' | '-' | '—'))
        .take(81)
        .collect();
    if rest.chars().count() > 80 {
        return None;
    }
    let title = rest.trim();
    if title.is_empty() {
        return Some(None);
    }
    let t = title
        .strip_prefix('《')
        .and_then(|t| t.strip_suffix('》'))
        .unwrap_or(title);
    Some(Some(t.to_string()))
}

/// Cut the file into segments at 篇X separators (boilerplate excluded); `separators` are
/// the separator lines that [`mark_boilerplate`] found.
pub(crate) fn segments(src: &SourceText, layout: &Layout, separators: &[usize]) -> Vec<Segment> {
    let text = src.as_str();
    let mut out: Vec<Segment> = Vec::new();
    let mut cur: Option<Segment> = None;
    let mut seps = separators.iter().peekable();
    for (i, l) in layout.lines.iter().enumerate() {
        let is_separator = seps.next_if_eq(&&i).is_some();
        if l.blank || l.boilerplate {
            continue;
        }
        let number = i + 1;
        if is_separator && let Some(title) = separator(&text[l.text_start..l.end]) {
            if let Some(s) = cur.take() {
                out.push(s);
            }
            cur = Some(Segment {
                first: number,
                last: number,
                label_line: Some(number),
                label_title: title,
            });
            continue;
        }
        match &mut cur {
            Some(s) => s.last = number,
            None => {
                cur = Some(Segment {
                    first: number,
                    last: number,
                    label_line: None,
                    label_title: None,
                });
            }
        }
    }
    out.extend(cur);
    if out.is_empty() {
        out.push(Segment {
            first: 1,
            last: layout.lines.len().max(1),
            label_line: None,
            label_title: None,
        });
    }
    out
}

/// Whether line `number` is a row of a web page's table of fields or its furniture
/// (`索引号：…`, `发文字号：…`, `浏览次数：…`).
pub(crate) fn is_site_row(src: &SourceText, layout: &Layout, number: usize) -> bool {
    let l = layout.line(number);
    crate::metadata::vocab::is_site_row(&compact(&src.as_str()[l.text_start..l.end]))
}

/// The title that starts at line `number`, maybe written over several lines (a fixed-width
/// wrap at any character, a centred title broken at a natural point, an issuer line above
/// `关于…的通知`): text up to a document-type word (方案, 细则, 通知 …) that ends the line or
/// is followed by a blank, without sentence punctuation. The longest such title over the
/// block's lines is taken (see [`title_block`]).
pub(crate) fn title_at(src: &SourceText, layout: &Layout, number: usize) -> Option<String> {
    let text = src.as_str();
    let l = layout.line(number);
    if l.blank || l.boilerplate || continues_line(src, layout, number) {
        return None;
    }
    let mut joined = String::new();
    let mut best = None;
    // Whether the lines so far hold a complete title (one that is not an open 关于 title).
    let mut whole = false;
    // Whether the lines so far end with a complete title on a line short of the wrap width:
    // only a qualifier line (`（试行）`) continues it; any other line is another element, or
    // another title. A complete title on a full line is continued by no bracketed line but
    // a qualifier either (`（此件公开发布）` is a note).
    let mut closed = false;
    for (k, n) in title_block(text, layout, number).enumerate() {
        let s = line_text(text, layout, n);
        // Nor is a complete title continued by a line that opens a 关于 title (the next
        // title: a 印发 notice's over the rule it issues) or by its own start again (a web
        // copy's title repeated, wrapped differently).
        if joined.chars().count() >= MAX_TITLE_CHARS
            || (closed || whole && bracketed(s).is_some()) && !is_qualifier_line(s)
            || whole && s.starts_with(ABOUT)
            || best.as_deref().is_some_and(|t: &str| repeats_start(t, s))
        {
            break;
        }
        let before = joined.len();
        joined.push_str(s);
        let found = title_prefix(&joined).filter(|&(end, _)| k == 0 || end > before);
        whole = found.as_ref().is_some_and(|(_, t)| !is_open(t));
        closed = whole && !fills_width(layout, n);
        if let Some((_, t)) = found {
            best = Some(t);
        }
        if !is_title_line(s) {
            break;
        }
    }
    best
}

/// What a qualifier on a line of its own under a title says, besides a number (`（二）`):
/// other short bracketed lines there are notes (`（此件公开发布）`).
const QUALIFIERS: &[&str] = &[
    "试行",
    "暂行",
    "草案",
    "修订",
    "修正",
    "修订草案",
    "征求意见稿",
    "送审稿",
    "代拟稿",
];

/// What a line in brackets says, if it is only that.
fn bracketed(s: &str) -> Option<String> {
    let c = compact(s);
    let inner = c
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))?;
    Some(inner.to_string())
}

/// A line that is only a bracketed qualifier of a title (`（试行）`, `（二）`).
fn is_qualifier_line(s: &str) -> bool {
    bracketed(s).is_some_and(|inner| {
        QUALIFIERS.contains(&inner.as_str()) || !inner.is_empty() && inner.chars().all(is_cn_digit)
    })
}

/// Whether line `s` repeats the start of `title` (some ideographs at least, blanks aside).
fn repeats_start(title: &str, s: &str) -> bool {
    let c = compact(s);
    c.chars().nth(3).is_some() && title.starts_with(&c)
}

/// Whether line `number` is filled to the wrap width (within a fifth: an indented first
/// line) without ending a sentence: a hard-wrapped line, where a title may break at any
/// character.
fn fills_width(layout: &Layout, number: usize) -> bool {
    let l = layout.line(number);
    !l.ends_final && layout.is_full(number) && l.len * 10 >= layout.wrap_width * 8
}

/// The word that opens the subject of a 公文 title (发文机关 + 关于 + 事由 + 的 + 文种).
const ABOUT: &str = "关于";

/// A 关于 title whose subject has not reached its 的 yet: the document-type word it ends
/// with is part of the subject (`关于全面推行…记录制度` over `…的指导意见`).
fn is_open(title: &str) -> bool {
    title
        .rfind(ABOUT)
        .is_some_and(|at| !title[at + ABOUT.len()..].contains('的'))
}

/// The most lines a title is written over (a 司法解释 of some 80 characters hard-wrapped
/// at 25, an issuer line above a title in three centred lines).
const MAX_TITLE_LINES: usize = 4;

/// The content lines a title starting at line `number` may run over: that line and the
/// content lines after it (blank lines between allowed), up to [`MAX_TITLE_LINES`], up to
/// the first line that is never part of a title ([`ends_title`]).
fn title_block<'a>(
    text: &'a str,
    layout: &'a Layout,
    number: usize,
) -> impl Iterator<Item = usize> + 'a {
    let mut cur = Some(number);
    std::iter::from_fn(move || {
        let n = cur?;
        cur = (n + 1..=layout.lines.len().min(n + 3))
            .find(|&k| !layout.line(k).blank && !layout.line(k).boilerplate)
            .filter(|&k| !ends_title(line_text(text, layout, k)));
        Some(n)
    })
    .take(MAX_TITLE_LINES)
}

/// Line `number` without its leading markup and blanks and its trailing blanks.
fn line_text<'a>(text: &'a str, layout: &Layout, number: usize) -> &'a str {
    let l = layout.line(number);
    normalize::trim_start_markup(&text[l.start..l.end]).trim_end_matches(is_blank)
}

/// Punctuation that a title never holds (、 and quotation marks it may).
const SENTENCE_PUNCT: &[char] = &['，', ',', '。', '；', ';', '：', ':', '！', '？'];

/// A line that a title may run on after: ideographs without sentence punctuation, no
/// clause marker, no date line.
fn is_title_line(s: &str) -> bool {
    s.chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .nth(1)
        .is_some()
        && s.chars().count() <= MAX_TITLE_CHARS
        && !s.contains(SENTENCE_PUNCT)
        && !ends_title(s)
}

/// A line that follows a title in real documents and is never part of it: the record of
/// its adoption (`2016年7月8日…通过`, `（…审议通过　…发布）`), an order or 发文字号 line
/// (`国务院令第X号`, `（第X号）`, `国发〔2023〕5号`), `目　录`, the first heading or article, a
/// line without ideographs (but one that opens with a closing mark). A bracketed line stays
/// in the title only as a short qualifier without digits (`（试行）`, `（二）`) or an opening
/// bracket (`（党组）落实…`).
fn ends_title(s: &str) -> bool {
    let c = compact(s);
    // A line that opens with a closing mark closes what the line above left open.
    if c.starts_with(CLOSING_MARKS) {
        return false;
    }
    if !c.chars().any(|ch| ('\u{4E00}'..='\u{9FFF}').contains(&ch))
        || super::toc::is_contents_title(&c)
    {
        return true;
    }
    if let Some(inner) = c.strip_prefix(['（', '(']) {
        let group = inner.find(['）', ')']).map(|k| &inner[..k]);
        return group.is_none_or(|g| {
            g.chars().count() > MAX_QUALIFIER_CHARS
                || g.ends_with('号')
                || g.contains(SENTENCE_PUNCT)
                || g.chars()
                    .any(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch) || ch == '〇')
        });
    }
    is_date_line(&c)
        || super::marker::read_at(&c).is_some()
        || crate::metadata::docnumber::whole_line(&c).is_some()
        || crate::metadata::docnumber::order(&c).is_some()
        || is_order_serial(&c)
}

/// Marks that close a bracket, a title mark or a quotation a wrapped title may break
/// before.
const CLOSING_MARKS: &[char] = &['）', ')', '》', '〉', '”', '」', '』'];

/// `第752号` alone: the serial of an order whose body stands on the line above.
fn is_order_serial(c: &str) -> bool {
    c.strip_prefix('第')
        .and_then(|r| r.strip_suffix('号'))
        .is_some_and(|d| {
            !d.is_empty() && d.chars().all(|ch| ch.is_ascii_digit() || is_cn_digit(ch))
        })
}

/// Whether line `number` continues the line before it: that line is filled to the wrap
/// width and does not end a sentence, so a title cannot start here. A web page's row of
/// fields (`发布时间：…　浏览次数：…`) is continued by nothing.
fn continues_line(src: &SourceText, layout: &Layout, number: usize) -> bool {
    number > 1 && {
        let p = layout.line(number - 1);
        !p.blank
            && !p.boilerplate
            && !p.ends_final
            && layout.is_full(number - 1)
            && !is_site_row(src, layout, number - 1)
    }
}

/// The title at the start of `s` and the byte offset where it ends in `s`.
fn title_prefix(s: &str) -> Option<(usize, String)> {
    // A 主送 line glued after the title (关于…的通知各县人民政府，市政府各部门：): the title
    // is what stands before the list of bodies.
    if let Some(head) = s.trim_end_matches(is_blank).strip_suffix(['：', ':'])
        && let Some(end) = crate::metadata::bodies::glued_title_end(head)
    {
        return title_prefix(&s[..end]);
    }
    // The title ends at the last place where a document-type word ends and the line ends, or
    // a blank or closing mark follows: try those places from the right.
    let ends = s
        .char_indices()
        .rev()
        .filter(|&(_, c)| is_blank(c) || matches!(c, '》' | '”' | '"'))
        .map(|(i, _)| i);
    let end = std::iter::once(s.len())
        .chain(ends)
        .find(|&end| ends_with_doc_type(&s[..end]))?;
    let t = s[..end].trim_matches(is_blank);
    // A title written in title marks (`《…条例》`) drops them; one that only opens with the
    // name of the act it serves (`《…规定》实施细则`) keeps its mark.
    let t = t
        .strip_prefix('《')
        .filter(|r| !r.contains('》'))
        .unwrap_or(t);
    let chars = t.chars().count();
    if !(4..=MAX_TITLE_CHARS).contains(&chars)
        || t.contains(SENTENCE_PUNCT)
        || t.contains('《') && !t.contains('》')
    {
        return None;
    }
    Some((end, tidy(t)))
}

/// Whether `s` ends with a document-type word, maybe followed by a bracketed qualifier
/// (`解释（三）`, `细则（试行）`, `修正案（2018年）`).
fn ends_with_doc_type(s: &str) -> bool {
    let s = s.trim_end_matches(is_blank);
    let s = strip_qualifier(s).unwrap_or(s);
    DOC_TYPES.iter().any(|ty| s.ends_with(ty))
}

/// `s` without a short bracketed qualifier at its end, if it has one.
fn strip_qualifier(s: &str) -> Option<&str> {
    let body = s.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    let inner = &body[open..];
    let short = inner.chars().count() <= MAX_QUALIFIER_CHARS + 1;
    (short && !inner.contains(SENTENCE_PUNCT)).then(|| &body[..open])
}

/// The title of a statute, regulation or rule that names no document type: the first
/// content lines from `number` (without sentence punctuation, no marker; up to
/// [`MAX_TITLE_LINES`], joined) when the next content line dates it (`2016年7月8日…通过`,
/// `（2016年7月8日…审议通过）`).
pub(crate) fn dated_title(src: &SourceText, layout: &Layout, number: usize) -> Option<String> {
    let text = src.as_str();
    if continues_line(src, layout, number) {
        return None;
    }
    let mut joined = String::new();
    let mut last = number;
    for n in title_block(text, layout, number) {
        let s = line_text(text, layout, n);
        if !is_title_line(s) {
            return None;
        }
        joined.push_str(s);
        last = n;
    }
    let next = (last + 1..=layout.lines.len().min(last + 3))
        .find(|&n| !layout.line(n).blank && !layout.line(n).boilerplate)?;
    let ln = layout.line(next);
    let chars = joined.chars().count();
    ((2..=MAX_TITLE_CHARS).contains(&chars) && is_date_line(&text[ln.text_start..ln.text_end]))
        .then(|| tidy(&joined))
}

/// A line that dates a document: it opens (maybe after a bracket) with a year `2016年` or
/// `二〇一六年`.
fn is_date_line(s: &str) -> bool {
    let s = s.trim_start_matches(['（', '(']);
    let s = normalize::trim_start_blanks(s);
    let digits = s
        .chars()
        .take_while(|&c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || matches!(c, '〇' | '零')
                || is_cn_digit(c)
        })
        .count();
    digits == 4 && s.chars().nth(4) == Some('年')
}

/// A title with the spurious blanks of OCR and PDF copies removed (a blank stays only
/// between two ASCII letters or digits).
fn tidy(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_blank(c) {
            let before = out.chars().next_back();
            let after = chars[i + 1..].iter().find(|c| !is_blank(**c));
            if before.is_some_and(|b| b.is_ascii_alphanumeric())
                && after.is_some_and(|a| a.is_ascii_alphanumeric())
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether `a` ends with `b`, blanks ignored and widths folded.
pub(crate) fn ends_with_loose(a: &str, b: &str) -> bool {
    let f = |s: &str| -> String {
        s.chars()
            .filter(|&c| !is_blank(c))
            .map(crate::normalize::fold)
            .collect()
    };
    let (a, b) = (f(a), f(b));
    !b.is_empty() && a.ends_with(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_heads_start_every_footer_phrase() {
        for p in FOOTER {
            assert!(p.starts_with(FOOTER_HEADS), "{p}");
        }
    }

    #[test]
    fn every_boilerplate_phrase_holds_an_anchor() {
        for p in BOILERPLATE {
            assert!(ANCHORS.iter().any(|a| p.contains(a)), "{p}");
        }
    }

    use proptest::prelude::{Strategy, prop_assert, prop_assert_eq};

    proptest::proptest! {
        /// The lines that hold a phrase are those that one automaton over all the phrases
        /// finds a match on.
        #[test]
        fn phrase_finder_marks_the_lines_that_hold_a_phrase(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(BOILERPLATE.to_vec()).prop_map(str::to_string),
                    proptest::sample::select(BOILERPLATE.to_vec()).prop_flat_map(|p| {
                        let n = p.chars().count();
                        (0..n).prop_map(move |k| p.chars().skip(k).collect::<String>())
                    }),
                    proptest::sample::select(vec!["\n", "一", "上", "扫", "第一章", "a"])
                        .prop_map(str::to_string),
                ],
                0..24,
            )
        ) {
            let text = pieces.concat();
            let alts: Vec<String> = BOILERPLATE.iter().map(|p| regex::escape(p)).collect();
            let re = regex::Regex::new(&alts.join("|")).unwrap();
            let line = |at: usize| text[..at].matches('\n').count();
            let expected: std::collections::BTreeSet<usize> =
                re.find_iter(&text).map(|m| line(m.start())).collect();
            let found: std::collections::BTreeSet<usize> =
                PhraseFinder::get().starts(&text).map(line).collect();
            prop_assert_eq!(found, expected);
            // Every start found is a phrase's.
            for at in PhraseFinder::get().starts(&text) {
                prop_assert!(BOILERPLATE.iter().any(|p| text[at..].starts_with(p)));
            }
        }
    }

    fn marked(s: &str) -> (Vec<bool>, Header) {
        let src = SourceText::from_utf8(s);
        let mut layout = Layout::new(&src);
        let h = mark_boilerplate(&src, &mut layout);
        (layout.lines.iter().map(|l| l.boilerplate).collect(), h)
    }

    #[test]
    fn page_header_summary_and_footer_are_boilerplate() {
        let s = "《城区停车管理工作方案》3篇\n\n《城区停车管理工作方案》3篇 下面是小编为大家整理的方案，供大家参考。一、\n\n篇一：《城区停车管理工作方案》\n\n一、总体要求\n\n二、主要任务\n\n三、保障措施\n\n推荐访问：停车 方案\n上一篇 下一篇";
        let (b, h) = marked(s);
        assert_eq!(h.declared, Some(3));
        assert_eq!(h.declared_line, 1);
        assert!(b[0] && b[2]);
        assert!(!b[4] && !b[6] && !b[10]);
        assert!(b[12] && b[13]);
    }

    #[test]
    fn footer_phrases_start_with_an_ideograph() {
        for p in FOOTER {
            assert!(
                p.starts_with(|c: char| c.len_utf8() == 3 && !is_blank(c)),
                "{p}"
            );
        }
    }

    #[test]
    fn a_plain_title_line_is_not_boilerplate() {
        let (b, h) = marked("城区停车管理办法\n\n第一条 为了规范停车秩序，制定本办法。");
        assert_eq!(h.declared, None);
        assert!(b.iter().all(|x| !x));
    }

    #[test]
    fn separators_name_their_titles() {
        assert_eq!(
            separator("篇二:《社区议事规则》"),
            Some(Some("社区议事规则".into()))
        );
        assert_eq!(separator("第三篇 工作总结"), Some(Some("工作总结".into())));
        assert_eq!(separator("篇一"), Some(None));
        assert_eq!(separator("篇幅较长的说明"), None);
        assert_eq!(separator("第三条 本办法"), None);
    }

    #[test]
    fn a_title_glued_to_its_addressees_ends_before_them() {
        let s = "白沙县人民政府关于做好汛期安全工作的通知各乡镇人民政府，县政府各部门：\n现将《关于做好汛期安全工作的通知》转发给各乡镇人民政府：\n";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(
            title_at(&src, &layout, 1).as_deref(),
            Some("白沙县人民政府关于做好汛期安全工作的通知")
        );
        // A sentence that forwards a notice to bodies is no title.
        assert_eq!(title_at(&src, &layout, 2), None);
    }

    #[test]
    fn titles_end_at_a_document_type_word() {
        let s = "2025 年社区治理工作方案 为推进基层治理，制定本方案。\n城区环境卫生\n\n管理办法\n关于开展检查的通知\n各单位要按照本办法执行，";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(
            title_at(&src, &layout, 1).as_deref(),
            Some("2025年社区治理工作方案")
        );
        assert_eq!(
            title_at(&src, &layout, 2).as_deref(),
            Some("城区环境卫生管理办法")
        );
        assert_eq!(
            title_at(&src, &layout, 5).as_deref(),
            Some("关于开展检查的通知")
        );
        assert_eq!(title_at(&src, &layout, 6), None);
    }

    #[test]
    fn a_title_opening_with_the_name_of_an_act_keeps_its_title_mark() {
        let s = "《山区集市管理规定》实施细则\n\n《东岭市河道保洁办法》\n";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(
            title_at(&src, &layout, 1).as_deref(),
            Some("《山区集市管理规定》实施细则")
        );
        assert_eq!(
            title_at(&src, &layout, 3).as_deref(),
            Some("东岭市河道保洁办法")
        );
    }

    /// `paragraphs` hard-wrapped every `width` characters, each indented by two full-width
    /// blanks, without blank lines: a fixed-width copy.
    fn fixed_width(paragraphs: &[&str], width: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let chars: Vec<char> = format!("\u{3000}\u{3000}{p}").chars().collect();
            for line in chars.chunks(width) {
                out.extend(line);
                out.push('\n');
            }
        }
        out
    }

    /// Articles long enough to set the wrap width.
    const BODY: &[&str] = &[
        "第一条　为了规范本省河道采砂活动，保障河势稳定和防洪安全，维护采砂秩序，根据有关法律、行政法规，结合本省实际，制定本规定。",
        "第二条　在本省行政区域内的河道从事采砂及其管理活动，适用本规定；法律、行政法规另有规定的，从其规定。",
        "第三条　县级以上人民政府应当加强对河道采砂管理工作的领导，建立采砂管理责任制，将所需经费列入本级财政预算。",
        "第四条　县级以上人民政府水行政主管部门负责本行政区域内河道采砂的统一管理和监督检查工作。",
        "第五条　采砂许可证应当载明采砂地点、范围、期限、作业方式、采砂量和弃料处理方式等内容，并予以公告。",
        "第六条　违反本规定，未取得采砂许可证从事河道采砂的，由水行政主管部门责令停止违法行为，没收违法所得。",
    ];

    #[test]
    fn a_title_hard_wrapped_at_any_width_is_read_whole() {
        let titles = [
            (
                "云岭省人民代表大会常务委员会关于修改《云岭省河道采砂管理条例》等五件地方性法规的决定",
                "云岭省人民代表大会常务委员会关于修改《云岭省河道采砂管理条例》等五件地方性法规的决定",
            ),
            (
                "最高人民法院 最高人民检察院关于办理破坏古树名木刑事案件适用法律若干问题的解释（二）",
                "最高人民法院最高人民检察院关于办理破坏古树名木刑事案件适用法律若干问题的解释（二）",
            ),
            (
                "国务院关于云岭自由贸易试验区适用增值税暂行条例有关问题的通知",
                "国务院关于云岭自由贸易试验区适用增值税暂行条例有关问题的通知",
            ),
            // Complete after 条例 when wrapped at 24.
            (
                "云岭省重点林区森林防火和林业有害生物防治条例实施办法",
                "云岭省重点林区森林防火和林业有害生物防治条例实施办法",
            ),
            (
                "云岭省农村集体经济组织财务公开民主管理实施细则（试行）",
                "云岭省农村集体经济组织财务公开民主管理实施细则（试行）",
            ),
        ];
        let heads = [
            "2023年9月28日云岭省第十四届人民代表大会常务委员会第五次会议通过",
            "（2023年9月28日云岭省第十四届人民代表大会常务委员会第五次会议通过）",
            "云政发〔2023〕15号",
            "目录",
            "为了规范本省河道采砂活动，根据有关法律，结合本省实际，制定本规定。",
        ];
        for (title, expected) in titles {
            for head in heads {
                for width in 16..=48 {
                    let mut paragraphs = vec![title, head];
                    paragraphs.extend(BODY);
                    let text = fixed_width(&paragraphs, width);
                    let src = SourceText::from_utf8(&text);
                    let layout = Layout::new(&src);
                    assert_eq!(
                        title_at(&src, &layout, 1).as_deref(),
                        Some(expected),
                        "width {width}, followed by {head}:\n{text}"
                    );
                    // No line inside the title, nor after it, starts a title of its own.
                    let title_lines = title.chars().count().div_ceil(width);
                    for n in 2..=title_lines + 1 {
                        let t = title_at(&src, &layout, n);
                        assert!(t.is_none(), "width {width}, line {n}: {t:?}\n{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_centred_title_joins_at_its_natural_breaks() {
        let s = "国务院办公厅关于全面推行\n\n河湖巡查制度执法全过程记录制度\n\n重大事项报告制度的指导意见\n\n云政办发〔2024〕3号\n\n各州、市人民政府：";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(
            title_at(&src, &layout, 1).as_deref(),
            Some(
                "国务院办公厅关于全面推行河湖巡查制度执法全过程记录制度重大事项报告制度的指导意见"
            )
        );
        let s = "中共云岭省委机关党建\n工作责任制实施办法\n（试行）\n（2022年4月6日中共云岭省委常委会会议审议通过　2022年4月12日中共云岭省委发布）\n第一条　为了落实机关党建工作责任制，制定本办法。";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(
            title_at(&src, &layout, 1).as_deref(),
            Some("中共云岭省委机关党建工作责任制实施办法（试行）")
        );
    }

    #[test]
    fn a_complete_title_is_not_continued_by_another_element() {
        // A 印发 notice's title under the rule's, the rule's title repeated over two lines,
        // an order line.
        let s = "云岭省河道采砂管理办法\n关于印发《云岭省河道采砂管理办法》的通知\n\n云岭省河道采砂管理办法\n云岭省河道采砂\n管理办法\n\n云岭省河道采砂管理办法\n云岭省人民政府令\n第12号";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        for n in [1, 4, 8] {
            assert_eq!(
                title_at(&src, &layout, n).as_deref(),
                Some("云岭省河道采砂管理办法"),
                "line {n}"
            );
        }
        assert_eq!(
            title_at(&src, &layout, 2).as_deref(),
            Some("关于印发《云岭省河道采砂管理办法》的通知")
        );
        // A note under the title is no qualifier of it; a number or 试行 is.
        for (s, title) in [
            (
                "云岭省河道保洁专项行动方案\n（此件公开发布）",
                "云岭省河道保洁专项行动方案",
            ),
            (
                "云岭省河道保洁专项行动方案\n（二）",
                "云岭省河道保洁专项行动方案（二）",
            ),
            (
                "云岭省河道保洁专项行动方案\n(试行)",
                "云岭省河道保洁专项行动方案(试行)",
            ),
        ] {
            // Alone, and over lines as short as the title (which then fills the width).
            let body = "\n一、河道保洁工作要求。".repeat(10);
            for s in [s.to_string(), format!("{s}{body}")] {
                let src = SourceText::from_utf8(&s);
                let layout = Layout::new(&src);
                assert_eq!(title_at(&src, &layout, 1).as_deref(), Some(title), "{s}");
            }
        }
    }

    #[test]
    fn a_dated_title_may_run_over_lines() {
        let s = "云岭省各级人民代表大会\n\n常务委员会监督工作\n\n（2019年3月29日云岭省第十三届人民代表大会常务委员会第十次会议通过）\n\n第一条　为了保障常务委员会依法行使监督职权，制定本办法。";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(title_at(&src, &layout, 1), None);
        assert_eq!(
            dated_title(&src, &layout, 1).as_deref(),
            Some("云岭省各级人民代表大会常务委员会监督工作")
        );
    }

    #[test]
    fn a_placeholder_line_does_not_start_a_title() {
        let s = "X\n\n区财政局关于预算执行情况的报告 市人大常委会：";
        let src = SourceText::from_utf8(s);
        let layout = Layout::new(&src);
        assert_eq!(title_at(&src, &layout, 1), None);
        assert_eq!(
            title_at(&src, &layout, 3).as_deref(),
            Some("区财政局关于预算执行情况的报告")
        );
    }

    #[test]
    fn compilation_header_before_the_first_separator_is_boilerplate() {
        let s = "《社区工作方案》2篇《社区工作\n方案》 一、总体要求\n\n篇一:《社区工作方案》\n一、目标\n二、任务\n篇二:《社区工作方案》\n一、目标\n二、任务";
        let (b, h) = marked(s);
        assert_eq!(h.declared, Some(2));
        assert!(b[0] && b[1]);
        assert!(!b[3] && !b[4]);
    }
}
