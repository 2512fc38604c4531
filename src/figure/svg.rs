//! A [`Scene`] as SVG, written with the `svg` crate (which escapes text and attributes).
//! Only path data is formatted here, to one decimal: the crate would write every coordinate
//! at full precision, and a map of country outlines would grow several times larger.

use std::fmt::Write as _;

use egui::{Color32, Pos2};
use svg::Document;
use svg::node::element::{Circle, ClipPath, Definitions, Group, Line, Path, Rectangle, Text};

use super::legend::{self, Swatch};
use super::scene::{
    CREDIT_SIZE, FOOTER, HEADER, MARGIN, SCALE_TEXT_SIZE, SUBTITLE_SIZE, Scene, SceneLabel,
    SceneMarker,
};
use super::text::FAMILY;
use crate::basemap::raster::Palette;
use crate::style;

/// The scene as a standalone SVG document of its output size.
#[must_use]
pub fn document(scene: &Scene) -> String {
    Document::new()
        .set("width", round(scene.size.0))
        .set("height", round(scene.size.1))
        .set(
            "viewBox",
            format!("0 0 {} {}", round(scene.frame.x), round(scene.frame.y)),
        )
        .add(figure(scene, "figure"))
        .to_string()
}

/// The scene as a group in figure units; `id` names its clip path (unique per document).
#[must_use]
pub fn figure(scene: &Scene, id: &str) -> Group {
    let (w, h) = (scene.frame.x, scene.frame.y);
    let map = scene.map;
    let clip_id = format!("{id}-map");
    let mut group = Group::new()
        .set("font-family", FAMILY)
        .add(
            Definitions::new().add(
                ClipPath::new().set("id", clip_id.as_str()).add(
                    Rectangle::new()
                        .set("x", round(map.left()))
                        .set("y", round(map.top()))
                        .set("width", round(map.width()))
                        .set("height", round(map.height())),
                ),
            ),
        )
        .add(rect(0.0, 0.0, w, h, Color32::WHITE))
        .add(rect(
            map.left(),
            map.top(),
            map.width(),
            map.height(),
            scene.sea,
        ));

    let palette = Palette::LIGHT;
    let mut map_layer = Group::new().set("clip-path", format!("url(#{clip_id})"));
    let mut land = String::new();
    for polygon in &scene.land.polygons {
        for ring in polygon {
            path_data(&mut land, ring, true);
        }
    }
    map_layer = map_layer.add(
        Path::new()
            .set("d", land)
            .set("fill", hex(colour(palette.land)))
            .set("fill-rule", "nonzero"),
    );
    for (lines, colour_of, width) in [
        (&scene.land.coasts, palette.coast, palette.coast_width),
        (&scene.land.borders, palette.border, palette.border_width),
    ] {
        let mut d = String::new();
        for line in lines {
            path_data(&mut d, line, false);
        }
        map_layer = map_layer.add(
            Path::new()
                .set("d", d)
                .set("fill", "none")
                .set("stroke", hex(colour(colour_of)))
                .set("stroke-width", width)
                .set("stroke-linejoin", "round"),
        );
    }
    for line in &scene.lines {
        let mut d = String::new();
        for piece in &line.pieces {
            path_data(&mut d, piece, false);
        }
        let mut path =
            stroked(Path::new().set("d", d), line.color, line.width).set("stroke-linecap", "round");
        if line.dashed {
            path = path.set("stroke-dasharray", "7 5");
        }
        map_layer = map_layer.add(path);
    }
    for name in &scene.names {
        for (i, line) in name.lines.iter().enumerate() {
            let at = super::names::line_anchor(name, i);
            let mut t = text(at.x, at.y, name.size, name.colour, line).set("text-anchor", "middle");
            if name.spacing > 0.0 {
                t = t.set("letter-spacing", name.spacing);
            }
            map_layer = map_layer.add(t);
        }
    }
    for marker in &scene.markers {
        map_layer = map_layer.add(marker_group(marker));
    }
    for label in &scene.labels {
        map_layer = map_layer.add(label_group(label));
    }
    group = group.add(map_layer);
    group = group.add(legend_group(scene));

    // The header: title and dates; the footer: credits and the scale bar.
    group = group
        .add(
            text(
                MARGIN,
                31.0,
                scene.title_size,
                style::LABEL_TEXT,
                &scene.title,
            )
            .set("font-weight", "bold"),
        )
        .add(text(
            MARGIN,
            HEADER - 12.0,
            SUBTITLE_SIZE,
            style::MUTED_TEXT,
            &scene.subtitle,
        ))
        .add(text(
            MARGIN,
            h - FOOTER / 2.0 + CREDIT_SIZE * 0.35,
            CREDIT_SIZE,
            style::MUTED_TEXT,
            &scene.credits,
        ));
    group.add(scale_group(scene))
}

