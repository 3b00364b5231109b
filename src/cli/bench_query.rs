//! `legation bench`'s queries: field queries and text queries applied as
//! the app applies them (compile, evaluate every file, filter the scene,
//! count the window), and playback with a query in force.

use std::sync::Arc;
use std::time::Instant;

use legation::gazetteer::Gazetteer;
use legation::query::Query;
use legation::scene::{Scene, TimeWindow, View};
use legation::workspace::Workspace;
use serde::Serialize;

/// Field queries: the rows alone answer them.
const FIELD_QUERIES: &[&str] = &[
    "to:CN",
    "from:US,RU,CN",
    "kind:parade,missile_launch",
    "-to:KP is:unreviewed",
    "precision:day at:Moscow",
    "confidence:low,none kind:visit",
    r#"to:"North Korea" -from:US"#,
    "kind:visit precision:month,year",
];

/// Text queries: the records' folded words answer them.
const TEXT_QUERIES: &[&str] = &[
    "moscow",
    r#""victory day""#,
    "person:putin",
    r#"source:"news" to:CN"#,
];

/// How many times each query is applied.
const ROUNDS: usize = 5;

/// What the queries took.
#[derive(Debug, Default, Serialize)]
pub struct QueryReport {
    query_ms_p50: f64,
    query_ms_p99: f64,
    /// Reading every record's words, once, for the first text query.
    text_index_s: f64,
    phrase_ms_p50: f64,
    phrase_ms_p99: f64,
    /// Playback with a field query in force.
    filtered_frame_ms_p50: f64,
    filtered_frame_ms_p99: f64,
}

impl QueryReport {
    /// The figures, in words.
    pub fn print(&self) {
        println!(
            "field queries: p50 {:.2} ms, p99 {:.2} ms",
            self.query_ms_p50, self.query_ms_p99
        );
        println!(
            "text queries: words read in {:.2} s once, then p50 {:.2} ms, p99 {:.2} ms",
            self.text_index_s, self.phrase_ms_p50, self.phrase_ms_p99
        );
        println!(
            "playback with a query: p50 {:.2} ms, p99 {:.2} ms",
            self.filtered_frame_ms_p50, self.filtered_frame_ms_p99
        );
    }
}

/// Applies the scripted queries to everything open, and plays back with
/// one in force.
pub fn measure(
    workspace: &Workspace,
    scene: &Scene,
    extent: TimeWindow,
    frames: usize,
) -> QueryReport {
    let window = TimeWindow::new(extent.start, extent.start.add_days(365));
    let mut view = View::default();
    let mut apply = |text: &str| {
        let began = Instant::now();
        let Ok(compiled) = Query::parse(text).and_then(|query| query.compile(Gazetteer::bundled()))
        else {
            return f64::NAN;
        };
        let matches: Vec<_> = workspace
            .files
            .iter()
            .map(|file| file.matches(&compiled))
            .collect();
        let filter = Arc::new(scene.filter(&matches));
        scene.view_filtered_into(window, Some(&filter), &mut view);
        began.elapsed().as_secs_f64() * 1000.0
    };
    let mut field: Vec<f64> = (0..ROUNDS)
        .flat_map(|_| FIELD_QUERIES.iter())
        .map(|text| apply(text))
        .collect();
    let began = Instant::now();
    for file in &workspace.files {
        std::hint::black_box(file.text());
    }
    let text_index_s = began.elapsed().as_secs_f64();
    let mut text: Vec<f64> = (0..ROUNDS)
        .flat_map(|_| TEXT_QUERIES.iter())
        .map(|text| apply(text))
        .collect();
    let filter = Query::parse("precision:day")
        .and_then(|query| query.compile(Gazetteer::bundled()))
        .map(|compiled| {
            let matches: Vec<_> = workspace
                .files
                .iter()
                .map(|file| file.matches(&compiled))
                .collect();
            Arc::new(scene.filter(&matches))
        })
        .ok();
    let (mut playback, _) = super::bench::frame_times(scene, extent, frames, filter.as_ref());
    let (query_ms_p50, query_ms_p99) = percentiles(&mut field);
    let (phrase_ms_p50, phrase_ms_p99) = percentiles(&mut text);
    let (filtered_frame_ms_p50, filtered_frame_ms_p99) = percentiles(&mut playback);
    QueryReport {
        query_ms_p50,
        query_ms_p99,
        text_index_s,
        phrase_ms_p50,
        phrase_ms_p99,
        filtered_frame_ms_p50,
        filtered_frame_ms_p99,
    }
}

/// The median and 99th percentile of `times`.
fn percentiles(times: &mut [f64]) -> (f64, f64) {
    if times.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    times.sort_by(f64::total_cmp);
    let at = |share: f64| {
        let rank = ((times.len() as f64 * share).ceil() as usize).clamp(1, times.len());
        times[rank - 1]
    };
    (at(0.5), at(0.99))
}
