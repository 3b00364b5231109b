//! What to draw: records placed on the globe, filtered to a time window,
//! visits aggregated into routes and events grouped by place, and one
//! frame's shapes in screen units.
//!
//! Built once per change of data: places and routes are numbered densely
//! then (see [`Route`]; routes by the first day of their visits, so that a
//! window's routes sit side by side in memory), and time indexes carry each
//! record's route or place, so that a window ([`Scene::view_into`]) is
//! aggregated by counting into `Vec`s by id, kept from one window to the
//! next, with no hashing and no per-record allocation. A frame
//! ([`Frame::prepare`]) turns a view and a camera into culled, capped,
//! projected polylines and clustered markers, with a spatial index for
//! hit-testing; the ui paints that and `legation bench` times it. Knows
//! nothing of egui.

mod budget;
mod camera;
mod cluster;
mod fade;
mod filter;
mod frame;
mod geometry;
mod hit;
mod labels;
mod routes;
mod time;
mod time_index;
mod view;

pub use budget::{ArcBudget, MAX_DRAWN_ARCS, MIN_DRAWN_ARCS};
pub use camera::Camera;
pub use cluster::{Cluster, cluster};
pub use fade::Fade;
pub use filter::SceneFilter;
pub use frame::{DrawnArc, DrawnMarker, Frame, FrameHit, Selected, arc_width, arrival_radius};
pub use geometry::{
    ARC_SEGMENTS, GeoPoint, MAX_MERCATOR_LAT, bow, bow_profile, distance_to_polyline,
    distance_to_segment, fit_view, from_mercator, geodesic_km, great_circle, great_circle_bounds,
    great_circle_degrees, keep_world_covering, mercator, world_zoom,
};
pub use hit::{Hit, HitGrid, HitTarget, nearest_hit};
pub use labels::{LabelRequest, ScreenBox, mark_box, place_labels};
pub use routes::{Route, ShownRoute};
pub use time::{BinSize, Step, TimeWindow, WindowSpec, playback_windows};
pub use time_index::{TimeIndex, count_starting};
pub use view::{ShownPlace, View};

use std::collections::HashMap;

use self::routes::{End, RouteBrief, RouteEnds, RouteFinder};
use crate::gazetteer::{Gazetteer, Precision as PlacePrecision};
use crate::model::{CountryCode, Day, EventKind, PlaceRef, RecordTable, Row};
use crate::threads::joined;

/// How many kinds of event there are.
pub const KINDS: usize = EventKind::ALL.len();

/// Which record of which loaded dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemRef {
    /// The dataset, by its position in the list given to [`Scene::build`].
    pub dataset: usize,
    /// The record's position in that dataset's `visits` or `events`.
    pub index: usize,
}

/// A place resolved to a point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Where it is drawn.
    pub point: GeoPoint,
    /// Known only by country: drawn at the capital, marked as approximate.
    pub approximate: bool,
}

/// A visit placed on the globe and in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedVisit {
    /// The record.
    pub item: ItemRef,
    /// The way it travelled, as a position in [`Scene::routes`] (which
    /// holds its ends and its delegation's country).
    pub route: u32,
    /// The first day its date covers.
    pub first_day: Day,
    /// The last day its date covers.
    pub last_day: Day,
    /// Whether its date is one known day (not a month, year or interval).
    pub exact: bool,
}

/// An event placed on the globe and in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedEvent {
    /// The record.
    pub item: ItemRef,
    /// Where it happened, as a position in [`Scene::places`].
    pub place: u32,
    /// What kind of event it is.
    pub kind: EventKind,
    /// The first day its date covers.
    pub first_day: Day,
    /// The last day its date covers.
    pub last_day: Day,
    /// Whether its date is one known day.
    pub exact: bool,
}

/// A record that could not be placed on the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    /// The dataset it is in.
    pub dataset: usize,
    /// Its JSON path, such as `$.visits[3].to`.
    pub path: String,
    /// Why.
    pub message: String,
}

impl Unplaced {
    fn new(dataset: usize, path: String, place: &PlaceRef) -> Self {
        Self {
            dataset,
            path,
            message: format!(
                "cannot place {}: not in the gazetteer; add \"lat\" and \"lon\" or a known place",
                describe(place)
            ),
        }
    }
}

