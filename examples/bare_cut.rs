//! The floor of any pipeline that segments everything: read each file, cut every line
//! with jieba-rs 0.11 (default dictionary, HMM on — as gongwen's `segment::cut`), and
//! discard the words. `scripts/bench-e2e.sh` times `gongwen extract -j1` against this.
//!
//! Usage: `cargo run --release --example bare_cut -- [-jN] PATH...` (files or folders,
//! walked recursively in sorted order). With `-jN` (N > 1) the files are shared out among N
//! threads that use one segmenter, after the dictionary is loaded: what two cores give a
//! pipeline that does nothing but cut. Prints the number of files, bytes and words on stderr.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use jieba_rs::Jieba;

fn main() {
    let mut threads = 1usize;
    let mut roots = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str().and_then(|a| a.strip_prefix("-j")) {
            Some(n) => threads = n.parse::<usize>().expect("-jN: N must be a number").max(1),
            None => roots.push(PathBuf::from(arg)),
        }
    }
    let jieba = Jieba::new();
    let mut paths = Vec::new();
    for root in &roots {
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if entry.file_type().is_file() {
                paths.push(entry.into_path());
            }
        }
    }
    let (next, files, bytes, words) = (
        AtomicUsize::new(0),
        AtomicU64::new(0),
        AtomicU64::new(0),
        AtomicU64::new(0),
    );
    let work = || {
        while let Some(path) = paths.get(next.fetch_add(1, Ordering::Relaxed)) {
            let Ok(raw) = std::fs::read(path) else {
                continue;
            };
            let text = String::from_utf8_lossy(&raw);
            let mut n = 0u64;
            for line in text.lines() {
                n += jieba.cut(line, true).len() as u64;
            }
            words.fetch_add(n, Ordering::Relaxed);
            files.fetch_add(1, Ordering::Relaxed);
            bytes.fetch_add(raw.len() as u64, Ordering::Relaxed);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    eprintln!(
        "bare_cut: {} files, {} bytes, {} words",
        files.into_inner(),
        bytes.into_inner(),
        words.into_inner()
    );
}
