//! Word's automatic numbering (`word/numbering.xml`), rendered as Word displays it.
//!
//! A paragraph names a numbering instance (`w:num`, by `w:numId`) and a level (`w:ilvl`).
//! The instance points at an abstract definition (`w:abstractNum`) whose levels say the
//! start value, the number format (`w:numFmt`), the label template (`w:lvlText`, `%N` = the
//! current number of level N in level N's format), the restart rule (`w:lvlRestart`),
//! whether all numbers show as Arabic (`w:isLgl`) and what follows the label (`w:suff`).
//! An instance may override a level (`w:lvlOverride` with a `w:lvl` and/or a
//! `w:startOverride`, the start applied once, at the instance's first use).
//!
//! Counters belong to the abstract definition, so two instances of one definition continue
//! one list (an article numbering that runs on across chapters), unless an instance
//! restarts it with `w:startOverride`. Using level L restarts every deeper level, except a
//! level whose `w:lvlRestart` says otherwise (0 = never; N = only when a level up to N is
//! used).
//!
//! Number formats follow Word, with Word's limits: `chineseCounting` is 十一, 二十一, then
//! digit by digit from 100 (一○○); `chineseCountingThousand` counts on (一百, 一百零一);
//! `decimalEnclosedCircle` is ① … ⑳ and then plain 21; letters double after Z (AA, BB).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::formats::container::{MAX_DEPTH, attr, attr_ref, dtd_refused, local, tag};

/// Number of levels a list can have.
pub const LEVELS: usize = 9;

/// What follows a numbering label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Suffix {
    /// A tab (Word's default).
    #[default]
    Tab,
    /// One space.
    Space,
    /// Nothing: the text follows the label at once.
    Nothing,
}

impl Suffix {
    /// The suffix as text.
    pub fn as_str(self) -> &'static str {
        match self {
            Suffix::Tab => "\t",
            Suffix::Space => " ",
            Suffix::Nothing => "",
        }
    }
}

/// One level of a list definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    /// First number of the level.
    pub start: u32,
    /// `w:numFmt` (decimal, chineseCounting, …).
    pub format: String,
    /// `w:lvlText`, e.g. `第%1条`.
    pub text: String,
    /// `w:lvlRestart`: `None` = restart after any shallower level; `Some(0)` = never.
    pub restart: Option<u32>,
    /// `w:isLgl`: every number of the label in decimal.
    pub legal: bool,
    /// `w:suff`.
    pub suffix: Suffix,
    /// `w:pStyle`: the paragraph style linked to this level.
    pub style: Option<String>,
}

/// An abstract list definition.
#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives in the numbering of this style.
    style_link: Option<String>,
}

/// A numbering instance.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Levels redefined by `w:lvlOverride/w:lvl`.
    levels: [Option<Level>; LEVELS],
    /// `w:startOverride` per level.
    starts: [Option<u32>; LEVELS],
}

/// The definitions of `numbering.xml`.
#[derive(Debug, Clone, Default)]
pub struct Definitions {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// A label as Word displays it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The rendered label (`第十七条`, `（三）`).
    pub text: String,
    /// What follows it.
    pub suffix: Suffix,
}

fn level_index(e: &BytesStart<'_>) -> Option<usize> {
    attr_ref(e, "ilvl")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&l| l < LEVELS)
}

fn number(e: &BytesStart<'_>) -> Option<u32> {
    attr_ref(e, "val")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .map(|v| v.clamp(0, i64::from(u32::MAX)) as u32)
}

/// Whether an on/off property (`<w:isLgl/>`, `<w:isLgl w:val="0"/>`) is on.
pub fn on(e: &BytesStart<'_>) -> bool {
    !matches!(attr_ref(e, "val").as_deref(), Some("0" | "false" | "off"))
}

