//! The analyst's view of extraction (`extract --format csv`): four CSV tables —
//! responsibilities (a 责任清单), accountability conditions, sanctions and the documents'
//! metadata (one row per element, list item and event: 发文字号, 成文日期, 主送机关 …, a
//! statute's history) — one row per entry, each naming its input file and document.
//!
//! On stdout the four are one table whose first column `table` says which a row belongs
//! to; under `--output DIR` they are `responsibilities.csv`, `conditions.csv`,
//! `sanctions.csv` and `metadata.csv`. A column has the same name and content in both (`text` is a condition's
//! text, `quote` the phrase that states a responsibility or sanction), and both are UTF-8
//! with a byte order mark, so that spreadsheets read the Chinese text right.

use crate::model::{ConditionKind, Record};

/// How many tables there are.
pub const TABLES: usize = 4;

/// File names of the tables, in the order of [`Rows::tables`].
pub const FILES: [&str; TABLES] = [
    "responsibilities.csv",
    "conditions.csv",
    "sanctions.csv",
    "metadata.csv",
];

/// The UTF-8 byte order mark every table starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

const RESP_HEADER: &[&str] = &[
    "source",
    "document",
    "clause_path",
    "line",
    "holder",
    "role",
    "quote",
];
const COND_HEADER: &[&str] = &["source", "document", "clause_path", "line", "kind", "text"];
const SANC_HEADER: &[&str] = &[
    "source",
    "document",
    "clause_path",
    "line",
    "sanction",
    "category",
    "penalty_kind",
    "imposed",
    "target",
    "quote",
];
const META_HEADER: &[&str] = &[
    "source", "document", "element", "value", "date", "body", "text", "line",
];
const COMBINED_HEADER: &[&str] = &[
    "table",
    "source",
    "document",
    "clause_path",
    "line",
    "holder",
    "role",
    "kind",
    "sanction",
    "category",
    "penalty_kind",
    "imposed",
    "target",
    "text",
    "quote",
    "element",
    "value",
    "date",
    "body",
];

fn kind_name(k: ConditionKind) -> &'static str {
    match k {
        ConditionKind::Condition => "condition",
        ConditionKind::Aggravating => "aggravating",
        ConditionKind::Exemption => "exemption",
        ConditionKind::CatchAll => "catch_all",
    }
}

/// One CSV row (with its line break).
fn row<'a>(out: &mut Vec<u8>, fields: impl IntoIterator<Item = &'a str>) {
    let mut w = csv::Writer::from_writer(std::mem::take(out));
    // Writing into a Vec cannot fail.
    let _ = w.write_record(fields);
    *out = w.into_inner().unwrap_or_default();
}

/// The byte order mark and header row of the combined table.
pub fn combined_header() -> Vec<u8> {
    let mut out = BOM.to_vec();
    row(&mut out, COMBINED_HEADER.iter().copied());
    out
}

/// The byte order mark and header row of each table.
pub fn table_headers() -> [Vec<u8>; TABLES] {
    [RESP_HEADER, COND_HEADER, SANC_HEADER, META_HEADER].map(|h| {
        let mut out = BOM.to_vec();
        row(&mut out, h.iter().copied());
        out
    })
}

/// The rows of one record (an error record has none), rendered in the worker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// Rows of the combined table.
    pub combined: Vec<u8>,
    /// Rows of each table, in the order of [`FILES`].
    pub tables: [Vec<u8>; TABLES],
}

