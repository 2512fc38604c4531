//! The data layer on the real corpus and on deliberately broken copies of it.

mod common;

use common::{CorpusCopy, load_shipped};
use mediation_atlas::cli;
use mediation_atlas::i18n::Lang;
use mediation_atlas::ingest::{Severity, tours};
use mediation_atlas::model::{Date, MentionTarget, PartyRef, PlaceKind, Precision};

#[test]
fn the_shipped_corpus_loads_without_a_single_problem() {
    let loaded = load_shipped();
    let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let c = loaded.atlas.counts();
    assert_eq!(c.articles, 5);
    assert!(c.events >= 30, "{} events", c.events);
    assert!(c.places >= 15 && c.mentions > 100, "{c:?}");
}

#[test]
fn the_gazetteer_has_every_required_place_with_local_names_and_sources() {
    let atlas = load_shipped().atlas;
    for (id, local) in [
        ("astana", "Астана"),
        ("almaty", "Алматы"),
        ("jerewan", "Երևան"),
        ("baku", "Bakı"),
        ("washington", "Washington"),
        ("aschgabat", "Aşgabat"),
        ("nachitschewan", "Naxçıvan"),
        ("bergkarabach", "Dağlıq Qarabağ"),
        ("moskau", "Москва"),
        ("kiew", "Київ"),
        ("st-petersburg", "Санкт-Петербург"),
        ("genf", "Genève"),
        ("schelesnowodsk", "Железноводск"),
        ("baikonur", "Байқоңыр"),
        ("berlin", "Berlin"),
    ] {
        let place = atlas.place(
            atlas
                .place_by_id(id)
                .unwrap_or_else(|| panic!("{id} missing")),
        );
        assert_eq!(place.name_local, local, "{id}");
        assert!(!place.source.is_empty(), "{id} has no coordinate source");
        assert_eq!(place.country.len(), 2, "{id}");
    }
    let astana = atlas.place(atlas.place_by_id("astana").unwrap());
    let aliases: Vec<&str> = astana.aliases.iter().map(|a| a.name.as_str()).collect();
    assert!(
        aliases.contains(&"Nur-Sultan") && aliases.contains(&"Akmola"),
        "{aliases:?}"
    );
    let nur_sultan = astana
        .aliases
        .iter()
        .find(|a| a.name == "Nur-Sultan")
        .unwrap();
    assert_eq!((nur_sultan.from, nur_sultan.to), (Some(2019), Some(2022)));
}

#[test]
fn events_span_1991_to_november_2025_and_every_quote_is_found() {
    let atlas = load_shipped().atlas;
    let first = atlas.events.first().unwrap();
    assert_eq!(first.when.start.year(), Some(1991));
    let known: Vec<&Date> = atlas
        .events
        .iter()
        .map(|e| &e.when.start)
        .filter(|d| d.year().is_some())
        .collect();
    assert_eq!(known.last().unwrap().sort_key().0, 2025);
    let c5 = atlas
        .events
        .iter()
        .find(|e| e.title_de.contains("C5+1") && e.when.start.year() == Some(2025))
        .expect("the C5+1 summit");
    assert_eq!(
        c5.when.start,
        Date::Month {
            year: 2025,
            month: 11
        },
        "the seed gives no day, so none is invented"
    );
    // Spans are as precise as the seeds: from February 2022 to the article's day.
    let calls = atlas
        .event(
            atlas
                .event_by_id("tokajew-selenskyj-telefonate-2022")
                .unwrap(),
        )
        .when;
    assert_eq!(calls.to_edtf(), "2022-02/2024-04-22");
    for event in &atlas.events {
        assert!(!event.sources.is_empty(), "{} has no source", event.id);
        for source in &event.sources {
            let range = source
                .flow_range
                .clone()
                .unwrap_or_else(|| panic!("{}: quote not found", event.id));
            assert_eq!(
                &atlas.article(source.article).flow.text[range],
                source.quote
            );
        }
        assert!(event.process.is_some(), "{}", event.id);
    }
}

#[test]
fn the_undated_seed_is_shown_as_undated() {
    let atlas = load_shipped().atlas;
    let article = atlas.article(atlas.article_by_file("003_8c238df2aab45095.txt").unwrap());
    assert_eq!(article.date, Date::Unknown);
    assert_eq!(article.date.precision(), Precision::Unknown);
    let april = atlas.article(atlas.article_by_file("001_5fb6c0072c137037.txt").unwrap());
    assert_eq!(
        april.date,
        Date::Month {
            year: 2024,
            month: 4
        }
    );
}

