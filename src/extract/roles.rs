//! Responsibility statements: a holder tied to a role term in the same sentence.
//!
//! Three sources, in this order: task annotations in brackets (（X牵头，Y参与）,
//! （X指导）, (责任部门：X 配合部门：Y)); the persons named as targets of accountability
//! (直接负责的主管人员, 其他直接责任人员, 相关责任人员 — the term is its own holder); and role
//! terms in running text, whose holder is found on the segmentation: the noun phrase after
//! or before the verb that ties it (落实X…主体责任, 支持X履行监督责任), else the subject of the
//! comma clause or sentence, else the holder named by a list's lead sentence.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::Ctx;
use super::phrase::{self, Tok};
use super::sanctions;
use super::scan::names_a_system;
use super::unit::clauses_in;
use super::vocab::{self, Tie};
use crate::model::{Responsibility, Role};

/// Canonical role and tie of a matched term (not the accused persons: [`target_role`]).
fn classify(term: &str) -> Option<(Role, Tie)> {
    let t = vocab::roles().term(term)?;
    let tie = match t.tie {
        Tie::AccusedPerson => Tie::Person,
        Tie::Accused => return None,
        Tie::Duty | Tie::Person | Tie::Post | Tie::Subject => t.tie,
    };
    Some((t.role, tie))
}

/// Whether token `v` starts its clause (after connectives and adverbs).
fn clause_initial(toks: &[Tok<'_>], ca: usize, v: usize) -> bool {
    (ca..v).all(|k| {
        matches!(
            toks[k].word,
            "并" | "同时"
                | "要"
                | "应当"
                | "主要"
                | "具体"
                | "切实"
                | "认真"
                | "全面"
                | "积极"
                | "还"
                | "也"
                | "负责"
                | "严格"
                | "依法"
                | "统一"
        ) || toks[k].tag == "d"
    })
}

/// Whether `s` is one of the terms that name persons held accountable.
pub fn is_target_term(s: &str) -> bool {
    target_role(s).is_some()
}

/// Terms that name the persons held accountable; as targets of 追究/处分/通报批评 they are
/// their own holders.
fn target_role(term: &str) -> Option<Role> {
    vocab::roles()
        .term(term)
        .filter(|t| matches!(t.tie, Tie::Accused | Tie::AccusedPerson))
        .map(|t| t.role)
}

const DUTY_VERBS: &[&str] = &[
    "负", "负有", "承担", "履行", "落实", "压实", "担负", "肩负", "扛起", "负起", "担起", "扛牢",
    "是", "为",
];
const PERSON_VERBS: &[&str] = &[
    "是", "为", "作为", "系", "履行", "担任", "当好", "担当", "承担",
];
/// Verbs whose object may be the holder itself (落实党委主体责任).
const OBJECT_VERBS: &[&str] = &["落实", "履行", "压实", "担负"];

fn annotation_part_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let verbs: Vec<&str> = vocab::roles()
            .annotation_verbs
            .iter()
            .map(|&(w, _)| w)
            .collect();
        Regex::new(&format!("^(.+?)({})$", verbs.join("|"))).expect("regex")
    })
}

fn label_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let labels: Vec<&str> = vocab::roles().labels.iter().map(|&(w, _)| w).collect();
        Regex::new(&format!("^({})[:：](.+)$", labels.join("|"))).expect("regex")
    })
}

/// Whether every 、-separated part of `s` names a body.
fn is_holder_list(s: &str) -> bool {
    !s.is_empty() && s.split('、').all(phrase::is_holder)
}

/// Whether token `w` is one of `verbs`, also inside an idiom (全面落实, 切实履行).
fn is_verb(w: &str, verbs: &[&str]) -> bool {
    verbs.contains(&w)
        || w.chars().count() <= 4
            && verbs
                .iter()
                .any(|v| v.chars().count() >= 2 && w.ends_with(v))
}

