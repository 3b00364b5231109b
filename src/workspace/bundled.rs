//! The datasets that come with Legation (the story it opens on, and the US
//! Secretaries of State's travels), compiled into the program so that an
//! installed `legation` works from any folder, never through the source
//! tree it was built from.
//!
//! The app opens files by path (edits are saved back to them), so the
//! datasets are written out once into the platform's data folder, in a
//! folder per version: a user's edits to them are kept, and a new version
//! brings its own copies.

use std::io;
use std::path::{Path, PathBuf};

use crate::save::write_atomically;

/// The bundled datasets: file name and contents.
const BUNDLED: &[(&str, &[u8])] = &[
    (
        "shoigu-pyongyang.json",
        include_bytes!("../../data/shoigu-pyongyang.json"),
    ),
    (
        "us-travels.json",
        include_bytes!("../../data/us-travels.json"),
    ),
];

/// The folder of the bundled datasets: `data/` in the working directory
/// when run from a source checkout (so that changes to it show), else the
/// copies in the platform's data folder, written there on first use.
pub fn bundled_data_dir() -> Option<PathBuf> {
    let checkout = Path::new("data");
    if BUNDLED
        .iter()
        .all(|(name, _)| checkout.join(name).is_file())
    {
        return Some(checkout.to_owned());
    }
    let dirs = directories::ProjectDirs::from("org", "Legation", "legation")?;
    let folder = dirs
        .data_dir()
        .join(format!("bundled-{}", env!("CARGO_PKG_VERSION")));
    match unpack_into(&folder) {
        Ok(()) => Some(folder),
        Err(error) => {
            eprintln!(
                "legation: cannot write the bundled datasets to {}: {error}; open a dataset by name instead",
                folder.display()
            );
            None
        }
    }
}

/// Writes each bundled dataset into `folder` unless a file of its name is
/// there (the user may have edited it).
///
/// # Errors
/// When the folder cannot be made or a file cannot be written.
pub fn unpack_into(folder: &Path) -> io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (name, contents) in BUNDLED {
        let path = folder.join(name);
        if !path.exists() {
            write_atomically(&path, |out| io::Write::write_all(out, contents))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;

    #[test]
    fn the_bundled_datasets_unpack_once_and_open_and_edits_to_them_are_kept() {
        let folder = std::env::temp_dir().join(format!("legation-bundled-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        unpack_into(&folder).expect("a temporary folder is writable");
        let mut workspace = Workspace::default();
        for (name, _) in BUNDLED {
            workspace.open(&folder.join(name));
        }
        let visits: usize = workspace
            .files
            .iter()
            .map(super::super::OpenFile::visit_count)
            .sum();
        assert_eq!(
            visits,
            2 + 4944,
            "the story's two visits and the US record's"
        );
        assert_eq!(workspace.problem_count(), 0);

        let story = folder.join(BUNDLED[0].0);
        std::fs::write(&story, b"edited").expect("writable");
        unpack_into(&folder).expect("still writable");
        assert_eq!(std::fs::read(&story).expect("readable"), b"edited");
        let _ = std::fs::remove_dir_all(&folder);
    }
}
