//! The index's invariants and edge cases: every point once, children and expansion zooms, the
//! antimeridian, empty and bad input, capped options.

use super::{ClusterIndex, Item, MAX_ZOOM, Options, city_points, count_of, id_of, uniform_points};

#[test]
fn every_point_once_at_every_zoom_and_leaves_add_up() {
    let points = city_points(20_000);
    let index = ClusterIndex::build(&points, Options::default());
    assert_eq!(index.len(), points.len());
    for zoom in 0..=17 {
        let mut seen = vec![0_u8; points.len()];
        for item in index.clusters(-180.0, -90.0, 180.0, 90.0, zoom) {
            let leaves = index.leaves(id_of(&item));
            assert_eq!(
                leaves.len() as u32,
                count_of(&item),
                "zoom {zoom}: leaves of {item:?}"
            );
            assert_eq!(index.count(id_of(&item)), count_of(&item));
            for leaf in leaves {
                seen[leaf as usize] += 1;
            }
        }
        assert!(
            seen.iter().all(|&k| k == 1),
            "zoom {zoom}: some point missing or repeated"
        );
    }
}

#[test]
fn children_and_expansion_zoom() {
    let points = city_points(20_000);
    let index = ClusterIndex::build(&points, Options::default());
    let mut checked = 0;
    for zoom in 0..=16 {
        for item in index.clusters(-180.0, -90.0, 180.0, 90.0, zoom) {
            let Item::Cluster { id, count, .. } = item else {
                assert_eq!(index.expansion_zoom(id_of(&item)), None);
                continue;
            };
            let children = index.children_of(id).unwrap();
            assert!(children.len() >= 2);
            assert_eq!(children.iter().map(|&c| index.count(c)).sum::<u32>(), count);
            // The cluster is there up to the zoom below its expansion zoom, and gone at it.
            let expands = index.expansion_zoom(id).unwrap();
            assert!(expands > zoom && expands <= 17);
            let has = |z: u8| {
                index
                    .clusters(-180.0, -90.0, 180.0, 90.0, z)
                    .iter()
                    .any(|i| matches!(i, Item::Cluster { id: other, .. } if *other == id))
            };
            if checked < 200 {
                assert!(has(expands - 1), "cluster {id} missing at {}", expands - 1);
                assert!(!has(expands), "cluster {id} still there at {expands}");
                let found: Vec<u32> = index
                    .clusters(-180.0, -90.0, 180.0, 90.0, expands)
                    .iter()
                    .map(id_of)
                    .filter(|c| children.contains(c))
                    .collect();
                assert_eq!(found.len(), children.len(), "children of {id} at {expands}");
            }
            checked += 1;
        }
    }
    assert!(checked > 1000);
    assert_eq!(index.children_of(0), None);
    assert_eq!(index.expansion_zoom(u32::MAX), None);
    assert_eq!(index.leaves(u32::MAX), Vec::<u32>::new());
    assert_eq!(index.count(u32::MAX), 0);
}

#[test]
fn boxes_across_the_antimeridian() {
    let points = uniform_points(20_000);
    let index = ClusterIndex::build(&points, Options::default());
    for zoom in [2, 6, 10, 17] {
        let ids = |w, s, e, n| {
            let mut v: Vec<u32> = index.clusters(w, s, e, n, zoom).iter().map(id_of).collect();
            v.sort_unstable();
            v
        };
        let across = ids(170.0, -50.0, -160.0, 40.0);
        let mut halves = ids(170.0, -50.0, 180.0, 40.0);
        halves.extend(ids(-180.0, -50.0, -160.0, 40.0));
        halves.sort_unstable();
        assert!(!across.is_empty());
        assert_eq!(across, halves, "zoom {zoom}");
        // The same box written with longitudes past ±180.
        assert_eq!(ids(170.0, -50.0, 200.0, 40.0), across, "zoom {zoom}");
        assert_eq!(ids(-190.0, -50.0, -160.0, 40.0), across, "zoom {zoom}");
        // A box 360° wide or more is the world.
        assert_eq!(
            ids(-300.0, -90.0, 60.0, 90.0),
            ids(-180.0, -90.0, 180.0, 90.0)
        );
    }
}

