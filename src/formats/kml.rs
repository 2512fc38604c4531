//! KML 2.2 (OGC 07-147r2) with time: each event a `Placemark` at its venue (a `MultiGeometry`
//! of points when it had several) with a `TimeStamp` for a day and a `TimeSpan` from the first
//! to the last day it can mean for a month or a year, so Google Earth's time slider plays the
//! events as precisely as they are known. The rest of what the atlas knows is `ExtendedData`.
//!
//! Written with `xmlwriter` (which escapes text and attributes), the writer usvg uses.

use std::fmt::Write as _;

use xmlwriter::{Options, XmlWriter};

use super::{Request, date_bounds, date_precision, first_quote, party, where_precision};
use crate::i18n::{self, Lang};
use crate::model::{Atlas, Event, When};

/// The events as a KML document.
///
/// # Errors
/// None today; the signature matches the other writers.
pub fn write(request: &Request) -> Result<String, String> {
    let atlas = request.atlas;
    let mut w = XmlWriter::new(Options::default());
    w.write_declaration();
    w.start_element("kml");
    w.write_attribute("xmlns", "http://www.opengis.net/kml/2.2");
    w.start_element("Document");
    element(&mut w, "name", request.title);
    for &e in request.events {
        let event = atlas.event(e);
        w.start_element("Placemark");
        w.write_attribute("id", &event.id);
        element(&mut w, "name", event.title(request.lang));
        element(
            &mut w,
            "description",
            &description(atlas, event, request.lang),
        );
        time(&mut w, event.when);
        extended_data(&mut w, atlas, event);
        geometry(&mut w, atlas, event);
        w.end_element();
    }
    for layer in request.layers {
        w.start_element("Folder");
        element(&mut w, "name", layer.name);
        for row in layer.rows() {
            record(&mut w, &row);
        }
        w.end_element();
    }
    Ok(w.end_document())
}

/// An element holding text, the text written as it is (no indentation added around it).
fn element(w: &mut XmlWriter, name: &str, text: &str) {
    w.start_element(name);
    w.set_preserve_whitespaces(true);
    w.write_text(text);
    w.end_element();
    w.set_preserve_whitespaces(false);
}

/// The participants with their roles and the source quote, as plain text.
fn description(atlas: &Atlas, event: &Event, lang: Lang) -> String {
    let mut text = String::new();
    for p in &event.participants {
        let _ = writeln!(
            text,
            "{} ({})",
            atlas.party_name(p.who, lang),
            i18n::role(p.role, lang)
        );
    }
    if let Some((quote, article)) = first_quote(atlas, event) {
        let _ = write!(text, "\n„{quote}“ ({article})");
    }
    text.trim_end().to_owned()
}

/// A `TimeStamp` for a day known exactly, else a `TimeSpan` over every day the time may mean.
fn time(w: &mut XmlWriter, when: When) {
    match (when.is_exact_day(), date_bounds(when)) {
        (true, Some((day, _))) => {
            w.start_element("TimeStamp");
            element(w, "when", &day);
            w.end_element();
        }
        (_, Some((first, last))) => {
            w.start_element("TimeSpan");
            element(w, "begin", &first);
            element(w, "end", &last);
            w.end_element();
        }
        (_, None) => {}
    }
}

fn extended_data(w: &mut XmlWriter, atlas: &Atlas, event: &Event) {
    let precision = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_default();
    let participants: Vec<String> = event
        .participants
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                party(atlas, p.who).0,
                super::csv::role_name(p.role)
            )
        })
        .collect();
    let fields = [
        ("date", event.when.to_edtf()),
        ("date_prec", precision(date_precision(event.when))),
        (
            "where_prec",
            precision(
                event
                    .places
                    .iter()
                    .map(|&p| where_precision(atlas.place(p)))
                    .max(),
            ),
        ),
        ("kind", super::csv::kind_name(event.kind)),
        (
            "process",
            event
                .process
                .map(|p| atlas.process(p).id.clone())
                .unwrap_or_default(),
        ),
        ("participants", participants.join(";")),
        ("title_de", event.title_de.clone()),
        ("title_en", event.title_en.clone()),
    ];
    w.start_element("ExtendedData");
    for (name, value) in fields {
        w.start_element("Data");
        w.write_attribute("name", name);
        element(w, "value", &value);
        w.end_element();
    }
    w.end_element();
}

fn geometry(w: &mut XmlWriter, atlas: &Atlas, event: &Event) {
    let point = |w: &mut XmlWriter, p: crate::model::PlaceIdx| {
        let place = atlas.place(p);
        w.start_element("Point");
        element(
            w,
            "coordinates",
            &format!("{:.4},{:.4}", place.lon, place.lat),
        );
        w.end_element();
    };
    match event.places.as_slice() {
        [] => {}
        [one] => point(w, *one),
        many => {
            w.start_element("MultiGeometry");
            for &p in many {
                point(w, p);
            }
            w.end_element();
        }
    }
}

/// A record of an imported layer, with its days as a span (or one day as a stamp).
fn record(w: &mut XmlWriter, row: &crate::layers::records::Row) {
    let (edtf, start, end) = super::record_dates(row);
    w.start_element("Placemark");
    element(w, "name", row.title);
    if !row.note.is_empty() {
        element(w, "description", row.note);
    }
    if start.is_empty() {
        // No date: no time element.
    } else if start == end {
        w.start_element("TimeStamp");
        element(w, "when", &start);
        w.end_element();
    } else {
        w.start_element("TimeSpan");
        element(w, "begin", &start);
        element(w, "end", &end);
        w.end_element();
    }
    w.start_element("ExtendedData");
    for (name, value) in [
        ("id", row.source_id),
        ("date", edtf.as_str()),
        ("where_description", row.place),
        ("participants", row.actors),
        ("category", row.category),
    ] {
        w.start_element("Data");
        w.write_attribute("name", name);
        element(w, "value", value);
        w.end_element();
    }
    w.end_element();
    if row.lon.is_finite() && row.lat.is_finite() {
        w.start_element("Point");
        element(w, "coordinates", &format!("{},{}", row.lon, row.lat));
        w.end_element();
    }
    w.end_element();
}
