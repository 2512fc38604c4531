//! Unit tests of the world gazetteer and the geoparser.

use std::sync::Arc;

use super::eval::test_parser;
use super::*;

const PLACES: &str = "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\talternatenames
1\tKyrgyzstan\tKG\t\t41.0000\t75.0000\t6000000\tcountry\t
2\tLibya\tLY\t\t25.0000\t17.0000\t6000000\tcountry\t
3\tLebanon\tLB\t\t33.8333\t35.8333\t6000000\tcountry\t
1527534\tOsh\tKG\t\t40.5283\t72.7985\t322164\tcity\tOsch|Ош
2210247\tTripoli\tLY\t\t32.8874\t13.1873\t1302947\tcapital\tTripolis|Trablus
266826\tTripoli\tLB\t\t34.4335\t35.8442\t229398\tcity\tTripolis
2928810\tEssen\tDE\t\t51.4566\t7.0123\t593085\tcity\t
1512569\tTashkent\tUZ\t\t41.2646\t69.2163\t1978028\tcapital\tTaschkent|Taškent
";
const COUNTRY_NAMES: &str = "numeric\talpha2\tname_de\tname_en\tname_ru
417\tKG\tKirgisistan\tKyrgyzstan\tКиргизия
434\tLY\tLibyen\tLibya\tЛивия
422\tLB\tLibanon\tLebanon\tЛиван
";
const ADJECTIVES: &str = "alpha2\tadjectives_de\tadjectives_en\tnames
KG\tkirgisisch\tKyrgyz\tKirgistan
LY\tlibysch\tLibyan\t
LB\tlibanesisch\tLebanese\t
";

fn small_world() -> Arc<WorldGazetteer> {
    Arc::new(WorldGazetteer::parse(PLACES, COUNTRY_NAMES, ADJECTIVES).unwrap())
}

fn small_parser(curated: &[CuratedPlace]) -> Geoparser {
    Geoparser::new(small_world(), curated, &[]).unwrap()
}

/// The chosen place of the first linked mention with this surface.
fn chosen<'a>(mentions: &'a [LinkedMention], surface: &str) -> Option<&'a Candidate> {
    mentions
        .iter()
        .filter(|m| m.surface == surface && m.status != LinkStatus::Rejected)
        .find_map(|m| m.candidates.get(m.chosen?))
}

#[test]
fn the_embedded_gazetteer_parses_and_knows_the_exonyms() {
    let world = WorldGazetteer::embedded().unwrap();
    assert!(world.len() > 39_000);
    for (name, geonameid) in [
        ("Taschkent", 1_512_569),
        ("Tiflis", 611_717),
        ("Masar-e Scharif", 1_133_616),
        ("Chudschand", 1_514_879),
        ("Jerewan", 616_052),
        ("Eriwan", 616_052),
        ("Bischkek", 1_528_675),
        ("Osch", 1_527_534),
        ("Astana", 1_526_273),
        ("Nur-Sultan", 1_526_273),
    ] {
        let found = world.lookup(name);
        assert_eq!(
            found.first().map(|id| world.place(*id).geonameid),
            Some(geonameid),
            "{name}"
        );
    }
    let astana = world.by_geonameid(1_526_273).unwrap();
    assert_eq!(world.name(astana), "Astana");
    assert_eq!(world.place(astana).kind, FeatureKind::Capital);
    let kyiv = world.by_geonameid(703_448).unwrap();
    assert_eq!(world.place(kyiv).kind, FeatureKind::Capital);
}

#[test]
fn lookup_folds_case_and_diacritics() {
    let world = WorldGazetteer::embedded().unwrap();
    let plain = world.lookup("mazar e sharif");
    assert!(!plain.is_empty());
    assert_eq!(world.lookup("MAZĀR-E SHARĪF"), plain);
}

#[test]
fn search_puts_the_biggest_place_first() {
    let world = WorldGazetteer::embedded().unwrap();
    let found = world.search("tasch", 5);
    assert_eq!(
        found.first().map(|id| world.place(*id).geonameid),
        Some(1_512_569)
    );
    assert!(world.search("", 5).is_empty());
}

#[test]
fn a_bad_line_is_reported_with_its_number() {
    let bad = format!("{PLACES}9\tNowhere\tKG\t\tnorth\t1.0\t5\tcity\t\n");
    let err = WorldGazetteer::parse(&bad, COUNTRY_NAMES, ADJECTIVES).unwrap_err();
    assert_eq!(err.to_string(), "places.tsv:10: bad latitude \"north\"");
}

#[test]
fn exonyms_are_found_in_german_text() {
    let text = "Von Taschkent über Chudschand nach Masar-e Scharif, dann weiter nach Tiflis.";
    let m = test_parser().link(text, &Decisions::new());
    assert_eq!(
        chosen(&m, "Taschkent").map(|c| c.country.as_str()),
        Some("UZ")
    );
    assert_eq!(
        chosen(&m, "Chudschand").map(|c| c.country.as_str()),
        Some("TJ")
    );
    assert_eq!(
        chosen(&m, "Masar-e Scharif").map(|c| c.country.as_str()),
        Some("AF")
    );
    assert_eq!(chosen(&m, "Tiflis").map(|c| c.country.as_str()), Some("GE"));
}

