//! Dataset layers: the field's event datasets (UCDP GED, ACLED, PA-X), generic CSV, `GeoJSON`,
//! KML and the atlas's own exports, imported beside the curated corpus and never mixed into
//! it. A [`Layer`] is a named set of [`Records`], stored by column so a million rows fit.
//!
//! CSV is streamed from any reader (a million GED rows in a few seconds), with progress and
//! cancellation ([`Control`]); a malformed row is reported with its line and skipped.
//! `GeoJSON` streams feature by feature; KML is read whole (roxmltree needs the text).

pub mod columns;
pub mod countries;
pub mod csv_stream;
pub mod dataset_rows;
pub mod dates;
pub mod feature_json;
pub mod file;
pub mod generic;
pub mod kml;
pub mod mapping;
pub mod pax;
pub mod places;
pub mod preview;
pub mod problem;
pub mod progress;
pub mod query;
pub mod records;
pub mod sniff;
pub mod store;
pub mod synthetic;
pub mod third_party;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use dates::{DateSpan, SlashOrder, parse_date, to_edtf};
pub use mapping::Mapping;
pub use preview::{Preview, preview};
pub use problem::{ProblemKind, RowProblem};
pub use progress::Control;
pub use records::{Participant, Records, Role, Texts, format_actors, parse_actors};
pub use sniff::sniff;

/// Which dataset a layer was read from, and so how its columns were understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dataset {
    /// UCDP Georeferenced Event Dataset (CSV).
    Ged,
    /// ACLED events (CSV).
    Acled,
    /// PA-X Peace Agreements Database (CSV).
    PaX,
    /// `GeoJSON` points from anywhere.
    GeoJson,
    /// KML placemarks from anywhere.
    Kml,
    /// Any other CSV, with the columns as mapped.
    Csv(Mapping),
    /// The atlas's own export (CSV, `GeoJSON` or KML).
    Atlas,
}

/// An imported dataset: its rows and what was wrong with the rows it could not take as they
/// were.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    /// The name the user sees (by default the file's name).
    pub name: String,
    pub dataset: Dataset,
    pub records: Records,
    /// The first [`problem::MAX_PROBLEMS`] problems, in file order.
    pub problems: Vec<RowProblem>,
    /// Problems beyond those, counted only.
    pub unreported_problems: u64,
}

/// A place name to `(latitude, longitude, where_prec)`.
pub type PlaceLookup = dyn Fn(&str) -> Option<(f64, f64, u8)>;

/// An ISO 3166 alpha-3 country code to a point inside the country `(latitude, longitude)`.
pub type CountryLookup = dyn Fn(&str) -> Option<(f64, f64)>;

/// Where the importers look up what a row names but does not locate: the app's gazetteer.
#[derive(Clone, Copy)]
pub struct Lookups<'a> {
    /// For generic CSV rows with a place name and no coordinates.
    pub place: &'a PlaceLookup,
    /// For PA-X agreements, located at their first country.
    pub country: &'a CountryLookup,
}

impl Lookups<'_> {
    /// Countries by their alpha-3 code at their points ([`countries`]); no gazetteer for
    /// place names.
    pub fn countries() -> Lookups<'static> {
        Lookups {
            place: &|_| None,
            country: &countries::point_by_alpha3,
        }
    }

    /// Lookups that find nothing: rows without coordinates stay without a location.
    pub fn none() -> Lookups<'static> {
        Lookups {
            place: &|_| None,
            country: &|_| None,
        }
    }
}

impl std::fmt::Debug for Lookups<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookups")
    }
}

/// Why an import failed as a whole (a bad row is a [`RowProblem`], not an error).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the import was cancelled")]
    Cancelled,
    #[error("could not read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not read the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("not valid XML: {0}")]
    Xml(String),
    #[error("the file has no header row")]
    NoHeader,
    #[error("not a GeoJSON FeatureCollection")]
    NotFeatureCollection,
    #[error("not a KML document")]
    NotKml,
    #[error(transparent)]
    TooLarge(#[from] records::TextsFull),
}

pub use csv_stream::import_csv;
pub use feature_json::import_geojson;
pub use file::{FileKind, import_path};
pub use kml::import_kml;
