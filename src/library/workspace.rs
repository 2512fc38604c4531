//! The workspace: the shipped corpus and the user's library as two layers, from which an
//! immutable [`Atlas`] is built, and built again after every edit.
//!
//! The shipped layer is loaded (and linked) once; a rebuild clones it and appends the library's
//! places, articles and mentions. Shipped places come first, so their indices, which events and
//! tours hold, never change.

use std::collections::HashMap;

use super::{Library, LinkStatus, PlaceEntry};
use crate::ingest::Problem;
use crate::ingest::reflow::FlowText;
use crate::model::{
    Article, ArticleIdx, Atlas, Mention, MentionStatus, MentionTarget, Origin, Place, PlaceIdx,
};

/// The two layers and what a rebuild can reuse.
#[derive(Debug, Clone)]
pub struct Workspace {
    shipped: Atlas,
    pub library: Library,
    /// Reflowed texts of the library's articles, by id (a text never changes once added).
    flows: HashMap<String, FlowText>,
}

impl Workspace {
    #[must_use]
    pub fn new(shipped: Atlas, library: Library) -> Self {
        Self {
            shipped,
            library,
            flows: HashMap::new(),
        }
    }

    /// The shipped corpus alone.
    #[must_use]
    pub fn shipped(&self) -> &Atlas {
        &self.shipped
    }

    /// The reflowed text of a library article (computed once).
    pub fn flow(&mut self, id: &str, text: &str) -> &FlowText {
        self.flows
            .entry(id.to_owned())
            .or_insert_with(|| FlowText::from_raw(text))
    }

    /// Builds the atlas of both layers. Library records that do not fit (a place id the
    /// shipped gazetteer has, a mention of an unknown place or outside its text) are reported
    /// and left out.
    pub fn build(&mut self) -> (Atlas, Vec<Problem>) {
        let mut problems = Vec::new();
        let root = self.library.root().map_or_else(
            || std::path::PathBuf::from("library"),
            std::path::Path::to_path_buf,
        );
        let shipped = &self.shipped;
        let mut places = shipped.places.clone();
        let mut ids: HashMap<String, PlaceIdx> = HashMap::new();
        for entry in &self.library.places {
            if shipped.place_by_id(&entry.id).is_some() || ids.contains_key(&entry.id) {
                problems.push(Problem::error(
                    root.join("places.toml"),
                    None,
                    crate::msg!("problem-place-id-taken", id = &entry.id),
                ));
                continue;
            }
            ids.insert(entry.id.clone(), PlaceIdx::from_index(places.len()));
            places.push(place_of(entry));
        }
        let resolve = |id: &str| shipped.place_by_id(id).or_else(|| ids.get(id).copied());

        let mut articles = shipped.articles.clone();
        let mut mentions = shipped.mentions.clone();
        for article in &self.library.articles {
            let entry = &article.entry;
            let flow = self
                .flows
                .entry(entry.id.clone())
                .or_insert_with(|| FlowText::from_raw(&article.text))
                .clone();
            let idx = ArticleIdx::from_index(articles.len());
            for m in &article.mentions {
                let status = match m.status {
                    LinkStatus::Sure => MentionStatus::Sure,
                    LinkStatus::Review => MentionStatus::Review,
                    LinkStatus::Rejected => continue,
                };
                let Some(place) = m.place.as_deref().and_then(resolve) else {
                    problems.push(Problem::error(
                        root.join("mentions").join(format!("{}.toml", entry.id)),
                        None,
                        crate::msg!(
                            "problem-link-unknown-place",
                            text = &m.text,
                            id = m.place.as_deref().unwrap_or("")
                        ),
                    ));
                    continue;
                };
                let Some(range) = locate(&flow.text, m.start, m.end, &m.text) else {
                    problems.push(Problem::error(
                        root.join("mentions").join(format!("{}.toml", entry.id)),
                        None,
                        crate::msg!("problem-link-not-in-text", text = &m.text),
                    ));
                    continue;
                };
                mentions.push(Mention {
                    article: idx,
                    target: MentionTarget::Place(place),
                    raw: flow.raw_range(range.clone()),
                    flow: range,
                    status,
                });
            }
            articles.push(Article {
                id: entry.id.clone(),
                file: format!("texts/{}", entry.file),
                title_de: entry.title_de.clone(),
                title_en: if entry.title_en.is_empty() {
                    entry.title_de.clone()
                } else {
                    entry.title_en.clone()
                },
                source: entry.source.clone(),
                author: entry.author.clone(),
                date: entry.date,
                language: entry.language.clone(),
                raw: article.text.clone(),
                flow,
                origin: Origin::Library,
            });
        }
        let mut processes = shipped.processes.clone();
        processes.extend(super::resolve::processes(
            &self.library.processes,
            &root,
            &mut problems,
        ));
        let process_ids: HashMap<String, crate::model::ProcessIdx> = processes
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), crate::model::ProcessIdx::from_index(i)))
            .collect();
        let mut events = shipped.events.clone();
        let lookup = super::resolve::Lookup {
            shipped,
            places: &places,
            place_ids: &ids,
            processes: &process_ids,
            articles: &articles,
        };
        for entry in &self.library.events {
            if shipped.event_by_id(&entry.id).is_some() {
                problems.push(Problem::error(
                    root.join("events.toml"),
                    None,
                    crate::msg!("problem-event-id-taken", id = &entry.id),
                ));
                continue;
            }
            events.push(super::resolve::event(entry, &lookup, &root, &mut problems));
        }
        let atlas = Atlas::new(
            places,
            shipped.actors.clone(),
            processes,
            articles,
            events,
            mentions,
        );
        (atlas, problems)
    }
}

/// A library place as a place of the atlas.
fn place_of(entry: &PlaceEntry) -> Place {
    Place {
        id: entry.id.clone(),
        name_de: entry.name_de.clone(),
        name_en: entry.name_en.clone(),
        name_ru: String::new(),
        name_local: entry.name_local.clone(),
        local_lang: entry.local_lang.clone(),
        country: entry.country.clone(),
        kind: entry.kind,
        lat: entry.lat,
        lon: entry.lon,
        source: entry.source.clone(),
        capital: None,
        aliases: Vec::new(),
        adjectives: Vec::new(),
    }
}

/// Where a stored mention is in the text: at its range if the text is there, else the nearest
/// occurrence of its text (should the reflow ever change).
fn locate(text: &str, start: usize, end: usize, name: &str) -> Option<std::ops::Range<usize>> {
    if text.get(start..end) == Some(name) {
        return Some(start..end);
    }
    text.match_indices(name)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(start))
        .map(|i| i..i + name.len())
}
