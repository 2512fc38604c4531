//! The shapes of date expressions, tried at each token from left to right.
//!
//! At each position every pattern is tried and the longest match wins (on a tie, the earlier
//! pattern); its tokens are consumed, so "im Dezember 1991" is one expression and not also a
//! year. Words that look like a date but are none ("29. Februar 2023", "die 1990er") are consumed
//! too, so that no part of them is read as a date.

use std::ops::Range;

use super::lexicon::{Lexicon, MonthName, Vocab};
use super::resolve::Meaning;
use super::scan::{Cursor, Token};

/// One expression: its byte range in the passage and what it says.
pub(super) struct Found {
    pub range: Range<usize>,
    pub meaning: Meaning,
}

type Pattern = fn(&Lexicon, &mut Cursor) -> Option<Meaning>;

/// Most specific first, so that a tie in length goes to the more specific reading.
const PATTERNS: [Pattern; 10] = [
    iso, numeric, day_month, month_day, month, year, decade, days_ago, weekday, relative,
];

/// Every expression in `tokens`, in text order and without overlaps.
pub(super) fn find(tokens: &[Token], lexicon: &Lexicon) -> Vec<Found> {
    let mut found = Vec::new();
    let mut pos = 0;
    while pos < tokens.len() {
        let mut best: Option<(usize, Meaning)> = None;
        for pattern in PATTERNS {
            let mut cursor = Cursor::new(tokens, pos);
            if let Some(meaning) = pattern(lexicon, &mut cursor)
                && cursor.pos > best.map_or(pos, |(end, _)| end)
            {
                best = Some((cursor.pos, meaning));
            }
        }
        let Some((end, meaning)) = best else {
            pos += 1;
            continue;
        };
        if let (Some(first), Some(last)) = (tokens.get(pos), tokens.get(end - 1)) {
            found.push(Found {
                range: first.range.start..last.range.end,
                meaning,
            });
        }
        pos = end;
    }
    found
}

/// "2024-08-08", "2024-08".
fn iso(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    take(lex, c, |v| v.day_prepositions);
    let year = year_number(c)?;
    if !c.glued_punct('-') {
        return None;
    }
    let month = small(c.glued_number(2..=2)?);
    let day = c.optional(|c| c.glued_punct('-').then(|| c.glued_number(2..=2)).flatten());
    Some(match day {
        Some(day) => Meaning::Day {
            year: Some(year),
            month,
            day: small(day),
        },
        None => Meaning::Month {
            year: Some(year),
            month,
        },
    })
}

/// "08.08.2024", and "am 8.8." with the article's year.
fn numeric(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    leading_weekday(lex, c);
    let introduced = take(lex, c, |v| v.day_prepositions);
    take(lex, c, |v| v.articles);
    let day = small(c.number(1..=2)?);
    if !c.glued_punct('.') {
        return None;
    }
    let month = small(c.number(1..=2)?);
    if !c.glued_punct('.') {
        return None;
    }
    let year = c.optional(year_number);
    if year.is_none() && (!introduced || c.is_number_at(0)) {
        return None;
    }
    Some(Meaning::Day { year, month, day })
}

/// "am 8. August 2024", "8. August", "on the 10th of November 2025", "10 Nov. 2025".
fn day_month(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    leading_weekday(lex, c);
    take(lex, c, |v| v.day_prepositions);
    take(lex, c, |v| v.articles);
    let day = day_number(c)?;
    ordinal_mark(lex, c);
    last_day_of_range(lex, c);
    take(lex, c, |v| v.articles);
    let month = month_name(lex, c)?;
    let year = year_after(c);
    Some(Meaning::Day {
        year,
        month: month.number,
        day,
    })
}

/// "November 10, 2025", "on Nov. 10th"; not "In March 15 people died".
fn month_day(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    if !lex.month_before_day() {
        return None;
    }
    leading_weekday(lex, c);
    let period_only = c
        .optional(|c| {
            c.word(|w| {
                let day = lex.is(|v| v.day_prepositions, w);
                (day || lex.is(|v| v.period_prepositions, w)).then_some(!day)
            })
        })
        .unwrap_or(false);
    let month = month_name(lex, c)?;
    let day = day_number(c)?;
    ordinal_mark(lex, c);
    last_day_of_range(lex, c);
    let year = year_after(c);
    if year.is_none() && period_only {
        return None;
    }
    Some(Meaning::Day {
        year,
        month: month.number,
        day,
    })
}

