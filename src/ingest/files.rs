//! Where the data and articles come from: folders on disk, or the copy built into the binary.
//!
//! The binary carries the shipped data and seeds, so the app opens on its corpus wherever it is
//! started from, with no network and no installation step.

use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The largest article the app reads. Longer texts are refused with a message instead of
/// freezing the reader; the longest seed is 11 kB.
pub const MAX_ARTICLE_BYTES: u64 = 1024 * 1024;

/// The largest data file read.
pub const MAX_DATA_BYTES: u64 = 16 * 1024 * 1024;

const EMBEDDED_DATA: &[(&str, &str)] = &[
    ("places.toml", include_str!("../../data/places.toml")),
    ("actors.toml", include_str!("../../data/actors.toml")),
    ("processes.toml", include_str!("../../data/processes.toml")),
    ("articles.toml", include_str!("../../data/articles.toml")),
    ("events.toml", include_str!("../../data/events.toml")),
];

const EMBEDDED_SEEDS: &[(&str, &str)] = &[
    (
        "000_7d06892664251bfe.txt",
        include_str!("../../seeds/000_7d06892664251bfe.txt"),
    ),
    (
        "001_5fb6c0072c137037.txt",
        include_str!("../../seeds/001_5fb6c0072c137037.txt"),
    ),
    (
        "002_60172de1cc37bdde.txt",
        include_str!("../../seeds/002_60172de1cc37bdde.txt"),
    ),
    (
        "003_8c238df2aab45095.txt",
        include_str!("../../seeds/003_8c238df2aab45095.txt"),
    ),
    (
        "004_af44ea4379a0538b.txt",
        include_str!("../../seeds/004_af44ea4379a0538b.txt"),
    ),
];

/// The folder of the tours, inside the data folder.
const TOURS_DIR: &str = "tours";

/// The shipped tours, by file name.
const EMBEDDED_TOURS: &[(&str, &str)] = &[(
    "kasachstan-als-vermittler.toml",
    include_str!("../../data/tours/kasachstan-als-vermittler.toml"),
)];

/// A tour file: how it is named in messages, and its text or why it could not be read.
pub type TourFile = (String, Result<String, ReadError>);

/// The two folders the atlas is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Corpus {
    /// `data/` and `seeds/` folders on disk.
    Disk { data: PathBuf, seeds: PathBuf },
    /// The copy compiled into the binary.
    Embedded,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("file not found")]
    Missing,
    #[error("cannot be read: {0}")]
    Io(String),
    #[error("is {size} bytes, more than the {limit} bytes allowed; split it or shorten it")]
    TooLarge { size: u64, limit: u64 },
    #[error("is a binary file (it holds a NUL byte at offset {offset}), not text")]
    Binary { offset: usize },
    #[error("is not UTF-8 text (invalid byte at line {line}); save it as UTF-8")]
    NotUtf8 { line: usize },
    #[error("is empty")]
    Empty,
}

impl Corpus {
    /// Finds the corpus: the given folders, else `data/` and `seeds/` in the working directory,
    /// else those beside the source tree, else the embedded copy.
    #[must_use]
    pub fn locate(data: Option<PathBuf>, seeds: Option<PathBuf>) -> Self {
        if data.is_none() && seeds.is_none() {
            for base in [
                PathBuf::from("."),
                PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            ] {
                if base.join("data/places.toml").is_file() && base.join("seeds").is_dir() {
                    return Self::Disk {
                        data: base.join("data"),
                        seeds: base.join("seeds"),
                    };
                }
            }
            return Self::Embedded;
        }
        let base = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        Self::Disk {
            data: data.unwrap_or_else(|| base.join("data")),
            seeds: seeds.unwrap_or_else(|| base.join("seeds")),
        }
    }

    /// How a data file is named in messages.
    #[must_use]
    pub fn data_path(&self, name: &str) -> PathBuf {
        match self {
            Self::Disk { data, .. } => data.join(name),
            Self::Embedded => Path::new("data").join(name),
        }
    }

    /// How an article file is named in messages.
    #[must_use]
    pub fn seed_path(&self, name: &str) -> PathBuf {
        match self {
            Self::Disk { seeds, .. } => seeds.join(name),
            Self::Embedded => Path::new("seeds").join(name),
        }
    }

    /// Reads a data file as text.
    ///
    /// # Errors
    /// See [`ReadError`].
    pub fn read_data(&self, name: &str) -> Result<String, ReadError> {
        match self {
            Self::Disk { data, .. } => read_text(&data.join(name), MAX_DATA_BYTES),
            Self::Embedded => embedded(EMBEDDED_DATA, name),
        }
    }

