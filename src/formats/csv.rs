//! CSV, one row per event, with UCDP GED-style columns: `date_start`, `date_end`, `date_prec`,
//! `where_prec`, `latitude`, `longitude` (of the first venue), and the rest of what the atlas
//! knows. UTF-8 with a header; fields with commas, quotes or line breaks are quoted (the `csv`
//! crate), so a quote that runs over lines stays one cell.

use super::Request;
use super::{date_bounds, date_precision, first_quote, party, where_precision};

/// The columns, in order.
pub const COLUMNS: [&str; 18] = [
    "id",
    "date",
    "date_start",
    "date_end",
    "date_prec",
    "where_prec",
    "latitude",
    "longitude",
    "where_description",
    "places",
    "title_de",
    "title_en",
    "kind",
    "process",
    "participants",
    "quote",
    "quote_article",
    "layer",
];

/// The events as CSV.
///
/// # Errors
/// Serialisation errors, as text.
pub fn write(request: &Request) -> Result<String, String> {
    let (atlas, events) = (request.atlas, request.events);
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS).map_err(|e| e.to_string())?;
    for &e in events {
        let event = atlas.event(e);
        let venue = event.places.first().map(|&p| atlas.place(p));
        let (start, end) = date_bounds(event.when).unwrap_or_default();
        let participants: Vec<String> = event
            .participants
            .iter()
            .map(|p| {
                let (id, _) = party(atlas, p.who);
                format!("{id} ({})", role_name(p.role))
            })
            .collect();
        let (quote, article) = first_quote(atlas, event).unwrap_or_default();
        let text = |v: Option<String>| v.unwrap_or_default();
        let record = [
            event.id.clone(),
            event.when.to_edtf(),
            start,
            end,
            text(date_precision(event.when).map(|p| p.to_string())),
            text(
                event
                    .places
                    .iter()
                    .map(|&p| where_precision(atlas.place(p)))
                    .max()
                    .map(|p| p.to_string()),
            ),
            text(venue.map(|v| format!("{:.4}", v.lat))),
            text(venue.map(|v| format!("{:.4}", v.lon))),
            text(venue.map(|v| v.name_en.clone())),
            event
                .places
                .iter()
                .map(|&p| atlas.place(p).id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            event.title_de.clone(),
            event.title_en.clone(),
            kind_name(event.kind),
            text(event.process.map(|p| atlas.process(p).id.clone())),
            participants.join(";"),
            quote.to_owned(),
            article.to_owned(),
            String::new(),
        ];
        out.write_record(&record).map_err(|e| e.to_string())?;
    }
    for layer in request.layers {
        for row in layer.rows() {
            let (edtf, start, end) = super::record_dates(&row);
            let coordinate = |v: f32| {
                if v.is_finite() {
                    v.to_string()
                } else {
                    String::new()
                }
            };
            let prec = |p: u8| if p == 0 { String::new() } else { p.to_string() };
            out.write_record([
                row.source_id,
                &edtf,
                &start,
                &end,
                &prec(row.date_prec),
                &prec(row.where_prec),
                &coordinate(row.lat),
                &coordinate(row.lon),
                row.place,
                "",
                "",
                row.title,
                row.category,
                "",
                row.actors,
                row.note,
                "",
                layer.name,
            ])
            .map_err(|e| e.to_string())?;
        }
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// The `snake_case` name serde gives an enum value (`state_visit`).
pub(super) fn serde_name(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(super) fn kind_name(kind: crate::model::EventKind) -> String {
    serde_name(kind)
}

pub(super) fn role_name(role: crate::model::Role) -> String {
    serde_name(role)
}
