//! A file imported by what it is: `GeoJSON`, KML or CSV, told by its extension and, where that
//! says nothing, by its first bytes.

use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{
    Control, Dataset, ImportError, Layer, Lookups, import_csv, import_geojson, import_kml,
};

/// The kinds of file the importers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Csv,
    GeoJson,
    Kml,
}

impl FileKind {
    /// The kind a file name's extension says, if it says one.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" | "txt" => Some(Self::Csv),
            "geojson" | "json" => Some(Self::GeoJson),
            "kml" => Some(Self::Kml),
            _ => None,
        }
    }

    /// The kind the first bytes look like: a JSON object, an XML document, else CSV.
    pub fn from_start(start: &[u8]) -> Self {
        let start = start
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(start)
            .trim_ascii_start();
        match start.first() {
            Some(b'{') => Self::GeoJson,
            Some(b'<') => Self::Kml,
            _ => Self::Csv,
        }
    }
}

/// Imports the file at `path` as a layer named after the file. A CSV is read as `dataset`
/// says, or recognised by its header when `None`.
pub fn import_path(
    path: &Path,
    dataset: Option<Dataset>,
    lookups: Lookups<'_>,
    control: &mut Control<'_>,
) -> Result<Layer, ImportError> {
    let name = path
        .file_stem()
        .map_or_else(|| "Layer".to_owned(), |s| s.to_string_lossy().into_owned());
    let mut reader = BufReader::with_capacity(1 << 16, crate::platform::storage::open(path)?);
    let kind = match FileKind::from_path(path) {
        Some(kind) => kind,
        None => FileKind::from_start(reader.fill_buf()?),
    };
    match kind {
        FileKind::Csv => import_csv(reader, &name, dataset, lookups, control),
        FileKind::GeoJson => import_geojson(reader, &name, control),
        FileKind::Kml => import_kml(reader, &name, control),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;

    #[test]
    fn a_file_is_read_by_its_extension_or_its_first_bytes() {
        assert_eq!(
            FileKind::from_path(Path::new("a/ged_241.CSV")),
            Some(FileKind::Csv)
        );
        assert_eq!(
            FileKind::from_path(Path::new("export.geojson")),
            Some(FileKind::GeoJson)
        );
        assert_eq!(FileKind::from_path(Path::new("data")), None);
        assert_eq!(
            FileKind::from_start(b"\xef\xbb\xbf  {\"type\""),
            FileKind::GeoJson
        );
        assert_eq!(FileKind::from_start(b"<?xml version"), FileKind::Kml);
        assert_eq!(FileKind::from_start(b"id,date"), FileKind::Csv);

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events");
        std::fs::write(&path, "<kml><Placemark><name>A</name></Placemark></kml>").unwrap();
        let cancel = AtomicBool::new(false);
        let mut progress = |_| {};
        let mut control = Control::new(&mut progress, &cancel);
        let layer = import_path(&path, None, Lookups::none(), &mut control).unwrap();
        assert_eq!(
            (layer.name.as_str(), layer.dataset, layer.records.len()),
            ("events", Dataset::Kml, 1)
        );
    }
}
