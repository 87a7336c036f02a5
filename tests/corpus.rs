//! The fixture corpus: every `corpus/**/<name>.expect.json` sidecar is a test.
//!
//! The sidecar's document is the sibling file with the same stem and any single other
//! extension (`<name>.txt`, `<name>.bin`, or just `<name>`). It is run through the library
//! pipeline exactly as `gongwen extract` would, and every key present in the sidecar is
//! compared with the record; absent keys are not checked. All fixtures are checked and
//! all failures reported together, each naming its fixture, with a line diff of the
//! expected and actual lists.
//!
//! Sidecar keys (see `corpus/README.md`):
//! - top level: `format`, `encoding`, `status`, `error_kind`, `decode_errors`, `bom`, `lines`,
//!   `documents` (the number of documents must match), `note` (free text, ignored);
//! - per document: `title`, `line_start`, `line_end`, `markers` ([marker, path, level,
//!   line] of every clause in document order), `inline` (paths of inline clauses),
//!   `responsibilities` ([holder, role, clause_path]), `conditions` ([clause_path,
//!   text_prefix]; the text must start with or contain the prefix), `sanctions`
//!   ([sanction, clause_path]), `sanction_details` ([sanction, clause_path, category,
//!   penalty_kind or null, target or null, imposed]), `diagnostics` ([rule, line]), `texts` ([path, fragment]:
//!   the fragment is in that clause's own text and no other's), `fields` ([path, field,
//!   value]: one field of the output clause at that path, e.g. heading, column,
//!   byte_start), `headings` ([path, heading or null]: shorthand for fields), `metadata`
//!   ({element: [value, line] or null}; `events`: [kind, date, body, line] each),
//!   `references` ([text, line, clause_path, target, target_part, resolved, document] of
//!   every reference, in order), `note`.
//!
//! Run one area or fixture with `GONGWEN_FIXTURE=<substring of its path> cargo test corpus`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use gongwen::model::{Clause, Document, Record};
use gongwen::pipeline::{Options, process_bytes};
use serde_json::Value;

const SIDECAR: &str = ".expect.json";
const TOP_KEYS: &[&str] = &[
    "format",
    "encoding",
    "status",
    "error_kind",
    "decode_errors",
    "bom",
    "lines",
    "documents",
    "pending",
    "note",
];
const DOC_KEYS: &[&str] = &[
    "title",
    "line_start",
    "line_end",
    "markers",
    "inline",
    "responsibilities",
    "conditions",
    "sanctions",
    "sanction_details",
    "diagnostics",
    "texts",
    "fields",
    "headings",
    "metadata",
    "references",
    "pending",
    "note",
];

/// The `corpus/` folder of the crate.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// `tests/data/unprocessable/`: fixtures that give error records on purpose (binary,
/// garbage), kept out of `corpus/` so that `gongwen extract corpus/` exits 0.
pub fn unprocessable_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unprocessable")
}

/// `tests/data/pdf/`: PDF fixtures, checked only where poppler's `pdftotext` runs (PDF
/// support is optional), or always when `GONGWEN_REQUIRE_PDFTOTEXT=1` (as in CI).
pub fn pdf_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pdf")
}

/// Whether the PDF fixtures are checked here (see [`pdf_dir`]); says so on stderr when not.
pub fn pdf_fixtures_run() -> bool {
    let required = std::env::var_os("GONGWEN_REQUIRE_PDFTOTEXT").is_some_and(|v| v == "1");
    if required || gongwen::formats::pdf::available() {
        return true;
    }
    eprintln!(
        "note: pdftotext not found: PDF fixtures skipped (install poppler-utils and poppler-data to run them)"
    );
    false
}

/// Every fixture file: under `corpus/`, `tests/data/unprocessable/` and, where PDF can be
/// read, `tests/data/pdf/`.
pub fn fixture_files() -> Vec<PathBuf> {
    let mut files = files_under(&corpus_dir());
    files.extend(files_under(&unprocessable_dir()));
    if pdf_fixtures_run() {
        files.extend(files_under(&pdf_dir()));
    }
    files
}

/// Every file under `dir`, recursively, sorted.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.is_file() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A fixture: a sidecar and the document it describes.
#[derive(Debug)]
pub struct Fixture {
    /// Path of the sidecar.
    pub sidecar: PathBuf,
    /// Path of the document.
    pub document: PathBuf,
    /// Path relative to the crate root, for messages and record labels.
    pub label: String,
}

