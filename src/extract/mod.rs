//! Extraction: responsibility holders, accountability conditions and sanctions, each tied
//! to its clause.
//!
//! Input: one [`DocTree`] and its [`SourceText`]; output: the contract's
//! [`Responsibility`], [`Condition`] and [`Sanction`] lists for that document.
//!
//! Each clause's own text (and the preamble, path `""`) becomes a [`unit::Unit`]: cleaned
//! of whitespace, mapped back to the source. The tree supplies the context a sentence alone
//! lacks: the holder named by a list's lead sentence (地方党委…主要包括：), whether a list is
//! one of accountability conditions (有下列情形之一的，给予…： or a heading such as
//! 追究责任的情形), and whether a clause sits in a chapter about accountability.
//!
//! Sub-modules: [`vocab`] (the vocabularies of `dict/`, parsed once), [`scan`] (the
//! literals that gate the finders, found in one pass), [`unit`](mod@unit) (cleaned text,
//! sentences), [`phrase`] (holder noun phrases on the jieba-rs segmentation), and the
//! finders [`roles`], [`conditions`], [`sanctions`] and [`reports`] (sanctions reported as
//! given).

pub mod conditions;
pub mod phrase;
pub mod reports;
pub mod roles;
pub mod sanctions;
pub mod scan;
pub mod unit;
pub mod vocab;

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::budget;
use crate::model::{
    Accountability, Condition, ConditionKind, PenaltyKind, Responsibility, Role, Sanction,
    SanctionCategory, Stage, Style,
};
use crate::structure::DocTree;
use crate::text::{MappedText, SourceText};
use sanctions::Hit;
use unit::Unit;
use vocab::{Class, Regime};

/// What extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Responsibility statements.
    pub responsibilities: Vec<Responsibility>,
    /// Conditions and sanctions.
    pub accountability: Accountability,
}

/// Everything a finder needs to know about the unit it reads.
#[derive(Debug)]
pub struct Ctx<'a> {
    src: &'a SourceText,
    /// The clause's path (`""` for the preamble).
    pub path: &'a str,
    /// The cleaned text.
    pub unit: &'a Unit<'a>,
    /// The parent's unit when the lead sentence of its list may name the items' holder,
    /// with that holder once found ([`Ctx::lead_holder`]: segmentation only where an item
    /// asks for it).
    lead: Option<(&'a Unit<'a>, &'a OnceCell<Option<String>>)>,
    /// Whether soft measures (约谈, 批评教育 …) count here: false in a chapter that is not
    /// about accountability when the document has one that is.
    pub soft_ok: bool,
    /// The regime of the document where a sentence says nothing of its own: party
    /// discipline in a party document, else the rules for officials.
    pub doc_regime: Regime,
    /// Whether the clause sits in a 法律责任 or 罚则 chapter.
    pub penalty_chapter: bool,
    /// Whether the document has chapters: 第X章 clauses, or a 法律责任 / 罚则 chapter of
    /// another numbering (五、罚则).
    pub chaptered: bool,
    /// Whether the document reports sanctions given (通报, 处分决定).
    pub report: bool,
    /// The measures the parent's lead names (依照下列规定处以罚款：): an item that names one
    /// again only sets its amount (（一）发生一般事故的，处…罚款).
    pub lead_measures: &'a [String],
}

