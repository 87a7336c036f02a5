//! Sanction terms in a sentence, from the vocabulary of `dict/sanctions.tsv` ([`vocab`]);
//! the word-level filters that keep out what only looks like one: rewards (通报表扬),
//! corrective orders (责令改正), follow-on consequences (受到…处分, 处分期间), procedural
//! mentions (处分决定, 提出处分建议); and the regime that decides the category of a word
//! such as 警告 ([`regime`]).

use std::ops::Range;
use std::sync::OnceLock;

use std::cell::RefCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
#[cfg(test)]
use regex::Regex;
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::{Input, hybrid};

use super::scan;
use super::vocab::{self, CategoryRule, ChapterRule, Class, Regime, SanctionEntry};
use crate::model::{PenaltyKind, SanctionCategory};

/// One sanction term found in a sentence.
#[derive(Debug, Clone)]
pub struct Hit<'s> {
    /// Byte range in the sentence.
    pub range: Range<usize>,
    /// The term as written.
    pub term: &'s str,
    /// Specific, umbrella or generic.
    pub class: Class,
    /// Its vocabulary entry.
    pub entry: &'static SanctionEntry,
}

impl Hit<'_> {
    /// Whether the measure is a soft one (criticism, admonition).
    pub fn soft(&self) -> bool {
        self.entry.soft
    }

    /// Whether the measure takes a gain or an asset, or is a penalty on property,
    /// qualifications or conduct (违反本规定获取的利益，予以没收).
    pub fn economic(&self) -> bool {
        self.entry.gain
            || match self.entry.kind {
                Some(
                    PenaltyKind::Property
                    | PenaltyKind::Qualification
                    | PenaltyKind::Conduct
                    | PenaltyKind::Liberty,
                ) => true,
                Some(PenaltyKind::Reputational) | None => false,
            }
    }

    /// Its category and penalty kind under `regime`.
    pub fn category_under(&self, regime: Regime) -> (SanctionCategory, Option<PenaltyKind>) {
        self.entry.category_under(regime)
    }
}

/// The compiled pattern of regex entry `i`, for tests that compare [`regex_matches`] with
/// the pattern's own unanchored search.
#[cfg(test)]
fn regex_of(i: usize) -> Regex {
    Regex::new(vocab::sanctions()[i].pattern).expect("sanction regex")
}

/// A regex entry compiled for anchored searches: a forward lazy DFA (its start states are
/// built on demand, so only the anchored ones ever are).
///
/// A search for the leftmost match is an anchored search at each place a match can start,
/// in order, the first that matches winning: the places are where one of the entry's
/// prefix literals starts ([`head_starts`]). Anchored, the match's start is known, so no
/// reverse automaton is compiled or run (the unanchored engine finds a match's end forward,
/// then its start by a reverse search), and the forward automaton has no unanchored states
/// that track every start at once.
struct Anchored {
    dfa: hybrid::dfa::DFA,
}

impl Anchored {
    fn new(e: &SanctionEntry) -> Anchored {
        let hir = e.hir.as_ref().expect("a regex entry is parsed");
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_from_hir(hir)
            .expect("sanction regex");
        let dfa = hybrid::dfa::DFA::builder()
            .build_from_nfa(nfa)
            .expect("sanction regex");
        Anchored { dfa }
    }
}

/// The compiled regex entries, each compiled on first use (a literal entry never needs it).
fn anchored_of(i: usize) -> &'static Anchored {
    static RES: OnceLock<Vec<OnceLock<Anchored>>> = OnceLock::new();
    let res = RES.get_or_init(|| {
        (0..vocab::sanctions().len())
            .map(|_| OnceLock::new())
            .collect()
    });
    res[i].get_or_init(|| Anchored::new(&vocab::sanctions()[i]))
}

/// The heads of the regex entries' prefix literals (their first two characters), each with
/// the entries it is a head of (bit `i`: entry `i`).
struct Heads {
    ac: AhoCorasick,
    entries: Vec<u128>,
}

/// One automaton for the heads of every regex entry: ≈ 200 short literals instead of
/// ≈ 1 100 whole prefixes (the bans' numerals times their verbs), whose automata took longer
/// to build than the searches took to run; a few places more to try. One search of a
/// sentence serves every entry present in it.
fn heads() -> &'static Heads {
    static H: OnceLock<Heads> = OnceLock::new();
    H.get_or_init(|| {
        let mut heads: Vec<&str> = Vec::new();
        let mut entries: Vec<u128> = Vec::new();
        for (i, e) in vocab::sanctions().iter().enumerate() {
            if e.literals.is_some() {
                continue;
            }
            for p in &e.prefixes {
                let head = &p[..p.char_indices().nth(2).map_or(p.len(), |(k, _)| k)];
                let k = heads.iter().position(|h| *h == head).unwrap_or_else(|| {
                    heads.push(head);
                    entries.push(0);
                    heads.len() - 1
                });
                entries[k] |= 1 << i;
            }
        }
        // Searched in many short sentences: a DFA, one step a byte.
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&heads)
            .expect("sanction prefixes");
        Heads { ac, entries }
    })
}

/// The places in `s` where a head of a regex entry starts, in order, each with the entries
/// whose heads start there.
fn head_starts(s: &str) -> Vec<(usize, u128)> {
    let h = heads();
    let mut out: Vec<(usize, u128)> =
        h.ac.find_overlapping_iter(s)
            .map(|m| (m.start(), h.entries[m.pattern().as_usize()]))
            .collect();
    out.sort_unstable_by_key(|&(p, _)| p);
    out.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 |= later.1;
        }
        same
    });
    out
}

thread_local! {
    /// Per thread, the lazy DFAs' caches of the regex entries (filled on first use).
    static CACHES: RefCell<Vec<Option<hybrid::dfa::Cache>>> = const { RefCell::new(Vec::new()) };
}

