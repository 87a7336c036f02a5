//! Human output like rustc's: a title line with the rule, the source line with the
//! offending marker underlined and the expected one named, and the standard as a note;
//! and the rule list of `--list-rules`.
//! annotate-snippets measures CJK characters as two columns, so the underline sits right.

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::lint::rules::{RULES, info};
use crate::model::{Diagnostic, Severity};
use crate::text::SourceText;

/// `check --list-rules`: one line per rule with its default severity, summary and standard.
pub fn rule_list() -> String {
    let mut out = String::new();
    for &rule in RULES {
        let r = info(rule);
        out.push_str(&format!(
            "{:<20} {:<8} {}  [{}]\n",
            rule.name(),
            r.severity.name(),
            r.summary,
            r.standard.text()
        ));
    }
    out
}

/// Render the findings of one file. `src` is the decoded file (for the source lines);
/// `color` switches ANSI styling on.
pub fn render(path: &str, src: Option<&SourceText>, diags: &[Diagnostic], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for d in diags {
        out.push_str(&renderer.render(&report(path, src, d)));
        out.push_str("\n\n");
    }
    out
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    }
}

fn report<'a>(path: &'a str, src: Option<&'a SourceText>, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let title = level(d.severity)
        .primary_title(d.message.as_str())
        .id(d.rule.name());
    let mut groups = Vec::new();
    let line_no = d.line as usize;
    let text = src
        .filter(|s| line_no >= 1 && line_no <= s.line_count())
        .map(|s| s.line_text(line_no));
    let mut group = match text {
        Some(line) => {
            let span = marker_span(line, d);
            let label = match (&d.expected, &d.found) {
                (Some(e), _) => format!("expected `{e}`"),
                (None, Some(f)) => format!("`{f}`"),
                _ => String::new(),
            };
            title.element(
                Snippet::source(line)
                    .line_start(line_no)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(span).label(label)),
            )
        }
        None => title.element(
            annotate_snippets::Origin::path(path)
                .line(line_no.max(1))
                .char_column(d.column.max(1) as usize - 1),
        ),
    };
    let mut notes = Vec::new();
    if let Some(std) = &d.standard {
        notes.push(format!("standard: {std}"));
    }
    if let Some(p) = &d.profile {
        let doc = d
            .document
            .map(|n| format!("document {n}, "))
            .unwrap_or_default();
        notes.push(format!("{doc}profile: {p}"));
    }
    for n in notes {
        group = group.element(Level::NOTE.message(n));
    }
    groups.push(group);
    groups
}

/// Byte range of the marker in `line`: from the finding's column over the found text when
/// it stands there, else one character.
fn marker_span(line: &str, d: &Diagnostic) -> std::ops::Range<usize> {
    let col = d.column.max(1) as usize - 1;
    let start = line.char_indices().nth(col).map_or(line.len(), |(i, _)| i);
    let rest = &line[start..];
    let len = match &d.found {
        Some(f) if rest.starts_with(f.as_str()) => f.len(),
        _ => rest.chars().next().map_or(0, char::len_utf8),
    };
    start..start + len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag() -> Diagnostic {
        Diagnostic {
            path: None,
            rule: crate::model::Rule::NumberingGap,
            severity: Severity::Error,
            message: "`（三）` follows `（一）`: （二） is missing".into(),
            line: 3,
            column: 3,
            expected: Some("（二）".into()),
            found: Some("（三）".into()),
            standard: Some("GB/T 9704-2012 7.3.3".into()),
            document: Some(1),
            clause_path: None,
            profile: Some("gongwen".into()),
            locator: None,
        }
    }

    #[test]
    fn underlines_the_marker_under_cjk_text() {
        let src = SourceText::from_utf8("一、总则\n（一）甲。\n　　（三）乙。\n");
        let s = render("a.txt", Some(&src), &[diag()], false);
        assert!(s.contains("error[numbering-gap]"), "{s}");
        assert!(s.contains("a.txt:3:"), "{s}");
        assert!(s.contains("expected `（二）`"), "{s}");
        assert!(s.contains("standard: GB/T 9704-2012 7.3.3"), "{s}");
        // The caret line: 2 ideographic spaces = 4 columns before the marker, 6 carets
        // for the three double-width characters.
        let src_line = s.lines().find(|l| l.contains("（三）乙")).unwrap();
        let caret = s.lines().find(|l| l.contains('^')).unwrap();
        let bar = src_line.find('|').unwrap();
        let col = |l: &str| unicode_cols(&l[bar + 1..]);
        let marker_at = col(&src_line[..src_line.find("（三）").unwrap()]);
        let caret_at = col(&caret[..caret.find('^').unwrap()]);
        assert_eq!(marker_at, caret_at, "{s}");
        assert!(caret.contains("^^^^^^"), "{s}");
        assert!(!s.contains('\u{1b}'), "no colour unless asked");
        let c = render("a.txt", Some(&src), &[diag()], true);
        assert!(c.contains('\u{1b}'));
    }

    fn unicode_cols(s: &str) -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
            .sum()
    }
}
