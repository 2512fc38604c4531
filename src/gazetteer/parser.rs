//! The geoparser: one automaton over every name, then ranking of each name's candidates.

// Group and place indices are u32 to halve the tables; there are about 150 000 names.
#![allow(clippy::cast_possible_truncation)]

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::ingest::link::{Form, Linker, NameEntry};

use super::data::WorldGazetteer;
use super::fold::haversine_km;
use super::mention::{CuratedPlace, Decisions, LinkedMention};
use super::place::{CountryCode, FeatureKind, GeoId};
use super::{GazetteerError, rank};

/// A place a name may stand for, before ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Target {
    /// Index into [`Geoparser::curated`].
    Curated(u32),
    World(GeoId),
}

/// One meaning of a name: a place, named directly or by an adjective of its country.
/// Packed into 32 bits (adjective flag, curated flag, 30-bit index): there are 160 000.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sense(u32);

impl Sense {
    const ADJECTIVE: u32 = 1 << 31;
    const CURATED: u32 = 1 << 30;

    fn new(target: Target, adjective: bool) -> Self {
        let (flag, index) = match target {
            Target::Curated(i) => (Self::CURATED, i),
            Target::World(id) => (0, id.0),
        };
        Sense(flag | index & (Self::CURATED - 1) | if adjective { Self::ADJECTIVE } else { 0 })
    }

    /// The place meant.
    pub fn target(self) -> Target {
        let index = self.0 & (Self::CURATED - 1);
        if self.0 & Self::CURATED == 0 {
            Target::World(GeoId(index))
        } else {
            Target::Curated(index)
        }
    }

    /// Whether the name is an adjective of the place (a country).
    pub fn adjective(self) -> bool {
        self.0 & Self::ADJECTIVE != 0
    }
}

/// A curated or user place with what ranking needs of it.
#[derive(Debug, Clone)]
pub(super) struct CuratedEntry {
    pub place: CuratedPlace,
    pub user: bool,
    pub country: Option<CountryCode>,
    /// The population of its GeoNames twin, if any.
    pub population: u32,
}

/// Finds place names in text and ranks what each may mean. Cheap to share: the world
/// gazetteer is behind an `Arc` so a search field can use the same copy.
#[derive(Debug, Clone)]
pub struct Geoparser {
    pub(super) world: Arc<WorldGazetteer>,
    pub(super) curated: Vec<CuratedEntry>,
    /// The automaton, cut into [`CHUNKS`] linkers by the first letter of the names (see
    /// [`Geoparser::new`]).
    linkers: Vec<Linker>,
    /// Senses of group `g` are `senses[group_starts[g]..group_starts[g + 1]]`.
    group_starts: Vec<u32>,
    senses: Vec<Sense>,
}

/// Countries of the app's region (those whose villages `places.tsv` carries, and Russia):
/// every name of every place there goes into the automaton.
/// Elsewhere only countries, capitals, regions and cities of 100 000 or more bring all
/// their names; smaller towns bring their primary name only. GeoNames lists dozens of
/// variants per place (Lithuanian, Polish, Turkish spellings ...), and for small foreign
/// towns those are more often a source of false links ("Central" for Radford, Virginia)
/// than of real ones; dropping them also keeps the automaton within its memory budget.
pub const FOCUS_COUNTRIES: [&str; 12] = [
    "KZ", "KG", "TJ", "TM", "UZ", "AM", "AZ", "GE", "AF", "IR", "MN", "RU",
];

/// How many linkers the automaton is cut into.
const CHUNKS: usize = 8;

/// Towns from this size on bring all their names into the automaton.
const ALL_NAMES_FROM: u32 = 100_000;

