//! Writing a file's records with their changes, atomically; and keeping
//! unsaved changes safe between saves (an autosave the app offers back
//! after a crash).
//!
//! A file read record by record ([`Records::Indexed`]) is written by
//! copying its bytes with the changed records spliced in, streaming, so
//! that one edit to a file of millions of records neither parses the file
//! again nor holds it in memory; a file held whole is written from its
//! records.

use std::path::{Path, PathBuf};

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Overlay, Record, Slot, Target};
use crate::model::{Dataset, FORMAT, Records, check_event, check_visit};
use crate::save::write_atomically;

/// Why a file could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing failed; the file on disk is as it was.
    #[error(
        "{}: cannot save: {source}; the file on disk is unchanged and the edits are kept: free some space or choose another folder with Save As",
        path.display()
    )]
    Write {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// Writes `records` with `overlay`'s changes to `path`, atomically.
///
/// # Errors
/// When the folder cannot be written, the disk is full, or the file the
/// records are read from changed on disk: `path` is then untouched.
pub fn write(records: &Records, overlay: &Overlay, path: &Path) -> Result<(), SaveError> {
    let result = write_atomically(path, |out| match records {
        Records::Indexed(indexed) => indexed.write_edited(&overlay.dataset_edits(), out),
        Records::Held(dataset) => {
            let mut serializer = serde_json::Serializer::with_formatter(
                out,
                serde_json::ser::PrettyFormatter::new(),
            );
            EditedDataset {
                records,
                dataset,
                overlay,
            }
            .serialize(&mut serializer)
            .map_err(std::io::Error::other)?;
            std::io::Write::write_all(serializer.into_inner(), b"\n")
        }
    });
    result.map_err(|source| SaveError::Write {
        path: path.to_owned(),
        source,
    })
}

/// A dataset held in memory, seen through its changes: serialized as the
/// dataset itself would be, record by record, without a copy of it.
struct EditedDataset<'a> {
    records: &'a Records,
    dataset: &'a Dataset,
    overlay: &'a Overlay,
}

impl Serialize for EditedDataset<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (records, dataset, overlay) = (self.records, self.dataset, self.overlay);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", FORMAT)?;
        if let Some(window) = &dataset.window {
            map.serialize_entry("window", window)?;
        }
        map.serialize_entry("sources", &dataset.sources)?;
        map.serialize_entry("visits", &Visits(records, overlay))?;
        map.serialize_entry("events", &Events(records, overlay))?;
        for (key, value) in &dataset.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The visits of a file as they read now.
struct Visits<'a>(&'a Records, &'a Overlay);

impl Serialize for Visits<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Self(records, overlay) = *self;
        serializer.collect_seq(
            (0..overlay.visit_count()).filter_map(|index| overlay.visit(index, records)),
        )
    }
}

/// The events of a file as they read now.
struct Events<'a>(&'a Records, &'a Overlay);

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Self(records, overlay) = *self;
        serializer.collect_seq(
            (0..overlay.event_count()).filter_map(|index| overlay.event(index, records)),
        )
    }
}

/// Unsaved changes to one file, as the autosave keeps them.
#[derive(Debug, Deserialize, Serialize)]
struct Unsaved {
    /// The file they are to.
    file: PathBuf,
    /// How many visits and events it held: changes to another version of
    /// it would land on the wrong records.
    counts: (usize, usize),
    /// Each changed record: `{"visit": 3, "record": {...}}`, with no
    /// record when it was deleted.
    changes: Vec<UnsavedChange>,
}

#[derive(Debug, Deserialize, Serialize)]
struct UnsavedChange {
    #[serde(skip_serializing_if = "Option::is_none")]
    visit: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<Map<String, Value>>,
}

/// Where unsaved changes are kept between saves: a folder with one file
/// per edited dataset, written atomically.
#[derive(Clone, Debug)]
pub struct Autosave {
    folder: PathBuf,
}

