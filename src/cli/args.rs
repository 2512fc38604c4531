//! The command line's words: the options of the app and each subcommand with its flags, as
//! clap reads them (`mediation-atlas --help`).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::export_filter;
use crate::basemap::source::BasemapChoice;
use crate::i18n::Lang;
use crate::ingest::Corpus;
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
