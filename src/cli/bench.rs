//! `legation bench`: loads a dataset as the app does, then times the app's
//! own per-frame preparation ([`Scene::view`] when the window moves, then
//! [`Frame::prepare`] and a hover's [`Frame::hit`]) over a scripted
//! sequence, and reports load time, frame times and peak memory.
//!
//! The script, on a 1280x760 map: a one-year window played across the whole
//! extent at world view, then again zoomed into East Asia, then the
//! cumulative filter (everything up to the window's end) played at world
//! view; the window moves every frame.

use std::path::PathBuf;
use std::time::Instant;

use legation::gazetteer::Gazetteer;
use legation::model::Day;
use legation::scene::{Camera, Frame, GeoPoint, Scene, Selected, TimeWindow};
use legation::workspace::Workspace;
use serde::Serialize;

use super::Exit;

/// Arguments of `legation bench`.
#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Print one JSON object instead of lines of text.
    #[arg(long)]
    json: bool,

    /// Frames per part of the script (three parts).
    #[arg(long, value_name = "N", default_value_t = 250)]
    frames: usize,

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
    peak_rss_mb: f64,
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
    let mut workspace = Workspace::default();
    workspace.open(&args.file);
    let scene = Scene::build(workspace.datasets(), Gazetteer::bundled());
    let load_s = started.elapsed().as_secs_f64();
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
        .datasets()
        .map(|dataset| dataset.visits.len() + dataset.events.len())
        .sum();

    let mut times_ms = frame_times(&scene, extent, args.frames.max(1));
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
        peak_rss_mb: peak_rss_mb().unwrap_or(f64::NAN),
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
        println!("peak RSS: {:.0} MB", report.peak_rss_mb);
    }
    Exit::Success
}

/// Runs the script; returns each frame's time in milliseconds.
fn frame_times(scene: &Scene, extent: TimeWindow, frames: usize) -> Vec<f64> {
    let world_zoom = f64::from(MAP[2] / 256.0).log2();
    let parts = [
        (
            Camera::new(GeoPoint::new(20.0, 60.0), world_zoom, MAP),
            false,
        ),
        (Camera::new(GeoPoint::new(35.0, 120.0), 4.0, MAP), false),
        (
            Camera::new(GeoPoint::new(20.0, 60.0), world_zoom, MAP),
            true,
        ),
    ];
    let hover = [MAP[2] / 2.0, MAP[3] / 2.0];
    let span = (extent.end.0 - extent.start.0 - WINDOW_DAYS).max(0);
    let mut frame = Frame::default();
    let mut times = Vec::with_capacity(parts.len() * frames);
    for (part, (camera, cumulative)) in parts.iter().enumerate() {
        for step in 0..frames {
            let start = extent.start.0 + (i64::from(span) * step as i64 / frames as i64) as i32;
            let end = Day(start + WINDOW_DAYS);
            let window = if *cumulative {
                TimeWindow::new(extent.start, end)
            } else {
                TimeWindow::new(Day(start), end)
            };
            // Sixty frames a second, for fading in.
            let now = (part * frames + step) as f64 / 60.0;
            let began = Instant::now();
            let view = scene.view(window);
            frame.prepare(scene, &view, camera, Selected::default(), now);
            std::hint::black_box(frame.hit(hover));
            times.push(began.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times
}

/// The process's peak resident memory so far, in MB (`VmHWM`).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line
        .trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kilobytes / 1024.0)
}
