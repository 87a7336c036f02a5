//! The closed vocabulary of sanctions, with their categories, and the word-level filters
//! that keep out what only looks like one: rewards (通报表扬), corrective orders (责令改正),
//! follow-on consequences (受到…处分, 处分期间), procedural mentions (处分决定, 提出处分建议).

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use super::scan;

/// How a sanction term relates to the others of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A named measure (警告, 诫勉谈话, 停产整顿 …).
    Specific,
    /// A category named on its own (纪律处分, 组织处理); dropped right after a specific
    /// measure of its kind (记过处分, 降职等组织处理).
    Umbrella,
    /// A generic phrase (追究责任, 处分, 严肃处理); dropped when a measure is named.
    Generic,
}

/// One sanction term found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'s> {
    /// Byte range in the sentence.
    pub range: Range<usize>,
    /// The term as written.
    pub term: &'s str,
    /// Canonical category.
    pub category: &'static str,
    /// Specific, umbrella or generic.
    pub class: Class,
}

impl Hit<'_> {
    /// Whether the measure is a soft one (criticism, admonition).
    pub fn soft(&self) -> bool {
        matches!(self.category, "criticism" | "admonition")
    }
}

struct Entry {
    pattern: &'static str,
    /// Compiled on first use: a literal entry never needs it.
    re: OnceLock<Regex>,
    category: &'static str,
    class: Class,
    /// The alternatives of a pattern that is nothing but literals (停职检查|停职): its
    /// matches are read off the unit's literals instead of searched for.
    literals: Option<Vec<&'static str>>,
}