fn marker_group(m: &SceneMarker) -> Group {
    let (x, y) = (round(m.pos.x), round(m.pos.y));
    let mut g = Group::new()
        // A hairline around the white ring lifts even a light marker off pale land, on paper
        // as on a projector (the app uses a soft shadow for that).
        .add(
            Circle::new()
                .set("cx", x)
                .set("cy", y)
                .set("r", round(m.radius + 1.6))
                .set("fill", "#000000")
                .set("fill-opacity", 0.35),
        )
        .add(
            Circle::new()
                .set("cx", x)
                .set("cy", y)
                .set("r", round(m.radius))
                .set("fill", hex(m.fill))
                .set("stroke", "#ffffff")
                .set("stroke-width", style::MARKER_RING.width),
        );
    // An open ring around the marker: dashed for a place known only as a country, solid and
    // wider for the selection.
    let ring = |r: f32, color: Color32, width: f32| {
        Circle::new()
            .set("cx", x)
            .set("cy", y)
            .set("r", round(m.radius + r))
            .set("fill", "none")
            .set("stroke", hex(color))
            .set("stroke-width", width)
    };
    if m.country_only {
        g = g.add(ring(5.0, m.fill, 1.5).set("stroke-dasharray", "4 3"));
    }
    if m.selected {
        g = g.add(ring(4.0, style::MARKER_SELECTED, 2.5));
    }
    if m.places.len() > 1 {
        g = g.add(
            text(
                m.pos.x,
                m.pos.y + 4.5,
                13.0,
                Color32::WHITE,
                &m.places.len().to_string(),
            )
            .set("text-anchor", "middle")
            .set("font-weight", "bold"),
        );
    }
    g
}

fn label_group(label: &SceneLabel) -> Group {
    let r = label.rect;
    Group::new()
        .add(
            rect(r.left(), r.top(), r.width(), r.height(), Color32::WHITE)
                .set("rx", 3)
                .set("fill-opacity", 0.82),
        )
        .add(text(
            r.left() + 3.0,
            r.center().y + label.size * 0.35,
            label.size,
            style::LABEL_TEXT,
            &label.text,
        ))
}

fn legend_group(scene: &Scene) -> Group {
    let mut g = Group::new();
    for entry in &scene.legend.entries {
        let (x, y) = (entry.at.x, entry.at.y);
        let centre = x + entry.swatch.width() / 2.0;
        match entry.swatch {
            Swatch::Heading | Swatch::Note => {}
            Swatch::Marker(fill) => g = g.add(swatch_circle(centre, y, 6.5, fill)),
            Swatch::Group => g = g.add(swatch_circle(centre, y, 8.0, style::CLUSTER_FILL)),
            Swatch::Selected => {
                g = g.add(swatch_circle(centre, y, 5.0, style::MUTED_TEXT)).add(
                    Circle::new()
                        .set("cx", round(centre))
                        .set("cy", round(y))
                        .set("r", 8.0)
                        .set("fill", "none")
                        .set("stroke", hex(style::MARKER_SELECTED))
                        .set("stroke-width", 2),
                );
            }
            Swatch::Line {
                color,
                width,
                dashed,
            } => {
                let mut line = Line::new()
                    .set("x1", round(x))
                    .set("y1", round(y))
                    .set("x2", round(x + entry.swatch.width()))
                    .set("y2", round(y))
                    .set("stroke", hex(color))
                    .set("stroke-opacity", alpha(color))
                    .set("stroke-width", width);
                if dashed {
                    line = line.set("stroke-dasharray", "5 3");
                }
                g = g.add(line);
            }
        }
        let colour = if entry.swatch == Swatch::Note {
            style::MUTED_TEXT
        } else {
            style::LABEL_TEXT
        };
        let mut t = text(
            entry.text_x(),
            y + legend::TEXT_SIZE * 0.35,
            legend::TEXT_SIZE,
            colour,
            &entry.text,
        );
        if entry.swatch == Swatch::Heading {
            t = t.set("font-weight", "bold");
        }
        g = g.add(t);
    }
    g
}