#[test]
fn german_forms_link_to_their_places() {
    let atlas = load_shipped().atlas;
    let mentions_in = |file: &str| {
        let article = atlas.article_by_file(file).unwrap();
        let text = &atlas.article(article).flow.text;
        atlas
            .mentions_in(article)
            .iter()
            .map(|m| {
                let MentionTarget::Place(p) = m.target;
                (text[m.flow.clone()].to_owned(), atlas.place(p).id.clone())
            })
            .collect::<Vec<_>>()
    };
    let daz = mentions_in("000_7d06892664251bfe.txt");
    for (written, id) in [
        ("Kasachstans", "kazakhstan"),
        ("Jerewan", "jerewan"),
        ("Eriwan", "jerewan"),
        ("Almatys", "almaty"),
        ("Nakhchivan", "nachitschewan"),
        ("kasachische", "kazakhstan"),
        ("Zheleznovodsk", "schelesnowodsk"),
        ("Alma-Ata", "almaty"),
        ("Washington", "washington"),
    ] {
        assert!(
            daz.contains(&(written.to_owned(), id.to_owned())),
            "{written} → {id} not in {daz:?}"
        );
    }
    let ipg = mentions_in("002_60172de1cc37bdde.txt");
    for (written, id) in [
        ("Astanas", "astana"),
        ("St. Petersburg", "st-petersburg"),
        ("Kiew", "kiew"),
        ("Kosmodrom Baikonur", "baikonur"),
        ("Genf", "genf"),
    ] {
        assert!(
            ipg.contains(&(written.to_owned(), id.to_owned())),
            "{written} → {id} not in {ipg:?}"
        );
    }
    // The pull quotes are not body text, so their words are not counted twice.
    let article = atlas.article(atlas.article_by_file("002_60172de1cc37bdde.txt").unwrap());
    assert!(
        !article
            .flow
            .text
            .contains("Aussagen einiger russischer Politiker sorgen")
    );
    assert!(
        article
            .flow
            .text
            .contains("Wirtschafts- und Handelsbeziehungen")
    );
    assert!(article.flow.text.contains("OSZE-Gipfeltreffen"));
}

#[test]
fn states_take_part_through_their_capitals() {
    let atlas = load_shipped().atlas;
    let kz = atlas.place_by_id("kazakhstan").unwrap();
    assert_eq!(atlas.place(kz).kind, PlaceKind::Country);
    assert_eq!(
        atlas.party_place(PartyRef::State(kz)),
        atlas.place_by_id("astana")
    );
}

#[test]
fn check_prints_a_summary_and_succeeds_on_the_shipped_data() {
    let (report, ok) = cli::check(&common::shipped());
    assert!(ok, "{report}");
    assert!(report.contains("5 articles"), "{report}");
    assert!(report.contains("ok: no problems"), "{report}");
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_the_rest_loads() {
    let copy = CorpusCopy::new();
    copy.edit(
        "data/places.toml",
        "id = \"baku\"",
        "id = \"baku\"\nlat 40.0",
    );
    let line = copy.line_of("data/places.toml", "lat 40.0");
    let loaded = copy.load();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.file.ends_with("places.toml") && p.line == Some(line))
        .expect("a problem at that line");
    assert_eq!(problem.severity, Severity::Error);
    assert!(
        loaded.atlas.place_by_id("astana").is_some(),
        "the other places load"
    );
    assert!(
        loaded.atlas.place_by_id("baku").is_none(),
        "the broken one does not"
    );
    let (report, ok) = cli::check(&copy.corpus());
    assert!(!ok);
    assert!(report.contains(&format!("places.toml:{line}:")), "{report}");
}

#[test]
fn an_impossible_coordinate_is_named_with_file_and_line() {
    let copy = CorpusCopy::new();
    let original = std::fs::read_to_string(copy.path("data/places.toml")).unwrap();
    let start = original.find("id = \"almaty\"").unwrap();
    let lat_at = start + original[start..].find("lat = ").unwrap();
    let lat_end = lat_at + original[lat_at..].find('\n').unwrap();
    let broken = format!(
        "{}lat = 143.25{}",
        &original[..lat_at],
        &original[lat_end..]
    );
    std::fs::write(copy.path("data/places.toml"), broken).unwrap();
    let line = copy.line_of("data/places.toml", "lat = 143.25");
    let loaded = copy.load();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("143.25"))
        .expect("reported");
    assert_eq!(problem.line, Some(line));
    assert!(problem.message.contains("almaty"));
}

#[test]
fn an_unknown_id_in_an_event_is_reported_and_the_event_keeps_the_rest() {
    let copy = CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "places = [\"almaty\"",
        "places = [\"atlantis\", \"almaty\"",
    );
    let line = copy.line_of("data/events.toml", "\"atlantis\"");
    let loaded = copy.load();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("atlantis"))
        .expect("reported");
    assert_eq!(problem.line, Some(line), "{problem}");
    assert!(problem.file.ends_with("events.toml"));
    assert!(
        loaded.atlas.events.len() >= 30,
        "the event and all others still load"
    );
}

