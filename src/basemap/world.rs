//! The embedded world: Natural Earth country outlines (via the world-atlas `TopoJSON` files)
//! decoded once into normalised Web Mercator, ready for the tile rasterizer.
//!
//! Coordinates are "normalised mercator": x = 0 at 180° W to 1 at 180° E, y = 0 at
//! 85.0511° N to 1 at 85.0511° S (y grows downwards, like tile rows). Multiplying by
//! `2^zoom` gives slippy-map tile coordinates directly.

// Points are stored as f32 on purpose (see `ShapeSet`); the f64 -> f32 casts are of
// values in 0..1 or pixel ranges.
#![allow(clippy::cast_possible_truncation)]

use std::collections::HashMap;

use serde::Deserialize;

const LOD110: &[u8] = include_bytes!("../../assets/naturalearth/countries-110m.json");
const LOD50: &[u8] = include_bytes!("../../assets/naturalearth/countries-50m.json");
const LOD10: &[u8] = include_bytes!("../../assets/naturalearth/countries-10m.json");
const NAMES: &str = include_str!("../../assets/naturalearth/country-names.tsv");

/// Web Mercator stops here; beyond, y would run off to infinity.
const MAX_LAT: f64 = 85.051_128_779_806_59;

/// Level of detail: which Natural Earth scale a zoom draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lod {
    /// 1:110 million, for whole-world views.
    Coarse,
    /// 1:50 million, for continents and large regions.
    Medium,
    /// 1:10 million, for countries and regions.
    Fine,
}

/// Axis-aligned box in normalised mercator units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    /// Westernmost x.
    pub min_x: f64,
    /// Northernmost y (y grows southwards).
    pub min_y: f64,
    /// Easternmost x; may exceed 1 for shapes that cross the antimeridian.
    pub max_x: f64,
    /// Southernmost y.
    pub max_y: f64,
}

impl Bbox {
    const EMPTY: Bbox = Bbox {
        min_x: f64::INFINITY,
        min_y: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        max_y: f64::NEG_INFINITY,
    };

    fn of(points: &[[f32; 2]]) -> Bbox {
        points.iter().fold(Bbox::EMPTY, |b, p| Bbox {
            min_x: b.min_x.min(f64::from(p[0])),
            min_y: b.min_y.min(f64::from(p[1])),
            max_x: b.max_x.max(f64::from(p[0])),
            max_y: b.max_y.max(f64::from(p[1])),
        })
    }

    fn union(self, o: Bbox) -> Bbox {
        Bbox {
            min_x: self.min_x.min(o.min_x),
            min_y: self.min_y.min(o.min_y),
            max_x: self.max_x.max(o.max_x),
            max_y: self.max_y.max(o.max_y),
        }
    }

    /// Whether the two boxes overlap (touching counts).
    #[must_use]
    pub fn intersects(&self, o: &Bbox) -> bool {
        self.min_x <= o.max_x
            && o.min_x <= self.max_x
            && self.min_y <= o.max_y
            && o.min_y <= self.max_y
    }
}

/// A set of shapes sharing one point buffer. A shape is a polygon (first ring outer,
/// the rest holes) or a polyline (one ring, open).
///
/// Points are `f32`: at zoom 12 with 256 px tiles that still resolves ~0.06 px, and it
/// halves the memory of the 10m data.
#[derive(Debug, Default)]
pub struct ShapeSet {
    points: Vec<[f32; 2]>,
    /// Ring `i` is `points[ring_starts[i]..ring_starts[i + 1]]`.
    ring_starts: Vec<usize>,
    /// Per shape: bbox and the range of its rings (indices into `ring_starts`).
    shapes: Vec<(Bbox, usize, usize)>,
}

impl ShapeSet {
    fn push(&mut self, rings: &[Vec<[f32; 2]>]) {
        let first = self.ring_starts.len().saturating_sub(1);
        if self.ring_starts.is_empty() {
            self.ring_starts.push(0);
        }
        let mut bbox = Bbox::EMPTY;
        for ring in rings {
            bbox = bbox.union(Bbox::of(ring));
            self.points.extend_from_slice(ring);
            self.ring_starts.push(self.points.len());
        }
        self.shapes.push((bbox, first, first + rings.len()));
    }

