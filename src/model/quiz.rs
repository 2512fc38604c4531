//! A quiz built from the atlas itself: every question is derived from the events, so adding an
//! event to the data files adds questions, and no question can drift from what the seeds say.
//!
//! Three kinds of question test three things the atlas teaches: where diplomacy happened
//! ([`QuestionKind::Where`], answered by a click on the map), which process an event belongs to
//! ([`QuestionKind::Process`]) and when things happened relative to each other
//! ([`QuestionKind::Order`]). A seed makes the choice and the shuffling reproducible, so a class
//! can be given the same quiz twice.

use super::rng::SplitMix64;
use std::collections::BTreeMap;

use super::{ArticleIdx, Atlas, Date, EventIdx, EventKind, PlaceIdx, PlaceKind, ProcessIdx};
use crate::i18n::{Lang, format_date};
use crate::map::arcs::distance_km;
use crate::tr;

/// A click counts as right within this distance of a correct place.
pub const WHERE_TOLERANCE_KM: f64 = 150.0;

/// Choices offered for a process question: the answer and three others.
const PROCESS_OPTIONS: usize = 4;

/// At most this many process questions, one per process, so that no process dominates.
const MAX_PROCESS_QUESTIONS: usize = 4;

/// At most this many ordering questions.
const MAX_ORDER_QUESTIONS: usize = 3;

/// Events in an ordering question: four if the years allow, never fewer than three.
const ORDER_LEN: usize = 4;
const MIN_ORDER_LEN: usize = 3;

/// What a question asks and what the right answer is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// "Where were the talks on Syria held from 2017 on?" — the student clicks the map.
    Where {
        /// The acceptable places: the venues.
        answer: Vec<PlaceIdx>,
    },
    /// "Which process does this event belong to?" — the student chooses one of `options`.
    Process {
        /// The event asked about.
        event: EventIdx,
        /// The choices, in the order shown; the answer is among them once.
        options: Vec<ProcessIdx>,
        /// The event's process.
        answer: ProcessIdx,
    },
    /// "Put these events in order" — the student clicks them from earliest to latest.
    Order {
        /// The events in the (shuffled) order shown.
        events: Vec<EventIdx>,
        /// The same events, earliest first.
        answer: Vec<EventIdx>,
    },
}

/// One question of a quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// What is asked, with its answer.
    pub kind: QuestionKind,
    /// The question in each interface language, in `Lang::ALL` order.
    pub prompts: [String; 3],
    /// The event(s) asked about, for the source quote shown after answering.
    pub events: Vec<EventIdx>,
}

impl Question {
    /// The question in the interface language.
    #[must_use]
    pub fn prompt(&self, lang: Lang) -> &str {
        &self.prompts[lang.index()]
    }
}

/// What the student answered.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A click on the map, in degrees, and how far from a venue it may lie at the zoom it
    /// was made at (see [`tolerance_km`]).
    Place {
        lat: f64,
        lon: f64,
        tolerance_km: f64,
    },
    /// One of the offered processes.
    Process(ProcessIdx),
    /// The events in the order the student put them.
    Order(Vec<EventIdx>),
}

/// How an answer was judged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// Whether the answer is right.
    pub correct: bool,
    /// For a place question: the correct place nearest to the click.
    pub nearest: Option<PlaceIdx>,
    /// For a place question: the geodesic distance from the click to that place, in km.
    pub error_km: Option<f64>,
}

impl Verdict {
    fn plain(correct: bool) -> Self {
        Self {
            correct,
            nearest: None,
            error_km: None,
        }
    }
}

/// The running score of a quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Score {
    /// Answers judged right.
    pub right: usize,
    /// Answers given.
    pub answered: usize,
}

impl Score {
    /// Counts one judged answer.
    pub fn record(&mut self, verdict: &Verdict) {
        self.answered += 1;
        if verdict.correct {
            self.right += 1;
        }
    }
}

