//! The command line: argument parsing (clap derive) and the wiring of `extract` and
//! `check`. Results go to stdout, everything else to stderr; a closed pipe ends the run
//! quietly. Exit codes: 0 success, 1 `check` found error-level findings, 2 usage error or
//! at least one input could not be processed.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::batch::{self, Input};
use crate::budget::{self, Budget};
use crate::lint::{self, Level, Profile};
use crate::model::{Diagnostic, Record, Severity, Stage, Status};
use crate::ordered::{self, Failure, Setup};
use crate::pipeline::{self, Options};
use crate::render::records::{self as printer, Format, Printer, Rendered};
use crate::render::{self, csv, sarif::SarifLog};
use crate::text::SourceText;
use crate::{error_record, outdir, stream};

/// Structured JSON and numbering QA for Chinese policy and party/government documents.
#[derive(Debug, Parser)]
#[command(name = "gongwen", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract clause trees, responsibilities and accountability as JSON.
    Extract(ExtractArgs),
    /// Check clause numbering (gaps, duplicates, order, punctuation, levels).
    Check(CheckArgs),
    /// Print the text view of a file: what `extract` and `check` read (one line per
    /// paragraph, block or table row; Word numbering written out).
    Text(TextArgs),
}

#[derive(Debug, Args)]
struct TextArgs {
    /// The file (`-` reads stdin).
    path: PathBuf,
    /// Start each line with where it sits in its container (`page 3`,
    /// `word/document.xml#p41`) and a tab.
    #[arg(long)]
    locators: bool,
    /// Refuse inputs larger than this (bytes; suffixes K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
}

/// Options shared by both commands.
#[derive(Debug, Args)]
struct Common {
    /// Files and/or folders (walked recursively, sorted); `-` or nothing reads stdin.
    paths: Vec<PathBuf>,
    /// Worker threads (default and 0: all cores).
    #[arg(short = 'j', long = "threads")]
    threads: Option<usize>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// When to show the progress bar on stderr.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    progress: When,
    /// Memory budget per input: N bytes per input byte plus SIZE (K, M, G = KiB, MiB, GiB);
    /// an input that holds more gets a `too-large` error record and the run goes on
    /// (0 = no limit).
    #[arg(long, value_name = "Nx+SIZE", default_value_t = budget::DEFAULT)]
    max_memory: Budget,
}

impl Common {
    /// The memory budget per input (`None`: no limit).
    fn memory(&self) -> Option<Budget> {
        (self.max_memory
            != Budget {
                per_byte: 0,
                base: 0,
            })
        .then_some(self.max_memory)
    }
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write one <name>.json per input under DIR (mirroring the input tree) instead of stdout.
    #[arg(long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Include each clause's segmentation (jieba-rs tokens) in the output.
    #[arg(long)]
    tokens: bool,
    /// With --output: skip inputs whose record under DIR exists for the same input sha256.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Streaming mode: read one JSON request per stdin line ({"id", "text"|"path"|"b64"})
    /// and answer one record per request, in order (one thread unless -j is given).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with_all = ["output", "resume"])]
    stdin_format: Option<StdinFormat>,
    /// Process only shard I of N (0-based), chosen by FNV-1a hash of the input path or
    /// request id.
    #[arg(long, value_name = "I/N")]
    shard: Option<batch::Shard>,
    /// Refuse inputs larger than this (bytes; suffixes K, M, G = KiB, MiB, GiB; 0 = no
    /// limit) with a `too-large` error record.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_file_size: u64,
    /// Give up on an input after this many seconds with a `timeout` error record (0 = no
    /// limit).
    #[arg(long, value_name = "SECS", default_value = "300", value_parser = parse_secs)]
    timeout: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StdinFormat {
    /// One JSON request per line.
    Jsonl,
}

/// Parse a size: a number of bytes with an optional K/M/G (binary) suffix.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let digits = upper.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &upper[digits.len()..];
    let mult: u64 = match unit {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return Err(format!("unknown size unit {unit:?} (use K, M or G)")),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{t:?} is not a size (e.g. 64M)"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("{t:?} is too large"))
}

/// Parse a non-negative number of seconds.
fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.0..1e9).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a number of seconds")),
    }
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    common: Common,
    /// Output format (human on a terminal by default, json otherwise).
    #[arg(long, value_enum)]
    format: Option<CheckFormat>,
    /// Check every document under this profile instead of choosing one per document.
    #[arg(long, value_enum)]
    profile: Option<Profile>,
    /// Switch RULE off (repeatable).
    #[arg(long, value_name = "RULE")]
    allow: Vec<String>,
    /// Report RULE as a warning (repeatable).
    #[arg(long, value_name = "RULE")]
    warn: Vec<String>,
    /// Report RULE as an error (repeatable); `--deny warnings` makes every warning an error.
    #[arg(long, value_name = "RULE")]
    deny: Vec<String>,
    /// Read rule levels and the profile from FILE (default: ./gongwen.toml if present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    color: When,
    /// Print the rules with their default severity and standard, then exit.
    #[arg(long)]
    list_rules: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum When {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// rustc-style diagnostics.
    Human,
    /// One diagnostic per line.
    Json,
    /// SARIF 2.1.0.
    Sarif,
}

