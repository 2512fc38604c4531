//! What the side panel shows with nothing selected: where things happened, and the articles.

use egui::{RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::ArticleIdx;
use crate::style;

/// The overview: places by number of events, then all articles.
pub fn overview_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    markers: &[(crate::model::PlaceIdx, usize)],
    visible: &[crate::model::EventIdx],
    tours: &[crate::model::tour::Tour],
) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.heading(t.no_selection_title);
    ui.label(RichText::new(t.no_selection_hint).color(style::MUTED_TEXT));
    ui.add_space(8.0);
    if visible.is_empty() {
        ui.label(RichText::new(t.no_events_in_filter).color(style::MUTED_TEXT));
    }
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !tours.is_empty() {
                ui.label(RichText::new(t.tours).strong());
                for (i, tour) in tours.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if ui.button("▶").on_hover_text(t.present).clicked() {
                            actions.push(Action::StartPresentation(Some(i)));
                        }
                        if ui.button("PNG").on_hover_text(t.export_tour).clicked() {
                            actions.push(Action::ExportTour(i));
                        }
                        ui.label(format!(
                            "{} · {} {}",
                            tour.title(ctx.lang),
                            tour.steps.len(),
                            t.steps
                        ));
                    });
                }
                ui.add_space(10.0);
            }
            actions.extend(super::processes::process_list_ui(ui, ctx, visible));
            ui.add_space(10.0);
            ui.label(RichText::new(t.events).strong());
            let mut places = markers.to_vec();
            places.sort_by(|a, b| {
                b.1.cmp(&a.1).then_with(|| {
                    ctx.atlas
                        .place(a.0)
                        .name(ctx.lang)
                        .cmp(ctx.atlas.place(b.0).name(ctx.lang))
                })
            });
            for (place, n) in places {
                let text = format!(
                    "{} · {}",
                    ctx.atlas.place(place).name(ctx.lang),
                    i18n::count_events(n, ctx.lang)
                );
                if ui.link(text).clicked() {
                    actions.push(Action::SelectPlace(place));
                }
            }
            ui.add_space(10.0);
            ui.label(RichText::new(t.articles).strong());
            for (i, article) in ctx.atlas.articles.iter().enumerate() {
                if ui.link(article.title(ctx.lang)).clicked() {
                    actions.push(Action::OpenArticle {
                        article: ArticleIdx::from_index(i),
                        focus: None,
                    });
                }
                ui.label(
                    RichText::new(i18n::byline(article, ctx.lang, false))
                        .small()
                        .color(style::MUTED_TEXT),
                );
            }
        });
    actions
}
