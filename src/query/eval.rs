//! A query compiled once (its values checked and resolved: country names
//! to codes, kinds to kinds) and evaluated over a file's rows into a
//! bitset of the records that match.

use super::text::{FileText, Words};
use super::{Field, Query, QueryError, Term};
use crate::gazetteer::{Gazetteer, fold};
use crate::model::{
    By, Confidence, CountryCode, EventKind, EventRow, PlaceRef, RecordTable, Row, VisitRow,
};

/// Rows from which visits and events are evaluated on two cores.
const PARALLEL_ROWS: usize = 100_000;

/// One bit per row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    /// `len` bits, all `value`.
    pub fn new(len: usize, value: bool) -> Self {
        let fill = if value { u64::MAX } else { 0 };
        let mut words = vec![fill; len.div_ceil(64)];
        // No bit past the end is ever set, so that counts hold.
        if let Some(last) = words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last &= (1 << (len % 64)) - 1;
        }
        Self { words, len }
    }

    /// How many bits it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it holds no bits.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Bit `index` (false past the end).
    pub fn contains(&self, index: usize) -> bool {
        index < self.len && self.words[index / 64] & (1 << (index % 64)) != 0
    }

    /// Sets bit `index`.
    pub fn set(&mut self, index: usize, value: bool) {
        if index >= self.len {
            return;
        }
        let mask = 1 << (index % 64);
        if value {
            self.words[index / 64] |= mask;
        } else {
            self.words[index / 64] &= !mask;
        }
    }

    /// How many bits are set.
    pub fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// The set bits, in order.
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).filter(|&index| self.contains(index))
    }
}

/// The rows of one file a query matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Matches {
    /// Visits, by row.
    pub visits: BitSet,
    /// Events, by row.
    pub events: BitSet,
}

/// A query ready to run on any file.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    terms: Vec<CompiledTerm>,
    /// Whether a term searches text (the file's [`FileText`] is needed).
    pub needs_text: bool,
}

#[derive(Clone, Debug)]
struct CompiledTerm {
    negated: bool,
    test: Test,
}

/// What a term asks of a record.
#[derive(Clone, Debug)]
enum Test {
    From(Places),
    To(Places),
    At(Places),
    Person(Vec<String>),
    Kind { visits: bool, kinds: Vec<EventKind> },
    Source(Vec<String>),
    Is(Vec<Is>),
    Confidence(Vec<Option<Confidence>>),
    Precision(Vec<Precision>),
    Text(Vec<String>),
}

/// Countries and place names a place term accepts.
#[derive(Clone, Debug, Default)]
struct Places {
    countries: Vec<CountryCode>,
    names: Vec<String>,
}

