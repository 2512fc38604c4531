//! The atlas's own exports, written by hand here exactly as `formats::{csv, geojson, kml}`
//! write them, come back as records with the same ids, dates and coordinates.

use std::sync::atomic::AtomicBool;

use super::super::records::UNKNOWN_DAY;
use super::super::{
    Control, Dataset, Participant, Role, import_geojson, import_kml, parse_actors, to_edtf,
};
use super::{csv_layer, day};

const CSV: &str = include_str!("../testdata/atlas.csv");
const GEOJSON: &str = include_str!("../testdata/atlas.geojson");
const KML: &str = include_str!("../testdata/atlas.kml");

fn close(a: f32, b: f64) -> bool {
    (f64::from(a) - b).abs() < 1e-4
}

#[test]
fn the_atlas_csv_export_reads_back_with_ids_dates_and_coordinates() {
    let layer = csv_layer(CSV, None);
    assert_eq!(layer.dataset, Dataset::Atlas);
    assert!(layer.problems.is_empty(), "{:?}", layer.problems);
    let r = &layer.records;
    assert_eq!(
        r.source_id.iter().collect::<Vec<_>>(),
        [
            "astana-round-1",
            "tashkent-conference",
            "kazakh-statement",
            "caspian-declaration"
        ]
    );
    assert_eq!(
        (r.start[0], r.end[0], r.date_prec[0]),
        (day(2017, 1, 23), day(2017, 1, 23), 1)
    );
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1]),
        (day(2018, 3, 1), day(2018, 3, 31), 4)
    );
    assert_eq!((r.start[2], r.date_prec[2]), (UNKNOWN_DAY, 0));
    assert_eq!(
        (r.start[3], r.end[3], r.date_prec[3]),
        (day(2019, 1, 1), day(2019, 12, 31), 5)
    );
    assert!(close(r.lat[0], 51.1605) && close(r.lon[0], 71.4704));
    assert_eq!(r.where_prec[2], 6);
    assert!(!r.has_location(3));
    assert_eq!(
        r.line[..],
        [2, 3, 5, 6],
        "the quoted line break makes row two two lines long"
    );
    assert_eq!(r.title.get(0), Some("First round of the Astana talks"));
    assert_eq!(
        r.note.get(0),
        Some("Die Gespräche, so hieß es, seien \"konstruktiv\" gewesen.")
    );
    assert_eq!(
        parse_actors(r.actors.get(0).unwrap())[..2],
        [
            Participant::new("kazakhstan", Some(Role::Host)),
            Participant::new("russia", Some(Role::Guarantor))
        ]
    );
    let edtf: Vec<String> = (0..r.len()).map(|i| to_edtf(row_span(r, i))).collect();
    assert_eq!(edtf, ["2017-01-23", "2018-03", "", "2019"]);
}

fn row_span(r: &super::super::Records, i: usize) -> super::super::DateSpan {
    super::super::DateSpan {
        start: r.start[i],
        end: r.end[i],
        prec: r.date_prec[i],
        circa: r.circa[i],
    }
}

fn import<F>(text: &str, reader: F) -> super::super::Layer
where
    F: FnOnce(&[u8], &mut Control<'_>) -> Result<super::super::Layer, super::super::ImportError>,
{
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    reader(text.as_bytes(), &mut control).expect("imported")
}

#[test]
fn the_atlas_geojson_export_reads_back_without_its_place_features() {
    let layer = import(GEOJSON, |r, c| import_geojson(r, "atlas", c));
    assert_eq!(layer.dataset, Dataset::Atlas);
    assert!(layer.problems.is_empty(), "{:?}", layer.problems);
    let r = &layer.records;
    assert_eq!(
        r.source_id.iter().collect::<Vec<_>>(),
        ["astana-round-1", "tashkent-conference", "kazakh-statement"]
    );
    assert_eq!(
        (r.start[0], r.end[0], r.date_prec[0]),
        (day(2017, 1, 23), day(2017, 1, 23), 1)
    );
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1]),
        (day(2018, 3, 1), day(2018, 3, 31), 4)
    );
    assert!(
        close(r.lon[1], 69.2401) && close(r.lat[1], 41.2995),
        "a MultiPoint at its first venue"
    );
    assert_eq!(r.start[2], UNKNOWN_DAY);
    assert!(!r.has_location(2));
    assert_eq!(r.title.get(0), Some("First round of the Astana talks"));
    assert_eq!(
        r.actors.get(0),
        Some("Kazakhstan (host); Russia (guarantor)")
    );
    assert_eq!(r.place.get(1), Some("tashkent, samarkand"));
    assert_eq!(r.line[..], [1, 2, 3], "features are numbered");
}

