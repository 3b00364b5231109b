//! Finding records in the app: a query typed in the search box narrows the
//! map, the legend's counts and the timeline; a legend entry clicked
//! narrows the query; a wrong query says what is wrong and keeps the map.

mod support;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use legation::model::EventKind;
use legation::ui::{LegationApp, Startup};
use support::{app, app_with, repo_path};

const SEED: &str = "data/shoigu-pyongyang.json";
const SIZE: [f32; 2] = [1280.0, 800.0];

/// Types `query` into the search box, replacing what it held, and
/// presses Enter (the box lets go, its completions close).
fn find(harness: &mut Harness<'static, LegationApp>, query: &str) {
    type_query(harness, query);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

/// Types `query` into the search box, replacing what it held, and leaves
/// the box the focus.
fn type_query(harness: &mut Harness<'static, LegationApp>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.step();
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text(query);
    harness.run_steps(3);
}

fn kind_count(harness: &Harness<'static, LegationApp>, kind: EventKind) -> usize {
    let at = EventKind::ALL
        .iter()
        .position(|&k| k == kind)
        .expect("a kind of the list");
    harness.state().view.kinds[at]
}

#[test]
fn a_typed_query_narrows_the_map_the_legend_and_the_counts() {
    let mut harness = app(&[SEED], SIZE);
    assert_eq!(harness.state().view.visit_count(), 2);
    assert_eq!(kind_count(&harness, EventKind::Parade), 1);
    harness.get_by_label("Parade (1)");

    find(&mut harness, "kind:missile_launch");
    assert_eq!(harness.state().query(), Some("kind:missile_launch"));
    assert_eq!(harness.state().view.visit_count(), 0);
    assert_eq!(harness.state().view.event_count(), 2);
    assert_eq!(kind_count(&harness, EventKind::MissileLaunch), 2);
    assert_eq!(kind_count(&harness, EventKind::Parade), 0);
    harness.get_by_label("Missile launch (2)");
    assert!(harness.query_by_label("Parade (1)").is_none());
    harness.get_by_label("kind: missile_launch  ×");

    find(&mut harness, "person:Shoigu");
    assert_eq!(harness.state().view.visit_count(), 1);
    assert_eq!(harness.state().view.event_count(), 0);
    harness.get_by_label("Russia (1)");
    assert!(harness.query_by_label("China (1)").is_none());

    // The chip takes its term out: everything shows again.
    harness.get_by_label("person: Shoigu  ×").click();
    harness.run_steps(3);
    assert_eq!(harness.state().query(), None);
    assert_eq!(harness.state().view.visit_count(), 2);
}

#[test]
fn a_legend_click_narrows_the_query_and_ctrl_click_takes_it_back() {
    let mut harness = app(&[SEED], SIZE);
    harness.get_by_label("Russia (1)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().query(), Some("from:RU"));
    assert_eq!(harness.state().view.visit_count(), 1);
    assert!(harness.query_by_label("China (1)").is_none());

    harness
        .get_by_label("Russia (1)")
        .click_modifiers(Modifiers::COMMAND);
    harness.run_steps(3);
    assert_eq!(harness.state().query(), None);
    assert_eq!(harness.state().view.visit_count(), 2);
}

#[test]
fn a_wrong_query_says_why_and_keeps_what_was_shown() {
    let mut harness = app(&[SEED], SIZE);
    find(&mut harness, "to:KP");
    assert_eq!(harness.state().view.visit_count(), 2);
    find(&mut harness, "form:RU");
    harness.get_by_label("unknown field `form`: did you mean `from`?");
    assert_eq!(
        harness.state().query(),
        Some("to:KP"),
        "the last sound query"
    );
    assert_eq!(harness.state().view.visit_count(), 2, "to:KP still applies");
}

#[test]
fn the_command_lines_query_applies_at_start() {
    let harness = app_with(
        Startup {
            files: vec![repo_path(SEED)],
            query: Some("kind:parade,ceremony".to_owned()),
            ..Startup::default()
        },
        SIZE,
    );
    assert_eq!(harness.state().view.visit_count(), 0);
    assert_eq!(harness.state().view.event_count(), 2);
}

#[test]
fn the_table_lists_the_window_and_query_and_a_row_click_selects_its_record() {
    let mut harness = app(&[SEED], SIZE);
    harness.key_press(Key::T);
    harness.run_steps(3);
    let all = harness.state().view.visit_count() + harness.state().view.event_count();
    assert_eq!(harness.state().table_rows(), all);
    find(&mut harness, "kind:visit");
    harness.key_press(Key::Escape);
    harness.run_steps(3);
    assert_eq!(harness.state().table_rows(), 2);

    harness
        .get_by_label("Li Hongzhong, Politburo member")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.focused(),
        Some((0, legation::edit::Target::Visit(1)))
    );
    harness.get_by_label("Cited passage");
    // Up moves to the row above: Shoigu's visit.
    harness.key_press(Key::ArrowUp);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection.focused(),
        Some((0, legation::edit::Target::Visit(0)))
    );
}

#[test]
fn a_summary_bar_joins_the_query() {
    let mut harness = app(&[SEED], SIZE);
    harness.key_press(Key::S);
    harness.run_steps(3);
    harness.get_by_label("Top destinations");
    harness.get_by_label("North Korea (2)").click();
    harness.run_steps(3);
    assert_eq!(harness.state().query(), Some("to:KP"));
    assert_eq!(harness.state().view.event_count(), 0);
    harness.get_by_label("Sergei Shoigu (1)");
}

#[test]
fn the_search_box_completes_fields_and_the_datas_values() {
    let mut harness = app(&[SEED], SIZE);
    type_query(&mut harness, "pers");
    harness.get_by_label("person:");
    harness.key_press(Key::Tab);
    harness.run_steps(3);
    // The people offered are the open data's own travellers.
    harness
        .get_by_role_and_label(Role::TextInput, "Find")
        .type_text("sho");
    harness.run_steps(3);
    harness.get_by_label("Sergei Shoigu").click();
    harness.run_steps(3);
    assert_eq!(harness.state().query(), Some(r#"person:"Sergei Shoigu""#));
    assert_eq!(harness.state().view.visit_count(), 1);

    // Countries by name, the data's first; Down then Tab takes the second.
    type_query(&mut harness, "to:");
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Tab);
    harness.run_steps(3);
    let query = harness.state().query().expect("a query applies").to_owned();
    assert!(
        ["to:KP", "to:CN", "to:RU", "to:KR"].contains(&query.as_str()),
        "{query}"
    );
}
