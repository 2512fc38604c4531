//! Whole-app tests on the seed corpus: the real app, clicked by AccessKit label, no GPU, no
//! network, no wall clock.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediation_atlas::app::{AtlasApp, StartOptions, State};
use mediation_atlas::basemap::source::BasemapChoice;
use mediation_atlas::i18n::{self, Lang};
use mediation_atlas::map::MapView;
use mediation_atlas::model::MentionTarget;

use common::launch;

fn app_with(
    loaded: mediation_atlas::ingest::Loaded,
    lang: Lang,
    view: Option<MapView>,
) -> Harness<'static, AtlasApp> {
    launch(
        loaded,
        egui::vec2(1280.0, 800.0),
        StartOptions {
            view,
            lang: Some(lang),
            ..StartOptions::default()
        },
    )
}

fn app(lang: Lang) -> Harness<'static, AtlasApp> {
    app_with(common::load_shipped(), lang, None)
}

#[test]
fn clicking_the_astana_marker_lists_its_events_in_date_order() {
    let mut harness = app(Lang::De);
    let astana = harness
        .state()
        .atlas()
        .place_by_id("astana")
        .expect("astana in the gazetteer");

    harness
        .get_by_role_and_label(Role::Button, "Astana")
        .click();
    harness.run();

    assert_eq!(harness.state().selected(), Some(astana));
    let atlas = harness.state().atlas();
    let events = atlas.events_of_place(astana);
    assert!(events.len() >= 3, "Astana has {} events", events.len());
    harness.get_by_label(&format!("Ereignisse ({})", events.len()));
    for &event in &events {
        harness.get_by_label(&atlas.event(event).title_de);
    }
    let dates: Vec<_> = events
        .iter()
        .map(|&e| atlas.event(e).when.start.sort_key())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "events are in date order"
    );
    // The map flew to Astana and the other ends of its lines: all of them are in view.
    let app = harness.state();
    let a = atlas.place(astana);
    assert!(app.in_view(a.lat, a.lon), "{:?}", app.view());
    assert!(!app.lines().is_empty());
    for line in app.lines() {
        for end in [line.from, line.to] {
            let p = atlas.place(end);
            assert!(app.in_view(p.lat, p.lon), "{} is off screen", p.name_de);
        }
    }
}

#[test]
fn opening_an_article_from_a_place_shows_it_with_mentions_highlighted() {
    let mut harness = app(Lang::De);
    harness
        .get_by_role_and_label(Role::Button, "Almaty")
        .click();
    harness.run();
    let almaty = harness
        .state()
        .atlas()
        .place_by_id("almaty")
        .expect("almaty");
    let articles = harness.state().atlas().articles_of_place(almaty);
    assert!(!articles.is_empty());
    let title = harness
        .state()
        .atlas()
        .article(articles[0])
        .title_de
        .clone();

    // The article list is below the fold of the panel: ask for the click through AccessKit, as
    // a screen reader would, rather than at a pixel position outside the scroll area.
    harness
        .get_by_role_and_label(Role::Link, &title)
        .click_accesskit();
    harness.run();

    let reader = harness.state().reader().expect("the reader is open");
    assert_eq!(reader.article, articles[0]);
    let expected = harness.state().atlas().mentions_in(articles[0]).len();
    assert!(expected > 0);
    assert_eq!(
        reader.highlighted_mentions(),
        expected,
        "every mention is highlighted"
    );
    // Each highlighted mention is a clickable element named by its text.
    let atlas = harness.state().atlas();
    let article = atlas.article(articles[0]);
    let first = &atlas.mentions_in(articles[0])[0];
    let text = &article.flow.text[first.flow.clone()];
    assert!(
        !harness
            .get_all_by_label(text)
            .collect::<Vec<_>>()
            .is_empty()
    );
}

#[test]
fn clicking_a_mention_in_the_reader_moves_the_selection_and_keeps_reading() {
    let mut harness = app(Lang::De);
    let atlas = harness.state().atlas();
    let article = atlas
        .article_by_file("000_7d06892664251bfe.txt")
        .expect("seed 000 is an article");
    let title = atlas.article(article).title_de.clone();
    let yerevan = atlas.place_by_id("jerewan").expect("jerewan");
    assert!(
        atlas
            .mentions_in(article)
            .iter()
            .any(|m| m.target == MentionTarget::Place(yerevan))
    );

    harness
        .get_by_role_and_label(Role::Link, &title)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Link, &title).click();
    harness.run();
    assert!(harness.state().reader().is_some());
    harness
        .get_all_by_label("Jerewan")
        .next()
        .expect("a Jerewan mention")
        .click();
    harness.run();

    assert_eq!(harness.state().selected(), Some(yerevan));
    assert!(harness.state().reader().is_some(), "the reader stays open");
    let view = harness.state().view();
    let y = harness.state().atlas().place(yerevan);
    assert!(
        (view.lat - y.lat).abs() < 0.01 && (view.lon - y.lon).abs() < 0.01,
        "the map flew to Jerewan"
    );
}

#[test]
fn the_interface_switches_to_english_and_russian_and_back() {
    let mut harness = app(Lang::De);
    choose_language(&mut harness, "DE", "English");
    assert_eq!(harness.state().lang(), Lang::En);
    assert_eq!(
        harness.state().state().lang,
        Some(Lang::En),
        "the choice is remembered"
    );
    harness.get_by_label("Kazakhstan as a mediator");
    assert!(
        harness
            .get_all_by_label_contains("Yerevan")
            .next()
            .is_some(),
        "map labels are in English"
    );
    choose_language(&mut harness, "EN", "Русский");
    assert_eq!(harness.state().lang(), Lang::Ru);
    harness.get_by_label("Казахстан как посредник");
    assert!(
        harness.get_all_by_label_contains("Ереван").next().is_some(),
        "place names follow the Russian forms of the gazetteer"
    );
    choose_language(&mut harness, "RU", "Deutsch");
    harness.get_by_label("Kasachstan als Vermittler");
}

