//! Streaming mode (`gongwen extract --stdin-format jsonl`), for distributed engines that
//! pipe records through a long-lived process (Spark `RDD.pipe` / `mapInArrow`, Hadoop
//! Streaming, Dask, Ray).
//!
//! One request per input line, one of:
//! `{"id": "…", "text": "…"}`, `{"id": "…", "path": "…"}`, `{"id": "…", "b64": "…"}`
//! (`id` may also be a number; exactly one of `text`/`path`/`b64`). Each request gets one
//! record on output, in request order, carrying the request's `id`; a bad request
//! (malformed JSON, missing or conflicting fields, bad base64, unreadable path, a line
//! longer than the size guard allows) gets an error record of kind `request` (or the
//! document's own error) and the process lives on. Blank lines are ignored.
//!
//! Records are flushed one by one and requests are read lazily (at most a small window
//! ahead of the output), so a driver that writes a request and waits for its answer never
//! deadlocks.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use base64::Engine as _;
use serde::Deserialize;

use crate::batch::{self, Input, Shard};
use crate::error_record;
use crate::model::{ErrorKind, Record, Stage, Status};
use crate::ordered::{self, Failure, Setup};
use crate::pipeline::{self, Options};

/// How a streaming run is set up.
#[derive(Debug, Clone)]
pub struct Config {
    /// Pipeline options (size guard, time budget, tokens).
    pub opts: Options,
    /// Worker threads (1 by default in this mode).
    pub threads: usize,
    /// Only answer the requests of this shard (by id; by the raw line when it has none).
    pub shard: Option<Shard>,
}

/// Counts of a streaming run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub records: u64,
    /// Of which error records.
    pub errors: u64,
}

/// One line read from the request stream.
#[derive(Debug)]
pub enum Line {
    /// A request line (without its line break).
    Request {
        /// 1-based line number.
        number: u64,
        /// The raw bytes.
        bytes: Vec<u8>,
    },
    /// A line longer than the limit (its bytes were discarded).
    TooLong {
        /// 1-based line number.
        number: u64,
        /// Its length.
        len: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading the stream failed; the stream ends after this.
    Broken {
        /// 1-based line number.
        number: u64,
        /// The error.
        message: String,
    },
}

/// Reads request lines lazily with a per-line size cap.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    cap: u64,
    number: u64,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most `cap` bytes (0 = no limit).
    pub fn new(reader: R, cap: u64) -> Self {
        Lines {
            reader,
            cap: if cap == 0 { u64::MAX } else { cap },
            number: 0,
            done: false,
        }
    }

    /// Read up to and including the next `\n`; keeps at most `cap` bytes. Returns the
    /// line's length without its `\n`, or `None` at end of input.
    fn read_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<u64>> {
        let mut seen = 0u64;
        loop {
            let chunk = match self.reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok((seen > 0).then_some(seen));
            }
            let (take, end) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = self.cap.saturating_sub(buf.len() as u64) as usize;
            buf.extend_from_slice(&chunk[..take.min(room)]);
            seen += take as u64;
            self.reader.consume(take);
            if end {
                return Ok(Some(seen - 1));
            }
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        while !self.done {
            let mut buf = Vec::new();
            let read = self.read_line(&mut buf);
            self.number += 1;
            let number = self.number;
            let len = match read {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(len)) => len,
                Err(e) => {
                    self.done = true;
                    return Some(Line::Broken {
                        number,
                        message: e.to_string(),
                    });
                }
            };
            if len > self.cap {
                return Some(Line::TooLong {
                    number,
                    len,
                    limit: self.cap,
                });
            }
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Line::Request { number, bytes: buf });
        }
        None
    }
}

/// A request as sent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequest {
    id: Option<serde_json::Value>,
    text: Option<String>,
    path: Option<PathBuf>,
    b64: Option<String>,
}

/// What a request asks to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// Inline text.
    Text(String),
    /// A file to read.
    Path(PathBuf),
    /// Raw bytes (any encoding), base64-encoded in the request.
    Bytes(Vec<u8>),
}

/// A request that could not be understood: the id when one was found, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRequest {
    /// The request's id, when it had a usable one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Parse one request line.
