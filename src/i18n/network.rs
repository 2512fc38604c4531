//! The words of online base maps: the network status on the map and the own tile server.

use super::Lang;
use crate::basemap::online::TemplateError;

/// The fixed strings of online base maps.
pub struct NetworkStrings {
    /// On the map while tiles fail and none is drawn.
    pub offline: &'static str,
    pub offline_hint: &'static str,
    /// The base map menu's entry, and the dialog it opens.
    pub custom_menu: &'static str,
    pub custom_title: &'static str,
    pub custom_url: &'static str,
    pub custom_credit: &'static str,
    pub custom_credit_hint: &'static str,
    pub custom_explain: &'static str,
    pub custom_use: &'static str,
}

pub(super) const DE: NetworkStrings = NetworkStrings {
    offline: "Offline – Kacheln nicht erreichbar, eingebettete Karte wird gezeigt",
    offline_hint: "Klicken, um die Kacheln erneut zu laden.",
    custom_menu: "Eigener Kachelserver …",
    custom_title: "Eigener Kachelserver",
    custom_url: "Adresse der Kacheln, mit {z}, {x} und {y} (https:// oder http://):",
    custom_credit: "Quellenangabe, die auf der Karte steht:",
    custom_credit_hint: "© … (leer: der Name des Servers)",
    custom_explain: "Etwa der Kachelserver Ihrer Schule. Geladene Kacheln werden auf der Festplatte zwischengespeichert; ohne Netz bleibt die eingebettete Karte sichtbar.",
    custom_use: "Verwenden",
};

pub(super) const EN: NetworkStrings = NetworkStrings {
    offline: "Offline – tiles unreachable, showing the embedded map",
    offline_hint: "Click to load the tiles again.",
    custom_menu: "Own tile server …",
    custom_title: "Own tile server",
    custom_url: "Address of the tiles, with {z}, {x} and {y} (https:// or http://):",
    custom_credit: "Credit shown on the map:",
    custom_credit_hint: "© … (empty: the server's name)",
    custom_explain: "Such as your school's tile server. Tiles are cached on disk; without a network the embedded map stays visible.",
    custom_use: "Use",
};

impl Lang {
    /// The strings of online base maps.
    #[must_use]
    pub fn network(self) -> &'static NetworkStrings {
        match self {
            Self::De => &DE,
            Self::En => &EN,
        }
    }
}

/// Reported once per source in the problems list when its tiles fail.
#[must_use]
pub fn tiles_unreachable(host: &str, lang: Lang) -> String {
    match lang {
        Lang::De => format!(
            "Grundkarte: Kacheln von {host} konnten nicht geladen werden; die eingebettete Karte wird gezeigt."
        ),
        Lang::En => {
            format!("Base map: tiles from {host} could not be loaded; showing the embedded map.")
        }
    }
}

/// Why a URL template typed into the dialog cannot be used.
#[must_use]
pub fn template_problem(error: &TemplateError, lang: Lang) -> String {
    match (error, lang) {
        (TemplateError::Scheme, Lang::De) => {
            "Die Adresse beginnt mit https:// oder http://.".to_owned()
        }
        (TemplateError::Scheme, Lang::En) => {
            "The address starts with https:// or http://.".to_owned()
        }
        (TemplateError::NoHost, Lang::De) => "Nach // fehlt der Name des Servers.".to_owned(),
        (TemplateError::NoHost, Lang::En) => "The server's name is missing after //.".to_owned(),
        (TemplateError::Space, Lang::De) => "Eine Adresse enthält keine Leerzeichen.".to_owned(),
        (TemplateError::Space, Lang::En) => "An address has no spaces.".to_owned(),
        (TemplateError::Missing(missing), Lang::De) => format!(
            "Es fehlt {}: Dort setzt die Karte die Nummern der Kachel ein.",
            missing.join(", ")
        ),
        (TemplateError::Missing(missing), Lang::En) => format!(
            "{} missing: the map puts the tile's numbers there.",
            missing.join(", ")
        ),
    }
}