impl Definitions {
    /// Parse `numbering.xml`.
    pub fn parse(xml: &[u8]) -> Result<Self, String> {
        let mut defs = Definitions::default();
        let mut reader = Reader::from_reader(xml);
        let mut depth = 0usize;
        // Where we are: the abstract or num being read, and the level inside it.
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| format!("word/numbering.xml: {e}"))?;
            let (start, empty) = match &event {
                Event::Start(e) => (Some(e), false),
                Event::Empty(e) => (Some(e), true),
                _ => (None, false),
            };
            if let Some(e) = start {
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(format!(
                            "word/numbering.xml nests deeper than {MAX_DEPTH} elements"
                        ));
                    }
                }
                let name = tag(e);
                match name {
                    "abstractNum" => {
                        let id = attr(e, "abstractNumId").unwrap_or_default();
                        defs.abstracts.entry(id.clone()).or_default();
                        abstract_id = Some(id);
                    }
                    "num" => {
                        let id = attr(e, "numId").unwrap_or_default();
                        defs.nums.entry(id.clone()).or_default();
                        num_id = Some(id);
                    }
                    "abstractNumId" => {
                        if let (Some(id), Some(v)) = (&num_id, attr(e, "val"))
                            && let Some(n) = defs.nums.get_mut(id)
                        {
                            n.abstract_id = v;
                        }
                    }
                    "lvlOverride" => override_level = level_index(e),
                    "startOverride" => {
                        if let (Some(id), Some(k)) = (&num_id, override_level)
                            && let Some(n) = defs.nums.get_mut(id)
                        {
                            n.starts[k] = number(e);
                        }
                    }
                    "numStyleLink" => {
                        if let Some(a) = abstract_id
                            .as_ref()
                            .and_then(|id| defs.abstracts.get_mut(id))
                        {
                            a.style_link = attr(e, "val");
                        }
                    }
                    "lvl" => {
                        let k = level_index(e).or(override_level).unwrap_or(0);
                        level = Some((
                            k,
                            Level {
                                start: 0,
                                format: "decimal".into(),
                                ..Level::default()
                            },
                        ));
                        if empty {
                            level = None;
                        }
                    }
                    _ => {
                        if let Some((_, l)) = level.as_mut() {
                            match name {
                                "start" => l.start = number(e).unwrap_or(0),
                                "numFmt" => l.format = attr(e, "val").unwrap_or_default(),
                                "lvlText" => l.text = attr(e, "val").unwrap_or_default(),
                                "lvlRestart" => l.restart = number(e),
                                "isLgl" => l.legal = on(e),
                                "suff" => {
                                    l.suffix = match attr_ref(e, "val").as_deref() {
                                        Some("space") => Suffix::Space,
                                        Some("nothing") => Suffix::Nothing,
                                        _ => Suffix::Tab,
                                    }
                                }
                                "pStyle" => l.style = attr(e, "val"),
                                _ => {}
                            }
                        }
                    }
                }
            }
            match event {
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    match local(e.name().0) {
                        "lvl" => {
                            if let Some((k, l)) = level.take() {
                                if let Some(n) =
                                    num_id.as_ref().and_then(|id| defs.nums.get_mut(id))
                                {
                                    n.levels[k] = Some(l);
                                } else if let Some(a) = abstract_id
                                    .as_ref()
                                    .and_then(|id| defs.abstracts.get_mut(id))
                                {
                                    a.levels[k] = Some(l);
                                }
                            }
                        }
                        "lvlOverride" => override_level = None,
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        _ => {}
                    }
                }
                Event::DocType(_) => return Err(dtd_refused("word/numbering.xml")),
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(defs)
    }

    /// Whether a definition lives in a list style (`w:numStyleLink`): the styles part is
    /// then needed even when no paragraph names a style.
    pub fn links_styles(&self) -> bool {
        self.abstracts.values().any(|a| a.style_link.is_some())
    }

    /// The abstract definition behind instance `num_id`, following `w:numStyleLink`
    /// through the style's own numbering (`style_num` gives a style's numId).
    fn abstract_of(
        &self,
        num_id: &str,
        style_num: &dyn Fn(&str) -> Option<String>,
    ) -> Option<&str> {
        let mut id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..8 {
            let a = self.abstracts.get(id)?;
            match a.style_link.as_deref().and_then(style_num) {
                Some(linked) => id = self.nums.get(&linked)?.abstract_id.as_str(),
                None => return Some(id),
            }
        }
        Some(id)
    }

    /// The level of instance `num_id` linked to paragraph style `style` (`w:lvl/w:pStyle`).
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let num = self.nums.get(num_id)?;
        let a = self.abstracts.get(&num.abstract_id)?;
        (0..LEVELS).find(|&k| {
            num.levels[k]
                .as_ref()
                .or(a.levels[k].as_ref())
                .and_then(|l| l.style.as_deref())
                == Some(style)
        })
    }
}

