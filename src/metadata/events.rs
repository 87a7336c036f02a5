//! A statute's or party rule's history: the dated lines under its title
//! (`2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过`, `（2016年7月8日
//! 中共中央政治局会议审议通过　2016年7月8日中共中央发布）`, a LawRefBook header block) and
//! its closing article (`本法自2024年1月1日起施行`), plus the 令 that promulgated it.

use std::sync::LazyLock;

use regex::Regex;

use super::gongwen::Layout;
use super::{Line, date, docnumber, element, vocab};
use crate::model::{Event, EventKind, Metadata};
use crate::structure::DocTree;
use crate::text::SourceText;

/// How many content lines after the title the header may take.
const HEADER_LINES: usize = 20;

/// Words that may stand before the date of an event line: `（`, `根据`, `经`.
const LEADS: &[&str] = &["（", "(", "【", "[", "根据", "经", "于"];

/// The byte length of the lead of `s` before its first date, when `s` opens with a date
/// after such a lead.
fn event_line(s: &str) -> Option<usize> {
    let mut rest = s;
    loop {
        let t = crate::normalize::trim_start_blanks(rest);
        match LEADS.iter().find(|l| t.starts_with(**l)) {
            Some(l) => rest = &t[l.len()..],
            None => {
                rest = t;
                break;
            }
        }
    }
    let d = date::at_start_partial(rest)?;
    // 2023年5月4日，市政府召开…: a sentence that opens with a date is no dated line.
    let after = crate::normalize::trim_start_blanks(&rest[d.end..]);
    // A date alone on its line is a document's date (成文日期), not a statement.
    (!after.is_empty() && !after.starts_with(['，', ',', '、'])).then_some(s.len() - rest.len())
}

