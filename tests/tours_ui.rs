//! Whole-app tests of tours made in the app: steps recorded from the map, edited, presented,
//! validated like the shipped tour, and carried to another library in a lesson pack.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediation_atlas::app::{AtlasApp, StartOptions};
use mediation_atlas::i18n::Lang;
use mediation_atlas::library::Library;
use mediation_atlas::ui::Action;

fn app(library: &std::path::Path) -> Harness<'static, AtlasApp> {
    let loaded = common::load_shipped();
    let (tours, _) = mediation_atlas::ingest::tours::load_tours(&common::shipped(), &loaded.atlas);
    common::launch(
        loaded,
        egui::vec2(1280.0, 800.0),
        StartOptions {
            lang: Some(Lang::De),
            library: Some(library.to_owned()),
            today: Some(common::TODAY),
            tours,
            ..StartOptions::default()
        },
    )
}

/// Records three steps: Astana selected, an event selected, and a time range.
fn record_three_steps(harness: &mut Harness<'static, AtlasApp>) -> String {
    let astana = harness
        .state()
        .atlas()
        .place_by_id("astana")
        .expect("astana");
    harness.state_mut().apply(Action::SelectPlace(astana), 0.0);
    harness.run();
    harness.get_by_label("+ Als Schritt aufnehmen").click();
    harness.run();
    let event = harness
        .state()
        .atlas()
        .event_by_id("alma-ata-erklaerung-1991")
        .expect("event");
    harness.state_mut().apply(Action::SelectEvent(event), 0.0);
    harness.run();
    harness.get_by_label("+ Als Schritt aufnehmen").click();
    harness.run();
    harness.state_mut().apply(Action::ClearSelection, 0.0);
    let range = (
        mediation_atlas::model::filter::day_number(2010, 1, 1),
        mediation_atlas::model::filter::day_number(2015, 12, 31),
    );
    harness
        .state_mut()
        .apply(Action::SetRange(Some(range)), 0.0);
    harness.run();
    harness.get_by_label("+ Als Schritt aufnehmen").click();
    harness.run();
    harness.state().library().tours[0].id.clone()
}

#[test]
fn three_steps_recorded_from_the_map_are_a_tour_that_presents() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    let shipped = harness.state().tours().len();
    let id = record_three_steps(&mut harness);
    // Saved in the library in the format of data/tours/, and read back by the same loader.
    let (lib, problems) = Library::open(library.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(lib.tours.len(), 1);
    let text = std::fs::read_to_string(library.path().join("tours").join(format!("{id}.toml")))
        .expect("the tour file");
    assert!(
        text.contains("[[step]]") && text.contains("select_place = \"astana\""),
        "{text}"
    );
    // Astana's lines, drawn when it was recorded, are the step's highlighted lines.
    let (lib, _) = Library::open(library.path());
    assert!(!lib.tours[0].step[0].highlight.is_empty(), "{text}");
    assert!(
        text.contains("range = [\"2010-01-01\", \"2015-12-31\"]"),
        "{text}"
    );
    let tours = harness.state().tours();
    assert_eq!(tours.len(), shipped + 1);
    let tour = tours.last().expect("the new tour");
    assert_eq!(tour.steps.len(), 3);
    assert!(
        harness.state().problems().is_empty(),
        "{:?}",
        harness.state().problems()
    );

    harness
        .state_mut()
        .apply(Action::PresentTour { id, step: 0 }, 0.0);
    harness.run();
    let astana = harness.state().atlas().place_by_id("astana");
    assert_eq!(harness.state().selected(), astana);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    let alma_ata = harness
        .state()
        .atlas()
        .event_by_id("alma-ata-erklaerung-1991");
    assert_eq!(harness.state().selected_event(), alma_ata);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(harness.state().presentation().map(|p| p.step), Some(2));
    assert!(harness.state().filter().range.is_some());
}

