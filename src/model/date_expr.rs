//! Dates in the words of an article: "am Montag", "im Dezember 1991", "last spring".
//!
//! When a user records an event from a passage, its date is prefilled from the passage, read
//! against the article's own date, and never more precise than the words: "im Dezember 1991" is a
//! month, "am Montag" is a day only if the article's day is known.
//!
//! Dates in running text follow no standard format that a crate could parse, so this is a small
//! hand-written recogniser of German and English date expressions: a tokenizer (`scan`), word
//! lists (`german`, `english`, joined in `lexicon`), a handful of patterns (`grammar`) and the
//! calendar arithmetic that applies the article's date (`resolve`).
//!
//! The rules, where the words leave a choice:
//! - A day and month without a year ("am 8. August") take the article's year, even when the
//!   month lies after the article's and the verb is in the past tense: the tense is not read, and
//!   the reasoning shown to the user names the article's date, so a wrong year is easy to see.
//!   The same holds for a month without a year ("Mitte März", "im Mai").
//! - A weekday ("am Montag", "on Monday") is the most recent such day on or before the article's
//!   day; with "letzten"/"vergangenen"/"last" it is strictly before. Future readings ("am Montag
//!   sollen …") are not told apart.
//! - Relative expressions ("gestern", "am Montag", "letzte Woche", "last month") against an
//!   article known only to the month or year give the most precise unit that holds every day
//!   they could mean, so never an invented day: "am Montag" in an April 2024 article is April
//!   2024, "gestern" in an article dated only "2024" is no date at all. See `resolve`.
//! - "letzte Woche" is the calendar week (Monday to Sunday) before the article's; it is a month
//!   if that week lies in one month, else a year if in one year.
//! - "vergangenen Herbst", "last spring": the most recent such season that had ended before the
//!   article's day (meteorological seasons: spring is March to May), as a year; a winter is dated
//!   by the year of its December.
//! - Decades ("Ende der 1990er", "the 1990s") are skipped: the atlas has no decade precision, and a
//!   decade's first year would be a false year.
//! - A bare four-digit number is a year only between 1900 and 2100 and when it is not a label
//!   ("Resolution 2254", "Nr. 2013") or a count ("2000 Soldaten", "2000 troops"); with "im Jahr",
//!   "Anfang" or a month beside it, any year from 1000 is taken.
//! - Impossible days ("29. Februar 2023") are no date, and none of their words is read as one.
//! - Not covered: "vor zwei Wochen", "two years ago", numeric dates with a two-digit year
//!   ("08.08.24") or in month/day order ("8/8/2024"), and times of day (which are never dates).

mod english;
mod german;
mod grammar;
mod lexicon;
mod resolve;
mod scan;

use std::ops::Range;

use super::Date;

/// What the words said, for the reasoning shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The words name the date on their own ("im Dezember 1991").
    Explicit,
    /// The words need the article's date ("am Montag", "am 8. August", "last year").
    RelativeToArticle {
        /// The article's date as it was given, at its own precision.
        article: Date,
    },
}

/// A date read from a passage, and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateGuess {
    /// The resolved date, at the precision the words and the article's date support.
    pub date: Date,
    /// The words as written in the passage ("am Montag", "im Dezember 1991").
    pub expression: String,
    /// The byte range of the expression in the passage.
    pub range: Range<usize>,
    /// Whether the article's date was needed.
    pub basis: Basis,
}

/// The most specific date expression in `passage`, resolved against the article's date (which may
/// itself be a day, month, year or unknown): a day beats a month beats a year, and of equals the
/// first wins. `lang` is "de" or "en"; any other value reads the passage in both languages.
#[must_use]
pub fn date_in_passage(passage: &str, article: Date, lang: &str) -> Option<DateGuess> {
    date_expressions(passage, article, lang)
        .into_iter()
        .reduce(|best, next| {
            if next.date.precision() > best.date.precision() {
                next
            } else {
                best
            }
        })
}

/// All date expressions in `passage` that resolve to a date, in text order. Expressions that need
/// more of the article's date than is known ("am 8. August" in an undated article) are left out.
#[must_use]
pub fn date_expressions(passage: &str, article: Date, lang: &str) -> Vec<DateGuess> {
    let lexicon = lexicon::Lexicon::for_language(lang);
    let tokens = scan::tokens(passage);
    grammar::find(&tokens, &lexicon)
        .into_iter()
        .filter_map(|found| {
            let (date, relative) = resolve::resolve(found.meaning, article)?;
            Some(DateGuess {
                date,
                expression: passage.get(found.range.clone())?.to_owned(),
                range: found.range,
                basis: if relative {
                    Basis::RelativeToArticle { article }
                } else {
                    Basis::Explicit
                },
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "date_expr_tests.rs"]
mod tests;
