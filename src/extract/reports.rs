//! Sanctions reported as given (`imposed: true`): the 通报, 处分决定, 问责情况通报 and
//! 事故调查处理通报 that say what was done to whom.
//!
//! A report states it clause by clause: 张某某受到撤职处分, 给予王某某党内严重警告处分,
//! 对李某某予以诫勉, 涉嫌犯罪问题被移送司法机关. Each measure is an entry for the person it
//! names, with the post the text gives (市水务局副局长张某某); a clause that names nobody
//! (涉嫌犯罪问题被移送…) is about the person named last. A rule inside a report (今后对…的，
//! 一律严肃处理) is left to [`super::conditions`].

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::Ctx;
use super::conditions::push_reported;
use super::phrase;
use super::sanctions::{self, Hit};
use super::unit::{clauses_in, sentences_in};
use super::vocab::{self, Trigger};
use crate::model::SanctionCategory;

/// Whether a document reports sanctions given: the kind of document its title (or,
/// without one, the first line of its text) names — what follows the last 的 — is a
/// report (关于…问题的通报) or a decision on a sanction (关于给予…处分的决定); a rule that
/// only mentions one (关于印发《…通报制度》的通知) is none.
pub fn is_report(title: Option<&str>, opening: &str) -> bool {
    // Without a title, the opening up to the addressees' colon, its lines joined (a title
    // wrapped as …情况的 / 通报).
    let joined: String;
    let head = match title {
        Some(t) => t,
        None => {
            let end = opening.find(['：', ':']).unwrap_or(opening.len());
            joined = opening[..end].split_whitespace().collect();
            &joined
        }
    };
    let kind = head.rsplit_once('的').map_or(head, |(_, k)| k);
    let t = vocab::triggers();
    t.any_in(Trigger::Report, kind)
        || kind.starts_with("决定")
            && ["处分", "处理", "问责", "处罚"]
                .iter()
                .any(|w| head.contains(w))
}

/// The verbs of a report's clause, with what stands before and after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// X受到…处分 / X被…: the person before it.
    Received,
    /// 给予X…处分: the person between it and the measure.
    Given,
    /// 对X予以/给予/进行…: the person between 对 and the verb.
    Towards,
}

/// Modals before the verb that make a clause a finding of what is due (应当受到严肃处理).
const MODALS: [&str; 6] = ["应当", "应予", "理应", "应该", "可以", "必须"];

/// Words before the verb that put a sanction in the past (曾受到, 此前受到).
const HISTORY: [&str; 4] = ["曾", "此前", "过去", "以往"];

/// Modals and conditions that make a clause a rule, not a report.
const RULE_WORDS: [&str; 8] = ["应当", "可以", "必须", "一律", "要", "将", "一经", "凡"];

/// Adverbs around the person that are not part of the name (also the degree of a
/// measure: 对其从轻给予…, 依规依纪依法对其减轻处理).
const ADVERBS: [&str; 21] = [
    "并",
    "还",
    "同时",
    "均",
    "分别",
    "先后",
    "已",
    "已经",
    "也",
    "依规依纪依法",
    "依规依纪",
    "依纪依法",
    "依法",
    "依规",
    "另",
    "一并",
    "从轻",
    "减轻",
    "从重",
    "加重",
    "从严",
];

fn trim_person(x: &str) -> &str {
    let mut x = x.trim_matches(['，', ',', '、', '（', '）']);
    // 负有监管责任的县林业局2名干部: the qualifier is no part of the persons.
    if x.starts_with("负有")
        && let Some(i) = x.find("责任的")
        && x.len() > i + "责任的".len()
    {
        x = &x[i + "责任的".len()..];
    }
    // 该店负责人李某某因涉嫌诈骗罪(被移送…): the cause is no part of the person.
    if let Some(i) = x.find('因')
        && x[..i].chars().count() >= 2
    {
        x = &x[..i];
    }
    loop {
        let before = x;
        for a in ADVERBS {
            x = x.strip_prefix(a).unwrap_or(x);
            x = x.strip_suffix(a).unwrap_or(x);
        }
        // 其 (the person named before) stands before the adverbs: 对其从轻给予….
        if let Some(r) = x.strip_prefix('其')
            && ADVERBS.iter().any(|a| r.starts_with(a))
        {
            x = r;
        }
        if x == before {
            return x;
        }
    }
}

/// Whether `x` can be the person a report names (张某某, 市水务局副局长王某, 区应急局):
/// short, not a circumstance, not a rule's category of persons.
fn names_someone(x: &str) -> bool {
    let n = x.chars().count();
    (2..=40).contains(&n)
        && !x.ends_with('的')
        && !x.ends_with("问题")
        && !x.ends_with("行为")
        && !RULE_WORDS
            .iter()
            .any(|w| x.replace("主要", "").replace("重要", "").contains(w))
}

