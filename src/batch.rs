//! The batch inputs: finds them (files as given, folders walked in sorted order) and reads
//! each under the size guard into a [`Record`] through the pipeline. Anything that cannot
//! be read — a missing path, an unreadable folder, a file that vanished, a FIFO — is an
//! input too and gets an `io` error record, so every failure is reported alike.
//!
//! This is the only module besides `cli`, `outdir` and `stream` that touches the file
//! system. The parallel, ordered run over the inputs is [`crate::ordered`].

use std::cell::RefCell;
use std::fs;
use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crate::error_record::{self, describe_io};
use crate::model::{Record, Stage};
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
    /// Why it cannot be read, when that was found while collecting the inputs (a missing
    /// path, an unreadable folder, a symbolic link loop, a FIFO): it gets an `io` error
    /// record like any other input that cannot be read.
    pub unreadable: Option<String>,
}

impl Input {
    /// A file to read, reported as `label`.
    pub fn file(path: PathBuf, label: String, relative: PathBuf) -> Input {
        Input {
            file: Some(path),
            label,
            relative,
            unreadable: None,
        }
    }

    /// Something found while collecting the inputs that cannot be read, and why.
    fn cannot_read(path: &Path, reason: String) -> Input {
        Input {
            relative: PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
            label: path.to_string_lossy().into_owned(),
            file: Some(path.to_path_buf()),
            unreadable: Some(reason),
        }
    }
}

/// Collect the inputs named on the command line: files as given, folders walked
/// recursively in sorted order (hidden entries skipped, symlink loops reported, never
/// followed forever). No path, or `-`, is standard input. A path that does not exist, a
/// folder that cannot be read, a FIFO, socket or device (reading them could block
/// forever) is an input too, marked [`Input::unreadable`].
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    if paths.is_empty() {
        inputs.push(stdin_input());
        return inputs;
    }
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(stdin_input());
            continue;
        }
        match fs::metadata(p) {
            Err(e) => inputs.push(Input::cannot_read(p, describe_io(&e))),
            Ok(m) if m.is_dir() => walk_dir(p, &mut inputs),
            Ok(m) if m.is_file() => inputs.push(Input::file(
                p.clone(),
                p.to_string_lossy().into_owned(),
                PathBuf::from(p.file_name().unwrap_or(p.as_os_str())),
            )),
            Ok(_) => inputs.push(Input::cannot_read(p, NOT_REGULAR.into())),
        }
    }
    inputs
}

const NOT_REGULAR: &str = "a FIFO, socket or device, not a regular file";

fn stdin_input() -> Input {
    Input {
        file: None,
        label: "-".into(),
        relative: PathBuf::from("stdin"),
        unreadable: None,
    }
}

/// Name of the per-folder ignore file (gitignore syntax) honoured while walking.
pub const IGNORE_FILE: &str = ".gongwenignore";

fn walk_dir(root: &Path, inputs: &mut Vec<Input>) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .standard_filters(false)
        .parents(true)
        .hidden(true)
        .follow_links(true)
        .add_custom_ignore_filename(IGNORE_FILE)
        .sort_by_file_name(|a, b| a.cmp(b));
    for entry in builder.build() {
        match entry {
            Err(e) => inputs.push(walk_error(root, &e)),
            Ok(e) => {
                let Some(ft) = e.file_type() else { continue };
                if ft.is_dir() {
                    continue;
                }
                let path = e.path();
                if !ft.is_file() {
                    inputs.push(Input::cannot_read(path, NOT_REGULAR.into()));
                    continue;
                }
                inputs.push(Input::file(
                    path.to_path_buf(),
                    path.to_string_lossy().into_owned(),
                    path.strip_prefix(root).unwrap_or(path).to_path_buf(),
                ));
            }
        }
    }
}

/// A walk error as an unreadable input naming the path concerned.
fn walk_error(root: &Path, e: &ignore::Error) -> Input {
    fn inner(e: &ignore::Error) -> (Option<PathBuf>, String) {
        match e {
            ignore::Error::WithPath { path, err } => {
                let (_, reason) = inner(err);
                (Some(path.clone()), reason)
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner(err)
            }
            ignore::Error::Loop { child, .. } => (
                Some(child.clone()),
                "symbolic link loop, not followed".into(),
            ),
            ignore::Error::Io(io) => (None, describe_io(io)),
            other => (None, other.to_string()),
        }
    }
    let (path, reason) = inner(e);
    let mut input = Input::cannot_read(path.as_deref().unwrap_or(root), reason);
    input.relative = path
        .as_deref()
        .and_then(|p| p.strip_prefix(root).ok())
        .map_or(input.relative, Path::to_path_buf);
    input
}

