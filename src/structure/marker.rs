//! Clause markers: recognising one at a position, reading its number, naming its style.

pub use crate::model::Style;

/// Second characters of the verbs that open with 指 (指导, 指挥, 指引 …): after `二是` they
/// open an item (`二是指导分管部门…`), where `是指` alone defines a term.
const ZHI_VERBS: &str = "导挥引示派";

/// The rank of 第X条, the lowest statute unit (编 0 > 分编 1 > 章 2 > 节 3 > 条 4): the ranks
/// below it are the heading units'.
pub const ARTICLE_RANK: u8 = 4;

/// The number of statute ranks (编 分编 章 节 条).
pub const UNIT_RANKS: usize = ARTICLE_RANK as usize + 1;

impl Style {
    /// The style family: variants that differ only in bracket width map to one family.
    pub fn family(self) -> Style {
        match self {
            Style::CnParenHalf => Style::CnParen,
            Style::ArabicParenHalf => Style::ArabicParen,
            Style::Part
            | Style::Subpart
            | Style::Chapter
            | Style::Section
            | Style::Article
            | Style::CnDun
            | Style::CnParen
            | Style::Arabic
            | Style::ArabicParen
            | Style::Circled
            | Style::ParenIdeograph
            | Style::CnShi => self,
        }
    }

    /// The family's variant with full-width (`full`) or half-width brackets; a style
    /// without brackets is itself.
    pub fn with_width(self, full: bool) -> Style {
        match self.family() {
            Style::CnParen if full => Style::CnParen,
            Style::CnParen => Style::CnParenHalf,
            Style::ArabicParen if full => Style::ArabicParen,
            Style::ArabicParen => Style::ArabicParenHalf,
            Style::Part
            | Style::Subpart
            | Style::Chapter
            | Style::Section
            | Style::Article
            | Style::CnDun
            | Style::CnParenHalf
            | Style::Arabic
            | Style::ArabicParenHalf
            | Style::Circled
            | Style::ParenIdeograph
            | Style::CnShi => self,
        }
    }

    /// Rank of a statute unit (编 0 > 分编 1 > 章 2 > 节 3 > 条 [`ARTICLE_RANK`]); `None`
    /// for the list styles.
    pub fn statute_rank(self) -> Option<u8> {
        match self {
            Style::Part => Some(0),
            Style::Subpart => Some(1),
            Style::Chapter => Some(2),
            Style::Section => Some(3),
            Style::Article => Some(ARTICLE_RANK),
            Style::CnDun
            | Style::CnParen
            | Style::CnParenHalf
            | Style::Arabic
            | Style::ArabicParen
            | Style::ArabicParenHalf
            | Style::Circled
            | Style::ParenIdeograph
            | Style::CnShi => None,
        }
    }

    /// A bracketed list style: （一） (一) （1） (1).
    pub fn is_bracketed(self) -> bool {
        match self {
            Style::CnParen | Style::CnParenHalf | Style::ArabicParen | Style::ArabicParenHalf => {
                true
            }
            Style::Part
            | Style::Subpart
            | Style::Chapter
            | Style::Section
            | Style::Article
            | Style::CnDun
            | Style::Arabic
            | Style::Circled
            | Style::ParenIdeograph
            | Style::CnShi => false,
        }
    }

    /// A statute unit: 第X编/分编/章/节/条.
    pub fn is_unit(self) -> bool {
        self.statute_rank().is_some()
    }

    /// A heading unit above the articles: 第X编/分编/章/节.
    pub fn is_heading_unit(self) -> bool {
        self.statute_rank().is_some_and(|r| r < ARTICLE_RANK)
    }

    /// Whether the numbering of this style runs on through a whole statute (立法法: 编, 章
    /// and 条 are numbered through — 章 also across the 分编 of a 编; 分编 restart in every
    /// 编, 节 in every 章, list items in every parent).
    pub fn runs_on(self) -> bool {
        match self {
            Style::Part | Style::Chapter | Style::Article => true,
            Style::Subpart
            | Style::Section
            | Style::CnDun
            | Style::CnParen
            | Style::CnParenHalf
            | Style::Arabic
            | Style::ArabicParen
            | Style::ArabicParenHalf
            | Style::Circled
            | Style::ParenIdeograph
            | Style::CnShi => false,
        }
    }

