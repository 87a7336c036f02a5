//! DOCX (Office Open XML): the body of `word/document.xml` as text, numbering included.
//!
//! Paragraphs and table rows in reading order, one line each (a row's cells joined by a
//! tab, a manual line break `w:br` starting a new line). Tracked changes in their accepted
//! form (deletions and moved-away text dropped, insertions kept); a text box once (of
//! `mc:AlternateContent`, the first choice, never the fallback copy); hidden text
//! (`w:vanish`) and field codes left out; headers, footers, footnotes and comments are not
//! part of the body and not read.
//!
//! A numbered paragraph — `w:numPr` on the paragraph, or on its style or a style it is
//! based on — starts with its label as Word displays it ([`numbering`]), then the level's
//! suffix. Each line is located as `word/document.xml#pN` (the N-th paragraph).

pub mod numbering;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use self::numbering::{Counter, Definitions};
use super::container::{
    Archive, MAX_DEPTH, attr, attr_ref, dtd_refused, general_ref, general_ref_char, local, tag,
};
use super::{Format, FormatError, LinesView, TextView};

const DOCUMENT: &str = "word/document.xml";

/// Read a Word document into its view.
pub fn read(bytes: &[u8]) -> Result<TextView, FormatError> {
    let mut zip = Archive::open(bytes, Format::Docx)?;
    let Some(document) = zip.read_xml(DOCUMENT)? else {
        return Err(FormatError::malformed(
            Format::Docx,
            "it has no word/document.xml",
        ));
    };
    let numbering = zip.read_xml("word/numbering.xml")?;
    let bad = |m: String| FormatError::malformed(Format::Docx, m);
    let defs = match &numbering {
        Some(x) => Definitions::parse(x).map_err(bad)?,
        None => Definitions::default(),
    };
    // Styles matter only for the numbering they give: without numbering definitions, or
    // without a paragraph style in the body and a list style (`w:numStyleLink`) in the
    // definitions, the styles part is not read.
    let styles = if numbering.is_some()
        && (memchr::memmem::find(&document, b"pStyle").is_some() || defs.links_styles())
    {
        styles_of(&mut zip)?
    } else {
        Arc::new(Styles::default())
    };
    let view = Body::new(&defs, &styles).read(&document).map_err(bad)?;
    Ok(view.finish(Format::Docx))
}

/// Parsed styles parts by CRC-32 and size: the documents of one office share a template,
/// whose styles part is often a few hundred kilobytes — inflated and parsed once.
static STYLES: Mutex<Option<StyleCache>> = Mutex::new(None);

/// Parsed styles parts by the CRC-32 and size of their part.
type StyleCache = HashMap<(u32, u64), Arc<Styles>>;

/// Most templates kept in [`STYLES`].
const STYLE_CACHE: usize = 64;

/// The paragraph styles of the package (parsed once per distinct styles part).
fn styles_of(zip: &mut Archive<'_>) -> Result<Arc<Styles>, FormatError> {
    const PART: &str = "word/styles.xml";
    let Some(key) = zip.digest(PART) else {
        return Ok(Arc::new(Styles::default()));
    };
    let cached = |k| STYLES.lock().ok()?.as_ref()?.get(&k).cloned();
    if let Some(s) = cached(key) {
        return Ok(s);
    }
    let xml = zip.read_xml(PART)?.unwrap_or_default();
    let styles =
        Arc::new(Styles::parse(&xml).map_err(|m| FormatError::malformed(Format::Docx, m))?);
    if let Ok(mut guard) = STYLES.lock() {
        let map = guard.get_or_insert_with(HashMap::new);
        if map.len() >= STYLE_CACHE {
            map.clear();
        }
        map.insert(key, Arc::clone(&styles));
    }
    Ok(styles)
}

