//! The timeline along the bottom: every event on a zoomable, pannable time axis, one lane per
//! peace process, dates known only to the month or year drawn as the span they may cover.
//! Brushing a range filters everything else; a play button sweeps the range through time.

// Days since 1970 and screen points are small numbers (|days| < 2^20, lanes < 2^8): the casts
// between them and f32/f64 are exact in range.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use egui::{Align2, FontId, Pos2, Rect, Response, RichText, Sense, Stroke, Ui, Vec2};

use super::{Action, ViewCtx};
use crate::i18n::{self, Lang};
use crate::model::filter::{self, Day, Filter};
use crate::model::{Date, EventIdx, ProcessIdx};
use crate::style;

/// Height of one process lane.
const LANE: f32 = 13.0;
/// Width of the lanes' names at the left.
const LANE_NAMES: f32 = 120.0;
/// Height of the axis with its labels.
const AXIS: f32 = 18.0;
/// Width of the strip for undated events at the right end.
const UNDATED: f32 = 70.0;
/// The earliest day the axis shows (the Alma-Ata declaration is December 1991).
const START_YEAR: i32 = 1991;
/// At most this many undated events are drawn per lane (the rest are counted).
const UNDATED_MARKS: usize = 5;
/// With more events than this in view, marks are not separate widgets (hit-tested instead).
const MAX_WIDGETS: usize = 400;

/// How fast "play" moves the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlaySpeed {
    Slow,
    #[default]
    Normal,
    Fast,
}

impl PlaySpeed {
    fn days_per_second(self) -> f64 {
        match self {
            Self::Slow => 182.5,
            Self::Normal => 365.25,
            Self::Fast => 3.0 * 365.25,
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        let t = lang.t();
        match self {
            Self::Slow => t.speed_slow,
            Self::Normal => t.speed_normal,
            Self::Fast => t.speed_fast,
        }
    }
}

/// What the timeline remembers between frames.
#[derive(Debug, Clone)]
pub struct TimelineState {
    /// The part of the axis on screen, in days (fractional while zooming).
    pub window: (f64, f64),
    /// The full axis: 1 January 1991 to half a year after today.
    pub full: (f64, f64),
    /// Where a brush or pan began: (day under the pointer, is a pan, window at the start).
    drag: Option<(f64, bool, (f64, f64))>,
    pub playing: bool,
    pub speed: PlaySpeed,
    /// `egui` time of the last play step.
    last_tick: Option<f64>,
}

impl TimelineState {
    /// The whole axis, up to `today`.
    #[must_use]
    pub fn new(today: Date) -> Self {
        let end = filter::date_days(today).map_or(20_800.0, |(d, _)| d as f64) + 180.0;
        let full = (filter::day_number(START_YEAR, 1, 1) as f64, end);
        Self {
            window: full,
            full,
            drag: None,
            playing: false,
            speed: PlaySpeed::default(),
            last_tick: None,
        }
    }

    /// One step of "play": the range moves on by the time since the last frame. Returns the new
    /// range, or `None` when the end of the axis is reached (play stops).
    pub fn play_step(&mut self, range: Option<(Day, Day)>, now: f64) -> Option<(Day, Day)> {
        let dt = self.last_tick.map_or(0.0, |t| (now - t).clamp(0.0, 0.25));
        self.last_tick = Some(now);
        // Without a range, play sweeps a two-year window from the start.
        let (from, to) = range.unwrap_or((self.full.0 as Day, self.full.0 as Day + 730));
        let shift = (dt * self.speed.days_per_second()).round() as Day;
        if to as f64 >= self.full.1 {
            self.playing = false;
            self.last_tick = None;
            return None;
        }
        Some((from + shift, to + shift))
    }

