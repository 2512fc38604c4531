//! The points in the order of the cluster tree's leaves, so that every cluster, at every zoom,
//! stands for one run of that order: what a cluster holds can then be counted by a pass over
//! a short stretch of memory (the timeline's brush counts the points within a range that way).

use super::ClusterIndex;
use super::convert::to_u32;

/// The index's points in leaf order, and where each cluster's run starts.
#[derive(Debug, Clone, Default)]
pub struct LeafRuns {
    /// The points (indices into the slice given to `build`), each cluster's leaves together.
    pub order: Vec<u32>,
    /// Per cluster (id minus the number of points), the start of its run in `order`.
    first: Vec<u32>,
    /// How many points the index was built from (the first cluster id).
    points: usize,
}

impl LeafRuns {
    /// The positions in `order` of the points a cluster stands for, or `None` if `id` is not a
    /// cluster of the index these runs were made from.
    #[must_use]
    pub fn run(&self, id: u32, count: u32) -> Option<std::ops::Range<usize>> {
        let k = (id as usize).checked_sub(self.points)?;
        let first = *self.first.get(k)? as usize;
        let end = first + count as usize;
        (end <= self.order.len()).then_some(first..end)
    }
}

impl ClusterIndex {
    /// The points in leaf order: a depth-first walk of the clusters from the lowest zoom, so
    /// every cluster's leaves form one run.
    #[must_use]
    pub fn leaf_runs(&self) -> LeafRuns {
        let n = self.points.len();
        let mut runs = LeafRuns {
            order: Vec::with_capacity(n),
            first: vec![u32::MAX; self.clusters.len()],
            points: n,
        };
        // Every point is in exactly one item of the lowest level: itself (with its group)
        // or a cluster.
        let mut stack: Vec<u32> = Vec::new();
        for slot in self.levels.first().map_or(&[][..], |l| &l.slots[..]) {
            if self.is_point(*slot) {
                runs.order
                    .extend_from_slice(self.groups.members(slot.rank, &slot.id));
                continue;
            }
            stack.push(slot.id);
            // Last in, first out: a cluster's descendants are all taken before anything
            // pushed earlier, so they are written one after the other.
            while let Some(id) = stack.pop() {
                match id.checked_sub(to_u32(n)) {
                    None => runs.order.push(id),
                    Some(k) => {
                        if let Some(first) = runs.first.get_mut(k as usize) {
                            *first = to_u32(runs.order.len());
                        }
                        if let Some(children) = self.children_of(id) {
                            stack.extend_from_slice(children);
                        }
                    }
                }
            }
        }
        runs
    }
}
