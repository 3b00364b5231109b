//! Geometry on the globe and on the screen: great circles on the Web
//! Mercator square, the antimeridian, and distances for hit-testing.
//!
//! Screen-space functions take plain `[f32; 2]` points so that they are
//! tested here without a window; [`super::Camera`] turns the Web Mercator
//! square into pixels.

/// How many straight pieces make a whole great-circle arc, on the map and
/// in exports; an arc drawn with fewer takes every n-th point, so the
/// counts divide this.
pub const ARC_SEGMENTS: usize = 48;

/// A point on the globe, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoPoint {
    /// Latitude, -90 (south) to 90 (north).
    pub lat: f64,
    /// Longitude, -180 (west) to 180 (east).
    pub lon: f64,
}

impl GeoPoint {
    /// The point at this latitude and longitude.
    pub const fn new(lat: f64, lon: f64) -> Self {
        Self { lat, lon }
    }

    /// The point as a unit vector from the Earth's centre.
    fn unit(self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }
}

/// The great circle from `from` to `to` on the Web Mercator square (see
/// [`mercator`]): `segments + 1` points evenly spaced along it, ends
/// included, and where it crosses the antimeridian one more, so that it
/// comes as two pieces, the first ending on one edge of the square and the
/// second starting on the other (a flat map draws no line across the whole
/// world). Returns the points and where the second piece starts (their
/// number when the arc does not cross).
///
/// Spherical interpolation by rotation, with no trigonometry per point but
/// the projection's, as arcs are made by the thousand while playing.
pub fn great_circle(from: GeoPoint, to: GeoPoint, segments: usize) -> (Vec<[f64; 2]>, usize) {
    great_circle_projected(from, to, segments, unit_to_mercator)
}

/// [`great_circle`] in degrees, `[longitude, latitude]`, for files other
/// tools read (the same points and split, without going through the map's
/// square and back, and without its ±85° clamp).
pub fn great_circle_degrees(
    from: GeoPoint,
    to: GeoPoint,
    segments: usize,
) -> (Vec<[f64; 2]>, usize) {
    let (mut points, split) = great_circle_projected(from, to, segments, |unit| {
        [
            0.5 + unit[1].atan2(unit[0]) / std::f64::consts::TAU,
            unit[2].clamp(-1.0, 1.0).asin().to_degrees(),
        ]
    });
    for point in &mut points {
        point[0] = point[0] * 360.0 - 180.0;
    }
    (points, split)
}

/// [`great_circle`] through `project`, which takes a unit vector to a
/// point whose first coordinate runs from 0 at the antimeridian's west
/// side to 1 at its east side.
fn great_circle_projected(
    from: GeoPoint,
    to: GeoPoint,
    segments: usize,
    project: impl Fn([f64; 3]) -> [f64; 2],
) -> (Vec<[f64; 2]>, usize) {
    let segments = segments.max(1);
    let (a, b) = (from.unit(), to.unit());
    let dot = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).clamp(-1.0, 1.0);
    // The unit vector at right angles to `a` towards `b`, in their plane.
    let towards = [b[0] - a[0] * dot, b[1] - a[1] * dot, b[2] - a[2] * dot];
    let length = towards.iter().map(|c| c * c).sum::<f64>().sqrt();
    let towards = if length > 1e-12 {
        towards.map(|c| c / length)
    } else {
        // The same or opposite places: any way round is as good.
        [0.0; 3]
    };
    let step = dot.acos() / segments as f64;
    let (step_cos, step_sin) = (step.cos(), step.sin());
    let (mut cos, mut sin) = (1.0, 0.0);
    let mut points: Vec<[f64; 2]> = Vec::with_capacity(segments + 2);
    let mut split = None;
    for index in 0..=segments {
        let unit = if index == segments {
            b
        } else {
            [
                a[0] * cos + towards[0] * sin,
                a[1] * cos + towards[1] * sin,
                a[2] * cos + towards[2] * sin,
            ]
        };
        (cos, sin) = (
            cos * step_cos - sin * step_sin,
            sin * step_cos + cos * step_sin,
        );
        let point = project(unit);
        if let Some(&last) = points.last()
            && split.is_none()
            && (point[0] - last[0]).abs() > 0.5
        {
            // Across the antimeridian: cut where the segment meets the edge.
            let [last_x, last_y] = last;
            let edge = if last_x > 0.5 { 1.0 } else { 0.0 };
            let unwrapped = point[0] + if edge > 0.5 { 1.0 } else { -1.0 };
            let ratio = (edge - last_x) / (unwrapped - last_x);
            let y = last_y + (point[1] - last_y) * ratio;
            points.push([edge, y]);
            split = Some(points.len());
            points.push([1.0 - edge, y]);
        }
        points.push(point);
    }
    let split = split.unwrap_or(points.len());
    (points, split)
}

