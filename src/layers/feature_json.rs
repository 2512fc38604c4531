//! `GeoJSON` `FeatureCollections`, the atlas's own `GeoJSON` export among them, read one feature at
//! a time: the collection is walked with a serde visitor, so a large file is never held as
//! text or as one JSON tree (each feature is, briefly). A feature that is not valid `GeoJSON`
//! is reported by its number and skipped.
//!
//! Location: a `Point`, or the first point of a `MultiPoint` (the atlas writes an event with
//! several venues so, its first venue first). Any other geometry is placed at the mean of its
//! positions (the vertex mean, not the area centroid; a polygon's closing position counts
//! twice), a `GeometryCollection` at its first member.
//!
//! Properties: `title`/`name` (or the atlas's `title_en`/`title_de`), dates from `date`, else
//! `start`/`end` (`date_start`/`date_end`), else a Linked Places `when` (its first timespan),
//! `date_prec` and `where_prec` where given. The atlas's place features (`feature_type`
//! "place") are the gazetteer of its events, not events, and are left out.

use std::fmt;
use std::io::{BufReader, Read};
use std::sync::atomic::AtomicU64;

use geojson::{Feature, GeometryValue, JsonObject, JsonValue};
use serde::de::{DeserializeSeed, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::dates::{DateSpan, SlashOrder, parse_date};
use super::problem::{ProblemKind, Problems};
use super::progress::{Control, Counting, Reporter};
use super::records::{Participant, Records, Role, Row, format_actors};
use super::{Dataset, ImportError, Layer};

/// Imports the features of a `GeoJSON` `FeatureCollection`.
pub fn import_geojson<R: Read>(
    reader: R,
    name: &str,
    control: &mut Control<'_>,
) -> Result<Layer, ImportError> {
    let count = AtomicU64::new(0);
    let cancel = control.cancel;
    let reader = BufReader::with_capacity(1 << 16, Counting::new(reader, &count, cancel));
    let mut sink = FeatureSink {
        records: Records::default(),
        problems: Problems::default(),
        number: 0,
        atlas: false,
        control,
        count: &count,
        reporter: Reporter::new(),
    };
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let found = Collection(&mut sink)
        .deserialize(&mut deserializer)
        .and_then(|found| {
            deserializer.end()?;
            Ok(found)
        });
    if sink.control.cancelled() {
        return Err(ImportError::Cancelled);
    }
    if !found.map_err(|e| ImportError::Json(e.to_string()))? {
        return Err(ImportError::NotFeatureCollection);
    }
    sink.reporter.finish(sink.control, &count);
    let mut records = sink.records;
    records.shrink_to_fit();
    Ok(Layer {
        name: name.to_owned(),
        dataset: if sink.atlas {
            Dataset::Atlas
        } else {
            Dataset::GeoJson
        },
        records,
        problems: sink.problems.list,
        unreported_problems: sink.problems.unreported,
    })
}

/// Where the features go.
struct FeatureSink<'c, 'p> {
    records: Records,
    problems: Problems,
    /// The number of the feature being read (1-based).
    number: u64,
    /// Whether the file is the atlas's export (its features have a `feature_type`).
    atlas: bool,
    control: &'c mut Control<'p>,
    count: &'c AtomicU64,
    reporter: Reporter,
}

/// The top-level object: only its `features` matter; whether it had them is the value.
struct Collection<'s, 'c, 'p>(&'s mut FeatureSink<'c, 'p>);

impl<'de> DeserializeSeed<'de> for Collection<'_, '_, '_> {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Collection<'_, '_, '_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a GeoJSON FeatureCollection")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                map.next_value_seed(Features(&mut *self.0))?;
                found = true;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The `features` array, each element read and converted before the next.
struct Features<'s, 'c, 'p>(&'s mut FeatureSink<'c, 'p>);

impl<'de> DeserializeSeed<'de> for Features<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Features<'_, '_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<JsonValue>()? {
            if self.0.control.cancelled() {
                return Err(A::Error::custom("cancelled"));
            }
            self.0.number += 1;
            self.0.feature(value).map_err(A::Error::custom)?;
            self.0.reporter.tick(self.0.control, self.0.count);
        }
        Ok(())
    }
}

impl FeatureSink<'_, '_> {
    fn problem(&mut self, kind: ProblemKind, message: impl FnOnce() -> String) {
        self.problems.add(self.number, kind, message);
    }

