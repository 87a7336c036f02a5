//! Issue 7: no input can crash, hang or silently corrupt a batch.
//!
//! The bad-input matrix, the size and time guards, atomic and resumable `--output`, and
//! property tests over generated documents. Process timeouts here are only a safety net
//! against a hang; nothing asserts on timing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use gongwen::model::{Clause, ErrorKind, Record, Stage, Status};
use gongwen::pipeline::{Options, process_bytes};
use proptest::prelude::*;

/// Safety net only: a run that takes this long is a hang.
const SAFETY: Duration = Duration::from_secs(180);

fn gongwen() -> Command {
    let mut c = Command::cargo_bin("gongwen").expect("binary built");
    c.timeout(SAFETY);
    c
}

struct Run {
    code: Option<i32>,
    records: Vec<Record>,
    stderr: String,
}

fn run(args: &[&str], paths: &[&Path]) -> Run {
    let out = gongwen().args(args).args(paths).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "a panic: {stderr}");
    let records = String::from_utf8(out.stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad record {e}: {l}")))
        .collect();
    Run {
        code: out.status.code(),
        records,
        stderr,
    }
}

/// A small, well-formed notice whose structure we know exactly.
const GOOD: &str = "关于加强档案管理工作的通知\n\
一、总体要求\n\
（一）指导思想。坚持依法管理，提高工作水平。\n\
（二）基本原则。统一领导，分级负责。\n\
二、主要任务\n\
（一）健全制度。各单位要建立完善档案管理制度。\n";

fn good_paths() -> Vec<String> {
    ["一", "一/（一）", "一/（二）", "二", "二/（一）"]
        .map(String::from)
        .to_vec()
}

fn flat_paths(clauses: &[Clause], out: &mut Vec<String>) {
    for c in clauses {
        out.push(c.path.clone());
        flat_paths(&c.children, out);
    }
}

fn assert_good(r: &Record) {
    assert_eq!(r.status, Status::Ok, "{r:?}");
    let mut paths = Vec::new();
    flat_paths(&r.documents[0].clauses, &mut paths);
    assert_eq!(paths, good_paths());
}

fn record_for<'a>(records: &'a [Record], name: &str) -> &'a Record {
    records
        .iter()
        .find(|r| r.source.path.ends_with(name))
        .unwrap_or_else(|| panic!("no record for {name}"))
}

/// Deterministic pseudo-random bytes (no rand dependency needed).
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn gb18030(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

fn mkfifo(p: &Path) {
    let ok = StdCommand::new("mkfifo").arg(p).status().unwrap();
    assert!(ok.success());
}

#[test]
fn issue7_bad_input_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("00-good.txt"), GOOD).unwrap();
    fs::write(d.join("empty.txt"), b"").unwrap();
    fs::write(d.join("random.txt"), noise(20_000, 7)).unwrap();
    let mut nul = GOOD.as_bytes().to_vec();
    nul.splice(30..30, [0u8, 0, 0, 0]);
    fs::write(d.join("nul.txt"), nul).unwrap();
    let mut cut = gb18030(GOOD);
    cut.extend_from_slice(&gb18030("第三条")[..3]); // 第 + half of 三
    fs::write(d.join("gb-cut.txt"), cut).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in GOOD.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    utf16.push(0x4E); // odd byte count
    fs::write(d.join("utf16-odd.txt"), utf16).unwrap();
    let latin1: Vec<u8> = "Résumé du règlement: 1. Généralités; 2. Procédure à suivre\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    fs::write(d.join("latin1.txt"), latin1).unwrap();
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = OsStr::from_bytes(b"bad-\xff\xfe-name.txt");
        fs::write(d.join(name), GOOD).unwrap();
        mkfifo(&d.join("fifo.txt"));
        std::os::unix::fs::symlink(d.join("loop-b"), d.join("loop-a")).unwrap();
        std::os::unix::fs::symlink(d.join("loop-a"), d.join("loop-b")).unwrap();
        std::os::unix::fs::symlink(d, d.join("sub-loop")).unwrap();
    }
    fs::create_dir(d.join("x.txt")).unwrap();

    let r = run(&["extract", "-q", "-j2"], &[d]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    // One record per regular file: good, empty, random, nul, gb-cut, utf16-odd, latin1,
    // and the non-UTF-8 name; and an `io` error record for each thing that cannot be
    // read: the FIFO, the two links of the loop and the link back to the folder.
    let regular = if cfg!(unix) { 8 } else { 7 };
    let unreadable = if cfg!(unix) { 4 } else { 0 };
    assert_eq!(r.records.len(), regular + unreadable, "{}", r.stderr);
    assert_good(record_for(&r.records, "00-good.txt"));
    for rec in &r.records {
        assert!(
            rec.source.bytes == 0 || !rec.source.sha256.is_empty(),
            "{rec:?}"
        );
        if let Some(e) = &rec.error {
            let name = Path::new(&rec.source.path).file_name().unwrap();
            assert!(
                e.message.contains(&*name.to_string_lossy()),
                "message must name the file: {e:?}"
            );
            assert!(!e.message.is_empty());
            assert_ne!(e.kind, ErrorKind::Panic, "{e:?}");
        }
    }
    let random = record_for(&r.records, "random.txt");
    assert_eq!(random.status, Status::Error);
    assert_eq!(random.error.as_ref().unwrap().stage, Stage::Decode);
    let cut = record_for(&r.records, "gb-cut.txt");
    assert_eq!(cut.status, Status::Ok, "{cut:?}");
    assert_eq!(cut.source.encoding.as_deref(), Some("GB18030"));
    let odd = record_for(&r.records, "utf16-odd.txt");
    assert_eq!(odd.status, Status::Ok, "{odd:?}");
    assert_eq!(odd.source.encoding.as_deref(), Some("UTF-16LE"));
    assert!(odd.source.decode_errors >= 1);
    if cfg!(unix) {
        for name in ["fifo.txt", "loop-a", "loop-b", "sub-loop"] {
            assert!(r.stderr.contains(name), "{}", r.stderr);
            let e = record_for(&r.records, name).error.as_ref().unwrap();
            assert_eq!((e.kind, e.stage), (ErrorKind::Io, Stage::Read), "{e:?}");
        }
        let bad = record_for(&r.records, "-name.txt");
        assert_good(bad);
    }
}

