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
    // Its own scroll offset: coming back from a long place panel shows the overview's top.
    ScrollArea::vertical()
        .id_salt("overview_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            own_articles_ui(ui, ctx, &mut actions);
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                ui.label(RichText::new(t.tours).strong());
                let tt = ctx.lang.tours();
                if ui
                    .small_button(tt.new_tour)
                    .on_hover_text(tt.new_tour_hint)
                    .clicked()
                {
                    actions.push(Action::NewTour);
                }
            });
            if !tours.is_empty() {
                for (i, tour) in tours.iter().enumerate() {
                    ui.horizontal_wrapped(|ui| {
                        if ui.button("▶").on_hover_text(t.present).clicked() {
                            actions.push(Action::StartPresentation(Some(i)));
                        }
                        if ui.button("PNG").on_hover_text(t.export_tour).clicked() {
                            actions.push(Action::ExportTour(i));
                        }
                        let fig = ctx.lang.figure();
                        if ui
                            .button("PDF")
                            .on_hover_text(format!("{}\n{}", fig.tour_pdf, fig.tour_pdf_hint))
                            .clicked()
                        {
                            actions.push(Action::OpenTourPdfDialog(tour.id.clone()));
                        }
                        ui.label(crate::tr!(
                            ctx.lang,
                            "tour-with-steps",
                            title = tour.title(ctx.lang),
                            n = tour.steps.len()
                        ));
                        if ctx.library.tours.iter().any(|own| own.id == tour.id)
                            && ui.small_button(ctx.lang.tours().edit).clicked()
                        {
                            actions.push(Action::EditTour(tour.id.clone()));
                        }
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
                if article.origin != crate::model::Origin::Shipped {
                    continue;
                }
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

/// The user's own articles, newest first, with how many names await review; or, while there
/// are none, an invitation to bring one.
fn own_articles_ui(ui: &mut Ui, ctx: ViewCtx<'_>, actions: &mut Vec<Action>) {
    let l = ctx.lang.lib();
    ui.horizontal(|ui| {
        ui.label(RichText::new(l.your_articles).strong());
        if ui.button(format!("+ {}", l.add_title)).clicked() {
            actions.push(Action::OpenAddArticle);
        }
    });
    if !crate::platform::keeps_library() {
        // Said where one adds, before anything is added (a browser that refused its storage).
        ui.label(
            RichText::new(crate::tr!(ctx.lang, "web-library-not-kept")).color(style::REVIEW_TEXT),
        );
    }
    if ctx.library.articles.is_empty() {
        ui.label(RichText::new(l.no_own_articles).color(style::MUTED_TEXT));
        ui.label(RichText::new(l.drop_hint).small().color(style::MUTED_TEXT));
        return;
    }
    if ui.small_button(l.lesson_export).clicked() {
        actions.push(Action::OpenLessonExport(None));
    }
    for own in ctx.library.articles.iter().rev() {
        let Some(i) = ctx.atlas.articles.iter().position(|a| a.id == own.entry.id) else {
            continue;
        };
        let article = ctx.atlas.article(ArticleIdx::from_index(i));
        let review = own
            .mentions
            .iter()
            .filter(|m| m.status == crate::library::LinkStatus::Review)
            .count();
        ui.horizontal_wrapped(|ui| {
            if ui.link(article.title(ctx.lang)).clicked() {
                actions.push(Action::OpenArticle {
                    article: ArticleIdx::from_index(i),
                    focus: None,
                });
            }
            if review > 0 {
                ui.label(
                    RichText::new(format!("{review} {}", l.status_review))
                        .small()
                        .color(style::REVIEW_TEXT)
                        .background_color(style::REVIEW_BG),
                );
            }
            if ui.small_button("✖").on_hover_text(l.remove).clicked() {
                actions.push(Action::AskRemoveArticle(own.entry.id.clone()));
            }
        });
        ui.label(
            RichText::new(i18n::byline(article, ctx.lang, false))
                .small()
                .color(style::MUTED_TEXT),
        );
    }
}
