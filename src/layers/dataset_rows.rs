//! Rows of UCDP GED, ACLED and the atlas's own CSV export, each read by the columns its
//! header names (so the order of columns and extra columns do not matter).
//!
//! GED keeps its own precision codes. ACLED's are mapped onto GED's scale: `time_precision`
//! 1 (the day) → 1, 2 (a week) → 3, 3 (a month) → 4, and `geo_precision` 1 → 1, 2 (near the
//! place) → 2, 3 (a region) → 4. ACLED gives one `event_date` even for a week or a month; the
//! span is then the seven days around it or its calendar month, which hold the event date
//! whichever day in the week or month ACLED put it on.

use csv::ByteRecord;

use super::columns::{Sink, bytes, column_set, join_into, push_actor, text};
use super::dates::{
    DateSpan, SlashOrder, civil_from_days, days_in_month, parse_date, parse_iso_day,
};
use super::problem::ProblemKind;
use super::records::{Role, Row, TextsFull};

column_set! {
    /// The columns of UCDP GED the reader uses.
    Ged {
        id: ["id"],
        start: ["datestart"],
        end: ["dateend"],
        date_prec: ["dateprec"],
        lat: ["latitude"],
        lon: ["longitude"],
        where_prec: ["whereprec"],
        where_description: ["wheredescription"],
        adm_1: ["adm1"],
        country: ["country"],
        side_a: ["sidea"],
        side_b: ["sideb"],
        dyad_name: ["dyadname"],
        type_of_violence: ["typeofviolence"],
        source_article: ["sourcearticle"],
    }
}

impl Ged {
    /// Reads one row into the sink, or reports why not.
    pub fn read(
        &self,
        record: &ByteRecord,
        line: u32,
        sink: &mut Sink<'_>,
    ) -> Result<(), TextsFull> {
        let Some((lat, lon)) =
            sink.location(line, bytes(record, self.lat), bytes(record, self.lon))
        else {
            return Ok(());
        };
        let (start_text, end_text) = (bytes(record, self.start), bytes(record, self.end));
        let (start, end) = match (parse_iso_day(start_text), parse_iso_day(end_text)) {
            (Ok(s), Ok(e)) if s <= e => (s, e),
            _ => {
                let (s, e) = (
                    String::from_utf8_lossy(start_text),
                    String::from_utf8_lossy(end_text),
                );
                sink.problem(line, ProblemKind::Date, || {
                    format!(
                        "date_start “{s}” and date_end “{e}” are not two days in order; row skipped"
                    )
                });
                return Ok(());
            }
        };
        let date_prec = sink.precision(line, bytes(record, self.date_prec), 5, "date_prec");
        let where_prec = sink.precision(line, bytes(record, self.where_prec), 7, "where_prec");
        let [actors, title, place] = &mut sink.buf;
        let (side_a, side_b) = (text(record, self.side_a), text(record, self.side_b));
        actors.clear();
        push_actor(actors, &side_a, Some(Role::Party));
        push_actor(actors, &side_b, Some(Role::Party));
        let dyad = text(record, self.dyad_name);
        if dyad.is_empty() {
            join_into(title, &[&side_a, &side_b], " – ");
        } else {
            title.clear();
            title.push_str(&dyad);
        }
        let description = text(record, self.where_description);
        let fallback = [text(record, self.adm_1), text(record, self.country)];
        place.clear();
        place.push_str(if description.is_empty() {
            fallback.iter().find(|t| !t.is_empty()).map_or("", |t| t)
        } else {
            &description
        });
        let violence = text(record, self.type_of_violence);
        let category = match &*violence {
            "1" => "state-based conflict",
            "2" => "non-state conflict",
            "3" => "one-sided violence",
            other => other,
        };
        let (note, id) = (text(record, self.source_article), text(record, self.id));
        sink.records.push(&Row {
            lon,
            lat,
            start,
            end,
            date_prec,
            circa: false,
            where_prec,
            line,
            title,
            place,
            actors,
            category,
            note: &note,
            source_id: &id,
        })
    }
}

column_set! {
    /// The columns of ACLED the reader uses.
    Acled {
        id: ["eventidcnty", "dataid"],
        date: ["eventdate"],
        time_precision: ["timeprecision"],
        event_type: ["eventtype"],
        sub_event_type: ["subeventtype"],
        actor1: ["actor1"],
        actor2: ["actor2"],
        lat: ["latitude"],
        lon: ["longitude"],
        geo_precision: ["geoprecision"],
        location: ["location"],
        admin1: ["admin1"],
        country: ["country"],
        notes: ["notes"],
    }
}

