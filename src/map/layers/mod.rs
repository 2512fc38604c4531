//! Imported layers on the map: each shown layer's records, grouped by its cluster index at the
//! map's zoom, as squares in the layer's colour, beneath the curated markers (the curated events stay in
//! front: a layer is context, never mixed into them). A group shows how many records it
//! holds; a click zooms to where it splits; a single record tells what it is on hover.

use egui::{Color32, Pos2, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector, lat_lon};

mod brush;
#[cfg(test)]
mod brush_tests;
mod layer;

pub use layer::{MapLayer, SETTLE, View};

use super::cluster_index::Item;
use crate::i18n::Lang;

/// `#rrggbb` as a colour.
#[must_use]
pub fn parse_color(text: &str) -> Option<Color32> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(Color32::from_rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// What a click on a layer's symbol asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LayerClick {
    /// Zoom to where a group splits, centred on it.
    Zoom { lat: f64, lon: f64, zoom: f64 },
}

/// Draws the shown layers; a click on a group is written to `clicked`.
pub struct LayersPlugin<'a> {
    pub layers: &'a [MapLayer],
    pub lang: Lang,
    pub clicked: &'a mut Option<LayerClick>,
}

/// A drawn symbol, for hovering and clicking.
struct Drawn {
    layer: usize,
    item: Item,
    pos: Pos2,
    radius: f32,
}

/// The radius of a group of `count` records: it grows with the digits.
fn group_radius(count: u32) -> f32 {
    #[allow(clippy::cast_precision_loss)] // Counts up to millions: the log needs no more.
    let digits = (count.max(1) as f32).log10();
    (7.0 + 3.5 * digits).min(18.0)
}

/// "12", "3,4k", "1,2M" (in English "3.4k"): a count short enough for a symbol.
fn short_count(count: u32, lang: Lang) -> String {
    let text = match count {
        0..=999 => count.to_string(),
        1_000..=99_999 => format!("{:.1}k", f64::from(count) / 1e3),
        100_000..=999_999 => format!("{}k", count / 1_000),
        _ => format!("{:.1}M", f64::from(count) / 1e6),
    };
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

/// Above this many symbols on screen, they are not each a node for screen readers (the
/// legend and the hover still tell what they are).
const MAX_ACCESSIBLE_SYMBOLS: usize = 300;

impl Plugin for LayersPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        memory: &MapMemory,
    ) {
        let clip = projector.clip_rect();
        let north_west = projector.unproject(clip.left_top().to_vec2());
        let south_east = projector.unproject(clip.right_bottom().to_vec2());
        // The index's radius is 40 of 512 units a tile, and the map's tiles are 256 points:
        // one zoom below the map's keeps groups 40 points or more apart, as far as the
        // largest squares are wide.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // Clamped to 0..=17.
        let zoom = (memory.zoom().floor() - 1.0).clamp(0.0, 17.0) as u8;
        let painter = ui.painter().with_clip_rect(clip);
        let mut drawn = Vec::new();
        for (l, layer) in self.layers.iter().enumerate() {
            if !layer.meta.visible {
                continue;
            }
            let items = layer.items(
                [
                    north_west.x(),
                    south_east.y(),
                    south_east.x(),
                    north_west.y(),
                ],
                zoom,
            );
            for item in items {
                let (lat, lon, radius) = match item {
                    Item::Point { lat, lon, .. } => (lat, lon, 4.0),
                    Item::Cluster {
                        lat, lon, count, ..
                    } => (lat, lon, group_radius(count)),
                };
                let pos = projector.project(lat_lon(lat, lon)).to_pos2();
                drawn.push(Drawn {
                    layer: l,
                    item,
                    pos,
                    radius,
                });
            }
        }
        let font = egui::FontId::proportional(11.0);
        for d in &drawn {
            let color = self.layers[d.layer].color;
            // Squares: a layer is context beside the curated events (circles), never one of
            // them. A group's square is as wide as its count.
            let side = d.radius * 1.8;
            let count = match d.item {
                Item::Cluster { count, .. } => Some(painter.layout_no_wrap(
                    short_count(count, self.lang),
                    font.clone(),
                    Color32::WHITE,
                )),
                Item::Point { .. } => None,
            };
            let width = count
                .as_ref()
                .map_or(side, |galley| side.max(galley.size().x + 6.0));
            painter.rect(
                egui::Rect::from_center_size(d.pos, egui::vec2(width, side)),
                2.0,
                color.gamma_multiply(0.9),
                Stroke::new(1.2, Color32::WHITE),
                egui::StrokeKind::Outside,
            );
            if let Some(galley) = count {
                painter.galley(d.pos - galley.size() / 2.0, galley, Color32::WHITE);
            }
        }
        // Each symbol a node for screen readers and keyboard users, clicked by its label.
        let mut activated = None;
        let mut symbol_hovered = false;
        if drawn.len() <= MAX_ACCESSIBLE_SYMBOLS {
            for (k, d) in drawn.iter().enumerate() {
                let label = symbol_text(self.layers, d, self.lang);
                let rect = egui::Rect::from_center_size(d.pos, egui::Vec2::splat(d.radius * 2.0));
                let symbol = ui.interact(
                    rect,
                    egui::Id::unique(("layer-symbol", d.layer, k)),
                    egui::Sense::click(),
                );
                symbol.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, label.as_str())
                });
                symbol_hovered |= symbol.hovered();
                if symbol.clicked() {
                    activated = Some(k);
                }
            }
        }
        // The symbol under the pointer, the one drawn last (on top) first.
        let hover = if symbol_hovered {
            ui.ctx().pointer_hover_pos()
        } else {
            response.hover_pos()
        };
        let hovered = hover.and_then(|p| {
            drawn
                .iter()
                .rev()
                .find(|d| d.pos.distance(p) <= d.radius + 2.0)
        });
        if let Some(d) = activated.and_then(|k| drawn.get(k)) {
            *self.clicked = zoom_into(&self.layers[d.layer], d, memory);
        }
        let Some(d) = hovered else { return };
        let text = symbol_text(self.layers, d, self.lang);
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            egui::Id::unique("layer-tooltip"),
            egui::PopupAnchor::Pointer,
        )
        .gap(12.0)
        .show(|ui| ui.label(text));
        if response.clicked() {
            *self.clicked = zoom_into(&self.layers[d.layer], d, memory);
        }
    }
}

