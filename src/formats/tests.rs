//! The exports read back by the crates that read these formats: the same events, the same
//! places (longitude first), the same quotes to the letter.

use std::sync::LazyLock;

use super::*;
use crate::model::{Atlas, Date, When};

static ATLAS: LazyLock<Atlas> = LazyLock::new(crate::ingest::test_atlas);

fn all_events() -> Vec<EventIdx> {
    (0..ATLAS.events.len()).map(EventIdx::from_index).collect()
}

fn request(events: &[EventIdx]) -> Request<'_> {
    Request {
        atlas: &ATLAS,
        events,
        lang: crate::i18n::Lang::De,
        title: "Kasachstan als Vermittler",
        tour: None,
        layers: &[],
    }
}

fn event_id(title_de_part: &str) -> &'static str {
    let event = ATLAS
        .events
        .iter()
        .find(|e| e.title_de.contains(title_de_part))
        .expect("the event is in the shipped data");
    event.id.as_str()
}

#[test]
fn geojson_is_rfc_7946_longitude_first_with_a_linked_places_when() {
    let events = all_events();
    let text = Format::GeoJson
        .write(&request(&events))
        .expect("written")
        .text;
    let collection: ::geojson::FeatureCollection = text.parse().expect("a FeatureCollection");
    let events: Vec<&::geojson::Feature> = collection
        .features
        .iter()
        .filter(|f| f.property("feature_type") == Some(&serde_json::json!("event")))
        .collect();
    assert_eq!(events.len(), ATLAS.events.len());
    let astana = ATLAS.place_by_id("astana").expect("astana");
    let place = collection
        .features
        .iter()
        .find(|f| f.id == Some(::geojson::feature::Id::String("place:astana".into())))
        .expect("Astana is a place feature");
    let Some(::geojson::GeometryValue::Point { coordinates }) =
        place.geometry.as_ref().map(|g| &g.value)
    else {
        panic!("Astana is a point");
    };
    let astana = ATLAS.place(astana);
    assert!(
        (coordinates[0] - astana.lon).abs() < 1e-4,
        "longitude first"
    );
    assert!((coordinates[1] - astana.lat).abs() < 1e-4);

    let first_round = event_id("Erste Runde der Astana");
    let feature = events
        .iter()
        .find(|f| f.id == Some(::geojson::feature::Id::String(first_round.into())))
        .expect("the first Astana round");
    let when = &feature.foreign_members.as_ref().expect("a when")["when"];
    let event = ATLAS.event(ATLAS.event_by_id(first_round).expect("event"));
    assert_eq!(
        when["timespans"][0]["start"]["in"],
        event.when.start.to_iso()
    );
    // The seed dates it only by "four years later": a year, and so precision 5.
    assert_eq!(feature.property("date_prec"), Some(&serde_json::json!(5)));
    assert_eq!(
        when["timespans"][0]["end"]["latest"],
        serde_json::json!("2017-12-31")
    );
    let roles: Vec<&str> = feature
        .property("participants")
        .expect("participants")
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|p| p["role"].as_str())
        .collect();
    assert!(
        roles.contains(&"guarantor") && roles.contains(&"host"),
        "{roles:?}"
    );
    assert_eq!(
        feature.property("quote").and_then(|q| q.as_str()),
        Some(event.sources[0].quote.as_str()),
        "the quote verbatim"
    );
}

#[test]
fn a_month_is_exported_as_a_month_and_its_days() {
    let date = When::at(Date::Month {
        year: 2017,
        month: 2,
    });
    assert_eq!(date_precision(date), Some(4));
    assert_eq!(
        date_bounds(date),
        Some(("2017-02-01".to_owned(), "2017-02-28".to_owned()))
    );
    assert_eq!(date_precision(When::at(Date::Unknown)), None);
    // A span from a month to a day is as precise as its coarser end, and reaches the day.
    let span = When::parse("2022-02/2024-04-22").expect("span");
    assert_eq!(date_precision(span), Some(4));
    assert_eq!(
        date_bounds(span),
        Some(("2022-02-01".to_owned(), "2024-04-22".to_owned()))
    );
}

