//! A dataset as an app holds it: records in memory (small files, imports,
//! extractions, files with problems) or a sound file's bytes indexed (big
//! files), behind one way of asking for a record.

use std::borrow::Cow;
use std::path::Path;

use super::{
    Bytes, Dataset, Event, FuzzyDate, IndexedDataset, KeptFile, LoadError, ParseError, Problem,
    RecordTable, Source, ViewBox, Visit, parse_dataset, read_file, read_indexed, read_indexed_file,
};
use crate::progress::{Progress, Stage};

/// The records of one dataset.
#[derive(Clone, Debug)]
pub enum Records {
    /// Every record held as a value.
    Held(Dataset),
    /// A sound file's bytes, each record parsed when asked for.
    Indexed(IndexedDataset),
}

impl Default for Records {
    fn default() -> Self {
        Self::Held(Dataset::default())
    }
}

impl From<Dataset> for Records {
    fn from(dataset: Dataset) -> Self {
        Self::Held(dataset)
    }
}

impl Records {
    /// The window the dataset asks to be opened on.
    pub fn window(&self) -> Option<FuzzyDate> {
        match self {
            Self::Held(dataset) => dataset.window,
            Self::Indexed(indexed) => indexed.window(),
        }
    }

    /// The part of the world the dataset asks to be opened on.
    pub fn view(&self) -> Option<ViewBox> {
        match self {
            Self::Held(dataset) => dataset.view,
            Self::Indexed(indexed) => indexed.view(),
        }
    }

    /// How many visits it holds.
    pub fn visit_count(&self) -> usize {
        match self {
            Self::Held(dataset) => dataset.visits.len(),
            Self::Indexed(indexed) => indexed.counts().1,
        }
    }

    /// How many events it holds.
    pub fn event_count(&self) -> usize {
        match self {
            Self::Held(dataset) => dataset.events.len(),
            Self::Indexed(indexed) => indexed.counts().2,
        }
    }

    /// How many sources it holds.
    pub fn source_count(&self) -> usize {
        match self {
            Self::Held(dataset) => dataset.sources.len(),
            Self::Indexed(indexed) => indexed.counts().0,
        }
    }

    /// The visit at `index`.
    pub fn visit(&self, index: usize) -> Option<Cow<'_, Visit>> {
        match self {
            Self::Held(dataset) => dataset.visits.get(index).map(Cow::Borrowed),
            Self::Indexed(indexed) => indexed.visit(index).map(Cow::Owned),
        }
    }

    /// The event at `index`.
    pub fn event(&self, index: usize) -> Option<Cow<'_, Event>> {
        match self {
            Self::Held(dataset) => dataset.events.get(index).map(Cow::Borrowed),
            Self::Indexed(indexed) => indexed.event(index).map(Cow::Owned),
        }
    }

    /// Why its records cannot be shown any more, if they cannot (a big
    /// file changed on disk since it was opened).
    pub fn unreadable(&self) -> Option<String> {
        match self {
            Self::Held(_) => None,
            Self::Indexed(indexed) => indexed.unreadable(),
        }
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<Cow<'_, Source>> {
        match self {
            Self::Held(dataset) => dataset.source(id).map(Cow::Borrowed),
            Self::Indexed(indexed) => indexed.source(id).map(Cow::Owned),
        }
    }
}

/// A dataset file's records, their rows for the map, and its problems.
#[derive(Clone, Debug, Default)]
pub struct Opened {
    /// The records.
    pub records: Records,
    /// What the map needs of them.
    pub table: RecordTable,
    /// Everything wrong in the file, by JSON path.
    pub problems: Vec<Problem>,
}

/// Opens a `legation/1` document: the fast way when it is sound, else the
/// detailed way, which keeps every sound record and reports the rest.
///
/// # Errors
/// When `json` is not a JSON object at all.
pub fn open_dataset(json: impl Into<Bytes>, progress: &Progress) -> Result<Opened, ParseError> {
    match read_indexed(json.into(), progress) {
        Ok((indexed, table)) => Ok(Opened {
            records: Records::Indexed(indexed),
            table,
            problems: Vec::new(),
        }),
        Err(json) => detailed(&json, progress),
    }
}

/// Opens a document the detailed way, which keeps every sound record and
/// reports the rest.
fn detailed(json: &[u8], progress: &Progress) -> Result<Opened, ParseError> {
    progress.start(Stage::Parsing, 1);
    let loaded = parse_dataset(json)?;
    progress.advance(1);
    Ok(Opened {
        table: RecordTable::from_dataset(&loaded.dataset),
        records: Records::Held(loaded.dataset),
        problems: loaded.problems,
    })
}

/// Reads and opens the dataset at `path` ([`open_dataset`]). A big sound
/// file is read a segment at a time, and its records are read again from
/// the file when shown, not kept in memory (see [`super::KeptFile`]).
///
/// # Errors
/// When the file cannot be read or is not a JSON object.
pub fn open_dataset_file(path: &Path, progress: &Progress) -> Result<Opened, LoadError> {
    let unreadable = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let kept = KeptFile::open(path).map_err(unreadable)?;
    let big = kept.size() >= STREAMED_BYTES;
    if big && let Some((indexed, table)) = read_indexed_file(kept, progress) {
        return Ok(Opened {
            records: Records::Indexed(indexed),
            table,
            problems: Vec::new(),
        });
    }
    progress.start(Stage::Reading, 1);
    let bytes = read_file(path).map_err(unreadable)?;
    progress.advance(1);
    let opened = if big {
        // The fast way found a problem already: straight to the one that
        // says what it is.
        detailed(&bytes, progress)
    } else {
        open_dataset(bytes, progress)
    };
    opened.map_err(|source| LoadError::Parse {
        path: path.to_owned(),
        source,
    })
}

