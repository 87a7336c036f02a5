//! Behaviour of the finders on made-up sentences, one test per pattern of the annotation
//! guide (what counts and what does not).

use super::*;

/// (holder, role, path) of every responsibility in `text`.
fn resp(text: &str) -> Vec<(String, String, String)> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.responsibilities)
        .map(|r| (r.holder, r.role.to_string(), r.clause_path))
        .collect()
}

fn roles(text: &str) -> Vec<(String, String)> {
    resp(text).into_iter().map(|(h, r, _)| (h, r)).collect()
}

fn pair(h: &str, r: &str) -> (String, String) {
    (h.to_string(), r.to_string())
}

/// (path, text prefix of 8 chars, kind) of every condition.
fn conds(text: &str) -> Vec<(String, String, ConditionKind)> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.conditions)
        .map(|c| (c.clause_path, c.text.chars().take(8).collect(), c.kind))
        .collect()
}

/// The sanction of every sanction entry.
fn sanction_names(text: &str) -> Vec<String> {
    sancs(text).into_iter().map(|(s, _)| s).collect()
}

/// (sanction, path) of every sanction.
fn sancs(text: &str) -> Vec<(String, String)> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .map(|s| (s.sanction, s.clause_path))
        .collect()
}

#[test]
fn first_responsible_person_and_direct_responsibility() {
    assert_eq!(
        roles("第一条　县委书记是全县安全生产工作第一责任人，分管副县长是直接责任人。"),
        [
            pair("县委书记", "第一责任人"),
            pair("分管副县长", "直接责任")
        ]
    );
    assert_eq!(
        roles("第一条　街道党工委主要负责人为第一责任人。"),
        [pair("街道党工委主要负责人", "第一责任人")]
    );
}

#[test]
fn leadership_and_main_responsibility() {
    let got = roles(
        "第二条　县农业农村局对全县耕地保护工作负主体责任。分管领导承担主要领导责任，\
         其他班子成员根据分工对分管领域负重要领导责任。镇长对全镇防汛工作负全面领导责任。",
    );
    assert_eq!(
        got,
        [
            pair("县农业农村局", "主体责任"),
            pair("分管领导", "主要领导责任"),
            pair("其他班子成员", "重要领导责任"),
            pair("镇长", "全面领导责任"),
        ]
    );
}

#[test]
fn holder_inside_a_longer_phrase() {
    // The holder of the embedded 落实 and the object of 支持.
    assert_eq!(
        roles("第三条　市委应当加强对区委落实主体责任情况的督查，支持区纪委监委履行监督责任。"),
        [pair("区委", "主体责任"), pair("区纪委监委", "监督责任")]
    );
    // 落实X主体责任: the body after the verb.
    assert_eq!(
        roles("第一条　为了压实各级党组织主体责任，制定本办法。"),
        [pair("各级党组织", "主体责任")]
    );
}

#[test]
fn one_post_two_duties_and_two_roles_of_one_holder() {
    assert_eq!(
        roles(
            "第四条　局领导班子其他成员对分管工作负领导责任，按照“一岗双责”要求抓好分管科室工作。"
        ),
        [
            pair("局领导班子其他成员", "领导责任"),
            pair("局领导班子其他成员", "一岗双责")
        ]
    );
}

#[test]
fn assisting_the_main_responsibility() {
    assert_eq!(
        roles("第五条　区纪委监委应当协助区委落实全面从严治党主体责任。"),
        [pair("区纪委监委", "配合")]
    );
}

#[test]
fn duty_list_annotation() {
    let text = "一、重点任务\n（一）加强校园网络管理。完善网络安全制度。\n（责任部门：信息中心  配合部门：学生处、各系部）\n";
    assert_eq!(
        resp(text),
        [
            ("信息中心".into(), "负责".into(), "一/（一）".into()),
            ("学生处、各系部".into(), "配合".into(), "一/（一）".into()),
        ]
    );
}

#[test]
fn by_holder_before_adverbs_and_prepositions() {
    let text = "第一条 跨区域的事项，由共同的上级人民政府负责，或者由各区人民政府共同负责。\n\
                第二条 企业开展运营的，由其行业主管部门参照本办法负责监督管理工作。\n";
    assert_eq!(
        roles(text),
        [
            pair("共同的上级人民政府", "负责"),
            pair("各区人民政府", "负责"),
            pair("行业主管部门", "负责"),
        ]
    );
}

#[test]
fn measure_list_annotations_name_the_responsible_body() {
    // A notice's list of measures, each followed by the bodies that carry it out; the
    // annotation may hold more parts after a ；. 责任单位 is no term of the table (the
    // annotation guide names it among the near-synonyms that do not count).
    let text = "一、深化改革\n（一）下放建设工程审批权限。（负责部门：住房城乡建设部、自然资源部；适用范围：所有试验区）\n\
                （二）优化用地计划安排。（责任单位：市发展改革委）\n";
    assert_eq!(
        resp(text),
        [(
            "住房城乡建设部、自然资源部".into(),
            "负责".into(),
            "一/（一）".into()
        ),]
    );
}

#[test]
fn task_annotations() {
    let text = "一、主要任务\n（一）完善回收体系。建设分拣中心。（市商务局牵头，市发展改革委、市城管局参与）\
                推广再生产品。（市工业和信息化局指导，各区政府负责落实）健全标准。（市市场监管局负责）\n";
    assert_eq!(
        roles(text),
        [
            pair("市商务局", "牵头"),
            pair("市发展改革委、市城管局", "配合"),
            pair("市工业和信息化局", "指导"),
            pair("各区政府", "负责"),
            pair("市市场监管局", "负责"),
        ]
    );
}

#[test]
fn forms_of_fuze() {
    assert_eq!(
        roles("第六条　市住房城乡建设局负责全市物业管理的监督工作。"),
        [pair("市住房城乡建设局", "负责")]
    );
    assert_eq!(
        roles("第六条　具体工作由区退役军人事务局负责。"),
        [pair("区退役军人事务局", "负责")]
    );
    assert_eq!(
        roles("第六条　检测机构对检测结果负责。"),
        [pair("检测机构", "负责")]
    );
    assert_eq!(
        roles("第六条　专项工作组向市委负责并报告工作。"),
        [pair("专项工作组", "负责")]
    );
    // 负责制定 is the verb; …负责制 alone names a system.
    assert_eq!(
        roles("第七条　市发展改革委负责制定年度实施方案。"),
        [pair("市发展改革委", "负责")]
    );
    // A clause that opens with its preposition takes the subject of the sentence, or the
    // body set up or named in the clause before.
    assert_eq!(
        roles("第八条　项目负责人是质量安全的第一责任人，对工程质量负责。"),
        [pair("项目负责人", "第一责任人"), pair("项目负责人", "负责")]
    );
    assert_eq!(
        roles("第九条　市政府成立专项工作领导小组，向市委负责并报告工作。"),
        [pair("专项工作领导小组", "负责")]
    );
    assert_eq!(
        roles("第十条　各区应当明确节会管理部门，负责本区节会活动的审核。"),
        [pair("节会管理部门", "负责")]
    );
}

#[test]
fn accountability_targets_are_their_own_holders() {
    assert_eq!(
        roles(
            "第九条　有关部门有下列行为之一的，对其直接负责的主管人员和其他直接责任人员依法给予处分：\n（一）不履行职责的。\n"
        ),
        [
            pair("直接负责的主管人员", "直接责任"),
            pair("其他直接责任人员", "直接责任")
        ]
    );
    assert_eq!(
        roles("第九条　造成严重后果的，追究相关责任人员的责任。"),
        [pair("相关责任人员", "相关责任")]
    );
    assert!(roles("第九条　造成严重后果的，追究有关责任人员的责任。").is_empty());
    // As the target of a fine. The 者 form is a near-synonym outside the contract's
    // table (annotation guide §3): a target, not a responsibility.
    assert_eq!(
        roles("第十条　逾期未改正的，对其他直接责任人员处五千元罚款。"),
        [pair("其他直接责任人员", "直接责任")]
    );
    assert!(roles("第十一条　违规发放奖金的，对直接责任者给予警告处分。").is_empty());
}

