//! The words of importing a dataset as a layer: the dialog, what a file was recognised as,
//! and the report of rows that had problems.

use std::fmt::Write as _;

use super::{Lang, fluent};
use crate::layers::{Dataset, ImportError, ProblemKind, RowProblem};
use crate::tr;

fluent::strings! {
    /// The fixed strings of the dataset dialog.
    pub struct DatasetStrings("dataset-") {
        menu,
        title,
        pick,
        file,
        recognised,
        preview,
        columns,
        none,
        latitude,
        longitude,
        date,
        start,
        end,
        title_column,
        place,
        actors,
        category,
        note,
        id,
        slash_order,
        day_first,
        month_first,
        name,
        color,
        import,
        no_location,
        read_only,
        no_library,
        cancelled,
    }
}

/// What a file was recognised as, for people.
#[must_use]
pub fn dataset_kind(dataset: &Dataset, lang: Lang) -> String {
    match dataset {
        Dataset::Ged => tr!(lang, "dataset-kind-ged"),
        Dataset::Acled => tr!(lang, "dataset-kind-acled"),
        Dataset::PaX => tr!(lang, "dataset-kind-pax"),
        Dataset::GeoJson => tr!(lang, "dataset-kind-geojson"),
        Dataset::Kml => tr!(lang, "dataset-kind-kml"),
        Dataset::Csv(_) => tr!(lang, "dataset-kind-csv"),
        Dataset::Atlas => tr!(lang, "dataset-kind-atlas"),
    }
}

/// Why a dataset could not be read, in the interface language.
#[must_use]
pub fn import_error(error: &ImportError, lang: Lang) -> String {
    match error {
        ImportError::Cancelled => DatasetStrings::of(lang).cancelled.to_owned(),
        ImportError::Io(e) => tr!(lang, "dataset-error-io", detail = e.to_string()),
        ImportError::Csv(e) => {
            tr!(
                lang,
                "dataset-error-format",
                format = "CSV",
                detail = e.to_string()
            )
        }
        ImportError::Json(e) => {
            tr!(
                lang,
                "dataset-error-format",
                format = "JSON",
                detail = e.as_str()
            )
        }
        ImportError::Xml(e) => {
            tr!(
                lang,
                "dataset-error-format",
                format = "XML",
                detail = e.as_str()
            )
        }
        ImportError::NoHeader => tr!(lang, "dataset-error-no-header"),
        ImportError::NotFeatureCollection => tr!(lang, "dataset-error-not-collection"),
        ImportError::NotKml => tr!(lang, "dataset-error-not-kml"),
        ImportError::TooLarge(_) => tr!(lang, "dataset-error-too-large"),
    }
}

/// A dataset that could not be imported: the file and why.
#[must_use]
pub fn import_failed(file: &str, reason: &str, lang: Lang) -> String {
    tr!(lang, "dataset-failed", file = file, reason = reason)
}

/// A layer that could not be saved, and why.
#[must_use]
pub fn save_failed(detail: &str, lang: Lang) -> String {
    tr!(lang, "dataset-error-save", detail = detail)
}

/// The problem of a row, in the interface language (the importer's English message names
/// the place the gazetteer did not know, between quotation marks).
#[must_use]
pub fn row_problem(problem: &RowProblem, lang: Lang) -> String {
    match problem.kind {
        ProblemKind::FieldCount => tr!(lang, "problem-field-count"),
        ProblemKind::Coordinate => tr!(lang, "problem-coordinate"),
        ProblemKind::Date => tr!(lang, "problem-date"),
        ProblemKind::Precision => tr!(lang, "problem-precision"),
        ProblemKind::PlaceNotFound => {
            let place = problem
                .message
                .split_once('“')
                .and_then(|(_, rest)| rest.split_once('”'))
                .map_or("", |(place, _)| place);
            tr!(lang, "problem-place-not-found", place = place)
        }
        ProblemKind::Malformed => tr!(lang, "problem-malformed"),
    }
}

/// The report of an import: how many records and skipped rows, then the first problems as
/// `file:line: message`, and how many more there were.
#[must_use]
pub fn imported(
    layer: &str,
    records: usize,
    skipped: u64,
    file: &str,
    problems: &[RowProblem],
    more: u64,
    lang: Lang,
) -> String {
    let mut text = tr!(
        lang,
        "dataset-imported",
        layer = layer,
        records = records,
        count = super::format_count(records, lang),
        skipped = skipped
    );
    for problem in problems {
        let _ = write!(
            text,
            "\n{file}:{}: {}",
            problem.line,
            row_problem(problem, lang)
        );
    }
    if more > 0 {
        text.push('\n');
        text.push_str(&tr!(lang, "dataset-more-problems", n = more));
    }
    text
}

/// The progress of an import, in whole percent.
#[must_use]
pub fn reading(percent: u32, lang: Lang) -> String {
    tr!(lang, "dataset-reading", percent = percent)
}

/// Why a file cannot be shown in the dialog.
#[must_use]
pub fn no_preview(reason: &str, lang: Lang) -> String {
    tr!(lang, "dataset-no-preview", reason = reason)
}
