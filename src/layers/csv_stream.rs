//! The CSV import: a reader thread splits the file into records (the `csv` crate, reusing
//! its buffers) while the calling thread turns them into columns, so the two halves of the
//! work run side by side on two cores (in the browser, without threads, one after the other,
//! a batch at a time). Memory holds the columns and a few batches of raw
//! records, never the file's text.

use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;

use csv::ByteRecord;

use super::columns::{Sink, lossy};
use super::dataset_rows::{Acled, AtlasCsv, Ged};
use super::generic::Generic;
use super::mapping::Mapping;
use super::pax::PaX;
use super::problem::ProblemKind;
use super::progress::{Control, Counting, Reporter};
use super::records::TextsFull;
use super::{Dataset, ImportError, Layer, Lookups, sniff};

/// Records per batch handed from the reader thread to the converting one.
const BATCH: usize = 4096;
/// Batches in flight between the threads (each a few hundred kilobytes of GED).
const IN_FLIGHT: usize = 4;
/// Rows the generic guess looks at.
const SAMPLE: usize = 20;

/// A batch of records (the first `.1` of them filled), or the error that ended the reading.
type Message = Result<(Vec<ByteRecord>, usize), csv::Error>;

/// Imports a CSV from any reader. `dataset` says how to read it; `None` recognises it by its
/// header ([`sniff()`]) and, for a generic CSV, guesses the columns from the header and the
/// first rows. Rows are numbered by the line they start on; a row that cannot be read is
/// reported in [`Layer::problems`] and skipped, and the rest still load.
pub fn import_csv<R: Read + Send>(
    reader: R,
    name: &str,
    dataset: Option<Dataset>,
    lookups: Lookups<'_>,
    control: &mut Control<'_>,
) -> Result<Layer, ImportError> {
    import_csv_on(
        reader,
        name,
        dataset,
        lookups,
        control,
        crate::platform::HAS_THREADS,
    )
}

/// [`import_csv`] with a reader thread beside the converting one, or (`threads` false, as in
/// the browser) both halves on this thread, a batch at a time.
pub(crate) fn import_csv_on<R: Read + Send>(
    reader: R,
    name: &str,
    dataset: Option<Dataset>,
    lookups: Lookups<'_>,
    control: &mut Control<'_>,
    threads: bool,
) -> Result<Layer, ImportError> {
    let count = AtomicU64::new(0);
    let cancel = control.cancel;
    let result = std::thread::scope(|scope| {
        let mut buffered = BufReader::with_capacity(1 << 16, Counting::new(reader, &count, cancel));
        let delimiter = super::sniff::delimiter(buffered.fill_buf()?);
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .buffer_capacity(1 << 18)
            .from_reader(buffered);
        let headers: Vec<String> = csv.byte_headers()?.iter().map(lossy).collect();
        if headers.iter().all(String::is_empty) {
            return Err(ImportError::NoHeader);
        }
        let (empty_tx, empty_rx) = mpsc::channel::<Vec<ByteRecord>>();
        if !threads {
            // One batch read whenever the converting half asks for the next.
            let mut finished = false;
            let batches = std::iter::from_fn(|| {
                if finished {
                    return None;
                }
                let (message, last) = next_batch(&mut csv, empty_rx.try_recv().unwrap_or_default());
                finished = last;
                Some(message)
            });
            return convert(
                &headers, dataset, lookups, control, &count, batches, &empty_tx,
            );
        }
        let (full_tx, full_rx) = mpsc::sync_channel::<Message>(IN_FLIGHT);
        scope.spawn(move || {
            loop {
                let (message, last) = next_batch(&mut csv, empty_rx.try_recv().unwrap_or_default());
                if full_tx.send(message).is_err() || last {
                    return;
                }
            }
        });
        convert(
            &headers,
            dataset,
            lookups,
            control,
            &count,
            full_rx.iter(),
            &empty_tx,
        )
    });
    match result {
        _ if control.cancelled() => Err(ImportError::Cancelled),
        Ok((dataset, sink)) => {
            let mut records = sink.records;
            records.shrink_to_fit();
            Ok(Layer {
                name: name.to_owned(),
                dataset,
                records,
                problems: sink.problems.list,
                unreported_problems: sink.problems.unreported,
            })
        }
        Err(error) => Err(error),
    }
}

