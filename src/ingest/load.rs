//! Builds the [`Atlas`] from the data files and articles, collecting every problem on the way.
//!
//! Loading never stops at the first problem: a broken record, an unknown reference or an
//! unreadable article is reported with its file and line, and everything else still loads.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::files::Corpus;
use super::link::{Form, Linker, NameEntry};
use super::problem::{LineIndex, Message, Problem};
use super::records::{
    ActorRecord, ArticleRecord, EventRecord, PlaceRecord, ProcessRecord, SourceRecord,
};
use super::reflow::{FlowText, SkipReason, normalize_ws};
use super::toml_records::{Located, read_records};
use crate::model::{
    Actor, ActorIdx, Alias, Article, ArticleIdx, Atlas, Date, Event, Mention, MentionTarget,
    Participant, PartyRef, Place, PlaceIdx, PlaceKind, Process, ProcessIdx, Source,
};
use crate::msg;

/// The atlas and what was wrong with its sources.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub atlas: Atlas,
    pub problems: Vec<Problem>,
}

/// One data file, read and indexed for line numbers.
struct DataFile {
    path: PathBuf,
    text: String,
    lines: LineIndex,
}

impl DataFile {
    fn read(corpus: &Corpus, name: &str, problems: &mut Vec<Problem>) -> Self {
        let path = corpus.data_path(name);
        let text = corpus.read_data(name).unwrap_or_else(|e| {
            problems.push(Problem::error(&path, None, e.to_string()));
            String::new()
        });
        let lines = LineIndex::new(&text);
        Self { path, text, lines }
    }

    /// The line of `offset`, as a problem wants it.
    #[allow(clippy::unnecessary_wraps)] // Problems take an optional line; this always has one.
    fn line(&self, offset: usize) -> Option<usize> {
        Some(self.lines.line(offset))
    }

    fn records<T: serde::de::DeserializeOwned>(
        &self,
        key: &str,
        problems: &mut Vec<Problem>,
    ) -> Vec<Located<T>> {
        read_records(&self.path, &self.text, key, &self.lines, problems)
    }
}

/// Places that are in places.toml but were skipped for a problem of their own, and how often
/// other records referred to them: one cause, one message (the cause's, which says how many
/// references were dropped with it), instead of one more problem per reference.
#[derive(Debug, Default)]
struct Skipped {
    /// Place id → the index of the cause's problem.
    cause: HashMap<String, usize>,
    /// Place id → file name → references dropped.
    uses: std::cell::RefCell<
        std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
    >,
}

impl Skipped {
    /// Counts a reference to a skipped place; `false` if the place was not skipped.
    fn used(&self, id: &str, file: &DataFile) -> bool {
        if !self.cause.contains_key(id) {
            return false;
        }
        let name = file
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        *self
            .uses
            .borrow_mut()
            .entry(id.to_owned())
            .or_default()
            .entry(name)
            .or_default() += 1;
        true
    }

    /// Adds to each cause how many references were dropped with it.
    fn report(self, problems: &mut [Problem]) {
        for (id, files) in self.uses.into_inner() {
            let Some(problem) = self.cause.get(&id).and_then(|&i| problems.get_mut(i)) else {
                continue;
            };
            let total: usize = files.values().sum();
            let wheres: Vec<String> = files.iter().map(|(f, n)| format!("{f}: {n}")).collect();
            problem.message.push(msg!(
                "problem-dropped-with",
                n = total,
                files = wheres.join(", ")
            ));
        }
    }
}

/// The known id most like `id`, if one is close enough to be what was meant ("dushanbe" →
/// "duschanbe").
#[must_use]
pub fn did_you_mean<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (k, strsim::normalized_damerau_levenshtein(id, k)))
        .filter(|&(_, score)| score >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

/// "(did you mean “x”?)", or nothing.
pub fn suggestion<'a>(id: &str, known: impl Iterator<Item = &'a str>) -> Message {
    did_you_mean(id, known).map_or_else(Message::default, |k| msg!("problem-did-you-mean", id = k))
}

