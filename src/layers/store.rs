//! Layers kept in the user's library, apart from the curated corpus: `layers/ID.toml` says
//! what the layer is (name, colour, shown or not, where it came from) and `layers/ID.csv`
//! holds its records, one row each, in columns that mirror [`Records`]: a plain UTF-8 CSV
//! the user can open anywhere, so nothing imported is locked in.
//!
//! Both files are written atomically (a temporary file beside them, synced, then renamed), the
//! records first: a crash leaves either the old layer or the new one, never half of one. A
//! `.csv` without its `.toml` is not listed.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::dates::{DateSpan, iso_day, parse_iso_day, to_edtf};
use super::records::{Records, Row, UNKNOWN_DAY};
use super::{Control, Dataset, ImportError};
use crate::platform::storage;

/// The columns of a stored layer, in order.
pub const COLUMNS: [&str; 15] = [
    "id",
    "date",
    "date_start",
    "date_end",
    "date_prec",
    "circa",
    "where_prec",
    "latitude",
    "longitude",
    "where_description",
    "title",
    "actors",
    "category",
    "note",
    "source_line",
];

/// Colours given to new layers in turn: dark enough for white counts on them (WCAG AA), and
/// apart from the peace processes' colours (orange, green, pink, blue, amber, sky, yellow,
/// black), so that a layer is not read as a process; layers are drawn as squares besides.
pub const PALETTE: [[u8; 3]; 6] = [
    [0x6a, 0x3d, 0x9a],
    [0x8c, 0x51, 0x0a],
    [0xa5, 0x1a, 0x5f],
    [0x4d, 0x6b, 0x1c],
    [0x52, 0x52, 0x52],
    [0x1f, 0x4e, 0x79],
];

/// What a stored layer is: everything but its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerMeta {
    /// The file stem in `layers/`.
    pub id: String,
    pub name: String,
    /// `#rrggbb`.
    pub color: String,
    pub visible: bool,
    pub dataset: Dataset,
    /// The file it was imported from, as given.
    pub source: String,
    /// When it was imported (ISO 8601).
    pub imported: String,
    pub rows: u64,
    /// Rows of the source that were skipped or kept without a location.
    pub problems: u64,
    /// The layer's own filters as the user left them (its search and categories; the range
    /// is the timeline's).
    #[serde(default, skip_serializing_if = "SavedFilter::is_empty")]
    pub filter: SavedFilter,
}

/// A layer's own filters, remembered in its description.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFilter {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub categories: Vec<String>,
}

impl SavedFilter {
    /// Whether it keeps every record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.categories.is_empty()
    }
}

/// The folder of a library's layers.
#[must_use]
pub fn dir(root: &Path) -> PathBuf {
    root.join("layers")
}

/// The colour of the `n`-th layer, as `#rrggbb`.
#[must_use]
pub fn palette_color(n: usize) -> String {
    let [r, g, b] = PALETTE[n % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A new layer id from its name: lower-case letters, digits and dashes, not yet taken.
#[must_use]
pub fn new_id(root: &Path, name: &str) -> String {
    let mut base: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    while base.contains("--") {
        base = base.replace("--", "-");
    }
    let base = base.trim_matches('-');
    let base = if base.is_empty() { "layer" } else { base };
    // An id in the trash is taken too: undoing an import puts the layer there, and redoing
    // it must find that layer, not a newer one of the same name.
    let taken = |id: &str| {
        storage::exists(&dir(root).join(format!("{id}.toml")))
            || storage::exists(&trash_dir(root).join(format!("{id}.toml")))
    };
    if !taken(base) {
        return base.to_owned();
    }
    (2..=u32::MAX)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// Where removed layers are kept, recoverable (`layers/.trash/`; a folder starting with a
/// dot, so that the library's stamp and the layer list leave it out).
#[must_use]
pub fn trash_dir(root: &Path) -> PathBuf {
    dir(root).join(".trash")
}

/// Moves a layer's two files into the trash: its description first, so that the layer is no
/// longer listed even if moving the records fails.
///
/// # Errors
/// When a file cannot be moved; what was moved stays in the trash.
pub fn move_to_trash(root: &Path, id: &str) -> std::io::Result<()> {
    let trash = trash_dir(root);
    storage::create_dir_all(&trash)?;
    for ext in ["toml", "csv"] {
        let name = format!("{id}.{ext}");
        storage::rename(&dir(root).join(&name), &trash.join(&name))?;
    }
    Ok(())
}

/// Brings a layer back from the trash: its records first, so that it is listed only once
/// they are there.
///
/// # Errors
/// When a file cannot be moved back, or a layer of that id exists again.
pub fn restore_from_trash(root: &Path, id: &str) -> std::io::Result<()> {
    let trash = trash_dir(root);
    for ext in ["csv", "toml"] {
        let name = format!("{id}.{ext}");
        let target = dir(root).join(&name);
        if storage::exists(&target) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} exists", target.display()),
            ));
        }
        storage::rename(&trash.join(&name), &target)?;
    }
    Ok(())
}

