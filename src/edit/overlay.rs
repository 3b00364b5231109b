//! The records a person changed in one file, over the file's own: a
//! million records stay where they are (in memory or on disk) and only the
//! changed ones are held.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Record, Target};
use crate::model::{DatasetEdits, Event, Records, Visit};

/// What became of a record.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "an overlay holds the few records a person changed; boxing each buys nothing"
)]
pub enum Slot {
    /// It reads as this now (an added record, or a changed one).
    Changed(Record),
    /// It was deleted.
    Deleted,
}

/// The changes to one file's records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    /// How many visits and events the file itself holds.
    base: (usize, usize),
    /// How many visits and events were added.
    added: (usize, usize),
    slots: BTreeMap<Target, Slot>,
}

impl Overlay {
    /// No changes yet to a file of `visits` visits and `events` events.
    pub fn new(visits: usize, events: usize) -> Self {
        Self {
            base: (visits, events),
            ..Self::default()
        }
    }

    /// Whether any record reads differently from the file.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// How many records read differently from the file.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// How many visits there are room for: the file's and those added
    /// (some perhaps deleted since).
    pub fn visit_count(&self) -> usize {
        self.base.0 + self.added.0
    }

    /// How many events there are room for.
    pub fn event_count(&self) -> usize {
        self.base.1 + self.added.1
    }

    /// What became of `target`, if anything.
    pub fn slot(&self, target: Target) -> Option<&Slot> {
        self.slots.get(&target)
    }

    /// Sets what became of `target` (`None`: it reads as in the file).
    pub fn set(&mut self, target: Target, slot: Option<Slot>) {
        match slot {
            Some(slot) => {
                self.slots.insert(target, slot);
            }
            None => {
                self.slots.remove(&target);
            }
        }
    }

    /// Every changed record, in order: visits, then events.
    pub fn slots(&self) -> impl Iterator<Item = (Target, &Slot)> {
        self.slots.iter().map(|(&target, slot)| (target, slot))
    }

    /// Makes room for `target`, if it lies past the records there are
    /// (an addition being restored).
    pub fn make_room(&mut self, target: Target) {
        match target {
            Target::Visit(index) => {
                self.added.0 = self.added.0.max((index + 1).saturating_sub(self.base.0));
            }
            Target::Event(index) => {
                self.added.1 = self.added.1.max((index + 1).saturating_sub(self.base.1));
            }
        }
    }

    /// How many visits and events the file itself holds.
    pub fn base_counts(&self) -> (usize, usize) {
        self.base
    }

    /// The place for a new record of the same type as `record`.
    pub fn next_target(&mut self, record: &Record) -> Target {
        match record {
            Record::Visit(_) => {
                self.added.0 += 1;
                Target::Visit(self.visit_count() - 1)
            }
            Record::Event(_) => {
                self.added.1 += 1;
                Target::Event(self.event_count() - 1)
            }
        }
    }

    /// Whether `target` is gone: deleted, or added and then undone.
    pub fn is_gone(&self, target: Target) -> bool {
        match self.slots.get(&target) {
            Some(Slot::Deleted) => true,
            Some(Slot::Changed(_)) => false,
            None => match target {
                Target::Visit(index) => index >= self.base.0,
                Target::Event(index) => index >= self.base.1,
            },
        }
    }

    /// The visit at `index` as it reads now.
    pub fn visit<'a>(&'a self, index: usize, records: &'a Records) -> Option<Cow<'a, Visit>> {
        match self.slots.get(&Target::Visit(index)) {
            Some(Slot::Changed(Record::Visit(visit))) => Some(Cow::Borrowed(visit)),
            None if index < self.base.0 => records.visit(index),
            _ => None,
        }
    }

    /// The event at `index` as it reads now.
    pub fn event<'a>(&'a self, index: usize, records: &'a Records) -> Option<Cow<'a, Event>> {
        match self.slots.get(&Target::Event(index)) {
            Some(Slot::Changed(Record::Event(event))) => Some(Cow::Borrowed(event)),
            None if index < self.base.1 => records.event(index),
            _ => None,
        }
    }

    /// The record at `target` as it reads now.
    pub fn record(&self, target: Target, records: &Records) -> Option<Record> {
        match target {
            Target::Visit(index) => self
                .visit(index, records)
                .map(|visit| Record::Visit(visit.into_owned())),
            Target::Event(index) => self
                .event(index, records)
                .map(|event| Record::Event(event.into_owned())),
        }
    }

    /// The changes as JSON, for writing a file back
    /// ([`crate::model::IndexedDataset::write_edited`]).
    pub fn dataset_edits(&self) -> DatasetEdits {
        let mut edits = DatasetEdits::default();
        for (&target, slot) in &self.slots {
            let (array, index, base) = match target {
                Target::Visit(index) => (&mut edits.visits, index, self.base.0),
                Target::Event(index) => (&mut edits.events, index, self.base.1),
            };
            let json = match slot {
                Slot::Changed(record) => Some(record.to_value().to_string()),
                Slot::Deleted => None,
            };
            match json {
                json if index < base => {
                    array.changed.insert(index, json);
                }
                Some(json) => array.added.push(json),
                // Added, then deleted: nothing to write.
                None => {}
            }
        }
        edits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, parse_dataset};

    fn records() -> Records {
        let json = br#"{"format": "legation/1",
            "visits": [{"id": "a", "to": {"country": "KP"}, "date": "2023"},
                       {"id": "b", "to": {"country": "CN"}, "date": "2023"}]}"#;
        Records::Held(parse_dataset(json).unwrap().dataset)
    }

    fn renamed(records: &Records, index: usize, id: &str) -> Record {
        let mut visit = records.visit(index).unwrap().into_owned();
        visit.id = id.to_owned();
        Record::Visit(visit)
    }

    #[test]
    fn reads_through_to_the_file_except_where_changed() {
        let records = records();
        let mut overlay = Overlay::new(2, 0);
        overlay.set(
            Target::Visit(0),
            Some(Slot::Changed(renamed(&records, 0, "a2"))),
        );
        overlay.set(Target::Visit(1), Some(Slot::Deleted));
        let added = renamed(&records, 1, "c");
        let target = overlay.next_target(&added);
        assert_eq!(target, Target::Visit(2));
        overlay.set(target, Some(Slot::Changed(added)));
        assert_eq!(overlay.visit(0, &records).unwrap().id, "a2");
        assert!(overlay.visit(1, &records).is_none());
        assert!(overlay.is_gone(Target::Visit(1)));
        assert_eq!(overlay.visit(2, &records).unwrap().id, "c");
        assert_eq!(overlay.visit_count(), 3);

        let edits = overlay.dataset_edits();
        assert_eq!(edits.visits.changed.len(), 2);
        assert_eq!(edits.visits.changed[&1], None);
        assert!(edits.visits.added[0].contains(r#""id":"c""#));

        overlay.set(target, None);
        assert!(overlay.is_gone(target), "an undone addition is gone");
        assert!(overlay.dataset_edits().visits.added.is_empty());
        assert_eq!(records.visit(0).unwrap().id, "a", "the file is untouched");
        assert!(matches!(records, Records::Held(Dataset { .. })));
    }
}
