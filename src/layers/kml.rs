//! KML placemarks (OGC KML 2.2), the atlas's own KML export among them: name, description,
//! a point (the first `Point`, else the mean of the first `coordinates` list), and the time
//! from `TimeStamp/when` or `TimeSpan` `begin`/`end` (xs:date, gYearMonth, gYear or dateTime,
//! whose time of day is dropped). The atlas's `ExtendedData` (`date`, `date_prec`,
//! `where_prec`, `kind`, `participants`) is read where present.
//!
//! roxmltree needs the whole text, so a KML file is read into memory first (with progress and
//! cancellation while reading); that is fine for the sizes KML is used at, not for a 1 GB file.

use std::io::Read;
use std::sync::atomic::AtomicU64;

use roxmltree::{Document, Node};

use super::dates::{DateSpan, SlashOrder, parse_date};
use super::problem::{ProblemKind, Problems};
use super::progress::{Control, Counting, Reporter};
use super::records::{Participant, Records, Row, format_actors, parse_actors};
use super::{Dataset, ImportError, Layer};

/// Imports the placemarks of a KML document.
pub fn import_kml<R: Read>(
    reader: R,
    name: &str,
    control: &mut Control<'_>,
) -> Result<Layer, ImportError> {
    let count = AtomicU64::new(0);
    let mut reporter = Reporter::new();
    let mut bytes = Vec::new();
    {
        let mut counting = Counting::new(reader, &count, control.cancel);
        let mut chunk = vec![0u8; 1 << 20];
        loop {
            let n = match counting.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) if control.cancelled() => return Err(ImportError::Cancelled),
                Err(e) => return Err(e.into()),
            };
            bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
            reporter.tick(control, &count);
        }
    }
    let text = String::from_utf8(bytes).map_err(|e| ImportError::Xml(e.to_string()))?;
    let doc = Document::parse(&text).map_err(|e| ImportError::Xml(e.to_string()))?;
    if doc.root_element().tag_name().name() != "kml" {
        return Err(ImportError::NotKml);
    }
    let mut records = Records::default();
    let mut problems = Problems::default();
    let mut atlas = false;
    for placemark in doc
        .descendants()
        .filter(|n| n.has_tag_name_local("Placemark"))
    {
        if control.cancelled() {
            return Err(ImportError::Cancelled);
        }
        let line = u64::from(doc.text_pos_at(placemark.range().start).row);
        let data = extended_data(placemark);
        atlas |= data
            .iter()
            .any(|(k, _)| *k == "date_prec" || *k == "title_en");
        let field = |key: &str| {
            data.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
        };
        let Some((lon, lat)) = location(placemark) else {
            problems.add(line, ProblemKind::Coordinate, || {
                "the placemark's coordinates are not a position in range; skipped".to_owned()
            });
            continue;
        };
        let span = match time(placemark, field("date")) {
            Ok(span) => span,
            Err(error) => {
                problems.add(line, ProblemKind::Date, || {
                    format!("the placemark's time cannot be read ({error}); skipped")
                });
                continue;
            }
        };
        let precision = |key: &str, max: u8| {
            field(key)
                .and_then(|v| v.parse::<u8>().ok())
                .filter(|p| (1..=max).contains(p))
        };
        let actors = field("participants").map(|p| {
            let people: Vec<Participant> = parse_actors(p);
            format_actors(&people)
        });
        let id = placemark.attribute("id").unwrap_or_default();
        records.push(&Row {
            lon,
            lat,
            start: span.start,
            end: span.end,
            date_prec: precision("date_prec", 5).unwrap_or(span.prec),
            circa: span.circa,
            where_prec: precision("where_prec", 7).unwrap_or(u8::from(lat.is_finite())),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            title: child_text(placemark, "name")
                .or(field("title_en"))
                .unwrap_or_default(),
            place: child_text(placemark, "address").unwrap_or_default(),
            actors: actors.as_deref().unwrap_or_default(),
            category: field("kind").unwrap_or_default(),
            note: child_text(placemark, "description").unwrap_or_default(),
            source_id: id,
        })?;
    }
    reporter.finish(control, &count);
    records.shrink_to_fit();
    Ok(Layer {
        name: name.to_owned(),
        dataset: if atlas { Dataset::Atlas } else { Dataset::Kml },
        records,
        problems: problems.list,
        unreported_problems: problems.unreported,
    })
}

