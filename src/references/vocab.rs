//! The words of references, as data: what names this document, another one, or a verb
//! that governs a reference.

/// Words that name the statute, rule or regulation they stand in (本法第十条 = this law's
/// article 10), longest first so that 本实施细则 wins over 本细则; a 公文's words are
/// [`GONGWEN_OWN`], and [`own_words`] gives both.
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
    "本解释",
    "本章程",
    "本规程",
    "本守则",
    "本制度",
    "本标准",
    "本公约",
    "本法",
];

/// The words a 公文 names itself with (本通知, 本函, 本纪要 …): its top-level items (一、二、)
/// are what its 第X条, 第X项 and 第X部分 name.
pub const GONGWEN_OWN: &[&str] = &[
    "本意见",
    "本通知",
    "本方案",
    "本批复",
    "本请示",
    "本纪要",
    "本报告",
    "本通报",
    "本函",
    "本决定",
];

/// Every word that names the document it stands in: [`OWN_DOCUMENT`] and [`GONGWEN_OWN`].
pub fn own_words() -> impl Iterator<Item = &'static &'static str> {
    OWN_DOCUMENT.iter().chain(GONGWEN_OWN)
}

/// The units by which a 公文 names its top-level items besides 条: 第一项, 第二部分.
pub const TOP_ITEM_UNITS: &[&str] = &["部分", "项"];

/// Characters before 本 that make it part of a word (基本法, 基本规则): no 本法/本规则 there.
pub const NOT_BEFORE_OWN: &[char] = &['基'];

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

/// How the title of a document ends (a law, a regulation, a rule, a plan, a notice …): a
/// name in 《》 that ends so is a reference to that document even without an article. Words
/// that also end the names of periodicals and lists (公告, 报告, 清单, 目录) are left out.
pub const DOCUMENT_KINDS: &[&str] = &[
    "法",
    "法典",
    "条例",
    "规定",
    "办法",
    "细则",
    "规则",
    "决定",
    "决议",
    "解释",
    "章程",
    "准则",
    "公约",
    "协定",
    "条约",
    "通则",
    "守则",
    "规程",
    "制度",
    "标准",
    "规范",
    "指南",
    "通知",
    "通报",
    "通告",
    "意见",
    "规划",
    "计划",
    "方案",
    "纲要",
    "请示",
    "批复",
    "纪要",
    "函",
    "修正案",
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

/// A word that ends the words before a document cited without 《》: the name starts after
/// the last of them (违反治安管理处罚法 → 治安管理处罚法, 应当认定为民法典 → 民法典), unless a
/// character next to it makes it part of a word of the name (共和国, 对外贸易法, 未成年人).
#[derive(Debug)]
pub struct NameStop {
    pub word: &'static str,
    /// Characters right before it that make it part of a word (共 of 共和国).
    pub not_after: &'static [char],
    /// Words right after it that make it part of a word (对外, 犯罪, 以上).
    pub not_before: &'static [&'static str],
}

/// A stop that nothing next to it takes back.
const fn stop(word: &'static str) -> NameStop {
    NameStop {
        word,
        not_after: &[],
        not_before: &[],
    }
}

