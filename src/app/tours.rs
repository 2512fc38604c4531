//! Tours made in the app: the current view recorded as a step, the tour editor, and the
//! library's tours read (and validated) with every rebuild of the atlas.

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use std::path::Path;

use crate::library::{Edit, SourceEntry, StepEntry, TourEntry};
use crate::ui::Action;
use crate::ui::tour_editor::TourEditor;

impl AtlasApp {
    /// The tour editor, if open.
    #[must_use]
    pub fn tour_editor(&self) -> Option<&TourEditor> {
        self.tour_editor.as_ref()
    }

    /// Replaces the library's tours in the list (after the shipped ones) by those of the
    /// library as it is now, read against the current atlas; their problems are reported.
    pub(super) fn load_library_tours(&mut self) -> Vec<Problem> {
        self.tours.truncate(self.shipped_tours);
        let root = self
            .workspace
            .library
            .root()
            .map_or_else(|| PathBuf::from("library"), Path::to_path_buf);
        let mut problems = Vec::new();
        for entry in &self.workspace.library.tours {
            let path = root.join("tours").join(format!("{}.toml", entry.id));
            let text = self
                .workspace
                .library
                .file_text(&crate::library::LibraryFile::Tour(entry.id.clone()))
                .ok()
                .flatten()
                .unwrap_or_default();
            let (tour, found) = crate::ingest::tours::tour_from_text(
                &path.display().to_string(),
                &text,
                &self.atlas,
            );
            problems.extend(found);
            self.tours.extend(tour);
        }
        problems
    }

    /// The tours' part of [`AtlasApp::apply`].
    pub(super) fn apply_tours(&mut self, action: Action, now: f64) {
        match action {
            Action::AddStep => {
                // What the editor holds is saved first, so that the new step joins it.
                if let Some(save) = self.tour_editor.as_mut().and_then(TourEditor::commit) {
                    self.apply_tours(save, now);
                }
                let step = self.step_of_view();
                let mut tour = self
                    .authoring
                    .as_deref()
                    .and_then(|id| self.workspace.library.tours.iter().find(|t| t.id == id))
                    .cloned()
                    .unwrap_or_else(|| self.new_tour());
                tour.step.push(step);
                let (id, count) = (tour.id.clone(), tour.step.len());
                if self.edit(Edit::PutTour(Box::new(tour))) {
                    self.authoring = Some(id.clone());
                    self.notice = Some(crate::i18n::step_added(count, self.lang));
                    if let Some(editor) = &mut self.tour_editor
                        && editor.tour.id == id
                        && let Some(t) = self.workspace.library.tours.iter().find(|t| t.id == id)
                    {
                        editor.tour = t.clone();
                    }
                }
            }
            Action::NewTour => {
                if let Some(save) = self.tour_editor.as_mut().and_then(TourEditor::commit) {
                    self.apply_tours(save, now);
                }
                self.tour_editor = None;
                self.authoring = None;
                self.notice = Some(self.lang.tours().new_tour_notice.to_owned());
            }
            Action::EditTour(id) => {
                if let Some(t) = self.workspace.library.tours.iter().find(|t| t.id == id) {
                    self.authoring = Some(id);
                    self.tour_editor = Some(TourEditor::new(t.clone()));
                }
            }
            Action::SaveTour(tour) if self.edit(Edit::PutTour(tour.clone())) => {
                self.notice = Some(self.lang.tours().saved.to_owned());
            }
            Action::CloseTourEditor => self.tour_editor = None,
            Action::PreviewStep(i) => self.preview_step(i, now),
            Action::PickPassage(i) => {
                let Some(editor) = &mut self.tour_editor else {
                    return;
                };
                editor.picking = Some(i);
                // The step's passage, else the first source of its event, opens in the reader.
                let step = editor.tour.step.get(i);
                let open = step
                    .and_then(|s| s.passage.as_ref())
                    .and_then(|p| {
                        let article = self.atlas.article_by_id(&p.article)?;
                        Some((
                            article,
                            self.atlas.article(article).flow.text.find(&p.quote),
                        ))
                    })
                    .or_else(|| {
                        let event = self.atlas.event_by_id(step?.select_event.as_deref()?)?;
                        let source = self.atlas.event(event).sources.first()?;
                        Some((source.article, source.flow_range.as_ref().map(|r| r.start)))
                    });
                self.reader = None;
                if let Some((article, focus)) = open {
                    self.apply(Action::OpenArticle { article, focus }, now);
                }
            }
            Action::SetPassage { step, passage } => {
                let Some(editor) = &mut self.tour_editor else {
                    return;
                };
                if let Some(s) = editor.tour.step.get_mut(step) {
                    s.passage = passage;
                    editor.dirty = true;
                }
                editor.picking = None;
                self.reader = None;
                if let Some(save) = editor.commit() {
                    self.apply_tours(save, now);
                }
            }
            Action::CancelPick => {
                if let Some(editor) = &mut self.tour_editor {
                    editor.picking = None;
                }
                self.reader = None;
            }
            Action::DeleteTour(id) if self.edit(Edit::RemoveTour(id.clone())) => {
                self.tour_editor = None;
                if self.authoring.as_deref() == Some(id.as_str()) {
                    self.authoring = None;
                }
            }
            Action::PresentTour { id, step } => {
                if let Some(i) = self.tours.iter().position(|t| t.id == id) {
                    self.apply(Action::StartPresentation(Some(i)), now);
                    self.apply(Action::GoToStep(step), now);
                }
            }
            _ => {}
        }
    }

