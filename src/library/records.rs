//! The records of the user's library as they are written on disk: the same TOML formats as
//! `data/articles.toml` and `data/places.toml` (with a few optional fields more), plus the
//! review of each article's mentions and the decisions remembered for names.

use serde::{Deserialize, Serialize};

use crate::model::{Date, EventKind, PlaceKind, Role, When};

/// An article of the user's, as in `data/articles.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntry {
    pub id: String,
    /// The text's file, relative to the library's `texts/` folder.
    pub file: String,
    pub title_de: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub author: String,
    /// As precise as known: "2025-08-11", "2024-04", "2013" or "unknown".
    pub date: Date,
    /// ISO 639-1 of the text ("de", "en", …).
    #[serde(default = "default_language")]
    pub language: String,
    /// When it was added (ISO 8601, UTC).
    #[serde(default)]
    pub added: String,
    /// SHA-256 of the text, hex: the same text added twice is recognised by it.
    #[serde(default)]
    pub content_hash: String,
    /// What it was read from: "text", "markdown", "html", "pdf" or "pasted".
    #[serde(default)]
    pub format: String,
    /// The name of the file it was read from, if any.
    #[serde(default)]
    pub original: String,
}

fn default_language() -> String {
    "de".to_owned()
}

/// A place the user's articles link to that the shipped gazetteer lacks: copied from GeoNames,
/// or put on the map by the user. The format of `data/places.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceEntry {
    pub id: String,
    pub name_de: String,
    pub name_en: String,
    #[serde(default)]
    pub name_local: String,
    #[serde(default)]
    pub local_lang: String,
    /// ISO 3166-1 alpha-2; empty when unknown (a place the user put on the map).
    #[serde(default)]
    pub country: String,
    pub kind: PlaceKind,
    pub lat: f64,
    pub lon: f64,
    /// Where the coordinate comes from: "GeoNames 1512569", or "placed on the map by the user".
    pub source: String,
    /// Inhabitants, where GeoNames gives them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub population: u64,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference.
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// How sure a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkStatus {
    /// Linked with confidence, or confirmed by the user.
    Sure,
    /// Linked tentatively: a weak link the user should look at.
    Review,
    /// Not linked: rejected by the linker's signals or by the user.
    Rejected,
}

/// A place the linker considered for a mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateEntry {
    /// The place's key: a shipped place id, `geonames:ID`, or a library place id.
    pub place: String,
    pub name: String,
    #[serde(default)]
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub population: u64,
    pub kind: PlaceKind,
}

/// A name found in an article, with what it links to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionEntry {
    /// Byte range in the article's reflowed text.
    pub start: usize,
    pub end: usize,
    /// The text at that range, to find the mention again should the reflow ever change.
    pub text: String,
    /// The name without its ending, folded ("taschkent" for "Taschkents"): decisions are
    /// remembered under it.
    #[serde(default)]
    pub key: String,
    pub status: LinkStatus,
    /// The id of the place it links to (a shipped or a library place), unless rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// 0 to 1; 1 for the user's own decisions.
    pub confidence: f32,
    /// Whether the user decided this one (accepted, chose, rejected or linked it by hand).
    #[serde(default)]
    pub by_user: bool,
    /// The places the linker considered, best first.
    #[serde(default)]
    pub candidates: Vec<CandidateEntry>,
}

/// A decision the user made for a name, applied to the same name in later articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionEntry {
    /// The name as written in the text, without its ending where the linker found one.
    pub name: String,
    /// The place it stands for; `None`: the name is not a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// An event of the user's, as in `data/events.toml`; its quotes are verbatim passages of the
/// articles (the recording takes them from the text, so they occur by construction).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventEntry {
    pub id: String,
    pub date: When,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date_note: String,
    pub title_de: String,
    #[serde(default)]
    pub title_en: String,
    pub kind: EventKind,
    /// A shipped or a library process id; empty: none.
    #[serde(default)]
    pub process: String,
    /// Where it happened (place ids), the venue first.
    #[serde(default)]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    #[serde(default)]
    pub participants: Vec<ParticipantEntry>,
    #[serde(default)]
    pub sources: Vec<SourceEntry>,
    /// The shipped event this one was copied from, to be changed in the library.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copied_from: Option<String>,
}

/// One participant: a country place id or an actor id, a role, people (actor ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantEntry {
    pub who: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
}

/// A passage that reports the event: the article's id and the quote, verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub article: String,
    pub quote: String,
}

