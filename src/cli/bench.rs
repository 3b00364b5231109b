//! `legation bench`: loads a dataset as the app does
//! ([`open_and_place`], which the app runs off its ui thread), then times the app's
//! own per-frame preparation ([`Scene::view`] when the window moves, then
//! [`Frame::prepare`] and a hover's [`Frame::hit`]) over a scripted
//! sequence, and reports load time, frame times and peak memory.
//!
//! The script, on a 1280x760 map, the pointer hovering over its middle: a
//! one-year window played across the whole extent at world view, then again
//! zoomed into East Asia, the window moving every frame (these frames give
//! the percentiles); then ten filter changes at world view, from the window
//! to everything up to its end and back, each followed by four frames
//! without a change (the worst of these is reported apart, as
//! `filter_change_ms`: a change aggregates the whole filtered extent once).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use legation::edit::Target;
use legation::model::Day;
use legation::progress::{Progress, Stage};
use legation::scene::{Camera, Frame, GeoPoint, Scene, SceneFilter, Selected, TimeWindow, View};
use legation::workspace::{Workspace, open_and_place};
use serde::Serialize;
use std::sync::Arc;

use super::Exit;

/// Arguments of `legation bench`.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Print one JSON object instead of lines of text.
    #[arg(long)]
    json: bool,

    /// Frames of playback at each zoom.
    #[arg(long, value_name = "N", default_value_t = 500)]
    frames: usize,

    /// Then change one record (mark the first visit reviewed) and save the
    /// file here as the app saves it, timing the save and its memory.
    #[arg(long, value_name = "OUT")]
    save_to: Option<PathBuf>,

    /// The dataset to load (as the app opens it).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// What `--json` prints.
#[derive(Debug, Serialize)]
struct Report {
    records: usize,
    load_s: f64,
    frames: usize,
    frame_ms_p50: f64,
    frame_ms_p99: f64,
    frame_ms_max: f64,
    filter_change_ms: f64,
    /// Applying field queries (compile, evaluate, filter the scene, count
    /// the window), and text queries once their words are read.
    #[serde(flatten)]
    queries: super::bench_query::QueryReport,
    peak_rss_mb: f64,
    /// With `--save-to`: resident memory once loaded and drawn, in MB.
    #[serde(skip_serializing_if = "Option::is_none")]
    loaded_rss_mb: Option<f64>,
    /// With `--save-to`: seconds the save of one edit took.
    #[serde(skip_serializing_if = "Option::is_none")]
    save_s: Option<f64>,
    /// Seconds spent in each stage of loading, by its progress label.
    load_stages_s: serde_json::Map<String, serde_json::Value>,
}

/// The map's size in the bench, in pixels.
const MAP: [f32; 4] = [0.0, 0.0, 1280.0, 760.0];
/// The window played, in days.
const WINDOW_DAYS: i32 = 365;

/// Loads the file, runs the script and prints the figures.
pub fn run(args: &BenchArgs) -> Exit {
    if let Err(error) = std::fs::metadata(&args.file) {
        eprintln!(
            "legation bench: {}: cannot read it: {error}; check the path",
            args.file.display()
        );
        return Exit::Unreadable;
    }
    let started = Instant::now();
    let progress = Progress::default();
    let loaded = AtomicBool::new(false);
    let ((workspace, scene), stages) = std::thread::scope(|scope| {
        let watcher = scope.spawn(|| watch_stages(&progress, &loaded));
        let opened = open_and_place(
            Workspace::default(),
            std::slice::from_ref(&args.file),
            &progress,
        );
        loaded.store(true, Ordering::Relaxed);
        (opened, watcher.join().unwrap_or_default())
    });
    let load_s = started.elapsed().as_secs_f64();
    let load_stages_s = stage_times(&stages, Instant::now());
    if let Some(failure) = workspace
        .files
        .iter()
        .find_map(|file| file.failure.as_ref())
    {
        eprintln!("legation bench: {failure}");
        return Exit::Invalid;
    }
    let Some(extent) = scene.extent() else {
        eprintln!(
            "legation bench: {}: no record could be placed on the map; check it with `legation check`",
            args.file.display()
        );
        return Exit::Invalid;
    };
    let records = workspace
        .tables()
        .map(|table| table.visits.len() + table.events.len())
        .sum();

    let (mut times_ms, filter_change_ms) = frame_times(&scene, extent, args.frames.max(1), None);
    let queries = super::bench_query::measure(&workspace, &scene, extent, args.frames.max(1));
    let loaded_rss_mb = args.save_to.as_ref().and_then(|_| memory_mb("VmRSS:"));
    let save_s = match &args.save_to {
        Some(out) => match save_one_edit(workspace, out) {
            Ok(seconds) => Some(seconds),
            Err(error) => {
                eprintln!("legation bench: {error}");
                return Exit::Unreadable;
            }
        },
        None => None,
    };
    times_ms.sort_by(f64::total_cmp);
    let percentile = |share: f64| {
        let rank = ((times_ms.len() as f64 * share).ceil() as usize).clamp(1, times_ms.len());
        times_ms[rank - 1]
    };
    let report = Report {
        records,
        load_s,
        frames: times_ms.len(),
        frame_ms_p50: percentile(0.5),
        frame_ms_p99: percentile(0.99),
        frame_ms_max: times_ms.last().copied().unwrap_or(0.0),
        filter_change_ms,
        queries,
        peak_rss_mb: memory_mb("VmHWM:").unwrap_or(f64::NAN),
        loaded_rss_mb,
        save_s,
        load_stages_s,
    };
    if args.json {
        // A struct of numbers always serializes.
        println!("{}", serde_json::to_string(&report).unwrap_or_default());
    } else {
        println!("{}: {} records", args.file.display(), report.records);
        println!("load: {:.2} s", report.load_s);
        println!(
            "frame preparation over {} frames: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            report.frames, report.frame_ms_p50, report.frame_ms_p99, report.frame_ms_max
        );
        println!(
            "filter change (window to cumulative and back): at most {:.2} ms",
            report.filter_change_ms
        );
        report.queries.print();
        if let (Some(save_s), Some(loaded)) = (report.save_s, report.loaded_rss_mb) {
            println!("save after one edit: {save_s:.2} s (RSS when loaded {loaded:.0} MB)");
        }
        println!("peak RSS: {:.0} MB", report.peak_rss_mb);
        for (stage, seconds) in &report.load_stages_s {
            println!("  load stage {stage}: {seconds} s");
        }
    }
    Exit::Success
}

