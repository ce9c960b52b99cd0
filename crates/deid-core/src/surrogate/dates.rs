//! Dates moved by one shift, written back in exactly the form they came in.
//!
//! The span is split into numbers, words and separators; numbers beside a
//! colon are times and stay. Month and weekday names, zero padding, two- or
//! four-digit years, ordinals ("14th" -> "22nd") and letter case are kept.

use super::case::Case;
use crate::calendar::{civil_from_days, days_from_civil, weekday};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Year,
    Month,
    Day,
}

#[derive(Debug)]
enum Tok {
    Num {
        start: usize,
        end: usize,
        value: i64,
        /// Ordinal suffix right after the digits, as written ("th", "ST").
        ordinal: Option<(usize, usize)>,
        role: Option<Role>,
        time: bool,
    },
    Month {
        start: usize,
        end: usize,
        month: u32,
    },
    Weekday {
        start: usize,
        end: usize,
    },
}

fn month_of(lower: &str) -> Option<u32> {
    if lower.len() < 3 {
        return None;
    }
    let lower = if lower == "sept" { "sep" } else { lower };
    MONTHS
        .iter()
        .position(|m| *m == lower || (lower.len() == 3 && m.starts_with(lower)))
        .map(|i| i as u32 + 1)
}

fn weekday_of(lower: &str) -> Option<usize> {
    if lower.len() < 3 {
        return None;
    }
    let lower = match lower {
        "tues" => "tue",
        "thur" | "thurs" => "thu",
        "weds" => "wed",
        other => other,
    };
    WEEKDAYS
        .iter()
        .position(|d| *d == lower || (lower.len() == 3 && d.starts_with(lower)))
}

fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let end = i;
            let mut ordinal = None;
            if i + 2 <= b.len() {
                let suf = s[i..i + 2].to_ascii_lowercase();
                let after_ok = b.get(i + 2).is_none_or(|c| !c.is_ascii_alphabetic());
                if ["st", "nd", "rd", "th"].contains(&suf.as_str()) && after_ok {
                    ordinal = Some((i, i + 2));
                    i += 2;
                }
            }
            let time = (start > 0 && b[start - 1] == b':') || b.get(end) == Some(&b':');
            out.push(Tok::Num {
                start,
                end,
                value: s[start..end].parse().unwrap_or(i64::MAX),
                ordinal,
                role: None,
                time,
            });
        } else if b[i].is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let lower = s[start..i].to_ascii_lowercase();
            if let Some(month) = month_of(&lower) {
                out.push(Tok::Month {
                    start,
                    end: i,
                    month,
                });
            } else if weekday_of(&lower).is_some() {
                out.push(Tok::Weekday { start, end: i });
            }
        } else {
            i += 1;
        }
    }
    out
}

fn days_in_month(y: i64, m: u32) -> u32 {
    let next = if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    };
    (next - days_from_civil(y, m, 1)) as u32
}