/// Parse the command line and run; returns the exit code.
pub fn run() -> anyhow::Result<u8> {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(code);
        }
    };
    let result = match cli.command {
        Command::Extract(a) => extract(a),
        Command::Check(a) => check(a),
        Command::Text(a) => text(a),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(0),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// `n` and the noun, singular or plural.
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many inputs were processed and how many could not be.
#[derive(Debug, Default)]
struct Tally {
    files: u64,
    failed: u64,
    bytes: u64,
}

impl Tally {
    fn add(&mut self, status: Status, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
        if status == Status::Error {
            self.failed += 1;
        }
    }

    /// `999 files, 1 could not be processed; 20.3 MB in 1.23 s (16.5 MB/s)`.
    fn summary(&self, started: Instant) -> String {
        let secs = started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        let failed = if self.failed == 0 {
            String::new()
        } else {
            format!(", {} could not be processed", self.failed)
        };
        format!(
            "{}{failed}; {mb:.1} MB in {secs:.2} s ({:.1} MB/s)",
            count(self.files, "file", "files"),
            if secs > 0.0 { mb / secs } else { 0.0 }
        )
    }
}

fn progress_bar(common: &Common, len: usize) -> ProgressBar {
    let show = !common.quiet
        && match common.progress {
            When::Always => true,
            When::Never => false,
            When::Auto => io::stderr().is_terminal(),
        };
    if !show {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {per_sec} {msg}",
    ) {
        pb.set_style(style);
    }
    pb
}

/// Build what the workers of an extraction share — the segmenter with its dictionary, the
/// tagger's model, the extraction patterns — on threads of their own, so that several
/// workers do not wait for them one after another at the start (with one worker they are
/// built where first needed, as the same work in the same thread). Returns at once.
fn prepare_in_background() {
    std::thread::spawn(|| {
        crate::segment::jieba();
    });
    std::thread::spawn(|| {
        crate::segment::load_tagger_model();
        crate::extract::prepare();
    });
}

/// Worker threads: as many as asked, or every core for none or 0.
fn threads(requested: Option<usize>) -> usize {
    match requested {
        Some(n) if n > 0 => n,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get()),
    }
}

/// On a terminal, say that standard input is being read (a user who typed the command
/// without a path otherwise sees nothing happen).
fn hint_when_reading_a_terminal(paths: &[PathBuf], command: &str) {
    let reads_stdin = paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-");
    if reads_stdin && io::stdin().is_terminal() {
        eprintln!(
            "gongwen: reading a document from standard input (end it with Ctrl-D); to process files or folders: gongwen {command} PATH ..."
        );
    }
}

/// The stderr line for an error record.
fn error_note(r: &Record) -> Option<String> {
    r.error.as_ref().map(|e| {
        format!(
            "{} (stage: {}, error: {})",
            e.message,
            e.stage.name(),
            e.kind.name()
        )
    })
}

/// What became of one input in `extract`.
#[derive(Debug)]
struct Outcome {
    status: Status,
    bytes: u64,
    /// The record as rendered for the output (`None` when resumed).
    rendered: Option<Rendered>,
    /// For an error record: the line for stderr.
    note: Option<String>,
}

impl Outcome {
    fn of(r: &Record, format: Format) -> Outcome {
        Outcome {
            status: r.status,
            bytes: r.source.bytes,
            rendered: Some(printer::render(format, r)),
            note: error_note(r),
        }
    }
}