/// The counters of a document, advanced paragraph by paragraph in reading order.
#[derive(Debug)]
pub struct Counter<'a> {
    defs: &'a Definitions,
    /// Per abstract definition: the current number of each level (`None` = not started
    /// since its last restart).
    counts: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instances already used (their start overrides are spent).
    used: HashSet<String>,
}

impl<'a> Counter<'a> {
    /// Counters at the start of a document.
    pub fn new(defs: &'a Definitions) -> Self {
        Counter {
            defs,
            counts: HashMap::new(),
            used: HashSet::new(),
        }
    }

    /// Number one paragraph of instance `num_id` at level `ilvl`; its label, or `None`
    /// when the instance or level is not defined (Word shows no number then).
    pub fn next(
        &mut self,
        num_id: &str,
        ilvl: usize,
        style_num: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Label> {
        let mut text = String::new();
        let suffix = self.next_into(num_id, ilvl, style_num, &mut text)?;
        Some(Label { text, suffix })
    }

    /// [`Counter::next`] with the label appended to `out` (the paragraph's line): its
    /// suffix, or `None` (and nothing appended) when Word shows no number.
    pub fn next_into(
        &mut self,
        num_id: &str,
        ilvl: usize,
        style_num: &dyn Fn(&str) -> Option<String>,
        out: &mut String,
    ) -> Option<Suffix> {
        let defs = self.defs;
        let num = defs.nums.get(num_id)?;
        let abs_id = defs.abstract_of(num_id, style_num)?;
        let abs = defs.abstracts.get(abs_id)?;
        let level = |k: usize| num.levels[k].as_ref().or(abs.levels[k].as_ref());
        let this = level(ilvl.min(LEVELS - 1))?;
        let ilvl = ilvl.min(LEVELS - 1);
        let first_use = !self.used.contains(num_id);
        if first_use {
            self.used.insert(num_id.to_string());
        }
        if !self.counts.contains_key(abs_id) {
            self.counts.insert(abs_id.to_string(), [None; LEVELS]);
        }
        let state = self.counts.get_mut(abs_id)?;
        let overrides: [Option<u32>; LEVELS] = if first_use {
            num.starts
        } else {
            [None; LEVELS]
        };
        for k in 0..ilvl {
            if let Some(v) = overrides[k] {
                state[k] = Some(v);
            }
        }
        state[ilvl] = Some(match overrides[ilvl] {
            Some(v) => v,
            None => state[ilvl].map_or(this.start, |c| c.saturating_add(1)),
        });
        for k in ilvl + 1..LEVELS {
            let restarts = match level(k).and_then(|l| l.restart) {
                None => true,
                Some(0) => false,
                Some(after) => ilvl < after as usize,
            };
            if restarts {
                state[k] = None;
            }
            if let Some(v) = overrides[k] {
                // The next use of that level starts at the override.
                state[k] = Some(v.saturating_sub(1));
            }
        }
        let values = *state;
        if this.format == "bullet" {
            out.push_str(&bullet(&this.text));
            return Some(this.suffix);
        }
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%'
                && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                && (1..=LEVELS as u32).contains(&d)
            {
                chars.next();
                let k = d as usize - 1;
                let lk = level(k);
                let value = values[k].unwrap_or_else(|| lk.map_or(1, |l| l.start));
                let format = match (this.legal, lk) {
                    (true, _) => "decimal",
                    (false, Some(l)) => l.format.as_str(),
                    (false, None) => "decimal",
                };
                out.push_str(&format_number(value, format));
            } else {
                out.push(c);
            }
        }
        Some(this.suffix)
    }
}

/// A bullet's symbol: symbol-font characters (private use area) shown as •.
fn bullet(text: &str) -> String {
    text.chars()
        .map(|c| {
            if ('\u{F000}'..='\u{F0FF}').contains(&c) {
                '•'
            } else {
                c
            }
        })
        .collect()
}

