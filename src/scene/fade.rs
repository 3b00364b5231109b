//! Fading in what enters the time window, so that playback reads as
//! motion rather than as things blinking on.
//!
//! Items are dense ids (routes, places), so the state is two `Vec`s by id
//! and an update costs one step per shown item, with no hashing.

/// How long an item takes to fade in, in seconds.
const FADE_SECONDS: f64 = 0.4;

/// When each shown item first appeared.
#[derive(Clone, Debug, Default)]
pub struct Fade {
    /// When each id appeared, while it stays shown.
    first_seen: Vec<f64>,
    /// The update each id was last shown in (0: never).
    shown_in: Vec<u64>,
    /// How many updates there have been.
    updates: u64,
}

impl Fade {
    /// Takes the ids shown at `now` (seconds); writes each one's opacity to
    /// `opacities`, in order. An id missing from the previous update
    /// starts again from transparent.
    pub fn update(
        &mut self,
        shown: impl IntoIterator<Item = u32>,
        now: f64,
        opacities: &mut Vec<f32>,
    ) {
        self.updates += 1;
        opacities.clear();
        for id in shown {
            let slot = id as usize;
            if slot >= self.shown_in.len() {
                self.shown_in.resize(slot + 1, 0);
                self.first_seen.resize(slot + 1, now);
            }
            if self.shown_in[slot] + 1 != self.updates {
                self.first_seen[slot] = now;
            }
            self.shown_in[slot] = self.updates;
            opacities.push(((now - self.first_seen[slot]) / FADE_SECONDS).clamp(0.0, 1.0) as f32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_items_fade_in_and_known_ones_stay_opaque() {
        let mut fade = Fade::default();
        let mut opacities = Vec::new();
        fade.update([1, 2], 10.0, &mut opacities);
        assert_eq!(opacities, [0.0, 0.0]);
        fade.update([1, 2], 10.2, &mut opacities);
        assert_eq!(opacities, [0.5, 0.5]);
        fade.update([1, 2, 3], 11.0, &mut opacities);
        assert_eq!(opacities, [1.0, 1.0, 0.0]);
        // 1 leaves; when it comes back it fades in again.
        fade.update([2, 3], 12.0, &mut opacities);
        fade.update([1, 2], 12.0, &mut opacities);
        assert_eq!(opacities, [0.0, 1.0]);
    }
}
