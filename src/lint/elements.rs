//! The form of a 公文's elements (GB/T 9704-2012): `doc-number-format` (发文字号
//! 代字〔YYYY〕N号), `date-format` (成文日期 in Arabic numerals without leading zeros, for
//! documents dated from 2012-07-01 on, when the standard took effect: the 1999 edition wrote
//! it in Chinese numerals) and `attachment-format` (附件说明 numbered when there are several,
//! no punctuation after a name). The elements come from [`crate::metadata`], as written.

use super::standards;
use crate::metadata::{attachments, date, docnumber};
use crate::model::Rule;
use crate::model::{Diagnostic, Element, Metadata};
use crate::text::SourceText;

/// Findings on the form of the elements of `meta`.
pub fn check(src: &SourceText, meta: &Metadata, out: &mut Vec<Diagnostic>) {
    doc_number(src, meta, out);
    date_form(src, meta, out);
    attachment_note(src, meta, out);
}

/// Line and column of an element's text in the source (column 1 when it cannot be found).
fn place<T>(src: &SourceText, e: &Element<T>) -> (u64, u64) {
    let line = e.line as usize;
    if line == 0 || line > src.line_count() {
        return (e.line, 1);
    }
    let text = src.line_text(line);
    let first: String = e.text.chars().take(2).collect();
    let column = text
        .find(first.as_str())
        .map_or(1, |k| text[..k].chars().count() + 1);
    (e.line, column as u64)
}

fn doc_number(src: &SourceText, meta: &Metadata, out: &mut Vec<Diagnostic>) {
    let Some(e) = &meta.doc_number else {
        return;
    };
    let Some(w) = docnumber::whole_line(&e.text) else {
        return;
    };
    let mut faults = Vec::new();
    if w.brackets != ('〔', '〕') {
        faults.push(format!(
            "the year is in {}{} instead of the 六角括号 〔〕",
            w.brackets.0, w.brackets.1
        ));
    }
    if w.year_digits != 4 {
        faults.push("the year is not written in full (four digits)".to_string());
    }
    if w.di {
        faults.push("the serial number takes no 第".to_string());
    }
    if w.leading_zero {
        faults.push("the serial number has a leading zero".to_string());
    }
    if faults.is_empty() {
        return;
    }
    let expected = format!("{}〔{}〕{}号", w.agency_code, w.year, w.serial);
    let (line, column) = place(src, e);
    let mut d = super::finding(
        Rule::DocNumberFormat,
        line,
        column,
        format!(
            "发文字号 `{}`: {}; write `{expected}` ({})",
            e.text,
            faults.join(", "),
            standards::GB9704_DOC_NUMBER
        ),
    );
    d.expected = Some(expected);
    d.found = Some(e.text.clone());
    out.push(d);
}

fn date_form(src: &SourceText, meta: &Metadata, out: &mut Vec<Diagnostic>) {
    let Some(e) = &meta.date else {
        return;
    };
    if e.value.as_str() < standards::GB9704_2012_FROM {
        return;
    }
    let Some(f) = date::find_all(&e.text).first().copied() else {
        return;
    };
    let mut faults = Vec::new();
    if f.chinese {
        faults.push("it is in Chinese numerals, not Arabic");
    }
    if f.leading_zero {
        faults.push("its month or day has a leading zero");
    }
    if faults.is_empty() {
        return;
    }
    let expected = format!("{}年{}月{}日", f.year, f.month, f.day);
    let (line, column) = place(src, e);
    let mut d = super::finding(
        Rule::DateFormat,
        line,
        column,
        format!(
            "成文日期 `{}`: {}; write `{expected}` ({})",
            crate::normalize::trim_blanks(&e.text),
            faults.join(" and "),
            standards::GB9704_DATE
        ),
    );
    d.expected = Some(expected);
    d.found = Some(crate::normalize::trim_blanks(&e.text).to_string());
    out.push(d);
}

