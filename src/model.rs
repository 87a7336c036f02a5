//! The output types: what `gongwen extract` prints, one [`Record`] per input.
//!
//! These types are the external contract (`schemas/` is generated from them with
//! schemars, and serde's derive is the one source of the JSON shape). Every field named by
//! the contract is kept; a removed or renamed field is a MAJOR bump of [`SCHEMA_VERSION`].
//! What the contract enumerates is an enum here ([`ErrorKind`], [`Stage`], [`Style`], [`Rule`],
//! [`Severity`], [`ConditionKind`], [`Role`], [`SanctionCategory`], [`PenaltyKind`]),
//! serialised to the contract's strings, and every object
//! refuses fields it does not describe (`additionalProperties: false` in the schemas).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr, VariantArray};

/// Version of the record shape (MAJOR.MINOR).
pub const SCHEMA_VERSION: &str = "2.0";

/// One record per input file (or per streaming request).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Version of this record's shape.
    pub schema_version: String,
    /// The request's id, only in `--stdin-format jsonl` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where the text came from and how it was decoded.
    pub source: Source,
    /// `ok`, or `error` with [`Record::error`] set.
    pub status: Status,
    /// Why the input could not be processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorInfo>,
    /// The documents found in the file; a compilation (篇一/篇二…) yields several.
    pub documents: Vec<Document>,
}

/// Whether a record holds a processed document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The input was decoded and analysed.
    Ok,
    /// The input could not be processed; see `error`.
    Error,
}

/// The input's identity and decoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The path as given or as found while walking (`-` for standard input).
    pub path: String,
    /// Size of the original bytes.
    pub bytes: u64,
    /// SHA-256 of the original bytes, lower-case hex (empty when the file could not be read).
    pub sha256: String,
    /// Detected encoding: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, … (null when not decoded).
    pub encoding: Option<String>,
    /// Confidence of the encoding verdict, 0..1.
    pub encoding_confidence: f64,
    /// Whether the file started with a byte order mark.
    #[serde(default)]
    pub bom: bool,
    /// Replacement characters produced while decoding.
    pub decode_errors: u64,
    /// Number of lines in the original file (CRLF, lone CR and LF each end a line); for a
    /// container format, lines of its text view.
    #[serde(default)]
    pub lines: u64,
    /// The input's format, recognised from its content (null when not recognised or not
    /// read).
    #[serde(default)]
    pub format: Option<Format>,
}

/// An input format gongwen reads; each is turned into one text view (see `gongwen text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text in any of the supported encodings.
    Text,
    /// Markdown (the LawRefBook layout among others).
    Markdown,
    /// An HTML page (a government site's policy page).
    Html,
    /// A Word document (Office Open XML).
    Docx,
    /// A PDF with a text layer.
    Pdf,
    /// An OFD document (GB/T 33190).
    Ofd,
}

impl Format {
    /// The name used in records and messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Ofd => "ofd",
        }
    }
}

/// Where a clause's marker comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MarkerSource {
    /// The marker is in the text itself.
    #[default]
    Text,
    /// The marker is Word's automatic numbering, rendered as Word displays it.
    Numbering,
}

impl MarkerSource {
    /// Whether the marker is in the text (the default, not written).
    pub fn is_text(&self) -> bool {
        *self == MarkerSource::Text
    }
}

/// Why an input could not be processed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorInfo {
    /// Machine-readable kind of the failure.
    pub kind: ErrorKind,
    /// Pipeline stage that failed.
    pub stage: Stage,
    /// Human-readable message naming the problem.
    pub message: String,
}

