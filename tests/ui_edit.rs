//! Correcting records as a person does, in the real app: fix a visit's
//! date and save it (the file says what was edited, and nothing else
//! changed), undo, refuse a wrong date with the loader's words, make a
//! visit from a selected passage, walk the unreviewed records least sure
//! first, be asked before quitting with unsaved changes, and get unsaved
//! edits back after a crash.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::text::{CCursor, CCursorRange};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use legation::edit::Target;
use legation::scene::ItemRef;
use legation::ui::{LegationApp, Startup};
use serde_json::Value;
use support::{app_with, click_at, repo_path, route_of_visit};

const SIZE: [f32; 2] = [1280.0, 800.0];

/// A scratch folder of this test's own, empty.
fn scratch(name: &str) -> PathBuf {
    let folder =
        std::env::temp_dir().join(format!("legation-ui-edit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("the temporary folder is writable");
    folder
}

/// The app on a copy of the bundled story in `folder`, keeping unsaved
/// edits in `folder/autosave`.
fn story_app(folder: &Path, json: &str) -> (Harness<'static, LegationApp>, PathBuf) {
    let path = folder.join("story.json");
    if !path.exists() {
        std::fs::write(&path, json).expect("the scratch folder is writable");
    }
    let harness = app_with(
        Startup {
            files: vec![path.clone()],
            autosave: Some(folder.join("autosave")),
            ..Startup::default()
        },
        SIZE,
    );
    (harness, path)
}

fn bundled_story() -> String {
    std::fs::read_to_string(repo_path("data/shoigu-pyongyang.json")).expect("the story reads")
}

/// Steps until the map has been redrawn after a change.
fn settle(harness: &mut Harness<'static, LegationApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    harness.run_steps(2);
    while harness.state().is_loading() {
        assert!(
            Instant::now() < deadline,
            "the map was not redrawn within 20 s"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run_steps(2);
}

/// Clicks the arc of visit `index` of the first file.
fn select_visit(harness: &mut Harness<'static, LegationApp>, index: usize) {
    let route = route_of_visit(harness, ItemRef { dataset: 0, index });
    let on_arc = harness
        .state()
        .drawn_route_middle(route)
        .expect("the arc is drawn");
    click_at(harness, on_arc);
    assert_eq!(
        harness.state().selection.focused(),
        Some((0, Target::Visit(index)))
    );
}

/// Replaces the text of the box labelled `label` with `text`.
fn retype(harness: &mut Harness<'static, LegationApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.step();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(2);
}

fn visit_date(harness: &Harness<'static, LegationApp>, index: usize) -> String {
    harness.state().workspace.files[0]
        .visit(index)
        .expect("the visit reads")
        .date
        .to_string()
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("the file reads")).expect("the file is JSON")
}

#[test]
fn a_fixed_date_is_saved_with_what_it_was_and_nothing_else_changes() {
    let folder = scratch("fix-date");
    let original = bundled_story().replace(
        "\"format\": \"legation/1\",",
        "\"format\": \"legation/1\",\n  \"curator\": {\"name\": \"a user field\"},",
    );
    let (mut harness, path) = story_app(&folder, &original);
    select_visit(&mut harness, 0);
    assert_eq!(visit_date(&harness, 0), "2023-07-25");

    harness.get_by_label("Edit record").click();
    harness.run_steps(2);
    retype(&mut harness, "Date", "2023-07-26");
    harness.get_by_label("Apply").click();
    settle(&mut harness);
    assert_eq!(visit_date(&harness, 0), "2023-07-26");
    assert!(harness.state().has_unsaved_changes());
    assert!(
        harness.state().title().starts_with('●'),
        "{}",
        harness.state().title()
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().has_unsaved_changes());
    assert!(!harness.state().title().starts_with('●'));

    let (before, after) = (json_of(&original), json(&path));
    let edited = &after["visits"][0];
    assert_eq!(edited["date"], "2023-07-26");
    let edits = &edited["provenance"]["edited"];
    assert_eq!(edits.as_array().map(Vec::len), Some(1), "{edits}");
    assert_eq!(edits[0]["field"], "date");
    assert_eq!(edits[0]["was"], "2023-07-25");
    assert!(edits[0]["at"].as_str().is_some_and(|at| at.ends_with('Z')));
    assert_eq!(
        edited["provenance"]["by"],
        before["visits"][0]["provenance"]["by"]
    );
    // Everything else, the user's own field among it, as it was.
    let without_edit = |mut document: Value| {
        let visit = &mut document["visits"][0];
        visit["date"] = Value::Null;
        visit["provenance"]["edited"] = Value::Null;
        document
    };
    assert_eq!(without_edit(after), without_edit(before));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(visit_date(&harness, 0), "2023-07-25", "undo restores");
    assert!(
        harness.state().has_unsaved_changes(),
        "the file still has the fix"
    );
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    settle(&mut harness);
    assert_eq!(visit_date(&harness, 0), "2023-07-26", "redo makes it again");
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).expect("the story is JSON")
}

#[test]
fn a_wrong_date_is_marked_at_its_field_and_cannot_be_applied() {
    let folder = scratch("wrong-date");
    let (mut harness, _) = story_app(&folder, &bundled_story());
    select_visit(&mut harness, 0);
    harness.key_press(Key::E);
    harness.run_steps(2);
    retype(&mut harness, "Date", "2023-13-01");
    harness.get_by_label_contains("the month must be between 01 and 12");
    let apply = harness.get_by_label("Apply");
    assert!(
        apply.accesskit_node().is_disabled(),
        "Apply is off while a field is wrong"
    );
    apply.click();
    harness.run_steps(2);
    assert_eq!(visit_date(&harness, 0), "2023-07-25");
    assert!(!harness.state().has_unsaved_changes());

    retype(&mut harness, "Date", "2023-07-18/2023-07-25");
    harness.get_by_label_contains("an interval");
    assert!(!harness.get_by_label("Apply").accesskit_node().is_disabled());
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}

#[test]
fn a_selected_passage_becomes_a_new_visit_prefilled_by_the_extractor() {
    let folder = scratch("passage");
    let (mut harness, path) = story_app(&folder, &bundled_story());
    select_visit(&mut harness, 0);
    let visits = harness.state().workspace.files[0].visit_count();
    // The person selects the sentence telling of the Chinese delegation.
    let text = json(&path)["sources"][0]["text"]
        .as_str()
        .expect("the source has a text")
        .to_owned();
    let sentence =
        "joining a Chinese Communist Party group headed by Politburo member Li Hongzhong";
    let start = text.find(sentence).expect("the sentence is in the text");
    let (from, to) = (
        text[..start].chars().count(),
        text[..start + sentence.len()].chars().count(),
    );
    let id = egui::Id::unique(legation::ui::SOURCE_TEXT);
    let mut state = egui::TextEdit::load_state(&harness.ctx, id).expect("the source text is shown");
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(from),
        CCursor::new(to),
    )));
    state.store(&harness.ctx, id);
    harness.ctx.memory_mut(|memory| memory.request_focus(id));
    harness.run_steps(2);

    harness.get_by_label("New visit from this passage").click();
    harness.run_steps(3);
    let name = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .value();
    assert_eq!(name.as_deref(), Some("Li Hongzhong"));
    let places: Vec<String> = harness
        .get_all_by_role_and_label(Role::TextInput, "Place")
        .filter_map(|node| node.value())
        .collect();
    assert!(places.contains(&"Pyongyang".to_owned()), "{places:?}");
    harness.get_by_label("Apply").click();
    settle(&mut harness);

    let file = &harness.state().workspace.files[0];
    assert_eq!(file.visit_count(), visits + 1);
    let added = file.visit(visits).expect("the new visit reads");
    let provenance = legation::model::Provenance::of(&added.extra).expect("it has provenance");
    assert_eq!(provenance.by, legation::model::By::Hand);
    let cited = added
        .source
        .as_ref()
        .and_then(|source| source.span)
        .expect("a cited span");
    assert_eq!(cited.slice(&text), Some(sentence));
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}