/// The corpus's span: three phone calls between February 2022 and 22 April 2024.
const CALLS: &str = "tokajew-selenskyj-telefonate-2022";

#[test]
fn a_span_keeps_both_ends_in_every_format() {
    let e = ATLAS.event_by_id(CALLS).expect("the calls");
    let events = [e];
    let request = request(&events);
    let csv = Format::Csv.write(&request).expect("csv").text;
    assert!(
        csv.contains("2022-02/2024-04-22,2022-02-01,2024-04-22,4,"),
        "{csv}"
    );
    let kml = Format::Kml.write(&request).expect("kml").text;
    assert!(kml.contains("<begin>2022-02-01</begin>"), "{kml}");
    assert!(kml.contains("<end>2024-04-22</end>"), "{kml}");
    let json: serde_json::Value =
        serde_json::from_str(&Format::GeoJson.write(&request).expect("geojson").text)
            .expect("JSON");
    let span = &json["features"][0]["when"]["timespans"][0];
    assert_eq!(span["start"]["in"], "2022-02");
    assert_eq!(span["end"]["in"], "2024-04-22");
    assert_eq!(span["end"]["latest"], "2024-04-22");
    let timeline: serde_json::Value =
        serde_json::from_str(&Format::TimelineJson.write(&request).expect("tl").text)
            .expect("JSON");
    let slide = &timeline["events"][0];
    assert_eq!(slide["start_date"]["month"], 2);
    assert_eq!(slide["start_date"].get("day"), None);
    assert_eq!(slide["end_date"]["day"], 22);
    assert_eq!(
        slide["start_date"]["display_date"],
        "Februar 2022 – 22. April 2024"
    );
    let rows = Format::TimelineCsv.write(&request).expect("tl csv").text;
    assert!(rows.contains("2022,2,,,2024,4,22,,"), "{rows}");
}

#[test]
fn circa_is_kept_where_the_format_can_hold_it() {
    let autumn = ATLAS
        .event_by_id("aserbaidschanische-offensive-bergkarabach-2023")
        .expect("the offensive");
    let events = [autumn];
    let request = request(&events);
    let csv = Format::Csv.write(&request).expect("csv").text;
    assert!(
        csv.contains("2023-09~/2023-11~,2023-09-01,2023-11-30,4,"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&Format::GeoJson.write(&request).expect("geojson").text)
            .expect("JSON");
    assert_eq!(
        json["features"][0]["when"]["timespans"][0]["certainty"],
        "less-certain"
    );
    let timeline: serde_json::Value =
        serde_json::from_str(&Format::TimelineJson.write(&request).expect("tl").text)
            .expect("JSON");
    assert_eq!(
        timeline["events"][0]["start_date"]["display_date"],
        "ca. September 2023 – November 2023"
    );
}

#[test]
fn csv_reads_back_to_the_same_rows_and_quotes() {
    let events = all_events();
    let text = Format::Csv.write(&request(&events)).expect("written").text;
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, csv::COLUMNS);
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), events.len());
    let column = |name: &str| {
        csv::COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    for (row, &e) in rows.iter().zip(&events) {
        let event = ATLAS.event(e);
        assert_eq!(&row[column("id")], event.id);
        assert_eq!(&row[column("date")], event.when.to_edtf());
        assert_eq!(
            &row[column("quote")],
            event.sources.first().map_or("", |s| s.quote.as_str())
        );
        if let Some(&venue) = event.places.first() {
            let lat: f64 = row[column("latitude")].parse().expect("a latitude");
            assert!((lat - ATLAS.place(venue).lat).abs() < 1e-4);
        }
    }
    // A country-wide event says so: where_prec 6.
    assert!(
        ATLAS.places.iter().any(|p| where_precision(p) == 6),
        "the gazetteer has countries"
    );
}

