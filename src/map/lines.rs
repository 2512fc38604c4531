//! The lines between places: which to draw for the current selection, their great-circle
//! geometry (computed once per pair of places), and the walkers plugin that draws them, styled
//! by role, and reports clicks.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Pos2, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

use super::arcs::great_circle_pieces;
use crate::i18n::{self, Lang};
use crate::model::filter::Filter;
use crate::model::relations::{conflict_lines, relations_of_event, relations_of_place};
use crate::model::{Atlas, EventIdx, PlaceIdx, Role};
use crate::style;

/// With nothing selected, at most this many (the busiest) pairs of places are drawn, faintly.
pub const MAX_FAINT: usize = 400;

/// One line to draw.
#[derive(Debug, Clone)]
pub struct Line {
    /// The event it belongs to (the first one, for an aggregated faint line).
    pub event: EventIdx,
    pub from: PlaceIdx,
    pub to: PlaceIdx,
    /// The role of the participant at `to`; `None` for a line from talks to a conflict.
    pub role: Option<Role>,
    /// How many events share this line (faint lines are aggregated).
    pub count: usize,
    /// Drawn faintly (the overview) or fully (a selection).
    pub faint: bool,
    /// Great-circle pieces, (lat, lon).
    pub geometry: Pieces,
}

/// What the lines are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    Event(EventIdx),
    /// A tour step: the lines of several events at full strength.
    Events(Vec<EventIdx>),
    Place(PlaceIdx),
    /// Nothing selected: the events passing the filters.
    Overview,
}

/// A line's great-circle pieces, (lat, lon), shared between frames.
pub type Pieces = Arc<Vec<Vec<(f64, f64)>>>;

/// Great circles between pairs of places, computed once.
#[derive(Default)]
pub struct GeometryCache {
    arcs: HashMap<(PlaceIdx, PlaceIdx), Pieces>,
}

impl GeometryCache {
    fn arc(&mut self, atlas: &Atlas, from: PlaceIdx, to: PlaceIdx) -> Pieces {
        Arc::clone(self.arcs.entry((from, to)).or_insert_with(|| {
            let (a, b) = (atlas.place(from), atlas.place(to));
            Arc::new(great_circle_pieces((a.lat, a.lon), (b.lat, b.lon)))
        }))
    }
}

/// The lines for a focus: an event's relations (and, with `conflicts`, the lines from its venues
/// to what it is about); a place's relations among the events passing `filter`; or, with
/// nothing selected, the visible events' lines aggregated by pair of places and drawn faintly.
pub fn lines_for(
    atlas: &Atlas,
    focus: &Focus,
    filter: &Filter,
    visible: &[EventIdx],
    conflicts: bool,
    cache: &mut GeometryCache,
) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push =
        |event: EventIdx, from: PlaceIdx, to: PlaceIdx, role: Option<Role>, count: usize, faint| {
            if from == to {
                return;
            }
            let geometry = cache.arc(atlas, from, to);
            out.push(Line {
                event,
                from,
                to,
                role,
                count,
                faint,
                geometry,
            });
        };
    match focus {
        Focus::Events(events) => {
            for &event in events {
                for r in relations_of_event(atlas, event) {
                    push(event, r.from, r.to, Some(r.role), 1, false);
                }
            }
        }
        Focus::Event(event) => {
            let event = *event;
            for r in relations_of_event(atlas, event) {
                push(event, r.from, r.to, Some(r.role), 1, false);
            }
            if conflicts {
                for (from, to) in conflict_lines(atlas, event) {
                    push(event, from, to, None, 1, false);
                }
            }
        }
        Focus::Place(place) => {
            let place = *place;
            // Only the lines that touch the place (or the events about it): from a venue, the
            // lines to everyone there; elsewhere, the one line to this place. Each pair and
            // role once.
            let mut seen: Vec<(PlaceIdx, PlaceIdx, Role)> = Vec::new();
            for r in relations_of_place(atlas, place) {
                let event = atlas.event(r.event);
                let touches = r.from == place || r.to == place || event.about.contains(&place);
                if touches && filter.matches(event) && !seen.contains(&(r.from, r.to, r.role)) {
                    seen.push((r.from, r.to, r.role));
                    push(r.event, r.from, r.to, Some(r.role), 1, false);
                }
            }
        }
        Focus::Overview => {
            // One faint line per pair of places, the strongest role, weighted by its events.
            let mut pairs: HashMap<(PlaceIdx, PlaceIdx), (EventIdx, Option<Role>, usize)> =
                HashMap::new();
            for &event in visible {
                let lines: Vec<(PlaceIdx, PlaceIdx, Option<Role>)> = if conflicts {
                    conflict_lines(atlas, event)
                        .into_iter()
                        .map(|(a, b)| (a, b, None))
                        .collect()
                } else {
                    relations_of_event(atlas, event)
                        .into_iter()
                        .map(|r| (r.from, r.to, Some(r.role)))
                        .collect()
                };
                for (from, to, role) in lines {
                    let entry = pairs.entry((from, to)).or_insert((event, role, 0));
                    entry.2 += 1;
                    if rank(role) > rank(entry.1) {
                        entry.1 = role;
                    }
                }
            }
            let mut pairs: Vec<_> = pairs.into_iter().collect();
            pairs.sort_by(|a, b| b.1.2.cmp(&a.1.2).then(a.0.cmp(&b.0)));
            pairs.truncate(MAX_FAINT);
            for ((from, to), (event, role, count)) in pairs {
                push(event, from, to, role, count, true);
            }
        }
    }
    out
}

