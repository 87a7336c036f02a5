//! Formats: recognise what a file is from its content and turn it into one text view.
//!
//! Detection looks at the bytes, never at the extension alone: magic numbers (`%PDF-`,
//! the OLE2 and image signatures), the manifest of a zip container (`word/document.xml`
//! is a Word document, `OFD.xml` an OFD, `xl/workbook.xml` a spreadsheet …), the opening of
//! a decoded text (`<!DOCTYPE html`, ATX headings). The name only breaks a tie between
//! plain text and Markdown, which share every byte.
//!
//! Every readable format becomes a [`TextView`]: one line per paragraph, block or table
//! row in reading order, with Word's automatic numbering written out as Word displays it.
//! The later stages (line model, structure, extraction, lint) read the view exactly as
//! they read a text file. The view keeps the way back: a map to the original bytes where
//! the bytes hold the text (text, Markdown, HTML), and a [`TextView::locators`] entry per
//! line where they do not (`word/document.xml#p41`, `page 3`).
//!
//! A recognised format that gongwen does not read (legacy Word, spreadsheets, images …)
//! is a [`FormatError::Unsupported`] naming the format and the way out.

pub mod container;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod ofd;
pub mod pdf;

use thiserror::Error;

use crate::ingest::{self, DecodeError, Decoded, OffsetMap};
use crate::model::ErrorKind;
pub use crate::model::Format;

/// What the bytes of an input are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// A format gongwen reads.
    Readable(Format),
    /// A format gongwen recognises but does not read.
    Unsupported(Unsupported),
}

/// A recognised format that is not read, with what to do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported {
    /// What the file is, for the message (`a legacy Word or WPS document (OLE2)`).
    pub what: &'static str,
    /// The way out (`convert it to .docx: libreoffice --headless --convert-to docx FILE`).
    pub advice: &'static str,
}

const TO_DOCX: &str =
    "convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE`";
const OCR: &str = "run OCR over it first (e.g. `ocrmypdf` for a scan, `tesseract -l chi_sim` for an image) and give gongwen the text";
const UNPACK: &str = "unpack the archive and give gongwen the folder";

/// Why an input could not be turned into a text view.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// The text could not be decoded (binary or undecodable bytes).
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// A recognised format that gongwen does not read.
    #[error("{} is not supported: {}", .0.what, .0.advice)]
    Unsupported(Unsupported),
    /// A broken container: truncated or corrupt zip, invalid XML, missing parts.
    #[error("{format} is damaged: {message}")]
    Malformed {
        /// The format the file claims to be.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The file has no text to read (a scanned PDF, an empty document).
    #[error("{0}")]
    NoText(String),
    /// The container inflates past the limits (a zip bomb, a huge part).
    #[error("{0}")]
    TooLarge(String),
    /// A reader that needs an external tool could not run it.
    #[error("{0}")]
    Tool(String),
}

impl FormatError {
    /// The record's `error.kind`.
    pub fn kind(&self) -> ErrorKind {
        match self {
            FormatError::Decode(DecodeError::Binary(_)) => ErrorKind::Binary,
            FormatError::Decode(_) => ErrorKind::Decode,
            FormatError::Unsupported(_) | FormatError::Tool(_) => ErrorKind::UnsupportedFormat,
            FormatError::Malformed { .. } => ErrorKind::Malformed,
            FormatError::NoText(_) => ErrorKind::NoText,
            FormatError::TooLarge(_) => ErrorKind::TooLarge,
        }
    }

    /// A malformed `format` file.
    pub fn malformed(format: Format, message: impl Into<String>) -> Self {
        FormatError::Malformed {
            format: format_label(format),
            message: message.into(),
        }
    }
}

/// How a format is named in messages.
fn format_label(f: Format) -> &'static str {
    match f {
        Format::Text => "the text file",
        Format::Markdown => "the Markdown file",
        Format::Html => "the HTML page",
        Format::Docx => "the Word document (.docx)",
        Format::Pdf => "the PDF",
        Format::Ofd => "the OFD document",
    }
}

/// One input as text: what every later stage reads.
#[derive(Debug, Clone)]
pub struct TextView {
    /// The format the text came from.
    pub format: Format,
    /// The text: one line per paragraph / block / table row.
    pub text: String,
    /// View offsets → original byte offsets (`None` inside a compressed container).
    pub map: Option<OffsetMap>,
    /// How the original bytes were decoded (`None` for a container: its parts are UTF-8
    /// XML or a binary format of their own).
    pub encoding: Option<&'static str>,
    /// Confidence of the encoding verdict, 0..1.
    pub confidence: f64,
    /// Whether the text started with a byte order mark.
    pub bom: bool,
    /// Replacement characters produced while decoding.
    pub decode_errors: u64,
    /// Per line of the view (index = line − 1): where it sits in the container. Empty
    /// for formats whose view is the file's own text (text, Markdown).
    pub locators: Vec<String>,
    /// Per line of the view: the length in bytes of a marker written from Word's
    /// automatic numbering at its start (0 = none). Empty when no line has one.
    pub numbering: Vec<u32>,
}

