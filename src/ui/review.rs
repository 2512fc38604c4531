//! The review of one place name (or of a passage to link): where it is linked now, the other
//! places of that name, a search of the gazetteer, a small locator map, and "put it on the map".

use std::ops::Range;

use egui::{RichText, Ui};

use super::{Action, ViewCtx};
use crate::basemap::locator;
use crate::gazetteer::WorldGazetteer;
use crate::library::review::Verdict;
use crate::library::{CandidateEntry, LinkStatus, MentionEntry};
use crate::style;

/// What is being reviewed.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewTarget {
    /// A name the linker found: its index in the article's mentions.
    Mention { article: String, index: usize },
    /// A passage the user selected, to link to a place.
    Passage {
        article: String,
        range: Range<usize>,
        text: String,
    },
}

impl ReviewTarget {
    #[must_use]
    pub fn article(&self) -> &str {
        match self {
            Self::Mention { article, .. } | Self::Passage { article, .. } => article,
        }
    }
}

/// The review window's state.
#[derive(Clone)]
pub struct ReviewState {
    pub target: ReviewTarget,
    pub query: String,
    searched: String,
    results: Vec<CandidateEntry>,
    /// The candidate the locator shows (its place id), and the locator's texture.
    locator: Option<(String, egui::TextureHandle)>,
}

impl ReviewState {
    #[must_use]
    pub fn new(target: ReviewTarget) -> Self {
        let query = match &target {
            ReviewTarget::Passage { text, .. } => text.clone(),
            ReviewTarget::Mention { .. } => String::new(),
        };
        Self {
            target,
            query,
            searched: String::new(),
            results: Vec::new(),
            locator: None,
        }
    }
}

/// Draws the review window; `world` is the gazetteer once loaded (search needs it).
pub fn review_ui(
    ctx: &egui::Context,
    view: ViewCtx<'_>,
    state: &mut ReviewState,
    world: Option<&WorldGazetteer>,
) -> Vec<Action> {
    let l = view.lang.lib();
    let mut actions = Vec::new();
    let Some(article) = view.library.article(state.target.article()) else {
        return vec![Action::CloseReview];
    };
    let mention = match &state.target {
        ReviewTarget::Mention { index, .. } => article.mentions.get(*index),
        ReviewTarget::Passage { .. } => None,
    };
    let name = match (&state.target, mention) {
        (ReviewTarget::Passage { text, .. }, _) => text.clone(),
        (_, Some(m)) => m.text.clone(),
        _ => return vec![Action::CloseReview],
    };
    if state.query != state.searched {
        state.results = search(view, world, &state.query);
        state.searched.clone_from(&state.query);
    }
    let mut open = true;
    egui::Window::new(format!("{} — „{name}“", l.review_title))
        .id(egui::Id::unique("review_window"))
        .collapsible(false)
        .resizable(true)
        .default_width(440.0)
        .default_pos(ctx.content_rect().center() - egui::vec2(220.0, 250.0))
        .max_height(ctx.content_rect().height() - 60.0)
        .open(&mut open)
        .show(ctx, |ui| {
            let choose = |c: &CandidateEntry| match &state.target {
                ReviewTarget::Mention { article, index } => Action::Review {
                    article: article.clone(),
                    mention: *index,
                    verdict: Verdict::Choose(c.clone()),
                },
                ReviewTarget::Passage { article, range, .. } => Action::LinkPassage {
                    article: article.clone(),
                    range: range.clone(),
                    place: c.clone(),
                },
            };
            let current = mention
                .and_then(|m| m.place.as_deref())
                .and_then(|id| mention?.candidates.iter().find(|c| c.place == id));
            if let Some(m) = mention {
                status_ui(ui, view, m, current);
                ui.horizontal(|ui| {
                    if let ReviewTarget::Mention { article, index } = &state.target {
                        if current.is_some() && ui.button(l.accept).clicked() {
                            actions.push(Action::Review {
                                article: article.clone(),
                                mention: *index,
                                verdict: Verdict::Accept,
                            });
                        }
                        if m.status != LinkStatus::Rejected && ui.button(l.reject).clicked() {
                            actions.push(Action::Review {
                                article: article.clone(),
                                mention: *index,
                                verdict: Verdict::Reject,
                            });
                        }
                    }
                });
            }
            let shown = current
                .or_else(|| mention.and_then(|m| m.candidates.first()))
                .or_else(|| state.results.first())
                .cloned();
            let others: Vec<CandidateEntry> =
                mention.map(|m| m.candidates.clone()).unwrap_or_default();
            if let Some(c) = &shown {
                locator_ui(ui, &mut state.locator, c, &others);
            }
            if let Some(m) = mention.filter(|m| !m.candidates.is_empty()) {
                ui.label(RichText::new(l.candidates).strong());
                for c in &m.candidates {
                    candidate_row(ui, view, c, m.place.as_deref() == Some(&c.place), || {
                        actions.push(choose(c));
                    });
                }
            }
            ui.add_space(4.0);
            let label = ui.label(RichText::new(l.search).strong());
            ui.add(egui::TextEdit::singleline(&mut state.query).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if world.is_none() && !state.query.trim().is_empty() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(l.loading_gazetteer);
                });
            }
            for c in &state.results {
                candidate_row(ui, view, c, false, || actions.push(choose(c)));
            }
            ui.add_space(4.0);
            if ui.button(l.on_map).clicked() {
                actions.push(Action::PlaceOnMap);
            }
        });
    if !open {
        actions.push(Action::CloseReview);
    }
    actions
}