/// Opens the language menu (labelled with the current language's code) and chooses `name`.
fn choose_language(harness: &mut Harness<'_, AtlasApp>, code: &str, name: &str) {
    harness.get_by_role_and_label(Role::Button, code).click();
    harness.run();
    harness.get_by_label(name).click();
    harness.run();
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = app(Lang::De);
    harness.get_by_role_and_label(Role::Button, "Baku").click();
    harness.run();
    assert!(harness.state().selected().is_some());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(harness.state().selected(), None);
}

#[test]
fn overlapping_markers_are_grouped_and_a_click_zooms_in() {
    let mut harness = app(Lang::De);
    // At the opening zoom the South Caucasus places overlap and are drawn as one group.
    let group = harness
        .get_all_by_label_contains("Orte)")
        .next()
        .expect("a group of places");
    let before = harness.state().view().zoom;
    group.click();
    harness.run();
    assert!(
        harness.state().view().zoom > before + 1.0,
        "the click zoomed in"
    );
}

#[test]
fn a_view_from_the_command_line_opens_there() {
    let view = MapView {
        lat: 40.0,
        lon: 45.5,
        zoom: 7.0,
    };
    let harness = app_with(common::load_shipped(), Lang::De, Some(view));
    assert_eq!(harness.state().view(), view);
    // At zoom 7 the Caucasus places are apart: Jerewan and Baku are single markers.
    harness.get_by_role_and_label(Role::Button, "Jerewan");
    harness.get_by_role_and_label(Role::Button, "Baku");
}

#[test]
fn broken_data_shows_a_banner_and_everything_else_loads() {
    let copy = common::CorpusCopy::new();
    copy.edit(
        "data/events.toml",
        "[[event]]",
        "[[event]]\nthis is = not toml\n",
    );
    let loaded = copy.load();
    assert!(!loaded.problems.is_empty());
    let events = loaded.atlas.events.len();
    assert!(events >= 30, "the other events still load ({events})");
    let mut harness = app_with(loaded, Lang::De, None);
    let n = harness.state().problems().len();
    harness.get_by_label_contains(&i18n::count_problems(n, Lang::De));
    harness
        .get_by_role_and_label(Role::Button, "Anzeigen")
        .click();
    harness.run();
    harness.get_by_label_contains("events.toml:");
    // The map still works.
    harness
        .get_by_role_and_label(Role::Button, "Astana")
        .click();
    harness.run();
    assert!(harness.state().selected().is_some());
}

#[test]
fn an_idle_app_does_not_repaint() {
    let mut harness = app(Lang::De);
    // `run` returns once no more frames are requested; an idle app needs only the frames that
    // settle its layout.
    let steps = harness.run();
    assert!(steps <= 2, "an idle app kept repainting ({steps} steps)");
}

#[test]
fn language_and_map_view_are_remembered_across_runs() {
    use eframe::App as _;
    let mut harness = app(Lang::De);
    choose_language(&mut harness, "DE", "English");
    harness.get_by_role_and_label(Role::Button, "Baku").click();
    harness.run();
    let view = harness.state().view();
    let mut storage = common::MemoryStorage::default();
    harness.state_mut().save(&mut storage);

    let state: State = eframe::get_value(&storage, eframe::APP_KEY).expect("state was saved");
    assert_eq!(state.lang, Some(Lang::En));
    let reopened = AtlasApp::new(common::load_shipped(), state, StartOptions::default());
    assert_eq!(reopened.lang(), Lang::En);
    let again = reopened.view();
    assert!(
        (again.lat - view.lat).abs() < 1e-6
            && (again.lon - view.lon).abs() < 1e-6
            && (again.zoom - view.zoom).abs() < 1e-6
    );
}

#[test]
fn select_opens_the_app_on_a_place_with_the_ends_of_its_lines_in_view() {
    let loaded = common::load_shipped();
    let baku = loaded.atlas.place_by_id("baku").expect("baku");
    let harness = launch(
        loaded,
        egui::vec2(1280.0, 800.0),
        StartOptions {
            select: Some(baku),
            lang: Some(Lang::En),
            ..StartOptions::default()
        },
    );
    assert_eq!(harness.state().selected(), Some(baku));
    let app = harness.state();
    assert!(app.in_view(40.4, 49.9), "{:?}", app.view());
    for line in app.lines() {
        for end in [line.from, line.to] {
            let p = app.atlas().place(end);
            assert!(app.in_view(p.lat, p.lon), "{} is off screen", p.name_en);
        }
    }
    assert!(
        !harness.state().is_flying(),
        "a start view is taken at once, not flown to"
    );
    // The side panel is Baku's: its local name is shown.
    harness.get_by_label_contains("Bakı");
}

#[test]
fn an_article_without_a_source_says_so_instead_of_inventing_one() {
    let harness = app(Lang::De);
    harness.get_by_label("Quelle unbekannt · Datum unbekannt");
}

