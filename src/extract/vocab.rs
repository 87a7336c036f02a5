//! The vocabularies extraction reads, parsed once from the data files in `dict/`:
//! `sanctions.tsv` (each sanction term with its class, category and penalty kind),
//! `roles.tsv` (role terms, predicates and the words of task annotations, each with its
//! canonical role) and `triggers.tsv` (the words that let a finder read a sentence at all).
//!
//! Adding a word is one line in one of those files; the files say what each field means.
//! Everything here is data: [`super::scan`] builds its automaton from it, and the finders
//! ([`super::sanctions`], [`super::roles`], [`super::conditions`]) read it.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use regex_syntax::hir::Hir;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::model::{PenaltyKind, Role, SanctionCategory};

const SANCTIONS: &str = include_str!("../../dict/sanctions.tsv");
const ROLES: &str = include_str!("../../dict/roles.tsv");
const TRIGGERS: &str = include_str!("../../dict/triggers.tsv");

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

/// Under which rules a sanction is given, which decides the category of a word such as
/// 警告: a party member's 警告 is party discipline, a civil servant's is governmental, a
/// company's under a 法律责任 chapter is an administrative penalty.
/// Where in a document a sanction entry is read (flags `chapter`, `chapter-if-any`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChapterRule {
    /// In any clause.
    Anywhere,
    /// Only in a 法律责任 / 罚则 chapter (注销其备案: elsewhere mostly the procedure when a
    /// licence lapses), so never in a document without chapters.
    Penalty,
    /// In a document with chapters only in its 法律责任 / 罚则 chapter, in one without them
    /// anywhere (承担连带责任, 赔偿损失, 予以赔偿: in the other chapters mostly the civil law's
    /// liability between parties, an insurance payout or a rule for computing compensation).
    PenaltyIfChaptered,
}

