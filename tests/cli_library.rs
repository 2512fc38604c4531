//! `add` and `mentions --json` from the command line: the geoparser and the library without a
//! window.

mod common;

use mediation_atlas::cli;
use mediation_atlas::library::Library;

const TEXT: &str = "Gespräche in Taschkent\n\n\
In Taschkent trafen sich Vertreter Kasachstans. Die nächste Runde soll in Chudschand oder \
in Osch, Kirgisistan, stattfinden; beim Essen sprach man über Tiflis.\n";

#[test]
fn add_puts_files_into_the_library_and_prints_what_it_linked() {
    let library = tempfile::tempdir().expect("tempdir");
    let files = tempfile::tempdir().expect("tempdir");
    let path = files.path().join("taschkent.txt");
    std::fs::write(&path, TEXT).expect("write");
    let (report, ok) = cli::add(
        &common::shipped(),
        Some(library.path()),
        std::slice::from_ref(&path),
    );
    assert!(ok, "{report}");
    assert!(report.contains("added as user-"), "{report}");
    assert!(report.contains("Chudschand\tgn-"), "{report}");
    assert!(report.contains("Tiflis\tgn-"), "{report}");
    assert!(
        !report.contains("Essen\t"),
        "a meal is not a place: {report}"
    );
    let (on_disk, problems) = Library::open(library.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(on_disk.articles.len(), 1);
    assert!(
        on_disk
            .places
            .iter()
            .any(|p| p.name_de == "Chudschand" && p.country == "TJ")
    );
    // The same file again is recognised, and a file that cannot be read adds nothing.
    let empty = files.path().join("leer.txt");
    std::fs::write(&empty, "   \n").expect("write");
    let (report, ok) = cli::add(&common::shipped(), Some(library.path()), &[path, empty]);
    assert!(!ok, "{report}");
    assert!(report.contains("already in the library"), "{report}");
    assert!(report.contains("leer.txt: error"), "{report}");
    assert_eq!(Library::open(library.path()).0.articles.len(), 1);
}

#[test]
fn mentions_json_gives_place_coordinates_confidence_and_review_for_every_mention() {
    let files = tempfile::tempdir().expect("tempdir");
    let path = files.path().join("taschkent.txt");
    std::fs::write(&path, TEXT).expect("write");
    let (report, ok) = cli::mentions(&common::shipped(), &[path], true);
    assert!(ok, "{report}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&report).expect("JSON");
    let osh = rows
        .iter()
        .find(|r| r["text"] == "Osch")
        .expect("Osch is listed");
    assert_eq!(osh["country"], "KG");
    assert_eq!(osh["line"], 3);
    let lat = osh["lat"].as_f64().expect("lat");
    assert!((lat - 40.53).abs() < 0.1, "{osh}");
    for key in [
        "place",
        "name",
        "lon",
        "confidence",
        "needs_review",
        "column",
    ] {
        assert!(osh.get(key).is_some(), "{key} missing in {osh}");
    }
    let tashkent = rows
        .iter()
        .find(|r| r["text"] == "Taschkent")
        .expect("Taschkent");
    assert_eq!(tashkent["country"], "UZ");
    assert_eq!(tashkent["line"], 1);
}

#[test]
fn a_name_hyphenated_across_a_line_break_is_linked() {
    let files = tempfile::tempdir().expect("tempdir");
    let path = files.path().join("jerewan.txt");
    std::fs::write(
        &path,
        "Die Gespräche in Jere-\nwan und in Chud-\nschand begannen am Montag.\n",
    )
    .expect("write");
    let (report, ok) = cli::mentions(&common::shipped(), &[path], false);
    assert!(ok, "{report}");
    assert!(report.contains("\tjerewan\tJere- wan"), "{report}");
    assert!(report.contains("gn-1514879\tChud- schand"), "{report}");
}
