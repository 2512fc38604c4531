//! The plain base map: a calm background with a labelled graticule, so that a map without
//! tiles still shows where north and east are and how far apart places lie.

use egui::{Align2, FontId, Pos2, Stroke, Ui};
use walkers::{Projector, lat_lon};

use crate::style;

/// Paints a graticule every 10° (5° when zoomed in); on its own (`plain`) with the background,
/// over a base map as faint lines.
pub fn paint(ui: &Ui, projector: &Projector, plain: bool) {
    let rect = projector.clip_rect();
    let painter = ui.painter().with_clip_rect(rect);
    if plain {
        painter.rect_filled(rect, 0.0, style::MAP_BACKGROUND);
    }

    let step = if projector.zoom() >= 6.0 { 5.0 } else { 10.0 };
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
        let label = if lat >= 0.0 {
            format!("{lat:.0}° N")
        } else {
            format!("{:.0}° S", -lat)
        };
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
        let label = if lon >= 0.0 {
            format!("{lon:.0}° E")
        } else {
            format!("{:.0}° W", -lon)
        };
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