/// What the visits' time index carries for aggregation.
#[derive(Clone, Copy, Debug)]
struct VisitSlot {
    route: u32,
    exact: bool,
    /// Its position in [`Scene::visits`], for a query's filter.
    visit: u32,
}

/// What the events' time index carries for aggregation.
#[derive(Clone, Copy, Debug)]
struct EventSlot {
    place: u32,
    kind: u8,
    exact: bool,
    /// Its position in [`Scene::events`], for a query's filter.
    event: u32,
}

/// Everything placeable of some datasets.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// Visits with a known destination, in dataset and record order.
    pub visits: Vec<PlacedVisit>,
    /// Events with a known place, in dataset and record order.
    pub events: Vec<PlacedEvent>,
    /// What could not be placed, for the problems list.
    pub unplaced: Vec<Unplaced>,
    /// The places events happened at, each once.
    pub places: Vec<Placed>,
    /// The ways visits travelled, each once.
    pub routes: Vec<Route>,
    /// How many pairs of ends the routes make (see [`Route::pair`]).
    pairs: usize,
    /// What every frame reads of each route, packed small (see
    /// [`RouteBrief`]).
    route_briefs: Vec<RouteBrief>,
    /// The delegations' countries, most visits first.
    origins: Vec<CountryCode>,
    /// Each route's origin as a position in `origins`.
    route_origins: Vec<Option<u32>>,
    visit_times: TimeIndex<VisitSlot>,
    event_times: TimeIndex<EventSlot>,
    /// Per event kind (in [`EventKind::ALL`] order), the events' first
    /// days, sorted: the histogram's stacks.
    kind_starts: Vec<Vec<Day>>,
    /// The visits of each route, for tooltips and selections.
    route_visits: Groups,
    /// The events at each place.
    place_events: Groups,
    /// What the data calls each point it names (its first name there):
    /// labels name the data's places, not the basemap's.
    place_names: HashMap<(u64, u64), Box<str>>,
}

/// A `[west, north, east, south]` box on the Mercator square in single
/// precision, widened by far more than rounding could move an edge, so
/// that culling with it never drops anything the exact box would keep.
pub(crate) fn widened_to_f32(bounds: [f64; 4]) -> [f32; 4] {
    const SLACK: f64 = 1e-6;
    let [west, north, east, south] = bounds;
    [
        (west - SLACK) as f32,
        (north - SLACK) as f32,
        (east + SLACK) as f32,
        (south + SLACK) as f32,
    ]
}

/// `routes` numbered again, by the first day any of their visits starts,
/// with `visits` and the routes' pairs (`pairs` of them) following.
///
/// Routes are found in file order, which in a big file has nothing to do
/// with time: the routes of one time window were scattered over the whole
/// table, and every frame of playback paid a cache miss per route. In
/// order of time, most of a window's routes sit side by side.
fn number_by_first_day(routes: Vec<Route>, pairs: usize, visits: &mut [PlacedVisit]) -> Vec<Route> {
    let mut first_days = vec![Day(i32::MAX); routes.len()];
    for visit in visits.iter() {
        let first_day = &mut first_days[visit.route as usize];
        *first_day = (*first_day).min(visit.first_day);
    }
    let mut ordered: Vec<(Day, u32, Route)> = first_days
        .into_iter()
        .zip(0..)
        .zip(routes)
        .map(|((day, id), route)| (day, id, route))
        .collect();
    ordered.sort_unstable_by_key(|&(day, id, _)| (day, id));
    let mut new_ids = vec![0; ordered.len()];
    let mut new_pairs = vec![u32::MAX; pairs];
    let mut next_pair = 0;
    let routes = ordered
        .into_iter()
        .zip(0..)
        .map(|((_, old_id, mut route), new_id)| {
            new_ids[old_id as usize] = new_id;
            let pair = &mut new_pairs[route.pair as usize];
            if *pair == u32::MAX {
                *pair = next_pair;
                next_pair += 1;
            }
            route.pair = *pair;
            route
        })
        .collect();
    for visit in visits {
        visit.route = new_ids[visit.route as usize];
    }
    routes
}

