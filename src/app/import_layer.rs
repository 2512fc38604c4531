//! Importing a dataset as a layer from inside the app: the dialog is opened for a file (from
//! the menu through the system's file dialog, or dropped on the window), the file is read and
//! stored on a helper thread with a progress bar and a cancel button, and the new layer joins
//! the map and the legend at once. The import is undone by [`Edit::RemoveLayer`], which puts
//! the layer's files into `layers/.trash/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::gazetteer::WorldGazetteer;
use crate::i18n::datasets;
use crate::layers::places::GazetteerPlaces;
use crate::layers::store::{self, LayerMeta};
use crate::layers::{
    Control, Dataset, FileKind, ImportError, Lookups, Mapping, RowProblem, countries, import_path,
};
use crate::library::Edit;
use crate::map::layers::MapLayer;
use crate::platform::{self, Pending};
use crate::ui::import_dataset::{DatasetDialog, PREVIEW_ROWS, dataset_dialog_ui};

/// How many row problems the notice lists one by one.
const LISTED_PROBLEMS: usize = 5;

/// The dialog, while open, and the import under way, if one is.
#[derive(Default)]
pub(super) struct DatasetImportSlot {
    dialog: Option<DatasetDialog>,
    job: Option<ImportJob>,
}

/// An import running on a helper thread.
struct ImportJob {
    pending: Pending<Result<Imported, ImportFailure>>,
    cancel: Arc<AtomicBool>,
    /// Bytes read so far, of `size`.
    read: Arc<AtomicU64>,
    size: u64,
}

/// What the helper thread is asked to do.
pub(super) struct ImportRequest {
    pub root: PathBuf,
    pub path: PathBuf,
    pub dataset: Option<Dataset>,
    pub name: String,
    pub color: [u8; 3],
    /// The geoparser's gazetteer, if built (else the embedded one is read when needed).
    pub world: Option<Arc<WorldGazetteer>>,
}

/// A stored layer, with its cluster index, and the problems of its rows.
pub(super) struct Imported {
    pub layer: MapLayer,
    pub problems: Vec<RowProblem>,
    pub unreported: u64,
}

/// Why an import stored nothing.
#[derive(Debug)]
pub(super) enum ImportFailure {
    Import(ImportError),
    Save(std::io::Error),
}

/// Reads the file, then (unless cancelled meanwhile) stores it as a new layer and builds its
/// cluster index. Nothing is written before the whole file has been read.
pub(super) fn import_layer(
    request: ImportRequest,
    cancel: &AtomicBool,
    read: &AtomicU64,
) -> Result<Imported, ImportFailure> {
    let places = GazetteerPlaces::new(request.world);
    let find = move |name: &str| places.find(name);
    let lookups = Lookups {
        place: &find,
        country: &countries::point_by_alpha3,
    };
    let mut progress = |bytes: u64| read.store(bytes, Ordering::Relaxed);
    let mut control = Control::new(&mut progress, cancel);
    let layer = import_path(&request.path, request.dataset, lookups, &mut control)
        .map_err(ImportFailure::Import)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(ImportFailure::Import(ImportError::Cancelled));
    }
    let [r, g, b] = request.color;
    let meta = LayerMeta {
        id: store::new_id(&request.root, &request.name),
        name: request.name,
        color: format!("#{r:02x}{g:02x}{b:02x}"),
        visible: true,
        dataset: layer.dataset.clone(),
        source: request.path.display().to_string(),
        imported: platform::now_iso(),
        rows: layer.records.len() as u64,
        problems: layer.problems.len() as u64 + layer.unreported_problems,
        filter: crate::layers::store::SavedFilter::default(),
    };
    store::save(&request.root, &meta, &layer.records).map_err(ImportFailure::Save)?;
    Ok(Imported {
        layer: MapLayer::new(meta, layer.records),
        problems: layer.problems,
        unreported: layer.unreported_problems,
    })
}

/// The dialog for `path`: what the file is, its first rows and the guessed columns.
fn open_dialog(path: PathBuf, layers: usize, blocked: Option<&'static str>) -> DatasetDialog {
    let kind = FileKind::from_path(&path).unwrap_or_else(|| {
        let mut start = [0u8; 512];
        let n = platform::storage::open(&path)
            .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
            .unwrap_or(0);
        FileKind::from_start(&start[..n])
    });
    let (preview, dataset) = match kind {
        FileKind::Csv => {
            let preview = platform::storage::open(&path)
                .map_err(ImportError::from)
                .and_then(|file| crate::layers::preview(file, PREVIEW_ROWS));
            match preview {
                Ok(preview) => {
                    let dataset = preview.dataset.clone();
                    (Some(Ok(preview)), dataset)
                }
                Err(e) => (Some(Err(e.to_string())), Dataset::Csv(Mapping::default())),
            }
        }
        FileKind::GeoJson => (None, Dataset::GeoJson),
        FileKind::Kml => (None, Dataset::Kml),
    };
    let mapping = match &dataset {
        Dataset::Csv(mapping) => mapping.clone(),
        _ => Mapping::default(),
    };
    let name = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let color = store::PALETTE[layers % store::PALETTE.len()];
    DatasetDialog {
        path,
        kind,
        preview,
        dataset,
        mapping,
        name,
        color,
        progress: None,
        error: None,
        blocked,
    }
}