/// Find the responsibility statements of one unit.
pub fn find(ctx: &Ctx<'_>) -> Vec<Responsibility> {
    let text = &ctx.unit.text;
    let mut out = Vec::new();
    let present = ctx.unit.present(0..text.len());
    if !present.annotation && !present.role_word {
        return out;
    }
    let masked = if present.annotation {
        annotations(ctx, &mut out)
    } else {
        Vec::new()
    };
    if !present.role_word {
        return out;
    }
    // Running text: the body between annotations.
    let mut segments = Vec::new();
    let mut at = ctx.unit.skip;
    for m in masked.iter().filter(|m| m.start >= ctx.unit.skip) {
        segments.push(at..m.start);
        at = m.end;
    }
    segments.push(at..text.len());
    let mut first_sentence = true;
    let mut seen = Seen::default();
    for r in &out {
        let q = seen.quote_id(&r.quote);
        seen.entries.insert((r.holder.clone(), r.role, q));
    }
    // 市林业局：负责…；牵头…。 A body named before a colon is the subject of the sentences
    // after it, up to the full stop.
    let mut label: Option<&str> = None;
    for seg in segments {
        for s in ctx.unit.sentences_of(seg) {
            running(ctx, s.clone(), first_sentence, label, &mut out, &mut seen);
            first_sentence = false;
            let t = text[s].trim_end();
            if let Some(h) = colon_label(t) {
                label = Some(h);
            } else if t.ends_with(['。', '！', '!']) {
                label = None;
            }
        }
    }
    out
}

/// The body a sentence `X：` names as the subject of what follows it (市林业局：), if the
/// sentence is nothing but that body and its colon — not the label of an annotation
/// (牵头单位：), which names the body after it.
fn colon_label(t: &str) -> Option<&str> {
    let h = t.strip_suffix(['：', ':'])?.trim();
    (h.chars().count() <= 30
        && !h.contains(['，', ',', '。', '；', ';'])
        && !vocab::roles().labels.iter().any(|&(w, _)| w == h)
        && phrase::is_holder(h))
    .then_some(h)
}

/// The (holder, role, quote) of the responsibilities found so far in a unit: a statement
/// found twice is kept once, told by a look-up rather than a walk over all the earlier
/// ones, and each quote is hashed once per sentence, not once per statement (a clause with
/// thousands of sentences, or one sentence with thousands of statements, stays linear).
#[derive(Debug, Default)]
struct Seen {
    /// Each distinct quote text, numbered.
    quotes: HashMap<String, usize>,
    /// (holder, role, quote number) of every statement kept.
    entries: HashSet<(String, Role, usize)>,
}

impl Seen {
    /// The number of quote text `q`.
    fn quote_id(&mut self, q: &str) -> usize {
        if let Some(&id) = self.quotes.get(q) {
            return id;
        }
        let id = self.quotes.len();
        self.quotes.insert(q.to_string(), id);
        id
    }
}

/// Bracketed task annotations; returns their byte ranges.
fn annotations(ctx: &Ctx<'_>, out: &mut Vec<Responsibility>) -> Vec<Range<usize>> {
    let text = &ctx.unit.text;
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(o) = open.take()
                {
                    let inner = o + text[o..].chars().next().map_or(1, char::len_utf8)..i;
                    if annotation(ctx, inner, out) {
                        ranges.push(o..i + c.len_utf8());
                    }
                }
            }
            _ => {}
        }
    }
    // An annotation whose closing bracket is missing (cut by the next marker).
    if let Some(o) = open {
        let inner = o + text[o..].chars().next().map_or(1, char::len_utf8)..text.len();
        if label_re().is_match(&text[inner.clone()]) && annotation(ctx, inner, out) {
            ranges.push(o..text.len());
        }
    }
    // The columns of a 责任清单 row without brackets (…工作。责任主体：县政府 配合部门：县财政局):
    // a label after the end of a sentence opens fields that run to the next one.
    let mut found: Vec<(usize, &str)> = ctx
        .unit
        .labels(0..text.len())
        .into_iter()
        .map(|r| (r.start, &text[r]))
        .collect();
    found.sort_unstable();
    let mut from = 0;
    for (at, w) in found {
        if at < from {
            continue;
        }
        let end = text[at..].find('。').map_or(text.len(), |i| at + i);
        let opens = text[..at].is_empty() || text[..at].ends_with(['。', '；', ';']);
        let bracketed = ranges.iter().any(|r| r.start <= at && at < r.end);
        if opens
            && !bracketed
            && text[at + w.len()..].starts_with(['：', ':'])
            && annotation(ctx, at..end, out)
        {
            ranges.push(at..end);
            from = end;
        }
    }
    ranges
}

