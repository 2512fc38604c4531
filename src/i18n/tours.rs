//! The words of making tours in the app.

use super::{Lang, fluent};
use crate::tr;

fluent::strings! {
    /// The fixed strings of the tour editor.
    pub struct TourStrings("tour-") {
        add_step,
        add_step_hint,
        editor,
        title_de,
        title_en,
        step,
        caption_de,
        caption_en,
        notes_de,
        notes_en,
        notes,
        up,
        down,
        delete_step,
        present_from,
        save,
        close,
        delete_tour,
        saved,
        edit,
        unsaved,
        all_saved,
        drag_hint,
        preview,
        preview_hint,
        no_passage,
        pick_passage,
        clear_passage,
        pick_passage_hint,
        take_passage,
        other_article,
        new_tour,
        new_tour_hint,
        new_tour_notice,
    }
}

/// "Textstelle für Schritt 2 wählen"
#[must_use]
pub fn pick_passage_for(step: usize, lang: Lang) -> String {
    tr!(lang, "pick-passage-for", step = step)
}

/// "Schritt 3 aufgenommen."
#[must_use]
pub fn step_added(count: usize, lang: Lang) -> String {
    tr!(lang, "step-added", n = count)
}
