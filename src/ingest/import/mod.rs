//! Import of a user's file, or of pasted text, as an article: its raw text and the metadata
//! that can be read from it, for the user to check before the article joins the library.
//!
//! One module per format turns bytes into text: `text` (plain text in any common encoding),
//! `markdown`, `html` (the article's main text, through a Readability port) and `pdf` (the
//! text layer). `header` reads the metadata a text carries at its top, and `date` turns the
//! dates found there, in HTML metadata or in a dateline, into a date only as precise as its
//! evidence.
//!
//! The text returned is "raw" text as the app stores it: paragraphs separated by a blank line
//! where the format says where paragraphs are, and the line breaks of the source where it does
//! not (plain text, PDF). The app's reflow (`FlowText::from_raw` in `ingest::reflow`) joins
//! hard-wrapped lines and hyphenation when it shows the article, so nothing here guesses at
//! them.
//!
//! Nothing here draws or holds user-facing words beyond the English `Display` of
//! [`ImportError`]: the UI says the [`ImportError`] and [`ImportNote`] values in its language.

mod date;
mod header;
mod html;
mod markdown;
mod pdf;
mod text;

#[cfg(test)]
mod tests;

use std::io::Read as _;
use std::path::Path;

/// The largest PDF read: PDFs carry fonts and images, so a few pages of text can be megabytes.
pub const MAX_PDF_BYTES: u64 = 20 * 1024 * 1024;
/// The largest HTML page read: news pages carry kilobytes of scripts and styles around the text.
pub const MAX_HTML_BYTES: u64 = 5 * 1024 * 1024;
/// The largest text or Markdown file read, and the longest pasted text; the app's limit for an
/// article (`files::MAX_ARTICLE_BYTES`), so that whatever is imported can also be opened.
pub const MAX_TEXT_BYTES: u64 = 1024 * 1024;

/// An article read from a file or from pasted text, with the metadata found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// Plain UTF-8 text, `\n` line ends, paragraphs separated by a blank line where the source
    /// marks them; without the metadata header it was read from.
    pub text: String,
    /// The title from the metadata, else the first line of the text
    /// (then [`ImportNote::TitleFromFirstLine`] is among the notes).
    pub title: Option<String>,
    /// The author or authors, as the source names them ("Jane Doe, Max Muster").
    pub author: Option<String>,
    /// The publisher or site name, where the source gives it.
    pub source: Option<String>,
    /// The publication date, only as precise as its evidence: `"2025-08-11"`, `"2024-04"` or
    /// `"2013"`.
    pub date: Option<String>,
    /// The language of the text, as detected.
    pub language: Language,
    /// What the input was read as.
    pub format: Format,
    /// What the user may want to know about how the text was read.
    pub notes: Vec<ImportNote>,
}

/// The language of an imported text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Language {
    /// German.
    De,
    /// English.
    En,
    /// Another language, as an ISO 639-3 code (`"rus"`, `"fra"`), or `"und"` where the text
    /// is too short or too mixed to tell.
    Other(String),
}

/// What an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A plain text file.
    Text,
    /// A Markdown file.
    Markdown,
    /// An HTML page.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// Text pasted by the user.
    Pasted,
}

/// Something about how an input was read, for the UI to mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportNote {
    /// The file was in a legacy 8-bit (or other non-Unicode) encoding, detected and converted.
    /// `encoding` is its WHATWG name, such as `"windows-1252"` or `"KOI8-R"`.
    LegacyEncoding {
        /// The detected encoding.
        encoding: &'static str,
    },
    /// The file was UTF-16 with a byte order mark (`"UTF-16LE"` or `"UTF-16BE"`).
    Utf16 {
        /// Which of the two.
        encoding: &'static str,
    },
    /// Bytes that were not valid in the file's encoding were replaced by U+FFFD.
    Replaced {
        /// How many replacement characters were inserted.
        count: usize,
    },
    /// A metadata header (`title:`, `date:`, … lines, or front matter) was read and removed
    /// from the text.
    HeaderRead {
        /// How many lines it had.
        lines: usize,
    },
    /// No title was given, so the first line of the text was taken as the title.
    TitleFromFirstLine,
    /// No date was given, so the date was read from a dateline ("Almaty, 12. März 2024 –").
    DateFromDateline,
    /// Pages of a PDF that had no text (scanned pages, or pictures only), counted from 1.
    PagesWithoutText {
        /// Their numbers.
        pages: Vec<usize>,
    },
    /// Pages of a PDF that could not be read (broken, or beyond the PDF reader), counted
    /// from 1; the text of the other pages was imported.
    PagesUnreadable {
        /// Their numbers.
        pages: Vec<usize>,
    },
}

