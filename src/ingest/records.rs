//! The data files as written: serde records with spans, before references are resolved.
//!
//! Each record is deserialised on its own, so one broken record costs only itself.

use serde::Deserialize;
use toml::Spanned;

use crate::model::{ActorKind, Date, EventKind, PlaceKind, Role, When};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRecord {
    pub id: Spanned<String>,
    pub name_de: String,
    pub name_en: String,
    #[serde(default)]
    pub name_ru: String,
    pub name_local: String,
    pub local_lang: String,
    pub country: Spanned<String>,
    pub kind: PlaceKind,
    pub lat: Spanned<f64>,
    pub lon: Spanned<f64>,
    pub source: Spanned<String>,
    #[serde(default)]
    pub capital: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<AliasRecord>,
    #[serde(default)]
    pub adjectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasRecord {
    pub name: String,
    #[serde(default)]
    pub from: Option<i32>,
    #[serde(default)]
    pub to: Option<i32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRecord {
    pub id: Spanned<String>,
    pub kind: ActorKind,
    pub name_de: String,
    pub name_en: String,
    #[serde(default)]
    pub country: Option<Spanned<String>>,
    #[serde(default)]
    pub seat: Option<Spanned<String>>,
    #[serde(default)]
    pub role_de: String,
    #[serde(default)]
    pub role_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessRecord {
    pub id: Spanned<String>,
    pub name_de: String,
    pub name_en: String,
    pub color: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecord {
    pub id: Spanned<String>,
    pub file: Spanned<String>,
    pub title_de: String,
    #[serde(default)]
    pub title_en: String,
    pub source: String,
    #[serde(default)]
    pub author: String,
    pub date: Spanned<Date>,
    #[serde(default = "default_language")]
    pub language: String,
}

fn default_language() -> String {
    "de".to_owned()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    pub id: Spanned<String>,
    pub date: Spanned<When>,
    #[serde(default)]
    pub date_note: String,
    pub title_de: String,
    #[serde(default)]
    pub title_en: String,
    pub kind: EventKind,
    pub process: Spanned<String>,
    pub places: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub about: Vec<Spanned<String>>,
    #[serde(default)]
    pub participants: Vec<Spanned<ParticipantRecord>>,
    #[serde(default)]
    pub sources: Vec<Spanned<SourceRecord>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantRecord {
    pub who: Spanned<String>,
    pub role: Role,
    #[serde(default)]
    pub people: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    pub article: Spanned<String>,
    pub quote: Spanned<String>,
}
