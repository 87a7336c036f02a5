//! JSON Lines: one diagnostic per line, with the input path, as the contract's DIAGNOSTIC.

use crate::model::Diagnostic;

/// One line (without the newline) for `d` found in `path`.
pub fn line(path: &str, d: &Diagnostic) -> String {
    let mut out = Vec::new();
    crate::json::diagnostic_line(&mut out, path, d);
    String::from_utf8(out).unwrap_or_default()
}

/// Append the line for `d` found in `path`, with its newline, to `out`.
pub fn write_line(out: &mut Vec<u8>, path: &str, d: &Diagnostic) {
    crate::json::diagnostic_line(out, path, d);
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    #[test]
    fn carries_path_and_contract_fields() {
        let d = Diagnostic {
            path: None,
            rule: "numbering-gap".into(),
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
        let mut with_path = d.clone();
        with_path.path = Some("a.txt".into());
        assert_eq!(
            line("a.txt", &d),
            serde_json::to_string(&with_path).unwrap()
        );
        let mut lines = Vec::new();
        write_line(&mut lines, "b\"\\.txt", &with_path);
        with_path.path = Some("b\"\\.txt".into());
        assert_eq!(
            lines,
            [serde_json::to_vec(&with_path).unwrap(), b"\n".to_vec()].concat()
        );
        let v: serde_json::Value = serde_json::from_str(&line("a.txt", &d)).unwrap();
        assert_eq!(v["path"], "a.txt");
        assert_eq!(v["rule"], "numbering-gap");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["line"], 4);
        assert_eq!(v["column"], 2);
        assert_eq!(v["expected"], "（二）");
        assert_eq!(v["found"], "（三）");
    }
}