#[cfg(unix)]
#[test]
fn issue7_fifo_and_missing_paths_named_explicitly_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let good = dir.path().join("good.txt");
    fs::write(&good, GOOD).unwrap();
    let missing = dir.path().join("missing.txt");
    let r = run(&["extract", "-q"], &[&fifo, &good, &missing]);
    assert_eq!(r.code, Some(2));
    // Every path named gets its record, in the order given.
    assert_eq!(r.records.len(), 3);
    assert_good(&r.records[1]);
    for (rec, name) in [(&r.records[0], "pipe.txt"), (&r.records[2], "missing.txt")] {
        let e = rec.error.as_ref().unwrap();
        assert_eq!(e.kind, ErrorKind::Io);
        assert!(e.message.contains(name), "{e:?}");
    }
    assert!(r.stderr.contains("pipe.txt") && r.stderr.contains("missing.txt"));
}

/// A whole document on one 6 MB line, packed with inline markers.
#[test]
fn issue7_six_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "一是加强组织领导，落实工作责任；二是完善制度建设，规范工作流程；三是强化监督检查，严格责任追究；";
    let mut line = String::from("关于做好有关工作的意见：");
    while line.len() < 6 * 1024 * 1024 {
        line.push_str(unit);
    }
    fs::write(dir.path().join("long.txt"), &line).unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    // The time guard bounds the run on a slow (debug, loaded) machine; release builds
    // process this file in about a second.
    let r = run(&["extract", "-q", "-j2", "--timeout", "120"], &[dir.path()]);
    assert_eq!(r.records.len(), 2);
    assert_good(record_for(&r.records, "good.txt"));
    let long = record_for(&r.records, "long.txt");
    match &long.error {
        None => {
            assert_eq!(long.source.lines, 1);
            assert!(!long.documents.is_empty());
            assert_eq!(r.code, Some(0));
        }
        Some(e) => {
            assert_eq!(e.kind, ErrorKind::Timeout, "{e:?}");
            assert_eq!(r.code, Some(2));
        }
    }
}

/// 60 000 articles, each with sub-items. Whatever the speed of the stages, the batch
/// must end with a record for it (ok, or a `timeout` error record from the time guard)
/// and the good file processed. (With the foundation's structure stage this file hit a
/// quadratic corner and ran for many minutes: the guard is what bounds the batch.)
#[test]
fn issue7_sixty_thousand_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("某某管理办法\n");
    for i in 1..=60_000 {
        text.push_str(&format!(
            "第{}条 本条规定有关事项。\n（一）第一项内容；\n（二）第二项内容。\n",
            cn_number(i)
        ));
    }
    fs::write(dir.path().join("big.txt"), &text).unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let r = run(&["extract", "-q", "-j2", "--timeout", "30"], &[dir.path()]);
    assert_eq!(r.records.len(), 2);
    assert_good(record_for(&r.records, "good.txt"));
    let big = record_for(&r.records, "big.txt");
    match &big.error {
        None => {
            assert_eq!(big.source.lines, 180_001);
            assert_eq!(r.code, Some(0));
        }
        Some(e) => {
            assert_eq!(e.kind, ErrorKind::Timeout, "{e:?}");
            assert!(e.message.contains("big.txt"));
            assert_eq!(r.code, Some(2));
        }
    }
}

