use super::*;
use crate::structure;

/// (text, clause_path, target, target_part, resolved, document) of every reference.
type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
);

fn refs(text: &str) -> Vec<Row> {
    let src = SourceText::from_utf8(text);
    let a = structure::analyse(&src);
    references(&src, &a.documents[0])
        .into_iter()
        .map(|r| {
            (
                r.text,
                r.clause_path,
                r.target,
                r.target_part,
                r.resolved,
                r.document,
            )
        })
        .collect()
}

fn row(text: &str, at: &str, target: Option<&str>, part: Option<&str>, resolved: bool) -> Row {
    (
        text.into(),
        at.into(),
        target.map(str::to_string),
        part.map(str::to_string),
        resolved,
        None,
    )
}

const LAW: &str = "青川市河道管理条例\n\
第一章 总则\n\
第一条 为了加强河道管理，制定本条例。\n\
第二条 河道管理应当遵守下列规定：\n\
（一）统一规划；\n\
（二）分级负责；\n\
（三）综合治理。\n\
河道主管部门负责监督检查。\n\
第三条 违反本条例第二条第（二）项规定的，责令改正。\n\
有前款情形，情节严重的，依照本条例第五条处理。\n\
依照前两款处理的，应当依照本条第一款公开。\n\
第二章 法律责任\n\
第四条 违反本条例第二条第二款、第三款规定的，依照《青川市行政处罚规定》第九条处理。\n\
第五条 有第三条至第四条所列情形的，依照第七条处理；前条规定的除外。\n";

#[test]
fn statute_references_resolve_to_paths() {
    let r = refs(LAW);
    assert_eq!(
        r,
        vec![
            row(
                "违反本条例第二条第（二）项",
                "第一章/第三条",
                Some("第一章/第二条"),
                Some("第（二）项"),
                true
            ),
            row(
                "前款",
                "第一章/第三条",
                Some("第一章/第三条"),
                Some("第一款"),
                true
            ),
            row(
                "依照本条例第五条",
                "第一章/第三条",
                Some("第二章/第五条"),
                None,
                true
            ),
            row(
                "依照前两款",
                "第一章/第三条",
                Some("第一章/第三条"),
                Some("第一款"),
                true
            ),
            row(
                "依照前两款",
                "第一章/第三条",
                Some("第一章/第三条"),
                Some("第二款"),
                true
            ),
            row(
                "依照本条第一款",
                "第一章/第三条",
                Some("第一章/第三条"),
                Some("第一款"),
                true
            ),
            row(
                "违反本条例第二条第二款",
                "第二章/第四条",
                Some("第一章/第二条"),
                Some("第二款"),
                true
            ),
            // 第二条 has two 款: the lead with its items, and the sentence after them.
            row(
                "第三款",
                "第二章/第四条",
                Some("第一章/第二条"),
                Some("第三款"),
                false
            ),
            (
                "依照《青川市行政处罚规定》第九条".into(),
                "第二章/第四条".into(),
                None,
                None,
                false,
                Some("青川市行政处罚规定".into())
            ),
            row(
                "第三条至第四条",
                "第二章/第五条",
                Some("第一章/第三条"),
                None,
                true
            ),
            row(
                "第三条至第四条",
                "第二章/第五条",
                Some("第二章/第四条"),
                None,
                true
            ),
            (
                "依照第七条".into(),
                "第二章/第五条".into(),
                None,
                None,
                false,
                Some("青川市行政处罚规定".into())
            ),
            row("前条", "第二章/第五条", Some("第二章/第四条"), None, true),
        ]
    );
}

#[test]
fn a_deleted_article_leaves_its_citations_dangling() {
    let r = refs(
        "某县办法\n第一条 为了管理，制定本办法。\n第二条 按照第三条的规定登记。\n第四条 违反本办法第三条、第四条规定的，予以警告。\n",
    );
    let got: Vec<(&str, Option<&str>, bool)> = r
        .iter()
        .map(|x| (x.0.as_str(), x.2.as_deref(), x.4))
        .collect();
    assert_eq!(
        got,
        vec![
            ("按照第三条", None, false),
            ("违反本办法第三条", None, false),
            ("第四条", Some("第四条"), true),
        ]
    );
}

