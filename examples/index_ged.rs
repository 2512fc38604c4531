//! Builds the cluster index of the synthetic GED layer's points (towns in conflict regions:
//! dense, with many near repeats), timing each run. For profiling the index on such data.
//!
//! usage: `cargo run --release --example index_ged -- [rows] [runs]`

use std::sync::atomic::AtomicBool;
use std::time::Instant;

use mediation_atlas::layers::synthetic::write_ged_csv;
use mediation_atlas::layers::{Control, Lookups, import_csv};
use mediation_atlas::map::cluster_index::{ClusterIndex, Options};

fn main() {
    let mut args = std::env::args().skip(1);
    let rows: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let mut csv = Vec::new();
    if let Err(e) = write_ged_csv(&mut csv, rows, 1989) {
        eprintln!("{e}");
        return;
    }
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    let records = match import_csv(&csv[..], "ged", None, Lookups::none(), &mut control) {
        Ok(layer) => layer.records,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let points: Vec<[f64; 2]> = (0..records.len())
        .filter(|&i| records.has_location(i))
        .map(|i| [f64::from(records.lon[i]), f64::from(records.lat[i])])
        .collect();
    if let Ok(path) = std::env::var("DUMP_POINTS") {
        // The points as GeoJSON-like [lon, lat] pairs, for supercluster in node.
        let text: Vec<String> = points.iter().map(|[x, y]| format!("[{x},{y}]")).collect();
        if let Err(e) = std::fs::write(&path, format!("[{}]", text.join(","))) {
            eprintln!("{path}: {e}");
        }
    }
    for max_zoom in [16, 10, 6] {
        let options = Options {
            max_zoom,
            ..Options::default()
        };
        for _ in 0..runs {
            let t = Instant::now();
            let index = ClusterIndex::build(&points, options);
            println!(
                "{} points, max zoom {max_zoom}: {:.1} ms",
                index.len(),
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
