//! Lint: numbering QA over a document's clause tree (`gongwen check`).
//!
//! Input: one [`DocTree`] from the structure stage and its [`SourceText`]; output: a
//! [`Lint`] with the profile chosen for the document and its [`Diagnostic`]s — the
//! structure stage's own notes (garbled markers, document counts) plus this stage's
//! findings, re-levelled or dropped per the [`Config`]. Every finding names its rule (see
//! [`rules::RULES`]), the standard clause it rests on, and a line/column in the ORIGINAL file.
//!
//! Sub-modules: [`sequence`] (gap, duplicate, order, start), [`style`] (marker punctuation,
//! mixed styles), [`levels`] (ladder skips and reversals), [`heading`] (headings ending in
//! 。), [`nearby`] (damaged or mis-punctuated markers the structure stage did not take),
//! [`recover`] (well-formed markers the structure stage left out because they break the
//! sequence: put back before the rules run), [`scope`] (annexes, note lists and quotations:
//! what is numbered apart from the body), [`unnumbered`] (headings that lost their number).

pub mod citations;
pub mod config;
pub mod elements;
pub mod heading;
pub mod levels;
pub mod nearby;
pub mod profile;
pub mod recover;
pub mod rules;
pub mod scope;
pub mod sequence;
pub mod standards;
pub mod style;
pub mod unnumbered;

pub use config::{Config, ConfigError, Level};
pub use profile::Profile;
use rules::Standard;

use crate::budget;
use crate::model::{Diagnostic, Rule, Severity, Stage};
use crate::structure::{DocTree, Node};
use crate::text::SourceText;

/// The lint result for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    /// The profile the document was checked under.
    pub profile: Profile,
    /// All diagnostics of the document, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Check one document: its profile and its numbering findings (the structure stage's
/// diagnostics included, so that every printer shows them once).
pub fn check(src: &SourceText, doc: &DocTree, cfg: &Config) -> Lint {
    let profile = cfg.profile.unwrap_or_else(|| profile::detect(doc));
    let full = recover::augment(src, doc);
    let mut cx = Ctx::new(src, &full, profile);
    budget::checkpoint(Stage::Lint);
    sequence::check(&mut cx);
    unnumbered::check(&mut cx);
    style::check(&mut cx);
    levels::check(&mut cx);
    heading::check(&mut cx);
    heading::glued(&mut cx);
    garbled_nodes(&mut cx);
    let mut all = doc.diagnostics.clone();
    all.extend(cx.out);
    all.sort_by_key(|d| (d.line, d.column));
    dedup(&mut all);
    Lint {
        profile,
        diagnostics: cfg.apply(all),
    }
}

/// Findings on what a document says of itself and of its clauses: stale references
/// (`dangling-reference`) and the form of its GB/T 9704 elements (`doc-number-format`,
/// `date-format`, `attachment-format`). A rule that belongs to other profiles stays off
/// unless the configuration sets its level. Sorted by position.
pub fn check_document(
    src: &SourceText,
    meta: &crate::model::Metadata,
    refs: &[crate::model::Reference],
    profile: Profile,
    cfg: &Config,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    citations::check(src, refs, &mut out);
    elements::check(src, meta, &mut out);
    out.retain(|d| cfg.levels.contains_key(&d.rule) || rules::on_by_default(d.rule, profile));
    out.sort_by_key(|d| (d.line, d.column));
    dedup(&mut out);
    cfg.apply(out)
}

