//! The tour editor in the side panel: the tour's titles and its steps, each with captions and
//! presenter notes in German and English and a passage of an article; steps are dragged (or
//! moved with ↑/↓) into their order, previewed on the map, or presented from there.
//!
//! It edits a working copy that is saved, as one undoable edit, as soon as a change is
//! complete: a text field left, a step moved, removed or given a passage, the editor closed.
//! A crash loses at most the text of the field being typed in.

use egui::{RichText, ScrollArea, Sense, Ui};

use super::{Action, ViewCtx};
use crate::library::{SourceEntry, TourEntry};
use crate::model::ArticleIdx;
use crate::style;

/// The tour being edited, as a working copy.
#[derive(Debug, Clone, PartialEq)]
pub struct TourEditor {
    pub tour: TourEntry,
    /// The copy differs from the library's tour.
    pub dirty: bool,
    /// The step whose passage is being chosen in the reader.
    pub picking: Option<usize>,
}

impl TourEditor {
    #[must_use]
    pub fn new(tour: TourEntry) -> Self {
        Self {
            tour,
            dirty: false,
            picking: None,
        }
    }

    /// The working copy as an edit to save, if it differs from the library's tour.
    pub fn commit(&mut self) -> Option<Action> {
        std::mem::take(&mut self.dirty).then(|| Action::SaveTour(Box::new(self.tour.clone())))
    }
}

/// What is dragged: the index of a step.
#[derive(Debug, Clone, Copy)]
struct StepDrag(usize);

/// Moves the step at `from` so that it comes before the step that is now at `before` (the
/// end when `before` is the number of steps). Returns whether the order changed.
pub fn move_step<T>(steps: &mut Vec<T>, from: usize, before: usize) -> bool {
    if from >= steps.len() || before > steps.len() || before == from || before == from + 1 {
        return false;
    }
    let step = steps.remove(from);
    let to = if before > from { before - 1 } else { before };
    steps.insert(to, step);
    true
}

/// Where a step dropped at height `y` goes: before the first step whose middle is below it.
fn insertion_point(rects: &[egui::Rect], y: f32) -> usize {
    rects
        .iter()
        .position(|r| y < r.center().y)
        .unwrap_or(rects.len())
}

