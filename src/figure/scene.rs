//! A figure as plain geometry: where the land, the lines, the markers, the labels, the legend,
//! the scale bar and the text go, in the figure's own units. Nothing here writes a format;
//! `svg.rs` turns a [`Scene`] into SVG, and the PNG and PDF are made from that SVG.

use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

use super::basemap::{self, Land};
pub use super::labels::SceneLabel;
use super::labels::{fit_line, place_labels};
use super::legend::{self, Legend};
use super::names;
pub use super::projection::{Projection, ScaleBar, scale_bar, view_for};
use super::spec::FigureSpec;
use super::text::Measure;
use crate::basemap::world::WorldMap;
use crate::map::MapView;
use crate::map::cluster::{ScreenMarker, cluster, marker_radius};
use crate::map::lines::{self, GeometryCache};
use crate::model::filter;
use crate::model::{Atlas, EventIdx, PlaceIdx, ProcessIdx};
use crate::style;

/// The figure's layout is made for a 1024×768 frame; a larger figure is the same layout
/// scaled up, so its text stays as readable on a projector.
pub const DESIGN_SIZE: (f32, f32) = (1024.0, 768.0);
/// The band above the map with the title and the dates.
pub const HEADER: f32 = 64.0;
/// The band below the map with the credits and the scale bar.
pub const FOOTER: f32 = 28.0;
pub const TITLE_SIZE: f32 = 24.0;
pub const SUBTITLE_SIZE: f32 = 15.0;
pub const CREDIT_SIZE: f32 = 11.0;
pub const SCALE_TEXT_SIZE: f32 = 12.0;
/// Space between the frame's edge and what is drawn near it.
pub const MARGIN: f32 = 14.0;

/// One line between two places, in figure units.
#[derive(Debug, Clone)]
pub struct SceneLine {
    pub pieces: Vec<Vec<Pos2>>,
    pub color: Color32,
    pub width: f32,
    pub dashed: bool,
}

/// One marker (a place, or a group of places that would overlap).
#[derive(Debug, Clone)]
pub struct SceneMarker {
    pub places: Vec<PlaceIdx>,
    pub pos: Pos2,
    pub radius: f32,
    pub fill: Color32,
    pub selected: bool,
    /// A place known only as a country (UCDP's geo precision 6): drawn with a dashed ring, as
    /// on the map, for the point stands for the whole country.
    pub country_only: bool,
}

/// Everything a figure draws.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The output size (pixels of a PNG, the width and height of the SVG).
    pub size: (f32, f32),
    /// The figure's own units: `size` divided by the scale of the layout.
    pub frame: Vec2,
    pub map: Rect,
    /// The view of the map rectangle, at the zoom of figure units.
    pub view: MapView,
    pub sea: Color32,
    pub land: Land,
    pub lines: Vec<SceneLine>,
    pub markers: Vec<SceneMarker>,
    pub labels: Vec<SceneLabel>,
    /// Seas and countries, around the markers and their labels.
    pub names: Vec<names::MapName>,
    pub title: String,
    /// The title's type size: smaller for a long title, so that it fits the frame.
    pub title_size: f32,
    pub subtitle: String,
    pub legend: Legend,
    pub scale: ScaleBar,
    /// The scale bar's length in words ("500 km").
    pub scale_label: String,
    pub credits: String,
}

