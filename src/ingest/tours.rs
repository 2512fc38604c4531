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
use super::load::{find_quote, shorten};
use super::problem::{LineIndex, Message, Problem, Severity};
use super::toml_records::{Located, read_records};
use crate::model::filter::{Day, Filter, date_days};
use crate::model::tour::{StepView, Tour, TourStep};
use crate::model::{ArticleIdx, Atlas, Date, EventIdx, PlaceIdx};
use crate::msg;

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
                    Message::from(e.to_string()).and(msg!("problem-tour-skipped")),
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
                msg!(
                    "problem-duplicate-tour",
                    id = &tour.id,
                    file = first_path,
                    line = *first_line
                ),
            ));
            continue;
        }
        seen.insert(tour.id.clone(), (path.clone(), id_line));
        tours.push(tour);
    }
    (tours, problems)
}

/// One tour from its text (a tour of the user's library), resolved in `atlas`, with what is
/// wrong with it: the same checks as the shipped tours get.
#[must_use]
pub fn tour_from_text(path: &str, text: &str, atlas: &Atlas) -> (Option<Tour>, Vec<Problem>) {
    let mut problems = Vec::new();
    let tour = read_tour(path, text, atlas, &mut problems).map(|(tour, _)| tour);
    (tour, problems)
}

/// One tour file's text, and the line of its id; `None` (reported) when its header cannot be
/// read or none of its steps loads.
fn read_tour(
    path: &str,
    text: &str,
    atlas: &Atlas,
    problems: &mut Vec<Problem>,
) -> Option<(Tour, usize)> {
    let file = TourReader {
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
            msg!("problem-tour-no-steps")
        } else {
            msg!("problem-tour-no-step-loads")
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
struct TourReader<'a> {
    path: &'a str,
    lines: LineIndex,
    atlas: &'a Atlas,
}

impl TourReader<'_> {
    fn line(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    fn error(&self, span: &Range<usize>, message: impl Into<Message>) -> Problem {
        Problem::error(self.path, Some(self.line(span)), message)
    }

    fn warning(&self, span: &Range<usize>, message: impl Into<Message>) -> Problem {
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
                    msg!("problem-not-a-tour", error = e.message().trim()),
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
                problems.push(self.error(&value.span(), msg!("problem-tour-key-empty", key = key)));
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
                problem.message.push(msg!("problem-step-skipped"));
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
            found.push(self.error(header, msg!("problem-step-no-caption", key = key)));
            return None;
        };
        let text = caption.get_ref().trim();
        if text.is_empty() {
            found.push(self.error(&caption.span(), msg!("problem-key-empty", key = key)));
            return None;
        }
        let chars = text.chars().count();
        if chars > MAX_CAPTION_CHARS {
            found.push(self.warning(
                &caption.span(),
                msg!(
                    "problem-caption-long",
                    key = key,
                    chars = chars,
                    max = MAX_CAPTION_CHARS
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
                found.push(self.error(header, msg!("problem-step-no-view")));
                return None;
            }
            [_] => {}
            [(_, first), (span, second), ..] => {
                found.push(self.error(
                    span,
                    msg!("problem-step-two-views", second = *second, first = *first),
                ));
                return None;
            }
        }
        if let Some(place) = &rec.place {
            return self.place(place, "place", found).map(StepView::Place);
        }
        if let Some(events) = &rec.fit_events {
            if events.get_ref().is_empty() {
                found.push(self.error(&events.span(), msg!("problem-fit-events-empty")));
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
            found.push(self.error(&view.span(), msg!("problem-view-form")));
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
                    msg!(
                        "problem-view-range",
                        what = what,
                        value = value.get_ref().to_string(),
                        min = allowed.start().to_string(),
                        max = allowed.end().to_string()
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
            found.push(self.error(&range.span(), msg!("problem-range-form")));
            return None;
        };
        let (from, to) = (self.days(first, found), self.days(last, found));
        let (from, to) = (from?.0, to?.1);
        if from > to {
            found.push(self.error(
                &range.span(),
                msg!(
                    "problem-range-order",
                    first = first.get_ref(),
                    last = last.get_ref()
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
                    found.push(self.error(&date.span(), msg!("problem-range-unknown")));
                }
                days
            }
            Err(e) => {
                found.push(self.error(
                    &date.span(),
                    msg!("problem-range-date", error = e.to_string()),
                ));
                None
            }
        }
    }

    fn place(&self, id: &Spanned<String>, key: &str, found: &mut Vec<Problem>) -> Option<PlaceIdx> {
        let place = self.atlas.place_by_id(id.get_ref());
        if place.is_none() {
            found.push(self.error(
                &id.span(),
                msg!("problem-not-a-place", what = key, id = id.get_ref()).and(
                    super::load::suggestion(
                        id.get_ref(),
                        self.atlas.places.iter().map(|p| p.id.as_str()),
                    ),
                ),
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
                msg!("problem-not-an-event", key = key, id = id.get_ref()),
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
                msg!(
                    "problem-event-outside-range",
                    key = key,
                    id = id.get_ref(),
                    date = event_data.when.to_string()
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
                msg!("problem-passage-article", article = rec.article.get_ref()),
            ));
            return None;
        };
        let text = self.atlas.article(article);
        let (quote, range) = find_quote(&text.flow, rec.quote.get_ref());
        if quote.is_empty() {
            found.push(self.error(&rec.quote.span(), msg!("problem-passage-empty")));
            return None;
        }
        let Some(range) = range else {
            found.push(self.error(
                &rec.quote.span(),
                msg!(
                    "problem-passage-quote",
                    file = &text.file,
                    quote = shorten(&quote, 60)
                ),
            ));
            return None;
        };
        Some((article, range))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static ATLAS: LazyLock<Atlas> = LazyLock::new(crate::ingest::test_atlas);

    const PATH: &str = "data/tours/test.toml";

    /// A tour whose first step is sound and whose second step ends with `second`.
    fn tour_text(second: &str) -> String {
        format!(
            "# a test tour\nid = \"test\"\ntitle_de = \"Test\"\ntitle_en = \"Test\"\n\n\
             [[step]]\ncaption_de = \"Eins\"\ncaption_en = \"One\"\nplace = \"almaty\"\n\n\
             [[step]]\ncaption_de = \"Zwei\"\ncaption_en = \"Two\"\n{second}\n"
        )
    }

    fn read(text: &str) -> (Option<Tour>, Vec<Problem>) {
        let mut problems = Vec::new();
        let tour = read_tour(PATH, text, &ATLAS, &mut problems).map(|(tour, _)| tour);
        (tour, problems)
    }

    fn line_of(text: &str, needle: &str) -> usize {
        let offset = text.find(needle).expect("needle in text");
        1 + text[..offset].matches('\n').count()
    }

    /// Reads a tour whose second step is broken by `second`; checks that exactly one error,
    /// naming the file and the line of `at`, is reported and that the first step still loads.
    fn second_step_is_skipped(second: &str, at: &str) -> Problem {
        let text = tour_text(second);
        let (tour, problems) = read(&text);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let problem = problems[0].clone();
        assert_eq!(problem.severity, Severity::Error, "{problem}");
        assert_eq!(problem.file, Path::new(PATH), "{problem}");
        assert_eq!(problem.line, Some(line_of(&text, at)), "{problem}");
        let tour = tour.expect("the tour loads");
        assert_eq!(tour.steps.len(), 1, "the sound step loads");
        assert_eq!(tour.steps[0].line, line_of(&text, "[[step]]"));
        problem
    }

    #[test]
    fn the_shipped_tour_loads_in_german_and_english_without_a_problem() {
        let (tours, problems) = load_tours(&Corpus::Embedded, &ATLAS);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(shown.is_empty(), "{shown:#?}");
        let [tour] = tours.as_slice() else {
            panic!("one tour expected, got {}", tours.len());
        };
        assert_eq!(tour.id, "kasachstan-als-vermittler");
        assert_eq!(tour.file, "data/tours/kasachstan-als-vermittler.toml");
        assert!(!tour.title_de.is_empty() && !tour.title_en.is_empty());
        assert!(tour.steps.len() >= 10, "{} steps", tour.steps.len());
        for step in &tour.steps {
            assert!(!step.caption_de.is_empty(), "line {}", step.line);
            assert!(!step.caption_en.is_empty(), "line {}", step.line);
            assert_ne!(step.caption_de, step.caption_en, "line {}", step.line);
            assert!(step.caption_de.chars().count() <= MAX_CAPTION_CHARS);
            assert!(step.caption_en.chars().count() <= MAX_CAPTION_CHARS);
            assert!(!step.notes_de.is_empty() && !step.notes_en.is_empty());
        }
        let year = |y: i32| (day_of(y, 1, 1), day_of(y, 12, 31));
        let first = &tour.steps[0];
        let (start, end) = first.range.expect("the first step has a range");
        assert!(
            start >= year(1991).0 && end <= year(1991).1,
            "{start}..{end}"
        );

        let almaty = ATLAS.place_by_id("almaty");
        let almaty_2013 = tour.steps[1..]
            .iter()
            .position(|s| {
                s.view == StepView::Place(almaty.expect("almaty"))
                    && s.range
                        .is_some_and(|(a, b)| a >= year(2013).0 && b <= year(2013).1)
            })
            .expect("a later step about Almaty 2013");
        let iran = ATLAS.event_by_id("iran-gespraeche-almaty-2013-02");
        assert_eq!(tour.steps[1 + almaty_2013].select_event, iran);

        let passages: Vec<_> = tour
            .steps
            .iter()
            .filter_map(|s| s.passage.clone())
            .collect();
        assert!(passages.len() >= 4, "{} passages", passages.len());
        for (article, range) in passages {
            assert!(ATLAS.article(article).flow.text.get(range).is_some());
        }
    }

    fn day_of(year: i32, month: u8, day: u8) -> Day {
        crate::model::filter::day_number(year, month, day)
    }

    #[test]
    fn every_part_of_a_step_is_resolved() {
        let text = tour_text(
            "fit_events = [\"iran-gespraeche-almaty-2013-02\", \"iran-gespraeche-almaty-2013-04\"]\n\
             range = [\"2013-02\", \"2013-04\"]\nselect_event = \"iran-gespraeche-almaty-2013-02\"\n\
             select_place = \"almaty\"\nhighlight = [\"iran-gespraeche-almaty-2013-04\"]\n\
             notes_de = \" Notiz \"\n\
             passage = { article = \"ipg-2024-04-22-vermittler-gesucht\", quote = \"Im Februar\\n2013  fand\" }",
        );
        let (tour, problems) = read(&text);
        assert!(problems.is_empty(), "{problems:#?}");
        let tour = tour.expect("loads");
        let step = &tour.steps[1];
        let event = |id: &str| ATLAS.event_by_id(id).expect(id);
        assert_eq!(
            step.view,
            StepView::FitEvents(vec![
                event("iran-gespraeche-almaty-2013-02"),
                event("iran-gespraeche-almaty-2013-04")
            ])
        );
        assert_eq!(step.range, Some((day_of(2013, 2, 1), day_of(2013, 4, 30))));
        assert_eq!(step.select_place, ATLAS.place_by_id("almaty"));
        assert_eq!(step.highlight, [event("iran-gespraeche-almaty-2013-04")]);
        assert_eq!(step.notes_de, "Notiz");
        assert_eq!(step.line, line_of(&text, "[[step]]\ncaption_de = \"Zwei\""));
        let (article, range) = step.passage.clone().expect("a passage");
        assert_eq!(
            &ATLAS.article(article).flow.text[range],
            "Im Februar 2013 fand"
        );
    }

    #[test]
    fn an_unknown_event_is_named_at_its_line() {
        let problem = second_step_is_skipped(
            "place = \"almaty\"\nhighlight = [\n  \"alma-ata-erklaerung-1991\",\n  \"atlantis-1991\",\n]",
            "\"atlantis-1991\"",
        );
        assert!(problem.message.contains("atlantis-1991"), "{problem}");
        assert!(problem.message.contains("step is skipped"), "{problem}");
    }

    #[test]
    fn two_views_are_reported_at_the_second() {
        let problem = second_step_is_skipped(
            "place = \"almaty\"\n\nview = [40.0, 45.5, 7.0]",
            "view = [40.0",
        );
        assert!(problem.message.contains("only one"), "{problem}");
    }

    #[test]
    fn a_step_without_a_view_or_a_caption_is_reported_at_its_header() {
        let text = tour_text("select_place = \"almaty\"");
        let (tour, problems) = read(&text);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].message.contains("no view"), "{}", problems[0]);
        assert_eq!(
            problems[0].line,
            Some(line_of(&text, "[[step]]\ncaption_de = \"Zwei\""))
        );
        assert_eq!(tour.expect("loads").steps.len(), 1);

        let text = tour_text("place = \"almaty\"").replace("caption_en = \"Two\"\n", "");
        let (_, problems) = read(&text);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].message.contains("caption_en"),
            "{}",
            problems[0]
        );
        assert_eq!(
            problems[0].line,
            Some(line_of(&text, "[[step]]\ncaption_de = \"Zwei\""))
        );
    }

    #[test]
    fn a_bad_range_is_reported_at_its_line() {
        let problem = second_step_is_skipped(
            "place = \"almaty\"\nrange = [\"2013-04\", \"2013-02\"]",
            "range =",
        );
        assert!(problem.message.contains("after"), "{problem}");
        let problem = second_step_is_skipped(
            "place = \"almaty\"\nrange = [\n  \"1991\",\n  \"1991-13\",\n]",
            "\"1991-13\"",
        );
        assert!(problem.message.contains("month 13"), "{problem}");
        second_step_is_skipped(
            "place = \"almaty\"\nrange = [\"unknown\", \"2013\"]",
            "range =",
        );
        second_step_is_skipped("place = \"almaty\"\nrange = [\"2013\"]", "range =");
    }

    #[test]
    fn a_view_out_of_range_is_reported_at_the_number() {
        let problem = second_step_is_skipped("view = [\n  40.0,\n  45.5,\n  19,\n]", "19");
        assert!(problem.message.contains("zoom 19"), "{problem}");
        second_step_is_skipped("view = [95.0, 45.5, 7.0]", "view");
        second_step_is_skipped("view = [45.0, 7.0]", "view");
    }

    #[test]
    fn a_quote_missing_from_its_article_is_reported_at_the_quote() {
        let problem = second_step_is_skipped(
            "place = \"almaty\"\npassage = { article = \"ipg-2024-04-22-vermittler-gesucht\", \
             quote = \"Dieser Satz steht nirgends.\" }",
            "passage",
        );
        assert!(problem.message.contains("does not occur"), "{problem}");
        second_step_is_skipped(
            "place = \"almaty\"\npassage = { article = \"daz-1900\", quote = \"Almaty\" }",
            "passage",
        );
        second_step_is_skipped(
            "place = \"almaty\"\npassage = { article = \"daz-2024-04-tokajew-jerewan\", quote = \" \" }",
            "passage",
        );
    }

    #[test]
    fn a_syntax_error_costs_only_its_step() {
        let problem = second_step_is_skipped("place = \"almaty\ncolour = 1", "place = \"almaty\n");
        assert!(problem.message.contains("TOML"), "{problem}");
        let problem = second_step_is_skipped("place = \"almaty\"\nzoom = 5", "zoom");
        assert!(problem.message.contains("zoom"), "{problem}");
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_problem_and_no_tour() {
        let (tour, problems) = read("Dies ist eine Notiz,\nkeine Tour.\n");
        assert!(tour.is_none());
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].file, Path::new(PATH));
        assert_eq!(problems[0].line, Some(1), "{}", problems[0]);
        assert!(
            problems[0].message.contains("not a tour"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_tour_without_steps_is_reported_at_its_id() {
        let text = "# nothing yet\nid = \"leer\"\ntitle_de = \"Leer\"\ntitle_en = \"Empty\"\n";
        let (tour, problems) = read(text);
        assert!(tour.is_none());
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].line, Some(2), "{}", problems[0]);
        assert!(
            problems[0].message.contains("no [[step]]"),
            "{}",
            problems[0]
        );

        let text = tour_text("place = \"atlantis\"").replace("place = \"almaty\"", "");
        let (tour, problems) = read(&text);
        assert!(tour.is_none());
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert_eq!(problems[2].line, Some(2), "{}", problems[2]);
    }

    #[test]
    fn a_long_caption_and_an_event_outside_the_range_are_warnings() {
        let long = "Sehr lang. ".repeat(20);
        let text = tour_text(
            "place = \"almaty\"\nrange = [\"2013\", \"2013\"]\n\
             select_event = \"alma-ata-erklaerung-1991\"",
        )
        .replace("\"Zwei\"", &format!("\"{long}\""));
        let (tour, problems) = read(&text);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        assert_eq!(problems[0].line, Some(line_of(&text, "Sehr lang")));
        assert_eq!(problems[1].line, Some(line_of(&text, "select_event")));
        assert_eq!(
            tour.expect("loads").steps.len(),
            2,
            "warnings keep the step"
        );
    }

    #[test]
    fn tours_on_disk_load_in_file_order_and_a_duplicate_id_is_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let tours = dir.path().join("tours");
        std::fs::create_dir(&tours).expect("mkdir");
        let text = tour_text("place = \"astana\"");
        std::fs::write(tours.join("b.toml"), &text).expect("write");
        std::fs::write(tours.join("a.toml"), text.replace("\"test\"", "\"other\"")).expect("write");
        std::fs::write(tours.join("c.toml"), &text).expect("write");
        std::fs::write(tours.join("d.toml"), b"id = \"\xff\"").expect("write");
        let corpus = Corpus::Disk {
            data: dir.path().to_owned(),
            seeds: dir.path().to_owned(),
        };
        let (loaded, problems) = load_tours(&corpus, &ATLAS);
        let ids: Vec<&str> = loaded.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["other", "test"]);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert_eq!(problems[0].file, tours.join("c.toml"));
        assert_eq!(problems[0].line, Some(2));
        assert!(
            problems[0].message.contains("duplicate tour id"),
            "{}",
            problems[0]
        );
        assert_eq!(problems[1].file, tours.join("d.toml"));
        assert!(problems[1].message.contains("UTF-8"), "{}", problems[1]);
    }
}
