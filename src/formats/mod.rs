//! The atlas in the field's open formats, for the tools people take maps on to: `GeoJSON` (RFC
//! 7946, with a Linked Places `when`), the Linked Places Format for the gazetteer of places
//! used, CSV with UCDP GED-style columns, KML with time (Google Earth plays it), `TimelineJS`
//! (JSON and its spreadsheet CSV) and `StoryMapJS` (from a tour). Each writer takes a
//! [`Request`] and returns the file's text; the caller writes it atomically.

pub mod csv;
pub mod geojson;
pub mod kml;
pub mod linked_places;
pub mod timeline;

use crate::i18n::Lang;
use crate::model::{Atlas, Event, EventIdx, PartyRef, Place, PlaceKind, Precision, When};

/// A file format the atlas writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GeoJson,
    LinkedPlaces,
    Csv,
    Kml,
    TimelineJson,
    TimelineCsv,
    StoryMap,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Self; 7] = [
        Self::GeoJson,
        Self::LinkedPlaces,
        Self::Csv,
        Self::Kml,
        Self::TimelineJson,
        Self::TimelineCsv,
        Self::StoryMap,
    ];

    /// The format by its name on the command line.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .or(match name.trim().to_ascii_lowercase().as_str() {
                "json" => Some(Self::GeoJson),
                "lpf" | "linked-places" => Some(Self::LinkedPlaces),
                "timelinejs" => Some(Self::TimelineJson),
                "storymapjs" => Some(Self::StoryMap),
                _ => None,
            })
    }

    /// The name on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::GeoJson => "geojson",
            Self::LinkedPlaces => "lpf",
            Self::Csv => "csv",
            Self::Kml => "kml",
            Self::TimelineJson => "timeline-json",
            Self::TimelineCsv => "timeline-csv",
            Self::StoryMap => "storymap",
        }
    }

    /// The file name extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::GeoJson => "geojson",
            Self::Csv | Self::TimelineCsv => "csv",
            Self::Kml => "kml",
            Self::LinkedPlaces | Self::TimelineJson | Self::StoryMap => "json",
        }
    }

    /// The format a file name asks for by its extension, where that is unambiguous.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "geojson" => Some(Self::GeoJson),
            "csv" => Some(Self::Csv),
            "kml" => Some(Self::Kml),
            _ => None,
        }
    }

    /// Whether the format is made from a tour (and needs one).
    #[must_use]
    pub fn needs_tour(self) -> bool {
        self == Self::StoryMap
    }

    /// The request in this format.
    ///
    /// # Errors
    /// What keeps the file from being written (a `StoryMap` without a tour), in English.
    pub fn write(self, request: &Request) -> Result<Written, String> {
        match self {
            Self::GeoJson => geojson::write(request).map(Written::all),
            Self::LinkedPlaces => linked_places::write(request).map(Written::all),
            Self::Csv => csv::write(request).map(Written::all),
            Self::Kml => kml::write(request).map(Written::all),
            Self::TimelineJson => timeline::timeline_json(request),
            Self::TimelineCsv => timeline::timeline_csv(request),
            Self::StoryMap => timeline::storymap(request).map(Written::all),
        }
    }
}

/// What to write: the events (in this order), in which language the words that have two are
/// given, under which title, and for the formats made from one, the tour.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub atlas: &'a Atlas,
    pub events: &'a [EventIdx],
    pub lang: Lang,
    pub title: &'a str,
    pub tour: Option<&'a crate::model::tour::Tour>,
    /// Imported layers written after the curated events (by CSV, `GeoJSON` and KML).
    pub layers: &'a [LayerRef<'a>],
}

/// An imported layer to write, by its name: all its records, or those its filters keep.
#[derive(Debug, Clone, Copy)]
pub struct LayerRef<'a> {
    pub name: &'a str,
    pub records: &'a crate::layers::Records,
    /// The records to write, in order; `None` for all.
    pub kept: Option<&'a [u32]>,
}