impl Scene {
    /// Lays out the figure `spec` describes at `size` (width, height in output units).
    /// `scale` overrides how many output units a figure unit is (the handout sets it;
    /// by default a 1024×768 figure is 1:1 and larger ones grow).
    #[must_use]
    pub fn build(
        atlas: &Atlas,
        world: Option<&WorldMap>,
        spec: &FigureSpec,
        size: (f32, f32),
        scale: Option<f32>,
    ) -> Self {
        let size = (size.0.max(1.0), size.1.max(1.0));
        let scale = scale.unwrap_or_else(|| {
            (size.0 / DESIGN_SIZE.0)
                .min(size.1 / DESIGN_SIZE.1)
                .clamp(0.3, 8.0)
        });
        let frame = vec2(size.0 / scale, size.1 / scale);
        let measure = Measure::default();
        let lang = spec.lang;

        let visible = spec.filter.events(atlas);
        let mut cache = GeometryCache::default();
        let all_lines = lines::lines_for(
            atlas,
            &spec.focus(),
            &spec.filter,
            &visible,
            spec.conflicts,
            &mut cache,
        );
        // The markers as the app makes them: the places of the events shown, and every end
        // of a line (no line ends in nowhere).
        let mut places = if spec.conflicts {
            filter::conflict_places(atlas, &visible)
        } else {
            filter::marker_places(atlas, &visible)
        };
        for line in &all_lines {
            for end in [line.from, line.to] {
                if !places.iter().any(|&(p, _)| p == end) {
                    places.push((end, 1));
                }
            }
        }
        let colours = place_colours(atlas, &visible, spec, &all_lines);
        let roles = lines::roles_shown(&all_lines);

        // The legend's band takes what it needs under the map; it is laid out first for every
        // place (at most as many lines as for the places the frame will show).
        let processes_of = |shown: &mut dyn Iterator<Item = PlaceIdx>| {
            let mut list: Vec<ProcessIdx> =
                shown.filter_map(|p| colours.get(&p).copied()).collect();
            list.sort_unstable();
            list.dedup();
            list
        };
        let legend_width = frame.x - 2.0 * MARGIN;
        let all_processes = processes_of(&mut places.iter().map(|&(p, _)| p));
        let provisional = legend::build(
            atlas,
            &legend::Content {
                processes: &all_processes,
                other_places: places.iter().any(|(p, _)| !colours.contains_key(p)),
                roles: &roles,
                conflicts: spec.conflicts,
                groups: true,
                selected: spec.selected_place.is_some(),
                lang,
            },
            &measure,
            pos2(MARGIN, 0.0),
            legend_width,
        );
        let map_bottom = (frame.y - FOOTER - provisional.rect.height()).max(HEADER + 50.0);
        let map = Rect::from_min_max(pos2(0.0, HEADER), pos2(frame.x, map_bottom));
        let view = view_for(&spec.framing, map.size());
        let projection = Projection::new(view, map);

        let scene_lines = project_lines(&all_lines, &projection);
        let max_weight = places.iter().map(|&(_, n)| n).max().unwrap_or(1);
        let screen: Vec<ScreenMarker> = places
            .iter()
            .map(|&(place, weight)| {
                let p = atlas.place(place);
                ScreenMarker {
                    place,
                    pos: projection.point(p.lat, p.lon),
                    radius: marker_radius(weight, max_weight),
                    weight,
                }
            })
            .collect();
        let markers: Vec<SceneMarker> = cluster(&screen, map, 3.0)
            .into_iter()
            .filter(|c| map.contains(c.pos))
            .map(|c| {
                let selected = spec.selected_place.is_some_and(|s| c.members.contains(&s));
                // The selected place keeps its process's colour; its ring says it is selected.
                let fill = if c.is_group() {
                    style::CLUSTER_FILL
                } else {
                    colours
                        .get(&c.members[0])
                        .map_or(style::MARKER_FILL, |&p| style::rgb(atlas.process(p).color))
                };
                let country_only = matches!(
                    c.members.as_slice(),
                    [p] if atlas.place(*p).kind == crate::model::PlaceKind::Country
                );
                SceneMarker {
                    places: c.members,
                    pos: c.pos,
                    radius: c.radius,
                    fill,
                    selected,
                    country_only,
                }
            })
            .collect();

        let singles = || {
            markers
                .iter()
                .filter(|m| m.places.len() == 1)
                .map(|m| m.places[0])
        };
        let shown_processes = processes_of(&mut singles());
        let legend = legend::build(
            atlas,
            &legend::Content {
                processes: &shown_processes,
                other_places: singles().any(|p| !colours.contains_key(&p)),
                roles: &roles,
                conflicts: spec.conflicts,
                groups: markers.iter().any(|m| m.places.len() > 1),
                selected: markers.iter().any(|m| m.selected),
                lang,
            },
            &measure,
            pos2(MARGIN, map.bottom()),
            legend_width,
        );
        let fig = lang.figure();
        let credits = format!(
            "{} · {} · {}",
            fig.credit_map, fig.credit_places, fig.credit_app
        );
        let mut bar = scale_bar(&projection, pos2(map.right() - MARGIN, map.bottom() - 12.0));
        let scale_label = if bar.km >= 1.0 {
            format!("{} {}", bar.km.round(), fig.km)
        } else {
            format!("{} {}", bar.km, fig.km)
        };
        let label_width = measure.width(&scale_label, SCALE_TEXT_SIZE, false);
        bar.backdrop = Rect::from_min_max(
            pos2(
                bar.right.x - bar.length - label_width - 16.0,
                bar.right.y - 14.0,
            ),
            pos2(bar.right.x + 6.0, bar.right.y + 6.0),
        );
        let labels = place_labels(atlas, &markers, map, bar.backdrop, &measure, lang);
        let names = world.map_or_else(Vec::new, |w| {
            let mut taken: Vec<Rect> = markers
                .iter()
                .map(|m| Rect::from_center_size(m.pos, Vec2::splat(m.radius * 2.0 + 4.0)))
                .collect();
            taken.extend(labels.iter().map(|l| l.rect));
            taken.push(bar.backdrop);
            names::layout(w, &projection, lang, &taken, &measure)
        });
        let (title, title_size) = fit_line(
            &measure,
            &spec.title_text(atlas),
            TITLE_SIZE,
            frame.x - 2.0 * MARGIN,
        );
        Self {
            size,
            frame,
            map,
            view,
            sea: rgba(crate::basemap::raster::Palette::LIGHT.sea),
            land: world.map_or_else(Land::default, |w| basemap::land(w, &projection, scale)),
            lines: scene_lines,
            markers,
            labels,
            names,
            title,
            title_size,
            subtitle: subtitle(atlas, spec, &visible),
            legend,
            scale: bar,
            scale_label,
            credits,
        }
    }
}