/// Draws the editor; returns what the user asked for.
pub fn tour_editor_ui(ui: &mut Ui, view: ViewCtx<'_>, editor: &mut TourEditor) -> Vec<Action> {
    let t = view.lang.tours();
    let mut actions = Vec::new();
    let mut commit = false;
    ui.horizontal_wrapped(|ui| {
        if ui.button(t.close).clicked() {
            actions.extend(editor.commit());
            actions.push(Action::CloseTourEditor);
        }
        if ui.button(view.lang.lib().lesson_export).clicked() {
            actions.extend(editor.commit());
            actions.push(Action::OpenLessonExport(Some(editor.tour.id.clone())));
        }
        if ui.button(t.delete_tour).clicked() {
            actions.push(Action::DeleteTour(editor.tour.id.clone()));
        }
    });
    ui.heading(t.editor);
    let status = if editor.dirty { t.unsaved } else { t.all_saved };
    ui.label(RichText::new(status).small().color(style::MUTED_TEXT));
    let mut changed = false;
    let mut field = |ui: &mut Ui, label: &str, value: &mut String, multiline: bool| {
        let label = ui.label(RichText::new(label).small().color(style::MUTED_TEXT));
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY))
            .labelled_by(label.id);
        changed |= response.changed();
        commit |= response.lost_focus();
    };
    field(ui, t.title_de, &mut editor.tour.title_de, false);
    field(ui, t.title_en, &mut editor.tour.title_en, false);
    ui.separator();
    let count = editor.tour.step.len();
    let mut moved = None;
    let mut remove = None;
    let mut present = None;
    let mut rects = Vec::with_capacity(count);
    let dragging = egui::DragAndDrop::payload::<StepDrag>(ui.ctx()).map(|d| d.0);
    ScrollArea::vertical()
        .id_salt("tour-editor")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            // A step dragged near the top or bottom edge scrolls the list.
            if dragging.is_some()
                && let Some(pointer) = ui.ctx().pointer_interact_pos()
            {
                let clip = ui.clip_rect();
                let edge = 40.0;
                let delta = if pointer.y < clip.top() + edge {
                    8.0
                } else if pointer.y > clip.bottom() - edge {
                    -8.0
                } else {
                    0.0
                };
                if delta != 0.0 {
                    ui.scroll_with_delta(egui::vec2(0.0, delta));
                    ui.ctx().request_repaint();
                }
            }
            for (i, step) in editor.tour.step.iter_mut().enumerate() {
                let top = ui.cursor().top();
                ui.horizontal_wrapped(|ui| {
                    let mut handle = RichText::new(format!("☰ {} {}", t.step, i + 1)).strong();
                    if dragging == Some(i) {
                        handle = handle.color(style::MUTED_TEXT);
                    }
                    let grip = ui
                        .add(
                            egui::Label::new(handle)
                                .selectable(false)
                                .sense(Sense::drag()),
                        )
                        .on_hover_text(t.drag_hint);
                    grip.dnd_set_drag_payload(StepDrag(i));
                    if ui
                        .add_enabled(i > 0, egui::Button::new("↑").small())
                        .on_hover_text(t.up)
                        .clicked()
                    {
                        moved = Some((i, i - 1));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("↓").small())
                        .on_hover_text(t.down)
                        .clicked()
                    {
                        moved = Some((i, i + 2));
                    }
                    if ui.small_button("✖").on_hover_text(t.delete_step).clicked() {
                        remove = Some(i);
                    }
                    if ui
                        .small_button(t.preview)
                        .on_hover_text(t.preview_hint)
                        .clicked()
                    {
                        actions.push(Action::PreviewStep(i));
                    }
                    if ui.small_button(t.present_from).clicked() {
                        present = Some(i);
                    }
                });
                ui.push_id(i, |ui| {
                    field(ui, t.caption_de, &mut step.caption_de, true);
                    field(ui, t.caption_en, &mut step.caption_en, true);
                    egui::CollapsingHeader::new(t.notes)
                        .id_salt("notes")
                        .show(ui, |ui| {
                            field(ui, t.notes_de, &mut step.notes_de, true);
                            field(ui, t.notes_en, &mut step.notes_en, true);
                        });
                    passage_row(ui, view, i, step.passage.as_ref(), &mut actions);
                });
                ui.add_space(8.0);
                rects.push(egui::Rect::from_x_y_ranges(
                    ui.max_rect().x_range(),
                    top..=ui.cursor().top(),
                ));
            }
        });
    if let Some(from) = dragging
        && let Some(pointer) = ui.ctx().pointer_interact_pos()
    {
        let before = insertion_point(&rects, pointer.y);
        let y = rects.get(before).map_or_else(
            || rects.last().map_or(pointer.y, egui::Rect::bottom),
            egui::Rect::top,
        );
        if before != from && before != from + 1 {
            let x = ui.max_rect().x_range();
            ui.painter()
                .hline(x, y, egui::Stroke::new(3.0, style::TIMELINE_RANGE_EDGE));
        }
        if ui.input(|i| i.pointer.any_released()) {
            egui::DragAndDrop::clear_payload(ui.ctx());
            moved = Some((from, before));
        }
    }
    if let Some((from, before)) = moved
        && move_step(&mut editor.tour.step, from, before)
    {
        changed = true;
        commit = true;
    }
    if let Some(i) = remove {
        editor.tour.step.remove(i);
        changed = true;
        commit = true;
    }
    editor.dirty |= changed;
    // Presenting reads the library's tour: what was changed is saved first.
    if commit || present.is_some() {
        actions.extend(editor.commit());
    }
    if let Some(step) = present {
        actions.push(Action::PresentTour {
            id: editor.tour.id.clone(),
            step,
        });
    }
    actions
}