impl Places {
    fn matches(&self, place: &PlaceRef) -> bool {
        place
            .country
            .is_some_and(|code| self.countries.contains(&code))
            || place
                .place
                .as_deref()
                .is_some_and(|name| self.names.contains(&fold(name)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Is {
    By(By),
    Reviewed(bool),
    Edited,
    Visit,
    Event,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Precision {
    Day,
    Month,
    Year,
    Interval,
}

impl Query {
    /// The query compiled: country names resolved, kinds and other values
    /// checked.
    ///
    /// # Errors
    /// A value its field does not know, at the term that holds it.
    pub fn compile(&self, gazetteer: &Gazetteer) -> Result<Compiled, QueryError> {
        let terms = self
            .terms
            .iter()
            .map(|term| {
                Ok(CompiledTerm {
                    negated: term.negated,
                    test: test_of(term, gazetteer)?,
                })
            })
            .collect::<Result<Vec<_>, QueryError>>()?;
        let mut terms = terms;
        // Every term must hold, so the cheap ones go first and the rest
        // are asked only of the rows they leave (dates are worked out).
        terms.sort_by_key(|term| matches!(term.test, Test::Precision(_)));
        let needs_text = terms
            .iter()
            .any(|term| matches!(term.test, Test::Person(_) | Test::Source(_) | Test::Text(_)));
        Ok(Compiled { terms, needs_text })
    }
}

/// The values `is:` takes (aliases aside), for messages and completions.
pub(super) const IS_VALUES: &[&str] = &[
    "extracted",
    "imported",
    "hand",
    "reviewed",
    "unreviewed",
    "edited",
    "visit",
    "event",
];
/// The values `confidence:` takes.
pub(super) const CONFIDENCE_VALUES: &[&str] = &["low", "medium", "high", "none"];
/// The values `precision:` takes.
pub(super) const PRECISION_VALUES: &[&str] = &["day", "month", "year", "interval"];

fn test_of(term: &Term, gazetteer: &Gazetteer) -> Result<Test, QueryError> {
    let wrong = |value: &str, known: &str| {
        QueryError::new(
            format!("`{}:{value}`: not one of {known}", term.field.name()),
            term.at.clone(),
        )
    };
    let folded = || term.values.iter().map(|value| fold(value)).collect();
    Ok(match term.field {
        Field::From => Test::From(places(&term.values, gazetteer)),
        Field::To => Test::To(places(&term.values, gazetteer)),
        Field::At => Test::At(places(&term.values, gazetteer)),
        Field::Person => Test::Person(folded()),
        Field::Source => Test::Source(folded()),
        Field::Text => Test::Text(folded()),
        Field::Kind => {
            let mut visits = false;
            let mut kinds = Vec::new();
            for value in &term.values {
                let key = value.trim().to_lowercase().replace([' ', '-'], "_");
                if key == "visit" || key == "visits" {
                    visits = true;
                    continue;
                }
                let kind = EventKind::parse(key.trim_end_matches('s'))
                    .or_else(|| EventKind::parse(&key))
                    .ok_or_else(|| {
                        let known: Vec<&str> =
                            EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
                        wrong(value, &format!("visit, {}", known.join(", ")))
                    })?;
                kinds.push(kind);
            }
            Test::Kind { visits, kinds }
        }
        Field::Is => Test::Is(
            term.values
                .iter()
                .map(|value| {
                    Ok(match value.to_lowercase().as_str() {
                        "extracted" | "extract" => Is::By(By::Extract),
                        "imported" | "import" => Is::By(By::Import),
                        "hand" | "manual" => Is::By(By::Hand),
                        "reviewed" => Is::Reviewed(true),
                        "unreviewed" => Is::Reviewed(false),
                        "edited" => Is::Edited,
                        "visit" => Is::Visit,
                        "event" => Is::Event,
                        _ => {
                            return Err(wrong(value, &IS_VALUES.join(", ")));
                        }
                    })
                })
                .collect::<Result<_, _>>()?,
        ),
        Field::Confidence => Test::Confidence(
            term.values
                .iter()
                .map(|value| match value.to_lowercase().as_str() {
                    "none" | "unknown" => Ok(None),
                    name => Confidence::parse(name)
                        .map(Some)
                        .ok_or_else(|| wrong(value, &CONFIDENCE_VALUES.join(", "))),
                })
                .collect::<Result<_, _>>()?,
        ),
        Field::Precision => Test::Precision(
            term.values
                .iter()
                .map(|value| {
                    Ok(match value.to_lowercase().as_str() {
                        "day" => Precision::Day,
                        "month" => Precision::Month,
                        "year" => Precision::Year,
                        "interval" => Precision::Interval,
                        _ => return Err(wrong(value, &PRECISION_VALUES.join(", "))),
                    })
                })
                .collect::<Result<_, _>>()?,
        ),
    })
}

/// Values as countries (codes or names) and place names.
fn places(values: &[String], gazetteer: &Gazetteer) -> Places {
    let mut places = Places::default();
    for value in values {
        let code = CountryCode::parse(&value.trim().to_uppercase())
            .filter(|_| value.trim().len() == 2)
            .or_else(|| gazetteer.country_by_name(value).map(|country| country.code));
        match code {
            Some(code) => places.countries.push(code),
            None => places.names.push(fold(value)),
        }
    }
    places
}

impl Compiled {
    /// Whether it has no terms: everything matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The rows of `table` that match; `text` must be given when
    /// [`Self::needs_text`] (rows without text match no text term).
    pub fn matches(&self, table: &RecordTable, text: Option<&FileText>) -> Matches {
        // What each term needs worked out once: which places it accepts,
        // which records its words are in.
        let places: Vec<Prepared> = self
            .terms
            .iter()
            .map(|term| prepare(&term.test, table, text))
            .collect();
        let visits = || {
            let mut bits = BitSet::new(table.visits.len(), false);
            for (index, row) in table.visits.iter().enumerate() {
                let hit = !table.is_removed(Row::Visit(index))
                    && self.terms.iter().zip(&places).all(|(term, places)| {
                        term.negated != visit_matches(&term.test, row, places, index)
                    });
                bits.set(index, hit);
            }
            bits
        };
        let events = || {
            let mut bits = BitSet::new(table.events.len(), false);
            for (index, row) in table.events.iter().enumerate() {
                let hit = !table.is_removed(Row::Event(index))
                    && self.terms.iter().zip(&places).all(|(term, places)| {
                        term.negated != event_matches(&term.test, row, places, index)
                    });
                bits.set(index, hit);
            }
            bits
        };
        // Visits on one core, events on another, when there are many.
        let (visits, events) = if table.visits.len() + table.events.len() >= PARALLEL_ROWS {
            std::thread::scope(|scope| {
                let events = scope.spawn(events);
                (visits(), crate::threads::joined(events))
            })
        } else {
            (visits(), events())
        };
        Matches { visits, events }
    }
}

/// What a term needs, worked out once per file.
#[derive(Default)]
struct Prepared {
    /// Whether each of the table's places is accepted.
    places: Vec<bool>,
    /// The visits and events whose words hold the term's.
    visits: BitSet,
    events: BitSet,
}

fn prepare(test: &Test, table: &RecordTable, text: Option<&FileText>) -> Prepared {
    let mut prepared = Prepared::default();
    let holding = |words: &Words, needles: &[String]| {
        let mut bits = BitSet::new(words.len(), false);
        for needle in needles {
            for record in words.holding(needle) {
                bits.set(record, true);
            }
        }
        bits
    };
    match (test, text) {
        (Test::From(places) | Test::To(places) | Test::At(places), _) => {
            prepared.places = table
                .places
                .iter()
                .map(|place| places.matches(place))
                .collect();
        }
        (Test::Person(names), Some(text)) => prepared.visits = holding(&text.visit_people, names),
        (Test::Text(words), Some(text)) => {
            prepared.visits = holding(&text.visit_words, words);
            prepared.events = holding(&text.event_words, words);
        }
        (Test::Source(names), Some(text)) => {
            let sources = holding(&text.sources, names);
            let cited = |of: &[Option<u32>]| {
                let mut bits = BitSet::new(of.len(), false);
                for (record, source) in of.iter().enumerate() {
                    if source.is_some_and(|source| sources.contains(source as usize)) {
                        bits.set(record, true);
                    }
                }
                bits
            };
            prepared.visits = cited(&text.visit_sources);
            prepared.events = cited(&text.event_sources);
        }
        _ => {}
    }
    prepared
}

fn visit_matches(test: &Test, row: &VisitRow, prepared: &Prepared, index: usize) -> bool {
    let places = &prepared.places;
    match test {
        Test::From(accepted) => {
            row.leader_country
                .is_some_and(|code| accepted.countries.contains(&code))
                || row.from.is_some_and(|from| places[from.index()])
        }
        Test::To(_) | Test::At(_) => places[row.to.index()],
        Test::Kind { visits, .. } => *visits,
        Test::Person(_) | Test::Source(_) | Test::Text(_) => prepared.visits.contains(index),
        Test::Is(values) => values.iter().any(|value| match value {
            Is::By(by) => row.trust.by == Some(*by),
            Is::Reviewed(reviewed) => row.trust.reviewed == *reviewed,
            Is::Edited => row.trust.edited,
            Is::Visit => true,
            Is::Event => false,
        }),
        Test::Confidence(levels) => levels.contains(&row.trust.confidence),
        Test::Precision(precisions) => precisions.contains(&precision(row.days)),
    }
}

fn event_matches(test: &Test, row: &EventRow, prepared: &Prepared, index: usize) -> bool {
    match test {
        Test::From(_) | Test::To(_) | Test::Person(_) => false,
        Test::At(_) => prepared.places[row.place.index()],
        Test::Kind { kinds, .. } => kinds.contains(&row.kind),
        Test::Source(_) | Test::Text(_) => prepared.events.contains(index),
        Test::Is(values) => values.iter().any(|value| match value {
            Is::By(by) => row.trust.by == Some(*by),
            Is::Reviewed(reviewed) => row.trust.reviewed == *reviewed,
            Is::Edited => row.trust.edited,
            Is::Visit => false,
            Is::Event => true,
        }),
        Test::Confidence(levels) => levels.contains(&row.trust.confidence),
        Test::Precision(precisions) => precisions.contains(&precision(row.days)),
    }
}

/// How precisely a row's days are known.
// Not inlined: inlined, the compiler works the calendar out for every row
// before asking any term, which doubled the time of every query.
#[inline(never)]
fn precision(days: crate::model::Days) -> Precision {
    use crate::model::{Day, days_in_month};
    if days.exact {
        return Precision::Day;
    }
    // One calendar conversion: the last day is checked against the one a
    // whole month or year starting at the first would end on.
    let (year, month, day) = days.first.ymd();
    let ends_on =
        |month: u32| Day::from_ymd(year, month, days_in_month(year, month)) == Some(days.last);
    if day == 1 && ends_on(month) {
        Precision::Month
    } else if (month, day) == (1, 1) && ends_on(12) {
        Precision::Year
    } else {
        Precision::Interval
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;

    const FILE: &str = r#"{"format": "legation/1",
        "sources": [{"id": "s", "title": "Al Jazeera story", "text": "Shoigu arrived for Victory Day. Missiles flew."}],
        "visits": [
            {"id": "shoigu", "leader": {"name": "Sergei Shoigu", "country": "RU"},
             "from": {"country": "RU", "place": "Moscow"}, "to": {"country": "KP", "place": "Pyongyang"},
             "date": "2023-07-25", "source": {"id": "s", "span": [0, 31]},
             "provenance": {"by": "extract", "confidence": "low"}},
            {"id": "li", "leader": {"name": "Li Hongzhong"}, "from": {"country": "CN", "place": "Beijing"},
             "to": {"country": "KP", "place": "Pyongyang"}, "date": "2023-07",
             "provenance": {"by": "hand", "reviewed": true}},
            {"id": "blinken", "leader": {"name": "Antony Blinken", "country": "US"},
             "to": {"country": "KR", "place": "Séoul"}, "date": "2023"}
        ],
        "events": [
            {"id": "launch", "kind": "missile_launch", "place": {"country": "KP"},
             "date": "2023-07-20/2023-07-25", "source": {"id": "s", "span": [32, 46]}},
            {"id": "parade", "kind": "parade", "place": {"country": "KP", "place": "Pyongyang"},
             "date": "2023-07-27", "title": "Victory Day parade"}
        ]}"#;

    /// The ids of the records `query` matches in [`FILE`].
    fn found(query: &str) -> Vec<&'static str> {
        let dataset = parse_dataset(FILE.as_bytes()).unwrap().dataset;
        let table = RecordTable::from_dataset(&dataset);
        let records = crate::model::Records::Held(dataset.clone());
        let text = FileText::build(
            &records,
            dataset.visits.len(),
            dataset.events.len(),
            |index| dataset.visits.get(index).cloned(),
            |index| dataset.events.get(index).cloned(),
        );
        let compiled = Query::parse(query)
            .unwrap()
            .compile(Gazetteer::bundled())
            .unwrap();
        let matches = compiled.matches(&table, Some(&text));
        let visits = ["shoigu", "li", "blinken"];
        let events = ["launch", "parade"];
        matches
            .visits
            .ones()
            .map(|index| visits[index])
            .chain(matches.events.ones().map(|index| events[index]))
            .collect()
    }

    #[test]
    fn each_field_matches_its_records() {
        assert_eq!(found(""), ["shoigu", "li", "blinken", "launch", "parade"]);
        assert_eq!(found("from:RU"), ["shoigu"]);
        assert_eq!(
            found("from:China"),
            ["li"],
            "by the origin when the leader has no country"
        );
        assert_eq!(found("to:KP"), ["shoigu", "li"]);
        assert_eq!(found("to:seoul"), ["blinken"], "place names fold accents");
        assert_eq!(found("at:Pyongyang"), ["shoigu", "li", "parade"]);
        assert_eq!(
            found("at:\"North Korea\""),
            ["shoigu", "li", "launch", "parade"]
        );
        assert_eq!(found("person:shoigu"), ["shoigu"]);
        assert_eq!(found("kind:missile_launch,parade"), ["launch", "parade"]);
        assert_eq!(found("kind:visit -to:KP"), ["blinken"]);
        assert_eq!(found("source:\"al jazeera\""), ["shoigu", "launch"]);
        assert_eq!(found("is:extracted"), ["shoigu"]);
        assert_eq!(found("is:reviewed"), ["li"]);
        assert_eq!(found("is:unreviewed is:visit"), ["shoigu", "blinken"]);
        assert_eq!(found("confidence:low"), ["shoigu"]);
        assert_eq!(
            found("confidence:none"),
            ["li", "blinken", "launch", "parade"]
        );
        assert_eq!(found("precision:day"), ["shoigu", "parade"]);
        assert_eq!(found("precision:month"), ["li"]);
        assert_eq!(found("precision:year"), ["blinken"]);
        assert_eq!(found("precision:interval"), ["launch"]);
        assert_eq!(found("\"victory day\""), ["shoigu", "parade"]);
        assert_eq!(found("-\"victory day\" to:KP"), ["li"]);
    }

    #[test]
    fn values_a_field_does_not_know_are_refused_at_their_term() {
        for (query, says) in [
            ("is:maybe", "`is:maybe`: not one of extracted"),
            ("confidence:sure", "not one of low, medium, high"),
            ("precision:week", "not one of day, month, year, interval"),
        ] {
            let error = Query::parse(query)
                .unwrap()
                .compile(Gazetteer::bundled())
                .unwrap_err();
            assert!(error.message.contains(says), "{query}: {}", error.message);
            assert_eq!(error.at, 0..query.len());
        }
    }
}
