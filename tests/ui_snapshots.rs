//! Whole screens as users see them, compared against the reference images
//! in `tests/snapshots/` (remake them with `UPDATE_SNAPSHOTS=1 cargo test`).

mod support;

use legation::scene::ItemRef;
use support::{app, click_at};

const SEED: &str = "data/shoigu-pyongyang.json";

#[test]
fn the_map_with_arcs_markers_and_legend() {
    let mut harness = app(&[SEED], [1280.0, 800.0]);
    harness.snapshot("app_map");
}

#[test]
fn the_source_panel_with_the_cited_sentence() {
    let mut harness = app(&[SEED], [1280.0, 800.0]);
    let route = support::route_of_visit(
        &harness,
        ItemRef {
            dataset: 0,
            index: 0,
        },
    );
    let on_arc = harness.state().drawn_route_middle(route).unwrap();
    click_at(&mut harness, on_arc);
    support::wait_for_basemap(&mut harness);
    harness.remove_cursor();
    harness.run_steps(2);
    harness.snapshot("app_source_panel");
}