/// Whether a name is written in Cyrillic. The texts are German and English, so Cyrillic
/// names stay out of the automaton (they remain in [`WorldGazetteer::lookup`] and
/// [`WorldGazetteer::search`]).
fn is_cyrillic(name: &str) -> bool {
    name.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Collects names and groups them by the key under which the linker dedups them
/// (ASCII-lowercased with single spaces, or the exact text for all-caps names, which it
/// matches case-sensitively). Keys and names go into two big strings rather than a map of
/// small ones: that halves the build's peak memory and leaves no fragments behind.
#[derive(Default)]
struct Groups {
    keys: String,
    names: String,
    /// (key range, name range, form, sense) in insertion order.
    items: Vec<(Range<u32>, Range<u32>, Form, Sense)>,
}

impl Groups {
    fn add(&mut self, name: &str, form: Form, sense: Sense) {
        let start = self.names.len() as u32;
        for (i, word) in name.split_whitespace().enumerate() {
            if i > 0 {
                self.names.push(' ');
            }
            self.names.push_str(word);
        }
        let end = self.names.len() as u32;
        let collapsed = &self.names[start as usize..end as usize];
        if collapsed.chars().count() < 2 {
            self.names.truncate(start as usize);
            return;
        }
        let key_start = self.keys.len() as u32;
        if collapsed
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b == b' ')
        {
            self.keys.push('\u{1}');
            self.keys.push_str(collapsed);
        } else {
            self.keys
                .extend(collapsed.chars().map(|c| c.to_ascii_lowercase()));
        }
        let key_end = self.keys.len() as u32;
        self.items
            .push((key_start..key_end, start..end, form, sense));
    }

    /// One linker entry per key (the first name with it), and the senses by group.
    fn finish(self) -> (Vec<NameEntry>, Vec<u32>, Vec<Sense>) {
        let key = |r: &Range<u32>| &self.keys[r.start as usize..r.end as usize];
        let mut order: Vec<u32> = (0..self.items.len() as u32).collect();
        // Stable: within a key, the first name added comes first and gives the form.
        order.sort_by(|a, b| key(&self.items[*a as usize].0).cmp(key(&self.items[*b as usize].0)));
        let mut entries: Vec<NameEntry> = Vec::new();
        let mut starts = Vec::new();
        let mut senses = Vec::with_capacity(order.len());
        let mut last: Option<&str> = None;
        for i in order {
            let (k, n, form, sense) = &self.items[i as usize];
            if last != Some(key(k)) {
                last = Some(key(k));
                starts.push(senses.len() as u32);
                entries.push(NameEntry {
                    text: self.names[n.start as usize..n.end as usize].to_owned(),
                    form: *form,
                    target: entries.len(),
                });
            }
            senses.push(*sense);
        }
        starts.push(senses.len() as u32);
        (entries, starts, senses)
    }
}

impl Geoparser {
    /// Builds the automaton over the names of `curated` and `user` places (which win over
    /// GeoNames entries for the same place: same GeoNames id, same country for a country,
    /// or a same-named GeoNames place within 30 km) and of `world`.
    ///
    /// # Errors
    /// [`GazetteerError::Linker`] if the automaton cannot be built.
    pub fn new(
        world: Arc<WorldGazetteer>,
        curated: &[CuratedPlace],
        user: &[CuratedPlace],
    ) -> Result<Self, GazetteerError> {
        let entries: Vec<CuratedEntry> = curated
            .iter()
            .map(|p| (p, false))
            .chain(user.iter().map(|p| (p, true)))
            .map(|(p, user)| CuratedEntry {
                place: p.clone(),
                user,
                country: CountryCode::new(&p.country),
                population: 0,
            })
            .collect();
        let mut parser = Geoparser {
            world,
            curated: entries,
            linkers: Vec::new(),
            group_starts: Vec::new(),
            senses: Vec::new(),
        };
        let shadow = parser.shadowed();
        for (&world, &c) in &shadow {
            let pop = parser.world.place(world).population;
            if let Some(e) = parser.curated.get_mut(c as usize) {
                e.population = e.population.max(pop);
            }
        }
        let redirect = |id: GeoId| {
            shadow
                .get(&id)
                .map_or(Target::World(id), |c| Target::Curated(*c))
        };

        // Order matters: for two entries with the same key the first one's form wins, so
        // curated names come first, then countries and their adjectives, then cities by
        // population (places.tsv is sorted that way).
        let mut groups = Groups::default();
        for (i, e) in parser.curated.iter().enumerate() {
            let sense = |adjective| Sense::new(Target::Curated(i as u32), adjective);
            for n in &e.place.names {
                groups.add(n, Form::Noun, sense(false));
            }
            for a in &e.place.adjectives {
                groups.add(a, Form::Adjective, sense(true));
            }
        }
        for a in parser.world.adjectives() {
            // English adjectives ("Kazakh") take the noun endings: plural "Kazakhs".
            let form = if a.german {
                Form::Adjective
            } else {
                Form::Noun
            };
            let sense = Sense::new(redirect(a.country), true);
            groups.add(&a.text, form, sense);
        }
        for (id, place) in parser.world.iter() {
            let all_names = place.kind != FeatureKind::City
                || place.population >= ALL_NAMES_FROM
                || FOCUS_COUNTRIES.contains(&place.country.as_str());
            let names = parser
                .world
                .names(id)
                .take(if all_names { usize::MAX } else { 1 });
            for n in names.filter(|n| !is_cyrillic(n)) {
                let sense = Sense::new(redirect(id), false);
                groups.add(n, Form::Noun, sense);
            }
        }
        let (entries, starts, senses) = groups.finish();
        parser.senses = senses;
        parser.group_starts = starts;
        // One automaton over 115 000 names needs about 30 MB more while it is built than
        // once it stands, and the allocator keeps most of that from the process for good.
        // Built in chunks by the names' first byte, the peak is an eighth of that; nothing
        // is lost, as the automaton shares states only between names with the same first
        // byte anyway, and all names that can match at one position share their first byte
        // (up to ASCII case, which the linker folds).
        let mut chunks: Vec<Vec<NameEntry>> = vec![Vec::new(); CHUNKS];
        for e in entries {
            let first = e.text.bytes().next().map_or(0, |b| b.to_ascii_lowercase());
            chunks[usize::from(first) % CHUNKS].push(e);
        }
        for chunk in chunks {
            parser.linkers.push(Linker::new(chunk)?);
        }
        Ok(parser)
    }