impl Ctx<'_> {
    /// The holder named by the lead sentence of the parent's list, if any.
    pub fn lead_holder(&self) -> Option<String> {
        let (u, holder) = self.lead?;
        holder.get_or_init(|| lead_holder(u)).clone()
    }

    fn line(&self, at: usize) -> u64 {
        self.src.line_of(self.unit.source_offset(at)) as u64
    }

    /// A responsibility entry; `quote` is a byte range of the unit text, `at` the position
    /// whose line is reported.
    pub fn responsibility(
        &self,
        holder: String,
        role: Role,
        quote: Range<usize>,
        at: usize,
    ) -> Responsibility {
        // The cell of a markdown table row (`| 县委书记 | …`) keeps its leading bar.
        let holder = match holder.strip_prefix(['|', '｜']) {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => holder,
        };
        Responsibility {
            holder,
            role,
            clause_path: self.path.to_string(),
            quote: self.quote_text(quote).to_string(),
            line: self.line(at),
        }
    }

    /// The text a responsibility quotes for the byte range `quote` of the unit text.
    pub fn quote_text(&self, quote: Range<usize>) -> &str {
        self.unit.text[quote].trim_end_matches(['。', '；', ';', '：', ':', '，', ','])
    }

    /// A condition entry starting at byte `at` of the unit text.
    pub fn condition(&self, text: &str, kind: ConditionKind, at: usize) -> Condition {
        Condition {
            clause_path: self.path.to_string(),
            text: text.to_string(),
            kind,
            line: self.line(at),
        }
    }

    /// Whether sanction entry `e` is read in this clause (its [`vocab::ChapterRule`]).
    pub fn reads(&self, e: &vocab::SanctionEntry) -> bool {
        e.chapter.reads(self.penalty_chapter, self.chaptered)
    }

    /// The regime under which hit `h` of sentence `s` is given to `target`.
    pub fn regime_of(&self, s: &str, h: &Hit<'_>, target: Option<&str>) -> Regime {
        sanctions::regime(self.doc_regime, self.penalty_chapter, s, h, target)
    }

    /// A sanction entry whose term stands at byte `at` of the unit text.
    #[allow(clippy::too_many_arguments)]
    pub fn sanction(
        &self,
        term: &str,
        category: SanctionCategory,
        penalty_kind: Option<PenaltyKind>,
        imposed: bool,
        target: Option<String>,
        quote: String,
        at: usize,
    ) -> Sanction {
        Sanction {
            sanction: term.to_string(),
            category,
            penalty_kind,
            imposed,
            target,
            clause_path: self.path.to_string(),
            quote,
            line: self.line(at),
        }
    }
}

fn acc_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new("追究|追责|问责|责任追究|法律责任|罚则|奖惩|惩处|处分|处理|免责|纪律")
            .expect("regex")
    })
}

fn penalty_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // 法律责任, 罚则, 监督检查与法律责任; a chapter of penalties alone or after the rewards
    // (处罚, 奖励与处罚, 表彰和惩罚).
    RE.get_or_init(|| {
        Regex::new(
            r"法律责任|罚则|^\s*(?:(?:奖励|表彰|奖惩)(?:与|和|及|、))?(?:处罚|惩罚|惩处|罚)\s*$",
        )
        .expect("regex")
    })
}

/// Whether a document is one of the party's (党内法规, a party body's notice): its title or
/// the opening of the text before its first clause (where the approving or issuing body
/// stands) names the party.
fn party_document(doc: &DocTree) -> bool {
    let pre = doc.preamble.as_str();
    let opening = pre.char_indices().nth(120).map_or(pre, |(i, _)| &pre[..i]);
    let t = vocab::triggers();
    doc.title
        .iter()
        .map(String::as_str)
        .chain([opening])
        .any(|x| t.any_in(vocab::Trigger::PartyDocument, x))
}

fn acc_list_heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new("(?:追究|追责|问责|处分|处理|免责|免予).{0,6}(?:情形|情况|行为)").expect("regex")
    })
}

/// Build the patterns and the literal automaton that extraction reads (otherwise built on
/// first use).
pub fn prepare() {
    std::hint::black_box(scan::present_in("依法给予警告"));
    std::hint::black_box(sanctions::hits("依法追究其刑事责任"));
}

