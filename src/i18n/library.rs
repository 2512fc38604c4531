//! The words of the library: adding articles, reviewing their place names, undo.

use super::Lang;
use crate::ingest::import::{ImportError, ImportNote};

/// The fixed strings of the library's dialogs and the reader's review mode.
#[allow(clippy::struct_field_names)] // The names mirror what each string is for.
pub struct LibraryStrings {
    pub add_button: &'static str,
    pub add_title: &'static str,
    pub open_file: &'static str,
    pub paste: &'static str,
    pub drop_hint: &'static str,
    pub path_prompt: &'static str,
    pub paste_hint: &'static str,
    pub next: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    pub author: &'static str,
    pub date: &'static str,
    pub date_hint: &'static str,
    pub date_invalid: &'static str,
    pub language: &'static str,
    pub german: &'static str,
    pub english: &'static str,
    pub add: &'static str,
    pub skip: &'static str,
    pub loading_gazetteer: &'static str,
    pub nothing_added: &'static str,
    pub your_articles: &'static str,
    pub no_own_articles: &'static str,
    pub remove: &'static str,
    pub remove_article: &'static str,
    pub remove_title: &'static str,
    pub remove_hint: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub nothing_to_undo: &'static str,
    pub status_sure: &'static str,
    pub status_review: &'static str,
    pub status_rejected: &'static str,
    pub review_title: &'static str,
    pub review_hint: &'static str,
    pub accept: &'static str,
    pub reject: &'static str,
    pub choose: &'static str,
    pub candidates: &'static str,
    pub search: &'static str,
    pub on_map: &'static str,
    pub link_passage: &'static str,
    pub linked_to: &'static str,
    pub not_linked: &'static str,
    pub inhabitants: &'static str,
    pub own_article: &'static str,
    pub gazetteer_credit: &'static str,
    pub preview: &'static str,
    pub clear_selection: &'static str,
    pub lesson_export: &'static str,
    pub lesson_export_title: &'static str,
    pub lesson_prompt: &'static str,
    pub lesson_hint: &'static str,
    pub lesson_prompt_tour: &'static str,
    pub browse: &'static str,
}

pub(super) const DE: LibraryStrings = LibraryStrings {
    add_button: "+ Artikel",
    add_title: "Artikel hinzufügen",
    open_file: "Datei öffnen …",
    paste: "Text einfügen",
    drop_hint: "… oder Dateien (Text, Markdown, HTML, PDF) auf das Fenster ziehen.",
    path_prompt: "Oder den Pfad einer Datei eingeben:",
    paste_hint: "Den Text des Artikels hier einfügen (Strg+V):",
    next: "Weiter",
    title: "Titel",
    source: "Quelle",
    author: "Autor/in",
    date: "Datum",
    date_hint: "JJJJ-MM-TT, JJJJ-MM, JJJJ oder „unbekannt“",
    date_invalid: "Kein gültiges Datum",
    language: "Sprache",
    german: "Deutsch",
    english: "Englisch",
    add: "Hinzufügen",
    skip: "Überspringen",
    loading_gazetteer: "Das Ortsverzeichnis wird geladen …",
    nothing_added: "nichts hinzugefügt",
    your_articles: "Eigene Artikel",
    no_own_articles: "Noch keine eigenen Artikel: bringen Sie den Artikel dieser Woche mit.",
    remove: "Entfernen",
    remove_article: "Artikel entfernen …",
    remove_title: "Artikel entfernen?",
    remove_hint: "Der Artikel, seine Ortsnamen und Ihre Prüfung verschwinden aus der Bibliothek. Strg+Z holt ihn zurück.",
    undo: "↶ Rückgängig",
    redo: "↷ Wiederholen",
    nothing_to_undo: "Nichts rückgängig zu machen",
    status_sure: "sicher",
    status_review: "unsicher",
    status_rejected: "abgelehnt",
    review_title: "Ortsname prüfen",
    review_hint: "Klicken Sie auf einen Ortsnamen, um ihn zu prüfen; markieren Sie Text mit der Maus, um einen übersehenen Ort zu verknüpfen.",
    accept: "✔ Stimmt",
    reject: "✖ Kein Ort",
    choose: "Wählen",
    candidates: "Orte dieses Namens",
    search: "Im Ortsverzeichnis suchen:",
    on_map: "Auf der Karte setzen",
    link_passage: "Mit Ort verknüpfen …",
    linked_to: "Verknüpft mit",
    not_linked: "Nicht verknüpft",
    inhabitants: "Einw.",
    own_article: "eigener Artikel",
    gazetteer_credit: "Ortsverzeichnis: GeoNames (geonames.org), CC BY 4.0",
    preview: "Anfang des Textes",
    clear_selection: "Markierung aufheben",
    lesson_export: "Als Lektion weitergeben …",
    lesson_export_title: "Als Lektion weitergeben",
    lesson_prompt: "Die ganze Bibliothek als eine Datei (.atlas) speichern unter:",
    lesson_prompt_tour: "Diese Tour mit ihren Artikeln, Ereignissen, Orten und Prozessen als eine Datei (.atlas) speichern unter:",
    browse: "Durchsuchen …",
    lesson_hint: "Eine .atlas-Datei öffnet man, indem man sie auf das Fenster zieht oder ihren Pfad unter „+ Artikel“ eingibt.",
};

