//! Tables of contents: a run of 第X编/分编/章/节 heading lines before the body that the body
//! repeats. Its lines are no clauses — they stay in the document's preamble — so that the
//! body's units keep their own paths (`第一章`, not `第一章#2`).

use std::ops::Range;

use super::detect::{Cand, Kind};
use super::marker::{Ordinal, Style, UNIT_RANKS};
use crate::normalize::is_blank;
use crate::text::SourceText;

/// The fewest entries a table of contents has when the body does not start right after it.
const MIN_ENTRIES: usize = 3;

/// The longest line that is an entry of a table of contents, in characters.
const MAX_ENTRY_CHARS: usize = 40;

/// The words a table of contents is headed with (blanks aside: `目　录`).
const CONTENTS_TITLES: [&str; 2] = ["目录", "目次"];

/// Whether a line (any blanks inside) is the heading of a table of contents.
pub(crate) fn is_contents_title(line: &str) -> bool {
    let c: String = line.chars().filter(|&ch| !is_blank(ch)).collect();
    CONTENTS_TITLES.contains(&c.as_str())
}

/// A contents entry's identity: its style family, its place and its heading text (blanks
/// dropped). Entries are line-start headings — 第X编/分编/章/节, or 一、 headings (a 司法解释's) —
/// on short lines.
fn entry(src: &SourceText, c: &Cand) -> Option<Entry> {
    let Kind::Marked {
        number,
        insert,
        style,
    } = c.kind
    else {
        return None;
    };
    if c.inline || !(style.is_heading_unit() || style == Style::CnDun) {
        return None;
    }
    let line = src.line(c.line);
    let text: String = src.as_str()[c.marker_end.min(line.end)..line.end]
        .chars()
        .filter(|&ch| !is_blank(ch))
        .collect();
    // A heading, not a sentence.
    let sentence = text.ends_with(['。', '；', ';', '：', ':', '，', ',']);
    (text.chars().count() <= MAX_ENTRY_CHARS && !sentence).then(|| {
        (
            style.family(),
            Ordinal::new(number, insert),
            heading_name(&text).to_string(),
        )
    })
}

/// The heading an entry names, without what only a table of contents adds after it: a
/// page number with or without its leader dots (`总则……1`, `总则 3`) and the range of
/// articles the unit holds (`总则（第一条—第八条）`, `总则(第1-8条)`).
fn heading_name(entry: &str) -> &str {
    let mut name = entry
        .trim_end_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .trim_end_matches(['…', '.', '．', '·', '-', '—']);
    if name.is_empty() {
        name = entry;
    }
    let range = name
        .ends_with(['）', ')'])
        .then(|| name.rfind(['（', '(']))
        .flatten()
        .filter(|&open| open > 0 && name[open..].contains('条'));
    if let Some(open) = range {
        name = &name[..open];
    }
    name
}

/// The first entry of `run` where the numbering starts over: an entry of a style seen
/// before that is not numbered on from the last one of its style, with no entry of a higher
/// rank since (a 第一章 after 第二编 is no restart). One pass.
fn restart(run: &[Entry]) -> Option<usize> {
    // The last entry of each style: (style, place, index).
    let mut last: Vec<(Style, Ordinal, usize)> = Vec::new();
    // The last index of an entry of each statute rank.
    let mut rank_at: [Option<usize>; UNIT_RANKS] = [None; UNIT_RANKS];
    for (k, (style, ord, _)) in run.iter().enumerate() {
        let rank = style.statute_rank().map(usize::from);
        if let Some(&(_, prev, j)) = last.iter().find(|(s, _, _)| s == style) {
            let higher_since = rank.is_some_and(|r| rank_at[..r].iter().flatten().any(|&i| i > j));
            if prev >= *ord && !higher_since {
                return Some(k);
            }
        }
        match last.iter_mut().find(|(s, _, _)| s == style) {
            Some(e) => *e = (*style, *ord, k),
            None => last.push((*style, *ord, k)),
        }
        if let Some(r) = rank {
            rank_at[r] = Some(k);
        }
    }
    None
}

/// A contents entry: style family, place, heading text.
type Entry = (Style, Ordinal, String);

/// The candidates of a table of contents among `cands` (one segment, in order), if there
/// is one: the run of heading lines that opens the body (no article before it), up to the
/// entry where the numbering starts over — the body's first heading — or, when the body's
/// first heading lost its line, the whole run when it has at least [`MIN_ENTRIES`] entries
/// and a later heading repeats one of them, number and text.
pub(crate) fn find(src: &SourceText, cands: &[Cand]) -> Option<Range<usize>> {
    let first = cands.iter().position(|c| entry(src, c).is_some())?;
    let before_is_heading_only = cands[..first].iter().all(|c| match c.kind {
        Kind::Marked { style, .. } => style.is_heading_unit(),
        Kind::Garbled => false,
    });
    if !before_is_heading_only {
        return None;
    }
    let run: Vec<Entry> = cands[first..].iter().map_while(|c| entry(src, c)).collect();
    // Whether a heading from candidate `from` on repeats one of the entries `toc`.
    let repeated = |toc: &[Entry], from: usize| {
        let toc: std::collections::HashSet<&Entry> = toc.iter().collect();
        cands[from..]
            .iter()
            .filter_map(|c| entry(src, c))
            .any(|e| toc.contains(&e))
    };
    let found = if let Some(k) = restart(&run) {
        (k >= 2 && repeated(&run[..k], first + k)).then_some(first..first + k)
    } else {
        let end = first + run.len();
        (run.len() >= MIN_ENTRIES && repeated(&run, end)).then_some(first..end)
    };
    found.map(|r| after_contents_title(src, cands, r))
}

