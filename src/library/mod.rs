//! The user's library: their articles, the places those link to, and their review decisions,
//! kept as plain documented files apart from the shipped corpus, which is never written.
//!
//! ```text
//! LIBRARY/articles.toml        the articles (format of data/articles.toml)
//! LIBRARY/texts/ID.txt         their texts (as in seeds/)
//! LIBRARY/places.toml          places from GeoNames or put on the map (format of data/places.toml)
//! LIBRARY/mentions/ID.toml     each article's place names as reviewed
//! LIBRARY/decisions.toml       decisions remembered for names
//! LIBRARY/trash/               removed articles, recoverable
//! ```
//!
//! Every change is an [`Edit`]: [`Library::apply`] writes it at once (atomically, see
//! [`store`]) and returns the edit that undoes it.

mod edit;
pub mod history;
pub mod intake;
pub mod lesson;
mod lock;
pub mod pack;
pub mod record_event;
pub mod records;
mod resolve;
pub mod review;
pub mod store;
mod workspace;

use std::path::{Path, PathBuf};

pub use edit::Edit;
pub use lock::{LibraryLock, LockError};
pub use records::{
    ArticleEntry, CandidateEntry, DecisionEntry, EventEntry, LinkStatus, MentionEntry,
    ParticipantEntry, PlaceEntry, ProcessEntry, SourceEntry, StepEntry, TourEntry,
};
pub use workspace::Workspace;

use crate::ingest::Problem;
use records::{ArticlesFile, DecisionsFile, EventsFile, MentionsFile, PlacesFile, ProcessesFile};

/// One of the user's articles with its text and its reviewed mentions.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LibraryArticle {
    pub entry: ArticleEntry,
    pub text: String,
    pub mentions: Vec<MentionEntry>,
}

/// The user's library, in memory and on disk.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// `None`: a library that lives only in memory (nothing could be opened on disk).
    root: Option<PathBuf>,
    pub articles: Vec<LibraryArticle>,
    pub places: Vec<PlaceEntry>,
    pub decisions: Vec<DecisionEntry>,
    pub events: Vec<EventEntry>,
    pub processes: Vec<ProcessEntry>,
    pub tours: Vec<TourEntry>,
    /// Files that could not be read: set aside before they are first written.
    unreadable: Vec<PathBuf>,
    /// Another process writes this library: every edit is refused.
    read_only: bool,
}

/// Why an edit could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: unknown article")]
    UnknownArticle(String),
    #[error("{0}: an article with this id exists")]
    DuplicateArticle(String),
    #[error("cannot write TOML: {0}")]
    Toml(#[from] toml::ser::Error),
    #[error("the library is open in another window: read-only here")]
    ReadOnly,
}

impl Library {
    /// The library in the platform's data folder (`~/.local/share/mediation-atlas/library` on
    /// Linux; the page's storage in the browser).
    #[must_use]
    pub fn default_root() -> Option<PathBuf> {
        crate::platform::storage::library_root()
    }

    /// A library held in memory only (tests, or when no folder can be had).
    #[must_use]
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Opens the library at `root` (a missing folder is an empty library). What cannot be read
    /// is reported with its file and line, and the rest is loaded.
    #[must_use]
    pub fn open(root: &Path) -> (Self, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut library = Self {
            root: Some(root.to_owned()),
            ..Self::default()
        };
        let articles: ArticlesFile = library.read_toml("articles.toml", &mut problems);
        let places: PlacesFile = library.read_toml("places.toml", &mut problems);
        let decisions: DecisionsFile = library.read_toml("decisions.toml", &mut problems);
        let events: EventsFile = library.read_toml("events.toml", &mut problems);
        let processes: ProcessesFile = library.read_toml("processes.toml", &mut problems);
        library.places = places.place;
        library.decisions = decisions.decision;
        library.events = events.event;
        library.processes = processes.process;
        let tour_files: Vec<PathBuf> = crate::platform::storage::read_dir(&root.join("tours"))
            .map(|d| {
                d.into_iter()
                    .filter(|e| !e.is_dir && e.path.extension().is_some_and(|x| x == "toml"))
                    .map(|e| e.path)
                    .collect()
            })
            .unwrap_or_default();
        for path in tour_files {
            let name = format!(
                "tours/{}",
                path.file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            );
            let tour: Option<TourEntry> = library.read_toml_file(&name, &mut problems);
            library.tours.extend(tour);
        }
        for entry in articles.article {
            let path = root.join("texts").join(&entry.file);
            let text = match store::read_optional(&path) {
                Ok(Some(text)) => text,
                Ok(None) => {
                    problems.push(Problem::error(
                        path,
                        None,
                        crate::msg!("problem-article-text-missing"),
                    ));
                    continue;
                }
                Err(e) => {
                    problems.push(Problem::error(path, None, e.to_string()));
                    continue;
                }
            };
            let mentions: MentionsFile =
                library.read_toml(&format!("mentions/{}.toml", entry.id), &mut problems);
            library.articles.push(LibraryArticle {
                entry,
                text,
                mentions: mentions.mention,
            });
        }
        (library, problems)
    }

