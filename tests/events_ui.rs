//! Whole-app tests of events recorded from passages: the form prefilled from the words, the
//! event on the timeline and the map, undo; a shipped event copied into the library.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediation_atlas::app::{AtlasApp, StartOptions};
use mediation_atlas::i18n::Lang;
use mediation_atlas::library::Library;
use mediation_atlas::model::{ArticleIdx, Date, Origin};
use mediation_atlas::ui::Action;

fn app(library: &std::path::Path) -> Harness<'static, AtlasApp> {
    common::launch(
        common::load_shipped(),
        egui::vec2(1280.0, 800.0),
        StartOptions {
            lang: Some(Lang::De),
            library: Some(library.to_owned()),
            today: Some(common::TODAY),
            ..StartOptions::default()
        },
    )
}

/// The article and the flow range of a passage of a seed.
fn passage(
    harness: &Harness<'static, AtlasApp>,
    article: &str,
    text: &str,
) -> (ArticleIdx, std::ops::Range<usize>) {
    let atlas = harness.state().atlas();
    let i = atlas
        .articles
        .iter()
        .position(|a| a.id == article)
        .expect("the article");
    let start = atlas.articles[i].flow.text.find(text).expect("the passage");
    (ArticleIdx::from_index(i), start..start + text.len())
}

#[test]
fn a_passage_recorded_as_an_event_is_on_the_timeline_and_the_map_and_undo_takes_it_back() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    let before = harness.state().atlas().events.len();
    let quote = "Hier wurde im Dezember 1991 die Alma-Ata-Erklärung unterzeichnet";
    let (article, range) = passage(&harness, "daz-2025-08-11-friedensgespraeche", quote);
    harness
        .state_mut()
        .apply(Action::RecordEvent { article, range }, 0.0);
    harness.run();
    // Prefilled from the words: the month and year, said how, and the place.
    let form = harness.state().event_form().expect("the form is open");
    assert_eq!(
        form.draft.entry.date,
        mediation_atlas::model::When::at(Date::Month {
            year: 1991,
            month: 12
        })
    );
    assert!(
        form.draft
            .date_reason
            .as_deref()
            .is_some_and(|r| r.contains("im Dezember 1991")),
        "{:?}",
        form.draft.date_reason
    );
    assert_eq!(form.draft.entry.places, ["almaty"]);
    assert_eq!(form.draft.entry.sources[0].quote, quote);
    harness.get_by_label("Speichern").click();
    harness.run();

    let app = harness.state();
    let atlas = app.atlas();
    assert_eq!(atlas.events.len(), before + 1);
    let event = atlas
        .events
        .iter()
        .position(|e| e.origin == Origin::Library)
        .map(mediation_atlas::model::EventIdx::from_index)
        .expect("the recorded event");
    assert_eq!(app.selected_event(), Some(event));
    assert!(app.visible_events().contains(&event), "on the timeline");
    let almaty = atlas.place_by_id("almaty").expect("almaty");
    assert!(atlas.events_at(almaty).contains(&event), "held at Almaty");
    assert!(app.markers().iter().any(|&(p, _)| p == almaty));
    // The quote is verbatim in the article, so the source is found.
    assert!(atlas.event(event).sources[0].flow_range.is_some());
    assert_eq!(Library::open(library.path()).0.events.len(), 1);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().atlas().events.len(), before);
    assert!(Library::open(library.path()).0.events.is_empty());
}

#[test]
fn a_shipped_event_is_copied_into_the_library_and_the_copy_can_be_deleted() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    let shipped = harness.state().atlas().events.len();
    let first = mediation_atlas::model::EventIdx::from_index(0);
    let title = harness.state().atlas().event(first).title_de.clone();
    harness.state_mut().apply(Action::SelectEvent(first), 0.0);
    harness.run();
    harness.get_by_label("In meine Bibliothek kopieren").click();
    harness.run();
    // The copy is open in the form, marked as a copy; saving it keeps both.
    harness.get_by_label("Speichern").click();
    harness.run();
    let atlas = harness.state().atlas();
    assert_eq!(atlas.events.len(), shipped + 1);
    let copy = atlas
        .events
        .iter()
        .find(|e| e.origin == Origin::Library)
        .expect("the copy");
    assert_eq!(copy.title_de, title);
    let entry = Library::open(library.path()).0.events[0].clone();
    assert_eq!(
        entry.copied_from.as_deref(),
        Some(atlas.event(first).id.as_str())
    );
    harness.get_by_label("Löschen").click();
    harness.run();
    assert_eq!(harness.state().atlas().events.len(), shipped);
}

#[test]
fn an_event_recorded_with_an_end_and_circa_keeps_the_span_and_shows_it_in_words() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    let quote = "Hier wurde im Dezember 1991 die Alma-Ata-Erklärung unterzeichnet";
    let (article, range) = passage(&harness, "daz-2025-08-11-friedensgespraeche", quote);
    harness
        .state_mut()
        .apply(Action::RecordEvent { article, range }, 0.0);
    harness.run();
    harness.get_by_label("bis (optional)").focus();
    harness.run();
    harness
        .get_by_label("bis (optional)")
        .type_text("1991-12-21");
    harness.run();
    harness.get_by_label("ca. (ungefähr)").click();
    harness.run();
    // The form says in words what will be saved.
    harness.get_by_label("ca. Dezember 1991 – 21. Dezember 1991");
    harness.get_by_label("Speichern").click();
    harness.run();
    let saved = Library::open(library.path()).0.events[0].date;
    assert_eq!(saved.to_edtf(), "1991-12~/1991-12-21~");
    let atlas = harness.state().atlas();
    let event = atlas
        .events
        .iter()
        .find(|e| e.origin == Origin::Library)
        .expect("the recorded event");
    assert_eq!(event.when, saved);
    // Saved once, in the library.
    assert_eq!(Library::open(library.path()).0.events.len(), 1);
}