fn scale_group(scene: &Scene) -> Group {
    let s = scene.scale;
    let (x0, x1, y) = (s.right.x - s.length, s.right.x, s.right.y);
    let km = &scene.scale_label;
    let bar = format!(
        "M{} {}V{}H{}V{}",
        round(x0),
        round(y - 5.0),
        round(y),
        round(x1),
        round(y - 5.0)
    );
    let b = s.backdrop;
    Group::new()
        .add(
            rect(b.left(), b.top(), b.width(), b.height(), Color32::WHITE)
                .set("rx", 3)
                .set("fill-opacity", 0.85),
        )
        .add(
            Path::new()
                .set("d", bar)
                .set("fill", "none")
                .set("stroke", hex(style::LABEL_TEXT))
                .set("stroke-width", 1.5),
        )
        .add(text(x0 - 6.0, y, SCALE_TEXT_SIZE, style::LABEL_TEXT, km).set("text-anchor", "end"))
}

fn swatch_circle(x: f32, y: f32, r: f32, fill: Color32) -> Circle {
    Circle::new()
        .set("cx", round(x))
        .set("cy", round(y))
        .set("r", r)
        .set("fill", hex(fill))
        .set("stroke", "#ffffff")
        .set("stroke-width", 1.5)
}

fn stroked(path: Path, color: Color32, width: f32) -> Path {
    path.set("fill", "none")
        .set("stroke", hex(color))
        .set("stroke-opacity", alpha(color))
        .set("stroke-width", round(width))
}

fn text(x: f32, y: f32, size: f32, fill: Color32, content: &str) -> Text {
    Text::new(content)
        .set("x", round(x))
        .set("y", round(y))
        .set("font-size", round(size))
        .set("fill", hex(fill))
}

fn rect(x: f32, y: f32, w: f32, h: f32, fill: Color32) -> Rectangle {
    Rectangle::new()
        .set("x", round(x))
        .set("y", round(y))
        .set("width", round(w))
        .set("height", round(h))
        .set("fill", hex(fill))
}

/// Appends a polyline (or a closed ring) to SVG path data, in tenths of a unit: the first
/// point absolute, the others relative to the one before (short numbers), taken between the
/// rounded points so that no rounding error adds up along a coast.
fn path_data(d: &mut String, points: &[Pos2], close: bool) {
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    let tenths = |v: f32| (v * 10.0).round() as i64;
    let (mut x, mut y) = (tenths(first.x), tenths(first.y));
    let _ = write!(d, "M{} {}", decimal(x), decimal(y));
    for p in rest {
        let (nx, ny) = (tenths(p.x), tenths(p.y));
        if (nx, ny) != (x, y) {
            let _ = write!(d, "l{} {}", decimal(nx - x), decimal(ny - y));
        }
        (x, y) = (nx, ny);
    }
    if close {
        d.push('Z');
    }
}

/// Tenths as a decimal number ("-12.3", "4", "0.5").
fn decimal(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// A coordinate to one decimal (a tenth of a pixel at 1:1).
fn round(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

/// The colour without its alpha, as `#rrggbb`.
fn hex(c: Color32) -> String {
    let [r, g, b, _] = c.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The colour's opacity, 0…1.
fn alpha(c: Color32) -> f32 {
    (f32::from(c.a()) / 255.0 * 100.0).round() / 100.0
}

fn colour(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn path_data_is_relative_and_does_not_drift() {
        let mut d = String::new();
        let points = [
            pos2(10.04, 20.0),
            pos2(10.17, 19.93),
            pos2(10.3, 19.86),
            pos2(7.0, 25.0),
        ];
        path_data(&mut d, &points, true);
        assert_eq!(d, "M10 20l0.2 -0.1l0.1 0l-3.3 5.1Z");
        assert_eq!(decimal(-5), "-0.5");
    }
}