/// `toc` without the headings above its `目录` line: a 编 printed in a file of its own above
/// its contents is the body's heading, not an entry.
fn after_contents_title(src: &SourceText, cands: &[Cand], toc: Range<usize>) -> Range<usize> {
    let (from, to) = (cands[toc.start].line, cands[toc.end - 1].line);
    let text = src.as_str();
    let Some(title) = (from + 1..to).find(|&n| {
        let l = src.line(n);
        is_contents_title(&text[l.start..l.end])
    }) else {
        return toc;
    };
    let start = toc.start
        + cands[toc.clone()]
            .iter()
            .take_while(|c| c.line < title)
            .count();
    start..toc.end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toc_lines(s: &str) -> Option<(usize, usize)> {
        let src = SourceText::from_utf8(s);
        let cands = crate::structure::detect::candidates_of(s);
        find(&src, &cands).map(|r| (cands[r.start].line, cands[r.end - 1].line))
    }

    #[test]
    fn contents_repeated_by_the_body_are_found() {
        let s = "某市条例\n目录\n第一章 总则\n第二章 管理\n第三章 附则\n第一章 总则\n第一条 甲。\n第二章 管理\n第二条 乙。\n第三章 附则\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((3, 5)));
        // The body's first heading lost its number: the later ones repeat the contents.
        let s = "某市条例\n第一章 总则\n第二章 管理\n第三章 附则\n总则\n第一条 甲。\n第二章 管理\n第二条 乙。\n第三章 附则\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((2, 4)));
        // 一、 headings of a 司法解释; the contents lost their first entry.
        let s = "某法院关于某事的解释\n二、回避\n三、证据\n四、期间\n一、管辖\n第一条 甲。\n二、回避\n第二条 乙。\n三、证据\n第三条 丙。\n四、期间\n第四条 丁。\n";
        assert_eq!(toc_lines(s), Some((2, 4)));
        // Chapters that restart per 编 inside the contents.
        let s = "某法\n第一编 总则\n第一章 任务\n第二章 管辖\n第二编 分则\n第一章 立案\n第一编 总则\n第一章 任务\n第一条 甲。\n第二章 管辖\n第二条 乙。\n第二编 分则\n第一章 立案\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((2, 6)));
        // 分编 in the contents, chapters running on across them.
        let s = "某法典\n目录\n第一分编 通则\n第一章 任务\n第二章 管辖\n第二分编 分则\n第三章 立案\n第一分编 通则\n第一章 任务\n第一条 甲。\n第二章 管辖\n第二条 乙。\n第二分编 分则\n第三章 立案\n第三条 丙。\n";
        assert_eq!(toc_lines(s), Some((3, 7)));
        // Entries naming their articles' range, or their page.
        let s = "某市条例\n目　录\n第一章　总则（第一条—第八条）\n第二章　管理（第九条—第十二条）\n第三章　附则（第十三条）\n第一章　总则\n第一条 甲。\n第二章　管理\n第九条 乙。\n第三章　附则\n第十三条 丙。\n";
        assert_eq!(toc_lines(s), Some((3, 5)));
        let s = "某市条例\n目录\n第一章 总则……………1\n第二章 管理 ………… 4\n第三章 附则 9\n第一章 总则\n第一条 甲。\n第二章 管理\n第九条 乙。\n第三章 附则\n第十三条 丙。\n";
        assert_eq!(toc_lines(s), Some((3, 5)));
    }

    #[test]
    fn a_heading_above_the_contents_title_is_the_bodys() {
        let s = "某法典\n第三编 合同\n目　录\n第一分编 通则\n第一章 一般规定\n第二章 订立\n第二分编 典型合同\n第三章 买卖\n第一分编 通则\n第一章 一般规定\n第四百六十三条 甲。\n第二章 订立\n第四百六十四条 乙。\n第二分编 典型合同\n第三章 买卖\n第四百六十五条 丙。\n";
        assert_eq!(toc_lines(s), Some((4, 8)));
        assert!(is_contents_title("目　　录"));
        assert!(!is_contents_title("目录管理"));
    }

    #[test]
    fn an_entry_names_its_heading_without_range_or_page() {
        assert_eq!(heading_name("总则（第一条—第八条）"), "总则");
        assert_eq!(heading_name("总则(第1-8条)"), "总则");
        assert_eq!(heading_name("附则（第九十条）"), "附则");
        assert_eq!(heading_name("监督管理………12"), "监督管理");
        assert_eq!(heading_name("监督管理３"), "监督管理");
        // A name's own brackets stay.
        assert_eq!(heading_name("法律责任（试行）"), "法律责任（试行）");
        assert_eq!(heading_name("2035"), "2035");
    }

    #[test]
    fn headings_over_the_first_article_are_no_contents() {
        let s = "某法\n第一编 总则\n第一章 任务\n第一条 甲。\n第二章 管辖\n第二条 乙。\n第二编 分则\n第一章 立案\n第三条 丙。\n";
        assert_eq!(toc_lines(s), None);
        let s = "某市条例\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。\n";
        assert_eq!(toc_lines(s), None);
    }
}
