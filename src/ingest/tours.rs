//! Guided tours: one TOML file per tour in `data/tours/`, checked against the atlas.
//!
//! A tour file holds `id`, `title_de` and `title_en`, then one `[[step]]` table per step; the
//! shipped tour documents every field at its top. Tours are read like the data files: every
//! problem names its file and line, a broken step is reported and skipped, and the other steps
//! and tours still load.

use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::files::Corpus;
use super::problem::{LineIndex, Problem, Severity};
use super::reflow::normalize_ws;
use super::toml_records::{Located, read_records};
use crate::model::filter::{Day, Filter, date_days};
use crate::model::tour::{StepView, Tour, TourStep};
use crate::model::{ArticleIdx, Atlas, Date, EventIdx, PlaceIdx};

/// The longest caption, in characters: the audience reads it from the back of a room.
pub const MAX_CAPTION_CHARS: usize = 160;

/// Latitudes a `view` may centre on: the web map ends near ±85°.
const LATITUDES: RangeInclusive<f64> = -85.0..=85.0;
const LONGITUDES: RangeInclusive<f64> = -180.0..=180.0;
/// From a continent to a city district.
const ZOOMS: RangeInclusive<f64> = 1.0..=12.0;

/// What comes before the first `[[step]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TourRecord {
    id: Spanned<String>,
    title_de: Spanned<String>,
    title_en: Spanned<String>,
}

/// A `[[step]]` as written. Captions and views are optional here so that their absence is
/// reported in words, not as a serde message.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRecord {
    caption_de: Option<Spanned<String>>,
    caption_en: Option<Spanned<String>>,
    #[serde(default)]
    notes_de: String,
    #[serde(default)]
    notes_en: String,
    place: Option<Spanned<String>>,
    fit_events: Option<Spanned<Vec<Spanned<String>>>>,
    view: Option<Spanned<Vec<Spanned<f64>>>>,
    range: Option<Spanned<Vec<Spanned<String>>>>,
    select_event: Option<Spanned<String>>,
    select_place: Option<Spanned<String>>,
    #[serde(default)]
    highlight: Vec<Spanned<String>>,
    passage: Option<Spanned<PassageRecord>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PassageRecord {
    article: Spanned<String>,
    quote: Spanned<String>,
}

/// Loads every tour of `corpus`, resolving its ids in `atlas`. A tour whose id another file
/// already uses is reported and skipped.
#[must_use]
pub fn load_tours(corpus: &Corpus, atlas: &Atlas) -> (Vec<Tour>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut tours = Vec::new();
    let mut seen: HashMap<String, (String, usize)> = HashMap::new();
    for (path, text) in corpus.tour_files() {
        let text = match text {
            Ok(text) => text,
            Err(e) => {
                problems.push(Problem::error(
                    &path,
                    None,
                    format!("{e}; the tour is skipped"),
                ));
                continue;
            }
        };
        let Some((tour, id_line)) = read_tour(&path, &text, atlas, &mut problems) else {
            continue;
        };
        if let Some((first_path, first_line)) = seen.get(&tour.id) {
            problems.push(Problem::error(
                &path,
                Some(id_line),
                format!(
                    "duplicate tour id “{}” (first used in {first_path} line {first_line}); \
                     this tour is skipped",
                    tour.id
                ),
            ));
            continue;
        }
        seen.insert(tour.id.clone(), (path.clone(), id_line));
        tours.push(tour);
    }
    (tours, problems)
}

