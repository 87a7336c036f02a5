//! Real statutes (issue 14): `../shared/corpus-laws` is read when it is there (it is not in
//! CI; the tests then pass without checking anything and say so on stderr).
//!
//! - `tests/data/laws-check.tsv` classifies by hand every error and warning `check` gives
//!   on the plain-text copies of our half of the collection (ATX heading marks stripped, as
//!   the team measures them): every statute is checked, as `gongwen check` does (numbering
//!   and document findings), and the test fails when a finding appears that the table does
//!   not classify, when a true finding of the table is no longer reported, or when a false
//!   one that is gone comes back. It prints precision and recall.
//! - A sample of the collection is run through `extract` and `check` and measured with the
//!   team's `laws_struct.py` (when python3 is there).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use gongwen::model::Severity;
use gongwen::pipeline::{Options, process_bytes};

/// `../shared` of the project (the checkout's sibling), or of the folder above it (a git
/// worktree under `wt/`); `GONGWEN_SHARED` overrides both.
fn shared() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("GONGWEN_SHARED") {
        return Some(PathBuf::from(p));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.join("corpus-laws/docs").is_dir())
}

/// The plain-text copy of a markdown statute: ATX heading marks (`## `) stripped from the
/// start of each line, as the team's plain variant is made.
fn plain(md: &str) -> String {
    md.split_inclusive('\n')
        .map(|l| {
            let marks = l.len() - l.trim_start_matches('#').len();
            if marks == 0 {
                l
            } else {
                l[marks..].trim_start_matches([' ', '\t'])
            }
        })
        .collect()
}

/// One row of the classification table.
#[derive(Debug, Clone)]
struct Row {
    verdict: String,
    defect: String,
    seen_now: bool,
}

/// The table: (path, line, rule) → row.
fn table() -> BTreeMap<(String, u64, String), Row> {
    let text = include_str!("data/laws-check.tsv");
    let mut out = BTreeMap::new();
    for l in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = l.split('\t').collect();
        assert!(f.len() >= 8, "laws-check.tsv: {l}");
        let line: u64 = f[2].parse().expect("a line number");
        out.insert(
            (f[1].to_string(), line, f[3].to_string()),
            Row {
                verdict: f[4].to_string(),
                defect: f[5].to_string(),
                seen_now: f[6].contains("now"),
            },
        );
    }
    out
}

/// The error and warning findings of `gongwen check` on the plain copy `text` of the
/// statute `path`: (line, rule).
fn findings(path: &str, text: &str) -> BTreeSet<(u64, String)> {
    let opts = Options {
        lint_only: true,
        ..Options::default()
    };
    let plain_path = format!("{}.txt", path.trim_end_matches(".md"));
    process_bytes(&plain_path, text.as_bytes(), &opts)
        .documents
        .iter()
        .flat_map(|d| &d.diagnostics)
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| (d.line, d.rule.name().to_string()))
        .collect()
}