/// Where a unit vector from the Earth's centre is on the Web Mercator
/// square: for a unit vector, `asinh(tan(lat))` is `atanh(z)`.
fn unit_to_mercator(unit: [f64; 3]) -> [f64; 2] {
    let limit = MAX_MERCATOR_LAT.to_radians().sin();
    let z = unit[2].clamp(-limit, limit);
    [
        0.5 + unit[1].atan2(unit[0]) / std::f64::consts::TAU,
        0.5 - z.atanh() / std::f64::consts::TAU,
    ]
}

/// The distance from `point` to the segment `a`-`b`, in the same units.
pub fn distance_to_segment(point: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (ab_x, ab_y) = (b[0] - a[0], b[1] - a[1]);
    let (ap_x, ap_y) = (point[0] - a[0], point[1] - a[1]);
    let length_squared = ab_x * ab_x + ab_y * ab_y;
    let t = if length_squared > 0.0 {
        ((ap_x * ab_x + ap_y * ab_y) / length_squared).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (dx, dy) = (ap_x - t * ab_x, ap_y - t * ab_y);
    (dx * dx + dy * dy).sqrt()
}

/// The distance from `point` to the nearest segment of `polyline`;
/// infinite for an empty line.
pub fn distance_to_polyline(point: [f32; 2], polyline: &[[f32; 2]]) -> f32 {
    match polyline {
        [] => f32::INFINITY,
        [only] => distance_to_segment(point, *only, *only),
        _ => polyline
            .windows(2)
            .map(|pair| distance_to_segment(point, pair[0], pair[1]))
            .fold(f32::INFINITY, f32::min),
    }
}

/// Bends a screen polyline sideways into a gentle bow, in place: each point
/// moves to the right of the direction of travel by `offset * profile[i]`
/// (see [`bow_profile`]). Routes in opposite directions thus bow to opposite
/// sides, and routes given growing offsets fan out, while their ends stay on
/// their places.
pub fn bow(polyline: &mut [[f32; 2]], offset: f32, profile: &[f32]) {
    let (Some(&first), Some(&last)) = (polyline.first(), polyline.last()) else {
        return;
    };
    let (dx, dy) = (last[0] - first[0], last[1] - first[1]);
    let length = (dx * dx + dy * dy).sqrt();
    if length == 0.0 || offset == 0.0 {
        return;
    }
    // Screen y grows downwards, so (-dy, dx) points right of travel.
    let normal = [-dy / length * offset, dx / length * offset];
    for (point, &shift) in polyline.iter_mut().zip(profile) {
        point[0] += normal[0] * shift;
        point[1] += normal[1] * shift;
    }
}

/// How far each of `points` points of a bowed line moves, as a share of
/// the offset: `sin(pi * t)`, `t` running from 0 at the first point to 1 at
/// the last. Computed once per point count, not per frame.
pub fn bow_profile(points: usize) -> Vec<f32> {
    let count = points.saturating_sub(1).max(1) as f32;
    (0..points)
        .map(|index| (std::f32::consts::PI * index as f32 / count).sin())
        .collect()
}

/// A box on the Web Mercator square (see [`mercator`]) that holds the
/// great circle from `from` to `to`, as `[west, north, east, south]`; it
/// may be larger, never smaller, so that culling by it never drops an arc
/// that shows.
///
/// Longitudes run the shorter way round (the whole width when the arc
/// crosses the antimeridian). Latitudes run between the ends, widened
/// towards a pole up to the highest latitude the whole great circle reaches:
/// a shorter arc has at most one extreme, poleward of the hemisphere both
/// ends are in, or either way when they are in both.
pub fn great_circle_bounds(from: GeoPoint, to: GeoPoint) -> [f64; 4] {
    let (west, east) = if (to.lon - from.lon).abs() > 180.0 {
        (-180.0, 180.0)
    } else {
        (from.lon.min(to.lon), from.lon.max(to.lon))
    };
    let unit = |point: GeoPoint| {
        let (lat, lon) = (point.lat.to_radians(), point.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (a, b) = (unit(from), unit(to));
    let normal = [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ];
    let length = normal.iter().map(|c| c * c).sum::<f64>().sqrt();
    let highest = if length < 1e-12 {
        // The same (or opposite) points: no one plane; assume the worst.
        90.0
    } else {
        (normal[2].abs() / length)
            .clamp(-1.0, 1.0)
            .acos()
            .to_degrees()
    };
    let mut south = from.lat.min(to.lat);
    let mut north = from.lat.max(to.lat);
    if from.lat > 0.0 || to.lat > 0.0 {
        north = north.max(highest);
    }
    if from.lat < 0.0 || to.lat < 0.0 {
        south = south.min(-highest);
    }
    let [x_west, y_north] = mercator(GeoPoint::new(north, west));
    let [x_east, y_south] = mercator(GeoPoint::new(south, east));
    [x_west, y_north, x_east, y_south]
}

/// Where a point lies on the Web Mercator square, from (0, 0) at the
/// north-west corner to (1, 1) at the south-east; latitudes are clamped to
/// the map's ±85.05°.
pub fn mercator(point: GeoPoint) -> [f64; 2] {
    let lat = point
        .lat
        .clamp(-MAX_MERCATOR_LAT, MAX_MERCATOR_LAT)
        .to_radians();
    let x = (point.lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// The inverse of [`mercator`].
pub fn from_mercator(xy: [f64; 2]) -> GeoPoint {
    let lon = xy[0] * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * xy[1]))
        .sinh()
        .atan()
        .to_degrees();
    GeoPoint::new(lat, lon)
}

/// The northernmost (and, negated, southernmost) latitude a Web Mercator
/// map shows.
pub const MAX_MERCATOR_LAT: f64 = 85.051_128_78;

/// The centre and zoom that show everything between `south_west` and
/// `north_east` on a map `width` by `height` pixels, leaving `margin` pixels
/// free at each side; zoom 0 shows the world in 256 pixels, and the zoom is
/// capped at `max_zoom` so that a single place does not fill the screen.
pub fn fit_view(
    south_west: GeoPoint,
    north_east: GeoPoint,
    size: [f32; 2],
    margin: f32,
    max_zoom: f64,
) -> (GeoPoint, f64) {
    let [west, north] = mercator(GeoPoint::new(north_east.lat, south_west.lon));
    let [east, south] = mercator(GeoPoint::new(south_west.lat, north_east.lon));
    let center = from_mercator([west.midpoint(east), north.midpoint(south)]);
    let usable = |pixels: f32| f64::from((pixels - 2.0 * margin).max(1.0));
    let span_x = (east - west).max(1e-9);
    let span_y = (south - north).max(1e-9);
    let zoom = (usable(size[0]) / (256.0 * span_x))
        .min(usable(size[1]) / (256.0 * span_y))
        .log2();
    (center, zoom.clamp(0.0, max_zoom))
}

impl From<GeoPoint> for geo::Point<f64> {
    fn from(point: GeoPoint) -> Self {
        Self::new(point.lon, point.lat)
    }
}

impl From<geo::Point<f64>> for GeoPoint {
    fn from(point: geo::Point<f64>) -> Self {
        Self::new(point.y(), point.x())
    }
}

/// How far apart two places are, in kilometres, along the WGS 84
/// ellipsoid (Karney's geodesic, through the `geo` crate).
pub fn geodesic_km(from: GeoPoint, to: GeoPoint) -> f64 {
    use geo::Distance as _;
    geo::Geodesic.distance(from.into(), to.into()) / 1000.0
}

/// The zoom at which the world is as wide as `width` points (walkers'
/// tiles are 256 points at zoom 0).
pub fn world_zoom(width: f32) -> f64 {
    f64::from(width.max(1.0) / 256.0).log2()
}

/// The centre and zoom nearest to `center` and `zoom` at which one copy of
/// the world covers a map of `size` points: never zoomed out past
/// [`world_zoom`], never panned past the antimeridian or the poles (the
/// map draws one world; beyond it would be an empty band).
// `clamp` returns its input exactly when it is inside: a centre that did not
// move is the very same point.
#[allow(clippy::float_cmp)]
pub fn keep_world_covering(center: GeoPoint, zoom: f64, size: [f32; 2]) -> (GeoPoint, f64) {
    let zoom = zoom.max(world_zoom(size[0]));
    let world = 256.0 * 2f64.powf(zoom);
    // Half the map's width and height, in world widths.
    let half = [
        f64::from(size[0]) / 2.0 / world,
        f64::from(size[1]) / 2.0 / world,
    ];
    let keep = |at: f64, half: f64| {
        if half >= 0.5 {
            0.5
        } else {
            at.clamp(half, 1.0 - half)
        }
    };
    let [x, y] = mercator(center);
    let kept = [keep(x, half[0]), keep(y, half[1])];
    let center = if kept == [x, y] {
        center
    } else {
        from_mercator(kept)
    };
    (center, zoom)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values, computed exactly
mod tests {
    use super::*;

    const TOKYO: GeoPoint = GeoPoint::new(35.69, 139.69);
    const HONOLULU: GeoPoint = GeoPoint::new(21.31, -157.86);
    const MOSCOW: GeoPoint = GeoPoint::new(55.75, 37.62);
    const PYONGYANG: GeoPoint = GeoPoint::new(39.03, 125.75);
    const BEIJING: GeoPoint = GeoPoint::new(39.91, 116.40);

    fn close(a: [f64; 2], b: [f64; 2]) -> bool {
        (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9
    }

    #[test]
    fn a_great_circle_starts_and_ends_on_its_places() {
        let (path, split) = great_circle(MOSCOW, PYONGYANG, 32);
        assert_eq!((path.len(), split), (33, 33), "one piece");
        assert!(close(path[0], mercator(MOSCOW)), "{:?}", path[0]);
        assert!(close(path[32], mercator(PYONGYANG)), "{:?}", path[32]);
    }

    #[test]
    fn a_great_circle_bows_towards_the_pole_and_keeps_its_pace() {
        // Moscow to Pyongyang goes north of the straight line on a flat map.
        let (path, _) = great_circle(MOSCOW, PYONGYANG, 32);
        let middle = from_mercator(path[16]);
        assert!(
            middle.lat > MOSCOW.lat.midpoint(PYONGYANG.lat) + 3.0,
            "{middle:?}"
        );
        // About 6,400 km by 32 even steps of about 200 km.
        let steps: Vec<f64> = path
            .windows(2)
            .map(|pair| {
                let (a, b) = (from_mercator(pair[0]).unit(), from_mercator(pair[1]).unit());
                (a[0] * b[0] + a[1] * b[1] + a[2] * b[2])
                    .clamp(-1.0, 1.0)
                    .acos()
                    * 6371.0
            })
            .collect();
        assert!(
            steps.iter().all(|&step| (step - steps[0]).abs() < 0.5),
            "{steps:?}"
        );
        assert!(
            (steps[0] * 32.0 - 6400.0).abs() < 150.0,
            "{}",
            steps[0] * 32.0
        );
    }

    #[test]
    fn tokyo_to_honolulu_is_split_at_the_antimeridian() {
        let (path, split) = great_circle(TOKYO, HONOLULU, 64);
        assert_eq!(
            path.len(),
            67,
            "one point more on each edge, at the crossing"
        );
        let (west, east) = path.split_at(split);
        assert_eq!(west.last().unwrap()[0], 1.0);
        assert_eq!(east.first().unwrap()[0], 0.0);
        assert_eq!(west.last().unwrap()[1], east.first().unwrap()[1]);
        assert!(west.iter().all(|p| p[0] > 0.5));
        assert!(east.iter().all(|p| p[0] < 0.5));
        // No segment of either piece spans more than a few degrees.
        for piece in [west, east] {
            assert!(
                piece
                    .windows(2)
                    .all(|pair| (pair[1][0] - pair[0][0]).abs() < 0.03)
            );
        }
        assert!(close(path[66], mercator(HONOLULU)));
    }

    #[test]
    fn a_great_circle_in_degrees_is_the_drawn_one_unprojected() {
        for (from, to) in [(MOSCOW, PYONGYANG), (TOKYO, HONOLULU)] {
            let (drawn, drawn_split) = great_circle(from, to, 64);
            let (degrees, split) = great_circle_degrees(from, to, 64);
            assert_eq!((degrees.len(), split), (drawn.len(), drawn_split));
            for (xy, [lon, lat]) in drawn.iter().zip(&degrees) {
                let point = from_mercator(*xy);
                // The crossing's latitude is interpolated on each map, so
                // it may differ by a hair; every other point is the same.
                assert!((point.lon - lon).abs() < 1e-9, "{point:?} vs {lon}");
                assert!((point.lat - lat).abs() < 1e-3, "{point:?} vs {lat}");
            }
        }
        let (degrees, split) = great_circle_degrees(TOKYO, HONOLULU, 64);
        assert_eq!(
            degrees[split - 1][0],
            180.0,
            "the west piece ends on the edge"
        );
        assert_eq!(
            degrees[split][0], -180.0,
            "the east piece starts on the other"
        );
    }

    #[test]
    fn measures_distances_to_segments_and_lines() {
        assert_eq!(
            distance_to_segment([0.0, 5.0], [-10.0, 0.0], [10.0, 0.0]),
            5.0
        );
        assert_eq!(
            distance_to_segment([13.0, 4.0], [-10.0, 0.0], [10.0, 0.0]),
            5.0
        );
        assert_eq!(distance_to_segment([3.0, 4.0], [0.0, 0.0], [0.0, 0.0]), 5.0);
        let line = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0]];
        assert_eq!(distance_to_polyline([12.0, 5.0], &line), 2.0);
        assert_eq!(distance_to_polyline([1.0, 1.0], &[]), f32::INFINITY);
    }

    #[test]
    fn bows_to_the_right_of_travel_and_keeps_the_ends() {
        let east = [[0.0, 0.0], [5.0, 0.0], [10.0, 0.0]];
        let mut bowed = east;
        bow(&mut bowed, 4.0, &bow_profile(3));
        assert_eq!(bowed[0], [0.0, 0.0]);
        assert!((bowed[2][0] - 10.0).abs() < 1e-5 && bowed[2][1].abs() < 1e-5);
        // Travelling east on screen, "right" is down (positive y).
        assert!((bowed[1][1] - 4.0).abs() < 1e-5);
        let mut west = [[10.0, 0.0], [5.0, 0.0], [0.0, 0.0]];
        bow(&mut west, 4.0, &bow_profile(3));
        assert!(west[1][1] < 0.0, "the way back bows the other way");
    }

    #[test]
    fn great_circle_bounds_hold_the_whole_arc() {
        let cases = [
            (MOSCOW, PYONGYANG),
            (TOKYO, HONOLULU),
            (GeoPoint::new(-33.9, 18.4), GeoPoint::new(-33.9, 151.2)),
            (GeoPoint::new(40.7, -74.0), GeoPoint::new(-22.9, -43.2)),
            (GeoPoint::new(1.0, 0.0), GeoPoint::new(1.0, 179.0)),
            (PYONGYANG, PYONGYANG),
        ];
        for (from, to) in cases {
            let [west, north, east, south] = great_circle_bounds(from, to);
            for [x, y] in great_circle(from, to, 64).0 {
                assert!(
                    x >= west - 1e-9 && x <= east + 1e-9 && y >= north - 1e-9 && y <= south + 1e-9,
                    "{from:?} to {to:?}: {x}, {y} outside"
                );
            }
        }
        // Not the whole world for a short hop.
        let [west, north, east, south] = great_circle_bounds(BEIJING, PYONGYANG);
        assert!(east - west < 0.05 && south - north < 0.05);
    }

    #[test]
    fn mercator_round_trips_and_puts_the_origin_in_the_middle() {
        assert_eq!(mercator(GeoPoint::new(0.0, 0.0)), [0.5, 0.5]);
        let [x, y] = mercator(PYONGYANG);
        let back = from_mercator([x, y]);
        assert!((back.lat - PYONGYANG.lat).abs() < 1e-9 && (back.lon - PYONGYANG.lon).abs() < 1e-9);
        assert!(
            mercator(GeoPoint::new(89.0, 0.0))[1].abs() < 1e-9,
            "the pole is clamped onto the map's top edge"
        );
    }

    #[test]
    fn fitting_a_view_shows_both_corners() {
        let south_west = GeoPoint::new(PYONGYANG.lat, MOSCOW.lon);
        let north_east = GeoPoint::new(MOSCOW.lat, PYONGYANG.lon);
        let (center, zoom) = fit_view(south_west, north_east, [1000.0, 600.0], 40.0, 10.0);
        let scale = 256.0 * 2f64.powf(zoom);
        let [cx, cy] = mercator(center);
        for corner in [
            GeoPoint::new(PYONGYANG.lat, MOSCOW.lon),
            GeoPoint::new(MOSCOW.lat, PYONGYANG.lon),
        ] {
            let [x, y] = mercator(corner);
            assert!(((x - cx) * scale).abs() <= 460.0 + 1e-6, "{corner:?}");
            assert!(((y - cy) * scale).abs() <= 260.0 + 1e-6, "{corner:?}");
        }
        // One place alone is shown at the capped zoom, centred on it.
        let (center, zoom) = fit_view(PYONGYANG, PYONGYANG, [1000.0, 600.0], 40.0, 6.0);
        assert_eq!(zoom, 6.0);
        assert!((center.lat - PYONGYANG.lat).abs() < 1e-6);
    }

    #[test]
    fn the_world_always_covers_the_map() {
        let size = [1280.0, 650.0];
        // Zoomed out too far: back to the zoom where the world fills the width.
        let (_, zoom) = keep_world_covering(GeoPoint::new(0.0, 0.0), 0.5, size);
        assert!((zoom - 5.0f64.log2()).abs() < 1e-12, "{zoom}");
        // At that zoom the world is exactly as wide as the map: any centre
        // off the meridian would leave a band, so it goes back to 0.
        let (center, _) = keep_world_covering(GeoPoint::new(30.0, 120.0), zoom, size);
        assert!(center.lon.abs() < 1e-9, "{center:?}");
        // Zoomed in, a centre near the antimeridian stops where the
        // world's edge meets the map's.
        let (center, zoom) = keep_world_covering(GeoPoint::new(0.0, 179.0), 4.0, size);
        let half_degrees = 360.0 * 640.0 / (256.0 * 16.0);
        assert!(
            (center.lon - (180.0 - half_degrees)).abs() < 1e-9,
            "{center:?}"
        );
        assert_eq!(zoom, 4.0);
        // Inside the world, nothing moves.
        let tokyo = keep_world_covering(TOKYO, 5.0, size);
        assert_eq!(tokyo, (TOKYO, 5.0));
    }

    #[test]
    fn distances_are_geodesic_and_points_convert_to_geo_and_back() {
        use geo::Distance as _;
        let point: geo::Point<f64> = MOSCOW.into();
        assert_eq!((point.x(), point.y()), (MOSCOW.lon, MOSCOW.lat));
        assert_eq!(GeoPoint::from(point), MOSCOW);
        // Against geo's haversine on the mean sphere: within half a percent.
        let haversine = geo::Haversine.distance(MOSCOW.into(), PYONGYANG.into()) / 1000.0;
        let geodesic = geodesic_km(MOSCOW, PYONGYANG);
        assert!(
            (geodesic - haversine).abs() < haversine * 0.005,
            "{geodesic} vs {haversine}"
        );
        assert!((6_300.0..6_500.0).contains(&geodesic), "{geodesic}");
        assert!(geodesic_km(TOKYO, TOKYO).abs() < 1e-9);
    }
}
