//! The levels: items in grid rows sorted by x, the input level built by counting sorts, and
//! each next level merged from the survivors of one and its new clusters.

use super::convert::{lat_y, lng_x, to_f32, to_u32, to_u32_f, to_u32_low, to_u64_low};
use super::greedy::{GONE, window};
use super::groups::Groups;
use super::parallel::{par_chunks, par_chunks_aligned, par_each, threads_for};

/// About this many items per grid row, on average, at most (fewer rows scatter faster; a
/// column directory finds the place in a row). Not many more: data dense in a few places
/// (towns in a conflict) would get rows far higher than the radius there, and a radius
/// query walks a row's whole height (256 made the GED-like layer's greedy pass 2.5× slower).
const ITEMS_PER_ROW: usize = 16;

/// At most this many grid rows (a power of two).
pub(super) const MAX_ROWS: u32 = 1 << 20;

/// An item of a level: its `f32` Mercator position, its id (a point index, or a cluster id
/// from `n` up) and its rank in supercluster's order of the level.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Slot {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) id: u32,
    pub(super) rank: u32,
}

/// The items of one level sorted by row of a `g`-row grid over the unit square, then by x.
/// Row `r` holds the slots `rows[r] .. rows[r + 1]`; each row is cut into `cols` columns,
/// and `cells[r * cols + c]` is the first slot of row `r` in column `c` or further right.
#[derive(Debug, Clone, Default)]
pub(super) struct Grid {
    pub(super) g: u32,
    pub(super) rows: Vec<u32>,
    pub(super) slots: Vec<Slot>,
    pub(super) cols: u32,
    pub(super) cells: Vec<u32>,
}

impl Grid {
    /// The input level: one entry per group of `points` at its (first point's) position
    /// projected, ranked by group (first occurrence), sorted into `g` rows.
    pub(super) fn from_points(
        points: &[[f64; 2]],
        groups: &Groups,
        row_total: u32,
        threads: usize,
    ) -> Self {
        let len = groups.count(points.len());
        let mut projected = vec![Slot::default(); len];
        par_chunks(&mut projected, threads, |start, chunk| {
            for (k, slot) in chunk.iter_mut().enumerate() {
                let rank = to_u32(start + k);
                let id = groups.first(rank);
                let [lon, lat] = points[id as usize];
                let (px, py) = if lon.is_finite() && lat.is_finite() {
                    (to_f32(lng_x(lon)), to_f32(lat_y(lat)))
                } else {
                    (f32::NAN, f32::NAN)
                };
                *slot = Slot {
                    x: px,
                    y: py,
                    id,
                    rank,
                };
            }
        });
        // Stable counting sorts by column, then by row: both scatter into few buckets.
        let cols = column_count(len, row_total);
        let tmp = counting_sort(&projected, cols, |p| row_of(f64::from(p.x), cols));
        let mut rows = Vec::new();
        let slots = counting_sort_rows(&tmp, row_total, &mut rows);
        drop(tmp);
        let mut grid = Self {
            g: row_total,
            rows,
            slots,
            cols: 1,
            cells: Vec::new(),
        };
        grid.sort_cells(cols, threads);
        grid.index_columns();
        grid
    }

    /// Sorts each row by x, given that it is already sorted by column of `cols`: only the
    /// runs of one column are sorted.
    fn sort_cells(&mut self, cols: u32, threads: usize) {
        let g = self.g as usize;
        let rows = &self.rows;
        let mut rest: &mut [Slot] = &mut self.slots;
        let mut parts = Vec::with_capacity(threads);
        let mut taken = 0_usize;
        for t in 0..threads {
            let (first_row, end_row) = (g * t / threads, g * (t + 1) / threads);
            let end = rows[end_row] as usize;
            let (part, tail) = rest.split_at_mut(end - taken);
            parts.push((first_row, end_row, taken, part));
            taken = end;
            rest = tail;
        }
        let sort = |(r0, r1, offset, part): (usize, usize, usize, &mut [Slot])| {
            for r in r0..r1 {
                let row = &mut part[rows[r] as usize - offset..rows[r + 1] as usize - offset];
                let mut a = 0;
                while a < row.len() {
                    let col = row_of(f64::from(row[a].x), cols);
                    let mut b = a + 1;
                    while b < row.len() && row_of(f64::from(row[b].x), cols) == col {
                        b += 1;
                    }
                    if b - a > 1 {
                        row[a..b].sort_unstable_by(|p, q| p.x.total_cmp(&q.x));
                    }
                    a = b;
                }
            }
        };
        if parts.len() <= 1 {
            parts.into_iter().for_each(sort);
        } else {
            std::thread::scope(|scope| {
                let sort = &sort;
                let mut parts = parts.into_iter();
                let first = parts.next();
                for part in parts {
                    scope.spawn(move || sort(part));
                }
                if let Some(part) = first {
                    sort(part);
                }
            });
        }
    }

