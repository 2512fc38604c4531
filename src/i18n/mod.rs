//! Every word the interface shows, in German and English.
//!
//! Strings live in one table per language, checked complete by the compiler: a field missing in
//! one language does not build. Words that depend on numbers or data are functions below.

mod dates;
mod events;
mod figure;
mod library;
mod network;
mod tours;

pub use dates::date_reasoning;
pub use events::EventStrings;
pub use figure::{FigureStrings, page_of, step_of};
pub use network::{NetworkStrings, template_problem, tiles_unreachable};
pub use tours::{TourStrings, pick_passage_for, step_added};

pub use library::{
    LibraryStrings, added, draft_of, duplicate, history_reset, import_error, import_note,
    lesson_imported, lesson_not_written, lesson_refused, lesson_saved, not_saved, place_on_map,
    undone,
};
use serde::{Deserialize, Serialize};

use crate::model::{Date, EventKind, PlaceKind, Role};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// The language of the system locale: German for `de*`, English otherwise.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::De, |locale| Self::from_locale(&locale))
    }

    /// German for a `de` locale (de-DE, de_AT.UTF-8 ...), English for any other.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("de") {
            Self::De
        } else {
            Self::En
        }
    }

    /// The strings of making tours.
    #[must_use]
    pub fn tours(self) -> &'static TourStrings {
        match self {
            Self::De => &tours::DE,
            Self::En => &tours::EN,
        }
    }

    /// The strings of clean figures and tour handouts.
    #[must_use]
    pub fn figure(self) -> &'static FigureStrings {
        match self {
            Self::De => &figure::DE,
            Self::En => &figure::EN,
        }
    }

    /// The strings of recording and editing events.
    #[must_use]
    pub fn events(self) -> &'static EventStrings {
        match self {
            Self::De => &events::DE,
            Self::En => &events::EN,
        }
    }

    /// The strings of the library (adding and reviewing articles).
    #[must_use]
    pub fn lib(self) -> &'static LibraryStrings {
        match self {
            Self::De => &library::DE,
            Self::En => &library::EN,
        }
    }

    /// The string table of this language.
    #[must_use]
    pub fn t(self) -> &'static Strings {
        match self {
            Self::De => &DE,
            Self::En => &EN,
        }
    }
}

/// The fixed strings of the interface.
#[allow(clippy::struct_field_names)] // The names mirror what each string is for.
pub struct Strings {
    pub app_title: &'static str,
    pub language_name: &'static str,
    pub switch_language: &'static str,
    pub problems_banner: &'static str,
    pub show_problems: &'static str,
    pub hide_problems: &'static str,
    pub no_selection_title: &'static str,
    pub no_selection_hint: &'static str,
    pub events: &'static str,
    pub articles: &'static str,
    pub no_events: &'static str,
    pub no_articles: &'static str,
    pub other_places: &'static str,
    pub local_name: &'static str,
    pub back_to_place: &'static str,
    pub close: &'static str,
    pub source_quote: &'static str,
    pub reported_in: &'static str,
    pub date_unknown: &'static str,
    pub source_unknown: &'static str,
    pub export_button: &'static str,
    pub export_title: &'static str,
    pub export_prompt: &'static str,
    pub export_size: &'static str,
    pub export_window: &'static str,
    pub export_save: &'static str,
    pub export_tour: &'static str,
    pub quiz_fullscreen: &'static str,
    pub fullscreen: &'static str,
    pub export_saved: &'static str,
    pub open_folder: &'static str,
    pub quiz: &'static str,
    pub quiz_start: &'static str,
    pub quiz_end: &'static str,
    pub quiz_done: &'static str,
    pub quiz_right: &'static str,
    pub quiz_again: &'static str,
    pub quiz_click_map: &'static str,
    pub quiz_order_hint: &'static str,
    pub quiz_right_answer: &'static str,
    pub quiz_wrong_answer: &'static str,
    pub quiz_answer: &'static str,
    pub quiz_off_by: &'static str,
    pub presenter_notes: &'static str,
    pub next_step: &'static str,
    pub last_step: &'static str,
    pub present_keys: &'static str,
    pub present: &'static str,
    pub tours: &'static str,
    pub presenter_window: &'static str,
    pub steps: &'static str,
    pub timeline_all: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub speed: &'static str,
    pub speed_slow: &'static str,
    pub speed_normal: &'static str,
    pub speed_fast: &'static str,
    pub clear_range: &'static str,
    pub undated: &'static str,
    pub timeline_hint: &'static str,
    pub filters: &'static str,
    pub clear_filters: &'static str,
    pub processes: &'static str,
    pub kinds: &'static str,
    pub actors: &'static str,
    pub mode_venues: &'static str,
    pub mode_conflicts: &'static str,
    pub roles: &'static str,
    pub no_process: &'static str,
    pub lines_legend: &'static str,
    pub conflict_line: &'static str,
    pub search_hint: &'static str,
    pub no_results: &'static str,
    pub step_prev: &'static str,
    pub step_next: &'static str,
    pub venue: &'static str,
    pub sources: &'static str,
    pub of: &'static str,
    pub no_events_in_filter: &'static str,
    pub select_process_hint: &'static str,
    pub author: &'static str,
    pub reset_view: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub basemap: &'static str,
    pub basemap_offline: &'static str,
    pub basemap_osm: &'static str,
    pub basemap_topo: &'static str,
    pub basemap_file: &'static str,
    pub basemap_hint: &'static str,
    pub pmtiles_title: &'static str,
    pub pmtiles_prompt: &'static str,
    pub open: &'static str,
    pub cancel: &'static str,
    pub event: &'static str,
    pub process: &'static str,
    pub participants: &'static str,
    pub mentions_in_article: &'static str,
    pub backs_event: &'static str,
    pub help: &'static str,
    pub help_text: &'static str,
    pub more: &'static str,
    pub coordinates_source: &'static str,
    pub open_article: &'static str,
}

