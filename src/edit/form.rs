//! A record as a form a person fills in: every field of the format as
//! text, read back into a record by the dataset loader itself, so that the
//! form refuses exactly what a file would, with the same words.

use serde_json::{Map, Value, json};

use super::Record;
use crate::model::{EventKind, Person, PlaceRef, Problem, check_event, check_visit};

/// A place as typed: its country code, its name, and coordinates for a
/// name the gazetteer does not know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceFields {
    /// ISO 3166-1 alpha-2 code: `KP`.
    pub country: String,
    /// The place's name: `Pyongyang`.
    pub place: String,
    /// Latitude in degrees, or empty.
    pub lat: String,
    /// Longitude in degrees, or empty.
    pub lon: String,
}

impl PlaceFields {
    fn of(place: Option<&PlaceRef>) -> Self {
        let Some(place) = place else {
            return Self::default();
        };
        Self {
            country: place
                .country
                .map(|code| code.to_string())
                .unwrap_or_default(),
            place: place.place.clone().unwrap_or_default(),
            lat: place.lat.map(|lat| lat.to_string()).unwrap_or_default(),
            lon: place.lon.map(|lon| lon.to_string()).unwrap_or_default(),
        }
    }

    fn is_empty(&self) -> bool {
        [&self.country, &self.place, &self.lat, &self.lon]
            .iter()
            .all(|field| field.trim().is_empty())
    }

    /// The place object, over the unknown fields of the one it replaces.
    fn to_value(&self, was: Option<&Value>) -> Value {
        let mut object = match was {
            Some(Value::Object(object)) => object.clone(),
            _ => Map::new(),
        };
        set_text(&mut object, "country", &self.country.trim().to_uppercase());
        set_text(&mut object, "place", &self.place);
        set_number(&mut object, "lat", &self.lat);
        set_number(&mut object, "lon", &self.lon);
        Value::Object(object)
    }
}

/// What a form edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// A visit.
    Visit,
    /// An event.
    Event,
}

/// Every field of a visit or an event, as text.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordForm {
    /// A visit's or an event's fields.
    pub kind: FormKind,
    /// The leader's name.
    pub leader_name: String,
    /// The leader's office.
    pub leader_title: String,
    /// The country the leader serves, as a code.
    pub leader_country: String,
    /// The delegation.
    pub delegation: String,
    /// Where the visit came from (all empty: unknown).
    pub from: PlaceFields,
    /// Where it went.
    pub to: PlaceFields,
    /// The date: `2023-07-25`, `2023-07`, `2023` or `2023-07-18/2023-07-25`.
    pub date: String,
    /// Why, as stated.
    pub purpose: String,
    /// The event's kind.
    pub event_kind: EventKind,
    /// The event's title.
    pub title: String,
    /// Where the event happened.
    pub place: PlaceFields,
    /// The countries taking part, as codes separated by commas.
    pub actors: String,
    /// The record as it was: its id, citation, provenance and unknown
    /// fields are kept as they are.
    original: Value,
}

impl RecordForm {
    /// The form of `record`.
    pub fn of(record: &Record) -> Self {
        let original = record.to_value();
        let blank = Self {
            kind: FormKind::Visit,
            leader_name: String::new(),
            leader_title: String::new(),
            leader_country: String::new(),
            delegation: String::new(),
            from: PlaceFields::default(),
            to: PlaceFields::default(),
            date: String::new(),
            purpose: String::new(),
            event_kind: EventKind::Other,
            title: String::new(),
            place: PlaceFields::default(),
            actors: String::new(),
            original,
        };
        match record {
            Record::Visit(visit) => {
                let leader = visit.leader.clone().unwrap_or_else(|| Person {
                    name: String::new(),
                    ..Person::default()
                });
                Self {
                    leader_name: leader.name,
                    leader_title: leader.title.unwrap_or_default(),
                    leader_country: leader
                        .country
                        .map(|code| code.to_string())
                        .unwrap_or_default(),
                    delegation: visit.delegation.clone().unwrap_or_default(),
                    from: PlaceFields::of(visit.from.as_ref()),
                    to: PlaceFields::of(Some(&visit.to)),
                    date: visit.date.to_string(),
                    purpose: visit.purpose.clone().unwrap_or_default(),
                    ..blank
                }
            }
            Record::Event(event) => Self {
                kind: FormKind::Event,
                event_kind: event.kind,
                title: event.title.clone().unwrap_or_default(),
                place: PlaceFields::of(Some(&event.place)),
                date: event.date.to_string(),
                actors: event
                    .actors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                ..blank
            },
        }
    }

    /// The record the form describes, or every problem with it, each at
    /// its field's path (`date`, `to.country`, `leader.name`).
    ///
    /// # Errors
    /// The problems, worded as the dataset loader words them.
    pub fn to_record(&self) -> Result<Record, Vec<Problem>> {
        let Value::Object(mut fields) = self.original.clone() else {
            return Err(vec![Problem::new("", "not a record")]);
        };
        set_text(&mut fields, "date", &self.date);
        let (record, mut problems) = match self.kind {
            FormKind::Visit => {
                let leader = self.leader_value(fields.get("leader"));
                set_value(&mut fields, "leader", leader);
                set_text(&mut fields, "delegation", &self.delegation);
                let from = (!self.from.is_empty()).then(|| self.from.to_value(fields.get("from")));
                set_value(&mut fields, "from", from);
                let to = self.to.to_value(fields.get("to"));
                fields.insert("to".to_owned(), to);
                set_text(&mut fields, "purpose", &self.purpose);
                let (visit, problems) = check_visit(fields, "$");
                (visit.map(Record::Visit), problems)
            }
            FormKind::Event => {
                fields.insert("kind".to_owned(), json!(self.event_kind.as_str()));
                set_text(&mut fields, "title", &self.title);
                let place = self.place.to_value(fields.get("place"));
                fields.insert("place".to_owned(), place);
                let actors: Vec<Value> = self
                    .actors
                    .split([',', ' ', ';'])
                    .filter(|code| !code.is_empty())
                    .map(|code| json!(code.to_uppercase()))
                    .collect();
                set_value(
                    &mut fields,
                    "actors",
                    (!actors.is_empty()).then_some(Value::Array(actors)),
                );
                let (event, problems) = check_event(fields, "$");
                (event.map(Record::Event), problems)
            }
        };
        for problem in &mut problems {
            problem.path = problem
                .path
                .trim_start_matches('$')
                .trim_start_matches('.')
                .to_owned();
        }
        match record {
            Some(record) if problems.is_empty() => Ok(record),
            _ => Err(problems),
        }
    }

