//! Issue 19: every stage linear, every input within its memory budget.
//!
//! Generated families of worst cases (inline items in one paragraph, articles on one line,
//! a deep four-level ladder, a compilation of many 篇, long lines of brackets, many
//! findings …) are run at n and 2n items through the whole pipeline, and the bytes it
//! allocates, its allocations and the most it holds at once are counted by the test
//! binary's allocator ([`gongwen::budget::CountingAlloc`]): a quadratic path shows as a
//! ratio near 4, whatever the speed of the machine. Nothing here measures time.

use std::fs;

use gongwen::budget::{self, Account, Budget, Usage};
use gongwen::model::{ErrorKind, Stage, Status};
use gongwen::pipeline::{Options, process_str};
use gongwen::structure::marker::to_chinese;

/// The most a family's cost may grow when its size doubles.
const MAX_RATIO: f64 = 2.2;

/// Sentences the families are written with: a duty, a sanction, a holder with brackets in
/// its name, a condition.
const SENTENCES: [&str; 4] = [
    "市场监督管理部门负责本行政区域内的监督管理工作。",
    "违反本办法规定的，由主管部门责令改正，给予警告。",
    "各级党委（党组）应当建立健全安全生产责任制度。",
    "对失职失责的，依规依纪依法严肃问责。",
];

fn cn(n: usize) -> String {
    to_chinese((n % 9999 + 1) as u32)
}

fn sentence(i: usize) -> &'static str {
    SENTENCES[i % SENTENCES.len()]
}

/// One article with `n` inline items whose numbering repeats （一）…（十）: the issue's file.
fn inline_items(n: usize) -> String {
    let mut s = String::from("第一条 有下列情形之一的，依法处理：");
    for i in 0..n {
        s.push_str(&format!(
            "（{}）对违反规定的，给予警告；",
            to_chinese(i as u32 % 10 + 1)
        ));
    }
    s
}

/// `n` inline items numbered on (1. 2. 3. …) after semicolons, and 一是 lists after commas.
fn inline_numbered(n: usize) -> String {
    let mut s = String::from("关于加强管理的通知\n一、主要任务：");
    for i in 0..n {
        if i % 3 == 0 {
            s.push_str(&format!("{}.{}", i % 900 + 1, sentence(i)));
        } else {
            s.push_str(&format!("{}是加强管理，", to_chinese((i % 9 + 1) as u32)));
        }
        s.push('；');
    }
    s
}

/// `n` articles on one line.
fn articles_on_one_line(n: usize) -> String {
    (0..n)
        .map(|i| format!("第{}条 {}", cn(i), sentence(i)))
        .collect()
}

/// A four-level ladder 一、→（一）→1.→（1） of `n` markers, one per line.
fn ladder(n: usize) -> String {
    let mut lines = vec!["关于加强安全生产工作的实施意见".to_string()];
    let mut a = 0;
    while lines.len() <= n {
        a += 1;
        lines.push(format!("{}、总体要求", cn(a)));
        for b in 1..=5 {
            lines.push(format!("（{}）{}", to_chinese(b), sentence(b as usize)));
            for c in 1..=3 {
                lines.push(format!("{c}.{}", sentence(c)));
                for d in 1..=2 {
                    lines.push(format!("（{d}）{}", sentence(d)));
                }
            }
        }
    }
    lines.truncate(n + 1);
    lines.join("\n")
}

/// A compilation that declares and holds `n` documents (篇一 … 篇N).
fn compilation(n: usize) -> String {
    let mut s = format!("《社区工作方案》{n}篇\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "篇{}：《社区工作方案》\n一、{}\n二、{}\n",
            cn(i),
            sentence(i),
            sentence(i + 1)
        ));
    }
    s
}

/// One long line of brackets, opened, closed, nested and numbered.
fn brackets(n: usize) -> String {
    const PIECES: [&str; 8] = ["（", "（一）", "）", "(1)", "（二", "((", "）)", "（三）"];
    let mut s = String::from("一、附则：");
    for i in 0..n {
        s.push_str(PIECES[i % PIECES.len()]);
    }
    s
}

