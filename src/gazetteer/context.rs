//! Signals read from the words around a name: whether it stands where a common noun or
//! verb would, and whether a parent place follows it ("Osch, Kirgisistan").
//!
//! None of this knows any place name. The only word lists are the closed grammatical
//! classes of German and English that announce a noun (articles, determiners, possessives
//! and the articles fused with prepositions) and the prepositions that announce a place;
//! those classes are fixed by the grammar, unlike a list of "words that are not places".

use std::collections::HashMap;

use super::place::{CountryCode, FeatureKind};
use super::rank::{Option_, RawMention};

/// Articles, determiners and possessives: a capitalized word after one of these (perhaps
/// with adjectives between) is a noun phrase, which a bare city name in German or English
/// almost never is ("beim Essen", "die Europäische Union", "eine staatliche Bank"). Country
/// names do take articles ("die Türkei", "the Netherlands"), so the ranking ignores this
/// signal for them.
const DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "beim", "zum", "zur", "vom", "im", "am", "ins", "kein", "keine", "keinen", "keinem", "keiner",
    "dieser", "diese", "dieses", "diesen", "diesem", "jede", "jeder", "jedes", "jeden", "jedem",
    "sein", "seine", "seinen", "seinem", "seiner", "ihr", "ihre", "ihren", "ihrem", "ihrer",
    "unser", "unsere", "the", "a", "an", "this", "that", "these", "those", "his", "her", "its",
    "their", "our", "my", "your", "every", "each", "no", "some", "any",
];

/// Prepositions of place and direction: a name right after one is likely a place.
const LOCATIVES: &[&str] = &[
    "in", "nach", "aus", "bei", "über", "via", "from", "to", "at", "near", "into", "outside",
];

/// Words of a text as byte ranges, for looking a little to the left of a name.
fn word_before(text: &str, start: usize) -> Option<(usize, &str)> {
    let before = text.get(..start)?;
    let trimmed = before.trim_end_matches(' ');
    // Anything but single spaces between the words (punctuation, a line break) means the
    // word before belongs to another phrase.
    if trimmed.len() == before.len() && start > 0 {
        return None;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some((word_start, &trimmed[word_start..]))
}

/// How a name sits in its sentence.
// Independent yes/no observations, each scored on its own; an enum would not fit.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    /// First word of a sentence, a heading or a quotation: its capital says nothing.
    pub sentence_initial: bool,
    /// After a determiner, perhaps with adjectives between: a common noun's place.
    pub after_determiner: bool,
    /// The determiner directly follows a comma, so it may as well be a relative pronoun
    /// (", die Isfara einen Anteil zusichern"): weaker evidence.
    pub determiner_after_comma: bool,
    /// Right after a preposition of place.
    pub after_locative: bool,
    /// Right after another capitalized word, as in "World Bank" or "Soviet Union".
    pub inside_capitalized_run: bool,
    /// Right before another capitalized word, as in "Central Asia".
    pub before_capitalized: bool,
}

/// Reads the [`Position`] of a name at bytes `start..end`.
pub fn position(text: &str, start: usize, end: usize) -> Position {
    let after = text.get(end..).unwrap_or_default();
    let mut pos = Position {
        sentence_initial: sentence_initial(text, start),
        before_capitalized: after
            .strip_prefix(' ')
            .and_then(|a| a.chars().next())
            .is_some_and(char::is_uppercase),
        ..Position::default()
    };
    let Some((w_start, word)) = word_before(text, start) else {
        return pos;
    };
    let lower = word.to_lowercase();
    pos.after_locative = LOCATIVES.contains(&lower.as_str());
    pos.inside_capitalized_run = word.chars().next().is_some_and(char::is_uppercase)
        && !sentence_initial(text, w_start)
        && !DETERMINERS.contains(&lower.as_str());
    // Walk back over up to two attributive adjectives ("eine staatliche Bank") or words of
    // a longer name ("die Europäische Union", "the European Union"): German adjectives
    // before a noun end in -e, -en, -er, -es, -em; a preposition ends the phrase.
    let (mut w_start, mut lower, mut word) = (w_start, lower, word);
    for _ in 0..3 {
        if DETERMINERS.contains(&lower.as_str()) {
            pos.after_determiner = true;
            pos.determiner_after_comma = text
                .get(..w_start)
                .is_some_and(|b| b.trim_end_matches(' ').ends_with(','));
            break;
        }
        let inflected = ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| lower.ends_with(e))
            && lower.chars().count() > 3
            && word.chars().next().is_some_and(char::is_lowercase);
        let capitalized =
            word.chars().next().is_some_and(char::is_uppercase) && !sentence_initial(text, w_start);
        if LOCATIVES.contains(&lower.as_str()) || !(inflected || capitalized) {
            break;
        }
        match word_before(text, w_start) {
            Some((s, w)) => (w_start, lower, word) = (s, w.to_lowercase(), w),
            None => break,
        }
    }
    pos
}

/// Whether the word at `start` begins a sentence, paragraph, heading or quotation.
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let mut chars = before.chars().rev();
    // Opening quotes and dashes in front of the first word do not change that it is first.
    let c = loop {
        match chars.next() {
            None => return true,
            Some(' ' | '„' | '“' | '"' | '«' | '»' | '‚' | '\'' | '(' | '–' | '—') => {}
            Some(c) => break c,
        }
    };
    matches!(c, '.' | '!' | '?' | ':' | '\n' | '\r')
}

