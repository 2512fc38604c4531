//! Lessons to share: the library as one `.atlas` pack (the library's own files inside, plus a
//! manifest), and a pack joining a library. Nothing that is there is overwritten: identical
//! records are merged, a different record under a taken id comes in under a new id, with a
//! note saying so.

use std::collections::HashMap;

use super::pack::{self, Manifest, PackFiles};
use super::{
    ArticlesFile, DecisionsFile, Edit, EventsFile, Library, LibraryArticle, LibraryFile,
    MentionsFile, PlacesFile, ProcessesFile,
};
use crate::model::Atlas;

/// What an import did, for the user.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub articles: usize,
    pub events: usize,
    pub places: usize,
    pub processes: usize,
    pub tours: usize,
    /// Records already in the library, merged.
    pub merged: usize,
    /// Records that came in under a new id ("event “x” is now “x-2”: yours differs").
    pub renamed: Vec<String>,
}

/// Why a pack could not join the library.
#[derive(Debug, thiserror::Error)]
pub enum LessonError {
    #[error(transparent)]
    Pack(#[from] pack::PackError),
    #[error("{file}: {message}")]
    Content { file: String, message: String },
    #[error("cannot write TOML: {0}")]
    Toml(#[from] toml::ser::Error),
}

/// The library's files, as a pack carries them.
///
/// # Errors
/// When TOML cannot be written.
pub fn library_files(library: &Library) -> Result<PackFiles, LessonError> {
    let mut files = Vec::new();
    for file in [
        LibraryFile::Articles,
        LibraryFile::Places,
        LibraryFile::Decisions,
        LibraryFile::Events,
        LibraryFile::Processes,
    ] {
        if let Some(text) = library.file_text(&file)? {
            files.push((file.name().to_owned(), text.into_bytes()));
        }
    }
    for t in &library.tours {
        if let Some(text) = library.file_text(&LibraryFile::Tour(t.id.clone()))? {
            files.push((format!("tours/{}.toml", t.id), text.into_bytes()));
        }
    }
    for a in &library.articles {
        files.push((
            format!("texts/{}", a.entry.file),
            a.text.clone().into_bytes(),
        ));
        if let Some(text) = library.file_text(&LibraryFile::Mentions(a.entry.id.clone()))? {
            files.push((format!("mentions/{}.toml", a.entry.id), text.into_bytes()));
        }
    }
    Ok(files)
}

/// A library holding one tour of `library` and what of the library it needs: its events (and
/// their processes), the articles its passages and events quote (with their texts, mentions and
/// places). The shipped corpus is in every app, so nothing of it is copied. `None` if there is
/// no such tour.
#[must_use]
pub fn tour_library(library: &Library, tour: &str) -> Option<Library> {
    let t = library.tours.iter().find(|t| t.id == tour)?.clone();
    let mut events: Vec<String> = Vec::new();
    let mut articles: Vec<String> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    for step in &t.step {
        events.extend(step.select_event.iter().cloned());
        events.extend(step.highlight.iter().cloned());
        events.extend(step.fit_events.iter().flatten().cloned());
        articles.extend(step.passage.iter().map(|p| p.article.clone()));
        places.extend(step.place.iter().cloned());
        places.extend(step.select_place.iter().cloned());
    }
    let mut out = Library::in_memory();
    out.events = library
        .events
        .iter()
        .filter(|e| events.contains(&e.id))
        .cloned()
        .collect();
    for e in &out.events {
        articles.extend(e.sources.iter().map(|s| s.article.clone()));
        places.extend(e.places.iter().chain(&e.about).cloned());
        places.extend(e.participants.iter().map(|p| p.who.clone()));
    }
    out.processes = library
        .processes
        .iter()
        .filter(|p| out.events.iter().any(|e| e.process == p.id))
        .cloned()
        .collect();
    out.articles = library
        .articles
        .iter()
        .filter(|a| articles.contains(&a.entry.id))
        .cloned()
        .collect();
    for a in &out.articles {
        places.extend(a.mentions.iter().filter_map(|m| m.place.clone()));
    }
    out.places = library
        .places
        .iter()
        .filter(|p| places.contains(&p.id))
        .cloned()
        .collect();
    out.tours = vec![t];
    Some(out)
}

/// How many records of each kind a pack carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tours: usize,
    pub articles: usize,
    pub events: usize,
    pub places: usize,
    pub processes: usize,
}

/// Writes a lesson pack: the whole library, or one of its tours with everything it needs.
/// The pack's title is the given one, else the tour's German title, else the file's name.
/// Returns how much went into the pack.
///
/// # Errors
/// When the tour is not in the library, or the pack cannot be written.
pub fn export(
    library: &Library,
    tour: Option<&str>,
    file: &std::path::Path,
    title: Option<&str>,
    created: &str,
) -> Result<Counts, String> {
    let part = match tour {
        None => None,
        Some(id) => Some(tour_library(library, id).ok_or_else(|| format!("no tour “{id}”"))?),
    };
    let content = part.as_ref().unwrap_or(library);
    let title = title
        .map(str::to_owned)
        .or_else(|| {
            part.as_ref()
                .and_then(|p| p.tours.first())
                .map(|t| t.title_de.clone())
        })
        .unwrap_or_else(|| {
            file.file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
        });
    let files = library_files(content).map_err(|e| e.to_string())?;
    let manifest = manifest(content, &title, created);
    pack::write_pack(file, &manifest, &files).map_err(|e| e.to_string())?;
    Ok(Counts {
        tours: content.tours.len(),
        articles: content.articles.len(),
        events: content.events.len(),
        places: content.places.len(),
        processes: content.processes.len(),
    })
}

/// A file name for a pack of `title`: lower case ASCII words joined by hyphens ("Vermittlung
/// im Südkaukasus – Stunde 1" → "vermittlung-im-suedkaukasus-stunde-1").
#[must_use]
pub fn file_stem(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            _ => "",
        };
        if !folded.is_empty() {
            out.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars().take(60).collect()
}

/// A manifest for a pack of the library made now (listing its tours).
#[must_use]
pub fn manifest(library: &Library, title: &str, created: &str) -> Manifest {
    Manifest {
        format: pack::FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        created: created.to_owned(),
        title: title.to_owned(),
        tours: library.tours.iter().map(|t| t.id.clone()).collect(),
        description: String::new(),
    }
}

fn text(files: &PackFiles, name: &str) -> Result<Option<String>, LessonError> {
    files
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, bytes)| {
            String::from_utf8(bytes.clone()).map_err(|_| LessonError::Content {
                file: name.to_owned(),
                message: "not UTF-8".to_owned(),
            })
        })
        .transpose()
}

