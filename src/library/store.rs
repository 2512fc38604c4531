//! The library's files: every write replaces a whole file atomically (on the desktop a
//! temporary file in the same folder, then renamed over the old one), so a crash leaves either
//! the old or the new file, never half of one. The files are reached through the storage seam
//! ([`crate::platform::storage`]): a folder on the desktop, the page's storage in the browser.

use std::path::{Path, PathBuf};

use crate::platform::storage;

/// Reads a file of the library; a missing file is `Ok(None)`.
///
/// # Errors
/// Any other I/O error, and text that is not UTF-8.
pub fn read_optional(path: &Path) -> std::io::Result<Option<String>> {
    match storage::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Moves a file the app could not read aside (`NAME.unreadable-N`), so that writing a new one
/// never destroys what the user had. Returns where it went.
///
/// # Errors
/// When the rename fails.
pub fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
    for n in 1..10_000 {
        let to = path.with_file_name(format!("{name}.unreadable-{n}"));
        if !storage::exists(&to) {
            storage::rename(path, &to)?;
            return Ok(to);
        }
    }
    Err(std::io::Error::other("too many unreadable copies"))
}

/// Moves a file into the library's `trash/` folder (a removed article stays recoverable).
///
/// # Errors
/// When the folder cannot be made or the file cannot be moved.
pub fn move_to_trash(root: &Path, path: &Path) -> std::io::Result<()> {
    let trash = root.join("trash");
    storage::create_dir_all(&trash)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
    let mut to = trash.join(&name);
    let mut n = 1;
    while storage::exists(&to) {
        to = trash.join(format!("{n}-{name}"));
        n += 1;
    }
    match storage::rename(path, &to) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_reads_as_none_and_a_broken_one_as_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(matches!(read_optional(&dir.path().join("x")), Ok(None)));
        let bad = dir.path().join("bad");
        std::fs::write(&bad, b"\xff\xfe nonsense").expect("write");
        assert!(read_optional(&bad).is_err());
    }

    #[test]
    fn an_unreadable_file_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("articles.toml");
        std::fs::write(&path, "broken [[").expect("write");
        let aside = set_aside(&path).expect("aside");
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(aside).expect("read"), "broken [[");
    }
}