/// Loads the atlas from `corpus`. `today` bounds event dates from above.
#[must_use]
pub fn load(corpus: &Corpus, today: Date) -> Loaded {
    let mut problems = Vec::new();
    let mut p = &mut problems;

    let places_file = DataFile::read(corpus, "places.toml", p);
    let mut skipped = Skipped::default();
    let places = load_places(&places_file, p, &mut skipped);
    let place_ids = id_map(places.iter().map(|(place, _)| place.id.as_str()));

    let actors_file = DataFile::read(corpus, "actors.toml", p);
    let actors = load_actors(&actors_file, &place_ids, &skipped, p);
    let actor_ids = id_map(actors.iter().map(|a| a.id.as_str()));

    let processes_file = DataFile::read(corpus, "processes.toml", p);
    let processes = load_processes(&processes_file, p);
    let process_ids = id_map(processes.iter().map(|a| a.id.as_str()));

    let articles_file = DataFile::read(corpus, "articles.toml", p);
    let articles = load_articles(corpus, &articles_file, p);
    let article_ids = id_map(articles.iter().map(|a| a.id.as_str()));

    let places: Vec<Place> = places.into_iter().map(|(place, _)| place).collect();
    let linker = gazetteer_linker(&places);
    let mentions = match &linker {
        Ok(linker) => find_mentions(linker, &articles),
        Err(e) => {
            p.push(Problem::error(
                &places_file.path,
                None,
                msg!("problem-linker", error = e.to_string()),
            ));
            Vec::new()
        }
    };

    let events_file = DataFile::read(corpus, "events.toml", p);
    let refs = Refs {
        skipped: &skipped,
        places: &place_ids,
        actors: &actor_ids,
        processes: &process_ids,
        articles: &article_ids,
    };
    let events = load_events(&events_file, &refs, &places, &articles, today, p);

    p = &mut problems;
    check_unused_places(&places_file, &places, &events, &mentions, &actors, p);
    skipped.report(p);

    let atlas = Atlas::new(places, actors, processes, articles, events, mentions);
    Loaded { atlas, problems }
}

/// Maps ids to positions; the first of duplicate ids wins (duplicates are reported earlier).
fn id_map<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, u32> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.to_owned())
            .or_insert(u32::try_from(i).unwrap_or(u32::MAX));
    }
    map
}

/// Reports a duplicate id and says whether the record should be skipped.
fn is_duplicate(
    seen: &mut HashMap<String, usize>,
    file: &DataFile,
    id: &toml::Spanned<String>,
    p: &mut Vec<Problem>,
) -> bool {
    let line = file.lines.line(id.span().start);
    if let Some(first) = seen.get(id.get_ref()) {
        p.push(Problem::error(
            &file.path,
            Some(line),
            msg!("problem-duplicate-id", id = id.get_ref(), first = *first),
        ));
        return true;
    }
    if id.get_ref().trim().is_empty() {
        p.push(Problem::error(
            &file.path,
            Some(line),
            msg!("problem-empty-id"),
        ));
        return true;
    }
    seen.insert(id.get_ref().clone(), line);
    false
}

