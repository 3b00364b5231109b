//! How many arcs a frame may draw, lowered while a slow renderer makes
//! playback frames late and raised again when they come fast.

/// The most arcs one frame draws.
pub const MAX_DRAWN_ARCS: usize = 1500;
/// The fewest arcs [`ArcBudget`] lets a frame draw, however slow frames are.
pub const MIN_DRAWN_ARCS: usize = 200;
/// Frames slower than this (20 a second) shrink the [`ArcBudget`]...
const SLOW_FRAME_SECONDS: f32 = 1.0 / 20.0;
/// ...and frames faster than this (40 a second) let it grow back.
const FAST_FRAME_SECONDS: f32 = 1.0 / 40.0;

/// How many arcs a frame may draw: [`MAX_DRAWN_ARCS`] while frames come
/// fast, fewer (down to [`MIN_DRAWN_ARCS`]) while a slow renderer, such as
/// a software rasterizer or an old GPU, makes playback stutter. Translucent
/// arcs across the whole screen cost such a renderer far more than
/// preparing them costs the CPU. It also keeps how fast frames come, for
/// the user to see.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArcBudget {
    arcs: usize,
    /// A moving average of frame times, in seconds, once there is one.
    frame_seconds: Option<f32>,
}

impl Default for ArcBudget {
    fn default() -> Self {
        Self {
            arcs: MAX_DRAWN_ARCS,
            frame_seconds: None,
        }
    }
}

impl ArcBudget {
    /// How many arcs a frame may draw now.
    pub fn arcs(self) -> usize {
        self.arcs
    }

    /// How many frames came a second, lately, if any frame time was given.
    pub fn frames_per_second(self) -> Option<f32> {
        self.frame_seconds
            .filter(|&seconds| seconds > 0.0)
            .map(|seconds| 1.0 / seconds)
    }

    /// Adapts to how long the last frame took, in seconds: a third fewer
    /// arcs after a slow frame, an eighth more after a fast one.
    pub fn adapt(&mut self, frame_seconds: f32) {
        // About the last twenty frames weigh in.
        self.frame_seconds = Some(
            self.frame_seconds
                .map_or(frame_seconds, |mean| mean + (frame_seconds - mean) / 10.0),
        );
        if frame_seconds > SLOW_FRAME_SECONDS {
            self.arcs = (self.arcs * 2 / 3).max(MIN_DRAWN_ARCS);
        } else if frame_seconds < FAST_FRAME_SECONDS {
            self.arcs = (self.arcs + self.arcs / 8 + 1).min(MAX_DRAWN_ARCS);
        }
    }
}
