//! Ingest: raw bytes → decoded text with a map back to the original bytes.
//!
//! Order of evidence: a byte order mark (UTF-8, UTF-16LE/BE), then strict UTF-8 (or UTF-8
//! with a few stray bytes), then valid GB18030 or Big5 that reads as common Chinese, then chardetng
//! (without a TLD hint: a `cn` hint mislabels Big5) over encoding_rs. GBK and GB2312
//! verdicts are decoded as GB18030, their superset. A text that decodes to garbage
//! (binary, or a wrong guess with many errors) is an error, not silent mojibake.
//!
//! Hands on a [`Decoded`]: the text (without BOM), its encoding and confidence, and an
//! [`OffsetMap`] so every later stage can report original byte offsets.

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};
use thiserror::Error;

/// Why bytes could not be turned into text.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes look like a binary file (NUL bytes, control characters).
    #[error("not a text file: {0}")]
    Binary(String),
    /// No encoding decodes the bytes into plausible text.
    #[error("undecodable text: {0}")]
    Garbage(String),
}

/// Maps a byte offset in the decoded text to a byte offset in the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetMap {
    /// Decoded byte `i` is original byte `i + shift` (UTF-8, with or without BOM).
    Shift(usize),
    /// `table[i]` is the original offset of the character that starts at decoded byte `i`
    /// (only character starts are meaningful); `table[text.len()]` is the file length.
    Table(Vec<u32>),
}

impl OffsetMap {
    /// Original byte offset of decoded byte offset `pos`.
    pub fn orig(&self, pos: usize) -> usize {
        match self {
            OffsetMap::Shift(s) => pos + s,
            OffsetMap::Table(t) => t.get(pos).or(t.last()).map_or(0, |&v| v as usize),
        }
    }
}

/// Decoded text and how it was obtained.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// Canonical encoding label (UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, …).
    pub encoding: &'static str,
    /// Confidence of the verdict, 0..1.
    pub confidence: f64,
    /// Whether a byte order mark was present.
    pub bom: bool,
    /// Replacement characters produced while decoding.
    pub decode_errors: u64,
    /// Decoded offsets → original offsets.
    pub map: OffsetMap,
}

/// The confidence at which valid GB18030 or Big5 is taken without the encoding detector.
const CLEAR_CHINESE: f64 = 0.8;

/// The one-pass decoder of an encoding, where there is one (valid input only); the others
/// (and invalid input) go through [`decode_mapped`].
fn exact(enc: &'static Encoding, bytes: &[u8], start: usize) -> Option<(String, OffsetMap)> {
    if enc == GB18030 {
        gb18030_exact(bytes, start)
    } else if enc == BIG5 {
        big5_exact(bytes, start)
    } else if enc == UTF_16LE || enc == UTF_16BE {
        utf16_exact(enc, bytes, start)
    } else {
        None
    }
}

/// How many leading bytes the encoding detector sees.
const DETECT_PREFIX: usize = 64 * 1024;