pub(super) const EN: LibraryStrings = LibraryStrings {
    add_button: "+ Article",
    add_title: "Add an article",
    open_file: "Open file …",
    paste: "Paste text",
    drop_hint: "… or drop files (text, Markdown, HTML, PDF) on the window.",
    path_prompt: "Or type the path of a file:",
    paste_hint: "Paste the article's text here (Ctrl+V):",
    next: "Next",
    title: "Title",
    source: "Source",
    author: "Author",
    date: "Date",
    date_hint: "YYYY-MM-DD, YYYY-MM, YYYY or “unknown”",
    date_invalid: "Not a valid date",
    language: "Language",
    german: "German",
    english: "English",
    add: "Add",
    skip: "Skip",
    loading_gazetteer: "Loading the gazetteer …",
    nothing_added: "nothing added",
    your_articles: "Your articles",
    no_own_articles: "No articles of your own yet: bring this week's article.",
    remove: "Remove",
    remove_article: "Remove the article …",
    remove_title: "Remove the article?",
    remove_hint: "The article, its place names and your review leave the library. Ctrl+Z brings it back.",
    undo: "↶ Undo",
    redo: "↷ Redo",
    nothing_to_undo: "Nothing to undo",
    status_sure: "sure",
    status_review: "uncertain",
    status_rejected: "rejected",
    review_title: "Review a place name",
    review_hint: "Click a place name to review it; select text with the mouse to link a place the linker missed.",
    accept: "✔ Correct",
    reject: "✖ Not a place",
    choose: "Choose",
    candidates: "Places of this name",
    search: "Search the gazetteer:",
    on_map: "Put it on the map",
    link_passage: "Link to a place …",
    linked_to: "Linked to",
    not_linked: "Not linked",
    inhabitants: "inhabitants",
    own_article: "your article",
    gazetteer_credit: "Gazetteer: GeoNames (geonames.org), CC BY 4.0",
    preview: "Start of the text",
    clear_selection: "Clear the selection",
    lesson_export: "Share as a lesson …",
    lesson_export_title: "Share as a lesson",
    lesson_prompt: "Save the whole library as one file (.atlas) to:",
    lesson_prompt_tour: "Save this tour with its articles, events, places and processes as one file (.atlas) to:",
    browse: "Browse …",
    lesson_hint: "To open an .atlas file, drop it on the window or type its path under “+ Article”.",
};

/// Why a file could not be added, in the interface language.
#[must_use]
pub fn import_error(e: &ImportError, lang: Lang) -> String {
    match (e, lang) {
        (ImportError::Empty, Lang::De) => "Die Datei ist leer.".to_owned(),
        (ImportError::Empty, Lang::En) => "The file is empty.".to_owned(),
        (ImportError::Binary, Lang::De) => "Die Datei enthält Binärdaten, keinen Text.".to_owned(),
        (ImportError::Binary, Lang::En) => "The file is binary data, not text.".to_owned(),
        (ImportError::TooLarge { size, limit }, Lang::De) => format!(
            "Die Datei ist zu groß ({} MB; höchstens {} MB).",
            megabytes(*size),
            megabytes(*limit)
        ),
        (ImportError::TooLarge { size, limit }, Lang::En) => format!(
            "The file is too large ({} MB; at most {} MB).",
            megabytes(*size),
            megabytes(*limit)
        ),
        (ImportError::NoTextLayer, Lang::De) => {
            "Das PDF hat keine Textebene: gescannte PDFs brauchen zuerst eine Texterkennung (OCR)."
                .to_owned()
        }
        (ImportError::NoTextLayer, Lang::En) => {
            "The PDF has no text layer: scanned PDFs need OCR first.".to_owned()
        }
        (ImportError::NoArticleText, Lang::De) => {
            "Die HTML-Seite enthält keinen Artikeltext.".to_owned()
        }
        (ImportError::NoArticleText, Lang::En) => "The HTML page has no article text.".to_owned(),
        (ImportError::Unreadable { reason }, Lang::De) => {
            format!("Die Datei ist nicht lesbar ({reason}).")
        }
        (ImportError::Unreadable { reason }, Lang::En) => {
            format!("The file cannot be read ({reason}).")
        }
        (ImportError::Io(e), Lang::De) => format!("Die Datei kann nicht geöffnet werden ({e})."),
        (ImportError::Io(e), Lang::En) => format!("The file cannot be opened ({e})."),
    }
}