#[test]
fn a_single_paragraph_article_holds_its_items() {
    let r = refs(
        "某县供水办法\n第一条 有下列行为之一的，予以警告：\n（一）擅自接管；\n（二）拒不缴费。\n第二条 有本办法第一条第（二）项行为的，加收费用；有第一条第（四）项行为的，从重处理。\n",
    );
    let got: Vec<(Option<String>, Option<String>, bool)> =
        r.into_iter().map(|x| (x.2, x.3, x.4)).collect();
    assert_eq!(
        got,
        vec![
            (Some("第一条".into()), Some("第（二）项".into()), true),
            (Some("第一条".into()), Some("第（四）项".into()), false),
        ]
    );
}

#[test]
fn paragraphs_flattened_onto_one_line_are_the_articles_paragraphs() {
    // A copy that put a chapter on one line, 款 parted by a blank.
    let r = refs(
        "某县靶场管理办法\n第一条 靶场距离道路一公里以上。 在前款规定地带以外设靶场的，应当批准。 违反前两款的，责令拆除。 第二条 依照第一条第三款处理。\n",
    );
    assert_eq!(
        r,
        vec![
            row("前款", "第一条", Some("第一条"), Some("第一款"), true),
            row("违反前两款", "第一条", Some("第一条"), Some("第一款"), true),
            row("违反前两款", "第一条", Some("第一条"), Some("第二款"), true),
            row(
                "依照第一条第三款",
                "第二条",
                Some("第一条"),
                Some("第三款"),
                true
            ),
        ]
    );
    // A blank after a sentence end in an article of several lines parts no 款.
    let r = refs(
        "某县办法\n第一条 应当登记。 登记免费。\n逾期的，不予登记。\n第二条 违反第一条第三款的，予以警告。\n",
    );
    assert_eq!(
        r,
        vec![row(
            "违反第一条第三款",
            "第二条",
            Some("第一条"),
            Some("第三款"),
            false
        )]
    );
}

#[test]
fn a_reference_in_the_first_paragraph_to_the_preceding_one_dangles() {
    let r = refs("某县办法\n第一条 依照前款规定执行。\n第二条 本办法自公布之日起施行。\n");
    assert_eq!(
        r,
        vec![row("依照前款", "第一条", Some("第一条"), None, false)]
    );
}

#[test]
fn an_amending_decision_cites_the_amended_law() {
    let r = refs(
        "关于修改《某市养犬管理条例》的决定\n一、将第五条修改为：“养犬应当登记。”\n二、删去第七条第二款。\n",
    );
    assert_eq!(r.len(), 2);
    assert!(
        r.iter()
            .all(|x| x.5.as_deref() == Some("某市养犬管理条例") && x.2.is_none())
    );
}

#[test]
fn a_notice_without_articles_reads_its_own_numbered_paragraphs() {
    let r =
        refs("关于做好工作的通知\n一、按照第三条的要求，做好工作。\n二、依照本通知第一条办理。\n");
    // 本通知第一条 says whose it is: the notice has no articles, so it names its first
    // numbered paragraph; the bare 第三条 is somebody else's and is not reported.
    assert_eq!(
        r,
        vec![row("依照本通知第一条", "二", Some("一"), None, true)]
    );
}

#[test]
fn inserted_articles_are_found_by_their_marker() {
    let src = SourceText::from_utf8("某市条例\n第一条 总则。\n第二条 依照本条例第一条之一办理。\n");
    let mut doc = structure::analyse(&src).documents.remove(0);
    // An inserted article as the structure stage makes it: marker 第一条之一.
    let mut inserted = doc.nodes[0].clone();
    inserted.marker = "第一条之一".into();
    inserted.path = "第一条之一".into();
    doc.nodes.insert(1, inserted);
    doc.nodes[2].parent = None;
    let r = references(&src, &doc);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].target.as_deref(), Some("第一条之一"));
    assert!(r[0].resolved);
}