/// Decode a file's bytes. Pure: no I/O.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(bytes, enc, bom_len, true);
    }
    // UTF-16 without BOM first: its ASCII characters are NUL-padded, which strict UTF-8
    // would accept.
    if let Some(enc) = sniff_utf16(bytes) {
        let mut d = decode_with(bytes, enc, 0, false)?;
        d.confidence = d.confidence.min(0.9);
        return Ok(d);
    }
    // The same verdict as `std::str::from_utf8`, with vector instructions.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        check_binary_text(s)?;
        let ascii = s.is_ascii();
        return Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
            confidence: if ascii { 1.0 } else { 0.99 },
            bom: false,
            decode_errors: 0,
            map: OffsetMap::Shift(0),
        });
    }
    if let Some(d) = mostly_utf8(bytes) {
        return Ok(d);
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary(format!(
            "{} NUL or control bytes in {} bytes",
            count_binary(bytes),
            bytes.len()
        )));
    }
    // Most legacy files here are GBK/GB18030, or Big5: bytes that are valid GB18030 (then
    // Big5) and decode to common Chinese characters are that, without asking the detector
    // (a Big5 or EUC-KR text is mostly valid GB18030 too, and GB2312 valid Big5, but the
    // characters they decode to are rare ones: low confidence).
    for enc in [GB18030, BIG5] {
        if let Some((text, map)) = exact(enc, bytes, 0) {
            let d = finish(bytes, enc, 0, false, text, map, 0)?;
            if d.confidence >= CLEAR_CHINESE {
                return Ok(d);
            }
        }
    }
    // chardetng runs at a few MB/s; a prefix of 64 KiB holds thousands of characters, far
    // more than it needs, and a wrong guess is caught below by the plausibility check.
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECT_PREFIX)];
    det.feed(prefix, prefix.len() == bytes.len());
    let guess = det.guess(None, chardetng::Utf8Detection::Allow);
    // GBK/GB2312 are subsets of GB18030; decoding as GB18030 loses nothing.
    let enc = if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    };
    let first = decode_with(bytes, enc, 0, false);
    match first {
        Ok(d) if d.confidence >= 0.5 => Ok(d),
        other => {
            // A wrong guess: try the Chinese encodings and keep the most plausible.
            let mut best = other.ok();
            for alt in [GB18030, BIG5] {
                if alt == enc {
                    continue;
                }
                if let Ok(d) = decode_with(bytes, alt, 0, false)
                    && best.as_ref().is_none_or(|b| d.confidence > b.confidence)
                {
                    best = Some(d);
                }
            }
            match best {
                Some(d) if d.confidence >= 0.35 => Ok(d),
                Some(d) => Err(DecodeError::Garbage(format!(
                    "best guess {} gives {} replacement characters and implausible text (confidence {:.2})",
                    d.encoding, d.decode_errors, d.confidence
                ))),
                None => Err(DecodeError::Garbage(
                    "no encoding decodes these bytes".into(),
                )),
            }
        }
    }
}

/// Decode with an encoding the file declares (an HTML page's `charset`): a BOM still
/// wins; GBK and GB2312 are decoded as GB18030, their superset.
pub fn decode_as(bytes: &[u8], enc: &'static Encoding) -> Result<Decoded, DecodeError> {
    if let Some((bom_enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(bytes, bom_enc, bom_len, true);
    }
    let enc = if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    };
    decode_with(bytes, enc, 0, false)
}

/// Decode with a known encoding, building the offset map.
fn decode_with(
    bytes: &[u8],
    enc: &'static Encoding,
    start: usize,
    bom: bool,
) -> Result<Decoded, DecodeError> {
    let (text, map, errors) = if enc == UTF_8 {
        let (cow, had_errors) = UTF_8.decode_without_bom_handling(&bytes[start..]);
        if had_errors {
            // Rare (a BOM followed by invalid UTF-8): fall back to the exact mapper.
            decode_mapped(enc, bytes, start)
        } else {
            (cow.into_owned(), OffsetMap::Shift(start), 0)
        }
    } else if let Some((text, map)) = exact(enc, bytes, start) {
        (text, map, 0)
    } else {
        decode_mapped(enc, bytes, start)
    };
    finish(bytes, enc, start, bom, text, map, errors)
}

/// The verdict on a decoded text: binary or not, its confidence, its record.
fn finish(
    bytes: &[u8],
    enc: &'static Encoding,
    start: usize,
    bom: bool,
    text: String,
    map: OffsetMap,
    errors: u64,
) -> Result<Decoded, DecodeError> {
    check_binary_text(&text)?;
    let confidence = if bom {
        if errors == 0 { 1.0 } else { 0.9 }
    } else {
        plausibility(&text, errors).min(common_ratio(&bytes[start..], enc))
    };
    if bom && errors as usize * 20 > text.chars().count().max(1) {
        return Err(DecodeError::Garbage(format!(
            "{} BOM but {} replacement characters",
            label(enc),
            errors
        )));
    }
    Ok(Decoded {
        text,
        encoding: label(enc),
        confidence,
        bom,
        decode_errors: errors,
        map,
    })
}

