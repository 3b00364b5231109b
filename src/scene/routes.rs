//! Routes: the ways travelled, one arc each, and how many visits of a time
//! window took each.
//!
//! Visits from the same place to the same place by the same country's
//! delegations take one route. Routes are found once, when the scene is
//! built, and numbered densely, so that a window is aggregated by counting
//! into a `Vec` by route id (no hashing per frame) and each route's geometry
//! can be cached by its id. Routes between the same two places in one
//! direction share a pair; within a window, lanes number them so that
//! parallel routes fan out (routes in opposite directions bow to opposite
//! sides on their own).

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::{GeoPoint, Placed, great_circle_bounds};
use crate::model::CountryCode;

/// One way travelled: where from (if known), where to, whose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    /// Where its visits came from; `None` for arrivals of unknown origin.
    pub from: Option<Placed>,
    /// Where they went.
    pub to: Placed,
    /// The delegations' country, which colours the arc.
    pub origin: Option<CountryCode>,
    /// The routes with the same ends in the same direction share this.
    pub pair: u32,
    /// A box on the Web Mercator square its arc stays in (see
    /// [`great_circle_bounds`]): `[west, north, east, south]`.
    pub bounds: [f64; 4],
}

impl Route {
    /// Whether either end is known only by country.
    pub fn approximate(&self) -> bool {
        self.to.approximate || self.from.is_some_and(|from| from.approximate)
    }
}

/// A route as a time window shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShownRoute {
    /// The route, as a position in [`super::Scene::routes`].
    pub route: u32,
    /// How many of the window's visits took it.
    pub count: u32,
    /// 1 for the first route shown between two places in one direction, 2
    /// for the next, and so on: how far the arc bows out.
    pub lane: u32,
    /// No visit on it in the window is dated to a known day (month, year or
    /// interval only): drawn fainter and dashed.
    pub uncertain: bool,
    /// The route's box, as [`RouteBrief::bounds`]: copied here so that a
    /// frame culls the shown routes reading them in order.
    pub(super) bounds: [f32; 4],
    /// Whether the route has a known start.
    pub(super) has_start: bool,
}

/// A place as a key: a ten-thousandth of a degree is about 11 m.
type PlaceKey = (i64, i64);

fn key(point: GeoPoint) -> PlaceKey {
    (
        (point.lat * 10_000.0).round() as i64,
        (point.lon * 10_000.0).round() as i64,
    )
}

/// Numbers the places routes start and end at, from 1, so that a route is
/// found by one `u64` of two end numbers and a country. Asked once per
/// distinct place of a table, not once per visit.
#[derive(Debug, Default)]
pub(super) struct RouteEnds {
    ends: HashMap<PlaceKey, u32, RandomState>,
}

impl RouteEnds {
    /// `placed` with its end number.
    pub(super) fn end(&mut self, placed: Placed) -> End {
        let next = self.ends.len() as u32 + 1;
        End {
            number: *self.ends.entry(key(placed.point)).or_insert(next),
            placed,
        }
    }
}

/// A route's end: where it is, and its number in [`RouteEnds`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct End {
    number: u32,
    /// The place.
    pub(super) placed: Placed,
}

/// Finds each visit's route while the scene is built: one lookup in a
/// table hashed with a fast keyed hash per visit. Finders given the same
/// [`RouteEnds`]' numbers can work on parts of the visits at once and
/// [`RouteFinder::merge`] after.
#[derive(Debug, Default)]
pub(super) struct RouteFinder {
    routes: Vec<Route>,
    /// Each route's key, for merging.
    keys: Vec<u64>,
    by_key: HashMap<u64, u32, RandomState>,
    pairs: HashMap<u64, u32, RandomState>,
}

impl RouteFinder {
    /// The id of the route from `from` to `to` by `origin`'s delegations;
    /// its ends are those of the first visit that took it.
    pub(super) fn route(&mut self, from: Option<End>, to: End, origin: Option<CountryCode>) -> u32 {
        let origin_key = origin.map_or(0, |code| {
            let [a, b] = code.as_str().as_bytes() else {
                return 0;
            };
            (u64::from(*a) << 8) | u64::from(*b)
        });
        // End 0 is "from nowhere known". Ends are numbered below 2^24
        // here: more distinct places than that would not fit a map anyway.
        let from_end = from.map_or(0, |from| from.number);
        let route_key = (u64::from(from_end) << 40) | (u64::from(to.number) << 16) | origin_key;
        if let Some(&id) = self.by_key.get(&route_key) {
            return id;
        }
        self.add(
            route_key,
            Route {
                from: from.map(|from| from.placed),
                to: to.placed,
                origin,
                pair: 0,
                // Found by `finish`, once per route.
                bounds: [0.0; 4],
            },
        )
    }

    /// A new route, given its pair here.
    fn add(&mut self, route_key: u64, route: Route) -> u32 {
        let pair_key = route_key >> 16;
        let next_pair = self.pairs.len() as u32;
        let pair = *self.pairs.entry(pair_key).or_insert(next_pair);
        self.routes.push(Route { pair, ..route });
        self.keys.push(route_key);
        let id = self.routes.len() as u32 - 1;
        self.by_key.insert(route_key, id);
        id
    }

