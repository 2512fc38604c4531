//! The words of clean figures (the map as an image, a tour as a PDF handout): what the figure
//! itself says (legend, credits) and what the export dialog asks.

use super::{Lang, fluent};
use crate::tr;

fluent::strings! {
    /// The fixed strings of figures and their export.
    pub struct FigureStrings("fig-") {
        /// The legend's heading over the processes' colours.
        processes,
        /// A marker whose events belong to no process shown.
        other_places,
        /// What a circle means, in the venues map.
        marker_note,
        /// What a circle means, in the conflicts map.
        conflict_marker_note,
        /// A group of places drawn as one circle.
        group_note,
        /// The ring around the selected place.
        selected,
        /// Under the title when no event has a date.
        all_dates,
        /// Credit of the base map.
        credit_map,
        /// Credit of the gazetteer.
        credit_places,
        /// What made the figure.
        credit_app,
        /// The unit of the scale bar.
        km,
        /// The export dialog.
        export_title,
        export_prompt,
        format,
        format_png,
        format_svg,
        size_map,
        /// The tour handout.
        tour_pdf,
        tour_pdf_hint,
        tour_pdf_title,
        tour_pdf_prompt,
        writing,
    }
}

/// "Seite 2 von 12"
#[must_use]
pub fn page_of(page: usize, pages: usize, lang: Lang) -> String {
    tr!(lang, "page-of", page = page, pages = pages)
}

/// "Schritt 2 von 12"
#[must_use]
pub fn step_of(step: usize, steps: usize, lang: Lang) -> String {
    tr!(lang, "step-of", step = step, steps = steps)
}
