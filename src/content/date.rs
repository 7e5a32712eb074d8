//! Calendar dates (no time, no zone): chart weeks, publication and access dates.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

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
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// A date from its parts, or `None` when the day does not exist.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let year = i32::try_from(digits(0..4)?).ok()?;
        let month = u8::try_from(digits(5..7)?).ok()?;
        let day = u8::try_from(digits(8..10)?).ok()?;
        Self::new(year, month, day)
    }

    /// The date part of a TOML date or datetime.
    pub fn from_toml(value: &toml::value::Datetime) -> Option<Self> {
        let date = value.date?;
        Self::new(i32::from(date.year), date.month, date.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// This date moved by `days`.
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days(self.days() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_index(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        usize::try_from((self.days() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// The English name of the weekday.
    pub fn weekday(self) -> &'static str {
        WEEKDAYS[self.weekday_index()]
    }

    /// `2025-07-05`.
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// Appends `2025-07-05` to `out`. Charts write thousands of dates, so the common
    /// four-digit years skip the formatting machinery.
    pub fn push_iso(self, out: &mut String) {
        let Ok(year) = u32::try_from(self.year) else {
            out.push_str(&format!(
                "{:04}-{:02}-{:02}",
                self.year, self.month, self.day
            ));
            return;
        };
        if year > 9999 {
            out.push_str(&format!("{year}-{:02}-{:02}", self.month, self.day));
            return;
        }
        let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
        out.extend([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            '-',
            digit(u32::from(self.month) / 10),
            digit(u32::from(self.month)),
            '-',
            digit(u32::from(self.day) / 10),
            digit(u32::from(self.day)),
        ]);
    }

    /// `July 5, 2025`.
    pub fn long(self) -> String {
        let mut out = String::with_capacity(18);
        self.push_long(&mut out);
        out
    }

    /// Appends `July 5, 2025` to `out`.
    pub fn push_long(self, out: &mut String) {
        out.push_str(MONTHS[usize::from(self.month - 1)]);
        out.push(' ');
        if self.day >= 10 {
            out.push(char::from(b'0' + self.day / 10));
        }
        out.push(char::from(b'0' + self.day % 10));
        out.push_str(", ");
        match u32::try_from(self.year) {
            Ok(year @ 1000..=9999) => {
                let mut n = year;
                let mut digits = [b'0'; 4];
                for slot in digits.iter_mut().rev() {
                    *slot = b'0' + (n % 10) as u8;
                    n /= 10;
                }
                out.extend(digits.map(char::from));
            }
            _ => out.push_str(&self.year.to_string()),
        }
    }

    /// `Jul 5`.
    pub fn short(self) -> String {
        format!("{} {}", &MONTHS[usize::from(self.month - 1)][..3], self.day)
    }

    /// `Jul 2025`.
    pub fn month_year(self) -> String {
        format!(
            "{} {}",
            &MONTHS[usize::from(self.month - 1)][..3],
            self.year
        )
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = toml::value::Datetime::deserialize(deserializer)?;
        if value.time.is_some() || value.offset.is_some() {
            return Err(serde::de::Error::custom(format!(
                "expected a date like 2025-07-05, found the date-time {value}"
            )));
        }
        Self::from_toml(&value)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid date {value}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        // The hand-written digits agree with the formatting machinery for every year.
        #[test]
        fn writes_iso_and_long_dates_as_format_does(days in -1_000_000i64..3_000_000) {
            let date = Date::from_days(days);
            let (year, month, day) = (date.year, date.month, date.day);
            proptest::prop_assert_eq!(date.iso(), format!("{year:04}-{month:02}-{day:02}"));
            proptest::prop_assert_eq!(date.to_string(), date.iso());
            proptest::prop_assert_eq!(
                date.long(),
                format!("{} {day}, {year}", MONTHS[usize::from(month - 1)])
            );
        }
    }

    #[test]
    fn round_trips_days_across_eras() {
        for days in [-800_000, -1, 0, 1, 20_000, 20_274, 2_000_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::parse("1970-01-01").map(Date::days), Some(0));
        assert_eq!(Date::parse("2025-07-05").map(Date::days), Some(20_274));
    }

    #[test]
    fn knows_weekdays_and_formats() {
        let date = Date::parse("2025-07-05").unwrap();
        assert_eq!(date.weekday(), "Saturday");
        assert_eq!(date.long(), "July 5, 2025");
        assert_eq!(date.short(), "Jul 5");
        assert_eq!(date.add_days(7).iso(), "2025-07-12");
        assert_eq!(date.add_days(-185).iso(), "2025-01-01");
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-7-05",
            "20250705",
            "abcd-ef-gh",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }
}