/// Where a click on a group zooms: to where it splits (nothing for a single record).
fn zoom_into(layer: &MapLayer, d: &Drawn, memory: &MapMemory) -> Option<LayerClick> {
    let Item::Cluster { id, lat, lon, .. } = d.item else {
        return None;
    };
    // The index is read one zoom below the map's (see above).
    let zoom = layer
        .index()
        .expansion_zoom(id)
        .map_or(memory.zoom() + 2.0, |z| f64::from(z) + 1.0)
        .max(memory.zoom() + 1.0);
    Some(LayerClick::Zoom { lat, lon, zoom })
}

/// What a symbol says, on hover and to a screen reader: a group's count and layer, or a
/// record's title, date, place and actors.
fn symbol_text(layers: &[MapLayer], d: &Drawn, lang: Lang) -> String {
    let Some(layer) = layers.get(d.layer) else {
        return String::new();
    };
    match d.item {
        Item::Cluster { count, .. } => crate::tr!(
            lang,
            "layer-cluster",
            records = crate::tr!(
                lang,
                "layer-records",
                n = count,
                count = crate::i18n::format_count(count as usize, lang)
            ),
            layer = layer.meta.name.as_str()
        ),
        Item::Point { index, .. } => layer
            .record_of(index)
            .and_then(|r| layer.records.row(r))
            .map(|row| record_text(&row, &layer.meta.name))
            .unwrap_or_default(),
    }
}

/// What a single record says on hover: its title, date, place, actors and layer.
fn record_text(row: &crate::layers::records::Row, layer: &str) -> String {
    let (edtf, _, _) = crate::formats::record_dates(row);
    let mut lines = vec![row.title.to_owned()];
    let when_where: Vec<&str> = [edtf.as_str(), row.place]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if !when_where.is_empty() {
        lines.push(when_where.join(" · "));
    }
    if !row.actors.is_empty() {
        lines.push(row.actors.to_owned());
    }
    lines.push(format!("— {layer}"));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_short_and_groups_grow_with_them() {
        assert_eq!(short_count(12, Lang::De), "12");
        assert_eq!(short_count(3_400, Lang::De), "3,4k");
        assert_eq!(short_count(3_400, Lang::En), "3.4k");
        assert_eq!(short_count(250_000, Lang::De), "250k");
        assert_eq!(short_count(1_200_000, Lang::Ru), "1,2M");
        assert!(group_radius(10) < group_radius(10_000));
        assert!(group_radius(u32::MAX) <= 18.0);
    }

    #[test]
    fn colours_parse_from_hex_and_bad_ones_are_refused() {
        assert_eq!(
            parse_color("#1b9e77"),
            Some(Color32::from_rgb(0x1b, 0x9e, 0x77))
        );
        assert_eq!(parse_color("1b9e77"), None);
        assert_eq!(parse_color("#1b9e7"), None);
        assert_eq!(parse_color("#gg9e77"), None);
    }
}
