//! Whole-app tests of the user's library: articles dropped on the window, pasted, reviewed,
//! removed and undone, on the seed corpus with a library in a temporary folder.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediation_atlas::app::AtlasApp;
use mediation_atlas::library::{Library, LinkStatus};
use mediation_atlas::model::Origin;
use mediation_atlas::ui::Action;

/// A German article on Afghanistan talks in Tashkent, with places the curated gazetteer lacks.
const TASHKENT: &str = "Afghanistan-Gespräche in Taschkent\n\n\
Taschkent, 12. März 2024 – In der usbekischen Hauptstadt Taschkent haben Vertreter \
Usbekistans, Kasachstans und Afghanistans über den Bau einer Bahnlinie von Termes über \
Masar-e Scharif nach Kabul beraten. Die Delegation aus Duschanbe reiste über Samarkand an. \
Beobachter aus Doha und Bischkek verfolgten die Gespräche.\n";

fn app(library: &Path) -> Harness<'static, AtlasApp> {
    common::library_app(library, egui::vec2(1280.0, 800.0))
}

fn drop_files(harness: &mut Harness<'static, AtlasApp>, paths: &[PathBuf]) {
    for path in paths {
        harness
            .input_mut()
            .dropped_files
            .push(Arc::new(common::DroppedPath(path.clone())));
    }
    harness.run();
}

/// Drops the Tashkent article and confirms the form: the app then has it, linked.
fn add_tashkent(harness: &mut Harness<'static, AtlasApp>, dir: &Path) {
    let file = dir.join("taschkent.txt");
    std::fs::write(&file, TASHKENT).expect("write");
    drop_files(harness, &[file]);
    harness.get_by_label("Hinzufügen").click();
    harness.run();
}

fn place_named(
    harness: &Harness<'static, AtlasApp>,
    name: &str,
) -> mediation_atlas::model::PlaceIdx {
    let atlas = harness.state().atlas();
    atlas
        .places
        .iter()
        .position(|p| p.name_de == name)
        .map_or_else(
            || panic!("no place {name}"),
            mediation_atlas::model::PlaceIdx::from_index,
        )
}

#[test]
fn a_file_dropped_on_the_window_becomes_an_article_with_its_places_on_the_map() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());

    let app = harness.state();
    let article = app
        .atlas()
        .articles
        .iter()
        .find(|a| a.origin == Origin::Library)
        .expect("the dropped file is an article");
    assert_eq!(article.title_de, "Afghanistan-Gespräche in Taschkent");
    assert_eq!(article.date.to_iso(), "2024-03-12");
    // Saved at once, in the library folder, apart from the shipped corpus.
    let (on_disk, problems) = Library::open(library.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(on_disk.articles.len(), 1);
    // Places the shipped gazetteer does not know are on the map as article markers.
    for name in ["Samarkand", "Termes", "Masar-e Scharif", "Kabul", "Doha"] {
        let place = place_named(&harness, name);
        assert!(
            harness
                .state()
                .article_markers()
                .iter()
                .any(|m| m.place == place),
            "{name} has no marker"
        );
    }
    // The reader is open in review mode; the marker is a button named after the place, and
    // the place panel it opens lists the article.
    assert!(
        harness
            .state()
            .reader()
            .is_some_and(mediation_atlas::ui::ReaderState::is_review)
    );
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Samarkand")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(place_named(&harness, "Samarkand"))
    );
    harness.get_by_role_and_label(
        egui::accesskit::Role::Link,
        "Afghanistan-Gespräche in Taschkent",
    );
}

#[test]
fn a_mention_reviewed_in_the_reader_changes_its_marker() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());
    let samarkand = place_named(&harness, "Samarkand");
    assert!(
        harness
            .state()
            .article_markers()
            .iter()
            .any(|m| m.place == samarkand)
    );
    // Click the name in the text: its review opens; "not a place" unlinks it.
    let id = harness.state().library().articles[0].entry.id.clone();
    let index = harness.state().library().articles[0]
        .mentions
        .iter()
        .position(|m| m.text == "Samarkand")
        .expect("Samarkand is found");
    harness.state_mut().apply(
        Action::OpenReview {
            article: id.clone(),
            mention: index,
        },
        0.0,
    );
    harness.run();
    harness.get_by_label("✖ Kein Ort").click();
    harness.run();
    assert!(
        !harness
            .state()
            .article_markers()
            .iter()
            .any(|m| m.place == samarkand),
        "a rejected name leaves the map"
    );
    let (on_disk, _) = Library::open(library.path());
    let m = &on_disk.articles[0].mentions[index];
    assert_eq!(
        (m.status, m.by_user, &m.place),
        (LinkStatus::Rejected, true, &None)
    );
    // Undo brings the marker back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .article_markers()
            .iter()
            .any(|m| m.place == samarkand)
    );
}

