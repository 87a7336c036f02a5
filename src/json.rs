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

use crate::model::{
    Accountability, Clause, Condition, ConditionKind, Diagnostic, Document, ErrorInfo, Record,
    Responsibility, Sanction, Severity, Source, Status,
};

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
    if r.write_json(&mut out).is_err() {
        out.clear();
        write(&mut out, r)?;
    }
    Ok(out)
}

/// One line of `check --format json`: diagnostic `d` with `path` as its path, the bytes
/// `serde_json::to_writer` writes for it.
pub fn diagnostic_line(out: &mut Vec<u8>, path: &str, d: &Diagnostic) {
    let mark = out.len();
    if d.write_fields(out, Some(path)).is_err() {
        out.truncate(mark);
        let mut d = d.clone();
        d.path = Some(path.to_string());
        // Writing to a vector does not fail.
        let _ = write(out, &d);
    }
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

/// The record types, written field by field as their serde derive has serde_json write
/// them: each key with its quotes, its colon and the comma before it is one byte string,
/// and no serializer state is kept. (`records_are_serde_json_s` compares the two.)
trait WriteJson {
    fn write_json(&self, out: &mut Vec<u8>) -> Result;
}

#[inline]
fn json_str(out: &mut Vec<u8>, s: &str) -> Result {
    write_escaped(out, s)
}

#[inline]
fn json_u64(out: &mut Vec<u8>, v: u64) -> Result {
    Ok(CompactFormatter.write_u64(out, v)?)
}

#[inline]
fn json_bool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

#[inline]
fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) -> Result {
    match s {
        Some(s) => json_str(out, s),
        None => {
            out.extend_from_slice(b"null");
            Ok(())
        }
    }
}

/// `[a,b,…]`.
fn json_array<T: WriteJson>(out: &mut Vec<u8>, items: &[T]) -> Result {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item.write_json(out)?;
    }
    out.push(b']');
    Ok(())
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        json_str(out, self)
    }
}

impl WriteJson for Record {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"schema_version\":");
        json_str(out, &self.schema_version)?;
        if let Some(id) = &self.id {
            out.extend_from_slice(b",\"id\":");
            json_str(out, id)?;
        }
        out.extend_from_slice(b",\"source\":");
        self.source.write_json(out)?;
        out.extend_from_slice(b",\"status\":");
        self.status.write_json(out)?;
        if let Some(e) = &self.error {
            out.extend_from_slice(b",\"error\":");
            e.write_json(out)?;
        }
        out.extend_from_slice(b",\"documents\":");
        json_array(out, &self.documents)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Status {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(match self {
            Status::Ok => b"\"ok\"",
            Status::Error => b"\"error\"",
        });
        Ok(())
    }
}

