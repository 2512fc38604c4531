//! The words of dates in one language, and the union of the languages a passage may be in.
//!
//! The grammar is the same for German and English ("am 8. August 2024", "on 8 August 2024";
//! "letzten Herbst", "last autumn"); the languages differ in their words and in a few switches.
//! All words are written in lower case.

use super::resolve::Season;
use super::scan::Word;

/// The date words of one language.
pub(super) struct Vocab {
    /// Full month names; one may stand without day or year after a preposition ("im Mai").
    pub months: &'static [(&'static str, u8)],
    /// Short forms, taken only with a capital and a day or year beside them ("Jan" is a name).
    pub month_abbreviations: &'static [(&'static str, u8)],
    /// Month names that are common words when written in lower case ("may", "march").
    pub months_needing_capital: &'static [&'static str],
    /// Weekday names with their number, Monday 0.
    pub weekdays: &'static [(&'static str, u8)],
    /// Parts of the day glued to a weekday ("Montagabend").
    pub weekday_suffixes: &'static [&'static str],
    /// Words before a day: "am", "on".
    pub day_prepositions: &'static [&'static str],
    /// Words before a month, season or year: "im", "in", "seit".
    pub period_prepositions: &'static [&'static str],
    /// Articles that may stand inside an expression: "dem", "the", "of".
    pub articles: &'static [&'static str],
    /// Words between the days of a range: "1. und 2. Mai", "10 to 12 November".
    pub range_words: &'static [&'static str],
    /// Ordinal endings glued to a day: "10th".
    pub ordinal_suffixes: &'static [&'static str],
    /// Words that narrow a month or year without changing its precision: "Mitte", "late".
    pub qualifiers: &'static [&'static str],
    /// "Jahr" in "im Jahr 2013".
    pub year_words: &'static [&'static str],
    /// The singular forms after "last"/"letzten" (the plural "die letzten Jahre" is no date).
    pub relative_year_words: &'static [&'static str],
    pub month_words: &'static [&'static str],
    pub week_words: &'static [&'static str],
    pub weekend_words: &'static [&'static str],
    /// One word for "last year": "Vorjahr".
    pub previous_year_words: &'static [&'static str],
    /// Stems of "last" and "this", and the endings they take ("vergangen" + "en").
    pub last_stems: &'static [&'static str],
    pub this_stems: &'static [&'static str],
    pub endings: &'static [&'static str],
    pub seasons: &'static [(&'static str, Season)],
    /// Phrases for today and the days before it, with how many days back they mean.
    pub days_ago: &'static [(&'static [&'static str], u8)],
    /// Words after which a four-digit number is a number, not a year: "Resolution 2254".
    pub not_year_after: &'static [&'static str],
    /// Words that make the four-digit number before them a count: "2000 Soldaten".
    pub counted: &'static [&'static str],
    /// Whether "November 10" is written month first.
    pub month_before_day: bool,
    /// Whether a capitalised word after a bare number marks a count ("2000 Soldaten"): German
    /// capitalises nouns, and "1991 Soldaten" is far likelier than a year before a noun.
    pub nouns_are_capitalised: bool,
}

/// A month name as found: its number, and whether it was a short form.
#[derive(Debug, Clone, Copy)]
pub(super) struct MonthName {
    pub number: u8,
    pub abbreviated: bool,
}

/// The vocabularies a passage is read with; one language, or both when it is not known.
pub(super) struct Lexicon {
    vocabs: Vec<&'static Vocab>,
}

impl Lexicon {
    /// German for a `de…` tag, English for `en…`, both for anything else.
    pub fn for_language(lang: &str) -> Self {
        let lang = lang.trim().to_ascii_lowercase();
        let vocabs = if lang.starts_with("de") {
            vec![&super::german::GERMAN]
        } else if lang.starts_with("en") {
            vec![&super::english::ENGLISH]
        } else {
            vec![&super::german::GERMAN, &super::english::ENGLISH]
        };
        Self { vocabs }
    }

    fn any(&self, test: impl Fn(&Vocab) -> bool) -> bool {
        self.vocabs.iter().any(|v| test(v))
    }

    fn find<T>(&self, find: impl Fn(&Vocab) -> Option<T>) -> Option<T> {
        self.vocabs.iter().find_map(|v| find(v))
    }

    pub fn month(&self, word: &Word) -> Option<MonthName> {
        let w = word.lower.as_str();
        self.find(|v| {
            let full = lookup(v.months, w)
                .filter(|_| word.capitalised || !v.months_needing_capital.contains(&w))
                .map(|number| MonthName {
                    number,
                    abbreviated: false,
                });
            full.or_else(|| {
                lookup(v.month_abbreviations, w)
                    .filter(|_| word.capitalised)
                    .map(|number| MonthName {
                        number,
                        abbreviated: true,
                    })
            })
        })
    }

    pub fn weekday(&self, word: &Word) -> Option<u8> {
        let w = word.lower.as_str();
        self.find(|v| {
            v.weekdays.iter().find_map(|&(name, number)| {
                let rest = w.strip_prefix(name)?;
                (rest.is_empty() || v.weekday_suffixes.contains(&rest)).then_some(number)
            })
        })
    }

    pub fn season(&self, word: &Word) -> Option<Season> {
        self.find(|v| lookup(v.seasons, &word.lower))
    }

    pub fn days_ago(&self) -> impl Iterator<Item = (&'static [&'static str], u8)> + '_ {
        self.vocabs.iter().flat_map(|v| v.days_ago.iter().copied())
    }

    pub fn is_last(&self, word: &Word) -> bool {
        self.any(|v| has_stem(v, v.last_stems, &word.lower))
    }

    pub fn is_this(&self, word: &Word) -> bool {
        self.any(|v| has_stem(v, v.this_stems, &word.lower))
    }

    pub fn month_before_day(&self) -> bool {
        self.any(|v| v.month_before_day)
    }

    pub fn nouns_are_capitalised(&self) -> bool {
        self.any(|v| v.nouns_are_capitalised)
    }

    /// Whether `word` is in the list that `list` picks from any of the vocabularies.
    pub fn is(&self, list: fn(&Vocab) -> &'static [&'static str], word: &Word) -> bool {
        self.any(|v| list(v).contains(&word.lower.as_str()))
    }
}

fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find_map(|&(name, value)| (name == word).then_some(value))
}

fn has_stem(vocab: &Vocab, stems: &[&str], word: &str) -> bool {
    stems.iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|ending| vocab.endings.contains(&ending))
    })
}
