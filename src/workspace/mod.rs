//! The datasets open at once: which files, what loaded from each, and what
//! went wrong, kept together so that one bad file never hides the others.
//!
//! A file opens by its type: `legation/1` JSON directly, the US travels
//! record and GDELT exports through their importers, articles (`.txt`)
//! through the extractor.

mod bundled;
mod editing;
mod folder;

pub use bundled::{bundled_data_dir, unpack_into};
pub use folder::{FolderEntry, list_folder};

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::edit::{History, Overlay, Record, Target};
use crate::extract::{self, merge};
use crate::gazetteer::Gazetteer;
use crate::import::{self, Format, Imported};
use crate::model::{
    Dataset, Event, FuzzyDate, Problem, RecordTable, Records, ViewBox, Visit, open_dataset_file,
};
use crate::progress::{Progress, Stage};
use crate::query::{Compiled, FileText, Matches, Vocabulary};
use crate::read::Reader;
use crate::scene::{Scene, TimeWindow};

/// How a file became a dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A `legation/1` dataset.
    Dataset,
    /// Records imported from another format.
    Imported(Format),
    /// Visits and events extracted from an article's text.
    Extracted,
}

/// One opened file.
#[derive(Clone, Debug)]
pub struct OpenFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// How it became a dataset.
    pub kind: FileKind,
    /// Everything that loaded (empty when the file failed as a whole);
    /// shared, so that a copy of the workspace costs nothing.
    pub records: Arc<Records>,
    /// What the map needs of the records.
    pub table: Arc<RecordTable>,
    /// Problems inside the file, by JSON path.
    pub problems: Vec<Problem>,
    /// Why the file could not be loaded at all, if it could not.
    pub failure: Option<String>,
    /// What is worth knowing about how it was read (where an article's
    /// date came from), not problems.
    pub notes: Vec<String>,
    /// What a person changed, over the records.
    pub edits: Overlay,
    /// The changes as last saved (none: as read).
    saved: Overlay,
    /// The file's size and time of change when read or last saved, to
    /// tell whether another program changed it since.
    stamp: Option<DiskStamp>,
    /// Its records' words, folded for text queries: read once, when a
    /// query first needs them, and again after an edit.
    text: Arc<OnceLock<FileText>>,
}

/// A file's size and time of last change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DiskStamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl DiskStamp {
    fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

