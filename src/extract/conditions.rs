//! Accountability conditions and the sanctions they lead to, read sentence by sentence.
//!
//! A sentence is cut into comma clauses. A condition is a run of clauses that ends in `的`
//! (…的，给予…), in `一经查实`, or — for `对…的人员，要严肃处理` — in a noun phrase after `的`;
//! the clauses after it that hold a sanction term (or 追究/问责, or an exemption such as
//! 不予追究) are its consequence. A condition counts only when its consequence is one of
//! accountability; a list lead (有下列情形之一的) is not a condition itself, its items are
//! (see [`super`]). Sanctions are taken from consequences only, so a sanction named inside
//! a condition (采取组织处理方式问责的，应当公开) is a procedural mention, not an entry.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::Ctx;
use super::phrase;
use super::sanctions::{self, Hit};
use super::scan::Present;
use super::unit::{clauses_in, sentences_in};
use super::vocab::{self, Tie, Trigger};
use crate::model::{Condition, ConditionKind, Sanction};

fn lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new("(?:下列|以下|如下)[^，。；]{0,8}?之一").expect("regex"))
}

/// 有下列情形之一的 (the pattern runs only where 之一 stands).
fn lead_in(s: &str) -> bool {
    s.contains("之一") && lead_re().is_match(s)
}

fn exemption_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let words = vocab::triggers().of(Trigger::Exemption);
        Regex::new(&words.join("|")).expect("regex")
    })
}

fn tail_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "^(?:构成|涉嫌)(?:职务)?(?:犯罪|违纪|违法|违纪违法|违法犯罪|违反治安管理)|^违反治安管理|\
             ^(?:尚)?不(?:构成|够)(?:犯罪|刑事处罚)|^涉嫌[^，]{1,12}的$|\
             ^(?:依法)?(?:应当|应)(?:给予|追究)[^，]{0,10}(?:处分|责任|处罚)的[，,]?$",
        )
        .expect("regex")
    })
}

/// 构成犯罪的 and its kind: a clause that names only a sanction's legal ground.
fn is_tail(c: &str) -> bool {
    ["构成", "涉嫌", "违反", "应当", "尚", "不", "依法", "应"]
        .iter()
        .any(|w| c.starts_with(w))
        && tail_re().is_match(c)
}

/// 造成严重后果的, 情节严重的, 逾期未改正的 … (the pattern runs only on the words it starts
/// with).
fn is_aggravating(t: &str) -> bool {
    ["造成", "情节", "致使", "导致", "后果", "给", "逾期", "拒不"]
        .iter()
        .any(|w| t.starts_with(w))
        && aggravating_re().is_match(t)
}

fn aggravating_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new("^(?:造成|情节|致使|导致|后果|给[^，]{0,12}造成)[^，]{0,12}(?:严重|重大|恶劣|较重|特别|不良|较大)|^逾期(?:未|不|仍未|拒不)(?:改正|整改)|^拒不(?:改正|整改|纠正|停止|执行|履行)")
            .expect("regex")
    })
}

/// Whether a text with the literals `p` may hold a condition or a sanction: a sanction
/// term, an exemption, 追究, or 改正 (before a 逾期 escalation).
pub fn can_hold(p: &Present) -> bool {
    p.sanctions != 0 || p.exemption || p.pursue || p.correct
}

/// Whether `t` starts an escalation of a corrective order: 逾期未改正的, 情节严重的,
/// 造成严重后果的 ….
fn escalates(t: &str) -> bool {
    t.starts_with("逾期") || t.starts_with("拒不") || is_aggravating(t)
}

/// Whether sentence `s` defines a term (本办法所称X，是指…; X是指…): what it describes is
/// the term's meaning, not a condition.
fn is_definition(s: &str) -> bool {
    s.contains("是指") || s.contains("所称") && s.contains('指')
}

/// Whether clause `t` only says when something happens (问责决定作出后, 收到通知之日后):
/// a point in a procedure, not a circumstance.
fn is_time(t: &str) -> bool {
    t.ends_with('后') && !t.ends_with("查实后")
}

/// The first clause from `k` on that is no measure of degree (对…的领导干部，视情节轻重，
/// 采取…方式问责: the consequence follows 视情节轻重).
fn discretion_skip(s: &str, clauses: &[Range<usize>], mut k: usize) -> usize {
    while clauses.get(k).is_some_and(|c| is_discretion(&s[c.clone()])) {
        k += 1;
    }
    k
}

fn discretion_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "^(?:并)?(?:视|根据|按照|依据|依照)?(?:其)?(?:情节|情况|问题性质|错误性质)(?:轻重|严重程度|和(?:后果|危害))?$|\
             ^(?:并)?区分(?:不同)?情况$|^(?:按照|依照)(?:干部)?管理权限$",
        )
        .expect("regex")
    })
}

/// Whether comma clause `t` only says by what degree a measure is chosen (视情节轻重,
/// 根据情节轻重, 区分不同情况, 按照管理权限).
fn is_discretion(t: &str) -> bool {
    discretion_re().is_match(t.trim_end_matches(['，', ',', '。', '；']))
}

/// Whether a sentence is a list lead (有下列情形之一的，…).
pub fn is_lead(s: &str) -> bool {
    lead_in(s)
}

/// Whether a sentence's consequence makes its list an exemption list.
pub fn is_exemption(s: &str) -> bool {
    exemption_re().is_match(s)
}

/// Whether a sentence holds an accountability consequence (for list leads).
pub fn has_consequence(s: &str) -> bool {
    !sanctions::hits(s).is_empty()
        || exemption_re().is_match(s)
        || s.contains("追究")
        || s.contains("问责")
}

/// The kind of a condition from its text.
pub fn kind_of(text: &str) -> ConditionKind {
    if text.starts_with("其他") || text.starts_with("其它") {
        ConditionKind::CatchAll
    } else if is_aggravating(text) {
        ConditionKind::Aggravating
    } else {
        ConditionKind::Condition
    }
}

/// Whether clause `t` states a standing, not a violation: `X是/为/系/属于<standing>的`
/// (教师是中共党员的), the standings in `dict/triggers.tsv`.
fn is_standing(t: &str) -> bool {
    let Some(x) = t.strip_suffix('的') else {
        return false;
    };
    vocab::triggers().of(Trigger::Status).iter().any(|w| {
        x.strip_suffix(w).is_some_and(|before| {
            ["是", "为", "系", "属于", "是中共", "为中共"]
                .iter()
                .any(|v| before.ends_with(v))
                && before.chars().count() <= 16
        })
    })
}

/// Whether `rest` (what follows a clause) reports measures given to persons it counts or
/// names (给予2名干部政务警告, 对村主任王某某进行约谈, 已给予…, 约谈了…).
fn reports_given(rest: &str) -> bool {
    let rest = rest.split(['。', '；', ';']).next().unwrap_or(rest);
    let counted = rest.char_indices().any(|(i, c)| {
        (c.is_ascii_digit() || "一二三四五六七八九十两".contains(c))
            && rest[i + c.len_utf8()..].starts_with(['名', '人'])
    });
    counted || phrase::name_end(rest).is_some() || rest.contains('了') || rest.contains('已')
}

