//! Lesson packs: one `.atlas` file that carries a lesson from one user to another.
//!
//! A pack is a zip archive of plain TOML and text files with a `manifest.toml` that says which
//! pack format it uses and what it holds. A pack arrives from outside, so reading treats it as
//! hostile: sizes declared in the archive are never trusted, every member is decompressed
//! through a hard cap, and a pack that breaks any rule is refused as a whole rather than read in
//! part. Reading never writes to disk; the caller decides where the files go.

use std::collections::HashSet;
use std::io::{self, Cursor, Read, Seek, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use zip::read::{Config, OwnedZipFileEntry};
use zip::result::ZipError;
use zip::unstable::read::ZipIterable;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipReadOptions, ZipWriter};

/// The pack format this version writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;
/// The file extension of a lesson pack, without the dot.
pub const EXTENSION: &str = "atlas";
/// The path of the manifest inside a pack.
pub const MANIFEST_PATH: &str = "manifest.toml";

/// Members at most this large are exempt from the ratio check: a small file of repeated
/// characters can legitimately compress more than 200:1, and the hard caps already bound what
/// such a member can cost.
const RATIO_FLOOR: u64 = 1 << 20;

/// The zip file-type bits of a Unix mode, and the two types a pack may hold.
const MODE_TYPE_MASK: u32 = 0o170_000;
const MODE_REGULAR: u32 = 0o100_000;
const MODE_DIRECTORY: u32 = 0o040_000;

/// What a pack says about itself, stored as `manifest.toml`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Manifest {
    /// The pack format ([`FORMAT_VERSION`] when written by this version).
    pub format: u32,
    /// The version of Mediation Atlas that wrote the pack.
    pub app_version: String,
    /// When the pack was made, in ISO 8601.
    pub created: String,
    /// The lesson's title.
    pub title: String,
    /// The tours the pack holds, by id.
    #[serde(default)]
    pub tours: Vec<String>,
    /// A longer description of the lesson.
    #[serde(default)]
    pub description: String,
}

/// A pack's files other than the manifest: each path (relative, with forward slashes) and its
/// bytes.
pub type PackFiles = Vec<(String, Vec<u8>)>;

/// How much a pack may hold; beyond these it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Entries in the archive, directories and the manifest included.
    pub max_members: usize,
    /// Uncompressed bytes of one member.
    pub max_member_bytes: u64,
    /// Uncompressed bytes of all members together.
    pub max_total_bytes: u64,
    /// Uncompressed size over compressed size of one member; members of 1 MiB or less are
    /// exempt, since small files of repeated characters legitimately compress that well.
    pub max_ratio: u64,
}

impl Default for Limits {
    /// Generous for a lesson of text and TOML, small enough that a hostile pack cannot exhaust
    /// memory.
    fn default() -> Self {
        Self {
            max_members: 10_000,
            max_member_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_ratio: 200,
        }
    }
}

/// Why a pack could not be written or read. The UI translates by variant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("This file is not a lesson pack, or it is truncated or damaged.")]
    NotAZip,
    #[error("The lesson pack has no {MANIFEST_PATH}.")]
    NoManifest,
    #[error("The lesson pack's {MANIFEST_PATH} is invalid: {message}")]
    BadManifest { message: String },
    #[error(
        "The lesson pack was made by a newer version of Mediation Atlas (pack format {found}; this version reads up to {supported})."
    )]
    NewerFormat { found: u32, supported: u32 },
    /// Absolute, `..`, backslashes, drive letters, control characters, symlinks and other
    /// entries that are not plain files or folders.
    #[error("The lesson pack holds an unsafe entry: {path:?}.")]
    UnsafePath { path: String },
    #[error("The lesson pack's file {path:?} is encrypted; lesson packs are never encrypted.")]
    Encrypted { path: String },
    #[error("The lesson pack's file {path:?} uses an unknown compression ({method}).")]
    UnsupportedMethod { path: String, method: String },
    #[error("The lesson pack holds {count} entries, more than a lesson pack may hold.")]
    TooManyMembers { count: usize },
    #[error("The lesson pack's file {path:?} is too large ({size} bytes).")]
    MemberTooLarge { path: String, size: u64 },
    #[error("The lesson pack's files are too large together (at least {total} bytes).")]
    TooLarge { total: u64 },
    /// The member unpacks to more than it declares, or declares an implausible ratio.
    #[error("The lesson pack's file {path:?} unpacks to far more than it should.")]
    ZipBomb { path: String },
    #[error("The lesson pack holds {path:?} twice.")]
    Duplicate { path: String },
    #[error("The lesson pack could not be read or written: {0}")]
    Io(String),
}

