use super::*;

fn day(y: i32, m: u8, d: u8) -> i32 {
    checked_day(y, m, d).unwrap()
}

fn parse(text: &str) -> DateSpan {
    parse_date(text, SlashOrder::DayFirst).unwrap()
}

#[test]
fn day_numbers_match_the_unix_epoch_and_round_trip() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    assert_eq!(days_from_civil(1969, 12, 31), -1);
    for n in (-800_000..800_000).step_by(997) {
        let (y, m, d) = civil_from_days(n);
        assert_eq!(days_from_civil(y, m, d), n);
    }
}

#[test]
fn leap_years_follow_the_gregorian_rules() {
    assert!(checked_day(2020, 2, 29).is_ok());
    assert!(checked_day(2000, 2, 29).is_ok());
    assert_eq!(checked_day(1900, 2, 29), Err(DateError::NoSuchDay));
    assert_eq!(checked_day(2023, 2, 29), Err(DateError::NoSuchDay));
    assert_eq!(day(2024, 3, 1) - day(2024, 2, 28), 2);
}

#[test]
fn iso_days_months_and_years_span_what_they_mean() {
    assert_eq!(parse("2017-01-23"), DateSpan::day(day(2017, 1, 23)));
    let month = parse("2016-02");
    assert_eq!(
        (month.start, month.end, month.prec),
        (day(2016, 2, 1), day(2016, 2, 29), 4)
    );
    let year = parse("1989");
    assert_eq!(
        (year.start, year.end, year.prec),
        (day(1989, 1, 1), day(1989, 12, 31), 5)
    );
    assert_eq!(
        parse("2017-01-23T10:15:00Z"),
        DateSpan::day(day(2017, 1, 23))
    );
    assert_eq!(
        parse("2017-01-23 00:00:00.000"),
        DateSpan::day(day(2017, 1, 23))
    );
    assert_eq!(parse(""), DateSpan::UNKNOWN);
}

#[test]
fn invalid_days_and_months_are_rejected() {
    for text in [
        "2017-02-30",
        "2017-13",
        "2017-00-10",
        "31/04/2020",
        "2019-02-29",
        "0000",
    ] {
        assert_eq!(
            parse_date(text, SlashOrder::DayFirst),
            Err(DateError::NoSuchDay),
            "{text}"
        );
    }
    for text in [
        "yesterday",
        "2017-1-5",
        "17-01-23",
        "2017-01-23x",
        "12/2017",
        "2ü17-01",
    ] {
        assert_eq!(
            parse_date(text, SlashOrder::DayFirst),
            Err(DateError::Syntax),
            "{text}"
        );
    }
}

#[test]
fn edtf_intervals_and_qualifiers_are_read() {
    let two = parse("2017-01-23/2017-01-24");
    assert_eq!(
        (two.start, two.end, two.prec, two.circa),
        (day(2017, 1, 23), day(2017, 1, 24), 2, false)
    );
    let circa = parse("2020~");
    assert_eq!(
        (circa.start, circa.prec, circa.circa),
        (day(2020, 1, 1), 5, true)
    );
    let uncertain = parse("2017-01?");
    assert!(uncertain.circa);
    assert_eq!(uncertain.prec, 4);
    let open = parse("2017-01/..");
    assert_eq!((open.start, open.end), (day(2017, 1, 1), UNKNOWN_DAY));
    assert_eq!(
        parse_date("2017-01-24/2017-01-23", SlashOrder::DayFirst),
        Err(DateError::Reversed)
    );
    let months = parse("2017-01/2017-03");
    assert_eq!(
        (months.start, months.end, months.prec),
        (day(2017, 1, 1), day(2017, 3, 31), 5)
    );
}

#[test]
fn slashed_dotted_and_named_month_dates_are_read() {
    assert_eq!(parse("23/01/2017"), DateSpan::day(day(2017, 1, 23)));
    assert_eq!(parse("23.01.2017"), DateSpan::day(day(2017, 1, 23)));
    assert_eq!(
        parse_date("1/23/2017", SlashOrder::MonthFirst),
        Ok(DateSpan::day(day(2017, 1, 23)))
    );
    assert_eq!(
        parse_date("1/23/2017", SlashOrder::DayFirst),
        Err(DateError::NoSuchDay),
        "month first only when the mapping says so"
    );
    assert_eq!(parse("15 March 2020"), DateSpan::day(day(2020, 3, 15)));
    assert_eq!(parse("15-March-2020"), DateSpan::day(day(2020, 3, 15)));
    assert_eq!(parse("5 Sep 2019"), DateSpan::day(day(2019, 9, 5)));
    assert_eq!(
        parse_date("31 June 2020", SlashOrder::DayFirst),
        Err(DateError::NoSuchDay)
    );
}

#[test]
fn spans_are_written_back_as_edtf_at_their_precision() {
    for text in [
        "2017-01-23",
        "2017-01",
        "2017",
        "2017-01-23/2017-01-24",
        "2020~",
        "2016-02",
        "2017-01-23~",
        "2017-01/..",
    ] {
        let written = to_edtf(parse(text));
        let expected = if text == "2017-01/.." {
            "2017-01-01/.."
        } else {
            text
        };
        assert_eq!(written, expected);
    }
    assert_eq!(to_edtf(DateSpan::UNKNOWN), "");
    let week = DateSpan {
        prec: 3,
        ..DateSpan::between(day(2017, 1, 2), day(2017, 1, 8))
    };
    assert_eq!(to_edtf(week), "2017-01-02/2017-01-08");
}

#[test]
fn precision_follows_the_length_of_a_span() {
    let d = day(2020, 1, 1);
    assert_eq!(precision_of_span(d, d), 1);
    assert_eq!(precision_of_span(d, d + 5), 2);
    assert_eq!(precision_of_span(d, d + 6), 3);
    assert_eq!(precision_of_span(d, d + 30), 4);
    assert_eq!(precision_of_span(d, d + 31), 5);
    assert_eq!(precision_of_span(UNKNOWN_DAY, d), 0);
}
