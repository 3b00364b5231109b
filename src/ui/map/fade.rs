//! Fading in what enters the time window, so that playback reads as
//! motion rather than as things blinking on.

use std::collections::HashMap;
use std::hash::Hash;

/// How long an item takes to fade in, in seconds.
const FADE_SECONDS: f64 = 0.4;

/// When each shown item first appeared.
#[derive(Debug)]
pub struct FadeIn<K> {
    first_seen: HashMap<K, f64>,
}

impl<K> Default for FadeIn<K> {
    fn default() -> Self {
        Self {
            first_seen: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Copy> FadeIn<K> {
    /// Takes the items shown at `now` (seconds); returns each one's opacity,
    /// in order, and forgets items no longer shown (so they fade in again
    /// when they come back).
    pub fn update(&mut self, shown: impl IntoIterator<Item = K>, now: f64) -> Vec<f32> {
        let mut first_seen = HashMap::with_capacity(self.first_seen.len());
        let opacities = shown
            .into_iter()
            .map(|key| {
                let since = *first_seen
                    .entry(key)
                    .or_insert_with(|| self.first_seen.get(&key).copied().unwrap_or(now));
                ((now - since) / FADE_SECONDS).clamp(0.0, 1.0) as f32
            })
            .collect();
        self.first_seen = first_seen;
        opacities
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_items_fade_in_and_known_ones_stay_opaque() {
        let mut fade = FadeIn::default();
        assert_eq!(fade.update([1, 2], 10.0), vec![0.0, 0.0]);
        assert_eq!(fade.update([1, 2], 10.2), vec![0.5, 0.5]);
        assert_eq!(fade.update([1, 2, 3], 11.0), vec![1.0, 1.0, 0.0]);
        // 1 leaves; when it comes back it fades in again.
        fade.update([2, 3], 12.0);
        assert_eq!(fade.update([1, 2], 12.0), vec![0.0, 1.0]);
    }
}
