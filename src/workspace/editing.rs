//! Changing the open files' records: each change made to a file's
//! overlay and its map rows at once, noted for undo, and saving.

use std::path::Path;
use std::sync::Arc;

use super::{DiskStamp, FileKind, OpenFile, Workspace};
use crate::edit::save::{self, Autosave, Restorable, SaveError};
use crate::edit::{Change, Record, Slot, Target, now_utc, with_edits_noted};

impl OpenFile {
    /// Whether it has changes not yet saved.
    pub fn is_edited(&self) -> bool {
        // Slots alone: an addition undone leaves room for it, not a change.
        !self.edits.slots().eq(self.saved.slots())
    }

    /// How many records read otherwise than as last saved.
    pub fn unsaved_count(&self) -> usize {
        let changed = self
            .edits
            .slots()
            .filter(|&(target, slot)| self.saved.slot(target) != Some(slot))
            .count();
        let reverted = self
            .saved
            .slots()
            .filter(|&(target, _)| self.edits.slot(target).is_none())
            .count();
        changed + reverted
    }

    /// Whether Save writes it back where it came from: only a dataset
    /// can; an article or an import is saved as a new dataset.
    pub fn saves_in_place(&self) -> bool {
        self.kind == FileKind::Dataset
    }

    /// Whether another program changed the file since it was read or last
    /// saved.
    pub fn changed_on_disk(&self) -> bool {
        self.stamp.is_some() && DiskStamp::of(&self.path) != self.stamp
    }

    /// How many visits and events the file itself holds (for the
    /// autosave, which keeps changes to this very version of it).
    pub fn base_counts(&self) -> (usize, usize) {
        self.edits.base_counts()
    }

    /// Sets `target`'s slot and its row on the map.
    fn set_slot(&mut self, target: Target, slot: Option<Slot>) {
        // The words change with the record: read again when next asked.
        self.text = Arc::default();
        self.edits.make_room(target);
        self.edits.set(target, slot);
        let table = Arc::make_mut(&mut self.table);
        match target {
            Target::Visit(index) => {
                table.set_visit(index, self.edits.visit(index, &self.records).as_deref());
            }
            Target::Event(index) => {
                table.set_event(index, self.edits.event(index, &self.records).as_deref());
            }
        }
    }
}

impl Workspace {
    /// Makes a change to `target` of file `file` and notes it for undo;
    /// `false` if there is no such file or nothing changed.
    pub fn change(&mut self, file: usize, target: Target, after: Option<Slot>) -> bool {
        let Some(open) = self.files.get_mut(file) else {
            return false;
        };
        let before = open.edits.slot(target).cloned();
        if before == after {
            return false;
        }
        open.set_slot(target, after.clone());
        self.history.push(Change {
            file: open.path.clone(),
            target,
            before,
            after,
        });
        true
    }

    /// Replaces `target` by `record`, noting each changed field in its
    /// provenance; `false` if nothing changed.
    pub fn edit(&mut self, file: usize, target: Target, record: Record) -> bool {
        let Some(before) = self.files.get(file).and_then(|open| open.record(target)) else {
            return false;
        };
        match with_edits_noted(&before, record, &now_utc()) {
            Some(after) => self.change(file, target, Some(Slot::Changed(after))),
            None => false,
        }
    }

    /// Adds `record` (made by hand) to file `file`: where it went.
    pub fn add(&mut self, file: usize, record: Record) -> Option<Target> {
        let target = self.files.get_mut(file)?.edits.next_target(&record);
        self.change(file, target, Some(Slot::Changed(record)));
        Some(target)
    }

    /// Deletes `target`.
    pub fn delete(&mut self, file: usize, target: Target) -> bool {
        self.change(file, target, Some(Slot::Deleted))
    }

    /// Marks `target` as checked by a person, or not.
    pub fn set_reviewed(&mut self, file: usize, target: Target, reviewed: bool) -> bool {
        let Some(record) = self.files.get(file).and_then(|open| open.record(target)) else {
            return false;
        };
        self.change(file, target, Some(Slot::Changed(record.reviewed(reviewed))))
    }

    /// Takes back the last change: the file and record it was to.
    pub fn undo(&mut self) -> Option<(usize, Target)> {
        let change = self.history.undo()?;
        self.make(&change.inverse())
    }

    /// Makes the last change undone again.
    pub fn redo(&mut self) -> Option<(usize, Target)> {
        let change = self.history.redo()?;
        self.make(&change)
    }

    fn make(&mut self, change: &Change) -> Option<(usize, Target)> {
        let file = self
            .files
            .iter()
            .position(|open| open.path == change.file)?;
        self.files[file].set_slot(change.target, change.after.clone());
        Some((file, change.target))
    }

    /// Makes the changes an autosave kept for file `file` again, each one
    /// undoable.
    pub fn restore(&mut self, file: usize, restorable: Restorable) {
        for (target, slot) in restorable.slots {
            self.change(file, target, Some(slot));
        }
    }

    /// Saves file `file` where it came from (`to` = `None`) or as `to`,
    /// which it is from then on; the autosave of its changes goes.
    ///
    /// # Errors
    /// When the file cannot be written; it is then unchanged on disk, and
    /// the changes are kept.
    pub fn save(
        &mut self,
        file: usize,
        to: Option<&Path>,
        autosave: Option<&Autosave>,
    ) -> Result<(), SaveError> {
        let Some(open) = self.files.get_mut(file) else {
            return Ok(());
        };
        let path = to.unwrap_or(&open.path).to_owned();
        save::write(&open.records, &open.edits, &path)?;
        if let Some(autosave) = autosave {
            autosave.remove(&open.path);
        }
        open.saved = open.edits.clone();
        open.stamp = DiskStamp::of(&path);
        if path != open.path {
            self.history.rename(&open.path, &path);
            open.path = path;
            open.kind = FileKind::Dataset;
        }
        Ok(())
    }