impl From<io::Error> for PackError {
    fn from(error: io::Error) -> Self {
        Self::Io(error.to_string())
    }
}

/// Writes a pack to `path` atomically: `manifest.toml` first, then each file (a relative path
/// with forward slashes), deflated. A crash leaves the old file or the new one, never half.
///
/// # Errors
/// [`PackError::UnsafePath`] or [`PackError::Duplicate`] for a path the reader would refuse,
/// [`PackError::BadManifest`] or [`PackError::NewerFormat`] for a manifest it would refuse, and
/// [`PackError::Io`] when the file cannot be written.
pub fn write_pack(
    path: &Path,
    manifest: &Manifest,
    files: &[(String, Vec<u8>)],
) -> Result<(), PackError> {
    // Checked before the file is touched: a refused pack leaves what was there.
    let bytes = pack_bytes(manifest, files)?;
    crate::platform::storage::write_atomic(path, &bytes)?;
    Ok(())
}

/// Writes a pack into memory, exactly as [`write_pack`] writes it to a file.
///
/// # Errors
/// As [`write_pack`], less the file system's.
pub fn pack_bytes(manifest: &Manifest, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, PackError> {
    Ok(write_to(Cursor::new(Vec::new()), manifest, files)?.into_inner())
}

/// Reads and checks the pack at `path`; see [`read_pack_bytes`].
///
/// # Errors
/// As [`read_pack_bytes`], and [`PackError::Io`] when the file cannot be read.
pub fn read_pack(path: &Path, limits: &Limits) -> Result<(Manifest, PackFiles), PackError> {
    // Read through the file rather than loading it: only what passes the checks is kept.
    let file = crate::platform::storage::open(path)?;
    read_from(io::BufReader::new(file), limits)
}

/// Reads and checks a pack: returns its manifest and its files (path, bytes), in the order of
/// the archive, the manifest excluded. Any broken rule refuses the whole pack.
///
/// # Errors
/// The first rule the pack breaks, in the order of its entries: see [`PackError`].
pub fn read_pack_bytes(bytes: &[u8], limits: &Limits) -> Result<(Manifest, PackFiles), PackError> {
    read_from(Cursor::new(bytes), limits)
}

/// Whether `path` (without a directory's trailing slash) is a plain relative path that means
/// the same on every system: no absolute path, no `..` or `.` or empty part, no backslash (a
/// separator on Windows), no colon (drive letters and NTFS streams), no control characters.
fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path
            .chars()
            .any(|c| c == '\\' || c == ':' || c.is_control())
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// The key under which a path is checked for duplicates: Windows and macOS fold case, so two
/// names differing only in case would overwrite each other there.
fn name_key(path: &str) -> String {
    path.to_lowercase()
}

/// A file that is also another file's folder (`a` and `a/b`): no file system can hold both.
/// `names` holds the [`name_key`] of every file.
fn file_as_folder<'a>(
    mut paths: impl Iterator<Item = &'a str>,
    names: &HashSet<String>,
) -> Option<String> {
    paths.find_map(|path| {
        path.match_indices('/')
            .map(|(end, _)| &path[..end])
            .find(|folder| names.contains(&name_key(folder)))
            .map(str::to_owned)
    })
}

/// The common writer of [`write_pack`] and [`pack_bytes`]. It refuses what the reader would
/// refuse for its names, so a pack this app wrote can always be read back.
fn write_to<W: Write + Seek>(
    out: W,
    manifest: &Manifest,
    files: &[(String, Vec<u8>)],
) -> Result<W, PackError> {
    check_format(manifest.format)?;
    let text = toml::to_string(manifest).map_err(|e| PackError::BadManifest {
        message: e.to_string(),
    })?;
    let mut names = HashSet::from([name_key(MANIFEST_PATH)]);
    for (path, _) in files {
        if !is_safe_path(path) {
            return Err(PackError::UnsafePath { path: path.clone() });
        }
        if !names.insert(name_key(path)) {
            return Err(PackError::Duplicate { path: path.clone() });
        }
    }
    if let Some(path) = file_as_folder(files.iter().map(|(p, _)| p.as_str()), &names) {
        return Err(PackError::Duplicate { path });
    }
    // A fixed date keeps packs of the same lesson byte for byte the same.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(out);
    let rest = files
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()));
    for (path, bytes) in std::iter::once((MANIFEST_PATH, text.as_bytes())).chain(rest) {
        zip.start_file(path, options).map_err(write_error)?;
        zip.write_all(bytes)?;
    }
    zip.finish().map_err(write_error)
}

