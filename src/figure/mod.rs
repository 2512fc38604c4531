//! Clean figures: the map as the app shows it — land, lines, markers and their labels — with a
//! title, the dates, a legend, a scale bar and the credits, drawn from the atlas rather than
//! captured from the window. Written as SVG (for print), as PNG (that SVG rasterised), and a
//! tour as a PDF handout (one A4 page per step).
//!
//! [`FigureSpec`] says what to show (view, filter, selection, language); [`scene::Scene`] lays
//! it out; `svg`, `png` and `pdf` write it. No egui context, no window: the command line
//! and the app's export dialog call the same functions.

mod basemap;
mod labels;
mod legend;
mod names;
mod pdf;
pub mod png;
pub mod projection;
pub mod scene;
pub mod spec;
mod svg;
mod text;

use std::path::Path;

pub use scene::Scene;
pub use spec::{FigureSpec, Framing};

use crate::basemap::world::WorldMap;
use crate::i18n::Lang;
use crate::map::MapView;
use crate::model::Atlas;
use crate::model::tour::Tour;

/// The formats a figure is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Png,
    Svg,
}

impl Format {
    /// The format a file name asks for (`.png` or `.svg`, any case).
    ///
    /// # Errors
    /// Any other extension, named in the message.
    pub fn from_path(path: &Path) -> Result<Self, String> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Ok(Self::Png),
            Some("svg") => Ok(Self::Svg),
            _ => Err(format!(
                "{}: a figure is written as .png or .svg (the file name says which)",
                path.display()
            )),
        }
    }

    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }
}

/// Whether a path names a PDF file (`--export-tour FILE.pdf`) rather than a folder.
#[must_use]
pub fn is_pdf(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// A size in pixels as figure geometry (sizes beyond 65,535 pixels are taken as that).
pub(crate) fn units(pixels: u32) -> f32 {
    f32::from(u16::try_from(pixels).unwrap_or(u16::MAX))
}

/// The embedded world map, parsed on first use.
fn world() -> Result<std::sync::Arc<WorldMap>, String> {
    crate::basemap::tiles::world_blocking()
}

/// The figure of `spec` at `size` (pixels of a PNG, units of an SVG).
///
/// # Errors
/// Only if the embedded base map is broken.
pub fn scene(atlas: &Atlas, spec: &FigureSpec, size: (u32, u32)) -> Result<Scene, String> {
    let world = world()?;
    Ok(Scene::build(
        atlas,
        Some(&world),
        spec,
        (units(size.0), units(size.1)),
        None,
    ))
}

/// The figure as an SVG document.
///
/// # Errors
/// Only if the embedded base map is broken.
pub fn to_svg(atlas: &Atlas, spec: &FigureSpec, size: (u32, u32)) -> Result<String, String> {
    Ok(svg::document(&scene(atlas, spec, size)?))
}

/// The figure as a PNG of `size` pixels: the SVG, rasterised.
///
/// # Errors
/// A broken base map or a failure to render, as text.
pub fn to_png(atlas: &Atlas, spec: &FigureSpec, size: (u32, u32)) -> Result<Vec<u8>, String> {
    png::rasterize(&to_svg(atlas, spec, size)?, size.0, size.1)
}

/// Writes the figure to `path`, as PNG or SVG by its extension, atomically.
///
/// # Errors
/// An unknown extension, a failed rendering or write; the message names the file.
pub fn write(
    path: &Path,
    atlas: &Atlas,
    spec: &FigureSpec,
    size: (u32, u32),
) -> Result<(), String> {
    let bytes = match Format::from_path(path)? {
        Format::Svg => to_svg(atlas, spec, size).map(String::into_bytes),
        Format::Png => to_png(atlas, spec, size),
    }
    .map_err(|e| format!("{}: {e}", path.display()))?;
    crate::platform::storage::write_atomic(path, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The handout of `tour` as PDF bytes.
///
/// # Errors
/// A broken base map or a page that could not be converted, as text.
pub fn tour_pdf(atlas: &Atlas, tour: &Tour, lang: Lang) -> Result<Vec<u8>, String> {
    let world = world()?;
    pdf::tour_pdf(atlas, Some(&world), tour, lang)
}

/// Writes the handout of `tour` to `path`, atomically.
///
/// # Errors
/// A failed conversion or write; the message names the file.
pub fn write_tour_pdf(path: &Path, atlas: &Atlas, tour: &Tour, lang: Lang) -> Result<(), String> {
    let bytes = tour_pdf(atlas, tour, lang).map_err(|e| format!("{}: {e}", path.display()))?;
    crate::platform::storage::write_atomic(path, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// What the command line asks a figure to show.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// A place id (`--select`).
    pub select: Option<&'a str>,
    /// A tour id and a 1-based step (`--tour`, `--step`).
    pub tour: Option<(&'a str, usize)>,
    /// `--view LAT,LON,ZOOM`, as the app's window would show it.
    pub view: Option<MapView>,
    pub lang: Lang,
}

/// The figure a command line describes: a tour's step, else a selected place, else the
/// overview; `--view` sets the framing of any of them.
///
/// # Errors
/// An unknown place, tour or step, with what there is.
pub fn spec_for(
    atlas: &Atlas,
    tours: &[Tour],
    request: &Request<'_>,
) -> Result<FigureSpec, String> {
    let lang = request.lang;
    let mut spec = if let Some((id, step)) = request.tour {
        let tour = tours.iter().find(|t| t.id == id).ok_or_else(|| {
            let known: Vec<&str> = tours.iter().map(|t| t.id.as_str()).collect();
            format!("--tour {id}: no such tour; tours: {}", known.join(", "))
        })?;
        let mut spec = step
            .checked_sub(1)
            .and_then(|i| FigureSpec::tour_step(atlas, tour, i, lang))
            .ok_or_else(|| {
                format!(
                    "--step {step}: the tour {id} has steps 1 to {}",
                    tour.steps.len()
                )
            })?;
        if let Some(place) = request.select {
            spec.selected_place = Some(place_id(atlas, place)?);
        }
        spec
    } else if let Some(place) = request.select {
        FigureSpec::place(atlas, place_id(atlas, place)?, lang)
    } else {
        FigureSpec::overview(lang)
    };
    if let Some(view) = request.view {
        spec.framing = Framing::View {
            view,
            seen_at: spec::LAPTOP_MAP,
        };
    }
    Ok(spec)
}

fn place_id(atlas: &Atlas, id: &str) -> Result<crate::model::PlaceIdx, String> {
    atlas.place_by_id(id).ok_or_else(|| {
        let known: Vec<&str> = atlas
            .marker_places()
            .iter()
            .map(|&(p, _)| atlas.place(p).id.as_str())
            .collect();
        format!(
            "--select {id}: no such place id; places with events: {}",
            known.join(", ")
        )
    })
}

#[cfg(test)]
mod tests;
