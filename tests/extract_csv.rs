//! `gongwen extract --format csv`: the analyst's tables.

use assert_cmd::Command;

const DOC: &str = "第一条　区民政局负责全区养老服务监管。\n\
                   第二条　未按规定履行监管职责的，给予通报批评。本办法自2025年1月1日起施行。\n";

fn gongwen() -> Command {
    Command::cargo_bin("gongwen").expect("binary built")
}

#[test]
fn csv_on_stdout_is_one_table_with_a_table_column() {
    let out = gongwen()
        .args(["extract", "-q", "--format", "csv"])
        .write_stdin(DOC)
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    // A byte order mark, as in the files, so that spreadsheets read UTF-8.
    let s = s.strip_prefix('\u{FEFF}').expect("BOM");
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(
        lines[0],
        "table,source,document,clause_path,line,holder,role,kind,sanction,category,penalty_kind,\
         imposed,target,text,quote,element,value,date,body"
    );
    assert!(lines[1].starts_with("responsibility,-,1,第一条,1,区民政局,负责,"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("condition,-,1,第二条,2,"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("sanction,-,1,第二条,2,") && l.contains("通报批评"))
    );
    assert!(lines.iter().any(|l| l.starts_with("metadata,-,1,,2,")
        && l.ends_with(",本办法自2025年1月1日起施行,,event,effective,2025-01-01,")));
}

#[test]
fn csv_with_output_writes_four_tables() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rule.txt");
    std::fs::write(&input, DOC).unwrap();
    let out_dir = dir.path().join("tables");
    let out = gongwen()
        .args(["extract", "-q", "--format", "csv", "--output"])
        .arg(&out_dir)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    for (name, header, row) in [
        (
            "responsibilities.csv",
            "source,document,clause_path,line,holder,role,quote",
            "区民政局,负责",
        ),
        (
            "conditions.csv",
            "source,document,clause_path,line,kind,text",
            "condition,未按规定",
        ),
        (
            "sanctions.csv",
            "source,document,clause_path,line,sanction,category,penalty_kind,imposed,target,quote",
            "通报批评,organisational,,false",
        ),
        (
            "metadata.csv",
            "source,document,element,value,date,body,text,line",
            "event,effective,2025-01-01,,本办法自2025年1月1日起施行,2",
        ),
    ] {
        let text = std::fs::read_to_string(out_dir.join(name)).unwrap();
        // A byte order mark so that spreadsheets read UTF-8.
        let text = text.strip_prefix('\u{FEFF}').expect("BOM");
        assert_eq!(text.lines().next(), Some(header), "{name}");
        assert!(text.lines().nth(1).unwrap().contains(row), "{name}: {text}");
    }
}
