//! `mediation-atlas export` from the built binary, each file then opened by a real consumer:
//! GDAL's `ogrinfo` counts the features of the `GeoJSON`, the CSV (through its coordinate
//! columns) and the KML. `.ci/run` installs GDAL (Debian's `gdal-bin`) and sets
//! `ATLAS_REQUIRE_OGRINFO=1`, so there a missing `ogrinfo` fails; elsewhere those checks are
//! skipped with a note and the rest of each test still runs.

use std::path::Path;
use std::process::Command;

use mediation_atlas::ingest::{self, Corpus};

fn atlas_binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mediation-atlas"));
    command.current_dir(std::env::temp_dir());
    command
}

fn export(args: &[&str]) -> std::process::Output {
    let output = atlas_binary()
        .arg("export")
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "export {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn shipped_events() -> usize {
    ingest::load(&Corpus::Embedded, ingest::today())
        .atlas
        .events
        .len()
}

/// `ogrinfo`'s feature count of each layer of a file, or `None` when GDAL is not installed
/// (and not required).
fn ogr_feature_counts(path: &Path, open_options: &[&str]) -> Option<Vec<usize>> {
    let mut command = Command::new("ogrinfo");
    command.args(["-ro", "-al", "-so"]);
    for option in open_options {
        command.args(["-oo", option]);
    }
    let Ok(output) = command.arg(path).output() else {
        assert!(
            std::env::var_os("ATLAS_REQUIRE_OGRINFO").is_none(),
            "ogrinfo is required here but not installed"
        );
        eprintln!(
            "ogrinfo not installed: GDAL's reading of {} skipped",
            path.display()
        );
        return None;
    };
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "ogrinfo {}: {text}{}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        text.lines()
            .filter_map(|l| l.strip_prefix("Feature Count: "))
            .map(|n| n.trim().parse().expect("a count"))
            .collect(),
    )
}

#[test]
fn geojson_export_opens_in_gdal_with_every_event_and_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("atlas.geojson");
    let output = export(&[file.to_str().expect("utf-8"), "--lang", "en"]);
    let events = shipped_events();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(&format!("{events} events as geojson")),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let text = std::fs::read_to_string(&file).expect("written");
    let collection: geojson::FeatureCollection = text.parse().expect("GeoJSON");
    let places = collection
        .features
        .iter()
        .filter(|f| f.property("feature_type") == Some(&serde_json::json!("place")))
        .count();
    assert_eq!(collection.features.len(), events + places);
    if let Some(counts) = ogr_feature_counts(&file, &[]) {
        assert_eq!(counts, vec![events + places]);
    }
}

#[test]
fn csv_export_opens_in_gdal_as_points_from_its_coordinate_columns() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("events.csv");
    export(&["--format", "csv", file.to_str().expect("utf-8")]);
    let events = shipped_events();
    let mut reader = csv::Reader::from_path(&file).expect("CSV");
    assert_eq!(reader.records().count(), events);
    if let Some(counts) = ogr_feature_counts(
        &file,
        &["X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude"],
    ) {
        assert_eq!(counts, vec![events]);
    }
}

#[test]
fn kml_export_opens_in_gdal_with_a_placemark_per_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("events.kml");
    export(&[file.to_str().expect("utf-8"), "--lang", "de"]);
    let text = std::fs::read_to_string(&file).expect("written");
    let events = shipped_events();
    assert_eq!(text.matches("<Placemark").count(), events);
    if let Some(counts) = ogr_feature_counts(&file, &[]) {
        assert_eq!(counts.iter().sum::<usize>(), events, "{counts:?}");
    }
}

#[test]
fn a_storymap_needs_a_tour_and_is_made_from_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("story.json");
    let path = file.to_str().expect("utf-8");
    let refused = atlas_binary()
        .args(["export", "--format", "storymap", path])
        .output()
        .expect("runs");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("--tour"));
    assert!(!file.exists(), "nothing written");
    export(&[
        "--format",
        "storymap",
        "--tour",
        "kasachstan-als-vermittler",
        path,
    ]);
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("JSON");
    assert!(
        value["storymap"]["slides"]
            .as_array()
            .expect("slides")
            .len()
            > 2
    );
}

#[test]
fn an_unknown_format_is_refused_naming_the_choices() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("events.xyz");
    let output = atlas_binary()
        .args(["export", file.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("geojson") && text.contains("storymap"),
        "{text}"
    );
    assert!(!file.exists());
}
