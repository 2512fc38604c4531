//! Guided tours: ordered steps through the atlas, each with a map view, a time range, what is
//! selected and highlighted, a caption for the audience and notes for the speaker.

use std::ops::Range;

use super::filter::Day;
use super::{ArticleIdx, EventIdx, PlaceIdx};
use crate::i18n::{Lang, pick};

/// Where the map goes for a step.
#[derive(Debug, Clone, PartialEq)]
pub enum StepView {
    /// Centre on a place (at the zoom its kind calls for).
    Place(PlaceIdx),
    /// Fit all places of these events (venues, conflict regions, participants' capitals).
    FitEvents(Vec<EventIdx>),
    /// An explicit centre and zoom.
    At { lat: f64, lon: f64, zoom: f64 },
}

/// One step of a tour.
#[derive(Debug, Clone, PartialEq)]
pub struct TourStep {
    pub view: StepView,
    /// The timeline range (first and last day), if the step sets one; `None` shows all.
    pub range: Option<(Day, Day)>,
    pub select_place: Option<PlaceIdx>,
    pub select_event: Option<EventIdx>,
    /// Events whose lines are drawn (besides the selected event's).
    pub highlight: Vec<EventIdx>,
    /// An article passage shown with the caption: the article and the quote's range in its
    /// reflowed text.
    pub passage: Option<(ArticleIdx, Range<usize>)>,
    pub caption_de: String,
    pub caption_en: String,
    /// For the speaker only (the presenter window), never on the shared screen.
    pub notes_de: String,
    pub notes_en: String,
    /// 1-based line of the step in its file, for messages.
    pub line: usize,
}

impl TourStep {
    #[must_use]
    pub fn caption(&self, lang: Lang) -> &str {
        pick(lang, &self.caption_de, &self.caption_en)
    }

    #[must_use]
    pub fn notes(&self, lang: Lang) -> &str {
        pick(lang, &self.notes_de, &self.notes_en)
    }
}

/// A tour: a file in `data/tours/`.
#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    pub id: String,
    /// The file it came from (for messages).
    pub file: String,
    pub title_de: String,
    pub title_en: String,
    pub steps: Vec<TourStep>,
}

impl Tour {
    /// Points every event of the tour at its place in a rebuilt atlas (`map` gives the new index
    /// of an old one, or `None` if the event is gone: it is then dropped from the step).
    pub fn remap_events(&mut self, map: impl Fn(EventIdx) -> Option<EventIdx>) {
        for step in &mut self.steps {
            step.select_event = step.select_event.and_then(&map);
            step.highlight = step.highlight.iter().filter_map(|&e| map(e)).collect();
            if let StepView::FitEvents(events) = &mut step.view {
                *events = events.iter().filter_map(|&e| map(e)).collect();
            }
        }
    }
}

impl Tour {
    #[must_use]
    pub fn title(&self, lang: Lang) -> &str {
        pick(lang, &self.title_de, &self.title_en)
    }
}
