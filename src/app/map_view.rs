//! The map: tile sources, plugins, and what is drawn over it (mode switch, legend, credits,
//! the network's status).

use std::path::PathBuf;

use egui::{Frame, Rect, Ui};
use walkers::{Map, MapMemory, Plugin, Projector, Tiles, lat_lon};

use crate::basemap::labels;
use crate::basemap::source::{self, BasemapChoice};
use crate::basemap::tiles::{OfflineTiles, world_if_ready};

#[allow(clippy::wildcard_imports)] // The rooms share the app type and its private helpers.
use super::*;
use crate::i18n::Lang;
use crate::ingest::Problem;
use crate::map::flight::{self, MAX_ZOOM, MIN_ZOOM};
use crate::map::lines::{Line, LinesPlugin};
use crate::map::markers::{MarkerClick, MarkersPlugin};
use crate::map::{MapView, graticule};
use crate::model::{Atlas, PlaceIdx};
use crate::style;
use crate::ui::quiz::QuizState;
use crate::ui::{Action, MapMode};

/// How often the map looks again while online tiles are on their way: walkers asks for a
/// repaint when a tile arrives, but not when one fails. Only while something is pending.
const NETWORK_POLL: std::time::Duration = std::time::Duration::from_millis(500);

impl AtlasApp {
    /// Where a point is on the screen in the current view (for tests that click the map).
    #[must_use]
    pub fn screen_pos(&self, lat: f64, lon: f64) -> egui::Pos2 {
        let view = self.view();
        let world = 256.0 * 2f64.powf(view.zoom);
        let (cx, cy) = flight::mercator(view);
        let (x, y) = flight::mercator(MapView {
            lat,
            lon,
            zoom: view.zoom,
        });
        let c = self.map_rect.center();
        egui::pos2(
            c.x + ((x - cx) * world) as f32,
            c.y + ((y - cy) * world) as f32,
        )
    }

    /// Makes the tile sources the state asks for; a source that cannot be opened is reported
    /// in the banner and the embedded map is used.
    pub(super) fn ensure_sources(&mut self, ctx: &egui::Context) {
        if self.offline.is_none() {
            self.offline = Some(OfflineTiles::new(ctx, self.tile_rendering));
        }
        let wanted = &self.state.basemap;
        if self.online.as_ref().map(|(c, _)| c) == Some(wanted)
            || (self.online.is_none() && *wanted == BasemapChoice::Offline)
        {
            return;
        }
        self.online = None;
        match source::open_cached_in(wanted, ctx, self.tile_cache.as_deref()) {
            Ok(Some(tiles)) => self.online = Some((wanted.clone(), tiles)),
            Ok(None) => {}
            Err(message) => {
                let file = match wanted {
                    BasemapChoice::PmTiles(path) => path.clone(),
                    BasemapChoice::Custom { url, .. } => PathBuf::from(url),
                    _ => PathBuf::from("basemap"),
                };
                self.problems.push(Problem::error(file, None, message));
                self.state.basemap = BasemapChoice::Offline;
            }
        }
    }

