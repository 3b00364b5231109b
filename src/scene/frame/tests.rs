#![allow(clippy::float_cmp)] // exact values, computed exactly

use super::*;
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, Day};
use crate::model::{Dataset, Event, FuzzyDate, PlaceRef, RecordTable, Visit};
use crate::scene::TimeWindow;
use crate::scene::{MAX_DRAWN_ARCS, MIN_DRAWN_ARCS};

const WORLD: [f32; 4] = [0.0, 0.0, 1280.0, 800.0];

fn day(text: &str) -> FuzzyDate {
    text.parse().unwrap()
}

fn visit(id: &str, from: &str, to: &str, date: &str) -> Visit {
    Visit {
        id: id.to_owned(),
        leader: None,
        delegation: None,
        from: Some(PlaceRef::named(None, from)),
        to: PlaceRef::named(None, to),
        date: day(date),
        purpose: None,
        source: None,
        extra: crate::model::ExtraFields::new(),
    }
}

fn event(id: &str, kind: EventKind, place: &str, date: &str) -> Event {
    Event {
        id: id.to_owned(),
        kind,
        title: None,
        place: PlaceRef::named(None, place),
        date: day(date),
        actors: Vec::new(),
        source: None,
        extra: crate::model::ExtraFields::new(),
    }
}

fn scene() -> Scene {
    let dataset = Dataset {
        visits: vec![
            visit("v0", "Moscow", "Pyongyang", "2023-07-25"),
            visit("v1", "Beijing", "Pyongyang", "2023-07-26"),
            visit("v2", "Moscow", "Pyongyang", "2023-07"),
            visit("v3", "Tokyo", "Honolulu", "2023-07-27"),
        ],
        events: vec![
            event("e0", EventKind::Parade, "Pyongyang", "2023-07-27"),
            event("e1", EventKind::Statement, "Pyongyang", "2023-07-27"),
            event("e2", EventKind::MissileLaunch, "Pyongyang", "2023-07-22"),
            event("e3", EventKind::Meeting, "Washington", "2023-07-20"),
        ],
        ..Dataset::default()
    };
    Scene::build([&RecordTable::from_dataset(&dataset)], Gazetteer::bundled())
}

fn july() -> TimeWindow {
    TimeWindow::new(
        Day::from_ymd(2023, 7, 1).unwrap(),
        Day::from_ymd(2023, 7, 31).unwrap(),
    )
}

fn world_camera() -> Camera {
    Camera::new(GeoPoint::new(30.0, 60.0), 2.3, WORLD)
}

/// Zoomed into Washington, where the test scene has one event and no
/// route.
fn washington_camera() -> Camera {
    Camera::new(GeoPoint::new(38.9, -77.0), 8.0, WORLD)
}

#[test]
fn the_camera_puts_its_centre_in_the_middle_and_doubles_with_each_zoom() {
    let camera = Camera::new(GeoPoint::new(0.0, 0.0), 0.0, [0.0, 0.0, 256.0, 256.0]);
    assert_eq!(camera.project(GeoPoint::new(0.0, 0.0)), [128.0, 128.0]);
    assert_eq!(camera.project(GeoPoint::new(0.0, 180.0)), [256.0, 128.0]);
    let closer = Camera::new(GeoPoint::new(0.0, 0.0), 1.0, [0.0, 0.0, 256.0, 256.0]);
    assert_eq!(closer.project(GeoPoint::new(0.0, 90.0)), [256.0, 128.0]);
}

#[test]
fn draws_every_route_and_clusters_markers_by_place() {
    let scene = scene();
    let view = scene.view(july());
    let mut frame = Frame::default();
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 0.0);
    assert_eq!(frame.arcs.len(), 3, "Moscow (two visits), Beijing, Tokyo");
    assert_eq!(frame.hidden_arcs, 0);
    let tokyo = frame
        .arcs
        .iter()
        .find(|arc| scene.routes[arc.route as usize].to.point.lon < 0.0)
        .unwrap();
    assert_eq!(frame.pieces(tokyo).count(), 2, "split at the antimeridian");
    let pyongyang = frame
        .markers
        .iter()
        .find(|marker| marker.count == 3)
        .unwrap();
    assert_eq!(frame.marker_places(pyongyang).len(), 1);
    assert_eq!(
        scene.events_at(frame.marker_places(pyongyang), view.window),
        [0, 1, 2]
    );
    assert!(frame.fading, "everything is new");
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 1.0);
    assert!(!frame.fading, "and has faded in a second later");
}