/// Conditions and sanctions of one chain of sentences (`sent` is a byte range of the unit
/// text): the sentences joined by ；, which in a 法律责任 article carry one violation on
/// (…的，由…责令改正；有违法所得的，没收违法所得；情节严重的，吊销…). `conditions` is false
/// inside an item of an accountability list (the item is the condition). `carried` is the
/// party named by the last condition of the unit that named one: the target of the
/// escalations after it (情节严重的，吊销其…).
pub fn sentence(
    ctx: &Ctx<'_>,
    sent: Range<usize>,
    conditions: bool,
    carried: &mut Option<String>,
    conds: &mut Vec<Condition>,
    sancs: &mut Vec<Sanction>,
) {
    let full = &ctx.unit.text;
    let s = &full[sent.clone()];
    let present = ctx.unit.present(sent.clone());
    if !can_hold(&present) {
        return;
    }
    // The wording of a law a legal basis quotes (依据…第（二）项“发生较大事故的，处…罚款”的
    // 规定) is that law's, not a condition or measure of this text.
    let quoted = quoted_bases(s);
    let inside = |at: usize| quoted.iter().any(|q| q.contains(&at));
    let mut all_hits =
        sanctions::hits_among(s, &ctx.unit.exact_in(sent.clone()), present.sanctions);
    all_hits.retain(|h| !inside(h.range.start) && ctx.reads(h.entry));
    let exempt = present.exemption;
    let escalated = present.correct && escalates(full[sent.end..].trim_start());
    if all_hits.is_empty() && !exempt && !present.pursue && !escalated {
        return;
    }
    // The ；-parts of the chain and their comma clauses, in order.
    let parts = sentences_in(s, 0..s.len());
    let clauses: Vec<Range<usize>> = parts
        .iter()
        .flat_map(|p| clauses_in(s, p.clone()))
        .collect();
    // 本办法所称…，是指…造成损失的…: a definition states what a term means, no condition
    // (only its own ；-part: 前款所称X，是指…；有前款行为的，处… keeps the second).
    let defines = |pos: usize| {
        parts
            .iter()
            .any(|p| p.contains(&pos) && is_definition(&s[p.clone()]))
    };
    let part_of = |pos: usize| {
        parts
            .iter()
            .find(|p| p.start <= pos && pos < p.end)
            .cloned()
            .unwrap_or(0..s.len())
    };
    // The hits are ordered by start: a clause's hits are a run of them.
    let hits_in = |c: &Range<usize>| -> &[Hit<'_>] {
        let a = all_hits.partition_point(|h| h.range.start < c.start);
        let b = all_hits.partition_point(|h| h.range.start < c.end);
        &all_hits[a..b.max(a)]
    };
    // Whether `range` of the sentence holds an exemption phrase (what `exemption_re`
    // matches, read off the unit's literals).
    let exempt_in = |r: Range<usize>| {
        ctx.unit
            .present(sent.start + r.start..sent.start + r.end)
            .exemption
    };
    // Whether each clause is a consequence (asked again and again while the conditions
    // are delimited: decided once per clause).
    let conseq: Vec<bool> = clauses
        .iter()
        .map(|c| !hits_in(c).is_empty() || exempt_in(c.clone()))
        .collect();
    let is_conseq = |k: usize| conseq.get(k).copied().unwrap_or(false);
    let after_discretion = |k: usize| discretion_skip(s, &clauses, k);
    // `run_start` is None right after a condition whose consequence has not started yet:
    // there 对X is the target of that consequence, not a new condition.
    let is_end = |i: usize, run_start: Option<usize>| {
        let c = &clauses[i];
        let t = &s[c.clone()];
        let t = t.trim_end_matches(['”', '"', '）', ')']);
        // 违法所得十万元以上的: how much the fine is, not a condition of its own; a
        // circumstance in the quoted wording of a legal basis is none either.
        if is_tier(t) || c.start < c.end && inside(c.end - 1) {
            return false;
        }
        // 教师是中共党员的，同时给予党纪处分: a standing, no violation.
        if is_standing(t) {
            return false;
        }
        // 擅自…，一经查实，…; but 对…的，一经查实，… has its condition already.
        if t.ends_with('的')
            || run_start.is_some()
                && matches!(
                    t,
                    "一经查实" | "一经发现" | "经查实" | "查实后" | "一经查处"
                )
        {
            return true;
        }
        // 有下列情形之一，由…: a lead without 的.
        if lead_in(t)
            && hits_in(c).is_empty()
            && clauses
                .get(i + 1)
                .is_some_and(|n| is_conseq(i + 1) || opens_with_authority(&s[n.clone()]))
        {
            return true;
        }
        // 违反本法规定，…擅自经营，由市场监督管理部门责令改正，处…罚款: without 的, the
        // circumstance ends where the deciding authority comes in.
        if run_start.is_some()
            && hits_in(c).is_empty()
            && !is_time(t)
            && clauses
                .get(i + 1)
                .is_some_and(|n| opens_with_authority(&s[n.clone()]))
            && conseq[i + 1..].contains(&true)
        {
            return true;
        }
        // 制造、销售以欺骗为目的的计量器具的单位和个人，没收…: a party described by its
        // violation, then the measures.
        if hits_in(c).is_empty()
            && is_conseq(i + 1)
            && t.rsplit_once('的').is_some_and(|(circ, np)| {
                person_like(np) && !names_accused(t) && describes_violation(circ)
            })
        {
            return true;
        }
        // 违反本法规定，擅自…，处…罚款 in a 法律责任 chapter: without 的, the violation ends
        // where its penalty starts.
        if let Some(r) = run_start
            && ctx.penalty_chapter
            && hits_in(c).is_empty()
            && clauses.get(i + 1).is_some_and(|n| {
                hits_in(n).iter().any(|h| !h.soft()) && !opens_with_authority(&s[n.clone()])
            })
            && s[clauses[r].clone()].starts_with("违反")
            && describes_violation(&s[clauses[r].start..c.end])
        {
            return true;
        }
        // 违反本规定获取的利益，予以没收: a gain from a violation, taken back.
        // (没收违法所得，并处罚款: a clause with a measure of its own is none.)
        if i == 0
            && hits_in(c).is_empty()
            && ["违反", "违规", "违法"].iter().any(|w| t.contains(w))
            && clauses.get(1).is_some_and(|n| {
                let hs = hits_in(n);
                !hs.is_empty() && hs.iter().all(Hit::economic)
            })
        {
            return true;
        }
        // 对…的人员，要依纪依法严肃处理
        let Some(run_start) = run_start else {
            return false;
        };
        let opener = &s[clauses[run_start].clone()];
        // 对其直接负责的主管人员: the persons of the condition before, not a new one.
        // 对…问题/行为/现象，要依法依规追究责任: a described violation.
        let violation = ["问题", "行为", "现象"].iter().any(|w| t.ends_with(w))
            // 对沿河违规养殖长期未清理问题，给予2名干部政务警告: in a report of what was done,
            // the problem is the topic of the measures given to persons it counts or names.
            && !(t.ends_with("问题")
                && !s[clauses[run_start].start..c.end].contains('的')
                && reports_given(&s[c.end..]));
        // 因…滥用职权…，导致…错误，要追究…: a cause and its result.
        let cause =
            (opener.starts_with('因') && !opener.starts_with("因此")) || opener.starts_with("由于");
        ((opener.starts_with('对') || opener.starts_with("对于"))
            && !opener.starts_with("对其")
            && (violation
                || t.rsplit_once('的')
                    .is_some_and(|(_, np)| person_like(np) && !names_accused(t)))
            || cause && describes_violation(&s[clauses[run_start].start..c.end]))
            && hits_in(c).is_empty()
            && is_conseq(after_discretion(i + 1))
    };

    let mut run_start = 0;
    let mut i = 0;
    let mut any = false;
    // The party the chain's first condition names.
    let mut chain_party: Option<String> = None;
    // Consequence clauses that follow no condition: (first clause of the text before,
    // the clause).
    let mut orphans: Vec<(usize, usize)> = Vec::new();
    while i < clauses.len() {
        if is_conseq(i) && !is_end(i, Some(run_start)) {
            orphans.push((run_start, i));
            run_start = i + 1;
            i += 1;
            continue;
        }
        if !is_end(i, Some(run_start)) {
            i += 1;
            continue;
        }
        // Condition: clauses run_start..=i; consequence: the clauses after it up to the
        // next condition's first clause. A circumstance joined by 或者 (…的，或者…的，由…)
        // is part of the same condition.
        let mut end = i;
        while clauses.get(end + 1).is_some_and(|n| {
            let t = &s[n.clone()];
            (t.starts_with("或者") || t.starts_with('或')) && hits_in(n).is_empty()
        }) && is_end(end + 1, None)
        {
            end += 1;
        }
        let mut j = end + 1;
        let mut last_conseq = None;
        while j < clauses.len() && !is_end(j, last_conseq.map(|l| l + 1)) {
            if is_conseq(j) {
                last_conseq = Some(j);
            }
            j += 1;
        }
        // The condition proper: without the bodies that act and the legal basis they act
        // on before it (市场监督管理部门依据本条例第三十条的规定，对…的), nor a legal basis
        // after it (…未履行职责，依据…的规定，由…).
        let (mut first, mut skip) = framed_start(s, &quoted, &clauses, run_start, end);
        // A definition in a ；-part before (所称X，是指…；擅自…的，给予…) is no part of it.
        if defines(clauses[first].start + skip) && !defines(clauses[end].start) {
            let own = part_of(clauses[end].start).start;
            first = (first..=end)
                .find(|&k| clauses[k].start >= own)
                .unwrap_or(end);
            skip = 0;
        }
        let mut last_own = end;
        while last_own > first && clause_frames(s, &quoted, &clauses[last_own]) {
            last_own -= 1;
        }
        // Nothing but a legal basis, its quoted wording with it: no condition.
        let conditions = conditions && !(first == end && clause_frames(s, &quoted, &clauses[end]));
        let cond_start = clauses[first].start + skip;
        let cond_end = clauses[last_own].end;
        let tail = is_tail(&s[clauses[end].clone()]);
        let lead = lead_in(&s[cond_start..cond_end]);
        // 由…责令限期改正；逾期未改正的，处…罚款 (or 情节严重的，给予处分): the order is no
        // sanction, but the circumstance is the condition that the escalation builds on.
        let escalated = last_conseq.is_none()
            && !lead
            && !tail
            && s[cond_end..].contains(['责', '由'])
            && escalates(
                clauses
                    .get(j)
                    .map_or_else(|| full[sent.end..].trim_start(), |c| &s[c.clone()]),
            );
        if escalated && conditions && !defines(cond_start) {
            let text = s[cond_start..cond_end].trim_end_matches(['，', ',']);
            conds.push(ctx.condition(text, kind_of(text), sent.start + cond_start));
        }
        // Who the condition names (a list's lead too): the target of its measures and of
        // the escalations after it (segmentation only where some measure follows).
        let subject = (last_conseq.is_some() || lead || escalated || j < clauses.len())
            .then(|| {
                dui_party(s, &clauses[first..=end])
                    .or_else(|| condition_subject(s, &clauses[first..=end]))
            })
            .flatten();
        if subject.is_some() && !tail {
            carried.clone_from(&subject);
        }
        let Some(lc) = last_conseq else {
            // What followed was no sanction (责令限期改正): the next condition starts with
            // the next ；-part, or at the next end when there is none.
            let next = (end + 1..j)
                .find(|&k| parts.iter().any(|p| p.start == clauses[k].start))
                .unwrap_or(j);
            run_start = next;
            i = next;
            continue;
        };
        let conseq: Vec<Hit<'_>> = (end + 1..=lc)
            .flat_map(|k| hits_in(&clauses[k]).iter().cloned())
            .collect();
        let conseq_range = clauses[end + 1].start..clauses[lc].end;
        let soft_only = !conseq.is_empty() && conseq.iter().all(Hit::soft);
        let conseq_exempt = exempt_in(conseq_range);
        let accountable = !conseq.is_empty() || conseq_exempt;
        if accountable && (ctx.soft_ok || !soft_only) {
            any = true;
            let cond_text = &s[cond_start..cond_end];
            // 在…中，X弄虚作假…，构成犯罪的，依法追究刑事责任: the violation before the
            // criminal tail is a condition (the bare 违反本法规定，构成犯罪的 is not).
            let conditions = conditions && !defines(cond_start);
            if conditions && tail && end > first {
                let pre = &s[cond_start..clauses[end - 1].end];
                let framing = end - 1 == first && pre.starts_with("违反") && pre.ends_with("规定");
                if !framing && !lead_in(pre) && describes_violation(pre) {
                    conds.push(ctx.condition(pre, kind_of(pre), sent.start + cond_start));
                }
            }
            if conditions && !lead && !tail && !refers_to_listed(cond_text) {
                let text = cond_text.trim_end_matches(['，', ',']);
                let last = &s[clauses[end].clone()];
                let kind = if conseq_exempt {
                    ConditionKind::Exemption
                } else if end > first && is_aggravating(last) {
                    // 有前款行为，造成严重后果的
                    ConditionKind::Aggravating
                } else {
                    kind_of(cond_text)
                };
                conds.push(ctx.condition(text, kind, sent.start + cond_start));
            }
            // 追究相关责任人员的责任，视情节给予批评教育、诫勉谈话: the persons a measure of
            // the consequence names inside it (its umbrella too, which the list replaces)
            // bear the measures after it that name nobody.
            let named_inside: Vec<(usize, String)> = conseq
                .iter()
                .filter_map(|h| Some((h.range.start, inner_target(h.term)?)))
                .collect();
            let measures = sanctions::collapse(s, conseq);
            let conseq_clauses = &clauses[end + 1..=lc];
            if chain_party.is_none() {
                chain_party.clone_from(&subject);
            }
            // A liability borne (赔偿, 连带责任) is the violator's: the party of the chain's
            // condition, not the persons a measure before was given to.
            let liable = subject.clone().or_else(|| chain_party.clone());
            let general = yuetan_target(s, conseq_clauses)
                .or(subject)
                .or_else(|| carried.clone());
            for (k, h) in measures.into_iter().enumerate() {
                // A measure borne by a subject of its own (X与Y承担连带责任, 其…五年内不得担任
                // …); a liability without one is the violator's.
                let bearer = h
                    .entry
                    .borne
                    .then(|| borne_target(s, &clauses, &h))
                    .flatten();
                if bearer.is_some() || h.entry.borne && h.entry.civil() {
                    let target = bearer
                        .or_else(|| liable.clone())
                        .or_else(|| general.clone());
                    // Its bearer is the party of the escalations after it, as a party of
                    // its own is (…终身不得从事…；构成犯罪的，依法追究刑事责任).
                    if k == 0 && !tail && target.is_some() {
                        carried.clone_from(&target);
                    }
                    let part = part_of(h.range.start);
                    push_sanction(ctx, sancs, &h, target, (s, &s[part]), sent.start);
                    continue;
                }
                // The party named with 对 before the measure in its ；-part (处…罚款，对直接
                // 负责的主管人员处…罚款: the second fine has its own), else inside the phrase
                // (追究有关人员责任), else by a clause 对X， of its own earlier in the chain
                // (…的，对直接责任者和领导责任者，情节较轻的，给予警告…；情节较重的，给予…).
                let part = part_of(h.range.start);
                let lo = part.start.max(clauses[end + 1].start);
                // A gain taken back names what it takes after 对 (对违规发放的补贴，予以收缴).
                let own = named_before(&s[lo..h.range.start], false)
                    .filter(|x| !h.entry.gain || person_like(x))
                    .map(str::to_string);
                // When the first measure is already for a party of its own (…的，对负有责任的
                // 主管人员依法给予处分；构成犯罪的…), the escalations after it are theirs too.
                if k == 0 && own.is_some() && !tail {
                    carried.clone_from(&own);
                }
                // 对…的乡镇，由…约谈乡镇主要负责人: whom 约谈 names is its party.
                let object = h
                    .term
                    .ends_with("约谈")
                    .then(|| yuetan_target(s, conseq_clauses))
                    .flatten();
                // 由市政府对X进行约谈: the party the acting body's 对 names, for this measure
                // only (the escalations after it stay the condition's).
                let acted_on = || {
                    named_before(&s[lo..h.range.start], true)
                        .filter(|x| !h.entry.gain || person_like(x))
                        .map(str::to_string)
                };
                let clause_start = clauses
                    .iter()
                    .rfind(|c| c.start <= h.range.start)
                    .map_or(0, |c| c.start);
                let recorded = h
                    .entry
                    .record
                    .then(|| recorded_party(s, clause_start, &h))
                    .flatten();
                let target = recorded
                    .or(object)
                    .or_else(|| named_by_demonstrative(h.term))
                    .or(own)
                    .or_else(acted_on)
                    .or_else(|| holder_in_measure(h.term))
                    .or_else(|| inner_target(h.term))
                    .or_else(|| declared_before(s, &clauses, h.range.start))
                    // 违规发放的津贴补贴，予以收缴: what a gain taken back names is no party.
                    .or_else(|| {
                        general.clone().filter(|x| {
                            !h.entry.gain || person_like(x) || phrase::ends_in_party_head(x)
                        })
                    })
                    .or_else(|| {
                        named_inside
                            .iter()
                            .rev()
                            .find(|(at, _)| *at < h.range.start)
                            .map(|(_, x)| x.clone())
                    });
                push_sanction(ctx, sancs, &h, target, (s, &s[part]), sent.start);
            }
        }
        // What follows the last measure up to the next condition (并责令限期改正；逾期不改正
        // 的) is no part of that condition when a ；-part starts between.
        let next = (lc + 1..(j + 1).min(clauses.len()))
            .find(|&k| parts.iter().any(|p| p.start == clauses[k].start))
            .unwrap_or(lc + 1);
        run_start = next;
        i = next;
    }
    let direct = !any;
    // Measures that follow no condition, where the text before them names a violation or
    // a list of them, or in a 法律责任 chapter (凡有下列行为之一的单位或者个人，卫生防疫机构
    // 可以根据情节轻重，给予警告、罚款…): entries for the party that text names. Without
    // any condition, a clause that opens with 对 is read below instead.
    for &(rs, k) in &orphans {
        let c = &clauses[k];
        let before = &s[clauses[rs].start..c.start];
        let t = &s[c.clone()];
        let opens_dui = ["并", "同时", "要", "应当", "应", ""]
            .iter()
            .any(|w| t.strip_prefix(w).is_some_and(|r| r.starts_with('对')));
        // 教师是中共党员的，同时给予党纪处分: the measures of persons of a standing.
        let standing = is_standing(before.trim_end_matches(['，', ',']));
        let framed = ctx.penalty_chapter || lead_in(before) || standing;
        // A record of what a violation or its penalty was (违法信息由…记入信用记录, 将…受到行政
        // 处罚的信息记入…信用档案) is a consequence however the sentence is built.
        let records_violation =
            |h: &Hit<'_>| h.entry.record && records_a_violation(&s[c.start..h.range.start]);
        // A measure written out as imposed (给予警告, 没收违法所得, 由公安机关依法给予治安管理
        // 处罚) stands as a sanction wherever it stands, a table of discretion as much as a
        // 法律责任 chapter, where the sentence states no condition (in one that does, such a
        // clause is part of a circumstance: 应当给予警告处分，又有…情形的).
        let imposed = |h: &Hit<'_>| {
            direct && imposed_measure(&s[c.start..h.range.start], h, &s[h.range.end..c.end])
        };
        if direct && opens_dui
            || !(framed
                || describes_violation(before)
                || hits_in(c)
                    .iter()
                    .any(|h| records_violation(h) || imposed(h)))
        {
            continue;
        }
        // 对沿河违规养殖长期未清理问题，给予2名干部…: a problem names no party.
        let problem = |x: &str| ["问题", "行为", "现象"].iter().any(|w| x.ends_with(w));
        let subject = (rs < k)
            .then(|| condition_subject(s, &clauses[rs..k]))
            .flatten()
            .or_else(|| carried.clone())
            .filter(|x| !problem(x));
        // Outside a frame, a soft measure (进行不定时通报) is no sanction without a condition;
        // nor is a record (应当将处罚结果记入信用档案: a body's duty of recording).
        // Soft measures listed with others after a violation (对履职不力的领导干部，视情节轻重，
        // 采取通报、诫勉、停职检查…等方式问责) are measures of the same list.
        let violation = describes_violation(before);
        let listed = violation && ctx.soft_ok && hits_in(c).iter().any(|h| !h.soft());
        let hs: Vec<Hit<'_>> = hits_in(c)
            .iter()
            .filter(|h| !h.soft() || framed && ctx.soft_ok || listed)
            .filter(|h| framed || violation || imposed(h) || records_violation(h))
            .filter(|h| !h.entry.record || violation || records_violation(h))
            .cloned()
            .collect();
        for h in sanctions::collapse(s, hs) {
            let part = part_of(h.range.start);
            let own = named_before(&s[part.start.max(clauses[rs].start)..h.range.start], true)
                .filter(|x| !h.entry.gain || person_like(x))
                .filter(|x| !problem(x));
            // 给予2名干部政务警告: the persons between 给予 and the measure.
            let given = s[c.start..h.range.start]
                .rsplit_once("给予")
                .map(|(_, x)| x)
                .filter(|x| !x.is_empty() && person_like(x))
                .map(str::to_string);
            let target = h
                .entry
                .borne
                .then(|| borne_target(s, &clauses, &h))
                .flatten()
                .or_else(|| {
                    h.entry
                        .record
                        .then(|| recorded_party(s, c.start, &h))
                        .flatten()
                })
                // 对Z承担赔偿责任: Z is whom the liability is owed to.
                .or_else(|| own.filter(|_| !h.entry.civil()).map(str::to_string))
                .or(given)
                .or_else(|| holder_in_measure(h.term))
                .or_else(|| inner_target(h.term))
                .or_else(|| subject.clone());
            push_sanction(ctx, sancs, &h, target, (s, &s[part]), sent.start);
        }
    }
    if direct {
        // No condition: a sanction stated directly (对X给予/予以…).
        for (ci, c) in clauses.iter().enumerate() {
            let t = &s[c.clone()];
            let part = part_of(c.start);
            // 对…的单位要通报批评 / 并对…的按规定处理 in one clause: the circumstance is a
            // condition, the persons or bodies named after its 的 the target.
            let opened = ["并", "同时", "要", "应当", "应"]
                .iter()
                .find_map(|w| t.strip_prefix(w))
                .unwrap_or(t);
            let at = c.start + (t.len() - opened.len());
            let first = hits_in(c).iter().find(|h| h.range.start > at);
            if let (true, Some(first)) = (
                // (A heading such as 对违反纪律行为的处分 ends in no punctuation.)
                opened.starts_with('对')
                    && !opened.starts_with("对其")
                    && s.ends_with(['。', '；', ';', '！', '!']),
                first,
            ) && let Some((cond, rest)) = s[at..first.range.start].rsplit_once('的')
                && describes_violation(cond)
                && let noun = strip_modals(rest)
                && (noun.is_empty() || person_like(noun))
            {
                let mut hs: Vec<Hit<'_>> = hits_in(c)
                    .iter()
                    .filter(|h| h.range.start >= first.range.start)
                    .cloned()
                    .collect();
                for (k, next) in clauses.iter().enumerate().skip(ci + 1) {
                    if is_end(k, None) || !is_conseq(k) {
                        break;
                    }
                    hs.extend(hits_in(next).iter().cloned());
                }
                let soft_only = hs.iter().all(Hit::soft);
                if ctx.soft_ok || !soft_only {
                    if conditions && !defines(at) {
                        let text = &s[at..at + cond.len() + '的'.len_utf8() + noun.len()];
                        conds.push(ctx.condition(text, kind_of(text), sent.start + at));
                    }
                    let target = (!noun.is_empty()).then(|| noun.to_string());
                    for h in sanctions::collapse(s, hs) {
                        let part = part_of(h.range.start);
                        push_sanction(ctx, sancs, &h, target.clone(), (s, &s[part]), sent.start);
                    }
                }
                continue;
            }
            if !t.starts_with('对') {
                continue;
            }
            let (hs, target) = if t.contains("给予") || t.contains("予以") {
                let target = dui_target(t, false, true, false).map(str::to_string);
                (hits_in(c).to_vec(), target)
            } else if let Some(v) = t.find("进行") {
                // 对…的地区进行通报批评: the measure follows 进行, and what precedes it is
                // the target (对应当追究党纪责任的党员进行… names no sanction before 进行).
                let v = c.start + v;
                let hs: Vec<Hit<'_>> = hits_in(c)
                    .iter()
                    .filter(|h| h.range.start >= v)
                    .cloned()
                    .collect();
                let target = s[c.start + '对'.len_utf8()..v].trim_start_matches('其');
                (hs, (!target.is_empty()).then(|| target.to_string()))
            } else if let Some(x) = clause_target(t) {
                // 对非法集资人，由…处…罚款 / 对X处…罚款
                (hits_in(c).to_vec(), Some(x))
            } else {
                continue;
            };
            for h in sanctions::collapse(s, hs) {
                if !h.soft() || ctx.soft_ok {
                    push_sanction(
                        ctx,
                        sancs,
                        &h,
                        target.clone(),
                        (s, &s[part.clone()]),
                        sent.start,
                    );
                }
            }
        }
    }
}