/// Which role a shared line shows: the one that says most about mediation.
fn rank(role: Option<Role>) -> u8 {
    match role {
        Some(Role::Mediator) => 6,
        Some(Role::Guarantor) => 5,
        Some(Role::Party) => 4,
        Some(Role::Host) => 3,
        Some(Role::Participant) => 2,
        Some(Role::Observer) => 1,
        None => 0,
    }
}

/// The stroke of a line.
#[must_use]
pub fn stroke(line: &Line, hovered: bool) -> Stroke {
    let (color, width) = line
        .role
        .map_or((style::CONFLICT_LINE, 2.0), style::role_stroke);
    let width = if line.faint {
        // Counts above 2^16 draw as 2^16 (the width is capped long before).
        (0.7 + f32::from(u16::try_from(line.count).unwrap_or(u16::MAX)).sqrt() * 0.4).min(2.5)
    } else {
        width
    };
    let color = if line.faint && !hovered {
        color.gamma_multiply(0.22)
    } else {
        color
    };
    Stroke::new(if hovered { width + 2.0 } else { width }, color)
}

/// The key of a projection (zoom, origin x, origin y, lines version) and the points.
pub type Projected = (Option<(u64, u32, u32, u64)>, Vec<Vec<Vec<Pos2>>>);

/// Draws the lines; the event of a clicked line is written to `clicked`.
pub struct LinesPlugin<'a> {
    pub atlas: &'a Atlas,
    pub lines: &'a [Line],
    /// Changes whenever `lines` does.
    pub version: u64,
    /// The lines in screen points as last projected, and for which view and version.
    pub projected: &'a mut Projected,
    pub lang: Lang,
    pub clicked: &'a mut Option<EventIdx>,
}