/// The quiz for `seed`: place, process and ordering questions, spread evenly through the list.
///
/// The same atlas and seed always give the same quiz; another seed picks other events where
/// the atlas offers a choice, and shuffles options and orders differently.
#[must_use]
pub fn build_quiz(atlas: &Atlas, seed: u64) -> Vec<Question> {
    let mut rng = SplitMix64(seed);
    let mut places = where_questions(atlas, &mut rng);
    let asked: Vec<EventIdx> = places.iter().flat_map(|q| q.events.clone()).collect();
    let mut processes = process_questions(atlas, &asked, &mut rng);
    let mut orders = order_questions(atlas, &mut rng);
    rng.shuffle(&mut places);
    rng.shuffle(&mut processes);
    rng.shuffle(&mut orders);
    spread(vec![places, processes, orders])
}

/// Judges an answer. An answer of the wrong kind for the question is wrong.
///
/// How far from a venue a click may lie at `zoom`: [`WHERE_TOLERANCE_KM`], or 30 screen pixels
/// (at 45° latitude) when the map is zoomed out so far that a pixel is more than 5 km — a
/// click on Washington in a view from Washington to Astana cannot be more precise than that.
#[must_use]
pub fn tolerance_km(zoom: f64) -> f64 {
    let km_per_px = 40_075.0 * std::f64::consts::FRAC_1_SQRT_2 / (256.0 * 2f64.powf(zoom));
    (30.0 * km_per_px).max(WHERE_TOLERANCE_KM)
}

/// What the map must show while a question is asked: the region the atlas is about (its
/// south-west and north-east corners), and every right answer of a place question. The view
/// is not centred on the answers, so it does not give them away.
#[must_use]
pub fn view_points(atlas: &Atlas, question: &Question) -> Vec<(f64, f64)> {
    let mut points = vec![REGION_SOUTH_WEST, REGION_NORTH_EAST];
    if let QuestionKind::Where { answer } = &question.kind {
        points.extend(
            answer
                .iter()
                .map(|&p| (atlas.place(p).lat, atlas.place(p).lon)),
        );
    }
    points
}

/// The corners of the region the atlas is about (the Black Sea to western China).
const REGION_SOUTH_WEST: (f64, f64) = (37.0, 36.0);
const REGION_NORTH_EAST: (f64, f64) = (54.0, 80.0);

/// A click answers a place question right if it lies within its tolerance of one of
/// the venues; the verdict names the nearest venue and the distance to it either way, so the
/// interface can show how far off the click was.
#[must_use]
pub fn judge(atlas: &Atlas, question: &Question, answer: &Answer) -> Verdict {
    match (&question.kind, answer) {
        (
            QuestionKind::Where { answer: venues },
            &Answer::Place {
                lat,
                lon,
                tolerance_km,
            },
        ) => {
            let nearest = venues
                .iter()
                .map(|&venue| {
                    let place = atlas.place(venue);
                    (venue, distance_km((lat, lon), (place.lat, place.lon)))
                })
                .min_by(|a, b| a.1.total_cmp(&b.1));
            Verdict {
                correct: nearest.is_some_and(|(_, km)| km <= tolerance_km.max(WHERE_TOLERANCE_KM)),
                nearest: nearest.map(|(venue, _)| venue),
                error_km: nearest.map(|(_, km)| km),
            }
        }
        (QuestionKind::Process { answer: right, .. }, Answer::Process(chosen)) => {
            Verdict::plain(chosen == right)
        }
        (QuestionKind::Order { answer: right, .. }, Answer::Order(given)) => {
            Verdict::plain(given == right)
        }
        _ => Verdict::plain(false),
    }
}

/// The first source quote of the question's events, with its article, shown after answering.
#[must_use]
pub fn source_quote(atlas: &Atlas, question: &Question) -> Option<(ArticleIdx, String)> {
    question
        .events
        .iter()
        .find_map(|&e| atlas.event(e).sources.first())
        .map(|source| (source.article, source.quote.clone()))
}