/// Parse one annotation's content; push its entries and say whether it was one.
fn annotation(ctx: &Ctx<'_>, inner: Range<usize>, out: &mut Vec<Responsibility>) -> bool {
    let text = &ctx.unit.text;
    // Parts: split at ，；。 and before a second label (责任部门：X 配合部门：Y).
    let mut cuts = vec![inner.start];
    for (i, c) in text[inner.clone()].char_indices() {
        let i = i + inner.start;
        if matches!(c, '，' | ',' | '；' | ';' | '。') {
            cuts.push(i);
            cuts.push(i + c.len_utf8());
        }
    }
    let roles = vocab::roles();
    // The second labels, off the unit's literal scan.
    for r in ctx.unit.labels(inner.clone()) {
        let second = roles
            .labels
            .iter()
            .any(|&(w, role)| role == Role::Assist && w == &text[r.clone()]);
        if second && r.start > inner.start {
            cuts.push(r.start);
            cuts.push(r.start);
        }
    }
    cuts.push(inner.end);
    cuts.sort_unstable();
    let mut found = Vec::new();
    let mut first_ok = None;
    for w in cuts.chunks(2) {
        let [a, b] = [w[0], *w.get(1).unwrap_or(&inner.end)];
        if a >= b {
            continue;
        }
        let part = &text[a..b];
        // Cheap necessary conditions first: a label starts the part, or an annotation verb
        // ends it.
        let labelled = roles.labels.iter().any(|(l, _)| part.starts_with(l));
        let annotated = roles
            .annotation_verbs
            .iter()
            .any(|(w, _)| part.ends_with(w));
        let label = if labelled {
            label_re().captures(part)
        } else {
            None
        };
        let hit = if let Some(c) = label {
            let h = c.get(2).map_or(0..0, |m| m.range());
            let holder = part[h.clone()].trim_end_matches(['、', '；', ';']);
            (!holder.is_empty()).then(|| {
                (
                    a + h.start..a + h.start + holder.len(),
                    roles.label(&c[1]).unwrap_or(Role::Assist),
                )
            })
        } else if let Some(c) = annotated
            .then(|| annotation_part_re().captures(part))
            .flatten()
        {
            let h = c.get(1).map_or(0..0, |m| m.range());
            let role = roles.annotation_verb(&c[2]).unwrap_or(Role::Charge);
            is_holder_list(&part[h.clone()]).then(|| (a + h.start..a + h.end, role))
        } else {
            None
        };
        if first_ok.is_none() {
            first_ok = Some(hit.is_some());
        }
        if let Some((h, role)) = hit {
            found.push((h, role, a..b));
        }
    }
    if first_ok != Some(true) {
        return false;
    }
    // （X、Y、Z负责，排在第一位的部门为牵头部门）: X leads as well.
    let first_leads = {
        let inner = &text[inner.clone()];
        ["第一位", "首位"].iter().any(|w| inner.contains(w)) && inner.contains("为牵头")
    };
    let lead = found
        .iter()
        .find(|(_, role, _)| *role == Role::Charge)
        .filter(|_| first_leads)
        .map(|(h, _, q)| {
            let list = &text[h.clone()];
            let first = list.split('、').next().unwrap_or(list);
            (h.start..h.start + first.len(), q.clone())
        });
    for (h, role, q) in found {
        let holder = text[h.clone()].to_string();
        out.push(ctx.responsibility(holder, role, q.clone(), h.start));
    }
    if let Some((h, q)) = lead {
        out.push(ctx.responsibility(text[h.clone()].to_string(), Role::Lead, q, h.start));
    }
    true
}