/// `date` moved by `shift` days, in the same form; `None` when the span is
/// not a date this module can read (the caller then falls back to digits).
pub(crate) fn shift(date: &str, shift: i64) -> Option<String> {
    let mut toks = tokenize(date);
    let has_month_word = toks.iter().any(|t| matches!(t, Tok::Month { .. }));
    let nums: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Tok::Num { time: false, .. }))
        .map(|(i, _)| i)
        .collect();
    let width = |t: &Tok| match t {
        Tok::Num { start, end, .. } => end - start,
        _ => 0,
    };
    let value = |t: &Tok| match t {
        Tok::Num { value, .. } => *value,
        _ => 0,
    };
    let roles: Vec<Role> = if has_month_word {
        let mut roles = Vec::new();
        let mut day = false;
        let mut year = false;
        for &i in &nums {
            let (w, v) = (width(&toks[i]), value(&toks[i]));
            if !year && (w == 4 || v > 31) {
                roles.push(Role::Year);
                year = true;
            } else if !day && (1..=31).contains(&v) && w <= 2 {
                roles.push(Role::Day);
                day = true;
            } else if !year && w == 2 {
                roles.push(Role::Year);
                year = true;
            } else {
                return None;
            }
        }
        roles
    } else {
        match nums.len() {
            3 if width(&toks[nums[0]]) == 4 => vec![Role::Year, Role::Month, Role::Day],
            3 if value(&toks[nums[0]]) > 12 => vec![Role::Day, Role::Month, Role::Year],
            3 => vec![Role::Month, Role::Day, Role::Year],
            2 if width(&toks[nums[1]]) == 4 => vec![Role::Month, Role::Year],
            2 if width(&toks[nums[0]]) == 4 => vec![Role::Year, Role::Month],
            2 => vec![Role::Month, Role::Day],
            1 if width(&toks[nums[0]]) == 4 => vec![Role::Year],
            _ => return None,
        }
    };
    let mut year = None;
    let mut month = toks.iter().find_map(|t| match t {
        Tok::Month { month, .. } => Some(*month),
        _ => None,
    });
    let mut day = None;
    let mut two_digit_year = false;
    for (&i, &r) in nums.iter().zip(&roles) {
        let v = value(&toks[i]);
        match r {
            Role::Year if width(&toks[i]) == 2 => {
                two_digit_year = true;
                year = Some(if v < 50 { 2000 + v } else { 1900 + v });
            }
            Role::Year if width(&toks[i]) == 4 => year = Some(v),
            Role::Month if month.is_none() => month = Some(u32::try_from(v).ok()?),
            Role::Year | Role::Month => return None,
            Role::Day => day = Some(u32::try_from(v).ok()?),
        }
        if let Tok::Num { role, .. } = &mut toks[i] {
            *role = Some(r);
        }
    }
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return None;
        }
        if let Some(d) = day {
            if d == 0 || d > days_in_month(year.unwrap_or(2000), m) {
                return None;
            }
        }
    } else if day.is_some() {
        return None;
    }
    // The new date, and the new weekday when the text names one.
    let (shifted_year, shifted_month, shifted_day, shifted_weekday) = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => {
            let n = days_from_civil(y, m, d) + shift;
            let (y2, m2, d2) = civil_from_days(n);
            (Some(y2), Some(m2), Some(d2), Some(weekday(n)))
        }
        (None, Some(m), Some(d)) => {
            let n = days_from_civil(2000, m, d) + shift;
            let (_, m2, d2) = civil_from_days(n);
            (None, Some(m2), Some(d2), None)
        }
        (Some(y), Some(m), None) => {
            let (y2, m2, _) = civil_from_days(days_from_civil(y, m, 15) + shift);
            (Some(y2), Some(m2), None, None)
        }
        (Some(y), None, None) => {
            let years = (shift.abs() + 182) / 365;
            (Some(y + shift.signum() * years.max(1)), None, None, None)
        }
        _ => return None,
    };
    let mut out = String::with_capacity(date.len() + 4);
    let mut at = 0;
    for t in &toks {
        let (start, end, new) = match *t {
            Tok::Num {
                start,
                end,
                ordinal,
                role: Some(role),
                ..
            } => {
                let w = end - start;
                let end = ordinal.map_or(end, |o| o.1);
                let mut s = match role {
                    Role::Year if two_digit_year => format!("{:02}", shifted_year?.rem_euclid(100)),
                    Role::Year => format!("{:04}", shifted_year?),
                    Role::Month => pad(i64::from(shifted_month?), w),
                    Role::Day => pad(i64::from(shifted_day?), w),
                };
                if let Some((a, b)) = ordinal {
                    let suf = ordinal_suffix(shifted_day.unwrap_or(1));
                    s.push_str(&Case::of(&date[a..b]).apply(suf));
                }
                (start, end, s)
            }
            Tok::Month { start, end, month } => {
                let m = shifted_month.unwrap_or(month);
                (
                    start,
                    end,
                    name_like(&date[start..end], MONTHS[m as usize - 1]),
                )
            }
            Tok::Weekday { start, end } => {
                let old = weekday_of(&date[start..end].to_ascii_lowercase())?;
                let wd = shifted_weekday.unwrap_or_else(|| {
                    (i64::try_from(old).unwrap_or(0) + shift).rem_euclid(7) as usize
                });
                (start, end, name_like(&date[start..end], WEEKDAYS[wd]))
            }
            Tok::Num { .. } => continue,
        };
        out.push_str(&date[at..start]);
        out.push_str(&new);
        at = end;
    }
    out.push_str(&date[at..]);
    Some(out)
}

