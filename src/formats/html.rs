//! HTML pages: the main text of the page, one line per block, positions in the original
//! bytes.
//!
//! The charset comes from a BOM, else from the page's `<meta charset>` /
//! `http-equiv` declaration (GB2312 and GBK read as GB18030), else from detection. The
//! decoded page is tokenised by lol_html, which reports the byte span of every tag and
//! text chunk; a light tree is built from those spans (implied `</p>`, `</li>`, `</td>`
//! closed as HTML closes them).
//!
//! The main text is the block container that holds the most paragraph text — a
//! government page's body `div` — scored as readability scores it: the text of a
//! paragraph counts for its container and half for the container's container; link text,
//! scripts and styles count nothing, and page furniture (`nav`, `header`, `footer`,
//! `aside`, or a class/id naming navigation, breadcrumbs, a footer or a share bar) is
//! never chosen or counted. The page's `<h1>` before the container is kept as its first
//! line (the title). Block elements and `<br>` end lines, table cells are joined by tabs,
//! white space collapses as a browser collapses it (non-breaking and ideographic spaces
//! stay: they indent), character references are decoded. Every byte of the view maps to
//! the original file (a decoded `&ldquo;` to its `&`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_text, element, end_tag};

use super::container::MAX_DEPTH;
use super::{Format, FormatError, TextView};
use crate::ingest::{self, Decoded, OffsetMap};

/// Read an HTML page into its view.
pub fn read(bytes: &[u8]) -> Result<TextView, FormatError> {
    let d = decode(bytes)?;
    let (text, table) = view_of(&d.text)?;
    // Compose: view byte → decoded page byte → original byte.
    let map: Vec<u32> = table
        .iter()
        .map(|&p| d.map.orig(p as usize) as u32)
        .collect();
    Ok(TextView {
        format: Format::Html,
        text,
        map: Some(OffsetMap::Table(map)),
        encoding: Some(d.encoding),
        confidence: d.confidence,
        bom: d.bom,
        decode_errors: d.decode_errors,
        locators: Vec::new(),
        numbering: Vec::new(),
    })
}

/// Decode the page by its BOM, its declared charset, or detection.
fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
    if let Some(enc) = declared_charset(bytes)
        && let Ok(d) = ingest::decode_as(bytes, enc)
        && d.decode_errors * 100 <= d.text.len() as u64
    {
        return Ok(d);
    }
    Ok(ingest::decode(bytes)?)
}

/// The charset a page declares in its first 2 KiB (`<meta charset=…>`, `content="…;
/// charset=…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut rest = &lower[from + i + 7..];
        rest = rest.trim_ascii_start();
        if let Some(r) = rest.strip_prefix(b"=") {
            let r = r.trim_ascii_start();
            let r = r
                .strip_prefix(b"\"")
                .or_else(|| r.strip_prefix(b"'"))
                .unwrap_or(r);
            let end = r
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))
                .unwrap_or(r.len());
            if let Some(enc) = encoding_rs::Encoding::for_label(&r[..end]) {
                return Some(enc);
            }
        }
        from += i + 7;
    }
    None
}

/// A token of the page, with its span in the decoded text.
#[derive(Debug, Clone)]
enum Token {
    Start {
        name: String,
        attrs: String,
        at: usize,
        void: bool,
    },
    End {
        name: String,
    },
    Text {
        range: Range<usize>,
        visible: bool,
    },
}