/// "Verknüpft mit Osch (KG) · unsicher, 62 %".
fn status_ui(ui: &mut Ui, view: ViewCtx<'_>, m: &MentionEntry, current: Option<&CandidateEntry>) {
    let l = view.lang.lib();
    let status = match m.status {
        LinkStatus::Sure => l.status_sure,
        LinkStatus::Review => l.status_review,
        LinkStatus::Rejected => l.status_rejected,
    };
    let linked = current.map_or_else(
        || l.not_linked.to_owned(),
        |c| format!("{} {} ({})", l.linked_to, c.name, c.country),
    );
    ui.label(RichText::new(linked).strong());
    ui.label(
        RichText::new(format!(
            "{status}, {:.0} %",
            f64::from(m.confidence) * 100.0
        ))
        .color(style::MUTED_TEXT),
    );
}

/// One place to choose: name, country, inhabitants, and a button.
fn candidate_row(
    ui: &mut Ui,
    view: ViewCtx<'_>,
    c: &CandidateEntry,
    current: bool,
    on_choose: impl FnOnce(),
) {
    let l = view.lang.lib();
    ui.horizontal(|ui| {
        let button = ui.add_enabled(!current, egui::Button::new(l.choose).small());
        if button.clicked() {
            on_choose();
        }
        let population = if c.population > 0 {
            format!(" · {} {}", thousands(c.population), l.inhabitants)
        } else {
            String::new()
        };
        let text = format!(
            "{} · {}{population} · {}",
            c.name,
            c.country,
            crate::i18n::place_kind(c.kind, view.lang)
        );
        let rich = RichText::new(text);
        ui.label(if current { rich.strong() } else { rich });
    });
}

/// "1 978 028".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{202F}');
        }
        out.push(c);
    }
    out
}

/// A small map around the candidate shown, with the other candidates as dots where they fall.
fn locator_ui(
    ui: &mut Ui,
    cache: &mut Option<(String, egui::TextureHandle)>,
    shown: &CandidateEntry,
    others: &[CandidateEntry],
) {
    let Some(world) = crate::basemap::tiles::world_if_ready() else {
        return;
    };
    let zoom = if shown.kind == crate::model::PlaceKind::Country {
        3
    } else {
        5
    };
    if cache.as_ref().is_none_or(|(id, _)| *id != shown.place) {
        let image = locator::locator(&world, shown.lat, shown.lon, zoom);
        let color = egui::ColorImage::from_rgba_unmultiplied(
            [image.size as usize, image.size as usize],
            &image.rgba,
        );
        let texture = ui
            .ctx()
            .load_texture("review_locator", color, egui::TextureOptions::LINEAR);
        *cache = Some((shown.place.clone(), texture));
    }
    let Some((_, texture)) = cache.as_ref() else {
        return;
    };
    let side = 170.0;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
    ui.painter().image(
        texture.id(),
        rect,
        egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
        egui::Color32::WHITE,
    );
    let scale = side / f32::from(u16::try_from(locator::SIZE).unwrap_or(256));
    let painter = ui.painter().with_clip_rect(rect);
    for c in others.iter().filter(|c| c.place != shown.place) {
        let (x, y) = locator::position((shown.lat, shown.lon), c.lat, c.lon, zoom);
        let at = rect.min + egui::vec2(x * scale, y * scale);
        painter.circle(at, 4.0, style::CLUSTER_FILL, style::MARKER_RING);
    }
    painter.circle(rect.center(), 6.0, style::MARKER_FILL, style::MARKER_RING);
    ui.painter().rect_stroke(
        rect,
        2.0,
        egui::Stroke::new(1.0, egui::Color32::from_gray(180)),
        egui::StrokeKind::Inside,
    );
}

/// Places whose name starts with the query: the atlas's own first, then the world gazetteer's
/// (most populous first).
fn search(view: ViewCtx<'_>, world: Option<&WorldGazetteer>, query: &str) -> Vec<CandidateEntry> {
    let q = crate::gazetteer::fold(query.trim());
    if q.chars().count() < 2 {
        return Vec::new();
    }
    let mut out: Vec<CandidateEntry> = view
        .atlas
        .places
        .iter()
        .filter(|p| {
            [&p.name_de, &p.name_en]
                .iter()
                .any(|n| crate::gazetteer::fold(n).starts_with(&q))
        })
        .take(5)
        .map(|p| CandidateEntry {
            place: p.id.clone(),
            name: p.name(view.lang).to_owned(),
            country: p.country.clone(),
            lat: p.lat,
            lon: p.lon,
            population: 0,
            kind: p.kind,
        })
        .collect();
    if let Some(world) = world {
        for id in world.search(query.trim(), 12) {
            let c = crate::library::review::world_candidate(world, id, view.atlas);
            if !out.iter().any(|o| o.place == c.place) {
                out.push(c);
            }
        }
    }
    out.truncate(12);
    out
}
