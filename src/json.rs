//! Compact JSON output: byte for byte what `serde_json::to_writer` writes, faster.
//!
//! A record is half a million short strings and some long texts, and serde_json escapes
//! strings one byte at a time. This serializer writes numbers, literals and escapes
//! through serde_json's own [`CompactFormatter`], and the compact punctuation itself, but
//! looks for the bytes a string must escape (`"`, `\` and controls below U+0020) eight at
//! a time and copies the runs between them whole. A value it does not take (a map, or one
//! of serde_json's own special types) is handed to serde_json whole.

use std::fmt;
use std::io;

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

use crate::model::Record;

/// Append the compact JSON of `value` to `out`: the bytes `serde_json::to_writer` would
/// write, or its error.
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    let mark = out.len();
    if value.serialize(&mut Serializer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(mark);
    serde_json::to_writer(&mut *out, value)
}

/// The compact JSON of `value`, like `serde_json::to_vec`.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(128);
    write(&mut out, value)?;
    Ok(out)
}

/// A record as compact JSON, in a buffer with room for a typical record (two to three
/// times the size of its input, up to 64 MiB) and a line break, so that it is rarely
/// copied as it grows. An error record (a refused huge file among them) is small.
pub fn record(r: &Record) -> serde_json::Result<Vec<u8>> {
    const MOST: usize = 64 << 20;
    let input = usize::try_from(r.source.bytes).unwrap_or(MOST);
    let room = if r.documents.is_empty() {
        1024
    } else {
        input.saturating_mul(3).min(MOST) + 1024
    };
    let mut out = Vec::with_capacity(room);
    write(&mut out, r)?;
    Ok(out)
}

/// [`Serializer`] stopped (a value it does not take, or an error): [`write`] then asks
/// serde_json, whose output or error is the answer. Carries nothing, so that results
/// stay in a register.
#[derive(Debug)]
struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

impl From<io::Error> for Unsupported {
    fn from(_: io::Error) -> Self {
        Unsupported
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// Writes compact JSON into a byte vector.
struct Serializer<'a> {
    out: &'a mut Vec<u8>,
}

impl Serializer<'_> {
    fn string(&mut self, s: &str) -> Result {
        write_escaped(self.out, s)
    }

    /// `{"variant":` — the opening of an externally tagged enum variant with content.
    fn open_variant(&mut self, variant: &str) -> Result {
        self.out.push(b'{');
        self.string(variant)?;
        self.out.push(b':');
        Ok(())
    }

    /// The closing of [`Serializer::open_variant`].
    fn close_variant(&mut self) -> Result {
        self.out.push(b'}');
        Ok(())
    }

    fn null(&mut self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
}

/// Where a compound value stands: nothing written yet, or at the first or a later item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Declared empty: already closed.
    Empty,
    First,
    Rest,
}

/// An array or object being written.
struct Compound<'s, 'a> {
    ser: &'s mut Serializer<'a>,
    state: State,
}

impl Compound<'_, '_> {
    /// The separator before the next item.
    fn next(&mut self) {
        if self.state != State::First {
            self.ser.out.push(b',');
        }
        self.state = State::Rest;
    }

    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.next();
        value.serialize(&mut *self.ser)
    }

    fn end_array(&mut self) -> Result {
        if self.state != State::Empty {
            self.ser.out.push(b']');
        }
        Ok(())
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result {
        self.next();
        self.ser.string(key)?;
        self.ser.out.push(b':');
        value.serialize(&mut *self.ser)
    }

    fn end_object(&mut self) -> Result {
        if self.state != State::Empty {
            self.ser.out.push(b'}');
        }
        Ok(())
    }
}

