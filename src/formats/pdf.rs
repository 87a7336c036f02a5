//! PDF: the text layer, page by page, through poppler's `pdftotext -raw`.
//!
//! Why poppler: Chinese official PDFs use predefined CMaps (GBK-EUC-H, UniGB-UCS2-H) and
//! subset CID fonts; poppler with its `poppler-data` package decodes them all, in content
//! stream order (`-raw`), which is the reading order of a drafted document. The pure-Rust
//! readers either panic on those CMaps (pdf-extract) or are a build several times the size
//! of gongwen's (pdf_oxide). `pdftotext` is found on `PATH` or named by the environment
//! variable `GONGWEN_PDFTOTEXT`; without it a PDF gets an `unsupported-format` record that
//! says what to install.
//!
//! The text is then made a view ([`view_of_pages`], pure): pages split at form feeds, page
//! numbers (`— 3 —`, `- 3 -`, `第3页`, `3/10`) and running headers or footers (the same line
//! at the top or bottom of most pages) dropped, each line located as `page N`. Wrapped
//! lines stay as they are: the line model re-joins them as it re-joins any wrapped text. A
//! PDF whose pages carry no text (a scan) is `no-text`.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use regex::Regex;

use super::{Format, FormatError, TextView, ViewLine};

/// Environment variable naming the `pdftotext` binary.
pub const PDFTOTEXT_VAR: &str = "GONGWEN_PDFTOTEXT";

/// How long `pdftotext` may run on one file.
const TOOL_TIMEOUT: Duration = Duration::from_secs(120);

/// Most bytes of text taken from one PDF.
const MAX_TEXT: u64 = 256 << 20;

/// What to install when `pdftotext` is missing.
const INSTALL: &str = "reading PDF needs poppler's pdftotext: install poppler-utils and poppler-data (Debian/Ubuntu: `apt-get install poppler-utils poppler-data`; macOS: `brew install poppler`), or name the binary in GONGWEN_PDFTOTEXT";

/// Read a PDF into its view.
pub fn read(bytes: &[u8]) -> Result<TextView, FormatError> {
    let text = pdftotext(bytes)?;
    view_of_pages(&text)
}

/// The view of `pdftotext -raw` output (pages separated by form feeds).
pub fn view_of_pages(text: &str) -> Result<TextView, FormatError> {
    let pages: Vec<Vec<ViewLine>> = text
        .split('\u{c}')
        .enumerate()
        .map(|(k, p)| {
            p.lines()
                .map(|l| ViewLine {
                    text: l.trim_end().to_string(),
                    locator: format!("page {}", k + 1),
                    numbering: 0,
                })
                .collect()
        })
        .collect();
    lay_out(Format::Pdf, pages)
}

/// The view of laid-out pages (PDF, OFD): empty lines, page numbers and running headers or
/// footers dropped; `no-text` when no page has text.
pub fn lay_out(format: Format, mut pages: Vec<Vec<ViewLine>>) -> Result<TextView, FormatError> {
    for page in &mut pages {
        page.retain(|l| !l.text.trim().is_empty());
    }
    let no_text = || {
        FormatError::NoText(format!(
            "the {} has no text layer (a scan?): run OCR over it first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`",
            format.name()
        ))
    };
    if pages.iter().all(Vec::is_empty) {
        return Err(no_text());
    }
    let furniture = running_lines(&pages);
    let mut lines = Vec::new();
    for page in pages {
        let last = page.len().saturating_sub(1);
        for (i, line) in page.into_iter().enumerate() {
            let edge = i < 2 || i + 2 > last;
            if is_page_number(&line.text) || (edge && furniture.contains_key(&shape(&line.text))) {
                continue;
            }
            lines.push(line);
        }
    }
    // Page numbers and running headers alone are no text either.
    if lines.is_empty() {
        return Err(no_text());
    }
    Ok(TextView::of_lines(format, lines))
}

/// A line's shape for comparing running headers: digits folded (page numbers differ).
fn shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Lines that stand at the top or bottom of at least half the pages (three or more pages).
fn running_lines(pages: &[Vec<ViewLine>]) -> HashMap<String, usize> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    if pages.len() < 3 {
        return seen;
    }
    for page in pages {
        let mut edges: Vec<String> = page.iter().take(2).map(|l| shape(&l.text)).collect();
        edges.extend(page.iter().rev().take(2).map(|l| shape(&l.text)));
        edges.sort();
        edges.dedup();
        for e in edges {
            *seen.entry(e).or_default() += 1;
        }
    }
    seen.retain(|_, n| *n * 2 >= pages.len());
    seen
}

