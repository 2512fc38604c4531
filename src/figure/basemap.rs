//! The land of a figure: the embedded Natural Earth countries, projected into the figure's
//! map rectangle, clipped to it and thinned to what a reader can see.

use egui::{Pos2, Rect};

use super::scene::Projection;
use crate::basemap::world::{Bbox, ShapeSet, WorldMap};

/// How far outside the map the geometry is kept, so that clipped edges never show (the SVG
/// clips to the map exactly).
const CLIP_MARGIN: f32 = 8.0;
/// Points closer than this to the last one kept add nothing visible, in output units (pixels
/// of a PNG, points of a PDF page: 0.28 mm).
const MIN_STEP: f32 = 0.8;

/// The land, its borders and its coasts, in figure units.
#[derive(Debug, Clone, Default)]
pub struct Land {
    /// Polygons: rings, the first outer, the rest holes (filled non-zero).
    pub polygons: Vec<Vec<Vec<Pos2>>>,
    /// Lines between two countries.
    pub borders: Vec<Vec<Pos2>>,
    /// Coasts and lake shores.
    pub coasts: Vec<Vec<Pos2>>,
}

/// The land of `world` within the projection's map, for output at `scale` output units per
/// figure unit.
#[must_use]
pub fn land(world: &WorldMap, projection: &Projection, scale: f32) -> Land {
    let min_step = MIN_STEP / scale.max(0.1);
    // One level finer than the app's tiles would take for a figure at 1:1 or larger: it is
    // looked at closely. A figure drawn smaller (a handout's) takes the app's level.
    let zoom = u32::try_from(projection.view.zoom.round() as i64)
        .unwrap_or(0)
        .min(20);
    let finer = u32::from(scale >= 1.0);
    let layers = world.layers(WorldMap::lod_for_zoom(zoom + finer));
    let clip = projection.map.expand(CLIP_MARGIN);
    let bbox = normalised_bbox(projection, clip);
    let mut land = Land::default();
    for i in 0..layers.polygons.len() {
        for shift in shifts(&layers.polygons.bbox(i), &bbox) {
            let rings: Vec<Vec<Pos2>> = layers
                .polygons
                .rings(i)
                .map(|ring| clip_polygon(&thin(project(ring, projection, shift), min_step), clip))
                .filter(|ring| ring.len() >= 3)
                .collect();
            if !rings.is_empty() {
                land.polygons.push(rings);
            }
        }
    }
    land.borders = lines_within(&layers.borders, projection, clip, &bbox, min_step);
    land.coasts = lines_within(&layers.coasts, projection, clip, &bbox, min_step);
    land
}

/// The normalised Web Mercator box of a rectangle of figure units.
fn normalised_bbox(projection: &Projection, rect: Rect) -> Bbox {
    let c = projection.map.center();
    let x = |px: f32| projection.centre.0 + f64::from(px - c.x) / projection.world;
    let y = |py: f32| projection.centre.1 + f64::from(py - c.y) / projection.world;
    Bbox {
        min_x: x(rect.left()),
        min_y: y(rect.top()),
        max_x: x(rect.right()),
        max_y: y(rect.bottom()),
    }
}

/// The whole-world shifts (−1, 0, +1) under which a shape's box meets the frame's: shapes
/// unwrapped across the antimeridian (Russia's Chukotka is stored west of −180°) poke past
/// x = 0 or x = 1, as the tile renderer knows too.
fn shifts(shape: &Bbox, frame: &Bbox) -> Vec<f64> {
    [-1.0, 0.0, 1.0]
        .into_iter()
        .filter(|s| {
            frame.intersects(&Bbox {
                min_x: shape.min_x + s,
                max_x: shape.max_x + s,
                ..*shape
            })
        })
        .collect()
}

fn project(points: &[[f32; 2]], projection: &Projection, shift: f64) -> Vec<Pos2> {
    points
        .iter()
        .map(|p| projection.mercator(f64::from(p[0]) + shift, f64::from(p[1])))
        .collect()
}

