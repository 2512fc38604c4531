//! One writer per library: a lock file that a second window of the app (or `add` on the
//! command line) finds, so that it opens the library read-only instead of writing over the
//! first one's changes. A lock left by a process that died is taken over.

use std::path::{Path, PathBuf};

/// Held while this process may write the library; the lock file goes when it is dropped.
#[derive(Debug)]
pub struct LibraryLock {
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))] // The page's lock has no file.
    path: PathBuf,
}

/// Why the library could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("the library is open in another window (process {pid})")]
    Held { pid: u32 },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl LibraryLock {
    /// Locks the library at `root` for this process. In the browser, the page took its lock
    /// before the app started (`platform::storage::web::lock_library`); here it is only told.
    ///
    /// # Errors
    /// [`LockError::Held`] when a running process (another tab) holds it; I/O errors.
    #[cfg(target_arch = "wasm32")]
    pub fn acquire(root: &Path) -> Result<Self, LockError> {
        if crate::platform::storage::web::holds_library() {
            Ok(Self {
                path: root.join("library.lock"),
            })
        } else {
            Err(LockError::Held { pid: 0 })
        }
    }

    /// Locks the library at `root` for this process.
    ///
    /// # Errors
    /// [`LockError::Held`] when a running process holds it; I/O errors.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn acquire(root: &Path) -> Result<Self, LockError> {
        let path = root.join("library.lock");
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(root).map_err(io)?;
        for _ in 0..2 {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    std::io::Write::write_fmt(&mut file, format_args!("{}", std::process::id()))
                        .map_err(io)?;
                    return Ok(Self { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = std::fs::read_to_string(&path)
                        .ok()
                        .and_then(|t| t.trim().parse::<u32>().ok());
                    match holder {
                        Some(pid) if pid != std::process::id() && alive(pid) => {
                            return Err(LockError::Held { pid });
                        }
                        // Left by a process that is gone (or unreadable): take it over.
                        _ => std::fs::remove_file(&path).map_err(io)?,
                    }
                }
                Err(e) => return Err(io(e)),
            }
        }
        Err(LockError::Held { pid: 0 })
    }
}

impl Drop for LibraryLock {
    fn drop(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Whether a process runs (where the platform can tell; elsewhere assume it does).
#[cfg(not(target_arch = "wasm32"))]
fn alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_a_library_is_refused_and_the_lock_goes_with_its_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = LibraryLock::acquire(dir.path()).expect("first");
        // This process holds it; a second holder in the same process is another window's
        // stand-in: write a live foreign pid (the parent, pid 1 on any Linux).
        drop(first);
        std::fs::write(dir.path().join("library.lock"), "1").expect("write");
        assert!(matches!(
            LibraryLock::acquire(dir.path()),
            Err(LockError::Held { pid: 1 })
        ));
        std::fs::remove_file(dir.path().join("library.lock")).expect("rm");
        let lock = LibraryLock::acquire(dir.path()).expect("free again");
        drop(lock);
        assert!(!dir.path().join("library.lock").exists());
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        // No process has this id (above the kernel's limit of 2^22).
        std::fs::write(dir.path().join("library.lock"), "4194305").expect("write");
        assert!(LibraryLock::acquire(dir.path()).is_ok());
    }
}