#[test]
fn accountability_object() {
    assert_eq!(
        roles("第二条　问责对象为各镇（街道）及其领导班子成员。"),
        [pair("各镇（街道）及其领导班子成员", "问责对象")]
    );
}

#[test]
fn list_items_inherit_the_holder_of_the_lead() {
    let text = "第三条　区城市管理局履行下列职责：\n（一）负责市容环境卫生的监督管理；\n（二）落实垃圾分类主体责任；\n（三）组织开展执法检查。\n";
    assert_eq!(
        resp(text),
        [
            ("区城市管理局".into(), "负责".into(), "第三条/（一）".into()),
            (
                "区城市管理局".into(),
                "主体责任".into(),
                "第三条/（二）".into()
            ),
        ]
    );
}

#[test]
fn what_is_not_a_responsibility() {
    for text in [
        "第二十条　本办法由市司法局负责解释。",
        "第二条　本办法所称主管部门，是指县级以上人民政府负责殡葬管理工作的部门。",
        "第三条　县级以上负责殡葬管理工作的部门应当公开办事流程。",
        "第四条　市生态环境局会同有关部门负责编制规划。",
        "第五条　鼓励社会组织参与社区治理，倡导全民参与。",
        "第六条　县政府实行县长负责制。",
        "第七条　坚持分级负责和谁主管谁负责的原则。",
        "第八条　实行一把手负总责，班子成员各负其责。",
        "第九条　强化制度建设，压实主体责任。",
        "第十条　区卫生健康委统筹协调全区健康促进工作，履行监督检查职责。",
        "第十一条　院长对全院安全工作负重要责任。",
        "第十二条　协助局长抓好综合协调工作。",
    ] {
        assert!(roles(text).is_empty(), "{text}: {:?}", roles(text));
    }
}

#[test]
fn accountability_list_items_are_conditions() {
    let text = "第十五条　镇级河长有下列行为之一的，给予通报批评；造成严重后果的，依法给予处分：\n\
                （一）未按规定开展巡查的；\n（二）对发现的问题不及时处理的；\n（三）其他不履行河长职责的行为。\n";
    let c = conds(text);
    assert_eq!(
        c,
        [
            (
                "第十五条".into(),
                "造成严重后果的".into(),
                ConditionKind::Aggravating
            ),
            (
                "第十五条/（一）".into(),
                "未按规定开展巡查".into(),
                ConditionKind::Condition
            ),
            (
                "第十五条/（二）".into(),
                "对发现的问题不及".into(),
                ConditionKind::Condition
            ),
            (
                "第十五条/（三）".into(),
                "其他不履行河长职".into(),
                ConditionKind::CatchAll
            ),
        ]
    );
    assert_eq!(
        sancs(text),
        [pair("通报批评", "第十五条"), pair("处分", "第十五条")]
    );
}

#[test]
fn conditional_sentences() {
    let text = "第二十条　对专项资金使用监管不到位、挪用资金的，依纪依法严肃追究责任。\n\
                第二十一条　违反本办法规定，构成犯罪的，依法追究刑事责任。\n\
                第二十二条　对散布谣言、煽动闹事的工作人员，要依纪依法严肃处理。\n\
                第二十三条　因不可抗力未能完成任务的，不予追究责任。\n\
                第二十四条　考核成绩突出的，给予表彰。\n\
                第二十五条　列入淘汰目录的设备不得继续使用。\n";
    assert_eq!(
        conds(text),
        [
            (
                "第二十条".into(),
                "对专项资金使用监".into(),
                ConditionKind::Condition
            ),
            (
                "第二十二条".into(),
                "对散布谣言、煽动".into(),
                ConditionKind::Condition
            ),
            (
                "第二十三条".into(),
                "因不可抗力未能完".into(),
                ConditionKind::Exemption
            ),
        ]
    );
    assert_eq!(
        sancs(text),
        [
            pair("依纪依法严肃追究责任", "第二十条"),
            pair("依法追究刑事责任", "第二十一条"),
            pair("依纪依法严肃处理", "第二十二条"),
        ]
    );
}

#[test]
fn heading_names_an_accountability_list() {
    let text = "三、追究责任的情形\n1.对上级部署的重点任务落实不力，造成严重后果的。\n2.其他应当问责的失职失责情形。\n";
    assert_eq!(
        conds(text),
        [
            (
                "三/1".into(),
                "对上级部署的重点".into(),
                ConditionKind::Condition
            ),
            (
                "三/2".into(),
                "其他应当问责的失".into(),
                ConditionKind::CatchAll
            ),
        ]
    );
}

#[test]
fn named_measures_replace_the_umbrella() {
    let text = "五、责任追究\n对有下列情形之一的，要追究责任，视情节轻重，给予批评教育、诫勉谈话，\
                责令作出书面检查，进行通报批评或者组织处理：\n（一）工作不力的。\n";
    assert_eq!(
        sancs(text),
        [
            pair("批评教育", "五"),
            pair("诫勉谈话", "五"),
            pair("责令作出书面检查", "五"),
            pair("通报批评", "五"),
            pair("组织处理", "五"),
        ]
    );
    assert_eq!(
        sancs("第八条　有前款行为的，给予警告或者记过处分；情节严重的，给予降级或者撤职处分。"),
        [
            pair("警告", "第八条"),
            pair("记过", "第八条"),
            pair("降级", "第八条"),
            pair("撤职", "第八条"),
        ]
    );
}

#[test]
fn revocation_and_recovery() {
    let s =
        sancs("第十九条　以欺骗手段取得补贴资格的，由市商务局撤销其补贴资格，并收回其补贴资金。");
    assert_eq!(
        s,
        [
            pair("撤销其补贴资格", "第十九条"),
            pair("收回其补贴资金", "第十九条")
        ]
    );
}

#[test]
fn what_is_not_a_sanction() {
    for text in [
        // Corrective orders and rewards.
        "第十条　逾期不整改的，责令限期改正。",
        "第十一条　成效显著的，给予通报表扬。",
        // A procedural mention inside the condition part.
        "第十二条　采取组织调整或者组织处理、纪律处分方式问责的，应当以适当方式公开。",
        // Follow-on consequences.
        "第十三条　受到撤职处分的，处分期间不得晋升职务。",
        // A proposal for a sanction.
        "第十四条　审计机关可以向任免机关提出处分建议。",
        // A 通报 that reports work.
        "第十五条　每季度通报工作进展情况。",
    ] {
        assert!(sancs(text).is_empty(), "{text}: {:?}", sancs(text));
        assert!(conds(text).is_empty(), "{text}: {:?}", conds(text));
    }
}

#[test]
fn soft_measures_outside_the_accountability_chapter() {
    let text = "第一章　责任落实\n第一条　书记发现班子成员落实责任不到位的，应当及时进行约谈，严肃批评教育。\n\
                第二章　监督问责\n第二条　单位有下列情形之一的，予以约谈：\n（一）工作严重滞后的。\n";
    assert_eq!(sancs(text), [pair("约谈", "第二章/第二条")]);
    assert_eq!(
        conds(text),
        [(
            "第二章/第二条/（一）".into(),
            "工作严重滞后的".into(),
            ConditionKind::Condition
        )]
    );
}

#[test]
fn lines_point_into_the_original_file() {
    let text = "标题\n\n第一条　区教育局负责全区校外培训监管。\n";
    let e = &extract_str(text)[0];
    assert_eq!(e.responsibilities[0].line, 3);
}

#[test]
fn halfwidth_punctuation() {
    // A half-width comma before 参与 (one byte, not three).
    assert!(roles("第五条　坚持绿色发展,倡导全民参与。").is_empty());
    assert_eq!(
        roles("第六条　区财政局负责资金保障,区审计局参与绩效评价。"),
        [pair("区财政局", "负责"), pair("区审计局", "配合")]
    );
}

#[test]
fn lead_running_over_several_semicolon_parts() {
    let text = "第九条　有下列行为之一的，给予警告处分；情节较重的，给予记过处分；情节严重的，给予撤职处分：\n\
                （一）虚报冒领专项补助资金的；\n（二）擅自提高报销标准的。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(p, _, _)| p).collect();
    assert!(c.contains(&"第九条/（一）".to_string()), "{c:?}");
    assert!(c.contains(&"第九条/（二）".to_string()), "{c:?}");
    // Two plain sentences before a duty list do not make it an accountability list.
    let duty = "第十条　街道办事处有下列职责之一的，应当报告。上级部门予以指导；社区负责配合：\n\
                （一）组织巡查；\n（二）登记台账。\n";
    let c: Vec<String> = conds(duty).into_iter().map(|(p, _, _)| p).collect();
    assert!(!c.iter().any(|p| p.contains("（一）")), "{c:?}");
}