/// Tag-name tests that ignore the namespace (KML 2.2, Google's `kml/2.1`, none at all).
trait LocalName {
    fn has_tag_name_local(&self, name: &str) -> bool;
}

impl LocalName for Node<'_, '_> {
    fn has_tag_name_local(&self, name: &str) -> bool {
        self.is_element() && self.tag_name().name() == name
    }
}

/// The trimmed text of a direct child element, if not empty.
fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.has_tag_name_local(name))
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// `ExtendedData` as name–value pairs: `Data/value` and `SchemaData/SimpleData`.
fn extended_data<'a>(placemark: Node<'a, '_>) -> Vec<(&'a str, String)> {
    let Some(data) = placemark
        .children()
        .find(|c| c.has_tag_name_local("ExtendedData"))
    else {
        return Vec::new();
    };
    data.descendants()
        .filter_map(|n| {
            let name = n.attribute("name")?;
            if n.has_tag_name_local("Data") {
                Some((name, child_text(n, "value").unwrap_or_default().to_owned()))
            } else if n.has_tag_name_local("SimpleData") {
                Some((name, n.text().unwrap_or_default().trim().to_owned()))
            } else {
                None
            }
        })
        .collect()
}

/// `(lon, lat)`: NaN without coordinates, `None` when they are not a position in range.
fn location(placemark: Node<'_, '_>) -> Option<(f32, f32)> {
    let point = placemark
        .descendants()
        .find(|n| n.has_tag_name_local("Point"))
        .and_then(|n| n.children().find(|c| c.has_tag_name_local("coordinates")))
        .and_then(|c| c.text());
    let any = || {
        placemark
            .descendants()
            .find(|n| n.has_tag_name_local("coordinates"))
            .and_then(|c| c.text())
    };
    let Some(text) = point.or_else(any) else {
        return Some((f32::NAN, f32::NAN));
    };
    let tuples: Vec<(f64, f64)> = text
        .split_whitespace()
        .map(|tuple| {
            let mut parts = tuple.split(',').map(|v| v.trim().parse::<f64>());
            match (parts.next(), parts.next()) {
                (Some(Ok(x)), Some(Ok(y))) if x.abs() <= 180.0 && y.abs() <= 90.0 => Some((x, y)),
                _ => None,
            }
        })
        .collect::<Option<_>>()?;
    if tuples.is_empty() {
        return None;
    }
    let (x, y, n) = tuples.iter().fold((0.0, 0.0, 0.0), |(sx, sy, n), (x, y)| {
        (sx + x, sy + y, n + 1.0)
    });
    Some(((x / n) as f32, (y / n) as f32))
}

/// The placemark's time: the atlas's `date` (which keeps a month a month) if given, else
/// `TimeStamp/when`, else `TimeSpan` `begin`/`end`; unknown without any.
fn time(
    placemark: Node<'_, '_>,
    atlas_date: Option<&str>,
) -> Result<DateSpan, super::dates::DateError> {
    let parse = |t: &str| parse_date(t, SlashOrder::DayFirst);
    if let Some(date) = atlas_date.filter(|d| !d.is_empty()) {
        return parse(date);
    }
    let element = |name: &str| placemark.children().find(|c| c.has_tag_name_local(name));
    if let Some(when) = element("TimeStamp").and_then(|t| child_text(t, "when")) {
        return parse(when);
    }
    if let Some(span) = element("TimeSpan") {
        let begin = child_text(span, "begin").map(parse).transpose()?;
        let end = child_text(span, "end").map(parse).transpose()?;
        return Ok(match (begin, end) {
            (Some(a), Some(b)) if a == b => a,
            (Some(a), Some(b)) if b.end < a.start => return Err(super::dates::DateError::Reversed),
            (Some(a), Some(b)) => DateSpan::between(a.start, b.end),
            (Some(a), None) => DateSpan::between(a.start, super::records::UNKNOWN_DAY),
            (None, Some(b)) => DateSpan::between(super::records::UNKNOWN_DAY, b.end),
            (None, None) => DateSpan::UNKNOWN,
        });
    }
    Ok(DateSpan::UNKNOWN)
}
