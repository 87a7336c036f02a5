//! OFD (GB/T 33190-2016): a zip of XML parts; the text of every page, in the order it
//! is drawn.
//!
//! `OFD.xml` names each document's root (`DocBody/DocRoot`, e.g. `Doc_0/Document.xml`),
//! which lists its pages (`Pages/Page@BaseLoc`, relative to the document's folder or, with
//! a leading `/`, to the package). A page's content (`Content.xml`) draws text with
//! `TextObject`s (a `Boundary` "x y w h" in millimetres) holding `TextCode`s (an `X`/`Y`
//! offset inside the boundary, and the characters). Text codes on one baseline make a
//! line, in drawing order — which is reading order for a drafted document, as in PDF; a
//! new baseline starts a new line. Templates (running headers drawn on every page) are
//! not read; page numbers and running lines on the pages themselves are dropped as in PDF.
//! Each line is located as `Doc_0/Pages/Page_0/Content.xml#t17` (the ID of its first text
//! object).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::container::{Archive, MAX_DEPTH, attr, dtd_refused, general_ref, local, tag};
use super::pdf::lay_out;
use super::{Format, FormatError, TextView, ViewLine};

/// Most pages read from one document.
const MAX_PAGES: usize = 100_000;

/// Read an OFD package into its view.
pub fn read(bytes: &[u8]) -> Result<TextView, FormatError> {
    let mut zip = Archive::open(bytes, Format::Ofd)?;
    let bad = |m: String| FormatError::malformed(Format::Ofd, m);
    let Some(root) = read_text(&mut zip, "OFD.xml")? else {
        return Err(bad("it has no OFD.xml".into()));
    };
    let doc_roots = texts_of(&root, "DocRoot").map_err(bad)?;
    if doc_roots.is_empty() {
        return Err(bad("OFD.xml names no DocRoot".into()));
    }
    let mut pages = Vec::new();
    for doc_root in doc_roots {
        let doc_path = resolve("", &doc_root);
        let Some(document) = read_text(&mut zip, &doc_path)? else {
            return Err(bad(format!("the document {doc_path} is missing")));
        };
        let dir = doc_path.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let page_locs = page_locations(&document).map_err(bad)?;
        for loc in page_locs.into_iter().take(MAX_PAGES) {
            let path = resolve(&dir, &loc);
            let Some(content) = read_text(&mut zip, &path)? else {
                return Err(bad(format!("the page {path} is missing")));
            };
            pages.push(page_lines(&content, &path).map_err(bad)?);
        }
    }
    lay_out(Format::Ofd, pages)
}

/// XML part `name` as text.
fn read_text(zip: &mut Archive<'_>, name: &str) -> Result<Option<String>, FormatError> {
    match zip.read_xml(name)? {
        None => Ok(None),
        Some(bytes) => String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| FormatError::malformed(Format::Ofd, format!("{name} is not UTF-8 XML"))),
    }
}

