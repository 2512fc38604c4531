//! Frame-time benchmarks, headless: the egui pass of the whole app plus tessellation, which is
//! the CPU work of a frame before the GPU (or the software rasteriser) draws it.
//!
//! Run with `cargo bench --bench frame`. Figures and the machine go in the README.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use mediation_atlas::app::{AtlasApp, StartOptions, State};
use mediation_atlas::basemap::tiles::Rendering;
use mediation_atlas::i18n::Lang;
use mediation_atlas::ingest::{self, Corpus};
use mediation_atlas::model::Date;
use mediation_atlas::ui::Action;

const TODAY: Date = Date::Day {
    year: 2026,
    month: 11,
    day: 23,
};

fn corpus() -> Corpus {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Corpus::Disk {
        data: root.join("data"),
        seeds: root.join("seeds"),
    }
}

fn input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        time: Some(time),
        ..Default::default()
    }
}

/// One full frame: the egui pass and tessellation.
fn frame(
    ctx: &egui::Context,
    app: &mut AtlasApp,
    eframe_frame: &mut eframe::Frame,
    time: f64,
) -> usize {
    let mut output = ctx.run_ui(input(time), |ui| app.ui(ui, eframe_frame));
    // No painter takes the textures here: let them go as handled.
    output.textures_delta.clear();
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn new_app(ctx: &egui::Context) -> AtlasApp {
    app_on(ctx, ingest::load(&corpus(), TODAY))
}

/// The app on a synthetic corpus of 10,000 events over 500 places.
fn synthetic_app(ctx: &egui::Context) -> AtlasApp {
    app_on(
        ctx,
        ingest::Loaded {
            atlas: mediation_atlas::model::synthetic::synthetic_atlas(10_000, 500, 7),
            problems: Vec::new(),
        },
    )
}

/// The app with a library holding one layer of 1,000,000 synthetic UCDP GED records
/// (`layers::synthetic`), imported and saved as `mediation-atlas import` does; the layer is
/// loaded and indexed during the first frame (inline, as tiles are here).
fn layer_app(ctx: &egui::Context, library: &std::path::Path, views: Rendering) -> AtlasApp {
    use mediation_atlas::layers::store::{self, LayerMeta};
    use mediation_atlas::layers::{Control, Lookups, import_csv};
    let mut csv = Vec::new();
    mediation_atlas::layers::synthetic::write_ged_csv(&mut csv, 1_000_000, 7).expect("generated");
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut progress = |_| {};
    let layer = import_csv(
        &csv[..],
        "GED",
        None,
        Lookups::none(),
        &mut Control::new(&mut progress, &cancel),
    )
    .expect("imported");
    drop(csv);
    let meta = LayerMeta {
        id: "ged".to_owned(),
        name: "GED 1M".to_owned(),
        color: store::palette_color(0),
        visible: true,
        dataset: layer.dataset.clone(),
        source: "synthetic".to_owned(),
        imported: "2026-12-01T00:00:00Z".to_owned(),
        rows: layer.records.len() as u64,
        problems: 0,
        filter: mediation_atlas::layers::store::SavedFilter::default(),
    };
    store::save(library, &meta, &layer.records).expect("saved");
    drop(layer);
    mediation_atlas::style::apply(ctx);
    AtlasApp::new(
        ingest::load(&corpus(), TODAY),
        State::default(),
        StartOptions {
            lang: Some(Lang::De),
            library: Some(library.to_owned()),
            tile_rendering: Some(Rendering::Inline),
            layer_views: Some(views),
            ..Default::default()
        },
    )
}

/// The timeline's range, all lines of the range, and a search running (its results listed).
fn busy(app: &mut AtlasApp) {
    use mediation_atlas::model::filter::day_number;
    app.apply(
        Action::SetRange(Some((day_number(2005, 1, 1), day_number(2015, 12, 31)))),
        0.0,
    );
    app.apply(Action::SetSearch("stan".to_owned()), 0.0);
}

fn app_on(ctx: &egui::Context, loaded: ingest::Loaded) -> AtlasApp {
    mediation_atlas::style::apply(ctx);
    AtlasApp::new(
        loaded,
        State::default(),
        StartOptions {
            lang: Some(Lang::De),
            // Tiles drawn inline: after the first frame the screen's tiles are on hand, and a
            // steady frame measures what an idle-then-touched app does.
            tile_rendering: Some(Rendering::Inline),
            ..Default::default()
        },
    )
}

/// Frames while the timeline's brush is dragged over the 1 M layer: each frame moves a
/// one-year range by a week, so the layer is drawn brushed (its whole-time groups with the
/// counts the range keeps) and never settles into a rebuild. Also a five-year range, and the
/// same at zoom 6 over the Caucasus.
fn brush_frames(c: &mut Criterion) {
    use mediation_atlas::model::filter::day_number;
    let ctx = egui::Context::default();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let library = tempfile::tempdir().expect("tempdir");
    let mut app = layer_app(&ctx, library.path(), Rendering::Threads(1));
    let mut time = 0.0;
    for _ in 0..120 {
        time += 1.0 / 60.0;
        frame(&ctx, &mut app, &mut eframe_frame, time);
    }
    assert_eq!(
        app.map_layers()[0].located(),
        1_000_000,
        "the layer is drawn"
    );
    for (name, years, view) in [
        ("brush_frame_layer_1m_one_year", 1, None),
        ("brush_frame_layer_1m_five_years", 5, None),
        (
            "brush_frame_layer_1m_one_year_caucasus_zoom_6",
            1,
            Some(mediation_atlas::map::MapView {
                lat: 41.0,
                lon: 45.0,
                zoom: 6.0,
            }),
        ),
    ] {
        if let Some(view) = view {
            app.apply(Action::ZoomTo(view), time);
            for _ in 0..120 {
                time += 1.0 / 60.0;
                frame(&ctx, &mut app, &mut eframe_frame, time);
            }
        }
        let mut week = 0;
        c.bench_function(name, |b| {
            b.iter(|| {
                week = (week + 1) % 1_000;
                let from = day_number(1995, 1, 1) + week * 7;
                let to = from + 365 * years - 1;
                app.apply(Action::SetRange(Some((from, to))), time);
                time += 1.0 / 60.0;
                black_box(frame(&ctx, &mut app, &mut eframe_frame, time))
            });
        });
        assert!(app.map_layers()[0].is_brushing(), "{name}: drawn brushed");
    }
}

fn benches(c: &mut Criterion) {
    c.bench_function("start_to_first_frame", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            let mut eframe_frame = eframe::Frame::_new_kittest();
            let mut app = new_app(&ctx);
            black_box(frame(&ctx, &mut app, &mut eframe_frame, 0.0))
        });
    });

    let mut steady = |name: &str, setup: &dyn Fn(&mut AtlasApp)| {
        let ctx = egui::Context::default();
        let mut eframe_frame = eframe::Frame::_new_kittest();
        let library = tempfile::tempdir().expect("tempdir");
        let mut app = if name.contains("synthetic") {
            synthetic_app(&ctx)
        } else if name.contains("layer_1m") {
            layer_app(&ctx, library.path(), Rendering::Inline)
        } else {
            new_app(&ctx)
        };
        setup(&mut app);
        // Let any flight land and layout settle.
        let mut time = 0.0;
        for _ in 0..120 {
            time += 1.0 / 60.0;
            frame(&ctx, &mut app, &mut eframe_frame, time);
        }
        if name.contains("layer_1m") {
            assert_eq!(
                app.map_layers()[0].located(),
                1_000_000,
                "the layer is drawn"
            );
        }
        c.bench_function(name, |b| {
            b.iter(|| {
                time += 1.0 / 60.0;
                black_box(frame(&ctx, &mut app, &mut eframe_frame, time))
            });
        });
    };
    steady("steady_frame_overview", &|_| {});
    steady("steady_frame_place_selected", &|app| {
        let astana = app.atlas().place_by_id("astana").expect("astana");
        app.apply(Action::SelectPlace(astana), 0.0);
    });
    steady("steady_frame_timeline_lines_search_seeds", &busy);
    steady("steady_frame_timeline_lines_search_synthetic_10k", &busy);
    steady("steady_frame_layer_1m_overview", &|_| {});
    steady("steady_frame_layer_1m_caucasus_zoom_6", &|app| {
        app.apply(
            Action::ZoomTo(mediation_atlas::map::MapView {
                lat: 41.0,
                lon: 45.0,
                zoom: 6.0,
            }),
            0.0,
        );
    });
    steady("steady_frame_reader_open", &|app| {
        let article = app
            .atlas()
            .article_by_file("002_60172de1cc37bdde.txt")
            .expect("seed 002");
        app.apply(
            Action::OpenArticle {
                article,
                focus: None,
            },
            0.0,
        );
    });
}

criterion_group! {
    name = frame_benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = benches, brush_frames
}
criterion_main!(frame_benches);
