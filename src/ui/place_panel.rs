//! The place panel: what happened at a place, and the articles that mention it.

use egui::text::LayoutJob;
use egui::{RichText, ScrollArea, TextFormat, Ui};

use super::kwic::snippet;
use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::{EventIdx, MentionTarget, PartyRef, PlaceIdx};
use crate::style;

/// Draws the panel of `place`.
pub fn place_panel_ui(ui: &mut Ui, ctx: ViewCtx<'_>, place: PlaceIdx) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    let atlas = ctx.atlas;
    let p = atlas.place(place);

    ui.horizontal(|ui| {
        ui.heading(p.name(ctx.lang));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✕").on_hover_text(t.close).clicked() {
                actions.push(Action::ClearSelection);
            }
        });
    });
    let mut subtitle = vec![i18n::place_kind(p.kind, ctx.lang).to_owned()];
    if p.name_local != p.name(ctx.lang) {
        subtitle.insert(0, format!("{}: {}", t.local_name, p.name_local));
    }
    ui.label(RichText::new(subtitle.join(" · ")).color(style::MUTED_TEXT));
    ui.label(
        RichText::new(format!(
            "{}: {:.4}, {:.4} ({})",
            t.coordinates_source, p.lat, p.lon, p.source
        ))
        .small()
        .color(style::MUTED_TEXT),
    );
    ui.separator();

    let events = atlas.events_of_place(place);
    let articles = atlas.articles_of_place(place);
    // A long list of events would hide the articles below it: a link jumps there.
    let jump_id = egui::Id::unique(("jump-to-articles", place));
    if events.len() > 4 && !articles.is_empty() {
        let jump = format!("↓ {} ({})", t.articles, articles.len());
        if ui.link(jump).clicked() {
            ui.data_mut(|d| d.insert_temp(jump_id, true));
        }
    }
    ScrollArea::vertical()
        .id_salt(("place-panel", place))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            egui::CollapsingHeader::new(
                RichText::new(format!("{} ({})", t.events, events.len()))
                    .strong()
                    .size(17.0),
            )
            .id_salt("events")
            .default_open(true)
            .show(ui, |ui| {
                if events.is_empty() {
                    lines_only_ui(ui, ctx, place, &mut actions);
                }
                for &event in &events {
                    event_row_ui(ui, ctx, place, event, &mut actions);
                }
            });

            ui.add_space(12.0);
            let header = egui::CollapsingHeader::new(
                RichText::new(format!("{} ({})", t.articles, articles.len()))
                    .strong()
                    .size(17.0),
            )
            .id_salt("articles")
            .default_open(true)
            .show(ui, |ui| {
                articles_ui(ui, ctx, place, &articles, &mut actions);
            });
            if ui.data_mut(|d| d.remove_temp::<bool>(jump_id)).is_some() {
                header.header_response.scroll_to_me(Some(egui::Align::TOP));
            }
        });
    actions
}

/// A place without events of its own: why lines still end there (it stands for a state that
/// took part in events elsewhere), and those events.
fn lines_only_ui(ui: &mut Ui, ctx: ViewCtx<'_>, place: PlaceIdx, actions: &mut Vec<Action>) {
    let t = ctx.lang.t();
    let atlas = ctx.atlas;
    let elsewhere: Vec<EventIdx> = (0..atlas.events.len())
        .map(EventIdx::from_index)
        .filter(|&e| {
            atlas
                .event(e)
                .participants
                .iter()
                .any(|p| atlas.party_place(p.who) == Some(place))
        })
        .collect();
    if elsewhere.is_empty() {
        ui.label(RichText::new(t.no_events).color(style::MUTED_TEXT));
        return;
    }
    // The state the place stands for (a capital drawn for its country).
    let state = elsewhere
        .iter()
        .flat_map(|&e| &atlas.event(e).participants)
        .find_map(|p| match p.who {
            PartyRef::State(s) if atlas.party_place(p.who) == Some(place) => Some(s),
            _ => None,
        })
        .map_or_else(
            || atlas.place(place).name(ctx.lang),
            |s| atlas.place(s).name(ctx.lang),
        );
    ui.label(
        RichText::new(i18n::lines_only(
            atlas.place(place).name(ctx.lang),
            state,
            ctx.lang,
        ))
        .color(style::MUTED_TEXT),
    );
    for e in elsewhere {
        let event = atlas.event(e);
        let text = format!(
            "{} ({})",
            event.title(ctx.lang),
            i18n::format_when(event.when, ctx.lang)
        );
        if ui.link(text).clicked() {
            actions.push(Action::SelectEvent(e));
        }
    }
}

