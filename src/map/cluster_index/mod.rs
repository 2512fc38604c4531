//! A hierarchical point-cluster index: the clusters of Mapbox's supercluster 8, built faster.
//!
//! The semantics are supercluster's: points are projected to the Web Mercator unit square
//! (stored as `f32` there, as supercluster's k-d trees do); then, from `max_zoom` down to
//! `min_zoom`, the items of the level above are visited in that level's order and each
//! unvisited item absorbs every unvisited item within `radius / (extent * 2^zoom)` of it,
//! becoming a cluster at the weighted centroid if the total count reaches `min_points`.
//! The order of a level is supercluster's: an item keeps its rank, and a cluster takes the
//! rank of the item that started it, so the greedy pass sees the same items in the same order.
//!
//! Points at bit-identical `[lon, lat]` are first collapsed into one weighted entry, before
//! anything is projected (see [`Groups`] for why this gives supercluster's clusters): an entry
//! of `k` points takes the rank of its first point, and as long as it is not absorbed into a
//! cluster it stands for its `k` points, each returned on its own by the queries. This is
//! done only when a sample shows enough repeats to pay for it; the clusters are the same
//! either way.
//!
//! What differs is how neighbours are found. Instead of a k-d tree per zoom, each level is
//! kept sorted by grid row (rows at least twice the radius high, a power of two of them) and
//! by x within a row, so a radius query is a binary search and a short run of memory in one
//! or two rows. As rows double in height from one zoom to the next, the next level is the
//! survivors of this one merged two rows at a time, with the new clusters merged in: no
//! sorting after the first level (and the rows are cut into runs merged on separate
//! threads). Before the greedy pass, a parallel pass marks the items
//! with no other item near them (with a margin for supercluster's `f32`/`f64` mix); they
//! cannot take part in any cluster, so only the others are visited. Those are cut into
//! parts that cannot reach each other (connected sets of occupied cells, see [`parts`]) and
//! visited part by part, in rank order within each: the same pass, as a seed only touches
//! items within its reach, but one whose memory stays in the cache, and whose two halves of
//! parts run on two threads.
//!
//! Differences from supercluster: the neighbours of a seed are summed into its centroid in
//! grid order rather than k-d tree order (and a group of `k` repeated points adds `k x`
//! once rather than `x` `k` times), so a centroid can differ in its last bits, which
//! can (rarely) flip a distance test that sits exactly on the radius at a lower zoom. With
//! `min_points > 2`, the unclustered neighbours of a failed seed keep their own places in the
//! order instead of following the seed. Cluster ids are numbered differently (part by
//! part; but, as there, a cluster keeps its id at every zoom where it is unchanged), and
//! query results come in grid order.

mod convert;
mod greedy;
mod groups;
mod level;
mod parallel;
mod parts;
mod query;
mod runs;

#[cfg(test)]
mod tests;

use greedy::{GONE, Work};
use groups::Groups;
use level::{Grid, MAX_ROWS, row_count};
use parallel::threads_for;
pub use runs::LeafRuns;

/// The most input points an index takes: ids of points and clusters share `u32`, and there
/// are fewer clusters than points. Points past this are left out.
pub const MAX_POINTS: usize = (1 << 31) - 1;

/// The highest `max_zoom` accepted (supercluster encodes zooms in 5 bits).
pub const MAX_ZOOM: u8 = 30;

/// Build parameters. The default is supercluster's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Cluster radius in pixels of a tile `extent` wide.
    pub radius: f64,
    /// Tile width in pixels that `radius` is measured against.
    pub extent: f64,
    /// Lowest zoom at which clusters are made.
    pub min_zoom: u8,
    /// Highest zoom at which clusters are made; above it every point stands alone.
    pub max_zoom: u8,
    /// Fewest points a cluster may hold.
    pub min_points: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            radius: 40.0,
            extent: 512.0,
            min_zoom: 0,
            max_zoom: 16,
            min_points: 2,
        }
    }
}

/// One result of [`ClusterIndex::clusters`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// An input point standing alone at this zoom.
    Point {
        /// Its index in the slice given to [`ClusterIndex::build`].
        index: u32,
        /// Its longitude as given, in degrees.
        lon: f64,
        /// Its latitude as given, in degrees.
        lat: f64,
    },
    /// A cluster of `count` points.
    Cluster {
        /// Its id, for [`ClusterIndex::leaves`] and [`ClusterIndex::expansion_zoom`]; never
        /// the index of a point.
        id: u32,
        /// How many input points it stands for.
        count: u32,
        /// Longitude of its weighted centroid (taken in Mercator space), in degrees.
        lon: f64,
        /// Latitude of its weighted centroid, in degrees.
        lat: f64,
    },
}

/// A cluster: where it is, how many points, the zoom it was made at, and where its children
/// (the items it was made of) start in `ClusterIndex::children`.
#[derive(Debug, Clone, Copy)]
struct ClusterRec {
    x: f64,
    y: f64,
    count: u32,
    first_child: u32,
    zoom: u8,
}

/// Points clustered at every integer zoom, with the queries a map needs.
#[derive(Debug, Clone, Default)]
pub struct ClusterIndex {
    options: Options,
    points: Vec<[f64; 2]>,
    /// The points by exact position; a point entry of a level has the group's first point as
    /// its id and the group number as its rank.
    groups: Groups,
    /// One grid per zoom from `min_zoom` to `max_zoom + 1` (the input points).
    levels: Vec<Grid>,
    clusters: Vec<ClusterRec>,
    children: Vec<u32>,
}