impl TextView {
    /// A view of decoded text whose offsets are those of the file.
    pub fn of_decoded(format: Format, d: Decoded) -> Self {
        TextView {
            format,
            text: d.text,
            map: Some(d.map),
            encoding: Some(d.encoding),
            confidence: d.confidence,
            bom: d.bom,
            decode_errors: d.decode_errors,
            locators: Vec::new(),
            numbering: Vec::new(),
        }
    }

    /// A view built from lines of a container, each with its locator and the byte length of
    /// a numbering marker at its start (0 = none).
    pub fn of_lines(format: Format, lines: Vec<ViewLine>) -> Self {
        let mut view =
            LinesView::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum(), lines.len());
        for l in lines {
            view.push(&l.text, l.locator, l.numbering);
        }
        view.finish(format)
    }

    /// The locator of view line `line` (1-based), if the format has locators.
    pub fn locator(&self, line: u64) -> Option<&str> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.locators.get(i).map(String::as_str)
    }

    /// Length in bytes of the numbering marker at the start of view line `line` (1-based).
    pub fn numbering_len(&self, line: u64) -> u32 {
        usize::try_from(line)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|i| self.numbering.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// A container's view written line by line (readers that produce many lines write them
/// here at once instead of collecting [`ViewLine`]s first).
#[derive(Debug, Default)]
pub struct LinesView {
    text: String,
    locators: Vec<String>,
    numbering: Vec<u32>,
}

impl LinesView {
    /// An empty view with room for `bytes` of text and `lines` lines.
    pub fn with_capacity(bytes: usize, lines: usize) -> Self {
        LinesView {
            text: String::with_capacity(bytes),
            locators: Vec::with_capacity(lines),
            numbering: Vec::with_capacity(lines),
        }
    }

    /// Append one line: its text, locator and the byte length of a numbering marker at its
    /// start (0 = none).
    pub fn push(&mut self, line: &str, locator: String, numbering: u32) {
        if !self.locators.is_empty() {
            self.text.push('\n');
        }
        // A line break inside a line would shift every later line against its locator.
        if memchr::memchr2(b'\n', b'\r', line.as_bytes()).is_some() {
            self.text.extend(
                line.chars()
                    .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }),
            );
        } else {
            self.text.push_str(line);
        }
        self.locators.push(locator);
        self.numbering.push(numbering);
    }

    /// The finished view of a `format` container.
    pub fn finish(self, format: Format) -> TextView {
        let LinesView {
            text,
            locators,
            mut numbering,
        } = self;
        if numbering.iter().all(|&n| n == 0) {
            numbering.clear();
        }
        TextView {
            format,
            text,
            map: None,
            encoding: None,
            confidence: 1.0,
            bom: false,
            decode_errors: 0,
            locators,
            numbering,
        }
    }
}

/// One line of a container's view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewLine {
    /// The line's text (no line break).
    pub text: String,
    /// Where it sits in the container.
    pub locator: String,
    /// Bytes of a Word numbering marker at its start (0 = none).
    pub numbering: u32,
}

/// Recognise the format of `bytes`; `name` (a path or label, may be empty) only tells
/// Markdown from plain text when the content does not.
pub fn detect(bytes: &[u8], name: &str) -> Detected {
    use Detected::{Readable, Unsupported as U};
    let un = |what, advice| U(Unsupported { what, advice });
    let head = &bytes[..bytes.len().min(1024)];
    if memchr::memmem::find(head, b"%PDF-").is_some() {
        return Readable(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        return container::detect_zip(bytes);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return un(ole2_kind(bytes), TO_DOCX);
    }
    let signatures: [(&[u8], &'static str, &'static str); 14] = [
        (b"\x89PNG\r\n\x1a\n", "a PNG image", OCR),
        (b"\xFF\xD8\xFF", "a JPEG image", OCR),
        (b"GIF87a", "a GIF image", OCR),
        (b"GIF89a", "a GIF image", OCR),
        (b"II*\x00", "a TIFF image", OCR),
        (b"MM\x00*", "a TIFF image", OCR),
        (b"BM", "a BMP image", OCR),
        (b"{\\rtf", "an RTF document", TO_DOCX),
        (b"\x1F\x8B", "a gzip archive", UNPACK),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", UNPACK),
        (b"Rar!\x1A\x07", "a RAR archive", UNPACK),
        (b"\xFD7zXZ\x00", "an xz archive", UNPACK),
        (b"BZh", "a bzip2 archive", UNPACK),
        (b"AT&TFORM", "a DjVu document", OCR),
    ];
    for (magic, what, advice) in signatures {
        // BM and BZh are short: insist on the binary bytes that follow in real files.
        let confirmed = match magic {
            b"BM" => bytes.len() > 14 && bytes[6..10] == [0, 0, 0, 0],
            b"BZh" => bytes.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)),
            _ => true,
        };
        if bytes.starts_with(magic) && confirmed {
            return un(what, advice);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return un("a WebP image", OCR);
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return un("an image or video (ISO media)", OCR);
    }
    if looks_like_html(bytes) {
        return Readable(Format::Html);
    }
    if markdown::looks_like_markdown(bytes, name) {
        return Readable(Format::Markdown);
    }
    Readable(Format::Text)
}