fn measures_lead_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "(?:下列|以下|如下)(?:的)?[^，。；：:]{0,6}?(?:处罚|处分|处理|措施|方式|问责|惩戒)(?:(?:予以|进行|实施)?问责|追究(?:其|相关|有关)?(?:责任|(?:相关|有关)?责任人(?:员)?(?:的)?责任))?[：:]$|\
             (?:处罚|处分|处理|问责|惩戒|追责)(?:的)?(?:种类|方式|措施|形式)(?:主要)?(?:包括|有|分为|为|是)[：:]$",
        )
        .expect("regex")
    })
}

/// The condition of an item of an accountability list: its text up to where a
/// consequence of its own begins (（一）…从事经营活动的，责令停止违法行为，处…罚款 → …从事
/// 经营活动的).
pub fn item_condition(text: &str) -> &str {
    // The first few circumstances only: an item is read in linear time however long.
    for (i, _) in text
        .match_indices("的，")
        .chain(text.match_indices("的,"))
        .take(8)
    {
        let end = i + "的".len();
        let rest = &text[end..];
        let rest = rest.trim_start_matches(['，', ',']);
        if rest.starts_with("责令")
            || opens_with_authority(rest)
            || !sanctions::hits(rest).is_empty()
        {
            return &text[..end];
        }
    }
    text
}