/// Runs the script; returns each playback frame's time and the slowest
/// frame around the filter changes, in milliseconds.
pub(super) fn frame_times(
    scene: &Scene,
    extent: TimeWindow,
    frames: usize,
    filter: Option<&Arc<SceneFilter>>,
) -> (Vec<f64>, f64) {
    let world = Camera::new(
        GeoPoint::new(20.0, 60.0),
        f64::from(MAP[2] / 256.0).log2(),
        MAP,
    );
    let east_asia = Camera::new(GeoPoint::new(35.0, 120.0), 4.0, MAP);
    let span = (extent.end.0 - extent.start.0 - WINDOW_DAYS).max(0);
    let window_at = |step: usize, of: usize| {
        let start = extent.start.0 + (f64::from(span) * step as f64 / of as f64) as i32;
        TimeWindow::new(Day(start), Day(start + WINDOW_DAYS))
    };
    let mut bench = Bench {
        scene,
        filter,
        frame: Frame::default(),
        view: scene.view(window_at(0, frames)),
        frames: 0,
    };
    let mut playback = Vec::with_capacity(2 * frames);
    for camera in [world, east_asia] {
        for step in 0..frames {
            playback.push(bench.frame(Some(window_at(step, frames)), &camera));
        }
    }
    let mut filter_change_ms: f64 = 0.0;
    for change in 0..10 {
        let window = window_at(change * 2 + 1, 20);
        for cumulative in [true, false] {
            let shown = if cumulative {
                TimeWindow::new(extent.start, window.end)
            } else {
                window
            };
            filter_change_ms = filter_change_ms.max(bench.frame(Some(shown), &world));
            for _ in 0..4 {
                filter_change_ms = filter_change_ms.max(bench.frame(None, &world));
            }
        }
    }
    (playback, filter_change_ms)
}

/// The app's per-frame work, as the app does it.
struct Bench<'s> {
    scene: &'s Scene,
    filter: Option<&'s Arc<SceneFilter>>,
    frame: Frame,
    view: View,
    frames: usize,
}

impl Bench<'_> {
    /// One frame: the view again when the window changed, then the shapes
    /// and a hover's hit test; returns its time in milliseconds.
    fn frame(&mut self, window: Option<TimeWindow>, camera: &Camera) -> f64 {
        // Sixty frames a second, for fading in.
        let now = self.frames as f64 / 60.0;
        self.frames += 1;
        let began = Instant::now();
        if let Some(window) = window {
            self.scene
                .view_filtered_into(window, self.filter, &mut self.view);
        }
        self.frame
            .prepare(self.scene, &self.view, camera, Selected::default(), now);
        std::hint::black_box(self.frame.hit([MAP[2] / 2.0, MAP[3] / 2.0]));
        began.elapsed().as_secs_f64() * 1000.0
    }
}

/// Marks the first record reviewed and saves the file to `out` as the app
/// does; the seconds the save took.
fn save_one_edit(mut workspace: Workspace, out: &std::path::Path) -> Result<f64, String> {
    let target = if workspace.files[0].visit_count() > 0 {
        Target::Visit(0)
    } else {
        Target::Event(0)
    };
    workspace.set_reviewed(0, target, true);
    let started = Instant::now();
    workspace
        .save(0, Some(out), None)
        .map_err(|error| error.to_string())?;
    Ok(started.elapsed().as_secs_f64())
}

/// When each stage of loading began, as the progress bar would see it.
fn watch_stages(progress: &Progress, loaded: &AtomicBool) -> Vec<(Stage, Instant)> {
    let mut stages: Vec<(Stage, Instant)> = Vec::new();
    while !loaded.load(Ordering::Relaxed) {
        let stage = progress.stage();
        if stages.last().is_none_or(|&(last, _)| last != stage) {
            stages.push((stage, Instant::now()));
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    stages
}

/// Seconds per stage (a stage met twice, for several files, is summed),
/// to the millisecond the watcher sees.
fn stage_times(
    stages: &[(Stage, Instant)],
    ended: Instant,
) -> serde_json::Map<String, serde_json::Value> {
    let mut times = serde_json::Map::new();
    for (index, &(stage, began)) in stages.iter().enumerate() {
        let until = stages.get(index + 1).map_or(ended, |&(_, next)| next);
        let seconds = until.duration_since(began).as_secs_f64();
        let entry = times
            .entry(stage.label().to_lowercase())
            .or_insert(serde_json::Value::from(0.0));
        let total = entry.as_f64().unwrap_or(0.0) + seconds;
        *entry = serde_json::Value::from((total * 1000.0).round() / 1000.0);
    }
    times
}

/// A figure of the process's memory, in MB: `VmHWM:` (the peak resident
/// memory so far) or `VmRSS:` (now).
fn memory_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kilobytes: f64 = line
        .trim_start_matches(field)
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes / 1024.0)
}
