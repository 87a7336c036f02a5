//! The rule registry: every [`Rule`]'s default severity, the standard clause it rests on
//! and a one-line summary, in one exhaustive `match` (a new rule does not compile until it
//! is registered here). The lint, the SARIF printer and `--list-rules` read it.

use strum::VariantArray;

use super::profile::Profile;
use super::standards::{
    CITATION, GB9704_ATTACHMENTS, GB9704_DATE, GB9704_DOC_NUMBER, GB9704_LADDER, GB15834_2011_FROM,
    GB15834_MARKERS, GB15834_PERIOD, LADDERS_FROM, SEQUENCE,
};
use crate::model::{Rule, Severity};

/// What a rule is and what it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Severity when no flag or config file changes it.
    pub severity: Severity,
    /// The standard clause the rule rests on.
    pub standard: Standard,
    /// One-line description.
    pub summary: &'static str,
}

/// The standard a rule rests on: one clause, or the one of the document's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standard {
    /// The same clause under every profile.
    Fixed(&'static str),
    /// The profile's rule on sequential numbering.
    Sequence,
    /// The profile's ladder of levels.
    Ladder,
    /// No standard (a property of the file, not of its numbering).
    None,
}

impl Standard {
    /// The clause named in the rule list (`--list-rules`, SARIF rule metadata).
    pub fn text(self) -> &'static str {
        match self {
            Standard::Fixed(s) => s,
            Standard::Sequence => SEQUENCE,
            Standard::Ladder => GB9704_LADDER,
            Standard::None => "",
        }
    }
}

/// Every rule `gongwen check` knows, in the order `--list-rules` prints them.
pub const RULES: &[Rule] = Rule::VARIANTS;

/// The registry entry of `rule`.
pub const fn info(rule: Rule) -> RuleInfo {
    use Severity::{Error, Warning};
    let (severity, standard, summary) = match rule {
        Rule::NumberingGap => (
            Error,
            Standard::Sequence,
            "a sibling number is skipped (一、二、四、)",
        ),
        Rule::NumberingDuplicate => (
            Error,
            Standard::Sequence,
            "a sibling number repeats (二、二、)",
        ),
        Rule::NumberingOrder => (
            Error,
            Standard::Sequence,
            "a sibling number goes backwards or two siblings are swapped",
        ),
        Rule::NumberingStart => (
            Error,
            Standard::Sequence,
            "a sibling sequence does not start at 1 and does not continue the previous list",
        ),
        Rule::MarkerPunctuation => (
            Warning,
            Standard::Fixed(GB15834_MARKERS),
            "wrong punctuation after a marker (一. / （一）、 / 1、 / 一是：)",
        ),
        Rule::LevelSkip => (
            Warning,
            Standard::Ladder,
            "a level of the profile's ladder is skipped (一、 directly above 1.)",
        ),
        Rule::LevelBack => (
            Warning,
            Standard::Ladder,
            "a marker nests under a marker of a lower rung (（一） under 1.)",
        ),
        Rule::MixedStyle => (
            Warning,
            Standard::Ladder,
            "one level written in two styles (1. and 1、, (一) and （一）)",
        ),
        Rule::GarbledMarker => (
            Warning,
            Standard::Fixed(GB9704_LADDER),
            "a damaged marker (OCR/PDF) where a numbered item belongs",
        ),
        Rule::HeadingPunctuation => (
            Warning,
            Standard::Fixed(GB15834_PERIOD),
            "a heading that stands on its own line ends in 。",
        ),
        Rule::HeadingGlued => (
            Warning,
            Standard::None,
            "a 编/分编/章/节 heading glued to the end of the paragraph before it (a lost line break)",
        ),
        Rule::ArticleGlued => (
            Warning,
            Standard::None,
            "a 第X条 article glued to the end of the paragraph before it (a lost line break); one finding per line",
        ),
        Rule::DocumentCount => (
            Warning,
            Standard::None,
            "a compilation declares N documents but a different number was found",
        ),
        Rule::DanglingReference => (
            Error,
            Standard::Fixed(CITATION),
            "a reference to a clause of the same document that does not exist (本法第X条, 前款)",
        ),
        Rule::DocNumberFormat => (
            Warning,
            Standard::Fixed(GB9704_DOC_NUMBER),
            "发文字号 not 代字〔YYYY〕N号 (六角括号, four-digit year, no 第, no leading zero)",
        ),
        Rule::DateFormat => (
            Warning,
            Standard::Fixed(GB9704_DATE),
            "成文日期 not in Arabic numerals or with leading zeros (dated from 2012-07-01 on)",
        ),
        Rule::AttachmentFormat => (
            Warning,
            Standard::Fixed(GB9704_ATTACHMENTS),
            "附件说明 with punctuation after a name, or several attachments unnumbered",
        ),
    };
    RuleInfo {
        severity,
        standard,
        summary,
    }
}

