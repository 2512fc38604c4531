//! Dates as the field's datasets write them, turned into the first and last day they can mean
//! (days since 1970-01-01) and UCDP GED's precision scale, and written back as EDTF
//! (ISO 8601-2) at the precision they have.
//!
//! The day arithmetic is Howard Hinnant's `days_from_civil` and `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>), proleptic Gregorian, exact for
//! every year the readers accept (1–9999).

use super::records::UNKNOWN_DAY;

/// What a date text means: the first and last day, how precisely, and whether approximately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// First day, days since 1970-01-01, or [`UNKNOWN_DAY`].
    pub start: i32,
    /// Last day, days since 1970-01-01, or [`UNKNOWN_DAY`].
    pub end: i32,
    /// UCDP GED's scale: 1 day, 2 within 2–6 days, 3 week, 4 month, 5 year; 0 unknown.
    pub prec: u8,
    /// Marked approximate (`~`) or uncertain (`?`, `%`).
    pub circa: bool,
}

impl DateSpan {
    /// No date.
    pub const UNKNOWN: Self = Self {
        start: UNKNOWN_DAY,
        end: UNKNOWN_DAY,
        prec: 0,
        circa: false,
    };

    /// One day, known to the day.
    pub fn day(day: i32) -> Self {
        Self {
            start: day,
            end: day,
            prec: 1,
            circa: false,
        }
    }

    /// From the first to the last day, with the precision their distance gives
    /// ([`precision_of_span`]).
    pub fn between(start: i32, end: i32) -> Self {
        Self {
            start,
            end,
            prec: precision_of_span(start, end),
            circa: false,
        }
    }
}

/// How a slashed date with the year last is to be read: `23/01/2017` (day first, as PA-X and
/// most of the world write it) or `1/23/2017` (month first, as US Excel writes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlashOrder {
    #[default]
    DayFirst,
    MonthFirst,
}

/// Why a date text was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date in a form the importer reads")]
    Syntax,
    #[error("a month or a day that does not exist")]
    NoSuchDay,
    #[error("the end is before the start")]
    Reversed,
}

