//! Taking an article into the library: link its text against the curated and the world
//! gazetteer, and turn the result into one [`Edit`] (the places it needs, the article, its
//! mentions), so that adding is saved at once and undone as one step.

use std::sync::Arc;

use super::{
    ArticleEntry, CandidateEntry, Edit, Library, LibraryArticle, LinkStatus, MentionEntry,
    PlaceEntry,
};
use crate::gazetteer::{
    self, Candidate, CuratedPlace, Decision, Decisions, FeatureKind, Geoparser, LinkedMention,
    PlaceKey, WorldGazetteer,
};
use crate::ingest::import;
use crate::ingest::reflow::FlowText;
use crate::model::{Atlas, Date, PlaceKind};

/// What the user confirmed in the "add article" form.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMeta {
    pub title: String,
    pub source: String,
    pub author: String,
    pub date: Date,
    /// "de" or "en" (or another ISO 639-1 code).
    pub language: String,
    /// "text", "markdown", "html", "pdf" or "pasted".
    pub format: String,
    /// The name of the file it came from, if any.
    pub original: String,
}

/// Why an article was not taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntakeError {
    /// The same text is in the library already (id and title of that article).
    Duplicate { id: String, title: String },
    /// There is no text to add.
    Empty,
}

/// An article ready to be added, with what the linker found.
#[derive(Debug, Clone)]
pub struct Intake {
    /// Adds the places it needs and the article, as one step.
    pub edit: Edit,
    pub id: String,
    pub linked: usize,
    pub review: usize,
    pub rejected: usize,
}

/// The curated places of the shipped gazetteer, and the user's own places (those put on the
/// map: GeoNames places are in the world gazetteer already), as the geoparser takes them.
#[must_use]
pub fn gazetteer_places(
    shipped: &Atlas,
    library: &Library,
) -> (Vec<CuratedPlace>, Vec<CuratedPlace>) {
    let curated = shipped
        .places
        .iter()
        .map(|p| {
            let mut names = vec![p.name_de.clone(), p.name_en.clone(), p.name_local.clone()];
            names.extend(p.aliases.iter().map(|a| a.name.clone()));
            CuratedPlace {
                key: p.id.clone(),
                names,
                adjectives: p.adjectives.clone(),
                kind: feature_kind(p.kind),
                country: p.country.clone(),
                lat: p.lat,
                lon: p.lon,
                geonameid: geonameid(&p.source),
            }
        })
        .collect();
    let user = library
        .places
        .iter()
        .filter(|p| geonameid(&p.source).is_none())
        .map(|p| CuratedPlace {
            key: p.id.clone(),
            names: vec![p.name_de.clone(), p.name_en.clone()],
            adjectives: Vec::new(),
            kind: feature_kind(p.kind),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            geonameid: None,
        })
        .collect();
    (curated, user)
}

/// Builds the geoparser over the embedded world gazetteer (about half a second in a release
/// build: call it off the UI thread).
///
/// # Errors
/// When the embedded gazetteer cannot be read or the automaton not built.
pub fn geoparser(
    world: Option<Arc<WorldGazetteer>>,
    shipped: &Atlas,
    library: &Library,
) -> Result<Geoparser, gazetteer::GazetteerError> {
    let world = match world {
        Some(w) => w,
        None => Arc::new(WorldGazetteer::embedded()?),
    };
    let (curated, user) = gazetteer_places(shipped, library);
    Geoparser::new(world, &curated, &user)
}

/// The GeoNames id in a `source` such as "GeoNames 1526273".
#[must_use]
pub fn geonameid(source: &str) -> Option<u32> {
    source
        .strip_prefix("GeoNames ")
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
}

fn feature_kind(kind: PlaceKind) -> FeatureKind {
    match kind {
        PlaceKind::Capital => FeatureKind::Capital,
        PlaceKind::City => FeatureKind::City,
        PlaceKind::Region => FeatureKind::Region,
        PlaceKind::Site => FeatureKind::Site,
        PlaceKind::Country => FeatureKind::Country,
    }
}

pub(crate) fn place_kind(kind: FeatureKind) -> PlaceKind {
    match kind {
        FeatureKind::Capital => PlaceKind::Capital,
        FeatureKind::City => PlaceKind::City,
        FeatureKind::Region => PlaceKind::Region,
        FeatureKind::Site => PlaceKind::Site,
        FeatureKind::Country => PlaceKind::Country,
    }
}

/// The id a candidate has as a place of the atlas: a shipped id, `gn-ID`, or a library id.
#[must_use]
pub fn place_id(key: &PlaceKey) -> String {
    match key {
        PlaceKey::Curated(id) | PlaceKey::User(id) => id.clone(),
        PlaceKey::GeoNames(id) => format!("gn-{id}"),
    }
}