/// The articles that name a place, each with the first mention in context.
fn articles_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    place: PlaceIdx,
    articles: &[crate::model::ArticleIdx],
    actions: &mut Vec<Action>,
) {
    let t = ctx.lang.t();
    let atlas = ctx.atlas;
    if articles.is_empty() {
        ui.label(RichText::new(t.no_articles).color(style::MUTED_TEXT));
    }
    for &article in articles {
        let a = atlas.article(article);
        let first_mention = atlas
            .mentions_in(article)
            .iter()
            .find(|m| m.target == MentionTarget::Place(place));
        ui.add_space(4.0);
        if ui.link(RichText::new(a.title(ctx.lang)).strong()).clicked() {
            actions.push(Action::OpenArticle {
                article,
                focus: first_mention.map(|m| m.flow.start),
            });
        }
        ui.label(
            RichText::new(i18n::byline(a, ctx.lang, false))
                .small()
                .color(style::MUTED_TEXT),
        );
        if let Some(mention) = first_mention {
            let s = snippet(&a.flow.text, mention.flow.clone(), 70);
            let mut job = LayoutJob::default();
            let body = TextFormat {
                color: style::MUTED_TEXT,
                ..Default::default()
            };
            job.append(&s.before, 0.0, body.clone());
            job.append(
                &s.keyword,
                0.0,
                TextFormat {
                    color: style::KWIC_KEYWORD,
                    background: style::MENTION_BG,
                    ..Default::default()
                },
            );
            job.append(&s.after, 0.0, body);
            ui.label(job);
        }
    }
}

fn event_row_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    place: PlaceIdx,
    idx: EventIdx,
    actions: &mut Vec<Action>,
) {
    let atlas = ctx.atlas;
    let event = atlas.event(idx);
    ui.add_space(6.0);
    let date = i18n::format_when(event.when, ctx.lang);
    let kind = i18n::event_kind(event.kind, ctx.lang);
    let process = event.process.map(|p| {
        let process = atlas.process(p);
        (
            i18n::pick(ctx.lang, &process.name_de, &process.name_en),
            process.color,
        )
    });
    ui.horizontal_wrapped(|ui| {
        if let Some((_, [r, g, b])) = process {
            ui.label(RichText::new("●").color(egui::Color32::from_rgb(r, g, b)));
        }
        ui.label(RichText::new(&date).color(style::MUTED_TEXT));
        ui.label(RichText::new(kind).small().color(style::MUTED_TEXT));
    });
    let title = ui.add(
        egui::Label::new(RichText::new(event.title(ctx.lang)).strong().size(15.5))
            .sense(egui::Sense::click()),
    );
    let title = match event.sources.first() {
        Some(source) => title.on_hover_text(format!(
            "„{}“ — {}",
            source.quote,
            atlas.article(source.article).title(ctx.lang)
        )),
        None => title,
    };
    if title.clicked()
        && let Some(source) = event.sources.first()
    {
        actions.push(Action::OpenArticle {
            article: source.article,
            focus: source.flow_range.as_ref().map(|r| r.start),
        });
    }
    if let Some((name, _)) = process {
        ui.label(
            RichText::new(format!("{}: {name}", ctx.lang.t().process))
                .small()
                .color(style::MUTED_TEXT),
        );
    }

    // The other places involved: venues, conflict regions and participating states.
    let mut others: Vec<PlaceIdx> = event
        .places
        .iter()
        .chain(&event.about)
        .copied()
        .filter(|&p| p != place)
        .collect();
    for participant in &event.participants {
        if let PartyRef::State(country) = participant.who
            && country != place
            && !others.contains(&country)
        {
            others.push(country);
        }
    }
    others.dedup();
    if !others.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("{}:", ctx.lang.t().other_places))
                    .small()
                    .color(style::MUTED_TEXT),
            );
            for other in others {
                let o = atlas.place(other);
                let label = o.name(ctx.lang);
                if ui.small_button(label).clicked() {
                    actions.push(Action::SelectPlace(other));
                }
            }
        });
    }
    if !event.participants.is_empty() {
        let roles: Vec<String> = event
            .participants
            .iter()
            .map(|p| {
                format!(
                    "{} ({})",
                    atlas.party_name(p.who, ctx.lang),
                    i18n::role(p.role, ctx.lang)
                )
            })
            .collect();
        ui.label(
            RichText::new(format!(
                "{}: {}",
                ctx.lang.t().participants,
                roles.join(", ")
            ))
            .small()
            .color(style::MUTED_TEXT),
        );
    }
}