/// The matches of regex entry `i` in `s`, one after another as a search for the leftmost
/// match finds them (none overlapping): at each place where a head of the entry starts
/// (`starts`, from [`head_starts`]), after the end of the last match, an anchored search.
fn regex_matches(i: usize, s: &str, starts: &[(usize, u128)]) -> Vec<Range<usize>> {
    let bit = 1u128 << i;
    let mut out = Vec::new();
    if !starts.iter().any(|&(_, m)| m & bit != 0) {
        return out;
    }
    let a = anchored_of(i);
    CACHES.with_borrow_mut(|caches| {
        if caches.len() <= i {
            caches.resize_with(i + 1, || None);
        }
        let cache = caches[i].get_or_insert_with(|| a.dfa.create_cache());
        let mut at = 0;
        for &(p, entries) in starts {
            if entries & bit == 0 || p < at {
                continue;
            }
            let input = Input::new(s)
                .span(p..s.len())
                .anchored(regex_automata::Anchored::Yes);
            // The lazy DFA gives up only on a quit byte (a Unicode word boundary, which no
            // entry holds: it would not have compiled) or a cache cleared too often, which
            // the default configuration never counts.
            let end = a
                .dfa
                .try_search_fwd(cache, &input)
                .expect("sanction regex search")
                .map(|m| m.offset());
            // A prefix literal is never empty: a match is never empty either.
            if let Some(end) = end.filter(|&end| end > p) {
                out.push(p..end);
                at = end;
            }
        }
    });
    out
}

/// The entry of a measure the vocabulary does not know but a list of penalties names
/// (采取警告、责令暂停举办等处罚措施).
fn listed_measure() -> &'static SanctionEntry {
    static E: OnceLock<SanctionEntry> = OnceLock::new();
    E.get_or_init(|| SanctionEntry {
        pattern: "",
        class: Class::Specific,
        category: CategoryRule::ByRegime([
            SanctionCategory::Other,
            SanctionCategory::Other,
            SanctionCategory::AdministrativePenalty,
        ]),
        kind: None,
        soft: false,
        gain: false,
        referral: false,
        reported: false,
        record: false,
        borne: false,
        chapter: ChapterRule::Anywhere,
        literals: None,
        hir: None,
        prefixes: Vec::new(),
        suffixes: Vec::new(),
    })
}

/// Sanction terms in `s`, in order, overlaps resolved (longer first, then earlier in the
/// vocabulary), with the negative filters applied.
pub fn hits(s: &str) -> Vec<Hit<'_>> {
    let mut all = report_hits(s);
    all.retain(|h| !h.entry.reported);
    all
}

/// [`hits`] as a report of sanctions given reads them: the measures only a report names
/// (违纪所得予以收缴, 已被取保候审) count too.
pub fn report_hits(s: &str) -> Vec<Hit<'_>> {
    let occs = scan::occurrences(s);
    let range = 0..s.len();
    all_hits_among(
        s,
        &scan::exact_in(&occs, range.clone()),
        scan::present(s, &occs, range).sanctions,
    )
}

/// [`hits`] when the entries that may match `s` are known (bit `i`: entry `i`, as
/// [`scan::Present::sanctions`] gives them), with the occurrences in `s` of the literal
/// entries' alternatives ([`scan::exact_in`]).
pub fn hits_among<'s>(s: &'s str, exact: &[scan::Exact], present: u128) -> Vec<Hit<'s>> {
    let mut all = all_hits_among(s, exact, present);
    all.retain(|h| !h.entry.reported);
    all
}

/// [`hits_among`] with the measures only a report names.
fn all_hits_among<'s>(s: &'s str, exact: &[scan::Exact], present: u128) -> Vec<Hit<'s>> {
    let mut all: Vec<Hit<'_>> = Vec::new();
    if present == 0 {
        return all;
    }
    let vocab = vocab::sanctions();
    // Where the regex entries' heads start, found on the first regex entry present.
    let mut starts: Option<Vec<(usize, u128)>> = None;
    // The entries present, in the vocabulary's order (the set bits, lowest first).
    let mut rest = present;
    while rest != 0 {
        let i = rest.trailing_zeros() as usize;
        rest &= rest - 1;
        let e = &vocab[i];
        let mut push = |r: Range<usize>| {
            all.push(Hit {
                term: &s[r.clone()],
                range: r,
                class: e.class,
                entry: e,
            })
        };
        if e.literals.is_some() {
            literal_matches(exact, i).into_iter().for_each(&mut push);
        } else {
            let starts = starts.get_or_insert_with(|| head_starts(s));
            regex_matches(i, s, starts).into_iter().for_each(&mut push);
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
    joined_objects(s, &mut kept);
    let has_measure_list = kept
        .iter()
        .any(|h| matches!(h.term, "约谈" | "通报批评") || h.term.starts_with("诫勉"));
    kept.retain(|h| keep(s, h, has_measure_list));
    complete_lists(s, &mut kept);
    kept
}

/// The regime under which hit `h` of sentence `s` is given to `target`, for the words whose
/// category depends on it (警告, 通报批评, 处分 …). In order: the party named in the term or
/// the target (党内警告, 对党员…); a 处罚 in a 法律责任 chapter (依照前款规定予以处罚); an
/// official as the target (工作人员, 直接负责的主管人员); a 处分 that the measure is one of
/// (给予警告处分, 警告、记过或者记大过处分: a 处分, never an administrative penalty), placed
/// by the party named in its comma clause or else by the document; party discipline in a
/// party document; an administrative penalty where the clause sits in a 法律责任 chapter or
/// the sentence names one (罚款, 吊销); officials where the sentence names them; else the
/// document's own regime (`doc`).
pub fn regime(
    doc: Regime,
    penalty_chapter: bool,
    s: &str,
    h: &Hit<'_>,
    target: Option<&str>,
) -> Regime {
    use vocab::Trigger::{OfficialContext, PartyContext, PenaltyContext};
    if !h.entry.category.varies() {
        return doc;
    }
    let t = vocab::triggers();
    let target = target.unwrap_or("");
    if t.any_in(PartyContext, h.term) || t.any_in(PartyContext, target) {
        return Regime::Party;
    }
    // 依照前款规定予以处罚 in a 法律责任 chapter: an administrative penalty, whoever it hits.
    if penalty_chapter && h.term.contains("处罚") {
        return Regime::Penalty;
    }
    if t.any_in(OfficialContext, target) {
        return Regime::Official;
    }
    let clause = comma_clause(s, h.range.clone());
    let disposition = s[h.range.end..clause.end].contains("处分");
    if disposition || h.term.ends_with("处分") {
        return if t.any_in(PartyContext, &s[clause]) || doc == Regime::Party {
            Regime::Party
        } else {
            Regime::Official
        };
    }
    if t.any_in(PartyContext, &s[clause.clone()]) || doc == Regime::Party {
        return Regime::Party;
    }
    if penalty_chapter || t.any_in(PenaltyContext, s) {
        return Regime::Penalty;
    }
    if t.any_in(OfficialContext, s) {
        return Regime::Official;
    }
    doc
}

/// The comma clause of `s` around `r`.
fn comma_clause(s: &str, r: Range<usize>) -> Range<usize> {
    let stops = ['，', ',', '。', '；', ';', '：', ':'];
    let start = s[..r.start]
        .rfind(stops)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[r.end..].find(stops).map_or(s.len(), |i| r.end + i);
    start..end
}

/// Verbs a measure opens with (责令暂停举办, 取消活动项目, 暂停…资质).
const MEASURE_VERBS: [&str; 9] = [
    "责令", "取消", "暂停", "吊销", "撤销", "没收", "限制", "停止", "禁止",
];

/// Words that close a list of penalties (采取警告、责令暂停举办等处罚措施; 给予取消举办
/// 资格、取消活动项目的处罚).
const PENALTY_TAILS: [&str; 7] = [
    "等方式",
    "等处罚措施",
    "等处罚",
    "的处罚",
    "处罚措施",
    "等惩戒措施",
    "的惩戒",
];

/// One automaton for [`PENALTY_TAILS`].
fn penalty_tails() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(PENALTY_TAILS)
            .expect("penalty tails")
    })
}

