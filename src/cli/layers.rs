//! `mediation-atlas import FILE`: a dataset (UCDP GED, ACLED, PA-X, `GeoJSON`, KML or any
//! CSV with coordinates) becomes a layer of the library, beside the curated events and never
//! mixed into them. Progress goes to standard error; problems are listed as `FILE:LINE`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use crate::layers::store::{self, LayerMeta};
use crate::layers::{Control, Lookups, import_path};
use crate::library::Library;

/// How many problems are listed one by one before they are only counted.
const LISTED_PROBLEMS: usize = 20;

/// Runs `import`; the report and whether the layer was written.
#[must_use]
pub fn import(
    root: Option<&Path>,
    file: &Path,
    name: Option<&str>,
    color: Option<&str>,
) -> (String, bool) {
    let mut out = String::new();
    let Some(root) = root.map(Path::to_path_buf).or_else(Library::default_root) else {
        out.push_str("no folder for the library: give one with --library DIR\n");
        return (out, false);
    };
    if let Some(color) = color
        && !is_hex_color(color)
    {
        let _ = writeln!(out, "--color “{color}”: write it as #rrggbb");
        return (out, false);
    }
    let size = std::fs::metadata(file).map_or(0, |m| m.len());
    let mut shown = 0;
    let mut progress = |bytes: u64| {
        if let Some(percent) = bytes.saturating_mul(100).checked_div(size)
            && percent >= shown + 10
        {
            shown = percent - percent % 10;
            eprint!("\r{}: {shown} %", file.display());
            let _ = std::io::stderr().flush();
        }
    };
    let cancel = AtomicBool::new(false);
    let mut control = Control::new(&mut progress, &cancel);
    // Place names of rows without coordinates are looked up in the shipped gazetteer.
    let places = crate::layers::places::GazetteerPlaces::default();
    let find = move |name: &str| places.find(name);
    let lookups = Lookups {
        place: &find,
        ..Lookups::countries()
    };
    let layer = match import_path(file, None, lookups, &mut control) {
        Ok(layer) => layer,
        Err(e) => {
            let _ = writeln!(out, "{}: error: {e}", file.display());
            return (out, false);
        }
    };
    if shown > 0 {
        eprintln!();
    }
    let name = name.map_or_else(
        || {
            file.file_stem()
                .map_or_else(|| layer.name.clone(), |s| s.to_string_lossy().into_owned())
        },
        str::to_owned,
    );
    let (existing, _) = store::list(&root);
    let problems = layer.problems.len() as u64 + layer.unreported_problems;
    let meta = LayerMeta {
        id: store::new_id(&root, &name),
        name,
        color: color.map_or_else(|| store::palette_color(existing.len()), str::to_owned),
        visible: true,
        dataset: layer.dataset.clone(),
        source: file.display().to_string(),
        imported: crate::platform::now_iso(),
        rows: layer.records.len() as u64,
        problems,
        filter: crate::layers::store::SavedFilter::default(),
    };
    for problem in layer.problems.iter().take(LISTED_PROBLEMS) {
        let _ = writeln!(
            out,
            "{}:{}: {}",
            file.display(),
            problem.line,
            problem.message
        );
    }
    if problems > LISTED_PROBLEMS as u64 {
        let _ = writeln!(out, "… and {} more", problems - LISTED_PROBLEMS as u64);
    }
    if let Err(e) = store::save(&root, &meta, &layer.records) {
        let _ = writeln!(out, "{}: error: {e}", store::dir(&root).display());
        return (out, false);
    }
    let _ = writeln!(
        out,
        "layer “{}” ({}, {}): {} records, {} with problems, in {}",
        meta.name,
        meta.id,
        dataset_name(&meta.dataset),
        meta.rows,
        problems,
        store::dir(&root).display()
    );
    (out, true)
}

fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// The dataset's name for people.
#[must_use]
pub fn dataset_name(dataset: &crate::layers::Dataset) -> &'static str {
    use crate::layers::Dataset;
    match dataset {
        Dataset::Ged => "UCDP GED",
        Dataset::Acled => "ACLED",
        Dataset::PaX => "PA-X",
        Dataset::GeoJson => "GeoJSON",
        Dataset::Kml => "KML",
        Dataset::Csv(_) => "CSV",
        Dataset::Atlas => "Mediation Atlas",
    }
}