/// Machine-readable kind of an error record (`error.kind`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum ErrorKind {
    /// The input could not be read (missing, unreadable, vanished, not a regular file).
    Io,
    /// The bytes do not decode to text in any supported encoding.
    Decode,
    /// The bytes are not text (an executable, an image, …).
    Binary,
    /// A recognisable format gongwen does not read (legacy `.doc`, `.xlsx`, `.zip`, …).
    UnsupportedFormat,
    /// A broken container (a DOCX, OFD or PDF that cannot be opened).
    Malformed,
    /// A format without a text layer (e.g. a scanned PDF).
    NoText,
    /// Larger than the size guard (`--max-file-size`) allows.
    TooLarge,
    /// Processing took longer than the time limit (`--timeout`).
    Timeout,
    /// An internal error (a bug in gongwen).
    Panic,
    /// A streaming request that could not be understood or served.
    Request,
}

impl ErrorKind {
    /// The kind as written in records (`too-large`, …).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether the failure may not recur on another run (a timeout, a panic, an I/O
    /// error): `--resume` processes such inputs again.
    pub fn is_transient(self) -> bool {
        match self {
            ErrorKind::Io | ErrorKind::Timeout | ErrorKind::Panic => true,
            ErrorKind::Decode
            | ErrorKind::Binary
            | ErrorKind::UnsupportedFormat
            | ErrorKind::Malformed
            | ErrorKind::NoText
            | ErrorKind::TooLarge
            | ErrorKind::Request => false,
        }
    }
}

/// The pipeline stage an error record names (`error.stage`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Stage {
    /// Finding and reading the input.
    Read,
    /// Turning bytes into text.
    Decode,
    /// Documents and clause trees.
    Structure,
    /// Responsibilities, conditions, sanctions.
    Extract,
    /// Numbering checks.
    Lint,
    /// Building the output record.
    Output,
    /// The analysis as a whole, when the failing stage is not known (a watchdog timeout).
    Analyse,
    /// Parsing a streaming request.
    Request,
}

impl Stage {
    /// The stage as written in records.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One document inside a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's title, when one was recognised.
    pub title: Option<String>,
    /// First line of the document (1-based, original file).
    pub line_start: u64,
    /// Last line of the document (1-based, original file).
    pub line_end: u64,
    /// Numbering profile chosen for the document (`gongwen`, `statute`, `party-rule`, `generic`).
    #[serde(default)]
    pub profile: String,
    /// What an archive indexes the document by: the GB/T 9704-2012 elements of a 公文 and
    /// the history of a statute or party rule.
    #[serde(default)]
    pub metadata: Metadata,
    /// Top-level clauses; nested ones under `children`.
    pub clauses: Vec<Clause>,
    /// References to clauses of this document and to other documents, in text order.
    #[serde(default)]
    pub references: Vec<Reference>,
    /// Responsibility statements (holder tied to a role term).
    pub responsibilities: Vec<Responsibility>,
    /// Accountability conditions and sanctions.
    pub accountability: Accountability,
    /// Numbering findings and recovery notes for this document.
    pub diagnostics: Vec<Diagnostic>,
}

/// A numbering style. Half-width and full-width variants of one style share a
/// `Style::family`, so they sit on the same level (mixing them is a lint finding).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Style {
    /// 第X编
    Part,
    /// 第X分编: a sub-part of a 编 (a code's 合同编 in 通则, 典型合同, 准合同), over its 章
    Subpart,
    /// 第X章
    Chapter,
    /// 第X节
    Section,
    /// 第X条
    Article,
    /// 一、
    CnDun,
    /// （一） full-width brackets
    CnParen,
    /// (一) half-width brackets
    CnParenHalf,
    /// 1. / 1． / 1、
    Arabic,
    /// （1） full-width brackets
    ArabicParen,
    /// (1) half-width brackets
    ArabicParenHalf,
    /// ① …
    Circled,
    /// ㈠ …
    ParenIdeograph,
    /// 一是 二是 …
    CnShi,
}

