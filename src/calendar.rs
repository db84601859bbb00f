//! Calendar dates (`YYYY-MM-DD`) for effective dates, birth dates, and a quote's issue and
//! valid-until dates. Proleptic Gregorian; no times, no time zones.

use std::fmt;

/// A day of the Gregorian calendar, 1900-01-01 to 9999-12-31.
///
/// ```
/// use amnion_estimator::calendar::Date;
/// let issued = Date::parse("2026-11-21").unwrap();
/// assert_eq!(issued.add_days(60).to_string(), "2027-01-20");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// A reason in words if the text is not a real date in that form.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        let invalid = || not_a_date(text);
        if !shaped {
            return Err(invalid());
        }
        // The shape is checked: every byte but the dashes is a digit.
        let number = |range: std::ops::Range<usize>| {
            bytes[range]
                .iter()
                .fold(0, |n, digit| n * 10 + u32::from(digit - b'0'))
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        if year < 1900
            || !(1..=12).contains(&month)
            || !(1..=days_in_month(year, month)).contains(&day)
        {
            return Err(invalid());
        }
        Ok(Date { year, month, day })
    }

    /// The same day `years` years earlier (February 29 to February 28 in a common year), or
    /// 1900-01-01 if that is earlier.
    ///
    /// ```
    /// use amnion_estimator::calendar::Date;
    /// let day = |text| Date::parse(text).unwrap();
    /// assert_eq!(day("2026-12-07").years_before(120), day("1906-12-07"));
    /// assert_eq!(day("2028-02-29").years_before(1), day("2027-02-28"));
    /// assert_eq!(day("2026-12-07").years_before(200), day("1900-01-01"));
    /// ```
    pub fn years_before(self, years: u32) -> Date {
        match self.year.checked_sub(years).filter(|&year| year >= 1900) {
            None => Date {
                year: 1900,
                month: 1,
                day: 1,
            },
            Some(year) => Date {
                year,
                month: self.month,
                day: self.day.min(days_in_month(year, self.month)),
            },
        }
    }

    /// The same day a year later, 12 months on (February 29 to February 28), or 9999-12-31.
    ///
    /// ```
    /// use amnion_estimator::calendar::Date;
    /// let day = |text| Date::parse(text).unwrap();
    /// assert_eq!(day("2026-12-07").a_year_later(), day("2027-12-07"));
    /// assert_eq!(day("2028-02-29").a_year_later(), day("2029-02-28"));
    /// assert_eq!(day("9999-03-01").a_year_later(), day("9999-12-31"));
    /// ```
    pub fn a_year_later(self) -> Date {
        match self.year {
            9999 => Date::LAST,
            year => Date {
                year: year + 1,
                month: self.month,
                day: self.day.min(days_in_month(year + 1, self.month)),
            },
        }
    }

    /// The year, month and day: for the staff module's civil dates (`quote::due`), and a date's
    /// words in a language (`Date::long_form`, beside them in `language.rs`).
    pub(crate) fn parts(self) -> (u32, u32, u32) {
        (self.year, self.month, self.day)
    }

    /// The date `days` days later, saturating at 9999-12-31.
    pub fn add_days(self, days: u32) -> Date {
        let mut date = self;
        for _ in 0..days {
            if date == Date::LAST {
                break;
            }
            date = date.next();
        }
        date
    }

    const LAST: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    fn next(self) -> Date {
        let Date { year, month, day } = self;
        if day < days_in_month(year, month) {
            Date {
                day: day + 1,
                ..self
            }
        } else if month < 12 {
            Date {
                month: month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

impl fmt::Display for Date {
    /// `2026-11-21`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// What is wrong with a text that is not a date, for a message that says it in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// Shaped as a date, but its year is outside 1900 to 9999 (1880, or 12026 from a keyboard slip).
    Year(u32),
    /// Shaped as a date in a real month, but that month has only `days` days (February 30).
    NoSuchDay {
        /// The year.
        year: u32,
        /// The month, 1 to 12.
        month: u32,
        /// How many days it has.
        days: u32,
    },
    /// Not a date in the form `YYYY-MM-DD`, or a month that is not 1 to 12.
    Shape,
}

impl DateFault {
    /// What is wrong with `text`, which [`Date::parse`] refused.
    ///
    /// ```
    /// use amnion_estimator::calendar::DateFault;
    /// assert_eq!(DateFault::of("1880-03-04"), DateFault::Year(1880));
    /// assert_eq!(DateFault::of("12026-03-04"), DateFault::Year(12026));
    /// assert_eq!(DateFault::of("2027-02-30"), DateFault::NoSuchDay { year: 2027, month: 2, days: 28 });
    /// assert_eq!(DateFault::of("03/04/1970"), DateFault::Shape);
    /// ```
    pub fn of(text: &str) -> DateFault {
        let mut parts = text.trim().split('-');
        let number = |part: Option<&str>, digits: std::ops::RangeInclusive<usize>| {
            part.filter(|p| digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let (year, month, day) = (
            number(parts.next(), 1..=6),
            number(parts.next(), 2..=2),
            number(parts.next(), 2..=2),
        );
        let (Some(year), Some(month), Some(day), None) = (year, month, day, parts.next()) else {
            return DateFault::Shape;
        };
        if !(1900..=9999).contains(&year) {
            return DateFault::Year(year);
        }
        if !(1..=12).contains(&month) {
            return DateFault::Shape;
        }
        let days = days_in_month(year, month);
        if !(1..=days).contains(&day) {
            return DateFault::NoSuchDay { year, month, days };
        }
        DateFault::Shape
    }
}

/// Why `text` is not read as a date, in English: `must be a date like 2026-11-01; it is "11/01"`.
pub(crate) fn not_a_date(text: &str) -> String {
    format!(
        "must be a date like 2026-11-01; {}",
        crate::error::it_is(text)
    )
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    #[test]
    fn parses_real_dates_only() {
        assert!(Date::parse("2026-11-01").is_ok());
        assert!(Date::parse("2024-02-29").is_ok());
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "Nov 1 2026",
            "1899-12-31",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn adds_days_across_months_years_and_leap_days() {
        let date = |s| Date::parse(s).unwrap();
        assert_eq!(date("2026-11-21").add_days(60), date("2027-01-20")); // 9 + 31 + 20
        assert_eq!(date("2028-02-28").add_days(1), date("2028-02-29"));
        assert_eq!(date("2027-02-28").add_days(1), date("2027-03-01"));
        assert_eq!(date("2026-12-31").add_days(0), date("2026-12-31"));
        assert_eq!(date("9999-12-30").add_days(5), date("9999-12-31"));
    }

    #[test]
    fn long_dates_in_both_languages() {
        let date = Date::parse("2026-11-21").unwrap();
        assert_eq!(date.long_form(Language::Spanish), "21 de noviembre de 2026");
        assert_eq!(date.long_form(Language::English), "November 21, 2026");
    }

    #[test]
    fn orders_and_formats() {
        assert!(Date::parse("2026-11-21").unwrap() > Date::parse("2026-02-28").unwrap());
        assert_eq!(
            Date::parse("2027-01-05")
                .unwrap()
                .long_form(Language::English),
            "January 5, 2027"
        );
    }
}
