//! A query's matches as the scene sees them: a bit per placed visit and
//! event, and the kept records' first days sorted, for the timeline's
//! histogram of what the query keeps over the whole.

use super::time_index::{count_starting, sort_by_day};
use super::{HistogramBin, KINDS, Scene, kind_slot};
use crate::model::Day;
use crate::query::{BitSet, Matches};

/// Records from which a filter is built on two cores.
const PARALLEL_RECORDS: usize = 100_000;

/// The placed records a query keeps.
#[derive(Clone, Debug, Default)]
pub struct SceneFilter {
    /// Kept visits, by position in [`Scene::visits`].
    pub visits: BitSet,
    /// Kept events, by position in [`Scene::events`].
    pub events: BitSet,
    visit_starts: Vec<Day>,
    kind_starts: Vec<Vec<Day>>,
}

impl SceneFilter {
    /// How many placed visits and events it keeps.
    pub fn counts(&self) -> (usize, usize) {
        (self.visits.count(), self.events.count())
    }
}

impl Scene {
    /// The filter of `matches` (one per dataset, by row, in the order the
    /// scene was built from).
    pub fn filter(&self, matches: &[Matches]) -> SceneFilter {
        let kept =
            |bits: Option<&BitSet>, index: usize| bits.is_some_and(|bits| bits.contains(index));
        let visits = || {
            let mut bits = BitSet::new(self.visits.len(), false);
            let mut starts = Vec::new();
            for (position, visit) in self.visits.iter().enumerate() {
                let file = matches.get(visit.item.dataset).map(|m| &m.visits);
                if kept(file, visit.item.index) {
                    bits.set(position, true);
                    starts.push(visit.first_day);
                }
            }
            sort_by_day(&mut starts, |&day| day);
            (bits, starts)
        };
        let events = || {
            let mut bits = BitSet::new(self.events.len(), false);
            let mut kind_starts = vec![Vec::new(); KINDS];
            for (position, event) in self.events.iter().enumerate() {
                let file = matches.get(event.item.dataset).map(|m| &m.events);
                if kept(file, event.item.index) {
                    bits.set(position, true);
                    kind_starts[kind_slot(event.kind)].push(event.first_day);
                }
            }
            for starts in &mut kind_starts {
                sort_by_day(starts, |&day| day);
            }
            (bits, kind_starts)
        };
        // Visits on one core, events on another, when there are many.
        let ((visits, visit_starts), (events, kind_starts)) =
            if self.visits.len() + self.events.len() >= PARALLEL_RECORDS {
                std::thread::scope(|scope| {
                    let events = scope.spawn(events);
                    (visits(), crate::threads::joined(events))
                })
            } else {
                (visits(), events())
            };
        SceneFilter {
            visits,
            events,
            visit_starts,
            kind_starts,
        }
    }

    /// [`Scene::histogram`] of only what `filter` keeps.
    pub fn filtered_histogram(&self, edges: &[Day], filter: &SceneFilter) -> Vec<HistogramBin> {
        edges
            .windows(2)
            .map(|pair| HistogramBin {
                start: pair[0],
                end: pair[1],
                visits: count_starting(&filter.visit_starts, pair[0], pair[1]),
                events: filter
                    .kind_starts
                    .iter()
                    .map(|starts| count_starting(starts, pair[0], pair[1]))
                    .collect(),
            })
            .collect()
    }
}
