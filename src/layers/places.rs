//! Place names of a generic CSV located through the shipped world gazetteer: a row that names
//! a place but gives no coordinates is put at the most populous place of that name, with the
//! precision UCDP GED would give it (1 a city, 4 a region, 6 a country).

use std::sync::{Arc, OnceLock};

use crate::gazetteer::{FeatureKind, WorldGazetteer};

/// Looks place names up in a world gazetteer; the embedded one is read on the first lookup,
/// so that an import without place names never pays for it.
#[derive(Debug, Default)]
pub struct GazetteerPlaces {
    world: OnceLock<Option<Arc<WorldGazetteer>>>,
}

impl GazetteerPlaces {
    /// Lookups in `world` (the geoparser's, when the app has built it already).
    #[must_use]
    pub fn new(world: Option<Arc<WorldGazetteer>>) -> Self {
        let places = Self::default();
        if let Some(world) = world {
            let _ = places.world.set(Some(world));
        }
        places
    }

    /// `(latitude, longitude, where_prec)` of the place `name` (case, diacritics, hyphens
    /// and spaces folded as the gazetteer folds them); `None` for an empty or unknown name.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<(f64, f64, u8)> {
        if name.trim().is_empty() {
            return None;
        }
        let world = self
            .world
            .get_or_init(|| match WorldGazetteer::embedded() {
                Ok(world) => Some(Arc::new(world)),
                Err(e) => {
                    log::error!("the embedded gazetteer cannot be read: {e}");
                    None
                }
            })
            .as_ref()?;
        let id = *world.lookup(name.trim()).first()?;
        let place = world.place(id);
        let precision = match place.kind {
            FeatureKind::Country => 6,
            FeatureKind::Region => 4,
            FeatureKind::Capital | FeatureKind::City | FeatureKind::Site => 1,
        };
        Some((f64::from(place.lat), f64::from(place.lon), precision))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_found_by_any_case_and_spelling_and_unknown_names_are_not() {
        let places = GazetteerPlaces::default();
        let (lat, lon, prec) = places.find("Astana").expect("Astana");
        assert!(
            (lat - 51.18).abs() < 0.2 && (lon - 71.45).abs() < 0.2,
            "{lat} {lon}"
        );
        assert_eq!(prec, 1);
        assert_eq!(places.find("astana"), places.find("Astana"));
        assert_eq!(places.find("  ASTANA "), places.find("Astana"));
        let (lat, lon, _) = places.find("Almaty").expect("Almaty");
        assert!(
            (lat - 43.25).abs() < 0.2 && (lon - 76.92).abs() < 0.2,
            "{lat} {lon}"
        );
        assert_eq!(places.find("Almaty"), places.find("almaty"));
        let (_, _, prec) = places
            .find("Kazakhstan")
            .expect("a country by its English name");
        assert_eq!(prec, 6);
        assert_eq!(
            places.find("Kasachstan"),
            places.find("Kazakhstan"),
            "German"
        );
        assert_eq!(places.find("Zzyzxqland"), None);
        assert_eq!(places.find(""), None);
    }
}
