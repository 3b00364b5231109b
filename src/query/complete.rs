//! Completions for a query as it is typed: field names, then the values
//! the field takes, drawn from the open data (its countries, places,
//! people and sources) and the format's own lists (kinds, `is:` words).
//!
//! Only the word at the end of the text is completed: that is where the
//! cursor is while typing, and what a completion replaces.

use std::collections::BTreeMap;
use std::ops::Range;

use super::Field;
use super::eval::{CONFIDENCE_VALUES, IS_VALUES, PRECISION_VALUES};
use crate::gazetteer::{Gazetteer, fold};
use crate::model::{CountryCode, EventKind, PlaceRef};

/// A completion: what to show, and what to write where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows: the value, and what it stands for.
    pub label: String,
    /// The bytes of the text it replaces.
    pub replaces: Range<usize>,
    /// What it writes there.
    pub insert: String,
}

impl Completion {
    /// `text` with the completion applied.
    pub fn apply(&self, text: &str) -> String {
        let mut text = text.to_owned();
        text.replace_range(self.replaces.clone(), &self.insert);
        text
    }
}

/// The values the open data holds, to complete from; how often each
/// occurs orders them.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    countries: BTreeMap<CountryCode, usize>,
    places: BTreeMap<String, usize>,
    people: BTreeMap<String, usize>,
    sources: BTreeMap<String, usize>,
}

impl Vocabulary {
    /// Counts a place the records name (and its country).
    pub fn add_place(&mut self, place: &PlaceRef) {
        if let Some(code) = place.country {
            *self.countries.entry(code).or_default() += 1;
        }
        if let Some(name) = place.place.as_deref().filter(|name| !name.is_empty()) {
            *self.places.entry(name.to_owned()).or_default() += 1;
        }
    }

    /// Counts a person who travelled.
    pub fn add_person(&mut self, name: &str) {
        if !name.trim().is_empty() {
            *self.people.entry(name.trim().to_owned()).or_default() += 1;
        }
    }

    /// Counts a source (its title or id).
    pub fn add_source(&mut self, title: &str) {
        if !title.trim().is_empty() {
            *self.sources.entry(title.trim().to_owned()).or_default() += 1;
        }
    }

    /// Up to `limit` completions of the last word of `text`, the most
    /// frequent first; none when that word is complete already.
    pub fn complete(&self, text: &str, gazetteer: &Gazetteer, limit: usize) -> Vec<Completion> {
        let word_start = last_word_start(text);
        let word = &text[word_start..];
        let negated = usize::from(word.starts_with('-'));
        let term_start = word_start + negated;
        let term = &text[term_start..];
        let Some(colon) = term.find(':') else {
            return fields(term, term_start..text.len());
        };
        let name = term[..colon].to_lowercase();
        let Some(&(_, field)) = Field::NAMED.iter().find(|(known, _)| *known == name) else {
            return Vec::new();
        };
        // The value being typed: after the field's last comma, less its
        // opening quote.
        let values_start = term_start + colon + 1;
        let value_start = text[values_start..]
            .rfind(',')
            .map_or(values_start, |comma| values_start + comma + 1);
        let typed = text[value_start..].trim_start_matches('"');
        let candidates = self.values(field, gazetteer);
        let wanted = fold(typed);
        if candidates.iter().any(|(value, _)| fold(value) == wanted) {
            return Vec::new();
        }
        candidates
            .into_iter()
            .filter(|(value, label)| {
                starts_a_word(&fold(value), &wanted) || starts_a_word(&fold(label), &wanted)
            })
            .take(limit)
            .map(|(value, label)| Completion {
                label,
                replaces: value_start..text.len(),
                insert: quoted(&value),
            })
            .collect()
    }

    /// Every value `field` takes, with its label, the likeliest first.
    fn values(&self, field: Field, gazetteer: &Gazetteer) -> Vec<(String, String)> {
        let fixed = |values: &[&str]| {
            values
                .iter()
                .map(|value| ((*value).to_owned(), (*value).to_owned()))
                .collect()
        };
        match field {
            Field::From | Field::To => {
                let mut values = self.countries(gazetteer);
                if field == Field::To {
                    values.extend(by_count(&self.places));
                }
                values
            }
            Field::At => by_count(&self.places),
            Field::Person => by_count(&self.people),
            Field::Source => by_count(&self.sources),
            Field::Kind => std::iter::once(("visit".to_owned(), "visit".to_owned()))
                .chain(
                    EventKind::ALL
                        .iter()
                        .map(|kind| (kind.as_str().to_owned(), kind.label().to_owned())),
                )
                .collect(),
            Field::Is => fixed(IS_VALUES),
            Field::Confidence => fixed(CONFIDENCE_VALUES),
            Field::Precision => fixed(PRECISION_VALUES),
            Field::Text => Vec::new(),
        }
    }

