//! The panels. Each `*_ui` function reads the atlas through [`ViewCtx`] and returns the
//! [`Action`]s the user asked for; only the app applies them.

mod banner;
pub mod kwic;
mod overview;
mod place_panel;
mod reader;
mod top_bar;

pub use banner::banner_ui;
pub use overview::overview_ui;
pub use place_panel::place_panel_ui;
pub use reader::{ReaderState, reader_ui};
pub use top_bar::top_bar_ui;

use crate::i18n::Lang;
use crate::model::{ArticleIdx, Atlas, PlaceIdx};

/// What every panel may read during a frame.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub atlas: &'a Atlas,
    pub lang: Lang,
    pub selected: Option<PlaceIdx>,
}

/// Something the user asked for; the app applies it after the frame.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Action {
    /// Select a place and fly the map to it.
    SelectPlace(PlaceIdx),
    /// Select a place and fly there, keeping the reader open (a mention was clicked).
    FocusPlace(PlaceIdx),
    /// Zoom in on a group of places until they separate.
    FitPlaces(Vec<PlaceIdx>),
    /// Open an article in the reader, scrolled to a flow offset if given.
    OpenArticle {
        article: ArticleIdx,
        focus: Option<usize>,
    },
    /// Leave the reader, back to the place.
    CloseArticle,
    /// Deselect everything.
    ClearSelection,
    SetLang(Lang),
    /// Show another base map.
    SetBasemap(crate::basemap::source::BasemapChoice),
    /// Ask for the path of a `.pmtiles` file.
    OpenPmtilesDialog,
    /// Back to the whole region.
    ResetView,
    /// Zoom by this many levels (negative: out).
    Zoom(f64),
    /// Show or hide the list of data problems.
    ToggleProblems,
}
