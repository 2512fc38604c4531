//! From (lat, lon) to a figure's units, which view a framing gives, and the scale bar.

use egui::{Pos2, Rect, Vec2, pos2};

use super::spec::Framing;
use crate::basemap::world::to_mercator;
use crate::map::MapView;
use crate::map::flight::{self, MAX_ZOOM, MIN_ZOOM};

/// The mean radius of the earth as Web Mercator takes it (a sphere), in metres.
const EARTH_RADIUS_M: f64 = 6_378_137.0;

/// A scale bar: `km` kilometres are `length` units long at the figure's centre latitude.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    pub km: f64,
    pub length: f32,
    /// The bar's right end, on its baseline.
    pub right: Pos2,
    /// The box behind the bar and its words, in the map's corner.
    pub backdrop: Rect,
}

/// From (lat, lon) to figure units, for one view of one map rectangle.
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    pub view: MapView,
    pub map: Rect,
    /// The width of the world at this zoom, in figure units.
    pub world: f64,
    /// The view's centre in normalised Web Mercator.
    pub centre: (f64, f64),
}

impl Projection {
    #[must_use]
    pub fn new(view: MapView, map: Rect) -> Self {
        Self {
            view,
            map,
            world: 256.0 * 2f64.powf(view.zoom),
            centre: to_mercator(view.lat, view.lon),
        }
    }

    /// Where a point of normalised Web Mercator lies.
    #[must_use]
    pub fn mercator(&self, x: f64, y: f64) -> Pos2 {
        let c = self.map.center();
        pos2(
            c.x + ((x - self.centre.0) * self.world) as f32,
            c.y + ((y - self.centre.1) * self.world) as f32,
        )
    }

    /// Where a place lies.
    #[must_use]
    pub fn point(&self, lat: f64, lon: f64) -> Pos2 {
        let (x, y) = to_mercator(lat, lon);
        self.mercator(x, y)
    }

    /// Metres on the ground per figure unit at the view's centre (Web Mercator stretches a
    /// length by 1 / cos(latitude)).
    #[must_use]
    pub fn metres_per_unit(&self) -> f64 {
        2.0 * std::f64::consts::PI * EARTH_RADIUS_M * self.view.lat.to_radians().cos() / self.world
    }
}

/// The view of `framing` in a map of `size` figure units.
#[must_use]
pub fn view_for(framing: &Framing, size: Vec2) -> MapView {
    match framing {
        Framing::View { view, seen_at } => MapView {
            zoom: (view.zoom + ratio(size, *seen_at).log2()).clamp(MIN_ZOOM, MAX_ZOOM),
            ..*view
        },
        Framing::Fit {
            points,
            max_zoom,
            seen_at,
        } => {
            let max_zoom = (max_zoom + ratio(size, *seen_at).log2()).clamp(MIN_ZOOM, MAX_ZOOM);
            flight::fit(points, size, max_zoom).unwrap_or(MapView::REGION)
        }
    }
}

/// How much larger a map of `size` is than one of `seen_at`, in its tighter direction: the
/// factor by which it shows at least as much.
fn ratio(size: Vec2, seen_at: (f32, f32)) -> f64 {
    (f64::from(size.x) / f64::from(seen_at.0.max(1.0)))
        .min(f64::from(size.y) / f64::from(seen_at.1.max(1.0)))
}

/// A scale bar of a round length (1, 2 or 5 times a power of ten kilometres) between 60 and
/// 150 figure units long, ending at `right`.
#[must_use]
pub fn scale_bar(projection: &Projection, right: Pos2) -> ScaleBar {
    let km_per_unit = projection.metres_per_unit() / 1000.0;
    let most = 150.0 * km_per_unit;
    let mut km = 1.0e-3;
    for exponent in -3..8 {
        for step in [1.0, 2.0, 5.0] {
            let candidate = step * 10f64.powi(exponent);
            if candidate <= most {
                km = candidate;
            }
        }
    }
    ScaleBar {
        km,
        length: (km / km_per_unit) as f32,
        right,
        backdrop: Rect::from_min_max(right, right),
    }
}
