//! The eframe app: owns the persisted [`State`] and the runtime resources, lays out the panels,
//! and is the one place that applies their [`Action`]s.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::{CentralPanel, Frame, Key, Panel, Rect, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};
use walkers::{Map, MapMemory, Plugin, Projector, Tiles, lat_lon};

use crate::basemap::labels;
use crate::basemap::source::{self, BasemapChoice};
use crate::basemap::tiles::{OfflineTiles, Rendering, world_if_ready};

use crate::i18n::Lang;
use crate::ingest::{Loaded, Problem};
use crate::map::flight::{self, MAX_ZOOM, MIN_ZOOM};
use crate::map::lines::{Focus, GeometryCache, Line, LinesPlugin};
use crate::map::markers::{MarkerClick, MarkersPlugin};
use crate::map::{Flight, MapView, graticule};
use crate::model::EventIdx;
use crate::model::filter::{self as event_filter, Filter};
use crate::model::search::{Hit, SearchIndex};
use crate::model::tour::{StepView, Tour, TourStep};
use crate::model::{Atlas, PlaceIdx, PlaceKind};
use crate::style;
use crate::ui::quiz::QuizState;
use crate::ui::timeline::TimelineState;
use crate::ui::{self, Action, MapMode, ReaderState, ViewCtx};

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The chosen language; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// The last map view.
    pub view: MapView,
    /// The chosen base map.
    pub basemap: BasemapChoice,
    /// Markers at venues or at conflicts.
    pub map_mode: MapMode,
}