/// "im Dezember 1991", "Dezember 1991", "Mitte März", "in May", "mid-March 2022".
fn month(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    let introduced = take(lex, c, |v| v.period_prepositions);
    let qualified = qualifier(lex, c);
    let month = month_name(lex, c)?;
    let year = c.optional(|c| {
        c.word_if(|w| w.lower == "of");
        year_number(c)
    });
    if year.is_none() && (month.abbreviated || !(introduced || qualified)) {
        return None;
    }
    Some(Meaning::Month {
        year,
        month: month.number,
    })
}

/// "1991", "im Jahr 2013", "seit 2019", "Anfang 2020", "im Herbst 2013", "in the year 2013".
fn year(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    let start = *c;
    let introduced = take(lex, c, |v| v.period_prepositions);
    let mut named = qualifier(lex, c);
    take(lex, c, |v| v.articles);
    named |= c.word_if(|w| lex.is(|v| v.year_words, w) || lex.season(w).is_some());
    if c.pos > start.pos && !introduced && !named {
        return None;
    }
    let glued_to_number = c.touching(0)
        && (c.is_punct_at(-1, "/$€£§#")
            || (c.is_punct_at(-1, ".,:") && c.touching(-1) && c.is_number_at(-2)));
    if glued_to_number {
        return None;
    }
    let value = year_number(c)?;
    // A bare four-digit number is a year only when nothing around it says it counts something.
    if !named {
        let counted = c.is_word_at(0, |w| lex.is(|v| v.counted, w));
        if value < 1900 || counted {
            return None;
        }
    }
    if !named && !introduced {
        let after_label = start.is_word_at(-1, |w| lex.is(|v| v.not_year_after, w))
            || (start.is_punct_at(-1, ".")
                && start.is_word_at(-2, |w| lex.is(|v| v.not_year_after, w)));
        let before_noun = lex.nouns_are_capitalised()
            && c.is_word_at(0, |w| w.capitalised && lex.month(w).is_none());
        if after_label || before_noun {
            return None;
        }
    }
    Some(Meaning::Year(value))
}

/// "die 1990er", "the 1990s": a decade is no date the atlas can hold, so it is skipped whole.
fn decade(_: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    c.number(4..=4)?;
    if !c.glued_punct('\'') {
        c.glued_punct('’');
    }
    c.glued_word_if(|w| matches!(w.lower.as_str(), "er" | "ern" | "ers" | "s"))
        .then_some(Meaning::NotADate)
}

/// "heute", "gestern", "vorgestern", "the day before yesterday".
fn days_ago(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    lex.days_ago().find_map(|(words, days)| {
        c.optional(|c| {
            words
                .iter()
                .all(|&word| c.word_if(|w| w.lower == word))
                .then_some(Meaning::DaysAgo(days))
        })
    })
}

/// "am Montag", "on Monday", "letzten Dienstag", "am Mittwochabend", "last Friday".
fn weekday(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    take(lex, c, |v| v.day_prepositions);
    take(lex, c, |v| v.articles);
    let strictly_before = c.word_if(|w| lex.is_last(w));
    let weekday = c.word(|w| lex.weekday(w))?;
    Some(Meaning::Weekday {
        weekday,
        strictly_before,
    })
}

/// "vergangenen Herbst", "letzte Woche", "im Vorjahr", "Ende vergangenen Jahres", "last
/// December", "this year".
fn relative(lex: &Lexicon, c: &mut Cursor) -> Option<Meaning> {
    if !take(lex, c, |v| v.period_prepositions) {
        take(lex, c, |v| v.day_prepositions);
    }
    qualifier(lex, c);
    take(lex, c, |v| v.articles);
    if take(lex, c, |v| v.previous_year_words) {
        return Some(Meaning::YearOffset(-1));
    }
    let last = if c.word_if(|w| lex.is_last(w)) {
        true
    } else if c.word_if(|w| lex.is_this(w)) {
        false
    } else {
        return None;
    };
    let offset = if last { -1 } else { 0 };
    c.word(|w| {
        if lex.is(|v| v.week_words, w) {
            Some(Meaning::Week(offset))
        } else if lex.is(|v| v.month_words, w) {
            Some(Meaning::MonthOffset(offset))
        } else if lex.is(|v| v.relative_year_words, w) {
            Some(Meaning::YearOffset(offset))
        } else if last && lex.is(|v| v.weekend_words, w) {
            Some(Meaning::LastWeekend)
        } else if let Some(season) = lex.season(w).filter(|_| last) {
            Some(Meaning::LastSeason(season))
        } else {
            let month = lex.month(w).filter(|m| !m.abbreviated)?.number;
            Some(if last {
                Meaning::LastNamedMonth(month)
            } else {
                Meaning::Month { year: None, month }
            })
        }
    })
}