impl OpenFile {
    /// How many things went wrong in this file.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + usize::from(self.failure.is_some())
    }

    fn new(path: &Path, kind: FileKind) -> Self {
        Self {
            path: path.to_owned(),
            kind,
            records: Arc::default(),
            table: Arc::default(),
            problems: Vec::new(),
            failure: None,
            notes: Vec::new(),
            edits: Overlay::default(),
            saved: Overlay::default(),
            stamp: None,
            text: Arc::default(),
        }
    }

    fn set_dataset(&mut self, dataset: Dataset) {
        self.table = Arc::new(RecordTable::from_dataset(&dataset));
        self.set_records(Records::Held(dataset));
    }

    fn set_records(&mut self, records: Records) {
        self.edits = Overlay::new(records.visit_count(), records.event_count());
        self.saved = self.edits.clone();
        self.records = Arc::new(records);
    }

    /// The visit at `index`, as edited.
    pub fn visit(&self, index: usize) -> Option<Cow<'_, Visit>> {
        self.edits.visit(index, &self.records)
    }

    /// The event at `index`, as edited.
    pub fn event(&self, index: usize) -> Option<Cow<'_, Event>> {
        self.edits.event(index, &self.records)
    }

    /// The record at `target`, as edited.
    pub fn record(&self, target: Target) -> Option<Record> {
        self.edits.record(target, &self.records)
    }

    /// How many visits it holds now, deleted ones left out.
    pub fn visit_count(&self) -> usize {
        self.table.visits.len() - self.removed(|row| matches!(row, crate::model::Row::Visit(_)))
    }

    /// How many events it holds now, deleted ones left out.
    pub fn event_count(&self) -> usize {
        self.table.events.len() - self.removed(|row| matches!(row, crate::model::Row::Event(_)))
    }

    fn removed(&self, of_kind: impl Fn(&crate::model::Row) -> bool) -> usize {
        self.table.removed.iter().filter(|row| of_kind(row)).count()
    }

    /// Its records' folded words, read on first use.
    pub fn text(&self) -> &FileText {
        self.text.get_or_init(|| {
            FileText::build(
                &self.records,
                self.table.visits.len(),
                self.table.events.len(),
                |index| self.visit(index).map(Cow::into_owned),
                |index| self.event(index).map(Cow::into_owned),
            )
        })
    }

    /// Adds what it holds to `vocabulary`: every place a record names
    /// (counted per record), and, for files small enough to read whole,
    /// its travellers and sources.
    fn add_to(&self, vocabulary: &mut Vocabulary) {
        let table = &self.table;
        let mut add =
            |place: crate::model::PlaceId| vocabulary.add_place(&table.places[place.index()]);
        for row in &table.visits {
            add(row.to);
            if let Some(from) = row.from {
                add(from);
            }
        }
        for row in &table.events {
            add(row.place);
        }
        if table.visits.len() + table.events.len() > VOCABULARY_RECORDS {
            return;
        }
        let mut cited = std::collections::BTreeSet::new();
        for visit in (0..table.visits.len()).filter_map(|index| self.visit(index)) {
            if let Some(leader) = &visit.leader {
                vocabulary.add_person(&leader.name);
            }
            cited.extend(visit.source.as_ref().map(|source| source.id.clone()));
        }
        for event in (0..table.events.len()).filter_map(|index| self.event(index)) {
            cited.extend(event.source.as_ref().map(|source| source.id.clone()));
        }
        for id in cited {
            let title = self
                .records
                .source(&id)
                .and_then(|source| source.title.clone());
            vocabulary.add_source(title.as_deref().unwrap_or(&id));
        }
    }

    /// The rows `query` matches.
    pub fn matches(&self, query: &Compiled) -> Matches {
        let text = query.needs_text.then(|| self.text());
        query.matches(&self.table, text)
    }
}

/// Files with more records than this offer their places for completion,
/// not their people and sources. The app gathers completions on the ui
/// thread when the search box takes the focus, and reading a record back
/// costs about 5 µs (`legation bench`: every word of 2M records in 9.2 s on
/// two cores): 20,000 records are a 0.1 s pause, once per change.
const VOCABULARY_RECORDS: usize = 20_000;

/// The open files, in the order they were opened, and the changes made
/// to them.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// The files.
    pub files: Vec<OpenFile>,
    /// Every change, to undo and redo.
    pub history: History,
}

