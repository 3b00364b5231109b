//! Changes a person makes to records: corrections, additions, deletions
//! and reviews, kept as an overlay over a file's records (which may be
//! millions, read from disk when shown) with an undo history, and written
//! into each record's provenance, so that a dataset says what people did
//! to it.
//!
//! Nothing here knows of the app: it is given records and gives back
//! records and [`Change`]s; the workspace keeps one [`Overlay`] per file
//! and one [`History`] for all, and saving goes through [`save`].

pub mod form;
mod history;
mod overlay;
pub mod save;

pub use history::{Change, History};
pub use overlay::{Overlay, Slot};

use serde_json::Value;

use crate::model::{By, Day, Edited, Event, Provenance, Visit};

/// A record of one file: its position among the file's visits or events
/// (added records come after the file's own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// The visit at this position.
    Visit(usize),
    /// The event at this position.
    Event(usize),
}

/// A visit or an event.
#[derive(Clone, Debug, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "records are made one at a time, as a person edits them"
)]
pub enum Record {
    /// A visit.
    Visit(Visit),
    /// An event.
    Event(Event),
}

impl Record {
    /// Its id.
    pub fn id(&self) -> &str {
        match self {
            Self::Visit(visit) => &visit.id,
            Self::Event(event) => &event.id,
        }
    }

    /// Its unknown fields, `provenance` among them.
    pub fn extra(&self) -> &crate::model::ExtraFields {
        match self {
            Self::Visit(visit) => &visit.extra,
            Self::Event(event) => &event.extra,
        }
    }

    fn extra_mut(&mut self) -> &mut crate::model::ExtraFields {
        match self {
            Self::Visit(visit) => &mut visit.extra,
            Self::Event(event) => &mut event.extra,
        }
    }

    /// Its provenance, if it has a sound one.
    pub fn provenance(&self) -> Option<Provenance> {
        Provenance::of(self.extra())
    }

    /// As a JSON object, as a file holds it.
    pub fn to_value(&self) -> Value {
        // Plain data with string keys: serializing cannot fail.
        match self {
            Self::Visit(visit) => serde_json::to_value(visit),
            Self::Event(event) => serde_json::to_value(event),
        }
        .unwrap_or_default()
    }

    /// Sets whether a person has checked it; a record without provenance
    /// gets one that says a person vouched for it.
    #[must_use]
    pub fn reviewed(mut self, reviewed: bool) -> Self {
        let mut provenance = self.provenance().unwrap_or_else(unknown_maker);
        provenance.reviewed = reviewed;
        provenance.write_to(self.extra_mut());
        self
    }

    /// The record under a new id, citing `source`, with none of the fields
    /// it had beyond the format's (a suggestion made into a new record).
    #[must_use]
    pub fn anew(mut self, id: String, source: Option<crate::model::SourceRef>) -> Self {
        match &mut self {
            Self::Visit(visit) => {
                visit.id = id;
                visit.source = source;
            }
            Self::Event(event) => {
                event.id = id;
                event.source = source;
            }
        }
        self.extra_mut().clear();
        self
    }

    /// Made by hand, now: a new record's provenance.
    #[must_use]
    pub fn made_by_hand(mut self, because: Option<String>) -> Self {
        let mut provenance = Provenance::new(By::Hand);
        provenance.because = because;
        provenance.write_to(self.extra_mut());
        self
    }
}

/// A provenance for a record that had none when a person first touched it.
fn unknown_maker() -> Provenance {
    let mut provenance = Provenance::new(By::Hand);
    provenance.version = None;
    provenance.because = Some("no provenance before a person edited it".to_owned());
    provenance
}

