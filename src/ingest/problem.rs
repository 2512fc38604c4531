//! Problems found while loading: each names its file and, where it can, its line.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::i18n::fluent::FluentArgs;
use crate::tr;

/// How bad a problem is. Both make `check` fail; the app shows both and loads the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something could not be loaded (a record, an article, a reference).
    Error,
    /// Loaded, but probably not what the author meant (an unused place).
    Warning,
}

/// One problem with the data, tied to a place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based.
    pub line: Option<usize>,
    pub message: Message,
}

impl Problem {
    #[must_use]
    pub fn error(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<Message>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    #[must_use]
    pub fn warning(
        file: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<Message>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    /// "data/places.toml:12: Fehler: …" in the interface language.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let kind = match self.severity {
            Severity::Error => tr!(lang, "problem-error"),
            Severity::Warning => tr!(lang, "problem-warning"),
        };
        let message = self.message.text(lang);
        match self.line {
            Some(line) => format!("{}:{line}: {kind}: {message}", self.file.display()),
            None => format!("{}: {kind}: {message}", self.file.display()),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A problem's words: messages of the interface's Fluent files with their arguments, and text
/// that comes from elsewhere (the system's I/O errors, the TOML parser's explanation), which
/// stays as it came.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Message(Vec<Part>);

#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Fluent {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
}

/// An argument of a problem's message: text, or a number (which chooses plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Number(f64::from(n))
            }
        }
    )*};
}
arg_from_number!(u8, u16, u32, i32, f32, f64);

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        // Line numbers and counts: far below 2^52, exact as f64.
        #[allow(clippy::cast_precision_loss)]
        Self::Number(n as f64)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Self::Text(text.clone())
    }
}

impl Message {
    /// The message `id` of the Fluent files with `args`.
    #[must_use]
    pub fn fluent(id: &'static str, args: Vec<(&'static str, Arg)>) -> Self {
        Self(vec![Part::Fluent { id, args }])
    }

    /// Adds a sentence or clause after the message ("; der Schritt wird übersprungen").
    pub fn push(&mut self, more: impl Into<Self>) {
        self.0.extend(more.into().0);
    }

    /// The message with `more` after it.
    #[must_use]
    pub fn and(mut self, more: impl Into<Self>) -> Self {
        self.push(more);
        self
    }

    /// The message in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for part in &self.0 {
            let text = match part {
                Part::Text(text) => text.clone(),
                Part::Fluent { id, args } => {
                    let mut fluent = FluentArgs::new();
                    for (key, value) in args {
                        match value {
                            Arg::Text(text) => fluent.set(*key, text.as_str()),
                            Arg::Number(n) => fluent.set(*key, *n),
                        }
                    }
                    crate::i18n::fluent::message(lang, id, Some(&fluent))
                }
            };
            // A clause that begins with a semicolon or a bracket follows without a space.
            if !out.is_empty() && !text.is_empty() && !text.starts_with([';', ',', '.', ')']) {
                out.push(' ');
            }
            out.push_str(&text);
        }
        out
    }

    /// Whether the English text contains `needle` (for tests and for finding a problem again).
    #[must_use]
    pub fn contains(&self, needle: &str) -> bool {
        self.text(Lang::En).contains(needle)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Self(vec![Part::Text(text)])
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Self(vec![Part::Text(text.to_owned())])
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// A problem's message from the Fluent files: `msg!("problem-duplicate-id", id = "astana")`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::ingest::Message::fluent($id, Vec::new())
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::ingest::Message::fluent(
            $id,
            vec![$((stringify!($key), $crate::ingest::problem::Arg::from($value))),+],
        )
    };
}

/// Maps byte offsets of a text to 1-based line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The 1-based line holding byte `offset`.
    #[must_use]
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_their_lines() {
        let index = LineIndex::new("a\nbc\n\nd");
        assert_eq!(index.line(0), 1);
        assert_eq!(index.line(1), 1);
        assert_eq!(index.line(2), 2);
        assert_eq!(index.line(5), 3);
        assert_eq!(index.line(6), 4);
        assert_eq!(index.line(600), 4);
    }

    #[test]
    fn a_problem_prints_as_file_line_message() {
        let p = Problem::error("data/places.toml", Some(12), "lat 95 is out of range");
        assert_eq!(
            p.to_string(),
            "data/places.toml:12: error: lat 95 is out of range"
        );
    }
}