/// Findings of a convention of form ([`rules::convention_since`]) that took effect after
/// the document's latest date (its 成文日期 or the last dated event of its history; when its
/// text dates it nowhere, the date its file name carries, `file_date`) become notes: a 1986
/// regulation could not follow a ladder first laid down in 2000. A rule whose level the
/// configuration sets keeps it.
pub fn predating(
    meta: &crate::model::Metadata,
    file_date: Option<&str>,
    cfg: &Config,
    diags: &mut [Diagnostic],
) {
    let in_text = meta
        .events
        .iter()
        .filter_map(|e| e.date.as_deref())
        .chain(meta.date.as_ref().map(|e| e.value.as_str()))
        .max();
    let (latest, by) = match (in_text, file_date) {
        (Some(d), _) => (d, ""),
        (None, Some(d)) => (d, " by its file name"),
        (None, None) => return,
    };
    for d in diags {
        if d.severity == Severity::Info || cfg.levels.contains_key(&d.rule) {
            continue;
        }
        let Some(from) = rules::convention_since(d.rule) else {
            continue;
        };
        if latest < from {
            d.severity = Severity::Info;
            d.message = format!(
                "{} — a note: the document, dated {latest}{by}, predates the convention (in force from {from})",
                d.message
            );
        }
    }
}

/// A finding of `rule` at a line and column, with the rule's severity and standard.
pub(crate) fn finding(rule: Rule, line: u64, column: u64, message: String) -> Diagnostic {
    let info = rules::info(rule);
    let standard = info.standard.text();
    Diagnostic {
        path: None,
        rule,
        severity: info.severity,
        message,
        line,
        column,
        expected: None,
        found: None,
        standard: (!standard.is_empty()).then(|| standard.to_string()),
        document: None,
        clause_path: None,
        profile: None,
        locator: None,
    }
}

/// Shared state of one document's check.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The decoded source.
    pub src: &'a SourceText,
    /// The clause tree.
    pub doc: &'a DocTree,
    /// The profile in force.
    pub profile: Profile,
    /// `skip[i]`: node `i` is out of scope (an entry of a list of attached files after
    /// 附件：, a marker inside a quotation).
    pub skip: Vec<bool>,
    /// `scope[i]`: the numbering scope of node `i` (0: the body; each annex its own).
    pub scope: Vec<u32>,
    /// The document's numbering officially carries on from an earlier part (an amendment,
    /// a 编 of a code published on its own): a unit sequence may start above one.
    pub continuation: bool,
    /// Headings without a number, each with the number it lost.
    pub lost: Vec<unnumbered::Lost>,
    /// Findings so far.
    pub out: Vec<Diagnostic>,
    /// Every node's start (decoded offset), sorted: which positions a marker was taken at.
    starts: Vec<usize>,
    /// Lines where the structure stage reported a garbled marker, sorted.
    garbled_lines: Vec<u64>,
}

impl<'a> Ctx<'a> {
    fn new(src: &'a SourceText, doc: &'a DocTree, profile: Profile) -> Self {
        let scopes = scope::of(src, doc);
        let skip: Vec<bool> = (0..doc.nodes.len())
            .map(|i| scopes.listed[i] || scopes.quoted[i])
            .collect();
        let mut starts: Vec<usize> = doc.nodes.iter().map(|n| n.start).collect();
        starts.sort_unstable();
        let mut garbled_lines: Vec<u64> = doc
            .diagnostics
            .iter()
            .filter(|d| d.rule == Rule::GarbledMarker)
            .map(|d| d.line)
            .collect();
        garbled_lines.sort_unstable();
        Ctx {
            src,
            doc,
            profile,
            skip,
            scope: scopes.scope,
            continuation: continues_numbering(doc),
            lost: unnumbered::lost(doc),
            out: Vec::new(),
            starts,
            garbled_lines,
        }
    }

    /// A finding of `rule` at node `i`'s marker.
    pub fn at_node(&self, rule: Rule, i: usize, message: String) -> Diagnostic {
        let n = &self.doc.nodes[i];
        let mut d = self.at(rule, n.line, n.column, message);
        d.found = Some(n.marker.trim().to_string());
        d.clause_path = Some(n.path.clone());
        d
    }

    /// A finding of `rule` at a decoded offset.
    pub fn at_offset(&self, rule: Rule, pos: usize, message: String) -> Diagnostic {
        let (line, column) = self.src.line_col(pos);
        self.at(rule, line, column, message)
    }

