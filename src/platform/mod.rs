//! What differs between the desktop and the browser, behind small seams: the clock, background
//! work, the file dialogs, storage (files on the desktop, IndexedDB in the browser) and the
//! page. The rest of the code calls these and does not know where it runs.

use std::sync::mpsc;

/// The clock: std's on the desktop; in the browser, where std's panics, the page's.
pub use web_time::{Instant, SystemTime, UNIX_EPOCH};

mod dialogs;
pub mod page;
pub mod storage;
pub use dialogs::{
    files_given, open_folder, pick_article_files, pick_dataset_file, pick_save_file,
};

/// The current time as ISO 8601 in UTC, to the second ("2026-12-01T04:30:00Z").
#[must_use]
pub fn now_iso() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
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

/// Whether there are helper threads: not in the browser (wasm32 without its threads
/// proposal), where background work runs at once instead.
pub const HAS_THREADS: bool = cfg!(not(target_arch = "wasm32"));

/// Whether a dialog asks where to save a file: on the desktop; in the browser a saved file is
/// downloaded under the name given, and the downloads folder is the browser's to choose.
pub const CHOOSES_SAVE_PATH: bool = cfg!(not(target_arch = "wasm32"));

/// Whether the user's library is kept between runs: on the desktop, in its folder; in the
/// browser, in the page's storage, unless the browser refused it (the overview then says so).
#[must_use]
pub fn keeps_library() -> bool {
    #[cfg(target_arch = "wasm32")]
    return storage::web::keeps_library();
    #[cfg(not(target_arch = "wasm32"))]
    true
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
    if !HAS_THREADS {
        let pending = run_now(work);
        done();
        return pending;
    }
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