/// Role terms in one sentence of running text.
fn running(
    ctx: &Ctx<'_>,
    sent: Range<usize>,
    first_sentence: bool,
    label: Option<&str>,
    out: &mut Vec<Responsibility>,
    seen: &mut Seen,
) {
    let full = &ctx.unit.text;
    let s = &full[sent.clone()];
    // Segmentation is the costly step: only sentences with a role word need it.
    // 负责人, 负责同志 and …负责制 are nouns, never the predicate (jieba keeps 负责人 whole,
    // and 同志/制 after 负责 are rejected by `predicate_ok`).
    if !ctx.unit.present(sent.clone()).role {
        return;
    }
    // Definitions, interpretation clauses and systems named …负责制 are not statements.
    if s.contains("所称") || s.contains("是指") || s.contains("负责解释") {
        return;
    }
    let clauses: Vec<Range<usize>> = clauses_in(s, 0..s.len());
    // The role terms, as byte ranges of the sentence.
    let terms = ctx.unit.role_terms(sent.clone());
    let clause_of = |pos: usize| clauses.iter().position(|c| c.start <= pos && pos < c.end);
    // Nothing right of the comma clause that holds the last role word is read, so only the
    // text up to that clause's comma is tagged. A comma separates jieba's blocks, so the
    // tokens of this prefix are those of the whole sentence.
    let roles = vocab::roles();
    let last_role_word = roles
        .predicates
        .iter()
        .filter_map(|(w, _)| s.rfind(w).map(|i| i + w.len()))
        .chain(terms.last().map(|m| m.end))
        .max()
        .unwrap_or(s.len());
    let tagged_end = clause_of(last_role_word - 1)
        .and_then(|ci| clauses.get(ci + 1))
        .map_or(s.len(), |c| c.start);
    let toks = phrase::tokens(&s[..tagged_end]);
    if toks.is_empty() {
        return;
    }
    let tok_range = |c: &Range<usize>| {
        let a = toks
            .iter()
            .position(|t| t.start >= c.start)
            .unwrap_or(toks.len());
        let b = toks
            .iter()
            .position(|t| t.start >= c.end)
            .unwrap_or(toks.len());
        (a, b)
    };
    // The subject of the nearest clause before clause `ci` that has one — none inside the
    // object of 对 (X对Y…，履行…责任等情况进行监督: those clauses describe Y, not X).
    let sentence_subject = |ci: usize| {
        // 何某某，某公司项目经理，…，负有直接责任: a sentence that opens with a bare name is
        // about that person, whatever posts follow it.
        if ci > 0 {
            // Also with the posts before the name (区应急局副局长何某某，…).
            let c0 = s[clauses[0].clone()].trim_end_matches(['，', ',']);
            if c0.chars().count() <= 40
                && phrase::name_end(c0) == Some(c0.len())
                && !c0.contains(['对', '在', '将', '向', '被'])
            {
                return Some((clauses[0].start, clauses[0].start + c0.len()));
            }
        }
        let rest = &s[clauses[ci].start..];
        let object_of_dui = ["情况进行", "情况开展", "情况实施"]
            .iter()
            .any(|w| rest.contains(w))
            && (0..ci).any(|j| s[clauses[j].clone()].contains('对'));
        if object_of_dui {
            return None;
        }
        (0..ci).rev().find_map(|j| {
            let (a, b) = tok_range(&clauses[j]);
            phrase::subject(s, &toks, a, b)
        })
    };
    let present = ctx.unit.present(sent.clone());
    let accountable = present.accountable
        || !sanctions::hits_among(s, &ctx.unit.exact_in(sent.clone()), present.sanctions)
            .is_empty();
    let quote = sent.clone();
    // The quote's number, looked up at the first statement of the sentence.
    let mut quote_id = None;
    let mut push = |holder: String, role: Role, at: usize| {
        let at = sent.start + at;
        let q = *quote_id.get_or_insert_with(|| seen.quote_id(ctx.quote_text(quote.clone())));
        if seen.entries.insert((holder.clone(), role, q)) {
            out.push(ctx.responsibility(holder, role, quote.clone(), at));
        }
    };

    for m in &terms {
        let term = &s[m.clone()];
        if let Some(role) = target_role(term) {
            let before = &s[..m.start];
            // X是直接责任人, X，是预警迟滞问题的直接责任人: the person named is the holder.
            let clause = before.rsplit(['，', ',']).next().unwrap_or(before);
            let named = before.ends_with('是')
                || before.ends_with('为')
                || clause.starts_with('是') && before.ends_with('的');
            if accountable && !named {
                push(term.to_string(), role, m.start);
                continue;
            }
        }
        let Some((role, tie)) = classify(term) else {
            continue;
        };
        let Some(ci) = clause_of(m.start) else {
            continue;
        };
        let (ca, _) = tok_range(&clauses[ci]);
        let Some(ti) = phrase::token_at(&toks, m.start) else {
            continue;
        };
        // 是落实X责任的第一责任人: the duty only says what the person is first responsible
        // for; the statement is the person's.
        if tie == Tie::Duty
            && s[m.end..].strip_prefix('的').is_some_and(|r| {
                ["第一责任人", "主要责任人", "直接责任人", "责任主体"]
                    .iter()
                    .any(|p| r.starts_with(p))
            })
        {
            continue;
        }
        if tie == Tie::Subject {
            // 问责对象为X / X是问责对象.
            let after = &s[m.end..];
            if let Some(rest) = ["为", "是", "包括", "主要包括", "主要是"]
                .iter()
                .find_map(|p| after.strip_prefix(p))
            {
                let end = rest
                    .find(['，', ',', '。', '；', ';'])
                    .unwrap_or(rest.len());
                let holder = rest[..end].trim_end_matches('等');
                if phrase::is_holder(holder) {
                    push(holder.to_string(), role, m.start);
                }
                continue;
            }
        }
        let verbs: &[&str] = match tie {
            Tie::Duty => DUTY_VERBS,
            Tie::Person | Tie::Subject => PERSON_VERBS,
            Tie::Post | Tie::Accused | Tie::AccusedPerson => &[],
        };
        // 对负有领导责任的分管负责人…: a relative clause; the noun phrase it modifies holds
        // the responsibility.
        let (_, cb) = tok_range(&clauses[ci]);
        let modified = toks
            .iter()
            .position(|t| t.start == m.end)
            .filter(|&k| tie == Tie::Duty && toks[k].word == "的" && k < cb)
            .and_then(|k| phrase::after(s, &toks, k, cb));
        if let Some((a, b)) = modified {
            push(s[a..b].to_string(), role, m.start);
            continue;
        }
        // The verb that ties the term: the nearest one before it in the comma clause.
        let v = (ca..ti).rev().find(|&k| is_verb(toks[k].word, verbs));
        if v.is_none() && tie != Tie::Post {
            continue;
        }
        let holder = match v {
            Some(v) => holder_of_verb(ctx, s, &toks, v, ti, ca, ci, &clauses, &tok_range),
            None => None,
        };
        let holder = match holder {
            Some(Found::Assist(h)) => {
                push(h, Role::Assist, m.start);
                continue;
            }
            Some(Found::Holder(h)) => Some(h),
            Some(Found::Pronoun) => ctx.lead_holder(),
            None => None,
        };
        let holder = holder
            .or_else(|| {
                let (a, b) = tok_range(&clauses[ci]);
                phrase::subject(s, &toks, a, b).map(|(x, y)| s[x..y].to_string())
            })
            .or_else(|| sentence_subject(ci).map(|(x, y)| s[x..y].to_string()))
            .or_else(|| {
                let initial = v.is_none_or(|v| clause_initial(&toks, ca, v));
                if !initial {
                    return None;
                }
                label
                    .map(str::to_string)
                    .or_else(|| first_sentence.then(|| ctx.lead_holder()).flatten())
            });
        if let Some(h) = holder {
            push(h, role, m.start);
        }
    }

    // 负责 / 牵头 / 参与 as predicates.
    for (k, t) in toks.iter().enumerate() {
        let Some(role) = roles.predicate(t.word) else {
            continue;
        };
        let Some(ci) = clause_of(t.start) else {
            continue;
        };
        let c = &s[clauses[ci].clone()];
        if c.contains("会同") {
            continue;
        }
        if !predicate_ok(s, &toks, k) {
            continue;
        }
        let (ca, cb) = tok_range(&clauses[ci]);
        let head = &s[clauses[ci].start..t.start];
        // ，以及…负责 after X对…: the object of 对 goes on past the comma; the holder is
        // the subject before it.
        let continues_object =
            ci > 0 && matches!(toks.get(ca).map(|t| t.word), Some("以及" | "及" | "和")) && {
                let (pa, pb) = tok_range(&clauses[ci - 1]);
                (pa..pb).any(|j| matches!(toks[j].word, "对" | "对于" | "对本" | "对其"))
            };
        let holder = if let Some(by) = head.rfind('由') {
            // 由X负责 (由 may be glued to the word before it: 工作由)
            by_holder(&head[by + '由'.len_utf8()..]).map(str::to_string)
        } else if continues_object {
            sentence_subject(ci).map(|(a, b)| s[a..b].to_string())
        } else {
            let vt = if role == Role::Lead && k > ca && toks[k - 1].word == "承担" {
                k - 1
            } else {
                k
            };
            // A clause that opens with a preposition (，向省委负责, ，对本机关的决定负责) has
            // no subject of its own either.
            let opens_pp = (ca..vt)
                .find(|&j| !clause_initial(&toks, ca, j + 1))
                .is_some_and(|j| matches!(toks[j].word, "向" | "对" | "对于" | "对本" | "对其"));
            let initial = clause_initial(&toks, ca, vt) || opens_pp;
            // With a prepositional phrase before the verb (X向Y负责, X对Y负责), the holder
            // is the clause's subject.
            let pp = (ca..vt).any(|j| {
                // jieba glues 对 to the 本/其 after it (对本机关的决定).
                matches!(
                    toks[j].word,
                    "向" | "对" | "对于" | "对本" | "对其" | "给" | "在" | "为"
                )
            });
            let subject_first = pp
                .then(|| phrase::subject(s, &toks, ca, cb).map(|(a, b)| s[a..b].to_string()))
                .flatten();
            subject_first
                .or_else(|| {
                    phrase::before(s, &toks, vt, ca)
                        .filter(|&(a, b, k)| {
                            // The object of a preposition (向省委负责, 按照个人参与…) is not the holder.
                            a < b
                                && !(k > ca
                                    && (toks[k - 1].tag == "p"
                                        || matches!(toks[k - 1].word, "向" | "对" | "给")))
                        })
                        .map(|(a, b, _)| s[a..b].to_string())
                })
                .or_else(|| {
                    if role == Role::Assist {
                        return None;
                    }
                    phrase::subject(s, &toks, ca, cb).map(|(a, b)| s[a..b].to_string())
                })
                .or_else(|| {
                    if !initial {
                        return None;
                    }
                    // An elided subject: the body set up or named in the previous clause
                    // (成立/设立/组建/明确/指定/确定 X，负责…), else the sentence's subject,
                    // else the list's lead.
                    if ci > 0 && role == Role::Charge {
                        let (pa, pb) = tok_range(&clauses[ci - 1]);
                        if let Some(v) = (pa..pb).find(|&j| {
                            matches!(
                                toks[j].word,
                                "成立" | "设立" | "组建" | "明确" | "指定" | "确定"
                            )
                        }) {
                            let mut h =
                                s[toks[v].end..clauses[ci - 1].end].trim_start_matches('了');
                            if !phrase::is_holder(h) {
                                h = h.rsplit_once('的').map_or(h, |(_, x)| x);
                            }
                            if phrase::is_holder(h) {
                                return Some(h.to_string());
                            }
                        }
                    }
                    // 县公安局：参与…: the body before the colon (for 参与 too).
                    let label = label.map(str::to_string);
                    if role == Role::Assist {
                        return label;
                    }
                    sentence_subject(ci)
                        .map(|(a, b)| s[a..b].to_string())
                        .or(label)
                        .or_else(|| first_sentence.then(|| ctx.lead_holder()).flatten())
                })
        };
        if let Some(h) = holder {
            push(h, role, t.start);
        }
    }
}

