//! What to draw: records placed on the globe, filtered to a time window,
//! visits aggregated into routes and events grouped by place.
//!
//! Built once per change of data; queried per change of window. Knows
//! nothing of egui: the ui turns its output into shapes.

mod cluster;
mod geometry;
mod hit;
mod routes;
mod time;
mod time_index;

pub use cluster::{Cluster, cluster};
pub use geometry::{
    GeoPoint, MAX_MERCATOR_LAT, bow, distance_to_polyline, distance_to_segment, fit_view,
    from_mercator, great_circle, mercator, split_at_antimeridian,
};
pub use hit::{Hit, HitTarget, nearest_hit};
pub use routes::{PlaceKey, Route, RouteKey, aggregate_routes};
pub use time::{BinSize, TimeWindow, WindowSpec};
pub use time_index::TimeIndex;

use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, Precision as PlacePrecision};
use crate::model::{CountryCode, Day, EventKind, PlaceRef, RecordTable};

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
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedVisit {
    /// The record.
    pub item: ItemRef,
    /// Where it came from, when known.
    pub from: Option<Placed>,
    /// Where it went.
    pub to: Placed,
    /// The delegation's country, which colours its arc.
    pub origin: Option<CountryCode>,
    /// The first day its date covers.
    pub first_day: Day,
    /// The last day its date covers.
    pub last_day: Day,
    /// Whether its date is one known day (not a month, year or interval).
    pub exact: bool,
}

/// An event placed on the globe and in time.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEvent {
    /// The record.
    pub item: ItemRef,
    /// Where it happened.
    pub place: Placed,
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

/// Everything placeable of some datasets.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    /// Visits with a known destination.
    pub visits: Vec<PlacedVisit>,
    /// Events with a known place.
    pub events: Vec<PlacedEvent>,
    /// What could not be placed, for the problems list.
    pub unplaced: Vec<Unplaced>,
    visit_times: TimeIndex,
    event_times: TimeIndex,
    /// One index per event kind (in [`EventKind::ALL`] order), for the
    /// histogram's stacks.
    kind_times: Vec<TimeIndex>,
}

