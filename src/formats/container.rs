//! Zip containers (DOCX, OFD) read under limits, and the XML inside them read safely.
//!
//! A container is hostile until shown otherwise: a part is inflated at most up to
//! [`Limits::per_entry`] bytes, all parts together up to [`Limits::total`], and a part that
//! inflates more than [`Limits::ratio`] times its compressed size past a floor is refused
//! (a zip bomb) — each as a `too-large` error before the memory is spent. A truncated or
//! corrupt archive (bad central directory, CRC mismatch, unknown compression) is
//! `malformed`. XML is read with quick-xml, which never expands DTD entities (a
//! billion-laughs part stays a few bytes of unknown references), and element nesting is
//! bounded by [`MAX_DEPTH`].

use std::borrow::Cow;
use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{Detected, Format, FormatError, Unsupported};

/// How much a container may inflate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes one part may inflate to.
    pub per_entry: u64,
    /// Most bytes all parts read may inflate to together.
    pub total: u64,
    /// Largest inflation ratio of a part larger than [`Limits::ratio_floor`].
    pub ratio: u64,
    /// Parts up to this size are not held to the ratio (tiny parts compress very well).
    pub ratio_floor: u64,
}

/// The limits every container is read under: far above any real document's parts (the
/// `document.xml` of a 1000-page Word file is some 30 MB), far below what would hurt.
pub const LIMITS: Limits = Limits {
    per_entry: 256 << 20,
    total: 512 << 20,
    ratio: 200,
    ratio_floor: 4 << 20,
};

/// Deepest element nesting accepted in a container's XML.
pub const MAX_DEPTH: usize = 512;

/// Recognise a zip container from the part names in its headers (stored uncompressed, so
/// a truncated archive is still recognised — and then reported `malformed`).
pub fn detect_zip(bytes: &[u8]) -> Detected {
    let has = |name: &[u8]| memchr::memmem::find(bytes, name).is_some();
    let un = |what, advice| Detected::Unsupported(Unsupported { what, advice });
    if has(b"word/document.xml") {
        Detected::Readable(Format::Docx)
    } else if has(b"OFD.xml") {
        Detected::Readable(Format::Ofd)
    } else if has(b"xl/workbook.xml") {
        un(
            "an Excel workbook (.xlsx)",
            "save the sheet's text as .txt or .docx and give gongwen that",
        )
    } else if has(b"ppt/presentation.xml") {
        un(
            "a PowerPoint presentation (.pptx)",
            "export its text (or a .pdf) and give gongwen that",
        )
    } else if has(b"application/vnd.oasis.opendocument") {
        un(
            "an OpenDocument file (.odt/.ods/.odp)",
            "convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE`",
        )
    } else if has(b"Contents/section0.xml") {
        un(
            "a Hangul/WPS HWPX document",
            "convert it to .docx first, e.g. `libreoffice --headless --convert-to docx FILE`",
        )
    } else if has(b"META-INF/container.xml") {
        un("an EPUB book", "export its text and give gongwen that")
    } else {
        un(
            "a zip archive",
            "unpack the archive and give gongwen the folder",
        )
    }
}

/// A zip container being read under [`LIMITS`].
#[derive(Debug)]
pub struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The archive's bytes (a part's compressed data is inflated straight from them).
    bytes: &'a [u8],
    format: Format,
    limits: Limits,
    inflated: u64,
}

impl<'a> Archive<'a> {
    /// Open the archive in `bytes`, a `format` container.
    pub fn open(bytes: &'a [u8], format: Format) -> Result<Self, FormatError> {
        Self::open_with(bytes, format, LIMITS)
    }

    /// [`Archive::open`] under other limits (tests).
    pub fn open_with(bytes: &'a [u8], format: Format, limits: Limits) -> Result<Self, FormatError> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| FormatError::malformed(format, zip_message(&e)))?;
        Ok(Archive {
            zip,
            bytes,
            format,
            limits,
            inflated: 0,
        })
    }

    /// Whether the archive has a part `name`.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// The names of the parts, in archive order.
    pub fn names(&self) -> Vec<String> {
        (0..self.zip.len())
            .filter_map(|i| {
                self.zip
                    .name_for_index(i)
                    .and_then(|n| n.ok())
                    .map(|n| n.to_string())
            })
            .collect()
    }

    /// The CRC-32 and size of part `name` from the archive's directory (nothing inflated):
    /// a key for parts that many documents share (a template's styles).
    pub fn digest(&mut self, name: &str) -> Option<(u32, u64)> {
        let index = self.zip.index_for_name(name)?;
        let file = self.zip.by_index_raw(index).ok()?;
        Some((file.crc32(), file.size()))
    }

