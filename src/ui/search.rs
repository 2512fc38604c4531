//! The search field's results in the side panel: places, events and article passages, each
//! with its context; a click goes there.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::model::search::{Hit, HitTarget};
use crate::style;

/// The list of hits for `query`.
pub fn search_results_ui(ui: &mut Ui, ctx: ViewCtx<'_>, query: &str, hits: &[Hit]) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(format!("„{}“", query.trim()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✖").on_hover_text(t.close).clicked() {
                actions.push(Action::SetSearch(String::new()));
            }
        });
    });
    if hits.is_empty() {
        ui.label(RichText::new(t.no_results).color(style::MUTED_TEXT));
        return actions;
    }
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            for hit in hits {
                let kind = match hit.target {
                    HitTarget::Place(_) => t.venue,
                    HitTarget::Event(_) => t.event,
                    HitTarget::Article { .. } => t.articles,
                };
                ui.add_space(4.0);
                ui.label(RichText::new(kind).small().color(style::MUTED_TEXT));
                if ui.link(RichText::new(&hit.title).strong()).clicked() {
                    actions.push(Action::SetSearch(String::new()));
                    actions.push(match hit.target {
                        HitTarget::Place(p) => Action::SelectPlace(p),
                        HitTarget::Event(e) => Action::SelectEvent(e),
                        HitTarget::Article { article, ref flow } => Action::OpenArticle {
                            article,
                            focus: Some(flow.start),
                        },
                    });
                }
                if !hit.context.is_empty() {
                    ui.label(context_job(hit));
                }
            }
        });
    actions
}

/// The context line with the match in bold.
fn context_job(hit: &Hit) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat {
        font_id: FontId::proportional(13.0),
        color: style::MUTED_TEXT,
        ..TextFormat::default()
    };
    let strong = TextFormat {
        color: style::KWIC_KEYWORD,
        background: style::MENTION_BG,
        ..plain.clone()
    };
    let text = &hit.context;
    let m = &hit.matched;
    match (text.get(..m.start), text.get(m.clone()), text.get(m.end..)) {
        (Some(before), Some(matched), Some(after)) if !m.is_empty() => {
            job.append(before, 0.0, plain.clone());
            job.append(matched, 0.0, strong);
            job.append(after, 0.0, plain);
        }
        _ => job.append(text, 0.0, plain),
    }
    job
}