/// Whether sentence `s` (ending in a colon) introduces a list of measures (给予下列处罚：,
/// 组织处理方式包括：, 处分的种类为：) rather than of conditions; then the party it names
/// (对该机构给予下列处罚 → 该机构; 行政机关公务员处分的种类为 → 行政机关公务员), if any.
pub fn measures_lead(s: &str) -> Option<Option<String>> {
    if lead_in(s) || !measures_lead_re().is_match(s) {
        return None;
    }
    let clauses = clauses_in(s, 0..s.len());
    let last = clauses.last()?;
    let target = named_before(&s[..last.end], false)
        .or_else(|| decided_for(&s[last.clone()]))
        .map(str::to_string)
        .or_else(|| condition_subject(s, &clauses));
    Some(target)
}

fn listed_elsewhere_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "^(?:对于|对)?(?:有|具有|存在)本[^，。；]{0,12}?第[一二三四五六七八九十百零]+条[^，。；]{0,10}?所列(?:的)?(?:情形|行为|问题)(?:之一)?的[^，。；]",
        )
        .expect("regex")
    })
}

/// Whether condition `t` names its party by conditions an article lists elsewhere (对有本
/// 办法第九条所列情形的单位和领导干部，…): a reference, no condition of its own (a further
/// party of the paragraph before, 村级河长有前款规定行为之一的, stays one).
fn refers_to_listed(t: &str) -> bool {
    listed_elsewhere_re().is_match(t)
}

/// The party an item of a list of measures opens with (（一）对党组织，采取责令作出书面检查、
/// 通报批评的方式): the measures of the item are its own.
pub fn item_party(t: &str) -> Option<String> {
    let first = &t[..t.find(['，', ',']).filter(|_| t.starts_with('对'))?];
    named_before(first, false)
        .filter(|x| person_like(x) || phrase::ends_in_party_head(x))
        .map(str::to_string)
}

fn measures_inline_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            "(?:处罚|处分|处理|问责|惩戒|追责|责任追究)(?:的)?(?:种类|方式|措施|形式)(?:主要)?(?:包括|有|分为)[：:]?",
        )
        .expect("regex")
    })
}

/// Whether sentence `s` lists the measures that exist in its own text (对责任人的处理方式
/// 包括组织处理、扣减薪酬、纪律处分等，可以单独使用; 问责方式有：通报批评、诫勉。): then the byte
/// where the list begins and the party named before (对责任人的 → 责任人). Two measures at
/// least make a list; a lead that ends in its colon is [`measures_lead`]'s.
pub fn measures_inline(s: &str) -> Option<(usize, Option<String>)> {
    if lead_in(s) {
        return None;
    }
    let Some(m) = measures_inline_re().find(s) else {
        return ways_of_accountability(s);
    };
    let list = &s[m.end()..];
    if sanctions::hits(list).len() < 2 {
        return None;
    }
    let before = s[..m.start()].trim_end_matches('的');
    let party = before.strip_prefix('对').unwrap_or(before);
    let target = (!party.is_empty()
        && party.chars().count() <= 20
        && !party.contains(['，', ',', '、', '；']))
    .then(|| party.to_string());
    Some((m.end(), target))
}

/// A rule on how a party is held to account that lists the ways (对党组织的问责，…可以采取
/// 检查、通报、改组等方式): the byte where the list begins (at 采取) and the party (党组织).
/// The list runs in one comma clause up to 等方式 and names one measure at least.
fn ways_of_accountability(s: &str) -> Option<(usize, Option<String>)> {
    let (party, _) = s.strip_prefix('对')?.split_once("的问责")?;
    if party.is_empty()
        || party.chars().count() > 20
        || party.contains(['，', ',', '、', '；', ';', '。'])
    {
        return None;
    }
    // The list with its verb (采取通报: a bare 通报 is a measure after it).
    let at = s.find("采取")?;
    let end = at + s[at..].find("等方式")?;
    if s[at..end].contains(['，', ',', '。', '；', ';']) || sanctions::hits(&s[at..]).is_empty()
    {
        return None;
    }
    Some((at, Some(party.to_string())))
}

/// The verbs between a measure and its members (longest first: 主要包括 before 包括).
const MEMBER_VERBS: &[&str] = &["主要包括", "包括", "分为", "主要有"];

/// Whether sentence `s` says what a measure named as one holds (组织调整或者组织处理包括停职
/// 检查、调整职务、免职等; 纪律处分分为警告、记过): the byte where its members begin. The
/// sentence opens with the measure (several joined by 或者/和/及), the verb follows it, and
/// two measures at least are named after it.
pub fn members_of_measure(s: &str) -> Option<usize> {
    // Most sentences name no members: look for the verb before reading the measures.
    if !MEMBER_VERBS.iter().any(|v| s.contains(v)) {
        return None;
    }
    let found = sanctions::hits(s);
    let mut at = 0;
    while let Some(h) = found.iter().find(|h| h.range.start == at) {
        at = h.range.end;
        if let Some(j) = ["或者", "和", "及", "、"]
            .iter()
            .find(|j| s[at..].starts_with(*j))
            .filter(|j| found.iter().any(|h| h.range.start == at + j.len()))
        {
            at += j.len();
        }
    }
    if at == 0 {
        return None;
    }
    let verb = MEMBER_VERBS.iter().find(|v| s[at..].starts_with(*v))?;
    let mut list = at + verb.len();
    list += s[list..]
        .chars()
        .next()
        .filter(|c| matches!(c, '：' | ':'))
        .map_or(0, char::len_utf8);
    (found.iter().filter(|h| h.range.start >= list).count() >= 2).then_some(list)
}

/// The party of a decision's lead (本局决定对当事人作出如下行政处罚：): what stands between
/// the last 对 of the clause and the verb after it.
fn decided_for(c: &str) -> Option<&str> {
    let (_, rest) = c.rsplit_once('对')?;
    let end = ["作出", "做出", "给予", "予以", "处以", "实施"]
        .iter()
        .filter_map(|v| rest.find(v))
        .min()?;
    let party = &rest[..end];
    (!party.is_empty() && party.chars().count() <= 30).then_some(party)
}

/// The measures named in `range` of the unit, an item or the run of a list of measures:
/// each an entry for `target`.
pub fn measures(
    ctx: &Ctx<'_>,
    range: Range<usize>,
    target: Option<String>,
    sancs: &mut Vec<Sanction>,
) {
    if range.is_empty() {
        return;
    }
    let s = &ctx.unit.text[range.clone()];
    let present = ctx.unit.present(range.clone());
    let mut hits = sanctions::hits_among(s, &ctx.unit.exact_in(range.clone()), present.sanctions);
    hits.retain(|h| ctx.reads(h.entry));
    // The measures a decision lists are given (imposed), a rule's are provided.
    for h in sanctions::collapse(s, hits) {
        push(
            ctx,
            sancs,
            &h,
            target.clone(),
            (s, s),
            range.start,
            ctx.report,
        );
    }
}

/// Whether `before`, the text of a comma clause before a record in a credit file or a
/// list, names what a violation or its penalty was (违法信息, 受到行政处罚的信息).
fn records_a_violation(before: &str) -> bool {
    ["违法", "违规", "违纪", "失信", "处罚", "处分"]
        .iter()
        .any(|w| before.contains(w))
}

/// Whether hit `h` is a measure written out as imposed: a named measure, not a soft one, a
/// record or a referral, that a verb of imposing gives (给予警告, 处以罚款, 依法给予治安管理
/// 处罚, a clause 并处…罚款) or that opens with one (没收违法所得, 吊销许可证, 责令停产停业),
/// and that ends its comma clause. `before` and `after` are the comma clause around it. Not
/// a measure someone has been given (被处以罚款后), one a rule leaves out (不包括吊销营业执照)
/// nor one named as the subject of a rule (吊销证件由…决定; …的行政处罚决定; 没收违法所得
/// 意见书): nothing but 处分 follows it in its clause. A measure
/// that opens with its verb, not where a body only may use it (可以责令暂停…活动).
fn imposed_measure(before: &str, h: &Hit<'_>, after: &str) -> bool {
    h.class == vocab::Class::Specific
        && !h.soft()
        && !h.entry.record
        && !h.entry.referral
        && !before.contains('被')
        && !before.contains("包括")
        && matches!(after, "" | "处分")
        && (["给予", "予以", "处以", "并处"]
            .iter()
            .any(|v| before.ends_with(v))
            // 并处三万元以上五万元以下罚款: the amount between the verb and the measure.
            || ["并可以", "并可", "并", "可以", "可"]
                .iter()
                .find_map(|w| before.strip_prefix(w))
                .unwrap_or(before)
                .strip_prefix('处')
                .is_some_and(|r| !r.starts_with(['理', '置', '分']))
            // Not a power a body may use (可以责令暂停招标投标活动).
            || !before.contains("可以")
                && ["没收", "吊销", "暂扣", "责令", "给予", "予以"]
                    .iter()
                    .any(|v| h.term.starts_with(v)))
}