/// A dataset of four visits to Pyongyang: sure, unsure, unsaid and
/// already reviewed.
fn confidences() -> String {
    let visit = |id: &str, provenance: &str| {
        format!(
            r#"{{"id": "{id}", "from": {{"country": "RU", "place": "Moscow"}}, "to": {{"country": "KP", "place": "Pyongyang"}}, "date": "2023-07-25"{provenance}}}"#
        )
    };
    format!(
        r#"{{"format": "legation/1", "visits": [{}, {}, {}, {}]}}"#,
        visit(
            "sure",
            r#", "provenance": {"by": "extract", "confidence": "high"}"#
        ),
        visit(
            "unsure",
            r#", "provenance": {"by": "extract", "confidence": "low"}"#
        ),
        visit("unsaid", ""),
        visit(
            "checked",
            r#", "provenance": {"by": "extract", "confidence": "low", "reviewed": true}"#
        ),
    )
}

#[test]
fn review_mode_walks_the_unreviewed_records_least_sure_first() {
    let folder = scratch("review");
    let (mut harness, _) = story_app(&folder, &confidences());
    let mut walked = Vec::new();
    for _ in 0..4 {
        harness.key_press(Key::N);
        harness.run_steps(2);
        let (file, target) = harness
            .state()
            .selection
            .focused()
            .expect("N selects a record");
        let Target::Visit(index) = target else {
            panic!("only visits here");
        };
        walked.push(
            harness.state().workspace.files[file]
                .visit(index)
                .unwrap()
                .id
                .clone(),
        );
    }
    assert_eq!(
        walked,
        ["unsure", "unsaid", "sure", "unsure"],
        "least sure first, then round again"
    );

    harness.key_press(Key::R);
    settle(&mut harness);
    harness.get_by_label("reviewed");
    harness.key_press(Key::N);
    harness.run_steps(2);
    let (_, target) = harness
        .state()
        .selection
        .focused()
        .expect("N selects a record");
    assert_eq!(
        target,
        Target::Visit(2),
        "the reviewed one is skipped from then on"
    );
    harness.key_press(Key::P);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection.focused(),
        Some((0, Target::Visit(0)))
    );
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}