#[test]
fn an_uncertain_name_confirmed_in_the_reader_fills_its_marker() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());
    let article = harness.state().library().articles[0].clone();
    // Make one link uncertain as the linker would, then confirm it through the review window.
    let index = article
        .mentions
        .iter()
        .position(|m| m.text == "Termes")
        .expect("Termes");
    let mut mentions = article.mentions.clone();
    mentions[index].status = LinkStatus::Review;
    harness
        .state_mut()
        .apply_edit(mediation_atlas::library::Edit::SetMentions {
            article: article.entry.id.clone(),
            mentions,
        });
    harness.run();
    let termes = place_named(&harness, "Termes");
    let marker = |h: &Harness<'static, AtlasApp>| {
        h.state()
            .article_markers()
            .iter()
            .find(|m| m.place == termes)
            .copied()
    };
    assert!(
        marker(&harness).is_some_and(|m| m.review),
        "hollow while uncertain"
    );
    harness.state_mut().apply(
        Action::OpenReview {
            article: article.entry.id.clone(),
            mention: index,
        },
        0.0,
    );
    harness.run();
    harness.get_by_label("✔ Stimmt").click();
    harness.run();
    assert!(
        marker(&harness).is_some_and(|m| !m.review),
        "filled once confirmed"
    );
}

#[test]
fn a_pasted_text_becomes_an_article() {
    let library = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    harness.get_by_label("+ Artikel").click();
    harness.run();
    harness.get_by_label("Text einfügen").click();
    harness.run();
    harness.event(egui::Event::Paste(TASHKENT.to_owned()));
    harness.run();
    harness.get_by_label("Weiter").click();
    harness.run();
    harness.get_by_label("Hinzufügen").click();
    harness.run();
    let library_view = harness.state().library();
    assert_eq!(library_view.articles.len(), 1);
    assert_eq!(library_view.articles[0].entry.format, "pasted");
    assert!(
        library_view.articles[0]
            .mentions
            .iter()
            .any(|m| m.text == "Taschkent" && m.place.is_some())
    );
}

#[test]
fn files_that_cannot_be_read_are_reported_by_name_and_nothing_is_added() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let empty = files.path().join("leer.txt");
    std::fs::write(&empty, "").expect("write");
    let binary = files.path().join("bild.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    let mut harness = app(library.path());
    drop_files(&mut harness, &[empty, binary]);
    let form = harness.state().add_form().expect("the dialog says why");
    assert_eq!(form.errors.len(), 2);
    assert!(form.errors[0].contains("leer.txt") && form.errors[0].contains("Die Datei ist leer"));
    assert!(form.errors[1].contains("bild.txt") && form.errors[1].contains("Binärdaten"));
    assert!(harness.state().problems().len() >= 2, "and the banner too");
    assert!(harness.state().library().articles.is_empty());
    assert!(!library.path().join("articles.toml").exists());
}

#[test]
fn removing_an_article_asks_and_undo_brings_it_back() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());
    harness.get_by_label("Artikel entfernen …").click();
    harness.run();
    // Asked first: nothing is gone yet.
    assert_eq!(harness.state().library().articles.len(), 1);
    harness.get_by_label("Entfernen").click();
    harness.run();
    assert!(harness.state().library().articles.is_empty());
    assert!(Library::open(library.path()).0.articles.is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().library().articles.len(), 1);
    assert_eq!(Library::open(library.path()).0.articles.len(), 1);
}

#[test]
fn the_same_text_added_twice_is_recognised() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());
    add_tashkent(&mut harness, files.path());
    assert_eq!(harness.state().library().articles.len(), 1);
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.contains("schon in Ihrer Bibliothek")),
        "{:?}",
        harness.state().notice()
    );
}