/// Tokenise with lol_html (spans only; the text is sliced from the page itself).
fn tokens(page: &str) -> Result<Vec<Token>, FormatError> {
    let out: Rc<RefCell<Vec<Token>>> = Rc::default();
    let (elements, texts) = (Rc::clone(&out), Rc::clone(&out));
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let name = el.tag_name();
            let mut attrs = String::new();
            for key in ["class", "id"] {
                if let Some(v) = el.get_attribute(key) {
                    attrs.push_str(&v.to_ascii_lowercase());
                    attrs.push(' ');
                }
            }
            let void = !el.can_have_content();
            elements.borrow_mut().push(Token::Start {
                name: name.clone(),
                attrs,
                at: el.source_location().bytes().start,
                void,
            });
            if !void {
                let ends = Rc::clone(&elements);
                let name = name.clone();
                el.on_end_tag(end_tag!(move |end| {
                    let _ = end;
                    ends.borrow_mut().push(Token::End { name: name.clone() });
                    Ok(())
                }))?;
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let visible = matches!(t.text_type(), TextType::Data | TextType::CDataSection);
            let range = t.source_location().bytes();
            if !range.is_empty() {
                texts.borrow_mut().push(Token::Text { range, visible });
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let run = rewriter
        .write(page.as_bytes())
        .and_then(|()| rewriter.end());
    if let Err(e) = run {
        return Err(FormatError::malformed(Format::Html, e.to_string()));
    }
    drop(out.borrow());
    let tokens = std::mem::take(&mut *out.borrow_mut());
    Ok(tokens)
}

/// Elements whose content is never text of the page.
const HIDDEN: [&str; 12] = [
    "head", "script", "style", "noscript", "template", "iframe", "svg", "select", "button",
    "object", "textarea", "title",
];
/// Elements that are page furniture by name.
const FURNITURE: [&str; 5] = ["nav", "header", "footer", "aside", "form"];
/// Class or id words that mark page furniture.
const FURNITURE_WORDS: [&str; 14] = [
    "nav",
    "menu",
    "breadcrumb",
    "crumb",
    "footer",
    "foot",
    "header",
    "sidebar",
    "share",
    "copyright",
    "banner",
    "toolbar",
    "location",
    "position",
];
/// Elements that end a line.
const BLOCKS: [&str; 34] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "form",
    "hr",
    "address",
    "center",
    "fieldset",
    "figure",
    "figcaption",
    "caption",
    "body",
];
/// Containers that paragraphs count for (a `p` counts for the container around it).
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div"
            | "td"
            | "th"
            | "article"
            | "section"
            | "main"
            | "body"
            | "blockquote"
            | "li"
            | "dd"
            | "center"
            | "font"
            | "span"
            | "form"
    )
}

/// One element of the light tree.
#[derive(Debug, Clone)]
struct Node {
    name: String,
    parent: Option<usize>,
    /// Tag position (decoded offset) where it starts.
    at: usize,
    hidden: bool,
    furniture: bool,
    children: Vec<Child>,
}

#[derive(Debug, Clone)]
enum Child {
    Node(usize),
    Text(Range<usize>),
    /// A void element (`br`, `hr`, `img`) at an offset.
    Void(String, usize),
}

fn furniture(name: &str, attrs: &str) -> bool {
    FURNITURE.contains(&name)
        || attrs
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| {
                FURNITURE_WORDS.iter().any(|f| {
                    w == *f || (w.len() > f.len() + 1 && (w.starts_with(f) || w.ends_with(f)))
                })
            })
}

/// Build the light tree from the tokens.
fn tree(tokens: Vec<Token>) -> Vec<Node> {
    let mut nodes = vec![Node {
        name: "#document".into(),
        parent: None,
        at: 0,
        hidden: false,
        furniture: false,
        children: Vec::new(),
    }];
    let mut stack: Vec<usize> = vec![0];
    let closes = |open: &str, new: &str| match open {
        "p" => BLOCKS.contains(&new) && new != "span",
        "li" => new == "li",
        "dt" | "dd" => matches!(new, "dt" | "dd"),
        "tr" => new == "tr",
        "td" | "th" => matches!(new, "td" | "th" | "tr"),
        "option" => new == "option",
        _ => false,
    };
    for t in tokens {
        match t {
            Token::Start {
                name,
                attrs,
                at,
                void,
            } => {
                while stack.len() > 1 && closes(&nodes[*stack.last().unwrap_or(&0)].name, &name) {
                    stack.pop();
                }
                let parent = *stack.last().unwrap_or(&0);
                if void || stack.len() >= MAX_DEPTH {
                    nodes[parent].children.push(Child::Void(name, at));
                    continue;
                }
                let hidden = nodes[parent].hidden || HIDDEN.contains(&name.as_str());
                let furn = nodes[parent].furniture || furniture(&name, &attrs);
                let id = nodes.len();
                nodes.push(Node {
                    name,
                    parent: Some(parent),
                    at,
                    hidden,
                    furniture: furn,
                    children: Vec::new(),
                });
                nodes[parent].children.push(Child::Node(id));
                stack.push(id);
            }
            Token::End { name } => {
                if let Some(k) = stack.iter().rposition(|&i| nodes[i].name == name)
                    && k > 0
                {
                    stack.truncate(k);
                }
            }
            Token::Text { range, visible } => {
                let parent = *stack.last().unwrap_or(&0);
                if visible {
                    nodes[parent].children.push(Child::Text(range));
                }
            }
        }
    }
    nodes
}

/// Weight of a text for scoring: its non-space characters.
fn weight(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '&')
        .count()
}

