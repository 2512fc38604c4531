//! A large, made-up atlas for benchmarks and stress tests.
//!
//! The shipped corpus has a few dozen events; the map, the timeline and the filters should stay
//! fast with thousands. This builds such an atlas from a seed, deterministically, with the same
//! shapes the loader produces: countries with capitals, cities around them, peace processes, and
//! events with venues, participants and dates of every precision.

use super::rng::SplitMix64;
use super::{
    Actor, ActorIdx, ActorKind, Atlas, Date, Event, EventKind, Participant, PartyRef, Place,
    PlaceIdx, PlaceKind, Process, ProcessIdx, Role, When, days_in_month,
};

/// How many peace processes the synthetic atlas has.
const PROCESSES: usize = 8;

/// How many organisations take part in events besides the states.
const ORGANISATIONS: usize = 6;

/// The area places are spread over: Eurasia and North America, in degrees.
const LAT_RANGE: (f64, f64) = (10.0, 65.0);
const LON_RANGE: (f64, f64) = (-125.0, 140.0);

/// The years events fall in.
const FIRST_YEAR: i32 = 1991;
const YEARS: usize = 35;

/// Roles other than host, for the states that do not host.
const GUEST_ROLES: [Role; 5] = [
    Role::Mediator,
    Role::Party,
    Role::Guarantor,
    Role::Observer,
    Role::Participant,
];

/// A deterministic synthetic atlas: `places` places spread over Eurasia and North America
/// (lat 10..65, lon −125..140), among them about `places / 10` countries with capitals, and
/// `events` events from 1991 to 2025 with random date precision (day, month, year, some
/// unknown), kinds, one of 8 processes (or none), 1–3 venues and 2–6 state participants with
/// roles (the first hosts), some with an organisation too. There are no articles or mentions.
///
/// A country needs a capital, so fewer than two places are raised to two. The same arguments
/// always give the same atlas.
#[must_use]
pub fn synthetic_atlas(events: usize, places: usize, seed: u64) -> Atlas {
    let mut rng = SplitMix64(seed);
    let places = places.max(2);
    let countries = (places / 10).max(1);
    let (place_list, country_of) = make_places(&mut rng, places, countries);
    let actors = make_organisations(&mut rng, countries);
    let processes = make_processes(&mut rng);
    let layout = Layout {
        places,
        countries,
        organisations: actors.len(),
        country_of,
    };
    let event_list = (0..events)
        .map(|i| make_event(&mut rng, &layout, i))
        .collect();
    Atlas::new(
        place_list,
        actors,
        processes,
        Vec::new(),
        event_list,
        Vec::new(),
    )
}

/// Where things are in the lists: places are the countries first, then their capitals in the
/// same order (country `c` has capital `countries + c`), then the other places.
struct Layout {
    places: usize,
    countries: usize,
    organisations: usize,
    /// Per place, the number of its country.
    country_of: Vec<usize>,
}

impl Layout {
    fn country(c: usize) -> PlaceIdx {
        PlaceIdx::from_index(c)
    }

    /// A place an event can be held at: a capital or another non-country place.
    fn venue(&self, rng: &mut SplitMix64) -> PlaceIdx {
        PlaceIdx::from_index(self.countries + rng.below(self.places - self.countries))
    }
}

/// The places, and for each the number of its country.
fn make_places(rng: &mut SplitMix64, places: usize, countries: usize) -> (Vec<Place>, Vec<usize>) {
    let centres: Vec<(f64, f64)> = (0..countries)
        .map(|_| (rng.between(LAT_RANGE), rng.between(LON_RANGE)))
        .collect();
    let mut list = Vec::with_capacity(places);
    let mut country_of: Vec<usize> = (0..countries).chain(0..countries).collect();
    for (c, &(lat, lon)) in centres.iter().enumerate() {
        let mut place = place(format!("country-{c}"), PlaceKind::Country, c, (lat, lon));
        place.name_de = format!("Land {c}");
        place.name_en = format!("Country {c}");
        place.capital = Some(PlaceIdx::from_index(countries + c));
        list.push(place);
    }
    for (c, &centre) in centres.iter().enumerate() {
        let at = near(rng, centre, 3.0);
        list.push(place(format!("capital-{c}"), PlaceKind::Capital, c, at));
    }
    for i in 2 * countries..places {
        let c = rng.below(countries);
        let kind = match rng.below(10) {
            0 => PlaceKind::Region,
            1 => PlaceKind::Site,
            _ => PlaceKind::City,
        };
        let at = near(rng, centres[c], 6.0);
        list.push(place(format!("place-{i}"), kind, c, at));
        country_of.push(c);
    }
    (list, country_of)
}