/// Whether the circumstance of 对…的 describes a violation (对存在浪费行为的单位, 对落实不力的
/// 地区), not who is meant (对经选举任命的人员) or a rule with its own modal (对违纪党员也可以…).
fn describes_violation(cond: &str) -> bool {
    static WORDS: OnceLock<[AhoCorasick; 2]> = OnceLock::new();
    let [violation, modal] = WORDS.get_or_init(|| {
        [
            AhoCorasick::new(VIOLATION_WORDS).expect("violation words"),
            AhoCorasick::new(["可以", "应当", "应该", "必须", "也可"]).expect("modals"),
        ]
    });
    violation.is_match(cond) && !modal.is_match(cond)
}

/// Words that describe a violation (违反, 未, 擅自, 弄虚作假 …).
const VIOLATION_WORDS: [&str; 50] = [
    "违反",
    "违规",
    "违纪",
    "违法",
    "未",
    "不",
    "造成",
    "存在",
    "出现",
    "问题",
    "失职",
    "渎职",
    "滥用",
    "玩忽",
    "徇私",
    "虚假",
    "拒",
    "擅自",
    "浪费",
    "严重",
    "损失",
    "后果",
    "欺骗",
    "伪造",
    "变造",
    "骗取",
    "非法",
    "冒用",
    "隐瞒",
    "谎报",
    "瞒报",
    "篡改",
    "侵犯",
    "侵占",
    "挪用",
    "截留",
    "贪污",
    "受贿",
    "行贿",
    "索贿",
    "弄虚作假",
    "失察",
    "不力",
    "扰乱",
    "阻碍",
    "妨碍",
    "破坏",
    "毁坏",
    "损坏",
    "泄露",
];

/// `rest` without the modals and adverbs that may end it before a measure (单位及人员要 →
/// 单位及人员).
fn strip_modals(rest: &str) -> &str {
    let mut r = rest;
    while let Some(x) = [
        "要", "应当", "应", "必须", "一律", "依法", "依规", "依纪", "严肃", "及时", "进行", "予以",
        "给予",
    ]
    .iter()
    .find_map(|w| r.strip_suffix(w))
    {
        r = x;
    }
    r
}

/// Push a sanction that sentence `s` (at byte `base` of the unit text) of a report states:
/// as given (`imposed`), or as proposed to the body that decides (建议对其予以免职).
pub fn push_reported(
    ctx: &Ctx<'_>,
    sancs: &mut Vec<Sanction>,
    h: &Hit<'_>,
    target: Option<String>,
    s: &str,
    base: usize,
    imposed: bool,
) {
    push(ctx, sancs, h, target, (s, s), base, imposed);
}

/// Push sanction `h` of a rule in chain `s` (which starts at byte `base` of the unit
/// text), quoted by the ；-part `quote` that holds it.
fn push_sanction(
    ctx: &Ctx<'_>,
    sancs: &mut Vec<Sanction>,
    h: &Hit<'_>,
    target: Option<String>,
    text: (&str, &str),
    base: usize,
) {
    push(ctx, sancs, h, target, text, base, false);
}

fn push(
    ctx: &Ctx<'_>,
    sancs: &mut Vec<Sanction>,
    h: &Hit<'_>,
    target: Option<String>,
    (s, quote): (&str, &str),
    base: usize,
    imposed: bool,
) {
    // One entry per term and target in a clause (同条不同款对象不同: two entries). A
    // clause's entries are the last ones pushed (clause paths are unique in a document, and
    // a clause is read at once). In a rule a measure named again without a target is the
    // one named before (a decision's item read as its measure, 一、给予警告；, is not
    // read again as a measure written out as imposed).
    let dup = sancs
        .iter()
        .rev()
        .take_while(|x| x.clause_path == ctx.path)
        .any(|x| {
            (x.sanction == h.term || things_taken(&x.sanction) && things_taken(h.term))
                && (x.target == target || !imposed && target.is_none())
        });
    // An item that names its lead's measure again sets its amount (依照下列规定处以罚款：
    // （一）发生一般事故的，处…罚款): the lead's entry stands for it.
    let repeated = !imposed && ctx.lead_measures.iter().any(|m| m == h.term);
    // …的行政处罚，由…决定 / 对公务员给予处分，由任免机关…决定: who decides on a measure,
    // not a measure given.
    let competence = !imposed && {
        let q = quote.trim_end_matches(['。', '；', ';']);
        q.contains('由') && (q.ends_with("决定") || q.ends_with("批准"))
    };
    if !dup && !repeated && !competence {
        let quote = quote
            .trim_end_matches(['。', '；', ';', '：', ':'])
            .to_string();
        let (category, kind) = h.category_under(ctx.regime_of(s, h, target.as_deref()));
        sancs.push(ctx.sanction(
            h.term,
            category,
            kind,
            imposed,
            target,
            quote,
            base + h.range.start,
        ));
    }
}

/// Whether `t` is a 没收 of things (没收违法经营的物品, not 没收违法所得): one penalty however
/// many things a clause names for it.
fn things_taken(t: &str) -> bool {
    t.starts_with("没收")
        && !["违法所得", "非法所得"]
            .iter()
            .any(|g| t[6..].starts_with(g))
}

/// Whether `t` holds a term for the persons held accountable (对直接负责的主管人员，由…: the
/// 的 inside it opens no circumstance).
fn names_accused(t: &str) -> bool {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let terms = vocab::roles()
            .terms
            .iter()
            .filter(|r| matches!(r.tie, Tie::Accused | Tie::AccusedPerson))
            .map(|r| r.word);
        AhoCorasick::new(terms).expect("terms for the persons held accountable")
    })
    .is_match(t)
}

/// Whether a noun phrase names persons or bodies (…的党员干部和师生, …的单位).
fn person_like(np: &str) -> bool {
    phrase::is_holder(np)
        || [
            "师生", "学生", "者", "人员", "干部", "党员", "职工", "员工", "个人", "公民", "居民",
            "村民", "人",
        ]
        .iter()
        .any(|w| np.ends_with(w))
}

/// What stands between 对 and the verb of a sanction in `t`: the leftmost 对 (after which an
/// optional 其 is skipped) followed by 2 to 40 characters other than ，。；, then (where
/// `comma`) an optional comma, any of the adverbs 依法, 依规, 严肃 …, and a verb 给予, 予以,
/// 进行, 作出, 追究, 实施, 处以 — or, where `fines`, 处 before an amount. The shortest
/// stretch wins, as the pattern `对(?:其)?([^，。；]{2,40}?)[，,]?(?:依法|…)*(?:给予|…)` would
/// have it; `anchored` looks only at a 对 that starts `t`.
fn dui_target(t: &str, anchored: bool, comma: bool, fines: bool) -> Option<&str> {
    const ADVERBS: [&str; 10] = [
        "依法", "依规", "依纪", "严肃", "从重", "从轻", "分别", "视情", "应当", "可以",
    ];
    const VERBS: [&str; 7] = ["给予", "予以", "进行", "作出", "追究", "实施", "处以"];
    let verb_at = |q: usize| {
        let mut r = &t[q..];
        if comma && let Some(x) = r.strip_prefix(['，', ',']) {
            r = x;
        }
        while let Some(x) = ADVERBS.iter().find_map(|a| r.strip_prefix(a)) {
            r = x;
        }
        VERBS.iter().any(|v| r.starts_with(v))
            || fines
                && r.strip_prefix('处').is_some_and(|x| {
                    x.starts_with(|c: char| {
                        c.is_ascii_digit()
                            || "０１２３４５６７８９一二三四五六七八九十百千万".contains(c)
                    }) || reckoned_amount(
                        &x[..x.find(['，', '。', '；', ',', ';']).unwrap_or(x.len())],
                    )
                })
    };
    let starts = t.match_indices('对').map(|(i, _)| i);
    for i in starts.take(if anchored { 1 } else { usize::MAX }) {
        if anchored && i > 0 {
            return None;
        }
        let after = i + '对'.len_utf8();
        let own = after + t[after..].strip_prefix('其').map_or(0, |_| '其'.len_utf8());
        for g in [own, after]
            .into_iter()
            .take(if own > after { 2 } else { 1 })
        {
            let mut q = g;
            for (n, c) in t[g..].chars().enumerate().take(40) {
                if matches!(c, '，' | '。' | '；') {
                    break;
                }
                q += c.len_utf8();
                if n >= 1 && verb_at(q) {
                    return Some(&t[g..q]);
                }
            }
        }
    }
    None
}

/// Whether `rest`, the comma clause after a 处, is an amount reckoned on a base (处中标项目
/// 金额千分之五以上千分之十以下的罚款, 处单位罚款数额百分之五…): a fine, not 处理 or 处分.
fn reckoned_amount(rest: &str) -> bool {
    !rest.starts_with(['理', '分', '置', '于', '在'])
        && ["罚款", "百分之", "千分之", "倍以上", "倍以下"]
            .iter()
            .any(|w| rest.contains(w))
}

/// The target named at the start of a consequence clause: 对X给予…, 对X处以…, 对X处一万元…
fn clause_target(c: &str) -> Option<String> {
    dui_target(c, true, false, true).map(str::to_string)
}

/// The party of the last comma clause before `at` that names nothing but it (对X，): the
/// target of the measures after it in the chain.
fn declared_before(s: &str, clauses: &[Range<usize>], at: usize) -> Option<String> {
    clauses
        .iter()
        .take_while(|c| c.end <= at)
        .filter_map(|c| {
            let t = &s[c.clone()];
            let x = named_before(t, false)?;
            // Nothing but 对(其)X: the party ends the clause, and no measure is named in it;
            // and X names persons or bodies (对查处违法行为不配合, inside a condition, none).
            (t.ends_with(x)
                && sanctions::hits(t).is_empty()
                && (person_like(x) || phrase::ends_in_party_head(x)))
            .then(|| x.to_string())
        })
        .last()
}

