//! What a time window shows, aggregated: its routes with their counts and
//! lanes, its places with their events by kind, the legend's totals; and
//! the box that fits them. Built for every frame of playback, reusing its
//! memory.

use std::sync::Arc;

use super::routes::RouteTally;
use super::{
    CountryCode, GeoPoint, KINDS, Scene, SceneFilter, ShownRoute, TimeWindow, from_mercator,
    great_circle,
};

impl Scene {
    /// Everything `window` shows, aggregated: its routes with their counts
    /// and lanes, its events' places with their counts by kind, and the
    /// legend's totals. Time is linear in the window's records.
    pub fn view(&self, window: TimeWindow) -> View {
        let mut view = View::default();
        self.view_into(window, &mut view);
        view
    }

    /// [`Scene::view`] into `view`, reusing its memory: what the app does
    /// whenever the window changes, which is every frame of playback.
    pub fn view_into(&self, window: TimeWindow, view: &mut View) {
        self.view_filtered_into(window, None, view);
    }

    /// [`Scene::view_into`] of only the records `filter` keeps.
    pub fn view_filtered_into(
        &self,
        window: TimeWindow,
        filter: Option<&Arc<SceneFilter>>,
        view: &mut View,
    ) {
        view.window = window;
        view.filter = filter.cloned();
        let filter = filter.map(Arc::as_ref);
        let View {
            routes,
            places,
            origins,
            kinds,
            scratch,
            ..
        } = view;
        let ViewScratch {
            tally,
            by_origin,
            places: place_tally,
        } = scratch;
        let mut tally_places = || self.tally_places(window, filter, places, kinds, place_tally);
        // Routes and places are counted apart; for a busy window, at once
        // on two cores (a thread costs tens of microseconds).
        if self.event_times.count_starting(window.start, window.end) >= PARALLEL_EVENTS {
            std::thread::scope(|scope| {
                scope.spawn(tally_places);
                self.tally_routes(window, filter, routes, origins, tally, by_origin);
            });
        } else {
            tally_places();
            self.tally_routes(window, filter, routes, origins, tally, by_origin);
        }
    }

    /// The routes of `window`'s visits, with their counts and lanes, and
    /// the visits per origin.
    fn tally_routes(
        &self,
        window: TimeWindow,
        filter: Option<&SceneFilter>,
        routes: &mut Vec<ShownRoute>,
        origins: &mut Vec<(Option<CountryCode>, usize)>,
        tally: &mut RouteTally,
        by_origin: &mut Vec<Option<usize>>,
    ) {
        tally.start(self.routes.len(), self.pairs);
        match filter {
            None => self
                .visit_times
                .for_each_in(&window, |slot| tally.add(slot.route, slot.exact)),
            Some(filter) => self.visit_times.for_each_in(&window, |slot| {
                if filter.visits.contains(slot.visit as usize) {
                    tally.add(slot.route, slot.exact);
                }
            }),
        }
        tally.finish(&self.route_briefs, routes);

        // Per origin, in the order its first route was met (ties keep it).
        by_origin.clear();
        by_origin.resize(self.origins.len() + 1, None);
        origins.clear();
        for shown in routes.iter() {
            let rank = self.origin_rank(shown.route).unwrap_or(self.origins.len());
            let slot = *by_origin[rank].get_or_insert_with(|| {
                origins.push((self.origins.get(rank).copied(), 0));
                origins.len() - 1
            });
            origins[slot].1 += shown.count as usize;
        }
        origins.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    }

    /// The places of `window`'s events, with their counts by kind, and the
    /// events per kind.
    fn tally_places(
        &self,
        window: TimeWindow,
        filter: Option<&SceneFilter>,
        places: &mut Vec<ShownPlace>,
        totals: &mut [usize; KINDS],
        tally: &mut PlaceTally,
    ) {
        let PlaceTally {
            kinds,
            exact,
            touched,
        } = tally;
        if exact.len() != self.places.len() {
            *kinds = vec![0; self.places.len() * KINDS];
            *exact = vec![None; self.places.len()];
        }
        self.event_times.for_each_in(&window, |slot| {
            if filter.is_some_and(|filter| !filter.events.contains(slot.event as usize)) {
                return;
            }
            let place = slot.place as usize;
            let seen = exact[place].get_or_insert_with(|| {
                touched.push(slot.place);
                false
            });
            *seen |= slot.exact;
            kinds[place * KINDS + usize::from(slot.kind)] += 1;
        });
        touched.sort_unstable();
        *totals = [0; KINDS];
        places.clear();
        for &place in touched.iter() {
            let slot = place as usize;
            let mut counts = [0u32; KINDS];
            counts.copy_from_slice(&kinds[slot * KINDS..(slot + 1) * KINDS]);
            kinds[slot * KINDS..(slot + 1) * KINDS].fill(0);
            for (total, &count) in totals.iter_mut().zip(&counts) {
                *total += count as usize;
            }
            places.push(ShownPlace {
                place,
                count: counts.iter().sum(),
                kinds: counts,
                exact: exact[slot].take().unwrap_or(false),
            });
        }
        touched.clear();
    }
}