/// An optional weekday before a full date: "Montag, 8. August 2024", "on Monday, 10 November".
fn leading_weekday(lex: &Lexicon, c: &mut Cursor) {
    c.optional(|c| {
        take(lex, c, |v| v.day_prepositions);
        c.word(|w| lex.weekday(w))?;
        c.punct(',');
        Some(())
    });
}

/// The dot of "8." or the ending of "8th".
fn ordinal_mark(lex: &Lexicon, c: &mut Cursor) {
    if !c.glued_punct('.') {
        c.glued_word_if(|w| lex.is(|v| v.ordinal_suffixes, w));
    }
}

/// The second day of "1. und 2. Mai", "3./4. Juni", "10–12 November": an event over several
/// days is dated by its first, which the words do name.
fn last_day_of_range(lex: &Lexicon, c: &mut Cursor) {
    c.optional(|c| {
        let joined =
            take(lex, c, |v| v.range_words) || c.punct('-') || c.punct('–') || c.punct('/');
        if !joined {
            return None;
        }
        day_number(c)?;
        ordinal_mark(lex, c);
        Some(())
    });
}

/// "Anfang", "Mitte", "Ende", "mid-", "the end of"; whether one was there.
fn qualifier(lex: &Lexicon, c: &mut Cursor) -> bool {
    c.optional(|c| {
        take(lex, c, |v| v.articles);
        if !take(lex, c, |v| v.qualifiers) {
            return None;
        }
        c.glued_punct('-');
        take(lex, c, |v| v.articles);
        Some(())
    })
    .is_some()
}

/// A month name, with the dot of a short form ("Nov.").
fn month_name(lex: &Lexicon, c: &mut Cursor) -> Option<MonthName> {
    let month = c.word(|w| lex.month(w))?;
    if month.abbreviated {
        c.glued_punct('.');
    }
    Some(month)
}

/// Consumes a word from the list that `list` picks.
fn take(lex: &Lexicon, c: &mut Cursor, list: fn(&Vocab) -> &'static [&'static str]) -> bool {
    c.word_if(|w| lex.is(list, w))
}

/// A day of the month that is not part of a larger number ("1.500", "3,5").
fn day_number(c: &mut Cursor) -> Option<u8> {
    if c.touching(0) && (c.is_word_at(-1, |_| true) || c.is_number_at(-1)) {
        return None;
    }
    let day = c.number(1..=2)?;
    let continues = c.touching(0) && c.is_punct_at(0, ".,:") && c.touching(1) && c.is_number_at(1);
    ((1..=31).contains(&day) && !continues).then(|| small(day))
}

/// A year after a day and month, with an optional comma: "November 10, 2025".
fn year_after(c: &mut Cursor) -> Option<i32> {
    c.optional(|c| {
        c.punct(',');
        year_number(c)
    })
}

/// A four-digit number in 1000..=2100 not glued to letters or to more digits: not "A2024",
/// "1990er", "2023/24", "2000%". (What may stand before it depends on the pattern: "08.08.2024".)
fn year_number(c: &mut Cursor) -> Option<i32> {
    if c.touching(0) && c.is_word_at(-1, |_| true) {
        return None;
    }
    let value = c.number(4..=4)?;
    let glued_after = c.touching(0)
        && (c.is_word_at(0, |_| true)
            || c.is_punct_at(0, "%/'’")
            || (c.is_punct_at(0, ".,:") && c.touching(1) && c.is_number_at(1)));
    let value = i32::try_from(value).ok()?;
    ((1000..=2100).contains(&value) && !glued_after).then_some(value)
}

/// Two-digit values always fit.
fn small(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}