/// Valid input decoded in one pass by encoding_rs, the map following from the bytes:
/// `step(c, rest)` says how many bytes of `rest` (the bytes from where `c` is read) make
/// `c` — 0 when `c` comes from the same bytes as the character before it — or `None` when
/// the bytes do not agree. `None` for input with an error (then [`decode_mapped`] finds out
/// character by character).
fn one_pass(
    enc: &'static Encoding,
    bytes: &[u8],
    start: usize,
    mut step: impl FnMut(char, &[u8]) -> Option<usize>,
) -> Option<(String, OffsetMap)> {
    let body = &bytes[start..];
    let text = enc
        .decode_without_bom_handling_and_without_replacement(body)?
        .into_owned();
    let mut table: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let (mut i, mut at) = (0usize, start);
    for c in text.chars() {
        let len = step(c, body.get(i..)?)?;
        if len > 0 {
            at = start + i;
        }
        table.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
        i += len;
    }
    if i != body.len() {
        return None;
    }
    table.push(bytes.len() as u32);
    Some((text, OffsetMap::Table(table)))
}

/// GB18030 (GBK, GB2312) in one pass: a character comes from one byte (ASCII, or 0x80 for
/// €), four (a lead byte then a digit) or two.
fn gb18030_exact(bytes: &[u8], start: usize) -> Option<(String, OffsetMap)> {
    one_pass(GB18030, bytes, start, |c, rest| {
        let b = *rest.first()?;
        if b < 0x80 {
            // ASCII stands for itself; anything else means the walk went wrong.
            (u32::from(b) == c as u32).then_some(1)
        } else if b == 0x80 {
            Some(1)
        } else if matches!(rest.get(1), Some(0x30..=0x39)) {
            Some(4)
        } else {
            Some(2)
        }
    })
}

/// UTF-16 (either byte order) in one pass: a character comes from two bytes, or four (a
/// surrogate pair).
fn utf16_exact(enc: &'static Encoding, bytes: &[u8], start: usize) -> Option<(String, OffsetMap)> {
    one_pass(enc, bytes, start, |c, _| Some(c.len_utf16() * 2))
}

/// Big5 in one pass: a character comes from one byte (ASCII) or two; four two-byte codes
/// (HKSCS 0x8862, 0x8864, 0x88A3, 0x88A5) stand for two characters each (a letter and a
/// combining mark).
fn big5_exact(bytes: &[u8], start: usize) -> Option<(String, OffsetMap)> {
    let mut mark_follows = false;
    one_pass(BIG5, bytes, start, |c, rest| {
        if std::mem::take(&mut mark_follows) {
            return Some(0);
        }
        let b = *rest.first()?;
        if b < 0x80 {
            return (u32::from(b) == c as u32).then_some(1);
        }
        mark_follows = matches!((b, rest.get(1)), (0x88, Some(0x62 | 0x64 | 0xA3 | 0xA5)));
        Some(2)
    })
}

/// Decode byte by byte through encoding_rs so that every produced character knows the
/// original offset where its byte sequence started.
fn decode_mapped(enc: &'static Encoding, bytes: &[u8], start: usize) -> (String, OffsetMap, u64) {
    let mut dec = enc.new_decoder_without_bom_handling();
    let body = &bytes[start..];
    let mut out = String::with_capacity(body.len() * 3 / 2 + 4);
    let mut table: Vec<u32> = Vec::with_capacity(body.len() * 3 / 2 + 4);
    let mut buf = [0u8; 64];
    let mut char_start = start;
    let mut errors = 0u64;
    // ASCII bytes are single characters in GB18030 and Big5, never in UTF-16.
    let ascii_fast = enc != UTF_16LE && enc != UTF_16BE;
    for (k, &b) in body.iter().enumerate() {
        let i = start + k;
        let last = k + 1 == body.len();
        if ascii_fast && b < 0x80 && char_start == i {
            out.push(b as char);
            table.push(i as u32);
            char_start = i + 1;
            continue;
        }
        let (_, _, written, had_errors) = dec.decode_to_utf8(&bytes[i..=i], &mut buf, last);
        if written > 0 {
            let chunk = std::str::from_utf8(&buf[..written]).unwrap_or("\u{FFFD}");
            if had_errors {
                errors += chunk.matches('\u{FFFD}').count() as u64;
            }
            out.push_str(chunk);
            table.extend(std::iter::repeat_n(char_start as u32, chunk.len()));
            char_start = i + 1;
        }
    }
    if char_start < bytes.len() {
        // Trailing incomplete sequence: flush what the decoder holds.
        let (_, _, written, _) = dec.decode_to_utf8(&[], &mut buf, true);
        if written > 0 {
            let chunk = std::str::from_utf8(&buf[..written]).unwrap_or("\u{FFFD}");
            errors += chunk.matches('\u{FFFD}').count() as u64;
            out.push_str(chunk);
            table.extend(std::iter::repeat_n(char_start as u32, chunk.len()));
        }
    }
    table.push(bytes.len() as u32);
    (out, OffsetMap::Table(table), errors)
}