#[test]
fn the_embedded_base_map_is_drawn_with_no_network_and_credited() {
    let harness = app(Lang::De);
    let (textures, pending) = harness.state().basemap_tiles().expect("base map started");
    // 880×767 points of map at zoom 4.1 need 4×4 to 5×5 tiles of 256 px.
    assert!(textures >= 12, "only {textures} tiles drawn");
    assert_eq!(pending, 0);
    assert_eq!(harness.state().state().basemap, BasemapChoice::Offline);
    assert!(
        !harness.state().has_overlay_source(),
        "nothing online by default"
    );
    harness.get_by_role_and_label(Role::Link, "Natural Earth");
    assert!(harness.state().problems().is_empty());
}

#[test]
fn a_pmtiles_file_typed_into_the_dialog_becomes_the_base_map_with_its_credit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("kaukasus.pmtiles");
    let mut bytes = b"PMTiles\x03".to_vec();
    bytes.resize(127, 0);
    std::fs::write(&file, &bytes).expect("write");

    let mut harness = app(Lang::De);
    harness
        .get_all_by_role(Role::ComboBox)
        .find(|n| {
            n.value()
                .is_some_and(|v| v.contains("Eingebettet (offline)"))
        })
        .expect("the base map chooser")
        .click();
    harness.run();
    harness.get_by_label("PMTiles-Datei öffnen …").click();
    harness.run();
    // The dialog's field has the focus (the search field is the other text input).
    let field = |h: &Harness<'static, AtlasApp>| {
        h.get_all_by_role(Role::TextInput)
            .find(egui_kittest::Node::is_focused)
            .expect("the dialog's path field is focused")
            .type_text(file.to_str().expect("utf-8"));
    };
    field(&harness);
    harness.run();
    harness.get_by_label("Öffnen").click();
    harness.run();

    assert!(
        harness.state().problems().is_empty(),
        "{:?}",
        harness.state().problems()
    );
    assert_eq!(
        harness.state().state().basemap,
        BasemapChoice::PmTiles(file)
    );
    assert!(harness.state().has_overlay_source());
    harness.get_by_label("kaukasus.pmtiles");
    harness.get_by_role_and_label(Role::Link, "Natural Earth");
}

#[test]
fn a_file_that_is_no_map_is_reported_and_the_embedded_map_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("urlaub.pmtiles");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\n").expect("write");

    let mut harness = app(Lang::De);
    harness.state_mut().apply(
        mediation_atlas::ui::Action::SetBasemap(BasemapChoice::PmTiles(file.clone())),
        0.0,
    );
    harness.run();
    assert_eq!(harness.state().state().basemap, BasemapChoice::Offline);
    assert!(!harness.state().has_overlay_source());
    let problem = harness
        .state()
        .problems()
        .iter()
        .find(|p| p.file == file)
        .expect("the file is named in a problem");
    assert!(
        problem.message.contains("not a PMTiles file"),
        "{}",
        problem.message
    );
}

/// Presses the primary button at `from`, drags to `to` in steps, and releases.
fn drag(harness: &mut Harness<'static, AtlasApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(common::button(from, true));
    harness.step();
    for i in 1..=8u8 {
        let t = f32::from(i) / 8.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(common::button(to, false));
    harness.run();
}

#[test]
fn brushing_a_range_on_the_timeline_hides_the_events_outside_it() {
    let mut harness = app(Lang::De);
    let first = harness
        .get_by_label(
            "Erste Almaty-Runde der Gespräche über das iranische Atomprogramm (Februar 2013)",
        )
        .rect();
    let second = harness
        .get_by_label(
            "Zweite Almaty-Runde der Gespräche über das iranische Atomprogramm (April 2013)",
        )
        .rect();
    // From just before February 2013 to just after April 2013, along the Iran lane.
    drag(
        &mut harness,
        egui::pos2(first.left() - 2.0, first.center().y),
        egui::pos2(second.right() + 2.0, second.center().y),
    );

    let app = harness.state();
    let (from, to) = app.filter().range.expect("a range was brushed");
    assert!(to > from);
    let atlas = app.atlas();
    let visible = app.visible_events();
    assert!(
        visible.len() >= 2 && visible.len() < atlas.events.len(),
        "{}",
        visible.len()
    );
    for &e in visible {
        let (first_day, last_day) = atlas.event(e).when.days().expect("dated");
        assert!(
            first_day <= to && last_day >= from,
            "{} is outside",
            atlas.event(e).id
        );
    }
    let almaty = atlas.place_by_id("almaty").expect("almaty");
    let astana = atlas.place_by_id("astana").expect("astana");
    assert!(
        app.markers().iter().any(|&(p, _)| p == almaty),
        "Almaty 2013 stays"
    );
    assert!(
        app.markers().iter().all(|&(p, _)| p != astana),
        "no Astana event in early 2013"
    );
    // The range is shown in words.
    harness.get_by_label(&i18n::format_range(from, to, Lang::De));
}

#[test]
fn clicking_an_event_on_the_timeline_selects_it_and_draws_its_lines() {
    let mut harness = app(Lang::De);
    harness
        .get_by_label_contains("Erste Runde der Astana-Gespräche zu Syrien (")
        .click();
    harness.run();
    let app = harness.state();
    let atlas = app.atlas();
    let event = atlas
        .event_by_id("astana-format-runde-1-2017")
        .expect("the first Astana round");
    assert_eq!(app.selected_event(), Some(event));
    let expected = mediation_atlas::model::relations::relations_of_event(atlas, event);
    assert!(!expected.is_empty());
    let lines = app.lines();
    assert_eq!(lines.len(), expected.len());
    assert!(lines.iter().all(|l| l.event == event && !l.faint));
    let moscow = atlas.place_by_id("moskau").expect("moskau");
    assert!(
        lines.iter().any(|l| l.to == moscow),
        "a line to Moscow, a guarantor"
    );
    // The side panel shows the event with its roles, and the legend names them.
    assert!(harness.get_all_by_label_contains("Garant").count() >= 2);
}

#[test]
fn search_finds_jerewan_from_eriwan_and_a_click_flies_there() {
    let mut harness = app(Lang::De);
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("eriwan");
    harness.run();
    let jerewan = harness
        .state()
        .atlas()
        .place_by_id("jerewan")
        .expect("jerewan");
    let first = harness.state().search_hits().first().expect("hits").clone();
    assert_eq!(
        first.target,
        mediation_atlas::model::search::HitTarget::Place(jerewan)
    );
    harness.get_by_role_and_label(Role::Link, "Jerewan").click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(jerewan));
    assert!(
        harness.state().in_view(40.18, 44.51),
        "{:?}",
        harness.state().view()
    );
}

