//! Builds the index of 1,000,000 points N times and prints the timings as JSON, like
//! shared/bench/supercluster/bench.mjs. For `/usr/bin/time -v` (peak memory) and for
//! interleaved runs against node.
//!
//! usage: `cargo run --release --example build_1m -- [lcg|uniform|cities|file:PATH] [N points] [runs]`
//!
//! `file:PATH` reads the points from a JSON array of `[lon, lat]` pairs (as
//! `examples/index_ged` writes them with `DUMP_POINTS`), all of them whatever N says.

use std::f64::consts::PI;
use std::time::Instant;

use mediation_atlas::map::cluster_index::{ClusterIndex, Options};

fn mulberry32(mut a: u32) -> impl FnMut() -> f64 {
    move || {
        a = a.wrapping_add(0x6D2B_79F5);
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(0x3d | t)) ^ t;
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }
}

/// The data sets of `benches/supercluster_counts.mjs`.
fn points(dataset: &str, n: usize) -> Vec<[f64; 2]> {
    let sphere = |rnd: &mut dyn FnMut() -> f64| {
        let lon = rnd() * 360.0 - 180.0;
        [lon, (rnd() * 2.0 - 1.0).asin() * 180.0 / PI * 0.95]
    };
    if let Some(path) = dataset.strip_prefix("file:") {
        let read = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()));
        return read.unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        });
    }
    match dataset {
        "uniform" => {
            let mut rnd = mulberry32(1);
            (0..n).map(|_| sphere(&mut rnd)).collect()
        }
        "cities" => {
            let mut rnd = mulberry32(7);
            let centres: Vec<[f64; 3]> = (0..200)
                .map(|_| {
                    let lon = rnd() * 340.0 - 170.0;
                    let lat = rnd() * 140.0 - 70.0;
                    [lon, lat, 0.001 + rnd() * rnd() * 2.0]
                })
                .collect();
            (0..n)
                .map(|_| {
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let c = centres[(rnd() * 200.0).floor() as usize];
                    let dx = (rnd() + rnd() + rnd() - 1.5) * c[2];
                    let dy = (rnd() + rnd() + rnd() - 1.5) * c[2];
                    [c[0] + dx, c[1] + dy]
                })
                .collect()
        }
        _ => {
            let mut s = 42.0_f64;
            let mut rnd = move || {
                s = (s * 1_103_515_245.0 + 12345.0) % 2_147_483_648.0;
                s / 2_147_483_648.0
            };
            (0..n).map(|_| sphere(&mut rnd)).collect()
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dataset = args.get(1).map_or("lcg", String::as_str);
    let n = args
        .get(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let runs = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
    let pts = points(dataset, n);
    let n = pts.len();
    if args.iter().any(|a| a == "--print") {
        for p in &pts[..pts.len().min(3)] {
            println!("{p:?}");
        }
    }
    for _ in 0..runs {
        let t0 = Instant::now();
        let index = ClusterIndex::build(&pts, Options::default());
        let build = t0.elapsed();
        let t1 = Instant::now();
        let mut c = 0;
        for z in 0..=5 {
            c += index.clusters(-180.0, -85.0, 180.0, 85.0, z).len();
        }
        for _ in 0..100 {
            c += index.clusters(71.3, 51.0, 71.6, 51.3, 10).len();
        }
        let query = t1.elapsed();
        println!(
            "{{\"dataset\":\"{dataset}\",\"n\":{n},\"build_ms\":{:.1},\"query_ms\":{:.2},\"clusters\":{c}}}",
            build.as_secs_f64() * 1e3,
            query.as_secs_f64() * 1e3
        );
    }
}
