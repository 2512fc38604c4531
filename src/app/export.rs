//! Exporting the view as PNG from the UI.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Frame, ViewportCommand};

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::export::ExportSize;
use crate::ingest::Problem;
use crate::ui::Action;

impl AtlasApp {
    /// The "export PNG" dialog.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some((path, size)) = &mut self.export_dialog else {
            return Vec::new();
        };
        let t = self.lang.t();
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(t.export_title).show(ctx, |ui| {
            let label = ui.label(t.export_prompt);
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(path).desired_width(400.0))
                    .labelled_by(label.id);
                if ui.button(self.lang.lib().browse).clicked()
                    && let Some(chosen) = crate::platform::pick_save_file(
                        t.export_title,
                        std::path::Path::new(path.as_str()),
                        "png",
                    )
                {
                    *path = chosen.display().to_string();
                }
            });
            ui.horizontal(|ui| {
                ui.label(t.export_size);
                for s in [ExportSize::FullHd, ExportSize::Hd, ExportSize::Window] {
                    let label = if s == ExportSize::Window {
                        t.export_window
                    } else {
                        s.label()
                    };
                    ui.selectable_value(size, s, label);
                }
            });
            let (ok, cancel) = ok_cancel(
                ui,
                [t.export_save, t.cancel],
                !path.trim().is_empty(),
                false,
            );
            if ok {
                actions.push(Action::Export(PathBuf::from(path.trim()), *size));
            }
            close = ok || cancel;
        });
        if close {
            self.export_dialog = None;
        }
        actions
    }

    /// "Saved: …" after an export, until dismissed.
    pub(super) fn exported_ui(&mut self, ctx: &egui::Context) {
        let Some(path) = &self.exported else { return };
        let mut close = false;
        let mut open_failed = None;
        egui::Area::new(egui::Id::unique("exported"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 44.0))
            .show(ctx, |ui| {
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(format!(
                            "✔ {} {}",
                            self.lang.t().export_saved,
                            path.display()
                        ));
                        if let Some(dir) = path.parent()
                            && ui.button(self.lang.t().open_folder).clicked()
                            && let Err(e) = crate::platform::open_folder(dir)
                        {
                            open_failed = Some(format!("{}: {e}", dir.display()));
                        }
                        close = ui.button("✖").clicked();
                    });
                });
            });
        if close {
            self.exported = None;
        }
        if let Some(message) = open_failed {
            self.notice = Some(message);
        }
    }

    /// An export under way: resize, wait for the tiles, capture, write, size back.
    pub(super) fn export_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.export else { return };
        if job.requested {
            let written = job.result.lock().ok().and_then(|r| r.clone());
            if let Some(outcome) = written {
                match outcome {
                    Ok(path) => self.exported = Some(path),
                    Err(message) => {
                        self.problems
                            .push(Problem::error(job.path.clone(), None, message));
                    }
                }
                if job.size.is_some() {
                    ctx.send_viewport_cmd(ViewportCommand::InnerSize(job.restore));
                }
                self.export = None;
            }
            return;
        }
        if job.frames == 0
            && let Some(size) = job.size
        {
            job.restore = ctx.content_rect().size();
            ctx.send_viewport_cmd(ViewportCommand::InnerSize(size));
        }
        job.frames += 1;
        let tiles_busy = self.offline.as_ref().is_some_and(|o| o.pending() > 0);
        if job.frames >= 6 && !tiles_busy {
            capture_png(ctx, job.path.clone(), Arc::clone(&job.result));
            job.requested = true;
        }
        ctx.request_repaint();
    }
}

/// Asks for a screenshot of the next frame and writes it to `path` as PNG; the outcome lands
/// in `result`, and a repaint follows so the app can act on it.
pub(super) fn capture_png(ctx: &egui::Context, path: PathBuf, result: ScreenshotResult) {
    let ctx2 = ctx.clone();
    ctx.request_screenshot(move |image| {
        let outcome = crate::export::save_png(&image, &path)
            .map(|()| path.clone())
            .map_err(|e| format!("{}: {e}", path.display()));
        if let Ok(mut slot) = result.lock() {
            *slot = Some(outcome);
        }
        ctx2.request_repaint();
    });
}

/// An export from the UI: the window is set to the size asked for, drawn with a title, captured,
/// written, and set back.
#[derive(Debug)]
pub(super) struct ExportJob {
    pub(super) path: PathBuf,
    pub(super) size: Option<egui::Vec2>,
    /// The window's size before, to return to.
    pub(super) restore: egui::Vec2,
    pub(super) frames: u32,
    pub(super) requested: bool,
    pub(super) result: ScreenshotResult,
}
