//! Stored layers come back exactly as they were saved; broken files are named, not fatal.

use std::sync::atomic::AtomicBool;

use super::*;
use crate::layers::{Lookups, import_csv, synthetic::write_ged_csv};

/// A synthetic GED layer of `rows` records (for other modules' tests too).
pub(crate) fn ged_layer(rows: usize) -> crate::layers::Layer {
    let mut text = Vec::new();
    write_ged_csv(&mut text, rows, 7).expect("generated");
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    import_csv(&text[..], "GED", None, Lookups::none(), &mut control).expect("imported")
}

/// The description of such a layer.
pub(crate) fn meta(id: &str, rows: usize) -> LayerMeta {
    LayerMeta {
        id: id.to_owned(),
        name: "UCDP GED (Auszug)".to_owned(),
        color: palette_color(0),
        visible: true,
        dataset: Dataset::Ged,
        source: "ged.csv".to_owned(),
        imported: "2026-12-01T12:00:00Z".to_owned(),
        rows: rows as u64,
        problems: 0,
        filter: crate::layers::store::SavedFilter::default(),
    }
}

fn load_quietly(root: &Path, id: &str) -> Result<Records, ImportError> {
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    load(root, id, &mut Control::new(&mut progress, &cancel))
}

#[test]
fn a_saved_layer_loads_back_to_the_same_records() {
    let layer = ged_layer(2_000);
    assert!(layer.records.len() > 1_900);
    assert!(
        (0..layer.records.len()).all(|i| layer.records.has_location(i)),
        "the comparison below needs no NaN"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let m = meta("ged", layer.records.len());
    save(dir.path(), &m, &layer.records).expect("saved");
    let loaded = load_quietly(dir.path(), "ged").expect("loaded");
    assert_eq!(loaded, layer.records);
    let (metas, problems) = list(dir.path());
    assert_eq!((metas, problems), (vec![m], Vec::<String>::new()));
}

#[test]
fn rows_without_a_place_or_a_date_keep_them_unknown() {
    let mut records = Records::default();
    records
        .push(&Row {
            title: "Ohne Ort, ohne Datum, mit \"Anführung\", Komma\nund Zeilenumbruch",
            source_id: "x1",
            line: 7,
            ..Row::default()
        })
        .expect("pushed");
    let dir = tempfile::tempdir().expect("tempdir");
    save(dir.path(), &meta("x", 1), &records).expect("saved");
    let loaded = load_quietly(dir.path(), "x").expect("loaded");
    assert!(!loaded.has_location(0));
    assert_eq!((loaded.start[0], loaded.line[0]), (UNKNOWN_DAY, 7));
    assert_eq!(loaded.title.get(0), records.title.get(0));
}

#[test]
fn a_damaged_row_is_named_by_its_line_and_a_broken_description_by_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let layer = ged_layer(20);
    save(
        dir.path(),
        &meta("ged", layer.records.len()),
        &layer.records,
    )
    .expect("saved");
    let path = super::dir(dir.path()).join("ged.csv");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[3] = "zu,wenige,Spalten";
    std::fs::write(&path, lines.join("\n")).expect("written");
    let err = load_quietly(dir.path(), "ged").expect_err("refused");
    assert!(err.to_string().contains("line 4"), "{err}");

    std::fs::write(super::dir(dir.path()).join("kaputt.toml"), "name = ").expect("written");
    let (metas, problems) = list(dir.path());
    assert_eq!(metas.len(), 1);
    assert!(problems[0].contains("kaputt.toml"), "{problems:?}");
}

#[test]
fn loading_can_be_cancelled() {
    let dir = tempfile::tempdir().expect("tempdir");
    let layer = ged_layer(50);
    save(dir.path(), &meta("ged", 50), &layer.records).expect("saved");
    let cancel = AtomicBool::new(true);
    let mut progress = |_| {};
    let result = load(dir.path(), "ged", &mut Control::new(&mut progress, &cancel));
    assert!(matches!(result, Err(ImportError::Cancelled)));
}

#[test]
fn new_ids_are_slugs_that_are_not_taken() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(new_id(dir.path(), "UCDP GED 24.1"), "ucdp-ged-24-1");
    save(dir.path(), &meta("ucdp-ged-24-1", 0), &Records::default()).expect("saved");
    assert_eq!(new_id(dir.path(), "UCDP GED 24.1"), "ucdp-ged-24-1-2");
    assert_eq!(new_id(dir.path(), "!!!"), "layer");
}

#[test]
fn a_layer_in_the_trash_is_not_listed_keeps_its_id_and_comes_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let layer = ged_layer(50);
    let m = meta("ged", layer.records.len());
    save(dir.path(), &m, &layer.records).unwrap();
    move_to_trash(dir.path(), "ged").unwrap();
    assert!(list(dir.path()).0.is_empty());
    assert!(trash_dir(dir.path()).join("ged.csv").exists());
    assert_eq!(
        new_id(dir.path(), "GED"),
        "ged-2",
        "the trashed layer's id stays taken"
    );
    restore_from_trash(dir.path(), "ged").unwrap();
    assert_eq!(list(dir.path()).0, vec![m]);
    assert_eq!(load_quietly(dir.path(), "ged").unwrap(), layer.records);
    assert!(
        restore_from_trash(dir.path(), "ged").is_err(),
        "nothing left to restore"
    );
}