#[test]
fn kml_has_a_placemark_per_event_with_time_as_precise_as_the_date() {
    let events = all_events();
    let text = Format::Kml.write(&request(&events)).expect("written").text;
    let doc = roxmltree::Document::parse(&text).expect("well-formed XML");
    let placemarks: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Placemark"))
        .collect();
    assert_eq!(placemarks.len(), events.len());
    let child_text = |node: roxmltree::Node, path: &[&str]| -> Option<String> {
        let mut node = node;
        for name in path {
            node = node.children().find(|c| c.has_tag_name(*name))?;
        }
        node.text().map(str::to_owned)
    };
    let mut days = 0;
    let mut spans = 0;
    for (node, &e) in placemarks.iter().zip(&events) {
        let event = ATLAS.event(e);
        assert_eq!(node.attribute("id"), Some(event.id.as_str()));
        match date_bounds(event.when) {
            Some(_) if event.when.is_exact_day() => {
                days += 1;
                assert_eq!(
                    child_text(*node, &["TimeStamp", "when"]),
                    Some(event.when.start.to_iso())
                );
            }
            Some((first, last)) => {
                spans += 1;
                assert_eq!(child_text(*node, &["TimeSpan", "begin"]), Some(first));
                assert_eq!(child_text(*node, &["TimeSpan", "end"]), Some(last));
            }
            None => assert!(child_text(*node, &["TimeStamp", "when"]).is_none()),
        }
        if let [venue] = event.places.as_slice() {
            let place = ATLAS.place(*venue);
            let coordinates = child_text(*node, &["Point", "coordinates"]).expect("a point");
            let (lon, lat) = coordinates.split_once(',').expect("lon,lat");
            let lon: f64 = lon.parse().expect("lon");
            let lat: f64 = lat.parse().expect("lat");
            assert!((lon - place.lon).abs() < 1e-4 && (lat - place.lat).abs() < 1e-4);
        }
    }
    assert!(days > 0 && spans > 0, "{days} days, {spans} spans");
}

#[test]
fn linked_places_names_each_used_place_once_in_every_language() {
    let events = all_events();
    let text = Format::LinkedPlaces
        .write(&request(&events))
        .expect("written")
        .text;
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["@context"], linked_places::CONTEXT);
    let features = value["features"].as_array().expect("features");
    let astana = ATLAS.place(ATLAS.place_by_id("astana").expect("astana"));
    let feature = features
        .iter()
        .find(|f| f["@id"] == linked_places::place_uri(astana))
        .expect("Astana is used");
    let toponyms: Vec<&str> = feature["names"]
        .as_array()
        .expect("names")
        .iter()
        .filter_map(|n| n["toponym"].as_str())
        .collect();
    assert!(
        toponyms.contains(&"Astana") && toponyms.contains(&"Астана"),
        "{toponyms:?}"
    );
    assert!(
        toponyms.contains(&"Nur-Sultan"),
        "aliases too: {toponyms:?}"
    );
    assert_eq!(feature["links"][0]["identifier"], "gn:1526273");
    let ids: std::collections::HashSet<&str> =
        features.iter().filter_map(|f| f["@id"].as_str()).collect();
    assert_eq!(ids.len(), features.len(), "each place once");
}

#[test]
fn timelinejs_keeps_a_month_a_month_and_names_what_it_leaves_out() {
    let events = all_events();
    let written = Format::TimelineJson
        .write(&request(&events))
        .expect("written");
    let value: serde_json::Value = serde_json::from_str(&written.text).expect("JSON");
    let slides = value["events"].as_array().expect("events");
    let undated: Vec<&str> = events
        .iter()
        .map(|&e| ATLAS.event(e))
        .filter(|e| e.when.start == Date::Unknown)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(written.left_out, undated);
    assert_eq!(slides.len() + undated.len(), events.len());
    let month = ATLAS
        .events
        .iter()
        .find(|e| e.when.end.is_none() && matches!(e.when.start, Date::Month { .. }))
        .expect("the corpus has an event known to the month");
    let slide = slides
        .iter()
        .find(|s| s["unique_id"] == month.id.as_str())
        .expect("its slide");
    assert!(slide["start_date"]["month"].is_number());
    assert!(slide["start_date"].get("day").is_none(), "no invented day");

    let csv_text = Format::TimelineCsv
        .write(&request(&events))
        .expect("written")
        .text;
    let mut reader = ::csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, timeline::TIMELINE_CSV_COLUMNS);
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(&rows[0][15], "title");
    assert_eq!(rows.len(), 1 + slides.len());
}

