//! Reading `data/` and the articles: validation with `file:line` messages, reflow, and linking
//! articles to the gazetteer.

pub mod files;
pub mod import;
pub mod link;
mod load;
pub mod problem;
mod records;
pub mod reflow;
mod toml_records;
pub mod tours;

/// The seed texts, for unit tests of the text modules.
#[cfg(test)]
mod test_seeds {
    pub const SEED_000: &str = include_str!("../../seeds/000_7d06892664251bfe.txt");
    pub const SEED_001: &str = include_str!("../../seeds/001_5fb6c0072c137037.txt");
    pub const SEED_002: &str = include_str!("../../seeds/002_60172de1cc37bdde.txt");
    pub const SEED_003: &str = include_str!("../../seeds/003_8c238df2aab45095.txt");
    pub const SEED_004: &str = include_str!("../../seeds/004_af44ea4379a0538b.txt");
    pub const SEEDS: [&str; 5] = [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004];
}

/// The shipped corpus, loaded as the app loads it (for unit tests of the model and the panels).
#[cfg(test)]
#[must_use]
pub fn test_atlas() -> crate::model::Atlas {
    load(
        &Corpus::Embedded,
        crate::model::Date::Day {
            year: 2026,
            month: 1,
            day: 1,
        },
    )
    .atlas
}

pub use files::Corpus;
pub use load::{Loaded, find_quote, gazetteer_linker, load, parse_hex_color};
pub use problem::{LineIndex, Message, Problem, Severity};

/// What the app opens with: the corpus and its tours, each problem logged (the app shows
/// them too). The desktop's window and the browser's page start from this.
#[must_use]
pub fn load_for_app(corpus: &Corpus) -> (Loaded, Vec<crate::model::tour::Tour>) {
    let loaded = load(corpus, today());
    let (tours, tour_problems) = tours::load_tours(corpus, &loaded.atlas);
    for problem in loaded.problems.iter().chain(&tour_problems) {
        log::warn!("{problem}");
    }
    (loaded, tours)
}

/// Today's date from the system clock, to bound event dates.
#[must_use]
pub fn today() -> crate::model::Date {
    let secs = crate::platform::SystemTime::now()
        .duration_since(crate::platform::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(days);
    crate::model::Date::Day { year, month, day }
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
#[must_use]
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn day_counts_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