/// The holder X of 由X负责, given the text between 由 and the verb. Adverbs before the verb
/// (由X主要负责, 由X共同负责) are not part of X, nor is the pronoun 其 before it (由其主管部门
/// 负责: its department); a prepositional phrase after X ends it (由X参照…负责).
fn by_holder(h: &str) -> Option<&str> {
    let trimmed = h.trim_end_matches(['主', '要', '具', '体']);
    if phrase::is_holder(trimmed) {
        return Some(trimmed);
    }
    let h = ["参照", "按照", "依照", "依据", "根据"]
        .iter()
        .filter_map(|p| h.find(p))
        .min()
        .map_or(h, |i| &h[..i]);
    let mut x = h;
    while let Some(rest) = ["主要", "具体", "共同", "统一", "分别", "全面"]
        .iter()
        .find_map(|a| x.strip_suffix(a))
    {
        x = rest;
    }
    if !x.starts_with("其他") && !x.starts_with("其余") {
        x = x.strip_prefix('其').unwrap_or(x);
    }
    phrase::is_holder(x).then_some(x)
}

/// What the verb of a role term tells about its holder.
enum Found {
    /// The holder.
    Holder(String),
    /// X协助Y落实主体责任: X assists (配合).
    Assist(String),
    /// 其: the holder of the lead sentence.
    Pronoun,
}

