//! Reads one array of tables (`[[place]]`, `[[event]]` ...) record by record.
//!
//! The file is parsed with toml's recoverable parser, so a syntax error in one record still lets
//! the others load, and every record is deserialised on its own with its spans, so an error
//! names the line of the field at fault.

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::problem::{LineIndex, Problem};
use crate::msg;

/// A record as read from its file.
pub struct Located<T> {
    pub record: T,
}

/// Deserialises every table of the array `key` in `text`; reports the rest as problems.
pub fn read_records<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    key: &str,
    lines: &LineIndex,
    problems: &mut Vec<Problem>,
) -> Vec<Located<T>> {
    let (document, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return records_of(path, &document, key, lines, problems);
    }
    // toml's recovery stops early after some errors (a key without a value loses every later
    // table), so parse each `[[key]]` table on its own: only the broken one is lost.
    let mut records = Vec::new();
    for chunk in table_chunks(text) {
        let masked = mask_outside(text, chunk.clone());
        match DeTable::parse(&masked) {
            Ok(document) => records.extend(records_of(path, &document, key, lines, problems)),
            Err(error) => {
                let line = error
                    .span()
                    .map_or_else(|| lines.line(chunk.start), |span| lines.line(span.start));
                problems.push(Problem::error(
                    path,
                    Some(line),
                    msg!("problem-toml-syntax", error = error.message().trim()),
                ));
            }
        }
    }
    records
}

fn records_of<T: DeserializeOwned>(
    path: &Path,
    document: &toml::Spanned<DeTable<'_>>,
    key: &str,
    lines: &LineIndex,
    problems: &mut Vec<Problem>,
) -> Vec<Located<T>> {
    let mut records = Vec::new();
    for (name, value) in document.get_ref() {
        if name.get_ref().as_ref() != key {
            problems.push(Problem::error(
                path,
                Some(lines.line(name.span().start)),
                msg!(
                    "problem-unknown-table",
                    name = name.get_ref().as_ref(),
                    key = key
                ),
            ));
            continue;
        }
        let DeValue::Array(items) = value.get_ref() else {
            problems.push(Problem::error(
                path,
                Some(lines.line(value.span().start)),
                msg!("problem-not-array", key = key),
            ));
            continue;
        };
        for item in &**items {
            let offset = item.span().start;
            match T::deserialize(ValueDeserializer::from(item.clone())) {
                Ok(record) => records.push(Located { record }),
                Err(error) => {
                    let at = error.span().map_or(offset, |span| span.start);
                    problems.push(Problem::error(
                        path,
                        Some(lines.line(at)),
                        msg!(
                            "problem-record-skipped",
                            key = key,
                            error = error.message().trim()
                        ),
                    ));
                }
            }
        }
    }
    records
}

/// Byte ranges of the top-level tables: each starts at a line opening with `[`, and the text
/// before the first one (comments) is its own chunk.
fn table_chunks(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with('[') {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts
        .windows(2)
        .map(|w| w[0]..w[1])
        .filter(|r| !r.is_empty())
        .collect()
}

/// `text` with every byte outside `keep` turned into a space (newlines stay), so that spans
/// from parsing the result are spans in `text`. Multi-byte characters become several spaces,
/// which keeps the string valid UTF-8.
fn mask_outside(text: &str, keep: std::ops::Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keep.contains(&i) || c == '\n' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Rec {
        id: String,
    }

    fn read(text: &str) -> (Vec<String>, Vec<Problem>) {
        let mut problems = Vec::new();
        let lines = LineIndex::new(text);
        let records: Vec<Located<Rec>> =
            read_records(Path::new("x.toml"), text, "rec", &lines, &mut problems);
        (records.into_iter().map(|r| r.record.id).collect(), problems)
    }

    #[test]
    fn a_key_without_value_costs_only_its_own_table() {
        let (ids, problems) = read(
            "# c\n[[rec]]\nid = \"a\"\nthis is = broken\n\n[[rec]]\nid = \"b\"\n\n[[rec]]\nid = \"c\"\n",
        );
        assert_eq!(ids, ["b", "c"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(4), "{}", problems[0]);
    }

    #[test]
    fn an_unterminated_string_costs_only_its_own_table() {
        let (ids, problems) = read("[[rec]]\nid = \"ä\n\n[[rec]]\nid = \"b\"\n");
        assert_eq!(ids, ["b"]);
        assert_eq!(problems[0].line, Some(2), "{}", problems[0]);
    }

    #[test]
    fn a_record_of_the_wrong_shape_is_reported_at_its_field() {
        let (ids, problems) = read("[[rec]]\nid = 5\n\n[[rec]]\nid = \"b\"\n");
        assert_eq!(ids, ["b"]);
        assert_eq!(problems[0].line, Some(2), "{}", problems[0]);
    }

    #[test]
    fn an_unknown_table_is_named() {
        let (ids, problems) = read("[[rec]]\nid = \"a\"\n[[other]]\nid = \"b\"\n");
        assert_eq!(ids, ["a"]);
        assert!(problems[0].message.contains("other"), "{}", problems[0]);
        assert_eq!(problems[0].line, Some(3));
    }
}