    /// The leader object, over the unknown fields of the one it replaces;
    /// `None` when every field is empty.
    fn leader_value(&self, was: Option<&Value>) -> Option<Value> {
        if [&self.leader_name, &self.leader_title, &self.leader_country]
            .iter()
            .all(|field| field.trim().is_empty())
        {
            return None;
        }
        let mut object = match was {
            Some(Value::Object(object)) => object.clone(),
            _ => Map::new(),
        };
        // The name is required: written even when empty, so that the
        // loader says so.
        object.insert("name".to_owned(), json!(self.leader_name.trim()));
        set_text(&mut object, "title", &self.leader_title);
        set_text(
            &mut object,
            "country",
            &self.leader_country.trim().to_uppercase(),
        );
        Some(Value::Object(object))
    }
}

/// Sets `key` to `text` trimmed, or removes it when that is empty.
fn set_text(object: &mut Map<String, Value>, key: &str, text: &str) {
    let text = text.trim();
    set_value(object, key, (!text.is_empty()).then(|| json!(text)));
}

/// Sets `key` to the number `text` holds (or to `text` itself, which the
/// loader refuses with its own words), or removes it when empty.
fn set_number(object: &mut Map<String, Value>, key: &str, text: &str) {
    let text = text.trim();
    let value = (!text.is_empty()).then(|| {
        text.parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| json!(text), Value::Number)
    });
    set_value(object, key, value);
}

fn set_value(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    match value {
        Some(value) => {
            object.insert(key.to_owned(), value);
        }
        None => {
            object.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;

    fn shoigu() -> Record {
        let json = br#"{"format": "legation/1", "visits": [{"id": "v1", "mine": true,
            "leader": {"name": "Sergei Shoigu", "title": "Defence Minister", "country": "RU"},
            "from": {"country": "RU", "place": "Moscow"},
            "to": {"country": "KP", "place": "Pyongyang", "note": "kept"}, "date": "2023-07-25"}]}"#;
        Record::Visit(parse_dataset(json).unwrap().dataset.visits.remove(0))
    }

    #[test]
    fn a_form_left_as_it_was_gives_the_record_back() {
        let record = shoigu();
        assert_eq!(RecordForm::of(&record).to_record().unwrap(), record);
    }

    #[test]
    fn fields_change_and_unknown_ones_stay() {
        let mut form = RecordForm::of(&shoigu());
        form.date = "2023-07-26".to_owned();
        form.from = PlaceFields::default();
        form.to.place = "Wonsan".to_owned();
        form.leader_country = "ru".to_owned();
        let Ok(Record::Visit(visit)) = form.to_record() else {
            panic!("a sound form");
        };
        assert_eq!(visit.date.to_string(), "2023-07-26");
        assert_eq!(visit.from, None, "an emptied origin is unknown");
        assert_eq!(visit.to.place.as_deref(), Some("Wonsan"));
        assert_eq!(visit.to.extra["note"], "kept");
        assert_eq!(visit.extra["mine"], true);
        assert_eq!(visit.leader.unwrap().country.unwrap().to_string(), "RU");
    }

    #[test]
    fn wrong_fields_are_named_in_the_loaders_words() {
        let mut form = RecordForm::of(&shoigu());
        form.date = "2023-13-40".to_owned();
        form.to.country = "XX".to_owned();
        form.from.lat = "north".to_owned();
        form.from.lon = "10".to_owned();
        let problems = form.to_record().unwrap_err();
        let paths: Vec<&str> = problems
            .iter()
            .map(|problem| problem.path.as_str())
            .collect();
        for path in ["date", "to.country", "from.lat"] {
            assert!(paths.contains(&path), "{path} in {problems:?}");
        }
    }

    #[test]
    fn an_event_form_reads_its_kind_place_and_actors() {
        let json = br#"{"format": "legation/1", "events": [{"id": "e1", "kind": "parade",
            "place": {"country": "KP", "place": "Pyongyang"}, "date": "2023-07-27", "actors": ["KP"]}]}"#;
        let record = Record::Event(parse_dataset(json).unwrap().dataset.events.remove(0));
        let mut form = RecordForm::of(&record);
        assert_eq!(form.actors, "KP");
        form.event_kind = EventKind::MissileLaunch;
        form.actors = "kp, ru".to_owned();
        let Ok(Record::Event(event)) = form.to_record() else {
            panic!("a sound form");
        };
        assert_eq!(event.kind, EventKind::MissileLaunch);
        assert_eq!(event.actors.len(), 2);
        form.actors = "KP, Korea".to_owned();
        assert_eq!(form.to_record().unwrap_err()[0].path, "actors[1]");
    }
}
