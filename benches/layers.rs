//! Import of 1,000,000 synthetic GED rows from a temporary file (generated once, outside the
//! timed part), and the timeline's brush over them: the records a range keeps and their
//! cluster index, as the app builds them off the UI thread after each move of the brush.

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

/// The brush: a range of the timeline narrows a 1 M record layer, and the kept records are
/// indexed again. Also a search of every text column.
fn brush_million(c: &mut Criterion) {
    use mediation_atlas::layers::dates::days_from_civil;
    use mediation_atlas::layers::query::Query;
    use mediation_atlas::map::layers::View;
    let mut csv = Vec::new();
    if write_ged_csv(&mut csv, 1_000_000, 1989).is_err() {
        return;
    }
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    let Ok(layer) = import_csv(&csv[..], "ged", None, Lookups::none(), &mut control) else {
        return;
    };
    drop(csv);
    let records = layer.records;
    let mut group = c.benchmark_group("brush");
    group.sample_size(20);
    let years = |from: i32, to: i32| Query {
        range: Some((days_from_civil(from, 1, 1), days_from_civil(to, 12, 31))),
        ..Query::default()
    };
    for (name, query) in [
        ("brush_1m_one_year", years(2010, 2010)),
        ("brush_1m_five_years", years(2010, 2014)),
        ("brush_1m_half", years(1989, 2006)),
        ("brush_1m_all_but_a_year", years(1989, 2022)),
        (
            "search_1m_text",
            Query {
                text: "tajikistan".to_owned(),
                ..Query::default()
            },
        ),
    ] {
        let kept = View::build(&records, query.clone());
        println!(
            "{name}: {} of {} records kept",
            kept.index.len(),
            records.len()
        );
        group.bench_function(name, |b| {
            b.iter(|| black_box(View::build(&records, query.clone()).index.len()));
        });
    }
    group.finish();
}

criterion_group!(benches, import_million, brush_million);
criterion_main!(benches);
