//! The words of clean figures (the map as an image, a tour as a PDF handout): what the figure
//! itself says (legend, credits) and what the export dialog asks.

use super::Lang;

/// The fixed strings of figures and their export.
#[allow(clippy::struct_field_names)] // The names mirror what each string is for.
pub struct FigureStrings {
    /// The legend's heading over the processes' colours.
    pub processes: &'static str,
    /// A marker whose events belong to no process shown.
    pub other_places: &'static str,
    /// What a circle means, in the venues map.
    pub marker_note: &'static str,
    /// What a circle means, in the conflicts map.
    pub conflict_marker_note: &'static str,
    /// A group of places drawn as one circle.
    pub group_note: &'static str,
    /// The ring around the selected place.
    pub selected: &'static str,
    /// Under the title when no event has a date.
    pub all_dates: &'static str,
    /// Credit of the base map.
    pub credit_map: &'static str,
    /// Credit of the gazetteer.
    pub credit_places: &'static str,
    /// What made the figure.
    pub credit_app: &'static str,
    /// The unit of the scale bar.
    pub km: &'static str,
    /// The export dialog.
    pub export_title: &'static str,
    pub export_prompt: &'static str,
    pub format: &'static str,
    pub format_png: &'static str,
    pub format_svg: &'static str,
    pub size_map: &'static str,
    /// The tour handout.
    pub tour_pdf: &'static str,
    pub tour_pdf_hint: &'static str,
    pub tour_pdf_title: &'static str,
    pub tour_pdf_prompt: &'static str,
    pub writing: &'static str,
}

pub(super) const DE: FigureStrings = FigureStrings {
    processes: "Prozesse",
    other_places: "andere Orte",
    marker_note: "Kreis: Ort von Ereignissen (Größe: Anzahl)",
    conflict_marker_note: "Kreis: Konfliktregion (Größe: Anzahl der Gespräche)",
    group_note: "Zahl im Kreis: mehrere Orte",
    selected: "ausgewählter Ort",
    all_dates: "alle Zeiträume",
    credit_map: "Karte: Natural Earth (gemeinfrei)",
    credit_places: "Orte: GeoNames (www.geonames.org), CC BY 4.0",
    credit_app: "Mediation Atlas",
    km: "km",
    export_title: "Karte als Abbildung exportieren",
    export_prompt: "Datei (nur die Karte, mit Titel, Zeitraum, Legende, Maßstab und Nachweisen):",
    format: "Format:",
    format_png: "PNG (Bild)",
    format_svg: "SVG (Vektor, für den Druck)",
    size_map: "wie die Karte",
    tour_pdf: "Tour als PDF-Handout …",
    tour_pdf_hint: "Eine A4-Seite je Schritt: die Karte, die Bildunterschrift und das Zitat mit Quelle.",
    tour_pdf_title: "Tour als PDF-Handout speichern",
    tour_pdf_prompt: "Datei (PDF, eine Seite je Schritt):",
    writing: "Wird geschrieben …",
};

pub(super) const EN: FigureStrings = FigureStrings {
    processes: "Processes",
    other_places: "other places",
    marker_note: "Circle: where events took place (size: how many)",
    conflict_marker_note: "Circle: a conflict region (size: how many talks)",
    group_note: "Number in a circle: several places",
    selected: "selected place",
    all_dates: "all dates",
    credit_map: "Map: Natural Earth (public domain)",
    credit_places: "Places: GeoNames (www.geonames.org), CC BY 4.0",
    credit_app: "Mediation Atlas",
    km: "km",
    export_title: "Export the map as a figure",
    export_prompt: "File (the map only, with title, dates, legend, scale and credits):",
    format: "Format:",
    format_png: "PNG (image)",
    format_svg: "SVG (vector, for print)",
    size_map: "as the map",
    tour_pdf: "Tour as PDF handout …",
    tour_pdf_hint: "One A4 page per step: the map, the caption and the quote with its source.",
    tour_pdf_title: "Save the tour as a PDF handout",
    tour_pdf_prompt: "File (PDF, one page per step):",
    writing: "Writing …",
};

/// "Seite 2 von 12"
#[must_use]
pub fn page_of(page: usize, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Seite {page} von {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// "Schritt 2 von 12"
#[must_use]
pub fn step_of(step: usize, steps: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Schritt {step} von {steps}"),
        Lang::En => format!("Step {step} of {steps}"),
    }
}
