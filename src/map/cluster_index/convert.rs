//! Web Mercator projection (supercluster's) and the numeric casts the index makes.

use std::f64::consts::PI;

/// Longitude to Mercator x in 0..1 (supercluster's `lngX`).
pub(super) fn lng_x(lng: f64) -> f64 {
    lng / 360.0 + 0.5
}

/// Latitude to Mercator y in 0..1, north at 0 (supercluster's `latY`).
pub(super) fn lat_y(lat: f64) -> f64 {
    let sin = (lat * PI / 180.0).sin();
    let y = 0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / PI;
    y.clamp(0.0, 1.0)
}

/// Mercator x back to longitude (supercluster's `xLng`).
pub(super) fn x_lng(x: f64) -> f64 {
    (x - 0.5) * 360.0
}

/// Mercator y back to latitude (supercluster's `yLat`).
pub(super) fn y_lat(y: f64) -> f64 {
    let y2 = (180.0 - y * 360.0) * PI / 180.0;
    360.0 * y2.exp().atan() / PI - 90.0
}

#[allow(clippy::cast_possible_truncation)] // Rounding to f32 is the point (JS `Math.fround`).
pub(super) fn to_f32(v: f64) -> f32 {
    v as f32
}

/// The low half of a 128-bit product.
#[allow(clippy::cast_possible_truncation)]
pub(super) fn to_u64_low(v: u128) -> u64 {
    v as u64
}

/// The low half of a `(rank, slot)` key.
#[allow(clippy::cast_possible_truncation)]
pub(super) fn to_u32_low(v: u64) -> u32 {
    v as u32
}

/// A count or index known to fit (inputs are capped at [`MAX_POINTS`](super::MAX_POINTS)).
#[allow(clippy::cast_possible_truncation)]
pub(super) fn to_u32(v: usize) -> u32 {
    v as u32
}

/// A small non-negative whole float to `u32` (saturating).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(super) fn to_u32_f(v: f64) -> u32 {
    v as u32
}