    /// Number of shapes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    /// Whether there are no shapes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// Bounding box of shape `i` (panics never: out-of-range gives an empty box).
    #[must_use]
    pub fn bbox(&self, i: usize) -> Bbox {
        self.shapes.get(i).map_or(Bbox::EMPTY, |s| s.0)
    }

    /// The rings (or the one polyline) of shape `i`.
    pub fn rings(&self, i: usize) -> impl Iterator<Item = &[[f32; 2]]> {
        let (first, end) = self.shapes.get(i).map_or((0, 0), |s| (s.1, s.2));
        (first..end).filter_map(|r| {
            let start = *self.ring_starts.get(r)?;
            let stop = *self.ring_starts.get(r + 1)?;
            self.points.get(start..stop)
        })
    }

    fn heap_bytes(&self) -> usize {
        self.points.capacity() * 8
            + self.ring_starts.capacity() * size_of::<usize>()
            + self.shapes.capacity() * size_of::<(Bbox, usize, usize)>()
    }
}

/// Everything drawn at one level of detail.
#[derive(Debug, Default)]
pub struct Layers {
    /// Land: one shape per country polygon, outer rings counter-clockwise on screen and
    /// holes clockwise, so a non-zero fill also fills enclaves (Lesotho in South Africa).
    pub polygons: ShapeSet,
    /// Arcs shared by two different countries.
    pub borders: ShapeSet,
    /// Arcs used by one country only: coasts (and lake shores that Natural Earth cuts out).
    pub coasts: ShapeSet,
}

/// A country as the app lists and labels it.
#[derive(Debug, Clone)]
pub struct CountryInfo {
    /// ISO 3166-1 numeric code, three digits ("398").
    pub numeric: String,
    /// ISO 3166-1 alpha-2 code ("KZ"); empty if ISO has none.
    pub alpha2: String,
    /// Short German name ("Kasachstan").
    pub name_de: String,
    /// Short English name ("Kazakhstan").
    pub name_en: String,
    /// Short Russian name ("Казахстан").
    pub name_ru: String,
    /// (lat, lon) of a point well inside the largest polygon (pole of inaccessibility).
    pub label: (f64, f64),
    /// Area of the largest polygon in normalised mercator units², for label priority.
    pub area: f64,
    /// ((`lat_min`, `lon_min`), (`lat_max`, `lon_max`)) of the largest polygon: a sensible
    /// "zoom to country" frame (France without French Guiana). Clamped to ±180°.
    pub bbox: ((f64, f64), (f64, f64)),
}

/// Why the embedded map could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum WorldError {
    /// A `TopoJSON` file is not valid JSON of the expected shape.
    #[error("{file}: not a TopoJSON topology with a `countries` object: {source}")]
    Json {
        /// Which file.
        file: &'static str,
        /// What serde found.
        source: serde_json::Error,
    },
    /// A `TopoJSON` file parsed but is inconsistent (e.g. an arc index out of range).
    #[error("{file}: {what}")]
    Topology {
        /// Which file.
        file: &'static str,
        /// What is wrong.
        what: String,
    },
    /// A line of the names table does not have four tab-separated columns.
    #[error(
        "country-names.tsv line {line}: expected numeric, alpha2, name_de, name_en, name_ru separated by tabs"
    )]
    Names {
        /// 1-based line number.
        line: usize,
    },
}

/// The parsed world map: immutable after construction, so it can be shared between
/// threads (tile workers) behind an `Arc`.
#[derive(Debug)]
pub struct WorldMap {
    coarse: Layers,
    medium: Layers,
    fine: Layers,
    countries: Vec<CountryInfo>,
    /// For each polygon of the medium (1:50m) layer, the ISO numeric id of its country: the
    /// index behind [`WorldMap::country_at`].
    medium_owners: Vec<Option<String>>,
}

impl WorldMap {
    /// Parses the three embedded `TopoJSON` files and the embedded names table.
    ///
    /// # Errors
    /// Only if the embedded assets were replaced by broken ones (see [`WorldError`]).
    pub fn embedded() -> Result<WorldMap, WorldError> {
        Self::from_sources(LOD110, LOD50, LOD10, NAMES)
    }

