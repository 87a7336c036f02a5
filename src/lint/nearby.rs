//! Markers the structure stage did not take: a number with the wrong punctuation (`二，`,
//! `3：`), or a damaged one (`(- - )`, `（ 二）`, `（二`, `第 三 条`). When a sequence jumps,
//! the text between the two siblings is searched for the missing marker in such a form, so
//! that the finding names the real defect (marker-punctuation / garbled-marker) at the line
//! where it stands instead of a gap at the next marker.

use super::{Ctx, expected_marker};
use crate::model::{Diagnostic, Rule};
use crate::normalize::is_inline_blank;
use crate::structure::Style;
use crate::structure::marker::{is_cn_digit, parse_chinese, to_chinese};

/// What the text between two siblings says about a jump in their numbering.
#[derive(Debug)]
pub enum Explained {
    /// A mis-punctuated or damaged marker stands there: this finding names it.
    Finding(Box<Diagnostic>),
    /// A well-formed marker stands there that the structure stage did not take as a
    /// clause: no numbering defect.
    Missed,
    /// Nothing explains the jump.
    No,
}

/// Search `from..to` (decoded offsets) for the marker numbered `expected` in the style of
/// node `like`, written with wrong punctuation or damaged. `tail`: the search runs after
/// the last sibling, where only the plainest forms count.
pub fn explain(
    cx: &Ctx,
    from: usize,
    to: usize,
    like: usize,
    expected: u32,
    tail: bool,
) -> Explained {
    let text = cx.src.as_str();
    if from >= to || to > text.len() {
        return Explained::No;
    }
    let node = &cx.doc.nodes[like];
    let family = node.style.family();
    if !may_be_loose(family) {
        return Explained::No;
    }
    for pos in candidates(cx, from, to, tail) {
        // Never look inside a marker the structure stage already took.
        if cx.node_starts_at(pos) {
            continue;
        }
        let Some(m) = loose(&text[pos..to], family, expected, tail) else {
            continue;
        };
        let want = expected_marker(node, expected);
        let found: String = text[pos..pos + m.len].to_string();
        let (rule, msg) = match m.kind {
            Kind::Fine => return Explained::Missed,
            Kind::Punct => (
                Rule::MarkerPunctuation,
                format!("`{found}` should be written `{want}`"),
            ),
            Kind::Garbled => (
                Rule::GarbledMarker,
                format!("damaged marker `{found}`: {want} belongs here"),
            ),
        };
        if rule == Rule::GarbledMarker && cx.structure_garbled_on(cx.src.line_of(pos)) {
            return Explained::Missed;
        }
        let mut d = cx.at_offset(rule, pos, msg);
        d.expected = Some(want);
        d.found = Some(found);
        return Explained::Finding(Box::new(d));
    }
    Explained::No
}

/// Where a marker could stand: line starts (after indentation); unless `tail`, also
/// after a clause-ending mark or a run of blanks inside a line (inline lists, OCR text).
fn candidates(cx: &Ctx, from: usize, to: usize, tail: bool) -> Vec<usize> {
    let text = cx.src.as_str();
    let mut out = Vec::new();
    let first = cx.src.line_of(from);
    let last = cx.src.line_of(to.saturating_sub(1).max(from));
    for ln in first..=last {
        let l = cx.src.line(ln);
        let (a, b) = (l.start.max(from), l.end.min(to));
        if a >= b {
            continue;
        }
        if l.start >= from {
            let t = &text[l.start..b];
            out.push(l.start + (t.len() - t.trim_start_matches(is_inline_blank).len()));
        }
        if tail {
            continue;
        }
        let mut prev_blank = false;
        for (off, c) in text[a..b].char_indices() {
            let after = a + off + c.len_utf8();
            if matches!(c, '；' | ';' | '。' | '：' | ':') {
                let t = &text[after..b];
                out.push(after + (t.len() - t.trim_start_matches(is_inline_blank).len()));
            }
            let blank = is_inline_blank(c);
            if prev_blank && !blank {
                out.push(a + off);
            }
            prev_blank = blank;
        }
    }
    out.retain(|&p| p < to);
    out.sort_unstable();
    out.dedup();
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The right number with the wrong (or no) punctuation.
    Punct,
    /// A damaged marker.
    Garbled,
    /// A well-formed marker (the structure stage did not take it).
    Fine,
}