#[test]
fn ctrl_f_focuses_the_search_field() {
    let mut harness = app(Lang::En);
    assert!(!harness.get_by_role(Role::TextInput).is_focused());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    assert!(harness.get_by_role(Role::TextInput).is_focused());
    harness.get_by_role(Role::TextInput).type_text("Baku");
    harness.run();
    // Away and back with Ctrl+F: the old query is selected, and typing replaces it.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("Astana");
    harness.run();
    assert_eq!(harness.state().search_query(), "Astana");
}

#[test]
fn filters_by_process_and_actor_combine_and_clear() {
    let mut harness = app(Lang::De);
    harness
        .get_by_role_and_label(Role::Button, "Filter")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "● Astana-Format (Syrien)")
        .click();
    harness.run();
    let after_process = harness.state().visible_events().len();
    harness
        .get_by_role_and_label(Role::CheckBox, "Türkei")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Türkei")
        .click();
    harness.run();

    let app = harness.state();
    let atlas = app.atlas();
    let syria = atlas.process_by_id("astana-format-syria").expect("process");
    let turkey = atlas.place_by_id("turkey").expect("turkey");
    let visible = app.visible_events().to_vec();
    assert!(!visible.is_empty() && visible.len() <= after_process);
    for &e in &visible {
        let event = atlas.event(e);
        assert_eq!(event.process, Some(syria));
        assert!(mediation_atlas::model::filter::involves(
            event,
            mediation_atlas::model::filter::ActorFilter::State(turkey)
        ));
    }
    assert_eq!(app.filter().active(), 2);
    // Filtered-out events vanish from the markers too.
    let moscow = atlas.place_by_id("moskau").expect("moskau");
    assert!(app.markers().iter().all(|&(p, _)| p != moscow));

    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("✖ Filter aufheben").click();
    harness.run();
    assert!(harness.state().filter().is_empty());
    assert_eq!(
        harness.state().visible_events().len(),
        harness.state().atlas().events.len()
    );
}

/// A click of the primary button at `pos`.
fn click_at(harness: &mut Harness<'static, AtlasApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.step();
    harness.event(common::button(pos, true));
    harness.step();
    harness.event(common::button(pos, false));
    harness.run();
}

/// The verdict on the quiz's current question, and the map click it judged.
fn verdict(
    harness: &Harness<'static, AtlasApp>,
) -> (mediation_atlas::model::quiz::Verdict, Option<(f64, f64)>) {
    harness
        .state()
        .quiz()
        .expect("quiz")
        .verdict
        .expect("judged")
}

/// Starts the quiz and returns once the first question (the talks on Syria) is asked.
fn quiz_on_syria() -> Harness<'static, AtlasApp> {
    let mut harness = app(Lang::De);
    harness.get_by_label("? Quiz").click();
    harness.run();
    let syria = "Wo fanden ab 2017 die Gespräche über Syrien statt?";
    for _ in 0..20 {
        let quiz = harness.state().quiz().expect("a quiz");
        if quiz.current().expect("a question").prompt(Lang::De) == syria {
            break;
        }
        harness
            .state_mut()
            .apply(mediation_atlas::ui::Action::QuizNext, 0.0);
        harness.run();
    }
    harness.get_by_label("Wo fanden ab 2017 die Gespräche über Syrien statt?");
    harness
}

#[test]
fn a_quiz_answer_clicked_at_astana_for_the_syria_talks_is_right() {
    let mut harness = quiz_on_syria();
    let astana = harness.state().screen_pos(51.1694, 71.4491);
    click_at(&mut harness, astana);
    let (verdict, _) = verdict(&harness);
    assert!(verdict.correct);
    assert!(verdict.error_km.expect("km") < 30.0, "{verdict:?}");
    assert_eq!(harness.state().quiz().expect("quiz").score.right, 1);
    harness.get_by_label("Richtig!");
}

#[test]
fn a_quiz_answer_clicked_at_baku_is_wrong_and_shows_the_distance() {
    let mut harness = quiz_on_syria();
    let baku = harness.state().screen_pos(40.4093, 49.8671);
    click_at(&mut harness, baku);
    let (verdict, click) = verdict(&harness);
    assert!(!verdict.correct);
    let km = verdict.error_km.expect("km");
    assert!((1900.0..2100.0).contains(&km), "{km}");
    assert!(click.is_some());
    harness.get_by_label("Leider falsch.");
    harness.get_by_label_contains(&format!("Abstand {km:.0} km"));
    // The right place is named, and a source quote backs it.
    harness.get_by_label_contains("Richtig ist: Astana");
    assert!(harness.get_all_by_label_contains("„").count() >= 1);
}

