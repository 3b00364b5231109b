use super::*;
use crate::model::{Dataset, ExtraFields, Visit};

fn visit(from: &str, to: &str, date: &str) -> Visit {
    Visit {
        id: format!("{from}-{to}-{date}"),
        leader: None,
        delegation: None,
        from: Some(PlaceRef::named(None, from)),
        to: PlaceRef::named(None, to),
        date: date.parse().unwrap(),
        purpose: None,
        source: None,
        extra: ExtraFields::new(),
    }
}

#[test]
fn routes_are_numbered_by_time_and_each_visit_keeps_its_own() {
    // In file order the latest route comes first.
    let trips = [
        ("Tokyo", "Honolulu", "2023-07-27"),
        ("Moscow", "Pyongyang", "1953-07-27"),
        ("Beijing", "Pyongyang", "1990-01-01"),
        ("Moscow", "Pyongyang", "2023-07-25"),
        ("Seoul", "Washington", "1980-05"),
    ];
    let dataset = Dataset {
        visits: trips
            .iter()
            .map(|&(from, to, date)| visit(from, to, date))
            .collect(),
        ..Dataset::default()
    };
    let gazetteer = Gazetteer::bundled();
    let scene = Scene::build([&RecordTable::from_dataset(&dataset)], gazetteer);

    let point = |name: &str| {
        let found = gazetteer.lookup(name, None).unwrap();
        GeoPoint::new(found.lat, found.lon)
    };
    for (visit, &(from, to, _)) in scene.visits.iter().zip(&trips) {
        let route = &scene.routes[visit.route as usize];
        assert_eq!(route.from.map(|from| from.point), Some(point(from)));
        assert_eq!(route.to.point, point(to), "{from} to {to}");
    }
    let first_days: Vec<Day> = (0..scene.routes.len() as u32)
        .map(|route| {
            let visits = scene.visits.iter().filter(|visit| visit.route == route);
            visits.map(|visit| visit.first_day).min().unwrap()
        })
        .collect();
    assert_eq!(scene.routes.len(), 4);
    assert!(first_days.is_sorted(), "{first_days:?}");
    // Pairs are numbered again too: the first route's pair is the first.
    assert_eq!(scene.routes[0].pair, 0);
}
