//! Dates in the user's language: as precise as they are known ("August 2025", "ca. 2020",
//! "23.–24. Januar 2017"), time ranges, and the reasoning behind a date read from a passage.

use super::{Lang, fluent};
use crate::model::date_expr::{Basis, DateGuess};
use crate::model::{Date, When};
use crate::tr;

/// Where a prefilled date came from: `aus „am Montag“ und dem Artikeldatum 2024-04-22`,
/// `from “in December 1991”`.
#[must_use]
pub fn date_reasoning(guess: &DateGuess, lang: Lang) -> String {
    let words = guess.expression.as_str();
    match guess.basis {
        Basis::Explicit => tr!(lang, "date-from-words", words = words),
        Basis::RelativeToArticle { article } => tr!(
            lang,
            "date-from-words-and-article",
            words = words,
            article = article.to_string()
        ),
    }
}

/// The three ways a month is written, each a message per month: `month-3` "März" (with a
/// year), `month-short-3` "März" (axes, ranges), `month-of-3` (in a day's date: Russian
/// "марта", the genitive).
pub(super) const MONTH_FORMS: [&str; 3] = ["month", "month-short", "month-of"];

fn month_word(form: usize, month: u8, lang: Lang) -> &'static str {
    static TABLES: [[std::sync::OnceLock<[&'static str; 12]>; 3]; 3] =
        [const { [const { std::sync::OnceLock::new() }; 3] }; 3];
    let names = TABLES[form][lang.index()].get_or_init(|| {
        std::array::from_fn(|i| {
            fluent::leak(fluent::message(
                lang,
                &format!("{}-{}", MONTH_FORMS[form], i + 1),
                None,
            ))
        })
    });
    names
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A month as a time axis or a range writes it: "März", "Aug.", "Sept.".
#[must_use]
pub fn month_short(month: u8, lang: Lang) -> &'static str {
    month_word(1, month, lang)
}

/// A time range in words, as precise as it is wide: "2013 – 2017" for whole years,
/// "März 2024 – Aug. 2025" for months, "10. Apr. 2024 – 20. Apr. 2024" for a few weeks,
/// "April 2024" for one month.
#[must_use]
pub fn format_range(
    first: crate::model::filter::Day,
    last: crate::model::filter::Day,
    lang: Lang,
) -> String {
    let (y0, m0, d0) = crate::ingest::civil_from_days(first);
    let (y1, m1, d1) = crate::ingest::civil_from_days(last);
    let whole_years = (m0, d0) == (1, 1) && (m1, d1) == (12, 31);
    if whole_years {
        return if y0 == y1 {
            y0.to_string()
        } else {
            format!("{y0} – {y1}")
        };
    }
    if last - first < 62 {
        let day = |y: i32, m: u8, d: u8| {
            tr!(
                lang,
                "date-day-short",
                day = d,
                month = month_short(m, lang),
                year = y
            )
        };
        return if (y0, m0, d0) == (y1, m1, d1) {
            day(y0, m0, d0)
        } else {
            format!("{} – {}", day(y0, m0, d0), day(y1, m1, d1))
        };
    }
    if (y0, m0) == (y1, m1) {
        return format_date(
            Date::Month {
                year: y0,
                month: m0,
            },
            lang,
        );
    }
    format!(
        "{} {y0} – {} {y1}",
        month_short(m0, lang),
        month_short(m1, lang)
    )
}

/// A date as a reader writes it, no more precise than it is known ("August 2025").
#[must_use]
pub fn format_date(date: Date, lang: Lang) -> String {
    match date {
        Date::Day { year, month, day } => tr!(
            lang,
            "date-day",
            day = day,
            month = month_word(2, month, lang),
            year = year
        ),
        Date::Month { year, month } => {
            tr!(
                lang,
                "date-month",
                month = month_word(0, month, lang),
                year = year
            )
        }
        Date::Year { year } => year.to_string(),
        Date::Unknown => lang.t().date_unknown.to_owned(),
    }
}

/// An event's time as a reader writes it: one date, a span ("23.–24. Januar 2017",
/// "Februar 2022 – 22. April 2024"), "ca." for a circa date.
#[must_use]
pub fn format_when(when: When, lang: Lang) -> String {
    let text = match (when.start, when.end) {
        (start, None) => format_date(start, lang),
        (
            Date::Day {
                year: y0,
                month: m0,
                day: d0,
            },
            Some(Date::Day { year, month, day }),
        ) if (y0, m0) == (year, month) => tr!(
            lang,
            "date-day-span",
            from = d0,
            to = day,
            month = month_word(2, month, lang),
            year = year
        ),
        (start, Some(end)) => tr!(
            lang,
            "date-span",
            from = format_date(start, lang),
            to = format_date(end, lang)
        ),
    };
    if when.circa {
        tr!(lang, "date-circa", date = text)
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::date_expr::date_in_passage;

    #[test]
    fn a_relative_date_names_the_words_and_the_article_date() {
        let article = Date::Day {
            year: 2024,
            month: 4,
            day: 24,
        };
        let guess = date_in_passage(
            "Am Montag trafen sich die Außenminister in Astana.",
            article,
            "de",
        )
        .expect("a date");
        assert_eq!(
            date_reasoning(&guess, Lang::De),
            "aus „Am Montag“ und dem Artikeldatum 2024-04-24"
        );
        assert_eq!(
            date_reasoning(&guess, Lang::En),
            "from “Am Montag” and the article's date 2024-04-24"
        );
    }

    #[test]
    fn an_explicit_date_names_only_the_words() {
        let guess = date_in_passage("It was signed in December 1991.", Date::Unknown, "en")
            .expect("a date");
        assert_eq!(date_reasoning(&guess, Lang::En), "from “in December 1991”");
        assert_eq!(date_reasoning(&guess, Lang::De), "aus „in December 1991“");
    }
}