/// Why an input could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The input holds no text (nothing, or only whitespace).
    #[error("the file is empty")]
    Empty,
    /// The input is binary data, not text.
    #[error("the file is binary data, not text")]
    Binary,
    /// The input is larger than its format's limit.
    #[error("the file is {size} bytes, more than the {limit} bytes allowed for its format")]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit for its format.
        limit: u64,
    },
    /// A PDF without a text layer, such as a scanned page: it needs OCR first.
    #[error("the PDF has no text layer (a scan?); run it through OCR first")]
    NoTextLayer,
    /// An HTML page without article text (an index page, a page built by scripts).
    #[error("the page holds no article text")]
    NoArticleText,
    /// The bytes could not be read as their format (an undecodable encoding, a broken PDF).
    #[error("the file cannot be read: {reason}")]
    Unreadable {
        /// What went wrong, in English, for logs and details.
        reason: String,
    },
    /// The file could not be opened or read.
    #[error("the file cannot be opened: {0}")]
    Io(String),
}

/// Imports the bytes of a file. The format comes from the file name's extension, else from the
/// content: `%PDF-`, an HTML tag, Markdown markers. A PDF signature wins over the extension,
/// since no text file starts with one and a PDF read as text would be garbage.
///
/// # Errors
/// See [`ImportError`].
pub fn import_bytes(file_name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let format = detect_format(file_name, bytes);
    let limit = limit_of(format);
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ImportError::TooLarge { size, limit });
    }
    match format {
        Format::Pdf => pdf::import(bytes),
        Format::Html => html::import(bytes),
        Format::Markdown => {
            let decoded = text::decode(bytes)?;
            markdown::import(&decoded.text, decoded.notes)
        }
        Format::Text | Format::Pasted => {
            let decoded = text::decode(bytes)?;
            text::import(&decoded.text, Format::Text, decoded.notes)
        }
    }
}

/// Reads and imports a file, refusing one over its format's limit before reading it.
///
/// # Errors
/// See [`ImportError`].
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Before reading, only the extension is known; a file without a known one may be any
    // format, so it is held to the largest limit here and to its own once it is sniffed.
    let limit = format_by_extension(&file_name).map_or(MAX_PDF_BYTES, limit_of);
    let file = crate::platform::storage::open(path).map_err(|e| ImportError::Io(e.to_string()))?;
    let size = crate::platform::storage::len(path).map_err(|e| ImportError::Io(e.to_string()))?;
    if size > limit {
        return Err(ImportError::TooLarge { size, limit });
    }
    let mut bytes = Vec::new();
    // `take` guards against a file that grows while it is read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Io(e.to_string()))?;
    import_bytes(&file_name, &bytes)
}

/// Imports text the user pasted: plain text, with a metadata header if it starts with one.
///
/// # Errors
/// [`ImportError::TooLarge`] over [`MAX_TEXT_BYTES`], [`ImportError::Empty`] for blank text.
pub fn import_pasted(text: &str) -> Result<Imported, ImportError> {
    let size = text.len() as u64;
    if size > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge {
            size,
            limit: MAX_TEXT_BYTES,
        });
    }
    text::import(text, Format::Pasted, Vec::new())
}

fn limit_of(format: Format) -> u64 {
    match format {
        Format::Pdf => MAX_PDF_BYTES,
        Format::Html => MAX_HTML_BYTES,
        Format::Text | Format::Markdown | Format::Pasted => MAX_TEXT_BYTES,
    }
}

fn format_by_extension(file_name: &str) -> Option<Format> {
    let extension = Path::new(file_name)
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    match extension.as_str() {
        "pdf" => Some(Format::Pdf),
        "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "txt" | "text" => Some(Format::Text),
        _ => None,
    }
}

fn detect_format(file_name: &str, bytes: &[u8]) -> Format {
    if pdf::has_signature(bytes) {
        return Format::Pdf;
    }
    format_by_extension(file_name).unwrap_or_else(|| sniff(bytes))
}

/// Guesses the format of text of unknown type from its first kilobytes.
fn sniff(bytes: &[u8]) -> Format {
    // Markers are ASCII; a lossy view of the start is enough to find them, whatever the
    // encoding (UTF-16 text has NULs between the letters and is never taken for markup).
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<html")
        || head.contains("<body")
    {
        return Format::Html;
    }
    if markdown::looks_like_markdown(head) {
        return Format::Markdown;
    }
    Format::Text
}

/// Fills in what every format shares once its text is known: the title from the first line,
/// the date from a dateline, the language (`language_hint` decides where detection is unsure).
/// Refuses a text that came out empty.
fn finish(
    mut imported: Imported,
    language_hint: Option<Language>,
) -> Result<Imported, ImportError> {
    imported.text = text::tidy(&imported.text);
    if imported.text.is_empty() {
        return Err(ImportError::Empty);
    }
    if imported.title.is_none() {
        imported.title = text::first_line_title(&imported.text);
        if imported.title.is_some() {
            imported.notes.push(ImportNote::TitleFromFirstLine);
        }
    }
    if imported.date.is_none() {
        imported.date = date::from_dateline(&imported.text);
        if imported.date.is_some() {
            imported.notes.push(ImportNote::DateFromDateline);
        }
    }
    imported.language = text::detect_language(&imported.text, language_hint);
    Ok(imported)
}
