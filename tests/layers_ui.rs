//! Whole-app tests of imported layers: a layer of the library is drawn beside the curated
//! events, listed in the legend, shown and hidden by its box (remembered in its file), and a
//! broken layer file is reported while the rest loads.

mod common;

use std::path::Path;
use std::sync::atomic::AtomicBool;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediation_atlas::app::{AtlasApp, StartOptions};
use mediation_atlas::i18n::Lang;
use mediation_atlas::layers::store::{self, LayerMeta};
use mediation_atlas::layers::{Control, Dataset, Lookups, import_csv};

fn save_ged_layer(library: &Path, name: &str, rows: usize) -> LayerMeta {
    let mut csv = Vec::new();
    mediation_atlas::layers::synthetic::write_ged_csv(&mut csv, rows, 3).expect("generated");
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let layer = import_csv(
        &csv[..],
        name,
        None,
        Lookups::none(),
        &mut Control::new(&mut progress, &cancel),
    )
    .expect("imported");
    let meta = LayerMeta {
        id: store::new_id(library, name),
        name: name.to_owned(),
        color: store::palette_color(0),
        visible: true,
        dataset: Dataset::Ged,
        source: "ged.csv".to_owned(),
        imported: "2026-12-01T12:00:00Z".to_owned(),
        rows: layer.records.len() as u64,
        problems: 0,
        filter: mediation_atlas::layers::store::SavedFilter::default(),
    };
    store::save(library, &meta, &layer.records).expect("saved");
    meta
}

fn app(library: &Path, lang: Lang) -> Harness<'static, AtlasApp> {
    common::launch(
        common::load_shipped(),
        egui::vec2(1024.0, 768.0),
        StartOptions {
            lang: Some(lang),
            library: Some(library.to_owned()),
            today: Some(common::TODAY),
            ..StartOptions::default()
        },
    )
}

#[test]
fn a_layer_is_listed_and_its_box_hides_it_and_remembers_that() {
    let dir = tempfile::tempdir().expect("tempdir");
    let meta = save_ged_layer(dir.path(), "GED Test", 400);
    let mut harness = app(dir.path(), Lang::De);
    harness.run();
    {
        let app = harness.state();
        let layers = app.map_layers();
        assert_eq!(layers.len(), 1);
        assert_eq!(layers[0].records.len() as u64, meta.rows);
        assert!(layers[0].located() > 390, "{}", layers[0].located());
        assert!(layers[0].meta.visible);
    }
    harness.get_by_label_contains("Ebenen");
    harness.get_by_label_contains(&format!("{} Einträge", meta.rows));
    harness.get_by_label("GED Test").click();
    harness.run();
    assert!(!harness.state().map_layers()[0].meta.visible, "hidden");
    let (stored, _) = store::list(dir.path());
    assert!(!stored[0].visible, "remembered in layers/{}.toml", meta.id);
    harness.get_by_label("GED Test").click();
    harness.run();
    assert!(harness.state().map_layers()[0].meta.visible, "shown again");
}

#[test]
fn a_broken_layer_is_reported_by_its_file_and_the_others_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    save_ged_layer(dir.path(), "Gut", 50);
    std::fs::write(store::dir(dir.path()).join("kaputt.toml"), "name = ").expect("written");
    let mut harness = app(dir.path(), Lang::En);
    harness.run();
    assert_eq!(harness.state().map_layers().len(), 1);
    assert!(
        harness
            .state()
            .problems()
            .iter()
            .any(|p| p.to_string().contains("kaputt.toml")),
        "{:?}",
        harness.state().problems()
    );
    harness.get_by_label_contains("50 records");
}

#[test]
fn without_layers_there_is_no_legend() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = app(dir.path(), Lang::De);
    harness.run();
    assert!(harness.state().map_layers().is_empty());
    assert!(harness.query_by_label("Ebenen").is_none());
}

