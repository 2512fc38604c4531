//! Search across places, events and article text, blind to case, umlauts and diacritics.
//!
//! Query and texts go through the same [`fold`]: lower case, diacritics stripped, German umlaut
//! spellings (`ae`, `oe`, `ue`) merged with the plain vowel, dashes read as spaces and whitespace
//! collapsed. "Türkei", "Tuerkei" and "turkei" therefore all meet, and so do "Aşgabat" and
//! "Asgabat". Folding is symmetric, not linguistic: "Michael" folds to "michal" as well, which
//! costs the odd extra hit and no missed one for whole words.
//!
//! [`SearchIndex`] folds every name, title and article once; a query then is plain substring
//! search over the folded strings, which takes well under a millisecond on ten thousand events.
//! Article passages are found in the folded flow text and mapped back through [`Folded`] to the
//! original flow text, so the reader can highlight exactly what matched.

use std::ops::Range;

use super::{ArticleIdx, Atlas, EventIdx, PlaceIdx};
use crate::i18n::Lang;

/// Queries of fewer folded chars than this only find names and titles that start with them.
pub const MIN_PASSAGE_QUERY_CHARS: usize = 2;
/// At most this many hits per article.
pub const HITS_PER_ARTICLE: usize = 5;
/// Chars of article text shown on either side of a passage match.
pub const SNIPPET_CONTEXT_CHARS: usize = 60;

/// Folds `text` for comparison: see the [module documentation](self).
#[must_use]
pub fn fold(text: &str) -> String {
    let mut folder = Folder::new(text.len(), false);
    folder.fold(text);
    folder.text
}

/// A folded text that remembers where each of its bytes came from in the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    text: String,
    /// `origin[i]` is the original byte offset of the char that produced folded byte `i`; the
    /// extra last entry is the end of the last original char that was consumed.
    origin: Vec<usize>,
}

impl Folded {
    /// Folds `original` as [`fold`] does, keeping the offset map.
    #[must_use]
    pub fn new(original: &str) -> Self {
        let mut folder = Folder::new(original.len(), true);
        folder.fold(original);
        folder.origin.push(folder.consumed_end);
        Self {
            text: folder.text,
            origin: folder.origin,
        }
    }

    /// The folded text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original byte range that the folded range `folded` stands for: from the start of the
    /// char that produced its first byte to the end of the char that produced its last, including
    /// anything folded away in between (the `e` of "ue", a soft hyphen). Out-of-range input is
    /// clamped; an empty range maps to an empty range.
    #[must_use]
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let last = self.origin.len().saturating_sub(1);
        let start_at = folded.start.min(last);
        let end_at = folded.end.min(last);
        let start = self.origin.get(start_at).copied().unwrap_or(0);
        if end_at <= start_at {
            return start..start;
        }
        // The char that produced the last matched byte may have produced more bytes ("ß" is
        // "ss"); the range ends where the next original char begins.
        let last_char = self.origin.get(end_at - 1).copied().unwrap_or(start);
        let end = self
            .origin
            .get(end_at..)
            .and_then(|rest| rest.iter().find(|&&o| o != last_char))
            .copied()
            .unwrap_or(last_char);
        start..end.max(start)
    }

    /// The first folded byte that comes from original offset `original` or later.
    #[must_use]
    pub fn folded_offset(&self, original: usize) -> usize {
        let bytes = self.origin.get(..self.text.len()).unwrap_or(&[]);
        bytes.partition_point(|&o| o < original)
    }
}

/// The two-step folding state: chars are mapped one by one, then umlaut spellings and
/// whitespace runs are merged against what was already written.
struct Folder {
    text: String,
    origin: Vec<usize>,
    keep_origin: bool,
    /// A space is written only once the next visible char arrives, so runs collapse and the
    /// text never ends in one.
    pending_space: Option<usize>,
    /// End of the last original char that produced output or was merged away.
    consumed_end: usize,
}

impl Folder {
    fn new(capacity: usize, keep_origin: bool) -> Self {
        Self {
            text: String::with_capacity(capacity),
            origin: Vec::with_capacity(if keep_origin { capacity + 1 } else { 0 }),
            keep_origin,
            pending_space: None,
            consumed_end: 0,
        }
    }