/// The party a record in a credit file or a list is of: X of 将X的违法行为记入信用档案 and of
/// 将X列入…名单, of X的违法信息应当纳入…平台 and of 记入X的信用档案 — the party recorded, not the
/// body that records (由市场监管部门将其违法信息记入…: 其 is left to the chain, as for the other
/// measures). None where only what is recorded is named (将处罚决定纳入…, 相关信息).
fn recorded_party(s: &str, clause_start: usize, h: &Hit<'_>) -> Option<String> {
    // 记入违法行为人的信用档案: the holder inside the term.
    let inside = h
        .term
        .char_indices()
        .nth(2)
        .and_then(|(k, _)| h.term[k..].split_once('的'))
        .map(|(x, _)| x);
    let before = &s[clause_start..h.range.start];
    let object = match before.rsplit_once('将') {
        Some((_, o)) => Some(o),
        // X的违法信息应当依法纳入…: the record's subject names its party with 的.
        None => before.contains('的').then_some(before),
    };
    // X的违法行为 / X的失信信息: the party before the last 的, unless what follows it is the
    // party itself (将不符合要求产品的进货人、代理人列入…).
    let named = object.map(|o| match o.rsplit_once('的') {
        Some((x, tail)) if !(person_like(tail) || phrase::ends_in_party_head(tail)) => x,
        _ => o,
    });
    [inside, named].into_iter().flatten().find_map(|x| {
        let x = x.trim_end_matches('等');
        let x = ['其', '该']
            .iter()
            .find_map(|p| x.strip_prefix(*p).filter(|r| r.chars().count() >= 2))
            .unwrap_or(x);
        // 其相关情况按照国家的规定纳入…: a basis, no party.
        (x.chars().count() >= 2
            && !x.starts_with('其')
            && !["按照", "依照", "依据", "根据", "规定"]
                .iter()
                .any(|w| x.contains(w))
            && (person_like(x) || phrase::ends_in_party_head(x)))
        .then(|| x.to_string())
    })
}

/// The party a measure names inside its own words: the one ordered to stop (责令食品摊贩停止
/// 经营 → 食品摊贩) or whose licence is revoked (吊销食品小作坊登记证 → 食品小作坊), when it
/// ends in the head of a party's name (责令限期停止, 吊销营业执照, 吊销其许可证 name none).
fn holder_in_measure(term: &str) -> Option<String> {
    const ORDERS: [&str; 5] = ["停止", "暂停", "停产", "停业", "关闭"];
    const LICENCES: [&str; 6] = ["登记证", "许可证", "执照", "资质证书", "证书", "证"];
    let x = if let Some(rest) = term.strip_prefix("责令") {
        let end = ORDERS.iter().filter_map(|w| rest.find(w)).min()?;
        &rest[..end]
    } else if term.contains("员证") || term.contains("人证") {
        // 吊销船长职务船员证书: a person's certificate, named by the post; the party of the
        // violation stays the target.
        return None;
    } else {
        let rest = term.strip_prefix("暂扣或者").unwrap_or(term);
        let rest = rest.strip_prefix("吊销")?;
        let end = LICENCES.iter().filter_map(|w| rest.find(w)).min()?;
        // 吊销《爆破作业单位许可证》; 吊销有关人员的职务船员证书: the holder before 的.
        let x = rest[..end].trim_start_matches('《');
        x.split_once('的').map_or(x, |(h, _)| h)
    };
    // 营业执照, 执业证书, 特种行业许可证: what the licence is for, no party (业 ends one only
    // as 企业, 事业, which `is_holder` knows).
    let party = phrase::is_holder(x) || !x.ends_with('业') && phrase::ends_in_party_head(x);
    (x.chars().count() >= 2 && !x.starts_with('其') && party).then(|| x.to_string())
}

/// The party a measure names with 该 right after its verb (取消该单位当年度评优资格 → 该单位,
/// 暂停该院医保服务协议 → 该院): its own party, before any named for the measures beside it
/// (对该单位主要负责人予以约谈，并取消该单位…: the second is the unit's).
fn named_by_demonstrative(term: &str) -> Option<String> {
    const VERBS: [&str; 6] = ["取消", "撤销", "暂停", "注销", "核减", "终止"];
    let rest = VERBS.iter().find_map(|v| term.strip_prefix(v))?;
    let rest = rest.strip_prefix('该')?;
    let mut end = '该'.len_utf8();
    let mut best = None;
    for c in rest.chars().take(5) {
        end += c.len_utf8();
        let x = &term[term.len() - rest.len() - '该'.len_utf8()..][..end];
        if phrase::is_holder(x)
            || phrase::ends_in_party_head(x)
            || x.ends_with(['院', '局', '司', '校'])
        {
            best = Some(x.to_string());
            break;
        }
    }
    best
}

/// The party inside a phrase of 追究: 追究有关人员责任 → 有关人员, 追究主办单位相关责任人的
/// 责任 → 主办单位相关责任人, 追究直接责任人员的刑事责任 → 直接责任人员, 追究收购单位的违约
/// 责任 → 收购单位.
fn inner_target(term: &str) -> Option<String> {
    /// The kinds of liability a party's 的 may lead to (X的刑事责任, X的违约责任).
    const KINDS: [&str; 8] = [
        "刑事", "法律", "纪律", "党纪", "政纪", "经济", "行政", "违约",
    ];
    let (_, rest) = term.split_once("追究")?;
    let rest = rest.strip_prefix('其').unwrap_or(rest);
    let x = rest.strip_suffix("责任")?;
    let x = KINDS
        .iter()
        .find_map(|k| x.strip_suffix(k).and_then(|p| p.strip_suffix('的')))
        .unwrap_or(x);
    let x = x.trim_end_matches('的');
    let named = x.chars().count() >= 2
        && !KINDS.iter().chain(&["相应"]).any(|w| x.ends_with(w))
        // 追究损害生态环境责任: a liability named by what was harmed, no party.
        && person_like(x);
    named.then(|| x.to_string())
}

/// The party that bears a measure its clause states of it (X承担连带赔偿责任, 由X与Y承担连带
/// 责任, 其直接负责的主管人员十年内不得担任…): the subject of the text `before` the measure in
/// its comma clause after 由, 责令 or 请求 and without 其, up to a modal or the 对 of whom the liability is
/// owed to (X与Y对Z承担…); of parties joined by 与 the first, the party the clause is about
/// (与 names whom the liability is shared with).
fn bearer(before: &str) -> Option<String> {
    /// Words that end the subject before such a measure: modals, adverbs, the 对 of whom
    /// the liability is owed to.
    const STOPS: [&str; 14] = [
        "对", "应当", "应该", "还", "依法", "均", "也", "共同", "各自", "必须", "须", "就", "一并",
        "可以",
    ];
    /// Words after which the bearer is named: the body a measure is laid on (由X承担), the
    /// party ordered or asked to bear it (责令X赔偿损失, 请求X承担, 判令被告承担).
    const OPENERS: [&str; 9] = [
        "由", "责令", "请求", "要求", "主张", "判令", "判决", "判定", "确定",
    ];
    let mut t = before;
    if let Some(at) = OPENERS
        .iter()
        .flat_map(|w| t.match_indices(w))
        .filter(|&(i, w)| w != "由" || !t[i + w.len()..].starts_with(['于', '此']))
        .map(|(i, w)| i + w.len())
        .max()
    {
        t = &t[at..];
    }
    while let Some(x) = ["并且", "同时", "其中", "并", "且"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    {
        t = x;
    }
    let t = match t.strip_prefix('其') {
        Some(x) if !x.starts_with(['他', '余']) => x,
        _ => t,
    };
    let end = STOPS
        .iter()
        .filter_map(|w| t.find(w))
        .min()
        .unwrap_or(t.len());
    let np = &t[..end];
    let np = np.split_once('与').map_or(np, |(x, _)| x);
    let n = np.chars().count();
    ((2..=40).contains(&n)
        && !np.contains(['，', ',', '；'])
        // 责令恢复原状或者赔偿损失: a measure before, no party.
        && !np.ends_with("或者")
        && (person_like(np) || phrase::ends_in_party_head(np)))
    .then(|| np.to_string())
}

/// The target of a measure borne by the subject of its clause ([`bearer`]); else the party
/// a clause 对X， of its own names earlier in the chain, when it names persons or bodies (对
/// 因…造成的损失， names the damage, and a 对 in the measure's own clause whom it is owed to).
fn borne_target(s: &str, clauses: &[Range<usize>], h: &Hit<'_>) -> Option<String> {
    let at = h.range.start;
    let k = clauses.iter().position(|c| c.start <= at && at < c.end)?;
    let own = &clauses[k];
    // X与Y对Z的损失，承担连带赔偿责任: the bearer in the clause before, with whom it is owed to.
    let before = k
        .checked_sub(1)
        .map(|p| &s[clauses[p].clone()])
        .filter(|t| own.start == at && t.contains('对') && !t.ends_with('的'));
    bearer(&s[own.start..at])
        .or_else(|| before.and_then(bearer))
        .or_else(|| {
            declared_before(s, clauses, own.start).filter(|x| person_like(x) && !x.contains("损失"))
        })
}

/// The party named right after 约谈 in a consequence (约谈X，…).
fn yuetan_target(s: &str, conseq: &[Range<usize>]) -> Option<String> {
    let (first, last) = (conseq.first()?, conseq.last()?);
    let t = &s[first.start..last.end];
    let p = t.find("约谈")?;
    let rest = &t[p + "约谈".len()..];
    // 提醒、约谈、通报: a list of measures, no party.
    if rest.starts_with(['、', '或', '和', '及', '等', '，', '。', '；']) {
        return None;
    }
    let end = rest.find(['，', ',', '。', '；']).unwrap_or(rest.len());
    let end = rest[..end].find("也").unwrap_or(end);
    (end > 0).then(|| rest[..end].to_string())
}

/// The persons or bodies a condition framed by 对 ends in (对坚持错误思想，…，散布谣言的党员
/// 干部和师生，要…处理 → 散布谣言的党员干部和师生): its last clause, when what follows its last
/// 的 names them.
fn dui_party(s: &str, cond: &[Range<usize>]) -> Option<String> {
    let (first, last) = (&s[cond.first()?.clone()], &s[cond.last()?.clone()]);
    let framed =
        (first.starts_with('对') || first.starts_with("对于")) && !first.starts_with("对其");
    let (_, np) = last.rsplit_once('的')?;
    (framed && cond.len() > 1 && person_like(np) && !names_accused(np)).then(|| last.to_string())
}

/// The party a condition names: the subject of its first comma clause that has one, a
/// clause that only frames the violation (违反本法规定, 违反本条例第十条规定) skipped.
fn condition_subject(s: &str, cond: &[Range<usize>]) -> Option<String> {
    cond.iter().take(3).find_map(|c| {
        let text = &s[c.clone()];
        if text.starts_with("违反") && text.ends_with("规定") {
            return None;
        }
        let toks = phrase::tokens(text);
        phrase::subject(text, &toks, 0, toks.len())
            .or_else(|| phrase::party(text, &toks))
            .map(|(a, b)| text[a..b].to_string())
    })
}

/// Words that end the party named by 对 before a measure (对X给予…, 对X处…罚款,
/// 对X，由…给予…).
const AFTER_PARTY: [&str; 25] = [
    "给予", "予以", "处以", "并处", "进行", "作出", "追究", "实施", "依法", "依照", "按照", "由",
    "分别", "可以", "应当", "责令", "暂停", "吊销", "没收", "撤销", "取消", "禁止", "限制", "依规",
    "依纪",
];

/// The party that 对 names in `t`, the text of a ；-part before a measure: the last comma
/// clause that opens with 对 (after 并, 同时, 还, 依法 …) gives it, up to the verb or the
/// deciding authority that follows; a circumstance (对…的，) names none.
/// [`AFTER_PARTY`] as one automaton (pattern `k`: word `k`).
fn after_party() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| AhoCorasick::new(AFTER_PARTY).expect("words after a party"))
}

