//! The dialog that imports a dataset as a layer: the file, what it was recognised as, its
//! first rows, for a table of its own which column holds what, the layer's name and colour,
//! and while it is read a progress bar with a cancel button. It only edits its own state and
//! returns [`Action`]s; reading and storing are the app's.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::Action;
use crate::i18n::Lang;
use crate::i18n::datasets::{self, DatasetStrings};
use crate::layers::dates::SlashOrder;
use crate::layers::{Dataset, FileKind, Mapping, Preview};
use crate::style;

/// Rows of the file shown before importing it.
pub const PREVIEW_ROWS: usize = 8;
/// Characters of a cell shown in the preview (the rest is cut off with "…").
const CELL_CHARS: usize = 28;

/// What the dialog holds while it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetDialog {
    pub path: PathBuf,
    pub kind: FileKind,
    /// A CSV's first rows, or why they cannot be shown; `None` for `GeoJSON` and KML.
    pub preview: Option<Result<Preview, String>>,
    /// What the file was recognised as (a table of its own: [`Dataset::Csv`]).
    pub dataset: Dataset,
    /// How a table of its own is read, as the user set it.
    pub mapping: Mapping,
    pub name: String,
    pub color: [u8; 3],
    /// While the file is read: the share read so far, in percent.
    pub progress: Option<u8>,
    /// Why the last import failed, if it did.
    pub error: Option<String>,
    /// Why nothing can be imported into this library at all (read-only, no folder).
    pub blocked: Option<&'static str>,
}

impl DatasetDialog {
    /// Whether the records could be put on the map as the file is read now; a table of its
    /// own needs a latitude and a longitude column, or a place-name column.
    #[must_use]
    pub fn locates_records(&self) -> bool {
        if !matches!(self.dataset, Dataset::Csv(_)) {
            return true;
        }
        let m = &self.mapping;
        (m.latitude.is_some() && m.longitude.is_some()) || m.place.is_some()
    }

    /// The dataset to read the file as: a table of its own with the user's mapping, a known
    /// dataset as recognised, `None` for `GeoJSON` and KML (they say what they are).
    #[must_use]
    pub fn dataset_to_read(&self) -> Option<Dataset> {
        match (&self.dataset, self.kind) {
            (_, FileKind::GeoJson | FileKind::Kml) => None,
            (Dataset::Csv(_), _) => Some(Dataset::Csv(self.mapping.clone())),
            (known, _) => Some(known.clone()),
        }
    }
}

