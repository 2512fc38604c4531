//! Reflow of raw article text into display paragraphs, with a map back to the raw bytes.
//!
//! Articles arrive as plain text of very different shapes: one paragraph per line, PDF
//! extractions with hard line breaks and page artefacts, or everything on a few huge lines.
//! [`FlowText::from_raw`] turns any of them into blocks of single-spaced text and keeps,
//! for every byte it produces, the raw byte it came from. Place names are searched in the
//! flow text; the map lets the app point back at the exact spot in the source file.
//!
//! Everything here runs in time linear in the input and never panics, whatever the input.

use std::collections::HashMap;
use std::ops::Range;

/// What a block of an article is, for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A dateline or byline at the start, or a short signature at the end ("DAZ").
    Meta,
    /// A short single line without sentence punctuation, standing on its own.
    Heading,
    /// Running text.
    Body,
}

/// One block of the flow text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte range in [`FlowText::text`].
    pub range: Range<usize>,
}

/// A raw range that was left out of the flow text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Byte range in the raw text.
    pub raw: Range<usize>,
    /// Why it was left out.
    pub why: SkipReason,
}

/// Why a raw range was left out of the flow text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The leading " date 2025-08-11 " metadata prefix.
    DatePrefix,
    /// A pull quote: a narrow block repeating a sentence from the article body.
    PullQuote,
}

/// An article reflowed for display and matching, with a map back to the raw text.
#[derive(Debug, Clone)]
pub struct FlowText {
    /// The blocks joined by `"\n\n"`; inside a block, single spaces and no newlines.
    pub text: String,
    /// The blocks of `text`, in order.
    pub blocks: Vec<Block>,
    /// Raw ranges left out of `text`, in raw order, with the reason.
    pub skipped: Vec<Skipped>,
    /// Run-length map from flow bytes to raw bytes, in flow order (which is also raw order).
    /// A per-byte table would cost eight bytes per input byte; runs cost one entry per line
    /// break or collapsed whitespace.
    segments: Vec<Segment>,
    /// Raw end of the last flow char: where `raw_offset(text.len())` points.
    raw_end: usize,
}

/// A run of flow bytes and the raw bytes they stand for.
#[derive(Debug, Clone, Copy)]
struct Segment {
    flow: usize,
    flow_len: usize,
    raw: usize,
    raw_len: usize,
    /// True if the flow bytes are a verbatim copy of the raw bytes (then both lengths are
    /// equal); false if they replace them (a space for a whitespace run, nothing for a line
    /// break after a hyphen, `"\n\n"` between blocks), and every flow byte maps to `raw`.
    copied: bool,
}

/// Lines of a pull quote are at most this many chars long (trimmed).
const PULL_QUOTE_MAX_LINE_CHARS: usize = 32;
/// A pull quote has at least this many lines; shorter narrow blocks are too common in body text.
const PULL_QUOTE_MIN_LINES: usize = 3;
/// Number of consecutive words a pull quote must share with another block.
const PULL_QUOTE_RUN: usize = 5;
/// A single-line block up to this many chars, without sentence punctuation, is a heading.
const HEADING_MAX_CHARS: usize = 80;
/// A first line up to this many chars may be split off a paragraph as its heading.
const SPLIT_HEADING_MAX_CHARS: usize = 40;
/// ... and has at most this many words.
const SPLIT_HEADING_MAX_WORDS: usize = 6;
/// A first dateline/byline block is at most this many chars.
const DATELINE_MAX_CHARS: usize = 100;
/// A last block of at most this many words, without sentence punctuation, is a signature.
const SIGNATURE_MAX_WORDS: usize = 3;
/// A line longer than this that ends a sentence is a paragraph by itself: hard-wrapped text
/// never has lines this long, so the line break after it is a real paragraph break (seed 003
/// separates its paragraphs with single newlines).
const UNWRAPPED_LINE_CHARS: usize = 150;
/// Words after a line-end hyphen that mark it as a suspended compound ("Wirtschafts- und").
const CONJUNCTIONS: [&str; 5] = ["und", "oder", "bis", "sowie", "bzw"];
const SOFT_HYPHEN: char = '\u{AD}';

impl FlowText {
    /// Reflows a raw article. Never fails: any input gives some (possibly empty) flow text.
    #[must_use]
    pub fn from_raw(raw: &str) -> FlowText {
        let mut skipped = Vec::new();
        let body_start = match date_prefix_len(raw) {
            Some(len) => {
                skipped.push(Skipped {
                    raw: 0..len,
                    why: SkipReason::DatePrefix,
                });
                len
            }
            None => 0,
        };
        let groups = group_lines(raw, body_start);
        let pull_quotes = find_pull_quotes(raw, &groups);

        let mut text = String::with_capacity(raw.len() - body_start);
        let mut segments = Vec::new();
        // Each kept block with the group it came from, for classification below.
        let mut kept: Vec<(Range<usize>, &Group)> = Vec::new();
        for (group, &is_pull_quote) in groups.iter().zip(&pull_quotes) {
            if is_pull_quote {
                skipped.push(Skipped {
                    raw: group.start..group.end,
                    why: SkipReason::PullQuote,
                });
                continue;
            }
            let (text_before, segments_before) = (text.len(), segments.len());
            if let Some((_, previous)) = kept.last() {
                segments.push(Segment {
                    flow: text.len(),
                    flow_len: 2,
                    raw: previous.end,
                    raw_len: 0,
                    copied: false,
                });
                text.push_str("\n\n");
            }
            let block_start = text.len();
            reflow_block(raw, group.start..group.end, &mut text, &mut segments);
            if text.len() == block_start {
                // Only soft hyphens: nothing to show, so no block and no separator either.
                text.truncate(text_before);
                segments.truncate(segments_before);
                continue;
            }
            kept.push((block_start..text.len(), group));
        }

        let count = kept.len();
        let blocks = kept
            .into_iter()
            .enumerate()
            .map(|(index, (range, group))| {
                let kind = classify(text.get(range.clone()).unwrap_or(""), group, index, count);
                Block { kind, range }
            })
            .collect();
        let raw_end = segments.last().map_or(0, |s| s.raw + s.raw_len);
        FlowText {
            text,
            blocks,
            skipped,
            segments,
            raw_end,
        }
    }

