//! Reading one record of an indexed file back, straight into its type.
//!
//! A big file's records are read again whenever they are shown or
//! exported; going through a JSON tree (every key a string in an ordered
//! map, every field then removed from it by name) was a fifth of exporting
//! a million of them. This reader takes the fields the format defines
//! directly, and takes nothing it is unsure of: a field it does not know,
//! a value of another shape, anything the full reader would report as a
//! problem gives `None`, and the caller reads that record through
//! [`super::load`] instead. So both always agree (a test holds them to it
//! record by record on the bundled datasets), and the full reader stays the
//! one place that says what is wrong.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use super::provenance::{self, PROVENANCE};
use super::{
    CountryCode, Event, EventKind, ExtraFields, FuzzyDate, Person, PlacePrecision, PlaceRef,
    Source, SourceRef, Span, Visit,
};

/// The visit whose JSON is `json`, if it is plainly sound.
pub(super) fn visit(json: &[u8]) -> Option<Visit> {
    let fields: VisitFields<'_> = serde_json::from_slice(json).ok()?;
    let visit = Visit {
        id: fields.id,
        leader: optional(fields.leader, PersonFields::read).ok()?,
        delegation: fields.delegation,
        from: optional(fields.from, PlaceFields::read).ok()?,
        to: fields.to.read()?,
        date: date(&fields.date)?,
        purpose: fields.purpose,
        source: optional(fields.source, SourceRefFields::read).ok()?,
        extra: provenance(fields.provenance)?,
    };
    Some(visit)
}

/// The event whose JSON is `json`, if it is plainly sound.
pub(super) fn event(json: &[u8]) -> Option<Event> {
    let fields: EventFields<'_> = serde_json::from_slice(json).ok()?;
    let actors = fields.actors.unwrap_or_default();
    let event = Event {
        id: fields.id,
        kind: EventKind::parse(&fields.kind)?,
        title: fields.title,
        place: fields.place.read()?,
        date: date(&fields.date)?,
        actors: actors
            .iter()
            .map(|code| CountryCode::parse(code))
            .collect::<Option<_>>()?,
        source: optional(fields.source, SourceRefFields::read).ok()?,
        extra: provenance(fields.provenance)?,
    };
    Some(event)
}

/// The source whose JSON is `json`, if it is plainly sound.
pub(super) fn source(json: &[u8]) -> Option<Source> {
    let fields: SourceFields<'_> = serde_json::from_slice(json).ok()?;
    let source = Source {
        id: fields.id,
        title: fields.title,
        publisher: fields.publisher,
        url: fields.url,
        published: optional(fields.published.as_deref(), date).ok()?,
        text: fields.text.unwrap_or_default(),
        extra: ExtraFields::new(),
    };
    Some(source)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VisitFields<'a> {
    id: String,
    leader: Option<PersonFields<'a>>,
    delegation: Option<String>,
    from: Option<PlaceFields<'a>>,
    to: PlaceFields<'a>,
    #[serde(borrow)]
    date: Cow<'a, str>,
    purpose: Option<String>,
    source: Option<SourceRefFields>,
    #[serde(default, deserialize_with = "present")]
    provenance: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventFields<'a> {
    id: String,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    title: Option<String>,
    place: PlaceFields<'a>,
    #[serde(borrow)]
    date: Cow<'a, str>,
    #[serde(borrow)]
    actors: Option<Vec<Cow<'a, str>>>,
    source: Option<SourceRefFields>,
    #[serde(default, deserialize_with = "present")]
    provenance: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFields<'a> {
    id: String,
    title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonFields<'a> {
    name: String,
    title: Option<String>,
    #[serde(borrow)]
    country: Option<Cow<'a, str>>,
}