/// The containers that hold the page's main text, in page order (one, unless the body is
/// split over sibling containers).
fn main_container(page: &str, nodes: &[Node]) -> Vec<usize> {
    let mut score = vec![0usize; nodes.len()];
    // Iterative walk: (node, inside a link).
    let mut todo = vec![(0usize, false)];
    while let Some((i, in_link)) = todo.pop() {
        let n = &nodes[i];
        if n.hidden || n.furniture {
            continue;
        }
        let link = in_link || n.name == "a";
        for c in &n.children {
            match c {
                Child::Node(k) => todo.push((*k, link)),
                Child::Text(r) if !link => {
                    let w = weight(&page[r.clone()]);
                    // The text counts for its nearest container, half for the next one.
                    let mut at = Some(i);
                    let mut share = 2;
                    while let Some(a) = at {
                        if is_container(&nodes[a].name) && !nodes[a].furniture {
                            score[a] += w * share / 2;
                            share -= 1;
                            if share == 0 {
                                break;
                            }
                        }
                        at = nodes[a].parent;
                    }
                }
                _ => {}
            }
        }
    }
    let best = (0..nodes.len())
        .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
        .filter(|&i| score[i] > 0)
        .unwrap_or(0);
    with_siblings(nodes, &score, best)
}

/// The main container and, in page order, its siblings of the same element that carry text
/// of their own — readability's sibling step. A body split over several containers (the
/// sections of a Word page saved as HTML, `WordSection1` and `WordSection2`, or a page
/// split into page `div`s) is read whole. A sibling needs a paragraph (`p`) of its own
/// holding [`SIBLING_MIN`] characters of text outside links, so breadcrumbs, a caption or a
/// source line stay out while a short section (the covering notice before a section break,
/// a last article on a section of its own) comes in.
fn with_siblings(nodes: &[Node], score: &[usize], best: usize) -> Vec<usize> {
    let Some(parent) = nodes[best].parent else {
        return vec![best];
    };
    let paragraphs = |k: usize| {
        nodes[k]
            .children
            .iter()
            .filter(|c| matches!(c, Child::Node(j) if nodes[*j].name == "p"))
            .count()
    };
    nodes[parent]
        .children
        .iter()
        .filter_map(|c| match c {
            Child::Node(k) => Some(*k),
            Child::Text(_) | Child::Void(..) => None,
        })
        .filter(|&k| {
            k == best
                || (nodes[k].name == nodes[best].name
                    && !nodes[k].hidden
                    && !nodes[k].furniture
                    && score[k] >= SIBLING_MIN
                    && paragraphs(k) >= 1)
        })
        .collect()
}

/// The least score (non-space characters) of a sibling read with the main container.
const SIBLING_MIN: usize = 10;

/// The view of a decoded page and, per view byte (plus the end), its decoded offset.
pub fn view_of(page: &str) -> Result<(String, Vec<u32>), FormatError> {
    let nodes = tree(tokens(page)?);
    let main = main_container(page, &nodes);
    let first = main.first().copied().unwrap_or(0);
    let mut out = Out::default();
    // The page's h1 before the main text is its title.
    if let Some(h1) = (1..nodes.len()).find(|&i| {
        nodes[i].name == "h1"
            && !nodes[i].hidden
            && !nodes[i].furniture
            && nodes[i].at < nodes[first].at
    }) && !main.iter().any(|&m| is_inside(&nodes, h1, m))
    {
        out.walk(page, &nodes, h1);
        out.newline(nodes[first].at);
    }
    for &m in &main {
        // A sibling starts on a line of its own.
        out.newline(nodes[m].at);
        out.walk(page, &nodes, m);
    }
    out.trim_end();
    let end = page.len() as u32;
    out.map.push(end);
    Ok((out.text, out.map))
}

fn is_inside(nodes: &[Node], i: usize, ancestor: usize) -> bool {
    let mut at = Some(i);
    while let Some(a) = at {
        if a == ancestor {
            return true;
        }
        at = nodes[a].parent;
    }
    false
}

/// The view being written, with its map.
#[derive(Debug, Default)]
struct Out {
    text: String,
    map: Vec<u32>,
    /// A collapsed white space run is pending (written before the next text).
    space: Option<usize>,
}

