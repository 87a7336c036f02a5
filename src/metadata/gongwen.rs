//! The GB/T 9704-2012 elements of a 公文, read in their places (§7): the 版头 above the
//! title, the 发文字号 on a line of its own, the 主送机关 after the title, the closing part
//! after the body, the 版记 at the end.

use super::{Line, attachments, date, docnumber, element, vocab};
use crate::model::{DocNumber, Metadata, Secrecy};
use crate::structure::DocTree;

/// Where the parts of a document stand, as indices into its content lines.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The first line of the title, when found.
    pub title_first: Option<usize>,
    /// The line after the title (or 0 without one).
    pub after_title: usize,
    /// The first line of the body: the first clause, or the first sentence.
    pub body: usize,
    /// The line of the 发文字号, when found.
    pub doc_number: Option<usize>,
}

/// How many content lines the head of a document may take before its body.
const HEAD_LINES: usize = 24;

impl Layout {
    /// Find the title and the body among a document's lines.
    pub fn of(lines: &[Line], doc: &DocTree) -> Layout {
        let title: Option<String> = doc.title.as_deref().map(|t| {
            t.chars()
                .filter(|c| !crate::normalize::is_blank(*c))
                .collect()
        });
        let mut out = Layout::default();
        if let Some(t) = &title {
            // A line of the title is no longer than the title with blanks and marks around
            // it; longer lines are not compacted (body paragraphs).
            let head: Vec<Option<std::borrow::Cow<'_, str>>> = lines
                .iter()
                .take(HEAD_LINES + 4)
                .map(|l| (l.text.len() <= 2 * t.len() + 16).then(|| l.compact()))
                .collect();
            'search: for i in 0..lines.len().min(HEAD_LINES) {
                let mut acc = String::new();
                for (j, part) in head.iter().enumerate().skip(i).take(4) {
                    let Some(part) = part else { break };
                    acc.push_str(part);
                    if !t.starts_with(acc.trim_start_matches('《')) && !acc.starts_with(t.as_str())
                    {
                        break;
                    }
                    if acc.trim_start_matches('《').trim_end_matches('》').len() >= t.len() {
                        out.title_first = Some(i);
                        out.after_title = j + 1;
                        break 'search;
                    }
                }
            }
        }
        let first_clause = doc.nodes.first().map(|n| n.line);
        out.body = lines
            .iter()
            .enumerate()
            .skip(out.after_title)
            .find(|(_, l)| {
                first_clause.is_some_and(|c| l.number >= c)
                    || (l.text.contains('。') && !is_note(&l.compact()))
            })
            .map_or(lines.len(), |(i, _)| i);
        out
    }
}

/// Whether a compacted line is a note in brackets (（此件公开发布）).
fn is_note(c: &str) -> bool {
    (c.starts_with('（') && c.ends_with('）')) || (c.starts_with('(') && c.ends_with(')'))
}

/// Whether a compacted line is a row of a web page's table or furniture (发文字号：…).
fn is_site_row(c: &str) -> bool {
    vocab::SITE_LABELS.iter().any(|l| {
        // A label of three or more characters opens a row however its cells are joined
        // (发文字号：…, 发文字号|…, 发文字号国办发…); a short one only before a separator.
        c.strip_prefix(l).is_some_and(|r| {
            l.chars().count() >= 3 || r.starts_with(['：', ':', '】', ']', '|', '｜'])
        })
    })
}

/// The value of a web page's row labelled `label` (发文字号：…, 成文日期|…), as written.
fn site_value<'a>(c: &'a str, label: &str) -> Option<&'a str> {
    let v = c
        .strip_prefix(label)?
        .trim_start_matches(['：', ':', '】', ']', '|', '｜']);
    (!v.is_empty()).then_some(v)
}