#[test]
fn markers_that_open_a_line_are_found_there() {
    assert_eq!(
        parse::line_article("第十九条 国家实行鉴定制度。"),
        Some((19, 0))
    );
    assert_eq!(
        parse::line_article("  **第二条之一** 养犬人……"),
        Some((2, 1))
    );
    assert_eq!(parse::line_article("第十九条规定的情形"), None);
    assert_eq!(
        parse::first_article("依照本法第二十三条第二款"),
        Some((23, 0))
    );
}

#[test]
fn headings_left_in_a_text_cite_nothing() {
    let t = "总则）\n##第一章总则\n##第二章规划管理\n第三章第一节 执法\n";
    assert!(parse::scan(t).is_empty());
    // A sentence that runs on from a 第X章 at a line's start cites it (and 本节 the
    // section where it stands).
    assert_eq!(parse::scan("第二章规定的程序，适用于本节。").len(), 2);
}

#[test]
fn a_table_of_contents_cites_nothing() {
    let r = refs(
        "# 某市林业条例\n\n<!-- INFO END -->\n## 第一章 总 则\n\n## 第二章 规划管理\n\n## 第三章 附 则\n\n总 则\n\n第一条 为了管理，制定本条例。\n\n规划管理\n\n第二条 依照第三章的规定处理。\n\n附 则\n\n第三条 本条例自公布之日起施行。\n",
    );
    let texts: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, vec!["依照第三章"]);
}

/// (text, document, resolved) of every reference.
fn scopes(text: &str) -> Vec<(String, Option<String>, bool)> {
    refs(text).into_iter().map(|r| (r.0, r.5, r.4)).collect()
}

#[test]
fn an_implementing_rule_cites_the_act_it_carries_out_by_its_bare_name() {
    // 条例 alone names the regulation the title carries out; 本办法 this document.
    let r = scopes(
        "青岭市实施《南川省森林防火条例》办法\n\
         第一条 根据《南川省森林防火条例》，结合本市实际，制定本办法。\n\
         第二条 条例第五条第二款所称重点区域，是指本市林区。\n\
         第三条 违反本办法第二条的，依照条例第四十条的规定处罚。\n",
    );
    let act = Some("南川省森林防火条例".to_string());
    assert_eq!(
        r,
        vec![
            ("条例第五条第二款".into(), act.clone(), false),
            ("违反本办法第二条".into(), None, true),
            ("依照条例第四十条".into(), act, false),
        ]
    );
    // A rule named 某条例实施细则 alike; 《条例》 is the same short name.
    let r = scopes(
        "南川省湿地保护条例实施细则\n\
         第一条 《条例》第三条所称湿地，包括人工湿地。\n\
         第二条 依照条例第九条的规定，由省林业主管部门公布名录。\n",
    );
    let act = Some("南川省湿地保护条例".to_string());
    assert_eq!(r[0].1, act);
    assert_eq!(r[1], ("依照条例第九条".into(), act, false));
}

#[test]
fn a_bare_act_word_names_another_document_and_only_alone() {
    // In a document that carries out no act the bare word is the name as written.
    let r = scopes(
        "某市河道管理办法\n第一条 条例第五条所称河道，依照本办法管理。\n第二条 依照条例第二条办理。\n",
    );
    assert_eq!(r[0], ("条例第五条".into(), Some("条例".into()), false));
    assert_eq!(r[1], ("依照条例第二条".into(), Some("条例".into()), false));
    // 本条例, 该条例, 《条例》, 实施条例 and a longer name keep their readings.
    let scope = |s: &str| parse::scan(s).remove(0).scope;
    assert_eq!(scope("依照本条例第五条"), parse::Scope::Own("本条例"));
    assert_eq!(scope("该条例第五条"), parse::Scope::Previous);
    assert_eq!(scope("《条例》第五条"), parse::Scope::Named("条例".into()));
    assert_eq!(scope("依照实施条例第五条"), parse::Scope::Unqualified);
    assert_eq!(
        scope("依照南川省森林防火条例第五条"),
        parse::Scope::Named("南川省森林防火条例".into())
    );
    assert_eq!(scope("依照细则第三条"), parse::Scope::Named("细则".into()));
    // 依法 is no name, and 第五条 alone is this document's.
    assert_eq!(scope("依照第五条"), parse::Scope::Unqualified);
}

