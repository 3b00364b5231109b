//! Time as users drive it: playback with Space, dragging the window's
//! handle, typing a window; the map follows.

mod support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{By, Queryable as _};
use legation::model::Day;
use legation::scene::{TimeWindow, WindowSpec};
use legation::ui::Startup;
use support::{app_with, drag, repo_path};

const SIZE: [f32; 2] = [1280.0, 800.0];

fn day(y: i32, m: u32, d: u32) -> Day {
    Day::from_ymd(y, m, d).expect("a real day")
}

/// The seed data, showing the three days 18-20 July 2023 (before the
/// delegations arrived).
fn app_before_the_visits() -> egui_kittest::Harness<'static, legation::ui::LegationApp> {
    app_with(
        Startup {
            files: vec![repo_path("data/shoigu-pyongyang.json")],
            date: Some(day(2023, 7, 20)),
            window: Some("3d".parse::<WindowSpec>().expect("a window spec")),
            ..Startup::default()
        },
        SIZE,
    )
}

#[test]
fn the_command_line_window_is_what_the_map_shows() {
    let harness = app_before_the_visits();
    let app = harness.state();
    assert_eq!(
        app.window(),
        Some(TimeWindow::new(day(2023, 7, 18), day(2023, 7, 20)))
    );
    assert_eq!(app.view.visit_count(), 0);
    assert!(
        app.view.event_count() > 0,
        "the missile firings since last week show"
    );
}

#[test]
fn space_plays_the_window_forward_over_frames() {
    let mut harness = app_before_the_visits();
    harness.key_press(Key::Space);
    // One day per second by default; a few seconds of frames.
    harness.run_steps(20);
    let window = harness.state().window().unwrap();
    assert!(
        window.start > day(2023, 7, 18) && window.end <= day(2023, 7, 31),
        "{window:?}"
    );
    assert_eq!(window.days(), 3, "a moving window keeps its length");
    // While playing, the controls say how fast the map draws.
    harness.get_by_label_contains("frames a second");
    harness.key_press(Key::Space);
    harness.run_steps(2);
    let paused = harness.state().window();
    harness.run_steps(120);
    assert_eq!(harness.state().window(), paused, "Space pauses");
    assert!(harness.query_by_label_contains("frames a second").is_none());
}

#[test]
fn arrow_keys_step_and_home_end_jump() {
    let mut harness = app_before_the_visits();
    harness.key_press(Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().window().unwrap().start, day(2023, 7, 19));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().window().unwrap().start, day(2023, 7, 16));
    harness.key_press(Key::End);
    harness.run_steps(2);
    assert_eq!(
        harness.state().window().unwrap().end,
        day(2023, 7, 31),
        "the end of the data"
    );
}

#[test]
fn dragging_the_end_handle_widens_the_window_and_the_map_counts_more() {
    let mut harness = app_before_the_visits();
    assert_eq!(harness.state().view.visit_count(), 0);
    let (_, end) = harness
        .state()
        .timeline_handles()
        .expect("the handles are drawn");
    drag(&mut harness, end, end + egui::vec2(30.0, 0.0));
    let app = harness.state();
    let window = app.window().unwrap();
    assert_eq!(window.start, day(2023, 7, 18), "the other end stays");
    assert!(window.end >= day(2023, 7, 25), "{window:?}");
    assert_eq!(
        app.view.visit_count(),
        2,
        "Shoigu and Li Hongzhong arrive on the 25th"
    );
}

#[test]
fn typing_a_window_applies_it() {
    let mut harness = app_before_the_visits();
    let field = || {
        By::new()
            .role(Role::TextInput)
            .value("2023-07-18/2023-07-20")
    };
    harness.get(field()).focus();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.get(field()).type_text("2023-07-25/2023-07-27");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.window(),
        Some(TimeWindow::new(day(2023, 7, 25), day(2023, 7, 27)))
    );
    assert_eq!(app.view.visit_count(), 2);
}
