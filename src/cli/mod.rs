//! The command line: open the app, `check` the data, list the `mentions` in text files, or
//! `add` articles to the user's library.

mod articles;
pub mod export;
pub mod export_filter;
mod figure;
pub mod layers;

pub use articles::{add, mentions, pack_export, pack_import};

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::app::{AtlasApp, StartOptions};
use crate::basemap::source::BasemapChoice;
use crate::i18n::Lang;
use crate::ingest::{self, Corpus, Loaded};
use crate::map::MapView;

#[derive(Debug, Parser)]
#[command(
    name = "mediation-atlas",
    version,
    about = "An interactive map of Central Asian diplomacy",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open the map at LAT,LON,ZOOM (e.g. 40.0,45.5,7 for the South Caucasus).
    #[arg(long, value_parser = MapView::parse, global = false)]
    pub view: Option<MapView>,
    /// Base map: `offline` (embedded, the default), `osm`, `topo` (online, cached), a tile
    /// server's URL template such as `https://host/{z}/{x}/{y}.png` (online, cached), or a
    /// .pmtiles file (default: the remembered choice).
    #[arg(long, value_name = "offline|osm|topo|URL|FILE", value_parser = BasemapChoice::parse)]
    pub basemap: Option<BasemapChoice>,
    /// The credit shown for a tile server given as --basemap URL (default: the server's name).
    #[arg(long, value_name = "TEXT", requires = "basemap")]
    pub basemap_credit: Option<String>,
    /// Present this tour (its id in data/tours/) — with --screenshot, render its step as a slide.
    #[arg(long, value_name = "TOUR")]
    pub tour: Option<String>,
    /// The step of --tour to start at (1-based).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub step: usize,
    /// Write --tour (default: the first tour) as a PDF handout, one A4 page per step, when
    /// the name ends in .pdf (no window opens); else every step as numbered PNGs into DIR.
    /// Then quit.
    #[arg(long, value_name = "FILE.pdf|DIR")]
    pub export_tour: Option<PathBuf>,
    /// Write a clean figure (the map only, with title, dates, legend, scale bar and credits)
    /// of the view the other options describe (--select, --tour and --step, --view, --lang)
    /// as PNG or SVG, by the file's extension, without opening a window; --size gives its
    /// size in pixels (default 1920x1080).
    #[arg(long, value_name = "FILE.png|FILE.svg")]
    pub figure: Option<PathBuf>,
    /// Start with the quiz.
    #[arg(long)]
    pub quiz: bool,
    /// Fly back and forth between two views for a few seconds, print the frame rate, and quit.
    #[arg(long, hide = true)]
    pub bench_flight: bool,
    /// Open with this place selected (its id in data/places.toml, e.g. astana).
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,
    /// Render the window once the data is loaded, write it to this PNG file, and quit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// Interface language (default: the remembered one, else the system's).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Window size `WIDTHxHEIGHT` in points (default: the remembered size, else 1280x800).
    /// Given, it wins over the remembered size (and this run does not change it).
    #[arg(long, value_parser = parse_size)]
    pub size: Option<(f32, f32)>,
    /// Measure the time from start to the end of the first frame, print it, and quit.
    #[arg(long, hide = true)]
    pub bench_startup: bool,
    /// Open this article in the reader (its id, in data/articles.toml or your library).
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// The folder of your own articles (default: the platform's data folder; a USB stick,
    /// a test …).
    #[arg(long, value_name = "DIR")]
    pub library: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Files to open: a lesson (`.atlas`) joins your library, an article (text, Markdown,
    /// HTML, PDF) opens in the add form. This is how the system opens a double-clicked file.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Where the data comes from.
#[derive(Debug, Clone, clap::Args)]
pub struct CorpusArgs {
    /// Folder with places.toml, events.toml, ... (default: ./data, else the built-in copy).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Folder with the article texts (default: ./seeds, else the built-in copy).
    #[arg(long, value_name = "DIR")]
    pub seeds: Option<PathBuf>,
}

impl CorpusArgs {
    #[must_use]
    pub fn corpus(&self) -> Corpus {
        Corpus::locate(self.data.clone(), self.seeds.clone())
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data and articles; print a summary or every problem with `file:line`.
    Check {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Also validate this library (its articles, events and tours) with the shipped data.
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
    },
    /// Run the place linker (curated and world gazetteer) on text files and print every
    /// mention found.
    Mentions {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print JSON: text, line, column, place id, name, country, latitude, longitude,
        /// confidence and whether it needs review, for every mention.
        #[arg(long)]
        json: bool,
        /// Files to scan (text, Markdown, HTML or PDF).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the events (shipped and the library's) in an open format: `GeoJSON`, Linked
    /// Places (lpf), CSV, KML, `TimelineJS` (timeline-json, timeline-csv) or `StoryMapJS`
    /// (storymap, from a tour).
    Export {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The library folder whose events are written too.
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// geojson, lpf, csv, kml, timeline-json, timeline-csv or storymap (default: from
        /// FILE's extension).
        #[arg(long, value_name = "F")]
        format: Option<String>,
        /// Only the events of this tour (a `StoryMap` is made from its steps).
        #[arg(long, value_name = "ID")]
        tour: Option<String>,
        /// Of the library's layers, only this one (by id or name).
        #[arg(long, value_name = "NAME")]
        layer: Option<String>,
        #[command(flatten)]
        filter: export_filter::FilterArgs,
        /// The title (default: the tour's, else "Mediation Atlas").
        #[arg(long)]
        title: Option<String>,
        /// The language of titles, roles and dates where the format holds one (de, en, ru).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// The file to write.
        file: PathBuf,
    },
    /// Import a dataset as a layer of the library, beside the curated events: UCDP GED,
    /// ACLED and PA-X (recognised by their columns), `GeoJSON` points, KML placemarks, or a
    /// CSV with coordinate columns.
    Import {
        /// The library folder (default: the platform's data folder).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// The layer's name (default: the file's name).
        #[arg(long)]
        name: Option<String>,
        /// The layer's colour as #rrggbb (default: the next of the palette).
        #[arg(long)]
        color: Option<String>,
        /// The file to import.
        file: PathBuf,
    },
    /// Share the library as one `.atlas` lesson pack, or join one to your library.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// Add articles (text, Markdown, HTML or PDF) to your library, link them, and print what
    /// was linked.
    Add {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The library folder (default: the platform's data folder).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// Files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Write the whole library (articles, texts, reviews, places, events, processes) to FILE.
    Export {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// The library folder (default: the platform's data folder).
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// The lesson's title (default: the file's name).
        #[arg(long)]
        title: Option<String>,
        /// Only this tour of the library, with what it needs (its events, articles, places).
        #[arg(long, value_name = "ID")]
        tour: Option<String>,
        /// The pack to write (`.atlas`).
        file: PathBuf,
    },
    /// Add a pack's content to the library: identical records merge, a different one under a
    /// taken id comes in under a new id (and is listed).
    Import {
        #[command(flatten)]
        corpus: CorpusArgs,
        #[arg(long, value_name = "DIR")]
        library: Option<PathBuf>,
        /// The pack to read (`.atlas`).
        file: PathBuf,
    },
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_name(text).ok_or_else(|| format!("“{text}”: choose de, en or ru"))
}

fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text
        .split_once('x')
        .ok_or_else(|| format!("“{text}”: expected WIDTHxHEIGHT, e.g. 1280x800"))?;
    let w: f32 = w
        .trim()
        .parse()
        .map_err(|_| format!("“{w}” is not a width"))?;
    let h: f32 = h
        .trim()
        .parse()
        .map_err(|_| format!("“{h}” is not a height"))?;
    if !(320.0..=8192.0).contains(&w) || !(240.0..=8192.0).contains(&h) {
        return Err(format!("{w}x{h} is outside 320x240…8192x8192"));
    }
    Ok((w, h))
}

/// Entry point of the binary.
#[must_use]
pub fn main() -> ExitCode {
    let started = std::time::Instant::now();
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

fn run_app(cli: &Cli, started: std::time::Instant) -> ExitCode {
    // Parse the embedded world map (about 70 ms) before the window opens, on this thread: the
    // first screen is then drawn complete ~50 ms after the window appears, and the parser's
    // garbage goes back to the main heap (parsed on a helper thread, its arena kept ~25 MB).
    // A broken map is reported in the app's banner, not here.
    let _ = crate::basemap::tiles::world_blocking();
    let loaded = ingest::load(&cli.corpus.corpus(), ingest::today());
    for problem in &loaded.problems {
        log::warn!("{problem}");
    }
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
    let (tours, tour_problems) = ingest::tours::load_tours(&cli.corpus.corpus(), &loaded.atlas);
    for problem in &tour_problems {
        log::warn!("{problem}");
    }
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
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Mediation Atlas")
            .with_app_id("mediation-atlas")
            .with_inner_size(cli.size.map_or([1280.0, 800.0], |(w, h)| [w, h]))
            .with_min_inner_size([640.0, 480.0]),
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

impl Cli {
    /// `--basemap`, with `--basemap-credit` given to a tile server's URL.
    ///
    /// # Errors
    /// A credit for a base map that is no tile server.
    pub fn basemap_choice(&self) -> Result<Option<BasemapChoice>, String> {
        match (&self.basemap, &self.basemap_credit) {
            (Some(BasemapChoice::Custom { url, .. }), Some(credit)) => {
                BasemapChoice::custom(url, credit).map(Some)
            }
            (_, Some(_)) => Err(
                "--basemap-credit is the credit of a tile server given as --basemap URL".to_owned(),
            ),
            (basemap, None) => Ok(basemap.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