/// Process one input for `extract`; with `resume`, keep an existing record whose input
/// digest matches (unless its error may be transient).
fn extract_one(
    input: &Input,
    out: Option<&Path>,
    resume: bool,
    opts: &Options,
    format: Format,
) -> Outcome {
    let Some(existing) = out.filter(|_| resume).and_then(outdir::existing) else {
        return Outcome::of(&batch::process_input(input, opts), format);
    };
    let bytes = match batch::read_input(input, opts.max_file_size) {
        Ok(b) => b,
        Err(e) => return Outcome::of(&e.into_record(&input.label), format),
    };
    if !existing.transient && existing.sha256 == crate::ingest::sha256_hex(&bytes) {
        return Outcome {
            status: if existing.error {
                Status::Error
            } else {
                Status::Ok
            },
            bytes: bytes.len() as u64,
            rendered: None,
            note: existing
                .error
                .then(|| format!("{}: kept the error record of an earlier run", input.label)),
        };
    }
    Outcome::of(&pipeline::process_bytes(&input.label, &bytes, opts), format)
}

fn extract(mut a: ExtractArgs) -> anyhow::Result<u8> {
    // CSV tables are written at the end, not one file per input.
    let csv_dir = match a.format {
        Format::Csv => a.output.take(),
        Format::Jsonl | Format::Json => None,
    };
    let opts = Options {
        tokens: a.tokens,
        max_file_size: a.max_file_size,
        timeout: (a.timeout > 0.0).then(|| Duration::from_secs_f64(a.timeout)),
        memory: a.common.memory(),
        ..Options::default()
    };
    if a.stdin_format.is_some() {
        return extract_stream(&a, opts);
    }
    let started = Instant::now();
    hint_when_reading_a_terminal(&a.common.paths, "extract");
    let mut inputs = batch::collect_inputs(&a.common.paths);
    if let Some(shard) = a.shard {
        inputs.retain(|i| shard.contains(i.label.as_bytes()));
    }
    let out = match &a.output {
        Some(dir) => Some(
            outdir::OutDir::create(dir)
                .with_context(|| format!("cannot create output folder {}", dir.display()))?,
        ),
        None => None,
    };
    if let Some(o) = &out {
        // Never read our own records back as inputs (DIR inside a walked folder).
        inputs.retain(|i| {
            i.file
                .as_ref()
                .and_then(|f| fs::canonicalize(f).ok())
                .is_none_or(|f| !f.starts_with(o.root()))
        });
    }
    let targets: Vec<Option<PathBuf>> = match &out {
        Some(o) => outdir::output_paths(o.root(), &inputs)
            .into_iter()
            .map(Some)
            .collect(),
        None => vec![None; inputs.len()],
    };
    let pb = progress_bar(&a.common, inputs.len());
    let threads = threads(a.common.threads);
    if threads > 1 && inputs.len() > 1 {
        prepare_in_background();
    }
    let mut tally = Tally::default();
    let mut resumed = 0u64;
    let stdout = io::stdout();
    let mut printer = Printer::new(
        a.format,
        io::BufWriter::new(stdout.lock()),
        out.is_some() || csv_dir.is_some(),
    )?;
    let resume = a.resume;
    let format = a.format;
    let setup = Setup {
        threads,
        window: threads * 8,
        timeout: opts.timeout,
    };
    ordered::run(
        setup,
        inputs.into_iter().zip(targets),
        move |(input, target)| extract_one(input, target.as_deref(), resume, &opts, format),
        |(input, _), f| {
            let r = match f {
                Failure::Timeout(t) => error_record::timeout(&input.label, None, Stage::Analyse, t),
                Failure::Panic(m) => error_record::panic(&input.label, None, Stage::Analyse, &m),
            };
            Outcome::of(&r, format)
        },
        |(_, target), o| {
            pb.inc(1);
            tally.add(o.status, o.bytes);
            if let Some(note) = &o.note {
                pb.suspend(|| eprintln!("gongwen: {note}"));
            }
            let Some(rendered) = o.rendered else {
                resumed += 1;
                return Ok(());
            };
            match (&out, target, rendered) {
                (Some(out), Some(target), Rendered::Json(mut json)) => {
                    json.push(b'\n');
                    out.write(target, &json)
                }
                (_, _, rendered) => printer.print(rendered),
            }
        },
    )
    .context("writing results")?;
    let tables = printer.finish().context("writing results")?;
    if let (Some(dir), Some(tables)) = (&csv_dir, tables) {
        write_tables(dir, tables)?;
    }
    if let Some(out) = out {
        out.finish();
    }
    pb.finish_and_clear();
    if !a.common.quiet {
        if resumed > 0 {
            eprintln!(
                "gongwen: {} already done (--resume)",
                count(resumed, "input", "inputs")
            );
        }
        eprintln!("gongwen: {}", tally.summary(started));
    }
    Ok(if tally.failed > 0 { 2 } else { 0 })
}

