//! Every command, given any input of the bad corpus (`tests/fixtures/bad/`)
//! or an input too big to commit, exits 0, 1 or 2 as documented, never 101
//! (a panic) or by a signal, and names the file when it refuses it.

mod run_support;

use std::path::{Path, PathBuf};
use std::process::Output;

use run_support::{fixture, legation, stderr, stdout, temp_path};

/// Every input of the bad corpus, with the folder it came from.
fn corpus() -> Vec<(String, PathBuf)> {
    let mut inputs = Vec::new();
    for folder in ["dataset", "us-travels", "gdelt", "articles"] {
        let listed =
            std::fs::read_dir(fixture(&format!("bad/{folder}"))).expect("the corpus lists");
        for entry in listed {
            let path = entry.expect("the corpus lists").path();
            if path.extension().is_none_or(|ext| ext != "expected") {
                inputs.push((folder.to_owned(), path));
            }
        }
    }
    inputs.sort();
    inputs
}

/// Whether the corpus says `path` is a sound dataset (no error, no
/// problem in its sidecar).
fn is_sound_dataset(folder: &str, path: &Path) -> bool {
    let sidecar = std::fs::read_to_string(path.with_extension("expected"))
        .expect("every input has a sidecar");
    folder == "dataset"
        && sidecar
            .lines()
            .all(|line| line.starts_with('#') || line.starts_with("loads:"))
}

/// Asserts how `output` of `command` on `path` ended: with one of `codes`,
/// and naming the file when it was not 0.
fn assert_exit(command: &str, path: &Path, output: &Output, codes: &[i32]) {
    let code = output.status.code();
    let said = format!("{}{}", stdout(output), stderr(output));
    assert!(
        code.is_some_and(|code| codes.contains(&code)),
        "legation {command} {}: exit {code:?} (expected one of {codes:?}; 101 is a panic, none a signal)\n{}",
        path.display(),
        stderr(output)
    );
    if code != Some(0) {
        let name = path
            .file_name()
            .expect("inputs are files")
            .to_string_lossy();
        assert!(
            said.contains(&*name),
            "legation {command} {}: the message does not name the file:\n{said}",
            path.display()
        );
    }
}

#[test]
fn check_refuses_every_bad_input_by_name() {
    for (folder, path) in corpus() {
        let output = legation([Path::new("check"), path.as_path()]);
        let expected: &[i32] = if is_sound_dataset(&folder, &path) {
            &[0]
        } else {
            &[1]
        };
        assert_exit("check", &path, &output, expected);
        let output = legation([Path::new("check"), Path::new("--json"), path.as_path()]);
        assert_exit("check --json", &path, &output, expected);
    }
}

#[test]
fn extract_reads_every_bad_input_as_far_as_it_is_text() {
    for (_, path) in corpus() {
        let output = legation([Path::new("extract"), path.as_path()]);
        let bytes = std::fs::read(&path).unwrap();
        // UTF-8, or UTF-16 announced by its byte-order mark (read as such).
        let decoded = match encoding_rs::Encoding::for_bom(&bytes) {
            Some((encoding, _)) => Some(encoding.decode(&bytes).0.into_owned()),
            None => std::str::from_utf8(&bytes).ok().map(str::to_owned),
        };
        let is_text = decoded.is_some_and(|text| !text.trim().is_empty());
        let expected: &[i32] = if is_text { &[0] } else { &[1] };
        assert_exit("extract", &path, &output, expected);
        // What could be read is still a dataset.
        assert!(
            legation::model::parse_dataset(&output.stdout).is_ok(),
            "extract {}",
            path.display()
        );
    }
}

#[test]
fn import_refuses_every_bad_input_by_name() {
    for (folder, path) in corpus() {
        for format in ["us-travels", "gdelt"] {
            let output = legation([Path::new("import"), Path::new(format), path.as_path()]);
            // The control-character trips and rows are sound records.
            let sound = path
                .file_stem()
                .is_some_and(|stem| stem == "control-and-bidi")
                && folder == format;
            let expected: &[i32] = if sound { &[0] } else { &[1, 2] };
            assert_exit(&format!("import {format}"), &path, &output, expected);
        }
    }
}

#[test]
fn geocode_takes_any_name_without_crashing() {
    // As long as one argument may be (Linux allows 128 KiB).
    let long = "x".repeat(100_000);
    for name in [
        "",
        "\u{202E}gnayngoyP",
        "\u{1B}[2J",
        "Pyong\u{200B}yang",
        "%s%n",
        long.as_str(),
    ] {
        let output = legation(["geocode", "--json", name]);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "geocode {:?}: {:?}\n{}",
            name.chars().take(20).collect::<String>(),
            output.status,
            stderr(&output)
        );
    }
}

/// `depth` opening brackets, then as many closing ones.
fn nested(depth: usize, open: &str, close: &str) -> String {
    [open.repeat(depth), close.repeat(depth)].concat()
}

#[test]
fn every_command_survives_inputs_too_big_to_commit() {
    let long = "x".repeat(1 << 20);
    let seed = std::fs::read_to_string(fixture(
        "../../data/articles/2023-07-25-shoigu-pyongyang.txt",
    ))
    .unwrap();
    let inputs = [
        ("deep.json", nested(300_000, "[", "]")),
        (
            "deep.xml",
            format!(
                "<trips><trip>{}</trip></trips>",
                nested(300_000, "<a>", "</a>")
            ),
        ),
        ("long-line.tsv", format!("{long}\t{long}\n")),
        (
            "long-line.json",
            format!("{{\"format\": \"legation/1\", \"x\": \"{long}"),
        ),
        (
            "five-megabytes.txt",
            seed.repeat((5 << 20) / seed.len() + 1),
        ),
    ];
    for (name, text) in inputs {
        let path = temp_path(name);
        std::fs::write(&path, text).unwrap();
        let check = legation([Path::new("check"), path.as_path()]);
        assert_exit("check", &path, &check, &[1]);
        for format in ["us-travels", "gdelt"] {
            let import = legation([Path::new("import"), Path::new(format), path.as_path()]);
            assert_exit(&format!("import {format}"), &path, &import, &[1, 2]);
        }
        let extract = legation([Path::new("extract"), path.as_path()]);
        assert_exit("extract", &path, &extract, &[0]);
    }
}

#[test]
fn a_missing_file_is_unreadable_for_every_command() {
    let path = fixture("bad/no-such-file.json");
    assert_exit(
        "check",
        &path,
        &legation([Path::new("check"), path.as_path()]),
        &[2],
    );
    assert_exit(
        "extract",
        &path,
        &legation([Path::new("extract"), path.as_path()]),
        &[2],
    );
    for format in ["us-travels", "gdelt"] {
        let output = legation([Path::new("import"), Path::new(format), path.as_path()]);
        assert_exit(&format!("import {format}"), &path, &output, &[2]);
    }
}