fn megabytes(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // File sizes, shown to one decimal.
    let mb = bytes as f64 / 1_048_576.0;
    format!("{mb:.1}")
}

/// What the user should know about how a file was read.
#[must_use]
pub fn import_note(note: &ImportNote, lang: Lang) -> Option<String> {
    Some(match (note, lang) {
        (ImportNote::LegacyEncoding { encoding }, Lang::De) => {
            format!("Kodierung {encoding} erkannt und umgewandelt.")
        }
        (ImportNote::LegacyEncoding { encoding }, Lang::En) => {
            format!("Encoding {encoding} detected and converted.")
        }
        (ImportNote::Utf16 { encoding }, _) => format!("{encoding}."),
        (ImportNote::Replaced { count }, Lang::De) => {
            format!("{count} unlesbare Zeichen wurden ersetzt.")
        }
        (ImportNote::Replaced { count }, Lang::En) => {
            format!("{count} unreadable characters were replaced.")
        }
        (ImportNote::PagesWithoutText { pages }, Lang::De) => {
            format!("Seiten ohne Text: {}.", join(pages))
        }
        (ImportNote::PagesWithoutText { pages }, Lang::En) => {
            format!("Pages without text: {}.", join(pages))
        }
        (ImportNote::PagesUnreadable { pages }, Lang::De) => {
            format!("Nicht lesbare Seiten: {}.", join(pages))
        }
        (ImportNote::PagesUnreadable { pages }, Lang::En) => {
            format!("Unreadable pages: {}.", join(pages))
        }
        (ImportNote::TitleFromFirstLine, Lang::De) => "Titel aus der ersten Zeile.".to_owned(),
        (ImportNote::TitleFromFirstLine, Lang::En) => "Title from the first line.".to_owned(),
        (ImportNote::DateFromDateline, Lang::De) => "Datum aus der Ortsmarke.".to_owned(),
        (ImportNote::DateFromDateline, Lang::En) => "Date from the dateline.".to_owned(),
        (ImportNote::HeaderRead { .. }, _) => return None,
    })
}

fn join(pages: &[usize]) -> String {
    pages
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// "„Titel“ hinzugefügt: 12 Ortsnamen verknüpft, 3 zu prüfen."
#[must_use]
pub fn added(title: &str, linked: usize, review: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "„{title}“ hinzugefügt: {} verknüpft, davon {review} zu prüfen.",
            super::count(linked + review, lang, ["Ortsname", "Ortsnamen"], ["", ""])
        ),
        Lang::En => format!(
            "“{title}” added: {} linked, {review} of them to review.",
            super::count(
                linked + review,
                lang,
                ["", ""],
                ["place name", "place names"]
            )
        ),
    }
}

/// "„Titel“ ist schon in Ihrer Bibliothek."
#[must_use]
pub fn duplicate(title: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("„{title}“ ist schon in Ihrer Bibliothek: nichts hinzugefügt."),
        Lang::En => format!("“{title}” is already in your library: nothing added."),
    }
}

/// "Datei 2 von 3".
#[must_use]
pub fn draft_of(i: usize, n: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Datei {i} von {n}"),
        Lang::En => format!("File {i} of {n}"),
    }
}

/// "Klicken Sie auf die Karte, wo „Woruch“ liegt."
#[must_use]
pub fn place_on_map(name: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Klicken Sie auf die Karte, wo „{name}“ liegt (Esc: abbrechen)."),
        Lang::En => format!("Click the map where “{name}” is (Esc: cancel)."),
    }
}

