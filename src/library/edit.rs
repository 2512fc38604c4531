//! Edits of the library as values: each is applied in one place and yields the edit that
//! undoes it, so undo and redo are just more edits.

use super::{
    DecisionEntry, EventEntry, Library, LibraryArticle, LibraryError, MentionEntry, PlaceEntry,
    ProcessEntry, TourEntry,
};

/// One change to the library (kept in the history's log as JSON).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    /// Take an imported layer (its id) out of the library: its two files go to
    /// `layers/.trash/`. The import itself is not an edit (a layer of a million records has
    /// no place in the history's log); its inverse is this.
    RemoveLayer(String),
    /// Bring a layer back from `layers/.trash/`.
    RestoreLayer(String),
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
    /// Layers to move into the trash and back out of it (their ids), in order.
    pub layers: Vec<(String, bool)>,
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
            let id = place.id.clone();
            put(&mut library.places, place, |p| &p.id).map_or(Edit::RemovePlace(id), Edit::PutPlace)
        }
        Edit::RemovePlace(id) => {
            touched.places = true;
            take(&mut library.places, &id, |p| &p.id).map_or_else(nothing, Edit::PutPlace)
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
            let id = event.id.clone();
            put(&mut library.events, *event, |e| &e.id)
                .map_or(Edit::RemoveEvent(id), |old| Edit::PutEvent(Box::new(old)))
        }
        Edit::RemoveEvent(id) => {
            touched.events = true;
            take(&mut library.events, &id, |e| &e.id)
                .map_or_else(nothing, |old| Edit::PutEvent(Box::new(old)))
        }
        Edit::PutProcess(process) => {
            touched.processes = true;
            let id = process.id.clone();
            put(&mut library.processes, process, |p| &p.id)
                .map_or(Edit::RemoveProcess(id), Edit::PutProcess)
        }
        Edit::RemoveProcess(id) => {
            touched.processes = true;
            take(&mut library.processes, &id, |p| &p.id).map_or_else(nothing, Edit::PutProcess)
        }
        Edit::PutTour(tour) => {
            let id = tour.id.clone();
            touched.tours.push(id.clone());
            touched.removed_tours.retain(|t| *t != id);
            put(&mut library.tours, *tour, |t| &t.id)
                .map_or(Edit::RemoveTour(id), |old| Edit::PutTour(Box::new(old)))
        }
        Edit::RemoveTour(id) => {
            let old = take(&mut library.tours, &id, |t| &t.id);
            if old.is_some() {
                touched.tours.retain(|t| *t != id);
                touched.removed_tours.push(id);
            }
            old.map_or_else(nothing, |old| Edit::PutTour(Box::new(old)))
        }
        Edit::RemoveLayer(id) => {
            touched.layers.push((id.clone(), false));
            Edit::RestoreLayer(id)
        }
        Edit::RestoreLayer(id) => {
            touched.layers.push((id.clone(), true));
            Edit::RemoveLayer(id)
        }
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

/// Puts `item` into `list` in place of the record with its id; returns the record it replaced.
fn put<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str) -> Option<T> {
    if let Some(slot) = list.iter_mut().find(|x| id(x) == id(&item)) {
        Some(std::mem::replace(slot, item))
    } else {
        list.push(item);
        None
    }
}

/// Takes the record with the id `key` out of `list`.
fn take<T>(list: &mut Vec<T>, key: &str, id: impl Fn(&T) -> &str) -> Option<T> {
    list.iter()
        .position(|x| id(x) == key)
        .map(|i| list.remove(i))
}

/// The inverse of removing what was not there: nothing.
fn nothing() -> Edit {
    Edit::Batch(Vec::new())
}
