//! The legend of the imported layers, at the map's bottom right: each layer's colour, name and
//! number of records, with a box that shows or hides it, and its own filters (a search and its
//! most frequent categories) behind a button.

use egui::{Frame, RichText, Ui};

use super::Action;
use crate::i18n::{Lang, format_count};
use crate::layers::query::Query;
use crate::style;
use crate::tr;

/// A layer as the legend lists it (borrowed from the layer: the legend is drawn every frame).
pub struct LayerLegend<'a> {
    pub name: &'a str,
    pub color: egui::Color32,
    pub records: usize,
    /// How many records its filters and the timeline's range keep.
    pub kept: usize,
    pub visible: bool,
    /// Whether the map is still catching up with a new filter.
    pub updating: bool,
    /// The layer's own filters.
    pub query: &'a Query,
    /// Its most frequent categories with their counts.
    pub categories: &'a [(String, usize)],
}

/// The imported layers at the map's bottom right: a colour, a name, a count, a box that
/// shows or hides each, and its filters.
#[must_use]
pub fn show(ui: &mut Ui, lang: Lang, layers: &[LayerLegend<'_>], loading: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    if layers.is_empty() && !loading {
        return actions;
    }
    let rect = ui.max_rect();
    // Wide enough for "145.363 von 1.000.000" beside the spinner and the button on a 1024
    // wide screen, where the map is about 625 wide.
    let width = 310.0_f32.min(rect.width() * 0.5);
    // Drawn in the map's own layer, so that dialogs stay in front of it; its height is the
    // one it had in the last frame (it changes when a layer's filters open), measured anew.
    let height_id = egui::Id::unique("layers_legend_height");
    let height = ui.data(|d| d.get_temp::<f32>(height_id)).unwrap_or(60.0);
    // Bottom right, above the credits: the region's seas, where few markers are.
    let top = (rect.bottom() - 36.0 - height).max(rect.top());
    let left = rect.right() - width - 10.0;
    let drawn = ui
        .scope_builder(
            egui::UiBuilder::new().max_rect(egui::Rect::from_min_max(
                egui::pos2(left, top),
                egui::pos2(left + width, rect.bottom()),
            )),
            |ui| {
                Frame::new()
                    .fill(egui::Color32::from_white_alpha(235))
                    .inner_margin(egui::Margin::symmetric(8, 5))
                    .corner_radius(5.0)
                    .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(200)))
                    .show(ui, |ui| {
                        ui.set_width(width - 16.0);
                        ui.label(RichText::new(tr!(lang, "layers-title")).strong());
                        if loading {
                            ui.horizontal(|ui| {
                                ui.spinner();
                                ui.label(tr!(lang, "layers-loading"));
                            });
                        }
                        for (i, layer) in layers.iter().enumerate() {
                            actions.extend(layer_row(ui, lang, i, layer));
                        }
                    })
                    .response
                    .rect
            },
        )
        .inner;
    if (drawn.height() - height).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(height_id, drawn.height()));
        ui.ctx().request_repaint();
    }
    actions
}

fn layer_row(ui: &mut Ui, lang: Lang, i: usize, layer: &LayerLegend<'_>) -> Vec<Action> {
    let mut actions = Vec::new();
    let open_id = egui::Id::unique(("layer_filters_open", i));
    let mut open = ui.data(|d| d.get_temp::<bool>(open_id).unwrap_or(false));
    let mut visible = layer.visible;
    let response = ui.checkbox(&mut visible, layer.name).on_hover_text(tr!(
        lang,
        "layer-toggle",
        layer = layer.name
    ));
    if response.changed() {
        actions.push(Action::ToggleLayer(i));
    }
    ui.horizontal(|ui| {
        ui.add_space(24.0);
        let (square, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(square.shrink(1.0), 2.0, layer.color);
        let count = if layer.kept == layer.records {
            tr!(
                lang,
                "layer-records",
                n = layer.records,
                count = format_count(layer.records, lang)
            )
        } else {
            tr!(
                lang,
                "layer-records-kept",
                kept = format_count(layer.kept, lang),
                count = format_count(layer.records, lang)
            )
        };
        // The button first, from the right: the count takes what is left (and is cut short
        // rather than run under the button).
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = tr!(lang, "layer-filters", layer = layer.name);
            let button = ui
                .selectable_label(
                    open || !layer.query.is_empty(),
                    tr!(lang, "layer-filter-button"),
                )
                .on_hover_text(&label);
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if button.clicked() {
                open = !open;
                ui.data_mut(|d| d.insert_temp(open_id, open));
            }
            if layer.updating {
                ui.spinner();
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(RichText::new(count).color(style::MUTED_TEXT)).truncate());
            });
        });
    });
    if open {
        filters(ui, lang, i, layer, &mut actions);
    }
    actions
}

/// A layer's search and category boxes.
fn filters(ui: &mut Ui, lang: Lang, i: usize, layer: &LayerLegend<'_>, actions: &mut Vec<Action>) {
    ui.indent(("layer_filters", i), |ui| {
        let mut text = layer.query.text.clone();
        let edit = ui
            .horizontal(|ui| {
                let label = ui.label(tr!(lang, "layer-search"));
                ui.add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(tr!(lang, "layer-search-hint"))
                        .desired_width(ui.available_width()),
                )
                .on_hover_text(tr!(lang, "layer-search-tip", layer = layer.name))
                .labelled_by(label.id)
            })
            .inner;
        if edit.changed() {
            actions.push(Action::SetLayerQuery(
                i,
                Query {
                    text,
                    ..layer.query.clone()
                },
            ));
        }
        for (category, count) in layer.categories {
            let mut on = layer.query.categories.contains(category);
            let text = format!("{category} ({})", format_count(*count, lang));
            if ui.checkbox(&mut on, text).changed() {
                let mut query = layer.query.clone();
                if on {
                    query.categories.push(category.clone());
                } else {
                    query.categories.retain(|c| c != category);
                }
                actions.push(Action::SetLayerQuery(i, query));
            }
        }
        if !layer.query.is_empty() && ui.small_button(tr!(lang, "layer-filters-clear")).clicked() {
            actions.push(Action::SetLayerQuery(i, Query::default()));
        }
    });
}
