//! `mediation-atlas import` from the built binary: a UCDP GED extract becomes a layer of the
//! library (a bad row named by its line, the rest kept), and `export` writes it after the
//! curated events.

use std::process::Command;

fn atlas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mediation-atlas"))
        .current_dir(std::env::temp_dir())
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn a_ged_extract_becomes_a_layer_and_is_exported_after_the_curated_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    let source = dir.path().join("ged-extract.csv");
    let mut csv = Vec::new();
    mediation_atlas::layers::synthetic::write_ged_csv(&mut csv, 300, 11).expect("generated");
    let csv = String::from_utf8(csv).expect("UTF-8");
    // The fifth row gets an impossible latitude; its line is read from the CSV reader, as
    // quoted fields may span lines.
    let header: Vec<&str> = csv.lines().next().expect("header").split(',').collect();
    let lat = header
        .iter()
        .position(|c| *c == "latitude")
        .expect("latitude");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(reader.headers().expect("header"))
        .expect("header");
    let mut bad_line = 0;
    for (i, record) in reader.records().enumerate() {
        let record = record.expect("row");
        let mut fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if i == 4 {
            fields[lat] = "123.5".to_owned();
            bad_line = record.position().expect("position").line();
        }
        writer.write_record(&fields).expect("row");
    }
    std::fs::write(&source, writer.into_inner().expect("bytes")).expect("written");

    let library_arg = library.to_str().expect("utf-8");
    let output = atlas(&[
        "import",
        "--library",
        library_arg,
        "--name",
        "GED Auszug",
        source.to_str().expect("utf-8"),
    ]);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains(&format!("ged-extract.csv:{bad_line}:")),
        "the bad row is named by its line {bad_line}: {report}"
    );
    assert!(
        report.contains("UCDP GED") && report.contains("299 records"),
        "{report}"
    );
    assert!(library.join("layers/ged-auszug.csv").exists());
    assert!(library.join("layers/ged-auszug.toml").exists());

    let out = dir.path().join("all.csv");
    let output = atlas(&[
        "export",
        "--library",
        library_arg,
        out.to_str().expect("utf-8"),
    ]);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains("layer “GED Auszug”: 299 records"),
        "{report}"
    );
    let mut reader = csv::Reader::from_path(&out).expect("CSV");
    let layer_column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|c| c == "layer")
        .expect("a layer column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let in_layer = rows
        .iter()
        .filter(|r| &r[layer_column] == "GED Auszug")
        .count();
    assert_eq!(in_layer, 299);
    assert!(rows.len() > in_layer, "the curated events come first");

    let refused = atlas(&[
        "export",
        "--library",
        library_arg,
        "--layer",
        "acled",
        out.to_str().expect("utf-8"),
    ]);
    assert!(!refused.status.success());
    assert!(text(&refused).contains("ged-auszug"), "{}", text(&refused));
}

#[test]
fn pax_agreements_are_placed_at_their_country() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    let source = dir.path().join("pax.csv");
    // PA-X's columns (a few of its ~279), two agreements of the kind it lists.
    std::fs::write(
        &source,
        "Con,PPName,AgtId,Agt,Dat,Stage,Part,ThrdPart,Loc1ISO,Loc2ISO\n\
         Tajikistan,Tajikistan peace process,1,Protocol,17/08/1995,SubPar,\"A; B\",\"Kazakhstan (observer)\",TJK,\n\
         Syria,Syria peace process,2,Astana memorandum,04/05/2017,Imp,,\"Russia, Iran and Turkey (guarantors)\",SYR,\n",
    )
    .expect("written");
    let output = atlas(&[
        "import",
        "--library",
        library.to_str().expect("utf-8"),
        source.to_str().expect("utf-8"),
    ]);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains("PA-X") && report.contains("2 records, 0 with problems"),
        "{report}"
    );
    let stored = std::fs::read_to_string(library.join("layers/pax.csv")).expect("stored");
    let mut reader = csv::Reader::from_reader(stored.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    // The latitude column of the stored layer (see layers::store::COLUMNS), where_prec 6.
    let tajikistan: f64 = rows[0][7].parse().expect("a latitude");
    assert!((tajikistan - 39.0).abs() < 1.0, "{tajikistan}");
    assert_eq!(&rows[0][6], "6");
}

#[test]
fn export_filtered_writes_only_what_the_filters_keep_of_events_and_layers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    let source = dir.path().join("ged.csv");
    let mut csv = Vec::new();
    mediation_atlas::layers::synthetic::write_ged_csv(&mut csv, 400, 5).expect("generated");
    std::fs::write(&source, &csv).expect("written");
    let library_arg = library.to_str().expect("utf-8");
    let imported = atlas(&[
        "import",
        "--library",
        library_arg,
        "--name",
        "GED",
        source.to_str().expect("utf-8"),
    ]);
    assert!(imported.status.success(), "{}", text(&imported));

    let out = dir.path().join("filtered.csv");
    let output = atlas(&[
        "export",
        "--library",
        library_arg,
        "--filtered",
        "--from",
        "2022",
        "--to",
        "2024-04",
        "--process",
        "russia-ukraine",
        out.to_str().expect("utf-8"),
    ]);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    let mut reader = csv::Reader::from_path(&out).expect("CSV");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|c| c == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let (layer, events): (Vec<_>, Vec<_>) = rows.iter().partition(|r| &r[column("layer")] == "GED");
    // The curated events of that process that meet 2022-01-01 … 2024-04-30.
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(&e[column("process")], "russia-ukraine", "{e:?}");
        assert!(&e[column("date_end")] >= "2022-01-01", "{e:?}");
        assert!(&e[column("date_start")] <= "2024-04-30", "{e:?}");
    }
    // The layer's records that meet the range, all of them and only them.
    assert!(!layer.is_empty() && layer.len() < 400, "{}", layer.len());
    for r in &layer {
        assert!(&r[column("date_end")] >= "2022-01-01", "{r:?}");
        assert!(&r[column("date_start")] <= "2024-04-30", "{r:?}");
    }
    assert!(
        report.contains(&format!("layer “GED”: {} records", layer.len())),
        "{report}"
    );

    // What cannot be a filter is refused, naming the flag; nothing is written.
    let bad = dir.path().join("bad.csv");
    for (args, says) in [
        (vec!["--filtered"], "--filtered: give what to keep"),
        (
            vec!["--filtered", "--process", "atlantis"],
            "--process atlantis",
        ),
        (vec!["--filtered", "--from", "2024-13"], "--from 2024-13"),
    ] {
        let mut all = vec!["export"];
        all.extend(args);
        all.push(bad.to_str().expect("utf-8"));
        let output = atlas(&all);
        assert!(!output.status.success());
        assert!(text(&output).contains(says), "{}", text(&output));
        assert!(!bad.exists());
    }
    // A filter without --filtered is a mistake clap names.
    let output = atlas(&["export", "--from", "2022", bad.to_str().expect("utf-8")]);
    assert!(!output.status.success());
}
