//! Whole imports: the atlas's exports read back, the field's datasets recognised and mapped,
//! bad rows reported by line, and the streaming machinery (progress, cancellation).

mod csv_datasets;
mod round_trips;
mod streaming;

use std::sync::atomic::AtomicBool;

use super::{Control, Dataset, Layer, Lookups, import_csv};

/// Imports CSV text with no gazetteer and no cancellation.
fn csv_layer(text: &str, dataset: Option<Dataset>) -> Layer {
    csv_layer_with(text, dataset, Lookups::none())
}

fn csv_layer_with(text: &str, dataset: Option<Dataset>, lookups: Lookups<'_>) -> Layer {
    let cancel = AtomicBool::new(false);
    let mut progress = |_| {};
    let mut control = Control::new(&mut progress, &cancel);
    import_csv(text.as_bytes(), "test", dataset, lookups, &mut control).expect("imported")
}

/// The day number of a date that exists.
fn day(y: i32, m: u8, d: u8) -> i32 {
    super::dates::checked_day(y, m, d).expect("a day")
}

/// The lines and kinds of a layer's problems.
fn problem_lines(layer: &Layer) -> Vec<(u64, super::ProblemKind)> {
    layer.problems.iter().map(|p| (p.line, p.kind)).collect()
}
