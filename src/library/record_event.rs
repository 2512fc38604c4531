//! Recording an event from a passage: the passage is the source quote, verbatim, and the form is
//! prefilled from it — the places named in it (the venue first), the states and people taking
//! part (a country's name or adjective, a person of the actors list), and the date its words
//! give, resolved against the article's date.

use std::ops::Range;

use super::{EventEntry, Library, ParticipantEntry, SourceEntry};
use crate::model::{ArticleIdx, Atlas, Date, EventKind, MentionTarget, PlaceKind, Role};

/// An event being recorded, before the user confirms it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDraft {
    pub entry: EventEntry,
    /// How the date was found ("aus „am Montag“ und dem Artikeldatum …"), if it was.
    pub date_reason: Option<String>,
}

/// Words near a country that make it the mediator or the host of what the passage reports (the
/// user checks every role in the form; these only save a click in the common cases).
const MEDIATOR_WORDS: [&str; 6] = [
    "vermittl",
    "mediat",
    "vermittel",
    "gute dienste",
    "good offices",
    "facilitat",
];
const HOST_WORDS: [&str; 5] = ["gastgeber", "host", "ausgericht", "richtet", "empfing"];

/// The draft for the passage `range` (flow bytes) of `article`.
#[must_use]
pub fn draft(
    atlas: &Atlas,
    library: &Library,
    article: ArticleIdx,
    range: Range<usize>,
    lang: crate::i18n::Lang,
) -> EventDraft {
    let a = atlas.article(article);
    let quote = a
        .flow
        .text
        .get(range.clone())
        .unwrap_or_default()
        .to_owned();
    let lower = quote.to_lowercase();
    // The places the passage names, in text order, each once, with where they stand in it.
    let mut named = Vec::new();
    let mut offsets = Vec::new();
    for m in atlas.mentions_in(article) {
        if m.flow.start >= range.start && m.flow.end <= range.end {
            let MentionTarget::Place(p) = m.target;
            if !named.contains(&p) {
                named.push(p);
                offsets.push(m.flow.start - range.start);
            }
        }
    }
    // Whether one of `words` stands within a few words of the place's first mention.
    let near = |p: crate::model::PlaceIdx, words: &[&str]| {
        let at = named
            .iter()
            .position(|&n| n == p)
            .and_then(|i| offsets.get(i))
            .copied()
            .unwrap_or(0);
        let window = lower
            .get(at.saturating_sub(60)..(at + 60).min(lower.len()))
            .unwrap_or(&lower);
        words.iter().any(|w| window.contains(w))
    };
    let (countries, towns): (Vec<_>, Vec<_>) = named
        .iter()
        .partition(|&&p| atlas.place(p).kind == PlaceKind::Country);
    // The venue: the first town or site named; then the other towns.
    let places: Vec<String> = towns.iter().map(|&&p| atlas.place(p).id.clone()).collect();
    let venue_country = towns.first().map(|&&p| atlas.place(p).country.clone());
    let mut participants: Vec<ParticipantEntry> = countries
        .iter()
        .map(|&&p| {
            let place = atlas.place(p);
            let role = if near(p, &MEDIATOR_WORDS) {
                Role::Mediator
            } else if venue_country.as_deref() == Some(place.country.as_str())
                || near(p, &HOST_WORDS)
            {
                Role::Host
            } else {
                Role::Participant
            };
            ParticipantEntry {
                who: place.id.clone(),
                role,
                people: Vec::new(),
            }
        })
        .collect();
    // People of the actors list named in the passage (by any of their names' last word, as
    // texts name them: "Tokajew"), under their country.
    for actor in &atlas.actors {
        let named = std::iter::once(actor.name_de.as_str())
            .chain(std::iter::once(actor.name_en.as_str()))
            .chain(actor.aliases.iter().map(String::as_str))
            .filter_map(|n| n.split_whitespace().last())
            .any(|last| last.chars().count() > 3 && quote.contains(last));
        if !named {
            continue;
        }
        let who = actor
            .country
            .map_or_else(|| actor.id.clone(), |c| atlas.place(c).id.clone());
        match participants.iter_mut().find(|p| p.who == who) {
            Some(p) => p.people.push(actor.id.clone()),
            None => participants.push(ParticipantEntry {
                who,
                role: Role::Participant,
                people: vec![actor.id.clone()],
            }),
        }
    }
    let guess = crate::model::date_expr::date_in_passage(&quote, a.date, &a.language);
    let date = guess.as_ref().map_or(Date::Unknown, |g| g.date);
    let date_reason = guess.as_ref().map(|g| crate::i18n::date_reasoning(g, lang));
    let title: String = quote
        .split_terminator(['.', ';'])
        .next()
        .unwrap_or(&quote)
        .chars()
        .take(90)
        .collect();
    EventDraft {
        entry: EventEntry {
            id: new_event_id(atlas, library, date),
            date: date.into(),
            date_note: String::new(),
            title_de: title.trim().to_owned(),
            title_en: String::new(),
            kind: EventKind::Talks,
            process: String::new(),
            places,
            about: Vec::new(),
            participants,
            sources: vec![SourceEntry {
                article: a.id.clone(),
                quote,
            }],
            copied_from: None,
        },
        date_reason,
    }
}

/// An event id not yet taken: `user-event-DATE-N`.
#[must_use]
pub fn new_event_id(atlas: &Atlas, library: &Library, date: Date) -> String {
    let date = if date.year().is_some() {
        date.to_iso()
    } else {
        "undatiert".to_owned()
    };
    (1..=u32::MAX)
        .map(|n| format!("user-event-{date}-{n}"))
        .find(|id| atlas.event_by_id(id).is_none() && library.event(id).is_none())
        .unwrap_or_default()
}

/// A shipped event as a library event, to be changed there (marked as a copy).
#[must_use]
pub fn copy_of(atlas: &Atlas, library: &Library, event: crate::model::EventIdx) -> EventEntry {
    let e = atlas.event(event);
    let id = (1..=u32::MAX)
        .map(|n| {
            if n == 1 {
                format!("user-copy-{}", e.id)
            } else {
                format!("user-copy-{}-{n}", e.id)
            }
        })
        .find(|id| atlas.event_by_id(id).is_none() && library.event(id).is_none())
        .unwrap_or_default();
    EventEntry {
        id,
        date: e.when,
        date_note: e.date_note.clone(),
        title_de: e.title_de.clone(),
        title_en: e.title_en.clone(),
        kind: e.kind,
        process: e
            .process
            .map(|p| atlas.process(p).id.clone())
            .unwrap_or_default(),
        places: e
            .places
            .iter()
            .map(|&p| atlas.place(p).id.clone())
            .collect(),
        about: e.about.iter().map(|&p| atlas.place(p).id.clone()).collect(),
        participants: e
            .participants
            .iter()
            .map(|p| ParticipantEntry {
                who: match p.who {
                    crate::model::PartyRef::State(place) => atlas.place(place).id.clone(),
                    crate::model::PartyRef::Organisation(actor) => atlas.actor(actor).id.clone(),
                },
                role: p.role,
                people: p
                    .people
                    .iter()
                    .map(|&a| atlas.actor(a).id.clone())
                    .collect(),
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|s| SourceEntry {
                article: atlas.article(s.article).id.clone(),
                quote: s.quote.clone(),
            })
            .collect(),
        copied_from: Some(e.id.clone()),
    }
}