impl Scene {
    /// Places every visit and event of `tables` (one per dataset) through
    /// the gazetteer, asking it once per distinct place.
    pub fn build<'t>(
        tables: impl IntoIterator<Item = &'t RecordTable>,
        gazetteer: &Gazetteer,
    ) -> Self {
        let mut scene = Self::default();
        for (dataset_index, table) in tables.into_iter().enumerate() {
            scene.add_table(dataset_index, table, gazetteer);
        }
        scene.index_times();
        scene
    }

    fn index_times(&mut self) {
        self.visit_times = TimeIndex::new(
            self.visits
                .iter()
                .map(|visit| (visit.first_day, visit.last_day)),
        );
        self.event_times = TimeIndex::new(
            self.events
                .iter()
                .map(|event| (event.first_day, event.last_day)),
        );
        self.kind_times = EventKind::ALL
            .iter()
            .map(|&kind| {
                TimeIndex::new(
                    self.events
                        .iter()
                        .filter(|event| event.kind == kind)
                        .map(|event| (event.first_day, event.last_day)),
                )
            })
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
                    .kind_times
                    .iter()
                    .map(|index| index.count_starting(pair[0], pair[1]))
                    .collect(),
            })
            .collect()
    }

    fn add_table(&mut self, dataset_index: usize, table: &RecordTable, gazetteer: &Gazetteer) {
        let placed: Vec<Option<Placed>> = table
            .places
            .iter()
            .map(|place| resolve(gazetteer, place))
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
        for (index, visit) in table.visits.iter().enumerate() {
            let Some(to) = placed[visit.to.index()] else {
                let path = format!("$.visits[{index}].to");
                self.unplaced
                    .push(Unplaced::new(dataset_index, path, table.place(visit.to)));
                continue;
            };
            self.visits.push(PlacedVisit {
                item: ItemRef {
                    dataset: dataset_index,
                    index,
                },
                from: visit.from.and_then(|from| placed[from.index()]),
                to,
                origin: visit
                    .leader_country
                    .or_else(|| countries[visit.from?.index()]),
                first_day: visit.days.first,
                last_day: visit.days.last,
                exact: visit.days.exact,
            });
        }
        for (index, event) in table.events.iter().enumerate() {
            let Some(place) = placed[event.place.index()] else {
                let path = format!("$.events[{index}].place");
                self.unplaced
                    .push(Unplaced::new(dataset_index, path, table.place(event.place)));
                continue;
            };
            self.events.push(PlacedEvent {
                item: ItemRef {
                    dataset: dataset_index,
                    index,
                },
                place,
                kind: event.kind,
                first_day: event.days.first,
                last_day: event.days.last,
                exact: event.days.exact,
            });
        }
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

    /// The south-west and north-east corners of every placed point shown in
    /// `window`, for fitting the map to the data.
    pub fn bounds(&self, window: &TimeWindow) -> Option<(GeoPoint, GeoPoint)> {
        let points = self
            .visits_in(window)
            .flat_map(|visit| {
                visit
                    .from
                    .iter()
                    .chain([&visit.to])
                    .map(|placed| placed.point)
            })
            .chain(self.events_in(window).map(|event| event.place.point));
        points.fold(None, |bounds, point| {
            let (south_west, north_east) = bounds.unwrap_or((point, point));
            Some((
                GeoPoint::new(south_west.lat.min(point.lat), south_west.lon.min(point.lon)),
                GeoPoint::new(north_east.lat.max(point.lat), north_east.lon.max(point.lon)),
            ))
        })
    }

    /// The visits `window` shows.
    pub fn visits_in(&self, window: &TimeWindow) -> impl Iterator<Item = &PlacedVisit> {
        self.visit_times
            .items_in(window)
            .into_iter()
            .map(|visit| &self.visits[visit])
    }

    /// The events `window` shows.
    pub fn events_in(&self, window: &TimeWindow) -> impl Iterator<Item = &PlacedEvent> {
        self.event_times
            .items_in(window)
            .into_iter()
            .map(|event| &self.events[event])
    }

    /// The routes `window` shows: its visits, one route per way travelled.
    pub fn routes(&self, window: &TimeWindow) -> Vec<Route> {
        let shown = self
            .visit_times
            .items_in(window)
            .into_iter()
            .map(|visit| (visit, &self.visits[visit]));
        aggregate_routes(shown)
    }

    /// The delegations' countries, most visits first (ties by code): the
    /// order in which they get colours, stable while the data stays.
    pub fn origins_by_activity(&self) -> Vec<CountryCode> {
        let mut counts: HashMap<CountryCode, usize> = HashMap::new();
        for origin in self.visits.iter().filter_map(|visit| visit.origin) {
            *counts.entry(origin).or_default() += 1;
        }
        let mut origins: Vec<(CountryCode, usize)> = counts.into_iter().collect();
        origins.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        origins.into_iter().map(|(origin, _)| origin).collect()
    }

    /// Everything to draw for `window`: prepared once per change of window
    /// or data, then drawn every frame.
    pub fn view(&self, window: TimeWindow) -> View {
        let routes = self.routes(&window);
        let paths = routes
            .iter()
            .map(|route| {
                route.from.map_or_else(Vec::new, |from| {
                    split_at_antimeridian(&great_circle(from.point, route.to.point, ARC_SEGMENTS))
                })
            })
            .collect();
        let events = self.event_times.items_in(&window);
        View {
            window,
            routes,
            paths,
            events,
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

/// How many straight pieces draw one great-circle arc.
const ARC_SEGMENTS: usize = 48;

/// What a time window shows, ready to draw.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The window.
    pub window: TimeWindow,
    /// Its routes.
    pub routes: Vec<Route>,
    /// Each route's great circle, in pieces split at the antimeridian;
    /// empty for arrivals of unknown origin.
    pub paths: Vec<Vec<Vec<GeoPoint>>>,
    /// Its events, as positions in [`Scene::events`].
    pub events: Vec<usize>,
}

impl View {
    /// How many visits the window shows.
    pub fn visit_count(&self) -> usize {
        self.routes.iter().map(Route::count).sum()
    }
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
