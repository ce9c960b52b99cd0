//! Calendar dates and the many ways notes write them.

use deid_core::calendar::{civil_from_days, days_from_civil};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// A proleptic Gregorian date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

impl Date {
    /// Days since 1970-01-01.
    pub(crate) fn days(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }

    /// The date `days` after 1970-01-01.
    pub(crate) fn from_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days);
        Date {
            year: year as i32,
            month,
            day,
        }
    }

    pub(crate) fn plus(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    fn weekday(self) -> &'static str {
        WEEKDAYS[(self.days() + 4).rem_euclid(7) as usize]
    }

    fn month_name(self) -> &'static str {
        MONTHS[self.month as usize - 1]
    }

    fn month_abbr(self) -> &'static str {
        &self.month_name()[..3]
    }

    /// A random date between `from` and `to` (years, inclusive).
    pub(crate) fn random(rng: &mut ChaCha8Rng, from: i32, to: i32) -> Date {
        let start = Date {
            year: from,
            month: 1,
            day: 1,
        }
        .days();
        let end = Date {
            year: to,
            month: 12,
            day: 31,
        }
        .days();
        Date::from_days(rng.random_range(start..=end))
    }

    /// The date written in one of many formats, all with a day, month and year.
    pub(crate) fn format_full(self, rng: &mut ChaCha8Rng) -> String {
        let Date { year, month, day } = self;
        let yy = year.rem_euclid(100);
        match rng.random_range(0..11) {
            0 => format!("{month}/{day}/{year}"),
            1 => format!("{month:02}/{day:02}/{year}"),
            2 => format!("{month:02}-{day:02}-{yy:02}"),
            3 => format!("{year}-{month:02}-{day:02}"),
            4 => format!("{day:02}-{}-{year}", self.month_abbr()),
            5 => format!("{} {day}{}, {year}", self.month_name(), ordinal(day)),
            6 => format!("{day} {} {year}", self.month_name()),
            7 => format!("{}, {} {day}, {year}", self.weekday(), self.month_name()),
            8 => format!("{}. {day}, {year}", self.month_abbr()),
            9 => format!("{month}/{day}/{yy:02}"),
            _ => format!("{} {day}, {year}", self.month_name()),
        }
    }

    /// Any format, including partial ones ("March 14", "Mar 2021", "3/14").
    pub(crate) fn format_any(self, rng: &mut ChaCha8Rng) -> String {
        let Date { year, month, day } = self;
        match rng.random_range(0..16) {
            0 => format!("{} {day}", self.month_name()),
            1 => format!("{} {year}", self.month_abbr()),
            2 => format!("{month}/{day}"),
            3 => format!("{} {year}", self.month_name()),
            4 => format!("{month:02}/{year}"),
            5 => format!("{} {day}{}", self.month_name(), ordinal(day)),
            _ => self.format_full(rng),
        }
    }

    /// A format that takes "on" in running text (a full date, or month and day).
    pub(crate) fn format_on(self, rng: &mut ChaCha8Rng) -> String {
        if rng.random_bool(0.15) {
            let forms = [
                format!("{} {}", self.month_name(), self.day),
                format!("{}/{}", self.month, self.day),
                format!("{} {}{}", self.month_name(), self.day, ordinal(self.day)),
                format!("{}, {}/{}", self.weekday(), self.month, self.day),
            ];
            return forms.choose(rng).cloned().unwrap_or_default();
        }
        self.format_full(rng)
    }

    /// A month and year ("Mar 2021", "March 2021", "03/2021"), written after "in".
    pub(crate) fn format_month(self, rng: &mut ChaCha8Rng) -> String {
        match rng.random_range(0..3) {
            0 => format!("{} {}", self.month_abbr(), self.year),
            1 => format!("{} {}", self.month_name(), self.year),
            _ => format!("{:02}/{}", self.month, self.year),
        }
    }
}

fn ordinal(day: u32) -> &'static str {
    match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn civil_round_trip_and_weekday() {
        let d = Date {
            year: 2021,
            month: 3,
            day: 15,
        };
        assert_eq!(Date::from_days(d.days()), d);
        assert_eq!(d.weekday(), "Monday");
        assert_eq!(
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
            .days(),
            0
        );
        assert_eq!(
            Date::from_days(-1),
            Date {
                year: 1969,
                month: 12,
                day: 31
            }
        );
        assert_eq!(
            Date {
                year: 2024,
                month: 2,
                day: 28
            }
            .plus(1)
            .day,
            29
        );
        assert_eq!(super::ordinal(22), "nd");
        assert_eq!(super::ordinal(12), "th");
    }
}
