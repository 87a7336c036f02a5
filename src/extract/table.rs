//! The analyst's view of extraction: four CSV tables — responsibilities (a 责任清单),
//! accountability conditions, sanctions and the documents' metadata (发文字号, 成文日期,
//! 主送机关 …, a statute's events) — built from output [`Record`]s, one row per entry, each
//! naming its input file and document.
//!
//! Either four separate tables (`responsibilities.csv`, `conditions.csv`,
//! `sanctions.csv`, `metadata.csv`) or one combined table whose first column `table` says
//! which of the four a row belongs to (a metadata row has the element's name under `kind`
//! and its value under `text`).

use crate::model::{ConditionKind, Record};

/// File names of the four tables, in the order [`Tables::into_files`] returns them.
pub const FILES: [&str; 4] = [
    "responsibilities.csv",
    "conditions.csv",
    "sanctions.csv",
    "metadata.csv",
];

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
    "target",
    "quote",
];
const META_HEADER: &[&str] = &[
    "source", "document", "element", "value", "date", "body", "text", "line",
];
const ALL_HEADER: &[&str] = &[
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
    "target",
    "text",
];

/// The three tables and the combined one, filled record by record.
#[derive(Debug)]
pub struct Tables {
    resp: csv::Writer<Vec<u8>>,
    cond: csv::Writer<Vec<u8>>,
    sanc: csv::Writer<Vec<u8>>,
    meta: csv::Writer<Vec<u8>>,
    all: csv::Writer<Vec<u8>>,
}

impl Default for Tables {
    fn default() -> Self {
        Self::new()
    }
}

fn kind_name(k: ConditionKind) -> &'static str {
    match k {
        ConditionKind::Condition => "condition",
        ConditionKind::Aggravating => "aggravating",
        ConditionKind::Exemption => "exemption",
        ConditionKind::CatchAll => "catch_all",
    }
}

impl Tables {
    /// Empty tables with their header rows.
    pub fn new() -> Tables {
        let writer = |header: &[&str]| {
            let mut w = csv::Writer::from_writer(Vec::new());
            // Writing into a Vec cannot fail.
            let _ = w.write_record(header);
            w
        };
        Tables {
            resp: writer(RESP_HEADER),
            cond: writer(COND_HEADER),
            sanc: writer(SANC_HEADER),
            meta: writer(META_HEADER),
            all: writer(ALL_HEADER),
        }
    }

    /// Add the rows of one record (an error record adds none).
    pub fn add(&mut self, r: &Record) -> csv::Result<()> {
        let src = r.source.path.as_str();
        for (i, d) in r.documents.iter().enumerate() {
            let doc = (i + 1).to_string();
            for x in &d.responsibilities {
                let line = x.line.to_string();
                let path = x.clause_path.as_str();
                self.resp
                    .write_record([src, &doc, path, &line, &x.holder, &x.role, &x.quote])?;
                self.all.write_record([
                    "responsibility",
                    src,
                    &doc,
                    path,
                    &line,
                    &x.holder,
                    &x.role,
                    "",
                    "",
                    "",
                    "",
                    &x.quote,
                ])?;
            }
            for x in &d.accountability.conditions {
                let line = x.line.to_string();
                let kind = kind_name(x.kind);
                let path = x.clause_path.as_str();
                self.cond
                    .write_record([src, &doc, path, &line, kind, &x.text])?;
                self.all.write_record([
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
                    &x.text,
                ])?;
            }
            for x in &d.accountability.sanctions {
                let line = x.line.to_string();
                let target = x.target.as_deref().unwrap_or("");
                let path = x.clause_path.as_str();
                self.sanc.write_record([
                    src,
                    &doc,
                    path,
                    &line,
                    &x.sanction,
                    &x.category,
                    target,
                    &x.quote,
                ])?;
                self.all.write_record([
                    "sanction",
                    src,
                    &doc,
                    path,
                    &line,
                    "",
                    "",
                    "",
                    &x.sanction,
                    &x.category,
                    target,
                    &x.quote,
                ])?;
            }
            for x in crate::metadata::rows::rows(&d.metadata) {
                let line = x.line.to_string();
                self.meta.write_record([
                    src, &doc, x.element, &x.value, &x.date, &x.body, &x.text, &line,
                ])?;
                self.all.write_record([
                    "metadata", src, &doc, "", &line, "", "", x.element, "", "", "", &x.value,
                ])?;
            }
        }
        Ok(())
    }

