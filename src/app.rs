//! The eframe app: owns the persisted [`State`] and the runtime resources, lays out the panels,
//! and is the one place that applies their [`Action`]s.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{CentralPanel, Frame, Key, Panel, Rect, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};
use walkers::{Map, MapMemory, Plugin, Projector, lat_lon};

use crate::i18n::Lang;
use crate::ingest::{Loaded, Problem};
use crate::map::flight::{self, MAX_ZOOM, MIN_ZOOM};
use crate::map::markers::{MarkerClick, MarkersPlugin};
use crate::map::{Flight, MapView, graticule};
use crate::model::{Atlas, PlaceIdx, PlaceKind};
use crate::style;
use crate::ui::{self, Action, ReaderState, ViewCtx};

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The chosen language; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// The last map view.
    pub view: MapView,
}

impl Default for State {
    fn default() -> Self {
        Self {
            lang: None,
            view: MapView::REGION,
        }
    }
}

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// `--view`: overrides the remembered view.
    pub view: Option<MapView>,
    /// `--select`: open with this place selected (and, without `--view`, centred on it).
    pub select: Option<PlaceIdx>,
    /// `--screenshot`: write the window to this PNG once loaded, then quit.
    pub screenshot: Option<PathBuf>,
    /// Overrides the remembered language (tests, handouts in one language).
    pub lang: Option<Lang>,
    /// `--bench-startup`: when the process started; the first frame reports the time since
    /// then on stdout and closes the window.
    pub startup_probe: Option<std::time::Instant>,
}

/// Where the result of `--screenshot` is reported back to `main`.
pub type ScreenshotResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    requested: bool,
    result: ScreenshotResult,
}

/// The Mediation Atlas application.
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
    startup_probe: Option<std::time::Instant>,
}

impl AtlasApp {
    /// Builds the app on a loaded atlas, restoring `state` and applying `options`.
    #[must_use]
    pub fn new(loaded: Loaded, mut state: State, options: StartOptions) -> Self {
        let select = options
            .select
            .filter(|p| p.index() < loaded.atlas.places.len());
        if let Some(place) = select {
            let p = loaded.atlas.place(place);
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
        let lang = state.lang.unwrap_or_else(Lang::from_system);
        let mut memory = MapMemory::default();
        apply_view(&mut memory, state.view);
        let markers = loaded.atlas.marker_places();
        Self {
            state,
            lang,
            atlas: Arc::new(loaded.atlas),
            problems: loaded.problems,
            markers,
            memory,
            selected: select,
            reader: None,
            flight: None,
            show_problems: false,
            map_rect: Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(880.0, 720.0)),
            startup_probe: options.startup_probe,
            screenshot: options.screenshot.map(|path| ScreenshotJob {
                path,
                frames: 0,
                requested: false,
                result: ScreenshotResult::default(),
            }),
        }
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

    /// Where `--screenshot` reports its outcome.
    #[must_use]
    pub fn screenshot_result(&self) -> Option<ScreenshotResult> {
        self.screenshot.as_ref().map(|job| Arc::clone(&job.result))
    }

    #[must_use]
    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    #[must_use]
    pub fn selected(&self) -> Option<PlaceIdx> {
        self.selected
    }

    #[must_use]
    pub fn reader(&self) -> Option<&ReaderState> {
        self.reader.as_ref()
    }

    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    #[must_use]
    pub fn state(&self) -> &State {
        &self.state
    }

    /// Whether a flight is under way (the app repaints only then, or while the user drags).
    #[must_use]
    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// The current map view.
    #[must_use]
    pub fn view(&self) -> MapView {
        current_view(&self.memory, self.state.view)
    }

    /// Applies one action. Public so that tests and other front ends can drive the app.
    pub fn apply(&mut self, action: Action, now: f64) {
        match action {
            Action::SelectPlace(place) => {
                self.reader = None;
                self.select(place, now);
            }
            Action::FocusPlace(place) => self.select(place, now),
            Action::FitPlaces(places) => {
                let points: Vec<(f64, f64)> = places
                    .iter()
                    .map(|&p| (self.atlas.place(p).lat, self.atlas.place(p).lon))
                    .collect();
                if let Some(mut view) = flight::fit(&points, self.map_rect.size(), 9.0) {
                    view.zoom = view.zoom.max(self.view().zoom + 1.5).min(MAX_ZOOM);
                    self.fly_to(view, now);
                }
            }
            Action::OpenArticle { article, focus } => {
                if article.index() < self.atlas.articles.len() {
                    self.reader = Some(ReaderState::new(&self.atlas, article, focus));
                }
            }
            Action::CloseArticle => self.reader = None,
            Action::ClearSelection => {
                self.selected = None;
                self.reader = None;
            }
            Action::SetLang(lang) => {
                self.lang = lang;
                self.state.lang = Some(lang);
            }
            Action::ResetView => self.fly_to(MapView::REGION, now),
            Action::Zoom(delta) => {
                let mut view = self.flight.map_or_else(|| self.view(), |f| f.to);
                view.zoom = (view.zoom + delta).clamp(MIN_ZOOM, MAX_ZOOM);
                self.fly_to(view, now);
            }
            Action::ToggleProblems => self.show_problems = !self.show_problems,
        }
    }

    fn select(&mut self, place: PlaceIdx, now: f64) {
        if place.index() >= self.atlas.places.len() {
            return;
        }
        self.selected = Some(place);
        let p = self.atlas.place(place);
        let zoom = self.view().zoom.max(select_zoom(p.kind)).min(8.0);
        self.fly_to(
            MapView {
                lat: p.lat,
                lon: p.lon,
                zoom,
            },
            now,
        );
    }

    fn fly_to(&mut self, to: MapView, now: f64) {
        self.flight = Some(Flight::new(self.view(), to, now));
    }

    fn advance_flight(&mut self, ctx: &egui::Context) {
        let Some(flight) = self.flight else { return };
        let (view, done) = flight.at(ctx.input(|i| i.time));
        apply_view(&mut self.memory, view);
        if done {
            self.flight = None;
        } else {
            ctx.request_repaint();
        }
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        if ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        let mut actions = Vec::new();
        ctx.input(|i| {
            if i.key_pressed(Key::Home) {
                actions.push(Action::ResetView);
            }
            if i.key_pressed(Key::Escape) {
                actions.push(if self.reader.is_some() {
                    Action::CloseArticle
                } else {
                    Action::ClearSelection
                });
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                actions.push(Action::Zoom(1.0));
            }
            if i.key_pressed(Key::Minus) {
                actions.push(Action::Zoom(-1.0));
            }
        });
        actions
    }

    fn side_panel_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        let view_ctx = ViewCtx {
            atlas,
            lang: self.lang,
            selected: self.selected,
        };
        if let Some(reader) = &mut self.reader {
            ui::reader_ui(ui, view_ctx, reader)
        } else if let Some(place) = self.selected {
            ui::place_panel_ui(ui, view_ctx, place)
        } else {
            ui::overview_ui(ui, view_ctx, &self.markers)
        }
    }

