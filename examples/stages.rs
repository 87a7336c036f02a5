//! Where the CPU goes, stage by stage: decode, line model, structure, extraction, lint,
//! references, metadata and JSON output over every file of the given folders, each stage timed separately (single
//! thread, segmenter and patterns built before the clock starts).
//!
//! Usage: `cargo run --release --example stages -- PATH...`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use gongwen::text::SourceText;
use gongwen::{extract, ingest, lint, metadata, pipeline, references, structure};

fn main() {
    // Build the segmenter, the tagger's tables and the patterns before the clock starts.
    // (张晓峰 is out of the dictionary: its tag needs the tagger's HMM tables.)
    let warm =
        "第一条 市人民政府负责组织实施，张晓峰同志牵头。\n第二条 违反本办法的，依法给予处分。\n";
    std::hint::black_box(pipeline::process_str(
        "warm-up",
        warm,
        &pipeline::Options::default(),
    ));
    let mut t = [Duration::ZERO; 8];
    let names = [
        "decode",
        "lines",
        "structure",
        "extract",
        "lint",
        "references",
        "metadata",
        "json",
    ];
    let (mut files, mut bytes) = (0u64, 0u64);
    let opts = pipeline::Options::default();
    for root in std::env::args_os().skip(1).map(PathBuf::from) {
        for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(raw) = std::fs::read(entry.path()) else {
                continue;
            };
            files += 1;
            bytes += raw.len() as u64;
            let mut clock = Instant::now();
            let mut lap = |k: usize, clock: &mut Instant| {
                let now = Instant::now();
                t[k] += now - *clock;
                *clock = now;
            };
            let Ok(d) = ingest::decode(&raw) else {
                continue;
            };
            lap(0, &mut clock);
            let src = SourceText::new(d.text, d.map);
            lap(1, &mut clock);
            let a = structure::analyse(&src);
            lap(2, &mut clock);
            for doc in &a.documents {
                std::hint::black_box(extract::extract(&src, doc));
            }
            lap(3, &mut clock);
            for doc in &a.documents {
                std::hint::black_box(lint::check(&src, doc, &opts.lint));
            }
            lap(4, &mut clock);
            for doc in &a.documents {
                std::hint::black_box(references::references(&src, doc));
            }
            lap(5, &mut clock);
            for doc in &a.documents {
                std::hint::black_box(metadata::metadata(&src, doc));
            }
            lap(6, &mut clock);
            // The record itself is built outside the clock; only its serialisation counts.
            let r = pipeline::process_bytes("x", &raw, &opts);
            clock = Instant::now();
            std::hint::black_box(serde_json::to_string(&r).unwrap_or_default());
            lap(7, &mut clock);
        }
    }
    let total: Duration = t.iter().sum();
    eprintln!("{files} files, {bytes} bytes");
    for (n, d) in names.iter().zip(t) {
        eprintln!(
            "{n:>12}: {:7.3} s  {:5.1}%",
            d.as_secs_f64(),
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
}