/// A code of two 编, the second divided into 分编; chapters restart in the second 编 and run
/// on across its 分编.
const CODE: &str = "东岚市街巷管理法典\n\
第一编 总则\n\
第一章 一般规定\n\
第一条 为了管理街巷，制定本法典。\n\
第二章 管理职责\n\
第二条 街巷管理适用本编第一章和第二编的规定。\n\
第二编 分则\n\
第一分编 通则\n\
第一章 街巷命名\n\
第三条 街巷命名适用第二章的规定；本编第三章另有规定的除外。\n\
第二章 命名程序\n\
第四条 违反第一编第二章规定的，依照第三编的规定处理。\n\
第二分编 专项\n\
第三章 门牌\n\
第一节 门牌编制\n\
第五条 门牌编制适用本章第二节和本分编第一章的规定。\n\
第二节 门牌变更\n\
第六条 本节规定之外，依照第一编至第二编的规定办理。\n";

#[test]
fn a_code_cites_its_divisions_where_their_numbering_restarts() {
    let got: Vec<(String, Option<String>, bool)> =
        refs(CODE).into_iter().map(|r| (r.0, r.2, r.4)).collect();
    let row =
        |t: &str, target: Option<&str>, ok: bool| (t.to_string(), target.map(str::to_string), ok);
    assert_eq!(
        got,
        vec![
            row("适用本编第一章", Some("第一编/第一章"), true),
            row("第二编", Some("第二编"), true),
            // A bare 第二章 in the second 编 is its own, not the first 编's.
            row("适用第二章", Some("第二编/第一分编/第二章"), true),
            // 本编第三章 runs on into the next 分编.
            row("本编第三章", Some("第二编/第二分编/第三章"), true),
            row("违反第一编第二章", Some("第一编/第二章"), true),
            // A code of two 编 has no 第三编.
            row("依照第三编", None, false),
            row(
                "适用本章第二节",
                Some("第二编/第二分编/第三章/第二节"),
                true
            ),
            // This 分编 holds only 第三章.
            row("本分编第一章", None, false),
            row("本节", Some("第二编/第二分编/第三章/第二节"), true),
            row("依照第一编至第二编", Some("第一编"), true),
            row("依照第一编至第二编", Some("第二编"), true),
        ]
    );
}

#[test]
fn divisions_a_copy_does_not_hold_are_not_judged() {
    // A text without any 编 (one 编 of a code, copied alone) cannot check 第一编; its 本编 is
    // the whole text.
    let r = refs(
        "某市物业法典\n第一章 一般规定\n第一条 适用本编第二章和本法第一编第三章的规定。\n第二章 业主\n第二条 依照本法第二编处理。\n",
    );
    let got: Vec<(&str, Option<&str>, bool)> = r
        .iter()
        .map(|x| (x.0.as_str(), x.2.as_deref(), x.4))
        .collect();
    assert_eq!(got, vec![("适用本编第二章", Some("第二章"), true)]);
}

#[test]
fn a_title_cites_nothing() {
    let r = refs(
        "东岚市街巷管理法典第二编\n实施办法\n第一条 为了实施《东岚市街巷管理法典》第二编，制定本办法。\n第二条 本办法自公布之日起施行。\n",
    );
    let texts: Vec<(&str, Option<&str>)> =
        r.iter().map(|x| (x.0.as_str(), x.5.as_deref())).collect();
    assert_eq!(
        texts,
        vec![("《东岚市街巷管理法典》第二编", Some("东岚市街巷管理法典"))]
    );
}

