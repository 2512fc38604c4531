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
    up: "Nach oben",
    down: "Nach unten",
    delete_step: "Schritt entfernen",
    present_from: "▶ Ab hier vorführen",
    save: "Speichern",
    close: "Schließen",
    delete_tour: "Tour löschen",
    saved: "Tour gespeichert.",
    edit: "Bearbeiten …",
    unsaved: "Ungespeicherte Änderungen",
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
    up: "Up",
    down: "Down",
    delete_step: "Remove the step",
    present_from: "▶ Present from here",
    save: "Save",
    close: "Close",
    delete_tour: "Delete the tour",
    saved: "Tour saved.",
    edit: "Edit …",
    unsaved: "Unsaved changes",
};

/// "Schritt 3 aufgenommen."
#[must_use]
pub fn step_added(count: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Schritt {count} aufgenommen."),
        Lang::En => format!("Step {count} added."),
    }
}
