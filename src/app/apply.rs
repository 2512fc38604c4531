//! Applying the actions the panels ask for: the one place where the app state changes.

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::export::ExportSize;
use crate::ingest::Problem;
use crate::map::flight::{self, MAX_ZOOM, MIN_ZOOM};
use crate::map::lines::Focus;
use crate::map::{Flight, MapView};
use crate::model::EventIdx;
use crate::model::PlaceIdx;
use crate::model::filter::{self as event_filter, Filter};
use crate::model::search::Hit;
use crate::platform::storage;
use crate::ui::quiz::QuizState;
use crate::ui::{Action, MapMode, ReaderState};

impl AtlasApp {
    /// Judges an answer to the current question; a place answer shows the right place.
    pub(super) fn judge(&mut self, answer: &crate::model::quiz::Answer) {
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
            crate::model::quiz::Answer::Place { lat, lon, .. } => Some((*lat, *lon)),
            _ => None,
        };
        quiz.verdict = Some((verdict, click));
        quiz.chosen = match answer {
            crate::model::quiz::Answer::Process(p) => Some(*p),
            _ => None,
        };
        if let Some(place) = verdict.nearest {
            self.selected = Some(place);
        }
    }

    /// What is typed in the search field.
    #[must_use]
    pub fn search_query(&self) -> &str {
        &self.search_query
    }

    /// The hits of the current search.
    #[must_use]
    pub fn search_hits(&self) -> &[Hit] {
        &self.search_hits
    }

    /// Shows the region, widened to every right answer of the quiz's current question.
    pub(super) fn fly_to_question(&mut self, now: f64) {
        let points = self
            .quiz
            .as_ref()
            .and_then(|q| q.current())
            .map(|q| crate::model::quiz::view_points(&self.atlas, q))
            .unwrap_or_default();
        let view = crate::map::flight::fit(&points, self.map_rect.size(), MapView::REGION.zoom)
            .unwrap_or(MapView::REGION);
        self.fly_to(view, now);
    }

    /// Searches again if the query changed.
    pub(super) fn update_search(&mut self) {
        if self.search_query != self.search_for {
            self.search_hits =
                self.search_index
                    .search(&self.atlas, &self.search_query, self.lang, SEARCH_LIMIT);
            self.search_for.clone_from(&self.search_query);
        }
    }

    /// Recomputes the lines when the selection, the filters or the mode changed.
    pub(super) fn update_lines(&mut self) {
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
        self.update_line_ends();
    }

    /// Recomputes what depends on the filters and the map mode.
    pub(super) fn refresh(&mut self) {
        self.visible = self.filter.events(&self.atlas);
        self.shown = shown_mask(self.atlas.events.len(), &self.visible);
        self.markers = match self.state.map_mode {
            MapMode::Venues => event_filter::marker_places(&self.atlas, &self.visible),
            MapMode::Conflicts => event_filter::conflict_places(&self.atlas, &self.visible),
        };
        self.article_markers = self.atlas.article_places();
        self.update_line_ends();
    }

    /// The markers with every end of a line among them, even a place without events in the
    /// range (a participant's capital, say): no line ends in nowhere. Made when the markers
    /// or the lines change, not every frame.
    pub(super) fn update_line_ends(&mut self) {
        let mut all = self.markers.clone();
        for line in &self.lines {
            for end in [line.from, line.to] {
                if !all.iter().any(|&(p, _)| p == end) {
                    all.push((end, 1));
                }
            }
        }
        self.markers_with_ends = all;
    }

    /// The places an event concerns: venues, conflict regions, participants' places.
    pub(super) fn event_places(&self, event: EventIdx) -> Vec<PlaceIdx> {
        self.atlas.event_places(event)
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
                let name = format!("mediation-atlas-{}.png", self.today.to_iso());
                // The folder used last, else Pictures, else Documents, else home: never the
                // working directory, which the user does not see.
                let dir = self
                    .state
                    .export_dir
                    .clone()
                    .filter(|d| d.is_dir())
                    .unwrap_or_else(|| storage::user_folder(storage::UserFolder::Pictures));
                self.export_dialog = Some(export::ExportDialog {
                    path: dir.join(name).display().to_string(),
                    size: ExportSize::FullHd,
                    format: crate::figure::Format::Png,
                    data: None,
                });
            }
            Action::Export(path, size) => {
                self.export_dialog = None;
                self.start_figure_export(path, size);
            }
            Action::ExportData(path, format) => {
                self.export_dialog = None;
                self.start_data_export(path, format);
            }
            Action::OpenTourPdfDialog(id) => {
                let Some(tour) = self.tours.iter().position(|t| t.id == id) else {
                    return;
                };
                let dir = self
                    .state
                    .export_dir
                    .clone()
                    .filter(|d| d.is_dir())
                    .unwrap_or_else(|| storage::user_folder(storage::UserFolder::Documents));
                self.tour_pdf_dialog = Some(export::TourPdfDialog {
                    tour,
                    path: dir.join(format!("{id}.pdf")).display().to_string(),
                });
            }
            Action::ExportTourPdf(tour, path) => {
                self.tour_pdf_dialog = None;
                self.start_tour_pdf_export(tour, path);
            }
            Action::ExportTour(tour) => {
                let Some(t) = self.tours.get(tour) else {
                    return;
                };
                let (id, count) = (t.id.clone(), t.steps.len());
                let dir = storage::user_folder(storage::UserFolder::Pictures)
                    .join(format!("mediation-atlas-{id}"));
                if let Err(e) = storage::create_dir_all(&dir) {
                    self.problems.push(Problem::error(
                        dir.clone(),
                        None,
                        crate::msg!("problem-cannot-create", error = e.to_string()),
                    ));
                    return;
                }
                // The job first: a presentation for a screenshot stays in the window.
                self.screenshot = Some(ScreenshotJob {
                    path: dir.join("01.png"),
                    frames: 0,
                    started: crate::platform::Instant::now(),
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
                self.fly_to_question(now);
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
                    quiz.chosen = None;
                }
                self.selected = None;
                self.fly_to_question(now);
            }
            Action::StartPresentation(tour) => {
                let tour = tour.filter(|&t| self.tours.get(t).is_some_and(|t| !t.steps.is_empty()));
                let caption = self.view_caption();
                self.presentation = Some(Presentation {
                    tour,
                    step: 0,
                    digits: String::new(),
                    caption,
                    notes: None,
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
                self.select_with_lines(place, now);
            }
            Action::FocusPlace(place) => self.select(place, now),
            Action::ZoomTo(view) => {
                let view = crate::map::MapView {
                    zoom: view.zoom.clamp(MIN_ZOOM, MAX_ZOOM),
                    ..view
                };
                self.fly_to(view, now);
            }
            Action::ToggleLayer(index) => self.toggle_layer(index),
            Action::SetLayerQuery(index, query) => self.set_layer_query(index, query),
            Action::OpenDatasetDialog(_) | Action::ImportDataset | Action::CancelDatasetImport => {
                self.apply_dataset(action);
            }
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
                    self.reader = Some(ReaderState::new(
                        &self.atlas,
                        &self.library_view,
                        article,
                        focus,
                    ));
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
            Action::OpenCustomBasemapDialog => {
                self.custom_basemap_dialog = Some(dialogs::CustomBasemapDialog::for_choice(
                    &self.state.basemap,
                ));
            }
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
            library => self.apply_library(library, now),
        }
    }

    pub(super) fn select(&mut self, place: PlaceIdx, now: f64) {
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

    /// Selects a place and fits the view to it and the other ends of its lines, so that what
    /// it is connected with stays on screen (no closer than a click on the place would go).
    pub(super) fn select_with_lines(&mut self, place: PlaceIdx, now: f64) {
        if place.index() >= self.atlas.places.len() {
            return;
        }
        self.selected = Some(place);
        self.update_lines();
        let p = self.atlas.place(place);
        let mut points = vec![(p.lat, p.lon)];
        for line in &self.lines {
            for end in [line.from, line.to] {
                let e = self.atlas.place(end);
                if !points.contains(&(e.lat, e.lon)) {
                    points.push((e.lat, e.lon));
                }
            }
        }
        let max_zoom = select_zoom(p.kind).min(8.0);
        let view = flight::fit(&points, self.map_rect.size(), max_zoom).unwrap_or(MapView {
            lat: p.lat,
            lon: p.lon,
            zoom: max_zoom,
        });
        self.fly_to(view, now);
    }

    pub(super) fn fly_to(&mut self, to: MapView, now: f64) {
        self.flight = Some(Flight::new(self.view(), to, now));
    }

    pub(super) fn advance_flight(&mut self, ctx: &egui::Context) {
        let Some(flight) = self.flight else { return };
        let (view, done) = flight.at(ctx.input(|i| i.time));
        apply_view(&mut self.memory, view);
        if done {
            self.flight = None;
        } else {
            ctx.request_repaint();
        }
    }
}

/// At most this many search hits are listed.
pub(super) const SEARCH_LIMIT: usize = 60;