/// A web copy's table of fields states the 发文字号, 成文日期 and 发文机关 of the page's
/// document: used when the document itself does not state them (发布日期 is the page's, no
/// 成文日期).
fn site_fields(lines: &[Line], head_end: usize, meta: &mut Metadata) {
    for l in &lines[..head_end] {
        let c = l.compact();
        if !is_site_row(&c) {
            continue;
        }
        if meta.doc_number.is_none()
            && let Some(v) = site_value(&c, vocab::SITE_DOC_NUMBER)
            && let Some(w) = docnumber::whole_line(v)
        {
            meta.doc_number = Some(element(
                DocNumber {
                    agency_code: w.agency_code,
                    year: w.year,
                    serial: w.serial,
                },
                &v[w.start..w.end],
                l.number,
            ));
        } else if meta.date.is_none()
            && let Some(v) = site_value(&c, vocab::SITE_DATE)
            && let Some(d) = date::whole(v)
        {
            meta.date = Some(element(d.iso(), v, l.number));
        } else if meta.issuer.is_none()
            && let Some(v) = site_value(&c, vocab::SITE_ISSUER)
        {
            let names = split_list(v);
            if !names.is_empty() && names.iter().all(|n| vocab::is_body(n)) {
                meta.issuer = Some(element(names.join("、"), v, l.number));
            }
        }
    }
}

/// Read the 公文 elements.
pub fn read(lines: &[Line], layout: &Layout, meta: &mut Metadata) {
    let head_end = layout.body.min(HEAD_LINES).min(lines.len());
    doc_number(lines, head_end, meta);
    number_after_title(lines, layout, meta);
    let doc_number_at = meta
        .doc_number
        .as_ref()
        .and_then(|d| lines.iter().position(|l| l.number as u64 == d.line));
    // The 版头: above the title, or above the 发文字号 when that comes first.
    let top = match (layout.title_first, doc_number_at) {
        (Some(t), Some(d)) => t.min(d),
        (Some(t), None) => t,
        (None, Some(d)) => d,
        (None, None) => 0,
    };
    header(lines, top, doc_number_at, meta);
    second_signer(lines, meta);
    let after = layout.after_title.max(doc_number_at.map_or(0, |d| d + 1));
    addressees(lines, after, head_end.max(after + 1), meta);
    closing(lines, layout.body.min(lines.len()), meta);
    date_under_number(lines, doc_number_at, layout.body, meta);
    site_fields(lines, head_end, meta);
}

/// The 发文字号: the first line of the head that is a number alone.
fn doc_number(lines: &[Line], head_end: usize, meta: &mut Metadata) {
    for l in &lines[..head_end] {
        // A number ends in 号 (or the bracket around it), or stands before a 签发人.
        if !(l.text.ends_with(['号', '）', ')']) || l.text.contains("签发人"))
            || is_site_row(&l.compact())
        {
            continue;
        }
        if let Some(w) = docnumber::whole_line(&l.compact()) {
            let text = &l.compact()[w.start..w.end];
            meta.doc_number = Some(element(
                DocNumber {
                    agency_code: w.agency_code,
                    year: w.year,
                    serial: w.serial,
                },
                text,
                l.number,
            ));
            // 签发人 beside the number (上行文).
            signer(l, meta);
            return;
        }
    }
}

/// A web copy may state its number only at the end of its title line (关于…的通知（国办发
/// 〔2019〕3号）): when no line holds the number alone, the title's bracketed end is read.
fn number_after_title(lines: &[Line], layout: &Layout, meta: &mut Metadata) {
    let (Some(first), true) = (layout.title_first, meta.doc_number.is_none()) else {
        return;
    };
    let Some(l) = lines
        .get(layout.after_title.saturating_sub(1))
        .filter(|_| first < layout.after_title)
    else {
        return;
    };
    let c = l.compact();
    let c = c.trim_end_matches(['】', ']']);
    let Some(open) = c.rfind(['（', '(']) else {
        return;
    };
    if let Some(w) = docnumber::whole_line(&c[open..]) {
        let text = &c[open..][w.start..w.end];
        meta.doc_number = Some(element(
            DocNumber {
                agency_code: w.agency_code,
                year: w.year,
                serial: w.serial,
            },
            text,
            l.number,
        ));
    }
}

