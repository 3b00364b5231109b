//! `--screenshot`: save a PNG of the whole window once the map is drawn,
//! then close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{ColorImage, Context, ViewportCommand};

/// How the screenshot went, read after the window closes.
pub type Outcome = Arc<Mutex<Option<Result<(), String>>>>;

/// Frames in a row with every tile in place before the picture is taken.
const SETTLED_FRAMES: u32 = 5;
/// Frames after which the picture is taken whatever is still loading.
const MAX_FRAMES: u32 = 600;

/// A screenshot waiting for the map to settle.
pub struct ScreenshotJob {
    path: PathBuf,
    outcome: Outcome,
    settled_frames: u32,
    frames: u32,
    requested: bool,
}

impl ScreenshotJob {
    /// A screenshot to be saved at `path`.
    pub fn new(path: PathBuf, outcome: Outcome) -> Self {
        Self {
            path,
            outcome,
            settled_frames: 0,
            frames: 0,
            requested: false,
        }
    }

    /// Counts a frame; asks for the picture once the map has settled.
    pub fn step(&mut self, ctx: &Context, settled: bool) {
        if self.requested {
            return;
        }
        self.frames += 1;
        self.settled_frames = if settled { self.settled_frames + 1 } else { 0 };
        if self.settled_frames >= SETTLED_FRAMES || self.frames >= MAX_FRAMES {
            self.requested = true;
            let path = self.path.clone();
            let outcome = Arc::clone(&self.outcome);
            let close = ctx.clone();
            ctx.send_viewport_cmd(ViewportCommand::Screenshot(egui::ScreenshotCallback::new(
                move |image: Arc<ColorImage>| {
                    let saved = save_png(&image, &path);
                    if let Ok(mut slot) = outcome.lock() {
                        *slot = Some(saved);
                    }
                    close.send_viewport_cmd(ViewportCommand::Close);
                    close.request_repaint();
                },
            )));
        }
        ctx.request_repaint();
    }
}

fn save_png(image: &ColorImage, path: &std::path::Path) -> Result<(), String> {
    let [width, height] = image.size;
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, image.as_raw().to_vec())
        .ok_or_else(|| "the screenshot came back malformed".to_owned())?;
    // Written whole or not at all, like every file Legation writes.
    crate::save::write_atomically(path, |out| {
        buffer
            .write_to(out, image::ImageFormat::Png)
            .map_err(std::io::Error::other)
    })
    .map_err(|err| format!("{}: cannot save the screenshot: {err}", path.display()))
}