#[test]
fn arcs_kept_from_the_last_frame_are_drawn_as_a_fresh_frame_draws_them() {
    // Two delegations on one way: the second's lane depends on whether
    // the first is in the window too.
    let led = |id: &str, country: &str, date: &str| {
        let mut visit = visit(id, "Moscow", "Pyongyang", date);
        visit.leader = Some(crate::model::Person {
            name: format!("Leader of {country}"),
            title: None,
            country: CountryCode::parse(country),
            extra: crate::model::ExtraFields::new(),
        });
        visit
    };
    let dataset = Dataset {
        visits: vec![
            led("v0", "RU", "2023-07-25"),
            led("v1", "CN", "2023-07-26"),
            visit("v2", "Tokyo", "Honolulu", "2023-07-26"),
            visit("v3", "Beijing", "Pyongyang", "2023-07-24"),
        ],
        ..Dataset::default()
    };
    let scene = Scene::build([&RecordTable::from_dataset(&dataset)], Gazetteer::bundled());
    let days = |from: u32, to: u32| {
        TimeWindow::new(
            Day::from_ymd(2023, 7, from).unwrap(),
            Day::from_ymd(2023, 7, to).unwrap(),
        )
    };
    let zoomed = Camera::new(GeoPoint::new(45.0, 110.0), 3.0, WORLD);
    let mut playing = Frame::default();
    let steps = [
        (days(26, 26), world_camera()),
        (days(25, 26), world_camera()),
        (days(26, 26), world_camera()),
        (days(24, 26), world_camera()),
        (days(24, 26), zoomed),
        (days(26, 26), zoomed),
    ];
    let mut lanes_seen = std::collections::BTreeSet::new();
    for (step, (window, camera)) in steps.into_iter().enumerate() {
        let view = scene.view(window);
        playing.prepare(&scene, &view, &camera, Selected::default(), step as f64);
        let mut fresh = Frame::default();
        fresh.prepare(&scene, &view, &camera, Selected::default(), step as f64);
        let shapes = |frame: &Frame| {
            frame
                .arcs
                .iter()
                .map(|arc| {
                    (
                        arc.route,
                        arc.width,
                        frame.pieces(arc).map(<[_]>::to_vec).collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shapes(&playing), shapes(&fresh), "step {step}");
        lanes_seen.extend(view.routes.iter().map(|shown| (shown.route, shown.lane)));
    }
    assert!(
        lanes_seen.iter().any(|&(_, lane)| lane == 2),
        "a route changed lanes between frames: {lanes_seen:?}"
    );
}

#[test]
fn arcs_fade_in_when_they_come_on_screen() {
    let scene = scene();
    let view = scene.view(july());
    let washington = washington_camera();
    let mut frame = Frame::default();
    frame.prepare(&scene, &view, &washington, Selected::default(), 0.0);
    frame.prepare(&scene, &view, &washington, Selected::default(), 5.0);
    assert!(frame.arcs.is_empty() && !frame.fading);
    // Panning out: the window's arcs come on screen, and fade in rather
    // than pop in, though they were in the window all along.
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 10.0);
    assert!(!frame.arcs.is_empty());
    assert!(frame.arcs.iter().all(|arc| arc.opacity == 0.0));
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 10.2);
    assert!(frame.arcs.iter().all(|arc| arc.opacity == 0.5));
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 11.0);
    assert!(frame.arcs.iter().all(|arc| arc.opacity == 1.0) && !frame.fading);
}

#[test]
fn culls_what_is_off_screen() {
    let scene = scene();
    let view = scene.view(july());
    let mut frame = Frame::default();
    frame.prepare(
        &scene,
        &view,
        &washington_camera(),
        Selected::default(),
        0.0,
    );
    assert!(frame.arcs.is_empty());
    assert_eq!(frame.markers.len(), 1);
    assert_eq!(frame.markers[0].kind, EventKind::Meeting);
}

#[test]
fn hits_markers_before_arcs_and_arcs_along_their_length() {
    let scene = scene();
    let view = scene.view(july());
    let mut frame = Frame::default();
    frame.prepare(&scene, &view, &world_camera(), Selected::default(), 0.0);
    let marker = frame.markers.iter().position(|m| m.count == 3).unwrap();
    assert_eq!(
        frame.hit(frame.markers[marker].center),
        Some(FrameHit::Marker(marker))
    );
    let beijing = frame
        .arcs
        .iter()
        .find(|arc| view.routes[arc.shown].count == 1 && frame.pieces(arc).count() == 1)
        .copied()
        .unwrap();
    let piece = frame.pieces(&beijing).next().unwrap();
    let middle = piece[piece.len() / 2];
    assert_eq!(frame.hit(middle), Some(FrameHit::Route(beijing.shown)));
    assert_eq!(frame.hit([5.0, 790.0]), None);
}

