//! The floor of any pipeline that segments everything: read each file, cut every line
//! with jieba-rs 0.11 (default dictionary, HMM on — as gongwen's `segment::cut`), and
//! discard the words. `scripts/bench-e2e.sh` times `gongwen extract -j1` against this.
//!
//! Usage: `cargo run --release --example bare_cut -- PATH...` (files or folders, walked
//! recursively in sorted order). Prints the number of files, bytes and words on stderr.

use std::path::PathBuf;

use jieba_rs::Jieba;

fn main() {
    let jieba = Jieba::new();
    let (mut files, mut bytes, mut words) = (0u64, 0u64, 0u64);
    for root in std::env::args_os().skip(1).map(PathBuf::from) {
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(raw) = std::fs::read(entry.path()) else {
                continue;
            };
            let text = String::from_utf8_lossy(&raw);
            for line in text.lines() {
                words += jieba.cut(line, true).len() as u64;
            }
            files += 1;
            bytes += raw.len() as u64;
        }
    }
    eprintln!("bare_cut: {files} files, {bytes} bytes, {words} words");
}
