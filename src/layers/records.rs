//! The rows of a layer, stored by column: one `Vec` per field and one string buffer per text
//! field, so a million rows cost a few dozen bytes each plus their text, and a pass over one
//! field (every longitude, every start day) reads memory in order.

use serde::{Deserialize, Serialize};

/// The imported rows: one entry per row, at the same index in every column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Records {
    /// Longitude in degrees east, WGS 84; NaN when the row has no location.
    pub lon: Vec<f32>,
    /// Latitude in degrees north, WGS 84; NaN when the row has no location.
    pub lat: Vec<f32>,
    /// The first day the date can mean, in days since 1970-01-01; `i32::MIN` when unknown.
    pub start: Vec<i32>,
    /// The last day the date can mean, in days since 1970-01-01; `i32::MIN` when unknown.
    pub end: Vec<i32>,
    /// UCDP GED's date precision: 1 the day, 2 within 2–6 days, 3 the week, 4 the month,
    /// 5 the year; 0 unknown.
    pub date_prec: Vec<u8>,
    /// Whether the source marks the date as approximate or uncertain (EDTF `~` or `?`).
    pub circa: Vec<bool>,
    /// UCDP GED's location precision: 1 exact, 2 within 25 km, 3 district (ADM2), 4 province
    /// (ADM1), 5 between places or along a line, 6 country, 7 water or airspace; 0 unknown.
    pub where_prec: Vec<u8>,
    /// The line of the source file the row starts on (1-based, the header is line 1); for
    /// `GeoJSON` the feature's number and for KML the placemark's line.
    pub line: Vec<u32>,
    /// A short title for lists and tooltips.
    pub title: Texts,
    /// The place as the source names it.
    pub place: Texts,
    /// The actors as `name (role)` joined with "; " (see [`format_actors`], [`parse_actors`]).
    pub actors: Texts,
    /// The dataset's own classification (GED type of violence, ACLED event type, PA-X stage).
    pub category: Texts,
    /// Longer text: a source article, ACLED's notes, a description.
    pub note: Texts,
    /// The row's id in its dataset.
    pub source_id: Texts,
}

/// One row's values, borrowed, as the readers hand them to [`Records::push`]; each field
/// means what the column of the same name in [`Records`] does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row<'a> {
    pub lon: f32,
    pub lat: f32,
    pub start: i32,
    pub end: i32,
    pub date_prec: u8,
    pub circa: bool,
    pub where_prec: u8,
    pub line: u32,
    pub title: &'a str,
    pub place: &'a str,
    pub actors: &'a str,
    pub category: &'a str,
    pub note: &'a str,
    pub source_id: &'a str,
}

impl Default for Row<'_> {
    fn default() -> Self {
        Self {
            lon: f32::NAN,
            lat: f32::NAN,
            start: UNKNOWN_DAY,
            end: UNKNOWN_DAY,
            date_prec: 0,
            circa: false,
            where_prec: 0,
            line: 0,
            title: "",
            place: "",
            actors: "",
            category: "",
            note: "",
            source_id: "",
        }
    }
}

/// The day number that stands for an unknown date.
pub const UNKNOWN_DAY: i32 = i32::MIN;

/// A text column went past the 4 GiB its `u32` offsets can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a text column of the layer is larger than 4 GiB")]
pub struct TextsFull;

impl Records {
    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.line.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.line.is_empty()
    }

    /// Appends a row to every column, or to none when a text column is full.
    pub fn push(&mut self, row: &Row<'_>) -> Result<(), TextsFull> {
        let n = self.len();
        let texts = [
            (&mut self.title, row.title),
            (&mut self.place, row.place),
            (&mut self.actors, row.actors),
            (&mut self.category, row.category),
            (&mut self.note, row.note),
            (&mut self.source_id, row.source_id),
        ];
        if texts
            .iter()
            .any(|(column, text)| !column.has_room(text.len()))
        {
            return Err(TextsFull);
        }
        for (column, text) in texts {
            column.push(text)?;
        }
        self.lon.push(row.lon);
        self.lat.push(row.lat);
        self.start.push(row.start);
        self.end.push(row.end);
        self.date_prec.push(row.date_prec);
        self.circa.push(row.circa);
        self.where_prec.push(row.where_prec);
        self.line.push(row.line);
        debug_assert_eq!(self.len(), n + 1);
        Ok(())
    }

    /// Row `i` with its text borrowed from the columns, if there is such a row.
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        Some(Row {
            lon: *self.lon.get(i)?,
            lat: *self.lat.get(i)?,
            start: *self.start.get(i)?,
            end: *self.end.get(i)?,
            date_prec: *self.date_prec.get(i)?,
            circa: *self.circa.get(i)?,
            where_prec: *self.where_prec.get(i)?,
            line: *self.line.get(i)?,
            title: self.title.get(i)?,
            place: self.place.get(i)?,
            actors: self.actors.get(i)?,
            category: self.category.get(i)?,
            note: self.note.get(i)?,
            source_id: self.source_id.get(i)?,
        })
    }

    /// Whether row `i` has a location.
    pub fn has_location(&self, i: usize) -> bool {
        matches!((self.lon.get(i), self.lat.get(i)), (Some(x), Some(y)) if x.is_finite() && y.is_finite())
    }

    /// Shrinks every column to its length, after an import.
    pub fn shrink_to_fit(&mut self) {
        self.lon.shrink_to_fit();
        self.lat.shrink_to_fit();
        self.start.shrink_to_fit();
        self.end.shrink_to_fit();
        self.date_prec.shrink_to_fit();
        self.circa.shrink_to_fit();
        self.where_prec.shrink_to_fit();
        self.line.shrink_to_fit();
        for texts in [
            &mut self.title,
            &mut self.place,
            &mut self.actors,
            &mut self.category,
            &mut self.note,
            &mut self.source_id,
        ] {
            texts.bytes.shrink_to_fit();
            texts.ends.shrink_to_fit();
        }
    }

    /// The bytes the columns hold (not counting spare capacity).
    pub fn heap_bytes(&self) -> usize {
        let texts = [
            &self.title,
            &self.place,
            &self.actors,
            &self.category,
            &self.note,
            &self.source_id,
        ];
        self.len() * (4 * 5 + 3)
            + texts
                .iter()
                .map(|t| t.bytes.len() + 4 * t.ends.len())
                .sum::<usize>()
    }
}

