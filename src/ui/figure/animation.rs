//! The playback as a film: one figure per window, captioned with its
//! days, as a looping GIF (the `image` crate's encoder) or an MP4
//! (`ffmpeg`, when installed, fed raw frames on its standard input).

use std::io::Write as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};

use image::codecs::gif::{GifEncoder, Repeat};
use image::{Delay, Frame, RgbaImage};

use super::{Caption, FigureDrawer, FigureRequest, filtered_view};
use crate::scene::TimeWindow;

/// The films Legation writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnimationFormat {
    /// A looping GIF: plays anywhere, pastes into slides and chats.
    Gif,
    /// H.264 in MP4 through `ffmpeg`: smaller and sharper for long films.
    Mp4,
}

/// How hard the GIF encoder works on each frame's palette: 1 is best and
/// slowest, 30 fastest; 10 keeps the map's colours at a few frames a
/// second.
const GIF_SPEED: i32 = 10;

/// The most frames a film may have: beyond this a step is surely too fine
/// for the span (ten thousand days at one a frame is eleven minutes at
/// 15 fps).
pub const MAX_FRAMES: usize = 10_000;

/// Draws one frame per window of `windows` and writes them to `path` at
/// `fps` frames a second, calling `progress(done, total)` after each.
/// The camera is fitted once to the whole span, so that it stands still.
///
/// # Errors
/// When no graphics device is available, `ffmpeg` is missing or fails
/// (MP4), or `path` cannot be written. Nothing is left at `path` then.
pub fn write_animation(
    request: &FigureRequest<'_>,
    windows: &[TimeWindow],
    fps: u32,
    format: AnimationFormat,
    path: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(), String> {
    let (Some(first), Some(last)) = (windows.first(), windows.last()) else {
        return Err("the film has no frames: check --from is before --to".to_owned());
    };
    if windows.len() > MAX_FRAMES {
        return Err(format!(
            "{} frames is too many (at most {MAX_FRAMES}): give a longer --step or a shorter span",
            windows.len()
        ));
    }
    if !(1..=60).contains(&fps) {
        return Err(format!("--fps {fps}: give 1 to 60 frames a second"));
    }
    let mut drawer = FigureDrawer::new(request)?;
    drawer.set_scene(request.scene);
    let span = filtered_view(request, TimeWindow::new(first.start, last.end));
    let mut frames = windows.iter().enumerate().map(|(index, &window)| {
        let view = filtered_view(request, window);
        let image = drawer.draw(
            request.scene,
            &view,
            &span,
            &Caption::new(window, request.query),
        );
        progress(index + 1, windows.len());
        image
    });
    match format {
        AnimationFormat::Gif => write_gif(&mut frames, fps, path),
        AnimationFormat::Mp4 => write_mp4(&mut frames, request.size, fps, path),
    }
}

/// The frames drawn one at a time, so that a long film never holds more
/// than one in memory.
type Frames<'a> = dyn Iterator<Item = Result<RgbaImage, String>> + 'a;

fn write_gif(frames: &mut Frames<'_>, fps: u32, path: &Path) -> Result<(), String> {
    let cannot = |err: &dyn std::fmt::Display| format!("cannot write {}: {err}", path.display());
    let mut failure = None;
    let written = crate::save::write_atomically(path, |out| {
        let mut encoder = GifEncoder::new_with_speed(out, GIF_SPEED);
        encoder
            .set_repeat(Repeat::Infinite)
            .map_err(std::io::Error::other)?;
        let delay = Delay::from_numer_denom_ms(1000, fps);
        for frame in frames {
            let image = frame.map_err(|err| {
                failure = Some(err);
                std::io::Error::other("a frame could not be drawn")
            })?;
            encoder
                .encode_frame(Frame::from_parts(image, 0, 0, delay))
                .map_err(std::io::Error::other)?;
        }
        Ok(())
    });
    match (written, failure) {
        (_, Some(failure)) => Err(failure),
        (Err(err), None) => Err(cannot(&err)),
        (Ok(()), None) => Ok(()),
    }
}

fn write_mp4(frames: &mut Frames<'_>, size: [u32; 2], fps: u32, path: &Path) -> Result<(), String> {
    let temporary = crate::save::temporary_path(path);
    let mut ffmpeg = start_ffmpeg(size, fps, &temporary)?;
    let fed = feed(&mut ffmpeg, frames);
    // Closing its input tells ffmpeg the film is over.
    drop(ffmpeg.stdin.take());
    let finished = ffmpeg
        .wait_with_output()
        .map_err(|err| format!("ffmpeg did not finish: {err}"));
    let outcome = finished.and_then(|output| {
        // ffmpeg's own words say more than the broken pipe it leaves.
        if !output.status.success() {
            return Err(format!(
                "ffmpeg could not write the film ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        fed?;
        std::fs::rename(&temporary, path)
            .map_err(|err| format!("cannot write {}: {err}", path.display()))
    });
    if outcome.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    outcome
}

/// `ffmpeg` reading raw RGBA frames on its input and writing H.264 (or its
/// build's default MP4 codec) to `out`.
fn start_ffmpeg(size: [u32; 2], fps: u32, out: &Path) -> Result<Child, String> {
    Command::new("ffmpeg")
        .args(["-hide_banner", "-loglevel", "error", "-y"])
        .args(["-f", "rawvideo", "-pixel_format", "rgba"])
        .args(["-video_size", &format!("{}x{}", size[0], size[1])])
        .args(["-framerate", &fps.to_string(), "-i", "-"])
        // Players want even sides and 4:2:0 colour.
        .args([
            "-vf",
            "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-pix_fmt",
            "yuv420p",
        ])
        .args(["-movflags", "+faststart", "-f", "mp4"])
        .arg(out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| {
            if err.kind() == std::io::ErrorKind::NotFound {
                "writing MP4 needs ffmpeg, which is not installed (not found on the PATH): \
                 install it (`apt install ffmpeg`, `brew install ffmpeg`) or write a .gif instead"
                    .to_owned()
            } else {
                format!("cannot start ffmpeg: {err}")
            }
        })
}

fn feed(ffmpeg: &mut Child, frames: &mut Frames<'_>) -> Result<(), String> {
    let Some(stdin) = ffmpeg.stdin.as_mut() else {
        return Err("ffmpeg has no input".to_owned());
    };
    for frame in frames {
        stdin
            .write_all(frame?.as_raw())
            .map_err(|err| format!("ffmpeg stopped reading frames: {err}"))?;
    }
    Ok(())
}