/// One numbered clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// The marker exactly as it stands in the source text (第八条, 一、, （二）, 1．, 一是 …).
    pub marker: String,
    /// The marker's number (1-based); for a garbled marker, the number it should have.
    pub number: u32,
    /// The N of an article inserted by an amendment (`第十七条之一`: number 17, insert 1);
    /// absent on ordinary clauses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insert: Option<u32>,
    /// Numbering style (`chapter`, `article`, `cn-dun`, `cn-paren`, `arabic` …).
    pub style: Style,
    /// 1-based depth in this document's own hierarchy.
    pub level: u32,
    /// Ancestors' components and its own, joined by `/`.
    pub path: String,
    /// 1-based line of the marker in the original file.
    pub line: u64,
    /// 1-based column (Unicode scalar values) of the marker in the original file.
    pub column: u64,
    /// True when the marker does not start its line.
    pub inline: bool,
    /// True when the marker was damaged and recovered from its sequence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub garbled: bool,
    /// The clause's heading (e.g. 总则, 重大意义), when it has one.
    pub heading: Option<String>,
    /// The clause's own text, without its children.
    pub text: String,
    /// Start of the clause (its marker) in the original file's bytes; null inside a
    /// compressed container (DOCX, OFD, PDF), where `line`/`column` count in the text view.
    pub byte_start: Option<u64>,
    /// End of the clause's span (children included) in the original file's bytes; null
    /// inside a compressed container.
    pub byte_end: Option<u64>,
    /// Where the clause's line sits in a container (`word/document.xml#p41`, `page 3`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// `numbering` when the marker is Word's automatic numbering (absent when it is text).
    #[serde(default, skip_serializing_if = "MarkerSource::is_text")]
    pub marker_source: MarkerSource,
    /// Segmentation of the clause's own text (only with `--tokens`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<String>>,
    /// Nested clauses.
    pub children: Vec<Clause>,
}

/// A holder tied to a role term in the same sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// Who bears the role, verbatim (e.g. 党委（党组）).
    pub holder: String,
    /// Canonical role term (第一责任人, 主体责任, 牵头, 配合, 负责 …).
    pub role: Role,
    /// Path of the clause that states it (`""` for text before the first marker).
    pub clause_path: String,
    /// The sentence or phrase that states it.
    pub quote: String,
    /// 1-based line of the quote in the original file.
    pub line: u64,
}

/// The canonical role terms of the contract; synonyms in the text map onto them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
pub enum Role {
    /// 第一责任人.
    #[serde(rename = "第一责任人")]
    #[strum(serialize = "第一责任人")]
    FirstResponsible,
    /// 主体责任.
    #[serde(rename = "主体责任")]
    #[strum(serialize = "主体责任")]
    Principal,
    /// 监督责任.
    #[serde(rename = "监督责任")]
    #[strum(serialize = "监督责任")]
    Supervisory,
    /// 全面领导责任.
    #[serde(rename = "全面领导责任")]
    #[strum(serialize = "全面领导责任")]
    OverallLeadership,
    /// 主要领导责任.
    #[serde(rename = "主要领导责任")]
    #[strum(serialize = "主要领导责任")]
    MainLeadership,
    /// 重要领导责任.
    #[serde(rename = "重要领导责任")]
    #[strum(serialize = "重要领导责任")]
    ImportantLeadership,
    /// 领导责任.
    #[serde(rename = "领导责任")]
    #[strum(serialize = "领导责任")]
    Leadership,
    /// 主要责任 (主要责任人).
    #[serde(rename = "主要责任")]
    #[strum(serialize = "主要责任")]
    Main,
    /// 直接责任 (直接责任人, 直接负责的主管人员, 其他直接责任人员).
    #[serde(rename = "直接责任")]
    #[strum(serialize = "直接责任")]
    Direct,
    /// 相关责任 (相关责任人员).
    #[serde(rename = "相关责任")]
    #[strum(serialize = "相关责任")]
    Related,
    /// 责任主体.
    #[serde(rename = "责任主体")]
    #[strum(serialize = "责任主体")]
    Bearer,
    /// 一岗双责.
    #[serde(rename = "一岗双责")]
    #[strum(serialize = "一岗双责")]
    DualDuty,
    /// 牵头.
    #[serde(rename = "牵头")]
    #[strum(serialize = "牵头")]
    Lead,
    /// 配合 (配合, 参与, 协助, 协办).
    #[serde(rename = "配合")]
    #[strum(serialize = "配合")]
    Assist,
    /// 指导.
    #[serde(rename = "指导")]
    #[strum(serialize = "指导")]
    Guide,
    /// 负责 (X负责…, 由X负责, 对…负责, （X负责）).
    #[serde(rename = "负责")]
    #[strum(serialize = "负责")]
    Charge,
    /// 问责对象.
    #[serde(rename = "问责对象")]
    #[strum(serialize = "问责对象")]
    AccountabilityTarget,
}