/// Characters before 对 that make it part of a word (相对, 针对, 核对, 比对, 面对, 反对,
/// 绝对, 应对), not the 对 that names a party.
const NOT_DUI_BEFORE: [char; 8] = ['相', '针', '核', '比', '面', '反', '绝', '应'];

/// Characters after 对 that make it part of a word (对外, 对口, 对应, 对照, 对于).
const NOT_DUI_AFTER: [char; 5] = ['外', '口', '应', '照', '于'];

/// With `by_body`, a party named after the body that acts (由市政府对X) counts too.
fn named_before(t: &str, by_body: bool) -> Option<&str> {
    // The comma clauses as (start, end): after each comma, ',' or '，' (EF BC 8C; 0xEF only
    // ever leads a character), up to the next one.
    let b = t.as_bytes();
    let mut clauses: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for i in memchr::memchr2_iter(b',', 0xEF, b) {
        let width = if b[i] == b',' {
            1
        } else if b.get(i + 1..i + 3) == Some(&[0xBC, 0x8C][..]) {
            3
        } else {
            continue;
        };
        clauses.push((at, i));
        at = i + width;
    }
    clauses.push((at, t.len()));
    // Whether a clause after the one at `at` opens with a body of its own (由X对Y处…罚款，由Z
    // 对W进行处罚: Z's measure is not Y's).
    let acting_after = |at: usize| {
        clauses
            .iter()
            .any(|&(a, _)| a > at && t[a..].starts_with('由'))
    };
    clauses.iter().rev().find_map(|&(at, to)| {
        let mut c = &t[at..];
        while let Some(r) = ["并", "同时", "还", "另", "依法", "可以", "应当", "并可"]
            .iter()
            .find_map(|w| c.strip_prefix(w))
        {
            c = r;
        }
        // 我局将对…, 本机关依法对…, 由区委对…: the deciding body before 对.
        let c = c.strip_prefix('对').or_else(|| {
            // The clause after the words stripped (none of them holds a comma).
            let head = &c[..to - (t.len() - c.len())];
            // Each word ends in 对: a head without 对 (most clauses) holds none of them.
            if !head.contains('对') {
                return None;
            }
            // 依照有关规定对相关责任人进行约谈: the basis before 对.
            ["将对", "依法对", "决定对", "规定对"]
                .iter()
                .find_map(|w| head.find(w).map(|i| &c[i + w.len()..]))
                // 由市政府对X进行约谈: the body that acts, introduced by 由, before 对.
                // (相对集中…, 对外贸易主管部门: no 对 of a party.)
                .or_else(|| {
                    (by_body && c.starts_with('由') && !acting_after(at))
                        .then(|| {
                            head.match_indices('对').map(|(i, _)| i).find(|&i| {
                                !head[..i].ends_with(NOT_DUI_BEFORE)
                                    && !head[i + '对'.len_utf8()..].starts_with(NOT_DUI_AFTER)
                            })
                        })
                        .flatten()
                        .map(|i| &c[i + '对'.len_utf8()..])
                        // (由…对其…: the party named before, which 其 stands for, is read
                        // elsewhere.)
                        .filter(|r| !r.starts_with('其'))
                })
        })?;
        if c.starts_with('于') {
            return None;
        }
        let c = c.strip_prefix('其').filter(|r| !r.is_empty()).unwrap_or(c);
        let mut end = c.find(['，', ',']).unwrap_or(c.len());
        // Each word in turn cuts the party short at its first occurrence before the cut so
        // far (并处以: 处以 cuts first, and 并处 no longer fits). One search finds every
        // occurrence of every word.
        let occs: Vec<aho_corasick::Match> =
            after_party().find_overlapping_iter(&c[..end]).collect();
        for k in 0..AFTER_PARTY.len() {
            let first = occs
                .iter()
                .filter(|m| m.pattern().as_usize() == k && m.end() <= end)
                .map(aho_corasick::Match::start)
                .min();
            if let Some(i) = first {
                end = end.min(i);
            }
        }
        // 处 before an amount (对个人处一千元以下罚款).
        let cut = end;
        for (i, _) in c[..cut].match_indices('处') {
            let rest = &c[i + '处'.len_utf8()..];
            if rest.starts_with(|x: char| {
                x.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十百千万".contains(x)
            }) || rest.starts_with("违法")
                || rest.starts_with("货值")
                || reckoned_amount(&c[i + '处'.len_utf8()..cut])
            {
                end = end.min(i);
            }
        }
        let x = &c[..end];
        // 对原取得的许可证件，予以吊销: the thing a measure acts on, no party.
        let document = ["证", "证件", "证书", "执照", "批准文件"]
            .iter()
            .any(|w| x.ends_with(w));
        (!x.is_empty() && !x.ends_with('的') && !document && x.chars().count() <= 40).then_some(x)
    })
}

/// Whether a comma clause opens with the body that decides the sanction (由县级以上人民
/// 政府市场监督管理部门…, 由其所在单位…).
fn opens_with_authority(c: &str) -> bool {
    const BODIES: [&str; 16] = [
        "机关",
        "部门",
        "政府",
        "机构",
        "单位",
        "组织",
        "委员会",
        "法院",
        "所在",
        "上级",
        "银行",
        "局",
        "海关",
        "委",
        "厅",
        "署",
    ];
    const ACTS: [&str; 16] = [
        "责令", "处", "给予", "予以", "没收", "吊销", "依法", "依照", "按照", "决定", "作出",
        "撤销", "取消", "追究", "通报", "约谈",
    ];
    let Some(rest) = c.strip_prefix('由') else {
        return false;
    };
    let head: String = rest.chars().take(30).collect();
    !c.ends_with('的')
        && BODIES.iter().any(|w| head.contains(w))
        && ACTS.iter().any(|w| rest.contains(w))
}

/// Words that name a legal basis (依据本条例第三十条的规定, 根据《…》第八条).
const BASIS: [&str; 4] = ["依据", "依照", "根据", "按照"];

/// Words of a decision that end the bodies that act right before 对, not a violation
/// (纪检监察组要对…, 部门将对…, 市场监督管理部门依法对…).
const ACTING: [&str; 6] = ["要", "将", "依法", "依规", "依纪", "严肃"];

/// `t` without the titles of laws in it (《中华人民共和国反不正当竞争法》 names no violation).
fn without_titles(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut depth = 0u32;
    for c in t.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Whether `t` names a violation (违反, 未, 擅自 …), whatever its modal.
fn names_violation(t: &str) -> bool {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| AhoCorasick::new(VIOLATION_WORDS).expect("violation words"))
        .is_match(&without_titles(t))
}

/// Whether text `t` (a comma clause, or what stands before 对 in one) only frames a
/// condition: the bodies that act and the legal basis of their act (县级以上人民政府市场监
/// 督管理部门依据本条例第三十条的规定, 由公安机关依照《…》第五十条的规定, 各派驻纪检监察组要
/// 加大监督检查力度), never a violation (未按照本条例第十条规定, 违反本法规定).
fn is_frame(t: &str) -> bool {
    let t = t.trim_end_matches(['，', ',']);
    // 对于应当受到…处分: the circumstance itself.
    if t.is_empty() || t.ends_with('的') || t.starts_with('对') || names_violation(t) {
        return false;
    }
    // A basis names what it rests on (依据本条例…, 根据《…》, 按照规定), not a measure of
    // degree (根据情节轻重), and ends the frame (not 依照本条例的规定取得资格后, where a
    // party acts on it).
    let basis = ["规定", "条", "款", "项", "》"]
        .iter()
        .any(|e| t.ends_with(e))
        && BASIS.iter().any(|w| {
            t.match_indices(w).any(|(i, _)| {
                let r = &t[i + w.len()..];
                [
                    "本", "《", "第", "该", "上述", "有关", "相关", "前", "国家", "规定",
                ]
                .iter()
                .any(|x| r.starts_with(x))
            })
        });
    if basis {
        return true;
    }
    // The deciding body (由公安机关), or bodies and the duty 要 gives them, with no
    // circumstance described (依法取得许可的经营者 is a party, 主要负责人 no duty; a
    // party's 应当 and 必须 are the duty it breached).
    let bare = without_titles(t).replace("的规定", "");
    let plain = ["主要", "重要", "需要", "只要", "要求", "要点"]
        .iter()
        .fold(bare.clone(), |x, w| x.replace(w, ""));
    !bare.contains('的') && (t.starts_with('由') && !t.starts_with("由于") || plain.contains('要'))
}

/// Whether `p`, what stands before 对 in a clause, is the bodies that act and no part of the
/// circumstance: a body and the basis it acts on (…部门依据本条例第三十条的规定对), the
/// deciding body (由公安机关对), or a body and a word of its decision (纪检监察组要对, 市场监
/// 督管理部门依法对). A bare basis (按照有关规定对…负有义务的) may be the party's own duty.
fn frames_dui(p: &str) -> bool {
    if BASIS.iter().any(|w| p.starts_with(w)) || p.contains(['“', '"']) || !is_frame_text(p) {
        return false;
    }
    if p.starts_with('由') && !p.starts_with("由于") || is_frame(p) && !p.contains('要') {
        return true;
    }
    let mut body = p;
    while let Some(r) = ACTING.iter().find_map(|w| body.strip_suffix(w)) {
        body = r;
    }
    body.len() < p.len() && !body.contains('的') && phrase::is_holder(body)
}

/// The checks every frame passes: text, no circumstance (…的), no 对 opening it, no
/// violation named.
fn is_frame_text(t: &str) -> bool {
    !(t.is_empty() || t.ends_with('的') || t.starts_with('对') || names_violation(t))
}