/// A place of country `c` with names made from its id.
fn place(id: String, kind: PlaceKind, c: usize, (lat, lon): (f64, f64)) -> Place {
    Place {
        name_de: id.clone(),
        name_en: id.clone(),
        name_ru: String::new(),
        name_local: id.clone(),
        id,
        local_lang: "en".to_owned(),
        country: country_code(c),
        kind,
        lat,
        lon,
        source: "synthetic".to_owned(),
        capital: None,
        aliases: Vec::new(),
        adjectives: Vec::new(),
    }
}

/// A two-letter code for country `c`: AA, AB, …, ZZ, then round again.
fn country_code(c: usize) -> String {
    let letter = |i: usize| char::from(b'A' + u8::try_from(i % 26).unwrap_or(0));
    [letter(c / 26), letter(c)].iter().collect()
}

/// A point within `spread` degrees of `centre`, kept inside the synthetic area.
fn near(rng: &mut SplitMix64, (lat, lon): (f64, f64), spread: f64) -> (f64, f64) {
    let lat = (lat + rng.between((-spread, spread))).clamp(LAT_RANGE.0, LAT_RANGE.1);
    let lon = (lon + rng.between((-spread, spread))).clamp(LON_RANGE.0, LON_RANGE.1);
    (lat, lon)
}

/// A few organisations: most seated in a capital, one with only a country (so it sits in that
/// country's capital), one with neither (so it draws no line), as in the shipped data.
fn make_organisations(rng: &mut SplitMix64, countries: usize) -> Vec<Actor> {
    (0..ORGANISATIONS)
        .map(|i| {
            let c = rng.below(countries);
            let (country, seat) = match i {
                0 => (None, None),
                1 => (Some(Layout::country(c)), None),
                _ => (
                    Some(Layout::country(c)),
                    Some(PlaceIdx::from_index(countries + c)),
                ),
            };
            Actor {
                id: format!("organisation-{i}"),
                kind: ActorKind::Organisation,
                name_de: format!("Organisation {i}"),
                name_en: format!("Organisation {i}"),
                country,
                seat,
                role_de: String::new(),
                role_en: String::new(),
                aliases: Vec::new(),
            }
        })
        .collect()
}

fn make_processes(rng: &mut SplitMix64) -> Vec<Process> {
    (0..PROCESSES)
        .map(|i| {
            let [r, g, b, ..] = rng.next().to_le_bytes();
            Process {
                id: format!("process-{i}"),
                name_de: format!("Prozess {i}"),
                name_en: format!("Process {i}"),
                color: [r, g, b],
            }
        })
        .collect()
}

fn make_event(rng: &mut SplitMix64, layout: &Layout, i: usize) -> Event {
    let date = random_date(rng);
    let kind = EventKind::ALL[rng.below(EventKind::ALL.len())];
    let process = (rng.below(5) > 0).then(|| ProcessIdx::from_index(rng.below(PROCESSES)));

    let mut places = Vec::new();
    for _ in 0..=rng.below(3) {
        let venue = layout.venue(rng);
        if !places.contains(&venue) {
            places.push(venue);
        }
    }

    // The country of the first venue hosts, as in most real talks.
    let host = places.first().map_or(0, |p| layout.country_of[p.index()]);
    let mut states = vec![host];
    let wanted = (2 + rng.below(5)).min(layout.countries);
    while states.len() < wanted {
        let c = rng.below(layout.countries);
        if !states.contains(&c) {
            states.push(c);
        }
    }
    let mut participants: Vec<Participant> = states
        .iter()
        .enumerate()
        .map(|(n, &c)| Participant {
            who: PartyRef::State(Layout::country(c)),
            role: if n == 0 {
                Role::Host
            } else {
                GUEST_ROLES[rng.below(GUEST_ROLES.len())]
            },
            people: Vec::new(),
        })
        .collect();
    if layout.organisations > 0 && rng.below(4) == 0 {
        participants.push(Participant {
            who: PartyRef::Organisation(ActorIdx::from_index(rng.below(layout.organisations))),
            role: GUEST_ROLES[rng.below(GUEST_ROLES.len())],
            people: Vec::new(),
        });
    }

    let about = (0..rng.below(3))
        .map(|_| {
            if rng.below(2) == 0 {
                Layout::country(rng.below(layout.countries))
            } else {
                layout.venue(rng)
            }
        })
        .collect();

    Event {
        id: format!("event-{i:06}"),
        when: When::at(date),
        date_note: String::new(),
        title_de: format!("Ereignis {i}"),
        title_en: format!("Event {i}"),
        kind,
        process,
        places,
        about,
        participants,
        sources: Vec::new(),
        origin: crate::model::Origin::Shipped,
    }
}

