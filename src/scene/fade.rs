//! Fading in what comes onto the map, so that playback reads as motion
//! rather than as things blinking on.
//!
//! Items are dense ids (routes, places), so the state is one `Vec` by id
//! and an update costs one step per drawn item, with no hashing.

/// How long an item takes to fade in, in seconds.
const FADE_SECONDS: f64 = 0.4;

/// When each drawn item first appeared.
#[derive(Clone, Debug, Default)]
pub struct Fade {
    /// By id: when it appeared, and the update it was last drawn in (0:
    /// never); side by side, as every update reads both.
    seen: Vec<Seen>,
    /// How many updates there have been.
    updates: u64,
}

#[derive(Clone, Copy, Debug, Default)]
struct Seen {
    first: f64,
    last_update: u64,
}

impl Fade {
    /// Takes the ids drawn at `now` (seconds); writes each one's opacity to
    /// `opacities`, in order. An id missing from the previous update
    /// starts again from transparent.
    pub fn update(
        &mut self,
        drawn: impl IntoIterator<Item = u32>,
        now: f64,
        opacities: &mut Vec<f32>,
    ) {
        self.updates += 1;
        opacities.clear();
        for id in drawn {
            let slot = id as usize;
            if slot >= self.seen.len() {
                self.seen.resize(slot + 1, Seen::default());
            }
            let seen = &mut self.seen[slot];
            if seen.last_update == 0 || seen.last_update + 1 != self.updates {
                seen.first = now;
            }
            seen.last_update = self.updates;
            opacities.push(((now - seen.first) / FADE_SECONDS).clamp(0.0, 1.0) as f32);
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
