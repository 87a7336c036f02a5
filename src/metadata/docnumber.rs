//! 发文字号 (`国办发〔2023〕12号`) and 令 numbers (`国务院令第752号`), read as written, with
//! what `doc-number-format` needs to know about the writing: which brackets, how many digits
//! of year, a 第, a leading zero.

/// A 发文字号 as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// 发文机关代字 (国办发).
    pub agency_code: String,
    /// The year as a number (a two-digit year read as 19xx/20xx).
    pub year: u32,
    /// The serial number.
    pub serial: u32,
    /// The opening and closing brackets around the year.
    pub brackets: (char, char),
    /// Digits written for the year.
    pub year_digits: usize,
    /// Whether 第 stands before the serial number.
    pub di: bool,
    /// Whether the serial number has a leading zero (01号).
    pub leading_zero: bool,
    /// Byte range of the number in the text read.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

/// Brackets that copies put around the year of a 发文字号 (only 〔〕 is right).
const OPEN: &[char] = &['〔', '[', '［', '(', '（', '【', '〈', '〖', '{', '｛'];
/// The closing brackets, in the order of [`OPEN`].
const CLOSE: &[char] = &['〕', ']', '］', ')', '）', '】', '〉', '〗', '}', '｝'];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A digit of a serial number, or a letter that OCR reads for one (`1l号`, `I2号`, `1O号`).
fn serial_digit(c: char) -> Option<u32> {
    digit(c).or(match c {
        'l' | 'I' | '|' => Some(1),
        'O' | 'o' => Some(0),
        _ => None,
    })
}

/// Whether `c` may stand in a 发文机关代字: ideographs, Latin letters (a few codes hold
/// them) and the middle dot.
fn code_char(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_ascii_alphabetic() || c == '·'
}

/// The 发文字号 that `s` holds from byte `i`: 代字, bracketed year, optional 第, serial, 号.
/// The 代字 may be missing (a 纪要's `〔2025〕3号`).
fn at(s: &str, code_start: usize) -> Option<Written> {
    let rest = &s[code_start..];
    let open_at = rest.find(OPEN)?;
    let code = &rest[..open_at];
    if code.chars().count() > 16 || !code.chars().all(code_char) {
        return None;
    }
    let mut it = rest[open_at..].char_indices();
    let (_, open) = it.next()?;
    let k = OPEN.iter().position(|&o| o == open)?;
    let mut year = 0;
    let mut year_digits = 0;
    let mut pos = open_at + open.len_utf8();
    for (j, c) in it.by_ref() {
        if let Some(d) = digit(c) {
            year = year * 10 + d;
            year_digits += 1;
            pos = open_at + j + c.len_utf8();
        } else if c == CLOSE[k] || CLOSE.contains(&c) {
            pos = open_at + j + c.len_utf8();
            break;
        } else {
            return None;
        }
    }
    let close = rest[..pos].chars().next_back()?;
    if !CLOSE.contains(&close) || !(year_digits == 2 || year_digits == 4) {
        return None;
    }
    if year_digits == 2 {
        year += if year >= 50 { 1900 } else { 2000 };
    }
    let mut tail = rest[pos..].char_indices().peekable();
    let di = tail.next_if(|&(_, c)| c == '第').is_some();
    let mut serial = 0;
    let mut digits = 0;
    let mut first_zero = false;
    let mut end = pos;
    let mut real_digit = false;
    while let Some(&(j, c)) = tail.peek() {
        let Some(d) = serial_digit(c) else { break };
        real_digit |= digit(c).is_some();
        if digits == 0 {
            first_zero = d == 0;
        }
        serial = serial * 10 + d;
        digits += 1;
        end = pos + j + c.len_utf8();
        tail.next();
    }
    if !real_digit || digits > 6 {
        return None;
    }
    let (j, c) = tail.next()?;
    if c != '号' {
        return None;
    }
    end = end.max(pos + j) + c.len_utf8();
    Some(Written {
        agency_code: code.to_string(),
        year,
        serial,
        brackets: (open, close),
        year_digits,
        di,
        leading_zero: first_zero && digits > 1,
        start: code_start,
        end: code_start + end,
    })
}

