//! Metadata as table rows: one row per element, per item of a list element and per event,
//! for the analyst's CSV tables (`extract --format csv`).

use crate::model::{Element, EventKind, Metadata};

/// One row of the metadata table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The element's name as in the JSON (`doc_number`, `addressees`, `event` …).
    pub element: &'static str,
    /// Its value: a string, one item of a list, a 发文字号 written canonically, an event's
    /// kind.
    pub value: String,
    /// The ISO date of a date element or of an event.
    pub date: String,
    /// The acting body of an event.
    pub body: String,
    /// The element as written.
    pub text: String,
    /// 1-based line in the original file.
    pub line: u64,
}

fn row<T>(element: &'static str, e: &Element<T>, value: String, date: String) -> Row {
    Row {
        element,
        value,
        date,
        body: String::new(),
        text: e.text.clone(),
        line: e.line,
    }
}

/// The name of an event kind as in the JSON.
pub fn kind_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Adopted => "adopted",
        EventKind::Promulgated => "promulgated",
        EventKind::Amended => "amended",
        EventKind::Revised => "revised",
        EventKind::Effective => "effective",
        EventKind::Approved => "approved",
    }
}

/// The rows of one document's metadata, in the order of the JSON's fields.
pub fn rows(m: &Metadata) -> Vec<Row> {
    let mut out = Vec::new();
    let plain: [(&'static str, &Option<Element<String>>); 6] = [
        ("copy_number", &m.copy_number),
        ("urgency", &m.urgency),
        ("issuer_mark", &m.issuer_mark),
        ("signer", &m.signer),
        ("issuer", &m.issuer),
        ("note", &m.note),
    ];
    if let Some(e) = &m.secrecy {
        let v = match &e.value.period {
            Some(p) => format!("{}★{p}", e.value.level),
            None => e.value.level.clone(),
        };
        out.push(row("secrecy", e, v, String::new()));
    }
    if let Some(e) = &m.doc_number {
        let d = &e.value;
        let v = format!("{}〔{}〕{}号", d.agency_code, d.year, d.serial);
        out.push(row("doc_number", e, v, String::new()));
    }
    for (name, e) in plain {
        if let Some(e) = e {
            out.push(row(name, e, e.value.clone(), String::new()));
        }
    }
    let lists: [(&'static str, &Option<Element<Vec<String>>>); 3] = [
        ("addressees", &m.addressees),
        ("attachments", &m.attachments),
        ("cc", &m.cc),
    ];
    for (name, e) in lists {
        if let Some(e) = e {
            out.extend(
                e.value
                    .iter()
                    .map(|v| row(name, e, v.clone(), String::new())),
            );
        }
    }
    let dates: [(&'static str, &Option<Element<String>>); 2] =
        [("date", &m.date), ("print_date", &m.print_date)];
    for (name, e) in dates {
        if let Some(e) = e {
            out.push(row(name, e, e.value.clone(), e.value.clone()));
        }
    }
    if let Some(e) = &m.printed_by {
        out.push(row("printed_by", e, e.value.clone(), String::new()));
    }
    if let Some(e) = &m.order_number {
        out.push(row("order_number", e, e.value.clone(), String::new()));
    }
    out.extend(m.events.iter().map(|e| Row {
        element: "event",
        value: kind_name(e.kind).to_string(),
        date: e.date.clone().unwrap_or_default(),
        body: e.body.clone().unwrap_or_default(),
        text: e.text.clone(),
        line: e.line,
    }));
    out
}
