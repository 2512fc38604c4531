//! What the app shows now, read by tests, benchmarks and other front ends.

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;

impl AtlasApp {
    /// Where `--screenshot` reports its outcome.
    #[must_use]
    pub fn screenshot_result(&self) -> Option<ScreenshotResult> {
        self.screenshot.as_ref().map(|job| Arc::clone(&job.result))
    }

    #[must_use]
    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    #[must_use]
    pub fn selected(&self) -> Option<PlaceIdx> {
        self.selected
    }

    #[must_use]
    pub fn reader(&self) -> Option<&ReaderState> {
        self.reader.as_ref()
    }

    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    #[must_use]
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The embedded base map's tiles: (on hand as textures, still being drawn); `None` before
    /// the first frame.
    #[must_use]
    pub fn basemap_tiles(&self) -> Option<(usize, usize)> {
        self.offline.as_ref().map(|o| (o.textures(), o.pending()))
    }

    /// Whether a source above the embedded map (online or a file) is in use.
    #[must_use]
    pub fn has_overlay_source(&self) -> bool {
        self.online.is_some()
    }

    /// How the online base map is doing (`None` when none is in use), as of the last frame.
    #[must_use]
    pub fn network_status(&self) -> Option<crate::basemap::online::NetStatus> {
        match &self.online {
            Some((_, crate::basemap::source::Overlay::Online(tiles))) => Some(tiles.status()),
            _ => None,
        }
    }

    /// Whether a flight is under way (the app repaints only then, or while the user drags).
    #[must_use]
    pub fn is_flying(&self) -> bool {
        self.flight.is_some()
    }

    /// The path suggested in the export dialog, while it is open.
    #[must_use]
    pub fn export_dialog_path(&self) -> Option<&str> {
        self.export_dialog.as_ref().map(|d| d.path.as_str())
    }

    /// What is remembered between runs.
    #[must_use]
    pub fn remembered(&self) -> &State {
        &self.state
    }

    /// Where the map is drawn, in points.
    #[must_use]
    pub fn map_rect(&self) -> egui::Rect {
        self.map_rect
    }

    /// Whether a point is on screen in the map's current view.
    #[must_use]
    pub fn in_view(&self, lat: f64, lon: f64) -> bool {
        let view = self.view();
        let (cx, cy) = crate::map::flight::mercator(view);
        let (x, y) = crate::map::flight::mercator(MapView {
            lat,
            lon,
            zoom: view.zoom,
        });
        (x - cx).abs() <= f64::from(self.map_rect.width()) / 2.0
            && (y - cy).abs() <= f64::from(self.map_rect.height()) / 2.0
    }

    /// The current map view.
    #[must_use]
    pub fn view(&self) -> MapView {
        current_view(&self.memory, self.state.view)
    }

    /// The events that pass the filters, in date order.
    #[must_use]
    pub fn visible_events(&self) -> &[EventIdx] {
        &self.visible
    }

    /// The places drawn as markers, with their counts.
    #[must_use]
    pub fn markers(&self) -> &[(PlaceIdx, usize)] {
        &self.markers
    }

    #[must_use]
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    #[must_use]
    pub fn selected_event(&self) -> Option<EventIdx> {
        self.selected_event
    }

    /// The lines on the map now.
    #[must_use]
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The tours.
    #[must_use]
    pub fn tours(&self) -> &[Tour] {
        &self.tours
    }

    /// The quiz under way, if any.
    #[must_use]
    pub fn quiz(&self) -> Option<&QuizState> {
        self.quiz.as_ref()
    }

    /// The presentation under way, if any.
    #[must_use]
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }
}