/// One tour file's text, and the line of its id; `None` (reported) when its header cannot be
/// read or none of its steps loads.
fn read_tour(
    path: &str,
    text: &str,
    atlas: &Atlas,
    problems: &mut Vec<Problem>,
) -> Option<(Tour, usize)> {
    let file = TourFile {
        path,
        lines: LineIndex::new(text),
        atlas,
    };
    let header_end = header_end(text);
    let header = file.header(&text[..header_end], problems)?;
    let id_line = file.line(&header.id.span());

    // The steps are parsed with the header blanked out, so that they are the file's only
    // top-level tables and their spans are still offsets in `text`.
    let steps_text = blank(text, header_end);
    let before = problems.len();
    let records: Vec<Located<Spanned<StepRecord>>> =
        read_records(Path::new(path), &steps_text, "step", &file.lines, problems);
    let steps: Vec<TourStep> = records
        .iter()
        .filter_map(|located| file.step(&located.record, problems))
        .collect();
    if steps.is_empty() {
        let message = if problems.len() == before {
            "the tour has no [[step]]; it is skipped"
        } else {
            "none of the tour's steps loads (see above); it is skipped"
        };
        problems.push(Problem::error(path, Some(id_line), message));
        return None;
    }
    let tour = Tour {
        id: header.id.into_inner(),
        file: path.to_owned(),
        title_de: header.title_de.into_inner().trim().to_owned(),
        title_en: header.title_en.into_inner().trim().to_owned(),
        steps,
    };
    Some((tour, id_line))
}

/// The offset of the first table header (`[` at the start of a line): the tour's own keys
/// come before it, as TOML requires.
fn header_end(text: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return offset;
        }
        offset += line.len();
    }
    text.len()
}

