//! CPU rendering of slippy-map tiles from the embedded [`WorldMap`] with tiny-skia.

// tiny-skia works in f32 pixels while geometry is f64: the casts are of pixel-range values.
#![allow(clippy::cast_possible_truncation)]

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Stroke, Transform,
};

use super::world::{Bbox, ShapeSet, WorldMap, to_mercator};

/// Colours of the embedded map: calm, so markers stay the loudest thing, and readable on a projector.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Everything not covered by a country (oceans, the Caspian, big lakes).
    pub sea: [u8; 4],
    /// Country fill.
    pub land: [u8; 4],
    /// Lines between two countries.
    pub border: [u8; 4],
    /// Coast lines.
    pub coast: [u8; 4],
    /// Border width in px at 256 px tiles (scaled with the tile size).
    pub border_width: f32,
    /// Coast width in px at 256 px tiles (scaled with the tile size).
    pub coast_width: f32,
}

impl Palette {
    /// Light theme: pale blue sea, warm paper-like land, grey-violet borders.
    pub const LIGHT: Palette = Palette {
        sea: [0xcf, 0xe3, 0xee, 0xff],
        land: [0xf3, 0xef, 0xe6, 0xff],
        border: [0x84, 0x78, 0x9c, 0xff],
        coast: [0x86, 0xa3, 0xb6, 0xff],
        border_width: 1.1,
        coast_width: 0.8,
    };
}

/// A rendered tile: `size`×`size` RGBA, straight (not premultiplied) alpha, row-major.
#[derive(Debug, Clone)]
pub struct TileImage {
    /// Edge length in px.
    pub size: u32,
    /// `size * size * 4` bytes.
    pub rgba: Vec<u8>,
}

/// Largest zoom rendered exactly; deeper zooms would exceed f32 pixel precision of the
/// stored points anyway (the 10m data is ~1 km accurate; zoom 20 is 0.15 m/px).
const MAX_ZOOM: u32 = 20;
/// Largest tile edge accepted; bigger requests are clamped (a 4096² tile is 64 MB).
const MAX_SIZE: u32 = 4096;
/// Clip margin in px: polygon clipping and line culling keep this much outside the
/// tile so that clip edges and line caps never show.
const MARGIN: f32 = 4.0;

/// Where a tile sits in normalised mercator, and how to get to its pixels.
struct View {
    /// Pixels per normalised unit: `2^z * size`.
    scale: f64,
    /// Tile origin in normalised units.
    x0: f64,
    y0: f64,
    size: f32,
}

impl View {
    /// The tile's area plus the margin, in normalised units.
    fn bounds(&self) -> Bbox {
        let m = f64::from(MARGIN) / self.scale;
        let s = f64::from(self.size) / self.scale;
        Bbox {
            min_x: self.x0 - m,
            min_y: self.y0 - m,
            max_x: self.x0 + s + m,
            max_y: self.y0 + s + m,
        }
    }

    fn px(&self, p: [f32; 2], shift: f64) -> (f32, f32) {
        (
            ((f64::from(p[0]) + shift - self.x0) * self.scale) as f32,
            ((f64::from(p[1]) - self.y0) * self.scale) as f32,
        )
    }

    /// Shifts by whole worlds (−1, 0, +1) under which `b` overlaps the tile: shapes that
    /// were unwrapped across the antimeridian poke past x = 0 or x = 1.
    fn shifts(&self, b: &Bbox) -> impl Iterator<Item = f64> {
        let bounds = self.bounds();
        let b = *b;
        [-1.0, 0.0, 1.0].into_iter().filter(move |s| {
            bounds.intersects(&Bbox {
                min_x: b.min_x + s,
                max_x: b.max_x + s,
                ..b
            })
        })
    }
}

