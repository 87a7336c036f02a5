//! Per-stage benchmarks with byte throughput: decode (UTF-8, GB18030, UTF-16LE), line
//! index, structure, segmentation, and the whole per-document pipeline.
//!
//! Inputs are generated here (realistic clause text written for this bench, deterministic),
//! plus every UTF-8 file under `corpus/clean/` when that folder exists. Nothing outside the
//! repository is read. Run with `cargo bench --bench pipeline`; `cargo bench --no-run`
//! only compiles. Not run in CI.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use encoding_rs::GB18030;

use gongwen::ingest::{self, OffsetMap};
use gongwen::pipeline::{self, Options};
use gongwen::segment;
use gongwen::structure;
use gongwen::text::SourceText;

/// Small deterministic generator (xorshift), so every run benches the same bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const SUBJECTS: &[&str] = &[
    "各级党委（党组）",
    "县级以上人民政府",
    "市场监督管理部门",
    "乡镇人民政府和街道办事处",
    "纪检监察机关",
    "生产经营单位的主要负责人",
    "行业主管部门",
    "河湖管理单位",
    "各成员单位",
    "审计机关",
];

const VERBS: &[&str] = &[
    "应当建立健全",
    "负责组织实施",
    "牵头推进",
    "配合做好",
    "定期督促检查",
    "统筹协调",
    "依法履行",
    "切实落实",
];

const OBJECTS: &[&str] = &[
    "安全生产责任制度",
    "本行政区域内的河湖巡查工作",
    "廉洁从政各项规定",
    "绿色建筑发展规划和年度计划",
    "信访事项的受理、交办和督办",
    "主体责任和监督责任",
    "重大事项请示报告制度",
    "应急救援预案的编制与演练",
    "公务接待和会议活动的经费管理",
    "问题线索的排查和处置",
];

const TAILS: &[&str] = &[
    "，并向社会公开",
    "，确保各项任务落到实处",
    "，形成工作合力",
    "，每年向上级机关报告一次",
    "",
    "，做到一岗双责",
    "，对发现的问题及时督促整改",
];

const CONDITIONS: &[&str] = &[
    "未按规定履行职责，造成严重后果的",
    "弄虚作假、隐瞒真实情况的",
    "对群众反映强烈的问题推诿扯皮、敷衍塞责的",
    "违反规定发放津贴补贴的",
    "拒不执行上级决定的",
    "在检查中发现重大隐患而不及时处理的",
];

const SANCTIONS: &[&str] = &[
    "对直接负责的主管人员和其他直接责任人员依法给予处分",
    "给予警告或者严重警告处分",
    "由上级机关责令改正，并予以通报批评",
    "对有关领导干部进行诫勉谈话",
    "依照有关规定追究责任",
];

fn sentence(r: &mut Rng, out: &mut String) {
    out.push_str(r.pick(SUBJECTS));
    out.push_str(r.pick(VERBS));
    out.push_str(r.pick(OBJECTS));
    out.push_str(r.pick(TAILS));
    out.push('。');
}

fn paragraph(r: &mut Rng, out: &mut String, sentences: usize) {
    for _ in 0..sentences {
        sentence(r, out);
    }
}

fn cn(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[(n % 10) as usize] } else { "" }),
        20..=99 => format!(
            "{}十{}",
            D[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            }
        ),
        _ => format!("{}百{}", D[(n / 100) as usize], cn(n % 100)),
    }
}

/// A statute-style document: 章 / 条 / （一） items / 款, about `target` bytes, CRLF or LF.
fn statute(seed: u64, target: usize, crlf: bool) -> String {
    let mut r = Rng(seed);
    let nl = if crlf { "\r\n" } else { "\n" };
    let mut s = String::with_capacity(target + 4096);
    s.push_str("某某市安全生产与河湖管理责任规定");
    s.push_str(nl);
    s.push_str("（2026年3月1日市人民政府第十二次常务会议通过）");
    s.push_str(nl);
    let (mut chapter, mut article) = (0, 0);
    while s.len() < target {
        chapter += 1;
        s.push_str(&format!("第{}章　总则{nl}", cn((chapter - 1) % 999 + 1)));
        for _ in 0..(3 + r.next() % 6) {
            article += 1;
            s.push_str(&format!("　　第{}条　", cn((article - 1) % 999 + 1)));
            let n = (1 + r.next() % 3) as usize;
            paragraph(&mut r, &mut s, n);
            s.push_str(nl);
            match r.next() % 4 {
                0 => {
                    s.push_str("　　有下列情形之一的，");
                    s.push_str(r.pick(SANCTIONS));
                    s.push('：');
                    s.push_str(nl);
                    for k in 1..=(2 + r.next() % 5) as u32 {
                        s.push_str(&format!("　　（{}）{}；{nl}", cn(k), r.pick(CONDITIONS)));
                    }
                }
                1 => {
                    s.push_str("　　");
                    paragraph(&mut r, &mut s, 2);
                    s.push_str(nl);
                }
                _ => {}
            }
        }
    }
    s
}

/// A plan-style document: 一、/（一）/1./（1） plus inline 一是…二是….
fn plan(seed: u64, target: usize) -> String {
    let mut r = Rng(seed);
    let mut s = String::with_capacity(target + 4096);
    s.push_str("关于进一步压实主体责任推进重点工作的实施方案\n\n");
    let mut top = 0;
    while s.len() < target {
        top += 1;
        s.push_str(&format!(
            "{}、总体要求和主要任务\n",
            cn((top - 1) % 999 + 1)
        ));
        for a in 1..=(2 + r.next() % 4) as u32 {
            s.push_str(&format!("（{}）", cn(a)));
            paragraph(&mut r, &mut s, 1);
            s.push_str("一是");
            sentence(&mut r, &mut s);
            s.push_str("二是");
            sentence(&mut r, &mut s);
            s.push_str(&format!(
                "（{}牵头，{}配合）\n",
                r.pick(SUBJECTS),
                r.pick(SUBJECTS)
            ));
            for b in 1..=(r.next() % 4) as u32 {
                s.push_str(&format!("{b}．"));
                paragraph(&mut r, &mut s, 2);
                s.push('\n');
                for c in 1..=(r.next() % 3) as u32 {
                    s.push_str(&format!("（{c}）"));
                    sentence(&mut r, &mut s);
                    s.push('\n');
                }
            }
        }
    }
    s
}

