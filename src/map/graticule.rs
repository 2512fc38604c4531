//! The plain base map: a calm background with a labelled graticule, so that a map without
//! tiles still shows where north and east are and how far apart places lie.

use egui::{Align2, FontId, Pos2, Stroke, Ui};
use walkers::{Projector, lat_lon};

use crate::style;

/// The graticule's spacing at `zoom`: the smallest of 5°, 10°, 20°, 30° and 60° that leaves at
/// least 70 px between two lines, so that their labels ("170° W") never run together.
fn step_for(zoom: f64) -> f64 {
    let px_per_degree = 256.0 * 2f64.powf(zoom) / 360.0;
    [5.0, 10.0, 20.0, 30.0, 60.0]
        .into_iter()
        .find(|step| step * px_per_degree >= 70.0)
        .unwrap_or(90.0)
}

/// "40° N", "30° W", and "0°" for the equator and the prime meridian (never "-0° N").
fn degrees(value: f64, positive: &str, negative: &str) -> String {
    let rounded = value.round();
    if rounded == 0.0 {
        "0°".to_owned()
    } else if rounded > 0.0 {
        format!("{rounded:.0}° {positive}")
    } else {
        format!("{:.0}° {negative}", -rounded)
    }
}

/// Paints a graticule (spaced by zoom); on its own (`plain`) with the background,
/// over a base map as faint lines.
pub fn paint(ui: &Ui, projector: &Projector, plain: bool) {
    let rect = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(rect);
    if plain {
        painter.rect_filled(rect, 0.0, style::MAP_BACKGROUND);
    }

    let step = step_for(projector.zoom());
    let top_left = projector.unproject(rect.left_top().to_vec2());
    let bottom_right = projector.unproject(rect.right_bottom().to_vec2());
    let (lat_min, lat_max) = (bottom_right.y().max(-85.0), top_left.y().min(85.0));
    let (lon_min, lon_max) = (top_left.x().max(-180.0), bottom_right.x().min(180.0));
    let stroke = if plain {
        Stroke::new(1.0, style::GRATICULE)
    } else {
        Stroke::new(0.8, style::GRATICULE.gamma_multiply(0.45))
    };
    let font = FontId::proportional(11.0);

    let mut lat = (lat_min / step).ceil() * step;
    while lat <= lat_max {
        let y = projector.project(lat_lon(lat, 0.0)).y;
        painter.line_segment(
            [Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)],
            stroke,
        );
        let label = degrees(lat, "N", "S");
        painter.text(
            Pos2::new(rect.left() + 4.0, y - 2.0),
            Align2::LEFT_BOTTOM,
            label,
            font.clone(),
            style::GRATICULE_TEXT,
        );
        lat += step;
    }
    let mut lon = (lon_min / step).ceil() * step;
    while lon <= lon_max {
        let x = projector.project(lat_lon(0.0, lon)).x;
        painter.line_segment(
            [Pos2::new(x, rect.top()), Pos2::new(x, rect.bottom())],
            stroke,
        );
        let label = degrees(lon, "E", "W");
        painter.text(
            Pos2::new(x + 3.0, rect.bottom() - 4.0),
            Align2::LEFT_BOTTOM,
            label,
            font.clone(),
            style::GRATICULE_TEXT,
        );
        lon += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_equator_and_the_prime_meridian_are_zero_degrees_without_a_sign() {
        assert_eq!(degrees(-0.0, "N", "S"), "0°");
        assert_eq!(degrees(0.0, "E", "W"), "0°");
        assert_eq!(degrees(40.0, "N", "S"), "40° N");
        assert_eq!(degrees(-70.0, "E", "W"), "70° W");
    }

    #[test]
    fn lines_are_far_enough_apart_for_their_labels_at_every_zoom() {
        for z in [1.0, 2.0, 3.0, 4.1, 6.0, 9.0] {
            let spacing = step_for(z) * 256.0 * 2f64.powf(z) / 360.0;
            assert!(spacing >= 70.0, "zoom {z}: {spacing} px");
        }
        assert!((step_for(7.0) - 5.0).abs() < f64::EPSILON);
        assert!(step_for(2.0) >= 30.0);
    }
}