#[test]
fn further_measures_of_the_vocabulary() {
    let s = sancs(
        "第八条　社区工作人员违反本办法的，由街道党工委给予警示谈话、责令公开检讨或者责令其辞职。",
    );
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["警示谈话", "责令公开检讨", "责令其辞职"]);
    let s = sancs("第九条　社区干部违反本办法领取的补助款项，应当依法予以没收、追缴或者责令退赔。");
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["没收", "追缴", "责令退赔"]);
    let s = sancs("第十条　挪用扶贫资金的，移送纪律检查机关处理；涉嫌犯罪的，移送司法机关处理。");
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["移送纪律检查机关处理", "移送司法机关处理"]);
    let s = sancs("第十一条　物业服务人员泄露业主信息的，依照有关规定处理。");
    let names: Vec<&str> = s.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["依照有关规定处理"]);
    // Handling a matter by the rules is no sanction.
    assert!(sancs("第十二条　档案移交工作依照有关规定办理。").is_empty());
}

#[test]
fn lists_registers_bans_and_pay_of_state_enterprise_rules() {
    let names = |t: &str| -> Vec<String> { sancs(t).into_iter().map(|(n, _)| n).collect() };
    assert_eq!(
        names("第五条　对负有责任的企业负责人，扣减和追索任期激励收入。"),
        ["扣减和追索任期激励收入"]
    );
    assert_eq!(
        names("第六条　经营者逾期未报送年度报告的，列入经营异常名录；情节严重的，责令暂停收费。"),
        ["列入经营异常名录", "责令暂停收费"]
    );
    assert_eq!(
        names("第七条　违反本规定的，对责任人员，三年内不得在护理机构从业。"),
        ["三年内不得在护理机构从业"]
    );
    // A register of protected sites is no penalty, nor a bar that follows a party measure.
    assert!(names("第八条　符合条件的古树，列入保护名录。").is_empty());
    assert!(
        !names("第九条　受到撤销党内职务处分的，二年内不得在党内担任与其原任职务相当的职务。")
            .iter()
            .any(|n| n.contains("不得"))
    );
}

#[test]
fn gains_from_a_violation_taken_back() {
    let c: Vec<String> = conds("第九条　社区干部违反本办法领取的补助款项，应当依法予以追缴。")
        .into_iter()
        .map(|(_, t, _)| t)
        .collect();
    assert_eq!(c, ["社区干部违反本办"]);
    // A plain fine without a violation named first is no such condition.
    assert!(conds("第十条　收取的款项，予以没收。").is_empty());
}

#[test]
fn lead_before_a_list_followed_by_a_paragraph() {
    let text = "第七条　有下列情形之一的，处一千元以上五千元以下罚款：\n\
                （一）未设置警示标志的；\n（二）未配备灭火器材的。\n\
                前款第一项由消防部门处罚，第二项由街道办事处处罚。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(c, ["第七条/（一）", "第七条/（二）"]);
}

#[test]
fn sanction_only_tails_and_titles() {
    let text = "第六条　网格员违反本办法的，由街道给予批评教育。\n\
                应当追究党纪责任的，依照《中国共产党纪律处分条例》给予相应的党纪处分。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(c, ["网格员违反本办法"]);
    let names: Vec<String> = sancs(text).into_iter().map(|(n, _)| n).collect();
    assert!(!names.iter().any(|n| n == "纪律处分"), "{names:?}");
    assert!(names.iter().any(|n| n == "党纪处分"), "{names:?}");
}

#[test]
fn order_to_correct_then_escalation() {
    let text = "第八条　物业服务企业未建立消防巡查台账的，由街道办事处责令限期改正；\
                逾期未改正的，处五百元以上二千元以下罚款。\n";
    let c = conds(text);
    assert_eq!(
        c,
        [
            (
                "第八条".into(),
                "物业服务企业未建".into(),
                ConditionKind::Condition
            ),
            (
                "第八条".into(),
                "逾期未改正的".into(),
                ConditionKind::Aggravating
            ),
        ]
    );
    // An order to correct with no escalation is no accountability condition.
    assert!(conds("第九条　物业服务企业未公示收费标准的，由街道办事处责令改正。").is_empty());
    // The escalation may be a serious circumstance instead of a missed deadline.
    let serious = conds(
        "第十条　乡镇人民政府违反本办法规定的，由其上级机关责令改正；\
         情节严重的，对直接负责的主管人员依法给予处分。",
    );
    let starts: Vec<&str> = serious.iter().map(|(_, t, _)| t.as_str()).collect();
    // The condition ends where the consequence starts: 对直接负责的主管人员 names its target.
    assert_eq!(starts, ["乡镇人民政府违反", "情节严重的"]);
}

#[test]
fn each_fine_with_its_own_target() {
    let text = "第十一条　经营单位未按规定备案的，处一万元以上三万元以下的罚款，\
                对直接负责的主管人员处二千元以上五千元以下的罚款。\n";
    let fines: Vec<(String, Option<String>)> = extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        fines,
        [
            ("罚款".to_string(), Some("经营单位".to_string())),
            ("罚款".to_string(), Some("直接负责的主管人员".to_string())),
        ]
    );
}

#[test]
fn circumstance_and_measure_in_one_clause() {
    // 对…的X要<measure> without a comma: a condition, and X the target.
    let text = "三、强化督查\n（一）加强考核。对工作中出现问题造成不良后果的单位要通报批评。\n\
                （二）加强审计。审计部门依法审计，并对铺张浪费、造成严重影响的按规定进行处理。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(c, ["对工作中出现问题", "对铺张浪费、造成"]);
    let found: Vec<(String, Option<String>)> = extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        found,
        [
            ("通报批评".to_string(), Some("单位".to_string())),
            ("按规定进行处理".to_string(), None),
        ]
    );
    // Who is meant (对经选举任命的人员给予处分) is no circumstance, and a heading is none.
    assert!(conds("第五条　对经选举任命的人员给予处分，由任免机关决定。").is_empty());
    assert!(
        conds("第六章 对违反工作纪律行为的处分\n第一条 违反规定的，给予警告。\n")
            .iter()
            .all(|(p, _, _)| p != "第六章")
    );
}

#[test]
fn duty_inside_the_first_responsible_person() {
    assert_eq!(
        roles("第十条　党组书记是落实全面从严治党主体责任的第一责任人。"),
        [pair("党组书记", "第一责任人")]
    );
}

#[test]
fn cause_and_result_before_pursuit() {
    let text = "第九条　因承办人员滥用职权、玩忽职守，导致决定错误，要依纪依法追究相关人员责任。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(c, ["因承办人员滥用职"]);
    assert_eq!(
        sancs(text),
        [("依纪依法追究相关人员责任".into(), "第九条".into())]
    );
    // A cause that names no violation is no condition.
    assert!(conds("第十条　因工作需要，导致岗位调整，要按规定处理。").is_empty());
}

#[test]
fn pursuing_the_responsible_persons() {
    let text = "第二十条　对违反规定不支持配合工作，造成严重后果的，依据有关规定追究相关责任人员的责任。\n";
    assert_eq!(
        sancs(text),
        [("追究相关责任人员的责任".into(), "第二十条".into())]
    );
}

#[test]
fn public_security_penalty_is_a_sanction_only_tail() {
    let text =
        "第十二条　违反本办法规定，构成违反治安管理行为的，由公安机关依法给予治安管理处罚。\n";
    assert!(conds(text).is_empty());
    assert_eq!(
        sancs(text),
        [("给予治安管理处罚".into(), "第十二条".into())]
    );
}

