//! What the user clicked: visits and events, by record, so that a selection
//! outlives a change of time window.

use crate::scene::{ItemRef, Scene, View};

/// The selected records, and which of them the source panel shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected visits.
    pub visits: Vec<ItemRef>,
    /// Selected events.
    pub events: Vec<ItemRef>,
    /// Which item the source panel shows: visits first, then events.
    pub focus: usize,
}

impl Selection {
    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty() && self.events.is_empty()
    }

    /// How many items are selected.
    pub fn len(&self) -> usize {
        self.visits.len() + self.events.len()
    }

    /// The selection of route `route` of `view`: its visits.
    pub fn of_route(scene: &Scene, view: &View, route: usize) -> Self {
        Self {
            visits: view.routes[route]
                .visits
                .iter()
                .map(|&visit| scene.visits[visit].item)
                .collect(),
            ..Self::default()
        }
    }

    /// The selection of some events (positions in `scene.events`).
    pub fn of_events(scene: &Scene, events: &[usize]) -> Self {
        Self {
            events: events
                .iter()
                .map(|&event| scene.events[event].item)
                .collect(),
            ..Self::default()
        }
    }

    /// Keeps only what `view` still shows.
    pub fn retain_visible(&mut self, scene: &Scene, view: &View) {
        let shown_visits: std::collections::HashSet<ItemRef> = view
            .routes
            .iter()
            .flat_map(|route| route.visits.iter().map(|&visit| scene.visits[visit].item))
            .collect();
        let shown_events: std::collections::HashSet<ItemRef> = view
            .events
            .iter()
            .map(|&event| scene.events[event].item)
            .collect();
        self.visits.retain(|item| shown_visits.contains(item));
        self.events.retain(|item| shown_events.contains(item));
        self.focus = self.focus.min(self.len().saturating_sub(1));
    }

    /// The routes of `view` that carry a selected visit.
    pub fn routes_in(&self, scene: &Scene, view: &View) -> Vec<usize> {
        if self.visits.is_empty() {
            return Vec::new();
        }
        (0..view.routes.len())
            .filter(|&route| {
                view.routes[route]
                    .visits
                    .iter()
                    .any(|&visit| self.visits.contains(&scene.visits[visit].item))
            })
            .collect()
    }

    /// The events of `view` (positions in `scene.events`) that are selected.
    pub fn events_in(&self, scene: &Scene, view: &View) -> Vec<usize> {
        view.events
            .iter()
            .copied()
            .filter(|&event| self.events.contains(&scene.events[event].item))
            .collect()
    }
}
