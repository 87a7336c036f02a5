use super::*;
use crate::model::EventKind;
use crate::structure;

fn meta(text: &str) -> Metadata {
    let src = SourceText::from_utf8(text);
    let a = structure::analyse(&src);
    metadata(&src, &a.documents[0])
}

/// An invented 公文 with a full 版头 and 版记 (GB/T 9704-2012).
const NOTICE: &str = "000125\n\
机密★1年\n\
特急\n\
青川市人民政府文件\n\
\n\
青政发〔2024〕7号\n\
\n\
青川市人民政府关于加强河道保洁工作的通知\n\
\n\
各区县人民政府，市政府各部门，各直属机构：\n\
\n\
为改善河道环境，现就有关事项通知如下。\n\
一、明确责任\n\
各区县人民政府负责辖区河道保洁。\n\
二、加强考核\n\
市水务局会同市财政局开展年度考核。\n\
\n\
附件：1．青川市河道保洁标准\n\
      2．河道保洁考核办法\n\
\n\
青川市人民政府\n\
2024年3月8日\n\
\n\
（此件公开发布）\n\
\n\
抄送：市委各部门，市人大常委会办公室，市政协办公室。\n\
青川市人民政府办公室          2024年3月9日印发\n";

#[test]
fn a_notice_has_its_gbt_9704_elements() {
    let m = meta(NOTICE);
    let v =
        |e: &Option<crate::model::Element<String>>| e.as_ref().map(|e| (e.value.clone(), e.line));
    assert_eq!(v(&m.copy_number), Some(("000125".into(), 1)));
    let s = m.secrecy.as_ref().unwrap();
    assert_eq!(
        (s.value.level.as_str(), s.value.period.as_deref(), s.line),
        ("机密", Some("1年"), 2)
    );
    assert_eq!(v(&m.urgency), Some(("特急".into(), 3)));
    assert_eq!(v(&m.issuer_mark), Some(("青川市人民政府".into(), 4)));
    let d = m.doc_number.as_ref().unwrap();
    assert_eq!(
        (
            d.value.agency_code.as_str(),
            d.value.year,
            d.value.serial,
            d.text.as_str(),
            d.line
        ),
        ("青政发", 2024, 7, "青政发〔2024〕7号", 6)
    );
    let a = m.addressees.as_ref().unwrap();
    assert_eq!(
        (a.value.clone(), a.line),
        (
            vec![
                "各区县人民政府".to_string(),
                "市政府各部门".into(),
                "各直属机构".into()
            ],
            10
        )
    );
    let at = m.attachments.as_ref().unwrap();
    assert_eq!(
        (at.value.clone(), at.line),
        (
            vec!["青川市河道保洁标准".to_string(), "河道保洁考核办法".into()],
            18
        )
    );
    assert_eq!(v(&m.issuer), Some(("青川市人民政府".into(), 21)));
    assert_eq!(v(&m.date), Some(("2024-03-08".into(), 22)));
    assert_eq!(v(&m.note), Some(("此件公开发布".into(), 24)));
    assert_eq!(
        m.cc.as_ref().map(|c| c.value.clone()),
        Some(vec![
            "市委各部门".to_string(),
            "市人大常委会办公室".into(),
            "市政协办公室".into()
        ])
    );
    assert_eq!(v(&m.printed_by), Some(("青川市人民政府办公室".into(), 27)));
    assert_eq!(v(&m.print_date), Some(("2024-03-09".into(), 27)));
    assert!(m.events.is_empty());
}

#[test]
fn chinese_numerals_and_a_number_under_the_title() {
    let m = meta(
        "关于调整停车收费标准的通知\n（青发改价〔2023〕15号）\n各停车场经营单位：\n现将有关事项通知如下。\n一、调整范围\n全市公共停车场。\n二、执行时间\n自二〇二三年六月一日起执行。\n青川市发展和改革委员会\n二〇二三年五月四日\n",
    );
    assert_eq!(m.doc_number.as_ref().map(|d| d.value.serial), Some(15));
    assert_eq!(
        m.date.as_ref().map(|d| d.value.as_str()),
        Some("2023-05-04")
    );
    assert_eq!(
        m.date.as_ref().map(|d| d.text.as_str()),
        Some("二〇二三年五月四日")
    );
    assert_eq!(
        m.issuer.as_ref().map(|d| d.value.as_str()),
        Some("青川市发展和改革委员会")
    );
    assert_eq!(m.addressees.as_ref().map(|d| d.value.len()), Some(1));
}