/// The person a clause names at its opening (县财政局科长钱某某对此负有…; the item 何某某，
/// 某公司项目经理，…): the text up to the end of the first name, when nothing before it
/// is a circumstance or an object.
fn opening_person(t: &str) -> Option<&str> {
    // 由市应急管理局约谈该局主要负责人周某某: the body that acts opens the clause; the
    // person is whom its measure names after it.
    if let Some(by) = t.strip_prefix('由') {
        let h = sanctions::report_hits(by).into_iter().next()?;
        let object = &by[h.range.end..];
        let p = trim_person(object);
        return (phrase::name_end(object) == Some(object.len())
            && p.chars().count() <= 60
            && !p.contains(['对', '的', '在', '将', '向', '被', '给']))
        .then_some(p);
    }
    // 鉴于张某某…, 其中李某…: a connective before the person.
    let t = ["鉴于", "由于", "其中", "经查", "另外"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(t);
    let mut end = phrase::name_end(t)?;
    // 局长韦某某、副局长毛某某对此负有领导责任: the persons the list names.
    while let Some(more) = t[end..].strip_prefix('、')
        && let Some(e) = phrase::name_end(more)
        && !more[..e].contains(['对', '的', '在', '将', '向', '被', '给'])
    {
        end = t.len() - more.len() + e;
    }
    let p = trim_person(&t[..end]);
    (p.chars().count() <= 60 && !p.contains(['对', '的', '在', '将', '向', '被', '给']))
        .then_some(p)
}

/// Words that end the name of a body (甲公司、乙监理公司).
const BODIES: [&str; 18] = [
    "党组",
    "委",
    "部",
    "公司",
    "企业",
    "集团",
    "厂",
    "局",
    "委员会",
    "政府",
    "中心",
    "站",
    "所",
    "院",
    "办公室",
    "诊所",
    "药店",
    "药房",
];

/// The persons of a target that joins several by 、 (镇党委书记刘某某、镇长陈某某; 甲公司、乙
/// 公司): one per run of parts that ends in a name or a body (党组书记、局长王某某、副局长
/// 李某 is two persons, the first with two posts); the whole when the last part ends in
/// neither.
fn persons(who: &str) -> Vec<&str> {
    if !who.contains('、') {
        return vec![who];
    }
    let whole =
        |p: &str| phrase::name_end(p) == Some(p.len()) || BODIES.iter().any(|b| p.ends_with(b));
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    for part in who.split('、') {
        let end = at + part.len();
        if whole(part) {
            out.push(&who[start..end]);
            start = end + '、'.len_utf8();
        }
        at = end + '、'.len_utf8();
    }
    if start < who.len() || out.is_empty() {
        return vec![who];
    }
    out
}

/// Read one sentence (or chain) of a report; push the sanctions it reports as given and
/// say whether there were any. `person` is the person named last in the unit.
pub fn sentence(
    ctx: &Ctx<'_>,
    sent: Range<usize>,
    person: &mut Option<String>,
    sancs: &mut Vec<crate::model::Sanction>,
) -> bool {
    let full = &ctx.unit.text;
    let s = &full[sent.clone()];
    if RULE_WORDS.iter().any(|w| s.contains(w)) && (s.contains("的，") || s.contains("的,")) {
        return false;
    }
    // 对整改不力的单位，由纪委监委对其主要负责人进行约谈: a rule (对…的[X]，…), not a
    // person named (对负有领导责任的镇长邬某某，…).
    if clauses_in(s, 0..s.len()).first().is_some_and(|c| {
        let t = &s[c.clone()];
        t.starts_with('对')
            && t.contains('的')
            && phrase::name_end(t) != Some(t.len())
            && verb_of(t).is_none()
            && t.chars().count() <= 40
    }) {
        return false;
    }
    let mut found = false;
    // 全市共查处问题126起，处理183人: a statistic, read by neither finder when it gives
    // nobody a measure.
    let counts = statistic(s);
    // The person of the clause before, for a clause that goes on with more measures
    // (处以…罚款，吊销其…许可证; …罚款；五年内不得担任…), also past a clause without one
    // (对X，依据…的规定，五年内不得…).
    let mut last: Option<Option<String>> = None;
    for part in sentences_in(s, 0..s.len()) {
        let clauses = clauses_in(s, part);
        // 柏某某，执法大队队长，给予政务记过处分；邢晓峰，…: a part of a list after a colon
        // that opens with the person, by a name of its own.
        if clauses.len() > 1
            && let Some(first) = clauses.first()
            && is_name(s[first.clone()].trim())
        {
            // 柏某某，执法大队队长，…: the post the clause after the name gives.
            let name = s[first.clone()].trim();
            let post = s[clauses[1].clone()].trim();
            let is_post = (2..=16).contains(&post.chars().count())
                && !post.contains(['对', '给', '受', '被', '的', '在'])
                && ["长", "员", "书记", "主任", "经理", "委员", "干部"]
                    .iter()
                    .any(|w| post.ends_with(w));
            *person = Some(if is_post {
                format!("{post}{name}")
            } else {
                name.to_string()
            });
            last = None;
        }
        for c in clauses {
            // 建议责令其辞去现任职务: a measure proposed, read without the word.
            let proposed = s[c.clone()].starts_with("建议");
            let c = if proposed {
                c.start + "建议".len()..c.end
            } else {
                c
            };
            let t = &s[c.clone()];
            if t.ends_with('的') {
                last = None;
                continue;
            }
            // （二）给予党纪政务处分的公职人员（6人）: a heading that describes whom the
            // part is about.
            if described_group(t) {
                last = None;
                continue;
            }
            // Whether the measures go to each person of a 、-list (not for a gain taken
            // back: 违规发放的资金已全部追回 is one entry).
            let mut each = true;
            let (rest, base, target) = match verb_of(t) {
                // 李某某曾于2019年受到诫勉谈话: a sanction of the past.
                Some((_, at, _)) if HISTORY.iter().any(|w| t[..at].contains(w)) => {
                    last = None;
                    continue;
                }
                // 应当受到严肃处理: a finding of what is due, not a measure given; the
                // person it names is the one of what follows.
                Some((_, at, _)) if MODALS.iter().any(|w| t[..at].contains(w)) => {
                    if let Some(p) = opening_person(t) {
                        *person = Some(p.to_string());
                    }
                    last = None;
                    continue;
                }
                Some((verb, at, len)) => {
                    // The measures: what follows the verb (after the person, for 给予).
                    let rest = &t[at + len..];
                    let Some(first) = sanctions::report_hits(rest).into_iter().next() else {
                        last = None;
                        continue;
                    };
                    let who = match verb {
                        Verb::Received => trim_person(&t[..at]),
                        // 责成区政府向市政府作出书面检查: the party before 向.
                        Verb::Given => {
                            let x = &rest[..first.range.start];
                            let x = trim_person(x.split_once('向').map_or(x, |(p, _)| p));
                            // 给予党内警告处分的是钟某某，时任…: the person after the measure.
                            if x.is_empty() {
                                named_after(rest).unwrap_or(x)
                            } else {
                                x
                            }
                        }
                        Verb::Towards => {
                            let x = &t[..at];
                            let x = x.rsplit_once('对').map_or(x, |(_, p)| p);
                            trim_person(x.strip_prefix('其').unwrap_or(x))
                        }
                    };
                    let who = who.trim_end_matches("同志");
                    // 给予警告 with nobody named or named before: the item of a decision's
                    // own list of measures, read with its lead.
                    if verb == Verb::Given && who.is_empty() && person.is_none() {
                        last = None;
                        continue;
                    }
                    // 违纪所得已被追缴: what is taken back stands before the verb, and the
                    // person is the one named before.
                    let taken = verb == Verb::Received && first.entry.gain;
                    let target = if !taken && names_someone(who) && who != "其" {
                        // 该公司, 该局: the body named before.
                        let who =
                            referred_body(who, &full[..sent.start + c.start], |i| ctx.line(i))
                                .unwrap_or_else(|| with_post(who, &s[c.end..]));
                        *person = Some(who.clone());
                        Some(who)
                    } else {
                        person.clone()
                    };
                    (rest, c.start + at + len, target)
                }
                None => {
                    // 对当事人的法定代表人潘某某，依据…，五年内不得…: the party of the
                    // measures that follow in the sentence.
                    if let Some(x) = t.strip_prefix('对')
                        && sanctions::report_hits(t).is_empty()
                        && phrase::name_end(x).is_some_and(|e| e == x.len())
                    {
                        *person = Some(x.to_string());
                        last = Some(Some(x.to_string()));
                        continue;
                    }
                    if let Some(p) = opening_person(t) {
                        *person = Some(p.to_string());
                        last = None;
                    }
                    // 县医疗保障局追回违规费用8.3万元，处…罚款，暂停该诊所医保服务协议3个月:
                    // measures of a case whose party the measure, the sentence or the
                    // item's heading names (a count of cases names none).
                    let own = (!counts)
                        .then(|| sanctions::report_hits(t))
                        .filter(|hits| !hits.is_empty())
                        .and_then(|hits| {
                            let before = &full[..sent.start + c.start];
                            let line = |i: usize| ctx.line(i);
                            hits.iter()
                                .find_map(|h| party_of_measure(h.term, before, line))
                                .or_else(|| {
                                    // A clause that names a person (由…约谈该站站长邱某某)
                                    // or refers to one (其) is read below.
                                    if phrase::name_end(t).is_some()
                                        || t.starts_with('由')
                                        || t.contains('其')
                                    {
                                        return None;
                                    }
                                    last.clone()
                                        .flatten()
                                        .or_else(|| case_party(full, s, before, line))
                                })
                        });
                    if let Some(own) = own {
                        (t, c.start, Some(own))
                    } else {
                        match &last {
                            Some(target) => (t, c.start, target.clone()),
                            // 违规发放的资金已全部追回: a gain taken back, for the person named
                            // before.
                            None if person.is_some()
                                && sanctions::report_hits(t).iter().any(|h| h.entry.gain) =>
                            {
                                each = false;
                                (t, c.start, person.clone())
                            }
                            // 其涉嫌犯罪问题已移送检察机关: a referral, for the person named before.
                            None if person.is_some()
                                && sanctions::report_hits(t).iter().any(|h| {
                                    h.entry.referral
                                        || h.category_under(ctx.doc_regime).0
                                            == SanctionCategory::Criminal
                                }) =>
                            {
                                (t, c.start, person.clone())
                            }
                            // 由省应急管理厅依法吊销其安全生产许可证: a measure on the party the
                            // item is about.
                            None if t.starts_with('由') || t.contains("其") => {
                                match person.clone().or_else(|| item_subject(full)) {
                                    Some(p) if !sanctions::report_hits(t).is_empty() => {
                                        (t, c.start, Some(p))
                                    }
                                    Some(_) | None => continue,
                                }
                            }
                            None => continue,
                        }
                    }
                }
            };
            let mut hits = sanctions::report_hits(rest);
            // 全市共处理183人，给予党纪政务处分97人，追缴资金356万元: a count, no measure.
            if counts {
                hits.retain(|h| !h.entry.gain);
            }
            if !hits.is_empty() {
                last = Some(target.clone());
            }
            let hits = sanctions::collapse(rest, hits);
            let target = target.or_else(|| item_subject(full));
            let targets = respective(t, rest, &hits, target.as_deref());
            // 建议县委对其进行约谈, 建议按程序免去其职务: a measure proposed to the body that
            // decides it, for a named person.
            let given = !proposed
                && hits
                    .first()
                    .is_none_or(|h| !t[..base - c.start + h.range.start].contains("建议"));
            for (h, who) in hits.into_iter().zip(targets) {
                let h = Hit {
                    range: base + h.range.start..base + h.range.end,
                    ..h
                };
                match who {
                    Some(who) if each => {
                        for p in persons(who) {
                            push_reported(
                                ctx,
                                sancs,
                                &h,
                                Some(p.to_string()),
                                s,
                                sent.start,
                                given,
                            );
                        }
                    }
                    Some(_) | None => {
                        let who = who.map(str::to_string);
                        push_reported(ctx, sancs, &h, who, s, sent.start, given);
                    }
                }
                found = true;
            }
        }
    }
    // 通过收回资金等方式整改问题金额2.91亿元: sums taken back with nobody named, a
    // statistic too.
    found
        || counts
        || person.is_none() && {
            let hits = sanctions::report_hits(s);
            !hits.is_empty() && hits.iter().all(|h| h.entry.gain) && s.contains('元')
        }
}

/// Whether clause `t` describes a group of persons by what they were given (给予党纪政务
/// 处分和问责的公职人员（6人）, 受到处理的单位), not a measure given.
fn described_group(t: &str) -> bool {
    let t = t
        .trim_end_matches(['）', ')'])
        .trim_end_matches(|c: char| c.is_ascii_digit() || "人个名家（(".contains(c));
    let Some((before, noun)) = t.rsplit_once('的') else {
        return false;
    };
    !before.is_empty()
        && ["人员", "干部", "单位", "党员"]
            .iter()
            .any(|w| noun.ends_with(w) && noun.chars().count() <= 8)
}

/// Whether sentence `s` counts cases, persons or sums (全市共查处问题126起，处理183人): a
/// statistic of the work done, whose gains taken back are no measure given to anyone.
fn statistic(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:查处|立案|审查调查|处理|问责|处分|移送|谈话)[^，。；,;]{0,16}?[0-9０-９一二三四五六七八九十百千]+(?:人次|起|件|人|名|个(?:[^月]|$))",
        )
        .expect("statistic regex")
    })
    .is_match(s)
}