impl ChapterRule {
    /// Whether the entry is read in a clause; `penalty_chapter`: the clause sits in a
    /// 法律责任 / 罚则 chapter; `chaptered`: the document has chapters.
    pub fn reads(self, penalty_chapter: bool, chaptered: bool) -> bool {
        match self {
            ChapterRule::Anywhere => true,
            ChapterRule::Penalty => penalty_chapter,
            ChapterRule::PenaltyIfChaptered => penalty_chapter || !chaptered,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regime {
    /// Party discipline: 党员, 党组织, under party rules.
    Party,
    /// Public officials under 政务 or 组织 rules.
    Official,
    /// Citizens and organisations under the 法律责任 of a law or regulation.
    Penalty,
}

/// A sanction term's category: fixed, or one per [`Regime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CategoryRule {
    /// The same under every regime.
    Fixed(SanctionCategory),
    /// Under the party, official and penalty regime, in that order.
    ByRegime([SanctionCategory; 3]),
}

impl CategoryRule {
    /// The category under `regime`.
    pub fn under(self, regime: Regime) -> SanctionCategory {
        match self {
            CategoryRule::Fixed(c) => c,
            CategoryRule::ByRegime(cs) => match regime {
                Regime::Party => cs[0],
                Regime::Official => cs[1],
                Regime::Penalty => cs[2],
            },
        }
    }

    /// Whether the category depends on the regime.
    pub fn varies(self) -> bool {
        matches!(self, CategoryRule::ByRegime(cs) if cs.iter().any(|c| *c != cs[0]))
    }
}

/// One entry of the sanction vocabulary.
#[derive(Debug, Clone)]
pub struct SanctionEntry {
    /// The regular expression of the term.
    pub pattern: &'static str,
    /// Specific, umbrella or generic.
    pub class: Class,
    /// Its category.
    pub category: CategoryRule,
    /// Its penalty kind, where the category is an administrative penalty.
    pub kind: Option<PenaltyKind>,
    /// Criticism or admonition (counts only where a document speaks of accountability).
    pub soft: bool,
    /// Takes back a gain or an asset (没收, 追缴, 退赔, 收回奖励).
    pub gain: bool,
    /// Hands the case to another body (转请有关部门查处): not a named measure.
    pub referral: bool,
    /// Named only where a report states what was done (违纪所得予以收缴, 已被取保候审):
    /// a rule's sentence does not read it.
    pub reported: bool,
    /// An entry in a credit record or a list (记入信用记录, 列入严重违法失信名单): a sanction
    /// only as the consequence of a violation, never a body's duty of recording on its own
    /// (应当将处罚结果记入信用档案).
    pub record: bool,
    /// Borne by the subject of its clause (X与Y承担连带赔偿责任, 其直接负责的主管人员五年内不得
    /// 担任…): that subject is the target, and a 对 before the term names whom a liability is
    /// owed to (对受害人承担赔偿责任), not who bears it.
    pub borne: bool,
    /// Where in a document the entry is read.
    pub chapter: ChapterRule,
    /// The alternatives of a pattern that is nothing but literals (停职检查|停职): its
    /// matches are read off the literal scan instead of searched for.
    pub literals: Option<Vec<&'static str>>,
    /// The parsed pattern of an entry that is more than literals (none for a literal
    /// entry): parsed once for its literals and for its automaton.
    pub hir: Option<Hir>,
    /// Literals one of which starts every match.
    pub prefixes: Vec<String>,
    /// Literals one of which ends every match.
    pub suffixes: Vec<String>,
}

impl SanctionEntry {
    /// Whether the entry is a civil liability (赔偿, 连带责任) in every regime.
    pub fn civil(&self) -> bool {
        matches!(self.category, CategoryRule::Fixed(SanctionCategory::Civil))
    }

    /// The category under `regime`, with the penalty kind when it is an administrative
    /// penalty.
    pub fn category_under(&self, regime: Regime) -> (SanctionCategory, Option<PenaltyKind>) {
        let c = self.category.under(regime);
        let kind = match c {
            SanctionCategory::AdministrativePenalty => self.kind,
            SanctionCategory::PartyDiscipline
            | SanctionCategory::Governmental
            | SanctionCategory::Organisational
            | SanctionCategory::Criminal
            | SanctionCategory::Civil
            | SanctionCategory::Other => None,
        };
        (c, kind)
    }
}

/// How a role term is tied to its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// 负/承担/履行/落实 … term (主体责任, 领导责任 …).
    Duty,
    /// 是/为/作为 … term (第一责任人, 责任主体 …).
    Person,
    /// Any holder of the sentence (按照“一岗双责”要求).
    Post,
    /// 问责对象为X.
    Subject,
    /// The persons held accountable (直接负责的主管人员): as the target of 追究/处分 the
    /// term is its own holder.
    Accused,
    /// Both accused and person (直接责任人).
    AccusedPerson,
}

/// One role term.
#[derive(Debug, Clone, Copy)]
pub struct RoleTerm {
    /// As written.
    pub word: &'static str,
    /// Its canonical role.
    pub role: Role,
    /// How it is tied to its holder.
    pub tie: Tie,
}

/// The role vocabulary.
#[derive(Debug)]
pub struct Roles {
    /// Role terms of running text; where one is a prefix of another the longer comes
    /// first.
    pub terms: Vec<RoleTerm>,
    /// Predicates (负责, 牵头, 参与) and their roles.
    pub predicates: Vec<(&'static str, Role)>,
    /// Verbs that end a part of a task annotation, longer ones first where one ends
    /// another (牵头负责 before 负责).
    pub annotation_verbs: Vec<(&'static str, Role)>,
    /// Labels of 责任清单 annotations.
    pub labels: Vec<(&'static str, Role)>,
}

impl Roles {
    /// The canonical role and tie of role term `word`.
    pub fn term(&self, word: &str) -> Option<&RoleTerm> {
        self.terms.iter().find(|t| t.word == word)
    }

    /// The role of predicate `word`.
    pub fn predicate(&self, word: &str) -> Option<Role> {
        self.predicates
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, r)| r)
    }

    /// The role of annotation verb `word`.
    pub fn annotation_verb(&self, word: &str) -> Option<Role> {
        self.annotation_verbs
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, r)| r)
    }

    /// The role of label `word`.
    pub fn label(&self, word: &str) -> Option<Role> {
        self.labels
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, r)| r)
    }
}

/// What a trigger word lets a finder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// Lessens or lifts accountability (不予追究, 从轻).
    Exemption,
    /// Makes a sentence one about holding someone to account (追究, 处分, 给予 …).
    Accountability,
    /// 追究: a consequence even where no measure is named.
    Pursue,
    /// 改正: a corrective order that an escalation may build on.
    Correct,
    /// A sanction under party discipline (党纪, 党员).
    PartyContext,
    /// A sanction of public officials (政务处分, 工作人员).
    OfficialContext,
    /// An administrative penalty (罚款, 吊销).
    PenaltyContext,
    /// A document of the party (its title or opening text names it).
    PartyDocument,
    /// A report of sanctions given (通报, 处分决定) by the kind its title names.
    Report,
    /// A surname, the character before 某 in a name a report gives (张某某).
    Surname,
    /// A standing that is no violation (教师是中共党员的: the rule for such persons).
    Status,
}

/// The trigger words, by kind.
#[derive(Debug)]
pub struct Triggers {
    /// (kind, its words in the file's order).
    by_kind: Vec<(Trigger, Vec<&'static str>)>,
    /// Per kind (in the order of `by_kind`), its words as one automaton.
    finders: Vec<AhoCorasick>,
}

impl Triggers {
    /// The words of one kind, in the file's order.
    pub fn of(&self, kind: Trigger) -> &[&'static str] {
        self.by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, ws)| ws.as_slice())
    }

    /// Whether `text` holds a word of `kind`.
    pub fn any_in(&self, kind: Trigger, text: &str) -> bool {
        self.by_kind
            .iter()
            .position(|(k, _)| *k == kind)
            .is_some_and(|i| self.finders[i].is_match(text))
    }
}