#[test]
fn a_step_moved_down_in_the_editor_is_saved_in_its_new_place() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = editing_three_steps(library.path());
    let first = harness.state().library().tours[0].step[0]
        .caption_de
        .clone();
    harness
        .get_all_by_label("↓")
        .next()
        .expect("a down button")
        .click();
    harness.run();
    // Saved at once: there is no save button to forget.
    let (lib, _) = Library::open(library.path());
    assert_eq!(lib.tours[0].step[1].caption_de, first);
    // One undo puts it back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        Library::open(library.path()).0.tours[0].step[0].caption_de,
        first
    );
}

#[test]
fn a_tour_carried_in_a_lesson_pack_presents_in_the_students_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let teacher = dir.path().join("teacher");
    let pack = dir.path().join("lektion.atlas");
    {
        let mut harness = app(&teacher);
        record_three_steps(&mut harness);
        harness.state_mut().apply(
            Action::ExportLesson {
                path: pack.clone(),
                tour: None,
            },
            0.0,
        );
        harness.run();
    }
    let mut student = app(&dir.path().join("student"));
    student
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::DroppedPath(pack)));
    student.run();
    let id = student.state().library().tours[0].id.clone();
    assert_eq!(
        student.state().tours().last().map(|t| t.steps.len()),
        Some(3)
    );
    student
        .state_mut()
        .apply(Action::PresentTour { id, step: 2 }, 0.0);
    student.run();
    assert_eq!(student.state().presentation().map(|p| p.step), Some(2));
}

#[test]
fn check_validates_a_tour_of_the_library_like_the_shipped_one() {
    let library = tempfile::tempdir().expect("tempdir");
    let id = {
        let mut harness = app(library.path());
        record_three_steps(&mut harness)
    };
    let (report, ok) =
        mediation_atlas::cli::check_with_library(&common::shipped(), Some(library.path()));
    assert!(ok, "{report}");
    assert!(
        report.contains("0 articles, 0 events, 1 tours; ok"),
        "{report}"
    );
    // An unknown event in the tour is named with its file and line.
    let path = library.path().join("tours").join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replace("alma-ata-erklaerung-1991", "gibt-es-nicht"),
    )
    .expect("write");
    let (report, ok) =
        mediation_atlas::cli::check_with_library(&common::shipped(), Some(library.path()));
    assert!(!ok, "{report}");
    assert!(
        report.contains(&format!("{id}.toml:")) && report.contains("gibt-es-nicht"),
        "{report}"
    );
}

#[test]
fn undo_and_redo_are_in_the_menu_too() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    record_three_steps(&mut harness);
    harness.get_by_label("☰").click();
    harness.run();
    harness.get_by_label("↶ Rückgängig  (Ctrl+Z)").click();
    harness.run();
    assert_eq!(harness.state().library().tours[0].step.len(), 2);
    harness.get_by_label("☰").click();
    harness.run();
    harness
        .get_by_label("↷ Wiederholen  (Ctrl+Shift+Z)")
        .click();
    harness.run();
    assert_eq!(harness.state().library().tours[0].step.len(), 3);
}

/// The app with three recorded steps, their tour open in the editor.
fn editing_three_steps(library: &std::path::Path) -> Harness<'static, AtlasApp> {
    let mut harness = app(library);
    let id = record_three_steps(&mut harness);
    harness.state_mut().apply(Action::EditTour(id), 0.0);
    harness.run();
    harness
}