    /// Fills `cols` and `cells`: about one cell per item.
    fn index_columns(&mut self) {
        let g = self.g as usize;
        let cols = column_count(self.slots.len(), self.g);
        let c = cols as usize;
        self.cols = cols;
        self.cells.clear();
        self.cells.resize(g * c, 0);
        let (rows, slots) = (&self.rows, &self.slots);
        let threads = threads_for(slots.len().max(g * c));
        par_chunks_aligned(&mut self.cells, threads, c, |start, chunk| {
            for (k, row_cells) in chunk.chunks_mut(c).enumerate() {
                let r = start / c + k;
                let (mut at, end) = (rows[r] as usize, rows[r + 1] as usize);
                for (col, cell) in (0..cols).zip(row_cells) {
                    while at < end && row_of(f64::from(slots[at].x), cols) < col {
                        at += 1;
                    }
                    *cell = to_u32(at);
                }
            }
        });
    }

    /// The next level down: the slots not `GONE`, and the new clusters in `fresh`, in `g`
    /// rows (`g` divides `self.g`; both are powers of two). The rows are cut into one run
    /// per thread, of about as many slots, each filled on its own thread.
    pub(super) fn next_level(&self, state: &[u8], fresh: &mut [Slot], row_total: u32) -> Self {
        let fold = (self.g / row_total.max(1)).max(1) as usize;
        let row_total = self.g / to_u32(fold);
        let g = row_total as usize;
        sort_by_row_and_x(fresh, row_total);
        let threads = threads_for(self.slots.len()).min(g);
        // Run t is rows cuts[t] .. cuts[t + 1] of the next level.
        let mut cuts = vec![0_usize];
        for t in 1..threads {
            let target = to_u32(self.slots.len() * t / threads);
            let row = self.rows.partition_point(|&b| b < target) / fold;
            cuts.push(row.clamp(cuts[t - 1], g));
        }
        cuts.push(g);
        let fresh_row = |p: &Slot| row_of(f64::from(p.y), row_total) as usize;
        let mut jobs = Vec::with_capacity(threads);
        let mut total = 0;
        for w in cuts.windows(2) {
            let (from, to) = (
                self.rows[w[0] * fold] as usize,
                self.rows[w[1] * fold] as usize,
            );
            let kept = state[from..to].iter().filter(|&&s| s != GONE).count();
            let fresh_from = fresh.partition_point(|p| fresh_row(p) < w[0]);
            let fresh_to = fresh.partition_point(|p| fresh_row(p) < w[1]);
            let len = kept + fresh_to - fresh_from;
            jobs.push((w[0]..w[1], fresh_from..fresh_to, total, len));
            total += len;
        }
        let mut slots = vec![Slot::default(); total];
        let mut rows = vec![0_u32; g + 1];
        rows[g] = to_u32(total);
        let (mut slots_rest, mut rows_rest): (&mut [Slot], &mut [u32]) = (&mut slots, &mut rows);
        let mut parts = Vec::with_capacity(jobs.len());
        for (run, fresh_run, base, len) in jobs {
            let (out, s_tail) = slots_rest.split_at_mut(len);
            let (starts, r_tail) = rows_rest.split_at_mut(run.len());
            slots_rest = s_tail;
            rows_rest = r_tail;
            parts.push((run, &fresh[fresh_run], base, out, starts));
        }
        par_each(parts, |(run, fresh, base, out, starts)| {
            self.fill_rows(state, fold, row_total, run, fresh, base, out, starts);
        });
        let mut grid = Self {
            g: row_total,
            rows,
            slots,
            cols: 1,
            cells: Vec::new(),
        };
        grid.index_columns();
        grid
    }