#[test]
fn duplicate_ids_future_dates_and_missing_quotes_are_problems() {
    let copy = CorpusCopy::new();
    let events = std::fs::read_to_string(copy.path("data/events.toml")).unwrap();
    let first = events.find("\n[[event]]").unwrap();
    let second = first + 1 + events[first + 1..].find("\n[[event]]").unwrap();
    let duplicate = events[first..second].to_owned();
    let mut broken = events.clone();
    broken.push('\n');
    broken.push_str(&duplicate);
    std::fs::write(copy.path("data/events.toml"), &broken).unwrap();
    let loaded = copy.load();
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("duplicate id")),
        "{:?}",
        loaded.problems
    );

    let copy = CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "date = \"2025-08-08\"",
        "date = \"2031-08-08\"",
    );
    assert!(
        copy.load()
            .problems
            .iter()
            .any(|p| p.message.contains("in the future"))
    );

    let copy = CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "date = \"2025-08-08\"",
        "date = \"1850\"",
    );
    assert!(
        copy.load()
            .problems
            .iter()
            .any(|p| p.message.contains("before 1900"))
    );

    let copy = CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "quote = \"",
        "quote = \"Dieser Satz steht nirgends. ",
    );
    assert!(
        copy.load()
            .problems
            .iter()
            .any(|p| p.message.contains("does not occur"))
    );
}

#[test]
fn an_unused_place_is_a_problem_for_check() {
    let copy = CorpusCopy::new();
    let mut places = std::fs::read_to_string(copy.path("data/places.toml")).unwrap();
    places.push_str("\n[[place]]\nid = \"timbuktu\"\nname_de = \"Timbuktu\"\nname_en = \"Timbuktu\"\nname_local = \"Tombouctou\"\nlocal_lang = \"fr\"\ncountry = \"ML\"\nkind = \"city\"\nlat = 16.7735\nlon = -3.0074\nsource = \"GeoNames 2449067\"\n");
    std::fs::write(copy.path("data/places.toml"), places).unwrap();
    let line = copy.line_of("data/places.toml", "id = \"timbuktu\"");
    let loaded = copy.load();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.message.contains("timbuktu"))
        .expect("reported");
    assert_eq!(problem.line, Some(line));
}

#[test]
fn unreadable_articles_are_refused_with_a_clear_message_and_the_rest_loads() {
    for (what, bytes, expect) in [
        ("empty", Vec::new(), "is empty"),
        ("latin1", b"Gr\xfc\xdfe aus Almaty".to_vec(), "not UTF-8"),
        ("binary", b"\x89PNG\r\n\x1a\n\0\0\0".to_vec(), "binary"),
    ] {
        let copy = CorpusCopy::new();
        std::fs::write(copy.path("seeds/003_8c238df2aab45095.txt"), bytes).unwrap();
        let loaded = copy.load();
        let problem = loaded
            .problems
            .iter()
            .find(|p| p.file.ends_with("003_8c238df2aab45095.txt"))
            .unwrap_or_else(|| panic!("{what}: not reported"));
        assert!(problem.message.contains(expect), "{what}: {problem}");
        assert_eq!(
            loaded.atlas.articles.len(),
            4,
            "{what}: the other articles load"
        );
        assert!(loaded.atlas.events.len() >= 30, "{what}: events load");
    }
}

#[test]
fn a_fifty_megabyte_article_is_refused_without_reading_it() {
    let copy = CorpusCopy::new();
    let file = std::fs::File::create(copy.path("seeds/003_8c238df2aab45095.txt")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let loaded = copy.load();
    let problem = loaded
        .problems
        .iter()
        .find(|p| p.file.ends_with("003_8c238df2aab45095.txt"))
        .expect("reported");
    assert!(problem.message.contains("52428800 bytes"), "{problem}");
}

#[test]
fn mentions_lists_each_mention_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("neu.txt");
    std::fs::write(&path, "Gespräche in Eriwan.\nDanach flog er nach\nSt. Petersburg und weiter nach Bakus Flughafen.\n").unwrap();
    let (report, ok) = cli::mentions(&common::shipped(), std::slice::from_ref(&path), false);
    assert!(ok, "{report}");
    let shown = path.display().to_string();
    assert!(
        report.contains(&format!("{shown}:1:14\tjerewan\tEriwan")),
        "{report}"
    );
    assert!(
        report.contains(&format!("{shown}:3:1\tst-petersburg\tSt. Petersburg")),
        "{report}"
    );
    assert!(
        report.contains(&format!("{shown}:3:32\tbaku\tBakus")),
        "{report}"
    );

    let missing = dir.path().join("fehlt.txt");
    let (report, ok) = cli::mentions(&common::shipped(), &[missing], false);
    assert!(!ok && report.contains("fehlt.txt: error"), "{report}");
}

