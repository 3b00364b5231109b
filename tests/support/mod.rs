//! The one way UI tests start the app: as eframe would, headless, on wgpu,
//! with the basemap loaded before the test looks.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use legation::scene::ItemRef;
use legation::ui::{LegationApp, Startup};

/// A path in the source tree.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The app on `files`, in a light theme, `size` points large, with its
/// basemap drawn.
pub fn app(files: &[&str], size: [f32; 2]) -> Harness<'static, LegationApp> {
    app_with(
        Startup {
            files: files.iter().map(|file| repo_path(file)).collect(),
            ..Startup::default()
        },
        size,
    )
}

/// The app as `startup` asks, in a light theme, `size` points large, with
/// its basemap drawn.
pub fn app_with(startup: Startup, size: [f32; 2]) -> Harness<'static, LegationApp> {
    let mut harness = start_app(startup, size);
    wait_for_basemap(&mut harness);
    harness
}

/// The app as `startup` asks, in a light theme, `size` points large, before
/// its first frame: files are still loading.
pub fn start_app(startup: Startup, size: [f32; 2]) -> Harness<'static, LegationApp> {
    Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(move |cc| {
            walkers::install_renderer(cc.wgpu_render_state.as_ref());
            LegationApp::new(cc, startup, Arc::new(Mutex::new(None)))
        })
}

/// Steps until the files have loaded and the basemap has settled for a few
/// frames in a row.
pub fn wait_for_basemap(harness: &mut Harness<'static, LegationApp>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut settled_frames = 0;
    while settled_frames < 4 {
        assert!(
            Instant::now() < deadline,
            "the files and the basemap did not load within 30 s"
        );
        harness.step();
        let state = harness.state();
        settled_frames = if state.basemap_settled() && !state.is_loading() {
            settled_frames + 1
        } else {
            0
        };
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A left click at `pos`, as a user makes one: move there, press, release.
pub fn click_at(harness: &mut Harness<'static, LegationApp>, pos: Pos2) {
    harness.hover_at(pos);
    harness.step();
    press(harness, pos, true);
    harness.step();
    press(harness, pos, false);
    harness.run_steps(3);
}

/// A drag with the left button from `from` to `to`, in small moves.
pub fn drag(harness: &mut Harness<'static, LegationApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.step();
    press(harness, from, true);
    harness.step();
    for step in 1..=10 {
        harness.hover_at(from + (to - from) * (step as f32 / 10.0));
        harness.step();
    }
    press(harness, to, false);
    harness.run_steps(3);
}

/// Presses or releases the left button at `pos`.
pub fn press(harness: &Harness<'static, LegationApp>, pos: Pos2, pressed: bool) {
    harness.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    });
}

/// The position in `view.routes` of the route that shows visit `item`.
pub fn route_of_visit(harness: &Harness<'static, LegationApp>, item: ItemRef) -> usize {
    let app = harness.state();
    let visit = app.scene.visit_position(item).expect("the visit is placed");
    let route = app.scene.visits[visit].route;
    app.view
        .routes
        .iter()
        .position(|shown| shown.route == route)
        .expect("the visit is shown")
}
