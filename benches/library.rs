//! The user's library: loading the world gazetteer (time and memory), linking throughput next
//! to a raw Aho-Corasick scan over the same names and text, and rebuilding the atlas from the
//! shipped corpus plus 50 user articles.
//!
//! Run with `cargo bench --bench library`. Figures and the machine go in the README.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mediation_atlas::gazetteer::{Decisions, WorldGazetteer};
use mediation_atlas::ingest::reflow::FlowText;
use mediation_atlas::ingest::{self, Corpus};
use mediation_atlas::library::{Library, Workspace, intake};
use mediation_atlas::model::{Atlas, Date};

const TODAY: Date = Date::Day {
    year: 2026,
    month: 11,
    day: 23,
};

fn root_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Atlas {
    ingest::load(
        &Corpus::Disk {
            data: root_dir().join("data"),
            seeds: root_dir().join("seeds"),
        },
        TODAY,
    )
    .atlas
}

/// The annotated evaluation articles and the seeds, as texts.
fn texts() -> Vec<String> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures/geoparse", "seeds"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root_dir().join(dir))
            .map(|d| d.filter_map(|e| Some(e.ok()?.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            if let Ok(t) = std::fs::read_to_string(p) {
                out.push(FlowText::from_raw(&t).text);
            }
        }
    }
    out
}

/// Resident memory of this process in kB (Linux), to show what the gazetteer adds.
fn rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn gazetteer(c: &mut Criterion) {
    let atlas = shipped();
    let before = rss_kb();
    let parser = intake::geoparser(None, &atlas, &Library::in_memory());
    let after = rss_kb();
    if let (Some(a), Some(b)) = (before, after) {
        eprintln!(
            "resident memory: {a} kB before the gazetteer, {b} kB with it loaded (+{} kB)",
            b.saturating_sub(a)
        );
    }
    let Ok(parser) = parser else {
        eprintln!("the embedded gazetteer failed to load; nothing to benchmark");
        return;
    };
    let world = Arc::clone(parser.world());
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("WorldGazetteer::embedded (parse)", |b| {
        b.iter(WorldGazetteer::embedded);
    });
    group.bench_function("Geoparser::new (automaton over all names)", |b| {
        b.iter(|| intake::geoparser(Some(Arc::clone(&world)), &atlas, &Library::in_memory()));
    });
    group.finish();

    // A 50 KB article: the texts strung together.
    let mut text = String::new();
    for t in texts().iter().cycle() {
        if text.len() >= 50_000 {
            break;
        }
        text.push_str(t);
        text.push(' ');
    }
    let names: Vec<String> = world
        .iter()
        .flat_map(|(id, _)| world.names(id).map(str::to_ascii_lowercase))
        .collect();
    let raw = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&names);
    let mut group = c.benchmark_group("link 50 KB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("Geoparser::link (find, forms, rank)", |b| {
        b.iter(|| parser.link(black_box(&text), &Decisions::new()).len());
    });
    if let Ok(raw) = raw {
        let lowered = text.to_ascii_lowercase();
        group.bench_function("raw aho-corasick find_iter, same names", |b| {
            b.iter(|| raw.find_iter(black_box(&lowered)).count());
        });
    }
    group.finish();

    rebuild(c, &atlas, &parser);
}

/// The atlas rebuilt after an edit, with 50 user articles in the library.
fn rebuild(c: &mut Criterion, atlas: &Atlas, parser: &mediation_atlas::gazetteer::Geoparser) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("no temporary folder; nothing to benchmark");
        return;
    };
    let library = user_library(dir.path(), atlas, parser);
    let mut workspace = Workspace::new(atlas.clone(), library);
    let _ = workspace.build();
    c.bench_function(
        "rebuild atlas: seeds + 50 user articles + 500 user events",
        |b| {
            b.iter(|| workspace.build().0.mentions.len());
        },
    );
    c.bench_function(
        "rebuild atlas + search index: seeds + 50 user articles + 500 user events",
        |b| {
            b.iter(|| {
                let (atlas, _) = workspace.build();
                black_box(mediation_atlas::model::search::SearchIndex::new(&atlas));
            });
        },
    );
    edit_in_app(c, dir.path());
}

