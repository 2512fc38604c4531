//! Rows of the PA-X Peace Agreements Database (University of Edinburgh). Of its ~279 columns
//! in version 9 only these are read: `AgtId`, `Agt` (the agreement's name), `Dat` (the day of
//! signing, dd/mm/yyyy), `PPName` (the peace process), `Stage`, `Part` (the signatories),
//! `ThrdPart` (third parties, see [`super::third_party`]), `Loc1ISO` and `Loc2ISO`.
//!
//! An agreement is located at its first country (`Loc1ISO`), at the point the caller's
//! country lookup gives, with `where_prec` 6 (country); the place text names both countries.

use csv::ByteRecord;

use super::columns::{Sink, column_set, join_into, push_actor, text};
use super::dates::{DateSpan, SlashOrder, parse_date};
use super::problem::ProblemKind;
use super::records::{Row, TextsFull};
use super::third_party::parse_third_parties;

column_set! {
    /// The columns of PA-X the reader uses.
    PaX {
        id: ["agtid"],
        name: ["agt"],
        date: ["dat"],
        process: ["ppname"],
        stage: ["stage"],
        parties: ["part"],
        third_parties: ["thrdpart"],
        loc1: ["loc1iso"],
        loc2: ["loc2iso"],
    }
}

impl PaX {
    /// Reads one row into the sink, or reports why not.
    pub fn read(
        &self,
        record: &ByteRecord,
        line: u32,
        sink: &mut Sink<'_>,
    ) -> Result<(), TextsFull> {
        let date = text(record, self.date);
        let span = match parse_date(&date, SlashOrder::DayFirst) {
            Ok(span) if span.prec == 1 || span == DateSpan::UNKNOWN => span,
            _ => {
                sink.problem(line, ProblemKind::Date, || {
                    format!("Dat “{date}” is not a day (dd/mm/yyyy); row skipped")
                });
                return Ok(());
            }
        };
        let (loc1, loc2) = (text(record, self.loc1), text(record, self.loc2));
        let (mut lat, mut lon, mut where_prec) = (f32::NAN, f32::NAN, 0);
        if !loc1.is_empty() {
            if let Some((y, x)) = (sink.lookups.country)(&loc1) {
                (lat, lon, where_prec) = (y as f32, x as f32, 6);
            } else {
                sink.problem(line, ProblemKind::PlaceNotFound, || {
                    format!("no country with the code “{loc1}”; kept without a location")
                });
            }
        }
        let [actors, place, note] = &mut sink.buf;
        join_into(place, &[&loc1, &loc2], "; ");
        actors.clear();
        for p in parse_third_parties(&text(record, self.third_parties)) {
            push_actor(actors, &p.name, p.role);
        }
        join_into(
            note,
            &[&text(record, self.process), &text(record, self.parties)],
            "\n",
        );
        let (title, stage, id) = (
            text(record, self.name),
            text(record, self.stage),
            text(record, self.id),
        );
        sink.records.push(&Row {
            lon,
            lat,
            start: span.start,
            end: span.end,
            date_prec: span.prec,
            circa: false,
            where_prec,
            line,
            title: &title,
            place,
            actors,
            category: &stage,
            note,
            source_id: &id,
        })
    }
}
