//! Files held in memory, by path: the browser's file system, which the library writes as it
//! writes folders on the desktop. Each change also says what to keep ([`Change`]) so that the
//! browser's storage can mirror it; this part knows nothing of the browser and is tested here.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What one call changed, for the persistent copy: a file written or one removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file's path, its bytes and the count of this write.
    Put(PathBuf, Arc<[u8]>, u64),
    Delete(PathBuf),
}

/// One stored file: its bytes and the count of the write that made it (its "time of change").
#[derive(Debug, Clone)]
struct Stored {
    bytes: Arc<[u8]>,
    written: u64,
}

/// Files by path. Folders are not stored: a folder is there while a file lies under it.
#[derive(Debug, Default)]
pub struct MemoryFiles {
    files: BTreeMap<PathBuf, Stored>,
    writes: u64,
}

/// A file or folder directly inside a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub is_dir: bool,
}

fn not_found(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("{}: no such file", path.display()),
    )
}

impl MemoryFiles {
    /// Files loaded from the persistent copy, each with the count of the write that made it
    /// (so that a file's [`stat`](Self::stat) is the same on the next visit).
    pub fn from_files(files: impl IntoIterator<Item = (PathBuf, Arc<[u8]>, u64)>) -> Self {
        let files: BTreeMap<PathBuf, Stored> = files
            .into_iter()
            .map(|(path, bytes, written)| (path, Stored { bytes, written }))
            .collect();
        let writes = files.values().map(|s| s.written).max().unwrap_or(0);
        Self { files, writes }
    }

    /// The bytes of a file.
    ///
    /// # Errors
    /// `NotFound` when there is none at `path`.
    pub fn read(&self, path: &Path) -> io::Result<Arc<[u8]>> {
        self.files
            .get(path)
            .map(|s| Arc::clone(&s.bytes))
            .ok_or_else(|| not_found(path))
    }

    /// Whether a file, or a folder with files in it, is at `path`.
    #[must_use]
    pub fn exists(&self, path: &Path) -> bool {
        self.files.contains_key(path) || self.is_dir(path)
    }

    /// Whether files lie under `path`.
    #[must_use]
    pub fn is_dir(&self, path: &Path) -> bool {
        self.files
            .range(path.to_path_buf()..)
            .next()
            .is_some_and(|(p, _)| p != path && p.starts_with(path))
    }

    /// The size and the write count of a file.
    #[must_use]
    pub fn stat(&self, path: &Path) -> Option<(u64, u64)> {
        self.files
            .get(path)
            .map(|s| (s.bytes.len() as u64, s.written))
    }

    /// Writes a whole file at once (the only way a file is written: never half of one).
    pub fn write(&mut self, path: &Path, bytes: Arc<[u8]>) -> Change {
        self.writes += 1;
        self.files.insert(
            path.to_path_buf(),
            Stored {
                bytes: Arc::clone(&bytes),
                written: self.writes,
            },
        );
        Change::Put(path.to_path_buf(), bytes, self.writes)
    }

    /// Adds bytes at the end of a file (made if missing).
    pub fn append(&mut self, path: &Path, more: &[u8]) -> Change {
        let mut bytes = self
            .files
            .get(path)
            .map(|s| s.bytes.to_vec())
            .unwrap_or_default();
        bytes.extend_from_slice(more);
        self.write(path, bytes.into())
    }

    /// Removes a file.
    ///
    /// # Errors
    /// `NotFound` when there is none at `path`.
    pub fn remove(&mut self, path: &Path) -> io::Result<Change> {
        self.files
            .remove(path)
            .map(|_| Change::Delete(path.to_path_buf()))
            .ok_or_else(|| not_found(path))
    }

    /// Moves a file, or a folder with all under it, replacing what was at `to`.
    ///
    /// # Errors
    /// `NotFound` when nothing is at `from`.
    pub fn rename(&mut self, from: &Path, to: &Path) -> io::Result<Vec<Change>> {
        let moved: Vec<PathBuf> = if self.files.contains_key(from) {
            vec![from.to_path_buf()]
        } else {
            self.files
                .keys()
                .filter(|p| p.starts_with(from))
                .cloned()
                .collect()
        };
        if moved.is_empty() {
            return Err(not_found(from));
        }
        let mut changes = Vec::new();
        for old in moved {
            let rest = old.strip_prefix(from).unwrap_or(Path::new(""));
            let new = if rest.as_os_str().is_empty() {
                to.to_path_buf()
            } else {
                to.join(rest)
            };
            if let Some(stored) = self.files.remove(&old) {
                changes.push(Change::Delete(old));
                changes.push(self.write(&new, stored.bytes));
            }
        }
        Ok(changes)
    }