    /// Stable name used in the JSON output (`cn-dun`, …; the model's serde name).
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The canonical marker text for `ord` in this style (第十七条之一 for an insert).
    pub fn render_ordinal(self, ord: Ordinal) -> String {
        let base = self.render(ord.number);
        if ord.insert == 0 {
            base
        } else {
            format!("{base}之{}", to_chinese(ord.insert))
        }
    }

    /// The canonical marker text (path component) for `number` in this style.
    pub fn render(self, number: u32) -> String {
        let cn = to_chinese(number);
        match self {
            Style::Part => format!("第{cn}编"),
            Style::Subpart => format!("第{cn}分编"),
            Style::Chapter => format!("第{cn}章"),
            Style::Section => format!("第{cn}节"),
            Style::Article => format!("第{cn}条"),
            Style::CnDun => cn,
            Style::CnParen => format!("（{cn}）"),
            Style::CnParenHalf => format!("({cn})"),
            Style::Arabic => number.to_string(),
            Style::ArabicParen => format!("（{number}）"),
            Style::ArabicParenHalf => format!("({number})"),
            Style::Circled => char::from_u32(0x2460 + number.saturating_sub(1))
                .filter(|_| (1..=20).contains(&number))
                .map_or_else(|| number.to_string(), String::from),
            Style::ParenIdeograph => char::from_u32(0x3220 + number.saturating_sub(1))
                .filter(|_| (1..=10).contains(&number))
                .map_or_else(|| number.to_string(), String::from),
            Style::CnShi => format!("{cn}是"),
        }
    }
}

/// A marker recognised at the start of a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// The marker as written, including its punctuation (e.g. `一、`, `1．`, `（三）`).
    pub text: String,
    /// Its number.
    pub number: u32,
    /// The N of an inserted unit `第X条之N` (0 for an ordinary marker).
    pub insert: u32,
    /// Its style.
    pub style: Style,
    /// Punctuation written after the number (、 . ． ， etc.), if any.
    pub punct: Option<char>,
    /// Bytes consumed (marker and punctuation).
    pub len: usize,
}

impl Marker {
    /// Its place in its sequence.
    pub fn ordinal(&self) -> Ordinal {
        Ordinal::new(self.number, self.insert)
    }
}

/// A marker's place in its sequence: its number and, for a unit inserted by an amendment
/// (`第十七条之一`), the N of its `之N` (0 for an ordinary marker). 第十七条之一 follows
/// 第十七条, 第十七条之二 follows 第十七条之一, and 第十八条 follows both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Ordinal {
    /// The number (17 in 第十七条之一).
    pub number: u32,
    /// The insert number (1 in 第十七条之一; 0 for 第十七条).
    pub insert: u32,
}

impl Ordinal {
    /// The ordinal `number`, `insert`.
    pub const fn new(number: u32, insert: u32) -> Self {
        Ordinal { number, insert }
    }

    /// An ordinary number (no insert).
    pub const fn plain(number: u32) -> Self {
        Ordinal { number, insert: 0 }
    }

    /// Whether this is the first of a sequence (1, not inserted).
    pub fn is_first(self) -> bool {
        self == Ordinal::plain(1)
    }

    /// Whether this is an inserted unit (之N).
    pub fn is_insert(self) -> bool {
        self.insert > 0
    }

    /// Whether this comes right after `prev`: the next number, or the next insert after
    /// the same number (第十七条之一 after 第十七条 or 第十六条之二 … , 第十七条之二 after
    /// 第十七条之一).
    pub fn follows(self, prev: Ordinal) -> bool {
        if self.insert == 0 {
            self.number == prev.number + 1
        } else {
            self.number == prev.number && self.insert == prev.insert + 1
        }
    }
}