/// Find every fixture under `corpus/` and `tests/data/unprocessable/`; a sidecar without
/// exactly one document is an error.
pub fn fixtures() -> (Vec<Fixture>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = fixture_files();
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for sidecar in files.iter().filter(|p| is_sidecar(p)) {
        let name = file_name(sidecar);
        let stem = &name[..name.len() - SIDECAR.len()];
        let docs: Vec<&PathBuf> = files
            .iter()
            .filter(|p| p.parent() == sidecar.parent() && !is_sidecar(p))
            .filter(|p| {
                let n = file_name(p);
                n == stem
                    || n.strip_prefix(stem)
                        .and_then(|rest| rest.strip_prefix('.'))
                        .is_some_and(|ext| !ext.is_empty() && !ext.contains('.'))
            })
            .collect();
        let rel = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
        match docs.as_slice() {
            [doc] => found.push(Fixture {
                sidecar: sidecar.clone(),
                document: (*doc).clone(),
                label: rel(doc),
            }),
            [] => problems.push(format!(
                "{}: no document named `{stem}` or `{stem}.<ext>` beside it",
                rel(sidecar)
            )),
            many => problems.push(format!(
                "{}: several documents match: {}",
                rel(sidecar),
                many.iter().map(|p| rel(p)).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    (found, problems)
}

fn is_sidecar(p: &Path) -> bool {
    file_name(p).ends_with(SIDECAR)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Run the library pipeline on a fixture's document.
pub fn run(fx: &Fixture) -> Record {
    let bytes = std::fs::read(&fx.document).expect("fixture document is readable");
    process_bytes(&fx.label, &bytes, &Options::default())
}

#[test]
fn corpus_fixtures() {
    let filter = std::env::var("GONGWEN_FIXTURE").ok();
    let (all, mut failures) = fixtures();
    assert!(!all.is_empty(), "no fixtures found under corpus/");
    let mut checked = 0;
    for fx in &all {
        if filter.as_deref().is_some_and(|f| !fx.label.contains(f)) {
            continue;
        }
        checked += 1;
        let text = std::fs::read_to_string(&fx.sidecar).expect("sidecar is readable");
        let expect: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: sidecar is not valid JSON: {e}", fx.label));
                continue;
            }
        };
        let record = run(fx);
        let mut out = Outcome::default();
        check_record(&expect, &record, &mut out);
        if !out.notes.is_empty() {
            eprintln!("fixture {}: pending expectations still fail:", fx.label);
            for n in &out.notes {
                eprintln!("{n}");
            }
        }
        if !out.problems.is_empty() {
            let mut msg = format!("── fixture {} ({})", fx.label, file_name(&fx.sidecar));
            for p in out.problems {
                let _ = write!(msg, "\n{p}");
            }
            failures.push(msg);
        }
    }
    assert!(checked > 0, "no fixture matches GONGWEN_FIXTURE={filter:?}");
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures failed:\n\n{}\n",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Mismatches and notes of one fixture. A key listed under `pending` (with the reason)
/// is an expected failure: its mismatch is only noted, and it fails once it passes, so
/// the entry is removed as soon as the tool is fixed.
#[derive(Debug, Default)]
struct Outcome {
    problems: Vec<String>,
    notes: Vec<String>,
}

impl Outcome {
    /// Record the result of checking `key` (`None` = it matches).
    fn key(&mut self, scope: &str, pending: &Value, key: &str, mismatch: Option<String>) {
        let reason = pending.get(key).and_then(Value::as_str);
        match (mismatch, reason) {
            (Some(m), None) => self.problems.push(format!("  {scope}{key}: {m}")),
            (Some(m), Some(why)) => self
                .notes
                .push(format!("  {scope}{key} (pending: {why}): {m}")),
            (None, Some(why)) => self.problems.push(format!(
                "  {scope}{key} is listed as pending ({why}) but now passes: remove it from `pending`"
            )),
            (None, None) => {}
        }
    }

    /// Check that every key of `obj` is known and every pending entry names a present key.
    fn keys(&mut self, scope: &str, obj: &serde_json::Map<String, Value>, known: &[&str]) {
        for key in obj.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problems.push(format!(
                "  {scope}unknown sidecar key `{key}` (known: {})",
                known.join(", ")
            ));
        }
        match obj.get("pending") {
            None => {}
            Some(Value::Object(p)) => {
                for (key, why) in p {
                    if !obj.contains_key(key) || !why.is_string() {
                        self.problems.push(format!(
                            "  {scope}pending `{key}` must name a key of this object and give the reason as a string"
                        ));
                    }
                }
            }
            Some(_) => self.problems.push(format!(
                "  {scope}`pending` must be an object {{key: reason}}"
            )),
        }
    }
}

/// Compare a record with a sidecar.
fn check_record(expect: &Value, record: &Record, out: &mut Outcome) {
    let Some(obj) = expect.as_object() else {
        out.problems.push("  sidecar must be a JSON object".into());
        return;
    };
    out.keys("", obj, TOP_KEYS);
    let pending = obj.get("pending").cloned().unwrap_or(Value::Null);
    let error = record.error.as_ref();
    let actual_status = serde_json::to_value(record.status).unwrap_or_default();
    let format = serde_json::to_value(record.source.format).unwrap_or_default();
    let scalars: [(&str, Value); 7] = [
        ("format", format),
        ("encoding", record.source.encoding.clone().into()),
        ("status", actual_status),
        ("error_kind", error.map(|e| e.kind.name()).into()),
        ("decode_errors", record.source.decode_errors.into()),
        ("bom", record.source.bom.into()),
        ("lines", record.source.lines.into()),
    ];
    let why = error.map_or(String::new(), |e| {
        format!(" ({}: {})", e.kind.name(), e.message)
    });
    for (key, actual) in scalars {
        if let Some(want) = obj.get(key) {
            let m = (*want != actual).then(|| {
                let why = if key == "status" { why.as_str() } else { "" };
                format!("expected {want}, got {actual}{why}")
            });
            out.key("", &pending, key, m);
        }
    }
    if !obj.contains_key("status") && !why.is_empty() {
        out.problems.push(format!("  the record is an error{why}"));
    }
    let Some(docs) = obj.get("documents") else {
        return;
    };
    let Some(docs) = docs.as_array() else {
        out.problems.push("  `documents` must be a list".into());
        return;
    };
    let m = (docs.len() != record.documents.len()).then(|| {
        format!(
            "expected {} document(s), got {} (titles: {:?})",
            docs.len(),
            record.documents.len(),
            record
                .documents
                .iter()
                .map(|d| d.title.as_deref().unwrap_or("-"))
                .collect::<Vec<_>>()
        )
    });
    out.key("", &pending, "documents", m);
    for (i, (want, got)) in docs.iter().zip(&record.documents).enumerate() {
        check_document(i + 1, want, got, out);
    }
}

fn check_document(n: usize, expect: &Value, doc: &Document, out: &mut Outcome) {
    let scope = format!("document {n}: ");
    let Some(obj) = expect.as_object() else {
        out.problems
            .push(format!("  {scope}expectations must be an object"));
        return;
    };
    out.keys(&scope, obj, DOC_KEYS);
    let pending = obj.get("pending").cloned().unwrap_or(Value::Null);
    let scalars: [(&str, Value); 3] = [
        ("title", doc.title.clone().into()),
        ("line_start", doc.line_start.into()),
        ("line_end", doc.line_end.into()),
    ];
    for (key, actual) in scalars {
        if let Some(want) = obj.get(key) {
            let m = (*want != actual).then(|| format!("expected {want}, got {actual}"));
            out.key(&scope, &pending, key, m);
        }
    }
    let mut clauses = Vec::new();
    flatten(&doc.clauses, &mut clauses);
    let exact = |a: &Value, b: &Value| a == b;
    // The condition text only has to contain the expected prefix (it usually starts with it).
    let contains = |w: &Value, a: &Value| {
        w.get(0) == a.get(0)
            && match (w.get(1).and_then(Value::as_str), a[1].as_str()) {
                (Some(w), Some(a)) => a.contains(w),
                _ => false,
            }
    };
    let lists: [(&str, Vec<Value>, &Same); 7] = [
        (
            "markers",
            clauses
                .iter()
                .map(|c| serde_json::json!([c.marker, c.path, c.level, c.line]))
                .collect(),
            &exact,
        ),
        (
            "inline",
            clauses
                .iter()
                .filter(|c| c.inline)
                .map(|c| Value::from(c.path.clone()))
                .collect(),
            &exact,
        ),
        (
            "responsibilities",
            doc.responsibilities
                .iter()
                .map(|r| serde_json::json!([r.holder, r.role, r.clause_path]))
                .collect(),
            &exact,
        ),
        (
            "conditions",
            doc.accountability
                .conditions
                .iter()
                .map(|c| serde_json::json!([c.clause_path, c.text]))
                .collect(),
            &contains,
        ),
        (
            "sanctions",
            doc.accountability
                .sanctions
                .iter()
                .map(|s| serde_json::json!([s.sanction, s.clause_path]))
                .collect(),
            &exact,
        ),
        (
            "sanction_details",
            doc.accountability
                .sanctions
                .iter()
                .map(|s| {
                    serde_json::json!([
                        s.sanction,
                        s.clause_path,
                        s.category,
                        s.penalty_kind,
                        s.target,
                        s.imposed
                    ])
                })
                .collect(),
            &exact,
        ),
        (
            "diagnostics",
            doc.diagnostics
                .iter()
                .map(|d| serde_json::json!([d.rule, d.line]))
                .collect(),
            &exact,
        ),
    ];
    if let Some(want) = obj.get("texts") {
        let m = check_texts(want, &clauses);
        out.key(&scope, &pending, "texts", m);
    }
    if let Some(want) = obj.get("metadata") {
        let m = check_metadata(want, doc);
        out.key(&scope, &pending, "metadata", m);
    }
    if let Some(want) = obj.get("references") {
        let actual: Vec<Value> = doc
            .references
            .iter()
            .map(|r| {
                serde_json::json!([
                    r.text,
                    r.line,
                    r.clause_path,
                    r.target,
                    r.target_part,
                    r.resolved,
                    r.document
                ])
            })
            .collect();
        let m = compare_list(want, &actual, &|a, b| a == b);
        out.key(&scope, &pending, "references", m);
    }
    if let Some(want) = obj.get("fields") {
        let m = check_fields(want, &clauses);
        out.key(&scope, &pending, "fields", m);
    }
    if let Some(want) = obj.get("headings") {
        // [path, heading] is shorthand for [path, "heading", heading].
        let as_fields = want.as_array().map(|items| {
            items
                .iter()
                .map(|i| serde_json::json!([i[0], "heading", i[1]]))
                .collect::<Vec<_>>()
        });
        let m = match as_fields {
            Some(f) => check_fields(&Value::Array(f), &clauses),
            None => Some("must be a list of [path, heading]".into()),
        };
        out.key(&scope, &pending, "headings", m);
    }
    for (key, actual, same) in lists {
        if let Some(want) = obj.get(key) {
            let m = compare_list(want, &actual, same);
            out.key(&scope, &pending, key, m);
        }
    }
}

/// `texts`: each `[path, fragment]` must occur in the own text of the clause at `path`
/// and of no other clause (so a 款 after a list belongs to the article, not the last item).
fn check_texts(want: &Value, clauses: &[&Clause]) -> Option<String> {
    let Some(want) = want.as_array() else {
        return Some("must be a list of [path, fragment]".into());
    };
    let mut msgs = Vec::new();
    for item in want {
        let (Some(path), Some(fragment)) = (
            item.get(0).and_then(Value::as_str),
            item.get(1).and_then(Value::as_str),
        ) else {
            msgs.push(format!("{item} is not [path, fragment]"));
            continue;
        };
        let holders: Vec<&str> = clauses
            .iter()
            .filter(|c| c.text.contains(fragment))
            .map(|c| c.path.as_str())
            .collect();
        if holders != [path] {
            msgs.push(format!(
                "{fragment:?} should be in the text of {path:?} only, found in {holders:?}"
            ));
        }
    }
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

/// `fields`: each `[path, field, value]` names a field of the output clause at `path`
/// (`heading`, `column`, `byte_start`, `text` …) and its exact value.
fn check_fields(want: &Value, clauses: &[&Clause]) -> Option<String> {
    let Some(want) = want.as_array() else {
        return Some("must be a list of [path, field, value]".into());
    };
    let mut msgs = Vec::new();
    for item in want {
        let (Some(path), Some(field), Some(value)) = (
            item.get(0).and_then(Value::as_str),
            item.get(1).and_then(Value::as_str),
            item.get(2),
        ) else {
            msgs.push(format!("{item} is not [path, field, value]"));
            continue;
        };
        let Some(clause) = clauses.iter().find(|c| c.path == path) else {
            msgs.push(format!("no clause has the path {path:?}"));
            continue;
        };
        let actual = serde_json::to_value(clause).unwrap_or_default();
        match actual.get(field) {
            Some(a) if a == value => {}
            // A field the output leaves out when it has no value (e.g. `insert`).
            None if value.is_null() => {}
            Some(a) => msgs.push(format!("{path} {field}: expected {value}, got {a}")),
            None => msgs.push(format!("{path}: the output has no field {field:?}")),
        }
    }
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

/// `metadata`: each key names an element; `null` says the document does not state it,
/// `[value, line]` gives its value (as in the JSON) and line; `events` is the list of
/// `[kind, date, body, line]`.
fn check_metadata(want: &Value, doc: &Document) -> Option<String> {
    let Some(want) = want.as_object() else {
        return Some("must be an object {element: [value, line] | null}".into());
    };
    let actual = serde_json::to_value(&doc.metadata).unwrap_or_default();
    let mut msgs = Vec::new();
    for (key, w) in want {
        let Some(a) = actual.get(key) else {
            msgs.push(format!("no metadata element {key:?}"));
            continue;
        };
        let got = if key == "events" {
            Value::Array(
                a.as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| serde_json::json!([e["kind"], e["date"], e["body"], e["line"]]))
                    .collect(),
            )
        } else if a.is_null() {
            Value::Null
        } else {
            serde_json::json!([a["value"], a["line"]])
        };
        if *w != got {
            msgs.push(format!("{key}: expected {w}, got {got}"));
        }
    }
    (!msgs.is_empty()).then(|| msgs.join("; "))
}

/// How two list items are compared.
type Same = dyn Fn(&Value, &Value) -> bool;

/// All clauses in document order (pre-order).
fn flatten<'a>(clauses: &'a [Clause], out: &mut Vec<&'a Clause>) {
    for c in clauses {
        out.push(c);
        flatten(&c.children, out);
    }
}

/// Compare an expected list with the actual one; on mismatch, a line diff.
fn compare_list(want: &Value, actual: &[Value], same: &Same) -> Option<String> {
    let Some(want) = want.as_array() else {
        return Some("must be a list".into());
    };
    if want.len() == actual.len() && want.iter().zip(actual).all(|(w, a)| same(w, a)) {
        return None;
    }
    let mut msg = format!(
        "differ (expected {} item(s), got {}; `-` expected only, `+` actual only):",
        want.len(),
        actual.len()
    );
    // Unchanged items more than three lines from a change are elided.
    let lines = diff(want, actual, same);
    let changed: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].starts_with(' '))
        .collect();
    let near = |i: usize| changed.iter().any(|&c| c.abs_diff(i) <= 3);
    let mut elided = false;
    for (i, line) in lines.iter().enumerate() {
        if near(i) {
            let _ = write!(msg, "\n    {line}");
            elided = false;
        } else if !elided {
            let _ = write!(msg, "\n    …");
            elided = true;
        }
    }
    Some(msg)
}

/// A longest-common-subsequence line diff of two lists.
fn diff(want: &[Value], actual: &[Value], same: &Same) -> Vec<String> {
    let (n, m) = (want.len(), actual.len());
    // lcs[i][j] = LCS length of want[i..] and actual[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if same(&want[i], &actual[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && same(&want[i], &actual[j]) {
            out.push(format!("  {}", actual[j]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("- {}", want[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", actual[j]));
            j += 1;
        }
    }
    out
}

#[test]
fn diff_shows_a_missing_item_once() {
    let want: Vec<Value> = ["一", "二", "三"].iter().map(|&s| s.into()).collect();
    let actual: Vec<Value> = ["一", "三"].iter().map(|&s| s.into()).collect();
    let d = diff(&want, &actual, &|a, b| a == b);
    assert_eq!(d, ["  \"一\"", "- \"二\"", "  \"三\""]);
}

/// The README's first command, `extract corpus/`, must exit 0 on a fresh clone: no file
/// the walk reads under `corpus/` may give an error record (unprocessable fixtures live in
/// `tests/data/unprocessable/`).
#[test]
fn readme_first_command_gives_no_error_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme
            .lines()
            .any(|l| l.trim() == "cargo run --release -- extract corpus/ > corpus.jsonl"),
        "the README's first command should be `cargo run --release -- extract corpus/ > corpus.jsonl`"
    );
    let mut errors = Vec::new();
    for input in gongwen::batch::collect_inputs(&[corpus_dir()]) {
        let r = gongwen::batch::process_input(&input, &Options::default());
        if let Some(e) = r.error {
            errors.push(format!("{}: {}: {}", input.label, e.kind.name(), e.message));
        }
    }
    assert!(
        errors.is_empty(),
        "these files would make the README's first command exit 2 (move them to tests/data/unprocessable/):\n{}",
        errors.join("\n")
    );
    let (fixtures, _) = fixtures();
    assert!(
        fixtures
            .iter()
            .any(|f| f.label.starts_with("tests/data/unprocessable/")),
        "the unprocessable fixtures are still tested"
    );
}
