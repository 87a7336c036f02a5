//! `check --format json`: one diagnostic per line, with the input path and the document's
//! profile, as the contract's DIAGNOSTIC (`schemas/diagnostic.schema.json`).

use crate::model::Diagnostic;

/// Append the line for `d` (whose `path` is set), with its newline, to `out`.
pub fn write_line(out: &mut Vec<u8>, d: &Diagnostic) {
    // Serialising plain data into a vector does not fail.
    let _ = serde_json::to_writer(&mut *out, d);
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rule, Severity};

    #[test]
    fn carries_path_and_contract_fields() {
        let d = Diagnostic {
            path: Some("b\"\\.txt".into()),
            rule: Rule::NumberingGap,
            severity: Severity::Error,
            message: "m".into(),
            line: 4,
            column: 2,
            expected: Some("（二）".into()),
            found: Some("（三）".into()),
            standard: Some("GB/T 9704-2012 7.3.3".into()),
            document: Some(1),
            clause_path: None,
            profile: Some("gongwen".into()),
            locator: None,
        };
        let mut out = Vec::new();
        write_line(&mut out, &d);
        assert_eq!(out.pop(), Some(b'\n'));
        assert!(!out.contains(&b'\n'));
        assert!(out.starts_with(br#"{"path":"b\"\\.txt","rule":"numbering-gap","#));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["severity"], "error");
        assert_eq!(v["line"], 4);
        assert_eq!(v["column"], 2);
        assert_eq!(v["expected"], "（二）");
        assert_eq!(v["found"], "（三）");
        assert_eq!(v["profile"], "gongwen");
        assert!(v.get("clause_path").is_none());
    }
}
