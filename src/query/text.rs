//! The words of a file's records, folded once (case, accents) for the
//! terms that search text: `person:`, `source:` and bare words. Built from
//! the records when a query first needs it, never for field terms.

use std::collections::HashMap;

use crate::gazetteer::fold;
use crate::model::{Records, Source, SourceRef};

/// The folded words of one file's records, by row.
#[derive(Clone, Debug, Default)]
pub struct FileText {
    /// Each visit's leader and delegation.
    pub visit_people: Vec<String>,
    /// Each visit's words: leader, delegation, purpose, cited passage.
    pub visit_words: Vec<String>,
    /// Each visit's source: id, title, publisher.
    pub visit_sources: Vec<String>,
    /// Each event's words: title, kind, cited passage.
    pub event_words: Vec<String>,
    /// Each event's source.
    pub event_sources: Vec<String>,
}

impl FileText {
    /// The words of `visits` visits and `events` events, read through
    /// `visit` and `event` (the file's records as edited; a row with no
    /// record left has no words).
    pub fn build(
        records: &Records,
        visits: usize,
        events: usize,
        visit: impl Fn(usize) -> Option<crate::model::Visit> + Sync,
        event: impl Fn(usize) -> Option<crate::model::Event> + Sync,
    ) -> Self {
        // Visits on one core, events on another: every record is read.
        let (mut text, events) = std::thread::scope(|scope| {
            let events = scope.spawn(|| Self::events(records, events, &event));
            (
                Self::visits(records, visits, &visit),
                crate::threads::joined(events),
            )
        });
        text.event_words = events.event_words;
        text.event_sources = events.event_sources;
        text
    }

    fn visits(
        records: &Records,
        visits: usize,
        visit: &impl Fn(usize) -> Option<crate::model::Visit>,
    ) -> Self {
        let mut sources = SourceWords::new(records);
        let mut text = Self::default();
        for index in 0..visits {
            let Some(visit) = visit(index) else {
                text.visit_people.push(String::new());
                text.visit_words.push(String::new());
                text.visit_sources.push(String::new());
                continue;
            };
            let people = [
                visit.leader.as_ref().map(|leader| leader.name.as_str()),
                visit.delegation.as_deref(),
            ];
            let people = fold_all(people.into_iter().flatten());
            let (source, passage) = sources.of(visit.source.as_ref());
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
            words.push_str(&passage);
            text.visit_people.push(people);
            text.visit_words.push(words);
            text.visit_sources.push(source);
        }
        text
    }

    fn events(
        records: &Records,
        events: usize,
        event: &impl Fn(usize) -> Option<crate::model::Event>,
    ) -> Self {
        let mut sources = SourceWords::new(records);
        let mut text = Self::default();
        for index in 0..events {
            let Some(event) = event(index) else {
                text.event_words.push(String::new());
                text.event_sources.push(String::new());
                continue;
            };
            let (source, passage) = sources.of(event.source.as_ref());
            let words = [event.title.as_deref(), Some(event.kind.label())];
            let mut words = fold_all(words.into_iter().flatten());
            words.push(' ');
            words.push_str(&passage);
            text.event_words.push(words);
            text.event_sources.push(source);
        }
        text
    }
}

/// Folded words, separated by a space.
fn fold_all<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.map(fold).collect::<Vec<_>>().join(" ")
}

/// Sources' words, each source read once.
struct SourceWords<'a> {
    records: &'a Records,
    read: HashMap<String, Option<Source>>,
}

impl<'a> SourceWords<'a> {
    fn new(records: &'a Records) -> Self {
        Self {
            records,
            read: HashMap::new(),
        }
    }

    /// A citation's source (id, title, publisher) and passage, folded.
    fn of(&mut self, citation: Option<&SourceRef>) -> (String, String) {
        let Some(citation) = citation else {
            return (String::new(), String::new());
        };
        let records = self.records;
        let source = self.read.entry(citation.id.clone()).or_insert_with(|| {
            records
                .source(&citation.id)
                .map(std::borrow::Cow::into_owned)
        });
        let Some(source) = source else {
            return (fold(&citation.id), String::new());
        };
        let label = [
            Some(source.id.as_str()),
            source.title.as_deref(),
            source.publisher.as_deref(),
        ];
        let passage = citation
            .span
            .and_then(|span| span.slice(&source.text))
            .map(fold)
            .unwrap_or_default();
        (fold_all(label.into_iter().flatten()), passage)
    }
}

/// Whether folded `haystack` holds folded `needle` as whole words.
pub(crate) fn holds_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_whole_and_folded() {
        assert!(holds_words(
            &fold("Victory Day parade"),
            &fold("victory day")
        ));
        assert!(holds_words(&fold("Sergei Shoigu"), &fold("shoigu")));
        assert!(!holds_words(&fold("Shoigus"), &fold("shoigu")));
        assert!(holds_words(&fold("São Paulo"), &fold("sao paulo")));
    }
}
