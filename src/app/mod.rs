//! The eframe app: owns the persisted [`State`] and the runtime resources, lays out the panels,
//! and is the one place that applies their [`Action`]s. Its rooms: `apply` (actions), `present`
//! (presentation mode), `export` (PNG export from the UI), `screenshot` (command-line captures and
//! benchmark probes), `map_view` (the map and what is drawn over it), `shortcuts`, `dialogs`.

mod apply;
mod dialogs;
mod events;
mod export;
mod import_layer;
mod layer_view;
mod lessons;
mod library;
mod map_view;
mod present;
mod queries;
mod screenshot;
mod shortcuts;
mod state;
mod tours;

use dialogs::{centred_dialog, dropped_files, ok_cancel};
use export::{ExportJob, capture_png};
use map_view::LabelsKey;
pub use present::Presentation;
use screenshot::ScreenshotJob;
pub use screenshot::ScreenshotResult;
pub use state::{StartOptions, State};

use std::path::PathBuf;
use std::sync::Arc;

use egui::{CentralPanel, Frame, Panel, Rect, Ui, ViewportCommand};
use walkers::{MapMemory, Tiles, lat_lon};

use crate::basemap::source::BasemapChoice;
use crate::basemap::tiles::{OfflineTiles, Rendering};

use crate::i18n::Lang;
use crate::ingest::{Loaded, Problem};
use crate::map::flight::{MAX_ZOOM, MIN_ZOOM};
use crate::map::lines::{Focus, GeometryCache, Line};
use crate::map::{Flight, MapView};
use crate::model::EventIdx;
use crate::model::filter::{self as event_filter, Filter};
use crate::model::search::{Hit, SearchIndex};
use crate::model::tour::Tour;
use crate::model::{Atlas, PlaceIdx};
use crate::style;
use crate::ui::quiz::QuizState;
use crate::ui::timeline::TimelineState;
use crate::ui::{self, Action, MapMode, ReaderState, ViewCtx};

