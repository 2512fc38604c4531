//! The world gazetteer (GeoNames, embedded) and a geoparser that finds place names in
//! article text and picks, for each, the place it most likely means.
//!
//! [`WorldGazetteer`] holds about 40 000 places with 220 000 names from
//! `assets/geonames/places.tsv` (see the README there for how it was made) plus the
//! countries of `assets/naturalearth/country-names.tsv` and their adjectives. It knows
//! nothing about text. [`Geoparser`] puts the app's curated places and the world gazetteer
//! into one automaton (the [`Linker`](crate::ingest::link::Linker) the app already uses),
//! and ranks the candidates of each name found with cheap offline signals in the spirit of
//! CLIFF-CLAVIN and Mordecai: see `rank.rs` for the scoring and `context.rs` for the
//! signals read from the text. Nothing here depends on egui.

mod context;
mod data;
mod decide;
mod fold;
mod mention;
mod parser;
mod place;
mod rank;
mod tables;

#[cfg(test)]
mod eval;
#[cfg(test)]
mod tests;

pub use data::WorldGazetteer;
pub use fold::{fold, haversine_km};
pub use mention::{
    Candidate, CuratedKind, CuratedPlace, Decision, Decisions, LinkStatus, LinkedMention,
    MAX_CANDIDATES, PlaceKey,
};
pub use parser::{FOCUS_COUNTRIES, Geoparser};
pub use place::{CountryAdjective, CountryCode, FeatureKind, GeoId, GeoPlace};

/// Why a gazetteer could not be read or a geoparser built.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A line of one of the embedded tables is malformed.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// The table's file name, as in `assets/`.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The automaton over all names could not be built.
    #[error("could not build the place-name matcher")]
    Linker(#[from] crate::ingest::link::LinkError),
}