/// What an OLE2 compound file holds, from the stream names in its directory (UTF-16LE).
fn ole2_kind(bytes: &[u8]) -> &'static str {
    let has = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        memchr::memmem::find(bytes, &utf16).is_some()
    };
    if has("WordDocument") {
        "a legacy Word or WPS document (.doc/.wps, OLE2)"
    } else if has("Workbook") || has("Book") {
        "a legacy Excel workbook (.xls, OLE2)"
    } else if has("PowerPoint Document") {
        "a legacy PowerPoint presentation (.ppt, OLE2)"
    } else {
        "an OLE2 compound file (legacy Office / WPS)"
    }
}

/// Whether the bytes open like an HTML page: after white space, a BOM and comments, a
/// doctype or one of the tags a page or fragment starts with.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // Every opening below starts with `<`, and only NUL bytes, a byte order mark and white
    // space may stand before it: a text that starts otherwise is no HTML.
    let first = head.iter().find(|&&b| {
        !(b == 0 || b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF | 0xFF | 0xFE))
    });
    if first != Some(&b'<') {
        return false;
    }
    // UTF-16 pages are decoded first; look at their ASCII bytes only.
    let ascii: Vec<u8> = head
        .iter()
        .copied()
        .filter(|&b| b != 0)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let mut s: &[u8] = &ascii;
    for bom in [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"] {
        if let Some(rest) = s.strip_prefix(bom) {
            s = rest;
        }
    }
    loop {
        s = s.trim_ascii_start();
        if let Some(rest) = s.strip_prefix(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => s = &rest[end + 3..],
                None => return false,
            }
        } else if s.starts_with(b"<?xml") {
            match memchr::memchr(b'>', s) {
                Some(end) => s = &s[end + 1..],
                None => return false,
            }
        } else {
            break;
        }
    }
    const OPENINGS: [&[u8]; 12] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
        b"<p>",
        b"<p ",
        b"<table",
        b"<h1",
        b"<link",
    ];
    OPENINGS.iter().any(|o| s.starts_with(o))
}

/// Read `bytes` as the format they are in, into a text view. Pure: no I/O (except the
/// PDF reader, which runs poppler's `pdftotext`).
pub fn read(bytes: &[u8], name: &str) -> Result<TextView, FormatError> {
    match detect(bytes, name) {
        Detected::Unsupported(u) => Err(FormatError::Unsupported(u)),
        Detected::Readable(format) => read_as(format, bytes),
    }
}

/// Read `bytes` as `format`.
pub fn read_as(format: Format, bytes: &[u8]) -> Result<TextView, FormatError> {
    match format {
        Format::Text => Ok(TextView::of_decoded(Format::Text, ingest::decode(bytes)?)),
        Format::Markdown => markdown::read(bytes),
        Format::Html => html::read(bytes),
        Format::Docx => docx::read(bytes),
        Format::Pdf => pdf::read(bytes),
        Format::Ofd => ofd::read(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> Detected {
        detect(bytes, "")
    }

    #[test]
    fn magic_bytes_name_the_format() {
        assert_eq!(kind(b"%PDF-1.7\n..."), Detected::Readable(Format::Pdf));
        assert_eq!(
            kind("第一条　本办法。\n第二条　施行。".as_bytes()),
            Detected::Readable(Format::Text)
        );
        for (bytes, what) in [
            (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "PNG"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG"),
            (b"{\\rtf1\\ansi", "RTF"),
            (b"\x1F\x8B\x08\0", "gzip"),
        ] {
            match kind(bytes) {
                Detected::Unsupported(u) => assert!(u.what.contains(what), "{}", u.what),
                other => panic!("{what}: {other:?}"),
            }
        }
    }

    #[test]
    fn ole2_files_are_named_by_their_streams() {
        let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        doc.resize(512, 0);
        doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        let Detected::Unsupported(u) = kind(&doc) else {
            panic!("not unsupported")
        };
        assert!(u.what.contains(".doc"));
        assert!(u.advice.contains("libreoffice"));
        let msg = FormatError::Unsupported(u).to_string();
        assert!(msg.contains("not supported") && msg.contains("--convert-to docx"));
    }

    #[test]
    fn html_is_told_from_text_that_mentions_tags() {
        assert!(looks_like_html(b"\xef\xbb\xbf<!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved -->\n<HTML lang=zh>"));
        assert!(looks_like_html(b"  <p>\xe7\xac\xac"));
        assert!(!looks_like_html("关于<p>标签的说明\n第一条".as_bytes()));
        assert!(!looks_like_html(b"<unclosed comment"));
    }
}
