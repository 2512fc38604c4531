//! The tour editor in the side panel: the tour's titles and its steps, each with captions and
//! presenter notes in German and English, moved up or down, removed, or presented from there.
//! It edits a working copy; "Speichern" makes it one undoable edit.

use egui::{RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::library::TourEntry;
use crate::style;

/// The tour being edited, as a working copy.
#[derive(Debug, Clone, PartialEq)]
pub struct TourEditor {
    pub tour: TourEntry,
    /// The copy differs from the library's tour.
    pub dirty: bool,
}

impl TourEditor {
    #[must_use]
    pub fn new(tour: TourEntry) -> Self {
        Self { tour, dirty: false }
    }
}

/// Draws the editor; returns what the user asked for.
pub fn tour_editor_ui(ui: &mut Ui, view: ViewCtx<'_>, editor: &mut TourEditor) -> Vec<Action> {
    let t = view.lang.tours();
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(editor.dirty, egui::Button::new(t.save))
            .clicked()
        {
            actions.push(Action::SaveTour(Box::new(editor.tour.clone())));
            editor.dirty = false;
        }
        if ui.button(t.close).clicked() {
            if editor.dirty {
                actions.push(Action::SaveTour(Box::new(editor.tour.clone())));
            }
            actions.push(Action::CloseTourEditor);
        }
        if ui.button(t.delete_tour).clicked() {
            actions.push(Action::DeleteTour(editor.tour.id.clone()));
        }
    });
    ui.heading(t.editor);
    if editor.dirty {
        ui.label(RichText::new(t.unsaved).small().color(style::REVIEW_TEXT));
    }
    let mut changed = false;
    let mut field = |ui: &mut Ui, label: &str, value: &mut String, multiline: bool| {
        let label = ui.label(RichText::new(label).small().color(style::MUTED_TEXT));
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        changed |= ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id)
            .changed();
    };
    field(ui, t.title_de, &mut editor.tour.title_de, false);
    field(ui, t.title_en, &mut editor.tour.title_en, false);
    ui.separator();
    let count = editor.tour.step.len();
    let mut swap = None;
    let mut remove = None;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, step) in editor.tour.step.iter_mut().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{} {}", t.step, i + 1)).strong());
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑").small())
                        .on_hover_text(t.up)
                        .clicked()
                    {
                        swap = Some(i - 1);
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("↓").small())
                        .on_hover_text(t.down)
                        .clicked()
                    {
                        swap = Some(i);
                    }
                    if ui.small_button("✖").on_hover_text(t.delete_step).clicked() {
                        remove = Some(i);
                    }
                    if ui.small_button(t.present_from).clicked() {
                        actions.push(Action::PresentTour {
                            id: editor.tour.id.clone(),
                            step: i,
                        });
                    }
                });
                ui.push_id(i, |ui| {
                    field(ui, t.caption_de, &mut step.caption_de, true);
                    field(ui, t.caption_en, &mut step.caption_en, true);
                    egui::CollapsingHeader::new(t.notes_de)
                        .id_salt("notes")
                        .show(ui, |ui| {
                            field(ui, t.notes_de, &mut step.notes_de, true);
                            field(ui, t.notes_en, &mut step.notes_en, true);
                        });
                    if let Some(p) = &step.passage {
                        ui.label(
                            RichText::new(format!("„{}“", p.quote))
                                .small()
                                .italics()
                                .color(style::MUTED_TEXT),
                        );
                    }
                });
                ui.add_space(8.0);
            }
        });
    if let Some(i) = swap {
        editor.tour.step.swap(i, i + 1);
        changed = true;
    }
    if let Some(i) = remove {
        editor.tour.step.remove(i);
        changed = true;
    }
    editor.dirty |= changed;
    actions
}
