//! HTML pages: the article's main text through `dom_smoothie`, a port of Mozilla's Readability
//! (the reader view of Firefox), and its metadata.
//!
//! What is kept: the paragraphs, headings, lists and quotes of the article body, each block a
//! paragraph. What is lost: navigation, scripts, styles, cookie banners, asides, comments,
//! footers and whatever else Readability scores as not being the article; links keep their
//! text only; images and tables lose their structure.
//!
//! The metadata comes first from JSON-LD (`NewsArticle`: `headline`, `author`,
//! `datePublished`, `publisher`), then from `<meta>` tags (`OpenGraph` `og:title`,
//! `og:site_name`, `article:published_time`, `author`, Dublin Core), as Readability reads them;
//! then `<meta name="date">` and the first `<time datetime>`, which Readability does not read.

use super::{Format, ImportError, Imported, Language, date, finish, text};
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};
use encoding_rs::{Encoding, UTF_8};

/// Pages with more elements than this are refused rather than parsed for seconds; a long news
/// page has a few thousand.
const MAX_ELEMENTS: usize = 100_000;
/// A page whose article text has fewer words than this has no article: what Readability
/// finds on an index page or an empty shell of scripts is a teaser or a menu.
const MIN_ARTICLE_WORDS: usize = 25;
/// Where the charset of a page is declared, if it is: within its first kilobyte (as the HTML
/// standard's prescan has it).
const CHARSET_PRESCAN_BYTES: usize = 1024;

/// Date metadata that Readability does not read, most specific first.
const DATE_SELECTORS: &[(&str, &str)] = &[
    (r#"meta[itemprop="datePublished"]"#, "content"),
    (r#"meta[name="date"]"#, "content"),
    (r#"meta[name="DC.date.issued"]"#, "content"),
    (r#"meta[name="dc.date"]"#, "content"),
    (r#"meta[name="publish-date"]"#, "content"),
    ("time[datetime]", "datetime"),
];

/// Imports an HTML page.
pub(super) fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    let (html, notes) = decode(bytes)?;
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|e| ImportError::Unreadable {
            reason: e.to_string(),
        })?;
    // Read before `parse`, which rewrites the document down to the article.
    let extra_date = DATE_SELECTORS.iter().find_map(|(selector, attribute)| {
        let value = readability.doc.try_select(selector)?.attr(attribute)?;
        date::normalize(&value)
    });
    let article = match readability.parse() {
        Ok(article) => article,
        Err(ReadabilityError::GrabFailed) => return Err(ImportError::NoArticleText),
        Err(e) => {
            return Err(ImportError::Unreadable {
                reason: e.to_string(),
            });
        }
    };
    let body = article.text_content.to_string();
    if body.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(ImportError::NoArticleText);
    }
    let title = non_empty(&article.title);
    finish(
        Imported {
            text: without_leading_title(&body, title.as_deref()).to_owned(),
            title,
            author: article.byline.as_deref().and_then(author),
            source: article.site_name.as_deref().and_then(non_empty),
            date: article
                .published_time
                .as_deref()
                .and_then(date::normalize)
                .or(extra_date),
            language: Language::Other(String::new()),
            format: Format::Html,
            notes,
        },
        article.lang.as_deref().and_then(text::language_from_tag),
    )
}

/// Decodes a page: a BOM, else valid UTF-8, else the charset its `<meta>` declares, else the
/// encoding `chardetng` guesses (as browsers do).
fn decode(bytes: &[u8]) -> Result<(String, Vec<super::ImportNote>), ImportError> {
    if Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        let decoded = text::decode(bytes)?;
        return Ok((decoded.text, decoded.notes));
    }
    match declared_charset(bytes) {
        Some(encoding) if encoding != UTF_8 => {
            let (html, _, had_errors) = encoding.decode(bytes);
            let mut notes = vec![super::ImportNote::LegacyEncoding {
                encoding: encoding.name(),
            }];
            if had_errors {
                let count = html
                    .chars()
                    .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                    .count();
                notes.push(super::ImportNote::Replaced { count });
            }
            Ok((html.into_owned(), notes))
        }
        // Declared UTF-8 but not valid, or not declared: let detection decide.
        _ => {
            let decoded = text::decode(bytes)?;
            Ok((decoded.text, decoded.notes))
        }
    }
}

/// The encoding named by `charset=` in the first kilobyte of a page, if any. Only the label
/// is looked for, not the markup around it; a wrong guess is caught by decoding errors.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// Readability keeps the headline at the top of the text when it stands in the article
/// element; as the title is returned apart, a first block equal to it is dropped.
fn without_leading_title<'a>(body: &'a str, title: Option<&str>) -> &'a str {
    let body = body.trim_start();
    let Some(title) = title else {
        return body;
    };
    let (first, rest) = body.split_once("\n\n").unwrap_or((body, ""));
    if first.trim() == title.trim() {
        rest
    } else {
        body
    }
}

/// An author as bylines write it, without "By" or "Von" before the name.
fn author(byline: &str) -> Option<String> {
    let byline = byline.trim();
    let name = ["By ", "by ", "Von ", "von ", "VON ", "BY "]
        .iter()
        .find_map(|prefix| byline.strip_prefix(prefix))
        .unwrap_or(byline);
    non_empty(name)
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}