fn load_places(
    file: &DataFile,
    p: &mut Vec<Problem>,
    skipped: &mut Skipped,
) -> Vec<(Place, Option<toml::Spanned<String>>)> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for Located { record, .. } in file.records::<PlaceRecord>("place", p) {
        if is_duplicate(&mut seen, file, &record.id, p) {
            continue;
        }
        let (lat, lon) = (*record.lat.get_ref(), *record.lon.get_ref());
        if !(-90.0..=90.0).contains(&lat) {
            skipped.cause.insert(record.id.get_ref().clone(), p.len());
            p.push(Problem::error(
                &file.path,
                file.line(record.lat.span().start),
                msg!(
                    "problem-latitude",
                    id = record.id.get_ref(),
                    value = lat.to_string()
                ),
            ));
            continue;
        }
        if !(-180.0..=180.0).contains(&lon) {
            skipped.cause.insert(record.id.get_ref().clone(), p.len());
            p.push(Problem::error(
                &file.path,
                file.line(record.lon.span().start),
                msg!(
                    "problem-longitude",
                    id = record.id.get_ref(),
                    value = lon.to_string()
                ),
            ));
            continue;
        }
        let country = record.country.get_ref();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            p.push(Problem::error(
                &file.path,
                file.line(record.country.span().start),
                msg!(
                    "problem-country-code",
                    id = record.id.get_ref(),
                    country = country
                ),
            ));
        }
        if record.source.get_ref().trim().is_empty() {
            p.push(Problem::error(
                &file.path,
                file.line(record.source.span().start),
                msg!("problem-no-source", id = record.id.get_ref()),
            ));
        }
        let place = Place {
            id: record.id.into_inner(),
            name_de: record.name_de,
            name_en: record.name_en,
            name_ru: record.name_ru,
            name_local: record.name_local,
            local_lang: record.local_lang,
            country: record.country.into_inner(),
            kind: record.kind,
            lat,
            lon,
            source: record.source.into_inner(),
            capital: None,
            aliases: record
                .aliases
                .into_iter()
                .map(|a| Alias {
                    name: a.name,
                    from: a.from,
                    to: a.to,
                })
                .collect(),
            adjectives: record.adjectives,
        };
        out.push((place, record.capital));
    }
    // Capitals refer to other places, so they resolve once all are read.
    let ids = id_map(out.iter().map(|(place, _)| place.id.as_str()));
    for (place, capital) in &mut out {
        if let Some(capital) = capital {
            match ids.get(capital.get_ref()) {
                Some(&i) => place.capital = Some(PlaceIdx(i)),
                None if skipped.used(capital.get_ref(), file) => {}
                None => p.push(Problem::error(
                    &file.path,
                    file.line(capital.span().start),
                    msg!(
                        "problem-capital",
                        id = &place.id,
                        capital = capital.get_ref()
                    ),
                )),
            }
        }
    }
    out
}

fn resolve_place(
    ids: &HashMap<String, u32>,
    skipped: &Skipped,
    id: &toml::Spanned<String>,
    what: &str,
    file: &DataFile,
    p: &mut Vec<Problem>,
) -> Option<PlaceIdx> {
    let found = ids.get(id.get_ref()).map(|&i| PlaceIdx(i));
    if found.is_none() && !skipped.used(id.get_ref(), file) {
        p.push(Problem::error(
            &file.path,
            file.line(id.span().start),
            msg!("problem-not-a-place", what = what, id = id.get_ref())
                .and(suggestion(id.get_ref(), ids.keys().map(String::as_str))),
        ));
    }
    found
}

fn load_actors(
    file: &DataFile,
    place_ids: &HashMap<String, u32>,
    skipped: &Skipped,
    p: &mut Vec<Problem>,
) -> Vec<Actor> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for Located { record, .. } in file.records::<ActorRecord>("actor", p) {
        if is_duplicate(&mut seen, file, &record.id, p) {
            continue;
        }
        let country = record
            .country
            .as_ref()
            .and_then(|c| resolve_place(place_ids, skipped, c, "country", file, p));
        let seat = record
            .seat
            .as_ref()
            .and_then(|c| resolve_place(place_ids, skipped, c, "seat", file, p));
        out.push(Actor {
            id: record.id.into_inner(),
            kind: record.kind,
            name_de: record.name_de,
            name_en: record.name_en,
            country,
            seat,
            role_de: record.role_de,
            role_en: record.role_en,
            aliases: record.aliases,
        });
    }
    out
}