/// `s` without the spans in 《》 and 〈〉 (the names of amending decisions).
fn outside_titles(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '《' | '〈' | '<' => depth += 1,
            '》' | '〉' | '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The event words of `plain`, in order: (byte position, kind).
fn words(plain: &str) -> Vec<(usize, EventKind)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < plain.len() {
        if let Some((w, k)) = vocab::EVENT_WORDS
            .iter()
            .find(|(w, _)| plain[i..].starts_with(w))
        {
            let next = &plain[i + w.len()..];
            // 通过的《…修正案》: the word qualifies a name, it is no event of its own; the
            // 通过 of 修订通过 is the revision's.
            let attributive = next.starts_with('的');
            let of_revision = *k == EventKind::Adopted
                && out.last().is_some_and(|&(j, kind): &(usize, EventKind)| {
                    matches!(kind, EventKind::Revised | EventKind::Amended)
                        && plain[j..i].chars().count() == 2
                });
            if !attributive && !of_revision {
                out.push((i, *k));
            }
            i += w.len();
        } else {
            i += plain[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// Trailing words that are not part of the acting body (第一次修正, 公告公布, 以…通知印发).
static BODY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(以.*号.*|第[一二三四五六七八九十0-9]+次|审议|公告|并|、|和|及|以|根据|的|决定|关于|通过)+$",
    )
    .expect("a valid pattern")
});

/// The acting body of an event: the words between its date and its verb, without an
/// order number (…令第306号 → its body), a decision's name or the 第N次 of an amendment.
fn body_of(between: &str, order: &mut Option<(String, usize)>, line: usize) -> Option<String> {
    let mut b: String = outside_titles(between)
        .chars()
        .filter(|c| !crate::normalize::is_blank(*c))
        .collect();
    for lead in ["根据", "经", "由"] {
        if let Some(r) = b.strip_prefix(lead) {
            b = r.to_string();
        }
    }
    if let Some((o, start, _)) = docnumber::order(&b) {
        if order.is_none() {
            *order = Some((o, line));
        }
        let ling = b[start..].find("令").map_or(b.len(), |k| start + k);
        b.truncate(ling);
    }
    let mut b = b.trim_matches(['（', '）', '(', ')']).to_string();
    loop {
        let cut = BODY_TAIL.replace(&b, "").into_owned();
        if cut == b {
            break;
        }
        b = cut;
    }
    (b.chars().count() >= 2).then_some(b)
}

/// One statement of a header line: from its date to the next date.
#[derive(Debug)]
struct Statement {
    line: usize,
    date: date::Found,
    /// The statement as written (original line text).
    text: String,
    /// The words after the date (continuation lines appended).
    after: String,
}

/// Read the events and the 令 number.
pub fn read(src: &SourceText, doc: &DocTree, lines: &[Line], layout: &Layout, meta: &mut Metadata) {
    let mut order: Option<(String, usize)> = None;
    let mut statements = header_statements(src, doc, lines, layout, &mut order);
    bracketed_statements(lines, layout, &mut statements);
    let mut events: Vec<Event> = Vec::new();
    for (k, s) in statements.iter().enumerate() {
        let plain = outside_titles(&s.after);
        let mut ws = words(&plain);
        // X、Y通过: a statement without a verb shares the next one's.
        if ws.is_empty() {
            let shared = statements
                .get(k + 1)
                .map(|n| words(&outside_titles(&n.after)));
            match shared.and_then(|w| w.first().copied()) {
                Some((_, kind)) => ws = vec![(plain.len(), kind)],
                None => continue,
            }
        }
        let body = body_of(&plain[..ws[0].0], &mut order, s.line);
        let mut kinds: Vec<EventKind> = Vec::new();
        for &(_, kind) in &ws {
            if !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        for kind in kinds {
            events.push(Event {
                kind,
                date: Some(s.date.iso()),
                body: body.clone(),
                text: s.text.clone(),
                line: s.line as u64,
            });
        }
    }
    if order.is_none() {
        order = order_line(lines, layout);
    }
    // A 令's promulgation text may state the date in force that the rule's closing article
    // repeats.
    let in_force = order
        .as_ref()
        .is_some_and(|(_, line)| promulgation(lines, layout, *line, meta, &mut events));
    undated_promulgation(lines, layout, &mut events);
    if !in_force {
        closing_article(src, doc, lines, meta, &mut events);
    }
    meta.events = events;
    // The value names the order as it is cited (国务院令第752号); the text keeps the
    // country's name as written.
    meta.order_number = order.map(|(o, line)| element(o.replace("中华人民共和国", ""), &o, line));
}

/// The statements of the dated lines under the title.
fn header_statements(
    src: &SourceText,
    doc: &DocTree,
    lines: &[Line],
    layout: &Layout,
    order: &mut Option<(String, usize)>,
) -> Vec<Statement> {
    // A LawRefBook file closes its header with <!-- INFO END -->.
    let info_end = (doc.line_start..=doc.line_end.min(doc.line_start + 60))
        .find(|&n| n <= src.line_count() && src.line_text(n).contains("INFO END"));
    let first_clause = doc.nodes.first().map(|n| n.line);
    let mut out: Vec<Statement> = Vec::new();
    // Whether the last statement still waits for its verb on the next line.
    let mut open = false;
    // The title's lines are passed over: the dated lines may stand above the line that
    // was taken for the title, never inside it.
    let title = layout.title_first.map_or(0..0, |t| t..layout.after_title);
    for (i, l) in lines
        .iter()
        .enumerate()
        .take(layout.after_title + HEADER_LINES)
    {
        if first_clause.is_some_and(|c| l.number >= c) || info_end.is_some_and(|e| l.number > e) {
            break;
        }
        if title.contains(&i) {
            continue;
        }
        let opens_event = event_line(l.text);
        // In a document without clauses, a sentence (。 outside brackets) that is no dated
        // line starts the body; before a first clause, other lines (a preamble, the notice
        // that issues a rule) may stand between the dated ones.
        let sentence = info_end.is_none()
            && first_clause.is_none()
            && opens_event.is_none()
            && l.text.contains('。')
            && !(l.text.starts_with(['（', '(']) && l.text.ends_with(['）', ')']));
        if sentence && i >= title.end {
            break;
        }
        let dates = if opens_event.is_some() || open {
            date::find_all_partial(l.text)
        } else {
            Vec::new()
        };
        let (lead, head) = match opens_event {
            Some(lead) => (lead, ""),
            // A line that goes on with the statement above: its words up to a date that
            // starts the next one (…第一次修正根据2018年9月7日…).
            None if open && !out.is_empty() => {
                let cut = dates.first().map_or(l.text.len(), |d| d.start);
                (cut, &l.text[..cut])
            }
            None => {
                // The line of the 令 itself (某某市人民政府令第15号) or one that says it
                // promulgated the text (…令第31号公布), not one that cites another 令 in a
                // sentence (依照《…办法》（某某市人民政府令第188号）第十四条).
                if order.is_none()
                    && l.text.contains('令')
                    && let Some((o, start, end)) = docnumber::order(&l.compact())
                    && (l.compact()[..start]
                        .trim_start_matches(['（', '(', '【', '['])
                        .is_empty()
                        || vocab::EVENT_WORDS.iter().any(|(w, k)| {
                            *k == EventKind::Promulgated && l.compact()[end..].starts_with(w)
                        }))
                {
                    *order = Some((o, l.number));
                }
                continue;
            }
        };
        if !head.is_empty()
            && let Some(last) = out.last_mut()
        {
            last.after
                .extend(head.chars().filter(|c| !crate::normalize::is_blank(*c)));
        }
        let text = &l.text[lead..];
        let dates: Vec<date::Found> = dates
            .into_iter()
            .filter(|d| d.start >= lead)
            .map(|d| date::Found {
                start: d.start - lead,
                end: d.end - lead,
                ..d
            })
            .collect();
        for (k, d) in dates.iter().enumerate() {
            let end = dates.get(k + 1).map_or(text.len(), |n| n.start);
            let stated = text[d.start..end].trim_matches(|c: char| {
                crate::normalize::is_blank(c) || "（）()【】[]、，,。".contains(c)
            });
            out.push(Statement {
                line: l.number,
                date: *d,
                text: stated.to_string(),
                after: text[d.end..end].to_string(),
            });
        }
        open = out
            .last()
            .is_some_and(|s| words(&outside_titles(&s.after)).is_empty());
    }
    out
}

/// A dated note in brackets on lines of its own below the head — the header of a rule that a
/// notice issues (（二〇〇四年六月十六日国务院\n第54次常务会议修订通过）) — gives statements
/// too.
fn bracketed_statements(lines: &[Line], layout: &Layout, out: &mut Vec<Statement>) {
    let done: Vec<usize> = out.iter().map(|s| s.line).collect();
    let mut i = layout.body;
    while i < lines.len() {
        let l = &lines[i];
        let opens = l.text.starts_with(['（', '(']) && l.text.contains('年');
        if !opens || done.contains(&l.number) || event_line(l.text).is_none() {
            i += 1;
            continue;
        }
        // The note and the lines it runs on to, through its closing bracket.
        let mut text = l.text.to_string();
        let mut k = i;
        while !text.contains(['）', ')']) && k + 1 < lines.len() && k < i + 2 {
            k += 1;
            text.push_str(lines[k].text);
        }
        if !text.trim_end().ends_with(['）', ')']) {
            i += 1;
            continue;
        }
        let lead = event_line(&text).unwrap_or(0);
        let body = &text[lead..];
        let dates = date::find_all_partial(body);
        for (n, d) in dates.iter().enumerate() {
            let end = dates.get(n + 1).map_or(body.len(), |x| x.start);
            out.push(Statement {
                line: l.number,
                date: *d,
                text: body[d.start..end]
                    .trim_matches(|c: char| {
                        crate::normalize::is_blank(c) || "（）()、，,。".contains(c)
                    })
                    .to_string(),
                after: body[d.end..end].to_string(),
            });
        }
        i = k + 1;
    }
}

/// `中共中央办公厅　国务院办公厅印发《…》` on a line of the head: a promulgation by the bodies
/// named, on a date the text does not give.
fn undated_promulgation(lines: &[Line], layout: &Layout, events: &mut Vec<Event>) {
    let head = &lines[layout.after_title.min(lines.len())..layout.body.min(lines.len())];
    for l in head.iter().take(4) {
        let compact = l.compact();
        let c = compact.as_ref();
        let before_title = c.find('《').map_or(c, |k| &c[..k]);
        let Some(verb) = ["印发", "发布", "公布", "颁布"]
            .iter()
            .find(|v| before_title.ends_with(**v))
        else {
            continue;
        };
        if c.len() > before_title.len() && !c.ends_with('》') {
            continue;
        }
        // The bodies as written: parted by blanks or 、.
        let written = l.text.find('《').map_or(l.text, |k| &l.text[..k]);
        let written = written.trim_end().strip_suffix(*verb).unwrap_or(written);
        let bodies: Vec<&str> = written
            .split(|c: char| crate::normalize::is_blank(c) || c == '、')
            .filter(|b| !b.is_empty())
            .collect();
        if bodies.is_empty() || !bodies.iter().all(|b| super::vocab::is_body(b)) {
            continue;
        }
        events.push(Event {
            kind: EventKind::Promulgated,
            date: None,
            body: Some(bodies.join("、")),
            text: l.text.to_string(),
            line: l.number as u64,
        });
        return;
    }
}

/// How many content lines after its number a 令's promulgation text may take.
const ORDER_LINES: usize = 10;

/// The promulgation text of a 命令（令） (GB/T 9704-2012 §10.3): under the 令 line and its
/// number, `《…》已经2025年3月4日某某会议审议通过，现予公布，自2025年5月1日起施行。`, the
/// signature (`市长　王某某`) and the date. Gives the adopted, promulgated and effective
/// events, the 签发人, the 成文日期 (the date under the signature) and the 发文机关标志 (the
/// 令 line). Returns whether it stated the date in force.
fn promulgation(
    lines: &[Line],
    layout: &Layout,
    order_line: usize,
    meta: &mut Metadata,
    events: &mut Vec<Event>,
) -> bool {
    let Some(at) = lines.iter().position(|l| l.number == order_line) else {
        return false;
    };
    let mark = lines[at].compact();
    // Only a 令 that heads the document (its line opens with the body's name and 令), not a
    // dated header line that names the 令 (2019年2月17日 国务院令第708号公布).
    let heads = docnumber::order(&mark).is_some_and(|(_, start, _)| start == 0)
        || mark.strip_suffix('令').is_some_and(vocab::is_body);
    if !heads {
        return false;
    }
    if let Some(k) = mark.find('令')
        && meta.issuer_mark.is_none()
        && vocab::is_body(&mark[..k])
    {
        let end = k + '令'.len_utf8();
        meta.issuer_mark = Some(element(mark[..end].to_string(), lines[at].text, order_line));
    }
    let title = layout
        .title_first
        .filter(|&t| t > at)
        .unwrap_or(lines.len());
    let mut stated: Vec<Event> = Vec::new();
    // The line and phrase of the promulgation (现予公布).
    let mut published: Option<(usize, &str)> = None;
    let mut effective: Option<Event> = None;
    let mut signed = false;
    for l in lines
        .iter()
        .take(title.min(at + 1 + ORDER_LINES))
        .skip(at + 1)
    {
        let c = l.compact();
        if let Some(d) = date::whole(&c) {
            if signed || published.is_some() {
                if meta.date.is_none() {
                    meta.date = Some(element(d.iso(), l.text, l.number));
                }
                if let Some((line, phrase)) = published.take() {
                    stated.push(Event {
                        kind: EventKind::Promulgated,
                        date: Some(d.iso()),
                        body: None,
                        text: phrase.to_string(),
                        line: line as u64,
                    });
                }
                break;
            }
            continue;
        }
        if let Some(name) = signature(l.text) {
            if meta.signer.is_none() {
                meta.signer = Some(element(name.to_string(), l.text, l.number));
            }
            signed = true;
            continue;
        }
        let Some((cut, phrase)) = vocab::PROMULGATION_PHRASES
            .iter()
            .filter_map(|p| c.find(p).map(|k| (k, *p)))
            .min()
        else {
            continue;
        };
        published = Some((l.number, phrase));
        // The acts stated before the promulgation: 已经…审议通过, 经…批准.
        let before = &c[..cut];
        let dates = date::find_all_partial(before);
        for (k, d) in dates.iter().enumerate() {
            let end = dates.get(k + 1).map_or(before.len(), |n| n.start);
            let after = &before[d.end..end];
            let plain = outside_titles(after);
            let Some(&(w, kind)) = words(&plain).first() else {
                continue;
            };
            let mut none = None;
            stated.push(Event {
                kind,
                date: Some(d.iso()),
                body: body_of(&plain[..w], &mut none, l.number),
                text: before[d.start..end]
                    .trim_end_matches(['，', ',', '。'])
                    .to_string(),
                line: l.number as u64,
            });
        }
        if let Some((start, end, when)) = in_force(&c) {
            effective = date::find_all(when).first().map(|d| Event {
                kind: EventKind::Effective,
                date: Some(d.iso()),
                body: None,
                text: c[start..end].to_string(),
                line: l.number as u64,
            });
        }
    }
    events.extend(stated);
    let stated_in_force = effective.is_some();
    events.extend(effective);
    stated_in_force
}

/// The name of a signature line `市长　王某某` (an office and a person's name).
fn signature(text: &str) -> Option<&str> {
    let mut parts = text
        .split(crate::normalize::is_blank)
        .filter(|p| !p.is_empty());
    let (office, name) = (parts.next()?, parts.next()?);
    (parts.next().is_none()
        && vocab::OFFICES.iter().any(|o| office.ends_with(o))
        && super::gongwen::is_person_name(name))
    .then_some(name)
}

/// A 令 number on a line of its own in the head (`中华人民共和国国务院令` over `第752号`).
fn order_line(lines: &[Line], layout: &Layout) -> Option<(String, usize)> {
    let head = &lines[..layout.body.min(lines.len()).min(HEADER_LINES)];
    for (i, l) in head.iter().enumerate() {
        if !l.text.contains('令') {
            continue;
        }
        if let Some((o, start, end)) = docnumber::order(&l.compact())
            && start == 0
            && end == l.compact().len()
        {
            return Some((o, l.number));
        }
        if l.compact().ends_with('令')
            && let Some(n) = head.get(i + 1)
        {
            let joined = format!("{}{}", l.compact(), n.compact());
            if let Some((o, 0, end)) = docnumber::order(&joined)
                && end == joined.len()
            {
                return Some((o, l.number));
            }
        }
    }
    None
}

/// The verbs after 起 in a closing article.
const IN_FORCE: &[&str] = &["施行", "实施", "生效", "执行"];

/// `本法自2024年1月1日起施行`, `本规定自发布之日起施行`, `自…起施行` opening a sentence, in
/// `text`: the byte range of the statement and the words between 自 and 起.
fn in_force(text: &str) -> Option<(usize, usize, &str)> {
    let sentence_end = |c: char| "，。；：\n".contains(c);
    for (k, _) in text.match_indices('起') {
        let after = &text[k + '起'.len_utf8()..];
        let Some(verb) = IN_FORCE.iter().find(|v| after.starts_with(**v)) else {
            continue;
        };
        let end = k + '起'.len_utf8() + verb.len();
        // 自 within forty characters before 起, in the same clause of the sentence.
        let before = &text[..k];
        let mut zi = None;
        for (n, (j, c)) in before.char_indices().rev().enumerate() {
            if n > 40 || sentence_end(c) {
                break;
            }
            if c == '自' {
                zi = Some(j);
                break;
            }
        }
        let Some(zi) = zi else { continue };
        // 本… before 自 (本法, 本规定), or 自 opening the sentence.
        let lead = &text[..zi];
        let mut start = None;
        for (n, (j, c)) in lead.char_indices().rev().enumerate() {
            if n > 16 || sentence_end(c) {
                break;
            }
            if c == '本' {
                start = Some(j);
                break;
            }
        }
        let opens = lead.is_empty() || lead.ends_with(sentence_end);
        if let Some(start) = start.or(opens.then_some(zi)) {
            return Some((start, end, &text[zi + '自'.len_utf8()..k]));
        }
    }
    None
}

/// The date of the act that `when` names (发布之日, 印发之日, 通过之日): the date of the
/// document's latest event of that kind, else for a promulgation the 成文日期.
fn date_of_act(when: &str, meta: &Metadata, events: &[Event]) -> Option<String> {
    let (_, kind) = vocab::EVENT_WORDS.iter().find(|(w, _)| when.contains(w))?;
    // The latest: a revised text is in force from its own promulgation.
    events
        .iter()
        .rev()
        .find(|e| e.kind == *kind && e.date.is_some())
        .and_then(|e| e.date.clone())
        .or_else(|| {
            (*kind == EventKind::Promulgated)
                .then(|| meta.date.as_ref().map(|d| d.value.clone()))
                .flatten()
        })
}

/// Where a text searched for the closing article comes from.
#[derive(Debug, Clone, Copy)]
enum Place<'a> {
    /// A clause's own text.
    Own(&'a crate::text::MappedText),
    /// A line of the document.
    Line(usize),
}

/// The effective date from the closing article of the document. A date that the article
/// names by an act (自发布之日起施行, 自印发之日起施行, 自通过之日起施行) is the date of that
/// act when the document states it (its event, or for 发布/印发 its 成文日期); without it
/// there is no event.
fn closing_article(
    src: &SourceText,
    doc: &DocTree,
    lines: &[Line],
    meta: &Metadata,
    events: &mut Vec<Event>,
) {
    // The last three clauses, latest first; a document without clauses, its last lines.
    let texts: Vec<(&str, Place)> = if doc.nodes.is_empty() {
        lines[lines.len().saturating_sub(8)..]
            .iter()
            .rev()
            .map(|l| (l.text, Place::Line(l.number)))
            .collect()
    } else {
        doc.nodes
            .iter()
            .rev()
            .take(3)
            .map(|n| (n.own.as_str(), Place::Own(&n.own)))
            .collect()
    };
    for (text, place) in texts {
        let Some((start, end, when)) = in_force(text) else {
            continue;
        };
        let date = date::find_all(when)
            .first()
            .map(date::Found::iso)
            .or_else(|| date_of_act(when, meta, events));
        let Some(date) = date else {
            return;
        };
        let date = Some(date);
        let stated = &text[start..end];
        events.push(Event {
            kind: EventKind::Effective,
            date,
            body: None,
            text: stated.to_string(),
            line: match place {
                Place::Line(n) => n,
                Place::Own(own) => src.line_of(own.source_offset(start)),
            } as u64,
        });
        return;
    }
}