/// In a list of measures that the vocabulary partly knows and that ends in a word for
/// penalties or for the ways of accountability (等方式), an item it does not know but that opens with a measure's verb is a measure
/// too — except a corrective order (责令改正, 责令整改), which is never a sanction.
fn complete_lists<'s>(s: &'s str, kept: &mut Vec<Hit<'s>>) {
    // Every tail holds 处罚, 惩戒 or 方式.
    if !s.contains('、')
        || kept.is_empty()
        || !(s.contains("处罚") || s.contains("惩戒") || s.contains("方式"))
    {
        return;
    }
    let mut added = Vec::new();
    let mut lo = 0;
    for piece in s.split_inclusive(['，', '。', '；', ',', ';', '：', ':']) {
        let range = lo..lo + piece.len();
        lo = range.end;
        // The leftmost tail (a leftmost search finds the earliest start of any of them).
        let Some(tail) = penalty_tails().find(piece) else {
            continue;
        };
        let tail_at = tail.start();
        // A list of the ways of accountability (采取检查、通报、改组等方式。…等方式问责): its
        // items are nouns (检查, 改组), three items at least; not the ways of a procedure
        // (采取谈话函询、初步核实…等方式分类处置).
        let ways = PENALTY_TAILS[tail.pattern().as_usize()] == "等方式";
        if ways && {
            let next = &piece[tail.end()..];
            !(next.is_empty()
                || next.starts_with("问责")
                || next.starts_with(['，', '。', '；', ',', ';']))
        } {
            continue;
        }
        let list = &piece[..tail_at];
        if !list.contains('、')
            || ways && list.matches('、').count() < 2
            || !kept
                .iter()
                .any(|h| h.range.start >= range.start && h.range.end <= range.start + tail_at)
        {
            continue;
        }
        let mut at = range.start;
        for item in list.split('、') {
            let mut item_range = at..at + item.len();
            at = item_range.end + '、'.len_utf8();
            // The first item after its verb (可以采取检查、…).
            let item = match item.split_once("采取") {
                Some((pre, it)) if ways => {
                    item_range.start += pre.len() + "采取".len();
                    it
                }
                _ => item,
            };
            let covered = kept
                .iter()
                .any(|h| h.range.start < item_range.end && item_range.start < h.range.end);
            let n = item.chars().count();
            if covered
                || ways && !(2..=6).contains(&n)
                || !ways && !(3..=10).contains(&n)
                || !ways && !MEASURE_VERBS.iter().any(|v| item.starts_with(v))
                || ["改正", "整改", "纠正"].iter().any(|w| item.contains(w))
            {
                continue;
            }
            added.push(Hit {
                term: &s[item_range.clone()],
                range: item_range,
                class: Class::Specific,
                entry: listed_measure(),
            });
        }
    }
    if !added.is_empty() {
        kept.extend(added);
        kept.sort_by_key(|h| h.range.start);
    }
}

