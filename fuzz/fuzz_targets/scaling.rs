//! Issue 19: no family of documents costs more than linear work. The fuzz input describes a
//! pattern — a short sequence of pieces (markers of every style whose numbers may run on
//! from one repetition to the next, punctuation, line breaks, brackets, words the finders
//! look for, separators and titles) — and the document is that pattern repeated R times.
//! The whole pipeline runs at R and 2R repetitions with allocations counted
//! (`gongwen::budget`): bytes allocated and the peak must grow at most 2.5× when the
//! document doubles. A ratio above that is confirmed over two more doublings, 2R → 8R,
//! where the cost may grow at most 2.5² ≈ 6.3× (linear: 4×, quadratic: 16×) before it
//! counts as a finding: bounded look-aheads and the sentence cap give small documents a
//! steeper start, and vectors that double their capacity make the peak of a linear family
//! swing by up to 1.5× from one doubling of the input to the next (in phase again after
//! two doublings, so two doublings are compared at once).
#![no_main]

use gongwen::budget::{Account, CountingAlloc, Usage};
use gongwen::model::Status;
use gongwen::pipeline::{Options, process_str};
use gongwen::structure::marker::to_chinese;
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc::MEASURING;

/// The most the cost may grow when the document doubles.
const MAX_RATIO: f64 = 2.5;

/// Marker templates: `{c}` is a Chinese numeral, `{n}` an Arabic one.
const MARKERS: [&str; 16] = [
    "第{c}条", "第{c}章", "第{c}节", "第{c}编", "{c}、", "（{c}）", "({c})", "{n}.", "{n}．", "{n}、",
    "（{n}）", "({n})", "{c}是", "第{c}条之一", "第 {c} 条", "（ {c}）",
];

/// Everything else a pattern is made of.
const PIECES: [&str; 40] = [
    "；", "。", "：", "，", "、", " ", "　", "\n", "\n\n", "\r\n", "（", "）", "(", ")", "【", "】",
    "市场监督管理部门", "各级党委（党组）", "负责", "牵头", "配合", "应当", "给予警告", "处以罚款",
    "依法追究刑事责任", "有下列情形之一的", "违反本办法规定的", "责令改正", "附件：", "篇一：《社区工作方案》",
    "《社区工作方案》3篇", "关于加强管理的通知", "(- - )", "第三条规定的", "一是否", "①", "㈠",
    "主要负责人是第一责任人", "（责任单位：市教育局）", "推荐访问：",
];

/// How a marker's number is chosen in repetition `rep`.
#[derive(Debug, Clone, Copy)]
enum Number {
    /// Always the same.
    Fixed(u32),
    /// Runs on: `base + rep`.
    RunsOn(u32),
    /// Cycles through `1..=m`.
    Cycles(u32),
}

#[derive(Debug, Clone, Copy)]
enum Piece {
    Marker(usize, Number),
    Text(usize),
}

/// The pattern the fuzz input describes (two bytes per piece, at most 24 pieces), and the
/// number of repetitions that makes its document about 4–8 KB.
fn pattern(data: &[u8]) -> Option<Vec<Piece>> {
    let pieces: Vec<Piece> = data
        .chunks_exact(2)
        .take(24)
        .map(|p| {
            let (kind, arg) = (p[0], p[1]);
            if kind % 3 == 0 {
                let number = match arg % 3 {
                    0 => Number::Fixed(u32::from(arg / 3 % 12) + 1),
                    1 => Number::RunsOn(u32::from(arg / 3 % 4) + 1),
                    _ => Number::Cycles(u32::from(arg / 3 % 12) + 2),
                };
                Piece::Marker(usize::from(kind / 3) % MARKERS.len(), number)
            } else {
                Piece::Text(usize::from(arg) % PIECES.len())
            }
        })
        .collect();
    (!pieces.is_empty()).then_some(pieces)
}

fn render(pieces: &[Piece], reps: usize) -> String {
    let mut s = String::from("关于加强管理工作的规定\n");
    for rep in 0..reps {
        for p in pieces {
            match *p {
                Piece::Text(k) => s.push_str(PIECES[k]),
                Piece::Marker(k, number) => {
                    let n = match number {
                        Number::Fixed(n) => n,
                        Number::RunsOn(base) => base + rep as u32 % 9000,
                        Number::Cycles(m) => rep as u32 % m + 1,
                    };
                    let arabic = if MARKERS[k].contains("{n}") { n % 999 + 1 } else { n };
                    s.push_str(
                        &MARKERS[k]
                            .replace("{c}", &to_chinese(n))
                            .replace("{n}", &arabic.to_string()),
                    );
                }
            }
        }
    }
    s
}

fn cost(text: &str) -> Option<Usage> {
    let opts = Options {
        memory: None,
        ..Options::default()
    };
    let account = Account::open(None);
    let r = process_str("fuzz.txt", text, &opts);
    let usage = account.usage();
    (r.status == Status::Ok).then_some(usage)
}

/// (bytes allocated, peak) ratios from `reps` to `factor * reps` repetitions.
fn ratios(pieces: &[Piece], reps: usize, factor: usize) -> Option<(f64, f64)> {
    let a = cost(&render(pieces, reps))?;
    let b = cost(&render(pieces, factor * reps))?;
    let r = |x: u64, y: u64| y as f64 / x.max(1) as f64;
    Some((r(a.allocated, b.allocated), r(a.peak, b.peak)))
}

fuzz_target!(|data: &[u8]| {
    let Some(pieces) = pattern(data) else {
        return;
    };
    let one = render(&pieces, 1).len().max(1);
    let reps = (4096 / one).clamp(8, 512);
    // A warm pipeline: the segmenter and patterns are built before anything is counted.
    std::hint::black_box(cost(&render(&pieces, 2)));
    let Some((alloc, peak)) = ratios(&pieces, reps, 2) else {
        return;
    };
    if alloc <= MAX_RATIO && peak <= MAX_RATIO {
        return;
    }
    // Confirm over two doublings of a document twice as large.
    let Some((alloc4, peak4)) = ratios(&pieces, 2 * reps, 4) else {
        return;
    };
    let max4 = MAX_RATIO * MAX_RATIO;
    assert!(
        alloc4 <= max4 && peak4 <= max4,
        "superlinear family: bytes allocated ×{alloc:.2} when the document doubles, then ×{alloc4:.2} when it grows 4×; peak ×{peak:.2}, then ×{peak4:.2} ({} → {} bytes); the pattern's first three repetitions: {:?}",
        render(&pieces, 2 * reps).len(),
        render(&pieces, 8 * reps).len(),
        render(&pieces, 3)
    );
});