/// Why an input's bytes could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The input is larger than the size guard allows.
    TooLarge {
        /// Its size (or a lower bound, for a stream).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Not a regular file (directory, FIFO, socket, device).
    NotRegular(&'static str),
    /// An I/O error.
    Io(io::Error),
    /// Found unreadable while collecting the inputs ([`Input::unreadable`]).
    Unreadable(String),
}

impl ReadError {
    /// The error record for `label`.
    pub fn into_record(self, label: &str) -> Record {
        match self {
            ReadError::TooLarge { size, limit } => error_record::too_large(label, size, limit),
            ReadError::NotRegular(what) => error_record::io(label, what),
            ReadError::Io(e) => error_record::io(label, &describe_io(&e)),
            ReadError::Unreadable(why) => error_record::io(label, &why),
        }
    }
}

/// Read an input whole under the size guard `limit` (0 = no limit); see [`read_limited`].
pub fn read_input(input: &Input, limit: u64) -> Result<Vec<u8>, ReadError> {
    match &input.unreadable {
        Some(why) => Err(ReadError::Unreadable(why.clone())),
        None => read_limited(input.file.as_deref(), limit),
    }
}

/// Read a file (or stdin) whole, refusing anything larger than `limit` bytes (0 = no
/// limit) before reading it, and anything that is not a regular file (a FIFO could block
/// forever).
pub fn read_limited(file: Option<&Path>, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    let n = read_limited_into(file, limit, &mut buf)?;
    buf.truncate(n);
    Ok(buf)
}

/// [`read_limited`] into `buf`, whose bytes are overwritten from the start (it grows as
/// needed and never shrinks): the file is `buf[..n]`.
fn read_limited_into(
    file: Option<&Path>,
    limit: u64,
    buf: &mut Vec<u8>,
) -> Result<usize, ReadError> {
    let cap = if limit == 0 { u64::MAX } else { limit };
    let Some(p) = file else {
        return read_capped(io::stdin().lock(), cap, 0, buf);
    };
    let meta = fs::metadata(p).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::NotRegular("a directory, not a regular file"));
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(NOT_REGULAR));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit: cap,
        });
    }
    let f = fs::File::open(p).map_err(ReadError::Io)?;
    // The file may grow between metadata and read: read through the cap anyway.
    read_capped(f, cap, meta.len(), buf)
}