/// The visits by time, with what aggregation needs.
fn visit_times(visits: &[PlacedVisit]) -> TimeIndex<VisitSlot> {
    TimeIndex::new((0..).zip(visits).map(|(position, visit)| {
        let slot = VisitSlot {
            route: visit.route,
            exact: visit.exact,
            visit: position,
        };
        (visit.first_day, visit.last_day, slot)
    }))
}

/// The events by time (all, and the first days per kind for the
/// histogram) and by place.
fn index_events(
    events: &[PlacedEvent],
    places: usize,
) -> (TimeIndex<EventSlot>, Vec<Vec<Day>>, Groups) {
    let times = TimeIndex::new((0..).zip(events).map(|(position, event)| {
        let slot = EventSlot {
            place: event.place,
            kind: kind_slot(event.kind) as u8,
            exact: event.exact,
            event: position,
        };
        (event.first_day, event.last_day, slot)
    }));
    let mut kind_starts = vec![Vec::new(); KINDS];
    for event in events {
        kind_starts[kind_slot(event.kind)].push(event.first_day);
    }
    for starts in &mut kind_starts {
        time_index::sort_by_day(starts, |&day| day);
    }
    let by_place = Groups::new(events.iter().map(|event| event.place), places);
    (times, kind_starts, by_place)
}

/// Collects places and routes while the scene is built.
#[derive(Default)]
struct Builder {
    scene: Scene,
    ends: RouteEnds,
    routes: RouteFinder,
    place_ids: PlaceIds,
}

/// The scene's places by where they are, so that each is listed once.
#[derive(Default)]
struct PlaceIds(HashMap<(u64, u64, bool), u32>);

impl PlaceIds {
    /// `placed`'s position in `places`, where it is added if new.
    fn id(&mut self, places: &mut Vec<Placed>, placed: Placed) -> u32 {
        let key = (
            placed.point.lat.to_bits(),
            placed.point.lon.to_bits(),
            placed.approximate,
        );
        *self.0.entry(key).or_insert_with(|| {
            places.push(placed);
            places.len() as u32 - 1
        })
    }
}