/// 签发人：张三 李四 on a line; the names as written, parted by blanks or ，、 and joined
/// by 、.
fn signer(l: &Line, meta: &mut Metadata) {
    if meta.signer.is_some() {
        return;
    }
    let Some(k) = l.text.find("签发人") else {
        return;
    };
    let written = l.text[k + "签发人".len()..]
        .trim_start_matches(|c: char| crate::normalize::is_blank(c) || c == '：' || c == ':');
    let names: Vec<&str> = written
        .split(|c: char| crate::normalize::is_blank(c) || matches!(c, '，' | '、' | ','))
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() || names.iter().map(|n| n.chars().count()).sum::<usize>() > 24 {
        return;
    }
    meta.signer = Some(element(names.join("、"), &l.text[k..], l.number));
}

/// Whether a compacted line is a person's name alone: two to four ideographs (a second
/// 签发人 written under the first, a 署名 after an office: 市长　王某某).
pub(super) fn is_person_name(c: &str) -> bool {
    (2..=4).contains(&c.chars().count())
        && c.chars().all(|ch| ('\u{4E00}'..='\u{9FFF}').contains(&ch))
}

/// A further 签发人 alone on the line under the first (两个签发人, §7.2.6): added to the
/// names.
fn second_signer(lines: &[Line], meta: &mut Metadata) {
    let Some(s) = &mut meta.signer else {
        return;
    };
    let Some(i) = lines.iter().position(|l| l.number as u64 == s.line) else {
        return;
    };
    let Some(n) = lines.get(i + 1) else {
        return;
    };
    let c = n.compact();
    if is_person_name(&c) && !vocab::is_body(&c) {
        s.value = format!("{}、{}", s.value, c);
        s.text.push('\n');
        s.text.push_str(n.text);
    }
}

/// 份号, 密级, 紧急程度, 发文机关标志 and 签发人 in the lines above `top`.
fn header(lines: &[Line], top: usize, doc_number_at: Option<usize>, meta: &mut Metadata) {
    let mut mark: Vec<&Line> = Vec::new();
    for l in &lines[..top.min(12)] {
        let compact = l.compact();
        let c = compact.as_ref();
        if is_site_row(c) {
            continue;
        }
        if c.contains("签发人") {
            signer(l, meta);
            continue;
        }
        let digits = c.trim_start_matches("份号").trim_start_matches(['：', ':']);
        if meta.copy_number.is_none()
            && (6..=8).contains(&digits.chars().count())
            && digits
                .chars()
                .all(|ch| ch.is_ascii_digit() || ('０'..='９').contains(&ch))
        {
            meta.copy_number = Some(element(digits.to_string(), c, l.number));
            continue;
        }
        if let Some(level) = vocab::SECRECY.iter().find(|s| c.starts_with(**s)) {
            let rest = &c[level.len()..];
            // 秘密★1年, 机密 5年, and an urgency on the same line (机密★1年特急).
            let (rest, urgency) = match vocab::URGENCY.iter().find(|u| rest.ends_with(**u)) {
                Some(u) => (&rest[..rest.len() - u.len()], Some(*u)),
                None => (rest, None),
            };
            let period = rest.trim_start_matches(['★', '☆', '*', '＊']);
            if period.chars().count() <= 6 {
                meta.secrecy = Some(element(
                    Secrecy {
                        level: level.to_string(),
                        period: (!period.is_empty()).then(|| period.to_string()),
                    },
                    &c[..c.len() - urgency.map_or(0, str::len)],
                    l.number,
                ));
                if let Some(u) = urgency {
                    meta.urgency = Some(element(u.to_string(), u, l.number));
                }
                continue;
            }
        }
        if let Some(u) = vocab::URGENCY.iter().find(|u| c == **u) {
            meta.urgency = Some(element(u.to_string(), u, l.number));
            continue;
        }
        // The issuer's mark: names of bodies, the last one followed by 文件, or a body's
        // name alone above the number (信函格式).
        let name = c.strip_suffix("文件").unwrap_or(c);
        if vocab::is_body(name) || (name.is_empty() && !mark.is_empty()) {
            mark.push(l);
        } else {
            mark.clear();
        }
    }
    let ends_with_file = mark.last().is_some_and(|l| l.compact().ends_with("文件"));
    if !mark.is_empty() && (ends_with_file || doc_number_at.is_some()) {
        let names: Vec<String> = mark
            .iter()
            .flat_map(|l| bodies_in(l.text.strip_suffix("文件").unwrap_or(l.text)))
            .map(|n| n.strip_suffix("文件").map(str::to_string).unwrap_or(n))
            .filter(|n| !n.is_empty())
            .collect();
        let text: Vec<&str> = mark.iter().map(|l| l.text).collect();
        meta.issuer_mark = Some(element(names.join("、"), &text.join("\n"), mark[0].number));
    }
}

