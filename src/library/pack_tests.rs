use std::io::{self, Read as _, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;

/// The signatures of a zip's local file header and its central directory header.
const LOCAL: [u8; 4] = 0x0403_4b50_u32.to_le_bytes();
const CENTRAL: [u8; 4] = 0x0201_4b50_u32.to_le_bytes();
const MIB: u64 = 1 << 20;

fn manifest() -> Manifest {
    Manifest {
        format: FORMAT_VERSION,
        app_version: "0.1.0".to_owned(),
        created: "2025-03-01T09:30:00Z".to_owned(),
        title: "Die Gespräche von Astana".to_owned(),
        tours: vec!["astana-2017".to_owned()],
        description: "Syrien-Gespräche in Kasachstan, 2017–2023.".to_owned(),
    }
}

fn manifest_toml() -> Vec<u8> {
    toml::to_string(&manifest()).unwrap().into_bytes()
}

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

/// A zip written directly, past the checks of [`pack_bytes`], with any names at all.
fn raw_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, options()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A pack whose member `name` holds `size` zeros, streamed into the compressor so that
/// hundreds of MiB never sit in memory; the pack itself is a few hundred KiB.
fn pack_of_zeros(name: &str, size: u64) -> Vec<u8> {
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    zip.start_file(MANIFEST_PATH, options()).unwrap();
    zip.write_all(&manifest_toml()).unwrap();
    zip.start_file(name, options()).unwrap();
    io::copy(&mut io::repeat(0).take(size), &mut zip).unwrap();
    zip.finish().unwrap().into_inner()
}

/// Where the local header and the central directory header of member `name` start.
fn headers(bytes: &[u8], name: &str) -> (usize, usize) {
    let find = |signature: [u8; 4], name_length_at: usize, name_at: usize| {
        (0..bytes.len().saturating_sub(name_at))
            .find(|&i| {
                bytes[i..i + 4] == signature
                    && bytes[i + name_length_at..i + name_length_at + 2]
                        == u16::try_from(name.len()).unwrap().to_le_bytes()
                    && bytes.get(i + name_at..i + name_at + name.len()) == Some(name.as_bytes())
            })
            .unwrap()
    };
    (find(LOCAL, 26, 30), find(CENTRAL, 28, 46))
}

/// Rewrites a field in both headers of `name`, as a hostile tool would; `local` and `central`
/// are the field's offsets in each header (see APPNOTE 4.3.7 and 4.3.12).
fn patch(bytes: &mut [u8], name: &str, (local, central): (usize, usize), value: &[u8]) {
    let (l, c) = headers(bytes, name);
    bytes[l + local..l + local + value.len()].copy_from_slice(value);
    bytes[c + central..c + central + value.len()].copy_from_slice(value);
}

const FLAGS: (usize, usize) = (6, 8);
const CRC: (usize, usize) = (14, 16);
const UNCOMPRESSED_SIZE: (usize, usize) = (22, 24);
const NAME: (usize, usize) = (30, 46);

fn read(bytes: &[u8]) -> Result<(Manifest, PackFiles), PackError> {
    read_pack_bytes(bytes, &Limits::default())
}

fn sample_files() -> PackFiles {
    vec![
        (
            "tours/astana-2017.toml".to_owned(),
            "title = \"Астана\"\n# Ürümqi, 乌鲁木齐\n"
                .as_bytes()
                .to_vec(),
        ),
        ("texts/notes.txt".to_owned(), b"plain text\n".to_vec()),
        (
            "images/map.bin".to_owned(),
            (0..=255).cycle().take(5000).collect(),
        ),
        ("empty.txt".to_owned(), Vec::new()),
    ]
}

#[test]
fn a_pack_reads_back_as_it_was_written() {
    let files = sample_files();
    let bytes = pack_bytes(&manifest(), &files).unwrap();
    assert_eq!(read(&bytes).unwrap(), (manifest(), files));
}

#[test]
fn a_pack_written_to_a_file_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("lesson.{EXTENSION}"));
    std::fs::write(&path, b"an older pack").unwrap();
    let files = sample_files();
    write_pack(&path, &manifest(), &files).unwrap();
    assert_eq!(
        read_pack(&path, &Limits::default()).unwrap(),
        (manifest(), files)
    );
    // Only the pack is left: the temporary file was renamed over the old one.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        pack_bytes(&manifest(), &sample_files()).unwrap()
    );
}

