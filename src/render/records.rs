//! The printers of `extract`: records as JSON Lines (also the `--output` files and the
//! streaming mode), as one JSON array, or as the CSV tables of [`super::csv`].
//!
//! A record is rendered where it was made ([`render`], on the worker thread), and the
//! [`Printer`] writes the rendered records in input order: the writer only copies bytes.
//! serde's derive on the types of `model` is the one source of the JSON shape.
//!
//! Records are written by sonic-rs, whose string escaping looks at 32 bytes at a time: the
//! output is mostly Chinese text, which serde_json's writer checks byte by byte (≈ 8 % of
//! `extract`'s instructions, BENCHMARKS.md). The bytes are serde_json's: the same escapes
//! (`\"`, `\\`, `\b \f \n \r \t`, `\u00xx` in lower case for the other controls; `/`, DEL
//! and all non-ASCII kept as they are) and the same shortest float digits (both use zmij);
//! the tests below compare the two writers.

use std::io::{self, Write};

use super::csv::{self, Rows};
use crate::model::Record;

/// How `extract` prints its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One record per input per line.
    Jsonl,
    /// One JSON array of records.
    Json,
    /// CSV tables of responsibilities, conditions, sanctions and metadata: one table with a
    /// `table` column on stdout, or responsibilities.csv, conditions.csv, sanctions.csv and
    /// metadata.csv under `--output DIR`.
    Csv,
}

/// One record as its printer renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// The record's compact JSON, without a line break.
    Json(Vec<u8>),
    /// The record's CSV rows.
    Csv(Rows),
}

/// A record as compact JSON (byte for byte what serde_json writes), in a buffer with room for a typical
/// record (two to three times the size of its input, up to 64 MiB) and a line break, so
/// that it is rarely copied as it grows. An error record is small.
pub fn json(r: &Record) -> Vec<u8> {
    const MOST: usize = 64 << 20;
    let input = usize::try_from(r.source.bytes).unwrap_or(MOST);
    let room = if r.documents.is_empty() {
        1024
    } else {
        input.saturating_mul(3).min(MOST) + 1024
    };
    let mut out = Vec::with_capacity(room);
    // Serialising plain data into a vector does not fail.
    let _ = sonic_rs::to_writer(&mut out, r);
    out
}

/// A record as one line of JSON Lines (with its line break).
pub fn json_line(r: &Record) -> Vec<u8> {
    let mut out = json(r);
    out.push(b'\n');
    out
}

/// Render `r` for `format`.
pub fn render(format: Format, r: &Record) -> Rendered {
    match format {
        Format::Jsonl | Format::Json => Rendered::Json(json(r)),
        Format::Csv => Rendered::Csv(csv::rows(r)),
    }
}

/// Writes rendered records to a stream in input order: JSON Lines, one JSON array, the
/// combined CSV table, or (`csv_files`) the three CSV tables kept for the end of the run.
#[derive(Debug)]
pub struct Printer<W: Write> {
    format: Format,
    out: W,
    first: bool,
    /// The three tables being filled, when they go to files instead of `out`.
    tables: Option<[Vec<u8>; csv::TABLES]>,
}

impl<W: Write> Printer<W> {
    /// A printer writing to `out`; with `csv_files`, CSV rows are kept for
    /// [`Printer::finish`] instead. Writes what comes before the first record.
    pub fn new(format: Format, mut out: W, csv_files: bool) -> io::Result<Self> {
        let tables = (format == Format::Csv && csv_files).then(csv::table_headers);
        match format {
            Format::Json => out.write_all(b"[")?,
            Format::Csv if tables.is_none() => out.write_all(&csv::combined_header())?,
            Format::Jsonl | Format::Csv => {}
        }
        Ok(Printer {
            format,
            out,
            first: true,
            tables,
        })
    }

    /// Print one rendered record.
    pub fn print(&mut self, r: Rendered) -> io::Result<()> {
        let first = std::mem::replace(&mut self.first, false);
        match (self.format, r) {
            (Format::Jsonl, Rendered::Json(mut json)) => {
                // The record and its line break in one write (its buffer has room).
                json.push(b'\n');
                self.out.write_all(&json)
            }
            (Format::Json, Rendered::Json(json)) => {
                if !first {
                    self.out.write_all(b",\n")?;
                }
                self.out.write_all(&json)
            }
            (Format::Csv, Rendered::Csv(rows)) => match &mut self.tables {
                Some(tables) => {
                    for (t, r) in tables.iter_mut().zip(rows.tables) {
                        t.extend(r);
                    }
                    Ok(())
                }
                None => self.out.write_all(&rows.combined),
            },
            (Format::Jsonl | Format::Json | Format::Csv, other) => Err(io::Error::other(format!(
                "a record rendered as {other:?} given to the {:?} printer",
                self.format
            ))),
        }
    }