/// Extract responsibilities and accountability from one document.
pub fn extract(src: &SourceText, doc: &DocTree) -> Extraction {
    let closing = closing_paragraphs(doc);
    let units: Vec<Unit> = doc
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| match &closing {
            Some((last, item, _)) if *last == i => Unit::new(item, n.heading.as_deref()),
            _ => Unit::new(&n.own, n.heading.as_deref()),
        })
        .collect();
    let closing_unit = closing.as_ref().map(|(_, _, tail)| Unit::new(tail, None));
    let preamble = Unit::preamble(&doc.preamble);

    // Chapters (top-level clauses with children) about accountability.
    let heading = |i: usize| -> &str {
        let u = &units[i];
        if !u.heading().is_empty() {
            u.heading()
        } else if u.text.len() <= 64
            && u.text.chars().count() <= 16
            && !u.text.contains(['。', '，', ',', '；'])
        {
            &u.text
        } else {
            ""
        }
    };
    let chapter_of = |mut i: usize| {
        while let Some(p) = doc.nodes[i].parent {
            i = p;
        }
        i
    };
    let is_chapter = |i: usize| {
        doc.nodes[i].parent.is_none() && !doc.nodes[i].children.is_empty() && !heading(i).is_empty()
    };
    let acc_chapters: Vec<bool> = (0..doc.nodes.len())
        .map(|i| is_chapter(i) && acc_heading_re().is_match(heading(i)))
        .collect();
    let has_acc_chapter = acc_chapters.iter().any(|&b| b);
    // A 法律责任 chapter may sit inside a 编 (or a 分编): any clause above `i` that is a
    // chapter — a top-level clause with a heading, or a 第X章 at any depth — may name it.
    let penalty_heading = |i: usize| {
        (is_chapter(i) || doc.nodes[i].style == Style::Chapter && !heading(i).is_empty())
            && penalty_heading_re().is_match(heading(i))
    };
    let penalty_chapters: Vec<bool> = (0..doc.nodes.len())
        .map(|i| {
            let mut at = Some(i);
            while let Some(a) = at {
                if penalty_heading(a) {
                    return true;
                }
                at = doc.nodes[a].parent;
            }
            false
        })
        .collect();
    let chaptered =
        doc.nodes.iter().any(|n| n.style == Style::Chapter) || penalty_chapters.iter().any(|&b| b);
    let report = {
        let pre = doc.preamble.as_str();
        let opening = pre.char_indices().nth(120).map_or(pre, |(i, _)| &pre[..i]);
        reports::is_report(doc.title.as_deref(), opening)
    };
    let doc_regime = if party_document(doc) {
        Regime::Party
    } else {
        Regime::Official
    };
    let soft_ok = |i: usize| {
        let c = chapter_of(i);
        !has_acc_chapter || !is_chapter(c) || acc_chapters[c]
    };

    let mut ex = Extraction::default();
    let conds = &mut ex.accountability.conditions;
    let sancs = &mut ex.accountability.sanctions;

    // Text of the document's own (path ""): the preamble, and the paragraphs after a list
    // of one-line top-level items.
    let own_ctx = |unit| Ctx {
        src,
        path: "",
        unit,
        lead: None,
        soft_ok: !has_acc_chapter,
        doc_regime,
        penalty_chapter: false,
        chaptered,
        report,
        lead_measures: &[],
    };
    read_unit(
        &own_ctx(&preamble),
        false,
        &mut ex.responsibilities,
        conds,
        sancs,
    );

    // What each list's lead sentence says about its items, read once per parent.
    // A list of accountability conditions: its lead says so, or (without a lead) its
    // heading does.
    let leads: Vec<Option<(Lead, bool, Vec<String>)>> = doc
        .nodes
        .iter()
        .zip(&units)
        .enumerate()
        .map(|(i, (n, u))| {
            (!n.children.is_empty()).then(|| {
                let lead = parent_lead(u);
                let acc = match lead {
                    Lead::Accountability { .. } => true,
                    // A report's 问责情况 lists the cases and what was given, no conditions.
                    Lead::None => !report && acc_list_heading_re().is_match(heading(i)),
                    Lead::Duty { .. } | Lead::Measures(_) => false,
                };
                (lead, acc, lead_measures(u))
            })
        })
        .collect();
    // The text before the first clause leads the top-level clauses only when it introduces
    // measures or conditions (本局决定对当事人作出如下行政处罚：一、…): a duty it states
    // (现将有关事项通知如下：) gives the items no holder.
    let preamble_lead = match parent_lead(&preamble) {
        lead @ (Lead::Measures(_) | Lead::Accountability { .. }) => {
            let acc = matches!(lead, Lead::Accountability { .. });
            Some((lead, acc, lead_measures(&preamble)))
        }
        Lead::None | Lead::Duty { .. } => None,
    };
    let holders: Vec<OnceCell<Option<String>>> =
        doc.nodes.iter().map(|_| OnceCell::new()).collect();
    for (i, node) in doc.nodes.iter().enumerate() {
        budget::checkpoint(Stage::Extract);
        let parent_lead = match node.parent {
            Some(p) => leads[p].as_ref(),
            None => preamble_lead.as_ref(),
        };
        let (lead, in_acc_list, lead_measures) = match parent_lead {
            Some((lead, acc, measures)) => (Some(lead), *acc, measures.as_slice()),
            None => (None, false, &[][..]),
        };
        let lead_holder = match (&lead, node.parent) {
            (Some(Lead::Duty { named: true }), Some(p)) => Some((&units[p], &holders[p])),
            (Some(Lead::Duty { named: false }), _)
            | (Some(Lead::Duty { named: true }), None)
            | (Some(Lead::None | Lead::Accountability { .. } | Lead::Measures(_)) | None, _) => {
                None
            }
        };
        let ctx = Ctx {
            src,
            path: &node.path,
            unit: &units[i],
            lead: lead_holder,
            soft_ok: soft_ok(i),
            doc_regime,
            penalty_chapter: penalty_chapters[i],
            chaptered,
            report,
            lead_measures,
        };
        if in_acc_list && node.children.is_empty() && !units[i].text.is_empty() {
            let u = &units[i];
            let text = conditions::item_condition(
                u.text
                    .trim_end_matches(['。', '；', ';', '：', ':', '，', ',']),
            );
            let kind = match &lead {
                Some(Lead::Accountability { exemption: true }) => ConditionKind::Exemption,
                Some(
                    Lead::Accountability { exemption: false }
                    | Lead::None
                    | Lead::Duty { .. }
                    | Lead::Measures(_),
                )
                | None => conditions::kind_of(text),
            };
            conds.push(ctx.condition(text, kind, 0));
        }
        // An item of a list of measures (给予下列处罚：（一）警告；（二）停业整顿) is a measure.
        if let Some(Lead::Measures(target)) = &lead
            && node.children.is_empty()
        {
            // Its first sentence: what follows (你公司拒不执行的，…处拘留) is a rule of its
            // own, read below.
            // A short item may read as a heading (（一）责令停止生产。): it is the measure.
            let u = &units[i];
            let end = u
                .text
                .find('。')
                .map(|i| i + '。'.len_utf8())
                .filter(|&e| u.text[e..].contains("的，"))
                .unwrap_or(u.text.len());
            let target = conditions::item_party(&u.text[..end]).or_else(|| target.clone());
            conditions::measures(&ctx, 0..end, target, sancs);
        }
        read_unit(&ctx, in_acc_list, &mut ex.responsibilities, conds, sancs);
    }
    if let Some(unit) = &closing_unit {
        read_unit(
            &own_ctx(unit),
            false,
            &mut ex.responsibilities,
            conds,
            sancs,
        );
    }
    // A decision addressed to one party (当事人：某公司; 某公司： above the text) names it
    // 当事人 or 你公司 in its measures.
    if let Some(party) = addressed_party(doc.preamble.as_str()) {
        for s in &mut ex.accountability.sanctions {
            if s.target.as_deref().is_some_and(is_party_pronoun) {
                s.target = Some(party.to_string());
            }
        }
    }
    ex
}