#[test]
fn osch_kirgisistan_picks_osh_in_kyrgyzstan() {
    let m = small_parser(&[]).link(
        "Die Gespräche in Osch, Kirgisistan, endeten.",
        &Decisions::new(),
    );
    let osh = chosen(&m, "Osch").unwrap();
    assert_eq!(osh.place, PlaceKey::GeoNames(1_527_534));
    assert!(
        m.iter()
            .any(|x| x.surface == "Osch" && x.status == LinkStatus::Sure)
    );
}

#[test]
fn tripolis_follows_the_country_the_article_is_about() {
    let p = small_parser(&[]);
    let libya = "Libyen ringt um Einheit. In Tripolis tagte am Montag das Parlament.";
    let m = p.link(libya, &Decisions::new());
    assert_eq!(
        chosen(&m, "Tripolis").map(|c| c.country.as_str()),
        Some("LY")
    );
    let lebanon = "Der Libanon wählt. In Tripolis tagte am Montag der Stadtrat.";
    let m = p.link(lebanon, &Decisions::new());
    assert_eq!(
        chosen(&m, "Tripolis").map(|c| c.country.as_str()),
        Some("LB")
    );
}

#[test]
fn essen_as_a_meal_is_not_linked() {
    let p = small_parser(&[]);
    let m = p.link(
        "Beim Essen am Abend sprach der Minister.",
        &Decisions::new(),
    );
    assert!(chosen(&m, "Essen").is_none());
    let m = p.link("Nach dem Essen wollten sie essen gehen.", &Decisions::new());
    assert!(chosen(&m, "Essen").is_none());
    // Lowercase words are not even reported.
    assert!(m.iter().all(|x| x.surface != "essen"));
}

#[test]
fn a_users_decision_wins() {
    let p = small_parser(&[]);
    let text = "In Tripolis tagte das Parlament.";
    let mut decisions = Decisions::new();
    decisions.insert(
        "tripolis".into(),
        Decision::Place(PlaceKey::GeoNames(266_826)),
    );
    let m = p.link(text, &decisions);
    let t = m.iter().find(|x| x.surface == "Tripolis").unwrap();
    assert_eq!(t.status, LinkStatus::Sure);
    assert!((t.confidence - 1.0).abs() < f32::EPSILON);
    assert_eq!(t.candidates[t.chosen.unwrap()].country, "LB");
    // A place that is no candidate of the name is added from the gazetteer.
    decisions.insert(
        "tripolis".into(),
        Decision::Place(PlaceKey::GeoNames(1_527_534)),
    );
    let m = p.link(text, &decisions);
    let t = m.iter().find(|x| x.surface == "Tripolis").unwrap();
    assert_eq!(t.candidates[t.chosen.unwrap()].name, "Osh");
    decisions.insert("tripolis".into(), Decision::Reject);
    let m = p.link(text, &decisions);
    let t = m.iter().find(|x| x.surface == "Tripolis").unwrap();
    assert_eq!((t.status, t.chosen), (LinkStatus::Rejected, None));
}

#[test]
fn a_curated_place_wins_over_its_geonames_twin() {
    let curated = CuratedPlace {
        key: "taschkent".into(),
        names: vec!["Taschkent".into(), "Tashkent".into()],
        adjectives: Vec::new(),
        kind: FeatureKind::Capital,
        country: "UZ".into(),
        lat: 41.2647,
        lon: 69.2163,
        geonameid: None,
    };
    let p = small_parser(&[curated]);
    // "Taškent" is only a GeoNames name, but the place is the curated one.
    for text in ["Treffen in Taschkent.", "Treffen in Taškent."] {
        let m = p.link(text, &Decisions::new());
        let c = m.first().and_then(|x| x.candidates.get(x.chosen?)).unwrap();
        assert_eq!(c.place, PlaceKey::Curated("taschkent".into()), "{text}");
        assert_eq!(m[0].candidates.len(), 1, "{text}");
    }
}

#[test]
fn adjectives_and_genitives_name_their_country() {
    let m = small_parser(&[]).link(
        "Die kirgisische Seite und Kirgistans Nachbarn.",
        &Decisions::new(),
    );
    assert_eq!(
        chosen(&m, "kirgisische").map(|c| c.kind),
        Some(FeatureKind::Country)
    );
    assert_eq!(
        chosen(&m, "Kirgistans").map(|c| c.country.as_str()),
        Some("KG")
    );
}

#[test]
fn english_appositions_and_possessives_work() {
    let m = small_parser(&[]).link(
        "Osh (Kyrgyzstan) and Tripoli's port, Libya.",
        &Decisions::new(),
    );
    assert_eq!(chosen(&m, "Osh").map(|c| c.country.as_str()), Some("KG"));
    assert_eq!(
        chosen(&m, "Tripoli").map(|c| c.country.as_str()),
        Some("LY")
    );
}