pub fn parse_request(line: &[u8]) -> Result<(String, Payload), BadRequest> {
    let raw: RawRequest = serde_json::from_slice(line).map_err(|e| BadRequest {
        id: id_of_malformed(line),
        message: format!("malformed JSON request: {e}"),
    })?;
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(BadRequest {
                id: None,
                message: "\"id\" must be a string or a number".into(),
            });
        }
        None => {
            return Err(BadRequest {
                id: None,
                message: "missing \"id\"".into(),
            });
        }
    };
    let bad = |message: String| BadRequest {
        id: Some(id.clone()),
        message,
    };
    let payload = match (raw.text, raw.path, raw.b64) {
        (Some(t), None, None) => Payload::Text(t),
        (None, Some(p), None) => Payload::Path(p),
        (None, None, Some(b)) => Payload::Bytes(
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .map_err(|e| bad(format!("\"b64\" is not valid base64: {e}")))?,
        ),
        (None, None, None) => {
            return Err(bad(
                "missing content: one of \"text\", \"path\" or \"b64\" is required".into(),
            ));
        }
        _ => {
            return Err(bad(
                "conflicting content: give exactly one of \"text\", \"path\" or \"b64\"".into(),
            ));
        }
    };
    Ok((id, payload))
}

/// The `id` of a request that is not a valid request as a whole but still a JSON object
/// with an `id` (so its error record can carry it).
fn id_of_malformed(line: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(line).ok()?;
    match v.get("id")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The key a line is sharded by: its id, or the raw line when it has none.
fn shard_key(line: &Line) -> Vec<u8> {
    match line {
        Line::Request { bytes, .. } => match parse_request(bytes) {
            Ok((id, _)) => id.into_bytes(),
            Err(BadRequest { id: Some(id), .. }) => id.into_bytes(),
            Err(_) => bytes.clone(),
        },
        Line::TooLong { number, .. } | Line::Broken { number, .. } => {
            number.to_string().into_bytes()
        }
    }
}

/// Answer one line (never panics out; the engine catches panics anyway).
pub fn answer(line: &Line, opts: &Options) -> Record {
    let (number, bytes) = match line {
        Line::Request { number, bytes } => (*number, bytes),
        Line::TooLong { number, len, limit } => {
            return error_record::request(
                None,
                *number,
                &format!("{len} bytes exceed the request size limit of {limit} bytes"),
            );
        }
        Line::Broken { number, message } => {
            return error_record::request(
                None,
                *number,
                &format!("cannot read the request: {message}"),
            );
        }
    };
    let (id, payload) = match parse_request(bytes) {
        Ok(x) => x,
        Err(BadRequest { id, message }) => return error_record::request(id, number, &message),
    };
    let mut r = match payload {
        Payload::Text(t) => labelled(pipeline::process_str(&label(&id), &t, opts)),
        Payload::Bytes(b) => labelled(pipeline::process_bytes(&label(&id), &b, opts)),
        Payload::Path(p) => {
            let label = p.to_string_lossy().into_owned();
            let relative = PathBuf::from(p.file_name().unwrap_or(p.as_os_str()));
            let input = Input::file(p, label, relative);
            let mut r = batch::process_input(&input, opts);
            if let Some(e) = r.error.as_mut().filter(|e| e.kind == ErrorKind::Io) {
                // A path that cannot be read is a bad request, not a bad document.
                e.kind = ErrorKind::Request;
            }
            r
        }
    };
    r.id = Some(id);
    r
}

/// Messages name the request; the record's `source.path` is `-` (it came on stdin).
fn label(id: &str) -> String {
    format!("request {id}")
}

fn labelled(mut r: Record) -> Record {
    r.source.path = "-".into();
    r
}

/// The record for a request whose processing failed (timeout or panic).
fn failed(line: &Line, f: Failure) -> Record {
    let id = match line {
        Line::Request { bytes, .. } => parse_request(bytes).ok().map(|(id, _)| id),
        _ => None,
    };
    let what = id.as_deref().map_or_else(|| "request".to_string(), label);
    let mut r = match f {
        Failure::Timeout(budget) => error_record::timeout(&what, None, Stage::Analyse, budget),
        Failure::Panic(m) => error_record::panic(&what, None, Stage::Analyse, &m),
    };
    r.source.path = "-".into();
    r.id = id;
    r
}

/// Run streaming mode: read requests from `input`, write one JSON record per line to
/// `output`, flushing after each.
pub fn run<R, W>(input: R, output: &mut W, config: &Config) -> io::Result<Summary>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    // A request carries at most one file: JSON escapes or base64 may double its size.
    let cap = config
        .opts
        .max_file_size
        .saturating_mul(2)
        .saturating_add(64 * 1024);
    let shard = config.shard;
    let lines = Lines::new(
        input,
        if config.opts.max_file_size == 0 {
            0
        } else {
            cap
        },
    )
    .filter(move |l| shard.is_none_or(|s| s.contains(&shard_key(l))));
    let threads = config.threads.max(1);
    let opts = config.opts.clone();
    let mut summary = Summary::default();
    let setup = Setup {
        threads,
        window: threads * 4,
        timeout: config.opts.timeout,
    };
    ordered::run(
        setup,
        lines,
        move |line| serialise(&answer(line, &opts)),
        |line, f| serialise(&failed(line, f)),
        |_, (status, mut json)| {
            summary.records += 1;
            if status == Status::Error {
                summary.errors += 1;
            }
            // The record and its line break in one write (its buffer has room).
            json.push(b'\n');
            output.write_all(&json)?;
            output.flush()
        },
    )?;
    Ok(summary)
}