const DE: Strings = Strings {
    app_title: "Mediation Atlas",
    language_name: "Deutsch",
    switch_language: "English",
    problems_banner: "Probleme beim Laden der Daten – der Rest wurde geladen",
    show_problems: "Anzeigen",
    hide_problems: "Ausblenden",
    no_selection_title: "Kasachstan als Vermittler",
    no_selection_hint: "Klicken Sie auf einen Ort auf der Karte, um seine Ereignisse und die Artikel dazu zu sehen.",
    events: "Ereignisse",
    articles: "Artikel",
    no_events: "Keine Ereignisse an diesem Ort.",
    no_articles: "Kein Artikel erwähnt diesen Ort.",
    other_places: "Weitere Orte",
    local_name: "Landessprache",
    back_to_place: "← Zurück",
    close: "Schließen",
    source_quote: "Beleg",
    reported_in: "Berichtet in",
    date_unknown: "Datum unbekannt",
    source_unknown: "Quelle unbekannt",
    export_button: "PNG",
    export_title: "Ansicht als PNG exportieren",
    export_prompt: "Datei (mit Titel, Legende und Kartennachweis):",
    export_size: "Größe:",
    export_window: "wie das Fenster",
    export_save: "Speichern",
    export_tour: "Alle Schritte als nummerierte PNG-Dateien speichern (Ordner unter Bilder)",
    quiz_fullscreen: "Vollbild für die Klasse (F5)",
    fullscreen: "Vollbild",
    export_saved: "Gespeichert:",
    open_folder: "Ordner öffnen",
    quiz: "Quiz",
    quiz_start: "? Quiz",
    quiz_end: "Quiz beenden",
    quiz_done: "Geschafft!",
    quiz_right: "richtig",
    quiz_again: "Noch einmal",
    quiz_click_map: "Klicken Sie auf die Karte, wo es war.",
    quiz_order_hint: "Klicken Sie die Ereignisse vom frühesten zum spätesten an.",
    quiz_right_answer: "Richtig!",
    quiz_wrong_answer: "Leider falsch.",
    quiz_answer: "Richtig ist",
    quiz_off_by: "Abstand",
    presenter_notes: "Notizen",
    next_step: "Als Nächstes",
    last_step: "(letzter Schritt)",
    present_keys: "Weiter: → ↓ Leertaste Bild↓ Klick · Zurück: ← ↑ Bild↑ · Pos1/Ende · Zahl + Enter: Schritt · Esc: beenden",
    present: "▶ Präsentieren",
    tours: "Touren",
    presenter_window: "Mediation Atlas – Notizen",
    steps: "Schritte",
    timeline_all: "Alle Ereignisse",
    play: "▶ Abspielen",
    pause: "❚❚ Anhalten",
    speed: "Tempo",
    speed_slow: "½ Jahr/s",
    speed_normal: "1 Jahr/s",
    speed_fast: "3 Jahre/s",
    clear_range: "✖ Zeitraum aufheben",
    undated: "ohne Datum",
    timeline_hint: "Ziehen: Zeitraum wählen · Mausrad: zoomen · auf der Zeitachse ziehen: verschieben · Doppelklick: alles zeigen",
    filters: "Filter",
    clear_filters: "✖ Filter aufheben",
    processes: "Friedensprozesse",
    kinds: "Art des Ereignisses",
    actors: "Beteiligte",
    mode_venues: "Orte der Gespräche",
    mode_conflicts: "Orte der Konflikte",
    roles: "Rollen",
    no_process: "ohne Prozess",
    lines_legend: "Linien",
    conflict_line: "Gespräche → Konflikt",
    search_hint: "Suchen (Strg+F) …",
    no_results: "Nichts gefunden.",
    step_prev: "◀ Zurück",
    step_next: "Weiter ▶",
    venue: "Ort",
    sources: "Quellen",
    of: "von",
    no_events_in_filter: "Keine Ereignisse in diesem Zeitraum oder Filter.",
    select_process_hint: "Einen Prozess wählen, um seine Ereignisse der Reihe nach zu sehen.",
    author: "Autorin/Autor",
    reset_view: "Gesamtansicht",
    zoom_in: "Vergrößern",
    zoom_out: "Verkleinern",
    basemap: "Grundkarte",
    basemap_offline: "Eingebettet (offline)",
    basemap_osm: "OpenStreetMap (online)",
    basemap_topo: "OpenTopoMap (online)",
    basemap_file: "PMTiles-Datei öffnen …",
    more: "Weitere Befehle",
    basemap_hint: "Die eingebettete Karte braucht kein Netz. Online-Karten werden auf der Festplatte zwischengespeichert; ohne Netz bleibt die eingebettete Karte darunter sichtbar.",
    pmtiles_title: "Eigene Karte (PMTiles)",
    pmtiles_prompt: "Pfad zu einer .pmtiles-Datei mit Rasterkacheln – oder die Datei einfach ins Fenster ziehen:",
    open: "Öffnen",
    cancel: "Abbrechen",
    event: "Ereignis",
    process: "Prozess",
    participants: "Beteiligte",
    mentions_in_article: "Erwähnte Orte",
    backs_event: "Beleg für",
    help: "Hilfe",
    help_text: "Ziehen: Karte verschieben · Mausrad: zoomen · Klick auf Marker: Ort öffnen · \
                Klick auf hervorgehobenen Ort im Text: dorthin fliegen · Pos1: Gesamtansicht · +/−: Zoom · Esc: Auswahl aufheben · \
                Strg+Z / Strg+Umschalt+Z: eigene Änderungen rückgängig / wiederholen\n\n\
                Ortsverzeichnis: enthält Daten von GeoNames (www.geonames.org), CC BY 4.0. \
                Karte: Natural Earth (gemeinfrei).",
    coordinates_source: "Koordinaten",
    open_article: "Artikel öffnen",
};

