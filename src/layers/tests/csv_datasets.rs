//! UCDP GED, ACLED, PA-X and generic CSVs: recognised, mapped onto GED's precision scales,
//! and their bad rows reported by line and skipped while the later rows still load. The rows
//! are invented in each dataset's style; they are not quoted from the datasets.

use super::super::{Dataset, Lookups, ProblemKind, Role, parse_actors};
use super::{csv_layer, csv_layer_with, day, problem_lines};

const GED_HEADER: &str = "id,relid,year,type_of_violence,dyad_name,side_a,side_b,source_article,where_prec,where_description,adm_1,latitude,longitude,country,date_prec,date_start,date_end,best";

#[test]
fn ged_rows_keep_their_precisions_and_bad_rows_are_reported_by_line() {
    let text = format!(
        "{GED_HEADER}\n\
         244657,AFG-2017-1-411-1,2017,1,Government of Afghanistan - Taleban,Government of Afghanistan,Taleban,\"Reuters, 2017-01-24 \"\"Taleban attack checkpoint\"\"\",2,Kunduz town,Kunduz province,36.728,68.857,Afghanistan,1,2017-01-23,2017-01-23,4\n\
         244658,AFG-2017-1-411-2,2017,1,,Government of Afghanistan,Taleban,x,1,Herat,Herat province,134.3,62.2,Afghanistan,1,2017-01-23,2017-01-23,2\n\
         244659,AFG-2017-1-411-3,2017,1,,Government of Afghanistan,Taleban,x,1,Herat,Herat province,34.3,62.2,Afghanistan,1,2017-02-30,2017-02-30,2\n\
         244660,AFG-2017-1-411-4,2017,1,,Government of Afghanistan,Taleban,x,1,Herat\n\
         244661,AFG-2017-3-1-5,2017,3,,IS,Civilians,\"two\nlines\",4,,Nangarhar province,34.2,70.4,Afghanistan,3,2017-03-06,2017-03-12,7\n\
         244662,AFG-2017-3-1-6,2017,3,,IS,Civilians,x,9,,Nangarhar province,34.2,70.4,Afghanistan,5,2017-01-01,2017-12-31,7\n"
    );
    let layer = csv_layer(&text, None);
    assert_eq!(layer.dataset, Dataset::Ged);
    assert_eq!(
        problem_lines(&layer),
        [
            (3, ProblemKind::Coordinate),
            (4, ProblemKind::Date),
            (5, ProblemKind::FieldCount),
            (8, ProblemKind::Precision)
        ]
    );
    let r = &layer.records;
    assert_eq!(
        r.source_id.iter().collect::<Vec<_>>(),
        ["244657", "244661", "244662"]
    );
    assert_eq!(r.line[..], [2, 6, 8]);
    assert_eq!((r.date_prec[0], r.where_prec[0]), (1, 2));
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1], r.where_prec[1]),
        (day(2017, 3, 6), day(2017, 3, 12), 3, 4)
    );
    assert_eq!(
        r.where_prec[2], 0,
        "an unknown where_prec is kept as unknown"
    );
    assert_eq!(r.title.get(0), Some("Government of Afghanistan - Taleban"));
    assert_eq!(r.title.get(1), Some("IS – Civilians"));
    assert_eq!(r.place.get(1), Some("Nangarhar province"));
    assert_eq!(r.category.get(1), Some("one-sided violence"));
    assert_eq!(
        r.note.get(0),
        Some("Reuters, 2017-01-24 \"Taleban attack checkpoint\"")
    );
    let actors = parse_actors(r.actors.get(0).unwrap());
    assert_eq!(actors.len(), 2);
    assert!(actors.iter().all(|a| a.role == Some(Role::Party)));
}

#[test]
fn acled_dates_and_precisions_are_mapped_onto_ged_scales() {
    let text = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,notes,iso\n\
        UKR1234,2022-03-15,2022,1,Battles,Armed clash,Military Forces of Russia (2000-),Military Forces of Ukraine (2019-),Ukraine,Kharkiv,Izium,49.2,37.27,1,\"On 15 March 2022, clashes near Izium.\",804\n\
        UKR1235,15 March 2022,2022,2,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),,Ukraine,Kharkiv,Kharkiv,49.99,36.23,2,,804\n\
        UKR1236,15-March-2022,2022,3,Protests,Peaceful protest,Protesters (Ukraine),,Ukraine,Lviv,Lviv,49.84,24.03,3,,804\n\
        UKR1237,2022-13-01,2022,1,Protests,Peaceful protest,Protesters (Ukraine),,Ukraine,Lviv,Lviv,49.84,24.03,1,,804\n";
    let layer = csv_layer(text, None);
    assert_eq!(layer.dataset, Dataset::Acled);
    assert_eq!(problem_lines(&layer), [(5, ProblemKind::Date)]);
    let r = &layer.records;
    let d = day(2022, 3, 15);
    assert_eq!(
        (r.start[0], r.end[0], r.date_prec[0], r.where_prec[0]),
        (d, d, 1, 1)
    );
    assert_eq!(
        (r.start[1], r.end[1], r.date_prec[1], r.where_prec[1]),
        (d - 3, d + 3, 3, 2)
    );
    assert_eq!(
        (r.start[2], r.end[2], r.date_prec[2], r.where_prec[2]),
        (day(2022, 3, 1), day(2022, 3, 31), 4, 4)
    );
    assert_eq!(r.title.get(0), Some("Armed clash"));
    assert_eq!(r.category.get(0), Some("Battles"));
    assert_eq!(r.place.get(0), Some("Izium, Kharkiv, Ukraine"));
    assert_eq!(
        r.actors.get(0),
        Some(
            "Military Forces of Russia (2000-) (party); Military Forces of Ukraine (2019-) (party)"
        )
    );
}