fn serialise(r: &Record) -> (Status, Vec<u8>) {
    (r.status, crate::render::records::json(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_request_kinds() {
        assert_eq!(
            parse_request(br#"{"id":"a","text":"x"}"#).unwrap(),
            ("a".into(), Payload::Text("x".into()))
        );
        assert_eq!(
            parse_request(br#"{"id":7,"path":"d/x.txt"}"#).unwrap(),
            ("7".into(), Payload::Path("d/x.txt".into()))
        );
        assert_eq!(
            parse_request(br#"{"id":"b","b64":"5LiA"}"#).unwrap(),
            ("b".into(), Payload::Bytes("一".as_bytes().to_vec()))
        );
    }

    #[test]
    fn bad_requests_say_why_and_keep_the_id() {
        let e = parse_request(b"{not json").unwrap_err();
        assert!(e.message.contains("malformed JSON"), "{e:?}");
        let e = parse_request(br#"{"text":"x"}"#).unwrap_err();
        assert!(e.message.contains("missing \"id\""));
        let e = parse_request(br#"{"id":"q"}"#).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("q"));
        let e = parse_request(br#"{"id":"q","b64":"!!"}"#).unwrap_err();
        assert!(e.message.contains("base64"));
        let e = parse_request(br#"{"id":"q","text":"a","path":"b"}"#).unwrap_err();
        assert!(e.message.contains("exactly one"));
        let e = parse_request(br#"{"id":"q","txt":"a"}"#).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("q"));
    }

    #[test]
    fn lines_are_capped_and_blank_lines_skipped() {
        let data = b"abc\n\n   \r\nabcdefgh\r\nxy".to_vec();
        let got: Vec<Line> = Lines::new(io::Cursor::new(data), 5).collect();
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Line::Request { number: 1, bytes } if bytes == b"abc"));
        assert!(matches!(
            &got[1],
            Line::TooLong {
                number: 4,
                len: 9,
                limit: 5
            }
        ));
        assert!(matches!(&got[2], Line::Request { number: 5, bytes } if bytes == b"xy"));
    }

    #[test]
    fn one_record_per_request_in_order() {
        let reqs = "{\"id\":\"1\",\"text\":\"一、总则\\n（一）内容。\"}\n\
                    garbage\n\
                    {\"id\":\"3\",\"b64\":\"5LiA\"}\n";
        let mut out = Vec::new();
        let config = Config {
            opts: Options::default(),
            threads: 2,
            shard: None,
        };
        let s = run(io::Cursor::new(reqs.as_bytes().to_vec()), &mut out, &config).unwrap();
        assert_eq!(s.records, 3);
        let recs: Vec<Record> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(recs[0].id.as_deref(), Some("1"));
        assert_eq!(recs[0].status, Status::Ok);
        assert_eq!(recs[1].error.as_ref().unwrap().kind, ErrorKind::Request);
        assert_eq!(recs[2].id.as_deref(), Some("3"));
    }
}
