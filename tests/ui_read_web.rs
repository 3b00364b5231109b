//! File, Open URL… as a user meets it: a news page served on 127.0.0.1 is
//! fetched off the ui thread, its visits drawn on the map, and its cleaned
//! text (no menus, no cookie banner) shown in the source panel.

mod support;
mod web_support;

use egui::Event;
use egui_kittest::kittest::Queryable as _;
use legation::scene::ItemRef;
use support::{app, click_at, repo_path, wait_for_basemap};
use web_support::{Reply, Server};

const SIZE: [f32; 2] = [1280.0, 800.0];

#[test]
fn open_url_shows_a_pages_visits_and_its_cleaned_text() {
    let page = std::fs::read(repo_path("data/articles/2023-07-25-shoigu-pyongyang.html")).unwrap();
    // A path of this run's own: the app keeps fetched pages in the user's
    // cache, where an earlier run's page must not stand in for this one.
    let path = format!(
        "/news/shoigu-{}-{}.html",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos())
    );
    let server = Server::start(vec![(
        path.as_str(),
        Reply::ok("text/html; charset=utf-8", page),
    )]);
    let url = server.url(&path);
    let mut harness = app(&["tests/fixtures/valid-minimal.json"], SIZE);

    harness.get_by_label("File").click();
    harness.run_steps(4);
    harness.get_by_label("Open URL…").click();
    // A dialog's first frame only measures it.
    harness.run_steps(4);
    harness.get_by_label_contains("Addresses of news pages or feeds");
    // A line that is no address is refused at the dialog, before any fetch.
    harness.event(Event::Text("www.example.org/no-scheme".to_owned()));
    harness.run_steps(4);
    harness.get_by_label("Open").click();
    harness.run_steps(4);
    harness.get_by_label_contains("Line 1: `www.example.org/no-scheme` is no web address");
    assert_eq!(server.requests(&path), 0);

    // The user mends the line: all of it replaced by the address.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(Event::Text(url.clone()));
    harness.run_steps(4);
    harness.get_by_label("Open").click();
    wait_for_basemap(&mut harness);

    assert_eq!(server.requests(&path), 1);
    let workspace = &harness.state().workspace;
    assert_eq!(workspace.files.len(), 2);
    let opened = &workspace.files[1];
    assert_eq!(opened.failure, None);
    assert_eq!(
        (opened.records.visit_count(), opened.records.event_count()),
        (2, 7)
    );

    let route = support::route_of_visit(
        &harness,
        ItemRef {
            dataset: 1,
            index: 0,
        },
    );
    let on_arc = harness
        .state()
        .drawn_route_middle(route)
        .expect("the Shoigu arc is drawn");
    click_at(&mut harness, on_arc);
    // The small file's Shoigu shares the route; pick the page's visit.
    harness
        .get_by_label_contains("Moscow, Russia to Pyongyang")
        .click();
    harness.run_steps(4);
    harness.get_by_label_contains("A Russian delegation led by Defence Minister Sergei Shoigu");
    assert!(
        harness.query_by_label_contains("Accept all").is_none(),
        "the cookie banner is no part of the text"
    );
    assert!(harness.query_by_label_contains("Most Read").is_none());
}

#[test]
fn a_failing_address_is_listed_in_the_problems_panel() {
    let server = Server::start(vec![]);
    let missing = server.url("/gone.html");
    let mut harness = app(&["tests/fixtures/valid-minimal.json"], SIZE);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .open_addresses(&ctx, vec![missing.clone()]);
    wait_for_basemap(&mut harness);
    harness.get_by_label_contains("problem").click();
    harness.run_steps(4);
    harness.get_by_label_contains(&format!("{missing}: HTTP 404 Not Found"));
    // What was open before still shows.
    assert_eq!(harness.state().workspace.files[0].records.visit_count(), 1);
}