/// Place questions: rounds of talks grouped into one question, then single events, at most one
/// per venue and process so that the quiz does not ask for Washington five times.
fn where_questions(atlas: &Atlas, rng: &mut SplitMix64) -> Vec<Question> {
    let candidates: Vec<EventIdx> = all_events(atlas)
        .filter(|&e| has_city_venue_and_date(atlas, e))
        .collect();
    let mut questions = Vec::new();
    let mut grouped: Vec<EventIdx> = Vec::new();
    for &first in &candidates {
        if grouped.contains(&first) {
            continue;
        }
        let rounds: Vec<EventIdx> = candidates
            .iter()
            .copied()
            .filter(|&e| are_rounds_of_one_format(atlas, first, e))
            .collect();
        if rounds.len() >= 2 {
            questions.push(rounds_question(atlas, &rounds));
            grouped.extend(rounds);
        }
    }
    let mut singles: Vec<EventIdx> = candidates
        .into_iter()
        .filter(|e| !grouped.contains(e) && !names_its_venue(atlas, *e))
        .collect();
    rng.shuffle(&mut singles);
    let key = |e: EventIdx| (atlas.event(e).places.clone(), atlas.event(e).process);
    let mut seen: Vec<_> = questions.iter().map(|q| key(q.events[0])).collect();
    for e in singles {
        if !seen.contains(&key(e)) {
            seen.push(key(e));
            questions.push(single_where_question(atlas, e));
        }
    }
    questions
}

/// Whether a place question can be asked about an event: it has a date and is held in cities
/// (or capitals, or sites). A country or region is too vague to click, and a phone call has two
/// ends rather than a venue.
fn has_city_venue_and_date(atlas: &Atlas, e: EventIdx) -> bool {
    let event = atlas.event(e);
    event.when.start != Date::Unknown
        && event.kind != EventKind::PhoneCall
        && !event.places.is_empty()
        && event.places.iter().all(|&p| {
            matches!(
                atlas.place(p).kind,
                PlaceKind::City | PlaceKind::Capital | PlaceKind::Site
            )
        })
}

/// Whether two events are rounds of the same talks: talks of one process, at the same venues,
/// about the same places.
fn are_rounds_of_one_format(atlas: &Atlas, a: EventIdx, b: EventIdx) -> bool {
    let (a, b) = (atlas.event(a), atlas.event(b));
    a.kind == EventKind::Talks
        && b.kind == EventKind::Talks
        && a.process.is_some()
        && a.process == b.process
        && a.places == b.places
        && !a.about.is_empty()
        && a.about == b.about
}

/// "Where were the talks on Syria held from 2017 on?" Phrased from what the talks are about,
/// not from the process name, which may name the venue ("Astana format").
fn rounds_question(atlas: &Atlas, rounds: &[EventIdx]) -> Question {
    let first = atlas.event(rounds[0]);
    let year = first
        .when
        .start
        .year()
        .map_or_else(String::new, |y| y.to_string());
    let about = |lang: Lang, and: &str| {
        let names: Vec<&str> = first
            .about
            .iter()
            .map(|&p| atlas.place(p).name(lang))
            .collect();
        names.join(and)
    };
    Question {
        kind: QuestionKind::Where {
            answer: first.places.clone(),
        },
        prompts: Lang::ALL.map(|lang| {
            tr!(
                lang,
                "quiz-where-rounds",
                year = year.clone(),
                about = about(lang, &format!(" {} ", tr!(lang, "and")))
            )
        }),
        events: rounds.to_vec(),
    }
}

fn single_where_question(atlas: &Atlas, e: EventIdx) -> Question {
    let event = atlas.event(e);
    Question {
        kind: QuestionKind::Where {
            answer: event.places.clone(),
        },
        prompts: Lang::ALL.map(|lang| {
            tr!(
                lang,
                "quiz-where-event",
                title = event.title(lang),
                date = crate::i18n::format_when(event.when, lang)
            )
        }),
        events: vec![e],
    }
}

/// Whether an event's title gives its venue away ("OSCE summit in Astana").
fn names_its_venue(atlas: &Atlas, e: EventIdx) -> bool {
    let event = atlas.event(e);
    let titles = [event.title_de.to_lowercase(), event.title_en.to_lowercase()];
    event.places.iter().any(|&p| {
        let place = atlas.place(p);
        [place.name_de.as_str(), place.name_en.as_str()]
            .into_iter()
            .chain(place.aliases.iter().map(|a| a.name.as_str()))
            .filter(|name| !name.is_empty())
            .any(|name| titles.iter().any(|t| t.contains(&name.to_lowercase())))
    })
}