/// Renders the slippy-map tile z/x/y (Web Mercator, OSM numbering) at `size` px (256, or 512 for hi-dpi).
///
/// Out-of-range requests do not fail: `x` wraps around the world, a `y` beyond the map
/// gives a plain sea tile, `z` is capped at 20 and `size` at 1..=4096.
#[must_use]
pub fn render_tile(
    world: &WorldMap,
    z: u32,
    x: u32,
    y: u32,
    size: u32,
    palette: &Palette,
) -> TileImage {
    let z = z.min(MAX_ZOOM);
    let size = size.clamp(1, MAX_SIZE);
    let tiles = 1u32 << z;
    // Exact: size is at most 4096.
    let size_px = f32::from(u16::try_from(size).unwrap_or(u16::MAX));
    let Some(mut pixmap) = Pixmap::new(size, size) else {
        // Unreachable for 1..=4096, but a sea-coloured tile is the honest fallback.
        return TileImage {
            size,
            rgba: palette.sea.repeat((size * size) as usize),
        };
    };
    pixmap.fill(color(palette.sea));
    if y < tiles {
        let view = View {
            scale: f64::from(tiles) * f64::from(size),
            x0: f64::from(x % tiles) / f64::from(tiles),
            y0: f64::from(y) / f64::from(tiles),
            size: size_px,
        };
        let layers = world.layers(WorldMap::lod_for_zoom(z));
        // Lines are specified for 256 px tiles; hi-dpi tiles get proportionally thicker ones.
        let line_scale = size_px / 256.0;
        fill_polygons(&mut pixmap, &view, &layers.polygons, palette.land);
        stroke_lines(
            &mut pixmap,
            &view,
            &layers.coasts,
            palette.coast,
            palette.coast_width * line_scale,
        );
        stroke_lines(
            &mut pixmap,
            &view,
            &layers.borders,
            palette.border,
            palette.border_width * line_scale,
        );
    }
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    TileImage { size, rgba }
}

/// (tile x, tile y, px within the tile, py within the tile) of a place at zoom `z`.
#[must_use]
pub fn lat_lon_to_tile_pixel(lat: f64, lon: f64, z: u32, size: u32) -> (u32, u32, f32, f32) {
    let (mx, my) = to_mercator(lat, lon);
    let n = f64::from(1u32 << z.min(MAX_ZOOM));
    let (tx, ty) = ((mx * n).clamp(0.0, n - 1e-9), (my * n).clamp(0.0, n - 1e-9));
    let (fx, fy) = (tx.floor(), ty.floor());
    // Values are within 0..2^20 by the clamps above, so the casts cannot wrap.
    #[allow(clippy::cast_sign_loss)]
    let tile = (fx as u32, fy as u32);
    (
        tile.0,
        tile.1,
        ((tx - fx) * f64::from(size)) as f32,
        ((ty - fy) * f64::from(size)) as f32,
    )
}

fn color(c: [u8; 4]) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], c[3])
}

fn paint(c: [u8; 4]) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(color(c));
    paint.anti_alias = true;
    paint
}

