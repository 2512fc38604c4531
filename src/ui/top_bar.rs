//! The bar along the top: title, view controls, language.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::i18n::Lang;

/// Draws the top bar; returns what was clicked.
pub fn top_bar_ui(ui: &mut Ui, ctx: ViewCtx<'_>) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.app_title).strong().size(18.0));
        ui.separator();
        if ui.button(t.reset_view).on_hover_text("Home").clicked() {
            actions.push(Action::ResetView);
        }
        if ui.button("+").on_hover_text(t.zoom_in).clicked() {
            actions.push(Action::Zoom(1.0));
        }
        if ui.button("−").on_hover_text(t.zoom_out).clicked() {
            actions.push(Action::Zoom(-1.0));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let other = match ctx.lang {
                Lang::De => Lang::En,
                Lang::En => Lang::De,
            };
            if ui
                .button(t.switch_language)
                .on_hover_text(other.t().language_name)
                .clicked()
            {
                actions.push(Action::SetLang(other));
            }
            ui.label(RichText::new("?").strong())
                .on_hover_text(t.help_text);
        });
    });
    actions
}
