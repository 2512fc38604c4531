//! The "add article" dialog: open files, paste text, then confirm each article's title, source,
//! author, date and language, prefilled from what the file says.

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::ingest::import::{Imported, Language};
use crate::library::intake::ArticleMeta;
use crate::model::Date;
use crate::style;

/// A file read and waiting for the user's confirmation.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The file's name ("" for pasted text).
    pub name: String,
    pub imported: Imported,
}

/// The editable fields of the draft on show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetaFields {
    pub title: String,
    pub source: String,
    pub author: String,
    pub date: String,
    pub language: String,
}

impl MetaFields {
    /// The fields as the import prefilled them.
    #[must_use]
    pub fn of(draft: &Draft, lang: crate::i18n::Lang) -> Self {
        let meta = crate::library::intake::meta_of(&draft.imported, &draft.name);
        Self {
            title: meta.title,
            source: meta.source,
            author: meta.author,
            date: draft
                .imported
                .date
                .clone()
                .unwrap_or_else(|| crate::i18n::pick(lang, "unbekannt", "unknown").to_owned()),
            language: match draft.imported.language {
                Language::En => "en".to_owned(),
                _ => "de".to_owned(),
            },
        }
    }
}

/// What the dialog shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AddMode {
    /// Buttons to open a file or paste, and a path field.
    #[default]
    Choose,
    /// A text area to paste into.
    Paste,
}

/// The dialog's state while it is open.
#[derive(Debug, Clone, Default)]
pub struct AddForm {
    pub mode: AddMode,
    pub path: String,
    pub pasted: String,
    /// Files read, first on show.
    pub drafts: Vec<Draft>,
    /// How many drafts there were in this batch (for "file 2 of 3").
    pub total: usize,
    pub fields: MetaFields,
    /// Messages about files that could not be read (shown in the dialog too).
    pub errors: Vec<String>,
    /// Waiting for the gazetteer to link the confirmed draft.
    pub waiting: bool,
    /// The interface language the fields were filled in ("unbekannt" or "unknown").
    pub lang: crate::i18n::Lang,
}

impl AddForm {
    /// Puts newly read drafts at the end; the first one's fields are shown.
    pub fn push(&mut self, drafts: Vec<Draft>, lang: crate::i18n::Lang) {
        let was_empty = self.drafts.is_empty();
        self.total += drafts.len();
        self.drafts.extend(drafts);
        if was_empty && let Some(first) = self.drafts.first() {
            self.fields = MetaFields::of(first, lang);
        }
        self.lang = lang;
    }

    /// Drops the first draft and shows the next.
    pub fn next(&mut self) {
        if !self.drafts.is_empty() {
            self.drafts.remove(0);
        }
        self.waiting = false;
        if let Some(d) = self.drafts.first() {
            self.fields = MetaFields::of(d, self.lang);
        } else {
            self.total = 0;
            self.fields = MetaFields::default();
        }
    }
}

/// Draws the dialog; returns what the user asked for.
pub fn add_article_ui(ctx: &egui::Context, view: ViewCtx<'_>, form: &mut AddForm) -> Vec<Action> {
    let l = view.lang.lib();
    let mut actions = Vec::new();
    let mut open = true;
    egui::Window::new(l.add_title)
        .id(egui::Id::unique("add_article"))
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .max_height(ctx.content_rect().height() - 80.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .open(&mut open)
        .show(ctx, |ui| {
            for e in &form.errors {
                ui.label(RichText::new(e).color(style::PROBLEM_ERROR));
            }
            if form.drafts.is_empty() {
                choose_ui(ui, view, form, &mut actions);
            } else {
                draft_ui(ui, view, form, &mut actions);
            }
            ui.add_space(6.0);
            ui.label(
                RichText::new(l.gazetteer_credit)
                    .small()
                    .color(style::MUTED_TEXT),
            );
        });
    if !open {
        actions.push(Action::CloseAddArticle);
    }
    actions
}

fn choose_ui(ui: &mut Ui, view: ViewCtx<'_>, form: &mut AddForm, actions: &mut Vec<Action>) {
    let l = view.lang.lib();
    ui.horizontal(|ui| {
        if ui.button(l.open_file).clicked() {
            actions.push(Action::PickArticleFiles);
        }
        if ui
            .selectable_label(form.mode == AddMode::Paste, l.paste)
            .clicked()
        {
            form.mode = AddMode::Paste;
        }
    });
    ui.label(RichText::new(l.drop_hint).color(style::MUTED_TEXT));
    ui.add_space(6.0);
    if form.mode == AddMode::Paste {
        let label = ui.label(l.paste_hint);
        let edit = ui
            .add(
                egui::TextEdit::multiline(&mut form.pasted)
                    .desired_rows(10)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if form.pasted.is_empty() && !edit.has_focus() {
            edit.request_focus();
        }
        if ui
            .add_enabled(!form.pasted.trim().is_empty(), egui::Button::new(l.next))
            .clicked()
        {
            actions.push(Action::ImportPasted(std::mem::take(&mut form.pasted)));
        }
    } else {
        let label = ui.label(l.path_prompt);
        ui.horizontal(|ui| {
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut form.path)
                        .desired_width(400.0)
                        .hint_text("/home/…/artikel.pdf"),
                )
                .labelled_by(label.id);
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ok = ui
                .add_enabled(!form.path.trim().is_empty(), egui::Button::new(l.next))
                .clicked();
            if (ok || entered) && !form.path.trim().is_empty() {
                actions.push(Action::ImportFiles(vec![std::path::PathBuf::from(
                    form.path.trim(),
                )]));
            }
        });
    }
}