impl WriteJson for Source {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"path\":");
        json_str(out, &self.path)?;
        out.extend_from_slice(b",\"bytes\":");
        json_u64(out, self.bytes)?;
        out.extend_from_slice(b",\"sha256\":");
        json_str(out, &self.sha256)?;
        out.extend_from_slice(b",\"encoding\":");
        json_opt_str(out, self.encoding.as_deref())?;
        out.extend_from_slice(b",\"encoding_confidence\":");
        // serde_json writes NaN and the infinities as null.
        let c = self.encoding_confidence;
        if c.is_finite() {
            CompactFormatter.write_f64(out, c)?;
        } else {
            out.extend_from_slice(b"null");
        }
        out.extend_from_slice(b",\"bom\":");
        json_bool(out, self.bom);
        out.extend_from_slice(b",\"decode_errors\":");
        json_u64(out, self.decode_errors)?;
        out.extend_from_slice(b",\"lines\":");
        json_u64(out, self.lines)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for ErrorInfo {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"kind\":");
        json_str(out, &self.kind)?;
        out.extend_from_slice(b",\"stage\":");
        json_str(out, &self.stage)?;
        out.extend_from_slice(b",\"message\":");
        json_str(out, &self.message)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Document {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"title\":");
        json_opt_str(out, self.title.as_deref())?;
        out.extend_from_slice(b",\"line_start\":");
        json_u64(out, self.line_start)?;
        out.extend_from_slice(b",\"line_end\":");
        json_u64(out, self.line_end)?;
        out.extend_from_slice(b",\"profile\":");
        json_str(out, &self.profile)?;
        out.extend_from_slice(b",\"clauses\":");
        json_array(out, &self.clauses)?;
        out.extend_from_slice(b",\"responsibilities\":");
        json_array(out, &self.responsibilities)?;
        out.extend_from_slice(b",\"accountability\":");
        self.accountability.write_json(out)?;
        out.extend_from_slice(b",\"diagnostics\":");
        json_array(out, &self.diagnostics)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Clause {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"marker\":");
        json_str(out, &self.marker)?;
        out.extend_from_slice(b",\"number\":");
        json_u64(out, u64::from(self.number))?;
        out.extend_from_slice(b",\"style\":");
        json_str(out, &self.style)?;
        out.extend_from_slice(b",\"level\":");
        json_u64(out, u64::from(self.level))?;
        out.extend_from_slice(b",\"path\":");
        json_str(out, &self.path)?;
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line)?;
        out.extend_from_slice(b",\"column\":");
        json_u64(out, self.column)?;
        out.extend_from_slice(b",\"inline\":");
        json_bool(out, self.inline);
        if self.garbled {
            out.extend_from_slice(b",\"garbled\":true");
        }
        out.extend_from_slice(b",\"heading\":");
        json_opt_str(out, self.heading.as_deref())?;
        out.extend_from_slice(b",\"text\":");
        json_str(out, &self.text)?;
        out.extend_from_slice(b",\"byte_start\":");
        json_u64(out, self.byte_start)?;
        out.extend_from_slice(b",\"byte_end\":");
        json_u64(out, self.byte_end)?;
        if let Some(tokens) = &self.tokens {
            out.extend_from_slice(b",\"tokens\":");
            json_array(out, tokens)?;
        }
        out.extend_from_slice(b",\"children\":");
        json_array(out, &self.children)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Responsibility {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"holder\":");
        json_str(out, &self.holder)?;
        out.extend_from_slice(b",\"role\":");
        json_str(out, self.role.as_str())?;
        out.extend_from_slice(b",\"clause_path\":");
        json_str(out, &self.clause_path)?;
        out.extend_from_slice(b",\"quote\":");
        json_str(out, &self.quote)?;
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Accountability {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"conditions\":");
        json_array(out, &self.conditions)?;
        out.extend_from_slice(b",\"sanctions\":");
        json_array(out, &self.sanctions)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Condition {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"clause_path\":");
        json_str(out, &self.clause_path)?;
        out.extend_from_slice(b",\"text\":");
        json_str(out, &self.text)?;
        out.extend_from_slice(b",\"kind\":");
        out.extend_from_slice(match self.kind {
            ConditionKind::Condition => b"\"condition\"",
            ConditionKind::Aggravating => b"\"aggravating\"",
            ConditionKind::Exemption => b"\"exemption\"",
            ConditionKind::CatchAll => b"\"catch_all\"",
        });
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Sanction {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        out.extend_from_slice(b"{\"sanction\":");
        json_str(out, &self.sanction)?;
        out.extend_from_slice(b",\"category\":");
        json_str(out, self.category.as_str())?;
        if let Some(k) = self.penalty_kind {
            out.extend_from_slice(b",\"penalty_kind\":");
            json_str(out, k.as_str())?;
        }
        out.extend_from_slice(if self.imposed {
            b",\"imposed\":true"
        } else {
            b",\"imposed\":false"
        });
        out.extend_from_slice(b",\"target\":");
        json_opt_str(out, self.target.as_deref())?;
        out.extend_from_slice(b",\"clause_path\":");
        json_str(out, &self.clause_path)?;
        out.extend_from_slice(b",\"quote\":");
        json_str(out, &self.quote)?;
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Diagnostic {
    fn write_json(&self, out: &mut Vec<u8>) -> Result {
        self.write_fields(out, self.path.as_deref())
    }
}

impl Diagnostic {
    /// The diagnostic with `path` in place of its own.
    fn write_fields(&self, out: &mut Vec<u8>, path: Option<&str>) -> Result {
        match path {
            Some(p) => {
                out.extend_from_slice(b"{\"path\":");
                json_str(out, p)?;
                out.extend_from_slice(b",\"rule\":");
            }
            None => out.extend_from_slice(b"{\"rule\":"),
        }
        json_str(out, &self.rule)?;
        out.extend_from_slice(b",\"severity\":");
        out.extend_from_slice(match self.severity {
            Severity::Info => b"\"info\"",
            Severity::Warning => b"\"warning\"",
            Severity::Error => b"\"error\"",
        });
        out.extend_from_slice(b",\"message\":");
        json_str(out, &self.message)?;
        out.extend_from_slice(b",\"line\":");
        json_u64(out, self.line)?;
        out.extend_from_slice(b",\"column\":");
        json_u64(out, self.column)?;
        let optional: [(&[u8], Option<&str>); 3] = [
            (b",\"expected\":", self.expected.as_deref()),
            (b",\"found\":", self.found.as_deref()),
            (b",\"standard\":", self.standard.as_deref()),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                out.extend_from_slice(key);
                json_str(out, v)?;
            }
        }
        if let Some(n) = self.document {
            out.extend_from_slice(b",\"document\":");
            json_u64(out, u64::from(n))?;
        }
        let optional: [(&[u8], Option<&str>); 2] = [
            (b",\"clause_path\":", self.clause_path.as_deref()),
            (b",\"profile\":", self.profile.as_deref()),
        ];
        for (key, value) in optional {
            if let Some(v) = value {
                out.extend_from_slice(key);
                json_str(out, v)?;
            }
        }
        out.push(b'}');
        Ok(())
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

    /// Every model type with every optional field absent, then present.
    #[test]
    fn record_fields_are_written_as_serde_derives_them() {
        let odd = "a\"b\\c\n\u{1}第一条";
        let diagnostic = |some: bool| Diagnostic {
            path: some.then(|| odd.to_string()),
            rule: "numbering-gap".into(),
            severity: if some {
                Severity::Warning
            } else {
                Severity::Info
            },
            message: odd.into(),
            line: 3,
            column: u64::MAX,
            expected: some.then(|| "（二）".into()),
            found: some.then(|| "（三）".into()),
            standard: some.then(|| "GB/T 9704-2012 7.3.3".into()),
            document: some.then_some(u32::MAX),
            clause_path: some.then(|| "一/（二）".into()),
            profile: some.then(|| "gongwen".into()),
        };
        let clause = |some: bool, children: Vec<Clause>| Clause {
            marker: "（一）".into(),
            number: u32::MAX,
            style: "cn-paren".into(),
            level: 2,
            path: odd.into(),
            line: 0,
            column: 1,
            inline: some,
            garbled: some,
            heading: some.then(|| odd.into()),
            text: odd.repeat(9),
            byte_start: 5,
            byte_end: 90,
            tokens: some.then(|| vec![String::new(), odd.into()]),
            children,
        };
        let document = |some: bool| Document {
            title: some.then(|| odd.into()),
            line_start: 1,
            line_end: 20,
            profile: "statute".into(),
            clauses: vec![
                clause(some, vec![clause(!some, vec![]), clause(some, vec![])]),
                clause(!some, vec![]),
            ],
            responsibilities: vec![Responsibility {
                holder: odd.into(),
                role: crate::model::Role::Principal,
                clause_path: String::new(),
                quote: odd.into(),
                line: 7,
            }],
            accountability: Accountability {
                conditions: [
                    ConditionKind::Condition,
                    ConditionKind::Aggravating,
                    ConditionKind::Exemption,
                    ConditionKind::CatchAll,
                ]
                .into_iter()
                .map(|kind| Condition {
                    clause_path: "第三条".into(),
                    text: odd.into(),
                    kind,
                    line: 9,
                })
                .collect(),
                sanctions: vec![Sanction {
                    sanction: "警告".into(),
                    category: if some {
                        crate::model::SanctionCategory::AdministrativePenalty
                    } else {
                        crate::model::SanctionCategory::PartyDiscipline
                    },
                    penalty_kind: some.then_some(crate::model::PenaltyKind::Reputational),
                    imposed: some,
                    target: some.then(|| odd.into()),
                    clause_path: "第四条".into(),
                    quote: odd.into(),
                    line: 11,
                }],
            },
            diagnostics: vec![diagnostic(some), diagnostic(!some)],
        };
        for some in [false, true] {
            for confidence in [0.0, 0.99, 1.0, 1e-7, f64::NAN, f64::INFINITY] {
                let r = Record {
                    schema_version: crate::model::SCHEMA_VERSION.into(),
                    id: some.then(|| odd.into()),
                    source: Source {
                        path: odd.into(),
                        bytes: u64::MAX,
                        sha256: "ab".repeat(32),
                        encoding: some.then(|| "GB18030".into()),
                        encoding_confidence: confidence,
                        bom: some,
                        decode_errors: 2,
                        lines: 0,
                    },
                    status: if some { Status::Error } else { Status::Ok },
                    error: some.then(|| ErrorInfo {
                        kind: "io".into(),
                        stage: "read".into(),
                        message: odd.into(),
                    }),
                    documents: if some {
                        vec![document(some), document(!some)]
                    } else {
                        Vec::new()
                    },
                };
                assert_eq!(
                    String::from_utf8_lossy(&record(&r).unwrap()),
                    String::from_utf8_lossy(&serde_json::to_vec(&r).unwrap())
                );
            }
            let d = diagnostic(some);
            let mut line = b"kept".to_vec();
            diagnostic_line(&mut line, "p\"q", &d);
            let mut with_path = d.clone();
            with_path.path = Some("p\"q".into());
            assert_eq!(
                String::from_utf8_lossy(&line),
                format!("kept{}", serde_json::to_string(&with_path).unwrap())
            );
        }
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
        assert_eq!(record(&r).unwrap(), serde_json::to_vec(&r).unwrap());
        let mut c: Clause = r.documents[0].clauses[0].clone();
        c.garbled = true;
        c.heading = None;
        same(&c);
        let bin = pipeline::process_bytes("bin", b"\0\0\0\x01\x02", &opts);
        same(&bin);
        assert_eq!(record(&bin).unwrap(), serde_json::to_vec(&bin).unwrap());
    }
}