    fn at(&self, rule: Rule, line: usize, column: usize, message: String) -> Diagnostic {
        let info = rules::info(rule);
        let standard = match info.standard {
            Standard::Fixed(s) => s,
            Standard::Sequence => self.profile.sequence_standard(),
            Standard::Ladder => self.profile.ladder_standard(),
            Standard::None => "",
        };
        Diagnostic {
            path: None,
            rule,
            severity: info.severity,
            message,
            line: line as u64,
            column: column as u64,
            expected: None,
            found: None,
            standard: (!standard.is_empty()).then(|| standard.to_string()),
            document: None,
            clause_path: None,
            profile: None,
            locator: None,
        }
    }

    /// Whether node `i` is in scope.
    pub fn live(&self, i: usize) -> bool {
        !self.skip[i]
    }

    /// Whether the structure stage already reported a garbled marker on `line`.
    pub fn structure_garbled_on(&self, line: usize) -> bool {
        self.garbled_lines.binary_search(&(line as u64)).is_ok()
    }

    /// Whether the structure stage reported a garbled marker between two lines (inclusive).
    pub fn structure_garbled_between(&self, from: usize, to: usize) -> bool {
        let i = self.garbled_lines.partition_point(|&l| l < from as u64);
        self.garbled_lines.get(i).is_some_and(|&l| l <= to as u64)
    }

    /// Whether some node starts at decoded offset `pos`.
    pub fn node_starts_at(&self, pos: usize) -> bool {
        self.starts.binary_search(&pos).is_ok()
    }
}

/// Title words of documents whose numbering officially carries on from another (an
/// amendment numbers its articles on from the previous one).
const CONTINUING_TITLES: &[&str] = &["修正案"];

/// Whether `doc`'s numbering officially starts above one: an amendment, or a document whose
/// first article is numbered above 2 (a 编 of a code in a file of its own; a lost 第一条
/// marker leaves a 第二条).
fn continues_numbering(doc: &DocTree) -> bool {
    use crate::structure::Style;
    let first_article = doc
        .nodes
        .iter()
        .find(|n| n.style == Style::Article && n.insert == 0);
    first_article.is_some_and(|n| n.number > 2)
        || doc
            .title
            .as_deref()
            .is_some_and(|t| CONTINUING_TITLES.iter().any(|w| t.contains(w)))
}

/// The canonical marker for `number` in the style of `like` (with 、 or . where that style
/// takes punctuation): what a finding names as expected.
pub fn expected_marker(like: &Node, number: u32) -> String {
    use style::Form;
    let base = like.style.render(number);
    match style::form(like.style) {
        Form::Dun => format!("{base}、"),
        Form::Dot => {
            let dot = match like.punct {
                Some('．') => '．',
                _ => '.',
            };
            format!("{base}{dot}")
        }
        Form::Brackets | Form::Shi | Form::Closed => base,
    }
}

/// A garbled node (number recovered by the structure stage) that the structure stage did
/// not report itself.
fn garbled_nodes(cx: &mut Ctx) {
    for (i, n) in cx.doc.nodes.iter().enumerate() {
        if n.garbled && cx.live(i) && !cx.structure_garbled_on(n.line) {
            let want = expected_marker(n, n.number);
            let mut d = cx.at_node(
                Rule::GarbledMarker,
                i,
                format!("damaged marker `{}`: {want} belongs here", n.marker.trim()),
            );
            d.expected = Some(want);
            cx.out.push(d);
        }
    }
}

