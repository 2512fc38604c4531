//! Review decisions as edits: accept a link, reject it, choose another place, link a passage
//! the linker missed, or put a new place on the map. Each decision is also remembered for the
//! name, so the user's later articles get it at once.

use std::ops::Range;

use super::{CandidateEntry, DecisionEntry, Edit, Library, LinkStatus, MentionEntry};
use crate::gazetteer;
use crate::model::{Atlas, PlaceKind};

/// What the user decided for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The link as it is is right.
    Accept,
    /// The name is not a place here.
    Reject,
    /// It means this place (a candidate, a search result, or a new place).
    Choose(CandidateEntry),
}

/// The edit that applies `verdict` to mention `index` of `article`; `None` if there is no such
/// mention.
#[must_use]
pub fn decide(
    library: &Library,
    shipped: &Atlas,
    article: &str,
    index: usize,
    verdict: &Verdict,
) -> Option<Edit> {
    let a = library.article(article)?;
    let mut mentions = a.mentions.clone();
    let german = a.entry.language == "de";
    let m = mentions.get_mut(index)?;
    let mut edits = Vec::new();
    match verdict {
        Verdict::Accept => {
            m.status = if m.place.is_some() {
                LinkStatus::Sure
            } else {
                LinkStatus::Rejected
            };
        }
        Verdict::Reject => {
            m.status = LinkStatus::Rejected;
            m.place = None;
        }
        Verdict::Choose(c) => {
            if shipped.place_by_id(&c.place).is_none() && library.place(&c.place).is_none() {
                edits.push(Edit::PutPlace(super::intake::place_entry(
                    c,
                    Some(super::intake::written_base(&m.text, &m.key).unwrap_or(&m.text)),
                    german,
                )));
            }
            if !m.candidates.iter().any(|x| x.place == c.place) {
                m.candidates.insert(0, c.clone());
            }
            m.status = LinkStatus::Sure;
            m.place = Some(c.place.clone());
        }
    }
    m.by_user = true;
    m.confidence = 1.0;
    let key = if m.key.is_empty() {
        gazetteer::fold(&m.text)
    } else {
        m.key.clone()
    };
    let decision = DecisionEntry {
        name: key.clone(),
        place: m.place.clone(),
    };
    edits.push(Edit::SetMentions {
        article: article.to_owned(),
        mentions,
    });
    edits.push(Edit::SetDecision {
        name: key,
        decision: Some(decision),
    });
    Some(Edit::Batch(edits))
}

/// The edit that links a passage (`range` of the article's flow text, reading `text`) to a
/// place: a name the linker missed. Mentions it overlaps give way to it.
#[must_use]
pub fn link_passage(
    library: &Library,
    shipped: &Atlas,
    article: &str,
    range: Range<usize>,
    text: &str,
    place: &CandidateEntry,
) -> Option<Edit> {
    let a = library.article(article)?;
    if text.trim().is_empty() || range.is_empty() {
        return None;
    }
    let mut mentions: Vec<MentionEntry> = a
        .mentions
        .iter()
        .filter(|m| m.end <= range.start || m.start >= range.end)
        .cloned()
        .collect();
    let key = gazetteer::fold(text);
    let at = mentions.partition_point(|m| m.start < range.start);
    mentions.insert(
        at,
        MentionEntry {
            start: range.start,
            end: range.end,
            text: text.to_owned(),
            key: key.clone(),
            status: LinkStatus::Sure,
            place: Some(place.place.clone()),
            confidence: 1.0,
            by_user: true,
            candidates: vec![place.clone()],
        },
    );
    let mut edits = Vec::new();
    if shipped.place_by_id(&place.place).is_none() && library.place(&place.place).is_none() {
        edits.push(Edit::PutPlace(super::intake::place_entry(
            place,
            Some(text),
            a.entry.language == "de",
        )));
    }
    edits.push(Edit::SetMentions {
        article: article.to_owned(),
        mentions,
    });
    edits.push(Edit::SetDecision {
        name: key.clone(),
        decision: Some(DecisionEntry {
            name: key,
            place: Some(place.place.clone()),
        }),
    });
    Some(Edit::Batch(edits))
}

/// A new place put on the map by the user, named as in the text, with an id not yet taken.
#[must_use]
pub fn new_place(
    library: &Library,
    shipped: &Atlas,
    name: &str,
    lat: f64,
    lon: f64,
) -> CandidateEntry {
    let slug: String = gazetteer::fold(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let base = format!("user-{}", slug.trim_matches('-'));
    let mut id = base.clone();
    let mut n = 2;
    while library.place(&id).is_some() || shipped.place_by_id(&id).is_some() {
        id = format!("{base}-{n}");
        n += 1;
    }
    CandidateEntry {
        place: id,
        name: name.trim().to_owned(),
        country: String::new(),
        lat,
        lon,
        population: 0,
        kind: PlaceKind::Site,
    }
}

/// A search result of the world gazetteer as a candidate (a shipped place where the shipped
/// gazetteer has it).
#[must_use]
pub fn world_candidate(
    world: &gazetteer::WorldGazetteer,
    id: gazetteer::GeoId,
    shipped: &Atlas,
) -> CandidateEntry {
    let p = world.place(id);
    let curated = shipped
        .places
        .iter()
        .find(|s| super::intake::geonameid(&s.source) == Some(p.geonameid));
    CandidateEntry {
        place: curated.map_or_else(|| format!("gn-{}", p.geonameid), |s| s.id.clone()),
        name: world.name(id).to_owned(),
        country: p.country.as_str().to_owned(),
        lat: f64::from(p.lat),
        lon: f64::from(p.lon),
        population: u64::from(p.population),
        kind: super::intake::place_kind(p.kind),
    }
}