/// The decisions of the library as the geoparser takes them.
#[must_use]
pub fn decisions(library: &Library, shipped: &Atlas) -> Decisions {
    library
        .decisions
        .iter()
        .map(|d| {
            let decision = match &d.place {
                None => Decision::Reject,
                Some(id) => Decision::Place(place_key(id, shipped)),
            };
            (gazetteer::fold(&d.name), decision)
        })
        .collect()
}

/// The geoparser's key of a place id.
#[must_use]
pub fn place_key(id: &str, shipped: &Atlas) -> PlaceKey {
    if shipped.place_by_id(id).is_some() {
        PlaceKey::Curated(id.to_owned())
    } else if let Some(n) = id.strip_prefix("gn-").and_then(|n| n.parse().ok()) {
        PlaceKey::GeoNames(n)
    } else {
        PlaceKey::User(id.to_owned())
    }
}

/// A candidate as it is stored with a mention.
#[must_use]
pub fn candidate_entry(c: &Candidate) -> CandidateEntry {
    CandidateEntry {
        place: place_id(&c.place),
        name: c.name.clone(),
        country: c.country.clone(),
        lat: c.lat,
        lon: c.lon,
        population: u64::from(c.population),
        kind: place_kind(c.kind),
    }
}

/// The library place for a candidate, named as the text names it where that is a name of the
/// place (a German article's "Taschkent" rather than GeoNames' "Tashkent").
#[must_use]
pub fn place_entry(c: &CandidateEntry, name_in_text: Option<&str>, german: bool) -> PlaceEntry {
    let local = name_in_text.filter(|_| german).unwrap_or(&c.name);
    PlaceEntry {
        id: c.place.clone(),
        name_de: local.to_owned(),
        name_en: c.name.clone(),
        name_local: String::new(),
        local_lang: String::new(),
        country: c.country.clone(),
        kind: c.kind,
        lat: (c.lat * 10_000.0).round() / 10_000.0,
        lon: (c.lon * 10_000.0).round() / 10_000.0,
        source: c.place.strip_prefix("gn-").map_or_else(
            || "placed on the map by the user".to_owned(),
            |n| format!("GeoNames {n}"),
        ),
        population: c.population,
    }
}

/// The name of a mention without its ending, as one of the place's names in the gazetteer
/// ("Taschkents" → "Taschkent"), if the gazetteer has it.
#[must_use]
pub fn base_name(world: &WorldGazetteer, mention: &LinkedMention, c: &Candidate) -> Option<String> {
    // As written in the text, without its ending ("Herat" in "Herats", not GeoNames' "Herāt").
    if let Some(w) = written_base(&mention.surface, &mention.key) {
        return Some(w.to_owned());
    }
    let PlaceKey::GeoNames(n) = c.place else {
        return None;
    };
    let id = world.by_geonameid(n)?;
    world
        .names(id)
        .find(|name| gazetteer::fold(name) == mention.key)
        .map(str::to_owned)
}

/// Links a reflowed text. The reflow keeps a hyphen at a line end (in German it is as often a
/// compound's as a broken word's: "OSZE-\nGipfel"); a name broken there ("Jere-\nwan") is found
/// by linking a copy without such hyphens before a lowercase letter, mapped back to the text.
#[must_use]
pub fn link_flow(parser: &Geoparser, flow: &FlowText, decisions: &Decisions) -> Vec<LinkedMention> {
    let text = &flow.text;
    let mut joined = String::with_capacity(text.len());
    // Byte of `joined` → byte of `text`.
    let mut map: Vec<usize> = Vec::with_capacity(text.len() + 1);
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '-'
            && previous.is_alphabetic()
            && let Some(&(j, next)) = chars.peek()
            && next.is_lowercase()
            // The raw text has more between them than the flow: the line break.
            && flow.raw_range(i..j + next.len_utf8()).len() > 1 + next.len_utf8()
        {
            continue;
        }
        joined.push(c);
        map.extend(i..i + c.len_utf8());
        previous = c;
    }
    map.push(text.len());
    if joined.len() == text.len() {
        return parser.link(text, decisions);
    }
    let mut found = parser.link(&joined, decisions);
    for m in &mut found {
        let start = map.get(m.range.start).copied().unwrap_or(text.len());
        let end = m
            .range
            .end
            .checked_sub(1)
            .and_then(|last| map.get(last))
            .map_or(start, |&last| last + 1);
        m.range = start..end;
        text.get(start..end)
            .unwrap_or_default()
            .clone_into(&mut m.surface);
    }
    found
}

/// The shortest start of `surface` that folds to `key`: the name as written, without its
/// ending ("Taschkent" in "Taschkents").
#[must_use]
pub fn written_base<'a>(surface: &'a str, key: &str) -> Option<&'a str> {
    surface
        .char_indices()
        .map(|(i, _)| i)
        .chain([surface.len()])
        .filter(|&i| i > 0)
        .map(|i| &surface[..i])
        .find(|prefix| gazetteer::fold(prefix) == key)
}

