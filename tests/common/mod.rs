//! Shared by the integration tests: the shipped corpus, a fixed "today", a copy to break.
#![allow(dead_code, clippy::missing_panics_doc, clippy::new_without_default)] // Test helpers: each file uses its share, and a panic is a failed test.

use std::path::{Path, PathBuf};

use mediation_atlas::ingest::{self, Corpus, Loaded};
use mediation_atlas::model::Date;

/// The day the tests pretend it is, so that no test depends on the clock.
pub const TODAY: Date = Date::Day {
    year: 2026,
    month: 11,
    day: 23,
};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shipped() -> Corpus {
    Corpus::Disk {
        data: root().join("data"),
        seeds: root().join("seeds"),
    }
}

pub fn load_shipped() -> Loaded {
    ingest::load(&shipped(), TODAY)
}

/// A writable copy of the shipped corpus, to break on purpose.
pub struct CorpusCopy {
    pub dir: tempfile::TempDir,
}

impl CorpusCopy {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        for sub in ["data", "seeds"] {
            std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
            for entry in std::fs::read_dir(root().join(sub)).expect("list") {
                let entry = entry.expect("entry");
                if entry.path().is_file() {
                    std::fs::copy(entry.path(), dir.path().join(sub).join(entry.file_name()))
                        .expect("copy");
                }
            }
        }
        Self { dir }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn seeds(&self) -> PathBuf {
        self.dir.path().join("seeds")
    }

    pub fn corpus(&self) -> Corpus {
        Corpus::Disk {
            data: self.data(),
            seeds: self.seeds(),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Replaces the first occurrence of `from` with `to` in a file of the copy.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.path(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
    }

    /// The 1-based line of the first occurrence of `needle` in a file of the copy.
    pub fn line_of(&self, rel: &str, needle: &str) -> usize {
        let text = std::fs::read_to_string(self.path(rel)).expect("read");
        let offset = text.find(needle).expect("needle in file");
        1 + text[..offset].matches('\n').count()
    }

    pub fn load(&self) -> Loaded {
        ingest::load(&self.corpus(), TODAY)
    }
}

pub fn relative(path: &Path) -> String {
    path.display().to_string()
}