const EN: Strings = Strings {
    app_title: "Mediation Atlas",
    language_name: "English",
    switch_language: "Deutsch",
    problems_banner: "Problems loading the data – everything else was loaded",
    show_problems: "Show",
    hide_problems: "Hide",
    no_selection_title: "Kazakhstan as a mediator",
    no_selection_hint: "Click a place on the map to see its events and the articles about it.",
    events: "Events",
    articles: "Articles",
    no_events: "No events at this place.",
    no_articles: "No article mentions this place.",
    other_places: "Other places",
    local_name: "Local name",
    back_to_place: "← Back",
    close: "Close",
    source_quote: "Source",
    reported_in: "Reported in",
    date_unknown: "Date unknown",
    source_unknown: "Source unknown",
    export_button: "PNG",
    export_title: "Export the view as PNG",
    export_prompt: "File (with title, legend and map credits):",
    export_size: "Size:",
    export_window: "as the window",
    export_save: "Save",
    export_tour: "Save every step as numbered PNG files (a folder under Pictures)",
    quiz_fullscreen: "Full screen for the class (F5)",
    fullscreen: "Full screen",
    export_saved: "Saved:",
    open_folder: "Open the folder",
    quiz: "Quiz",
    quiz_start: "? Quiz",
    quiz_end: "Leave the quiz",
    quiz_done: "Done!",
    quiz_right: "right",
    quiz_again: "Again",
    quiz_click_map: "Click the map where it was.",
    quiz_order_hint: "Click the events from the earliest to the latest.",
    quiz_right_answer: "Right!",
    quiz_wrong_answer: "Not quite.",
    quiz_answer: "The answer",
    quiz_off_by: "off by",
    presenter_notes: "Notes",
    next_step: "Next",
    last_step: "(last step)",
    present_keys: "Next: → ↓ Space PgDn click · Back: ← ↑ PgUp · Home/End · number + Enter: step · Esc: leave",
    present: "▶ Present",
    tours: "Tours",
    presenter_window: "Mediation Atlas – notes",
    steps: "steps",
    timeline_all: "All events",
    play: "▶ Play",
    pause: "❚❚ Pause",
    speed: "Speed",
    speed_slow: "½ year/s",
    speed_normal: "1 year/s",
    speed_fast: "3 years/s",
    clear_range: "✖ Clear range",
    undated: "undated",
    timeline_hint: "Drag: choose a range · wheel: zoom · drag the axis: pan · double-click: show all",
    filters: "Filters",
    clear_filters: "✖ Clear filters",
    processes: "Peace processes",
    kinds: "Kind of event",
    actors: "Participants",
    mode_venues: "Where talks happen",
    mode_conflicts: "Where conflicts are",
    roles: "Roles",
    no_process: "no process",
    lines_legend: "Lines",
    conflict_line: "Talks → conflict",
    search_hint: "Search (Ctrl+F) …",
    no_results: "Nothing found.",
    step_prev: "◀ Previous",
    step_next: "Next ▶",
    venue: "Where",
    sources: "Sources",
    of: "of",
    no_events_in_filter: "No events in this range or filter.",
    select_process_hint: "Choose a process to step through its events.",
    author: "Author",
    reset_view: "Overview",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    basemap: "Base map",
    basemap_offline: "Embedded (offline)",
    basemap_osm: "OpenStreetMap (online)",
    basemap_topo: "OpenTopoMap (online)",
    basemap_file: "Open PMTiles file …",
    more: "More commands",
    basemap_hint: "The embedded map needs no network. Online maps are cached on disk; without a network the embedded map stays visible underneath.",
    pmtiles_title: "Own map (PMTiles)",
    pmtiles_prompt: "Path to a .pmtiles file with raster tiles – or simply drop the file onto the window:",
    open: "Open",
    cancel: "Cancel",
    event: "Event",
    process: "Process",
    participants: "Participants",
    mentions_in_article: "Places mentioned",
    backs_event: "Source for",
    help: "Help",
    help_text: "Drag: pan · Mouse wheel: zoom · Click a marker: open the place · \
                Click a highlighted place in the text: fly there · Home: overview · +/−: zoom · Esc: clear selection · \
                Ctrl+Z / Ctrl+Shift+Z: undo / redo your changes\n\n\
                Gazetteer: contains data from GeoNames (www.geonames.org), licensed under CC BY 4.0. \
                Map: Natural Earth (public domain).",
    coordinates_source: "Coordinates",
    open_article: "Open article",
};

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_SHORT_DE: [&str; 12] = [
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
];
const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// A month as a time axis or a range writes it: "März", "Aug.", "Sept.".
#[must_use]
pub fn month_short(month: u8, lang: Lang) -> &'static str {
    let names = match lang {
        Lang::De => &MONTHS_SHORT_DE,
        Lang::En => &MONTHS_SHORT_EN,
    };
    names
        .get(usize::from(month).saturating_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A time range in words, as precise as it is wide: "2013 – 2017" for whole years,
/// "März 2024 – Aug. 2025" for months, "10. Apr. 2024 – 20. Apr. 2024" for a few weeks,
/// "April 2024" for one month.
#[must_use]
pub fn format_range(
    first: crate::model::filter::Day,
    last: crate::model::filter::Day,
    lang: Lang,
) -> String {
    let (y0, m0, d0) = crate::ingest::civil_from_days(first);
    let (y1, m1, d1) = crate::ingest::civil_from_days(last);
    let whole_years = (m0, d0) == (1, 1) && (m1, d1) == (12, 31);
    if whole_years {
        return if y0 == y1 {
            y0.to_string()
        } else {
            format!("{y0} – {y1}")
        };
    }
    if last - first < 62 {
        let day = |y: i32, m: u8, d: u8| match lang {
            Lang::De => format!("{d}. {} {y}", month_short(m, lang)),
            Lang::En => format!("{d} {} {y}", month_short(m, lang)),
        };
        return if (y0, m0, d0) == (y1, m1, d1) {
            day(y0, m0, d0)
        } else {
            format!("{} – {}", day(y0, m0, d0), day(y1, m1, d1))
        };
    }
    if (y0, m0) == (y1, m1) {
        return format_date(
            Date::Month {
                year: y0,
                month: m0,
            },
            lang,
        );
    }
    format!(
        "{} {y0} – {} {y1}",
        month_short(m0, lang),
        month_short(m1, lang)
    )
}

/// The line under an article's title: source, author where known, date
/// ("DAZ · 11. August 2025", "Quelle unbekannt · Datum unbekannt").
#[must_use]
pub fn byline(article: &crate::model::Article, lang: Lang, with_author: bool) -> String {
    let source = article.source.trim();
    let mut parts = vec![
        if source.is_empty() || source.eq_ignore_ascii_case("unknown") {
            lang.t().source_unknown.to_owned()
        } else {
            source.to_owned()
        },
    ];
    if with_author && !article.author.is_empty() {
        parts.push(article.author.clone());
    }
    parts.push(format_date(article.date, lang));
    parts.join(" · ")
}

/// A date as a reader writes it, no more precise than it is known ("August 2025").
#[must_use]
pub fn format_date(date: Date, lang: Lang) -> String {
    let month = |m: u8| {
        let names = match lang {
            Lang::De => &MONTHS_DE,
            Lang::En => &MONTHS_EN,
        };
        names
            .get(usize::from(m).saturating_sub(1))
            .copied()
            .unwrap_or("?")
    };
    match (date, lang) {
        (
            Date::Day {
                year,
                month: m,
                day,
            },
            Lang::De,
        ) => format!("{day}. {} {year}", month(m)),
        (
            Date::Day {
                year,
                month: m,
                day,
            },
            Lang::En,
        ) => format!("{day} {} {year}", month(m)),
        (Date::Month { year, month: m }, _) => format!("{} {year}", month(m)),
        (Date::Year { year }, _) => year.to_string(),
        (Date::Unknown, _) => lang.t().date_unknown.to_owned(),
    }
}

/// A count with its noun in the right number: `[German singular, plural]`, `[English ...]`.
fn count(n: usize, lang: Lang, de: [&str; 2], en: [&str; 2]) -> String {
    let [one, many] = match lang {
        Lang::De => de,
        Lang::En => en,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 Ereignisse" / "1 event".
#[must_use]
pub fn count_events(n: usize, lang: Lang) -> String {
    count(n, lang, ["Ereignis", "Ereignisse"], ["event", "events"])
}

/// Why lines end at a place without events of its own.
#[must_use]
pub fn lines_only(place: &str, state: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "In {place} selbst fand kein Ereignis statt. Die Linien führen zu Ereignissen anderswo, an denen {state} teilnahm ({place} steht auf der Karte für den Staat):"
        ),
        Lang::En => format!(
            "No event took place in {place} itself. The lines lead to events elsewhere in which {state} took part ({place} stands for the state on the map):"
        ),
    }
}

/// "41 von 41 Ereignissen" (dative after "von") / "41 of 41 events".
#[must_use]
pub fn shown_of_events(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::De if total == 1 => format!("{shown} von 1 Ereignis"),
        Lang::De => format!("{shown} von {total} Ereignissen"),
        Lang::En if total == 1 => format!("{shown} of 1 event"),
        Lang::En => format!("{shown} of {total} events"),
    }
}