/// A copy of the corpus with the shipped tours too (`CorpusCopy` copies the data files only).
fn copy_with_tours() -> CorpusCopy {
    let copy = CorpusCopy::new();
    let tours = copy.data().join("tours");
    std::fs::create_dir(&tours).expect("mkdir");
    for entry in std::fs::read_dir(common::root().join("data/tours")).expect("list") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), tours.join(entry.file_name())).expect("copy");
    }
    copy
}

#[test]
fn check_counts_the_shipped_tour_and_its_steps() {
    let (report, ok) = cli::check(&common::shipped());
    assert!(ok, "{report}");
    let summary = report.lines().find(|l| l.contains("mentions")).unwrap();
    assert!(summary.contains(", 1 tour ("), "{summary}");
    assert!(summary.ends_with(" steps)"), "{summary}");
    let (report, ok) = cli::check(&copy_with_tours().corpus());
    assert!(ok, "{report}");
}

#[test]
fn a_broken_tour_fails_check_with_its_file_and_line_and_the_rest_loads() {
    const TOUR: &str = "data/tours/kasachstan-als-vermittler.toml";
    let copy = copy_with_tours();
    copy.edit(
        TOUR,
        "select_event = \"osze-gipfel-astana-2010\"",
        "select_event = \"osze-gipfel-astana-2011\"",
    );
    let line = copy.line_of(TOUR, "osze-gipfel-astana-2011");
    let (report, ok) = cli::check(&copy.corpus());
    assert!(!ok, "{report}");
    assert!(
        report.contains(&format!("{TOUR}:{line}: error:")),
        "{report}"
    );
    assert!(report.contains("osze-gipfel-astana-2011"), "{report}");
    assert!(report.contains("1 problem(s)"), "{report}");
    let (shipped, _) = tours::load_tours(&common::shipped(), &load_shipped().atlas);
    let steps = shipped[0].steps.len();
    assert!(
        report.contains(&format!(", 1 tour ({} steps)", steps - 1)),
        "the other steps load: {report}"
    );

    std::fs::write(copy.path(TOUR), "Das ist keine Tour.\n").unwrap();
    let (report, ok) = cli::check(&copy.corpus());
    assert!(!ok);
    assert!(
        report.contains(&format!("{TOUR}:1: error: not a tour")),
        "{report}"
    );
    assert!(report.contains(", 0 tours (0 steps)"), "{report}");
}

#[test]
fn one_bad_latitude_is_one_problem_not_a_cascade_of_its_references() {
    let copy = CorpusCopy::new();
    let original = std::fs::read_to_string(copy.path("data/places.toml")).expect("read");
    let start = original.find("id = \"astana\"").expect("astana");
    let lat_at = start + original[start..].find("lat = ").expect("lat");
    let lat_end = lat_at + original[lat_at..].find('\n').expect("eol");
    let broken = format!(
        "{}lat = 151.18{}",
        &original[..lat_at],
        &original[lat_end..]
    );
    std::fs::write(copy.path("data/places.toml"), broken).expect("write");
    let loaded = copy.load();
    let about_astana: Vec<&mediation_atlas::ingest::Problem> = loaded
        .problems
        .iter()
        .filter(|p| p.message.contains("astana"))
        .collect();
    assert_eq!(about_astana.len(), 1, "{about_astana:#?}");
    let english = about_astana[0].message.to_string();
    assert!(
        english.contains("latitude 151.18")
            && english.contains("references to it dropped with it")
            && english.contains("events.toml"),
        "{english}"
    );
    // The same problem in German, with the plural German takes.
    let german = about_astana[0].message.text(Lang::De);
    assert!(
        german.contains("Breite 151.18") && german.contains("Verweise darauf mit ausgelassen"),
        "{german}"
    );
    // The banner and `check` count the same problems.
    let (report, ok) = cli::check(&copy.corpus());
    assert!(!ok);
    assert_eq!(report.matches("astana").count(), 1, "{report}");
}

#[test]
fn an_unknown_place_id_suggests_the_nearest_known_one() {
    let copy = CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "places = [\"almaty\"]",
        "places = [\"almati\"]",
    );
    let loaded = copy.load();
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.message.contains("“almati” is not a place")
                && p.message.contains("did you mean “almaty”?")
                && p.message.text(Lang::De).contains("meinten Sie „almaty“?")),
        "{:#?}",
        loaded.problems
    );
}