    /// Raw byte offset of a flow byte offset (`offset == text.len()` maps to the raw end of the last char).
    ///
    /// An offset inside a multi-byte char counts as the start of that char, and offsets past
    /// the end count as the end, so the result is always a char boundary of the raw text.
    /// A space that replaced a whitespace run maps to the start of the run; a block separator
    /// maps to the raw end of the block before it. For an empty flow text the result is 0.
    #[must_use]
    pub fn raw_offset(&self, flow: usize) -> usize {
        if flow >= self.text.len() {
            return self.raw_end;
        }
        let flow = floor_char_boundary(&self.text, flow);
        match self.segment_at_flow(flow) {
            Some(s) if s.copied => s.raw + (flow - s.flow),
            Some(s) => s.raw,
            None => self.raw_end,
        }
    }

    /// Raw range covering a flow range (start of first char to end of last char, in raw bytes).
    ///
    /// An empty or inverted flow range gives an empty raw range at the start's raw offset.
    #[must_use]
    pub fn raw_range(&self, flow: Range<usize>) -> Range<usize> {
        let start = self.raw_offset(flow.start);
        let end = flow.end.min(self.text.len());
        if end <= flow.start {
            return start..start;
        }
        let last = floor_char_boundary(&self.text, end - 1);
        let raw_end = match self.segment_at_flow(last) {
            Some(s) if s.copied => {
                let char_len = self
                    .text
                    .get(last..)
                    .and_then(|t| t.chars().next())
                    .map_or(0, char::len_utf8);
                s.raw + (last - s.flow) + char_len
            }
            Some(s) => s.raw + s.raw_len,
            None => self.raw_end,
        };
        start..raw_end.max(start)
    }

    /// The flow position of a raw offset, if that byte is in the flow text (None for skipped text).
    ///
    /// Skipped ranges, and whitespace before the first or after the last block or between
    /// blocks, give `None`. Whitespace collapsed into a space maps to that space; a line break
    /// or soft hyphen that was removed maps to the flow position of the next char.
    #[must_use]
    pub fn flow_offset(&self, raw: usize) -> Option<usize> {
        let index = self.segments.partition_point(|s| s.raw + s.raw_len <= raw);
        let s = self.segments.get(index).filter(|s| s.raw <= raw)?;
        Some(if s.copied {
            s.flow + (raw - s.raw)
        } else {
            s.flow
        })
    }

    /// The segment holding the flow byte `flow`; segments that produce no flow bytes never do.
    fn segment_at_flow(&self, flow: usize) -> Option<&Segment> {
        let index = self
            .segments
            .partition_point(|s| s.flow + s.flow_len <= flow);
        self.segments.get(index).filter(|s| s.flow <= flow)
    }
}