/// Drop exact repeats (same rule at the same place).
fn dedup(all: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    all.retain(|d| seen.insert((d.rule, d.line, d.column)));
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;
    use crate::structure;

    /// Lint a text with the default configuration; (rule, line) pairs.
    pub fn lint(text: &str) -> Vec<(String, u64)> {
        lint_full(text, &Config::default())
            .into_iter()
            .map(|d| (d.rule.name().to_string(), d.line))
            .collect()
    }

    /// Lint a text; the full diagnostics.
    pub fn lint_full(text: &str, cfg: &Config) -> Vec<Diagnostic> {
        let src = SourceText::from_utf8(text);
        let a = structure::analyse(&src);
        a.documents
            .iter()
            .flat_map(|d| check(&src, d, cfg).diagnostics)
            .collect()
    }

    /// Lint a text; the rules found (any line).
    pub fn rules_of(text: &str) -> Vec<String> {
        lint(text).into_iter().map(|(r, _)| r).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::lint;
    use super::*;
    use crate::model::Severity;

    #[test]
    fn structure_garbled_marker_is_printed_once() {
        let f = lint("一、总则\n（一）甲。\n(- - )乙。\n（三）丙。\n");
        assert_eq!(f, vec![("garbled-marker".into(), 3)]);
    }

    #[test]
    fn structure_diagnostics_pass_through_and_follow_the_config() {
        let src = SourceText::from_utf8("汇编3篇\n一、甲。\n二、乙。\n");
        let mut doc = crate::structure::analyse(&src).documents.remove(0);
        doc.diagnostics.push(Diagnostic {
            path: None,
            rule: Rule::DocumentCount,
            severity: Severity::Warning,
            message: "declared 3, found 1".into(),
            line: 1,
            column: 1,
            expected: Some("3".into()),
            found: Some("1".into()),
            standard: None,
            document: Some(1),
            clause_path: None,
            profile: None,
            locator: None,
        });
        let out = check(&src, &doc, &Config::default()).diagnostics;
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].rule, Rule::DocumentCount);
        let mut cfg = Config::default();
        cfg.set("document-count", Level::Deny).unwrap();
        assert_eq!(
            check(&src, &doc, &cfg).diagnostics[0].severity,
            Severity::Error
        );
        cfg.set("document-count", Level::Allow).unwrap();
        assert!(check(&src, &doc, &cfg).diagnostics.is_empty());
    }

    #[test]
    fn a_convention_younger_than_the_document_is_a_note() {
        use crate::pipeline::{Options, process_str};
        let findings = |date: &str, opts: &Options| -> Vec<(Rule, Severity, u64)> {
            let t = format!(
                "临水县职称评定暂行规定\n\n{date} 临水县人民政府发布\n\n一、评定范围\n\n1．在编技术人员。\n\n2．聘用技术人员。\n\n二、评定程序\n\n（一）个人申报。\n\n（三）单位推荐。\n"
            );
            process_str("t.txt", &t, opts).documents[0]
                .diagnostics
                .iter()
                .map(|d| (d.rule, d.severity, d.line))
                .collect()
        };
        let opts = Options::default();
        // 1． right under 一、 skips the （一） rung of GB/T 9704-2012: a warning in a text of
        // 2020, a note in one of 1986. The gap is a defect whatever the date.
        assert_eq!(
            findings("2020年5月6日", &opts),
            vec![
                (Rule::LevelSkip, Severity::Warning, 7),
                (Rule::NumberingGap, Severity::Error, 15),
            ]
        );
        assert_eq!(
            findings("1986年5月6日", &opts),
            vec![
                (Rule::LevelSkip, Severity::Info, 7),
                (Rule::NumberingGap, Severity::Error, 15),
            ]
        );
        // A level the configuration sets is kept.
        let mut opts = Options::default();
        opts.lint.set("level-skip", Level::Deny).unwrap();
        assert_eq!(findings("1986年5月6日", &opts)[0].1, Severity::Error);
    }

    #[test]
    fn profiles_are_detected() {
        let detect = |t: &str| {
            let src = SourceText::from_utf8(t);
            profile::detect(&crate::structure::analyse(&src).documents[0])
        };
        assert_eq!(
            detect("某市条例\n第一章 总则\n第一条 甲。\n第二条 乙。\n"),
            Profile::Statute
        );
        assert_eq!(
            detect("中国共产党某某工作规定\n第一条 甲。\n第二条 乙。\n"),
            Profile::PartyRule
        );
        assert_eq!(
            detect("关于做好工作的通知\n一、总体要求\n（一）甲。\n"),
            Profile::Gongwen
        );
        assert_eq!(detect("说明\n1.甲。\n"), Profile::Generic);
    }
}
