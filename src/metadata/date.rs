//! Dates as 公文 and statutes write them: `2023年5月4日`, `２０２３年０５月０４日`,
//! `二〇二三年五月四日`, blanks allowed between the parts. What was written is kept beside the
//! value, so that `date-format` can tell Arabic from Chinese numerals and see leading zeros.

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Year, month and day.
    pub year: u32,
    /// 1–12.
    pub month: u32,
    /// 1–31; 0 when only the month is given (2017年12月, [`find_all_partial`]).
    pub day: u32,
    /// Byte range of the date in the text searched (from the year's first digit through 日).
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Written in Chinese numerals (二〇二三年五月四日).
    pub chinese: bool,
    /// A month or day written with a leading zero (2023年05月04日).
    pub leading_zero: bool,
}

impl Found {
    /// The ISO 8601 form, `2023-05-04` (`2017-12` without a day).
    pub fn iso(&self) -> String {
        if self.day == 0 {
            format!("{:04}-{:02}", self.year, self.month)
        } else {
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

/// The value of an Arabic digit, ASCII or full width.
fn arabic(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese digit of a year written digit by digit (〇 ○ 零 O included).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' | 'O' | '0' | '０' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A small number in Chinese numerals (一 … 三十一): 十, 十二, 二十, 二十一, 三十一.
fn cn_small(s: &str) -> Option<u32> {
    let v: Vec<char> = s.chars().collect();
    let d = |c: char| cn_digit(c).filter(|&x| x > 0);
    match v.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(10 * d(*a)?),
        [a, '十', b] => Some(10 * d(*a)? + d(*b)?),
        _ => None,
    }
}

/// Whether `c` is blank inside a date (`2023 年 5 月`).
fn blank(c: char) -> bool {
    crate::normalize::is_blank(c)
}

/// One date starting at byte `i` of `s`, if one does; with `partial`, a year and month
/// without a day too.
fn date_at(s: &str, i: usize, partial: bool) -> Option<Found> {
    let rest = &s[i..];
    let mut it = rest.char_indices().peekable();
    // The year: four Arabic digits, or four Chinese digits.
    let mut year = 0;
    let mut chinese = false;
    let mut count = 0;
    while let Some(&(_, c)) = it.peek() {
        let v = if count == 0 {
            match (arabic(c), cn_digit(c)) {
                (Some(v), _) => Some(v),
                (None, Some(v)) => {
                    chinese = true;
                    Some(v)
                }
                _ => None,
            }
        } else if chinese {
            cn_digit(c)
        } else {
            arabic(c)
        };
        let Some(v) = v else { break };
        year = year * 10 + v;
        count += 1;
        it.next();
        while it.peek().is_some_and(|&(_, c)| blank(c)) && count < 4 {
            it.next();
        }
    }
    if count != 4 || !(1900..=2100).contains(&year) {
        return None;
    }
    let skip_blanks = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        while it.peek().is_some_and(|&(_, c)| blank(c)) {
            it.next();
        }
    };
    skip_blanks(&mut it);
    if it.next()?.1 != '年' {
        return None;
    }
    let part = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
                unit: char|
     -> Option<(u32, bool)> {
        skip_blanks(it);
        let mut digits = String::new();
        while let Some(&(_, c)) = it.peek() {
            if c == unit || blank(c) {
                break;
            }
            digits.push(c);
            it.next();
            if digits.chars().count() > 3 {
                return None;
            }
        }
        skip_blanks(it);
        if it.next()?.1 != unit {
            return None;
        }
        if chinese {
            Some((cn_small(&digits)?, false))
        } else {
            let vals: Option<Vec<u32>> = digits.chars().map(arabic).collect();
            let vals = vals?;
            if vals.is_empty() || vals.len() > 2 {
                return None;
            }
            let v = vals.iter().fold(0, |a, d| a * 10 + d);
            Some((v, vals.len() == 2 && vals[0] == 0))
        }
    };
    let (month, zm) = part(&mut it, '月')?;
    let after_month = it.peek().map_or(rest.len(), |&(k, _)| k);
    let (day, zd, end) = match part(&mut it, '日') {
        Some((day, zd)) => (day, zd, it.peek().map_or(rest.len(), |&(k, _)| k)),
        None if partial => (0, false, after_month),
        None => return None,
    };
    if !(1..=12).contains(&month) || !(day == 0 || (1..=31).contains(&day)) {
        return None;
    }
    Some(Found {
        year,
        month,
        day,
        start: i,
        end: i + end,
        chinese,
        leading_zero: zm || zd,
    })
}

/// Every date in `s`, in order.
pub fn find_all(s: &str) -> Vec<Found> {
    find(s, false)
}

/// Every date in `s`, in order, a year and month without a day included (2017年12月).
pub fn find_all_partial(s: &str) -> Vec<Found> {
    find(s, true)
}

fn find(s: &str, partial: bool) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        // A year does not continue a longer number.
        let starts_number = arabic(c).is_some() || cn_digit(c).is_some();
        let after_digit = s[..i]
            .chars()
            .next_back()
            .is_some_and(|p| arabic(p).is_some() || cn_digit(p).is_some());
        if starts_number
            && !after_digit
            && let Some(f) = date_at(s, i, partial)
        {
            i = f.end;
            out.push(f);
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// The date (a year and month without a day too) that opens `s`, if one does.
pub fn at_start_partial(s: &str) -> Option<Found> {
    date_at(s, 0, true)
}

/// The date that `s` consists of (blanks around it allowed), if it is nothing else.
pub fn whole(s: &str) -> Option<Found> {
    let t = crate::normalize::trim_blanks(s);
    let off = s.len() - crate::normalize::trim_start_blanks(s).len();
    let f = date_at(t, 0, false)?;
    (f.end == t.len()).then_some(Found {
        start: f.start + off,
        end: f.end + off,
        ..f
    })
}

/// The date a file's name carries, as archives name their files (`某某条例(2019-03-24).md`,
/// `2019-03-24_某某通知.txt`, `某某办法20190324.txt`): the first `YYYY-MM-DD`, `YYYY_MM_DD`,
/// `YYYY.MM.DD` or eight-digit `YYYYMMDD` of the base name that stands apart from other
/// digits and is a real day, in ISO form. Only the base name is read, not the folders.
pub fn in_file_name(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let b = name.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let s = b.get(from..from + n)?;
        s.iter()
            .all(u8::is_ascii_digit)
            .then(|| s.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
    };
    for i in 0..b.len() {
        if i > 0 && b[i - 1].is_ascii_digit() {
            continue;
        }
        let Some(year) = digits(i, 4) else { continue };
        // YYYY-MM-DD (or _ or .), else YYYYMMDD.
        let (month, day, end) = match b.get(i + 4) {
            Some(b'-' | b'_' | b'.') if b.get(i + 7) == b.get(i + 4) => {
                (digits(i + 5, 2), digits(i + 8, 2), i + 10)
            }
            _ => (digits(i + 4, 2), digits(i + 6, 2), i + 8),
        };
        let (Some(month), Some(day)) = (month, day) else {
            continue;
        };
        if b.get(end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        };
        if (1900..=2100).contains(&year) && (1..=days).contains(&day) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_chinese_dates() {
        let f = whole("2023年5月4日").unwrap();
        assert_eq!(
            (f.iso(), f.chinese, f.leading_zero),
            ("2023-05-04".into(), false, false)
        );
        let f = whole("  二〇二三年十二月三十一日 ").unwrap();
        assert_eq!((f.iso(), f.chinese), ("2023-12-31".into(), true));
        let f = whole("２０２３ 年 ０５ 月 ０４ 日").unwrap();
        assert_eq!((f.iso(), f.leading_zero), ("2023-05-04".into(), true));
        assert_eq!(whole("一九九四年十二月六日").unwrap().iso(), "1994-12-06");
        assert_eq!(whole("二○一九年一月九日").unwrap().iso(), "2019-01-09");
    }

    #[test]
    fn a_file_name_carries_a_date() {
        assert_eq!(
            in_file_name("法规/强制检定的工作计量器具检定管理办法(1987-04-14).md").as_deref(),
            Some("1987-04-14")
        );
        assert_eq!(
            in_file_name("2019_03_24_通知.txt").as_deref(),
            Some("2019-03-24")
        );
        assert_eq!(
            in_file_name("某某办法20190324.txt").as_deref(),
            Some("2019-03-24")
        );
        // Folders are not read; numbers that are no day are no date.
        assert_eq!(in_file_name("2019-03-24/某某办法.txt"), None);
        assert_eq!(in_file_name("档案123456789.txt"), None);
        assert_eq!(in_file_name("报告(2019-02-30).txt"), None);
        assert_eq!(in_file_name("编号20191399.txt"), None);
    }

    #[test]
    fn not_dates() {
        assert!(whole("2023年5月").is_none());
        assert!(whole("2023年13月4日").is_none());
        assert!(whole("12023年5月4日").is_none());
        assert!(whole("2023年5月4日印发").is_none());
        assert!(find_all("第12023年5月4日").is_empty());
    }

    #[test]
    fn a_month_without_a_day() {
        let f = find_all_partial("（2017年12月修改）");
        assert_eq!(f.iter().map(Found::iso).collect::<Vec<_>>(), ["2017-12"]);
        assert!(find_all("（2017年12月修改）").is_empty());
    }

    #[test]
    fn dates_in_a_line() {
        let s = "（2015年5月28日中共中央批准 2022年1月14日中共中央修订）";
        let all: Vec<String> = find_all(s).iter().map(Found::iso).collect();
        assert_eq!(all, ["2015-05-28", "2022-01-14"]);
        let f = find_all(s)[0];
        assert_eq!(&s[f.start..f.end], "2015年5月28日");
    }
}