#[test]
fn a_layer_is_narrowed_by_its_category_its_search_and_the_timelines_range() {
    let dir = tempfile::tempdir().expect("tempdir");
    save_ged_layer(dir.path(), "GED Test", 600);
    let mut harness = app(dir.path(), Lang::De);
    harness.run();
    let (category, in_category) = harness.state().map_layers()[0].categories[0].clone();
    assert!(
        in_category < 600,
        "the synthetic rows have several categories"
    );
    harness.get_by_label("Filter der Ebene „GED Test“").click();
    harness.run();
    harness
        .get_by_label_contains(&format!("{category} ("))
        .click();
    harness.run();
    {
        let layer = &harness.state().map_layers()[0];
        assert_eq!(layer.kept(), in_category);
        assert_eq!(
            layer.index().len(),
            layer.located(),
            "the index holds what is kept"
        );
    }
    harness.get_by_label_contains(&format!("{in_category} von 600"));

    // The search narrows further, in any case.
    let place = harness.state().map_layers()[0]
        .records
        .place
        .get(0)
        .expect("a place")
        .to_owned();
    harness.get_by_label("Suchen").focus();
    harness.run();
    harness
        .get_by_label("Suchen")
        .type_text(&place.to_uppercase());
    harness.run();
    let searched = harness.state().map_layers()[0].kept();
    assert!(searched >= 1 && searched < in_category, "{searched}");

    // The filters are remembered in the layer's description, and a new start takes them up.
    let (stored, _) = store::list(dir.path());
    assert_eq!(stored[0].filter.categories, std::slice::from_ref(&category));
    assert_eq!(stored[0].filter.text, place.to_uppercase());
    let mut again = app(dir.path(), Lang::De);
    again.run();
    assert_eq!(again.state().map_layers()[0].kept(), searched);

    // The timeline's range narrows every layer too; clearing the layer's filters keeps it.
    harness.get_by_label("Filter aufheben").click();
    harness.run();
    let records = std::sync::Arc::clone(&harness.state().map_layers()[0].records);
    let day = |y: i32| i64::from(mediation_atlas::layers::dates::days_from_civil(y, 1, 1));
    harness.state_mut().apply(
        mediation_atlas::ui::Action::SetRange(Some((day(2000), day(2005)))),
        0.0,
    );
    harness.run();
    let layer = &harness.state().map_layers()[0];
    let (from, to) = (day(2000) as i32, day(2005) as i32);
    let expected = (0..records.len())
        .filter(|&i| {
            records.start[i] != mediation_atlas::layers::records::UNKNOWN_DAY
                && records.start[i] <= to
                && records.end[i].max(records.start[i]) >= from
        })
        .count();
    assert!(expected > 0 && expected < 600, "{expected}");
    assert_eq!(layer.kept(), expected);
    assert!(layer.wanted.is_empty());
}

#[test]
fn the_export_dialog_writes_what_is_shown_as_data_with_the_layers_filters() {
    let dir = tempfile::tempdir().expect("tempdir");
    save_ged_layer(dir.path(), "GED Test", 600);
    let out = tempfile::tempdir().expect("tempdir");
    let mut harness = common::launch(
        common::load_shipped(),
        egui::vec2(1024.0, 768.0),
        StartOptions {
            lang: Some(Lang::De),
            library: Some(dir.path().to_owned()),
            today: Some(common::TODAY),
            export_dir: Some(out.path().to_owned()),
            ..StartOptions::default()
        },
    );
    harness.run();
    let day = |y: i32| i64::from(mediation_atlas::layers::dates::days_from_civil(y, 1, 1));
    harness.state_mut().apply(
        mediation_atlas::ui::Action::SetRange(Some((day(2010), day(2020)))),
        0.0,
    );
    harness.run();
    let (events, kept) = {
        let app = harness.state();
        (app.visible_events().len(), app.map_layers()[0].kept())
    };
    assert!(kept > 0 && kept < 600, "{kept}");
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::OpenExportDialog, 0.0);
    harness.run();
    harness.get_by_label("CSV (Tabelle)").click();
    harness.run();
    harness.get_by_label("Speichern").click();
    harness.run();
    harness.state_mut().wait_for_export();
    harness.run();
    let file = harness
        .state()
        .exported_path()
        .expect("written")
        .to_path_buf();
    assert_eq!(file.extension().and_then(|e| e.to_str()), Some("csv"));
    let text = std::fs::read_to_string(&file).expect("the CSV");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let layer_column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "layer")
        .expect("a layer column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let in_layer = rows
        .iter()
        .filter(|r| &r[layer_column] == "GED Test")
        .count();
    assert_eq!(in_layer, kept, "the layer's rows the range keeps");
    assert_eq!(rows.len() - in_layer, events, "the events the range keeps");
}

#[test]
fn a_group_of_records_is_a_button_for_screen_readers_and_zooms_in_when_pressed() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().expect("tempdir");
    save_ged_layer(dir.path(), "GED Test", 400);
    let mut harness = app(dir.path(), Lang::En);
    harness.run();
    let before = harness.state().view().zoom;
    let group = harness
        .get_all_by_label_contains("in “GED Test” – click to zoom in")
        .next()
        .expect("a group of the layer is a node with its count and layer")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(group.contains("records"), "{group}");
    harness.get_by_label(&group).click();
    for _ in 0..60 {
        harness.step();
    }
    assert!(
        harness.state().view().zoom > before,
        "{} -> {}",
        before,
        harness.state().view().zoom
    );
}