impl Plugin for LinesPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let origin = projector.project(lat_lon(0.0, 0.0));
        let key = (
            projector.zoom().to_bits(),
            origin.x.to_bits(),
            origin.y.to_bits(),
            self.version,
        );
        let screen: Vec<Vec<Vec<Pos2>>> = if self.projected.0 == Some(key) {
            self.projected.1.clone()
        } else {
            self.lines
                .iter()
                .map(|line| {
                    line.geometry
                        .iter()
                        .map(|piece| {
                            // Points closer than 2 px to the last one kept add nothing but
                            // tessellation work (an arc has a point every ~100 km).
                            let mut points: Vec<Pos2> = Vec::with_capacity(piece.len());
                            for (i, &(lat, lon)) in piece.iter().enumerate() {
                                let p = projector.project(lat_lon(lat, lon)).to_pos2();
                                let last = i + 1 == piece.len();
                                if last || points.last().is_none_or(|q| q.distance_sq(p) >= 4.0) {
                                    points.push(p);
                                }
                            }
                            points
                        })
                        .collect()
                })
                .collect()
        };
        if self.projected.0 != Some(key) {
            *self.projected = (Some(key), screen.clone());
        }
        // Each line is a node for screen readers, labelled with what it stands for and
        // activated like a click on it: a small target on its middle (not a Tab stop, so the
        // keyboard's path through the markers stays short; its event is in the panel too).
        let clip = projector.clip_rect();
        let mut over_target = false;
        let mut activated = None;
        // Only while a screen reader (or a test) reads the tree: nobody else needs them.
        let accessible = ui
            .ctx()
            .accesskit_node_builder(response.id, |_| ())
            .is_some();
        for (line, pieces) in self.lines.iter().zip(&screen).filter(|_| accessible) {
            let Some(middle) = visible_middle(pieces, clip) else {
                continue;
            };
            let id = egui::Id::unique((
                "map-line",
                line.event.index(),
                line.from.index(),
                line.to.index(),
            ));
            let target = ui.interact(
                egui::Rect::from_center_size(middle, egui::vec2(6.0, 6.0)),
                id,
                egui::Sense::CLICK,
            );
            // The label is made only when a screen reader asks for the tree.
            target.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, self.label(line))
            });
            over_target |= target.hovered();
            if target.clicked() {
                activated = Some(line.event);
            }
        }
        // The line under the pointer, if any is within a few points (a target on top of the
        // map counts as the map: the mouse picks the nearest line, as everywhere else).
        let pointer_at = response.hover_pos().or_else(|| {
            over_target
                .then(|| ui.input(|i| i.pointer.hover_pos()))
                .flatten()
        });
        let hovered = pointer_at.and_then(|pos| {
            screen
                .iter()
                .enumerate()
                .filter_map(|(i, pieces)| {
                    let d = pieces
                        .iter()
                        .flat_map(|p| p.windows(2))
                        .map(|w| distance_to_segment(pos, w[0], w[1]))
                        .fold(f32::INFINITY, f32::min);
                    (d <= 6.0).then_some((i, d))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i)
        });
        if let Some(event) = activated {
            // A screen reader's activation has no pointer: the target's own line.
            *self.clicked = Some(hovered.map_or(event, |i| self.lines[i].event));
        }
        let mut shapes = Vec::with_capacity(screen.len());
        for (i, (line, pieces)) in self.lines.iter().zip(screen).enumerate() {
            let stroke = stroke(line, hovered == Some(i));
            for piece in pieces {
                if piece.len() < 2 {
                    continue;
                }
                let dashed = line.role.is_none_or(style::role_dashed);
                if dashed && !line.faint {
                    shapes.extend(Shape::dashed_line(&piece, stroke, 7.0, 5.0));
                } else {
                    shapes.push(Shape::line(piece, stroke));
                }
            }
        }
        painter.extend(shapes);
        if let Some(i) = hovered {
            let line = &self.lines[i];
            let event = self.atlas.event(line.event);
            let (from, to) = (
                self.atlas.place(line.from).name(self.lang),
                self.atlas.place(line.to).name(self.lang),
            );
            let role = line.role.map_or_else(
                || self.lang.t().mode_conflicts.to_owned(),
                |r| i18n::role(r, self.lang).to_owned(),
            );
            let text = if line.faint && line.count > 1 {
                format!(
                    "{from} – {to}: {}",
                    i18n::count_events(line.count, self.lang)
                )
            } else {
                format!(
                    "{}\n{} · {role}: {from} → {to}",
                    event.title(self.lang),
                    i18n::format_when(event.when, self.lang)
                )
            };
            response.clone().on_hover_text_at_pointer(text);
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            if response.clicked() {
                *self.clicked = Some(line.event);
            }
        }
    }
}

