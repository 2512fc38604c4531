//! `mentions` and `add`: the geoparser and the library from the command line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::gazetteer::{Geoparser, LinkStatus, LinkedMention};
use crate::ingest::import;
use crate::ingest::{self, Corpus, Loaded, reflow};
use crate::library::{self, Library, intake};
use crate::model::Atlas;

/// The shipped atlas and a geoparser over it, or the report of why there is none.
fn parser(corpus: &Corpus) -> Result<(Atlas, Geoparser), String> {
    let Loaded { atlas, problems } = ingest::load(corpus, ingest::today());
    if atlas.places.is_empty() {
        let mut out = String::new();
        for problem in &problems {
            let _ = writeln!(out, "{problem}");
        }
        let _ = writeln!(
            out,
            "no gazetteer could be loaded, so nothing can be linked"
        );
        return Err(out);
    }
    let parser = intake::geoparser(None, &atlas, &Library::in_memory())
        .map_err(|e| format!("the place names cannot be searched for: {e}\n"))?;
    Ok((atlas, parser))
}

/// Lists the mentions in each file as `FILE:LINE:COL  place-id  text as written` (with
/// `review` after a tentative link), or with `json` as one JSON array of every mention.
#[must_use]
pub fn mentions(corpus: &Corpus, paths: &[PathBuf], json: bool) -> (String, bool) {
    let (_atlas, parser) = match parser(corpus) {
        Ok(p) => p,
        Err(report) => return (report, false),
    };
    let mut out = String::new();
    let mut rows = Vec::new();
    let mut ok = true;
    for path in paths {
        let imported = match import::import_file(path) {
            Ok(i) => i,
            Err(e) => {
                let _ = writeln!(out, "{}: error: {e}", path.display());
                ok = false;
                continue;
            }
        };
        let raw = &imported.text;
        let flow = reflow::FlowText::from_raw(raw);
        let found = intake::link_flow(&parser, &flow, &crate::gazetteer::Decisions::new());
        let mut count = 0;
        for m in &found {
            let raw_range = flow.raw_range(m.range.clone());
            let (line, col) = reflow::line_col(raw, raw_range.start);
            let written = raw
                .get(raw_range)
                .map_or(String::new(), reflow::normalize_ws);
            if json {
                rows.push(json_row(path, m, &written, line, col));
                continue;
            }
            let Some(c) = m.chosen.and_then(|i| m.candidates.get(i)) else {
                continue;
            };
            if m.status == LinkStatus::Rejected {
                continue;
            }
            count += 1;
            let review = if m.status == LinkStatus::Review {
                "\treview"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "{}:{line}:{col}\t{}\t{written}{review}",
                path.display(),
                intake::place_id(&c.place)
            );
        }
        if !json {
            let _ = writeln!(out, "{}: {count} mention(s)", path.display());
        }
    }
    if json {
        out = serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n" + &out;
    }
    (out, ok)
}

/// One mention as JSON.
fn json_row(
    path: &Path,
    m: &LinkedMention,
    written: &str,
    line: usize,
    col: usize,
) -> serde_json::Value {
    let chosen = m.chosen.and_then(|i| m.candidates.get(i));
    let linked = m.status != LinkStatus::Rejected && chosen.is_some();
    serde_json::json!({
        "file": path.display().to_string(),
        "text": written,
        "line": line,
        "column": col,
        "place": chosen.filter(|_| linked).map(|c| intake::place_id(&c.place)),
        "name": chosen.map(|c| c.name.clone()),
        "country": chosen.map(|c| c.country.clone()),
        "lat": chosen.map(|c| c.lat),
        "lon": chosen.map(|c| c.lon),
        "confidence": (f64::from(m.confidence) * 100.0).round() / 100.0,
        "status": match m.status {
            LinkStatus::Sure => "sure",
            LinkStatus::Review => "review",
            LinkStatus::Rejected => "rejected",
        },
        "needs_review": m.status == LinkStatus::Review,
    })
}