/// An append-only column of strings: their bytes one after another and where each ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    bytes: String,
    ends: Vec<u32>,
}

impl Texts {
    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        self.bytes.get(start..end)
    }

    /// Every string, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// The strings in which `finder` matches, each once, in order: one pass over the bytes of
    /// the whole column (a search of a million rows in milliseconds), a match across the end
    /// of one string and the start of the next being no match.
    pub fn matching(&self, finder: &aho_corasick::AhoCorasick) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for m in finder.find_overlapping_iter(self.bytes.as_str()) {
            // The string holding the match's first byte.
            let i = self.ends.partition_point(|&end| end as usize <= m.start());
            let Some(&end) = self.ends.get(i) else {
                continue;
            };
            let Ok(i) = u32::try_from(i) else { continue };
            if m.end() <= end as usize && out.last() != Some(&i) {
                out.push(i);
            }
        }
        // Overlapping matches come by their end: a longer one may start in an earlier string.
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether `extra` more bytes still fit under the 4 GiB the offsets can address.
    fn has_room(&self, extra: usize) -> bool {
        self.bytes
            .len()
            .checked_add(extra)
            .is_some_and(|n| u32::try_from(n).is_ok())
    }

    /// Appends a string.
    pub fn push(&mut self, text: &str) -> Result<(), TextsFull> {
        let end = self
            .bytes
            .len()
            .checked_add(text.len())
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(TextsFull)?;
        self.bytes.push_str(text);
        self.ends.push(end);
        Ok(())
    }
}

/// The part someone plays in an event or an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Host,
    Mediator,
    Party,
    Guarantor,
    Observer,
    Participant,
    Witness,
    Facilitator,
}

impl Role {
    /// Every role.
    pub const ALL: [Self; 8] = [
        Self::Host,
        Self::Mediator,
        Self::Party,
        Self::Guarantor,
        Self::Observer,
        Self::Participant,
        Self::Witness,
        Self::Facilitator,
    ];

    /// The `snake_case` name serde gives the role ("mediator").
    pub fn name(self) -> &'static str {
        match self {
            Self::Host => "host",
            Self::Mediator => "mediator",
            Self::Party => "party",
            Self::Guarantor => "guarantor",
            Self::Observer => "observer",
            Self::Participant => "participant",
            Self::Witness => "witness",
            Self::Facilitator => "facilitator",
        }
    }

    /// The role by its name, case-insensitive, singular or plural ("Observers").
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        let singular = name
            .strip_suffix('s')
            .or_else(|| name.strip_suffix('S'))
            .unwrap_or(name);
        Self::ALL.into_iter().find(|r| {
            r.name().eq_ignore_ascii_case(name) || r.name().eq_ignore_ascii_case(singular)
        })
    }
}

/// Someone taking part, as a dataset names them, with their role where it says (`None`
/// where the source gives none or one the importer does not recognise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    pub role: Option<Role>,
}

impl Participant {
    /// A participant in a role.
    pub fn new(name: impl Into<String>, role: Option<Role>) -> Self {
        Self {
            name: name.into(),
            role,
        }
    }
}

/// The participants as the `actors` column holds them: `name (role)` joined with "; ". A ";"
/// inside a name would split it when read back, so it is written as ",".
pub fn format_actors(participants: &[Participant]) -> String {
    let mut out = String::new();
    for p in participants {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&p.name.replace(';', ","));
        if let Some(role) = p.role {
            out.push_str(" (");
            out.push_str(role.name());
            out.push(')');
        }
    }
    out
}

/// The participants back from an `actors` text; a parenthesis that is not a role stays in
/// the name ("Party of Regions (Ukraine)").
pub fn parse_actors(text: &str) -> Vec<Participant> {
    text.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            let role = item
                .strip_suffix(')')
                .and_then(|rest| rest.rsplit_once('('))
                .and_then(|(name, role)| Some((name.trim_end(), Role::from_name(role)?)));
            match role {
                Some((name, role)) => Participant::new(name, Some(role)),
                None => Participant::new(item, None),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "records_tests.rs"]
mod tests;