/// Asks the window to close, as its close button does.
fn request_close(harness: &mut Harness<'static, LegationApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(2);
}

fn closes(harness: &Harness<'static, LegationApp>) -> bool {
    harness.output().viewport_output.values().any(|output| {
        output
            .commands
            .iter()
            .any(|command| matches!(command, egui::ViewportCommand::Close))
    })
}

#[test]
fn quitting_with_unsaved_changes_asks_to_save_discard_or_cancel() {
    let folder = scratch("quit");
    let (mut harness, path) = story_app(&folder, &bundled_story());
    request_close(&mut harness);
    assert!(
        harness.query_by_label("Save changes?").is_none(),
        "nothing to save: no question"
    );

    select_visit(&mut harness, 0);
    harness.key_press(Key::R);
    settle(&mut harness);
    request_close(&mut harness);
    harness.get_by_label("Save changes?");
    harness.get_by_label_contains("Unsaved changes to story.json");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(!closes(&harness));
    assert!(harness.state().has_unsaved_changes());

    request_close(&mut harness);
    harness.get_by_label("Save").click();
    harness.run_steps(2);
    assert!(!harness.state().has_unsaved_changes());
    assert!(closes(&harness), "saved, the window closes");
    assert_ne!(
        json(&path)["visits"][0]["provenance"]["reviewed"],
        true,
        "the record was unmarked"
    );
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}

#[test]
fn unsaved_edits_are_offered_back_after_a_crash() {
    let folder = scratch("crash");
    let (mut harness, path) = story_app(&folder, &bundled_story());
    select_visit(&mut harness, 1);
    harness.key_press(Key::Delete);
    settle(&mut harness);
    let visits = harness.state().workspace.files[0].visit_count();
    harness.state_mut().autosave_now();
    // The app dies here: nothing saved, nothing cleaned up.
    std::mem::forget(harness);
    assert_eq!(
        json(&path)["visits"].as_array().map(Vec::len),
        Some(visits + 1)
    );

    let (mut harness, _) = story_app(&folder, "");
    harness.get_by_label("Restore 1 unsaved edit to story.json?");
    harness.get_by_label("Restore").click();
    settle(&mut harness);
    assert_eq!(harness.state().workspace.files[0].visit_count(), visits);
    assert!(harness.state().has_unsaved_changes());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    assert_eq!(
        harness.state().workspace.files[0].visit_count(),
        visits + 1,
        "a restored edit can be undone"
    );
    std::fs::remove_dir_all(&folder).expect("the scratch folder goes");
}