/// `text` with its first `end` bytes turned into spaces (newlines stay), keeping every offset.
fn blank(text: &str, end: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text[..end].chars() {
        if c == '\n' {
            out.push('\n');
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out.push_str(&text[end..]);
    out
}

/// A tour file being resolved: where problems point, and the atlas its ids refer to.
struct TourFile<'a> {
    path: &'a str,
    lines: LineIndex,
    atlas: &'a Atlas,
}

impl TourFile<'_> {
    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Problem {
        Problem::error(self.path, Some(self.line(span)), message)
    }

    fn warning(&self, span: &Range<usize>, message: impl Into<String>) -> Problem {
        Problem::warning(self.path, Some(self.line(span)), message)
    }

    fn header(&self, text: &str, problems: &mut Vec<Problem>) -> Option<TourRecord> {
        let header: TourRecord = match toml::from_str(text) {
            Ok(header) => header,
            Err(e) => {
                let line = e.span().map_or(1, |span| self.line(&span));
                problems.push(Problem::error(
                    self.path,
                    Some(line),
                    format!(
                        "not a tour: {} (a tour starts with id, title_de and title_en); \
                         the file is skipped",
                        e.message().trim()
                    ),
                ));
                return None;
            }
        };
        let mut ok = true;
        for (value, key) in [
            (&header.id, "id"),
            (&header.title_de, "title_de"),
            (&header.title_en, "title_en"),
        ] {
            if value.get_ref().trim().is_empty() {
                problems.push(self.error(
                    &value.span(),
                    format!("the tour's {key} is empty; the tour is skipped"),
                ));
                ok = false;
            }
        }
        ok.then_some(header)
    }

    /// A step, or `None` when it has an error. Every problem of the step is reported, not
    /// only the first, so that one `check` shows all there is to fix.
    fn step(&self, record: &Spanned<StepRecord>, problems: &mut Vec<Problem>) -> Option<TourStep> {
        let header = record.span();
        let rec = record.get_ref();
        let mut found = Vec::new();
        let f = &mut found;
        let caption_de = self.caption(rec.caption_de.as_ref(), "caption_de", &header, f);
        let caption_en = self.caption(rec.caption_en.as_ref(), "caption_en", &header, f);
        let view = self.view(rec, &header, f);
        let range = rec.range.as_ref().and_then(|range| self.range(range, f));
        let select_event = rec
            .select_event
            .as_ref()
            .and_then(|id| self.event(id, "select_event", range, f));
        let select_place = rec
            .select_place
            .as_ref()
            .and_then(|id| self.place(id, "select_place", f));
        let highlight: Vec<Option<EventIdx>> = rec
            .highlight
            .iter()
            .map(|id| self.event(id, "highlight", range, f))
            .collect();
        let passage = rec.passage.as_ref().and_then(|p| self.passage(p, f));

        let broken = found.iter().any(|p| p.severity == Severity::Error);
        for problem in &mut found {
            if broken && problem.severity == Severity::Error {
                problem.message.push_str("; the step is skipped");
            }
        }
        problems.append(&mut found);
        if broken {
            return None;
        }
        Some(TourStep {
            view: view?,
            range,
            select_place,
            select_event,
            highlight: highlight.into_iter().collect::<Option<_>>()?,
            passage,
            caption_de: caption_de?,
            caption_en: caption_en?,
            notes_de: rec.notes_de.trim().to_owned(),
            notes_en: rec.notes_en.trim().to_owned(),
            line: self.line(&header),
        })
    }

    fn caption(
        &self,
        caption: Option<&Spanned<String>>,
        key: &str,
        header: &Range<usize>,
        found: &mut Vec<Problem>,
    ) -> Option<String> {
        let Some(caption) = caption else {
            found.push(self.error(
                header,
                format!("the step has no {key}: every step needs a caption in German and English"),
            ));
            return None;
        };
        let text = caption.get_ref().trim();
        if text.is_empty() {
            found.push(self.error(&caption.span(), format!("{key} is empty")));
            return None;
        }
        let chars = text.chars().count();
        if chars > MAX_CAPTION_CHARS {
            found.push(self.warning(
                &caption.span(),
                format!(
                    "{key} has {chars} characters; more than {MAX_CAPTION_CHARS} cannot be read \
                     from the back of a room, so move the rest into the notes"
                ),
            ));
        }
        Some(text.to_owned())
    }

    /// The step's view: exactly one of `place`, `fit_events` and `view`.
    fn view(
        &self,
        rec: &StepRecord,
        header: &Range<usize>,
        found: &mut Vec<Problem>,
    ) -> Option<StepView> {
        let mut given: Vec<(Range<usize>, &str)> = [
            rec.place.as_ref().map(|v| (v.span(), "place")),
            rec.fit_events.as_ref().map(|v| (v.span(), "fit_events")),
            rec.view.as_ref().map(|v| (v.span(), "view")),
        ]
        .into_iter()
        .flatten()
        .collect();
        given.sort_by_key(|(span, _)| span.start);
        match given.as_slice() {
            [] => {
                found.push(self.error(
                    header,
                    "the step has no view: give one of place, fit_events or view",
                ));
                return None;
            }
            [_] => {}
            [(_, first), (span, second), ..] => {
                found.push(self.error(
                    span,
                    format!(
                        "{second} is a second view besides {first}: give only one of place, \
                         fit_events or view"
                    ),
                ));
                return None;
            }
        }
        if let Some(place) = &rec.place {
            return self.place(place, "place", found).map(StepView::Place);
        }
        if let Some(events) = &rec.fit_events {
            if events.get_ref().is_empty() {
                found.push(self.error(&events.span(), "fit_events names no event"));
                return None;
            }
            let resolved: Vec<Option<EventIdx>> = events
                .get_ref()
                .iter()
                .map(|id| self.event(id, "fit_events", None, found))
                .collect();
            return resolved
                .into_iter()
                .collect::<Option<_>>()
                .map(StepView::FitEvents);
        }
        rec.view.as_ref().and_then(|view| self.at(view, found))
    }

    /// `view = [lat, lon, zoom]`, each in its range.
    fn at(&self, view: &Spanned<Vec<Spanned<f64>>>, found: &mut Vec<Problem>) -> Option<StepView> {
        let [lat, lon, zoom] = view.get_ref().as_slice() else {
            found.push(self.error(
                &view.span(),
                "view must be [lat, lon, zoom], e.g. [40.0, 45.5, 7.0]",
            ));
            return None;
        };
        let mut ok = true;
        for (value, what, allowed) in [
            (lat, "latitude", LATITUDES),
            (lon, "longitude", LONGITUDES),
            (zoom, "zoom", ZOOMS),
        ] {
            if !allowed.contains(value.get_ref()) {
                found.push(self.error(
                    &value.span(),
                    format!(
                        "view: {what} {} is outside {}…{}",
                        value.get_ref(),
                        allowed.start(),
                        allowed.end()
                    ),
                ));
                ok = false;
            }
        }
        ok.then(|| StepView::At {
            lat: *lat.get_ref(),
            lon: *lon.get_ref(),
            zoom: *zoom.get_ref(),
        })
    }

    /// `range = [first, last]`: from the first day of `first` to the last day of `last`.
    fn range(
        &self,
        range: &Spanned<Vec<Spanned<String>>>,
        found: &mut Vec<Problem>,
    ) -> Option<(Day, Day)> {
        let [first, last] = range.get_ref().as_slice() else {
            found.push(self.error(
                &range.span(),
                "range must be two dates, e.g. [\"2013-02\", \"2013-04\"]",
            ));
            return None;
        };
        let (from, to) = (self.days(first, found), self.days(last, found));
        let (from, to) = (from?.0, to?.1);
        if from > to {
            found.push(self.error(
                &range.span(),
                format!(
                    "range: {} is after {}; write the earlier date first",
                    first.get_ref(),
                    last.get_ref()
                ),
            ));
            return None;
        }
        Some((from, to))
    }

    /// The first and last day of a date in a range.
    fn days(&self, date: &Spanned<String>, found: &mut Vec<Problem>) -> Option<(Day, Day)> {
        match Date::parse(date.get_ref()) {
            Ok(parsed) => {
                let days = date_days(parsed);
                if days.is_none() {
                    found.push(self.error(
                        &date.span(),
                        "range: an unknown date has no place on the timeline; leave out range \
                         to show all",
                    ));
                }
                days
            }
            Err(e) => {
                found.push(self.error(&date.span(), format!("range: {e}")));
                None
            }
        }
    }

    fn place(&self, id: &Spanned<String>, key: &str, found: &mut Vec<Problem>) -> Option<PlaceIdx> {
        let place = self.atlas.place_by_id(id.get_ref());
        if place.is_none() {
            found.push(self.error(
                &id.span(),
                format!("{key}: “{}” is not a place in places.toml", id.get_ref()),
            ));
        }
        place
    }

    /// An event id; with the step's range, a warning if the timeline would hide the event.
    fn event(
        &self,
        id: &Spanned<String>,
        key: &str,
        range: Option<(Day, Day)>,
        found: &mut Vec<Problem>,
    ) -> Option<EventIdx> {
        let Some(event) = self.atlas.event_by_id(id.get_ref()) else {
            found.push(self.error(
                &id.span(),
                format!("{key}: “{}” is not an event in events.toml", id.get_ref()),
            ));
            return None;
        };
        let filter = Filter {
            range,
            ..Filter::default()
        };
        let event_data = self.atlas.event(event);
        if range.is_some() && !filter.matches(event_data) {
            found.push(self.warning(
                &id.span(),
                format!(
                    "{key}: “{}” ({}) is outside the step's range, so the timeline hides it",
                    id.get_ref(),
                    event_data.date
                ),
            ));
        }
        Some(event)
    }

    /// The article and where the quote stands in its reflowed text, found as event sources
    /// are: whitespace runs in the quote count as one space.
    fn passage(
        &self,
        passage: &Spanned<PassageRecord>,
        found: &mut Vec<Problem>,
    ) -> Option<(ArticleIdx, Range<usize>)> {
        let rec = passage.get_ref();
        let Some(article) = self.atlas.article_by_id(rec.article.get_ref()) else {
            found.push(self.error(
                &rec.article.span(),
                format!(
                    "passage: article “{}” is not in articles.toml (or could not be read)",
                    rec.article.get_ref()
                ),
            ));
            return None;
        };
        let quote = normalize_ws(rec.quote.get_ref());
        let article_file = &self.atlas.article(article).file;
        let flow = &self.atlas.article(article).flow.text;
        match flow.find(&quote).filter(|_| !quote.is_empty()) {
            Some(start) => Some((article, start..start + quote.len())),
            None => {
                let shown: String = quote.chars().take(60).collect();
                let more = if shown.len() < quote.len() { "…" } else { "" };
                found.push(self.error(
                    &rec.quote.span(),
                    format!(
                        "passage: the quote does not occur in {article_file} (“{shown}{more}”)"
                    ),
                ));
                None
            }
        }
    }
}
