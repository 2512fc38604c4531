//! Events in the app: recording one from a passage, editing and deleting the user's own, and
//! copying a shipped one into the library. Each change is an edit of the library (undoable).

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::library::record_event::{self, EventDraft};
use crate::library::{Edit, ProcessEntry};
use crate::model::Origin;
use crate::ui::Action;
use crate::ui::event_form::EventForm;

impl AtlasApp {
    /// The event form, if open.
    #[must_use]
    pub fn event_form(&self) -> Option<&EventForm> {
        self.event_form.as_ref()
    }

    /// The events' part of [`AtlasApp::apply`].
    pub(super) fn apply_events(&mut self, action: Action, now: f64) {
        match action {
            Action::RecordEvent { article, range } => {
                if article.index() >= self.atlas.articles.len() || range.is_empty() {
                    return;
                }
                let draft =
                    record_event::draft(&self.atlas, &self.library_view, article, range, self.lang);
                self.event_form = Some(EventForm::new(draft, self.lang));
            }
            Action::SaveEvent(entry, process) => self.save_event(*entry, process, now),
            Action::CloseEventForm => self.event_form = None,
            Action::EditEvent(idx) => {
                let Some(entry) = self.library_view.event(&self.atlas.event(idx).id).cloned()
                else {
                    return;
                };
                let draft = EventDraft {
                    entry,
                    date_reason: None,
                };
                self.event_form = Some(EventForm::new(draft, self.lang));
            }
            Action::DeleteEvent(id) if self.edit(Edit::RemoveEvent(id.clone())) => {
                self.selected_event = None;
                self.notice = Some(self.lang.events().deleted.to_owned());
            }
            Action::CopyEvent(idx) => {
                if self.atlas.event(idx).origin != Origin::Shipped {
                    return;
                }
                let entry = record_event::copy_of(&self.atlas, &self.library_view, idx);
                let id = entry.id.clone();
                if self.edit(Edit::PutEvent(Box::new(entry)))
                    && let Some(copy) = self.atlas.event_by_id(&id)
                {
                    self.apply(Action::SelectEvent(copy), now);
                    self.apply(Action::EditEvent(copy), now);
                }
            }
            _ => {}
        }
    }

    /// Saves the form's event (with a new process made there), selects it, closes the form.
    fn save_event(
        &mut self,
        entry: crate::library::EventEntry,
        process: Option<ProcessEntry>,
        now: f64,
    ) {
        let mut edits = Vec::new();
        if let Some(p) = process.filter(|p| !p.name_de.is_empty()) {
            edits.push(Edit::PutProcess(p));
        }
        let id = entry.id.clone();
        edits.push(Edit::PutEvent(Box::new(entry)));
        if self.edit(Edit::Batch(edits)) {
            self.event_form = None;
            self.notice = Some(self.lang.events().saved.to_owned());
            if let Some(idx) = self.atlas.event_by_id(&id) {
                self.apply(Action::SelectEvent(idx), now);
            }
        }
    }
}