fn vocabulary() -> &'static [Entry] {
    static V: OnceLock<Vec<Entry>> = OnceLock::new();
    V.get_or_init(|| {
        use Class::*;
        let table: &[(&str, &str, Class)] = &[
            ("(?:依法)?追究(?:其)?刑事责任", "criminal", Specific),
            ("移送(?:司法机关|公安机关|监察机关)(?:依法)?(?:处理)?", "criminal", Specific),
            ("(?:移送|转请)[^，。；]{0,14}?(?:机关|部门|组织)(?:依法|依纪依法|依规依纪)?(?:处理|查处)", "generic", Specific),
            ("开除党籍", "party-discipline", Specific),
            ("撤销党内职务", "party-discipline", Specific),
            ("留党察看", "party-discipline", Specific),
            ("严重警告", "party-discipline", Specific),
            ("警告", "discipline", Specific),
            ("记大过", "administrative", Specific),
            ("记过", "administrative", Specific),
            ("降级", "administrative", Specific),
            ("撤职", "administrative", Specific),
            ("开除", "administrative", Specific),
            ("停职检查|停职", "organisational", Specific),
            ("调整职务", "organisational", Specific),
            ("责令(?:其)?辞职|引咎辞职", "organisational", Specific),
            ("免职", "organisational", Specific),
            ("降职", "organisational", Specific),
            ("调离岗位|调离", "organisational", Specific),
            ("罢免", "organisational", Specific),
            ("撤销职务", "organisational", Specific),
            ("降低岗位等级|降低职务层次", "organisational", Specific),
            ("通报批评", "criticism", Specific),
            ("批评教育", "criticism", Specific),
            ("(?:责令)?公开检讨", "criticism", Specific),
            ("警示谈话", "admonition", Specific),
            ("责令(?:作出|做出)?书面检查|作出书面检查", "criticism", Specific),
            ("(?:责令)?公开道歉", "criticism", Specific),
            ("(?:予以|给予|进行|公开|全面|在[^，。；的对]{1,12}?)通报|通报", "criticism", Specific),
            ("诫勉谈话|诫勉", "admonition", Specific),
            ("约谈", "admonition", Specific),
            ("提醒", "admonition", Specific),
            ("函询", "admonition", Specific),
            ("罚款", "economic", Specific),
            ("没收(?:违法所得|非法财物|违法财物)|没收", "economic", Specific),
            ("追缴", "economic", Specific),
            ("责令退赔|退赔", "economic", Specific),
            ("(?:责令)?停产停业整顿|停产整顿|停业整顿", "economic", Specific),
            ("吊销[^，。；、]{0,20}?(?:许可证|执照|证书|资质|资格)", "economic", Specific),
            ("撤销(?:其)?[^，。；]{0,40}?(?:证书|资格|资质|许可|称号|批准文件)", "economic", Specific),
            ("(?:收回|追回)(?:其)?[^，。；]{0,12}(?:奖励|奖金|补助|补贴|资金|款项)", "economic", Specific),
            ("取消[^，。；]{0,16}?资格", "economic", Specific),
            ("(?:列入|记入|纳入)[^，。；]{0,12}?(?:信用档案|失信|黑名单|不良记录)", "economic", Specific),
            ("纪律组织处理", "organisational", Umbrella),
            ("组织处理|组织调整", "organisational", Umbrella),
            ("党纪政纪处分|党纪政务处分|党纪处分|纪律处分|政务处分|行政处分", "discipline", Umbrella),
            ("相应(?:的)?处分", "generic", Generic),
            ("处分", "generic", Generic),
            (
                "(?:(?:依规依纪依法|依纪依法|依法依纪|依规依纪|依纪依规|依法依规|依规依法|依法|依纪|依规)(?:严肃)?|严肃)?追究[^，。；]{0,14}?责任(?:人员|人)?(?:的(?:法律|纪律)?责任)?",
                "generic",
                Generic,
            ),
            ("(?:依规依纪依法|依纪依法|依法依纪|依规依纪|依纪依规|依法依规)(?:严肃|从严)?处理|严肃处理|从严处理", "generic", Generic),
            ("(?:予以|严肃|依规依纪|依纪依法|依法依规|进行|实施)问责", "generic", Generic),
            ("承担(?:相应的?|法律|相应的?法律|赔偿)责任", "generic", Generic),
            ("承担(?:相应的?)?(?:纪律|党纪|党纪政纪|政纪)责任", "generic", Generic),
            ("实行问责", "generic", Generic),
            ("处理处罚", "generic", Generic),
            ("(?:给予|予以)(?:治安管理)?处罚", "generic", Generic),
            (
                "(?:依法)?(?:依照|按照)(?:国家)?有关(?:规定|法律法规|法律、法规)(?:的规定)?(?:予以)?处理|依法依规(?:予以)?处理|(?:依照|按照)《[^》]{1,40}》[^，。；《]{0,8}?(?:予以)?处理|(?:依据|按)(?:有关)?规定(?:进行|予以)?处理",
                "generic",
                Generic,
            ),
        ];
        table
            .iter()
            .map(|&(p, category, class)| Entry {
                pattern: p,
                re: OnceLock::new(),
                category,
                class,
                literals: p
                    .chars()
                    .all(|c| c == '|' || !regex_syntax::is_meta_character(c))
                    .then(|| p.split('|').collect()),
            })
            .collect()
    })
}

impl Entry {
    fn re(&self) -> &Regex {
        self.re
            .get_or_init(|| Regex::new(self.pattern).expect("sanction regex"))
    }
}

/// The trigger literals of the vocabulary, each with the entries whose matches it starts
/// (bit `i` of the first mask: entry `i`) and ends (the second mask). Every match of an
/// entry starts with one of its prefix literals and ends with one of its suffix literals
/// (both taken from its pattern by regex-syntax), so an entry can match a sentence only
/// when both a prefix and a suffix literal of it occur there; most sentences hold none.
/// [`super::scan`] finds them all in one pass.
pub fn trigger_literals() -> Vec<(String, u128, u128)> {
    let vocab = vocabulary();
    assert!(vocab.len() <= 128, "the trigger masks hold 128 entries");
    let mut out: Vec<(String, u128, u128)> = Vec::new();
    for (i, e) in vocab.iter().enumerate() {
        let (mut prefixes, mut suffixes) = match &e.literals {
            Some(alts) => {
                let alts: Vec<String> = alts.iter().map(|a| a.to_string()).collect();
                (alts.clone(), alts)
            }
            None => (
                literals_of(e.pattern, ExtractKind::Prefix),
                literals_of(e.pattern, ExtractKind::Suffix),
            ),
        };
        // When every suffix literal holds a prefix literal, a suffix present implies a
        // prefix present: the suffixes alone gate the entry (and the other way round). Fewer
        // and longer literals make the scan cheaper (通报 implies the prefix 在 of 在…通报).
        let implies =
            |a: &[String], b: &[String]| a.iter().all(|x| b.iter().any(|y| x.contains(y.as_str())));
        if implies(&suffixes, &prefixes) {
            prefixes = suffixes.clone();
        } else if implies(&prefixes, &suffixes) {
            suffixes = prefixes.clone();
        }
        for (lits, is_prefix) in [(prefixes, true), (suffixes, false)] {
            for text in lits {
                let k = out.iter().position(|l| l.0 == text).unwrap_or_else(|| {
                    out.push((text, 0, 0));
                    out.len() - 1
                });
                if is_prefix {
                    out[k].1 |= 1 << i;
                } else {
                    out[k].2 |= 1 << i;
                }
            }
        }
    }
    out
}