/// The paragraphs after a list of one-paragraph items at the top of a document (一、…
/// 五、…, then 上述问题…；对…的，严肃追究…) are the document's own text, not the last
/// item's: the last top-level clause's text split after its first paragraph, as (its
/// index, the item, the rest). Only for three or more items without children, each but the
/// last a single line.
fn closing_paragraphs(doc: &DocTree) -> Option<(usize, MappedText, MappedText)> {
    let top: Vec<usize> = (0..doc.nodes.len())
        .filter(|&i| doc.nodes[i].parent.is_none())
        .collect();
    let (&last, items) = top.split_last()?;
    if items.len() < 2
        || top.iter().any(|&i| !doc.nodes[i].children.is_empty())
        || items
            .iter()
            .any(|&i| doc.nodes[i].own.as_str().trim().contains(['\n', '\r']))
    {
        return None;
    }
    let own = &doc.nodes[last].own;
    let raw = own.as_str();
    let lead = raw.len() - raw.trim_start().len();
    let cut = lead + raw[lead..].find(['\n', '\r'])?;
    // The rest holds a sentence, not just a signature and a date.
    if !raw[cut..].contains('。') {
        return None;
    }
    let part = |r: Range<usize>| {
        let mut m = MappedText::new();
        for (i, c) in raw[r.clone()].char_indices() {
            m.push_char(c, own.source_offset(r.start + i));
        }
        m.finish(own.source_offset(r.end));
        m
    };
    Some((last, part(0..cut), part(cut..raw.len())))
}