/// The app with the shipped tours, presenting the first one.
fn presenting() -> Harness<'static, AtlasApp> {
    let loaded = common::load_shipped();
    let (tours, problems) =
        mediation_atlas::ingest::tours::load_tours(&common::shipped(), &loaded.atlas);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(tours[0].steps.len() >= 10);
    let mut harness = launch(
        loaded,
        egui::vec2(1280.0, 720.0),
        StartOptions {
            lang: Some(Lang::De),
            tours,
            ..StartOptions::default()
        },
    );
    harness.get_by_label("▶ Präsentieren");
    // The tour's start button in the overview.
    harness.get_by_role_and_label(Role::Button, "▶").click();
    harness.run();
    harness
}

fn step(harness: &Harness<'static, AtlasApp>) -> usize {
    harness.state().presentation().expect("presenting").step
}

#[test]
fn a_tour_advances_with_page_down_and_goes_back_with_page_up() {
    let mut harness = presenting();
    assert_eq!(step(&harness), 0);
    // The caption is on the slide (and in the presenter's window, embedded here).
    let first = harness.state().tours()[0].steps[0].caption_de.clone();
    assert!(harness.get_all_by_label(&first).count() >= 1);
    harness.get_by_label("1 / 12");

    harness.key_press(egui::Key::PageDown);
    harness.run();
    assert_eq!(step(&harness), 1);
    let second = harness.state().tours()[0].steps[1].clone();
    assert!(harness.get_all_by_label(&second.caption_de).count() >= 1);
    assert!(!harness.state().is_flying(), "the flight has landed");
    // The step's view, selection and range are taken.
    assert_eq!(harness.state().filter().range, second.range);
    assert_eq!(harness.state().selected_event(), second.select_event);

    harness.key_press(egui::Key::PageDown);
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(step(&harness), 3);
    harness.key_press(egui::Key::PageUp);
    harness.run();
    assert_eq!(step(&harness), 2);
    harness.key_press(egui::Key::End);
    harness.run();
    assert_eq!(step(&harness), 11);
    harness.key_press(egui::Key::Home);
    harness.run();
    assert_eq!(step(&harness), 0);
    // A number and Enter jump to that step.
    harness.event(egui::Event::Text("7".to_owned()));
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(step(&harness), 6);
}

#[test]
fn escape_leaves_presentation_mode() {
    let mut harness = presenting();
    assert!(harness.state().presentation().is_some());
    // The chrome is hidden while presenting.
    assert!(harness.query_by_label("Gesamtansicht").is_none());
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.state().presentation().is_none());
    harness.get_by_label("Gesamtansicht");
}

#[test]
fn f5_presents_the_current_view_as_one_step() {
    let mut harness = app(Lang::De);
    harness
        .get_by_role_and_label(Role::Button, "Astana")
        .click();
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.run();
    let p = harness.state().presentation().expect("presenting");
    assert_eq!(p.tour, None);
    harness.get_by_label("1 / 1");
    // The caption names the selection (the marker is labelled Astana too).
    assert!(harness.get_all_by_label("Astana").count() >= 2);
}

#[test]
fn stepping_through_a_process_selects_its_events_in_order_and_moves_the_map() {
    let mut harness = app(Lang::De);
    harness
        .get_by_role_and_label(Role::Link, "Iranisches Atomprogramm · 2 Ereignisse")
        .click();
    harness.run();
    let atlas = harness.state().atlas();
    let iran = atlas.process_by_id("iran-nuclear").expect("process");
    let rounds: Vec<_> = (0..atlas.events.len())
        .map(mediation_atlas::model::EventIdx::from_index)
        .filter(|&e| atlas.event(e).process == Some(iran))
        .collect();
    assert_eq!(rounds.len(), 2);
    let before = harness.state().view();

    harness.get_by_label("Weiter ▶").click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(rounds[0]));
    let after = harness.state().view();
    assert!(
        (after.lat - before.lat).abs() + (after.lon - before.lon).abs() > 0.5,
        "the map moved: {before:?} → {after:?}"
    );
    harness.get_by_label("1 / 2");
    harness.get_by_label("Weiter ▶").click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(rounds[1]));
    harness.get_by_label("◀ Zurück").click();
    harness.run();
    assert_eq!(harness.state().selected_event(), Some(rounds[0]));
}

/// The widgets of the top bar (everything in its strip), with their labels and rectangles.
fn top_bar_widgets(harness: &Harness<'static, AtlasApp>) -> Vec<(String, egui::Rect)> {
    use egui_kittest::kittest::NodeT as _;
    let mut out = Vec::new();
    for node in harness.query_all(egui_kittest::kittest::by()) {
        let Some(b) = node.accesskit_node().bounding_box() else {
            continue;
        };
        #[allow(clippy::cast_possible_truncation)] // Screen coordinates.
        let rect = egui::Rect::from_min_max(
            egui::pos2(b.x0 as f32, b.y0 as f32),
            egui::pos2(b.x1 as f32, b.y1 as f32),
        );
        let label = node
            .accesskit_node()
            .label()
            .or_else(|| node.accesskit_node().value())
            .unwrap_or_default();
        if node.accesskit_node().children().len() == 0
            && rect.min.y >= 0.0
            && rect.max.y <= 36.0
            && rect.width() > 0.0
            && rect.width() < 600.0
        {
            out.push((label, rect));
        }
    }
    out
}

