//! Figures from the shipped corpus: what the SVG says, where a marker lands, the scale bar,
//! and the PNG's pixels.

use super::scene::{Projection, view_for};
use super::*;
use crate::ingest::test_atlas;
use crate::model::filter::day_number;

fn astana(atlas: &Atlas) -> crate::model::PlaceIdx {
    atlas
        .place_by_id("astana")
        .expect("astana is in the shipped places")
}

/// The text of every `<text>` element, in order (what a reader of the SVG sees).
fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let Some(close) = after.find("</text>") else {
            break;
        };
        out.push(
            after[open_end + 1..close]
                .trim()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">"),
        );
        rest = &after[close..];
    }
    out
}

#[test]
fn an_svg_of_astana_parses_and_names_title_dates_legend_and_credits() {
    let atlas = test_atlas();
    let mut spec = FigureSpec::place(&atlas, astana(&atlas), Lang::De);
    let range = (day_number(2017, 1, 23), day_number(2018, 12, 22));
    spec.filter.range = Some(range);
    let scene = scene(&atlas, &spec, (1024, 768)).expect("scene");
    let svg = svg::document(&scene);
    let tree = resvg::usvg::Tree::from_str(&svg, &text::usvg_options()).expect("usvg reads it");
    assert!((tree.size().width() - 1024.0).abs() < 0.5);
    assert!((tree.size().height() - 768.0).abs() < 0.5);
    let texts = texts(&svg);
    let has = |s: &str| texts.iter().any(|t| t == s);
    assert!(has("Astana"), "title: {texts:?}");
    let dates = crate::i18n::format_range(range.0, range.1, Lang::De);
    assert_eq!(dates, "Jan. 2017 – Dez. 2018");
    assert!(has(&dates), "{texts:?}");
    assert!(has("Prozesse:"), "{texts:?}");
    let syria = atlas.process_by_id("astana-format-syria").expect("process");
    assert!(
        has(&atlas.process(syria).name_de),
        "Astana's talks on Syria are in the legend: {texts:?}"
    );
    assert!(has("Rollen:"), "the lines' roles: {texts:?}");
    assert!(has("ausgewählter Ort"), "{texts:?}");
    for entry in &scene.legend.entries {
        assert!(has(&entry.text), "legend entry {:?} is drawn", entry.text);
        assert!(
            scene.legend.rect.contains(entry.at) && !scene.map.contains(entry.at),
            "the legend lies under the map, not over it"
        );
    }
    let credits = texts
        .iter()
        .find(|t| t.contains("Natural Earth"))
        .expect("credits");
    assert!(credits.contains("GeoNames"), "{credits}");
    // Astana's name is drawn beside its marker.
    assert!(scene.labels.iter().any(|l| l.text == "Astana"));
}

#[test]
fn an_english_figure_speaks_english() {
    let atlas = test_atlas();
    let svg = to_svg(&atlas, &FigureSpec::overview(Lang::En), (1024, 768)).expect("svg");
    let texts = texts(&svg);
    assert!(texts.iter().any(|t| t == "Processes:"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("public domain")));
    assert!(!texts.iter().any(|t| t == "Prozesse:"));
}

#[test]
fn astanas_marker_lies_where_web_mercator_puts_it() {
    let atlas = test_atlas();
    let spec = FigureSpec::overview(Lang::De);
    let scene = scene(&atlas, &spec, (1024, 768)).expect("scene");
    let marker = scene
        .markers
        .iter()
        .find(|m| m.places.contains(&astana(&atlas)))
        .expect("Astana has a marker in the overview");
    // Web Mercator written out, independently of the code under test.
    let view = scene.view;
    let merc = |lat: f64, lon: f64| {
        let x = (lon + 180.0) / 360.0;
        let y = 0.5
            - (std::f64::consts::FRAC_PI_4 + lat.to_radians() / 2.0)
                .tan()
                .ln()
                / (2.0 * std::f64::consts::PI);
        (x, y)
    };
    let world = 256.0 * 2f64.powf(view.zoom);
    let (cx, cy) = merc(view.lat, view.lon);
    let place = atlas.place(astana(&atlas));
    let (px, py) = merc(place.lat, place.lon);
    let expected = (
        f64::from(scene.map.center().x) + (px - cx) * world,
        f64::from(scene.map.center().y) + (py - cy) * world,
    );
    assert!(
        (f64::from(marker.pos.x) - expected.0).abs() < 0.5
            && (f64::from(marker.pos.y) - expected.1).abs() < 0.5,
        "{:?} vs {expected:?}",
        marker.pos
    );
    assert!(scene.map.contains(marker.pos));
    // The overview shows the region: a laptop's view of it fits into the figure's map.
    assert!((view.lat - crate::map::MapView::REGION.lat).abs() < 1e-9);
    let (seen_w, seen_h) = spec::LAPTOP_MAP;
    let fit = (f64::from(scene.map.width()) / f64::from(seen_w))
        .min(f64::from(scene.map.height()) / f64::from(seen_h))
        .log2();
    assert!((view.zoom - crate::map::MapView::REGION.zoom - fit).abs() < 1e-9);
}

