//! The form of an event being recorded from a passage (or edited): titles, date with how it was
//! found, kind, process (or a new one), places with the venue first, participants with roles,
//! and the source quote, which is the passage itself and cannot be edited.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::i18n;
use crate::library::record_event::EventDraft;
use crate::library::{ParticipantEntry, ProcessEntry};
use crate::model::{Date, EventKind, Role, When, WhenError};
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
    /// The date as typed (or its start, for a span).
    pub date: String,
    /// The end of a span as typed; empty for a single date.
    pub date_end: String,
    /// Whether the date is approximate.
    pub circa: bool,
    /// A new process being made here: its name and colour.
    pub new_process: Option<(String, [u8; 3])>,
}

impl EventForm {
    #[must_use]
    pub fn new(draft: EventDraft, lang: i18n::Lang) -> Self {
        let when = draft.entry.date;
        let date = match when.start {
            Date::Unknown => i18n::pick(lang, "unbekannt", "unknown").to_owned(),
            d => d.to_iso(),
        };
        Self {
            draft,
            date,
            date_end: when.end.map(Date::to_iso).unwrap_or_default(),
            circa: when.circa,
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
            let date = parse_when(&form.date, &form.date_end, form.circa).ok();
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
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut form.date).desired_width(120.0))
                        .labelled_by(label.id);
                    let end = ui.label(e.date_end);
                    ui.add(egui::TextEdit::singleline(&mut form.date_end).desired_width(120.0))
                        .labelled_by(end.id);
                    ui.checkbox(&mut form.circa, e.circa);
                });
                match parse_when(&form.date, &form.date_end, form.circa) {
                    Err(WhenError::Backwards(_)) => {
                        ui.label(RichText::new(e.date_backwards).color(style::PROBLEM_ERROR));
                    }
                    Err(_) => {
                        ui.label(
                            RichText::new(view.lang.lib().date_invalid).color(style::PROBLEM_ERROR),
                        );
                    }
                    Ok(when) => {
                        // What will be saved, in words: the check that "2017-01-23" and
                        // "2017-01-24" became the span the user meant.
                        ui.label(RichText::new(i18n::format_when(when, view.lang)).small());
                        if let Some(reason) = &form.draft.date_reason {
                            ui.label(RichText::new(reason).small().color(style::MUTED_TEXT));
                        }
                    }
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
/// The time as typed: a date (or "unknown"), an optional end, and "circa". An EDTF string typed
/// into the first field (`2017-01-23/2017-01-24`, `2020~`) is read as such.
///
/// # Errors
/// A field that is not a date, or an end before the start.
pub fn parse_when(date: &str, end: &str, circa: bool) -> Result<When, WhenError> {
    let unknown = || WhenError::Date(crate::model::DateError::Syntax(date.to_owned()));
    let end = end.trim();
    let mut when = if end.is_empty() {
        match crate::ui::add_article::parse_date(date) {
            Some(start) => When::at(start),
            None => When::parse(date).map_err(|e| match e {
                WhenError::Date(_) => unknown(),
                other => other,
            })?,
        }
    } else {
        let start = crate::ui::add_article::parse_date(date).ok_or_else(unknown)?;
        When::parse(&format!("{}/{end}", start.to_iso()))?
    };
    when.circa |= circa && when.start != Date::Unknown;
    Ok(when)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_make_a_date_a_span_or_an_approximate_date() {
        let edtf = |d: &str, e: &str, c: bool| parse_when(d, e, c).map(When::to_edtf);
        assert_eq!(edtf("2017-01-23", "", false).as_deref(), Ok("2017-01-23"));
        assert_eq!(
            edtf("2017-01-23", "2017-01-24", false).as_deref(),
            Ok("2017-01-23/2017-01-24")
        );
        assert_eq!(edtf("2020", "", true).as_deref(), Ok("2020~"));
        assert_eq!(edtf("unbekannt", "", true).as_deref(), Ok("unknown"));
        // EDTF typed into the first field is read as such.
        assert_eq!(
            edtf("2017-01-23/2017-01-24", "", false).as_deref(),
            Ok("2017-01-23/2017-01-24")
        );
        assert!(matches!(
            parse_when("2024-05", "2024-04-30", false),
            Err(WhenError::Backwards(_))
        ));
        assert!(parse_when("gestern", "", false).is_err());
        assert!(parse_when("2024", "bald", false).is_err());
    }
}