/// How a decision names the party it is addressed to.
fn is_party_pronoun(t: &str) -> bool {
    matches!(
        t,
        "当事人" | "你公司" | "你单位" | "你厂" | "你店" | "你（单位）" | "你"
    )
}

/// The party a decision is addressed to, from the lines before its first clause: the field
/// 当事人：X (被处罚人, 被处罚单位), else a line that is nothing but a name and a colon.
fn addressed_party(preamble: &str) -> Option<&str> {
    let mut addressee = None;
    for line in preamble.lines().take(40) {
        let line = line.trim();
        if let Some((label, value)) = line.split_once(['：', ':']) {
            let value = value.trim();
            if ["当事人", "当事人名称", "被处罚人", "被处罚单位"].contains(&label.trim())
                && !value.is_empty()
            {
                return Some(value);
            }
            if value.is_empty()
                && addressee.is_none()
                && !label.contains(['，', '、', '。'])
                && (4..=40).contains(&label.chars().count())
            {
                addressee = Some(label.trim());
            }
        }
    }
    addressee
}

/// Run the finders over one unit.
fn read_unit(
    ctx: &Ctx<'_>,
    in_acc_list: bool,
    resps: &mut Vec<Responsibility>,
    conds: &mut Vec<Condition>,
    sancs: &mut Vec<Sanction>,
) {
    if ctx.unit.text.is_empty() {
        return;
    }
    // An item of an accountability list describes a failure: its role terms are not
    // statements of responsibility, except the persons named as targets.
    let found = roles::find(ctx);
    if in_acc_list {
        resps.extend(
            found
                .into_iter()
                .filter(|r| roles::is_target_term(&r.holder)),
        );
    } else {
        resps.extend(found);
    }
    if !conditions::can_hold(&ctx.unit.present(0..ctx.unit.text.len())) {
        return;
    }
    // Sentences joined by ； form one chain: a violation and the escalations after it.
    let text = &ctx.unit.text;
    let mut carried = None;
    let mut person = None;
    let mut chain: Option<Range<usize>> = None;
    // The party of a list of measures that runs on after its lead (处罚种类包括：警告、罚款).
    let mut listed: Option<Option<String>> = None;
    // The party of the last list of measures read in the unit.
    let mut defined: Option<Option<String>> = None;
    for s in ctx.unit.sentences() {
        budget::checkpoint(Stage::Extract);
        if s.end <= ctx.unit.skip {
            continue; // a title
        }
        let t = &text[s.clone()];
        if let Some(target) = listed.take() {
            conditions::measures(ctx, s.clone(), target.clone(), sancs);
            if !t.ends_with(['。', '!', '！']) {
                listed = Some(target.clone());
            }
            defined = Some(target);
            continue;
        }
        if chain.is_none() {
            // A list of measures in the lead's own sentence (处理方式包括组织处理、禁入限制
            // 等，可以单独使用), or the members of a measure named as one (组织处理包括停职检查、
            // 免职等): each member is an entry, for the party of the list before, if any.
            let inline = conditions::measures_inline(t).or_else(|| {
                conditions::members_of_measure(t).map(|at| (at, defined.clone().flatten()))
            });
            if let Some((at, target)) = inline {
                conditions::measures(ctx, s.start + at..s.end, target.clone(), sancs);
                defined = Some(target);
                continue;
            }
        }
        if chain.is_none() && t.ends_with(['：', ':']) {
            listed = conditions::measures_lead(t);
        }
        // The generic consequence of a lead whose items name the measures (采取下列方式追究
        // 责任：1．批评教育；…) is their umbrella, no entry of its own.
        let umbrella_lead = listed.is_some() && chain.is_none();
        let before = sancs.len();
        let joins = t.ends_with(['；', ';']);
        let mut read = |c: Range<usize>, carried: &mut Option<String>| {
            if !(ctx.report && reports::sentence(ctx, c.clone(), &mut person, sancs)) {
                conditions::sentence(ctx, c, !in_acc_list, carried, conds, sancs);
            }
        };
        // A chain is read whole up to the length of a sentence's piece, so that reading it
        // stays linear in a text of endless ；-parts.
        let c = match chain.take() {
            Some(c) if s.end - c.start <= unit::MAX_SENTENCE => c.start..s.end,
            Some(c) => {
                read(c, &mut carried);
                s
            }
            None => s,
        };
        if joins {
            chain = Some(c);
        } else {
            read(c, &mut carried);
        }
        if umbrella_lead {
            let mut k = 0;
            sancs.retain(|x| {
                k += 1;
                k <= before
                    || !(x.sanction.contains("追究") || x.sanction.ends_with("问责"))
                    || !sanctions::hits(&x.sanction)
                        .first()
                        .is_some_and(|h| h.class == Class::Generic)
            });
        }
    }
    if let Some(c) = chain
        && !(ctx.report && reports::sentence(ctx, c.clone(), &mut person, sancs))
    {
        conditions::sentence(ctx, c, !in_acc_list, &mut carried, conds, sancs);
    }
}

