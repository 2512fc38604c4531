//! Tests of the cluster index: against supercluster 8's own numbers on three data sets, against
//! a direct port of its algorithm on small sets, and the index's invariants.
//!
//! Here: the data generators (mirrored in `benches/supercluster_counts.mjs`) and small helpers.
//! supercluster's numbers are in `supercluster_counts`, the direct port in `reference`; the
//! tests are in `matches_supercluster`, `invariants`, `duplicates` and `grouping`.

// The reference numbers are pasted as node prints them; counts and coordinates move between
// integer and float types freely in these checks.
#![allow(
    clippy::unreadable_literal,
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::float_cmp,
    clippy::panic
)]

mod duplicates;
mod grouping;
mod invariants;
mod matches_supercluster;
mod reference;
mod supercluster_counts;

use std::f64::consts::PI;

use super::{ClusterIndex, Item, MAX_ZOOM, Options};

/// `shared/bench/supercluster/bench.mjs`'s generator: an LCG in f64 arithmetic whose product
/// loses precision past 2^53 exactly as JavaScript does (it cycles after 15,825 draws).
fn lcg_points(n: usize) -> Vec<[f64; 2]> {
    let mut s = 42.0_f64;
    let mut rnd = move || {
        s = (s * 1_103_515_245.0 + 12345.0) % 2_147_483_648.0;
        s / 2_147_483_648.0
    };
    (0..n)
        .map(|_| {
            let lon = rnd() * 360.0 - 180.0;
            let lat = (rnd() * 2.0 - 1.0).asin() * 180.0 / PI * 0.95;
            [lon, lat]
        })
        .collect()
}

/// mulberry32, as in `benches/supercluster_counts.mjs`.
struct Mulberry32(u32);

impl Mulberry32 {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let a = self.0;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(0x3d | t)) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

/// Uniform on the sphere (up to ±85.5°), as `uniform` in `supercluster_counts.mjs`.
fn uniform_points(n: usize) -> Vec<[f64; 2]> {
    let mut rng = Mulberry32(1);
    (0..n)
        .map(|_| {
            let lon = rng.next() * 360.0 - 180.0;
            let lat = (rng.next() * 2.0 - 1.0).asin() * 180.0 / PI * 0.95;
            [lon, lat]
        })
        .collect()
}

/// 200 bell-shaped "cities" of random spread, as `cities` in `supercluster_counts.mjs`.
fn city_points(n: usize) -> Vec<[f64; 2]> {
    let mut rng = Mulberry32(7);
    let centres: Vec<[f64; 3]> = (0..200)
        .map(|_| {
            let lon = rng.next() * 340.0 - 170.0;
            let lat = rng.next() * 140.0 - 70.0;
            let spread = 0.001 + rng.next() * rng.next() * 2.0;
            [lon, lat, spread]
        })
        .collect();
    (0..n)
        .map(|_| {
            let c = centres[(rng.next() * 200.0).floor() as usize];
            let dx = (rng.next() + rng.next() + rng.next() - 1.5) * c[2];
            let dy = (rng.next() + rng.next() + rng.next() - 1.5) * c[2];
            [c[0] + dx, c[1] + dy]
        })
        .collect()
}

fn count_of(item: &Item) -> u32 {
    match item {
        Item::Point { .. } => 1,
        Item::Cluster { count, .. } => *count,
    }
}

fn id_of(item: &Item) -> u32 {
    match item {
        Item::Point { index, .. } => *index,
        Item::Cluster { id, .. } => *id,
    }
}

/// `n` points on `distinct` positions (of `city_points`), in a scrambled order, so that most
/// positions repeat, some points stand alone, and duplicates are far apart in the input.
fn repeated_points(n: usize, distinct: usize) -> Vec<[f64; 2]> {
    let base = city_points(distinct);
    let mut rng = Mulberry32(99);
    (0..n)
        .map(|_| {
            // Skewed: low positions repeat often, high ones rarely.
            let u = rng.next();
            base[((u * u) * distinct as f64) as usize]
        })
        .collect()
}