/// 主送机关: the first line after the title (and number) whose text up to a colon names
/// bodies; the rest of the line may be the body's first sentence (a flattened copy).
fn addressees(lines: &[Line], from: usize, to: usize, meta: &mut Metadata) {
    let end = to.min(lines.len());
    for (i, l) in lines.iter().enumerate().take(end).skip(from).take(8) {
        let mut c = l.compact().to_string();
        if is_site_row(&c) || c.starts_with("附件") {
            continue;
        }
        // A list wrapped over lines: after a separator (…国务院各部委、\n各直属机构：) or
        // inside a name, when the next line is the short rest that ends the list (…各有关\n
        // 单位：).
        let mut k = i;
        while !c.contains(['：', ':', '。'])
            && k + 1 < end
            && k < i + 2
            && (c.ends_with(['、', '，', ',']) || continues_list(&c, &lines[k + 1].compact()))
        {
            k += 1;
            c.push_str(&lines[k].compact());
        }
        let Some(k) = c.find(['：', ':']) else {
            continue;
        };
        // A 主送 line glued to the title (…的通知各县人民政府：) starts after the title's
        // genre word.
        let from = glued_title_end(&c[..k]).unwrap_or(0);
        let head = &c[from..k];
        let items = split_list(head);
        if items.is_empty() || !items.iter().all(|i| vocab::is_body(i) || is_body_group(i)) {
            continue;
        }
        let colon = c[k..].chars().next().map_or(0, char::len_utf8);
        meta.addressees = Some(element(items, &c[from..k + colon], l.number));
        return;
    }
}

/// Where a title glued before a list of bodies ends (关于做好某某工作的通知|各县人民政府，
/// 市政府各部门): after the last genre word (通知, 意见, 批复 …) of a title (关于…的) whose
/// rest opens with a body's name (the glued whole may read as a body's name too: it ends
/// with one). `None` when no title stands there.
pub(super) fn glued_title_end(head: &str) -> Option<usize> {
    let about = head.find(vocab::TITLE_ABOUT)?;
    vocab::GENRE_WORDS
        .iter()
        .flat_map(|w| head.match_indices(w).map(move |(k, _)| k + w.len()))
        .filter(|&end| end > about && end < head.len())
        .filter(|&end| {
            split_list(&head[end..])
                .first()
                .is_some_and(|i| vocab::is_body(i) || is_body_group(i))
        })
        .max()
}

/// The longest rest of a 主送 line broken inside a name that the next line may hold.
const MAX_LIST_REST_CHARS: usize = 16;

/// Whether `next` is the rest of a list of bodies broken inside a name at the end of `line`
/// (both compacted): `line` is a list of bodies (separated, every name before the break a
/// body's) and `next` is a short line that closes the list with its colon. A title's last
/// line (no list of bodies) and the body's first sentence (a long line, or one that does not
/// end with a colon) are no such rest.
pub(super) fn continues_list(line: &str, next: &str) -> bool {
    let rest = next.trim_end_matches(['：', ':']);
    if rest.len() == next.len()
        || rest.is_empty()
        || rest.chars().count() > MAX_LIST_REST_CHARS
        || rest.chars().count() >= line.chars().count()
        || rest.contains(['：', ':', '。', '，', ',', '；', ';'])
    {
        return false;
    }
    let items = split_list(line);
    items.len() >= 2
        && items[..items.len() - 1]
            .iter()
            .all(|i| vocab::is_body(i) || is_body_group(i))
}

