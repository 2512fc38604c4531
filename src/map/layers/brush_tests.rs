//! Brushing a layer: the counts drawn while the range moves are exact, the view of the range
//! is built only once it settles, and it then shows the same records.

use super::layer::{MapLayer, View};
use crate::layers::dates::days_from_civil;
use crate::layers::query::{Query, select};
use crate::layers::store::tests::{ged_layer, meta};
use crate::map::cluster_index::Item;
use crate::platform::{Pending, run_now};

fn layer(rows: usize) -> MapLayer {
    MapLayer::new(meta("ged", rows), ged_layer(rows).records)
}

const WORLD: [f64; 4] = [-180.0, -85.0, 180.0, 85.0];

fn total(items: &[Item]) -> u64 {
    items
        .iter()
        .map(|i| match i {
            Item::Point { .. } => 1,
            Item::Cluster { count, .. } => u64::from(*count),
        })
        .sum()
}

fn no_build<T>(_: T) -> Pending<super::layer::Views> {
    panic!("no view is built while the brush moves")
}

#[test]
fn a_moving_brush_draws_exact_counts_and_builds_nothing() {
    let mut layer = layer(20_000);
    let range = (days_from_civil(2001, 3, 1), days_from_civil(2003, 8, 31));
    assert_eq!(
        layer.request(Some(range), (10.0, 0.25), no_build),
        Some(0.25)
    );
    assert!(layer.is_brushing());
    let exact = View::build(
        &layer.records,
        Query {
            range: Some(range),
            ..Query::default()
        },
    );
    let kept = select(
        &layer.records,
        &Query {
            range: Some(range),
            ..Query::default()
        },
    );
    assert_eq!(layer.kept(), kept.len());
    for zoom in [0, 3, 6, 9, 12, 17] {
        let items = layer.items(WORLD, zoom);
        assert_eq!(total(&items), exact.index.len() as u64, "zoom {zoom}");
        // Each group counts exactly the records of its own that the range keeps.
        for item in items {
            match item {
                Item::Cluster { id, count, .. } => {
                    let within = layer
                        .index()
                        .leaves(id)
                        .into_iter()
                        .filter(|&p| {
                            kept.binary_search(&(layer.record_of(p).unwrap() as u32))
                                .is_ok()
                        })
                        .count();
                    assert_eq!(count as usize, within, "zoom {zoom}, group {id}");
                    assert!(count > 1);
                }
                Item::Point { index, .. } => {
                    let record = layer.record_of(index).expect("a record") as u32;
                    assert!(kept.binary_search(&record).is_ok());
                }
            }
        }
    }
    // Still moving: nothing is built; still: it waits for the rest of the pause.
    let moved = (range.0 + 7, range.1 + 7);
    assert_eq!(
        layer.request(Some(moved), (10.1, 0.25), no_build),
        Some(0.25)
    );
    let wait = layer
        .request(Some(moved), (10.2, 0.25), no_build)
        .expect("waits");
    assert!((wait - 0.15).abs() < 1e-9, "{wait}");
}

#[test]
fn a_settled_brush_is_indexed_and_drawn_from_its_own_view() {
    let mut layer = layer(20_000);
    let range = (days_from_civil(2010, 1, 1), days_from_civil(2010, 12, 31));
    layer.request(Some(range), (0.0, 0.25), no_build);
    let brushed = total(&layer.items(WORLD, 2));
    assert_eq!(layer.request(Some(range), (0.3, 0.25), run_now), None);
    assert!(layer.is_updating());
    assert!(layer.poll());
    assert!(!layer.is_brushing() && !layer.is_updating());
    assert_eq!(layer.shown_query().range, Some(range));
    assert_eq!(total(&layer.items(WORLD, 2)), brushed);
    assert_eq!(layer.located() as u64, brushed);
    // Asked again, the same range starts nothing.
    assert_eq!(layer.request(Some(range), (0.4, 0.25), no_build), None);
    // Back to all time: the whole-time view, at once.
    assert_eq!(layer.request(None, (0.5, 0.25), no_build), None);
    assert_eq!(layer.located(), layer.records.len());
    assert!(!layer.is_updating());
}

#[test]
fn new_filters_of_the_layer_are_built_at_once_and_brushed_after() {
    let mut layer = layer(5_000);
    let range = (days_from_civil(2000, 1, 1), days_from_civil(2004, 12, 31));
    layer.wanted.categories = vec![layer.categories[0].0.clone()];
    // A new search or category is not brushable: both views are built.
    assert_eq!(layer.request(Some(range), (0.0, 0.25), run_now), None);
    assert!(layer.poll());
    let want = Query {
        range: Some(range),
        ..layer.wanted.clone()
    };
    assert_eq!(*layer.shown_query(), want);
    assert_eq!(layer.kept(), select(&layer.records, &want).len());
    // A new range of these filters is brushed from the new whole-time view.
    let moved = (range.0, range.1 + 365);
    layer.request(Some(moved), (1.0, 0.25), no_build);
    assert!(layer.is_brushing());
    let want = Query {
        range: Some(moved),
        ..layer.wanted.clone()
    };
    let kept = select(&layer.records, &want);
    assert_eq!(layer.kept(), kept.len());
    let located = kept
        .iter()
        .filter(|&&r| layer.records.has_location(r as usize))
        .count();
    assert_eq!(total(&layer.items(WORLD, 4)), located as u64);
}
