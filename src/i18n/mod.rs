//! Every word the interface shows, in German, English and Russian.
//!
//! The words live in Project Fluent files, one per language (`assets/i18n/*.ftl`, see
//! [`fluent`]): fixed strings as tables of fields, words that depend on numbers or data as
//! functions below that pass their arguments to a message. A test checks that every message
//! exists in every language.

pub mod datasets;
mod dates;
mod events;
mod figure;
pub mod fluent;
mod library;
mod network;
mod tours;

pub use dates::{date_reasoning, format_date, format_range, format_when, month_short};
pub use events::EventStrings;
pub use figure::{FigureStrings, page_of, step_of};
pub use network::{NetworkStrings, template_problem};
pub use tours::{TourStrings, pick_passage_for, step_added};

pub use library::{
    LibraryStrings, added, draft_of, duplicate, history_reset, import_error, import_note,
    lesson_imported, lesson_not_written, lesson_refused, lesson_saved, not_saved, place_on_map,
    undone,
};
use serde::{Deserialize, Serialize};

use crate::model::{EventKind, PlaceKind, Role};
use crate::tr;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    De,
    En,
    /// Russian: the lingua franca of classrooms in Kazakhstan and the region.
    Ru,
}

impl Lang {
    /// Every interface language, in the order the language menu lists them.
    pub const ALL: [Self; 3] = [Self::De, Self::En, Self::Ru];

    /// The language of the system locale: German for `de*`, Russian for `ru*`, English otherwise.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locale().map_or(Self::De, |locale| Self::from_locale(&locale))
    }

    /// German for a `de` locale (de-DE, de_AT.UTF-8 ...), Russian for `ru`, English for any other.
    #[must_use]
    pub fn from_locale(locale: &str) -> Self {
        let locale = locale.to_ascii_lowercase();
        if locale.starts_with("de") {
            Self::De
        } else if locale.starts_with("ru") {
            Self::Ru
        } else {
            Self::En
        }
    }

    /// The language's ISO 639-1 code: "de", "en", "ru".
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::En => "en",
            Self::Ru => "ru",
        }
    }

    /// The language by its code or name ("de", "deutsch", "russian" ...).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_lowercase().as_str() {
            "de" | "deutsch" | "german" => Some(Self::De),
            "en" | "english" | "englisch" => Some(Self::En),
            "ru" | "russian" | "russisch" | "русский" => Some(Self::Ru),
            _ => None,
        }
    }

    /// The position in [`Lang::ALL`].
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Self::De => 0,
            Self::En => 1,
            Self::Ru => 2,
        }
    }

    /// The language's name in itself, as the language menu shows it.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        self.t().language_name
    }

    /// The strings of making tours.
    #[must_use]
    pub fn tours(self) -> &'static TourStrings {
        TourStrings::of(self)
    }

    /// The strings of clean figures and tour handouts.
    #[must_use]
    pub fn figure(self) -> &'static FigureStrings {
        FigureStrings::of(self)
    }

    /// The strings of recording and editing events.
    #[must_use]
    pub fn events(self) -> &'static EventStrings {
        EventStrings::of(self)
    }

    /// The strings of the library (adding and reviewing articles).
    #[must_use]
    pub fn lib(self) -> &'static LibraryStrings {
        LibraryStrings::of(self)
    }

    /// The strings of the dialog that imports a dataset as a layer.
    #[must_use]
    pub fn datasets(self) -> &'static datasets::DatasetStrings {
        datasets::DatasetStrings::of(self)
    }

    /// The strings of online base maps.
    #[must_use]
    pub fn network(self) -> &'static NetworkStrings {
        NetworkStrings::of(self)
    }

    /// The string table of this language.
    #[must_use]
    pub fn t(self) -> &'static Strings {
        Strings::of(self)
    }
}