/// A page number on a line of its own: `— 3 —`, `- 3 -`, `3`, `第 3 页`, `3/10`, `Page 3`.
pub(crate) fn is_page_number(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[\s\-—–－~·]*(?:第\s*)?(?:[Pp]age\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4}|of\s*\d{1,4})?(?:\s*共\s*\d{1,4}\s*页)?[\s\-—–－~·]*$")
            .expect("page number pattern")
    });
    re.is_match(line.trim())
}

/// The `pdftotext` binary: the one named by [`PDFTOTEXT_VAR`], else `pdftotext` on `PATH`.
fn program() -> std::ffi::OsString {
    std::env::var_os(PDFTOTEXT_VAR).unwrap_or_else(|| "pdftotext".into())
}

/// Whether PDF can be read here: `pdftotext` runs (PDF support is optional: without the
/// tool a PDF gets an `unsupported-format` record that says what to install).
pub fn available() -> bool {
    Command::new(program())
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Run `pdftotext -raw` over the bytes (on its standard input), under a time limit.
fn pdftotext(bytes: &[u8]) -> Result<String, FormatError> {
    let program = program();
    let mut child = Command::new(&program)
        .args(["-raw", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => FormatError::Tool(INSTALL.into()),
            _ => FormatError::Tool(format!("cannot run pdftotext: {e}")),
        })?;
    // Feed and drain on threads of their own: either pipe may fill while the other waits.
    let mut stdin = child.stdin.take();
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || {
        if let Some(s) = stdin.as_mut() {
            // A PDF pdftotext stops reading early is reported through its exit status.
            let _ = s.write_all(&input);
        }
    });
    let stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(s) = stdout {
            let _ = s.take(MAX_TEXT + 1).read_to_end(&mut out);
        }
        out
    });
    let stderr = child.stderr.take();
    let errors = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(s) = stderr {
            let _ = s.take(64 * 1024).read_to_end(&mut out);
        }
        out
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TOOL_TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(FormatError::TooLarge(format!(
                    "pdftotext took longer than {} s on this PDF",
                    TOOL_TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(FormatError::Tool(format!("pdftotext: {e}"))),
        }
    };
    let _ = feeder.join();
    let out = reader.join().unwrap_or_default();
    let err = errors.join().unwrap_or_default();
    if out.len() as u64 > MAX_TEXT {
        return Err(FormatError::TooLarge(format!(
            "the PDF's text is larger than {MAX_TEXT} bytes"
        )));
    }
    if !status.success() {
        let why = String::from_utf8_lossy(&err);
        let why = why.lines().last().unwrap_or("").trim();
        return Err(FormatError::malformed(
            Format::Pdf,
            format!("pdftotext cannot read it ({status}): {why}"),
        ));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorKind;

    #[test]
    fn page_numbers_and_running_lines_are_dropped() {
        let page = |n: u32, body: &str| format!("某市人民政府公报\n{body}\n— {n} —\n");
        let text = [
            page(1, "第一条　为了规范管理，\n制定本办法。"),
            page(2, "第二条　本办法适用于全市。"),
            page(3, "第三条　本办法自发布之日起施行。"),
        ]
        .join("\u{c}");
        let v = view_of_pages(&text).unwrap();
        assert_eq!(
            v.text,
            "第一条　为了规范管理，\n制定本办法。\n第二条　本办法适用于全市。\n第三条　本办法自发布之日起施行。"
        );
        assert_eq!(v.locators, ["page 1", "page 1", "page 2", "page 3"]);
        assert!(v.map.is_none());
    }

    #[test]
    fn page_number_shapes() {
        for l in [
            "— 12 —",
            "- 3 -",
            "3",
            "第 3 页",
            "3/10",
            "第2页 共5页",
            "Page 4",
        ] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["第3条", "2023年", "一、总则", "3．加强领导"] {
            assert!(!is_page_number(l), "{l}");
        }
    }

    #[test]
    fn pages_without_text_are_no_text() {
        let e = view_of_pages("\u{c}\n\u{c}  \u{c}").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NoText);
        // Found by the `layout` fuzz target: pages that hold only their numbers.
        let e = view_of_pages("— 1 —\n\u{c}— 2 —\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NoText);
    }
}
