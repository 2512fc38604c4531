//! The clustering pass of one zoom: the isolation marks, the rank order, and supercluster's
//! greedy pass over the items that can take part in a cluster.

use super::convert::{to_f32, to_u32, to_u32_low};
use super::level::{Grid, Slot, row_of};
use super::parallel::{par_chunks, threads_for};
use super::{ClusterIndex, ClusterRec};

/// Per-slot state during the greedy pass: not yet visited, alone (no neighbour possible),
/// visited and kept for the next level, visited and merged into a new cluster.
pub(super) const ACTIVE: u8 = 0;
const ISOLATED: u8 = 1;
const KEPT: u8 = 2;
pub(super) const GONE: u8 = 3;

/// Buffers reused from one level to the next while building.
#[derive(Debug, Default)]
pub(super) struct Work {
    /// Per slot: `ACTIVE`, `ISOLATED`, `KEPT` or `GONE`.
    pub(super) state: Vec<u8>,
    /// The active slots in rank order.
    order: Vec<u32>,
    /// Slot per rank, `u32::MAX` where none (all `u32::MAX` between uses).
    by_rank: Vec<u32>,
    /// Where each part of `order` starts (see [`super::parts`]); empty for one part.
    bounds: Vec<u32>,
    /// The buffers of the first run of the greedy pass, kept from one level to the next.
    made: Made,
    /// The clusters made at this level, as slots of the next.
    pub(super) fresh: Vec<Slot>,
}

impl Work {
    /// Lists the `ACTIVE` slots of `grid` in rank order: through a table by rank when many
    /// are (ranks are below `points`), else by sorting them.
    fn rank_order(&mut self, grid: &Grid, points: usize) {
        self.order.clear();
        let active: usize = self.state.iter().map(|&s| usize::from(s == ACTIVE)).sum();
        if active * 16 >= points {
            self.by_rank.resize(points, u32::MAX);
            for (slot, item) in grid.slots.iter().enumerate() {
                if self.state[slot] == ACTIVE {
                    self.by_rank[item.rank as usize] = to_u32(slot);
                }
            }
            for at in &mut self.by_rank {
                if *at != u32::MAX {
                    self.order.push(*at);
                    *at = u32::MAX;
                }
            }
        } else {
            let mut keyed: Vec<u64> = grid
                .slots
                .iter()
                .enumerate()
                .filter(|&(slot, _)| self.state[slot] == ACTIVE)
                .map(|(slot, item)| u64::from(item.rank) << 32 | slot as u64)
                .collect();
            keyed.sort_unstable();
            self.order.extend(keyed.iter().map(|&k| to_u32_low(k)));
        }
    }

    /// Lists the `ACTIVE` slots of `grid` part by part, each in rank order (see
    /// [`super::parts`]), or where parts cannot be made, all in rank order.
    pub(super) fn order_level(&mut self, grid: &Grid, radius: f64, points: usize) {
        let parted = super::parts::order_by_part(
            grid,
            &self.state,
            radius,
            &mut self.order,
            &mut self.bounds,
        );
        if !parted {
            self.rank_order(grid, points);
        }
    }

    /// Where to cut `order` for two runs of the greedy pass: the start of a part nearest its
    /// middle, or its end (one run) with one thread, one part, or too few items.
    fn split_point(&self, threads: usize) -> usize {
        let len = self.order.len();
        if threads < 2 {
            return len;
        }
        let half = len / 2;
        self.bounds
            .iter()
            .map(|&b| b as usize)
            .filter(|&b| b > 0 && b < len)
            .min_by_key(|&b| b.abs_diff(half))
            .unwrap_or(len)
    }
}

/// What one run of the greedy pass made: its clusters (numbered from 0 within the run),
/// their children, and their slots for the next level (with those numbers as ids).
#[derive(Debug, Default)]
pub(super) struct Made {
    clusters: Vec<ClusterRec>,
    children: Vec<u32>,
    fresh: Vec<Slot>,
    /// The neighbours of the current seed.
    near: Vec<usize>,
}