impl PersonFields<'_> {
    fn read(self) -> Option<Person> {
        Some(Person {
            name: self.name,
            title: self.title,
            country: country(self.country.as_deref()).ok()?,
            extra: ExtraFields::new(),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceFields<'a> {
    #[serde(borrow)]
    country: Option<Cow<'a, str>>,
    place: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    #[serde(borrow)]
    precision: Option<Cow<'a, str>>,
    #[serde(default, deserialize_with = "present")]
    alias: Option<Value>,
}

impl PlaceFields<'_> {
    fn read(self) -> Option<PlaceRef> {
        let within = |degrees: f64, limit: f64| (-limit..=limit).contains(&degrees);
        let (lat, lon) = match (self.lat, self.lon) {
            (Some(lat), Some(lon)) if within(lat, 90.0) && within(lon, 180.0) => {
                (Some(lat), Some(lon))
            }
            (None, None) => (None, None),
            _ => return None,
        };
        let country = country(self.country.as_deref()).ok()?;
        if country.is_none() && self.place.is_none() && lat.is_none() {
            return None;
        }
        let precision = match self.precision.as_deref() {
            Some(word) => Some(PlacePrecision::named(word)?),
            None => None,
        };
        let mut extra = ExtraFields::new();
        if let Some(alias) = self.alias {
            extra.insert("alias".to_owned(), alias);
        }
        Some(PlaceRef {
            country,
            place: self.place,
            lat,
            lon,
            precision,
            extra,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRefFields {
    id: String,
    span: Option<[u64; 2]>,
}

impl SourceRefFields {
    fn read(self) -> Option<SourceRef> {
        let span = match self.span {
            Some([start, end]) if start <= end => Some(Span {
                start: usize::try_from(start).ok()?,
                end: usize::try_from(end).ok()?,
            }),
            Some(_) => return None,
            None => None,
        };
        Some(SourceRef {
            id: self.id,
            span,
            extra: ExtraFields::new(),
        })
    }
}

/// A field that is there, even as `null` (which the full reader keeps
/// among the unknown fields, as it keeps any value of them).
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

/// A value this reader leaves to the full one.
struct Declined;

/// An optional value read by `read`: [`Declined`] when it is there but
/// `read` does not take it.
fn optional<T, U>(
    value: Option<T>,
    read: impl FnOnce(T) -> Option<U>,
) -> Result<Option<U>, Declined> {
    match value {
        Some(value) => read(value).map(Some).ok_or(Declined),
        None => Ok(None),
    }
}

/// A country code, if there is one and it is one.
fn country(code: Option<&str>) -> Result<Option<CountryCode>, Declined> {
    optional(code, CountryCode::parse)
}

fn date(text: &str) -> Option<FuzzyDate> {
    text.parse().ok()
}

/// A record's unknown fields: its provenance, if it is sound.
fn provenance(value: Option<Value>) -> Option<ExtraFields> {
    let mut extra = ExtraFields::new();
    if let Some(value) = value {
        extra.insert(PROVENANCE.to_owned(), value);
        if provenance::check(&extra).is_some() {
            return None;
        }
    }
    Some(extra)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{Map, Value, json};

    use super::*;
    use crate::model::{check_event, check_visit};

    fn file(name: &str) -> Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    fn object(record: &Value) -> Map<String, Value> {
        record.as_object().unwrap().clone()
    }

    /// Every visit and event of `name` as this reader and the full reader
    /// read them: (id, this reader's, the full reader's, its problems).
    fn both_readers(name: &str) -> Vec<(String, Option<Record>, Option<Record>, usize)> {
        let dataset = file(name);
        let mut read = Vec::new();
        for record in dataset["visits"].as_array().into_iter().flatten() {
            let bytes = serde_json::to_vec(record).unwrap();
            let (full, problems) = check_visit(object(record), "$");
            read.push((
                record["id"].to_string(),
                visit(&bytes).map(Record::Visit),
                full.map(Record::Visit),
                problems.len(),
            ));
        }
        for record in dataset["events"].as_array().into_iter().flatten() {
            let bytes = serde_json::to_vec(record).unwrap();
            let (full, problems) = check_event(object(record), "$");
            read.push((
                record["id"].to_string(),
                event(&bytes).map(Record::Event),
                full.map(Record::Event),
                problems.len(),
            ));
        }
        read
    }

    #[derive(Debug, PartialEq)]
    #[allow(clippy::large_enum_variant)]
    enum Record {
        Visit(Visit),
        Event(Event),
    }

    #[test]
    fn reads_every_plain_record_as_the_full_reader_does() {
        for name in [
            "data/shoigu-pyongyang.json",
            "tests/fixtures/export-pacific.json",
            "tests/fixtures/valid-minimal.json",
        ] {
            let read = both_readers(name);
            assert!(!read.is_empty(), "{name} has records");
            for (id, fast, full, problems) in read {
                assert_eq!(problems, 0, "{name} {id}");
                assert!(fast.is_some(), "{name} {id}: a plain record is taken");
                assert_eq!(fast, full, "{name} {id}");
            }
        }
        let dataset = file("data/shoigu-pyongyang.json");
        for record in dataset["sources"].as_array().unwrap() {
            let fast = source(&serde_json::to_vec(record).unwrap()).unwrap();
            assert_eq!(fast.id, record["id"].as_str().unwrap());
            assert_eq!(fast.text, record["text"].as_str().unwrap());
            assert_eq!(
                fast.published.map(|date| date.to_string()).as_deref(),
                record["published"].as_str()
            );
        }
    }

    #[test]
    fn leaves_records_with_fields_of_their_own_to_the_full_reader() {
        // The full reader keeps unknown fields where they were; this one
        // would drop them, so it declines.
        let read = both_readers("tests/fixtures/unknown-fields.json");
        assert_eq!(read.len(), 2);
        for (id, fast, full, _) in read {
            assert_eq!(fast, None, "{id}");
            assert!(full.is_some(), "{id}");
        }
        // The US record's visits carry its own trip and leg numbers; the
        // ones this reader takes, it reads alike.
        let read = both_readers("data/us-travels.json");
        let mut declined = 0;
        for (id, fast, full, problems) in read {
            assert_eq!(problems, 0, "{id}");
            let full = full.expect("the full reader keeps every record");
            let unknown = match &full {
                Record::Visit(visit) => visit.extra.keys().any(|key| key != PROVENANCE),
                Record::Event(event) => event.extra.keys().any(|key| key != PROVENANCE),
            };
            if unknown {
                assert_eq!(fast, None, "{id}");
                declined += 1;
            } else {
                assert_eq!(fast, Some(full), "{id}");
            }
        }
        assert!(declined > 0, "the US record has fields of its own");
    }

    #[test]
    fn declines_whatever_the_full_reader_would_report_or_reshape() {
        let base = json!({
            "id": "v1",
            "leader": {"name": "Li Qiang", "country": "CN"},
            "from": {"country": "CN", "place": "Beijing"},
            "to": {"country": "DE", "place": "Berlin", "lat": 52.52, "lon": 13.4},
            "date": "2023-06-18",
            "source": {"id": "s1", "span": [0, 10]},
            "provenance": {"by": "extract", "confidence": "high"}
        });
        let plain = serde_json::to_vec(&base).unwrap();
        assert_eq!(visit(&plain), check_visit(object(&base), "$").0);
        let changes: &[(&[&str], Value)] = &[
            (&["to", "country"], json!("XX")),
            (&["to", "lat"], json!(95.0)),
            (&["to", "lon"], Value::Null),
            (&["to", "precision"], json!("street")),
            (&["to", "colour"], json!("red")),
            (&["date"], json!("18 June")),
            (&["source", "span"], json!([10, 0])),
            (&["provenance", "by"], json!("robot")),
            (&["leader"], json!("Li Qiang")),
            (&["leader", "country"], json!(86)),
            (&["to"], json!({})),
        ];
        for (path, value) in changes {
            let mut record = base.clone();
            let field = path.iter().fold(&mut record, |value, key| &mut value[*key]);
            *field = value.clone();
            let bytes = serde_json::to_vec(&record).unwrap();
            assert_eq!(visit(&bytes), None, "{path:?} = {value}");
        }
        // A field written twice is not guessed at either.
        let twice = br#"{"id": "v1", "to": {"country": "DE"}, "date": "2023", "date": "2024"}"#;
        assert_eq!(visit(twice), None);
    }

    #[test]
    fn keeps_a_null_provenance_or_alias_as_the_full_reader_does() {
        let record = json!({
            "id": "v1",
            "to": {"country": "GB", "place": "London", "alias": null},
            "date": "2023",
            "provenance": null
        });
        let fast = visit(&serde_json::to_vec(&record).unwrap()).unwrap();
        assert_eq!(Some(&fast), check_visit(object(&record), "$").0.as_ref());
        assert_eq!(fast.extra.get("provenance"), Some(&Value::Null));
    }
}
