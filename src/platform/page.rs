//! What the page around the atlas learns from it (the browser only; nothing on the desktop):
//! when the first frame was drawn and when the first screen was complete, as attributes of
//! the page's root element (`data-atlas-first-frame`, `data-atlas-settled`: milliseconds since
//! the page was opened), how many articles and dataset layers of the user's the library holds
//! (`data-atlas-own-articles`, `data-atlas-layers`) and whether this page writes it
//! (`data-atlas-library`: `writable`, or `read-only` while another tab does). The browser test
//! (`scripts/check_web.sh`) waits for them and reports them.

/// Called after each frame until it returns `true`: notes the first frame and, once
/// `settled` (the base map drawn), the complete screen.
pub fn report_frame(settled: bool) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web::report(settled)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = settled;
        true
    }
}

/// Tells the page how many articles and dataset layers the user's library holds and whether
/// this page may write it (after each frame; the page is touched only when one changes).
pub fn report_library(own_articles: usize, layers: usize, writable: bool) {
    #[cfg(target_arch = "wasm32")]
    web::report_library(own_articles, layers, writable);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (own_articles, layers, writable);
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::Cell;

    use eframe::web_sys;

    thread_local! {
        static REPORTED: Cell<Option<(usize, usize, bool)>> = const { Cell::new(None) };
    }

    pub(super) fn report_library(own_articles: usize, layers: usize, writable: bool) {
        let now = (own_articles, layers, writable);
        if REPORTED.with(Cell::get) == Some(now) {
            return;
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-atlas-own-articles", &own_articles.to_string());
            let _ = root.set_attribute("data-atlas-layers", &layers.to_string());
            let mode = if writable { "writable" } else { "read-only" };
            let _ = root.set_attribute("data-atlas-library", mode);
            REPORTED.with(|r| r.set(Some(now)));
        }
    }

    pub(super) fn report(settled: bool) -> bool {
        let Some(window) = web_sys::window() else {
            return true;
        };
        let ms = window.performance().map_or(0.0, |p| p.now());
        let Some(root) = window.document().and_then(|d| d.document_element()) else {
            return true;
        };
        if !root.has_attribute("data-atlas-first-frame") {
            let _ = root.set_attribute("data-atlas-first-frame", &format!("{ms:.0}"));
        }
        if settled {
            let _ = root.set_attribute("data-atlas-settled", &format!("{ms:.0}"));
        }
        settled
    }
}