fn load_processes(file: &DataFile, p: &mut Vec<Problem>) -> Vec<Process> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for Located { record, .. } in file.records::<ProcessRecord>("process", p) {
        if is_duplicate(&mut seen, file, &record.id, p) {
            continue;
        }
        let color = parse_hex_color(record.color.get_ref()).unwrap_or_else(|| {
            p.push(Problem::error(
                &file.path,
                file.line(record.color.span().start),
                msg!(
                    "problem-colour",
                    id = record.id.get_ref(),
                    colour = record.color.get_ref()
                ),
            ));
            [128, 128, 128]
        });
        out.push(Process {
            id: record.id.into_inner(),
            name_de: record.name_de,
            name_en: record.name_en,
            color,
        });
    }
    out
}

/// Parses `#rrggbb`.
#[must_use]
pub fn parse_hex_color(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

fn load_articles(corpus: &Corpus, file: &DataFile, p: &mut Vec<Problem>) -> Vec<Article> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for Located { record, .. } in file.records::<ArticleRecord>("article", p) {
        if is_duplicate(&mut seen, file, &record.id, p) {
            continue;
        }
        let name = record.file.get_ref();
        let line = file.line(record.file.span().start);
        let raw = match corpus.read_article(name) {
            Ok(raw) => raw,
            Err(e) => {
                p.push(Problem::error(
                    corpus.seed_path(name),
                    None,
                    msg!(
                        "problem-article-unreadable",
                        error = e.to_string(),
                        id = record.id.get_ref(),
                        file = file.path.display().to_string(),
                        line = line.unwrap_or(0)
                    ),
                ));
                continue;
            }
        };
        let flow = FlowText::from_raw(&raw);
        check_date_prefix(&raw, &flow, &record, file, p);
        out.push(Article {
            id: record.id.into_inner(),
            file: record.file.into_inner(),
            title_de: record.title_de,
            title_en: record.title_en,
            source: record.source,
            author: record.author,
            date: record.date.into_inner(),
            language: record.language,
            raw,
            flow,
            origin: crate::model::Origin::Shipped,
        });
    }
    out
}

/// The seeds carry their date in a `date …` prefix; the metadata must agree with it.
fn check_date_prefix(
    raw: &str,
    flow: &FlowText,
    record: &ArticleRecord,
    file: &DataFile,
    p: &mut Vec<Problem>,
) {
    let Some(prefix) = flow
        .skipped
        .iter()
        .find(|s| s.why == SkipReason::DatePrefix)
    else {
        return;
    };
    let Some(text) = raw.get(prefix.raw.clone()) else {
        return;
    };
    let stated = text.trim().trim_start_matches("date").trim();
    if let Ok(date) = Date::parse(stated)
        && date != *record.date.get_ref()
    {
        p.push(Problem::error(
            &file.path,
            file.line(record.date.span().start),
            msg!(
                "problem-date-differs",
                id = record.id.get_ref(),
                date = record.date.get_ref().to_string(),
                stated = date.to_string()
            ),
        ));
    }
}

/// The automaton over every name, alias and adjective of the gazetteer.
///
/// # Errors
/// When the automaton cannot be built (it would need more memory than allowed).
pub fn gazetteer_linker(places: &[Place]) -> Result<Linker, super::link::LinkError> {
    let mut entries = Vec::new();
    for (target, place) in places.iter().enumerate() {
        let mut add = |text: &str, form: Form| {
            if !text.trim().is_empty() {
                entries.push(NameEntry {
                    text: text.trim().to_owned(),
                    form,
                    target,
                });
            }
        };
        add(&place.name_de, Form::Noun);
        add(&place.name_en, Form::Noun);
        add(&place.name_local, Form::Noun);
        for alias in &place.aliases {
            add(&alias.name, Form::Noun);
        }
        for adjective in &place.adjectives {
            add(adjective, Form::Adjective);
        }
    }
    Linker::new(entries)
}