/// Whether `c` is punctuation that may follow a marker's number (、 . ． ， , ： :).
pub fn is_punct(c: char) -> bool {
    matches!(c, '、' | '.' | '．' | '，' | ',' | '：' | ':')
}

/// The Chinese numeral characters, each in the slot [`cn_digit_slot`] gives it (`u32::MAX`
/// in the one slot that none takes).
static CN_DIGIT_SLOTS: [u32; 16] = {
    let digits = [
        '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '两',
    ];
    let mut t = [u32::MAX; 16];
    let mut k = 0;
    while k < digits.len() {
        let slot = cn_digit_slot(digits[k]);
        // Each numeral has a slot of its own.
        assert!(t[slot] == u32::MAX);
        t[slot] = digits[k] as u32;
        k += 1;
    }
    t
};

/// A slot of [`CN_DIGIT_SLOTS`] for `c`: a multiplicative hash that sends the fifteen
/// numerals to fifteen different slots.
const fn cn_digit_slot(c: char) -> usize {
    ((c as u32).wrapping_mul(0x7319_f3f7) >> 28) as usize
}

/// Whether `c` is a Chinese numeral character (〇零一二三四五六七八九十百千两): one look at
/// the slot it hashes to.
pub fn is_cn_digit(c: char) -> bool {
    CN_DIGIT_SLOTS[cn_digit_slot(c)] == c as u32
}

/// Value of a Chinese numeral (一, 十二, 二十, 一百零五, 两千…); `None` if malformed.
pub fn parse_chinese(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let mut total = 0u32;
    let mut cur: Option<u32> = None;
    for c in s.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                if cur.is_some() && !s.contains(['十', '百', '千']) {
                    // Positional form such as 二〇二二: not a clause number.
                    return None;
                }
                cur = Some(digit(c)?);
                continue;
            }
        };
        total += cur.unwrap_or(1) * unit;
        cur = None;
    }
    Some(total + cur.unwrap_or(0))
}

/// Chinese numeral for `n` (1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五).
pub fn to_chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 {
        return "零".into();
    }
    if n < 10 {
        return D[n as usize].into();
    }
    if n < 20 {
        return format!("十{}", if n > 10 { D[(n - 10) as usize] } else { "" });
    }
    if n < 100 {
        let r = n % 10;
        return format!(
            "{}十{}",
            D[(n / 10) as usize],
            if r > 0 { D[r as usize] } else { "" }
        );
    }
    if n < 1000 {
        let r = n % 100;
        let rest = if r == 0 {
            String::new()
        } else if r < 10 {
            format!("零{}", D[r as usize])
        } else if r < 20 {
            format!("一{}", to_chinese(r))
        } else {
            to_chinese(r)
        };
        return format!("{}百{rest}", D[(n / 100) as usize]);
    }
    let r = n % 1000;
    let rest = if r == 0 {
        String::new()
    } else if r < 100 {
        format!(
            "零{}",
            if (10..20).contains(&r) {
                format!("一{}", to_chinese(r))
            } else {
                to_chinese(r)
            }
        )
    } else {
        to_chinese(r)
    };
    format!("{}千{rest}", D[((n / 1000) % 10) as usize])
}

fn take_while_str(s: &str, f: impl Fn(char) -> bool) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Whether a marker can start with `c` as written (full-width brackets and digits
/// included): the first thing [`parse_at`] looks at, for callers that can skip a position
/// before doing any other work on it.
pub fn can_start(c: char) -> bool {
    matches!(
        c,
        '第' | '（' | '(' | '0'..='9' | '０'..='９' | '\u{2460}'..='\u{2473}' | '\u{3220}'..='\u{3229}'
    ) || is_cn_digit(c)
}

/// Recognise a marker at the start of `s` (no leading whitespace expected).
pub fn parse_at(s: &str) -> Option<Marker> {
    let m = read_at(s)?;
    Some(Marker {
        text: s[..m.len].to_string(),
        number: m.number,
        insert: m.insert,
        style: m.style,
        punct: m.punct,
        len: m.len,
    })
}

/// What [`parse_at`] reads of a marker, without a copy of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MarkerRead {
    /// Its number.
    pub number: u32,
    /// The N of an inserted unit `第X条之N` (0 for an ordinary marker).
    pub insert: u32,
    /// Its style.
    pub style: Style,
    /// Punctuation written after the number, if any.
    pub punct: Option<char>,
    /// Bytes consumed (marker and punctuation).
    pub len: usize,
}