/// The layers of a library, by id; what cannot be read is named with its file.
#[must_use]
pub fn list(root: &Path) -> (Vec<LayerMeta>, Vec<String>) {
    let mut metas = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = storage::read_dir(&dir(root)) else {
        return (metas, problems);
    };
    let paths = entries
        .into_iter()
        .filter(|e| !e.is_dir && e.path.extension().is_some_and(|x| x == "toml"))
        .map(|e| e.path);
    for path in paths {
        match storage::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| toml::from_str::<LayerMeta>(&text).map_err(|e| e.to_string()))
        {
            Ok(meta) => metas.push(meta),
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    (metas, problems)
}

/// Writes a layer: its records, then what it is.
///
/// # Errors
/// Any I/O or encoding error; the layer's files are then as they were.
pub fn save(root: &Path, meta: &LayerMeta, records: &Records) -> std::io::Result<()> {
    let target = dir(root).join(format!("{}.csv", meta.id));
    storage::write_atomic_with(&target, |out| {
        let mut out = csv::Writer::from_writer(out);
        write_records(&mut out, records)?;
        out.flush()
    })?;
    save_meta(root, meta)
}

/// Writes what a layer is (after it was shown or hidden, renamed, recoloured), atomically.
///
/// # Errors
/// Any I/O or encoding error; the file is then as it was.
pub fn save_meta(root: &Path, meta: &LayerMeta) -> std::io::Result<()> {
    let text = toml::to_string_pretty(meta).map_err(std::io::Error::other)?;
    storage::write_atomic(
        &dir(root).join(format!("{}.toml", meta.id)),
        text.as_bytes(),
    )
}

fn write_records<W: std::io::Write>(
    out: &mut csv::Writer<W>,
    records: &Records,
) -> std::io::Result<()> {
    out.write_record(COLUMNS)?;
    let day = |d: i32| {
        if d == UNKNOWN_DAY {
            String::new()
        } else {
            iso_day(d)
        }
    };
    let coordinate = |v: f32| {
        if v.is_finite() {
            v.to_string()
        } else {
            String::new()
        }
    };
    for i in 0..records.len() {
        let Some(row) = records.row(i) else { break };
        let date = to_edtf(DateSpan {
            start: row.start,
            end: row.end,
            prec: row.date_prec,
            circa: row.circa,
        });
        out.write_record([
            row.source_id,
            &date,
            &day(row.start),
            &day(row.end),
            &row.date_prec.to_string(),
            if row.circa { "1" } else { "" },
            &row.where_prec.to_string(),
            &coordinate(row.lat),
            &coordinate(row.lon),
            row.place,
            row.title,
            row.actors,
            row.category,
            row.note,
            &row.line.to_string(),
        ])?;
    }
    Ok(())
}

/// Reads a stored layer's records, with progress and cancellation.
///
/// # Errors
/// The file cannot be read, a row does not have the stored columns (named with its line), or
/// the caller cancelled.
pub fn load(root: &Path, id: &str, control: &mut Control<'_>) -> Result<Records, ImportError> {
    let file = storage::open(&dir(root).join(format!("{id}.csv")))?;
    read_records(file, control)
}

fn read_records(source: impl Read, control: &mut Control<'_>) -> Result<Records, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::BufReader::new(source));
    let mut records = Records::default();
    let mut record = csv::ByteRecord::new();
    let mut next_report = super::progress::PROGRESS_STEP;
    let text = |r: &csv::ByteRecord, i: usize| {
        std::str::from_utf8(r.get(i).unwrap_or_default())
            .unwrap_or_default()
            .to_owned()
    };
    while reader.read_byte_record(&mut record)? {
        if control.cancelled() {
            return Err(ImportError::Cancelled);
        }
        let offset = reader.position().byte();
        if offset >= next_report {
            (control.progress)(offset);
            next_report = offset + super::progress::PROGRESS_STEP;
        }
        let line = record.position().map_or(0, csv::Position::line);
        let bad = || {
            ImportError::Io(std::io::Error::other(format!(
                "line {line}: not a row of a stored layer"
            )))
        };
        if record.len() != COLUMNS.len() {
            return Err(bad());
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        let day = |i: usize| {
            if field(i).is_empty() {
                Ok(UNKNOWN_DAY)
            } else {
                parse_iso_day(field(i)).map_err(|_| bad())
            }
        };
        let number = |i: usize| -> Result<u32, ImportError> {
            std::str::from_utf8(field(i))
                .ok()
                .and_then(|t| t.parse().ok())
                .ok_or_else(bad)
        };
        let coordinate = |i: usize| -> f32 {
            std::str::from_utf8(field(i))
                .ok()
                .and_then(|t| t.parse().ok())
                .unwrap_or(f32::NAN)
        };
        let [source_id, place, title, actors, category, note] =
            [0, 9, 10, 11, 12, 13].map(|i| text(&record, i));
        let row = Row {
            lon: coordinate(8),
            lat: coordinate(7),
            start: day(2)?,
            end: day(3)?,
            date_prec: u8::try_from(number(4)?).map_err(|_| bad())?,
            circa: field(5) == b"1",
            where_prec: u8::try_from(number(6)?).map_err(|_| bad())?,
            line: number(14)?,
            title: &title,
            place: &place,
            actors: &actors,
            category: &category,
            note: &note,
            source_id: &source_id,
        };
        records.push(&row).map_err(|_| bad())?;
    }
    (control.progress)(reader.position().byte());
    records.shrink_to_fit();
    Ok(records)
}

#[cfg(test)]
#[path = "store_tests.rs"]
pub(crate) mod tests;
