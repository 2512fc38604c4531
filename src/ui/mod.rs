//! The panels. Each `*_ui` function reads the atlas through [`ViewCtx`] and returns the
//! [`Action`]s the user asked for; only the app applies them.

pub mod add_article;
mod banner;
pub mod event_form;
pub mod event_panel;
pub mod filters;
pub mod import_dataset;
pub mod kwic;
pub mod layers_legend;
mod overview;
mod place_panel;
pub mod present;
pub mod processes;
pub mod quiz;
mod reader;
pub mod review;
pub mod search;
pub mod timeline;
mod top_bar;
pub mod tour_editor;

pub use banner::banner_ui;
pub use overview::overview_ui;
pub use place_panel::place_panel_ui;
pub use reader::{ReaderState, reader_ui};
pub use top_bar::top_bar_ui;

use crate::i18n::Lang;
use crate::model::{ArticleIdx, Atlas, PlaceIdx};

/// What the markers stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum MapMode {
    /// Where talks, summits and visits happen.
    #[default]
    Venues,
    /// Where the conflicts are that they are about.
    Conflicts,
}

/// What every panel may read during a frame.
#[derive(Clone, Copy)]
pub struct ViewCtx<'a> {
    pub atlas: &'a Atlas,
    pub lang: Lang,
    pub selected: Option<PlaceIdx>,
    /// The user's library as of this frame (their articles' reviewed mentions).
    pub library: &'a crate::library::Library,
}

/// Where the widget that just got the keyboard focus was drawn, until the scroll area that
/// holds it has scrolled it into view (see [`focus_into_view`]): the key of that rectangle.
#[must_use]
pub fn focus_to_show() -> egui::Id {
    egui::Id::unique("focus-to-show")
}

