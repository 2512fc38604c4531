//! The storage seam: where the user's library and the files the app writes live. On the desktop
//! that is the file system; in the browser it is files held in memory ([`memory`]), mirrored
//! into the page's IndexedDB so that they are there on the next visit, with two folders of
//! their own: what is saved under [`DOWNLOADS`] is handed to the browser as a download, and
//! files picked or dropped on the page arrive under [`INBOX`].
//!
//! The library, its layers, the history and the exports call these functions, never `std::fs`,
//! and do not know which of the two they write to. Every write is whole: a file is replaced
//! atomically (on the desktop a temporary file beside it, synced, then renamed over).

pub mod memory;
#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(target_arch = "wasm32")]
use web as imp;

use std::io;
use std::path::{Path, PathBuf};

pub use memory::Entry;

/// Where files saved in the browser go: each one written here is downloaded, not kept.
pub const DOWNLOADS: &str = "/downloads";
/// Where files picked or dropped on the page are put, for the app to read by path.
pub const INBOX: &str = "/inbox";

/// Something that reads and seeks (a file, or bytes in memory).
pub trait ReadSeek: io::Read + io::Seek + Send {}
impl<T: io::Read + io::Seek + Send> ReadSeek for T {}

/// A file opened for reading.
pub type Reader = Box<dyn ReadSeek>;

/// The whole of a file.
///
/// # Errors
/// `NotFound` and any other I/O error.
pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    imp::read(path)
}

/// A file as text.
///
/// # Errors
/// As [`read`], and `InvalidData` for text that is not UTF-8.
pub fn read_to_string(path: &Path) -> io::Result<String> {
    String::from_utf8(read(path)?).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// A file opened for reading through (a dataset of a gigabyte need not be loaded at once).
///
/// # Errors
/// `NotFound` and any other I/O error.
pub fn open(path: &Path) -> io::Result<Reader> {
    imp::open(path)
}

/// The size of a file in bytes.
///
/// # Errors
/// `NotFound` and any other I/O error.
pub fn len(path: &Path) -> io::Result<u64> {
    imp::len(path)
}

/// Whether a file or folder is at `path`.
#[must_use]
pub fn exists(path: &Path) -> bool {
    imp::exists(path)
}

/// Makes a folder and its parents (in the browser, folders need not be made).
///
/// # Errors
/// When a folder cannot be made.
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    imp::create_dir_all(dir)
}

/// Writes `bytes` to `path` atomically: whoever reads it finds the old file or the new one,
/// never half of one. The folder is made if missing.
///
/// # Errors
/// Any I/O error; the file at `path` is then as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write_atomic(path, bytes)
}

/// Writes a file atomically as [`write_atomic`] does, from what `write` puts out (streamed
/// into the temporary file on the desktop, so that a large layer is not held twice).
///
/// # Errors
/// What `write` returns, and any I/O error; the file at `path` is then as it was.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    imp::write_atomic_with(path, write)
}

/// Adds `bytes` at the end of a file (made if missing) and makes them durable.
///
/// # Errors
/// Any I/O error.
pub fn append(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::append(path, bytes)
}

/// Moves a file or folder; what was at `to` is replaced.
///
/// # Errors
/// `NotFound` and any other I/O error.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    imp::rename(from, to)
}

/// Removes a file.
///
/// # Errors
/// `NotFound` and any other I/O error.
pub fn remove_file(path: &Path) -> io::Result<()> {
    imp::remove_file(path)
}

/// What lies directly in a folder, sorted by path.
///
/// # Errors
/// `NotFound` when there is no such folder, and any other I/O error.
pub fn read_dir(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut entries = imp::read_dir(dir)?;
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// A file's size and a number that changes whenever it is written (its time of change in
/// nanoseconds on the desktop, a count of writes in the browser).
#[must_use]
pub fn version(path: &Path) -> Option<(u64, u128)> {
    imp::version(path)
}

/// The folder of the user's library: the platform's data folder on the desktop
/// (`~/.local/share/mediation-atlas/library` on Linux), the page's storage in the browser.
#[must_use]
pub fn library_root() -> Option<PathBuf> {
    imp::library_root()
}

/// A place for a file about to be saved under `name`: in the browser, a path under
/// [`DOWNLOADS`], since it asks no one where; on the desktop, `None` (the dialog asks).
#[must_use]
pub fn download_path(name: &str) -> Option<PathBuf> {
    cfg!(target_arch = "wasm32").then(|| Path::new(DOWNLOADS).join(name))
}

/// Whether files saved at `path` are handed to the browser as downloads rather than kept: in
/// the browser, what is saved under [`DOWNLOADS`] or under a bare name (as the export dialogs
/// offer there); never on the desktop.
#[must_use]
pub fn is_download(path: &Path) -> bool {
    // `has_root`, not `is_absolute`: on wasm32 no path counts as absolute.
    cfg!(target_arch = "wasm32") && (path.starts_with(DOWNLOADS) || !path.has_root())
}

/// A failure to keep a change that happened after the write returned (the browser's storage
/// writes in the background), once; never on the desktop, where writes fail where they are made.
#[must_use]
pub fn take_late_problem() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web::take_problem();
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The user's folders a saved file is first offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserFolder {
    /// Pictures, else Documents, else home (figures).
    Pictures,
    /// Documents, else home (handouts, lessons).
    Documents,
}

/// Where a file is first offered to be saved: the user's folder of that kind on the desktop
/// (never the working directory, which the user does not see); in the browser none (the file
/// is offered under its bare name and downloaded, see [`is_download`]).
#[must_use]
pub fn user_folder(kind: UserFolder) -> PathBuf {
    if cfg!(target_arch = "wasm32") {
        return PathBuf::new();
    }
    directories::UserDirs::new()
        .and_then(|d| {
            let first = match kind {
                UserFolder::Pictures => d.picture_dir().or_else(|| d.document_dir()),
                UserFolder::Documents => d.document_dir(),
            };
            first
                .map(Path::to_path_buf)
                .or_else(|| Some(d.home_dir().to_path_buf()))
        })
        .unwrap_or_default()
}