fn attachment_note(src: &SourceText, meta: &Metadata, out: &mut Vec<Diagnostic>) {
    let Some(e) = &meta.attachments else {
        return;
    };
    let items = attachments::items(&e.text);
    let (line, column) = place(src, e);
    let lines: Vec<&str> = e.text.lines().collect();
    for (k, it) in items.iter().enumerate() {
        if let Some(p) = it.punct {
            // The item's own line, when each stands on one.
            let at = if lines.len() == items.len() {
                line + k as u64
            } else {
                line
            };
            // At the punctuation itself.
            let text = src.line_text((at as usize).clamp(1, src.line_count()));
            let column = text.find(it.name.as_str()).map_or(column, |k| {
                (text[..k].chars().count() + it.name.chars().count() + 1) as u64
            });
            let mut d = super::finding(
                Rule::AttachmentFormat,
                at,
                column,
                format!(
                    "附件说明: no punctuation after an attachment's name (`{}{p}`) ({})",
                    it.name,
                    standards::GB9704_ATTACHMENTS
                ),
            );
            d.found = Some(format!("{}{p}", it.name));
            d.expected = Some(it.name.clone());
            out.push(d);
        }
    }
    if items.len() >= 2 && items.iter().any(|i| i.number.is_none()) {
        let mut d = super::finding(
            Rule::AttachmentFormat,
            line,
            column,
            format!(
                "附件说明 lists {} attachments without numbering them all (附件：1．… 2．…) ({})",
                items.len(),
                standards::GB9704_ATTACHMENTS
            ),
        );
        d.expected = Some("1．".to_string());
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::Config;
    use crate::pipeline::{Options, process_str};

    /// (rule, line, expected) of the element findings of a text.
    fn findings(text: &str) -> Vec<(String, u64, Option<String>)> {
        let opts = Options {
            lint: Config::default(),
            ..Options::default()
        };
        process_str("t.txt", text, &opts).documents[0]
            .diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.rule.name(),
                    "doc-number-format" | "date-format" | "attachment-format"
                )
            })
            .map(|d| (d.rule.name().to_string(), d.line, d.expected.clone()))
            .collect()
    }

    const BODY: &str = "各区县人民政府：\n现就有关事项通知如下。\n一、明确责任\n各区县负责。\n二、加强考核\n市水务局负责考核。\n";

    #[test]
    fn faulty_elements_of_a_recent_notice() {
        let text = format!(
            "青川市人民政府关于加强河道保洁的通知\n青政发[24]第05号\n{BODY}附件：青川市河道名录；\n河道保洁考核细则\n青川市人民政府\n二〇二四年三月八日\n"
        );
        assert_eq!(
            findings(&text),
            vec![
                (
                    "doc-number-format".into(),
                    2,
                    Some("青政发〔2024〕5号".into())
                ),
                // At 附件 (several names, unnumbered), then at the ；after the first name.
                ("attachment-format".into(), 9, Some("1．".into())),
                ("attachment-format".into(), 9, Some("青川市河道名录".into())),
                ("date-format".into(), 12, Some("2024年3月8日".into())),
            ]
        );
    }

    #[test]
    fn well_formed_and_old_documents_pass() {
        let good = format!(
            "青川市人民政府关于加强河道保洁的通知\n青政发〔2024〕5号\n{BODY}附件：1．青川市河道名录\n2．河道保洁考核细则\n青川市人民政府\n2024年3月8日\n"
        );
        assert_eq!(findings(&good), vec![]);
        // Dated before 2012-07-01: Chinese numerals were the rule then.
        let old = format!(
            "青川市人民政府关于加强河道保洁的通知\n青政发〔2011〕5号\n{BODY}青川市人民政府\n二〇一一年三月八日\n"
        );
        assert_eq!(findings(&old), vec![]);
    }

    #[test]
    fn element_rules_are_off_outside_the_gongwen_profile() {
        let statute = "青川市河道条例\n青政发[24]第05号\n第一条 为了管理河道，制定本条例。\n第二条 本条例自公布之日起施行。\n";
        assert_eq!(findings(statute), vec![]);
    }
}
