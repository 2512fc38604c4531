//! What the geoparser takes and gives: curated places, mentions, candidates, decisions.

use std::collections::HashMap;
use std::ops::Range;

use super::place::FeatureKind;

/// The kind of a curated place; the same kinds as the world gazetteer's.
pub type CuratedKind = FeatureKind;

/// A place of the app's own hand-made gazetteer (or one the user added).
#[derive(Debug, Clone)]
pub struct CuratedPlace {
    /// Stable id ("astana").
    pub key: String,
    /// Names as written in texts, the display name first.
    pub names: Vec<String>,
    /// German lowercase adjective stems ("kasachisch").
    pub adjectives: Vec<String>,
    /// What sort of place it is.
    pub kind: CuratedKind,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// The GeoNames place it is, if any: that entry then never competes with it.
    pub geonameid: Option<u32>,
}

/// Which place a candidate is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PlaceKey {
    /// A curated place, by its key.
    Curated(String),
    /// A place of the world gazetteer, by GeoNames id.
    GeoNames(u32),
    /// A place the user added, by its key.
    User(String),
}

/// One place a mention may refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Which place.
    pub place: PlaceKey,
    /// Its display name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
    /// WGS84 latitude.
    pub lat: f64,
    /// WGS84 longitude.
    pub lon: f64,
    /// Inhabitants (0 where unknown).
    pub population: u32,
    /// What sort of place it is.
    pub kind: FeatureKind,
    /// The ranking score (see `rank.rs`); only comparable within one text.
    pub score: f32,
}

/// How sure the geoparser is of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStatus {
    /// Linked; no need to check.
    Sure,
    /// Linked tentatively; worth a look.
    Review,
    /// Not linked: the name is more likely a common word or the context speaks against it.
    Rejected,
}

/// A user's decision about every mention of one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The name means this place.
    Place(PlaceKey),
    /// The name is not a place.
    Reject,
}

/// Decisions by [`LinkedMention::key`] (the folded name without its ending).
pub type Decisions = HashMap<String, Decision>;

/// A name found in a text, with its ranked candidates.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedMention {
    /// Byte range in the text, including any ending ("Taschkents").
    pub range: Range<usize>,
    /// The text in `range`.
    pub surface: String,
    /// The folded name without its ending: the key of [`Decisions`].
    pub key: String,
    /// Candidates, best first (at most [`MAX_CANDIDATES`]).
    pub candidates: Vec<Candidate>,
    /// Index of the chosen candidate; `None` when rejected.
    pub chosen: Option<usize>,
    /// How likely the chosen candidate is right, 0..1.
    pub confidence: f32,
    /// Linked, linked tentatively, or not linked.
    pub status: LinkStatus,
}

/// How many candidates a mention keeps.
pub const MAX_CANDIDATES: usize = 8;
