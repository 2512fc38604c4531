//! Small dialogs and the files dropped on the window.

use std::path::PathBuf;

use egui::{Key, Ui};

use crate::basemap::source::BasemapChoice;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::ui::Action;

/// The "share as a lesson" dialog: where to write the pack, and which tour (id, title) it
/// carries (none: the whole library).
#[derive(Debug, Clone, PartialEq)]
pub struct LessonDialog {
    pub path: String,
    pub tour: Option<(String, String)>,
}

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
            let label = ui.label(t.pmtiles_prompt);
            let edit = ui
                .add(
                    egui::TextEdit::singleline(path)
                        .desired_width(420.0)
                        .hint_text("/home/…/kaukasus.pmtiles"),
                )
                .labelled_by(label.id);
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

/// The "own tile server" dialog: the URL template and the credit being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomBasemapDialog {
    pub url: String,
    pub credit: String,
}

impl CustomBasemapDialog {
    /// Starts from the server in use, if it is one's own.
    pub fn for_choice(current: &BasemapChoice) -> Self {
        match current {
            BasemapChoice::Custom { url, credit } => Self {
                url: url.clone(),
                credit: credit.clone(),
            },
            _ => Self::default(),
        }
    }
}

impl AtlasApp {
    /// The small window that asks for a tile server's URL template and its credit.
    pub(super) fn custom_basemap_dialog_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let Some(dialog) = &mut self.custom_basemap_dialog else {
            return Vec::new();
        };
        let lang = self.lang;
        let (n, t) = (lang.network(), lang.t());
        let mut actions = Vec::new();
        let mut close = false;
        centred_dialog(n.custom_title).show(ctx, |ui| {
            ui.label(
                egui::RichText::new(n.custom_explain)
                    .small()
                    .color(crate::style::MUTED_TEXT),
            );
            let label = ui.label(n.custom_url);
            let url = ui
                .add(
                    egui::TextEdit::singleline(&mut dialog.url)
                        .desired_width(420.0)
                        .hint_text("https://tiles.schule.example/{z}/{x}/{y}.png"),
                )
                .labelled_by(label.id);
            if dialog.url.is_empty() && dialog.credit.is_empty() && !url.has_focus() {
                url.request_focus();
            }
            let label = ui.label(n.custom_credit);
            let credit = ui
                .add(
                    egui::TextEdit::singleline(&mut dialog.credit)
                        .desired_width(420.0)
                        .hint_text(n.custom_credit_hint),
                )
                .labelled_by(label.id);
            let choice = BasemapChoice::custom(&dialog.url, &dialog.credit);
            if let (Err(reason), false) = (
                crate::basemap::online::check_template(&dialog.url),
                dialog.url.trim().is_empty(),
            ) {
                ui.label(
                    egui::RichText::new(crate::i18n::template_problem(&reason, lang))
                        .small()
                        .color(crate::style::PROBLEM_ERROR),
                );
            }
            let entered = (url.lost_focus() || credit.lost_focus())
                && ui.input(|i| i.key_pressed(Key::Enter));
            let (ok, cancel) = ok_cancel(ui, [n.custom_use, t.cancel], choice.is_ok(), entered);
            if ok && let Ok(choice) = choice {
                actions.push(Action::SetBasemap(choice));
            }
            close = ok || cancel;
        });
        if close {
            self.custom_basemap_dialog = None;
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

/// The extensions of datasets: a file with one of them, dropped on the window, opens the
/// dataset dialog rather than being read as an article.
const DATASET_EXTENSIONS: [&str; 5] = ["csv", "tsv", "geojson", "json", "kml"];

/// Files dropped onto the window: a `.pmtiles` file becomes the base map, a dataset (CSV, TSV,
/// `GeoJSON`, KML) opens the dataset dialog (the first one dropped: the dialog takes one file
/// at a time), any other file is read as a new article.
pub(super) fn dropped_files(ctx: &egui::Context) -> Vec<Action> {
    route_files(crate::platform::files_given(ctx))
}

/// What files given to the app (dropped, or named on the command line as a double-click
/// does) become: see [`dropped_files`].
pub(super) fn route_files(paths: Vec<PathBuf>) -> Vec<Action> {
    let has = |p: &PathBuf, exts: &[&str]| {
        p.extension()
            .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
    };
    let (tiles, rest): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| has(p, &["pmtiles"]));
    let (datasets, articles): (Vec<PathBuf>, Vec<PathBuf>) =
        rest.into_iter().partition(|p| has(p, &DATASET_EXTENSIONS));
    let mut actions: Vec<Action> = tiles
        .into_iter()
        .map(|p| Action::SetBasemap(BasemapChoice::PmTiles(p)))
        .collect();
    if let Some(dataset) = datasets.into_iter().next() {
        actions.push(Action::OpenDatasetDialog(Some(dataset)));
    }
    if !articles.is_empty() {
        actions.push(Action::ImportFiles(articles));
    }
    actions
}

impl AtlasApp {
    /// The library's windows: adding articles, reviewing a name, confirming a removal, and the
    /// notice of what was just done (with undo).
    pub(super) fn library_windows_ui(
        &mut self,
        ctx: &egui::Context,
        view: ViewCtx<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(form) = &mut self.add_form {
            actions.extend(crate::ui::add_article::add_article_ui(ctx, view, form));
        }
        if let Some(form) = &mut self.event_form {
            actions.extend(crate::ui::event_form::event_form_ui(ctx, view, form));
        }
        if let Some(review) = &mut self.review
            && !self.placing
        {
            let world = self.geoparser.ready.as_ref().map(|p| Arc::clone(p.world()));
            actions.extend(crate::ui::review::review_ui(
                ctx,
                view,
                review,
                world.as_deref(),
            ));
        }
        let l = self.lang.lib();
        if let Some(LessonDialog { path, tour }) = &mut self.lesson_dialog {
            centred_dialog(l.lesson_export_title).show(ctx, |ui| {
                let label = match tour {
                    Some((_, title)) => {
                        ui.label(egui::RichText::new(format!("„{title}“")).strong());
                        ui.label(l.lesson_prompt_tour)
                    }
                    None => ui.label(l.lesson_prompt),
                };
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(path).desired_width(400.0))
                        .labelled_by(label.id);
                    if crate::platform::CHOOSES_SAVE_PATH
                        && ui.button(l.browse).clicked()
                        && let Some(chosen) = crate::platform::pick_save_file(
                            l.lesson_export,
                            std::path::Path::new(path.as_str()),
                            crate::library::pack::EXTENSION,
                        )
                    {
                        *path = chosen.display().to_string();
                    }
                });
                ui.label(
                    egui::RichText::new(l.lesson_hint)
                        .small()
                        .color(crate::style::MUTED_TEXT),
                );
                let (ok, cancel) = ok_cancel(
                    ui,
                    [self.lang.t().export_save, self.lang.t().cancel],
                    !path.trim().is_empty(),
                    false,
                );
                if ok {
                    actions.push(Action::ExportLesson {
                        path: PathBuf::from(path.trim()),
                        tour: tour.as_ref().map(|(id, _)| id.clone()),
                    });
                } else if cancel {
                    actions.push(Action::CloseLessonExport);
                }
            });
        }
        if let Some(id) = &self.removing {
            let title = view
                .library
                .article(id)
                .map_or_else(|| id.clone(), |a| a.entry.title_de.clone());
            centred_dialog(l.remove_title).show(ctx, |ui| {
                ui.label(egui::RichText::new(format!("„{title}“")).strong());
                ui.label(l.remove_hint);
                let (ok, cancel) = ok_cancel(ui, [l.remove, self.lang.t().cancel], true, false);
                if ok {
                    actions.push(Action::RemoveArticle(id.clone()));
                } else if cancel {
                    actions.push(Action::CancelRemove);
                }
            });
        }
        let hint = self.placing.then(|| {
            let name = match self.review.as_ref().map(|r| &r.target) {
                Some(crate::ui::review::ReviewTarget::Passage { text, .. }) => text.clone(),
                Some(crate::ui::review::ReviewTarget::Mention { article, index }) => view
                    .library
                    .article(article)
                    .and_then(|a| a.mentions.get(*index))
                    .map(|m| m.text.clone())
                    .unwrap_or_default(),
                None => String::new(),
            };
            crate::i18n::place_on_map(&name, self.lang)
        });
        if let Some(text) = hint.as_ref().or(self.notice.as_ref()) {
            let undo = hint.is_none() && self.history.can_undo();
            // Over the map, below the mode switch: the side panel stays readable.
            let map = self.map_rect;
            egui::Area::new(egui::Id::unique("notice"))
                .fixed_pos(map.left_top() + egui::vec2(10.0, 52.0))
                .show(ctx, |ui| {
                    ui.set_max_width(map.width() - 20.0);
                    Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(text).strong());
                            if undo && ui.button(l.undo).on_hover_text("Ctrl+Z").clicked() {
                                actions.push(Action::Undo);
                            }
                            if ui.button("✖").clicked() {
                                actions.push(if hint.is_some() {
                                    Action::CloseReview
                                } else {
                                    Action::DismissNotice
                                });
                            }
                        });
                    });
                });
        }
        actions
    }
}
