//! The map's view, and smooth flights between views.

use serde::{Deserialize, Serialize};

/// Where the map looks: centre and zoom (walkers' zoom levels, 0 = whole world in one tile).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    pub lat: f64,
    pub lon: f64,
    pub zoom: f64,
}

impl MapView {
    /// The region the atlas is about: the Black Sea to western China, on a laptop screen.
    /// Its centre lies a little north so that St. Petersburg, in the top-left corner, comes
    /// out below the map's mode switch.
    pub const REGION: Self = Self {
        lat: 47.6,
        lon: 57.0,
        zoom: 4.1,
    };

    /// Parses `LAT,LON,ZOOM` as given on the command line.
    ///
    /// # Errors
    /// A message naming what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split(',').map(str::trim).collect();
        let [lat, lon, zoom] = parts.as_slice() else {
            return Err(format!("“{text}”: expected LAT,LON,ZOOM, e.g. 40.0,45.5,7"));
        };
        let number = |s: &str, what: &str| {
            s.parse::<f64>()
                .map_err(|_| format!("“{s}” is not a number ({what})"))
        };
        let view = Self {
            lat: number(lat, "latitude")?,
            lon: number(lon, "longitude")?,
            zoom: number(zoom, "zoom")?,
        };
        view.validate()?;
        Ok(view)
    }

    /// Checks the ranges a map can show.
    ///
    /// # Errors
    /// A message naming the value out of range.
    pub fn validate(&self) -> Result<(), String> {
        if !(-85.0..=85.0).contains(&self.lat) {
            return Err(format!("latitude {} is outside −85…85", self.lat));
        }
        if !(-180.0..=180.0).contains(&self.lon) {
            return Err(format!("longitude {} is outside −180…180", self.lon));
        }
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&self.zoom) {
            return Err(format!(
                "zoom {} is outside {MIN_ZOOM}…{MAX_ZOOM}",
                self.zoom
            ));
        }
        Ok(())
    }
}

impl Default for MapView {
    fn default() -> Self {
        Self::REGION
    }
}

/// The zoom range the app allows: whole world to a city.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 12.0;

/// A flight from one view to another, eased, zooming out on the way when the hop is long.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flight {
    pub from: MapView,
    pub to: MapView,
    /// `egui` input time at the start, in seconds.
    pub start: f64,
    pub duration: f64,
}

impl Flight {
    /// The usual duration: long enough to follow, short enough not to wait for.
    pub const DURATION: f64 = 0.8;

    #[must_use]
    pub fn new(from: MapView, to: MapView, start: f64) -> Self {
        Self {
            from,
            to,
            start,
            duration: Self::DURATION,
        }
    }

    /// The view at time `now`, and whether the flight is over.
    #[must_use]
    pub fn at(&self, now: f64) -> (MapView, bool) {
        let t = ((now - self.start) / self.duration).clamp(0.0, 1.0);
        if t >= 1.0 {
            return (self.to, true);
        }
        let e = ease_in_out(t);
        // Interpolate in Web Mercator so the path is straight on the screen.
        let (x0, y0) = mercator(self.from);
        let (x1, y1) = mercator(self.to);
        let (lat, lon) = inverse_mercator(x0 + (x1 - x0) * e, y0 + (y1 - y0) * e);
        // A long hop zooms out mid-way, so the user sees where the map is going.
        let hop =
            ((x1 - x0).hypot(y1 - y0) * 2f64.powf(self.from.zoom.min(self.to.zoom))).max(1e-9);
        let bump = (hop.log2() - 1.0).clamp(0.0, 2.5) * (std::f64::consts::PI * e).sin();
        let zoom = self.from.zoom + (self.to.zoom - self.from.zoom) * e - bump;
        (
            MapView {
                lat,
                lon,
                zoom: zoom.clamp(MIN_ZOOM, MAX_ZOOM),
            },
            false,
        )
    }
}

fn ease_in_out(t: f64) -> f64 {
    if t < 0.5 {
        4.0 * t * t * t
    } else {
        1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
    }
}

/// How close the map goes to a place that is selected.
#[must_use]
pub fn select_zoom(kind: crate::model::PlaceKind) -> f64 {
    use crate::model::PlaceKind;
    match kind {
        PlaceKind::Country => 4.5,
        PlaceKind::Region | PlaceKind::Site => 6.5,
        PlaceKind::Capital | PlaceKind::City => 6.0,
    }
}

