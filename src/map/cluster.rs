//! Groups markers that would overlap on screen, so none is drawn on top of another.

use egui::{Pos2, Rect};

use crate::model::PlaceIdx;
use crate::style::GROUP_RADIUS;

/// A marker before grouping: a place, its screen position and its radius.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenMarker {
    pub place: PlaceIdx,
    pub pos: Pos2,
    pub radius: f32,
    /// How many events it stands for; heavier markers anchor clusters.
    pub weight: usize,
}

/// One drawn symbol: a single place or a group of places that overlap at this zoom.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Members, heaviest first.
    pub members: Vec<PlaceIdx>,
    /// Where it is drawn: the heaviest member's position.
    pub pos: Pos2,
    pub radius: f32,
    pub weight: usize,
}

impl Cluster {
    #[must_use]
    pub fn is_group(&self) -> bool {
        self.members.len() > 1
    }
}

/// Radius of a marker standing for `weight` events: area grows with the count.
#[must_use]
pub fn marker_radius(weight: usize, max_weight: usize) -> f32 {
    use crate::style::{MARKER_RADIUS_MAX, MARKER_RADIUS_MIN};
    #[allow(clippy::cast_precision_loss)] // Event counts are small.
    let share = (weight as f32 / max_weight.max(1) as f32).sqrt();
    MARKER_RADIUS_MIN + (MARKER_RADIUS_MAX - MARKER_RADIUS_MIN) * share.clamp(0.0, 1.0)
}

/// Greedy grouping, heaviest first: a marker joins the first cluster whose circle it would
/// touch (with `gap` points between), else starts its own. Markers outside `visible` (grown by
/// the largest radius) are left out. Deterministic for the same input.
#[must_use]
pub fn cluster(markers: &[ScreenMarker], visible: Rect, gap: f32) -> Vec<Cluster> {
    let margin = crate::style::MARKER_RADIUS_MAX * 2.0;
    let mut order: Vec<&ScreenMarker> = markers
        .iter()
        .filter(|m| visible.expand(margin).contains(m.pos))
        .collect();
    order.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.place.cmp(&b.place)));
    let mut clusters: Vec<Cluster> = Vec::new();
    for marker in order {
        // Every symbol is given at least a group's size when testing for overlap, so that a
        // cluster drawn larger later still touches no other.
        let radius = marker.radius.max(GROUP_RADIUS);
        let joined = clusters
            .iter_mut()
            .find(|c| c.pos.distance(marker.pos) < c.radius.max(GROUP_RADIUS) + radius + gap);
        match joined {
            Some(cluster) => {
                cluster.members.push(marker.place);
                cluster.weight += marker.weight;
            }
            None => clusters.push(Cluster {
                members: vec![marker.place],
                pos: marker.pos,
                radius: marker.radius,
                weight: marker.weight,
            }),
        }
    }
    // A group is drawn a little larger than its anchor, so it reads as "more here".
    for cluster in &mut clusters {
        if cluster.is_group() {
            cluster.radius = cluster.radius.max(GROUP_RADIUS);
        }
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn marker(i: u32, x: f32, y: f32, weight: usize) -> ScreenMarker {
        ScreenMarker {
            place: PlaceIdx(i),
            pos: pos2(x, y),
            radius: 8.0,
            weight,
        }
    }

    fn screen() -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(800.0, 600.0))
    }

    #[test]
    fn markers_far_apart_stay_single() {
        let clusters = cluster(
            &[marker(0, 100.0, 100.0, 3), marker(1, 300.0, 100.0, 1)],
            screen(),
            4.0,
        );
        assert_eq!(clusters.len(), 2);
        assert!(clusters.iter().all(|c| !c.is_group()));
    }

    #[test]
    fn overlapping_markers_group_under_the_heaviest() {
        let clusters = cluster(
            &[
                marker(0, 100.0, 100.0, 1),
                marker(1, 105.0, 102.0, 9),
                marker(2, 500.0, 500.0, 2),
            ],
            screen(),
            4.0,
        );
        assert_eq!(clusters.len(), 2);
        let group = clusters.iter().find(|c| c.is_group()).expect("a group");
        assert_eq!(group.members, vec![PlaceIdx(1), PlaceIdx(0)]);
        assert_eq!(group.pos, pos2(105.0, 102.0));
        assert_eq!(group.weight, 10);
    }

    #[test]
    #[allow(clippy::cast_precision_loss)] // Small grid coordinates.
    fn no_two_drawn_symbols_overlap() {
        // A dense grid of markers: whatever is drawn must not overlap.
        let markers: Vec<ScreenMarker> = (0..100u32)
            .map(|i| {
                marker(
                    i,
                    50.0 + (i % 10) as f32 * 9.0,
                    50.0 + (i / 10) as f32 * 9.0,
                    (i % 7) as usize + 1,
                )
            })
            .collect();
        let clusters = cluster(&markers, screen(), 2.0);
        for (i, a) in clusters.iter().enumerate() {
            for b in &clusters[i + 1..] {
                assert!(
                    a.pos.distance(b.pos) >= a.radius + b.radius + 2.0 - 0.01,
                    "{a:?} overlaps {b:?}"
                );
            }
        }
        let total: usize = clusters.iter().map(|c| c.members.len()).sum();
        assert_eq!(total, 100, "every marker is in exactly one cluster");
    }

    #[test]
    fn markers_off_screen_are_left_out() {
        let clusters = cluster(&[marker(0, -500.0, 100.0, 3)], screen(), 4.0);
        assert!(clusters.is_empty());
    }

    #[test]
    fn radius_grows_with_the_count() {
        assert!(marker_radius(1, 10) < marker_radius(5, 10));
        assert!((marker_radius(10, 10) - crate::style::MARKER_RADIUS_MAX).abs() < 1e-6);
    }
}
