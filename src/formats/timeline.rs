//! The Knight Lab formats teachers build stories in: `TimelineJS` 3 (its JSON, and the columns of
//! its Google Sheets template as CSV) from events, and `StoryMapJS` from a tour (one slide per
//! step, at the step's view, with its caption and source quote).
//!
//! `TimelineJS` dates carry only what is known: a month is `{ year, month }`, so `TimelineJS` shows
//! "January 2017", not an invented first of the month. It needs a year, so events with no date
//! are left out and named in [`Written::left_out`].

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::{Request, Written, first_quote};
use crate::i18n::{self, Lang};
use crate::model::{Atlas, Date, Event};

/// The columns of the `TimelineJS` Google Sheets template, in its order.
pub const TIMELINE_CSV_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// `(year, month, day)` as far as known; `None` for no date.
fn parts(date: Date) -> Option<(i32, Option<u8>, Option<u8>)> {
    match date {
        Date::Day { year, month, day } => Some((year, Some(month), Some(day))),
        Date::Month { year, month } => Some((year, Some(month), None)),
        Date::Year { year } => Some((year, None, None)),
        Date::Unknown => None,
    }
}

/// A `TimelineJS` date object, as precise as the date: `{"year": 2017, "month": 1}`.
fn date_json(date: Date) -> Option<serde_json::Value> {
    let (year, month, day) = parts(date)?;
    let mut out = json!({ "year": year });
    if let Some(month) = month {
        out["month"] = json!(month);
    }
    if let Some(day) = day {
        out["day"] = json!(day);
    }
    Some(out)
}

/// Text for HTML: `TimelineJS` and `StoryMapJS` render their `text` fields as HTML.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The participants with their roles, and the source quote, as HTML.
fn event_html(atlas: &Atlas, event: &Event, lang: Lang) -> String {
    let mut text = String::new();
    if !event.participants.is_empty() {
        let names: Vec<String> = event
            .participants
            .iter()
            .map(|p| {
                format!(
                    "{} ({})",
                    html(atlas.party_name(p.who, lang)),
                    html(i18n::role(p.role, lang))
                )
            })
            .collect();
        let _ = write!(text, "<p>{}</p>", names.join(", "));
    }
    if let Some((quote, _)) = first_quote(atlas, event) {
        let _ = write!(text, "<blockquote>{}</blockquote>", html(quote));
        if let Some(source) = event.sources.first() {
            let article = atlas.article(source.article);
            let _ = write!(
                text,
                "<p>— {}</p>",
                html(&i18n::byline(article, lang, false))
            );
        }
    }
    text
}

fn group(atlas: &Atlas, event: &Event, lang: Lang) -> String {
    event
        .process
        .map(|p| {
            let process = atlas.process(p);
            i18n::pick(lang, &process.name_de, &process.name_en).to_owned()
        })
        .unwrap_or_default()
}

/// `TimelineJS` 3 JSON: a title slide and one slide per dated event.
///
/// # Errors
/// Serialisation errors, as text.
pub fn timeline_json(request: &Request) -> Result<Written, String> {
    let atlas = request.atlas;
    let mut events = Vec::new();
    let mut left_out = Vec::new();
    for &e in request.events {
        let event = atlas.event(e);
        let Some(mut start) = date_json(event.when.start) else {
            left_out.push(event.id.clone());
            continue;
        };
        // TimelineJS draws a span from start to end; the display date keeps "c." and the
        // precision of both ends.
        start["display_date"] = json!(i18n::format_when(event.when, request.lang));
        let mut entry = json!({
            "unique_id": event.id,
            "start_date": start,
            "text": {
                "headline": html(event.title(request.lang)),
                "text": event_html(atlas, event, request.lang),
            },
            "group": group(atlas, event, request.lang),
        });
        if let Some(end) = event.when.end.and_then(date_json) {
            entry["end_date"] = end;
        }
        events.push(entry);
    }
    let timeline = json!({
        "title": { "text": { "headline": html(request.title), "text": "" } },
        "events": events,
    });
    let text = serde_json::to_string_pretty(&timeline).map_err(|e| e.to_string())?;
    Ok(Written { text, left_out })
}

/// The rows of the `TimelineJS` Google Sheets template, as CSV: a title row, then one row per
/// dated event.
///
/// # Errors
/// Serialisation errors, as text.
pub fn timeline_csv(request: &Request) -> Result<Written, String> {
    let atlas = request.atlas;
    let mut out = ::csv::Writer::from_writer(Vec::new());
    let err = |e: ::csv::Error| e.to_string();
    out.write_record(TIMELINE_CSV_COLUMNS).map_err(err)?;
    let mut title = vec![String::new(); TIMELINE_CSV_COLUMNS.len()];
    request.title.clone_into(&mut title[9]);
    "title".clone_into(&mut title[15]);
    out.write_record(&title).map_err(err)?;
    let mut left_out = Vec::new();
    for &e in request.events {
        let event = atlas.event(e);
        let Some((year, month, day)) = parts(event.when.start) else {
            left_out.push(event.id.clone());
            continue;
        };
        let number = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut row = vec![String::new(); TIMELINE_CSV_COLUMNS.len()];
        row[0] = year.to_string();
        row[1] = number(month);
        row[2] = number(day);
        if let Some((year, month, day)) = event.when.end.and_then(parts) {
            row[4] = year.to_string();
            row[5] = number(month);
            row[6] = number(day);
        }
        row[8] = i18n::format_when(event.when, request.lang);
        event.title(request.lang).clone_into(&mut row[9]);
        row[10] = event_html(atlas, event, request.lang);
        row[16] = group(atlas, event, request.lang);
        out.write_record(&row).map_err(err)?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    Ok(Written { text, left_out })
}

/// `StoryMapJS` JSON from the request's tour: an overview slide with the tour's title, then a
/// slide per step at the step's view (as the app frames it on a 1280×720 slide), with the
/// caption as headline and the step's source passage quoted.
///
/// # Errors
/// No tour in the request, or serialisation errors, as text.
pub fn storymap(request: &Request) -> Result<String, String> {
    let atlas = request.atlas;
    let tour = request
        .tour
        .ok_or_else(|| "a StoryMap is made from a tour: name one with --tour ID".to_owned())?;
    let lang = request.lang;
    let mut slides = vec![json!({
        "type": "overview",
        "text": { "headline": html(i18n::pick(lang, &tour.title_de, &tour.title_en)), "text": "" },
    })];
    for (i, step) in tour.steps.iter().enumerate() {
        let location = crate::figure::FigureSpec::tour_step(atlas, tour, i, lang).map(|spec| {
            let view =
                crate::figure::projection::view_for(&spec.framing, egui::vec2(1280.0, 720.0));
            json!({
                "lat": (view.lat * 10_000.0).round() / 10_000.0,
                "lon": (view.lon * 10_000.0).round() / 10_000.0,
                "zoom": view.zoom.round(),
            })
        });
        let mut text = String::new();
        let mut credit = String::new();
        if let Some((quote, source)) = crate::ui::present::passage_text(atlas, step, lang) {
            text = format!("<blockquote>{}</blockquote>", html(&quote));
            credit = source;
        }
        slides.push(json!({
            "location": location.unwrap_or(Value::Null),
            "text": { "headline": html(step.caption(lang)), "text": text },
            "media": { "url": "", "credit": html(&credit), "caption": "" },
        }));
    }
    let story = json!({
        "storymap": {
            "language": lang.code(),
            "map_type": "osm:standard",
            "map_as_image": false,
            "slides": slides,
        }
    });
    serde_json::to_string_pretty(&story).map_err(|e| e.to_string())
}