fn draft_ui(ui: &mut Ui, view: ViewCtx<'_>, form: &mut AddForm, actions: &mut Vec<Action>) {
    let l = view.lang.lib();
    let Some(draft) = form.drafts.first() else {
        return;
    };
    if form.total > 1 {
        let done = form.total - form.drafts.len() + 1;
        ui.label(RichText::new(crate::i18n::draft_of(done, form.total, view.lang)).strong());
    }
    if !draft.name.is_empty() {
        ui.label(RichText::new(&draft.name).color(style::MUTED_TEXT));
    }
    for note in &draft.imported.notes {
        if let Some(text) = crate::i18n::import_note(note, view.lang) {
            ui.label(RichText::new(format!("ℹ {text}")).small());
        }
    }
    let date = parse_date(&form.fields.date);
    egui::Grid::new("add_article_fields")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let field = |ui: &mut Ui, label: &str, value: &mut String| {
                let label = ui.label(label);
                ui.add(egui::TextEdit::singleline(value).desired_width(380.0))
                    .labelled_by(label.id);
                ui.end_row();
            };
            field(ui, l.title, &mut form.fields.title);
            field(ui, l.source, &mut form.fields.source);
            field(ui, l.author, &mut form.fields.author);
            let label = ui.label(l.date);
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut form.fields.date)
                        .desired_width(130.0)
                        .hint_text(l.date_hint),
                )
                .labelled_by(label.id);
                if date.is_none() {
                    ui.label(RichText::new(l.date_invalid).color(style::PROBLEM_ERROR));
                } else {
                    ui.label(RichText::new(l.date_hint).small().color(style::MUTED_TEXT));
                }
            });
            ui.end_row();
            ui.label(l.language);
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.fields.language, "de".to_owned(), l.german);
                ui.radio_value(&mut form.fields.language, "en".to_owned(), l.english);
            });
            ui.end_row();
        });
    ui.add_space(4.0);
    ui.label(RichText::new(l.preview).small().strong());
    let preview: String = draft.imported.text.chars().take(400).collect();
    egui::Frame::new()
        .fill(style::QUOTE_BG)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.label(RichText::new(format!("{preview} …")).small());
        });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        let ready = date.is_some() && !form.fields.title.trim().is_empty() && !form.waiting;
        if ui.add_enabled(ready, egui::Button::new(l.add)).clicked()
            && let Some(date) = date
        {
            actions.push(Action::AddDraft(ArticleMeta {
                title: form.fields.title.trim().to_owned(),
                source: form.fields.source.trim().to_owned(),
                author: form.fields.author.trim().to_owned(),
                date,
                language: form.fields.language.clone(),
                format: crate::library::intake::format_name(draft.imported.format).to_owned(),
                original: draft.name.clone(),
            }));
        }
        if ui.button(l.skip).clicked() {
            actions.push(Action::SkipDraft);
        }
        if form.waiting {
            ui.spinner();
            ui.label(l.loading_gazetteer);
        }
    });
}

/// The date as typed: ISO with the precision given, or "unknown"/"unbekannt" (or nothing).
pub fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("unbekannt") || t.eq_ignore_ascii_case("unknown") {
        return Some(Date::Unknown);
    }
    Date::parse(t).ok()
}
