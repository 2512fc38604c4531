//! Great-circle arcs between places, ready to be drawn on a Mercator map.
//!
//! A straight line on a Mercator map is not the shortest way between two cities; the great
//! circle is, and it bends towards the pole. The arcs here are sampled densely enough that the
//! bend reads as a smooth curve, and split where they cross the antimeridian so that no segment
//! runs back across the whole map.
//!
//! Coordinates are `(lat, lon)` in degrees, as the atlas stores them; `geo` wants `(lon, lat)`,
//! so the conversion happens only here.

use geo::{Distance, Geodesic, Haversine, InterpolatePoint, Point};

/// The longest step between two points of an arc, in metres.
const STEP_M: f64 = 100_000.0;

/// The fewest steps an arc takes (8 points), so that even a short one bends visibly if it should.
const MIN_SEGMENTS: u32 = 7;

/// The most steps an arc takes (256 points), so that a long one stays cheap to draw.
const MAX_SEGMENTS: u32 = 255;

/// Points (lat, lon) along the great circle from `a` to `b`, `a` and `b` included, dense enough
/// for a smooth curve on a Mercator map: one point about every 100 km, at least 8, at most 256.
///
/// Longitudes stay within −180…180, so an arc across the antimeridian jumps from one edge to the
/// other; [`great_circle_pieces`] splits it there. Antipodal points have no single great circle
/// between them; for them the arc is just its two ends.
pub fn great_circle(a: (f64, f64), b: (f64, f64)) -> Vec<(f64, f64)> {
    let (start, end) = (to_point(a), to_point(b));
    let segments = segment_count(Haversine.distance(start, end));
    let mut points = Vec::with_capacity(segments as usize + 1);
    points.push(a);
    for i in 1..segments {
        let ratio = f64::from(i) / f64::from(segments);
        let p = Haversine.point_at_ratio_between(start, end, ratio);
        if !(p.x().is_finite() && p.y().is_finite()) {
            // Only antipodes get here: every great circle through them is as short as any other.
            return vec![a, b];
        }
        points.push((p.y(), p.x()));
    }
    points.push(b);
    points
}

/// The same as [`great_circle`], split into pieces where it crosses the antimeridian, so that no
/// segment runs across the whole map.
///
/// Each crossing ends one piece at longitude ±180 and starts the next at the opposite edge, on
/// the same latitude, so the pieces meet at the map's edges without a gap.
pub fn great_circle_pieces(a: (f64, f64), b: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let points = great_circle(a, b);
    let mut pieces = Vec::new();
    let mut piece: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for (lat, lon) in points {
        if let Some(&(prev_lat, prev_lon)) = piece.last()
            && (lon - prev_lon).abs() > 180.0
        {
            // Going east across 180° the longitude jumps from +180 to −180, and back going west.
            let edge = if prev_lon > 0.0 { 180.0 } else { -180.0 };
            let unwrapped = lon + 2.0 * edge;
            // Points are at most ~100 km apart, so a straight interpolation of the crossing
            // latitude is indistinguishable from the great circle's.
            let t = (edge - prev_lon) / (unwrapped - prev_lon);
            let crossing = prev_lat + t * (lat - prev_lat);
            piece.push((crossing, edge));
            pieces.push(std::mem::take(&mut piece));
            piece.push((crossing, -edge));
        }
        piece.push((lat, lon));
    }
    pieces.push(piece);
    pieces
}

/// The distance between two points (lat, lon) in kilometres, along the geodesic on the WGS 84
/// ellipsoid.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Geodesic.distance(to_point(a), to_point(b)) / 1000.0
}

fn to_point((lat, lon): (f64, f64)) -> Point<f64> {
    Point::new(lon, lat)
}

