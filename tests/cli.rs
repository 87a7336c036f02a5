//! End-to-end tests of the `gongwen` binary.

use assert_cmd::Command;

fn gongwen() -> Command {
    Command::cargo_bin("gongwen").expect("binary built")
}

#[test]
fn extract_stdin_gives_one_record() {
    let out = gongwen()
        .args(["extract", "-q"])
        .write_stdin("关于加强管理的通知\n一、总体要求\n（一）指导思想。内容。\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(s.trim()).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(
        v["documents"][0]["clauses"][0]["children"][0]["path"],
        "一/（一）"
    );
}

fn records(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn missing_file_gives_an_io_record_exits_2_and_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    std::fs::write(&good, "第一条 内容。\n").unwrap();
    let out = gongwen()
        .args(["extract"])
        .arg(&good)
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["status"], "ok");
    assert_eq!(recs[1]["status"], "error");
    assert_eq!(recs[1]["error"]["kind"], "io");
    assert_eq!(recs[1]["error"]["stage"], "read");
    assert!(
        recs[1]["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("missing.txt")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt: cannot read: no such file or directory"));
    // The summary counts it among the files, as one that could not be processed.
    assert!(
        stderr.contains("gongwen: 2 files, 1 could not be processed;"),
        "{stderr}"
    );
}

#[test]
fn extract_of_a_missing_path_alone_prints_its_record() {
    let out = gongwen()
        .args(["extract", "/no/such/file"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["error"]["kind"], "io");
    assert_eq!(recs[0]["source"]["path"], "/no/such/file");
}

/// A file that vanished between the walk and the read (here: a link whose target is
/// gone) is a record of kind `io` like any input that cannot be read.
#[cfg(unix)]
#[test]
fn a_vanished_file_in_a_folder_gives_an_io_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "一、总则\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("b.txt")).unwrap();
    let out = gongwen()
        .args(["extract", "-q"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 2, "{recs:?}");
    assert_eq!(recs[0]["status"], "ok");
    assert_eq!(recs[1]["error"]["kind"], "io");
    assert!(
        recs[1]["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("b.txt")
    );
}

#[test]
fn zero_threads_means_every_core_and_output_is_the_same() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/clean");
    let run = |j: &str| {
        let out = gongwen()
            .args(["extract", "-q", "-j", j, corpus])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(run("0"), one);
    assert_eq!(run("2"), one);
}

#[test]
fn summaries_count_files_and_findings_in_the_singular_and_plural() {
    let out = gongwen()
        .args(["extract"])
        .write_stdin("一、总则\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("gongwen: 1 file; "), "{stderr}");
    let out = gongwen()
        .args(["check", "--format", "json"])
        .write_stdin("一、总则\n三、附则\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("gongwen: 1 finding (1 error, 0 warnings, 0 notes) in 1 file; "),
        "{stderr}"
    );
}

#[test]
fn folder_walk_honours_gongwenignore_in_parent_folders() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(dir.path().join(".gongwenignore"), "*.expect.json\n").unwrap();
    std::fs::write(sub.join("a.txt"), "一、总体要求\n").unwrap();
    std::fs::write(sub.join("a.expect.json"), "{}").unwrap();
    std::fs::write(sub.join("b.dat"), "二、主要任务\n").unwrap();
    let out = gongwen()
        .args(["extract", "-q"])
        .arg(&sub)
        .output()
        .unwrap();
    assert!(out.status.success());
    let paths: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"]["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths[0].ends_with("a.txt") && paths[1].ends_with("b.dat"),
        "{paths:?}"
    );
}
