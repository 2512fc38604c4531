//! The atlas: places, actors, articles, events and peace processes, resolved and indexed.
//!
//! Nothing here knows about egui or files; `ingest` builds an [`Atlas`] and the interface reads
//! it. Once built, an atlas does not change.

mod atlas;
mod date;
pub mod date_expr;
pub mod filter;
pub mod quiz;
pub mod relations;
mod rng;
pub mod search;
pub mod synthetic;
pub mod tour;
mod types;
mod when;

pub use atlas::{ArticlePlace, Atlas, AtlasCounts, Mention, MentionStatus, MentionTarget};
pub use date::{Date, DateError, Precision, days_in_month};
pub use types::{
    Actor, ActorIdx, ActorKind, Alias, Article, ArticleIdx, Event, EventIdx, EventKind, Origin,
    Participant, PartyRef, Place, PlaceIdx, PlaceKind, Process, ProcessIdx, Role, Source,
};
pub use when::{When, WhenError};