#[test]
fn the_library_loads_on_start_and_a_decision_carries_over_to_later_articles() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    {
        let mut harness = app(library.path());
        add_tashkent(&mut harness, files.path());
        let id = harness.state().library().articles[0].entry.id.clone();
        let index = harness.state().library().articles[0]
            .mentions
            .iter()
            .position(|m| m.text == "Doha")
            .expect("Doha");
        harness.state_mut().apply(
            Action::Review {
                article: id,
                mention: index,
                verdict: mediation_atlas::library::review::Verdict::Reject,
            },
            0.0,
        );
        harness.run();
    }
    // A new start: the article is there beside the seeds.
    let mut harness = app(library.path());
    assert_eq!(harness.state().atlas().articles.len(), 6);
    let second = files.path().join("doha.txt");
    std::fs::write(
        &second,
        "Neue Runde\n\nDie Gespräche in Doha gehen weiter, sagte man in Kabul.\n",
    )
    .expect("write");
    drop_files(&mut harness, &[second]);
    harness.get_by_label("Hinzufügen").click();
    harness.run();
    let later = harness
        .state()
        .library()
        .articles
        .iter()
        .find(|a| a.text.contains("Neue Runde"))
        .expect("added");
    let doha = later
        .mentions
        .iter()
        .find(|m| m.text == "Doha")
        .expect("found");
    assert_eq!(
        doha.status,
        LinkStatus::Rejected,
        "the earlier decision applies"
    );
}

#[test]
fn a_passage_the_linker_missed_is_linked_to_a_place_put_on_the_map() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    let file = files.path().join("woruch.txt");
    std::fs::write(
        &file,
        "Grenzstreit\n\nIn der Exklave Woruch kam es erneut zu Schüssen.\n",
    )
    .expect("write");
    drop_files(&mut harness, &[file]);
    harness.get_by_label("Hinzufügen").click();
    harness.run();
    let article = harness.state().library().articles[0].clone();
    let flow = mediation_atlas::ingest::reflow::FlowText::from_raw(&article.text);
    let start = flow.text.find("Woruch").expect("in the text");
    harness.state_mut().apply(
        Action::ReviewPassage {
            article: article.entry.id.clone(),
            range: start..start + "Woruch".len(),
        },
        0.0,
    );
    harness.run();
    harness.get_by_label("Auf der Karte setzen").click();
    harness.run();
    harness.state_mut().apply(
        Action::PlacedAt {
            lat: 39.98,
            lon: 70.58,
        },
        0.0,
    );
    harness.run();
    let library_view = harness.state().library();
    let place = library_view
        .places
        .iter()
        .find(|p| p.name_de == "Woruch")
        .expect("a new place");
    assert!((place.lat - 39.98).abs() < 1e-6 && place.source.contains("user"));
    assert!(
        library_view.articles[0]
            .mentions
            .iter()
            .any(|m| m.text == "Woruch" && m.place.as_deref() == Some(place.id.as_str()))
    );
    assert!(harness.state().atlas().place_by_id(&place.id).is_some());
}

#[test]
fn dragging_over_words_in_the_reader_selects_a_passage_to_link() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let mut harness = app(library.path());
    add_tashkent(&mut harness, files.path());
    let from = harness.get_by_label("Bahnlinie ").rect().center();
    let to = harness.get_by_label("beraten. ").rect().center();
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(common::button(from, true));
    harness.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(common::button(to, false));
    harness.run();
    let reader = harness.state().reader().expect("the reader is open");
    let selection = reader.selection.clone().expect("a passage is selected");
    let article = harness
        .state()
        .atlas()
        .articles
        .iter()
        .find(|a| a.origin == Origin::Library)
        .expect("added");
    assert_eq!(
        &article.flow.text[selection],
        "Bahnlinie von Termes über Masar-e Scharif nach Kabul beraten"
    );
    // The passage can be linked from the bar above the text.
    harness.get_by_label("Mit Ort verknüpfen …").click();
    harness.run();
    assert!(matches!(
        harness.state().review_target(),
        Some(mediation_atlas::ui::review::ReviewTarget::Passage { .. })
    ));
}