/// Changes an autosave holds for a file, ready to be made again.
#[derive(Clone, Debug, PartialEq)]
pub struct Restorable {
    /// Each changed record's slot, in order.
    pub slots: Vec<(Target, Slot)>,
}

impl Autosave {
    /// The autosave folder in the user's data folder; `None` where the
    /// system has none.
    pub fn in_data_dir() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("org", "Legation", "legation")?;
        Some(Self::at(dirs.data_dir().join("autosave")))
    }

    /// The autosave folder at `folder`.
    pub fn at(folder: PathBuf) -> Self {
        Self { folder }
    }

    /// Where the changes to `file` are kept: its name (for a person
    /// looking in the folder) and a hash of its whole path.
    fn path_for(&self, file: &Path) -> PathBuf {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        file.hash(&mut hasher);
        let name = file
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        self.folder
            .join(format!("{name}-{:016x}.json", hasher.finish()))
    }

    /// Keeps `overlay`'s changes to `file` (of `counts` visits and events).
    ///
    /// # Errors
    /// When the folder cannot be written.
    pub fn write(
        &self,
        file: &Path,
        counts: (usize, usize),
        overlay: &Overlay,
    ) -> std::io::Result<()> {
        let changes = overlay
            .slots()
            .map(|(target, slot)| {
                let (visit, event) = match target {
                    Target::Visit(index) => (Some(index), None),
                    Target::Event(index) => (None, Some(index)),
                };
                let record = match slot {
                    Slot::Changed(record) => match record.to_value() {
                        Value::Object(fields) => Some(fields),
                        _ => None,
                    },
                    Slot::Deleted => None,
                };
                UnsavedChange {
                    visit,
                    event,
                    record,
                }
            })
            .collect();
        let unsaved = Unsaved {
            file: file.to_owned(),
            counts,
            changes,
        };
        std::fs::create_dir_all(&self.folder)?;
        write_atomically(&self.path_for(file), |out| {
            serde_json::to_writer(out, &unsaved).map_err(std::io::Error::other)
        })
    }

    /// The changes kept for `file`, if any; `Err` says why they cannot be
    /// made again (the file changed since, or the autosave is damaged).
    pub fn read(&self, file: &Path, counts: (usize, usize)) -> Option<Result<Restorable, String>> {
        let path = self.path_for(file);
        let bytes = std::fs::read(&path).ok()?;
        Some(restorable(&bytes, file, counts).map_err(|why| {
            format!(
                "{}: unsaved edits to {} cannot be restored: {why}",
                path.display(),
                file.display()
            )
        }))
    }

    /// Forgets the changes kept for `file` (saved, or discarded).
    pub fn remove(&self, file: &Path) {
        // Best effort: there may be none.
        let _ = std::fs::remove_file(self.path_for(file));
    }
}

