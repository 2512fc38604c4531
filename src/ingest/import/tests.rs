//! Tests of the import, one format at a time, on the small fixtures in
//! `tests/fixtures/import/`. The PDF tests are in `pdf.rs`, with the PDFs they make.

use super::*;

const NEWS_HTML: &[u8] = include_bytes!("../../../tests/fixtures/import/news.html");
const NO_TEXT_HTML: &[u8] = include_bytes!("../../../tests/fixtures/import/no-text.html");
const ARTICLE_MD: &[u8] = include_bytes!("../../../tests/fixtures/import/article.md");
const WINDOWS_1252_TXT: &[u8] = include_bytes!("../../../tests/fixtures/import/windows-1252.txt");
const KOI8_R_TXT: &[u8] = include_bytes!("../../../tests/fixtures/import/koi8-r.txt");
const UTF16LE_TXT: &[u8] = include_bytes!("../../../tests/fixtures/import/utf16le.txt");
const UTF16BE_TXT: &[u8] = include_bytes!("../../../tests/fixtures/import/utf16be.txt");
const EMPTY_TXT: &[u8] = include_bytes!("../../../tests/fixtures/import/empty.txt");

#[test]
fn an_html_news_page_gives_only_its_article_text() {
    let imported = import_bytes("news.html", NEWS_HTML).expect("imported");
    assert_eq!(imported.format, Format::Html);
    let text = &imported.text;
    assert!(
        text.starts_with("ALMATY, March 12, 2024 — Kazakhstan has offered"),
        "{text}"
    );
    assert!(text.contains("Astana format talks on Syria."), "{text}");
    for chrome in [
        "cookie",
        "Subscribe",
        "Most read",
        "Great news",
        "rights reserved",
        "track(",
    ] {
        assert!(!text.contains(chrome), "{chrome:?} in {text}");
    }
    // Paragraphs as blocks, and the page's source line wraps joined by the HTML reading.
    assert_eq!(text.matches("\n\n").count(), 3, "{text}");
    assert!(text.contains("foreign ministers of Armenia"), "{text}");
    assert_eq!(imported.language, Language::En);
}

#[test]
fn an_html_news_page_gives_title_author_source_and_date_from_its_metadata() {
    let imported = import_bytes("news.html", NEWS_HTML).expect("imported");
    assert_eq!(
        imported.title.as_deref(),
        Some("Astana offers to host next round of talks")
    );
    assert_eq!(imported.author.as_deref(), Some("Dana Example"));
    assert_eq!(imported.source.as_deref(), Some("Steppe Courier"));
    assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
    assert!(imported.notes.is_empty(), "{:?}", imported.notes);
}

#[test]
fn without_json_ld_and_meta_tags_the_date_comes_from_the_time_element() {
    let html = String::from_utf8_lossy(NEWS_HTML)
        .replace("\"datePublished\"", "\"x\"")
        .replace("article:published_time", "x");
    let imported = import_bytes("news.html", html.as_bytes()).expect("imported");
    assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
    assert!(!imported.notes.contains(&ImportNote::DateFromDateline));
}

#[test]
fn an_html_page_in_a_legacy_charset_is_decoded_as_it_declares() {
    let mut html = b"<html><head><meta charset=\"windows-1252\"><title>Almaty</title></head>\
        <body><article><p>"
        .to_vec();
    html.extend_from_slice(
        &WINDOWS_1252_TXT
            .split(|&b| b == b'\r')
            .collect::<Vec<_>>()
            .join(&b"</p><p>"[..]),
    );
    html.extend_from_slice(b"</p></article></body></html>");
    let imported = import_bytes("seite.htm", &html).expect("imported");
    assert!(
        imported.text.contains("Die Außenminister"),
        "{}",
        imported.text
    );
    assert_eq!(
        imported.notes,
        [
            ImportNote::LegacyEncoding {
                encoding: "windows-1252"
            },
            ImportNote::DateFromDateline
        ]
    );
}

#[test]
fn an_html_page_without_article_text_is_refused_with_no_article_text() {
    assert_eq!(
        import_bytes("start.html", NO_TEXT_HTML),
        Err(ImportError::NoArticleText)
    );
}

#[test]
fn a_markdown_file_with_front_matter_gives_its_metadata_and_plain_paragraphs() {
    let imported = import_bytes("article.md", ARTICLE_MD).expect("imported");
    assert_eq!(imported.format, Format::Markdown);
    assert_eq!(
        imported.title.as_deref(),
        Some("Gespräche in Almaty: ein Zwischenstand")
    );
    assert_eq!(
        imported.author.as_deref(),
        Some("Jana Beispiel, Max Muster")
    );
    assert_eq!(imported.source.as_deref(), Some("Zentralasien-Notizen"));
    assert_eq!(imported.date.as_deref(), Some("2024-04"));
    assert_eq!(imported.language, Language::De);
    assert!(
        imported
            .notes
            .contains(&ImportNote::HeaderRead { lines: 9 })
    );
    let expected = "Gespräche in Almaty\n\n\
        Die Außenminister beider Länder haben sich in Almaty getroffen. Nach Angaben des\n\
        kasachischen Außenministeriums verliefen die Gespräche\n\
        konstruktiv; ein Abschlussdokument gab es jedoch nicht.\n\n\
        Offene Fragen\n\n\
        - die Abgrenzung der Grenze\n\n\
        - die Öffnung der Verkehrswege\n\n\
        - der Wortlaut eines Friedensvertrags\n\n\
        Beide Seiten betonten, dass weitere Treffen folgen sollen.\n\n\
        Eingerückter Absatz, den Markdown als Code liest.";
    assert_eq!(imported.text, expected);
}