    /// Fills rows `run` of the next level (`row_total` rows, each `fold` of these): their
    /// slots not `GONE` merged by x with their new clusters `fresh`, into `out` (which starts
    /// at slot `base` of the level), and their starts into `starts`.
    #[allow(clippy::too_many_arguments)]
    fn fill_rows(
        &self,
        state: &[u8],
        fold: usize,
        row_total: u32,
        run: std::ops::Range<usize>,
        fresh: &[Slot],
        base: usize,
        out: &mut [Slot],
        starts: &mut [u32],
    ) {
        let kept = |slot: &usize| state[*slot] != GONE;
        let mut fresh = fresh.iter().peekable();
        let mut merged = Vec::new();
        let mut at = 0;
        for (row, start_out) in run.zip(starts.iter_mut()) {
            *start_out = to_u32(base + at);
            let start = at;
            let (from, to) = (
                self.rows[row * fold] as usize,
                self.rows[(row + 1) * fold] as usize,
            );
            if fold == 2 {
                let mid = self.rows[row * fold + 1] as usize;
                let mut left = (from..mid).filter(kept).peekable();
                let mut right = (mid..to).filter(kept).peekable();
                loop {
                    let take = match (left.peek(), right.peek()) {
                        (Some(&li), Some(&rj)) => {
                            if self.slots[rj].x.total_cmp(&self.slots[li].x).is_lt() {
                                right.next()
                            } else {
                                left.next()
                            }
                        }
                        (Some(_), None) => left.next(),
                        (None, _) => right.next(),
                    };
                    let Some(slot) = take else { break };
                    out[at] = self.slots[slot];
                    at += 1;
                }
            } else {
                for slot in (from..to).filter(kept) {
                    out[at] = self.slots[slot];
                    at += 1;
                }
                if fold > 1 {
                    out[start..at].sort_unstable_by(|p, q| p.x.total_cmp(&q.x));
                }
            }
            let here = to_u32(row);
            if fresh
                .peek()
                .is_some_and(|p| row_of(f64::from(p.y), row_total) == here)
            {
                merged.clear();
                let mut old = out[start..at].iter().peekable();
                loop {
                    let next_fresh = fresh
                        .peek()
                        .filter(|p| row_of(f64::from(p.y), row_total) == here);
                    let take = match (old.peek(), next_fresh) {
                        (Some(old_item), Some(new_item)) => {
                            if new_item.x.total_cmp(&old_item.x).is_lt() {
                                fresh.next()
                            } else {
                                old.next()
                            }
                        }
                        (Some(_), None) => old.next(),
                        (None, Some(_)) => fresh.next(),
                        (None, None) => None,
                    };
                    let Some(&item) = take else { break };
                    merged.push(item);
                }
                out[start..start + merged.len()].copy_from_slice(&merged);
                at = start + merged.len();
            }
        }
    }
}

/// Rows for a level of `m` items queried at radius `r`: a power of two, at most `cap`, rows
/// at least `2 w` high (`w` the query half-width), and not many more rows than items.
pub(super) fn row_count(m: usize, r: f64, cap: u32) -> u32 {
    let by_radius = (0.5 / window(r, 0.0, 0.0)).min(f64::from(MAX_ROWS));
    let by_radius = prev_power_of_two(to_u32_f(by_radius));
    let by_items = prev_power_of_two(to_u32((m / ITEMS_PER_ROW).min(MAX_ROWS as usize)));
    by_radius.min(by_items).min(cap).max(1)
}

/// Columns per row for `m` items in `g` rows: about one item per cell.
fn column_count(m: usize, g: u32) -> u32 {
    prev_power_of_two(to_u32(m / g.max(1) as usize)).min(MAX_ROWS)
}

/// Sorts `items` by row of a `g`-row grid, then by x: by keys made once (row, x's bits in
/// `total_cmp`'s order, position), not by comparing positions each time.
fn sort_by_row_and_x(items: &mut [Slot], g: u32) {
    let mut keys: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let bits = p.x.to_bits();
            // `f32::total_cmp`'s key: negative values' bits reversed, the sign bit set for the rest.
            let x = if bits >> 31 == 1 {
                !bits
            } else {
                bits | 1 << 31
            };
            u128::from(row_of(f64::from(p.y), g)) << 64 | u128::from(x) << 32 | k as u128
        })
        .collect();
    keys.sort_unstable();
    let sorted: Vec<Slot> = keys
        .iter()
        .map(|&key| items[to_u32_low(to_u64_low(key)) as usize])
        .collect();
    items.copy_from_slice(&sorted);
}

/// A stable counting sort of `items` into `buckets` by `key`.
fn counting_sort(items: &[Slot], buckets: u32, key: impl Fn(&Slot) -> u32) -> Vec<Slot> {
    let mut starts = vec![0_u32; buckets as usize + 1];
    for p in items {
        starts[key(p) as usize + 1] += 1;
    }
    for b in 0..buckets as usize {
        starts[b + 1] += starts[b];
    }
    let mut out = vec![Slot::default(); items.len()];
    for p in items {
        let at = &mut starts[key(p) as usize];
        out[*at as usize] = *p;
        *at += 1;
    }
    out
}

/// A stable counting sort of `items` into `g` rows by y; sets `rows` to the row starts.
fn counting_sort_rows(items: &[Slot], g: u32, rows: &mut Vec<u32>) -> Vec<Slot> {
    let out = counting_sort(items, g, |p| row_of(f64::from(p.y), g));
    rows.clear();
    rows.resize(g as usize + 1, 0);
    for p in items {
        rows[row_of(f64::from(p.y), g) as usize + 1] += 1;
    }
    for r in 0..g as usize {
        rows[r + 1] += rows[r];
    }
    out
}

/// The largest power of two not above `v` (1 for 0).
fn prev_power_of_two(v: u32) -> u32 {
    if v == 0 { 1 } else { 1 << v.ilog2() }
}

/// The grid row of a Mercator y (or column of an x): `floor(v g)` clamped to the grid, NaN
/// in the last row.
pub(super) fn row_of(v: f64, g: u32) -> u32 {
    if v > 0.0 {
        // Truncation is floor here; the cast saturates.
        to_u32_f(v * f64::from(g)).min(g - 1)
    } else if v.is_nan() {
        g - 1
    } else {
        0
    }
}
