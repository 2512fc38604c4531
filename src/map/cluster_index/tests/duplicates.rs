//! Points at repeated positions: grouped, they give the same clusters as each on its own.

use super::reference::{check_against_naive, naive_levels};
use super::{ClusterIndex, Item, Options, city_points, count_of, id_of, repeated_points};

#[test]
fn duplicates_cluster_at_every_zoom() {
    let mut points = vec![[69.28, 41.31]; 1000];
    points.push([-70.0, -30.0]);
    let index = ClusterIndex::build(&points, Options::default());
    for zoom in 0..=16 {
        let items = index.clusters(-180.0, -90.0, 180.0, 90.0, zoom);
        assert_eq!(items.len(), 2, "zoom {zoom}");
        let Some(Item::Cluster {
            id,
            count,
            lon,
            lat,
        }) = items
            .iter()
            .find(|i| matches!(i, Item::Cluster { .. }))
            .copied()
        else {
            panic!("no cluster at zoom {zoom}");
        };
        assert_eq!(count, 1000);
        assert!(
            (lon - 69.28).abs() < 1e-4 && (lat - 41.31).abs() < 1e-4,
            "{lon} {lat}"
        );
        let mut leaves = index.leaves(id);
        leaves.sort_unstable();
        assert_eq!(leaves, (0..1000).collect::<Vec<u32>>());
        // Made at max_zoom and never changed, it keeps one id.
        assert_eq!(index.expansion_zoom(id), Some(17));
    }
    assert_eq!(index.clusters(-180.0, -90.0, 180.0, 90.0, 17).len(), 1001);
}

#[test]
fn duplicates_give_the_clusters_of_a_direct_port() {
    let points = repeated_points(3000, 600);
    check_against_naive(&points, Options::default());
    check_against_naive(
        &points,
        Options {
            radius: 60.0,
            extent: 256.0,
            min_zoom: 2,
            max_zoom: 12,
            min_points: 2,
        },
    );
    // Mixed: the repeated positions among distinct points near them.
    let mut mixed = city_points(2000);
    mixed.extend(repeated_points(1500, 300));
    mixed.extend_from_slice(&city_points(500));
    check_against_naive(&mixed, Options::default());
}

#[test]
fn many_duplicates_every_point_once_and_leaves_return_all_indices() {
    let points = repeated_points(50_000, 2000);
    let index = ClusterIndex::build(&points, Options::default());
    assert!(
        index.groups.count(points.len()) <= 2000,
        "positions must be grouped"
    );
    for zoom in 0..=17 {
        let mut seen = vec![0_u8; points.len()];
        for item in index.clusters(-180.0, -90.0, 180.0, 90.0, zoom) {
            let leaves = index.leaves(id_of(&item));
            assert_eq!(
                leaves.len() as u32,
                count_of(&item),
                "zoom {zoom}: leaves of {item:?}"
            );
            for leaf in leaves {
                seen[leaf as usize] += 1;
                if let Item::Point { lon, lat, .. } = item {
                    assert_eq!([lon, lat], points[leaf as usize]);
                }
            }
            if let Item::Cluster { id, count, .. } = item {
                let children = index.children_of(id).unwrap();
                assert_eq!(children.iter().map(|&c| index.count(c)).sum::<u32>(), count);
            }
        }
        assert!(
            seen.iter().all(|&k| k == 1),
            "zoom {zoom}: some point missing or repeated"
        );
    }
    // The points level returns every input point as itself.
    let mut raw: Vec<u32> = index
        .clusters(-180.0, -90.0, 180.0, 90.0, 17)
        .iter()
        .map(id_of)
        .collect();
    raw.sort_unstable();
    assert_eq!(raw, (0..points.len() as u32).collect::<Vec<u32>>());
}

#[test]
fn duplicates_below_min_points_stay_points() {
    let options = Options {
        min_points: 4,
        ..Options::default()
    };
    // Far apart: 3 copies (too few), 4 copies (a cluster), 2 copies next to 2 other points
    // (a cluster of 4 with them), and one point.
    let mut points = vec![[10.0, 10.0]; 3];
    points.extend([[-60.0, -20.0]; 4]);
    points.extend([
        [100.0, 40.0],
        [100.0, 40.0],
        [100.000_01, 40.0],
        [100.0, 40.000_01],
    ]);
    points.push([-120.0, 50.0]);
    // Interleave them so duplicates are not next to each other in the input.
    let order = [0, 3, 7, 1, 4, 8, 11, 2, 5, 9, 6, 10];
    let points: Vec<[f64; 2]> = order.iter().map(|&k| points[k]).collect();
    let index = ClusterIndex::build(&points, options);
    let naive = naive_levels(&points, options);
    for zoom in 0..=17_u8 {
        let items = index.clusters(-180.0, -90.0, 180.0, 90.0, zoom);
        let mut counts: Vec<u32> = items.iter().map(count_of).collect();
        counts.sort_unstable();
        let mut want: Vec<u32> = naive[zoom as usize]
            .iter()
            .map(|(l, _, _)| l.len() as u32)
            .collect();
        want.sort_unstable();
        assert_eq!(counts, want, "zoom {zoom}");
        if zoom <= 16 {
            assert_eq!(counts, [1, 1, 1, 1, 4, 4], "zoom {zoom}");
        } else {
            assert_eq!(counts, [1; 12]);
        }
        // The three copies at (10, 10) are three points at every zoom.
        let at_10: Vec<u32> = items
            .iter()
            .filter_map(|i| match *i {
                Item::Point {
                    index,
                    lon: 10.0,
                    lat: 10.0,
                } => Some(index),
                _ => None,
            })
            .collect();
        assert_eq!(at_10.len(), 3, "zoom {zoom}");
    }
    // min_points 1 or 0: a lone pair of copies is still a cluster of 2, a lone point is not.
    for min_points in [0, 1, 2] {
        let index = ClusterIndex::build(
            &[[1.0, 1.0], [5.0, 5.0], [1.0, 1.0]],
            Options {
                min_points,
                ..Options::default()
            },
        );
        let mut counts: Vec<u32> = index
            .clusters(-180.0, -90.0, 180.0, 90.0, 16)
            .iter()
            .map(count_of)
            .collect();
        counts.sort_unstable();
        assert_eq!(counts, [1, 2], "min_points {min_points}");
    }
}

#[test]
fn duplicate_bad_coordinates_are_never_clustered() {
    let points = [
        [f64::NAN, 1.0],
        [f64::NAN, 1.0],
        [0.0, f64::INFINITY],
        [0.0, f64::INFINITY],
        [3.0, 3.0],
    ];
    let index = ClusterIndex::build(&points, Options::default());
    assert_eq!(index.len(), 5);
    for zoom in 0..=17 {
        let items = index.clusters(-180.0, -90.0, 180.0, 90.0, zoom);
        assert_eq!(
            items,
            [Item::Point {
                index: 4,
                lon: 3.0,
                lat: 3.0
            }],
            "zoom {zoom}"
        );
    }
    assert_eq!(index.leaves(0), [0]);
}