#[test]
fn a_text_file_with_markdown_marks_is_read_as_markdown_without_an_extension() {
    let imported = import_bytes("notes", ARTICLE_MD).expect("imported");
    assert_eq!(imported.format, Format::Markdown);
    let plain = import_bytes("notes", b"Eine Zeile.\n\n- ein Punkt\n- noch einer\n").expect("text");
    assert_eq!(plain.format, Format::Text);
    assert_eq!(
        import_bytes("page", NEWS_HTML).map(|i| i.format),
        Ok(Format::Html)
    );
}

#[test]
fn a_windows_1252_german_text_is_converted_with_a_note_naming_the_encoding() {
    let imported = import_bytes("artikel.txt", WINDOWS_1252_TXT).expect("imported");
    assert!(
        imported.notes.contains(&ImportNote::LegacyEncoding {
            encoding: "windows-1252"
        }),
        "{:?}",
        imported.notes
    );
    assert!(
        imported
            .text
            .starts_with("Almaty, 12. März 2024 – Die Außenminister")
    );
    assert!(imported.text.contains("Größere Fortschritte"));
    assert!(!imported.text.contains('\r'));
    assert_eq!(imported.text.matches("\n\n").count(), 2);
    assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
    assert!(imported.notes.contains(&ImportNote::DateFromDateline));
    assert!(imported.notes.contains(&ImportNote::TitleFromFirstLine));
    assert_eq!(imported.language, Language::De);
}

#[test]
fn a_koi8_r_russian_text_is_converted_and_detected_as_russian() {
    let imported = import_bytes("novosti.txt", KOI8_R_TXT).expect("imported");
    // chardetng names KOI8-U, the superset of KOI8-R that browsers use for both: the same
    // letters for Russian text.
    assert!(
        imported
            .notes
            .contains(&ImportNote::LegacyEncoding { encoding: "KOI8-U" }),
        "{:?}",
        imported.notes
    );
    assert!(imported.text.starts_with("Алматы, 12 марта 2024 года."));
    assert_eq!(imported.language, Language::Other("rus".to_owned()));
}

#[test]
fn a_utf16_text_with_a_byte_order_mark_is_read_in_either_byte_order() {
    for (bytes, encoding) in [(UTF16LE_TXT, "UTF-16LE"), (UTF16BE_TXT, "UTF-16BE")] {
        let imported = import_bytes("talks.txt", bytes).expect("imported");
        assert!(imported.notes.contains(&ImportNote::Utf16 { encoding }));
        assert!(
            imported
                .notes
                .contains(&ImportNote::HeaderRead { lines: 2 })
        );
        assert_eq!(imported.title.as_deref(), Some("Talks resume in Almaty"));
        assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
        assert!(imported.text.starts_with("The foreign ministers met again"));
        assert_eq!(imported.language, Language::En);
    }
}

/// UTF-16LE with a byte order mark, with `lone` unpaired surrogates (undecodable) in it.
fn utf16le_with_lone_surrogates(text: &str, lone: usize) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    for _ in 0..lone {
        bytes.extend_from_slice(&[0x00, 0xd8, b'x', 0x00]);
    }
    bytes
}