/// What the lead sentence of a list (the parent's text ending in ：) says about its items.
#[derive(Debug, Clone, PartialEq)]
enum Lead {
    /// The parent has no lead sentence.
    None,
    /// 有下列情形之一的，给予… / 不予追究: the items are conditions.
    Accountability { exemption: bool },
    /// A list of duties; the items' holder is the lead's subject (if found), when the lead
    /// may name one (`named`: not a list of circumstances or matters).
    Duty { named: bool },
    /// 给予下列处罚：, 问责方式有：: the items are measures, given to the party named.
    Measures(Option<String>),
}

/// The measures named by the lead of a list (the last sentence that ends in a colon).
fn lead_measures(u: &Unit<'_>) -> Vec<String> {
    let sents = u.sentences();
    let Some(lead) = sents
        .iter()
        .rev()
        .find(|r| u.text[(*r).clone()].trim_end().ends_with(['：', ':']))
    else {
        return Vec::new();
    };
    let s = &u.text[lead.clone()];
    // The unit's literals inside the sentence are those a scan of the sentence finds.
    let present = u.present(lead.clone());
    let hits = sanctions::hits_among(s, &u.exact_in(lead.clone()), present.sanctions);
    sanctions::collapse(s, hits)
        .into_iter()
        .map(|h| h.term.to_string())
        .collect()
}

