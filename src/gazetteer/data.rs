//! The embedded world gazetteer: GeoNames places and the countries, in a few flat arrays.
//!
//! 220 000 names as 220 000 `String`s would cost about three times their text in headers and
//! allocator overhead, so all names live in one `String` with an array of end offsets. The
//! lookup index is the name numbers sorted by folded name; the folded names themselves are
//! made again during a binary search (18 folds per lookup) rather than kept (2 MB more).

// Indices and offsets are u32 to halve the tables; the embedded data has 40 000 places and
// 4 MB of names, far below 2^32, and coordinates are kept as f32 (a metre at 4 decimals).
#![allow(clippy::cast_possible_truncation)]

use super::GazetteerError;
use super::fold::fold;
use super::place::{CountryAdjective, CountryCode, FeatureKind, GeoId, GeoPlace, admin1_code};
use super::tables::{data_lines, parse_error, read_country_extras};

const PLACES_TSV: &str = include_str!("../../assets/geonames/places.tsv");
const COUNTRY_NAMES_TSV: &str = include_str!("../../assets/naturalearth/country-names.tsv");
const ADJECTIVES_TSV: &str = include_str!("../../assets/geonames/country-adjectives.tsv");

/// The world gazetteer: GeoNames cities and the countries, with all their names.
#[derive(Debug, Clone, Default)]
pub struct WorldGazetteer {
    places: Vec<GeoPlace>,
    /// All names, back to back.
    text: String,
    /// End of each name in `text`; a name starts where the previous one ends.
    name_ends: Vec<u32>,
    /// Name numbers sorted by folded name (then place); a place's repeats folding alike
    /// ("Kyiv", "KYIV") are left out.
    folded: Vec<u32>,
    /// (GeoNames id, place), sorted.
    by_geonameid: Vec<(u32, u32)>,
    /// (country code, place of the country), sorted.
    countries: Vec<(CountryCode, GeoId)>,
    adjectives: Vec<CountryAdjective>,
}

impl WorldGazetteer {
    /// The gazetteer compiled into the binary.
    ///
    /// # Errors
    /// [`GazetteerError::Parse`] if an embedded table is malformed (a build defect).
    pub fn embedded() -> Result<Self, GazetteerError> {
        Self::parse(PLACES_TSV, COUNTRY_NAMES_TSV, ADJECTIVES_TSV)
    }