#[test]
fn the_manifest_comes_first_in_a_pack() {
    let bytes = pack_bytes(&manifest(), &sample_files()).unwrap();
    assert_eq!(headers(&bytes, MANIFEST_PATH).0, 0);
}

#[test]
fn a_pack_cut_in_half_is_not_a_zip() {
    let bytes = pack_bytes(&manifest(), &sample_files()).unwrap();
    assert_eq!(read(&bytes[..bytes.len() / 2]), Err(PackError::NotAZip));
}

#[test]
fn random_bytes_are_not_a_zip() {
    // A fixed linear congruential sequence: random-looking, and the same on every run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let noise: Vec<u8> = (0..100_000)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 56) as u8
        })
        .collect();
    assert_eq!(read(&noise), Err(PackError::NotAZip));
    assert_eq!(read(&[]), Err(PackError::NotAZip));
}

#[test]
fn a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let result = read_pack(&dir.path().join("none.atlas"), &Limits::default());
    assert!(matches!(result, Err(PackError::Io(_))), "{result:?}");
}

fn assert_unsafe(name: &str) {
    let bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), (name, b"x")]);
    assert_eq!(
        read(&bytes),
        Err(PackError::UnsafePath {
            path: name.to_owned()
        })
    );
}

#[test]
fn a_member_that_climbs_out_of_the_pack_is_unsafe() {
    assert_unsafe("../evil.toml");
    assert_unsafe("tours/../../evil.toml");
}

#[test]
fn an_absolute_member_path_is_unsafe() {
    assert_unsafe("/etc/passwd");
}

#[test]
fn a_drive_letter_is_unsafe() {
    assert_unsafe("C:\\x");
    assert_unsafe("C:/x");
}

#[test]
fn a_backslash_path_is_unsafe() {
    assert_unsafe("tours\\astana.toml");
}

#[test]
fn control_characters_and_empty_parts_are_unsafe() {
    assert_unsafe("a\0b.toml");
    assert_unsafe("tours//astana.toml");
    assert_unsafe("./astana.toml");
}

#[test]
fn a_symlink_member_is_unsafe() {
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    zip.start_file(MANIFEST_PATH, options()).unwrap();
    zip.write_all(&manifest_toml()).unwrap();
    zip.add_symlink("link.toml", "/etc/passwd", options())
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert_eq!(
        read(&bytes),
        Err(PackError::UnsafePath {
            path: "link.toml".to_owned()
        })
    );
}

#[test]
fn folder_entries_are_skipped() {
    let mut zip = ZipWriter::new(io::Cursor::new(Vec::new()));
    zip.add_directory("tours/", options()).unwrap();
    zip.start_file(MANIFEST_PATH, options()).unwrap();
    zip.write_all(&manifest_toml()).unwrap();
    zip.start_file("tours/a.toml", options()).unwrap();
    zip.write_all(b"a = 1").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let (_, files) = read(&bytes).unwrap();
    assert_eq!(files, vec![("tours/a.toml".to_owned(), b"a = 1".to_vec())]);
}

#[test]
fn a_zip_without_a_manifest_has_no_manifest() {
    let bytes = raw_zip(&[("tours/a.toml", b"a = 1")]);
    assert_eq!(read(&bytes), Err(PackError::NoManifest));
}

#[test]
fn a_pack_of_format_2_is_newer() {
    // Fields this version does not know, and none it expects, are still reported as newer.
    let bytes = raw_zip(&[(MANIFEST_PATH, b"format = 2\nlessons = []\n")]);
    assert_eq!(
        read(&bytes),
        Err(PackError::NewerFormat {
            found: 2,
            supported: FORMAT_VERSION
        })
    );
}