impl Role {
    /// The contract's term (主体责任, 负责 …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Accountability content of a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Accountability {
    /// Circumstances under which someone is held accountable.
    pub conditions: Vec<Condition>,
    /// Sanction terms with their targets.
    pub sanctions: Vec<Sanction>,
}

/// Kind of an accountability condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConditionKind {
    /// An ordinary condition (问责/追究责任/处分 情形).
    Condition,
    /// An aggravating circumstance (造成严重后果的…).
    Aggravating,
    /// An exemption (免责情形).
    Exemption,
    /// A catch-all (其他…的情形).
    CatchAll,
}

/// One accountability condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Path of the clause that states it.
    pub clause_path: String,
    /// The condition's text, from its opening words.
    pub text: String,
    /// What kind of condition it is.
    pub kind: ConditionKind,
    /// 1-based line in the original file.
    pub line: u64,
}

/// What kind of sanction a term is, by whom it hits and under which regime.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum SanctionCategory {
    /// 党纪处分: 警告, 严重警告, 撤销党内职务, 留党察看, 开除党籍.
    PartyDiscipline,
    /// 政务处分 / 行政处分 of public officials: 警告, 记过, 记大过, 降级, 撤职, 开除.
    Governmental,
    /// 组织处理 and 问责 measures: 通报, 诫勉, 停职检查, 调整职务, 免职, 约谈 …
    Organisational,
    /// 行政处罚 on citizens and organisations (行政处罚法 第九条), 治安管理处罚 included.
    AdministrativePenalty,
    /// 追究刑事责任, 移送司法机关 …
    Criminal,
    /// 民事责任, 赔偿.
    Civil,
    /// A consequence named only generically: 依法处理, 追究责任 …
    Other,
}

impl SanctionCategory {
    /// The contract's name (`party-discipline`, …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// The kind of an administrative penalty (行政处罚法 第九条).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum PenaltyKind {
    /// 声誉罚: 警告, 通报批评.
    Reputational,
    /// 财产罚: 罚款, 没收违法所得, 没收非法财物.
    Property,
    /// 资格罚: 暂扣/吊销许可证件, 降低资质等级.
    Qualification,
    /// 行为罚: 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业.
    Conduct,
    /// 人身罚: 行政拘留.
    Liberty,
}

impl PenaltyKind {
    /// The contract's name (`property`, …).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// One sanction term, per target and clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// The sanction term as written (诫勉谈话, 通报批评, 撤销党内职务 …).
    pub sanction: String,
    /// What kind of sanction it is, by whom it hits and under which regime.
    pub category: SanctionCategory,
    /// The kind of an administrative penalty; absent for other categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty_kind: Option<PenaltyKind>,
    /// True when the text reports a sanction actually given (张某某受到撤职处分), false for a
    /// rule that provides one.
    pub imposed: bool,
    /// Who is sanctioned, when the text says.
    pub target: Option<String>,
    /// Path of the clause that states it.
    pub clause_path: String,
    /// The phrase that states it.
    pub quote: String,
    /// 1-based line in the original file.
    pub line: u64,
}