    /// Keeps every file's unsaved changes in `autosave`; the first error,
    /// if any.
    ///
    /// # Errors
    /// When the autosave folder cannot be written.
    pub fn autosave(&self, autosave: &Autosave) -> std::io::Result<()> {
        let mut result = Ok(());
        for open in &self.files {
            let written = if open.is_edited() {
                autosave.write(&open.path, open.base_counts(), &open.edits)
            } else {
                autosave.remove(&open.path);
                Ok(())
            };
            if result.is_ok() {
                result = written;
            }
        }
        result
    }

    /// Whether any file has unsaved changes.
    pub fn is_edited(&self) -> bool {
        self.files.iter().any(OpenFile::is_edited)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::{Provenance, parse_dataset};

    fn scratch(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("legation-editing-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    fn story(folder: &Path) -> (Workspace, PathBuf) {
        let path = folder.join("story.json");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shoigu-pyongyang.json"),
            &path,
        )
        .unwrap();
        let mut workspace = Workspace::default();
        workspace.open(&path);
        (workspace, path)
    }

    fn redated(workspace: &Workspace, index: usize, date: &str) -> Record {
        let mut visit = workspace.files[0].visit(index).unwrap().into_owned();
        visit.date = date.parse().unwrap();
        Record::Visit(visit)
    }

    #[test]
    fn edits_show_at_once_undo_redo_and_save_with_their_provenance() {
        let folder = scratch("edit");
        let (mut workspace, path) = story(&folder);
        let before = workspace.files[0].visit(0).unwrap().date;
        let days_before = workspace.files[0].table.visits[0].days;
        assert!(workspace.edit(0, Target::Visit(0), redated(&workspace, 0, "2023-07-26")));
        assert!(workspace.files[0].is_edited());
        assert_ne!(
            workspace.files[0].table.visits[0].days, days_before,
            "the map row follows"
        );
        assert_eq!(workspace.undo(), Some((0, Target::Visit(0))));
        assert_eq!(workspace.files[0].visit(0).unwrap().date, before);
        assert!(!workspace.files[0].is_edited(), "undone to as read");
        assert_eq!(workspace.files[0].table.visits[0].days, days_before);
        workspace.redo();
        workspace.save(0, None, None).unwrap();
        assert!(!workspace.files[0].is_edited());
        assert!(
            !workspace.files[0].changed_on_disk(),
            "our own save is no outside change"
        );

        let saved = parse_dataset(&std::fs::read(&path).unwrap()).unwrap();
        assert!(saved.problems.is_empty(), "{:?}", saved.problems);
        let visit = &saved.dataset.visits[0];
        assert_eq!(visit.date.to_string(), "2023-07-26");
        let provenance = Provenance::of(&visit.extra).unwrap();
        assert_eq!(provenance.edited[0].field, "date");
        assert_eq!(provenance.edited[0].was, before.to_string());

        workspace.undo();
        assert!(
            workspace.files[0].is_edited(),
            "undoing a saved change is unsaved"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn deleted_and_added_records_leave_and_join_the_map() {
        let folder = scratch("add");
        let (mut workspace, _) = story(&folder);
        let visits = workspace.files[0].visit_count();
        assert!(workspace.delete(0, Target::Visit(1)));
        assert_eq!(workspace.files[0].visit_count(), visits - 1);
        let copy = workspace.files[0].visit(0).unwrap().into_owned();
        let added = workspace
            .add(0, Record::Visit(copy).made_by_hand(None))
            .unwrap();
        assert_eq!(added, Target::Visit(visits));
        assert_eq!(workspace.files[0].visit_count(), visits);
        assert_eq!(workspace.files[0].unsaved_count(), 2);
        workspace.undo();
        workspace.undo();
        assert_eq!(workspace.files[0].visit_count(), visits);
        assert!(!workspace.files[0].is_edited());
        assert!(
            workspace.files[0].visit(visits).is_none(),
            "the undone addition is gone"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn an_outside_change_is_noticed_and_reopening_keeps_unsaved_work() {
        let folder = scratch("outside");
        let (mut workspace, path) = story(&folder);
        workspace.set_reviewed(0, Target::Event(0), true);
        std::fs::write(&path, "{}").unwrap();
        assert!(workspace.files[0].changed_on_disk());
        workspace.open(&path);
        assert!(
            workspace.files[0].is_edited(),
            "the edit survives opening the file again"
        );
        std::fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn saving_an_extraction_as_a_dataset_makes_it_that_file() {
        let folder = scratch("save-as");
        let article = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/articles/2023-07-25-shoigu-pyongyang.txt");
        let mut workspace = Workspace::default();
        workspace.open(&article);
        assert!(!workspace.files[0].saves_in_place());
        workspace.delete(0, Target::Event(0));
        let events = workspace.files[0].event_count();
        let path = folder.join("extracted.json");
        workspace.save(0, Some(&path), None).unwrap();
        assert_eq!(workspace.files[0].path, path);
        assert!(workspace.files[0].saves_in_place());
        let mut reopened = Workspace::default();
        reopened.open(&path);
        assert_eq!(reopened.files[0].event_count(), events);
        assert_eq!(reopened.problem_count(), 0);
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