fn parent_lead(u: &Unit<'_>) -> Lead {
    let sents = u.sentences();
    // A paragraph after the list (前款第一项…) follows the lead in the parent's text: the
    // lead is the last sentence ending in a colon.
    let body = lead_body(u, &sents);
    let Some(last) = body.last() else {
        return Lead::None;
    };
    let s = &u.text[(*last).clone()];
    let ends_colon = s.ends_with(['：', ':']);
    // The lead may be the last sentence or the one before a trailing colon sentence, and
    // it runs back over the ；-joined parts of one sentence (有下列行为之一的，给予警告；
    // 情节较重的，给予记过：).
    let mut parts: Vec<&str> = Vec::new();
    for (i, r) in body.iter().rev().enumerate() {
        let t = &u.text[(*r).clone()];
        if i >= 2 && !t.trim_end().ends_with(['；', ';']) || i >= 6 {
            break;
        }
        parts.push(t);
    }
    let lead_text: String = parts.into_iter().rev().collect();
    if conditions::is_lead(&lead_text) && conditions::has_consequence(&lead_text) {
        return Lead::Accountability {
            exemption: conditions::is_exemption(&lead_text),
        };
    }
    // 办法规定了三类问责情形。一是…的；二是…的: a sentence that names the circumstances of
    // accountability leads them (a report's 问责情况 lists cases: 情形 only).
    if s.contains("情形") && acc_list_heading_re().is_match(s) {
        return Lead::Accountability {
            exemption: conditions::is_exemption(s),
        };
    }
    if !ends_colon {
        // 处理方式包括组织处理、扣减薪酬…等，可以单独使用: the items say what each one holds.
        return match conditions::measures_inline(s) {
            Some((_, target)) => Lead::Measures(target),
            None => Lead::None,
        };
    }
    if let Some(target) = conditions::measures_lead(s) {
        return Lead::Measures(target);
    }
    // A list of circumstances, matters or contents (监督下列情况：) names no duties.
    if [
        "情况", "情形", "事项", "内容", "材料", "行为", "条件", "问题",
    ]
    .iter()
    .any(|w| s.contains(w))
    {
        return Lead::Duty { named: false };
    }
    Lead::Duty { named: true }
}

/// The lead sentence of a list of duties ([`parent_lead`]) and the body before it.
fn lead_body<'u>(u: &'u Unit<'_>, sents: &'u [Range<usize>]) -> Vec<&'u Range<usize>> {
    let mut body: Vec<&Range<usize>> = sents.iter().filter(|s| s.start >= u.skip).collect();
    // A speaker's label (问：, 答：) ends in a colon but leads nothing.
    if let Some(k) = body.iter().rposition(|r| {
        let t = u.text[(*r).clone()].trim_end();
        t.ends_with(['：', ':']) && t.chars().count() > 3
    }) {
        body.truncate(k + 1);
    }
    body
}

/// The holder a list of duties names in its lead ([`Lead::Duty`] with `named`).
fn lead_holder(u: &Unit<'_>) -> Option<String> {
    let sents = u.sentences();
    let body = lead_body(u, &sents);
    let last = body.last()?;
    // The holder: the subject of the lead sentence, else of the parent's first sentence.
    // Nothing after the first ，。；： is read, and a punctuation mark separates jieba's
    // blocks: only the text up to it (inclusive) is tagged.
    let subject_of = |r: &Range<usize>| {
        let t = &u.text[r.clone()];
        let cut = t
            .find(['，', ',', '。', '；', '：', ':'])
            .map_or(t.len(), |i| {
                i + t[i..].chars().next().map_or(0, char::len_utf8)
            });
        let toks = phrase::tokens(&t[..cut]);
        let end = toks
            .iter()
            .position(|x| matches!(x.word, "，" | "," | "。" | "；" | "：" | ":"))
            .unwrap_or(toks.len());
        phrase::subject(t, &toks, 0, end).map(|(a, b)| t[a..b].to_string())
    };
    subject_of(last).or_else(|| body.first().and_then(|r| subject_of(r)))
}

/// Convenience for tests and tools: extract from a plain UTF-8 text.
pub fn extract_str(text: &str) -> Vec<Extraction> {
    let src = SourceText::from_utf8(text);
    crate::structure::analyse(&src)
        .documents
        .iter()
        .map(|d| extract(&src, d))
        .collect()
}

#[cfg(test)]
mod tests;