#[derive(Debug, Clone, Copy)]
struct Loose {
    kind: Kind,
    /// Bytes of the source the marker covers.
    len: usize,
}

/// The first `max` characters of `s` with spaces removed, each with its byte end in `s`.
fn squeeze(s: &str, max: usize) -> Vec<(char, usize)> {
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c == '\n' || c == '\r' || out.len() >= max {
            break;
        }
        if is_inline_blank(c) {
            continue;
        }
        out.push((c, i + c.len_utf8()));
    }
    out
}

/// Characters an OCR engine leaves where a numeral was: dashes, bars, equals signs,
/// katakana look-alikes, ASCII symbols.
fn is_junk(c: char) -> bool {
    matches!(
        c,
        '-' | '—' | '–' | '_' | '=' | '＝' | '|' | '｜' | '~' | '～' | '·' | '*' | '#'
    ) || ('\u{30A0}'..='\u{30FF}').contains(&c)
}

fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Whether a loose marker of `family` can begin with `c` (its first character that is
/// not a blank): what every form [`loose`] takes starts with.
fn may_begin(family: Style, c: char) -> bool {
    let open = matches!(c, '（' | '(' | '〔' | '[' | '【' | '{' | '［' | '｛');
    match family {
        // Junk where the numeral was, or the numeral (to_chinese starts with one).
        Style::CnDun => is_junk(c) || is_cn_digit(c),
        Style::CnShi => is_cn_digit(c),
        Style::Arabic => c.is_ascii_digit() || ('０'..='９').contains(&c) || "lI|iOo".contains(c),
        Style::CnParen => open || is_cn_digit(c),
        Style::ArabicParen => open || c.is_ascii_digit(),
        Style::Article | Style::Chapter => c == '第',
        // Families only ever asked for by their full-width member, and those no loose form
        // is read for.
        Style::CnParenHalf
        | Style::ArabicParenHalf
        | Style::Part
        | Style::Subpart
        | Style::Section
        | Style::Circled
        | Style::ParenIdeograph => false,
    }
}

/// Whether a damaged or mis-punctuated form of a marker of `family` is looked for: 编, 分编
/// and 节 headings, ① and ㈠ have none worth reading.
fn may_be_loose(family: Style) -> bool {
    match family {
        Style::CnDun
        | Style::CnShi
        | Style::Arabic
        | Style::CnParen
        | Style::CnParenHalf
        | Style::ArabicParen
        | Style::ArabicParenHalf
        | Style::Article
        | Style::Chapter => true,
        Style::Part | Style::Subpart | Style::Section | Style::Circled | Style::ParenIdeograph => {
            false
        }
    }
}

/// Whether `s` opens with a decimal outline number (`1．1　`, `2.3 `, `1．1—`): digits, a
/// full stop, digits, then a blank or a dash.
fn outline_number(s: &str) -> bool {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut it = s.trim_start_matches(is_inline_blank).chars().peekable();
    let run = |it: &mut std::iter::Peekable<std::str::Chars>| {
        let mut n = 0;
        while it.next_if(|&c| is_digit(c)).is_some() {
            n += 1;
        }
        n
    };
    run(&mut it) > 0
        && it.next_if(|&c| matches!(c, '.' | '．')).is_some()
        && run(&mut it) > 0
        && it
            .next()
            .is_some_and(|c| is_inline_blank(c) || matches!(c, '—' | '－' | '-'))
}

/// Recognise, at the start of `s`, a loose form of the marker numbered `want`.
fn loose(s: &str, family: Style, want: u32, tail: bool) -> Option<Loose> {
    // Most places fail on their first character: decide that before any copy.
    let first = s.chars().find(|&c| !is_inline_blank(c))?;
    if !may_begin(family, first) {
        return None;
    }
    let sq = squeeze(s, 12);
    let chars: Vec<char> = sq.iter().map(|&(c, _)| c).collect();
    let spaced = |upto: usize| -> bool {
        // Whether spaces sit inside the first `upto` squeezed characters.
        upto > 0
            && sq[upto - 1].1
                != s.char_indices()
                    .nth(upto - 1)
                    .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let end = |k: usize| sq[k - 1].1;
    match family {
        Style::CnDun | Style::CnShi => {
            let cn: Vec<char> = to_chinese(want).chars().collect();
            if family == Style::CnDun {
                // Junk where the numeral was: —、 =、 - 、
                let junk = chars
                    .iter()
                    .take_while(|&&c| is_junk(c) && !is_cn_digit(c))
                    .count();
                if (1..=2).contains(&junk) && chars.get(junk) == Some(&'、') {
                    return Some(Loose {
                        kind: Kind::Garbled,
                        len: end(junk + 1),
                    });
                }
            }
            if chars.len() <= cn.len() || chars[..cn.len()] != cn[..] {
                return None;
            }
            let c = chars[cn.len()];
            if is_cn_digit(c) {
                return None;
            }
            let k = cn.len() + 1;
            if family == Style::CnShi {
                return (c == '是').then(|| Loose {
                    kind: if spaced(k) { Kind::Garbled } else { Kind::Fine },
                    len: end(k),
                });
            }
            if matches!(c, '、' | '．' | '.') {
                return Some(Loose {
                    kind: if spaced(k) { Kind::Garbled } else { Kind::Fine },
                    len: end(k),
                });
            }
            if matches!(c, '，' | ',' | '：' | ':' | '。' | '；' | ';' | '､' | '﹑') {
                return Some(Loose {
                    kind: Kind::Punct,
                    len: end(k),
                });
            }
            None
        }
        Style::Arabic => {
            let digits: String = chars
                .iter()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(*c))
                .map(|&c| {
                    if c.is_ascii_digit() {
                        c
                    } else {
                        char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or('0')
                    }
                })
                .collect();
            if digits.is_empty() {
                // A digit misread as a letter or a bar: l. I. |. before Chinese text.
                let ok = chars.first().is_some_and(|c| "lI|iOo".contains(*c))
                    && chars.get(1).is_some_and(|c| matches!(c, '.' | '．'))
                    && chars.get(2).is_some_and(|&c| is_ideograph(c));
                return ok.then(|| Loose {
                    kind: Kind::Garbled,
                    len: end(2),
                });
            }
            if digits.parse::<u32>().ok()? != want {
                return None;
            }
            let k = digits.chars().count();
            let c = *chars.get(k)?;
            let after = chars.get(k + 1).copied();
            if after.is_some_and(|a| a.is_ascii_digit() || ('０'..='９').contains(&a)) {
                // `1．1　…`: an outline numbered by sections, item `want` written in its
                // decimal form (its own heading left out); `1.5倍`, `3，000`: numbers.
                return outline_number(s).then(|| Loose {
                    kind: Kind::Fine,
                    len: end(k + 1),
                });
            }
            if matches!(c, '.' | '．' | '、') {
                return Some(Loose {
                    kind: if spaced(k + 1) {
                        Kind::Garbled
                    } else {
                        Kind::Fine
                    },
                    len: end(k + 1),
                });
            }
            if matches!(c, '，' | ',' | '：' | ':' | '。' | ')' | '）' | '､') && !tail {
                return Some(Loose {
                    kind: Kind::Punct,
                    len: end(k + 1),
                });
            }
            if matches!(c, '，' | '：' | '､') {
                return Some(Loose {
                    kind: Kind::Punct,
                    len: end(k + 1),
                });
            }
            None
        }
        Style::CnParen | Style::ArabicParen => {
            let open = *chars.first()?;
            let cn = family == Style::CnParen;
            let is_num = |c: char| {
                if cn {
                    is_cn_digit(c)
                } else {
                    c.is_ascii_digit()
                }
            };
            let num_ok = |inner: &[char]| -> bool {
                let s: String = inner.iter().collect();
                if cn {
                    parse_chinese(&s) == Some(want)
                } else {
                    s.parse::<u32>().ok() == Some(want)
                }
            };
            if matches!(open, '（' | '(' | '〔' | '[' | '【' | '{' | '［' | '｛') {
                let close = chars
                    .iter()
                    .take(7)
                    .position(|&c| matches!(c, '）' | ')' | '〕' | ']' | '】' | '}' | '］' | '｝'));
                match close {
                    Some(ci) => {
                        let inner = &chars[1..ci];
                        if inner.is_empty() {
                            return None;
                        }
                        let good_brackets = matches!(
                            (open, chars[ci]),
                            ('（', '）') | ('(', ')') | ('(', '）') | ('（', ')')
                        );
                        if num_ok(inner) {
                            // The right number: damaged only if spaced or oddly bracketed.
                            let damaged = spaced(ci + 1) || !good_brackets;
                            return Some(Loose {
                                kind: if damaged { Kind::Garbled } else { Kind::Fine },
                                len: end(ci + 1),
                            });
                        }
                        // Junk inside brackets: no ideograph other than numerals, not a
                        // plain number of another value.
                        let junk = inner.len() <= 4
                            && inner.iter().all(|&c| !is_ideograph(c) || is_cn_digit(c))
                            && !inner.iter().all(|&c| is_num(c))
                            && !inner.iter().all(|c| c.is_ascii_alphanumeric());
                        junk.then_some(Loose {
                            kind: Kind::Garbled,
                            len: end(ci + 1),
                        })
                    }
                    None => {
                        // （二 with the closing bracket lost.
                        let inner: Vec<char> = chars[1..]
                            .iter()
                            .copied()
                            .take_while(|&c| is_num(c))
                            .collect();
                        let k = 1 + inner.len();
                        (!inner.is_empty() && num_ok(&inner) && !tail).then_some(Loose {
                            kind: Kind::Garbled,
                            len: end(k),
                        })
                    }
                }
            } else {
                // 二） with the opening bracket lost.
                let inner: Vec<char> = chars.iter().copied().take_while(|&c| is_num(c)).collect();
                let c = *chars.get(inner.len())?;
                (!inner.is_empty() && num_ok(&inner) && matches!(c, '）' | ')') && !tail).then_some(
                    Loose {
                        kind: Kind::Garbled,
                        len: end(inner.len() + 1),
                    },
                )
            }
        }
        Style::Article | Style::Chapter => {
            let unit = if family == Style::Article {
                '条'
            } else {
                '章'
            };
            if chars.first() != Some(&'第') {
                return None;
            }
            let num: String = chars[1..].iter().take_while(|&&c| is_cn_digit(c)).collect();
            let k = 1 + num.chars().count();
            if parse_chinese(&num) != Some(want) || chars.get(k) != Some(&unit) {
                return None;
            }
            // 第三条、 / 第三条： — punctuation the unit never takes.
            if chars.get(k + 1).is_some_and(|c| "、.．，,：:".contains(*c)) {
                return Some(Loose {
                    kind: Kind::Punct,
                    len: end(k + 2),
                });
            }
            Some(Loose {
                kind: if spaced(k + 1) {
                    Kind::Garbled
                } else {
                    Kind::Fine
                },
                len: end(k + 1),
            })
        }
        Style::CnParenHalf
        | Style::ArabicParenHalf
        | Style::Part
        | Style::Subpart
        | Style::Section
        | Style::Circled
        | Style::ParenIdeograph => None,
    }
}

/// The paragraphs between node `a` and node `b` where the item whose marker was lost may
/// start: lines that start a paragraph (indented, after a blank line, or after a line that
/// ends a sentence), after the last marker before `b`. At most three; none when there
/// are more (too vague to point at).
pub fn missing_paragraphs(cx: &Ctx, a: usize, b: usize) -> Vec<usize> {
    missing_paragraphs_opt(cx, a, b).unwrap_or_default()
}

fn missing_paragraphs_opt(cx: &Ctx, a: usize, b: usize) -> Option<Vec<usize>> {
    let doc = cx.doc;
    // The lost item's own sub-items now hang under `a` as a second list (`#2`): its text
    // stands right before that list.
    let b = (a + 1..b)
        .find(|&i| doc.nodes[i].parent == Some(a) && doc.nodes[i].path.ends_with("#2"))
        .unwrap_or(b);
    let nb = &doc.nodes[b];
    // The last node on an earlier line: nodes are in document order, so their lines never
    // go down (a binary search, not a walk back over a long line's inline markers).
    let last = doc.nodes[..b]
        .partition_point(|n| n.line < nb.line)
        .checked_sub(1)?;
    if doc.nodes[last].start < doc.nodes[a].start {
        return None;
    }
    let from_line = doc.nodes[last].line;
    if nb.line <= from_line + 1 {
        return None;
    }
    let text = cx.src.as_str();
    let mut found = Vec::new();
    let l0 = cx.src.line(from_line);
    let mut prev_end_char: Option<char> = text[l0.start..l0.end].trim_end().chars().last();
    let mut after_blank = false;
    for ln in from_line + 1..nb.line {
        let l = cx.src.line(ln);
        let t = &text[l.start..l.end];
        let body = t.trim_matches(is_inline_blank);
        if body.is_empty() {
            after_blank = true;
            continue;
        }
        let indented = t.starts_with(is_inline_blank);
        let after_stop = prev_end_char.is_some_and(|c| "。；;：:！？!?”）)".contains(c));
        if indented || after_stop || std::mem::take(&mut after_blank) {
            drop_lead_in(&mut found, prev_end_char);
            found.push(l.start + (t.len() - t.trim_start_matches(is_inline_blank).len()));
        }
        // Private-use characters (a font's symbols lost in a copy) end no sentence.
        prev_end_char = body
            .chars()
            .rev()
            .find(|c| !('\u{E000}'..='\u{F8FF}').contains(c));
    }
    drop_lead_in(&mut found, prev_end_char);
    if last != a && b == nb_index_hint(doc, a, b) {
        found.truncate(1);
    }
    (found.len() <= 3).then_some(found)
}

/// A paragraph that ends with a colon leads a list in (`具有下列情形之一的：`): it is no item
/// that lost its marker. `end` is the last character of the paragraph `found` ends with.
fn drop_lead_in(found: &mut Vec<usize>, end: Option<char>) {
    if end.is_some_and(|c| c == '：' || c == ':') {
        found.pop();
    }
}

/// Whether `b` is an ordinary next marker (not the start of a second list under `a`).
fn nb_index_hint(doc: &crate::structure::DocTree, a: usize, b: usize) -> usize {
    if doc.nodes[b].parent == Some(a) && doc.nodes[b].path.ends_with("#2") {
        usize::MAX
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::outline_number;
    use crate::lint::testutil::lint;

    #[test]
    fn issue14_a_decimal_outline_number_is_no_number_in_prose() {
        assert!(outline_number("1．1　一级保护的每年巡查四次"));
        assert!(outline_number("2.3 防烟排烟系统"));
        assert!(outline_number("1．1—适用范围"));
        assert!(!outline_number("1．5倍以上的罚款"));
        assert!(!outline_number("3，000元"));
        assert!(!outline_number("1．一级保护"));
    }

    #[test]
    fn wrong_punctuation_the_parser_does_not_take() {
        let t = "一、总体要求。\n二，主要任务。\n三、保障措施。\n";
        assert_eq!(lint(t), vec![("marker-punctuation".into(), 2)]);
        let t = "（一）甲\n1.子项。\n2：子项。\n3.子项。\n";
        assert_eq!(lint(t), vec![("marker-punctuation".into(), 3)]);
    }

    #[test]
    fn damaged_brackets_are_garbled() {
        let t = "一、甲\n（一）子项。\n(- - )子项。\n（三）子项。\n";
        assert_eq!(lint(t), vec![("garbled-marker".into(), 3)]);
        let t = "一、甲\n（一）子项。\n（二子项。\n（三）子项。\n";
        assert_eq!(lint(t), vec![("garbled-marker".into(), 3)]);
    }

    #[test]
    fn wrong_punctuation_after_last_sibling() {
        let t = "一、甲。\n二、乙。\n三，丙。\n";
        assert_eq!(lint(t), vec![("marker-punctuation".into(), 3)]);
    }

    #[test]
    fn issue14_a_lead_in_is_no_lost_item() {
        use crate::lint::{Config, testutil::lint_full};
        let t = "第一条 甲。\n\n有下列情形之一的，可以认定：\n\n属于单一事项的；\n\n（二）属于多个事项的。\n\n第二条 乙。\n";
        let notes: Vec<u64> = lint_full(t, &Config::default())
            .into_iter()
            .filter(|d| d.severity == crate::model::Severity::Info)
            .map(|d| d.line)
            .collect();
        assert_eq!(notes, vec![5]);
    }

    #[test]
    fn brackets_with_words_are_not_markers() {
        let t = "一、甲\n（一）子项。\n（略）\n（三）子项。\n";
        assert!(lint(t).iter().any(|(r, _)| r == "numbering-gap"));
    }
}
