//! The system's dialogs: rfd's native ones on the desktop. In the browser, files are saved as
//! downloads (the dialog "answers" a path under `storage::DOWNLOADS` at once), and the open
//! dialog is the page's file chooser, whose files arrive later: each picked or dropped file is
//! read into `storage::INBOX` and handed over by [`files_given`], where dropped files on the
//! desktop come in too. The pickers answer `None` there, as a cancelled dialog does.

#[cfg(not(target_arch = "wasm32"))]
pub use native::{pick_article_files, pick_dataset_file, pick_save_file};
#[cfg(target_arch = "wasm32")]
pub use web::{pick_article_files, pick_dataset_file, pick_save_file};

/// The extensions the article picker offers.
const ARTICLE_EXTENSIONS: [&str; 8] = [
    "txt", "text", "md", "markdown", "html", "htm", "pdf", "atlas",
];
/// The extensions the dataset picker offers.
const DATASET_EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "geojson", "json", "kml"];

/// The files given to the app since the last frame, by path: dropped on the window, and in the
/// browser also those picked in its file chooser (once read).
#[must_use]
pub fn files_given(ctx: &egui::Context) -> Vec<std::path::PathBuf> {
    let dropped = ctx.input(|i| i.raw.dropped_files.clone());
    #[cfg(not(target_arch = "wasm32"))]
    return dropped.iter().map(|f| f.path().to_path_buf()).collect();
    #[cfg(target_arch = "wasm32")]
    {
        web::receive(ctx, dropped);
        web::take_arrived()
    }
}

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
                &super::ARTICLE_EXTENSIONS,
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
            .add_filter("CSV, TSV, GeoJSON, KML", &super::DATASET_EXTENSIONS)
            .add_filter("*", &["*"])
            .pick_file()
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::cell::RefCell;
    use std::path::{Path, PathBuf};

    use eframe::wasm_bindgen::{JsCast as _, closure::Closure};
    use eframe::web_sys;

    use crate::platform::storage;

    thread_local! {
        /// Files read into the inbox, not yet handed to the app.
        static ARRIVED: RefCell<Vec<PathBuf>> = const { RefCell::new(Vec::new()) };
        /// The app's context, to wake it when a file has been read.
        static WAKE: RefCell<Option<egui::Context>> = const { RefCell::new(None) };
    }

    /// The browser saves by downloading: the file is named after the suggested one, and the
    /// path answered is where saving means downloading.
    #[must_use]
    pub fn pick_save_file(_title: &str, suggested: &Path, extension: &str) -> Option<PathBuf> {
        let stem = suggested
            .file_stem()
            .map_or_else(|| "mediation-atlas".into(), |s| s.to_string_lossy());
        storage::download_path(&format!("{stem}.{extension}"))
    }

    /// Opens the page's file chooser; the files arrive through [`super::files_given`].
    #[must_use]
    pub fn pick_article_files(_title: &str) -> Option<Vec<PathBuf>> {
        choose(&super::ARTICLE_EXTENSIONS, true);
        None
    }

    /// Opens the page's file chooser for one dataset; it arrives through
    /// [`super::files_given`].
    #[must_use]
    pub fn pick_dataset_file(_title: &str) -> Option<PathBuf> {
        choose(&super::DATASET_EXTENSIONS, false);
        None
    }

    /// Files dropped on the page: read, each into the inbox.
    pub fn receive(ctx: &egui::Context, dropped: Vec<egui::DroppedFileHandle>) {
        WAKE.with(|w| {
            w.borrow_mut().get_or_insert_with(|| ctx.clone());
        });
        for file in dropped {
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.path().to_string_lossy().into_owned();
                match file.bytes_async().await {
                    Ok(bytes) => arrived(&name, bytes),
                    Err(e) => log::error!("{name}: {e}"),
                }
            });
        }
    }

    /// What has arrived since the last call.
    pub fn take_arrived() -> Vec<PathBuf> {
        ARRIVED.with(|a| std::mem::take(&mut *a.borrow_mut()))
    }

    fn arrived(name: &str, bytes: Vec<u8>) {
        let path = storage::web::receive(name, bytes);
        ARRIVED.with(|a| a.borrow_mut().push(path));
        WAKE.with(|w| {
            if let Some(ctx) = &*w.borrow() {
                ctx.request_repaint();
            }
        });
    }

    /// An `<input type=file>` clicked for the user (in the frame after their click, which the
    /// browser still counts as their gesture); what they choose is read into the inbox.
    fn choose(extensions: &[&str], multiple: bool) {
        let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("input").ok())
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        input.set_type("file");
        input.set_multiple(multiple);
        let accept: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        input.set_accept(&accept.join(","));
        let chosen = input.clone();
        let on_change = Closure::once_into_js(move || {
            let Some(files) = chosen.files() else { return };
            for i in 0..files.length() {
                let Some(file) = files.get(i) else { continue };
                wasm_bindgen_futures::spawn_local(async move {
                    let name = file.name();
                    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Ok(buffer) => arrived(&name, js_sys::Uint8Array::new(&buffer).to_vec()),
                        Err(e) => log::error!("{name}: {e:?}"),
                    }
                });
            }
        });
        input.set_onchange(Some(on_change.unchecked_ref()));
        input.click();
    }
}