    /// What lies directly in a folder, files and folders, sorted by path.
    ///
    /// # Errors
    /// `NotFound` when nothing lies under `dir`.
    pub fn read_dir(&self, dir: &Path) -> io::Result<Vec<Entry>> {
        let mut entries: Vec<Entry> = Vec::new();
        for path in self
            .files
            .keys()
            .filter(|p| p.starts_with(dir) && *p != dir)
        {
            let Ok(rest) = path.strip_prefix(dir) else {
                continue;
            };
            let mut parts = rest.components();
            let Some(first) = parts.next() else { continue };
            let entry = Entry {
                path: dir.join(first),
                is_dir: parts.next().is_some(),
            };
            if entries.last() != Some(&entry) {
                entries.push(entry);
            }
        }
        if entries.is_empty() {
            return Err(not_found(dir));
        }
        entries.dedup_by(|a, b| a.path == b.path);
        Ok(entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(s: &str) -> Arc<[u8]> {
        Arc::from(s.as_bytes())
    }

    #[test]
    fn a_written_file_reads_back_whole_and_each_write_is_one_change_to_keep() {
        let mut files = MemoryFiles::default();
        let path = Path::new("/library/articles.toml");
        assert_eq!(
            files.read(path).map_err(|e| e.kind()).err(),
            Some(io::ErrorKind::NotFound)
        );
        let change = files.write(path, bytes("first"));
        assert_eq!(change, Change::Put(path.to_path_buf(), bytes("first"), 1));
        files.write(path, bytes("second"));
        assert_eq!(&*files.read(path).expect("read"), b"second");
        assert!(files.exists(Path::new("/library")));
        assert!(files.is_dir(Path::new("/library")));
        assert!(!files.is_dir(path));
    }

    #[test]
    fn the_write_count_tells_a_changed_file_from_an_unchanged_one_across_visits() {
        let mut files = MemoryFiles::from_files([
            (PathBuf::from("/l/a"), bytes("a"), 7),
            (PathBuf::from("/l/b"), bytes("bb"), 3),
        ]);
        assert_eq!(files.stat(Path::new("/l/b")), Some((2, 3)));
        // Counting goes on after the highest kept count, so no later write looks unchanged.
        let Change::Put(_, _, count) = files.write(Path::new("/l/b"), bytes("b")) else {
            panic!("a write puts");
        };
        assert_eq!(count, 8);
        files.write(Path::new("/l/a"), bytes("a"));
        assert_eq!(files.stat(Path::new("/l/a")), Some((1, 9)));
    }

    #[test]
    fn a_folder_lists_its_files_and_subfolders_once_each() {
        let mut files = MemoryFiles::default();
        for p in [
            "/l/b.toml",
            "/l/a.toml",
            "/l/tours/x.toml",
            "/l/tours/y.toml",
            "/lx/z",
        ] {
            files.write(Path::new(p), bytes(p));
        }
        let listed = files.read_dir(Path::new("/l")).expect("list");
        let names: Vec<(String, bool)> = listed
            .iter()
            .map(|e| (e.path.display().to_string(), e.is_dir))
            .collect();
        assert_eq!(
            names,
            [
                ("/l/a.toml".to_owned(), false),
                ("/l/b.toml".to_owned(), false),
                ("/l/tours".to_owned(), true),
            ]
        );
        assert!(files.read_dir(Path::new("/nothing")).is_err());
    }

    #[test]
    fn renaming_moves_a_file_or_a_whole_folder_and_says_what_to_delete_and_put() {
        let mut files = MemoryFiles::default();
        files.write(Path::new("/l/a.toml"), bytes("a"));
        files.write(Path::new("/l/t/x"), bytes("x"));
        let changes = files
            .rename(Path::new("/l/a.toml"), Path::new("/l/trash/a.toml"))
            .expect("rename");
        assert_eq!(
            changes,
            [
                Change::Delete(PathBuf::from("/l/a.toml")),
                Change::Put(PathBuf::from("/l/trash/a.toml"), bytes("a"), 3),
            ]
        );
        files
            .rename(Path::new("/l/t"), Path::new("/l/u"))
            .expect("folder");
        assert_eq!(&*files.read(Path::new("/l/u/x")).expect("moved"), b"x");
        assert!(!files.exists(Path::new("/l/t")));
        assert!(
            files
                .rename(Path::new("/l/none"), Path::new("/l/n"))
                .is_err()
        );
    }

    #[test]
    fn appending_adds_to_the_end_and_removing_says_what_to_delete() {
        let mut files = MemoryFiles::default();
        let log = Path::new("/l/history.log");
        files.append(log, b"one\n");
        let change = files.append(log, b"two\n");
        assert_eq!(
            change,
            Change::Put(log.to_path_buf(), bytes("one\ntwo\n"), 2)
        );
        assert_eq!(
            files.remove(log).expect("remove"),
            Change::Delete(log.to_path_buf())
        );
        assert!(files.remove(log).is_err());
    }
}
