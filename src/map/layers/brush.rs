//! Brushing a layer with the timeline: while the range moves, the groups of the layer's
//! whole-time view are drawn with the number of their records the range keeps, counted
//! exactly. A group's records are one run of the index's leaf order
//! ([`LeafRuns`]), so counting them is a pass over a short stretch of two arrays of days: a
//! frame counts at most every located record once, about a millisecond for a million. The
//! groups keep their whole-time places until the view of the range is built (see
//! [`super::layer::MapLayer::request`]).

use crate::layers::Records;
use crate::layers::records::UNKNOWN_DAY;
use crate::map::cluster_index::{ClusterIndex, Item, LeafRuns};

/// The days of a view's located records in the index's leaf order.
#[derive(Debug, Clone, Default)]
pub struct Brushable {
    runs: LeafRuns,
    /// First day per leaf; `i32::MAX` when unknown, so that no range keeps it.
    start: Vec<i32>,
    /// Last day per leaf (at least its first).
    end: Vec<i32>,
}

/// Whether a record of days `start ..= end` meets the range `from ..= to` (as
/// [`crate::layers::query::select`] decides it).
fn meets(start: i32, end: i32, (from, to): (i32, i32)) -> bool {
    start <= to && end >= from
}

/// A record's days as the brush compares them.
fn days(records: &Records, record: usize) -> (i32, i32) {
    let start = records.start.get(record).copied().unwrap_or(UNKNOWN_DAY);
    if start == UNKNOWN_DAY {
        return (i32::MAX, i32::MAX);
    }
    let end = records.end.get(record).copied().unwrap_or(start);
    (start, end.max(start))
}

impl Brushable {
    /// The days of the records behind `index`'s points (`located[point]` is a record).
    #[must_use]
    pub fn new(index: &ClusterIndex, located: &[u32], records: &Records) -> Self {
        let runs = index.leaf_runs();
        let (start, end) = runs
            .order
            .iter()
            .map(|&p| {
                located
                    .get(p as usize)
                    .map_or((i32::MAX, i32::MAX), |&r| days(records, r as usize))
            })
            .unzip();
        Self { runs, start, end }
    }

    /// How many of a cluster's `count` points meet `range`, and the last of them.
    fn count(&self, id: u32, count: u32, range: (i32, i32)) -> (u32, Option<u32>) {
        let Some(run) = self.runs.run(id, count) else {
            return (0, None);
        };
        let (starts, ends) = (&self.start[run.clone()], &self.end[run.clone()]);
        // A branch-free count first (it vectorises); the one point is looked for only when
        // it is alone.
        let kept: u32 = starts
            .iter()
            .zip(ends)
            .map(|(&s, &e)| u32::from(meets(s, e, range)))
            .sum();
        let last = (kept == 1)
            .then(|| {
                starts
                    .iter()
                    .zip(ends)
                    .rposition(|(&s, &e)| meets(s, e, range))
                    .and_then(|k| self.runs.order.get(run.start + k).copied())
            })
            .flatten();
        (kept, last)
    }

    /// The items of `index` in the box at `zoom` with only the records `range` keeps: a group
    /// with its count of them (one of them alone is drawn as that record), a record that does
    /// not meet the range left out. `index` was built from the records `located` lists.
    #[must_use]
    pub fn items(
        &self,
        (index, located, records): (&ClusterIndex, &[u32], &Records),
        [west, south, east, north]: [f64; 4],
        zoom: u8,
        range: (i32, i32),
    ) -> Vec<Item> {
        let point_days = |point: u32| {
            located
                .get(point as usize)
                .map_or((i32::MAX, i32::MAX), |&r| days(records, r as usize))
        };
        let mut items = index.clusters(west, south, east, north, zoom);
        items.retain_mut(|item| match *item {
            Item::Point { index, .. } => {
                let (s, e) = point_days(index);
                meets(s, e, range)
            }
            Item::Cluster { id, count, .. } => match self.count(id, count, range) {
                (0, _) => false,
                (1, Some(point)) => {
                    let r = located
                        .get(point as usize)
                        .map_or(usize::MAX, |&r| r as usize);
                    let lon = records.lon.get(r).map_or(f64::NAN, |&v| f64::from(v));
                    let lat = records.lat.get(r).map_or(f64::NAN, |&v| f64::from(v));
                    *item = Item::Point {
                        index: point,
                        lon,
                        lat,
                    };
                    true
                }
                (kept, _) => {
                    if let Item::Cluster { count, .. } = item {
                        *count = kept;
                    }
                    true
                }
            },
        });
        items
    }
}

/// How many of `kept` (all records when `None`) meet `range`.
#[must_use]
pub fn count_kept(records: &Records, kept: Option<&[u32]>, range: (i32, i32)) -> usize {
    match kept {
        Some(kept) => kept
            .iter()
            .filter(|&&r| {
                let (s, e) = days(records, r as usize);
                meets(s, e, range)
            })
            .count(),
        None => (0..records.len())
            .filter(|&r| {
                let (s, e) = days(records, r);
                meets(s, e, range)
            })
            .count(),
    }
}
