//! Splits a passage into words, numbers and punctuation, each with its byte range, and walks them.

use std::ops::{Range, RangeInclusive};

/// A run of letters, compared in lower case; the capital is kept because English "May" is a month
/// and "may" is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub lower: String,
    pub capitalised: bool,
}

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Word(Word),
    /// A run of ASCII digits; `value` saturates, `digits` tells "0800" from "800".
    Number {
        value: u32,
        digits: usize,
    },
    /// Any other visible character.
    Punct(char),
}

/// A word, number or punctuation mark and where it stands in the passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// The tokens of `text`; white space (including no-break spaces) only separates them.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let same_run = |next: char| {
            (c.is_alphabetic() && next.is_alphabetic())
                || (c.is_ascii_digit() && next.is_ascii_digit())
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if !same_run(next) {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        let run = &text[start..end];
        let kind = if c.is_alphabetic() {
            Kind::Word(Word {
                lower: run.to_lowercase(),
                capitalised: c.is_uppercase(),
            })
        } else if c.is_ascii_digit() {
            Kind::Number {
                value: run.parse().unwrap_or(u32::MAX),
                digits: run.len(),
            }
        } else {
            Kind::Punct(c)
        };
        tokens.push(Token {
            kind,
            range: start..end,
        });
    }
    tokens
}

/// A position in the tokens; patterns advance a copy and keep it only if they match.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor<'a> {
    tokens: &'a [Token],
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(tokens: &'a [Token], pos: usize) -> Self {
        Self { tokens, pos }
    }

    /// The token at `pos + offset`, where negative offsets look back.
    pub fn at(&self, offset: isize) -> Option<&'a Token> {
        self.pos
            .checked_add_signed(offset)
            .and_then(|i| self.tokens.get(i))
    }

    /// Whether the tokens at `offset - 1` and `offset` touch, with no space between them.
    pub fn touching(&self, offset: isize) -> bool {
        match (self.at(offset - 1), self.at(offset)) {
            (Some(a), Some(b)) => a.range.end == b.range.start,
            _ => false,
        }
    }

    /// Runs an optional part of a pattern: on failure nothing is consumed.
    pub fn optional<T>(&mut self, part: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = self.pos;
        let found = part(self);
        if found.is_none() {
            self.pos = saved;
        }
        found
    }

    /// Consumes a word that `read` makes something of.
    pub fn word<T>(&mut self, read: impl FnOnce(&'a Word) -> Option<T>) -> Option<T> {
        let Some(Token {
            kind: Kind::Word(word),
            ..
        }) = self.at(0)
        else {
            return None;
        };
        let found = read(word)?;
        self.pos += 1;
        Some(found)
    }

    /// Consumes a word for which `accept` holds.
    pub fn word_if(&mut self, accept: impl FnOnce(&Word) -> bool) -> bool {
        self.word(|w| accept(w).then_some(())).is_some()
    }

    /// Consumes a word that touches the token before it ("10th", "1990er").
    pub fn glued_word_if(&mut self, accept: impl FnOnce(&Word) -> bool) -> bool {
        self.touching(0) && self.word_if(accept)
    }

    /// Consumes the mark `c`.
    pub fn punct(&mut self, c: char) -> bool {
        let found = matches!(self.at(0), Some(Token { kind: Kind::Punct(p), .. }) if *p == c);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes the mark `c` if it touches the token before it.
    pub fn glued_punct(&mut self, c: char) -> bool {
        self.touching(0) && self.punct(c)
    }

    /// Consumes a number written with a count of digits in `digits`.
    pub fn number(&mut self, digits: RangeInclusive<usize>) -> Option<u32> {
        let Some(Token {
            kind: Kind::Number { value, digits: n },
            ..
        }) = self.at(0)
        else {
            return None;
        };
        if !digits.contains(n) {
            return None;
        }
        self.pos += 1;
        Some(*value)
    }

    /// Consumes a number that touches the token before it ("08" in "2024-08").
    pub fn glued_number(&mut self, digits: RangeInclusive<usize>) -> Option<u32> {
        if self.touching(0) {
            self.number(digits)
        } else {
            None
        }
    }

    /// Whether the token at `offset` is a word for which `accept` holds.
    pub fn is_word_at(&self, offset: isize, accept: impl FnOnce(&Word) -> bool) -> bool {
        matches!(self.at(offset), Some(Token { kind: Kind::Word(w), .. }) if accept(w))
    }

    /// Whether the token at `offset` is one of the marks in `marks`.
    pub fn is_punct_at(&self, offset: isize, marks: &str) -> bool {
        matches!(self.at(offset), Some(Token { kind: Kind::Punct(p), .. }) if marks.contains(*p))
    }

    /// Whether the token at `offset` is a number.
    pub fn is_number_at(&self, offset: isize) -> bool {
        matches!(
            self.at(offset),
            Some(Token {
                kind: Kind::Number { .. },
                ..
            })
        )
    }
}