impl Scene {
    /// Places every visit and event of `tables` (one per dataset) through
    /// the gazetteer, asking it once per distinct place.
    pub fn build<'t>(
        tables: impl IntoIterator<Item = &'t RecordTable>,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut builder = Builder::default();
        for (dataset_index, table) in tables.into_iter().enumerate() {
            builder.add_table(dataset_index, table, gazetteer);
        }
        let (routes, pairs) = builder.routes.finish();
        let mut scene = builder.scene;
        scene.pairs = pairs;
        scene.index(routes);
        scene
    }

    /// How far visit `item` travelled, in kilometres along the ellipsoid,
    /// when its origin is known.
    pub fn visit_length_km(&self, item: ItemRef) -> Option<f64> {
        let visit = &self.visits[self.visit_position(item)?];
        self.route_length_km(visit.route)
    }

    /// The length of route `route` (a position in [`Scene::routes`]) in
    /// kilometres, when its origin is known.
    pub fn route_length_km(&self, route: u32) -> Option<f64> {
        let route = self.routes.get(route as usize)?;
        Some(geodesic_km(route.from?.point, route.to.point))
    }

    /// What the data calls the place at `point`, if it names one there.
    pub fn place_name(&self, point: GeoPoint) -> Option<&str> {
        self.place_names
            .get(&(point.lat.to_bits(), point.lon.to_bits()))
            .map(AsRef::as_ref)
    }

    /// Remembers the name `place` gives `point`, unless it has one: the
    /// place's own name, else its country's.
    fn name_place(&mut self, point: GeoPoint, place: &PlaceRef, gazetteer: &Gazetteer) {
        let key = (point.lat.to_bits(), point.lon.to_bits());
        if self.place_names.contains_key(&key) {
            return;
        }
        let name = place.place.as_deref().or_else(|| {
            let country = gazetteer.country(place.country?)?;
            Some(country.name)
        });
        if let Some(name) = name {
            self.place_names.insert(key, name.into());
        }
    }

    /// Numbers the routes by time, indexes records by time, route and
    /// place, and ranks the origins.
    fn index(&mut self, routes: Vec<Route>) {
        let (visits, events) = (&mut self.visits, &self.events);
        let (pairs, places) = (self.pairs, self.places.len());
        // The events' side needs nothing of the visits', and the visits by
        // route nothing of the visits by time: each is built on a core
        // while one is free.
        let ((routes, visit_times, route_visits), (event_times, kind_starts, place_events)) =
            std::thread::scope(|scope| {
                let event_side = scope.spawn(|| index_events(events, places));
                let routes = number_by_first_day(routes, pairs, visits);
                let visits: &[PlacedVisit] = visits;
                let route_count = routes.len();
                let by_route = scope.spawn(move || {
                    Groups::new(visits.iter().map(|visit| visit.route), route_count)
                });
                let times = visit_times(visits);
                ((routes, times, joined(by_route)), joined(event_side))
            });
        self.route_briefs = routes.iter().map(RouteBrief::of).collect();
        self.routes = routes;
        self.visit_times = visit_times;
        self.route_visits = route_visits;
        self.event_times = event_times;
        self.kind_starts = kind_starts;
        self.place_events = place_events;

        let mut counts: HashMap<CountryCode, u64> = HashMap::new();
        for (id, route) in (0..).zip(&self.routes) {
            if let Some(origin) = route.origin {
                *counts.entry(origin).or_default() += self.route_visits.of(id).len() as u64;
            }
        }
        let mut origins: Vec<(CountryCode, u64)> = counts.into_iter().collect();
        origins.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.origins = origins.into_iter().map(|(origin, _)| origin).collect();
        let rank: HashMap<CountryCode, u32> = self
            .origins
            .iter()
            .enumerate()
            .map(|(rank, &origin)| (origin, rank as u32))
            .collect();
        self.route_origins = self
            .routes
            .iter()
            .map(|route| route.origin.and_then(|origin| rank.get(&origin).copied()))
            .collect();
    }

    /// How many visits, and events of each kind (in [`EventKind::ALL`]
    /// order), start in each bin between consecutive `edges`.
    pub fn histogram(&self, edges: &[Day]) -> Vec<HistogramBin> {
        edges
            .windows(2)
            .map(|pair| HistogramBin {
                start: pair[0],
                end: pair[1],
                visits: self.visit_times.count_starting(pair[0], pair[1]),
                events: self
                    .kind_starts
                    .iter()
                    .map(|starts| count_starting(starts, pair[0], pair[1]))
                    .collect(),
            })
            .collect()
    }

    /// The days the records span, if there are any.
    pub fn extent(&self) -> Option<TimeWindow> {
        let spans = self
            .visits
            .iter()
            .map(|visit| (visit.first_day, visit.last_day))
            .chain(
                self.events
                    .iter()
                    .map(|event| (event.first_day, event.last_day)),
            );
        spans.fold(None, |extent: Option<TimeWindow>, (first, last)| {
            Some(match extent {
                None => TimeWindow::new(first, last),
                Some(window) => TimeWindow::new(window.start.min(first), window.end.max(last)),
            })
        })
    }

    /// The delegations' countries, most visits first (ties by code): the
    /// order in which they get colours, stable while the data stays.
    pub fn origins_by_activity(&self) -> &[CountryCode] {
        &self.origins
    }

    /// The position of route `route`'s origin in
    /// [`Self::origins_by_activity`], which picks its colour.
    pub fn origin_rank(&self, route: u32) -> Option<usize> {
        self.route_origins
            .get(route as usize)
            .copied()
            .flatten()
            .map(|rank| rank as usize)
    }

    /// The visits on route `route` that `window` shows, as positions in
    /// [`Self::visits`], in order.
    pub fn visits_of(&self, route: u32, window: TimeWindow) -> impl Iterator<Item = usize> + '_ {
        self.route_visits
            .of(route)
            .iter()
            .map(|&visit| visit as usize)
            .filter(move |&visit| {
                let visit = &self.visits[visit];
                window.overlaps(visit.first_day, visit.last_day)
            })
    }

    /// The events at `places` that `window` shows, as positions in
    /// [`Self::events`], in order.
    pub fn events_at(&self, places: &[u32], window: TimeWindow) -> Vec<usize> {
        let mut events: Vec<usize> = places
            .iter()
            .flat_map(|&place| self.place_events.of(place))
            .map(|&event| event as usize)
            .filter(|&event| {
                let event = &self.events[event];
                window.overlaps(event.first_day, event.last_day)
            })
            .collect();
        events.sort_unstable();
        events
    }

    /// Where the visit `item` is in [`Self::visits`], if it was placed.
    pub fn visit_position(&self, item: ItemRef) -> Option<usize> {
        self.visits
            .binary_search_by(|visit| visit.item.cmp(&item))
            .ok()
    }

    /// Where the event `item` is in [`Self::events`], if it was placed.
    pub fn event_position(&self, item: ItemRef) -> Option<usize> {
        self.events
            .binary_search_by(|event| event.item.cmp(&item))
            .ok()
    }
}

