//! The standards the rules rest on, each clause written once: findings, `--list-rules`
//! and SARIF rule metadata cite them from here.

/// The first day of GB/T 9704-2012 (党政机关公文格式).
pub const GB9704_2012_FROM: &str = "2012-07-01";
/// The first day of GB/T 15834-2011 (标点符号用法), whose appendix B first set the
/// punctuation after ordinal markers and the bare heading.
pub const GB15834_2011_FROM: &str = "2012-06-01";
/// The first day a ladder of levels was law: 《立法法》 (2000) for 编章节条款项目, in force
/// from 2000-07-01 (the 公文 ladder 一、（一）1.（1） was written down later still).
pub const LADDERS_FROM: &str = "2000-07-01";

/// GB/T 9704-2012 §7.3.3: the ladder 一、→（一）→1.→（1）.
pub const GB9704_LADDER: &str = "GB/T 9704-2012 7.3.3";
/// GB/T 15834-2011 B.3: punctuation after ordinal markers (序次语).
pub const GB15834_MARKERS: &str = "GB/T 15834-2011 B.3";
/// GB/T 15834-2011 on the full stop (句号) at the end of sentences, not of stand-alone headings.
pub const GB15834_PERIOD: &str = "GB/T 15834-2011 4.1";
/// 立法法 on the numbering of 编、章、节、条、款、项、目.
pub const LIFAFA: &str = "《立法法》第六十五条";
/// The party-rule drafting regulation on 编、章、节、条、款、项、目.
pub const PARTY_RULES: &str = "《中国共产党党内法规制定条例》";
/// Sequential numbering of structural units (序数依次表述), per the profile's standard.
pub const SEQUENCE: &str = "GB/T 9704-2012 7.3.3; 《立法法》第六十五条";
/// The legislature's drafting norms on citing articles, 款 and 项 of the same law (引用).
pub const CITATION: &str = "《立法技术规范（试行）（一）》 引用";
/// GB/T 9704-2012 §7.2.4: 发文字号 (代字〔年份〕序号号).
pub const GB9704_DOC_NUMBER: &str = "GB/T 9704-2012 7.2.4";
/// GB/T 9704-2012 §7.3.5.4: 成文日期 in Arabic numerals, no leading zeros.
pub const GB9704_DATE: &str = "GB/T 9704-2012 7.3.5.4";
/// GB/T 9704-2012 §7.3.4: 附件说明 (numbered names, no punctuation after a name).
pub const GB9704_ATTACHMENTS: &str = "GB/T 9704-2012 7.3.4";
