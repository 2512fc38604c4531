//! Keyboard shortcuts outside text fields.

use egui::Key;

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::ui::Action;

impl AtlasApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Action> {
        if ctx.egui_wants_keyboard_input() {
            return Vec::new();
        }
        let mut actions = Vec::new();
        if let Some(p) = &mut self.presentation {
            let notes_shown = p.notes_shown(ctx);
            ctx.input(|i| {
                use Key::{
                    ArrowDown, ArrowLeft, ArrowRight, ArrowUp, End, Enter, Escape, Home, PageDown,
                    PageUp, Space,
                };
                if [ArrowRight, ArrowDown, Space, PageDown]
                    .iter()
                    .any(|&k| i.key_pressed(k))
                {
                    actions.push(Action::NextStep);
                }
                if [ArrowLeft, ArrowUp, PageUp]
                    .iter()
                    .any(|&k| i.key_pressed(k))
                {
                    actions.push(Action::PrevStep);
                }
                if i.key_pressed(Home) {
                    actions.push(Action::GoToStep(0));
                }
                if i.key_pressed(End) {
                    actions.push(Action::GoToStep(usize::MAX));
                }
                for event in &i.events {
                    if let egui::Event::Text(text) = event {
                        p.digits.extend(text.chars().filter(char::is_ascii_digit));
                    }
                }
                if i.key_pressed(Enter)
                    && let Ok(n) = p.digits.parse::<usize>()
                {
                    actions.push(Action::GoToStep(n.saturating_sub(1)));
                }
                if i.key_pressed(Escape) {
                    actions.push(Action::StopPresentation);
                }
                // N: the speaker's notes, shown or hidden.
                if i.key_pressed(Key::N) {
                    p.notes = Some(!notes_shown);
                }
            });
            return actions;
        }
        if ctx.input(|i| i.key_pressed(Key::F5)) {
            // In a quiz, F5 puts it in front of the class: full screen, the quiz kept.
            actions.push(if self.quiz.is_some() {
                Action::ToggleFullscreen
            } else {
                Action::StartPresentation(None)
            });
        }
        ctx.input(|i| {
            if i.key_pressed(Key::Home) {
                actions.push(Action::ResetView);
            }
            // Undo and redo of the library's edits.
            if i.modifiers.command && i.key_pressed(Key::Z) {
                actions.push(if i.modifiers.shift {
                    Action::Redo
                } else {
                    Action::Undo
                });
            }
            if i.modifiers.command && i.key_pressed(Key::Y) {
                actions.push(Action::Redo);
            }
            if i.key_pressed(Key::Escape) {
                actions.push(if self.removing.is_some() {
                    Action::CancelRemove
                } else if self.event_form.is_some() {
                    Action::CloseEventForm
                } else if self.review.is_some() || self.placing {
                    Action::CloseReview
                } else if self.add_form.is_some() {
                    Action::CloseAddArticle
                } else if self.reader.is_some() {
                    Action::CloseArticle
                } else if self.selected_event.is_some() && self.selected.is_some() {
                    Action::CloseEvent
                } else {
                    Action::ClearSelection
                });
            }
            if i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals) {
                actions.push(Action::Zoom(1.0));
            }
            if i.key_pressed(Key::Minus) {
                actions.push(Action::Zoom(-1.0));
            }
        });
        actions
    }
}