    fn stop(&mut self) {
        self.playing = false;
        self.last_tick = None;
    }
}

/// Draws the timeline; returns what the user asked for.
#[allow(clippy::many_single_char_names)] // t (strings), x/y (screen), a/b (days)
pub fn timeline_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    state: &mut TimelineState,
    filter: &Filter,
    shown: &[bool],
    selected_event: Option<EventIdx>,
) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    let now = ui.input(|i| i.time);

    if state.playing {
        match state.play_step(filter.range, now) {
            Some(range) => actions.push(Action::SetRange(Some(range))),
            None => state.stop(),
        }
        ui.ctx().request_repaint();
    }

    ui.horizontal(|ui| {
        let play_label = if state.playing { t.pause } else { t.play };
        if ui.button(play_label).clicked() {
            if state.playing {
                state.stop();
            } else {
                state.playing = true;
                state.last_tick = Some(now);
                if filter.range.is_none_or(|(_, to)| to as f64 >= state.full.1) {
                    let start = state.full.0 as Day;
                    actions.push(Action::SetRange(Some((start, start + 730))));
                }
            }
        }
        egui::ComboBox::from_id_salt("play_speed")
            .selected_text(state.speed.label(ctx.lang))
            .width(90.0)
            .show_ui(ui, |ui| {
                for speed in [PlaySpeed::Slow, PlaySpeed::Normal, PlaySpeed::Fast] {
                    ui.selectable_value(&mut state.speed, speed, speed.label(ctx.lang));
                }
            })
            .response
            .on_hover_text(t.speed);
        ui.separator();
        let words = filter.range.map_or_else(
            || t.timeline_all.to_owned(),
            |(from, to)| i18n::format_range(from, to, ctx.lang),
        );
        ui.label(RichText::new(words).strong().size(15.0));
        let shown = shown.iter().filter(|&&on| on).count();
        ui.label(
            RichText::new(i18n::shown_of_events(
                shown,
                ctx.atlas.events.len(),
                ctx.lang,
            ))
            .color(style::MUTED_TEXT),
        );
        if filter.range.is_some() && ui.button(t.clear_range).clicked() {
            state.stop();
            actions.push(Action::SetRange(None));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new("?").strong())
                .on_hover_text(t.timeline_hint);
        });
    });

    let lanes = ctx.atlas.processes.len() + 1;
    let height = lanes as f32 * LANE + AXIS + 6.0;
    let (rect, response) = ui.allocate_exact_size(
        Vec2::new(ui.available_width(), height),
        Sense::click_and_drag(),
    );
    let axis = Axis {
        rect: Rect::from_min_max(
            Pos2::new(rect.min.x + LANE_NAMES, rect.min.y),
            Pos2::new(rect.max.x - UNDATED - 8.0, rect.max.y),
        ),
        window: state.window,
    };
    interact(ui, &response, &axis, state, &mut actions);
    let axis = Axis {
        window: state.window,
        ..axis
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, style::TIMELINE_BG);
    let lane_of = |p: Option<ProcessIdx>| p.map_or(lanes - 1, ProcessIdx::index);
    let lane_y = |lane: usize| rect.top() + 3.0 + lane as f32 * LANE + LANE / 2.0;

    // Lane guides and the brushed range.
    for lane in 0..lanes {
        if lane % 2 == 1 {
            let y = lane_y(lane);
            painter.rect_filled(
                Rect::from_min_max(
                    Pos2::new(axis.rect.left(), y - LANE / 2.0),
                    Pos2::new(axis.rect.right(), y + LANE / 2.0),
                ),
                0.0,
                style::TIMELINE_LANE,
            );
        }
    }
    if let Some((from, to)) = filter.range {
        let x0 = axis.x(from as f64).max(axis.rect.left());
        let x1 = axis.x(to as f64 + 1.0).min(axis.rect.right());
        if x1 > x0 {
            let band = Rect::from_min_max(
                Pos2::new(x0, rect.top()),
                Pos2::new(x1.max(x0 + 2.0), rect.bottom() - AXIS),
            );
            painter.rect_filled(band, 2.0, style::TIMELINE_RANGE);
            painter.rect_stroke(
                band,
                2.0,
                Stroke::new(1.5, style::TIMELINE_RANGE_EDGE),
                egui::StrokeKind::Inside,
            );
        }
    }
    paint_axis(&painter, &axis, ctx.lang);
    // Each lane's name at its left: its process (a coloured dot and the name, cut short with
    // "…" where it is long; the whole name on hover), the last lane for events of none.
    for lane in 0..lanes {
        let (name, dot) = match ctx.atlas.processes.get(lane) {
            Some(p) => (
                i18n::pick(ctx.lang, &p.name_de, &p.name_en),
                style::rgb(p.color),
            ),
            None => (t.no_process, style::MUTED_TEXT),
        };
        let y = lane_y(lane);
        painter.circle_filled(Pos2::new(rect.left() + 7.0, y), 3.5, dot);
        let label_rect = Rect::from_min_max(
            Pos2::new(rect.left() + 13.0, y - LANE / 2.0),
            Pos2::new(rect.left() + LANE_NAMES - 4.0, y + LANE / 2.0),
        );
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(label_rect)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
            |ui| {
                ui.add(
                    egui::Label::new(RichText::new(name).size(10.5).color(style::MUTED_TEXT))
                        .truncate()
                        .selectable(false),
                );
            },
        );
    }

    // The events.
    let in_view: Vec<(EventIdx, Option<(Day, Day)>)> = ctx
        .atlas
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (EventIdx::from_index(i), e.when.days()))
        .filter(|(_, span)| {
            span.is_none_or(|(a, b)| (b + 1) as f64 >= axis.window.0 && (a as f64) <= axis.window.1)
        })
        .collect();
    let widgets = in_view.len() <= MAX_WIDGETS;
    let undated_x = rect.right() - UNDATED / 2.0 - 4.0;
    painter.text(
        Pos2::new(undated_x, rect.bottom() - 3.0),
        Align2::CENTER_BOTTOM,
        t.undated,
        FontId::proportional(11.0),
        style::MUTED_TEXT,
    );
    let mut undated_in_lane = vec![0usize; lanes];
    let mut hits: Vec<(Rect, EventIdx)> = Vec::new();
    // With thousands of events many marks fall on the same pixels: draw each once. Events
    // come in date order, so a repeat is the lane's previous mark.
    let mut last_mark: Vec<Option<(i32, i32, bool)>> = vec![None; lanes];
    let mut shapes: Vec<egui::Shape> = Vec::with_capacity(in_view.len().min(4096));
    for &(idx, span) in &in_view {
        let event = ctx.atlas.event(idx);
        let lane = lane_of(event.process);
        let y = lane_y(lane);
        let on = shown.get(idx.index()).copied().unwrap_or(false);
        if !widgets
            && selected_event != Some(idx)
            && let Some((a, b)) = span
        {
            let key = Some((axis.x(a as f64) as i32, axis.x(b as f64) as i32, on));
            if last_mark[lane] == key {
                continue;
            }
            last_mark[lane] = key;
        }
        let color = event.process.map_or(style::MUTED_TEXT, |p| {
            style::rgb(ctx.atlas.process(p).color)
        });
        let color = if on {
            color
        } else {
            color.gamma_multiply(0.22)
        };
        let mark = match span {
            Some((a, _)) if event.when.is_exact_day() => {
                let x = axis.x(a as f64 + 0.5);
                shapes.push(egui::Shape::circle_filled(Pos2::new(x, y), 4.0, color));
                Rect::from_center_size(Pos2::new(x, y), Vec2::splat(10.0))
            }
            Some((a, b)) => {
                let x0 = axis.x(a as f64);
                let x1 = axis.x(b as f64 + 1.0).max(x0 + 3.0);
                let bar = Rect::from_min_max(Pos2::new(x0, y - 3.5), Pos2::new(x1, y + 3.5));
                if widgets {
                    // A circa time is paler and has no firm outline: it may lie beyond its bar.
                    let (fill, outline) = if event.when.circa {
                        (0.25, 0.5)
                    } else {
                        (0.55, 1.0)
                    };
                    shapes.push(egui::Shape::rect_filled(
                        bar,
                        3.0,
                        color.gamma_multiply(fill),
                    ));
                    shapes.push(egui::Shape::rect_stroke(
                        bar,
                        3.0,
                        Stroke::new(1.0, color.gamma_multiply(outline)),
                        egui::StrokeKind::Inside,
                    ));
                } else {
                    // Thousands of marks: square corners and no outline tessellate far cheaper.
                    shapes.push(egui::Shape::rect_filled(
                        bar,
                        0.0,
                        color.gamma_multiply(0.55),
                    ));
                }
                bar.expand2(Vec2::new(1.0, 2.0))
            }
            None => {
                let k = undated_in_lane[lane];
                undated_in_lane[lane] += 1;
                if k >= UNDATED_MARKS {
                    continue;
                }
                let x = undated_x - 12.0 + k as f32 * 9.0;
                let p = Pos2::new(x, y);
                shapes.push(egui::Shape::circle_stroke(p, 3.5, Stroke::new(1.5, color)));
                Rect::from_center_size(p, Vec2::splat(10.0))
            }
        };
        if selected_event == Some(idx) {
            painter.rect_stroke(
                mark.expand(2.0),
                3.0,
                Stroke::new(2.0, style::MARKER_SELECTED),
                egui::StrokeKind::Outside,
            );
        }
        if widgets {
            let label = format!(
                "{} ({})",
                event.title(ctx.lang),
                i18n::format_when(event.when, ctx.lang)
            );
            let mark_response = ui
                .interact(
                    mark,
                    ui.scope_id().with(("timeline_event", idx.0)),
                    Sense::click(),
                )
                .on_hover_text(&label);
            mark_response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            style::focus_ring(&painter, &mark_response);
            if mark_response.clicked() {
                actions.push(Action::SelectEvent(idx));
            }
        } else {
            hits.push((mark, idx));
        }
    }
    painter.extend(shapes);
    for (lane, &n) in undated_in_lane.iter().enumerate() {
        if n > UNDATED_MARKS {
            painter.text(
                Pos2::new(undated_x - 12.0 + UNDATED_MARKS as f32 * 9.0, lane_y(lane)),
                Align2::LEFT_CENTER,
                format!("+{}", n - UNDATED_MARKS),
                FontId::proportional(10.0),
                style::MUTED_TEXT,
            );
        }
    }
    if !widgets
        && response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
        && let Some(&(_, idx)) = hits.iter().rev().find(|(r, _)| r.contains(pos))
    {
        actions.push(Action::SelectEvent(idx));
    }
    actions
}

