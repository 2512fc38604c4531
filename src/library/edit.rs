//! Edits of the library as values: each is applied in one place and yields the edit that
//! undoes it, so undo and redo are just more edits.

use super::{
    DecisionEntry, EventEntry, Library, LibraryArticle, LibraryError, MentionEntry, PlaceEntry,
    ProcessEntry, TourEntry,
};

/// One change to the library.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add an article with its text and mentions.
    AddArticle(Box<LibraryArticle>),
    /// Remove an article (its files go to the library's trash).
    RemoveArticle(String),
    /// Replace an article's mentions (a review decision, a name linked by hand).
    SetMentions {
        article: String,
        mentions: Vec<MentionEntry>,
    },
    /// Add a place, or replace the place with its id.
    PutPlace(PlaceEntry),
    /// Remove a place.
    RemovePlace(String),
    /// Remember a decision for a name (replacing one for the same name), or forget it (`None`
    /// with the name).
    SetDecision {
        name: String,
        decision: Option<DecisionEntry>,
    },
    /// Add an event, or replace the event with its id.
    PutEvent(Box<EventEntry>),
    /// Remove an event.
    RemoveEvent(String),
    /// Add a process, or replace the process with its id.
    PutProcess(ProcessEntry),
    /// Remove a process.
    RemoveProcess(String),
    /// Add a tour, or replace the tour with its id.
    PutTour(Box<TourEntry>),
    /// Remove a tour (its file goes to the trash).
    RemoveTour(String),
    /// Several edits as one (undone together, in reverse order).
    Batch(Vec<Edit>),
}

/// What an edit changed, so that only those files are written.
#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // One flag per file of the library.
pub(super) struct Touched {
    pub texts: Vec<String>,
    pub mentions: Vec<String>,
    pub articles: bool,
    pub places: bool,
    pub decisions: bool,
    pub events: bool,
    pub processes: bool,
    /// Tours written (their ids) and tours removed.
    pub tours: Vec<String>,
    pub removed_tours: Vec<String>,
    /// Removed articles: (id, text file).
    pub removed: Vec<(String, String)>,
}

/// Applies `edit` to the library in memory; returns its inverse and what to write.
pub(super) fn apply(library: &mut Library, edit: Edit) -> Result<(Edit, Touched), LibraryError> {
    let mut touched = Touched::default();
    let inverse = apply_one(library, edit, &mut touched)?;
    Ok((inverse, touched))
}

fn apply_one(
    library: &mut Library,
    edit: Edit,
    touched: &mut Touched,
) -> Result<Edit, LibraryError> {
    Ok(match edit {
        Edit::AddArticle(article) => {
            let id = article.entry.id.clone();
            if library.article(&id).is_some() {
                return Err(LibraryError::DuplicateArticle(id));
            }
            touched.texts.push(id.clone());
            touched.mentions.push(id.clone());
            touched.articles = true;
            touched.removed.retain(|(r, _)| *r != id);
            library.articles.push(*article);
            Edit::RemoveArticle(id)
        }
        Edit::RemoveArticle(id) => {
            let i = library
                .articles
                .iter()
                .position(|a| a.entry.id == id)
                .ok_or_else(|| LibraryError::UnknownArticle(id.clone()))?;
            let article = library.articles.remove(i);
            touched.articles = true;
            touched.texts.retain(|t| *t != id);
            touched.mentions.retain(|t| *t != id);
            touched.removed.push((id, article.entry.file.clone()));
            Edit::AddArticle(Box::new(article))
        }
        Edit::SetMentions { article, mentions } => {
            let a = library
                .articles
                .iter_mut()
                .find(|a| a.entry.id == article)
                .ok_or_else(|| LibraryError::UnknownArticle(article.clone()))?;
            let old = std::mem::replace(&mut a.mentions, mentions);
            touched.mentions.push(article.clone());
            Edit::SetMentions {
                article,
                mentions: old,
            }
        }
        Edit::PutPlace(place) => {
            touched.places = true;
            if let Some(slot) = library.places.iter_mut().find(|p| p.id == place.id) {
                Edit::PutPlace(std::mem::replace(slot, place))
            } else {
                let id = place.id.clone();
                library.places.push(place);
                Edit::RemovePlace(id)
            }
        }
        Edit::RemovePlace(id) => {
            touched.places = true;
            match library.places.iter().position(|p| p.id == id) {
                Some(i) => Edit::PutPlace(library.places.remove(i)),
                None => Edit::Batch(Vec::new()),
            }
        }
        Edit::SetDecision { name, decision } => {
            touched.decisions = true;
            let key = name.to_lowercase();
            let old = library
                .decisions
                .iter()
                .position(|d| d.name.to_lowercase() == key)
                .map(|i| library.decisions.remove(i));
            if let Some(d) = decision {
                library.decisions.push(d);
            }
            Edit::SetDecision {
                name,
                decision: old,
            }
        }
        Edit::PutEvent(event) => {
            touched.events = true;
            if let Some(slot) = library.events.iter_mut().find(|e| e.id == event.id) {
                Edit::PutEvent(Box::new(std::mem::replace(slot, *event)))
            } else {
                let id = event.id.clone();
                library.events.push(*event);
                Edit::RemoveEvent(id)
            }
        }
        Edit::RemoveEvent(id) => {
            touched.events = true;
            match library.events.iter().position(|e| e.id == id) {
                Some(i) => Edit::PutEvent(Box::new(library.events.remove(i))),
                None => Edit::Batch(Vec::new()),
            }
        }
        Edit::PutProcess(process) => {
            touched.processes = true;
            if let Some(slot) = library.processes.iter_mut().find(|p| p.id == process.id) {
                Edit::PutProcess(std::mem::replace(slot, process))
            } else {
                let id = process.id.clone();
                library.processes.push(process);
                Edit::RemoveProcess(id)
            }
        }
        Edit::RemoveProcess(id) => {
            touched.processes = true;
            match library.processes.iter().position(|p| p.id == id) {
                Some(i) => Edit::PutProcess(library.processes.remove(i)),
                None => Edit::Batch(Vec::new()),
            }
        }
        Edit::PutTour(tour) => {
            touched.tours.push(tour.id.clone());
            touched.removed_tours.retain(|t| *t != tour.id);
            if let Some(slot) = library.tours.iter_mut().find(|t| t.id == tour.id) {
                Edit::PutTour(Box::new(std::mem::replace(slot, *tour)))
            } else {
                let id = tour.id.clone();
                library.tours.push(*tour);
                Edit::RemoveTour(id)
            }
        }
        Edit::RemoveTour(id) => match library.tours.iter().position(|t| t.id == id) {
            Some(i) => {
                touched.tours.retain(|t| *t != id);
                touched.removed_tours.push(id);
                Edit::PutTour(Box::new(library.tours.remove(i)))
            }
            None => Edit::Batch(Vec::new()),
        },
        Edit::Batch(edits) => {
            let mut inverses = Vec::with_capacity(edits.len());
            for edit in edits {
                inverses.push(apply_one(library, edit, touched)?);
            }
            inverses.reverse();
            Edit::Batch(inverses)
        }
    })
}
