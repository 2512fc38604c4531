//! The bar along the top: title, view controls, language.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::basemap::source::BasemapChoice;
use crate::i18n::Lang;

/// Room kept for the "☰" menu that takes the buttons that do not fit.
const MENU_WIDTH: f32 = 40.0;

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
        let l = ctx.lang.lib();
        if ui.button(l.add_button).on_hover_text(l.add_title).clicked() {
            actions.push(Action::OpenAddArticle);
        }
        let id = egui::Id::unique(SEARCH_FIELD);
        if ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::F)) {
            ui.memory_mut(|m| m.request_focus(id));
            // The old query is selected, so that typing replaces it.
            let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all_str(query)));
            egui::TextEdit::store_state(ui.ctx(), id, state);
        }
        ui.add(
            egui::TextEdit::singleline(query)
                .id(id)
                .hint_text(t.search_hint)
                .desired_width(170.0),
        );
        actions.extend(super::filters::filter_menu_ui(ui, ctx, filter));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // The language menu: the current language's code, the languages by their own names.
            let current = ctx.lang;
            ui.menu_button(current.code().to_uppercase(), |ui| {
                for lang in Lang::ALL {
                    if ui
                        .selectable_label(lang == current, lang.native_name())
                        .clicked()
                    {
                        actions.push(Action::SetLang(lang));
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(t.language);
            ui.label(RichText::new("?").strong())
                .on_hover_text(t.help_text);
            ui.separator();
            // What does not fit goes into a "☰" menu at the left of this group, so that no
            // button ever lies on top of another (the search field and the filters come first).
            let text_width = |ui: &Ui, text: &str| {
                let galley = ui.painter().layout_no_wrap(
                    text.to_owned(),
                    egui::TextStyle::Button.resolve(ui.style()),
                    egui::Color32::BLACK,
                );
                galley.size().x + ui.spacing().button_padding.x * 2.0 + ui.spacing().item_spacing.x
            };
            let items: [(&str, f32); 4] = [
                (t.basemap, 180.0 + ui.spacing().item_spacing.x),
                (t.present, text_width(ui, t.present)),
                (t.quiz_start, text_width(ui, t.quiz_start)),
                (t.export_button, text_width(ui, t.export_button)),
            ];
            let mut room = ui.available_width() - MENU_WIDTH;
            let fits: Vec<bool> = items
                .iter()
                .map(|&(_, w)| {
                    room -= w;
                    room >= 0.0
                })
                .collect();
            let mut item = |ui: &mut Ui, i: usize| match i {
                0 => basemap_menu(ui, ctx.lang, basemap, &mut actions),
                1 => {
                    if ui.button(t.present).on_hover_text("F5").clicked() {
                        actions.push(Action::StartPresentation(None));
                    }
                }
                2 => {
                    if ui.button(t.quiz_start).clicked() {
                        actions.push(Action::StartQuiz);
                    }
                }
                _ => {
                    if ui
                        .button(t.export_button)
                        .on_hover_text(ctx.lang.figure().export_title)
                        .clicked()
                    {
                        actions.push(Action::OpenExportDialog);
                    }
                }
            };
            for (i, _) in fits.iter().enumerate().filter(|(_, fit)| **fit) {
                item(ui, i);
            }
            // The menu is always there: it holds undo and redo of the library's edits, the
            // import of a dataset, and whatever did not fit.
            let mut chosen = None;
            ui.menu_button("☰", |ui| {
                let l = ctx.lang.lib();
                if ui.button(format!("{}  (Ctrl+Z)", l.undo)).clicked() {
                    chosen = Some(Action::Undo);
                }
                if ui.button(format!("{}  (Ctrl+Shift+Z)", l.redo)).clicked() {
                    chosen = Some(Action::Redo);
                }
                ui.separator();
                if ui.button(ctx.lang.datasets().menu).clicked() {
                    chosen = Some(Action::OpenDatasetDialog(None));
                }
                if fits.iter().any(|fit| !fit) {
                    ui.separator();
                }
                for (i, _) in fits.iter().enumerate().filter(|(_, fit)| !**fit) {
                    item(ui, i);
                }
            })
            .response
            .on_hover_text(t.more);
            actions.extend(chosen);
        });
    });
    actions
}

/// The base map chooser: embedded (offline), two online sources, a local file, or a tile
/// server of one's own.
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
        BasemapChoice::Custom { url, .. } => crate::basemap::online::host(url).to_owned(),
    };
    egui::ComboBox::from_id_salt("basemap")
        .selected_text(name(current))
        .width(180.0)
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
            if let BasemapChoice::PmTiles(_) | BasemapChoice::Custom { .. } = current {
                let _ = ui.selectable_label(true, name(current));
            }
            if ui.selectable_label(false, t.basemap_file).clicked() {
                actions.push(Action::OpenPmtilesDialog);
            }
            if ui
                .selectable_label(false, lang.network().custom_menu)
                .clicked()
            {
                actions.push(Action::OpenCustomBasemapDialog);
            }
        })
        .response
        .on_hover_text(format!("{}: {}", t.basemap, t.basemap_hint));
}
