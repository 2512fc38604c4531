//! Keyword in context: a short excerpt around a mention, cut at word boundaries.

use std::ops::Range;

/// An excerpt: the text before the keyword, the keyword, the text after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub before: String,
    pub keyword: String,
    pub after: String,
}

/// About `context` characters either side of `range` in `text`, cut at spaces, with ellipses
/// where the text goes on. Paragraph breaks become spaces.
#[must_use]
pub fn snippet(text: &str, range: Range<usize>, context: usize) -> Snippet {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    let before_all = text.get(..start).unwrap_or("");
    let after_all = text.get(end..).unwrap_or("");

    let mut before: String = before_all
        .chars()
        .rev()
        .take(context)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if before.len() < before_all.len() {
        // Drop the partial first word.
        before = before
            .split_once(' ')
            .map_or(String::new(), |(_, rest)| rest.to_owned());
        before.insert(0, '…');
    }
    let mut after: String = after_all.chars().take(context).collect();
    if after.len() < after_all.len() {
        after = after
            .rsplit_once(' ')
            .map_or(String::new(), |(rest, _)| rest.to_owned());
        after.push('…');
    }
    let flatten = |s: String| s.replace("\n\n", " ");
    Snippet {
        before: flatten(before),
        keyword: text.get(start..end).unwrap_or("").to_owned(),
        after: flatten(after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_cuts_at_words_and_marks_the_cuts() {
        let text = "Die Auswahl Almatys als Tagungsort ist symbolisch geladen: Hier wurde im Dezember 1991 unterzeichnet";
        let start = text.find("Almatys").expect("in text");
        let s = snippet(text, start..start + "Almatys".len(), 20);
        assert_eq!(s.keyword, "Almatys");
        assert_eq!(s.before, "Die Auswahl ");
        assert!(s.after.starts_with(" als Tagungsort"));
        assert!(s.after.ends_with('…'));
        assert!(!s.after.contains("symbolisch geladen: Hier"));
    }

    #[test]
    fn a_snippet_at_the_start_has_no_leading_ellipsis() {
        let text = "Astana hat bereits internationale Erfahrung";
        let s = snippet(text, 0..6, 10);
        assert_eq!(s.before, "");
        assert_eq!(s.keyword, "Astana");
        assert_eq!(s.after, " hat…");
    }

    #[test]
    fn multibyte_text_never_splits_a_character() {
        let text = "ääääääääää Aşgabat öööööööööö";
        let start = text.find("Aşgabat").expect("in text");
        let s = snippet(text, start..start + "Aşgabat".len(), 3);
        assert_eq!(s.keyword, "Aşgabat");
    }
}