/// The mapping between days and screen x.
#[derive(Clone, Copy)]
struct Axis {
    rect: Rect,
    window: (f64, f64),
}

impl Axis {
    fn x(&self, day: f64) -> f32 {
        let (a, b) = self.window;
        let f = (day - a) / (b - a).max(1.0);
        self.rect.left() + (f as f32) * self.rect.width()
    }

    fn day(&self, x: f32) -> f64 {
        let (a, b) = self.window;
        a + f64::from((x - self.rect.left()) / self.rect.width().max(1.0)) * (b - a)
    }
}

/// Brushing (drag over the lanes), panning (drag on the axis, or with the secondary button),
/// zooming (wheel), showing everything (double-click).
fn interact(
    ui: &Ui,
    response: &Response,
    axis: &Axis,
    state: &mut TimelineState,
    actions: &mut Vec<Action>,
) {
    let pointer = ui.input(|i| i.pointer.interact_pos());
    if response.double_clicked() {
        state.window = state.full;
        return;
    }
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        let pan = origin.y > axis.rect.bottom() - AXIS
            || response.dragged_by(egui::PointerButton::Secondary)
            || ui.input(|i| i.modifiers.shift);
        state.drag = Some((axis.day(origin.x), pan, state.window));
        if !pan {
            state.stop();
        }
    }
    if response.dragged()
        && let (Some((start_day, pan, start_window)), Some(pos)) = (state.drag, pointer)
    {
        if pan {
            let per_px = (start_window.1 - start_window.0) / f64::from(axis.rect.width());
            let origin_x = axis.x(start_day);
            let shift = f64::from(pos.x - origin_x) * per_px;
            state.window =
                clamp_window((start_window.0 - shift, start_window.1 - shift), state.full);
        } else {
            let here = axis.day(pos.x.clamp(axis.rect.left(), axis.rect.right()));
            let (a, b) = if here < start_day {
                (here, start_day)
            } else {
                (start_day, here)
            };
            // A range is whole days; a drag of a few pixels is a click, not a brush.
            if (axis.x(b) - axis.x(a)).abs() >= 3.0 {
                actions.push(Action::SetRange(Some((a.floor() as Day, b.floor() as Day))));
            }
        }
    }
    if response.drag_stopped() {
        state.drag = None;
    }
    if response.hovered() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.smooth_scroll_delta.x);
        let zoom = ui.input(egui::InputState::zoom_delta);
        let factor = if (zoom - 1.0).abs() > 1e-3 {
            f64::from(1.0 / zoom)
        } else {
            (-f64::from(scroll) * 0.003).exp()
        };
        if (factor - 1.0).abs() > 1e-4
            && let Some(pos) = pointer
        {
            let centre = axis.day(pos.x);
            let (a, b) = state.window;
            let width = ((b - a) * factor).clamp(60.0, state.full.1 - state.full.0);
            let left = centre - (centre - a) * width / (b - a);
            state.window = clamp_window((left, left + width), state.full);
        }
    }
}

