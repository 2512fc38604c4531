//! Place labels beside their markers, and lines of text fitted to a width.

use egui::{Rect, Vec2, pos2, vec2};

use super::scene::SceneMarker;
use super::text::Measure;
use crate::model::Atlas;
use crate::style;

/// A place's name beside its marker.
#[derive(Debug, Clone)]
pub struct SceneLabel {
    /// The halo behind the text; the text starts 3 units in from its left.
    pub rect: Rect,
    pub text: String,
    pub size: f32,
}

/// Labels beside the markers where they collide with nothing (right, left, above, below),
/// heaviest markers first, as the app places them.
pub(super) fn place_labels(
    atlas: &Atlas,
    markers: &[SceneMarker],
    map: Rect,
    scale_bar: Rect,
    measure: &Measure,
    lang: crate::i18n::Lang,
) -> Vec<SceneLabel> {
    let size = style::LABEL_SIZE;
    let mut taken: Vec<Rect> = markers
        .iter()
        .map(|m| Rect::from_center_size(m.pos, Vec2::splat(m.radius * 2.0)))
        .collect();
    taken.push(scale_bar);
    let mut out = Vec::new();
    for m in markers {
        let first = m.places.first().map_or("", |&p| atlas.place(p).name(lang));
        let text = if m.places.len() > 1 {
            format!("{first} +{}", m.places.len() - 1)
        } else {
            first.to_owned()
        };
        let box_size = vec2(measure.width(&text, size, false) + 6.0, size * 1.35);
        let gap = m.radius + if m.selected { 11.0 } else { 7.0 };
        let (x, y) = (m.pos.x, m.pos.y);
        let candidates = [
            Rect::from_min_size(pos2(x + gap, y - box_size.y / 2.0), box_size),
            Rect::from_min_size(pos2(x - gap - box_size.x, y - box_size.y / 2.0), box_size),
            Rect::from_min_size(pos2(x - box_size.x / 2.0, y - gap - box_size.y), box_size),
            Rect::from_min_size(pos2(x - box_size.x / 2.0, y + gap), box_size),
        ];
        if let Some(rect) = candidates
            .into_iter()
            .find(|r| map.contains_rect(*r) && taken.iter().all(|t| !t.intersects(*r)))
        {
            taken.push(rect);
            out.push(SceneLabel { rect, text, size });
        }
    }
    out
}

/// A bold line of text at `size` or smaller (down to two thirds) so that it fits `width`;
/// cut short with "…" if it does not fit even then.
pub(super) fn fit_line(measure: &Measure, text: &str, size: f32, width: f32) -> (String, f32) {
    let smallest = (size * 2.0 / 3.0).round();
    let mut s = size;
    while s > smallest && measure.width(text, s, true) > width {
        s -= 1.0;
    }
    if measure.width(text, s, true) <= width {
        return (text.to_owned(), s);
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if measure.width(&cut, s, true) <= width {
            return (cut, s);
        }
    }
    ("…".to_owned(), s)
}
