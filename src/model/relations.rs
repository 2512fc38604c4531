//! The lines between places that the map draws for events.
//!
//! An event happened somewhere (its venues) and brought together states and organisations that
//! sit somewhere else (a capital, a seat). A [`Relation`] is one line from a venue to a
//! participant's place. Conflict lines, from where talks are held to what they are about, are
//! the other view of the same events.

use super::{Atlas, EventIdx, PartyRef, PlaceIdx, Role};

/// One line on the map: from a venue of an event to where a participant sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Relation {
    /// The event the line belongs to.
    pub event: EventIdx,
    /// A venue of the event.
    pub from: PlaceIdx,
    /// The participant's place: a state's capital (or the country itself if it has none), an
    /// organisation's seat.
    pub to: PlaceIdx,
    /// The part the participant played.
    pub role: Role,
    /// The participant.
    pub who: PartyRef,
}

/// Where a participant sits on the map.
///
/// A state sits in its capital, or at the country's own point if the gazetteer gives it no
/// capital. An organisation sits at its seat, else in the capital of its country; one with
/// neither (a delegation, say) has no place and draws no line.
#[must_use]
pub fn participant_place(atlas: &Atlas, who: PartyRef) -> Option<PlaceIdx> {
    // The atlas's own answer (capital, seat), and for an organisation without a seat the
    // capital of its country.
    atlas.party_place(who).or_else(|| match who {
        PartyRef::State(_) => None,
        PartyRef::Organisation(actor) => atlas
            .actor(actor)
            .country
            .and_then(|c| atlas.place(c).capital),
    })
}

/// The lines of one event: from each venue to each participant's place, in the order of the
/// venues and then of the participants.
///
/// An event without a venue has no lines. A host in its own capital draws no line to itself,
/// and two participants that would draw the same line in the same role draw it once.
#[must_use]
pub fn relations_of_event(atlas: &Atlas, event: EventIdx) -> Vec<Relation> {
    let record = atlas.event(event);
    let mut lines: Vec<Relation> = Vec::new();
    for &from in &record.places {
        for participant in &record.participants {
            let Some(to) = participant_place(atlas, participant.who) else {
                continue;
            };
            let seen = lines
                .iter()
                .any(|l| l.from == from && l.to == to && l.role == participant.role);
            if to != from && !seen {
                lines.push(Relation {
                    event,
                    from,
                    to,
                    role: participant.role,
                    who: participant.who,
                });
            }
        }
    }
    lines
}

/// The lines of every event that touches a place, in event (date) order.
///
/// An event touches a place if it was held there, is about it, has a participant that sits
/// there, or has the place (a country) as a participating state. All lines of such an event are
/// returned, not only those ending at the place, so that the map shows the whole event.
#[must_use]
pub fn relations_of_place(atlas: &Atlas, place: PlaceIdx) -> Vec<Relation> {
    (0..atlas.events.len())
        .map(EventIdx::from_index)
        .filter(|&e| event_touches(atlas, e, place))
        .flat_map(|e| relations_of_event(atlas, e))
        .collect()
}

fn event_touches(atlas: &Atlas, event: EventIdx, place: PlaceIdx) -> bool {
    let record = atlas.event(event);
    record.places.contains(&place)
        || record.about.contains(&place)
        || record.participants.iter().any(|p| {
            p.who == PartyRef::State(place) || participant_place(atlas, p.who) == Some(place)
        })
}

