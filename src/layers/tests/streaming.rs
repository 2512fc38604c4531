//! The CSV import streams: progress in bytes, cancellation from another thread or from the
//! progress callback, and a synthetic GED file read back whole.

use std::sync::atomic::{AtomicBool, Ordering};

use super::super::synthetic::write_ged_csv;
use super::super::{Control, Dataset, ImportError, Lookups, import_csv, import_geojson};

fn synthetic(rows: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_ged_csv(&mut bytes, rows, 42).expect("written");
    bytes
}

#[test]
fn without_threads_the_import_reads_the_same_rows_with_the_same_progress() {
    // More rows than one batch, so that the converting half asks for several.
    let mut bytes = synthetic(10_000);
    bytes.extend_from_slice(b"broken,row\n");
    let import = |threads: bool| {
        let cancel = AtomicBool::new(false);
        let mut reports = Vec::new();
        let mut progress = |n| reports.push(n);
        let mut control = Control::new(&mut progress, &cancel);
        let layer = super::super::csv_stream::import_csv_on(
            bytes.as_slice(),
            "ged",
            None,
            Lookups::none(),
            &mut control,
            threads,
        )
        .expect("imported");
        (layer, reports)
    };
    let (threaded, threaded_reports) = import(true);
    let (inline, inline_reports) = import(false);
    assert_eq!(inline.records.len(), 10_000);
    assert_eq!(inline.records.len(), threaded.records.len());
    assert_eq!(inline.records.source_id.get(9_999), Some("10000"));
    assert_eq!(inline.records.start, threaded.records.start);
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&inline.records.lat), bits(&threaded.records.lat));
    assert_eq!(inline.problems, threaded.problems);
    assert_eq!(inline.problems.len(), 1, "the broken last row is reported");
    assert_eq!(inline_reports.last(), threaded_reports.last());
}

#[test]
fn a_synthetic_ged_file_loads_every_row_without_problems() {
    let bytes = synthetic(20_000);
    let cancel = AtomicBool::new(false);
    let mut reports = Vec::new();
    let mut progress = |n| reports.push(n);
    let mut control = Control::new(&mut progress, &cancel);
    let layer =
        import_csv(bytes.as_slice(), "ged", None, Lookups::none(), &mut control).expect("imported");
    assert_eq!(layer.dataset, Dataset::Ged);
    assert!(layer.problems.is_empty(), "{:?}", &layer.problems[..1]);
    assert_eq!(layer.records.len(), 20_000);
    assert_eq!(layer.records.source_id.get(19_999), Some("20000"));
    assert!((1..=5).all(|p| layer.records.date_prec.contains(&p)));
    assert!((1..=7).all(|p| layer.records.where_prec.contains(&p)));
    assert!(
        layer
            .records
            .start
            .iter()
            .zip(&layer.records.end)
            .all(|(s, e)| s <= e)
    );
    // Progress: about every MiB, never backwards, and the whole file at the end.
    assert!(
        reports.len() >= (bytes.len() >> 20),
        "{} reports for {} bytes",
        reports.len(),
        bytes.len()
    );
    assert!(reports.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(reports.last().copied(), Some(bytes.len() as u64));
}

#[test]
fn a_cancelled_import_returns_cancelled_and_nothing_else() {
    let bytes = synthetic(20_000);
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let mut progress = |_| {
        calls += 1;
        if calls == 2 {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let mut control = Control::new(&mut progress, &cancel);
    let result = import_csv(bytes.as_slice(), "ged", None, Lookups::none(), &mut control);
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");

    let already = AtomicBool::new(true);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &already);
    let result = import_csv(bytes.as_slice(), "ged", None, Lookups::none(), &mut control);
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &already);
    let result = import_geojson(
        &b"{\"type\":\"FeatureCollection\",\"features\":[]}"[..],
        "g",
        &mut control,
    );
    assert!(matches!(result, Err(ImportError::Cancelled)), "{result:?}");
}

#[test]
fn files_that_are_not_what_they_claim_fail_cleanly() {
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    assert!(matches!(
        import_csv(&b""[..], "empty", None, Lookups::none(), &mut control),
        Err(ImportError::NoHeader)
    ));
    assert!(matches!(
        import_geojson(&b"{\"type\":\"Feature\"}"[..], "f", &mut control),
        Err(ImportError::NotFeatureCollection)
    ));
    assert!(matches!(
        import_geojson(&b"{\"features\":[{\"type\":"[..], "f", &mut control),
        Err(ImportError::Json(_))
    ));
}

#[test]
fn problems_beyond_the_cap_are_counted_not_listed() {
    let mut text = String::from("name,lat,lon\n");
    for i in 0..10_050 {
        text.push_str("row ");
        text.push_str(&i.to_string());
        text.push_str(",north,east\n");
    }
    text.push_str("last,1.5,2.5\n");
    let layer = super::csv_layer(&text, None);
    assert_eq!(layer.problems.len(), super::super::problem::MAX_PROBLEMS);
    assert_eq!(layer.unreported_problems, 50);
    assert_eq!(layer.problems[0].line, 2);
    assert_eq!(
        layer.records.len(),
        1,
        "the row after ten thousand bad ones still loads"
    );
    assert_eq!(layer.records.line[0], 10_052);
}
