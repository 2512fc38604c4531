//! Exporting from the UI: the map as a clean figure (PNG or SVG, drawn from the model, not
//! captured from the window) and a tour as a PDF handout. Both are written on a helper thread;
//! the window stays as it is, and "Saved: …" follows.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Frame;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::export::ExportSize;
use crate::figure::{FigureSpec, Format, Framing};
use crate::ingest::Problem;
use crate::ui::{Action, MapMode};

/// The export dialog's choices, while it is open.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ExportDialog {
    pub(super) path: String,
    pub(super) size: ExportSize,
    pub(super) format: Format,
    /// A data format instead of a figure: what is shown, as `GeoJSON`, CSV, KML, ….
    pub(super) data: Option<crate::formats::Format>,
}

/// The data formats the export dialog offers, with their labels' message ids.
const DATA_FORMATS: [(crate::formats::Format, &str); 5] = [
    (crate::formats::Format::GeoJson, "export-data-geojson"),
    (crate::formats::Format::Csv, "export-data-csv"),
    (crate::formats::Format::Kml, "export-data-kml"),
    (crate::formats::Format::TimelineJson, "export-data-timeline"),
    (crate::formats::Format::LinkedPlaces, "export-data-lpf"),
];

/// The "save the tour as a PDF handout" dialog: which tour (its index) and the file.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TourPdfDialog {
    pub(super) tour: usize,
    pub(super) path: String,
}

