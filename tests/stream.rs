//! Streaming mode (`extract --stdin-format jsonl`): one record per request, in order,
//! carrying its id; bad requests answered with error records; no deadlock with a driver
//! that waits for each answer.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;
use base64::Engine as _;
use gongwen::model::{ErrorKind, Record, Status};

const DOC: &str =
    "关于做好安全生产工作的通知\n一、工作要求\n（一）落实责任。各单位主要负责人是第一责任人。\n";

fn stream(args: &[&str], input: String) -> (Option<i32>, Vec<Record>, String) {
    let out = Command::cargo_bin("gongwen")
        .unwrap()
        .timeout(Duration::from_secs(120))
        .args(["extract", "--stdin-format", "jsonl"])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let recs = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out.status.code(), recs, stderr)
}

fn req(id: &str, key: &str, value: &str) -> String {
    serde_json::json!({ "id": id, key: value }).to_string() + "\n"
}

#[test]
fn every_request_kind_and_every_bad_request_gets_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("doc.txt");
    std::fs::write(&file, encoding_rs::GB18030.encode(DOC).0).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(DOC.as_bytes());
    let mut input = String::new();
    input += &req("t", "text", DOC);
    input += &req("p", "path", file.to_str().unwrap());
    input += &req("b", "b64", &b64);
    input += "{\"id\": \"broken\", \"text\": \n"; // malformed JSON
    input += "{\"text\": \"没有编号\"}\n"; // missing id
    input += "{\"id\": \"nothing\"}\n"; // missing content
    input += &req("bad64", "b64", "不是base64");
    input += &req("gone", "path", "/nonexistent/dir/x.txt");
    input += "\n"; // blank lines are not requests
    input += &req("last", "text", "第一条 最后一个请求。");
    let (code, recs, _) = stream(&[], input);
    // Every request is answered; the bad ones make the run exit 2, as in a batch run.
    assert_eq!(code, Some(2));
    let ids: Vec<Option<&str>> = recs.iter().map(|r| r.id.as_deref()).collect();
    assert_eq!(
        ids,
        [
            Some("t"),
            Some("p"),
            Some("b"),
            None,
            None,
            Some("nothing"),
            Some("bad64"),
            Some("gone"),
            Some("last")
        ]
    );
    for r in &recs[..3] {
        assert_eq!(r.status, Status::Ok, "{r:?}");
        assert_eq!(r.documents[0].clauses[0].children[0].path, "一/（一）");
    }
    assert_eq!(recs[1].source.encoding.as_deref(), Some("GB18030"));
    for r in &recs[3..8] {
        let e = r.error.as_ref().expect("error record");
        assert_eq!(e.kind, ErrorKind::Request, "{e:?}");
    }
    assert!(recs[3].error.as_ref().unwrap().message.contains("line 4"));
    assert_eq!(recs[8].status, Status::Ok);
}

#[test]
fn many_threads_keep_request_order() {
    let input: String = (0..60)
        .map(|i| req(&format!("r{i}"), "text", &DOC.repeat(1 + i % 7)))
        .collect();
    let (_, one, _) = stream(&["-j1"], input.clone());
    let (_, three, _) = stream(&["-j3"], input);
    assert_eq!(one.len(), 60);
    assert_eq!(one, three);
    for (i, r) in one.iter().enumerate() {
        assert_eq!(r.id.as_deref(), Some(format!("r{i}").as_str()));
    }
}

#[test]
fn shards_split_requests_by_id() {
    let input: String = (0..40)
        .map(|i| req(&format!("id-{i}"), "text", DOC))
        .collect();
    let mut ids: Vec<String> = Vec::new();
    for s in ["0/2", "1/2"] {
        let (_, recs, _) = stream(&["--shard", s], input.clone());
        assert!(!recs.is_empty() && recs.len() < 40);
        ids.extend(recs.into_iter().map(|r| r.id.unwrap()));
    }
    ids.sort();
    let mut all: Vec<String> = (0..40).map(|i| format!("id-{i}")).collect();
    all.sort();
    assert_eq!(ids, all);
}

/// A driver that sends one request and waits for its answer before sending the next
/// (the strictest form of RDD.pipe-style use) must never deadlock.
#[test]
fn answers_each_request_before_the_next_arrives() {
    for threads in ["1", "2"] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("gongwen"))
            .args(["extract", "-q", "--stdin-format", "jsonl", "-j", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        for i in 0..5 {
            stdin
                .write_all(req(&format!("q{i}"), "text", DOC).as_bytes())
                .unwrap();
            stdin.flush().unwrap();
            // Safety net only: an answer that never comes is a deadlock.
            let line = rx
                .recv_timeout(Duration::from_secs(120))
                .expect("an answer before the next request");
            let r: Record = serde_json::from_str(&line).unwrap();
            assert_eq!(r.id.as_deref(), Some(format!("q{i}").as_str()));
        }
        drop(stdin);
        assert!(child.wait().unwrap().success());
    }
}

#[test]
fn paths_are_not_allowed_in_streaming_mode() {
    let out = Command::cargo_bin("gongwen")
        .unwrap()
        .args(["extract", "--stdin-format", "jsonl", "x.txt"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