impl ClusterIndex {
    /// Clusters `points` (`[lon, lat]` in degrees) at every zoom from `options.min_zoom` to
    /// `options.max_zoom`. Zooms are capped at [`MAX_ZOOM`] and `min_zoom` at `max_zoom`.
    /// A point with a non-finite coordinate is kept (it counts, and is its own leaf) but is
    /// never clustered nor returned by a query.
    #[must_use]
    pub fn build(points: &[[f64; 2]], options: Options) -> Self {
        let mut options = options;
        options.max_zoom = options.max_zoom.min(MAX_ZOOM);
        options.min_zoom = options.min_zoom.min(options.max_zoom);
        let points = &points[..points.len().min(MAX_POINTS)];
        let radius_at = |zoom: i32| options.radius / (options.extent * f64::from(zoom).exp2());

        let groups = Groups::find(points, threads_for(points.len()));
        let entries = groups.count(points.len());
        let mut index = Self {
            options,
            points: points.to_vec(),
            groups,
            levels: Vec::with_capacity(usize::from(options.max_zoom - options.min_zoom) + 2),
            clusters: Vec::new(),
            children: Vec::new(),
        };
        let mut grid = Grid::from_points(
            points,
            &index.groups,
            row_count(entries, radius_at(i32::from(options.max_zoom)), MAX_ROWS),
            threads_for(entries),
        );
        let mut work = Work::default();
        for zoom in (options.min_zoom..=options.max_zoom).rev() {
            let radius = radius_at(i32::from(zoom));
            grid.mark_isolated(radius, &mut work.state, threads_for(grid.slots.len()));
            index.wake_groups(&grid, &mut work.state);
            work.order_level(&grid, radius, entries);
            index.cluster_level(&grid, zoom, radius, &mut work);
            let gone: usize = work.state.iter().map(|&s| usize::from(s == GONE)).sum();
            let next_len = grid.slots.len() - gone + work.fresh.len();
            let rows = row_count(next_len, radius_at(i32::from(zoom) - 1), grid.g);
            let next = grid.next_level(&work.state, &mut work.fresh, rows);
            index.levels.push(grid);
            grid = next;
        }
        index.levels.push(grid);
        index.levels.reverse();
        index
    }

    /// How many points the index was built from.
    #[must_use]
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether the index was built from no points.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The options in force (after capping the zooms).
    #[must_use]
    pub fn options(&self) -> Options {
        self.options
    }

    /// Clusters and single points whose position lies in the box (degrees, edges included)
    /// at `zoom`, clamped to `min_zoom ..= max_zoom + 1`. As in supercluster, longitudes are
    /// wrapped into −180..180, a box with `west > east` crosses the antimeridian, a box at
    /// least 360° wide is the whole world, and latitudes are clamped to ±90. The order is
    /// unspecified.
    #[must_use]
    #[allow(clippy::float_cmp)] // `east == 180` is supercluster's exact test.
    pub fn clusters(&self, west: f64, south: f64, east: f64, north: f64, zoom: u8) -> Vec<Item> {
        let mut out = Vec::new();
        let Some(level) = self.level(zoom) else {
            return out;
        };
        let wrap = |lng: f64| ((lng + 180.0) % 360.0 + 360.0) % 360.0 - 180.0;
        let mut min_lng = wrap(west);
        let mut max_lng = if east == 180.0 { 180.0 } else { wrap(east) };
        let min_lat = south.clamp(-90.0, 90.0);
        let max_lat = north.clamp(-90.0, 90.0);
        if east - west >= 360.0 {
            min_lng = -180.0;
            max_lng = 180.0;
        } else if min_lng > max_lng {
            self.range(level, [min_lng, min_lat, 180.0, max_lat], &mut out);
            self.range(level, [-180.0, min_lat, max_lng, max_lat], &mut out);
            return out;
        }
        self.range(level, [min_lng, min_lat, max_lng, max_lat], &mut out);
        out
    }

    /// The input points (indices into the slice given to `build`) that `id` stands for:
    /// all the leaves of a cluster, or the point itself for a point index, or none for an
    /// unknown id. The order is unspecified.
    #[must_use]
    pub fn leaves(&self, id: u32) -> Vec<u32> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(id) = stack.pop() {
            if (id as usize) < self.points.len() {
                out.push(id);
            } else if let Some(children) = self.children_of(id) {
                stack.extend_from_slice(children);
            }
        }
        out
    }

    /// The ids of the items a cluster was made of (point indices and cluster ids), or `None`
    /// if `id` is not a cluster.
    #[must_use]
    pub fn children_of(&self, id: u32) -> Option<&[u32]> {
        let k = (id as usize).checked_sub(self.points.len())?;
        let first = self.clusters.get(k)?.first_child as usize;
        let end = self
            .clusters
            .get(k + 1)
            .map_or(self.children.len(), |c| c.first_child as usize);
        self.children.get(first..end)
    }

    /// The zoom at which a cluster splits into its children (supercluster's
    /// `getClusterExpansionZoom`), or `None` if `id` is not a cluster.
    #[must_use]
    pub fn expansion_zoom(&self, id: u32) -> Option<u8> {
        let k = (id as usize).checked_sub(self.points.len())?;
        self.clusters.get(k).map(|c| c.zoom + 1)
    }

    /// How many points `id` stands for: 1 for a point index, the count of a cluster, 0 for an
    /// unknown id.
    #[must_use]
    pub fn count(&self, id: u32) -> u32 {
        match (id as usize).checked_sub(self.points.len()) {
            None => 1,
            Some(k) => self.clusters.get(k).map_or(0, |c| c.count),
        }
    }
}