/// [`parse_at`] without the copy of the marker's text.
pub(crate) fn read_at(s: &str) -> Option<MarkerRead> {
    let first = s.chars().next()?;
    let mk = |len: usize, number: u32, style: Style, punct: Option<char>| MarkerRead {
        number,
        insert: 0,
        style,
        punct,
        len,
    };
    // 第X编/分编/章/节/条, 第X条之N
    if first == '第' {
        let num = take_while_str(&s[3..], is_cn_digit);
        let (n, digits_len) = if num.is_empty() {
            let digits = take_while_str(&s[3..], |c| c.is_ascii_digit());
            (digits.parse::<u32>().ok()?, digits.len())
        } else {
            (parse_chinese(num)?, num.len())
        };
        let rest = &s[3 + digits_len..];
        let (style, unit_len) = unit_style(rest)?;
        let len = 3 + digits_len + unit_len;
        // 第十七条之一: an article inserted by an amendment. (第一条之规定 is no insert: the
        // caller reads `之规定` as a reference.)
        let (insert, len) = match inserted(&s[len..]) {
            Some((k, extra)) => (k, len + extra),
            None => (0, len),
        };
        // 第一条 must be followed by a space, a heading or text — not by 规定 of a reference
        // such as "第一条规定的" (the caller checks the context for inline cases).
        return Some(MarkerRead {
            insert,
            ..mk(len, n, style, None)
        });
    }
    // （一） (一) （1） (1)
    if first == '（' || first == '(' {
        let open = first.len_utf8();
        let inner_cn = take_while_str(&s[open..], is_cn_digit);
        let inner_ar = take_while_str(&s[open..], |c| c.is_ascii_digit());
        let (inner, n, cn) = if !inner_cn.is_empty() {
            (inner_cn, parse_chinese(inner_cn)?, true)
        } else if !inner_ar.is_empty() && inner_ar.len() <= 3 {
            (inner_ar, inner_ar.parse().ok()?, false)
        } else {
            return None;
        };
        let after = &s[open + inner.len()..];
        let close = after.chars().next()?;
        if close != '）' && close != ')' {
            return None;
        }
        let mut len = open + inner.len() + close.len_utf8();
        let punct = s[len..].chars().next().filter(|&c| is_punct(c));
        if let Some(p) = punct {
            len += p.len_utf8();
        }
        let half = first == '(';
        let style = match (cn, half) {
            (true, false) => Style::CnParen,
            (true, true) => Style::CnParenHalf,
            (false, false) => Style::ArabicParen,
            (false, true) => Style::ArabicParenHalf,
        };
        return Some(mk(len, n, style, punct));
    }
    // ① … ⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some(mk(3, first as u32 - 0x2460 + 1, Style::Circled, None));
    }
    // ㈠ … ㈩
    if ('\u{3220}'..='\u{3229}').contains(&first) {
        return Some(mk(
            3,
            first as u32 - 0x3220 + 1,
            Style::ParenIdeograph,
            None,
        ));
    }
    // 1. 1． 1、
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        let digits = take_while_str(s, |c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        if digits.chars().count() > 3 {
            return None;
        }
        let n: u32 = digits
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or('0')
                }
            })
            .collect::<String>()
            .parse()
            .ok()?;
        let rest = &s[digits.len()..];
        let p = rest.chars().next()?;
        if !matches!(p, '.' | '．' | '、') {
            return None;
        }
        // 1.5 is a number, not a marker; 1．1—3 is a marker before a range (`1．1—3岁…`).
        if starts_with_number(&rest[p.len_utf8()..]) && !starts_with_range(&rest[p.len_utf8()..]) {
            return None;
        }
        return Some(mk(digits.len() + p.len_utf8(), n, Style::Arabic, Some(p)));
    }
    // 一、 and 一是
    if is_cn_digit(first) {
        let num = take_while_str(s, is_cn_digit);
        let n = parse_chinese(num)?;
        if n == 0 {
            return None;
        }
        let rest = &s[num.len()..];
        let p = rest.chars().next()?;
        match p {
            '、' | '．' => return Some(mk(num.len() + p.len_utf8(), n, Style::CnDun, Some(p))),
            '.' => {
                return Some(mk(num.len() + 1, n, Style::CnDun, Some(p)));
            }
            '是' => {
                // Not 是否/是指/是非/是的 — but 二是指导…, 三是指挥… open items; a 一是 may
                // end a hard-wrapped line.
                let mut after = rest[3..].chars();
                let next = after.next();
                let verb_of_zhi =
                    next == Some('指') && after.next().is_some_and(|c| ZHI_VERBS.contains(c));
                if next.is_some_and(|c| matches!(c, '否' | '指' | '非' | '的')) && !verb_of_zhi
                {
                    return None;
                }
                let mut len = num.len() + 3;
                let punct = rest[3..]
                    .chars()
                    .next()
                    .filter(|c| matches!(c, '：' | ':' | '，' | ',' | '、'));
                if let Some(c) = punct {
                    len += c.len_utf8();
                }
                return Some(mk(len, n, Style::CnShi, punct));
            }
            _ => return None,
        }
    }
    None
}