    /// Write what comes after the last record and flush; the three CSV tables when they
    /// were kept for files.
    pub fn finish(mut self) -> io::Result<Option<[Vec<u8>; csv::TABLES]>> {
        if self.format == Format::Json {
            self.out.write_all(b"]\n")?;
        }
        self.out.flush()?;
        Ok(self.tables)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, process_str};

    fn records() -> Vec<Record> {
        ["第一条　区民政局负责监管。\n", "一、总则\n（一）甲。\n"]
            .iter()
            .enumerate()
            .map(|(i, t)| process_str(&format!("{i}.txt"), t, &Options::default()))
            .collect()
    }

    fn print(format: Format, files: bool) -> (Vec<u8>, Option<[Vec<u8>; csv::TABLES]>) {
        let mut out = Vec::new();
        let mut p = Printer::new(format, &mut out, files).unwrap();
        for r in records() {
            p.print(render(format, &r)).unwrap();
        }
        let tables = p.finish().unwrap();
        (out, tables)
    }

    #[test]
    fn json_lines_and_array_are_serde_json() {
        let recs = records();
        let (lines, _) = print(Format::Jsonl, false);
        let want: Vec<u8> = recs
            .iter()
            .flat_map(|r| [serde_json::to_vec(r).unwrap(), b"\n".to_vec()].concat())
            .collect();
        assert_eq!(lines, want);
        let (array, _) = print(Format::Json, false);
        let parsed: Vec<Record> = serde_json::from_slice(&array).unwrap();
        assert_eq!(parsed, recs);
        assert!(array.ends_with(b"}]\n"));
    }

    /// Every escape, in runs shorter and longer than the 32 bytes the writer reads at once,
    /// at the start, middle and end of a run, and in the path, the text and the clauses.
    #[test]
    fn escapes_match_serde_json() {
        let controls: String = (0u8..0x20).map(char::from).collect();
        let tricky = format!("\"\\/{controls}\u{7f}\u{2028}\u{2029}\u{feff}😀é");
        for (pad, tail) in [(0, 0), (3, 1), (29, 31), (31, 33), (64, 2), (100, 95)] {
            let head = "责".repeat(pad);
            let end = "任".repeat(tail);
            let text = format!(
                "第一条　{head}{tricky}{end}区民政局负责监管。\n第二条　\"{head}\"负责\\{end}。\n"
            );
            let path = format!("{head}/{tricky}.txt");
            let r = process_str(&path, &text, &Options::default());
            assert_eq!(
                json(&r),
                serde_json::to_vec(&r).unwrap(),
                "pad {pad}, tail {tail}"
            );
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        /// Arbitrary text (any scalar values, control characters and quotes made common)
        /// gives serde_json's bytes.
        #[test]
        fn any_record_is_serde_jsons_bytes(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "第一条　", "\n", "\r\n", "（一）", "负责", "\"", "\\", "/", "\t",
                        "\u{0}", "\u{1f}", "\u{7f}", "\u{85}", "\u{2028}", "。",
                    ])
                    .prop_map(str::to_string),
                    proptest::string::string_regex(".{0,40}").unwrap(),
                ],
                0..24,
            ),
            path in proptest::string::string_regex(".{0,12}").unwrap(),
        ) {
            let r = process_str(&path, &pieces.concat(), &Options::default());
            proptest::prop_assert_eq!(json(&r), serde_json::to_vec(&r).unwrap());
        }
    }

    #[test]
    fn csv_on_a_stream_and_in_files_hold_the_same_rows() {
        let (combined, none) = print(Format::Csv, false);
        assert!(none.is_none());
        assert!(combined.starts_with(csv::BOM));
        let (nothing, tables) = print(Format::Csv, true);
        assert!(nothing.is_empty());
        let tables = tables.unwrap();
        let rows = |t: &[u8]| String::from_utf8(t.to_vec()).unwrap().lines().count() - 1;
        let combined_rows = rows(&combined);
        assert_eq!(tables.iter().map(|t| rows(t)).sum::<usize>(), combined_rows);
        assert!(tables.iter().all(|t| t.starts_with(csv::BOM)));
    }
}
