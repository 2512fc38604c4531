//! A layer's own filters: the timeline's range, a search over its texts, and its categories
//! (GED's violence types, ACLED's event types, PA-X's stages). Each is a pass over a column,
//! so a million records are narrowed in milliseconds.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Records;
use super::records::UNKNOWN_DAY;

/// What a layer is narrowed to. Empty parts narrow nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// First and last day (days since 1970-01-01), inclusive: a record is kept if its span
    /// meets the range. Records of unknown date are outside every range.
    pub range: Option<(i32, i32)>,
    /// Words to find in the title, place, actors, category or note (any case).
    pub text: String,
    /// The categories to keep; empty keeps all.
    pub categories: Vec<String>,
}

impl Query {
    /// Whether it keeps every record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.range.is_none() && self.text.trim().is_empty() && self.categories.is_empty()
    }
}

/// A case-insensitive finder for `text`: ASCII letters in any case, and the lower, upper and
/// capitalised forms of the rest ("östlich", "Östlich", "ÖSTLICH"; "киев", "Киев").
fn finder(text: &str) -> Option<AhoCorasick> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let mut capital = String::new();
    let mut chars = lower.chars();
    if let Some(first) = chars.next() {
        capital.extend(first.to_uppercase());
        capital.push_str(chars.as_str());
    }
    let mut patterns = vec![lower, text.to_uppercase(), capital, text.to_owned()];
    patterns.sort();
    patterns.dedup();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&patterns)
        .ok()
}

/// The records `query` keeps, in record order.
#[must_use]
pub fn select(records: &Records, query: &Query) -> Vec<u32> {
    let n = records.len();
    let mut keep = vec![true; n];
    if let Some((from, to)) = query.range {
        for (k, (&start, &end)) in keep.iter_mut().zip(records.start.iter().zip(&records.end)) {
            *k = start != UNKNOWN_DAY && start <= to && end.max(start) >= from;
        }
    }
    if !query.categories.is_empty() {
        let wanted: std::collections::HashSet<&str> =
            query.categories.iter().map(String::as_str).collect();
        for (k, category) in keep.iter_mut().zip(records.category.iter()) {
            *k &= wanted.contains(category);
        }
    }
    if let Some(finder) = finder(&query.text) {
        let mut found = vec![false; n];
        for column in [
            &records.title,
            &records.place,
            &records.actors,
            &records.category,
            &records.note,
        ] {
            for i in column.matching(&finder) {
                if let Some(f) = found.get_mut(i as usize) {
                    *f = true;
                }
            }
        }
        for (k, f) in keep.iter_mut().zip(found) {
            *k &= f;
        }
    }
    keep.iter()
        .enumerate()
        .filter(|(_, k)| **k)
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

/// The layer's categories with how many records each has, the most frequent first (at most
/// `max`; the rest are not offered as filters).
#[must_use]
pub fn categories(records: &Records, max: usize) -> Vec<(String, usize)> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for category in records.category.iter() {
        if !category.is_empty() {
            *counts.entry(category).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> =
        counts.into_iter().map(|(c, n)| (c.to_owned(), n)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.truncate(max);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::records::Row;

    fn records() -> Records {
        let mut r = Records::default();
        for (start, end, title, place, category) in [
            (100, 100, "Angriff bei Kyiv", "Kyiv", "state-based"),
            (200, 260, "Talks", "Östliche Provinz", "non-state"),
            (UNKNOWN_DAY, UNKNOWN_DAY, "undated", "Baku", "state-based"),
            (300, 300, "Waffenruhe", "КИЕВ", "one-sided"),
        ] {
            r.push(&Row {
                start,
                end,
                title,
                place,
                category,
                ..Row::default()
            })
            .expect("room");
        }
        r
    }

    #[test]
    fn a_range_keeps_what_meets_it_and_drops_the_undated() {
        let r = records();
        let q = |range| Query {
            range: Some(range),
            ..Query::default()
        };
        assert_eq!(select(&r, &q((250, 400))), [1, 3]);
        assert_eq!(select(&r, &q((0, 99))), Vec::<u32>::new());
        assert_eq!(select(&r, &Query::default()), [0, 1, 2, 3]);
    }

    #[test]
    fn search_finds_words_in_any_case_and_alphabet_but_not_across_records() {
        let r = records();
        let q = |text: &str| Query {
            text: text.to_owned(),
            ..Query::default()
        };
        assert_eq!(select(&r, &q("kyiv")), [0]);
        assert_eq!(select(&r, &q("östliche")), [1]);
        assert_eq!(select(&r, &q("киев")), [3]);
        assert_eq!(select(&r, &q("STATE-BASED")), [0, 2]);
        // "Kyiv" ends record 0's place and "Östliche" starts record 1's: no match across.
        assert_eq!(select(&r, &q("kyivöst")), Vec::<u32>::new());
    }

    #[test]
    fn categories_combine_with_the_rest_and_are_offered_by_frequency() {
        let r = records();
        let q = Query {
            range: Some((0, 1000)),
            categories: vec!["state-based".to_owned()],
            ..Query::default()
        };
        assert_eq!(select(&r, &q), [0]);
        assert_eq!(
            categories(&r, 2),
            [("state-based".to_owned(), 2), ("non-state".to_owned(), 1)]
        );
    }
}