fn label(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "UTF-8"
    } else if enc == UTF_16LE {
        "UTF-16LE"
    } else if enc == UTF_16BE {
        "UTF-16BE"
    } else if enc == GB18030 {
        "GB18030"
    } else if enc == BIG5 {
        "Big5"
    } else {
        enc.name()
    }
}

/// How plausible a decoded text is as Chinese (or plain) text, 0..1.
fn plausibility(text: &str, errors: u64) -> f64 {
    let mut total = 0u64;
    let mut good = 0u64;
    let mut non_ascii = 0u64;
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        non_ascii += 1;
        let u = c as u32;
        let common = (0x4E00..=0x9FFF).contains(&u)
            || (0x3000..=0x303F).contains(&u)
            || (0xFF00..=0xFFEF).contains(&u)
            || (0x2000..=0x206F).contains(&u)
            || (0x2460..=0x24FF).contains(&u)
            || (0x3200..=0x32FF).contains(&u)
            || (0x2160..=0x217F).contains(&u)
            || u == 0xB7
            || u == 0xD7;
        if common {
            good += 1;
        }
        total += 1;
    }
    if non_ascii == 0 {
        return if errors == 0 { 0.6 } else { 0.1 };
    }
    let p = good as f64 / total as f64;
    let e = errors as f64 / total as f64;
    (p * (1.0 - (e * 10.0).min(1.0)) * 0.98).clamp(0.0, 0.98)
}

/// Share of multi-byte characters that fall in the encoding's common region (GB2312
/// symbols and level-1 hanzi for GB18030; Big5 symbols and level-1 characters for Big5).
/// Real text is well above 0.8; random high-bit bytes decode to rare characters (≈ 0.2–0.3).
/// Other encodings are not judged here (1.0).
fn common_ratio(bytes: &[u8], enc: &'static Encoding) -> f64 {
    let gb = enc == GB18030;
    if !gb && enc != BIG5 {
        return 1.0;
    }
    let (mut common, mut total) = (0u64, 0u64);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        if gb && (0x30..=0x39).contains(&next) {
            // Four-byte GB18030 sequence: rare characters (Ext-B, U+200B …), neutral.
            i += 4;
            continue;
        }
        total += 1;
        let is_common = if gb {
            ((0xA1..=0xA9).contains(&b) || (0xB0..=0xD7).contains(&b)) && next >= 0xA1
        } else {
            (0xA1..=0xC6).contains(&b)
        };
        if is_common {
            common += 1;
        }
        i += 2;
    }
    if total == 0 {
        return 1.0;
    }
    let r = common as f64 / total as f64;
    // Map 0.3 (noise) → 0 and 0.8+ (text) → 1.
    ((r - 0.3) / 0.5).clamp(0.0, 1.0)
}

fn is_binary_byte(b: u8) -> bool {
    b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A | 0x1B))
}

fn count_binary(bytes: &[u8]) -> usize {
    let (blocks, rest) = bytes.as_chunks::<32>();
    // Per block of 32 bytes, without branches: this compiles to a few vector instructions.
    let in_blocks: usize = blocks
        .iter()
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                let binary = (b < 0x20)
                    & (b != b'\t')
                    & (b != b'\n')
                    & (b != b'\r')
                    & (b != 0x0C)
                    & (b != 0x1A)
                    & (b != 0x1B);
                n + u8::from(binary)
            });
            usize::from(n)
        })
        .sum();
    in_blocks + rest.iter().filter(|&&b| is_binary_byte(b)).count()
}

/// How many bytes of `bytes` are below 0x20 (control characters and line breaks).
fn count_below_space(bytes: &[u8]) -> usize {
    let (blocks, rest) = bytes.as_chunks::<32>();
    let in_blocks: usize = blocks
        .iter()
        .map(|block| usize::from(block.iter().fold(0u8, |n, &b| n + u8::from(b < 0x20))))
        .sum();
    in_blocks + rest.iter().filter(|&&b| b < 0x20).count()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let n = count_binary(bytes);
    n > 0 && n * 100 > bytes.len()
}