    /// World places that a curated place stands for, mapped to that curated place.
    fn shadowed(&self) -> HashMap<GeoId, u32> {
        let mut out = HashMap::new();
        for (i, e) in self.curated.iter().enumerate() {
            let i = i as u32;
            if let Some(id) = e.place.geonameid.and_then(|g| self.world.by_geonameid(g)) {
                out.insert(id, i);
            }
            if e.place.kind == FeatureKind::Country
                && let Some(id) = e.country.and_then(|c| self.world.country(c))
            {
                out.insert(id, i);
            }
            for n in &e.place.names {
                for id in self.world.lookup(n) {
                    let p = self.world.place(id);
                    let d = haversine_km(e.place.lat, e.place.lon, p.lat.into(), p.lon.into());
                    if d <= 30.0 {
                        out.entry(id).or_insert(i);
                    }
                }
            }
        }
        out
    }

    /// The world gazetteer this parser uses.
    #[must_use]
    pub fn world(&self) -> &Arc<WorldGazetteer> {
        &self.world
    }

    /// The senses of a name group.
    pub(super) fn senses(&self, group: usize) -> &[Sense] {
        let start = self.group_starts.get(group).copied().unwrap_or(0) as usize;
        let end = self.group_starts.get(group + 1).copied().unwrap_or(0) as usize;
        self.senses.get(start..end).unwrap_or_default()
    }

    /// Finds the place names in `text` (flow text: single spaces, hyphenation undone) and
    /// ranks their candidates. Earlier `decisions` of the user for a name win.
    pub fn link(&self, text: &str, decisions: &Decisions) -> Vec<LinkedMention> {
        // Each linker's matches are sorted and disjoint; merged, the leftmost wins (two
        // matches at one start come from the same linker, which already took the longest).
        let mut all: Vec<(usize, crate::ingest::link::Found)> = self
            .linkers
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.find(text).into_iter().map(move |f| (i, f)))
            .collect();
        all.sort_by_key(|(_, f)| f.range.start);
        let mut raw = Vec::new();
        let mut covered = 0;
        for (linker, found) in all {
            if found.range.start < covered {
                continue;
            }
            covered = found.range.end;
            let Some(entry) = self
                .linkers
                .get(linker)
                .and_then(|l| l.entries().get(found.name))
            else {
                continue;
            };
            let surface = &text[found.range.clone()];
            let base_len = entry.text.len().min(surface.len());
            let base = surface.get(..base_len).unwrap_or(surface);
            // The automaton folds ASCII case; a proper noun written in lowercase ("essen",
            // "split", "union") is the common word, and not worth reporting at all.
            let name_capital = entry.text.chars().next().is_some_and(char::is_uppercase);
            let text_capital = surface.chars().next().is_some_and(char::is_uppercase);
            if entry.form == Form::Noun && name_capital && !text_capital {
                continue;
            }
            raw.push(rank::RawMention {
                range: found.range,
                base: base.to_owned(),
                group: found.target,
            });
        }
        rank::rank(self, text, &raw, decisions)
    }

    /// Bytes the parser's own tables hold on the heap (names and senses; the automaton
    /// itself is not counted, as the linker does not report its size).
    pub fn heap_bytes(&self) -> usize {
        use std::mem::size_of;
        self.linkers
            .iter()
            .flat_map(Linker::entries)
            .map(|e| size_of::<NameEntry>() + e.text.capacity())
            .sum::<usize>()
            + self.group_starts.capacity() * size_of::<u32>()
            + self.senses.capacity() * size_of::<Sense>()
            + self.curated.capacity() * size_of::<CuratedEntry>()
    }
}
