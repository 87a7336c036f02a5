//! Metadata: what an archive files a document by.
//!
//! Input: one [`DocTree`] and its [`SourceText`]; output: the document's [`Metadata`]. The
//! document's lines are read in their places: the 版头 before the title (份号, 密级, 紧急程度,
//! 发文机关标志, 签发人), the 发文字号 on a line of its own before the body, the 主送机关 line
//! after the title, the closing part after the body (附件说明, 发文机关署名, 成文日期, 附注)
//! and the 版记 (抄送, 印发机关和印发日期) — [`gongwen`]; a statute's dated header lines and
//! its closing article (自…起施行) — [`events`]. Position and form decide: a number or a
//! date inside a sentence, a labelled row of a web page's table (发文字号：…, 发布时间：…)
//! or a scraped page's title is not the document's own element.

pub mod attachments;
pub mod bodies;
pub mod date;
pub mod docnumber;
pub mod events;
pub mod gongwen;
pub mod rows;
pub mod vocab;

use std::borrow::Cow;

use crate::model::{Element, Metadata};
use crate::structure::DocTree;
use crate::text::SourceText;

/// One content line of a document.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number in the original file.
    pub number: usize,
    /// The line without leading and trailing blanks.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// The line without any blank and without markdown marks (`#`, `*`, `>`), made when
    /// asked for (a long document's body lines are only looked at through cheap tests on
    /// their text); borrowed from the text when it has none of them.
    pub fn compact(&self) -> Cow<'a, str> {
        let text = self.text;
        let marks = |c: char| matches!(c, '#' | '>' | '*');
        if text.contains(crate::normalize::is_blank)
            || text.starts_with(marks)
            || text.ends_with('*')
        {
            Cow::Owned(
                text.chars()
                    .filter(|&c| !crate::normalize::is_blank(c))
                    .collect::<String>()
                    .trim_start_matches(['#', '>'])
                    .trim_matches('*')
                    .to_string(),
            )
        } else {
            Cow::Borrowed(text)
        }
    }
}

/// The content lines of a document (blank lines, markdown rules and comments left out).
pub fn lines<'a>(src: &'a SourceText, doc: &DocTree) -> Vec<Line<'a>> {
    (doc.line_start..=doc.line_end.min(src.line_count()))
        .filter_map(|n| {
            let text = crate::normalize::trim_blanks(src.line_text(n));
            let bare = text.trim_matches(|c: char| matches!(c, '#' | '>' | '*' | '-'));
            (!bare.trim().is_empty() && !text.starts_with("<!--"))
                .then_some(Line { number: n, text })
        })
        .collect()
}

/// The metadata of one document.
pub fn metadata(src: &SourceText, doc: &DocTree) -> Metadata {
    let lines = lines(src, doc);
    let layout = gongwen::Layout::of(&lines, doc);
    let mut meta = Metadata::default();
    gongwen::read(&lines, &layout, &mut meta);
    events::read(src, doc, &lines, &layout, &mut meta);
    meta
}

/// An element read off a line.
pub fn element<T>(value: T, text: &str, line: usize) -> Element<T> {
    Element {
        value,
        text: text.to_string(),
        line: line as u64,
    }
}

#[cfg(test)]
mod tests;
