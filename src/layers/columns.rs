//! What every CSV row reader uses: header names compared loosely, fields read without
//! allocating, coordinates and precision codes checked, and the sink rows go to.

use std::borrow::Cow;

use csv::ByteRecord;

use super::Lookups;
use super::problem::{ProblemKind, Problems};
use super::records::Records;

/// A header name made comparable: lower case, accents and umlauts folded, everything but
/// letters and digits dropped ("Event Date" and "`event_date`" both "eventdate", "Länge" is
/// "lange").
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header
        .trim_start_matches('\u{feff}')
        .chars()
        .flat_map(char::to_lowercase)
    {
        let folded = match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => 'a',
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' => 'o',
            'ü' | 'ù' | 'ú' | 'û' => 'u',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ç' => 'c',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        out.push(folded);
    }
    out
}

/// The header, normalised, for [`find`].
pub fn normalised(headers: &[String]) -> Vec<String> {
    headers.iter().map(|h| normalise(h)).collect()
}

/// The first column whose normalised name is one of `names` (given normalised), trying the
/// names in order so the first name wins over later ones.
pub fn find(normalised: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|name| normalised.iter().position(|h| h == name))
}

/// Declares the columns a dataset reader uses, as optional indices into the header, with a
/// `new(headers)` that finds each by its names (normalised, first name first).
macro_rules! column_set {
    ($(#[$meta:meta])* $name:ident { $($field:ident: [$($header:literal),+]),+ $(,)? }) => {
        $(#[$meta])*
        pub struct $name {
            $($field: Option<usize>,)+
        }

        impl $name {
            /// The columns by their names in the header.
            pub fn new(headers: &[String]) -> Self {
                let names = super::columns::normalised(headers);
                Self {
                    $($field: super::columns::find(&names, &[$($header),+]),)+
                }
            }
        }
    };
}

pub(crate) use column_set;

/// Field `i` of a record as text, trimmed; empty when absent. Invalid UTF-8 is replaced
/// (the only case that allocates).
pub fn text(record: &ByteRecord, i: Option<usize>) -> Cow<'_, str> {
    let bytes = i.and_then(|i| record.get(i)).unwrap_or_default();
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
    }
}

/// A field as text, invalid UTF-8 replaced.
pub fn lossy(field: &[u8]) -> String {
    String::from_utf8_lossy(field).trim().to_owned()
}

/// Field `i` as raw bytes, trimmed of ASCII spaces; empty when absent.
pub fn bytes(record: &ByteRecord, i: Option<usize>) -> &[u8] {
    i.and_then(|i| record.get(i))
        .unwrap_or_default()
        .trim_ascii()
}

/// Where the rows of a CSV import go, with the problems and the gazetteer.
pub struct Sink<'a> {
    pub records: Records,
    pub problems: Problems,
    pub lookups: Lookups<'a>,
    /// Reused buffers for composed text (actors, titles, places), so a row allocates nothing.
    pub buf: [String; 3],
}

impl<'a> Sink<'a> {
    /// An empty sink.
    pub fn new(lookups: Lookups<'a>) -> Self {
        Self {
            records: Records::default(),
            problems: Problems::default(),
            lookups,
            buf: Default::default(),
        }
    }

    /// Records a problem on a line.
    pub fn problem(&mut self, line: u32, kind: ProblemKind, message: impl FnOnce() -> String) {
        self.problems.add(u64::from(line), kind, message);
    }

    /// Latitude and longitude from their fields: `(NaN, NaN)` when both are empty, `None`
    /// (and a problem reported) when either is not a number in range.
    pub fn location(&mut self, line: u32, lat: &[u8], lon: &[u8]) -> Option<(f32, f32)> {
        if lat.is_empty() && lon.is_empty() {
            return Some((f32::NAN, f32::NAN));
        }
        if let (Some(lat), Some(lon)) = (coordinate(lat, 90.0), coordinate(lon, 180.0)) {
            return Some((lat, lon));
        }
        let (lat, lon) = (String::from_utf8_lossy(lat), String::from_utf8_lossy(lon));
        self.problem(line, ProblemKind::Coordinate, || {
            format!("latitude “{lat}” and longitude “{lon}” are not a location; row skipped")
        });
        None
    }

    /// A precision code on a scale of `1..=max`; empty is 0 (unknown); out of range is 0 and
    /// reported.
    pub fn precision(&mut self, line: u32, field: &[u8], max: u8, what: &str) -> u8 {
        match field {
            [] => 0,
            [d @ b'0'..=b'9'] if (1..=max).contains(&(d - b'0')) => d - b'0',
            _ => {
                let text = String::from_utf8_lossy(field);
                self.problem(line, ProblemKind::Precision, || {
                    format!("{what} “{text}” is not on the scale 1–{max}; kept as unknown")
                });
                0
            }
        }
    }
}

/// A decimal degree within `±limit`; a decimal comma ("51,1", as German spreadsheets
/// write it) is read too.
pub fn coordinate(field: &[u8], limit: f64) -> Option<f32> {
    let text = std::str::from_utf8(field).ok()?.trim();
    let value: f64 = match text.parse() {
        Ok(v) => v,
        Err(_) if text.matches(',').count() == 1 && !text.contains('.') => {
            text.replace(',', ".").parse().ok()?
        }
        Err(_) => return None,
    };
    (value.is_finite() && value.abs() <= limit).then_some(value as f32)
}

/// Appends the non-empty parts to `out` with `separator` between them.
pub fn join_into(out: &mut String, parts: &[&str], separator: &str) {
    out.clear();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(part);
    }
}

/// Appends `name (role)` to an actors text, with "; " before it unless it is the first.
pub fn push_actor(out: &mut String, name: &str, role: Option<super::Role>) {
    if name.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push_str("; ");
    }
    for (i, piece) in name.split(';').enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(piece);
    }
    if let Some(role) = role {
        out.push_str(" (");
        out.push_str(role.name());
        out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_names_compare_loosely() {
        assert_eq!(normalise("\u{feff}Event Date"), "eventdate");
        assert_eq!(normalise("date_start"), "datestart");
        assert_eq!(normalise("Länge"), "lange");
        assert_eq!(normalise("Straße"), "strasse");
        let headers = normalised(&["Name".to_owned(), "LAT".to_owned(), "latitude".to_owned()]);
        assert_eq!(find(&headers, &["latitude", "lat"]), Some(2));
        assert_eq!(find(&headers, &["lon"]), None);
    }

    #[test]
    fn coordinates_are_checked_against_their_range() {
        assert_eq!(coordinate(b"34.5", 90.0), Some(34.5));
        assert_eq!(coordinate(b"-179.9", 180.0), Some(-179.9));
        assert_eq!(coordinate(b"91", 90.0), None);
        assert_eq!(coordinate(b"north", 90.0), None);
        assert_eq!(coordinate(b"NaN", 90.0), None);
        assert_eq!(coordinate(b"51,1", 90.0), Some(51.1));
    }
}
