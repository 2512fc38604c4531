//! Evaluation on the annotated set in `tests/fixtures/geoparse/`, and the shared test
//! parser built from the real curated gazetteer (`data/places.toml`) and the embedded
//! world gazetteer.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::{CuratedPlace, FeatureKind, Geoparser, LinkStatus, WorldGazetteer, haversine_km};

#[derive(Deserialize)]
struct PlacesFile {
    place: Vec<PlaceRow>,
}

#[derive(Deserialize)]
struct PlaceRow {
    id: String,
    name_de: String,
    name_en: String,
    name_local: String,
    country: String,
    kind: String,
    lat: f64,
    lon: f64,
    source: String,
    #[serde(default)]
    aliases: Vec<AliasRow>,
    #[serde(default)]
    adjectives: Vec<String>,
}

#[derive(Deserialize)]
struct AliasRow {
    name: String,
}

/// The app's curated places, read from `data/places.toml` as the loader would.
pub(super) fn curated_places() -> Vec<CuratedPlace> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/places.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let file: PlacesFile = toml::from_str(&text).unwrap();
    file.place
        .into_iter()
        .map(|p| {
            let mut names = vec![p.name_de, p.name_en, p.name_local];
            names.extend(p.aliases.into_iter().map(|a| a.name));
            CuratedPlace {
                key: p.id,
                names,
                adjectives: p.adjectives,
                kind: match p.kind.as_str() {
                    "capital" => FeatureKind::Capital,
                    "region" => FeatureKind::Region,
                    "site" => FeatureKind::Site,
                    "country" => FeatureKind::Country,
                    _ => FeatureKind::City,
                },
                country: p.country,
                lat: p.lat,
                lon: p.lon,
                geonameid: p
                    .source
                    .strip_prefix("GeoNames ")
                    .and_then(|s| s.split_whitespace().next())
                    .and_then(|s| s.parse().ok()),
            }
        })
        .collect()
}

/// One parser for all tests: building it takes a while.
pub(super) fn test_parser() -> &'static Geoparser {
    static PARSER: OnceLock<Geoparser> = OnceLock::new();
    PARSER.get_or_init(|| {
        let world = Arc::new(WorldGazetteer::embedded().unwrap());
        Geoparser::new(world, &curated_places(), &[]).unwrap()
    })
}

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    mention: Vec<GoldMention>,
    #[serde(default)]
    trap: Vec<GoldTrap>,
}

#[derive(Deserialize)]
struct GoldMention {
    text: String,
    occurrence: usize,
    lat: f64,
    lon: f64,
}

#[derive(Deserialize)]
struct GoldTrap {
    text: String,
    occurrence: usize,
}

/// The byte range of the `occurrence`-th (1-based) whole-word occurrence of `word`.
fn nth_occurrence(text: &str, word: &str, occurrence: usize) -> Option<std::ops::Range<usize>> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .nth(occurrence.checked_sub(1)?)
        .map(|(i, _)| i..i + word.len())
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The fixture articles, `NAME.txt` with `NAME.gold.toml`, sorted by name.
fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geoparse");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter(|p| p.with_extension("gold.toml").exists())
        .collect();
    out.sort();
    out
}

#[test]
fn the_annotated_set_is_linked_with_precision_095_and_recall_090() {
    let parser = test_parser();
    let (mut links, mut right, mut gold_total, mut traps_linked) = (0u32, 0u32, 0u32, 0u32);
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let gold: Gold =
            toml::from_str(&std::fs::read_to_string(path.with_extension("gold.toml")).unwrap())
                .unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold_ranges: Vec<_> = gold
            .mention
            .iter()
            .map(|g| {
                let r = nth_occurrence(&text, &g.text, g.occurrence);
                assert!(
                    r.is_some(),
                    "{name}: no occurrence {} of {}",
                    g.occurrence,
                    g.text
                );
                (r.unwrap_or_default(), g)
            })
            .collect();
        let mentions = parser.link(&text, &super::Decisions::new());
        let linked: Vec<_> = mentions
            .iter()
            .filter(|m| m.status != LinkStatus::Rejected)
            .filter_map(|m| Some((m, m.candidates.get(m.chosen?)?)))
            .collect();
        let mut found = vec![false; gold_ranges.len()];
        for (m, c) in &linked {
            links += 1;
            let hit = gold_ranges.iter().position(|(r, g)| {
                overlaps(r, &m.range) && haversine_km(g.lat, g.lon, c.lat, c.lon) <= 25.0
            });
            match hit {
                Some(i) => {
                    right += 1;
                    found[i] = true;
                }
                None => println!(
                    "{name}: wrong link {:?} -> {} {} ({:.2},{:.2}) score {:.1} {:?}",
                    m.surface, c.name, c.country, c.lat, c.lon, c.score, m.status
                ),
            }
        }
        for ((r, g), f) in gold_ranges.iter().zip(&found) {
            if !f {
                let got = mentions.iter().find(|m| overlaps(r, &m.range));
                let got = got.map(|m| {
                    let c: Vec<_> = m
                        .candidates
                        .iter()
                        .take(3)
                        .map(|c| format!("{} {} {:.1}", c.name, c.country, c.score))
                        .collect();
                    format!("{:?} {:?} {}", m.surface, m.status, c.join(" / "))
                });
                println!("{name}: missed {} #{}: {got:?}", g.text, g.occurrence);
            }
        }
        for t in &gold.trap {
            if let Some(r) = nth_occurrence(&text, &t.text, t.occurrence)
                && linked.iter().any(|(m, _)| overlaps(&r, &m.range))
            {
                println!("{name}: trap {} #{} linked", t.text, t.occurrence);
                traps_linked += 1;
            }
        }
        gold_total += u32::try_from(gold_ranges.len()).unwrap();
    }
    let precision = f64::from(right) / f64::from(links.max(1));
    let recall = f64::from(right) / f64::from(gold_total.max(1));
    println!(
        "links {links}, right {right}, gold {gold_total}, traps linked {traps_linked}: \
         precision {precision:.3}, recall {recall:.3}"
    );
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.90, "recall {recall:.3}");
}
