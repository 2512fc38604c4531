//! The side panel for one event: when and where, who took part in which role, the process it
//! belongs to, and the quotes that back it.

use egui::{RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::EventIdx;
use crate::style;

/// Shows an event; `back` is the label of the button that leaves it.
pub fn event_panel_ui(ui: &mut Ui, ctx: ViewCtx<'_>, idx: EventIdx) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.event).small().color(style::MUTED_TEXT));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✖").on_hover_text(t.close).clicked() {
                actions.push(Action::CloseEvent);
            }
        });
    });
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| event_detail_ui(ui, ctx, idx, &mut actions));
    actions
}

/// The body of an event's panel (also used inline in the process view).
pub fn event_detail_ui(ui: &mut Ui, ctx: ViewCtx<'_>, idx: EventIdx, actions: &mut Vec<Action>) {
    let t = ctx.lang.t();
    let atlas = ctx.atlas;
    let event = atlas.event(idx);
    ui.label(RichText::new(event.title(ctx.lang)).heading());
    edit_buttons_ui(ui, ctx, idx, actions);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(i18n::format_when(event.when, ctx.lang)).strong());
        ui.label(RichText::new(i18n::event_kind(event.kind, ctx.lang)).color(style::MUTED_TEXT));
    });
    // The shipped notes are the curators', in English: shown in the English interface only.
    // A note of the user's own event is in the user's words, and always shown.
    let note_readable =
        ctx.lang == crate::i18n::Lang::En || event.origin == crate::model::Origin::Library;
    if !event.date_note.is_empty() && note_readable {
        ui.label(
            RichText::new(&event.date_note)
                .small()
                .color(style::MUTED_TEXT),
        );
    }
    if let Some(p) = event.process {
        let process = atlas.process(p);
        ui.horizontal(|ui| {
            ui.label(RichText::new("●").color(style::rgb(process.color)));
            let name = i18n::pick(ctx.lang, &process.name_de, &process.name_en);
            if ui.link(format!("{}: {name}", t.process)).clicked() {
                actions.push(Action::ShowProcess(Some(p)));
            }
        });
    }
    ui.add_space(6.0);
    let chips =
        |ui: &mut Ui, label: &str, places: &[crate::model::PlaceIdx], actions: &mut Vec<Action>| {
            if places.is_empty() {
                return;
            }
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{label}:")).color(style::MUTED_TEXT));
                for &p in places {
                    if ui.small_button(atlas.place(p).name(ctx.lang)).clicked() {
                        actions.push(Action::SelectPlace(p));
                    }
                }
            });
        };
    chips(ui, t.venue, &event.places, actions);
    chips(ui, t.mode_conflicts, &event.about, actions);
    if !event.participants.is_empty() {
        ui.add_space(4.0);
        ui.label(RichText::new(t.participants).strong());
        for participant in &event.participants {
            ui.horizontal_wrapped(|ui| {
                let (color, _) = style::role_stroke(participant.role);
                ui.label(RichText::new("━").color(color).strong());
                let name = atlas.party_name(participant.who, ctx.lang);
                match atlas.party_place(participant.who) {
                    Some(place) => {
                        if ui.link(name).clicked() {
                            actions.push(Action::SelectPlace(place));
                        }
                    }
                    None => {
                        ui.label(name);
                    }
                }
                let mut role = i18n::role(participant.role, ctx.lang).to_owned();
                let people: Vec<&str> = participant
                    .people
                    .iter()
                    .map(|&a| {
                        i18n::pick(ctx.lang, &atlas.actor(a).name_de, &atlas.actor(a).name_en)
                    })
                    .collect();
                if !people.is_empty() {
                    role = format!("{role} · {}", people.join(", "));
                }
                ui.label(RichText::new(role).small().color(style::MUTED_TEXT));
            });
        }
    }
    if !event.sources.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(t.sources).strong());
        for source in &event.sources {
            let article = atlas.article(source.article);
            egui::Frame::new()
                .fill(style::QUOTE_BG)
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    crate::ui::focus_into_view(ui);
                    ui.label(RichText::new(format!("„{}“", source.quote)).italics());
                    if ui
                        .link(format!(
                            "{} · {}",
                            article.title(ctx.lang),
                            i18n::byline(article, ctx.lang, false)
                        ))
                        .clicked()
                    {
                        actions.push(Action::OpenArticle {
                            article: source.article,
                            focus: source.flow_range.as_ref().map(|r| r.start),
                        });
                    }
                });
            ui.add_space(4.0);
        }
    }
}

/// The user's own event: edit and delete; a shipped one: copy it into the library to change it.
fn edit_buttons_ui(ui: &mut Ui, ctx: ViewCtx<'_>, idx: EventIdx, actions: &mut Vec<Action>) {
    let e = ctx.lang.events();
    let event = ctx.atlas.event(idx);
    ui.horizontal_wrapped(|ui| {
        if event.origin == crate::model::Origin::Library {
            let copied = ctx
                .library
                .event(&event.id)
                .is_some_and(|entry| entry.copied_from.is_some());
            let mark = if copied { e.copy_of } else { e.own_event };
            ui.label(RichText::new(mark).small().color(style::ARTICLE_MARKER));
            if ui.small_button(e.edit).clicked() {
                actions.push(Action::EditEvent(idx));
            }
            if ui.small_button(e.delete).clicked() {
                actions.push(Action::DeleteEvent(event.id.clone()));
            }
        } else if ui.small_button(e.copy).clicked() {
            actions.push(Action::CopyEvent(idx));
        }
    });
}
