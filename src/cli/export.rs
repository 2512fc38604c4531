//! `mediation-atlas export`: the curated events (shipped and the library's) in an open format,
//! written atomically; a tour's events with `--tour`, and `StoryMapJS` from that tour.

use std::fmt::Write as _;
use std::path::Path;

use crate::formats::{Format, LayerRef, Request};
use crate::i18n::Lang;
use crate::ingest::{self, Corpus, Problem};
use crate::layers::store::{self, LayerMeta};
use crate::layers::{Control, Records};
use crate::library::Library;
use crate::model::tour::{StepView, Tour};
use crate::model::{Atlas, EventIdx};

/// What `export` was asked for.
#[derive(Debug, Clone)]
pub struct ExportArgs<'a> {
    pub library: Option<&'a Path>,
    pub format: Option<&'a str>,
    pub tour: Option<&'a str>,
    /// Only this layer of the library (by id or name); all of them when `None`.
    pub layer: Option<&'a str>,
    /// `--filtered` and its filters.
    pub filter: &'a super::export_filter::FilterArgs,
    pub title: Option<&'a str>,
    pub lang: Lang,
    pub file: &'a Path,
}

/// The shipped corpus with the library's records, and every tour (shipped, then the library's).
#[must_use]
pub fn open(corpus: &Corpus, library: Option<&Path>) -> (Atlas, Vec<Tour>, Vec<Problem>) {
    let shipped = ingest::load(corpus, ingest::today());
    let mut problems = shipped.problems;
    let (atlas, lib_tours) = match library {
        Some(root) => {
            let (lib, found) = Library::open(root);
            problems.extend(found);
            let texts: Vec<(String, String)> = lib
                .tours
                .iter()
                .filter_map(|t| {
                    let file = crate::library::LibraryFile::Tour(t.id.clone());
                    let text = lib.file_text(&file).ok().flatten()?;
                    let path = root.join("tours").join(format!("{}.toml", t.id));
                    Some((path.display().to_string(), text))
                })
                .collect();
            let mut workspace = crate::library::Workspace::new(shipped.atlas, lib);
            let (atlas, built) = workspace.build();
            problems.extend(built);
            (atlas, texts)
        }
        None => (shipped.atlas, Vec::new()),
    };
    let (mut tours, found) = ingest::tours::load_tours(corpus, &atlas);
    problems.extend(found);
    for (path, text) in &lib_tours {
        let (tour, found) = ingest::tours::tour_from_text(path, text, &atlas);
        problems.extend(found);
        tours.extend(tour);
    }
    (atlas, tours, problems)
}

/// The events a tour shows, in the order of its steps, each once.
#[must_use]
pub fn tour_events(tour: &Tour) -> Vec<EventIdx> {
    let mut events = Vec::new();
    for step in &tour.steps {
        let fit = match &step.view {
            StepView::FitEvents(events) => events.as_slice(),
            StepView::Place(_) | StepView::At { .. } => &[],
        };
        for &e in step.select_event.iter().chain(&step.highlight).chain(fit) {
            if !events.contains(&e) {
                events.push(e);
            }
        }
    }
    events
}