/// The alternatives of the entries that are nothing but literals: (alternative, entry,
/// its place in the alternation).
pub fn exact_literals() -> Vec<(&'static str, usize, usize)> {
    vocabulary()
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.literals
                .iter()
                .flatten()
                .enumerate()
                .map(move |(k, &l)| (l, i, k))
        })
        .collect()
}

/// The literals one of which starts (or ends) every match of `pattern`.
fn literals_of(pattern: &str, kind: ExtractKind) -> Vec<String> {
    let hir = regex_syntax::parse(pattern).expect("sanction regex");
    let seq = Extractor::new().kind(kind.clone()).extract(&hir);
    let lits = seq
        .literals()
        .filter(|l| !l.is_empty() && l.iter().all(|x| !x.as_bytes().is_empty()));
    let lits =
        lits.unwrap_or_else(|| panic!("sanction pattern without {kind:?} literals: {pattern}"));
    // A literal cut at the extractor's length limit may end (or, as a suffix, start) inside
    // a character: keep its whole characters, which still start (or end) every match.
    lits.iter()
        .map(|l| {
            let b = l.as_bytes();
            let b = match kind {
                ExtractKind::Suffix => &b[b.iter().take_while(|&&x| x & 0xC0 == 0x80).count()..],
                _ => &b[..std::str::from_utf8(b).map_or_else(|e| e.valid_up_to(), |t| t.len())],
            };
            String::from_utf8_lossy(b).into_owned()
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Sanction terms in `s`, in order, overlaps resolved (longer first, then earlier in the
/// vocabulary), with the negative filters applied.
pub fn hits(s: &str) -> Vec<Hit<'_>> {
    let occs = scan::occurrences(s);
    let range = 0..s.len();
    hits_among(
        s,
        &scan::exact_in(&occs, range.clone()),
        scan::present(s, &occs, range).sanctions,
    )
}

/// [`hits`] when the entries that may match `s` are known (bit `i`: entry `i`, as
/// [`scan::Present::sanctions`] gives them), with the occurrences in `s` of the literal
/// entries' alternatives ([`scan::exact_in`]).
pub fn hits_among<'s>(s: &'s str, exact: &[scan::Exact], present: u128) -> Vec<Hit<'s>> {
    let mut all: Vec<Hit<'_>> = Vec::new();
    if present == 0 {
        return all;
    }
    for (i, e) in vocabulary().iter().enumerate() {
        if present & (1 << i) == 0 {
            continue;
        }
        let mut push = |r: Range<usize>| {
            all.push(Hit {
                term: &s[r.clone()],
                range: r,
                category: e.category,
                class: e.class,
            })
        };
        if e.literals.is_some() {
            literal_matches(exact, i).into_iter().for_each(&mut push);
        } else {
            for m in e.re().find_iter(s) {
                push(m.range());
            }
        }
    }
    // Longer matches win; among equals the vocabulary order (already stable).
    all.sort_by_key(|h| std::cmp::Reverse(h.range.len()));
    let mut kept: Vec<Hit<'_>> = Vec::new();
    for h in all {
        if kept
            .iter()
            .any(|k| k.range.start < h.range.end && h.range.start < k.range.end)
        {
            continue;
        }
        kept.push(h);
    }
    kept.sort_by_key(|h| h.range.start);
    let has_measure_list = kept
        .iter()
        .any(|h| matches!(h.term, "约谈" | "通报批评") || h.term.starts_with("诫勉"));
    kept.retain(|h| keep(s, h, has_measure_list));
    complete_lists(s, &mut kept);
    for h in &mut kept {
        if h.term == "警告" {
            h.category = if s.contains('党') {
                "party-discipline"
            } else {
                "administrative"
            };
        }
        if h.category == "discipline" {
            h.category = if h.term.contains("党") || h.term == "纪律处分" {
                "party-discipline"
            } else {
                "administrative"
            };
        }
    }
    kept
}

/// Verbs a measure opens with (责令暂停举办, 取消活动项目, 暂停…资质).
const MEASURE_VERBS: [&str; 9] = [
    "责令", "取消", "暂停", "吊销", "撤销", "没收", "限制", "停止", "禁止",
];

/// Words that close a list of penalties (采取警告、责令暂停举办等处罚措施; 给予取消举办
/// 资格、取消活动项目的处罚).
const PENALTY_TAILS: [&str; 6] = [
    "等处罚措施",
    "等处罚",
    "的处罚",
    "处罚措施",
    "等惩戒措施",
    "的惩戒",
];

/// In a list of measures that the vocabulary partly knows and that ends in a word for
/// penalties, an item it does not know but that opens with a measure's verb is a measure
/// too — except a corrective order (责令改正, 责令整改), which is never a sanction.
fn complete_lists<'s>(s: &'s str, kept: &mut Vec<Hit<'s>>) {
    if !s.contains('、') || kept.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut lo = 0;
    for piece in s.split_inclusive(['，', '。', '；', ',', ';', '：', ':']) {
        let range = lo..lo + piece.len();
        lo = range.end;
        let Some((tail_at, _)) = PENALTY_TAILS
            .iter()
            .filter_map(|t| piece.find(t).map(|i| (i, t)))
            .min()
        else {
            continue;
        };
        let list = &piece[..tail_at];
        if !list.contains('、')
            || !kept
                .iter()
                .any(|h| h.range.start >= range.start && h.range.end <= range.start + tail_at)
        {
            continue;
        }
        let mut at = range.start;
        for item in list.split('、') {
            let item_range = at..at + item.len();
            at = item_range.end + '、'.len_utf8();
            let covered = kept
                .iter()
                .any(|h| h.range.start < item_range.end && item_range.start < h.range.end);
            let n = item.chars().count();
            if covered
                || !(3..=10).contains(&n)
                || !MEASURE_VERBS.iter().any(|v| item.starts_with(v))
                || ["改正", "整改", "纠正"].iter().any(|w| item.contains(w))
            {
                continue;
            }
            added.push(Hit {
                term: &s[item_range.clone()],
                range: item_range,
                category: "administrative",
                class: Class::Specific,
            });
        }
    }
    if !added.is_empty() {
        kept.extend(added);
        kept.sort_by_key(|h| h.range.start);
    }
}

