//! Which column of a generic CSV holds what, guessed from the header names (English, German,
//! French, Spanish) and then from the first rows (numbers in range, date shapes), and shown to
//! the user in a [`super::Preview`] before anything is imported.

use serde::{Deserialize, Serialize};

use super::columns::{find, normalised};
use super::dates::{SlashOrder, parse_date};

/// The columns of a generic CSV, by index into its header; `None` where the file has no such
/// column. Each field fills the column of the same name in [`super::Records`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mapping {
    pub latitude: Option<usize>,
    pub longitude: Option<usize>,
    /// One column with the whole date (any form [`parse_date`] reads).
    pub date: Option<usize>,
    /// First and last day, when the file has them in two columns.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub title: Option<usize>,
    pub place: Option<usize>,
    pub actors: Option<usize>,
    pub category: Option<usize>,
    pub note: Option<usize>,
    pub id: Option<usize>,
    /// How `1/2/2017` is read: day first unless the user (or the first rows) say otherwise.
    pub slash_order: SlashOrder,
}

/// Header names per field, normalised (see `columns::normalise`), most specific first.
const LATITUDE: &[&str] = &[
    "latitude",
    "lat",
    "decimallatitude",
    "breitengrad",
    "breite",
    "latitud",
    "y",
    "ycoord",
];
const LONGITUDE: &[&str] = &[
    "longitude",
    "lon",
    "lng",
    "long",
    "decimallongitude",
    "langengrad",
    "laengengrad",
    "lange",
    "laenge",
    "longitud",
    "x",
    "xcoord",
];
const DATE: &[&str] = &[
    "date",
    "eventdate",
    "datum",
    "fecha",
    "datetime",
    "day",
    "when",
    "jour",
    "dia",
    "tag",
    "zeitpunkt",
    "year",
    "jahr",
    "annee",
    "ano",
];
const START: &[&str] = &[
    "start",
    "datestart",
    "startdate",
    "begin",
    "beginn",
    "von",
    "from",
    "debut",
    "datedebut",
    "inicio",
    "fechainicio",
    "anfang",
];
const END: &[&str] = &[
    "end", "dateend", "enddate", "ende", "bis", "to", "fin", "datefin", "fechafin",
];
const TITLE: &[&str] = &[
    "title",
    "titleen",
    "name",
    "headline",
    "event",
    "titel",
    "titre",
    "titulo",
    "nombre",
    "nom",
    "label",
    "evenement",
    "ereignis",
    "evento",
    "subject",
];
const PLACE: &[&str] = &[
    "place",
    "location",
    "wheredescription",
    "placename",
    "city",
    "town",
    "ort",
    "where",
    "lieu",
    "ville",
    "lugar",
    "ciudad",
    "stadt",
    "locality",
    "site",
];
const ACTORS: &[&str] = &[
    "actors",
    "actor",
    "participants",
    "parties",
    "akteure",
    "beteiligte",
    "teilnehmer",
    "acteurs",
    "actores",
    "participantes",
];
const CATEGORY: &[&str] = &[
    "category",
    "type",
    "kind",
    "eventtype",
    "kategorie",
    "typ",
    "art",
    "categorie",
    "categoria",
    "tipo",
];
const NOTE: &[&str] = &[
    "notes",
    "note",
    "description",
    "desc",
    "comment",
    "comments",
    "summary",
    "beschreibung",
    "bemerkung",
    "anmerkung",
    "notiz",
    "remarques",
    "descripcion",
    "notas",
    "text",
];
const ID: &[&str] = &[
    "id",
    "identifier",
    "eventid",
    "uid",
    "key",
    "nr",
    "nummer",
    "numero",
];

impl Mapping {
    /// The guess from the header names alone.
    pub fn from_headers(headers: &[String]) -> Self {
        let names = normalised(headers);
        let f = |list: &[&str]| find(&names, list);
        Self {
            latitude: f(LATITUDE),
            longitude: f(LONGITUDE),
            date: f(DATE),
            start: f(START),
            end: f(END),
            title: f(TITLE),
            place: f(PLACE),
            actors: f(ACTORS),
            category: f(CATEGORY),
            note: f(NOTE),
            id: f(ID),
            slash_order: SlashOrder::DayFirst,
        }
    }