    fn fold(&mut self, text: &str) {
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if c.is_ascii() {
                self.push(c.to_ascii_lowercase(), at, end);
                continue;
            }
            for lower in c.to_lowercase() {
                match base_letters(lower) {
                    Some(letters) => {
                        for letter in letters.chars() {
                            self.push(letter, at, end);
                        }
                    }
                    None => self.push(lower, at, end),
                }
            }
        }
    }

    /// Writes one mapped char that came from the original bytes `at..end`.
    fn push(&mut self, c: char, at: usize, end: usize) {
        if c.is_whitespace() || c == '-' {
            if !self.text.is_empty() && self.pending_space.is_none() {
                self.pending_space = Some(at);
            }
            return;
        }
        if let Some(space_at) = self.pending_space.take() {
            self.write(' ', space_at);
        } else if c == 'e' && self.text.ends_with(['a', 'o', 'u']) {
            // "ae", "oe", "ue" spell "ä", "ö", "ü", which are already folded to the vowel.
            self.consumed_end = end;
            return;
        }
        self.write(c, at);
        self.consumed_end = end;
    }

    fn write(&mut self, c: char, at: usize) {
        self.text.push(c);
        if self.keep_origin {
            self.origin.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
    }
}

/// What a lower-case non-ASCII char folds to, if not itself: its base letters, `" "` for a
/// space or dash, `"'"` for an apostrophe, `""` for a char that is dropped.
fn base_letters(c: char) -> Option<&'static str> {
    let letters = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ə' | 'ǝ' | 'ẹ' | 'ẽ' => {
            "e"
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' => {
            "u"
        }
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        // Russian texts write "е" for "ё" more often than not.
        'ё' => "е",
        // Uzbek and Turkmen Latin write "oʻ", "gʻ" with any of these.
        'ʻ' | 'ʼ' | 'ʹ' | '‘' | '’' | '´' => "'",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => " ",
        // Soft hyphen, zero-width spaces and joiners, byte order mark; combining accents of
        // decomposed text ("e" + U+0301) and the dot that lower-casing "İ" leaves behind.
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{300}'..='\u{36F}' => "",
        _ => return None,
    };
    Some(letters)
}

/// What a search hit points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitTarget {
    Place(PlaceIdx),
    Event(EventIdx),
    /// A passage of an article: `flow` is the matched byte range in its flow text. A match in
    /// the article's title has an empty range at the start.
    Article {
        article: ArticleIdx,
        flow: Range<usize>,
    },
}

/// One search result, ready to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub target: HitTarget,
    /// The place name, event title or article title in the interface language.
    pub title: String,
    /// A second line: for a place, the name or alias that matched when it is not the title
    /// (else empty); for an event, its date; for an article passage, the text around the match
    /// on one line, with "…" where it was cut.
    pub context: String,
    /// The match inside `context`, for highlighting; empty if `context` does not show it.
    pub matched: Range<usize>,
}

/// How well a name matches a query; better first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Exact,
    Prefix,
    Substring,
}

/// A folded query: the whole phrase and its words, and how to answer it.
struct Query<'q> {
    phrase: &'q str,
    words: Vec<&'q str>,
    /// Too short for substring and passage matches.
    short: bool,
    lang: Lang,
    limit: usize,
}

impl Query<'_> {
    /// How `name` (folded) matches: all of it, its start, or every word somewhere in it.
    fn rank(&self, name: &str) -> Option<Rank> {
        if name == self.phrase {
            Some(Rank::Exact)
        } else if name.starts_with(self.phrase) {
            Some(Rank::Prefix)
        } else if !self.short && self.words.iter().all(|w| name.contains(w)) {
            Some(Rank::Substring)
        } else {
            None
        }
    }

    /// Where to highlight in `folded`: the phrase, else the first word.
    fn find(&self, folded: &str) -> Option<Range<usize>> {
        let word = self.words.first().copied().unwrap_or(self.phrase);
        [self.phrase, word]
            .into_iter()
            .find_map(|q| folded.find(q).map(|at| at..at + q.len()))
    }
}