/// A step's passage, with the buttons to choose it in the reader or take it away.
fn passage_row(
    ui: &mut Ui,
    view: ViewCtx<'_>,
    step: usize,
    passage: Option<&SourceEntry>,
    actions: &mut Vec<Action>,
) {
    let t = view.lang.tours();
    match passage {
        Some(p) => {
            let article = view
                .atlas
                .articles
                .iter()
                .find(|a| a.id == p.article)
                .map_or(p.article.as_str(), |a| a.title(view.lang));
            ui.label(
                RichText::new(format!("„{}“", p.quote))
                    .small()
                    .italics()
                    .color(style::MUTED_TEXT),
            );
            ui.label(
                RichText::new(format!("— {article}"))
                    .small()
                    .color(style::MUTED_TEXT),
            );
        }
        None => {
            ui.label(RichText::new(t.no_passage).small().color(style::MUTED_TEXT));
        }
    }
    ui.horizontal_wrapped(|ui| {
        if ui.small_button(t.pick_passage).clicked() {
            actions.push(Action::PickPassage(step));
        }
        if passage.is_some() && ui.small_button(t.clear_passage).clicked() {
            actions.push(Action::SetPassage {
                step,
                passage: None,
            });
        }
    });
}

/// The side panel while a step's passage is chosen: what to do, then the reader (or, before
/// an article is open, the articles to choose from).
pub fn passage_picker_ui(
    ui: &mut Ui,
    view: ViewCtx<'_>,
    step: usize,
    reader: Option<&mut super::ReaderState>,
) -> Vec<Action> {
    let t = view.lang.tours();
    let mut actions = Vec::new();
    egui::Frame::group(ui.style())
        .fill(style::QUOTE_BG)
        .show(ui, |ui| {
            ui.label(RichText::new(crate::i18n::pick_passage_for(step + 1, view.lang)).strong());
            ui.label(RichText::new(t.pick_passage_hint).small());
            ui.horizontal_wrapped(|ui| {
                let selection = reader
                    .as_ref()
                    .and_then(|r| r.selection.clone().map(|range| (r.article, range)));
                if ui
                    .add_enabled(selection.is_some(), egui::Button::new(t.take_passage))
                    .clicked()
                    && let Some((article, range)) = selection
                {
                    let article = view.atlas.article(article);
                    if let Some(quote) = article.flow.text.get(range) {
                        actions.push(Action::SetPassage {
                            step,
                            passage: Some(SourceEntry {
                                article: article.id.clone(),
                                quote: quote.trim().to_owned(),
                            }),
                        });
                    }
                }
                if reader.is_some() && ui.button(t.other_article).clicked() {
                    actions.push(Action::CloseArticle);
                }
                if ui.button(view.lang.t().cancel).clicked() {
                    actions.push(Action::CancelPick);
                }
            });
        });
    match reader {
        Some(reader) => actions.extend(super::reader_ui(ui, view, reader)),
        None => {
            ScrollArea::vertical()
                .id_salt("passage-articles")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (i, article) in view.atlas.articles.iter().enumerate() {
                        if ui
                            .add(egui::Button::new(article.title(view.lang)).wrap())
                            .clicked()
                        {
                            actions.push(Action::OpenArticle {
                                article: ArticleIdx::from_index(i),
                                focus: None,
                            });
                        }
                    }
                });
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_moves_before_the_step_it_is_dropped_on() {
        let mut steps = vec!['a', 'b', 'c', 'd'];
        assert!(move_step(&mut steps, 3, 0));
        assert_eq!(steps, ['d', 'a', 'b', 'c']);
        assert!(move_step(&mut steps, 0, 4));
        assert_eq!(steps, ['a', 'b', 'c', 'd']);
        assert!(move_step(&mut steps, 1, 3));
        assert_eq!(steps, ['a', 'c', 'b', 'd']);
    }

    #[test]
    fn a_step_dropped_on_its_own_place_stays() {
        let mut steps = vec!['a', 'b', 'c'];
        assert!(!move_step(&mut steps, 1, 1));
        assert!(!move_step(&mut steps, 1, 2));
        assert!(!move_step(&mut steps, 5, 0));
        assert!(!move_step(&mut steps, 0, 9));
        assert_eq!(steps, ['a', 'b', 'c']);
    }

    #[test]
    fn the_drop_goes_before_the_first_step_below_the_pointer() {
        let rect = |top: f32| {
            egui::Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(10.0, top + 100.0))
        };
        let rects = [rect(0.0), rect(100.0), rect(200.0)];
        assert_eq!(insertion_point(&rects, 10.0), 0);
        assert_eq!(insertion_point(&rects, 60.0), 1);
        assert_eq!(insertion_point(&rects, 140.0), 1);
        assert_eq!(insertion_point(&rects, 260.0), 3);
    }
}