#[test]
fn pax_agreements_are_placed_at_their_country_with_third_parties_and_roles() {
    // Columns in PA-X's order, with a few of the ~279 others around them.
    let text = "Con,PP,PPName,Reg,AgtId,Agt,Dat,Status,Stage,Part,ThrdPart,Loc1ISO,Loc2ISO,GCh\n\
        Tajikistan,101,Tajikistan peace process,Europe and Eurasia,1234,Protocol on the Fundamental Principles,17/08/1995,Multiparty signed/agreed,SubPar,\"Emomali Rahmonov, President; Said Abdullo Nuri, UTO\",\"Russian Federation (mediator); Islamic Republic of Iran (observer), Pakistan (observer)\",TJK,,0\n\
        Georgia/Abkhazia,102,Georgia-Abkhazia peace process,Europe and Eurasia,1235,Moscow Agreement,14/05/1994,Multiparty signed/agreed,Cea,Georgia; Abkhazia,\"In the presence of the Russian Federation, the UN and OSCE\",GEO,RUS,0\n\
        Atlantis,103,Atlantis process,Other,1236,Atlantis accord,01/01/2001,,Pre,,,ATL,,0\n\
        Tajikistan,101,Tajikistan peace process,Europe and Eurasia,1237,Bad date,31/02/1996,,Pre,,,TJK,,0\n";
    let country = |iso: &str| match iso {
        "TJK" => Some((38.86, 71.28)),
        "GEO" => Some((42.32, 43.36)),
        _ => None,
    };
    let lookups = Lookups {
        place: &|_| None,
        country: &country,
    };
    let layer = csv_layer_with(text, None, lookups);
    assert_eq!(layer.dataset, Dataset::PaX);
    assert_eq!(
        problem_lines(&layer),
        [(4, ProblemKind::PlaceNotFound), (5, ProblemKind::Date)]
    );
    let r = &layer.records;
    assert_eq!(
        r.source_id.iter().collect::<Vec<_>>(),
        ["1234", "1235", "1236"]
    );
    assert_eq!(
        (r.start[0], r.date_prec[0], r.where_prec[0]),
        (day(1995, 8, 17), 1, 6)
    );
    assert!((r.lat[0] - 38.86).abs() < 1e-4);
    assert_eq!(r.place.get(1), Some("GEO; RUS"));
    assert_eq!(r.category.get(0), Some("SubPar"));
    assert!(
        !r.has_location(2),
        "an unknown country leaves the agreement unplaced"
    );
    let third = parse_actors(r.actors.get(0).unwrap());
    assert_eq!(third[0].name, "Russian Federation");
    assert_eq!(third[0].role, Some(Role::Mediator));
    assert_eq!(third[2].role, Some(Role::Observer));
    let witnesses = parse_actors(r.actors.get(1).unwrap());
    assert_eq!(witnesses.len(), 3, "{witnesses:?}");
    assert!(witnesses.iter().all(|w| w.role == Some(Role::Witness)));
}

#[test]
fn a_generic_csv_is_mapped_and_unlocated_places_go_through_the_gazetteer() {
    let text = "Titel;Datum;Ort;Breite;Länge;Beschreibung\n\
        Gespräch in Astana;23.01.2017;Astana;51,16;71,47;erste Runde\n\
        Treffen;2017-02;Almaty;;;\n\
        Konferenz;2018~;Nirgendwo;;;\n\
        Kaputt;gestern;Astana;;;\n";
    let place = |name: &str| (name == "Almaty").then_some((43.24, 76.89, 1u8));
    let lookups = Lookups {
        place: &place,
        country: &|_| None,
    };
    let layer = csv_layer_with(text, None, lookups);
    let Dataset::Csv(mapping) = &layer.dataset else {
        panic!("generic")
    };
    assert_eq!(
        (mapping.title, mapping.date, mapping.place),
        (Some(0), Some(1), Some(2))
    );
    assert_eq!(
        problem_lines(&layer),
        [(4, ProblemKind::PlaceNotFound), (5, ProblemKind::Date)]
    );
    let r = &layer.records;
    assert_eq!(r.len(), 3);
    assert!((r.lat[0] - 51.16).abs() < 1e-4 && (r.lon[0] - 71.47).abs() < 1e-4);
    assert!((r.lat[1] - 43.24).abs() < 1e-4);
    assert_eq!(r.where_prec[1], 1);
    assert!(!r.has_location(2));
    assert!(r.circa[2]);
    assert_eq!(r.date_prec[1], 4);
}