/// Whether more 《 than 》 stand in `before` (U+300A and U+300B, both led by byte 0xE3,
/// which Han text seldom holds).
fn inside_title(before: &str) -> bool {
    let b = before.as_bytes();
    let mut depth = 0i32;
    for i in memchr::memchr_iter(0xE3, b) {
        match b.get(i + 1..i + 3) {
            Some([0x80, 0x8A]) => depth += 1,
            Some([0x80, 0x8B]) => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The matches of literal entry `entry` among the occurrences `exact` of its alternatives:
/// what a search for the leftmost match finds, one match after another (the earliest
/// start, the first alternative there, none overlapping).
fn literal_matches(exact: &[scan::Exact], entry: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut mine = exact.iter().filter(|x| x.entry == entry).peekable();
    while let Some(x) = mine.next() {
        let mut best = x;
        while let Some(y) = mine.next_if(|y| y.start == x.start) {
            if y.alternative < best.alternative {
                best = y;
            }
        }
        if best.start >= at {
            at = best.end;
            out.push(best.start..best.end);
        }
    }
    out
}

/// The negative filters.
fn keep(s: &str, h: &Hit<'_>, has_measure_list: bool) -> bool {
    let before = &s[..h.range.start];
    let after = &s[h.range.end..];
    let ends = |xs: &[&str]| xs.iter().any(|x| before.ends_with(x));
    let starts = |xs: &[&str]| xs.iter().any(|x| after.starts_with(x));
    // Inside a title: 《…纪律处分条例》.
    if inside_title(before) {
        return false;
    }
    // Follow-on consequences and procedural mentions.
    if ends(&[
        "受到",
        "受过",
        "给予过",
        "被",
        "曾受",
        "受",
        "提出",
        "建议",
        "作出",
        "做出",
    ]) {
        return false;
    }
    if starts(&[
        "决定",
        "建议",
        "期",
        "期间",
        "影响期",
        "权限",
        "程序",
        "工作",
        "制度",
        "机制",
        "案件",
        "对象",
        "情况",
        "等情况",
        "处理",
        "人",
        "谈话",
        "表扬",
        "通知",
        "书",
        "记录",
        "办法",
    ]) && !(h.class == Class::Generic && h.term.ends_with("处理"))
        || after.starts_with('的') && h.soft()
    {
        // 处分决定, 约谈制度, 提醒谈话, 通报表扬 …; but 诫勉谈话 is matched whole.
        return false;
    }
    // 受到撤职处分: the 处分 of a measure that is itself a follow-on.
    let near_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !matches!(c, '，' | ',' | '。' | '；' | ';'))
        .take(8)
        .last()
        .map_or(before.len(), |(i, _)| i);
    let near = &before[near_start..];
    let holds = |w: &str| near.as_bytes().windows(w.len()).any(|x| x == w.as_bytes());
    if ["受到", "受过", "给予过", "曾受"].iter().any(|w| holds(w)) {
        return false;
    }
    // 不予追究责任, 免予处分: an exemption, not a sanction.
    if ends(&["不予", "免予", "免于", "不", "免除", "不再"]) {
        return false;
    }
    match h.term {
        "处分" | "相应处分" | "相应的处分" => !ends(&[
            "从轻",
            "减轻",
            "免予",
            "不予",
            "免除",
            "从重或者",
            "从轻或者",
            "解除",
            "撤销",
            "确定其",
            "执行",
            "最重的",
            "该",
            "原",
            "其",
            "重的",
        ]),
        // A bare 通报 counts only among measures (提醒、约谈、通报) or as 予以通报.
        "通报" => {
            ends(&["、", "或者", "或", "和", "并"])
                && !starts(&["表扬", "情况", "本", "全", "有关"])
        }
        "提醒" => has_measure_list && !starts(&["纠正"]),
        "警告" => !starts(&["标志", "牌", "信号"]) && !ends(&["预"]),
        "开除" => !starts(&["学籍"]),
        t if t.ends_with("通报") => !starts(&["表扬", "情况", "本", "全"]),
        _ => true,
    }
}

/// Drop umbrella and generic terms that a named measure makes redundant. `hits` are the
/// terms of one consequence, in order.
pub fn collapse<'s>(s: &str, hits: Vec<Hit<'s>>) -> Vec<Hit<'s>> {
    // A referral (转请有关部门查处) is another way to deal with the case, not a named
    // measure: the generic phrase beside it (按规定处理) stays.
    let named = |h: &Hit<'_>| h.class != Class::Generic && h.category != "generic";
    // A generic phrase is the umbrella of the measures it introduces (追究责任，给予批评
    // 教育…) or closes in one breath (给予警告等处理), not of those in a comma clause of
    // their own before it (要通报批评，依纪依法问责: two consequences).
    // A bare 处分 counts as a consequence of its own only when given (给予处分); else it
    // is a mention (党纪政务等处分相匹配).
    let covers = |g: &Hit<'_>| {
        let before = &s[..g.range.start];
        let acts = !matches!(g.term, "处分" | "相应处分" | "相应的处分")
            || before.ends_with("给予")
            || before.ends_with("予以");
        hits.iter().any(|n| {
            named(n)
                && (!acts
                    || n.range.start > g.range.start
                    || !s[n.range.end.min(g.range.start)..g.range.start]
                        .contains(['，', ',', '；', ';']))
        })
    };
    let mut out: Vec<Hit<'s>> = Vec::new();
    for h in &hits {
        let after_measure = out.last().is_some_and(|p: &Hit<'_>| {
            p.class != Class::Generic
                && matches!(&s[p.range.end..h.range.start], "" | "等" | "的" | "等的")
        });
        let drop = match h.class {
            Class::Specific => false,
            Class::Umbrella => after_measure,
            Class::Generic => covers(h) && !h.term.starts_with("承担") || after_measure,
        };
        if !drop {
            out.push(h.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        collapse(s, hits(s))
            .into_iter()
            .map(|h| h.term.to_string())
            .collect()
    }

    #[test]
    fn measures_and_umbrellas() {
        assert_eq!(terms("给予警告或者记过处分"), ["警告", "记过"]);
        assert_eq!(terms("采取调离岗位、降职等组织处理"), ["调离岗位", "降职"]);
        assert_eq!(
            terms("要追究责任，视情节轻重，给予批评教育、诫勉谈话，纪律处分"),
            ["批评教育", "诫勉谈话", "纪律处分"]
        );
        assert_eq!(terms("依规依纪严肃追究责任"), ["依规依纪严肃追究责任"]);
        assert_eq!(terms("依法追究刑事责任"), ["依法追究刑事责任"]);
        assert_eq!(terms("给予开除党籍处分"), ["开除党籍"]);
    }

    #[test]
    fn every_entry_is_reached_through_its_triggers() {
        // Each entry runs only when one of its literal prefixes occurs: an entry whose
        // prefixes were derived wrongly would never match its own examples.
        let lits = trigger_literals();
        for covered in [
            lits.iter().fold(0u128, |a, l| a | l.1),
            lits.iter().fold(0u128, |a, l| a | l.2),
        ] {
            assert_eq!(covered.count_ones() as usize, vocabulary().len());
        }
        for s in [
            "没收违法所得",
            "吊销营业执照",
            "取消其评优资格",
            "记入不良记录",
            "按照《安全生产法》予以处理",
            "移送司法机关依法处理",
            "在全市范围内通报",
        ] {
            let found: String = hits(s).into_iter().map(|h| h.term).collect();
            assert_eq!(found, s, "{s}");
        }
    }

    #[test]
    fn literal_entries_match_as_their_patterns_do() {
        // Alternatives that overlap, repeat and touch: the matches read off the literals
        // are those of the entry's own pattern.
        for (i, e) in vocabulary().iter().enumerate() {
            let Some(alts) = &e.literals else { continue };
            let mut texts: Vec<String> = vec![alts.concat(), alts.iter().rev().copied().collect()];
            texts.extend(alts.iter().map(|a| format!("给予{a}{a}，并{a}处分")));
            for t in texts {
                let occs = scan::occurrences(&t);
                let exact = scan::exact_in(&occs, 0..t.len());
                let by_pattern: Vec<Range<usize>> =
                    e.re().find_iter(&t).map(|m| m.range()).collect();
                assert_eq!(
                    literal_matches(&exact, i),
                    by_pattern,
                    "{} in {t}",
                    e.pattern
                );
            }
        }
    }

    #[test]
    fn not_sanctions() {
        assert!(terms("给予通报表扬").is_empty());
        assert!(terms("责令限期改正").is_empty());
        assert!(terms("处分期间不得晋升").is_empty());
        assert!(terms("受到撤职处分的").is_empty());
        assert!(terms("向任免机关提出处分建议").is_empty());
        assert!(terms("建立约谈制度").is_empty());
        assert!(terms("可以从轻或者减轻处分").is_empty());
        // 提醒 only among accountability measures.
        assert!(terms("及时提醒").is_empty());
        assert_eq!(
            terms("予以提醒、约谈或者通报批评"),
            ["提醒", "约谈", "通报批评"]
        );
    }
}