/// A group of bodies joined by 、 (各省、自治区、直辖市人民政府): its last member names the
/// kind of body.
fn is_body_group(s: &str) -> bool {
    s.rsplit('、').next().is_some_and(vocab::is_body)
}

/// A list of bodies as written: split at ， and ；, the closing 。 dropped. A 、 parts
/// bodies too when every part names one (省发展改革委、省财政厅), but joins the members of
/// one group that 各 opens (各省、自治区、直辖市人民政府) or shares (国务院各部委、各直属机构)
/// and stays inside brackets (各县（市、区）人民政府).
pub fn split_list(s: &str) -> Vec<String> {
    s.trim_end_matches(['。', '.', '；', ';', '，', ','])
        .split(['，', '；', ';', ','])
        .map(|x| {
            x.trim_matches(|c: char| crate::normalize::is_blank(c))
                .to_string()
        })
        .filter(|x| !x.is_empty())
        .flat_map(|x| split_enumeration(&x))
        .collect()
}

/// The bodies of an item joined by 、 outside brackets, when each names a body and no 各
/// before the first governs the rest; else the item whole.
fn split_enumeration(item: &str) -> Vec<String> {
    let mut parts: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    for c in item.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' if depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    // 各 before the first governs the rest (各省、自治区); a body before 各 in the first
    // governs the 各 of the rest (国务院各部委、各直属机构).
    let governed = (parts[0].starts_with('各') && parts[1..].iter().any(|p| !p.starts_with('各')))
        || (parts[0].contains('各') && parts[1..].iter().all(|p| p.starts_with('各')));
    if parts.len() < 2 || governed || !parts.iter().all(|p| vocab::is_body(p)) {
        return vec![item.to_string()];
    }
    parts
}

/// The closing part and the 版记: 附件说明, 发文机关署名, 成文日期, 附注, 抄送, 印发.
fn closing(lines: &[Line], body: usize, meta: &mut Metadata) {
    // 成文日期: the first line after the body's start that is a date alone (or a body's
    // name and a date).
    let date_at = lines
        .iter()
        .enumerate()
        .skip(body)
        .find(|(_, l)| date_line(l, meta))
        .map(|(i, _)| i);
    if let Some(i) = date_at {
        if meta.issuer.is_none() {
            issuer(lines, body, i, meta);
        }
        if let Some(n) = lines.get(i + 1)
            && is_note(&n.compact())
            && n.compact().chars().count() <= 80
        {
            let compact = n.compact();
            let inner = compact.trim_start_matches(['（', '(']);
            let inner = inner.strip_suffix(['）', ')']).unwrap_or(inner);
            meta.note = Some(element(inner.to_string(), n.text, n.number));
        }
    }
    attachments::read(lines, body, date_at.unwrap_or(lines.len()), meta);
    imprint(lines, body, meta);
}

/// Whether `l` is a date line — a date alone, or a body's name and a date (某某市人民政府
/// 2023年5月4日) —; if so its date (and body) are the document's 成文日期 (and 署名).
fn date_line(l: &Line, meta: &mut Metadata) -> bool {
    // A date line is short and ends in 日.
    if l.text.len() > 120 || !l.text.ends_with('日') || is_site_row(&l.compact()) {
        return false;
    }
    let c = l.compact();
    if let Some(d) = date::whole(&c) {
        meta.date = Some(element(d.iso(), l.text, l.number));
        return true;
    }
    if let Some(d) = date::find_all(&c).last().copied()
        && d.end == c.len()
        && d.start > 0
        && vocab::is_body(&c[..d.start])
    {
        meta.date = Some(element(d.iso(), &c[d.start..], l.number));
        meta.issuer = Some(element(c[..d.start].to_string(), &c[..d.start], l.number));
        return true;
    }
    false
}

