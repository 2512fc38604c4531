//! Import of 1,000,000 synthetic GED rows from a temporary file; the file is generated once,
//! outside the timed part.

use std::fs::File;
use std::hint::black_box;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use mediation_atlas::layers::synthetic::write_ged_csv;
use mediation_atlas::layers::{Control, Lookups, import_csv};

fn import_million(c: &mut Criterion) {
    let Ok(dir) = tempfile::tempdir() else { return };
    let path = dir.path().join("ged.csv");
    let written = File::create(&path).and_then(|f| write_ged_csv(f, 1_000_000, 1989));
    if written.is_err() {
        return;
    }
    let mut group = c.benchmark_group("layers");
    group.sample_size(10);
    // An import takes about three seconds on this machine: ten of them need half a minute.
    group.measurement_time(Duration::from_secs(40));
    group.bench_function("import_1m_ged_rows", |b| {
        b.iter(|| {
            let cancel = AtomicBool::new(false);
            let mut progress = |_| {};
            let mut control = Control::new(&mut progress, &cancel);
            let layer = File::open(&path)
                .map_err(mediation_atlas::layers::ImportError::from)
                .and_then(|f| import_csv(f, "ged", None, Lookups::none(), &mut control));
            black_box(layer.map_or(0, |l| l.records.len()))
        });
    });
    group.finish();
}

criterion_group!(benches, import_million);
criterion_main!(benches);