/// The Mediation Atlas application.
#[allow(clippy::struct_excessive_bools)] // Independent switches of independent features.
pub struct AtlasApp {
    state: State,
    lang: Lang,
    atlas: Arc<Atlas>,
    problems: Vec<Problem>,
    markers: Vec<(PlaceIdx, usize)>,
    memory: MapMemory,
    selected: Option<PlaceIdx>,
    reader: Option<ReaderState>,
    flight: Option<Flight>,
    show_problems: bool,
    map_rect: Rect,
    screenshot: Option<ScreenshotJob>,
    startup_probe: Option<crate::platform::Instant>,
    /// `--bench-startup`: when the first frame ended, in ms after start.
    first_frame_ms: Option<f64>,
    /// Whether the page around the atlas (the browser) has been told of the complete screen.
    page_reported: bool,
    /// `--bench-flight`: when measuring began, the frames since, and the flights flown.
    flight_probe: Option<(Option<crate::platform::Instant>, u32, u32)>,
    tile_rendering: Rendering,
    /// Whether a layer's views are rebuilt inline, at once (tests), rather than on helper
    /// threads once the brush settles.
    layer_views_inline: bool,
    /// The embedded base map; made on the first frame (it needs the egui context).
    offline: Option<OfflineTiles>,
    /// The chosen source above it, if not the embedded one, with the choice it was made for.
    online: Option<(BasemapChoice, crate::basemap::source::Overlay)>,
    /// Where online tiles are cached (a folder per source in it), if anywhere.
    tile_cache: Option<PathBuf>,
    /// The path typed into the "PMTiles file" dialog, while it is open.
    pmtiles_dialog: Option<String>,
    /// The "own tile server" dialog, while it is open.
    custom_basemap_dialog: Option<dialogs::CustomBasemapDialog>,
    /// What the user narrowed the atlas to, and the events that pass (date order).
    filter: Filter,
    visible: Vec<EventIdx>,
    /// Per event: whether it passes the filters.
    shown: Vec<bool>,
    selected_event: Option<EventIdx>,
    timeline: TimelineState,
    /// The process whose events the side panel steps through, if one is open.
    process_view: Option<crate::model::ProcessIdx>,
    /// The lines drawn now, what they were computed for, and their geometry.
    lines: Vec<Line>,
    lines_key: Option<(Focus, Filter, MapMode)>,
    lines_version: u64,
    /// `markers` and the ends of `lines` (see `update_line_ends`).
    markers_with_ends: Vec<(PlaceIdx, usize)>,
    lines_projected: crate::map::lines::Projected,
    geometry: GeometryCache,
    /// The search field's text, the query the hits are for, and the hits.
    search_query: String,
    search_for: String,
    search_hits: Vec<Hit>,
    search_index: SearchIndex,
    /// The base map's names as last laid out, and for what.
    labels_memo: Option<(LabelsKey, Vec<egui::Shape>)>,
    /// The guided tours of `data/tours/`.
    tours: Vec<Tour>,
    /// A presentation under way.
    presentation: Option<Presentation>,
    /// Full screen to switch on or off at the next frame.
    pending_fullscreen: Option<bool>,
    /// A window size to set on the first frame (`--size`, screenshots): eframe restores the
    /// remembered size when it makes the window, and this must win over it.
    pending_size: Option<egui::Vec2>,
    /// `--select` without `--view`: once the map's size is known (after the first frame), the
    /// view is fitted to the place and the other ends of its lines.
    pending_select_fit: Option<PlaceIdx>,
    /// The first frames, until the window and the map have their final size.
    settling: bool,
    /// The widget that had the keyboard focus last frame (a new one is scrolled into view).
    last_focus: Option<egui::Id>,
    /// Whether the window was put in full screen (for the quiz in front of a class).
    fullscreen: bool,
    /// A quiz under way.
    quiz: Option<QuizState>,
    /// The export dialog's path, format and size, while it is open.
    export_dialog: Option<export::ExportDialog>,
    /// The dialog that saves a tour as a PDF handout, while it is open.
    tour_pdf_dialog: Option<export::TourPdfDialog>,
    /// An export from the UI under way.
    export: Option<ExportJob>,
    /// Where the last export went (shown until dismissed).
    exported: Option<PathBuf>,
    /// Seed of the next quiz (each new quiz shuffles differently).
    quiz_seed: u64,
    /// The shipped corpus and the user's library, from which `atlas` is built.
    workspace: crate::library::Workspace,
    /// The library as the panels read it (renewed after each edit).
    library_view: Arc<crate::library::Library>,
    /// Problems of the last build of the atlas (replaced by the next build's).
    build_problems: Vec<Problem>,
    /// Edits that undo the last edits (newest last), and edits that redo undone ones.
    history: crate::library::history::History,
    /// The geoparser for new articles.
    geoparser: library::GeoparserSlot,
    /// The library's imported layers, drawn under the curated markers.
    layers: layer_view::LayerSlot,
    /// The dialog that imports a dataset as a layer, and the import under way.
    dataset_import: import_layer::DatasetImportSlot,
    /// Something asked for the geoparser this frame: build it at the end of the frame.
    start_geoparser: bool,
    /// A confirmed draft waiting for the geoparser.
    waiting_meta: Option<crate::library::intake::ArticleMeta>,
    /// The "add article" dialog, while open.
    add_form: Option<crate::ui::add_article::AddForm>,
    /// The review window, while open.
    review: Option<crate::ui::review::ReviewState>,
    /// The next click on the map puts a new place there (for the review window's name).
    placing: bool,
    /// A library article the user is asked to confirm removing.
    removing: Option<String>,
    /// A short message at the top of the map (added, undone …), until dismissed.
    notice: Option<String>,
    /// Places named in articles, drawn as diamonds where no event marker is.
    article_markers: Vec<crate::model::ArticlePlace>,
    /// The form of an event being recorded or edited, while open.
    event_form: Option<crate::ui::event_form::EventForm>,
    /// The tour editor in the side panel, while open.
    tour_editor: Option<crate::ui::tour_editor::TourEditor>,
    /// The user's tour that "Als Schritt aufnehmen" adds to.
    authoring: Option<String>,
    /// How many of `tours` are shipped (the library's follow them).
    shipped_tours: usize,
    /// The "share as a lesson" dialog, while it is open.
    lesson_dialog: Option<dialogs::LessonDialog>,
    /// This window's hold on the library (released when the app ends).
    #[allow(dead_code)] // Held for its Drop.
    library_lock: Option<crate::library::LibraryLock>,
    /// The day it is (given by tests, so that nothing they see depends on the clock).
    today: crate::model::Date,
}

