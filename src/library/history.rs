//! The library's undo and redo, kept across restarts in a log beside its files
//! (`history.jsonl`).
//!
//! Each edit, undo and redo appends one line (JSON): what was pushed on which stack, and a
//! stamp of the library's files as they were after it. Opening replays the lines; if the
//! last stamp does not match the files (they were changed outside the app, or copied
//! elsewhere), the old log is set aside and undo starts afresh, with a note saying so.
//!
//! The log is appended to rather than replaced: it is not the user's data (the library's
//! files are, and they are written atomically), and a line cut short by a crash is simply
//! not read. When it grows long it is rewritten, atomically, with just the two stacks.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Edit, Library, LibraryError};

/// The log's name in the library's folder.
pub const FILE: &str = "history.jsonl";

/// How many edits can be undone (older ones are forgotten).
pub const LIMIT: usize = 200;

/// One line of the log.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    op: Op,
    edit: Edit,
    /// The library's files after the step (see [`stamp`]).
    stamp: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    /// An edit: its inverse goes on the undo stack; the redo stack is cleared.
    Do,
    /// An undo: the undo stack's top was applied; its inverse goes on the redo stack.
    Undo,
    /// A redo: the redo stack's top was applied; its inverse goes on the undo stack.
    Redo,
    /// Rewriting the log: an edit to be redone (bottom first).
    KeepRedo,
}

/// Undo and redo of a library, remembered in its folder.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Where the log is kept (`None`: a library in memory; nothing is kept).
    path: Option<PathBuf>,
    /// Lines in the log now.
    lines: usize,
}

