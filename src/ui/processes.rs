//! The peace processes: a list, and one process's events in order to step through; a step
//! selects the event, and the map flies to it.

use egui::{RichText, ScrollArea, Ui};

use super::event_panel::event_detail_ui;
use super::{Action, ViewCtx};
use crate::i18n;
use crate::model::{EventIdx, ProcessIdx};
use crate::style;

/// The list of processes with their number of events (those passing the filters).
pub fn process_list_ui(ui: &mut Ui, ctx: ViewCtx<'_>, visible: &[EventIdx]) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    ui.label(RichText::new(t.processes).strong());
    for (i, process) in ctx.atlas.processes.iter().enumerate() {
        let idx = ProcessIdx::from_index(i);
        let n = visible
            .iter()
            .filter(|&&e| ctx.atlas.event(e).process == Some(idx))
            .count();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("●").color(style::rgb(process.color)));
            let name = i18n::pick(ctx.lang, &process.name_de, &process.name_en);
            let text = format!("{name} · {}", i18n::count_events(n, ctx.lang));
            if ui.link(text).clicked() {
                actions.push(Action::ShowProcess(Some(idx)));
            }
        });
    }
    actions
}

/// The events of a process, in date order, with Previous/Next stepping through them.
pub fn process_panel_ui(
    ui: &mut Ui,
    ctx: ViewCtx<'_>,
    process: ProcessIdx,
    visible: &[EventIdx],
    selected_event: Option<EventIdx>,
) -> Vec<Action> {
    let t = ctx.lang.t();
    let mut actions = Vec::new();
    let p = ctx.atlas.process(process);
    // The process's events among those passing the filters (already in date order).
    let events: Vec<EventIdx> = visible
        .iter()
        .copied()
        .filter(|&e| ctx.atlas.event(e).process == Some(process))
        .collect();
    ui.horizontal(|ui| {
        if ui.button(t.back_to_place).clicked() {
            actions.push(Action::ShowProcess(None));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("✖").on_hover_text(t.close).clicked() {
                actions.push(Action::ClearSelection);
            }
        });
    });
    ui.horizontal(|ui| {
        ui.label(RichText::new("●").size(20.0).color(style::rgb(p.color)));
        ui.heading(i18n::pick(ctx.lang, &p.name_de, &p.name_en));
    });
    let position = selected_event.and_then(|s| events.iter().position(|&e| e == s));
    ui.horizontal(|ui| {
        let prev = match position {
            Some(i) => i.checked_sub(1).map(|j| events[j]),
            None => None,
        };
        let next = match position {
            Some(i) => events.get(i + 1).copied(),
            None => events.first().copied(),
        };
        if ui
            .add_enabled(prev.is_some(), egui::Button::new(t.step_prev))
            .clicked()
            && let Some(e) = prev
        {
            actions.push(Action::SelectEvent(e));
        }
        ui.label(
            RichText::new(format!(
                "{} / {}",
                position.map_or(0, |i| i + 1),
                events.len()
            ))
            .strong(),
        );
        if ui
            .add_enabled(next.is_some(), egui::Button::new(t.step_next))
            .clicked()
            && let Some(e) = next
        {
            actions.push(Action::SelectEvent(e));
        }
    });
    ui.separator();
    if events.is_empty() {
        ui.label(RichText::new(t.no_events_in_filter).color(style::MUTED_TEXT));
        return actions;
    }
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            crate::ui::focus_into_view(ui);
            for &e in &events {
                let event = ctx.atlas.event(e);
                let current = selected_event == Some(e);
                let text = format!(
                    "{} · {}",
                    i18n::format_when(event.when, ctx.lang),
                    event.title(ctx.lang)
                );
                let response = ui.selectable_label(current, text);
                if current {
                    // Scroll to a newly selected step once; scrolling every frame would keep
                    // the app repainting.
                    let key = egui::Id::unique("process_scrolled_to");
                    if ui.data(|d| d.get_temp::<EventIdx>(key)) != Some(e) {
                        response.scroll_to_me(Some(egui::Align::Center));
                        ui.data_mut(|d| d.insert_temp(key, e));
                    }
                    egui::Frame::new()
                        .inner_margin(egui::Margin {
                            left: 14,
                            ..Default::default()
                        })
                        .show(ui, |ui| event_detail_ui(ui, ctx, e, &mut actions));
                } else if response.clicked() {
                    actions.push(Action::SelectEvent(e));
                }
            }
        });
    actions
}