impl Workspace {
    /// What the open files hold, to complete a query from.
    pub fn vocabulary(&self) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for file in &self.files {
            file.add_to(&mut vocabulary);
        }
        vocabulary
    }

    /// Loads `path` (a dataset, or a file or folder an importer reads),
    /// replacing it if it was open already. A file that cannot be loaded is
    /// kept in the list with its failure, so that the user sees why.
    pub fn open(&mut self, path: &Path) {
        self.open_with_progress(path, &Progress::default());
    }

    /// [`Self::open`], reporting how far it has got. A "path" that is an
    /// `http(s)://` address is fetched and read as a page or feed, its
    /// articles extracted.
    pub fn open_with_progress(&mut self, path: &Path, progress: &Progress) {
        let is_article = path.extension().is_some_and(|ext| {
            ["txt", "md", "html", "htm", "xhtml"]
                .iter()
                .any(|article| ext.eq_ignore_ascii_case(article))
        });
        let is_address = path.to_str().is_some_and(crate::read::is_web_address);
        let file = if is_address {
            extract_file(path)
        } else {
            match import::detect(path) {
                Some(format) => import_file(path, format),
                None if is_article => extract_file(path),
                None => load_file(path, progress),
            }
        };
        match self.files.iter_mut().find(|open| open.path == path) {
            // Never at the cost of a person's unsaved work.
            Some(open) if open.is_edited() => {}
            Some(open) => *open = file,
            None => self.files.push(file),
        }
    }

    /// Opens every `.json` file directly in `folder`, in name order.
    ///
    /// # Errors
    /// When the folder cannot be listed.
    pub fn open_folder(&mut self, folder: &Path) -> std::io::Result<()> {
        for path in json_files_in(folder)? {
            self.open(&path);
        }
        Ok(())
    }

    /// Closes the file at `index`, forgetting its changes.
    pub fn close(&mut self, index: usize) {
        if index < self.files.len() {
            let file = self.files.remove(index);
            self.history.forget(&file.path);
        }
    }

    /// Each file's rows for the map, in file order.
    pub fn tables(&self) -> impl Iterator<Item = &RecordTable> {
        self.files.iter().map(|file| file.table.as_ref())
    }

    /// The days from the first to the last any open record covers.
    pub fn extent(&self) -> Option<TimeWindow> {
        self.tables()
            .filter_map(RecordTable::extent)
            .reduce(|(first, last), (start, end)| (first.min(start), last.max(end)))
            .map(|(first, last)| TimeWindow::new(first, last))
    }

    /// The window the first file that names one asks to be opened on.
    pub fn window(&self) -> Option<FuzzyDate> {
        self.files.iter().find_map(|file| file.records.window())
    }

    /// The part of the world the first file that names one asks to be
    /// opened on.
    pub fn view(&self) -> Option<ViewBox> {
        self.files.iter().find_map(|file| file.records.view())
    }

    /// How many things went wrong across all files.
    pub fn problem_count(&self) -> usize {
        self.files.iter().map(OpenFile::problem_count).sum()
    }
}

fn load_file(path: &Path, progress: &Progress) -> OpenFile {
    let mut file = OpenFile::new(path, FileKind::Dataset);
    match open_dataset_file(path, progress) {
        Ok(opened) => {
            file.set_records(opened.records);
            file.table = Arc::new(opened.table);
            file.problems = opened.problems;
            file.stamp = DiskStamp::of(path);
        }
        Err(error) => file.failure = Some(error.to_string()),
    }
    file
}

/// Every `.json` file directly in `folder`, in name order.
///
/// # Errors
/// When the folder cannot be listed.
pub fn json_files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Opens `paths` in `workspace` and places everything open on the map:
/// all the app does to show files, meant to run off the ui thread.
pub fn open_and_place(
    mut workspace: Workspace,
    paths: &[PathBuf],
    progress: &Progress,
) -> (Workspace, Scene) {
    // The gazetteer is needed only to place the records: it loads on its
    // own thread while the files are read, filling the moments a core
    // waits.
    let gazetteer = std::thread::spawn(Gazetteer::bundled);
    for path in paths {
        workspace.open_with_progress(path, progress);
    }
    progress.start(Stage::Placing, 1);
    let gazetteer = gazetteer
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let scene = Scene::build(workspace.tables(), gazetteer);
    progress.advance(1);
    (workspace, scene)
}

fn extract_file(path: &Path) -> OpenFile {
    let mut file = OpenFile::new(path, FileKind::Extracted);
    // Read as `legation extract` reads: a page's main text and metadata,
    // invalid UTF-8 in a text replaced, with a note.
    let input = path.to_string_lossy().into_owned();
    let mut extractions = Vec::new();
    let mut failures = Vec::new();
    let results = Reader::default().read(&input);
    let single = results.len() == 1;
    for result in results {
        match result {
            Ok(article) => {
                let id = extract::source_id_for(&article, single);
                extractions.push(extract::extract_read(
                    &article,
                    id,
                    None,
                    Gazetteer::bundled(),
                ));
            }
            Err(error) => failures.push(error.to_string()),
        }
    }
    file.notes = extractions
        .iter()
        .flat_map(|extraction| extraction.notes.iter().map(ToString::to_string))
        .collect();
    if extractions.is_empty() {
        file.failure = Some(failures.join("; "));
    } else {
        file.problems = failures
            .into_iter()
            .map(|message| Problem::new("read", message))
            .collect();
        file.set_dataset(merge(extractions));
    }
    file
}