impl ClusterIndex {
    /// supercluster's greedy pass at `zoom` over the items of `grid` that `work.order` lists
    /// (the active ones, part by part, in rank order within each): marks the slots `KEPT` or
    /// `GONE`, records the new clusters and puts their slots in `work.fresh`. Two halves of
    /// the parts run on two threads when there are enough items: parts do not touch, so this
    /// is the same pass, and the clusters are numbered as if the halves ran one after the
    /// other.
    pub(super) fn cluster_level(&mut self, grid: &Grid, zoom: u8, radius: f64, work: &mut Work) {
        let split = work.split_point(threads_for(work.order.len()));
        let (first, second) = work.order.split_at(split);
        let mut made = [std::mem::take(&mut work.made), Made::default()];
        if second.is_empty() {
            self.greedy_run(grid, zoom, radius, first, &mut work.state, &mut made[0]);
        } else {
            // The second half writes to a copy of the states; only its own slots are taken
            // back (a part's seeds change the states of the part's items only).
            let mut copy = work.state.clone();
            let this = &*self;
            let [made0, made1] = &mut made;
            std::thread::scope(|scope| {
                scope.spawn(|| this.greedy_run(grid, zoom, radius, second, &mut copy, made1));
                this.greedy_run(grid, zoom, radius, first, &mut work.state, made0);
            });
            for &slot in second {
                work.state[slot as usize] = copy[slot as usize];
            }
        }
        work.fresh.clear();
        for m in &mut made {
            let base = to_u32(self.points.len() + self.clusters.len());
            let children = to_u32(self.children.len());
            self.clusters
                .extend(m.clusters.drain(..).map(|c| ClusterRec {
                    first_child: c.first_child + children,
                    ..c
                }));
            self.children.append(&mut m.children);
            work.fresh.extend(m.fresh.drain(..).map(|p| Slot {
                id: p.id + base,
                ..p
            }));
        }
        let [made0, _] = made;
        work.made = made0;
    }

    /// The greedy pass over the slots `order` lists, in that order.
    fn greedy_run(
        &self,
        grid: &Grid,
        zoom: u8,
        radius: f64,
        order: &[u32],
        state: &mut [u8],
        made: &mut Made,
    ) {
        let r2 = radius * radius;
        let Made {
            clusters,
            children,
            fresh,
            near,
        } = made;
        for &seed_slot in order {
            let seed_slot = seed_slot as usize;
            if state[seed_slot] != ACTIVE {
                continue;
            }
            state[seed_slot] = KEPT;
            let seed = grid.slots[seed_slot];
            let [qx, qy] = self.position(seed);
            let own = self.weight(seed);
            // To supercluster a group of points is its first point with the others as
            // neighbours, so the seed itself is one point.
            let single = if self.is_point(seed) { 1 } else { own };
            let mut total = own;
            near.clear();
            grid.scan(qx, qy, window(radius, qx, qy), |slot, item| {
                if state[slot] == ACTIVE && dist2(item, qx, qy) <= r2 {
                    near.push(slot);
                    total += self.weight(item);
                }
                false
            });
            if total > single && total as usize >= self.options.min_points {
                state[seed_slot] = GONE;
                let id = to_u32(clusters.len());
                let first_child = to_u32(children.len());
                self.push_children(seed, children);
                let (mut wx, mut wy) = (qx * f64::from(own), qy * f64::from(own));
                for &slot in near.iter() {
                    state[slot] = GONE;
                    let item = grid.slots[slot];
                    let [ix, iy] = self.position(item);
                    let weight = f64::from(self.weight(item));
                    wx += ix * weight;
                    wy += iy * weight;
                    self.push_children(item, children);
                }
                let (cx, cy) = (wx / f64::from(total), wy / f64::from(total));
                clusters.push(ClusterRec {
                    x: cx,
                    y: cy,
                    count: total,
                    first_child,
                    zoom,
                });
                fresh.push(Slot {
                    x: to_f32(cx),
                    y: to_f32(cy),
                    id,
                    rank: seed.rank,
                });
            } else if total > 1 {
                for &slot in near.iter() {
                    state[slot] = KEPT;
                }
            }
        }
    }

    /// Whether a level's item is a point entry (a group of points) rather than a cluster.
    pub(super) fn is_point(&self, p: Slot) -> bool {
        (p.id as usize) < self.points.len()
    }

    /// How many points a level's item stands for.
    fn weight(&self, p: Slot) -> u32 {
        match (p.id as usize).checked_sub(self.points.len()) {
            None => self.groups.size(p.rank),
            Some(k) => self.clusters.get(k).map_or(0, |c| c.count),
        }
    }

    /// Appends a level's item to the children of a new cluster: a cluster by its id, a group
    /// of points as its points.
    fn push_children(&self, p: Slot, children: &mut Vec<u32>) {
        if self.is_point(p) {
            children.extend_from_slice(self.groups.members(p.rank, &p.id));
        } else {
            children.push(p.id);
        }
    }

    /// Makes `ACTIVE` again the groups of points that the isolation pass marked `ISOLATED` but
    /// that are a cluster on their own (`k >= 2` points, at least `min_points`). Only at the
    /// first level can there be any: below it, every group not in a cluster is smaller.
    pub(super) fn wake_groups(&self, grid: &Grid, state: &mut [u8]) {
        if self.groups.is_identity() {
            return;
        }
        let least = self.options.min_points.max(2);
        for (st, p) in state.iter_mut().zip(&grid.slots) {
            if *st == ISOLATED
                && self.is_point(*p)
                && self.groups.size(p.rank) as usize >= least
                && !p.x.is_nan()
                && !p.y.is_nan()
            {
                *st = ACTIVE;
            }
        }
    }