/// Drops points closer than `min_step` to the last one kept (the last point always stays).
fn thin(points: Vec<Pos2>, min_step: f32) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::with_capacity(points.len());
    let n = points.len();
    for (i, p) in points.into_iter().enumerate() {
        if i + 1 == n || out.last().is_none_or(|q| q.distance(p) >= min_step) {
            out.push(p);
        }
    }
    out
}

/// The polylines of `set` that reach into `clip`, cut into the runs that do.
fn lines_within(
    set: &ShapeSet,
    projection: &Projection,
    clip: Rect,
    bbox: &Bbox,
    min_step: f32,
) -> Vec<Vec<Pos2>> {
    let mut out = Vec::new();
    for i in 0..set.len() {
        for shift in shifts(&set.bbox(i), bbox) {
            lines_of_shape(set, (i, shift), projection, clip, min_step, &mut out);
        }
    }
    out
}

/// The runs of shape `i` (shifted by whole worlds) that reach into `clip`.
fn lines_of_shape(
    set: &ShapeSet,
    (i, shift): (usize, f64),
    projection: &Projection,
    clip: Rect,
    min_step: f32,
    out: &mut Vec<Vec<Pos2>>,
) {
    {
        for line in set.rings(i) {
            let points = thin(project(line, projection, shift), min_step);
            let mut run: Vec<Pos2> = Vec::new();
            for pair in points.windows(2) {
                let segment = Rect::from_two_pos(pair[0], pair[1]);
                if segment.intersects(clip) {
                    if run.is_empty() {
                        run.push(pair[0]);
                    }
                    run.push(pair[1]);
                } else if run.len() >= 2 {
                    out.push(std::mem::take(&mut run));
                } else {
                    run.clear();
                }
            }
            if run.len() >= 2 {
                out.push(run);
            }
        }
    }
}

/// Sutherland–Hodgman: the part of a closed ring inside the (convex) rectangle. Edges
/// along the rectangle's sides may appear where the ring ran outside; they lie in the
/// margin the SVG clips away.
#[must_use]
pub fn clip_polygon(ring: &[Pos2], rect: Rect) -> Vec<Pos2> {
    #[derive(Clone, Copy)]
    enum Edge {
        Left(f32),
        Right(f32),
        Top(f32),
        Bottom(f32),
    }
    let inside = |p: Pos2, e: Edge| match e {
        Edge::Left(x) => p.x >= x,
        Edge::Right(x) => p.x <= x,
        Edge::Top(y) => p.y >= y,
        Edge::Bottom(y) => p.y <= y,
    };
    let cross = |a: Pos2, b: Pos2, e: Edge| {
        let t = match e {
            Edge::Left(x) | Edge::Right(x) => (x - a.x) / (b.x - a.x),
            Edge::Top(y) | Edge::Bottom(y) => (y - a.y) / (b.y - a.y),
        };
        a + (b - a) * t
    };
    let mut points = ring.to_vec();
    for edge in [
        Edge::Left(rect.left()),
        Edge::Right(rect.right()),
        Edge::Top(rect.top()),
        Edge::Bottom(rect.bottom()),
    ] {
        let Some(&last) = points.last() else {
            return points;
        };
        let mut out = Vec::with_capacity(points.len() + 4);
        let mut prev = last;
        for &p in &points {
            match (inside(prev, edge), inside(p, edge)) {
                (true, true) => out.push(p),
                (true, false) => out.push(cross(prev, p, edge)),
                (false, true) => {
                    out.push(cross(prev, p, edge));
                    out.push(p);
                }
                (false, false) => {}
            }
            prev = p;
        }
        points = out;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_square_half_outside_is_cut_at_the_edge() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0));
        let square = [
            pos2(5.0, 2.0),
            pos2(15.0, 2.0),
            pos2(15.0, 8.0),
            pos2(5.0, 8.0),
        ];
        let clipped = clip_polygon(&square, rect);
        assert!(clipped.iter().all(|p| rect.contains(*p)), "{clipped:?}");
        let right = clipped.iter().map(|p| p.x).fold(f32::MIN, f32::max);
        assert!((right - 10.0).abs() < 1e-4);
        assert!(
            clip_polygon(
                &square,
                Rect::from_min_max(pos2(20.0, 20.0), pos2(30.0, 30.0))
            )
            .is_empty()
        );
    }
}