impl AtlasApp {
    /// The export dialog: the file, its format and its size.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(dialog) = &mut self.export_dialog else {
            return Vec::new();
        };
        let (t, fig) = (self.lang.t(), self.lang.figure());
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(fig.export_title).show(ctx, |ui| {
            let label = ui.label(fig.export_prompt);
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(400.0))
                    .labelled_by(label.id);
                if crate::platform::CHOOSES_SAVE_PATH
                    && ui.button(self.lang.lib().browse).clicked()
                    && let Some(chosen) = crate::platform::pick_save_file(
                        fig.export_title,
                        Path::new(dialog.path.as_str()),
                        dialog.format.extension(),
                    )
                {
                    dialog.path = chosen.display().to_string();
                    if let Ok(format) = Format::from_path(&chosen) {
                        dialog.format = format;
                        dialog.data = None;
                    } else if let Some(data) = crate::formats::Format::from_path(&chosen) {
                        dialog.data = Some(data);
                    }
                }
            });
            ui.horizontal(|ui| {
                ui.label(fig.format);
                for (format, label) in
                    [(Format::Png, fig.format_png), (Format::Svg, fig.format_svg)]
                {
                    let on = dialog.data.is_none() && dialog.format == format;
                    if ui.selectable_label(on, label).clicked() {
                        dialog.format = format;
                        dialog.data = None;
                        dialog.path = with_extension(&dialog.path, format);
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(crate::tr!(self.lang, "export-data"));
                for (format, id) in DATA_FORMATS {
                    let on = dialog.data == Some(format);
                    if ui.selectable_label(on, crate::tr!(self.lang, id)).clicked() {
                        dialog.data = Some(format);
                        dialog.path = with_data_extension(&dialog.path, format);
                    }
                }
            });
            if dialog.data.is_some() {
                ui.label(
                    egui::RichText::new(crate::tr!(self.lang, "export-data-what"))
                        .small()
                        .color(crate::style::MUTED_TEXT),
                );
            } else {
                ui.horizontal(|ui| {
                    ui.label(t.export_size);
                    for s in [ExportSize::FullHd, ExportSize::Hd, ExportSize::Window] {
                        let label = if s == ExportSize::Window {
                            fig.size_map
                        } else {
                            s.label()
                        };
                        ui.selectable_value(&mut dialog.size, s, label);
                    }
                });
            }
            let (ok, cancel) = ok_cancel(
                ui,
                [t.export_save, t.cancel],
                !dialog.path.trim().is_empty(),
                false,
            );
            if ok {
                actions.push(match dialog.data {
                    Some(data) => Action::ExportData(
                        PathBuf::from(with_data_extension(dialog.path.trim(), data)),
                        data,
                    ),
                    None => Action::Export(
                        PathBuf::from(with_extension(dialog.path.trim(), dialog.format)),
                        dialog.size,
                    ),
                });
            }
            close = ok || cancel;
        });
        if close {
            self.export_dialog = None;
        }
        actions
    }

    /// The dialog that saves a tour as a PDF handout.
    pub(super) fn tour_pdf_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(dialog) = &mut self.tour_pdf_dialog else {
            return Vec::new();
        };
        let (t, fig) = (self.lang.t(), self.lang.figure());
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(fig.tour_pdf_title).show(ctx, |ui| {
            if let Some(tour) = self.tours.get(dialog.tour) {
                ui.strong(tour.title(self.lang));
            }
            let label = ui.label(fig.tour_pdf_prompt);
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut dialog.path).desired_width(400.0))
                    .labelled_by(label.id);
                if crate::platform::CHOOSES_SAVE_PATH
                    && ui.button(self.lang.lib().browse).clicked()
                    && let Some(chosen) = crate::platform::pick_save_file(
                        fig.tour_pdf_title,
                        Path::new(dialog.path.as_str()),
                        "pdf",
                    )
                {
                    dialog.path = chosen.display().to_string();
                }
            });
            let (ok, cancel) = ok_cancel(
                ui,
                [t.export_save, t.cancel],
                !dialog.path.trim().is_empty(),
                false,
            );
            if ok {
                let mut path = PathBuf::from(dialog.path.trim());
                if !crate::figure::is_pdf(&path) {
                    path.set_extension("pdf");
                }
                actions.push(Action::ExportTourPdf(dialog.tour, path));
            }
            close = ok || cancel;
        });
        if close {
            self.tour_pdf_dialog = None;
        }
        actions
    }

    /// What the map shows now, as a figure: the view (the same area as the map on screen),
    /// the filters and the time range, the map mode, the selection, a presentation step's
    /// lines, and the language.
    pub(super) fn figure_spec(&self) -> FigureSpec {
        let highlight = self
            .presentation
            .as_ref()
            .and_then(|p| self.current_step(p))
            .map(|s| s.highlight.clone())
            .unwrap_or_default();
        let map = self.map_rect.size();
        FigureSpec {
            framing: Framing::View {
                view: self.view(),
                seen_at: if map.x > 1.0 && map.y > 1.0 {
                    (map.x, map.y)
                } else {
                    crate::figure::spec::LAPTOP_MAP
                },
            },
            filter: self.filter.clone(),
            conflicts: self.state.map_mode == MapMode::Conflicts,
            selected_place: self.selected,
            selected_event: self.selected_event,
            highlight,
            lang: self.lang,
            title: None,
        }
    }

    /// Writes the figure of the current map to `path` on a helper thread.
    pub(super) fn start_figure_export(&mut self, path: PathBuf, size: ExportSize) {
        let size = size.size().unwrap_or_else(|| self.map_rect.size());
        let size = (whole(size.x), whole(size.y));
        let (atlas, spec) = (Arc::clone(&self.atlas), self.figure_spec());
        self.start_export(path, move |path| {
            crate::figure::write(path, &atlas, &spec, size)
        });
    }

    /// Writes what is shown — the events the filters keep, and the shown layers' records their
    /// filters and the timeline's range keep — as `format` to `path`, on a helper thread.
    pub(super) fn start_data_export(&mut self, path: PathBuf, format: crate::formats::Format) {
        let atlas = Arc::clone(&self.atlas);
        let events = self.visible_events().to_vec();
        let layers: Vec<(String, Arc<crate::layers::Records>, Option<Vec<u32>>)> =
            if format.writes_layers() {
                self.layers
                    .layers
                    .iter()
                    .filter(|l| l.meta.visible)
                    .map(|l| {
                        let r = l.export_ref();
                        (
                            l.meta.name.clone(),
                            Arc::clone(&l.records),
                            r.kept.map(<[u32]>::to_vec),
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
        let title = self.figure_spec().title_text(&self.atlas);
        let lang = self.lang;
        self.start_export(path, move |path| {
            let refs: Vec<crate::formats::LayerRef> = layers
                .iter()
                .map(|(name, records, kept)| crate::formats::LayerRef {
                    name,
                    records,
                    kept: kept.as_deref(),
                })
                .collect();
            let request = crate::formats::Request {
                atlas: &atlas,
                events: &events,
                lang,
                title: &title,
                tour: None,
                layers: &refs,
            };
            let written = format.write(&request)?;
            crate::platform::storage::write_atomic(path, written.text.as_bytes())
                .map_err(|e| e.to_string())
        });
    }

    /// Writes the handout of tour `tour` to `path` on a helper thread.
    pub(super) fn start_tour_pdf_export(&mut self, tour: usize, path: PathBuf) {
        let Some(tour) = self.tours.get(tour).cloned() else {
            return;
        };
        let (atlas, lang) = (Arc::clone(&self.atlas), self.lang);
        self.start_export(path, move |path| {
            crate::figure::write_tour_pdf(path, &atlas, &tour, lang)
        });
    }

    fn start_export(
        &mut self,
        path: PathBuf,
        write: impl FnOnce(&Path) -> Result<(), String> + Send + 'static,
    ) {
        // The full path, so that the confirmation says exactly where the file is.
        let path = std::path::absolute(&path).unwrap_or(path);
        self.state.export_dir = path.parent().map(Path::to_path_buf);
        self.exported = None;
        let result = ScreenshotResult::default();
        if !crate::platform::HAS_THREADS {
            // The browser: written (downloaded) now; the next frame shows the outcome.
            let outcome = write(&path).map(|()| path.clone());
            if let Ok(mut slot) = result.lock() {
                *slot = Some(outcome);
            }
            self.export = Some(ExportJob {
                path,
                result,
                thread: None,
            });
            return;
        }
        let slot = Arc::clone(&result);
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("export".to_owned())
            .spawn(move || {
                let outcome = write(&target).map(|()| target.clone());
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(outcome);
                }
            });
        match spawned {
            Ok(thread) => {
                self.export = Some(ExportJob {
                    path,
                    result,
                    thread: Some(thread),
                });
            }
            Err(e) => self
                .problems
                .push(Problem::error(path, None, e.to_string())),
        }
    }

    /// "Saved: …" after an export, until dismissed; "Writing …" while one is under way.
    pub(super) fn exported_ui(&mut self, ctx: &egui::Context) {
        if self.export.is_some() {
            egui::Area::new(egui::Id::unique("exporting"))
                .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 44.0))
                .show(ctx, |ui| {
                    Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(self.lang.figure().writing);
                        });
                    });
                });
            return;
        }
        let Some(path) = &self.exported else { return };
        let mut close = false;
        let mut open_failed = None;
        egui::Area::new(egui::Id::unique("exported"))
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 44.0))
            .show(ctx, |ui| {
                Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if crate::platform::storage::is_download(path) {
                            // The browser keeps the file in its downloads; no folder to open.
                            let name = path.file_name().map_or_else(
                                || path.display().to_string(),
                                |n| n.to_string_lossy().into_owned(),
                            );
                            ui.label(format!(
                                "✔ {}",
                                crate::tr!(self.lang, "export-downloaded", name = name)
                            ));
                        } else {
                            ui.label(format!(
                                "✔ {} {}",
                                self.lang.t().export_saved,
                                path.display()
                            ));
                        }
                        if let Some(dir) = path.parent()
                            && !crate::platform::storage::is_download(path)
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

    /// An export under way: when the helper thread is done, its outcome is shown.
    pub(super) fn export_step(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export else { return };
        // Whether the thread has ended, asked before its result: it writes the result first.
        let ended = job
            .thread
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished);
        let mut written = job.result.lock().ok().and_then(|r| r.clone());
        if written.is_none() && ended {
            // The thread ended without a word: it panicked. Say so rather than wait forever.
            written = Some(Err("the export stopped unexpectedly".to_owned()));
        }
        match written {
            Some(Ok(path)) => {
                self.exported = Some(path);
                self.export = None;
            }
            Some(Err(message)) => {
                self.problems
                    .push(Problem::error(job.path.clone(), None, message));
                self.export = None;
            }
            None => ctx.request_repaint_after(std::time::Duration::from_millis(50)),
        }
    }

    /// Waits until an export under way has ended (for tests and other front ends).
    pub fn wait_for_export(&mut self) {
        if let Some(thread) = self.export.as_mut().and_then(|job| job.thread.take()) {
            let _ = thread.join();
        }
        if let Some(job) = &self.export
            && let Ok(mut slot) = job.result.lock()
            && slot.is_none()
        {
            *slot = Some(Err("the export stopped unexpectedly".to_owned()));
        }
    }

    /// Where the last export went, once it is written.
    #[must_use]
    pub fn exported_path(&self) -> Option<&Path> {
        self.exported.as_deref()
    }
}

