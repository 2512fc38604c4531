//! The system's dialogs: rfd's native ones on the desktop. The browser has none that give a
//! path (files come in by dropping them on the page), so there each asks nothing and answers
//! `None`, and the callers fall back as they do without a dialog.

#[cfg(not(target_arch = "wasm32"))]
pub use native::{pick_article_files, pick_dataset_file, pick_save_file};
#[cfg(target_arch = "wasm32")]
pub use web::{pick_article_files, pick_dataset_file, pick_save_file};

/// Opens a folder in the system's file manager.
///
/// # Errors
/// When the file manager cannot be started.
pub fn open_folder(dir: &std::path::Path) -> std::io::Result<()> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(dir)
        .spawn()
        .map(|_| ())
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;

    /// Asks the user where to save a file (starting from `suggested`, forcing the extension).
    /// `None` when cancelled or when there is no dialog to be had.
    #[must_use]
    pub fn pick_save_file(
        title: &str,
        suggested: &std::path::Path,
        extension: &str,
    ) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(extension, &[extension]);
        if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        dialog.save_file().map(|p| {
            if p.extension().is_some() {
                p
            } else {
                p.with_extension(extension)
            }
        })
    }

    /// Asks the user for article files with the system's dialog. `None` when there is no dialog
    /// to be had (no portal, no display): the caller then offers a typed path instead.
    #[must_use]
    pub fn pick_article_files(title: &str) -> Option<Vec<PathBuf>> {
        let dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(
                "Text, Markdown, HTML, PDF, .atlas",
                &[
                    "txt", "text", "md", "markdown", "html", "htm", "pdf", "atlas",
                ],
            )
            .add_filter("*", &["*"]);
        dialog.pick_files()
    }

    /// Asks the user for a dataset (CSV, TSV, `GeoJSON`, KML) with the system's dialog. `None`
    /// when cancelled or when there is no dialog to be had.
    #[must_use]
    pub fn pick_dataset_file(title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(
                "CSV, TSV, GeoJSON, KML",
                &["csv", "tsv", "txt", "geojson", "json", "kml"],
            )
            .add_filter("*", &["*"])
            .pick_file()
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::path::{Path, PathBuf};

    /// The browser saves by downloading; no path is asked for.
    #[must_use]
    pub fn pick_save_file(_title: &str, _suggested: &Path, _extension: &str) -> Option<PathBuf> {
        None
    }

    /// Files come into the browser by dropping them on the page.
    #[must_use]
    pub fn pick_article_files(_title: &str) -> Option<Vec<PathBuf>> {
        None
    }

    /// Datasets come into the browser by dropping them on the page.
    #[must_use]
    pub fn pick_dataset_file(_title: &str) -> Option<PathBuf> {
        None
    }
}