/// Whether `x` is nothing but a person's name: 钱某某, or a full name of two or three
/// characters that opens with a surname (柏文清).
fn is_name(x: &str) -> bool {
    if phrase::name_end(x) == Some(x.len()) {
        return true;
    }
    let n = x.chars().count();
    let surnames = vocab::triggers().of(Trigger::Surname);
    (2..=3).contains(&n)
        && x.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && x.chars()
            .next()
            .is_some_and(|c| surnames.iter().any(|s| s.chars().eq([c])))
        && ![
            "于是", "高度", "任何", "方面", "方可", "常常", "严重", "万一",
        ]
        .contains(&x)
}

/// The person a clause names after the measure (给予党内警告处分的是钟某某 / …的有：X): the
/// name after 的是, 的为 or 的有.
fn named_after(rest: &str) -> Option<&str> {
    let (_, x) = ["的是", "的为", "的有"]
        .iter()
        .find_map(|w| rest.split_once(w))?;
    let x = x.trim_start_matches(['：', ':']);
    (phrase::name_end(x).is_some() || is_name(x)).then_some(x)
}

/// `who` with the post the clause after it gives (钟某某，时任区商务局副局长 → 区商务局
/// 副局长钟某某), when `after` (the text after the clause) opens with one.
fn with_post(who: &str, after: &str) -> String {
    let next = after.trim_start_matches(['，', ',']);
    let next = &next[..next
        .find(['，', ',', '。', '；', ';'])
        .unwrap_or(next.len())];
    let post = ["时任", "现任", "原任"]
        .iter()
        .find_map(|w| next.strip_prefix(w))
        .filter(|p| (2..=30).contains(&p.chars().count()) && !p.contains(['对', '的']));
    match post {
        Some(p) if is_name(who) => format!("{p}{who}"),
        Some(_) | None => who.to_string(),
    }
}

