//! The published JSON Schemas (`schemas/`) against the Rust output types and real output.
//!
//! The schemas are generated from `gongwen::model` with schemars; the committed files must
//! equal freshly generated ones. After changing an output type, regenerate them with
//!
//!     GONGWEN_BLESS=1 cargo test schemas
//!
//! and bump `SCHEMA_VERSION` as the contract says.

use std::path::{Path, PathBuf};

use gongwen::model::{Diagnostic, Record};
use gongwen::pipeline::{Options, process_bytes};
use jsonschema::Validator;
use serde_json::Value;

use crate::corpus::fixture_files;

/// A committed schema file and what it is generated from.
struct SchemaFile {
    file: &'static str,
    generate: fn() -> schemars::Schema,
}

const SCHEMAS: &[SchemaFile] = &[
    SchemaFile {
        file: "record.schema.json",
        generate: || schemars::schema_for!(Record),
    },
    SchemaFile {
        file: "diagnostic.schema.json",
        generate: || schemars::schema_for!(Diagnostic),
    },
];

fn schema_path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(file)
}

/// Pretty-printed JSON with a trailing newline, as committed.
fn render(schema: &schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).expect("a schema serialises");
    s.push('\n');
    s
}

#[test]
fn schemas_match_the_output_types() {
    let bless = std::env::var_os("GONGWEN_BLESS").is_some_and(|v| v == "1");
    let mut drifted = Vec::new();
    for s in SCHEMAS {
        let path = schema_path(s.file);
        let fresh = render(&(s.generate)());
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == fresh {
            continue;
        }
        if bless {
            std::fs::create_dir_all(path.parent().expect("schemas/ has a parent"))
                .expect("create schemas/");
            std::fs::write(&path, &fresh).expect("write the schema");
            eprintln!("rewrote schemas/{}", s.file);
        } else {
            drifted.push(format!("schemas/{}", s.file));
        }
    }
    assert!(
        drifted.is_empty(),
        "{} no longer match(es) the types in src/model.rs.\n\
         Regenerate with `GONGWEN_BLESS=1 cargo test schemas`, review the diff, bump \
         SCHEMA_VERSION if the JSON shape changed, and commit.",
        drifted.join(", ")
    );
}

/// A validator for a committed schema as published (strict by itself: see
/// [`published_schemas_are_strict`]). While blessing, the fresh schema is used (the
/// committed file may be rewritten meanwhile).
fn strict_validator(file: &str) -> Validator {
    jsonschema::validator_for(&schema_value(file)).expect("committed schema is a valid JSON Schema")
}

fn schema_value(file: &str) -> Value {
    let bless = std::env::var_os("GONGWEN_BLESS").is_some_and(|v| v == "1");
    let text = match SCHEMAS.iter().find(|s| s.file == file) {
        Some(s) if bless => render(&(s.generate)()),
        _ => std::fs::read_to_string(schema_path(file)).expect("committed schema is readable"),
    };
    serde_json::from_str(&text).expect("committed schema is JSON")
}

