use super::*;
use crate::model::{Date, PlaceKind};

fn article(id: &str, text: &str) -> LibraryArticle {
    LibraryArticle {
        entry: ArticleEntry {
            id: id.to_owned(),
            file: format!("{id}.txt"),
            title_de: format!("Titel {id}"),
            title_en: String::new(),
            source: "Test".to_owned(),
            author: String::new(),
            date: Date::Month {
                year: 2024,
                month: 4,
            },
            language: "de".to_owned(),
            added: "2026-12-01T00:00:00Z".to_owned(),
            content_hash: content_hash(text),
            format: "text".to_owned(),
            original: String::new(),
        },
        text: text.to_owned(),
        mentions: vec![MentionEntry {
            start: 0,
            end: 9,
            text: "Taschkent".to_owned(),
            key: "taschkent".to_owned(),
            status: LinkStatus::Review,
            place: Some("gn-1512569".to_owned()),
            confidence: 0.6,
            by_user: false,
            candidates: Vec::new(),
        }],
    }
}

fn tashkent() -> PlaceEntry {
    PlaceEntry {
        id: "gn-1512569".to_owned(),
        name_de: "Taschkent".to_owned(),
        name_en: "Tashkent".to_owned(),
        name_local: String::new(),
        local_lang: String::new(),
        country: "UZ".to_owned(),
        kind: PlaceKind::Capital,
        lat: 41.26465,
        lon: 69.21627,
        source: "GeoNames 1512569".to_owned(),
        population: 1_978_028,
    }
}

#[test]
fn an_added_article_is_on_disk_and_loads_again_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut library, problems) = Library::open(dir.path());
    assert!(problems.is_empty());
    let a = article("user-a", "Taschkent ist die Hauptstadt.");
    library
        .apply(Edit::Batch(vec![
            Edit::PutPlace(tashkent()),
            Edit::AddArticle(Box::new(a.clone())),
        ]))
        .expect("saved");
    assert!(dir.path().join("texts/user-a.txt").exists());
    assert!(dir.path().join("mentions/user-a.toml").exists());
    let articles = std::fs::read_to_string(dir.path().join("articles.toml")).expect("read");
    assert!(articles.starts_with("# Mediation Atlas"));
    let (again, problems) = Library::open(dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again.articles, vec![a]);
    assert_eq!(again.places, vec![tashkent()]);
}

#[test]
fn removing_an_article_moves_it_to_the_trash_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut library, _) = Library::open(dir.path());
    let a = article("user-a", "Text A");
    library
        .apply(Edit::AddArticle(Box::new(a.clone())))
        .expect("saved");
    let undo = library
        .apply(Edit::RemoveArticle("user-a".to_owned()))
        .expect("removed");
    assert!(library.articles.is_empty());
    assert!(!dir.path().join("texts/user-a.txt").exists());
    assert!(dir.path().join("trash/user-a.txt").exists());
    let redo = library.apply(undo).expect("undone");
    assert_eq!(redo, Edit::RemoveArticle("user-a".to_owned()));
    let (again, _) = Library::open(dir.path());
    assert_eq!(again.articles, vec![a]);
}

#[test]
fn a_batch_is_undone_as_a_whole() {
    let mut library = Library::in_memory();
    library
        .apply(Edit::AddArticle(Box::new(article("user-a", "A"))))
        .expect("added");
    let undo = library
        .apply(Edit::Batch(vec![
            Edit::PutPlace(tashkent()),
            Edit::SetMentions {
                article: "user-a".to_owned(),
                mentions: Vec::new(),
            },
            Edit::SetDecision {
                name: "Taschkent".to_owned(),
                decision: Some(DecisionEntry {
                    name: "Taschkent".to_owned(),
                    place: Some("gn-1512569".to_owned()),
                }),
            },
        ]))
        .expect("applied");
    assert!(library.decision("taschkent").is_some());
    assert!(library.articles[0].mentions.is_empty());
    library.apply(undo).expect("undone");
    assert!(library.decision("taschkent").is_none());
    assert!(library.places.is_empty());
    assert_eq!(library.articles[0].mentions.len(), 1);
}

#[test]
fn an_edit_that_does_not_fit_changes_nothing() {
    let mut library = Library::in_memory();
    library
        .apply(Edit::AddArticle(Box::new(article("user-a", "A"))))
        .expect("added");
    let result = library.apply(Edit::Batch(vec![
        Edit::PutPlace(tashkent()),
        Edit::RemoveArticle("nope".to_owned()),
    ]));
    assert!(matches!(result, Err(LibraryError::UnknownArticle(_))));
    assert!(library.places.is_empty());
    assert!(matches!(
        library.apply(Edit::AddArticle(Box::new(article("user-a", "again")))),
        Err(LibraryError::DuplicateArticle(_))
    ));
}