/// The body that 该公司, 该局, 该单位 … refers back to: the last party named before (in
/// `before`, the unit's text up to the clause) whose name ends in the same head (公司, 局;
/// any body for 该单位, 该企业).
fn referred_body(who: &str, before: &str, line: impl Fn(usize) -> u64) -> Option<String> {
    let head = who.strip_prefix('该')?;
    if head.is_empty() || head.chars().count() > 3 {
        return None;
    }
    let any = matches!(head, "单位" | "企业" | "机构" | "部门");
    let fits = |x: &str| {
        !x.starts_with(['该', '本', '其', '你'])
            && x.chars().count() > head.chars().count()
            && (x.ends_with(head) || any && BODIES.iter().any(|b| x.ends_with(b)))
    };
    let mut found = None;
    // A heading line (对事故责任单位的处理) ends in no punctuation: the lines of the source
    // are read apart.
    let mut starts = vec![0];
    let mut current = line(0);
    for (i, _) in before.char_indices() {
        let l = line(i);
        if l != current {
            starts.push(i);
            current = l;
        }
    }
    starts.push(before.len());
    for line in starts.windows(2).map(|w| &before[w[0]..w[1]]) {
        for c in sentences_in(line, 0..line.len())
            .into_iter()
            .flat_map(|r| clauses_in(line, r))
        {
            let t = &line[c];
            let toks = phrase::tokens(t);
            let named = phrase::subject(t, &toks, 0, toks.len())
                .or_else(|| phrase::party(t, &toks))
                .map(|(a, b)| &t[a..b]);
            if let Some(x) = named.filter(|x| fits(x)) {
                found = Some(x.to_string());
            } else if let Some(x) = named_with_head(t, head).filter(|x| fits(x)) {
                // 白沙县康宁诊所虚计诊疗费用问题: a heading that opens with the body.
                found = Some(x.to_string());
            }
        }
    }
    found
}