impl AtlasApp {
    /// Builds the app on a loaded atlas, restoring `state` and applying `options`.
    #[must_use]
    pub fn new(loaded: Loaded, mut state: State, options: StartOptions) -> Self {
        let Loaded {
            atlas: shipped,
            mut problems,
        } = loaded;
        let mut library_lock = None;
        let library = match &options.library {
            Some(root) => {
                let (mut library, library_problems) = crate::library::Library::open(root);
                problems.extend(library_problems);
                // A second window on the same library reads it but never writes it.
                match crate::library::LibraryLock::acquire(root) {
                    Ok(lock) => library_lock = Some(lock),
                    Err(crate::library::LockError::Held { .. }) => {
                        problems.push(Problem::warning(
                            root.clone(),
                            None,
                            crate::msg!("problem-library-held"),
                        ));
                        library.set_read_only();
                    }
                    Err(e) => {
                        problems.push(Problem::warning(root.clone(), None, e.to_string()));
                        library.set_read_only();
                    }
                }
                library
            }
            None => crate::library::Library::in_memory(),
        };
        // The edits of earlier runs stay undoable, unless the library changed since.
        let (history, history_note) = crate::library::history::History::open(&library);
        if let Some(note) = history_note {
            problems.push(Problem::warning(
                library
                    .root()
                    .map(|r| r.join(crate::library::history::FILE))
                    .unwrap_or_default(),
                None,
                crate::i18n::history_reset(&note, options.lang.unwrap_or_default()),
            ));
        }
        let mut workspace = crate::library::Workspace::new(shipped, library);
        let (atlas, build_problems) = workspace.build();
        problems.extend(build_problems.iter().cloned());
        let library_view = Arc::new(workspace.library.clone());
        let select = options.select.filter(|p| p.index() < atlas.places.len());
        if let Some(place) = select {
            let p = atlas.place(place);
            state.view = MapView {
                lat: p.lat,
                lon: p.lon,
                zoom: select_zoom(p.kind),
            };
        }
        if let Some(view) = options.view {
            state.view = view;
        }
        if state.view.validate().is_err() {
            state.view = MapView::REGION;
        }
        if options.lang.is_some() {
            state.lang = options.lang;
        }
        if let Some(basemap) = options.basemap {
            state.basemap = basemap;
        }
        let lang = state.lang.unwrap_or_else(Lang::from_system);
        let mut memory = MapMemory::default();
        apply_view(&mut memory, state.view);
        let filter = Filter::default();
        let visible = filter.events(&atlas);
        let markers = match state.map_mode {
            MapMode::Venues => event_filter::marker_places(&atlas, &visible),
            MapMode::Conflicts => event_filter::conflict_places(&atlas, &visible),
        };
        let today = options.today.unwrap_or_else(crate::ingest::today);
        let timeline = TimelineState::new(today);
        let shown = shown_mask(atlas.events.len(), &visible);
        let article_markers = atlas.article_places();
        let present = options.present;
        let export_dir = options.export_dir.clone();
        let start_quiz = options.quiz;
        let open_article = options.article.clone();
        let open_files = options.open.clone();
        let mut app = Self {
            filter,
            visible,
            shown,
            selected_event: None,
            timeline,
            process_view: None,
            search_index: SearchIndex::new(&atlas),
            labels_memo: None,
            shipped_tours: options.tours.len(),
            tours: options.tours,
            tour_editor: None,
            authoring: None,
            presentation: None,
            pending_fullscreen: None,
            pending_size: options.window_size,
            last_focus: None,
            pending_select_fit: select.filter(|_| options.view.is_none()),
            settling: true,
            fullscreen: false,
            quiz: None,
            quiz_seed: 1,
            workspace,
            library_view,
            build_problems,
            history,
            geoparser: library::GeoparserSlot {
                ready: options.geoparser,
                ..library::GeoparserSlot::default()
            },
            start_geoparser: false,
            layers: layer_view::LayerSlot::default(),
            dataset_import: import_layer::DatasetImportSlot::default(),
            waiting_meta: None,
            add_form: None,
            review: None,
            placing: false,
            removing: None,
            notice: None,
            article_markers,
            event_form: None,
            library_lock,
            today,
            lesson_dialog: None,
            export_dialog: None,
            tour_pdf_dialog: None,
            export: None,
            exported: None,
            search_query: String::new(),
            search_for: String::new(),
            search_hits: Vec::new(),
            lines: Vec::new(),
            lines_key: None,
            lines_version: 0,
            markers_with_ends: Vec::new(),
            lines_projected: (None, Vec::new()),
            geometry: GeometryCache::default(),
            state,
            lang,
            atlas: Arc::new(atlas),
            problems,
            markers,
            memory,
            selected: select,
            reader: None,
            flight: None,
            show_problems: false,
            map_rect: Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(880.0, 720.0)),
            startup_probe: options.startup_probe,
            first_frame_ms: None,
            page_reported: false,
            flight_probe: options.flight_probe.map(|_| (None, 0, 0)),
            tile_rendering: options
                .tile_rendering
                .unwrap_or_else(Rendering::for_this_machine),
            layer_views_inline: options
                .layer_views
                .or(options.tile_rendering)
                .unwrap_or_else(Rendering::for_this_machine)
                .on_this_thread(),
            offline: None,
            online: None,
            tile_cache: options
                .tile_cache
                .clone()
                .or_else(crate::basemap::source::cache_root),
            pmtiles_dialog: None,
            custom_basemap_dialog: None,
            screenshot: options.screenshot.map(|path| ScreenshotJob {
                path,
                frames: 0,
                started: crate::platform::Instant::now(),
                tour_export: None,
                keep_open: false,
                requested: false,
                result: ScreenshotResult::default(),
            }),
        };
        let tour_problems = app.load_library_tours();
        app.problems.extend(tour_problems.iter().cloned());
        app.build_problems.extend(tour_problems);
        if start_quiz {
            app.apply(Action::StartQuiz, 0.0);
        }
        for action in dialogs::route_files(open_files) {
            app.apply(action, 0.0);
        }
        if let Some(i) =
            open_article.and_then(|id| app.atlas.articles.iter().position(|a| a.id == id))
        {
            app.apply(
                Action::OpenArticle {
                    article: crate::model::ArticleIdx::from_index(i),
                    focus: None,
                },
                0.0,
            );
        }
        if let Some((tour, step)) = present {
            app.apply(Action::StartPresentation(Some(tour)), 0.0);
            app.apply(Action::GoToStep(step), 0.0);
            // The view of a started presentation is taken at once, not flown to.
            if let Some(flight) = app.flight.take() {
                apply_view(&mut app.memory, flight.to);
                app.state.view = flight.to;
            }
            if let (Some(dir), Some(job)) = (export_dir, app.screenshot.as_mut()) {
                let count = app.tours.get(tour).map_or(0, |t| t.steps.len());
                job.path = dir.join(format!("{:02}.png", step + 1));
                job.tour_export = Some((dir, count));
            }
        }
        app
    }

    /// Restores the remembered state from eframe's storage, then builds the app.
    #[must_use]
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        loaded: Loaded,
        options: StartOptions,
    ) -> Self {
        style::apply(&cc.egui_ctx);
        // A screenshot is for documentation and handouts: it shows the default (or the
        // given) view, never whatever the last session left behind.
        let state = if options.screenshot.is_some() {
            State::default()
        } else {
            cc.storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default()
        };
        Self::new(loaded, state, options)
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.advance_flight(&ctx);
        let atlas = Arc::clone(&self.atlas);
        let library_view = Arc::clone(&self.library_view);
        let mut actions = self.shortcuts(&ctx);
        let view_ctx = ViewCtx {
            atlas: &atlas,
            lang: self.lang,
            selected: self.selected,
            library: &library_view,
        };
        // A widget that just got the keyboard focus (Tab) is scrolled into view, wherever it
        // is: a link far down the side panel, a button below the quiz.
        let focus = ctx.memory(egui::Memory::focused);
        if focus != self.last_focus {
            self.last_focus = focus;
            if let Some(rect) = focus.and_then(|id| ctx.read_response(id)).map(|r| r.rect) {
                ctx.data_mut(|d| d.insert_temp(crate::ui::focus_to_show(), rect));
                ctx.request_repaint();
            }
        }
        if let Some(size) = self.pending_size.take() {
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
        }
        if let Some(fullscreen) = self.pending_fullscreen.take() {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(fullscreen));
        }
        if self.presentation.is_some() {
            // Presentation: the map alone, full screen, with the caption over it.
            CentralPanel::default()
                .frame(Frame::NONE)
                .show(ui, |ui| actions.extend(self.map_ui(ui, &atlas)));
            self.slide_ui(ui);
            self.presenter_window(&ctx);
            self.end_frame(&ctx, actions, now);
            return;
        }

        Panel::top("top_bar").show(ui, |ui| {
            actions.extend(ui::top_bar_ui(
                ui,
                view_ctx,
                &self.state.basemap,
                &mut self.search_query,
                &self.filter,
            ));
        });
        self.update_search();
        actions.extend(self.pmtiles_dialog_ui(&ctx));
        actions.extend(self.custom_basemap_dialog_ui(&ctx));
        actions.extend(self.export_dialog_ui(&ctx));
        actions.extend(self.tour_pdf_dialog_ui(&ctx));
        self.exported_ui(&ctx);
        actions.extend(self.dataset_window_ui(&ctx));
        actions.extend(dropped_files(&ctx));
        if let Some(late) = crate::platform::storage::take_late_problem() {
            let root = self
                .workspace
                .library
                .root()
                .map(std::path::Path::to_path_buf);
            self.problems.push(Problem::error(
                root.unwrap_or_default(),
                None,
                crate::msg!("problem-not-kept", error = late),
            ));
        }
        actions.extend(self.library_windows_ui(&ctx, view_ctx));
        if !self.problems.is_empty() {
            Panel::top("problems")
                .frame(Frame::new().fill(style::BANNER_BG).inner_margin(6.0))
                .show(ui, |ui| {
                    actions.extend(ui::banner_ui(
                        ui,
                        view_ctx,
                        &self.problems,
                        self.show_problems,
                    ));
                });
        }
        Panel::right("side_panel")
            .default_size(style::SIDE_PANEL_WIDTH)
            .max_size(style::SIDE_PANEL_WIDTH * 1.15)
            .min_size(style::SIDE_PANEL_MIN_WIDTH)
            .resizable(true)
            .show(ui, |ui| actions.extend(self.side_panel_ui(ui, &atlas)));
        // The timeline would give quiz answers away.
        if self.quiz.is_none() {
            Panel::bottom("timeline")
                .frame(Frame::side_top_panel(ui.style()).inner_margin(6.0))
                .resizable(false)
                .show(ui, |ui| {
                    let view_ctx = ViewCtx {
                        atlas: &atlas,
                        lang: self.lang,
                        selected: self.selected,
                        library: &library_view,
                    };
                    actions.extend(ui::timeline::timeline_ui(
                        ui,
                        view_ctx,
                        &mut self.timeline,
                        &self.filter,
                        &self.shown,
                        self.selected_event,
                    ));
                });
        }
        CentralPanel::default()
            .frame(Frame::NONE)
            .show(ui, |ui| actions.extend(self.map_ui(ui, &atlas)));
        self.end_frame(&ctx, actions, now);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return; // a documentation run leaves the user's remembered state alone
        }
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