fn import_file(path: &Path, format: Format) -> OpenFile {
    let gazetteer = Gazetteer::bundled();
    let imported = match format {
        Format::UsTravels if path.is_dir() => import::us_travels::import_dir(path, gazetteer),
        Format::UsTravels => import::us_travels::import_paths(&[path], gazetteer),
        Format::Gdelt => import::gdelt::import_files(&[path], import::gdelt::Options::default()),
    };
    let mut file = OpenFile::new(path, FileKind::Imported(format));
    match imported {
        Ok(Imported { dataset, report }) => {
            file.set_dataset(dataset);
            file.notes.clone_from(&report.notes);
            let left_out = report
                .rejected
                .iter()
                .map(|(reason, count)| format!("{count} left out: {reason}"));
            file.problems = report
                .problems
                .iter()
                .map(|problem| Problem::new(format.as_str(), problem.to_string()))
                .chain(left_out.map(|message| Problem::new(format.as_str(), message)))
                .collect();
        }
        Err(error) => file.failure = Some(error.to_string()),
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name)
    }

    #[test]
    fn a_broken_file_stays_listed_with_its_failure_beside_the_good_ones() {
        let mut workspace = Workspace::default();
        workspace.open(&fixture("valid-minimal.json"));
        workspace.open(&fixture("invalid/truncated.json"));
        workspace.open(&fixture("invalid/several-problems.json"));
        assert_eq!(workspace.files.len(), 3);
        assert!(
            workspace.files[1]
                .failure
                .as_ref()
                .unwrap()
                .contains("truncated.json:")
        );
        assert_eq!(workspace.files[0].records.visit_count(), 1);
        assert!(
            workspace.files[2].records.visit_count() > 0,
            "sound records still load"
        );
        assert!(workspace.problem_count() > 5);
    }

    #[test]
    fn opening_a_file_again_replaces_it() {
        let mut workspace = Workspace::default();
        workspace.open(&fixture("valid-minimal.json"));
        workspace.open(&fixture("valid-minimal.json"));
        assert_eq!(workspace.files.len(), 1);
        workspace.close(0);
        assert!(workspace.files.is_empty());
    }

    #[test]
    fn opens_importable_files_through_their_importers() {
        let mut workspace = Workspace::default();
        workspace.open(&fixture("us-travels"));
        workspace.open(&fixture("gdelt/v1-daily.tsv"));
        assert_eq!(
            workspace.files[0].kind,
            FileKind::Imported(Format::UsTravels)
        );
        assert_eq!(workspace.files[1].kind, FileKind::Imported(Format::Gdelt));
        assert!(
            workspace
                .files
                .iter()
                .all(|file| file.records.visit_count() > 0)
        );
    }

    #[test]
    fn opens_an_article_through_the_extractor() {
        let mut workspace = Workspace::default();
        let article = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/articles/2023-07-25-shoigu-pyongyang.txt");
        workspace.open(&article);
        let file = &workspace.files[0];
        assert_eq!(file.kind, FileKind::Extracted);
        assert!(file.records.visit_count() >= 2);
        let Records::Held(dataset) = file.records.as_ref() else {
            panic!("an extraction is held in memory");
        };
        assert_eq!(dataset.sources.len(), 1);
        assert!(crate::model::validate(dataset).is_empty());
    }

    #[test]
    fn finds_the_bundled_data() {
        let dir = bundled_data_dir().expect("the source tree has data/");
        let mut workspace = Workspace::default();
        workspace.open_folder(&dir).unwrap();
        assert!(
            workspace
                .files
                .iter()
                .any(|file| file.records.visit_count() >= 2)
        );
        assert_eq!(workspace.problem_count(), 0);
    }
}