/// The dialog's content; the app puts it in a window.
#[must_use]
pub fn dataset_dialog_ui(ui: &mut Ui, lang: Lang, dialog: &mut DatasetDialog) -> Vec<Action> {
    let d = lang.datasets();
    let mut actions = Vec::new();
    let running = dialog.progress.is_some();
    // At most eight rows and six rows of choices: the dialog fits a 1024×768 window.
    ui.vertical(|ui| {
        ui.set_max_width(620.0);
        egui::Grid::new("dataset-file")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(RichText::new(d.file).color(style::MUTED_TEXT));
                let file = dialog.path.file_name().map_or_else(
                    || dialog.path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.label(RichText::new(file).strong())
                    .on_hover_text(dialog.path.display().to_string());
                ui.end_row();
                ui.label(RichText::new(d.recognised).color(style::MUTED_TEXT));
                ui.label(datasets::dataset_kind(&dialog.dataset, lang));
                ui.end_row();
            });
        match &dialog.preview {
            Some(Ok(preview)) => preview_ui(ui, d, preview),
            Some(Err(reason)) => {
                ui.label(
                    RichText::new(datasets::no_preview(reason, lang)).color(style::PROBLEM_ERROR),
                );
            }
            None => {}
        }
        if let (Dataset::Csv(_), Some(Ok(preview))) = (&dialog.dataset, &dialog.preview) {
            ui.add_enabled_ui(!running, |ui| {
                mapping_ui(ui, d, &preview.headers, &mut dialog.mapping);
            });
        }
        ui.separator();
        ui.add_enabled_ui(!running, |ui| {
            egui::Grid::new("dataset-layer")
                .num_columns(2)
                .show(ui, |ui| {
                    let label = ui.label(d.name);
                    ui.add(egui::TextEdit::singleline(&mut dialog.name).desired_width(300.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(d.color);
                    ui.color_edit_button_srgb(&mut dialog.color)
                        .labelled_by(label.id);
                    ui.end_row();
                });
        });
    });
    // Without a preview or a name the reason is plain to see: the button is just disabled.
    let reason = dialog.blocked.or_else(|| {
        if matches!(dialog.preview, Some(Err(_))) || dialog.name.trim().is_empty() {
            Some("")
        } else if !dialog.locates_records() {
            Some(d.no_location)
        } else {
            None
        }
    });
    if let Some(reason) = reason.filter(|r| !r.is_empty()) {
        ui.label(RichText::new(reason).color(style::PROBLEM_ERROR));
    }
    if let Some(error) = &dialog.error {
        ui.label(RichText::new(error).color(style::PROBLEM_ERROR));
    }
    if let Some(percent) = dialog.progress {
        ui.add(
            egui::ProgressBar::new(f32::from(percent) / 100.0)
                .text(datasets::reading(u32::from(percent), lang))
                .desired_width(400.0),
        );
    }
    ui.horizontal(|ui| {
        let enabled = reason.is_none() && !running;
        if ui
            .add_enabled(enabled, egui::Button::new(d.import))
            .clicked()
        {
            actions.push(Action::ImportDataset);
        }
        let cancel =
            ui.button(lang.t().cancel).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
        if cancel {
            actions.push(Action::CancelDatasetImport);
        }
    });
    actions
}

/// The header and first rows, each cell cut short, scrolled sideways when wide.
fn preview_ui(ui: &mut Ui, d: &DatasetStrings, preview: &Preview) {
    ui.add_space(4.0);
    ui.label(RichText::new(d.preview).strong());
    egui::ScrollArea::horizontal()
        .id_salt("dataset-preview")
        .show(ui, |ui| {
            egui::Grid::new("dataset-preview-grid")
                .striped(true)
                .show(ui, |ui| {
                    for header in &preview.headers {
                        ui.label(RichText::new(cut(header)).strong());
                    }
                    ui.end_row();
                    for row in &preview.rows {
                        for cell in row {
                            ui.label(cut(cell)).on_hover_text(cell);
                        }
                        ui.end_row();
                    }
                });
        });
}

/// One choice per field of the [`Mapping`]: a column of the file, or none.
fn mapping_ui(ui: &mut Ui, d: &DatasetStrings, headers: &[String], mapping: &mut Mapping) {
    ui.add_space(4.0);
    ui.label(RichText::new(d.columns).strong());
    let fields: [(&str, &mut Option<usize>); 11] = [
        (d.latitude, &mut mapping.latitude),
        (d.longitude, &mut mapping.longitude),
        (d.place, &mut mapping.place),
        (d.date, &mut mapping.date),
        (d.start, &mut mapping.start),
        (d.end, &mut mapping.end),
        (d.title_column, &mut mapping.title),
        (d.actors, &mut mapping.actors),
        (d.category, &mut mapping.category),
        (d.note, &mut mapping.note),
        (d.id, &mut mapping.id),
    ];
    egui::Grid::new("dataset-mapping")
        .num_columns(4)
        .show(ui, |ui| {
            for (i, (label, column)) in fields.into_iter().enumerate() {
                let name = |c: Option<usize>| {
                    c.and_then(|c| headers.get(c))
                        .map_or_else(|| d.none.to_owned(), |h| cut(h))
                };
                let label = ui.label(label);
                egui::ComboBox::from_id_salt(("dataset-field", i))
                    .selected_text(name(*column))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(column, None, d.none);
                        for (c, header) in headers.iter().enumerate() {
                            ui.selectable_value(column, Some(c), cut(header));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if i % 2 == 1 {
                    ui.end_row();
                }
            }
            let label = ui.label(d.slash_order);
            egui::ComboBox::from_id_salt("dataset-slash-order")
                .selected_text(match mapping.slash_order {
                    SlashOrder::DayFirst => d.day_first,
                    SlashOrder::MonthFirst => d.month_first,
                })
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut mapping.slash_order,
                        SlashOrder::DayFirst,
                        d.day_first,
                    );
                    ui.selectable_value(
                        &mut mapping.slash_order,
                        SlashOrder::MonthFirst,
                        d.month_first,
                    );
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
        });
}

/// A cell's text cut to [`CELL_CHARS`] characters.
fn cut(text: &str) -> String {
    match text.char_indices().nth(CELL_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