/// Severity of a diagnostic.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational note.
    Info,
    /// Probably a defect.
    Warning,
    /// Certainly a defect.
    Error,
}

impl Severity {
    /// The severity as written in findings (`error`, `warning`, `info`).
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The rules of `gongwen check`, by the id findings carry (`numbering-gap`, …). Their
/// default severity, standard and summary are registered in `lint::rules`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    IntoStaticStr,
    EnumString,
    VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Rule {
    /// A sibling number is skipped (一、二、四、).
    NumberingGap,
    /// A sibling number repeats (二、二、).
    NumberingDuplicate,
    /// A sibling number goes backwards or two siblings are swapped.
    NumberingOrder,
    /// A sibling sequence does not start at 1.
    NumberingStart,
    /// Wrong punctuation after a marker (一. / （一）、 / 1、 / 一是：).
    MarkerPunctuation,
    /// A level of the profile's ladder is skipped.
    LevelSkip,
    /// A marker nests under a marker of a lower rung.
    LevelBack,
    /// One level written in two styles.
    MixedStyle,
    /// A damaged marker (OCR/PDF) where a numbered item belongs.
    GarbledMarker,
    /// A heading that stands on its own line ends in 。.
    HeadingPunctuation,
    /// A 编/分编/章/节 heading glued to the end of the paragraph before it (a lost line break).
    HeadingGlued,
    /// A 第X条 article glued to the end of the paragraph before it (a lost line break).
    ArticleGlued,
    /// A compilation declares N documents but a different number was found.
    DocumentCount,
    /// A reference to a clause of the same document that does not exist.
    DanglingReference,
    /// A 发文字号 not written 代字〔YYYY〕N号.
    DocNumberFormat,
    /// A 成文日期 not in Arabic numerals or with leading zeros.
    DateFormat,
    /// A 附件说明 with punctuation after a name, or several attachments unnumbered.
    AttachmentFormat,
}

impl Rule {
    /// The rule id as findings carry it (`numbering-gap`, …).
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A numbering finding or a recovery note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// The input path (set in `check --format json` output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The rule that found it.
    pub rule: Rule,
    /// error, warning or info.
    pub severity: Severity,
    /// Human-readable message.
    pub message: String,
    /// 1-based line in the original file.
    pub line: u64,
    /// 1-based column (Unicode scalar values) in the original file.
    pub column: u64,
    /// What was expected, where it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What was found, where it applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// The standard clause the rule rests on (e.g. `GB/T 9704-2012 7.3.3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// 1-based document index inside the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<u32>,
    /// Path of the clause concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause_path: Option<String>,
    /// The numbering profile the document was checked under (set in `check` output).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Where the finding's line sits in a container (`word/document.xml#p41`, `page 3`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// One element of a document's metadata: its value, the text it was read from and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Element_for_{T}")]
pub struct Element<T> {
    /// The element's value (a string, a list of names, an ISO date or a parsed number).
    pub value: T,
    /// The element as written.
    pub text: String,
    /// 1-based line of the element in the original file (its first line).
    pub line: u64,
}

/// A 发文字号 read into its parts: 国办发〔2023〕12号 is `国办发`, 2023, 12.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocNumber {
    /// 发文机关代字 (国办发, 京政发, 发改价格 …).
    pub agency_code: String,
    /// The year in the brackets (a two-digit year of an old number is read as 19xx/20xx).
    pub year: u32,
    /// The serial number (发文顺序号).
    pub serial: u32,
}

/// 密级和保密期限: 秘密★1年 is level `秘密`, period `1年`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Secrecy {
    /// 绝密, 机密 or 秘密.
    pub level: String,
    /// The period after ★, when given (`1年`, `长期`).
    pub period: Option<String>,
}

