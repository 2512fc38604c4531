//! Dates as articles and their metadata write them, read into `YYYY-MM-DD`, `YYYY-MM` or
//! `YYYY`: only as precise as what is written, so "März 2024" gives `2024-03` and never a
//! made-up first of the month.
//!
//! Reading is strict: a value is a date only if every word of it is part of a date (a day, a
//! month name, a year, a weekday, "den"), so running text is never mistaken for one.

/// The earliest and latest years taken for a publication date; four-digit numbers outside
/// are more likely counts or amounts than years.
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2200;
/// A dateline's place and date stand within this many chars at the start of a line.
const DATELINE_MAX_CHARS: usize = 80;
/// The first lines searched for a dateline (the title and a byline may come before it).
const DATELINE_LINES: usize = 4;

/// Month names and abbreviations, German and English, lower case, with their numbers.
const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("feb", 2),
    ("märz", 3),
    ("maerz", 3),
    ("march", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("dezember", 12),
    ("december", 12),
    ("dez", 12),
    ("dec", 12),
];

/// Words that may stand in a written date without adding to it.
const FILLERS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "den",
    "am",
    "the",
    "of",
];

/// A date at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Date {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Date {
    fn new(year: u32, month: Option<u32>, day: Option<u32>) -> Option<Self> {
        if !YEARS.contains(&year) || day.is_some() && month.is_none() {
            return None;
        }
        if let Some(month) = month {
            if !(1..=12).contains(&month) {
                return None;
            }
            if let Some(day) = day
                && !(1..=days_in_month(year, month)).contains(&day)
            {
                return None;
            }
        }
        Some(Self { year, month, day })
    }

    fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{month:02}-{day:02}", self.year),
            (Some(month), None) => format!("{:04}-{month:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// Reads a date as metadata gives it: ISO 8601 (`2024-03-12`, `2024-03-12T08:00:00+05:00`,
/// `2024-03`, `2024`), German numeric (`12.03.2024`), or written out (`12. März 2024`,
/// `March 12, 2024`, `Tue, 12 Mar 2024 08:00:00 GMT`). `None` if it is none of these.
pub(super) fn normalize(value: &str) -> Option<String> {
    any_date(value.trim()).map(Date::iso)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the last followed by nothing or a time.
fn iso(value: &str) -> Option<Date> {
    let (date, time) = match value.find(['T', ' ']) {
        Some(at) => value.split_at(at),
        None => (value, ""),
    };
    if !time.is_empty() && date.len() != "YYYY-MM-DD".len() {
        return None;
    }
    let mut parts = date.split(['-', '/']);
    let year = number(parts.next()?, 4)?;
    // A part that is there must be a number; one that is not leaves the date less precise.
    let month = match parts.next() {
        Some(part) => Some(number(part, 2)?),
        None => None,
    };
    let day = match parts.next() {
        Some(part) => Some(number(part, 2)?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, month, day)
}

/// `D.M.YYYY` or `DD. MM. YYYY`.
fn german_numeric(value: &str) -> Option<Date> {
    let mut parts = value.split('.').map(str::trim);
    let day = number(parts.next()?, 2)?;
    let month = number(parts.next()?, 2)?;
    let year = number(parts.next()?, 4)?;
    if parts.next().is_some() {
        return None;
    }
    Date::new(year, Some(month), Some(day))
}

/// A date written with a month name; every word must belong to it, except a trailing time
/// (`08:00:00`) and time zone in e-mail style dates.
fn written(value: &str) -> Option<Date> {
    let (mut year, mut month, mut day) = (None, None, None);
    for word in value
        .split([' ', ',', '\u{a0}'])
        .filter(|word| !word.is_empty())
    {
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches('.');
        if year.is_some() && (word.contains(':') || is_zone(word)) {
            // The time after a year ends the date.
            break;
        }
        // A second day, month or year means this is not one date.
        let slot = if let Some(&(_, number)) = MONTHS.iter().find(|(name, _)| *name == bare) {
            Some((&mut month, number))
        } else if let Some(number) = number(bare, 4).filter(|_| bare.len() == 4) {
            Some((&mut year, number))
        } else if let Some(number) = day_number(bare) {
            Some((&mut day, number))
        } else if FILLERS.contains(&bare) {
            None
        } else {
            return None;
        };
        if let Some((slot, number)) = slot {
            if slot.is_some() {
                return None;
            }
            *slot = Some(number);
        }
    }
    Date::new(year?, Some(month?), day)
}

/// A day number as written in a date: `12`, `12.` (German), `12th`, `1st` (English).
fn day_number(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    number(digits, 2)
}

fn is_zone(word: &str) -> bool {
    matches!(word, "GMT" | "UTC" | "UT" | "Z")
        || (word.starts_with(['+', '-']) && word[1..].chars().all(|c| c.is_ascii_digit()))
}

/// A number of one up to `max_digits` ASCII digits.
fn number(text: &str, max_digits: usize) -> Option<u32> {
    if text.is_empty() || text.len() > max_digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The date of a dateline at the start of the article: a place, a comma, a date, then a dash,
/// a colon, a bar or the end of the line ("Almaty, 12. März 2024 –",
/// "ALMATY, March 12, 2024 —", "Berlin (dpa), 12.03.2024:"); or a place or section in
/// capitals and a date without the comma ("ASIEN 22.04.2024 | Alexandra Sitenko").
/// A dateline without a year gives no date.
pub(super) fn from_dateline(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(DATELINE_LINES)
        .find_map(dateline_date)
        .map(Date::iso)
}

fn dateline_date(line: &str) -> Option<Date> {
    // The dateline ends at the first dash, colon or bar; without one, the whole line must be it.
    let end = line
        .char_indices()
        .find(|&(at, c)| {
            matches!(c, '–' | '—' | ':' | '|')
                || c == '-' && line[at..].starts_with("- ")
                || c == '-' && line[..at].ends_with(' ')
        })
        .map_or(line.len(), |(at, _)| at);
    let head = line[..end].trim().trim_end_matches([',', '.']);
    if head.chars().count() > DATELINE_MAX_CHARS {
        return None;
    }
    if let Some((place, date)) = head.split_once(',')
        && is_place(place)
        && let Some(date) = any_date(date.trim())
    {
        return Some(date);
    }
    // Without a comma, only a place or section in capitals may stand before the date
    // ("ASIEN 22.04.2024 | Alexandra Sitenko"), so that a sentence is never taken for one.
    let words: Vec<&str> = head.split_whitespace().collect();
    (1..words.len()).find_map(|split| {
        let place = words[..split].join(" ");
        let capitals = !place.chars().any(char::is_lowercase);
        (capitals && is_place(&place))
            .then(|| any_date(&words[split..].join(" ")))
            .flatten()
    })
}

fn any_date(text: &str) -> Option<Date> {
    iso(text)
        .or_else(|| german_numeric(text))
        .or_else(|| written(text))
}

/// A dateline's place: capitalised words, perhaps with an agency in parentheses or a slash
/// ("Almaty", "ALMATY", "Nur-Sultan/Astana (dpa)").
fn is_place(place: &str) -> bool {
    let place = place.trim();
    place.chars().next().is_some_and(char::is_uppercase)
        && place.split_whitespace().count() <= 4
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '(' | ')' | '.' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_only_as_precise_as_they_are_written() {
        for (written, iso) in [
            ("2025-08-11", "2025-08-11"),
            ("2024-03-12T08:30:00+05:00", "2024-03-12"),
            ("2024-03-12 08:30", "2024-03-12"),
            ("2024-04", "2024-04"),
            ("2013", "2013"),
            ("12.03.2024", "2024-03-12"),
            ("1. 4. 2024", "2024-04-01"),
            ("12. März 2024", "2024-03-12"),
            ("Dienstag, den 12. März 2024", "2024-03-12"),
            ("März 2024", "2024-03"),
            ("March 12, 2024", "2024-03-12"),
            ("12th March 2024", "2024-03-12"),
            ("Sept. 2023", "2023-09"),
            ("Tue, 12 Mar 2024 08:00:00 GMT", "2024-03-12"),
            ("29.02.2024", "2024-02-29"),
        ] {
            assert_eq!(normalize(written).as_deref(), Some(iso), "{written}");
        }
    }

    #[test]
    fn what_is_not_a_whole_date_gives_no_date() {
        for text in [
            "",
            "gestern",
            "31.02.2024",
            "29.02.2023",
            "2024-13",
            "12. März",
            "12 Tage 2024",
            "Die Zahl 2024",
            "März April 2024",
            "12345",
            "1066",
        ] {
            assert_eq!(normalize(text), None, "{text}");
        }
    }

    #[test]
    fn a_dateline_in_german_or_english_gives_the_date_and_running_text_none() {
        for (text, iso) in [
            (
                "Almaty, 12. März 2024 – Die Minister trafen sich.",
                Some("2024-03-12"),
            ),
            (
                "ALMATY, March 12, 2024 — The ministers met.",
                Some("2024-03-12"),
            ),
            (
                "Berlin (dpa), 12.03.2024: Die Gespräche …",
                Some("2024-03-12"),
            ),
            (
                "Titel\n\nNur-Sultan/Astana, 5. Juni 2019 - Text",
                Some("2019-06-05"),
            ),
            ("ASIEN 22.04.2024 | Alexandra Sitenko", Some("2024-04-22")),
            (
                "ALMATY March 12, 2024 - The ministers met.",
                Some("2024-03-12"),
            ),
            ("Die Gespräche am 12. März 2024 – sie dauern an.", None),
            ("Astana, im März 2024", None),
            ("ALMATY, March 12 (Reuters) - The ministers met.", None),
            (
                "Die Gespräche, die am 12. März 2024 begannen, dauern an.",
                None,
            ),
            ("In Almaty, March 12, 2024 was a busy day.", None),
        ] {
            assert_eq!(from_dateline(text).as_deref(), iso, "{text}");
        }
    }
}
