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
use crate::lint::{self, Level, Profile};
use crate::model::{Diagnostic, Record, Severity, Status};
use crate::pipeline::{self, Options};
use crate::render::{self, sarif::SarifLog};
use crate::text::SourceText;
use crate::{outdir, stream};

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
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "threads")]
    threads: Option<usize>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// When to show the progress bar on stderr.
    #[arg(long, value_enum, default_value_t = When::Auto)]
    progress: When,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    common: Common,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    format: ExtractFormat,
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
enum ExtractFormat {
    /// One record per input per line.
    Jsonl,
    /// One JSON array of records.
    Json,
    /// CSV tables of responsibilities, conditions and sanctions: one table with a `table`
    /// column on stdout, or responsibilities.csv, conditions.csv and sanctions.csv under
    /// `--output DIR`.
    Csv,
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

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Tally {
    files: u64,
    ok: u64,
    errors: u64,
    bytes: u64,
}

impl Tally {
    fn add(&mut self, r: &Record) {
        self.files += 1;
        self.bytes += r.source.bytes;
        match r.status {
            Status::Ok => self.ok += 1,
            Status::Error => self.errors += 1,
        }
    }

    fn print(&self, started: Instant, skipped: usize) {
        let secs = started.elapsed().as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        eprintln!(
            "gongwen: {} files, {} ok, {} errors, {} skipped, {:.1} MB in {:.2} s ({:.1} MB/s)",
            self.files,
            self.ok,
            self.errors,
            skipped,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
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

fn threads(common: &Common) -> usize {
    common
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

fn report_skips(skips: &[batch::Skip]) {
    for s in skips {
        eprintln!("gongwen: {}: {}", s.path, s.reason);
    }
}

/// What became of one input in `extract`.
#[derive(Debug)]
struct Outcome {
    status: Status,
    bytes: u64,
    /// The record as JSON (empty when resumed).
    json: Vec<u8>,
    /// For an error record: the line for stderr.
    note: Option<String>,
    /// The record already under `--output` was kept (`--resume`).
    resumed: bool,
}

impl Outcome {
    fn of(r: &Record) -> Outcome {
        Outcome {
            status: r.status,
            bytes: r.source.bytes,
            json: crate::json::record(r).unwrap_or_default(),
            note: r
                .error
                .as_ref()
                .map(|e| format!("{} (stage: {}, error: {})", e.message, e.stage, e.kind)),
            resumed: false,
        }
    }
}

/// Process one input for `extract`; with `resume`, keep an existing record whose input
/// digest matches (unless its error may be transient).
fn extract_one(input: &Input, out: Option<&Path>, resume: bool, opts: &Options) -> Outcome {
    let Some(existing) = out.filter(|_| resume).and_then(outdir::existing) else {
        return Outcome::of(&batch::process_input(input, opts));
    };
    let bytes = match batch::read_limited(input.file.as_deref(), opts.max_file_size) {
        Ok(b) => b,
        Err(e) => return Outcome::of(&e.into_record(&input.label)),
    };
    if !existing.transient && existing.sha256 == pipeline::sha256_hex(&bytes) {
        return Outcome {
            status: if existing.error {
                Status::Error
            } else {
                Status::Ok
            },
            bytes: bytes.len() as u64,
            json: Vec::new(),
            note: existing
                .error
                .then(|| format!("{}: kept the error record of an earlier run", input.label)),
            resumed: true,
        };
    }
    Outcome::of(&pipeline::process_bytes(&input.label, &bytes, opts))
}

fn extract(mut a: ExtractArgs) -> anyhow::Result<u8> {
    // CSV tables are written at the end, not one file per input.
    let csv_dir = match a.format {
        ExtractFormat::Csv => a.output.take(),
        _ => None,
    };
    let mut tables = crate::extract::table::Tables::new();
    let opts = Options {
        tokens: a.tokens,
        max_file_size: a.max_file_size,
        timeout: (a.timeout > 0.0).then(|| Duration::from_secs_f64(a.timeout)),
        ..Options::default()
    };
    if a.stdin_format.is_some() {
        return extract_stream(&a, opts);
    }
    let started = Instant::now();
    let (mut inputs, skips) = batch::collect_inputs(&a.common.paths);
    report_skips(&skips);
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
    let threads = threads(&a.common);
    if threads > 1 && inputs.len() > 1 {
        prepare_in_background();
    }
    let mut tally = Tally::default();
    let mut resumed = 0u64;
    let stdout = io::stdout();
    let mut stdout = io::BufWriter::new(stdout.lock());
    let mut first = true;
    let json_array = a.format == ExtractFormat::Json && out.is_none();
    if json_array {
        stdout.write_all(b"[")?;
    }
    let resume = a.resume;
    let work_opts = opts.clone();
    batch::run_ordered_owned(
        inputs.into_iter().zip(targets),
        threads,
        threads * 8,
        opts.timeout,
        move |(input, target)| {
            let o = extract_one(input, target.as_deref(), resume, &work_opts);
            (o, target.clone())
        },
        |(input, target), f| {
            let r = match f {
                batch::Failure::Timeout(t) => {
                    pipeline::timeout_record(&input.label, None, "analyse", t)
                }
                batch::Failure::Panic(m) => pipeline::error_record(
                    &input.label,
                    None,
                    "panic",
                    "extract",
                    format!("{}: internal error (a bug in gongwen): {m}", input.label),
                ),
            };
            (Outcome::of(&r), target.clone())
        },
        |(o, target)| {
            pb.inc(1);
            tally.files += 1;
            tally.bytes += o.bytes;
            match o.status {
                Status::Ok => tally.ok += 1,
                Status::Error => tally.errors += 1,
            }
            if let Some(note) = &o.note {
                pb.suspend(|| eprintln!("gongwen: {note}"));
            }
            if o.resumed {
                resumed += 1;
                return Ok(());
            }
            if let (Some(out), Some(target)) = (&out, &target) {
                let mut json = o.json;
                json.push(b'\n');
                return out.write(target, &json);
            }
            match a.format {
                ExtractFormat::Jsonl => {
                    // The record and its line break in one write (its buffer has room).
                    let mut json = o.json;
                    json.push(b'\n');
                    stdout.write_all(&json)
                }
                ExtractFormat::Json => {
                    if !first {
                        stdout.write_all(b",\n")?;
                    }
                    first = false;
                    stdout.write_all(&o.json)
                }
                ExtractFormat::Csv => match serde_json::from_slice(&o.json) {
                    Ok(r) => tables.add(&r).map_err(io::Error::other),
                    Err(e) => Err(io::Error::other(e)),
                },
            }
        },
    )
    .context("writing results")?;
    if json_array {
        stdout.write_all(b"]\n")?;
    }
    if a.format == ExtractFormat::Csv {
        match &csv_dir {
            None => stdout.write_all(&tables.into_combined())?,
            Some(dir) => write_tables(dir, tables)?,
        }
    }
    stdout.flush().context("writing results")?;
    if let Some(out) = out {
        out.finish();
    }
    pb.finish_and_clear();
    if !a.common.quiet {
        if resumed > 0 {
            eprintln!("gongwen: {resumed} inputs already done (--resume)");
        }
        tally.print(started, skips.len());
    }
    Ok(if tally.errors > 0 || !skips.is_empty() {
        2
    } else {
        0
    })
}

/// Write the three CSV tables under `dir` (UTF-8 with a byte order mark, so that
/// spreadsheets read the Chinese text right), each atomically.
fn write_tables(dir: &Path, tables: crate::extract::table::Tables) -> anyhow::Result<()> {
    fs::create_dir_all(dir)
        .with_context(|| format!("cannot create output folder {}", dir.display()))?;
    let files = crate::extract::table::FILES;
    for (name, bytes) in files.iter().zip(tables.into_files()) {
        let path = dir.join(name);
        let tmp = dir.join(format!(".{name}.tmp"));
        let mut data = b"\xEF\xBB\xBF".to_vec();
        data.extend(bytes);
        fs::write(&tmp, &data).with_context(|| format!("cannot write {}", tmp.display()))?;
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
        threads: a.common.threads.unwrap_or(1).max(1),
        shard: a.shard,
    };
    let stdin = io::BufReader::with_capacity(1 << 16, io::stdin());
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let summary = stream::run(stdin, &mut out, &config).context("streaming records")?;
    if !a.common.quiet {
        eprintln!(
            "gongwen: {} requests answered, {} with an error record",
            summary.records, summary.errors
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
        eprintln!("gongwen: {} (error: {})", e.message, e.kind);
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
    let mut out = io::stdout().lock();
    for r in lint::rules::RULES {
        let sev = match r.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        writeln!(
            out,
            "{:<20} {:<8} {}  [{}]",
            r.name, sev, r.summary, r.standard
        )?;
    }
    Ok(0)
}

/// What a `check` worker hands to the writer for one input.
struct Checked {
    record: Record,
    /// The findings, each with its document's profile.
    diagnostics: Vec<Diagnostic>,
    /// Human-format text, rendered in the worker.
    human: Option<String>,
}

fn check_one(input: &Input, opts: &Options, human: Option<bool>) -> Checked {
    let bytes = match batch::read_limited(input.file.as_deref(), opts.max_file_size) {
        Ok(b) => b,
        Err(e) => {
            return Checked {
                record: e.into_record(&input.label),
                diagnostics: Vec::new(),
                human: None,
            };
        }
    };
    let record = pipeline::process_bytes(&input.label, &bytes, opts);
    let diagnostics: Vec<Diagnostic> = record
        .documents
        .iter()
        .flat_map(|doc| {
            doc.diagnostics.iter().map(|d| Diagnostic {
                profile: Some(doc.profile.clone()),
                ..d.clone()
            })
        })
        .collect();
    let human = human.map(|color| {
        let src = pipeline::read_view(&input.label, &bytes)
            .ok()
            .map(|v| SourceText::with_map(v.text, v.map));
        render::human::render(&input.label, src.as_ref(), &diagnostics, color)
    });
    Checked {
        record,
        diagnostics,
        human,
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
    let (inputs, skips) = batch::collect_inputs(&a.common.paths);
    report_skips(&skips);
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
    let human = (format == CheckFormat::Human).then_some(color);
    let opts = Options {
        lint: cfg,
        ..Options::default()
    };
    let pb = progress_bar(&a.common, inputs.len());
    let threads = threads(&a.common);
    if threads > 1 && inputs.len() > 1 {
        prepare_in_background();
    }
    let mut tally = Tally::default();
    let mut counts = [0u64; 3]; // info, warning, error
    let mut sarif = SarifLog::default();
    for s in &skips {
        sarif.add_failure(&s.path, &s.reason);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    batch::run_ordered(
        &inputs,
        threads,
        threads * 8,
        |input| check_one(input, &opts, human),
        |input, c| {
            pb.inc(1);
            tally.add(&c.record);
            if c.record.status == Status::Error {
                let msg = c.record.error.as_ref().map_or_else(
                    || "could not be processed".to_string(),
                    |e| e.message.clone(),
                );
                pb.suspend(|| eprintln!("gongwen: {msg}"));
                sarif.add_failure(&input.label, &msg);
            }
            for d in &c.diagnostics {
                counts[d.severity as usize] += 1;
            }
            match format {
                CheckFormat::Json => {
                    // The file's lines in one write.
                    let mut lines = Vec::new();
                    for d in &c.diagnostics {
                        render::json::write_line(&mut lines, &c.record.source.path, d);
                    }
                    out.write_all(&lines)?;
                }
                CheckFormat::Human => {
                    if let Some(h) = &c.human {
                        out.write_all(h.as_bytes())?;
                    }
                }
                CheckFormat::Sarif => sarif.add(&c.record.source.path, &c.diagnostics),
            }
            Ok(())
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
        eprintln!(
            "gongwen: {} errors, {} warnings, {} notes",
            counts[2], counts[1], counts[0]
        );
        tally.print(started, skips.len());
    }
    Ok(if tally.errors > 0 || !skips.is_empty() {
        2
    } else if counts[2] > 0 {
        1
    } else {
        0
    })
}