/// An article, folded.
#[derive(Debug, Clone)]
struct ArticleText {
    titles: [String; 2],
    flow: Folded,
    /// The paragraphs, as ranges of the folded flow text.
    blocks: Vec<Range<usize>>,
}

/// Every searchable string of an atlas, folded once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Per place: German, English and local name, then the aliases.
    places: Vec<Vec<String>>,
    /// Per event: German and English title.
    events: Vec<[String; 2]>,
    articles: Vec<ArticleText>,
}

impl SearchIndex {
    /// Folds the names, titles and texts of `atlas`.
    #[must_use]
    pub fn new(atlas: &Atlas) -> Self {
        let places = atlas
            .places
            .iter()
            .map(|p| {
                [&p.name_de, &p.name_en, &p.name_local, &p.name_ru]
                    .into_iter()
                    .chain(p.aliases.iter().map(|a| &a.name))
                    .map(|name| fold(name))
                    .collect()
            })
            .collect();
        let events = atlas
            .events
            .iter()
            .map(|e| [fold(&e.title_de), fold(&e.title_en)])
            .collect();
        let articles = atlas
            .articles
            .iter()
            .map(|a| {
                let flow = Folded::new(&a.flow.text);
                let blocks = a
                    .flow
                    .blocks
                    .iter()
                    .map(|b| flow.folded_offset(b.range.start)..flow.folded_offset(b.range.end))
                    .collect();
                ArticleText {
                    titles: [fold(&a.title_de), fold(&a.title_en)],
                    flow,
                    blocks,
                }
            })
            .collect();
        Self {
            places,
            events,
            articles,
        }
    }

    /// Finds `query` in `atlas` (the atlas this index was built from), at most `limit` hits:
    ///
    /// 1. places whose name or alias matches, exact matches first, then names that start with
    ///    the query, then names that contain it; ties in gazetteer order;
    /// 2. events whose German or English title matches, in date order;
    /// 3. article title matches and passages, in article order, at most [`HITS_PER_ARTICLE`]
    ///    per article.
    ///
    /// Every word of the query must occur in a name or title (in any order). A passage is an
    /// occurrence of the whole query; an article without one still yields, for a query of
    /// several words, each paragraph that holds all of them, pointing at its first word. A
    /// query shorter than [`MIN_PASSAGE_QUERY_CHARS`] only finds names and titles that start
    /// with it, and an empty one finds nothing.
    #[must_use]
    pub fn search(&self, atlas: &Atlas, query: &str, lang: Lang, limit: usize) -> Vec<Hit> {
        let phrase = fold(query);
        if phrase.is_empty() || limit == 0 {
            return Vec::new();
        }
        let query = Query {
            phrase: &phrase,
            words: phrase.split(' ').collect(),
            short: phrase.chars().count() < MIN_PASSAGE_QUERY_CHARS,
            lang,
            limit,
        };
        let mut hits = self.place_hits(atlas, &query);
        hits.truncate(limit);
        self.event_hits(atlas, &query, &mut hits);
        if !query.short {
            self.article_hits(atlas, &query, &mut hits);
        }
        hits
    }