/// How many steps an arc of `metres` takes: one per [`STEP_M`], within the point limits.
fn segment_count(metres: f64) -> u32 {
    // Counting up avoids a float-to-integer cast; a NaN distance compares false throughout and
    // so gets the most steps, which is harmless.
    (MIN_SEGMENTS..MAX_SEGMENTS)
        .find(|&n| f64::from(n) * STEP_M >= metres)
        .unwrap_or(MAX_SEGMENTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WASHINGTON: (f64, f64) = (38.9072, -77.0369);
    const ASTANA: (f64, f64) = (51.1694, 71.4491);
    const ALMATY: (f64, f64) = (43.2220, 76.8512);
    const YEREVAN: (f64, f64) = (40.1792, 44.4991);
    const BAKU: (f64, f64) = (40.4093, 49.8671);
    const TOKYO: (f64, f64) = (35.6762, 139.6503);
    const SAN_FRANCISCO: (f64, f64) = (37.7749, -122.4194);

    #[test]
    fn washington_to_astana_bends_over_the_north_atlantic() {
        let arc = great_circle(WASHINGTON, ASTANA);
        let (mid_lat, _) = arc[arc.len() / 2];
        assert!(mid_lat > 55.0, "midpoint at {mid_lat}° N");
        assert!(arc.iter().all(|&(_, lon)| (-78.0..72.0).contains(&lon)));
    }

    #[test]
    fn an_arc_keeps_its_ends_and_stays_within_the_point_limits() {
        for (a, b) in [
            (WASHINGTON, ASTANA),
            (YEREVAN, BAKU),
            (TOKYO, SAN_FRANCISCO),
            (ASTANA, ASTANA),
        ] {
            let arc = great_circle(a, b);
            assert_eq!(arc.first(), Some(&a));
            assert_eq!(arc.last(), Some(&b));
            assert!((8..=256).contains(&arc.len()), "{}", arc.len());
        }
        // About 10,000 km: one point per ~100 km.
        let long = great_circle(WASHINGTON, ASTANA).len();
        assert!((90..=110).contains(&long), "{long}");
    }

    #[test]
    fn yerevan_to_baku_is_short_and_nearly_straight() {
        let arc = great_circle(YEREVAN, BAKU);
        assert_eq!(arc.len(), 8);
        assert!(distance_km(YEREVAN, BAKU) < 500.0);
        for &(lat, lon) in &arc {
            let t = (lon - YEREVAN.1) / (BAKU.1 - YEREVAN.1);
            let straight = YEREVAN.0 + t * (BAKU.0 - YEREVAN.0);
            assert!((lat - straight).abs() < 0.2, "{lat} vs {straight}");
        }
    }

    #[test]
    fn a_trans_pacific_arc_is_split_at_the_antimeridian() {
        let pieces = great_circle_pieces(TOKYO, SAN_FRANCISCO);
        assert_eq!(pieces.len(), 2);
        for piece in &pieces {
            assert!(piece.len() >= 2);
            for pair in piece.windows(2) {
                assert!((pair[1].1 - pair[0].1).abs() < 180.0, "{pair:?}");
            }
        }
        assert_eq!(pieces[0].first(), Some(&TOKYO));
        assert_eq!(pieces[1].last(), Some(&SAN_FRANCISCO));
        let (end, start) = (pieces[0].last(), pieces[1].first());
        assert!(matches!(end, Some(&(_, lon)) if (lon - 180.0).abs() < f64::EPSILON));
        assert!(matches!(start, Some(&(_, lon)) if (lon + 180.0).abs() < f64::EPSILON));
        assert_eq!(end.map(|p| p.0), start.map(|p| p.0));
    }

    #[test]
    fn an_arc_that_stays_on_one_side_is_one_piece() {
        assert_eq!(great_circle_pieces(WASHINGTON, ASTANA).len(), 1);
        assert_eq!(great_circle_pieces(SAN_FRANCISCO, TOKYO).len(), 2);
    }

    #[test]
    fn astana_to_almaty_is_about_970_km() {
        let km = distance_km(ASTANA, ALMATY);
        assert!((km - 970.0).abs() < 30.0, "{km} km");
    }
}