/// The data lines of a vocabulary file: (line number, tab-separated fields), comments
/// and blank lines skipped.
fn rows(file: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    file.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

fn category(name: &str, file: &str, line: usize) -> SanctionCategory {
    name.parse::<SanctionCategory>()
        .ok()
        .unwrap_or_else(|| panic!("{file}:{line}: unknown category {name:?}"))
}

/// The sanction vocabulary, in the file's order.
pub fn sanctions() -> &'static [SanctionEntry] {
    static V: OnceLock<Vec<SanctionEntry>> = OnceLock::new();
    V.get_or_init(|| {
        rows(SANCTIONS)
            .map(|(line, f)| {
                let file = "dict/sanctions.tsv";
                let [pattern, class, cat, kind, flags] = f[..] else {
                    panic!("{file}:{line}: five fields expected, found {}", f.len());
                };
                let class = match class {
                    "specific" => Class::Specific,
                    "umbrella" => Class::Umbrella,
                    "generic" => Class::Generic,
                    other => panic!("{file}:{line}: unknown class {other:?}"),
                };
                let cats: Vec<SanctionCategory> =
                    cat.split('|').map(|c| category(c, file, line)).collect();
                let category = match cats[..] {
                    [c] => CategoryRule::Fixed(c),
                    [p, o, x] => CategoryRule::ByRegime([p, o, x]),
                    _ => panic!("{file}:{line}: one category or three joined by |"),
                };
                let kind = match kind {
                    "-" => None,
                    k => Some(
                        k.parse::<PenaltyKind>()
                            .ok()
                            .unwrap_or_else(|| panic!("{file}:{line}: unknown kind {k:?}")),
                    ),
                };
                let flags: Vec<&str> = flags.split(',').filter(|x| *x != "-").collect();
                for x in &flags {
                    assert!(
                        [
                            "soft",
                            "gain",
                            "referral",
                            "reported",
                            "record",
                            "borne",
                            "chapter",
                            "chapter-if-any"
                        ]
                        .contains(x),
                        "{file}:{line}: unknown flag {x:?}"
                    );
                }
                let literals = pattern
                    .chars()
                    .all(|c| c == '|' || !regex_syntax::is_meta_character(c))
                    .then(|| pattern.split('|').collect::<Vec<_>>());
                let hir = literals.is_none().then(|| {
                    regex_syntax::parse(pattern)
                        .unwrap_or_else(|e| panic!("{file}:{line}: bad pattern {pattern}: {e}"))
                });
                let (prefixes, suffixes) = match (&literals, &hir) {
                    (Some(alts), _) => {
                        let alts: Vec<String> = alts.iter().map(|a| a.to_string()).collect();
                        (alts.clone(), alts)
                    }
                    (None, Some(hir)) => (
                        literals_of(pattern, hir, ExtractKind::Prefix),
                        literals_of(pattern, hir, ExtractKind::Suffix),
                    ),
                    (None, None) => unreachable!("a pattern is literals or parsed"),
                };
                SanctionEntry {
                    pattern,
                    class,
                    category,
                    kind,
                    soft: flags.contains(&"soft"),
                    gain: flags.contains(&"gain"),
                    referral: flags.contains(&"referral"),
                    reported: flags.contains(&"reported"),
                    record: flags.contains(&"record"),
                    borne: flags.contains(&"borne"),
                    chapter: match (
                        flags.contains(&"chapter"),
                        flags.contains(&"chapter-if-any"),
                    ) {
                        (false, false) => ChapterRule::Anywhere,
                        (true, false) => ChapterRule::Penalty,
                        (false, true) => ChapterRule::PenaltyIfChaptered,
                        (true, true) => panic!("{file}:{line}: chapter and chapter-if-any"),
                    },
                    literals,
                    hir,
                    prefixes,
                    suffixes,
                }
            })
            .collect()
    })
}

