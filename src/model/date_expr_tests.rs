use super::{Basis, date_expressions, date_in_passage};
use crate::model::{Date, Precision};

fn article(text: &str) -> Date {
    Date::parse(text).expect("a valid article date")
}

/// Checks `(passage, article date, language, expected date)` rows. The expected date is written
/// as in the data files, so "2024-04" asserts April 2024 at month precision; "none" asserts that
/// the passage gives no date.
fn check(cases: &[(&str, &str, &str, &str)]) {
    for &(passage, article_date, lang, expected) in cases {
        let expected = (expected != "none").then(|| article(expected));
        let found = date_in_passage(passage, article(article_date), lang).map(|g| g.date);
        assert_eq!(
            found, expected,
            "{passage:?} in an article of {article_date}"
        );
        assert_eq!(
            found.map(Date::precision),
            expected.map(Date::precision),
            "precision of {passage:?}"
        );
    }
}

#[test]
fn full_german_dates_are_days() {
    check(&[
        (
            "Am 8. August 2024 trafen sie sich.",
            "unknown",
            "de",
            "2024-08-08",
        ),
        ("8. August 2024", "unknown", "de", "2024-08-08"),
        (
            "Vereinbart am 08.08.2024 in Astana",
            "unknown",
            "de",
            "2024-08-08",
        ),
        ("Stand: 2024-08-08", "unknown", "de", "2024-08-08"),
        (
            "Montag, 22. April 2024: Gipfel",
            "unknown",
            "de",
            "2024-04-22",
        ),
        ("am Montag, dem 22. April 2024", "2020", "de", "2024-04-22"),
        ("AM 8. AUGUST 2024", "unknown", "de", "2024-08-08"),
        ("am 8. august 2024", "unknown", "de", "2024-08-08"),
        ("am 3.\u{a0}Okt. 2019", "unknown", "de", "2019-10-03"),
    ]);
}

#[test]
fn full_english_dates_are_days() {
    check(&[
        (
            "They met on 10 November 2025.",
            "unknown",
            "en",
            "2025-11-10",
        ),
        ("November 10, 2025", "unknown", "en", "2025-11-10"),
        ("signed 10 Nov. 2025 in Baku", "unknown", "en", "2025-11-10"),
        (
            "on the 10th of November 2025",
            "unknown",
            "en",
            "2025-11-10",
        ),
        ("Nov. 10th, 2025", "unknown", "en", "2025-11-10"),
        (
            "On Monday, 10 November 2025, they met",
            "unknown",
            "en",
            "2025-11-10",
        ),
    ]);
}

#[test]
fn a_range_of_days_is_dated_by_its_first_day() {
    check(&[
        ("vom 8. bis 10. August 2024", "unknown", "de", "2024-08-08"),
        ("am 3./4. Juni 2023", "unknown", "de", "2023-06-03"),
        (
            "Am 1. und 2. Mai 2024 fand ein Treffen statt.",
            "unknown",
            "de",
            "2024-05-01",
        ),
        ("from 10 to 12 November 2025", "unknown", "en", "2025-11-10"),
        ("November 10-12, 2025", "unknown", "en", "2025-11-10"),
    ]);
}

#[test]
fn a_day_without_a_year_takes_the_article_year_and_needs_one() {
    check(&[
        ("am 8. August", "2024-04-22", "de", "2024-08-08"),
        ("am 8. August", "2024", "de", "2024-08-08"),
        ("am 8. August", "unknown", "de", "none"),
        ("am 8.8. wurde verhandelt", "2024-09-01", "de", "2024-08-08"),
        ("on 8 August", "2024-09-01", "en", "2024-08-08"),
        ("on March 3", "2024-09-01", "en", "2024-03-03"),
    ]);
    let guess = date_in_passage("am 8. August", article("2024-04-22"), "de").expect("a date");
    assert_eq!(
        guess.basis,
        Basis::RelativeToArticle {
            article: article("2024-04-22")
        }
    );
}

#[test]
fn impossible_days_are_no_dates_at_all() {
    check(&[
        ("am 29. Februar 2023", "unknown", "de", "none"),
        ("am 29. Februar 2024", "unknown", "de", "2024-02-29"),
        ("am 31. April 2024", "unknown", "de", "none"),
        ("2024-02-30", "unknown", "en", "none"),
        ("31.04.2024", "unknown", "de", "none"),
        ("am 29. Februar", "2023-06-01", "de", "none"),
    ]);
}