fn write_error(error: ZipError) -> PackError {
    match error {
        ZipError::Io(e) => e.into(),
        other => PackError::Io(other.to_string()),
    }
}

/// Whether an I/O error while reading the archive means damaged data rather than a failing disk.
fn is_damage(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidData | io::ErrorKind::InvalidInput
    )
}

fn read_io_error(error: io::Error) -> PackError {
    if is_damage(&error) {
        PackError::NotAZip
    } else {
        error.into()
    }
}

/// Everything the zip crate refuses is a damaged archive, except a disk that fails.
fn read_error(error: ZipError) -> PackError {
    match error {
        ZipError::Io(e) => read_io_error(e),
        _ => PackError::NotAZip,
    }
}

fn check_format(format: u32) -> Result<(), PackError> {
    match format {
        0 => Err(PackError::BadManifest {
            message: "format 0 does not exist".to_owned(),
        }),
        found if found > FORMAT_VERSION => Err(PackError::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        }),
        _ => Ok(()),
    }
}

fn parse_manifest(bytes: &[u8]) -> Result<Manifest, PackError> {
    let bad = |message: String| PackError::BadManifest { message };
    let text = std::str::from_utf8(bytes).map_err(|e| bad(e.to_string()))?;
    // The format is checked before the rest, so a newer pack whose other fields changed is
    // reported as newer rather than as broken.
    let table: toml::Table = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    let format = match table.get("format") {
        None => return Err(bad("it names no format".to_owned())),
        Some(value) => value
            .as_integer()
            .ok_or_else(|| bad("its format is not a whole number".to_owned()))?,
    };
    if format < 0 {
        return Err(bad("its format is negative".to_owned()));
    }
    // Beyond `u32` is still a newer format, just an absurd one.
    check_format(u32::try_from(format).unwrap_or(u32::MAX))?;
    toml::from_str(text).map_err(|e| bad(e.to_string()))
}

/// What one archive entry is, once its metadata has passed the checks.
enum Member {
    /// A folder: nothing to read.
    Directory,
    /// A file to read, of this declared size.
    File { path: String, declared: u64 },
}

/// Checks an entry's metadata, before anything of it is decompressed.
fn check_member(
    entry: &OwnedZipFileEntry,
    limits: &Limits,
    names: &mut HashSet<String>,
    total: u64,
) -> Result<Member, PackError> {
    let name = entry.name().map_err(read_error)?.into_owned();
    let is_dir = name.ends_with('/');
    if !is_safe_path(name.strip_suffix('/').unwrap_or(&name)) {
        return Err(PackError::UnsafePath { path: name });
    }
    // Symlinks, devices, pipes and sockets have no place in a lesson; an entry without Unix
    // type bits (made on Windows) is a file or a folder by its name.
    let kind = entry.unix_mode().map_or(0, |mode| mode & MODE_TYPE_MASK);
    if kind != 0 && kind != MODE_REGULAR && kind != MODE_DIRECTORY {
        return Err(PackError::UnsafePath { path: name });
    }
    if is_dir || kind == MODE_DIRECTORY {
        return Ok(Member::Directory);
    }
    if !names.insert(name_key(&name)) {
        return Err(PackError::Duplicate { path: name });
    }
    if entry.encrypted() {
        return Err(PackError::Encrypted { path: name });
    }
    let method = entry.compression();
    if method != CompressionMethod::Stored && method != CompressionMethod::Deflated {
        return Err(PackError::UnsupportedMethod {
            path: name,
            method: method.to_string(),
        });
    }
    let declared = entry.size();
    if declared > limits.max_member_bytes {
        return Err(PackError::MemberTooLarge {
            path: name,
            size: declared,
        });
    }
    if declared > RATIO_FLOOR && declared > entry.compressed_size().saturating_mul(limits.max_ratio)
    {
        return Err(PackError::ZipBomb { path: name });
    }
    let after = total.saturating_add(declared);
    if after > limits.max_total_bytes {
        return Err(PackError::TooLarge { total: after });
    }
    Ok(Member::File {
        path: name,
        declared,
    })
}

