//! The per-document pipeline: bytes → decode → line model → structure → extraction →
//! lint → one [`Record`]. Pure: takes bytes, returns an owned record; never panics out
//! (a panic inside a stage becomes an error record).

use std::panic::{AssertUnwindSafe, catch_unwind};

use sha2::{Digest, Sha256};

use crate::ingest;
use crate::model::{Clause, Document, ErrorInfo, Record, SCHEMA_VERSION, Source, Status};
use crate::structure::{self, DocTree};
use crate::text::SourceText;
use crate::{extract, lint, segment};

/// Per-run options that change what a record holds.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Include each clause's tokens in the output.
    pub tokens: bool,
    /// Lint settings (profile override, rule levels).
    pub lint: lint::Config,
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
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
    let decoded = match ingest::decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            return error_record(
                path,
                Some(bytes),
                "decode",
                "decode",
                format!("{path}: {e}"),
            );
        }
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
    let src = SourceText::new(decoded.text, decoded.map);
    let analysed = catch_unwind(AssertUnwindSafe(|| analyse_text(&src, opts)));
    match analysed {
        Ok(documents) => Record {
            schema_version: SCHEMA_VERSION.to_string(),
            id: None,
            source: Source {
                lines: src.line_count() as u64,
                ..source
            },
            status: Status::Ok,
            error: None,
            documents,
        },
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let mut r = error_record(
                path,
                Some(bytes),
                "panic",
                "analyse",
                format!("{path}: internal error while analysing (a bug in gongwen): {what}"),
            );
            r.source.encoding = source.encoding;
            r.source.encoding_confidence = source.encoding_confidence;
            r
        }
    }
}

/// Structure, extraction and lint over a decoded text.
pub fn analyse_text(src: &SourceText, opts: &Options) -> Vec<Document> {
    let analysis = structure::analyse(src);
    analysis
        .documents
        .iter()
        .enumerate()
        .map(|(k, doc)| {
            let ex = extract::extract(src, doc);
            // The lint returns the structure stage's diagnostics too, re-levelled per config.
            let checked = lint::check(src, doc, &opts.lint);
            let mut diagnostics = checked.diagnostics;
            for d in &mut diagnostics {
                d.document = Some(k as u32 + 1);
            }
            Document {
                title: doc.title.clone(),
                line_start: doc.line_start as u64,
                line_end: doc.line_end as u64,
                profile: checked.profile.name().to_string(),
                clauses: clauses_of(src, doc, opts),
                responsibilities: ex.responsibilities,
                accountability: ex.accountability,
                diagnostics,
            }
        })
        .collect()
}

/// Convert a document's node arena into the nested output clauses.
fn clauses_of(src: &SourceText, doc: &DocTree, opts: &Options) -> Vec<Clause> {
    fn build(src: &SourceText, doc: &DocTree, i: usize, opts: &Options) -> Clause {
        let n = &doc.nodes[i];
        let text = n.own.as_str().trim().to_string();
        let tokens = opts.tokens.then(|| {
            segment::cut(&text)
                .into_iter()
                .filter(|t| !t.word.trim().is_empty())
                .map(|t| t.word.to_string())
                .collect()
        });
        Clause {
            marker: n.marker.clone(),
            number: n.number,
            style: n.style.name().to_string(),
            level: n.level,
            path: n.path.clone(),
            line: n.line as u64,
            column: n.column as u64,
            inline: n.inline,
            garbled: n.garbled,
            heading: n.heading.clone(),
            text,
            byte_start: src.orig_offset(n.start) as u64,
            byte_end: src.orig_offset(n.end) as u64,
            tokens,
            children: n
                .children
                .iter()
                .map(|&c| build(src, doc, c, opts))
                .collect(),
        }
    }
    doc.roots().map(|i| build(src, doc, i, opts)).collect()
}

/// Process a UTF-8 string (tests, fuzzers and the `text` requests of streaming mode).
pub fn process_str(path: &str, text: &str, opts: &Options) -> Record {
    process_bytes(path, text.as_bytes(), opts)
}
