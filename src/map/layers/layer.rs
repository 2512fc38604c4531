//! A layer as the map holds it: its description, its records, and the views its filters
//! make (the records kept and their cluster index). A change of the layer's own filters is
//! indexed off the UI thread while the old view is drawn; a range brushed on the timeline is
//! drawn at once from the whole-time view (see [`super::brush`]) and indexed once it settles.

use std::sync::Arc;

use egui::Color32;

use super::brush::{Brushable, count_kept};
use super::parse_color;
use crate::layers::Records;
use crate::layers::query::Query;
use crate::layers::store::LayerMeta;
use crate::map::cluster_index::{ClusterIndex, Item, Options};
use crate::platform::Pending;

/// How long (seconds) a brushed range must stay still before its own view is indexed: about
/// the pause between two moves of a drag, so a drag starts no builds it will not use.
pub const SETTLE: f64 = 0.25;

/// A layer ready to draw: what it is, its records, and the cluster index of the records its
/// query keeps.
#[derive(Debug)]
pub struct MapLayer {
    pub meta: LayerMeta,
    pub color: Color32,
    pub records: Arc<Records>,
    /// The layer's own filters as the user set them (the range comes from the timeline).
    pub wanted: Query,
    /// Its most frequent categories, to filter by.
    pub categories: Vec<(String, usize)>,
    /// The layer's own filters over all time, with its leaves' days for brushing.
    base: Arc<View>,
    /// What is drawn when not brushing: `base` within the timeline's range (`base` itself
    /// when there is no range).
    view: Arc<View>,
    pending: Option<(Query, Pending<Views>)>,
    /// A range drawn from `base` until its own view is built.
    brush: Option<Brushing>,
}

/// What a build hands back: a new whole-time view when the layer's own filters changed, and
/// the view of the range.
pub(super) type Views = (Option<Arc<View>>, Arc<View>);

/// The range being brushed, the records it keeps, and when it was set.
#[derive(Debug, Clone, Copy)]
struct Brushing {
    range: (i32, i32),
    kept: usize,
    since: f64,
}

/// The records a query keeps, and the cluster index of those with a location.
#[derive(Debug)]
pub struct View {
    pub query: Query,
    pub index: ClusterIndex,
    /// The record of each point of the index.
    located: Vec<u32>,
    /// The records the query keeps, with a location or not; `None` when it keeps all.
    kept: Option<Vec<u32>>,
    /// For a view over all time: the days in leaf order, to brush it.
    brushable: Option<Brushable>,
}

impl View {
    /// Selects the records `query` keeps and builds the cluster index of those with a
    /// location (and, without a range, what brushing it needs).
    #[must_use]
    pub fn build(records: &Records, query: Query) -> Self {
        let (located, kept): (Vec<u32>, Option<Vec<u32>>) = if query.is_empty() {
            let located = (0..records.len())
                .filter(|&i| records.has_location(i))
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            (located, None)
        } else {
            let kept = crate::layers::query::select(records, &query);
            let located = kept
                .iter()
                .copied()
                .filter(|&i| records.has_location(i as usize))
                .collect();
            (located, Some(kept))
        };
        let points: Vec<[f64; 2]> = located
            .iter()
            .map(|&i| {
                let i = i as usize;
                [f64::from(records.lon[i]), f64::from(records.lat[i])]
            })
            .collect();
        let index = ClusterIndex::build(&points, Options::default());
        let brushable = query
            .range
            .is_none()
            .then(|| Brushable::new(&index, &located, records));
        Self {
            query,
            index,
            located,
            kept,
            brushable,
        }
    }

    /// The groups and records in the box at `zoom`; with a `brush`, only what it keeps (a
    /// view over all time only).
    #[must_use]
    pub fn items(
        &self,
        records: &Records,
        bbox: [f64; 4],
        zoom: u8,
        brush: Option<(i32, i32)>,
    ) -> Vec<Item> {
        if let (Some(range), Some(b)) = (brush, &self.brushable) {
            return b.items((&self.index, &self.located, records), bbox, zoom, range);
        }
        let [west, south, east, north] = bbox;
        self.index.clusters(west, south, east, north, zoom)
    }
}

/// How many categories a layer offers as filters.
const CATEGORIES: usize = 12;

impl MapLayer {
    /// Builds the cluster index of the records that have a location.
    #[must_use]
    pub fn new(meta: LayerMeta, records: Records) -> Self {
        // The filters the user left it with.
        let wanted = Query {
            range: None,
            text: meta.filter.text.clone(),
            categories: meta.filter.categories.clone(),
        };
        let view = Arc::new(View::build(&records, wanted.clone()));
        let color = parse_color(&meta.color).unwrap_or(Color32::from_rgb(0x66, 0x66, 0x66));
        let categories = crate::layers::query::categories(&records, CATEGORIES);
        Self {
            meta,
            color,
            records: Arc::new(records),
            wanted,
            categories,
            base: Arc::clone(&view),
            view,
            pending: None,
            brush: None,
        }
    }