/// A date between 1991 and 2025: mostly to the day, some to the month or year, a few unknown.
fn random_date(rng: &mut SplitMix64) -> Date {
    let year = FIRST_YEAR + i32::try_from(rng.below(YEARS)).unwrap_or(0);
    let month = 1 + u8::try_from(rng.below(12)).unwrap_or(0);
    match rng.below(20) {
        0 => Date::Unknown,
        1..=3 => Date::Year { year },
        4..=7 => Date::Month { year, month },
        _ => {
            let days = usize::try_from(days_in_month(year, month)).unwrap_or(28);
            let day = 1 + u8::try_from(rng.below(days)).unwrap_or(0);
            Date::Day { year, month, day }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::relations::relations_of_event;
    use crate::model::{EventIdx, Precision};

    #[test]
    fn the_atlas_has_the_sizes_asked_for() {
        let atlas = synthetic_atlas(1000, 200, 7);
        assert_eq!(atlas.events.len(), 1000);
        assert_eq!(atlas.places.len(), 200);
        assert_eq!(atlas.processes.len(), 8);
        let countries: Vec<_> = atlas
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .collect();
        assert_eq!(countries.len(), 20);
        for country in countries {
            let capital = country.capital.map(|c| atlas.place(c).kind);
            assert_eq!(capital, Some(PlaceKind::Capital));
        }
        assert!(atlas.articles.is_empty() && atlas.mentions.is_empty());
    }

    #[test]
    fn places_lie_in_eurasia_and_north_america() {
        let atlas = synthetic_atlas(10, 300, 1);
        for p in &atlas.places {
            assert!((10.0..=65.0).contains(&p.lat), "{}", p.lat);
            assert!((-125.0..=140.0).contains(&p.lon), "{}", p.lon);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_atlas() {
        let key = |atlas: &Atlas| -> Vec<(String, When, Vec<PlaceIdx>)> {
            atlas
                .events
                .iter()
                .map(|e| (e.id.clone(), e.when, e.places.clone()))
                .collect()
        };
        let (a, b) = (synthetic_atlas(500, 100, 42), synthetic_atlas(500, 100, 42));
        assert_eq!(key(&a), key(&b));
        let coords = |atlas: &Atlas| -> Vec<(f64, f64)> {
            atlas.places.iter().map(|p| (p.lat, p.lon)).collect()
        };
        assert_eq!(coords(&a), coords(&b));
        assert_ne!(key(&a), key(&synthetic_atlas(500, 100, 43)));
    }

    #[test]
    fn every_event_has_a_venue_and_participants_and_every_precision_occurs() {
        let atlas = synthetic_atlas(2000, 150, 3);
        for event in &atlas.events {
            assert!((1..=3).contains(&event.places.len()), "{}", event.id);
            let states = event
                .participants
                .iter()
                .filter(|p| matches!(p.who, PartyRef::State(_)))
                .count();
            assert!((2..=6).contains(&states), "{}", event.id);
            assert_eq!(event.participants[0].role, Role::Host);
            for venue in &event.places {
                assert_ne!(atlas.place(*venue).kind, PlaceKind::Country);
            }
            if let Some(year) = event.when.start.year() {
                assert!((1991..=2025).contains(&year));
            }
        }
        for precision in [
            Precision::Day,
            Precision::Month,
            Precision::Year,
            Precision::Unknown,
        ] {
            assert!(atlas.events.iter().any(|e| e.when.precision() == precision));
        }
        assert!(atlas.events.iter().any(|e| matches!(
            e.participants.last().map(|p| p.who),
            Some(PartyRef::Organisation(_))
        )));
    }

    #[test]
    fn relations_work_on_the_synthetic_atlas() {
        let atlas = synthetic_atlas(1000, 100, 9);
        let mut total = 0;
        for i in 0..atlas.events.len() {
            let e = EventIdx::from_index(i);
            let lines = relations_of_event(&atlas, e);
            for line in &lines {
                assert_ne!(line.from, line.to);
                assert!(atlas.event(e).places.contains(&line.from));
            }
            total += lines.len();
        }
        assert!(total > atlas.events.len());
    }

    #[test]
    fn a_benchmark_sized_atlas_builds() {
        let atlas = synthetic_atlas(10_000, 500, 2025);
        assert_eq!(atlas.counts().events, 10_000);
        assert_eq!(atlas.counts().places, 500);
    }

    #[test]
    fn tiny_sizes_still_make_a_consistent_atlas() {
        for places in [0, 1, 2, 3, 9] {
            let atlas = synthetic_atlas(20, places, 5);
            assert!(atlas.places.len() >= 2);
            for event in &atlas.events {
                assert!(!event.places.is_empty() && !event.participants.is_empty());
            }
        }
        assert!(synthetic_atlas(0, 10, 5).events.is_empty());
    }
}
