//! Numbering profiles: which standard a document's numbering follows, chosen per document
//! from its markers and title, or forced with `--profile`.
//!
//! - `gongwen` — 党政机关公文 (GB/T 9704-2012 §7.3.3): 一、→（一）→1.→（1）.
//! - `statute` — laws and regulations (立法法): 编、(分编、)章、节、条; 款 unnumbered; 项 （一）;
//!   目 1.
//! - `party-rule` — 党内法规: the same units as a statute, under the party-rule regulation.
//! - `generic` — anything else: sequence and punctuation rules only, no ladder.

use serde::Deserialize;

use super::standards;
use crate::structure::marker::ARTICLE_RANK;
use crate::structure::{DocTree, Style};

/// The rung of 第X条 on the statute and party-rule ladders (编 1, 分编 2, 章 3, 节 4, 条 5, 项
/// （一） 6, 目 1. 7).
pub const ARTICLE_RUNG: u32 = ARTICLE_RANK as u32 + 1;

/// A numbering profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// 党政机关公文, GB/T 9704-2012.
    #[value(alias = "公文")]
    Gongwen,
    /// Laws and regulations (立法法).
    #[value(alias = "法规")]
    Statute,
    /// 党内法规.
    #[value(alias = "党内法规")]
    PartyRule,
    /// No ladder rules.
    Generic,
}

impl Profile {
    /// The name reported in `Document.profile` and in output.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Gongwen => "gongwen",
            Profile::Statute => "statute",
            Profile::PartyRule => "party-rule",
            Profile::Generic => "generic",
        }
    }

    /// The standard clause for the ladder rules under this profile.
    pub fn ladder_standard(self) -> &'static str {
        match self {
            Profile::Gongwen | Profile::Generic => standards::GB9704_LADDER,
            Profile::Statute => standards::LIFAFA,
            Profile::PartyRule => standards::PARTY_RULES,
        }
    }

    /// The standard clause for the numbering-sequence rules under this profile.
    pub fn sequence_standard(self) -> &'static str {
        self.ladder_standard()
    }

    /// The rung of `style` on this profile's ladder (1 = top), if it is on the ladder.
    pub fn rung(self, style: Style) -> Option<u32> {
        match self {
            Profile::Gongwen => match style {
                Style::CnDun => Some(1),
                Style::CnParen | Style::CnParenHalf => Some(2),
                Style::Arabic => Some(3),
                Style::ArabicParen | Style::ArabicParenHalf => Some(4),
                Style::Part
                | Style::Subpart
                | Style::Chapter
                | Style::Section
                | Style::Article
                | Style::Circled
                | Style::ParenIdeograph
                | Style::CnShi => None,
            },
            Profile::Statute | Profile::PartyRule => match style {
                // 编 1, 分编 2, 章 3, 节 4, 条 5: one rung per statute rank.
                Style::Part | Style::Subpart | Style::Chapter | Style::Section | Style::Article => {
                    style.statute_rank().map(|r| u32::from(r) + 1)
                }
                Style::CnParen | Style::CnParenHalf => Some(ARTICLE_RUNG + 1),
                Style::Arabic => Some(ARTICLE_RUNG + 2),
                Style::CnDun
                | Style::ArabicParen
                | Style::ArabicParenHalf
                | Style::Circled
                | Style::ParenIdeograph
                | Style::CnShi => None,
            },
            Profile::Generic => None,
        }
    }

    /// Whether a child on rung `child` may sit directly under a parent on rung `parent`
    /// without skipping a level the standard requires.
    pub fn may_nest(self, parent: u32, child: u32) -> bool {
        match self {
            Profile::Gongwen => child <= parent + 1,
            // 编, 分编 and 节 are optional: 编→章, 编→条, 分编→章, 章→条 are all fine; 条
            // needs 项 before 目. A list right under a 编/分编/章/节 (a 章 that holds no
            // articles) skips nothing.
            Profile::Statute | Profile::PartyRule => {
                parent < ARTICLE_RUNG || child <= ARTICLE_RUNG || child <= parent + 1
            }
            Profile::Generic => true,
        }
    }
}

/// Issuers whose normative documents (司法解释, their decisions and rules) are numbered like
/// statutes, whatever markers they use (一、 over 1. is their own convention, not a 公文's
/// ladder skipped).
const JUDICIAL_ISSUERS: &[&str] = &["最高人民法院", "最高人民检察院"];

/// Choose the profile of one document from its markers and its opening text.
pub fn detect(doc: &DocTree) -> Profile {
    if doc
        .title
        .as_deref()
        .is_some_and(|t| JUDICIAL_ISSUERS.iter().any(|w| t.starts_with(w)))
    {
        return Profile::Statute;
    }
    let count = |f: &dyn Fn(Style) -> bool| doc.nodes.iter().filter(|n| f(n.style)).count();
    let articles = count(&|s| s == Style::Article);
    let units = count(&|s| s.is_heading_unit());
    // Markers on the 公文 ladder (一、 （一） 1. （1）).
    let ladder = count(&|s| Profile::Gongwen.rung(s).is_some());
    if articles >= 2 || (articles >= 1 && units >= 1) {
        let head: String = doc
            .title
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(doc.preamble.as_str()))
            .collect::<String>()
            .chars()
            .take(400)
            .collect();
        let party = [
            "中国共产党",
            "中共",
            "党委",
            "党组",
            "党内",
            "党员",
            "纪律检查",
            "党的",
        ]
        .iter()
        .any(|w| head.contains(w));
        return if party {
            Profile::PartyRule
        } else {
            Profile::Statute
        };
    }
    let dun = count(&|s| s == Style::CnDun);
    if dun >= 1 && ladder >= 2 {
        return Profile::Gongwen;
    }
    if ladder >= 2 && count(&|s| s.family() == Style::CnParen) >= 1 {
        return Profile::Gongwen;
    }
    Profile::Generic
}