/// Whether `s` starts with a digit (ASCII or full-width).
fn starts_with_number(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Whether `s` starts with a number followed by a range dash (`1—3`, `10～20`, `1至2`): an
/// item's text, not the decimals of a number.
fn starts_with_range(s: &str) -> bool {
    let digits = take_while_str(s, |c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    !digits.is_empty() && s[digits.len()..].starts_with(['—', '–', '-', '－', '～', '~', '至'])
}

/// Recognise a damaged bracket marker at the start of folded, compacted text: a pair of
/// brackets around nothing but dashes, dots, underscores or question marks, such as the
/// `(--)` that `(- - )` compacts to. Returns its length in bytes.
pub fn parse_garbled(s: &str) -> Option<usize> {
    let mut it = s.char_indices();
    let (_, open) = it.next()?;
    if open != '(' && open != '（' {
        return None;
    }
    let mut junk = 0;
    for (i, c) in it {
        match c {
            ')' | '）' => return (junk <= 4).then_some(i + c.len_utf8()),
            '-' | '—' | '－' | '_' | '＿' | '·' | '.' | '?' | '？' | '*' | '~' | '～' | '、' =>
            {
                junk += 1;
            }
            _ => return None,
        }
    }
    None
}

/// `之N` (Chinese numeral N ≥ 1) at the start of `s`: N and the bytes it takes. The text
/// after the marker may itself open with a numeral (`第十四条之二　二级以上医疗机构…`,
/// compacted `之二二级`): when the whole run is no number, the longest prefix that is one is
/// the marker's.
fn inserted(s: &str) -> Option<(u32, usize)> {
    let r = s.strip_prefix('之')?;
    let mut num = take_while_str(r, is_cn_digit);
    loop {
        if let Some(k) = parse_chinese(num).filter(|&k| k >= 1) {
            return Some((k, '之'.len_utf8() + num.len()));
        }
        let last = num.chars().next_back()?;
        num = &num[..num.len() - last.len_utf8()];
    }
}

/// The statute unit named at the start of `rest` (the text after a 第X's number) and the
/// bytes its name takes: 编, 分编, 章, 节, 条.
fn unit_style(rest: &str) -> Option<(Style, usize)> {
    let mut it = rest.chars();
    let c = it.next()?;
    let style = match c {
        // Simplified and traditional forms (Big5 archives write 第X條, 第X節, 第X編).
        '编' | '編' => Style::Part,
        '分' => {
            return matches!(it.next(), Some('编' | '編'))
                .then_some((Style::Subpart, '分'.len_utf8() + '编'.len_utf8()));
        }
        '章' => Style::Chapter,
        '节' | '節' => Style::Section,
        '条' | '條' => Style::Article,
        _ => return None,
    };
    Some((style, c.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantArray;

    /// The name a style carries in JSON, in the schema's enumeration and in `name()` is one:
    /// serde's, and it reads back to the same style.
    #[test]
    fn a_style_has_one_name_on_the_wire() {
        let schema = schemars::schema_for!(Style);
        // Documented variants come out as `oneOf` of `const`s, bare ones as an `enum`.
        let value = schema.as_value();
        let listed: Vec<serde_json::Value> = match value["enum"].as_array() {
            Some(names) => names.clone(),
            None => value["oneOf"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|v| v["const"].clone())
                .collect(),
        };
        assert_eq!(listed.len(), Style::VARIANTS.len());
        for &style in Style::VARIANTS {
            let wire = serde_json::to_value(style).unwrap();
            assert_eq!(wire, serde_json::Value::from(style.name()));
            assert!(listed.contains(&wire), "{wire} not in the schema");
            assert_eq!(serde_json::from_value::<Style>(wire).unwrap(), style);
            assert_eq!(style.name().parse::<Style>(), Ok(style));
        }
        assert_eq!(Style::CnShi.name(), "cn-shi");
        assert_eq!(Style::ArabicParenHalf.name(), "arabic-paren-half");
    }

    #[test]
    fn chinese_numerals_are_told_by_their_slot() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let plain = matches!(
                c,
                '〇' | '零'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
                    | '百'
                    | '千'
                    | '两'
            );
            assert_eq!(is_cn_digit(c), plain, "{c:?}");
        }
    }

    #[test]
    fn chinese_numerals_round_trip() {
        for n in [
            1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 115, 999, 1000, 1001, 1010, 2345,
        ] {
            assert_eq!(
                parse_chinese(&to_chinese(n)),
                Some(n),
                "{n} -> {}",
                to_chinese(n)
            );
        }
        assert_eq!(parse_chinese("两"), Some(2));
        assert_eq!(parse_chinese("二〇二二"), None);
    }

    #[test]
    fn styles_are_recognised() {
        let cases = [
            ("第三章 总则", "第三章", 3, Style::Chapter),
            ("第十二条 内容", "第十二条", 12, Style::Article),
            ("第十二條 內容", "第十二條", 12, Style::Article),
            ("第二分编 典型合同", "第二分编", 2, Style::Subpart),
            ("第三分編　準合同", "第三分編", 3, Style::Subpart),
            ("第一编 总则", "第一编", 1, Style::Part),
            ("一、总体要求", "一、", 1, Style::CnDun),
            ("（二）基本原则", "（二）", 2, Style::CnParen),
            ("(二)基本原则", "(二)", 2, Style::CnParenHalf),
            ("3．加强", "3．", 3, Style::Arabic),
            ("3.加强", "3.", 3, Style::Arabic),
            ("（4）加强", "（4）", 4, Style::ArabicParen),
            ("⑤加强", "⑤", 5, Style::Circled),
            ("㈢加强", "㈢", 3, Style::ParenIdeograph),
            ("二是加强", "二是", 2, Style::CnShi),
            ("二是指导分管部门", "二是", 2, Style::CnShi),
            ("三是指挥调度", "三是", 3, Style::CnShi),
            ("1．1—3岁儿童", "1．", 1, Style::Arabic),
        ];
        for (s, text, n, style) in cases {
            let m = parse_at(s).unwrap_or_else(|| panic!("no marker in {s}"));
            assert_eq!(
                (m.text.as_str(), m.number, m.style),
                (text, n, style),
                "{s}"
            );
        }
    }

    #[test]
    fn inserted_articles_carry_their_insert_number() {
        let m = parse_at("第十七条之一 内容").unwrap();
        assert_eq!(
            (m.text.as_str(), m.number, m.insert, m.style),
            ("第十七条之一", 17, 1, Style::Article)
        );
        let m = parse_at("第一百二十条之十二　内容").unwrap();
        assert_eq!((m.number, m.insert), (120, 12));
        // The text opens with a numeral: `第十四条之二　二级…`, `第三条之一一级…`.
        let m = parse_at("第十四条之二二级以上医疗机构").unwrap();
        assert_eq!(
            (m.number, m.insert, m.text.as_str()),
            (14, 2, "第十四条之二")
        );
        let m = parse_at("第三条之一一级保护").unwrap();
        assert_eq!((m.number, m.insert, m.text.as_str()), (3, 1, "第三条之一"));
        // 之 without a numeral is the 之 of a reference (第五条之规定).
        let m = parse_at("第五条之规定").unwrap();
        assert_eq!((m.text.as_str(), m.insert), ("第五条", 0));
        assert_eq!(
            Style::Article.render_ordinal(Ordinal::new(17, 1)),
            "第十七条之一"
        );
        assert!(Ordinal::new(17, 1).follows(Ordinal::plain(17)));
        assert!(Ordinal::new(17, 2).follows(Ordinal::new(17, 1)));
        assert!(Ordinal::plain(18).follows(Ordinal::new(17, 2)));
        assert!(!Ordinal::new(17, 2).follows(Ordinal::plain(17)));
        assert!(!Ordinal::new(18, 1).follows(Ordinal::plain(17)));
    }

    #[test]
    fn styles_know_their_family_rank_and_width() {
        use strum::VariantArray;
        for &s in Style::VARIANTS {
            assert_eq!(s.family().family(), s.family());
            assert_eq!(s.with_width(true).family(), s.family());
            assert_eq!(s.is_heading_unit(), s.is_unit() && s != Style::Article);
            assert!(!s.runs_on() || s.is_unit());
        }
        // 编 > 分编 > 章 > 节 > 条.
        let ranks: Vec<Option<u8>> = [
            Style::Part,
            Style::Subpart,
            Style::Chapter,
            Style::Section,
            Style::Article,
        ]
        .map(Style::statute_rank)
        .to_vec();
        assert_eq!(ranks, (0..UNIT_RANKS as u8).map(Some).collect::<Vec<_>>());
        assert!(Style::Subpart.is_heading_unit() && !Style::Subpart.runs_on());
        assert_eq!(Style::Subpart.render(3), "第三分编");
        assert_eq!(Style::CnParen.with_width(false), Style::CnParenHalf);
        assert_eq!(Style::ArabicParenHalf.with_width(true), Style::ArabicParen);
    }

    #[test]
    fn garbled_brackets_are_recognised() {
        assert_eq!(parse_garbled("(--)进一步"), Some(4));
        assert_eq!(parse_garbled("（—）"), Some("（—）".len()));
        assert_eq!(parse_garbled("()"), Some(2));
        assert_eq!(parse_garbled("(一)"), None);
        assert_eq!(parse_garbled("(注意)"), None);
    }

    #[test]
    fn every_marker_starts_with_a_can_start_character() {
        for s in [
            "第三章",
            "（二）",
            "(二)",
            "（4）",
            "(4)",
            "3.",
            "３．",
            "⑤",
            "㈢",
            "二是",
            "一、",
        ] {
            assert!(parse_at(s).is_some(), "{s}");
            assert!(s.chars().next().is_some_and(can_start), "{s}");
        }
        assert!(!can_start('加'));
    }

    #[test]
    fn non_markers_are_rejected() {
        for s in [
            "1.5亿元",
            "3.14",
            "2022年",
            "一是否",
            "一是指本办法所称的单位",
            "第一责任人",
            "一律",
            "十分重要",
            "第一分队",
            "第二分",
        ] {
            assert_eq!(parse_at(s), None, "{s}");
        }
    }
}