/// A peace process or track the user made, as in `data/processes.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProcessEntry {
    pub id: String,
    pub name_de: String,
    #[serde(default)]
    pub name_en: String,
    /// "#rrggbb".
    pub color: String,
}

/// A tour of the user's, written in the format of `data/tours/` (and read back by the same
/// loader, which validates it).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TourEntry {
    pub id: String,
    pub title_de: String,
    pub title_en: String,
    #[serde(default)]
    pub step: Vec<StepEntry>,
}

/// One step of a tour: a caption, notes, a view, and what is selected and shown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct StepEntry {
    pub caption_de: String,
    pub caption_en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes_de: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit_events: Option<Vec<String>>,
    /// `[lat, lon, zoom]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<[f64; 3]>,
    /// First and last date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[String; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select_event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select_place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<SourceEntry>,
}

/// See [`ARTICLES_HEADER`]; the format is that of the shipped tour, whose header explains it.
pub const TOUR_HEADER: &str = "\
# Mediation Atlas — a tour made in the app (format of data/tours/*.toml: see the shipped
# tour's header). `mediation-atlas check --library DIR` validates it.
";

/// `events.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct EventsFile {
    #[serde(default)]
    pub event: Vec<EventEntry>,
}

/// `processes.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ProcessesFile {
    #[serde(default)]
    pub process: Vec<ProcessEntry>,
}

/// `articles.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ArticlesFile {
    #[serde(default)]
    pub article: Vec<ArticleEntry>,
}

/// `places.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct PlacesFile {
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
}

/// `mentions/ARTICLE.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct MentionsFile {
    #[serde(default)]
    pub mention: Vec<MentionEntry>,
}

/// `decisions.toml`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct DecisionsFile {
    #[serde(default)]
    pub decision: Vec<DecisionEntry>,
}

/// The comment each file starts with: what it holds and how to edit it.
pub const ARTICLES_HEADER: &str = "\
# Mediation Atlas — your articles (articles.toml)
#
# The format of the shipped data/articles.toml, one [[article]] per text in texts/:
#   id, file (in texts/), title_de, title_en, source, author,
#   date (\"YYYY-MM-DD\", \"YYYY-MM\", \"YYYY\" or \"unknown\"), language (ISO 639-1),
# and, written by the app: added (when), content_hash (SHA-256 of the text: the same text
# is not added twice), format (text, markdown, html, pdf, pasted), original (the file's name).
# The app writes this file atomically on every change; you may edit it while it is closed.
";

/// See [`ARTICLES_HEADER`].
pub const PLACES_HEADER: &str = "\
# Mediation Atlas — places of your articles (places.toml)
#
# The format of the shipped data/places.toml: id, name_de, name_en, name_local, local_lang,
# country (ISO 3166-1 alpha-2), kind (capital, city, region, site, country), lat, lon (WGS84),
# source (\"GeoNames ID\" for places from the embedded GeoNames gazetteer, CC BY 4.0, or
# \"placed on the map by the user\"), population (from GeoNames, where known).
";

/// See [`ARTICLES_HEADER`].
pub const MENTIONS_HEADER: &str = "\
# Mediation Atlas — the place names found in one of your articles, as reviewed.
#
# One [[mention]] per name: start, end (byte range in the reflowed text), text (as written),
# status (sure, review, rejected), place (the id of a shipped or a library place), confidence
# (0–1), by_user (you decided it), candidates (the places the linker considered, best first).
";

/// See [`ARTICLES_HEADER`].
pub const DECISIONS_HEADER: &str = "\
# Mediation Atlas — your decisions on names, applied to the same name in later articles.
#
# One [[decision]] per name: name (as written), place (the id it stands for; no place: the
# name is not a place).
";

/// See [`ARTICLES_HEADER`].
pub const EVENTS_HEADER: &str = "\
# Mediation Atlas — your events (events.toml)
#
# The format of the shipped data/events.toml: id, date (as precise as the text: \"2024-04-22\",
# \"2024-04\", \"2024\", \"unknown\"; a span and circa as EDTF: \"2022-02/2024-04-22\",
# \"2020~\"), date_note, title_de, title_en, kind, process, places (the venue
# first), about, participants ({ who = country or actor id, role, people }), sources ({ article,
# quote }: each quote a verbatim passage of the article), and copied_from (the shipped event a
# changed copy was made of).
";

/// See [`ARTICLES_HEADER`].
pub const PROCESSES_HEADER: &str = "\
# Mediation Atlas — your peace processes and tracks (processes.toml)
#
# The format of the shipped data/processes.toml: id, name_de, name_en, color (\"#rrggbb\").
";