    /// Parses world-atlas `countries-*.json` files (110m, 50m, 10m) and a names table
    /// (`numeric<TAB>alpha2<TAB>name_de<TAB>name_en`, with a header line).
    ///
    /// # Errors
    /// A file that is not a `TopoJSON` topology with a `countries` collection, an arc
    /// index out of range, or a names line without four columns; the error names the file.
    #[allow(clippy::similar_names)] // lod110 / lod10: named after the Natural Earth scales
    pub fn from_sources(
        lod110: &[u8],
        lod50: &[u8],
        lod10: &[u8],
        names_tsv: &str,
    ) -> Result<WorldMap, WorldError> {
        let names = parse_names(names_tsv)?;
        let coarse = Decoded::parse(lod110, "countries-110m.json")?;
        let medium = Decoded::parse(lod50, "countries-50m.json")?;
        let fine = Decoded::parse(lod10, "countries-10m.json")?;
        // Countries come from the finest file: it has every small state the others lack.
        let countries = fine.countries(&names, &medium);
        let medium_owners = medium
            .polys
            .iter()
            .map(|p| medium.ids.get(p.geometry).cloned().flatten())
            .collect();
        Ok(WorldMap {
            coarse: coarse.layers,
            medium: medium.layers,
            fine: fine.layers,
            countries,
            medium_owners,
        })
    }

    /// The ISO numeric id of the country at (lat, lon), judged on the 1:50m outlines; `None` at
    /// sea (the Caspian included) or where no country has an id.
    #[must_use]
    pub fn country_at(&self, lat: f64, lon: f64) -> Option<&str> {
        let (x, y) = to_mercator(lat, lon);
        let polygons = &self.medium.polygons;
        (0..polygons.len()).find_map(|i| {
            let b = polygons.bbox(i);
            if x < b.min_x || x > b.max_x || y < b.min_y || y > b.max_y {
                return None;
            }
            // Even-odd over all rings, so that holes (lakes cut out, enclaves) count.
            let mut inside = false;
            for ring in polygons.rings(i) {
                let mut j = ring.len().wrapping_sub(1);
                for (k, p) in ring.iter().enumerate() {
                    let (xi, yi) = (f64::from(p[0]), f64::from(p[1]));
                    let (xj, yj) = (f64::from(ring[j][0]), f64::from(ring[j][1]));
                    if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                    j = k;
                }
            }
            if inside {
                self.medium_owners.get(i).and_then(|o| o.as_deref())
            } else {
                None
            }
        })
    }

    /// All countries with an ISO numeric id, sorted by that id.
    #[must_use]
    pub fn countries(&self) -> &[CountryInfo] {
        &self.countries
    }

    /// The country with this ISO numeric id ("398"), if any.
    #[must_use]
    pub fn country(&self, numeric: &str) -> Option<&CountryInfo> {
        self.countries
            .binary_search_by(|c| c.numeric.as_str().cmp(numeric))
            .ok()
            .and_then(|i| self.countries.get(i))
    }

    /// Which level of detail a zoom uses. 110m is only good for the whole world; 50m
    /// holds up to zoom 4; from zoom 5 the 10m borders (Nakhchivan, Karabakh corridor,
    /// the Fergana valley enclaves) are needed.
    #[must_use]
    pub fn lod_for_zoom(zoom: u32) -> Lod {
        match zoom {
            0..=2 => Lod::Coarse,
            3..=4 => Lod::Medium,
            _ => Lod::Fine,
        }
    }

    /// The shapes of one level of detail.
    #[must_use]
    pub fn layers(&self, lod: Lod) -> &Layers {
        match lod {
            Lod::Coarse => &self.coarse,
            Lod::Medium => &self.medium,
            Lod::Fine => &self.fine,
        }
    }

    /// Approximate heap bytes held.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let layers = [&self.coarse, &self.medium, &self.fine];
        let shapes: usize = layers
            .iter()
            .map(|l| l.polygons.heap_bytes() + l.borders.heap_bytes() + l.coasts.heap_bytes())
            .sum();
        let countries: usize = self
            .countries
            .iter()
            .map(|c| {
                c.numeric.capacity()
                    + c.alpha2.capacity()
                    + c.name_de.capacity()
                    + c.name_en.capacity()
                    + c.name_ru.capacity()
            })
            .sum();
        shapes + countries + self.countries.capacity() * size_of::<CountryInfo>()
    }
}

