//! Lesson packs: a library shared as one `.atlas` file joins another library with its articles,
//! events and quotes; identical records merge, different ones under a taken id are kept both;
//! damaged and hostile packs are refused with nothing written.

mod common;

use std::path::Path;

use mediation_atlas::cli;
use mediation_atlas::library::{Edit, EventEntry, Library, ProcessEntry, SourceEntry, Workspace};
use mediation_atlas::model::{Date, EventKind};

const TEXT: &str = "Gespräche in Taschkent\n\n\
Am 12. März 2024 trafen sich in Taschkent Vertreter Kasachstans und Usbekistans.\n";
const QUOTE: &str =
    "Am 12. März 2024 trafen sich in Taschkent Vertreter Kasachstans und Usbekistans.";

/// A library with one article, one event quoting it, and a process of its own.
fn teacher_library(dir: &Path) {
    let file = dir.join("taschkent.txt");
    std::fs::write(&file, TEXT).expect("write");
    let library = dir.join("library");
    let (report, ok) = cli::add(&common::shipped(), Some(&library), &[file]);
    assert!(ok, "{report}");
    let (mut lib, _) = Library::open(&library);
    let article = lib.articles[0].entry.id.clone();
    lib.apply(Edit::Batch(vec![
        Edit::PutProcess(ProcessEntry {
            id: "user-wasser".to_owned(),
            name_de: "Wasserstreit".to_owned(),
            name_en: String::new(),
            color: "#2a5c8a".to_owned(),
        }),
        Edit::PutEvent(Box::new(event(
            "user-event-2024-03-12-1",
            &article,
            "Treffen in Taschkent",
        ))),
    ]))
    .expect("saved");
}

fn event(id: &str, article: &str, title: &str) -> EventEntry {
    EventEntry {
        id: id.to_owned(),
        date: Date::Day {
            year: 2024,
            month: 3,
            day: 12,
        }
        .into(),
        date_note: String::new(),
        title_de: title.to_owned(),
        title_en: String::new(),
        kind: EventKind::Talks,
        process: "user-wasser".to_owned(),
        places: vec!["kazakhstan".to_owned()],
        about: Vec::new(),
        participants: Vec::new(),
        sources: vec![SourceEntry {
            article: article.to_owned(),
            quote: QUOTE.to_owned(),
        }],
        copied_from: None,
    }
}

#[test]
fn a_pack_joins_an_empty_library_with_the_same_articles_events_and_quotes() {
    let dir = tempfile::tempdir().expect("tempdir");
    teacher_library(dir.path());
    let pack = dir.path().join("lektion.atlas");
    let (report, ok) = cli::pack_export(
        Some(&dir.path().join("library")),
        Some("Taschkent"),
        None,
        &pack,
    );
    assert!(ok, "{report}");

    let student = dir.path().join("student");
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &pack);
    assert!(ok, "{report}");
    assert!(
        report.contains("“Taschkent”: 1 articles, 1 events"),
        "{report}"
    );
    let (lib, problems) = Library::open(&student);
    assert!(problems.is_empty(), "{problems:?}");
    let (teacher, _) = Library::open(&dir.path().join("library"));
    assert_eq!(lib.articles, teacher.articles);
    assert_eq!(lib.events, teacher.events);
    assert_eq!(lib.processes, teacher.processes);
    // In the student's atlas the event's quote is found in the article.
    let mut workspace = Workspace::new(common::load_shipped().atlas, lib);
    let (atlas, problems) = workspace.build();
    assert!(problems.is_empty(), "{problems:?}");
    let e = atlas
        .event_by_id("user-event-2024-03-12-1")
        .expect("the event");
    assert!(atlas.event(e).sources[0].flow_range.is_some());

    // The same pack again: everything merges, nothing doubles.
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &pack);
    assert!(ok, "{report}");
    assert!(report.contains("0 articles, 0 events"), "{report}");
    assert_eq!(Library::open(&student).0.articles.len(), 1);
}

#[test]
fn a_different_record_under_a_taken_id_is_kept_beside_the_users_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    teacher_library(dir.path());
    let pack = dir.path().join("lektion.atlas");
    let (report, ok) = cli::pack_export(Some(&dir.path().join("library")), None, None, &pack);
    assert!(ok, "{report}");
    // The student has an event of the same id that says something else.
    let student = dir.path().join("student");
    let (mut lib, _) = Library::open(&student);
    let mine = event(
        "user-event-2024-03-12-1",
        "daz-2025-08-11-friedensgespraeche",
        "Mein Ereignis",
    );
    let mut mine = mine;
    mine.sources.clear();
    mine.process.clear();
    lib.apply(Edit::PutEvent(Box::new(mine.clone())))
        .expect("saved");
    drop(lib);
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &pack);
    assert!(ok, "{report}");
    assert!(
        report.contains("kept both: event “user-event-2024-03-12-1” → “user-event-2024-03-12-1-2”"),
        "{report}"
    );
    let (lib, _) = Library::open(&student);
    assert_eq!(lib.event("user-event-2024-03-12-1"), Some(&mine));
    assert_eq!(
        lib.event("user-event-2024-03-12-1-2")
            .map(|e| e.title_de.as_str()),
        Some("Treffen in Taschkent")
    );
}

