//! The per-document pipeline: bytes → decode → line model → structure → extraction →
//! lint → one [`Record`]. Pure: takes bytes, returns an owned record; never panics out
//! (a panic inside a stage becomes an error record).
//!
//! Limits: input larger than [`Options::max_file_size`] is refused (`too-large`); an input
//! that holds more memory than its budget ([`Options::memory`], see [`budget`]) is stopped
//! at the next checkpoint (`too-large`, naming the budget and the stage); and a
//! cooperative deadline ([`Options::timeout`]) is checked between stages and between the
//! documents of a file (`timeout`). The batch driver backs the deadline with a watchdog
//! for a stage that never returns.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::budget::{self, Budget};
use crate::ingest;
use crate::model::{Clause, Document, ErrorInfo, Record, SCHEMA_VERSION, Source, Status};
use crate::structure::{self, DocTree, Node};
use crate::text::SourceText;
use crate::{extract, lint, segment};

/// Default size guard: 64 MiB per input.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Per-run options that change what a record holds and bound the work per input.
#[derive(Debug, Clone)]
pub struct Options {
    /// Include each clause's tokens in the output.
    pub tokens: bool,
    /// Inputs larger than this many bytes are refused with a `too-large` record (0 = no
    /// limit).
    pub max_file_size: u64,
    /// Time budget per input; past it the input gets a `timeout` record (`None` = none).
    pub timeout: Option<Duration>,
    /// Memory budget per input; past it the input gets a `too-large` record (`None` =
    /// none). Enforced where [`budget::CountingAlloc`] is the global allocator.
    pub memory: Option<Budget>,
    /// Lint settings (profile override, rule levels).
    pub lint: lint::Config,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            timeout: None,
            memory: Some(budget::DEFAULT),
            lint: lint::Config::default(),
        }
    }
}

/// A point in time after which processing of one input stops.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    at: Option<Instant>,
    budget: Duration,
}

impl Deadline {
    fn start(timeout: Option<Duration>) -> Self {
        Deadline {
            at: timeout.map(|t| Instant::now() + t),
            budget: timeout.unwrap_or_default(),
        }
    }

    /// `Err(stage)` when the deadline has passed. A memory budget checkpoint too: past its
    /// budget the input unwinds with [`budget::Exceeded`].
    fn check(&self, stage: &'static str) -> Result<(), TimedOut> {
        budget::checkpoint(stage);
        match self.at {
            Some(at) if Instant::now() >= at => Err(TimedOut {
                stage,
                budget: self.budget,
            }),
            _ => Ok(()),
        }
    }
}

/// Processing ran past its deadline in `stage`.
#[derive(Debug, Clone, Copy)]
struct TimedOut {
    stage: &'static str,
    budget: Duration,
}

/// The `timeout` error record.
pub fn timeout_record(path: &str, bytes: Option<&[u8]>, stage: &str, budget: Duration) -> Record {
    error_record(
        path,
        bytes,
        "timeout",
        stage,
        format!(
            "{path}: processing took longer than the time limit of {} s (--timeout) during {stage}; not processed",
            budget.as_secs_f64()
        ),
    )
}

/// The `too-large` error record of an input that held more memory than its budget
/// (`budget`: the formula it was computed from, when the options set one).
pub fn over_budget_record(
    path: &str,
    bytes: Option<&[u8]>,
    budget: Option<Budget>,
    e: &budget::Exceeded,
) -> Record {
    const MIB: f64 = (1u64 << 20) as f64;
    let formula = budget.map_or_else(String::new, |b| {
        format!(
            " (--max-memory {b}: {} bytes per input byte + {:.1} MiB)",
            b.per_byte,
            b.base as f64 / MIB
        )
    });
    error_record(
        path,
        bytes,
        "too-large",
        e.stage,
        format!(
            "{path}: processing held {:.1} MiB during {}, more than its memory budget of {:.1} MiB{formula}; not processed",
            e.held as f64 / MIB,
            e.stage,
            e.limit as f64 / MIB,
        ),
    )
}

/// The error record for a panic (a bug in gongwen) while processing `path`.
pub fn panic_record(
    path: &str,
    bytes: Option<&[u8]>,
    stage: &str,
    panic: &(dyn std::any::Any + Send),
) -> Record {
    let what = crate::batch::panic_message(panic);
    error_record(
        path,
        bytes,
        "panic",
        stage,
        format!("{path}: internal error during {stage} (a bug in gongwen): {what}"),
    )
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|&b| [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0F)]])
        .map(char::from)
        .collect()
}

/// An error record for an input that could not be processed.
pub fn error_record(
    path: &str,
    bytes: Option<&[u8]>,
    kind: &str,
    stage: &str,
    message: String,
) -> Record {
    Record {
        schema_version: SCHEMA_VERSION.to_string(),
        id: None,
        source: Source {
            path: path.to_string(),
            bytes: bytes.map_or(0, |b| b.len() as u64),
            sha256: bytes.map(sha256_hex).unwrap_or_default(),
            encoding: None,
            encoding_confidence: 0.0,
            bom: false,
            decode_errors: 0,
            lines: 0,
        },
        status: Status::Error,
        error: Some(ErrorInfo {
            kind: kind.to_string(),
            stage: stage.to_string(),
            message,
        }),
        documents: Vec::new(),
    }
}