#[test]
fn selected_routes_draw_last_and_marked() {
    let scene = scene();
    let view = scene.view(july());
    let mut frame = Frame::default();
    let first = view.routes[0].route;
    let selected = Selected {
        routes: &[first],
        places: &[],
    };
    frame.prepare(&scene, &view, &world_camera(), selected, 0.0);
    let last = frame.arcs.last().unwrap();
    assert_eq!((last.route, last.selected), (first, true));
    assert_eq!(frame.arcs.iter().filter(|arc| arc.selected).count(), 1);
}

#[test]
fn caps_the_arcs_drawn_keeping_the_busiest() {
    let gazetteer = Gazetteer::bundled();
    let capitals: Vec<&str> = CountryCode::all()
        .filter_map(|code| gazetteer.capital(code))
        .map(|city| city.name)
        .take(80)
        .collect();
    let mut visits = Vec::new();
    for (i, from) in capitals.iter().enumerate() {
        for to in capitals.iter().skip(i + 1) {
            visits.push(visit(&format!("v{}", visits.len()), from, to, "2023-07-01"));
        }
    }
    // One route busier than the rest.
    for _ in 0..3 {
        visits.push(visit(
            &format!("v{}", visits.len()),
            capitals[5],
            capitals[9],
            "2023-07-02",
        ));
    }
    let dataset = Dataset {
        visits,
        ..Dataset::default()
    };
    let scene = Scene::build([&RecordTable::from_dataset(&dataset)], gazetteer);
    let view = scene.view(july());
    assert!(view.routes.len() > MAX_DRAWN_ARCS);
    let camera = Camera::new(GeoPoint::new(0.0, 0.0), 0.0, [0.0, 0.0, 256.0, 256.0]);
    let mut frame = Frame::default();
    // The route with four visits, the busiest, is among those drawn.
    let draws_busiest = |frame: &Frame| {
        frame
            .arcs
            .iter()
            .any(|arc| view.routes[arc.shown].count == 4)
    };
    frame.prepare(&scene, &view, &camera, Selected::default(), 0.0);
    // Great circles are made a few hundred a frame; the rest wait.
    assert_eq!(frame.arcs.len(), NEW_PATHS_PER_FRAME);
    assert!(frame.waiting_arcs > 0 && frame.fading);
    // Enough frames for every drawn arc's great circle, and no more.
    for later in 1..MAX_DRAWN_ARCS.div_ceil(NEW_PATHS_PER_FRAME) {
        frame.prepare(&scene, &view, &camera, Selected::default(), later as f64);
    }
    assert_eq!(frame.waiting_arcs, 0);
    assert_eq!(frame.arcs.len(), MAX_DRAWN_ARCS);
    assert_eq!(frame.hidden_arcs, view.routes.len() - MAX_DRAWN_ARCS);
    assert!(draws_busiest(&frame));

    // A slow renderer: the budget shrinks, the busiest route stays.
    for _ in 0..20 {
        frame.budget.adapt(0.5);
    }
    assert_eq!(frame.budget.arcs(), MIN_DRAWN_ARCS);
    frame.prepare(&scene, &view, &camera, Selected::default(), 20.0);
    assert_eq!(frame.arcs.len(), MIN_DRAWN_ARCS);
    assert_eq!(frame.hidden_arcs, view.routes.len() - MIN_DRAWN_ARCS);
    assert!(draws_busiest(&frame));
}

#[test]
fn the_arc_budget_follows_frame_times() {
    let mut budget = ArcBudget::default();
    assert_eq!(budget.arcs(), MAX_DRAWN_ARCS);
    budget.adapt(1.0 / 30.0);
    assert_eq!(budget.arcs(), MAX_DRAWN_ARCS, "between the limits: kept");
    budget.adapt(0.5);
    assert_eq!(budget.arcs(), MAX_DRAWN_ARCS * 2 / 3);
    for _ in 0..100 {
        budget.adapt(1.0 / 60.0);
    }
    assert_eq!(budget.arcs(), MAX_DRAWN_ARCS, "fast frames: all again");
    let rate = budget.frames_per_second().unwrap();
    assert!((rate - 60.0).abs() < 1.0, "{rate} frames a second");
    assert_eq!(ArcBudget::default().frames_per_second(), None);
}