/// Why an undo or redo did nothing.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("nothing to undo or redo")]
    Empty,
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl History {
    /// The history of `library` as its log left it. A note says why an old log was set
    /// aside (it no longer matches the library's files, or cannot be read).
    #[must_use]
    pub fn open(library: &Library) -> (Self, Option<String>) {
        // A library in memory keeps no log; one open in another window is that window's.
        let Some(root) = library.root().filter(|_| !library.is_read_only()) else {
            return (Self::default(), None);
        };
        let path = root.join(FILE);
        let mut history = Self {
            path: Some(path.clone()),
            ..Self::default()
        };
        let text = match super::store::read_optional(&path) {
            Ok(Some(text)) => text,
            Ok(None) => return (history, None),
            Err(e) => {
                let note = history.set_aside(&format!("{}: {e}", path.display()));
                return (history, Some(note));
            }
        };
        let mut last_stamp = None;
        for (n, line) in text.lines().enumerate() {
            match serde_json::from_str::<Line>(line) {
                Ok(line) => {
                    history.replay(line.op, line.edit);
                    last_stamp = Some(line.stamp);
                    history.lines += 1;
                }
                // A line cut short by a crash can only be the last one.
                Err(_) if n + 1 == text.lines().count() => {}
                Err(e) => {
                    let note = history.set_aside(&format!("{}:{}: {e}", path.display(), n + 1));
                    return (history, Some(note));
                }
            }
        }
        if last_stamp.is_some_and(|s| s != stamp(root)) {
            let note = history.set_aside(&format!(
                "{}: the library was changed outside the app",
                path.display()
            ));
            return (history, Some(note));
        }
        history.trim();
        if history.lines > 2 * LIMIT {
            history.rewrite();
        }
        (history, None)
    }

    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit to the library and remembers how to undo it.
    ///
    /// # Errors
    /// When the library cannot be written (nothing is remembered then).
    pub fn apply(&mut self, library: &mut Library, edit: Edit) -> Result<(), LibraryError> {
        let inverse = library.apply(edit)?;
        self.push(library, Op::Do, inverse);
        Ok(())
    }

    /// Remembers how to undo a change made outside [`Library::apply`] (a layer written by
    /// the importer): `inverse` goes on the undo stack as if an edit had returned it.
    pub fn record(&mut self, library: &Library, inverse: Edit) {
        self.push(library, Op::Do, inverse);
    }

    /// Undoes the last edit.
    ///
    /// # Errors
    /// When there is nothing to undo, or the library cannot be written.
    pub fn undo(&mut self, library: &mut Library) -> Result<(), HistoryError> {
        self.step(library, Op::Undo)
    }

    /// Redoes the last undone edit.
    ///
    /// # Errors
    /// When there is nothing to redo, or the library cannot be written.
    pub fn redo(&mut self, library: &mut Library) -> Result<(), HistoryError> {
        self.step(library, Op::Redo)
    }

    fn step(&mut self, library: &mut Library, op: Op) -> Result<(), HistoryError> {
        let stack = if op == Op::Undo {
            &self.undo
        } else {
            &self.redo
        };
        let edit = stack.last().cloned().ok_or(HistoryError::Empty)?;
        let inverse = library.apply(edit)?;
        // The step pops the edit just applied and pushes its inverse on the other stack.
        self.push(library, op, inverse);
        Ok(())
    }

    /// What a line of the log does to the stacks.
    fn replay(&mut self, op: Op, edit: Edit) {
        match op {
            Op::Do => {
                self.undo.push(edit);
                self.redo.clear();
            }
            Op::Undo => {
                self.undo.pop();
                self.redo.push(edit);
            }
            Op::Redo => {
                self.redo.pop();
                self.undo.push(edit);
            }
            Op::KeepRedo => self.redo.push(edit),
        }
    }

    /// Takes a step on the stacks and appends it to the log.
    fn push(&mut self, library: &Library, op: Op, edit: Edit) {
        let line = self.path.as_ref().and_then(|_| {
            let root = library.root()?;
            serde_json::to_string(&Line {
                op,
                edit: edit.clone(),
                stamp: stamp(root),
            })
            .ok()
        });
        self.replay(op, edit);
        self.trim();
        if let (Some(path), Some(line)) = (&self.path, line) {
            if append(path, &line).is_ok() {
                self.lines += 1;
            } else {
                // The log is behind the library now: it must not be replayed later.
                self.rewrite();
            }
        }
        if self.lines > 2 * LIMIT {
            self.rewrite();
        }
    }

    fn trim(&mut self) {
        if self.undo.len() > LIMIT {
            self.undo.drain(..self.undo.len() - LIMIT);
        }
    }

    /// Writes the log anew (atomically) with just the stacks.
    fn rewrite(&mut self) {
        let Some(path) = &self.path else { return };
        let Some(root) = path.parent() else { return };
        let stamp = stamp(root);
        let lines: Vec<String> = self
            .undo
            .iter()
            .map(|e| (Op::Do, e))
            .chain(self.redo.iter().map(|e| (Op::KeepRedo, e)))
            .filter_map(|(op, edit)| {
                serde_json::to_string(&Line {
                    op,
                    edit: edit.clone(),
                    stamp: stamp.clone(),
                })
                .ok()
            })
            .collect();
        let mut text = lines.join("\n");
        text.push('\n');
        if crate::platform::storage::write_atomic(path, text.as_bytes()).is_ok() {
            self.lines = lines.len();
        }
    }

    /// Moves an old log aside (never deleted) and starts afresh; returns the note.
    fn set_aside(&mut self, why: &str) -> String {
        self.undo.clear();
        self.redo.clear();
        self.lines = 0;
        if let Some(path) = &self.path {
            let _ = super::store::set_aside(path);
        }
        why.to_owned()
    }
}

/// Appends one line and flushes it to disk.
fn append(path: &Path, line: &str) -> std::io::Result<()> {
    crate::platform::storage::append(path, format!("{line}\n").as_bytes())
}

