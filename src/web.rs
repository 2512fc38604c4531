//! The atlas in the browser: eframe's web runner on the page's canvas, with the same app as
//! on the desktop. What differs is behind the platform seams (clock, background work, dialogs,
//! storage); here the user's library is loaded from the page's storage and the app started.

use eframe::wasm_bindgen::JsCast as _;
use eframe::web_sys;

use crate::app::{AtlasApp, StartOptions};
use crate::basemap::tiles::Rendering;
use crate::ingest::{self, Corpus};

/// The id of the canvas in `assets/web/index.html`.
const CANVAS_ID: &str = "atlas";
/// The element that says "loading" and, if the atlas cannot start, why.
const STATUS_ID: &str = "status";

/// Starts the atlas on the page (from `main`, once the module has loaded).
pub fn start() {
    let _ = eframe::WebLogger::init(log::LevelFilter::Warn);
    wasm_bindgen_futures::spawn_local(async {
        let outcome = run().await;
        let status = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(STATUS_ID));
        match (outcome, status) {
            (Ok(()), Some(status)) => status.remove(),
            (Err(message), Some(status)) => {
                let _ = status.set_attribute("class", "error");
                status.set_text_content(Some(&message));
            }
            (Err(message), None) => log::error!("{message}"),
            (Ok(()), None) => {}
        }
    });
}

async fn run() -> Result<(), String> {
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CANVAS_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or_else(|| format!("Mediation Atlas: the page has no canvas #{CANVAS_ID}"))?;
    // The user's library from the page's storage, before the app reads it; and the page's
    // lock on it, so that a second tab reads it without writing over this one's changes.
    crate::platform::storage::web::load().await;
    crate::platform::storage::web::lock_library().await;
    let (loaded, tours) = ingest::load_for_app(&Corpus::Embedded);
    let options = StartOptions {
        tours,
        library: crate::library::Library::default_root(),
        // No threads: the base map's tiles are drawn in the frame, a few at a time.
        tile_rendering: Some(Rendering::for_this_machine()),
        ..StartOptions::default()
    };
    eframe::WebRunner::new()
        .start(
            canvas,
            eframe::WebOptions::default(),
            Box::new(move |cc| {
                Ok(Box::new(AtlasApp::from_creation_context(
                    cc, loaded, options,
                )))
            }),
        )
        .await
        .map_err(|e| format!("Mediation Atlas could not start (WebGL2?): {e:?}"))
}