    /// Shows step `i` of the editor's working copy on the map, read (and checked) the way the
    /// saved tour will be; what keeps it from showing is said.
    fn preview_step(&mut self, i: usize, now: f64) {
        let Some(editor) = &self.tour_editor else {
            return;
        };
        let Some(step) = editor.tour.step.get(i) else {
            return;
        };
        let one = TourEntry {
            step: vec![step.clone()],
            ..editor.tour.clone()
        };
        let text = toml::to_string(&one).unwrap_or_default();
        let path = format!("tours/{}.toml", one.id);
        let (tour, problems) = crate::ingest::tours::tour_from_text(&path, &text, &self.atlas);
        match tour.and_then(|t| t.steps.into_iter().next()) {
            Some(step) => {
                self.show_step(&step, now, false);
                self.notice = None;
            }
            None => {
                self.notice = problems.first().map(|p| p.message.text(self.lang));
            }
        }
    }

    /// The editor after an undo or redo: its tour as the library now has it (closed if the
    /// tour is gone). Changes not yet saved were saved before the undo, so none is lost.
    pub(super) fn sync_tour_editor(&mut self) {
        if let Some(editor) = &mut self.tour_editor {
            match self
                .workspace
                .library
                .tours
                .iter()
                .find(|t| t.id == editor.tour.id)
            {
                Some(t) => {
                    editor.tour = t.clone();
                    editor.dirty = false;
                }
                None => self.tour_editor = None,
            }
        }
    }

    /// A new, empty tour of the user's, with an id not yet taken.
    fn new_tour(&self) -> TourEntry {
        let date = self.today.to_iso();
        let id = (1..=u32::MAX)
            .map(|n| format!("user-tour-{date}-{n}"))
            .find(|id| !self.tours.iter().any(|t| t.id == *id))
            .unwrap_or_default();
        TourEntry {
            id,
            title_de: format!("Meine Tour ({date})"),
            title_en: format!("My tour ({date})"),
            step: Vec::new(),
        }
    }

    /// The current view as a tour step: the map's view, the time range, what is selected, the
    /// passage selected in the reader, and a caption to start from (in both languages).
    fn step_of_view(&self) -> StepEntry {
        let view = self.view();
        let round = |x: f64, places: i32| {
            let f = 10f64.powi(places);
            (x * f).round() / f
        };
        let iso = |day: crate::model::filter::Day| {
            let (y, m, d) = crate::ingest::civil_from_days(day);
            format!("{y:04}-{m:02}-{d:02}")
        };
        let caption = |lang: Lang| {
            let what = match (self.selected_event, self.selected) {
                (Some(e), _) => self.atlas.event(e).title(lang).to_owned(),
                (None, Some(p)) => self.atlas.place(p).name(lang).to_owned(),
                (None, None) => lang.t().no_selection_title.to_owned(),
            };
            match self.filter.range {
                Some((a, b)) => format!("{what} · {}", crate::i18n::format_range(a, b, lang)),
                None => what,
            }
        };
        let passage = self.reader.as_ref().and_then(|r| {
            let range = r.selection.clone()?;
            let article = self.atlas.article(r.article);
            Some(SourceEntry {
                article: article.id.clone(),
                quote: article.flow.text.get(range)?.to_owned(),
            })
        });
        // The lines drawn now at full strength (a selected place's events, say) are drawn in
        // the step too: their events, beside the selected one.
        let mut highlight: Vec<String> = Vec::new();
        for line in self.lines.iter().filter(|l| !l.faint) {
            let id = &self.atlas.event(line.event).id;
            if Some(line.event) != self.selected_event && !highlight.contains(id) {
                highlight.push(id.clone());
            }
        }
        StepEntry {
            caption_de: caption(Lang::De),
            caption_en: caption(Lang::En),
            view: Some([
                round(view.lat, 4),
                round(view.lon, 4),
                round(view.zoom.clamp(1.0, 12.0), 2),
            ]),
            range: self.filter.range.map(|(a, b)| [iso(a), iso(b)]),
            select_event: self.selected_event.map(|e| self.atlas.event(e).id.clone()),
            select_place: self.selected.map(|p| self.atlas.place(p).id.clone()),
            passage,
            highlight,
            ..StepEntry::default()
        }
    }
}