/// The view of a document from its parts' XML (pure: the fuzzers' entry point).
pub fn view_of_parts(
    document: &str,
    numbering: Option<&str>,
    styles: Option<&str>,
) -> Result<TextView, FormatError> {
    let bad = |m: String| FormatError::malformed(Format::Docx, m);
    let defs = match numbering {
        Some(x) => Definitions::parse(x.as_bytes()).map_err(bad)?,
        None => Definitions::default(),
    };
    let styles = match styles {
        Some(x) => Styles::parse(x.as_bytes()).map_err(bad)?,
        None => Styles::default(),
    };
    let view = Body::new(&defs, &styles)
        .read(document.as_bytes())
        .map_err(bad)?;
    Ok(view.finish(Format::Docx))
}

/// A paragraph style's numbering and parent.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The paragraph styles of `styles.xml`.
#[derive(Debug, Clone, Default)]
struct Styles {
    styles: foldhash::HashMap<String, Style>,
    default: Option<String>,
    /// Per style whose own or inherited properties number its paragraphs: (numId, ilvl).
    numbered: foldhash::HashMap<String, (Option<String>, Option<usize>)>,
}

impl Styles {
    fn parse(xml: &[u8]) -> Result<Self, String> {
        let mut out = Styles::default();
        if memchr::memmem::find(xml, b"numPr").is_none() {
            // No style carries numbering: nothing here can number a paragraph.
            return Ok(out);
        }
        let mut reader = Reader::from_reader(xml);
        let mut current: Option<String> = None;
        let mut depth = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("word/styles.xml: {e}"))?;
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    if matches!(event, Event::Start(_)) {
                        depth += 1;
                        if depth > MAX_DEPTH {
                            return Err(format!(
                                "word/styles.xml nests deeper than {MAX_DEPTH} elements"
                            ));
                        }
                    }
                    match tag(e) {
                        "style" => {
                            let id = attr(e, "styleId").unwrap_or_default();
                            if attr_ref(e, "default").as_deref() == Some("1")
                                && attr_ref(e, "type").as_deref() == Some("paragraph")
                            {
                                out.default = Some(id.clone());
                            }
                            out.styles.entry(id.clone()).or_default();
                            current = Some(id);
                        }
                        name => {
                            if let Some(s) = current.as_ref().and_then(|id| out.styles.get_mut(id))
                            {
                                match name {
                                    "basedOn" => s.based_on = attr(e, "val"),
                                    "numId" => s.num_id = attr(e, "val"),
                                    "ilvl" => {
                                        s.ilvl = attr_ref(e, "val").and_then(|v| v.parse().ok());
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    if local(e.name().0) == "style" {
                        current = None;
                    }
                }
                Event::DocType(_) => return Err(dtd_refused("word/styles.xml")),
                Event::Eof => break,
                _ => {}
            }
        }
        out.numbered = out
            .styles
            .keys()
            .filter_map(|id| {
                let resolved = out.resolve(id);
                (resolved.0.is_some() || resolved.1.is_some()).then(|| (id.clone(), resolved))
            })
            .collect();
        Ok(out)
    }

    /// The numbering a style gives its paragraphs (numId, ilvl), resolved at parse time.
    fn numbering(&self, id: &str) -> (Option<&str>, Option<usize>) {
        self.numbered
            .get(id)
            .map_or((None, None), |(n, l)| (n.as_deref(), *l))
    }

    /// The numbering a style gives its paragraphs, following `w:basedOn` (numId, ilvl).
    fn resolve(&self, id: &str) -> (Option<String>, Option<usize>) {
        let (mut num, mut lvl) = (None, None);
        let mut at = Some(id.to_string());
        for _ in 0..32 {
            let Some(s) = at.as_ref().and_then(|id| self.styles.get(id)) else {
                break;
            };
            if num.is_none() {
                num.clone_from(&s.num_id);
            }
            if lvl.is_none() {
                lvl = s.ilvl;
            }
            at.clone_from(&s.based_on);
        }
        (num, lvl)
    }
}

/// A paragraph being read (its buffers are taken up again by a later paragraph).
#[derive(Debug, Default)]
struct Para {
    /// 1-based index among the document's paragraphs.
    index: usize,
    text: String,
    /// `w:pStyle`, when `has_style`.
    style: String,
    has_style: bool,
    /// `w:numId`, when `has_num`.
    num_id: String,
    has_num: bool,
    ilvl: Option<usize>,
    /// Inside a part that is not shown (the fallback copy of a text box, a deletion).
    unseen: bool,
}

impl Para {
    fn style(&self) -> Option<&str> {
        self.has_style.then_some(self.style.as_str())
    }