    /// Part `name` inflated, `None` when there is no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let format = self.format;
        let limits = self.limits;
        let room = self
            .limits
            .per_entry
            .min(self.limits.total.saturating_sub(self.inflated));
        if let Some(buf) = self.inflate_whole(index, room) {
            self.inflated += buf.len() as u64;
            return Ok(Some(buf));
        }
        let mut file = self
            .zip
            .by_index(index)
            .map_err(|e| FormatError::malformed(format, format!("{name}: {}", zip_message(&e))))?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let too_large = |size: u64| {
            FormatError::TooLarge(format!(
                "part {name} inflates to more than {size} bytes (limit {} per part, {} in all, ratio {}:1): refused as a likely zip bomb",
                limits.per_entry, limits.total, limits.ratio
            ))
        };
        if declared > room {
            return Err(too_large(declared));
        }
        // Read at most one byte past what is allowed: the declared size may lie.
        let cap = room.min(
            compressed
                .saturating_mul(limits.ratio)
                .max(limits.ratio_floor),
        );
        let mut buf = Vec::with_capacity(usize::try_from(declared.min(cap)).unwrap_or(0));
        (&mut file)
            .take(cap.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| FormatError::malformed(format, format!("{name}: {e}")))?;
        if buf.len() as u64 > cap {
            return Err(too_large(cap));
        }
        self.inflated += buf.len() as u64;
        Ok(Some(buf))
    }

    /// Part `index` inflated in one call straight from the archive's bytes into a buffer of
    /// its declared size: no stream buffers, no window copies. Only a part that is stored or
    /// deflated, not encrypted, declared within the limits, and that inflates to exactly its
    /// declared size and CRC-32 is taken; `None` hands the part to the streaming reader of
    /// [`Archive::read`], which reports whatever is wrong with it.
    fn inflate_whole(&mut self, index: usize, room: u64) -> Option<Vec<u8>> {
        let limits = self.limits;
        let file = self.zip.by_index_raw(index).ok()?;
        if file.encrypted() {
            return None;
        }
        let (declared, compressed) = (file.size(), file.compressed_size());
        let cap = room.min(
            compressed
                .max(1)
                .saturating_mul(limits.ratio)
                .max(limits.ratio_floor),
        );
        if declared > cap {
            return None;
        }
        let start = usize::try_from(file.data_start()?).ok()?;
        let end = start.checked_add(usize::try_from(compressed).ok()?)?;
        let data = self.bytes.get(start..end)?;
        let (method, crc) = (file.compression(), file.crc32());
        drop(file);
        let declared = usize::try_from(declared).ok()?;
        let out = match method {
            zip::CompressionMethod::Stored => (data.len() == declared).then(|| data.to_vec())?,
            zip::CompressionMethod::Deflated => {
                let mut out = vec![0; declared];
                let n = libdeflater::Decompressor::new()
                    .deflate_decompress(data, &mut out)
                    .ok()?;
                (n == declared).then_some(out)?
            }
            _ => return None,
        };
        (crc32fast::hash(&out) == crc).then_some(out)
    }

    /// XML part `name` as UTF-8 bytes (a BOM dropped, UTF-16 converted); `None` when
    /// there is no such part. The bytes are not checked here: the XML reader checks each
    /// piece as it reads it.
    pub fn read_xml(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let Some(mut bytes) = self.read(name)? else {
            return Ok(None);
        };
        match encoding_rs::Encoding::for_bom(&bytes) {
            Some((enc, _)) if enc == encoding_rs::UTF_8 => {
                bytes.drain(..3);
                Ok(Some(bytes))
            }
            Some((enc, _)) => Ok(Some(
                enc.decode_with_bom_removal(&bytes)
                    .0
                    .into_owned()
                    .into_bytes(),
            )),
            None => Ok(Some(bytes)),
        }
    }
}

fn zip_message(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) => format!("cannot read the zip archive ({io}); truncated?"),
        ZipError::InvalidArchive(m) => format!("not a valid zip archive ({m})"),
        ZipError::UnsupportedArchive(m) => format!("unsupported zip feature ({m})"),
        ZipError::FileNotFound => "a part is missing".into(),
        other => other.to_string(),
    }
}

/// Why a part with a document type declaration is refused: OOXML and OFD parts have none,
/// and its entities are never expanded (a billion-laughs part).
pub fn dtd_refused(part: &str) -> String {
    format!("{part} declares a DTD (entity declarations are refused, never expanded)")
}

