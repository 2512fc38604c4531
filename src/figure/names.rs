//! The base map's names in a figure: seas and countries, as the app's map names them
//! (`basemap::labels`), laid out around the markers and their labels, none over another.

use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use super::scene::Projection;
use super::text::Measure;
use crate::basemap::labels::{COUNTRY_TEXT, SEA_TEXT, SEAS};
use crate::basemap::world::{WorldMap, from_mercator};
use crate::i18n::{Lang, pick3};
use crate::style;

/// The letter spacing of country names (capitals, spaced out: a map convention that keeps
/// them apart from the place labels).
pub const COUNTRY_SPACING: f32 = 1.2;

/// A name on the base map: its lines, centred on `rect`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapName {
    pub lines: Vec<String>,
    pub rect: Rect,
    pub size: f32,
    pub colour: Color32,
    /// Extra space between letters.
    pub spacing: f32,
}

/// Where on the visible part of a country a name is tried when its own label point is off
/// the map, centre first (fractions across, then down).
const GRID: [(f32, f32); 9] = [
    (0.5, 0.5),
    (0.35, 0.5),
    (0.65, 0.5),
    (0.5, 0.3),
    (0.5, 0.7),
    (0.2, 0.3),
    (0.8, 0.3),
    (0.2, 0.7),
    (0.8, 0.7),
];

/// Seas, then countries, largest first, where they collide with nothing in `taken`.
#[must_use]
pub fn layout(
    world: &WorldMap,
    projection: &Projection,
    lang: Lang,
    taken: &[Rect],
    measure: &Measure,
) -> Vec<MapName> {
    let map = projection.map;
    let zoom = projection.view.zoom;
    let mut placed: Vec<Rect> = taken.to_vec();
    let mut out = Vec::new();
    let free = |r: &Rect, placed: &[Rect]| {
        map.shrink(4.0).contains_rect(*r) && placed.iter().all(|p| !p.intersects(r.expand(3.0)))
    };
    for sea in SEAS.iter().filter(|s| zoom >= s.min_zoom) {
        let lines: Vec<String> = crate::i18n::fluent::message(lang, sea.name, None)
            .lines()
            .map(str::to_owned)
            .collect();
        let size = style::SEA_LABEL_SIZE - 1.0;
        let block = block_size(measure, &lines, size, 0.0);
        let spot = sea
            .at
            .iter()
            .map(|&(lat, lon)| Rect::from_center_size(projection.point(lat, lon), block))
            .find(|r| free(r, &placed));
        if let Some(rect) = spot {
            placed.push(rect);
            out.push(MapName {
                lines,
                rect,
                size,
                colour: SEA_TEXT,
                spacing: 0.0,
            });
        }
    }
    let mut countries: Vec<_> = world.countries().iter().collect();
    countries.sort_by(|a, b| b.area.total_cmp(&a.area));
    for country in countries {
        let name = pick3(lang, &country.name_de, &country.name_en, &country.name_ru);
        if name.is_empty() {
            continue;
        }
        let ((lat_min, lon_min), (lat_max, lon_max)) = country.bbox;
        let frame = Rect::from_two_pos(
            projection.point(lat_min, lon_min),
            projection.point(lat_max, lon_max),
        );
        if !frame.intersects(map) {
            continue;
        }
        let lines = vec![name.to_uppercase()];
        let size = style::COUNTRY_LABEL_SIZE;
        let block = block_size(measure, &lines, size, COUNTRY_SPACING);
        // A name wider than its country would be read as the neighbour's.
        if block.x > frame.width() * 0.9 || block.y > frame.height() * 0.9 {
            continue;
        }
        let at = projection.point(country.label.0, country.label.1);
        let mut candidates: Vec<Rect> = [0.0, -1.0, 1.0]
            .map(|k| Rect::from_center_size(at + vec2(0.0, k * (block.y + 6.0)), block))
            .to_vec();
        if !map.contains(at) {
            // A big country whose label point is off the map is named where it is visible.
            let visible = frame.intersect(map);
            let inside = |p: Pos2| {
                let (lat, lon) = unproject(projection, p);
                world.country_at(lat, lon) == Some(country.numeric.as_str())
            };
            candidates.extend(
                GRID.iter()
                    .map(|&(fx, fy)| visible.lerp_inside(Vec2::new(fx, fy)))
                    .map(|c| Rect::from_center_size(c, block))
                    .filter(|r| {
                        inside(r.center()) && inside(r.left_center()) && inside(r.right_center())
                    })
                    .take(1),
            );
        }
        if let Some(rect) = candidates.into_iter().find(|r| free(r, &placed)) {
            placed.push(rect);
            out.push(MapName {
                lines,
                rect,
                size,
                colour: COUNTRY_TEXT,
                spacing: COUNTRY_SPACING,
            });
        }
    }
    out
}

/// The box a block of centred lines takes.
fn block_size(measure: &Measure, lines: &[String], size: f32, spacing: f32) -> Vec2 {
    let width = lines
        .iter()
        .map(|l| measure.width(l, size, false) + spacing * count(l))
        .fold(0.0, f32::max);
    vec2(width, size * 1.25 * count_lines(lines))
}

#[allow(clippy::cast_precision_loss)] // Names are a few dozen characters long.
fn count(line: &str) -> f32 {
    line.chars().count() as f32
}

#[allow(clippy::cast_precision_loss)] // A name has one or two lines.
fn count_lines(lines: &[String]) -> f32 {
    lines.len() as f32
}

/// The (lat, lon) of a point of the figure.
fn unproject(projection: &Projection, p: Pos2) -> (f64, f64) {
    let c = projection.map.center();
    let x = projection.centre.0 + f64::from(p.x - c.x) / projection.world;
    let y = projection.centre.1 + f64::from(p.y - c.y) / projection.world;
    from_mercator(x, y)
}

/// Where the first line's baseline starts for a centred block: the line's centre x and
/// baseline y.
#[must_use]
pub fn line_anchor(name: &MapName, line: usize) -> Pos2 {
    #[allow(clippy::cast_precision_loss)] // One or two lines.
    let row = line as f32;
    pos2(
        name.rect.center().x,
        name.rect.top() + name.size * (1.25 * row + 0.95),
    )
}
