//! Saving never changes what a file says: every dataset among the fixtures
//! (and the bundled data), opened as the app opens it and saved as the app
//! saves it, reads back as the same records with the same fields, unknown
//! ones included; and a saved edit changes that record alone.

mod run_support;

use std::path::{Path, PathBuf};

use legation::edit::Target;
use legation::model::{Dataset, parse_dataset};
use legation::workspace::Workspace;
use run_support::temp_path;

/// Every `legation/1` document under `folder`, at any depth, in name order.
fn datasets_under(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![folder.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the fixtures list") {
            let path = entry.expect("the fixtures list").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "json")
                && std::fs::read(&path)
                    .is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains("\"legation/1\""))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// What a file holds, read by the detailed loader, if it is an object.
fn read(path: &Path) -> Option<Dataset> {
    parse_dataset(&std::fs::read(path).ok()?)
        .ok()
        .map(|loaded| loaded.dataset)
}

#[test]
fn every_dataset_saves_back_to_the_same_records_and_fields() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = datasets_under(&root.join("tests/fixtures"));
    files.extend(datasets_under(&root.join("data")));
    assert!(files.len() >= 30, "the fixtures are there: {files:?}");
    let mut saved_any = 0;
    for (number, path) in files.iter().enumerate() {
        let Some(loaded) = read(path) else {
            // Not an object at all (truncated, an array): nothing loads,
            // nothing to save.
            continue;
        };
        let mut workspace = Workspace::default();
        workspace.open(path);
        assert_eq!(workspace.files[0].failure, None, "{}", path.display());
        let out = temp_path(&format!("round-trip-{number}.json"));
        workspace
            .save(0, Some(&out), None)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let saved = parse_dataset(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(
            saved.dataset,
            loaded,
            "{} changed on saving",
            path.display()
        );
        saved_any += 1;
    }
    assert!(
        saved_any >= 20,
        "the fixtures that are objects: {saved_any}"
    );
}

#[test]
fn a_saved_edit_changes_that_record_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in [
        "tests/fixtures/valid-minimal.json",
        "data/shoigu-pyongyang.json",
    ] {
        let path = root.join(name);
        let mut workspace = Workspace::default();
        workspace.open(&path);
        let target = Target::Visit(0);
        let reviewed = workspace.files[0]
            .record(target)
            .and_then(|record| record.provenance())
            .is_some_and(|provenance| provenance.reviewed);
        assert!(workspace.set_reviewed(0, target, !reviewed));
        let out = temp_path(&format!(
            "edited-{}",
            path.file_name().unwrap().to_string_lossy()
        ));
        workspace.save(0, Some(&out), None).unwrap();

        let (before, after) = (read(&path).unwrap(), read(&out).unwrap());
        assert_ne!(before.visits[0], after.visits[0], "{name}");
        let mut unedited = after.clone();
        unedited.visits[0] = before.visits[0].clone();
        assert_eq!(unedited, before, "{name}: only the edited record differs");
    }
}