    /// Refuses every edit from now on (another process holds the library's lock).
    pub fn set_read_only(&mut self) {
        self.read_only = true;
    }

    /// Whether edits are refused.
    #[must_use]
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The folder, if the library lives on disk.
    #[must_use]
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Reads one TOML file of the library; a missing file is empty, a broken one is reported
    /// (with its line) and remembered, so it is set aside rather than overwritten.
    fn read_toml<T: serde::de::DeserializeOwned + Default>(
        &mut self,
        name: &str,
        problems: &mut Vec<Problem>,
    ) -> T {
        self.read_toml_file(name, problems).unwrap_or_default()
    }

    /// [`Self::read_toml`] for a file that is either there and read, or not (`None`).
    fn read_toml_file<T: serde::de::DeserializeOwned>(
        &mut self,
        name: &str,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let path = self.root.as_ref()?.join(name);
        match store::read_optional(&path) {
            Ok(None) => None,
            Ok(Some(text)) => match toml::from_str(&text) {
                Ok(value) => Some(value),
                Err(e) => {
                    let line = e
                        .span()
                        .map(|s| crate::ingest::LineIndex::new(&text).line(s.start));
                    problems.push(Problem::error(&path, line, e.message().to_owned()));
                    self.unreadable.push(path);
                    None
                }
            },
            Err(e) => {
                problems.push(Problem::error(&path, None, e.to_string()));
                self.unreadable.push(path);
                None
            }
        }
    }

    #[must_use]
    pub fn article(&self, id: &str) -> Option<&LibraryArticle> {
        self.articles.iter().find(|a| a.entry.id == id)
    }

    /// The article whose text has this SHA-256, if one has.
    #[must_use]
    pub fn article_with_hash(&self, hash: &str) -> Option<&LibraryArticle> {
        self.articles.iter().find(|a| a.entry.content_hash == hash)
    }

    #[must_use]
    pub fn event(&self, id: &str) -> Option<&EventEntry> {
        self.events.iter().find(|e| e.id == id)
    }

    #[must_use]
    pub fn process(&self, id: &str) -> Option<&ProcessEntry> {
        self.processes.iter().find(|p| p.id == id)
    }

    #[must_use]
    pub fn place(&self, id: &str) -> Option<&PlaceEntry> {
        self.places.iter().find(|p| p.id == id)
    }

    /// The decision remembered for a name (compared without case).
    #[must_use]
    pub fn decision(&self, name: &str) -> Option<&DecisionEntry> {
        self.decisions
            .iter()
            .find(|d| d.name.to_lowercase() == name.to_lowercase())
    }

