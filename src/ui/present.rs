//! Presentation mode on screen: the caption and step counter over the full-screen map, in a
//! type size readable from the back of a room, and the presenter's window with the notes.

use egui::{Align2, Color32, Frame, Margin, RichText, Ui};

use crate::i18n::Lang;
use crate::model::Atlas;
use crate::model::tour::TourStep;
use crate::style;

/// What the audience sees of a step.
pub struct Slide<'a> {
    pub title: &'a str,
    pub caption: &'a str,
    /// An article passage shown under the caption: the quote and where it is from.
    pub passage: Option<(String, String)>,
    /// 1-based.
    pub number: usize,
    pub count: usize,
    /// Digits typed so far for a jump.
    pub digits: &'a str,
}

/// The caption box at the bottom of the map and the counter at the top right.
pub fn slide_ui(ui: &mut Ui, slide: &Slide<'_>) {
    let rect = ui.max_rect();
    let width = (rect.width() - 80.0).min(1100.0);
    egui::Area::new(egui::Id::unique("slide_caption"))
        .order(egui::Order::Foreground)
        .anchor(Align2::CENTER_BOTTOM, egui::vec2(0.0, -28.0))
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 238))
                .stroke(egui::Stroke::new(1.0, Color32::from_gray(190)))
                .corner_radius(8.0)
                .inner_margin(Margin::symmetric(24, 16))
                .show(ui, |ui| {
                    ui.set_width(width);
                    ui.label(
                        RichText::new(slide.caption)
                            .size(style::PRESENT_CAPTION_SIZE)
                            .color(style::LABEL_TEXT),
                    );
                    if let Some((quote, from)) = &slide.passage {
                        ui.add_space(6.0);
                        ui.label(
                            RichText::new(format!("„{quote}“"))
                                .italics()
                                .size(style::PRESENT_QUOTE_SIZE)
                                .color(style::MUTED_TEXT),
                        );
                        ui.label(RichText::new(from).size(16.0).color(style::MUTED_TEXT));
                    }
                });
        });
    egui::Area::new(egui::Id::unique("slide_counter"))
        .order(egui::Order::Foreground)
        .anchor(Align2::RIGHT_TOP, egui::vec2(-20.0, 16.0))
        .show(ui.ctx(), |ui| {
            Frame::new()
                .fill(Color32::from_rgba_unmultiplied(255, 255, 255, 230))
                .corner_radius(6.0)
                .inner_margin(Margin::symmetric(14, 8))
                .show(ui, |ui| {
                    let counter = if slide.digits.is_empty() {
                        format!("{} / {}", slide.number, slide.count)
                    } else {
                        format!("→ {}", slide.digits)
                    };
                    ui.label(
                        RichText::new(counter)
                            .size(style::PRESENT_COUNTER_SIZE)
                            .strong(),
                    );
                    ui.label(
                        RichText::new(slide.title)
                            .size(15.0)
                            .color(style::MUTED_TEXT),
                    );
                });
        });
}

/// The speaker's window: this step's caption and notes, and what comes next.
pub fn presenter_ui(
    ui: &mut Ui,
    lang: Lang,
    title: &str,
    number: usize,
    count: usize,
    current: Option<&TourStep>,
    next: Option<&TourStep>,
) {
    let t = lang.t();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.label(
            RichText::new(format!("{title} · {number} / {count}"))
                .strong()
                .size(18.0),
        );
        ui.separator();
        if let Some(step) = current {
            ui.label(RichText::new(step.caption(lang)).size(17.0));
            ui.add_space(6.0);
            ui.label(RichText::new(t.presenter_notes).strong());
            let notes = step.notes(lang);
            ui.label(RichText::new(if notes.is_empty() { "—" } else { notes }).size(16.0));
        }
        ui.separator();
        ui.label(RichText::new(t.next_step).strong());
        match next {
            Some(step) => ui.label(RichText::new(step.caption(lang)).color(style::MUTED_TEXT)),
            None => ui.label(RichText::new(t.last_step).color(style::MUTED_TEXT)),
        };
        ui.add_space(8.0);
        ui.label(
            RichText::new(t.present_keys)
                .small()
                .color(style::MUTED_TEXT),
        );
    });
}

/// The quote of a step's passage and where it is from, for the slide.
#[must_use]
pub fn passage_text(atlas: &Atlas, step: &TourStep, lang: Lang) -> Option<(String, String)> {
    let (article, range) = step.passage.as_ref()?;
    let a = atlas.article(*article);
    let quote = a.flow.text.get(range.clone())?.to_owned();
    Some((
        quote,
        format!(
            "{} · {}",
            a.title(lang),
            crate::i18n::byline(a, lang, false)
        ),
    ))
}