/// Windows with at least this many events starting in them count their
/// places on a second thread, beside their routes.
const PARALLEL_EVENTS: usize = 4096;

/// A place with events in a time window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShownPlace {
    /// The place, as a position in [`Scene::places`].
    pub place: u32,
    /// How many of the window's events happened there.
    pub count: u32,
    /// How many of each kind, in [`EventKind::ALL`](crate::model::EventKind::ALL) order.
    pub kinds: [u32; KINDS],
    /// Whether any of them is dated to a known day.
    pub exact: bool,
}

/// Points along each arc that fitting the view looks at: enough to find
/// how far it bows.
const FIT_ARC_SEGMENTS: usize = 16;

/// What a time window shows, aggregated; turned into shapes by [`Frame`](super::Frame).
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The window.
    pub window: TimeWindow,
    /// Its routes, by route id.
    pub routes: Vec<ShownRoute>,
    /// The places of its events, by place id.
    pub places: Vec<ShownPlace>,
    /// Its visits per delegations' country, most first.
    pub origins: Vec<(Option<CountryCode>, usize)>,
    /// Its events per kind, in [`EventKind::ALL`](crate::model::EventKind::ALL) order.
    pub kinds: [usize; KINDS],
    /// The query's filter, when one is active: only what it keeps is
    /// counted, drawn and listed.
    pub filter: Option<Arc<SceneFilter>>,
    /// Counters as long as the scene's routes and places, kept for the
    /// next window ([`Scene::view_into`]).
    scratch: ViewScratch,
}

/// What aggregating a window counts into; all zero between windows.
#[derive(Clone, Default)]
struct ViewScratch {
    tally: RouteTally,
    /// Per origin rank, its position in [`View::origins`].
    by_origin: Vec<Option<usize>>,
    places: PlaceTally,
}

impl std::fmt::Debug for ViewScratch {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("ViewScratch")
    }
}

/// Counts a window's events per place and kind.
#[derive(Clone, Default)]
struct PlaceTally {
    /// Per place, [`KINDS`] counters.
    kinds: Vec<u32>,
    /// Per place: `None` until an event there is counted, then whether
    /// any is dated to a known day.
    exact: Vec<Option<bool>>,
    touched: Vec<u32>,
}

impl View {
    /// Whether visit `position` (in [`Scene::visits`]) passes the query.
    pub fn keeps_visit(&self, position: usize) -> bool {
        self.filter
            .as_ref()
            .is_none_or(|filter| filter.visits.contains(position))
    }

    /// Whether event `position` (in [`Scene::events`]) passes the query.
    pub fn keeps_event(&self, position: usize) -> bool {
        self.filter
            .as_ref()
            .is_none_or(|filter| filter.events.contains(position))
    }

    /// How many visits the window shows.
    pub fn visit_count(&self) -> usize {
        self.routes.iter().map(|route| route.count as usize).sum()
    }

    /// How many events the window shows.
    pub fn event_count(&self) -> usize {
        self.kinds.iter().sum()
    }

    /// The south-west and north-east corners of every place the window
    /// shows, for fitting the map to the data.
    pub fn bounds(&self, scene: &Scene) -> Option<(GeoPoint, GeoPoint)> {
        let mut arc = Vec::new();
        let extend = |bounds: Option<(GeoPoint, GeoPoint)>, point: GeoPoint| {
            let (south_west, north_east) = bounds.unwrap_or((point, point));
            Some((
                GeoPoint::new(south_west.lat.min(point.lat), south_west.lon.min(point.lon)),
                GeoPoint::new(north_east.lat.max(point.lat), north_east.lon.max(point.lon)),
            ))
        };
        let mut bounds = None;
        for shown in &self.routes {
            let route = &scene.routes[shown.route as usize];
            bounds = extend(bounds, route.to.point);
            let Some(from) = &route.from else { continue };
            bounds = extend(bounds, from.point);
            // An arc bows toward a pole, beyond both its ends; one that
            // crosses the antimeridian is fitted by its ends.
            let (points, split) = great_circle(from.point, route.to.point, FIT_ARC_SEGMENTS);
            if split == points.len() {
                arc.clear();
                arc.extend(points.iter().map(|&xy| from_mercator(xy)));
                for &point in &arc {
                    bounds = extend(bounds, point);
                }
            }
        }
        for shown in &self.places {
            bounds = extend(bounds, scene.places[shown.place as usize].point);
        }
        bounds
    }
}