    fn place_hits(&self, atlas: &Atlas, query: &Query) -> Vec<Hit> {
        let lang = query.lang;
        let mut ranked: Vec<(Rank, Hit)> = Vec::new();
        for (i, (place, names)) in atlas.places.iter().zip(&self.places).enumerate() {
            let title = place.name(lang);
            // Among equally good names, the one shown as the title wins, so that no second
            // line is needed.
            let title_slot = match lang {
                Lang::Ru if !place.name_ru.is_empty() => 3,
                Lang::En | Lang::Ru if !place.name_en.is_empty() => 1,
                _ => 0,
            };
            let best = names
                .iter()
                .enumerate()
                .filter_map(|(slot, name)| query.rank(name).map(|rank| (rank, slot)))
                .min_by_key(|&(rank, slot)| (rank, slot != title_slot, slot));
            let Some((rank, slot)) = best else {
                continue;
            };
            let original = match slot {
                0 => place.name_de.as_str(),
                1 => place.name_en.as_str(),
                2 => place.name_local.as_str(),
                3 => place.name_ru.as_str(),
                _ => place.aliases.get(slot - 4).map_or("", |a| a.name.as_str()),
            };
            let (context, matched) = if original == title {
                (String::new(), 0..0)
            } else {
                let folded = Folded::new(original);
                let matched = query
                    .find(folded.as_str())
                    .map_or(0..0, |r| folded.original_range(r));
                (original.to_owned(), matched)
            };
            let hit = Hit {
                target: HitTarget::Place(PlaceIdx::from_index(i)),
                title: title.to_owned(),
                context,
                matched,
            };
            ranked.push((rank, hit));
        }
        // A stable sort keeps gazetteer order within a rank.
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, hit)| hit).collect()
    }

    fn event_hits(&self, atlas: &Atlas, query: &Query, hits: &mut Vec<Hit>) {
        let (lang, limit) = (query.lang, query.limit);
        for (i, (event, titles)) in atlas.events.iter().zip(&self.events).enumerate() {
            if hits.len() >= limit {
                return;
            }
            if titles.iter().any(|t| query.rank(t).is_some()) {
                hits.push(Hit {
                    target: HitTarget::Event(EventIdx::from_index(i)),
                    title: event.title(lang).to_owned(),
                    context: crate::i18n::format_when(event.when, lang),
                    matched: 0..0,
                });
            }
        }
    }

    fn article_hits(&self, atlas: &Atlas, query: &Query, hits: &mut Vec<Hit>) {
        let (lang, limit) = (query.lang, query.limit);
        for (i, (article, text)) in atlas.articles.iter().zip(&self.articles).enumerate() {
            let room = HITS_PER_ARTICLE.min(limit.saturating_sub(hits.len()));
            if room == 0 {
                return;
            }
            let title = article.title(lang);
            let idx = ArticleIdx::from_index(i);
            let hit = |flow: Range<usize>, context: String, matched: Range<usize>| Hit {
                target: HitTarget::Article { article: idx, flow },
                title: title.to_owned(),
                context,
                matched,
            };
            let mut found = Vec::with_capacity(room);
            if text.titles.iter().any(|t| query.rank(t).is_some()) {
                found.push(hit(0..0, String::new(), 0..0));
            }
            let folded = text.flow.as_str();
            let mut passages: Vec<Range<usize>> = folded
                .match_indices(query.phrase)
                .take(room - found.len())
                .map(|(at, m)| at..at + m.len())
                .collect();
            if passages.is_empty() && query.words.len() > 1 {
                passages = text
                    .blocks
                    .iter()
                    .filter_map(|block| {
                        let paragraph = folded.get(block.clone())?;
                        if !query.words.iter().all(|w| paragraph.contains(w)) {
                            return None;
                        }
                        let at = block.start + query.find(paragraph)?.start;
                        Some(at..at + query.words.first().map_or(0, |w| w.len()))
                    })
                    .take(room - found.len())
                    .collect();
            }
            for passage in passages {
                let flow = text.flow.original_range(passage);
                let (context, matched) = snippet(&article.flow.text, flow.clone());
                found.push(hit(flow, context, matched));
            }
            hits.extend(found);
        }
    }
}

/// The text around `range` of `text` on one line: up to [`SNIPPET_CONTEXT_CHARS`] chars on either
/// side, cut back to whole words, with "…" where the text goes on. Returns the snippet and the
/// range of the match in it.
fn snippet(text: &str, range: Range<usize>) -> (String, Range<usize>) {
    let (Some(before), Some(middle), Some(after)) = (
        text.get(..range.start),
        text.get(range.clone()),
        text.get(range.end..),
    ) else {
        return (String::new(), 0..0);
    };
    let start = before
        .char_indices()
        .rev()
        .nth(SNIPPET_CONTEXT_CHARS - 1)
        .map_or(0, |(at, _)| at);
    let end = after
        .char_indices()
        .nth(SNIPPET_CONTEXT_CHARS)
        .map_or(after.len(), |(at, _)| at);
    let mut left = &before[start..];
    let mut right = &after[..end];
    let cut_left = start > 0;
    let cut_right = end < after.len();
    // Drop the word the cut went through, unless that would drop everything.
    if cut_left && let Some(space) = left.find(char::is_whitespace) {
        left = &left[space..];
    }
    if cut_right && let Some(space) = right.rfind(char::is_whitespace) {
        right = &right[..space];
    }

    let mut out = String::with_capacity(left.len() + middle.len() + right.len() + 8);
    if cut_left {
        out.push('…');
    }
    push_one_line(&mut out, left.trim_start());
    let matched_start = out.len();
    push_one_line(&mut out, middle);
    let matched = matched_start..out.len();
    push_one_line(&mut out, right.trim_end());
    if cut_right {
        out.push('…');
    }
    (out, matched)
}