/// The documents to bench: generated ones, plus `corpus/clean/` when present.
fn documents() -> Vec<(String, String)> {
    let mut docs = vec![
        ("statute-24k".to_string(), statute(7, 24_000, false)),
        ("statute-crlf-200k".to_string(), statute(11, 200_000, true)),
        ("plan-60k".to_string(), plan(13, 60_000)),
    ];
    let clean = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/clean");
    if let Ok(dir) = std::fs::read_dir(&clean) {
        let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        paths.sort();
        let mut all = String::new();
        for p in paths {
            if p.to_string_lossy().ends_with(".json") {
                continue;
            }
            if let Ok(t) = std::fs::read_to_string(&p) {
                all.push_str(&t);
                all.push('\n');
            }
        }
        if !all.is_empty() {
            docs.push(("corpus-clean".to_string(), all));
        }
    }
    docs
}

fn bench_decode(c: &mut Criterion) {
    let text = statute(7, 200_000, false);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let (gb, _, _) = GB18030.encode(&text);
    let mut g = c.benchmark_group("decode");
    for (name, bytes) in [
        ("utf8", text.as_bytes().to_vec()),
        ("gb18030", gb.into_owned()),
        ("utf16le-bom", utf16),
    ] {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &bytes, |b, bytes| {
            b.iter(|| ingest::decode(black_box(bytes)).map(|d| d.text.len()))
        });
    }
    g.finish();
}

/// Start-up: jieba-rs's default dictionary alone, and with gongwen's domain dictionary.
fn bench_dictionary(c: &mut Criterion) {
    let mut g = c.benchmark_group("dictionary");
    g.sample_size(10);
    g.bench_function("jieba-default", |b| b.iter(jieba_rs::Jieba::new));
    g.bench_function("gongwen", |b| b.iter(segment::build));
    g.finish();
}

fn bench_stages(c: &mut Criterion) {
    let docs = documents();
    let opts = Options::default();
    // Warm the shared segmenter so its one-time dictionary load is not in any sample.
    segment::jieba();

    let mut g = c.benchmark_group("line-index");
    for (name, doc) in &docs {
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), doc, |b, doc| {
            b.iter(|| SourceText::new(black_box(doc.clone()), OffsetMap::Shift(0)).line_count())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("line-col");
    for (name, doc) in &docs {
        let src = SourceText::from_utf8(doc);
        // Every 97th char boundary, as markers and findings ask for their columns.
        let positions: Vec<usize> = doc.char_indices().map(|(i, _)| i).step_by(97).collect();
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &src, |b, src| {
            b.iter(|| {
                positions
                    .iter()
                    .map(|&p| src.line_col(p).1 + src.orig_offset(p).unwrap_or(0))
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("structure");
    for (name, doc) in &docs {
        let src = SourceText::from_utf8(doc);
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &src, |b, src| {
            b.iter(|| structure::analyse(black_box(src)).documents.len())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("segment");
    g.sample_size(20);
    for (name, doc) in &docs {
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::new("gongwen-cut", name), doc, |b, doc| {
            b.iter(|| doc.lines().map(|l| segment::cut(l).len()).sum::<usize>())
        });
        g.bench_with_input(BenchmarkId::new("bare-jieba", name), doc, |b, doc| {
            let j = segment::jieba();
            b.iter(|| doc.lines().map(|l| j.cut(l, true).len()).sum::<usize>())
        });
    }
    g.finish();

    let mut g = c.benchmark_group("pipeline");
    g.sample_size(20);
    for (name, doc) in &docs {
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), doc, |b, doc| {
            b.iter(|| {
                let rec = pipeline::process_bytes(name, black_box(doc.as_bytes()), &opts);
                // The record as `extract` writes it.
                gongwen::render::records::json(&rec).len()
            })
        });
    }
    g.finish();
}

/// No quadratic corners: the same shapes at two sizes should cost ≈ 2× apart.
fn bench_scaling(c: &mut Criterion) {
    let opts = Options::default();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for size in [200_000usize, 400_000] {
        // One very long line (no line breaks at all).
        let one_line = statute(17, size, false).replace(['\n', '\r'], "");
        g.throughput(Throughput::Bytes(one_line.len() as u64));
        g.bench_with_input(BenchmarkId::new("single-line", size), &one_line, |b, d| {
            b.iter(|| {
                pipeline::process_bytes("x", d.as_bytes(), &opts)
                    .documents
                    .len()
            })
        });
        // A marker on every short line.
        let mut many = String::with_capacity(size + 64);
        let mut k = 0u32;
        while many.len() < size {
            k += 1;
            many.push_str(&format!("（{}）加强管理。\n", cn(k % 999 + 1)));
        }
        g.throughput(Throughput::Bytes(many.len() as u64));
        g.bench_with_input(BenchmarkId::new("many-markers", size), &many, |b, d| {
            b.iter(|| {
                pipeline::process_bytes("x", d.as_bytes(), &opts)
                    .documents
                    .len()
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench_dictionary,
    bench_decode,
    bench_stages,
    bench_scaling
);
criterion_main!(benches);
