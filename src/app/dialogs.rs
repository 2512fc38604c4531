//! Small dialogs and the files dropped on the window.

use std::path::PathBuf;

use egui::{Key, Ui};

use crate::basemap::source::BasemapChoice;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::ui::Action;

impl AtlasApp {
    /// The small window that asks for a `.pmtiles` path.
    pub(super) fn pmtiles_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(path) = &mut self.pmtiles_dialog else {
            return Vec::new();
        };
        let t = self.lang.t();
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(t.pmtiles_title).show(ctx, |ui| {
            ui.label(t.pmtiles_prompt);
            let edit = ui.add(
                egui::TextEdit::singleline(path)
                    .desired_width(420.0)
                    .hint_text("/home/…/kaukasus.pmtiles"),
            );
            if path.is_empty() && !edit.has_focus() {
                edit.request_focus();
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let (ok, cancel) = ok_cancel(ui, [t.open, t.cancel], !path.trim().is_empty(), entered);
            if ok {
                let file = PathBuf::from(path.trim());
                actions.push(Action::SetBasemap(BasemapChoice::PmTiles(file)));
            }
            close = ok || cancel;
        });
        if close {
            self.pmtiles_dialog = None;
        }
        actions
    }
}

/// The buttons of a dialog: (confirmed, cancelled). `enabled` gates the confirming button;
/// `entered` (Enter in the field) confirms too.
pub(super) fn ok_cancel(
    ui: &mut Ui,
    labels: [&str; 2],
    enabled: bool,
    entered: bool,
) -> (bool, bool) {
    let [ok, cancel] = labels;
    ui.horizontal(|ui| {
        let confirmed = ui.add_enabled(enabled, egui::Button::new(ok)).clicked();
        let cancelled = ui.button(cancel).clicked() || ui.input(|i| i.key_pressed(Key::Escape));
        (confirmed || (entered && enabled), cancelled)
    })
    .inner
}

/// A small fixed window in the middle of the screen, for a question to the user.
pub(super) fn centred_dialog(title: &str) -> egui::Window<'_> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
}

/// A `.pmtiles` file dropped onto the window becomes the base map.
pub(super) fn dropped_pmtiles(ctx: &egui::Context) -> Vec<Action> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("pmtiles"))
            })
            .map(|p| Action::SetBasemap(BasemapChoice::PmTiles(p)))
            .collect()
    })
}
