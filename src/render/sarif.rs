//! SARIF 2.1.0: one log per run with the rule metadata of [`rules::RULES`], one result per
//! finding (columns in Unicode code points), and one tool-execution notification per input
//! that could not be processed. Built with the `serde-sarif` types.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use crate::lint::rules::{self, RULES};
use crate::model::{Diagnostic, Severity};

/// The SARIF 2.1.0 schema URI written into the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Collects the findings of a run and writes one SARIF log.
#[derive(Debug, Default)]
pub struct SarifLog {
    results: Vec<SarifResult>,
    failures: Vec<Notification>,
}

fn level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn level_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for an input path: `/` separators, everything outside the
/// unreserved set percent-encoded (CJK file names included).
pub fn path_uri(path: &str) -> String {
    let path = if path == "-" { "stdin" } else { path };
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl SarifLog {
    /// Add the findings of one input.
    pub fn add(&mut self, path: &str, diags: &[Diagnostic]) {
        let uri = path_uri(path);
        for d in diags {
            let mut region = Region::builder()
                .start_line(d.line as i64)
                .start_column(d.column as i64)
                .build();
            if let Some(f) = &d.found {
                region.end_column = Some((d.column + f.chars().count() as u64) as i64);
            }
            let location = Location::builder()
                .physical_location(
                    PhysicalLocation::builder()
                        .artifact_location(ArtifactLocation::builder().uri(uri.clone()).build())
                        .region(region)
                        .build(),
                )
                .build();
            let mut props = BTreeMap::new();
            for (k, v) in [
                ("expected", &d.expected),
                ("found", &d.found),
                ("standard", &d.standard),
                ("clausePath", &d.clause_path),
                ("profile", &d.profile),
            ] {
                if let Some(v) = v {
                    props.insert(k.to_string(), serde_json::Value::from(v.as_str()));
                }
            }
            if let Some(n) = d.document {
                props.insert("document".into(), n.into());
            }
            let mut r = SarifResult::builder()
                .message(Message::builder().text(d.message.clone()).build())
                .rule_id(d.rule.clone())
                .level(level(d.severity))
                .locations(vec![location])
                .properties(PropertyBag::builder().additional_properties(props).build())
                .build();
            if let Some(i) = RULES.iter().position(|r| r.name == d.rule) {
                r.rule_index = Some(i as i64);
            }
            self.results.push(r);
        }
    }

    /// Record an input that could not be processed.
    pub fn add_failure(&mut self, path: &str, message: &str) {
        let location = Location::builder()
            .physical_location(
                PhysicalLocation::builder()
                    .artifact_location(ArtifactLocation::builder().uri(path_uri(path)).build())
                    .build(),
            )
            .build();
        self.failures.push(
            Notification::builder()
                .message(Message::builder().text(message.to_string()).build())
                .level(serde_json::Value::from("error"))
                .locations(vec![location])
                .build(),
        );
    }

    /// The finished log.
    pub fn finish(self) -> Sarif {
        let rules: Vec<ReportingDescriptor> = RULES
            .iter()
            .map(|r| {
                let mut props = BTreeMap::new();
                if !r.standard.is_empty() {
                    props.insert("standard".to_string(), r.standard.into());
                }
                ReportingDescriptor::builder()
                    .id(r.name)
                    .name(rule_name(r))
                    .short_description(
                        MultiformatMessageString::builder()
                            .text(r.summary.to_string())
                            .build(),
                    )
                    .full_description(
                        MultiformatMessageString::builder()
                            .text(if r.standard.is_empty() {
                                r.summary.to_string()
                            } else {
                                format!("{} ({})", r.summary, r.standard)
                            })
                            .build(),
                    )
                    .default_configuration(
                        ReportingConfiguration::builder()
                            .level(serde_json::Value::from(level_name(r.severity)))
                            .build(),
                    )
                    .properties(
                        PropertyBag::builder()
                            .tags(vec!["numbering".to_string()])
                            .additional_properties(props)
                            .build(),
                    )
                    .build()
            })
            .collect();
        let driver = ToolComponent::builder()
            .name("gongwen")
            .version(env!("CARGO_PKG_VERSION"))
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .information_uri("https://crates.io/crates/gongwen")
            .rules(rules)
            .build();
        let mut invocation = Invocation::builder()
            .execution_successful(self.failures.is_empty())
            .build();
        if !self.failures.is_empty() {
            invocation.tool_execution_notifications = Some(self.failures);
        }
        let run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .results(self.results)
            .invocations(vec![invocation])
            .column_kind(serde_json::Value::from("unicodeCodePoints"))
            .build();
        Sarif::builder()
            .schema(SCHEMA_URI)
            .version(serde_json::Value::from("2.1.0"))
            .runs(vec![run])
            .build()
    }
}

/// A rule's PascalCase name (SARIF viewers show it beside the id).
fn rule_name(r: &rules::RuleInfo) -> String {
    r.name
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_is_percent_encoded() {
        assert_eq!(path_uri("docs/a b.txt"), "docs/a%20b.txt");
        assert_eq!(path_uri("通知.txt"), "%E9%80%9A%E7%9F%A5.txt");
        assert_eq!(path_uri("-"), "stdin");
    }

    #[test]
    fn log_has_rules_results_and_column_kind() {
        let mut log = SarifLog::default();
        let d = Diagnostic {
            path: None,
            rule: "numbering-gap".into(),
            severity: Severity::Error,
            message: "m".into(),
            line: 3,
            column: 2,
            expected: Some("（二）".into()),
            found: Some("（三）".into()),
            standard: None,
            document: Some(1),
            clause_path: None,
            profile: None,
            locator: None,
        };
        log.add("a.txt", &[d]);
        let v = serde_json::to_value(log.finish()).unwrap();
        let run = &v["runs"][0];
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(
            run["tool"]["driver"]["rules"].as_array().unwrap().len(),
            RULES.len()
        );
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "numbering-gap");
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["level"], "error");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], 3);
        assert_eq!(region["startColumn"], 2);
        assert_eq!(region["endColumn"], 5);
    }
}
