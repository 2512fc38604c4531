//! The immutable, indexed atlas that every panel reads.

use std::collections::HashMap;
use std::ops::Range;

use super::{
    Actor, ActorIdx, Article, ArticleIdx, Event, EventIdx, PartyRef, Place, PlaceIdx, PlaceKind,
    Process, ProcessIdx,
};

/// What a mention in an article refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionTarget {
    Place(PlaceIdx),
}

/// A name found in an article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub article: ArticleIdx,
    pub target: MentionTarget,
    /// Byte range in the article's flow text.
    pub flow: Range<usize>,
    /// Byte range in the article's file.
    pub raw: Range<usize>,
    /// How the link was made.
    pub status: MentionStatus,
}

/// How a mention was linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MentionStatus {
    /// By the curated gazetteer, in a shipped article.
    #[default]
    Curated,
    /// In a user's article: linked with confidence, or confirmed by the user.
    Sure,
    /// In a user's article: a weak link, flagged for review.
    Review,
}

/// A place named in articles, as the map marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticlePlace {
    pub place: PlaceIdx,
    /// How many articles name it.
    pub articles: usize,
    /// Whether all its links are tentative (flagged for review).
    pub review: bool,
}

/// Totals, as `check` prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AtlasCounts {
    pub places: usize,
    pub actors: usize,
    pub processes: usize,
    pub articles: usize,
    pub events: usize,
    pub mentions: usize,
}

/// Everything the app shows, resolved and indexed.
#[derive(Debug, Clone, Default)]
pub struct Atlas {
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub processes: Vec<Process>,
    pub articles: Vec<Article>,
    /// In date order; unknown dates last.
    pub events: Vec<Event>,
    /// Ordered by article, then position.
    pub mentions: Vec<Mention>,
    place_ids: HashMap<String, PlaceIdx>,
    actor_ids: HashMap<String, ActorIdx>,
    process_ids: HashMap<String, ProcessIdx>,
    article_ids: HashMap<String, ArticleIdx>,
    event_ids: HashMap<String, EventIdx>,
    /// Per place: events held there, in date order.
    held_at: Vec<Vec<EventIdx>>,
    /// Per place: events about it or with it (as a state) taking part, in date order.
    involving: Vec<Vec<EventIdx>>,
    /// Per place: indices into `mentions`.
    mentioned: Vec<Vec<usize>>,
    /// Per article: its range in `mentions`.
    article_mentions: Vec<Range<usize>>,
}