    fn feature(&mut self, value: JsonValue) -> Result<(), super::records::TextsFull> {
        let feature: Feature = match serde_json::from_value(value) {
            Ok(feature) => feature,
            Err(error) => {
                self.problem(ProblemKind::Malformed, || {
                    format!("not a GeoJSON Feature ({error}); skipped")
                });
                return Ok(());
            }
        };
        let empty = JsonObject::new();
        let props = feature.properties.as_ref().unwrap_or(&empty);
        match props.get("feature_type").and_then(JsonValue::as_str) {
            Some("place") => {
                self.atlas = true;
                return Ok(());
            }
            Some(_) => self.atlas = true,
            None => {}
        }
        let Some((lon, lat)) = self.location(feature.geometry.as_ref().map(|g| &g.value)) else {
            return Ok(());
        };
        let when = feature
            .foreign_members
            .as_ref()
            .and_then(|f| f.get("when"))
            .or_else(|| props.get("when"));
        let Some(mut span) = self.dates(props, when) else {
            return Ok(());
        };
        if let Some(p) = number(props, "date_prec").filter(|p| (1..=5).contains(p)) {
            span.prec = p;
        }
        let id = match &feature.id {
            Some(geojson::feature::Id::String(s)) => s.clone(),
            Some(geojson::feature::Id::Number(n)) => n.to_string(),
            None => string(props, &["id"]).unwrap_or_default().to_owned(),
        };
        let places = props
            .get("places")
            .and_then(JsonValue::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(JsonValue::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            });
        let place = string(props, &["place", "location", "where_description"])
            .map(str::to_owned)
            .or(places)
            .unwrap_or_default();
        let has_location = lat.is_finite();
        self.records.push(&Row {
            lon,
            lat,
            start: span.start,
            end: span.end,
            date_prec: span.prec,
            circa: span.circa,
            where_prec: number(props, "where_prec")
                .filter(|p| (1..=7).contains(p))
                .unwrap_or(u8::from(has_location)),
            line: u32::try_from(self.number).unwrap_or(u32::MAX),
            title: string(
                props,
                &["title", "name", "title_en", "title_de", "headline"],
            )
            .unwrap_or_default(),
            place: &place,
            actors: &actors(props),
            category: string(props, &["kind", "category", "type", "event_type"])
                .unwrap_or_default(),
            note: string(props, &["quote", "description", "notes", "note"]).unwrap_or_default(),
            source_id: &id,
        })
    }

    /// `(lon, lat)`, NaN without a geometry; `None` (reported) for a position out of range.
    fn location(&mut self, geometry: Option<&GeometryValue>) -> Option<(f32, f32)> {
        let Some(geometry) = geometry else {
            return Some((f32::NAN, f32::NAN));
        };
        let point = representative_point(geometry);
        match point {
            Some((x, y)) if x.abs() <= 180.0 && y.abs() <= 90.0 => Some((x as f32, y as f32)),
            _ => {
                self.problem(ProblemKind::Coordinate, || {
                    "the geometry has no position within ±180° longitude and ±90° latitude; skipped"
                        .to_owned()
                });
                None
            }
        }
    }

    fn dates(&mut self, props: &JsonObject, when: Option<&JsonValue>) -> Option<DateSpan> {
        let parse = |text: &str| parse_date(text, SlashOrder::DayFirst);
        let result = if let Some(date) = string(props, &["date"]) {
            parse(date)
        } else if let Some(start) = string(props, &["start", "date_start"]) {
            let end = string(props, &["end", "date_end"]).unwrap_or(start);
            parse(start).and_then(|a| Ok(DateSpan::between(a.start, parse(end)?.end)))
        } else if let Some(span) = when.and_then(|w| w.get("timespans")?.get(0)) {
            let side = |key: &str, inner: &[&str]| {
                inner.iter().find_map(|k| span.get(key)?.get(k)?.as_str())
            };
            let start = side("start", &["in", "earliest"]).unwrap_or_default();
            let end = side("end", &["in", "latest"]).unwrap_or(start);
            parse(start).and_then(|a| {
                let b = parse(end)?;
                Ok(if a == b {
                    a
                } else {
                    DateSpan::between(a.start, b.end)
                })
            })
        } else {
            Ok(DateSpan::UNKNOWN)
        };
        match result {
            Ok(span) => Some(span),
            Err(error) => {
                self.problem(ProblemKind::Date, || {
                    format!("the feature's date cannot be read ({error}); skipped")
                });
                None
            }
        }
    }
}

/// The point a geometry is shown at (see the module documentation).
fn representative_point(geometry: &GeometryValue) -> Option<(f64, f64)> {
    let xy = |p: &geojson::Position| Some((*p.as_slice().first()?, *p.as_slice().get(1)?));
    let mean = |points: &mut dyn Iterator<Item = &geojson::Position>| {
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for (x, y) in points.filter_map(xy) {
            (sx, sy, n) = (sx + x, sy + y, n + 1.0);
        }
        (n > 0.0).then(|| (sx / n, sy / n))
    };
    match geometry {
        GeometryValue::Point { coordinates } => xy(coordinates),
        GeometryValue::MultiPoint { coordinates } => coordinates.first().and_then(xy),
        GeometryValue::LineString { coordinates } => mean(&mut coordinates.iter()),
        GeometryValue::MultiLineString { coordinates } | GeometryValue::Polygon { coordinates } => {
            mean(&mut coordinates.iter().flatten())
        }
        GeometryValue::MultiPolygon { coordinates } => {
            mean(&mut coordinates.iter().flatten().flatten())
        }
        GeometryValue::GeometryCollection { geometries } => geometries
            .first()
            .and_then(|g| representative_point(&g.value)),
    }
}

/// The first of `keys` that is a non-empty string property.
fn string<'a>(props: &'a JsonObject, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| props.get(*k)?.as_str().filter(|s| !s.trim().is_empty()))
}

/// A small whole-number property.
fn number(props: &JsonObject, key: &str) -> Option<u8> {
    props.get(key)?.as_u64().and_then(|n| u8::try_from(n).ok())
}

/// The participants as an actors text: the atlas's `[{id, name, role}]`, or a plain string.
fn actors(props: &JsonObject) -> String {
    match props.get("participants").or_else(|| props.get("actors")) {
        Some(JsonValue::Array(list)) => {
            let people: Vec<Participant> = list
                .iter()
                .filter_map(|p| {
                    let name = p.get("name").or_else(|| p.get("id"))?.as_str()?;
                    let role = p
                        .get("role")
                        .and_then(JsonValue::as_str)
                        .and_then(Role::from_name);
                    Some(Participant::new(name, role))
                })
                .collect();
            format_actors(&people)
        }
        Some(JsonValue::String(s)) => s.clone(),
        _ => String::new(),
    }
}