#[test]
fn persons_of_the_unit_named_with_dui_qi() {
    let text = "第十条　供水单位擅自停止供水的，处一万元罚款；\
                对其直接负责的主管人员，处二千元罚款。\n";
    let c: Vec<String> = conds(text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(c, ["供水单位擅自停止"]);
}

#[test]
fn unknown_items_of_a_penalty_list_are_measures() {
    let text = "第十五条　经营单位违反本办法的，主管部门视情节轻重，\
                采取警告、通报、责令暂停营业等处罚措施。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["警告", "通报", "责令暂停营业"]);
    let text = "第十六条　情节严重的，给予取消评选资格、取消参展项目的处罚。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["取消评选资格", "取消参展项目"]);
    // A corrective order in the list is not a sanction; nor is a list without a known
    // measure or without a word for penalties.
    let text = "第十七条　违反本办法的，给予警告、责令限期改正等处罚。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["警告"]);
    let text = "第十八条　违反本办法的，采取限制经营范围、暂停新增业务等措施。\n";
    assert!(sancs(text).is_empty());
    // 责令暂停营业 is a penalty the vocabulary knows (限制开展生产经营活动); without a word
    // for penalties the unknown item beside it is still none.
    let text = "第十九条　违反本办法的，采取责令暂停营业、限制经营范围等措施。\n";
    assert_eq!(sanction_names(text), ["责令暂停营业"]);
}

#[test]
fn a_referral_does_not_make_the_generic_handling_redundant() {
    let text = "第二十一条　对虚报冒领补贴的，按有关规定处理，或者转请有关部门查处。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["按有关规定处理", "转请有关部门查处"]);
    // A named measure still does.
    let text = "第二十二条　对虚报冒领补贴的，依法依规处理，给予警告处分。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["警告"]);
}

#[test]
fn heads_of_groups_and_bodies_named_after_their_work() {
    // 组长 is a noun here (jieba's own dictionary has it as a verb).
    assert_eq!(
        roles("第十条　检查组组长是落实检查监督责任的第一责任人。"),
        [pair("检查组组长", "第一责任人")]
    );
    // A verb with 工作 inside a body's name (审计工作领导小组) is part of the name.
    assert_eq!(
        roles("第十一条　市审计工作领导小组组长为组织实施审计工作的主要责任人。"),
        [pair("市审计工作领导小组组长", "主要责任")]
    );
    assert_eq!(
        roles("第十二条　县委指定督查工作办公室负责日常工作。"),
        [pair("督查工作办公室", "负责")]
    );
}

#[test]
fn elided_subject_before_dui_ben_and_an_object_past_a_comma() {
    // jieba glues 对 to 本: the clause still opens with a preposition.
    assert_eq!(
        roles("第五条　市交通运输局局长是本系统安全工作第一责任人，对本系统的安全工作全面负责。"),
        [
            pair("市交通运输局局长", "第一责任人"),
            pair("市交通运输局局长", "负责")
        ]
    );
    // The object of 对 goes on past the comma (，以及…负责).
    assert_eq!(
        roles("第六条　项目承办单位对申报材料的真实性、完整性，以及资金使用的合规性负责。"),
        [pair("项目承办单位", "负责")]
    );
}

#[test]
fn adjectives_inside_a_body_name_and_a_director() {
    // jieba tags 卫生 and 健康 as adjectives; inside 卫生健康局 they are part of the name.
    assert_eq!(
        roles("第一条　区卫生健康局局长是本系统安全生产第一责任人。"),
        [pair("区卫生健康局局长", "第一责任人")]
    );
    assert_eq!(
        roles("第二条　县卫生健康委员会主任是第一责任人。"),
        [pair("县卫生健康委员会主任", "第一责任人")]
    );
    // 责任 does not end a holder the way 主任 does.
    assert!(phrase::is_holder("办公室主任"));
    assert!(!phrase::is_holder("安全责任"));
}

#[test]
fn a_generic_consequence_after_the_measures_is_its_own() {
    let text = "第九条　对履职不力造成严重后果的单位，要予以约谈，依规依纪问责。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["约谈", "依规依纪问责"]);
    // Before the measures it is their umbrella.
    let text =
        "第十条　对履职不力造成严重后果的，要追究责任，视情节轻重，给予批评教育、诫勉谈话。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["批评教育", "诫勉谈话"]);
    // A bare 处分 after them is a mention unless it is given.
    let text = "第十一条　对违纪的党员，应当给予党纪处分，做到党纪政务等处分相匹配。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["党纪处分"]);
    let text = "第十二条　从业人员违反操作规程的，给予批评教育，依照有关规章制度给予处分。\n";
    let s = sanction_names(text);
    assert_eq!(s, ["批评教育", "处分"]);
}

#[test]
fn governing_verbs_and_abstract_heads_are_not_holders() {
    // 领导、支持和监督 govern the list of bodies; the 和 before 监督 goes with them.
    let r = roles("（十）领导、支持和监督县纪委、县委各部门、各乡镇党委等落实主体责任；");
    assert_eq!(r, [pair("县纪委、县委各部门、各乡镇党委等", "主体责任")]);
    // Verbs and abstract nouns that end like bodies or posts.
    for np in ["党中央决策部署", "执行", "集中统一领导", "党的全面领导"] {
        assert!(!phrase::is_holder(np), "{np}");
    }
    for np in ["海关总署", "人民银行", "县农业发展银行", "班子其他领导"] {
        assert!(phrase::is_holder(np), "{np}");
    }
}

#[test]
fn clauses_inside_the_object_of_dui_have_no_holder() {
    // The duties listed are those of the inspected bodies, checked by the group.
    let text = "第十九条　市委巡察组对巡察对象贯彻党的路线方针政策和上级决策部署，\
                落实党的建设各项要求，履行全面从严治党主体责任和监督责任等情况进行监督。\n";
    assert!(roles(text).is_empty(), "{:?}", roles(text));
}

#[test]
fn a_verb_before_the_head_of_a_body_is_part_of_its_name() {
    // jieba cuts 巡察组 into 巡察/v 组.
    assert_eq!(
        roles("第一条　市委巡察组负责巡察工作。"),
        [pair("市委巡察组", "负责")]
    );
    // A body set up in the clause before is still the one that is responsible.
    assert_eq!(
        roles("第二条　县政府成立工作组，负责组织实施。"),
        [pair("工作组", "负责")]
    );
    assert_eq!(
        roles("第三条　市委组建巡察组，负责巡察工作。"),
        [pair("巡察组", "负责")]
    );
}

#[test]
fn a_passive_verb_names_which_body() {
    assert_eq!(
        roles("第三十二条　被巡察党组织主要负责人为落实整改工作的第一责任人。"),
        [pair("被巡察党组织主要负责人", "第一责任人")]
    );
    assert_eq!(
        roles("第十四条　被审计单位负责提供真实完整的资料。"),
        [pair("被审计单位", "负责")]
    );
    assert!(phrase::is_holder("被检查单位"));
    // A passive clause is no holder.
    assert!(!phrase::is_holder("被追究刑事责任"));
}

#[test]
fn its_principal_person_in_charge() {
    assert_eq!(
        roles(
            "第四条　经营单位应当建立健全应急工作责任制，其主要负责人对本单位的应急工作全面负责。"
        ),
        [pair("主要负责人", "负责")]
    );
    // 其 alone is no holder.
    assert!(roles("第五条　其应当对本单位的工作负责。").is_empty());
}

#[test]
fn the_first_listed_body_leads_when_the_annotation_says_so() {
    let text = "一、扩大开放\n1.优化营商环境。推进审批改革。\
                （市发展改革委、市商务局、市市场监管局负责，排在第一位的部门为牵头部门）\n\
                2.完善监管。（市商务局、市财政局负责）\n";
    assert_eq!(
        roles(text),
        [
            pair("市发展改革委、市商务局、市市场监管局", "负责"),
            pair("市发展改革委", "牵头"),
            pair("市商务局、市财政局", "负责"),
        ]
    );
}

/// Every sanction entry of `text`, whole.
fn sanction_entries(text: &str) -> Vec<crate::model::Sanction> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .collect()
}