/// Reads up to [`BATCH`] records into `batch` (reusing its buffers); the flag says whether
/// the reading has ended (the file's end, or an error).
fn next_batch<R: Read>(csv: &mut csv::Reader<R>, mut batch: Vec<ByteRecord>) -> (Message, bool) {
    let mut filled = 0;
    while filled < BATCH {
        if filled == batch.len() {
            batch.push(ByteRecord::new());
        }
        match csv.read_byte_record(&mut batch[filled]) {
            Ok(true) => filled += 1,
            Ok(false) => return (Ok((batch, filled)), true),
            Err(error) => return (Err(error), true),
        }
    }
    (Ok((batch, filled)), false)
}

/// How the rows of one dataset are read.
enum Converter {
    Ged(Ged),
    Acled(Acled),
    PaX(PaX),
    Atlas(AtlasCsv),
    Generic(Generic),
}

impl Converter {
    fn new(dataset: &Dataset, headers: &[String]) -> Self {
        match dataset {
            Dataset::Ged => Self::Ged(Ged::new(headers)),
            Dataset::Acled => Self::Acled(Acled::new(headers)),
            Dataset::PaX => Self::PaX(PaX::new(headers)),
            Dataset::Atlas => Self::Atlas(AtlasCsv::new(headers)),
            Dataset::Csv(mapping) => Self::Generic(Generic::new(mapping.clone())),
            Dataset::GeoJson | Dataset::Kml => {
                Self::Generic(Generic::new(Mapping::from_headers(headers)))
            }
        }
    }

    fn read(&self, record: &ByteRecord, line: u32, sink: &mut Sink<'_>) -> Result<(), TextsFull> {
        match self {
            Self::Ged(c) => c.read(record, line, sink),
            Self::Acled(c) => c.read(record, line, sink),
            Self::PaX(c) => c.read(record, line, sink),
            Self::Atlas(c) => c.read(record, line, sink),
            Self::Generic(c) => c.read(record, line, sink),
        }
    }
}

/// The converting half: takes batches until the reader thread is done, reports progress,
/// and hands the emptied batches back for reuse.
fn convert<'a>(
    headers: &[String],
    dataset: Option<Dataset>,
    lookups: Lookups<'a>,
    control: &mut Control<'_>,
    count: &AtomicU64,
    full: impl Iterator<Item = Message>,
    empty: &mpsc::Sender<Vec<ByteRecord>>,
) -> Result<(Dataset, Sink<'a>), ImportError> {
    let mut sink = Sink::new(lookups);
    let mut reporter = Reporter::new();
    let mut chosen: Option<(Dataset, Converter)> = None;
    let fields = headers.len();
    for message in full {
        let (batch, filled) = message?;
        if control.cancelled() {
            return Err(ImportError::Cancelled);
        }
        let rows = batch.get(..filled).unwrap_or_default();
        let (_, converter) = chosen.get_or_insert_with(|| {
            let dataset = match dataset.clone().unwrap_or_else(|| sniff(headers)) {
                Dataset::Csv(_) if dataset.is_none() => {
                    let sample: Vec<Vec<String>> = rows
                        .iter()
                        .take(SAMPLE)
                        .map(|r| r.iter().map(lossy).collect())
                        .collect();
                    Dataset::Csv(Mapping::guess(headers, &sample))
                }
                other => other,
            };
            let converter = Converter::new(&dataset, headers);
            (dataset, converter)
        });
        for (i, record) in rows.iter().enumerate() {
            // The parser's offset, not the bytes read: the reader thread reads ahead.
            if i % 64 == 63 {
                reporter.tick_at(control, record.position().map_or(0, csv::Position::byte));
            }
            let line = record
                .position()
                .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
            if record.len() != fields {
                let found = record.len();
                sink.problem(line, ProblemKind::FieldCount, || {
                    format!("{found} fields where the header has {fields}; row skipped")
                });
                continue;
            }
            converter.read(record, line, &mut sink)?;
        }
        let _ = empty.send(batch);
    }
    reporter.finish(control, count);
    let dataset = match chosen {
        Some((dataset, _)) => dataset,
        None => dataset.unwrap_or_else(|| sniff(headers)),
    };
    Ok((dataset, sink))
}