    /// Takes in the routes `other` found (with ends numbered alike); gives
    /// each of its route ids the id it has here.
    pub(super) fn merge(&mut self, other: Self) -> Vec<u32> {
        other
            .routes
            .into_iter()
            .zip(other.keys)
            .map(|(route, key)| match self.by_key.get(&key) {
                Some(&id) => id,
                None => self.add(key, route),
            })
            .collect()
    }

    /// The routes, by id, with their bounds, and how many pairs they make.
    pub(super) fn finish(mut self) -> (Vec<Route>, usize) {
        // Bounds take trigonometry: found here, once per route, half on
        // each of two cores, rather than by every finder that meets one.
        let bound = |routes: &mut [Route]| {
            for route in routes {
                let from = route.from.map_or(route.to.point, |from| from.point);
                route.bounds = great_circle_bounds(from, route.to.point);
            }
        };
        let half = self.routes.len() / 2;
        let (first, second) = self.routes.split_at_mut(half);
        std::thread::scope(|scope| {
            scope.spawn(|| bound(second));
            bound(first);
        });
        (self.routes, self.pairs.len())
    }
}

/// What every frame reads of each shown route, packed in one small record:
/// a frame of playback meets thousands of routes scattered over a table of
/// hundreds of thousands, and one cache miss per route costs less than
/// three (see [`RouteTally::finish`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct RouteBrief {
    /// [`Route::bounds`] in single precision, widened so that culling with
    /// them never drops a route the exact box keeps.
    pub(super) bounds: [f32; 4],
    /// [`Route::pair`].
    pub(super) pair: u32,
    /// Whether the route has a known start (it is drawn as an arc).
    pub(super) has_start: bool,
}

impl RouteBrief {
    /// `route`, briefly.
    pub(super) fn of(route: &Route) -> Self {
        Self {
            bounds: super::widened_to_f32(route.bounds),
            pair: route.pair,
            has_start: route.from.is_some(),
        }
    }
}

/// Counts a window's visits per route; kept from one window to the next,
/// so that its route-long arrays are allocated once, not every frame.
#[derive(Clone, Debug, Default)]
pub(super) struct RouteTally {
    /// Per route: twice the visits counted, plus one if any is dated to a
    /// known day. Zero between windows.
    counts: Vec<u32>,
    touched: Vec<u32>,
    /// Per pair: the lanes handed out so far. Zero between windows.
    lanes: Vec<u32>,
}

impl RouteTally {
    /// Ready for `routes` routes in `pairs` pairs.
    pub(super) fn start(&mut self, routes: usize, pairs: usize) {
        if self.counts.len() != routes || self.lanes.len() != pairs {
            *self = Self {
                counts: vec![0; routes],
                touched: Vec::new(),
                lanes: vec![0; pairs],
            };
        }
    }

    /// Counts a visit on `route`, dated to a known day when `exact`.
    pub(super) fn add(&mut self, route: u32, exact: bool) {
        let count = &mut self.counts[route as usize];
        if *count == 0 {
            self.touched.push(route);
        }
        *count = (*count + 2) | u32::from(exact);
    }