/// A document whose date stands under its number, above the body (a 纪要: `〔2025〕3号`
/// over `某某市人民政府办公室　2025年2月18日`), when the closing part gave none.
fn date_under_number(
    lines: &[Line],
    doc_number_at: Option<usize>,
    body: usize,
    meta: &mut Metadata,
) {
    let (None, Some(n)) = (&meta.date, doc_number_at) else {
        return;
    };
    for l in lines.iter().take(body.min(n + 3)).skip(n + 1) {
        if date_line(l, meta) {
            return;
        }
    }
}

/// 发文机关署名: the lines right above the date that name bodies (several for a joint
/// document; a name spaced out to the width of the others is closed up).
fn issuer(lines: &[Line], body: usize, date_at: usize, meta: &mut Metadata) {
    let mut names: Vec<&Line> = Vec::new();
    // A page number (—４—) may stand between the names and the date.
    let above = lines[body..date_at]
        .iter()
        .rev()
        .skip_while(|l| crate::formats::pdf::is_page_number(l.text));
    for l in above.take(4) {
        if vocab::is_body(&l.compact()) && !l.compact().starts_with("附件") {
            names.push(l);
        } else {
            break;
        }
    }
    names.reverse();
    if let Some(first) = names.first() {
        let value: Vec<String> = names.iter().flat_map(|l| bodies_in(l.text)).collect();
        let text: Vec<&str> = names.iter().map(|l| l.text).collect();
        meta.issuer = Some(element(value.join("、"), &text.join("\n"), first.number));
    }
}

/// The names of bodies on a line: parted by blanks (临江市人民政府　临江市财政局); a name
/// spaced out letter by letter to the width of another (国 家 数 据 局) is closed up.
fn bodies_in(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text
        .split(crate::normalize::is_blank)
        .filter(|t| !t.is_empty())
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut spaced = false;
    for t in tokens {
        let single = t.chars().count() == 1;
        match out.last_mut() {
            Some(last) if single && (spaced || last.chars().count() == 1) => {
                last.push_str(t);
                spaced = true;
            }
            _ => {
                out.push(t.to_string());
                spaced = false;
            }
        }
    }
    out
}

/// 抄送 and the 印发 line of the 版记.
fn imprint(lines: &[Line], body: usize, meta: &mut Metadata) {
    for (i, l) in lines.iter().enumerate().skip(body) {
        if !(l.text.starts_with(['抄', '分']) || l.text.ends_with('发')) {
            continue;
        }
        let compact = l.compact();
        let c = compact.as_ref();
        // 分送 is the 抄送 of a 纪要 (GB/T 9704-2012 §10.2).
        if let Some(rest) = vocab::CC_LABELS
            .iter()
            .find_map(|w| c.strip_prefix(w))
            .and_then(|r| r.strip_prefix(['：', ':']))
        {
            // The list runs on over the next lines until it closes with 。.
            let mut list = rest.to_string();
            let mut text = l.text.to_string();
            for n in lines.iter().skip(i + 1).take(4) {
                if list.ends_with('。')
                    || n.compact().ends_with("印发")
                    || n.compact().contains('：')
                {
                    break;
                }
                list.push_str(&n.compact());
                text.push('\n');
                text.push_str(n.text);
            }
            let items = split_list(&list);
            if !items.is_empty() {
                meta.cc = Some(element(items, &text, l.number));
            }
            continue;
        }
        if let Some(head) = c.strip_suffix("印发")
            && let Some(d) = date::find_all(head).last().copied()
            && d.end == head.len()
        {
            let by = &head[..d.start];
            if vocab::is_body(by) {
                meta.printed_by = Some(element(by.to_string(), by, l.number));
            }
            meta.print_date = Some(element(d.iso(), &c[d.start..], l.number));
        }
    }
}