/// Asserts that no two widgets of the top bar overlap and none leaves the window.
fn assert_top_bar_fits(harness: &Harness<'static, AtlasApp>, lang: Lang, w: f32, what: &str) {
    let widgets = top_bar_widgets(harness);
    assert!(widgets.len() >= 8, "{lang:?} {w} {what}: {widgets:?}");
    for (i, (a, ra)) in widgets.iter().enumerate() {
        assert!(
            ra.max.x <= w + 0.5,
            "{lang:?} {w} {what}: “{a}” leaves the window: {ra:?}"
        );
        for (b, rb) in &widgets[i + 1..] {
            assert!(
                !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                "{lang:?} {w} {what}: “{a}” {ra:?} overlaps “{b}” {rb:?}"
            );
        }
    }
    // The search field and the filters are always in the bar.
    let labels: Vec<&str> = widgets.iter().map(|(l, _)| l.as_str()).collect();
    let filters = lang.t().filters;
    assert!(
        labels.iter().any(|l| l.starts_with(filters)),
        "{what}: {labels:?}"
    );
}

#[test]
fn at_1024_by_768_no_two_widgets_of_the_top_bar_overlap_in_any_language() {
    for lang in Lang::ALL {
        for (w, h) in [(1024.0, 768.0), (1280.0, 720.0), (1920.0, 1080.0)] {
            let mut harness = launch(
                common::load_shipped(),
                egui::vec2(w, h),
                StartOptions {
                    lang: Some(lang),
                    ..StartOptions::default()
                },
            );
            assert_top_bar_fits(&harness, lang, w, "at start");
            // With a filter on, the bar offers to clear it: that must fit too.
            let range = (
                mediation_atlas::model::filter::day_number(2010, 1, 1),
                mediation_atlas::model::filter::day_number(2015, 12, 31),
            );
            harness
                .state_mut()
                .apply(mediation_atlas::ui::Action::SetRange(Some(range)), 0.0);
            harness.run();
            assert!(
                harness.query_by_label(lang.t().clear_filters).is_some(),
                "the clear button is shown"
            );
            assert_top_bar_fits(&harness, lang, w, "with a filter");
        }
    }
}

#[test]
fn the_legend_of_the_conflict_map_says_what_its_lines_are() {
    let mut harness = app(Lang::De);
    assert!(harness.query_by_label("Rollen").is_some());
    harness.get_by_label("Orte der Konflikte").click();
    harness.run();
    assert!(harness.query_by_label("Rollen").is_none());
    assert!(harness.query_by_label("Linien").is_some());
    assert!(harness.query_by_label("Gespräche → Konflikt").is_some());
}

/// Moves the quiz on until `found` is true of its current question.
fn quiz_until(
    harness: &mut Harness<'static, AtlasApp>,
    found: impl Fn(&mediation_atlas::model::quiz::QuestionKind) -> bool,
) -> mediation_atlas::model::quiz::Question {
    for _ in 0..30 {
        let q = harness
            .state()
            .quiz()
            .and_then(|q| q.current().cloned())
            .expect("a question");
        if found(&q.kind) {
            return q;
        }
        harness
            .state_mut()
            .apply(mediation_atlas::ui::Action::QuizNext, 0.0);
        harness.run();
    }
    panic!("no such question");
}

#[test]
fn a_chosen_quiz_option_is_marked_and_next_stays_in_view_after_an_ordering_question() {
    use mediation_atlas::model::quiz::QuestionKind;
    let mut harness = launch(
        common::load_shipped(),
        egui::vec2(1024.0, 768.0),
        StartOptions {
            lang: Some(Lang::De),
            ..StartOptions::default()
        },
    );
    // At 1024 px the quiz is in the ☰ menu.
    harness.get_by_label("☰").click();
    harness.run();
    harness.get_by_label("? Quiz").click();
    harness.run();
    let q = quiz_until(&mut harness, |k| matches!(k, QuestionKind::Process { .. }));
    let QuestionKind::Process {
        options, answer, ..
    } = q.kind
    else {
        unreachable!()
    };
    let atlas = harness.state().atlas();
    let wrong = options
        .iter()
        .find(|&&p| p != answer)
        .expect("a wrong option");
    let (wrong, right) = (
        atlas.process(*wrong).name_de.clone(),
        atlas.process(answer).name_de.clone(),
    );
    harness.get_by_label(&wrong).click();
    harness.run();
    assert!(harness.query_by_label(&format!("✖ {wrong}")).is_some());
    assert!(harness.query_by_label(&format!("✔ {right}")).is_some());

    let q = quiz_until(&mut harness, |k| matches!(k, QuestionKind::Order { .. }));
    let QuestionKind::Order { events, .. } = q.kind else {
        unreachable!()
    };
    for e in events {
        let title = harness.state().atlas().event(e).title_de.clone();
        harness.get_by_label(&title).click();
        harness.run();
    }
    let next = harness.get_by_label("Weiter ▶").rect();
    assert!(next.bottom() <= 768.0, "{next:?}");
}

#[test]
fn playing_the_timeline_offers_a_pause_button_drawn_with_a_glyph_the_fonts_have() {
    let mut harness = app(Lang::De);
    harness.get_by_label("▶ Abspielen").click();
    harness.step();
    harness.step();
    // ⏸ is in none of the bundled fonts; ❚ is in DejaVu Sans.
    assert!(harness.query_by_label("❚❚ Anhalten").is_some());
    let font = include_bytes!("../assets/fonts/DejaVuSans.ttf");
    let face = ttf_parser::Face::parse(font, 0).expect("DejaVu Sans parses");
    for c in i18n::Lang::De
        .t()
        .pause
        .chars()
        .chain(i18n::Lang::En.t().pause.chars())
    {
        assert!(
            c == ' ' || c.is_alphabetic() || face.glyph_index(c).is_some(),
            "{c}"
        );
    }
}

#[test]
fn every_timeline_lane_is_named() {
    let harness = app(Lang::De);
    let atlas = harness.state().atlas();
    for p in &atlas.processes {
        assert!(
            harness.query_all_by_label(&p.name_de).count() >= 1,
            "{}",
            p.name_de
        );
    }
    assert!(harness.query_by_label("ohne Prozess").is_some());
}

