//! What a figure shows: the view, the filter, the selection and the language — the same
//! things the map on screen is made of, described without a window.

use crate::i18n::Lang;
use crate::map::MapView;
use crate::map::flight::select_zoom;
use crate::map::lines::{Focus, GeometryCache, lines_for};
use crate::model::filter::Filter;
use crate::model::tour::{StepView, Tour};
use crate::model::{Atlas, EventIdx, PlaceIdx};

/// The map of the app's opening window (1280×800, less the side panel) in points: what a view
/// given without a window (`--view`, the overview) is taken to have been seen in.
pub const LAPTOP_MAP: (f32, f32) = (880.0, 640.0);

/// Where presentation mode fits a step's places on a 1280×720 projector: the band between the
/// step counter and the caption (see `app::present`).
pub const SLIDE_MAP: (f32, f32) = (1280.0, 395.0);

/// Which part of the world a figure frames.
#[derive(Debug, Clone, PartialEq)]
pub enum Framing {
    /// A view as it was seen in a map of `seen_at` points (the window's map): the figure
    /// shows at least the same area, whatever its own size.
    View { view: MapView, seen_at: (f32, f32) },
    /// All these points (lat, lon) in view, no closer than `max_zoom` would be in a map of
    /// `seen_at` points (so that a single place shows as much around it as on screen).
    Fit {
        points: Vec<(f64, f64)>,
        max_zoom: f64,
        seen_at: (f32, f32),
    },
}

/// Everything a figure is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureSpec {
    pub framing: Framing,
    /// Which events are shown (time range, processes, kinds, actors).
    pub filter: Filter,
    /// The map of conflicts (markers at conflict regions, lines from talks to them) instead
    /// of the venues.
    pub conflicts: bool,
    pub selected_place: Option<PlaceIdx>,
    pub selected_event: Option<EventIdx>,
    /// Events whose lines are drawn at full strength (a tour step's).
    pub highlight: Vec<EventIdx>,
    pub lang: Lang,
    /// The title; by default the selected event or place, else the atlas's title.
    pub title: Option<String>,
}

impl FigureSpec {
    /// The opening view of the app: the whole region, every event, nothing selected.
    #[must_use]
    pub fn overview(lang: Lang) -> Self {
        Self {
            framing: Framing::View {
                view: MapView::REGION,
                seen_at: LAPTOP_MAP,
            },
            filter: Filter::default(),
            conflicts: false,
            selected_place: None,
            selected_event: None,
            highlight: Vec::new(),
            lang,
            title: None,
        }
    }

    /// A place selected as a click on its marker selects it: the place and the other ends of
    /// its lines in view.
    #[must_use]
    pub fn place(atlas: &Atlas, place: PlaceIdx, lang: Lang) -> Self {
        let mut spec = Self::overview(lang);
        spec.selected_place = Some(place);
        let p = atlas.place(place);
        let mut points = vec![(p.lat, p.lon)];
        let lines = lines_for(
            atlas,
            &Focus::Place(place),
            &spec.filter,
            &[],
            false,
            &mut GeometryCache::default(),
        );
        for line in &lines {
            for end in [line.from, line.to] {
                let e = atlas.place(end);
                if !points.contains(&(e.lat, e.lon)) {
                    points.push((e.lat, e.lon));
                }
            }
        }
        spec.framing = Framing::Fit {
            points,
            max_zoom: select_zoom(p.kind).min(8.0),
            seen_at: LAPTOP_MAP,
        };
        spec
    }

    /// A step of a tour as presentation mode shows it (without the caption box, which a
    /// handout prints beside the map).
    #[must_use]
    pub fn tour_step(atlas: &Atlas, tour: &Tour, step: usize, lang: Lang) -> Option<Self> {
        let s = tour.steps.get(step)?;
        let place_point = |p: PlaceIdx| (atlas.place(p).lat, atlas.place(p).lon);
        let with_lines: Vec<(f64, f64)> = s
            .highlight
            .iter()
            .chain(&s.select_event)
            .flat_map(|&e| atlas.event_places(e))
            .map(place_point)
            .collect();
        let framing = match &s.view {
            StepView::Place(place) => {
                let mut points = with_lines;
                points.push(place_point(*place));
                Framing::Fit {
                    points,
                    max_zoom: select_zoom(atlas.place(*place).kind),
                    seen_at: SLIDE_MAP,
                }
            }
            StepView::FitEvents(events) => {
                let mut points: Vec<(f64, f64)> = events
                    .iter()
                    .flat_map(|&e| atlas.event_places(e))
                    .map(place_point)
                    .collect();
                points.extend(with_lines);
                Framing::Fit {
                    points,
                    max_zoom: 7.0,
                    seen_at: SLIDE_MAP,
                }
            }
            StepView::At { lat, lon, zoom } => Framing::View {
                view: MapView {
                    lat: *lat,
                    lon: *lon,
                    zoom: *zoom,
                },
                // Steps are made and shown full screen on a projector.
                seen_at: (1280.0, 720.0),
            },
        };
        Some(Self {
            framing,
            filter: Filter {
                range: s.range,
                ..Filter::default()
            },
            conflicts: false,
            selected_place: s.select_place,
            selected_event: s.select_event,
            highlight: s.highlight.clone(),
            lang,
            title: None,
        })
    }

    /// What the lines are drawn for, as the app decides it.
    #[must_use]
    pub fn focus(&self) -> Focus {
        if !self.highlight.is_empty() {
            let mut events = self.highlight.clone();
            events.extend(self.selected_event);
            return Focus::Events(events);
        }
        match (self.selected_event, self.selected_place) {
            (Some(e), _) => Focus::Event(e),
            (None, Some(p)) => Focus::Place(p),
            (None, None) => Focus::Overview,
        }
    }

    /// The title: as given, else the selected event or place, else the atlas's title.
    #[must_use]
    pub fn title_text(&self, atlas: &Atlas) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        match (self.selected_event, self.selected_place) {
            (Some(e), _) => atlas.event(e).title(self.lang).to_owned(),
            (None, Some(p)) => atlas.place(p).name(self.lang).to_owned(),
            (None, None) => self.lang.t().no_selection_title.to_owned(),
        }
    }
}