/// Process questions: one event for each of up to four processes, not already asked about and
/// not naming its process in the title ("OSCE summit").
fn process_questions(atlas: &Atlas, asked: &[EventIdx], rng: &mut SplitMix64) -> Vec<Question> {
    if atlas.processes.len() < 2 {
        return Vec::new();
    }
    let mut candidates: Vec<(EventIdx, ProcessIdx)> = all_events(atlas)
        .filter(|e| !asked.contains(e))
        .filter_map(|e| atlas.event(e).process.map(|p| (e, p)))
        .filter(|&(e, p)| !names_its_process(atlas, e, p))
        .collect();
    rng.shuffle(&mut candidates);
    let mut questions: Vec<Question> = Vec::new();
    for (e, answer) in candidates {
        let taken = questions
            .iter()
            .any(|q| matches!(q.kind, QuestionKind::Process { answer: a, .. } if a == answer));
        if taken || questions.len() == MAX_PROCESS_QUESTIONS {
            continue;
        }
        let mut others: Vec<ProcessIdx> = (0..atlas.processes.len())
            .map(ProcessIdx::from_index)
            .filter(|&p| p != answer)
            .collect();
        rng.shuffle(&mut others);
        let mut options: Vec<ProcessIdx> = others.into_iter().take(PROCESS_OPTIONS - 1).collect();
        options.push(answer);
        rng.shuffle(&mut options);
        let event = atlas.event(e);
        let prompt = |lang: Lang| match event.when.start {
            Date::Unknown => tr!(lang, "quiz-which-process", title = event.title(lang)),
            date => tr!(
                lang,
                "quiz-which-process-dated",
                title = event.title(lang),
                date = format_date(date, lang)
            ),
        };
        questions.push(Question {
            kind: QuestionKind::Process {
                event: e,
                options,
                answer,
            },
            prompts: Lang::ALL.map(prompt),
            events: vec![e],
        });
    }
    questions
}

/// Whether an event's title names its process: the process name up to a bracket or colon
/// ("C5+1", "OSZE") found in the title.
fn names_its_process(atlas: &Atlas, e: EventIdx, p: ProcessIdx) -> bool {
    let (event, process) = (atlas.event(e), atlas.process(p));
    let short = |name: &str| {
        name.split(['(', ':'])
            .next()
            .unwrap_or_default()
            .trim()
            .to_lowercase()
    };
    let hit = |title: &str, name: &str| {
        let key = short(name);
        !key.is_empty() && title.to_lowercase().contains(&key)
    };
    hit(&event.title_de, &process.name_de) || hit(&event.title_en, &process.name_en)
}

/// Ordering questions: events from different years (so the order is never a matter of days or
/// of how precisely a date is known), one event per year, four to a question while the years
/// last. The events are shown never already in order. An event that spans years is left out:
/// its place in the order would be a matter of reading.
fn order_questions(atlas: &Atlas, rng: &mut SplitMix64) -> Vec<Question> {
    let mut by_year: BTreeMap<i32, Vec<EventIdx>> = BTreeMap::new();
    for e in all_events(atlas) {
        let when = atlas.event(e).when;
        if when.end.is_some_and(|end| end.year() != when.start.year()) {
            continue;
        }
        if let Some(year) = when.start.year() {
            by_year.entry(year).or_default().push(e);
        }
    }
    let mut picks: Vec<EventIdx> = by_year
        .into_values()
        .map(|events| events[rng.below(events.len())])
        .collect();
    rng.shuffle(&mut picks);
    let mut questions = Vec::new();
    let mut rest = picks.as_slice();
    while rest.len() >= MIN_ORDER_LEN && questions.len() < MAX_ORDER_QUESTIONS {
        let (chosen, later) = rest.split_at(rest.len().min(ORDER_LEN));
        rest = later;
        let mut answer = chosen.to_vec();
        answer.sort_by_key(|&e| (atlas.event(e).when.start.sort_key(), e));
        let mut shown = answer.clone();
        rng.shuffle(&mut shown);
        if shown == answer {
            shown.rotate_left(1);
        }
        questions.push(Question {
            kind: QuestionKind::Order {
                events: shown,
                answer: answer.clone(),
            },
            prompts: Lang::ALL.map(|lang| tr!(lang, "quiz-order")),
            events: answer,
        });
    }
    questions
}