#[test]
fn numbers_cited_in_the_body_are_not_metadata_but_site_rows_state_them() {
    let m = meta(
        "发文字号：青政办发〔2022〕3号\n发布日期：2022年01月07日\n关于做好防汛工作的通知\n各区县人民政府：\n根据青政发〔2021〕9号文件精神，现通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    let d = m.doc_number.unwrap();
    assert_eq!((d.value.serial, d.value.year, d.line), (3, 2022, 1));
    // 发布日期 is the page's, no 成文日期.
    assert!(m.date.is_none());
    let m = meta(
        "成文日期：2022年01月05日\n关于做好防汛工作的通知\n各区县人民政府：\n根据青政发〔2021〕9号文件精神，现通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    assert!(m.doc_number.is_none());
    assert_eq!(
        m.date.map(|d| (d.value, d.line)),
        Some(("2022-01-05".to_string(), 1))
    );
}

#[test]
fn a_number_only_at_the_end_of_the_title() {
    let m = meta(
        "青川市人民政府关于做好防汛工作的通知（青政发〔2022〕3号）\n各区县人民政府：\n现通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    let d = m.doc_number.unwrap();
    assert_eq!(
        (d.value.serial, d.text.as_str(), d.line),
        (3, "青政发〔2022〕3号", 1)
    );
}

#[test]
fn site_table_rows_however_their_cells_are_joined() {
    for row in [
        "发文字号 | 青政发〔2022〕3号",
        "发文字号\t青政发〔2022〕3号",
        "发文字号 青政发〔2022〕3号",
    ] {
        let m = meta(&format!(
            "{row}\n关于做好防汛工作的通知\n各区县人民政府：\n现通知如下。\n一、做好准备\n各地要做好准备。\n"
        ));
        // The row states the number of a document that does not state it itself.
        assert_eq!(
            m.doc_number.map(|d| (d.value.serial, d.line)),
            Some((3, 1)),
            "{row}"
        );
    }
}

#[test]
fn statute_header_events_and_closing_article() {
    let m = meta(
        "青川市河道管理条例\n\
         （2010年6月25日青川市第十四届人民代表大会常务委员会第二十次会议通过　2018年9月28日青川市第十五届人民代表大会常务委员会第十二次会议修订）\n\
         第一条 为了加强河道管理，制定本条例。\n\
         第二条 本条例自2019年1月1日起施行。\n",
    );
    let ev: Vec<(EventKind, Option<&str>, Option<&str>, u64)> = m
        .events
        .iter()
        .map(|e| (e.kind, e.date.as_deref(), e.body.as_deref(), e.line))
        .collect();
    assert_eq!(
        ev,
        vec![
            (
                EventKind::Adopted,
                Some("2010-06-25"),
                Some("青川市第十四届人民代表大会常务委员会第二十次会议"),
                2
            ),
            (
                EventKind::Revised,
                Some("2018-09-28"),
                Some("青川市第十五届人民代表大会常务委员会第十二次会议"),
                2
            ),
            (EventKind::Effective, Some("2019-01-01"), None, 4),
        ]
    );
}

#[test]
fn a_markdown_header_with_orders_amendments_and_shared_verbs() {
    let m = meta(
        "# 青川市供水条例\n\n\
         2001年3月2日 青川市人民政府令第31号公布\n\n\
         2011年1月8日 《青川市人民政府关于修改〈青川市供水条例〉的决定》第一次修订　\n\n\
         2013年3月8日 青川市人民政府常务会议、2013年3月18日青川市人民代表大会常务委员会第九次会议通过\n\n\
         2016年2月6日 青川市第十四届人民代表大会常务委员会第二十次会议《关于修改\n\
         〈青川市供水条例〉的决定》第二次修正\n\n\
         <!-- INFO END -->\n\n\
         ## 第一章 总则\n\n\
         第一条 为了保障供水，制定本条例。\n\n\
         第二条 本条例自公布之日起施行。\n",
    );
    // 自公布之日 is the date of the promulgation the header states.
    let ev: Vec<(EventKind, Option<&str>, Option<&str>, u64)> = m
        .events
        .iter()
        .map(|e| (e.kind, e.date.as_deref(), e.body.as_deref(), e.line))
        .collect();
    assert_eq!(
        ev,
        vec![
            (
                EventKind::Promulgated,
                Some("2001-03-02"),
                Some("青川市人民政府"),
                3
            ),
            (EventKind::Revised, Some("2011-01-08"), None, 5),
            (
                EventKind::Adopted,
                Some("2013-03-08"),
                Some("青川市人民政府常务会议"),
                7
            ),
            (
                EventKind::Adopted,
                Some("2013-03-18"),
                Some("青川市人民代表大会常务委员会第九次会议"),
                7
            ),
            (
                EventKind::Amended,
                Some("2016-02-06"),
                Some("青川市第十四届人民代表大会常务委员会第二十次会议"),
                9
            ),
            // 自公布之日起施行: the text does not state the date.
            (EventKind::Effective, Some("2001-03-02"), None, 18),
        ]
    );
    assert_eq!(
        m.order_number.as_ref().map(|o| (o.value.as_str(), o.line)),
        Some(("青川市人民政府令第31号", 3))
    );
}

#[test]
fn a_notice_that_issues_a_rule_and_attributive_verbs() {
    let m = meta(
        "青川市人民政府关于印发青川市议事规则的通知\n         青政发〔2020〕2号\n         各区县人民政府：\n         现将《青川市议事规则》印发给你们，请认真执行。\n         青川市人民政府\n         2020年3月2日\n         青川市议事规则\n         （2020年2月20日市政府第8次\n         常务会议修订通过）\n         第一条 为了规范议事，制定本规则。\n         第二条 本规则自2020年4月1日起施行。\n",
    );
    let ev: Vec<(EventKind, Option<&str>, Option<&str>, u64)> = m
        .events
        .iter()
        .map(|e| (e.kind, e.date.as_deref(), e.body.as_deref(), e.line))
        .collect();
    assert_eq!(
        ev,
        vec![
            (
                EventKind::Revised,
                Some("2020-02-20"),
                Some("市政府第8次常务会议"),
                8
            ),
            (EventKind::Effective, Some("2020-04-01"), None, 11),
        ]
    );
    let m = meta(
        "青川市节约用水意见\n青川市委办公室　青川市人民政府办公室印发《青川市节约用水意见》\n一、总体要求\n全面节约用水。\n",
    );
    assert_eq!(
        m.events
            .first()
            .map(|e| (e.kind, e.date.is_none(), e.body.as_deref())),
        Some((
            EventKind::Promulgated,
            true,
            Some("青川市委办公室、青川市人民政府办公室")
        ))
    );
    let m = meta(
        "# 青川市供水条例\n\n2014年2月21日 青川市第九次会议通过的《青川市供水条例修正案》修正\n\n<!-- INFO END -->\n\n第一条 为了保障供水，制定本条例。\n",
    );
    let ev: Vec<(EventKind, Option<&str>)> = m
        .events
        .iter()
        .map(|e| (e.kind, e.body.as_deref()))
        .collect();
    assert_eq!(ev, vec![(EventKind::Amended, Some("青川市第九次会议"))]);
}

#[test]
fn an_addressee_list_wrapped_over_two_lines() {
    let m = meta(
        "青川市人民政府关于做好防汛工作的通知\n青政发〔2024〕2号\n各区县人民政府，市政府各部门、\n各直属机构：\n现就有关事项通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    let a = m.addressees.unwrap();
    assert_eq!(
        (a.value, a.line),
        (
            vec![
                "各区县人民政府".to_string(),
                "市政府各部门、各直属机构".into()
            ],
            3
        )
    );
}

#[test]
fn an_addressee_list_broken_inside_a_name() {
    // A fixed-width copy breaks the list inside its last name: the short line with the
    // colon is the rest of that name, not an addressee of its own.
    let m = meta(
        "青川市人民政府关于做好防汛工作的通知\n青政发〔2024〕3号\n各区县人民政府，市政府各部门，各有关\n单位：\n现就有关事项通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    let a = m.addressees.unwrap();
    assert_eq!(
        (a.value, a.text.as_str(), a.line),
        (
            vec![
                "各区县人民政府".to_string(),
                "市政府各部门".into(),
                "各有关单位".into()
            ],
            "各区县人民政府，市政府各部门，各有关单位：",
            3
        )
    );
}

#[test]
fn a_broken_addressee_line_takes_no_title_and_no_sentence() {
    // The title's last line is no list of bodies: the 主送 under it is read alone.
    assert!(!gongwen::continues_list(
        "青川市人民政府关于加强河道管理的通知",
        "各区人民政府："
    ));
    // A list without its colon does not take the first sentence of the body, short or long.
    assert!(!gongwen::continues_list(
        "各区人民政府，各有关单位",
        "为做好防汛准备，现通知如下："
    ));
    let m = meta(
        "青川市人民政府关于做好防汛工作的通知\n各区县人民政府，各有关单位\n现通知如下：\n一、做好准备\n各地要做好准备。\n",
    );
    assert_eq!(m.addressees, None);
    // A title over two lines, then the list broken inside a name.
    let m = meta(
        "青川市人民政府关于做好二〇二四年\n防汛工作的通知\n各区县人民政府，市政府各部门，各有\n关单位：\n现就有关事项通知如下。\n一、做好准备\n各地要做好准备。\n",
    );
    let a = m.addressees.unwrap();
    assert_eq!(
        (a.value, a.line),
        (
            vec![
                "各区县人民政府".to_string(),
                "市政府各部门".into(),
                "各有关单位".into()
            ],
            3
        )
    );
}

#[test]
fn attachment_names_that_open_with_a_year() {
    let m = meta(
        "青川市人民政府关于表扬先进的通报\n各区县人民政府：\n现将有关事项通报如下。\n一、表扬\n予以通报表扬。\n附件：1．2023年度先进集体名单\n      2．2023年度先进个人名单\n      3.2024—2025年工作安排\n      4、3月份评比结果\n青川市人民政府\n2024年1月5日\n",
    );
    let at = m.attachments.unwrap();
    assert_eq!(
        (at.value, at.line),
        (
            vec![
                "2023年度先进集体名单".to_string(),
                "2023年度先进个人名单".into(),
                "2024—2025年工作安排".into(),
                "3月份评比结果".into()
            ],
            6
        )
    );
}

#[test]
fn lists_parted_by_enumeration_commas_name_their_bodies() {
    assert_eq!(
        gongwen::split_list("省发展改革委、省财政厅、省交通运输厅，各县（市、区）人民政府。"),
        vec![
            "省发展改革委",
            "省财政厅",
            "省交通运输厅",
            "各县（市、区）人民政府"
        ]
    );
    // A group that 各 opens or shares stays whole.
    assert_eq!(
        gongwen::split_list("各省、自治区、直辖市人民政府，国务院各部委、各直属机构"),
        vec!["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]
    );
}

#[test]
fn a_main_addressee_line_glued_to_the_title() {
    let c = "白沙县人民政府关于做好秋季征兵工作的通知各乡镇人民政府，县政府各部门";
    let end = gongwen::glued_title_end(c).unwrap();
    assert_eq!(&c[end..], "各乡镇人民政府，县政府各部门");
    assert_eq!(
        gongwen::glued_title_end("各乡镇人民政府，县政府各部门"),
        None
    );
}
