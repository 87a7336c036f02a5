//! Markdown: the file itself, with its markup blanked.
//!
//! pulldown-cmark parses the file and says, with source offsets, which bytes are text
//! (text, inline code, the number of an ordered list item). Every other character —
//! `#` of an ATX heading, `**` of emphasis, a bullet, an HTML comment such as the
//! LawRefBook `<!-- INFO END -->`, a link's target, a table's inner pipes and its delimiter
//! row — is replaced by white space of the same byte length. Lines, columns and byte
//! offsets of the view are therefore those of the file: `## 第二章 总则` is a heading line
//! `   第二章 总则`, `**第一条**　…` a line that opens with the marker 第一条.
//!
//! A table row keeps the `|` that opens it: its cells cite units (`| 第十条之一 | 某罪 |`),
//! they do not start them, and a row read as plain text says so by that pipe
//! ([`crate::normalize::is_markup`]). A block quotation keeps the `>` of each of its
//! lines for the same reason: it quotes another text (`> 第五条　…`, the new wording an
//! amendment gives), whose markers are not this document's.

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::{Format, FormatError, TextView};
use crate::ingest;

/// File name endings that say Markdown.
const EXTENSIONS: [&str; 4] = [".md", ".markdown", ".mkd", ".mdown"];

/// Whether the file reads as Markdown: a name ending in `.md` (or the like), or a text
/// whose opening lines use Markdown syntax that plain text never does — an ATX heading
/// (`# …`), an HTML comment line, or emphasis that opens two lines (`**第一条**`).
pub fn looks_like_markdown(bytes: &[u8], name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if EXTENSIONS.iter().any(|e| lower.ends_with(e)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        // UTF-16 or binary: not Markdown syntax we can see in bytes.
        return false;
    }
    let mut emphasis_lines = 0;
    // The first 400 lines (split at each \n, found with memchr).
    let lines = memchr::memchr_iter(b'\n', head)
        .chain([head.len()])
        .scan(0, |start, end| {
            let line = &head[*start..end];
            *start = end + 1;
            Some(line)
        });
    for line in lines.take(400) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let hashes = line.iter().take_while(|&&b| b == b'#').count();
        if (1..=6).contains(&hashes)
            && matches!(line.get(hashes), Some(b' ' | b'\t'))
            && line[hashes..].iter().any(|b| !b.is_ascii_whitespace())
        {
            return true;
        }
        if line.starts_with(b"<!--") && memchr::memmem::find(line, b"-->").is_some() {
            return true;
        }
        if line.starts_with(b"**") && memchr::memmem::find(&line[2..], b"**").is_some() {
            emphasis_lines += 1;
            if emphasis_lines >= 2 {
                return true;
            }
        }
    }
    false
}

/// Read a Markdown file into its view.
pub fn read(bytes: &[u8]) -> Result<TextView, FormatError> {
    let mut d = ingest::decode(bytes)?;
    d.text = blank_markup(&d.text);
    Ok(TextView::of_decoded(Format::Markdown, d))
}

/// `src` with every character that is not text blanked (same byte length, line breaks
/// kept).
pub fn blank_markup(src: &str) -> String {
    let mut keep = vec![false; src.len()];
    let mut mark = |start: usize, end: usize| {
        for k in &mut keep[start.min(src.len())..end.min(src.len())] {
            *k = true;
        }
    };
    let mut ordered: Vec<bool> = Vec::new();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Text(_) => mark(range.start, range.end),
            Event::Code(_) => {
                // Keep the code, not its backticks.
                let raw = &src[range.clone()];
                let ticks = raw.bytes().take_while(|&b| b == b'`').count();
                let inner = raw[ticks..].trim_end_matches('`');
                mark(range.start + ticks, range.start + ticks + inner.len());
            }
            Event::Start(Tag::List(first)) => ordered.push(first.is_some()),
            Event::End(pulldown_cmark::TagEnd::List(_)) => {
                ordered.pop();
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                // The row's opening pipe, when it has one, stays.
                let raw = src[range.clone()].as_bytes();
                let lead = raw.iter().take_while(|&&b| b == b' ').count();
                if raw.get(lead) == Some(&b'|') {
                    mark(range.start + lead, range.start + lead + 1);
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                // A quotation (an amendment's new text): each of its lines keeps its `>`,
                // so that the markers quoted in it start no clause of this document.
                let mut at = range.start;
                for line in src[range.clone()].split_inclusive('\n') {
                    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
                    if line[lead..].starts_with('>') {
                        mark(at + lead, at + lead + 1);
                    }
                    at += line.len();
                }
            }
            Event::Start(Tag::Item) if ordered.last() == Some(&true) => {
                // The item's number is a clause marker (1. 2) …): keep it.
                let raw = src[range.clone()].as_bytes();
                let lead = raw.iter().take_while(|&&b| b == b' ').count();
                let digits = raw[lead..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let punct = usize::from(matches!(raw.get(lead + digits), Some(b'.' | b')')));
                mark(range.start + lead, range.start + lead + digits + punct);
            }
            _ => {}
        }
    }
    blank_literal_emphasis(src, &mut keep);
    let mut out = String::with_capacity(src.len());
    for (i, c) in src.char_indices() {
        if keep[i] || c == '\n' || c == '\r' {
            out.push(c);
        } else {
            // White space of the same byte length; a three-byte character becomes one
            // ideographic space, so that the line's later columns stay where they were.
            match c.len_utf8() {
                3 => out.push('\u{3000}'),
                4 => out.push_str("\u{3000} "),
                n => out.extend(std::iter::repeat_n(' ', n)),
            }
        }
    }
    out
}