/// Projects (lat, lon) in degrees to normalised mercator (x, y).
#[must_use]
pub fn to_mercator(lat: f64, lon: f64) -> (f64, f64) {
    let x = (lon + 180.0) / 360.0;
    let phi = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let y = 0.5 - (phi.tan() + 1.0 / phi.cos()).ln() / (2.0 * std::f64::consts::PI);
    (x, y)
}

/// Inverse of [`to_mercator`]: normalised (x, y) to (lat, lon) in degrees.
#[must_use]
pub fn from_mercator(x: f64, y: f64) -> (f64, f64) {
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y))
        .sinh()
        .atan()
        .to_degrees();
    (lat, x * 360.0 - 180.0)
}

type Names = HashMap<String, [String; 4]>;

fn parse_names(tsv: &str) -> Result<Names, WorldError> {
    let mut names = HashMap::new();
    for (i, line) in tsv
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let [numeric, alpha2, de, en, ru] = cols[..] else {
            return Err(WorldError::Names { line: i + 1 });
        };
        names.insert(
            numeric.to_owned(),
            [
                alpha2.to_owned(),
                de.to_owned(),
                en.to_owned(),
                ru.to_owned(),
            ],
        );
    }
    Ok(names)
}

// ---- TopoJSON -------------------------------------------------------------------------

#[derive(Deserialize)]
struct Topology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: Objects,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Objects {
    countries: Collection,
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    id: Option<String>,
    arcs: Option<ArcRefs>,
}

/// `Polygon` arcs are rings of arc indices; `MultiPolygon` arcs are polygons of those.
#[derive(Deserialize)]
#[serde(untagged)]
enum ArcRefs {
    Multi(Vec<Vec<Vec<i32>>>),
    Single(Vec<Vec<i32>>),
}

/// One country polygon in mercator, with the index of its geometry.
struct Poly {
    geometry: usize,
    rings: Vec<Vec<[f32; 2]>>,
    area: f64,
}

struct Decoded {
    layers: Layers,
    polys: Vec<Poly>,
    ids: Vec<Option<String>>,
}

impl Decoded {
    fn parse(bytes: &[u8], file: &'static str) -> Result<Decoded, WorldError> {
        let topo: Topology =
            serde_json::from_slice(bytes).map_err(|source| WorldError::Json { file, source })?;
        let arcs = decode_arcs(&topo);
        let mut uses: Vec<(Option<usize>, u32, bool)> = vec![(None, 0, false); arcs.len()];
        let mut polys = Vec::new();
        let mut ids = Vec::new();
        for (g, geometry) in topo.objects.countries.geometries.into_iter().enumerate() {
            ids.push(geometry.id);
            let polygons = match geometry.arcs {
                Some(ArcRefs::Multi(m)) => m,
                Some(ArcRefs::Single(p)) => vec![p],
                None => Vec::new(),
            };
            for polygon in polygons {
                let mut rings = Vec::with_capacity(polygon.len());
                for ring_refs in &polygon {
                    let mut ring: Vec<[f64; 2]> = Vec::new();
                    for &r in ring_refs {
                        // `!r` decodes a reversed arc; a failed conversion becomes an out-of-range index.
                        let idx = usize::try_from(if r < 0 { !r } else { r }).unwrap_or(usize::MAX);
                        let arc = arcs.get(idx).ok_or_else(|| WorldError::Topology {
                            file,
                            what: format!("geometry {g} uses arc {idx} of {}", arcs.len()),
                        })?;
                        let entry = &mut uses[idx];
                        entry.1 += 1;
                        match entry.0 {
                            None => entry.0 = Some(g),
                            Some(first) if first != g => entry.2 = true,
                            Some(_) => {}
                        }
                        // Consecutive arcs share their joining point; keep it once.
                        let skip = usize::from(!ring.is_empty());
                        if r < 0 {
                            ring.extend(arc.iter().rev().skip(skip));
                        } else {
                            ring.extend(arc.iter().skip(skip));
                        }
                    }
                    if ring.len() >= 3 {
                        rings.push(fix_ring(&ring));
                    }
                }
                if rings.is_empty() {
                    continue;
                }
                let mut area = 0.0;
                for (i, ring) in rings.iter_mut().enumerate() {
                    let a = signed_area(ring);
                    // Outer rings positive, holes negative: non-zero fill then does the right thing.
                    if (i == 0) != (a > 0.0) {
                        ring.reverse();
                    }
                    area += if i == 0 { a.abs() } else { -a.abs() };
                }
                polys.push(Poly {
                    geometry: g,
                    rings,
                    area,
                });
            }
        }
        let mut layers = Layers::default();
        for p in &polys {
            layers.polygons.push(&p.rings);
        }
        for (arc, &(_, count, shared)) in arcs.iter().zip(&uses) {
            if shared {
                push_line(&mut layers.borders, arc, false);
            } else if count == 1 {
                push_line(&mut layers.coasts, arc, true);
            }
        }
        Ok(Decoded { layers, polys, ids })
    }