/// `loc` resolved against folder `dir` of the package (`/` = from the package root).
fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim();
    let joined = match loc.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => loc.to_string(),
        None => format!("{dir}/{loc}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// One step of a walk through XML.
enum Item<'a, 'e> {
    Start(&'a str, &'a BytesStart<'e>),
    Text(&'a str),
    End(&'a str),
}

/// Walk `xml`, calling `f` on every start tag (with its local name), text run and end tag;
/// bounded nesting.
fn walk(xml: &str, mut f: impl FnMut(Item<'_, '_>)) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut depth = 0usize;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!("XML nests deeper than {MAX_DEPTH} elements"));
                }
                f(Item::Start(tag(&e), &e));
            }
            Event::Empty(e) => {
                let name = tag(&e);
                f(Item::Start(name, &e));
                f(Item::End(name));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(Item::End(local(e.name().0)));
            }
            Event::Text(t) => {
                let s: &str = &t;
                f(Item::Text(s));
            }
            Event::CData(t) => {
                let s: &str = &t;
                f(Item::Text(s));
            }
            Event::GeneralRef(r) => f(Item::Text(&general_ref(&r))),
            Event::DocType(_) => return Err(dtd_refused("the part")),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The text of every element named `name`.
fn texts_of(xml: &str, name: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut inside = false;
    walk(xml, |item| match item {
        Item::Start(n, _) => {
            inside = n == name;
            if inside {
                out.push(String::new());
            }
        }
        Item::Text(t) => {
            if let (true, Some(last)) = (inside, out.last_mut()) {
                last.push_str(t);
            }
        }
        Item::End(n) => {
            if n == name {
                inside = false;
            }
        }
    })?;
    Ok(out)
}

/// The `BaseLoc` of every page of a document, in order.
fn page_locations(document: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut in_pages = 0usize;
    walk(document, |item| match item {
        Item::Start("Pages", _) => in_pages += 1,
        Item::Start("Page", e) if in_pages > 0 => {
            if let Some(loc) = attr(e, "BaseLoc") {
                out.push(loc);
            }
        }
        Item::End("Pages") => in_pages = in_pages.saturating_sub(1),
        _ => {}
    })?;
    Ok(out)
}

/// Numbers of an attribute (`Boundary="10 20 100 5"`).
fn numbers(s: Option<String>) -> Vec<f64> {
    s.map(|s| {
        s.split_whitespace()
            .filter_map(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
            .collect()
    })
    .unwrap_or_default()
}

/// The text lines of one page's content, in drawing order.
fn page_lines(content: &str, path: &str) -> Result<Vec<ViewLine>, String> {
    // (baseline y, text, object id) per text code.
    let mut codes: Vec<(f64, String, String)> = Vec::new();
    let mut object: Option<(f64, f64, String)> = None; // origin y, font size, id
    let mut in_code = false;
    let mut count = 0usize;
    walk(content, |item| match item {
        Item::Start("TextObject", e) => {
            count += 1;
            let b = numbers(attr(e, "Boundary"));
            let size = numbers(attr(e, "Size")).first().copied().unwrap_or(3.5);
            let id = attr(e, "ID").unwrap_or_else(|| count.to_string());
            object = Some((b.get(1).copied().unwrap_or(0.0), size, id));
        }
        Item::Start("TextCode", e) => {
            in_code = true;
            let (oy, _, id) = object.clone().unwrap_or((0.0, 3.5, count.to_string()));
            let y = numbers(attr(e, "Y")).first().copied().unwrap_or(0.0);
            codes.push((oy + y, String::new(), id));
        }
        Item::Text(t) if in_code => {
            if let Some(last) = codes.last_mut() {
                last.1.push_str(t);
            }
        }
        Item::End("TextCode") => in_code = false,
        Item::End("TextObject") => object = None,
        _ => {}
    })?;
    let mut lines: Vec<ViewLine> = Vec::new();
    let mut baseline: Option<f64> = None;
    for (y, text, id) in codes {
        // A new baseline (more than a millimetre away) starts a new line.
        let same = baseline.is_some_and(|b| (b - y).abs() <= 1.0);
        match lines.last_mut() {
            Some(line) if same => line.text.push_str(&text),
            _ => lines.push(ViewLine {
                text,
                locator: format!("{path}#t{id}"),
                numbering: 0,
            }),
        }
        baseline = Some(y);
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_codes_on_one_baseline_make_a_line() {
        let content = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">
          <ofd:TextObject ID="5" Boundary="25 30 160 6" Font="2" Size="4.2"><ofd:TextCode X="0" Y="4.5">第一条</ofd:TextCode></ofd:TextObject>
          <ofd:TextObject ID="6" Boundary="42 30 140 6" Font="2" Size="4.2"><ofd:TextCode X="0" Y="4.5">　为了规范&amp;管理，</ofd:TextCode></ofd:TextObject>
          <ofd:TextObject ID="7" Boundary="25 38 160 6" Font="2" Size="4.2"><ofd:TextCode X="0" Y="4.5">制定本办法。</ofd:TextCode></ofd:TextObject>
        </ofd:Layer></ofd:Content></ofd:Page>"#;
        let lines = page_lines(content, "Doc_0/Pages/Page_0/Content.xml").unwrap();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["第一条　为了规范&管理，", "制定本办法。"]);
        assert_eq!(lines[1].locator, "Doc_0/Pages/Page_0/Content.xml#t7");
    }

    #[test]
    fn locations_resolve_inside_the_package() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
        assert_eq!(resolve("Doc_0", "../x/../Doc_1/a.xml"), "Doc_1/a.xml");
        assert_eq!(resolve("", "Doc_0/Document.xml"), "Doc_0/Document.xml");
    }
}