/// The rows of record `r`.
pub fn rows(r: &Record) -> Rows {
    let mut out = Rows::default();
    let [resp, cond, sanc, meta] = &mut out.tables;
    let all = &mut out.combined;
    let src = r.source.path.as_str();
    for (i, d) in r.documents.iter().enumerate() {
        let doc = (i + 1).to_string();
        for x in &d.responsibilities {
            let line = x.line.to_string();
            let path = x.clause_path.as_str();
            let role = x.role.as_str();
            row(resp, [src, &doc, path, &line, &x.holder, role, &x.quote]);
            row(
                all,
                [
                    "responsibility",
                    src,
                    &doc,
                    path,
                    &line,
                    &x.holder,
                    role,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    &x.quote,
                    "",
                    "",
                    "",
                    "",
                ],
            );
        }
        for x in &d.accountability.conditions {
            let line = x.line.to_string();
            let kind = kind_name(x.kind);
            let path = x.clause_path.as_str();
            row(cond, [src, &doc, path, &line, kind, &x.text]);
            row(
                all,
                [
                    "condition",
                    src,
                    &doc,
                    path,
                    &line,
                    "",
                    "",
                    kind,
                    "",
                    "",
                    "",
                    "",
                    "",
                    &x.text,
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
            );
        }
        for x in &d.accountability.sanctions {
            let line = x.line.to_string();
            let target = x.target.as_deref().unwrap_or("");
            let path = x.clause_path.as_str();
            let category = x.category.as_str();
            let kind = x.penalty_kind.map_or("", |k| k.as_str());
            let imposed = if x.imposed { "true" } else { "false" };
            row(
                sanc,
                [
                    src,
                    &doc,
                    path,
                    &line,
                    &x.sanction,
                    category,
                    kind,
                    imposed,
                    target,
                    &x.quote,
                ],
            );
            row(
                all,
                [
                    "sanction",
                    src,
                    &doc,
                    path,
                    &line,
                    "",
                    "",
                    "",
                    &x.sanction,
                    category,
                    kind,
                    imposed,
                    target,
                    "",
                    &x.quote,
                    "",
                    "",
                    "",
                    "",
                ],
            );
        }
        for x in crate::metadata::rows::rows(&d.metadata) {
            let line = x.line.to_string();
            row(
                meta,
                [
                    src, &doc, x.element, &x.value, &x.date, &x.body, &x.text, &line,
                ],
            );
            row(
                all,
                [
                    "metadata", src, &doc, "", &line, "", "", "", "", "", "", "", "", &x.text, "",
                    x.element, &x.value, &x.date, &x.body,
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, process_bytes};

    #[test]
    fn metadata_table_has_a_row_per_element_item_and_event() {
        let text = "青川市人民政府关于加强河道保洁的通知\n青政发〔2024〕7号\n各区县人民政府，市政府各部门：\n现就有关事项通知如下。\n一、明确责任\n各区县负责，本通知自2024年4月1日起施行。\n青川市人民政府\n2024年3月8日\n";
        let r = rows(&process_bytes(
            "n.txt",
            text.as_bytes(),
            &Options::default(),
        ));
        let meta = String::from_utf8(r.tables[3].clone()).unwrap();
        assert_eq!(
            meta.lines().collect::<Vec<_>>(),
            vec![
                "n.txt,1,doc_number,青政发〔2024〕7号,,,青政发〔2024〕7号,2",
                "n.txt,1,issuer,青川市人民政府,,,青川市人民政府,7",
                "n.txt,1,addressees,各区县人民政府,,,各区县人民政府，市政府各部门：,3",
                "n.txt,1,addressees,市政府各部门,,,各区县人民政府，市政府各部门：,3",
                "n.txt,1,date,2024-03-08,2024-03-08,,2024年3月8日,8",
                "n.txt,1,event,effective,2024-04-01,,本通知自2024年4月1日起施行,6",
            ]
        );
        let all = String::from_utf8(r.combined).unwrap();
        assert!(all.lines().any(|l| l.starts_with("metadata,n.txt,1,,8,")
            && l.ends_with(",date,2024-03-08,2024-03-08,")));
    }

    fn record() -> Record {
        let text = "第一条　区民政局负责全区养老服务监管，街道办事处配合。\n\
                    第二条　未按规定履行监管职责的，给予通报批评，追究相关责任人员的责任。\n";
        process_bytes("a,b.txt", text.as_bytes(), &Options::default())
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn three_tables_with_headers_and_quoting() {
        let rows = rows(&record());
        let [resp, cond, sanc, _] = table_headers().map(|h| text(h.strip_prefix(BOM).unwrap()));
        assert_eq!(resp, "source,document,clause_path,line,holder,role,quote\n");
        assert_eq!(cond, "source,document,clause_path,line,kind,text\n");
        assert!(sanc.starts_with("source,document,clause_path,line,sanction,"));
        let [resp, cond, sanc, _] = rows.tables.map(|b| text(&b));
        // The file name holds a comma, so it is quoted.
        assert!(resp.starts_with("\"a,b.txt\",1,第一条,1,区民政局,负责,"));
        assert!(cond.contains("第二条,2,condition,未按规定"));
        assert!(
            sanc.lines()
                .any(|l| l.contains("通报批评,organisational,,false"))
        );
    }

    #[test]
    fn combined_table_names_each_row_and_its_columns_as_the_tables_do() {
        let header = text(combined_header().strip_prefix(BOM).unwrap());
        let names: Vec<&str> = header.trim_end().split(',').collect();
        for table in table_headers() {
            let t = text(table.strip_prefix(BOM).unwrap());
            for column in t.trim_end().split(',') {
                assert!(names.contains(&column), "{column} missing from {header}");
            }
        }
        let all = text(&rows(&record()).combined);
        let tables: Vec<&str> = all.lines().map(|l| l.split(',').next().unwrap()).collect();
        assert!(tables.contains(&"responsibility"));
        assert!(tables.contains(&"condition"));
        assert!(tables.contains(&"sanction"));
        // A responsibility's quote is in the `quote` column, as in responsibilities.csv.
        let field = |table: &[u8], rows: &[u8], column: &str| {
            let data = [table, rows].concat();
            let mut r = csv::Reader::from_reader(data.as_slice());
            let at = r
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == column)
                .unwrap();
            r.records().next().unwrap().unwrap()[at].to_string()
        };
        let r = rows(&record());
        let quote = field(&table_headers()[0], &r.tables[0], "quote");
        assert!(quote.contains("区民政局负责"), "{quote}");
        assert_eq!(field(&combined_header(), &r.combined, "quote"), quote);
        assert_eq!(field(&combined_header(), &r.combined, "text"), "");
    }
}
