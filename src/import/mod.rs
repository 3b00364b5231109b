//! Importers: public records and event databases turned into a [`Dataset`].
//!
//! One module per format ([`us_travels`], [`gdelt`]), each with a library
//! entry point that returns an [`Imported`] dataset and a [`Report`] of what
//! was read and what was left out, and why; [`detect`] tells the formats
//! apart by a path's name and first bytes. Code tables live in [`codes`].

pub mod codes;
mod error;
pub mod gdelt;
pub mod us_travels;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read as _;
use std::path::Path;

pub use error::ImportError;

use crate::model::{By, Dataset, Provenance};

/// How many problems of one kind a [`Report`] keeps as examples; the rest
/// are only counted.
pub const EXAMPLES_PER_REASON: usize = 5;

/// A dataset made by an importer, with the account of how it was made.
#[derive(Debug, Default)]
pub struct Imported {
    /// The visits, events and sources.
    pub dataset: Dataset,
    /// What was read, and what was left out.
    pub report: Report,
}

/// What an import read and left out: nothing is dropped without a count.
#[derive(Debug, Default)]
pub struct Report {
    /// Files read.
    pub files: usize,
    /// Records read: trips or rows.
    pub records: usize,
    /// Records left out on purpose (not a visit, a duplicate), by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Records that could not be used (malformed), by reason.
    pub rejected: BTreeMap<&'static str, usize>,
    /// Problems with their file and line: every file-level one, and the
    /// first [`EXAMPLES_PER_REASON`] rejected records of each reason.
    pub problems: Vec<ImportError>,
    /// Other things worth knowing ("merged 4 duplicate trips").
    pub notes: Vec<String>,
}

impl Report {
    /// Counts a record left out on purpose.
    pub fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// Counts a record that could not be used, keeping the problem as an
    /// example while there are few of its kind.
    pub fn reject(&mut self, reason: &'static str, problem: impl FnOnce() -> ImportError) {
        let count = self.rejected.entry(reason).or_default();
        *count += 1;
        if *count <= EXAMPLES_PER_REASON {
            self.problems.push(problem());
        }
    }

    /// Records a problem that is not one record's (a file that cannot be read).
    pub fn problem(&mut self, problem: ImportError) {
        self.problems.push(problem);
    }

    /// Whether everything read was usable: no problems, nothing rejected.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.rejected.is_empty()
    }

    /// How many records were rejected, all reasons together.
    pub fn rejected_total(&self) -> usize {
        self.rejected.values().sum()
    }

    /// How many records were skipped, all reasons together.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// A format Legation can import.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The Office of the Historian's travels of US presidents and
    /// secretaries of state: a directory (or files) of `<trips>` XML.
    UsTravels,
    /// A GDELT 1.0 or 2.0 event export: tab-separated, maybe zipped.
    Gdelt,
}

impl Format {
    /// The name the command line uses: `us-travels`, `gdelt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UsTravels => "us-travels",
            Self::Gdelt => "gdelt",
        }
    }
}

/// The format of the file or directory at `path`, judged by its name and
/// first bytes; `None` when it is none Legation imports (or unreadable).
///
/// A directory is US travels when it holds `president-travels/` or
/// `secretary-travels/`, or `.xml` files of `<trips>`; a file is US travels
/// when it is XML whose first element is `<trips>`, and GDELT when its
/// first line has the 57, 58 or 61 tab-separated columns of an event export
/// (read inside the archive for `.zip`).
pub fn detect(path: &Path) -> Option<Format> {
    if path.is_dir() {
        return us_travels::is_travels_dir(path).then_some(Format::UsTravels);
    }
    if path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"))
    {
        return gdelt::zip_holds_export(path).then_some(Format::Gdelt);
    }
    let mut head = Vec::with_capacity(HEAD_BYTES);
    File::open(path)
        .ok()?
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .ok()?;
    if us_travels::looks_like_trips(&head) {
        Some(Format::UsTravels)
    } else if gdelt::looks_like_export(&head) {
        Some(Format::Gdelt)
    } else {
        None
    }
}

/// How much of a file [`detect`] reads.
const HEAD_BYTES: usize = 16 * 1024;

/// Marks a record's fields as imported, `because` naming the record it
/// came from.
fn imported(fields: &mut crate::model::ExtraFields, because: String) {
    let mut provenance = Provenance::new(By::Import);
    provenance.because = Some(because);
    provenance.write_to(fields);
}
