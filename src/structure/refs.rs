//! Citations: places where a unit or item number is cited inside a sentence rather than
//! written as a marker — `依照第三条规定的`, `第十条第二款`, `违反第十四条第（三）、（四）项规定的`,
//! a paragraph that opens `（四）、（五）项所列人员…`. The structure stage asks these functions
//! before it takes a number for a clause, so that a cited number never becomes one (nor a
//! numbering finding); reference extraction starts from the same reading
//! ([`item_citation_len`] gives the extent of a cited run of items).
//!
//! Both compacted, width-folded text (`(三)`, `,`) and source text (`（三）`, `，`, blanks)
//! are read.

use super::marker::is_cn_digit;
use crate::normalize::is_blank;

/// Words that join cited numbers into one citation (`（三）、（四）项`, `（一）至（三）项`).
const JOINERS: &[&str] = &["、", "和", "及", "以及", "或者", "或", "至", "到", "与"];

/// How far into the text after a heading marker [`heading_in_prose`] looks, in bytes.
const PROSE_WINDOW: usize = 120;

/// Units a cited item number is followed by: 项 (item), 目 (sub-item), 款 (paragraph).
fn is_item_unit(c: char) -> bool {
    matches!(c, '项' | '目' | '款')
}

/// Whether the text right after a `第X条/章/节/编` (compacted, folded) makes it a citation
/// inside a sentence (`第三条规定的`, `第五条、第六条`, `第十条第二款`) rather than a marker.
/// `gap` says blanks separated the marker from that text, which a citation never has.
pub fn unit_cited(rest: &str, gap: bool) -> bool {
    if gap {
        return false;
    }
    let mut it = rest.chars();
    let Some(c) = it.next() else {
        return false;
    };
    match c {
        // 第五条、第六条 is a citation; 第一条、内容 is a marker with the wrong punctuation.
        '、' => it.next() == Some('第'),
        '规' | '的' | '之' | '中' | '所' | '第' | '和' | '或' | '至' | '款' | '项' | '及'
        | '并' | '等' | '列' | '外' | '以' | ',' | '，' | '。' | '”' | '》' | '）' | ')' | '到'
        | '起' => true,
        // 第十条(一)项: a bracketed item number followed by 项.
        '(' | '（' => item_citation_len(rest).is_some(),
        _ => false,
    }
}

/// Whether the text right after a `第X编/分编/章/节` (compacted, folded) makes it the subject of a
/// sentence (`第七节相应改为第八节，…`) rather than a heading: no blank follows the marker and
/// the text runs into sentence punctuation before any article marker (a heading glued to
/// its first article, `第一章总则第一条…`, is still a heading).
pub fn heading_in_prose(rest: &str, gap: bool) -> bool {
    if gap {
        return false;
    }
    // A heading's words come within a few dozen characters: look no further (a long line
    // costs no more than its start).
    let rest = &rest[..crate::text::floor_char_boundary(rest, PROSE_WINDOW)];
    let Some(stop) = rest.find([',', '，', '。', ';', '；', ':', '：']) else {
        return false;
    };
    let head = &rest[..stop];
    !head.match_indices('第').any(|(i, _)| {
        super::marker::read_at(&head[i..]).is_some_and(|m| m.style == super::marker::Style::Article)
    })
}

/// Whether the text right after the closing bracket of an item number (`（三）`, before any
/// punctuation) makes the number a citation: 项/目/款 follows (`（四）项所列`), maybe after
/// further cited numbers (`、（四）项`, `至（六）项`).
pub fn item_cited(after_bracket: &str) -> bool {
    cited_tail(after_bracket).is_some()
}

/// The length in bytes of a cited run of item numbers that starts at `s` — `（三）、（四）项`,
/// `(一)至(三)项` — up to and including its 项/目/款; `None` when `s` opens no such run.
pub fn item_citation_len(s: &str) -> Option<usize> {
    let n = bracketed_number(s)?;
    cited_tail(&s[n..]).map(|k| n + k)
}

/// The most numbers one citation joins (`（一）、（二）、（三）…项`): a longer run is no
/// citation, and reading it costs no more than this many numbers.
const MAX_JOINED: usize = 12;

/// After a cited number's closing bracket: the length up to and including the 项/目/款 that
/// ends the citation, through joined numbers (`、（四）项`, `至（六）项`).
fn cited_tail(s: &str) -> Option<usize> {
    let mut at = 0;
    for _ in 0..=MAX_JOINED {
        let t = skip_blanks(&s[at..]);
        at = s.len() - t.len();
        if let Some(c) = t.chars().next().filter(|&c| is_item_unit(c)) {
            return Some(at + c.len_utf8());
        }
        let j = JOINERS.iter().find(|j| t.starts_with(**j))?;
        let t = skip_blanks(&t[j.len()..]);
        at = s.len() - t.len();
        at += bracketed_number(t)?;
    }
    None
}

/// The length of a bracketed number (`（三）`, `(3)`) at the start of `s`, blanks inside
/// allowed.
fn bracketed_number(s: &str) -> Option<usize> {
    let mut it = s.char_indices();
    let (_, open) = it.next()?;
    if open != '（' && open != '(' {
        return None;
    }
    let mut digits = 0;
    // An item number has a few digits (blanks inside it included).
    for (i, c) in it.take(12) {
        match c {
            '）' | ')' => return (digits > 0).then_some(i + c.len_utf8()),
            c if is_cn_digit(c) || c.is_ascii_digit() => digits += 1,
            c if is_blank(c) => {}
            _ => return None,
        }
    }
    None
}

fn skip_blanks(s: &str) -> &str {
    s.trim_start_matches(is_blank)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_citations_are_not_markers() {
        assert!(unit_cited("规定的情形", false));
        assert!(unit_cited("、第六条", false));
        assert!(!unit_cited("、内容", false));
        assert!(unit_cited("第二款", false));
        assert!(!unit_cited("规定的情形", true));
        assert!(!unit_cited("为了规范管理", false));
        assert!(!unit_cited("", false));
        assert!(unit_cited("(一)项", false));
        assert!(unit_cited("（三）、（四）项规定的", false));
        assert!(!unit_cited("（一）总则", false));
    }

    #[test]
    fn headings_are_told_from_sentences_about_units() {
        assert!(heading_in_prose("相应改为第八节,第一百二十三条至", false));
        assert!(!heading_in_prose("总则", false));
        assert!(!heading_in_prose("鉴定、加固和维护", false));
        assert!(!heading_in_prose(
            "总则第一条为了规范管理,制定本条例。",
            false
        ));
        assert!(!heading_in_prose("相应改为第八节,", true));
    }

    #[test]
    fn cited_items_end_in_xiang() {
        // After the closing bracket of the first number.
        assert!(item_cited("项所列人员"));
        assert!(item_cited("、（五）项所列人员"));
        assert!(item_cited("、 （四）项规定的"));
        assert!(item_cited("至(六)项"));
        assert!(item_cited("和（二）目"));
        assert!(!item_cited("、不影响交通安全；"));
        assert!(!item_cited("公用设施用海；"));
        assert!(!item_cited("、（五）其他情形"));
        assert_eq!(
            item_citation_len("（三）、（四）项规定的"),
            Some("（三）、（四）项".len())
        );
        assert_eq!(
            item_citation_len("(一)至(三)项"),
            Some("(一)至(三)项".len())
        );
        assert_eq!(item_citation_len("（一）军事用海"), None);
    }
}