/// Links `text` and prepares the edit that adds it.
///
/// # Errors
/// [`IntakeError::Duplicate`] when the same text is in the library; [`IntakeError::Empty`].
pub fn prepare(
    library: &Library,
    shipped: &Atlas,
    parser: &Geoparser,
    meta: &ArticleMeta,
    text: &str,
    added: &str,
) -> Result<Intake, IntakeError> {
    if text.trim().is_empty() {
        return Err(IntakeError::Empty);
    }
    let hash = super::content_hash(text);
    if let Some(a) = library.article_with_hash(&hash) {
        return Err(IntakeError::Duplicate {
            id: a.entry.id.clone(),
            title: a.entry.title_de.clone(),
        });
    }
    let id = library.new_article_id(&meta.title, meta.date);
    let flow = FlowText::from_raw(text);
    let linked = link_flow(parser, &flow, &decisions(library, shipped));
    let german = meta.language == "de";
    let mut new_places: Vec<PlaceEntry> = Vec::new();
    let mut mentions = Vec::with_capacity(linked.len());
    let (mut sure, mut review, mut rejected) = (0, 0, 0);
    for m in &linked {
        let candidates: Vec<CandidateEntry> = m.candidates.iter().map(candidate_entry).collect();
        let chosen = m.chosen.and_then(|i| m.candidates.get(i));
        let status = match m.status {
            gazetteer::LinkStatus::Sure => LinkStatus::Sure,
            gazetteer::LinkStatus::Review => LinkStatus::Review,
            gazetteer::LinkStatus::Rejected => LinkStatus::Rejected,
        };
        let place = chosen.filter(|_| status != LinkStatus::Rejected).map(|c| {
            let entry = candidate_entry(c);
            let known = shipped.place_by_id(&entry.place).is_some()
                || library.place(&entry.place).is_some()
                || new_places.iter().any(|p| p.id == entry.place);
            if !known {
                let name = base_name(parser.world(), m, c);
                new_places.push(place_entry(&entry, name.as_deref(), german));
            }
            entry.place
        });
        match (status, &place) {
            (LinkStatus::Sure, Some(_)) => sure += 1,
            (LinkStatus::Review, Some(_)) => review += 1,
            _ => rejected += 1,
        }
        mentions.push(MentionEntry {
            start: m.range.start,
            end: m.range.end,
            text: m.surface.clone(),
            key: m.key.clone(),
            status: if place.is_some() {
                status
            } else {
                LinkStatus::Rejected
            },
            place,
            confidence: (m.confidence * 100.0).round() / 100.0,
            by_user: false,
            candidates,
        });
    }
    let article = LibraryArticle {
        entry: ArticleEntry {
            id: id.clone(),
            file: format!("{id}.txt"),
            title_de: meta.title.clone(),
            title_en: String::new(),
            source: meta.source.clone(),
            author: meta.author.clone(),
            date: meta.date,
            language: meta.language.clone(),
            added: added.to_owned(),
            content_hash: hash,
            format: meta.format.clone(),
            original: meta.original.clone(),
        },
        text: text.to_owned(),
        mentions,
    };
    let mut edits: Vec<Edit> = new_places.into_iter().map(Edit::PutPlace).collect();
    edits.push(Edit::AddArticle(Box::new(article)));
    Ok(Intake {
        edit: Edit::Batch(edits),
        id,
        linked: sure,
        review,
        rejected,
    })
}

/// The form's fields as the import prefilled them.
#[must_use]
pub fn meta_of(imported: &import::Imported, original: &str) -> ArticleMeta {
    let date = imported
        .date
        .as_deref()
        .and_then(|d| crate::model::Date::parse(d).ok())
        .unwrap_or(crate::model::Date::Unknown);
    ArticleMeta {
        title: imported
            .title
            .clone()
            .unwrap_or_else(|| original.to_owned()),
        source: imported.source.clone().unwrap_or_default(),
        author: imported.author.clone().unwrap_or_default(),
        date,
        language: match &imported.language {
            import::Language::De => "de".to_owned(),
            import::Language::En => "en".to_owned(),
            import::Language::Other(code) => code.chars().take(2).collect(),
        },
        format: format_name(imported.format).to_owned(),
        original: original.to_owned(),
    }
}

/// The stored name of an import format.
#[must_use]
pub fn format_name(format: import::Format) -> &'static str {
    match format {
        import::Format::Text => "text",
        import::Format::Markdown => "markdown",
        import::Format::Html => "html",
        import::Format::Pdf => "pdf",
        import::Format::Pasted => "pasted",
    }
}