/// Files at least this big are read a segment at a time, never whole,
/// unless they turn out not to be sound.
const STREAMED_BYTES: u64 = 32 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sound_files_are_indexed_and_flawed_ones_held_with_their_problems() {
        let sound = br#"{"format": "legation/1", "sources": [{"id": "s", "text": "Hello"}],
            "visits": [{"id": "v", "to": {"country": "KP"}, "date": "2023",
                        "source": {"id": "s", "span": [0, 5]}}]}"#;
        let opened = open_dataset(sound.to_vec(), &Progress::default()).unwrap();
        assert!(matches!(opened.records, Records::Indexed(_)));
        assert_eq!(opened.records.visit_count(), 1);
        assert_eq!(opened.records.visit(0).unwrap().id, "v");
        assert_eq!(opened.records.source("s").unwrap().text, "Hello");
        assert!(opened.records.visit(1).is_none());

        let flawed = String::from_utf8_lossy(sound).replace("[0, 5]", "[0, 9]");
        let opened = open_dataset(flawed.into_bytes(), &Progress::default()).unwrap();
        assert!(matches!(opened.records, Records::Held(_)));
        assert_eq!(opened.records.visit_count(), 1, "the record still loads");
        assert_eq!(opened.problems.len(), 1);
        assert_eq!(opened.problems[0].path, "$.visits[0].source.span");
        assert_eq!(opened.table.visits.len(), 1);

        assert!(matches!(
            open_dataset(b"[1, 2]".to_vec(), &Progress::default()),
            Err(ParseError::NotAnObject { .. })
        ));
    }

    #[test]
    fn both_readers_read_provenance_alike_and_refuse_the_same_wrong_ones() {
        let json = |provenance: &str| {
            format!(
                r#"{{"format": "legation/1", "visits": [{{"id": "v", "to": {{"country": "KP"}},
                    "date": "2023", "provenance": {provenance}}}]}}"#
            )
        };
        let sound = json(
            r#"{"by": "extract", "confidence": "low", "reviewed": true,
                "edited": [{"field": "date", "was": null, "at": "2026-12-07T10:00:00Z"}], "x": [1]}"#,
        );
        let fast = open_dataset(sound.clone().into_bytes(), &Progress::default()).unwrap();
        assert!(matches!(fast.records, Records::Indexed(_)));
        let detailed = RecordTable::from_dataset(&parse_dataset(sound.as_bytes()).unwrap().dataset);
        assert_eq!(fast.table.visits[0].trust, detailed.visits[0].trust);
        assert!(fast.table.visits[0].trust.reviewed && fast.table.visits[0].trust.edited);

        for (wrong, path) in [
            (r#"{"by": "robot"}"#, "$.visits[0].provenance.by"),
            (r#"{"confidence": "low"}"#, "$.visits[0].provenance.by"),
            (
                r#"{"by": "hand", "reviewed": 1}"#,
                "$.visits[0].provenance.reviewed",
            ),
            (
                r#"{"by": "hand", "edited": [{"field": "date"}]}"#,
                "$.visits[0].provenance.edited[0].at",
            ),
        ] {
            let opened = open_dataset(json(wrong).into_bytes(), &Progress::default()).unwrap();
            assert!(matches!(opened.records, Records::Held(_)), "{wrong}");
            assert_eq!(opened.problems.len(), 1, "{wrong}: {:?}", opened.problems);
            assert_eq!(opened.problems[0].path, path, "{wrong}");
            assert_eq!(
                opened.records.visit_count(),
                1,
                "the record itself still loads"
            );
        }
    }

    #[test]
    fn records_kept_on_disk_read_as_in_memory_until_the_file_changes() {
        let folder = std::env::temp_dir().join(format!("legation-records-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("kept.json");
        let json = br#"{"format": "legation/1", "sources": [{"id": "s", "text": "Hello"}],
            "visits": [{"id": "v", "to": {"country": "KP"}, "date": "2023",
                        "source": {"id": "s", "span": [0, 5]}}],
            "events": [{"id": "e", "kind": "parade", "place": {"country": "KP"},
                        "date": "2023-07-27"}]}"#;
        std::fs::write(&path, json).unwrap();
        let in_memory = open_dataset(json.to_vec(), &Progress::default())
            .unwrap()
            .records;
        let (indexed, _) = read_indexed_file(KeptFile::open(&path).unwrap(), &Progress::default())
            .expect("a sound file is indexed");
        let kept = &Records::Indexed(indexed);
        assert_eq!(kept.visit(0), in_memory.visit(0));
        assert_eq!(kept.event(0), in_memory.event(0));
        assert_eq!(kept.source("s"), in_memory.source("s"));
        assert_eq!(kept.unreadable(), None);

        std::fs::write(&path, b"{}").unwrap();
        assert_eq!(kept.visit(0), None);
        let why = kept.unreadable().expect("the change is noticed");
        assert!(why.contains("kept.json changed on disk"), "{why}");
        assert_eq!(in_memory.unreadable(), None);
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