#[test]
fn a_hostile_or_newer_pack_is_refused_and_nothing_is_written() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("tempdir");
    let student = dir.path().join("student");
    let write_zip = |name: &str, members: &[(&str, &str)]| {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).expect("create");
        let mut zip = zip::ZipWriter::new(file);
        for (member, body) in members {
            zip.start_file(*member, zip::write::SimpleFileOptions::default())
                .expect("member");
            zip.write_all(body.as_bytes()).expect("write");
        }
        zip.finish().expect("finish");
        path
    };
    let manifest =
        "format = 1\napp_version = \"0.1.0\"\ncreated = \"2026-12-01T00:00:00Z\"\ntitle = \"x\"\n";
    let evil = write_zip(
        "evil.atlas",
        &[("manifest.toml", manifest), ("../../escaped.toml", "x = 1")],
    );
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &evil);
    assert!(!ok && report.contains("nothing was added"), "{report}");
    assert!(!dir.path().join("escaped.toml").exists());
    assert!(Library::open(&student).0.articles.is_empty());
    let newer = write_zip(
        "newer.atlas",
        &[(
            "manifest.toml",
            &manifest.replace("format = 1", "format = 7"),
        )],
    );
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &newer);
    assert!(!ok && report.contains('7'), "{report}");
    let truncated = dir.path().join("kaputt.atlas");
    let bytes = std::fs::read(&evil).expect("read");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &truncated);
    assert!(!ok, "{report}");
    assert!(!student.join("articles.toml").exists());
}

#[test]
fn a_pack_shared_from_one_app_is_dropped_on_another_and_brings_the_events_and_quotes() {
    use egui_kittest::kittest::Queryable;
    use mediation_atlas::app::StartOptions;
    use mediation_atlas::ui::Action;
    let dir = tempfile::tempdir().expect("tempdir");
    teacher_library(dir.path());
    let launch = |library: &Path| {
        common::launch(
            common::load_shipped(),
            egui::vec2(1280.0, 800.0),
            StartOptions {
                lang: Some(mediation_atlas::i18n::Lang::De),
                library: Some(library.to_owned()),
                today: Some(common::TODAY),
                ..StartOptions::default()
            },
        )
    };
    let pack = dir.path().join("lektion.atlas");
    {
        let mut teacher = launch(&dir.path().join("library"));
        teacher.get_by_label("Als Lektion weitergeben …").click();
        teacher.run();
        teacher.state_mut().apply(
            Action::ExportLesson {
                path: pack.clone(),
                tour: None,
            },
            0.0,
        );
        teacher.run();
        assert!(
            teacher
                .state()
                .notice()
                .is_some_and(|n| n.starts_with("Lektion gespeichert")),
            "{:?}",
            teacher.state().notice()
        );
    }
    let mut student = launch(&dir.path().join("student"));
    let before = student.state().atlas().events.len();
    student
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::DroppedPath(pack)));
    student.run();
    let atlas = student.state().atlas();
    assert_eq!(atlas.events.len(), before + 1);
    let e = atlas
        .event_by_id("user-event-2024-03-12-1")
        .expect("the event");
    assert_eq!(atlas.event(e).sources[0].quote, QUOTE);
    assert!(atlas.event(e).sources[0].flow_range.is_some());
    // One step to undo, like any edit.
    student.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    student.run();
    assert_eq!(student.state().atlas().events.len(), before);
}

#[test]
fn a_pack_of_one_tour_carries_that_tour_and_what_it_needs_only() {
    use mediation_atlas::library::{StepEntry, TourEntry};
    let dir = tempfile::tempdir().expect("tempdir");
    teacher_library(dir.path());
    let library = dir.path().join("library");
    let (mut lib, _) = Library::open(&library);
    let article = lib.articles[0].entry.id.clone();
    let tour = |id: &str, event: Option<&str>| TourEntry {
        id: id.to_owned(),
        title_de: id.to_owned(),
        title_en: id.to_owned(),
        step: vec![StepEntry {
            caption_de: "Taschkent".to_owned(),
            caption_en: "Tashkent".to_owned(),
            view: Some([41.3, 69.2, 6.0]),
            select_event: event.map(str::to_owned),
            passage: event.map(|_| SourceEntry {
                article: article.clone(),
                quote: QUOTE.to_owned(),
            }),
            ..StepEntry::default()
        }],
    };
    lib.apply(Edit::Batch(vec![
        Edit::PutTour(Box::new(tour(
            "user-tour-a",
            Some("user-event-2024-03-12-1"),
        ))),
        Edit::PutTour(Box::new(tour("user-tour-b", None))),
    ]))
    .expect("saved");
    drop(lib);
    let pack = dir.path().join("a.atlas");
    let (report, ok) = cli::pack_export(Some(&library), None, Some("user-tour-a"), &pack);
    assert!(ok, "{report}");
    assert!(report.contains("1 articles, 1 events"), "{report}");
    let student = dir.path().join("student");
    let (report, ok) = cli::pack_import(&common::shipped(), Some(&student), &pack);
    assert!(ok, "{report}");
    let (lib, _) = Library::open(&student);
    let tours: Vec<&str> = lib.tours.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(tours, ["user-tour-a"]);
    assert_eq!(
        (lib.events.len(), lib.articles.len(), lib.processes.len()),
        (1, 1, 1)
    );
    let (report, ok) = cli::check_with_library(&common::shipped(), Some(&student));
    assert!(ok, "{report}");
    let (report, ok) = cli::pack_export(Some(&library), None, Some("nope"), &pack);
    assert!(!ok && report.contains("no tour “nope”"), "{report}");
}