fn pad(v: i64, width: usize) -> String {
    if width >= 2 {
        format!("{v:02}")
    } else {
        v.to_string()
    }
}

pub(crate) fn ordinal_suffix(d: u32) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// `full` (a month or weekday name) written the way `original` was: full or
/// abbreviated, in its case.
fn name_like(original: &str, full: &str) -> String {
    let lower = original.to_ascii_lowercase();
    let was_full = MONTHS.contains(&lower.as_str()) || WEEKDAYS.contains(&lower.as_str());
    let word = if was_full {
        full.to_owned()
    } else if original.len() == 4 && full == "september" {
        "sept".to_owned()
    } else {
        full[..3].to_owned()
    };
    Case::of(original).apply(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_form() {
        let s = |d: &str, n: i64| shift(d, n).unwrap();
        assert_eq!(s("03/14/2021", 39), "04/22/2021");
        assert_eq!(s("3/14/2021", 39), "4/22/2021");
        assert_eq!(s("03-14-21", 39), "04-22-21");
        assert_eq!(s("2021-03-14", 39), "2021-04-22");
        assert_eq!(s("14-Mar-2021", 39), "22-Apr-2021");
        assert_eq!(s("March 14th", 39), "April 22nd");
        assert_eq!(s("March 14th, 2021", 39), "April 22nd, 2021");
        assert_eq!(s("Mar 2021", 39), "Apr 2021");
        assert_eq!(s("MARCH 14, 2021", -14), "FEBRUARY 28, 2021");
        assert_eq!(s("3/14", 39), "4/22");
        assert_eq!(s("Sunday, March 14, 2021", 39), "Thursday, April 22, 2021");
        assert_eq!(s("Sun 3/14/21", 1), "Mon 3/15/21");
        assert_eq!(s("Sept. 1, 2020", 30), "Oct. 1, 2020");
        assert_eq!(s("3/14/2021 10:45", 1), "3/15/2021 10:45");
        assert_eq!(s("31/12/2020", 1), "01/01/2021");
        assert_eq!(s("1983", 40), "1984");
        assert_eq!(s("1983", -400), "1982");
    }

    #[test]
    fn every_allowed_shift_changes_every_form() {
        for k in (30..=364).chain(-364..=-30) {
            for d in [
                "November 17",
                "2/29",
                "Dec 31",
                "Mar 2021",
                "1983",
                "01/01/2020",
            ] {
                assert_ne!(shift(d, k).unwrap(), d, "shift {k}");
            }
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(shift("13/45/2020", 3), None);
        assert_eq!(shift("Feb 30, 2021", 3), None);
        assert_eq!(shift("later", 3), None);
    }

    #[test]
    fn intervals_survive() {
        let a = "01/30/2020";
        let b = "03/02/2020";
        let parse = |s: &str| {
            let p: Vec<u32> = s.split('/').map(|x| x.parse().unwrap()).collect();
            days_from_civil(i64::from(p[2]), p[0], p[1])
        };
        for k in [-365, -31, 45, 200] {
            let (a2, b2) = (shift(a, k).unwrap(), shift(b, k).unwrap());
            assert_eq!(parse(&b2) - parse(&a2), parse(b) - parse(a));
        }
    }
}