#[test]
fn issue16_penalty_article_conditions_end_where_the_consequence_begins() {
    use crate::model::{PenaltyKind, SanctionCategory};
    let text = "第六章　法律责任\n第三十条　违反本条例第十二条规定，经营者未取得许可擅自经营的，\
                由市场监督管理部门责令改正，没收违法所得，并处一万元以上五万元以下罚款；\
                违法所得五万元以上的，并处违法所得一倍以上三倍以下罚款；情节严重的，\
                吊销其营业执照；构成犯罪的，依法追究刑事责任。\n";
    // The violation and the escalation; neither the amount tier nor the criminal tail is
    // a condition, and no condition runs on into its consequence.
    let c: Vec<String> = extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.conditions)
        .map(|c| c.text)
        .collect();
    assert_eq!(
        c,
        [
            "违反本条例第十二条规定，经营者未取得许可擅自经营的",
            "情节严重的"
        ]
    );
    let s: Vec<(
        String,
        SanctionCategory,
        Option<PenaltyKind>,
        Option<String>,
    )> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.category, s.penalty_kind, s.target))
        .collect();
    let admin = SanctionCategory::AdministrativePenalty;
    let who = Some("经营者".to_string());
    // The deciding authority (由市场监督管理部门) is not the target; the escalations hit
    // the party of the violation; the fine of the tier is the same fine of the same party.
    assert_eq!(
        s,
        [
            (
                "没收违法所得".to_string(),
                admin,
                Some(PenaltyKind::Property),
                who.clone()
            ),
            (
                "罚款".to_string(),
                admin,
                Some(PenaltyKind::Property),
                who.clone()
            ),
            (
                "吊销其营业执照".to_string(),
                admin,
                Some(PenaltyKind::Qualification),
                who.clone()
            ),
            (
                "依法追究刑事责任".to_string(),
                SanctionCategory::Criminal,
                None,
                who
            ),
        ]
    );
}

#[test]
fn issue16_separate_targets_in_one_article() {
    let text = "第三十一条　生产企业有下列行为之一，由应急管理部门责令限期改正，处五万元以下罚款，\
                对其直接负责的主管人员和其他直接责任人员处一万元以下罚款；\
                逾期未改正的，责令停产停业整顿：\n（一）未按规定开展安全培训的；\n（二）未如实记录检查情况的。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        s,
        [
            ("罚款".to_string(), Some("生产企业".to_string())),
            (
                "罚款".to_string(),
                Some("直接负责的主管人员和其他直接责任人员".to_string())
            ),
            ("责令停产停业整顿".to_string(), Some("生产企业".to_string())),
        ]
    );
    // The lead without 的 is no condition of its own; its items and the escalation are.
    let c: Vec<(String, String)> = conds(text).into_iter().map(|(p, t, _)| (p, t)).collect();
    assert_eq!(
        c,
        [
            ("第三十一条".to_string(), "逾期未改正的".to_string()),
            (
                "第三十一条/（一）".to_string(),
                "未按规定开展安全".to_string()
            ),
            (
                "第三十一条/（二）".to_string(),
                "未如实记录检查情".to_string()
            ),
        ]
    );
}

#[test]
fn issue16_targets_named_apart_from_the_measures() {
    // A clause 对X， of its own names the target of every measure after it in the chain.
    let text = "第二十条　违反规定发放津贴补贴的，对直接责任者和领导责任者，情节较轻的，\
                给予警告或者严重警告处分；情节较重的，给予撤销党内职务处分。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    let who = Some("直接责任者和领导责任者".to_string());
    assert_eq!(
        s,
        [
            ("警告".to_string(), who.clone()),
            ("严重警告".to_string(), who.clone()),
            ("撤销党内职务".to_string(), who),
        ]
    );
    // The party inside a generic phrase; a list of measures after 约谈 names no party.
    let text = "第二十一条　对弄虚作假骗取补贴的，严肃追究有关人员责任。\n\
                第二十二条　河长履职不力的，予以提醒、约谈、通报。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        s,
        [
            (
                "严肃追究有关人员责任".to_string(),
                Some("有关人员".to_string())
            ),
            ("提醒".to_string(), Some("河长".to_string())),
            ("约谈".to_string(), Some("河长".to_string())),
            ("通报".to_string(), Some("河长".to_string())),
        ]
    );
}

#[test]
fn issue16_items_that_set_the_amount_of_the_leads_fine() {
    let text = "第六章　法律责任\n\
                第四十条　发生生产安全事故，对负有责任的生产经营单位，依照下列规定处以罚款：\n\
                （一）发生一般事故的，处二十万元以上五十万元以下的罚款；\n\
                （二）发生较大事故的，处五十万元以上一百万元以下的罚款。\n";
    // One fine, the lead's, for the party its clause 对X， names; the items are conditions
    // that set its amount.
    let s: Vec<(String, String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.clause_path, s.target))
        .collect();
    assert_eq!(
        s,
        [(
            "罚款".to_string(),
            "第六章/第四十条".to_string(),
            Some("负有责任的生产经营单位".to_string())
        )]
    );
    let c: Vec<String> = conds(text).into_iter().map(|(p, _, _)| p).collect();
    assert_eq!(c, ["第六章/第四十条/（一）", "第六章/第四十条/（二）"]);
    // Two paragraphs of one article that name two parties: an entry for each.
    let text = "第四十一条　协助他人偷越边境的，处二千元以上一万元以下罚款。\n\
                单位有前款行为的，处一万元以上五万元以下罚款。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        s,
        [
            ("罚款".to_string(), None),
            ("罚款".to_string(), Some("单位".to_string()))
        ]
    );
}

#[test]
fn issue16_an_items_condition_ends_where_its_own_consequence_begins() {
    let text = "第二十条　有下列行为之一的，由城市管理部门按照下列规定处罚：\n\
                （一）未按规定时间经营的，责令停止违法行为，处五百元以下罚款；\n\
                （二）占道堆放物品的，处一千元以下罚款。\n\
                第二十一条　医疗机构违反本条例规定，对药材再加工不遵守规范的，由主管部门给予警告，\
                责令限期改正；拒不改正的，处五千元以下罚款。\n";
    let c: Vec<String> = extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.conditions)
        .map(|c| c.text)
        .collect();
    assert_eq!(
        c,
        [
            "未按规定时间经营的",
            "占道堆放物品的",
            "医疗机构违反本条例规定，对药材再加工不遵守规范的",
            "拒不改正的"
        ]
    );
}

#[test]
fn issue16_escalations_follow_the_party_the_first_measure_names() {
    // The first measure is for the persons named with 对: the tail is theirs too.
    let text = "第二十八条　违反本办法，有下列行为之一的，对负有责任的主管人员和其他直接责任人员\
                依法给予处分；构成犯罪的，依法追究刑事责任：\n（一）弄虚作假的；\n（二）徇私舞弊的。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    let who = Some("负有责任的主管人员和其他直接责任人员".to_string());
    assert_eq!(
        s,
        [
            ("处分".to_string(), who.clone()),
            ("依法追究刑事责任".to_string(), who)
        ]
    );
    // The first measure is for the company: a fine on its managers does not move the
    // escalation to them.
    let text = "第二十九条　经营企业未按规定备案的，处一万元罚款，对直接负责的主管人员处二千元罚款；\
                情节严重的，吊销其许可证。\n";
    let s: Vec<(String, Option<String>)> = sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, s.target))
        .collect();
    assert_eq!(
        s,
        [
            ("罚款".to_string(), Some("经营企业".to_string())),
            ("罚款".to_string(), Some("直接负责的主管人员".to_string())),
            ("吊销其许可证".to_string(), Some("经营企业".to_string())),
        ]
    );
}

#[test]
fn persons_a_report_names_hold_the_responsibility_found() {
    let text = "关于南湖区一起失职问题的通报\n\
                一、柏某某，中共党员，南湖区水务局副局长，分管河道管理工作，对事故发生负有主要领导责任。\n\
                二、区水务局科长房某对此负有直接责任。\n\
                三、龚某某，区水务站站员，负责该河段日常巡查。\n";
    assert_eq!(
        roles(text),
        [
            pair("柏某某", "主要领导责任"),
            pair("区水务局科长房某", "直接责任"),
            pair("龚某某", "负责"),
        ]
    );
}

#[test]
fn an_object_named_with_a_surname_is_no_holder() {
    // 某酒店 is no person: 城 is no surname.
    assert!(!phrase::is_holder("县城某酒店"));
    assert!(phrase::is_holder("镇长芮某某"));
}