    /// The view drawn now, and the range it is brushed to.
    fn drawn(&self) -> (&View, Option<(i32, i32)>) {
        match self.brush {
            Some(b) => (&self.base, Some(b.range)),
            None => (&self.view, None),
        }
    }

    /// The groups and records to draw in the box (`[west, south, east, north]`) at `zoom`.
    #[must_use]
    pub fn items(&self, bbox: [f64; 4], zoom: u8) -> Vec<Item> {
        let (view, brush) = self.drawn();
        view.items(&self.records, bbox, zoom, brush)
    }

    /// The cluster index of what is drawn.
    #[must_use]
    pub fn index(&self) -> &ClusterIndex {
        &self.drawn().0.index
    }

    /// The record a point of the drawn index stands for.
    #[must_use]
    pub fn record_of(&self, point: u32) -> Option<usize> {
        self.drawn()
            .0
            .located
            .get(point as usize)
            .map(|&r| r as usize)
    }

    /// How many records of the view have a place on the map.
    #[must_use]
    pub fn located(&self) -> usize {
        self.view.located.len()
    }

    /// How many records the current query keeps (all of them when nothing is filtered), the
    /// range being brushed included.
    #[must_use]
    pub fn kept(&self) -> usize {
        self.brush.map_or_else(
            || self.view.kept.as_ref().map_or(self.records.len(), Vec::len),
            |b| b.kept,
        )
    }

    /// The layer as an export writes it: the records its filters keep.
    #[must_use]
    pub fn export_ref(&self) -> crate::formats::LayerRef<'_> {
        crate::formats::LayerRef {
            name: &self.meta.name,
            records: &self.records,
            kept: self.view.kept.as_deref(),
        }
    }

    /// The query the view (drawn when not brushing) was built for.
    #[must_use]
    pub fn shown_query(&self) -> &Query {
        &self.view.query
    }

    /// Whether a new view is being built or waits for the brush to settle.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.pending.is_some() || self.brush.is_some()
    }

    /// Whether a range is drawn by brushing the whole-time view.
    #[must_use]
    pub fn is_brushing(&self) -> bool {
        self.brush.is_some()
    }

    /// Asks for the view of the layer's own filters within the timeline's `range` at time
    /// `now` (seconds): a range of the same filters is drawn at once by brushing, and its view
    /// is built once the range has not moved for `settle` seconds; other filters are built
    /// at once. `start` runs the work (on a helper thread, or now). Returns how long to wait
    /// before asking again, while the brush settles. A query already shown or being built
    /// starts nothing (and costs nothing: this is asked every frame).
    pub fn request(
        &mut self,
        range: Option<(i32, i32)>,
        (now, settle): (f64, f64),
        start: impl FnOnce(Box<dyn FnOnce() -> Views + Send>) -> Pending<Views>,
    ) -> Option<f64> {
        // Compared in place: a query is only cloned when work starts.
        let wanted = &self.wanted;
        let same_filters = |q: &Query| q.text == wanted.text && q.categories == wanted.categories;
        let is_target = |q: &Query| q.range == range && same_filters(q);
        if is_target(&self.view.query) {
            self.pending = None;
            self.brush = None;
            return None;
        }
        if self.pending.as_ref().is_some_and(|(q, _)| is_target(q)) {
            return None;
        }
        let target = Query {
            range,
            ..self.wanted.clone()
        };
        if !(self.base.query.text == target.text && self.base.query.categories == target.categories)
        {
            // New filters of the layer's own: a new whole-time view, and the range's.
            self.brush = None;
            let records = Arc::clone(&self.records);
            let query = target.clone();
            let job = start(Box::new(move || {
                let base = Arc::new(View::build(
                    &records,
                    Query {
                        range: None,
                        ..query.clone()
                    },
                ));
                let view = if query.range.is_some() {
                    Arc::new(View::build(&records, query))
                } else {
                    Arc::clone(&base)
                };
                (Some(base), view)
            }));
            self.pending = Some((target, job));
            return None;
        }
        let Some(range) = range else {
            // Back to all time: that view is at hand.
            self.view = Arc::clone(&self.base);
            self.pending = None;
            self.brush = None;
            return None;
        };
        match self.brush {
            Some(b) if b.range == range => {
                let elapsed = now - b.since;
                if elapsed < settle {
                    return Some(settle - elapsed);
                }
            }
            _ => {
                // The view being built is of a range left behind.
                self.pending = None;
                self.brush = Some(Brushing {
                    range,
                    kept: count_kept(&self.records, self.base.kept.as_deref(), range),
                    since: now,
                });
                if settle > 0.0 {
                    return Some(settle);
                }
            }
        }
        let records = Arc::clone(&self.records);
        let query = target.clone();
        let job = start(Box::new(move || {
            (None, Arc::new(View::build(&records, query)))
        }));
        self.pending = Some((target, job));
        None
    }

    /// Takes a finished view; whether one was taken.
    pub fn poll(&mut self) -> bool {
        let Some((base, view)) = self.pending.as_ref().and_then(|(_, job)| job.poll()) else {
            return false;
        };
        self.pending = None;
        if let Some(base) = base {
            self.base = base;
        }
        self.view = view;
        self.brush = None;
        true
    }
}