    /// The data's countries first (by count), then every other country.
    fn countries(&self, gazetteer: &Gazetteer) -> Vec<(String, String)> {
        let label = |code: CountryCode| {
            let name = gazetteer.country(code).map_or("", |country| country.name);
            (
                code.as_str().to_owned(),
                format!("{} {name}", code.as_str()),
            )
        };
        let mut seen: Vec<(CountryCode, usize)> = self
            .countries
            .iter()
            .map(|(code, count)| (*code, *count))
            .collect();
        seen.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let others = gazetteer
            .countries()
            .map(|country| country.code)
            .filter(|code| !self.countries.contains_key(code));
        seen.into_iter()
            .map(|(code, _)| code)
            .chain(others)
            .map(label)
            .collect()
    }
}

/// Field names that begin with `typed`.
fn fields(typed: &str, replaces: Range<usize>) -> Vec<Completion> {
    if typed.is_empty() || typed.starts_with('"') {
        return Vec::new();
    }
    let typed = typed.to_lowercase();
    Field::NAMED
        .iter()
        .filter(|(name, _)| name.starts_with(&typed))
        .map(|(name, _)| Completion {
            label: format!("{name}:"),
            replaces: replaces.clone(),
            insert: format!("{name}:"),
        })
        .collect()
}

/// Values by how often they occur, then by name.
fn by_count(counts: &BTreeMap<String, usize>) -> Vec<(String, String)> {
    let mut values: Vec<(&String, &usize)> = counts.iter().collect();
    values.sort_by_key(|(_, count)| std::cmp::Reverse(**count));
    values
        .into_iter()
        .map(|(value, _)| (value.clone(), value.clone()))
        .collect()
}

/// Where the last word of `text` starts: after the last space outside
/// quotes (a quoted phrase is one word).
fn last_word_start(text: &str) -> usize {
    let mut start = 0;
    let mut quoted = false;
    for (at, character) in text.char_indices() {
        match character {
            '"' => quoted = !quoted,
            character if character.is_whitespace() && !quoted => start = at + character.len_utf8(),
            _ => {}
        }
    }
    start
}

/// Whether `typed` begins `value` or one of its words (folded both).
fn starts_a_word(value: &str, typed: &str) -> bool {
    value.starts_with(typed)
        || value
            .match_indices(typed)
            .any(|(at, _)| value[..at].ends_with(|c: char| !c.is_alphanumeric()))
}

/// A value as a query writes it: quoted when it holds a space or comma.
fn quoted(value: &str) -> String {
    if value.contains([' ', ',']) {
        format!("\"{value}\"")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    fn vocabulary() -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for (country, place) in [("KP", "Pyongyang"), ("KP", "Pyongyang"), ("CN", "Beijing")] {
            vocabulary.add_place(&PlaceRef {
                country: CountryCode::parse(country),
                place: Some(place.to_owned()),
                ..PlaceRef::default()
            });
        }
        vocabulary.add_person("Sergei Shoigu");
        vocabulary.add_person("Li Hongzhong");
        vocabulary
    }

    fn inserts(text: &str) -> Vec<String> {
        vocabulary()
            .complete(text, Gazetteer::bundled(), 8)
            .into_iter()
            .map(|completion| completion.apply(text))
            .collect()
    }

    #[test]
    fn field_names_complete_with_their_colon_negated_or_not() {
        assert_eq!(inserts("to:KP fr"), ["to:KP from:"]);
        assert_eq!(inserts("-p"), ["-person:", "-precision:"]);
        assert!(
            inserts("victory").is_empty(),
            "a bare word is text, no field"
        );
    }

    #[test]
    fn countries_complete_by_code_or_name_the_datas_own_first() {
        let completed = inserts("to:");
        assert_eq!(completed[..2], ["to:KP", "to:CN"], "most visited first");
        assert!(inserts("from:north").contains(&"from:KP".to_owned()));
        assert!(inserts("to:KP,bei").contains(&"to:KP,Beijing".to_owned()));
        assert!(
            inserts("to:KP").is_empty(),
            "a complete value needs nothing"
        );
    }

    #[test]
    fn people_complete_from_any_word_of_their_name_quoted() {
        assert_eq!(inserts("person:sho"), [r#"person:"Sergei Shoigu""#]);
        assert_eq!(inserts(r#"person:"li"#), [r#"person:"Li Hongzhong""#]);
    }

    #[test]
    fn every_completed_value_is_one_the_query_accepts() {
        for text in [
            "kind:mis",
            "is:unr",
            "confidence:l",
            "precision:m",
            "to:Sou",
        ] {
            for completed in inserts(text) {
                let compiled =
                    Query::parse(&completed).and_then(|query| query.compile(Gazetteer::bundled()));
                assert!(compiled.is_ok(), "{completed}: {compiled:?}");
            }
            assert!(!inserts(text).is_empty(), "{text} completes");
        }
    }
}