    /// Largest polygon per id (Australia has two geometries with id "036").
    fn largest(&self) -> HashMap<&str, &Poly> {
        let mut largest: HashMap<&str, &Poly> = HashMap::new();
        for p in &self.polys {
            let Some(Some(id)) = self.ids.get(p.geometry) else {
                continue;
            };
            let entry = largest.entry(id.as_str()).or_insert(p);
            if p.area > entry.area {
                *entry = p;
            }
        }
        largest
    }

    /// Country list from this (the finest) file. Label points come from `coarser`
    /// where it has the country: a label needs no 10m detail, and polylabel on 50m
    /// outlines is several times faster (it dominated parsing time).
    fn countries(&self, names: &Names, coarser: &Decoded) -> Vec<CountryInfo> {
        let coarse_largest = coarser.largest();
        let mut out: Vec<CountryInfo> = self
            .largest()
            .into_iter()
            .map(|(id, p)| {
                let label_poly = coarse_largest.get(id).copied().unwrap_or(p);
                let [alpha2, de, en, ru] = names.get(id).cloned().unwrap_or_else(|| {
                    [String::new(), id.to_owned(), id.to_owned(), id.to_owned()]
                });
                let b = Bbox::of(&p.rings[0]);
                // A ring across the antimeridian (Russia's Chukotka) is stored shifted west
                // of −180°; shift it back so that the frame covers the bulk of the country.
                let shift = if b.min_x < 0.0 { 1.0 } else { 0.0 };
                let (lat_min, lon_min) = from_mercator((b.min_x + shift).clamp(0.0, 1.0), b.max_y);
                let (lat_max, lon_max) = from_mercator((b.max_x + shift).clamp(0.0, 1.0), b.min_y);
                CountryInfo {
                    numeric: id.to_owned(),
                    alpha2,
                    name_de: de,
                    name_en: en,
                    name_ru: ru,
                    label: label_point(label_poly),
                    area: p.area,
                    bbox: ((lat_min, lon_min), (lat_max, lon_max)),
                }
            })
            .collect();
        out.sort_by(|a, b| a.numeric.cmp(&b.numeric));
        out
    }
}

/// Delta-decodes and dequantizes the arcs, straight into normalised mercator.
fn decode_arcs(topo: &Topology) -> Vec<Vec<[f64; 2]>> {
    topo.arcs
        .iter()
        .map(|arc| {
            let (mut qx, mut qy) = (0.0, 0.0);
            arc.iter()
                .map(|p| {
                    let (lon, lat) = match &topo.transform {
                        Some(t) => {
                            qx += p[0];
                            qy += p[1];
                            (
                                qx * t.scale[0] + t.translate[0],
                                qy * t.scale[1] + t.translate[1],
                            )
                        }
                        None => (p[0], p[1]),
                    };
                    let (x, y) = to_mercator(lat, lon);
                    [x, y]
                })
                .collect()
        })
        .collect()
}

/// Makes a ring drawable on the flat map. The `TopoJSON` is spherical: Russia's Chukotka
/// and Fiji cross the antimeridian (x jumps by ~1), and Antarctica goes all the way
/// round. A ring that crosses and comes back is unwrapped into one piece that pokes
/// past x = 1 (the renderer also draws shapes shifted by ±1); a ring that goes round a
/// pole is closed along that pole's map edge instead.
fn fix_ring(ring: &[[f64; 2]]) -> Vec<[f32; 2]> {
    let mut shift = 0.0;
    let mut unwrapped = Vec::with_capacity(ring.len());
    let mut prev_x = ring[0][0];
    for p in ring {
        let dx = p[0] - prev_x;
        if dx > 0.5 {
            shift -= 1.0;
        } else if dx < -0.5 {
            shift += 1.0;
        }
        prev_x = p[0];
        unwrapped.push([(p[0] + shift) as f32, p[1] as f32]);
    }
    if shift == 0.0 {
        return unwrapped;
    }
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, p) in ring.iter().enumerate() {
        if let Some(q) = i.checked_sub(1).and_then(|j| ring.get(j))
            && (p[0] - q[0]).abs() > 0.5
        {
            let pole = if p[1] > 0.5 { 1.0 } else { 0.0 };
            out.push([q[0].round() as f32, pole]);
            out.push([p[0].round() as f32, pole]);
        }
        out.push([p[0] as f32, p[1] as f32]);
    }
    out
}

