//! Generates a synthetic GED-like CSV (1,000,000 rows unless told otherwise) and times its
//! import: rows per second, the file's size and the process's peak memory (`VmHWM`).
//!
//! `cargo run --release --example import_1m -- [rows] [runs] [file]`; a file that already
//! exists is imported as it is, not generated again.

use std::fs::File;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use mediation_atlas::layers::synthetic::write_ged_csv;
use mediation_atlas::layers::{Control, Lookups, import_csv};

// Rates of a million rows and a few hundred megabytes: far inside f64's exact range.
#[allow(clippy::cast_precision_loss)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = args.next().map_or(Ok(1_000_000), |a| a.parse())?;
    let runs: usize = args.next().map_or(Ok(1), |a| a.parse())?;
    let dir = tempfile::tempdir()?;
    let path = args
        .next()
        .map_or_else(|| dir.path().join("ged.csv"), PathBuf::from);
    if !path.exists() {
        let started = Instant::now();
        write_ged_csv(File::create(&path)?, rows, 1989)?;
        println!(
            "generated {rows} rows in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&path)?.len();
    println!("file {} MB ({size} bytes)", size / 1_000_000);
    let mut times = Vec::new();
    for run in 1..=runs {
        let cancel = AtomicBool::new(false);
        let mut reports = 0u32;
        let mut progress = |_| reports += 1;
        let mut control = Control::new(&mut progress, &cancel);
        let started = Instant::now();
        let layer = import_csv(
            File::open(&path)?,
            "ged",
            None,
            Lookups::none(),
            &mut control,
        )?;
        let seconds = started.elapsed().as_secs_f64();
        times.push(seconds);
        println!(
            "run {run}: {} rows in {seconds:.2} s = {:.0} rows/s, {:.0} MB/s, {} problems, {reports} progress reports, columns {} MB",
            layer.records.len(),
            layer.records.len() as f64 / seconds,
            size as f64 / 1e6 / seconds,
            layer.problems.len(),
            layer.records.heap_bytes() / 1_000_000,
        );
    }
    times.sort_by(f64::total_cmp);
    if let Some(median) = times.get(times.len() / 2) {
        println!("median of {runs}: {median:.2} s");
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for line in status
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
    {
        println!("{line}");
    }
    Ok(())
}
