//! The gazetteer of the places the exported events use, in the Linked Places Format v1.1
//! (the World Historical Gazetteer's interchange format): `GeoJSON` features with `@id`,
//! `names` in every language the atlas has, `types`, `links` to GeoNames where the coordinate
//! was checked against it, and `ccodes`.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use super::{Request, where_precision};
use crate::model::{Place, PlaceIdx};

/// The JSON-LD context the format names.
pub const CONTEXT: &str = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld";

/// The `@id` of a place: a URN, as the atlas has no web address for its places.
#[must_use]
pub fn place_uri(place: &Place) -> String {
    format!("urn:mediation-atlas:place:{}", place.id)
}

/// Every place the events happened at, are about or have as a participant, once.
///
/// # Errors
/// Serialisation errors, as text.
pub fn write(request: &Request) -> Result<String, String> {
    let atlas = request.atlas;
    let used: BTreeSet<PlaceIdx> = request
        .events
        .iter()
        .flat_map(|&e| atlas.event_places(e))
        .collect();
    let features: Vec<Value> = used.into_iter().map(|p| feature(atlas.place(p))).collect();
    let collection = json!({
        "type": "FeatureCollection",
        "@context": CONTEXT,
        "features": features,
    });
    serde_json::to_string_pretty(&collection).map_err(|e| e.to_string())
}

fn feature(place: &Place) -> Value {
    let mut names = Vec::new();
    for (toponym, lang) in [
        (&place.name_en, "en"),
        (&place.name_de, "de"),
        (&place.name_ru, "ru"),
        (&place.name_local, place.local_lang.as_str()),
    ] {
        let entry = json!({ "toponym": toponym, "lang": lang });
        if !toponym.is_empty() && !names.contains(&entry) {
            names.push(entry);
        }
    }
    for alias in &place.aliases {
        let mut entry = json!({ "toponym": alias.name });
        if alias.from.is_some() || alias.to.is_some() {
            let year = |y: Option<i32>| y.map(|y| format!("{y:04}"));
            entry["when"] = json!({ "timespans": [{
                "start": year(alias.from).map(|y| json!({ "in": y })),
                "end": year(alias.to).map(|y| json!({ "in": y })),
            }] });
        }
        names.push(entry);
    }
    let kind = super::csv::serde_name(place.kind);
    let links: Vec<Value> = geonames_id(&place.source)
        .map(|id| json!({ "type": "closeMatch", "identifier": format!("gn:{id}") }))
        .into_iter()
        .collect();
    json!({
        "@id": place_uri(place),
        "type": "Feature",
        "properties": {
            "title": place.name_en,
            "ccodes": [place.country],
            "where_prec": where_precision(place),
        },
        "geometry": {
            "type": "Point",
            "coordinates": [round(place.lon), round(place.lat)],
            "certainty": "certain",
        },
        "names": names,
        "types": [{ "label": kind }],
        "links": links,
        "descriptions": [{ "value": format!("Coordinate checked against: {}", place.source), "lang": "en" }],
    })
}

/// Four decimals: about 11 m, as precise as the gazetteer.
fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// The GeoNames id in a place's source ("GeoNames 1526273").
fn geonames_id(source: &str) -> Option<&str> {
    let rest = source.trim().strip_prefix("GeoNames")?.trim_start();
    let digits = rest.split(|c: char| !c.is_ascii_digit()).next()?;
    (!digits.is_empty()).then_some(digits)
}