fn parse<T: serde::de::DeserializeOwned + Default>(
    files: &PackFiles,
    name: &str,
) -> Result<T, LessonError> {
    match text(files, name)? {
        None => Ok(T::default()),
        Some(t) => toml::from_str(&t).map_err(|e| LessonError::Content {
            file: name.to_owned(),
            message: e.message().to_owned(),
        }),
    }
}

/// The first id not taken: `id`, else `id-2`, `id-3` …
fn free_id(id: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(id) {
        return id.to_owned();
    }
    (2..=u32::MAX)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| id.to_owned())
}

/// The edit that adds a pack's content to the library, and what it will do.
///
/// # Errors
/// When a file of the pack is not what its name says.
pub fn import(
    library: &Library,
    shipped: &Atlas,
    files: &PackFiles,
) -> Result<(Edit, ImportReport), LessonError> {
    let mut report = ImportReport::default();
    let mut edits = Vec::new();
    // New ids of incoming records whose id was taken by a different record.
    let mut place_ids: HashMap<String, String> = HashMap::new();
    let mut article_ids: HashMap<String, String> = HashMap::new();
    let mut process_ids: HashMap<String, String> = HashMap::new();
    let mut event_ids: HashMap<String, String> = HashMap::new();

    let places: PlacesFile = parse(files, "places.toml")?;
    for mut p in places.place {
        match library.place(&p.id) {
            Some(existing) if *existing == p => report.merged += 1,
            Some(_) => {
                let id = free_id(&p.id, |c| {
                    library.place(c).is_some() || shipped.place_by_id(c).is_some()
                });
                report.renamed.push(format!("place “{}” → “{id}”", p.id));
                place_ids.insert(p.id.clone(), id.clone());
                p.id = id;
                edits.push(Edit::PutPlace(p));
                report.places += 1;
            }
            None if shipped.place_by_id(&p.id).is_some() => report.merged += 1,
            None => {
                edits.push(Edit::PutPlace(p));
                report.places += 1;
            }
        }
    }
    let processes: ProcessesFile = parse(files, "processes.toml")?;
    for mut p in processes.process {
        match library.process(&p.id) {
            Some(existing) if *existing == p => report.merged += 1,
            None if shipped.process_by_id(&p.id).is_none() => {
                edits.push(Edit::PutProcess(p));
                report.processes += 1;
            }
            _ => {
                let id = free_id(&p.id, |c| {
                    library.process(c).is_some() || shipped.process_by_id(c).is_some()
                });
                report.renamed.push(format!("process “{}” → “{id}”", p.id));
                process_ids.insert(p.id.clone(), id.clone());
                p.id = id;
                edits.push(Edit::PutProcess(p));
                report.processes += 1;
            }
        }
    }
    let articles: ArticlesFile = parse(files, "articles.toml")?;
    for mut entry in articles.article {
        let Some(body) = text(files, &format!("texts/{}", entry.file))? else {
            return Err(LessonError::Content {
                file: format!("texts/{}", entry.file),
                message: "missing".to_owned(),
            });
        };
        let hash = super::content_hash(&body);
        if let Some(same) = library.article_with_hash(&hash) {
            // The same text: one article, under the id the library has.
            article_ids.insert(entry.id.clone(), same.entry.id.clone());
            report.merged += 1;
            continue;
        }
        let mentions: MentionsFile = parse(files, &format!("mentions/{}.toml", entry.id))?;
        let id = free_id(&entry.id, |c| {
            library.article(c).is_some() || shipped.articles.iter().any(|a| a.id == c)
        });
        if id != entry.id {
            report
                .renamed
                .push(format!("article “{}” → “{id}”", entry.id));
            article_ids.insert(entry.id.clone(), id.clone());
        }
        entry.id.clone_from(&id);
        entry.file = format!("{id}.txt");
        entry.content_hash = hash;
        let mut mentions = mentions.mention;
        for m in &mut mentions {
            if let Some(place) = &mut m.place
                && let Some(new) = place_ids.get(place)
            {
                place.clone_from(new);
            }
        }
        edits.push(Edit::AddArticle(Box::new(LibraryArticle {
            entry,
            text: body,
            mentions,
        })));
        report.articles += 1;
    }
    let events: EventsFile = parse(files, "events.toml")?;
    for mut e in events.event {
        let rename = |id: &mut String, map: &HashMap<String, String>| {
            if let Some(new) = map.get(id.as_str()) {
                id.clone_from(new);
            }
        };
        for p in e.places.iter_mut().chain(e.about.iter_mut()) {
            rename(p, &place_ids);
        }
        for p in &mut e.participants {
            rename(&mut p.who, &place_ids);
        }
        for s in &mut e.sources {
            rename(&mut s.article, &article_ids);
        }
        rename(&mut e.process, &process_ids);
        match library.event(&e.id) {
            Some(existing) if *existing == e => report.merged += 1,
            None if shipped.event_by_id(&e.id).is_none() => {
                edits.push(Edit::PutEvent(Box::new(e)));
                report.events += 1;
            }
            _ => {
                let id = free_id(&e.id, |c| {
                    library.event(c).is_some() || shipped.event_by_id(c).is_some()
                });
                report.renamed.push(format!("event “{}” → “{id}”", e.id));
                event_ids.insert(e.id.clone(), id.clone());
                e.id = id;
                edits.push(Edit::PutEvent(Box::new(e)));
                report.events += 1;
            }
        }
    }
    let mut tour_names: Vec<&String> = files
        .iter()
        .map(|(n, _)| n)
        .filter(|n| {
            n.starts_with("tours/")
                && std::path::Path::new(n.as_str())
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .collect();
    tour_names.sort();
    for name in tour_names {
        let mut tour: super::TourEntry = parse(files, name)?;
        for step in &mut tour.step {
            if let Some(p) = &mut step.passage
                && let Some(new) = article_ids.get(&p.article)
            {
                p.article.clone_from(new);
            }
            for id in step.place.iter_mut().chain(step.select_place.iter_mut()) {
                if let Some(new) = place_ids.get(id.as_str()) {
                    id.clone_from(new);
                }
            }
            let events = step
                .select_event
                .iter_mut()
                .chain(step.highlight.iter_mut())
                .chain(step.fit_events.iter_mut().flatten());
            for id in events {
                if let Some(new) = event_ids.get(id.as_str()) {
                    id.clone_from(new);
                }
            }
        }
        match library.tours.iter().find(|t| t.id == tour.id) {
            Some(existing) if *existing == tour => report.merged += 1,
            None => {
                edits.push(Edit::PutTour(Box::new(tour)));
                report.tours += 1;
            }
            _ => {
                let id = free_id(&tour.id, |c| library.tours.iter().any(|t| t.id == c));
                report.renamed.push(format!("tour “{}” → “{id}”", tour.id));
                tour.id = id;
                edits.push(Edit::PutTour(Box::new(tour)));
                report.tours += 1;
            }
        }
    }
    let decisions: DecisionsFile = parse(files, "decisions.toml")?;
    for d in decisions.decision {
        // The user's own decisions win over a pack's.
        if library.decision(&d.name).is_none() {
            edits.push(Edit::SetDecision {
                name: d.name.clone(),
                decision: Some(d),
            });
        }
    }
    Ok((Edit::Batch(edits), report))
}