/// Process one input's bytes into a record. `path` is only used as a label.
pub fn process_bytes(path: &str, bytes: &[u8], opts: &Options) -> Record {
    let deadline = Deadline::start(opts.timeout);
    if opts.max_file_size > 0 && bytes.len() as u64 > opts.max_file_size {
        return crate::batch::too_large_record(path, bytes.len() as u64, opts.max_file_size);
    }
    // Everything this input allocates from here on counts against its budget.
    let _account = budget::Account::open(opts.memory.map(|b| b.for_input(bytes.len())));
    let decoded = match catch_unwind(|| ingest::decode(bytes)) {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            return error_record(
                path,
                Some(bytes),
                "decode",
                "decode",
                format!("{path}: {e}"),
            );
        }
        Err(panic) => return panic_record(path, Some(bytes), "decode", &*panic),
    };
    let source = Source {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        encoding: Some(decoded.encoding.to_string()),
        encoding_confidence: (decoded.confidence * 100.0).round() / 100.0,
        bom: decoded.bom,
        decode_errors: decoded.decode_errors,
        lines: 0,
    };
    let analysed = catch_unwind(AssertUnwindSafe(|| {
        deadline.check("decode")?;
        let src = SourceText::new(decoded.text, decoded.map);
        let documents = analyse_until(&src, opts, &deadline)?;
        Ok::<_, TimedOut>((src.line_count(), documents))
    }));
    let mut r = match analysed {
        Ok(Ok((lines, documents))) => {
            return Record {
                schema_version: SCHEMA_VERSION.to_string(),
                id: None,
                source: Source {
                    lines: lines as u64,
                    ..source
                },
                status: Status::Ok,
                error: None,
                documents,
            };
        }
        Ok(Err(t)) => timeout_record(path, Some(bytes), t.stage, t.budget),
        Err(panic) => match panic.downcast::<budget::Exceeded>() {
            Ok(e) => over_budget_record(path, Some(bytes), opts.memory, &e),
            Err(panic) => panic_record(path, Some(bytes), "analyse", &*panic),
        },
    };
    r.source.encoding = source.encoding;
    r.source.encoding_confidence = source.encoding_confidence;
    r.source.bom = source.bom;
    r.source.decode_errors = source.decode_errors;
    r
}

/// Structure, extraction and lint over a decoded text.
pub fn analyse_text(src: &SourceText, opts: &Options) -> Vec<Document> {
    analyse_until(src, opts, &Deadline::start(None)).unwrap_or_default()
}

/// [`analyse_text`] that stops with [`TimedOut`] when `deadline` passes between stages.
fn analyse_until(
    src: &SourceText,
    opts: &Options,
    deadline: &Deadline,
) -> Result<Vec<Document>, TimedOut> {
    let analysis = structure::analyse(src);
    deadline.check("structure")?;
    analysis
        .documents
        .into_iter()
        .enumerate()
        .map(|(k, mut doc)| {
            let ex = extract::extract(src, &doc);
            deadline.check("extract")?;
            // The lint returns the structure stage's diagnostics too, re-levelled per config.
            let checked = lint::check(src, &doc, &opts.lint);
            let mut diagnostics = checked.diagnostics;
            for d in &mut diagnostics {
                d.document = Some(k as u32 + 1);
            }
            deadline.check("lint")?;
            let clauses = clauses_of(src, &mut doc, opts);
            deadline.check("output")?;
            Ok(Document {
                title: doc.title.take(),
                line_start: doc.line_start as u64,
                line_end: doc.line_end as u64,
                profile: checked.profile.name().to_string(),
                clauses,
                responsibilities: ex.responsibilities,
                accountability: ex.accountability,
                diagnostics,
            })
        })
        .collect()
}

/// Convert a document's node arena into the nested output clauses; the nodes' strings
/// move into them (the arena is not used after).
fn clauses_of(src: &SourceText, doc: &mut DocTree, opts: &Options) -> Vec<Clause> {
    fn build(src: &SourceText, nodes: &mut [Node], i: usize, opts: &Options) -> Clause {
        budget::checkpoint("output");
        let children: Vec<Clause> = (0..nodes[i].children.len())
            .map(|k| {
                let c = nodes[i].children[k];
                build(src, nodes, c, opts)
            })
            .collect();
        let n = &mut nodes[i];
        let text = n.own.as_str().trim().to_string();
        let tokens = opts.tokens.then(|| {
            segment::cut(&text)
                .into_iter()
                .filter(|t| !t.word.trim().is_empty())
                .map(|t| t.word.to_string())
                .collect()
        });
        Clause {
            marker: std::mem::take(&mut n.marker),
            number: n.number,
            style: n.style.name().to_string(),
            level: n.level,
            path: std::mem::take(&mut n.path),
            line: n.line as u64,
            column: n.column as u64,
            inline: n.inline,
            garbled: n.garbled,
            heading: n.heading.take(),
            text,
            byte_start: src.orig_offset(n.start) as u64,
            byte_end: src.orig_offset(n.end) as u64,
            tokens,
            children,
        }
    }
    let roots: Vec<usize> = doc.roots().collect();
    roots
        .into_iter()
        .map(|i| build(src, &mut doc.nodes, i, opts))
        .collect()
}

/// Process a UTF-8 string (tests, fuzzers and the `text` requests of streaming mode).
pub fn process_str(path: &str, text: &str, opts: &Options) -> Record {
    process_bytes(path, text.as_bytes(), opts)
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

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
}