/// Read `r` to its end into `buf` (from its start), at most one byte past `cap`; the
/// number of bytes read. `hint` is the expected size (0: unknown): a file of that size is
/// read by one read into room for its size plus one byte and one more read that finds
/// the end; one that grew is read on in doubling steps. Only the room `buf` gains is
/// zeroed.
fn read_capped(
    mut r: impl Read,
    cap: u64,
    hint: u64,
    buf: &mut Vec<u8>,
) -> Result<usize, ReadError> {
    const STEP: u64 = 8 * 1024;
    let limit = cap.saturating_add(1);
    let as_len = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let first = if hint == 0 {
        STEP
    } else {
        hint.saturating_add(1)
    };
    let want = as_len(first.min(limit));
    if buf.len() < want {
        buf.resize(want, 0);
    }
    let mut len = 0;
    loop {
        let end = buf.len().min(as_len(limit));
        if len == end {
            let room = limit.saturating_sub(len as u64);
            if room == 0 {
                break;
            }
            let grow = (len as u64).max(STEP).min(room);
            buf.resize(len + as_len(grow), 0);
            continue;
        }
        match r.read(&mut buf[len..end]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
    }
    if len as u64 > cap {
        return Err(ReadError::TooLarge {
            size: len as u64,
            limit: cap,
        });
    }
    Ok(len)
}

thread_local! {
    /// The buffer a thread reads its inputs into, kept from one input to the next so
    /// that a file lands in memory that is already there.
    static READ_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A read buffer larger than this is let go after its input.
const KEEP_READ_BUFFER: usize = 8 << 20;

/// Read one input and run the pipeline on it; never fails and never panics out (errors,
/// including a panic while reading, become records).
pub fn process_input(input: &Input, opts: &Options) -> Record {
    if let Some(why) = &input.unreadable {
        return error_record::io(&input.label, why);
    }
    READ_BUFFER.with_borrow_mut(|buf| {
        let read = catch_unwind(AssertUnwindSafe(|| {
            read_limited_into(input.file.as_deref(), opts.max_file_size, buf)
        }));
        let r = match read {
            Ok(Ok(n)) => pipeline::process_bytes(&input.label, &buf[..n], opts),
            Ok(Err(e)) => e.into_record(&input.label),
            Err(panic) => error_record::panic(
                &input.label,
                None,
                Stage::Read,
                &error_record::panic_message(&*panic),
            ),
        };
        if buf.len() > KEEP_READ_BUFFER {
            *buf = Vec::new();
        }
        r
    })
}

/// Which of `count` shards a key belongs to: FNV-1a (64-bit) of the key's bytes modulo
/// `count`. Stable across runs, machines and versions; the key is the input path as
/// reported in the record (normal mode) or the request id (streaming mode).
pub fn shard_of(key: &[u8], count: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % count.max(1)
}

/// Shard `index` of `count` (0-based: `--shard 0/4` … `--shard 3/4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0..count`.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Whether the input with this key belongs to this shard.
    pub fn contains(&self, key: &[u8]) -> bool {
        shard_of(key, self.count) == self.index
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("expected I/N (e.g. 0/4), got {s:?}"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| format!("shard index {i:?} is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("shard count {n:?} is not a number"))?;
        if count == 0 || index >= count {
            return Err(format!(
                "shard index must be in 0..N (0-based), got {index}/{count}"
            ));
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parse_and_partition() {
        let s: Shard = "1/3".parse().unwrap();
        assert_eq!((s.index, s.count), (1, 3));
        assert!("3/3".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        let keys: Vec<String> = (0..300).map(|i| format!("dir/file{i}.txt")).collect();
        let mut counts = [0; 3];
        for k in &keys {
            let hits: Vec<u64> = (0..3)
                .filter(|&i| Shard { index: i, count: 3 }.contains(k.as_bytes()))
                .collect();
            assert_eq!(hits.len(), 1, "each key in exactly one shard");
            counts[hits[0] as usize] += 1;
        }
        assert!(counts.iter().all(|&c| c > 50), "{counts:?}");
        // FNV-1a is fixed: the assignment never changes between versions.
        assert_eq!(shard_of(b"", 1000), 0xcbf2_9ce4_8422_2325 % 1000);
    }

    #[test]
    fn size_guard_refuses_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        fs::write(&p, vec![b'a'; 1000]).unwrap();
        assert!(matches!(
            read_limited(Some(&p), 999),
            Err(ReadError::TooLarge { size: 1000, .. })
        ));
        assert_eq!(read_limited(Some(&p), 1000).unwrap().len(), 1000);
        assert_eq!(read_limited(Some(&p), 0).unwrap().len(), 1000);
        assert!(matches!(
            read_limited(Some(dir.path()), 0),
            Err(ReadError::NotRegular(_))
        ));
    }

    /// Hands out its bytes a few at a time, with an interruption now and then.
    struct Trickle {
        data: Vec<u8>,
        at: usize,
        calls: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.calls += 1;
            if self.calls.is_multiple_of(5) {
                return Err(io::Error::from(io::ErrorKind::Interrupted));
            }
            let n = buf
                .len()
                .min(7 + self.calls % 3000)
                .min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn reads_whatever_the_size_hint_says() {
        let data: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8).collect();
        let trickle = || Trickle {
            data: data.clone(),
            at: 0,
            calls: 0,
        };
        for hint in [0, 1, 999, 49_999, 50_000, 50_001, 1 << 20] {
            // A buffer left over from a longer input, from a shorter one, or none.
            for old in [vec![7u8; 60_000], vec![7u8; 10], Vec::new()] {
                let mut buf = old.clone();
                let n = read_capped(trickle(), u64::MAX, hint, &mut buf).unwrap();
                assert_eq!(buf[..n], data[..], "{hint}");
                let mut buf = old.clone();
                let n = read_capped(trickle(), 50_000, hint, &mut buf).unwrap();
                assert_eq!(buf[..n], data[..], "{hint}");
                assert!(matches!(
                    read_capped(trickle(), 49_999, hint, &mut old.clone()),
                    Err(ReadError::TooLarge {
                        size: 50_000,
                        limit: 49_999
                    })
                ));
            }
        }
        assert_eq!(read_capped(io::empty(), 0, 0, &mut vec![1; 9]).unwrap(), 0);
    }
}