/// "1 Punkt", "3 Punkte" / "1 point", "3 points".
#[must_use]
pub fn count_points(n: usize, lang: Lang) -> String {
    count(n, lang, ["Punkt", "Punkte"], ["point", "points"])
}

/// "2 Artikel" / "2 articles".
#[must_use]
pub fn count_articles(n: usize, lang: Lang) -> String {
    count(n, lang, ["Artikel", "Artikel"], ["article", "articles"])
}

/// "5 Orte" / "5 places", for a cluster of markers.
#[must_use]
pub fn count_places(n: usize, lang: Lang) -> String {
    count(n, lang, ["Ort", "Orte"], ["place", "places"])
}

/// "3 Probleme" / "1 problem", in the banner.
#[must_use]
pub fn count_problems(n: usize, lang: Lang) -> String {
    count(n, lang, ["Problem", "Probleme"], ["problem", "problems"])
}

/// The name of an event kind.
#[must_use]
pub fn event_kind(kind: EventKind, lang: Lang) -> &'static str {
    let (de, en) = match kind {
        EventKind::Talks => ("Gespräche", "Talks"),
        EventKind::Summit => ("Gipfel", "Summit"),
        EventKind::StateVisit => ("Staatsbesuch", "State visit"),
        EventKind::PhoneCall => ("Telefonat", "Phone call"),
        EventKind::Agreement => ("Abkommen", "Agreement"),
        EventKind::Declaration => ("Erklärung", "Declaration"),
        EventKind::War => ("Krieg", "War"),
        EventKind::Statement => ("Stellungnahme", "Statement"),
        EventKind::Proposal => ("Vorschlag", "Proposal"),
        EventKind::Mission => ("Mission", "Mission"),
    };
    pick(lang, de, en)
}