/// Presses at `from`, moves in small steps to `to` and releases there.
fn drag(harness: &mut Harness<'static, AtlasApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(common::button(from, true));
    harness.step();
    for t in [0.1, 0.25, 0.5, 0.75, 1.0] {
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(common::button(to, false));
    harness.run();
}

#[test]
fn a_step_dragged_by_its_handle_to_the_top_is_saved_first() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = editing_three_steps(library.path());
    let captions = |lib: &Library| -> Vec<String> {
        lib.tours[0]
            .step
            .iter()
            .map(|s| s.caption_de.clone())
            .collect()
    };
    let before = captions(&Library::open(library.path()).0);
    let from = harness.get_by_label("☰ Schritt 2").rect().center();
    let first = harness.get_by_label("☰ Schritt 1").rect();
    drag(
        &mut harness,
        from,
        first.center_top() + egui::vec2(0.0, 2.0),
    );
    let after = captions(&Library::open(library.path()).0);
    assert_eq!(
        after,
        [before[1].clone(), before[0].clone(), before[2].clone()]
    );
    // The editor shows the new order, and one undo restores the old one.
    assert_eq!(
        harness
            .state()
            .tour_editor()
            .map(|e| e.tour.step[0].caption_de.clone()),
        Some(before[1].clone())
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(captions(&Library::open(library.path()).0), before);
    assert_eq!(
        harness
            .state()
            .tour_editor()
            .map(|e| e.tour.step[0].caption_de.clone()),
        Some(before[0].clone())
    );
}

#[test]
fn a_caption_typed_in_the_editor_is_saved_when_the_field_is_left() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = editing_three_steps(library.path());
    harness
        .get_all_by_label("Bildunterschrift (englisch)")
        .next()
        .expect("the first step's English caption")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_all_by_label("Bildunterschrift (englisch)")
        .next()
        .expect("the field")
        .type_text("The capital on the steppe");
    harness.run();
    assert_ne!(
        Library::open(library.path()).0.tours[0].step[0].caption_en,
        "The capital on the steppe",
        "not saved while typing"
    );
    harness.get_by_label("Tour bearbeiten").click();
    harness.run();
    assert_eq!(
        Library::open(library.path()).0.tours[0].step[0].caption_en,
        "The capital on the steppe"
    );
}

#[test]
fn a_step_previewed_in_the_editor_shows_on_the_map_without_presenting() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = editing_three_steps(library.path());
    harness
        .get_all_by_label("Vorschau")
        .nth(1)
        .expect("the second step's preview")
        .click();
    harness.run();
    let alma_ata = harness
        .state()
        .atlas()
        .event_by_id("alma-ata-erklaerung-1991");
    assert_eq!(harness.state().selected_event(), alma_ata);
    assert!(harness.state().presentation().is_none());
    assert!(
        harness.state().tour_editor().is_some(),
        "the editor stays open"
    );
}

#[test]
fn a_passage_chosen_for_a_step_in_the_reader_is_saved_with_the_step() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = editing_three_steps(library.path());
    // The second step shows the Alma-Ata declaration: its source opens in the reader.
    harness
        .get_all_by_label("Textstelle wählen …")
        .nth(1)
        .expect("the second step's button")
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label("Textstelle für Schritt 2 wählen")
            .is_some()
    );
    // "… im Dezember 1991 die Alma-Ata-Erklärung unterzeichnet, …": the nearest pair of the
    // two words, in reading order.
    let centres = |label: &str| -> Vec<egui::Pos2> {
        harness
            .get_all_by_label(label)
            .map(|n| n.rect().center())
            .collect()
    };
    let (from, to) = centres("Dezember ")
        .into_iter()
        .flat_map(|d| centres("unterzeichnet, ").into_iter().map(move |u| (d, u)))
        .filter(|(d, u)| u.y > d.y + 1.0 || (u.y - d.y).abs() <= 1.0 && u.x > d.x)
        .min_by(|a, b| a.0.distance(a.1).total_cmp(&b.0.distance(b.1)))
        .expect("the sentence");
    drag(&mut harness, from, to);
    harness.get_by_label("Übernehmen").click();
    harness.run();
    let passage = Library::open(library.path()).0.tours[0].step[1]
        .passage
        .clone()
        .expect("the step has a passage");
    assert_eq!(passage.article, "daz-2025-08-11-friedensgespraeche");
    assert_eq!(
        passage.quote,
        "Dezember 1991 die Alma-Ata-Erklärung unterzeichnet"
    );
    // Back in the editor, which shows the quote.
    assert!(
        harness
            .query_by_label("„Dezember 1991 die Alma-Ata-Erklärung unterzeichnet“")
            .is_some()
    );
}

