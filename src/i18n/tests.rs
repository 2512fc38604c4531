//! The interface's words: every message exists in every language, each `.ftl` parses, and the
//! grammar the messages exist for comes out right.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;
use crate::model::{Date, When};

#[test]
fn counts_take_the_right_number() {
    let cases = [
        (count_events(1, Lang::De), "1 Ereignis"),
        (count_events(3, Lang::De), "3 Ereignisse"),
        (count_articles(1, Lang::En), "1 article"),
        (count_places(0, Lang::En), "0 places"),
        (count_points(1, Lang::De), "1 Punkt"),
        (count_points(2, Lang::De), "2 Punkte"),
        (count_points(1, Lang::En), "1 point"),
        // "von" takes the dative: "41 von 41 Ereignissen".
        (shown_of_events(41, 41, Lang::De), "41 von 41 Ereignissen"),
        (shown_of_events(0, 1, Lang::De), "0 von 1 Ereignis"),
        (shown_of_events(3, 41, Lang::En), "3 of 41 events"),
        // Russian has three forms for whole numbers: 1, 21 / 2–4, 22 / 5–20, 25.
        (count_events(1, Lang::Ru), "1 событие"),
        (count_events(3, Lang::Ru), "3 события"),
        (count_events(5, Lang::Ru), "5 событий"),
        (count_events(11, Lang::Ru), "11 событий"),
        (count_events(21, Lang::Ru), "21 событие"),
        (count_points(22, Lang::Ru), "22 балла"),
        // "из" takes the genitive: singular after 1 and 41, plural after 5.
        (shown_of_events(41, 41, Lang::Ru), "41 из 41 события"),
        (shown_of_events(3, 5, Lang::Ru), "3 из 5 событий"),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn german_and_russian_locales_choose_their_language_and_others_english() {
    assert_eq!(Lang::from_locale("de-DE"), Lang::De);
    assert_eq!(Lang::from_locale("de_AT.UTF-8"), Lang::De);
    assert_eq!(Lang::from_locale("en-US"), Lang::En);
    assert_eq!(Lang::from_locale("kk-KZ"), Lang::En);
    assert_eq!(Lang::from_locale("ru_KZ.UTF-8"), Lang::Ru);
}

#[test]
fn dates_are_written_no_more_precisely_than_known() {
    assert_eq!(
        format_date(
            Date::Day {
                year: 2025,
                month: 8,
                day: 8
            },
            Lang::De
        ),
        "8. August 2025"
    );
    assert_eq!(
        format_date(
            Date::Day {
                year: 2025,
                month: 8,
                day: 8
            },
            Lang::En
        ),
        "8 August 2025"
    );
    assert_eq!(
        format_date(
            Date::Month {
                year: 2024,
                month: 3
            },
            Lang::De
        ),
        "März 2024"
    );
    assert_eq!(format_date(Date::Year { year: 1991 }, Lang::En), "1991");
    assert_eq!(format_date(Date::Unknown, Lang::De), "Datum unbekannt");
    // A day's month is in the genitive in Russian, a month with its year is not.
    assert_eq!(
        format_date(
            Date::Day {
                year: 2025,
                month: 8,
                day: 8
            },
            Lang::Ru
        ),
        "8 августа 2025"
    );
    assert_eq!(
        format_date(
            Date::Month {
                year: 2025,
                month: 8
            },
            Lang::Ru
        ),
        "август 2025"
    );
}

/// The variables a message uses (`$n`, `$title`), by message id.
fn variables(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    fn pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out);
            }
        }
    }
    fn expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => inline(i, out),
        }
    }
    fn inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    let resource = FluentResource::try_new(source.to_owned()).expect("parses");
    resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut out = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern(value, &mut out);
                }
                Some((m.id.name.to_owned(), out))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_ftl_file_parses() {
    for (lang, file, source) in fluent::SOURCES {
        if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
            panic!("{file} ({lang:?}) does not parse: {errors:?}");
        }
    }
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let english = variables(fluent::SOURCES[1].2);
    assert!(english.len() > 300, "{} messages", english.len());
    for (lang, file, source) in fluent::SOURCES {
        let other = variables(source);
        let missing: Vec<&String> = english
            .keys()
            .filter(|id| !other.contains_key(*id))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(missing.is_empty(), "{file} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{file} has messages English lacks: {extra:?}"
        );
        for (id, vars) in &english {
            assert_eq!(
                &other[id], vars,
                "{file}: {id} uses other variables ({lang:?})"
            );
        }
    }
}

