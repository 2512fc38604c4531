//! Putting the greedy pass's items in an order that keeps memory near: parts of the level that
//! cannot touch each other are visited one after the other, each in rank order.
//!
//! supercluster visits a level's items in rank order, and ranks are the input's order, which
//! for real data (and the synthetic GED layer) has nothing to do with place: each seed's
//! neighbours are somewhere else in memory, and the pass waits on memory for most of its
//! time. But a seed only reads and changes items within the radius of it. Cut the active
//! items into parts such that no item is within reach of an item of another part: then what
//! the pass does in one part does not depend on any other, and visiting the parts one after
//! the other, each in rank order, gives the same clusters as the one pass in rank order
//! (only their ids, given in order of making, differ). A part is the items of a connected
//! set of occupied grid cells (a cell as wide as a row is high, at least the reach, so items
//! within reach are in the same or neighbouring cells): a few hundred kilobytes, a town or a
//! valley, which stay in the cache while its seeds are visited.

use super::convert::{to_u32, to_u32_low};
use super::greedy::{ACTIVE, window};
use super::level::{Grid, row_of};
use super::parallel::{par_each, threads_for};

/// Lists the active slots of `grid` part by part, in rank order within each part; parts come
/// in grid order, and `bounds` gets where each starts. Returns `false`, listing nothing, where
/// cells would be narrower than the reach (only at zooms far past any map's).
pub(super) fn order_by_part(
    grid: &Grid,
    state: &[u8],
    radius: f64,
    order: &mut Vec<u32>,
    bounds: &mut Vec<u32>,
) -> bool {
    order.clear();
    bounds.clear();
    if window(radius, 1.0, 1.0) > 1.0 / f64::from(grid.g) {
        return false;
    }
    let (cell_of, part_of_cell, parts) = parts(grid, state);
    let part = |slot: usize| part_of_cell[cell_of[slot] as usize] as usize;
    // A counting sort by part, of the slots in grid order...
    let mut starts = vec![0_u32; parts + 1];
    for (slot, &st) in state.iter().enumerate() {
        if st == ACTIVE {
            starts[part(slot) + 1] += 1;
        }
    }
    for p in 0..parts {
        starts[p + 1] += starts[p];
    }
    bounds.extend_from_slice(&starts[..parts]);
    let mut keys = vec![0_u64; starts[parts] as usize];
    for (slot, &st) in state.iter().enumerate() {
        if st == ACTIVE {
            let at = &mut starts[part(slot)];
            keys[*at as usize] = u64::from(grid.slots[slot].rank) << 32 | slot as u64;
            *at += 1;
        }
    }
    // ...then each part sorted by rank, in the cache.
    let mut from = 0;
    for &end in bounds
        .iter()
        .skip(1)
        .chain(std::iter::once(&to_u32(keys.len())))
    {
        keys[from..end as usize].sort_unstable();
        from = end as usize;
    }
    order.extend(keys.iter().map(|&k| to_u32_low(k)));
    true
}

/// The cell of each active slot (`u32::MAX` for the others), the part of each cell, and how
/// many parts there are. A cell is as wide as a row is high; touching occupied cells (a
/// side or a corner) are in one part. The two halves of the rows are done on two threads,
/// then joined along the row where they meet.
fn parts(grid: &Grid, state: &[u8]) -> (Vec<u32>, Vec<u32>, usize) {
    let g = grid.g as usize;
    let mut cell_of = vec![u32::MAX; grid.slots.len()];
    let mid = if threads_for(grid.slots.len()) > 1 {
        g / 2
    } else {
        g
    };
    let (low, high) = cell_of.split_at_mut(grid.rows[mid] as usize);
    let mut halves = [Cells::default(), Cells::default()];
    {
        let [a, b] = &mut halves;
        let jobs = vec![(0..mid, low, a), (mid..g, high, b)];
        par_each(jobs, |(rows, out, cells)| {
            cells.walk(grid, state, rows, out);
        });
    }
    let [mut parent, b] = halves;
    // The second half's cells come after the first's, and its first row meets the first's
    // last.
    let offset = to_u32(parent.parent.len());
    for c in high.iter_mut().filter(|c| **c != u32::MAX) {
        *c += offset;
    }
    parent.parent.extend(b.parent.iter().map(|&p| p + offset));
    let first_row: Vec<(u32, u32)> = b.first.iter().map(|&(c, k)| (c, k + offset)).collect();
    let last_row = std::mem::take(&mut parent.last);
    parent.join_rows(&last_row, &first_row);
    let mut parent = parent.parent;
    // Parts numbered in grid order.
    let mut part_of_root = vec![u32::MAX; parent.len()];
    let mut parts = 0_u32;
    let mut part_of_cell = vec![0_u32; parent.len()];
    for (cell, part) in part_of_cell.iter_mut().enumerate() {
        let root = find(&mut parent, to_u32(cell)) as usize;
        if part_of_root[root] == u32::MAX {
            part_of_root[root] = parts;
            parts += 1;
        }
        *part = part_of_root[root];
    }
    (cell_of, part_of_cell, parts as usize)
}

/// The occupied cells of some rows as a union-find forest, with the cells of the first and
/// the last of those rows: (column, cell), by column.
#[derive(Debug, Default)]
struct Cells {
    parent: Vec<u32>,
    first: Vec<(u32, u32)>,
    last: Vec<(u32, u32)>,
}

impl Cells {
    /// Finds the occupied cells of `rows` and joins touching ones; `out` gets each active
    /// slot's cell (it starts at the first slot of `rows`).
    fn walk(&mut self, grid: &Grid, state: &[u8], rows: std::ops::Range<usize>, out: &mut [u32]) {
        let base = grid.rows[rows.start] as usize;
        let mut this: Vec<(u32, u32)> = Vec::new();
        let first_row = rows.start;
        for r in rows {
            this.clear();
            let (from, to) = (grid.rows[r] as usize, grid.rows[r + 1] as usize);
            for slot in from..to {
                if state[slot] != ACTIVE {
                    continue;
                }
                let col = row_of(f64::from(grid.slots[slot].x), grid.g);
                let cell = match this.last() {
                    Some(&(c, cell)) if c == col => cell,
                    last => {
                        let cell = to_u32(self.parent.len());
                        self.parent.push(cell);
                        if let Some(&(c, left)) = last
                            && c + 1 == col
                        {
                            union(&mut self.parent, left, cell);
                        }
                        this.push((col, cell));
                        cell
                    }
                };
                out[slot - base] = cell;
            }
            let above = std::mem::take(&mut self.last);
            self.join_rows(&above, &this);
            if r == first_row {
                self.first.clone_from(&this);
            }
            self.last.clone_from(&this);
        }
    }

    /// Joins each cell of a row with the cells of the row above in columns `c - 1 ..= c + 1`
    /// (both lists sorted by column).
    fn join_rows(&mut self, above: &[(u32, u32)], this: &[(u32, u32)]) {
        let mut k = 0;
        for &(col, cell) in this {
            while k < above.len() && above[k].0 + 1 < col {
                k += 1;
            }
            let mut j = k;
            while j < above.len() && above[j].0 <= col + 1 {
                union(&mut self.parent, above[j].1, cell);
                j += 1;
            }
        }
    }
}

/// The root of `x`'s set, halving the path on the way.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// Joins the sets of `a` and `b` (the lower root becomes the root).
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra < rb {
        parent[rb as usize] = ra;
    } else if rb < ra {
        parent[ra as usize] = rb;
    }
}
