//! The index against supercluster: its own numbers on three data sets, and the direct port.

use super::reference::{check_against_naive, naive_levels};
use super::supercluster_counts::{
    CITIES_100K_LEVELS, CITIES_100K_QUERIES, LCG_100K_LEVELS, LCG_100K_QUERIES,
    UNIFORM_100K_LEVELS, UNIFORM_100K_QUERIES,
};
use super::{ClusterIndex, Options, city_points, count_of, lcg_points, uniform_points};

/// The tolerance promised against supercluster: per zoom, the number of items (clusters and
/// single points) over the world, and the number of clusters, each within this share of
/// supercluster's (and query counts the same). The port is exact apart from the order in
/// which a centroid's terms are added; measured deviation on these sets is 0.
const TOLERANCE: f64 = 0.001;

/// Per zoom 0..=17: (items, clusters, sum of count^2) of the index, from world queries.
fn level_stats(index: &ClusterIndex) -> Vec<[u64; 3]> {
    (0..=17)
        .map(|z| {
            let items = index.clusters(-180.0, -90.0, 180.0, 90.0, z);
            let mut stats = [items.len() as u64, 0, 0];
            for item in &items {
                let count = u64::from(count_of(item));
                stats[1] += u64::from(count > 1);
                stats[2] += count * count;
            }
            stats
        })
        .collect()
}

fn within_tolerance(got: u64, want: u64) -> bool {
    got.abs_diff(want) as f64 <= TOLERANCE * want as f64
}

/// Checks an index of `points` against supercluster's numbers; prints the deviations.
fn check_against_reference(
    name: &str,
    points: &[[f64; 2]],
    levels: &[[u64; 3]; 18],
    queries: &[[f64; 6]],
) {
    let index = ClusterIndex::build(points, Options::default());
    let n = points.len() as u64;
    for (z, (got, want)) in level_stats(&index).iter().zip(levels).enumerate() {
        eprintln!(
            "{name} z{z}: items {} vs {} ({:+}), clusters {} vs {} ({:+}), sum count² {} vs {}",
            got[0],
            want[0],
            got[0] as i64 - want[0] as i64,
            got[1],
            want[1],
            got[1] as i64 - want[1] as i64,
            got[2],
            want[2],
        );
        assert!(
            within_tolerance(got[0], want[0]),
            "{name} z{z} items {got:?} vs {want:?}"
        );
        assert!(
            within_tolerance(got[1], want[1]),
            "{name} z{z} clusters {got:?} vs {want:?}"
        );
        assert!(
            within_tolerance(got[2], want[2]),
            "{name} z{z} sum count² {got:?} vs {want:?}"
        );
    }
    for z in 0..=17 {
        let total: u64 = index
            .clusters(-180.0, -90.0, 180.0, 90.0, z)
            .iter()
            .map(|item| u64::from(count_of(item)))
            .sum();
        assert_eq!(total, n, "{name} z{z}: counts must add up to the points");
    }
    for q in queries {
        let got = index.clusters(q[0], q[1], q[2], q[3], q[4] as u8).len() as u64;
        let want = q[5] as u64;
        eprintln!("{name} query {q:?}: {got}");
        assert!(
            within_tolerance(got, want),
            "{name} query {q:?}: {got} vs {want}"
        );
    }
}

#[test]
fn generators_match_node() {
    // Printed by node (bench.mjs's generator, and supercluster_counts.mjs's).
    let lcg = lcg_points(3);
    assert_eq!(lcg[0], [29.630_732_294_172_05, 2.158_064_328_706_14]);
    assert_eq!(lcg[1], [149.378_314_018_249_5, 22.246_800_036_208_114]);
    assert_eq!(lcg[2], [91.109_232_902_526_86, 21.150_338_454_136_246]);
    assert_eq!(
        uniform_points(2),
        [
            [45.746_618_611_738_086, -79.803_470_289_663_1],
            [9.880_934_385_582_805, 70.466_816_411_245_63]
        ]
    );
    assert_eq!(
        city_points(2),
        [
            [71.967_893_070_987_51, 1.395_905_464_855_902_4],
            [-62.174_391_256_846_93, 19.944_318_630_377_666]
        ]
    );
}

#[test]
fn matches_supercluster_on_bench_points() {
    check_against_reference(
        "lcg",
        &lcg_points(100_000),
        &LCG_100K_LEVELS,
        &LCG_100K_QUERIES,
    );
}

#[test]
fn matches_supercluster_on_uniform_points() {
    check_against_reference(
        "uniform",
        &uniform_points(100_000),
        &UNIFORM_100K_LEVELS,
        &UNIFORM_100K_QUERIES,
    );
}

#[test]
fn matches_supercluster_on_city_points() {
    check_against_reference(
        "cities",
        &city_points(100_000),
        &CITIES_100K_LEVELS,
        &CITIES_100K_QUERIES,
    );
}

#[test]
fn same_clusters_as_a_direct_port() {
    check_against_naive(&city_points(3000), Options::default());
    check_against_naive(&uniform_points(3000), Options::default());
    check_against_naive(&lcg_points(3000), Options::default());
    let options = Options {
        radius: 60.0,
        extent: 256.0,
        min_zoom: 2,
        max_zoom: 12,
        min_points: 2,
    };
    check_against_naive(&city_points(2000), options);
}

#[test]
fn more_than_two_min_points_clusters_the_same_sets() {
    // With min_points > 2 a failed seed's neighbours follow it in another order than
    // supercluster's, so only the counts per zoom are compared.
    let options = Options {
        min_points: 5,
        ..Options::default()
    };
    let points = city_points(3000);
    let index = ClusterIndex::build(&points, options);
    let naive = naive_levels(&points, options);
    for (z, want) in naive.iter().enumerate() {
        let got = index.clusters(-180.0, -90.0, 180.0, 90.0, z as u8);
        assert!(
            got.len().abs_diff(want.len()) <= want.len() / 50,
            "zoom {z}: {} vs {}",
            got.len(),
            want.len()
        );
        assert!(
            got.iter()
                .all(|item| count_of(item) == 1 || count_of(item) >= 5)
        );
    }
}