const CN_DIGITS: [char; 10] = ['○', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRAD_DIGITS: [char; 10] = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];

/// `n` in Word number format `format` (unknown formats as decimal).
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "none" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
        "chineseCounting" => chinese_counting(n),
        "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCountingThousand" => {
            counting_thousand(n, &CN_DIGITS_ZERO, ['十', '百', '千'], '万', false)
        }
        "chineseLegalSimplified" => {
            counting_thousand(n, &LEGAL_DIGITS, ['拾', '佰', '仟'], '万', true)
        }
        "ideographLegalTraditional" => {
            counting_thousand(n, &LEGAL_TRAD_DIGITS, ['拾', '佰', '仟'], '萬', true)
        }
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "ideographDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| {
                if c == '0' {
                    '〇'
                } else {
                    CN_DIGITS[c as usize - '0' as usize]
                }
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            enclosed(n, 0x2460, 20, |n| n.to_string())
        }
        "decimalEnclosedParen" => enclosed(n, 0x2474, 20, |n| format!("({n})")),
        "decimalEnclosedFullstop" => enclosed(n, 0x2488, 20, |n| format!("{n}.")),
        "ideographEnclosedCircle" => enclosed(n, 0x3280, 10, |n| n.to_string()),
        "upperLetter" => letters(n, b'A'),
        "lowerLetter" => letters(n, b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "ordinal" => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => n.to_string(),
    }
}

/// Digits of the counting formats with 零 for zero.
const CN_DIGITS_ZERO: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `chineseCounting`: 一 … 十, 十一, 二十一 … 九十九, then digit by digit (一○○).
fn chinese_counting(n: u32) -> String {
    match n {
        0 => "○".into(),
        1..=9 => CN_DIGITS[n as usize].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let mut s = String::new();
            if tens > 1 {
                s.push(CN_DIGITS[tens as usize]);
            }
            s.push('十');
            if ones > 0 {
                s.push(CN_DIGITS[ones as usize]);
            }
            s
        }
        _ => n
            .to_string()
            .chars()
            .map(|c| CN_DIGITS[c as usize - '0' as usize])
            .collect(),
    }
}

/// Counting with units up to thousands, then groups of ten thousand: 一百零一, 一千零一十,
/// 一万零五. `legal` keeps the leading one of the tens (壹拾 rather than 拾).
fn counting_thousand(
    n: u32,
    digits: &[char; 10],
    units: [char; 3],
    wan: char,
    legal: bool,
) -> String {
    fn below_10000(n: u32, digits: &[char; 10], units: [char; 3], lead_one: bool) -> String {
        let parts = [
            (n / 1000, Some(units[2])),
            (n / 100 % 10, Some(units[1])),
            (n / 10 % 10, Some(units[0])),
            (n % 10, None),
        ];
        let mut s = String::new();
        let mut zero = false;
        let mut started = false;
        for (d, unit) in parts {
            if d == 0 {
                zero = started;
                continue;
            }
            if zero {
                s.push(digits[0]);
                zero = false;
            }
            let is_lead_ten = !started && unit == Some(units[0]) && d == 1 && !lead_one;
            if !is_lead_ten {
                s.push(digits[d as usize]);
            }
            if let Some(u) = unit {
                s.push(u);
            }
            started = true;
        }
        s
    }
    if n == 0 {
        return digits[0].to_string();
    }
    let (high, low) = (n / 10000, n % 10000);
    let mut s = String::new();
    if high > 0 {
        s.push_str(&counting_thousand(high, digits, units, wan, legal));
        s.push(wan);
        if low == 0 {
            return s;
        }
        if low < 1000 {
            s.push(digits[0]);
        }
        s.push_str(&below_10000(low, digits, units, true));
        return s;
    }
    s.push_str(&below_10000(low, digits, units, legal));
    s
}

/// A cyclic series (heavenly stems, earthly branches): its own signs up to its length, then
/// decimal.
fn cycle(n: u32, signs: &str) -> String {
    let signs: Vec<char> = signs.chars().collect();
    match n as usize {
        k @ 1.. if k <= signs.len() => signs[k - 1].to_string(),
        _ => n.to_string(),
    }
}