fluent::strings! {
    /// The fixed strings of the interface.
    pub struct Strings("") {
        app_title,
        language_name,
        language,
        problems_banner,
        show_problems,
        hide_problems,
        no_selection_title,
        no_selection_hint,
        events,
        articles,
        no_events,
        no_articles,
        other_places,
        local_name,
        back_to_place,
        close,
        date_unknown,
        source_unknown,
        export_button,
        export_size,
        export_save,
        export_tour,
        quiz_fullscreen,
        fullscreen,
        export_saved,
        open_folder,
        quiz,
        quiz_start,
        quiz_end,
        quiz_done,
        quiz_again,
        quiz_click_map,
        quiz_order_hint,
        quiz_right_answer,
        quiz_wrong_answer,
        quiz_answer,
        presenter_notes,
        next_step,
        last_step,
        present_keys,
        present,
        tours,
        presenter_window,
        timeline_all,
        play,
        pause,
        speed,
        speed_slow,
        speed_normal,
        speed_fast,
        clear_range,
        undated,
        timeline_hint,
        filters,
        clear_filters,
        processes,
        kinds,
        actors,
        mode_venues,
        mode_conflicts,
        roles,
        no_process,
        lines_legend,
        conflict_line,
        search_hint,
        no_results,
        step_prev,
        step_next,
        venue,
        sources,
        no_events_in_filter,
        author,
        reset_view,
        zoom_in,
        zoom_out,
        basemap,
        basemap_offline,
        basemap_osm,
        basemap_topo,
        basemap_file,
        basemap_hint,
        pmtiles_title,
        pmtiles_prompt,
        open,
        cancel,
        event,
        process,
        participants,
        mentions_in_article,
        backs_event,
        help_text,
        more,
        coordinates_source,
    }
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

/// "3 Ereignisse" / "1 event" / "5 событий".
#[must_use]
pub fn count_events(n: usize, lang: Lang) -> String {
    tr!(lang, "count-events", n = n)
}

/// Why lines end at a place without events of its own.
#[must_use]
pub fn lines_only(place: &str, state: &str, lang: Lang) -> String {
    tr!(lang, "lines-only", place = place, state = state)
}

/// "41 von 41 Ereignissen" (dative after "von") / "41 of 41 events" / "41 из 41 события".
#[must_use]
pub fn shown_of_events(shown: usize, total: usize, lang: Lang) -> String {
    tr!(lang, "shown-of-events", shown = shown, total = total)
}

/// "1 Punkt", "3 Punkte" / "1 point", "3 points".
#[must_use]
pub fn count_points(n: usize, lang: Lang) -> String {
    tr!(lang, "count-points", n = n)
}

/// "2 Artikel" / "2 articles".
#[must_use]
pub fn count_articles(n: usize, lang: Lang) -> String {
    tr!(lang, "count-articles", n = n)
}

/// "5 Orte" / "5 places", for a cluster of markers.
#[must_use]
pub fn count_places(n: usize, lang: Lang) -> String {
    tr!(lang, "count-places", n = n)
}

/// "3 Probleme" / "1 problem", in the banner.
#[must_use]
pub fn count_problems(n: usize, lang: Lang) -> String {
    tr!(lang, "count-problems", n = n)
}

fluent::strings! {
    /// The names of event kinds.
    pub struct KindNames("kind-") {
        talks,
        summit,
        state_visit,
        phone_call,
        agreement,
        declaration,
        war,
        statement,
        proposal,
        mission,
    }
}

fluent::strings! {
    /// The names of participants' roles.
    pub struct RoleNames("role-") {
        host,
        mediator,
        party,
        guarantor,
        observer,
        participant,
    }
}

fluent::strings! {
    /// The names of place kinds.
    pub struct PlaceKindNames("place-kind-") {
        capital,
        city,
        region,
        site,
        country,
    }
}

/// A count with the language's digit grouping: 1.000.000 (de), 1,000,000 (en), 1 000 000
/// (ru, with no-break spaces).
#[must_use]
pub fn format_count(n: usize, lang: Lang) -> String {
    let separator = match lang {
        Lang::De => '.',
        Lang::En => ',',
        Lang::Ru => '\u{a0}',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The name of an event kind.
#[must_use]
pub fn event_kind(kind: EventKind, lang: Lang) -> &'static str {
    let t = KindNames::of(lang);
    match kind {
        EventKind::Talks => t.talks,
        EventKind::Summit => t.summit,
        EventKind::StateVisit => t.state_visit,
        EventKind::PhoneCall => t.phone_call,
        EventKind::Agreement => t.agreement,
        EventKind::Declaration => t.declaration,
        EventKind::War => t.war,
        EventKind::Statement => t.statement,
        EventKind::Proposal => t.proposal,
        EventKind::Mission => t.mission,
    }
}

/// The name of a participant's role.
#[must_use]
pub fn role(role: Role, lang: Lang) -> &'static str {
    let t = RoleNames::of(lang);
    match role {
        Role::Host => t.host,
        Role::Mediator => t.mediator,
        Role::Party => t.party,
        Role::Guarantor => t.guarantor,
        Role::Observer => t.observer,
        Role::Participant => t.participant,
    }
}

/// The name of a place kind.
#[must_use]
pub fn place_kind(kind: PlaceKind, lang: Lang) -> &'static str {
    let t = PlaceKindNames::of(lang);
    match kind {
        PlaceKind::Capital => t.capital,
        PlaceKind::City => t.city,
        PlaceKind::Region => t.region,
        PlaceKind::Site => t.site,
        PlaceKind::Country => t.country,
    }
}

/// The German or the English of a pair of data texts (titles, names, captions); the Russian
/// interface shows the English, and an empty English text falls back to the German.
#[must_use]
pub fn pick<'a>(lang: Lang, de: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En | Lang::Ru if !en.is_empty() => en,
        Lang::De | Lang::En | Lang::Ru => de,
    }
}

/// Like [`pick`], with a Russian text where the data has one (place names).
#[must_use]
pub fn pick3<'a>(lang: Lang, de: &'a str, en: &'a str, ru: &'a str) -> &'a str {
    match lang {
        Lang::Ru if !ru.is_empty() => ru,
        _ => pick(lang, de, en),
    }
}

/// Every message id the code asks for by name: the tables' fields and the month names.
/// (Messages with arguments are found in the sources by the test below.)
#[must_use]
pub fn table_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for table in [
        Strings::ids(),
        TourStrings::ids(),
        EventStrings::ids(),
        LibraryStrings::ids(),
        NetworkStrings::ids(),
        FigureStrings::ids(),
        datasets::DatasetStrings::ids(),
        KindNames::ids(),
        RoleNames::ids(),
        PlaceKindNames::ids(),
    ] {
        ids.extend(table);
    }
    for form in dates::MONTH_FORMS {
        ids.extend((1..=12).map(|m| format!("{form}-{m}")));
    }
    ids
}

#[cfg(test)]
mod tests;
