//! The rule registry: every rule's name, default severity, the standard clause it rests
//! on and a one-line summary. The SARIF printer and `--list-rules` read this table.

use super::profile::Profile;
use crate::model::Severity;

/// What a rule is and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Rule name as it appears in findings (`numbering-gap`, …).
    pub name: &'static str,
    /// Severity when no flag or config file changes it.
    pub severity: Severity,
    /// The standard clause the rule rests on.
    pub standard: &'static str,
    /// One-line description.
    pub summary: &'static str,
}

/// GB/T 9704-2012 §7.3.3: the ladder 一、→（一）→1.→（1）.
pub const GB9704_LADDER: &str = "GB/T 9704-2012 7.3.3";
/// GB/T 15834-2011 B.3: punctuation after ordinal markers (序次语).
pub const GB15834_MARKERS: &str = "GB/T 15834-2011 B.3";
/// GB/T 15834-2011 on the full stop (句号) at the end of sentences, not of stand-alone headings.
pub const GB15834_PERIOD: &str = "GB/T 15834-2011 4.1";
/// 立法法 on the numbering of 编、章、节、条、款、项、目.
pub const LIFAFA: &str = "《立法法》第六十五条";
/// The party-rule drafting regulation on 编、章、节、条、款、项、目.
pub const PARTY_RULES: &str = "《中国共产党党内法规制定条例》";
/// Sequential numbering of structural units (序数依次表述), per the profile's standard.
pub const SEQUENCE: &str = "GB/T 9704-2012 7.3.3; 《立法法》第六十五条";
/// The legislature's drafting norms on citing articles, 款 and 项 of the same law (引用).
pub const CITATION: &str = "《立法技术规范（试行）（一）》 引用";
/// GB/T 9704-2012 §7.2.4: 发文字号 (代字〔年份〕序号号).
pub const GB9704_DOC_NUMBER: &str = "GB/T 9704-2012 7.2.4";
/// GB/T 9704-2012 §7.3.5.4: 成文日期 in Arabic numerals, no leading zeros.
pub const GB9704_DATE: &str = "GB/T 9704-2012 7.3.5.4";
/// GB/T 9704-2012 §7.3.4: 附件说明 (numbered names, no punctuation after a name).
pub const GB9704_ATTACHMENTS: &str = "GB/T 9704-2012 7.3.4";

macro_rules! rule {
    ($name:literal, $sev:ident, $std:expr, $sum:literal) => {
        RuleInfo {
            name: $name,
            severity: Severity::$sev,
            standard: $std,
            summary: $sum,
        }
    };
}

/// Every rule `gongwen check` knows, in the order `--list-rules` prints them.
pub const RULES: &[RuleInfo] = &[
    rule!(
        "numbering-gap",
        Error,
        SEQUENCE,
        "a sibling number is skipped (一、二、四、)"
    ),
    rule!(
        "numbering-duplicate",
        Error,
        SEQUENCE,
        "a sibling number repeats (二、二、)"
    ),
    rule!(
        "numbering-order",
        Error,
        SEQUENCE,
        "a sibling number goes backwards or two siblings are swapped"
    ),
    rule!(
        "numbering-start",
        Error,
        SEQUENCE,
        "a sibling sequence does not start at 1 and does not continue the previous list"
    ),
    rule!(
        "marker-punctuation",
        Warning,
        GB15834_MARKERS,
        "wrong punctuation after a marker (一. / （一）、 / 1、 / 一是：)"
    ),
    rule!(
        "level-skip",
        Warning,
        GB9704_LADDER,
        "a level of the profile's ladder is skipped (一、 directly above 1.)"
    ),
    rule!(
        "level-back",
        Warning,
        GB9704_LADDER,
        "a marker nests under a marker of a lower rung (（一） under 1.)"
    ),
    rule!(
        "mixed-style",
        Warning,
        GB9704_LADDER,
        "one level written in two styles (1. and 1、, (一) and （一）)"
    ),
    rule!(
        "garbled-marker",
        Warning,
        GB9704_LADDER,
        "a damaged marker (OCR/PDF) where a numbered item belongs"
    ),
    rule!(
        "heading-punctuation",
        Warning,
        GB15834_PERIOD,
        "a heading that stands on its own line ends in 。"
    ),
    rule!(
        "document-count",
        Warning,
        "",
        "a compilation declares N documents but a different number was found"
    ),
    rule!(
        "dangling-reference",
        Error,
        CITATION,
        "a reference to a clause of the same document that does not exist (本法第X条, 前款)"
    ),
    rule!(
        "doc-number-format",
        Warning,
        GB9704_DOC_NUMBER,
        "发文字号 not 代字〔YYYY〕N号 (六角括号, four-digit year, no 第, no leading zero)"
    ),
    rule!(
        "date-format",
        Warning,
        GB9704_DATE,
        "成文日期 not in Arabic numerals or with leading zeros (documents dated from 2012-07-01 on)"
    ),
    rule!(
        "attachment-format",
        Warning,
        GB9704_ATTACHMENTS,
        "附件说明 with punctuation after a name, or several attachments unnumbered"
    ),
];

/// Rules that are on by default only under some profiles (the others are on under every
/// profile): a flag or the configuration file that sets the rule's level turns it on
/// everywhere.
pub const PROFILE_RULES: &[(&str, &[Profile])] = &[
    (
        "dangling-reference",
        &[Profile::Statute, Profile::PartyRule],
    ),
    ("doc-number-format", &[Profile::Gongwen]),
    ("date-format", &[Profile::Gongwen]),
    ("attachment-format", &[Profile::Gongwen]),
];

/// Whether `rule` is on by default under `profile`.
pub fn on_by_default(rule: &str, profile: Profile) -> bool {
    PROFILE_RULES
        .iter()
        .find(|(name, _)| *name == rule)
        .is_none_or(|(_, profiles)| profiles.contains(&profile))
}

/// The registry entry of `name`, if it is a known rule.
pub fn info(name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_rules_exist() {
        for name in [
            "numbering-gap",
            "numbering-duplicate",
            "numbering-order",
            "numbering-start",
            "marker-punctuation",
            "level-skip",
            "mixed-style",
            "garbled-marker",
        ] {
            assert!(info(name).is_some(), "{name}");
        }
        assert!(info("no-such-rule").is_none());
    }

    #[test]
    fn profile_rules_are_registered_and_gated() {
        for (name, _) in PROFILE_RULES {
            assert!(info(name).is_some(), "{name}");
        }
        assert!(on_by_default("dangling-reference", Profile::Statute));
        assert!(!on_by_default("dangling-reference", Profile::Gongwen));
        assert!(on_by_default("date-format", Profile::Gongwen));
        assert!(!on_by_default("date-format", Profile::PartyRule));
        assert!(on_by_default("numbering-gap", Profile::Generic));
    }
}
