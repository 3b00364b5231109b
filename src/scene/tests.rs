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

#[test]
fn places_keep_the_datas_own_names_and_fitting_takes_in_the_arcs_bow() {
    let mut to_korea = visit("Washington", "Berlin", "2023-07-01");
    to_korea.from = Some(PlaceRef {
        place: Some("Washington".to_owned()),
        country: CountryCode::parse("US"),
        ..PlaceRef::default()
    });
    let mut to_country = visit("Moscow", "Pyongyang", "2023-07-02");
    to_country.to = PlaceRef {
        country: CountryCode::parse("KP"),
        ..PlaceRef::default()
    };
    let dataset = Dataset {
        visits: vec![to_korea, to_country],
        ..Dataset::default()
    };
    let scene = Scene::build([&RecordTable::from_dataset(&dataset)], Gazetteer::bundled());
    let names: Vec<(Option<&str>, Option<&str>)> = scene
        .routes
        .iter()
        .map(|route| {
            (
                route.from.and_then(|from| scene.place_name(from.point)),
                scene.place_name(route.to.point),
            )
        })
        .collect();
    assert!(
        names.contains(&(Some("Washington"), Some("Berlin"))),
        "{names:?}"
    );
    // A place known only by country is named by its country.
    assert!(
        names.contains(&(Some("Moscow"), Some("North Korea"))),
        "{names:?}"
    );

    // Washington to Berlin bows north, beyond both ends (38.9 and 52.5).
    let day = Day::from_ymd(2023, 7, 1).unwrap();
    let window = TimeWindow::new(day, day);
    let view = scene.view(window);
    let (south_west, north_east) = view.bounds(&scene).unwrap();
    assert!(north_east.lat > 55.0, "{north_east:?}");
    assert!((south_west.lat - 38.9).abs() < 0.1, "{south_west:?}");
}
