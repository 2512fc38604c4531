//! What the app remembers between runs, and how it was asked to start.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::basemap::source::BasemapChoice;
use crate::basemap::tiles::Rendering;
use crate::i18n::Lang;
use crate::map::MapView;
use crate::model::PlaceIdx;
use crate::model::tour::Tour;
use crate::ui::MapMode;

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The chosen language; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// The last map view.
    pub view: MapView,
    /// The chosen base map.
    pub basemap: BasemapChoice,
    /// Markers at venues or at conflicts.
    pub map_mode: MapMode,
    /// Where the presenter's notes window was last put (screen points, top-left).
    pub presenter_window: Option<[f32; 2]>,
    /// The folder the last image was exported to.
    pub export_dir: Option<PathBuf>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            lang: None,
            view: MapView::REGION,
            basemap: BasemapChoice::Offline,
            map_mode: MapMode::Venues,
            presenter_window: None,
            export_dir: None,
        }
    }
}

/// How the app was asked to start.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// `--library`: the folder of the user's library; `None`: a library held in memory only
    /// (tests, and documentation screenshots never touch the user's files).
    pub library: Option<PathBuf>,
    /// A geoparser made beforehand (tests share one); else it is built in the background the
    /// first time it is needed.
    pub geoparser: Option<Arc<crate::gazetteer::Geoparser>>,
    /// `--article`: open this article (its id) in the reader.
    pub article: Option<String>,
    /// `--view`: overrides the remembered view.
    pub view: Option<MapView>,
    /// `--select`: open with this place selected (and, without `--view`, centred on it).
    pub select: Option<PlaceIdx>,
    /// `--screenshot`: write the window to this PNG once loaded, then quit.
    pub screenshot: Option<PathBuf>,
    /// Overrides the remembered language (tests, handouts in one language).
    pub lang: Option<Lang>,
    /// The guided tours (from `data/tours/`).
    pub tours: Vec<Tour>,
    /// `--tour`/`--step`: start presenting this tour (index) at this step (0-based).
    pub present: Option<(usize, usize)>,
    /// `--export-tour DIR` (with `--screenshot`'s machinery): write every step as a PNG.
    pub export_dir: Option<PathBuf>,
    /// `--quiz`: start with the quiz.
    pub quiz: bool,
    /// `--bench-flight`: when the process started; the app flies back and forth between two
    /// views for five seconds, prints the frame rate, and closes.
    pub flight_probe: Option<crate::platform::Instant>,
    /// The day the timeline ends at (tests fix it; default: the system clock).
    pub today: Option<crate::model::Date>,
    /// `--basemap`: overrides the remembered base map.
    pub basemap: Option<BasemapChoice>,
    /// Where online tiles are cached (tests give a folder of their own; default: the user's
    /// cache directory).
    pub tile_cache: Option<PathBuf>,
    /// How the embedded map's tiles are drawn (tests draw them inline, deterministically).
    pub tile_rendering: Option<Rendering>,
    /// How a layer's views are rebuilt when the timeline's range or its filters change: on
    /// helper threads once the brush settles, or inline at once; default: as the tiles.
    pub layer_views: Option<Rendering>,
    /// `--bench-startup`: when the process started; the first frame reports the time since
    /// then on stdout and closes the window.
    pub startup_probe: Option<crate::platform::Instant>,
    /// Files given on the command line (the system opens a double-clicked `.atlas` file
    /// this way): lessons join the library, articles open in the add form.
    pub open: Vec<PathBuf>,
    /// `--size` (or the size of a screenshot): set on the first frame, over the remembered one.
    pub window_size: Option<egui::Vec2>,
}
