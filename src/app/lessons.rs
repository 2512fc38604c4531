//! Lessons and undo: a tour or the whole library written as a lesson pack, a pack joining the
//! library, and undo/redo of the library's edits (kept across restarts by its history).

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::i18n;
use crate::ingest::Problem;
use crate::library::Edit;
use crate::platform;
use crate::ui::Action;

impl AtlasApp {
    /// The lessons' part of [`AtlasApp::apply`].
    pub(super) fn apply_lessons(&mut self, action: Action) {
        match action {
            Action::OpenLessonExport(tour) => {
                let dir = crate::platform::storage::user_folder(
                    crate::platform::storage::UserFolder::Documents,
                );
                let tour = tour.and_then(|id| {
                    let t = self.workspace.library.tours.iter().find(|t| t.id == id)?;
                    let title = i18n::pick(self.lang, &t.title_de, &t.title_en);
                    Some((id, title.to_owned()))
                });
                let name = match &tour {
                    Some((id, title)) => {
                        let stem = crate::library::lesson::file_stem(title);
                        format!("{}.atlas", if stem.is_empty() { id } else { &stem })
                    }
                    None => format!("lektion-{}.atlas", self.today.to_iso()),
                };
                self.lesson_dialog = Some(dialogs::LessonDialog {
                    path: dir.join(name).display().to_string(),
                    tour,
                });
            }
            Action::CloseLessonExport => self.lesson_dialog = None,
            Action::ExportLesson { path, tour } => {
                self.lesson_dialog = None;
                let written = crate::library::lesson::export(
                    &self.library_view,
                    tour.as_deref(),
                    &path,
                    None,
                    &platform::now_iso(),
                );
                self.notice = Some(match written {
                    Ok(n) => i18n::lesson_saved(&path, &n, self.lang),
                    Err(e) => i18n::lesson_not_written(&path, &e, self.lang),
                });
            }
            Action::ImportLesson(path) => self.import_lesson(&path),
            _ => {}
        }
    }

    /// Undoes the last edit (or redoes the last undone one).
    pub(super) fn undo_redo(&mut self, redo: bool) {
        // What the tour editor holds is saved first: the undo then takes back that change.
        if let Some(crate::ui::Action::SaveTour(tour)) = self
            .tour_editor
            .as_mut()
            .and_then(crate::ui::tour_editor::TourEditor::commit)
        {
            self.edit(Edit::PutTour(tour));
        }
        let done = if redo {
            self.history.redo(&mut self.workspace.library)
        } else {
            self.history.undo(&mut self.workspace.library)
        };
        match done {
            Ok(()) => {
                self.notice = Some(i18n::undone(self.lang, redo));
                self.layers.resync = true;
                self.review = None;
                self.geoparser.stale = true;
                self.rebuild();
                self.sync_tour_editor();
            }
            Err(crate::library::history::HistoryError::Empty) => {
                self.notice = Some(self.lang.lib().nothing_to_undo.to_owned());
            }
            Err(crate::library::history::HistoryError::Library(e)) => {
                self.notice = Some(i18n::not_saved(&e.to_string(), self.lang));
            }
        }
    }

    /// Adds a lesson pack's content to the library (one undoable step); a pack that cannot be
    /// read is refused whole, with its file and the reason.
    pub(super) fn import_lesson(&mut self, path: &std::path::Path) {
        let outcome =
            crate::library::pack::read_pack(path, &crate::library::pack::Limits::default())
                .map_err(|e| e.to_string())
                .and_then(|(manifest, files)| {
                    crate::library::lesson::import(
                        &self.workspace.library,
                        self.workspace.shipped(),
                        &files,
                    )
                    .map(|(edit, report)| (manifest, edit, report))
                    .map_err(|e| e.to_string())
                });
        match outcome {
            Ok((manifest, edit, report)) => {
                if self.edit(edit) {
                    self.geoparser.stale = true;
                    self.notice = Some(i18n::lesson_imported(&manifest.title, &report, self.lang));
                }
            }
            Err(e) => {
                let message = i18n::lesson_refused(path, &e, self.lang);
                self.problems
                    .push(Problem::error(path.to_path_buf(), None, message.clone()));
                self.notice = Some(message);
            }
        }
    }
}