fn restorable(bytes: &[u8], file: &Path, counts: (usize, usize)) -> Result<Restorable, String> {
    let unsaved: Unsaved =
        serde_json::from_slice(bytes).map_err(|error| format!("not an autosave ({error})"))?;
    if unsaved.file != file {
        return Err(format!("it is for {}", unsaved.file.display()));
    }
    if unsaved.counts != counts {
        return Err(format!(
            "the file now holds {} visits and {} events, not the {} and {} they were made to",
            counts.0, counts.1, unsaved.counts.0, unsaved.counts.1
        ));
    }
    let mut slots = Vec::new();
    for (position, change) in unsaved.changes.into_iter().enumerate() {
        let path = format!("$.changes[{position}].record");
        let first_problem = |problems: Vec<crate::model::Problem>| {
            problems
                .first()
                .map_or_else(|| format!("{path}: not a record"), ToString::to_string)
        };
        let slot = match (change.visit, change.event, change.record) {
            (Some(index), None, Some(fields)) => match check_visit(fields, &path) {
                (Some(visit), problems) if problems.is_empty() => {
                    (Target::Visit(index), Slot::Changed(Record::Visit(visit)))
                }
                (_, problems) => return Err(first_problem(problems)),
            },
            (None, Some(index), Some(fields)) => match check_event(fields, &path) {
                (Some(event), problems) if problems.is_empty() => {
                    (Target::Event(index), Slot::Changed(Record::Event(event)))
                }
                (_, problems) => return Err(first_problem(problems)),
            },
            (Some(index), None, None) => (Target::Visit(index), Slot::Deleted),
            (None, Some(index), None) => (Target::Event(index), Slot::Deleted),
            _ => return Err(format!("$.changes[{position}] names no one record")),
        };
        slots.push(slot);
    }
    Ok(Restorable { slots })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{open_dataset, parse_dataset};
    use crate::progress::Progress;

    const FILE: &str = r#"{"format": "legation/1", "mine": 1,
        "visits": [{"id": "a", "to": {"country": "KP"}, "date": "2023"},
                   {"id": "b", "to": {"country": "CN"}, "date": "2023", "note": "kept"}]}"#;

    fn scratch(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("legation-edit-save-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    fn edited(records: &Records) -> Overlay {
        let mut overlay = Overlay::new(records.visit_count(), records.event_count());
        let mut first = records.visit(0).unwrap().into_owned();
        first.id = "a2".to_owned();
        overlay.set(Target::Visit(0), Some(Slot::Changed(Record::Visit(first))));
        let added = Record::Visit(records.visit(0).unwrap().into_owned());
        let target = overlay.next_target(&added);
        overlay.set(target, Some(Slot::Changed(added)));
        overlay
    }

    #[test]
    fn held_and_indexed_files_save_the_same_records_and_keep_unknown_fields() {
        let folder = scratch("both");
        let indexed = open_dataset(FILE.as_bytes().to_vec(), &Progress::default())
            .unwrap()
            .records;
        assert!(matches!(indexed, Records::Indexed(_)));
        let held = Records::Held(parse_dataset(FILE.as_bytes()).unwrap().dataset);
        let mut saved = Vec::new();
        for (name, records) in [("indexed.json", &indexed), ("held.json", &held)] {
            let path = folder.join(name);
            write(records, &edited(records), &path).unwrap();
            let loaded = parse_dataset(&std::fs::read(&path).unwrap()).unwrap();
            assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
            saved.push(loaded.dataset);
        }
        assert_eq!(saved[0], saved[1]);
        let ids: Vec<&str> = saved[0]
            .visits
            .iter()
            .map(|visit| visit.id.as_str())
            .collect();
        assert_eq!(ids, ["a2", "b", "a"]);
        assert_eq!(saved[0].extra["mine"], 1);
        assert_eq!(saved[0].visits[1].extra["note"], "kept");
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn an_autosave_gives_back_the_changes_only_to_the_file_they_were_made_to() {
        let folder = scratch("autosave");
        let autosave = Autosave::at(folder.join("autosave"));
        let records = Records::Held(parse_dataset(FILE.as_bytes()).unwrap().dataset);
        let mut overlay = edited(&records);
        overlay.set(Target::Visit(1), Some(Slot::Deleted));
        let file = folder.join("story.json");
        assert_eq!(autosave.read(&file, (2, 0)), None);
        autosave.write(&file, (2, 0), &overlay).unwrap();
        let restored = autosave.read(&file, (2, 0)).unwrap().unwrap();
        let expected: Vec<(Target, Slot)> = overlay
            .slots()
            .map(|(target, slot)| (target, slot.clone()))
            .collect();
        assert_eq!(restored.slots, expected);
        let why = autosave.read(&file, (3, 0)).unwrap().unwrap_err();
        assert!(why.contains("now holds 3 visits"), "{why}");
        autosave.remove(&file);
        assert_eq!(autosave.read(&file, (2, 0)), None);
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
