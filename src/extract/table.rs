//! The analyst's view of extraction: three CSV tables — responsibilities (a 责任清单),
//! accountability conditions and sanctions — built from output [`Record`]s, one row per
//! entry, each naming its input file, document and clause.
//!
//! Either three separate tables (`responsibilities.csv`, `conditions.csv`,
//! `sanctions.csv`) or one combined table whose first column `table` says which of the
//! three a row belongs to.

use crate::model::{ConditionKind, Record};

/// File names of the three tables, in the order [`Tables::into_files`] returns them.
pub const FILES: [&str; 3] = ["responsibilities.csv", "conditions.csv", "sanctions.csv"];

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
    "penalty_kind",
    "imposed",
    "target",
    "text",
];

/// The three tables and the combined one, filled record by record.
#[derive(Debug)]
pub struct Tables {
    resp: csv::Writer<Vec<u8>>,
    cond: csv::Writer<Vec<u8>>,
    sanc: csv::Writer<Vec<u8>>,
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
                let role = x.role.as_str();
                self.resp
                    .write_record([src, &doc, path, &line, &x.holder, role, &x.quote])?;
                self.all.write_record([
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
                    "",
                    "",
                    &x.text,
                ])?;
            }
            for x in &d.accountability.sanctions {
                let line = x.line.to_string();
                let target = x.target.as_deref().unwrap_or("");
                let path = x.clause_path.as_str();
                let category = x.category.as_str();
                let kind = x.penalty_kind.map_or("", |k| k.as_str());
                let imposed = if x.imposed { "true" } else { "false" };
                self.sanc.write_record([
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
                    category,
                    kind,
                    imposed,
                    target,
                    &x.quote,
                ])?;
            }
        }
        Ok(())
    }

    /// The three tables' bytes, in the order of [`FILES`].
    pub fn into_files(self) -> [Vec<u8>; 3] {
        let bytes = |w: csv::Writer<Vec<u8>>| w.into_inner().unwrap_or_default();
        [bytes(self.resp), bytes(self.cond), bytes(self.sanc)]
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
        let [resp, cond, sanc] = t.into_files().map(|b| String::from_utf8(b).unwrap());
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
        assert!(
            sanc.lines()
                .any(|l| l.contains("通报批评,organisational,,false"))
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