    fn num_id(&self) -> Option<&str> {
        self.has_num.then_some(self.num_id.as_str())
    }
}

/// Set `to` to the value of attribute `w:val` of `e` (`false` when there is none, as `attr`
/// gives `None`), reusing the buffer.
fn set_val(to: &mut String, e: &BytesStart<'_>) -> bool {
    to.clear();
    match attr_ref(e, "val") {
        Some(v) => {
            to.push_str(&v);
            true
        }
        None => false,
    }
}

/// A table row being read: its cells' text.
#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    cell: Option<String>,
    /// Locator and numbering length of its first paragraph.
    first: Option<(usize, u32)>,
}

/// The reader of `word/document.xml`.
struct Body<'a> {
    styles: &'a Styles,
    counter: Counter<'a>,
    defs: &'a Definitions,
    view: LinesView,
    paras: Vec<Para>,
    rows: Vec<Row>,
    /// Finished paragraphs, whose buffers the next ones take up again.
    spare: Vec<Para>,
    /// A finished paragraph's label and text (one buffer for all of them).
    line: String,
    count: usize,
    /// Inside something whose text is not shown (a deletion, a fallback copy).
    skip: usize,
    in_ppr: bool,
    in_rpr: bool,
    in_text: bool,
    hidden: bool,
}

impl<'a> Body<'a> {
    fn new(defs: &'a Definitions, styles: &'a Styles) -> Self {
        Body {
            styles,
            counter: Counter::new(defs),
            defs,
            view: LinesView::default(),
            paras: Vec::new(),
            rows: Vec::new(),
            spare: Vec::new(),
            line: String::new(),
            count: 0,
            skip: 0,
            in_ppr: false,
            in_rpr: false,
            in_text: false,
            hidden: false,
        }
    }