/// Chinese numerals as written in article markers (第一百二十三条).
fn cn_number(mut n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const U: [&str; 4] = ["", "十", "百", "千"];
    if n == 0 {
        return D[0].into();
    }
    let mut s = String::new();
    if n >= 10_000 {
        s.push_str(&cn_number(n / 10_000));
        s.push('万');
        n %= 10_000;
        if n > 0 && n < 1000 {
            s.push('零');
        }
    }
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let (mut zero, mut started) = (false, false);
    for (k, &d) in digits.iter().enumerate() {
        let unit = U[3 - k];
        if d == 0 {
            zero = started;
            continue;
        }
        started = true;
        if zero {
            s.push('零');
            zero = false;
        }
        if !(d == 1 && unit == "十" && s.is_empty()) {
            s.push_str(D[d as usize]);
        }
        s.push_str(unit);
    }
    s
}

#[test]
fn cn_number_writes_markers_like_documents_do() {
    assert_eq!(cn_number(1), "一");
    assert_eq!(cn_number(10), "十");
    assert_eq!(cn_number(15), "十五");
    assert_eq!(cn_number(105), "一百零五");
    assert_eq!(cn_number(60_000), "六万");
    assert_eq!(cn_number(10_203), "一万零二百零三");
}

#[test]
fn issue7_size_guard_gives_too_large_record() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, GOOD.repeat(10)).unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, GOOD).unwrap();
    let r = run(&["extract", "-q", "--max-file-size", "1K"], &[&big, &good]);
    assert_eq!(r.code, Some(2));
    let e = r.records[0].error.as_ref().expect("error record");
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("big.txt") && e.message.contains("--max-file-size"));
    assert_eq!(r.records[0].source.bytes, GOOD.len() as u64 * 10);
    assert_good(&r.records[1]);
    // The same limit on standard input.
    let out = gongwen()
        .args(["extract", "-q", "--max-file-size", "100"])
        .write_stdin(GOOD.repeat(3))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let rec: Record = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rec.error.unwrap().kind, ErrorKind::TooLarge);
}

#[test]
fn issue7_time_guard_gives_timeout_record() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, GOOD).unwrap();
    // A budget of one nanosecond has always passed by the first check after decoding.
    let r = run(&["extract", "-q", "--timeout", "0.000000001"], &[&a]);
    assert_eq!(r.code, Some(2));
    let e = r.records[0].error.as_ref().expect("error record");
    assert_eq!(e.kind, ErrorKind::Timeout);
    assert!(e.message.contains("a.txt") && e.message.contains("--timeout"));
    // No limit at all.
    let r = run(&["extract", "-q", "--timeout", "0"], &[&a]);
    assert_eq!(r.code, Some(0));
    assert_good(&r.records[0]);
}

fn write_batch(dir: &Path, n: usize) -> Vec<PathBuf> {
    (0..n)
        .map(|i| {
            let p = dir.join(format!("sub{}/doc{i:04}.txt", i % 3));
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            let body = GOOD.repeat(1 + i % 5);
            if i % 2 == 0 {
                fs::write(&p, gb18030(&body)).unwrap();
            } else {
                fs::write(&p, body).unwrap();
            }
            p
        })
        .collect()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn issue7_output_dir_mirrors_and_resume_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write_batch(&input, 12);
    let out = tmp.path().join("out");
    let r = run(
        &["extract", "-q", "--output", out.to_str().unwrap()],
        &[&input],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let files = files_under(&out);
    assert_eq!(files.len(), 12);
    assert!(out.join("sub0/doc0000.json").is_file());
    // No scratch folder or temporary file is left anywhere.
    let mut top: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    top.sort();
    assert_eq!(top, ["in", "out"]);

    // Change one input, delete one record: --resume redoes exactly those two.
    fs::write(input.join("sub1/doc0001.txt"), GOOD.repeat(7)).unwrap();
    fs::remove_file(out.join("sub2/doc0002.json")).unwrap();
    let r = run(
        &["extract", "--output", out.to_str().unwrap(), "--resume"],
        &[&input],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("10 inputs already done"), "{}", r.stderr);
    let rec: Record =
        serde_json::from_slice(&fs::read(out.join("sub1/doc0001.json")).unwrap()).unwrap();
    assert_eq!(rec.source.bytes, GOOD.len() as u64 * 7);
    assert!(out.join("sub2/doc0002.json").is_file());
}

#[test]
fn issue7_output_names_never_collide() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.txt");
    let b = tmp.path().join("a.md");
    fs::write(&a, GOOD).unwrap();
    fs::write(&b, "第一条 内容。\n").unwrap();
    let out = tmp.path().join("out");
    let r = run(
        &["extract", "-q", "--output", out.to_str().unwrap()],
        &[&a, &b],
    );
    assert_eq!(r.code, Some(0));
    assert!(out.join("a.json").is_file() && out.join("a.md.json").is_file());
}