/// The ids of `tr!(lang, "id", …)` and `msg!("id", …)` in the sources.
fn ids_in_sources(dir: &std::path::Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            ids_in_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n/tests.rs") {
            let text = std::fs::read_to_string(&path).expect("source");
            // `tr!(lang, "id", …)`: the id comes second.
            for (at, _) in text.match_indices("tr!(") {
                let rest = &text[at..];
                let Some(comma) = rest.find(',') else {
                    continue;
                };
                let after = rest[comma + 1..].trim_start();
                if let Some(literal) = after.strip_prefix('"') {
                    let id = &literal[..literal.find('"').expect("closing quote")];
                    out.insert(id.to_owned());
                }
            }
            // `msg!("id", …)`: first.
            for (at, _) in text.match_indices("msg!(") {
                let after = text[at + 5..].trim_start();
                if let Some(literal) = after.strip_prefix('"') {
                    let id = &literal[..literal.find('"').expect("closing quote")];
                    out.insert(id.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists_in_every_language() {
    let mut ids: BTreeSet<String> = table_ids().into_iter().collect();
    let before = ids.len();
    ids_in_sources(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut ids,
    );
    assert!(ids.len() > before + 40, "the sources' tr! ids were found");
    for lang in Lang::ALL {
        let missing: Vec<&String> = ids
            .iter()
            .filter(|id| !fluent::has_message(lang, id))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

#[test]
fn tables_are_filled_from_the_files_in_each_language() {
    assert_eq!(Lang::De.t().close, "Schließen");
    assert_eq!(Lang::En.t().close, "Close");
    assert_eq!(Lang::Ru.t().close, "Закрыть");
    assert_eq!(event_kind(EventKind::Talks, Lang::Ru), "Переговоры");
    // Fluent's isolation marks would show as boxes in egui: they are off.
    assert_eq!(draft_of(2, 3, Lang::De), "Datei 2 von 3");
    assert!(Lang::De.lib().drop_hint.starts_with('…'));
    // A multi-line message keeps its paragraphs.
    assert!(Lang::En.t().help_text.contains("\n\nGazetteer"));
    // Braces written as string literals come out as braces.
    assert!(Lang::De.network().custom_url.contains("{z}"));
}

#[test]
fn lessons_list_what_they_hold_in_each_language() {
    let counts = crate::library::lesson::Counts {
        tours: 1,
        articles: 2,
        events: 5,
        places: 0,
        processes: 1,
    };
    let path = std::path::Path::new("/tmp/x.atlas");
    assert_eq!(
        lesson_saved(path, &counts, Lang::De),
        "Lektion gespeichert: /tmp/x.atlas (1 Tour, 2 Artikel, 5 Ereignisse, 1 Prozess)"
    );
    assert_eq!(
        lesson_saved(path, &counts, Lang::Ru),
        "Урок сохранён: /tmp/x.atlas (1 тур, 2 статьи, 5 событий, 1 процесс)"
    );
}

#[test]
fn the_bundled_fonts_draw_every_letter_of_every_language() {
    let noto =
        ttf_parser::Face::parse(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"), 0)
            .expect("Noto Sans parses");
    let bold = ttf_parser::Face::parse(include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"), 0)
        .expect("Noto Sans Bold parses");
    let dejavu = ttf_parser::Face::parse(include_bytes!("../../assets/fonts/DejaVuSans.ttf"), 0)
        .expect("DejaVu Sans parses");
    for (lang, file, source) in fluent::SOURCES {
        for c in source.chars().filter(|c| !c.is_control()) {
            assert!(
                (noto.glyph_index(c).is_some() && bold.glyph_index(c).is_some())
                    || dejavu.glyph_index(c).is_some(),
                "{file} ({lang:?}): no bundled font has “{c}” (U+{:04X})",
                u32::from(c)
            );
        }
    }
}

#[test]
fn counts_are_grouped_as_each_language_writes_them() {
    use super::format_count;
    assert_eq!(format_count(1_000_000, Lang::De), "1.000.000");
    assert_eq!(format_count(1_000_000, Lang::En), "1,000,000");
    assert_eq!(format_count(1_000_000, Lang::Ru), "1\u{a0}000\u{a0}000");
    assert_eq!(format_count(999, Lang::De), "999");
    assert_eq!(format_count(12_345, Lang::En), "12,345");
    assert_eq!(format_count(0, Lang::En), "0");
}

#[test]
fn a_time_is_written_as_precise_as_it_is_known_in_each_language() {
    let w = |t: &str| When::parse(t).expect("EDTF");
    assert_eq!(
        format_when(w("2017-01-23/2017-01-24"), Lang::De),
        "23.–24. Januar 2017"
    );
    assert_eq!(
        format_when(w("2017-01-23/2017-01-24"), Lang::En),
        "23–24 January 2017"
    );
    assert_eq!(
        format_when(w("2017-01-23/2017-01-24"), Lang::Ru),
        "23–24 января 2017"
    );
    assert_eq!(
        format_when(w("2022-02/2024-04-22"), Lang::En),
        "February 2022 – 22 April 2024"
    );
    assert_eq!(format_when(w("2020~"), Lang::De), "ca. 2020");
    assert_eq!(format_when(w("2020~"), Lang::En), "c. 2020");
    assert_eq!(format_when(w("2020~"), Lang::Ru), "ок. 2020");
    assert_eq!(format_when(w("unknown"), Lang::En), "Date unknown");
}