/// A day of the timeline (an `i64` count from 1970) as a layer stores it, clamped to what an
/// `i32` holds (±5.8 million years; `i32::MIN` stays the mark of an unknown day).
#[must_use]
pub fn layer_day(day: crate::model::filter::Day) -> i32 {
    i32::try_from(day.clamp(i64::from(i32::MIN) + 1, i64::from(i32::MAX))).unwrap_or(0)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`, the
/// timeline's [`crate::model::filter::day_number`] in the layers' 32 bits). The month and day
/// are not checked: see [`checked_day`].
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i32 {
    layer_day(crate::model::filter::day_number(year, month, day))
}

/// The `(year, month, day)` of a day number (Hinnant's `civil_from_days`, as
/// [`crate::ingest::civil_from_days`]).
pub fn civil_from_days(days: i32) -> (i32, u8, u8) {
    crate::ingest::civil_from_days(i64::from(days))
}

fn small(v: i32) -> u8 {
    u8::try_from(v).unwrap_or(0)
}

/// Whether a year is a leap year of the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for a month that does not exist).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The day number of a date that exists.
pub fn checked_day(year: i32, month: u8, day: u8) -> Result<i32, DateError> {
    if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
        return Err(DateError::NoSuchDay);
    }
    Ok(days_from_civil(year, month, day))
}

/// The precision a span of days has on GED's scale: one day 1, up to six days 2, up to two
/// weeks 3, up to a month 4, longer 5.
pub fn precision_of_span(start: i32, end: i32) -> u8 {
    if start == UNKNOWN_DAY || end == UNKNOWN_DAY {
        return 0;
    }
    match end.saturating_sub(start) {
        0 => 1,
        1..=5 => 2,
        6..=13 => 3,
        14..=30 => 4,
        _ => 5,
    }
}

/// A `YYYY-MM-DD` day, fast: the hot path of the GED reader. Anything after the day (a time,
/// as in "2017-01-23 00:00:00.000") is ignored.
pub fn parse_iso_day(text: &[u8]) -> Result<i32, DateError> {
    if text.len() < 10
        || text
            .get(10)
            .is_some_and(|b| !matches!(b, b' ' | b'T' | b't'))
    {
        return Err(DateError::Syntax);
    }
    let digit = |i: usize| match text.get(i) {
        Some(b @ b'0'..=b'9') => Ok(i32::from(b - b'0')),
        _ => Err(DateError::Syntax),
    };
    if text[4] != b'-' || text[7] != b'-' {
        return Err(DateError::Syntax);
    }
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    checked_day(year, small(month), small(day))
}

/// Parses a date in any of the forms the datasets use:
///
/// - ISO 8601 `2017-01-23`, `2017-01`, `2017`, and a date-time (`2017-01-23T10:00:00Z`,
///   `2017-01-23 00:00:00.000`), whose time is dropped;
/// - EDTF intervals `2017-01-23/2017-01-24` (either side may be `..` or empty: open) and the
///   qualifiers `~` (approximate), `?` (uncertain) and `%` (both), all read as circa;
/// - `23/01/2017` or `1/23/2017` as `order` says, and `23.01.2017`;
/// - ACLED's `15 March 2020`, `15-March-2020`, `15 Mar 2020`.
///
/// An empty text is an unknown date.
pub fn parse_date(text: &str, order: SlashOrder) -> Result<DateSpan, DateError> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("unknown") {
        return Ok(DateSpan::UNKNOWN);
    }
    if let Some((first, last)) = text.split_once('/').filter(|(a, b)| is_interval(a, b)) {
        return parse_interval(first, last, order);
    }
    let (body, circa) = strip_qualifier(text);
    let mut span = parse_single(body, order)?;
    span.circa = circa;
    Ok(span)
}

/// `a/b` is an EDTF interval when both sides are ISO-shaped or open, not `23/01/2017`.
fn is_interval(a: &str, b: &str) -> bool {
    let iso = |s: &str| {
        let s = s.trim();
        s.is_empty()
            || s == ".."
            || (s.len() >= 4 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit))
    };
    iso(a) && iso(b) && !(a.trim().is_empty() && b.trim().is_empty())
}

fn parse_interval(first: &str, last: &str, order: SlashOrder) -> Result<DateSpan, DateError> {
    let side = |s: &str| -> Result<Option<DateSpan>, DateError> {
        let s = s.trim();
        if s.is_empty() || s == ".." {
            return Ok(None);
        }
        let (body, circa) = strip_qualifier(s);
        let mut span = parse_single(body, order)?;
        span.circa = circa;
        Ok(Some(span))
    };
    let (a, b) = (side(first)?, side(last)?);
    let start = a.map_or(UNKNOWN_DAY, |a| a.start);
    let end = b.map_or(UNKNOWN_DAY, |b| b.end);
    if start != UNKNOWN_DAY && end != UNKNOWN_DAY && end < start {
        return Err(DateError::Reversed);
    }
    let mut span = DateSpan::between(start, end);
    span.circa = a.is_some_and(|a| a.circa) || b.is_some_and(|b| b.circa);
    Ok(span)
}

/// The text without a trailing EDTF qualifier, and whether it had one.
fn strip_qualifier(text: &str) -> (&str, bool) {
    let body = text.trim_end_matches(['~', '?', '%']);
    (body.trim_end(), body.len() != text.len())
}

fn parse_single(text: &str, order: SlashOrder) -> Result<DateSpan, DateError> {
    let bytes = text.as_bytes();
    if bytes.len() >= 10 && bytes[4] == b'-' {
        return parse_iso_day(bytes).map(DateSpan::day);
    }
    if bytes.len() == 7 && bytes[4] == b'-' {
        let year = number(text.get(..4).unwrap_or_default())?;
        let month = small(number(text.get(5..).unwrap_or_default())?);
        let first = checked_day(year, month, 1)?;
        return Ok(DateSpan {
            start: first,
            end: first + i32::from(days_in_month(year, month)) - 1,
            prec: 4,
            circa: false,
        });
    }
    if bytes.len() == 4 {
        let year = number(text)?;
        return Ok(DateSpan {
            start: checked_day(year, 1, 1)?,
            end: checked_day(year, 12, 31)?,
            prec: 5,
            circa: false,
        });
    }
    for separator in ['/', '.'] {
        let parts: Vec<&str> = text.split(separator).collect();
        if let [a, b, year] = parts[..] {
            let (day, month) = match (separator, order) {
                ('/', SlashOrder::MonthFirst) => (b, a),
                _ => (a, b),
            };
            if year.len() != 4 {
                return Err(DateError::Syntax);
            }
            let day = checked_day(number(year)?, small(number(month)?), small(number(day)?))?;
            return Ok(DateSpan::day(day));
        }
    }
    parse_named_month(text)
}

/// `15 March 2020`, `15-March-2020`, `15 Mar 2020`.
fn parse_named_month(text: &str) -> Result<DateSpan, DateError> {
    let parts: Vec<&str> = text
        .split([' ', '-', ','])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts[..] else {
        return Err(DateError::Syntax);
    };
    let month = month_number(month).ok_or(DateError::Syntax)?;
    if year.len() != 4 || day.len() > 2 {
        return Err(DateError::Syntax);
    }
    let day = checked_day(number(year)?, month, small(number(day)?))?;
    Ok(DateSpan::day(day))
}

/// An English month name or its three-letter abbreviation.
fn month_number(name: &str) -> Option<u8> {
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
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let position = MONTHS
        .iter()
        .position(|m| *m == name || (name.len() >= 3 && m.starts_with(&name)))?;
    u8::try_from(position + 1).ok()
}

/// A short run of ASCII digits.
fn number(text: &str) -> Result<i32, DateError> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Syntax);
    }
    text.parse().map_err(|_| DateError::Syntax)
}

/// A day as ISO 8601 (`2017-01-23`).
pub fn iso_day(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A record's date as EDTF, as precisely as it is known: `2017-01-23` for a day, `2017-01`
/// for a whole month, `2017` for a whole year, `2017-01-23/2017-01-24` for any other span,
/// with `~` after each part when circa (`2020~`); an empty text when unknown, and `..` for an
/// open side of an interval.
pub fn to_edtf(span: DateSpan) -> String {
    let DateSpan {
        start,
        end,
        prec,
        circa,
    } = span;
    let mark = if circa { "~" } else { "" };
    if start == UNKNOWN_DAY && end == UNKNOWN_DAY {
        return String::new();
    }
    if start == UNKNOWN_DAY || end == UNKNOWN_DAY {
        let side = |d: i32| {
            if d == UNKNOWN_DAY {
                "..".to_owned()
            } else {
                format!("{}{mark}", iso_day(d))
            }
        };
        return format!("{}/{}", side(start), side(end));
    }
    let (sy, sm, sd) = civil_from_days(start);
    let (ey, em, ed) = civil_from_days(end);
    if start == end && prec <= 1 {
        return format!("{}{mark}", iso_day(start));
    }
    let whole_year = sy == ey && (sm, sd, em, ed) == (1, 1, 12, 31);
    let whole_month = sy == ey && sm == em && sd == 1 && ed == days_in_month(ey, em);
    if whole_year && (prec == 5 || prec == 0) {
        format!("{sy:04}{mark}")
    } else if whole_month && (prec == 4 || prec == 0) {
        format!("{sy:04}-{sm:02}{mark}")
    } else if start == end {
        format!("{}{mark}", iso_day(start))
    } else {
        format!("{}{mark}/{}{mark}", iso_day(start), iso_day(end))
    }
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