    /// The four tables' bytes, in the order of [`FILES`].
    pub fn into_files(self) -> [Vec<u8>; 4] {
        let bytes = |w: csv::Writer<Vec<u8>>| w.into_inner().unwrap_or_default();
        [
            bytes(self.resp),
            bytes(self.cond),
            bytes(self.sanc),
            bytes(self.meta),
        ]
    }

    /// The combined table's bytes.
    pub fn into_combined(self) -> Vec<u8> {
        self.all.into_inner().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, process_bytes};

    fn record() -> Record {
        let text = "第一条　区民政局负责全区养老服务监管，街道办事处配合。\n\
                    第二条　未按规定履行监管职责的，给予通报批评，追究相关责任人员的责任。\n";
        process_bytes("a,b.txt", text.as_bytes(), &Options::default())
    }

    #[test]
    fn three_tables_with_headers_and_quoting() {
        let mut t = Tables::new();
        t.add(&record()).unwrap();
        let [resp, cond, sanc, _] = t.into_files().map(|b| String::from_utf8(b).unwrap());
        let mut lines = resp.lines();
        assert_eq!(
            lines.next(),
            Some("source,document,clause_path,line,holder,role,quote")
        );
        // The file name holds a comma, so it is quoted.
        assert!(
            lines
                .next()
                .unwrap()
                .starts_with("\"a,b.txt\",1,第一条,1,区民政局,负责,")
        );
        assert!(
            cond.lines()
                .nth(1)
                .unwrap()
                .contains("第二条,2,condition,未按规定")
        );
        assert!(sanc.lines().any(|l| l.contains("通报批评,criticism")));
    }

    #[test]
    fn metadata_table_has_a_row_per_element_item_and_event() {
        let text = "青川市人民政府关于加强河道保洁的通知\n青政发〔2024〕7号\n各区县人民政府，市政府各部门：\n现就有关事项通知如下。\n一、明确责任\n各区县负责，本通知自2024年4月1日起施行。\n青川市人民政府\n2024年3月8日\n";
        let mut t = Tables::new();
        t.add(&process_bytes(
            "n.txt",
            text.as_bytes(),
            &Options::default(),
        ))
        .unwrap();
        let [.., meta] = t.into_files().map(|b| String::from_utf8(b).unwrap());
        let rows: Vec<&str> = meta.lines().collect();
        assert_eq!(
            rows,
            vec![
                "source,document,element,value,date,body,text,line",
                "n.txt,1,doc_number,青政发〔2024〕7号,,,青政发〔2024〕7号,2",
                "n.txt,1,issuer,青川市人民政府,,,青川市人民政府,7",
                "n.txt,1,addressees,各区县人民政府,,,各区县人民政府，市政府各部门：,3",
                "n.txt,1,addressees,市政府各部门,,,各区县人民政府，市政府各部门：,3",
                "n.txt,1,date,2024-03-08,2024-03-08,,2024年3月8日,8",
                "n.txt,1,event,effective,2024-04-01,,本通知自2024年4月1日起施行,6",
            ]
        );
    }

    #[test]
    fn combined_table_names_each_row() {
        let mut t = Tables::new();
        t.add(&record()).unwrap();
        let all = String::from_utf8(t.into_combined()).unwrap();
        let tables: Vec<&str> = all
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert!(tables.contains(&"responsibility"));
        assert!(tables.contains(&"condition"));
        assert!(tables.contains(&"sanction"));
        assert!(all.starts_with("table,source,"));
    }
}