    fn map_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        let mut clicked = None;
        let markers = MarkersPlugin {
            atlas,
            markers: &self.markers,
            lang: self.lang,
            selected: self.selected,
            clicked: &mut clicked,
        };
        let center = lat_lon(self.state.view.lat, self.state.view.lon);
        let response = Map::new(None, &mut self.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true)
            .with_plugin(PlainBasemap)
            .with_plugin(markers)
            .show(ui, |_, _, _, _| ())
            .response;
        self.map_rect = response.rect;
        if response.dragged() {
            self.flight = None;
        }
        // Keep the zoom in the range the app supports.
        let zoom = self.memory.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
            let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        }
        match clicked {
            Some(MarkerClick::Place(place)) => vec![Action::SelectPlace(place)],
            Some(MarkerClick::Group(places)) => vec![Action::FitPlaces(places)],
            None => Vec::new(),
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if job.requested {
            return;
        }
        // Wait a few frames so fonts and layout have settled, and for any flight to land.
        if job.frames >= 3 && self.flight.is_none() {
            let (path, result, ctx2) = (job.path.clone(), Arc::clone(&job.result), ctx.clone());
            ctx.request_screenshot(move |image| {
                let outcome = crate::export::save_png(&image, &path)
                    .map(|()| path.clone())
                    .map_err(|e| format!("{}: {e}", path.display()));
                if let Ok(mut slot) = result.lock() {
                    *slot = Some(outcome);
                }
                ctx2.send_viewport_cmd(ViewportCommand::Close);
                ctx2.request_repaint();
            });
            job.requested = true;
        } else {
            job.frames += 1;
        }
        ctx.request_repaint();
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.advance_flight(&ctx);
        let atlas = Arc::clone(&self.atlas);
        let mut actions = self.shortcuts(&ctx);
        let view_ctx = ViewCtx {
            atlas: &atlas,
            lang: self.lang,
            selected: self.selected,
        };

        Panel::top("top_bar").show(ui, |ui| actions.extend(ui::top_bar_ui(ui, view_ctx)));
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
            .min_size(style::SIDE_PANEL_MIN_WIDTH)
            .resizable(true)
            .show(ui, |ui| actions.extend(self.side_panel_ui(ui, &atlas)));
        CentralPanel::default()
            .frame(Frame::NONE)
            .show(ui, |ui| actions.extend(self.map_ui(ui, &atlas)));

        for action in actions {
            self.apply(action, now);
        }
        if self.flight.is_some() {
            ctx.request_repaint();
        }
        self.state.view = self.view();
        self.screenshot_step(&ctx);
        if let Some(start) = self.startup_probe.take() {
            println!(
                "first frame: {:.1} ms after start",
                start.elapsed().as_secs_f64() * 1000.0
            );
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_some() {
            return; // a documentation run leaves the user's remembered state alone
        }
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// How close the map goes to a place that is selected.
fn select_zoom(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Country => 4.5,
        PlaceKind::Region | PlaceKind::Site => 6.5,
        PlaceKind::Capital | PlaceKind::City => 6.0,
    }
}

/// The plain base map, drawn before the markers.
struct PlainBasemap;

impl Plugin for PlainBasemap {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        graticule::paint(ui, projector);
    }
}

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
