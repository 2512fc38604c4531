//! The command line: open the app, `check` the data, list the `mentions` in text files, or
//! `add` articles to the user's library.

mod articles;
pub mod export;
pub mod export_filter;
mod figure;
pub mod layers;

mod args;

pub use args::{Cli, Command, CorpusArgs, PackCommand};
pub use articles::{add, mentions, pack_export, pack_import};

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::Parser;

use crate::app::{AtlasApp, StartOptions};
use crate::i18n::Lang;
use crate::ingest::{self, Corpus, Loaded};

/// Entry point of the binary.
#[must_use]
pub fn main() -> ExitCode {
    let started = crate::platform::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { corpus, library }) => {
            let (report, ok) = check_with_library(&corpus.corpus(), library.as_deref());
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Mentions {
            corpus,
            files,
            json,
        }) => {
            let (report, ok) = mentions(&corpus.corpus(), &files, json);
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Add {
            corpus,
            library,
            files,
        }) => {
            let (report, ok) = add(&corpus.corpus(), library.as_deref(), &files);
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Export {
            corpus,
            library,
            format,
            tour,
            layer,
            filter,
            title,
            lang,
            file,
        }) => {
            let args = export::ExportArgs {
                library: library.as_deref(),
                format: format.as_deref(),
                tour: tour.as_deref(),
                layer: layer.as_deref(),
                filter: &filter,
                title: title.as_deref(),
                lang: lang.unwrap_or_else(Lang::from_system),
                file: &file,
            };
            let (report, ok) = export::export(&corpus.corpus(), &args);
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Import {
            library,
            name,
            color,
            file,
        }) => {
            let (report, ok) =
                layers::import(library.as_deref(), &file, name.as_deref(), color.as_deref());
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Pack { command }) => {
            let (report, ok) = match command {
                PackCommand::Export {
                    corpus: _,
                    library,
                    title,
                    tour,
                    file,
                } => pack_export(library.as_deref(), title.as_deref(), tour.as_deref(), &file),
                PackCommand::Import {
                    corpus,
                    library,
                    file,
                } => pack_import(&corpus.corpus(), library.as_deref(), &file),
            };
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        None if figure::wanted(&cli) => figure::run(&cli),
        None => run_app(&cli, started),
    }
}

/// [`check`], and with `library` also that library: its records against both layers and its
/// tours with the same checks as the shipped ones.
#[must_use]
pub fn check_with_library(corpus: &Corpus, library: Option<&std::path::Path>) -> (String, bool) {
    let (mut report, mut ok) = check(corpus);
    let Some(root) = library else {
        return (report, ok);
    };
    let (lib, mut problems) = crate::library::Library::open(root);
    let shipped = ingest::load(corpus, ingest::today()).atlas;
    let tours = lib.tours.clone();
    let texts: Vec<(String, String)> = tours
        .iter()
        .filter_map(|t| {
            let text = lib
                .file_text(&crate::library::LibraryFile::Tour(t.id.clone()))
                .ok()
                .flatten()?;
            Some((
                root.join("tours")
                    .join(format!("{}.toml", t.id))
                    .display()
                    .to_string(),
                text,
            ))
        })
        .collect();
    let counts = (lib.articles.len(), lib.events.len(), tours.len());
    let mut workspace = crate::library::Workspace::new(shipped, lib);
    let (atlas, build) = workspace.build();
    problems.extend(build);
    for (path, text) in &texts {
        problems.extend(ingest::tours::tour_from_text(path, text, &atlas).1);
    }
    for problem in &problems {
        let _ = writeln!(report, "{problem}");
    }
    let _ = writeln!(
        report,
        "library {}: {} articles, {} events, {} tours; {}",
        root.display(),
        counts.0,
        counts.1,
        counts.2,
        if problems.is_empty() {
            "ok".to_owned()
        } else {
            format!("{} problem(s)", problems.len())
        }
    );
    ok &= problems.is_empty();
    (report, ok)
}

