//! The app as users meet it: click an arc or a marker to read the sentence
//! it came from, clear with Escape, and see problems listed while the rest
//! of the data still draws.

mod support;

use egui::{Key, Pos2};
use egui_kittest::kittest::Queryable as _;
use legation::scene::ItemRef;
use legation::ui::Startup;
use support::{app, click_at, drag, start_app, wait_for_basemap};

const SEED: &str = "data/shoigu-pyongyang.json";
const SIZE: [f32; 2] = [1280.0, 800.0];

/// Clicks the middle of the arc of the first file's first visit.
fn click_route_of_first_visit(
    harness: &mut egui_kittest::Harness<'static, legation::ui::LegationApp>,
) {
    let route = route_of_visit(harness, 0);
    let on_arc = harness
        .state()
        .drawn_route_middle(route)
        .expect("the arc is drawn");
    click_at(harness, on_arc);
}

/// The route of the visit at `index` of the first file.
fn route_of_visit(
    harness: &egui_kittest::Harness<'static, legation::ui::LegationApp>,
    index: usize,
) -> usize {
    support::route_of_visit(harness, ItemRef { dataset: 0, index })
}

#[test]
fn clicking_the_shoigu_arc_shows_his_sentence_highlighted_and_escape_clears_it() {
    let mut harness = app(&[SEED], SIZE);
    click_route_of_first_visit(&mut harness);

    assert_eq!(
        harness.state().selection.visits,
        vec![ItemRef {
            dataset: 0,
            index: 0
        }]
    );
    harness.get_by_label_contains("A Russian delegation led by Defence Minister Sergei Shoigu");
    harness.get_by_label_contains("Sergei Shoigu, Defence Minister");

    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().selection.is_empty());
    assert!(harness.query_by_label_contains("Cited passage").is_none());
}

#[test]
fn clicking_a_marker_selects_its_events_and_shows_their_source() {
    let mut harness = app(&[SEED], SIZE);
    // China's Monday statement, in Beijing.
    let statement = {
        let app = harness.state();
        app.scene
            .events
            .iter()
            .position(|event| {
                event.item
                    == ItemRef {
                        dataset: 0,
                        index: 5,
                    }
            })
            .unwrap()
    };
    let marker = harness
        .state()
        .drawn_event_marker(statement)
        .expect("the marker is drawn");
    click_at(&mut harness, marker);

    assert!(harness.state().selection.events.contains(&ItemRef {
        dataset: 0,
        index: 5
    }));
    harness.get_by_label_contains("China asserted on Monday");
}

#[test]
fn a_click_at_the_end_of_a_pan_selects_nothing() {
    let mut harness = app(&[SEED], SIZE);
    let route = route_of_visit(&harness, 0);
    let on_arc = harness.state().drawn_route_middle(route).unwrap();
    drag(&mut harness, on_arc + egui::vec2(-150.0, 120.0), on_arc);
    assert!(
        harness.state().selection.is_empty(),
        "a pan ending on an arc is not a click on it"
    );
}

#[test]
fn problems_are_listed_by_file_and_path_while_valid_items_still_draw() {
    let mut harness = app(
        &[
            "tests/fixtures/invalid/several-problems.json",
            "tests/fixtures/invalid/truncated.json",
            SEED,
        ],
        SIZE,
    );
    assert!(
        harness.state().view.visit_count() >= 3,
        "valid visits of every file draw"
    );
    harness.get_by_label_contains("problems").click();
    harness.run_steps(3);
    harness.get_by_label_contains("several-problems.json: $.visits[0].to.country: `ZZ`");
    harness.get_by_label_contains("truncated.json:");
    let app = harness.state();
    let seed_routes = app
        .view
        .routes
        .iter()
        .filter(|shown| {
            app.scene
                .visits_of(shown.route, app.view.window)
                .any(|visit| app.scene.visits[visit].item.dataset == 2)
        })
        .count();
    assert_eq!(
        seed_routes, 2,
        "the good file's arcs still draw beside the bad ones"
    );
}

#[test]
fn fit_to_data_shows_every_place() {
    let mut harness = app(&[SEED], SIZE);
    harness.get_by_label("Fit to data").click();
    harness.run_steps(3);
    let app = harness.state();
    let on_screen = |pos: Pos2| pos.x > 0.0 && pos.x < SIZE[0] && pos.y > 0.0 && pos.y < SIZE[1];
    for route in 0..app.view.routes.len() {
        assert!(
            on_screen(app.drawn_route_middle(route).unwrap()),
            "route {route}"
        );
    }
    for shown in &app.view.places {
        let event = app.scene.events_at(&[shown.place], app.view.window)[0];
        assert!(
            on_screen(app.drawn_event_marker(event).unwrap()),
            "event {event}"
        );
    }
}

#[test]
fn the_first_launch_opens_on_the_bundled_story_with_the_world_filling_the_map() {
    // No files named: the bundled story and the US record, as on a fresh
    // clone; the story names its view.
    let mut harness = app(&[], SIZE);
    harness.run_steps(3);
    let app = harness.state();
    assert!(app.workspace.files.len() >= 2, "the bundled datasets open");
    let (lat, lon, zoom) = app.map_center_zoom().expect("the map looks at the story");
    let world_zoom = legation::scene::world_zoom(SIZE[0]);
    assert!(
        zoom >= world_zoom,
        "zoom {zoom}: the world is narrower than the map"
    );
    assert!(zoom > world_zoom + 0.5, "zoom {zoom}: the story is a speck");
    let camera = legation::scene::Camera::new(
        legation::scene::GeoPoint::new(lat, lon),
        zoom,
        [0.0, 0.0, SIZE[0], SIZE[1]],
    );
    // Moscow, Beijing, Pyongyang and Seoul are all in view.
    for (name, lat, lon) in [
        ("Moscow", 55.75, 37.62),
        ("Beijing", 39.91, 116.40),
        ("Pyongyang", 39.03, 125.75),
        ("Seoul", 37.57, 126.98),
    ] {
        let [x, y] = camera.project(legation::scene::GeoPoint::new(lat, lon));
        assert!(
            (0.0..SIZE[0]).contains(&x) && (0.0..SIZE[1]).contains(&y),
            "{name} off the map at {x}, {y}"
        );
    }
}

