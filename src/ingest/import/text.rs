//! Plain text: decoding bytes in any common encoding, tidying line ends and blank lines, and
//! what every format shares (the title from the first line, the language).

use super::{Format, ImportError, ImportNote, Imported, Language, finish, header};
use encoding_rs::{Encoding, UTF_8};

/// Text decoded from bytes, with what was noticed on the way.
pub(super) struct Decoded {
    pub text: String,
    pub notes: Vec<ImportNote>,
}

/// Above this share of replacement characters (in thousandths of all chars) a guessed encoding
/// is taken to be wrong, and the file unreadable, rather than shown as a field of U+FFFD...
const MAX_REPLACED_PER_MILLE: usize = 10;
/// ... unless there are only this many: a damaged char or two do not spoil a short text.
const ALWAYS_TOLERATED_REPLACEMENTS: usize = 3;
/// Above this share of control characters (in thousandths) decoded "text" is binary data
/// without NUL bytes. Real text has none but tabs, line ends and the odd form feed.
const MAX_CONTROLS_PER_MILLE: usize = 10;
/// A title taken from the first line is cut to at most this many chars, at a word boundary.
const TITLE_MAX_CHARS: usize = 120;
/// Language detection reads this many bytes of the text at most: more does not change the
/// answer for an article, and detection time grows with the input.
const LANGUAGE_SAMPLE_BYTES: usize = 4000;

/// Imports plain text (a `.txt` file or pasted text): a metadata header at the top is read and
/// removed, the lines are kept as they are for the reflow.
pub(super) fn import(
    text: &str,
    format: Format,
    notes: Vec<ImportNote>,
) -> Result<Imported, ImportError> {
    import_with(text, format, notes, str::to_owned)
}

/// Reads and removes the metadata header of `text`, turns the rest into the article's text
/// with `body` (as it is, or from Markdown), and finishes the import.
pub(super) fn import_with(
    text: &str,
    format: Format,
    mut notes: Vec<ImportNote>,
    body: impl FnOnce(&str) -> String,
) -> Result<Imported, ImportError> {
    let header = header::split(text);
    if header.lines > 0 {
        notes.push(ImportNote::HeaderRead {
            lines: header.lines,
        });
    }
    finish(
        Imported {
            text: body(header.body),
            title: header.title,
            author: header.author,
            source: header.source,
            date: header.date,
            language: Language::Other(String::new()),
            format,
            notes,
        },
        header.language,
    )
}

/// Decodes the bytes of a text file: UTF-8 with or without BOM, UTF-16 with a BOM, else a
/// legacy encoding that `chardetng` guesses (as browsers do for unlabelled pages).
///
/// # Errors
/// [`ImportError::Empty`] for no bytes, [`ImportError::Binary`] for NUL bytes outside UTF-16
/// or many control characters, [`ImportError::Unreadable`] where no encoding fits.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut notes = Vec::new();
    let (text, had_errors) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding != UTF_8 {
            notes.push(ImportNote::Utf16 {
                encoding: encoding.name(),
            });
        }
        encoding.decode_without_bom_handling(&bytes[bom_len..])
    } else if bytes.contains(&0) {
        // UTF-16 without a BOM would also hold NULs, but so does every binary format; only a
        // BOM makes UTF-16 certain enough to read.
        return Err(ImportError::Binary);
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.into(), false)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        // Invalid UTF-8 was just ruled out, so UTF-8 is not a candidate.
        let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
        notes.push(ImportNote::LegacyEncoding {
            encoding: encoding.name(),
        });
        encoding.decode_without_bom_handling(bytes)
    };
    let chars = text.chars().count().max(1);
    if had_errors {
        let count = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        if count > ALWAYS_TOLERATED_REPLACEMENTS && count * 1000 > chars * MAX_REPLACED_PER_MILLE {
            return Err(ImportError::Unreadable {
                reason: format!(
                    "{count} of {chars} characters are not valid in any encoding tried"
                ),
            });
        }
        notes.push(ImportNote::Replaced { count });
    }
    let controls = text.chars().filter(|&c| is_stray_control(c)).count();
    if controls * 1000 > chars * MAX_CONTROLS_PER_MILLE {
        return Err(ImportError::Binary);
    }
    Ok(Decoded {
        text: text.into_owned(),
        notes,
    })
}

/// A control character that text does not hold; tabs, line ends and form feeds it does.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

/// Tidies text for storage: `\n` line ends, no trailing spaces, no stray controls, at most
/// one blank line in a row, no blank lines or spaces at either end. Inner line breaks are kept
/// for the reflow, which knows hyphenation and hard wraps.
pub(super) fn tidy(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace(['\r', '\u{c}'], "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let line: String = line
            .trim_end()
            .chars()
            .filter(|&c| !is_stray_control(c) && c != '\u{feff}')
            .collect();
        if line.trim().is_empty() {
            blank_lines += 1;
            continue;
        }
        if out.is_empty() {
            // Indentation is kept inside the text, where the reflow may read it, but not
            // before its first word.
            out.push_str(line.trim_start());
        } else {
            out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
            out.push_str(&line);
        }
        blank_lines = 0;
    }
    out
}

/// The first line of a text as its title, cut at a word boundary if it is a whole paragraph.
pub(super) fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    if line.chars().count() <= TITLE_MAX_CHARS {
        return Some(line.to_owned());
    }
    let mut title = String::new();
    for word in line.split_whitespace() {
        if title.chars().count() + 1 + word.chars().count() > TITLE_MAX_CHARS {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        // One huge "word" (a URL, or text without spaces): cut it by chars.
        title = line.chars().take(TITLE_MAX_CHARS).collect();
    }
    title.push('…');
    Some(title)
}

/// Detects the language of a text with `whatlang` (trigram statistics, no model files).
/// German and English are told apart reliably from a sentence or two; where `whatlang` is not
/// confident, the `hint` (an HTML page's `lang`) decides if there is one.
pub(super) fn detect_language(text: &str, hint: Option<Language>) -> Language {
    let mut end = text.len().min(LANGUAGE_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end]);
    let reliable = info.as_ref().is_some_and(whatlang::Info::is_reliable);
    if let Some(hint) = hint.filter(|_| !reliable) {
        return hint;
    }
    match info.map(|info| info.lang()) {
        Some(whatlang::Lang::Deu) => Language::De,
        Some(whatlang::Lang::Eng) => Language::En,
        Some(lang) => Language::Other(lang.code().to_owned()),
        None => Language::Other("und".to_owned()),
    }
}

/// Reads a language tag such as `de-DE` or `en` (an HTML `lang` attribute).
pub(super) fn language_from_tag(tag: &str) -> Option<Language> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "de" | "deu" | "ger" => Some(Language::De),
        "en" | "eng" => Some(Language::En),
        _ => None,
    }
}
