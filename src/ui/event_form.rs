//! The form of an event being recorded from a passage (or edited): titles, date with how it was
//! found, kind, process (or a new one), places with the venue first, participants with roles,
//! and the source quote, which is the passage itself and cannot be edited.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::library::record_event::EventDraft;
use crate::library::{ParticipantEntry, ProcessEntry};
use crate::model::{Date, EventKind, Role};
use crate::style;

/// Roles in the order the role menus list them.
const ROLES: [Role; 6] = [
    Role::Host,
    Role::Mediator,
    Role::Party,
    Role::Guarantor,
    Role::Observer,
    Role::Participant,
];

/// The form's state while it is open.
#[derive(Debug, Clone, PartialEq)]
pub struct EventForm {
    pub draft: EventDraft,
    /// The date as typed.
    pub date: String,
    /// A new process being made here: its name and colour.
    pub new_process: Option<(String, [u8; 3])>,
}

impl EventForm {
    #[must_use]
    pub fn new(draft: EventDraft, lang: i18n::Lang) -> Self {
        let date = match draft.entry.date {
            Date::Unknown => i18n::pick(lang, "unbekannt", "unknown").to_owned(),
            d => d.to_iso(),
        };
        Self {
            draft,
            date,
            new_process: None,
        }
    }
}