/// `n` numbered lines that break every numbering rule: repeats, jumps, swaps, wrong
/// punctuation, mixed styles, garbled markers.
fn many_findings(n: usize) -> String {
    const PUNCT: [&str; 4] = ["、", "，", "、", "．"];
    let mut lines = vec!["关于开展专项检查的通知".to_string()];
    for i in 0..n {
        let line = match i % 5 {
            4 => format!("(- - ){}", sentence(i)),
            3 => format!("（{}）{}", to_chinese((i * 3 % 40 + 1) as u32), sentence(i)),
            _ => format!("{}{}{}", cn(i * 7 % 50), PUNCT[i % 4], sentence(i)),
        };
        lines.push(line);
    }
    lines.join("\n")
}

/// Many lines with an unconfirmed inline 一、 each, after a list the document opened: each
/// one asks whether a new title stands between it and the last clause.
fn unconfirmed_restarts(n: usize) -> String {
    let mut lines = vec![
        "关于做好年度工作的通知".to_string(),
        "一、总体要求".to_string(),
        "二、主要任务".to_string(),
    ];
    for i in 0..n {
        lines.push(format!("按照要求；一、{}", sentence(i)));
    }
    lines.join("\n")
}

/// Markers nested as deep as the numbering allows: 一是 inside 一是 inside …
fn deep_nesting(n: usize) -> String {
    let mut s = String::from("关于加强管理的通知\n一、主要做法：");
    for i in 0..n {
        s.push_str(if i % 8 == 7 {
            "二是落实责任；"
        } else {
            "一是加强管理；"
        });
    }
    s
}

/// Lines that each hold only a 一是: each would open a list inside the one before (found by
/// the `scaling` fuzz target: nesting without end, a path per clause as long as the depth,
/// and a stack overflow past a few thousand lines).
fn marker_lines(n: usize) -> String {
    "关于加强管理工作的规定\n".to_string() + &"\n一是".repeat(n)
}

/// One sentence without a full stop: `n` comma clauses of sanctions and duties.
fn long_sentence(n: usize) -> String {
    let mut s = String::from("第一条 违反本办法规定的，");
    for i in 0..n {
        s.push_str(match i % 3 {
            0 => "由主管部门责令改正，给予警告，",
            1 => "对直接责任人员处以罚款，",
            _ => "市场监督管理部门负责监督检查，",
        });
    }
    s.push('。');
    s
}

/// One clause of `n` sentences, each a statement of responsibility by another body.
fn many_statements(n: usize) -> String {
    const BODIES: [&str; 6] = ["市", "县", "区", "乡", "镇", "街道"];
    let mut s = String::from("第一条 ");
    for i in 0..n {
        s.push_str(&format!(
            "{}{}人民政府负责第{}项工作；",
            BODIES[i % 6],
            BODIES[i / 6 % 6],
            i % 900 + 1
        ));
    }
    s
}

/// What the whole pipeline allocates for `text`, warm: whatever is built once per process
/// (the segmenter, its caches, the patterns) is built by a run over `warm` before the
/// account opens.
fn cost(text: &str, warm: &str, tokens: bool) -> Usage {
    let opts = Options {
        tokens,
        memory: None,
        ..Options::default()
    };
    std::hint::black_box(process_str("warm.txt", warm, &opts));
    let account = Account::open(None);
    let r = process_str("family.txt", text, &opts);
    let usage = account.usage();
    assert_eq!(r.status, Status::Ok, "{:?}", r.error);
    drop(r);
    usage
}

fn ratio(a: u64, b: u64) -> f64 {
    b as f64 / a.max(1) as f64
}

#[test]
fn issue19_the_test_binary_counts_allocations() {
    assert!(budget::counting());
}

