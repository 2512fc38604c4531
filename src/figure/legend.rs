//! The legend of a figure: the processes' colours, the lines' roles and what a circle means,
//! as a band of entries under the map — never over it, so it covers no marker at any size.

use egui::{Color32, Pos2, Rect, pos2, vec2};

use super::text::Measure;
use crate::i18n::Lang;
use crate::model::{Atlas, ProcessIdx, Role};
use crate::style;

pub const TEXT_SIZE: f32 = 13.0;
/// The height of a line of entries.
const LINE: f32 = 20.0;
/// Space above the first line and below the last.
const PAD: f32 = 8.0;
/// Space between the end of one entry and the start of the next.
const GAP: f32 = 18.0;
/// Space between a swatch and its words.
const SWATCH_GAP: f32 = 6.0;

/// What stands before an entry's words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A heading (bold, no swatch).
    Heading,
    /// A note (muted, no swatch).
    Note,
    /// A marker of this colour.
    Marker(Color32),
    /// A group of places.
    Group,
    /// The ring of the selected place.
    Selected,
    /// A line as the map draws it.
    Line {
        color: Color32,
        width: f32,
        dashed: bool,
    },
}

impl Swatch {
    /// How wide the swatch is drawn.
    #[must_use]
    pub fn width(self) -> f32 {
        match self {
            Self::Heading | Self::Note => 0.0,
            Self::Marker(_) | Self::Group | Self::Selected => 18.0,
            Self::Line { .. } => 26.0,
        }
    }
}

/// One entry: its swatch starts at `at.x`, its words after it; `at.y` is the line's middle.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub swatch: Swatch,
    pub text: String,
    pub at: Pos2,
}

impl Entry {
    /// Where the words start.
    #[must_use]
    pub fn text_x(&self) -> f32 {
        let w = self.swatch.width();
        self.at.x + if w > 0.0 { w + SWATCH_GAP } else { 0.0 }
    }
}

/// The legend band and its entries, in figure units.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    pub entries: Vec<Entry>,
}

/// What the legend explains.
#[allow(clippy::struct_excessive_bools)] // Each says whether one kind of entry is needed.
pub struct Content<'a> {
    pub processes: &'a [ProcessIdx],
    /// Some marker has the app's own colour (its events belong to no process).
    pub other_places: bool,
    pub roles: &'a [Option<Role>],
    pub conflicts: bool,
    pub groups: bool,
    pub selected: bool,
    pub lang: Lang,
}

/// The entries of `content`, each line of them a list of (swatch, words).
fn lines(atlas: &Atlas, content: &Content<'_>) -> Vec<Vec<(Swatch, String)>> {
    let (t, fig) = (content.lang.t(), content.lang.figure());
    let mut out = Vec::new();
    let mut processes = Vec::new();
    if !content.processes.is_empty() {
        processes.push((Swatch::Heading, format!("{}:", fig.processes)));
        for &p in content.processes {
            let process = atlas.process(p);
            processes.push((
                Swatch::Marker(style::rgb(process.color)),
                crate::i18n::pick(content.lang, &process.name_de, &process.name_en).to_owned(),
            ));
        }
    }
    if content.other_places {
        processes.push((
            Swatch::Marker(style::MARKER_FILL),
            fig.other_places.to_owned(),
        ));
    }
    if !processes.is_empty() {
        out.push(processes);
    }
    if !content.roles.is_empty() {
        let heading = if content.roles.iter().all(Option::is_none) {
            t.lines_legend
        } else {
            t.roles
        };
        let mut roles = vec![(Swatch::Heading, format!("{heading}:"))];
        for &role in content.roles {
            let (color, width) = role.map_or((style::CONFLICT_LINE, 2.0), style::role_stroke);
            roles.push((
                Swatch::Line {
                    color,
                    width,
                    dashed: role.is_none_or(style::role_dashed),
                },
                role.map_or(t.conflict_line, |r| crate::i18n::role(r, content.lang))
                    .to_owned(),
            ));
        }
        out.push(roles);
    }
    let mut notes = vec![(
        Swatch::Note,
        if content.conflicts {
            fig.conflict_marker_note
        } else {
            fig.marker_note
        }
        .to_owned(),
    )];
    if content.groups {
        notes.push((Swatch::Group, fig.group_note.to_owned()));
    }
    if content.selected {
        notes.push((Swatch::Selected, fig.selected.to_owned()));
    }
    out.push(notes);
    out
}

/// Lays the legend out in a band `width` wide whose top-left corner is `origin`: each kind
/// of entry on a line of its own, wrapping under its heading when the line is full.
#[must_use]
pub fn build(
    atlas: &Atlas,
    content: &Content<'_>,
    measure: &Measure,
    origin: Pos2,
    width: f32,
) -> Legend {
    let mut entries = Vec::new();
    let mut y = origin.y + PAD + LINE / 2.0;
    let right = origin.x + width;
    for line in lines(atlas, content) {
        let mut x = origin.x;
        let mut indent = origin.x;
        for (i, (swatch, text)) in line.into_iter().enumerate() {
            let bold = swatch == Swatch::Heading;
            let w = swatch.width()
                + if swatch.width() > 0.0 {
                    SWATCH_GAP
                } else {
                    0.0
                }
                + measure.width(&text, TEXT_SIZE, bold);
            if x > indent && x + w > right {
                y += LINE;
                x = indent;
            }
            entries.push(Entry {
                swatch,
                text,
                at: pos2(x, y),
            });
            x += w + if bold { 10.0 } else { GAP };
            if i == 0 && bold {
                indent = x;
            }
        }
        y += LINE;
    }
    let height = y - LINE / 2.0 - origin.y + PAD / 2.0;
    Legend {
        rect: Rect::from_min_size(origin, vec2(width, height)),
        entries,
    }
}