#[test]
fn issue7_output_dir_inside_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), GOOD).unwrap();
    let out = tmp.path().join("out");
    for _ in 0..2 {
        let r = run(
            &["extract", "-q", "--output", out.to_str().unwrap()],
            &[tmp.path()],
        );
        assert_eq!(r.code, Some(0));
    }
    assert_eq!(files_under(&out), [out.join("a.json")]);
}

/// SIGKILL in the middle of a batch leaves only complete records; `--resume` completes
/// the set.
#[cfg(unix)]
#[test]
fn issue7_kill_9_leaves_only_parseable_files_and_resume_completes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let n = 600;
    write_batch(&input, n);
    let out = tmp.path().join("out");
    let bin = assert_cmd::cargo::cargo_bin("gongwen");
    let mut child = StdCommand::new(&bin)
        .args(["extract", "-q", "-j2", "--output"])
        .arg(&out)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some records exist (or the run ended), then kill it hard.
    let started = std::time::Instant::now();
    while files_under_or_empty(&out).len() < 20
        && child.try_wait().unwrap().is_none()
        && started.elapsed() < SAFETY
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let partial = files_under_or_empty(&out);
    assert!(!partial.is_empty());
    for f in &partial {
        let bytes = fs::read(f).unwrap();
        serde_json::from_slice::<Record>(&bytes)
            .unwrap_or_else(|e| panic!("{} is not a complete record: {e}", f.display()));
    }
    let r = run(
        &[
            "extract",
            "-j2",
            "--output",
            out.to_str().unwrap(),
            "--resume",
        ],
        &[&input],
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let done = files_under(&out);
    assert_eq!(done.len(), n);
    for f in &done {
        let rec: Record = serde_json::from_slice(&fs::read(f).unwrap()).unwrap();
        assert_eq!(rec.status, Status::Ok);
    }
    // The scratch folder beside the output is gone once a run completes.
    assert!(!tmp.path().join(".out.gongwen-tmp").exists());
}

fn files_under_or_empty(dir: &Path) -> Vec<PathBuf> {
    if dir.exists() {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect()
    } else {
        Vec::new()
    }
}

#[test]
fn issue7_shards_partition_the_batch() {
    let tmp = tempfile::tempdir().unwrap();
    write_batch(tmp.path(), 30);
    let all = run(&["extract", "-q"], &[tmp.path()]);
    let mut seen: Vec<String> = Vec::new();
    for i in 0..3 {
        let shard = format!("{i}/3");
        let r = run(&["extract", "-q", "--shard", &shard], &[tmp.path()]);
        assert_eq!(r.code, Some(0));
        assert!(!r.records.is_empty() && r.records.len() < 30);
        seen.extend(r.records.iter().map(|r| r.source.path.clone()));
    }
    seen.sort();
    let mut expected: Vec<String> = all.records.iter().map(|r| r.source.path.clone()).collect();
    expected.sort();
    assert_eq!(seen, expected);
    let bad = gongwen()
        .args(["extract", "--shard", "3/3"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

fn check_clause(c: &Clause, len: u64, lines: u64, parent: Option<&Clause>) {
    assert!(c.byte_start <= c.byte_end, "{c:?}");
    assert!(
        c.byte_end.is_some_and(|e| e <= len),
        "offset past the end: {c:?}"
    );
    assert!(
        (1..=lines.max(1)).contains(&c.line),
        "line {} of {lines}",
        c.line
    );
    assert!(c.column >= 1);
    assert_eq!(c.path.split('/').count() as u32, c.level, "{c:?}");
    if let Some(p) = parent {
        assert_eq!(c.level, p.level + 1);
        assert!(c.path.starts_with(&format!("{}/", p.path)));
        assert!(p.byte_start <= c.byte_start && c.byte_end <= p.byte_end);
    } else {
        assert_eq!(c.level, 1);
    }
    for k in &c.children {
        check_clause(k, len, lines, Some(c));
    }
}

/// One generated line: a marker of some style (or none) and some text.
fn line_strategy() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        (1u32..12).prop_map(|n| format!("第{}条 ", cn_number(n))),
        (1u32..6).prop_map(|n| format!("第{}章 ", cn_number(n))),
        (1u32..12).prop_map(|n| format!("{}、", cn_number(n))),
        (1u32..12).prop_map(|n| format!("（{}）", cn_number(n))),
        (1u32..12).prop_map(|n| format!("{n}．")),
        (1u32..12).prop_map(|n| format!("{n}.")),
        (1u32..12).prop_map(|n| format!("（{n}）")),
        (1u32..6).prop_map(|n| format!("{}是", cn_number(n))),
        Just(String::new()),
        Just("　　".to_string()),
    ];
    let text = prop_oneof![
        Just("各级党委（党组）负责本地区工作。"),
        Just("有下列情形之一的，予以问责："),
        Just("一是加强领导；二是压实责任。"),
        Just("给予诫勉谈话或者通报批评。"),
        Just("内容"),
        Just(""),
        Just("(- - )附则"),
    ];
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("")];
    (marker, text, ending).prop_map(|(m, t, e)| format!("{m}{t}{e}"))
}