impl AtlasApp {
    fn side_panel_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        let library_view = Arc::clone(&self.library_view);
        let view_ctx = ViewCtx {
            atlas,
            lang: self.lang,
            selected: self.selected,
            library: &library_view,
        };
        let in_process = |e: EventIdx| atlas.event(e).process;
        if let Some(quiz) = &self.quiz {
            ui::quiz::quiz_ui(ui, view_ctx, quiz)
        } else if !self.search_query.trim().is_empty() {
            ui::search::search_results_ui(ui, view_ctx, &self.search_query, &self.search_hits)
        } else if let Some(editor) = &mut self.tour_editor {
            match editor.picking {
                Some(step) => {
                    ui::tour_editor::passage_picker_ui(ui, view_ctx, step, self.reader.as_mut())
                }
                None => ui::tour_editor::tour_editor_ui(ui, view_ctx, editor),
            }
        } else if let Some(reader) = &mut self.reader {
            ui::reader_ui(ui, view_ctx, reader)
        } else if let Some(process) = self.process_view
            && self
                .selected_event
                .is_none_or(|e| in_process(e) == Some(process))
        {
            ui::processes::process_panel_ui(
                ui,
                view_ctx,
                process,
                &self.visible,
                self.selected_event,
            )
        } else if let Some(event) = self.selected_event {
            ui::event_panel::event_panel_ui(ui, view_ctx, event)
        } else if let Some(place) = self.selected {
            ui::place_panel_ui(ui, view_ctx, place)
        } else {
            ui::overview_ui(ui, view_ctx, &self.markers, &self.visible, &self.tours)
        }
    }

    /// After the panels: applies what they asked for, keeps a flight going, and moves the
    /// screenshot, export and benchmark jobs on (each does nothing unless it is under way).
    fn end_frame(&mut self, ctx: &egui::Context, mut actions: Vec<Action>, now: f64) {
        // The window is closing: what the tour editor holds is saved with it.
        if ctx.input(|i| i.viewport().close_requested()) {
            actions.extend(
                self.tour_editor
                    .as_mut()
                    .and_then(crate::ui::tour_editor::TourEditor::commit),
            );
        }
        for action in actions {
            self.apply(action, now);
        }
        if std::mem::take(&mut self.start_geoparser) {
            self.ensure_geoparser(ctx);
        }
        self.poll_geoparser(now);
        self.start_layers(ctx);
        self.poll_layers(ctx);
        // Views fitted to the map's size wait until the window has its final size (a --size
        // is applied on the first frame, and the map measured on the next).
        if self.settling && ctx.cumulative_frame_nr() >= 2 {
            self.settling = false;
            if let Some(place) = self.pending_select_fit.take() {
                self.select_with_lines(place, now);
            } else if self.quiz.is_some() {
                self.fly_to_question(now);
            }
            // Straight there, not flown: this is how the app opens.
            if let Some(flight) = self.flight.take() {
                apply_view(&mut self.memory, flight.to);
            }
            ctx.request_repaint();
        } else if self.settling {
            ctx.request_repaint();
        }
        if self.flight.is_some() {
            ctx.request_repaint();
        }
        self.state.view = self.view();
        self.screenshot_done(ctx);
        self.screenshot_step(ctx);
        self.export_step(ctx);
        self.startup_step(ctx);
        self.flight_step(ctx);
    }
}

/// Per event: whether it is among `visible`.
fn shown_mask(events: usize, visible: &[EventIdx]) -> Vec<bool> {
    let mut mask = vec![false; events];
    for e in visible {
        if let Some(slot) = mask.get_mut(e.index()) {
            *slot = true;
        }
    }
    mask
}

use crate::map::flight::select_zoom;

fn apply_view(memory: &mut MapMemory, view: MapView) {
    memory.center_at(lat_lon(view.lat, view.lon));
    let _ = memory.set_zoom(view.zoom.clamp(MIN_ZOOM, MAX_ZOOM));
}

fn current_view(memory: &MapMemory, fallback: MapView) -> MapView {
    let center = memory
        .detached()
        .map_or((fallback.lat, fallback.lon), |p| (p.y(), p.x()));
    MapView {
        lat: center.0,
        lon: center.1,
        zoom: memory.zoom(),
    }
}
