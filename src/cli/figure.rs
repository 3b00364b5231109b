//! `legation export -o OUT.png|.gif|.mp4`: the map drawn off screen, as a
//! still or as the playback frame by frame ([`legation::ui::figure`]).

use std::path::Path;

use legation::model::Day;
use legation::query::Compiled;
use legation::scene::{Step, TimeWindow};
use legation::workspace::Workspace;

use super::export::{Film, Output};
use super::{parse_day, parse_size};

/// The picture's and film's own arguments of `legation export`.
#[derive(Debug, clap::Args)]
pub struct PictureArgs {
    /// The picture's size in pixels (PNG: 1600x1000; films: 960x600).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    size: Option<[f32; 2]>,

    /// Pixels per point: 2 draws text, lines and markers twice as big. By
    /// default a wide picture is scaled to look as a 1600-pixel one does,
    /// only sharper (a 4000-pixel print figure at 2.5).
    #[arg(long, value_name = "S")]
    scale: Option<f32>,

    /// Films: frames a second.
    #[arg(long, value_name = "N", default_value_t = 4)]
    fps: u32,

    /// Films: how far each frame moves on (1d, 1w, 1m, 1y); by default
    /// the finest that keeps the film under 120 frames.
    #[arg(long, value_name = "1d|1w|1m|1y")]
    step: Option<Step>,

    /// Films: the first day (by default, the window's or the data's).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    from: Option<Day>,

    /// Films: the last day (by default, the window's or the data's).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    to: Option<Day>,
}

/// What the picture draws.
pub(super) struct Drawn<'a> {
    /// The files opened.
    pub workspace: &'a Workspace,
    /// The query, compiled.
    pub compiled: &'a Compiled,
    /// The query as typed, for the caption.
    pub query: &'a str,
    /// The days --window and --date select.
    pub window: Option<TimeWindow>,
    /// For films: a length given as --window, each frame's trail.
    pub trail: Option<Step>,
}

/// Frames a film has at most when no --step is given.
const DEFAULT_MAX_FRAMES: usize = 120;

/// The default picture sizes, in pixels.
const PNG_SIZE: [u32; 2] = [1600, 1000];
const FILM_SIZE: [u32; 2] = [960, 600];

/// The days a picture shows: those asked for, else the days the first
/// dataset names, else all of them.
fn days_shown(drawn: &Drawn<'_>) -> Result<TimeWindow, String> {
    drawn
        .window
        .or_else(|| drawn.workspace.window().as_ref().map(TimeWindow::from))
        .or_else(|| drawn.workspace.extent())
        .ok_or_else(|| "there is nothing dated to draw: check the files hold records".to_owned())
}

/// The windows of the film: --from to --to (by default the days shown) at
/// --step.
pub(super) fn film_windows(
    args: &PictureArgs,
    drawn: &Drawn<'_>,
) -> Result<Vec<TimeWindow>, String> {
    let span = days_shown(drawn)?;
    let (from, to) = (args.from.unwrap_or(span.start), args.to.unwrap_or(span.end));
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let step = args
        .step
        .unwrap_or_else(|| Step::fitting(from, to, DEFAULT_MAX_FRAMES));
    Ok(legation::scene::playback_windows(
        from,
        to,
        step,
        drawn.trail,
    ))
}

/// The size in whole pixels.
fn pixels(args: &PictureArgs, default: [u32; 2]) -> [u32; 2] {
    args.size.map_or(default, |[width, height]| {
        [width.round() as u32, height.round() as u32]
    })
}

/// The scale asked for, or the one that lays a `size` picture out as a
/// 1600-pixel-wide one.
fn scale(args: &PictureArgs, size: [u32; 2]) -> f32 {
    args.scale
        .unwrap_or_else(|| (size[0] as f32 / PNG_SIZE[0] as f32).max(1.0))
}

#[cfg(feature = "gui")]
pub(super) fn run(
    output: Output,
    drawn: &Drawn<'_>,
    args: &PictureArgs,
    path: &Path,
) -> Result<(), String> {
    use std::io::IsTerminal as _;
    use std::sync::Arc;

    use legation::gazetteer::Gazetteer;
    use legation::scene::Scene;
    use legation::ui::figure::{AnimationFormat, FigureRequest, write_animation, write_png};

    if path.as_os_str() == "-" {
        return Err("pictures and films are written to a file: give -o NAME.png".to_owned());
    }
    let scene = Scene::build(drawn.workspace.tables(), Gazetteer::bundled());
    let filter = (!drawn.compiled.is_empty()).then(|| {
        let matches: Vec<_> = drawn
            .workspace
            .files
            .iter()
            .map(|file| file.matches(drawn.compiled))
            .collect();
        Arc::new(scene.filter(&matches))
    });
    let size = pixels(
        args,
        if output == Output::Png {
            PNG_SIZE
        } else {
            FILM_SIZE
        },
    );
    let request = FigureRequest {
        scene: &scene,
        filter,
        query: drawn.query,
        size,
        scale: scale(args, size),
        camera: None,
        // Shown as the app opens it unless days were asked for.
        view_box: drawn
            .window
            .is_none()
            .then(|| drawn.workspace.view())
            .flatten(),
        dark: false,
    };
    let Output::Film(film) = output else {
        let window = days_shown(drawn)?;
        write_png(&request, window, path)?;
        eprintln!("drew {} to {}", window, path.display());
        return Ok(());
    };
    let film = match film {
        Film::Gif => AnimationFormat::Gif,
        Film::Mp4 => AnimationFormat::Mp4,
    };
    let windows = film_windows(args, drawn)?;
    let terminal = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if terminal {
            eprint!("\rframe {done}/{total}");
        }
    };
    let written = write_animation(&request, &windows, args.fps, film, path, &mut progress);
    if terminal {
        eprintln!();
    }
    written?;
    eprintln!(
        "drew {} frames ({} to {}) to {}",
        windows.len(),
        windows[0],
        windows[windows.len() - 1],
        path.display()
    );
    Ok(())
}

/// Without the app there is nothing to draw with.
#[cfg(not(feature = "gui"))]
pub(super) fn run(
    _output: Output,
    _drawn: &Drawn<'_>,
    _args: &PictureArgs,
    _path: &Path,
) -> Result<(), String> {
    Err(
        "this build draws no pictures (built without the `gui` feature): \
         rebuild with default features, or export .geojson, .csv, .kml or .json"
            .to_owned(),
    )
}