/// Whether the gap between a name and the next one makes the next its parent: "Osch,
/// Kirgisistan", "Osh (Kyrgyzstan)", "Tripoli in Libya", "Tripoli in northern Lebanon".
pub fn is_parent_gap(gap: &str) -> bool {
    let gap = gap.trim();
    if gap == "," || gap == "(" || gap == ", in" {
        return true;
    }
    // "in" / "im" and at most one lowercase word ("in northern", "im nördlichen").
    let mut words = gap.split(' ').filter(|w| !w.is_empty());
    match (words.next(), words.next(), words.next()) {
        (Some("in" | "im"), None, None) => true,
        (Some("in" | "im"), Some(w), None) => w.chars().all(char::is_lowercase),
        _ => false,
    }
}

/// How often `word` (a name as matched, without ending) occurs in `text` written all in
/// lowercase as a whole word: "essen" or "split" elsewhere in the text say that the
/// capitalized "Essen" or "Split" is likely the same common word.
pub fn lowercase_occurrences(text: &str, word: &str) -> usize {
    let lower = word.to_lowercase();
    if lower == word || lower.is_empty() {
        return 0;
    }
    text.match_indices(lower.as_str())
        .filter(|(i, m)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .count()
}

/// What the text says around one mention.
#[derive(Debug, Clone, Default)]
pub(super) struct Context {
    pub position: Position,
    pub lowercase_elsewhere: bool,
    pub short: bool,
    /// Country and admin1 of the places a parent mention right after this one may be.
    pub parents: Vec<(Option<CountryCode>, String)>,
}

/// What the text says around each mention.
pub(super) fn contexts(text: &str, raw: &[RawMention], options: &[Vec<Option_>]) -> Vec<Context> {
    let mut lowercase_cache: HashMap<&str, bool> = HashMap::new();
    raw.iter()
        .enumerate()
        .map(|(i, m)| {
            let lowercase_elsewhere = *lowercase_cache
                .entry(m.base.as_str())
                .or_insert_with(|| lowercase_occurrences(text, &m.base) > 0);
            let mut position = position(text, m.range.start, m.range.end);
            // "im russischen Kasan", "the Libyan Tripoli": a country adjective right before
            // a name frames it like a parent, and is no sign of a common noun.
            let framing: Vec<(Option<CountryCode>, String)> = i
                .checked_sub(1)
                .and_then(|j| Some((raw.get(j)?, options.get(j)?)))
                .filter(|(prev, _)| {
                    // Directly before, or with one noun between ("der tadschikischen Stadt
                    // Chudschand").
                    text.get(prev.range.end..m.range.start).is_some_and(|gap| {
                        gap.starts_with(' ')
                            && gap.trim().split(' ').count() <= 1
                            && gap.trim().chars().all(char::is_alphabetic)
                    })
                })
                .filter(|(_, opts)| !opts.is_empty() && opts.iter().all(|o| o.adjective))
                .map(|(_, opts)| opts.iter().map(|o| (o.code, String::new())).collect())
                .unwrap_or_default();
            if !framing.is_empty() {
                position.after_determiner = false;
            }
            let parents: Vec<_> = raw
                .get(i + 1)
                .filter(|next| {
                    text.get(m.range.end..next.range.start)
                        .is_some_and(is_parent_gap)
                })
                .and_then(|_| options.get(i + 1))
                .map(|next| {
                    next.iter()
                        .filter(|o| {
                            matches!(o.candidate.kind, FeatureKind::Country | FeatureKind::Region)
                        })
                        .map(|o| (o.code, o.admin1.clone()))
                        .collect()
                })
                .unwrap_or_default();
            Context {
                position,
                lowercase_elsewhere,
                short: m.base.chars().count() <= 3,
                parents: if parents.is_empty() { framing } else { parents },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Position {
        let start = text.find(word).unwrap();
        position(text, start, start + word.len())
    }

    #[test]
    fn a_determiner_with_adjectives_before_a_word_makes_it_a_noun() {
        assert!(at("Eine staatliche Bank aus Katar", "Bank").after_determiner);
        assert!(at("Beim Essen am Abend", "Essen").after_determiner);
        assert!(at("die Europäische Union hat", "Union").after_determiner);
        assert!(!at("Die Delegation aus Kabul traf", "Kabul").after_determiner);
        assert!(at("Die Delegation aus Kabul traf", "Kabul").after_locative);
    }

    #[test]
    fn the_first_word_of_a_sentence_or_quotation_is_sentence_initial() {
        assert!(at("Mit der Strecke", "Mit").sentence_initial);
        assert!(at("ein. Mit der Strecke", "Mit").sentence_initial);
        assert!(at("sagte: „Essen ist", "Essen").sentence_initial);
        assert!(!at("sagte er in Essen", "Essen").sentence_initial);
    }

    #[test]
    fn a_comma_a_bracket_or_in_makes_a_parent() {
        assert!(is_parent_gap(", "));
        assert!(is_parent_gap(" ("));
        assert!(is_parent_gap(" in "));
        assert!(is_parent_gap(" in northern "));
        assert!(!is_parent_gap(" und "));
        assert!(!is_parent_gap(" in Northern "));
    }

    #[test]
    fn lowercase_occurrences_count_whole_words_only() {
        let text = "Split. The split was a splitting headache; split!";
        assert_eq!(lowercase_occurrences(text, "Split"), 2);
        assert_eq!(lowercase_occurrences(text, "split"), 0);
    }
}
