//! What each input holds at most, per byte of input: the numbers the memory budget
//! (`--max-memory`, default 50× + 64 MiB) is set from. Runs the whole per-document
//! pipeline (with JSON output) over every file of the given folders with allocations
//! counted, and prints (on stderr) the largest ratios and their distribution.
//!
//! Usage: `cargo run --release --example memory -- [--tokens] PATH...`

use std::path::PathBuf;

use gongwen::budget::{Account, CountingAlloc};
use gongwen::pipeline::{self, Options};

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc::MEASURING;

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let tokens = args.iter().any(|a| a.as_os_str() == "--tokens");
    let opts = Options {
        memory: None,
        tokens,
        ..Options::default()
    };
    // The segmenter, the POS model and the patterns are built before anything is counted.
    std::hint::black_box(pipeline::process_str(
        "warm-up",
        "第一条 市人民政府负责组织实施，张晓峰同志牵头。\n第二条 违反本办法的，依法给予处分。\n",
        &opts,
    ));
    let mut rows: Vec<(f64, u64, u64, String)> = Vec::new();
    for root in args.iter().filter(|a| a.as_os_str() != "--tokens") {
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(raw) = std::fs::read(entry.path()) else {
                continue;
            };
            let label = entry.path().display().to_string();
            let account = Account::open(None);
            let r = pipeline::process_bytes(&label, &raw, &opts);
            let json = serde_json::to_vec(&r).unwrap_or_default();
            let peak = account.peak();
            drop((json, r, account));
            let len = raw.len().max(1) as u64;
            rows.push((peak as f64 / len as f64, peak, len, label));
        }
    }
    rows.sort_by(|a, b| b.0.total_cmp(&a.0));
    eprintln!("{:>8} {:>12} {:>10}  file", "peak/B", "peak", "bytes");
    for (ratio, peak, len, label) in rows.iter().take(10) {
        eprintln!("{ratio:>8.1} {peak:>12} {len:>10}  {label}");
    }
    let big: Vec<&(f64, u64, u64, String)> = rows.iter().filter(|r| r.2 >= 100_000).collect();
    for (what, set) in [("all", rows.iter().collect::<Vec<_>>()), ("≥ 100 KB", big)] {
        if set.is_empty() {
            continue;
        }
        let q = |p: f64| set[((set.len() - 1) as f64 * (1.0 - p)) as usize].0;
        eprintln!(
            "{what}: {} files; peak per input byte: max {:.1}, 99th percentile {:.1}, median {:.1}; largest peak {:.1} MiB",
            set.len(),
            set[0].0,
            q(0.99),
            q(0.5),
            set.iter().map(|r| r.1).max().unwrap_or(0) as f64 / f64::from(1 << 20)
        );
    }
}
