//! What differs between the desktop and (later) the browser, behind small seams: the clock,
//! background work, and the native file dialog. The rest of the code calls these and does not
//! know where it runs.

use std::path::PathBuf;
use std::sync::mpsc;

/// The current time as ISO 8601 in UTC, to the second ("2026-12-01T04:30:00Z").
#[must_use]
pub fn now_iso() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = crate::ingest::civil_from_days(days);
    let rest = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Work done in the background; [`Pending::poll`] hands over its result once.
#[derive(Debug)]
pub struct Pending<T> {
    receiver: mpsc::Receiver<T>,
}

impl<T> Pending<T> {
    /// The result, if the work has finished (and it was not taken before).
    pub fn poll(&self) -> Option<T> {
        self.receiver.try_recv().ok()
    }
}

/// Runs `work` on a background thread; `done` is called on that thread when it has finished
/// (to wake the UI).
pub fn spawn<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce() + Send + 'static,
) -> Pending<T> {
    let (sender, receiver) = mpsc::channel();
    let job = move || {
        let _ = sender.send(work());
        done();
    };
    if std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(job)
        .is_err()
    {
        log::warn!("could not start a thread for {name}");
    }
    Pending { receiver }
}

/// Runs `work` now when `inline` (tests, and where there are no threads: `done` is not
/// needed then), else on a helper thread as [`spawn`] does.
pub fn run_or_spawn<T: Send + 'static>(
    name: &str,
    inline: bool,
    work: impl FnOnce() -> T + Send + 'static,
    done: impl FnOnce() + Send + 'static,
) -> Pending<T> {
    if inline {
        run_now(work)
    } else {
        spawn(name, work, done)
    }
}

/// Runs `work` now, on this thread, with the same interface as [`spawn`] (tests, and where
/// there are no threads).
pub fn run_now<T>(work: impl FnOnce() -> T) -> Pending<T> {
    let (sender, receiver) = mpsc::channel();
    let _ = sender.send(work());
    Pending { receiver }
}

/// On Windows the program has no console window of its own (started from Explorer, none
/// opens): when it was started from a terminal and its output is not redirected, its output
/// (the subcommands, the log) goes to that terminal. Elsewhere there is nothing to do.
pub fn attach_console() {
    #[cfg(windows)]
    windows_console::attach_parent();
}

#[cfg(windows)]
#[allow(unsafe_code)] // The one system call the standard library does not make for us.
mod windows_console {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
    };

    pub(super) fn attach_parent() {
        // SAFETY: both calls take plain values and no pointers. A handle that is already
        // there (output redirected to a file or pipe) is kept; without a parent console
        // (started from Explorer) AttachConsole fails and nothing changes.
        unsafe {
            if GetStdHandle(STD_OUTPUT_HANDLE).is_null() {
                AttachConsole(ATTACH_PARENT_PROCESS);
            }
        }
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