#[test]
fn the_scale_bar_is_a_round_length_right_within_one_percent() {
    for (lat, zoom) in [(51.17, 5.0), (40.2, 7.3), (10.0, 3.0), (0.0, 1.5)] {
        let view = crate::map::MapView {
            lat,
            lon: 71.4,
            zoom,
        };
        let map = egui::Rect::from_min_size(egui::pos2(0.0, 64.0), egui::vec2(1024.0, 676.0));
        let projection = Projection::new(view, map);
        let bar = scene::scale_bar(&projection, egui::pos2(1000.0, 750.0));
        assert!((60.0..=150.0).contains(&bar.length), "{bar:?}");
        let mantissa = bar.km / 10f64.powf(bar.km.log10().floor());
        assert!(
            [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9),
            "{} km is round",
            bar.km
        );
        // The bar's two ends on the parallel through the centre, measured on the ellipsoid.
        let dlon = f64::from(bar.length) / projection.world * 360.0;
        let ground = crate::map::arcs::distance_km((lat, 71.4), (lat, 71.4 + dlon));
        assert!(
            ((bar.km - ground) / ground).abs() < 0.01,
            "at {lat}°: bar {} km, ground {ground} km",
            bar.km
        );
    }
}

#[test]
fn a_view_from_a_smaller_window_shows_at_least_the_same_area() {
    let framing = Framing::View {
        view: crate::map::MapView::REGION,
        seen_at: (880.0, 640.0),
    };
    let same = view_for(&framing, egui::vec2(880.0, 640.0));
    assert!((same.zoom - crate::map::MapView::REGION.zoom).abs() < 1e-9);
    let wider = view_for(&framing, egui::vec2(1760.0, 1600.0));
    assert!((wider.zoom - crate::map::MapView::REGION.zoom - 1.0).abs() < 1e-9);
}

#[test]
fn a_png_has_the_size_asked_and_astanas_marker_in_its_pixels() {
    let atlas = test_atlas();
    let spec = FigureSpec::overview(Lang::De);
    let size = (1280u32, 720u32);
    let png = to_png(&atlas, &spec, size).expect("png");
    let image = image::load_from_memory(&png).expect("decodes").to_rgba8();
    assert_eq!(image.dimensions(), size);
    let scene = scene(&atlas, &spec, size).expect("scene");
    let marker = scene
        .markers
        .iter()
        .find(|m| m.places.contains(&astana(&atlas)))
        .expect("Astana's marker");
    let scale = units(size.0) / scene.frame.x;
    let pixel = |v: f32| u32::try_from((v * scale).round() as i64).expect("inside the image");
    let [r, g, b, a] = image.get_pixel(pixel(marker.pos.x), pixel(marker.pos.y)).0;
    let fill = marker.fill.to_srgba_unmultiplied();
    assert_eq!(a, 255);
    let near = |c: [u8; 3]| {
        (i32::from(r) - i32::from(c[0])).abs() <= 12
            && (i32::from(g) - i32::from(c[1])).abs() <= 12
            && (i32::from(b) - i32::from(c[2])).abs() <= 12
    };
    assert!(
        near([fill[0], fill[1], fill[2]]),
        "the marker's colour at Astana: {:?}",
        [r, g, b]
    );
    let palette = crate::basemap::raster::Palette::LIGHT;
    assert!(!near([palette.sea[0], palette.sea[1], palette.sea[2]]));
    assert!(!near([palette.land[0], palette.land[1], palette.land[2]]));
    // The corner of the header is background.
    assert_eq!(image.get_pixel(2, 2).0, [255, 255, 255, 255]);
}

