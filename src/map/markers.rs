//! The walkers plugin that draws a marker for every place with events, groups overlapping ones,
//! labels them without collisions, and reports clicks as values.

use egui::{
    Align2, Color32, FontId, Id, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2, WidgetInfo,
};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

use super::cluster::{Cluster, ScreenMarker, cluster, marker_radius};
use crate::i18n::{self, Lang};
use crate::model::{ArticlePlace, Atlas, PlaceIdx};
use crate::style;

/// What a click on the map asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum MarkerClick {
    /// A single place was clicked.
    Place(PlaceIdx),
    /// A group was clicked: zoom in until its places separate.
    Group(Vec<PlaceIdx>),
}

/// Paints what goes under the markers once their labels are placed (the base map's names),
/// given the rectangles already taken.
pub type Underlay<'a> =
    Box<dyn FnOnce(&egui::Painter, &Projector, &[Rect]) -> Vec<egui::Shape> + 'a>;

/// Draws the markers; what was clicked is written to `clicked`.
pub struct MarkersPlugin<'a> {
    pub atlas: &'a Atlas,
    /// Places with events and how many, from [`Atlas::marker_places`].
    pub markers: &'a [(PlaceIdx, usize)],
    /// Places named in articles that have no event marker: drawn as diamonds, under the events.
    pub article_markers: &'a [ArticlePlace],
    pub lang: Lang,
    pub selected: Option<PlaceIdx>,
    /// Size of the place labels (larger in presentation mode).
    pub label_size: f32,
    pub clicked: &'a mut Option<MarkerClick>,
    /// Names of the base map, laid out around the markers' labels and drawn beneath them.
    pub underlay: Option<Underlay<'a>>,
}

impl Plugin for MarkersPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let max_weight = self.markers.iter().map(|&(_, n)| n).max().unwrap_or(1);
        let screen: Vec<ScreenMarker> = self
            .markers
            .iter()
            .map(|&(place, weight)| {
                let p = self.atlas.place(place);
                let pos = projector.project(lat_lon(p.lat, p.lon)).to_pos2();
                ScreenMarker {
                    place,
                    pos,
                    radius: marker_radius(weight, max_weight),
                    weight,
                }
            })
            .collect();
        let clusters = cluster(&screen, projector.clip_rect(), 3.0);
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let underlay_slot = painter.add(egui::Shape::Noop);
        let diamond_slot = painter.add(egui::Shape::Noop);

        let mut placed_labels: Vec<Rect> = clusters
            .iter()
            .map(|c| Rect::from_center_size(c.pos, Vec2::splat(c.radius * 2.0)))
            .collect();
        for c in &clusters {
            let label = self.symbol_label(c);
            let hit = Rect::from_center_size(
                c.pos,
                Vec2::splat((c.radius + style::MARKER_HIT_SLOP) * 2.0),
            );
            let id = Id::unique(("marker", c.members.first().map_or(0, |p| p.0)));
            let response = ui.interact(hit, id, Sense::click());
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            let selected = self.selected.is_some_and(|s| c.members.contains(&s));
            let country_only = !c.is_group()
                && c.members
                    .first()
                    .is_some_and(|&p| self.atlas.place(p).kind == crate::model::PlaceKind::Country);
            draw_symbol(&painter, c, response.hovered(), selected, country_only);
            style::focus_ring(&painter, &response);
            let response = response.on_hover_text(self.tooltip(c));
            if response.clicked() {
                *self.clicked = Some(if c.is_group() {
                    MarkerClick::Group(c.members.clone())
                } else {
                    MarkerClick::Place(c.members[0])
                });
            }
            if let Some(rect) = place_label(
                &painter,
                c,
                &label_text(self.atlas, c, self.lang),
                &placed_labels,
                self.label_size,
                // The selection ring sits 4 points out, 2.5 wide: keep the label clear of it.
                if selected { 11.0 } else { 7.0 },
            ) {
                placed_labels.push(rect);
            }
        }
        // Diamonds go under the event markers and their labels (into the slot kept for them).
        let (click, diamonds) =
            self.article_symbols(ui, projector, &painter, &clusters, &mut placed_labels);
        painter.set(diamond_slot, egui::Shape::Vec(diamonds));
        if click.is_some() {
            *self.clicked = click;
        }
        if let Some(underlay) = self.underlay {
            let shapes = underlay(&painter, projector, &placed_labels);
            painter.set(underlay_slot, egui::Shape::Vec(shapes));
        }
    }
}