/// The body a clause opens with when its name ends in `head` (白沙县康宁诊所 of 白沙县康宁诊所
/// 虚计诊疗费用问题, for 诊所): the clause up to the first `head`, when that is a bare name
/// (no 该/本/其 before the head, no 的, digits or verbs in it).
fn named_with_head<'t>(t: &'t str, head: &str) -> Option<&'t str> {
    // 该药 of 该药店 is no head: one character heads a body only when it is one (该院, 该局).
    if head.chars().count() < 2 && !BODIES.contains(&head) {
        return None;
    }
    let t = t.trim();
    let end = t.find(head)? + head.len();
    let x = &t[..end];
    let n = x.chars().count();
    ((3..=20).contains(&n)
        && !x.contains([
            '该', '本', '其', '的', '对', '在', '被', '给', '受', '经', '将', '向', '由', '年',
            '月', '日',
        ])
        && !x.chars().any(|c| c.is_ascii_digit()))
    .then_some(x)
}

/// Verbs that open a measure on a party named inside it (暂停该诊所医保服务协议, 解除与该药店的
/// …协议, 暂停医师赵某某医保支付资格).
const MEASURE_VERBS: [&str; 9] = [
    "暂停", "解除", "终止", "中止", "取消", "吊销", "注销", "撤销", "责令",
];

/// The party a measure names after its verb: a body referred to by 该 (resolved to the one
/// named before, else as written when 的 closes it) or a person named by a report's name
/// (医师赵某某).
fn party_of_measure(
    term: &str,
    before: &str,
    line: impl Fn(usize) -> u64 + Copy,
) -> Option<String> {
    let rest = MEASURE_VERBS.iter().find_map(|v| term.strip_prefix(v))?;
    let rest = rest.trim_start_matches(['与', '同', '其']);
    if rest.starts_with('该') {
        let mut ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, _)| i)
            .skip(2)
            .take(3)
            .collect();
        ends.reverse();
        if let Some(body) = ends
            .iter()
            .find_map(|&e| referred_body(&rest[..e], before, line))
        {
            return Some(body);
        }
        return rest
            .find('的')
            .filter(|&e| rest[..e].chars().count() <= 5)
            .map(|e| rest[..e].to_string());
    }
    let e = phrase::name_end(rest)?;
    let who = &rest[..e];
    (who.chars().count() <= 12 && !who.contains(['的', '对', '在', '向'])).then(|| who.to_string())
}

/// The party of a case in a report, for measures that name none: the body a 该X of the
/// item refers to (暂停该诊所医保服务协议, 经查，该诊所…; as written when nothing before names
/// it), where `item` is the item's text and `before` its text up to the clause.
fn case_party(
    item: &str,
    sentence: &str,
    before: &str,
    line: impl Fn(usize) -> u64 + Copy,
) -> Option<String> {
    let resolved = item.match_indices('该').find_map(|(i, _)| {
        let rest = &item[i..];
        // 该站站长邱某某: a person, not the body.
        let clause = rest
            .split(['，', '。', '；', ',', ';'])
            .next()
            .unwrap_or(rest);
        if phrase::name_end(clause).is_some() {
            return None;
        }
        let ends: Vec<usize> = rest
            .char_indices()
            .map(|(k, _)| k)
            .skip(2)
            .take(3)
            .collect();
        ends.iter()
            .rev()
            .find_map(|&e| referred_body(&rest[..e], before, line))
    });
    // 解除与该药店的医保服务协议: as written, closed by 的.
    resolved.or_else(|| {
        sentence.match_indices('该').find_map(|(i, _)| {
            let rest = &sentence[i..];
            rest.find('的')
                .filter(|&e| (2..=5).contains(&rest[..e].chars().count()))
                .map(|e| rest[..e].to_string())
        })
    })
}