impl Acled {
    /// Reads one row into the sink, or reports why not.
    pub fn read(
        &self,
        record: &ByteRecord,
        line: u32,
        sink: &mut Sink<'_>,
    ) -> Result<(), TextsFull> {
        let Some((lat, lon)) =
            sink.location(line, bytes(record, self.lat), bytes(record, self.lon))
        else {
            return Ok(());
        };
        let date = text(record, self.date);
        let day = match parse_date(&date, SlashOrder::DayFirst) {
            Ok(span) if span.prec == 1 => span.start,
            _ => {
                sink.problem(line, ProblemKind::Date, || {
                    format!("event_date “{date}” is not a day; row skipped")
                });
                return Ok(());
            }
        };
        let span = match sink.precision(
            line,
            bytes(record, self.time_precision),
            3,
            "time_precision",
        ) {
            2 => DateSpan {
                prec: 3,
                ..DateSpan::between(day - 3, day + 3)
            },
            3 => {
                let (y, m, d) = civil_from_days(day);
                let first = day - i32::from(d) + 1;
                DateSpan {
                    prec: 4,
                    ..DateSpan::between(first, first + i32::from(days_in_month(y, m)) - 1)
                }
            }
            1 => DateSpan::day(day),
            _ => DateSpan {
                prec: 0,
                ..DateSpan::day(day)
            },
        };
        let where_prec =
            match sink.precision(line, bytes(record, self.geo_precision), 3, "geo_precision") {
                3 => 4,
                p => p,
            };
        let [actors, title, place] = &mut sink.buf;
        actors.clear();
        push_actor(actors, &text(record, self.actor1), Some(Role::Party));
        push_actor(actors, &text(record, self.actor2), Some(Role::Party));
        let (event_type, sub_event_type) = (
            text(record, self.event_type),
            text(record, self.sub_event_type),
        );
        title.clear();
        title.push_str(if sub_event_type.is_empty() {
            &event_type
        } else {
            &sub_event_type
        });
        join_into(
            place,
            &[
                &text(record, self.location),
                &text(record, self.admin1),
                &text(record, self.country),
            ],
            ", ",
        );
        let (note, id) = (text(record, self.notes), text(record, self.id));
        sink.records.push(&Row {
            lon,
            lat,
            start: span.start,
            end: span.end,
            date_prec: span.prec,
            circa: false,
            where_prec,
            line,
            title,
            place,
            actors,
            category: &event_type,
            note: &note,
            source_id: &id,
        })
    }
}

column_set! {
    /// The columns of the atlas's CSV export (`formats::csv::COLUMNS` in the app).
    AtlasCsv {
        id: ["id"],
        date: ["date"],
        start: ["datestart"],
        end: ["dateend"],
        date_prec: ["dateprec"],
        where_prec: ["whereprec"],
        lat: ["latitude"],
        lon: ["longitude"],
        where_description: ["wheredescription"],
        title_en: ["titleen"],
        title_de: ["titlede"],
        kind: ["kind"],
        participants: ["participants"],
        quote: ["quote"],
    }
}

impl AtlasCsv {
    /// Reads one row into the sink, or reports why not. The `date` column ("2017-01",
    /// "unknown") says the precision; `date_start` and `date_end` the days.
    pub fn read(
        &self,
        record: &ByteRecord,
        line: u32,
        sink: &mut Sink<'_>,
    ) -> Result<(), TextsFull> {
        let Some((lat, lon)) =
            sink.location(line, bytes(record, self.lat), bytes(record, self.lon))
        else {
            return Ok(());
        };
        let date = text(record, self.date);
        let Ok(span) = parse_date(&date, SlashOrder::DayFirst) else {
            sink.problem(line, ProblemKind::Date, || {
                format!("date “{date}” cannot be read; row skipped")
            });
            return Ok(());
        };
        let bounds = (
            parse_iso_day(bytes(record, self.start)),
            parse_iso_day(bytes(record, self.end)),
        );
        let (start, end) = match bounds {
            (Ok(s), Ok(e)) => (s, e),
            _ => (span.start, span.end),
        };
        let date_prec = sink.precision(line, bytes(record, self.date_prec), 5, "date_prec");
        let where_prec = sink.precision(line, bytes(record, self.where_prec), 7, "where_prec");
        let [actors, _, _] = &mut sink.buf;
        actors.clear();
        for p in super::records::parse_actors(&text(record, self.participants)) {
            push_actor(actors, &p.name, p.role);
        }
        let (en, de) = (text(record, self.title_en), text(record, self.title_de));
        let (place, kind, quote, id) = (
            text(record, self.where_description),
            text(record, self.kind),
            text(record, self.quote),
            text(record, self.id),
        );
        sink.records.push(&Row {
            lon,
            lat,
            start,
            end,
            date_prec: if date_prec == 0 { span.prec } else { date_prec },
            circa: false,
            where_prec,
            line,
            title: if en.is_empty() { &de } else { &en },
            place: &place,
            actors,
            category: &kind,
            note: &quote,
            source_id: &id,
        })
    }
}