/// The path with the format's extension (added, or put in place of a figure extension).
/// The path with the data format's extension.
fn with_data_extension(path: &str, format: crate::formats::Format) -> String {
    Path::new(path)
        .with_extension(format.extension())
        .display()
        .to_string()
}

fn with_extension(path: &str, format: Format) -> String {
    let p = Path::new(path);
    if Format::from_path(p).is_ok_and(|f| f == format) {
        return path.to_owned();
    }
    let has_figure_extension = Format::from_path(p).is_ok();
    if has_figure_extension || p.extension().is_none() {
        p.with_extension(format.extension()).display().to_string()
    } else {
        format!("{path}.{}", format.extension())
    }
}

/// A size in points as whole pixels (at least one).
fn whole(points: f32) -> u32 {
    u32::try_from(points.round() as i64).unwrap_or(1).max(1)
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

/// An export from the UI under way on a helper thread.
#[derive(Debug)]
pub(super) struct ExportJob {
    pub(super) path: PathBuf,
    pub(super) result: ScreenshotResult,
    /// The thread writing it (taken by [`AtlasApp::wait_for_export`]).
    pub(super) thread: Option<std::thread::JoinHandle<()>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_a_format_sets_the_files_extension() {
        assert_eq!(
            with_extension("/tmp/karte.png", Format::Svg),
            "/tmp/karte.svg"
        );
        assert_eq!(
            with_extension("/tmp/karte.svg", Format::Svg),
            "/tmp/karte.svg"
        );
        assert_eq!(with_extension("/tmp/karte", Format::Png), "/tmp/karte.png");
        assert_eq!(with_extension("/tmp/v1.2", Format::Png), "/tmp/v1.2.png");
    }
}
