//! Which events are in view: a time range and filters by process, kind and actor, combined.
//! Markers, lines, the timeline and the lists all ask the same [`Filter`].

use super::{ActorIdx, Atlas, Date, Event, EventIdx, EventKind, PartyRef, PlaceIdx, ProcessIdx};

/// A calendar day, counted from 1970-01-01 (negative before).
pub type Day = i64;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
#[must_use]
pub fn day_number(year: i32, month: u8, day: u8) -> Day {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The first and last day a date may stand for; `None` for an unknown date.
#[must_use]
pub fn date_days(date: Date) -> Option<(Day, Day)> {
    date.span()
        .map(|((y0, m0, d0), (y1, m1, d1))| (day_number(y0, m0, d0), day_number(y1, m1, d1)))
}

/// An actor to filter by: a state, or an organisation or person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorFilter {
    State(PlaceIdx),
    Actor(ActorIdx),
}

/// What the user narrowed the atlas to. Empty lists mean "all".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// First and last day, inclusive. Events of unknown date are outside every range.
    pub range: Option<(Day, Day)>,
    pub processes: Vec<ProcessIdx>,
    pub kinds: Vec<EventKind>,
    pub actors: Vec<ActorFilter>,
}

impl Filter {
    /// Whether nothing is filtered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.range.is_none()
            && self.processes.is_empty()
            && self.kinds.is_empty()
            && self.actors.is_empty()
    }

    /// How many kinds of filter are active (the range counts as one).
    #[must_use]
    pub fn active(&self) -> usize {
        usize::from(self.range.is_some())
            + usize::from(!self.processes.is_empty())
            + usize::from(!self.kinds.is_empty())
            + usize::from(!self.actors.is_empty())
    }

    /// Whether an event passes every filter. A date known only to the month or year passes a
    /// range it may fall into (its span overlaps the range).
    #[must_use]
    pub fn matches(&self, event: &Event) -> bool {
        if let Some((from, to)) = self.range {
            match event.when.days() {
                Some((first, last)) if first <= to && last >= from => {}
                _ => return false,
            }
        }
        if !self.processes.is_empty() && !event.process.is_some_and(|p| self.processes.contains(&p))
        {
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&event.kind) {
            return false;
        }
        if !self.actors.is_empty() && !self.actors.iter().any(|a| involves(event, *a)) {
            return false;
        }
        true
    }

    /// The events that pass, in date order.
    #[must_use]
    pub fn events(&self, atlas: &Atlas) -> Vec<EventIdx> {
        atlas
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| self.matches(e))
            .map(|(i, _)| EventIdx::from_index(i))
            .collect()
    }

    /// Adds or removes one value of a list filter.
    pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if let Some(i) = list.iter().position(|v| *v == value) {
            list.remove(i);
        } else {
            list.push(value);
        }
    }
}

/// Whether `actor` takes part in `event` (as a state, an organisation, or a person).
#[must_use]
pub fn involves(event: &Event, actor: ActorFilter) -> bool {
    event.participants.iter().any(|p| match actor {
        ActorFilter::State(place) => p.who == PartyRef::State(place),
        ActorFilter::Actor(a) => p.who == PartyRef::Organisation(a) || p.people.contains(&a),
    })
}