/// The name of a participant's role.
#[must_use]
pub fn role(role: Role, lang: Lang) -> &'static str {
    let (de, en) = match role {
        Role::Host => ("Gastgeber", "Host"),
        Role::Mediator => ("Vermittler", "Mediator"),
        Role::Party => ("Partei", "Party"),
        Role::Guarantor => ("Garant", "Guarantor"),
        Role::Observer => ("Beobachter", "Observer"),
        Role::Participant => ("Teilnehmer", "Participant"),
    };
    pick(lang, de, en)
}

/// The name of a place kind.
#[must_use]
pub fn place_kind(kind: PlaceKind, lang: Lang) -> &'static str {
    let (de, en) = match kind {
        PlaceKind::Capital => ("Hauptstadt", "Capital"),
        PlaceKind::City => ("Stadt", "City"),
        PlaceKind::Region => ("Region", "Region"),
        PlaceKind::Site => ("Ort", "Site"),
        PlaceKind::Country => ("Staat", "Country"),
    };
    pick(lang, de, en)
}

/// The German or the English of a pair; an empty English text falls back to the German.
#[must_use]
pub fn pick<'a>(lang: Lang, de: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En if !en.is_empty() => en,
        Lang::De | Lang::En => de,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_right_number() {
        assert_eq!(count_events(1, Lang::De), "1 Ereignis");
        assert_eq!(count_events(3, Lang::De), "3 Ereignisse");
        assert_eq!(count_articles(1, Lang::En), "1 article");
        assert_eq!(count_places(0, Lang::En), "0 places");
        assert_eq!(count_points(1, Lang::De), "1 Punkt");
        assert_eq!(count_points(2, Lang::De), "2 Punkte");
        assert_eq!(count_points(1, Lang::En), "1 point");
        // "von" takes the dative: "41 von 41 Ereignissen".
        assert_eq!(shown_of_events(41, 41, Lang::De), "41 von 41 Ereignissen");
        assert_eq!(shown_of_events(0, 1, Lang::De), "0 von 1 Ereignis");
        assert_eq!(shown_of_events(3, 41, Lang::En), "3 of 41 events");
    }

    #[test]
    fn german_locales_choose_german_and_others_english() {
        assert_eq!(Lang::from_locale("de-DE"), Lang::De);
        assert_eq!(Lang::from_locale("de_AT.UTF-8"), Lang::De);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
        assert_eq!(Lang::from_locale("kk-KZ"), Lang::En);
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
    }
}
