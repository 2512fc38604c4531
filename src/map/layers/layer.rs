//! A layer as the map holds it: its description, its records, and the view its filters
//! make (the records kept and their cluster index), rebuilt off the UI thread when the
//! filters or the timeline's range change.

use std::sync::Arc;

use egui::Color32;

use super::parse_color;
use crate::layers::Records;
use crate::layers::query::Query;
use crate::layers::store::LayerMeta;
use crate::map::cluster_index::{ClusterIndex, Options};
use crate::platform::Pending;

/// A layer ready to draw: what it is, its records, and the cluster index of the records its
/// query keeps. A new query is indexed off the UI thread; the old view is drawn meanwhile.
#[derive(Debug)]
pub struct MapLayer {
    pub meta: LayerMeta,
    pub color: Color32,
    pub records: Arc<Records>,
    /// The layer's own filters as the user set them (the range comes from the timeline).
    pub wanted: Query,
    /// Its most frequent categories, to filter by.
    pub categories: Vec<(String, usize)>,
    view: View,
    pending: Option<(Query, Pending<View>)>,
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
}

impl View {
    /// Selects the records `query` keeps and builds the cluster index of those with a location.
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
        Self {
            query,
            index,
            located,
            kept,
        }
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
        let view = View::build(&records, wanted.clone());
        let color = parse_color(&meta.color).unwrap_or(Color32::from_rgb(0x66, 0x66, 0x66));
        let categories = crate::layers::query::categories(&records, CATEGORIES);
        Self {
            meta,
            color,
            records: Arc::new(records),
            wanted,
            categories,
            view,
            pending: None,
        }
    }

    /// The cluster index of what is shown.
    #[must_use]
    pub fn index(&self) -> &ClusterIndex {
        &self.view.index
    }

    /// The record a point of the index stands for.
    #[must_use]
    pub fn record_of(&self, point: u32) -> Option<usize> {
        self.view.located.get(point as usize).map(|&r| r as usize)
    }

    /// How many shown records have a place on the map.
    #[must_use]
    pub fn located(&self) -> usize {
        self.view.located.len()
    }

    /// How many records the current query keeps (all of them when nothing is filtered).
    #[must_use]
    pub fn kept(&self) -> usize {
        self.view.kept.as_ref().map_or(self.records.len(), Vec::len)
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

    /// The query the drawn view was built for.
    #[must_use]
    pub fn shown_query(&self) -> &Query {
        &self.view.query
    }

    /// Whether a new view is being built.
    #[must_use]
    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    /// Asks for the view of the layer's own filters within the timeline's `range`: `start`
    /// runs the work (on a helper thread, or now). A query already shown or already being
    /// built starts nothing (and costs nothing: this is asked every frame).
    pub fn request(
        &mut self,
        range: Option<(i32, i32)>,
        start: impl FnOnce(Box<dyn FnOnce() -> View + Send>) -> Pending<View>,
    ) {
        let wanted = &self.wanted;
        let is_wanted = |q: &Query| {
            q.range == range && q.text == wanted.text && q.categories == wanted.categories
        };
        let building = self.pending.as_ref().map(|(q, _)| q);
        if building.is_some_and(is_wanted) || (building.is_none() && is_wanted(&self.view.query)) {
            return;
        }
        if is_wanted(&self.view.query) {
            // Back to what is drawn: forget the build under way.
            self.pending = None;
            return;
        }
        let query = Query {
            range,
            ..self.wanted.clone()
        };
        let records = Arc::clone(&self.records);
        let wanted = query.clone();
        let job = start(Box::new(move || View::build(&records, wanted)));
        self.pending = Some((query, job));
    }

    /// Takes a finished view; whether one was taken.
    pub fn poll(&mut self) -> bool {
        let Some(view) = self.pending.as_ref().and_then(|(_, job)| job.poll()) else {
            return false;
        };
        self.pending = None;
        self.view = view;
        true
    }
}