impl Builder {
    fn add_table(&mut self, dataset_index: usize, table: &RecordTable, gazetteer: &Gazetteer) {
        self.scene.visits.reserve(table.visits.len());
        self.scene.events.reserve(table.events.len());
        let placed: Vec<Option<End>> = table
            .places
            .iter()
            .map(|place| {
                let placed = resolve(gazetteer, place)?;
                self.scene.name_place(placed.point, place, gazetteer);
                Some(self.ends.end(placed))
            })
            .collect();
        // The country a delegation set out from, for visits whose leader's
        // is not given: the place's own, else the gazetteer's.
        let countries: Vec<Option<CountryCode>> = table
            .places
            .iter()
            .map(|place| {
                place.country.or_else(|| {
                    let name = place.place.as_deref()?;
                    Some(gazetteer.lookup(name, None)?.country)
                })
            })
            .collect();
        // Half the visits find their routes on another core, in a finder of
        // their own; its routes then join this one's in the order they were
        // first met, which is the order one finder would have numbered them.
        let places = Placing {
            dataset: dataset_index,
            table,
            placed: &placed,
            countries: &countries,
        };
        let half = table.visits.len() / 2;
        let (second_half, second_routes) = std::thread::scope(|scope| {
            let second_half = scope.spawn(|| {
                let mut routes = RouteFinder::default();
                let mut placed = Vec::with_capacity(table.visits.len() - half);
                let unplaced = places.visits(half..table.visits.len(), &mut routes, &mut placed);
                ((placed, unplaced), routes)
            });
            let unplaced = places.visits(0..half, &mut self.routes, &mut self.scene.visits);
            self.scene.unplaced.extend(unplaced);
            joined(second_half)
        });
        // The events are placed on one core while the routes merge on the
        // other.
        let Self {
            scene,
            routes,
            place_ids,
            ..
        } = self;
        let (global, events_unplaced) = std::thread::scope(|scope| {
            let events =
                scope.spawn(|| places.events(&mut scene.events, &mut scene.places, place_ids));
            let global = routes.merge(second_routes);
            (global, joined(events))
        });
        let (visits, unplaced) = second_half;
        scene
            .visits
            .extend(visits.into_iter().map(|visit| PlacedVisit {
                route: global[visit.route as usize],
                ..visit
            }));
        scene.unplaced.extend(unplaced);
        scene.unplaced.extend(events_unplaced);
    }
}

/// What placing a table's visits and events needs: its places, resolved
/// once.
#[derive(Clone, Copy)]
struct Placing<'a> {
    dataset: usize,
    table: &'a RecordTable,
    placed: &'a [Option<End>],
    countries: &'a [Option<CountryCode>],
}

