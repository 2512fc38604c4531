//! A deterministic GED-like CSV for tests and benchmarks: UCDP GED's 49 columns in its order,
//! events from 1989 to 2024 with mixed date precision, clustered around a few hundred made-up
//! towns in real conflict regions (with jitter and a mix of location precisions), and source
//! texts with commas and quotes so the CSV quoting is exercised. The same seed always writes
//! the same bytes; nothing in it is real data.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::dates::{civil_from_days, days_from_civil, days_in_month};

/// Sebastiano Vigna's `SplitMix64`: deterministic, fast, plenty for made-up data.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 for `n == 0`); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// A number in `lo..hi`, with 32 bits of resolution.
    pub fn between(&mut self, lo: f64, hi: f64) -> f64 {
        let high = u32::try_from(self.next_u64() >> 32).unwrap_or(u32::MAX);
        lo + f64::from(high) / f64::from(u32::MAX) * (hi - lo)
    }

    /// One of `weights.len()` choices, each as likely as its weight.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut pick = u32::try_from(self.below(total as usize)).unwrap_or(0);
        for (i, &w) in weights.iter().enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        0
    }
}

/// UCDP GED's columns, in the order of its CSV release.
pub const GED_COLUMNS: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// Countries the towns are spread over: name, Gleditsch–Ward number, region, ISO alpha-3,
/// a rough centre and how far (degrees) towns lie from it.
const COUNTRIES: [(&str, u16, &str, &str, f64, f64, f64); 24] = [
    ("Afghanistan", 700, "Asia", "AFG", 34.5, 66.0, 3.0),
    ("Tajikistan", 702, "Asia", "TJK", 38.8, 71.0, 1.5),
    ("Kyrgyzstan", 703, "Asia", "KGZ", 41.5, 74.5, 1.5),
    ("Pakistan", 770, "Asia", "PAK", 30.0, 70.0, 4.0),
    ("India", 750, "Asia", "IND", 22.0, 79.0, 6.0),
    ("Myanmar (Burma)", 775, "Asia", "MMR", 20.0, 96.0, 4.0),
    ("Philippines", 840, "Asia", "PHL", 12.0, 122.0, 4.0),
    ("Syria", 652, "Middle East", "SYR", 35.0, 38.0, 2.0),
    ("Iraq", 645, "Middle East", "IRQ", 33.0, 44.0, 3.0),
    (
        "Yemen (North Yemen)",
        678,
        "Middle East",
        "YEM",
        15.5,
        47.0,
        2.5,
    ),
    ("Somalia", 520, "Africa", "SOM", 5.0, 46.0, 4.0),
    ("DR Congo (Zaire)", 490, "Africa", "COD", -2.0, 25.0, 5.0),
    ("Nigeria", 475, "Africa", "NGA", 10.0, 8.0, 3.0),
    ("Sudan", 625, "Africa", "SDN", 14.0, 30.0, 4.0),
    ("South Sudan", 626, "Africa", "SSD", 7.0, 30.0, 3.0),
    ("Mali", 432, "Africa", "MLI", 16.0, -2.0, 4.0),
    ("Ethiopia", 530, "Africa", "ETH", 9.0, 39.0, 4.0),
    ("Burkina Faso", 439, "Africa", "BFA", 12.0, -1.5, 2.0),
    ("Ukraine", 369, "Europe", "UKR", 48.5, 36.0, 2.5),
    ("Azerbaijan", 373, "Europe", "AZE", 40.3, 47.7, 1.0),
    (
        "Russia (Soviet Union)",
        365,
        "Europe",
        "RUS",
        43.3,
        45.7,
        1.0,
    ),
    ("Colombia", 100, "Americas", "COL", 5.0, -74.0, 3.0),
    ("Mexico", 70, "Americas", "MEX", 23.0, -102.0, 5.0),
    ("Peru", 135, "Americas", "PER", -10.0, -75.0, 3.0),
];

