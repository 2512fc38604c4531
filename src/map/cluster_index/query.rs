//! Box queries: finding a level's items in a box or near a point, and turning them into
//! [`Item`]s.

use super::convert::{lat_y, lng_x, x_lng, y_lat};
use super::level::{Grid, Slot, row_of};
use super::{ClusterIndex, Item};

impl ClusterIndex {
    pub(super) fn level(&self, zoom: u8) -> Option<&Grid> {
        let z = zoom.clamp(self.options.min_zoom, self.options.max_zoom + 1);
        self.levels.get(usize::from(z - self.options.min_zoom))
    }

    /// Appends the items of `level` in `[west, south, east, north]` (wrapped degrees).
    pub(super) fn range(
        &self,
        level: &Grid,
        [west, south, east, north]: [f64; 4],
        out: &mut Vec<Item>,
    ) {
        let (min_x, max_x) = (lng_x(west), lng_x(east));
        let (min_y, max_y) = (lat_y(north), lat_y(south));
        level.scan_box(min_x, min_y, max_x, max_y, |p| {
            if self.is_point(p) {
                out.extend(
                    self.groups
                        .members(p.rank, &p.id)
                        .iter()
                        .map(|&i| self.item(i)),
                );
            } else {
                out.push(self.item(p.id));
            }
        });
    }

    fn item(&self, id: u32) -> Item {
        if let Some(&[lon, lat]) = self.points.get(id as usize) {
            return Item::Point {
                index: id,
                lon,
                lat,
            };
        }
        let c = (id as usize)
            .checked_sub(self.points.len())
            .and_then(|k| self.clusters.get(k));
        match c {
            Some(c) => Item::Cluster {
                id,
                count: c.count,
                lon: x_lng(c.x),
                lat: y_lat(c.y),
            },
            // Not reached: every slot holds a point index or a cluster id.
            None => Item::Cluster {
                id,
                count: 0,
                lon: f64::NAN,
                lat: f64::NAN,
            },
        }
    }
}

impl Grid {
    /// The first slot of row `r` whose x is not below `lo` (or the row's end).
    fn row_from(&self, r: usize, lo: f64) -> usize {
        let end = self.rows[r + 1] as usize;
        let col = row_of(lo, self.cols) as usize;
        let cell = r * self.cols as usize + col;
        let at = self.cells.get(cell).map_or(end, |&s| s as usize).min(end);
        // The first item at or past `lo` lies in this cell (or is the next cell's first).
        let cell_end = if col + 1 < self.cols as usize {
            self.cells
                .get(cell + 1)
                .map_or(end, |&s| s as usize)
                .min(end)
        } else {
            end
        };
        // A row is sorted by x: search the cell, do not walk it. A cell of dense data (a town
        // with thousands of events) holds thousands of items, and walking them for every
        // query made building the index of such data quadratic in the cell's size.
        at + self.slots[at..cell_end].partition_point(|p| f64::from(p.x) < lo)
    }

    /// Calls `f(slot, item)` for the items whose x is within `w` of `qx` in the rows within
    /// `w` of `qy` (a superset of the items within `w`), until `f` returns true. Returns
    /// whether it did.
    pub(super) fn scan(
        &self,
        qx: f64,
        qy: f64,
        w: f64,
        mut f: impl FnMut(usize, Slot) -> bool,
    ) -> bool {
        let (lo_x, hi_x) = (qx - w, qx + w);
        for r in row_of(qy - w, self.g)..=row_of(qy + w, self.g) {
            let from = self.row_from(r as usize, lo_x);
            let end = self.rows[r as usize + 1] as usize;
            for (t, &p) in self.slots[from..end].iter().enumerate() {
                if f64::from(p.x) > hi_x {
                    break;
                }
                if f(from + t, p) {
                    return true;
                }
            }
        }
        false
    }

    /// Calls `f` for each item in the box (edges included), in grid order.
    fn scan_box(&self, min_x: f64, min_y: f64, max_x: f64, max_y: f64, mut f: impl FnMut(Slot)) {
        if self.slots.is_empty() || !(min_x <= max_x && min_y <= max_y) {
            return;
        }
        for r in row_of(min_y, self.g)..=row_of(max_y, self.g) {
            let from = self.row_from(r as usize, min_x);
            let end = self.rows[r as usize + 1] as usize;
            for &p in &self.slots[from..end] {
                if f64::from(p.x) > max_x {
                    break;
                }
                let y = f64::from(p.y);
                if min_y <= y && y <= max_y {
                    f(p);
                }
            }
        }
    }
}
