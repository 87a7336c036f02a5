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

#[test]
fn missing_file_exits_2_and_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    std::fs::write(&good, "第一条 内容。\n").unwrap();
    let out = gongwen()
        .args(["extract", "-q"])
        .arg(&good)
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let s = String::from_utf8(out.stdout).unwrap();
    assert_eq!(s.lines().count(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
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
