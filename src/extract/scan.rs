//! One pass over a unit's text for every literal that can make a finder fire.
//!
//! Most sentences of a document state neither a responsibility nor a sanction. The finders
//! are gated on literals: the role terms and the predicates 负责/牵头/参与, the prefix and
//! suffix literals of each sanction pattern, the exemption phrases, 追究 and 改正 and the
//! words of task annotations (（X牵头，Y参与）), all read from the vocabularies
//! ([`super::vocab`]). All of them sit in one automaton that steps a character at a time
//! (a double-array Aho-Corasick over chars), run once over a unit; a sentence then asks
//! which literals lie wholly inside it ([`present`]), which is exactly what a search of the
//! sentence alone would have found.
//!
//! The same occurrences stand in for searches where a pattern is nothing but literals: the
//! role terms of a sentence ([`role_terms`]) and the matches of literal sanction entries
//! ([`exact_in`]).

use std::ops::Range;
use std::sync::OnceLock;

use daachorse::CharwiseDoubleArrayAhoCorasick;
use foldhash::{HashMap, HashMapExt};

use super::vocab::{self, Trigger};

/// A role term or one of the predicates 负责, 牵头, 参与.
const ROLE: u8 = 1;
/// An exemption phrase (不予追究, 从轻 …).
const EXEMPTION: u8 = 2;
/// 追究.
const PURSUE: u8 = 4;
/// 改正.
const CORRECT: u8 = 8;
/// A word without which no bracket is a task annotation (its labels and verbs: 责任部门,
/// 牵头, 参与 …).
const ANNOTATION: u8 = 16;
/// A role term (not 负责, 牵头, 参与).
const TERM: u8 = 32;
/// A word that makes a sentence one about accountability (追究, 处分, 给予 …).
const ACCOUNTABLE: u8 = 64;
/// A label of a task annotation or a 责任清单 column (责任部门, 牵头单位 …).
const LABEL: u8 = 128;

/// What a literal tells.
#[derive(Debug, Clone, Copy, Default)]
struct Lit {
    /// Bit `i`: the literal starts the matches of sanction entry `i`.
    prefix: u128,
    /// Bit `i`: the literal ends the matches of sanction entry `i`.
    suffix: u128,
    flags: u8,
}

struct Automaton {
    ac: CharwiseDoubleArrayAhoCorasick<u32>,
    lits: Vec<Lit>,
    /// Per literal: the literal sanction entries it is an alternative of (entry, place).
    exact: Vec<Vec<(usize, usize)>>,
    /// The index of 负责 (a noun in 负责人, 负责同志, …负责制).
    fuze: u32,
}

fn automaton() -> &'static Automaton {
    static A: OnceLock<Automaton> = OnceLock::new();
    A.get_or_init(|| {
        let mut words: Vec<String> = Vec::new();
        let mut lits: Vec<Lit> = Vec::new();
        // The place of each word in `words`, the order of first appearance (the automaton's
        // values; a search of `words` for each of ≈ 1 500 words cost ≈ 10 M instructions).
        let mut places: HashMap<String, usize> = HashMap::new();
        let mut index = |w: &str, words: &mut Vec<String>, lits: &mut Vec<Lit>| {
            *places.entry(w.to_string()).or_insert_with(|| {
                words.push(w.to_string());
                lits.push(Lit::default());
                words.len() - 1
            })
        };
        for (w, prefix, suffix) in trigger_literals() {
            let k = index(&w, &mut words, &mut lits);
            lits[k].prefix |= prefix;
            lits[k].suffix |= suffix;
        }
        let roles = vocab::roles();
        let triggers = vocab::triggers();
        let terms: Vec<&str> = roles.terms.iter().map(|t| t.word).collect();
        let mut role_words = terms.clone();
        role_words.extend(roles.predicates.iter().map(|&(w, _)| w));
        let annotation: Vec<&str> = roles
            .labels
            .iter()
            .chain(&roles.annotation_verbs)
            .map(|&(w, _)| w)
            .collect();
        let labels: Vec<&str> = roles.labels.iter().map(|&(w, _)| w).collect();
        let flagged: [(&[&str], u8); 8] = [
            (&role_words, ROLE),
            (&terms, TERM),
            (triggers.of(Trigger::Accountability), ACCOUNTABLE),
            (triggers.of(Trigger::Exemption), EXEMPTION),
            (triggers.of(Trigger::Pursue), PURSUE),
            (triggers.of(Trigger::Correct), CORRECT),
            (&annotation, ANNOTATION),
            (&labels, LABEL),
        ];
        for (ws, flag) in flagged {
            for w in ws {
                let k = index(w, &mut words, &mut lits);
                lits[k].flags |= flag;
            }
        }
        let mut exact_of: Vec<(usize, usize, usize)> = Vec::new();
        for (i, e) in vocab::sanctions().iter().enumerate() {
            for (place, w) in e.literals.iter().flatten().enumerate() {
                exact_of.push((index(w, &mut words, &mut lits), i, place));
            }
        }
        let fuze = index("负责", &mut words, &mut lits) as u32;
        let mut exact = vec![Vec::new(); words.len()];
        for (k, entry, place) in exact_of {
            exact[k].push((entry, place));
        }
        Automaton {
            ac: CharwiseDoubleArrayAhoCorasick::new(&words).expect("trigger automaton"),
            lits,
            exact,
            fuze,
        }
    })
}

