//! Whole-app tests of importing a dataset as a layer: a CSV dropped on the window opens the
//! dataset dialog with its first rows and guessed columns; a column is mapped by hand, the
//! import stores a layer that joins the map and the legend, with its problems in the notice;
//! undo puts it in the trash; cancelling writes nothing; other files are still articles.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mediation_atlas::app::AtlasApp;
use mediation_atlas::layers::{Dataset, store};

/// A table of its own: a title, a place name, coordinates for the first row only, and a
/// column no guess maps. "Nirgendwo" is in no gazetteer.
const MEETINGS: &str = "Titel,Ort,lat,lon,Art der Sitzung\n\
    Gipfel in Astana,Astana,51.18,71.45,Gipfel\n\
    Runde in Almaty,almaty,,,Verhandlung\n\
    Gespräch,Nirgendwo,,,Treffen\n";

fn app(library: &Path) -> Harness<'static, AtlasApp> {
    common::library_app(library, egui::vec2(1024.0, 768.0))
}

fn drop_file(harness: &mut Harness<'static, AtlasApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(common::DroppedPath(path)));
    harness.run();
}

/// A temporary folder with the file `name` holding `text`, and the app on the library
/// `library` in it with that file dropped on the window.
fn dropped(name: &str, text: &str) -> (tempfile::TempDir, PathBuf, Harness<'static, AtlasApp>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    let file = dir.path().join(name);
    std::fs::write(&file, text).expect("written");
    let mut harness = app(&library);
    drop_file(&mut harness, file);
    (dir, library, harness)
}

fn stored_csvs(library: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(store::dir(library))
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_dropped_csv_is_previewed_mapped_imported_as_a_layer_and_undone() {
    let (_dir, library, mut harness) = dropped("treffen.csv", MEETINGS);

    harness.get_by_label("Datensatz als Ebene importieren");
    harness.get_by_label("treffen.csv");
    harness.get_by_label_contains("eine eigene Tabelle (CSV)");
    harness.get_by_label("Gipfel in Astana");
    {
        let dialog = harness
            .state()
            .dataset_dialog()
            .expect("the dialog is open");
        assert_eq!(dialog.mapping.place, Some(1), "guessed from “Ort”");
        assert_eq!(dialog.mapping.category, None);
    }
    harness.get_by_label("Kategorie").click();
    harness.run();
    harness
        .get_all_by_label("Art der Sitzung")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .expect("the column in the list")
        .click();
    harness.run();
    let mapping = harness
        .state()
        .dataset_dialog()
        .expect("still open")
        .mapping
        .clone();
    assert_eq!(mapping.category, Some(4), "chosen by hand");

    let import = harness.get_by_label("Importieren").rect();
    assert!(
        import.max.y < 768.0,
        "the dialog fits a 1024×768 window: {import:?}"
    );
    harness.get_by_label("Importieren").click();
    harness.run();
    assert!(
        harness.state().dataset_dialog().is_none(),
        "closed when done"
    );
    {
        let layers = harness.state().map_layers();
        assert_eq!(layers.len(), 1);
        assert_eq!(layers[0].meta.name, "treffen");
        assert_eq!(layers[0].records.len(), 3, "the unknown place is kept");
        assert_eq!(layers[0].located(), 2, "Almaty found in the gazetteer");
        assert_eq!(layers[0].meta.dataset, Dataset::Csv(mapping));
    }
    harness.get_by_label("treffen");
    harness.get_by_label("3 Einträge");
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(notice.contains("3 Einträge importiert"), "{notice}");
    assert!(notice.contains("0 Zeilen übersprungen"), "{notice}");
    assert!(
        notice.contains("treffen.csv:4: das Ortsverzeichnis kennt „Nirgendwo“ nicht"),
        "{notice}"
    );
    assert_eq!(stored_csvs(&library).len(), 1, "layers/*.csv");

    harness.get_by_label("↶ Rückgängig").click();
    harness.run();
    assert!(harness.state().map_layers().is_empty(), "undone");
    assert!(stored_csvs(&library).is_empty());
    assert!(store::trash_dir(&library).join("treffen.csv").exists());
}

#[test]
fn cancelling_the_dataset_dialog_writes_nothing() {
    let (_dir, library, mut harness) = dropped("treffen.csv", MEETINGS);
    assert!(harness.state().dataset_dialog().is_some());
    harness.get_by_label("Abbrechen").click();
    harness.run();
    assert!(harness.state().dataset_dialog().is_none());
    assert!(harness.state().map_layers().is_empty());
    assert!(!store::dir(&library).exists(), "nothing written");
}

#[test]
fn import_needs_coordinates_or_a_place_name_and_says_so() {
    let (_dir, _, harness) = dropped("liste.tsv", "Titel\tDatum\nGipfel\t2024-04-01\n");
    harness.get_by_label_contains("ohne sie lassen sich die Einträge nicht");
    assert!(
        harness
            .get_by_label("Importieren")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn data_files_dropped_open_the_dataset_dialog_and_texts_are_still_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("notiz.txt");
    std::fs::write(&text, "Die Gespräche in Astana gingen am Montag weiter.").expect("written");
    let points = dir.path().join("punkte.geojson");
    std::fs::write(&points, r#"{"type":"FeatureCollection","features":[]}"#).expect("written");
    let mut harness = app(&dir.path().join("library"));
    drop_file(&mut harness, text);
    assert!(harness.state().dataset_dialog().is_none());
    assert!(harness.state().add_form().is_some(), "a text is an article");
    drop_file(&mut harness, points);
    let dialog = harness
        .state()
        .dataset_dialog()
        .expect("the dataset dialog");
    assert_eq!(dialog.dataset, Dataset::GeoJson);
    harness.get_by_label("GeoJSON-Features");
    // The menu has the entry that asks for a file with the system's dialog.
    harness.get_by_label("☰").click();
    harness.run();
    harness.get_by_label("Datensatz importieren …");
}

#[test]
fn a_wide_dataset_is_recognised_and_its_dialog_stays_inside_the_window() {
    let mut ged = Vec::new();
    mediation_atlas::layers::synthetic::write_ged_csv(&mut ged, 20, 1).expect("generated");
    let text = String::from_utf8(ged).expect("UTF-8");
    let (_dir, library, mut harness) = dropped("ged_extract.csv", &text);
    harness.get_by_label("UCDP GED (georeferenzierte Ereignisse)");
    assert!(
        harness.query_by_label("Kategorie").is_none(),
        "a known dataset needs no column choices"
    );
    let import = harness.get_by_label("Importieren").rect();
    assert!(
        import.max.x < 1024.0 && import.max.y < 768.0,
        "fits 1024×768: {import:?}"
    );
    harness.get_by_label("Importieren").click();
    harness.run();
    let layers = harness.state().map_layers();
    assert_eq!(layers.len(), 1);
    assert_eq!(layers[0].meta.dataset, Dataset::Ged);
    assert_eq!(layers[0].meta.name, "ged_extract");
    assert_eq!(stored_csvs(&library).len(), 1);
}