/// The things a 没收 takes. A bare 没收 is read with the things it names, up to the end of
/// its comma clause (or 并, 或, 可) within 24 characters (没收擅自加装的电机, 没收用于违法经营的
/// 工具和设备). The gain and the things are two penalties (没收违法所得, 没收非法财物): 违法所得
/// joined to things by 和/及 is a 没收 of its own (…的电机和违法所得), and so are the things
/// joined to 没收违法所得 (没收违法所得和非法营运的车辆、工具), each entry's text what it names.
/// None of them holds another measure.
fn joined_objects<'s>(s: &'s str, kept: &mut Vec<Hit<'s>>) {
    const GAIN: &str = "违法所得";
    const JOINERS: [&str; 3] = ["以及", "和", "及"];
    let free = |kept: &[Hit<'_>], r: &Range<usize>| {
        !kept
            .iter()
            .any(|k| k.range.start < r.end && r.start < k.range.end)
    };
    // Where the things after `at` end: the end of the comma clause, or a joined 违法所得.
    let things_end = |at: usize| {
        let rest = &s[at..];
        let mut end = rest
            .find(['，', '。', '；', ',', ';', '：', '并', '或', '可'])
            .unwrap_or(rest.len());
        if let Some(g) = JOINERS
            .iter()
            .filter_map(|j| rest[..end].find(&format!("{j}{GAIN}")))
            .min()
        {
            end = g;
        }
        at + end
    };
    let mut added = Vec::new();
    for i in 0..kept.len() {
        let h = &kept[i];
        if !h.term.starts_with("没收") {
            continue;
        }
        let end = h.range.end;
        if h.term == "没收" && !s[end..].starts_with('的') {
            let object = end..things_end(end);
            let n = s[object.clone()].chars().count();
            if (1..=24).contains(&n) && free(kept, &object) {
                kept[i].range.end = object.end;
                kept[i].term = &s[kept[i].range.clone()];
            }
        }
        let h = &kept[i];
        let after = &s[h.range.end..];
        let Some(rest) = JOINERS.iter().find_map(|j| after.strip_prefix(j)) else {
            continue;
        };
        let start = s.len() - rest.len();
        let object = if rest.starts_with(GAIN) {
            start..start + GAIN.len()
        } else if h.term.ends_with(GAIN) {
            start..things_end(start)
        } else {
            continue;
        };
        let n = s[object.clone()].chars().count();
        if (2..=24).contains(&n) && free(kept, &object) {
            added.push(Hit {
                term: &s[object.clone()],
                range: object,
                class: h.class,
                entry: h.entry,
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
    // 严肃处理; 给予诫勉处理。 (the measure named with the word for its kind).
    let named_with_kind = match h.class {
        Class::Generic => h.term.ends_with("处理"),
        Class::Specific => measure_then_kind(after),
        Class::Umbrella => false,
    };
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
        "处分期间",
        "处分的影响期",
        "处分影响期",
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
    ]) && !named_with_kind
        // 罚款人民币五万元: an amount, not a person (处分人).
        && !after.starts_with("人民币")
        || after.starts_with('的') && h.soft() && !after.starts_with("的方式")
    {
        // 处分决定, 约谈制度, 提醒谈话, 通报表扬 …; but 诫勉谈话 is matched whole.
        return false;
    }
    // 可以建议市场监管部门依法吊销其营业执照: a power to propose a measure to another body,
    // procedural (annotation guide §4), neither a condition nor a sanction.
    let clause_before = &before[before.rfind(['，', '。', '；', ',', ';']).unwrap_or(0)..];
    if ["可以建议", "可建议", "有权建议"]
        .iter()
        .any(|w| clause_before.contains(w))
    {
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
    // Each of the words holds 受 or is 给予过: one search for a character first.
    if (near.contains('受') || near.contains("给予过"))
        && ["受到", "受过", "给予过", "曾受"]
            .iter()
            .any(|w| near.contains(w))
    {
        return false;
    }
    // 给予党纪政务处分97人: a count of persons or cases, not a measure given.
    if counted(after) {
        return false;
    }
    // 主动退缴违纪所得: what the person did, not a measure.
    if h.entry.gain && ends(&["主动", "自行", "积极", "主动全部"]) {
        return false;
    }
    // 给予下列处分：: the items name the measures.
    if ends(&["下列", "如下"]) {
        return false;
    }
    // 对本乡镇安全生产责任追究工作负领导责任: 追究 inside the noun 责任追究(工作), whose
    // 责任 after it is a responsibility held, no measure.
    if h.class == Class::Generic
        && h.term.starts_with("追究")
        && (ends(&["责任"])
            || ["工作", "制度", "机制", "办法"]
                .iter()
                .any(|w| h.term["追究".len()..].starts_with(w)))
    {
        return false;
    }
    // 不予追究责任, 免予处分: an exemption, not a sanction; 不得重复扣减薪酬: a bar.
    if ends(&[
        "不予",
        "免予",
        "免于",
        "不",
        "免除",
        "不再",
        "不得",
        "不得重复",
    ]) {
        return false;
    }
    // 经监察人员责令立即停止作业，拒不停止作业的; 经责令停产整顿仍不具备条件的: an order given
    // before, part of the circumstance that the measures after it build on.
    if h.term.starts_with("责令") && s[comma_clause(s, h.range.clone()).start..].starts_with('经')
    {
        return false;
    }
    // 从轻或者减轻处罚, 依照…的规定可以从轻或者减轻处罚: a mitigation, no measure.
    if h.class == Class::Generic && ["从轻", "减轻"].iter().any(|w| h.term.contains(w)) {
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
            ends(&["、", "或者", "或", "和", "并", "采取"])
                && !starts(&["表扬", "情况", "本", "全", "有关"])
        }
        "提醒" => has_measure_list && !starts(&["纠正"]),
        "警告" => !starts(&["标志", "牌", "信号"]) && !ends(&["预"]),
        // 缴纳罚款, 处罚款的 (a fine as the ground of a procedure).
        // 加处罚款 is the enforcement of a fine not paid (行政强制法), no penalty of its own.
        // 本法规定的罚款，…从其规定: the fine as a topic, not imposed.
        "罚款" => {
            // 处单位罚款数额百分之五…的罚款: the fine before as the base of the amount of
            // the fine that follows in its clause.
            let base = starts(&["数额", "金额"])
                && after[..after
                    .find(['，', '。', '；', ',', ';'])
                    .unwrap_or(after.len())]
                    .contains("罚款");
            !ends(&["缴纳", "上缴", "收缴", "罚没", "加处", "按", "规定的"])
                && !starts(&["的"])
                && !base
        }
        // 罚没收入: the revenue from fines and confiscations;
        // 违法所得的没收程序: the 没收 named as a noun.
        t if t.starts_with("没收") => !ends(&["罚", "的"]),
        "拘留" | "行政拘留" => !starts(&["所", "场所"]) && !ends(&["刑事", "司法"]),
        "开除" => !starts(&["学籍"]),
        // 予以低聘或者解聘: a bare 解聘 only joined to a measure given; else the end of a
        // contract (用人单位解聘职工).
        "解聘" => MEASURE_JOINERS.iter().any(|j| {
            before.strip_suffix(j).is_some_and(|b| {
                let clause = &b[b.rfind(['，', '。', '；', ',', ';']).unwrap_or(0)..];
                clause.contains("给予") || clause.contains("予以")
            })
        }),
        // An organisation wound up (因合并、分立需要予以解散的，应当依法清算; 经批准予以解散并
        // 进行清算) ends as its rules provide, no measure for a violation: a dissolution counts
        // only where its ；-part names no approval, merger, division, ending, need or
        // application before it and no liquidation after it.
        t if t.ends_with("解散") => {
            let part = &before[before.rfind(['；', '。', ';']).unwrap_or(0)..];
            let rest = &after[..after.find(['；', '。', ';']).unwrap_or(after.len())];
            !["批准", "合并", "分立", "终止", "需要", "申请"]
                .iter()
                .any(|w| part.contains(w))
                && !rest.contains("清算")
        }
        // 向人民法院提起诉讼，要求返还，并赔偿损失: what the injured party may claim, in
        // the ；-part before the damages (承担赔偿责任 names the liable party itself).
        t if t.contains("赔偿")
            && !t.contains("责任")
            && matches!(
                h.entry.category,
                CategoryRule::Fixed(SanctionCategory::Civil)
            ) =>
        {
            let part = &before[before.rfind(['；', '。', ';']).unwrap_or(0)..];
            !["要求", "请求"].iter().any(|w| part.contains(w))
        }
        // Without its own 给予, 治安管理处罚 is a measure only as the next of those one 给予
        // gives (依法给予处分、治安管理处罚); else it names the law or its procedure
        // (违反治安管理处罚法, 治安管理处罚的决定机关).
        "治安管理处罚" => MEASURE_JOINERS.iter().any(|j| {
            before.strip_suffix(j).is_some_and(|b| {
                let clause = &b[b.rfind(['，', '。', '；', ',', ';']).unwrap_or(0)..];
                clause.contains("给予") || clause.contains("予以")
            })
        }),
        // A reference to the rule whose penalty applies (依照前条规定处罚) is a consequence
        // only where it closes its clause: a basis inside a condition (依照前款规定处理的
        // 案件), a corrective order (责令按照…的规定进行处理) or a rule of sentencing (依照数罪
        // 并罚的规定处罚) is none; a list's lead (按照下列规定予以处罚：) and a measure joined
        // to it (依照前款的规定处罚、处分) are. A lead-in (除依照前款规定处罚外，…) is kept for
        // [`collapse`], which drops it beside the measure it adds (its `对X，` still frames
        // the chain).
        // The same holds for a reference to the criminal law (依照刑法第X条的规定定罪处罚) and
        // to the law on public order, named as measures of their own.
        t if reference(t) => {
            (after.is_empty()
                || after.starts_with([
                    '，', '。', '；', ',', ';', '：', ':', '、', '”', '’', '」', '外',
                ]))
                && !before.ends_with("责令")
                && !t.contains("数罪并罚")
        }
        t if t.ends_with("通报") => !starts(&["表扬", "情况", "本", "全"]),
        // 当场予以收缴罚款, 当面予以收缴: how a fine or a counterfeit is collected.
        t if t.ends_with("收缴") => !starts(&["罚款", "罚没"]) && !ends(&["当场", "当面"]),
        // 受到处分的…，三年内不得参加评先评优: what follows a sanction, not a measure.
        // 本法第五十一条规定的限期出境和驱逐出境由公安机关执行: the measures named as a
        // subject of the procedure.
        "限期出境" | "驱逐出境" => {
            let clause = &before[before.rfind(['，', '；', '。', ',', ';']).unwrap_or(0)..];
            !clause.contains("规定的")
        }
        t if t.contains("不得")
            && (t.contains("评先") || t.contains("评优") || t.contains("先进")) =>
        {
            let part = &before[before.rfind(['；', '。', ';']).unwrap_or(0)..];
            !["受到", "受过", "影响期", "期间", "被问责", "被处分"]
                .iter()
                .any(|w| part.contains(w))
        }
        // 严肃查处 as a consequence (…的，必须严肃查处), not the duty of enforcing (严肃查处
        // 浪费案件).
        t if t.ends_with("查处") => {
            after.is_empty() || after.starts_with(['，', '。', '；', ',', ';'])
        }
        _ => true,
    }
}

/// Whether generic term `t` refers to the rule whose penalty applies: a governing 依照 /
/// 按照 / 依据 and a closing 处罚 / 处理 (依照本办法第十一条的规定从重处罚).
fn reference(t: &str) -> bool {
    let t = t.strip_prefix("依法").unwrap_or(t);
    ["依照", "按照", "依据"].iter().any(|w| t.starts_with(w))
        && (t.ends_with("处罚") || t.ends_with("处理"))
}

/// Whether `after` (the text after a measure) is the word for its kind closing the
/// consequence: 诫勉处理。, 批评教育处理，.
fn measure_then_kind(after: &str) -> bool {
    after.strip_prefix("处理").is_some_and(|r| {
        r.is_empty() || r.starts_with(['，', '。', '；', ',', ';', '、', '）', ')'])
    })
}

/// Whether `after` (the text after a measure) opens with a count of persons or cases
/// (97人, 12名, 3起): a statistic.
fn counted(after: &str) -> bool {
    let after = after.strip_prefix('的').unwrap_or(after);
    let numeral =
        |c: char| c.is_ascii_digit() || "０１２３４５６７８９一二三四五六七八九十百千".contains(c);
    if !after.starts_with(numeral) {
        return false;
    }
    // 30余人: 余 only after a numeral.
    let digits = after
        .char_indices()
        .take_while(|&(_, c)| numeral(c) || c == '余')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    digits > 0
        && ["人次", "人", "名", "起", "件"]
            .iter()
            .any(|u| after[digits..].starts_with(u))
}

/// Drop umbrella and generic terms that a named measure makes redundant. `hits` are the
/// terms of one consequence, in order.
pub fn collapse<'s>(s: &str, hits: Vec<Hit<'s>>) -> Vec<Hit<'s>> {
    // A referral (转请有关部门查处) is another way to deal with the case, not a named
    // measure: the generic phrase beside it (按规定处理) stays.
    // Nor is a record (记入信用记录): 依法追究法律责任，并记入信用记录 keeps both.
    let named = |h: &Hit<'_>| h.class != Class::Generic && !h.entry.referral && !h.entry.record;
    // A generic phrase is the umbrella of the measures it introduces (追究责任，给予批评
    // 教育…) or closes in one breath (给予警告等处理), not of those in a comma clause of
    // their own before it (要通报批评，依纪依法问责: two consequences).
    // A bare 处分 counts as a consequence of its own only when given (给予处分); else it
    // is a mention (党纪政务等处分相匹配).
    let covers = |g: &Hit<'_>| {
        let before = &s[..g.range.start];
        let disposition = matches!(g.term, "处分" | "相应处分" | "相应的处分");
        // A 处分 given as a measure of its own (依法给予处分，没收违法所得; 给予警告或者由有关
        // 部门依法给予处分; 给予批评教育、处分) is no umbrella of the measures beside it.
        if disposition && given(s, &hits, g) {
            return false;
        }
        let acts = !disposition || before.ends_with("给予") || before.ends_with("予以");
        hits.iter().any(|n| {
            // A measure in another ；-part is another consequence (尚不构成犯罪的，依法给予
            // 处分；有违法所得的，没收违法所得).
            let (lo, hi) = if n.range.start > g.range.start {
                (g.range.end, n.range.start)
            } else {
                (n.range.end, g.range.start)
            };
            named(n)
                && !s[lo.min(hi)..hi].contains(['；', ';'])
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
            Class::Generic => {
                covers(h) && !h.term.starts_with("承担") || after_measure || leads_in(s, h)
            }
        };
        if !drop {
            out.push(h.clone());
        }
    }
    out
}