    /// The guess from the header names, completed from the first rows where the names say
    /// nothing: latitude and longitude from two neighbouring columns of decimal numbers within
    /// ±90 and ±180, the date from the first column whose every value reads as a date, and the
    /// slash order from a value like `1/23/2017`.
    pub fn guess(headers: &[String], rows: &[Vec<String>]) -> Self {
        let mut mapping = Self::from_headers(headers);
        let column = |i: usize| {
            rows.iter()
                .filter_map(move |r| r.get(i))
                .map(|v| v.trim())
                .filter(|v| !v.is_empty())
        };
        if mapping.latitude.is_none() || mapping.longitude.is_none() {
            let degrees = |i: usize| -> Option<f64> {
                let mut max = 0f64;
                let mut fraction = false;
                let mut any = false;
                for v in column(i) {
                    let n: f64 = v.parse().ok()?;
                    max = max.max(n.abs());
                    fraction |= v.contains('.');
                    any = true;
                }
                (any && fraction && max <= 180.0).then_some(max)
            };
            for i in 0..headers.len().saturating_sub(1) {
                if let (Some(a), Some(b)) = (degrees(i), degrees(i + 1)) {
                    let (lat, lon) = if a > 90.0 { (i + 1, i) } else { (i, i + 1) };
                    if a > 90.0 && b > 90.0 {
                        continue;
                    }
                    mapping.latitude = Some(lat);
                    mapping.longitude = Some(lon);
                    break;
                }
            }
        }
        let dates = |i: usize, order: SlashOrder| {
            let mut values = column(i).peekable();
            values.peek().is_some()
                && values
                    .all(|v| !v.bytes().all(|b| b.is_ascii_digit()) && parse_date(v, order).is_ok())
        };
        if mapping.date.is_none() && mapping.start.is_none() {
            let taken = [mapping.latitude, mapping.longitude];
            mapping.date = (0..headers.len()).find(|&i| {
                !taken.contains(&Some(i))
                    && (dates(i, SlashOrder::DayFirst) || dates(i, SlashOrder::MonthFirst))
            });
        }
        if let Some(i) = mapping.date.or(mapping.start)
            && !dates(i, SlashOrder::DayFirst)
            && dates(i, SlashOrder::MonthFirst)
        {
            mapping.slash_order = SlashOrder::MonthFirst;
        }
        mapping
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Vec<String> {
        text.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn english_german_french_and_spanish_headers_are_mapped() {
        let english = Mapping::from_headers(&header("Event,Date,Latitude,Longitude,City,Notes"));
        assert_eq!(
            (
                english.title,
                english.date,
                english.latitude,
                english.longitude,
                english.place,
                english.note
            ),
            (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5))
        );
        let german =
            Mapping::from_headers(&header("Titel,Datum,Breite,Länge,Ort,Beschreibung,Akteure"));
        assert_eq!(
            (
                german.title,
                german.date,
                german.latitude,
                german.longitude,
                german.place,
                german.note,
                german.actors
            ),
            (
                Some(0),
                Some(1),
                Some(2),
                Some(3),
                Some(4),
                Some(5),
                Some(6)
            )
        );
        let french = Mapping::from_headers(&header("titre,date_debut,date_fin,lieu,lat,lng"));
        assert_eq!(
            (
                french.title,
                french.start,
                french.end,
                french.place,
                french.latitude,
                french.longitude
            ),
            (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5))
        );
        let spanish = Mapping::from_headers(&header("nombre,fecha,latitud,longitud,lugar,tipo"));
        assert_eq!(
            (
                spanish.title,
                spanish.date,
                spanish.latitude,
                spanish.longitude,
                spanish.place,
                spanish.category
            ),
            (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5))
        );
        let xy = Mapping::from_headers(&header("name,x,y"));
        assert_eq!((xy.longitude, xy.latitude), (Some(1), Some(2)));
    }

    #[test]
    fn unnamed_columns_are_guessed_from_the_first_rows() {
        let headers = header("a,b,c,d,e");
        let rows: Vec<Vec<String>> = [
            "Kunduz clash,3,36.728,68.857,1/23/2017",
            "Herat protest,12,34.352,62.204,12/2/2017",
        ]
        .iter()
        .map(|r| header(r))
        .collect();
        let mapping = Mapping::guess(&headers, &rows);
        assert_eq!((mapping.latitude, mapping.longitude), (Some(2), Some(3)));
        assert_eq!(mapping.date, Some(4));
        assert_eq!(mapping.slash_order, SlashOrder::MonthFirst);
        let swapped: Vec<Vec<String>> = vec![header("x,120.2075,34.5553,2017-01-23")];
        let mapping = Mapping::guess(&headers[..4], &swapped);
        assert_eq!((mapping.latitude, mapping.longitude), (Some(2), Some(1)));
        assert_eq!(mapping.date, Some(3));
    }
}
