//! The words of the library: adding articles, reviewing their place names, undo.

use super::{Lang, fluent};
use crate::ingest::import::{ImportError, ImportNote};
use crate::tr;

fluent::strings! {
    /// The fixed strings of the library's dialogs and the reader's review mode.
    pub struct LibraryStrings("lib-") {
        add_button,
        add_title,
        open_file,
        paste,
        drop_hint,
        path_prompt,
        paste_hint,
        next,
        title,
        source,
        author,
        date,
        date_hint,
        date_invalid,
        language,
        german,
        english,
        add,
        skip,
        loading_gazetteer,
        nothing_added,
        your_articles,
        no_own_articles,
        remove,
        remove_article,
        remove_title,
        remove_hint,
        undo,
        redo,
        nothing_to_undo,
        status_sure,
        status_review,
        status_rejected,
        review_title,
        review_hint,
        accept,
        reject,
        choose,
        candidates,
        search,
        on_map,
        link_passage,
        linked_to,
        not_linked,
        inhabitants,
        gazetteer_credit,
        preview,
        clear_selection,
        lesson_export,
        lesson_export_title,
        lesson_prompt,
        lesson_hint,
        lesson_prompt_tour,
        browse,
    }
}

/// Why a file could not be added, in the interface language.
#[must_use]
pub fn import_error(e: &ImportError, lang: Lang) -> String {
    match e {
        ImportError::Empty => tr!(lang, "import-empty"),
        ImportError::Binary => tr!(lang, "import-binary"),
        ImportError::TooLarge { size, limit } => tr!(
            lang,
            "import-too-large",
            size = megabytes(*size),
            limit = megabytes(*limit)
        ),
        ImportError::NoTextLayer => tr!(lang, "import-no-text-layer"),
        ImportError::NoArticleText => tr!(lang, "import-no-article-text"),
        ImportError::Unreadable { reason } => {
            tr!(lang, "import-unreadable", reason = reason.as_str())
        }
        ImportError::Io(e) => tr!(lang, "import-io", error = e.as_str()),
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
    Some(match note {
        ImportNote::LegacyEncoding { encoding } => {
            tr!(
                lang,
                "note-legacy-encoding",
                encoding = encoding.to_string()
            )
        }
        ImportNote::Utf16 { encoding } => format!("{encoding}."),
        ImportNote::Replaced { count } => tr!(lang, "note-replaced", n = *count),
        ImportNote::PagesWithoutText { pages } => {
            tr!(lang, "note-pages-without-text", pages = join(pages))
        }
        ImportNote::PagesUnreadable { pages } => {
            tr!(lang, "note-pages-unreadable", pages = join(pages))
        }
        ImportNote::TitleFromFirstLine => tr!(lang, "note-title-from-first-line"),
        ImportNote::DateFromDateline => tr!(lang, "note-date-from-dateline"),
        ImportNote::HeaderRead { .. } => return None,
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
    tr!(
        lang,
        "article-added",
        title = title,
        n = linked + review,
        review = review
    )
}

/// "„Titel“ ist schon in Ihrer Bibliothek."
#[must_use]
pub fn duplicate(title: &str, lang: Lang) -> String {
    tr!(lang, "article-duplicate", title = title)
}

/// "Datei 2 von 3".
#[must_use]
pub fn draft_of(i: usize, n: usize, lang: Lang) -> String {
    tr!(lang, "draft-of", i = i, n = n)
}

/// "Klicken Sie auf die Karte, wo „Woruch“ liegt."
#[must_use]
pub fn place_on_map(name: &str, lang: Lang) -> String {
    tr!(lang, "place-on-map", name = name)
}

/// "Rückgängig gemacht" notices and the like, by what was undone.
#[must_use]
pub fn undone(lang: Lang, redo: bool) -> String {
    if redo {
        tr!(lang, "redone")
    } else {
        tr!(lang, "undone")
    }
}

/// The library could not be written: nothing of the edit was kept in memory either.
#[must_use]
pub fn not_saved(error: &str, lang: Lang) -> String {
    tr!(lang, "not-saved", error = error)
}

/// What a lesson pack brought, or why it was refused.
#[must_use]
pub fn lesson_imported(
    title: &str,
    report: &crate::library::lesson::ImportReport,
    lang: Lang,
) -> String {
    let what = counted(
        [
            report.tours,
            report.articles,
            report.events,
            report.places,
            report.processes,
        ],
        lang,
    );
    let text = tr!(
        lang,
        "lesson-imported",
        title = title,
        what = what,
        merged = report.merged
    );
    if report.renamed.is_empty() {
        text
    } else {
        let kept = tr!(lang, "lesson-kept-both", names = report.renamed.join("; "));
        format!("{text} {kept}")
    }
}

/// "1 Tour, 3 Ereignisse" (the kinds there are none of are left out; "nichts Neues" if all).
fn counted([tours, articles, events, places, processes]: [usize; 5], lang: Lang) -> String {
    let parts: Vec<String> = [
        ("count-tours", tours),
        ("count-articles", articles),
        ("count-events", events),
        ("count-places", places),
        ("count-processes", processes),
    ]
    .into_iter()
    .filter(|&(_, n)| n > 0)
    .map(|(id, n)| tr!(lang, id, n = n))
    .collect();
    if parts.is_empty() {
        tr!(lang, "nothing-new")
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
    let what = counted([n.tours, n.articles, n.events, n.places, n.processes], lang);
    tr!(
        lang,
        "lesson-saved",
        path = path.display().to_string(),
        what = what
    )
}

/// The undo log of an earlier run was set aside (with why).
#[must_use]
pub fn history_reset(why: &str, lang: Lang) -> String {
    tr!(lang, "history-reset", why = why)
}

/// A pack that could not be written: the file and why.
#[must_use]
pub fn lesson_not_written(path: &std::path::Path, error: &str, lang: Lang) -> String {
    tr!(
        lang,
        "lesson-not-written",
        path = path.display().to_string(),
        error = error
    )
}

/// A pack that could not be opened: the file and why, nothing added.
#[must_use]
pub fn lesson_refused(path: &std::path::Path, error: &str, lang: Lang) -> String {
    tr!(
        lang,
        "lesson-refused",
        path = path.display().to_string(),
        error = error
    )
}