/// The lines in figure units, styled as the app strokes them.
fn project_lines(all: &[lines::Line], projection: &Projection) -> Vec<SceneLine> {
    all.iter()
        .map(|line| {
            let stroke = lines::stroke(line, false);
            SceneLine {
                pieces: line
                    .geometry
                    .iter()
                    .map(|piece| {
                        piece
                            .iter()
                            .map(|&(lat, lon)| projection.point(lat, lon))
                            .collect()
                    })
                    .collect(),
                color: stroke.color,
                width: stroke.width,
                dashed: !line.faint && line.role.is_none_or(style::role_dashed),
            }
        })
        .collect()
}

/// The process whose colour each place's marker takes: the one most of its events shown
/// belong to; a participant's capital with no event of its own takes the colour of the talks
/// its line comes from.
fn place_colours(
    atlas: &Atlas,
    visible: &[EventIdx],
    spec: &FigureSpec,
    all_lines: &[lines::Line],
) -> std::collections::HashMap<PlaceIdx, ProcessIdx> {
    let mut colours = process_of_places(atlas, visible, &spec.highlight);
    for line in all_lines {
        if let Some(process) = atlas.event(line.event).process {
            for end in [line.from, line.to] {
                colours.entry(end).or_insert(process);
            }
        }
    }
    colours
}

/// For each place, the process most of its events shown belong to (events of `extra` count
/// too: a tour step's lines end at places whose events may lie outside its range).
fn process_of_places(
    atlas: &Atlas,
    visible: &[EventIdx],
    extra: &[EventIdx],
) -> std::collections::HashMap<PlaceIdx, ProcessIdx> {
    let mut counts: std::collections::HashMap<(PlaceIdx, ProcessIdx), usize> =
        std::collections::HashMap::new();
    for &e in visible.iter().chain(extra) {
        let event = atlas.event(e);
        let Some(process) = event.process else {
            continue;
        };
        for &p in event.places.iter().chain(&event.about) {
            *counts.entry((p, process)).or_default() += 1;
        }
    }
    let mut best: std::collections::HashMap<PlaceIdx, (ProcessIdx, usize)> =
        std::collections::HashMap::new();
    for ((place, process), n) in counts {
        let entry = best.entry(place).or_insert((process, n));
        // Ties go to the lower index, so the same data always gives the same colours.
        if n > entry.1 || (n == entry.1 && process < entry.0) {
            *entry = (process, n);
        }
    }
    best.into_iter()
        .map(|(p, (process, _))| (p, process))
        .collect()
}

/// The dates under the title: the range of the filter, else the span of the events shown.
fn subtitle(atlas: &Atlas, spec: &FigureSpec, visible: &[EventIdx]) -> String {
    let lang = spec.lang;
    let range = spec.filter.range.or_else(|| {
        let days: Vec<(i64, i64)> = visible
            .iter()
            .filter_map(|&e| atlas.event(e).when.days())
            .collect();
        let first = days.iter().map(|d| d.0).min()?;
        let last = days.iter().map(|d| d.1).max()?;
        Some((first, last))
    });
    let dates = range.map_or_else(
        || lang.figure().all_dates.to_owned(),
        |(a, b)| crate::i18n::format_range(a, b, lang),
    );
    if spec.conflicts {
        format!("{dates} · {}", lang.t().mode_conflicts)
    } else {
        dates
    }
}

fn rgba(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}