/// "Rückgängig gemacht" notices and the like, by what was undone.
#[must_use]
pub fn undone(lang: Lang, redo: bool) -> &'static str {
    match (lang, redo) {
        (Lang::De, false) => "Rückgängig gemacht.",
        (Lang::De, true) => "Wiederhergestellt.",
        (Lang::En, false) => "Undone.",
        (Lang::En, true) => "Redone.",
    }
}

/// The library could not be written: nothing of the edit was kept in memory either.
#[must_use]
pub fn not_saved(error: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("Nicht gespeichert: {error}. Ihre Bibliothek ist unverändert."),
        Lang::En => format!("Not saved: {error}. Your library is unchanged."),
    }
}

/// What a lesson pack brought, or why it was refused.
#[must_use]
pub fn lesson_imported(
    title: &str,
    report: &crate::library::lesson::ImportReport,
    lang: Lang,
) -> String {
    let renamed = if report.renamed.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::De => format!(" Beide behalten: {}.", report.renamed.join("; ")),
            Lang::En => format!(" Kept both: {}.", report.renamed.join("; ")),
        }
    };
    let n = counted(
        &[
            (report.tours, ["Tour", "Touren", "tour", "tours"]),
            (
                report.articles,
                ["Artikel", "Artikel", "article", "articles"],
            ),
            (report.events, ["Ereignis", "Ereignisse", "event", "events"]),
            (report.places, ["Ort", "Orte", "place", "places"]),
            (
                report.processes,
                ["Prozess", "Prozesse", "process", "processes"],
            ),
        ],
        lang,
    );
    match lang {
        Lang::De => format!(
            "Lektion „{title}“ übernommen: {n}; {} schon vorhanden.{renamed}",
            report.merged
        ),
        Lang::En => format!(
            "Lesson “{title}” added: {n}; {} already there.{renamed}",
            report.merged
        ),
    }
}

/// "1 Tour, 3 Ereignisse" (the kinds there are none of are left out; "nichts Neues" if all).
fn counted(counts: &[(usize, [&str; 4])], lang: Lang) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, words)| {
            let word = match (lang, *n == 1) {
                (Lang::De, true) => words[0],
                (Lang::De, false) => words[1],
                (Lang::En, true) => words[2],
                (Lang::En, false) => words[3],
            };
            format!("{n} {word}")
        })
        .collect();
    if parts.is_empty() {
        match lang {
            Lang::De => "nichts Neues".to_owned(),
            Lang::En => "nothing new".to_owned(),
        }
    } else {
        parts.join(", ")
    }
}

/// "Lektion gespeichert: PATH (1 Tour, 2 Ereignisse, …)".
#[must_use]
pub fn lesson_saved(
    path: &std::path::Path,
    n: &crate::library::lesson::Counts,
    lang: Lang,
) -> String {
    let what = counted(
        &[
            (n.tours, ["Tour", "Touren", "tour", "tours"]),
            (n.articles, ["Artikel", "Artikel", "article", "articles"]),
            (n.events, ["Ereignis", "Ereignisse", "event", "events"]),
            (n.places, ["Ort", "Orte", "place", "places"]),
            (n.processes, ["Prozess", "Prozesse", "process", "processes"]),
        ],
        lang,
    );
    match lang {
        Lang::De => format!("Lektion gespeichert: {} ({what})", path.display()),
        Lang::En => format!("Lesson saved: {} ({what})", path.display()),
    }
}

/// The undo log of an earlier run was set aside (with why).
#[must_use]
pub fn history_reset(why: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "{why}. Bearbeitungen früherer Sitzungen lassen sich nicht mehr rückgängig machen; das alte Protokoll wurde beiseitegelegt."
        ),
        Lang::En => format!(
            "{why}. Edits of earlier sessions can no longer be undone; the old log was set aside."
        ),
    }
}

/// A pack that could not be written: the file and why.
#[must_use]
pub fn lesson_not_written(path: &std::path::Path, error: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "{}: {error}. Die Lektion wurde nicht gespeichert.",
            path.display()
        ),
        Lang::En => format!("{}: {error}. The lesson was not saved.", path.display()),
    }
}

/// A pack that could not be opened: the file and why, nothing added.
#[must_use]
pub fn lesson_refused(path: &std::path::Path, error: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{}: {error}. Nichts wurde übernommen.", path.display()),
        Lang::En => format!("{}: {error}. Nothing was added.", path.display()),
    }
}
