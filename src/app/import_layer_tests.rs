//! The import on its helper thread: cancelled, it writes nothing; done, it writes a new layer.

use super::*;

fn request(root: &Path, path: &Path) -> ImportRequest {
    ImportRequest {
        root: root.to_path_buf(),
        path: path.to_path_buf(),
        dataset: None,
        name: "Treffen".to_owned(),
        color: store::PALETTE[0],
        world: None,
    }
}

#[test]
fn a_cancelled_import_writes_nothing_and_a_finished_one_a_new_layer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("treffen.csv");
    std::fs::write(
        &file,
        "title,lat,lon\nGipfel,51.18,71.45\nRunde,43.25,76.92\n",
    )
    .expect("written");
    let library = dir.path().join("library");
    let (cancel, read) = (AtomicBool::new(true), AtomicU64::new(0));
    let result = import_layer(request(&library, &file), &cancel, &read);
    assert!(
        matches!(result, Err(ImportFailure::Import(ImportError::Cancelled))),
        "{:?}",
        result.err()
    );
    assert!(!store::dir(&library).exists(), "nothing written");
    cancel.store(false, Ordering::Relaxed);
    for id in ["treffen", "treffen-2"] {
        let imported = import_layer(request(&library, &file), &cancel, &read).expect("imported");
        assert_eq!(imported.layer.meta.id, id, "never over another layer");
        assert_eq!(imported.layer.records.len(), 2);
        assert_eq!(imported.layer.located(), 2);
    }
    assert!(read.load(Ordering::Relaxed) > 0, "progress was reported");
}

#[test]
fn cancel_stops_an_import_under_way_on_its_thread_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("ged.csv");
    let out = std::io::BufWriter::new(std::fs::File::create(&file).expect("created"));
    crate::layers::synthetic::write_ged_csv(out, 60_000, 5).expect("written");
    let size = std::fs::metadata(&file).expect("there").len();
    let library = dir.path().join("library");
    let (cancel, read) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicU64::new(0)),
    );
    let (c, r) = (Arc::clone(&cancel), Arc::clone(&read));
    let request = request(&library, &file);
    let pending = platform::spawn("import", move || import_layer(request, &c, &r), || {});
    // Cancelled once the progress bar has moved, as a user would.
    while read.load(Ordering::Relaxed) == 0 {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    cancel.store(true, Ordering::Relaxed);
    let result = loop {
        if let Some(result) = pending.poll() {
            break result;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert!(
        read.load(Ordering::Relaxed) < size,
        "stopped before the end"
    );
    assert!(
        matches!(result, Err(ImportFailure::Import(ImportError::Cancelled))),
        "{:?}",
        result.err()
    );
    assert!(!store::dir(&library).exists(), "nothing written");
}