/// `after`, with its provenance listing each field that differs from
/// `before` (with its value there) as edited `at`; `after`'s own
/// `provenance` is replaced by `before`'s, so that a form cannot forge one.
/// `None` when nothing changed.
pub fn with_edits_noted(before: &Record, after: Record, at: &str) -> Option<Record> {
    let (Value::Object(was), Value::Object(now)) = (before.to_value(), after.to_value()) else {
        return None;
    };
    let fields = field_order(&was, &now);
    let mut changed: Vec<Edited> = fields
        .into_iter()
        .filter(|field| field != crate::model::PROVENANCE)
        .filter(|field| was.get(field) != now.get(field))
        .map(|field| Edited {
            was: was.get(&field).cloned().unwrap_or(Value::Null),
            field,
            at: at.to_owned(),
        })
        .collect();
    if changed.is_empty() {
        return None;
    }
    let mut after = after;
    let mut provenance = before.provenance().unwrap_or_else(unknown_maker);
    provenance.edited.append(&mut changed);
    provenance.write_to(after.extra_mut());
    Some(after)
}

/// The keys of both objects, `was`'s order first.
fn field_order(
    was: &serde_json::Map<String, Value>,
    now: &serde_json::Map<String, Value>,
) -> Vec<String> {
    let mut fields: Vec<String> = was.keys().cloned().collect();
    fields.extend(now.keys().filter(|key| !was.contains_key(*key)).cloned());
    fields
}

/// The time now, in UTC, as provenance writes it: `2026-12-07T10:00:00Z`.
pub fn now_utc() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    let days = i32::try_from(seconds / 86_400).unwrap_or(i32::MAX);
    let (year, month, day) = Day(days).ymd();
    let of_day = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountryCode, FuzzyDate, PlaceRef};

    fn visit() -> Visit {
        Visit {
            id: "v1".to_owned(),
            leader: None,
            delegation: Some("Russian delegation".to_owned()),
            from: None,
            to: PlaceRef::country(CountryCode::parse("KP").unwrap()),
            date: "2023-07".parse::<FuzzyDate>().unwrap(),
            purpose: None,
            source: None,
            extra: serde_json::from_str(
                r#"{"note": "mine", "provenance": {"by": "extract", "confidence": "low"}}"#,
            )
            .unwrap(),
        }
    }

    #[test]
    fn an_edit_notes_each_changed_field_with_its_old_value() {
        let before = Record::Visit(visit());
        let mut changed = visit();
        changed.date = "2023-07-26".parse().unwrap();
        changed.purpose = Some("armistice day".to_owned());
        changed
            .extra
            .insert("provenance".to_owned(), serde_json::json!({"by": "hand"}));
        let Some(Record::Visit(after)) =
            with_edits_noted(&before, Record::Visit(changed), "2026-12-07T10:00:00Z")
        else {
            panic!("something changed");
        };
        let provenance = Provenance::of(&after.extra).unwrap();
        assert_eq!(provenance.by, By::Extract, "the maker stays the extractor");
        let edited: Vec<(&str, &Value)> = provenance
            .edited
            .iter()
            .map(|edit| (edit.field.as_str(), &edit.was))
            .collect();
        assert_eq!(
            edited,
            [
                ("date", &serde_json::json!("2023-07")),
                ("purpose", &Value::Null)
            ]
        );
        assert_eq!(after.extra["note"], "mine", "unknown fields stay");
        assert_eq!(
            with_edits_noted(&before, before.clone(), "2026-12-07T10:00:00Z"),
            None
        );
    }

    #[test]
    fn reviewing_keeps_the_maker_and_vouches_for_records_without_one() {
        let reviewed = Record::Visit(visit()).reviewed(true);
        let provenance = reviewed.provenance().unwrap();
        assert!(provenance.reviewed);
        assert_eq!(provenance.by, By::Extract);
        let mut bare = visit();
        bare.extra.clear();
        let provenance = Record::Visit(bare).reviewed(true).provenance().unwrap();
        assert_eq!(provenance.by, By::Hand);
        assert!(provenance.reviewed);
    }

    #[test]
    fn now_is_written_as_utc() {
        let now = now_utc();
        assert_eq!(now.len(), 20, "{now}");
        assert!(now.ends_with('Z') && now.as_bytes()[10] == b'T', "{now}");
        assert!(now.as_str() > "2026-01-01", "{now}");
    }
}
