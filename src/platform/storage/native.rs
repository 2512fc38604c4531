//! The storage seam on the desktop: the file system.

use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::{Entry, Reader};

pub fn read(path: &Path) -> io::Result<Vec<u8>> {
    std::fs::read(path)
}

pub fn open(path: &Path) -> io::Result<Reader> {
    Ok(Box::new(std::fs::File::open(path)?))
}

pub fn len(path: &Path) -> io::Result<u64> {
    std::fs::metadata(path).map(|m| m.len())
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}

pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// A temporary file in the target's folder (so the rename never crosses file systems), as
/// readable as the file it replaces, synced, renamed over it, and the folder synced so that
/// the rename is durable too.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    as_readable_as_a_saved_file(tmp.as_file(), path)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// A temporary file is private (0600); what replaces `path` should be as readable as any file
/// the user saves: the permissions of the file it replaces, or the usual 0644.
fn as_readable_as_a_saved_file(tmp: &std::fs::File, path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let permissions = std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o644),
            |m| m.permissions(),
        );
        tmp.set_permissions(permissions)?;
    }
    #[cfg(not(unix))]
    let _ = (tmp, path);
    Ok(())
}

pub fn append(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_data()
}

pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)
}

pub fn remove_file(path: &Path) -> io::Result<()> {
    std::fs::remove_file(path)
}

pub fn read_dir(dir: &Path) -> io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        entries.push(Entry {
            path: entry.path(),
            is_dir,
        });
    }
    Ok(entries)
}

pub fn version(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Some((meta.len(), modified))
}

pub fn library_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Mediation Atlas", "mediation-atlas")
        .map(|dirs| dirs.data_dir().join("library"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_whole_file_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join("a.toml");
        write_atomic(&path, b"first version, quite long").expect("write");
        write_atomic(&path, b"second").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let entries = read_dir(&dir.path().join("sub")).expect("dir");
        assert_eq!(entries.len(), 1);
    }

    #[test]
    fn a_failed_streamed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("layer.csv");
        write_atomic(&path, b"old").expect("write");
        let failed = write_atomic_with(&path, |out| {
            out.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"old");
        assert_eq!(read_dir(dir.path()).expect("dir").len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_is_readable_by_others_as_any_saved_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("figure.png");
        write_atomic(&path, b"png").expect("write");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}
