//! The batch driver: finds the inputs, runs the pipeline over them in parallel and hands
//! the results on in input order.
//!
//! This is the only module besides `main` that touches the file system. Inputs are
//! collected and sorted first (deterministic order); they are processed in bounded chunks
//! with rayon so memory stays flat however large the corpus, and each chunk's results are
//! handed to the sink in input order, so `-j1` and `-jN` give byte-identical output.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::model::Record;
use crate::pipeline::{self, Options};

/// One input to process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file to read (`None` = standard input).
    pub file: Option<PathBuf>,
    /// The path as reported in the record.
    pub label: String,
    /// Path relative to the folder argument it was found under (for `--output` mirroring).
    pub relative: PathBuf,
}

/// Something that was not processed, with the reason (printed on stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The path.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Collect the inputs named on the command line: files as given, folders walked
/// recursively in sorted order (hidden entries skipped, symlink loops reported, never
/// followed forever). No path, or `-`, is standard input.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skip>) {
    let mut inputs = Vec::new();
    let mut skips = Vec::new();
    if paths.is_empty() {
        inputs.push(stdin_input());
        return (inputs, skips);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(stdin_input());
            continue;
        }
        let label = p.to_string_lossy().into_owned();
        match fs::metadata(p) {
            Err(e) => skips.push(Skip {
                path: label,
                reason: describe_io(&e),
            }),
            Ok(m) if m.is_dir() => walk_dir(p, &mut inputs, &mut skips),
            Ok(m) if m.is_file() => inputs.push(Input {
                file: Some(p.clone()),
                relative: PathBuf::from(p.file_name().unwrap_or(p.as_os_str())),
                label,
            }),
            Ok(_) => skips.push(Skip {
                path: label,
                reason: "not a regular file (FIFO, socket or device): skipped".into(),
            }),
        }
    }
    (inputs, skips)
}

fn stdin_input() -> Input {
    Input {
        file: None,
        label: "-".into(),
        relative: PathBuf::from("stdin"),
    }
}

fn walk_dir(root: &Path, inputs: &mut Vec<Input>, skips: &mut Vec<Skip>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e.path().map_or_else(
                    || root.to_string_lossy().into_owned(),
                    |p| p.to_string_lossy().into_owned(),
                );
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop: not followed".to_string()
                } else {
                    e.io_error().map_or_else(|| e.to_string(), describe_io)
                };
                skips.push(Skip { path, reason });
            }
            Ok(e) => {
                let ft = e.file_type();
                if ft.is_dir() {
                    continue;
                }
                let path = e.path();
                if !ft.is_file() {
                    skips.push(Skip {
                        path: path.to_string_lossy().into_owned(),
                        reason: "not a regular file (FIFO, socket or device): skipped".into(),
                    });
                    continue;
                }
                inputs.push(Input {
                    file: Some(path.to_path_buf()),
                    label: path.to_string_lossy().into_owned(),
                    relative: path.strip_prefix(root).unwrap_or(path).to_path_buf(),
                });
            }
        }
    }
}

/// A short, user-facing description of an I/O error.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Read one input and run the pipeline on it; never fails (errors become records).
pub fn process_input(input: &Input, opts: &Options) -> Record {
    let bytes = match &input.file {
        None => {
            let mut buf = Vec::new();
            io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
        }
        Some(p) => fs::read(p),
    };
    match bytes {
        Ok(b) => pipeline::process_bytes(&input.label, &b, opts),
        Err(e) => pipeline::error_record(
            &input.label,
            None,
            "io",
            "read",
            format!("{}: cannot read: {}", input.label, describe_io(&e)),
        ),
    }
}

/// Run `work` over `items` on `threads` threads and hand each result to `sink` in input
/// order. At most `chunk` results are held at once.
pub fn run_ordered<T, R, W, S>(
    items: &[T],
    threads: usize,
    chunk: usize,
    work: W,
    mut sink: S,
) -> io::Result<()>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(&T, R) -> io::Result<()>,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .map_err(io::Error::other)?;
    for part in items.chunks(chunk.max(1)) {
        let results: Vec<R> = pool.install(|| part.par_iter().map(&work).collect());
        for (item, r) in part.iter().zip(results) {
            sink(item, r)?;
        }
    }
    Ok(())
}