/// Normalised Web Mercator, x and y in 0..1 for the whole world.
#[must_use]
pub fn mercator(view: MapView) -> (f64, f64) {
    let x = (view.lon + 180.0) / 360.0;
    let lat = view.lat.to_radians();
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    (x, y)
}

/// Inverse of [`mercator`]: `(lat, lon)`.
#[must_use]
pub fn inverse_mercator(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    (lat, lon)
}

/// The view that shows all `points` (lat, lon) in a screen of `size` points, with a margin.
#[must_use]
pub fn fit(points: &[(f64, f64)], size: egui::Vec2, max_zoom: f64) -> Option<MapView> {
    let (first, rest) = points.split_first()?;
    let (mut x_min, mut y_min) = mercator(MapView {
        lat: first.0,
        lon: first.1,
        zoom: 0.0,
    });
    let (mut x_max, mut y_max) = (x_min, y_min);
    for &(lat, lon) in rest {
        let (x, y) = mercator(MapView {
            lat,
            lon,
            zoom: 0.0,
        });
        x_min = x_min.min(x);
        x_max = x_max.max(x);
        y_min = y_min.min(y);
        y_max = y_max.max(y);
    }
    let (lat, lon) = inverse_mercator(f64::midpoint(x_min, x_max), f64::midpoint(y_min, y_max));
    // The world is 256 px wide at zoom 0; leave a fifth of the screen as margin.
    let span_x = (x_max - x_min).max(1e-6) * 256.0;
    let span_y = (y_max - y_min).max(1e-6) * 256.0;
    let zoom_x = (f64::from(size.x) * 0.8 / span_x).log2();
    let zoom_y = (f64::from(size.y) * 0.8 / span_y).log2();
    Some(MapView {
        lat,
        lon,
        zoom: zoom_x.min(zoom_y).clamp(MIN_ZOOM, max_zoom),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_parses_from_the_command_line_form() {
        assert_eq!(
            MapView::parse("40.0,45.5,7"),
            Ok(MapView {
                lat: 40.0,
                lon: 45.5,
                zoom: 7.0
            })
        );
        assert!(MapView::parse("40.0,45.5").is_err());
        assert!(
            MapView::parse("95,45.5,7")
                .unwrap_err()
                .contains("latitude")
        );
        assert!(MapView::parse("40,45,x").unwrap_err().contains("“x”"));
    }

    #[test]
    fn a_flight_starts_and_ends_at_its_views() {
        let astana = MapView {
            lat: 51.17,
            lon: 71.45,
            zoom: 6.0,
        };
        let baku = MapView {
            lat: 40.41,
            lon: 49.87,
            zoom: 7.0,
        };
        let flight = Flight::new(astana, baku, 10.0);
        let (start, done) = flight.at(10.0);
        assert!(!done);
        assert!((start.lat - astana.lat).abs() < 1e-9 && (start.zoom - astana.zoom).abs() < 1e-9);
        assert_eq!(flight.at(10.0 + Flight::DURATION), (baku, true));
    }

    #[test]
    fn a_long_flight_zooms_out_on_the_way() {
        let astana = MapView {
            lat: 51.17,
            lon: 71.45,
            zoom: 7.0,
        };
        let washington = MapView {
            lat: 38.9,
            lon: -77.04,
            zoom: 7.0,
        };
        let (middle, _) = Flight::new(astana, washington, 0.0).at(Flight::DURATION / 2.0);
        assert!(middle.zoom < 6.0, "zoom mid-flight was {}", middle.zoom);
    }

    #[test]
    fn mercator_round_trips() {
        let (x, y) = mercator(MapView {
            lat: 40.18,
            lon: 44.51,
            zoom: 0.0,
        });
        let (lat, lon) = inverse_mercator(x, y);
        assert!((lat - 40.18).abs() < 1e-9 && (lon - 44.51).abs() < 1e-9);
    }

    #[test]
    fn fitting_two_cities_contains_both() {
        let view = fit(
            &[(40.41, 49.87), (40.18, 44.51)],
            egui::vec2(800.0, 600.0),
            10.0,
        )
        .expect("a view");
        assert!(view.lon > 44.51 && view.lon < 49.87);
        assert!(view.zoom > 4.0 && view.zoom <= 10.0);
    }
}