#[test]
fn a_few_undecodable_characters_are_replaced_with_a_note_and_many_make_the_file_unreadable() {
    let text = "Die Gespräche in Almaty werden in der kommenden Woche fortgesetzt.";
    let imported = import_bytes("a.txt", &utf16le_with_lone_surrogates(text, 1)).expect("imported");
    assert!(imported.text.starts_with(text));
    assert!(
        imported.notes.contains(&ImportNote::Replaced { count: 1 }),
        "{:?}",
        imported.notes
    );
    assert!(matches!(
        import_bytes("a.txt", &utf16le_with_lone_surrogates(text, 40)),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn a_utf8_byte_order_mark_is_dropped_and_needs_no_note() {
    let imported =
        import_bytes("a.txt", "\u{feff}Titel\n\nText über Almaty.".as_bytes()).expect("imported");
    assert_eq!(imported.text, "Titel\n\nText über Almaty.");
    assert_eq!(imported.notes, [ImportNote::TitleFromFirstLine]);
}

#[test]
fn an_empty_file_is_refused_as_empty() {
    for name in ["empty.txt", "empty.md", "empty.html", "empty.pdf", "empty"] {
        assert_eq!(
            import_bytes(name, EMPTY_TXT),
            Err(ImportError::Empty),
            "{name}"
        );
    }
    assert_eq!(
        import_bytes("blank.txt", b" \n\r\n\t\n"),
        Err(ImportError::Empty)
    );
    assert_eq!(import_pasted("  \n "), Err(ImportError::Empty));
}

#[test]
fn a_binary_file_is_refused_as_binary() {
    let png_start = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    assert_eq!(
        import_bytes("bild.txt", png_start),
        Err(ImportError::Binary)
    );
    assert_eq!(import_bytes("bild", png_start), Err(ImportError::Binary));
    let controls: Vec<u8> = (0..200u8)
        .map(|i| if i % 3 == 0 { 0x1b } else { b'a' })
        .collect();
    assert_eq!(import_bytes("x.txt", &controls), Err(ImportError::Binary));
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, size, limit) in [
        ("huge.pdf", 64 * 1024 * 1024, MAX_PDF_BYTES),
        ("huge.html", 6 * 1024 * 1024, MAX_HTML_BYTES),
        ("huge.txt", 2 * 1024 * 1024, MAX_TEXT_BYTES),
        ("huge", 30 * 1024 * 1024, MAX_PDF_BYTES),
    ] {
        let path = dir.path().join(name);
        let file = std::fs::File::create(&path).expect("create");
        // A sparse file: its size is set, its bytes are never written.
        file.set_len(size).expect("set_len");
        assert_eq!(
            import_file(&path),
            Err(ImportError::TooLarge { size, limit }),
            "{name}"
        );
    }
    let text = vec![b'a'; 2 * 1024 * 1024];
    assert!(matches!(
        import_bytes("long.txt", &text),
        Err(ImportError::TooLarge { .. })
    ));
    let pasted = "a ".repeat(600 * 1024);
    assert!(matches!(
        import_pasted(&pasted),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn a_file_is_read_from_disk_and_a_missing_one_is_an_io_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("news.html");
    std::fs::write(&path, NEWS_HTML).expect("write");
    assert_eq!(
        import_file(&path),
        import_bytes("news.html", NEWS_HTML),
        "the file gives what its bytes give"
    );
    assert!(matches!(
        import_file(&dir.path().join("missing.txt")),
        Err(ImportError::Io(_))
    ));
}

#[test]
fn a_key_value_header_is_read_and_removed_but_a_first_paragraph_with_a_colon_stays_text() {
    let imported = import_pasted(
        "Titel: Gespräche in Astana\nAutor: Jana Beispiel\nQuelle: Steppenbote\n\
         Datum: 12. März 2024\n\nDer Text beginnt hier.",
    )
    .expect("imported");
    assert_eq!(imported.text, "Der Text beginnt hier.");
    assert_eq!(imported.title.as_deref(), Some("Gespräche in Astana"));
    assert_eq!(imported.author.as_deref(), Some("Jana Beispiel"));
    assert_eq!(imported.source.as_deref(), Some("Steppenbote"));
    assert_eq!(imported.date.as_deref(), Some("2024-03-12"));
    assert_eq!(imported.format, Format::Pasted);

    let text = "Astana: Die Gespräche gehen weiter.\n\nZweiter Absatz.";
    let imported = import_pasted(text).expect("imported");
    assert_eq!(imported.text, text);
    assert_eq!(imported.date, None);
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| matches!(n, ImportNote::HeaderRead { .. }))
    );
}

#[test]
fn the_stored_date_prefix_of_an_article_is_read_as_its_date() {
    let imported = import_pasted(
        " date 2025-08-11 Kasachstans Präsident hat vorgeschlagen, weitere Gespräche abzuhalten.",
    )
    .expect("imported");
    assert_eq!(imported.date.as_deref(), Some("2025-08-11"));
    assert!(imported.text.starts_with("Kasachstans Präsident"));
    let imported = import_pasted(" date 2024-04 Seit Ausbruch des Krieges ist er der erste.")
        .expect("imported");
    assert_eq!(imported.date.as_deref(), Some("2024-04"));
    assert!(imported.text.starts_with("Seit Ausbruch"));
    let imported = import_pasted("date 2024-4 ist kein Datum.").expect("imported");
    assert_eq!(imported.date, None);
}

#[test]
fn pasted_text_without_metadata_takes_its_title_from_the_first_line() {
    let long = "Wort ".repeat(60);
    let imported = import_pasted(&format!("{long}\nweiter")).expect("imported");
    let title = imported.title.expect("title");
    assert!(title.ends_with("Wort…"), "{title}");
    assert!(title.chars().count() <= 121);
    assert!(imported.notes.contains(&ImportNote::TitleFromFirstLine));
    assert_eq!(imported.date, None);
}

#[test]
fn german_and_english_texts_are_told_apart() {
    let de =
        "Die Verhandlungen zwischen den beiden Ländern werden in der kommenden Woche fortgesetzt.";
    let en = "The negotiations between the two countries will continue in the coming week.";
    assert_eq!(import_pasted(de).map(|i| i.language), Ok(Language::De));
    assert_eq!(import_pasted(en).map(|i| i.language), Ok(Language::En));
}
