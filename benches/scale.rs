//! How the app scales: loading a dataset as the app does, a time window's
//! query, its aggregation into routes and places, and a whole frame's
//! preparation, at 10k, 100k and 1M visits (each with as many events),
//! generated in-process by `legation::synth`.
//!
//! Run with `cargo bench --bench scale` (add a filter such as `frame/` to
//! run a part). The 1M sizes take minutes to set up; their samples are few.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use legation::model::Day;
use legation::progress::Progress;
use legation::scene::{Camera, Frame, GeoPoint, Scene, Selected, TimeIndex, TimeWindow, View};
use legation::synth::{SynthOptions, write_dataset};
use legation::workspace::{Workspace, open_and_place};

/// Visits (and as many events) per size.
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// The map the frames are prepared for, in pixels.
const MAP: [f32; 4] = [0.0, 0.0, 1280.0, 760.0];

/// A synthetic dataset of `size` visits and as many events, on disk.
fn dataset_file(size: usize) -> PathBuf {
    let path = std::env::temp_dir().join(format!("legation-scale-{size}.json"));
    if !path.exists() {
        let options = SynthOptions {
            visits: size,
            events: size,
            seed: 1,
        };
        legation::save::write_atomically(&path, |out| write_dataset(out, &options))
            .expect("the temporary folder is writable");
    }
    path
}

/// Loads `path` as the app does.
fn load(path: &Path) -> (Workspace, Scene) {
    open_and_place(
        Workspace::default(),
        &[path.to_owned()],
        &Progress::default(),
    )
}

/// One-year windows stepping across the scene's extent.
fn windows(scene: &Scene, count: i32) -> Vec<TimeWindow> {
    let extent = scene.extent().expect("synthetic data has dates");
    let span = (extent.end.0 - extent.start.0 - 365).max(1);
    (0..count)
        .map(|step| {
            let start = extent.start.0 + span * step / count;
            TimeWindow::new(Day(start), Day(start + 365))
        })
        .collect()
}

fn scale(c: &mut Criterion) {
    for size in SIZES {
        let path = dataset_file(size);
        let mut group = c.benchmark_group("scale");
        if size >= 1_000_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(20));
        }
        group.bench_with_input(BenchmarkId::new("load", size), &path, |b, path| {
            b.iter(|| black_box(load(path)));
        });
        let (_workspace, scene) = load(&path);
        let windows = windows(&scene, 200);

        let index = TimeIndex::new(
            scene
                .visits
                .iter()
                .map(|visit| (visit.first_day, visit.last_day, visit.route)),
        );
        group.bench_with_input(
            BenchmarkId::new("window_query", size),
            &windows,
            |b, windows| {
                let mut step = 0;
                b.iter(|| {
                    step = (step + 1) % windows.len();
                    let mut shown = 0usize;
                    index.for_each_in(&windows[step], |_| shown += 1);
                    black_box(shown)
                });
            },
        );

        group.bench_with_input(
            BenchmarkId::new("aggregation", size),
            &windows,
            |b, windows| {
                let mut view = View::default();
                let mut step = 0;
                b.iter(|| {
                    step = (step + 1) % windows.len();
                    scene.view_into(windows[step], &mut view);
                    black_box(view.routes.len())
                });
            },
        );

        let world = Camera::new(GeoPoint::new(20.0, 60.0), 2.32, MAP);
        let east_asia = Camera::new(GeoPoint::new(35.0, 120.0), 4.0, MAP);
        for (name, camera) in [("frame_world", world), ("frame_east_asia", east_asia)] {
            group.bench_with_input(BenchmarkId::new(name, size), &windows, |b, windows| {
                let mut frame = Frame::default();
                let mut view = View::default();
                let mut step = 0;
                b.iter(|| {
                    step = (step + 1) % windows.len();
                    scene.view_into(windows[step], &mut view);
                    frame.prepare(&scene, &view, &camera, Selected::default(), step as f64);
                    black_box(frame.hit([640.0, 380.0]))
                });
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