#[test]
fn only_png_and_svg_are_figure_formats() {
    assert_eq!(Format::from_path(Path::new("a/b.PNG")), Ok(Format::Png));
    assert_eq!(Format::from_path(Path::new("b.svg")), Ok(Format::Svg));
    let err = Format::from_path(Path::new("karte.jpg")).expect_err("jpg");
    assert!(err.contains("karte.jpg"), "{err}");
    assert!(Format::from_path(Path::new("karte")).is_err());
}

#[test]
fn a_tour_step_figure_shows_the_steps_range_and_selection() {
    let atlas = test_atlas();
    let (tours, problems) =
        crate::ingest::tours::load_tours(&crate::ingest::Corpus::Embedded, &atlas);
    assert!(problems.is_empty(), "{problems:?}");
    let tour = tours.first().expect("the shipped tour");
    let request = Request {
        tour: Some((tour.id.as_str(), 1)),
        lang: Lang::De,
        ..Request::default()
    };
    let spec = spec_for(&atlas, &tours, &request).expect("step 1");
    assert_eq!(spec.filter.range, tour.steps[0].range);
    assert_eq!(spec.selected_event, tour.steps[0].select_event);
    let bad = Request {
        tour: Some((tour.id.as_str(), 99)),
        ..request
    };
    assert!(
        spec_for(&atlas, &tours, &bad)
            .expect_err("no step 99")
            .contains("99")
    );
    let nowhere = Request {
        select: Some("atlantis"),
        ..Request::default()
    };
    assert!(
        spec_for(&atlas, &tours, &nowhere)
            .expect_err("unknown")
            .contains("atlantis")
    );
}

#[test]
fn a_handout_page_holds_the_caption_quote_and_page_number() {
    let atlas = test_atlas();
    let (tours, _) = crate::ingest::tours::load_tours(&crate::ingest::Corpus::Embedded, &atlas);
    let tour = tours.first().expect("the shipped tour");
    let page = pdf::page(&atlas, None, tour, 0, Lang::De);
    let texts = texts(&page);
    let joined = texts.join(" ");
    assert!(texts.iter().any(|t| t == tour.title(Lang::De)), "{texts:?}");
    assert!(
        joined.contains("Alma-Ata-Erklärung unterzeichnet"),
        "{joined}"
    );
    assert!(joined.contains("DAZ"), "the byline: {joined}");
    let pages = format!("Seite 1 von {}", tour.steps.len());
    assert!(texts.contains(&pages), "{texts:?}");
    resvg::usvg::Tree::from_str(&page, &text::usvg_options()).expect("usvg reads the page");
}

#[test]
fn a_place_known_only_as_a_country_has_a_dashed_ring_in_the_figure_as_on_the_map() {
    let atlas = test_atlas();
    let ukraine = atlas.place_by_id("ukraine").expect("ukraine");
    let spec = FigureSpec::place(&atlas, ukraine, Lang::En);
    let ukraine_scene = scene(&atlas, &spec, (1024, 768)).expect("scene");
    let ringed: Vec<&[crate::model::PlaceIdx]> = ukraine_scene
        .markers
        .iter()
        .filter(|m| m.country_only)
        .map(|m| m.places.as_slice())
        .collect();
    assert_eq!(ringed, [&[ukraine][..]], "only the country is ringed");
    let svg = svg::document(&ukraine_scene);
    assert_eq!(svg.matches("stroke-dasharray=\"4 3\"").count(), 1, "{svg}");
    // Astana is a city: no ring.
    let spec = FigureSpec::place(&atlas, astana(&atlas), Lang::En);
    let astana_scene = scene(&atlas, &spec, (1024, 768)).expect("scene");
    assert!(
        astana_scene
            .markers
            .iter()
            .filter(|m| m.places.contains(&astana(&atlas)))
            .all(|m| !m.country_only)
    );
}