impl Out {
    fn push(&mut self, c: char, at: usize) {
        let n = c.len_utf8();
        self.text.push(c);
        self.map.extend(std::iter::repeat_n(at as u32, n));
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// End the current line (no empty lines from nested blocks).
    fn newline(&mut self, at: usize) {
        self.space = None;
        if !self.at_line_start() {
            self.trim_line_end();
            self.push('\n', at);
        }
    }

    /// A `<br>`: always a line break, but never more than one blank line.
    fn hard_break(&mut self, at: usize) {
        self.space = None;
        self.trim_line_end();
        if !self.text.ends_with("\n\n") && !self.text.is_empty() {
            self.push('\n', at);
        }
    }

    fn trim_line_end(&mut self) {
        while self.text.ends_with([' ', '\t']) {
            self.text.pop();
            self.map.pop();
        }
    }

    fn trim_end(&mut self) {
        while self.text.ends_with(['\n', ' ', '\t']) {
            self.text.pop();
            self.map.pop();
        }
    }

    /// Text from the page, character references decoded, white space collapsed.
    fn text(&mut self, page: &str, range: Range<usize>, pre: bool) {
        let s = &page[range.clone()];
        let mut i = 0;
        while i < s.len() {
            let at = range.start + i;
            let rest = &s[i..];
            let (decoded, len): (std::borrow::Cow<'_, str>, usize) = if rest.starts_with('&') {
                match reference(rest) {
                    Some((chars, len)) => (chars.into(), len),
                    None => ("&".into(), 1),
                }
            } else {
                let c = rest.chars().next().unwrap_or(' ');
                (rest[..c.len_utf8()].into(), c.len_utf8())
            };
            for c in decoded.chars() {
                if pre && c == '\n' {
                    self.hard_break(at);
                } else if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                    if self.space.is_none() {
                        self.space = Some(at);
                    }
                } else {
                    if let Some(sp) = self.space.take()
                        && !self.at_line_start()
                    {
                        self.push(' ', sp);
                    }
                    self.push(c, at);
                }
            }
            i += len;
        }
    }

    /// Write the text of node `i` and its descendants.
    fn walk(&mut self, page: &str, nodes: &[Node], i: usize) {
        enum Step {
            Enter(usize),
            Leave(usize),
            Text(Range<usize>),
            Break(usize),
            Block(usize),
        }
        let mut todo = vec![Step::Enter(i)];
        let mut pre = 0usize;
        while let Some(step) = todo.pop() {
            match step {
                Step::Enter(k) => {
                    let n = &nodes[k];
                    if n.hidden || (n.furniture && k != i) {
                        continue;
                    }
                    let name = n.name.as_str();
                    if BLOCKS.contains(&name) {
                        self.newline(n.at);
                    } else if matches!(name, "td" | "th") && !self.at_line_start() {
                        self.space = None;
                        self.trim_line_end();
                        self.push('\t', n.at);
                    }
                    if name == "pre" {
                        pre += 1;
                    }
                    todo.push(Step::Leave(k));
                    for c in n.children.iter().rev() {
                        todo.push(match c {
                            Child::Node(j) => Step::Enter(*j),
                            Child::Text(r) => Step::Text(r.clone()),
                            Child::Void(name, at) if name == "br" => Step::Break(*at),
                            Child::Void(name, at) if BLOCKS.contains(&name.as_str()) => {
                                Step::Block(*at)
                            }
                            Child::Void(_, at) => Step::Text(*at..*at),
                        });
                    }
                }
                Step::Text(r) => self.text(page, r, pre > 0),
                Step::Break(at) => self.hard_break(at),
                Step::Block(at) => self.newline(at),
                Step::Leave(k) => {
                    let n = &nodes[k];
                    if n.name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if BLOCKS.contains(&n.name.as_str()) {
                        let end = self.map.last().map_or(n.at, |&m| m as usize);
                        self.newline(end);
                    }
                }
            }
        }
    }
}