/// The subject an item opens with when it names a person by a full name (区水利局副局长
/// 刘建平，对…负有领导责任，给予其…): the first comma clause of the unit, when it is a short
/// noun phrase (no verb, preposition or date).
fn item_subject(unit: &str) -> Option<String> {
    // A clause of its own before a comma, or a sentence that says what the party is
    // answerable for (a heading ends in 。).
    let end = unit.find(['，', ',', '。', '；'])?;
    let x = unit[..end].trim();
    if !unit[end..].starts_with(['，', ',']) && !x.contains("负有") {
        return None;
    }
    // 宏达公司对事故发生负有责任: the party before what it is answerable for.
    let x = x
        .split_once('对')
        .filter(|(_, r)| r.contains("负有"))
        .map_or(x, |(p, _)| p);
    let n = x.chars().count();
    // 县政府分管安全生产工作的副县长蔡某某: a relative clause before a name.
    let named = phrase::name_end(x) == Some(x.len());
    // 有 of 有限公司 and 经 of 总经理 are part of a name.
    let plain = !x.replace("有限", "").replace("经理", "").contains([
        '对', '在', '将', '向', '被', '给', '于', '是', '有', '为', '了', '把', '从', '按', '因',
        '经', '年', '月', '日', '：', ':',
    ]) && (named || !x.contains('的'))
        && !x.chars().any(|c| c.is_ascii_digit());
    ((2..=40).contains(&n) && plain && names_someone(x)).then(|| x.to_string())
}

/// The target of each of `hits` (measures in `rest`, the part of clause `t` after its
/// verb): `who` for all, except where the measures alternate with persons (分别给予冯某
/// 政务记大过处分、杨某某撤销党内职务处分) or a clause with 分别 names as many persons as
/// measures (分别给予王某、陈某诫勉、批评教育处理: the first to the first).
fn respective<'a>(
    t: &str,
    rest: &'a str,
    hits: &[Hit<'_>],
    who: Option<&'a str>,
) -> Vec<Option<&'a str>> {
    let mut out = vec![who; hits.len()];
    let mut switched = false;
    let mut current = who;
    for (i, h) in hits.iter().enumerate().skip(1) {
        let gap = rest[hits[i - 1].range.end..h.range.start]
            .trim_start_matches(['、', '，', ',', '和', '及'])
            .trim_start_matches("处分")
            .trim_start_matches("处理")
            .trim_start_matches(['、', '，', ',', '和', '及']);
        if phrase::name_end(gap).is_some_and(|e| e == gap.len()) {
            current = Some(gap);
            switched = true;
        }
        out[i] = current;
    }
    if switched || !t.contains("分别") {
        return out;
    }
    let Some(who) = who else { return out };
    let each = persons(who);
    if each.len() == hits.len() && each.len() > 1 {
        return each.into_iter().map(Some).collect();
    }
    out
}