/// The trigger literals of the sanction vocabulary, each with the entries whose matches
/// it starts (bit `i` of the first mask: entry `i`) and ends (the second mask). Every match
/// of an entry starts with one of its prefix literals and ends with one of its suffix
/// literals (both taken from its pattern by regex-syntax), so an entry can match a sentence
/// only when both a prefix and a suffix literal of it occur there; most sentences hold none.
pub fn trigger_literals() -> Vec<(String, u128, u128)> {
    let vocab = vocab::sanctions();
    assert!(vocab.len() <= 128, "the trigger masks hold 128 entries");
    let mut out: Vec<(String, u128, u128)> = Vec::new();
    // The place of each literal in `out` (by first appearance).
    let mut places: HashMap<String, usize> = HashMap::new();
    for (i, e) in vocab.iter().enumerate() {
        let (mut prefixes, mut suffixes) = (e.prefixes.clone(), e.suffixes.clone());
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
        // A literal of one character (以 of 以…罪论处, 负 of 负…赔偿责任, 证 of 吊销…证)
        // occurs in most sentences: where every literal of the other side is longer, that
        // side alone gates the entry. A match still holds one of each, and its search still
        // starts where a prefix does (`sanctions::head_starts`): the same matches, far
        // fewer occurrences to scan.
        let single = |ls: &[String]| ls.iter().any(|l| l.chars().nth(1).is_none());
        if single(&prefixes) && !single(&suffixes) {
            prefixes = suffixes.clone();
        } else if single(&suffixes) && !single(&prefixes) {
            suffixes = prefixes.clone();
        }
        for (lits, is_prefix) in [(prefixes, true), (suffixes, false)] {
            for text in lits {
                let k = *places.entry(text).or_insert_with_key(|text| {
                    out.push((text.clone(), 0, 0));
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

/// Whether `rest`, the text right after 负责, makes it the name of a system (河长负责制,
/// 总理负责制), not the verb of 负责制定/制订/制作/制止.
pub fn names_a_system(rest: &str) -> bool {
    rest.strip_prefix('制')
        .is_some_and(|r| !r.starts_with(['定', '订', '作', '止']))
}

/// One occurrence of a literal: its byte range and its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occ {
    start: u32,
    end: u32,
    lit: u32,
}

/// Every occurrence of every literal in `text`, overlapping ones included, ordered by start.
pub fn occurrences(text: &str) -> Vec<Occ> {
    let mut out: Vec<Occ> = automaton()
        .ac
        .find_overlapping_iter(text)
        .map(|m| Occ {
            start: m.start() as u32,
            end: m.end() as u32,
            lit: m.value(),
        })
        .collect();
    out.sort_unstable_by_key(|o| (o.start, o.end, o.lit));
    out
}

/// Which literals lie wholly inside `range` of `text`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Present {
    /// Bit `i`: sanction entry `i` may match (one of its prefix and one of its suffix
    /// literals occur).
    pub sanctions: u128,
    /// An exemption phrase occurs (what `exemption_re` would match).
    pub exemption: bool,
    /// 追究 occurs.
    pub pursue: bool,
    /// 改正 occurs.
    pub correct: bool,
    /// A role word that can be a statement's: any role term, or 负责/牵头/参与 except the
    /// nouns 负责人 (not 负责人员), 负责同志 and …负责制.
    pub role: bool,
    /// Any role word occurs, the nouns with 负责 included (a gate for a whole unit: whether
    /// 负责 is a noun depends on where a sentence ends).
    pub role_word: bool,
    /// A word of task annotations occurs.
    pub annotation: bool,
    /// A word about accountability occurs (追究, 处分, 给予, 予以, 通报批评, 问责, 处理, 处罚,
    /// 约谈, 诫勉).
    pub accountable: bool,
}

/// What the occurrences `occs` of `text` (from [`occurrences`]) hold inside `range`.
pub fn present(text: &str, occs: &[Occ], range: Range<usize>) -> Present {
    let a = automaton();
    let (mut prefix, mut suffix, mut flags, mut role_word) = (0u128, 0u128, 0u8, false);
    let first = occs.partition_point(|o| (o.start as usize) < range.start);
    for o in occs[first..]
        .iter()
        .take_while(|o| (o.start as usize) < range.end)
    {
        if o.end as usize > range.end {
            continue;
        }
        let lit = &a.lits[o.lit as usize];
        prefix |= lit.prefix;
        suffix |= lit.suffix;
        let mut f = lit.flags;
        role_word |= f & ROLE != 0;
        if o.lit == a.fuze {
            let after = &text[o.end as usize..range.end];
            if after.starts_with('人') && !after.starts_with("人员")
                || after.starts_with("同志")
                || names_a_system(after)
            {
                f &= !ROLE;
            }
        }
        flags |= f;
    }
    Present {
        sanctions: prefix & suffix,
        exemption: flags & EXEMPTION != 0,
        pursue: flags & PURSUE != 0,
        correct: flags & CORRECT != 0,
        role: flags & ROLE != 0,
        role_word,
        annotation: flags & ANNOTATION != 0,
        accountable: flags & ACCOUNTABLE != 0,
    }
}

/// The role terms wholly inside `range`, as a search for the leftmost term would find them
/// one after the other: the earliest start first, the longest term at a start (where one
/// term is a prefix of another the list puts the longer first), none overlapping.
pub fn role_terms(occs: &[Occ], range: Range<usize>) -> Vec<Range<usize>> {
    let a = automaton();
    let first = occs.partition_point(|o| (o.start as usize) < range.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for o in occs[first..]
        .iter()
        .take_while(|o| (o.start as usize) < range.end)
    {
        let (start, end) = (o.start as usize, o.end as usize);
        if a.lits[o.lit as usize].flags & TERM == 0 || end > range.end {
            continue;
        }
        // Occurrences come by start, then end: a longer one at the same start follows.
        match out.last_mut() {
            Some(last) if last.start == start => last.end = last.end.max(end),
            Some(last) if start < last.end => {}
            _ => out.push(start..end),
        }
    }
    out
}

/// The labels ([`LABEL`]) wholly inside `range` of `text`, as byte ranges of `text`,
/// ordered by start: each label's occurrences as a search for it alone in `&text[range]`
/// finds them one after the other (none overlapping another of the same label).
pub fn labels(occs: &[Occ], range: Range<usize>) -> Vec<Range<usize>> {
    let a = automaton();
    // (literal, end of its last occurrence taken).
    let mut taken: Vec<(u32, u32)> = Vec::new();
    let mut out = Vec::new();
    let first = occs.partition_point(|o| (o.start as usize) < range.start);
    for o in occs[first..]
        .iter()
        .take_while(|o| (o.start as usize) < range.end)
    {
        if a.lits[o.lit as usize].flags & LABEL == 0 || o.end as usize > range.end {
            continue;
        }
        match taken.iter_mut().find(|(lit, _)| *lit == o.lit) {
            Some((_, end)) if o.start < *end => continue,
            Some((_, end)) => *end = o.end,
            None => taken.push((o.lit, o.end)),
        }
        out.push(o.start as usize..o.end as usize);
    }
    out
}

/// An occurrence of an alternative of a literal sanction entry, by byte range of the
/// text it was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// The vocabulary entry.
    pub entry: usize,
    /// Its place among the entry's alternatives.
    pub alternative: usize,
}

/// The occurrences wholly inside `range` of alternatives of literal sanction entries,
/// ordered by start, as byte ranges of `&text[range]`.
pub fn exact_in(occs: &[Occ], range: Range<usize>) -> Vec<Exact> {
    let a = automaton();
    let first = occs.partition_point(|o| (o.start as usize) < range.start);
    let mut out = Vec::new();
    for o in occs[first..]
        .iter()
        .take_while(|o| (o.start as usize) < range.end)
    {
        if o.end as usize > range.end {
            continue;
        }
        for &(entry, alternative) in &a.exact[o.lit as usize] {
            out.push(Exact {
                start: o.start as usize - range.start,
                end: o.end as usize - range.start,
                entry,
                alternative,
            });
        }
    }
    out
}

/// [`present`] over the whole of `s`.
pub fn present_in(s: &str) -> Present {
    present(s, &occurrences(s), 0..s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_sees_only_the_literals_inside_it() {
        let t = "各部门负责人参加。追究责任。";
        let occs = occurrences(t);
        let first = 0..t.find('。').unwrap() + '。'.len_utf8();
        let p = present(t, &occs, first.clone());
        // 负责人 is a noun: no role word; nothing of the next sentence leaks in.
        assert!(!p.role && !p.pursue && p.sanctions == 0);
        assert!(p.role_word);
        assert!(p.annotation);
        let second = first.end..t.len();
        let q = present(t, &occs, second);
        assert!(q.pursue && q.sanctions != 0 && !q.role);
        // A literal that crosses the range end is not inside it.
        let cut = 0..t.find("追究").unwrap() + "追".len();
        assert!(!present(t, &occs, cut).pursue);
    }

    #[test]
    fn no_sanction_entry_is_gated_on_one_character() {
        // 以 (of 以…罪论处) and 负 (of 负…赔偿责任) stand in most sentences of a statute.
        for (w, _, _) in trigger_literals() {
            assert!(w.chars().nth(1).is_some(), "{w}");
        }
        assert_eq!(present_in("可以依法负担以上费用").sanctions, 0);
        let found: Vec<&str> = crate::extract::sanctions::hits("以妨害公务罪论处")
            .into_iter()
            .map(|h| h.term)
            .collect();
        assert_eq!(found, ["以妨害公务罪论处"]);
    }

    #[test]
    fn labels_are_those_a_search_for_each_finds() {
        let t = "修缮校舍。责任部门：县教育局 配合部门：县财政局；牵头单位：东湖镇";
        let mut want: Vec<Range<usize>> = vocab::roles()
            .labels
            .iter()
            .flat_map(|&(w, _)| t.match_indices(w).map(|(i, w)| i..i + w.len()))
            .collect();
        want.sort_by_key(|r| (r.start, r.end));
        assert_eq!(want.len(), 3);
        let occs = occurrences(t);
        assert_eq!(labels(&occs, 0..t.len()), want);
        // Inside a range: what a search of that slice finds, a label crossing an end left
        // out.
        let from = t.find("部门").unwrap();
        let to = t.find("单位").unwrap() + "单".len();
        let slice = &t[from..to];
        let want: Vec<Range<usize>> = want
            .into_iter()
            .filter(|r| from <= r.start && r.end <= to)
            .collect();
        assert_eq!(want.len(), 1, "{slice}");
        assert_eq!(labels(&occs, from..to), want);
    }

    #[test]
    fn role_words_other_than_the_nouns() {
        assert!(present_in("由市政府负责组织实施").role);
        assert!(present_in("各地负责人员到岗").role);
        assert!(!present_in("本单位负责同志参加").role);
        assert!(!present_in("实行河长负责制").role);
        assert!(present_in("市发展改革委负责制定实施方案").role);
        assert!(present_in("党委承担主体责任").role);
        assert!(present_in("可以从轻处理").exemption);
        assert!(present_in("责令限期改正").correct);
    }
}