    /// An article id not yet taken, made from a title and a date.
    #[must_use]
    pub fn new_article_id(&self, title: &str, date: crate::model::Date) -> String {
        let mut slug = String::new();
        for c in crate::model::search::fold(title).chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
            if slug.len() >= 40 {
                break;
            }
        }
        let slug = slug.trim_end_matches('-');
        let date = match date.year() {
            Some(_) => date.to_iso(),
            None => "undatiert".to_owned(),
        };
        let base = if slug.is_empty() {
            format!("user-{date}")
        } else {
            format!("user-{date}-{slug}")
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.article(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Applies an edit, writes what it changed, and returns the edit that undoes it.
    ///
    /// # Errors
    /// When the edit does not fit the library (an unknown article) or cannot be written; then
    /// the library in memory is as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, LibraryError> {
        if self.read_only {
            return Err(LibraryError::ReadOnly);
        }
        let before = self.clone();
        let result = edit::apply(self, edit).and_then(|(inverse, touched)| {
            self.save(&touched)?;
            Ok(inverse)
        });
        if result.is_err() {
            *self = before;
        }
        result
    }

    /// Writes the files an edit touched.
    fn save(&mut self, touched: &edit::Touched) -> Result<(), LibraryError> {
        let Some(root) = self.root.clone() else {
            return Ok(());
        };
        let write = |library: &mut Self, name: &str, text: &str| -> Result<(), LibraryError> {
            let path = root.join(name);
            if let Some(i) = library.unreadable.iter().position(|p| *p == path) {
                store::set_aside(&path).map_err(|source| LibraryError::Write {
                    path: path.clone(),
                    source,
                })?;
                library.unreadable.remove(i);
            }
            crate::platform::storage::write_atomic(&path, text.as_bytes())
                .map_err(|source| LibraryError::Write { path, source })
        };
        // Texts first: an articles.toml never names a text that is not there yet.
        for id in &touched.texts {
            if let Some(article) = self.article(id) {
                let name = format!("texts/{}", article.entry.file);
                let text = article.text.clone();
                write(self, &name, &text)?;
            }
        }
        for id in &touched.tours {
            if let Some(text) = self.file_text(&LibraryFile::Tour(id.clone()))? {
                write(self, &format!("tours/{id}.toml"), &text)?;
            }
        }
        for id in &touched.removed_tours {
            let path = root.join("tours").join(format!("{id}.toml"));
            store::move_to_trash(&root, &path)
                .map_err(|source| LibraryError::Write { path, source })?;
        }
        for id in &touched.mentions {
            if let Some(text) = self.file_text(&LibraryFile::Mentions(id.clone()))? {
                write(self, &format!("mentions/{id}.toml"), &text)?;
            }
        }
        // Places, processes and events before the articles that name them ... and all before
        // articles.toml, which is what makes an article part of the library.
        for (file, wanted) in [
            (LibraryFile::Places, touched.places),
            (LibraryFile::Decisions, touched.decisions),
            (LibraryFile::Processes, touched.processes),
            (LibraryFile::Events, touched.events),
            (LibraryFile::Articles, touched.articles),
        ] {
            if wanted && let Some(text) = self.file_text(&file)? {
                write(self, file.name(), &text)?;
            }
        }
        // A removed article's files go to the trash, after articles.toml no longer names them.
        for (id, file) in &touched.removed {
            let to_trash = |path: PathBuf| {
                store::move_to_trash(&root, &path)
                    .map_err(|source| LibraryError::Write { path, source })
            };
            to_trash(root.join("texts").join(file))?;
            to_trash(root.join("mentions").join(format!("{id}.toml")))?;
        }
        for (id, restore) in &touched.layers {
            let moved = if *restore {
                crate::layers::store::restore_from_trash(&root, id)
            } else {
                crate::layers::store::move_to_trash(&root, id)
            };
            moved.map_err(|source| LibraryError::Write {
                path: crate::layers::store::dir(&root).join(format!("{id}.csv")),
                source,
            })?;
        }
        Ok(())
    }
}

/// One of the library's TOML files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryFile {
    Articles,
    Places,
    Decisions,
    Events,
    Processes,
    /// The mentions of one article (its id).
    Mentions(String),
    /// One tour (its id).
    Tour(String),
}

impl LibraryFile {
    /// The file's name in the library folder (mentions: see [`Library::file_text`]).
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Self::Articles => "articles.toml",
            Self::Places => "places.toml",
            Self::Decisions => "decisions.toml",
            Self::Events => "events.toml",
            Self::Processes => "processes.toml",
            Self::Mentions(_) => "mentions",
            Self::Tour(_) => "tours",
        }
    }
}

impl Library {
    /// The text of one of the library's files as it is written (with its explaining header);
    /// `None` for the mentions of an unknown article.
    ///
    /// # Errors
    /// When TOML cannot be written (it always can for these records).
    pub fn file_text(&self, file: &LibraryFile) -> Result<Option<String>, toml::ser::Error> {
        let (header, body) = match file {
            LibraryFile::Articles => (
                records::ARTICLES_HEADER,
                toml::to_string(&ArticlesFile {
                    article: self.articles.iter().map(|a| a.entry.clone()).collect(),
                })?,
            ),
            LibraryFile::Places => (
                records::PLACES_HEADER,
                toml::to_string(&PlacesFile {
                    place: self.places.clone(),
                })?,
            ),
            LibraryFile::Decisions => (
                records::DECISIONS_HEADER,
                toml::to_string(&DecisionsFile {
                    decision: self.decisions.clone(),
                })?,
            ),
            LibraryFile::Events => (
                records::EVENTS_HEADER,
                toml::to_string(&EventsFile {
                    event: self.events.clone(),
                })?,
            ),
            LibraryFile::Processes => (
                records::PROCESSES_HEADER,
                toml::to_string(&ProcessesFile {
                    process: self.processes.clone(),
                })?,
            ),
            LibraryFile::Tour(id) => {
                let Some(tour) = self.tours.iter().find(|t| t.id == *id) else {
                    return Ok(None);
                };
                (records::TOUR_HEADER, toml::to_string(tour)?)
            }
            LibraryFile::Mentions(id) => {
                let Some(article) = self.article(id) else {
                    return Ok(None);
                };
                (
                    records::MENTIONS_HEADER,
                    toml::to_string(&MentionsFile {
                        mention: article.mentions.clone(),
                    })?,
                )
            }
        };
        Ok(Some(format!("{header}\n{body}")))
    }
}

/// SHA-256 of a text, in hex.
#[must_use]
pub fn content_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests;