/// Validates everything; returns the report and whether there was no problem.
#[must_use]
pub fn check(corpus: &Corpus) -> (String, bool) {
    let Loaded {
        atlas,
        mut problems,
    } = ingest::load(corpus, ingest::today());
    let (tours, tour_problems) = ingest::tours::load_tours(corpus, &atlas);
    problems.extend(tour_problems);
    let mut out = String::new();
    for problem in &problems {
        let _ = writeln!(out, "{problem}");
    }
    let c = atlas.counts();
    let countries = atlas
        .places
        .iter()
        .filter(|p| p.kind == crate::model::PlaceKind::Country)
        .count();
    let steps: usize = tours.iter().map(|t| t.steps.len()).sum();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "{} places ({countries} countries), {} actors, {} processes, {} articles, {} events, {} mentions, {} ({})",
        c.places,
        c.actors,
        c.processes,
        c.articles,
        c.events,
        c.mentions,
        plural(tours.len(), "tour", "tours"),
        plural(steps, "step", "steps")
    );
    if problems.is_empty() {
        let _ = writeln!(out, "ok: no problems");
    } else {
        let _ = writeln!(out, "{} problem(s)", problems.len());
    }
    (out, problems.is_empty())
}

fn run_app(cli: &Cli, started: crate::platform::Instant) -> ExitCode {
    // Parse the embedded world map (about 70 ms) before the window opens, on this thread: the
    // first screen is then drawn complete ~50 ms after the window appears, and the parser's
    // garbage goes back to the main heap (parsed on a helper thread, its arena kept ~25 MB).
    // A broken map is reported in the app's banner, not here.
    let _ = crate::basemap::tiles::world_blocking();
    let (loaded, tours) = ingest::load_for_app(&cli.corpus.corpus());
    let select = match &cli.select {
        None => None,
        Some(id) => {
            if let Some(place) = loaded.atlas.place_by_id(id) {
                Some(place)
            } else {
                let known: Vec<&str> = loaded
                    .atlas
                    .marker_places()
                    .iter()
                    .map(|&(p, _)| loaded.atlas.place(p).id.as_str())
                    .collect();
                eprintln!(
                    "mediation-atlas: --select {id}: no such place id; places with events: {}",
                    known.join(", ")
                );
                return ExitCode::from(2);
            }
        }
    };
    let present = match (&cli.tour, &cli.export_tour) {
        (None, None) => None,
        (Some(id), _) => {
            let Some(i) = tours.iter().position(|t| &t.id == id) else {
                let known: Vec<&str> = tours.iter().map(|t| t.id.as_str()).collect();
                eprintln!(
                    "mediation-atlas: --tour {id}: no such tour; tours: {}",
                    known.join(", ")
                );
                return ExitCode::from(2);
            };
            Some((
                i,
                if cli.export_tour.is_some() {
                    0
                } else {
                    cli.step.saturating_sub(1)
                },
            ))
        }
        (None, Some(_)) if tours.is_empty() => {
            eprintln!("mediation-atlas: --export-tour: there is no tour to export");
            return ExitCode::from(2);
        }
        (None, Some(_)) => Some((0, 0)),
    };
    if let Some(dir) = &cli.export_tour
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        eprintln!("mediation-atlas: --export-tour {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let screenshot = cli
        .export_tour
        .as_ref()
        .map(|dir| dir.join("01.png"))
        .or_else(|| cli.screenshot.clone());
    let library = cli.library.clone().or_else(|| {
        // Documentation screenshots show the shipped corpus, never the user's own files.
        (screenshot.is_none() && !cli.bench_startup && !cli.bench_flight)
            .then(crate::library::Library::default_root)
            .flatten()
    });
    let basemap = match cli.basemap_choice() {
        Ok(basemap) => basemap,
        Err(message) => {
            eprintln!("mediation-atlas: {message}");
            return ExitCode::from(2);
        }
    };
    let options = StartOptions {
        library,
        article: cli.article.clone(),
        geoparser: None,
        tours,
        present,
        export_dir: cli.export_tour.clone(),
        quiz: cli.quiz,
        flight_probe: cli.bench_flight.then_some(started),
        select,
        view: cli.view,
        basemap,
        tile_cache: None,
        tile_rendering: None,
        layer_views: None,
        today: None,
        screenshot: screenshot.clone(),
        lang: cli.lang,
        startup_probe: cli.bench_startup.then_some(started),
        open: cli.files.clone(),
        window_size: cli
            .size
            .or_else(|| screenshot.is_some().then_some((1280.0, 800.0)))
            .map(|(w, h)| egui::vec2(w, h)),
    };
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Mediation Atlas")
        // The desktop entry's name, so the task bar groups the window under its icon.
        .with_app_id("mediation-atlas")
        .with_inner_size(cli.size.map_or([1280.0, 800.0], |(w, h)| [w, h]))
        .with_min_inner_size([640.0, 480.0]);
    if let Some(icon) = crate::icon::rgba(128) {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport,
        // A screenshot is taken at the size asked for, not the remembered one.
        // An explicit --size wins over the remembered one too.
        persist_window: screenshot.is_none()
            && cli.size.is_none()
            && !cli.bench_startup
            && !cli.bench_flight,
        ..Default::default()
    };
    let result_slot = std::sync::Arc::new(std::sync::Mutex::new(None));
    let slot = std::sync::Arc::clone(&result_slot);
    let run = eframe::run_native(
        "mediation-atlas",
        native,
        Box::new(move |cc| {
            let app = AtlasApp::from_creation_context(cc, loaded, options);
            if let (Some(result), Ok(mut slot)) = (app.screenshot_result(), slot.lock()) {
                *slot = Some(result);
            }
            Ok(Box::new(app))
        }),
    );
    if let Err(e) = run {
        eprintln!("mediation-atlas: the window could not be opened: {e}");
        return ExitCode::FAILURE;
    }
    if screenshot.is_some() {
        let outcome = result_slot
            .lock()
            .ok()
            .and_then(|s| s.clone())
            .and_then(|r| r.lock().ok().and_then(|o| o.clone()));
        return match outcome {
            Some(Ok(path)) => {
                println!("wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Some(Err(e)) => {
                eprintln!("mediation-atlas: the screenshot could not be written: {e}");
                ExitCode::FAILURE
            }
            None => {
                eprintln!("mediation-atlas: the window closed before the screenshot was taken");
                ExitCode::FAILURE
            }
        };
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::source::BasemapChoice;
    use std::path::PathBuf;

    #[test]
    fn a_tile_server_and_its_credit_parse_on_the_command_line() {
        let url = "https://tiles.schule.example/{z}/{x}/{y}.png";
        let cli = Cli::try_parse_from([
            "mediation-atlas",
            "--basemap",
            url,
            "--basemap-credit",
            "© Schulamt",
        ])
        .expect("url and credit");
        assert_eq!(
            cli.basemap_choice(),
            Ok(Some(BasemapChoice::Custom {
                url: url.to_owned(),
                credit: "© Schulamt".to_owned()
            }))
        );
        let cli = Cli::try_parse_from(["mediation-atlas", "--basemap", url]).expect("url");
        assert_eq!(
            cli.basemap_choice(),
            Ok(Some(BasemapChoice::Custom {
                url: url.to_owned(),
                credit: "tiles.schule.example".to_owned()
            }))
        );
        let cli = Cli::try_parse_from([
            "mediation-atlas",
            "--basemap",
            "osm",
            "--basemap-credit",
            "x",
        ])
        .expect("parses");
        assert!(cli.basemap_choice().is_err());
        let err = Cli::try_parse_from(["mediation-atlas", "--basemap", "https://host/tile.png"])
            .expect_err("no {z}");
        assert!(err.to_string().contains("{z}"), "{err}");
    }

    #[test]
    fn basemap_names_and_files_parse_on_the_command_line() {
        let cli = Cli::try_parse_from(["mediation-atlas", "--basemap", "topo"]).expect("topo");
        assert_eq!(cli.basemap, Some(BasemapChoice::Topo));
        let cli =
            Cli::try_parse_from(["mediation-atlas", "--basemap", "offline"]).expect("offline");
        assert_eq!(cli.basemap, Some(BasemapChoice::Offline));
        let err = Cli::try_parse_from(["mediation-atlas", "--basemap", "/no/such.pmtiles"])
            .expect_err("a missing file is refused");
        assert!(err.to_string().contains("/no/such.pmtiles"), "{err}");
    }

    #[test]
    fn a_file_given_alone_is_opened_and_a_command_is_still_a_command() {
        let cli = Cli::try_parse_from(["mediation-atlas", "/tmp/stunde 1.atlas"]).expect("a file");
        assert_eq!(cli.files, [PathBuf::from("/tmp/stunde 1.atlas")]);
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["mediation-atlas", "check"]).expect("check");
        assert!(matches!(cli.command, Some(Command::Check { .. })));
        assert!(cli.files.is_empty());
    }
}