/// Appends `text` with every whitespace run (paragraph breaks included) as one space.
fn push_one_line(out: &mut String, text: &str) {
    let mut in_space = out.ends_with(' ');
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::ingest::{Corpus, load};
    use crate::model::Date;

    /// The shipped corpus, loaded once for all tests.
    static SHIPPED: LazyLock<(Atlas, SearchIndex)> = LazyLock::new(|| {
        let today = Date::Day {
            year: 2026,
            month: 11,
            day: 23,
        };
        let atlas = load(&Corpus::Embedded, today).atlas;
        let index = SearchIndex::new(&atlas);
        (atlas, index)
    });

    fn search(query: &str, lang: Lang) -> Vec<Hit> {
        let (atlas, index) = &*SHIPPED;
        index.search(atlas, query, lang, 100)
    }

    fn place(id: &str) -> HitTarget {
        HitTarget::Place(SHIPPED.0.place_by_id(id).expect("place in the gazetteer"))
    }

    fn event(id: &str) -> HitTarget {
        HitTarget::Event(SHIPPED.0.event_by_id(id).expect("event in the data"))
    }

    /// Checks `fold` on pairs of text and its folded form.
    fn assert_folds(cases: &[(&str, &str)]) {
        for &(text, folded) in cases {
            assert_eq!(fold(text), folded, "{text}");
        }
    }

    #[test]
    fn fold_strips_case_and_diacritics() {
        assert_folds(&[
            ("Aşgabat", "asgabat"),
            ("Əliyev", "eliyev"),
            ("Straße", "strasse"),
            ("ÇĞIİ ñ Łódź", "cgii n lodz"),
            ("Škoda Čačak Ćevap Žižek", "skoda cacak cevap zizek"),
            ("Ýyldyz ÿ", "yyldyz y"),
            ("cafe\u{301}", "cafe"),
            ("Oʻzbekiston", "o'zbekiston"),
        ]);
    }

    #[test]
    fn umlauts_and_their_spellings_fold_alike() {
        assert_folds(&[
            ("Türkei", "turkei"),
            ("Tuerkei", "turkei"),
            ("TURKEI", "turkei"),
            ("Österreich", "osterreich"),
            ("Oesterreich", "osterreich"),
            ("Äußerung", "ausserung"),
            ("Aeusserung", "ausserung"),
            ("Ærø Œuvre", "aro ouvre"),
            ("aero oeuvre", "aro ouvre"),
            // Not an umlaut spelling across a word break.
            ("zu essen", "zu essen"),
        ]);
    }

    #[test]
    fn cyrillic_and_armenian_are_only_lower_cased() {
        assert_folds(&[("Астана", "астана"), ("Երևան", "երևան"), ("ЁЛКА", "елка")]);
    }

    #[test]
    fn whitespace_and_dashes_collapse_to_one_space() {
        assert_eq!(
            fold("  Nur-Sultan \n\t Tokajew–Alijew  "),
            "nur sultan tokajew alijew"
        );
        assert_eq!(fold(" \u{A0}- "), "");
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let original = "Die  Seidenstraße über Tuerkei";
        let folded = Folded::new(original);
        assert_eq!(folded.as_str(), "die seidenstrasse uber turkei");
        for (needle, expected) in [
            ("seidenstrasse", "Seidenstraße"),
            ("strass", "straß"),
            ("uber", "über"),
            ("turk", "Tuerk"),
            ("die seiden", "Die  Seiden"),
        ] {
            let at = folded.as_str().find(needle).expect("needle in folded text");
            let range = folded.original_range(at..at + needle.len());
            assert_eq!(&original[range], expected);
        }
        assert_eq!(
            folded.folded_offset(original.find("über").expect("über")),
            18
        );
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(search("", Lang::De).is_empty());
        assert!(search("   \n ", Lang::De).is_empty());
        assert!(search(" - ", Lang::En).is_empty());
    }

    #[test]
    fn an_alias_finds_its_place_first_and_is_shown() {
        let hits = search("eriwan", Lang::De);
        let first = hits.first().expect("a hit");
        assert_eq!(first.target, place("jerewan"));
        assert_eq!(first.title, "Jerewan");
        assert_eq!(first.context, "Eriwan");
        assert_eq!(&first.context[first.matched.clone()], "Eriwan");
    }

    #[test]
    fn ashgabat_is_found_however_it_is_spelled() {
        for query in ["Aschgabat", "aşgabat", "ASCHGABAT", "Ashgabat"] {
            let hits = search(query, Lang::En);
            let first = hits.first().expect("a hit");
            assert_eq!(first.target, place("aschgabat"), "{query}");
            assert_eq!(first.title, "Ashgabat");
        }
    }

    #[test]
    fn turkey_is_found_with_or_without_its_umlaut() {
        for query in ["turkei", "Tuerkei", "türkei"] {
            let hits = search(query, Lang::De);
            assert_eq!(
                hits.first().map(|h| &h.target),
                Some(&place("turkey")),
                "{query}"
            );
            assert_eq!(hits[0].title, "Türkei");
            assert!(hits[0].context.is_empty());
        }
    }

    #[test]
    fn exact_names_come_before_longer_ones() {
        let hits = search("astana", Lang::De);
        assert_eq!(hits.first().map(|h| &h.target), Some(&place("astana")));
        // Events titled "… Astana …" follow the places.
        let first_event = hits
            .iter()
            .position(|h| matches!(h.target, HitTarget::Event(_)))
            .expect("an event about Astana");
        assert!(
            hits[..first_event]
                .iter()
                .all(|h| matches!(h.target, HitTarget::Place(_)))
        );
    }

    #[test]
    fn event_titles_are_found_in_either_language_in_date_order() {
        let hits = search("Almaty-Runde", Lang::En);
        let events: Vec<(EventIdx, &Hit)> = hits
            .iter()
            .filter_map(|h| match h.target {
                HitTarget::Event(e) => Some((e, h)),
                _ => None,
            })
            .collect();
        assert_eq!(events.len(), 2, "{hits:#?}");
        assert!(events[0].0 < events[1].0);
        for (e, hit) in events {
            let event = SHIPPED.0.event(e);
            assert!(event.title_de.contains("Almaty-Runde"));
            assert_eq!(hit.title, event.title_en);
            assert_eq!(hit.context, crate::i18n::format_when(event.when, Lang::En));
        }
    }

    #[test]
    fn every_word_of_a_query_must_occur() {
        let hits = search("runde syrien", Lang::De);
        assert!(
            hits.iter()
                .any(|h| h.target == event_with("Erste Runde der Astana"))
        );
        assert!(
            hits.iter()
                .all(|h| !matches!(h.target, HitTarget::Event(e) if SHIPPED.0.event(e).title_de.contains("Almaty-Runde")))
        );
    }

    fn event_with(title_start: &str) -> HitTarget {
        let (atlas, _) = &*SHIPPED;
        let id = atlas
            .events
            .iter()
            .find(|e| e.title_de.starts_with(title_start))
            .map(|e| e.id.clone())
            .expect("an event with that title");
        event(&id)
    }

    #[test]
    fn passages_point_at_the_matched_words_in_the_flow_text() {
        let (atlas, _) = &*SHIPPED;
        let hits = search("Seidenstrasse", Lang::De);
        let passages: Vec<&Hit> = hits
            .iter()
            .filter(|h| matches!(h.target, HitTarget::Article { .. }))
            .collect();
        assert!(!passages.is_empty(), "{hits:#?}");
        for hit in passages {
            let HitTarget::Article { article, flow } = &hit.target else {
                unreachable!()
            };
            let text = &atlas.article(*article).flow.text[flow.clone()];
            assert_eq!(text, "Seidenstraße");
            assert_eq!(&hit.context[hit.matched.clone()], "Seidenstraße");
            assert!(!hit.context.contains('\n'));
        }
    }

    #[test]
    fn passages_of_every_spelling_fold_to_the_query() {
        let (atlas, _) = &*SHIPPED;
        for query in ["Tuerkei", "äusserung", "kasachstan", "friedensgesprache"] {
            let hits = search(query, Lang::De);
            let mut per_article = std::collections::HashMap::new();
            for hit in &hits {
                let HitTarget::Article { article, flow } = &hit.target else {
                    continue;
                };
                *per_article.entry(*article).or_insert(0) += 1;
                if flow.is_empty() {
                    continue; // A title match.
                }
                let text = &atlas.article(*article).flow.text[flow.clone()];
                assert_eq!(fold(text), fold(query), "{query}");
                assert_eq!(fold(&hit.context[hit.matched.clone()]), fold(query));
                let chars = hit.context.chars().count();
                assert!(chars <= 2 * SNIPPET_CONTEXT_CHARS + text.chars().count() + 2);
            }
            assert!(!per_article.is_empty(), "{query}");
            assert!(per_article.values().all(|&n| n <= HITS_PER_ARTICLE));
        }
    }

    #[test]
    fn a_one_letter_query_finds_only_names_that_start_with_it() {
        let hits = search("z", Lang::De);
        assert!(!hits.is_empty());
        for hit in &hits {
            match hit.target {
                HitTarget::Place(_) => {}
                HitTarget::Event(e) => {
                    let event = SHIPPED.0.event(e);
                    assert!(
                        fold(&event.title_de).starts_with('z')
                            || fold(&event.title_en).starts_with('z')
                    );
                }
                HitTarget::Article { .. } => panic!("a passage for a one-letter query"),
            }
        }
    }

    #[test]
    fn the_limit_keeps_the_first_hits() {
        let (atlas, index) = &*SHIPPED;
        let all = index.search(atlas, "an", Lang::De, usize::MAX);
        assert!(all.len() > 3);
        assert_eq!(index.search(atlas, "an", Lang::De, 3), all[..3]);
        assert!(index.search(atlas, "an", Lang::De, 0).is_empty());
    }

    /// Prints build and query times on a synthetic atlas of 10,000 events and 500 places.
    /// Run with `cargo test --release --lib model::search -- --ignored --nocapture`.
    #[test]
    #[ignore = "prints timings only"]
    fn timings_on_a_large_atlas() {
        let (shipped, _) = &*SHIPPED;
        let places = (0..500)
            .map(|i| {
                let mut place = shipped.places[i % shipped.places.len()].clone();
                place.id = format!("{}-{i}", place.id);
                place
            })
            .collect();
        let events = (0..10_000)
            .map(|i| {
                let mut event = shipped.events[i % shipped.events.len()].clone();
                event.id = format!("{}-{i}", event.id);
                event
            })
            .collect();
        let atlas = Atlas::new(
            places,
            shipped.actors.clone(),
            shipped.processes.clone(),
            shipped.articles.clone(),
            events,
            Vec::new(),
        );
        let start = crate::platform::Instant::now();
        let index = SearchIndex::new(&atlas);
        println!("build: {:?}", start.elapsed());
        for query in ["a", "kasachstan", "tuerkei", "runde syrien", "xyzzy"] {
            let start = crate::platform::Instant::now();
            let hits = index.search(&atlas, query, Lang::De, 200);
            println!("{query:?}: {} hits in {:?}", hits.len(), start.elapsed());
        }
    }

    #[test]
    fn snippets_are_cut_on_char_boundaries_with_ellipses() {
        let text = format!("{}Ziel{}", "ä".repeat(100), " öü".repeat(40));
        let at = text.find("Ziel").expect("Ziel");
        let (context, matched) = snippet(&text, at..at + 4);
        assert!(context.starts_with('…') && context.ends_with('…'));
        assert_eq!(&context[matched], "Ziel");
        assert!(!context.contains("  "));
        let (short, matched) = snippet("a\n\nZiel b", 3..7);
        assert_eq!(short, "a Ziel b");
        assert_eq!(&short[matched], "Ziel");
    }
}