    /// The routes taken, by id, into `shown`, each with its lane among the
    /// shown routes of its pair and what culling needs (`briefs` being
    /// every route's); leaves the tally empty for the next window.
    pub(super) fn finish(&mut self, briefs: &[RouteBrief], shown: &mut Vec<ShownRoute>) {
        self.touched.sort_unstable();
        shown.clear();
        shown.extend(self.touched.iter().map(|&route| {
            let count = std::mem::take(&mut self.counts[route as usize]);
            let brief = briefs[route as usize];
            let lane = &mut self.lanes[brief.pair as usize];
            *lane += 1;
            ShownRoute {
                route,
                count: count >> 1,
                lane: *lane,
                uncertain: count & 1 == 0,
                bounds: brief.bounds,
                has_start: brief.has_start,
            }
        }));
        for route in shown.iter() {
            self.lanes[briefs[route.route as usize].pair as usize] = 0;
        }
        self.touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOSCOW: GeoPoint = GeoPoint::new(55.75, 37.62);
    const BEIJING: GeoPoint = GeoPoint::new(39.91, 116.40);
    const PYONGYANG: GeoPoint = GeoPoint::new(39.03, 125.75);

    fn placed(point: GeoPoint) -> Placed {
        Placed {
            point,
            approximate: false,
        }
    }

    /// Routes of visits given as (from, to, origin, exact), tallied.
    fn tally(visits: &[(Option<GeoPoint>, GeoPoint, &str, bool)]) -> (Vec<Route>, Vec<ShownRoute>) {
        let mut ends = RouteEnds::default();
        let mut finder = RouteFinder::default();
        let ids: Vec<u32> = visits
            .iter()
            .map(|&(from, to, origin, _)| {
                let from = from.map(|from| ends.end(placed(from)));
                let to = ends.end(placed(to));
                finder.route(from, to, CountryCode::parse(origin))
            })
            .collect();
        let (routes, pairs) = finder.finish();
        let briefs: Vec<RouteBrief> = routes.iter().map(RouteBrief::of).collect();
        let mut tally = RouteTally::default();
        tally.start(routes.len(), pairs);
        for (&id, &(_, _, _, exact)) in ids.iter().zip(visits) {
            tally.add(id, exact);
        }
        let mut shown = Vec::new();
        tally.finish(&briefs, &mut shown);
        (routes, shown)
    }

    #[test]
    fn visits_on_one_route_become_one_arc_with_their_count() {
        let (routes, shown) = tally(&[
            (Some(MOSCOW), PYONGYANG, "RU", true),
            (Some(BEIJING), PYONGYANG, "CN", true),
            (Some(MOSCOW), PYONGYANG, "RU", false),
        ]);
        assert_eq!(routes.len(), 2);
        assert_eq!(shown.len(), 2);
        assert_eq!((shown[0].route, shown[0].count), (0, 2));
        assert_eq!(routes[1].origin, CountryCode::parse("CN"));
        assert!(
            !shown[0].uncertain,
            "one exact visit makes the route certain"
        );
    }

    #[test]
    fn a_route_of_only_fuzzy_dates_is_uncertain() {
        let (_, shown) = tally(&[(Some(MOSCOW), PYONGYANG, "RU", false)]);
        assert!(shown[0].uncertain);
    }

    #[test]
    fn parallel_routes_get_their_own_lanes_and_the_way_back_starts_again() {
        let (_, shown) = tally(&[
            (Some(MOSCOW), PYONGYANG, "RU", true),
            (Some(MOSCOW), PYONGYANG, "KP", true),
            (Some(PYONGYANG), MOSCOW, "KP", true),
            (Some(BEIJING), PYONGYANG, "CN", true),
        ]);
        let lanes: Vec<u32> = shown.iter().map(|route| route.lane).collect();
        assert_eq!(lanes, [1, 2, 1, 1]);
    }

    #[test]
    fn lanes_count_only_the_routes_a_window_shows() {
        let mut ends = RouteEnds::default();
        let (moscow, pyongyang) = (ends.end(placed(MOSCOW)), ends.end(placed(PYONGYANG)));
        let mut finder = RouteFinder::default();
        let ru = finder.route(Some(moscow), pyongyang, CountryCode::parse("RU"));
        let kp = finder.route(Some(moscow), pyongyang, CountryCode::parse("KP"));
        let (routes, pairs) = finder.finish();
        let briefs: Vec<RouteBrief> = routes.iter().map(RouteBrief::of).collect();
        let mut tally = RouteTally::default();
        tally.start(routes.len(), pairs);
        let mut shown = Vec::new();
        for _ in 0..2 {
            tally.add(kp, true);
            tally.finish(&briefs, &mut shown);
            assert_eq!(
                (shown[0].route, shown[0].lane, shown[0].count),
                (kp, 1, 1),
                "{ru} is not shown, and the next window starts again"
            );
        }
    }

    #[test]
    fn finders_merged_number_routes_as_one_finder_does() {
        let mut ends = RouteEnds::default();
        let [moscow, beijing, pyongyang] =
            [MOSCOW, BEIJING, PYONGYANG].map(|at| ends.end(placed(at)));
        let (ru, cn) = (CountryCode::parse("RU"), CountryCode::parse("CN"));
        let visits = [
            (Some(moscow), pyongyang, ru),
            (Some(beijing), pyongyang, cn),
            (None, moscow, cn),
            (Some(moscow), pyongyang, ru),
            (Some(pyongyang), beijing, cn),
            (None, moscow, cn),
        ];
        let mut one = RouteFinder::default();
        let ids: Vec<u32> = visits
            .iter()
            .map(|&(from, to, origin)| one.route(from, to, origin))
            .collect();

        let (first, second) = visits.split_at(2);
        let mut merged = RouteFinder::default();
        let mut other = RouteFinder::default();
        let mut merged_ids: Vec<u32> = first
            .iter()
            .map(|&(from, to, origin)| merged.route(from, to, origin))
            .collect();
        let other_ids: Vec<u32> = second
            .iter()
            .map(|&(from, to, origin)| other.route(from, to, origin))
            .collect();
        let global = merged.merge(other);
        merged_ids.extend(other_ids.iter().map(|&id| global[id as usize]));

        assert_eq!(merged_ids, ids);
        assert_eq!(merged.finish(), one.finish());
    }

    #[test]
    fn arrivals_of_unknown_origin_are_routes_without_a_start() {
        let (routes, shown) = tally(&[(None, PYONGYANG, "RU", true)]);
        assert_eq!(routes[0].from, None);
        assert!(!routes[0].approximate());
        assert_eq!(shown[0].count, 1);
    }
}