/// Where the condition of clauses `run..=end` starts: the first clause after those that
/// only frame it ([`is_frame`]), and the byte offset in that clause of a 对 that a frame
/// leads into (由公安机关依照…的规定对…的 → 对…的).
fn framed_start(
    s: &str,
    quoted: &[Range<usize>],
    clauses: &[Range<usize>],
    run: usize,
    end: usize,
) -> (usize, usize) {
    let mut first = run;
    while first < end && clause_frames(s, quoted, &clauses[first]) {
        first += 1;
    }
    let t = &s[clauses[first].clone()];
    let skip = t
        .match_indices('对')
        .map(|(i, _)| i)
        .find(|&i| {
            // A body (or 由 and a body) acts: a bare basis before 对 (按照有关规定对…负有
            // 义务的) may be the party's own.
            i > 0 && frames_dui(&t[..i])
        })
        .unwrap_or(0);
    (first, skip)
}

/// Whether clause `c` of `s` only frames a condition ([`is_frame`]), the quoted wording of
/// a law it cites left out (依据…第（二）项“发生较大事故的 and 处…罚款”的规定 are one
/// legal basis).
fn clause_frames(s: &str, quoted: &[Range<usize>], c: &Range<usize>) -> bool {
    let own: String = s[c.clone()]
        .char_indices()
        .filter(|&(i, _)| !quoted.iter().any(|q| q.contains(&(c.start + i))))
        .map(|(_, ch)| ch)
        .filter(|ch| !matches!(ch, '“' | '”'))
        .collect();
    if own.len() < c.len() && matches!(own.as_str(), "" | "的规定" | "规定" | "之规定") {
        return true;
    }
    is_frame(&own)
}

/// The quoted wording of a law that a legal basis cites (依据…第一百一十四条第一款第（二）项
/// “发生较大事故的，处…罚款”的规定): byte ranges of `s` inside the quotation marks.
fn quoted_bases(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if !s.contains('“') {
        return out;
    }
    for (i, _) in s.match_indices('“') {
        let before = s[..i].trim_end();
        let cites = before.ends_with(['条', '款', '项', '》', '）', ')'])
            && s[..i]
                .rsplit(['。', '；', ';'])
                .next()
                .is_some_and(|b| BASIS.iter().any(|w| b.contains(w)));
        if !cites {
            continue;
        }
        let open = i + '“'.len_utf8();
        let close = s[open..].find('”').map_or(s.len(), |k| open + k);
        out.push(open..close);
    }
    out
}

/// Whether a clause only sets the amount of a penalty (有违法所得的, 违法所得十万元以上的,
/// 没有违法所得或者违法所得不足一万元的, 货值金额不足一万元的): part of the consequence,
/// not a condition of its own.
fn is_tier(t: &str) -> bool {
    const AMOUNTS: [&str; 7] = [
        "违法所得",
        "非法所得",
        "违法收入",
        "货值金额",
        "违法经营额",
        "非法经营额",
        "违法经营数额",
    ];
    static ANY_AMOUNT: OnceLock<AhoCorasick> = OnceLock::new();
    let any_amount =
        ANY_AMOUNT.get_or_init(|| AhoCorasick::new(AMOUNTS).expect("words of an amount"));
    if !t.ends_with('的') || !any_amount.is_match(t) {
        return false;
    }
    let t = t.trim_end_matches('的');
    ["有", "没有", "无", "其"].iter().any(|p| {
        t.strip_prefix(p)
            .is_some_and(|r| AMOUNTS.iter().any(|w| r.starts_with(w)))
    }) || AMOUNTS.iter().any(|w| t.starts_with(w))
        || ["不足", "以上", "以下", "超过", "以内", "不满", "达到"]
            .iter()
            .any(|w| t.contains(w))
            && t.chars().count() <= 40
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::prop_assert_eq;

    #[test]
    fn a_sentence_that_lists_the_kinds_of_measures_leads_them() {
        let s = "对涉事人员的处理方式包括组织处理、扣减薪酬、纪律处分等，可以单独使用，也可以合并使用。";
        let (at, target) = measures_inline(s).expect("a list of measures");
        assert!(s[at..].starts_with("组织处理"));
        assert_eq!(target.as_deref(), Some("涉事人员"));
        let (at, target) = measures_inline("问责方式有：约谈、通报批评。").expect("a list");
        assert_eq!(at, "问责方式有：".len());
        assert_eq!(target, None);
        let s = "责任追究形式包括约谈、通报批评、调离岗位。";
        assert!(s[measures_inline(s).expect("a list").0..].starts_with("约谈"));
        // One measure is no list; a lead ending in its colon is another reader's; the way a
        // complaint is dealt with names no measures.
        assert_eq!(measures_inline("处理方式包括组织处理等。"), None);
        assert_eq!(measures_inline("问责方式有："), None);
        assert_eq!(measures_inline("投诉的处理方式包括调解、书面答复。"), None);
    }

    #[test]
    fn a_measure_named_as_one_gives_its_members() {
        let s = "组织调整或者组织处理包括停职检查、调整职务、免职等。";
        let at = members_of_measure(s).expect("the members");
        assert!(s[at..].starts_with("停职检查"));
        let s = "纪律处分分为：警告、记过。";
        assert!(s[members_of_measure(s).expect("members")..].starts_with("警告"));
        // Not opening with the measure, one member only, or no verb of inclusion.
        assert_eq!(
            members_of_measure("本办法所称问责包括停职检查、免职。"),
            None
        );
        assert_eq!(members_of_measure("组织处理包括停职检查。"), None);
        assert_eq!(
            members_of_measure("组织处理和停职检查、免职应当公开。"),
            None
        );
    }

    /// The patterns `dui_target` stands for.
    fn target_patterns() -> [Regex; 2] {
        let adverbs = "(?:依法|依规|依纪|严肃|从重|从轻|分别|视情|应当|可以)*";
        let verbs = "(?:给予|予以|进行|作出|追究|实施|处以";
        [
            Regex::new(&format!(
                "对(?:其)?([^，。；]{{2,40}}?)[，,]?{adverbs}{verbs})"
            ))
            .unwrap(),
            Regex::new(&format!(
                "^对(?:其)?([^，。；]{{2,40}}?){adverbs}{verbs}|处[0-9０-９一二三四五六七八九十百千万])"
            ))
            .unwrap(),
        ]
    }

    proptest::proptest! {
        /// The target between 对 and the verb is the group the patterns capture, in running
        /// consequences and at the start of a clause.
        #[test]
        fn dui_target_is_the_patterns_group(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "对", "其", "，", ",", "。", "；", "依法", "严肃", "分别", "给予", "予以",
                    "处以", "处", "一万元", "5", "罚款", "直接负责的主管人员", "单位", "人", "的",
                    "违反规定", "追究", "可以", "进行", "其他",
                ]),
                0..14,
            )
        ) {
            let t = pieces.concat();
            let [running, clause] = target_patterns();
            let group = |re: &Regex| re.captures(&t).map(|c| c.get(1).unwrap().as_str().to_string());
            prop_assert_eq!(dui_target(&t, false, true, false).map(str::to_string), group(&running));
            prop_assert_eq!(dui_target(&t, true, false, true).map(str::to_string), group(&clause));
        }
    }

    #[test]
    fn targets_of_fines_and_measures() {
        assert_eq!(
            dui_target("对直接负责的主管人员处五千元罚款", true, false, true),
            Some("直接负责的主管人员")
        );
        assert_eq!(
            dui_target("并对其直接负责的主管人员，依法给予处分", false, true, false),
            Some("直接负责的主管人员")
        );
        assert_eq!(dui_target("对其给予", false, true, false), None);
    }

    #[test]
    fn the_bearer_of_a_liability_or_a_ban_is_the_subject_of_its_clause() {
        let of = |t: &str| bearer(t);
        assert_eq!(of("由保证人与债务人").as_deref(), Some("保证人"));
        assert_eq!(of("承运公司与托运人对收货人").as_deref(), Some("承运公司"));
        assert_eq!(of("检测站应当与委托人对第三方").as_deref(), Some("检测站"));
        assert_eq!(
            of("其直接负责的主管人员和其他直接责任人员").as_deref(),
            Some("直接负责的主管人员和其他直接责任人员")
        );
        assert_eq!(of("其法定代表人").as_deref(), Some("法定代表人"));
        assert_eq!(of("由区档案部门责令保管人").as_deref(), Some("保管人"));
        assert_eq!(of("受害人有权请求经营者").as_deref(), Some("经营者"));
        // No subject of its own: the chain's party stands.
        assert_eq!(of("应当与委托人"), None);
        assert_eq!(of("并且"), None);
        // 责令恢复原状或者赔偿损失: a measure before, no party.
        assert_eq!(of("责令恢复原状或者"), None);
        // 由于: a cause, not the body a measure is laid on.
        assert_eq!(of("由于管理不善"), None);
    }

    #[test]
    fn parties_named_inside_an_order_or_a_licence() {
        assert_eq!(
            holder_in_measure("责令食品摊贩停止经营").as_deref(),
            Some("食品摊贩")
        );
        assert_eq!(
            holder_in_measure("吊销食品小作坊登记证").as_deref(),
            Some("食品小作坊")
        );
        assert_eq!(
            holder_in_measure("吊销《爆破作业单位许可证").as_deref(),
            Some("爆破作业单位")
        );
        assert_eq!(holder_in_measure("吊销船长职务船员证书"), None);
        assert_eq!(holder_in_measure("责令限期停止施工"), None);
        assert_eq!(holder_in_measure("责令其停止经营"), None);
        assert_eq!(holder_in_measure("吊销营业执照"), None);
        assert_eq!(holder_in_measure("吊销执业证书"), None);
        assert_eq!(holder_in_measure("吊销特种行业许可证"), None);
        assert_eq!(holder_in_measure("吊销其排污许可证"), None);
        assert_eq!(holder_in_measure("罚款"), None);
    }

    #[test]
    fn parties_inside_a_measure_and_things_it_acts_on() {
        assert_eq!(
            inner_target("依法追究有关责任人员的刑事责任").as_deref(),
            Some("有关责任人员")
        );
        assert_eq!(inner_target("依法追究刑事责任"), None);
        assert_eq!(inner_target("追究其刑事责任"), None);
        assert_eq!(inner_target("依法追究损害生态环境责任"), None);
        assert_eq!(
            inner_target("追究承运单位的违约责任").as_deref(),
            Some("承运单位")
        );
        // 对X，before a measure: a party, but not the licence a revocation acts on.
        assert_eq!(named_before("对非法集资人，由", false), Some("非法集资人"));
        assert_eq!(
            named_before("对其取得的移植许可证件、批准文件，", false),
            None
        );
        assert_eq!(named_before("对原取得的营业执照，", false), None);
    }
}
