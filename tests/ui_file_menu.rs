//! The File menu's windows: Export… (the window and query in force are
//! what is exported, the work runs off the ui thread, and what it wrote
//! reads back through the `csv` and `image` crates) and the app's own file
//! chooser, used where the system's dialog cannot open.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use legation::ui::{LegationApp, Picking, Startup};
use support::{app_with, repo_path};

const SEED: &str = "data/shoigu-pyongyang.json";
const SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens File → Export…, picks `format`, types `path` and presses Export,
/// then waits (with a deadline) for the outcome.
fn export(harness: &mut Harness<'static, LegationApp>, format: &str, path: &Path) {
    harness.get_by_label("File").click();
    harness.run_steps(4);
    harness.get_by_label("Export…").click();
    // A window's first frame only measures it.
    harness.run_steps(4);
    harness.get_by_label(format).click();
    harness.run_steps(2);
    let field = harness.get_by_role_and_label(Role::TextInput, "Save to");
    field.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Save to")
        .type_text(&path.display().to_string());
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Export")
        .click();
    // The last export's outcome goes once this one starts.
    harness.run_steps(2);
    let deadline = Instant::now() + Duration::from_mins(2);
    while harness.query_by_label_contains("Wrote").is_none() {
        assert!(Instant::now() < deadline, "the export never finished");
        if let Some(error) = harness.query_by_label_contains("annot") {
            panic!("the export failed: {error:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui_file_menu");
    std::fs::create_dir_all(&dir).expect("Cargo's target/tmp is writable");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn exports_what_the_query_keeps_as_csv_and_the_map_as_png() {
    let startup = Startup {
        files: vec![repo_path(SEED)],
        query: Some("person:Shoigu".to_owned()),
        ..Startup::default()
    };
    let mut harness = app_with(startup, SIZE);
    harness.run_steps(3);

    let csv_path = scratch("shoigu.csv");
    export(&mut harness, "CSV", &csv_path);
    let mut reader = csv::Reader::from_path(&csv_path).expect("the CSV was written");
    let headers = reader.headers().expect("a header row").clone();
    let leader = headers
        .iter()
        .position(|name| name == "leader")
        .expect("a leader column");
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("every row reads");
    assert_eq!(rows.len(), 1, "only what the query keeps");
    assert!(rows[0][leader].contains("Shoigu"), "{:?}", rows[0]);

    let png_path = scratch("map.png");
    export(&mut harness, "PNG", &png_path);
    let image = image::open(&png_path).expect("the PNG was written");
    // The map as on screen at twice its size: the window's full width, a
    // little less than its height (the menus and the timeline take some).
    assert_eq!(image.width(), 2 * SIZE[0] as u32);
    assert!(
        (1000..2 * SIZE[1] as u32).contains(&image.height()),
        "{}",
        image.height()
    );
}

#[test]
fn the_apps_own_chooser_opens_files_where_no_system_dialog_can() {
    // A folder with a dataset, a sub-folder and a file Legation does not open.
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ui_chooser");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(folder.join("older")).expect("Cargo's target/tmp is writable");
    std::fs::copy(repo_path(SEED), folder.join("story.json")).expect("the story copies");
    std::fs::write(folder.join("notes.odt"), b"x").expect("a file writes");

    let mut harness = app_with(Startup::default(), SIZE);
    harness
        .state_mut()
        .choose(Picking::Files, Some(folder.join("older")));
    harness.run_steps(4);
    // Up to the folder, where the dataset is listed and the notes are not.
    harness.get_by_label("Up").click();
    harness.run_steps(3);
    harness.get_by_label_contains("older/");
    assert!(harness.query_by_label_contains("notes.odt").is_none());
    harness.get_by_label_contains("story.json").click();
    harness.run_steps(2);
    harness.get_by_label("Open 1 ticked").click();
    let picked = folder.join("story.json");
    let opened = |harness: &Harness<'static, LegationApp>| {
        let files = &harness.state().workspace.files;
        !harness.state().is_loading() && files.iter().any(|file| file.path == picked)
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while !opened(&harness) {
        assert!(Instant::now() < deadline, "the picked file never opened");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    assert!(
        harness.query_by_label("Open files").is_none(),
        "the chooser closed"
    );
}