    /// The `f64` Mercator position supercluster keeps for an item: a point's `f32` one, or a
    /// cluster's centroid.
    fn position(&self, p: Slot) -> [f64; 2] {
        match (p.id as usize)
            .checked_sub(self.points.len())
            .and_then(|k| self.clusters.get(k))
        {
            Some(c) => [c.x, c.y],
            None => [f64::from(p.x), f64::from(p.y)],
        }
    }
}

impl Grid {
    /// Sets `state` per slot: `ISOLATED` where no other item is near enough to be a
    /// neighbour within `r` (tested on `f32` positions with a margin that covers the `f64`
    /// position a seed is queried at), else `ACTIVE`. Walks the slots in order, so the
    /// candidates in the item's row are its neighbours in memory, and those of the rows
    /// above and below are found by cursors that only move forward.
    pub(super) fn mark_isolated(&self, radius: f64, state: &mut Vec<u8>, threads: usize) {
        state.clear();
        state.resize(self.slots.len(), ACTIVE);
        // A half-width at least that of any item with x and y in 0..=1; the cursors stop
        // short of it, and each candidate is then tested with the item'slot own half-width.
        let w_unit = window(radius, 1.0, 1.0);
        par_chunks(state, threads, |start, chunk| {
            let slots = &self.slots;
            let rows = &self.rows;
            let mut row = rows
                .partition_point(|&b| b as usize <= start)
                .saturating_sub(1);
            let mut cursors = self.neighbour_rows(row);
            for (k, st) in chunk.iter_mut().enumerate() {
                let slot = start + k;
                while rows[row + 1] as usize <= slot {
                    row += 1;
                    cursors = self.neighbour_rows(row);
                }
                let item = slots[slot];
                let (x, y) = (f64::from(item.x), f64::from(item.y));
                if x.is_nan() || y.is_nan() {
                    *st = ISOLATED;
                    continue;
                }
                let w = window(radius, x, y);
                let w2 = w * w;
                let near = |q: Slot| dist2(q, x, y) <= w2;
                let (lo, hi) = (x - w, x + w);
                let mut found = slots[rows[row] as usize..slot]
                    .iter()
                    .rev()
                    .take_while(|q| f64::from(q.x) >= lo)
                    .any(|&q| near(q))
                    || slots[slot + 1..rows[row + 1] as usize]
                        .iter()
                        .take_while(|q| f64::from(q.x) <= hi)
                        .any(|&q| near(q));
                let (r0, r1) = (
                    row_of(y - w, self.g) as usize,
                    row_of(y + w, self.g) as usize,
                );
                let plain = x.abs() > 1.0 || w > w_unit;
                for (other, cursor) in &mut cursors {
                    if found || *other < r0 || *other > r1 {
                        continue;
                    }
                    let end = rows[*other + 1] as usize;
                    if plain {
                        let row = &slots[rows[*other] as usize..end];
                        let from = row.partition_point(|q| f64::from(q.x) < lo);
                        found = row[from..]
                            .iter()
                            .take_while(|q| f64::from(q.x) <= hi)
                            .any(|&q| near(q));
                        continue;
                    }
                    while *cursor < end && f64::from(slots[*cursor].x) < x - w_unit {
                        *cursor += 1;
                    }
                    found = slots[*cursor..end]
                        .iter()
                        .take_while(|q| f64::from(q.x) <= hi)
                        .any(|&q| near(q));
                }
                // Rows further away are only in reach if rows are lower than 2 w.
                for other in r0..=r1 {
                    if found || other + 1 >= row && other <= row + 1 {
                        continue;
                    }
                    found = self.scan(x, y, w, |t, q| t != slot && near(q));
                }
                if !found {
                    *st = ISOLATED;
                }
            }
        });
    }

    /// The rows above and below `row` (a row past the grid stands in for a missing one), each
    /// with a cursor at its first slot.
    fn neighbour_rows(&self, row: usize) -> [(usize, usize); 2] {
        let last = self.g as usize - 1;
        let above = row.checked_sub(1).unwrap_or(last + 1);
        let below = if row < last { row + 1 } else { last + 1 };
        let at = |r: usize| self.rows.get(r).map_or(0, |&b| b as usize);
        [(above, at(above)), (below, at(below))]
    }
}

/// Squared distance from an item's `f32` position to a query point, as supercluster's k-d
/// tree computes it.
fn dist2(p: Slot, qx: f64, qy: f64) -> f64 {
    let dx = f64::from(p.x) - qx;
    let dy = f64::from(p.y) - qy;
    dx * dx + dy * dy
}

/// Query half-width around `(x, y)` for radius `r`: `r` plus a margin larger than twice the
/// rounding of an `f64` position near `(x, y)` to `f32`, so the isolation test on `f32`
/// positions never calls an item isolated that supercluster's mixed test would not.
pub(super) fn window(r: f64, x: f64, y: f64) -> f64 {
    let margin = (1.0 + x.abs() + y.abs() + 2.0 * r) * f64::from(f32::EPSILON);
    r + margin
}
