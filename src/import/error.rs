//! What can go wrong while importing: a file that cannot be read, a file of
//! the wrong kind, or a record that cannot be used, each with where it is.

use std::io;
use std::path::{Path, PathBuf};

/// A problem met while importing, with the file and, where it helps, the
/// line; its message says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file or directory could not be read.
    #[error("{}: cannot read it: {source}; check the path and its permissions", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file holds nothing.
    #[error("{}: the file is empty; nothing to import from it", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file or directory is not of the format asked for.
    #[error("{}: {message}", path.display())]
    NotThisFormat {
        /// The file or directory.
        path: PathBuf,
        /// What was expected and what to do.
        message: String,
    },
    /// Something at one line of a file is wrong: malformed XML, a row of the
    /// wrong width, a field that does not parse.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A zip archive could not be opened or read.
    #[error("{}: not a readable zip archive: {message}; unpack it by hand or download it again", path.display())]
    Zip {
        /// The archive.
        path: PathBuf,
        /// What the zip reader said.
        message: String,
    },
}

impl ImportError {
    /// A problem at `line` of `path`.
    pub fn at(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Self::Line {
            path: path.to_owned(),
            line,
            message: message.into(),
        }
    }

    /// The input could not be read at all (rather than read and found wrong).
    pub fn is_unreadable(&self) -> bool {
        matches!(self, Self::Read { .. } | Self::Zip { .. })
    }
}