/// Adds files to the library, prints what each was linked to; `false` if any failed.
#[must_use]
pub fn add(corpus: &Corpus, root: Option<&Path>, paths: &[PathBuf]) -> (String, bool) {
    let Some(root) = root.map(Path::to_path_buf).or_else(Library::default_root) else {
        return (
            "no folder for the library: give one with --library DIR\n".to_owned(),
            false,
        );
    };
    let (atlas, parser) = match parser(corpus) {
        Ok(p) => p,
        Err(report) => return (report, false),
    };
    let _lock = match library::LibraryLock::acquire(&root) {
        Ok(lock) => lock,
        Err(e) => return (format!("{}: {e}\n", root.display()), false),
    };
    let (mut library, problems) = Library::open(&root);
    // Added through the history, so that the app can undo it (and its log stays valid).
    let (mut history, note) = library::history::History::open(&library);
    let mut out = String::new();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    if let Some(note) = note {
        let _ = writeln!(out, "note: {note}; earlier edits can no longer be undone");
    }
    let mut ok = true;
    for path in paths {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let imported = match import::import_file(path) {
            Ok(i) => i,
            Err(e) => {
                let _ = writeln!(out, "{}: error: {e}; nothing added", path.display());
                ok = false;
                continue;
            }
        };
        let meta = intake::meta_of(&imported, &name);
        let added = crate::platform::now_iso();
        match intake::prepare(&library, &atlas, &parser, &meta, &imported.text, &added) {
            Err(intake::IntakeError::Duplicate { id, .. }) => {
                let _ = writeln!(out, "{}: already in the library as {id}", path.display());
            }
            Err(intake::IntakeError::Empty) => {
                let _ = writeln!(out, "{}: error: the file is empty", path.display());
                ok = false;
            }
            Ok(taken) => match history.apply(&mut library, taken.edit) {
                Ok(()) => {
                    let _ = writeln!(
                        out,
                        "{}: added as {} to {}: {} place name(s) linked, {} to review, {} not linked",
                        path.display(),
                        taken.id,
                        root.display(),
                        taken.linked,
                        taken.review,
                        taken.rejected
                    );
                    if let Some(a) = library.article(&taken.id) {
                        for m in a.mentions.iter().filter(|m| m.place.is_some()) {
                            let review = if m.status == library::LinkStatus::Review {
                                "\treview"
                            } else {
                                ""
                            };
                            let _ = writeln!(
                                out,
                                "  {}\t{}{review}",
                                m.text,
                                m.place.as_deref().unwrap_or("")
                            );
                        }
                    }
                }
                Err(e) => {
                    let _ = writeln!(out, "{}: error: {e}; nothing added", path.display());
                    ok = false;
                }
            },
        }
    }
    (out, ok)
}

/// `pack export`: the library as one `.atlas` file.
#[must_use]
pub fn pack_export(
    root: Option<&Path>,
    title: Option<&str>,
    tour: Option<&str>,
    file: &Path,
) -> (String, bool) {
    let Some(root) = root.map(Path::to_path_buf).or_else(Library::default_root) else {
        return (
            "no folder for the library: give one with --library DIR\n".to_owned(),
            false,
        );
    };
    let (library, problems) = Library::open(&root);
    let mut out = String::new();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let written = library::lesson::export(&library, tour, file, title, &crate::platform::now_iso());
    match written {
        Ok(n) => {
            let _ = writeln!(
                out,
                "{}: {} articles, {} events, {} places, {} processes",
                file.display(),
                n.articles,
                n.events,
                n.places,
                n.processes
            );
            (out, true)
        }
        Err(e) => {
            let _ = writeln!(out, "{}: error: {e}", file.display());
            (out, false)
        }
    }
}

/// `pack import`: a pack's content joins the library; nothing there is overwritten.
#[must_use]
pub fn pack_import(corpus: &Corpus, root: Option<&Path>, file: &Path) -> (String, bool) {
    let Some(root) = root.map(Path::to_path_buf).or_else(Library::default_root) else {
        return (
            "no folder for the library: give one with --library DIR\n".to_owned(),
            false,
        );
    };
    let _lock = match library::LibraryLock::acquire(&root) {
        Ok(lock) => lock,
        Err(e) => return (format!("{}: {e}\n", root.display()), false),
    };
    let Loaded { atlas, .. } = ingest::load(corpus, ingest::today());
    let (mut library, _) = Library::open(&root);
    let (mut history, _) = library::history::History::open(&library);
    let outcome = library::pack::read_pack(file, &library::pack::Limits::default())
        .map_err(|e| e.to_string())
        .and_then(|(manifest, files)| {
            let (edit, report) =
                library::lesson::import(&library, &atlas, &files).map_err(|e| e.to_string())?;
            history
                .apply(&mut library, edit)
                .map_err(|e| e.to_string())?;
            Ok((manifest, report))
        });
    match outcome {
        Ok((manifest, report)) => {
            let mut out = format!(
                "{}: “{}”: {} articles, {} events, {} places, {} processes, {} tours added; {} already there\n",
                file.display(),
                manifest.title,
                report.articles,
                report.events,
                report.places,
                report.processes,
                report.tours,
                report.merged
            );
            for note in &report.renamed {
                let _ = writeln!(out, "  kept both: {note}");
            }
            (out, true)
        }
        Err(e) => (
            format!("{}: error: {e}; nothing was added\n", file.display()),
            false,
        ),
    }
}