/// Keeps a window inside the full axis, keeping its width.
fn clamp_window(window: (f64, f64), full: (f64, f64)) -> (f64, f64) {
    let width = (window.1 - window.0).min(full.1 - full.0);
    let left = window.0.clamp(full.0, full.1 - width);
    (left, left + width)
}

/// Ticks and labels: years, or months when zoomed in.
fn paint_axis(painter: &egui::Painter, axis: &Axis, lang: Lang) {
    let y = axis.rect.bottom() - AXIS;
    painter.line_segment(
        [
            Pos2::new(axis.rect.left(), y),
            Pos2::new(axis.rect.right(), y),
        ],
        Stroke::new(1.0, style::GRATICULE_TEXT),
    );
    let span_years = (axis.window.1 - axis.window.0) / 365.25;
    let font = FontId::proportional(11.0);
    let px_per_year = f64::from(axis.rect.width()) / span_years.max(0.1);
    let (y0, _, _) = crate::ingest::civil_from_days(axis.window.0 as Day);
    let (y1, _, _) = crate::ingest::civil_from_days(axis.window.1 as Day);
    // Years when zoomed out (every 1, 2, 5 or 10), months when zoomed in (every 1, 2, 3 or 6).
    let ticks: Vec<(Day, String)> = if px_per_year < 90.0 {
        let step = [1, 2, 5, 10]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year >= 36.0)
            .unwrap_or(10);
        (y0..=y1 + 1)
            .filter(|year| year % step == 0)
            .map(|year| (filter::day_number(year, 1, 1), year.to_string()))
            .collect()
    } else {
        let step = [1u8, 2, 3, 6]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year / 12.0 >= 44.0)
            .unwrap_or(6);
        (y0..=y1)
            .flat_map(|year| {
                (1..=12u8)
                    .filter(move |m| (m - 1) % step == 0)
                    .map(move |month| {
                        let text = if month == 1 {
                            year.to_string()
                        } else {
                            i18n::month_short(month, lang).to_owned()
                        };
                        (filter::day_number(year, month, 1), text)
                    })
            })
            .collect()
    };
    for (day, text) in ticks {
        let x = axis.x(day as f64);
        if x < axis.rect.left() || x > axis.rect.right() {
            continue;
        }
        painter.line_segment(
            [Pos2::new(x, y), Pos2::new(x, y + 4.0)],
            Stroke::new(1.0, style::GRATICULE_TEXT),
        );
        painter.text(
            Pos2::new(x + 2.0, y + 3.0),
            Align2::LEFT_TOP,
            text,
            font.clone(),
            style::MUTED_TEXT,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> TimelineState {
        TimelineState::new(Date::Day {
            year: 2026,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn play_moves_the_range_on_with_time_and_stops_at_the_end() {
        let mut tl = state();
        let start = (
            filter::day_number(2000, 1, 1),
            filter::day_number(2001, 12, 31),
        );
        assert_eq!(
            tl.play_step(Some(start), 10.0),
            Some(start),
            "first step sets the clock"
        );
        let next = tl.play_step(Some(start), 10.1).expect("moves");
        assert_eq!(next.1 - next.0, start.1 - start.0, "the width is kept");
        assert!(
            (next.0 - start.0 - 37).abs() <= 1,
            "a tenth of a year per 0.1 s"
        );
        let end = (filter::day_number(2025, 1, 1), tl.full.1 as Day + 1);
        assert_eq!(tl.play_step(Some(end), 10.2), None);
        assert!(!tl.playing);
    }

    #[test]
    fn windows_stay_inside_the_axis() {
        let full = (0.0, 1000.0);
        assert_eq!(clamp_window((-50.0, 50.0), full), (0.0, 100.0));
        assert_eq!(clamp_window((950.0, 1050.0), full), (900.0, 1000.0));
        assert_eq!(clamp_window((-10.0, 2000.0), full), (0.0, 1000.0));
    }

    #[test]
    fn the_axis_maps_days_to_pixels_and_back() {
        let axis = Axis {
            rect: Rect::from_min_size(Pos2::new(10.0, 0.0), Vec2::new(1000.0, 100.0)),
            window: (0.0, 10_000.0),
        };
        assert!((axis.x(5_000.0) - 510.0).abs() < 1e-3);
        assert!((axis.day(510.0) - 5_000.0).abs() < 1e-6);
    }
}