#[test]
fn the_atlas_kml_export_reads_back_with_its_extended_data() {
    let layer = import(KML, |r, c| import_kml(r, "atlas", c));
    assert_eq!(layer.dataset, Dataset::Atlas);
    assert!(layer.problems.is_empty(), "{:?}", layer.problems);
    let r = &layer.records;
    assert_eq!(
        r.source_id.iter().collect::<Vec<_>>(),
        ["astana-round-1", "tashkent-conference"]
    );
    assert_eq!((r.start[0], r.date_prec[0]), (day(2017, 1, 23), 1));
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1]),
        (day(2018, 3, 1), day(2018, 3, 31), 4)
    );
    assert!(close(r.lon[1], 69.2401) && close(r.lat[1], 41.2995));
    assert_eq!(r.category.get(0), Some("talks"));
    assert_eq!(
        r.actors.get(0),
        Some("kazakhstan (host); russia (guarantor)")
    );
    assert_eq!(r.line[0], 5, "the line the placemark starts on");
}

#[test]
fn plain_geojson_takes_names_spans_and_the_mean_of_other_geometries() {
    let text = r#"{"type":"FeatureCollection","bbox":[0,0,1,1],"features":[
        {"type":"Feature","geometry":{"type":"LineString","coordinates":[[10,20],[12,22]]},
         "properties":{"name":"Convoy route","start":"2020-05-01","end":"2020-05-03"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[200,10]},"properties":{}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[30.5,50.4]},
         "properties":{"title":"Kyiv","when":{"timespans":[{"start":{"in":"2014~"}}]}}},
        {"type":"Feature","geometry":{"type":"Point"},"properties":{}},
        {"type":"Feature","geometry":null,"properties":{"name":"Undated","date":"2020-02-30"}}
    ]}"#;
    let layer = import(text, |r, c| import_geojson(r, "plain", c));
    assert_eq!(layer.dataset, Dataset::GeoJson);
    let r = &layer.records;
    assert_eq!(r.title.iter().collect::<Vec<_>>(), ["Convoy route", "Kyiv"]);
    assert!(close(r.lon[0], 11.0) && close(r.lat[0], 21.0));
    assert_eq!(
        (r.start[0], r.end[0], r.date_prec[0]),
        (day(2020, 5, 1), day(2020, 5, 3), 2)
    );
    assert!(r.circa[1]);
    let lines: Vec<u64> = layer.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [2, 4, 5]);
}

#[test]
fn kml_time_spans_and_stamps_of_every_xml_schema_form_are_read() {
    let text = r#"<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
      <Placemark><name>A</name><TimeStamp><when>2019-07</when></TimeStamp><Point><coordinates>10,20,0</coordinates></Point></Placemark>
      <Placemark><name>B</name><TimeSpan><begin>2019</begin><end>2020</end></TimeSpan><Point><coordinates>11,21</coordinates></Point></Placemark>
      <Placemark><name>C</name><TimeStamp><when>2019-07-04T12:00:00Z</when></TimeStamp></Placemark>
      <Placemark><name>D</name><Point><coordinates>500,20</coordinates></Point></Placemark>
    </Folder></Document></kml>"#;
    let layer = import(text, |r, c| import_kml(r, "kml", c));
    assert_eq!(layer.dataset, Dataset::Kml);
    let r = &layer.records;
    assert_eq!(r.title.iter().collect::<Vec<_>>(), ["A", "B", "C"]);
    assert_eq!(
        (r.start[0], r.end[0], r.date_prec[0]),
        (day(2019, 7, 1), day(2019, 7, 31), 4)
    );
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1]),
        (day(2019, 1, 1), day(2020, 12, 31), 5)
    );
    assert_eq!((r.start[2], r.date_prec[2]), (day(2019, 7, 4), 1));
    assert!(!r.has_location(2));
    assert_eq!(layer.problems.len(), 1);
}
