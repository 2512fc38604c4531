//! A user's earlier decision about a name overrides the ranking.

use super::mention::{Candidate, Decision, LinkStatus, LinkedMention, PlaceKey};
use super::parser::{Geoparser, Target};
use super::place::FeatureKind;

/// Applies a user's decision: the decided place (added if it is not a candidate) or a
/// rejection.
pub(super) fn apply(p: &Geoparser, m: &mut LinkedMention, decision: &Decision) {
    m.confidence = 1.0;
    match decision {
        Decision::Reject => {
            m.chosen = None;
            m.status = LinkStatus::Rejected;
        }
        Decision::Place(place) => {
            m.status = LinkStatus::Sure;
            m.chosen = m.candidates.iter().position(|c| c.place == *place);
            if m.chosen.is_none() {
                // A place the name's candidates lack (picked in the search field, say).
                let target = match place {
                    PlaceKey::GeoNames(id) => p.world.by_geonameid(*id).map(Target::World),
                    PlaceKey::Curated(key) | PlaceKey::User(key) => {
                        let user = matches!(place, PlaceKey::User(_));
                        p.curated
                            .iter()
                            .position(|e| e.user == user && e.place.key == *key)
                            .and_then(|i| u32::try_from(i).ok())
                            .map(Target::Curated)
                    }
                };
                let candidate = target
                    .and_then(|t| super::rank::option_for(p, t, false))
                    .map_or_else(
                        // Unknown here (a user place from another library): keep the
                        // decision visible without a position.
                        || Candidate {
                            place: place.clone(),
                            name: m.surface.clone(),
                            country: String::new(),
                            lat: f64::NAN,
                            lon: f64::NAN,
                            population: 0,
                            kind: FeatureKind::City,
                            score: f32::INFINITY,
                        },
                        |o| o.candidate,
                    );
                m.candidates.insert(0, candidate);
                m.chosen = Some(0);
            }
        }
    }
}