#[test]
fn points_on_the_antimeridian() {
    let points = [[180.0, 10.0], [-180.0, -10.0], [0.0, 0.0]];
    let index = ClusterIndex::build(&points, Options::default());
    let ids = |w, s, e, n| {
        let mut v: Vec<u32> = index.clusters(w, s, e, n, 17).iter().map(id_of).collect();
        v.sort_unstable();
        v
    };
    assert_eq!(ids(179.0, -90.0, 180.0, 90.0), [0]);
    assert_eq!(ids(-180.0, -90.0, -179.0, 90.0), [1]);
    assert_eq!(ids(179.0, -90.0, -179.0, 90.0), [0, 1]);
    assert_eq!(ids(-180.0, -90.0, 180.0, 90.0), [0, 1, 2]);
    // The two ends of the map are a whole world apart, so they never cluster.
    assert_eq!(index.clusters(-180.0, -90.0, 180.0, 90.0, 0).len(), 3);
    let [Item::Point { index: 0, lon, lat }] = index.clusters(179.0, 0.0, 180.0, 20.0, 5)[..]
    else {
        panic!("expected the point at 180°");
    };
    assert_eq!((lon, lat), (180.0, 10.0));
}

#[test]
fn empty_input() {
    let index = ClusterIndex::build(&[], Options::default());
    assert!(index.is_empty());
    assert_eq!(index.len(), 0);
    for zoom in [0, 5, 16, 17, 200] {
        assert!(index.clusters(-180.0, -90.0, 180.0, 90.0, zoom).is_empty());
    }
    assert!(index.leaves(0).is_empty());
    assert_eq!(index.expansion_zoom(0), None);
    let default = ClusterIndex::default();
    assert!(default.clusters(-180.0, -90.0, 180.0, 90.0, 3).is_empty());
}

#[test]
fn one_point() {
    let index = ClusterIndex::build(&[[71.43, 51.13]], Options::default());
    assert_eq!(index.len(), 1);
    for zoom in [0, 8, 16, 17, 30] {
        assert_eq!(
            index.clusters(-180.0, -90.0, 180.0, 90.0, zoom),
            [Item::Point {
                index: 0,
                lon: 71.43,
                lat: 51.13
            }]
        );
    }
    assert!(index.clusters(72.0, 50.0, 73.0, 52.0, 4).is_empty());
    assert_eq!(index.leaves(0), [0]);
}

#[test]
fn points_with_bad_coordinates_are_kept_but_never_shown() {
    let points = [
        [f64::NAN, 0.0],
        [10.0, 10.0],
        [10.0, 10.0],
        [0.0, f64::INFINITY],
    ];
    let index = ClusterIndex::build(&points, Options::default());
    assert_eq!(index.len(), 4);
    for zoom in 0..=17 {
        let items = index.clusters(-180.0, -90.0, 180.0, 90.0, zoom);
        assert!(
            items
                .iter()
                .all(|i| !matches!(i, Item::Point { index: 0 | 3, .. }))
        );
        assert_eq!(items.iter().map(count_of).sum::<u32>(), 2, "zoom {zoom}");
    }
    assert!(index.clusters(f64::NAN, -90.0, 180.0, 90.0, 3).is_empty());
}

#[test]
fn options_are_capped_and_zooms_clamped() {
    let points = city_points(2000);
    let options = Options {
        min_zoom: 20,
        max_zoom: 250,
        ..Options::default()
    };
    let index = ClusterIndex::build(&points, options);
    assert_eq!(index.options().max_zoom, MAX_ZOOM);
    assert_eq!(index.options().min_zoom, 20);
    // Below min_zoom the min_zoom level answers; above max_zoom + 1 the points.
    assert_eq!(
        index.clusters(-180.0, -90.0, 180.0, 90.0, 0),
        index.clusters(-180.0, -90.0, 180.0, 90.0, 20)
    );
    assert_eq!(index.clusters(-180.0, -90.0, 180.0, 90.0, 255).len(), 2000);
    let defaults = ClusterIndex::build(&points, Options::default());
    assert_eq!(
        defaults.clusters(-180.0, -90.0, 180.0, 90.0, 40),
        defaults.clusters(-180.0, -90.0, 180.0, 90.0, 17)
    );
}

#[test]
fn every_cluster_is_one_run_of_the_leaf_order() {
    let mut points = city_points(20_000);
    // Repeated points make groups, whose members must stay together too.
    points.extend_from_within(..2_000);
    let index = ClusterIndex::build(&points, Options::default());
    let runs = index.leaf_runs();
    let mut sorted = runs.order.clone();
    sorted.sort_unstable();
    assert!(sorted.iter().copied().eq(0..points.len() as u32));
    let mut clusters = 0;
    for zoom in 0..=16 {
        for item in index.clusters(-180.0, -90.0, 180.0, 90.0, zoom) {
            let Item::Cluster { id, count, .. } = item else {
                assert_eq!(runs.run(id_of(&item), 1), None);
                continue;
            };
            let run = runs.run(id, count).expect("a cluster has a run");
            let mut got = runs.order[run].to_vec();
            let mut want = index.leaves(id);
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "zoom {zoom}, cluster {id}");
            clusters += 1;
        }
    }
    assert!(clusters > 1_000);
}
