//! A small map centred on a point, for the review of a place name: up to four tiles of the
//! embedded map cut to one square.

use super::raster::{Palette, TileImage, lat_lon_to_tile_pixel, render_tile};
use super::world::WorldMap;

/// Edge of a locator in px.
pub const SIZE: u32 = 256;

/// The embedded map at zoom `z`, `SIZE` px square, centred on `lat`/`lon`.
#[must_use]
pub fn locator(world: &WorldMap, lat: f64, lon: f64, z: u32) -> TileImage {
    let (tx, ty, px, py) = lat_lon_to_tile_pixel(lat, lon, z, SIZE);
    let half = SIZE / 2;
    // The square's top-left corner in the pixels of tile (tx, ty); it may lie in a neighbour.
    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)] // Offsets are within ±256.
    let (left, top) = (px as i64 - i64::from(half), py as i64 - i64::from(half));
    let size = i64::from(SIZE);
    let tiles = 1i64 << z;
    let mut rgba = vec![0u8; (SIZE * SIZE * 4) as usize];
    for dy in [-1i64, 0, 1] {
        for dx in [-1i64, 0, 1] {
            // Where this tile's pixels land in the square.
            let (ox, oy) = (dx * size - left, dy * size - top);
            if ox >= size || oy >= size || ox + size <= 0 || oy + size <= 0 {
                continue;
            }
            let x = (i64::from(tx) + dx).rem_euclid(tiles);
            let y = i64::from(ty) + dy;
            if !(0..tiles).contains(&y) {
                continue;
            }
            #[allow(clippy::cast_sign_loss)] // Both are within 0..tiles.
            let tile = render_tile(world, z, x as u32, y as u32, SIZE, &Palette::LIGHT);
            for row in 0..size {
                let to_y = oy + row;
                if !(0..size).contains(&to_y) {
                    continue;
                }
                let from_x = (-ox).max(0);
                let to_x = ox.max(0);
                let len = (size - from_x).min(size - to_x);
                #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
                let (src, dst, n) = (
                    ((row * size + from_x) * 4) as usize,
                    ((to_y * size + to_x) * 4) as usize,
                    (len * 4) as usize,
                );
                if let (Some(s), Some(d)) =
                    (tile.rgba.get(src..src + n), rgba.get_mut(dst..dst + n))
                {
                    d.copy_from_slice(s);
                }
            }
        }
    }
    TileImage { size: SIZE, rgba }
}

/// Where `lat`/`lon` falls on a locator centred on `centre` at zoom `z`, in px from its
/// top-left corner (outside 0..SIZE when it is off the locator).
#[must_use]
pub fn position(centre: (f64, f64), lat: f64, lon: f64, z: u32) -> (f32, f32) {
    let world = f64::from(SIZE) * f64::from(1u32 << z);
    let merc = |lat: f64, lon: f64| {
        let x = (lon + 180.0) / 360.0;
        let s = lat.to_radians().sin().clamp(-0.9999, 0.9999);
        let y = 0.5 - ((1.0 + s) / (1.0 - s)).ln() / (4.0 * std::f64::consts::PI);
        (x, y)
    };
    let (cx, cy) = merc(centre.0, centre.1);
    let (x, y) = merc(lat, lon);
    let half = f64::from(SIZE) / 2.0;
    (
        (half + (x - cx) * world) as f32,
        (half + (y - cy) * world) as f32,
    )
}