    pub(super) fn map_ui(&mut self, ui: &mut Ui, atlas: &Atlas) -> Vec<Action> {
        self.ensure_sources(ui.ctx());
        let offline_ok = self.offline.as_ref().is_some_and(|o| o.error().is_none());
        if let Some(error) = self.offline.as_ref().and_then(OfflineTiles::error)
            && !self.problems.iter().any(|p| p.message == error.into())
        {
            self.problems.push(Problem::error(
                "assets/naturalearth",
                None,
                error.to_owned(),
            ));
        }
        let background = match &self.offline {
            Some(o) if offline_ok => o.sea(),
            _ => style::MAP_BACKGROUND,
        };
        ui.painter()
            .rect_filled(ui.available_rect_before_wrap(), 0.0, background);

        self.update_lines();
        let quiz_markers: Vec<(PlaceIdx, usize)> = match self
            .quiz
            .as_ref()
            .and_then(|q| Some((q.current()?, q.verdict.as_ref()?)))
        {
            Some((question, _)) => match &question.kind {
                crate::model::quiz::QuestionKind::Where { answer } => {
                    answer.iter().map(|&p| (p, 1)).collect()
                }
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        let quiz_click = self.quiz.as_ref().is_some_and(QuizState::wants_map_click);
        let placing = self.placing;
        let quiz_shown = self
            .quiz
            .as_ref()
            .and_then(|q| q.verdict.as_ref())
            .and_then(|(v, click)| Some(((*click)?, v.nearest?)))
            .map(|(click, place)| {
                (
                    click,
                    (self.atlas.place(place).lat, self.atlas.place(place).lon),
                )
            });
        let presenting = self.presentation.is_some();
        let flying = self.flight.is_some();
        let export_title = self
            .screenshot
            .is_some()
            .then(|| format!("{} · {}", self.lang.t().app_title, self.view_caption()));
        let mut clicked = None;
        let mut line_clicked = None;
        let lang = self.lang;
        let world = world_if_ready().filter(|_| offline_ok);
        let markers = MarkersPlugin {
            atlas,
            article_markers: if presenting || self.quiz.is_some() {
                &[]
            } else {
                &self.article_markers
            },
            // A "where" question hides the places until it is answered; then only the answer.
            markers: match &self.quiz {
                Some(q) if q.wants_map_click() => &[],
                Some(q) if q.verdict.is_some() => &quiz_markers,
                _ => &self.markers_with_ends,
            },
            lang,
            selected: self.selected,
            label_size: if presenting {
                style::PRESENT_LABEL_SIZE
            } else {
                style::LABEL_SIZE
            },
            clicked: &mut clicked,
            underlay: world.map(|world| {
                let memo = &mut self.labels_memo;
                Box::new(
                    move |painter: &egui::Painter, projector: &Projector, taken: &[Rect]| {
                        // The layout only changes when the view, the language or the place
                        // labels do; a frame that repeats them reuses it.
                        let key = LabelsKey::new(projector, lang, taken);
                        if let Some((k, shapes)) = memo.as_ref()
                            && *k == key
                        {
                            return shapes.clone();
                        }
                        let shapes: Vec<egui::Shape> =
                            labels::layout(painter, projector, &world, lang, taken)
                                .into_iter()
                                .map(|l| l.shape)
                                .collect();
                        *memo = Some((key, shapes.clone()));
                        shapes
                    },
                ) as crate::map::markers::Underlay<'_>
            }),
        };
        let center = lat_lon(self.state.view.lat, self.state.view.lon);
        let click_tolerance_km = crate::model::quiz::tolerance_km(self.memory.zoom());
        let credits = source::credits(&self.state.basemap);
        // An online source is credited, and its failure shown, by what this frame draws.
        let network = self
            .online
            .as_mut()
            .and_then(|(_, overlay)| overlay.online())
            .map(|online| {
                online.begin_frame();
                (online.drawn_flag(), online.status().failed > 0)
            });
        let credits_embedded = source::credits_drawn(&self.state.basemap, false);
        let network_strings = lang.network();
        let mut retry = false;
        let offline = self.offline.as_mut().map(|o| o as &mut dyn Tiles);
        let mut map = Map::new(offline, &mut self.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true);
        if let Some((_, online)) = self.online.as_mut() {
            map = map.with_layer(online, 1.0);
        }
        let mut layer_clicked = None;
        let layers_shown: &[crate::map::layers::MapLayer] = if presenting || self.quiz.is_some() {
            &[]
        } else {
            &self.layers.layers
        };
        let legend: Vec<crate::ui::layers_legend::LayerLegend> = layers_shown
            .iter()
            .map(|l| crate::ui::layers_legend::LayerLegend {
                name: &l.meta.name,
                color: l.color,
                records: l.records.len(),
                kept: l.kept(),
                visible: l.meta.visible,
                updating: l.is_updating(),
                query: &l.wanted,
                categories: &l.categories,
            })
            .collect();
        let layers_loading = self.layers.loading();
        let shown = map
            .with_plugin(GraticulePlugin {
                over_map: offline_ok,
            })
            .with_plugin(crate::map::layers::LayersPlugin {
                layers: layers_shown,
                lang,
                clicked: &mut layer_clicked,
            })
            .with_plugin(LinesPlugin {
                atlas,
                // In a presentation a step's lines appear once the flight has landed.
                lines: if (presenting && flying) || self.quiz.is_some() {
                    &[]
                } else {
                    &self.lines
                },
                version: self.lines_version,
                projected: &mut self.lines_projected,
                lang,
                clicked: &mut line_clicked,
            })
            .with_plugin(markers)
            .show(ui, |ui, response, projector, _| {
                let drawn = network
                    .as_ref()
                    .is_none_or(|(flag, _)| flag.load(std::sync::atomic::Ordering::Relaxed));
                let failing = network.as_ref().is_some_and(|(_, failed)| *failed);
                retry = attribution_ui(
                    ui,
                    if drawn { &credits } else { &credits_embedded },
                    (failing && !drawn)
                        .then_some((network_strings.offline, network_strings.offline_hint)),
                );
                if let Some((click, answer)) = quiz_shown {
                    quiz_answer_overlay(ui, projector, click, answer);
                }
                let clicked_at = || {
                    response
                        .clicked()
                        .then(|| response.interact_pointer_pos())
                        .flatten()
                        .map(|pos| projector.unproject(pos.to_vec2()))
                };
                if quiz_click {
                    clicked_at()
                        .map(|at| {
                            Action::QuizAnswer(crate::model::quiz::Answer::Place {
                                lat: at.y(),
                                lon: at.x(),
                                tolerance_km: click_tolerance_km,
                            })
                        })
                        .into_iter()
                        .collect()
                } else if placing {
                    clicked_at()
                        .map(|at| Action::PlacedAt {
                            lat: at.y(),
                            lon: at.x(),
                        })
                        .into_iter()
                        .collect()
                } else if presenting || self.quiz.is_some() {
                    Vec::new()
                } else {
                    let mut actions = overlay_ui(
                        ui,
                        lang,
                        self.state.map_mode,
                        &self.lines,
                        export_title.as_deref(),
                    );
                    actions.extend(crate::ui::layers_legend::show(
                        ui,
                        lang,
                        &legend,
                        layers_loading,
                    ));
                    actions
                }
            });
        let (response, mut actions) = (shown.response, shown.inner);
        self.map_rect = response.rect;
        self.network_step(ui.ctx(), retry);
        if response.dragged() {
            self.flight = None;
        }
        // Keep the zoom in the range the app supports.
        let zoom = self.memory.zoom();
        if !(MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
            let _ = self.memory.set_zoom(zoom.clamp(MIN_ZOOM, MAX_ZOOM));
        }
        if presenting {
            // A click (a clicker's, or the mouse's) on the slide moves on.
            if response.clicked() {
                actions.push(Action::NextStep);
            }
            return actions;
        }
        if placing {
            return actions;
        }
        if clicked.is_none()
            && let Some(crate::map::layers::LayerClick::Zoom { lat, lon, zoom }) = layer_clicked
        {
            actions.push(Action::ZoomTo(MapView { lat, lon, zoom }));
        }
        match clicked {
            Some(MarkerClick::Place(place)) => actions.push(Action::SelectPlace(place)),
            Some(MarkerClick::Group(places)) => actions.push(Action::FitPlaces(places)),
            None => {
                if let Some(event) = line_clicked {
                    actions.push(Action::SelectEvent(event));
                }
            }
        }
        actions
    }
}

impl AtlasApp {
    /// After the map is drawn: keeps looking while online tiles are pending, reports a failing
    /// source once in the problems list, and opens the source anew when asked to retry.
    fn network_step(&mut self, ctx: &egui::Context, retry: bool) {
        if retry {
            // The failed tiles are asked for again; those that arrived come from the cache.
            self.online = None;
            ctx.request_repaint();
            return;
        }
        let Some(online) = self.online.as_mut().and_then(|(_, o)| o.online()) else {
            return;
        };
        if online.status().waiting {
            ctx.request_repaint_after(NETWORK_POLL);
        }
        if online.first_failure() {
            let message = crate::msg!("tiles-unreachable", host = online.host());
            if !self.problems.iter().any(|p| p.message == message) {
                self.problems
                    .push(Problem::warning(online.host(), None, message));
            }
        }
    }
}

/// What the base map's names were laid out for: the view (in whole points), the language and
/// the rectangles of the place labels.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LabelsKey {
    pub(super) zoom: u64,
    pub(super) origin: (i32, i32),
    pub(super) clip: [i32; 4],
    pub(super) lang: Lang,
    pub(super) taken: Vec<[i32; 4]>,
}

impl LabelsKey {
    pub(super) fn new(projector: &Projector, lang: Lang, taken: &[Rect]) -> Self {
        let whole = |r: Rect| {
            [
                r.min.x.round() as i32,
                r.min.y.round() as i32,
                r.max.x.round() as i32,
                r.max.y.round() as i32,
            ]
        };
        let origin = projector.project(lat_lon(0.0, 0.0));
        Self {
            zoom: projector.zoom().to_bits(),
            origin: (origin.x.round() as i32, origin.y.round() as i32),
            clip: whole(projector.clip_rect()),
            lang,
            taken: taken.iter().copied().map(whole).collect(),
        }
    }
}

/// The graticule: over the base map faintly, or as the whole map when there is none.
pub(super) struct GraticulePlugin {
    pub(super) over_map: bool,
}

impl Plugin for GraticulePlugin {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        graticule::paint(ui, projector, !self.over_map);
    }
}

