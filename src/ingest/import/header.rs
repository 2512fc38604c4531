//! The metadata a text or Markdown file carries at its top, read and split off the text:
//!
//! - YAML front matter between `---` lines, read as flat `key: value` pairs (inline lists
//!   `[a, b]` and block lists of `- item` lines are joined with ", "; nested maps are skipped
//!   with the rest of the block, which is removed whole);
//! - a block of `key: value` lines ended by a blank line, taken as a header only if every line
//!   has a known key, so that a first paragraph starting "Astana: …" stays text;
//! - the app's own stored prefix ` date 2025-08-11 ` (or ` date 2024-04 `), so that a stored
//!   article imports with its date.
//!
//! Keys are English or German, in any case: `title`/`Titel`, `author`/`Autor`,
//! `source`/`Quelle`/`publisher`, `date`/`Datum`, `lang`/`Sprache`, and a few that are known
//! and ignored (`url`, `tags`, …).

use super::Language;
use super::date;
use super::text::language_from_tag;

/// Front matter longer than this many lines is taken for text that starts with a rule.
const FRONT_MATTER_MAX_LINES: usize = 60;

/// The metadata read from the top of a text, and the text after it.
#[derive(Debug, Default)]
pub(super) struct Header<'a> {
    /// The text after the header (the whole text if there is none).
    pub body: &'a str,
    /// How many lines the header had; 0 if there is none.
    pub lines: usize,
    pub title: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub language: Option<Language>,
}

/// What a header key stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Title,
    Author,
    Source,
    Date,
    Language,
    /// Known, so it does not stop a header, but not used.
    Ignored,
}

fn key(name: &str) -> Option<Key> {
    let name = name.trim().to_lowercase().replace([' ', '-'], "_");
    let key = match name.as_str() {
        "title" | "titel" | "headline" | "überschrift" | "ueberschrift" => Key::Title,
        "author" | "authors" | "autor" | "autorin" | "autoren" | "byline" | "by" | "von" => {
            Key::Author
        }
        "source" | "quelle" | "publisher" | "site" | "site_name" | "medium" | "zeitung"
        | "verlag" | "outlet" => Key::Source,
        "date" | "datum" | "published" | "veröffentlicht" | "publication_date" | "pubdate"
        | "date_published" => Key::Date,
        "lang" | "language" | "sprache" => Key::Language,
        "url" | "link" | "tags" | "keywords" | "schlagwörter" | "subtitle" | "untertitel"
        | "description" | "summary" | "id" | "layout" | "categories" | "category" | "kategorie"
        | "place" | "ort" => Key::Ignored,
        _ => return None,
    };
    Some(key)
}

/// Splits the metadata header off the top of a text, if it has one.
pub(super) fn split(text: &str) -> Header<'_> {
    let text = text.trim_start_matches('\u{feff}');
    front_matter(text)
        .or_else(|| stored_date_prefix(text))
        .or_else(|| key_value_block(text))
        .unwrap_or(Header {
            body: text,
            ..Header::default()
        })
}

/// YAML front matter: `---` on the first line, up to a line `---` or `...`.
fn front_matter(text: &str) -> Option<Header<'_>> {
    let mut lines = line_spans(text);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (count, (end, line)) in lines.enumerate().take(FRONT_MATTER_MAX_LINES) {
        if matches!(line.trim_end(), "---" | "...") {
            let mut header = Header {
                body: &text[end..],
                lines: count + 2,
                ..Header::default()
            };
            for (name, value) in pairs {
                if let Some(key) = key(&name) {
                    header.set(key, &value);
                }
            }
            return Some(header);
        }
        let indented = line.starts_with([' ', '\t']);
        let item = line.trim().strip_prefix("- ");
        match (indented, item, pairs.last_mut()) {
            // An item of a block list: joined to the value of the key above.
            (_, Some(item), Some((_, value))) => {
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(&unquote(item));
            }
            // Nested maps and continued lines are not metadata the app uses.
            (true, None, _) => {}
            _ => {
                if let Some((name, value)) = line.split_once(':') {
                    pairs.push((name.trim().to_owned(), yaml_value(value)));
                }
            }
        }
    }
    None
}

/// The prefix ` date 2025-08-11 ` with which the app stores an article's date.
fn stored_date_prefix(text: &str) -> Option<Header<'_>> {
    let rest = text.trim_start().strip_prefix("date ")?;
    let value = rest.split_whitespace().next()?;
    // Exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the reflow reads the prefix.
    let date = date::normalize(value).filter(|date| date == value)?;
    let at = rest.find(value)? + value.len();
    Some(Header {
        body: rest[at..].trim_start(),
        lines: 1,
        date: Some(date),
        ..Header::default()
    })
}

/// `key: value` lines up to the first blank line, every one with a known key.
fn key_value_block(text: &str) -> Option<Header<'_>> {
    let mut header = Header::default();
    let mut body_start = None;
    for (end, line) in line_spans(text) {
        if line.trim().is_empty() {
            if header.lines == 0 {
                // Blank lines before the header.
                continue;
            }
            body_start = Some(end);
            break;
        }
        let (name, value) = line.split_once(':')?;
        let key = key(name)?;
        header.set(key, value.trim());
        header.lines += 1;
    }
    header.body = &text[body_start?..];
    Some(header)
}

impl Header<'_> {
    fn set(&mut self, key: Key, value: &str) {
        let value = unquote(value);
        if value.is_empty() {
            return;
        }
        match key {
            Key::Title => self.title = Some(value),
            Key::Author => self.author = Some(value),
            Key::Source => self.source = Some(value),
            // A date that cannot be read is dropped, rather than kept as text the app could
            // not sort or place on the timeline.
            Key::Date => self.date = date::normalize(&value),
            Key::Language => self.language = language_from_tag(&value),
            Key::Ignored => {}
        }
    }
}

/// Lines with the byte offset just after each (after its line end).
fn line_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |end, line| {
        *end += line.len();
        Some((*end, line.trim_end_matches(['\n', '\r'])))
    })
}

/// A YAML scalar or inline list as plain text: quotes removed, `[a, b]` as "a, b", and a
/// trailing `# comment` dropped.
fn yaml_value(value: &str) -> String {
    let value = value.trim();
    if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return list
            .split(',')
            .map(unquote)
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    if value.starts_with(['"', '\'']) {
        return unquote(value);
    }
    let value = value.split(" #").next().unwrap_or(value);
    unquote(value)
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner.to_owned();
        }
    }
    value.to_owned()
}