    /// Every tour file, in file-name order: on disk the `*.toml` files in the `tours` folder
    /// of the data folder (no such folder means no tours), built in the shipped tours.
    ///
    /// A folder that exists but cannot be listed is one entry with its error, so that it is
    /// reported rather than taken for "no tours".
    #[must_use]
    pub fn tour_files(&self) -> Vec<TourFile> {
        let dir = match self {
            Self::Disk { data, .. } => data.join(TOURS_DIR),
            Self::Embedded => {
                let dir = Path::new("data").join(TOURS_DIR);
                return EMBEDDED_TOURS
                    .iter()
                    .map(|(name, text)| {
                        (dir.join(name).display().to_string(), Ok((*text).to_owned()))
                    })
                    .collect();
            }
        };
        let unlisted =
            |e: std::io::Error| (dir.display().to_string(), Err(ReadError::Io(e.to_string())));
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(e) => return vec![unlisted(e)],
        };
        let mut out = Vec::new();
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => out.push(unlisted(e)),
            }
        }
        paths.retain(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file());
        paths.sort();
        out.extend(paths.into_iter().map(|path| {
            let text = read_text(&path, MAX_DATA_BYTES);
            (path.display().to_string(), text)
        }));
        out
    }

    /// Reads an article as text, refusing what is not a readable article.
    ///
    /// # Errors
    /// See [`ReadError`].
    pub fn read_article(&self, name: &str) -> Result<String, ReadError> {
        let text = match self {
            Self::Disk { seeds, .. } => read_text(&seeds.join(name), MAX_ARTICLE_BYTES)?,
            Self::Embedded => embedded(EMBEDDED_SEEDS, name)?,
        };
        if text.trim().is_empty() {
            return Err(ReadError::Empty);
        }
        Ok(text)
    }
}

fn embedded(files: &[(&str, &'static str)], name: &str) -> Result<String, ReadError> {
    files
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| (*text).to_owned())
        .ok_or(ReadError::Missing)
}

/// Reads a text file of at most `limit` bytes, without reading more than that from a larger one.
///
/// # Errors
/// See [`ReadError`].
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Io(e.to_string()),
    })?;
    let size = file
        .metadata()
        .map_err(|e| ReadError::Io(e.to_string()))?
        .len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::new();
    // `take` guards against a file that grows while it is read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    decode_text(bytes)
}

/// Turns bytes into text, refusing binary data and invalid UTF-8 with a precise message.
///
/// # Errors
/// [`ReadError::Binary`] or [`ReadError::NotUtf8`].
pub fn decode_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ReadError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        // Error paths only: a plain count is clear and fast enough.
        #[allow(clippy::naive_bytecount)]
        let line = 1 + e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        ReadError::NotUtf8 { line }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_binary_file_is_refused_with_the_offset_of_its_nul_byte() {
        assert_eq!(
            decode_text(b"abc\0def".to_vec()),
            Err(ReadError::Binary { offset: 3 })
        );
    }

    #[test]
    fn latin1_text_is_refused_with_the_line_of_the_bad_byte() {
        assert_eq!(
            decode_text(b"eins\nzwei\nGr\xfc\xdfe".to_vec()),
            Err(ReadError::NotUtf8 { line: 3 })
        );
    }

    #[test]
    fn a_huge_file_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.txt");
        let file = std::fs::File::create(&path).expect("create");
        file.set_len(50 * 1024 * 1024).expect("set_len");
        assert!(matches!(
            read_text(&path, MAX_ARTICLE_BYTES),
            Err(ReadError::TooLarge { size, .. }) if size == 50 * 1024 * 1024
        ));
    }

    /// File names and texts, to compare tours from disk with the built-in ones.
    fn names_and_texts(corpus: &Corpus) -> Vec<(String, String)> {
        corpus
            .tour_files()
            .into_iter()
            .map(|(path, text)| {
                let name = Path::new(&path).file_name().expect("a file name");
                (name.to_string_lossy().into_owned(), text.expect("readable"))
            })
            .collect()
    }

    #[test]
    fn the_embedded_corpus_has_every_shipped_tour() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let disk = Corpus::Disk {
            data: root.join("data"),
            seeds: root.join("seeds"),
        };
        let on_disk = names_and_texts(&disk);
        assert!(!on_disk.is_empty());
        assert_eq!(names_and_texts(&Corpus::Embedded), on_disk);
        assert_eq!(
            Corpus::Embedded.tour_files()[0].0,
            "data/tours/kasachstan-als-vermittler.toml"
        );
    }

    #[test]
    fn a_data_folder_without_tours_has_no_tours_and_other_files_are_ignored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let corpus = Corpus::Disk {
            data: dir.path().to_owned(),
            seeds: dir.path().to_owned(),
        };
        assert!(corpus.tour_files().is_empty());
        let tours = dir.path().join("tours");
        std::fs::create_dir(&tours).expect("mkdir");
        std::fs::write(tours.join("b.toml"), "id = \"b\"").expect("write");
        std::fs::write(tours.join("a.toml"), "id = \"a\"").expect("write");
        std::fs::write(tours.join("notes.txt"), "not a tour").expect("write");
        let files = corpus.tour_files();
        let names: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            names,
            [
                tours.join("a.toml").display().to_string(),
                tours.join("b.toml").display().to_string()
            ]
        );
        assert_eq!(files[0].1.as_deref(), Ok("id = \"a\""));
    }

    #[test]
    fn the_embedded_corpus_has_every_seed() {
        for (name, text) in EMBEDDED_SEEDS {
            assert!(!text.is_empty(), "{name}");
            assert_eq!(Corpus::Embedded.read_article(name).as_deref(), Ok(*text));
        }
    }
}