impl AtlasApp {
    /// The dataset dialog's part of [`AtlasApp::apply`].
    pub(super) fn apply_dataset(&mut self, action: Action) {
        match action {
            Action::OpenDatasetDialog(path) => {
                if self.dataset_import.job.is_some() {
                    return; // one import at a time; its dialog stays
                }
                let path = path.or_else(|| platform::pick_dataset_file(self.lang.datasets().pick));
                if let Some(path) = path {
                    let blocked = self.import_blocked();
                    // The layers stored, even before they are loaded (a file opened at start):
                    // the new one takes the next colour.
                    let stored = self
                        .workspace
                        .library
                        .root()
                        .map_or(0, |root| store::list(root).0.len());
                    let layers = self.layers.layers.len().max(stored);
                    let dialog = open_dialog(path, layers, blocked);
                    self.dataset_import.dialog = Some(dialog);
                }
            }
            Action::ImportDataset => self.start_dataset_import(),
            Action::CancelDatasetImport => match &self.dataset_import.job {
                Some(job) => job.cancel.store(true, Ordering::Relaxed),
                None => self.dataset_import.dialog = None,
            },
            _ => {}
        }
    }

    /// The dataset dialog, if open (for tests).
    #[must_use]
    pub fn dataset_dialog(&self) -> Option<&DatasetDialog> {
        self.dataset_import.dialog.as_ref()
    }

    /// Why nothing can be imported into this library, if nothing can.
    fn import_blocked(&self) -> Option<&'static str> {
        let d = self.lang.datasets();
        if self.workspace.library.root().is_none() {
            Some(d.no_library)
        } else if self.workspace.library.is_read_only() {
            Some(d.read_only)
        } else {
            None
        }
    }

    fn start_dataset_import(&mut self) {
        let (Some(dialog), Some(root)) = (
            self.dataset_import.dialog.as_mut(),
            self.workspace.library.root(),
        ) else {
            return;
        };
        if self.dataset_import.job.is_some() || !dialog.locates_records() {
            return;
        }
        dialog.error = None;
        dialog.progress = Some(0);
        let request = ImportRequest {
            root: root.to_path_buf(),
            path: dialog.path.clone(),
            dataset: dialog.dataset_to_read(),
            name: dialog.name.trim().to_owned(),
            color: dialog.color,
            world: self.geoparser.ready.as_ref().map(|p| Arc::clone(p.world())),
        };
        let size = platform::storage::len(&dialog.path).unwrap_or(0);
        let cancel = Arc::new(AtomicBool::new(false));
        let read = Arc::new(AtomicU64::new(0));
        let (c, r) = (Arc::clone(&cancel), Arc::clone(&read));
        let work = move || import_layer(request, &c, &r);
        let pending = platform::run_or_spawn("import", self.works_inline(), work, || {});
        self.dataset_import.job = Some(ImportJob {
            pending,
            cancel,
            read,
            size,
        });
    }

    /// The dialog's window, and the import's progress and end.
    pub(super) fn dataset_window_ui(&mut self, ctx: &egui::Context) -> Vec<Action> {
        self.poll_dataset_import();
        let lang = self.lang;
        if let (Some(job), Some(dialog)) =
            (&self.dataset_import.job, &mut self.dataset_import.dialog)
        {
            let percent = job.read.load(Ordering::Relaxed).saturating_mul(100) / job.size.max(1);
            dialog.progress = Some(u8::try_from(percent.min(100)).unwrap_or(100));
            // The helper thread does not wake the UI: the bar moves at this pace.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let Some(dialog) = &mut self.dataset_import.dialog else {
            return Vec::new();
        };
        let mut actions = Vec::new();
        centred_dialog(lang.datasets().title).show(ctx, |ui| {
            actions = dataset_dialog_ui(ui, lang, dialog);
        });
        actions
    }

    /// Takes the import's result once it is there.
    fn poll_dataset_import(&mut self) {
        let Some(result) = self
            .dataset_import
            .job
            .as_ref()
            .and_then(|j| j.pending.poll())
        else {
            return;
        };
        self.dataset_import.job = None;
        let lang = self.lang;
        let path = self
            .dataset_import
            .dialog
            .as_ref()
            .map(|d| d.path.clone())
            .unwrap_or_default();
        let file = file_name(&path);
        match result {
            Ok(imported) => {
                let skipped = imported
                    .problems
                    .iter()
                    .filter(|p| p.kind.skips_row())
                    .count() as u64
                    + imported.unreported;
                let listed = imported.problems.len().min(LISTED_PROBLEMS);
                let more = (imported.problems.len() - listed) as u64 + imported.unreported;
                self.notice = Some(datasets::imported(
                    &imported.layer.meta.name,
                    imported.layer.records.len(),
                    skipped,
                    &file,
                    &imported.problems[..listed],
                    more,
                    lang,
                ));
                self.history.record(
                    &self.workspace.library,
                    Edit::RemoveLayer(imported.layer.meta.id.clone()),
                );
                self.layers.layers.push(imported.layer);
                self.dataset_import.dialog = None;
            }
            Err(ImportFailure::Import(ImportError::Cancelled)) => {
                self.notice = Some(lang.datasets().cancelled.to_owned());
                self.dataset_import.dialog = None;
            }
            Err(failure) => {
                let reason = match &failure {
                    ImportFailure::Import(e) => datasets::import_error(e, lang),
                    ImportFailure::Save(e) => datasets::save_failed(&e.to_string(), lang),
                };
                let message = datasets::import_failed(&file, &reason, lang);
                self.problems
                    .push(Problem::error(path, None, message.clone()));
                self.notice = Some(message.clone());
                if let Some(dialog) = &mut self.dataset_import.dialog {
                    dialog.progress = None;
                    dialog.error = Some(message);
                }
            }
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
#[path = "import_layer_tests.rs"]
mod tests;