#[test]
fn a_broken_articles_file_is_reported_with_its_line_and_set_aside_before_a_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = "[[article]]\nid = \"x\"\nfile = 3\n";
    std::fs::write(dir.path().join("articles.toml"), broken).expect("write");
    let (mut library, problems) = Library::open(dir.path());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert!(problems[0].file.ends_with("articles.toml"));
    library
        .apply(Edit::AddArticle(Box::new(article("user-b", "B"))))
        .expect("saved");
    let aside = dir.path().join("articles.toml.unreadable-1");
    assert_eq!(std::fs::read_to_string(aside).expect("kept"), broken);
}

#[test]
fn a_missing_text_is_reported_and_the_other_articles_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut library, _) = Library::open(dir.path());
    library
        .apply(Edit::AddArticle(Box::new(article("user-a", "A"))))
        .expect("a");
    library
        .apply(Edit::AddArticle(Box::new(article("user-b", "B"))))
        .expect("b");
    std::fs::remove_file(dir.path().join("texts/user-a.txt")).expect("rm");
    let (again, problems) = Library::open(dir.path());
    assert_eq!(problems.len(), 1);
    assert_eq!(again.articles.len(), 1);
    assert_eq!(again.articles[0].entry.id, "user-b");
}

#[test]
fn article_ids_come_from_title_and_date_and_never_repeat() {
    let mut library = Library::in_memory();
    let date = Date::Month {
        year: 2024,
        month: 4,
    };
    let id = library.new_article_id("Gespräche über Afghanistan in Taschkent!", date);
    assert_eq!(id, "user-2024-04-gesprache-uber-afghanistan-in-taschkent");
    library
        .apply(Edit::AddArticle(Box::new(article(&id, "A"))))
        .expect("a");
    assert_eq!(
        library.new_article_id("Gespräche über Afghanistan in Taschkent!", date),
        format!("{id}-2")
    );
    assert_eq!(library.new_article_id("", Date::Unknown), "user-undatiert");
}

#[test]
fn the_same_text_is_recognised_by_its_hash() {
    let mut library = Library::in_memory();
    library
        .apply(Edit::AddArticle(Box::new(article(
            "user-a",
            "Gleicher Text",
        ))))
        .expect("a");
    assert!(
        library
            .article_with_hash(&content_hash("Gleicher Text"))
            .is_some()
    );
    assert!(
        library
            .article_with_hash(&content_hash("Anderer"))
            .is_none()
    );
    assert_eq!(
        content_hash("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn the_name_as_written_is_the_surface_without_its_ending() {
    use super::intake::written_base;
    assert_eq!(written_base("Taschkents", "taschkent"), Some("Taschkent"));
    assert_eq!(written_base("Herat", "herat"), Some("Herat"));
    assert_eq!(written_base("Osch", "taschkent"), None);
}

#[test]
fn place_ids_become_the_keys_the_geoparser_takes() {
    use super::intake::{place_id, place_key};
    use crate::gazetteer::PlaceKey;
    let shipped = crate::ingest::test_atlas();
    assert_eq!(
        place_key("astana", &shipped),
        PlaceKey::Curated("astana".to_owned())
    );
    assert_eq!(
        place_key("gn-1512569", &shipped),
        PlaceKey::GeoNames(1_512_569)
    );
    assert_eq!(
        place_key("user-woruch", &shipped),
        PlaceKey::User("user-woruch".to_owned())
    );
    assert_eq!(place_id(&PlaceKey::GeoNames(1_512_569)), "gn-1512569");
}

#[test]
fn an_imported_layer_is_undone_into_the_trash_and_redone_across_a_restart() {
    use crate::layers::store::{self, LayerMeta};
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = Library::open(dir.path());
    let (mut history, _) = history::History::open(&library);
    let meta = LayerMeta {
        id: "punkte".to_owned(),
        name: "Punkte".to_owned(),
        color: store::palette_color(0),
        visible: true,
        dataset: crate::layers::Dataset::Kml,
        source: "punkte.kml".to_owned(),
        imported: "2026-12-01T12:00:00Z".to_owned(),
        rows: 0,
        problems: 0,
        filter: crate::layers::store::SavedFilter::default(),
    };
    store::save(dir.path(), &meta, &crate::layers::Records::default()).expect("saved");
    history.record(&library, Edit::RemoveLayer(meta.id.clone()));
    drop(history);
    // Hidden and shown again after the import: not an edit, and undo still knows the import.
    let mut hidden = meta.clone();
    hidden.visible = false;
    store::save_meta(dir.path(), &hidden).expect("hidden");
    store::save_meta(dir.path(), &meta).expect("shown");
    let (mut library, _) = Library::open(dir.path());
    let (mut history, note) = history::History::open(&library);
    assert!(
        note.is_none(),
        "the layer's files are in the stamp: {note:?}"
    );
    history.undo(&mut library).expect("undo the import");
    assert!(store::list(dir.path()).0.is_empty());
    assert!(store::trash_dir(dir.path()).join("punkte.csv").exists());
    history.redo(&mut library).expect("redo the import");
    assert_eq!(store::list(dir.path()).0, vec![meta]);
}