fn find_mentions(linker: &Linker, articles: &[Article]) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        for found in linker.find(&article.flow.text) {
            mentions.push(Mention {
                article: ArticleIdx::from_index(i),
                target: MentionTarget::Place(PlaceIdx::from_index(found.target)),
                raw: article.flow.raw_range(found.range.clone()),
                flow: found.range,
                status: crate::model::MentionStatus::Curated,
            });
        }
    }
    mentions
}

struct Refs<'a> {
    skipped: &'a Skipped,
    places: &'a HashMap<String, u32>,
    actors: &'a HashMap<String, u32>,
    processes: &'a HashMap<String, u32>,
    articles: &'a HashMap<String, u32>,
}

fn load_events(
    file: &DataFile,
    refs: &Refs<'_>,
    places: &[Place],
    articles: &[Article],
    today: Date,
    p: &mut Vec<Problem>,
) -> Vec<Event> {
    let mut seen = HashMap::new();
    let mut out = Vec::new();
    for Located { record, .. } in file.records::<EventRecord>("event", p) {
        if is_duplicate(&mut seen, file, &record.id, p) {
            continue;
        }
        let id = record.id.get_ref().clone();
        let at = |span: std::ops::Range<usize>| file.line(span.start);
        let when = *record.date.get_ref();
        let date = when.start;
        let last = when.end.unwrap_or(date);
        if let Some(year) = date.year() {
            if year < 1900 {
                p.push(Problem::error(
                    &file.path,
                    at(record.date.span()),
                    msg!("problem-date-early", id = &id, date = date.to_string()),
                ));
            } else if last.sort_key() > today.sort_key() {
                p.push(Problem::error(
                    &file.path,
                    at(record.date.span()),
                    msg!("problem-date-future", id = &id, date = last.to_string()),
                ));
            }
        }
        let process = refs
            .processes
            .get(record.process.get_ref())
            .map(|&i| ProcessIdx(i));
        if process.is_none() {
            p.push(Problem::error(
                &file.path,
                at(record.process.span()),
                msg!(
                    "problem-process",
                    id = &id,
                    process = record.process.get_ref()
                ),
            ));
        }
        let venues: Vec<PlaceIdx> = record
            .places
            .get_ref()
            .iter()
            .filter_map(|pl| resolve_place(refs.places, refs.skipped, pl, "place", file, p))
            .collect();
        let about: Vec<PlaceIdx> = record
            .about
            .iter()
            .filter_map(|pl| resolve_place(refs.places, refs.skipped, pl, "about", file, p))
            .collect();
        let mut participants = Vec::new();
        for participant in &record.participants {
            let rec = participant.get_ref();
            let who = if let Some(&i) = refs.places.get(rec.who.get_ref()) {
                let idx = PlaceIdx(i);
                if places[idx.index()].kind != PlaceKind::Country {
                    p.push(Problem::error(
                        &file.path,
                        at(rec.who.span()),
                        msg!(
                            "problem-participant-place",
                            id = &id,
                            who = rec.who.get_ref()
                        ),
                    ));
                    continue;
                }
                PartyRef::State(idx)
            } else if let Some(&i) = refs.actors.get(rec.who.get_ref()) {
                PartyRef::Organisation(ActorIdx(i))
            } else {
                if !refs.skipped.used(rec.who.get_ref(), file) {
                    let known = refs
                        .places
                        .keys()
                        .chain(refs.actors.keys())
                        .map(String::as_str);
                    p.push(Problem::error(
                        &file.path,
                        at(rec.who.span()),
                        msg!(
                            "problem-participant-unknown",
                            id = &id,
                            who = rec.who.get_ref()
                        )
                        .and(suggestion(rec.who.get_ref(), known)),
                    ));
                }
                continue;
            };
            let people = rec
                .people
                .iter()
                .filter_map(|person| {
                    let found = refs.actors.get(person.get_ref()).map(|&i| ActorIdx(i));
                    if found.is_none() {
                        p.push(Problem::error(
                            &file.path,
                            at(person.span()),
                            msg!("problem-person", id = &id, person = person.get_ref()),
                        ));
                    }
                    found
                })
                .collect();
            participants.push(Participant {
                who,
                role: rec.role,
                people,
            });
        }
        let sources = record
            .sources
            .iter()
            .filter_map(|s| resolve_source(s, &id, refs, articles, file, p))
            .collect();
        if venues.is_empty() && record.places.get_ref().is_empty() {
            p.push(Problem::warning(
                &file.path,
                at(record.places.span()),
                msg!("problem-no-place", id = &id),
            ));
        }
        out.push(Event {
            id,
            when,
            date_note: record.date_note,
            title_de: record.title_de,
            title_en: record.title_en,
            kind: record.kind,
            process,
            places: venues,
            about,
            participants,
            sources,
            origin: crate::model::Origin::Shipped,
        });
    }
    out
}