/// Paths of the object schemas under `v` that list properties but allow others.
fn lenient_objects(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties")
                && map.get("additionalProperties") != Some(&Value::Bool(false))
            {
                out.push(at.to_string());
            }
            for (k, v) in map {
                lenient_objects(v, &format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                lenient_objects(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The README promises strict schemas: every object says `additionalProperties: false`,
/// so a field the schema does not describe fails validation.
#[test]
fn published_schemas_are_strict() {
    for s in SCHEMAS {
        let mut lenient = Vec::new();
        lenient_objects(&schema_value(s.file), "#", &mut lenient);
        assert!(
            lenient.is_empty(),
            "schemas/{} allows unknown fields at {lenient:?}",
            s.file
        );
    }
}

/// The `const` values of a `oneOf` enumeration in the record schema's `$defs`.
fn enumerated(schema: &Value, def: &str) -> Vec<String> {
    schema["$defs"][def]["oneOf"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|k| k["const"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The contract's enumerations are enumerated in the schemas (a new value is a MINOR
/// change the schema shows; an unknown one fails validation).
#[test]
fn schemas_enumerate_error_kinds_stages_and_rules() {
    let record = schema_value("record.schema.json");
    assert_eq!(
        enumerated(&record, "ErrorKind"),
        [
            "io",
            "decode",
            "binary",
            "unsupported-format",
            "malformed",
            "no-text",
            "too-large",
            "timeout",
            "panic",
            "request"
        ]
    );
    assert!(enumerated(&record, "Stage").contains(&"decode".to_string()));
    let diagnostic = schema_value("diagnostic.schema.json");
    let rules = enumerated(&diagnostic, "Rule");
    for r in gongwen::lint::rules::RULES {
        assert!(rules.contains(&r.name().to_string()), "{r}");
    }
    assert_eq!(rules.len(), gongwen::lint::rules::RULES.len());
}

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at {}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_corpus_record_validates() {
    let records = strict_validator("record.schema.json");
    let diagnostics = strict_validator("diagnostic.schema.json");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = fixture_files();
    assert!(!files.is_empty(), "corpus/ is empty");
    // Spelled this way so that options added later keep their defaults here.
    #[allow(clippy::needless_update)]
    let with_tokens = Options {
        tokens: true,
        ..Options::default()
    };
    let mut failures = Vec::new();
    let (mut checked, mut errored) = (0, 0);
    for file in &files {
        let label = file
            .strip_prefix(root)
            .unwrap_or(file)
            .display()
            .to_string();
        let bytes = std::fs::read(file).expect("corpus file is readable");
        for opts in [&Options::default(), &with_tokens] {
            let record = process_bytes(&label, &bytes, opts);
            errored += usize::from(record.error.is_some());
            let value = serde_json::to_value(&record).expect("a record serialises");
            for e in errors(&records, &value) {
                failures.push(format!("{label} (tokens: {}): record {e}", opts.tokens));
            }
            // `check --format json` prints each diagnostic with the input path.
            for doc in &record.documents {
                for d in &doc.diagnostics {
                    let mut d = d.clone();
                    d.path = Some(label.clone());
                    let value = serde_json::to_value(&d).expect("a diagnostic serialises");
                    for e in errors(&diagnostics, &value) {
                        failures.push(format!("{label}: diagnostic {e}"));
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(errored > 0, "the corpus should hold error records too");
    assert!(
        failures.is_empty(),
        "{} schema violation(s) in {checked} records:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_record_schema_rejects_a_wrong_record() {
    let validator = strict_validator("record.schema.json");
    let record = process_bytes("x.txt", "一、总则\n".as_bytes(), &Options::default());
    let good = serde_json::to_value(&record).expect("a record serialises");
    assert!(good["documents"][0]["clauses"][0].is_object());
    assert_eq!(errors(&validator, &good), Vec::<String>::new());

    let mut bad_status = good.clone();
    bad_status["status"] = "maybe".into();
    assert!(!validator.is_valid(&bad_status));

    let mut unknown_field = good.clone();
    unknown_field["documents"][0]["clauses"][0]["colour"] = "red".into();
    assert!(!validator.is_valid(&unknown_field));

    let mut unknown_kind = good.clone();
    unknown_kind["status"] = "error".into();
    unknown_kind["error"] = serde_json::json!({"kind": "mystery", "stage": "read", "message": "m"});
    assert!(!validator.is_valid(&unknown_kind));
    unknown_kind["error"]["kind"] = "io".into();
    assert_eq!(errors(&validator, &unknown_kind), Vec::<String>::new());

    let mut missing_path = good;
    missing_path["documents"][0]["clauses"][0]
        .as_object_mut()
        .expect("a clause is an object")
        .remove("path");
    assert!(!validator.is_valid(&missing_path));
}

/// The fields the external contract names (../shared/spec/contract.md) must stay in the
/// published schema: a removed or renamed one is a MAJOR change, not a quiet regeneration.
#[test]
fn contract_fields_are_published() {
    const CONTRACT: &[(&str, &[&str])] = &[
        (
            "",
            &[
                "schema_version",
                "id",
                "source",
                "status",
                "error",
                "documents",
            ],
        ),
        (
            "Source",
            &[
                "path",
                "bytes",
                "sha256",
                "encoding",
                "encoding_confidence",
                "decode_errors",
            ],
        ),
        (
            "Document",
            &[
                "title",
                "line_start",
                "line_end",
                "clauses",
                "responsibilities",
                "accountability",
                "diagnostics",
            ],
        ),
        (
            "Clause",
            &[
                "marker",
                "number",
                "style",
                "level",
                "path",
                "line",
                "column",
                "inline",
                "heading",
                "text",
                "byte_start",
                "byte_end",
                "children",
            ],
        ),
        (
            "Responsibility",
            &["holder", "role", "clause_path", "quote", "line"],
        ),
        ("Accountability", &["conditions", "sanctions"]),
        ("Condition", &["clause_path", "text", "kind", "line"]),
        (
            "Sanction",
            &[
                "sanction",
                "category",
                "penalty_kind",
                "imposed",
                "target",
                "clause_path",
                "quote",
                "line",
            ],
        ),
        (
            "Diagnostic",
            &[
                "rule", "severity", "message", "line", "column", "expected", "found",
            ],
        ),
    ];
    let text = std::fs::read_to_string(schema_path("record.schema.json"))
        .expect("committed schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("committed schema is JSON");
    let mut missing = Vec::new();
    for (def, fields) in CONTRACT {
        let object = if def.is_empty() {
            &schema
        } else {
            &schema["$defs"][def]
        };
        for field in *fields {
            if object["properties"].get(field).is_none() {
                missing.push(format!(
                    "{}.{field}",
                    if def.is_empty() { "Record" } else { def }
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "contract fields missing from schemas/record.schema.json: {}",
        missing.join(", ")
    );
    let kinds: Vec<&str> = schema["$defs"]["ConditionKind"]["oneOf"]
        .as_array()
        .map(|v| v.iter().filter_map(|k| k["const"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        kinds,
        ["condition", "aggravating", "exemption", "catch_all"]
    );
    // The enumerations of schema 2.0: roles, sanction categories and penalty kinds, each
    // exactly the contract's names.
    let consts = |def: &str| -> Vec<String> {
        schema["$defs"][def]["oneOf"]
            .as_array()
            .map(|v| {
                v.iter()
                    .filter_map(|k| k["const"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        consts("Role"),
        [
            "第一责任人",
            "主体责任",
            "监督责任",
            "全面领导责任",
            "主要领导责任",
            "重要领导责任",
            "领导责任",
            "主要责任",
            "直接责任",
            "相关责任",
            "责任主体",
            "一岗双责",
            "牵头",
            "配合",
            "指导",
            "负责",
            "问责对象"
        ]
    );
    assert_eq!(
        consts("SanctionCategory"),
        [
            "party-discipline",
            "governmental",
            "organisational",
            "administrative-penalty",
            "criminal",
            "civil",
            "other"
        ]
    );
    assert_eq!(
        consts("PenaltyKind"),
        [
            "reputational",
            "property",
            "qualification",
            "conduct",
            "liberty"
        ]
    );
}