#[test]
fn a_manifest_of_format_0_or_none_is_bad() {
    for text in [
        "format = 0\napp_version = \"0.1.0\"\ncreated = \"2025\"\ntitle = \"t\"\n",
        "app_version = \"0.1.0\"\ncreated = \"2025\"\ntitle = \"t\"\n",
        "format = -1\n",
        "format = \"1\"\n",
        "format = 1\n",
        "not toml at all [",
    ] {
        let bytes = raw_zip(&[(MANIFEST_PATH, text.as_bytes())]);
        let result = read(&bytes);
        assert!(
            matches!(result, Err(PackError::BadManifest { .. })),
            "{text}: {result:?}"
        );
    }
    let bytes = raw_zip(&[(MANIFEST_PATH, b"\xff\xfe")]);
    assert!(matches!(read(&bytes), Err(PackError::BadManifest { .. })));
}

#[test]
fn a_member_declaring_two_gigabytes_is_too_large() {
    // Nothing of this size exists: only the headers claim it.
    let mut bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), ("big.bin", b"small")]);
    patch(
        &mut bytes,
        "big.bin",
        UNCOMPRESSED_SIZE,
        &(2_u32 << 30).to_le_bytes(),
    );
    assert_eq!(
        read(&bytes),
        Err(PackError::MemberTooLarge {
            path: "big.bin".to_owned(),
            size: 2 << 30
        })
    );
}

#[test]
fn a_300_mib_stream_of_zeros_is_too_large() {
    let bytes = pack_of_zeros("zeros.bin", 300 * MIB);
    assert!((bytes.len() as u64) < 2 * MIB, "{} bytes", bytes.len());
    assert_eq!(
        read(&bytes),
        Err(PackError::MemberTooLarge {
            path: "zeros.bin".to_owned(),
            size: 300 * MIB
        })
    );
}

#[test]
fn fifty_mib_of_zeros_is_a_zip_bomb_by_its_ratio() {
    let bytes = pack_of_zeros("zeros.bin", 50 * MIB);
    assert_eq!(
        read(&bytes),
        Err(PackError::ZipBomb {
            path: "zeros.bin".to_owned()
        })
    );
}

#[test]
fn a_member_that_lies_about_its_size_is_a_zip_bomb() {
    // 300 MiB of zeros that claim to be 1000 bytes, in the local header and the central
    // directory alike; the reader stops after 1001 bytes.
    let mut bytes = pack_of_zeros("zeros.bin", 300 * MIB);
    patch(
        &mut bytes,
        "zeros.bin",
        UNCOMPRESSED_SIZE,
        &1000_u32.to_le_bytes(),
    );
    assert_eq!(
        read(&bytes),
        Err(PackError::ZipBomb {
            path: "zeros.bin".to_owned()
        })
    );
}

#[test]
fn a_member_that_is_shorter_than_it_claims_is_damaged() {
    let mut bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), ("a.txt", b"four")]);
    patch(
        &mut bytes,
        "a.txt",
        UNCOMPRESSED_SIZE,
        &40_u32.to_le_bytes(),
    );
    assert_eq!(read(&bytes), Err(PackError::NotAZip));
}

#[test]
fn a_member_with_a_wrong_checksum_is_damaged() {
    let mut bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), ("a.txt", b"four")]);
    patch(&mut bytes, "a.txt", CRC, &0xdead_beef_u32.to_le_bytes());
    assert_eq!(read(&bytes), Err(PackError::NotAZip));
}

#[test]
fn a_local_header_that_disagrees_with_the_directory_is_damaged() {
    // Two readers of such a zip could see two different files; it is refused outright.
    let mut bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), ("a.txt", b"four")]);
    let (local, _) = headers(&bytes, "a.txt");
    bytes[local + UNCOMPRESSED_SIZE.0..local + UNCOMPRESSED_SIZE.0 + 4]
        .copy_from_slice(&40_u32.to_le_bytes());
    assert_eq!(read(&bytes), Err(PackError::NotAZip));
}

#[test]
fn an_encrypted_member_is_refused() {
    let mut bytes = raw_zip(&[(MANIFEST_PATH, &manifest_toml()), ("a.txt", b"four")]);
    patch(&mut bytes, "a.txt", FLAGS, &1_u16.to_le_bytes());
    assert_eq!(
        read(&bytes),
        Err(PackError::Encrypted {
            path: "a.txt".to_owned()
        })
    );
}