impl Placing<'_> {
    /// Places the table's events onto `placed_events`, their places added
    /// to `places` as needed; returns those that could not be placed.
    fn events(
        &self,
        placed_events: &mut Vec<PlacedEvent>,
        places: &mut Vec<Placed>,
        place_ids: &mut PlaceIds,
    ) -> Vec<Unplaced> {
        let mut unplaced = Vec::new();
        // The table's interned places as the scene's, each found once.
        let mut scene_places: Vec<Option<u32>> = vec![None; self.table.places.len()];
        for (index, event) in self.table.events.iter().enumerate() {
            if self.table.is_removed(Row::Event(index)) {
                continue;
            }
            let slot = event.place.index();
            let Some(place) = self.placed[slot] else {
                let path = format!("$.events[{index}].place");
                unplaced.push(Unplaced::new(
                    self.dataset,
                    path,
                    self.table.place(event.place),
                ));
                continue;
            };
            let place = match scene_places[slot] {
                Some(id) => id,
                None => *scene_places[slot].insert(place_ids.id(places, place.placed)),
            };
            placed_events.push(PlacedEvent {
                item: ItemRef {
                    dataset: self.dataset,
                    index,
                },
                place,
                kind: event.kind,
                first_day: event.days.first,
                last_day: event.days.last,
                exact: event.days.exact,
            });
        }
        unplaced
    }

    /// Places the visits at `indexes` onto `placed_visits`, with their
    /// routes found in `routes`; returns those that could not be placed.
    fn visits(
        &self,
        indexes: std::ops::Range<usize>,
        routes: &mut RouteFinder,
        placed_visits: &mut Vec<PlacedVisit>,
    ) -> Vec<Unplaced> {
        let mut unplaced = Vec::new();
        for index in indexes {
            if self.table.is_removed(Row::Visit(index)) {
                continue;
            }
            let visit = &self.table.visits[index];
            let Some(to) = self.placed[visit.to.index()] else {
                let path = format!("$.visits[{index}].to");
                unplaced.push(Unplaced::new(
                    self.dataset,
                    path,
                    self.table.place(visit.to),
                ));
                continue;
            };
            let from = visit.from.and_then(|from| self.placed[from.index()]);
            let origin = visit
                .leader_country
                .or_else(|| self.countries[visit.from?.index()]);
            placed_visits.push(PlacedVisit {
                item: ItemRef {
                    dataset: self.dataset,
                    index,
                },
                route: routes.route(from, to, origin),
                first_day: visit.days.first,
                last_day: visit.days.last,
                exact: visit.days.exact,
            });
        }
        unplaced
    }
}

/// The position of `kind` in [`EventKind::ALL`].
pub fn kind_slot(kind: EventKind) -> usize {
    EventKind::ALL
        .iter()
        .position(|&known| known == kind)
        .unwrap_or(KINDS - 1)
}

/// Positions grouped by a key, each group in ascending order: built once
/// by counting, then read as a slice per key.
#[derive(Clone, Debug, Default)]
struct Groups {
    starts: Vec<u32>,
    members: Vec<u32>,
}

impl Groups {
    /// Groups the positions of `keys` (each below `key_count`).
    fn new(keys: impl Iterator<Item = u32> + Clone, key_count: usize) -> Self {
        let mut starts = vec![0u32; key_count + 1];
        for key in keys.clone() {
            starts[key as usize + 1] += 1;
        }
        for index in 1..starts.len() {
            starts[index] += starts[index - 1];
        }
        let mut next = starts.clone();
        let mut members = vec![0u32; starts[key_count] as usize];
        for (position, key) in keys.enumerate() {
            let slot = &mut next[key as usize];
            members[*slot as usize] = position as u32;
            *slot += 1;
        }
        Self { starts, members }
    }

    /// The members of group `key`.
    fn of(&self, key: u32) -> &[u32] {
        let key = key as usize;
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&start), Some(&end)) => &self.members[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// How many records start in one bin of the timeline's histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistogramBin {
    /// The bin's first day.
    pub start: Day,
    /// The day after its last.
    pub end: Day,
    /// Visits starting in it.
    pub visits: usize,
    /// Events starting in it, per kind in [`EventKind::ALL`] order.
    pub events: Vec<usize>,
}

/// Where a place reference is drawn, if anywhere.
fn resolve(gazetteer: &Gazetteer, place: &PlaceRef) -> Option<Placed> {
    let resolved = gazetteer.resolve(place);
    let (lat, lon) = resolved.lat_lon()?;
    Some(Placed {
        point: GeoPoint::new(lat, lon),
        approximate: resolved.precision != PlacePrecision::City,
    })
}

/// A place reference in words, for messages.
fn describe(place: &PlaceRef) -> String {
    match (&place.place, place.country) {
        (Some(name), Some(country)) => format!("`{name}` ({country})"),
        (Some(name), None) => format!("`{name}`"),
        (None, Some(country)) => format!("the country `{country}`"),
        (None, None) => "a place with no name".to_owned(),
    }
}

#[cfg(test)]
mod tests;
