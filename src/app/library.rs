//! The user's library in the app: adding articles (files, drops, pasted text), the geoparser
//! built in the background, review decisions, removing, and undo/redo. Every change is an
//! [`Edit`] saved at once; the atlas is then rebuilt from the shipped corpus and the library.

use std::path::PathBuf;
use std::sync::Arc;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::gazetteer::Geoparser;
use crate::i18n;
use crate::ingest::Problem;
use crate::ingest::import;
use crate::library::review::{self, Verdict};
use crate::library::{Edit, Library, intake};
use crate::platform::{self, Pending};
use crate::ui::add_article::{AddForm, Draft};
use crate::ui::review::{ReviewState, ReviewTarget};
use crate::ui::{Action, ReaderState};

/// The geoparser: ready, being built, or not asked for yet.
#[derive(Default)]
pub struct GeoparserSlot {
    pub ready: Option<Arc<Geoparser>>,
    pub job: Option<Pending<Result<Geoparser, String>>>,
    /// The user's places changed since it was built: build it again when next needed.
    pub stale: bool,
    /// Build on this thread (tests: deterministic, no waiting for a thread).
    pub inline: bool,
}

impl AtlasApp {
    /// The library as the panels see it this frame.
    #[must_use]
    pub fn library(&self) -> &Library {
        &self.library_view
    }

    /// Places named in articles, as the map marks them.
    #[must_use]
    pub fn article_markers(&self) -> &[crate::model::ArticlePlace] {
        &self.article_markers
    }

    /// Applies an edit to the library as the panels' actions do (for tests and other front
    /// ends); `false` if it could not be saved.
    pub fn apply_edit(&mut self, edit: Edit) -> bool {
        self.edit(edit)
    }

    /// The notice shown at the top of the map, if any.
    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The "add article" dialog, if open.
    #[must_use]
    pub fn add_form(&self) -> Option<&AddForm> {
        self.add_form.as_ref()
    }

    /// The review window's target, if open.
    #[must_use]
    pub fn review_target(&self) -> Option<&ReviewTarget> {
        self.review.as_ref().map(|r| &r.target)
    }

    /// Whether the geoparser is ready.
    #[must_use]
    pub fn geoparser_ready(&self) -> bool {
        self.geoparser.ready.is_some() && !self.geoparser.stale
    }

    /// Starts building the geoparser if it is not there (or stale) and no build is under way.
    pub(super) fn ensure_geoparser(&mut self, ctx: &egui::Context) {
        if self.geoparser.job.is_some() || (self.geoparser.ready.is_some() && !self.geoparser.stale)
        {
            return;
        }
        let shipped = self.workspace.shipped().clone();
        let library = (*self.library_view).clone();
        let world = self.geoparser.ready.as_ref().map(|p| Arc::clone(p.world()));
        let work = move || intake::geoparser(world, &shipped, &library).map_err(|e| e.to_string());
        self.geoparser.stale = false;
        let ctx = ctx.clone();
        self.geoparser.job = Some(platform::run_or_spawn(
            "geoparser",
            self.geoparser.inline,
            work,
            move || ctx.request_repaint(),
        ));
    }

    /// Takes the geoparser once built, and adds a draft that was waiting for it.
    pub(super) fn poll_geoparser(&mut self, now: f64) {
        let Some(result) = self.geoparser.job.as_ref().and_then(Pending::poll) else {
            return;
        };
        self.geoparser.job = None;
        match result {
            Ok(parser) => self.geoparser.ready = Some(Arc::new(parser)),
            Err(message) => {
                self.problems
                    .push(Problem::error("assets/geonames/places.tsv", None, message));
            }
        }
        if let Some(meta) = self.waiting_meta.take() {
            self.apply_library(Action::AddDraft(meta), now);
        }
    }

