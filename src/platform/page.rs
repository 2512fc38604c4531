//! What the page around the atlas learns from it (the browser only; nothing on the desktop):
//! when the first frame was drawn and when the first screen was complete, as attributes of
//! the page's root element (`data-atlas-first-frame`, `data-atlas-settled`: milliseconds since
//! the page was opened). The browser test (`scripts/check_web.sh`) waits for them and reports them.

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

#[cfg(target_arch = "wasm32")]
mod web {
    use eframe::web_sys;

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