/// Write the CSV tables under `dir`, each atomically.
fn write_tables(dir: &Path, tables: [Vec<u8>; csv::TABLES]) -> anyhow::Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    for (name, bytes) in csv::FILES.iter().zip(tables) {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        fs::write(&tmp, &bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
        fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// `extract --stdin-format jsonl`: answer requests until stdin ends. Every request is
/// answered (bad requests and documents with error records); as in a batch run, the exit code
/// is 2 when any of them could not be processed, and for a usage error.
fn extract_stream(a: &ExtractArgs, opts: Options) -> anyhow::Result<u8> {
    if !a.common.paths.is_empty() {
        eprintln!("gongwen: error: --stdin-format reads requests from stdin; give no PATH");
        return Ok(2);
    }
    let config = stream::Config {
        opts,
        // One thread unless asked: the engine running the stream provides the parallelism.
        threads: threads(Some(a.common.threads.unwrap_or(1))),
        shard: a.shard,
    };
    let stdin = io::BufReader::with_capacity(1 << 16, io::stdin());
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let summary = stream::run(stdin, &mut out, &config).context("streaming records")?;
    if !a.common.quiet {
        eprintln!(
            "gongwen: {} answered, {} with an error record",
            count(summary.records, "request", "requests"),
            summary.errors
        );
    }
    Ok(if summary.errors > 0 { 2 } else { 0 })
}

/// `gongwen text PATH`: print the text view; an input that cannot be read is reported on
/// stderr with exit code 2.
fn text(a: TextArgs) -> anyhow::Result<u8> {
    let file = (a.path.as_os_str() != "-").then_some(a.path.as_path());
    let label = a.path.to_string_lossy().into_owned();
    let bytes = match batch::read_limited(file, a.max_file_size) {
        Ok(b) => b,
        Err(e) => return Ok(report_error(&e.into_record(&label))),
    };
    let view = match pipeline::read_view(&label, &bytes) {
        Ok(v) => v,
        Err(r) => return Ok(report_error(&r)),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if a.locators && !view.locators.is_empty() {
        for (line, locator) in view.text.split('\n').zip(&view.locators) {
            writeln!(out, "{locator}\t{line}")?;
        }
    } else {
        out.write_all(view.text.as_bytes())?;
        if !view.text.ends_with('\n') {
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// Print an error record's message on stderr; the exit code for it.
fn report_error(r: &Record) -> u8 {
    if let Some(e) = &r.error {
        eprintln!("gongwen: {} (error: {})", e.message, e.kind.name());
    }
    2
}

/// The lint configuration of a `check` run: the config file, then the flags.
fn lint_config(a: &CheckArgs) -> anyhow::Result<lint::Config> {
    let file = match &a.config {
        Some(p) => Some(p.clone()),
        None => Some(PathBuf::from("gongwen.toml")).filter(|p| p.is_file()),
    };
    let mut cfg = match &file {
        Some(p) => {
            let text = fs::read_to_string(p)
                .with_context(|| format!("cannot read config {}", p.display()))?;
            lint::Config::from_toml(&text).with_context(|| format!("in {}", p.display()))?
        }
        None => lint::Config::default(),
    };
    if a.profile.is_some() {
        cfg.profile = a.profile;
    }
    for (rules, level) in [
        (&a.allow, Level::Allow),
        (&a.warn, Level::Warn),
        (&a.deny, Level::Deny),
    ] {
        for r in rules {
            if level == Level::Deny && r == "warnings" {
                cfg.deny_warnings = true;
            } else {
                cfg.set(r, level)?;
            }
        }
    }
    Ok(cfg)
}

fn list_rules() -> anyhow::Result<u8> {
    io::stdout()
        .lock()
        .write_all(render::human::rule_list().as_bytes())?;
    Ok(0)
}

/// What a `check` worker hands to the writer for one input.
#[derive(Debug)]
struct Checked {
    status: Status,
    bytes: u64,
    /// For an input that could not be checked: the message.
    failure: Option<String>,
    /// The findings, each with its input path and its document's profile.
    diagnostics: Vec<Diagnostic>,
    /// The findings rendered for the output (JSON Lines or human; empty for SARIF).
    rendered: Vec<u8>,
}

fn check_one(input: &Input, opts: &Options, format: CheckFormat, color: bool) -> Checked {
    let bytes = match batch::read_input(input, opts.max_file_size) {
        Ok(b) => b,
        Err(e) => return checked(e.into_record(&input.label), None, format, color),
    };
    let record = pipeline::process_bytes(&input.label, &bytes, opts);
    checked(record, Some(&bytes), format, color)
}

/// The findings of `record`, rendered; `bytes` are the input's (for human snippets).
fn checked(record: Record, bytes: Option<&[u8]>, format: CheckFormat, color: bool) -> Checked {
    let path = &record.source.path;
    let diagnostics: Vec<Diagnostic> = record
        .documents
        .iter()
        .flat_map(|doc| {
            doc.diagnostics.iter().map(|d| Diagnostic {
                path: Some(path.clone()),
                profile: Some(doc.profile.clone()),
                ..d.clone()
            })
        })
        .collect();
    let rendered = match format {
        CheckFormat::Json => {
            let mut lines = Vec::new();
            for d in &diagnostics {
                render::json::write_line(&mut lines, d);
            }
            lines
        }
        CheckFormat::Human if !diagnostics.is_empty() => {
            // Read again only for a file with findings, for the lines of its text view.
            let src = bytes
                .and_then(|b| pipeline::read_view(path, b).ok())
                .map(|v| SourceText::with_map(v.text, v.map));
            render::human::render(path, src.as_ref(), &diagnostics, color).into_bytes()
        }
        CheckFormat::Human | CheckFormat::Sarif => Vec::new(),
    };
    Checked {
        status: record.status,
        bytes: record.source.bytes,
        failure: record.error.as_ref().map(|e| e.message.clone()),
        diagnostics,
        rendered,
    }
}

fn check(a: CheckArgs) -> anyhow::Result<u8> {
    if a.list_rules {
        return list_rules();
    }
    let started = Instant::now();
    let cfg = match lint_config(&a) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("gongwen: error: {e:#}");
            return Ok(2);
        }
    };
    hint_when_reading_a_terminal(&a.common.paths, "check");
    let inputs = batch::collect_inputs(&a.common.paths);
    let format = a.format.unwrap_or(if io::stdout().is_terminal() {
        CheckFormat::Human
    } else {
        CheckFormat::Json
    });
    let color = match a.color {
        When::Always => true,
        When::Never => false,
        When::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = Options {
        lint: cfg,
        memory: a.common.memory(),
        lint_only: true,
        ..Options::default()
    };
    let pb = progress_bar(&a.common, inputs.len());
    let threads = threads(a.common.threads);
    let mut tally = Tally::default();
    let mut counts = [0u64; 3]; // by severity: info, warning, error
    let mut sarif = SarifLog::new(std::env::current_dir().ok());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let setup = Setup {
        threads,
        window: threads * 8,
        timeout: None,
    };
    ordered::run(
        setup,
        inputs.into_iter(),
        move |input| check_one(input, &opts, format, color),
        |input, f| {
            let r = match f {
                Failure::Timeout(t) => error_record::timeout(&input.label, None, Stage::Analyse, t),
                Failure::Panic(m) => error_record::panic(&input.label, None, Stage::Analyse, &m),
            };
            checked(r, None, format, color)
        },
        |input, c| {
            pb.inc(1);
            tally.add(c.status, c.bytes);
            if let Some(msg) = &c.failure {
                pb.suspend(|| eprintln!("gongwen: {msg}"));
                sarif.add_failure(&input.label, msg);
            }
            for d in &c.diagnostics {
                counts[d.severity as usize] += 1;
            }
            if format == CheckFormat::Sarif {
                sarif.add(&input.label, &c.diagnostics);
            }
            out.write_all(&c.rendered)
        },
    )
    .context("writing findings")?;
    if format == CheckFormat::Sarif {
        serde_json::to_writer_pretty(&mut out, &sarif.finish()).context("writing findings")?;
        writeln!(out)?;
    }
    out.flush().context("writing findings")?;
    pb.finish_and_clear();
    if !a.common.quiet {
        let [info, warning, error] = counts;
        eprintln!(
            "gongwen: {} ({}, {}, {}) in {}",
            count(info + warning + error, "finding", "findings"),
            count(error, "error", "errors"),
            count(warning, "warning", "warnings"),
            count(info, "note", "notes"),
            tally.summary(started)
        );
    }
    Ok(if tally.failed > 0 {
        2
    } else if counts[Severity::Error as usize] > 0 {
        1
    } else {
        0
    })
}