#[test]
fn the_columns_of_a_responsibility_list_row_without_brackets() {
    let text = "青禾县防汛工作责任清单\n\
                一、县级责任\n\
                1．责任事项：编制防汛应急预案并组织演练。\t责任主体：县政府\t配合部门：县水利局、县应急局\n\
                2．责任事项：组织险情巡查。\t责任主体：各乡镇人民政府\n";
    assert_eq!(
        roles(text),
        [
            pair("县政府", "责任主体"),
            pair("县水利局、县应急局", "配合"),
            pair("各乡镇人民政府", "责任主体"),
        ]
    );
    // A label inside a sentence is no column: 明确责任主体：… opens none.
    assert!(roles("第一条 各单位要明确责任主体：一把手亲自抓。\n").is_empty());
}

/// (sanction, target) of every sanction.
fn sanction_targets(text: &str) -> Vec<(String, Option<String>)> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .map(|s| (s.sanction, s.target))
        .collect()
}

#[test]
fn a_decision_lists_its_penalties_for_the_party_it_names() {
    let text = "青禾市交通运输局\n行政处罚决定书\n\
                当事人：青禾市远达货运有限公司\n\
                法定代表人：宁某某\n\
                \u{3000}\u{3000}本局认为当事人的行为违反了有关规定，决定对当事人作出如下行政处罚：\n\
                \u{3000}\u{3000}一、给予警告；\n\
                \u{3000}\u{3000}二、没收违法所得人民币5200元；\n\
                \u{3000}\u{3000}三、罚款人民币20000元。\n\
                \u{3000}\u{3000}到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款。\n";
    let party = Some("青禾市远达货运有限公司".to_string());
    assert_eq!(
        sanction_targets(text),
        [
            ("警告".to_string(), party.clone()),
            ("没收违法所得".to_string(), party.clone()),
            ("罚款".to_string(), party),
        ]
    );
    // 加处罚款 enforces a fine not paid: neither a penalty nor its condition.
    assert!(conds(text).is_empty());
}

#[test]
fn a_decision_addressed_to_you_and_an_item_with_a_rule_of_its_own() {
    let text = "青禾市生态环境局\n行政处罚决定书\n\
                青禾市利源化工有限公司：\n\
                \u{3000}\u{3000}我局决定对你公司作出如下行政处罚：\n\
                \u{3000}\u{3000}（一）责令立即停止生产。你公司拒不停止生产的，我局将对你公司直接负责的主管人员处五日以上十日以下拘留。\n\
                \u{3000}\u{3000}（二）罚款人民币十万元。\n";
    let got = sanction_targets(text);
    let party = Some("青禾市利源化工有限公司".to_string());
    assert!(
        got.contains(&("责令立即停止生产".to_string(), party.clone())),
        "{got:?}"
    );
    assert!(got.contains(&("罚款".to_string(), party)), "{got:?}");
    // The detention of the item's second sentence is the rule's, for whom it names.
    let detention: Vec<_> = got.iter().filter(|(s, _)| s == "拘留").collect();
    assert_eq!(detention.len(), 1, "{got:?}");
    assert_eq!(detention[0].1.as_deref(), Some("你公司直接负责的主管人员"));
}

#[test]
fn an_order_to_stop_an_activity_is_a_penalty_an_order_to_stop_the_violation_is_not() {
    let names = sanction_names(
        "第三十条 未取得许可从事培训活动的，由教育行政部门责令停止招生，没收违法所得。\n\
         第三十一条 违反本条例规定的，由主管部门责令停止违法行为，限期改正。\n",
    );
    assert_eq!(names, ["责令停止招生", "没收违法所得"]);
}

#[test]
fn the_closing_paragraph_after_one_line_items_is_the_documents_own() {
    let text = "关于三起违规问题的通报\n\
                一、北坪镇干部柯某某违规收受礼金问题。柯某某受到党内警告处分。\n\
                二、北坪镇干部阮某违规公款吃喝问题。阮某受到政务警告处分。\n\
                三、北坪镇干部闵某某公车私用问题。闵某某受到诫勉。\n\
                各级党组织要切实履行主体责任。对顶风违纪的，一律严肃追究责任。\n";
    let r = resp(text);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].2, "");
    let c = conds(text);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "");
    // The items keep their own measures.
    let s = sancs(text);
    assert!(s.contains(&("诫勉".to_string(), "三".to_string())), "{s:?}");
}

#[test]
fn a_last_item_of_several_paragraphs_stays_whole_when_its_siblings_have_several_too() {
    let text = "关于加强管理的通知\n\
                一、明确职责\n各镇人民政府负责辖区内的巡查工作。\n\
                二、强化考核\n县农业局负责考核。\n\
                三、严肃问责\n对巡查不力的，依法依规追究责任。\n";
    let c = conds(text);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "三");
}

#[test]
fn the_stern_consequences_of_a_closing_warning() {
    let names = sanction_names(
        "第五条 对顶风违纪的，一律从严从重查处。对违规操办宴席的，点名道姓通报曝光；对问题突出的乡镇，严肃追究乡镇党委主要负责人和分管领导人员的责任。\n\
         第六条 对未按规定设置警示标志的，依法从严处罚。\n\
         第七条 犯前款罪的，从重处罚。\n",
    );
    // 从重处罚 of a criminal statute is a rule of sentencing, no sanction.
    assert_eq!(
        names,
        [
            "从严从重查处",
            "点名道姓通报曝光",
            "严肃追究乡镇党委主要负责人和分管领导人员的责任",
            "依法从严处罚",
        ]
    );
}

#[test]
fn whom_yuetan_names_is_its_party() {
    let got = sanction_targets(
        "（四）严格考核。对连续两次考核排名末位的街道，由区人民政府分管负责同志约谈街道主要负责人。\n",
    );
    assert_eq!(
        got,
        [("约谈".to_string(), Some("街道主要负责人".to_string()))]
    );
}

#[test]
fn a_party_of_the_market_can_hold_a_role() {
    assert_eq!(
        roles("第五条 药品经营者是药品质量安全第一责任人。\n"),
        [pair("药品经营者", "第一责任人")]
    );
    assert!(!phrase::is_holder("违反者"));
}

#[test]
fn a_report_item_names_the_holder_before_its_posts_and_circumstances() {
    let text = "关于一起失职问题问责情况的通报\n\
                1．青石县化工园区管委会副主任冼某某，分管园区安全生产工作，对监管不力负有主要领导责任，给予其政务记过处分。\n\
                2．青石县应急局副局长师某，是预警迟滞问题的直接责任人，给予其政务警告处分。\n\
                3．青石县医保中心科员满某某在负责基金审核工作期间，利用负责审核的职务便利挪用公款。\n";
    assert_eq!(
        roles(text),
        [
            pair("青石县化工园区管委会副主任冼某某", "主要领导责任"),
            pair("青石县应急局副局长师某", "直接责任"),
        ]
    );
    // A duty whose object names a period is still a duty.
    assert_eq!(
        roles("第九条 代表联络站负责组织代表开展闭会期间的活动。\n"),
        [pair("代表联络站", "负责")]
    );
}

#[test]
fn a_finding_clause_after_the_condition_is_no_condition_of_its_own() {
    let got = conds("第五条 对虚报冒领、截留挪用专项资金的，一经查实，依规依纪依法严肃处理。\n");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.starts_with("对虚报冒领"), "{got:?}");
    // Without 的 the circumstance ends at 一经查实.
    let got = conds("第六条 擅自提高补贴标准，一经查实，依规追究有关人员责任。\n");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.starts_with("擅自提高补贴标准"), "{got:?}");
}

/// The full text of every condition.
fn cond_texts(text: &str) -> Vec<String> {
    extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.conditions)
        .map(|c| c.text)
        .collect()
}

