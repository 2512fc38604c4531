use super::*;

#[test]
fn texts_give_back_what_was_pushed_including_empty_strings() {
    let mut texts = Texts::default();
    for s in ["Kabul", "", "Aleppo, Syria", "Ürümqi"] {
        texts.push(s).unwrap();
    }
    assert_eq!(texts.len(), 4);
    assert_eq!(
        texts.iter().collect::<Vec<_>>(),
        ["Kabul", "", "Aleppo, Syria", "Ürümqi"]
    );
    assert_eq!(texts.get(4), None);
}

#[test]
fn a_row_comes_back_from_the_columns() {
    let mut records = Records::default();
    let row = Row {
        lon: 69.2,
        lat: 34.5,
        start: 10,
        end: 12,
        date_prec: 2,
        title: "Clash",
        source_id: "42",
        line: 2,
        ..Row::default()
    };
    records.push(&row).unwrap();
    records.push(&Row::default()).unwrap();
    assert_eq!(records.len(), 2);
    assert_eq!(records.row(0), Some(row));
    assert!(records.has_location(0));
    assert!(!records.has_location(1));
    assert_eq!(records.start[1], UNKNOWN_DAY);
}

#[test]
fn actors_round_trip_through_their_text() {
    let people = vec![
        Participant::new("Government of Afghanistan", Some(Role::Party)),
        Participant::new("Taleban", Some(Role::Party)),
        Participant::new("Party of Regions (Ukraine)", None),
        Participant::new("OSCE", Some(Role::Observer)),
    ];
    let text = format_actors(&people);
    assert_eq!(
        text,
        "Government of Afghanistan (party); Taleban (party); Party of Regions (Ukraine); OSCE (observer)"
    );
    assert_eq!(parse_actors(&text), people);
    assert_eq!(Role::from_name("Observers"), Some(Role::Observer));
    assert_eq!(parse_actors(""), Vec::new());
}