/// Fills all land in one path with the non-zero rule: one antialiased fill leaves no
/// hairline seams between neighbouring countries, and enclaves still come out filled.
fn fill_polygons(pixmap: &mut Pixmap, view: &View, set: &ShapeSet, land: [u8; 4]) {
    let lo = -MARGIN;
    let hi = view.size + MARGIN;
    let mut pb = PathBuilder::new();
    let (mut ring_px, mut scratch) = (Vec::new(), Vec::new());
    for i in 0..set.len() {
        let b = set.bbox(i);
        for shift in view.shifts(&b) {
            // Skip polygons below a quarter pixel: invisible, and there are thousands of islets.
            if (b.max_x - b.min_x).max(b.max_y - b.min_y) * view.scale < 0.25 {
                continue;
            }
            for ring in set.rings(i) {
                ring_px.clear();
                ring_px.extend(ring.iter().map(|&p| view.px(p, shift)));
                clip_ring(&mut ring_px, &mut scratch, lo, hi);
                let mut pts = ring_px.iter();
                let Some(&(x, y)) = pts.next() else { continue };
                pb.move_to(x, y);
                for &(x, y) in pts {
                    pb.line_to(x, y);
                }
                pb.close();
            }
        }
    }
    if let Some(path) = pb.finish() {
        pixmap.fill_path(
            &path,
            &paint(land),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// Sutherland–Hodgman against the square `lo..hi` (both axes). The result may run along
/// the clip edges, which lie in the margin outside the visible tile.
fn clip_ring(ring: &mut Vec<(f32, f32)>, scratch: &mut Vec<(f32, f32)>, lo: f32, hi: f32) {
    // Cheap exit for the common case of a ring entirely inside.
    if ring
        .iter()
        .all(|&(x, y)| x >= lo && x <= hi && y >= lo && y <= hi)
    {
        return;
    }
    for edge in 0..4 {
        let inside = |p: (f32, f32)| match edge {
            0 => p.0 >= lo,
            1 => p.0 <= hi,
            2 => p.1 >= lo,
            _ => p.1 <= hi,
        };
        let cross = |a: (f32, f32), b: (f32, f32)| {
            let (ea, eb, bound) = match edge {
                0 | 1 => (a.0, b.0, if edge == 0 { lo } else { hi }),
                _ => (a.1, b.1, if edge == 2 { lo } else { hi }),
            };
            let t = (bound - ea) / (eb - ea);
            (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))
        };
        scratch.clear();
        let Some(&last) = ring.last() else { return };
        let mut prev = last;
        for &cur in ring.iter() {
            match (inside(prev), inside(cur)) {
                (true, true) => scratch.push(cur),
                (true, false) => scratch.push(cross(prev, cur)),
                (false, true) => {
                    scratch.push(cross(prev, cur));
                    scratch.push(cur);
                }
                (false, false) => {}
            }
            prev = cur;
        }
        std::mem::swap(ring, scratch);
    }
}

/// Strokes every line piece that overlaps the tile, keeping only the segments near it.
fn stroke_lines(pixmap: &mut Pixmap, view: &View, set: &ShapeSet, c: [u8; 4], width: f32) {
    let lo = -MARGIN;
    let hi = view.size + MARGIN;
    let mut pb = PathBuilder::new();
    for i in 0..set.len() {
        for shift in view.shifts(&set.bbox(i)) {
            for line in set.rings(i) {
                // Whether the previous segment was drawn, i.e. the pen is at its end.
                let mut drawing = false;
                let mut prev: Option<(f32, f32)> = None;
                for &p in line {
                    let b = view.px(p, shift);
                    if let Some(a) = prev {
                        let near = a.0.max(b.0) >= lo
                            && a.0.min(b.0) <= hi
                            && a.1.max(b.1) >= lo
                            && a.1.min(b.1) <= hi;
                        if near {
                            if !drawing {
                                pb.move_to(a.0, a.1);
                            }
                            pb.line_to(b.0, b.1);
                        }
                        drawing = near;
                    }
                    prev = Some(b);
                }
            }
        }
    }
    let Some(path) = pb.finish() else { return };
    // Round joins and caps: pieces meet end to end, and butt caps would leave notches.
    let stroke = Stroke {
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint(c), &stroke, Transform::identity(), None);
}

#[cfg(test)]
mod tests {
    // Pixel positions in tests are small and non-negative.
    #![allow(clippy::cast_sign_loss, clippy::cast_possible_wrap)]

    use std::sync::OnceLock;

    use super::*;

    fn world() -> &'static WorldMap {
        static WORLD: OnceLock<WorldMap> = OnceLock::new();
        WORLD.get_or_init(|| WorldMap::embedded().unwrap())
    }

    /// Largest per-channel difference between two colours.
    fn distance(a: &[u8], b: [u8; 4]) -> u8 {
        a.iter()
            .zip(b)
            .map(|(&x, y)| x.abs_diff(y))
            .max()
            .unwrap_or(0)
    }

    /// The pixel at a place, rendered at zoom `z` with 256 px tiles.
    fn pixel_at(lat: f64, lon: f64, z: u32) -> [u8; 4] {
        let (x, y, px, py) = lat_lon_to_tile_pixel(lat, lon, z, 256);
        let tile = render_tile(world(), z, x, y, 256, &Palette::LIGHT);
        let i = ((py as usize) * 256 + px as usize) * 4;
        tile.rgba[i..i + 4].try_into().unwrap()
    }

    /// The colour closest to `want` within `radius` px of a place.
    fn closest_nearby(lat: f64, lon: f64, z: u32, radius: i32, want: [u8; 4]) -> u8 {
        let (x, y, px, py) = lat_lon_to_tile_pixel(lat, lon, z, 256);
        let tile = render_tile(world(), z, x, y, 256, &Palette::LIGHT);
        let mut best = u8::MAX;
        for dy in -radius..=radius {
            for dx in -radius..=radius {
                let (qx, qy) = (px as i32 + dx, py as i32 + dy);
                if (0..256).contains(&qx) && (0..256).contains(&qy) {
                    let i = ((qy * 256 + qx) * 4) as usize;
                    best = best.min(distance(&tile.rgba[i..i + 4], want));
                }
            }
        }
        best
    }

    #[test]
    fn the_caspian_sea_is_sea_coloured_at_zoom_5_and_8() {
        for z in [5, 8] {
            assert_eq!(pixel_at(41.5, 50.5, z), Palette::LIGHT.sea, "zoom {z}");
        }
    }

    #[test]
    fn astana_is_land_coloured() {
        for z in [2, 5, 8] {
            assert_eq!(pixel_at(51.17, 71.45, z), Palette::LIGHT.land, "zoom {z}");
        }
    }

    #[test]
    fn the_armenia_azerbaijan_border_is_drawn_at_zoom_8() {
        // A vertex of the 10m Armenia–Azerbaijan arc, east of Lake Sevan.
        let d = closest_nearby(39.9945, 45.5747, 8, 2, Palette::LIGHT.border);
        assert!(d <= 40, "closest colour is {d} away from the border colour");
    }

    #[test]
    fn nakhchivans_border_with_armenia_is_drawn_at_zoom_7() {
        let d = closest_nearby(39.3427, 45.8231, 7, 2, Palette::LIGHT.border);
        assert!(d <= 40, "closest colour is {d} away from the border colour");
    }

    #[test]
    fn the_land_next_to_a_border_is_not_border_coloured() {
        // 5 km inside Armenia from the border vertex above: plain land.
        assert_eq!(pixel_at(40.02, 45.45, 8), Palette::LIGHT.land);
    }

    #[test]
    fn kazakhstans_label_point_is_inside_its_bbox_and_on_land() {
        let kz = world().country("398").unwrap();
        let ((lat0, lon0), (lat1, lon1)) = kz.bbox;
        let (lat, lon) = kz.label;
        assert!(
            (lat0..=lat1).contains(&lat) && (lon0..=lon1).contains(&lon),
            "{:?} outside {:?}",
            kz.label,
            kz.bbox
        );
        for z in [3, 5] {
            assert_eq!(pixel_at(lat, lon, z), Palette::LIGHT.land, "zoom {z}");
        }
    }

    #[test]
    fn a_tile_over_the_open_pacific_at_zoom_5_is_all_sea() {
        let (x, y, _, _) = lat_lon_to_tile_pixel(-5.0, -125.0, 5, 256);
        let tile = render_tile(world(), 5, x, y, 256, &Palette::LIGHT);
        assert!(tile.rgba.chunks_exact(4).all(|p| p == Palette::LIGHT.sea));
    }

    #[test]
    fn antarctica_fills_the_bottom_edge_of_the_world() {
        // Its ring goes round the pole; closing it wrongly would leave sea or a wedge here.
        // Only the Ross Sea, which Natural Earth 110m lets reach 85.6° S, may show.
        let tile = render_tile(world(), 0, 0, 0, 256, &Palette::LIGHT);
        let last_row = &tile.rgba[255 * 256 * 4..];
        let land = last_row
            .chunks_exact(4)
            .filter(|p| distance(p, Palette::LIGHT.land) <= 8)
            .count();
        assert!(land > 230, "{land} of 256 px are land");
    }

    #[test]
    fn no_line_smears_across_the_pacific_at_fijis_latitude() {
        // Fiji straddles 180°; an unwrapped ring or line would draw a line round the world.
        for z in [0, 1, 2] {
            let n = 1u32 << z;
            for x in 0..n {
                let (_, y, _, py) = lat_lon_to_tile_pixel(-16.5, -150.0, z, 256);
                let tile = render_tile(world(), z, x, y, 256, &Palette::LIGHT);
                let row = &tile.rgba[py as usize * 256 * 4..(py as usize + 1) * 256 * 4];
                let not_sea = row
                    .chunks_exact(4)
                    .filter(|p| *p != Palette::LIGHT.sea)
                    .count();
                // Real land on that row (Fiji, Vanuatu, Australia, Africa, America) stays well below a full row.
                assert!(not_sea < 200, "z{z} x{x}: {not_sea} px");
            }
        }
        let (x, y, px, py) = lat_lon_to_tile_pixel(-16.5, -150.0, 2, 256);
        let tile = render_tile(world(), 2, x, y, 256, &Palette::LIGHT);
        let i = (py as usize * 256 + px as usize) * 4;
        assert_eq!(&tile.rgba[i..i + 4], Palette::LIGHT.sea);
    }

    #[test]
    fn land_across_the_antimeridian_is_drawn_on_both_sides() {
        // Chukotka (east of 180°) belongs to Russia's mainland ring, which crosses 180°;
        // Viti Levu (Fiji) lies west of it. Both must be land in their own tiles.
        for z in [3, 6] {
            assert_eq!(
                pixel_at(66.0, -174.0, z),
                Palette::LIGHT.land,
                "Chukotka, zoom {z}"
            );
        }
        assert_eq!(pixel_at(-17.8, 178.0, 6), Palette::LIGHT.land, "Viti Levu");
    }

    #[test]
    fn render_tile_never_panics_for_zoom_0_to_12_including_edges() {
        for z in 0..=12u32 {
            let last = (1u32 << z) - 1;
            for (x, y) in [
                (0, 0),
                (last, 0),
                (0, last),
                (last, last),
                (last / 2, last / 2),
                (last + 1, 0),
                (0, last + 1),
            ] {
                let tile = render_tile(world(), z, x, y, 256, &Palette::LIGHT);
                assert_eq!(tile.rgba.len(), 256 * 256 * 4);
            }
        }
        let odd = render_tile(world(), 40, u32::MAX, u32::MAX, 0, &Palette::LIGHT);
        assert_eq!(odd.rgba.len(), (odd.size * odd.size * 4) as usize);
    }

    #[test]
    fn hi_dpi_tiles_have_four_times_the_pixels() {
        let (x, y, _, _) = lat_lon_to_tile_pixel(40.41, 49.87, 6, 512);
        let tile = render_tile(world(), 6, x, y, 512, &Palette::LIGHT);
        assert_eq!((tile.size, tile.rgba.len()), (512, 512 * 512 * 4));
    }

    #[test]
    fn lat_lon_to_tile_pixel_matches_the_osm_numbering() {
        // Baku at zoom 8 is tile 163/96 on openstreetmap.org.
        let (x, y, px, py) = lat_lon_to_tile_pixel(40.41, 49.87, 8, 256);
        assert_eq!((x, y), (163, 96));
        assert!((0.0..256.0).contains(&px) && (0.0..256.0).contains(&py));
        assert_eq!(lat_lon_to_tile_pixel(0.0, 0.0, 1, 256), (1, 1, 0.0, 0.0));
    }
}