/// Draws the form; returns what the user asked for.
pub fn event_form_ui(ctx: &egui::Context, view: ViewCtx<'_>, form: &mut EventForm) -> Vec<Action> {
    let e = view.lang.events();
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new(e.record_title)
        .id(egui::Id::unique("event_form"))
        .collapsible(false)
        .resizable(true)
        .default_width(520.0)
        .max_height(ctx.content_rect().height() - 60.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .open(&mut open)
        .show(ctx, |ui| {
            // The buttons first, so that they stay in view however long the form is.
            let date = crate::ui::add_article::parse_date(&form.date);
            ui.horizontal(|ui| {
                let ready = date.is_some() && !form.draft.entry.title_de.trim().is_empty();
                if ui.add_enabled(ready, egui::Button::new(e.save)).clicked()
                    && let Some(date) = date
                {
                    let mut entry = form.draft.entry.clone();
                    entry.date = date;
                    let process = form
                        .new_process
                        .as_ref()
                        .map(|(name, [r, g, b])| ProcessEntry {
                            id: entry.process.clone(),
                            name_de: name.trim().to_owned(),
                            name_en: String::new(),
                            color: format!("#{r:02x}{g:02x}{b:02x}"),
                        });
                    actions.push(Action::SaveEvent(Box::new(entry), process));
                }
                if ui.button(view.lang.t().cancel).clicked() {
                    actions.push(Action::CloseEventForm);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                fields_ui(ui, view, form);
            });
        });
    if !open {
        actions.push(Action::CloseEventForm);
    }
    actions
}

fn fields_ui(ui: &mut Ui, view: ViewCtx<'_>, form: &mut EventForm) {
    let e = view.lang.events();
    let atlas = view.atlas;
    let entry = &mut form.draft.entry;
    egui::Grid::new("event_form_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label(e.title_de);
            ui.add(egui::TextEdit::singleline(&mut entry.title_de).desired_width(360.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(e.title_en);
            ui.add(egui::TextEdit::singleline(&mut entry.title_en).desired_width(360.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(e.date);
            ui.vertical(|ui| {
                ui.add(egui::TextEdit::singleline(&mut form.date).desired_width(140.0))
                    .labelled_by(label.id);
                if crate::ui::add_article::parse_date(&form.date).is_none() {
                    ui.label(
                        RichText::new(view.lang.lib().date_invalid).color(style::PROBLEM_ERROR),
                    );
                } else if let Some(reason) = &form.draft.date_reason {
                    ui.label(RichText::new(reason).small().color(style::MUTED_TEXT));
                }
            });
            ui.end_row();
            ui.label(e.kind);
            egui::ComboBox::from_id_salt("event_kind")
                .selected_text(i18n::event_kind(entry.kind, view.lang))
                .show_ui(ui, |ui| {
                    for kind in EventKind::ALL {
                        ui.selectable_value(
                            &mut entry.kind,
                            kind,
                            i18n::event_kind(kind, view.lang),
                        );
                    }
                })
                .response
                .accessible_name(e.kind);
            ui.end_row();
            ui.label(e.process);
            ui.vertical(|ui| {
                let current = atlas
                    .process_by_id(&entry.process)
                    .map(|p| {
                        i18n::pick(
                            view.lang,
                            &atlas.process(p).name_de,
                            &atlas.process(p).name_en,
                        )
                        .to_owned()
                    })
                    .or_else(|| form.new_process.as_ref().map(|(n, _)| n.clone()))
                    .unwrap_or_else(|| e.no_process.to_owned());
                egui::ComboBox::from_id_salt("event_process")
                    .selected_text(current)
                    .width(300.0)
                    .show_ui(ui, |ui| {
                        if ui
                            .selectable_label(entry.process.is_empty(), e.no_process)
                            .clicked()
                        {
                            entry.process.clear();
                            form.new_process = None;
                        }
                        for p in &atlas.processes {
                            let name = i18n::pick(view.lang, &p.name_de, &p.name_en);
                            if ui.selectable_label(entry.process == p.id, name).clicked() {
                                entry.process.clone_from(&p.id);
                                form.new_process = None;
                            }
                        }
                        if ui
                            .selectable_label(form.new_process.is_some(), e.new_process)
                            .clicked()
                        {
                            form.new_process = Some((String::new(), [0x2A, 0x5C, 0x8A]));
                        }
                    })
                    .response
                    .accessible_name(e.process);
                if let Some((name, colour)) = &mut form.new_process {
                    ui.horizontal(|ui| {
                        let label = ui.label(e.process_name);
                        ui.add(egui::TextEdit::singleline(name).desired_width(200.0))
                            .labelled_by(label.id);
                        ui.color_edit_button_srgb(colour);
                    });
                    let slug: String = crate::gazetteer::fold(name)
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                        .collect();
                    entry.process = format!("user-{}", slug.trim_matches('-'));
                }
            });
            ui.end_row();
        });
    ui.add_space(4.0);
    ui.label(RichText::new(e.places).strong());
    let mut remove = None;
    let mut first = None;
    for (i, id) in entry.places.iter().enumerate() {
        ui.horizontal(|ui| {
            let name = atlas
                .place_by_id(id)
                .map_or(id.as_str(), |p| atlas.place(p).name(view.lang));
            ui.label(if i == 0 {
                RichText::new(format!("{name} ({})", e.venue)).strong()
            } else {
                RichText::new(name)
            });
            if i > 0 && ui.small_button("↑").on_hover_text(e.make_venue).clicked() {
                first = Some(i);
            }
            if ui
                .small_button("✖")
                .on_hover_text(view.lang.lib().remove)
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = first {
        let id = entry.places.remove(i);
        entry.places.insert(0, id);
    }
    if let Some(i) = remove {
        entry.places.remove(i);
    }
    ui.label(RichText::new(e.participants).strong());
    participants_ui(ui, view, &mut entry.participants);
    ui.label(RichText::new(e.quote).strong());
    for s in &entry.sources {
        egui::Frame::new()
            .fill(style::QUOTE_BG)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.label(RichText::new(format!("„{}“", s.quote)).italics());
            });
    }
}

fn participants_ui(ui: &mut Ui, view: ViewCtx<'_>, participants: &mut Vec<ParticipantEntry>) {
    let atlas = view.atlas;
    let mut remove = None;
    for (i, p) in participants.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let name = atlas
                .place_by_id(&p.who)
                .map(|place| atlas.place(place).name(view.lang).to_owned())
                .or_else(|| {
                    atlas
                        .actors
                        .iter()
                        .find(|a| a.id == p.who)
                        .map(|a| i18n::pick(view.lang, &a.name_de, &a.name_en).to_owned())
                })
                .unwrap_or_else(|| p.who.clone());
            let label = ui.label(name);
            egui::ComboBox::from_id_salt(("role", i))
                .selected_text(i18n::role(p.role, view.lang))
                .show_ui(ui, |ui| {
                    for role in ROLES {
                        ui.selectable_value(&mut p.role, role, i18n::role(role, view.lang));
                    }
                })
                .response
                .labelled_by(label.id);
            if ui
                .small_button("✖")
                .on_hover_text(view.lang.lib().remove)
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        participants.remove(i);
    }
}