#[test]
fn one_tour_shared_from_its_editor_carries_only_what_it_needs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let teacher = dir.path().join("teacher");
    let pack = dir.path().join("eine-tour.atlas");
    {
        let mut harness = app(&teacher);
        let id = record_three_steps(&mut harness);
        // A second tour of the teacher's, which the pack must not carry.
        harness.get_by_label("+ Neue Tour").click();
        harness.run();
        harness.get_by_label("+ Als Schritt aufnehmen").click();
        harness.run();
        assert_eq!(harness.state().library().tours.len(), 2);
        harness.state_mut().apply(Action::EditTour(id.clone()), 0.0);
        harness.run();
        harness.get_by_label("Als Lektion weitergeben …").click();
        harness.run();
        assert!(
            harness
                .query_by_label("„Meine Tour (2026-11-23)“")
                .is_some()
        );
        let field = harness.get_by_label(
            "Diese Tour mit ihren Artikeln, Ereignissen, Orten und Prozessen als eine Datei (.atlas) speichern unter:",
        );
        field.click();
        harness.run();
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness
            .get_by_label(
                "Diese Tour mit ihren Artikeln, Ereignissen, Orten und Prozessen als eine Datei (.atlas) speichern unter:",
            )
            .type_text(&pack.display().to_string());
        harness.run();
        harness.get_by_label("Speichern").click();
        harness.run();
    }
    let (manifest, files) = mediation_atlas::library::pack::read_pack(
        &pack,
        &mediation_atlas::library::pack::Limits::default(),
    )
    .expect("the pack reads");
    assert_eq!(manifest.title, "Meine Tour (2026-11-23)");
    assert_eq!(manifest.tours.len(), 1);
    let tours: Vec<&String> = files
        .iter()
        .map(|(name, _)| name)
        .filter(|n| n.starts_with("tours/"))
        .collect();
    assert_eq!(tours.len(), 1, "{tours:?}");
    let mut student = app(&dir.path().join("student"));
    student.state_mut().apply(Action::ImportLesson(pack), 0.0);
    student.run();
    assert_eq!(student.state().library().tours.len(), 1);
    assert_eq!(
        student.state().tours().last().map(|t| t.steps.len()),
        Some(3)
    );
}

#[test]
fn the_steps_of_an_earlier_run_are_undone_after_a_restart() {
    let library = tempfile::tempdir().expect("tempdir");
    {
        let mut harness = app(library.path());
        record_three_steps(&mut harness);
    }
    let mut harness = app(library.path());
    assert!(
        harness.state().problems().is_empty(),
        "{:?}",
        harness.state().problems()
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(Library::open(library.path()).0.tours[0].step.len(), 2);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(Library::open(library.path()).0.tours[0].step.len(), 3);
}

#[test]
fn a_pack_given_on_the_command_line_joins_the_library_at_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = dir.path().join("stunde.atlas");
    {
        let mut harness = app(&dir.path().join("teacher"));
        record_three_steps(&mut harness);
        harness.state_mut().apply(
            Action::ExportLesson {
                path: pack.clone(),
                tour: None,
            },
            0.0,
        );
        harness.run();
    }
    // As the system starts the app for a double-clicked file: `mediation-atlas FILE`.
    let loaded = common::load_shipped();
    let (tours, _) = mediation_atlas::ingest::tours::load_tours(&common::shipped(), &loaded.atlas);
    let student = common::launch(
        loaded,
        egui::vec2(1280.0, 800.0),
        StartOptions {
            lang: Some(Lang::De),
            library: Some(dir.path().join("student")),
            today: Some(common::TODAY),
            tours,
            open: vec![pack],
            ..StartOptions::default()
        },
    );
    assert_eq!(student.state().library().tours.len(), 1);
    assert!(student.query_by_label_contains("übernommen").is_some());
}
