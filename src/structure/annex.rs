//! Annexes and notes: the lines that open a part of a document with numbering of its own —
//! the list of attached files after `附件：` (`1．检查表 2．汇总表`), an annex from its `附件2`
//! / `附：…表` / `附录` heading on, the notes after `注：`. The lint gives each its own
//! numbering scope (`lint::scope`); in a statute, an annex after the last article ends that
//! article when the tree is assembled ([`super::analyse`]).

use crate::normalize;
use crate::structure::marker::parse_at;

/// Words that open an annex or a note (`附件：`, `附件2`, `附表`, `附：`, `注：`).
const OPENERS: &[&str] = &["附件", "附表", "附录", "附图", "附", "注", "说明"];

/// The opening words of notes, not annexes.
const NOTES: &[&str] = &["注", "说明"];

/// The opening word that is one only before a colon (`附：`, not `附则` or `附近`).
const COLON_ONLY: &[&str] = &["附", "注", "说明"];

/// The longest line that is an annex heading when no colon or number sets the heading off
/// from the opening word (`附表 收费标准`).
const MAX_HEADING_CHARS: usize = 40;

/// What a sentence ends with; an annex heading does not.
const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', '，', ','];

/// What opens a scope on a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// `附件：1．…` or `注：` followed by numbered entries: a list that ends with them.
    List,
    /// `附件2` / `附件：` alone on its line: an annex that runs to the next one.
    Annex,
}

/// The opener a line (blanks and markup trimmed) starts with, if any.
pub fn opener(t: &str) -> Option<Opener> {
    opening(t).map(|(o, _)| o)
}

/// Whether a line (blanks and markup trimmed) opens an annex or an annex's list of files
/// (`附件：1．…`, `附：…表`, `附录`), not notes.
pub fn opens_annex(t: &str) -> bool {
    opening(t).is_some_and(|(_, note)| !note)
}

/// The opener a line starts with, and whether it opens notes.
fn opening(t: &str) -> Option<(Opener, bool)> {
    let word = OPENERS.iter().find(|w| t.starts_with(**w))?;
    let rest = &t[word.len()..];
    // 附件2 / 附件二 / 附件十一: its number.
    let num_end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || crate::structure::marker::is_cn_digit(c)))
        .map_or(rest.len(), |(i, _)| i);
    let after = &rest[num_end..];
    let colon = after.starts_with(['：', ':']);
    let tail = normalize::trim_blanks(after.trim_start_matches(['：', ':']));
    let is_note = NOTES.contains(word);
    if COLON_ONLY.contains(word) && !colon {
        // 注意…, 说明书…, 附则, 附近…: words, not openers.
        return None;
    }
    if tail.is_empty() {
        return Some((if is_note { Opener::List } else { Opener::Annex }, is_note));
    }
    if !colon && num_end == 0 && !after.starts_with(normalize::is_blank) {
        // 附件材料…: a word.
        return None;
    }
    if after.starts_with(['、', '，', ',', '和', '及', '至']) {
        // 附录一、附录二所列…, 附件1和附件2…: annexes named in a sentence (a line of wrapped
        // prose may open with them), not an annex's heading.
        return None;
    }
    if parse_at(tail).is_some() {
        return Some((Opener::List, is_note));
    }
    if is_note {
        return None;
    }
    // 附件2：某某标准, 附件2 某某标准 — a heading of any length when a colon or a number and
    // a blank set it off, unless it ends as a sentence does; 附表 某某标准 only when short
    // (a longer line is prose that happens to start with the word).
    let set_off = colon || num_end > 0 && after.starts_with(normalize::is_blank);
    let sentence = tail.ends_with(SENTENCE_ENDS);
    let heading = if set_off {
        !sentence
    } else {
        t.chars().count() <= MAX_HEADING_CHARS
    };
    heading.then_some((Opener::Annex, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_are_told_from_words() {
        assert_eq!(opener("附件：1．检查表"), Some(Opener::List));
        assert_eq!(opener("附件："), Some(Opener::Annex));
        assert_eq!(opener("附件2"), Some(Opener::Annex));
        assert_eq!(opener("附件2：城区停车场设置标准"), Some(Opener::Annex));
        assert_eq!(opener("附表 收费标准"), Some(Opener::Annex));
        assert_eq!(opener("附：苗木检疫证书样式"), Some(Opener::Annex));
        assert_eq!(opener("附："), Some(Opener::Annex));
        assert_eq!(opener("附：1．登记表"), Some(Opener::List));
        assert_eq!(opener("注：1．本表数据为年度数据。"), Some(Opener::List));
        assert_eq!(opener("注："), Some(Opener::List));
        assert_eq!(opener("注意安全。"), None);
        assert_eq!(opener("附件材料应当齐全。"), None);
        assert_eq!(opener("附则"), None);
        assert_eq!(opener("附　则"), None);
        assert_eq!(opener("附近居民"), None);
        // A wrapped line of prose that opens with the annexes it names.
        assert_eq!(
            opener("附录一、附录二所列的非原产于本省的野生植物的认"),
            None
        );
        assert_eq!(opener("附件1和附件2规定的标准执行"), None);
        assert_eq!(
            opener("附件所列事项，由市人民政府另行规定，并向社会公布实施，接受公众监督。"),
            None
        );
        // A long heading set off by its colon or number is a heading still; a sentence
        // after the colon is not.
        assert_eq!(
            opener(
                "附件1：西岭市城市道路挖掘修复费收取标准及计算方法（适用于城区主干道、次干道、支路和街巷）"
            ),
            Some(Opener::Annex)
        );
        assert_eq!(
            opener(
                "附件3 西岭市户外广告设施设置技术规范（含大型立柱广告、楼顶广告和墙面广告的安全要求）"
            ),
            Some(Opener::Annex)
        );
        assert_eq!(
            opener("附：本办法所附表格由市人民政府有关部门根据实际需要另行调整并公布。"),
            None
        );
        assert_eq!(
            opener(
                "附表 各区县年度目标分解情况以及市级有关部门的配套工作任务清单、责任单位和完成时限的说明"
            ),
            None
        );
        assert!(opens_annex("附：苗木检疫证书样式"));
        assert!(opens_annex("附录"));
        assert!(!opens_annex("注："));
        assert!(!opens_annex("说明：1．本表按年填报。"));
    }
}
