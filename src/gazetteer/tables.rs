//! Reading the tab-separated tables: lines with their numbers, errors naming them, and the
//! countries' extra names and adjectives.

use std::collections::HashMap;

use super::GazetteerError;
use super::place::CountryCode;

/// Extra names and adjectives of one country, read before the places.
#[derive(Default)]
pub(super) struct CountryExtras {
    pub names: Vec<String>,
    pub adjectives: Vec<(String, bool)>,
}

pub(super) fn parse_error(file: &'static str, line: usize, message: String) -> GazetteerError {
    GazetteerError::Parse {
        file,
        line,
        message,
    }
}

/// The data lines of a TSV file (after the header) with their 1-based line numbers.
pub(super) fn data_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines()
        .enumerate()
        .skip(1)
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// The German and English names of each country and the extra names and adjectives of
/// `country-adjectives.tsv`, by code.
pub(super) fn read_country_extras(
    country_names_tsv: &str,
    adjectives_tsv: &str,
) -> Result<HashMap<CountryCode, CountryExtras>, GazetteerError> {
    let mut extras: HashMap<CountryCode, CountryExtras> = HashMap::new();
    for (line, row) in data_lines(country_names_tsv) {
        let err = |m: String| parse_error("country-names.tsv", line, m);
        let f: Vec<&str> = row.split('\t').collect();
        let [_numeric, code, de, en, ru] = f[..] else {
            return Err(err(format!("expected 5 columns, found {}", f.len())));
        };
        let code = CountryCode::new(code).ok_or_else(|| err(format!("bad code {code:?}")))?;
        let e = extras.entry(code).or_default();
        e.names
            .extend([de.to_owned(), en.to_owned(), ru.to_owned()]);
    }
    for (line, row) in data_lines(adjectives_tsv) {
        let err = |m: String| parse_error("country-adjectives.tsv", line, m);
        let f: Vec<&str> = row.split('\t').collect();
        let [code, de, en, names] = f[..] else {
            return Err(err(format!("expected 4 columns, found {}", f.len())));
        };
        let code = CountryCode::new(code).ok_or_else(|| err(format!("bad code {code:?}")))?;
        let e = extras.entry(code).or_default();
        for (text, german) in de
            .split('|')
            .map(|s| (s, true))
            .chain(en.split('|').map(|s| (s, false)))
        {
            let text = text.trim();
            if !text.is_empty() {
                e.adjectives.push((text.to_owned(), german));
            }
        }
        e.names.extend(
            names
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned),
        );
    }
    Ok(extras)
}
