//! Rows of a generic CSV, read as its [`Mapping`] says. A row that names a place but gives no
//! coordinates is located through the gazetteer; if it is not found there the row is kept
//! without a location and reported.

use csv::ByteRecord;

use super::columns::{Sink, bytes, text};
use super::dates::{DateError, DateSpan, parse_date};
use super::mapping::Mapping;
use super::problem::ProblemKind;
use super::records::{Row, TextsFull, UNKNOWN_DAY};

/// Reads rows by a mapping.
pub struct Generic {
    mapping: Mapping,
}

impl Generic {
    /// A reader for this mapping.
    pub fn new(mapping: Mapping) -> Self {
        Self { mapping }
    }

    /// Reads one row into the sink, or reports why not.
    pub fn read(
        &self,
        record: &ByteRecord,
        line: u32,
        sink: &mut Sink<'_>,
    ) -> Result<(), TextsFull> {
        let m = &self.mapping;
        let Some((mut lat, mut lon)) =
            sink.location(line, bytes(record, m.latitude), bytes(record, m.longitude))
        else {
            return Ok(());
        };
        let Some(span) = self.span(record, line, sink) else {
            return Ok(());
        };
        let place = text(record, m.place);
        let mut where_prec = 0;
        if lat.is_nan() && !place.is_empty() {
            if let Some((y, x, precision)) = (sink.lookups.place)(&place) {
                (lat, lon, where_prec) = (y as f32, x as f32, precision);
            } else {
                sink.problem(line, ProblemKind::PlaceNotFound, || {
                    format!("the gazetteer does not know “{place}”; kept without a location")
                });
            }
        } else if !lat.is_nan() {
            where_prec = 1;
        }
        let (title, actors, category, note, id) = (
            text(record, m.title),
            text(record, m.actors),
            text(record, m.category),
            text(record, m.note),
            text(record, m.id),
        );
        sink.records.push(&Row {
            lon,
            lat,
            start: span.start,
            end: span.end,
            date_prec: span.prec,
            circa: span.circa,
            where_prec,
            line,
            title: &title,
            place: &place,
            actors: &actors,
            category: &category,
            note: &note,
            source_id: &id,
        })
    }

    /// The row's dates: one date column, or a start and an end column; `None` (reported)
    /// when one cannot be read.
    fn span(&self, record: &ByteRecord, line: u32, sink: &mut Sink<'_>) -> Option<DateSpan> {
        let m = &self.mapping;
        let order = m.slash_order;
        let parse = |i: Option<usize>| {
            let value = text(record, i);
            parse_date(&value, order).map_err(|e| (value.into_owned(), e))
        };
        let result = match (m.date, m.start, m.end) {
            (Some(_), _, _) | (None, None, None) => parse(m.date),
            (None, start, end) => parse(start).and_then(|first| {
                let last = if end.is_some() { parse(end)? } else { first };
                if last.start == UNKNOWN_DAY {
                    return Ok(first);
                }
                if first.start == UNKNOWN_DAY {
                    return Ok(last);
                }
                if last.end < first.start {
                    return Err((text(record, end).into_owned(), DateError::Reversed));
                }
                let mut span = DateSpan::between(first.start, last.end);
                span.circa = first.circa || last.circa;
                Ok(span)
            }),
        };
        match result {
            Ok(span) => Some(span),
            Err((value, error)) => {
                sink.problem(line, ProblemKind::Date, || {
                    format!("the date “{value}” cannot be read ({error}); row skipped")
                });
                None
            }
        }
    }
}