/// The local name of an XML element or attribute (`w:p` → `p`).
pub fn local(name: &str) -> &str {
    // Names are short: a plain scan beats a vectorised search here.
    match name.bytes().rposition(|b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The local name of a start tag.
pub fn tag<'a>(e: &'a quick_xml::events::BytesStart<'_>) -> &'a str {
    local(e.name().0)
}

/// The value of attribute `key` (local name) of a start tag, unescaped; unknown entity
/// references are kept as written (DTD entities are never expanded).
pub fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    attr_ref(e, key).map(Cow::into_owned)
}

/// [`attr`] borrowed from the tag where the value has no reference to unescape: for values
/// that are only compared or parsed.
pub fn attr_ref<'e>(e: &'e quick_xml::events::BytesStart<'_>, key: &str) -> Option<Cow<'e, str>> {
    // Duplicate attributes are not checked: the first one is taken, as Word takes it.
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (local(a.key.0) == key).then(|| match a.value {
            Cow::Borrowed(v) if !v.contains('&') => Cow::Borrowed(v),
            v => Cow::Owned(unescape(&v)),
        })
    })
}

/// The text a general reference (`&amp;`, `&#x4E00;`) in character data stands for; any
/// other entity stays as written: DTD entities are never expanded.
pub fn general_ref(r: &quick_xml::events::BytesRef<'_>) -> String {
    let name: &str = r;
    unescape(&format!("&{name};"))
}

/// The character a general reference in character data stands for, without building the
/// text [`general_ref`] builds; `None` when it stands for no single character (it stays as
/// written): then [`general_ref`] says what to write.
pub fn general_ref_char(name: &str) -> Option<char> {
    // The same reach as `unescape`: a name of up to 11 bytes, and no `&` inside it.
    if name.len() > 11 || name.contains('&') {
        return None;
    }
    reference(name)
}

/// The character of a predefined entity or character reference named `name` (`amp`,
/// `#x4E00`).
fn reference(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// XML character data unescaped: the five predefined entities and character references;
/// any other reference stays as written.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest: &str = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| Some((reference(&tail[1..e])?, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ErrorKind;
    use std::io::Write;

    fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn parts_are_named_by_the_manifest() {
        let docx = zip_of(&[("word/document.xml", b"<w:document/>")]);
        assert_eq!(detect_zip(&docx), Detected::Readable(Format::Docx));
        let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
        assert!(matches!(detect_zip(&xlsx), Detected::Unsupported(u) if u.what.contains("xlsx")));
        let plain = zip_of(&[("a.txt", b"x")]);
        assert!(matches!(detect_zip(&plain), Detected::Unsupported(u) if u.what.contains("zip")));
    }

    #[test]
    fn a_bomb_is_refused_before_it_is_inflated() {
        let zeros = vec![0u8; 8 << 20];
        let bomb = zip_of(&[("word/document.xml", &zeros)]);
        let limits = Limits {
            per_entry: 1 << 20,
            ..LIMITS
        };
        let mut a = Archive::open_with(&bomb, Format::Docx, limits).unwrap();
        let e = a.read("word/document.xml").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}");
        // Under the default limits the ratio catches it (8 MiB of zeros deflate ~1000:1).
        let mut a = Archive::open(&bomb, Format::Docx).unwrap();
        assert_eq!(
            a.read("word/document.xml").unwrap_err().kind(),
            ErrorKind::TooLarge
        );
    }

    #[test]
    fn parts_inflated_whole_match_the_stream_and_a_bad_checksum_stays_malformed() {
        let xml = "<w:document>第一条　本规定。</w:document>".repeat(50);
        let docx = zip_of(&[("word/document.xml", xml.as_bytes())]);
        let mut a = Archive::open(&docx, Format::Docx).unwrap();
        assert_eq!(
            a.read("word/document.xml").unwrap().unwrap(),
            xml.as_bytes()
        );
        // The central directory's CRC-32 of the part, flipped: the one-call path refuses the
        // part and the streaming reader reports the mismatch.
        let mut bad = docx.clone();
        let dir = memchr::memmem::rfind(&bad, b"PK\x01\x02").unwrap();
        bad[dir + 16] ^= 0xFF;
        let mut a = Archive::open(&bad, Format::Docx).unwrap();
        let e = a.read("word/document.xml").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed, "{e}");
    }

    #[test]
    fn a_truncated_archive_is_malformed() {
        let docx = zip_of(&[("word/document.xml", &b"<w:p/>".repeat(1000))]);
        let cut = &docx[..docx.len() / 2];
        assert_eq!(detect_zip(cut), Detected::Readable(Format::Docx));
        let e = Archive::open(cut, Format::Docx).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed, "{e}");
    }

    #[test]
    fn only_predefined_entities_are_expanded() {
        assert_eq!(unescape("a&lt;b&#x4E00;&#20108;&lol9;&"), "a<b一二&lol9;&");
    }
}