/// A decoded text that is mostly control characters is a binary file.
fn check_binary_text(s: &str) -> Result<(), DecodeError> {
    let total = s.len().max(1);
    // The bytes below 0x20 (one compare each) bound the control characters from above; a
    // text has few, its line breaks.
    if count_below_space(s.as_bytes()) * 20 <= total {
        return Ok(());
    }
    let ctl = count_binary(s.as_bytes());
    if ctl * 20 > total && ctl > 2 {
        return Err(DecodeError::Binary(format!(
            "{ctl} NUL or control characters in {total} bytes of text"
        )));
    }
    Ok(())
}

/// UTF-16 without BOM: nearly every 16-bit unit, read in one byte order, is a plausible
/// character (ASCII, CJK, CJK punctuation, full-width forms), and clearly fewer in the other.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let plausible = |u: u16| {
        matches!(u, 0x09 | 0x0A | 0x0D | 0x20..=0x7E)
            || (0x4E00..=0x9FFF).contains(&u)
            || (0x3000..=0x303F).contains(&u)
            || (0xFF00..=0xFFEF).contains(&u)
            || (0x2000..=0x206F).contains(&u)
            || (0x2460..=0x24FF).contains(&u)
            || (0x3200..=0x32FF).contains(&u)
    };
    let units = bytes.len() / 2;
    // Without NUL bytes, only long, almost perfectly plausible texts qualify (a UTF-8 or
    // GB18030 text read as UTF-16 is far from that).
    let nul = memchr::memchr(0, bytes).is_some();
    if !nul && units < 64 {
        return None;
    }
    let (need, most_implausible) = if nul { (0.9, 10) } else { (0.98, 50) };
    let (mut le, mut be) = (0usize, 0usize);
    for (k, block) in bytes.chunks(512).enumerate() {
        for p in block.chunks_exact(2) {
            le += usize::from(plausible(u16::from_le_bytes([p[0], p[1]])));
            be += usize::from(plausible(u16::from_be_bytes([p[0], p[1]])));
        }
        // Once more than the share that `need` leaves (a tenth, or a fiftieth without NUL
        // bytes) of the whole text is implausible either way, stop: every UTF-8 file passes
        // through here.
        let seen = (k * 512 + block.len()) / 2;
        if (seen - le) * most_implausible > units && (seen - be) * most_implausible > units {
            return None;
        }
    }
    let (le, be) = (le as f64 / units as f64, be as f64 / units as f64);
    if le >= need && le > be + 0.2 {
        Some(UTF_16LE)
    } else if be >= need && be > le + 0.2 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 damaged by a few stray bytes (a cut, a copy error): decode it as UTF-8 with
/// replacement characters rather than guess a legacy encoding and produce mojibake.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut valid_multi = 0usize;
    let mut invalid = 0usize;
    let mut seen = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        seen += chunk.valid().len() + chunk.invalid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            // Give up as soon as the rest (at most one character per two bytes) could not
            // bring the share of bad sequences down to the limit: a legacy-encoded file
            // fails within its first few hundred bytes.
            if invalid * 50 > valid_multi + (bytes.len() - seen) / 2 {
                return None;
            }
        }
    }
    if valid_multi < 8 || invalid * 50 > valid_multi {
        return None;
    }
    let (text, map, errors) = decode_mapped(UTF_8, bytes, 0);
    check_binary_text(&text).ok()?;
    let share = errors as f64 / (valid_multi as f64 + errors as f64);
    Some(Decoded {
        text,
        encoding: "UTF-8",
        confidence: (0.95 - share * 10.0).clamp(0.5, 0.95),
        bom: false,
        decode_errors: errors,
        map,
    })
}

