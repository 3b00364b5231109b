//! The words of a file's records, folded once (case, accents) for the
//! terms that search text: `person:`, `source:` and bare words. Built from
//! the records when a query first needs it, never for field terms.
//!
//! Each kind of words is one long string with each record's share marked
//! by offsets, so that a phrase is found by one fast scan of it (not a
//! search per record), and a million records cost their words' bytes,
//! not a million allocations. Sources' words are kept once per source.

use std::collections::HashMap;

use memchr::memmem;

use crate::gazetteer::fold;
use crate::model::{Event, Records, SourceRef, Visit};

/// Folded words of each record of one kind, end to end.
#[derive(Clone, Debug, Default)]
pub struct Words {
    text: String,
    /// Where record `i`'s words start; they end where `i + 1`'s start.
    starts: Vec<u32>,
}

impl Words {
    fn push(&mut self, words: &str) {
        self.starts
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.text.push_str(words);
        // A separator no folded word holds: a phrase never spans records.
        self.text.push('\u{1}');
    }

    /// How many records it holds.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether it holds no record.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The records whose words hold `needle` (folded) as whole words, by
    /// position, in order.
    pub fn holding(&self, needle: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        if needle.is_empty() {
            return (0..self.len()).collect();
        }
        let bytes = self.text.as_bytes();
        for at in memmem::find_iter(bytes, needle.as_bytes()) {
            let end = at + needle.len();
            let before = self.text[..at].chars().next_back();
            let after = self.text[end..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let record = self.starts.partition_point(|&start| start as usize <= at) - 1;
            if found.last() != Some(&record) {
                found.push(record);
            }
        }
        found
    }
}

/// The folded words of one file's records, by row.
#[derive(Clone, Debug, Default)]
pub struct FileText {
    /// Each visit's leader and delegation.
    pub visit_people: Words,
    /// Each visit's words: leader, delegation, title, purpose, cited
    /// passage.
    pub visit_words: Words,
    /// Each event's words: title, kind, cited passage.
    pub event_words: Words,
    /// Each source's words: id, title, publisher.
    pub sources: Words,
    /// Each visit's source, by position in `sources`.
    pub visit_sources: Vec<Option<u32>>,
    /// Each event's source.
    pub event_sources: Vec<Option<u32>>,
}

/// What one side (visits or events) reads.
#[derive(Default)]
struct Side {
    people: Words,
    words: Words,
    cited: Vec<Option<String>>,
}

impl FileText {
    /// The words of `visits` visits and `events` events, read through
    /// `visit` and `event` (the file's records as edited; a row with no
    /// record left has no words).
    pub fn build(
        records: &Records,
        visits: usize,
        events: usize,
        visit: impl Fn(usize) -> Option<Visit> + Sync,
        event: impl Fn(usize) -> Option<Event> + Sync,
    ) -> Self {
        // Visits on one core, events on another: every record is read.
        let (visit_side, event_side) = std::thread::scope(|scope| {
            let events = scope.spawn(|| read_events(records, events, &event));
            (
                read_visits(records, visits, &visit),
                crate::threads::joined(events),
            )
        });
        let mut text = Self {
            visit_people: visit_side.people,
            visit_words: visit_side.words,
            event_words: event_side.words,
            ..Self::default()
        };
        let mut by_id: HashMap<String, u32> = HashMap::new();
        let mut source_of = |id: Option<String>, sources: &mut Words| {
            let id = id?;
            if let Some(&index) = by_id.get(&id) {
                return Some(index);
            }
            let index = u32::try_from(sources.len()).unwrap_or(u32::MAX);
            let source = records.source(&id);
            let label = [
                Some(id.as_str()),
                source.as_ref().and_then(|source| source.title.as_deref()),
                source
                    .as_ref()
                    .and_then(|source| source.publisher.as_deref()),
            ];
            sources.push(&fold_all(label.into_iter().flatten()));
            by_id.insert(id, index);
            Some(index)
        };
        text.visit_sources = visit_side
            .cited
            .into_iter()
            .map(|id| source_of(id, &mut text.sources))
            .collect();
        text.event_sources = event_side
            .cited
            .into_iter()
            .map(|id| source_of(id, &mut text.sources))
            .collect();
        text
    }
}

fn read_visits(records: &Records, visits: usize, visit: &impl Fn(usize) -> Option<Visit>) -> Side {
    let mut passages = Passages::new(records);
    let mut side = Side::default();
    for index in 0..visits {
        let Some(visit) = visit(index) else {
            side.people.push("");
            side.words.push("");
            side.cited.push(None);
            continue;
        };
        let people = [
            visit.leader.as_ref().map(|leader| leader.name.as_str()),
            visit.delegation.as_deref(),
        ];
        let people = fold_all(people.into_iter().flatten());
        let words = [
            Some(people.as_str()),
            visit
                .leader
                .as_ref()
                .and_then(|leader| leader.title.as_deref()),
            visit.purpose.as_deref(),
        ];
        let mut words = fold_all(words.into_iter().flatten());
        words.push(' ');
        words.push_str(&passages.of(visit.source.as_ref()));
        side.people.push(&people);
        side.words.push(&words);
        side.cited.push(visit.source.map(|source| source.id));
    }
    side
}

fn read_events(records: &Records, events: usize, event: &impl Fn(usize) -> Option<Event>) -> Side {
    let mut passages = Passages::new(records);
    let mut side = Side::default();
    for index in 0..events {
        let Some(event) = event(index) else {
            side.words.push("");
            side.cited.push(None);
            continue;
        };
        let words = [event.title.as_deref(), Some(event.kind.label())];
        let mut words = fold_all(words.into_iter().flatten());
        words.push(' ');
        words.push_str(&passages.of(event.source.as_ref()));
        side.words.push(&words);
        side.cited.push(event.source.map(|source| source.id));
    }
    side
}

/// Folded words, separated by a space.
fn fold_all<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.map(fold).collect::<Vec<_>>().join(" ")
}

/// Cited passages, folded; each source's text read once.
struct Passages<'a> {
    records: &'a Records,
    texts: HashMap<String, Option<String>>,
}

impl<'a> Passages<'a> {
    fn new(records: &'a Records) -> Self {
        Self {
            records,
            texts: HashMap::new(),
        }
    }

    fn of(&mut self, citation: Option<&SourceRef>) -> String {
        let Some((citation, span)) = citation.and_then(|citation| Some((citation, citation.span?)))
        else {
            return String::new();
        };
        let records = self.records;
        let text = self.texts.entry(citation.id.clone()).or_insert_with(|| {
            records
                .source(&citation.id)
                .map(|source| source.into_owned().text)
        });
        text.as_deref()
            .and_then(|text| span.slice(text))
            .map(fold)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(records: &[&str]) -> Words {
        let mut words = Words::default();
        for record in records {
            words.push(&fold(record));
        }
        words
    }

    #[test]
    fn phrases_match_whole_words_folded_and_never_across_records() {
        let words = words(&[
            "Victory Day parade",
            "Sergei Shoigu",
            "Shoigus",
            "São Paulo",
            "victory",
            "day",
        ]);
        assert_eq!(words.holding(&fold("victory day")), [0]);
        assert_eq!(words.holding(&fold("shoigu")), [1]);
        assert_eq!(words.holding(&fold("sao paulo")), [3]);
        assert_eq!(words.holding(&fold("victory")), [0, 4]);
        assert_eq!(words.holding(&fold("day")), [0, 5]);
        assert!(words.holding("victory day parade sergei").is_empty());
    }
}
