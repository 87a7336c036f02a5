//! 附件说明 (GB/T 9704-2012 §7.3.4): `附件：1．名称` with the further names numbered on the
//! lines below, or `附件：名称` for one. The items are read as written, so that
//! `attachment-format` can see their numbers and punctuation.

use super::{Line, element, vocab};
use crate::model::Metadata;

/// One attachment as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Its number (1．, 2.), when numbered.
    pub number: Option<u32>,
    /// Its name, without number and trailing punctuation.
    pub name: String,
    /// Punctuation written after the name (；。，), when any.
    pub punct: Option<char>,
}

/// Whether a digit (ASCII or full-width).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `s` opens with a number that belongs to a name rather than to a list: a quantity
/// or a date (2024年, 3月份, 5个), a year (2023版), or a span (2024—2025学年).
fn opens_with_quantity(s: &str) -> bool {
    let digits = s.chars().take_while(|c| is_digit(*c)).count();
    let mut after = s.chars().skip(digits);
    digits > 0
        && (digits == 4
            || match (after.next(), after.next()) {
                (Some(unit), _) if vocab::NUMBER_UNITS.contains(unit) => true,
                (Some(dash), Some(d)) => vocab::SPAN_MARKS.contains(dash) && is_digit(d),
                _ => false,
            })
}