impl Atlas {
    /// Builds the indices. Events are sorted by date, mentions by article and position; all
    /// references must already be resolved.
    #[must_use]
    pub fn new(
        places: Vec<Place>,
        actors: Vec<Actor>,
        processes: Vec<Process>,
        articles: Vec<Article>,
        mut events: Vec<Event>,
        mut mentions: Vec<Mention>,
    ) -> Self {
        events.sort_by(|a, b| {
            a.when
                .start
                .sort_key()
                .cmp(&b.when.start.sort_key())
                .then_with(|| a.id.cmp(&b.id))
        });
        mentions.sort_by_key(|m| (m.article, m.flow.start));
        let ids = |names: Vec<&str>| -> HashMap<String, u32> {
            names
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_owned(), u32::try_from(i).unwrap_or(u32::MAX)))
                .collect()
        };
        let place_ids = ids(places.iter().map(|p| p.id.as_str()).collect())
            .into_iter()
            .map(|(k, v)| (k, PlaceIdx(v)))
            .collect();
        let actor_ids = ids(actors.iter().map(|p| p.id.as_str()).collect())
            .into_iter()
            .map(|(k, v)| (k, ActorIdx(v)))
            .collect();
        let process_ids = ids(processes.iter().map(|p| p.id.as_str()).collect())
            .into_iter()
            .map(|(k, v)| (k, ProcessIdx(v)))
            .collect();
        let article_ids = ids(articles.iter().map(|p| p.id.as_str()).collect())
            .into_iter()
            .map(|(k, v)| (k, ArticleIdx(v)))
            .collect();
        let event_ids = ids(events.iter().map(|p| p.id.as_str()).collect())
            .into_iter()
            .map(|(k, v)| (k, EventIdx(v)))
            .collect();

        let mut held_at = vec![Vec::new(); places.len()];
        let mut involving = vec![Vec::new(); places.len()];
        for (i, event) in events.iter().enumerate() {
            let idx = EventIdx::from_index(i);
            for place in &event.places {
                push_once(&mut held_at[place.index()], idx);
            }
            for place in &event.about {
                push_once(&mut involving[place.index()], idx);
            }
            for participant in &event.participants {
                if let PartyRef::State(place) = participant.who {
                    push_once(&mut involving[place.index()], idx);
                }
            }
        }
        let mut mentioned = vec![Vec::new(); places.len()];
        let mut article_mentions = vec![0..0; articles.len()];
        for (i, mention) in mentions.iter().enumerate() {
            let super::MentionTarget::Place(place) = mention.target;
            mentioned[place.index()].push(i);
            let range = &mut article_mentions[mention.article.index()];
            if range.start == range.end {
                *range = i..i + 1;
            } else {
                range.end = i + 1;
            }
        }
        Self {
            places,
            actors,
            processes,
            articles,
            events,
            mentions,
            place_ids,
            actor_ids,
            process_ids,
            article_ids,
            event_ids,
            held_at,
            involving,
            mentioned,
            article_mentions,
        }
    }

    /// Counts for summaries.
    #[must_use]
    pub fn counts(&self) -> AtlasCounts {
        AtlasCounts {
            places: self.places.len(),
            actors: self.actors.len(),
            processes: self.processes.len(),
            articles: self.articles.len(),
            events: self.events.len(),
            mentions: self.mentions.len(),
        }
    }

    #[must_use]
    pub fn place(&self, idx: PlaceIdx) -> &Place {
        &self.places[idx.index()]
    }

    #[must_use]
    pub fn event(&self, idx: EventIdx) -> &Event {
        &self.events[idx.index()]
    }

    #[must_use]
    pub fn article(&self, idx: ArticleIdx) -> &Article {
        &self.articles[idx.index()]
    }

    #[must_use]
    pub fn actor(&self, idx: ActorIdx) -> &Actor {
        &self.actors[idx.index()]
    }

    #[must_use]
    pub fn process(&self, idx: ProcessIdx) -> &Process {
        &self.processes[idx.index()]
    }

    #[must_use]
    pub fn place_by_id(&self, id: &str) -> Option<PlaceIdx> {
        self.place_ids.get(id).copied()
    }

    #[must_use]
    pub fn actor_by_id(&self, id: &str) -> Option<ActorIdx> {
        self.actor_ids.get(id).copied()
    }

    #[must_use]
    pub fn process_by_id(&self, id: &str) -> Option<ProcessIdx> {
        self.process_ids.get(id).copied()
    }

    #[must_use]
    pub fn article_by_id(&self, id: &str) -> Option<ArticleIdx> {
        self.article_ids.get(id).copied()
    }

    /// The article read from this file name.
    #[must_use]
    pub fn article_by_file(&self, file: &str) -> Option<ArticleIdx> {
        self.articles
            .iter()
            .position(|a| a.file == file)
            .map(ArticleIdx::from_index)
    }

    #[must_use]
    pub fn event_by_id(&self, id: &str) -> Option<EventIdx> {
        self.event_ids.get(id).copied()
    }

    /// Events held at a place, in date order.
    #[must_use]
    pub fn events_at(&self, place: PlaceIdx) -> &[EventIdx] {
        self.held_at.get(place.index()).map_or(&[], Vec::as_slice)
    }

    /// Events about a place, or (for a country) with that state taking part, in date order.
    #[must_use]
    pub fn events_involving(&self, place: PlaceIdx) -> &[EventIdx] {
        self.involving.get(place.index()).map_or(&[], Vec::as_slice)
    }

    /// What the place panel lists: for a country, the events it took part in or that concern it;
    /// for any other place, the events held there and those about it, in date order.
    #[must_use]
    pub fn events_of_place(&self, place: PlaceIdx) -> Vec<EventIdx> {
        let mut list: Vec<EventIdx> = self.events_at(place).to_vec();
        for &e in self.events_involving(place) {
            push_once(&mut list, e);
        }
        list.sort();
        list
    }

    /// Mentions of a place, across all articles.
    pub fn mentions_of(&self, place: PlaceIdx) -> impl Iterator<Item = &Mention> {
        self.mentioned
            .get(place.index())
            .into_iter()
            .flatten()
            .map(|&i| &self.mentions[i])
    }

    /// The mentions in one article, in text order.
    #[must_use]
    pub fn mentions_in(&self, article: ArticleIdx) -> &[Mention] {
        self.article_mentions
            .get(article.index())
            .and_then(|range| self.mentions.get(range.clone()))
            .unwrap_or(&[])
    }

    /// Articles linked to a place: those that mention it and those that report its events.
    #[must_use]
    pub fn articles_of_place(&self, place: PlaceIdx) -> Vec<ArticleIdx> {
        let mut list: Vec<ArticleIdx> = self.mentions_of(place).map(|m| m.article).collect();
        for e in self.events_of_place(place) {
            list.extend(self.event(e).sources.iter().map(|s| s.article));
        }
        list.sort();
        list.dedup();
        list
    }

    /// Places drawn as markers: every non-country place where an event was held or that an event
    /// is about, with the number of such events.
    #[must_use]
    pub fn marker_places(&self) -> Vec<(PlaceIdx, usize)> {
        self.places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind != PlaceKind::Country)
            .filter_map(|(i, _)| {
                let idx = PlaceIdx::from_index(i);
                let n = self.events_of_place(idx).len();
                (n > 0).then_some((idx, n))
            })
            .collect()
    }

    /// Places named in articles, with how many articles name each and whether every link to
    /// it still awaits review; countries are left out (the base map names them).
    #[must_use]
    pub fn article_places(&self) -> Vec<ArticlePlace> {
        let mut out = Vec::new();
        for (i, place) in self.places.iter().enumerate() {
            if place.kind == PlaceKind::Country {
                continue;
            }
            let idx = PlaceIdx::from_index(i);
            let mut articles: Vec<ArticleIdx> = Vec::new();
            let mut review = true;
            for m in self.mentions_of(idx) {
                review &= m.status == super::MentionStatus::Review;
                if !articles.contains(&m.article) {
                    articles.push(m.article);
                }
            }
            if !articles.is_empty() {
                out.push(ArticlePlace {
                    place: idx,
                    articles: articles.len(),
                    review,
                });
            }
        }
        out
    }

    /// Where a participant sits on the map: a state's capital, an organisation's seat.
    #[must_use]
    pub fn party_place(&self, who: PartyRef) -> Option<PlaceIdx> {
        match who {
            PartyRef::State(country) => self.place(country).capital.or(Some(country)),
            PartyRef::Organisation(actor) => self.actor(actor).seat,
        }
    }

    /// The places an event concerns: venues, conflict regions, participants' places (sorted,
    /// each once). A view that shows them shows the whole event.
    #[must_use]
    pub fn event_places(&self, event: EventIdx) -> Vec<PlaceIdx> {
        let e = self.event(event);
        let mut places: Vec<PlaceIdx> = e.places.iter().chain(&e.about).copied().collect();
        for participant in &e.participants {
            if let Some(p) = self.party_place(participant.who) {
                places.push(p);
            }
        }
        places.sort_unstable();
        places.dedup();
        places
    }

    /// Display name of a participant.
    #[must_use]
    pub fn party_name(&self, who: PartyRef, lang: crate::i18n::Lang) -> &str {
        match who {
            PartyRef::State(country) => self.place(country).name(lang),
            PartyRef::Organisation(actor) => {
                crate::i18n::pick(lang, &self.actor(actor).name_de, &self.actor(actor).name_en)
            }
        }
    }
}

fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}
