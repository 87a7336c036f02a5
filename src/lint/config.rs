//! Lint configuration: the profile override and per-rule levels, from command-line flags
//! and/or a `gongwen.toml` file:
//!
//! ```toml
//! profile = "gongwen"        # optional: gongwen | statute | party-rule | generic
//! deny-warnings = false      # optional: warnings count as errors
//!
//! [rules]
//! numbering-start = "warn"   # allow | info | warn | deny
//! heading-punctuation = "allow"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use super::profile::Profile;
use crate::model::{Diagnostic, Rule, Severity};

/// What to do with a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Drop the findings.
    #[serde(alias = "off")]
    Allow,
    /// Report as info.
    Info,
    /// Report as warning.
    #[serde(alias = "warning")]
    Warn,
    /// Report as error.
    #[serde(alias = "error")]
    Deny,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Info => Some(Severity::Info),
            Level::Warn => Some(Severity::Warning),
            Level::Deny => Some(Severity::Error),
        }
    }
}

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file is not valid TOML of the expected shape.
    #[error("invalid configuration: {0}")]
    Toml(#[from] toml::de::Error),
    /// A rule name that no rule has.
    #[error("unknown rule `{0}` (see `gongwen check --list-rules`)")]
    UnknownRule(String),
}

/// Lint settings for a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Use this profile for every document instead of choosing one per document.
    pub profile: Option<Profile>,
    /// Per-rule levels; rules not named keep their default severity.
    pub levels: BTreeMap<Rule, Level>,
    /// Warnings count as errors.
    pub deny_warnings: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    profile: Option<Profile>,
    #[serde(default)]
    deny_warnings: bool,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
}

impl Config {
    /// Parse a `gongwen.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let f: File = toml::from_str(text)?;
        let mut c = Config {
            profile: f.profile,
            levels: BTreeMap::new(),
            deny_warnings: f.deny_warnings,
        };
        for (rule, level) in f.rules {
            c.set(&rule, level)?;
        }
        Ok(c)
    }

    /// Set the level of the rule named `rule` (a later call wins).
    pub fn set(&mut self, rule: &str, level: Level) -> Result<(), ConfigError> {
        let rule: Rule = rule
            .parse()
            .map_err(|_| ConfigError::UnknownRule(rule.to_string()))?;
        self.levels.insert(rule, level);
        Ok(())
    }

    /// The severity findings of `rule` get, or `None` when the rule is switched off.
    pub fn severity(&self, rule: Rule, default: Severity) -> Option<Severity> {
        let sev = match self.levels.get(&rule) {
            Some(l) => l.severity()?,
            None => default,
        };
        Some(if self.deny_warnings && sev == Severity::Warning {
            Severity::Error
        } else {
            sev
        })
    }

    /// Re-level or drop findings according to this configuration.
    pub fn apply(&self, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diags
            .into_iter()
            .filter_map(|mut d| {
                let sev = self.severity(d.rule, d.severity)?;
                // Notes (info) that go with a finding stay notes.
                if d.severity != Severity::Info {
                    d.severity = sev;
                }
                Some(d)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_sets_profile_and_levels() {
        let c = Config::from_toml(
            "profile = \"statute\"\ndeny-warnings = true\n[rules]\nnumbering-start = \"warn\"\nmixed-style = \"allow\"\n",
        )
        .unwrap();
        assert_eq!(c.profile, Some(Profile::Statute));
        assert_eq!(
            c.severity(Rule::NumberingStart, Severity::Error),
            Some(Severity::Error)
        );
        assert_eq!(c.severity(Rule::MixedStyle, Severity::Warning), None);
        assert_eq!(
            c.severity(Rule::LevelSkip, Severity::Warning),
            Some(Severity::Error)
        );
    }

    #[test]
    fn unknown_rule_is_an_error() {
        assert!(matches!(
            Config::from_toml("[rules]\nnumbering-gapp = \"allow\"\n"),
            Err(ConfigError::UnknownRule(_))
        ));
        assert!(Config::from_toml("[rules]\nnumbering-gap = \"sometimes\"\n").is_err());
    }
}