/// Where talks happen versus where the conflicts are: a `(venue, about)` pair for each venue of
/// the event and each place it is about, without pairs of a place with itself or repeats.
#[must_use]
pub fn conflict_lines(atlas: &Atlas, event: EventIdx) -> Vec<(PlaceIdx, PlaceIdx)> {
    let record = atlas.event(event);
    let mut lines = Vec::new();
    for &venue in &record.places {
        for &about in &record.about {
            if venue != about && !lines.contains(&(venue, about)) {
                lines.push((venue, about));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Corpus, load};
    use crate::model::Date;

    fn seed_atlas() -> Atlas {
        let today = Date::Day {
            year: 2026,
            month: 11,
            day: 23,
        };
        load(&Corpus::Embedded, today).atlas
    }

    fn place(atlas: &Atlas, id: &str) -> PlaceIdx {
        atlas
            .place_by_id(id)
            .unwrap_or_else(|| panic!("no place {id}"))
    }

    fn event(atlas: &Atlas, id: &str) -> EventIdx {
        atlas
            .event_by_id(id)
            .unwrap_or_else(|| panic!("no event {id}"))
    }

    #[test]
    fn the_first_astana_round_draws_lines_to_the_guarantors_capitals() {
        let atlas = seed_atlas();
        let e = event(&atlas, "astana-format-runde-1-2017");
        let lines = relations_of_event(&atlas, e);
        let astana = place(&atlas, "astana");
        let has = |to: &str, role: Role| {
            lines
                .iter()
                .any(|l| l.from == astana && l.to == place(&atlas, to) && l.role == role)
        };
        assert!(has("moskau", Role::Guarantor), "{lines:?}");
        assert!(lines.iter().all(|l| l.from == astana && l.event == e));
        // Kazakhstan hosts in its own capital, and the Syrian opposition has no seat: no lines.
        assert!(
            !lines
                .iter()
                .any(|l| l.who == PartyRef::State(place(&atlas, "kazakhstan")))
        );
        assert!(
            !lines
                .iter()
                .any(|l| matches!(l.who, PartyRef::Organisation(_)))
        );
        // Russia, Turkey, Iran as guarantors and Syria as a party.
        assert_eq!(lines.len(), 4, "{lines:?}");
    }

    #[test]
    fn no_line_runs_from_a_place_to_itself_or_twice() {
        let atlas = seed_atlas();
        for i in 0..atlas.events.len() {
            let lines = relations_of_event(&atlas, EventIdx::from_index(i));
            for (j, line) in lines.iter().enumerate() {
                assert_ne!(line.from, line.to, "{line:?}");
                assert!(
                    !lines[..j]
                        .iter()
                        .any(|l| (l.from, l.to, l.role) == (line.from, line.to, line.role))
                );
                assert!(atlas.event(line.event).places.contains(&line.from));
            }
        }
    }

    #[test]
    fn a_place_has_the_lines_of_the_events_held_there() {
        let atlas = seed_atlas();
        let astana = place(&atlas, "astana");
        let of_place = relations_of_place(&atlas, astana);
        assert!(!atlas.events_at(astana).is_empty());
        for &e in atlas.events_at(astana) {
            for line in relations_of_event(&atlas, e) {
                assert!(of_place.contains(&line), "{line:?}");
            }
        }
    }

    #[test]
    fn a_capital_has_the_lines_of_the_events_its_state_attended() {
        let atlas = seed_atlas();
        let moskau = place(&atlas, "moskau");
        let e = event(&atlas, "astana-format-runde-1-2017");
        let lines = relations_of_place(&atlas, moskau);
        assert!(lines.iter().any(|l| l.event == e && l.to == moskau));
        // All lines of the event, not only Moscow's.
        assert!(lines.iter().filter(|l| l.event == e).count() > 1);
        assert!(lines.windows(2).all(|w| w[0].event <= w[1].event));
    }

    #[test]
    fn talks_in_astana_point_at_syria() {
        let atlas = seed_atlas();
        let e = event(&atlas, "astana-format-runde-1-2017");
        assert_eq!(
            conflict_lines(&atlas, e),
            vec![(place(&atlas, "astana"), place(&atlas, "syria"))]
        );
        for i in 0..atlas.events.len() {
            for (venue, about) in conflict_lines(&atlas, EventIdx::from_index(i)) {
                assert_ne!(venue, about);
            }
        }
    }
}