#[test]
fn a_condition_starts_after_the_bodies_that_act_and_their_legal_basis() {
    let text = "第五章　法律责任\n\
                第四十条　县级以上人民政府文化旅游主管部门依据本条例第十五条的规定，对未经备案擅自开展研学活动的，责令改正，处五千元以上二万元以下罚款。\n\
                第四十一条　由公安机关依照《北川市景区秩序管理办法》第九条的规定对强行拉客兜售的，处二百元罚款。\n\
                第四十二条　依据本条例第二十条的规定，景区经营者未设置安全警示标志的，由文化旅游主管部门责令限期改正；逾期不改正的，处二千元罚款。\n\
                第四十三条　各级纪检监察机关要加强日常监督，对顶风违规收受礼金的，严肃查处。\n";
    assert_eq!(
        cond_texts(text),
        [
            "对未经备案擅自开展研学活动的",
            "对强行拉客兜售的",
            "景区经营者未设置安全警示标志的",
            "逾期不改正的",
            "对顶风违规收受礼金的",
        ]
    );
    // The deciding body is no target: nobody is named.
    let targets: Vec<Option<String>> = extract_str(text)
        .into_iter()
        .flat_map(|e| e.accountability.sanctions)
        .filter(|s| s.clause_path.ends_with("第四十条"))
        .map(|s| s.target)
        .collect();
    assert_eq!(targets, [None]);
}

#[test]
fn a_frame_is_not_cut_from_a_party_or_a_circumstance() {
    // A party that acts on a rule, a bare basis that is part of the duty breached, and a
    // circumstance that opens with 对于 stay whole.
    let text = "第十条　承运企业依照本条例的规定取得经营资格后，不再具备规定条件的，由交通运输主管部门吊销其经营许可证。\n\
                第十一条　按照有关规定对来访人员负有登记义务的值守人员，不按照规定登记，情节较重的，给予警告处分。\n\
                第十二条　对于应当受到撤职处分，但本人没有担任职务的，给予降级处分。\n\
                第十三条　养殖场直接将禁用药品添加到饲料中，或者饲喂动物的，没收违法所得，并处一万元罚款。\n";
    let got = cond_texts(text);
    // A party's own 将 is no deciding body's.
    assert!(got[3].starts_with("养殖场直接将禁用"), "{got:?}");
    assert!(got[0].starts_with("承运企业依照本条例"), "{got:?}");
    assert!(got[1].starts_with("按照有关规定对来访"), "{got:?}");
    assert!(got[2].starts_with("对于应当受到撤职"), "{got:?}");
}

#[test]
fn the_quoted_wording_of_a_legal_basis_is_no_condition() {
    let text = "青禾县一起较大火灾事故调查报告\n\
                一、依据《北川市消防管理条例》第三十条第（二）项“发生较大火灾事故的，处五十万元以上一百万元以下的罚款”的规定，由县应急管理局对青禾商贸有限公司处以六十万元罚款。\n\
                二、青禾商贸有限公司经理钱某某未履行安全管理职责，依据《北川市消防管理条例》第三十二条的规定，由县应急管理局对其处二万元罚款。\n";
    assert_eq!(
        cond_texts(text),
        ["青禾商贸有限公司经理钱某某未履行安全管理职责"]
    );
    let fines = sanction_names(text);
    assert_eq!(fines, ["罚款", "罚款"]);
}

#[test]
fn references_to_the_rule_whose_penalty_applies() {
    let head = "第一章　总则\n第一条　本办法适用于本县。\n第二章　法律责任\n";
    let read = |article: &str| sanction_names(&format!("{head}{article}\n"));
    assert_eq!(
        read("第二条　养殖户有前条行为的，依照前条规定处罚。"),
        ["依照前条规定处罚"]
    );
    assert_eq!(
        read("第二条　屠宰场伪造检疫记录的，依照本办法第八条第二项的规定从重处罚。"),
        ["依照本办法第八条第二项的规定从重处罚"]
    );
    assert_eq!(
        read("第二条　用工单位违反本办法的，依照有关劳动保障法律、法规的规定处理。"),
        ["依照有关劳动保障法律、法规的规定处理"]
    );
    // A list's lead names the penalty of its items.
    assert_eq!(
        read("第二条　有下列行为之一的，按照下列规定予以处罚：\n（一）擅自宰杀的，处五百元罚款。"),
        ["按照下列规定予以处罚", "罚款"]
    );
    // Not a consequence: a lead-in before the measure it adds, a basis inside a condition,
    // a party acting on a rule.
    assert_eq!(
        read("第二条　除依照前款规定处罚外，对屠宰场处五千元罚款。"),
        ["罚款"]
    );
    assert!(
        read("第二条　依照前款规定处理的案件涉及养殖户的，由县农业农村局一并调查。").is_empty()
    );
    assert!(read("第二条　依照本办法规定取得许可的屠宰场，应当公示许可证。").is_empty());
    // 处理 outside a 法律责任 chapter is how a body handles a matter.
    assert!(
        sanction_names(
            "第一章　总则\n第一条　对举报，县农业农村局应当按照本办法第九条的规定处理。\n\
         第二章　法律责任\n第二条　违反本办法的，处五百元罚款。\n"
        )
        .iter()
        .all(|s| s == "罚款")
    );
}

#[test]
fn penalty_chapters_by_heading_and_inside_a_part() {
    // 注销该…证 is read only in a 法律责任 chapter: it tells whether the chapter is one.
    let measure = "第二条　经营者伪造记录的，注销该车辆的运输证。";
    for heading in [
        "奖励与处罚",
        "奖励与惩罚",
        "表彰和处罚",
        "监督检查与法律责任",
        "罚则",
    ] {
        let text =
            format!("第一章　总则\n第一条　本办法适用于本县。\n第二章　{heading}\n{measure}\n");
        assert_eq!(sanction_names(&text), ["注销该车辆的运输证"], "{heading}");
    }
    for heading in ["监督检查", "行政处罚的种类"] {
        let text =
            format!("第一章　总则\n第一条　本办法适用于本县。\n第二章　{heading}\n{measure}\n");
        assert!(sanction_names(&text).is_empty(), "{heading}");
    }
    // A 法律责任 chapter inside a 编.
    let text = format!(
        "第一编　城市客运\n第一章　一般规定\n第一条　本编适用于城市客运。\n\
         第二章　法律责任\n{measure}\n第二编　乡村客运\n第三章　一般规定\n\
         第三条　经营者伪造记录的，注销该车辆的运输证。\n"
    );
    assert_eq!(
        sancs(&text),
        [pair("注销该车辆的运输证", "第一编/第二章/第二条")]
    );
}

/// (sanction, category) of every sanction entry.
fn sanction_categories(text: &str) -> Vec<(String, String)> {
    sanction_entries(text)
        .into_iter()
        .map(|s| (s.sanction, <&str>::from(s.category).to_string()))
        .collect()
}