    fn read(mut self, xml: &[u8]) -> Result<LinesView, String> {
        // The text is a fraction of the markup: a sixteenth of it, a line per ~400 bytes.
        self.view = LinesView::with_capacity(xml.len() / 16, xml.len() / 400);
        let mut reader = Reader::from_reader(xml);
        let mut depth = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("{DOCUMENT}: {e}"))?;
            match event {
                Event::Start(e) => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(format!("{DOCUMENT} nests deeper than {MAX_DEPTH} elements"));
                    }
                    self.start(&e, false);
                }
                Event::Empty(e) => self.start(&e, true),
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    self.end(local(e.name().0));
                }
                Event::Text(t) => {
                    let s: &str = &t;
                    self.push_text(s);
                }
                Event::CData(t) => {
                    let s: &str = &t;
                    self.push_text(s);
                }
                Event::GeneralRef(r) => match general_ref_char(&r) {
                    Some(c) => self.push_text(c.encode_utf8(&mut [0; 4])),
                    None => self.push_text(&general_ref(&r)),
                },
                Event::DocType(_) => return Err(dtd_refused(DOCUMENT)),
                Event::Eof => break,
                _ => {}
            }
        }
        // Paragraphs left open by a truncated part still count.
        while !self.paras.is_empty() {
            self.end("p");
        }
        Ok(self.view)
    }

    fn push_text(&mut self, s: &str) {
        if self.in_text
            && self.skip == 0
            && !self.hidden
            && let Some(p) = self.paras.last_mut()
        {
            p.text.push_str(s);
        }
    }

    fn push_char(&mut self, c: char) {
        if self.skip == 0
            && !self.hidden
            && !self.in_ppr
            && let Some(p) = self.paras.last_mut()
        {
            p.text.push(c);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let name = tag(e);
        match name {
            "p" => {
                self.count += 1;
                let mut p = self.spare.pop().unwrap_or_default();
                p.index = self.count;
                p.unseen = self.skip > 0;
                self.paras.push(p);
                if empty {
                    self.end("p");
                }
            }
            "pPr" if !empty => self.in_ppr = true,
            "rPr" if !empty => self.in_rpr = true,
            "r" => self.hidden = false,
            "vanish" if self.in_rpr && !self.in_ppr => self.hidden = numbering::on(e),
            "t" if !empty => self.in_text = true,
            "pStyle" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.has_style = set_val(&mut p.style, e);
                }
            }
            "numId" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.has_num = set_val(&mut p.num_id, e);
                }
            }
            "ilvl" if self.in_ppr => {
                if let Some(p) = self.paras.last_mut() {
                    p.ilvl = attr_ref(e, "val").and_then(|v| v.trim().parse().ok());
                }
            }
            "tab" if !self.in_ppr => self.push_char('\t'),
            // A page or column break is no new line of text.
            "br" | "cr"
                if !self.in_ppr
                    && !matches!(attr_ref(e, "type").as_deref(), Some("page" | "column")) =>
            {
                self.push_char('\n');
            }
            "noBreakHyphen" => self.push_char('-'),
            "del" | "moveFrom" | "Fallback" if !empty => self.skip += 1,
            "tr" if !empty => self.rows.push(Row::default()),
            "tc" if !empty => {
                if let Some(r) = self.rows.last_mut() {
                    r.cell = Some(String::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => {
                if let Some(p) = self.paras.pop() {
                    self.finish(p);
                }
            }
            "pPr" => self.in_ppr = false,
            "rPr" => self.in_rpr = false,
            "r" => self.hidden = false,
            "t" => self.in_text = false,
            "del" | "moveFrom" | "Fallback" => self.skip = self.skip.saturating_sub(1),
            "tc" => {
                if let Some(r) = self.rows.last_mut()
                    && let Some(c) = r.cell.take()
                {
                    r.cells.push(c);
                }
            }
            "tr" => {
                if let Some(r) = self.rows.pop() {
                    let (index, numbering) = r.first.unwrap_or((self.count, 0));
                    let text: Vec<&str> = r.cells.iter().map(|c| c.trim()).collect();
                    self.emit(index, &text.join("\t"), numbering);
                }
            }
            _ => {}
        }
    }

    /// A paragraph is complete: number it and hand it on as line(s) or to its cell.
    fn finish(&mut self, p: Para) {
        if p.unseen {
            return self.recycle(p);
        }
        let styles = self.styles;
        let style = p.style().or(styles.default.as_deref());
        let (style_num, style_lvl) = style.map_or((None, None), |s| styles.numbering(s));
        let num_id = p.num_id().or(style_num);
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        let mut numbered = 0u32;
        if let Some(num) = num_id.filter(|n| *n != "0") {
            let ilvl = p
                .ilvl
                .or(style_lvl)
                .or_else(|| style.and_then(|s| self.defs.level_of_style(num, s)))
                .unwrap_or(0);
            let style_num = |id: &str| styles.numbering(id).0.map(str::to_string);
            if let Some(suffix) = self.counter.next_into(num, ilvl, &style_num, &mut line) {
                numbered = line.len() as u32;
                line.push_str(suffix.as_str());
            }
        }
        line.push_str(&p.text);
        let index = p.index;
        self.recycle(p);
        if let Some(row) = self.rows.last_mut()
            && let Some(cell) = row.cell.as_mut()
        {
            if row.first.is_none() {
                row.first = Some((index, numbered));
            }
            if !cell.is_empty() {
                cell.push(' ');
            }
            for (i, piece) in line.split('\n').enumerate() {
                if i > 0 {
                    cell.push(' ');
                }
                cell.push_str(piece);
            }
        } else {
            let mut numbering = numbered;
            for piece in line.split('\n') {
                self.emit(index, piece, numbering);
                numbering = 0;
            }
        }
        self.line = line;
    }

    /// Keep a finished paragraph's buffers for the next one.
    fn recycle(&mut self, mut p: Para) {
        p.text.clear();
        p.has_style = false;
        p.has_num = false;
        p.ilvl = None;
        self.spare.push(p);
    }

    fn emit(&mut self, index: usize, text: &str, numbering: u32) {
        let mut locator = String::with_capacity(DOCUMENT.len() + 8);
        locator.push_str(DOCUMENT);
        locator.push_str("#p");
        locator.push_str(itoa::Buffer::new().format(index));
        self.view.push(text, locator, numbering);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorKind;

    fn doc(body: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w" xmlns:mc="mc"><w:body>{body}</w:body></w:document>"#
        )
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
      <w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="SubItem"><w:basedOn w:val="Item"/></w:style>
    </w:styles>"#;

    #[test]
    fn numbering_from_paragraphs_and_styles_is_written_out() {
        let body = doc(concat!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="SubItem"/></w:pPr><w:r><w:t>加强领导。</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Item"/></w:pPr><w:r><w:t>压实责任。</w:t></w:r></w:p>"#,
            r#"<w:p><w:pPr><w:pStyle w:val="Item"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号。</w:t></w:r></w:p>"#,
        ));
        let v = view_of_parts(&body, Some(NUMBERING), Some(STYLES)).unwrap();
        assert_eq!(
            v.text,
            "一、总体要求\n（一）加强领导。\n（二）压实责任。\n不编号。"
        );
        assert_eq!(
            v.numbering,
            [
                "一、".len() as u32,
                "（一）".len() as u32,
                "（二）".len() as u32,
                0
            ]
        );
        assert_eq!(v.locators[1], "word/document.xml#p2");
    }

    #[test]
    fn tracked_changes_text_boxes_tables_and_hidden_text() {
        let body = doc(concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:ins><w:r><w:t>插入&amp;</w:t></w:r></w:ins>"#,
            r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>"#,
            r#"<mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
            r#"<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>"#,
        ));
        let v = view_of_parts(&body, None, None).unwrap();
        assert_eq!(
            v.text,
            "保留插入&\n文本框\n\n序号\t名称\n第一行\n第二行\t尾"
        );
        assert!(v.numbering.is_empty());
    }

    #[test]
    fn a_list_style_numbers_paragraphs_that_name_no_style() {
        // Word's list style: definition 1 holds the levels, definition 2 only names the
        // style (numStyleLink), whose numbering is instance 5. No paragraph names a style.
        use std::io::Write;
        let numbering = String::from(
            r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="RuleList"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="RuleList"/></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#,
        );
        let styles = String::from(
            r#"<w:styles xmlns:w="w"><w:style w:type="numbering" w:styleId="RuleList"><w:name w:val="Rule List"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>"#,
        );
        let numbered = |ilvl: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="6"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let document = doc(&[
            r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某镇集市管理规定</w:t></w:r></w:p>"#,
            &numbered(0, "镇人民政府负责集市管理。"),
            &numbered(0, "摊主应当遵守下列规定："),
            &numbered(1, "按指定位置经营；"),
            &numbered(1, "保持摊位整洁。"),
        ]
        .concat());
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        for (name, data) in [
            ("word/document.xml", &document),
            ("word/numbering.xml", &numbering),
            ("word/styles.xml", &styles),
        ] {
            w.start_file(name, opts).unwrap();
            w.write_all(data.as_bytes()).unwrap();
        }
        let bytes = w.finish().unwrap().into_inner();
        let v = read(&bytes).unwrap();
        assert_eq!(
            v.text,
            "某镇集市管理规定\n第一条 镇人民政府负责集市管理。\n第二条 摊主应当遵守下列规定：\n（一）按指定位置经营；\n（二）保持摊位整洁。"
        );
    }

    #[test]
    fn broken_xml_is_malformed() {
        let e = view_of_parts("<w:document><w:body><w:p></w:body>", None, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        let deep = format!("<a>{}", "<b>".repeat(MAX_DEPTH + 5));
        assert_eq!(
            view_of_parts(&deep, None, None).unwrap_err().kind(),
            ErrorKind::Malformed
        );
    }
}