/// The 发文字号 that the compacted line `s` consists of: alone, in brackets (（国发〔2018〕
/// 38号）), or before a 签发人 (国办发〔2023〕12号签发人：张三). `None` when the line holds
/// anything else: a number cited in a sentence is not the document's own.
pub fn whole_line(s: &str) -> Option<Written> {
    let (t, off) = match s
        .strip_prefix(['（', '('])
        .and_then(|r| Some((r.strip_suffix(['）', ')'])?, s.len() - r.len())))
    {
        Some((t, off)) => (t, off),
        None => (s, 0),
    };
    let w = at(t, 0)?;
    let rest = &t[w.end..];
    let ok = rest.is_empty() || rest.starts_with("签发人") || rest.starts_with("签发：");
    ok.then(|| Written {
        start: w.start + off,
        end: w.end + off,
        ..w
    })
}

/// A 令 number in `s`: `中华人民共和国国务院令第752号`, `公安部令第33号`, `（第752号）`
/// after a 令 line. Returns the order as written (from the issuing body through 号) and its
/// byte range.
pub fn order(s: &str) -> Option<(String, usize, usize)> {
    let ling = s.find("令第").or_else(|| s.find("令 第"))?;
    // The body before 令: ideographs back to a non-ideograph or a separator (、 joins two).
    let mut start = ling;
    for (k, c) in s[..ling].char_indices().rev() {
        if !(code_char(c) || c == '、') {
            break;
        }
        start = k;
    }
    let after = &s[ling + '令'.len_utf8()..];
    let after = after.trim_start_matches(' ');
    let num = after.strip_prefix('第')?;
    let digits = num.chars().take_while(|c| digit(*c).is_some()).count();
    if digits == 0 || num.chars().nth(digits).is_none_or(|c| c != '号') {
        return None;
    }
    let end = s.len() - num.len() + num.char_indices().nth(digits)?.0 + '号'.len_utf8();
    (start < ling).then(|| (s[start..end].replace(' ', ""), start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_numbers() {
        let w = whole_line("国办发〔2023〕12号").unwrap();
        assert_eq!(
            (
                w.agency_code.as_str(),
                w.year,
                w.serial,
                w.brackets,
                w.di,
                w.leading_zero
            ),
            ("国办发", 2023, 12, ('〔', '〕'), false, false)
        );
        let w = whole_line("（国发〔2018〕38号）").unwrap();
        assert_eq!((w.agency_code.as_str(), w.serial), ("国发", 38));
        let w = whole_line("青政办发〔2024〕3号签发人：王某").unwrap();
        assert_eq!(w.serial, 3);
    }

    #[test]
    fn ill_formed_numbers_are_read_with_their_faults() {
        let w = whole_line("青政发[24]第05号").unwrap();
        assert_eq!(
            (w.year, w.year_digits, w.brackets, w.di, w.leading_zero),
            (2024, 2, ('[', ']'), true, true)
        );
        let w = whole_line("青财字（2023）7号").unwrap();
        assert_eq!(w.brackets, ('（', '）'));
    }

    #[test]
    fn letters_read_for_digits_by_ocr_stand_for_them_in_the_serial() {
        let w = whole_line("白办发（2025）1l号").unwrap();
        assert_eq!(
            (w.agency_code.as_str(), w.year, w.serial),
            ("白办发", 2025, 11)
        );
        assert_eq!(whole_line("青政发[2025]2O号").map(|w| w.serial), Some(20));
        // Letters alone are no number.
        assert!(whole_line("青政发〔2025〕lO号").is_none());
    }

    #[test]
    fn a_minutes_number_has_no_agency_code() {
        let w = whole_line("〔2025〕3号").unwrap();
        assert_eq!((w.agency_code.as_str(), w.year, w.serial), ("", 2025, 3));
    }

    #[test]
    fn a_number_inside_a_sentence_is_not_the_documents_own() {
        assert!(whole_line("根据国办发〔2023〕12号文件精神").is_none());
        assert!(whole_line("关于印发某某办法的通知(发改价格〔2025〕65号)").is_none());
    }

    #[test]
    fn order_numbers() {
        assert_eq!(
            order("2001年6月15日 中华人民共和国国务院令第306号公布").map(|o| o.0),
            Some("中华人民共和国国务院令第306号".into())
        );
        assert_eq!(
            order("国务院、中央军事委员会令第22号发布").map(|o| o.0),
            Some("国务院、中央军事委员会令第22号".into())
        );
        assert_eq!(order("依照命令第三条"), None);
    }
}