/// One edit as the app makes it, from the action to the rebuilt atlas: the event saved from
/// the form, written atomically (with its undo line appended to the log, both flushed to
/// disk), and the atlas, search index and tours rebuilt. This is the work of the frame in
/// which the user clicks "Speichern"; at 60 Hz a frame has 16.7 ms.
fn edit_in_app(c: &mut Criterion, root: &std::path::Path) {
    use mediation_atlas::app::{AtlasApp, StartOptions, State};
    use mediation_atlas::ui::Action;
    let loaded = ingest::load(
        &Corpus::Disk {
            data: root_dir().join("data"),
            seeds: root_dir().join("seeds"),
        },
        TODAY,
    );
    let mut app = AtlasApp::new(
        loaded,
        State::default(),
        StartOptions {
            library: Some(root.to_owned()),
            today: Some(TODAY),
            ..StartOptions::default()
        },
    );
    let Some(mut event) = app.library().events.first().cloned() else {
        return;
    };
    let mut n = 0u32;
    let mut group = c.benchmark_group("edit in the app");
    group.sample_size(30);
    group.bench_function(
        "save an event (write, log, rebuild): seeds + 50 articles + 500 events",
        |b| {
            b.iter(|| {
                n += 1;
                event.title_de = format!("Ereignis, Fassung {n}");
                app.apply(Action::SaveEvent(Box::new(event.clone()), None), 0.0);
            });
        },
    );
    group.bench_function("undo and redo it (two edits)", |b| {
        b.iter(|| {
            app.apply(Action::Undo, 0.0);
            app.apply(Action::Redo, 0.0);
        });
    });
    group.finish();
}

/// A library on disk at `root`: 50 articles of the user's (the evaluation texts and the
/// seeds, linked by the geoparser) and 500 events quoting them.
fn user_library(
    root: &std::path::Path,
    atlas: &Atlas,
    parser: &mediation_atlas::gazetteer::Geoparser,
) -> Library {
    let (mut library, _) = Library::open(root);
    let texts = texts();
    for i in 0..50 {
        let text = format!("Artikel {i}\n\n{}", texts[i % texts.len()]);
        let meta = intake::ArticleMeta {
            title: format!("Artikel {i}"),
            source: "Bench".to_owned(),
            author: String::new(),
            date: Date::Year { year: 2024 },
            language: "de".to_owned(),
            format: "text".to_owned(),
            original: String::new(),
        };
        if let Ok(taken) = intake::prepare(&library, atlas, parser, &meta, &text, "") {
            let _ = library.apply(taken.edit);
        }
    }
    // And 500 events of the user's, each quoting one of those articles.
    let ids: Vec<String> = library
        .articles
        .iter()
        .map(|a| a.entry.id.clone())
        .collect();
    let mut events = Vec::new();
    for i in 0..500 {
        let article = &library.articles[i % library.articles.len()];
        let quote: String = article
            .text
            .lines()
            .nth(2)
            .unwrap_or_default()
            .chars()
            .take(80)
            .collect();
        events.push(mediation_atlas::library::Edit::PutEvent(Box::new(
            mediation_atlas::library::EventEntry {
                id: format!("user-event-bench-{i}"),
                date: Date::Year {
                    year: 1991 + i32::try_from(i % 34).unwrap_or(0),
                }
                .into(),
                date_note: String::new(),
                title_de: format!("Ereignis {i}"),
                title_en: String::new(),
                kind: mediation_atlas::model::EventKind::Talks,
                process: String::new(),
                places: vec!["astana".to_owned()],
                about: Vec::new(),
                participants: Vec::new(),
                sources: vec![mediation_atlas::library::SourceEntry {
                    article: ids[i % ids.len()].clone(),
                    quote,
                }],
                copied_from: None,
            },
        )));
    }
    let _ = library.apply(mediation_atlas::library::Edit::Batch(events));
    eprintln!(
        "library: {} articles, {} events, {} mentions, {} places",
        library.articles.len(),
        library.events.len(),
        library
            .articles
            .iter()
            .map(|a| a.mentions.len())
            .sum::<usize>(),
        library.places.len()
    );
    library
}

criterion_group!(benches, gazetteer);
criterion_main!(benches);
