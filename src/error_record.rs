//! Error records: the one place where the record of an input that could not be processed
//! is built — its kind ([`ErrorKind`]), the stage that failed ([`Stage`]) and a message
//! that names the input and what to do. Every driver (pipeline, batch, streaming, the
//! command line) asks here, so a kind of failure reads the same wherever it happens.

use std::io;
use std::time::Duration;

use crate::budget::{self, Budget};
use crate::formats::FormatError;
use crate::ingest::{self, DecodeError};
use crate::model::{ErrorInfo, ErrorKind, Record, SCHEMA_VERSION, Source, Stage, Status};

/// An error record for `path`. `bytes` are the input's bytes when they were read (for
/// `source.bytes` and `source.sha256`).
pub fn record(
    path: &str,
    bytes: Option<&[u8]>,
    kind: ErrorKind,
    stage: Stage,
    message: String,
) -> Record {
    Record {
        schema_version: SCHEMA_VERSION.to_string(),
        id: None,
        source: Source {
            path: path.to_string(),
            bytes: bytes.map_or(0, |b| b.len() as u64),
            sha256: bytes.map(ingest::sha256_hex).unwrap_or_default(),
            encoding: None,
            encoding_confidence: 0.0,
            bom: false,
            decode_errors: 0,
            lines: 0,
            format: None,
        },
        status: Status::Error,
        error: Some(ErrorInfo {
            kind,
            stage,
            message,
        }),
        documents: Vec::new(),
    }
}

/// An input that could not be read: `what` says why (see [`describe_io`]).
pub fn io(path: &str, what: &str) -> Record {
    record(
        path,
        None,
        ErrorKind::Io,
        Stage::Read,
        format!("{path}: cannot read: {what}"),
    )
}

/// Bytes that are not text ([`ErrorKind::Binary`]) or decode to nothing readable
/// ([`ErrorKind::Decode`]).
pub fn decode(path: &str, bytes: &[u8], e: &DecodeError) -> Record {
    let kind = match e {
        DecodeError::Binary(_) => ErrorKind::Binary,
        DecodeError::Garbage(_) => ErrorKind::Decode,
    };
    record(
        path,
        Some(bytes),
        kind,
        Stage::Decode,
        format!("{path}: {e}"),
    )
}

/// An input whose format could not be read into a text view: decoding failures as in
/// [`decode`], and the format readers' kinds (unsupported format, broken container, no
/// text, a container that inflates past the limits).
pub fn format(path: &str, bytes: &[u8], e: &FormatError) -> Record {
    if let FormatError::Decode(d) = e {
        return decode(path, bytes, d);
    }
    record(
        path,
        Some(bytes),
        e.kind(),
        Stage::Decode,
        format!("{path}: {e}"),
    )
}

/// An input larger than the size guard.
pub fn too_large(path: &str, size: u64, limit: u64) -> Record {
    let mut r = record(
        path,
        None,
        ErrorKind::TooLarge,
        Stage::Read,
        format!(
            "{path}: {size} bytes exceed the size limit of {limit} bytes (--max-file-size); not processed"
        ),
    );
    r.source.bytes = size;
    r
}

/// An input that held more memory than its budget (`budget`: the formula the limit was
/// computed from, when the options set one).
pub fn over_budget(
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
    record(
        path,
        bytes,
        ErrorKind::TooLarge,
        e.stage,
        format!(
            "{path}: processing held {:.1} MiB during {}, more than its memory budget of {:.1} MiB{formula}; not processed",
            e.held as f64 / MIB,
            e.stage.name(),
            e.limit as f64 / MIB,
        ),
    )
}

/// An input whose processing ran past its time budget during `stage`.
pub fn timeout(path: &str, bytes: Option<&[u8]>, stage: Stage, budget: Duration) -> Record {
    record(
        path,
        bytes,
        ErrorKind::Timeout,
        stage,
        format!(
            "{path}: processing took longer than the time limit of {} s (--timeout) during {}; not processed",
            budget.as_secs_f64(),
            stage.name()
        ),
    )
}

/// A panic (a bug in gongwen) during `stage`; `what` is the panic's message (see
/// [`panic_message`]).
pub fn panic(path: &str, bytes: Option<&[u8]>, stage: Stage, what: &str) -> Record {
    record(
        path,
        bytes,
        ErrorKind::Panic,
        stage,
        format!(
            "{path}: internal error during {} (a bug in gongwen): {what}",
            stage.name()
        ),
    )
}

/// A streaming request that could not be understood or served (`number`: its line).
pub fn request(id: Option<String>, number: u64, message: &str) -> Record {
    let mut r = record(
        "-",
        None,
        ErrorKind::Request,
        Stage::Request,
        format!("request on line {number}: {message}"),
    );
    r.id = id;
    r
}

/// The text of a panic payload.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// A short, user-facing description of an I/O error.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_stages_and_messages() {
        let r = io("a/b.txt", "permission denied");
        let e = r.error.as_ref().unwrap();
        assert_eq!((e.kind, e.stage), (ErrorKind::Io, Stage::Read));
        assert_eq!(e.message, "a/b.txt: cannot read: permission denied");
        assert_eq!(r.status, Status::Error);
        assert!(r.documents.is_empty());

        let r = decode(
            "x.bin",
            b"\x7fELF",
            &DecodeError::Binary("NUL bytes".into()),
        );
        assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::Binary);
        assert_eq!(r.source.bytes, 4);
        assert_eq!(r.source.sha256.len(), 64);
        let r = decode("y.txt", b"\xff", &DecodeError::Garbage("noise".into()));
        assert_eq!(r.error.as_ref().unwrap().kind, ErrorKind::Decode);

        let r = too_large("big.txt", 10, 5);
        assert_eq!(r.source.bytes, 10);
        assert_eq!(r.error.unwrap().kind, ErrorKind::TooLarge);

        let r = panic("p.txt", None, Stage::Extract, "boom");
        let e = r.error.unwrap();
        assert_eq!(e.kind, ErrorKind::Panic);
        assert_eq!(
            e.message,
            "p.txt: internal error during extract (a bug in gongwen): boom"
        );

        let r = request(Some("7".into()), 3, "missing \"id\"");
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.source.path, "-");
        assert_eq!(r.error.unwrap().stage, Stage::Request);
    }

    #[test]
    fn kinds_serialise_to_the_contract_strings() {
        let names: Vec<String> = <ErrorKind as strum::VariantArray>::VARIANTS
            .iter()
            .map(|k| {
                serde_json::to_value(k)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "io",
                "decode",
                "binary",
                "unsupported-format",
                "malformed",
                "no-text",
                "too-large",
                "timeout",
                "panic",
                "request"
            ]
        );
        for k in <ErrorKind as strum::VariantArray>::VARIANTS {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
        for s in <Stage as strum::VariantArray>::VARIANTS {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
    }

    #[test]
    fn panic_payloads_become_text() {
        let p = std::panic::catch_unwind(|| std::panic::panic_any(String::from("owned")));
        assert_eq!(panic_message(&*p.unwrap_err()), "owned");
        let p = std::panic::catch_unwind(|| std::panic::panic_any(42u8));
        assert_eq!(panic_message(&*p.unwrap_err()), "unknown panic");
    }
}