/// Twice nothing: the shoelace sum, positive for counter-clockwise on screen (y down).
fn signed_area(ring: &[[f32; 2]]) -> f64 {
    let mut sum = 0.0;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        sum += f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1]);
    }
    -sum / 2.0
}

/// Adds an arc as line pieces: split where it jumps across the antimeridian, without
/// the cut line Natural Earth draws along ±180° (and, for coasts, along the map's
/// top/bottom edge), and in chunks of at most 128 points so bbox culling stays tight.
fn push_line(set: &mut ShapeSet, arc: &[[f64; 2]], is_coast: bool) {
    const EDGE: f64 = 1e-7;
    let mut piece: Vec<[f32; 2]> = Vec::new();
    let mut flush = |piece: &mut Vec<[f32; 2]>| {
        if piece.len() >= 2 {
            set.push(std::slice::from_ref(piece));
        }
        piece.clear();
    };
    for w in arc.windows(2) {
        let (a, b) = (w[0], w[1]);
        let on_meridian = (a[0] < EDGE || a[0] > 1.0 - EDGE) && (b[0] - a[0]).abs() < EDGE;
        let on_pole = is_coast && (a[1] < EDGE || a[1] > 1.0 - EDGE) && (b[1] - a[1]).abs() < EDGE;
        if (b[0] - a[0]).abs() > 0.5 || on_meridian || on_pole {
            flush(&mut piece);
            continue;
        }
        if piece.is_empty() {
            piece.push([a[0] as f32, a[1] as f32]);
        }
        piece.push([b[0] as f32, b[1] as f32]);
        if piece.len() >= 128 {
            let last = piece[piece.len() - 1];
            flush(&mut piece);
            piece.push(last);
        }
    }
    flush(&mut piece);
}