impl LinesPlugin<'_> {
    /// What a line stands for, as a screen reader says it: "Linie Astana → Almaty: Erste Runde
    /// der Astana-Gespräche (23. Januar 2017)", or for a bundle of faint ones the count.
    fn label(&self, line: &Line) -> String {
        let (from, to) = (
            self.atlas.place(line.from).name(self.lang),
            self.atlas.place(line.to).name(self.lang),
        );
        if line.faint && line.count > 1 {
            crate::tr!(
                self.lang,
                "line-bundle",
                from = from,
                to = to,
                n = line.count
            )
        } else {
            let event = self.atlas.event(line.event);
            crate::tr!(
                self.lang,
                "line-event",
                from = from,
                to = to,
                title = event.title(self.lang),
                date = i18n::format_when(event.when, self.lang)
            )
        }
    }
}

/// The point halfway along the part of a line inside `clip`, if any of it is.
fn visible_middle(pieces: &[Vec<Pos2>], clip: egui::Rect) -> Option<Pos2> {
    let inside: Vec<Pos2> = pieces
        .iter()
        .flatten()
        .copied()
        .filter(|p| clip.shrink(6.0).contains(*p))
        .collect();
    inside.get(inside.len() / 2).copied()
}

/// Distance from `p` to the segment `a`–`b`, in points.
fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return p.distance(a);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// The roles among `lines`, in legend order.
#[must_use]
pub fn roles_shown(lines: &[Line]) -> Vec<Option<Role>> {
    let order = [
        Some(Role::Host),
        Some(Role::Mediator),
        Some(Role::Guarantor),
        Some(Role::Party),
        Some(Role::Observer),
        Some(Role::Participant),
        None,
    ];
    order
        .into_iter()
        .filter(|r| lines.iter().any(|l| l.role == *r))
        .collect()
}

/// A swatch of a role's line for the legend.
pub fn legend_swatch(ui: &mut Ui, role: Option<Role>) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(28.0, 12.0), egui::Sense::hover());
    let (color, width) = role.map_or((style::CONFLICT_LINE, 2.0), style::role_stroke);
    let stroke = Stroke::new(width, color);
    let (a, b) = (rect.left_center(), rect.right_center());
    if role.is_none_or(style::role_dashed) {
        ui.painter()
            .extend(Shape::dashed_line(&[a, b], stroke, 5.0, 3.0));
    } else {
        ui.painter().line_segment([a, b], stroke);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_atlas;

    #[test]
    fn an_events_lines_are_its_relations_with_their_geometry() {
        let atlas = test_atlas();
        let mut cache = GeometryCache::default();
        let event = atlas
            .events
            .iter()
            .position(|e| e.places.len() == 1 && e.participants.len() >= 3)
            .map(EventIdx::from_index)
            .expect("an event with participants");
        let lines = lines_for(
            &atlas,
            &Focus::Event(event),
            &Filter::default(),
            &[],
            false,
            &mut cache,
        );
        assert_eq!(lines.len(), relations_of_event(&atlas, event).len());
        assert!(
            lines
                .iter()
                .all(|l| !l.faint && l.event == event && l.role.is_some())
        );
        for line in &lines {
            let first = line.geometry[0][0];
            let from = atlas.place(line.from);
            assert!((first.0 - from.lat).abs() < 1e-6 && (first.1 - from.lon).abs() < 1e-6);
        }
    }

    #[test]
    fn the_overview_draws_each_pair_once_and_faintly() {
        let atlas = test_atlas();
        let mut cache = GeometryCache::default();
        let visible = Filter::default().events(&atlas);
        let lines = lines_for(
            &atlas,
            &Focus::Overview,
            &Filter::default(),
            &visible,
            false,
            &mut cache,
        );
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l.faint));
        let mut pairs: Vec<_> = lines.iter().map(|l| (l.from, l.to)).collect();
        let n = pairs.len();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), n, "no pair drawn twice");
        let total: usize = lines.iter().map(|l| l.count).sum();
        assert!(total >= n);
    }

    #[test]
    fn the_segment_distance_is_euclidean() {
        let d = distance_to_segment(
            Pos2::new(5.0, 3.0),
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
        );
        assert!((d - 3.0).abs() < 1e-6);
        let end = distance_to_segment(
            Pos2::new(13.0, 4.0),
            Pos2::new(0.0, 0.0),
            Pos2::new(10.0, 0.0),
        );
        assert!((end - 5.0).abs() < 1e-6);
    }
}
