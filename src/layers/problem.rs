//! What went wrong with one row: where, what kind (for the interface to translate), and an
//! English sentence (for logs and the command line).

use serde::{Deserialize, Serialize};

/// The kinds of trouble a row can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The row has more or fewer fields than the header; skipped.
    FieldCount,
    /// A latitude or longitude that is not a number or out of range; skipped.
    Coordinate,
    /// A date that cannot be read or does not exist; skipped.
    Date,
    /// A precision code outside the dataset's scale; kept as unknown.
    Precision,
    /// A place or country the gazetteer does not know; kept without a location.
    PlaceNotFound,
    /// A feature or placemark that is not what the format says it should be; skipped.
    Malformed,
}

impl ProblemKind {
    /// Whether a row with this problem was left out of the layer.
    pub fn skips_row(self) -> bool {
        !matches!(self, Self::Precision | Self::PlaceNotFound)
    }
}

/// A problem with one row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// The line the row starts on (1-based; the header is line 1). For `GeoJSON`, the feature's
    /// number in the collection (1-based); for KML, the placemark's line.
    pub line: u64,
    pub kind: ProblemKind,
    /// In English, saying what was found and what was done with the row.
    pub message: String,
}

/// How many problems a layer keeps in full; beyond that they are only counted, so a file
/// that is wrong on every one of a million rows does not take a million messages.
pub const MAX_PROBLEMS: usize = 10_000;

/// The problems of one import, capped at [`MAX_PROBLEMS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    pub list: Vec<RowProblem>,
    /// Problems beyond the cap, counted only.
    pub unreported: u64,
}

impl Problems {
    /// Records a problem.
    pub fn add(&mut self, line: u64, kind: ProblemKind, message: impl FnOnce() -> String) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(RowProblem {
                line,
                kind,
                message: message(),
            });
        } else {
            self.unreported += 1;
        }
    }
}
