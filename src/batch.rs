//! The batch driver: finds the inputs, reads them under the size guard, runs the pipeline
//! over them on worker threads and hands the results on in input order.
//!
//! This is the only module besides `cli` and `stream` that touches the file system.
//! Inputs are collected and sorted first (deterministic order). Workers pull the next
//! input as soon as they are free and the writer hands results on the moment the next one
//! in input order is ready, holding at most a bounded window of finished-but-unwritten
//! results (the reorder buffer): memory stays flat however large the corpus, a slow file
//! does not stall the other threads, and `-j1` and `-jN` give byte-identical output.
//!
//! [`run_ordered_owned`] adds a watchdog: an input that is still running after its time
//! budget gets a `timeout` error record in its place, its thread is abandoned (it cannot
//! be killed; it ends with the process) and a fresh worker takes over, so one
//! pathological input cannot stall the batch. A panic while processing one input (reading
//! included) is caught and becomes an error record; the batch goes on.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::io::{self, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

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
/// followed forever). No path, or `-`, is standard input. FIFOs, sockets and devices are
/// skipped with a note: reading them could block forever.
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
                reason: NOT_REGULAR.into(),
            }),
        }
    }
    (inputs, skips)
}

const NOT_REGULAR: &str = "not a regular file (FIFO, socket or device): skipped";

fn stdin_input() -> Input {
    Input {
        file: None,
        label: "-".into(),
        relative: PathBuf::from("stdin"),
    }
}

/// Name of the per-folder ignore file (gitignore syntax) honoured while walking.
pub const IGNORE_FILE: &str = ".gongwenignore";