/// Markers for a set of events: every non-country place where one of them was held or that one
/// is about, with the number of such events, heaviest first.
#[must_use]
pub fn marker_places(atlas: &Atlas, events: &[EventIdx]) -> Vec<(PlaceIdx, usize)> {
    let mut counts = vec![0usize; atlas.places.len()];
    for &e in events {
        let event = atlas.event(e);
        let mut seen: Vec<PlaceIdx> = Vec::with_capacity(event.places.len() + event.about.len());
        for &p in event.places.iter().chain(&event.about) {
            if !seen.contains(&p) {
                seen.push(p);
                counts[p.index()] += 1;
            }
        }
    }
    let mut out: Vec<(PlaceIdx, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(i, n)| n > 0 && atlas.places[i].kind != super::PlaceKind::Country)
        .map(|(i, n)| (PlaceIdx::from_index(i), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Markers of conflict regions: the places events are `about`, with their counts.
#[must_use]
pub fn conflict_places(atlas: &Atlas, events: &[EventIdx]) -> Vec<(PlaceIdx, usize)> {
    let mut counts = vec![0usize; atlas.places.len()];
    for &e in events {
        for &p in &atlas.event(e).about {
            counts[p.index()] += 1;
        }
    }
    let mut out: Vec<(PlaceIdx, usize)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .map(|(i, n)| (PlaceIdx::from_index(i), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::test_atlas as test_seeds;

    #[test]
    fn day_numbers_match_the_calendar() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(1991, 12, 21) + 1, day_number(1991, 12, 22));
        assert_eq!(
            day_number(2024, 3, 1) - day_number(2024, 2, 28),
            2,
            "leap year"
        );
    }

    #[test]
    fn a_month_spans_its_days() {
        let (first, last) = date_days(Date::Month {
            year: 2024,
            month: 4,
        })
        .expect("known");
        assert_eq!(last - first, 29);
        assert_eq!(date_days(Date::Unknown), None);
    }

    #[test]
    fn a_range_keeps_events_that_may_fall_into_it_and_drops_undated_ones() {
        let atlas = test_seeds();
        let april_2024 = Filter {
            range: Some((day_number(2024, 4, 10), day_number(2024, 4, 20))),
            ..Filter::default()
        };
        let kept = april_2024.events(&atlas);
        assert!(!kept.is_empty());
        for e in &kept {
            let (first, last) = atlas.event(*e).when.days().expect("dated");
            assert!(first <= day_number(2024, 4, 20) && last >= day_number(2024, 4, 10));
        }
        // Events known only as "April 2024" overlap the 10th–20th.
        assert!(
            kept.iter()
                .any(|e| matches!(atlas.event(*e).when.start, Date::Month { .. }))
        );
        assert!(
            kept.iter()
                .all(|e| atlas.event(*e).when.start != Date::Unknown)
        );
    }

    #[test]
    fn filters_combine() {
        let atlas = test_seeds();
        let syria = atlas.process_by_id("astana-format-syria").expect("process");
        let russia = atlas.place_by_id("russia").expect("russia");
        let by_process = Filter {
            processes: vec![syria],
            ..Filter::default()
        };
        let both = Filter {
            processes: vec![syria],
            actors: vec![ActorFilter::State(russia)],
            range: Some((day_number(2017, 1, 1), day_number(2017, 12, 31))),
            ..Filter::default()
        };
        let n_process = by_process.events(&atlas).len();
        let n_both = both.events(&atlas).len();
        assert!(n_both >= 1 && n_both < n_process, "{n_both} of {n_process}");
        for e in both.events(&atlas) {
            let event = atlas.event(e);
            assert_eq!(event.process, Some(syria));
            assert!(involves(event, ActorFilter::State(russia)));
        }
        assert_eq!(both.active(), 3);
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn markers_follow_the_events() {
        let atlas = test_seeds();
        let all = Filter::default().events(&atlas);
        assert_eq!(
            marker_places(&atlas, &all).len(),
            atlas.marker_places().len()
        );
        let astana = atlas.place_by_id("astana").expect("astana");
        let none: Vec<EventIdx> = Vec::new();
        assert!(marker_places(&atlas, &none).is_empty());
        let only_2013 = Filter {
            range: Some((day_number(2013, 1, 1), day_number(2013, 12, 31))),
            ..Filter::default()
        }
        .events(&atlas);
        let markers = marker_places(&atlas, &only_2013);
        assert!(
            markers.iter().all(|&(p, _)| p != astana),
            "no Astana event in 2013"
        );
        assert!(!markers.is_empty(), "Almaty 2013");
    }
}
