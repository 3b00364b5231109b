//! Undo and redo: every change to every open file, in the order made,
//! for as long as the app runs.

use std::path::{Path, PathBuf};

use super::{Slot, Target};

/// One change to one record: what its slot held before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The file of the record.
    pub file: PathBuf,
    /// The record.
    pub target: Target,
    /// Its slot before (`None`: as in the file).
    pub before: Option<Slot>,
    /// Its slot after.
    pub after: Option<Slot>,
}

impl Change {
    /// The change that takes this one back.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self {
            file: self.file.clone(),
            target: self.target,
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// The changes that can be undone, and those undone that can be redone.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Notes a change just made; what was undone can no longer be redone.
    pub fn push(&mut self, change: Change) {
        self.undo.push(change);
        self.redo.clear();
    }

    /// The last change, to be taken back (its [`Change::inverse`] made).
    pub fn undo(&mut self) -> Option<Change> {
        let change = self.undo.pop()?;
        self.redo.push(change.clone());
        Some(change)
    }

    /// The last change undone, to be made again.
    pub fn redo(&mut self) -> Option<Change> {
        let change = self.redo.pop()?;
        self.undo.push(change.clone());
        Some(change)
    }

    /// Whether anything can be undone.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether anything can be redone.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets the changes to `file` (it was closed).
    pub fn forget(&mut self, file: &Path) {
        self.undo.retain(|change| change.file != file);
        self.redo.retain(|change| change.file != file);
    }

    /// Follows `from` to its new name `to` (it was saved as another file).
    pub fn rename(&mut self, from: &Path, to: &Path) {
        for change in self.undo.iter_mut().chain(&mut self.redo) {
            if change.file == from {
                to.clone_into(&mut change.file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(file: &str, index: usize) -> Change {
        Change {
            file: PathBuf::from(file),
            target: Target::Visit(index),
            before: None,
            after: Some(Slot::Deleted),
        }
    }

    #[test]
    fn undo_and_redo_walk_the_changes_and_a_new_change_ends_redo() {
        let mut history = History::default();
        history.push(change("a.json", 0));
        history.push(change("a.json", 1));
        assert_eq!(history.undo(), Some(change("a.json", 1)));
        assert_eq!(history.redo(), Some(change("a.json", 1)));
        assert_eq!(history.undo(), Some(change("a.json", 1)));
        history.push(change("a.json", 2));
        assert!(!history.can_redo());
        assert_eq!(history.undo(), Some(change("a.json", 2)));
        assert_eq!(history.undo(), Some(change("a.json", 0)));
        assert_eq!(history.undo(), None);
        assert_eq!(change("a.json", 0).inverse().after, None);
    }

    #[test]
    fn closing_a_file_forgets_its_changes_and_saving_as_renames_them() {
        let mut history = History::default();
        history.push(change("a.json", 0));
        history.push(change("b.txt", 0));
        history.rename(Path::new("b.txt"), Path::new("b.json"));
        history.forget(Path::new("a.json"));
        assert_eq!(history.undo(), Some(change("b.json", 0)));
        assert_eq!(history.undo(), None);
    }
}