    /// Reads `places.tsv`, `country-names.tsv` (numeric, alpha2, `name_de`, `name_en`) and
    /// `country-adjectives.tsv` (alpha2, German stems, English adjectives, other names).
    ///
    /// # Errors
    /// [`GazetteerError::Parse`] naming the file and line of the first malformed row.
    pub fn parse(
        places_tsv: &str,
        country_names_tsv: &str,
        adjectives_tsv: &str,
    ) -> Result<Self, GazetteerError> {
        let extras = read_country_extras(country_names_tsv, adjectives_tsv)?;
        let mut g = WorldGazetteer {
            text: String::with_capacity(places_tsv.len() / 2),
            ..WorldGazetteer::default()
        };
        let mut pending_adjectives = Vec::new();
        for (line, row) in data_lines(places_tsv) {
            let err = |m: String| parse_error("places.tsv", line, m);
            let f: Vec<&str> = row.split('\t').collect();
            let [
                id,
                name,
                country,
                admin1,
                lat,
                lon,
                population,
                kind,
                alternates,
            ] = f[..]
            else {
                return Err(err(format!("expected 9 columns, found {}", f.len())));
            };
            let admin1 =
                admin1_code(admin1).ok_or_else(|| err(format!("bad admin1 {admin1:?}")))?;
            let number = |what: &str, s: &str| -> Result<f64, GazetteerError> {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| err(format!("bad {what} {s:?}")))
            };
            let lat = number("latitude", lat)?;
            let lon = number("longitude", lon)?;
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                return Err(err(format!("coordinate {lat},{lon} outside the globe")));
            }
            let kind = match kind {
                "country" => FeatureKind::Country,
                "capital" => FeatureKind::Capital,
                "city" => FeatureKind::City,
                "region" => FeatureKind::Region,
                other => return Err(err(format!("unknown kind {other:?}"))),
            };
            let country = CountryCode::new(country)
                .ok_or_else(|| err(format!("bad country code {country:?}")))?;
            if name.trim().is_empty() {
                return Err(err("empty name".to_owned()));
            }
            let place = u32::try_from(g.places.len()).map_err(|_| err("too many places".into()))?;
            let first = g.name_ends.len() as u32;
            g.push_name(name);
            for alt in alternates.split('|').filter(|a| !a.trim().is_empty()) {
                g.push_name(alt);
            }
            if kind == FeatureKind::Country
                && let Some(extra) = extras.get(&country)
            {
                for n in &extra.names {
                    g.push_name(n);
                }
                pending_adjectives.extend(extra.adjectives.iter().map(|(t, german)| {
                    CountryAdjective {
                        country: GeoId(place),
                        text: t.clone(),
                        german: *german,
                    }
                }));
                g.countries.push((country, GeoId(place)));
            }
            g.places.push(GeoPlace {
                geonameid: id
                    .parse()
                    .map_err(|_| err(format!("bad geonameid {id:?}")))?,
                country,
                lat: lat as f32,
                lon: lon as f32,
                population: population
                    .parse()
                    .map_err(|_| err(format!("bad population {population:?}")))?,
                kind,
                admin1,
                names: first..g.name_ends.len() as u32,
            });
        }
        g.adjectives = pending_adjectives;
        g.build_indexes();
        Ok(g)
    }

    /// Appends one name, dropping case-insensitive repeats of the place's earlier names
    /// (the countries' extra names often repeat their GeoNames name).
    fn push_name(&mut self, name: &str) {
        let name = name.trim();
        let first = self.places.last().map_or(0, |p| p.names.end) as usize;
        let start = first
            .checked_sub(1)
            .map_or(0, |i| self.name_ends[i] as usize);
        let repeated = self.name_ends[first..]
            .iter()
            .scan(start, |s, &e| {
                let n = &self.text[*s..e as usize];
                *s = e as usize;
                Some(n)
            })
            .any(|n| n.eq_ignore_ascii_case(name));
        if !repeated {
            self.text.push_str(name);
            self.name_ends.push(self.text.len() as u32);
        }
    }

    fn build_indexes(&mut self) {
        // The folded names are made once here, in one big string that is dropped at the end.
        let mut folded_text = String::with_capacity(self.text.len() + self.text.len() / 8);
        let mut spans = Vec::with_capacity(self.name_ends.len());
        for n in 0..self.name_ends.len() as u32 {
            let start = folded_text.len();
            folded_text.push_str(&fold(self.name_at(n)));
            spans.push((start, folded_text.len()));
        }
        let key = |n: u32| {
            let (s, e) = spans[n as usize];
            &folded_text[s..e]
        };
        let mut folded: Vec<u32> = (0..self.name_ends.len() as u32).collect();
        // Names are numbered place by place, so the name number also orders by place.
        folded.sort_unstable_by(|a, b| key(*a).cmp(key(*b)).then(a.cmp(b)));
        folded.dedup_by(|a, b| {
            self.place_of_name(*a) == self.place_of_name(*b) && key(*a) == key(*b)
        });
        self.folded = folded;
        self.by_geonameid = self
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.geonameid, i as u32))
            .collect();
        self.by_geonameid.sort_unstable();
        self.countries.sort_unstable();
        self.places.shrink_to_fit();
        self.text.shrink_to_fit();
        self.name_ends.shrink_to_fit();
    }

    /// The place name number `n` belongs to.
    fn place_of_name(&self, n: u32) -> u32 {
        self.places.partition_point(|p| p.names.end <= n) as u32
    }

    /// The range of the sorted index whose folded names start with (or, if `exact`,
    /// equal) `key`.
    fn folded_range(&self, key: &str, exact: bool) -> &[u32] {
        let from = self
            .folded
            .partition_point(|n| fold(self.name_at(*n)).as_str() < key);
        let rest = &self.folded[from..];
        let len = rest.partition_point(|n| {
            let f = fold(self.name_at(*n));
            if exact { f == key } else { f.starts_with(key) }
        });
        &rest[..len]
    }

    fn name_at(&self, n: u32) -> &str {
        let end = self.name_ends[n as usize] as usize;
        let start = n
            .checked_sub(1)
            .map_or(0, |p| self.name_ends[p as usize] as usize);
        &self.text[start..end]
    }

    /// Number of places.
    #[must_use]
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are no places.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// All places with their ids.
    pub fn iter(&self) -> impl Iterator<Item = (GeoId, &GeoPlace)> {
        self.places
            .iter()
            .enumerate()
            .map(|(i, p)| (GeoId(i as u32), p))
    }

    /// The place `id`.
    ///
    /// # Panics
    /// If `id` is not from this gazetteer.
    #[must_use]
    pub fn place(&self, id: GeoId) -> &GeoPlace {
        &self.places[id.index()]
    }

    /// The primary name of `id` (GeoNames' English-language name).
    #[must_use]
    pub fn name(&self, id: GeoId) -> &str {
        self.names(id).next().unwrap_or_default()
    }

    /// All names of `id`, the primary name first; countries add their German and English
    /// names from `country-names.tsv` and the other names of `country-adjectives.tsv`.
    pub fn names(&self, id: GeoId) -> impl Iterator<Item = &str> {
        self.place(id).names.clone().map(|n| self.name_at(n))
    }

    /// The places bearing `name` (case and diacritics folded, see [`fold`]), most
    /// populous first.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Vec<GeoId> {
        let mut out: Vec<GeoId> = self
            .folded_range(&fold(name), true)
            .iter()
            .map(|n| GeoId(self.place_of_name(*n)))
            .collect();
        out.sort_by_key(|id| (std::cmp::Reverse(self.place(*id).population), *id));
        out.dedup();
        out
    }

    /// Up to `limit` places with a name starting with `query` (folded), countries and
    /// capitals first, then the most populous: for a search field.
    #[must_use]
    pub fn search(&self, query: &str, limit: usize) -> Vec<GeoId> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<GeoId> = self
            .folded_range(&key, false)
            .iter()
            .map(|n| GeoId(self.place_of_name(*n)))
            .collect();
        out.sort_unstable_by_key(|id| {
            let p = self.place(*id);
            (
                p.kind == FeatureKind::City,
                std::cmp::Reverse(p.population),
                *id,
            )
        });
        out.dedup();
        out.truncate(limit);
        out
    }

    /// The place with GeoNames id `geonameid`.
    #[must_use]
    pub fn by_geonameid(&self, geonameid: u32) -> Option<GeoId> {
        let i = self
            .by_geonameid
            .binary_search_by_key(&geonameid, |(g, _)| *g)
            .ok()?;
        self.by_geonameid.get(i).map(|(_, p)| GeoId(*p))
    }

    /// The place of the country `code` ("KZ").
    #[must_use]
    pub fn country(&self, code: CountryCode) -> Option<GeoId> {
        let i = self
            .countries
            .binary_search_by_key(&code, |(c, _)| *c)
            .ok()?;
        self.countries.get(i).map(|(_, p)| *p)
    }

    /// The country adjectives and demonyms, German and English.
    #[must_use]
    pub fn adjectives(&self) -> &[CountryAdjective] {
        &self.adjectives
    }

    /// Bytes this gazetteer holds on the heap (capacities, not lengths).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.places.capacity() * size_of::<GeoPlace>()
            + self.text.capacity()
            + self.name_ends.capacity() * size_of::<u32>()
            + self.folded.capacity() * size_of::<u32>()
            + self.by_geonameid.capacity() * size_of::<(u32, u32)>()
            + self.countries.capacity() * size_of::<(CountryCode, GeoId)>()
            + self.adjectives.capacity() * size_of::<CountryAdjective>()
            + self
                .adjectives
                .iter()
                .map(|a| a.text.capacity())
                .sum::<usize>()
    }
}