/// A character reference at the start of `s` (`&ldquo;`, `&nbsp`, `&#8220;`, `&#x201C;`):
/// the characters it stands for and its length.
fn reference(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 2),
            None => (num, 10, 1),
        };
        let len = digits
            .chars()
            .take_while(|c| c.is_digit(radix))
            .count()
            .min(8);
        if len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..len], radix).ok()?;
        let c = char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}');
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c.to_string(), 1 + skip + len + semi));
    }
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (e.entity, e.characters))
            .collect()
    });
    let name_len = body
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count()
        .min(40);
    // The longest known name, with its semicolon, then without (legacy `&nbsp`).
    for len in (1..=name_len).rev() {
        if body[len..].starts_with(';')
            && let Some(c) = table.get(&s[..len + 2])
        {
            return Some(((*c).to_string(), len + 2));
        }
        if let Some(c) = table.get(&s[..len + 1]) {
            return Some(((*c).to_string(), len + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市办法_政府网</title>
<style>p { margin: 0 }</style><script>var x = "<p>第九条</p>";</script></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zw/">政务公开</a></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; 政策文件</div>
<table class="meta"><tr><td>索引号：</td><td>0001/2024-1</td></tr></table>
<h1>某市河湖管理办法</h1>
<div class="article_body">
<p>&emsp;&emsp;第一条　为了加强河湖管理，制定本办法。</p>
<p>&nbsp;&nbsp;第二条　本办法适用于&ldquo;本市&rdquo;行政区域。<p>第三条　市水利局负责
   组织实施。
<p style="text-indent:2em">第四条　有下列情形之一的：<br/>（一）擅自占用河道；<br>（二）倾倒垃圾。</p>
</div>
<div class="footer"><p>版权所有：某市人民政府</p><p>网站标识码：0000000000</p></div>
</body></html>"#;

    #[test]
    fn the_main_text_is_the_body_container() {
        let (text, map) = view_of(PAGE).unwrap();
        assert_eq!(
            text,
            "某市河湖管理办法\n\u{2003}\u{2003}第一条　为了加强河湖管理，制定本办法。\n\u{a0}\u{a0}第二条　本办法适用于“本市”行政区域。\n第三条　市水利局负责 组织实施。\n第四条　有下列情形之一的：\n（一）擅自占用河道；\n（二）倾倒垃圾。"
        );
        assert_eq!(map.len(), text.len() + 1);
        // Every character of the view maps to where it stands in the page.
        let at = |needle: &str| map[text.find(needle).unwrap()] as usize;
        assert!(PAGE[at("第三条")..].starts_with("第三条"));
        assert!(PAGE[at("“本市")..].starts_with("&ldquo;"));
        assert!(PAGE[at("（二）")..].starts_with("（二）"));
    }

    #[test]
    fn a_body_split_over_sibling_sections_is_read_whole() {
        // Word's "save as web page": one div per section of the document. The larger
        // section wins the scoring; its sibling section is part of the same body, while a
        // short source line beside them is not.
        let page = r#"<html><body><div class="nav"><a href="/">首页</a></div>
<h1>某县农村公路养护办法</h1>
<div class="TRS_Editor">
<div class="WordSection1"><p>第一条　为了加强农村公路养护，保障通行安全，制定本办法。</p>
<p>第二条　县交通运输局负责全县农村公路养护的监督管理。</p></div>
<div class="WordSection2"><p>第三条　乡镇人民政府负责本行政区域内乡道、村道的日常养护，建立养护巡查制度，每月至少巡查一次，发现路面损坏、边坡塌方、排水不畅的，及时组织处置。</p>
<p>第四条　村民委员会应当协助做好村道养护，组织村民参与路面保洁、边沟疏通和行道树管护，劝阻在公路用地范围内堆放物品、挖沟引水等行为。</p>
<p>第五条　违反本办法规定的，由县交通运输局责令改正；情节严重的，对负有责任的领导人员和直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。</p>
<p>第六条　本办法自发布之日起施行，原《某县乡村道路管理暂行办法》同时废止。</p></div>
<div class="WordSection3">来源：县政府办</div>
<div class="WordSection4"><p>第七条　本县其他道路的养护参照本办法执行。</p></div>
</div></body></html>"#;
        let (text, map) = view_of(page).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 8, "{text}");
        assert_eq!(lines[0], "某县农村公路养护办法");
        assert!(lines[1].starts_with("第一条"));
        assert!(lines[6].starts_with("第六条"));
        assert!(lines[7].starts_with("第七条"));
        assert!(!text.contains("来源"));
        let second = map[text.find("第二条").unwrap()] as usize;
        assert!(page[second..].starts_with("第二条"));
    }

    #[test]
    fn the_declared_charset_decodes_the_page() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><div><p>第一条　总则。</p><p>第二条　施行。</p></div></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let v = read(&bytes).unwrap();
        assert_eq!(v.encoding, Some("GB18030"));
        assert_eq!(v.text, "第一条　总则。\n第二条　施行。");
        let Some(OffsetMap::Table(t)) = &v.map else {
            panic!("no map")
        };
        let second = v.text.find("第二条").unwrap();
        let at = t[second] as usize;
        assert_eq!(&bytes[at..at + 2], &encoding_rs::GBK.encode("第").0[..]);
    }

    #[test]
    fn references() {
        assert_eq!(reference("&amp;x"), Some(("&".into(), 5)));
        assert_eq!(reference("&nbspx"), Some(("\u{a0}".into(), 5)));
        assert_eq!(reference("&#x4E00;"), Some(("一".into(), 8)));
        assert_eq!(reference("&#20108"), Some(("二".into(), 7)));
        assert_eq!(reference("&zzz;"), None);
    }
}