/// Lower-case hex SHA-256 of an input's original bytes (`source.sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|&b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0F)]])
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_lower_case_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn control_bytes_are_counted_one_by_one() {
        let data: Vec<u8> = (0..70_000u32).map(|i| (i * 7 % 41) as u8).collect();
        for cut in [0, 1, 31, 32, 33, 8160, 8161, 70_000] {
            let d = &data[..cut];
            let binary = d.iter().filter(|&&c| is_binary_byte(c)).count();
            assert_eq!(count_binary(d), binary, "{cut}");
            assert_eq!(
                count_below_space(d),
                d.iter().filter(|&&c| c < 0x20).count()
            );
        }
        // Text mostly of line breaks and tabs is no binary, control characters are.
        assert!(check_binary_text(&"\n\t\r".repeat(100)).is_ok());
        assert!(check_binary_text(&"\u{1}a".repeat(100)).is_err());
    }

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode("第一条 总则".as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.bom);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("第一条".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(
            (d.encoding, d.bom, d.text.as_str()),
            ("UTF-8", true, "第一条")
        );
        assert_eq!(d.map.orig(3), 6);
    }

    #[test]
    fn utf16le_offsets_point_into_original() {
        let s = "一、总\n（一）";
        let mut b = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, s);
        let pos = s.find('（').unwrap();
        assert_eq!(d.map.orig(pos), 2 + 2 * 4);
        assert_eq!(d.map.orig(s.len()), b.len());
    }

    #[test]
    fn utf16_without_bom_is_sniffed_and_utf8_is_not() {
        let cjk = "第一条　各级党委（党组）履行全面从严治党主体责任。".repeat(40);
        let mixed = format!("{cjk}\n1. Article 2026\n");
        for text in [cjk.as_str(), mixed.as_str()] {
            let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
            assert_eq!(sniff_utf16(&le), Some(UTF_16LE));
            assert_eq!(sniff_utf16(&be), Some(UTF_16BE));
            let padded = if text.len() % 2 == 1 {
                format!("{text} ")
            } else {
                text.to_string()
            };
            assert_eq!(sniff_utf16(padded.as_bytes()), None, "UTF-8 read as UTF-16");
            assert_eq!(decode(padded.as_bytes()).unwrap().encoding, "UTF-8");
        }
    }

    #[test]
    fn long_legacy_texts_are_detected_from_a_prefix() {
        let simplified = "第二十条　各级纪检监察机关应当加强监督检查，对违规行为依法追究责任。\n";
        let traditional = "第二十條　各級紀檢監察機關應當加強監督檢查，對違規行為依法追究責任。\n";
        for (line, enc, label) in [
            (simplified, GB18030, "GB18030"),
            (traditional, BIG5, "Big5"),
        ] {
            let text = line.repeat(1500);
            let (bytes, _, unmappable) = enc.encode(&text);
            assert!(!unmappable && bytes.len() > DETECT_PREFIX);
            let d = decode(&bytes).unwrap();
            assert_eq!((d.encoding, d.decode_errors), (label, 0));
            assert!(d.text == text, "{label} text differs");
        }
    }

    #[test]
    fn gb18030_with_four_byte_chars() {
        let s = "第一条 規定𠀀和\u{200B}一是";
        let (bytes, _, unmappable) = GB18030.encode(s);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, s);
        let pos = s.find('和').unwrap();
        let (prefix, _, _) = GB18030.encode(&s[..pos]);
        assert_eq!(d.map.orig(pos), prefix.len());
    }

    #[test]
    fn short_big5_is_not_taken_for_gb18030() {
        // Big5 bytes are mostly valid GB18030 too; the characters they decode to are not
        // the common ones, so the detector decides.
        let text = "第三條　各級紀檢監察機關應當加強監督檢查，對違規行為依法追究責任。\n".repeat(3);
        let (bytes, _, unmappable) = BIG5.encode(&text);
        assert!(!unmappable);
        assert!(
            GB18030
                .decode_without_bom_handling_and_without_replacement(&bytes)
                .is_some()
        );
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", text.as_str()));
    }

    #[test]
    fn utf8_with_a_few_stray_bytes_stays_utf8() {
        let text = "各级党委（党组）承担主体责任。".repeat(40);
        let mut bytes = text.clone().into_bytes();
        bytes.insert(300, 0xFF);
        bytes.push(0xE4);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.decode_errors), ("UTF-8", 2));
        // A legacy-encoded file gives up on UTF-8 early and is decoded as what it is.
        let (gb, _, _) = GB18030.encode(&text);
        assert!(mostly_utf8(&gb).is_none());
        assert_eq!(decode(&gb).unwrap().encoding, "GB18030");
    }

    /// A one-pass decoder's answer agrees with the per-character decoder's: the same text
    /// and map, or none where that one met an error.
    fn agrees_with_mapped(
        enc: &'static Encoding,
        bytes: &[u8],
        start: usize,
        fast: Option<(String, OffsetMap)>,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let (slow_text, slow_map, errors) = decode_mapped(enc, bytes, start);
        match fast {
            Some((fast_text, fast_map)) => {
                proptest::prop_assert_eq!(errors, 0);
                proptest::prop_assert_eq!(fast_text, slow_text);
                proptest::prop_assert_eq!(fast_map, slow_map);
            }
            None => proptest::prop_assert!(errors > 0),
        }
        Ok(())
    }

    proptest::proptest! {
        /// The one-pass GB18030 decoder gives the same text and map as decoding character by
        /// character, and refuses what is not valid GB18030.
        #[test]
        fn gb18030_in_one_pass_matches_the_mapped_decoder(
            picks in proptest::collection::vec(0usize..12, 0..60),
            junk in proptest::option::of((0usize..200, 0x80u8..=0xFF)),
        ) {
            const PIECES: [&str; 12] = [
                "a", "1.", "\r\n", "第一条", "（二）", "€", "𠀀", "\u{200B}", "責", "①", "；", " ",
            ];
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let (bytes, _, unmappable) = GB18030.encode(&text);
            proptest::prop_assert!(!unmappable);
            let mut bytes = bytes.into_owned();
            if let Some((at, b)) = junk {
                bytes.insert(at.min(bytes.len()), b);
            }
            agrees_with_mapped(GB18030, &bytes, 0, gb18030_exact(&bytes, 0))?;
        }
    }

    proptest::proptest! {
        /// The same for Big5, from raw codes: ASCII, common and rare characters, the four
        /// codes that stand for two characters, bytes that are not Big5.
        #[test]
        fn big5_in_one_pass_matches_the_mapped_decoder(
            picks in proptest::collection::vec(0usize..9, 0..60),
            junk in proptest::option::of((0usize..200, 9usize..11)),
        ) {
            const PIECES: [&[u8]; 11] = [
                b"a", b"\r\n", &[0xA4, 0x40], &[0xB3, 0x64], &[0xA1, 0x41], &[0x88, 0x62],
                &[0x88, 0xA5], &[0x87, 0x40], &[0xF9, 0xFE], &[0x80], &[0xA4],
            ];
            let mut bytes: Vec<u8> =
                picks.iter().flat_map(|&k| PIECES[k].iter().copied()).collect();
            if let Some((at, k)) = junk {
                let at = at.min(bytes.len());
                bytes.splice(at..at, PIECES[k].iter().copied());
            }
            agrees_with_mapped(BIG5, &bytes, 0, big5_exact(&bytes, 0))?;
        }
    }

    proptest::proptest! {
        /// The same for UTF-16 in both byte orders, with or without a BOM, with surrogate
        /// pairs, an odd length or a lone surrogate.
        #[test]
        fn utf16_in_one_pass_matches_the_mapped_decoder(
            picks in proptest::collection::vec(0usize..7, 0..60),
            big_endian: bool,
            bom: bool,
            damage in proptest::option::of(0usize..3),
        ) {
            const PIECES: [&str; 7] = ["a", "\r\n", "第一条", "€", "𠀀", "（二）", "😀"];
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let enc = if big_endian { UTF_16BE } else { UTF_16LE };
            let mut units: Vec<u16> = Vec::new();
            if bom {
                units.push(0xFEFF);
            }
            units.extend(text.encode_utf16());
            if damage == Some(0) {
                units.push(0xD800);
            }
            let mut bytes: Vec<u8> = units
                .iter()
                .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
                .collect();
            if damage == Some(1) {
                bytes.push(b'x');
            }
            let start = if bom { 2 } else { 0 };
            agrees_with_mapped(enc, &bytes, start, utf16_exact(enc, &bytes, start))?;
        }
    }

    #[test]
    fn binary_is_an_error() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert!(decode(&bytes).is_err());
    }
}