/// Runs `export`; the report and whether the file was written.
#[must_use]
pub fn export(corpus: &Corpus, args: &ExportArgs) -> (String, bool) {
    let mut out = String::new();
    let format = match args.format {
        Some(name) => Format::from_name(name),
        None => Format::from_path(args.file),
    };
    let Some(format) = format else {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        let _ = writeln!(
            out,
            "{}: choose a format with --format ({})",
            args.file.display(),
            names.join(", ")
        );
        return (out, false);
    };
    let (atlas, tours, problems) = open(corpus, args.library);
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let tour = match args.tour {
        Some(id) => {
            let Some(tour) = tours.iter().find(|t| t.id == id) else {
                let ids: Vec<&str> = tours.iter().map(|t| t.id.as_str()).collect();
                let _ = writeln!(out, "no tour “{id}”; there are: {}", ids.join(", "));
                return (out, false);
            };
            Some(tour)
        }
        None if format.needs_tour() => {
            let _ = writeln!(
                out,
                "a StoryMap is made from a tour: name one with --tour ID"
            );
            return (out, false);
        }
        None => None,
    };
    let filters = match args.filter.resolve(&atlas) {
        Ok(filters) => filters,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return (out, false);
        }
    };
    let mut events: Vec<EventIdx> = match tour {
        Some(tour) => tour_events(tour),
        None => (0..atlas.events.len()).map(EventIdx::from_index).collect(),
    };
    if let Some(filters) = &filters {
        events = filters.events(&atlas, &events);
    }
    let title = args.title.map_or_else(
        || {
            tour.map_or_else(
                || "Mediation Atlas".to_owned(),
                |t| crate::i18n::pick(args.lang, &t.title_de, &t.title_en).to_owned(),
            )
        },
        str::to_owned,
    );
    let Some(layers) = load_layers(args, &mut out) else {
        return (out, false);
    };
    let kept: Vec<Option<Vec<u32>>> = layers
        .iter()
        .map(|(_, records)| filters.as_ref().map(|f| f.records(records)))
        .collect();
    let refs: Vec<LayerRef> = layers
        .iter()
        .zip(&kept)
        .map(|((meta, records), kept)| LayerRef {
            name: &meta.name,
            records,
            kept: kept.as_deref(),
        })
        .collect();
    if !refs.is_empty() && !format.writes_layers() {
        let _ = writeln!(
            out,
            "{} holds no layers: only the curated events are written",
            format.name()
        );
    }
    let request = Request {
        atlas: &atlas,
        events: &events,
        lang: args.lang,
        title: &title,
        tour,
        layers: if format.writes_layers() { &refs } else { &[] },
    };
    let written = match format.write(&request) {
        Ok(written) => written,
        Err(e) => {
            let _ = writeln!(out, "{}: error: {e}", args.file.display());
            return (out, false);
        }
    };
    if let Err(e) = crate::platform::storage::write_atomic(args.file, written.text.as_bytes()) {
        let _ = writeln!(out, "{}: error: {e}", args.file.display());
        return (out, false);
    }
    let _ = writeln!(
        out,
        "{}: {} events as {}",
        args.file.display(),
        events.len() - written.left_out.len(),
        format.name()
    );
    for layer in request.layers {
        let _ = writeln!(
            out,
            "  and layer “{}”: {} records",
            layer.name,
            layer.kept.map_or(layer.records.len(), <[u32]>::len)
        );
    }
    if !written.left_out.is_empty() {
        let _ = writeln!(
            out,
            "left out (no date, which {} needs): {}",
            format.name(),
            written.left_out.join(", ")
        );
    }
    (out, true)
}

/// The library's layers the export asks for, loaded; `None` (with the reason in `out`) when
/// one cannot be had.
fn load_layers(args: &ExportArgs, out: &mut String) -> Option<Vec<(LayerMeta, Records)>> {
    let Some(root) = args.library else {
        if let Some(name) = args.layer {
            let _ = writeln!(out, "--layer {name}: name the library with --library DIR");
            return None;
        }
        return Some(Vec::new());
    };
    let (metas, problems) = store::list(root);
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let chosen: Vec<LayerMeta> = match args.layer {
        Some(name) => {
            let Some(meta) = metas.iter().find(|m| m.id == name || m.name == name) else {
                let names: Vec<&str> = metas.iter().map(|m| m.id.as_str()).collect();
                let _ = writeln!(out, "no layer “{name}”; there are: {}", names.join(", "));
                return None;
            };
            vec![meta.clone()]
        }
        None => metas,
    };
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut layers = Vec::new();
    for meta in chosen {
        let mut progress = |_| {};
        match store::load(root, &meta.id, &mut Control::new(&mut progress, &cancel)) {
            Ok(records) => layers.push((meta, records)),
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{}: {e}",
                    store::dir(root).join(format!("{}.csv", meta.id)).display()
                );
                return None;
            }
        }
    }
    Some(layers)
}
