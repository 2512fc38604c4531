//! The cluster index on 1,000,000 points: the build, and the queries of supercluster's anchor
//! bench (shared/bench/supercluster/bench.mjs: the world at zooms 0–5, then 100 times a box
//! around Astana at zoom 10), on that bench's points and on uniform ones.

use std::f64::consts::PI;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mediation_atlas::map::cluster_index::{ClusterIndex, Options};

const N: usize = 1_000_000;

/// bench.mjs's points: its LCG in f64 arithmetic (the product loses precision past 2^53 as in
/// JavaScript, so the sequence cycles after 15,825 draws and the points repeat).
fn bench_points(n: usize) -> Vec<[f64; 2]> {
    let mut s = 42.0_f64;
    let mut rnd = move || {
        s = (s * 1_103_515_245.0 + 12345.0) % 2_147_483_648.0;
        s / 2_147_483_648.0
    };
    (0..n)
        .map(|_| {
            let lon = rnd() * 360.0 - 180.0;
            [lon, (rnd() * 2.0 - 1.0).asin() * 180.0 / PI * 0.95]
        })
        .collect()
}

/// Distinct points, uniform on the sphere (mulberry32, as `uniform` in `supercluster_counts.mjs`).
fn uniform_points(n: usize) -> Vec<[f64; 2]> {
    let mut a = 1_u32;
    let mut rnd = move || {
        a = a.wrapping_add(0x6D2B_79F5);
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(0x3d | t)) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    };
    (0..n)
        .map(|_| {
            let lon = rnd() * 360.0 - 180.0;
            [lon, (rnd() * 2.0 - 1.0).asin() * 180.0 / PI * 0.95]
        })
        .collect()
}

/// bench.mjs's queries; returns the number of items, as it does.
fn queries(index: &ClusterIndex) -> usize {
    let mut c = 0;
    for z in 0..=5 {
        c += index.clusters(-180.0, -85.0, 180.0, 85.0, z).len();
    }
    for _ in 0..100 {
        c += index.clusters(71.3, 51.0, 71.6, 51.3, 10).len();
    }
    c
}

fn cluster_index(c: &mut Criterion) {
    for (name, points) in [
        ("bench.mjs points", bench_points(N)),
        ("uniform points", uniform_points(N)),
    ] {
        let mut group = c.benchmark_group(format!("cluster_index 1M {name}"));
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(3));
        group.bench_function("build", |b| {
            b.iter(|| ClusterIndex::build(black_box(&points), Options::default()));
        });
        let index = ClusterIndex::build(&points, Options::default());
        group.bench_function("queries (world z0-5 + 100 x city z10)", |b| {
            b.iter(|| queries(black_box(&index)));
        });
        group.finish();
    }
}

criterion_group!(benches, cluster_index);
criterion_main!(benches);