impl Default for State {
    fn default() -> Self {
        Self {
            lang: None,
            view: MapView::REGION,
            basemap: BasemapChoice::Offline,
            map_mode: MapMode::Venues,
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
    /// The guided tours (from `data/tours/`).
    pub tours: Vec<Tour>,
    /// `--tour`/`--step`: start presenting this tour (index) at this step (0-based).
    pub present: Option<(usize, usize)>,
    /// `--export-tour DIR` (with `--screenshot`'s machinery): write every step as a PNG.
    pub export_dir: Option<PathBuf>,
    /// `--quiz`: start with the quiz.
    pub quiz: bool,
    /// `--bench-flight`: when the process started; the app flies back and forth between two
    /// views for five seconds, prints the frame rate, and closes.
    pub flight_probe: Option<std::time::Instant>,
    /// The day the timeline ends at (tests fix it; default: the system clock).
    pub today: Option<crate::model::Date>,
    /// `--basemap`: overrides the remembered base map.
    pub basemap: Option<BasemapChoice>,
    /// How the embedded map's tiles are drawn (tests draw them inline, deterministically).
    pub tile_rendering: Option<Rendering>,
    /// `--bench-startup`: when the process started; the first frame reports the time since
    /// then on stdout and closes the window.
    pub startup_probe: Option<std::time::Instant>,
}

/// Where the result of `--screenshot` is reported back to `main`.
pub type ScreenshotResult = Arc<Mutex<Option<Result<PathBuf, String>>>>;

struct ScreenshotJob {
    path: PathBuf,
    frames: u32,
    started: std::time::Instant,
    /// A tour export: the folder and the number of steps (one PNG each, 01.png, 02.png …).
    tour_export: Option<(PathBuf, usize)>,
    /// Started from the UI: when done, the app goes on instead of quitting.
    keep_open: bool,
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
    /// `--bench-startup`: when the first frame ended, in ms after start.
    first_frame_ms: Option<f64>,
    /// `--bench-flight`: when measuring began, the frames since, and the flights flown.
    flight_probe: Option<(Option<std::time::Instant>, u32, u32)>,
    tile_rendering: Rendering,
    /// The embedded base map; made on the first frame (it needs the egui context).
    offline: Option<OfflineTiles>,
    /// The chosen source above it, if not the embedded one, with the choice it was made for.
    online: Option<(BasemapChoice, Box<dyn Tiles>)>,
    /// The path typed into the "PMTiles file" dialog, while it is open.
    pmtiles_dialog: Option<String>,
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
    /// Whether the window was put in full screen (for the quiz in front of a class).
    fullscreen: bool,
    /// A quiz under way.
    quiz: Option<QuizState>,
    /// The "export PNG" dialog's path and size, while it is open.
    export_dialog: Option<(String, ExportSize)>,
    /// An export from the UI under way.
    export: Option<ExportJob>,
    /// Where the last export went (shown until dismissed).
    exported: Option<PathBuf>,
    /// Seed of the next quiz (each new quiz shuffles differently).
    quiz_seed: u64,
}

/// A presentation under way: a tour, or the view as it was when F5 was pressed.
#[derive(Debug, Clone)]
pub struct Presentation {
    /// Index into the tours; `None` for the one-step presentation of the current view.
    pub tour: Option<usize>,
    /// 0-based.
    pub step: usize,
    /// Digits typed for a jump (then Enter).
    digits: String,
    /// The caption of a one-step presentation.
    caption: String,
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
        if let Some(basemap) = options.basemap {
            state.basemap = basemap;
        }
        let lang = state.lang.unwrap_or_else(Lang::from_system);
        let mut memory = MapMemory::default();
        apply_view(&mut memory, state.view);
        let filter = Filter::default();
        let visible = filter.events(&loaded.atlas);
        let markers = match state.map_mode {
            MapMode::Venues => event_filter::marker_places(&loaded.atlas, &visible),
            MapMode::Conflicts => event_filter::conflict_places(&loaded.atlas, &visible),
        };
        let timeline = TimelineState::new(options.today.unwrap_or_else(crate::ingest::today));
        let shown = shown_mask(loaded.atlas.events.len(), &visible);
        let present = options.present;
        let export_dir = options.export_dir.clone();
        let start_quiz = options.quiz;
        let mut app = Self {
            filter,
            visible,
            shown,
            selected_event: None,
            timeline,
            process_view: None,
            search_index: SearchIndex::new(&loaded.atlas),
            labels_memo: None,
            tours: options.tours,
            presentation: None,
            pending_fullscreen: None,
            fullscreen: false,
            quiz: None,
            quiz_seed: 1,
            export_dialog: None,
            export: None,
            exported: None,
            search_query: String::new(),
            search_for: String::new(),
            search_hits: Vec::new(),
            lines: Vec::new(),
            lines_key: None,
            lines_version: 0,
            lines_projected: (None, Vec::new()),
            geometry: GeometryCache::default(),
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
            first_frame_ms: None,
            flight_probe: options.flight_probe.map(|_| (None, 0, 0)),
            tile_rendering: options
                .tile_rendering
                .unwrap_or_else(Rendering::for_this_machine),
            offline: None,
            online: None,
            pmtiles_dialog: None,
            screenshot: options.screenshot.map(|path| ScreenshotJob {
                path,
                frames: 0,
                started: std::time::Instant::now(),
                tour_export: None,
                keep_open: false,
                requested: false,
                result: ScreenshotResult::default(),
            }),
        };
        if start_quiz {
            app.apply(Action::StartQuiz, 0.0);
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

    /// The embedded base map's tiles: (on hand as textures, still being drawn); `None` before
    /// the first frame.
    #[must_use]
    pub fn basemap_tiles(&self) -> Option<(usize, usize)> {
        self.offline.as_ref().map(|o| (o.textures(), o.pending()))
    }

    /// Whether a source above the embedded map (online or a file) is in use.
    #[must_use]
    pub fn has_overlay_source(&self) -> bool {
        self.online.is_some()
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

    /// The events that pass the filters, in date order.
    #[must_use]
    pub fn visible_events(&self) -> &[EventIdx] {
        &self.visible
    }

    /// The places drawn as markers, with their counts.
    #[must_use]
    pub fn markers(&self) -> &[(PlaceIdx, usize)] {
        &self.markers
    }

    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    #[must_use]
    pub fn selected_event(&self) -> Option<EventIdx> {
        self.selected_event
    }

    /// The lines on the map now.
    #[must_use]
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The tours.
    #[must_use]
    pub fn tours(&self) -> &[Tour] {
        &self.tours
    }

    /// The presentation under way, if any.
    #[must_use]
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    fn current_step(&self, p: &Presentation) -> Option<&TourStep> {
        self.tours.get(p.tour?)?.steps.get(p.step)
    }

    fn step_count(&self, p: &Presentation) -> usize {
        p.tour
            .and_then(|t| self.tours.get(t))
            .map_or(1, |t| t.steps.len())
    }

    /// Shows step `step` of the presentation: its range, selection and view (flown to).
    fn go_to_step(&mut self, step: usize, now: f64) {
        let Some(mut p) = self.presentation.take() else {
            return;
        };
        p.step = step.min(self.step_count(&p).saturating_sub(1));
        p.digits.clear();
        let current = self.current_step(&p).cloned();
        self.presentation = Some(p);
        let Some(step) = current else { return };
        self.filter = Filter {
            range: step.range,
            ..Filter::default()
        };
        self.refresh();
        self.reader = None;
        self.selected = step.select_place;
        self.selected_event = step.select_event;
        // The caption covers the bottom of the screen (and the step counter the top): places are fitted into the band between them.
        let above_caption = egui::vec2(
            self.map_rect.width(),
            (self.map_rect.height() - CAPTION_HEIGHT - COUNTER_HEIGHT).max(200.0),
        );
        let fit_above = |points: &[(f64, f64)], max_zoom: f64| {
            flight::fit(points, above_caption, max_zoom).map(|v| {
                let world = 256.0 * 2f64.powf(v.zoom);
                let (x, y) = flight::mercator(v);
                let shift = f64::from(CAPTION_HEIGHT - COUNTER_HEIGHT) / 2.0 / world;
                let (lat, lon) = flight::inverse_mercator(x, y + shift);
                MapView { lat, lon, ..v }
            })
        };
        let mut with_lines: Vec<(f64, f64)> = step
            .highlight
            .iter()
            .chain(&step.select_event)
            .flat_map(|&e| self.event_places(e))
            .map(|p| (self.atlas.place(p).lat, self.atlas.place(p).lon))
            .collect();
        let view = match &step.view {
            // A place with the lines of the step's events: all their ends in view.
            StepView::Place(place) => {
                let p = self.atlas.place(*place);
                with_lines.push((p.lat, p.lon));
                fit_above(&with_lines, select_zoom(p.kind))
            }
            StepView::FitEvents(events) => {
                let mut points: Vec<(f64, f64)> = events
                    .iter()
                    .flat_map(|&e| self.event_places(e))
                    .map(|p| (self.atlas.place(p).lat, self.atlas.place(p).lon))
                    .collect();
                points.extend(with_lines);
                fit_above(&points, 7.0)
            }
            StepView::At { lat, lon, zoom } => Some(MapView {
                lat: *lat,
                lon: *lon,
                zoom: *zoom,
            }),
        };
        if let Some(view) = view {
            self.fly_to(view, now);
        }
    }

    /// Where a point is on the screen in the current view (for tests that click the map).
    #[must_use]
    pub fn screen_pos(&self, lat: f64, lon: f64) -> egui::Pos2 {
        let view = self.view();
        let world = 256.0 * 2f64.powf(view.zoom);
        let (cx, cy) = flight::mercator(view);
        let (x, y) = flight::mercator(MapView {
            lat,
            lon,
            zoom: view.zoom,
        });
        let c = self.map_rect.center();
        egui::pos2(
            c.x + ((x - cx) * world) as f32,
            c.y + ((y - cy) * world) as f32,
        )
    }

    /// The quiz under way, if any.
    #[must_use]
    pub fn quiz(&self) -> Option<&QuizState> {
        self.quiz.as_ref()
    }

    /// Judges an answer to the current question; a place answer shows the right place.
    fn judge(&mut self, answer: &crate::model::quiz::Answer) {
        let Some(quiz) = &mut self.quiz else { return };
        let Some(question) = quiz.current() else {
            return;
        };
        if quiz.verdict.is_some() {
            return;
        }
        let verdict = crate::model::quiz::judge(&self.atlas, question, answer);
        quiz.score.record(&verdict);
        let click = match answer {
            crate::model::quiz::Answer::Place { lat, lon } => Some((*lat, *lon)),
            _ => None,
        };
        quiz.verdict = Some((verdict, click));
        if let Some(place) = verdict.nearest {
            self.selected = Some(place);
        }
    }

    /// What a one-step presentation of the current view says: the selected event or place,
    /// else the atlas's title, with the time range.
    fn view_caption(&self) -> String {
        let what = match (self.selected_event, self.selected) {
            (Some(e), _) => self.atlas.event(e).title(self.lang).to_owned(),
            (None, Some(p)) => self.atlas.place(p).name(self.lang).to_owned(),
            (None, None) => self.lang.t().no_selection_title.to_owned(),
        };
        match self.filter.range {
            Some((a, b)) => format!("{what} · {}", crate::i18n::format_range(a, b, self.lang)),
            None => what,
        }
    }

    /// The hits of the current search.
    #[must_use]
    pub fn search_hits(&self) -> &[Hit] {
        &self.search_hits
    }

    /// Searches again if the query changed.
    fn update_search(&mut self) {
        if self.search_query != self.search_for {
            self.search_hits =
                self.search_index
                    .search(&self.atlas, &self.search_query, self.lang, SEARCH_LIMIT);
            self.search_for.clone_from(&self.search_query);
        }
    }

    /// Recomputes the lines when the selection, the filters or the mode changed.
    fn update_lines(&mut self) {
        let step_events = self.presentation.as_ref().and_then(|p| {
            let step = self.current_step(p)?;
            let mut events = step.highlight.clone();
            events.extend(step.select_event);
            Some(events)
        });
        let focus = match (step_events, self.selected_event, self.selected) {
            (Some(events), _, _) => Focus::Events(events),
            (None, Some(e), _) => Focus::Event(e),
            (None, None, Some(p)) => Focus::Place(p),
            (None, None, None) => Focus::Overview,
        };
        let key = (focus.clone(), self.filter.clone(), self.state.map_mode);
        if self.lines_key.as_ref() == Some(&key) {
            return;
        }
        self.lines = crate::map::lines::lines_for(
            &self.atlas,
            &focus,
            &self.filter,
            &self.visible,
            self.state.map_mode == MapMode::Conflicts,
            &mut self.geometry,
        );
        self.lines_key = Some(key);
        self.lines_version += 1;
    }

    /// Recomputes what depends on the filters and the map mode.
    fn refresh(&mut self) {
        self.visible = self.filter.events(&self.atlas);
        self.shown = shown_mask(self.atlas.events.len(), &self.visible);
        self.markers = match self.state.map_mode {
            MapMode::Venues => event_filter::marker_places(&self.atlas, &self.visible),
            MapMode::Conflicts => event_filter::conflict_places(&self.atlas, &self.visible),
        };
    }

    /// The places an event concerns: venues, conflict regions, participants' places.
    fn event_places(&self, event: EventIdx) -> Vec<PlaceIdx> {
        let e = self.atlas.event(event);
        let mut places: Vec<PlaceIdx> = e.places.iter().chain(&e.about).copied().collect();
        for participant in &e.participants {
            if let Some(p) = self.atlas.party_place(participant.who) {
                places.push(p);
            }
        }
        places.sort_unstable();
        places.dedup();
        places
    }

    /// Applies one action. Public so that tests and other front ends can drive the app.
    pub fn apply(&mut self, action: Action, now: f64) {
        match action {
            Action::SelectEvent(event) => {
                if event.index() >= self.atlas.events.len() {
                    return;
                }
                self.selected_event = Some(event);
                self.reader = None;
                let points: Vec<(f64, f64)> = self
                    .event_places(event)
                    .iter()
                    .map(|&p| (self.atlas.place(p).lat, self.atlas.place(p).lon))
                    .collect();
                if let Some(mut view) = flight::fit(&points, self.map_rect.size(), 7.0) {
                    view.zoom = view.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
                    self.fly_to(view, now);
                }
            }
            Action::SetRange(range) => {
                self.filter.range = range.map(|(a, b)| (a.min(b), a.max(b)));
                self.refresh();
            }
            Action::ToggleProcess(p) => {
                Filter::toggle(&mut self.filter.processes, p);
                self.refresh();
            }
            Action::ToggleKind(k) => {
                Filter::toggle(&mut self.filter.kinds, k);
                self.refresh();
            }
            Action::ToggleActor(a) => {
                Filter::toggle(&mut self.filter.actors, a);
                self.refresh();
            }
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.refresh();
            }
            Action::SetMapMode(mode) => {
                self.state.map_mode = mode;
                self.refresh();
            }
            Action::OpenExportDialog => {
                let name = format!("mediation-atlas-{}.png", crate::ingest::today().to_iso());
                let dir = directories::UserDirs::new()
                    .and_then(|d| d.picture_dir().map(Path::to_path_buf))
                    .unwrap_or_default();
                self.export_dialog =
                    Some((dir.join(name).display().to_string(), ExportSize::FullHd));
            }
            Action::Export(path, size) => {
                self.export_dialog = None;
                self.export = Some(ExportJob {
                    path,
                    size: size.size(),
                    restore: self.map_rect.size(),
                    frames: 0,
                    requested: false,
                    result: ScreenshotResult::default(),
                });
            }
            Action::ExportTour(tour) => {
                let Some(t) = self.tours.get(tour) else {
                    return;
                };
                let (id, count) = (t.id.clone(), t.steps.len());
                let dir = directories::UserDirs::new()
                    .and_then(|d| d.picture_dir().map(Path::to_path_buf))
                    .unwrap_or_default()
                    .join(format!("mediation-atlas-{id}"));
                if let Err(e) = std::fs::create_dir_all(&dir) {
                    self.problems.push(Problem::error(
                        dir.clone(),
                        None,
                        format!("cannot create: {e}"),
                    ));
                    return;
                }
                // The job first: a presentation for a screenshot stays in the window.
                self.screenshot = Some(ScreenshotJob {
                    path: dir.join("01.png"),
                    frames: 0,
                    started: std::time::Instant::now(),
                    tour_export: Some((dir, count)),
                    keep_open: true,
                    requested: false,
                    result: ScreenshotResult::default(),
                });
                self.apply(Action::StartPresentation(Some(tour)), now);
            }
            Action::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                self.pending_fullscreen = Some(self.fullscreen);
            }
            Action::StartQuiz => {
                let questions = crate::model::quiz::build_quiz(&self.atlas, self.quiz_seed);
                self.quiz_seed += 1;
                self.quiz = Some(QuizState::new(questions));
                self.selected = None;
                self.selected_event = None;
                self.reader = None;
                self.process_view = None;
                self.search_query.clear();
                self.filter = Filter::default();
                self.refresh();
                self.fly_to(MapView::REGION, now);
            }
            Action::StopQuiz => {
                self.quiz = None;
                if self.fullscreen {
                    self.fullscreen = false;
                    self.pending_fullscreen = Some(false);
                }
                self.refresh();
            }
            Action::QuizAnswer(answer) => self.judge(&answer),
            Action::QuizOrderClick(event) => {
                let mut complete = None;
                if let Some(quiz) = &mut self.quiz
                    && quiz.verdict.is_none()
                    && !quiz.order.contains(&event)
                {
                    quiz.order.push(event);
                    if let Some(crate::model::quiz::QuestionKind::Order { events, .. }) =
                        quiz.current().map(|q| &q.kind)
                        && quiz.order.len() == events.len()
                    {
                        complete = Some(crate::model::quiz::Answer::Order(quiz.order.clone()));
                    }
                }
                if let Some(answer) = complete {
                    self.judge(&answer);
                }
            }
            Action::QuizNext => {
                if let Some(quiz) = &mut self.quiz {
                    quiz.index += 1;
                    quiz.verdict = None;
                    quiz.order.clear();
                }
                self.selected = None;
                self.fly_to(MapView::REGION, now);
            }
            Action::StartPresentation(tour) => {
                let tour = tour.filter(|&t| self.tours.get(t).is_some_and(|t| !t.steps.is_empty()));
                let caption = self.view_caption();
                self.presentation = Some(Presentation {
                    tour,
                    step: 0,
                    digits: String::new(),
                    caption,
                });
                // Full screen, except for a screenshot (it keeps the size asked for).
                if self.screenshot.is_none() {
                    self.pending_fullscreen = Some(true);
                }
                self.search_query.clear();
                if tour.is_some() {
                    self.go_to_step(0, now);
                }
            }
            Action::StopPresentation => {
                self.presentation = None;
                self.pending_fullscreen = Some(false);
            }
            Action::NextStep => {
                if let Some(p) = &self.presentation {
                    let next = p.step + 1;
                    if next < self.step_count(p) {
                        self.go_to_step(next, now);
                    }
                }
            }
            Action::PrevStep => {
                if let Some(p) = &self.presentation
                    && p.step > 0
                {
                    let prev = p.step - 1;
                    self.go_to_step(prev, now);
                }
            }
            Action::GoToStep(step) => self.go_to_step(step, now),
            Action::SetSearch(query) => {
                self.search_query = query;
                self.update_search();
            }
            Action::CloseEvent => {
                self.selected_event = None;
                self.process_view = None;
            }
            Action::ShowProcess(process) => {
                self.process_view = process;
                self.selected = None;
                self.reader = None;
            }
            Action::SelectPlace(place) => {
                self.reader = None;
                self.selected_event = None;
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
                self.selected_event = None;
                self.reader = None;
                self.process_view = None;
            }
            Action::SetBasemap(choice) => self.state.basemap = choice,
            Action::OpenPmtilesDialog => self.pmtiles_dialog = Some(String::new()),
            Action::SetLang(lang) => {
                self.lang = lang;
                self.state.lang = Some(lang);
                self.search_for.clear();
                self.update_search();
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

    /// The "export PNG" dialog.
    fn export_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some((path, size)) = &mut self.export_dialog else {
            return Vec::new();
        };
        let t = self.lang.t();
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(t.export_title).show(ctx, |ui| {
            ui.label(t.export_prompt);
            ui.add(egui::TextEdit::singleline(path).desired_width(460.0));
            ui.horizontal(|ui| {
                ui.label(t.export_size);
                for s in [ExportSize::FullHd, ExportSize::Hd, ExportSize::Window] {
                    let label = if s == ExportSize::Window {
                        t.export_window
                    } else {
                        s.label()
                    };
                    ui.selectable_value(size, s, label);
                }
            });
            let (ok, cancel) = ok_cancel(
                ui,
                [t.export_save, t.cancel],
                !path.trim().is_empty(),
                false,
            );
            if ok {
                actions.push(Action::Export(PathBuf::from(path.trim()), *size));
            }
            close = ok || cancel;
        });
        if close {
            self.export_dialog = None;
        }
        actions
    }

    /// "Saved: …" after an export, until dismissed.
    fn exported_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.exported else { return };
        let mut close = false;
        egui::Area::new(egui::Id::unique("exported"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 44.0))
            .show(ctx, |ui| {
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(format!(
                            "✔ {} {}",
                            self.lang.t().export_saved,
                            path.display()
                        ));
                        close = ui.button("✖").clicked();
                    });
                });
            });
        if close {
            self.exported = None;
        }
    }

    /// An export under way: resize, wait for the tiles, capture, write, size back.
    fn export_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.export else { return };
        if job.requested {
            let written = job.result.lock().ok().and_then(|r| r.clone());
            if let Some(outcome) = written {
                match outcome {
                    Ok(path) => self.exported = Some(path),
                    Err(message) => {
                        self.problems
                            .push(Problem::error(job.path.clone(), None, message));
                    }
                }
                if job.size.is_some() {
                    ctx.send_viewport_cmd(ViewportCommand::InnerSize(job.restore));
                }
                self.export = None;
            }
            return;
        }
        if job.frames == 0
            && let Some(size) = job.size
        {
            job.restore = ctx.content_rect().size();
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
        }
        job.frames += 1;
        let tiles_busy = self.offline.as_ref().is_some_and(|o| o.pending() > 0);
        if job.frames >= 6 && !tiles_busy {
            capture_png(ctx, job.path.clone(), Arc::clone(&job.result));
            job.requested = true;
        }
        ctx.request_repaint();
    }

    /// The caption and the step counter of the presentation.
    fn slide_ui(&self, ui: &mut Ui) {
        let Some(p) = &self.presentation else { return };
        let step = self.current_step(p);
        let title = p
            .tour
            .and_then(|t| self.tours.get(t))
            .map_or(self.lang.t().app_title, |t| t.title(self.lang));
        let caption = step.map_or(p.caption.as_str(), |s| s.caption(self.lang));
        let passage = step.and_then(|s| ui::present::passage_text(&self.atlas, s, self.lang));
        ui::present::slide_ui(
            ui,
            &ui::present::Slide {
                title,
                caption,
                passage,
                number: p.step + 1,
                count: self.step_count(p),
                digits: &p.digits,
            },
        );
    }

    /// The presenter's notes in a window of their own (a second viewport where the platform
    /// has one, else a window inside the app).
    fn presenter_window(&self, ctx: &egui::Context) {
        let Some(p) = &self.presentation else { return };
        if self.screenshot.is_some() {
            return; // handouts show the slide, not the speaker's notes
        }
        let Some(tour) = p.tour.and_then(|t| self.tours.get(t)) else {
            return;
        };
        let lang = self.lang;
        let (number, count) = (p.step + 1, tour.steps.len());
        let current = tour.steps.get(p.step);
        let next = tour.steps.get(p.step + 1);
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("presenter_notes"),
            egui::ViewportBuilder::default()
                .with_title(lang.t().presenter_window)
                .with_inner_size([560.0, 460.0]),
            |ui, _class| {
                ui::present::presenter_ui(ui, lang, tour.title(lang), number, count, current, next);
            },
        );
    }

    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        if ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        let mut actions = Vec::new();
        if let Some(p) = &mut self.presentation {
            ctx.input(|i| {
                use Key::{
                    ArrowDown, ArrowLeft, ArrowRight, ArrowUp, End, Enter, Escape, Home, PageDown,
                    PageUp, Space,
                };
                if [ArrowRight, ArrowDown, Space, PageDown]
                    .iter()
                    .any(|&k| i.key_pressed(k))
                {
                    actions.push(Action::NextStep);
                }
                if [ArrowLeft, ArrowUp, PageUp]
                    .iter()
                    .any(|&k| i.key_pressed(k))
                {
                    actions.push(Action::PrevStep);
                }
                if i.key_pressed(Home) {
                    actions.push(Action::GoToStep(0));
                }
                if i.key_pressed(End) {
                    actions.push(Action::GoToStep(usize::MAX));
                }
                for event in &i.events {
                    if let egui::Event::Text(text) = event {
                        p.digits.extend(text.chars().filter(char::is_ascii_digit));
                    }
                }
                if i.key_pressed(Enter)
                    && let Ok(n) = p.digits.parse::<usize>()
                {
                    actions.push(Action::GoToStep(n.saturating_sub(1)));
                }
                if i.key_pressed(Escape) {
                    actions.push(Action::StopPresentation);
                }
            });
            return actions;
        }
        if ctx.input(|i| i.key_pressed(Key::F5)) {
            // In a quiz, F5 puts it in front of the class: full screen, the quiz kept.
            actions.push(if self.quiz.is_some() {
                Action::ToggleFullscreen
            } else {
                Action::StartPresentation(None)
            });
        }
        ctx.input(|i| {
            if i.key_pressed(Key::Home) {
                actions.push(Action::ResetView);
            }
            if i.key_pressed(Key::Escape) {
                actions.push(if self.reader.is_some() {
                    Action::CloseArticle
                } else if self.selected_event.is_some() && self.selected.is_some() {
                    Action::CloseEvent
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

    /// The small window that asks for a `.pmtiles` path.
    fn pmtiles_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(path) = &mut self.pmtiles_dialog else {
            return Vec::new();
        };
        let t = self.lang.t();
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(t.pmtiles_title).show(ctx, |ui| {
            ui.label(t.pmtiles_prompt);
            let edit = ui.add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/home/…/kaukasus.pmtiles"),
            );
            if path.is_empty() && !edit.has_focus() {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let (ok, cancel) = ok_cancel(ui, [t.open, t.cancel], !path.trim().is_empty(), entered);
            if ok {
                let file = PathBuf::from(path.trim());
                actions.push(Action::SetBasemap(BasemapChoice::PmTiles(file)));
            }
            close = ok || cancel;
        });
        if close {
            self.pmtiles_dialog = None;
        }
        actions
    }

    fn side_panel_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        let view_ctx = ViewCtx {
            atlas,
            lang: self.lang,
            selected: self.selected,
        };
        let in_process = |e: EventIdx| atlas.event(e).process;
        if let Some(quiz) = &self.quiz {
            ui::quiz::quiz_ui(ui, view_ctx, quiz)
        } else if !self.search_query.trim().is_empty() {
            ui::search::search_results_ui(ui, view_ctx, &self.search_query, &self.search_hits)
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

    /// Makes the tile sources the state asks for; a source that cannot be opened is reported
    /// in the banner and the embedded map is used.
    fn ensure_sources(&mut self, ctx: &egui::Context) {
        if self.offline.is_none() {
            self.offline = Some(OfflineTiles::new(ctx, self.tile_rendering));
        }
        let wanted = &self.state.basemap;
        if self.online.as_ref().map(|(c, _)| c) == Some(wanted)
            || (self.online.is_none() && *wanted == BasemapChoice::Offline)
        {
            return;
        }
        self.online = None;
        match source::open(wanted, ctx) {
            Ok(Some(tiles)) => self.online = Some((wanted.clone(), tiles)),
            Ok(None) => {}
            Err(message) => {
                let file = match wanted {
                    BasemapChoice::PmTiles(path) => path.clone(),
                    _ => PathBuf::from("basemap"),
                };
                self.problems.push(Problem::error(file, None, message));
                self.state.basemap = BasemapChoice::Offline;
            }
        }
    }

    fn map_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        self.ensure_sources(ui.ctx());
        let offline_ok = self.offline.as_ref().is_some_and(|o| o.error().is_none());
        if let Some(error) = self.offline.as_ref().and_then(OfflineTiles::error)
            && !self.problems.iter().any(|p| p.message == error)
        {
            self.problems.push(Problem::error(
                "assets/naturalearth",
                None,
                error.to_owned(),
            ));
        }
        let background = match &self.offline {
            Some(o) if offline_ok => o.sea(),
            _ => style::MAP_BACKGROUND,
        };
        ui.painter()
            .rect_filled(ui.available_rect_before_wrap(), 0.0, background);

        self.update_lines();
        let quiz_markers: Vec<(PlaceIdx, usize)> = match self
            .quiz
            .as_ref()
            .and_then(|q| Some((q.current()?, q.verdict.as_ref()?)))
        {
            Some((question, _)) => match &question.kind {
                crate::model::quiz::QuestionKind::Where { answer } => {
                    answer.iter().map(|&p| (p, 1)).collect()
                }
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        let quiz_click = self.quiz.as_ref().is_some_and(QuizState::wants_map_click);
        let quiz_shown = self
            .quiz
            .as_ref()
            .and_then(|q| q.verdict.as_ref())
            .and_then(|(v, click)| Some(((*click)?, v.nearest?)))
            .map(|(click, place)| {
                (
                    click,
                    (self.atlas.place(place).lat, self.atlas.place(place).lon),
                )
            });
        let presenting = self.presentation.is_some();
        let flying = self.flight.is_some();
        // When lines are drawn for a selection (or a presentation step), every end of a line
        // is a marker, even a place without events in the range: no line ends in nowhere.
        let with_ends = presenting || self.lines.iter().any(|l| !l.faint);
        let step_markers: Vec<(PlaceIdx, usize)> = if with_ends {
            let mut all = self.markers.clone();
            for line in &self.lines {
                for end in [line.from, line.to] {
                    if !all.iter().any(|&(p, _)| p == end) {
                        all.push((end, 1));
                    }
                }
            }
            all
        } else {
            Vec::new()
        };
        let export_title = (self.screenshot.is_some() || self.export.is_some())
            .then(|| format!("{} · {}", self.lang.t().app_title, self.view_caption()));
        let mut clicked = None;
        let mut line_clicked = None;
        let lang = self.lang;
        let world = world_if_ready().filter(|_| offline_ok);
        let markers = MarkersPlugin {
            atlas,
            // A "where" question hides the places until it is answered; then only the answer.
            markers: match &self.quiz {
                Some(q) if q.wants_map_click() => &[],
                Some(q) if q.verdict.is_some() => &quiz_markers,
                _ if with_ends => &step_markers,
                _ => &self.markers,
            },
            lang,
            selected: self.selected,
            label_size: if presenting {
                style::PRESENT_LABEL_SIZE
            } else {
                style::LABEL_SIZE
            },
            clicked: &mut clicked,
            underlay: world.map(|world| {
                let memo = &mut self.labels_memo;
                Box::new(
                    move |painter: &egui::Painter, projector: &Projector, taken: &[Rect]| {
                        // The layout only changes when the view, the language or the place
                        // labels do; a frame that repeats them reuses it.
                        let key = LabelsKey::new(projector, lang, taken);
                        if let Some((k, shapes)) = memo.as_ref()
                            && *k == key
                        {
                            return shapes.clone();
                        }
                        let shapes: Vec<egui::Shape> =
                            labels::layout(painter, projector, &world, lang, taken)
                                .into_iter()
                                .map(|l| l.shape)
                                .collect();
                        *memo = Some((key, shapes.clone()));
                        shapes
                    },
                ) as crate::map::markers::Underlay<'_>
            }),
        };
        let center = lat_lon(self.state.view.lat, self.state.view.lon);
        let credits = source::credits(&self.state.basemap);
        let offline = self.offline.as_mut().map(|o| o as &mut dyn Tiles);
        let mut map = Map::new(offline, &mut self.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true);
        if let Some((_, online)) = self.online.as_mut() {
            map = map.with_layer(&mut **online, 1.0);
        }
        let shown = map
            .with_plugin(GraticulePlugin {
                over_map: offline_ok,
            })
            .with_plugin(LinesPlugin {
                atlas,
                // In a presentation a step's lines appear once the flight has landed.
                lines: if (presenting && flying) || self.quiz.is_some() {
                    &[]
                } else {
                    &self.lines
                },
                version: self.lines_version,
                projected: &mut self.lines_projected,
                lang,
                clicked: &mut line_clicked,
            })
            .with_plugin(markers)
            .show(ui, |ui, response, projector, _| {
                attribution_ui(ui, &credits);
                if let Some((click, answer)) = quiz_shown {
                    quiz_answer_overlay(ui, projector, click, answer);
                }
                if quiz_click {
                    let mut actions = Vec::new();
                    if response.clicked()
                        && let Some(pos) = response.interact_pointer_pos()
                    {
                        let at = projector.unproject(pos.to_vec2());
                        actions.push(Action::QuizAnswer(crate::model::quiz::Answer::Place {
                            lat: at.y(),
                            lon: at.x(),
                        }));
                    }
                    actions
                } else if presenting || self.quiz.is_some() {
                    Vec::new()
                } else {
                    overlay_ui(
                        ui,
                        lang,
                        self.state.map_mode,
                        &self.lines,
                        export_title.as_deref(),
                    )
                }
            });
        let (response, mut actions) = (shown.response, shown.inner);
        self.map_rect = response.rect;
        if response.dragged() {
            self.flight = None;
        }
        // Keep the zoom in the range the app supports.
        let zoom = self.memory.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
            let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        }
        if presenting {
            // A click (a clicker's, or the mouse's) on the slide moves on.
            if response.clicked() {
                actions.push(Action::NextStep);
            }
            return actions;
        }
        match clicked {
            Some(MarkerClick::Place(place)) => actions.push(Action::SelectPlace(place)),
            Some(MarkerClick::Group(places)) => actions.push(Action::FitPlaces(places)),
            None => {
                if let Some(event) = line_clicked {
                    actions.push(Action::SelectEvent(event));
                }
            }
        }
        actions
    }

    /// Whether the embedded map has drawn everything it was asked for (or cannot draw).
    fn basemap_settled(&self) -> bool {
        self.offline.as_ref().is_some_and(|o| {
            o.error().is_some()
                || (world_if_ready().is_some() && o.pending() == 0 && o.textures() > 0)
        })
    }

    /// After the panels: applies what they asked for, keeps a flight going, and moves the
    /// screenshot, export and benchmark jobs on (each does nothing unless it is under way).
    fn end_frame(&mut self, ctx: &egui::Context, actions: Vec<Action>, now: f64) {
        for action in actions {
            self.apply(action, now);
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

    /// `--bench-flight`: keeps flying between Astana and the South Caucasus (zoom 4 ↔ 7, a
    /// long hop with the zoom-out bump), counts frames for five seconds, reports, quits.
    fn flight_step(&mut self, ctx: &egui::Context) {
        let Some((start, frames, flights)) = &mut self.flight_probe else {
            return;
        };
        // Measure once the base map is drawn, so tile rendering at start does not count.
        let settled = self
            .offline
            .as_ref()
            .is_some_and(|o| o.pending() == 0 && o.textures() > 0);
        let started = match start {
            Some(t) => *t,
            None if settled => *start.insert(std::time::Instant::now()),
            None => {
                ctx.request_repaint();
                return;
            }
        };
        *frames += 1;
        let elapsed = started.elapsed().as_secs_f64();
        if elapsed >= 5.0 {
            println!(
                "fly-to: {frames} frames in {elapsed:.2} s = {:.1} fps ({flights} flights of {:.1} s)",
                f64::from(*frames) / elapsed,
                Flight::DURATION
            );
            self.flight_probe = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
            return;
        }
        if self.flight.is_none() {
            let there = if *flights % 2 == 0 {
                MapView {
                    lat: 40.0,
                    lon: 45.5,
                    zoom: 7.0,
                }
            } else {
                MapView {
                    lat: 51.17,
                    lon: 71.45,
                    zoom: 4.5,
                }
            };
            *flights += 1;
            let now = ctx.input(|i| i.time);
            self.fly_to(there, now);
        }
        ctx.request_repaint();
    }

    /// `--bench-startup`: reports the first frame, then the first fully drawn screen, and quits.
    fn startup_step(&mut self, ctx: &egui::Context) {
        let Some(start) = self.startup_probe else {
            return;
        };
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let first = *self.first_frame_ms.get_or_insert_with(|| {
            println!("first frame: {ms:.1} ms after start");
            ms
        });
        if self.basemap_settled() {
            println!(
                "first screen fully drawn (base map included): {ms:.1} ms after start, {:.1} ms after the first frame",
                ms - first
            );
            self.startup_probe = None;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn screenshot_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        if job.requested {
            return;
        }
        // Wait a few frames so fonts and layout have settled, for any flight to land, and for
        // the base map's tiles (online ones at most 20 s: a dead network must not hang it).
        if job.frames == 0 {
            job.started = std::time::Instant::now();
        }
        let online_busy = self
            .online
            .as_ref()
            .is_some_and(|(_, t)| t.stats().in_progress > 0)
            && job.started.elapsed() < std::time::Duration::from_secs(20);
        let offline_busy = self.offline.as_ref().is_some_and(|o| {
            o.error().is_none() && (o.pending() > 0 || world_if_ready().is_none())
        });
        if job.frames >= 3 && self.flight.is_none() && !online_busy && !offline_busy {
            capture_png(ctx, job.path.clone(), Arc::clone(&job.result));
            job.requested = true;
        } else {
            job.frames += 1;
        }
        ctx.request_repaint();
    }

    /// After a screenshot was written: the next step of a tour export, or quit.
    fn screenshot_done(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.screenshot else {
            return;
        };
        let written = job.result.lock().ok().and_then(|r| r.clone());
        let Some(outcome) = written else { return };
        let next = job.tour_export.as_ref().and_then(|(dir, count)| {
            let step = self.presentation.as_ref().map_or(0, |p| p.step) + 1;
            (outcome.is_ok() && step < *count).then(|| (dir.clone(), step))
        });
        match next {
            Some((dir, step)) => {
                if let Ok(path) = &outcome {
                    println!("wrote {}", path.display());
                }
                job.path = dir.join(format!("{:02}.png", step + 1));
                job.requested = false;
                job.frames = 0;
                if let Ok(mut slot) = job.result.lock() {
                    *slot = None;
                }
                let now = ctx.input(|i| i.time);
                self.go_to_step(step, now);
                ctx.request_repaint();
            }
            None if job.keep_open => {
                let dir = job.tour_export.as_ref().map(|(dir, _)| dir.clone());
                match outcome {
                    Ok(_) => self.exported = dir,
                    Err(message) => {
                        self.problems
                            .push(Problem::error(job.path.clone(), None, message));
                    }
                }
                self.screenshot = None;
                self.presentation = None;
            }
            None => ctx.send_viewport_cmd(ViewportCommand::Close),
        }
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
        actions.extend(self.export_dialog_ui(&ctx));
        if self.export.is_none() {
            self.exported_ui(&ctx);
        }
        actions.extend(dropped_pmtiles(&ctx));
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

/// The buttons of a dialog: (confirmed, cancelled). `enabled` gates the confirming button;
/// `entered` (Enter in the field) confirms too.
fn ok_cancel(ui: &mut Ui, labels: [&str; 2], enabled: bool, entered: bool) -> (bool, bool) {
    let [ok, cancel] = labels;
    ui.horizontal(|ui| {
        let confirmed = ui.add_enabled(enabled, egui::Button::new(ok)).clicked();
        let cancelled = ui.button(cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape));
        (confirmed || (entered && enabled), cancelled)
    })
    .inner
}

/// Asks for a screenshot of the next frame and writes it to `path` as PNG; the outcome lands
/// in `result`, and a repaint follows so the app can act on it.
fn capture_png(ctx: &egui::Context, path: PathBuf, result: ScreenshotResult) {
    let ctx2 = ctx.clone();
    ctx.request_screenshot(move |image| {
        let outcome = crate::export::save_png(&image, &path)
            .map(|()| path.clone())
            .map_err(|e| format!("{}: {e}", path.display()));
        if let Ok(mut slot) = result.lock() {
            *slot = Some(outcome);
        }
        ctx2.request_repaint();
    });
}

/// A small fixed window in the middle of the screen, for a question to the user.
fn centred_dialog(title: &str) -> egui::Window<'_> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
}

/// A `.pmtiles` file dropped onto the window becomes the base map.
fn dropped_pmtiles(ctx: &egui::Context) -> Vec<Action> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("pmtiles"))
            })
            .map(|p| Action::SetBasemap(BasemapChoice::PmTiles(p)))
            .collect()
    })
}

/// What the base map's names were laid out for: the view (in whole points), the language and
/// the rectangles of the place labels.
#[derive(Debug, Clone, PartialEq)]
struct LabelsKey {
    zoom: u64,
    origin: (i32, i32),
    clip: [i32; 4],
    lang: Lang,
    taken: Vec<[i32; 4]>,
}

impl LabelsKey {
    fn new(projector: &Projector, lang: Lang, taken: &[Rect]) -> Self {
        let whole = |r: Rect| {
            [
                r.min.x.round() as i32,
                r.min.y.round() as i32,
                r.max.x.round() as i32,
                r.max.y.round() as i32,
            ]
        };
        let origin = projector.project(lat_lon(0.0, 0.0));
        Self {
            zoom: projector.zoom().to_bits(),
            origin: (origin.x.round() as i32, origin.y.round() as i32),
            clip: whole(projector.clip_rect()),
            lang,
            taken: taken.iter().copied().map(whole).collect(),
        }
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

/// The size an exported image is made at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportSize {
    Window,
    FullHd,
    Hd,
}

impl ExportSize {
    fn size(self) -> Option<egui::Vec2> {
        match self {
            Self::Window => None,
            Self::FullHd => Some(egui::vec2(1920.0, 1080.0)),
            Self::Hd => Some(egui::vec2(1280.0, 720.0)),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Window => "—",
            Self::FullHd => "1920 × 1080",
            Self::Hd => "1280 × 720",
        }
    }
}

/// An export from the UI: the window is set to the size asked for, drawn with a title, captured,
/// written, and set back.
#[derive(Debug)]
struct ExportJob {
    path: PathBuf,
    size: Option<egui::Vec2>,
    /// The window's size before, to return to.
    restore: egui::Vec2,
    frames: u32,
    requested: bool,
    result: ScreenshotResult,
}

/// The height the presentation caption takes at the bottom of the screen, in points.
const CAPTION_HEIGHT: f32 = 230.0;
/// The height the step counter takes at the top of the screen, in points.
const COUNTER_HEIGHT: f32 = 95.0;

/// At most this many search hits are listed.
const SEARCH_LIMIT: usize = 60;

/// How close the map goes to a place that is selected.
fn select_zoom(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Country => 4.5,
        PlaceKind::Region | PlaceKind::Site => 6.5,
        PlaceKind::Capital | PlaceKind::City => 6.0,
    }
}

/// The graticule: over the base map faintly, or as the whole map when there is none.
struct GraticulePlugin {
    over_map: bool,
}

impl Plugin for GraticulePlugin {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        graticule::paint(ui, projector, !self.over_map);
    }
}

