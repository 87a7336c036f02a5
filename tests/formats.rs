//! Input formats (issue 15): every format becomes a text view that the stages read as
//! they read a text file; Word numbering is rendered as Word shows it; formats that are
//! not read and hostile containers give error records.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gongwen::formats::{self, Format};
use gongwen::model::{Clause, Record};
use gongwen::pipeline::{Options, process_bytes, process_str};

fn gongwen() -> Command {
    Command::cargo_bin("gongwen").expect("binary built")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// The PDF fixture (outside `corpus/`: PDF support needs poppler and is optional).
fn bulletin_pdf() -> PathBuf {
    crate::corpus::pdf_dir().join("bulletin.pdf")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).expect("fixture is readable")
}

fn flatten<'a>(clauses: &'a [Clause], out: &mut Vec<&'a Clause>) {
    for c in clauses {
        out.push(c);
        flatten(&c.children, out);
    }
}

/// What a record says about a document, line positions included, byte offsets and
/// provenance left out (they differ by design between a container and its text).
fn essentials(r: &Record) -> Vec<String> {
    let mut out = Vec::new();
    for d in &r.documents {
        let mut clauses = Vec::new();
        flatten(&d.clauses, &mut clauses);
        for c in clauses {
            out.push(format!(
                "clause {} {} L{} C{} {:?}",
                c.path, c.marker, c.line, c.column, c.text
            ));
        }
        for x in &d.responsibilities {
            out.push(format!(
                "resp {} {} {} {}",
                x.holder, x.role, x.clause_path, x.line
            ));
        }
        for x in &d.accountability.conditions {
            out.push(format!("cond {} {} {}", x.clause_path, x.text, x.line));
        }
        for x in &d.accountability.sanctions {
            out.push(format!("sanc {} {} {}", x.sanction, x.clause_path, x.line));
        }
        for x in &d.diagnostics {
            out.push(format!("diag {} {} {}", x.rule, x.line, x.column));
        }
    }
    out
}

#[test]
fn issue15_every_format_extracts_as_its_text_view_does() {
    let names = [
        "formats/statute-numbering.docx",
        "formats/plan-styles.docx",
        "formats/gap-numbering.docx",
        "formats/policy-page.html",
        "formats/policy-page.gbk.html",
        "formats/statute.md",
        "formats/rules.ofd",
    ];
    let pdf = bulletin_pdf();
    let pdf = crate::corpus::pdf_fixtures_run().then_some(pdf.to_str().expect("UTF-8 path"));
    for name in names.into_iter().chain(pdf) {
        let bytes = std::fs::read(fixture(name)).expect("fixture is readable");
        let record = process_bytes(name, &bytes, &Options::default());
        assert!(record.error.is_none(), "{name}: {:?}", record.error);
        let view = formats::read(&bytes, name).expect("readable");
        let as_text = process_str("view.txt", &view.text, &Options::default());
        assert_eq!(as_text.source.format, Some(Format::Text));
        assert_eq!(essentials(&record), essentials(&as_text), "{name}");
        assert!(!essentials(&record).is_empty(), "{name}: nothing found");
    }
}

#[test]
fn issue15_word_numbering_formats_and_is_lgl() {
    let view = formats::read(&read("formats/legal-numbering.docx"), "x").unwrap();
    assert_eq!(
        view.text,
        "临川市河道分级目录\n第一部分 市级河道\n1.1 东溪\n1.2 西溪\n第二部分 区级河道\n2.1 南渠\n⑲甲项\n⑳乙项\n壹拾、壹项\n壹拾壹、贰项"
    );
    assert_eq!(view.locators[2], "word/document.xml#p3");
}

#[test]
fn issue15_check_finds_a_gap_in_word_numbering_and_in_a_page() {
    for (name, line, locator) in [
        (
            "formats/gap-numbering.docx",
            4,
            Some("word/document.xml#p4"),
        ),
        ("formats/policy-page.gbk.html", 9, None),
    ] {
        let out = gongwen()
            .args(["check", "-q", "--format", "json"])
            .arg(fixture(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let gap: serde_json::Value = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|d| d["rule"] == "numbering-gap")
            .expect("a numbering-gap finding");
        assert_eq!(gap["line"], line, "{name}");
        assert_eq!(gap["locator"].as_str(), locator, "{name}");
    }
}

#[test]
fn issue15_text_prints_the_view_and_names_what_it_cannot_read() {
    if crate::corpus::pdf_fixtures_run() {
        let out = gongwen()
            .args(["text", "--locators"])
            .arg(bulletin_pdf())
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "page 1\t临川市河道巡查办法");
        assert!(lines.iter().any(|l| l.starts_with("page 3\t第四条")));
        assert!(!text.contains("公报") && !text.contains("— 2 —"));
    }

    let out = gongwen()
        .arg("text")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unprocessable/legacy.doc"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unsupported-format") && err.contains("libreoffice"),
        "{err}"
    );
}

#[test]
fn issue15_a_pdf_without_pdftotext_says_what_to_install() {
    let out = gongwen()
        .args(["extract", "-q"])
        .arg(bulletin_pdf())
        .env(formats::pdf::PDFTOTEXT_VAR, "/nonexistent/pdftotext")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["error"]["kind"], "unsupported-format");
    assert_eq!(r["source"]["format"], "pdf");
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("poppler-utils")
    );
}

#[test]
fn issue15_markdown_positions_are_the_files() {
    let bytes = read("formats/statute.md");
    let r = process_bytes("statute.md", &bytes, &Options::default());
    let mut clauses = Vec::new();
    flatten(&r.documents[0].clauses, &mut clauses);
    for c in clauses {
        let at = c.byte_start.expect("markdown has byte offsets") as usize;
        assert!(bytes[at..].starts_with(c.marker.as_bytes()), "{}", c.path);
    }
}
