//! Routes: the visits of a time window, one arc per way travelled.
//!
//! Visits from the same place to the same place by the same country's
//! delegations draw as one arc whose width shows their count. Routes between
//! the same two places get lanes, so that parallel routes fan out (routes in
//! opposite directions bow to opposite sides on their own).

use std::collections::HashMap;

use super::{Placed, PlacedVisit};
use crate::model::CountryCode;

/// One way travelled in the window, and the visits that took it.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// Where the visits came from; `None` for arrivals of unknown origin.
    pub from: Option<Placed>,
    /// Where they went.
    pub to: Placed,
    /// The delegations' country, which colours the arc.
    pub origin: Option<CountryCode>,
    /// The visits, as positions in [`super::Scene::visits`].
    pub visits: Vec<usize>,
    /// 1 for the first route between two places in one direction, 2 for the
    /// next, and so on: how far the arc bows out.
    pub lane: u32,
    /// No visit on it is dated to a known day (month, year or interval
    /// only): drawn fainter and dashed.
    pub uncertain: bool,
}

impl Route {
    /// How many visits took this route.
    pub fn count(&self) -> usize {
        self.visits.len()
    }

    /// What identifies the route across windows: its ends and its
    /// delegations' country.
    pub fn key(&self) -> RouteKey {
        (self.from.as_ref().map(key), key(&self.to), self.origin)
    }

    /// Whether either end is known only by country.
    pub fn approximate(&self) -> bool {
        self.to.approximate || self.from.is_some_and(|from| from.approximate)
    }
}

/// A place as a hashable key: a ten-thousandth of a degree is about 11 m.
pub type PlaceKey = (i64, i64);

/// What identifies a route: where from (if known), where to, whose.
pub type RouteKey = (Option<PlaceKey>, PlaceKey, Option<CountryCode>);

fn key(placed: &Placed) -> PlaceKey {
    (
        (placed.point.lat * 10_000.0).round() as i64,
        (placed.point.lon * 10_000.0).round() as i64,
    )
}

/// Aggregates visits (with their positions in the scene) into routes, in
/// the order each route is first met.
pub fn aggregate_routes<'v>(visits: impl Iterator<Item = (usize, &'v PlacedVisit)>) -> Vec<Route> {
    let mut routes: Vec<Route> = Vec::new();
    let mut by_key: HashMap<RouteKey, usize> = HashMap::new();
    for (position, visit) in visits {
        let route_key = (visit.from.as_ref().map(key), key(&visit.to), visit.origin);
        let index = *by_key.entry(route_key).or_insert_with(|| {
            routes.push(Route {
                from: visit.from,
                to: visit.to,
                origin: visit.origin,
                visits: Vec::new(),
                lane: 0,
                uncertain: true,
            });
            routes.len() - 1
        });
        let route = &mut routes[index];
        route.visits.push(position);
        route.uncertain &= !visit.exact;
    }
    assign_lanes(&mut routes);
    routes
}

/// Numbers the routes sharing both ends and a direction: 1, 2, 3...
fn assign_lanes(routes: &mut [Route]) {
    let mut taken: HashMap<(Option<PlaceKey>, PlaceKey), u32> = HashMap::new();
    for route in routes {
        let lanes = taken
            .entry((route.from.as_ref().map(key), key(&route.to)))
            .or_insert(0);
        *lanes += 1;
        route.lane = *lanes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;
    use crate::scene::{GeoPoint, ItemRef};

    const MOSCOW: GeoPoint = GeoPoint::new(55.75, 37.62);
    const BEIJING: GeoPoint = GeoPoint::new(39.91, 116.40);
    const PYONGYANG: GeoPoint = GeoPoint::new(39.03, 125.75);

    fn visit(index: usize, from: GeoPoint, to: GeoPoint, origin: &str, exact: bool) -> PlacedVisit {
        let placed = |point| Placed {
            point,
            approximate: false,
        };
        PlacedVisit {
            item: ItemRef { dataset: 0, index },
            from: Some(placed(from)),
            to: placed(to),
            origin: CountryCode::parse(origin),
            first_day: Day(0),
            last_day: Day(0),
            exact,
        }
    }

    #[test]
    fn visits_on_one_route_become_one_arc_with_their_count() {
        let visits = [
            visit(0, MOSCOW, PYONGYANG, "RU", true),
            visit(1, BEIJING, PYONGYANG, "CN", true),
            visit(2, MOSCOW, PYONGYANG, "RU", false),
        ];
        let routes = aggregate_routes(visits.iter().enumerate());
        assert_eq!(routes.len(), 2);
        assert_eq!(routes[0].visits, vec![0, 2]);
        assert_eq!(routes[0].count(), 2);
        assert_eq!(routes[1].origin, CountryCode::parse("CN"));
        assert!(
            !routes[0].uncertain,
            "one exact visit makes the route certain"
        );
    }

    #[test]
    fn a_route_of_only_fuzzy_dates_is_uncertain() {
        let visits = [visit(0, MOSCOW, PYONGYANG, "RU", false)];
        assert!(aggregate_routes(visits.iter().enumerate())[0].uncertain);
    }

    #[test]
    fn parallel_routes_get_their_own_lanes_and_the_way_back_starts_again() {
        let visits = [
            visit(0, MOSCOW, PYONGYANG, "RU", true),
            visit(1, MOSCOW, PYONGYANG, "KP", true),
            visit(2, PYONGYANG, MOSCOW, "KP", true),
            visit(3, BEIJING, PYONGYANG, "CN", true),
        ];
        let lanes: Vec<u32> = aggregate_routes(visits.iter().enumerate())
            .iter()
            .map(|route| route.lane)
            .collect();
        assert_eq!(lanes, [1, 2, 1, 1]);
    }

    #[test]
    fn arrivals_of_unknown_origin_are_routes_without_a_start() {
        let mut arrival = visit(0, MOSCOW, PYONGYANG, "RU", true);
        arrival.from = None;
        arrival.origin = None;
        let routes = aggregate_routes([(0, &arrival)].into_iter());
        assert_eq!(routes[0].from, None);
        assert!(!routes[0].approximate());
    }
}