/// Called first thing inside a scroll area: if the widget that just got the keyboard focus
/// lies in this area's content, scrolls it into view. (egui scrolls only to targets set
/// inside the area, so the app cannot do this from outside.)
pub fn focus_into_view(ui: &egui::Ui) {
    let key = focus_to_show();
    let Some(rect) = ui.data(|d| d.get_temp::<egui::Rect>(key)) else {
        return;
    };
    // The area's content may reach far below its visible part: the column decides.
    if ui.max_rect().x_range().contains(rect.center().x) {
        ui.data_mut(|d| d.remove::<egui::Rect>(key));
        ui.scroll_to_rect(rect, None);
    }
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
    /// Fly to a view (a group of a layer's records, where it splits).
    ZoomTo(crate::map::MapView),
    /// Show or hide an imported layer (its index).
    ToggleLayer(usize),
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
    /// Ask for the URL template and credit of a tile server of one's own.
    OpenCustomBasemapDialog,
    /// Select an event: the map fits its places, the side panel shows it.
    SelectEvent(crate::model::EventIdx),
    /// Filter to this time range (first and last day), or none.
    SetRange(Option<(crate::model::filter::Day, crate::model::filter::Day)>),
    ToggleProcess(crate::model::ProcessIdx),
    ToggleKind(crate::model::EventKind),
    ToggleActor(crate::model::filter::ActorFilter),
    /// Remove every filter, the time range included.
    ClearFilters,
    /// Markers at the venues of talks, or at the conflicts they are about.
    SetMapMode(MapMode),
    /// Start presenting a tour (its index), or the current view as one step.
    StartPresentation(Option<usize>),
    StopPresentation,
    NextStep,
    PrevStep,
    /// Go to a step (0-based; past the end goes to the last).
    GoToStep(usize),
    /// Write every step of a tour as numbered PNGs into a folder under the user's pictures.
    ExportTour(usize),
    /// Full screen on or off (the quiz in front of a class).
    ToggleFullscreen,
    /// Ask where to export the view as PNG.
    OpenExportDialog,
    /// Export the view as PNG to this file at this size.
    Export(std::path::PathBuf, crate::export::ExportSize),
    /// Write what is shown (events and layers) in a data format to this file.
    ExportData(std::path::PathBuf, crate::formats::Format),
    /// Open the dialog that saves a tour (its id) as a PDF handout.
    OpenTourPdfDialog(String),
    /// Write the tour (its index) as a PDF handout to the file.
    ExportTourPdf(usize, std::path::PathBuf),
    /// Start a quiz (built from the atlas) / leave it.
    StartQuiz,
    StopQuiz,
    /// Answer the current question.
    QuizAnswer(crate::model::quiz::Answer),
    /// In an ordering question: this event comes next.
    QuizOrderClick(crate::model::EventIdx),
    /// On to the next question.
    QuizNext,
    /// The text in the search field changed (empty: the search is closed).
    SetSearch(String),
    /// Leave the event panel (back to the place or the overview).
    CloseEvent,
    /// Show the processes list, or one process's events to step through.
    ShowProcess(Option<crate::model::ProcessIdx>),
    /// Back to the whole region.
    ResetView,
    /// Zoom by this many levels (negative: out).
    Zoom(f64),
    /// Show or hide the list of data problems.
    ToggleProblems,
    /// Open the "add article" dialog.
    OpenAddArticle,
    /// Ask for article files with the system's dialog.
    PickArticleFiles,
    /// Read these files as new articles (the form then shows each).
    ImportFiles(Vec<std::path::PathBuf>),
    /// Narrows an imported layer by its own fields (its search and categories).
    SetLayerQuery(usize, crate::layers::query::Query),
    /// Open the dialog that imports a dataset as a layer, for this file (`None`: ask for one
    /// with the system's dialog).
    OpenDatasetDialog(Option<std::path::PathBuf>),
    /// Import the dataset of the dialog as it is set.
    ImportDataset,
    /// Stop the import under way (nothing is stored), or close the dialog.
    CancelDatasetImport,
    /// Read pasted text as a new article.
    ImportPasted(String),
    /// Add the article of the form's current draft, with the metadata as confirmed.
    AddDraft(crate::library::intake::ArticleMeta),
    /// Skip the form's current draft.
    SkipDraft,
    /// Close the "add article" dialog.
    CloseAddArticle,
    /// Open the review of a mention of a library article (its index in the article's list).
    OpenReview {
        article: String,
        mention: usize,
    },
    /// Open the review window to link a selected passage (a flow range) to a place.
    ReviewPassage {
        article: String,
        range: std::ops::Range<usize>,
    },
    /// Close the review window.
    CloseReview,
    /// Decide a mention: accept, reject, or choose a place.
    Review {
        article: String,
        mention: usize,
        verdict: crate::library::review::Verdict,
    },
    /// Link a passage to a place.
    LinkPassage {
        article: String,
        range: std::ops::Range<usize>,
        place: crate::library::CandidateEntry,
    },
    /// The next click on the map puts a new place there for what the review window is about.
    PlaceOnMap,
    /// A click on the map while placing: the new place's coordinates.
    PlacedAt {
        lat: f64,
        lon: f64,
    },
    /// Ask whether to remove a library article; then remove it (undoable).
    AskRemoveArticle(String),
    RemoveArticle(String),
    CancelRemove,
    /// Undo / redo the last edit of the library.
    Undo,
    Redo,
    /// Dismiss the notice at the top of the map.
    DismissNotice,
    /// Record the selected passage (a flow range) of an article as an event.
    RecordEvent {
        article: ArticleIdx,
        range: std::ops::Range<usize>,
    },
    /// Save the event of the form (and the new process made there, if any).
    SaveEvent(
        Box<crate::library::EventEntry>,
        Option<crate::library::ProcessEntry>,
    ),
    CloseEventForm,
    /// Edit one of the user's events in the form.
    EditEvent(crate::model::EventIdx),
    /// Delete one of the user's events (undoable).
    DeleteEvent(String),
    /// Copy a shipped event into the library, to change it there.
    CopyEvent(crate::model::EventIdx),
    /// Ask where to write a lesson pack: the whole library, or one of its tours (its id).
    OpenLessonExport(Option<String>),
    /// Write a lesson pack (`.atlas`) to this file: the whole library, or one tour with
    /// everything it needs.
    ExportLesson {
        path: std::path::PathBuf,
        tour: Option<String>,
    },
    /// Add the content of a lesson pack to the library.
    ImportLesson(std::path::PathBuf),
    CloseLessonExport,
    /// Record the current view as the next step of the tour being made.
    AddStep,
    /// Let the next recorded step begin a new tour of the user's.
    NewTour,
    /// Open one of the user's tours in the editor.
    EditTour(String),
    /// Save the tour of the editor.
    SaveTour(Box<crate::library::TourEntry>),
    CloseTourEditor,
    /// Delete one of the user's tours (undoable).
    DeleteTour(String),
    /// Show a step of the tour editor's working copy on the map (0-based).
    PreviewStep(usize),
    /// Choose the passage of a step of the tour editor in the reader.
    PickPassage(usize),
    /// Give a step of the tour editor this passage (or none), and save.
    SetPassage {
        step: usize,
        passage: Option<crate::library::SourceEntry>,
    },
    /// Stop choosing a passage; back to the tour editor.
    CancelPick,
    /// Present a tour (its id) from a step (0-based).
    PresentTour {
        id: String,
        step: usize,
    },
}