/// Whether generic hit `h` is the lead-in of a measure named after it in its ；-part
/// (除依照前款规定处罚外，对其直接负责的主管人员处…罚款), which the measure's clause may not
/// hold.
fn leads_in(s: &str, h: &Hit<'_>) -> bool {
    let Some(rest) = s[h.range.end..].strip_prefix('外') else {
        return false;
    };
    let part = &rest[..rest.find(['；', ';', '。']).unwrap_or(rest.len())];
    hits(part)
        .iter()
        .any(|n| n.class != Class::Generic && !n.entry.referral && !n.entry.record)
}

/// Words that join the measures of one 给予 (给予批评教育、处分; 视其情节给予批评教育或者处分).
const MEASURE_JOINERS: [&str; 5] = ["、", "或者", "以及", "或", "和"];

/// Whether hit `h` is the object of its own 给予 / 予以, directly (依法给予处分) or joined to a
/// measure that is (给予批评教育、处分; 给予处分、治安管理处罚 read from the 处分). `hits` are the
/// terms of the sentence, in order.
fn given(s: &str, hits: &[Hit<'_>], h: &Hit<'_>) -> bool {
    let before = &s[..h.range.start];
    if before.ends_with("给予") || before.ends_with("予以") {
        return true;
    }
    let Some(joined) = MEASURE_JOINERS.iter().find_map(|j| before.strip_suffix(j)) else {
        return false;
    };
    hits.iter()
        .find(|p| p.range.end == joined.len())
        .is_some_and(|p| p.class != Class::Generic && given(s, hits, p))
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
    fn measures_written_other_ways() {
        assert_eq!(terms("撤销其网约车驾驶员证"), ["撤销其网约车驾驶员证"]);
        assert_eq!(terms("撤销其认证资格"), ["撤销其认证资格"]);
        assert_eq!(terms("取消其诚信等级"), ["取消其诚信等级"]);
        assert_eq!(
            terms("责令暂停三个月以上六个月以下动物诊疗活动"),
            ["责令暂停三个月以上六个月以下动物诊疗活动"]
        );
        assert_eq!(
            terms("责令暂停在本县新增接入车辆六个月"),
            ["责令暂停在本县新增接入车辆六个月"]
        );
        assert_eq!(
            terms("责令停止网约车业务一个月"),
            ["责令停止网约车业务一个月"]
        );
        assert_eq!(
            terms("处五千元罚款，两年内不得承担县级科研任务"),
            ["罚款", "两年内不得承担县级科研任务"]
        );
        assert_eq!(terms("责令相关责任人员辞职"), ["责令相关责任人员辞职"]);
        assert_eq!(terms("终止其委托检验协议"), ["终止其委托检验协议"]);
        assert_eq!(terms("关闭其网店账号"), ["关闭其网店账号"]);
        assert_eq!(terms("记入个人不文明行为记录"), ["记入个人不文明行为记录"]);
        assert_eq!(terms("严重失信的，从重问责"), ["从重问责"]);
        // A reference at the end of its clause; not one a condition holds.
        assert_eq!(terms("依照前条规定处罚"), ["依照前条规定处罚"]);
        assert!(terms("依照前款规定处理的案件").is_empty());
        assert_eq!(terms("除依照前款规定处罚外，对其处五百元罚款"), ["罚款"]);
        assert!(terms("依照前款规定处罚的当事人").is_empty());
    }

    #[test]
    fn a_body_wound_up_and_an_order_given_before_are_no_measures() {
        assert!(terms("协会因合并、分立需要予以解散的，应当依法清算").is_empty());
        assert!(terms("经批准予以解散的合作社，由清算组清理财产").is_empty());
        assert_eq!(terms("情节严重的，由登记管理机关予以解散"), ["予以解散"]);
        assert!(terms("经巡查人员责令立即停止作业，拒不停止作业的").is_empty());
        assert_eq!(
            terms("由渔政部门责令停止作业，处三千元罚款"),
            ["责令停止作业", "罚款"]
        );
        assert_eq!(terms("情节严重的，责令暂停施工作业"), ["责令暂停施工作业"]);
        assert!(terms("责令停止违法行为").is_empty());
    }

    #[test]
    fn every_entry_is_reached_through_its_triggers() {
        // Each entry runs only when one of its literal prefixes occurs: an entry whose
        // prefixes were derived wrongly would never match its own examples.
        let lits = scan::trigger_literals();
        for covered in [
            lits.iter().fold(0u128, |a, l| a | l.1),
            lits.iter().fold(0u128, |a, l| a | l.2),
        ] {
            assert_eq!(covered.count_ones() as usize, vocab::sanctions().len());
        }
        for s in [
            "没收违法所得",
            "吊销营业执照",
            "取消其评优资格",
            "记入不良记录",
            "按照《安全生产法》予以处理",
            "移送司法机关依法处理",
            "在全市范围内通报",
            "五年内不得从事相关工作",
            "终身禁止其在本行业执业",
        ] {
            let found: String = hits(s).into_iter().map(|h| h.term).collect();
            assert_eq!(found, s, "{s}");
        }
    }

    #[test]
    fn literal_entries_match_as_their_patterns_do() {
        // Alternatives that overlap, repeat and touch: the matches read off the literals
        // are those of the entry's own pattern.
        for (i, e) in vocab::sanctions().iter().enumerate() {
            let Some(alts) = &e.literals else { continue };
            let mut texts: Vec<String> = vec![alts.concat(), alts.iter().rev().copied().collect()];
            texts.extend(alts.iter().map(|a| format!("给予{a}{a}，并{a}处分")));
            for t in texts {
                let occs = scan::occurrences(&t);
                let exact = scan::exact_in(&occs, 0..t.len());
                let by_pattern: Vec<Range<usize>> =
                    regex_of(i).find_iter(&t).map(|m| m.range()).collect();
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
    fn anchored_searches_find_what_the_patterns_find() {
        // Every sentence of the fixtures, and measures that touch, repeat and overlap with
        // the heads of other matches: the anchored searches at the prefix literals find
        // the matches of each regex entry's own unanchored search.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut texts: Vec<String> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|f| f.path().extension().is_some_and(|x| x == "txt"))
            .flat_map(|f| {
                let t = std::fs::read_to_string(f.path()).unwrap_or_default();
                t.split_inclusive(['。', '\n'])
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(texts.len() > 1000, "{} sentences", texts.len());
        texts.extend([
            "依法追究依法追究其刑事责任".to_string(),
            "追究追究责任人的刑事责任，依法追究刑事责任".to_string(),
            "三年内三年内不得从事相关工作，终身禁止其在本行业执业".to_string(),
            "吊销吊销其营业执照、吊销许可证".to_string(),
            "在在全区通报，予以通报通报".to_string(),
            "责令责令其停产停业整顿或者关闭".to_string(),
        ]);
        let mut compared = 0;
        for (i, e) in vocab::sanctions().iter().enumerate() {
            if e.literals.is_some() {
                continue;
            }
            let re = regex_of(i);
            for t in &texts {
                let want: Vec<Range<usize>> = re.find_iter(t).map(|m| m.range()).collect();
                compared += want.len();
                assert_eq!(
                    regex_matches(i, t, &head_starts(t)),
                    want,
                    "{} in {t}",
                    e.pattern
                );
            }
        }
        assert!(compared > 100, "{compared} matches compared");
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
        // 严肃查处 of a case is enforcement, not a consequence.
        assert!(terms("严肃查处浪费案件").is_empty());
        assert_eq!(terms("必须严肃查处。"), ["严肃查处"]);
        // 提醒 only among accountability measures.
        assert!(terms("及时提醒").is_empty());
        assert_eq!(
            terms("予以提醒、约谈或者通报批评"),
            ["提醒", "约谈", "通报批评"]
        );
    }

    #[test]
    fn a_confiscation_names_its_things_and_the_gain_is_its_own() {
        assert_eq!(
            terms("并没收擅自改装的设备和违法所得。"),
            ["没收擅自改装的设备", "违法所得"]
        );
        assert_eq!(
            terms("没收违法所得和用于经营的工具、设备，并处一万元罚款"),
            ["没收违法所得", "用于经营的工具、设备", "罚款"]
        );
        assert_eq!(
            terms("没收用于经营的工具和设备，"),
            ["没收用于经营的工具和设备"]
        );
        assert_eq!(terms("对违法所得，予以没收。"), ["没收"]);
        assert_eq!(terms("没收的物品应当登记"), ["没收"]);
    }

    #[test]
    fn further_measures_of_rules_and_chapters() {
        assert_eq!(terms("以妨害公务罪论处"), ["以妨害公务罪论处"]);
        assert_eq!(terms("撤销其诚信等级"), ["撤销其诚信等级"]);
        assert_eq!(terms("给予责令检查或者诫勉"), ["责令检查", "诫勉"]);
        assert_eq!(terms("予以解散"), ["予以解散"]);
        assert_eq!(terms("责令停止使用该锅炉"), ["责令停止使用"]);
        assert_eq!(
            terms("移送国家监察机关或者司法机关"),
            ["移送国家监察机关或者司法机关"]
        );
        assert_eq!(
            terms("终止尚未行使的中长期激励权益"),
            ["终止尚未行使的中长期激励权益"]
        );
        assert_eq!(
            terms("采取检查、通报、改组等方式"),
            ["检查", "通报", "改组"]
        );
    }

    #[test]
    fn topics_bars_and_mitigations_are_no_measures() {
        assert!(terms("罚没收入一律上缴财政").is_empty());
        assert!(terms("本办法规定的罚款，另有规定的，从其规定").is_empty());
        assert!(terms("但不得重复扣减薪酬").is_empty());
        assert!(terms("依照《某某法》的规定可以从轻或者减轻处罚").is_empty());
        assert!(terms("可以采取电话、信函等方式").is_empty());
        assert!(terms("采取谈话函询、初步核实、暂存待查、予以了结等方式分类处置").len() <= 1);
    }

    #[test]
    fn counts_after_a_measure_and_a_gain_returned_by_choice_are_no_measures() {
        assert!(terms("今年以来给予党纪政务处分97人，组织处理35人次").is_empty());
        assert!(terms("主动退缴违纪所得").is_empty());
        // A fine of a sum, a term of months: no count of persons.
        assert_eq!(terms("处罚款人民币5万元"), ["罚款"]);
        assert_eq!(terms("责令停产停业一个月"), ["责令停产停业"]);
    }

    #[test]
    fn measures_one_giving_names_together() {
        // Each measure of one 给予, also a 处分 after a named measure.
        assert_eq!(terms("给予批评教育、处分"), ["批评教育", "处分"]);
        assert_eq!(terms("视其情节给予批评教育或者处分"), ["批评教育", "处分"]);
        assert_eq!(
            terms("依法给予处分、治安管理处罚"),
            ["处分", "治安管理处罚"]
        );
        assert_eq!(
            terms("给予警告或者由有关部门依法给予处分"),
            ["警告", "处分"]
        );
        // A 处分 given on its own beside the measures after it.
        assert_eq!(
            terms("由本单位给予处分，没收违法所得"),
            ["处分", "没收违法所得"]
        );
        // 处分 naming the kind of the measures before it is none of its own.
        assert_eq!(terms("给予降级、撤职的处分"), ["降级", "撤职"]);
        assert_eq!(
            terms("给予警告、记过或者记大过处分"),
            ["警告", "记过", "记大过"]
        );
        // 治安管理处罚 without a 给予 of its own names the law or its procedure.
        assert!(terms("违反《中华人民共和国治安管理处罚法》的").is_empty());
        assert!(terms("治安管理处罚的决定机关").is_empty());
    }

    #[test]
    fn measures_read_whole() {
        assert_eq!(
            terms("依法追究直接负责的主管人员和其他直接责任人员的刑事责任"),
            ["依法追究直接负责的主管人员和其他直接责任人员的刑事责任"]
        );
        // The deciding bodies are no part of the measure.
        assert_eq!(terms("由其所在单位或者上级单位给予通报批评"), ["通报批评"]);
        assert_eq!(terms("在全系统内通报"), ["在全系统内通报"]);
        assert_eq!(terms("予以收缴或者吊销"), ["予以收缴或者吊销"]);
        assert_eq!(terms("予以吊销、撤销"), ["予以吊销、撤销"]);
        assert_eq!(
            terms("并可以依法吊销苗圃、花木基地的经营许可证"),
            ["吊销苗圃、花木基地的经营许可证"]
        );
        // Two licences each with its noun stay apart from a measure after them.
        assert_eq!(
            terms("吊销其执业证书、撤销其鉴定资格"),
            ["吊销其执业证书", "撤销其鉴定资格"]
        );
        assert!(terms("执业证书被吊销的").is_empty());
        // The law's provision the penalty follows is part of it.
        assert_eq!(
            terms("依照《中华人民共和国治安管理处罚法》关于妨碍巡查人员执行职务行为的规定予以处罚"),
            ["依照《中华人民共和国治安管理处罚法》关于妨碍巡查人员执行职务行为的规定予以处罚"]
        );
    }

    #[test]
    fn records_bans_grades_and_damages() {
        assert_eq!(terms("并记入其信用记录"), ["记入其信用记录"]);
        assert_eq!(terms("将其列入从业禁止名单"), ["列入从业禁止名单"]);
        assert_eq!(
            terms("其法定代表人三年内不得担任同类企业的法定代表人"),
            ["三年内不得担任同类企业的法定代表人"]
        );
        assert_eq!(terms("三年内不得再次申请"), ["三年内不得再次申请"]);
        assert_eq!(terms("将其资质等级降低一级"), ["资质等级降低一级"]);
        assert_eq!(terms("责令暂停景区夜间运营"), ["责令暂停景区夜间运营"]);
        assert_eq!(
            terms("承担修复责任和赔偿损失"),
            ["承担修复责任", "赔偿损失"]
        );
        // A condition that names a list, a duty to keep files, a claim of the injured party.
        assert!(terms("被列入严重违法失信名单的").is_empty());
        assert!(terms("提起诉讼，要求返还，并赔偿损失").is_empty());
        // A generic consequence stays beside a record.
        assert_eq!(
            terms("依法追究法律责任，并记入信用记录"),
            ["依法追究法律责任", "记入信用记录"]
        );
    }

    #[test]
    fn a_measure_named_with_the_word_for_its_kind() {
        assert_eq!(terms("给予诫勉处理。"), ["诫勉"]);
        assert_eq!(terms("分别给予诫勉、批评教育处理"), ["诫勉", "批评教育"]);
    }
}
