//! The filter menu in the top bar: peace processes, kinds of event and participants, combined;
//! and the button that clears them all, visible whenever one is active.

use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{PopupCloseBehavior, RichText, ScrollArea, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::filter::{ActorFilter, Filter};
use crate::model::{ActorIdx, EventKind, PartyRef, PlaceIdx, ProcessIdx};
use crate::style;

/// The "Filter (n)" menu and, when something is filtered, the "clear" button.
pub fn filter_menu_ui(ui: &mut Ui, ctx: ViewCtx<'_>, filter: &Filter) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    let active = filter.active();
    let label = if active == 0 {
        t.filters.to_owned()
    } else {
        format!("{} ({active})", t.filters)
    };
    MenuButton::new(label)
        .config(MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside))
        .ui(ui, |ui| {
            ui.set_min_width(280.0);
            ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                section(ui, t.processes);
                for (i, process) in ctx.atlas.processes.iter().enumerate() {
                    let idx = ProcessIdx::from_index(i);
                    let mut on = filter.processes.contains(&idx);
                    let name = i18n::pick(ctx.lang, &process.name_de, &process.name_en);
                    let text = RichText::new(format!("● {name}")).color(style::readable_on(
                        egui::Color32::WHITE,
                        style::rgb(process.color),
                    ));
                    if ui.checkbox(&mut on, text).clicked() {
                        actions.push(Action::ToggleProcess(idx));
                    }
                }
                section(ui, t.kinds);
                for kind in EventKind::ALL {
                    if !ctx.atlas.events.iter().any(|e| e.kind == kind) {
                        continue;
                    }
                    let mut on = filter.kinds.contains(&kind);
                    if ui
                        .checkbox(&mut on, i18n::event_kind(kind, ctx.lang))
                        .clicked()
                    {
                        actions.push(Action::ToggleKind(kind));
                    }
                }
                section(ui, t.actors);
                for (actor, name) in actors(ctx) {
                    let mut on = filter.actors.contains(&actor);
                    if ui.checkbox(&mut on, name).clicked() {
                        actions.push(Action::ToggleActor(actor));
                    }
                }
            });
        });
    if active > 0 && ui.button(t.clear_filters).clicked() {
        actions.push(Action::ClearFilters);
    }
    actions
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(4.0);
    ui.label(RichText::new(title).strong());
}

/// Everyone who takes part in some event: states, organisations and people, by name.
fn actors(ctx: ViewCtx<'_>) -> Vec<(ActorFilter, String)> {
    let mut states: Vec<PlaceIdx> = Vec::new();
    let mut others: Vec<ActorIdx> = Vec::new();
    for event in &ctx.atlas.events {
        for p in &event.participants {
            match p.who {
                PartyRef::State(place) if !states.contains(&place) => states.push(place),
                PartyRef::Organisation(a) if !others.contains(&a) => others.push(a),
                _ => {}
            }
            for &person in &p.people {
                if !others.contains(&person) {
                    others.push(person);
                }
            }
        }
    }
    let mut out: Vec<(ActorFilter, String)> = states
        .into_iter()
        .map(|p| {
            (
                ActorFilter::State(p),
                ctx.atlas.place(p).name(ctx.lang).to_owned(),
            )
        })
        .chain(others.into_iter().map(|a| {
            let actor = ctx.atlas.actor(a);
            (
                ActorFilter::Actor(a),
                i18n::pick(ctx.lang, &actor.name_de, &actor.name_en).to_owned(),
            )
        }))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}