#[test]
fn months_with_a_year_are_months() {
    check(&[
        (
            "im Dezember 1991 zerfiel die Sowjetunion",
            "unknown",
            "de",
            "1991-12",
        ),
        ("Dezember 1991", "unknown", "de", "1991-12"),
        ("It ended in December 1991.", "unknown", "en", "1991-12"),
        ("Anfang März 2022", "unknown", "de", "2022-03"),
        ("Ende März 2022", "unknown", "de", "2022-03"),
        ("late March 2022", "unknown", "en", "2022-03"),
        ("by mid-March 2022", "unknown", "en", "2022-03"),
        ("at the end of March 2022", "unknown", "en", "2022-03"),
        ("2024-08", "unknown", "en", "2024-08"),
    ]);
}

#[test]
fn a_month_without_a_year_takes_the_article_year() {
    check(&[
        ("Mitte März", "2022-05-02", "de", "2022-03"),
        ("early March", "2025-08-11", "en", "2025-03"),
        ("im Mai", "2022-05-02", "de", "2022-05"),
        ("In March 15 people died.", "2024-05-02", "en", "2024-03"),
        ("Mitte März", "unknown", "de", "none"),
    ]);
}

#[test]
fn a_month_name_alone_or_a_lowercase_verb_is_no_date() {
    check(&[
        ("Talks may resume in Geneva.", "2024-04-22", "en", "none"),
        (
            "They will march on the capital.",
            "2024-04-22",
            "en",
            "none",
        ),
        ("Jan Egeland sprach.", "2024-04-22", "de", "none"),
    ]);
}

#[test]
fn years_are_years() {
    check(&[
        ("1991 wurde Kasachstan unabhängig.", "unknown", "de", "1991"),
        ("im Jahr 2013", "unknown", "de", "2013"),
        ("im Jahre 1648", "unknown", "de", "1648"),
        ("in 2013", "unknown", "en", "2013"),
        ("seit 2019 Präsident", "unknown", "de", "2019"),
        ("Anfang 2020", "unknown", "de", "2020"),
        ("Ende des Jahres 2020", "unknown", "de", "2020"),
        ("in the year 2013", "unknown", "en", "2013"),
        ("im Herbst 2013", "unknown", "de", "2013"),
        ("mid-2020", "unknown", "en", "2020"),
    ]);
}

#[test]
fn weekdays_are_the_most_recent_such_day_of_the_article() {
    check(&[
        (
            "Am Montag trafen sich die Außenminister in Astana",
            "2024-04-22",
            "de",
            "2024-04-22",
        ),
        (
            "Am Montag trafen sich die Außenminister in Astana",
            "2024-04-24",
            "de",
            "2024-04-22",
        ),
        (
            "The ministers met on Monday.",
            "2024-04-24",
            "en",
            "2024-04-22",
        ),
        ("letzten Montag", "2024-04-22", "de", "2024-04-15"),
        ("last Friday", "2024-04-22", "en", "2024-04-19"),
        ("am Sonntagabend", "2024-04-22", "de", "2024-04-21"),
        ("am Freitag", "2024-03-01", "de", "2024-03-01"),
        ("am Donnerstag", "2024-03-01", "de", "2024-02-29"),
    ]);
}

#[test]
fn named_days_count_back_from_the_article_across_months_and_leap_days() {
    check(&[
        ("gestern", "2024-03-01", "de", "2024-02-29"),
        ("yesterday", "2023-03-01", "en", "2023-02-28"),
        ("heute", "2024-04-22", "de", "2024-04-22"),
        ("today", "2024-04-22", "en", "2024-04-22"),
        ("vorgestern", "2024-01-01", "de", "2023-12-30"),
        ("the day before yesterday", "2024-04-22", "en", "2024-04-20"),
    ]);
}

#[test]
fn relative_days_never_invent_a_day_from_a_vaguer_article_date() {
    check(&[
        ("am Montag", "2024-04", "de", "2024-04"),
        ("am Montag", "2024-05", "de", "2024"),
        ("heute", "2024-04", "de", "2024-04"),
        ("gestern", "2024-04", "de", "2024"),
        // 1 January 2024 was a Monday, so every reading falls in 2024; in 2025 none is sure.
        ("am Montag", "2024", "de", "2024"),
        ("am Montag", "2025", "de", "none"),
        ("on Monday", "unknown", "en", "none"),
    ]);
    let guess = date_in_passage("am Montag", article("2024-04"), "de").expect("a date");
    assert_ne!(guess.date.precision(), Precision::Day);
}

#[test]
fn last_season_is_the_year_it_last_happened_before_the_article() {
    check(&[
        ("vergangenen Herbst", "2024-04-22", "de", "2023"),
        ("last spring", "2025-08-11", "en", "2025"),
        ("im vergangenen Frühjahr", "2024-04-22", "de", "2023"),
        ("letzten Sommer", "2024-07-15", "de", "2023"),
        ("last fall", "2024-12-01", "en", "2024"),
        ("last winter", "2024-04-22", "en", "2023"),
        ("im vergangenen Winter", "2024-01-15", "de", "2022"),
        ("vergangenen Herbst", "2024", "de", "none"),
    ]);
}

