//! The legend of the imported layers, at the map's bottom right: each layer's colour, name and
//! number of records, with a box that shows or hides it.

use egui::{Frame, Rect, Ui};

use super::Action;
use crate::i18n::Lang;
use crate::style;

/// A layer as the legend lists it.
pub struct LayerLegend {
    pub name: String,
    pub color: egui::Color32,
    pub records: usize,
    pub visible: bool,
}

/// The imported layers at the map's top right: a colour, a name, a count, and a box that
/// shows or hides each.
#[must_use]
pub fn show(ui: &mut Ui, lang: Lang, layers: &[LayerLegend], loading: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if layers.is_empty() && !loading {
        return actions;
    }
    let rect = ui.max_rect();
    let rows = f32::from(u16::try_from(layers.len().max(1)).unwrap_or(u16::MAX));
    let width = 230.0_f32.min(rect.width() * 0.4);
    let height = 34.0 + rows * 48.0 + if loading { 24.0 } else { 0.0 };
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(Rect::from_min_size(
            // Bottom right, above the credits: the region's seas, where few markers are.
            egui::pos2(rect.right() - width - 10.0, rect.bottom() - height - 36.0),
            egui::vec2(width, height),
        )),
        |ui| {
            Frame::new()
                .fill(egui::Color32::from_white_alpha(225))
                .inner_margin(egui::Margin::symmetric(8, 5))
                .corner_radius(5.0)
                .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(200)))
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(crate::tr!(lang, "layers-title")).strong());
                    if loading {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(crate::tr!(lang, "layers-loading"));
                        });
                    }
                    for (i, layer) in layers.iter().enumerate() {
                        let mut visible = layer.visible;
                        let response = ui
                            .checkbox(&mut visible, layer.name.as_str())
                            .on_hover_text(crate::tr!(
                                lang,
                                "layer-toggle",
                                layer = layer.name.as_str()
                            ));
                        if response.changed() {
                            actions.push(Action::ToggleLayer(i));
                        }
                        ui.horizontal(|ui| {
                            ui.add_space(24.0);
                            let (square, _) = ui
                                .allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                            ui.painter()
                                .rect_filled(square.shrink(1.0), 2.0, layer.color);
                            let count = crate::tr!(
                                lang,
                                "layer-records",
                                n = layer.records,
                                count = crate::i18n::format_count(layer.records, lang)
                            );
                            ui.label(egui::RichText::new(count).color(style::MUTED_TEXT));
                        });
                    }
                });
        },
    );
    actions
}
