//! The words of references, as data: what names this document, another one, or a verb
//! that governs a reference.

/// Words that name the document they stand in (本法第十条 = this law's article 10), longest
/// first so that 本实施细则 wins over 本细则.
pub const OWN_DOCUMENT: &[&str] = &[
    "本实施细则",
    "本实施办法",
    "本实施条例",
    "本暂行规定",
    "本暂行办法",
    "本法典",
    "本条例",
    "本规定",
    "本办法",
    "本细则",
    "本规则",
    "本准则",
    "本决定",
    "本解释",
    "本章程",
    "本规程",
    "本守则",
    "本制度",
    "本意见",
    "本通知",
    "本方案",
    "本标准",
    "本公约",
    "本法",
];

/// Words that name a document mentioned before (该法第五条).
pub const PREVIOUS_DOCUMENT: &[&str] = &[
    "该法",
    "该条例",
    "该规定",
    "该办法",
    "该细则",
    "该决定",
    "该解释",
    "上述法律",
    "上述规定",
];

/// How the name of a document ends when it is cited without 《》 (刑法第二十条, 专利法实施细则
/// 第五条, 民法典第一千一百六十五条).
pub const DOCUMENT_SUFFIXES: &[&str] = &[
    "法典", "法", "分则", "总则", "条例", "规定", "办法", "细则", "规则", "决定", "解释", "章程",
    "准则", "公约", "协定", "条约", "通则",
];

/// Document-type words that, standing alone before a 第X条 (条例第五条所称, 依照条例第四十条),
/// name another document: the act an implementing rule carries out (安平市实施《…条例》办法),
/// never this one, which says 本条例. 法 and 法典 are not among them (依法第五条 is no name),
/// nor 总则/分则 (parts of the law at hand).
pub const BARE_ACTS: &[&str] = &[
    "条例", "规定", "办法", "细则", "规则", "决定", "解释", "章程", "准则", "公约", "协定", "条约",
];

/// Words that make one name with a bare act word after them: 实施条例第三条 is not 条例第三条.
pub const BARE_ACT_COMPOUNDS: &[&str] = &["实施"];

/// Verbs and conjunctions that end the words before a document cited without 《》: the name
/// starts after the last of them (违反治安管理处罚法 → 治安管理处罚法).
pub const NAME_STOPS: &[&str] = &[
    "依照", "依据", "根据", "按照", "遵照", "参照", "违反", "适用", "符合", "执行", "实施", "落实",
    "贯彻", "对照", "援引", "引用", "以及", "或者", "和", "或", "及", "与", "的", "、",
];

/// Verbs that govern a reference and belong to it as written (依照本法第二十三条).
pub const GOVERNING_VERBS: &[&str] = &[
    "依照", "依据", "根据", "按照", "遵照", "参照", "违反", "适用", "对照",
];

/// Characters before 前 that make it part of a word (目前, 提前, 此前): no 前款/前条 there.
pub const NOT_BEFORE_RELATIVE: &[char] = &[
    '目', '提', '之', '以', '此', '事', '生', '当', '空', '史', '从', '眼', '面', '向', '日', '年',
    '月', '上', '跟', '门', '台', '阵', '会', '节', '考', '战', '学', '产', '婚', '餐',
];

/// The words by which an amending decision or an amendment names itself; its other 本法,
/// 本条例 … are in the text it inserts and name the law amended.
pub const AMENDMENT_OWN: &[&str] = &["本决定"];

/// Characters that end the words leading into a bare reference (依照, 按, 有, 将, 删去, 在,
/// 、 …): a 第X条 after any other ideograph and before no citing words is a marker glued to
/// a heading, not a reference.
pub const INTRODUCERS: &[char] = &[
    '照', '据', '按', '反', '用', '有', '将', '在', '于', '与', '和', '及', '或', '的', '经', '除',
    '去', '合', '依', '见', '由', '即', '从', '对', '入', '至', '到', '同', '把', '自', '为', '是',
    '即', '改', '删', '增', '含', '括', '定', '述', '列', '行', '款', '条', '项',
];
