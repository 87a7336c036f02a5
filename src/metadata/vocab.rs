//! The words of metadata, as data.

use crate::model::EventKind;

/// How the name of an issuing or addressed body ends (人民政府, 办公厅, 党组, 有关部门 …).
pub const BODY_SUFFIXES: &[&str] = &[
    "政府",
    "委员会",
    "办公厅",
    "办公室",
    "党组",
    "党委",
    "工委",
    "纪委",
    "监委",
    "中央",
    "国务院",
    "部门",
    "单位",
    "机构",
    "机关",
    "企业",
    "团体",
    "组织",
    "集团",
    "公司",
    "银行",
    "中心",
    "协会",
    "联合会",
    "大学",
    "学院",
    "学校",
    "医院",
    "法院",
    "检察院",
    "总队",
    "支队",
    "大队",
    "司令部",
    "政治部",
    "保障部",
    "支部",
    "总支",
    "委",
    "厅",
    "局",
    "部",
    "院",
    "署",
    "会",
    "室",
    "处",
    "科",
    "所",
    "站",
    "队",
    "馆",
    "社",
    "办",
    "组",
    "府",
    "行",
    "军",
    "区",
    "县",
    "市",
    "省",
];

/// Units and date words that may follow a number opening a name (2024年, 3月份, 5个, 10%):
/// such a number is the name's, not a list's.
pub const NUMBER_UNITS: &str = "年月日号个项条%％万元次届期";

/// Marks of a span of numbers (2024—2025, 2024-2026, 2024至2025).
pub const SPAN_MARKS: &str = "—–-~～至到";

/// The word that opens the subject of a 公文's title (关于…的通知).
pub const TITLE_ABOUT: &str = "关于";

/// The genre words that end a 公文's title (GB/T 9704-2012 and the 条例 on 公文 processing:
/// 决议, 决定, 命令, 公报, 公告, 通告, 意见, 通知, 通报, 报告, 请示, 批复, 议案, 函, 纪要), and
/// the kinds of text a notice issues (方案, 办法, 规定).
pub const GENRE_WORDS: &[&str] = &[
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
    "议案", "函", "纪要", "方案", "办法", "规定", "细则", "规划",
];

/// The words of a 令 that make its text public (现予公布).
pub const PROMULGATION_PHRASES: &[&str] =
    &["现予公布", "现予发布", "现予颁布", "予以公布", "予以发布"];

/// How the office of the head of a body who signs a 令 ends (市长, 省长, 主席, 主任, 总理 …).
pub const OFFICES: &[&str] = &["长", "主席", "主任", "总理", "书记"];

/// Labels of the 抄送 line of the 版记 (分送 in a 纪要, §10.2).
pub const CC_LABELS: &[&str] = &["抄送", "分送"];

/// 密级 (GB/T 9704-2012 §7.2.2).
pub const SECRECY: &[&str] = &["绝密", "机密", "秘密"];

/// 紧急程度 (§7.2.3; 特提 and 平急 of telegrams).
pub const URGENCY: &[&str] = &["特急", "加急", "特提", "平急"];

/// Words of an event in a statute's history, each with its kind; the longer first.
pub const EVENT_WORDS: &[(&str, EventKind)] = &[
    ("审议通过", EventKind::Adopted),
    ("通过", EventKind::Adopted),
    ("批准", EventKind::Approved),
    ("公布", EventKind::Promulgated),
    ("发布", EventKind::Promulgated),
    ("颁布", EventKind::Promulgated),
    ("印发", EventKind::Promulgated),
    ("修正", EventKind::Amended),
    ("修改", EventKind::Amended),
    ("修订", EventKind::Revised),
    ("施行", EventKind::Effective),
    ("实施", EventKind::Effective),
    ("生效", EventKind::Effective),
    ("执行", EventKind::Effective),
];

/// The label of a web page's row that states the document's 发文字号.
pub const SITE_DOC_NUMBER: &str = "发文字号";
/// The label of a web page's row that states the document's 成文日期 (not 发布日期, the
/// page's).
pub const SITE_DATE: &str = "成文日期";
/// The label of a web page's row that states the document's 发文机关.
pub const SITE_ISSUER: &str = "发文机关";

/// Labels of the rows of a web page's metadata table and of its furniture: a line that
/// starts with one is the site's, not the document's.
pub const SITE_LABELS: &[&str] = &[
    "索引号",
    "发文字号",
    "发文机关",
    "发布机构",
    "发布日期",
    "发布时间",
    "成文日期",
    "主题分类",
    "来源",
    "信息来源",
    "浏览次数",
    "访问量",
    "字号",
    "打印",
    "分享",
    "责任编辑",
    "生效日期",
    "有效性",
    "时效性",
    "标题",
];

/// Whether `name` reads as the name of a body (人民政府, 办公厅, 有关部门 …).
pub fn is_body(name: &str) -> bool {
    let n = name.trim_end_matches(['）', ')']);
    let chars = n.chars().count();
    (2..=40).contains(&chars)
        && !n.contains(['，', '。', '；', '：', ':', '！', '？', '《'])
        && BODY_SUFFIXES.iter().any(|s| n.ends_with(s))
}
