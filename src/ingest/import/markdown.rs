//! Markdown, through `pulldown-cmark`, to plain paragraphs.
//!
//! What is kept: the text of every block (headings become paragraphs of their own, block
//! quotes their paragraphs), the text of links and of inline code, list items each as a
//! paragraph of its own with a `- ` or `1. ` marker, and code blocks as plain text, since in
//! an article they are more often an indented paragraph than code. Soft line breaks stay line
//! breaks, for the reflow to join as it joins any hard-wrapped text.
//! What is lost: emphasis, link targets, images (their alt text is a picture's description,
//! not the article's), raw HTML, and the structure of tables, which stay as their literal
//! lines because the table extension is not switched on.

use super::{Format, ImportError, ImportNote, Imported};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Whether text of unknown type is Markdown: front matter, a heading line, or at least two
/// other marks (links, strong emphasis, fenced code). Plain text with a bullet list or a
/// single asterisk stays plain text, which is the safer reading.
pub(super) fn looks_like_markdown(head: &str) -> bool {
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return true;
    }
    let headings = head.lines().filter(|line| is_atx_heading(line)).count();
    let marks =
        head.matches("](").count() + head.matches("**").count() / 2 + head.matches("```").count();
    headings > 0 || marks >= 2
}

fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line[hashes..].starts_with(' ')
}

/// Imports a Markdown text: front matter (or a `key: value` header) read and removed, the
/// rest turned into paragraphs.
pub(super) fn import(text: &str, notes: Vec<ImportNote>) -> Result<Imported, ImportError> {
    super::text::import_with(text, Format::Markdown, notes, to_text)
}

/// Plain text of a Markdown document, its blocks separated by blank lines.
fn to_text(markdown: &str) -> String {
    let mut out = Output::default();
    // Ordered lists count their items; one entry per open list, innermost last.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Inside an image, the alt text is skipped.
    let mut images = 0usize;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                out.block();
            }
            Event::Start(Tag::Item) => {
                out.block();
                out.marker = Some(match lists.last_mut() {
                    Some(Some(number)) => {
                        let marker = format!("{number}. ");
                        *number += 1;
                        marker
                    }
                    _ => "- ".to_owned(),
                });
            }
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Start(
                Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item,
            )
            | Event::Rule => out.block(),
            Event::Text(text) | Event::Code(text) if images == 0 => out.push(&text),
            Event::SoftBreak | Event::HardBreak if images == 0 => out.push("\n"),
            // Raw HTML, footnotes, math and the rest are not article text.
            _ => {}
        }
    }
    out.text
}

/// Text being built block by block.
#[derive(Default)]
struct Output {
    text: String,
    /// A block ended: the next text starts a new paragraph.
    break_pending: bool,
    /// A list item started: its marker goes before its first text.
    marker: Option<String>,
}

impl Output {
    fn block(&mut self) {
        self.break_pending = true;
    }

    fn push(&mut self, text: &str) {
        if self.break_pending && !self.text.is_empty() {
            // Code blocks end with a line end of their own.
            while self.text.ends_with('\n') {
                self.text.pop();
            }
            self.text.push_str("\n\n");
        }
        self.break_pending = false;
        if let Some(marker) = self.marker.take() {
            self.text.push_str(&marker);
        }
        self.text.push_str(text);
    }
}