#[test]
fn last_week_month_and_year_are_as_precise_as_the_calendar_allows() {
    check(&[
        ("letzte Woche", "2024-04-22", "de", "2024-04"),
        ("in der vergangenen Woche", "2024-04-03", "de", "2024-03"),
        ("last week", "2024-03-06", "en", "2024"),
        ("last week", "2024-01-03", "en", "2023-12"),
        ("am vergangenen Wochenende", "2024-04-22", "de", "2024-04"),
        ("vergangenen Monat", "2024-01-15", "de", "2023-12"),
        ("last month", "2024-03", "en", "2024-02"),
        ("last month", "2024", "en", "none"),
        ("letztes Jahr", "2024-04-22", "de", "2023"),
        ("Ende vergangenen Jahres", "2024-04", "de", "2023"),
        ("im Vorjahr", "2024-04-22", "de", "2023"),
        ("last year", "2024", "en", "2023"),
        ("in diesem Jahr", "2024-04-22", "de", "2024"),
        ("die letzten Jahre", "2024-04-22", "de", "none"),
    ]);
}

#[test]
fn last_december_is_the_most_recent_december_before_the_article() {
    check(&[
        ("im vergangenen Dezember", "2024-04-22", "de", "2023-12"),
        ("last December", "2024-12-20", "en", "2023-12"),
        ("last March", "2024-04-22", "en", "2024-03"),
    ]);
}

#[test]
fn decades_are_skipped_whole() {
    check(&[
        ("Ende der 1990er", "unknown", "de", "none"),
        ("in the 1990s", "unknown", "en", "none"),
        ("die 1990er-Jahre", "unknown", "de", "none"),
    ]);
}

#[test]
fn numbers_that_are_not_years_are_no_dates() {
    check(&[
        ("1.500 Soldaten wurden verlegt.", "2024-04-22", "de", "none"),
        ("gemäß Resolution 2254", "2024-04-22", "de", "none"),
        (
            "Resolution 2046 des Sicherheitsrats",
            "2024-04-22",
            "de",
            "none",
        ),
        ("um 14:30 Uhr", "2024-04-22", "de", "none"),
        ("um 14.30 Uhr", "2024-04-22", "de", "none"),
        ("2000 Soldaten", "2024-04-22", "de", "none"),
        ("bis zu 2000 Soldaten", "2024-04-22", "de", "none"),
        ("2000 troops", "2024-04-22", "en", "none"),
        ("Flug Nr. 2013", "2024-04-22", "de", "none"),
        (
            "ein Plus von 3,5 Prozent beim G20-Gipfel",
            "2024-04-22",
            "de",
            "none",
        ),
        ("S/RES/2254 (2015)", "2024-04-22", "en", "2015"),
    ]);
}

#[test]
fn a_passage_without_a_date_gives_none() {
    check(&[
        (
            "Die Außenminister trafen sich in Astana.",
            "2024-04-22",
            "de",
            "none",
        ),
        ("The ministers met in Astana.", "2024-04-22", "en", "none"),
        ("", "2024-04-22", "de", "none"),
    ]);
}

#[test]
fn the_most_specific_expression_wins_and_the_first_of_equals() {
    check(&[
        (
            "1991, am 21. Dezember 1991, in Alma-Ata",
            "unknown",
            "de",
            "1991-12-21",
        ),
        ("In 1991, and in December 1991", "unknown", "en", "1991-12"),
        ("zwischen 1992 und 1997", "unknown", "de", "1992"),
    ]);
}

#[test]
fn an_unknown_language_reads_both() {
    check(&[
        ("am 8. August 2024", "unknown", "", "2024-08-08"),
        ("November 10, 2025", "unknown", "und", "2025-11-10"),
        ("last spring", "2025-08-11", "", "2025"),
    ]);
}

#[test]
fn all_expressions_come_in_text_order_with_their_words() {
    let passage = "Seit 2019 verhandeln sie; im Dezember 1991 und gestern trafen sie sich.";
    let found = date_expressions(passage, article("2024-04-24"), "de");
    let words: Vec<&str> = found.iter().map(|g| g.expression.as_str()).collect();
    assert_eq!(words, ["Seit 2019", "im Dezember 1991", "gestern"]);
    let dates: Vec<String> = found.iter().map(|g| g.date.to_iso()).collect();
    assert_eq!(dates, ["2019", "1991-12", "2024-04-23"]);
    for guess in &found {
        assert_eq!(&passage[guess.range.clone()], guess.expression);
    }
    assert_eq!(found[1].basis, Basis::Explicit);
    assert_eq!(
        found[2].basis,
        Basis::RelativeToArticle {
            article: article("2024-04-24")
        }
    );
}