/// After a "where" answer: the click, the right place, and the great circle between them.
pub(super) fn quiz_answer_overlay(
    ui: &Ui,
    projector: &Projector,
    click: (f64, f64),
    answer: (f64, f64),
) {
    let painter = ui.painter();
    let points: Vec<egui::Pos2> = crate::map::arcs::great_circle(click, answer)
        .into_iter()
        .map(|(lat, lon)| projector.project(lat_lon(lat, lon)).to_pos2())
        .collect();
    painter.extend(egui::Shape::dashed_line(
        &points,
        egui::Stroke::new(2.5, style::PROBLEM_ERROR),
        8.0,
        5.0,
    ));
    let at = projector.project(lat_lon(click.0, click.1)).to_pos2();
    let stroke = egui::Stroke::new(3.0, style::PROBLEM_ERROR);
    painter.line_segment(
        [at - egui::vec2(7.0, 7.0), at + egui::vec2(7.0, 7.0)],
        stroke,
    );
    painter.line_segment(
        [at + egui::vec2(-7.0, 7.0), at + egui::vec2(7.0, -7.0)],
        stroke,
    );
}

/// On the map: the switch between venues and conflicts (top left) and the legend of the
/// lines' roles (bottom left).
pub(super) fn overlay_ui(
    ui: &mut Ui,
    lang: Lang,
    mode: MapMode,
    lines: &[Line],
    title: Option<&str>,
) -> Vec<Action> {
    let t = lang.t();
    let mut actions = Vec::new();
    let rect = ui.max_rect();
    let panel = Frame::new()
        .fill(egui::Color32::from_white_alpha(225))
        .inner_margin(egui::Margin::symmetric(8, 5))
        .corner_radius(5.0)
        .stroke(egui::Stroke::new(1.0, egui::Color32::from_gray(200)));
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(Rect::from_min_size(
            rect.min + egui::vec2(10.0, 10.0),
            egui::vec2(rect.width() - 20.0, 40.0),
        )),
        |ui| {
            panel.show(ui, |ui| {
                // An exported image carries a title instead of the switch.
                if let Some(title) = title {
                    ui.label(egui::RichText::new(title).size(20.0).strong());
                    return;
                }
                ui.horizontal(|ui| {
                    for (m, label) in [
                        (MapMode::Venues, t.mode_venues),
                        (MapMode::Conflicts, t.mode_conflicts),
                    ] {
                        if ui.selectable_label(mode == m, label).clicked() && mode != m {
                            actions.push(Action::SetMapMode(m));
                        }
                    }
                    ui.separator();
                    let tours = lang.tours();
                    if ui
                        .button(tours.add_step)
                        .on_hover_text(tours.add_step_hint)
                        .clicked()
                    {
                        actions.push(Action::AddStep);
                    }
                });
            });
        },
    );
    let roles = crate::map::lines::roles_shown(lines);
    if !roles.is_empty() {
        let rows = f32::from(u8::try_from(roles.len()).unwrap_or(u8::MAX));
        let height = 44.0 + rows * 24.0;
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(Rect::from_min_size(
                egui::pos2(rect.left() + 10.0, rect.bottom() - height - 10.0),
                egui::vec2(200.0, height),
            )),
            |ui| {
                panel.show(ui, |ui| {
                    // Lines from talks to conflicts have no role: the legend says what they are.
                    let heading = if roles.iter().all(Option::is_none) {
                        t.lines_legend
                    } else {
                        t.roles
                    };
                    ui.label(egui::RichText::new(heading).small().strong());
                    for role in roles {
                        ui.horizontal(|ui| {
                            crate::map::lines::legend_swatch(ui, role);
                            let name = role.map_or(t.conflict_line, |r| crate::i18n::role(r, lang));
                            ui.label(egui::RichText::new(name).small());
                        });
                    }
                });
            },
        );
    }
    actions
}

/// The credits of what is on screen, always visible in the map's bottom-right corner, and above
/// them a quiet status (with its hover text) if there is one. Returns whether the status was
/// clicked.
pub(super) fn attribution_ui(
    ui: &mut Ui,
    credits: &[source::Credit],
    status: Option<(&str, &str)>,
) -> bool {
    let frame = Frame::new()
        .fill(egui::Color32::from_white_alpha(215))
        .inner_margin(egui::Margin::symmetric(6, 2))
        .corner_radius(3.0);
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Max), |ui| {
        frame.show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                for (i, credit) in credits.iter().enumerate() {
                    if i > 0 {
                        ui.label(egui::RichText::new("·").small());
                    }
                    let text = egui::RichText::new(&credit.text)
                        .small()
                        .color(style::MUTED_TEXT);
                    match credit.url {
                        Some(url) => {
                            ui.hyperlink_to(text, url);
                        }
                        None => {
                            ui.label(text);
                        }
                    }
                }
            });
        });
        status.is_some_and(|(text, hint)| {
            frame
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(text).small().color(style::BANNER_TEXT),
                        )
                        .sense(egui::Sense::click()),
                    )
                    .on_hover_text(hint)
                    .clicked()
                })
                .inner
        })
    })
    .inner
}