#[test]
fn preceding_divisions_and_articles_resolve_to_the_units_before_this_one() {
    let t = "青川市水土保持条例\n\
第一编 总则\n\
第一章 一般规定\n\
第一条 为了保持水土，制定本条例。\n\
第二章 规划\n\
第二条 市人民政府编制水土保持规划。\n\
第三章 监督\n\
第三条 前两章规定的规划，由市水利部门监督实施。\n\
第四条 前三条所列事项，依照前章规定公开。\n\
第二编 分则\n\
第一章 预防\n\
第五条 前编没有规定的，适用本编规定。\n\
第六条 前章规定在本编不适用。\n";
    let r = refs(t);
    let got: Vec<(&str, &str, Option<&str>, bool)> = r
        .iter()
        .map(|x| (x.0.as_str(), x.1.as_str(), x.2.as_deref(), x.4))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "前两章",
                "第一编/第三章/第三条",
                Some("第一编/第一章"),
                true
            ),
            (
                "前两章",
                "第一编/第三章/第三条",
                Some("第一编/第二章"),
                true
            ),
            (
                "前三条",
                "第一编/第三章/第四条",
                Some("第一编/第一章/第一条"),
                true
            ),
            (
                "前三条",
                "第一编/第三章/第四条",
                Some("第一编/第二章/第二条"),
                true
            ),
            (
                "前三条",
                "第一编/第三章/第四条",
                Some("第一编/第三章/第三条"),
                true
            ),
            (
                "依照前章",
                "第一编/第三章/第四条",
                Some("第一编/第二章"),
                true
            ),
            ("前编", "第二编/第一章/第五条", Some("第一编"), true),
            ("适用本编", "第二编/第一章/第五条", Some("第二编"), true),
            // In the first chapter of its 编 there is no chapter before it to count.
            ("前章", "第二编/第一章/第六条", None, false),
            ("本编", "第二编/第一章/第六条", Some("第二编"), true),
        ]
    );
}

#[test]
fn this_division_alone_is_the_division_where_it_stands() {
    let t = "青川市港口条例\n\
第一章 总则\n\
第一条 本章所称港口设施，是指码头和航道。\n\
第二章 经营\n\
第一节 许可\n\
第二条 从事港口经营，应当遵守本节规定；本章没有规定的，适用本条例第一条。\n\
第三条 港口企业应当制定本章程以外的操作规程，控制成本节约用水，报本编委员会备案。\n\
第四条 以本条第一款所列方式经营的，依照本章第一节办理。\n";
    let got: Vec<(String, String, Option<String>, bool)> =
        refs(t).into_iter().map(|x| (x.0, x.1, x.2, x.4)).collect();
    let row = |w: &str, at: &str, target: Option<&str>| {
        (
            w.to_string(),
            at.to_string(),
            target.map(str::to_string),
            true,
        )
    };
    assert_eq!(
        got,
        vec![
            row("本章", "第一章/第一条", Some("第一章")),
            row("本节", "第二章/第一节/第二条", Some("第二章/第一节")),
            row("本章", "第二章/第一节/第二条", Some("第二章")),
            row(
                "适用本条例第一条",
                "第二章/第一节/第二条",
                Some("第一章/第一条")
            ),
            // 本章程, 成本节约 and 本编委员会 are words, not references; 以本条 is one.
            row(
                "本条第一款",
                "第二章/第一节/第四条",
                Some("第二章/第一节/第四条")
            ),
            row(
                "依照本章第一节",
                "第二章/第一节/第四条",
                Some("第二章/第一节")
            ),
        ]
    );
}

#[test]
fn preceding_items_are_the_items_before_the_one_where_they_stand() {
    let t = "青川市渔业条例\n\
第一条 下列人员应当持证作业：\n\
（一）渔船船长；\n\
（二）前项所列人员的助手；\n\
（三）前两项规定以外的船员。\n\
第二条 前项规定的人员，由市渔业部门登记。\n\
第三条 下列船舶应当登记：\n\
（一）前项所列船舶以外的渔船。\n";
    let got: Vec<(String, String, Option<String>, bool)> =
        refs(t).into_iter().map(|x| (x.0, x.1, x.2, x.4)).collect();
    let row = |w: &str, at: &str, target: Option<&str>, ok: bool| {
        (
            w.to_string(),
            at.to_string(),
            target.map(str::to_string),
            ok,
        )
    };
    assert_eq!(
        got,
        vec![
            row("前项", "第一条/（二）", Some("第一条/（一）"), true),
            row("前两项", "第一条/（三）", Some("第一条/（一）"), true),
            row("前两项", "第一条/（三）", Some("第一条/（二）"), true),
            // In an article's own text it names no item; in a first item there is none
            // before it.
            row("前项", "第三条/（一）", None, false),
        ]
    );
}
