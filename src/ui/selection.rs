//! What the user clicked: visits and events, by record, so that a selection
//! outlives a change of time window; with the routes and places they are
//! on, worked out once per change, so that drawing them marked costs a
//! binary search per shape, not a scan per frame.

use crate::edit::Target;
use crate::scene::{ItemRef, Scene, Selected, View};

/// The selected records, and which of them the source panel shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected visits.
    pub visits: Vec<ItemRef>,
    /// Selected events.
    pub events: Vec<ItemRef>,
    /// Which item the source panel shows: visits first, then events.
    pub focus: usize,
    /// The routes of the selected visits, sorted.
    routes: Vec<u32>,
    /// The places of the selected events, sorted.
    places: Vec<u32>,
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

    /// The selection of route `route` of `view` (a position in
    /// [`View::routes`]): its visits in the window.
    pub fn of_route(scene: &Scene, view: &View, route: usize) -> Self {
        let id = view.routes[route].route;
        Self {
            visits: scene
                .visits_of(id, view.window)
                .filter(|&visit| view.keeps_visit(visit))
                .map(|visit| scene.visits[visit].item)
                .collect(),
            routes: vec![id],
            ..Self::default()
        }
    }

    /// The selection of some events (positions in `scene.events`).
    pub fn of_events(scene: &Scene, events: &[usize]) -> Self {
        let mut selection = Self {
            events: events
                .iter()
                .map(|&event| scene.events[event].item)
                .collect(),
            ..Self::default()
        };
        selection.locate(scene);
        selection
    }

    /// The selection of one record (of file `file`), if the scene holds it.
    pub fn of_record(scene: &Scene, file: usize, target: Target) -> Option<Self> {
        let mut selection = Self::default();
        match target {
            Target::Visit(index) => {
                let item = ItemRef {
                    dataset: file,
                    index,
                };
                scene.visit_position(item)?;
                selection.visits.push(item);
            }
            Target::Event(index) => {
                let item = ItemRef {
                    dataset: file,
                    index,
                };
                scene.event_position(item)?;
                selection.events.push(item);
            }
        }
        selection.locate(scene);
        Some(selection)
    }

    /// The record the source panel shows: its file, and which it is.
    pub fn focused(&self) -> Option<(usize, Target)> {
        if let Some(item) = self.visits.get(self.focus) {
            return Some((item.dataset, Target::Visit(item.index)));
        }
        let item = self.events.get(self.focus - self.visits.len())?;
        Some((item.dataset, Target::Event(item.index)))
    }

    /// Keeps only what `view` still shows.
    pub fn retain_visible(&mut self, scene: &Scene, view: &View) {
        let window = view.window;
        self.visits.retain(|&item| {
            scene.visit_position(item).is_some_and(|position| {
                let visit = &scene.visits[position];
                window.overlaps(visit.first_day, visit.last_day) && view.keeps_visit(position)
            })
        });
        self.events.retain(|&item| {
            scene.event_position(item).is_some_and(|position| {
                let event = &scene.events[position];
                window.overlaps(event.first_day, event.last_day) && view.keeps_event(position)
            })
        });
        self.focus = self.focus.min(self.len().saturating_sub(1));
        self.locate(scene);
    }

    /// The routes and places to mark, for [`crate::scene::Frame::prepare`].
    pub fn marked(&self) -> Selected<'_> {
        Selected {
            routes: &self.routes,
            places: &self.places,
        }
    }

    /// Finds the routes and places of the selected records.
    fn locate(&mut self, scene: &Scene) {
        self.routes = self
            .visits
            .iter()
            .filter_map(|&item| scene.visit_position(item))
            .map(|visit| scene.visits[visit].route)
            .collect();
        self.routes.sort_unstable();
        self.routes.dedup();
        self.places = self
            .events
            .iter()
            .filter_map(|&item| scene.event_position(item))
            .map(|event| scene.events[event].place)
            .collect();
        self.places.sort_unstable();
        self.places.dedup();
    }
}
