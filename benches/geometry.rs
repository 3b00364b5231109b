//! The map's great circles, hand-written (a rotation straight to Web
//! Mercator, split at the antimeridian) against the `geo` crate's
//! great-circle interpolation followed by the same projection: which one
//! the frame uses is decided here (see ARCHITECTURE.md).
//!
//! Run with `cargo bench --bench geometry`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geo::InterpolatePoint as _;
use legation::scene::{ARC_SEGMENTS, GeoPoint, great_circle, mercator};

/// Routes of every length and direction, one crossing the antimeridian.
const ROUTES: [(GeoPoint, GeoPoint); 4] = [
    (GeoPoint::new(55.75, 37.62), GeoPoint::new(39.03, 125.75)),
    (GeoPoint::new(38.90, -77.04), GeoPoint::new(51.51, -0.13)),
    (GeoPoint::new(35.69, 139.69), GeoPoint::new(21.31, -157.86)),
    (GeoPoint::new(-33.87, 151.21), GeoPoint::new(-34.60, -58.38)),
];

fn great_circles(c: &mut Criterion) {
    let mut group = c.benchmark_group("great_circle");
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            for (from, to) in ROUTES {
                black_box(great_circle(black_box(from), black_box(to), ARC_SEGMENTS));
            }
        });
    });
    group.bench_function("geo Haversine + projection", |b| {
        b.iter(|| {
            for (from, to) in ROUTES {
                let (from, to): (geo::Point<f64>, geo::Point<f64>) = (from.into(), to.into());
                let points: Vec<[f64; 2]> = (0..=ARC_SEGMENTS)
                    .map(|step| {
                        let ratio = step as f64 / ARC_SEGMENTS as f64;
                        let point = geo::Haversine.point_at_ratio_between(
                            black_box(from),
                            black_box(to),
                            ratio,
                        );
                        mercator(GeoPoint::from(point))
                    })
                    .collect();
                black_box(points);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, great_circles);
criterion_main!(benches);