/// A number that opens an attachment's line: `1．` `1.` `1、` `（1）` `1` — and the rest.
/// After the number a name may open with a number of its own (`1．2023年度名单`); a second
/// number that is no quantity makes a decimal heading (`1.2 名称`), not an attachment.
fn numbered(s: &str) -> Option<(u32, &str)> {
    let (inner, bracketed) = match s.strip_prefix(['（', '(']) {
        Some(r) => (r, true),
        None => (s, false),
    };
    let digits: String = inner
        .chars()
        .take_while(|c| is_digit(*c))
        .map(crate::normalize::fold)
        .collect();
    if digits.is_empty() {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    let len: usize = inner
        .chars()
        .take(digits.chars().count())
        .map(char::len_utf8)
        .sum();
    let mut rest = &inner[len..];
    if bracketed {
        rest = rest.strip_prefix(['）', ')'])?;
    } else if let Some(r) = rest.strip_prefix(['．', '.', '、', ':', '：']) {
        rest = r;
    } else if opens_with_quantity(inner) {
        // 2024年…: a number of the name, not of the list.
        return None;
    }
    (!rest.is_empty() && (!rest.starts_with(is_digit) || opens_with_quantity(rest)))
        .then_some((n, rest))
}

/// Punctuation that may be left after an attachment's name.
fn trailing(s: &str) -> Option<char> {
    s.chars()
        .next_back()
        .filter(|c| "。；;，,、.．：:".contains(*c))
}

/// The items of an attachment note as written (its lines joined by `\n`, 附件： first).
pub fn items(text: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for (k, raw) in text.lines().enumerate() {
        let mut s: String = raw
            .chars()
            .filter(|c| !crate::normalize::is_blank(*c))
            .collect();
        if k == 0 {
            s = s
                .trim_start_matches("附件")
                .trim_start_matches(['：', ':'])
                .to_string();
        }
        if s.is_empty() {
            continue;
        }
        let (number, rest) = match numbered(&s) {
            Some((n, r)) => (Some(n), r.to_string()),
            None => (None, s),
        };
        let punct = trailing(&rest);
        // A line without a number under a numbered name that did not end is the rest of
        // that name, wrapped.
        if let (None, Some(last)) = (number, out.last_mut())
            && last.number.is_some()
            && last.punct.is_none()
        {
            last.name
                .push_str(rest.trim_end_matches(|c: char| "。；;，,、.．：:".contains(c)));
            last.punct = punct;
            continue;
        }
        let name = rest
            .trim_end_matches(|c: char| "。；;，,、.．：:".contains(c))
            .trim_start_matches(['《'])
            .trim_end_matches(['》'])
            .to_string();
        if !name.is_empty() {
            out.push(Item {
                number,
                name,
                punct,
            });
        }
    }
    out
}

/// Read the 附件说明 between the body's start and the date: a line that opens with 附件：,
/// and the numbered lines that follow it.
pub fn read(lines: &[Line], body: usize, before: usize, meta: &mut Metadata) {
    let end = before.min(lines.len());
    for (i, l) in lines.iter().enumerate().take(end).skip(body) {
        if !l.text.starts_with('附') {
            continue;
        }
        let compact = l.compact();
        let c = compact.as_ref();
        let Some(rest) = c
            .strip_prefix("附件")
            .and_then(|r| r.strip_prefix(['：', ':']))
        else {
            continue;
        };
        let mut text = vec![l.text];
        let numbered_first = numbered(rest).is_some();
        // The line number of the last line taken.
        let mut last = l.number;
        for n in lines.iter().take(end).skip(i + 1) {
            let compact = n.compact();
            let c = compact.as_ref();
            // The next names are numbered (2．…), or stand alone under an empty 附件：; after
            // an unnumbered first name, further unnumbered names (a fault the lint reports)
            // are short lines that are neither a body's name nor a date nor a sentence.
            let next_numbered = numbered(c).is_some() && (numbered_first || rest.is_empty());
            let unnumbered = numbered(c).is_none()
                && c.chars().count() <= 40
                && !c.contains(['。', '：', ':'])
                && !super::vocab::is_body(c)
                && super::date::find_all(c).is_empty();
            let next_unnumbered = !numbered_first && !rest.is_empty() && unnumbered;
            // A numbered name wrapped onto the next line (a blank line apart in markdown),
            // which carries no number (and is no attachment's heading: 附件1).
            let wrapped = numbered_first
                && unnumbered
                && n.number <= last + 2
                && !c.starts_with("附件")
                && trailing(text.last().map_or("", |p| p.trim_end())).is_none();
            if next_numbered || next_unnumbered || wrapped {
                text.push(n.text);
                last = n.number;
            } else {
                break;
            }
        }
        let joined = text.join("\n");
        let found = items(&joined);
        if !found.is_empty() {
            meta.attachments = Some(element(
                found.into_iter().map(|x| x.name).collect(),
                &joined,
                l.number,
            ));
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_and_single_attachments() {
        let it = items("附件：1．青川市河道名录\n      2．河长公示牌样式");
        assert_eq!(
            it.iter()
                .map(|i| (i.number, i.name.as_str(), i.punct))
                .collect::<Vec<_>>(),
            vec![
                (Some(1), "青川市河道名录", None),
                (Some(2), "河长公示牌样式", None)
            ]
        );
        let it = items("附件：1．青川市河道名录及\n      管护责任表\n      2．河长公示牌样式");
        assert_eq!(
            it.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(),
            vec!["青川市河道名录及管护责任表", "河长公示牌样式"]
        );
        let it = items("附件：青川市河道名录。");
        assert_eq!(
            (it[0].number, it[0].name.as_str(), it[0].punct),
            (None, "青川市河道名录", Some('。'))
        );
    }

    #[test]
    fn numbers_are_told_from_names() {
        assert_eq!(numbered("1．名录"), Some((1, "名录")));
        assert_eq!(numbered("（2）名录"), Some((2, "名录")));
        assert_eq!(numbered("2024年名录"), None);
        assert_eq!(numbered("2024版名录"), None);
        assert_eq!(numbered("1．2023年度名单"), Some((1, "2023年度名单")));
        assert_eq!(numbered("1.2024年计划"), Some((1, "2024年计划")));
        assert_eq!(numbered("2、3月份结果"), Some((2, "3月份结果")));
        assert_eq!(numbered("３．２０２４年名录"), Some((3, "２０２４年名录")));
        assert_eq!(
            numbered("1.2024—2025学年校历"),
            Some((1, "2024—2025学年校历"))
        );
        assert_eq!(numbered("1.2名录"), None);
        assert_eq!(numbered("1．２名录"), None);
        assert_eq!(numbered("名录"), None);
    }
}