/// A label point well inside the polygon: its pole of inaccessibility (polylabel),
/// falling back to any interior point, then to the bbox centre.
fn label_point(p: &Poly) -> (f64, f64) {
    use geo::{Coord, InteriorPoint, LineString, Polygon};
    let b = Bbox::of(&p.rings[0]);
    let ring = |r: &Vec<[f32; 2]>| {
        LineString::from(
            r.iter()
                .map(|c| Coord {
                    x: f64::from(c[0]),
                    y: f64::from(c[1]),
                })
                .collect::<Vec<_>>(),
        )
    };
    let poly = Polygon::new(ring(&p.rings[0]), p.rings[1..].iter().map(ring).collect());
    // Precision relative to the country's size: 1 % of its extent is plenty for placing a label.
    let extent = (b.max_x - b.min_x).max(b.max_y - b.min_y);
    let point = polylabel::polylabel(&poly, &(extent / 100.0))
        .ok()
        .or_else(|| poly.interior_point())
        .map_or(
            (b.min_x.midpoint(b.max_x), b.min_y.midpoint(b.max_y)),
            |pt| (pt.x(), pt.y()),
        );
    from_mercator(point.0.rem_euclid(1.0), point.1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_country_across_the_antimeridian_keeps_a_sensible_frame() {
        let world = super::WorldMap::embedded().expect("embedded");
        let russia = world.country("643").expect("Russia");
        let ((lat_min, lon_min), (lat_max, lon_max)) = russia.bbox;
        assert!(lat_min < 42.0 && lat_max > 77.0, "{:?}", russia.bbox);
        assert!(lon_min < 30.0 && lon_max > 170.0, "{:?}", russia.bbox);
    }

    #[test]
    fn country_at_knows_the_caucasus_and_the_caspian() {
        let world = super::WorldMap::embedded().expect("embedded");
        assert_eq!(
            world.country_at(40.18, 44.51),
            Some("051"),
            "Yerevan in Armenia"
        );
        assert_eq!(
            world.country_at(40.41, 49.87),
            Some("031"),
            "Baku in Azerbaijan"
        );
        assert_eq!(
            world.country_at(39.2, 45.4),
            Some("031"),
            "Nakhchivan is Azerbaijan"
        );
        assert_eq!(
            world.country_at(51.17, 71.45),
            Some("398"),
            "Astana in Kazakhstan"
        );
        assert_eq!(world.country_at(42.0, 50.6), None, "the Caspian is water");
        assert_eq!(world.country_at(43.4, 34.4), None, "the Black Sea is water");
    }

    use super::*;

    #[test]
    fn the_embedded_map_parses_with_all_named_countries() {
        let world = WorldMap::embedded().unwrap();
        assert!(world.countries().len() > 230, "{}", world.countries().len());
        for lod in [Lod::Coarse, Lod::Medium, Lod::Fine] {
            let l = world.layers(lod);
            assert!(
                !l.polygons.is_empty() && !l.borders.is_empty() && !l.coasts.is_empty(),
                "{lod:?}"
            );
        }
        assert!(world.heap_bytes() < 60_000_000, "{}", world.heap_bytes());
    }

    #[test]
    fn kazakhstan_and_armenia_have_german_and_english_names() {
        let world = WorldMap::embedded().unwrap();
        let kz = world.country("398").unwrap();
        assert_eq!(
            (kz.alpha2.as_str(), kz.name_de.as_str(), kz.name_en.as_str()),
            ("KZ", "Kasachstan", "Kazakhstan")
        );
        let am = world.country("051").unwrap();
        assert_eq!(
            (am.name_de.as_str(), am.name_en.as_str()),
            ("Armenien", "Armenia")
        );
        assert_eq!(world.country("643").unwrap().name_de, "Russland");
        assert!(world.country("999").is_none());
    }

    #[test]
    fn country_frames_and_labels_are_where_the_country_is() {
        let world = WorldMap::embedded().unwrap();
        let kz = world.country("398").unwrap();
        let ((lat0, lon0), (lat1, lon1)) = kz.bbox;
        // Kazakhstan spans roughly 40.5–55.5 N and 46.5–87.5 E.
        assert!(
            (40.0..41.5).contains(&lat0) && (55.0..56.0).contains(&lat1),
            "{:?}",
            kz.bbox
        );
        assert!(
            (46.0..47.5).contains(&lon0) && (87.0..88.0).contains(&lon1),
            "{:?}",
            kz.bbox
        );
        let am = world.country("051").unwrap();
        assert!(kz.area > 20.0 * am.area);
    }

    #[test]
    fn the_level_of_detail_grows_with_zoom() {
        assert_eq!(WorldMap::lod_for_zoom(0), Lod::Coarse);
        assert_eq!(WorldMap::lod_for_zoom(4), Lod::Medium);
        assert_eq!(WorldMap::lod_for_zoom(5), Lod::Fine);
        assert_eq!(WorldMap::lod_for_zoom(18), Lod::Fine);
    }

    #[test]
    fn a_broken_file_is_reported_by_name() {
        let err = WorldMap::from_sources(LOD110, b"{\"type\":", LOD10, NAMES).unwrap_err();
        assert!(err.to_string().starts_with("countries-50m.json:"), "{err}");
        let bad_arc = br#"{"type":"Topology","arcs":[],"objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]]}]}}}"#;
        let err = WorldMap::from_sources(bad_arc, LOD50, LOD10, NAMES).unwrap_err();
        assert!(
            err.to_string().contains("countries-110m.json") && err.to_string().contains("arc 0"),
            "{err}"
        );
        let err = WorldMap::from_sources(LOD110, LOD50, LOD10, "header\n398\tKZ\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "country-names.tsv line 2: expected numeric, alpha2, name_de, name_en, name_ru separated by tabs"
        );
    }

    #[test]
    fn mercator_round_trips() {
        let (x, y) = to_mercator(40.41, 49.87);
        let (lat, lon) = from_mercator(x, y);
        assert!((lat - 40.41).abs() < 1e-9 && (lon - 49.87).abs() < 1e-9);
        assert_eq!(
            to_mercator(90.0, -180.0),
            (0.0, to_mercator(MAX_LAT, 0.0).1)
        );
    }

    #[test]
    fn the_world_map_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<WorldMap>();
    }
}
