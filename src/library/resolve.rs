//! The library's events and processes as records of the atlas: ids resolved against both layers,
//! quotes found in their articles. What does not resolve is reported and left out (a dangling
//! place of an event), never guessed.

use std::collections::HashMap;
use std::path::Path;

use super::{EventEntry, ProcessEntry};
use crate::ingest::Problem;
use crate::model::{
    ActorIdx, Article, ArticleIdx, Atlas, Event, Origin, Participant, PartyRef, Place, PlaceIdx,
    PlaceKind, Process, ProcessIdx, Source,
};

/// The user's processes, to append after the shipped ones.
pub(super) fn processes(
    entries: &[ProcessEntry],
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Vec<Process> {
    entries
        .iter()
        .filter_map(|p| {
            let Some(color) = crate::ingest::parse_hex_color(&p.color) else {
                problems.push(Problem::error(
                    root.join("processes.toml"),
                    None,
                    crate::msg!("problem-library-colour", id = &p.id, colour = &p.color),
                ));
                return None;
            };
            Some(Process {
                id: p.id.clone(),
                name_de: p.name_de.clone(),
                name_en: if p.name_en.is_empty() {
                    p.name_de.clone()
                } else {
                    p.name_en.clone()
                },
                color,
            })
        })
        .collect()
}

/// What an event's ids are looked up in.
pub(super) struct Lookup<'a> {
    pub shipped: &'a Atlas,
    pub places: &'a [Place],
    pub place_ids: &'a HashMap<String, PlaceIdx>,
    pub processes: &'a HashMap<String, ProcessIdx>,
    pub articles: &'a [Article],
}

impl Lookup<'_> {
    fn place(&self, id: &str) -> Option<PlaceIdx> {
        self.shipped
            .place_by_id(id)
            .or_else(|| self.place_ids.get(id).copied())
    }

    fn actor(&self, id: &str) -> Option<ActorIdx> {
        self.shipped
            .actors
            .iter()
            .position(|a| a.id == id)
            .map(ActorIdx::from_index)
    }
}

/// One library event, resolved; what does not resolve is reported and left out of it.
pub(super) fn event(
    e: &EventEntry,
    at: &Lookup<'_>,
    root: &Path,
    problems: &mut Vec<Problem>,
) -> Event {
    let file = root.join("events.toml");
    let mut skip = |what: crate::ingest::Message| {
        problems.push(Problem::error(
            &file,
            None,
            crate::msg!("problem-in-event", id = &e.id).and(what),
        ));
    };
    let mut places = Vec::new();
    for id in &e.places {
        match at.place(id) {
            Some(p) => places.push(p),
            None => skip(crate::msg!("problem-unknown-place", id = id)),
        }
    }
    let mut about = Vec::new();
    for id in &e.about {
        match at.place(id) {
            Some(p) => about.push(p),
            None => skip(crate::msg!("problem-unknown-place", id = id)),
        }
    }
    let mut participants = Vec::new();
    for p in &e.participants {
        let who = match (at.place(&p.who), at.actor(&p.who)) {
            (Some(place), _) if at.places[place.index()].kind == PlaceKind::Country => {
                PartyRef::State(place)
            }
            (_, Some(actor)) => PartyRef::Organisation(actor),
            _ => {
                skip(crate::msg!("problem-unknown-participant", id = &p.who));
                continue;
            }
        };
        let people = p.people.iter().filter_map(|id| at.actor(id)).collect();
        participants.push(Participant {
            who,
            role: p.role,
            people,
        });
    }
    let mut sources = Vec::new();
    for s in &e.sources {
        let Some(i) = at.articles.iter().position(|a| a.id == s.article) else {
            skip(crate::msg!("problem-unknown-article", id = &s.article));
            continue;
        };
        let (quote, flow_range) = crate::ingest::find_quote(&at.articles[i].flow, &s.quote);
        if flow_range.is_none() {
            skip(crate::msg!("problem-quote-not-in", id = &s.article));
        }
        sources.push(Source {
            article: ArticleIdx::from_index(i),
            quote,
            flow_range,
        });
    }
    let process = if e.process.is_empty() {
        None
    } else {
        let found = at.processes.get(&e.process).copied();
        if found.is_none() {
            skip(crate::msg!("problem-unknown-process", id = &e.process));
        }
        found
    };
    Event {
        id: e.id.clone(),
        when: e.date,
        date_note: e.date_note.clone(),
        title_de: e.title_de.clone(),
        title_en: if e.title_en.is_empty() {
            e.title_de.clone()
        } else {
            e.title_en.clone()
        },
        kind: e.kind,
        process,
        places,
        about,
        participants,
        sources,
        origin: Origin::Library,
    }
}