/// Every statute of the collection: its path under `docs`, sorted.
fn statutes(docs: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(docs)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(docs).ok()?;
            rel.to_str().map(str::to_string)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn issue14_check_findings_on_real_statutes_stay_classified() {
    let Some(shared) = shared() else {
        eprintln!("corpus-laws not found (no ../shared): laws-check.tsv not checked");
        return;
    };
    let docs = shared.join("corpus-laws/docs");
    let table = table();
    let mut paths = statutes(&docs);
    for (p, ..) in table.keys() {
        if !paths.contains(p) {
            paths.push(p.clone());
        }
    }
    let mut problems = Vec::new();
    let (mut t, mut f, mut d) = (0, 0, 0);
    let mut defects_found = BTreeSet::new();
    for path in &paths {
        let Ok(md) = std::fs::read_to_string(docs.join(path)) else {
            problems.push(format!("{path}: not readable"));
            continue;
        };
        let now = findings(path, &plain(&md));
        for (line, rule) in &now {
            match table.get(&(path.clone(), *line, rule.clone())) {
                None => problems.push(format!(
                    "{path}:{line} {rule}: a new finding; classify it in tests/data/laws-check.tsv"
                )),
                Some(row) if !row.seen_now && row.verdict == "false" => {
                    problems.push(format!("{path}:{line} {rule}: a false finding is back"))
                }
                Some(row) => {
                    match row.verdict.as_str() {
                        "true" => t += 1,
                        "false" => f += 1,
                        _ => d += 1,
                    }
                    if row.verdict == "true" {
                        defects_found.insert((path.clone(), row.defect.clone()));
                    }
                }
            }
        }
        for ((p, line, rule), row) in &table {
            if p == path
                && row.seen_now
                && row.verdict == "true"
                && !now.contains(&(*line, rule.clone()))
            {
                problems.push(format!(
                    "{p}:{line} {rule}: a true finding is no longer reported"
                ));
            }
        }
    }
    let defects: BTreeSet<(String, String)> = table
        .iter()
        .filter(|(_, r)| r.verdict == "true")
        .map(|(k, r)| (k.0.clone(), r.defect.clone()))
        .collect();
    eprintln!(
        "laws-check: {t} true, {f} false, {d} debatable findings: precision {:.3} ({:.3} with debatable as false); recall {}/{} defects",
        t as f64 / (t + f).max(1) as f64,
        t as f64 / (t + f + d).max(1) as f64,
        defects_found.len(),
        defects.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn issue14_laws_struct_on_a_sample() {
    let Some(shared) = shared() else {
        eprintln!("corpus-laws not found (no ../shared): laws_struct.py not run");
        return;
    };
    let script = shared.join("eval/laws_struct.py");
    if !script.is_file()
        || std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
    {
        eprintln!("laws_struct.py or python3 missing: not run");
        return;
    }
    // Every 25th statute of the collection, by path: about 35 documents of all kinds.
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(shared.join("corpus-laws/docs"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    let sample: Vec<&PathBuf> = files.iter().step_by(25).collect();
    let dir = tempfile::tempdir().unwrap();
    let (mut e, mut c) = (String::new(), String::new());
    let opts = Options::default();
    for p in &sample {
        let bytes = std::fs::read(p).unwrap();
        let path = p.to_str().unwrap();
        let r = process_bytes(path, &bytes, &opts);
        e.push_str(&serde_json::to_string(&r).unwrap());
        e.push('\n');
        for doc in &r.documents {
            for d in &doc.diagnostics {
                let mut d = d.clone();
                d.path = Some(path.to_string());
                c.push_str(&serde_json::to_string(&d).unwrap());
                c.push('\n');
            }
        }
    }
    let (ep, cp) = (dir.path().join("e.jsonl"), dir.path().join("c.jsonl"));
    std::fs::write(&ep, e).unwrap();
    std::fs::write(&cp, c).unwrap();
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&ep)
        .arg(&cp)
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    eprintln!("laws_struct on {} statutes: {line}", sample.len());
    let value = |key: &str| -> f64 {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(key))
            .and_then(|v| v.split('(').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {key} in {line:?}"))
    };
    for (key, min) in [
        ("art_docs=", 0.95),
        ("chap_docs=", 0.95),
        ("sec_docs=", 0.95),
        ("part_docs=", 0.95),
        ("art_path=", 0.99),
        ("title=", 0.95),
    ] {
        assert!(value(key) >= min, "{key} below {min}: {line}");
    }
}

/// Blanks removed.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// One clause: style, line, marker (blanks removed), its 编/章/节 ancestors (style, marker).
type Unit = (String, u64, String, Vec<(String, String)>);

/// Every clause of a tree, in order, as a [`Unit`].
fn units(clauses: &[gongwen::model::Clause], anc: &[(String, String)], out: &mut Vec<Unit>) {
    for c in clauses {
        let style: &str = c.style.into();
        let style = style.to_string();
        out.push((style.clone(), c.line, squeeze(&c.marker), anc.to_vec()));
        let mut next = anc.to_vec();
        if matches!(style.as_str(), "part" | "subpart" | "chapter" | "section") {
            next.push((style, squeeze(&c.marker)));
        }
        units(&c.children, &next, out);
    }
}

/// One clause with the clause it stands in: (style, line, marker, parent's style and marker),
/// markers without blanks.
type Placed = (String, u64, String, Option<(String, String)>);

/// Every clause of a tree, in order, as a [`Placed`].
fn placed(
    clauses: &[gongwen::model::Clause],
    parent: Option<(String, String)>,
    out: &mut Vec<Placed>,
) {
    for c in clauses {
        let style: &str = c.style.into();
        out.push((
            style.to_string(),
            c.line,
            squeeze(&c.marker),
            parent.clone(),
        ));
        placed(
            &c.children,
            Some((style.to_string(), squeeze(&c.marker))),
            out,
        );
    }
}

/// One clause's reach: (line, byte end, whether an article holds it, text without blanks).
type Reach = (u64, u64, bool, String);

/// Every clause of a tree, in order, as a [`Reach`].
fn reaches(clauses: &[gongwen::model::Clause], in_article: bool, out: &mut Vec<Reach>) {
    for c in clauses {
        out.push((
            c.line,
            c.byte_end.unwrap_or(u64::MAX),
            in_article,
            squeeze(&c.text),
        ));
        let article = in_article || c.style == gongwen::model::Style::Article;
        reaches(&c.children, article, out);
    }
}

#[test]
fn issue14_invented_statutes_match_their_annotation() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/statutes-invented");
    let mut names: Vec<PathBuf> = std::fs::read_dir(base.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 218, "the invented statutes are there");
    let mut problems = Vec::new();
    let (mut findings, mut true_findings, mut defects, mut found) = (0, 0, 0, 0);
    for doc_path in &names {
        let stem = doc_path.file_stem().unwrap().to_str().unwrap().to_string();
        let exp: serde_json::Value = serde_json::from_slice(
            &std::fs::read(base.join("expect").join(format!("{stem}.json"))).unwrap(),
        )
        .unwrap();
        let md = std::fs::read_to_string(doc_path).unwrap();
        for (variant, path, text) in [
            ("md", format!("{stem}.md"), md.clone()),
            ("plain", format!("{stem}.txt"), plain(&md)),
        ] {
            let who = format!("{stem} ({variant})");
            let r = process_bytes(&path, text.as_bytes(), &Options::default());
            let Some(doc) = r.documents.first() else {
                problems.push(format!("{who}: no document"));
                continue;
            };
            if squeeze(doc.title.as_deref().unwrap_or(""))
                != squeeze(exp["title"].as_str().unwrap())
            {
                problems.push(format!("{who}: title {:?}", doc.title));
            }
            let mut got = Vec::new();
            for d in &r.documents {
                units(&d.clauses, &[], &mut got);
            }
            for (key, style) in [
                ("parts", "part"),
                ("subparts", "subpart"),
                ("chapters", "chapter"),
                ("sections", "section"),
                ("articles", "article"),
            ] {
                // `subparts` is annotated in the third set only.
                let want: Vec<(u64, String)> = exp[key]
                    .as_array()
                    .map_or(&[][..], |v| v.as_slice())
                    .iter()
                    .map(|u| {
                        (
                            u["line"].as_u64().unwrap(),
                            squeeze(u["marker"].as_str().unwrap()),
                        )
                    })
                    .collect();
                let have: Vec<(u64, String)> = got
                    .iter()
                    .filter(|u| u.0 == style)
                    .map(|u| (u.1, u.2.clone()))
                    .collect();
                if want != have {
                    problems.push(format!("{who}: {key} differ: want {want:?}, have {have:?}"));
                }
            }
            for a in exp["articles"].as_array().unwrap() {
                let line = a["line"].as_u64().unwrap();
                let want: Vec<(String, String)> = ["part", "subpart", "chapter", "section"]
                    .iter()
                    .filter_map(|k| a[*k].as_str().map(|m| (k.to_string(), squeeze(m))))
                    .collect();
                if let Some(u) = got.iter().find(|u| u.0 == "article" && u.1 == line)
                    && u.3 != want
                {
                    problems.push(format!(
                        "{who}: article at line {line} under {:?}, not {want:?}",
                        u.3
                    ));
                }
            }
            // A document without articles: its numbered paragraphs (一、) and their items
            // (（一）, under the 一、 before them or under none), annotated in the eighth set;
            // from the tenth set on also `1．` items, under a 一、 or a （一）.
            if let Some(paragraphs) = exp.get("paragraphs").and_then(|v| v.as_array()) {
                let mut all = Vec::new();
                for d in &r.documents {
                    placed(&d.clauses, None, &mut all);
                }
                let want: Vec<(u64, String)> = paragraphs
                    .iter()
                    .map(|p| {
                        (
                            p["line"].as_u64().unwrap(),
                            squeeze(p["marker"].as_str().unwrap()),
                        )
                    })
                    .collect();
                let have: Vec<(u64, String)> = all
                    .iter()
                    .filter(|u| u.0 == "cn-dun")
                    .map(|u| (u.1, u.2.clone()))
                    .collect();
                if want != have {
                    problems.push(format!(
                        "{who}: paragraphs differ: want {want:?}, have {have:?}"
                    ));
                }
                let want: Vec<(u64, String, Option<String>)> = exp["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| {
                        (
                            p["line"].as_u64().unwrap(),
                            squeeze(p["marker"].as_str().unwrap()),
                            p["parent"].as_str().map(squeeze),
                        )
                    })
                    .collect();
                let have: Vec<(u64, String, Option<String>)> = all
                    .iter()
                    .filter(|u| u.0 == "cn-paren" || u.0 == "arabic")
                    .map(|u| {
                        let parent =
                            u.3.as_ref()
                                .filter(|p| p.0 == "cn-dun" || p.0 == "cn-paren");
                        (u.1, u.2.clone(), parent.map(|p| p.1.clone()))
                    })
                    .collect();
                if want != have {
                    problems.push(format!("{who}: items differ: want {want:?}, have {have:?}"));
                }
            }
            // An annex after the last article (`附：…表`, `附件：1．…`), annotated in the
            // ninth set: no clause before it runs past its line, and none from it on is in an
            // article.
            if let Some(appendix) = exp.get("appendix") {
                let line = appendix["line"].as_u64().unwrap();
                let marker = squeeze(appendix["marker"].as_str().unwrap());
                let at = text
                    .split_inclusive('\n')
                    .take(line as usize - 1)
                    .map(str::len)
                    .sum::<usize>() as u64;
                if !squeeze(&text[at as usize..]).starts_with(&marker) {
                    problems.push(format!("{who}: appendix {marker} not at line {line}"));
                }
                // The annex's first two lines: a short opener alone (`附件1`) is also
                // what an article citing it says.
                let annex_line: String = text[at as usize..]
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .take(2)
                    .map(squeeze)
                    .collect();
                let mut all = Vec::new();
                for d in &r.documents {
                    reaches(&d.clauses, false, &mut all);
                }
                for (l, end, in_article, t) in &all {
                    if *l < line && (*end > at || t.contains(&annex_line)) {
                        problems.push(format!(
                            "{who}: the clause at line {l} runs past the appendix at line {line}"
                        ));
                    }
                    if *l >= line && *in_article {
                        problems.push(format!(
                            "{who}: the clause at line {l} in the appendix is an article's"
                        ));
                    }
                }
            }
            // Findings, on the plain copy as the team measures them.
            if variant == "plain" {
                let lines_of = |key: &str| -> Vec<Vec<u64>> {
                    exp.get(key)
                        .and_then(|v| v.as_array())
                        .map(|v| {
                            v.iter()
                                .map(|d| {
                                    let mut l = vec![d["line"].as_u64().unwrap()];
                                    if let Some(also) = d.get("also").and_then(|a| a.as_array()) {
                                        l.extend(also.iter().filter_map(|x| x.as_u64()));
                                    }
                                    l
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let planted = lines_of("defects");
                let debatable: Vec<u64> = lines_of("debatable").concat();
                let now: Vec<(u64, String)> = r
                    .documents
                    .iter()
                    .flat_map(|d| &d.diagnostics)
                    .filter(|d| d.severity >= Severity::Warning)
                    .map(|d| (d.line, d.rule.name().to_string()))
                    .collect();
                for (line, rule) in &now {
                    findings += 1;
                    if planted.iter().any(|p| p.contains(line)) {
                        true_findings += 1;
                    } else if !debatable.contains(line) {
                        problems.push(format!("{who}: false finding {rule} at line {line}"));
                    }
                }
                for p in &planted {
                    defects += 1;
                    if now.iter().any(|(l, _)| p.contains(l)) {
                        found += 1;
                    } else {
                        problems.push(format!(
                            "{who}: planted defect at line {} not reported",
                            p[0]
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "invented statutes: {} documents; findings {true_findings} true of {findings}; planted defects found {found}/{defects}",
        names.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