impl MarkersPlugin<'_> {
    /// Draws the diamonds of places named only in articles, grouped where they overlap, each
    /// clickable like a marker; labels where there is room after the events' labels.
    fn article_symbols(
        &self,
        ui: &Ui,
        projector: &Projector,
        painter: &egui::Painter,
        events: &[Cluster],
        labels: &mut Vec<Rect>,
    ) -> (Option<MarkerClick>, Vec<egui::Shape>) {
        let mut clicked = None;
        let mut shapes = Vec::new();
        let screen: Vec<ScreenMarker> = self
            .article_markers
            .iter()
            .filter(|a| !self.markers.iter().any(|&(p, _)| p == a.place))
            .map(|a| {
                let p = self.atlas.place(a.place);
                ScreenMarker {
                    place: a.place,
                    pos: projector.project(lat_lon(p.lat, p.lon)).to_pos2(),
                    radius: style::ARTICLE_MARKER_RADIUS,
                    weight: a.articles,
                }
            })
            // A diamond under an event marker would be hidden and unclickable anyway.
            .filter(|m| {
                events
                    .iter()
                    .all(|c| c.pos.distance(m.pos) > c.radius + style::ARTICLE_MARKER_RADIUS)
            })
            .collect();
        for c in cluster(&screen, projector.clip_rect(), 3.0) {
            let review = c.members.iter().all(|p| {
                self.article_markers
                    .iter()
                    .any(|a| a.place == *p && a.review)
            });
            let label = self.symbol_label(&c);
            let hit = Rect::from_center_size(
                c.pos,
                Vec2::splat((style::ARTICLE_MARKER_RADIUS + style::MARKER_HIT_SLOP) * 2.0),
            );
            let id = Id::unique(("article_marker", c.members.first().map_or(0, |p| p.0)));
            let response = ui.interact(hit, id, Sense::click());
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
            style::focus_ring(painter, &response);
            let selected = self.selected.is_some_and(|s| c.members.contains(&s));
            shapes.extend(diamond_shapes(
                painter,
                &c,
                response.hovered(),
                selected,
                review,
            ));
            let response = response.on_hover_text(self.tooltip(&c));
            if response.clicked() {
                clicked = Some(if c.is_group() {
                    MarkerClick::Group(c.members.clone())
                } else {
                    MarkerClick::Place(c.members[0])
                });
            }
            if let Some(rect) = place_label(
                painter,
                &c,
                &label_text(self.atlas, &c, self.lang),
                labels,
                self.label_size - 2.0,
                6.0,
            ) {
                labels.push(rect);
            }
        }
        (clicked, shapes)
    }

    /// The accessible name of a symbol: the place, or the places of a group.
    fn symbol_label(&self, c: &Cluster) -> String {
        let names: Vec<&str> = c
            .members
            .iter()
            .map(|&p| self.atlas.place(p).name(self.lang))
            .collect();
        if c.is_group() {
            format!(
                "{} ({})",
                names.join(", "),
                i18n::count_places(names.len(), self.lang)
            )
        } else {
            names.concat()
        }
    }

    fn tooltip(&self, c: &Cluster) -> String {
        c.members
            .iter()
            .map(|&p| place_tooltip(self.atlas, p, self.lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What hovering a place's marker says: its name and counts, and for a place known only as a
/// country, that the point stands for the whole country.
#[must_use]
pub fn place_tooltip(atlas: &Atlas, p: PlaceIdx, lang: Lang) -> String {
    let place = atlas.place(p);
    let events = atlas.events_of_place(p).len();
    let articles = atlas.articles_of_place(p).len();
    let mut text = format!(
        "{} — {} · {}",
        place.name(lang),
        i18n::count_events(events, lang),
        i18n::count_articles(articles, lang)
    );
    if place.kind == crate::model::PlaceKind::Country {
        text.push('\n');
        text.push_str(&crate::tr!(lang, "marker-country-only"));
    }
    text
}

fn label_text(atlas: &Atlas, c: &Cluster, lang: Lang) -> String {
    let first = c.members.first().map_or("", |&p| atlas.place(p).name(lang));
    if c.is_group() {
        format!("{first} +{}", c.members.len() - 1)
    } else {
        first.to_owned()
    }
}

/// An article place: a teal diamond (hollow while its links await review), a count for a group.
fn diamond_shapes(
    painter: &egui::Painter,
    c: &Cluster,
    hovered: bool,
    selected: bool,
    review: bool,
) -> Vec<egui::Shape> {
    let r = style::ARTICLE_MARKER_RADIUS + if hovered { 2.0 } else { 0.0 };
    let r = if c.is_group() { r + 3.0 } else { r };
    let colour = if hovered {
        style::ARTICLE_MARKER_HOVER
    } else {
        style::ARTICLE_MARKER
    };
    let points = |r: f32| {
        vec![
            c.pos + Vec2::new(0.0, -r),
            c.pos + Vec2::new(r, 0.0),
            c.pos + Vec2::new(0.0, r),
            c.pos + Vec2::new(-r, 0.0),
        ]
    };
    let (fill, stroke) = if review {
        (Color32::WHITE, Stroke::new(2.0, colour))
    } else {
        (colour, Stroke::NONE)
    };
    let mut shapes = vec![
        egui::Shape::convex_polygon(points(r + 2.0), Color32::WHITE, Stroke::NONE),
        egui::Shape::convex_polygon(points(r), fill, stroke),
    ];
    if selected {
        shapes.push(egui::Shape::closed_line(
            points(r + 5.0),
            Stroke::new(2.5, style::MARKER_SELECTED),
        ));
    }
    if c.is_group() {
        let text = if review { colour } else { Color32::WHITE };
        let galley = painter.layout_no_wrap(
            c.members.len().to_string(),
            FontId::proportional(11.0),
            text,
        );
        let at = c.pos - galley.size() / 2.0;
        shapes.push(egui::Shape::galley(at, galley, text));
    }
    shapes
}

/// A marker: a filled circle, with a count for a group. A place known only as a country (UCDP's
/// geo precision 6) has a dashed ring around it, wider than a city's marker: somewhere in the
/// country, not at this point.
fn draw_symbol(
    painter: &egui::Painter,
    c: &Cluster,
    hovered: bool,
    selected: bool,
    country_only: bool,
) {
    let fill = match (c.is_group(), selected, hovered) {
        (_, true, _) => style::MARKER_SELECTED,
        (true, false, false) => style::CLUSTER_FILL,
        (false, false, false) => style::MARKER_FILL,
        (_, false, true) => style::MARKER_HOVER,
    };
    let radius = if hovered { c.radius + 2.0 } else { c.radius };
    // A soft shadow lifts the marker off any base map.
    painter.circle_filled(
        c.pos + Vec2::new(0.0, 1.5),
        radius + 1.0,
        Color32::from_black_alpha(50),
    );
    painter.circle(c.pos, radius, fill, style::MARKER_RING);
    if country_only {
        let ring = radius + 5.0;
        let points: Vec<egui::Pos2> = (0..=48_u8)
            .map(|i| {
                let angle = std::f32::consts::TAU * f32::from(i) / 48.0;
                c.pos + ring * Vec2::angled(angle)
            })
            .collect();
        painter.extend(egui::Shape::dashed_line(
            &points,
            Stroke::new(1.5, fill),
            4.0,
            3.0,
        ));
    }
    if selected {
        painter.circle_stroke(
            c.pos,
            radius + 4.0,
            Stroke::new(2.5, style::MARKER_SELECTED),
        );
    }
    if c.is_group() {
        painter.text(
            c.pos,
            Align2::CENTER_CENTER,
            c.members.len().to_string(),
            FontId::proportional(13.0),
            Color32::WHITE,
        );
    }
}

/// Places a label beside its symbol where it collides with nothing already placed: right, left,
/// above, below. Returns its rectangle, or `None` if there was no room (the tooltip still names it).
fn place_label(
    painter: &egui::Painter,
    c: &Cluster,
    text: &str,
    taken: &[Rect],
    size: f32,
    clearance: f32,
) -> Option<Rect> {
    let font = FontId::proportional(size);
    let galley = painter.layout_no_wrap(text.to_owned(), font, style::LABEL_TEXT);
    let size = galley.size() + Vec2::new(6.0, 2.0);
    let gap = c.radius + clearance;
    let candidates = [
        Rect::from_min_size(Pos2::new(c.pos.x + gap, c.pos.y - size.y / 2.0), size),
        Rect::from_min_size(
            Pos2::new(c.pos.x - gap - size.x, c.pos.y - size.y / 2.0),
            size,
        ),
        Rect::from_min_size(
            Pos2::new(c.pos.x - size.x / 2.0, c.pos.y - gap - size.y),
            size,
        ),
        Rect::from_min_size(Pos2::new(c.pos.x - size.x / 2.0, c.pos.y + gap), size),
    ];
    let clip = painter.clip_rect();
    let rect = candidates
        .into_iter()
        .find(|r| clip.contains_rect(*r) && taken.iter().all(|t| !t.intersects(*r)))?;
    painter.rect_filled(rect, 3.0, style::LABEL_HALO);
    painter.galley(rect.min + Vec2::new(3.0, 1.0), galley, style::LABEL_TEXT);
    Some(rect)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_venue_known_only_as_a_country_says_so_and_a_city_does_not() {
        let atlas = crate::ingest::test_atlas();
        let note = |id: &str, lang: Lang| {
            let p = atlas.place_by_id(id).expect("shipped place");
            place_tooltip(&atlas, p, lang)
        };
        assert!(note("ukraine", Lang::De).contains("Nur das Land ist bekannt"));
        assert!(note("ukraine", Lang::En).contains("Only the country is known"));
        assert!(
            !note("kiew", Lang::De).contains("Nur das Land"),
            "Kyiv is a city"
        );
        assert!(note("kiew", Lang::De).starts_with("Kiew — "));
    }
}
