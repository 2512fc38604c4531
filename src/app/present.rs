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
    /// Whether the speaker's notes show, as `N` last set it; `None` until then: shown in a
    /// window of their own on the desktop, hidden where there is one window only (the
    /// browser, where they are a panel over the slide's corner).
    pub(super) notes: Option<bool>,
}

impl Presentation {
    /// Whether the speaker's notes show now.
    pub(super) fn notes_shown(&self, ctx: &egui::Context) -> bool {
        self.notes.unwrap_or(!ctx.embed_viewports())
    }
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
    pub(super) fn presenter_window(&mut self, ctx: &egui::Context) {
        let Some(p) = &self.presentation else { return };
        if self.screenshot.is_some() {
            return; // handouts show the slide, not the speaker's notes
        }
        let Some(tour) = p.tour.and_then(|t| self.tours.get(t)) else {
            return;
        };
        if !p.notes_shown(ctx) {
            return;
        }
        let lang = self.lang;
        let (number, count) = (p.step + 1, tour.steps.len());
        let current = tour.steps.get(p.step);
        let next = tour.steps.get(p.step + 1);
        if ctx.embed_viewports() {
            // One window only: the notes are a panel at the top right, under the step counter
            // and above the caption (which takes the lower part of the slide), scrolling
            // when they are longer than that room.
            let room = ctx.content_rect().height() * 0.55 - NOTES_TOP - 24.0;
            egui::Window::new(lang.t().presenter_window)
                .id(egui::Id::unique("presenter_notes"))
                .anchor(egui::Align2::RIGHT_TOP, [-12.0, NOTES_TOP])
                .default_width(PRESENTER_SIZE.x * 0.75)
                .max_height(room.max(120.0))
                .vscroll(true)
                .collapsible(false)
                .resizable(false)
                .show(ctx, |ui| {
                    ui::present::presenter_ui(
                        ui,
                        lang,
                        tour.title(lang),
                        number,
                        count,
                        current,
                        next,
                    );
                });
            return;
        }
        // Where it opens: where the speaker last put it, else beside the slides (on the next
        // monitor, when the slides fill this one), never on top of them. That needs the main
        // window's final place and size, which are known from the third frame on.
        if self.state.presenter_window.is_none() && ctx.cumulative_frame_nr() < 3 {
            ctx.request_repaint();
            return;
        }
        let at = self.state.presenter_window.map_or_else(
            || {
                let (main, monitor) =
                    ctx.input(|i| (i.viewport().outer_rect, i.viewport().monitor_size));
                presenter_position(main, monitor, PRESENTER_SIZE)
            },
            |[x, y]| egui::pos2(x, y),
        );
        let mut moved_to = None;
        ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of("presenter_notes"),
            egui::ViewportBuilder::default()
                .with_title(lang.t().presenter_window)
                .with_inner_size(PRESENTER_SIZE)
                .with_position(at),
            |ui, _class| {
                moved_to = ui.ctx().input(|i| i.viewport().outer_rect).map(|r| r.min);
                ui::present::presenter_ui(ui, lang, tour.title(lang), number, count, current, next);
            },
        );
        if let Some(pos) = moved_to.filter(|p| p.x.is_finite() && p.y.is_finite()) {
            self.state.presenter_window = Some([pos.x, pos.y]);
        }
    }
}

/// Where the notes panel starts from the top, below the slide's step counter, in points.
const NOTES_TOP: f32 = 104.0;

/// The size the presenter's notes window opens at, in points.
const PRESENTER_SIZE: egui::Vec2 = egui::vec2(560.0, 460.0);

/// Where the presenter's window opens the first time: right of the main window (on the next
/// monitor when the main window fills its own, as the slides on a projector do), or left of
/// it when there is more room there; at the top-left of the screen only if nothing is known.
fn presenter_position(
    main: Option<egui::Rect>,
    monitor: Option<egui::Vec2>,
    size: egui::Vec2,
) -> egui::Pos2 {
    let Some(main) = main else {
        return egui::pos2(40.0, 40.0);
    };
    let gap = 12.0;
    let right = egui::pos2(main.right() + gap, main.top());
    match monitor {
        // Room on this monitor beside the window: right, else left.
        Some(m) if main.right() + gap + size.x <= m.x => right,
        Some(_) if main.left() - gap - size.x >= 0.0 => {
            egui::pos2(main.left() - gap - size.x, main.top())
        }
        // The window fills the monitor: the next one is to its right.
        Some(m) if main.width() >= m.x * 0.9 => right,
        // No room either side: the monitor's bottom-right corner, over the edge of the slides
        // rather than off the screen.
        Some(m) => egui::pos2((m.x - size.x).max(0.0), (m.y - size.y).max(0.0)),
        None => right,
    }
}

/// The height the presentation caption takes at the bottom of the screen, in points.
pub(super) const CAPTION_HEIGHT: f32 = 230.0;
/// The height the step counter takes at the top of the screen, in points.
pub(super) const COUNTER_HEIGHT: f32 = 95.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_presenter_window_opens_beside_the_slides_not_over_them() {
        let size = PRESENTER_SIZE;
        // A 1280 px window on a 1920 px screen: right of it.
        let main = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(1280.0, 800.0));
        let at = presenter_position(Some(main), Some(egui::vec2(1920.0, 1080.0)), size);
        assert!(at.x >= main.right(), "{at:?}");
        // A window on the right of the screen: left of it.
        let main = egui::Rect::from_min_size(egui::pos2(800.0, 0.0), egui::vec2(1100.0, 800.0));
        let at = presenter_position(Some(main), Some(egui::vec2(1920.0, 1080.0)), size);
        assert!(at.x + size.x <= main.left(), "{at:?}");
        // Slides filling a projector: on the next monitor.
        let main = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(1024.0, 768.0));
        let at = presenter_position(Some(main), Some(egui::vec2(1024.0, 768.0)), size);
        assert!(at.x >= 1024.0, "{at:?}");
        // No room either side on one screen: inside it, at its bottom-right.
        let main = egui::Rect::from_min_size(egui::pos2(100.0, 0.0), egui::vec2(1024.0, 768.0));
        let at = presenter_position(Some(main), Some(egui::vec2(1366.0, 768.0)), size);
        assert!(at.x + size.x <= 1366.0 && at.x > 0.0, "{at:?}");
    }
}
