//! The words of making tours in the app.

use super::Lang;

/// The fixed strings of the tour editor.
#[allow(clippy::struct_field_names)] // The names mirror what each string is for.
pub struct TourStrings {
    pub add_step: &'static str,
    pub add_step_hint: &'static str,
    pub editor: &'static str,
    pub title_de: &'static str,
    pub title_en: &'static str,
    pub step: &'static str,
    pub caption_de: &'static str,
    pub caption_en: &'static str,
    pub notes_de: &'static str,
    pub notes_en: &'static str,
    pub notes: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub delete_step: &'static str,
    pub present_from: &'static str,
    pub save: &'static str,
    pub close: &'static str,
    pub delete_tour: &'static str,
    pub saved: &'static str,
    pub edit: &'static str,
    pub unsaved: &'static str,
    pub all_saved: &'static str,
    pub drag_hint: &'static str,
    pub preview: &'static str,
    pub preview_hint: &'static str,
    pub no_passage: &'static str,
    pub pick_passage: &'static str,
    pub clear_passage: &'static str,
    pub pick_passage_hint: &'static str,
    pub take_passage: &'static str,
    pub other_article: &'static str,
    pub new_tour: &'static str,
    pub new_tour_hint: &'static str,
    pub new_tour_notice: &'static str,
}

pub(super) const DE: TourStrings = TourStrings {
    add_step: "+ Als Schritt aufnehmen",
    add_step_hint: "Nimmt die Ansicht, den Zeitraum, die Auswahl und die markierte Textstelle als Schritt Ihrer Tour auf.",
    editor: "Tour bearbeiten",
    title_de: "Titel (deutsch)",
    title_en: "Titel (englisch)",
    step: "Schritt",
    caption_de: "Bildunterschrift (deutsch)",
    caption_en: "Bildunterschrift (englisch)",
    notes_de: "Notizen für Vortragende (deutsch)",
    notes_en: "Notizen für Vortragende (englisch)",
    notes: "Notizen für Vortragende",
    up: "Nach oben",
    down: "Nach unten",
    delete_step: "Schritt entfernen",
    present_from: "▶ Ab hier vorführen",
    save: "Speichern",
    close: "Schließen",
    delete_tour: "Tour löschen",
    saved: "Tour gespeichert.",
    edit: "Bearbeiten …",
    unsaved: "Wird gespeichert, sobald Sie das Feld verlassen.",
    all_saved: "Alle Änderungen sind gespeichert (Strg+Z macht sie rückgängig).",
    drag_hint: "Ziehen, um den Schritt an eine andere Stelle zu setzen.",
    preview: "Vorschau",
    preview_hint: "Zeigt den Schritt auf der Karte, ohne die Vorführung zu starten.",
    no_passage: "Keine Textstelle.",
    pick_passage: "Textstelle wählen …",
    clear_passage: "Textstelle entfernen",
    pick_passage_hint: "Öffnen Sie einen Artikel, markieren Sie die Stelle mit der Maus und übernehmen Sie sie.",
    take_passage: "Übernehmen",
    other_article: "Anderer Artikel",
    new_tour: "+ Neue Tour",
    new_tour_hint: "Der nächste aufgenommene Schritt beginnt eine neue Tour.",
    new_tour_notice: "Neue Tour: Wählen Sie eine Ansicht und nehmen Sie sie mit „+ Als Schritt aufnehmen“ auf.",
};

pub(super) const EN: TourStrings = TourStrings {
    add_step: "+ Add as step",
    add_step_hint: "Records the view, the time range, the selection and the selected passage as a step of your tour.",
    editor: "Edit the tour",
    title_de: "Title (German)",
    title_en: "Title (English)",
    step: "Step",
    caption_de: "Caption (German)",
    caption_en: "Caption (English)",
    notes_de: "Presenter notes (German)",
    notes_en: "Presenter notes (English)",
    notes: "Presenter notes",
    up: "Up",
    down: "Down",
    delete_step: "Remove the step",
    present_from: "▶ Present from here",
    save: "Save",
    close: "Close",
    delete_tour: "Delete the tour",
    saved: "Tour saved.",
    edit: "Edit …",
    unsaved: "Saved as soon as you leave the field.",
    all_saved: "Every change is saved (Ctrl+Z undoes it).",
    drag_hint: "Drag to put the step somewhere else.",
    preview: "Preview",
    preview_hint: "Shows the step on the map without starting the presentation.",
    no_passage: "No passage.",
    pick_passage: "Choose a passage …",
    clear_passage: "Remove the passage",
    pick_passage_hint: "Open an article, select the passage with the mouse and take it.",
    take_passage: "Take it",
    other_article: "Another article",
    new_tour: "+ New tour",
    new_tour_hint: "The next step you record begins a new tour.",
    new_tour_notice: "New tour: choose a view and record it with “+ Add as step”.",
};

/// "Textstelle für Schritt 2 wählen"
#[must_use]
pub fn pick_passage_for(step: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Textstelle für Schritt {step} wählen"),
        Lang::En => format!("Choose the passage of step {step}"),
    }
}

/// "Schritt 3 aufgenommen."
#[must_use]
pub fn step_added(count: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Schritt {count} aufgenommen."),
        Lang::En => format!("Step {count} added."),
    }
}
