//! What a date expression means, and the date it gives against the article's own date.
//!
//! A relative expression ("gestern", "last week") is a function from the article's day to a span
//! of days. An article known only to the month or year stands for many days, so the expression
//! is resolved from the first and the last of them, and the result is the most precise unit that
//! holds every day it could mean: a day only if all readings agree on the day, else the month,
//! else the year, else nothing. That is how "am Montag" in an article dated only "2024-04" gives
//! April 2024 (1 April 2024 was a Monday, so every reading falls in April) and never a day.

use crate::model::{Date, days_in_month};

/// A season of the meteorological calendar; winter begins in December and ends in February.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// What the words of one expression say, before the article's date is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meaning {
    /// A calendar day; without a year the article's year is used.
    Day {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// A calendar month; without a year the article's year is used.
    Month {
        year: Option<i32>,
        month: u8,
    },
    Year(i32),
    /// "heute" is 0, "gestern" 1, "vorgestern" 2.
    DaysAgo(u8),
    /// The most recent such weekday (Monday is 0) on or, with "last", strictly before the day.
    Weekday {
        weekday: u8,
        strictly_before: bool,
    },
    /// The Saturday and Sunday before the article's day.
    LastWeekend,
    /// The calendar week (Monday to Sunday) `offset` weeks from the article's.
    Week(i8),
    /// The calendar month `offset` months from the article's.
    MonthOffset(i8),
    /// The year `offset` years from the article's.
    YearOffset(i8),
    /// The most recent such month that ended before the article's day ("last December").
    LastNamedMonth(u8),
    /// The year the most recent such season began, of those that ended before the article's day.
    LastSeason(Season),
    /// Words that look like a date but are not one ("29. Februar 2023", "the 1990s").
    NotADate,
}

/// The date `meaning` gives, and whether the article's date was needed for it.
pub(super) fn resolve(meaning: Meaning, article: Date) -> Option<(Date, bool)> {
    match meaning {
        Meaning::Day { year, month, day } => {
            let (year, relative) = year_or_article(year, article)?;
            let valid = (1..=12).contains(&month)
                && day >= 1
                && u32::from(day) <= days_in_month(year, month);
            valid.then_some((Date::Day { year, month, day }, relative))
        }
        Meaning::Month { year, month } => {
            let (year, relative) = year_or_article(year, article)?;
            (1..=12)
                .contains(&month)
                .then_some((Date::Month { year, month }, relative))
        }
        Meaning::Year(year) => Some((Date::Year { year }, false)),
        Meaning::NotADate => None,
        relative => {
            let (first, last) = article.span()?;
            let (start, _) = days_meant(relative, day_number(first));
            let (_, end) = days_meant(relative, day_number(last));
            coarsest_common(start, end).map(|date| (date, true))
        }
    }
}

fn year_or_article(year: Option<i32>, article: Date) -> Option<(i32, bool)> {
    match year {
        Some(year) => Some((year, false)),
        None => article.year().map(|year| (year, true)),
    }
}

/// The first and last day a relative expression means, written on `day`.
fn days_meant(meaning: Meaning, day: i64) -> (i64, i64) {
    let (year, month, _) = civil(day);
    match meaning {
        Meaning::DaysAgo(n) => (day - i64::from(n), day - i64::from(n)),
        Meaning::Weekday {
            weekday: wanted,
            strictly_before,
        } => {
            let mut back = (weekday(day) - i64::from(wanted)).rem_euclid(7);
            if strictly_before && back == 0 {
                back = 7;
            }
            (day - back, day - back)
        }
        Meaning::LastWeekend => {
            let back = match (weekday(day) - 6).rem_euclid(7) {
                0 => 7,
                back => back,
            };
            (day - back - 1, day - back)
        }
        Meaning::Week(offset) => {
            let monday = day - weekday(day) + 7 * i64::from(offset);
            (monday, monday + 6)
        }
        Meaning::MonthOffset(offset) => {
            let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(offset);
            let year = to_year(index.div_euclid(12));
            month_days(year, to_month(index.rem_euclid(12) + 1))
        }
        Meaning::YearOffset(offset) => year_days(year + i32::from(offset)),
        Meaning::LastNamedMonth(wanted) => {
            let year = if month > wanted { year } else { year - 1 };
            month_days(year, wanted)
        }
        Meaning::LastSeason(season) => {
            let ended = |began: i32| season_end(season, began) < day;
            let began = (year - 2..=year)
                .rev()
                .find(|&y| ended(y))
                .unwrap_or(year - 2);
            // Year precision, and the year the season began: a winter is dated by its December.
            year_days(began)
        }
        Meaning::Day { .. } | Meaning::Month { .. } | Meaning::Year(_) | Meaning::NotADate => {
            (day, day)
        }
    }
}

/// The last day of `season` that began in `year`.
fn season_end(season: Season, year: i32) -> i64 {
    let (end_year, end_month) = match season {
        Season::Spring => (year, 5),
        Season::Summer => (year, 8),
        Season::Autumn => (year, 11),
        Season::Winter => (year + 1, 2),
    };
    month_days(end_year, end_month).1
}

/// The most precise date that holds every day from `start` to `end`.
fn coarsest_common(start: i64, end: i64) -> Option<Date> {
    let (y1, m1, d1) = civil(start);
    let (y2, m2, _) = civil(end);
    if start == end {
        Some(Date::Day {
            year: y1,
            month: m1,
            day: d1,
        })
    } else if (y1, m1) == (y2, m2) {
        Some(Date::Month {
            year: y1,
            month: m1,
        })
    } else if y1 == y2 {
        Some(Date::Year { year: y1 })
    } else {
        None
    }
}

fn month_days(year: i32, month: u8) -> (i64, i64) {
    let first = day_number((year, month, 1));
    (first, first + i64::from(days_in_month(year, month)) - 1)
}

fn year_days(year: i32) -> (i64, i64) {
    (day_number((year, 1, 1)), day_number((year, 12, 31)))
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
fn day_number((year, month, day): (i32, u8, u8)) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The calendar day of a day number; the inverse of [`day_number`].
fn civil(days: i64) -> (i32, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (to_year(year), to_month(month), to_month(day))
}

/// Monday is 0; 1970-01-01 was a Thursday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// Years here come from four-digit numbers and offsets of one, so the fallback is never taken.
fn to_year(year: i64) -> i32 {
    i32::try_from(year).unwrap_or(i32::MAX)
}

/// Months and days are at most 31 by construction, so the fallback is never taken.
fn to_month(value: i64) -> u8 {
    u8::try_from(value).unwrap_or(1)
}