const SYLLABLES: [&str; 16] = [
    "ka", "ra", "bad", "mir", "tal", "do", "sha", "nu", "zan", "ko", "li", "gar", "por", "ve",
    "sul", "ab",
];
const REBELS: [&str; 12] = [
    "Popular Liberation Front",
    "Islamic State",
    "United Resistance Movement",
    "Jama'at al-Nusra",
    "Democratic Forces",
    "National Salvation Army",
    "Revolutionary Council",
    "Mountain Brigades",
    "People's Defence Units",
    "Ansar al-Haqq",
    "Free Army",
    "Civilians",
];
const OFFICES: [&str; 8] = [
    "Reuters",
    "AFP",
    "BBC Monitoring",
    "Associated Press",
    "UN OCHA",
    "Xinhua",
    "Al Jazeera",
    "local NGO",
];
const VERBS: [&str; 6] = [
    "Clashes erupt",
    "Shelling reported",
    "Fighters attack",
    "Airstrike hits",
    "Ambush",
    "Gunmen kill",
];

struct Town {
    name: String,
    country: usize,
    lat: f64,
    lon: f64,
}

/// Writes a header and `rows` GED-like rows made from `seed` to `out`.
pub fn write_ged_csv<W: Write>(out: W, rows: usize, seed: u64) -> io::Result<()> {
    let mut rng = SplitMix64(seed);
    let towns: Vec<Town> = (0..300)
        .map(|_| {
            let country = rng.below(COUNTRIES.len());
            let (.., lat, lon, spread) = COUNTRIES[country];
            let mut name = String::new();
            for _ in 0..2 + rng.below(2) {
                name.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
            }
            let name = name[..1].to_uppercase() + &name[1..];
            Town {
                name,
                country,
                lat: lat + rng.between(-spread, spread),
                lon: lon + rng.between(-spread, spread),
            }
        })
        .collect();
    let mut csv = csv::Writer::from_writer(io::BufWriter::with_capacity(1 << 20, out));
    csv.write_record(GED_COLUMNS)?;
    let mut fields: Vec<String> = vec![String::new(); GED_COLUMNS.len()];
    let (first_day, last_day) = (days_from_civil(1989, 1, 1), days_from_civil(2024, 12, 31));
    for id in 1..=rows {
        // Few towns see most events: the product of two uniform draws skews to the front.
        let n = towns.len();
        let town = &towns[rng.below(n) * rng.below(n) / n];
        let (country, gwno, region, iso, c_lat, c_lon, _) = COUNTRIES[town.country];
        let violence = 1 + rng.weighted(&[60, 15, 25]);
        let rebel = REBELS[rng.below(REBELS.len())];
        let side_a = format!("Government of {country}");
        let side_b = if violence == 3 { "Civilians" } else { rebel };
        let where_prec = 1 + rng.weighted(&[50, 20, 10, 10, 3, 5, 2]);
        let (lat, lon) = match where_prec {
            6 => (c_lat, c_lon),
            3 | 4 => (
                town.lat + rng.between(-0.4, 0.4),
                town.lon + rng.between(-0.4, 0.4),
            ),
            _ => (
                town.lat + rng.between(-0.05, 0.05),
                town.lon + rng.between(-0.05, 0.05),
            ),
        };
        let date_prec = 1 + rng.weighted(&[70, 10, 8, 8, 4]);
        let day = first_day
            + i32::try_from(rng.below(usize::try_from(last_day - first_day).unwrap_or(1)))
                .unwrap_or(0);
        let (y, m, d) = civil_from_days(day);
        let (start, end) = match date_prec {
            2 => (day, day + 1 + i32::try_from(rng.below(5)).unwrap_or(0)),
            3 => (day, day + 6),
            4 => (
                day - i32::from(d) + 1,
                day - i32::from(d) + i32::from(days_in_month(y, m)),
            ),
            5 => (days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)),
            _ => (day, day),
        };
        let (sy, sm, sd) = civil_from_days(start);
        let (ey, em, ed) = civil_from_days(end);
        let deaths = [
            rng.below(8),
            rng.below(12),
            rng.below(5) * rng.below(3),
            rng.below(3),
        ];
        let best: usize = deaths.iter().sum();
        let office = OFFICES[rng.below(OFFICES.len())];
        let verb = VERBS[rng.below(VERBS.len())];
        let conflict = 200 + town.country * 7 + violence;
        for f in &mut fields {
            f.clear();
        }
        let mut put = |i: usize, args: std::fmt::Arguments<'_>| {
            let _ = fields[i].write_fmt(args);
        };
        put(0, format_args!("{id}"));
        put(
            1,
            format_args!("{iso}-{y}-{violence}-{conflict}-{}", id % 97),
        );
        put(2, format_args!("{y}"));
        put(
            3,
            format_args!("{}", if rng.below(10) < 8 { "TRUE" } else { "FALSE" }),
        );
        put(4, format_args!("Clear"));
        put(5, format_args!("{violence}"));
        put(6, format_args!("{conflict}"));
        put(7, format_args!("{conflict}"));
        put(8, format_args!("{country}: {side_b}"));
        put(9, format_args!("{}", conflict * 3));
        put(10, format_args!("{}", conflict * 3));
        put(11, format_args!("{side_a} - {side_b}"));
        put(12, format_args!("{gwno}"));
        put(13, format_args!("{gwno}"));
        put(14, format_args!("{side_a}"));
        put(15, format_args!("{}", 1000 + conflict));
        put(16, format_args!("{}", 1000 + conflict));
        put(17, format_args!("{side_b}"));
        put(18, format_args!("{}", 1 + id % 4));
        put(
            19,
            format_args!(
                "{office}, {sy:04}-{sm:02}-{sd:02} \"{verb} near {}, {best} dead, officials say\"; local sources",
                town.name
            ),
        );
        put(20, format_args!("{office};local sources"));
        put(21, format_args!("{sy:04}-{sm:02}-{sd:02}"));
        put(22, format_args!("{verb} near {}", town.name));
        put(23, format_args!("official"));
        put(24, format_args!("{where_prec}"));
        put(25, format_args!("{} town", town.name));
        put(
            26,
            format_args!("{} town, {} km from the centre", town.name, id % 40),
        );
        put(27, format_args!("{} province", town.name));
        put(28, format_args!("{} district", town.name));
        put(29, format_args!("{lat:.6}"));
        put(30, format_args!("{lon:.6}"));
        put(31, format_args!("POINT ({lon:.4} {lat:.4})"));
        put(
            32,
            format_args!(
                "{}",
                ((lat + 90.0) * 2.0) as i64 * 720 + ((lon + 180.0) * 2.0) as i64 + 1
            ),
        );
        put(33, format_args!("{country}"));
        put(34, format_args!("{gwno}"));
        put(35, format_args!("{region}"));
        put(36, format_args!("{}", 1 + usize::from(date_prec > 2)));
        put(37, format_args!("{date_prec}"));
        put(38, format_args!("{sy:04}-{sm:02}-{sd:02}"));
        put(39, format_args!("{ey:04}-{em:02}-{ed:02}"));
        put(40, format_args!("{}", deaths[0]));
        put(41, format_args!("{}", deaths[1]));
        put(42, format_args!("{}", deaths[2]));
        put(43, format_args!("{}", deaths[3]));
        put(44, format_args!("{best}"));
        put(45, format_args!("{}", best + best / 2));
        put(46, format_args!("{}", best - best / 4));
        put(47, format_args!("{gwno}"));
        put(48, format_args!(""));
        csv.write_record(&fields)?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_writes_the_same_bytes_with_a_ged_header() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_ged_csv(&mut a, 50, 7).unwrap();
        write_ged_csv(&mut b, 50, 7).unwrap();
        assert_eq!(a, b);
        let text = String::from_utf8(a).unwrap();
        assert!(text.starts_with("id,relid,year,"));
        assert!(text.contains("\"\""), "quotes inside quoted fields");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.records().count(), 50);
    }
}