fn all_events(atlas: &Atlas) -> impl Iterator<Item = EventIdx> {
    (0..atlas.events.len()).map(EventIdx::from_index)
}

/// Merges the lists of each kind so that every kind is spread evenly over the quiz: the `i`-th
/// of `n` questions of a kind goes to the middle of the `i`-th of `n` equal slots.
fn spread(kinds: Vec<Vec<Question>>) -> Vec<Question> {
    let mut slotted: Vec<(usize, usize, Question)> = Vec::new();
    for (kind, questions) in kinds.into_iter().enumerate() {
        let n = questions.len();
        for (i, question) in questions.into_iter().enumerate() {
            slotted.push(((2 * i + 1) * 1_000_000 / (2 * n), kind, question));
        }
    }
    slotted.sort_by_key(|&(slot, kind, _)| (slot, kind));
    slotted.into_iter().map(|(_, _, q)| q).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_atlas;

    const ASTANA_CLICK: Answer = Answer::Place {
        lat: 51.1694,
        lon: 71.4491,
        tolerance_km: WHERE_TOLERANCE_KM,
    };
    const BAKU_CLICK: Answer = Answer::Place {
        lat: 40.4093,
        lon: 49.8671,
        tolerance_km: WHERE_TOLERANCE_KM,
    };

    fn place(atlas: &Atlas, id: &str) -> PlaceIdx {
        atlas
            .place_by_id(id)
            .unwrap_or_else(|| panic!("no place {id}"))
    }

    fn syria_question(atlas: &Atlas, quiz: &[Question]) -> Question {
        let syria = place(atlas, "syria");
        quiz.iter()
            .find(|q| {
                matches!(q.kind, QuestionKind::Where { .. })
                    && q.events.iter().all(|&e| atlas.event(e).about == [syria])
                    && q.events.len() > 1
            })
            .cloned()
            .unwrap_or_else(|| panic!("no question on the Syria talks in {quiz:#?}"))
    }

    fn count(quiz: &[Question], kind: fn(&QuestionKind) -> bool) -> usize {
        quiz.iter().filter(|q| kind(&q.kind)).count()
    }

    #[test]
    fn the_seed_atlas_gives_a_dozen_questions_of_all_kinds() {
        let atlas = test_atlas();
        for seed in 0..20 {
            let quiz = build_quiz(&atlas, seed);
            let places = count(&quiz, |k| matches!(k, QuestionKind::Where { .. }));
            let processes = count(&quiz, |k| matches!(k, QuestionKind::Process { .. }));
            let orders = count(&quiz, |k| matches!(k, QuestionKind::Order { .. }));
            assert!(quiz.len() >= 12, "seed {seed}: {quiz:#?}");
            assert!(
                places >= 6 && processes >= 3 && orders >= 2,
                "seed {seed}: {quiz:#?}"
            );
            // Mixed: the first half holds some of each kind.
            let half = &quiz[..quiz.len() / 2];
            assert!(count(half, |k| matches!(k, QuestionKind::Where { .. })) > 0);
            assert!(count(half, |k| matches!(k, QuestionKind::Process { .. })) > 0);
            assert!(count(half, |k| matches!(k, QuestionKind::Order { .. })) > 0);
        }
    }

    #[test]
    fn a_seed_always_gives_the_same_quiz_and_other_seeds_others() {
        let atlas = test_atlas();
        let first = build_quiz(&atlas, 1);
        assert_eq!(first, build_quiz(&atlas, 1));
        assert!((2..10).any(|seed| build_quiz(&atlas, seed) != first));
    }

    #[test]
    fn the_syria_talks_are_asked_and_a_click_on_astana_is_right() {
        let atlas = test_atlas();
        let quiz = build_quiz(&atlas, 1);
        let question = syria_question(&atlas, &quiz);
        let QuestionKind::Where { answer } = &question.kind else {
            unreachable!("the Syria question asks where");
        };
        assert!(answer.contains(&place(&atlas, "astana")));
        assert_eq!(
            question.prompt(Lang::De),
            "Wo fanden ab 2017 die Gespräche über Syrien statt?"
        );
        assert_eq!(
            question.prompt(Lang::En),
            "Where were the talks on Syria held from 2017 on?"
        );

        let at_astana = judge(&atlas, &question, &ASTANA_CLICK);
        assert!(at_astana.correct, "{at_astana:?}");
        assert_eq!(at_astana.nearest, Some(place(&atlas, "astana")));
        assert!(
            at_astana.error_km.is_some_and(|km| km < 5.0),
            "{at_astana:?}"
        );

        let at_baku = judge(&atlas, &question, &BAKU_CLICK);
        assert!(!at_baku.correct, "{at_baku:?}");
        assert!(
            at_baku
                .error_km
                .is_some_and(|km| (1_900.0..2_100.0).contains(&km)),
            "{at_baku:?}"
        );
        // An answer of the wrong kind is wrong, not a panic.
        assert!(!judge(&atlas, &question, &Answer::Order(Vec::new())).correct);
    }

    #[test]
    fn where_questions_ask_about_cities_and_do_not_name_them() {
        let atlas = test_atlas();
        for question in build_quiz(&atlas, 1) {
            let QuestionKind::Where { answer } = &question.kind else {
                continue;
            };
            assert!(!answer.is_empty());
            for &venue in answer {
                let venue = atlas.place(venue);
                assert_ne!(venue.kind, PlaceKind::Country, "{question:?}");
                assert!(
                    !question.prompt(Lang::De).contains(&venue.name_de),
                    "{question:?}"
                );
                assert!(
                    !question.prompt(Lang::En).contains(&venue.name_en),
                    "{question:?}"
                );
            }
        }
    }

    #[test]
    fn process_options_are_four_processes_with_the_answer_once() {
        let atlas = test_atlas();
        for seed in 0..20 {
            for question in build_quiz(&atlas, seed) {
                let QuestionKind::Process {
                    event,
                    options,
                    answer,
                } = &question.kind
                else {
                    continue;
                };
                assert_eq!(atlas.event(*event).process, Some(*answer));
                assert_eq!(options.len(), 4, "{question:?}");
                assert_eq!(options.iter().filter(|&o| o == answer).count(), 1);
                let mut distinct = options.clone();
                distinct.sort();
                distinct.dedup();
                assert_eq!(distinct.len(), 4, "{question:?}");
                assert!(judge(&atlas, &question, &Answer::Process(*answer)).correct);
                let wrong = options.iter().find(|&o| o != answer).copied();
                assert!(
                    wrong.is_some_and(|w| !judge(&atlas, &question, &Answer::Process(w)).correct)
                );
            }
        }
    }

    #[test]
    fn order_answers_are_chronological_and_shown_shuffled() {
        let atlas = test_atlas();
        let mut orders = 0;
        for question in build_quiz(&atlas, 1) {
            let QuestionKind::Order { events, answer } = &question.kind else {
                continue;
            };
            assert!((3..=4).contains(&answer.len()), "{question:?}");
            let years: Vec<i32> = answer
                .iter()
                .map(|&e| atlas.event(e).when.start.year().unwrap_or(i32::MAX))
                .collect();
            assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
            let mut same = events.clone();
            same.sort();
            let mut expected = answer.clone();
            expected.sort();
            assert_eq!(same, expected);
            // Never shown already in order, so clicking them as shown is wrong.
            assert_ne!(events, answer, "{question:?}");
            assert!(!judge(&atlas, &question, &Answer::Order(events.clone())).correct);
            assert!(judge(&atlas, &question, &Answer::Order(answer.clone())).correct);
            orders += 1;
        }
        assert!(orders >= 2);
    }

    #[test]
    fn every_prompt_is_written_in_both_languages() {
        let atlas = test_atlas();
        for question in build_quiz(&atlas, 1) {
            assert!(!question.prompt(Lang::De).trim().is_empty(), "{question:?}");
            assert!(!question.prompt(Lang::En).trim().is_empty(), "{question:?}");
            assert_ne!(
                question.prompt(Lang::De),
                question.prompt(Lang::En),
                "{question:?}"
            );
            assert!(!question.events.is_empty());
        }
    }

    #[test]
    fn the_syria_question_shows_its_source() {
        let atlas = test_atlas();
        let question = syria_question(&atlas, &build_quiz(&atlas, 1));
        let (article, quote) =
            source_quote(&atlas, &question).unwrap_or_else(|| panic!("no quote"));
        assert!(quote.contains("Astana"), "{quote}");
        assert_eq!(
            atlas.article(article).id,
            "ipg-2024-04-22-vermittler-gesucht"
        );
    }

    #[test]
    fn the_score_counts_answers_and_right_ones() {
        let mut score = Score::default();
        score.record(&Verdict::plain(true));
        score.record(&Verdict::plain(false));
        score.record(&Verdict::plain(true));
        assert_eq!(
            score,
            Score {
                right: 2,
                answered: 3
            }
        );
    }

    #[test]
    fn the_view_of_every_place_question_shows_all_its_right_answers() {
        let atlas = test_atlas();
        let size = egui::vec2(880.0, 560.0);
        let mut far = 0;
        for seed in 0..12 {
            for q in build_quiz(&atlas, seed) {
                let QuestionKind::Where { answer } = &q.kind else {
                    continue;
                };
                let view = crate::map::flight::fit(
                    &view_points(&atlas, &q),
                    size,
                    crate::map::MapView::REGION.zoom,
                )
                .expect("a view");
                let (cx, cy) = crate::map::flight::mercator(view);
                for &p in answer {
                    let place = atlas.place(p);
                    let (x, y) = crate::map::flight::mercator(crate::map::MapView {
                        lat: place.lat,
                        lon: place.lon,
                        zoom: view.zoom,
                    });
                    assert!(
                        (x - cx).abs() < f64::from(size.x) / 2.0
                            && (y - cy).abs() < f64::from(size.y) / 2.0,
                        "{}: {} is outside {view:?}",
                        q.prompt(Lang::De),
                        place.name_de
                    );
                    far += usize::from(place.lon < 0.0);
                }
            }
        }
        assert!(far > 0, "an answer in the Americas is among the questions");
    }

    #[test]
    fn no_place_question_names_its_answer_or_a_form_of_it() {
        let atlas = test_atlas();
        for seed in 0..12 {
            for q in build_quiz(&atlas, seed) {
                let QuestionKind::Where { answer } = &q.kind else {
                    continue;
                };
                for &p in answer {
                    let place = atlas.place(p);
                    let names = [place.name_de.as_str(), place.name_en.as_str()]
                        .into_iter()
                        .chain(place.aliases.iter().map(|a| a.name.as_str()))
                        .filter(|n| !n.is_empty());
                    for name in names {
                        let name = name.to_lowercase();
                        for prompt in &q.prompts {
                            assert!(
                                !prompt.to_lowercase().contains(&name),
                                "“{prompt}” names its answer ({name})"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_click_may_lie_further_off_when_the_map_is_zoomed_out() {
        assert!((tolerance_km(6.0) - WHERE_TOLERANCE_KM).abs() < 1e-9);
        assert!(tolerance_km(2.0) > 500.0);
        let atlas = test_atlas();
        let q = syria_question(&atlas, &build_quiz(&atlas, 1));
        // 400 km from Astana: wrong up close, right at world zoom.
        let click = |tolerance_km| Answer::Place {
            lat: 51.17,
            lon: 77.2,
            tolerance_km,
        };
        assert!(!judge(&atlas, &q, &click(tolerance_km(6.0))).correct);
        assert!(judge(&atlas, &q, &click(tolerance_km(1.5))).correct);
    }
}