#[test]
fn a_storymap_has_a_slide_per_tour_step_at_its_view() {
    let (tours, _) = crate::ingest::tours::load_tours(&crate::ingest::Corpus::Embedded, &ATLAS);
    let tour = tours.first().expect("a shipped tour");
    let events = all_events();
    let mut req = request(&events);
    assert!(Format::StoryMap.write(&req).is_err(), "needs a tour");
    req.tour = Some(tour);
    let text = Format::StoryMap.write(&req).expect("written").text;
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let slides = value["storymap"]["slides"].as_array().expect("slides");
    assert_eq!(slides.len(), tour.steps.len() + 1);
    assert_eq!(slides[0]["type"], "overview");
    for (slide, step) in slides[1..].iter().zip(&tour.steps) {
        assert_eq!(
            slide["text"]["headline"].as_str(),
            Some(step.caption(crate::i18n::Lang::De))
        );
        let lat = slide["location"]["lat"].as_f64().expect("a latitude");
        let lon = slide["location"]["lon"].as_f64().expect("a longitude");
        assert!((-85.0..=85.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
    }
}

/// The days since 1970 of a date's first and last day, as the layer importer stores them.
fn day_numbers(when: When) -> Option<(i32, i32)> {
    let (first, last) = when.days()?;
    let day = |d: i64| i32::try_from(d).expect("a day of our era");
    Some((day(first), day(last)))
}

fn import(format: Format, events: &[EventIdx]) -> crate::layers::Layer {
    let text = format.write(&request(events)).expect("written").text;
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut progress = |_: u64| {};
    let mut control = crate::layers::Control::new(&mut progress, &cancel);
    match format {
        Format::Csv => crate::layers::import_csv(
            text.as_bytes(),
            "export",
            None,
            crate::layers::Lookups::none(),
            &mut control,
        ),
        Format::GeoJson => crate::layers::import_geojson(text.as_bytes(), "export", &mut control),
        Format::Kml => crate::layers::import_kml(text.as_bytes(), "export", &mut control),
        _ => unreachable!("not an importable format"),
    }
    .expect("imported")
}

#[test]
fn the_importer_reads_the_exports_back_to_the_same_events() {
    let events = all_events();
    for format in [Format::Csv, Format::GeoJson, Format::Kml] {
        let layer = import(format, &events);
        assert!(
            layer.problems.is_empty(),
            "{format:?}: {:?}",
            layer.problems
        );
        let r = &layer.records;
        assert_eq!(r.len(), events.len(), "{format:?}: one record per event");
        for (i, &e) in events.iter().enumerate() {
            let event = ATLAS.event(e);
            if format != Format::Kml {
                assert_eq!(r.source_id.get(i), Some(event.id.as_str()), "{format:?}");
            }
            match day_numbers(event.when) {
                Some((first, last)) => {
                    assert_eq!(
                        (r.start[i], r.end[i]),
                        (first, last),
                        "{format:?} {}",
                        event.id
                    );
                }
                None => assert_eq!(r.start[i], crate::layers::records::UNKNOWN_DAY),
            }
            if format != Format::Kml {
                assert_eq!(
                    r.date_prec[i],
                    date_precision(event.when).unwrap_or(0),
                    "{format:?} {}",
                    event.id
                );
            }
            if let Some(&venue) = event.places.first() {
                let place = ATLAS.place(venue);
                assert!(
                    (f64::from(r.lat[i]) - place.lat).abs() < 1e-3
                        && (f64::from(r.lon[i]) - place.lon).abs() < 1e-3,
                    "{format:?} {}: lon/lat",
                    event.id
                );
            }
        }
    }
}