#[allow(clippy::too_many_arguments)]
fn holder_of_verb(
    _ctx: &Ctx<'_>,
    s: &str,
    toks: &[Tok<'_>],
    v: usize,
    term: usize,
    ca: usize,
    ci: usize,
    clauses: &[Range<usize>],
    tok_range: &dyn Fn(&Range<usize>) -> (usize, usize),
) -> Option<Found> {
    if v > ca && toks[v - 1].word == "其" {
        return Some(Found::Pronoun);
    }
    // 以X为Y: taking X as Y, not a statement about X.
    if toks[v].word == "为" && (ca..v).any(|k| toks[k].word == "以") {
        return None;
    }
    if is_verb(toks[v].word, OBJECT_VERBS)
        && let Some((a, b)) = phrase::after(s, toks, v, term)
    {
        return Some(Found::Holder(s[a..b].to_string()));
    }
    if v > ca
        && let Some((a, b, k)) = phrase::before(s, toks, v, ca)
    {
        if a == b {
            return Some(Found::Pronoun);
        }
        if k > 0 && toks[k - 1].word == "协助" {
            let (x, y) = tok_range(&clauses[ci]);
            let subj = phrase::subject(s, toks, x, y).or_else(|| {
                let (x, y) = tok_range(&clauses[0]);
                phrase::subject(s, toks, x, y)
            });
            return subj.map(|(a, b)| Found::Assist(s[a..b].to_string()));
        }
        // A relative clause before the noun (直接主管的班子成员): the whole subject.
        if k > ca
            && toks[k - 1].word == "的"
            && let Some((x, y)) = phrase::subject(s, toks, ca, v)
            && y == b
        {
            return Some(Found::Holder(s[x..y].to_string()));
        }
        return Some(Found::Holder(s[a..b].to_string()));
    }
    None
}

/// Whether 负责/牵头/参与 at token `k` is a predicate that ties a holder to a task.
fn predicate_ok(s: &str, toks: &[Tok<'_>], k: usize) -> bool {
    let next = toks.get(k + 1).map_or("", |t| t.word);
    let prev = if k > 0 { toks[k - 1].word } else { "" };
    let rest = &s[toks[k].end..];
    if next == "、" || prev == "、" {
        return false; // 守责、负责、尽责 / 群众参与、专家咨询
    }
    match toks[k].word {
        "负责" => {
            if matches!(next, "解释" | "制" | "人" | "同志" | "任" | "、")
                || names_a_system(rest)
                || matches!(prev, "不" | "谁" | "分级" | "各" | "的" | "、")
            {
                return false;
            }
            // 在负责接待工作期间, 利用负责审核的职务便利: a circumstance, not a duty.
            let clause = rest
                .split(['，', ',', '。', '；', ';'])
                .next()
                .unwrap_or(rest);
            if ["期间", "便利", "之便"].iter().any(|w| clause.ends_with(w)) {
                return false;
            }
            // 负责X工作的机构: a modifier that identifies a body.
            !modifier(s, toks, k)
        }
        "牵头" => {
            !matches!(next, "部门" | "单位" | "单位：" | "的")
                && !rest.starts_with("部门")
                && !rest.starts_with("单位")
                && prev != "的"
                && !modifier(s, toks, k)
        }
        _ => {
            // Running-text 参与: a named body given a share in a task, never a call for
            // participation (鼓励/支持/倡导…参与) or an attributive 参与…的.
            let clause_start = s[..toks[k].start]
                .char_indices()
                .rev()
                .find(|&(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';'))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let head = &s[clause_start..toks[k].start];
            ![
                "鼓励", "支持", "倡导", "引导", "动员", "吸引", "欢迎", "积极", "共同", "广泛",
                "全民", "社会",
            ]
            .iter()
            .any(|w| head.contains(w))
                && !modifier(s, toks, k)
        }
    }
}

/// Whether the verb at `k` heads a relative clause (…的 + holder noun) in its comma clause.
fn modifier(s: &str, toks: &[Tok<'_>], k: usize) -> bool {
    let mut j = k + 1;
    while j < toks.len() {
        let w = toks[j].word;
        if matches!(w, "，" | "," | "。" | "；" | ";" | "：" | ":") {
            return false;
        }
        if w == "的" {
            let mut e = j + 1;
            while e < toks.len()
                && phrase::np_like(&toks[e])
                && !matches!(toks[e].word, "、" | "（" | "）" | "(" | ")")
            {
                e += 1;
            }
            return e > j + 1 && phrase::is_holder(&s[toks[j + 1].start..toks[e - 1].end]);
        }
        j += 1;
    }
    false
}