#[test]
fn in_the_overview_every_line_ends_at_a_marker() {
    let harness = app(Lang::De);
    let app = harness.state();
    let atlas = app.atlas();
    let ends: std::collections::BTreeSet<&str> = app
        .lines()
        .iter()
        .flat_map(|l| [l.from, l.to])
        .map(|p| atlas.place(p).name_de.as_str())
        .collect();
    assert!(
        ends.contains("Teheran") && ends.contains("Duschanbe"),
        "{ends:?}"
    );
    for name in ["Teheran", "Duschanbe"] {
        assert!(
            harness
                .query_by_role_and_label(Role::Button, name)
                .is_some(),
            "{name} has lines but no marker"
        );
    }
}

#[test]
fn a_place_with_lines_but_no_events_says_what_its_lines_are() {
    let mut harness = app(Lang::De);
    let tashkent = harness
        .state()
        .atlas()
        .place_by_id("taschkent")
        .expect("Tashkent");
    assert!(harness.state().atlas().events_of_place(tashkent).is_empty());
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::SelectPlace(tashkent), 0.0);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("an denen Usbekistan teilnahm")
            .is_some()
    );
}

#[test]
fn the_articles_of_a_place_with_many_events_are_one_click_away() {
    let mut harness = app(Lang::De);
    let astana = harness
        .state()
        .atlas()
        .place_by_id("astana")
        .expect("astana");
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::SelectPlace(astana), 0.0);
    harness.run();
    let n = harness.state().atlas().articles_of_place(astana).len();
    let header = format!("Artikel ({n})");
    let before = harness.get_by_label(&header).rect();
    harness.get_by_label(&format!("↓ {header}")).click();
    harness.run();
    let after = harness.get_by_label(&header).rect();
    assert!(
        before.top() > 800.0 && after.bottom() <= 800.0,
        "{before:?} → {after:?}"
    );
}

#[test]
fn no_marker_of_the_region_hides_under_the_map_mode_switch() {
    for size in [egui::vec2(1024.0, 768.0), egui::vec2(1280.0, 800.0)] {
        let harness = launch(
            common::load_shipped(),
            size,
            StartOptions {
                lang: Some(Lang::De),
                ..StartOptions::default()
            },
        );
        let switch = harness
            .get_by_label("Orte der Gespräche")
            .rect()
            .union(harness.get_by_label("+ Als Schritt aufnehmen").rect())
            .expand(8.0);
        for node in harness.query_all_by_role(Role::Button) {
            let rect = node.rect();
            // Markers are buttons on the map, below the top bar and left of the side panel.
            if rect.bottom() > 36.0 && rect.center().x > 0.0 && rect.left() < switch.right() {
                assert!(
                    !rect.intersects(switch) || switch.contains_rect(rect),
                    "{size:?}: {rect:?} lies under the switch {switch:?}"
                );
            }
        }
    }
}

#[test]
fn the_curators_english_date_notes_are_shown_in_the_english_interface_only() {
    for (lang, shown) in [(Lang::De, false), (Lang::En, true)] {
        let mut harness = app(lang);
        let event = harness
            .state()
            .atlas()
            .event_by_id("schelesnowodsk-kommunique-1991")
            .expect("the event");
        harness
            .state_mut()
            .apply(mediation_atlas::ui::Action::SelectEvent(event), 0.0);
        harness.run();
        assert_eq!(
            harness
                .query_by_label_contains("Historically signed on 23 September 1991")
                .is_some(),
            shown,
            "{lang:?}"
        );
    }
}

#[test]
fn tab_moves_the_focus_through_the_app_and_every_focused_widget_is_in_view() {
    let mut harness = app(Lang::De);
    let mut seen = std::collections::HashSet::new();
    for _ in 0..80 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let Some(node) = harness
            .query_all(egui_kittest::kittest::by())
            .find(egui_kittest::Node::is_focused)
        else {
            continue;
        };
        let rect = node.rect();
        seen.insert(format!("{rect:?}"));
        assert!(
            rect.bottom() > 0.0 && rect.top() < 800.0 && rect.right() > 0.0 && rect.left() < 1280.0,
            "the focused widget is off screen: {rect:?}"
        );
    }
    assert!(seen.len() > 20, "Tab reaches many widgets: {}", seen.len());
}

#[test]
fn an_export_goes_where_the_user_can_see_it_and_the_folder_is_remembered() {
    let mut harness = app(Lang::De);
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::OpenExportDialog, 0.0);
    harness.run();
    let suggested = harness
        .state()
        .export_dialog_path()
        .expect("the dialog is open")
        .to_owned();
    assert!(
        std::path::Path::new(&suggested).is_absolute(),
        "never the working directory: {suggested}"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("karte.png");
    harness.state_mut().apply(
        mediation_atlas::ui::Action::Export(file, mediation_atlas::export::ExportSize::Window),
        0.0,
    );
    assert_eq!(
        harness.state().remembered().export_dir.as_deref(),
        Some(dir.path())
    );
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::OpenExportDialog, 0.0);
    assert!(
        harness
            .state()
            .export_dialog_path()
            .is_some_and(|p| p.starts_with(&dir.path().display().to_string())),
        "{:?}",
        harness.state().export_dialog_path()
    );
}