#[test]
fn too_many_members_are_refused() {
    let files: Vec<_> = (0..5)
        .map(|i| (format!("t/{i}.txt"), b"x".to_vec()))
        .collect();
    let bytes = pack_bytes(&manifest(), &files).unwrap();
    let limits = Limits {
        max_members: 3,
        ..Limits::default()
    };
    assert_eq!(
        read_pack_bytes(&bytes, &limits),
        Err(PackError::TooManyMembers { count: 6 })
    );
}

#[test]
fn too_much_in_total_is_refused() {
    let files: Vec<_> = (0..4)
        .map(|i| (format!("t/{i}.txt"), vec![b'a'; 400]))
        .collect();
    let bytes = pack_bytes(&manifest(), &files).unwrap();
    let limits = Limits {
        max_total_bytes: 1000,
        ..Limits::default()
    };
    let result = read_pack_bytes(&bytes, &limits);
    assert!(
        matches!(result, Err(PackError::TooLarge { total }) if total > 1000),
        "{result:?}"
    );
}

#[test]
fn duplicate_names_are_refused() {
    // The zip writer refuses a name twice, so the second name is changed afterwards.
    let mut bytes = raw_zip(&[
        (MANIFEST_PATH, &manifest_toml()),
        ("tours/a.toml", b"first"),
        ("tours/b.toml", b"second"),
    ]);
    patch(&mut bytes, "tours/b.toml", NAME, b"tours/a.toml");
    assert_eq!(
        read(&bytes),
        Err(PackError::Duplicate {
            path: "tours/a.toml".to_owned()
        })
    );
}

#[test]
fn names_that_differ_only_in_case_are_duplicates() {
    let bytes = raw_zip(&[
        (MANIFEST_PATH, &manifest_toml()),
        ("A.toml", b"1"),
        ("a.toml", b"2"),
    ]);
    assert_eq!(
        read(&bytes),
        Err(PackError::Duplicate {
            path: "a.toml".to_owned()
        })
    );
}

#[test]
fn a_file_that_is_also_a_folder_is_a_duplicate() {
    let bytes = raw_zip(&[
        (MANIFEST_PATH, &manifest_toml()),
        ("t", b"1"),
        ("t/a.toml", b"2"),
    ]);
    assert_eq!(
        read(&bytes),
        Err(PackError::Duplicate {
            path: "t".to_owned()
        })
    );
}

#[test]
fn the_writer_refuses_what_the_reader_would() {
    let write = |path: &str| pack_bytes(&manifest(), &[(path.to_owned(), Vec::new())]);
    assert!(matches!(write("../x"), Err(PackError::UnsafePath { .. })));
    assert!(matches!(write("a\\b"), Err(PackError::UnsafePath { .. })));
    assert!(matches!(
        write(MANIFEST_PATH),
        Err(PackError::Duplicate { .. })
    ));
    assert_eq!(
        write("manifest.toml/x"),
        Err(PackError::Duplicate {
            path: MANIFEST_PATH.to_owned()
        })
    );
    let newer = Manifest {
        format: FORMAT_VERSION + 1,
        ..manifest()
    };
    assert!(matches!(
        pack_bytes(&newer, &[]),
        Err(PackError::NewerFormat { .. })
    ));
}

#[test]
fn errors_read_as_english_sentences() {
    let error = PackError::NewerFormat {
        found: 2,
        supported: 1,
    };
    assert_eq!(
        error.to_string(),
        "The lesson pack was made by a newer version of Mediation Atlas \
         (pack format 2; this version reads up to 1)."
    );
    let error = PackError::UnsafePath {
        path: "../evil.toml".to_owned(),
    };
    assert_eq!(
        error.to_string(),
        "The lesson pack holds an unsafe entry: \"../evil.toml\"."
    );
}

#[test]
fn a_packs_file_name_is_made_of_its_titles_words() {
    use crate::library::lesson::file_stem;
    assert_eq!(
        file_stem("Vermittlung im Südkaukasus – Stunde 1"),
        "vermittlung-im-suedkaukasus-stunde-1"
    );
    assert_eq!(file_stem("  Größe & Maß!  "), "groesse-mass");
    assert_eq!(file_stem("Алматы"), "");
}