/// Verbs, prepositions, conjunctions and particles that cannot be part of a law's name cited
/// without 《》. 关于 is one unless a 的 follows it in the name (国务院关于…的决定, see
/// [`ABOUT`]). A stop right before a 法 that would leave nothing but 法 is part of the name
/// (…法律适用法), as is 实施 before a bare act word (专利法实施细则).
pub const NAME_STOPS: &[NameStop] = &[
    stop("依照"),
    stop("依据"),
    stop("根据"),
    stop("按照"),
    stop("遵照"),
    stop("参照"),
    stop("比照"),
    stop("违反"),
    stop("违背"),
    stop("适用"),
    stop("符合"),
    stop("执行"),
    stop("实施"),
    stop("落实"),
    stop("贯彻"),
    stop("对照"),
    stop("援引"),
    stop("引用"),
    stop("以及"),
    stop("或者"),
    stop("认定"),
    stop("属于"),
    stop("视为"),
    stop("视同"),
    stop("对于"),
    stop("基于"),
    stop("关于"),
    stop("具有"),
    stop("具备"),
    stop("存在"),
    stop("构成"),
    stop("包括"),
    stop("是指"),
    stop("遵守"),
    stop("履行"),
    stop("行使"),
    stop("承担"),
    stop("达到"),
    stop("超过"),
    stop("超出"),
    stop("排除"),
    stop("免除"),
    stop("触犯"),
    stop("涉嫌"),
    stop("没有"),
    stop("有无"),
    stop("不受"),
    stop("考虑"),
    stop("采取"),
    stop("收到"),
    stop("提交"),
    stop("计入"),
    stop("撤销"),
    stop("删去"),
    stop("指定"),
    stop("不影响"),
    stop("规定"),
    NameStop {
        word: "和",
        not_after: &['共'],
        not_before: &[],
    },
    NameStop {
        word: "及",
        not_after: &['普'],
        not_before: &[],
    },
    stop("或"),
    stop("与"),
    stop("的"),
    stop("、"),
    NameStop {
        word: "有",
        not_after: &['国', '所', '公', '私', '反'],
        not_before: &["毒", "害", "机", "线"],
    },
    NameStop {
        word: "以",
        not_after: &[],
        not_before: &["上", "下", "内", "外"],
    },
    stop("在"),
    NameStop {
        word: "对",
        not_after: &['应'],
        not_before: &["外"],
    },
    stop("于"),
    NameStop {
        word: "除",
        not_after: &['扫', '解', '消', '清', '拆', '革', '废'],
        not_before: &[],
    },
    stop("将"),
    stop("按"),
    stop("因"),
    NameStop {
        word: "犯",
        not_after: &[],
        not_before: &["罪"],
    },
    NameStop {
        word: "其",
        not_after: &['及', '尤'],
        not_before: &[],
    },
    NameStop {
        word: "为",
        not_after: &['行'],
        not_before: &[],
    },
    NameStop {
        word: "未",
        not_after: &[],
        not_before: &["成年"],
    },
    NameStop {
        word: "由",
        not_after: &['自', '理', '经'],
        not_before: &[],
    },
    NameStop {
        word: "就",
        not_after: &[],
        not_before: &["业"],
    },
    NameStop {
        word: "并",
        not_after: &['合', '兼'],
        not_before: &[],
    },
    NameStop {
        word: "当",
        not_after: &['正'],
        not_before: &[],
    },
    stop("被"),
    stop("把"),
    stop("即"),
    stop("了"),
    stop("但"),
    stop("且"),
    stop("也"),
    stop("又"),
    stop("仅"),
];

/// 关于 that opens the subject of a name (国务院关于…的决定, 最高人民法院关于…的解释): the
/// words between it and the 的 before the type word belong to the name, stops or not.
pub const ABOUT: &str = "关于";

/// The particle that closes the subject opened by [`ABOUT`].
pub const ABOUT_CLOSE: &str = "的";

/// The only words that stand between [`ABOUT_CLOSE`] and the type word (…的决定, …的若干规定,
/// …的暂行实施办法); any other, and the 的 is a sentence's (关于…地位的某某法).
pub const ABOUT_TYPE_QUALIFIERS: &[&str] = &[
    "若干", "暂行", "实施", "补充", "具体", "有关", "试行", "管理", "工作",
];

/// How the name of a document cited without 《》 may start: the state, the bodies that make
/// laws and interpretations, the provinces, autonomous regions and municipalities (the name
/// starts at the last of them before its subject: 应当适用中华人民共和国行政处罚法).
pub const NAME_PREFIXES: &[&str] = &[
    "中华人民共和国",
    "全国人民代表大会常务委员会",
    "全国人民代表大会",
    "国务院",
    "最高人民法院",
    "最高人民检察院",
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
];

/// Verbs that govern a reference and belong to it as written (依照本法第二十三条).
pub const GOVERNING_VERBS: &[&str] = &[
    "依照", "依据", "根据", "按照", "遵照", "参照", "违反", "适用", "对照",
];

/// Characters before 前 that make it part of a word (目前, 提前, 此前): no 前款/前条 there.
pub const NOT_BEFORE_PRECEDING: &[char] = &[
    '目', '提', '之', '以', '此', '事', '生', '当', '空', '史', '从', '眼', '面', '向', '日', '年',
    '月', '上', '跟', '门', '台', '阵', '会', '节', '考', '战', '学', '产', '婚', '餐',
];

/// Characters before 本 that make it part of a word (成本, 基本, 资本, 日本, 文本): no 本条,
/// 本款 or 本章 there.
pub const NOT_BEFORE_THIS: &[char] = &[
    '成', '基', '资', '根', '版', '样', '文', '副', '原', '标', '脚', '账', '帐', '日', '书', '课',
    '剧', '读', '范', '蓝', '血', '老', '亏', '保', '工', '母', '底', '话', '绘', '稿',
];

/// What may follow 前章, 前编, 前节 (no count) or 本章, 本编, 本节 for them to be a
/// reference: a verb or particle of citing, or punctuation (前章规定, 前编所列, 前节的, 前章第二条,
/// 前章和本章, 前编没有规定的, 本章关于, 本节下列, 本编调整, 本章适用). Anything else continues a
/// word (前编制, 前节目, 前章程, 本章程, 本编委员会).
pub const AFTER_BARE_DIVISION: &[char] = &[
    '规', '所', '的', '第', '和', '及', '、', '，', '。', '；', '中', '至', '有', '未', '另', '没',
    '不', '内', '在', '已', '关', '下', '对', '调', '适', '简', '各', '或', '相', '以', '禁', '赋',
    '”', '）',
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