fn walk_dir(root: &Path, inputs: &mut Vec<Input>, skips: &mut Vec<Skip>) {
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
            Err(e) => skips.push(walk_error(root, &e)),
            Ok(e) => {
                let Some(ft) = e.file_type() else { continue };
                if ft.is_dir() {
                    continue;
                }
                let path = e.path();
                if !ft.is_file() {
                    skips.push(Skip {
                        path: path.to_string_lossy().into_owned(),
                        reason: NOT_REGULAR.into(),
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

/// A walk error as a skip note naming the path concerned.
fn walk_error(root: &Path, e: &ignore::Error) -> Skip {
    fn inner(e: &ignore::Error) -> (Option<String>, String) {
        match e {
            ignore::Error::WithPath { path, err } => {
                let (_, reason) = inner(err);
                (Some(path.to_string_lossy().into_owned()), reason)
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner(err)
            }
            ignore::Error::Loop { child, .. } => (
                Some(child.to_string_lossy().into_owned()),
                "symbolic link loop: not followed".into(),
            ),
            ignore::Error::Io(io) => (None, describe_io(io)),
            other => (None, other.to_string()),
        }
    }
    let (path, reason) = inner(e);
    Skip {
        path: path.unwrap_or_else(|| root.to_string_lossy().into_owned()),
        reason,
    }
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
}

impl ReadError {
    /// The error record for `label`.
    pub fn into_record(self, label: &str) -> Record {
        match self {
            ReadError::TooLarge { size, limit } => error_record::too_large(label, size, limit),
            ReadError::NotRegular(what) => {
                error_record::io(label, &format!("{what}, not a regular file"))
            }
            ReadError::Io(e) => error_record::io(label, &describe_io(&e)),
        }
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
        return Err(ReadError::NotRegular("a directory"));
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular("a FIFO, socket or device"));
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

/// Why the engine produced a result without running `work` to completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// `work` panicked; the panic message.
    Panic(String),
    /// `work` was still running after the time budget.
    Timeout(Duration),
}

/// Run `work` over `items` on `threads` threads and hand each result to `sink` in input
/// order. At most `window` finished results wait in the reorder buffer; a free thread
/// takes the next item at once (no chunk barrier). A panic in `work` is re-raised on the
/// calling thread (the other workers stop); [`process_input`] never panics.
pub fn run_ordered<T, R, W, S>(
    items: &[T],
    threads: usize,
    window: usize,
    work: W,
    mut sink: S,
) -> io::Result<()>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(&T, R) -> io::Result<()>,
{
    std::thread::scope(|scope| {
        let engine = Engine::new(items.iter().enumerate(), threads, window, None);
        let work = Arc::new(|item: &(usize, &T)| Ok(work(item.1)));
        let fail = Arc::new(|_: &(usize, &T), f: Failure| Err(f));
        engine.run(
            |job| {
                scope.spawn(job);
            },
            &work,
            &fail,
            |r: Result<R, Failure>, (i, _): &(usize, &T)| match r {
                Ok(r) => sink(&items[*i], r),
                // Re-raise a worker's panic on the caller's thread, like rayon does.
                Err(f) => panic!("worker panicked: {f:?}"),
            },
        )
    })
}

/// Like [`run_ordered`] over an owned, possibly unbounded source (e.g. lines of stdin),
/// with a per-item time budget enforced by a watchdog: an item still running after
/// `timeout` gets `fail(item, Failure::Timeout)` as its result and its thread is
/// abandoned. A panic in `work` gives `fail(item, Failure::Panic)`. The source is pulled
/// lazily (at most `window` items ahead of the writer), so a driver that waits for each
/// answer before sending the next request never deadlocks.
pub fn run_ordered_owned<I, R, W, F, S>(
    source: I,
    threads: usize,
    window: usize,
    timeout: Option<Duration>,
    work: W,
    fail: F,
    mut sink: S,
) -> io::Result<()>
where
    I: Iterator + Send + 'static,
    I::Item: Send + Sync + 'static,
    R: Send + 'static,
    W: Fn(&I::Item) -> R + Send + Sync + 'static,
    F: Fn(&I::Item, Failure) -> R + Send + Sync + 'static,
    S: FnMut(R) -> io::Result<()>,
{
    let engine = Engine::new(source, threads, window, timeout);
    let work = Arc::new(work);
    let fail = Arc::new(fail);
    engine.run(
        |job| {
            // Detached on purpose: a worker abandoned by the watchdog ends with the process.
            std::thread::spawn(job);
        },
        &work,
        &fail,
        |r, _| sink(r),
    )
}

enum Msg<T, R> {
    Done(usize, Arc<T>, R),
    End(usize),
}

struct SourceState<I> {
    iter: I,
    next: usize,
    exhausted: bool,
}

struct GateState {
    /// Items pulled from the source whose result has not been handed to the sink yet.
    in_flight: usize,
    stop: bool,
}

/// Items being processed, by index: when they started and the item itself.
type Running<T> = HashMap<usize, (Instant, Arc<T>)>;

struct Shared<I: Iterator> {
    source: Mutex<SourceState<I>>,
    gate: Mutex<GateState>,
    cv: Condvar,
    /// Items being processed: start time and the item (for the watchdog).
    running: Mutex<Running<I::Item>>,
    /// Items whose result the watchdog already supplied.
    abandoned: Mutex<HashSet<usize>>,
}

struct StopOnDrop<'s>(&'s Mutex<GateState>, &'s Condvar);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        lock(self.0).stop = true;
        self.1.notify_all();
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

struct Engine<I: Iterator> {
    shared: Arc<Shared<I>>,
    threads: usize,
    window: usize,
    timeout: Option<Duration>,
}

impl<I> Engine<I>
where
    I: Iterator + Send,
    I::Item: Send + Sync,
{
    fn new(iter: I, threads: usize, window: usize, timeout: Option<Duration>) -> Self {
        let threads = threads.max(1);
        Engine {
            shared: Arc::new(Shared {
                source: Mutex::new(SourceState {
                    iter,
                    next: 0,
                    exhausted: false,
                }),
                gate: Mutex::new(GateState {
                    in_flight: 0,
                    stop: false,
                }),
                cv: Condvar::new(),
                running: Mutex::new(HashMap::new()),
                abandoned: Mutex::new(HashSet::new()),
            }),
            threads,
            window: window.max(threads),
            timeout,
        }
    }

    /// Spawn the workers with `spawn` and drive the writer on this thread.
    fn run<'a, W, F, R, SP, S>(
        self,
        mut spawn: SP,
        work: &Arc<W>,
        fail: &Arc<F>,
        mut sink: S,
    ) -> io::Result<()>
    where
        I: 'a,
        R: Send + 'a,
        W: Fn(&I::Item) -> R + Send + Sync + 'a + ?Sized,
        F: Fn(&I::Item, Failure) -> R + Send + Sync + 'a + ?Sized,
        SP: FnMut(Box<dyn FnOnce() + Send + 'a>),
        S: FnMut(R, &I::Item) -> io::Result<()>,
    {
        // However this returns (sink error, a panic in the sink), the workers stop.
        let _stop = StopOnDrop(&self.shared.gate, &self.shared.cv);
        let (tx, rx) = mpsc::channel::<Msg<I::Item, R>>();
        let start_worker = |spawn: &mut SP, tx: Sender<Msg<I::Item, R>>| {
            let shared = Arc::clone(&self.shared);
            let (work, fail) = (Arc::clone(work), Arc::clone(fail));
            let window = self.window;
            spawn(Box::new(move || {
                worker(&shared, window, &*work, &*fail, &tx);
            }));
        };
        for _ in 0..self.threads {
            start_worker(&mut spawn, tx.clone());
        }
        // Without a watchdog no replacement is ever spawned: drop our sender so that the
        // channel reports it when every worker is gone.
        let tx = self.timeout.map(|_| tx);
        let mut pending: BTreeMap<usize, (R, Arc<I::Item>)> = BTreeMap::new();
        let mut next_out = 0usize;
        let mut total: Option<usize> = None;
        loop {
            if total.is_some_and(|t| next_out >= t) {
                break Ok(());
            }
            let msg = match self.timeout {
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(_) => rx.recv_timeout(Duration::from_millis(200)),
            };
            match msg {
                Ok(Msg::Done(i, item, r)) => {
                    if i >= next_out {
                        pending.entry(i).or_insert((r, item));
                    }
                }
                Ok(Msg::End(t)) => total = Some(t),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    // Every worker is gone: only possible when they all panicked outside
                    // `work` (a bug); stop rather than wait forever.
                    break Err(io::Error::other("all worker threads ended unexpectedly"));
                }
            }
            if let Some(limit) = self.timeout {
                for (i, item) in self.expired(limit) {
                    let r = fail(&item, Failure::Timeout(limit));
                    pending.entry(i).or_insert((r, item));
                    if let Some(tx) = &tx {
                        start_worker(&mut spawn, tx.clone());
                    }
                }
            }
            let mut failed = None;
            while let Some((r, item)) = pending.remove(&next_out) {
                next_out += 1;
                {
                    let mut g = lock(&self.shared.gate);
                    g.in_flight -= 1;
                }
                self.shared.cv.notify_one();
                if let Err(e) = sink(r, &item) {
                    failed = Some(e);
                    break;
                }
            }
            if let Some(e) = failed {
                break Err(e);
            }
        }
    }

    /// Items running longer than `limit`: marked abandoned and removed from `running`.
    fn expired(&self, limit: Duration) -> Vec<(usize, Arc<I::Item>)> {
        // A small grace period lets the pipeline's own cooperative deadline answer first.
        let hard = limit + limit / 10 + Duration::from_millis(500);
        let mut running = lock(&self.shared.running);
        let late: Vec<usize> = running
            .iter()
            .filter(|(_, (t, _))| t.elapsed() > hard)
            .map(|(&i, _)| i)
            .collect();
        let mut abandoned = lock(&self.shared.abandoned);
        late.into_iter()
            .filter_map(|i| {
                abandoned.insert(i);
                running.remove(&i).map(|(_, item)| (i, item))
            })
            .collect()
    }
}

fn worker<I, R, W, F>(
    shared: &Shared<I>,
    window: usize,
    work: &W,
    fail: &F,
    tx: &Sender<Msg<I::Item, R>>,
) where
    I: Iterator,
    W: Fn(&I::Item) -> R + ?Sized,
    F: Fn(&I::Item, Failure) -> R + ?Sized,
{
    loop {
        {
            let mut g = lock(&shared.gate);
            while !g.stop && g.in_flight >= window {
                g = shared.cv.wait(g).unwrap_or_else(|e| e.into_inner());
            }
            if g.stop {
                return;
            }
            g.in_flight += 1;
        }
        let pulled = {
            let mut s = lock(&shared.source);
            if s.exhausted {
                None
            } else {
                // The source may itself panic (e.g. a reader): treat that as its end.
                match catch_unwind(AssertUnwindSafe(|| s.iter.next())) {
                    Ok(Some(item)) => {
                        let i = s.next;
                        s.next += 1;
                        Some((i, Arc::new(item)))
                    }
                    _ => {
                        s.exhausted = true;
                        None
                    }
                }
            }
        };
        let Some((i, item)) = pulled else {
            let total = lock(&shared.source).next;
            lock(&shared.gate).in_flight -= 1;
            shared.cv.notify_all();
            let _ = tx.send(Msg::End(total));
            return;
        };
        lock(&shared.running).insert(i, (Instant::now(), Arc::clone(&item)));
        let r = match catch_unwind(AssertUnwindSafe(|| work(&item))) {
            Ok(r) => r,
            Err(panic) => fail(&item, Failure::Panic(error_record::panic_message(&*panic))),
        };
        lock(&shared.running).remove(&i);
        if lock(&shared.abandoned).contains(&i) {
            // The watchdog answered for this item and started a replacement worker.
            return;
        }
        if tx.send(Msg::Done(i, item, r)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_output_regardless_of_completion_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut got = Vec::new();
        run_ordered(
            &items,
            4,
            8,
            |&x| {
                if x % 7 == 0 {
                    std::thread::sleep(Duration::from_millis(2));
                }
                x * 2
            },
            |&x, r| {
                assert_eq!(r, x * 2);
                got.push(x);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got, items);
    }

    #[test]
    fn owned_run_catches_panics_and_keeps_order() {
        let mut got = Vec::new();
        run_ordered_owned(
            0..50u32,
            3,
            6,
            None,
            |&x| {
                assert!(x != 17, "boom at seventeen");
                Ok(x)
            },
            |&x, f| Err((x, f)),
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), 50);
        for (i, r) in got.iter().enumerate() {
            match r {
                Ok(x) => assert_eq!(*x as usize, i),
                Err((x, Failure::Panic(m))) => {
                    assert_eq!(*x, 17);
                    assert!(m.contains("boom at seventeen"));
                }
                Err(other) => panic!("unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn watchdog_answers_for_a_stuck_item_and_the_rest_completes() {
        // Item 3 never finishes on its own (it waits for a channel nobody sends on).
        let (_keep, rx) = mpsc::channel::<()>();
        let rx = Mutex::new(rx);
        let mut got = Vec::new();
        run_ordered_owned(
            0..10u32,
            2,
            4,
            Some(Duration::from_millis(10)),
            move |&x| {
                if x == 3 {
                    let _ = lock(&rx).recv();
                }
                Ok(x)
            },
            |&x, f| Err((x, f)),
            |r| {
                got.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got.len(), 10);
        assert!(matches!(got[3], Err((3, Failure::Timeout(_)))));
        assert!(
            got.iter()
                .enumerate()
                .all(|(i, r)| i == 3 || *r == Ok(i as u32))
        );
    }

    #[test]
    fn sink_error_stops_the_run() {
        let r = run_ordered_owned(
            0..1000u32,
            2,
            4,
            None,
            |&x| x,
            |&x, _| x,
            |x| {
                if x == 5 {
                    Err(io::Error::other("closed"))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.is_err());
    }

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
