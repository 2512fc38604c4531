//! `GeoJSON` (RFC 7946: longitude first, WGS 84) of events and of the places they happened at.
//!
//! An event is a feature at its venue (a `MultiPoint` when it had several, no geometry when the
//! source names none) with its dates as a Linked Places Format `when` (a timespan whose `in`
//! is as precise as the date is known: "2017-01-23", "2017-01", "2017"), its participants with
//! their roles, its process and its first source quote verbatim. Each place used is a feature
//! of its own (`feature_type` "place").

use std::collections::BTreeSet;

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, JsonValue};
use serde_json::json;

use super::{Request, date_bounds, date_precision, first_quote, party, where_precision};
use crate::model::{Place, PlaceIdx, When};

/// Four decimals: about 11 m, as precise as the gazetteer.
fn position(place: &Place) -> [f64; 2] {
    let round = |v: f64| (v * 10_000.0).round() / 10_000.0;
    [round(place.lon), round(place.lat)]
}

/// The events and their places as a `FeatureCollection`.
///
/// # Errors
/// Serialisation errors, as text.
pub fn write(request: &Request) -> Result<String, String> {
    let (atlas, events) = (request.atlas, request.events);
    let mut features = Vec::with_capacity(events.len());
    let mut used: BTreeSet<PlaceIdx> = BTreeSet::new();
    for &e in events {
        let event = atlas.event(e);
        used.extend(&event.places);
        let positions: Vec<[f64; 2]> = event
            .places
            .iter()
            .map(|&p| position(atlas.place(p)))
            .collect();
        let geometry = match positions.as_slice() {
            [] => None,
            [one] => Some(Geometry::new(geojson::GeometryValue::new_point(*one))),
            many => Some(Geometry::new(geojson::GeometryValue::new_multi_point(
                many.iter().copied(),
            ))),
        };
        let participants: Vec<JsonValue> = event
            .participants
            .iter()
            .map(|p| {
                let (id, name) = party(atlas, p.who);
                json!({ "id": id, "name": name, "role": p.role })
            })
            .collect();
        let where_prec = event
            .places
            .iter()
            .map(|&p| where_precision(atlas.place(p)))
            .max();
        let (quote, article) = first_quote(atlas, event).unzip();
        let mut properties = JsonObject::new();
        for (key, value) in [
            ("feature_type", json!("event")),
            ("title_de", json!(event.title_de)),
            ("title_en", json!(event.title_en)),
            ("kind", json!(event.kind)),
            (
                "process",
                json!(event.process.map(|p| atlas.process(p).id.as_str())),
            ),
            (
                "process_name",
                json!(event.process.map(|p| atlas.process(p).name_en.as_str())),
            ),
            ("date", json!(event.when.to_edtf())),
            ("date_prec", json!(date_precision(event.when))),
            ("where_prec", json!(where_prec)),
            (
                "places",
                json!(
                    event
                        .places
                        .iter()
                        .map(|&p| atlas.place(p).id.as_str())
                        .collect::<Vec<_>>()
                ),
            ),
            ("participants", JsonValue::Array(participants)),
            ("quote", json!(quote)),
            ("quote_article", json!(article)),
        ] {
            properties.insert(key.to_owned(), value);
        }
        let mut foreign = JsonObject::new();
        if let Some(when) = when(event.when) {
            foreign.insert("when".to_owned(), when);
        }
        features.push(Feature {
            bbox: None,
            geometry,
            id: Some(geojson::feature::Id::String(event.id.clone())),
            properties: Some(properties),
            foreign_members: (!foreign.is_empty()).then_some(foreign),
        });
    }
    for p in used {
        features.push(place_feature(atlas.place(p)));
    }
    for layer in request.layers {
        features.extend(layer.rows().map(|row| {
            let (edtf, start, end) = super::record_dates(&row);
            record_feature(&row, layer.name, &edtf, &start, &end)
        }));
    }
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    serde_json::to_string_pretty(&collection).map_err(|e| e.to_string())
}

/// A Linked Places Format `when`: one timespan from the start (as precise as it is known) to
/// the end, with the first and last day it can mean; `"certainty": "less-certain"` for circa.
fn when(when: When) -> Option<JsonValue> {
    let (earliest, latest) = date_bounds(when)?;
    let start = when.start.to_iso();
    let end = when.end.unwrap_or(when.start).to_iso();
    let mut span = json!({
        "start": { "in": start, "earliest": earliest },
        "end": { "in": end, "latest": latest },
    });
    if when.circa {
        span["certainty"] = json!("less-certain");
    }
    Some(json!({ "timespans": [span] }))
}

fn place_feature(place: &Place) -> Feature {
    let mut properties = JsonObject::new();
    for (key, value) in [
        ("feature_type", json!("place")),
        ("name_de", json!(place.name_de)),
        ("name_en", json!(place.name_en)),
        ("name_ru", json!(place.name_ru)),
        ("name_local", json!(place.name_local)),
        ("kind", json!(place.kind)),
        ("country", json!(place.country)),
        ("where_prec", json!(where_precision(place))),
        ("source", json!(place.source)),
    ] {
        properties.insert(key.to_owned(), value);
    }
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geojson::GeometryValue::new_point(position(
            place,
        )))),
        id: Some(geojson::feature::Id::String(format!("place:{}", place.id))),
        properties: Some(properties),
        foreign_members: None,
    }
}

/// A record of an imported layer: `feature_type` "record", with its layer's name, and a
/// Linked Places `when` from its first to its last day.
fn record_feature(
    row: &crate::layers::records::Row,
    layer: &str,
    edtf: &str,
    start: &str,
    end: &str,
) -> Feature {
    let prec = |p: u8| (p > 0).then_some(p);
    let mut properties = JsonObject::new();
    for (key, value) in [
        ("feature_type", json!("record")),
        ("layer", json!(layer)),
        ("title", json!(row.title)),
        ("date", json!(edtf)),
        ("date_prec", json!(prec(row.date_prec))),
        ("where_prec", json!(prec(row.where_prec))),
        ("where_description", json!(row.place)),
        ("participants", json!(row.actors)),
        ("category", json!(row.category)),
        ("note", json!(row.note)),
    ] {
        properties.insert(key.to_owned(), value);
    }
    let mut foreign = JsonObject::new();
    if !start.is_empty() {
        foreign.insert(
            "when".to_owned(),
            json!({ "timespans": [{
                "start": { "in": edtf, "earliest": start },
                "end": { "in": edtf, "latest": end },
            }] }),
        );
    }
    let geometry = (row.lon.is_finite() && row.lat.is_finite()).then(|| {
        Geometry::new(geojson::GeometryValue::new_point([
            f64::from(row.lon),
            f64::from(row.lat),
        ]))
    });
    Feature {
        bbox: None,
        geometry,
        id: (!row.source_id.is_empty())
            .then(|| geojson::feature::Id::String(row.source_id.to_owned())),
        properties: Some(properties),
        foreign_members: (!foreign.is_empty()).then_some(foreign),
    }
}