impl<'s, 'a> ser::Serializer for &'s mut Serializer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, v: bool) -> Result {
        Ok(CompactFormatter.write_bool(self.out, v)?)
    }

    fn serialize_i8(self, v: i8) -> Result {
        Ok(CompactFormatter.write_i8(self.out, v)?)
    }

    fn serialize_i16(self, v: i16) -> Result {
        Ok(CompactFormatter.write_i16(self.out, v)?)
    }

    fn serialize_i32(self, v: i32) -> Result {
        Ok(CompactFormatter.write_i32(self.out, v)?)
    }

    fn serialize_i64(self, v: i64) -> Result {
        Ok(CompactFormatter.write_i64(self.out, v)?)
    }

    fn serialize_i128(self, v: i128) -> Result {
        Ok(CompactFormatter.write_i128(self.out, v)?)
    }

    fn serialize_u8(self, v: u8) -> Result {
        Ok(CompactFormatter.write_u8(self.out, v)?)
    }

    fn serialize_u16(self, v: u16) -> Result {
        Ok(CompactFormatter.write_u16(self.out, v)?)
    }

    fn serialize_u32(self, v: u32) -> Result {
        Ok(CompactFormatter.write_u32(self.out, v)?)
    }

    fn serialize_u64(self, v: u64) -> Result {
        Ok(CompactFormatter.write_u64(self.out, v)?)
    }

    fn serialize_u128(self, v: u128) -> Result {
        Ok(CompactFormatter.write_u128(self.out, v)?)
    }

    fn serialize_f32(self, v: f32) -> Result {
        // serde_json writes NaN and the infinities as null.
        if v.is_finite() {
            Ok(CompactFormatter.write_f32(self.out, v)?)
        } else {
            self.null()
        }
    }

    fn serialize_f64(self, v: f64) -> Result {
        if v.is_finite() {
            Ok(CompactFormatter.write_f64(self.out, v)?)
        } else {
            self.null()
        }
    }

    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result {
        self.string(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        Ok(CompactFormatter.write_byte_array(self.out, v)?)
    }

    fn serialize_none(self) -> Result {
        self.null()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.null()
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.null()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.close_variant()
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'a>> {
        self.out.push(b'[');
        // Like serde_json, a sequence declared empty is closed at once.
        let state = if len == Some(0) {
            self.out.push(b']');
            State::Empty
        } else {
            State::First
        };
        Ok(Compound { ser: self, state })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>> {
        self.open_variant(variant)?;
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        // serde_json's rules for keys that are not strings are its own: let it write maps.
        Err(Unsupported)
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'s, 'a>> {
        // serde_json's Number and RawValue travel as structs with private names.
        if name.starts_with("$serde_json::") {
            return Err(Unsupported);
        }
        self.out.push(b'{');
        let state = if len == 0 {
            self.out.push(b'}');
            State::Empty
        } else {
            State::First
        };
        Ok(Compound { ser: self, state })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>> {
        self.open_variant(variant)?;
        self.serialize_struct(name, len)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(mut self) -> Result {
        self.end_array()
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(mut self) -> Result {
        self.end_array()
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(mut self) -> Result {
        self.end_array()
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(mut self) -> Result {
        self.end_array()?;
        self.ser.close_variant()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }

    fn end(mut self) -> Result {
        self.end_object()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }

    fn end(mut self) -> Result {
        self.end_object()?;
        self.ser.close_variant()
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it.
fn write_escaped(out: &mut Vec<u8>, s: &str) -> Result {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    match next_escape(bytes) {
        None => out.extend_from_slice(bytes),
        Some(at) => write_escaped_from(out, bytes, at)?,
    }
    out.push(b'"');
    Ok(())
}

/// The contents of a string whose first byte to escape is at `at` (the rare case).
#[cold]
fn write_escaped_from(out: &mut Vec<u8>, bytes: &[u8], mut at: usize) -> Result {
    let mut start = 0;
    loop {
        out.extend_from_slice(&bytes[start..at]);
        CompactFormatter.write_char_escape(out, char_escape(bytes[at]))?;
        start = at + 1;
        match next_escape(&bytes[start..]) {
            Some(k) => at = start + k,
            None => break,
        }
    }
    out.extend_from_slice(&bytes[start..]);
    Ok(())
}

/// Whether JSON needs `b` escaped inside a string.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// [`needs_escape`] without branches.
fn needs_escape_bitwise(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\')
}

/// The high bit of each byte of `w` that JSON needs escaped. Only the lowest marked byte
/// is exact (a borrow can carry out of a byte that is below the bound into the next), and
/// only it is used.
fn escape_bits(w: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1)
}

/// Offset of the first byte of `bytes` that must be escaped, eight bytes at a time.
fn next_escape(bytes: &[u8]) -> Option<usize> {
    // The first byte to escape among eight, read as one little-endian number.
    let first_in = |w: u64| {
        let hits = escape_bits(w);
        (hits != 0).then(|| hits.trailing_zeros() as usize / 8)
    };
    let n = bytes.len();
    if n < 8 {
        return next_escape_short(bytes);
    }
    let (blocks, _) = bytes.as_chunks::<16>();
    for (k, block) in blocks.iter().enumerate() {
        // Sixteen bytes tested without branches (a few vector instructions); the byte is
        // looked for only in a block that has one.
        let any = block
            .iter()
            .fold(false, |any, &b| any | needs_escape_bitwise(b));
        if any {
            let (halves, _) = block.as_chunks::<8>();
            return halves.iter().enumerate().find_map(|(h, half)| {
                first_in(u64::from_le_bytes(*half)).map(|i| k * 16 + h * 8 + i)
            });
        }
    }
    let (words, rest) = bytes[blocks.len() * 16..].as_chunks::<8>();
    if let Some(word) = words.first()
        && let Some(i) = first_in(u64::from_le_bytes(*word))
    {
        return Some(blocks.len() * 16 + i);
    }
    match bytes.last_chunk::<8>() {
        // The last eight bytes, of which those before `rest` are known clean.
        Some(last) if !rest.is_empty() => first_in(u64::from_le_bytes(*last)).map(|i| n - 8 + i),
        _ => None,
    }
}

/// [`next_escape`] for fewer than eight bytes: two overlapping four-byte reads (or, below
/// four bytes, the first, middle and last byte) cover them all.
fn next_escape_short(bytes: &[u8]) -> Option<usize> {
    let n = bytes.len();
    if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let w = u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32;
        let hits = escape_bits(w);
        if hits == 0 {
            return None;
        }
        // A hit in the head is exact; one in the tail is, when the head is clean.
        let i = hits.trailing_zeros() as usize / 8;
        return Some(if i < 4 { i } else { n - 4 + (i - 4) });
    }
    [0, n / 2, n.wrapping_sub(1)]
        .into_iter()
        .find(|&i| bytes.get(i).is_some_and(|&b| needs_escape(b)))
}

/// How serde_json writes byte `b` (one that [`needs_escape`]).
fn char_escape(b: u8) -> CharEscape {
    match b {
        b'"' => CharEscape::Quote,
        b'\\' => CharEscape::ReverseSolidus,
        0x08 => CharEscape::Backspace,
        0x09 => CharEscape::Tab,
        0x0A => CharEscape::LineFeed,
        0x0C => CharEscape::FormFeed,
        0x0D => CharEscape::CarriageReturn,
        _ => CharEscape::AsciiControl(b),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;
    use crate::model::Clause;
    use crate::pipeline::{self, Options};

    fn same<T: Serialize>(value: &T) {
        let want = serde_json::to_vec(value).unwrap();
        let got = to_vec(value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        for s in [
            String::new(),
            every_ascii.clone(),
            every_ascii.repeat(3),
            "第一条　总则\n（一）\"引文\"\\路径/\u{7F}\u{85}\u{2028}\r\n".repeat(5),
            "一二三四五六七八九十一二三四五六七八九十\t".into(),
            "x".repeat(15) + "\n" + &"y".repeat(16) + "\u{1}",
        ] {
            same(&s);
            for cut in 0..s.len().min(40) {
                if s.is_char_boundary(cut) {
                    same(&&s[cut..]);
                }
            }
        }
    }

    #[test]
    fn the_first_byte_to_escape_is_found_wherever_it_is() {
        let naive = |b: &[u8]| b.iter().position(|&c| needs_escape(c));
        for len in 0..20 {
            for at in 0..len {
                for b in 0..=255u8 {
                    // A second byte to escape after the first must not hide it.
                    for after in [b'a', 0x00, 0x1F, b'"'] {
                        let mut buf = vec![b'a'; len];
                        buf[at] = b;
                        if at + 1 < len {
                            buf[at + 1] = after;
                        }
                        assert_eq!(next_escape(&buf), naive(&buf), "{buf:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn scalars_and_shapes_are_serde_json_s() {
        same(&(
            true,
            false,
            -7i8,
            i64::MIN,
            u64::MAX,
            i128::MIN,
            u128::MAX,
            'q',
            '"',
        ));
        for f in [
            0.0,
            -0.0,
            0.99,
            1.0,
            1e300,
            -2.5e-310,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            same(&f);
            same(&(f as f32));
        }
        same(&());
        same(&Some(Some(3u8)));
        same(&None::<u8>);
        same(&Vec::<u8>::new());
        same(&vec![vec![1u8, 2], vec![], vec![3]]);
        same(&serde_bytes_like(b"ab\x00"));

        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Newtype(String);
        #[derive(Serialize)]
        struct Tuple(u8, &'static str);
        #[derive(Serialize)]
        struct Empty {}
        #[derive(Serialize)]
        struct Skipping {
            #[serde(skip_serializing_if = "Option::is_none")]
            a: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            b: Option<u8>,
        }
        #[derive(Serialize)]
        enum E {
            A,
            #[serde(rename = "b\"q")]
            B(u8),
            C(u8, u8),
            D {
                x: u8,
            },
            F {},
            G(),
        }
        same(&Unit);
        same(&Newtype("a\nb".into()));
        same(&Tuple(1, "t"));
        same(&Empty {});
        same(&Skipping { a: None, b: None });
        same(&Skipping {
            a: None,
            b: Some(2),
        });
        same(&Skipping {
            a: Some(1),
            b: Some(2),
        });
        same(&[E::A, E::B(1), E::C(1, 2), E::D { x: 3 }, E::F {}, E::G()]);
    }

    /// A byte slice serialized as bytes (serde's `serialize_bytes`).
    fn serde_bytes_like(b: &'static [u8]) -> impl Serialize {
        struct Bytes(&'static [u8]);
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Bytes(b)
    }

    #[test]
    fn maps_and_failures_are_left_to_serde_json() {
        let mut m = BTreeMap::new();
        m.insert("k\"1", vec![1u8]);
        m.insert("k2", vec![]);
        same(&m);
        same(&vec![Some(m.clone())]);
        let mut by_number = BTreeMap::new();
        by_number.insert(3u8, "x");
        same(&by_number);
        let mut by_list = BTreeMap::new();
        by_list.insert(vec![1u8], "x");
        assert!(serde_json::to_vec(&by_list).is_err());
        assert!(to_vec(&by_list).is_err());
        let mut out = b"kept".to_vec();
        assert!(write(&mut out, &by_list).is_err());
        assert!(out.starts_with(b"kept"));
        let v: serde_json::Value =
            serde_json::from_str(r#"{"a":[1,2.5,"x\n",null,true,{"b":{}}]}"#).unwrap();
        same(&v);
    }

    #[test]
    fn records_are_serde_json_s() {
        let text = "关于加强监督的规定\r\n第一条　为了\"规范\"工作，制定本规定。\r\n\
                    第二条　党委（党组）履行主体责任，纪委负监督责任。\t\r\n\
                    第三条　有下列情形之一的，应当追究责任：\n（一）失职；\n（二）渎职。\n\
                    第四条　对直接责任人给予警告处分；情节严重的，撤销党内职务。\n";
        let opts = Options {
            tokens: true,
            ..Options::default()
        };
        let r = pipeline::process_bytes("a\\b.txt", text.as_bytes(), &opts);
        assert!(!r.documents[0].clauses.is_empty());
        same(&r);
        let mut c: Clause = r.documents[0].clauses[0].clone();
        c.garbled = true;
        c.heading = None;
        same(&c);
        same(&pipeline::process_bytes("bin", b"\0\0\0\x01\x02", &opts));
    }
}