/// Decompresses one member through a cap of its declared size plus one byte, so a member that
/// lies about its size is caught after at most that many bytes, whatever it claims.
fn read_member<R: Read + Seek>(
    entry: &OwnedZipFileEntry,
    reader: &mut R,
    path: &str,
    declared: u64,
) -> Result<Vec<u8>, PackError> {
    // Trust the declared size for the first allocation only up to a point.
    let mut body = Vec::with_capacity(usize::try_from(declared.min(1 << 20)).unwrap_or(0));
    let file = entry
        .as_ref()
        .with_reader(reader, ZipReadOptions::new())
        .map_err(read_error)?;
    // The reader is released before the match, which may need it again.
    let outcome = file.take(declared.saturating_add(1)).read_to_end(&mut body);
    match outcome {
        Ok(_) if body.len() as u64 > declared => Err(PackError::ZipBomb {
            path: path.to_owned(),
        }),
        // Shorter than declared: the data ends early, so the archive is damaged.
        Ok(_) if (body.len() as u64) < declared => Err(PackError::NotAZip),
        Ok(_) => Ok(body),
        // The zip crate itself fails a member that grows past its declared size, with the same
        // kind of error as a wrong checksum at its end: tell them apart by reading once more.
        Err(e) if is_damage(&e) && body.len() as u64 == declared => {
            drop(body);
            if continues_past(entry, reader, declared)? {
                Err(PackError::ZipBomb {
                    path: path.to_owned(),
                })
            } else {
                Err(PackError::NotAZip)
            }
        }
        Err(e) => Err(read_io_error(e)),
    }
}

/// Whether a member's data goes on past its declared size, read again without the checksum
/// check (so that only size or data errors can stop it) and into nothing.
fn continues_past<R: Read + Seek>(
    entry: &OwnedZipFileEntry,
    reader: &mut R,
    declared: u64,
) -> Result<bool, PackError> {
    let file = entry
        .as_ref()
        .with_reader(reader, ZipReadOptions::new().ignore_crc32(true))
        .map_err(read_error)?;
    match io::copy(&mut file.take(declared.saturating_add(1)), &mut io::sink()) {
        Ok(n) => Ok(n > declared),
        // The first `declared` bytes decoded before, so this error lies beyond them.
        Err(e) if is_damage(&e) => Ok(true),
        Err(e) => Err(e.into()),
    }
}

fn read_from<R: Read + Seek>(
    reader: R,
    limits: &Limits,
) -> Result<(Manifest, PackFiles), PackError> {
    // The iterating reader keeps entries that share a name (the indexed `ZipArchive` merges
    // them), and checking each local header against the central directory refuses archives
    // that show different files to different readers.
    let mut archive = ZipIterable::try_new(reader, Config::default())
        .map_err(read_error)?
        .enforce_header_consistency(true);
    if archive.len() > limits.max_members {
        return Err(PackError::TooManyMembers {
            count: archive.len(),
        });
    }
    let entries = archive.files().map_err(read_error)?;
    let mut names = HashSet::new();
    let mut total: u64 = 0;
    let mut manifest = None;
    let mut files = Vec::new();
    while let Some(entry) = entries.next() {
        let entry = OwnedZipFileEntry::from(entry.map_err(read_error)?);
        let Member::File { path, declared } = check_member(&entry, limits, &mut names, total)?
        else {
            continue;
        };
        let body = read_member(&entry, entries.reader_mut(), &path, declared)?;
        total += body.len() as u64;
        if path == MANIFEST_PATH {
            manifest = Some(parse_manifest(&body)?);
        } else {
            files.push((path, body));
        }
    }
    let manifest = manifest.ok_or(PackError::NoManifest)?;
    if let Some(path) = file_as_folder(files.iter().map(|(p, _)| p.as_str()), &names) {
        return Err(PackError::Duplicate { path });
    }
    Ok((manifest, files))
}

#[cfg(test)]
#[path = "pack_tests.rs"]
mod tests;
