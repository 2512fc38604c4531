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

/// The app on `loaded` in a window of `size`, started with `options` (tiles drawn inline, so
/// that a settled harness has its base map), after its first frames.
pub fn launch(
    loaded: Loaded,
    size: egui::Vec2,
    options: mediation_atlas::app::StartOptions,
) -> egui_kittest::Harness<'static, mediation_atlas::app::AtlasApp> {
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(400)
        .build_eframe(move |cc| {
            mediation_atlas::style::apply(&cc.egui_ctx);
            mediation_atlas::app::AtlasApp::new(
                loaded,
                mediation_atlas::app::State::default(),
                mediation_atlas::app::StartOptions {
                    tile_rendering: Some(mediation_atlas::basemap::tiles::Rendering::Inline),
                    ..options
                },
            )
        });
    harness.run();
    harness
}

/// One geoparser for all the tests of a binary: building it takes seconds in a debug build.
pub fn geoparser() -> std::sync::Arc<mediation_atlas::gazetteer::Geoparser> {
    static PARSER: std::sync::OnceLock<std::sync::Arc<mediation_atlas::gazetteer::Geoparser>> =
        std::sync::OnceLock::new();
    std::sync::Arc::clone(PARSER.get_or_init(|| {
        let shipped = load_shipped().atlas;
        let parser = mediation_atlas::library::intake::geoparser(
            None,
            &shipped,
            &mediation_atlas::library::Library::in_memory(),
        )
        .expect("the embedded gazetteer builds");
        std::sync::Arc::new(parser)
    }))
}

/// A press or release of the primary button at `pos`.
pub fn button(pos: egui::Pos2, pressed: bool) -> egui::Event {
    egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    }
}

/// A file dropped on the window, as the platform hands it over.
#[derive(Debug)]
pub struct DroppedPath(pub PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// eframe's storage, in memory (what is remembered between runs, in a test).
#[derive(Default)]
#[allow(dead_code)] // Not every test binary remembers state.
pub struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// The app on the shipped corpus with the library at `library`, in German, at `size`, with
/// the shared geoparser (for the files that add articles and datasets).
pub fn library_app(
    library: &Path,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, mediation_atlas::app::AtlasApp> {
    launch(
        load_shipped(),
        size,
        mediation_atlas::app::StartOptions {
            lang: Some(mediation_atlas::i18n::Lang::De),
            library: Some(library.to_owned()),
            geoparser: Some(geoparser()),
            today: Some(TODAY),
            ..mediation_atlas::app::StartOptions::default()
        },
    )
}
