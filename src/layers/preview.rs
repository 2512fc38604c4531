//! The first rows of a CSV as the user sees them before importing it, with the dataset its
//! header names or, for a generic CSV, the guessed [`Mapping`].

use std::io::Read;

use super::columns::lossy;
use super::mapping::Mapping;
use super::{Dataset, ImportError, sniff};

/// What the user sees before importing a CSV: its header, its first rows, which dataset it
/// looks like and how its columns would be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The dataset the header says; for a generic CSV, with the guessed [`Mapping`].
    pub dataset: Dataset,
}

impl Preview {
    /// The mapping guessed for a generic CSV; `None` for a known dataset.
    pub fn mapping(&self) -> Option<&Mapping> {
        match &self.dataset {
            Dataset::Csv(mapping) => Some(mapping),
            _ => None,
        }
    }
}

/// The header, the first `n` rows and the guess, reading no further than it needs.
pub fn preview(reader: impl Read, n: usize) -> Result<Preview, ImportError> {
    let mut buffered = std::io::BufReader::new(reader);
    let delimiter = super::sniff::delimiter(std::io::BufRead::fill_buf(&mut buffered)?);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(buffered);
    let headers: Vec<String> = csv.byte_headers()?.iter().map(lossy).collect();
    if headers.iter().all(String::is_empty) {
        return Err(ImportError::NoHeader);
    }
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    while rows.len() < n && csv.read_byte_record(&mut record)? {
        rows.push(record.iter().map(lossy).collect());
    }
    let dataset = match sniff(&headers) {
        Dataset::Csv(_) => Dataset::Csv(Mapping::guess(&headers, &rows)),
        known => known,
    };
    Ok(Preview {
        headers,
        rows,
        dataset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preview_reads_only_the_first_rows() {
        let text = "Titel;Datum;Breite;Länge\nGespräch;23.01.2017;51,1;71,4\nTreffen;2017-02;43.2;76.9\nDrittes;2018;1;2\n";
        let preview = preview(text.as_bytes(), 2).unwrap();
        assert_eq!(preview.headers, ["Titel", "Datum", "Breite", "Länge"]);
        assert_eq!(preview.rows.len(), 2);
        assert_eq!(preview.rows[0][3], "71,4");
        let mapping = preview.mapping().unwrap();
        assert_eq!(
            (
                mapping.title,
                mapping.date,
                mapping.latitude,
                mapping.longitude
            ),
            (Some(0), Some(1), Some(2), Some(3))
        );
    }
}
