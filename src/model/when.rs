//! When an event happened, as precise as its source: a start, an optional end, each a [`Date`]
//! with its own precision, and "circa". Written as EDTF (ISO 8601-2, level 1) strings:
//! `2017-01`, `2017-01-23/2017-01-24`, `2020~`, `2022-02/2024-04-22`.
//!
//! Only the part of EDTF the atlas can hold honestly is read: a date or an interval of two
//! dates, each `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with `~` (approximate) on the whole. Open and
//! unknown ends (`2014/..`, `2014/`), seasons and `?` are refused with the reason, so nothing
//! is silently made more precise than it was. (No EDTF crate reads this subset with the
//! atlas's own [`Date`]; the grammar is a dozen lines.)

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;
use super::filter::{Day, date_days};

/// A date or a span of dates, perhaps approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct When {
    pub start: Date,
    /// The last date of a span; `None` for a single date.
    pub end: Option<Date>,
    /// "circa": the source gives the date as approximate.
    pub circa: bool,
}

/// Why a time was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error(transparent)]
    Date(#[from] super::DateError),
    #[error("“{0}” has an open or unknown end: give the last date the source supports")]
    OpenEnd(String),
    #[error("“{0}” ends before it starts")]
    Backwards(String),
    #[error("“{0}”: an unknown date cannot start or end a span")]
    UnknownPart(String),
    #[error("“{0}”: only “~” (circa) is understood, not “?” or “%”")]
    Qualifier(String),
}

impl When {
    /// A single date, not approximate.
    #[must_use]
    pub fn at(date: Date) -> Self {
        Self {
            start: date,
            end: None,
            circa: false,
        }
    }

    /// Parses an EDTF date or interval (see the module's description), or `unknown`.
    ///
    /// # Errors
    /// A malformed date, an open end, an end before the start, or a qualifier other than `~`.
    pub fn parse(text: &str) -> Result<Self, WhenError> {
        let text = text.trim();
        if text.contains(['?', '%']) {
            return Err(WhenError::Qualifier(text.to_owned()));
        }
        let mut circa = false;
        let mut part = |p: &str| -> Result<Date, WhenError> {
            let p = p.trim();
            let bare = p.strip_suffix('~').unwrap_or(p);
            circa |= bare.len() != p.len();
            if bare.is_empty() || bare == ".." {
                return Err(WhenError::OpenEnd(text.to_owned()));
            }
            Ok(Date::parse(bare)?)
        };
        let when = match text.split_once('/') {
            None => Self {
                start: part(text)?,
                end: None,
                circa: false,
            },
            Some((a, b)) => {
                let start = part(a)?;
                let end = part(b)?;
                if start == Date::Unknown || end == Date::Unknown {
                    return Err(WhenError::UnknownPart(text.to_owned()));
                }
                let (first, _) = date_days(start).unwrap_or_default();
                let (_, last) = date_days(end).unwrap_or_default();
                if last < first {
                    return Err(WhenError::Backwards(text.to_owned()));
                }
                Self {
                    start,
                    end: (end != start).then_some(end),
                    circa: false,
                }
            }
        };
        Ok(Self { circa, ..when })
    }

    /// The EDTF form: `2017-01-23/2017-01-24`, `2020~`, `unknown`.
    #[must_use]
    pub fn to_edtf(self) -> String {
        let mark = |d: Date| {
            if self.circa && d != Date::Unknown {
                format!("{}~", d.to_iso())
            } else {
                d.to_iso()
            }
        };
        match self.end {
            Some(end) => format!("{}/{}", mark(self.start), mark(end)),
            None => mark(self.start),
        }
    }

    /// The first and last day the time may stand for; `None` when unknown.
    #[must_use]
    pub fn days(self) -> Option<(Day, Day)> {
        let (first, last) = date_days(self.start)?;
        let last = self
            .end
            .and_then(date_days)
            .map_or(last, |(_, end_last)| end_last);
        Some((first, last))
    }

    /// Whether it is a single day known exactly (drawn as a point, not a span).
    #[must_use]
    pub fn is_exact_day(self) -> bool {
        self.end.is_none() && !self.circa && self.start.precision() == super::Precision::Day
    }

    /// The coarser precision of its two ends: a span from a day to a month is known to the month.
    #[must_use]
    pub fn precision(self) -> super::Precision {
        let start = self.start.precision();
        self.end.map_or(start, |end| start.min(end.precision()))
    }
}

impl From<Date> for When {
    fn from(date: Date) -> Self {
        Self::at(date)
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_edtf())
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::filter::day_number;

    fn when(text: &str) -> When {
        When::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn the_issues_examples_read_and_write_back_unchanged() {
        for text in [
            "2017-01",
            "2017-01-23/2017-01-24",
            "2020~",
            "2022-02/2024-04-22",
            "2023-09~/2023-11~",
            "unknown",
            "1991",
        ] {
            assert_eq!(when(text).to_edtf(), text);
        }
    }

    #[test]
    fn a_span_covers_the_first_day_of_its_start_to_the_last_of_its_end() {
        let w = when("2022-02/2024-04-22");
        assert_eq!(
            w.days(),
            Some((day_number(2022, 2, 1), day_number(2024, 4, 22)))
        );
        assert_eq!(w.precision(), super::super::Precision::Month);
        assert!(!w.is_exact_day());
        assert!(when("2017-01-23").is_exact_day());
        assert!(!when("2017-01-23~").is_exact_day());
        assert_eq!(when("unknown").days(), None);
    }

    #[test]
    fn circa_on_either_end_marks_the_whole_and_a_span_of_one_date_is_that_date() {
        assert!(when("2020~").circa);
        assert!(when("2019/2020~").circa);
        assert_eq!(when("2020/2020"), When::at(Date::Year { year: 2020 }));
    }

    #[test]
    fn what_the_atlas_cannot_hold_is_refused_with_the_reason() {
        assert!(matches!(When::parse("2014/.."), Err(WhenError::OpenEnd(_))));
        assert!(matches!(When::parse("2014/"), Err(WhenError::OpenEnd(_))));
        assert!(matches!(
            When::parse("2024-05/2024-04-30"),
            Err(WhenError::Backwards(_))
        ));
        assert!(matches!(When::parse("2020?"), Err(WhenError::Qualifier(_))));
        assert!(matches!(
            When::parse("unknown/2020"),
            Err(WhenError::UnknownPart(_))
        ));
        assert!(matches!(When::parse("2020-13"), Err(WhenError::Date(_))));
        // A month may end a span that starts on one of its days.
        assert!(When::parse("2024-04-10/2024-04").is_ok());
    }

    #[test]
    fn a_plain_date_in_the_old_files_still_reads() {
        let w: When = toml::from_str::<toml::Table>("d = \"2024-04\"")
            .ok()
            .and_then(|t| t.get("d").cloned())
            .and_then(|v| v.try_into().ok())
            .unwrap_or_else(|| panic!("toml"));
        assert_eq!(
            w,
            When::at(Date::Month {
                year: 2024,
                month: 4
            })
        );
    }
}
