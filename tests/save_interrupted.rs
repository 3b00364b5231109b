//! A save killed halfway never costs data: `legation import -o OUT`, or the
//! app's own save of an edited dataset over itself, killed (SIGKILL) while
//! writing leaves the previous file byte for byte, or no file at all when
//! there was none; never a partial file under its name. The next save
//! clears the temporary file the killed one left.

mod run_support;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use run_support::{command, fixture, temp_path};

/// A GDELT export of `rows` visits, each with its own id, at the scratch
/// path `name`.
fn large_export(name: &str, rows: usize) -> PathBuf {
    let daily =
        std::fs::read_to_string(fixture("gdelt/v1-daily.tsv")).expect("the GDELT fixture reads");
    let visit = daily
        .lines()
        .find(|line| line.split('\t').nth(26) == Some("042"))
        .expect("the fixture holds a visit");
    let (_, rest) = visit.split_once('\t').expect("a row has columns");
    let mut text = String::with_capacity(rows * (visit.len() + 8));
    for id in 1..=rows {
        // Writing to a String cannot fail.
        let _ = writeln!(text, "{id}\t{rest}");
    }
    let path = temp_path(name);
    std::fs::write(&path, text).expect("the scratch folder is writable");
    path
}

/// The names in `folder`, sorted.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("the scratch folder lists")
        .map(|entry| {
            let entry = entry.expect("the scratch folder lists");
            entry.file_name().to_string_lossy().into_owned()
        })
        .collect();
    names.sort();
    names
}

/// `legation import gdelt EXPORT -o OUT`, quiet.
fn import(export: &Path, out: &Path) -> std::process::Command {
    let mut import = command([
        Path::new("import"),
        Path::new("gdelt"),
        export,
        Path::new("-o"),
        out,
    ]);
    import.stdout(Stdio::null()).stderr(Stdio::null());
    import
}

/// Starts importing `export` to `out`, and kills the process as soon as its
/// temporary file has data in it. Returns whether it was caught writing.
fn kill_while_writing(export: &Path, out: &Path) -> bool {
    kill_while_saving(import(export, out), out)
}

/// Starts `command`, which writes `out`, and kills it as soon as its
/// temporary file has data in it. Returns whether it was caught writing.
fn kill_while_saving(mut command: std::process::Command, out: &Path) -> bool {
    let folder = out.parent().expect("the output is in a folder");
    let mut child = command.spawn().expect("the legation binary starts");
    let temporary = format!(
        ".{}.{}.tmp",
        out.file_name()
            .expect("the output has a name")
            .to_string_lossy(),
        child.id()
    );
    let deadline = Instant::now() + Duration::from_mins(2);
    let caught = loop {
        let writing = std::fs::metadata(folder.join(&temporary)).is_ok_and(|meta| meta.len() > 0);
        if writing {
            child.kill().expect("the save can be killed");
            break true;
        }
        if child
            .try_wait()
            .expect("the import can be waited on")
            .is_some()
            || Instant::now() > deadline
        {
            break false;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    child.wait().expect("the import can be waited on");
    caught
}

#[test]
fn a_kill_mid_write_keeps_the_previous_file_whole() {
    let export = large_export("replace.tsv", 60_000);
    let folder = temp_path("kill-mid-write");
    std::fs::create_dir_all(&folder).unwrap();
    let out = folder.join("out.json");
    let previous = b"{\"format\": \"legation/1\", \"visits\": []}\n";
    std::fs::write(&out, previous).unwrap();

    assert!(
        kill_while_writing(&export, &out),
        "the import finished before it could be killed mid-write; make the export larger"
    );
    assert_eq!(std::fs::read(&out).unwrap(), previous);
    // Only the hidden temporary file may be left beside it.
    let visible: Vec<String> = names(&folder)
        .into_iter()
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(visible, ["out.json"]);
}

#[test]
fn a_kill_mid_write_of_a_new_file_leaves_no_partial_file() {
    let export = large_export("new.tsv", 60_000);
    let folder = temp_path("kill-mid-new-write");
    std::fs::create_dir_all(&folder).unwrap();
    let out = folder.join("new.json");

    assert!(kill_while_writing(&export, &out));
    assert!(!out.exists(), "a partial new.json was left");

    // The next save finishes, and clears what the killed one left.
    let status = import(&export, &out)
        .status()
        .expect("the legation binary starts");
    assert!(status.success());
    assert_eq!(names(&folder), ["new.json"], "no stale temporary is left");
}

#[test]
fn a_kill_mid_save_of_an_edited_dataset_keeps_it_whole() {
    let folder = temp_path("kill-mid-edit-save");
    std::fs::create_dir_all(&folder).unwrap();
    let dataset = folder.join("story.json");
    let synth = command([
        Path::new("synth"),
        Path::new("--visits"),
        Path::new("200000"),
        Path::new("--events"),
        Path::new("20000"),
        Path::new("--output"),
        &dataset,
    ])
    .output()
    .expect("the legation binary runs");
    assert!(synth.status.success(), "{synth:?}");
    let before = std::fs::read(&dataset).unwrap();

    // One record marked reviewed and the file saved over itself, as the
    // app's Save does; killed while it writes.
    let mut save = command([
        Path::new("bench"),
        Path::new("--frames"),
        Path::new("1"),
        Path::new("--save-to"),
        &dataset,
        &dataset,
    ]);
    save.stdout(Stdio::null()).stderr(Stdio::null());
    assert!(
        kill_while_saving(save, &dataset),
        "the save finished before it could be killed mid-write; make the dataset larger"
    );
    assert!(
        std::fs::read(&dataset).unwrap() == before,
        "the dataset changed"
    );
    let visible: Vec<String> = names(&folder)
        .into_iter()
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(visible, ["story.json"]);
}
