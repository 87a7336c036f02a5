//! SARIF 2.1.0: one log per run with the rule metadata of [`rules::RULES`], one result per
//! finding (columns in Unicode code points), and one tool-execution notification per input
//! that could not be processed. Built with the `serde-sarif` types.
//!
//! Artifact URIs are relative to the folder the run started in, named by the base id
//! [`SRCROOT`] whose absolute URI is in `originalUriBaseIds`, so the log reads the same on
//! every machine; only a path outside that folder gets an absolute `file:` URI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use crate::lint::rules::{self, RULES};
use crate::model::{Diagnostic, Rule, Severity};

/// The SARIF 2.1.0 schema URI written into the log.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base id relative artifact URIs are resolved against: the run's working folder.
pub const SRCROOT: &str = "SRCROOT";

/// Collects the findings of a run and writes one SARIF log.
#[derive(Debug, Default)]
pub struct SarifLog {
    /// The folder relative input paths are relative to (the working folder).
    base: Option<PathBuf>,
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

/// `s` percent-encoded for a URI path: everything outside the unreserved set and `/`
/// (CJK file names included).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `path` as an absolute `file:` URI (a folder's ends in `/`).
fn file_uri(path: &Path, folder: bool) -> String {
    let mut p = path.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if folder && !p.ends_with('/') {
        p.push('/');
    }
    format!("file://{}", encode(&p))
}

/// The artifact location of an input path: relative to `base` (with [`SRCROOT`]) when it
/// can be, else an absolute `file:` URI; standard input is `stdin`.
pub fn artifact_location(path: &str, base: Option<&Path>) -> ArtifactLocation {
    if path == "-" {
        return ArtifactLocation::builder().uri("stdin").build();
    }
    let p = Path::new(path);
    let relative = if p.is_absolute() {
        base.and_then(|b| p.strip_prefix(b).ok())
    } else {
        Some(p)
    };
    match relative {
        Some(r) => {
            let r = r.to_string_lossy().replace('\\', "/");
            let r = r.trim_start_matches("./");
            ArtifactLocation::builder()
                .uri(encode(r))
                .uri_base_id(SRCROOT)
                .build()
        }
        None => ArtifactLocation::builder().uri(file_uri(p, false)).build(),
    }
}

impl SarifLog {
    /// A log for a run whose relative paths are relative to `base` (the working folder).
    pub fn new(base: Option<PathBuf>) -> SarifLog {
        SarifLog {
            base,
            ..SarifLog::default()
        }
    }

    /// Add the findings of one input.
    pub fn add(&mut self, path: &str, diags: &[Diagnostic]) {
        let artifact = artifact_location(path, self.base.as_deref());
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
                        .artifact_location(artifact.clone())
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
                .rule_id(d.rule.name())
                .level(level(d.severity))
                .locations(vec![location])
                .properties(PropertyBag::builder().additional_properties(props).build())
                .build();
            if let Some(i) = RULES.iter().position(|&r| r == d.rule) {
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
                    .artifact_location(artifact_location(path, self.base.as_deref()))
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
            .map(|&rule| {
                let r = rules::info(rule);
                let standard = r.standard.text();
                let mut props = BTreeMap::new();
                if !standard.is_empty() {
                    props.insert("standard".to_string(), standard.into());
                }
                ReportingDescriptor::builder()
                    .id(rule.name())
                    .name(rule_name(rule))
                    .short_description(
                        MultiformatMessageString::builder()
                            .text(r.summary.to_string())
                            .build(),
                    )
                    .full_description(
                        MultiformatMessageString::builder()
                            .text(if standard.is_empty() {
                                r.summary.to_string()
                            } else {
                                format!("{} ({standard})", r.summary)
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
        let mut run = Run::builder()
            .tool(Tool::builder().driver(driver).build())
            .results(self.results)
            .invocations(vec![invocation])
            .column_kind(serde_json::Value::from("unicodeCodePoints"))
            .build();
        if let Some(base) = &self.base {
            let root = ArtifactLocation::builder()
                .uri(file_uri(base, true))
                .build();
            run.original_uri_base_ids = Some(BTreeMap::from([(SRCROOT.to_string(), root)]));
        }
        Sarif::builder()
            .schema(SCHEMA_URI)
            .version(serde_json::Value::from("2.1.0"))
            .runs(vec![run])
            .build()
    }
}

/// A rule's PascalCase name (SARIF viewers show it beside the id).
fn rule_name(r: Rule) -> String {
    r.name()
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
    fn uris_are_relative_to_the_base_and_percent_encoded() {
        let base = Path::new("/work/run");
        let at = |p: &str| {
            let a = artifact_location(p, Some(base));
            (a.uri.unwrap_or_default(), a.uri_base_id)
        };
        let root = Some(SRCROOT.to_string());
        assert_eq!(at("docs/a b.txt"), ("docs/a%20b.txt".into(), root.clone()));
        assert_eq!(
            at("./通知.txt"),
            ("%E9%80%9A%E7%9F%A5.txt".into(), root.clone())
        );
        assert_eq!(at("/work/run/docs/x.txt"), ("docs/x.txt".into(), root));
        assert_eq!(
            at("/elsewhere/y.txt"),
            ("file:///elsewhere/y.txt".into(), None)
        );
        assert_eq!(at("-"), ("stdin".into(), None));
    }

    #[test]
    fn log_has_rules_results_and_column_kind() {
        let mut log = SarifLog::new(Some(PathBuf::from("/work/run")));
        let d = Diagnostic {
            path: None,
            rule: Rule::NumberingGap,
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
        let artifact = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], "a.txt");
        assert_eq!(artifact["uriBaseId"], SRCROOT);
        assert_eq!(
            run["originalUriBaseIds"][SRCROOT]["uri"],
            "file:///work/run/"
        );
    }
}