#[test]
fn references_to_the_criminal_law_are_criminal() {
    let text = "第一章　总则\n第一条　为了加强档案管理，制定本条例。\n第二章　法律责任\n\
                第二条　篡改档案，情节严重的，依照刑法第二百八十条的规定定罪处罚。\n\
                第三条　出售档案牟利的，按照刑法有关规定以非法经营罪定罪处罚。\n\
                第四条　泄露档案秘密的，依照《中华人民共和国刑法》有关规定从重处罚。\n\
                第五条　依照刑法规定不负刑事责任的，由其监护人严加看管。\n";
    let got = sanction_categories(text);
    assert_eq!(
        got,
        [
            ("依照刑法第二百八十条的规定定罪处罚", "criminal"),
            ("按照刑法有关规定以非法经营罪定罪处罚", "criminal"),
            ("依照《中华人民共和国刑法》有关规定从重处罚", "criminal"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn bars_orders_and_recoveries_of_an_accountability_rule() {
    let text = "第一条　窗口单位服务质量低下的，责令限期整顿。\n\
                第二条　单位未按期完成整改的，责令改正。\n\
                第三条　工作人员虚报业绩的，两年内不得参加评先评优。\n\
                第四条　受到诫勉的工作人员，当年不得参加评先评优。\n\
                第五条　骗取奖励的，已经发放的奖金予以追回。\n";
    assert_eq!(
        sancs(text),
        [
            ("责令限期整顿", "第一条"),
            ("两年内不得参加评先评优", "第三条"),
            ("奖金予以追回", "第五条"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_clause_with_dui_declares_a_party_only_when_it_names_one() {
    let some = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
    // 对…不配合 is part of the violation: the escalations are for the persons named with 对
    // before the first measure.
    let text = "第一章　总则\n第一条　为了规范集贸市场管理，制定本条例。\n第二章　法律责任\n\
                第二条　违反本条例规定，市场管理人员不履行职责，对执法检查不配合，或者玩忽职守的，对直接负责的主管人员给予警告处分；情节较重的，给予记过处分。\n\
                第三条　摊位经营者有下列行为之一的，由市场主办单位依照有关规定对相关责任人进行约谈、通报：\n\
                （一）哄抬价格的；\n\
                （二）短斤少两的。\n";
    assert_eq!(
        sanction_targets(text),
        [
            some("警告", "直接负责的主管人员"),
            some("记过", "直接负责的主管人员"),
            some("约谈", "相关责任人"),
            some("通报", "相关责任人"),
        ]
    );
}

#[test]
fn foreigners_sent_out_in_a_liability_chapter() {
    let text = "第一章　总则\n第一条　为了规范外籍人员就业，制定本条例。\n第二章　法律责任\n\
                第二条　外国人未经许可在本市就业，情节严重的，可以处限期出境或者驱逐出境。\n\
                第三条　本条例第二条规定的限期出境和驱逐出境由公安机关依法决定并执行。\n\
                第四条　职工虚报业绩的，三年内不得被评为先进个人。\n";
    assert_eq!(
        sancs(text),
        [
            ("限期出境", "第二章/第二条"),
            ("驱逐出境", "第二章/第二条"),
            ("三年内不得被评为先进个人", "第二章/第四条"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_gain_taken_back_names_no_party_but_the_one_who_gained() {
    let text = "第一条　违规发放的值班补贴，予以收缴。\n\
                第二条　中介机构违规收取的服务费，予以没收。\n";
    assert_eq!(
        sanction_targets(text),
        [
            ("予以收缴".to_string(), None),
            // The party whose gain it is: 中介机构.
            ("没收".to_string(), Some("中介机构".to_string()))
        ]
    );
}

#[test]
fn handling_by_law_rules_and_discipline_in_any_order() {
    let text = "第一条　虚报项目资金的，依法依规依纪予以处理。\n\
                第二条　挪用项目资金的，依纪依规处理。\n";
    assert_eq!(
        sancs(text),
        [
            ("依法依规依纪予以处理", "第一条"),
            ("依纪依规处理", "第二条")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn a_condition_framed_by_dui_names_its_persons_at_its_end() {
    let text = "五、严明纪律\n对弄虚作假,虚报冒领,骗取补助资金的单位和个人,要依纪依法严肃处理。\n";
    assert_eq!(
        sanction_targets(text),
        [(
            "依纪依法严肃处理".to_string(),
            Some("骗取补助资金的单位和个人".to_string())
        )]
    );
}

#[test]
fn the_ways_of_a_partys_accountability_are_its_measures() {
    let text = "第三条　对基层党组织的问责，根据问题性质，可以采取检查、通报、改组等方式。\n";
    let party = Some("基层党组织".to_string());
    assert_eq!(
        sanction_targets(text),
        [
            ("检查".to_string(), party.clone()),
            ("通报".to_string(), party.clone()),
            ("改组".to_string(), party),
        ]
    );
    // The ways of a procedure are none.
    let text = "第四条　对问题线索，采取谈话函询、初步核实、暂存待查等方式分类处置。\n";
    assert!(sanction_targets(text).is_empty());
}

#[test]
fn measures_written_out_as_imposed_are_read_without_a_penalty_chapter() {
    let text = "一、超载运输\n【裁量基准】一般：给予警告；较重：没收违法所得，并处一千元罚款。\n";
    let terms: Vec<String> = sanction_targets(text).into_iter().map(|(s, _)| s).collect();
    assert_eq!(terms, ["警告", "没收违法所得", "罚款"]);
    // A clause of a circumstance is none (应当给予警告处分，又有…情形的).
    let text = "第五条　应当给予警告处分，又有减轻情节的，免予处分。\n";
    assert!(!sanction_targets(text).iter().any(|(s, _)| s == "警告"));
}

/// The target each sanction named `term` gets in `text`.
fn targets_of(text: &str, term: &str) -> Vec<Option<String>> {
    sanction_targets(text)
        .into_iter()
        .filter(|(s, _)| s == term)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn a_target_ends_before_the_words_of_the_manner() {
    let text = "关于加强林区防火巡查工作的通知\n\n各乡镇人民政府：\n一、严肃问责\n\
                巡查流于形式、酿成火情的，对负有责任的领导人员和其他直接责任人员依规依纪给予处分。\
                隐瞒火情不报的，对被督查单位负有责任的领导干部依纪依法予以问责。\n";
    assert_eq!(
        targets_of(text, "处分"),
        [Some("负有责任的领导人员和其他直接责任人员".to_string())]
    );
    assert_eq!(
        targets_of(text, "予以问责"),
        [Some("被督查单位负有责任的领导干部".to_string())]
    );
}

#[test]
fn the_party_of_a_talk_is_whom_the_acting_body_talks_to() {
    // A rule: 由X对Y进行约谈 names Y, persons and not the bodies they lead.
    let text = "关于加强林区防火巡查工作的通知\n\n各乡镇人民政府：\n一、约谈\n\
                逾期未完成整改的，由县委、县政府对该乡镇主要负责人进行约谈。\
                连续两个季度排名末位的，由县政府对乡镇政府、县直有关部门主要负责人进行约谈。\n";
    assert_eq!(
        targets_of(text, "约谈"),
        [
            Some("该乡镇主要负责人".to_string()),
            Some("乡镇政府、县直有关部门主要负责人".to_string()),
        ]
    );
    // A report: 由X约谈Y names Y.
    let text = "关于白沙镇防火责任落实情况的通报\n\n各乡镇人民政府：\n\
                2024年3月，白沙镇发生一起山火。经调查，镇林业站巡查不到位。\
                由县林业局约谈该站站长邱某某。\n";
    assert_eq!(
        targets_of(text, "约谈"),
        [Some("该站站长邱某某".to_string())]
    );
}

#[test]
fn measures_after_an_umbrella_that_names_the_persons_are_theirs() {
    let text = "关于加强林区防火巡查工作的通知\n\n各乡镇人民政府：\n一、严肃问责\n\
                对巡查工作弄虚作假的，依规依纪追究相关责任人员的责任，视情节给予批评教育、\
                诫勉谈话或者组织处理。\n";
    for term in ["批评教育", "诫勉谈话", "组织处理"] {
        assert_eq!(
            targets_of(text, term),
            [Some("相关责任人员".to_string())],
            "{term}"
        );
    }
}

#[test]
fn a_party_named_by_what_is_done_to_it_bears_the_measure() {
    let text = "关于加强林区防火巡查工作的通知\n\n各乡镇人民政府：\n一、约谈整改\n\
                被约谈方逾期拒不整改的，给予通报批评。\n";
    assert_eq!(targets_of(text, "通报批评"), [Some("被约谈方".to_string())]);
}

#[test]
fn a_body_that_acts_is_no_party_of_the_measure() {
    // 由X对Y: Y is the party; a 对 inside the body's name (对外, 相对) names none, and a
    // measure of another body named after (由Z对W进行处罚) is not Y's.
    let text = "第二十条　违反本条例规定，擅自采砂的，由县级以上人民政府对外合作主管部门\
                责令改正，没收违法所得。\n\
                第二十一条　违反本条例规定，造成河岸坍塌的，由县水务局对采砂单位处二万元罚款，\
                由县交通运输局按照有关规定对运砂船舶进行处罚。\n\
                第二十二条　违反本条例规定，未按时报送资料的，由县水务局对直接负责的主管人员\
                依法给予处分。\n";
    let targets = sanction_targets(text);
    let of = |term: &str| {
        targets
            .iter()
            .filter(|(s, _)| s == term)
            .map(|(_, t)| t.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        of("没收违法所得")
            .iter()
            .all(|t| t.as_deref().is_none_or(|t| !t.contains("合作主管部门")))
    );
    assert_eq!(of("罚款"), [Some("采砂单位".to_string())]);
    assert!(
        targets
            .iter()
            .filter(|(s, _)| s.contains("进行处罚"))
            .all(|(_, t)| t.as_deref() != Some("采砂单位")),
        "{targets:?}"
    );
    assert_eq!(of("处分"), [Some("直接负责的主管人员".to_string())]);
}