/// The literals one of which starts (or ends) every match of `pattern` (parsed: `hir`).
fn literals_of(pattern: &str, hir: &Hir, kind: ExtractKind) -> Vec<String> {
    // Classes of up to 32 characters (年数 [一二…十0-9]) still give literals.
    let seq = Extractor::new()
        .kind(kind.clone())
        .limit_class(32)
        .extract(hir);
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

/// The role vocabulary.
pub fn roles() -> &'static Roles {
    static R: OnceLock<Roles> = OnceLock::new();
    R.get_or_init(|| {
        let file = "dict/roles.tsv";
        let mut r = Roles {
            terms: Vec::new(),
            predicates: Vec::new(),
            annotation_verbs: Vec::new(),
            labels: Vec::new(),
        };
        for (line, f) in rows(ROLES) {
            let [kind, word, role, tie] = f[..] else {
                panic!("{file}:{line}: four fields expected, found {}", f.len());
            };
            let role = role
                .parse::<Role>()
                .ok()
                .unwrap_or_else(|| panic!("{file}:{line}: role {role:?}"));
            match kind {
                "term" => {
                    let tie = match tie {
                        "duty" => Tie::Duty,
                        "person" => Tie::Person,
                        "post" => Tie::Post,
                        "subject" => Tie::Subject,
                        "accused" => Tie::Accused,
                        "accused-person" => Tie::AccusedPerson,
                        other => panic!("{file}:{line}: unknown tie {other:?}"),
                    };
                    r.terms.push(RoleTerm { word, role, tie });
                }
                "predicate" => r.predicates.push((word, role)),
                "annotation" => r.annotation_verbs.push((word, role)),
                "label" => r.labels.push((word, role)),
                other => panic!("{file}:{line}: unknown kind {other:?}"),
            }
        }
        r
    })
}

/// The trigger words.
pub fn triggers() -> &'static Triggers {
    static T: OnceLock<Triggers> = OnceLock::new();
    T.get_or_init(|| {
        let file = "dict/triggers.tsv";
        let mut by_kind: Vec<(Trigger, Vec<&'static str>)> = Vec::new();
        for (line, f) in rows(TRIGGERS) {
            let [word, kind] = f[..] else {
                panic!("{file}:{line}: two fields expected, found {}", f.len());
            };
            let kind = match kind {
                "exemption" => Trigger::Exemption,
                "accountability" => Trigger::Accountability,
                "pursue" => Trigger::Pursue,
                "correct" => Trigger::Correct,
                "party-context" => Trigger::PartyContext,
                "official-context" => Trigger::OfficialContext,
                "penalty-context" => Trigger::PenaltyContext,
                "party-document" => Trigger::PartyDocument,
                "report" => Trigger::Report,
                "surname" => Trigger::Surname,
                "status" => Trigger::Status,
                other => panic!("{file}:{line}: unknown kind {other:?}"),
            };
            match by_kind.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, ws)) => ws.push(word),
                None => by_kind.push((kind, vec![word])),
            }
        }
        let finders = by_kind
            .iter()
            .map(|(_, ws)| AhoCorasick::new(ws).expect("trigger words"))
            .collect();
        Triggers { by_kind, finders }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabularies_parse() {
        assert!(sanctions().len() > 40 && sanctions().len() <= 128);
        let r = roles();
        assert!(r.terms.len() > 10 && !r.predicates.is_empty() && !r.labels.is_empty());
        for k in [
            Trigger::Exemption,
            Trigger::Accountability,
            Trigger::Pursue,
            Trigger::Correct,
            Trigger::PartyContext,
            Trigger::OfficialContext,
            Trigger::PenaltyContext,
            Trigger::PartyDocument,
            Trigger::Report,
            Trigger::Surname,
            Trigger::Status,
        ] {
            assert!(!triggers().of(k).is_empty(), "{k:?}");
        }
    }

    #[test]
    fn longer_role_terms_come_before_their_prefixes() {
        let terms = &roles().terms;
        for (i, a) in terms.iter().enumerate() {
            for b in &terms[..i] {
                assert!(
                    !a.word.starts_with(b.word),
                    "{} must come before {}",
                    a.word,
                    b.word
                );
            }
        }
        let verbs = &roles().annotation_verbs;
        for (i, (a, _)) in verbs.iter().enumerate() {
            for (b, _) in &verbs[..i] {
                assert!(!a.ends_with(b), "{a} must come before {b}");
            }
        }
    }

    #[test]
    fn every_category_is_a_contract_one_and_kinds_go_with_penalties() {
        for e in sanctions() {
            let penalty = [Regime::Party, Regime::Official, Regime::Penalty]
                .iter()
                .any(|&r| e.category.under(r) == SanctionCategory::AdministrativePenalty);
            assert!(
                e.kind.is_none() || penalty,
                "{}: a penalty kind without an administrative penalty",
                e.pattern
            );
        }
        // 警告 depends on whom it hits.
        let warning = sanctions().iter().find(|e| e.pattern == "警告").unwrap();
        assert_eq!(
            warning.category_under(Regime::Penalty),
            (
                SanctionCategory::AdministrativePenalty,
                Some(PenaltyKind::Reputational)
            )
        );
        assert_eq!(
            warning.category_under(Regime::Party),
            (SanctionCategory::PartyDiscipline, None)
        );
        assert_eq!(
            warning.category_under(Regime::Official),
            (SanctionCategory::Governmental, None)
        );
    }
}