    /// Applies an edit to the library, remembers how to undo it, and rebuilds the atlas. A
    /// failed write leaves the library as it was and says so.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        match self.history.apply(&mut self.workspace.library, edit) {
            Ok(()) => {
                self.rebuild();
                true
            }
            Err(e) => {
                self.notice = Some(i18n::not_saved(&e.to_string(), self.lang));
                false
            }
        }
    }

    /// Builds the atlas again from both layers, keeping the selection, the open article and
    /// the view.
    pub(super) fn rebuild(&mut self) {
        let selected = self.selected.map(|p| self.atlas.place(p).id.clone());
        let old = Arc::clone(&self.atlas);
        let (atlas, problems) = self.workspace.build();
        // Events are kept in date order, so a new one moves others: what points at events
        // (the selection, the tours' steps) follows them by id.
        let remap = |e: crate::model::EventIdx| atlas.event_by_id(&old.event(e).id);
        self.selected_event = self.selected_event.and_then(remap);
        for tour in &mut self.tours {
            tour.remap_events(remap);
        }
        self.library_view = Arc::new(self.workspace.library.clone());
        self.search_index = crate::model::search::SearchIndex::new(&atlas);
        self.atlas = Arc::new(atlas);
        let mut problems = problems;
        problems.extend(self.load_library_tours());
        self.problems.retain(|p| !self.build_problems.contains(p));
        self.problems.extend(problems.iter().cloned());
        self.build_problems = problems;
        self.selected = selected.and_then(|id| self.atlas.place_by_id(&id));
        if let Some(reader) = &self.reader {
            let (id, focus, selection) =
                (reader.id.clone(), reader.focus, reader.selection.clone());
            self.reader = self
                .atlas
                .articles
                .iter()
                .position(|a| a.id == id)
                .map(|i| {
                    let mut r = ReaderState::new(
                        &self.atlas,
                        &self.library_view,
                        crate::model::ArticleIdx::from_index(i),
                        focus,
                    );
                    r.selection = selection;
                    r
                });
        }
        self.search_for.clear();
        self.update_search();
        self.lines_key = None;
        self.geometry = crate::map::lines::GeometryCache::default();
        self.refresh();
    }

    /// The library's part of [`AtlasApp::apply`].
    pub(super) fn apply_library(&mut self, action: Action, now: f64) {
        match action {
            Action::OpenAddArticle => {
                self.add_form.get_or_insert_with(AddForm::default);
                self.start_geoparser = true;
            }
            Action::PickArticleFiles => {
                let title = self.lang.lib().add_title;
                if let Some(paths) = platform::pick_article_files(title) {
                    self.apply_library(Action::ImportFiles(paths), now);
                }
            }
            Action::ImportFiles(paths) => self.import_files(&paths),
            Action::ImportPasted(text) => match import::import_pasted(&text) {
                Ok(imported) => {
                    let form = self.add_form.get_or_insert_with(AddForm::default);
                    form.push(
                        vec![Draft {
                            name: String::new(),
                            imported,
                        }],
                        self.lang,
                    );
                    self.start_geoparser = true;
                }
                Err(e) => {
                    let form = self.add_form.get_or_insert_with(AddForm::default);
                    form.errors = vec![i18n::import_error(&e, self.lang)];
                }
            },
            Action::AddDraft(meta) => self.add_draft(meta, now),
            Action::SkipDraft => {
                if let Some(form) = &mut self.add_form {
                    form.next();
                }
            }
            Action::CloseAddArticle => {
                self.add_form = None;
                self.waiting_meta = None;
            }
            Action::OpenReview { article, mention } => {
                self.review = Some(ReviewState::new(ReviewTarget::Mention {
                    article,
                    index: mention,
                }));
                self.start_geoparser = true;
            }
            Action::ReviewPassage { article, range } => {
                let text = self.passage_text(&article, &range);
                self.review = Some(ReviewState::new(ReviewTarget::Passage {
                    article,
                    range,
                    text,
                }));
                self.start_geoparser = true;
            }
            Action::CloseReview => {
                self.review = None;
                self.placing = false;
            }
            Action::Review {
                article,
                mention,
                verdict,
            } => {
                let edit = review::decide(
                    &self.workspace.library,
                    self.workspace.shipped(),
                    &article,
                    mention,
                    &verdict,
                );
                if let Some(edit) = edit
                    && self.edit(edit)
                {
                    if matches!(verdict, Verdict::Choose(ref c) if c.place.starts_with("user-")) {
                        self.geoparser.stale = true;
                    }
                    self.review = None;
                }
            }
            Action::LinkPassage {
                article,
                range,
                place,
            } => {
                let text = self.passage_text(&article, &range);
                let edit = review::link_passage(
                    &self.workspace.library,
                    self.workspace.shipped(),
                    &article,
                    range,
                    &text,
                    &place,
                );
                if let Some(edit) = edit
                    && self.edit(edit)
                {
                    if place.place.starts_with("user-") {
                        self.geoparser.stale = true;
                    }
                    self.review = None;
                    if let Some(reader) = &mut self.reader {
                        reader.selection = None;
                    }
                }
            }
            Action::PlaceOnMap => self.placing = self.review.is_some(),
            Action::PlacedAt { lat, lon } => {
                self.placing = false;
                let Some(state) = self.review.clone() else {
                    return;
                };
                let name = match &state.target {
                    ReviewTarget::Passage { text, .. } => text.clone(),
                    ReviewTarget::Mention { article, index } => self
                        .library_view
                        .article(article)
                        .and_then(|a| a.mentions.get(*index))
                        .map(|m| m.text.clone())
                        .unwrap_or_default(),
                };
                let place = review::new_place(
                    &self.workspace.library,
                    self.workspace.shipped(),
                    &name,
                    lat,
                    lon,
                );
                let action = match state.target {
                    ReviewTarget::Mention { article, index } => Action::Review {
                        article,
                        mention: index,
                        verdict: Verdict::Choose(place),
                    },
                    ReviewTarget::Passage { article, range, .. } => Action::LinkPassage {
                        article,
                        range,
                        place,
                    },
                };
                self.apply_library(action, now);
            }
            Action::AskRemoveArticle(id) => self.removing = Some(id),
            Action::CancelRemove => self.removing = None,
            Action::RemoveArticle(id) => {
                self.removing = None;
                if self.edit(Edit::RemoveArticle(id)) {
                    self.review = None;
                }
            }
            Action::Undo | Action::Redo => self.undo_redo(matches!(action, Action::Redo)),
            Action::DismissNotice => self.notice = None,
            Action::OpenLessonExport(_)
            | Action::CloseLessonExport
            | Action::ExportLesson { .. }
            | Action::ImportLesson(_) => self.apply_lessons(action),
            Action::AddStep
            | Action::NewTour
            | Action::EditTour(_)
            | Action::SaveTour(_)
            | Action::CloseTourEditor
            | Action::DeleteTour(_)
            | Action::PreviewStep(_)
            | Action::PickPassage(_)
            | Action::SetPassage { .. }
            | Action::CancelPick
            | Action::PresentTour { .. } => self.apply_tours(action, now),
            other => self.apply_events(other, now),
        }
    }

    /// The text of a passage (a flow range) of a library article.
    fn passage_text(&mut self, article: &str, range: &std::ops::Range<usize>) -> String {
        let library = Arc::clone(&self.library_view);
        library
            .article(article)
            .and_then(|a| {
                self.workspace
                    .flow(article, &a.text)
                    .text
                    .get(range.clone())
                    .map(str::to_owned)
            })
            .unwrap_or_default()
    }

    /// Flies the map to show every place an article names.
    fn fit_article(&mut self, article: crate::model::ArticleIdx, now: f64) {
        let points: Vec<(f64, f64)> = self
            .atlas
            .mentions_in(article)
            .iter()
            .map(|m| {
                let crate::model::MentionTarget::Place(p) = m.target;
                self.atlas.place(p)
            })
            // A country's point says little about where the story is (and the United States
            // would pull the view across an ocean): the towns and regions decide.
            .filter(|p| p.kind != crate::model::PlaceKind::Country)
            .map(|p| (p.lat, p.lon))
            .collect();
        if let Some(mut view) = crate::map::flight::fit(&points, self.map_rect.size(), 7.0) {
            view.zoom = view
                .zoom
                .clamp(crate::map::flight::MIN_ZOOM, crate::map::flight::MAX_ZOOM);
            self.fly_to(view, now);
        }
    }

    /// Reads files as drafts for the form; what cannot be read is said (in the dialog and the
    /// banner, with the file's name) and nothing of it is added.
    fn import_files(&mut self, paths: &[PathBuf]) {
        let mut drafts = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(crate::library::pack::EXTENSION))
            {
                self.import_lesson(path);
                continue;
            }
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            match import::import_file(path) {
                Ok(imported) => drafts.push(Draft { name, imported }),
                Err(e) => {
                    let message = format!(
                        "{}: {} ({})",
                        path.display(),
                        i18n::import_error(&e, self.lang),
                        self.lang.lib().nothing_added
                    );
                    self.problems
                        .push(Problem::error(path.clone(), None, message.clone()));
                    errors.push(message);
                }
            }
        }
        if drafts.is_empty() && errors.is_empty() {
            // Only lessons: what they brought (or why not) is in the notice; a form with
            // nothing left to add closes.
            if self.add_form.as_ref().is_some_and(|f| f.drafts.is_empty()) {
                self.add_form = None;
            }
            return;
        }
        let form = self.add_form.get_or_insert_with(AddForm::default);
        form.errors = errors;
        if !drafts.is_empty() {
            form.push(drafts, self.lang);
            self.start_geoparser = true;
        }
    }

    /// Links and adds the form's first draft with the metadata confirmed (once the geoparser
    /// is there), opens it in the reader, and shows the next draft.
    fn add_draft(&mut self, meta: intake::ArticleMeta, now: f64) {
        let Some(draft) = self
            .add_form
            .as_ref()
            .and_then(|f| f.drafts.first().cloned())
        else {
            return;
        };
        let Some(parser) = self
            .geoparser
            .ready
            .clone()
            .filter(|_| !self.geoparser.stale)
        else {
            self.waiting_meta = Some(meta);
            self.start_geoparser = true;
            if let Some(form) = &mut self.add_form {
                form.waiting = true;
            }
            return;
        };
        let prepared = intake::prepare(
            &self.workspace.library,
            self.workspace.shipped(),
            &parser,
            &meta,
            &draft.imported.text,
            &platform::now_iso(),
        );
        match prepared {
            Err(intake::IntakeError::Duplicate { title, .. }) => {
                self.notice = Some(i18n::duplicate(&title, self.lang));
            }
            Err(intake::IntakeError::Empty) => {
                self.notice = Some(i18n::import_error(&import::ImportError::Empty, self.lang));
            }
            Ok(taken) => {
                if self.edit(taken.edit) {
                    self.notice = Some(i18n::added(
                        &meta.title,
                        taken.linked,
                        taken.review,
                        self.lang,
                    ));
                    if let Some(i) = self.atlas.articles.iter().position(|a| a.id == taken.id) {
                        let article = crate::model::ArticleIdx::from_index(i);
                        self.apply(
                            Action::OpenArticle {
                                article,
                                focus: None,
                            },
                            now,
                        );
                        self.fit_article(article, now);
                    }
                }
            }
        }
        let done = self.add_form.as_mut().is_some_and(|form| {
            form.next();
            form.drafts.is_empty()
        });
        if done {
            self.add_form = None;
        }
    }
}
