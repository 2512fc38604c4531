//! The records of the atlas, with references resolved to indices.

use serde::{Deserialize, Serialize};

use super::{Date, When};
use crate::ingest::reflow::FlowText;

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the atlas's list.
            #[must_use]
            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// The index of the `i`-th record. Lists longer than `u32::MAX` are refused when loading.
            #[must_use]
            pub fn from_index(i: usize) -> Self {
                Self(u32::try_from(i).unwrap_or(u32::MAX))
            }
        }
    };
}

index_type!(/// A place in [`super::Atlas::places`].
    PlaceIdx);
index_type!(/// An actor in [`super::Atlas::actors`].
    ActorIdx);
index_type!(/// An article in [`super::Atlas::articles`].
    ArticleIdx);
index_type!(/// An event in [`super::Atlas::events`].
    EventIdx);
index_type!(/// A peace process in [`super::Atlas::processes`].
    ProcessIdx);

/// What sort of place a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Capital,
    City,
    Region,
    Site,
    Country,
}

/// Another name of a place, possibly valid only for some years (Nur-Sultan 2019–2022).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

/// A gazetteer entry.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub name_de: String,
    pub name_en: String,
    /// The Russian name (the Russian interface shows the English one where this is empty).
    pub name_ru: String,
    pub name_local: String,
    pub local_lang: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// What the coordinate was checked against.
    pub source: String,
    /// For a country: its capital.
    pub capital: Option<PlaceIdx>,
    pub aliases: Vec<Alias>,
    /// Lower-case adjective stems (kasachisch), inflected by the linker.
    pub adjectives: Vec<String>,
}

impl Place {
    /// The name in the interface language.
    #[must_use]
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        crate::i18n::pick3(lang, &self.name_de, &self.name_en, &self.name_ru)
    }
}

/// Whether an actor is a person or an organisation (states are country places).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organisation,
}

/// A person or an organisation that takes part in events.
#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name_de: String,
    pub name_en: String,
    pub country: Option<PlaceIdx>,
    pub seat: Option<PlaceIdx>,
    pub role_de: String,
    pub role_en: String,
    pub aliases: Vec<String>,
}

/// A peace process or diplomatic track.
#[derive(Debug, Clone)]
pub struct Process {
    pub id: String,
    pub name_de: String,
    pub name_en: String,
    /// sRGB colour.
    pub color: [u8; 3],
}

/// The kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Talks,
    Summit,
    StateVisit,
    PhoneCall,
    Agreement,
    Declaration,
    War,
    Statement,
    Proposal,
    Mission,
}

impl EventKind {
    /// Every kind, in the order legends list them.
    pub const ALL: [Self; 10] = [
        Self::Talks,
        Self::Summit,
        Self::StateVisit,
        Self::PhoneCall,
        Self::Agreement,
        Self::Declaration,
        Self::War,
        Self::Statement,
        Self::Proposal,
        Self::Mission,
    ];
}

/// The part someone plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Host,
    Mediator,
    Party,
    Guarantor,
    Observer,
    Participant,
}

/// Who takes part: a state (a country place) or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartyRef {
    State(PlaceIdx),
    Organisation(ActorIdx),
}

/// One participant of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub who: PartyRef,
    pub role: Role,
    pub people: Vec<ActorIdx>,
}

/// A passage of an article that reports an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub article: ArticleIdx,
    pub quote: String,
    /// Where the quote stands in the article's flow text, once found.
    pub flow_range: Option<std::ops::Range<usize>>,
}

/// Something that happened, as the seeds report it.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    /// When it happened: a date or a span, perhaps circa, as precise as the source.
    pub when: When,
    pub date_note: String,
    pub title_de: String,
    pub title_en: String,
    pub kind: EventKind,
    pub process: Option<ProcessIdx>,
    /// Where it happened.
    pub places: Vec<PlaceIdx>,
    /// The conflict regions or countries it is about.
    pub about: Vec<PlaceIdx>,
    pub participants: Vec<Participant>,
    pub sources: Vec<Source>,
    /// Shipped (read-only) or the user's own.
    pub origin: Origin,
}

impl Event {
    /// The title in the interface language.
    #[must_use]
    pub fn title(&self, lang: crate::i18n::Lang) -> &str {
        crate::i18n::pick(lang, &self.title_de, &self.title_en)
    }
}

/// An article with its text made readable.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    /// File name in the seeds folder (or the path the user gave).
    pub file: String,
    pub title_de: String,
    pub title_en: String,
    pub source: String,
    pub author: String,
    pub date: Date,
    pub language: String,
    /// The text as stored, for line:column references.
    pub raw: String,
    /// The text reflowed into paragraphs.
    pub flow: FlowText,
    /// Shipped with the app, or the user's own.
    pub origin: Origin,
}

/// Where an article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Origin {
    /// The shipped corpus (`seeds/`): read-only.
    #[default]
    Shipped,
    /// The user's library.
    Library,
}

impl Article {
    /// The title in the interface language.
    #[must_use]
    pub fn title(&self, lang: crate::i18n::Lang) -> &str {
        crate::i18n::pick(lang, &self.title_de, &self.title_en)
    }
}