/// The reporting verb of a clause: its kind, byte offset and length. A clause that opens
/// with 对 is read as 对X予以…; 被 counts only before a sanction's own verb (被移送, 被开除,
/// 被依法追究 — not 被审计单位).
fn verb_of(t: &str) -> Option<(Verb, usize, usize)> {
    // 对X予以…, also after the deciding body (区纪委监委对其进行约谈).
    if let Some(d) = t.find('对') {
        // The first verb after 对 (对X采取谈话提醒、责令作出书面检查等措施: 采取, not the
        // 作出 of a measure after it).
        if let Some((i, v)) = ["予以", "给予", "进行", "作出", "处以", "采取"]
            .iter()
            .filter_map(|v| t[d..].find(v).map(|i| (i, v)))
            .min_by_key(|&(i, _)| i)
        {
            return Some((Verb::Towards, d + i, v.len()));
        }
        // 对X处一百五十万元罚款.
        if let Some((i, _)) = t.match_indices('处').find(|&(i, _)| {
            i > d
                && (t[i + '处'.len_utf8()..].starts_with(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十百千万".contains(c)
                }) || t[i + '处'.len_utf8()..].starts_with("上一年"))
        }) {
            return Some((Verb::Towards, i, '处'.len_utf8()));
        }
    }
    if let Some(i) = t.find("受到") {
        return Some((Verb::Received, i, "受到".len()));
    }
    // 将X调离…, 责成X作出书面检查, 责令X向Y作出书面检查: the person between the verb and
    // the measure (not 责令停产停业, 责令其辞职: a measure of its own).
    for v in ["将", "责成", "责令"] {
        if let Some(r) = ["并", "同时", "另", ""]
            .iter()
            .find_map(|w| t.strip_prefix(w).and_then(|r| r.strip_prefix(v)))
        {
            let at = t.len() - r.len() - v.len();
            if v == "责令"
                && sanctions::report_hits(t)
                    .iter()
                    .any(|h| h.range.start <= at)
            {
                break;
            }
            return Some((Verb::Given, at, v.len()));
        }
    }
    const PASSIVE: [&str; 13] = [
        "给予", "予以", "处以", "移送", "开除", "撤销", "免去", "免职", "责令", "依法", "追究",
        "处", "降",
    ];
    // 被 before a measure a few characters on (被公安机关依法取保候审, 被批评教育).
    if let Some((i, _)) = t.match_indices('被').find(|&(i, _)| {
        let after = &t[i + '被'.len_utf8()..];
        PASSIVE.iter().any(|v| after.starts_with(v))
            || sanctions::report_hits(after).first().is_some_and(|h| {
                after[..h.range.start].chars().count() <= 16
                    && !after[..h.range.start].contains(['，', ','])
            })
    }) {
        return Some((Verb::Received, i, '被'.len_utf8()));
    }
    t.find("给予").map(|i| (Verb::Given, i, "给予".len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_str;

    #[test]
    fn reports_by_the_kind_of_document_their_title_names() {
        assert!(is_report(
            Some("关于三起违反中央八项规定精神典型问题的通报"),
            ""
        ));
        assert!(is_report(Some("关于给予张某某同志党内警告处分的决定"), ""));
        assert!(is_report(Some("青禾市2024年度问责情况通报"), ""));
        // A rule that names 通报 or a 规定 inside its title is no report.
        assert!(!is_report(
            Some("关于印发《安全生产约谈通报办法》的通知"),
            ""
        ));
        assert!(!is_report(Some("违规发放津贴补贴行为处分规定"), ""));
        assert!(!is_report(Some("关于调整议事规则的决定"), ""));
        // No title found: the opening, wrapped, up to the addressees.
        assert!(is_report(
            None,
            "青石县安全生产委员会\n关于一起较大事故调查处理情况的\n通报\n各乡镇人民政府：\n"
        ));
        assert!(!is_report(
            None,
            "青石县人民政府办公室\n关于印发防汛工作方案的通知\n各乡镇人民政府：\n"
        ));
    }

    #[test]
    fn passive_only_before_a_sanctions_own_verb() {
        assert_eq!(verb_of("被审计单位未整改").map(|v| v.0), None);
        assert_eq!(
            verb_of("其已被移送司法机关").map(|v| v.0),
            Some(Verb::Received)
        );
        assert_eq!(
            verb_of("对被审计单位予以通报批评").map(|v| v.0),
            Some(Verb::Towards)
        );
    }

    #[test]
    fn a_report_of_a_unit_criticised() {
        let text = "关于2024年度安全生产考核情况的通报\n\
                    经考核，东林县未完成年度目标任务。对东林县予以通报批评，对其分管负责人赵某进行约谈。\n";
        let s: Vec<(String, Option<String>, bool)> = extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.sanctions)
            .map(|s| (s.sanction, s.target, s.imposed))
            .collect();
        assert_eq!(
            s,
            [
                ("通报批评".to_string(), Some("东林县".to_string()), true),
                ("约谈".to_string(), Some("分管负责人赵某".to_string()), true),
            ]
        );
    }

    fn imposed(text: &str) -> Vec<(String, Option<String>)> {
        extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.sanctions)
            .inspect(|s| assert!(s.imposed))
            .map(|s| (s.sanction, s.target))
            .collect()
    }

    #[test]
    fn an_item_that_opens_with_the_person_gives_the_target_of_its_measures() {
        let text = "南湖区6·2火灾事故调查处理情况通报\n\
                    一、汪某某，中共党员，南湖区消防救援站副站长，对事故发生负有领导责任。给予其政务记过处分。\n\
                    二、区商务局科长贺某对检查走过场负有直接责任，被批评教育并责令作出书面检查。\n";
        assert_eq!(
            imposed(text),
            [
                ("政务记过".to_string(), Some("汪某某".to_string())),
                ("批评教育".to_string(), Some("区商务局科长贺某".to_string())),
                (
                    "责令作出书面检查".to_string(),
                    Some("区商务局科长贺某".to_string())
                ),
            ]
        );
    }

    #[test]
    fn gains_taken_back_and_criminal_measures_go_to_the_person_named_before() {
        let text = "关于两起侵害群众利益问题的通报\n\
                    一、青石镇民政所所长景某某受到撤销党内职务处分，被免去民政所所长职务，违纪所得予以收缴；已被公安机关依法取保候审。违规发放的补贴已全部追回。\n";
        let got = imposed(text);
        let terms: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            terms,
            [
                "撤销党内职务",
                "免去民政所所长职务",
                "予以收缴",
                "取保候审",
                "追回"
            ]
        );
        assert!(
            got.iter()
                .all(|(_, t)| t.as_deref() == Some("青石镇民政所所长景某某"))
        );
    }

    #[test]
    fn one_entry_per_person_of_a_list_and_one_for_a_person_with_two_posts() {
        let text = "关于一起失职问题的通报\n\
                    一、对负有领导责任的镇长邬某某、副镇长池某分别予以诫勉。对县水利局党组书记、局长卞某某进行约谈。\n\
                    二、将甲建工公司、乙监理公司列入不良信用记录。对甲建工公司处以罚款人民币30万元的行政处罚。\n";
        let got = imposed(text);
        let of = |term: &str| -> Vec<String> {
            got.iter()
                .filter(|(t, _)| t.starts_with(term))
                .filter_map(|(_, p)| p.clone())
                .collect()
        };
        assert_eq!(of("诫勉").len(), 2);
        assert_eq!(of("约谈"), ["县水利局党组书记、局长卞某某"]);
        assert_eq!(of("列入"), ["甲建工公司", "乙监理公司"]);
        assert_eq!(of("罚款"), ["甲建工公司"]);
    }

    #[test]
    fn measures_named_only_by_reports_stay_out_of_rules() {
        let text = "第一条 违规发放补贴的，责令退还，所得予以收缴，依法追究责任。\n";
        let got: Vec<String> = extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.sanctions)
            .map(|s| s.sanction)
            .collect();
        assert!(got.iter().all(|t| t != "收缴"), "{got:?}");
    }

    #[test]
    fn a_heading_that_describes_a_group_and_the_term_of_a_sanction_are_no_measures() {
        let text = "青石县一起责任事故调查处理情况通报\n\
                    （一）给予党纪政务处分的公职人员（2人）\n\
                    1.葛某某，县应急局副局长，给予其政务记过处分。政务记过处分期间为十二个月。\n\
                    2.对负有领导责任的镇长柴某某、副镇长谷某分别予以诫勉。违规发放的补贴已全部追回。\n";
        let got = imposed(text);
        let terms: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(terms, ["政务记过", "诫勉", "诫勉", "追回"], "{got:?}");
    }

    #[test]
    fn a_gain_taken_back_with_nobody_named_before_is_a_statistic() {
        let text = "关于群众身边腐败问题的通报\n\
                    今年以来，全县共查处问题30个，推动追回、退还群众资金20万元。\n\
                    一、甲村原村主任宫某某受到开除党籍处分。\n";
        let given: Vec<String> = extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.sanctions)
            .filter(|s| s.imposed)
            .map(|s| s.sanction)
            .collect();
        assert_eq!(given, ["开除党籍"]);
    }

    #[test]
    fn a_rule_inside_a_report_with_half_width_commas() {
        let text = "关于两起违规问题的通报\n\
                    一、甲镇干部卜某受到诫勉。\n\
                    二、乙镇干部詹某某受到党内警告处分。\n\
                    今后,对顶风违纪的,一律严肃处理。\n";
        let conds: Vec<String> = extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.conditions)
            .map(|c| c.text)
            .collect();
        assert_eq!(conds.len(), 1, "{conds:?}");
        assert!(conds[0].ends_with("对顶风违纪的"), "{conds:?}");
    }

    #[test]
    fn persons_of_a_list_with_posts() {
        assert_eq!(
            persons("县水利局党组书记、局长郑某、副局长钱某某"),
            ["县水利局党组书记、局长郑某", "副局长钱某某"]
        );
        assert_eq!(persons("党组书记、局长王某某"), ["党组书记、局长王某某"]);
        assert_eq!(
            persons("中共东林县委、东林县人民政府"),
            ["中共东林县委", "东林县人民政府"]
        );
        // A list that does not end in a name or a body stays whole.
        assert_eq!(persons("镇长邬某某、有关人员"), ["镇长邬某某、有关人员"]);
    }

    #[test]
    fn counts_of_cases_and_persons_are_statistics() {
        assert!(statistic(
            "全市共查处问题126起，处理183人，追缴资金356万元。"
        ));
        assert!(statistic("立案审查调查61件，推动追回资金217万元。"));
        assert!(!statistic("给予其停职检查一个月处理，违纪所得予以收缴。"));
        assert!(!statistic(
            "周某某受到开除党籍处分，违纪所得3.5万元已被收缴。"
        ));
    }

    #[test]
    fn the_subject_an_item_opens_with() {
        assert_eq!(
            item_subject("区水利局副局长刘建平，对调度迟缓负有领导责任，给予其政务记过处分。")
                .as_deref(),
            Some("区水利局副局长刘建平")
        );
        assert_eq!(
            item_subject("宏远公司对事故发生负有责任。由区应急局对其处以罚款。").as_deref(),
            Some("宏远公司")
        );
        assert_eq!(
            item_subject("县政府分管安全生产工作的副县长蔡某某，负有领导责任。").as_deref(),
            Some("县政府分管安全生产工作的副县长蔡某某")
        );
        // A heading, a date, a circumstance: no party.
        assert_eq!(
            item_subject("持续推进以案促改。对整改不力的单位，约谈。"),
            None
        );
        assert_eq!(item_subject("2024年5月，给予其党内警告处分。"), None);
        assert_eq!(item_subject("在整改期间违规发放奖金的，予以通报。"), None);
    }

    #[test]
    fn measures_go_to_the_persons_in_the_order_named() {
        let text = "关于两起失职问题的通报\n\
                    一、区城管局队长戈某、副队长尚某某违规接受宴请，分别给予戈某党内警告处分、尚某某诫勉谈话。\n\
                    二、区财政局科长霍某某、科员巫某对违规拨付负有直接责任，分别给予政务记过、政务警告处分。\n\
                    三、区审计局科员滕某、科员简某某违规报销，区监委给予滕某、简某某政务警告处分。\n";
        let got = imposed(text);
        let pairs: Vec<(&str, &str)> = got
            .iter()
            .map(|(t, p)| (t.as_str(), p.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            pairs,
            [
                ("党内警告", "戈某"),
                ("诫勉谈话", "尚某某"),
                ("政务记过", "区财政局科长霍某某"),
                ("政务警告", "科员巫某"),
                // Without 分别 one measure goes to each person.
                ("政务警告", "滕某"),
                ("政务警告", "简某某"),
            ]
        );
    }

    #[test]
    fn proposals_are_not_imposed_and_findings_give_nothing() {
        let text = "关于一起监管不力问题问责情况的通报\n\
                    一、县国资委主任晏某对此负有领导责任，建议县委对其予以免职；副主任屠某某，建议责令其辞去现任职务。\n\
                    二、县国资委科员禹某应当受到严肃处理，鉴于其主动退缴违规所得，对其从轻给予政务警告处分。\n";
        let got: Vec<(String, Option<String>, bool)> = extract_str(text)
            .into_iter()
            .flat_map(|e| e.accountability.sanctions)
            .map(|s| (s.sanction, s.target, s.imposed))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "免职".to_string(),
                    Some("县国资委主任晏某".to_string()),
                    false
                ),
                (
                    "责令其辞去现任职务".to_string(),
                    Some("副主任屠某某".to_string()),
                    false
                ),
                (
                    "政务警告".to_string(),
                    Some("县国资委科员禹某".to_string()),
                    true
                ),
            ]
        );
    }
}
