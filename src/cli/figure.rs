//! `--figure FILE` and `--export-tour FILE.pdf`: clean figures and tour handouts, written
//! without opening a window. The work is done in [`crate::figure`]; this only reads the
//! options, loads the shipped corpus and reports.

use std::process::ExitCode;

use super::Cli;
use crate::figure::{self, Format, Request, is_pdf};
use crate::i18n::Lang;
use crate::ingest;

/// A figure's size when `--size` is not given: a full-HD slide.
const DEFAULT_SIZE: (u32, u32) = (1920, 1080);

/// Whether the command line asks for figures only (no window).
pub(super) fn wanted(cli: &Cli) -> bool {
    cli.figure.is_some() || cli.export_tour.as_deref().is_some_and(is_pdf)
}

/// Writes what `--figure` and `--export-tour FILE.pdf` ask for; 2 for a wrong request.
pub(super) fn run(cli: &Cli) -> ExitCode {
    if let Some(path) = &cli.figure
        && let Err(message) = Format::from_path(path)
    {
        eprintln!("mediation-atlas: --figure {message}");
        return ExitCode::from(2);
    }
    let corpus = cli.corpus.corpus();
    let loaded = ingest::load(&corpus, ingest::today());
    for problem in &loaded.problems {
        log::warn!("{problem}");
    }
    let atlas = loaded.atlas;
    let (tours, tour_problems) = ingest::tours::load_tours(&corpus, &atlas);
    for problem in &tour_problems {
        log::warn!("{problem}");
    }
    let lang = cli.lang.unwrap_or_else(Lang::from_system);
    if let Some(path) = &cli.figure {
        let request = Request {
            select: cli.select.as_deref(),
            tour: cli.tour.as_deref().map(|t| (t, cli.step)),
            view: cli.view,
            lang,
        };
        let spec = match figure::spec_for(&atlas, &tours, &request) {
            Ok(spec) => spec,
            Err(message) => {
                eprintln!("mediation-atlas: {message}");
                return ExitCode::from(2);
            }
        };
        let size = cli
            .size
            .map_or(DEFAULT_SIZE, |(w, h)| (pixels(w), pixels(h)));
        if let Err(message) = figure::write(path, &atlas, &spec, size) {
            eprintln!("mediation-atlas: the figure could not be written: {message}");
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    if let Some(path) = cli.export_tour.as_deref().filter(|p| is_pdf(p)) {
        let tour = match &cli.tour {
            Some(id) => tours.iter().find(|t| &t.id == id),
            None => tours.first(),
        };
        let Some(tour) = tour else {
            let known: Vec<&str> = tours.iter().map(|t| t.id.as_str()).collect();
            eprintln!(
                "mediation-atlas: --export-tour: no such tour; tours: {}",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            );
            return ExitCode::from(2);
        };
        if let Err(message) = figure::write_tour_pdf(path, &atlas, tour, lang) {
            eprintln!("mediation-atlas: the handout could not be written: {message}");
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

/// A size from `--size` (already checked to lie within 320…8192) in whole pixels.
fn pixels(points: f32) -> u32 {
    u32::try_from(points.round() as i64).unwrap_or(1)
}