/// Emphasis that CommonMark leaves as text. In `**（一）总体要求。**各区要…` the closing
/// `**` follows punctuation and precedes a letter, so it is not right-flanking, and both
/// runs stay literal — Chinese puts no space after 。 to make it flank. Runs of two or more
/// `*` kept as text are paired within their line, in order, and the pairs are blanked; an
/// unpaired run stays.
fn blank_literal_emphasis(src: &str, keep: &mut [bool]) {
    let b = src.as_bytes();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', b).chain([b.len()]) {
        let mut open: Option<(usize, usize)> = None;
        let mut i = start;
        while i < end {
            if b[i] != b'*' || !keep[i] {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < end && b[j] == b'*' && keep[j] {
                j += 1;
            }
            if j - i >= 2 {
                match open.take() {
                    Some((a, z)) => {
                        keep[a..z].fill(false);
                        keep[i..j].fill(false);
                    }
                    None => open = Some((i, j)),
                }
            }
            i = j;
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_blanked_in_place() {
        let src = "# 某市条例\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n**第一条**　为了规范。\n\n1. 第一项\n- 要点\n";
        let out = blank_markup(src);
        assert_eq!(out.len(), src.len());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "  某市条例");
        assert_eq!(lines[2].trim(), "");
        assert_eq!(lines[4], "   第一章 总则");
        assert_eq!(lines[6], "  第一条  　为了规范。");
        assert_eq!(lines[8], "1. 第一项");
        assert_eq!(lines[9], "  要点");
    }

    #[test]
    fn emphasis_left_literal_by_cjk_punctuation_is_blanked() {
        // The closing ** follows 。 and precedes a letter: CommonMark keeps both as text.
        let src = "**（二）压实责任。**各街道要落实属地责任。\n\n**（三）加强督查**。每季度通报。\n\n单价 5*4 元，**未配对\n";
        let out = blank_markup(src);
        assert_eq!(out.len(), src.len());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "  （二）压实责任。  各街道要落实属地责任。");
        assert_eq!(lines[2], "  （三）加强督查  。每季度通报。");
        assert_eq!(lines[4], "单价 5*4 元，**未配对");
    }

    #[test]
    fn a_table_row_keeps_its_opening_pipe() {
        let src = "某罪名规定\n\n| 条文 | 罪名 |\n|---|---|\n| 第十条之一 | 甲罪 |\n| 第十一条 | 乙罪 |\n";
        let out = blank_markup(src);
        assert_eq!(out.len(), src.len());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "| 条文   罪名  ");
        assert_eq!(lines[3].trim(), "");
        assert_eq!(lines[4], "| 第十条之一   甲罪  ");
        assert_eq!(lines[5], "| 第十一条   乙罪  ");
    }

    #[test]
    fn a_block_quotation_keeps_the_mark_of_each_line() {
        let src = "一、将第五条修改为：\n\n> 第五条　县人民政府负责本条例的实施。\n>\n> 乡镇人民政府予以配合。\n\n二、删去第九条。\n";
        let out = blank_markup(src);
        assert_eq!(out.len(), src.len());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], "> 第五条　县人民政府负责本条例的实施。");
        assert_eq!(lines[3], ">");
        assert_eq!(lines[4], "> 乡镇人民政府予以配合。");
        assert_eq!(lines[6], "二、删去第九条。");
    }

    #[test]
    fn blanked_characters_keep_their_bytes_and_the_line_breaks() {
        // A comment holding two-, three- and four-byte characters across a line break.
        let src = "<!-- é一\n𠀀 -->\n第一条";
        let out = blank_markup(src);
        assert_eq!(out.len(), src.len());
        assert_eq!(out.find('\n'), src.find('\n'));
        assert!(out.ends_with("\n第一条"));
        assert!(
            out[..out.rfind('\n').unwrap()]
                .chars()
                .all(char::is_whitespace)
        );
    }

    #[test]
    fn markdown_is_told_from_text_by_its_syntax() {
        assert!(looks_like_markdown("# 标题\n正文".as_bytes(), ""));
        assert!(looks_like_markdown(b"x", "a/b.MD"));
        assert!(looks_like_markdown(
            "**第一条** 甲\n\n**第二条** 乙\n".as_bytes(),
            ""
        ));
        assert!(!looks_like_markdown(
            "第一条 #1号楼\n#标签".as_bytes(),
            "a.txt"
        ));
        assert!(!looks_like_markdown("**注意** 只有一行\n".as_bytes(), ""));
    }
}