/// The first day of the convention of form that `rule` checks, when it has one: a
/// document dated before it was written under no such convention, and a finding there is
/// only a note. `None`: the numbering itself (a gap, a repeat, a lost or damaged marker, a
/// stale reference) is a defect whatever the date; and the 公文 elements kept their form
/// through the earlier editions of GB/T 9704 (`date-format` knows its own first day).
pub const fn convention_since(rule: Rule) -> Option<&'static str> {
    match rule {
        Rule::MarkerPunctuation | Rule::HeadingPunctuation => Some(GB15834_2011_FROM),
        Rule::LevelSkip | Rule::LevelBack => Some(LADDERS_FROM),
        Rule::NumberingGap
        | Rule::NumberingDuplicate
        | Rule::NumberingOrder
        | Rule::NumberingStart
        | Rule::MixedStyle
        | Rule::GarbledMarker
        | Rule::HeadingGlued
        | Rule::ArticleGlued
        | Rule::DocumentCount
        | Rule::DanglingReference
        | Rule::DocNumberFormat
        | Rule::DateFormat
        | Rule::AttachmentFormat => None,
    }
}

/// Whether `rule` is on by default under `profile`: a rule of one kind of document (the
/// GB/T 9704 elements of a 公文, the citations of a statute) is off under the others unless
/// a flag or the configuration file sets its level.
pub const fn on_by_default(rule: Rule, profile: Profile) -> bool {
    match rule {
        Rule::NumberingGap
        | Rule::NumberingDuplicate
        | Rule::NumberingOrder
        | Rule::NumberingStart
        | Rule::MarkerPunctuation
        | Rule::LevelSkip
        | Rule::LevelBack
        | Rule::MixedStyle
        | Rule::GarbledMarker
        | Rule::HeadingPunctuation
        | Rule::HeadingGlued
        | Rule::ArticleGlued
        | Rule::DocumentCount => true,
        Rule::DanglingReference => matches!(profile, Profile::Statute | Profile::PartyRule),
        Rule::DocNumberFormat | Rule::DateFormat | Rule::AttachmentFormat => {
            matches!(profile, Profile::Gongwen)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_rules_exist_under_their_ids() {
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
            let rule: Rule = name.parse().expect(name);
            assert_eq!(rule.name(), name);
            assert_eq!(serde_json::to_value(rule).unwrap(), name);
        }
        assert!("no-such-rule".parse::<Rule>().is_err());
        // The registry lists every rule once, in declaration order.
        assert!(RULES.windows(2).all(|w| w[0] < w[1]));
        for &r in RULES {
            assert_eq!(serde_json::to_value(r).unwrap(), r.name());
        }
    }

    #[test]
    fn profile_rules_are_gated() {
        assert!(on_by_default(Rule::DanglingReference, Profile::Statute));
        assert!(on_by_default(Rule::DanglingReference, Profile::PartyRule));
        assert!(!on_by_default(Rule::DanglingReference, Profile::Gongwen));
        assert!(on_by_default(Rule::DateFormat, Profile::Gongwen));
        assert!(!on_by_default(Rule::DateFormat, Profile::PartyRule));
        assert!(on_by_default(Rule::NumberingGap, Profile::Generic));
    }
}
