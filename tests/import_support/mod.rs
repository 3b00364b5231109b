//! What the importer tests share: fixture paths, scratch files, and running
//! the `legation` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A file or directory under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh path in the temporary directory, unique to this process and
/// `name`.
pub fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("legation-import-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Runs `legation` with `args`.
pub fn legation(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_legation"))
        .args(args)
        .output()
        .expect("the legation binary runs")
}