/// Enclosed numbers from code point `base` (for 1) up to `last`, then `after(n)`.
fn enclosed(n: u32, base: u32, last: u32, after: impl Fn(u32) -> String) -> String {
    if (1..=last).contains(&n) {
        char::from_u32(base + n - 1).map_or_else(|| after(n), String::from)
    } else {
        after(n)
    }
}

/// Word's letters: A … Z, then AA … ZZ, AAA ….
fn letters(n: u32, a: u8) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from(a + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1).min(64) as usize).collect()
}

/// Roman numerals up to 3999, decimal beyond.
fn roman(n: u32) -> String {
    if n == 0 || n > 3999 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_formats_keep_words_limits() {
        let cc = |n| format_number(n, "chineseCounting");
        assert_eq!(
            [cc(1), cc(10), cc(11), cc(20), cc(21), cc(99)],
            ["一", "十", "十一", "二十", "二十一", "九十九"]
        );
        assert_eq!([cc(100), cc(101), cc(110)], ["一○○", "一○一", "一一○"]);
        let ct = |n| format_number(n, "chineseCountingThousand");
        assert_eq!(
            [
                ct(10),
                ct(15),
                ct(100),
                ct(101),
                ct(110),
                ct(1001),
                ct(1010),
                ct(10000),
                ct(10005),
                ct(21000)
            ],
            [
                "十",
                "十五",
                "一百",
                "一百零一",
                "一百一十",
                "一千零一",
                "一千零一十",
                "一万",
                "一万零五",
                "二万一千"
            ]
        );
        let legal = |n| format_number(n, "chineseLegalSimplified");
        assert_eq!(
            [legal(1), legal(10), legal(11), legal(105)],
            ["壹", "壹拾", "壹拾壹", "壹佰零伍"]
        );
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(11, "ideographTraditional"), "11");
        assert_eq!(format_number(105, "ideographDigital"), "一〇五");
    }

    #[test]
    fn enclosed_letters_and_roman() {
        assert_eq!(format_number(1, "decimalEnclosedCircle"), "①");
        assert_eq!(format_number(20, "decimalEnclosedCircle"), "⑳");
        assert_eq!(format_number(21, "decimalEnclosedCircle"), "21");
        assert_eq!(format_number(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(format_number(21, "decimalEnclosedParen"), "(21)");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(3, "decimalZero"), "03");
        assert_eq!(
            [
                format_number(1, "upperLetter"),
                format_number(26, "upperLetter"),
                format_number(27, "upperLetter"),
                format_number(28, "lowerLetter")
            ],
            ["A", "Z", "AA", "bb"]
        );
        assert_eq!(format_number(1994, "upperRoman"), "MCMXCIV");
        assert_eq!(format_number(4, "lowerRoman"), "iv");
        assert_eq!(format_number(7, "none"), "");
    }

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%2条"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%3）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%2.%4"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    #[test]
    fn counters_run_on_across_chapters_and_restart_per_rule() {
        let defs = Definitions::parse(XML.as_bytes()).unwrap();
        let mut c = Counter::new(&defs);
        let none = |_: &str| None;
        let mut label = |num: &str, l: usize| c.next(num, l, &none).unwrap().text;
        assert_eq!(label("1", 0), "第一章");
        assert_eq!(label("1", 1), "第一条");
        assert_eq!(label("1", 2), "（一）");
        assert_eq!(label("1", 2), "（二）");
        assert_eq!(label("1", 1), "第二条");
        // The deeper level restarts after its parent …
        assert_eq!(label("1", 2), "（一）");
        // … the article level never does (lvlRestart 0), and a start override is applied
        // once, at the instance's first use.
        assert_eq!(label("2", 0), "第二章");
        assert_eq!(label("2", 1), "第三条");
        assert_eq!(label("2", 0), "第三章");
        // isLgl writes the article number in decimal.
        assert_eq!(label("2", 3), "3.1");
        // An override of a deeper level takes effect at that level's next use.
        assert_eq!(label("3", 1), "第四条");
        assert_eq!(label("3", 2), "（一）");
        assert!(c.next("9", 0, &none).is_none());
    }
}
