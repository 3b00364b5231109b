//! How far a long job has got, shared between the thread doing it and the
//! one showing it: plain atomics, so that reporting never waits on a lock.

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// The steps of opening a file, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading the bytes from disk.
    Reading,
    /// Reading the records.
    Parsing,
    /// Looking the places up and sorting the records by date.
    Placing,
}

impl Stage {
    const ALL: [Self; 3] = [Self::Reading, Self::Parsing, Self::Placing];

    /// What the stage does, for a progress bar.
    pub fn label(self) -> &'static str {
        match self {
            Self::Reading => "Reading",
            Self::Parsing => "Reading records",
            Self::Placing => "Placing on the map",
        }
    }
}

/// A job's stage, and how much of it is done.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Starts `stage`, which has `total` units of work.
    pub fn start(&self, stage: Stage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Records `units` more done.
    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// The current stage.
    pub fn stage(&self) -> Stage {
        Stage::ALL[usize::from(self.stage.load(Ordering::Relaxed)).min(Stage::ALL.len() - 1)]
    }

    /// How much of the current stage is done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed);
        if total == 0 {
            return 0.0;
        }
        (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_stage_and_its_fraction() {
        let progress = Progress::default();
        assert!(progress.fraction() < f32::EPSILON);
        progress.start(Stage::Parsing, 200);
        progress.advance(50);
        assert_eq!(progress.stage(), Stage::Parsing);
        assert!((progress.fraction() - 0.25).abs() < 1e-6);
        progress.advance(500);
        assert!(
            (progress.fraction() - 1.0).abs() < f32::EPSILON,
            "never past the end"
        );
        progress.start(Stage::Placing, 10);
        assert!(
            progress.fraction() < f32::EPSILON,
            "a new stage starts at zero"
        );
    }
}
