//! Presentation mode: stepping through a tour (or the current view as one step), the slide's
//! caption, and the presenter's notes.

use egui::Ui;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::map::MapView;
use crate::map::flight::{self};
use crate::model::filter::Filter;
use crate::model::tour::{StepView, TourStep};
use crate::ui::{self};

/// A presentation under way: a tour, or the view as it was when F5 was pressed.
#[derive(Debug, Clone)]
pub struct Presentation {
    /// Index into the tours; `None` for the one-step presentation of the current view.
    pub tour: Option<usize>,
    /// 0-based.
    pub step: usize,
    /// Digits typed for a jump (then Enter).
    pub(super) digits: String,
    /// The caption of a one-step presentation.
    pub(super) caption: String,
}

impl AtlasApp {
    pub(super) fn current_step(&self, p: &Presentation) -> Option<&TourStep> {
        self.tours.get(p.tour?)?.steps.get(p.step)
    }

    pub(super) fn step_count(&self, p: &Presentation) -> usize {
        p.tour
            .and_then(|t| self.tours.get(t))
            .map_or(1, |t| t.steps.len())
    }

    /// Shows step `step` of the presentation: its range, selection and view (flown to).
    pub(super) fn go_to_step(&mut self, step: usize, now: f64) {
        let Some(mut p) = self.presentation.take() else {
            return;
        };
        p.step = step.min(self.step_count(&p).saturating_sub(1));
        p.digits.clear();
        let current = self.current_step(&p).cloned();
        self.presentation = Some(p);
        if let Some(step) = current {
            self.show_step(&step, now, true);
        }
    }

    /// Shows a tour step: its range, selection and view (flown to). With `caption`, the places
    /// are fitted above the presentation's caption.
    pub(super) fn show_step(&mut self, step: &TourStep, now: f64, caption: bool) {
        self.filter = Filter {
            range: step.range,
            ..Filter::default()
        };
        self.refresh();
        self.reader = None;
        self.selected = step.select_place;
        self.selected_event = step.select_event;
        // The caption covers the bottom of the screen (and the step counter the top): places are fitted into the band between them.
        let (covered, shifted) = if caption {
            (
                CAPTION_HEIGHT + COUNTER_HEIGHT,
                CAPTION_HEIGHT - COUNTER_HEIGHT,
            )
        } else {
            (0.0, 0.0)
        };
        let above_caption = egui::vec2(
            self.map_rect.width(),
            (self.map_rect.height() - covered).max(200.0),
        );
        let fit_above = |points: &[(f64, f64)], max_zoom: f64| {
            flight::fit(points, above_caption, max_zoom).map(|v| {
                let world = 256.0 * 2f64.powf(v.zoom);
                let (x, y) = flight::mercator(v);
                let shift = f64::from(shifted) / 2.0 / world;
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

    /// What a one-step presentation of the current view says: the selected event or place,
    /// else the atlas's title, with the time range.
    pub(super) fn view_caption(&self) -> String {
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

    /// The caption and the step counter of the presentation.
    pub(super) fn slide_ui(&self, ui: &mut Ui) {
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
    pub(super) fn presenter_window(&self, ctx: &egui::Context) {
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
}

/// The height the presentation caption takes at the bottom of the screen, in points.
pub(super) const CAPTION_HEIGHT: f32 = 230.0;
/// The height the step counter takes at the top of the screen, in points.
pub(super) const COUNTER_HEIGHT: f32 = 95.0;