fn resolve_source(
    source: &toml::Spanned<SourceRecord>,
    id: &str,
    refs: &Refs<'_>,
    articles: &[Article],
    file: &DataFile,
    p: &mut Vec<Problem>,
) -> Option<Source> {
    let rec = source.get_ref();
    let Some(&i) = refs.articles.get(rec.article.get_ref()) else {
        p.push(Problem::error(
            &file.path,
            file.line(rec.article.span().start),
            msg!(
                "problem-source-article",
                id = id,
                article = rec.article.get_ref()
            ),
        ));
        return None;
    };
    let article = &articles[i as usize];
    let (quote, flow_range) = find_quote(&article.flow, rec.quote.get_ref());
    if flow_range.is_none() {
        p.push(Problem::error(
            &file.path,
            file.line(rec.quote.span().start),
            msg!(
                "problem-quote",
                id = id,
                file = &article.file,
                quote = shorten(&quote, 60)
            ),
        ));
    }
    Some(Source {
        article: ArticleIdx(i),
        quote,
        flow_range,
    })
}

/// A quote as the data writes it, with its whitespace runs made single spaces, and where it
/// stands in an article's reflowed text (event sources and tour passages are found alike).
pub fn find_quote(flow: &FlowText, quote: &str) -> (String, Option<std::ops::Range<usize>>) {
    let quote = normalize_ws(quote);
    let range = flow
        .text
        .find(&quote)
        .map(|start| start..start + quote.len());
    (quote, range)
}

/// The first `chars` characters of `text`, with "…" if there was more (for messages).
pub(crate) fn shorten(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}

fn check_unused_places(
    file: &DataFile,
    places: &[Place],
    events: &[Event],
    mentions: &[Mention],
    actors: &[Actor],
    p: &mut Vec<Problem>,
) {
    let mut used: HashSet<PlaceIdx> = HashSet::new();
    for event in events {
        used.extend(event.places.iter().chain(&event.about));
        for participant in &event.participants {
            if let PartyRef::State(country) = participant.who {
                used.insert(country);
                used.extend(places[country.index()].capital);
            }
        }
    }
    used.extend(mentions.iter().map(|m| match m.target {
        MentionTarget::Place(place) => place,
    }));
    used.extend(actors.iter().filter_map(|a| a.seat));
    for (i, place) in places.iter().enumerate() {
        if !used.contains(&PlaceIdx::from_index(i)) {
            let line = find_id_line(&file.text, &place.id).map(|o| file.lines.line(o));
            p.push(Problem::warning(
                &file.path,
                line,
                msg!("problem-unused-place", id = &place.id),
            ));
        }
    }
}

/// The offset of `id = "…"` for a given id, to point warnings about a whole record at its line.
fn find_id_line(text: &str, id: &str) -> Option<usize> {
    text.find(&format!("id = \"{id}\""))
}
