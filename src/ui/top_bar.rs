//! The bar along the top: title, view controls, language.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::basemap::source::BasemapChoice;
use crate::i18n::Lang;

/// The id of the search field (Ctrl+F focuses it).
pub const SEARCH_FIELD: &str = "search_field";

/// Draws the top bar; returns what was clicked.
pub fn top_bar_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    basemap: &BasemapChoice,
    query: &mut String,
    filter: &crate::model::filter::Filter,
) -> Vec<Action> {
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
        ui.separator();
        let id = egui::Id::unique(SEARCH_FIELD);
        if ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::F)) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.add(
            egui::TextEdit::singleline(query)
                .id(id)
                .hint_text(t.search_hint)
                .desired_width(170.0),
        );
        actions.extend(super::filters::filter_menu_ui(ui, ctx, filter));
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
            ui.separator();
            basemap_menu(ui, ctx.lang, basemap, &mut actions);
            if ui.button(t.present).on_hover_text("F5").clicked() {
                actions.push(Action::StartPresentation(None));
            }
            if ui.button(t.quiz_start).clicked() {
                actions.push(Action::StartQuiz);
            }
            if ui
                .button(t.export_button)
                .on_hover_text(t.export_title)
                .clicked()
            {
                actions.push(Action::OpenExportDialog);
            }
        });
    });
    actions
}

/// The base map chooser: embedded (offline), two online sources, or a local file.
fn basemap_menu(ui: &mut Ui, lang: Lang, current: &BasemapChoice, actions: &mut Vec<Action>) {
    let t = lang.t();
    let name = |choice: &BasemapChoice| match choice {
        BasemapChoice::Offline => t.basemap_offline.to_owned(),
        BasemapChoice::Osm => t.basemap_osm.to_owned(),
        BasemapChoice::Topo => t.basemap_topo.to_owned(),
        BasemapChoice::PmTiles(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    egui::ComboBox::from_id_salt("basemap")
        .selected_text(format!("{}: {}", t.basemap, name(current)))
        .width(260.0)
        .show_ui(ui, |ui| {
            for choice in [
                BasemapChoice::Offline,
                BasemapChoice::Osm,
                BasemapChoice::Topo,
            ] {
                let label = name(&choice);
                if ui.selectable_label(*current == choice, label).clicked() && *current != choice {
                    actions.push(Action::SetBasemap(choice));
                }
            }
            if let BasemapChoice::PmTiles(_) = current {
                let _ = ui.selectable_label(true, name(current));
            }
            if ui.selectable_label(false, t.basemap_file).clicked() {
                actions.push(Action::OpenPmtilesDialog);
            }
        })
        .response
        .on_hover_text(t.basemap_hint);
}
