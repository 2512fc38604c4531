//! A direct port of supercluster's clustering, used as the oracle on small sets.

use std::collections::HashMap;
use std::f64::consts::PI;

use super::{ClusterIndex, Item, Options, id_of};

/// supercluster's `_cluster` step by step, with a linear scan for neighbours (in level
/// order) instead of a k-d tree; each item carries its sorted leaves.
pub(super) fn naive_levels(
    points: &[[f64; 2]],
    options: Options,
) -> Vec<Vec<(Vec<u32>, f64, f64)>> {
    let fround = |v: f64| f64::from(v as f32);
    let lat_y = |lat: f64| {
        let sin = (lat * PI / 180.0).sin();
        (0.5 - 0.25 * ((1.0 + sin) / (1.0 - sin)).ln() / PI).clamp(0.0, 1.0)
    };
    let mut level: Vec<(Vec<u32>, f64, f64)> = points
        .iter()
        .enumerate()
        .map(|(i, &[lon, lat])| {
            (
                vec![i as u32],
                fround(lon / 360.0 + 0.5),
                fround(lat_y(lat)),
            )
        })
        .collect();
    let mut levels = vec![level.clone()];
    for zoom in (options.min_zoom..=options.max_zoom).rev() {
        let r = options.radius / (options.extent * f64::from(zoom).exp2());
        let mut visited = vec![false; level.len()];
        let mut next = Vec::new();
        for i in 0..level.len() {
            if visited[i] {
                continue;
            }
            visited[i] = true;
            let (x, y) = (level[i].1, level[i].2);
            let near: Vec<usize> = (0..level.len())
                .filter(|&j| {
                    let dx = fround(level[j].1) - x;
                    let dy = fround(level[j].2) - y;
                    !visited[j] && dx * dx + dy * dy <= r * r
                })
                .collect();
            let own = level[i].0.len();
            let total = own + near.iter().map(|&j| level[j].0.len()).sum::<usize>();
            if total > own && total >= options.min_points {
                let (mut wx, mut wy) = (x * own as f64, y * own as f64);
                let mut leaves = level[i].0.clone();
                for &j in &near {
                    visited[j] = true;
                    wx += level[j].1 * level[j].0.len() as f64;
                    wy += level[j].2 * level[j].0.len() as f64;
                    leaves.extend_from_slice(&level[j].0);
                }
                leaves.sort_unstable();
                next.push((leaves, wx / total as f64, wy / total as f64));
            } else {
                next.push(level[i].clone());
                for &j in &near {
                    visited[j] = true;
                    next.push(level[j].clone());
                }
            }
        }
        level = next;
        levels.push(level.clone());
    }
    levels.reverse();
    levels
}

/// Compares the index with the direct port at every zoom: the same clusters (as sets of
/// leaves) at the same places, up to the last bits of a centroid.
pub(super) fn check_against_naive(points: &[[f64; 2]], options: Options) {
    let index = ClusterIndex::build(points, options);
    let naive = naive_levels(points, options);
    for (k, want) in naive.iter().enumerate() {
        let zoom = options.min_zoom + k as u8;
        let got = index.clusters(-180.0, -90.0, 180.0, 90.0, zoom);
        assert_eq!(got.len(), want.len(), "zoom {zoom}: item count");
        let mut by_leaves: HashMap<Vec<u32>, (f64, f64)> = HashMap::new();
        for item in &got {
            let mut leaves = index.leaves(id_of(item));
            leaves.sort_unstable();
            let pos = match *item {
                Item::Point { lon, lat, .. } | Item::Cluster { lon, lat, .. } => (lon, lat),
            };
            by_leaves.insert(leaves, pos);
        }
        for (leaves, x, y) in want {
            let Some(&(lon, lat)) = by_leaves.get(leaves) else {
                panic!("zoom {zoom}: supercluster's cluster {leaves:?} is missing");
            };
            let want_lon = (x - 0.5) * 360.0;
            let want_lat = 360.0 * ((180.0 - y * 360.0) * PI / 180.0).exp().atan() / PI - 90.0;
            if leaves.len() > 1 {
                assert!(
                    (lon - want_lon).abs() < 1e-9,
                    "zoom {zoom}: lon {lon} vs {want_lon}"
                );
                assert!(
                    (lat - want_lat).abs() < 1e-9,
                    "zoom {zoom}: lat {lat} vs {want_lat}"
                );
            } else {
                assert_eq!([lon, lat], points[leaves[0] as usize]);
            }
        }
    }
}
