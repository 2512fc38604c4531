//! The banner that says, visibly, that some data could not be loaded.

use egui::{RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::ingest::{Problem, Severity};
use crate::style;

/// Draws the banner (only when there are problems) and, if `expanded`, their list.
pub fn banner_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    problems: &[Problem],
    expanded: bool,
) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.label(RichText::new("⚠").color(style::BANNER_TEXT).strong());
        ui.label(
            RichText::new(format!(
                "{}: {}",
                t.problems_banner,
                i18n::count_problems(problems.len(), ctx.lang)
            ))
            .color(style::BANNER_TEXT),
        );
        let toggle = if expanded {
            t.hide_problems
        } else {
            t.show_problems
        };
        if ui.button(toggle).clicked() {
            actions.push(Action::ToggleProblems);
        }
    });
    if expanded {
        ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
            for problem in problems {
                let color = match problem.severity {
                    Severity::Error => style::PROBLEM_ERROR,
                    Severity::Warning => style::BANNER_TEXT,
                };
                ui.label(
                    RichText::new(problem.text(ctx.lang))
                        .monospace()
                        .color(color),
                );
            }
        });
    }
    actions
}