/// 1-based line and column (column counted in chars) of a raw byte offset.
///
/// Offsets past the end count as the end; offsets inside a char count as its start.
#[must_use]
pub fn line_col(raw: &str, offset: usize) -> (usize, usize) {
    let before = raw.get(..floor_char_boundary(raw, offset)).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before.get(line_start..).map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Normalise a string the way quotes are compared: whitespace runs -> one space, trimmed.
#[must_use]
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The largest char boundary of `s` that is at most `i` (and at most `s.len()`).
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    // Terminates: 0 is always a char boundary, and a char is at most four bytes.
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Length of the leading " date 2025-08-11 " prefix (leading whitespace, `date`, spaces,
/// `YYYY`, optionally `-MM` and `-DD`, then one whitespace char or the end of the text).
fn date_prefix_len(raw: &str) -> Option<usize> {
    let after_word = raw.trim_start().strip_prefix("date")?;
    let date = after_word.trim_start_matches([' ', '\t']);
    if date.len() == after_word.len() {
        return None; // "dated ..." or "date2024": not the metadata word
    }
    let digits = |from: usize, count: usize| {
        date.as_bytes()
            .get(from..from + count)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !digits(0, 4) {
        return None;
    }
    let mut len = 4;
    for _ in 0..2 {
        if date.as_bytes().get(len) == Some(&b'-') && digits(len + 1, 2) {
            len += 3;
        } else {
            break;
        }
    }
    let rest = date.get(len..)?;
    match rest.chars().next() {
        None => Some(raw.len()),
        Some(c) if c.is_whitespace() => Some(raw.len() - rest.len() + c.len_utf8()),
        Some(_) => None, // "date 2024x": not a date
    }
}

/// A paragraph before reflow: a raw range of consecutive non-blank lines.
#[derive(Debug, Clone, Copy)]
struct Group {
    /// Raw start of the first non-whitespace char.
    start: usize,
    /// Raw end of the last non-whitespace char.
    end: usize,
    lines: usize,
    /// Longest line, in chars, trimmed.
    max_line_chars: usize,
}

impl Group {
    /// Shaped like a pull quote: a run of short lines. Still needs the repeated words.
    fn is_narrow_run(&self) -> bool {
        self.lines >= PULL_QUOTE_MIN_LINES && self.max_line_chars <= PULL_QUOTE_MAX_LINE_CHARS
    }
}

/// What grouping and heading detection need to know about one non-blank line.
#[derive(Debug, Clone, Copy)]
struct Line {
    /// Raw range of the trimmed line.
    start: usize,
    end: usize,
    chars: usize,
    /// Starts with a space or tab: a PDF column or page artefact.
    indented: bool,
    ends_sentence: bool,
}

/// A group being collected line by line.
struct OpenGroup {
    first: Line,
    second: Option<Line>,
    last: Line,
    lines: usize,
    max_line_chars: usize,
    /// Longest line after the first, for when the first line is split off as a heading.
    max_rest_chars: usize,
}

impl OpenGroup {
    fn new(line: Line) -> Self {
        OpenGroup {
            first: line,
            second: None,
            last: line,
            lines: 1,
            max_line_chars: line.chars,
            max_rest_chars: 0,
        }
    }

    fn push(&mut self, line: Line) {
        if self.second.is_none() {
            self.second = Some(line);
        }
        self.last = line;
        self.lines += 1;
        self.max_line_chars = self.max_line_chars.max(line.chars);
        self.max_rest_chars = self.max_rest_chars.max(line.chars);
    }

    /// Whether `next` starts a new block although no blank line comes before it.
    fn breaks_before(&self, next: &Line) -> bool {
        self.last.ends_sentence && (next.indented || self.last.chars > UNWRAPPED_LINE_CHARS)
    }

    /// Closes the group, splitting off a heading line where the narrow rule applies.
    fn close(self, raw: &str, groups: &mut Vec<Group>) {
        let whole = Group {
            start: self.first.start,
            end: self.last.end,
            lines: self.lines,
            max_line_chars: self.max_line_chars,
        };
        match self.second {
            Some(second)
                if !whole.is_narrow_run() && splits_off_heading(raw, &self.first, &second) =>
            {
                groups.push(Group {
                    start: self.first.start,
                    end: self.first.end,
                    lines: 1,
                    max_line_chars: self.first.chars,
                });
                groups.push(Group {
                    start: second.start,
                    end: self.last.end,
                    lines: self.lines - 1,
                    max_line_chars: self.max_rest_chars,
                });
            }
            _ => groups.push(whole),
        }
    }
}

/// Splits the raw text from `from` into paragraphs: blank lines separate them, and so does
/// an indented line (or any line after a very long one) following the end of a sentence.
fn group_lines(raw: &str, from: usize) -> Vec<Group> {
    let mut groups = Vec::new();
    let mut open: Option<OpenGroup> = None;
    let mut pos = from;
    loop {
        let rest = raw.get(pos..).unwrap_or("");
        let newline = rest.find('\n');
        let line_end = newline.map_or(raw.len(), |i| pos + i);
        match (line_info(raw, pos..line_end), open.take()) {
            (None, Some(group)) => group.close(raw, &mut groups),
            (None, None) => {}
            (Some(line), Some(group)) if group.breaks_before(&line) => {
                group.close(raw, &mut groups);
                open = Some(OpenGroup::new(line));
            }
            (Some(line), Some(mut group)) => {
                group.push(line);
                open = Some(group);
            }
            (Some(line), None) => open = Some(OpenGroup::new(line)),
        }
        match newline {
            Some(_) => pos = line_end + 1,
            None => break,
        }
    }
    if let Some(group) = open {
        group.close(raw, &mut groups);
    }
    groups
}

/// Facts about the line at `range` (without its `\n`), or `None` if it is blank.
fn line_info(raw: &str, range: Range<usize>) -> Option<Line> {
    let line = raw.get(range.clone())?;
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = range.start + (line.len() - line.trim_start().len());
    Some(Line {
        start,
        end: start + trimmed.len(),
        chars: trimmed.chars().count(),
        indented: line.starts_with([' ', '\t']),
        ends_sentence: ends_sentence(trimmed),
    })
}

/// Ends with `.`, `?`, `!` or `:`, possibly followed by one closing quote.
fn ends_sentence(s: &str) -> bool {
    let mut chars = s.chars().rev();
    match chars.next() {
        Some('.' | '?' | '!' | ':') => true,
        Some('“' | '”' | '"' | '\'' | '’' | '‘' | '»' | '«') => {
            matches!(chars.next(), Some('.' | '?' | '!' | ':'))
        }
        _ => false,
    }
}

/// Whether a paragraph's first line is a heading run into it ("Vermittler gesucht" above
/// "Kasachstan unterhält gute Beziehungen sowohl zu"). Kept narrow because German body lines
/// often end without punctuation and the next line often starts with a capitalised noun:
/// the first line must also be clearly shorter than the second (at most 60 %), which a
/// line of the same column never is except at a paragraph's end.
fn splits_off_heading(raw: &str, first: &Line, second: &Line) -> bool {
    let Some(first_text) = raw.get(first.start..first.end) else {
        return false;
    };
    let second_starts_upper = raw
        .get(second.start..second.end)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    first.chars <= SPLIT_HEADING_MAX_CHARS
        && first.chars * 5 <= second.chars * 3
        && first_text
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        && first_text.split_whitespace().count() <= SPLIT_HEADING_MAX_WORDS
        && second_starts_upper
}

/// Marks the groups that are pull quotes: narrow runs of lines sharing at least
/// [`PULL_QUOTE_RUN`] consecutive words with another group.
fn find_pull_quotes(raw: &str, groups: &[Group]) -> Vec<bool> {
    let mut marked = vec![false; groups.len()];
    let candidates: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].is_narrow_run())
        .collect();
    if candidates.is_empty() {
        return marked;
    }
    // Only the candidates' words get ids, so the scan of the whole article below allocates
    // nothing and any other word simply breaks the run.
    let mut vocabulary: HashMap<String, usize> = HashMap::new();
    let mut runs: HashMap<[usize; PULL_QUOTE_RUN], Vec<usize>> = HashMap::new();
    for &candidate in &candidates {
        let group = &groups[candidate];
        let mut window = Window::default();
        for_each_word(raw.get(group.start..group.end).unwrap_or(""), |word| {
            let next_id = vocabulary.len();
            let id = *vocabulary.entry(word.to_owned()).or_insert(next_id);
            if let Some(run) = window.push(id) {
                let owners = runs.entry(run).or_default();
                if owners.last() != Some(&candidate) {
                    owners.push(candidate);
                }
            }
        });
    }
    for (index, group) in groups.iter().enumerate() {
        let mut window = Window::default();
        for_each_word(raw.get(group.start..group.end).unwrap_or(""), |word| {
            let Some(&id) = vocabulary.get(word) else {
                window.clear();
                return;
            };
            if let Some(owners) = window.push(id).and_then(|run| runs.get(&run)) {
                for &owner in owners.iter().filter(|&&owner| owner != index) {
                    marked[owner] = true;
                }
            }
        });
    }
    marked
}

/// The last [`PULL_QUOTE_RUN`] word ids seen.
#[derive(Default)]
struct Window {
    ids: [usize; PULL_QUOTE_RUN],
    filled: usize,
}

impl Window {
    /// Adds a word; returns the run once the window is full.
    fn push(&mut self, id: usize) -> Option<[usize; PULL_QUOTE_RUN]> {
        self.ids.rotate_left(1);
        self.ids[PULL_QUOTE_RUN - 1] = id;
        self.filled = (self.filled + 1).min(PULL_QUOTE_RUN);
        (self.filled == PULL_QUOTE_RUN).then_some(self.ids)
    }

    fn clear(&mut self) {
        self.filled = 0;
    }
}

/// Calls `f` with each word of `s`, lowercased, with punctuation as separator. Hyphens
/// separate too, so "OSZE-Gipfeltreffen" compares equal whether or not a line break
/// split it; soft hyphens are ignored.
fn for_each_word(s: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in s.chars() {
        if c == SOFT_HYPHEN {
            continue;
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// A run of whitespace and soft hyphens between two visible chars.
struct Gap {
    start: usize,
    end: usize,
    has_newline: bool,
    has_whitespace: bool,
    soft_hyphen_first: bool,
}

/// Appends the reflowed text of `raw[range]` to `out`, recording its map in `segments`.
/// `range` must start and end with non-whitespace (as groups do), but may hold only soft
/// hyphens, in which case nothing is appended.
fn reflow_block(raw: &str, range: Range<usize>, out: &mut String, segments: &mut Vec<Segment>) {
    let Some(block) = raw.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut gap: Option<Gap> = None;
    // The last two chars appended, to recognise "letter, hyphen" before a line break.
    let (mut last, mut before_last): (Option<char>, Option<char>) = (None, None);
    for (i, c) in block.char_indices() {
        if c.is_whitespace() || c == SOFT_HYPHEN {
            let g = gap.get_or_insert(Gap {
                start: i,
                end: i,
                has_newline: false,
                has_whitespace: false,
                soft_hyphen_first: c == SOFT_HYPHEN,
            });
            g.end = i + c.len_utf8();
            g.has_newline |= c == '\n';
            g.has_whitespace |= c.is_whitespace();
            continue;
        }
        // A gap before the first visible char is dropped: blocks are trimmed.
        if let Some(g) = gap.take()
            && last.is_some()
        {
            let hyphen_at_line_end =
                last == Some('-') && before_last.is_some_and(char::is_alphanumeric);
            let joins = !g.has_whitespace
                || (g.has_newline
                    && (g.soft_hyphen_first
                        || (hyphen_at_line_end
                            && !starts_with_conjunction(block.get(i..).unwrap_or("")))));
            let raw_start = base + g.start;
            if joins {
                segments.push(Segment {
                    flow: out.len(),
                    flow_len: 0,
                    raw: raw_start,
                    raw_len: g.end - g.start,
                    copied: false,
                });
            } else {
                if block.get(g.start..g.end) == Some(" ") {
                    push_copy(segments, out.len(), raw_start, 1);
                } else {
                    segments.push(Segment {
                        flow: out.len(),
                        flow_len: 1,
                        raw: raw_start,
                        raw_len: g.end - g.start,
                        copied: false,
                    });
                }
                out.push(' ');
                // The visible char below shifts this into `before_last`.
                last = Some(' ');
            }
        }
        push_copy(segments, out.len(), base + i, c.len_utf8());
        out.push(c);
        (before_last, last) = (last, Some(c));
    }
}

/// Records that `len` flow bytes at `flow` copy the raw bytes at `raw`, extending the
/// previous run when it is contiguous in both.
fn push_copy(segments: &mut Vec<Segment>, flow: usize, raw: usize, len: usize) {
    if let Some(s) = segments.last_mut()
        && s.copied
        && s.flow + s.flow_len == flow
        && s.raw + s.raw_len == raw
    {
        s.flow_len += len;
        s.raw_len += len;
        return;
    }
    segments.push(Segment {
        flow,
        flow_len: len,
        raw,
        raw_len: len,
        copied: true,
    });
}

/// Whether `s` starts with a conjunction that makes a line-end hyphen a suspended compound.
fn starts_with_conjunction(s: &str) -> bool {
    CONJUNCTIONS.iter().any(|word| {
        s.strip_prefix(word)
            .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// The kind of the block `index` of `count`, with text `text` from group `group`.
fn classify(text: &str, group: &Group, index: usize, count: usize) -> BlockKind {
    let short_line =
        |max: usize| group.lines == 1 && text.len() <= max * 4 && text.chars().count() <= max;
    if index == 0
        && short_line(DATELINE_MAX_CHARS)
        && (text.contains('|') || has_numeric_date(text))
    {
        return BlockKind::Meta;
    }
    if count >= 2
        && index + 1 == count
        && text.split_whitespace().nth(SIGNATURE_MAX_WORDS).is_none()
        && !text.contains(['.', '!', '?', ':'])
    {
        return BlockKind::Meta;
    }
    if short_line(HEADING_MAX_CHARS) && !ends_sentence(text) {
        return BlockKind::Heading;
    }
    BlockKind::Body
}

/// Whether `s` contains a date like `22.04.2024` (day and month of one or two digits).
fn has_numeric_date(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Reads a run of `min..=max` digits at `at`; returns the index after it.
    let digits = |at: usize, min: usize, max: usize| {
        let n = bytes.get(at..).map_or(0, |b| {
            b.iter()
                .take(max + 1)
                .take_while(|b| b.is_ascii_digit())
                .count()
        });
        (min..=max).contains(&n).then_some(at + n)
    };
    let dot = |at: usize| (bytes.get(at) == Some(&b'.')).then_some(at + 1);
    (0..bytes.len()).any(|start| {
        let starts_number = start == 0 || bytes.get(start - 1).is_some_and(|b| !b.is_ascii_digit());
        starts_number
            && digits(start, 1, 2)
                .and_then(dot)
                .and_then(|at| digits(at, 1, 2))
                .and_then(dot)
                .and_then(|at| digits(at, 4, 4))
                .is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::test_seeds::{SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, SEEDS};

    fn block_texts(flow: &FlowText) -> Vec<&str> {
        flow.blocks
            .iter()
            .map(|b| &flow.text[b.range.clone()])
            .collect()
    }

    fn kinds(flow: &FlowText) -> Vec<BlockKind> {
        flow.blocks.iter().map(|b| b.kind).collect()
    }

    /// Checks every structural promise of `FlowText` against its raw text.
    fn assert_invariants(raw: &str, flow: &FlowText) {
        let text = &flow.text;
        for i in 0..=text.len() {
            let r = flow.raw_offset(i);
            assert!(
                r <= raw.len() && raw.is_char_boundary(r),
                "flow {i} -> raw {r} in {raw:?}"
            );
        }
        // Visible chars are copied verbatim, so they map to themselves and back.
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_whitespace()) {
            let r = flow.raw_offset(i);
            assert!(
                raw[r..].starts_with(c),
                "{c:?} at flow {i} maps to raw {r} in {raw:?}"
            );
            assert_eq!(flow.flow_offset(r), Some(i));
        }
        let mut expected_start = 0;
        for block in &flow.blocks {
            assert_eq!(block.range.start, expected_start);
            let inner = &text[block.range.clone()];
            assert!(!inner.is_empty());
            assert_eq!(
                inner,
                normalize_ws(inner),
                "block is not single-spaced: {inner:?}"
            );
            assert!(raw.get(flow.raw_range(block.range.clone())).is_some());
            expected_start = block.range.end + 2;
        }
        let joined: Vec<&str> = flow.blocks.iter().map(|b| &text[b.range.clone()]).collect();
        assert_eq!(*text, joined.join("\n\n"));
        for r in 0..=raw.len() + 1 {
            if let Some(f) = flow.flow_offset(r) {
                assert!(f <= text.len());
            }
        }
        for s in &flow.skipped {
            assert!(raw.get(s.raw.clone()).is_some());
            assert!(s.raw.clone().all(|r| flow.flow_offset(r).is_none()));
        }
    }

    #[test]
    fn a_full_date_prefix_is_skipped() {
        let flow = FlowText::from_raw(SEED_000);
        assert!(
            flow.text
                .starts_with("Kasachstans Präsident Kassym-Schomart Tokajew")
        );
        assert_eq!(
            flow.skipped[0],
            Skipped {
                raw: 0..17,
                why: SkipReason::DatePrefix
            }
        );
        assert_eq!(&SEED_000[..17], " date 2025-08-11 ");
    }

    #[test]
    fn a_year_and_month_date_prefix_is_skipped() {
        let flow = FlowText::from_raw(SEED_001);
        assert!(flow.text.starts_with("Seit Ausbruch des Krieges"));
        assert_eq!(
            flow.skipped,
            vec![Skipped {
                raw: 0..14,
                why: SkipReason::DatePrefix
            }]
        );
    }

    #[test]
    fn a_bare_year_date_prefix_is_skipped() {
        let flow = FlowText::from_raw("date 2024 Astana empfängt.");
        assert_eq!(flow.text, "Astana empfängt.");
        assert_eq!(flow.raw_offset(0), 10);
    }

    #[test]
    fn a_date_word_without_a_date_is_kept() {
        assert_eq!(FlowText::from_raw("date 20 Uhr").text, "date 20 Uhr");
        assert_eq!(FlowText::from_raw("dated 2024 x").text, "dated 2024 x");
        assert_eq!(
            FlowText::from_raw(" date 2024-04x y").text,
            "date 2024-04x y"
        );
    }

    #[test]
    fn a_text_without_date_prefix_keeps_its_start() {
        let flow = FlowText::from_raw(SEED_003);
        assert!(flow.skipped.is_empty());
        assert!(flow.text.starts_with("Eigentlich begann alles"));
        assert_eq!(flow.raw_offset(0), 0);
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let flow = FlowText::from_raw("Erster Satz.\nNoch einer.\n\n\n  \nZweiter Absatz.");
        assert_eq!(
            block_texts(&flow),
            ["Erster Satz. Noch einer.", "Zweiter Absatz."]
        );
        assert_eq!(flow.text, "Erster Satz. Noch einer.\n\nZweiter Absatz.");
    }

    #[test]
    fn an_indented_line_after_a_sentence_starts_a_new_block() {
        let flow = FlowText::from_raw("Das ist ein Satz.\n Der nächste Absatz\nläuft weiter.");
        assert_eq!(
            block_texts(&flow),
            ["Das ist ein Satz.", "Der nächste Absatz läuft weiter."]
        );
    }

    #[test]
    fn an_indented_line_after_a_closing_quote_starts_a_new_block() {
        let flow = FlowText::from_raw("Er sagte „genug.“\n Danach kam nichts.");
        assert_eq!(flow.blocks.len(), 2);
    }

    #[test]
    fn an_indented_line_mid_sentence_continues_the_paragraph() {
        let flow = FlowText::from_raw(SEED_002);
        assert!(
            flow.text.contains(
                "den ukrainischen Botschafter in Kasachstan, Petro Wrublewski, zu ersetzen"
            )
        );
        assert!(
            flow.text
                .contains("im Normandie-Format. Da dieses Format heute nicht mehr existiert")
        );
        assert!(
            flow.text
                .contains("des heutigen Präsidenten Toqajew – als Berufsdiplomat,")
        );
    }

    #[test]
    fn a_line_end_hyphen_before_a_word_joins_without_space() {
        let flow = FlowText::from_raw(SEED_002);
        for joined in [
            "OSZE-Gipfeltreffen",
            "„quasi-staatliche Gebiete“",
            "UN-Generalsekretär",
            "UN-Büros",
            "OSZE-Sonderbeobachtungsmission",
        ] {
            assert!(flow.text.contains(joined), "missing {joined}");
        }
    }

    #[test]
    fn a_hyphen_before_und_keeps_its_space() {
        let flow = FlowText::from_raw(SEED_002);
        assert!(
            flow.text
                .contains("enge Wirtschafts- und Handelsbeziehungen")
        );
        for conjunction in ["und", "oder", "bis", "sowie", "bzw."] {
            let flow = FlowText::from_raw(&format!("Staats-\n{conjunction} Regierungschefs"));
            assert_eq!(flow.text, format!("Staats- {conjunction} Regierungschefs"));
        }
        assert_eq!(
            FlowText::from_raw("Staats-\nundenkbar").text,
            "Staats-undenkbar"
        );
    }

    #[test]
    fn a_dash_or_lone_hyphen_at_line_end_keeps_its_space() {
        assert_eq!(FlowText::from_raw("Welt –\nnach").text, "Welt – nach");
        assert_eq!(FlowText::from_raw("Welt -\nnach").text, "Welt - nach");
    }

    #[test]
    fn soft_hyphens_are_removed_everywhere() {
        let flow = FlowText::from_raw("Gip\u{AD}fel\u{AD}\ntreffen in Ge\u{AD}nf \u{AD}");
        assert_eq!(flow.text, "Gipfeltreffen in Genf");
        assert_invariants("Gip\u{AD}fel\u{AD}\ntreffen in Ge\u{AD}nf \u{AD}", &flow);
        assert!(FlowText::from_raw("\u{AD}\u{AD}\n\n\u{AD}").text.is_empty());
    }

    #[test]
    fn crlf_line_endings_behave_like_lf() {
        let lf = FlowText::from_raw(SEED_002);
        let crlf_raw = SEED_002.replace('\n', "\r\n");
        let crlf = FlowText::from_raw(&crlf_raw);
        assert_eq!(crlf.text, lf.text);
        assert_eq!(kinds(&crlf), kinds(&lf));
        assert_eq!(crlf.skipped.len(), lf.skipped.len());
        assert_invariants(&crlf_raw, &crlf);
    }

    #[test]
    fn the_three_pull_quotes_in_002_are_skipped() {
        let flow = FlowText::from_raw(SEED_002);
        let quotes: Vec<String> = flow
            .skipped
            .iter()
            .filter(|s| s.why == SkipReason::PullQuote)
            .map(|s| normalize_ws(&SEED_002[s.raw.clone()]))
            .collect();
        assert_eq!(
            quotes,
            [
                "Die von Kasachstan eingenommene Position zum Krieg in der Ukraine erscheint überraschend eigenständig.",
                "Aussagen einiger russischer Politiker sorgen seit Jahren für Irritationen in Kasachstan.",
                "Die internationale Erfahrung Toqajews stellt eine günstige Voraussetzung für eine konstruktive Rolle Kasachstans bei der Suche nach einem Ausweg aus dem Krieg in der Ukraine dar.",
            ]
        );
        assert!(
            !flow
                .text
                .contains("Aussagen einiger russischer Politiker sorgen")
        );
        // The body versions of the quoted sentences stay.
        assert!(flow.text.contains(
            "Zweitens sorgen die Aussagen einiger russischer Politiker seit Jahren für Irritationen"
        ));
        assert!(
            flow.text
                .contains("Ausland exportiert.\n\nAngesichts solcher")
        );
    }

    #[test]
    fn narrow_column_body_text_is_never_a_pull_quote() {
        let flow = FlowText::from_raw(SEED_002);
        let texts = block_texts(&flow);
        for start in [
            "Angesichts solcher fest etablierten",
            "Zweitens sorgen",
            "Kasachstan ist auch ein aktives Mitglied",
        ] {
            let block = texts
                .iter()
                .position(|t| t.starts_with(start))
                .unwrap_or_else(|| panic!("no block {start}"));
            assert_eq!(flow.blocks[block].kind, BlockKind::Body);
        }
    }

    #[test]
    fn no_other_seed_has_pull_quotes() {
        for raw in [SEED_000, SEED_001, SEED_003, SEED_004] {
            let flow = FlowText::from_raw(raw);
            assert!(flow.skipped.iter().all(|s| s.why != SkipReason::PullQuote));
        }
    }

    #[test]
    fn a_narrow_block_without_a_repeated_run_is_kept() {
        let raw = "Ein Absatz über Astana im Winter.\n\nKurze Zeilen\nmit eigenem Inhalt\nüber Astana und\nAlmaty im Sommer.";
        let flow = FlowText::from_raw(raw);
        assert_eq!(flow.blocks.len(), 2);
        assert!(flow.skipped.is_empty());
    }

    #[test]
    fn a_narrow_block_repeating_five_words_is_a_pull_quote() {
        let raw = "Die Gespräche in Astana brachten keinen Durchbruch.\n\nDie Gespräche\nin Astana brachten\nkeinen Erfolg.";
        let flow = FlowText::from_raw(raw);
        assert_eq!(
            flow.text,
            "Die Gespräche in Astana brachten keinen Durchbruch."
        );
        let quote = raw.rfind("Die Gespräche").unwrap_or(0);
        assert_eq!(
            flow.skipped,
            vec![Skipped {
                raw: quote..raw.len(),
                why: SkipReason::PullQuote
            }]
        );
        assert_eq!(flow.flow_offset(quote + 5), None);
    }

    #[test]
    fn the_dateline_and_signature_of_002_are_meta() {
        let flow = FlowText::from_raw(SEED_002);
        let texts = block_texts(&flow);
        assert_eq!(texts[0], "ASIEN 22.04.2024 | Alexandra Sitenko");
        assert_eq!(flow.blocks[0].kind, BlockKind::Meta);
        assert_eq!(texts.last(), Some(&"Alexandra Sitenko"));
        assert_eq!(flow.blocks.last().map(|b| b.kind), Some(BlockKind::Meta));
    }

    #[test]
    fn a_short_last_block_is_meta() {
        for raw in [SEED_000, SEED_004] {
            let flow = FlowText::from_raw(raw);
            assert_eq!(block_texts(&flow).last(), Some(&"DAZ"));
            assert_eq!(flow.blocks.last().map(|b| b.kind), Some(BlockKind::Meta));
        }
        // A lone short text is not a signature of anything.
        assert_eq!(kinds(&FlowText::from_raw("DAZ")), [BlockKind::Heading]);
    }

    #[test]
    fn a_single_short_line_is_a_heading() {
        let flow = FlowText::from_raw(SEED_000);
        let texts = block_texts(&flow);
        let heading = texts
            .iter()
            .position(|t| *t == "Kasachstan als neutraler Gastgeber");
        assert_eq!(
            heading.map(|i| flow.blocks[i].kind),
            Some(BlockKind::Heading)
        );
        let headings: Vec<&str> = flow
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| &flow.text[b.range.clone()])
            .collect();
        assert_eq!(headings, ["Kasachstan als neutraler Gastgeber"]);
        let flow = FlowText::from_raw(SEED_004);
        let headings: Vec<&str> = flow
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| &flow.text[b.range.clone()])
            .collect();
        assert_eq!(
            headings,
            [
                "Kasachstan als wirtschaftliches Drehkreuz",
                "Auf der Suche nach pragmatischen Partnerschaften"
            ]
        );
    }

    #[test]
    fn a_short_first_line_above_a_wider_paragraph_is_split_off_as_heading() {
        let flow = FlowText::from_raw(SEED_002);
        let texts = block_texts(&flow);
        assert_eq!(texts[1], "Vermittler gesucht");
        assert_eq!(flow.blocks[1].kind, BlockKind::Heading);
        assert!(texts[2].starts_with("Kasachstan unterhält gute Beziehungen sowohl zu Russland"));
        assert_eq!(flow.blocks[2].kind, BlockKind::Body);
        let headings = flow
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        assert_eq!(headings, 1);
    }

    #[test]
    fn a_normal_narrow_paragraph_is_not_split() {
        let flow = FlowText::from_raw(
            "Angesichts solcher fest etablierten\nBeziehungen mit Moskau in strategisch\nwichtigen Bereichen.",
        );
        assert_eq!(flow.blocks.len(), 1);
        assert_eq!(flow.blocks[0].kind, BlockKind::Body);
    }

    #[test]
    fn long_unwrapped_lines_are_paragraphs_of_their_own() {
        let flow = FlowText::from_raw(SEED_003);
        assert_eq!(flow.blocks.len(), 6);
        assert!(flow.blocks.iter().all(|b| b.kind == BlockKind::Body));
        assert!(
            block_texts(&flow)[1].starts_with("Tokajew äußerte sich auch zum Thema Konflikte.")
        );
    }

    #[test]
    fn every_seed_keeps_all_invariants() {
        for raw in SEEDS {
            assert_invariants(raw, &FlowText::from_raw(raw));
        }
    }

    #[test]
    fn raw_range_of_st_petersburg_spans_the_line_break() {
        let flow = FlowText::from_raw(SEED_002);
        let at = flow.text.find("St. Petersburg").unwrap_or(usize::MAX);
        let raw = flow.raw_range(at..at + "St. Petersburg".len());
        assert_eq!(&SEED_002[raw.clone()], "St.\nPetersburg");
        assert_eq!(line_col(SEED_002, raw.start), (61, 37));
        assert_eq!(line_col(SEED_002, raw.end), (62, 11));
    }

    #[test]
    fn raw_range_ends_at_the_end_of_a_multibyte_char() {
        let raw = "x  Präsident\nTürkei";
        let flow = FlowText::from_raw(raw);
        assert_eq!(flow.text, "x Präsident Türkei");
        assert_eq!(&raw[flow.raw_range(2..12)], "Präsident");
        assert_eq!(&raw[flow.raw_range(1..4)], "  Pr");
        assert_eq!(&raw[flow.raw_range(13..20)], "Türkei");
        // Ranges inside a char widen to the whole char; empty ranges stay empty.
        assert_eq!(&raw[flow.raw_range(4..5)], "ä");
        assert_eq!(flow.raw_range(5..5), 5..5);
        assert_eq!(
            flow.raw_range(Range { start: 9, end: 3 }),
            flow.raw_offset(9)..flow.raw_offset(9)
        );
    }

    #[test]
    fn raw_offset_at_the_text_end_is_the_raw_end_of_the_last_char() {
        let raw = " date 2024 Genf\n\nDAZ \n\n";
        let flow = FlowText::from_raw(raw);
        assert_eq!(flow.text, "Genf\n\nDAZ");
        assert_eq!(flow.raw_offset(flow.text.len()), 20);
        assert_eq!(flow.raw_offset(usize::MAX), 20);
        // The separator points at the end of the block before it.
        assert_eq!(flow.raw_offset(4), 15);
        assert_eq!(flow.flow_offset(16), None);
    }

    #[test]
    fn collapsed_whitespace_maps_to_its_space() {
        let raw = "Baku \t\n  und Jerewan";
        let flow = FlowText::from_raw(raw);
        assert_eq!(flow.text, "Baku und Jerewan");
        assert_eq!(flow.raw_offset(4), 4);
        assert_eq!(flow.raw_range(4..5), 4..9);
        assert_eq!(
            (5..9).map(|r| flow.flow_offset(r)).collect::<Vec<_>>(),
            [Some(4); 4]
        );
        assert_eq!(flow.flow_offset(9), Some(5));
    }

    #[test]
    fn empty_and_whitespace_only_input_give_empty_text() {
        for raw in ["", " ", "\n\n\n", " \r\n\t \n", "\u{AD}"] {
            let flow = FlowText::from_raw(raw);
            assert_eq!(flow.text, "");
            assert!(flow.blocks.is_empty());
            assert_eq!(flow.raw_offset(0), 0);
            assert_eq!(flow.raw_range(0..10), 0..0);
            assert_eq!(flow.flow_offset(0), None);
        }
    }

    #[test]
    fn a_text_without_paragraph_breaks_is_one_block() {
        let raw = "eins zwei drei ".repeat(20_000);
        let flow = FlowText::from_raw(&raw);
        assert_eq!(flow.blocks.len(), 1);
        assert_eq!(flow.blocks[0].kind, BlockKind::Body);
        assert_eq!(flow.text.len(), raw.len() - 1);
        // Plain single spaces are copied, so the whole line is one run.
        assert_eq!(flow.segments.len(), 1);
    }

    #[test]
    fn five_megabytes_reflow_without_trouble() {
        let raw = SEEDS.join("\n\n").repeat(5_000_000 / 25_000 + 1);
        assert!(raw.len() > 5_000_000);
        let flow = FlowText::from_raw(&raw);
        assert!(flow.text.len() > 4_500_000);
        let pull_quotes = flow
            .skipped
            .iter()
            .filter(|s| s.why == SkipReason::PullQuote)
            .count();
        assert_eq!(pull_quotes, 3 * 201);
        let last = flow.blocks.last().map_or(0..0, |b| b.range.clone());
        assert_eq!(&raw[flow.raw_range(last)], "DAZ");
    }

    #[test]
    fn line_col_counts_lines_and_chars() {
        let raw = "Aşgabat\nTürkei\r\nGenf";
        assert_eq!(line_col(raw, 0), (1, 1));
        assert_eq!(line_col(raw, 3), (1, 3));
        assert_eq!(line_col(raw, 2), (1, 2)); // inside "ş": its start
        assert_eq!(line_col(raw, 9), (2, 1));
        assert_eq!(line_col(raw, raw.len()), (3, 5));
        assert_eq!(line_col(raw, usize::MAX), (3, 5));
        assert_eq!(line_col("", 5), (1, 1));
    }

    #[test]
    fn normalize_ws_collapses_and_trims() {
        assert_eq!(normalize_ws("  St.\n Petersburg\t\r\n"), "St. Petersburg");
        assert_eq!(normalize_ws(" \n "), "");
    }

    #[test]
    fn random_inputs_keep_all_invariants() {
        const PIECES: [&str; 22] = [
            "a",
            "Ä",
            "ß",
            "-",
            "\u{AD}",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            ".",
            "“",
            "und",
            "date 2024 ",
            " date ",
            "2024-04",
            "Ölpreis",
            "€",
            "\t",
            "|",
            "xyzzy wort ",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        // A xorshift generator: deterministic, so a failure always reproduces.
        let mut next = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % 1_000_003).unwrap_or(0) % below
        };
        for _ in 0..3_000 {
            let len = next(40);
            let raw: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_invariants(&raw, &FlowText::from_raw(&raw));
        }
        // Narrow repeated runs also exercise pull-quote detection.
        for _ in 0..300 {
            let words: Vec<&str> = (0..8)
                .map(|_| ["eins", "zwei", "drei", "vier"][next(4)])
                .collect();
            let raw = format!(
                "{}.\n\n{}\n{}\n{}",
                words.join(" "),
                words[..3].join(" "),
                words[3..6].join(" "),
                words[6..].join(" ")
            );
            assert_invariants(&raw, &FlowText::from_raw(&raw));
        }
    }
}
