//! The types of the world gazetteer's places.

use std::ops::Range;

/// A place of the world gazetteer: an index into it, valid only for the gazetteer it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GeoId(pub u32);

impl GeoId {
    pub(super) fn index(self) -> usize {
        self.0 as usize
    }
}

/// An ISO 3166-1 alpha-2 country code ("KZ").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code of two ASCII capitals, or `None` for anything else.
    #[must_use]
    pub fn new(code: &str) -> Option<Self> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(Self([a, b])),
            _ => None,
        }
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII capitals (see `new`), so this never falls back.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// What sort of place a gazetteer entry is, in the order the geoparser prefers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FeatureKind {
    /// A sovereign state or a territory with its own ISO code.
    Country,
    /// The capital of a country.
    Capital,
    /// Any other populated place.
    City,
    /// A region, province or valley (curated places only).
    Region,
    /// A building, base or other site (curated places only).
    Site,
}

/// One place of the world gazetteer. Its names are in [`WorldGazetteer::names`](super::WorldGazetteer::names).
#[derive(Debug, Clone)]
pub struct GeoPlace {
    /// The GeoNames id (for countries: the GeoNames id of the country).
    pub geonameid: u32,
    /// The country the place lies in (for a country: itself).
    pub country: CountryCode,
    /// WGS84 latitude; for countries a representative point (see the README).
    pub lat: f32,
    /// WGS84 longitude.
    pub lon: f32,
    /// Inhabitants, as GeoNames gives them.
    pub population: u32,
    /// Country, capital, city or (US states only) region.
    pub kind: FeatureKind,
    /// The GeoNames admin1 code (US: the state, "VA"), padded with zeros; see [`Self::admin1`].
    pub(super) admin1: [u8; 4],
    /// Indices into the gazetteer's name offsets; the first is the primary name.
    pub(super) names: Range<u32>,
}

impl GeoPlace {
    /// The GeoNames first-level division code ("VA" for Virginia), or "" if unknown.
    #[must_use]
    pub fn admin1(&self) -> &str {
        let len = self.admin1.iter().position(|b| *b == 0).unwrap_or(4);
        std::str::from_utf8(&self.admin1[..len]).unwrap_or_default()
    }
}

/// An admin1 code of up to four ASCII letters or digits, zero-padded.
pub(super) fn admin1_code(code: &str) -> Option<[u8; 4]> {
    let mut out = [0; 4];
    if code.len() > 4 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    out[..code.len()].copy_from_slice(code.as_bytes());
    Some(out)
}

/// A country adjective or demonym from `country-adjectives.tsv`.
#[derive(Debug, Clone)]
pub struct CountryAdjective {
    /// The country.
    pub country: GeoId,
    /// A German lowercase stem ("kasachisch") or an English adjective ("Kazakh").
    pub text: String,
    /// Whether `text` is a German stem, which takes the adjective endings -e, -en, ...
    pub german: bool,
}
