//! What the app remembers between runs (the open files, the map's view), in
//! a file of its own written through [`write_atomically`].
//!
//! eframe 0.37's own storage (`app.ron`) is rewritten in place: created,
//! truncated, then written, with no rename. A crash or a kill mid-save
//! leaves it cut short, and eframe then silently starts from nothing. It is
//! left holding only what costs nothing to lose (the window's geometry,
//! egui's memory); the user's session is kept here instead.

use std::path::{Path, PathBuf};

use crate::save::write_atomically;

/// What is remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct Remembered {
    /// The open files, in order.
    pub files: Vec<PathBuf>,
    /// Where the map looked, and on which basemap.
    pub map: super::map::RememberedView,
    /// Files bigger than this many megabytes are opened only when the user
    /// says so (0: never ask).
    pub ask_above_mb: Option<u64>,
    /// The query in the search box.
    pub query: String,
}

/// The session file and what was last written to it.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    written: Option<Remembered>,
}

impl SessionFile {
    /// The session file in the user's configuration folder; `None` where
    /// the system has none.
    pub fn in_config_dir() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("org", "Legation", "legation")?;
        Some(Self::at(dirs.config_dir().join("session.json")))
    }

    /// The session file at `path`.
    pub fn at(path: PathBuf) -> Self {
        Self {
            path,
            written: None,
        }
    }

    /// What the last run remembered; `None` when there is no session yet,
    /// or it cannot be read (then the app starts afresh: a session is a
    /// convenience, not data).
    pub fn read(&mut self) -> Option<Remembered> {
        let text = std::fs::read(&self.path).ok()?;
        let remembered: Remembered = serde_json::from_slice(&text).ok()?;
        self.written = Some(remembered.clone());
        Some(remembered)
    }

    /// Writes `remembered` if it changed since the last write; eframe asks
    /// every 30 seconds, and an unchanged session is not worth a disk sync.
    ///
    /// # Errors
    /// When the folder cannot be made or the file written; the previous
    /// session file is then untouched.
    pub fn write(&mut self, remembered: &Remembered) -> std::io::Result<()> {
        if self.written.as_ref() == Some(remembered) {
            return Ok(());
        }
        if let Some(folder) = self.path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        write_atomically(&self.path, |out| {
            serde_json::to_writer_pretty(out, remembered).map_err(std::io::Error::other)
        })?;
        self.written = Some(remembered.clone());
        Ok(())
    }

    /// Where the session is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session path in a folder not yet made, inside a scratch folder
    /// removed when the guard drops.
    fn scratch() -> (tempfile::TempDir, PathBuf) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("nested").join("session.json");
        (folder, path)
    }

    #[test]
    fn a_session_written_reads_back() {
        let (_folder, path) = scratch();
        let remembered = Remembered {
            files: vec![PathBuf::from("/data/a.json"), PathBuf::from("b.xml")],
            ..Remembered::default()
        };
        SessionFile::at(path.clone()).write(&remembered).unwrap();
        assert_eq!(SessionFile::at(path).read(), Some(remembered));
    }

    #[test]
    fn a_damaged_session_starts_afresh_and_is_replaced_whole() {
        let (_folder, path) = scratch();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{\"files\": [\"/data/a.js").unwrap();
        let mut session = SessionFile::at(path.clone());
        assert_eq!(session.read(), None);
        let remembered = Remembered::default();
        session.write(&remembered).unwrap();
        assert_eq!(SessionFile::at(path).read(), Some(remembered));
    }
}