/// A sound dataset of `count` visits from Moscow to Pyongyang, one a day.
fn many_visits(count: usize) -> String {
    let visits: Vec<String> = (0..count)
        .map(|index| {
            let day = 1 + index % 28;
            let month = 1 + (index / 28) % 12;
            let year = 1950 + index / 336;
            format!(
                r#"{{"id":"v{index}","leader":{{"name":"Envoy {index}","country":"RU"}},"from":{{"country":"RU","place":"Moscow"}},"to":{{"country":"KP","place":"Pyongyang"}},"date":"{year}-{month:02}-{day:02}"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format":"legation/1","visits":[{}]}}"#,
        visits.join(",")
    )
}

/// A folder of its own holding `name`, a file of [`many_visits`]`(count)`:
/// the folder (to remove) and the file.
fn visits_file(name: &str, count: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    let folder = std::env::temp_dir().join(format!("legation-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    let path = folder.join(name);
    std::fs::write(&path, many_visits(count)).expect("a scratch file");
    (folder, path)
}

#[test]
fn a_big_file_loads_behind_a_progress_bar_while_the_window_keeps_drawing() {
    const VISITS: usize = 240_000;
    // Big enough (30 MB) that the first frame comes long before the
    // records are read, even while the other tests hold the cores: with
    // 60,000 visits a busy CI machine once read them all first.
    let (folder, path) = visits_file("many-visits.json", VISITS);

    let mut harness = start_app(
        Startup {
            files: vec![path],
            ..Startup::default()
        },
        SIZE,
    );
    harness.step();
    assert!(
        harness.state().is_loading(),
        "loading runs beside the frames"
    );
    harness.get_by_label_contains("Opening many-visits.json");
    // Nothing was open before: the timeline says it is coming, not that
    // there is no data to show.
    assert!(harness.query_by_label_contains("No dated visits").is_none());
    harness.get_by_label_contains("The timeline appears once the records are read");
    // Meanwhile the map shows the whole world (as wide as the window), not
    // open sea at the map widget's default street-level zoom.
    let (_, _, zoom) = harness
        .state()
        .map_center_zoom()
        .expect("the map is placed before the data arrives");
    assert!(
        (zoom - f64::from(SIZE[0] / 256.0).log2()).abs() < 0.01,
        "zoom {zoom}"
    );

    wait_for_basemap(&mut harness);
    assert_eq!(harness.state().scene.visits.len(), VISITS);
    assert!(harness.query_by_label_contains("Opening").is_none());
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_big_file_changed_on_disk_says_so_once_above_the_selected_items() {
    let (folder, path) = visits_file("kept.json", 240_000);
    // Big enough that the app keeps the file open rather than its bytes.
    assert!(std::fs::metadata(&path).unwrap().len() >= 32 << 20);
    let mut harness = start_app(
        Startup {
            files: vec![path.clone()],
            ask_above_mb: Some(0),
            ..Startup::default()
        },
        SIZE,
    );
    wait_for_basemap(&mut harness);

    // Changed in place after opening, as a tool appending to it would.
    std::io::Write::write_all(
        &mut std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap(),
        b"\n",
    )
    .unwrap();
    click_route_of_first_visit(&mut harness);
    // The pointer leaves the map, and its tooltip with it.
    harness.hover_at(Pos2::new(SIZE[0] - 5.0, 5.0));
    harness.run_steps(3);

    assert!(harness.state().selection.visits.len() > 1);
    let said = harness
        .query_all_by_label_contains("kept.json changed on disk since it was opened")
        .count();
    assert_eq!(said, 1, "the file's message, once");
    assert!(
        harness
            .query_all_by_label_contains("Cannot be read: its file changed")
            .count()
            > 1,
        "each listed item says it cannot be read"
    );
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn a_file_over_the_size_limit_opens_only_when_the_user_says_so() {
    let (folder, path) = visits_file("two-megabytes.json", 12_000);
    assert!(std::fs::metadata(&path).unwrap().len() > 1 << 20);
    let startup = Startup {
        files: vec![path],
        ask_above_mb: Some(1),
        ..Startup::default()
    };

    let mut harness = start_app(startup.clone(), SIZE);
    harness.run_steps(2);
    assert!(
        !harness.state().is_loading(),
        "nothing loads before the answer"
    );
    harness.get_by_label_contains("two-megabytes.json: 2 MB");
    harness.get_by_label("Cancel").click();
    wait_for_basemap(&mut harness);
    assert!(harness.query_by_label("Open a large file?").is_none());
    assert!(harness.state().workspace.files.is_empty());

    let mut harness = start_app(startup, SIZE);
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    wait_for_basemap(&mut harness);
    assert_eq!(harness.state().workspace.files.len(), 1);
    assert_eq!(harness.state().scene.visits.len(), 12_000);
    std::fs::remove_dir_all(&folder).unwrap();
}
