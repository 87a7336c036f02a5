//! The per-document pipeline: bytes → format → text view → line model → structure →
//! extraction → lint → one [`Record`]. Pure: takes bytes, returns an owned record; never panics out
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

use crate::budget::{self, Budget};
use crate::error_record;
use crate::formats::{self, TextView};
use crate::ingest;
use crate::model::{Clause, Document, MarkerSource, Record, SCHEMA_VERSION, Source, Stage, Status};
use crate::structure::{self, DocTree, Node};
use crate::text::SourceText;
use crate::{extract, lint, metadata, references, segment};

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
    /// Only what `check` needs: decode, structure and lint. The documents then carry
    /// their lines, profile and diagnostics, and no clauses, responsibilities or
    /// accountability (the segmenter is never loaded).
    pub lint_only: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            timeout: None,
            memory: Some(budget::DEFAULT),
            lint: lint::Config::default(),
            lint_only: false,
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
    fn check(&self, stage: Stage) -> Result<(), TimedOut> {
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
    stage: Stage,
    budget: Duration,
}

/// Process one input's bytes into a record. `path` is only used as a label.
pub fn process_bytes(path: &str, bytes: &[u8], opts: &Options) -> Record {
    let deadline = Deadline::start(opts.timeout);
    if opts.max_file_size > 0 && bytes.len() as u64 > opts.max_file_size {
        return error_record::too_large(path, bytes.len() as u64, opts.max_file_size);
    }
    // Everything this input allocates from here on counts against its budget.
    let _account = budget::Account::open(opts.memory.map(|b| b.for_input(bytes.len())));
    let mut view = match read_view(path, bytes) {
        Ok(v) => v,
        Err(r) => return *r,
    };
    let source = Source {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        sha256: ingest::sha256_hex(bytes),
        encoding: view.encoding.map(str::to_string),
        encoding_confidence: (view.confidence * 100.0).round() / 100.0,
        bom: view.bom,
        decode_errors: view.decode_errors,
        lines: 0,
        format: Some(view.format),
    };
    let analysed = catch_unwind(AssertUnwindSafe(|| {
        deadline.check(Stage::Decode)?;
        let src = SourceText::with_map(std::mem::take(&mut view.text), view.map.take());
        let file_date = crate::metadata::date::in_file_name(path);
        let mut documents = analyse_until(&src, file_date.as_deref(), opts, &deadline)?;
        provenance(&view, &mut documents);
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
        Ok(Err(t)) => error_record::timeout(path, Some(bytes), t.stage, t.budget),
        Err(panic) => match panic.downcast::<budget::Exceeded>() {
            Ok(e) => error_record::over_budget(path, Some(bytes), opts.memory, &e),
            Err(panic) => panicked(path, bytes, Stage::Analyse, &*panic),
        },
    };
    r.source.encoding = source.encoding;
    r.source.encoding_confidence = source.encoding_confidence;
    r.source.bom = source.bom;
    r.source.decode_errors = source.decode_errors;
    r.source.format = source.format;
    r
}

/// The text view of one input (what `gongwen text` prints and every later stage reads),
/// or the error record that says why there is none.
pub fn read_view(path: &str, bytes: &[u8]) -> Result<TextView, Box<Record>> {
    match catch_unwind(|| formats::read(bytes, path)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            let mut r = error_record::format(path, bytes, &e);
            if let formats::Detected::Readable(f) = formats::detect(bytes, path) {
                r.source.format = Some(f);
            }
            Err(Box::new(r))
        }
        Err(panic) => Err(Box::new(panicked(path, bytes, Stage::Decode, &*panic))),
    }
}

/// Where each clause and finding sits in a container (`locator`), and which markers are
/// Word's automatic numbering (`marker_source`).
fn provenance(view: &TextView, documents: &mut [Document]) {
    fn walk(view: &TextView, clauses: &mut [Clause]) {
        for c in clauses {
            c.locator = view.locator(c.line).map(str::to_string);
            if !c.inline && view.numbering_len(c.line) > 0 {
                c.marker_source = MarkerSource::Numbering;
            }
            walk(view, &mut c.children);
        }
    }
    if view.locators.is_empty() && view.numbering.is_empty() {
        return;
    }
    for doc in documents {
        walk(view, &mut doc.clauses);
        for d in &mut doc.diagnostics {
            d.locator = view.locator(d.line).map(str::to_string);
        }
    }
}

/// The error record of a panic caught while processing `path`.
fn panicked(path: &str, bytes: &[u8], stage: Stage, panic: &(dyn std::any::Any + Send)) -> Record {
    error_record::panic(
        path,
        Some(bytes),
        stage,
        &error_record::panic_message(panic),
    )
}

/// Structure, extraction and lint over a decoded text.
pub fn analyse_text(src: &SourceText, opts: &Options) -> Vec<Document> {
    analyse_until(src, None, opts, &Deadline::start(None)).unwrap_or_default()
}

/// [`analyse_text`] that stops with [`TimedOut`] when `deadline` passes between stages;
/// `file_date` is the date the file's name carries ([`crate::metadata::date::in_file_name`]).
fn analyse_until(
    src: &SourceText,
    file_date: Option<&str>,
    opts: &Options,
    deadline: &Deadline,
) -> Result<Vec<Document>, TimedOut> {
    let analysis = structure::analyse(src);
    deadline.check(Stage::Structure)?;
    analysis
        .documents
        .into_iter()
        .enumerate()
        .map(|(k, mut doc)| {
            let ex = if opts.lint_only {
                extract::Extraction::default()
            } else {
                extract::extract(src, &doc)
            };
            deadline.check(Stage::Extract)?;
            // The lint returns the structure stage's diagnostics too, re-levelled per config.
            let checked = lint::check(src, &doc, &opts.lint);
            // Before the clause paths move into the output clauses.
            let references = references::references(src, &doc);
            let metadata = metadata::metadata(src, &doc);
            let mut diagnostics = checked.diagnostics;
            diagnostics.extend(lint::check_document(
                src,
                &metadata,
                &references,
                checked.profile,
                &opts.lint,
            ));
            lint::predating(&metadata, file_date, &opts.lint, &mut diagnostics);
            diagnostics.sort_by_key(|d| (d.line, d.column));
            for d in &mut diagnostics {
                d.document = Some(k as u32 + 1);
            }
            deadline.check(Stage::Lint)?;
            let clauses = if opts.lint_only {
                Vec::new()
            } else {
                clauses_of(src, &mut doc, opts)
            };
            deadline.check(Stage::Output)?;
            Ok(Document {
                title: doc.title.take(),
                line_start: doc.line_start as u64,
                line_end: doc.line_end as u64,
                profile: checked.profile.name().to_string(),
                metadata,
                clauses,
                references,
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
        budget::checkpoint(Stage::Output);
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
            insert: (n.insert > 0).then_some(n.insert),
            style: n.style,
            level: n.level,
            path: std::mem::take(&mut n.path),
            line: n.line as u64,
            column: n.column as u64,
            inline: n.inline,
            garbled: n.garbled,
            heading: n.heading.take(),
            text,
            byte_start: src.orig_offset(n.start).map(|o| o as u64),
            byte_end: src.orig_offset(n.end).map(|o| o as u64),
            locator: None,
            marker_source: MarkerSource::Text,
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