#[test]
fn the_export_writes_a_clean_figure_of_what_the_map_shows_without_resizing_the_window() {
    let mut harness = app(Lang::De);
    harness.run();
    let astana = harness
        .state()
        .atlas()
        .place_by_id("astana")
        .expect("astana");
    harness
        .state_mut()
        .apply(mediation_atlas::ui::Action::SelectPlace(astana), 0.0);
    for _ in 0..40 {
        harness.step();
    }
    let window = harness.ctx.content_rect();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("karte.svg");
    harness.state_mut().apply(
        mediation_atlas::ui::Action::Export(
            file.clone(),
            mediation_atlas::export::ExportSize::FullHd,
        ),
        0.0,
    );
    harness.state_mut().wait_for_export();
    harness.run();
    assert_eq!(harness.state().exported_path(), Some(file.as_path()));
    harness.get_by_label_contains("Gespeichert:");
    assert_eq!(
        harness.ctx.content_rect(),
        window,
        "the window keeps its size"
    );
    let svg = std::fs::read_to_string(&file).expect("the figure");
    assert!(svg.contains(r#"width="1920""#) && svg.contains(r#"height="1080""#));
    assert!(
        svg.contains(">\nAstana\n</text>") || svg.contains(">Astana</text>"),
        "the selected place is the title"
    );
    assert!(svg.contains("Prozesse:") && svg.contains("Natural Earth"));
    assert!(
        !svg.contains("Filter"),
        "no button of the window is in the figure"
    );
}

#[test]
fn a_tour_is_saved_as_a_pdf_handout_from_the_overview() {
    let loaded = common::load_shipped();
    let (tours, _) = mediation_atlas::ingest::tours::load_tours(&common::shipped(), &loaded.atlas);
    let mut harness = launch(
        loaded,
        egui::vec2(1280.0, 800.0),
        StartOptions {
            lang: Some(Lang::De),
            tours,
            ..StartOptions::default()
        },
    );
    harness.run();
    harness.get_by_role_and_label(Role::Button, "PDF").click();
    harness.run();
    harness.get_by_label_contains("Tour als PDF-Handout speichern");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("handout.pdf");
    harness.state_mut().apply(
        mediation_atlas::ui::Action::ExportTourPdf(0, file.clone()),
        0.0,
    );
    harness.state_mut().wait_for_export();
    harness.run();
    assert_eq!(harness.state().exported_path(), Some(file.as_path()));
    let bytes = std::fs::read(&file).expect("the handout");
    assert!(bytes.starts_with(b"%PDF-"));
}

/// The label of the widget with the keyboard focus, if any.
fn focused_label(harness: &Harness<'static, AtlasApp>) -> Option<String> {
    use egui_kittest::kittest::NodeT as _;
    harness
        .query_all(egui_kittest::kittest::by())
        .find(egui_kittest::Node::is_focused)
        .and_then(|n| n.accesskit_node().label())
}

#[test]
fn arrow_keys_move_between_map_markers_and_enter_opens_one() {
    let mut harness = app(Lang::De);
    // Tab until a marker has the focus: Astana.
    for _ in 0..120 {
        if focused_label(&harness).as_deref() == Some("Astana") {
            break;
        }
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    assert_eq!(focused_label(&harness).as_deref(), Some("Astana"));
    let astana = harness.get_by_role_and_label(Role::Button, "Astana").rect();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run();
    let moved = focused_label(&harness).expect("a marker has the focus");
    assert_ne!(moved, "Astana");
    let now = harness.get_by_role_and_label(Role::Button, &moved).rect();
    assert!(
        now.center().x < astana.center().x,
        "{moved} lies west of Astana"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    let selected = harness.state().selected().expect("Enter opens the place");
    assert!(
        moved.starts_with(harness.state().atlas().place(selected).name_de.as_str()),
        "{moved}"
    );
}

#[test]
fn every_line_on_the_map_is_a_labelled_node_that_selects_its_event() {
    use egui_kittest::kittest::NodeT as _;
    let mut harness = app(Lang::De);
    harness
        .get_by_role_and_label(Role::Button, "Astana")
        .click();
    harness.run();
    let lines = harness.state().lines().len();
    let labelled: Vec<String> = harness
        .query_all_by_label_contains("Linie ")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    // Every line with a visible part has its node (the view fits Astana and its lines' ends).
    assert!(
        lines > 5 && labelled.len() >= lines * 9 / 10,
        "{} of {lines}: {labelled:#?}",
        labelled.len()
    );
    let atlas = harness.state().atlas();
    let syria = atlas
        .events
        .iter()
        .position(|e| e.title_de.contains("Erste Runde der Astana"))
        .expect("the first Astana round");
    let wanted = labelled
        .iter()
        .find(|l| l.contains("Erste Runde der Astana") && l.contains("Astana →"))
        .cloned()
        .expect("a line of the first Astana round, from Astana");
    assert!(wanted.contains("2017"), "{wanted}");
    harness.get_by_label(&wanted).click_accesskit();
    harness.run();
    assert_eq!(
        harness
            .state()
            .selected_event()
            .map(mediation_atlas::model::EventIdx::index),
        Some(syria),
        "activating the line's node selects its event"
    );
}

#[test]
fn in_one_window_the_speakers_notes_are_a_panel_that_n_shows_and_hides() {
    // The test harness has one window, as the browser: the notes start hidden.
    let mut harness = presenting();
    let title = "Mediation Atlas – Notizen";
    assert!(harness.query_by_label(title).is_none(), "hidden at first");
    harness.key_press(egui::Key::N);
    harness.run();
    harness.get_by_label(title);
    assert_eq!(step(&harness), 0, "N does not advance the tour");
    harness.key_press(egui::Key::N);
    harness.run();
    assert!(harness.query_by_label(title).is_none(), "hidden again");
}
