//! What the tests that run the `legation` binary share: fixture paths,
//! scratch files, running it, and reading what it printed.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// A file or directory under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh path for `name` in this test binary's scratch directory.
///
/// The directory lives under Cargo's `target/tmp` and is emptied the first
/// time a run asks for it, so what the last run wrote (some tests write
/// files of tens of megabytes) never piles up.
pub fn temp_path(name: &str) -> PathBuf {
    static SCRATCH: OnceLock<PathBuf> = OnceLock::new();
    let dir = SCRATCH.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(env!("CARGO_CRATE_NAME"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("Cargo's target/tmp is writable");
        dir
    });
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// The `legation` binary, ready to run from the source tree (so relative
/// paths such as `tests/fixtures/...` work).
pub fn command<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut command = Command::new(env!("CARGO_BIN_EXE_legation"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

/// Runs `legation` with `args` to the end.
pub fn legation<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    command(args).output().expect("the legation binary runs")
}

/// What it printed on stdout.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What it printed on stderr.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