/// The metadata of one document. Each element is `null` when the document does not state it.
/// 公文 elements follow GB/T 9704-2012 §7; `events` and `order_number` are the history of a
/// statute or party rule. Site furniture of web copies (来源, 发布时间, 索引号 tables, ICP
/// numbers) is never read as metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// 份号: the copy's serial number (000001).
    pub copy_number: Option<Element<String>>,
    /// 密级和保密期限.
    pub secrecy: Option<Element<Secrecy>>,
    /// 紧急程度: 特急, 加急 (telegrams: 特提, 平急).
    pub urgency: Option<Element<String>>,
    /// 发文机关标志: the issuing body's mark in the 版头, without 文件 (××市人民政府; several
    /// bodies of a joint document separated by 、); a 令's mark with 令 (××市人民政府令).
    pub issuer_mark: Option<Element<String>>,
    /// 发文字号: the document's own number, not one it cites.
    pub doc_number: Option<Element<DocNumber>>,
    /// 签发人: the signing official(s), names separated by 、.
    pub signer: Option<Element<String>>,
    /// 主送机关: the addressed bodies as listed.
    pub addressees: Option<Element<Vec<String>>>,
    /// 附件说明: the names of the attachments, without their numbers.
    pub attachments: Option<Element<Vec<String>>>,
    /// 发文机关署名: the issuing body or bodies (several separated by 、).
    pub issuer: Option<Element<String>>,
    /// 成文日期, ISO 8601 (`2023-05-04`).
    pub date: Option<Element<String>>,
    /// 附注: the note in brackets after the date, without the brackets.
    pub note: Option<Element<String>>,
    /// 抄送机关, as listed.
    pub cc: Option<Element<Vec<String>>>,
    /// 印发机关.
    pub printed_by: Option<Element<String>>,
    /// 印发日期, ISO 8601.
    pub print_date: Option<Element<String>>,
    /// What happened to a statute or party rule, in the order stated: adopted, promulgated,
    /// amended, revised, approved, in force.
    pub events: Vec<Event>,
    /// The order that promulgated it (国务院令第752号).
    pub order_number: Option<Element<String>>,
}

/// Kind of a statute's event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// 通过 (adopted by a congress, a standing committee, a meeting).
    Adopted,
    /// 公布, 发布, 颁布, 印发.
    Promulgated,
    /// 修正 (amended by a decision).
    Amended,
    /// 修订 (revised as a whole).
    Revised,
    /// 施行, 生效: in force.
    Effective,
    /// 批准.
    Approved,
}

/// One event of a statute's or party rule's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// What happened.
    pub kind: EventKind,
    /// When, ISO 8601; `null` when the text gives no date (a promulgation 印发 by bodies
    /// named without a date). An event in force from an act (自公布之日起施行) has that act's
    /// date, or is not given.
    pub date: Option<String>,
    /// The body that acted (第八届全国人民代表大会第五次会议, 中共中央), when named.
    pub body: Option<String>,
    /// The statement as written (one event of a line that states several).
    pub text: String,
    /// 1-based line in the original file.
    pub line: u64,
}

/// A reference from a clause to a clause of the same document (依照本法第二十三条第二款, 前款,
/// 第十条至第十五条) or to another document (《中华人民共和国行政处罚法》第九条).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The reference as written (a range expands into one reference per article, each with
    /// the range's text).
    pub text: String,
    /// 1-based line of the reference in the original file.
    pub line: u64,
    /// 1-based column (Unicode scalar values) in the original file.
    pub column: u64,
    /// Path of the clause the reference stands in (`""` for text before the first marker).
    pub clause_path: String,
    /// Path of the clause referred to (an article, chapter or section); `null` for another
    /// document's clause.
    pub target: Option<String>,
    /// The 款/项/目 part of the reference (`第二款`, `第一款第（三）项`), when it names one.
    pub target_part: Option<String>,
    /// Whether the clause referred to (and its 款/项) exists in this document; always false
    /// for a reference to another document.
    pub resolved: bool,
    /// The other document referred to, as named (`中华人民共和国行政处罚法`, `专利法`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}