/// A family at n and 2n: bytes allocated, allocations and peak grow at most 2.2×.
fn assert_linear(name: &str, make: fn(usize) -> String, tokens: bool) {
    let n = 1500;
    let (small, large) = (make(n), make(2 * n));
    // The family itself, small, warms the pipeline up: it uses what the larger ones use.
    let warm = make(n / 10);
    let (a, b) = (cost(&small, &warm, tokens), cost(&large, &warm, tokens));
    let ratios = [
        ("bytes allocated", ratio(a.allocated, b.allocated)),
        ("allocations", ratio(a.allocations, b.allocations)),
        ("peak", ratio(a.peak, b.peak)),
    ];
    eprintln!("{name}: {ratios:.2?}");
    let failures: Vec<String> = ratios
        .iter()
        .filter(|(_, r)| *r > MAX_RATIO)
        .map(|(what, r)| format!("{name}: {what} grew {r:.2}× from n = {n} ({a:?}) to 2n ({b:?})"))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One test per family (they run in parallel).
macro_rules! linear {
    ($($test:ident: $make:expr, $tokens:expr;)*) => {
        $(
            #[test]
            fn $test() {
                assert_linear(stringify!($test), $make, $tokens);
            }
        )*
    };
}

linear! {
    issue19_linear_inline_items: inline_items, false;
    issue19_linear_inline_items_with_tokens: inline_items, true;
    issue19_linear_inline_numbered: inline_numbered, false;
    issue19_linear_articles_on_one_line: articles_on_one_line, false;
    issue19_linear_four_level_ladder: ladder, false;
    issue19_linear_compilation: compilation, false;
    issue19_linear_brackets: brackets, false;
    issue19_linear_many_findings: many_findings, false;
    issue19_linear_unconfirmed_restarts: unconfirmed_restarts, false;
    issue19_linear_deep_nesting: deep_nesting, false;
    issue19_linear_marker_lines: marker_lines, false;
    issue19_linear_long_sentence: long_sentence, false;
    issue19_linear_many_statements: many_statements, false;
}

/// The budget holds: an input whose analysis needs more than its budget gets a
/// `too-large` record naming the budget and the stage; under the default budget the same
/// input is processed.
#[test]
fn issue19_an_input_over_its_budget_gets_a_too_large_record() {
    let text = inline_items(2000);
    let tight = Options {
        memory: Some(Budget {
            per_byte: 1,
            base: 1 << 20,
        }),
        ..Options::default()
    };
    let r = process_str("inline.txt", &text, &tight);
    assert_eq!(r.status, Status::Error);
    let e = r.error.expect("an error record");
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(
        e.message.contains("inline.txt") && e.message.contains("--max-memory 1x+1M"),
        "{}",
        e.message
    );
    assert!(matches!(
        e.stage,
        Stage::Structure | Stage::Extract | Stage::Lint | Stage::Output
    ));
    // What the input holds is bounded by its budget, not by what it would have needed.
    let account = Account::open(None);
    let _ = process_str("inline.txt", &text, &tight);
    let stopped = account.peak();
    drop(account);
    let full = cost(&text, &text, false).peak;
    assert!(stopped < full, "stopped at {stopped} bytes, needs {full}");
    let r = process_str("inline.txt", &text, &Options::default());
    assert_eq!(r.status, Status::Ok, "{:?}", r.error);
}

/// The issue's file: 100 000 inline items on one line (4.5 MB), in a folder with a normal
/// document. The batch prints the normal document's ok record, and a record for the big
/// file (ok, or an error record from a guard).
#[test]
fn issue19_a_hundred_thousand_inline_items_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("inline.txt"), inline_items(100_000)).unwrap();
    fs::write(
        dir.path().join("normal.txt"),
        "关于加强档案管理工作的通知\n一、总体要求\n（一）指导思想。坚持依法管理。\n二、主要任务\n",
    )
    .unwrap();
    for budget in ["50x+64M", "1x+4M"] {
        let out = assert_cmd::Command::cargo_bin("gongwen")
            .unwrap()
            .args([
                "extract",
                "-q",
                "-j2",
                "--timeout",
                "120",
                "--max-memory",
                budget,
            ])
            .arg(dir.path())
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .unwrap();
        let records: Vec<gongwen::model::Record> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len(), 2, "{budget}");
        let normal = records
            .iter()
            .find(|r| r.source.path.ends_with("normal.txt"))
            .expect("the normal document's record");
        assert_eq!(normal.status, Status::Ok, "{budget}");
        assert_eq!(normal.documents[0].clauses.len(), 2);
        let big = records
            .iter()
            .find(|r| r.source.path.ends_with("inline.txt"))
            .expect("the big file's record");
        match (&big.error, budget) {
            (None, "50x+64M") => assert_eq!(out.status.code(), Some(0)),
            (Some(e), "1x+4M") => {
                assert_eq!(e.kind, ErrorKind::TooLarge, "{e:?}");
                assert_eq!(out.status.code(), Some(2));
            }
            (e, _) => panic!("{budget}: {e:?}"),
        }
    }
}