/// After a "where" answer: the click, the right place, and the great circle between them.
fn quiz_answer_overlay(ui: &Ui, projector: &Projector, click: (f64, f64), answer: (f64, f64)) {
    let painter = ui.painter();
    let points: Vec<egui::Pos2> = crate::map::arcs::great_circle(click, answer)
        .into_iter()
        .map(|(lat, lon)| projector.project(lat_lon(lat, lon)).to_pos2())
        .collect();
    painter.extend(egui::Shape::dashed_line(
        &points,
        egui::Stroke::new(2.5, style::PROBLEM_ERROR),
        8.0,
        5.0,
    ));
    let at = projector.project(lat_lon(click.0, click.1)).to_pos2();
    let stroke = egui::Stroke::new(3.0, style::PROBLEM_ERROR);
    painter.line_segment(
        [at - egui::vec2(7.0, 7.0), at + egui::vec2(7.0, 7.0)],
        stroke,
    );
    painter.line_segment(
        [at + egui::vec2(-7.0, 7.0), at + egui::vec2(7.0, -7.0)],
        stroke,
    );
}

/// On the map: the switch between venues and conflicts (top left) and the legend of the
/// lines' roles (bottom left).
fn overlay_ui(
    ui: &mut Ui,
    lang: Lang,
    mode: MapMode,
    lines: &[Line],
    title: Option<&str>,
) -> Vec<Action> {
    let t = lang.t();
    let mut actions = Vec::new();
    let rect = ui.max_rect();
    let panel = Frame::new()
        .fill(egui::Color32::from_white_alpha(225))
        .inner_margin(egui::Margin::symmetric(8, 5))
        .corner_radius(5.0)
        .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(200)));
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(Rect::from_min_size(
            rect.min + egui::vec2(10.0, 10.0),
            egui::vec2(rect.width() - 20.0, 40.0),
        )),
        |ui| {
            panel.show(ui, |ui| {
                // An exported image carries a title instead of the switch.
                if let Some(title) = title {
                    ui.label(egui::RichText::new(title).size(20.0).strong());
                    return;
                }
                ui.horizontal(|ui| {
                    for (m, label) in [
                        (MapMode::Venues, t.mode_venues),
                        (MapMode::Conflicts, t.mode_conflicts),
                    ] {
                        if ui.selectable_label(mode == m, label).clicked() && mode != m {
                            actions.push(Action::SetMapMode(m));
                        }
                    }
                });
            });
        },
    );
    let roles = crate::map::lines::roles_shown(lines);
    if !roles.is_empty() {
        let rows = f32::from(u8::try_from(roles.len()).unwrap_or(u8::MAX));
        let height = 44.0 + rows * 24.0;
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(Rect::from_min_size(
                egui::pos2(rect.left() + 10.0, rect.bottom() - height - 10.0),
                egui::vec2(200.0, height),
            )),
            |ui| {
                panel.show(ui, |ui| {
                    ui.label(egui::RichText::new(t.roles).small().strong());
                    for role in roles {
                        ui.horizontal(|ui| {
                            crate::map::lines::legend_swatch(ui, role);
                            let name =
                                role.map_or(t.mode_conflicts, |r| crate::i18n::role(r, lang));
                            ui.label(egui::RichText::new(name).small());
                        });
                    }
                });
            },
        );
    }
    actions
}

/// The credits of what is on screen, always visible in the map's bottom-right corner.
fn attribution_ui(ui: &mut Ui, credits: &[source::Credit]) {
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Max), |ui| {
        Frame::new()
            .fill(egui::Color32::from_white_alpha(215))
            .inner_margin(egui::Margin::symmetric(6, 2))
            .corner_radius(3.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    for (i, credit) in credits.iter().enumerate() {
                        if i > 0 {
                            ui.label(egui::RichText::new("·").small());
                        }
                        let text = egui::RichText::new(&credit.text)
                            .small()
                            .color(style::MUTED_TEXT);
                        match credit.url {
                            Some(url) => {
                                ui.hyperlink_to(text, url);
                            }
                            None => {
                                ui.label(text);
                            }
                        }
                    }
                });
            });
    });
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