/// A stamp of the library's files: each file's path, size and time of change (the log, the
/// lock and the trash left out). Cheap to take (no file is read), and it changes whenever a
/// file is written, by the app or anyone else.
#[must_use]
pub fn stamp(root: &Path) -> String {
    use sha2::Digest;
    let mut files = Vec::new();
    collect(root, root, &mut files);
    files.sort();
    let digest = sha2::Sha256::digest(files.join("\n").as_bytes());
    digest
        .iter()
        .take(12)
        .fold(String::with_capacity(24), |mut s, b| {
            use std::fmt::Write;
            let _ = write!(s, "{b:02x}");
            s
        })
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = crate::platform::storage::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.path;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == FILE
            || name == "trash"
            || name.starts_with("library.lock")
            || name.starts_with('.')
        {
            continue;
        }
        if entry.is_dir {
            collect(root, &path, out);
        } else {
            let Some((len, modified)) = crate::platform::storage::version(&path) else {
                continue;
            };
            let rel = path.strip_prefix(root).unwrap_or(&path);
            // A layer's description is rewritten when the layer is shown or hidden, which is
            // not an edit: only that it is there counts (its records are stamped in full).
            if rel.parent() == Some(Path::new("layers"))
                && rel.extension().is_some_and(|x| x == "toml")
            {
                out.push(rel.display().to_string());
                continue;
            }
            out.push(format!("{}\t{len}\t{modified}", rel.display()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{ProcessEntry, TourEntry};

    fn process(id: &str) -> ProcessEntry {
        ProcessEntry {
            id: id.to_owned(),
            name_de: id.to_owned(),
            name_en: id.to_owned(),
            color: "#336699".to_owned(),
        }
    }

    /// A library folder with one edit made (and logged) in a run that has ended.
    fn with_one_edit() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut library, _) = Library::open(dir.path());
        let (mut history, _) = History::open(&library);
        history
            .apply(&mut library, Edit::PutProcess(process("a")))
            .expect("edit");
        dir
    }

    #[test]
    fn edits_stay_undoable_after_the_library_is_opened_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let (mut library, _) = Library::open(dir.path());
            let (mut history, note) = History::open(&library);
            assert!(note.is_none());
            for id in ["a", "b", "c"] {
                history
                    .apply(&mut library, Edit::PutProcess(process(id)))
                    .expect("edit");
            }
            history.undo(&mut library).expect("undo c");
        }
        let (mut library, _) = Library::open(dir.path());
        assert_eq!(library.processes.len(), 2);
        let (mut history, note) = History::open(&library);
        assert!(note.is_none(), "{note:?}");
        history.redo(&mut library).expect("redo c");
        assert_eq!(library.processes.len(), 3);
        for _ in 0..3 {
            history.undo(&mut library).expect("undo");
        }
        assert!(library.processes.is_empty());
        assert!(matches!(
            history.undo(&mut library),
            Err(HistoryError::Empty)
        ));
        // And the undos themselves are remembered.
        let (library, _) = Library::open(dir.path());
        let (history, _) = History::open(&library);
        assert!(!history.can_undo() && history.can_redo());
    }

    #[test]
    fn a_library_changed_outside_the_app_starts_a_new_history_and_keeps_the_old_log() {
        let dir = with_one_edit();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let path = dir.path().join("processes.toml");
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, format!("{text}\n# by hand\n")).expect("write");
        let (library, _) = Library::open(dir.path());
        let (history, note) = History::open(&library);
        assert!(note.is_some_and(|n| n.contains("changed outside")));
        assert!(!history.can_undo());
        assert!(dir.path().join(format!("{FILE}.unreadable-1")).exists());
    }

    #[test]
    fn a_line_cut_short_by_a_crash_is_not_read() {
        let dir = with_one_edit();
        let log = dir.path().join(FILE);
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&log)
            .expect("open");
        std::io::Write::write_all(&mut file, b"{\"op\":\"do\",\"ed").expect("write");
        drop(file);
        let (mut library, _) = Library::open(dir.path());
        let (mut history, note) = History::open(&library);
        assert!(note.is_none(), "{note:?}");
        history.undo(&mut library).expect("undo");
        assert!(library.processes.is_empty());
    }

    #[test]
    fn a_long_log_is_rewritten_with_just_the_stacks() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (mut library, _) = Library::open(dir.path());
        let (mut history, _) = History::open(&library);
        let tour = |n: usize| TourEntry {
            id: "t".to_owned(),
            title_de: format!("Tour {n}"),
            title_en: format!("Tour {n}"),
            step: Vec::new(),
        };
        for n in 0..(2 * LIMIT + 5) {
            history
                .apply(&mut library, Edit::PutTour(Box::new(tour(n))))
                .expect("edit");
        }
        let text = std::fs::read_to_string(dir.path().join(FILE)).expect("log");
        assert!(
            text.lines().count() <= 2 * LIMIT,
            "{}",
            text.lines().count()
        );
        drop(library);
        let (library, _) = Library::open(dir.path());
        let (history, note) = History::open(&library);
        assert!(note.is_none(), "{note:?}");
        assert_eq!(history.undo.len(), LIMIT);
    }
}
