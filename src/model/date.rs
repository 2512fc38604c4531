//! Dates as precise as the sources make them, and no more precise.
//!
//! One seed names only a month, another gives no date at all; the atlas keeps that precision so
//! the interface can show it honestly instead of inventing a day.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to a day, a month, a year, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Date {
    /// Known to the day.
    Day { year: i32, month: u8, day: u8 },
    /// Known to the month.
    Month { year: i32, month: u8 },
    /// Known to the year.
    Year { year: i32 },
    /// The source gives no date.
    Unknown,
}

/// A calendar day as `(year, month, day)`.
pub type Ymd = (i32, u8, u8);

/// How precisely a [`Date`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Unknown,
    Year,
    Month,
    Day,
}

/// Why a date string was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("“{0}” is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or unknown")]
    Syntax(String),
    #[error("“{0}” names month {1}, which does not exist")]
    Month(String, u32),
    #[error("“{0}” names day {1}, which that month does not have")]
    Day(String, u32),
}

impl Date {
    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `unknown`.
    ///
    /// # Errors
    /// A string of another shape, or a month or day that does not exist.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("unknown") {
            return Ok(Self::Unknown);
        }
        let syntax = || DateError::Syntax(text.to_owned());
        let mut parts = text.split('-');
        let year_text = parts.next().ok_or_else(syntax)?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(syntax());
        }
        let year: i32 = year_text.parse().map_err(|_| syntax())?;
        let month = parts
            .next()
            .map(|m| parse_two_digits(m).ok_or_else(syntax))
            .transpose()?;
        let day = parts
            .next()
            .map(|d| parse_two_digits(d).ok_or_else(syntax))
            .transpose()?;
        if parts.next().is_some() {
            return Err(syntax());
        }
        match (month, day) {
            (None, _) => Ok(Self::Year { year }),
            (Some(m), _) if !(1..=12).contains(&m) => Err(DateError::Month(text.to_owned(), m)),
            (Some(m), None) => Ok(Self::Month {
                year,
                month: to_u8(m),
            }),
            (Some(m), Some(d)) => {
                if d == 0 || d > days_in_month(year, to_u8(m)) {
                    return Err(DateError::Day(text.to_owned(), d));
                }
                Ok(Self::Day {
                    year,
                    month: to_u8(m),
                    day: to_u8(d),
                })
            }
        }
    }

    /// How precisely this date is known.
    #[must_use]
    pub fn precision(self) -> Precision {
        match self {
            Self::Day { .. } => Precision::Day,
            Self::Month { .. } => Precision::Month,
            Self::Year { .. } => Precision::Year,
            Self::Unknown => Precision::Unknown,
        }
    }

    /// The year, if known.
    #[must_use]
    pub fn year(self) -> Option<i32> {
        match self {
            Self::Day { year, .. } | Self::Month { year, .. } | Self::Year { year } => Some(year),
            Self::Unknown => None,
        }
    }

    /// The first and last day this date may stand for, as `(year, month, day)` triples.
    #[must_use]
    pub fn span(self) -> Option<(Ymd, Ymd)> {
        match self {
            Self::Day { year, month, day } => Some(((year, month, day), (year, month, day))),
            Self::Month { year, month } => Some((
                (year, month, 1),
                (
                    year,
                    month,
                    days_in_month(year, month).try_into().unwrap_or(28),
                ),
            )),
            Self::Year { year } => Some(((year, 1, 1), (year, 12, 31))),
            Self::Unknown => None,
        }
    }

    /// A key that orders dates by their first possible day; unknown dates sort last.
    #[must_use]
    pub fn sort_key(self) -> (i32, u8, u8) {
        self.span().map_or((i32::MAX, 0, 0), |(first, _)| first)
    }

    /// The canonical text form, as written in the data files.
    #[must_use]
    pub fn to_iso(self) -> String {
        match self {
            Self::Day { year, month, day } => format!("{year:04}-{month:02}-{day:02}"),
            Self::Month { year, month } => format!("{year:04}-{month:02}"),
            Self::Year { year } => format!("{year:04}"),
            Self::Unknown => "unknown".to_owned(),
        }
    }
}

fn parse_two_digits(text: &str) -> Option<u32> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

/// Months and days are range-checked before they get here, so the fallback is never taken.
fn to_u8(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

/// Days in a month of the proleptic Gregorian calendar.
#[must_use]
pub fn days_in_month(year: i32, month: u8) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_precisions_and_unknown_parse() {
        assert_eq!(
            Date::parse("2025-08-08"),
            Ok(Date::Day {
                year: 2025,
                month: 8,
                day: 8
            })
        );
        assert_eq!(
            Date::parse("2024-04"),
            Ok(Date::Month {
                year: 2024,
                month: 4
            })
        );
        assert_eq!(Date::parse("1991"), Ok(Date::Year { year: 1991 }));
        assert_eq!(Date::parse("unknown"), Ok(Date::Unknown));
    }

    #[test]
    fn impossible_dates_are_rejected_with_the_reason() {
        assert!(matches!(
            Date::parse("2025-13"),
            Err(DateError::Month(_, 13))
        ));
        assert!(matches!(
            Date::parse("2023-02-29"),
            Err(DateError::Day(_, 29))
        ));
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(matches!(
            Date::parse("8. August 2025"),
            Err(DateError::Syntax(_))
        ));
        assert!(matches!(Date::parse("2025-8-8"), Err(DateError::Syntax(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Syntax(_))));
    }

    #[test]
    fn a_month_spans_all_its_days_and_unknown_sorts_last() {
        let april = Date::Month {
            year: 2024,
            month: 4,
        };
        assert_eq!(april.span(), Some(((2024, 4, 1), (2024, 4, 30))));
        assert!(Date::Unknown.sort_key() > Date::Year { year: 2025 }.sort_key());
        assert!(Date::Year { year: 2013 }.sort_key() < april.sort_key());
    }

    #[test]
    fn the_iso_form_round_trips() {
        for text in ["2025-11", "2013-02-26", "2017", "unknown"] {
            assert_eq!(Date::parse(text).map(Date::to_iso).as_deref(), Ok(text));
        }
    }
}