fn encode(text: &str, how: u8) -> Vec<u8> {
    match how {
        0 => text.as_bytes().to_vec(),
        1 => gb18030(text),
        2 => {
            let mut b = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                b.extend_from_slice(&u.to_le_bytes());
            }
            b
        }
        _ => {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend_from_slice(text.as_bytes());
            b
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Offsets inside the file, lines within its line count, paths consistent with
    /// levels — whatever the encoding and line breaks.
    #[test]
    fn prop_offsets_lines_and_paths_are_consistent(
        lines in prop::collection::vec(line_strategy(), 0..40),
        how in 0u8..4,
    ) {
        let text: String = lines.concat();
        let bytes = encode(&text, how);
        let r = process_bytes("gen.txt", &bytes, &Options::default());
        if let Some(e) = &r.error {
            prop_assert_ne!(e.kind, ErrorKind::Panic, "{}", e.message);
        }
        if r.status == Status::Ok {
            for d in &r.documents {
                prop_assert!(d.line_start <= d.line_end.max(1));
                for c in &d.clauses {
                    check_clause(c, bytes.len() as u64, r.source.lines, None);
                }
            }
        }
    }

    /// Arbitrary bytes never panic and always give a well-formed record.
    #[test]
    fn prop_arbitrary_bytes_give_a_record(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let r = process_bytes("gen.bin", &bytes, &Options::default());
        prop_assert_eq!(r.source.bytes, bytes.len() as u64);
        if let Some(e) = &r.error {
            prop_assert_ne!(e.kind, ErrorKind::Panic, "{}", e.message);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// `-j1` and `-j3` give byte-identical output on generated multi-file batches.
    #[test]
    fn prop_threads_do_not_change_output(
        docs in prop::collection::vec(
            (prop::collection::vec(line_strategy(), 0..25), 0u8..4), 1..14),
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (lines, how)) in docs.iter().enumerate() {
            let text: String = lines.concat();
            fs::write(dir.path().join(format!("f{i:02}.txt")), encode(&text, *how)).unwrap();
        }
        let one = gongwen().args(["extract", "-q", "-j1"]).arg(dir.path()).output().unwrap();
        let three = gongwen().args(["extract", "-q", "-j3"]).arg(dir.path()).output().unwrap();
        prop_assert_eq!(one.status.code(), three.status.code());
        prop_assert_eq!(String::from_utf8_lossy(&one.stdout), String::from_utf8_lossy(&three.stdout));
        prop_assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), docs.len());
    }
}

/// Inputs the fuzzers found (`fuzz/artifacts/*/crash-*`, kept in `tests/fuzz-regressions/`)
/// go through the whole pipeline without a panic and with consistent offsets.
#[test]
fn issue7_fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for e in fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            continue;
        }
        let bytes = fs::read(&p).unwrap();
        let r = process_bytes("regression", &bytes, &Options::default());
        if let Some(e) = &r.error {
            assert_ne!(e.kind, ErrorKind::Panic, "{}: {}", p.display(), e.message);
        }
        for d in &r.documents {
            for c in &d.clauses {
                check_clause(c, bytes.len() as u64, r.source.lines, None);
            }
        }
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