impl<'a> LayerRef<'a> {
    /// Every record of a layer.
    #[must_use]
    pub fn all(name: &'a str, records: &'a crate::layers::Records) -> Self {
        Self {
            name,
            records,
            kept: None,
        }
    }

    /// The rows to write.
    pub fn rows(&self) -> Box<dyn Iterator<Item = crate::layers::records::Row<'a>> + 'a> {
        let records = self.records;
        match self.kept {
            Some(kept) => Box::new(kept.iter().filter_map(move |&i| records.row(i as usize))),
            None => Box::new((0..records.len()).filter_map(move |i| records.row(i))),
        }
    }
}

impl Format {
    /// Whether the format writes the request's layers too.
    #[must_use]
    pub fn writes_layers(self) -> bool {
        matches!(self, Self::GeoJson | Self::Csv | Self::Kml)
    }
}

/// A layer record's dates: the EDTF text, and its first and last day as ISO days ("" when
/// unknown).
#[must_use]
pub fn record_dates(row: &crate::layers::records::Row) -> (String, String, String) {
    use crate::layers::dates::{DateSpan, iso_day};
    use crate::layers::records::UNKNOWN_DAY;
    let day = |d: i32| {
        if d == UNKNOWN_DAY {
            String::new()
        } else {
            iso_day(d)
        }
    };
    let edtf = crate::layers::to_edtf(DateSpan {
        start: row.start,
        end: row.end,
        prec: row.date_prec,
        circa: row.circa,
    });
    (edtf, day(row.start), day(row.end))
}

/// A written file, and the events the format could not hold (`TimelineJS` needs a year), by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub left_out: Vec<String>,
}

impl Written {
    fn all(text: String) -> Self {
        Self {
            text,
            left_out: Vec::new(),
        }
    }
}

/// How precisely a time is known, on UCDP GED's scale: 1 the day, 4 the month, 5 the year
/// (a span by its coarser end); `None` for an unknown date.
#[must_use]
pub fn date_precision(when: When) -> Option<u8> {
    match when.precision() {
        Precision::Day => Some(1),
        Precision::Month => Some(4),
        Precision::Year => Some(5),
        Precision::Unknown => None,
    }
}

/// The first and last day a time stands for, as ISO 8601 days ("2017-01-01", "2017-01-31").
#[must_use]
pub fn date_bounds(when: When) -> Option<(String, String)> {
    let iso = |d: crate::model::filter::Day| {
        let (y, m, d) = crate::ingest::civil_from_days(d);
        format!("{y:04}-{m:02}-{d:02}")
    };
    when.days().map(|(first, last)| (iso(first), iso(last)))
}

/// How precisely a place locates an event, on UCDP GED's scale: 1 the exact place (a city, a
/// site), 4 a province or region, 6 a country (drawn at a point inside it).
#[must_use]
pub fn where_precision(place: &Place) -> u8 {
    match place.kind {
        PlaceKind::Capital | PlaceKind::City | PlaceKind::Site => 1,
        PlaceKind::Region => 4,
        PlaceKind::Country => 6,
    }
}

/// A participant's id and name ("kazakhstan", "Kazakhstan").
#[must_use]
pub fn party(atlas: &Atlas, who: PartyRef) -> (&str, &str) {
    match who {
        PartyRef::State(p) => {
            let place = atlas.place(p);
            (&place.id, &place.name_en)
        }
        PartyRef::Organisation(a) => {
            let actor = &atlas.actors[a.index()];
            (&actor.id, &actor.name_en)
        }
    }
}

/// The first source quote of an event, verbatim, and its article's id.
#[must_use]
pub fn first_quote<'a>(atlas: &'a Atlas, event: &'a Event) -> Option<(&'a str, &'a str)> {
    event
        .sources
        .first()
        .map(|s| (s.quote.as_str(), atlas.article(s.article).id.as_str()))
}

#[cfg(test)]
mod tests;
