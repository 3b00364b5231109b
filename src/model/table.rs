//! The placeable facts of a dataset, one small row per record: what the
//! scene needs to put a record on the map and in time, and nothing else.
//!
//! Places are interned: a million visits between two hundred cities hold
//! two hundred [`PlaceRef`]s and a million pairs of [`PlaceId`]s, so that
//! the gazetteer is asked once per place, not once per record. Rows keep the
//! order of the records in the dataset: row `i` of `visits` is
//! `dataset.visits[i]`.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};

use super::{
    CountryCode, Dataset, Day, Event, EventKind, FuzzyDate, PlacePrecision, PlaceRef, Trust, Visit,
    trust_of,
};

/// A place in a [`RecordTable`]'s `places`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

impl PlaceId {
    /// Its position in `places`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The days a record's date covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    /// The first day covered.
    pub first: Day,
    /// The last day covered.
    pub last: Day,
    /// Whether the date is exactly one known day.
    pub exact: bool,
}

impl From<&FuzzyDate> for Days {
    fn from(date: &FuzzyDate) -> Self {
        let first = date.first_day();
        let exact = date.is_exact_day();
        Self {
            first,
            // One known day is its own last: found once, as a million
            // records' dates are.
            last: if exact { first } else { date.last_day() },
            exact,
        }
    }
}

/// What the map needs of a visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitRow {
    /// Where it came from, when known.
    pub from: Option<PlaceId>,
    /// Where it went.
    pub to: PlaceId,
    /// The leader's country, when the record gives it.
    pub leader_country: Option<CountryCode>,
    /// When.
    pub days: Days,
    /// Who made it and how sure they were.
    pub trust: Trust,
}

/// What the map needs of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventRow {
    /// Where it happened.
    pub place: PlaceId,
    /// What kind of event it is.
    pub kind: EventKind,
    /// When.
    pub days: Days,
    /// Who made it and how sure they were.
    pub trust: Trust,
}

/// The rows of one dataset, with its distinct places.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordTable {
    /// Every distinct place the records name (without unknown fields).
    pub places: Vec<PlaceRef>,
    /// One row per visit, in dataset order.
    pub visits: Vec<VisitRow>,
    /// One row per event, in dataset order.
    pub events: Vec<EventRow>,
    /// The rows of records deleted since the file was read: kept in
    /// place, so that the rows after them keep their positions, but not
    /// shown.
    pub removed: BTreeSet<Row>,
}

/// A row of a [`RecordTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Row {
    /// Row `i` of `visits`.
    Visit(usize),
    /// Row `i` of `events`.
    Event(usize),
}

impl RecordTable {
    /// The rows of a dataset held in memory.
    pub fn from_dataset(dataset: &Dataset) -> Self {
        let mut places = PlaceInterner::default();
        let visits = dataset
            .visits
            .iter()
            .map(|visit| VisitRow {
                from: visit.from.as_ref().map(|from| places.intern(from)),
                to: places.intern(&visit.to),
                leader_country: visit.leader.as_ref().and_then(|leader| leader.country),
                days: Days::from(&visit.date),
                trust: trust_of(&visit.extra),
            })
            .collect();
        let events = dataset
            .events
            .iter()
            .map(|event| EventRow {
                place: places.intern(&event.place),
                kind: event.kind,
                days: Days::from(&event.date),
                trust: trust_of(&event.extra),
            })
            .collect();
        Self {
            places: places.into_places(),
            visits,
            events,
            removed: BTreeSet::new(),
        }
    }

    /// Whether row `row` is of a deleted record.
    pub fn is_removed(&self, row: Row) -> bool {
        !self.removed.is_empty() && self.removed.contains(&row)
    }

    /// Sets the row of visit `index` to `visit` (a row past the last is
    /// added), or marks it removed (`None`).
    pub fn set_visit(&mut self, index: usize, visit: Option<&Visit>) {
        let Some(visit) = visit else {
            self.removed.insert(Row::Visit(index));
            return;
        };
        let row = VisitRow {
            from: visit.from.as_ref().map(|from| self.place_id(from)),
            to: self.place_id(&visit.to),
            leader_country: visit.leader.as_ref().and_then(|leader| leader.country),
            days: Days::from(&visit.date),
            trust: trust_of(&visit.extra),
        };
        self.removed
            .extend((self.visits.len()..index).map(Row::Visit));
        set_row(&mut self.visits, index, row);
        self.removed.remove(&Row::Visit(index));
    }

    /// Sets the row of event `index` to `event` (a row past the last is
    /// added), or marks it removed (`None`).
    pub fn set_event(&mut self, index: usize, event: Option<&Event>) {
        let Some(event) = event else {
            self.removed.insert(Row::Event(index));
            return;
        };
        let row = EventRow {
            place: self.place_id(&event.place),
            kind: event.kind,
            days: Days::from(&event.date),
            trust: trust_of(&event.extra),
        };
        self.removed
            .extend((self.events.len()..index).map(Row::Event));
        set_row(&mut self.events, index, row);
        self.removed.remove(&Row::Event(index));
    }

    /// The id of `place`, added if the table has no such place yet.
    fn place_id(&mut self, place: &PlaceRef) -> PlaceId {
        let plain = PlaceRef {
            extra: serde_json::Map::new(),
            ..place.clone()
        };
        let same = |known: &PlaceRef| {
            known.country == plain.country
                && known.place == plain.place
                && known.precision == plain.precision
                && known
                    .coordinates()
                    .map(|(lat, lon)| (lat.to_bits(), lon.to_bits()))
                    == plain
                        .coordinates()
                        .map(|(lat, lon)| (lat.to_bits(), lon.to_bits()))
        };
        if let Some(index) = self.places.iter().position(same) {
            return PlaceId(u32::try_from(index).unwrap_or(u32::MAX));
        }
        self.places.push(plain);
        PlaceId(u32::try_from(self.places.len() - 1).unwrap_or(u32::MAX))
    }

    /// The first and last day any shown record covers, if any is.
    pub fn extent(&self) -> Option<(Day, Day)> {
        let visits = self.visits.iter().enumerate().filter_map(|(index, visit)| {
            (!self.is_removed(Row::Visit(index))).then_some(visit.days)
        });
        let events = self.events.iter().enumerate().filter_map(|(index, event)| {
            (!self.is_removed(Row::Event(index))).then_some(event.days)
        });
        visits.chain(events).fold(None, |extent, days| {
            Some(match extent {
                None => (days.first, days.last),
                Some((first, last)) => (days.first.min(first), days.last.max(last)),
            })
        })
    }

    /// The place a row names.
    pub fn place(&self, id: PlaceId) -> &PlaceRef {
        &self.places[id.index()]
    }
}

/// Sets `rows[index]`, growing `rows` by one row if `index` is its end;
/// rows between (never asked for, and marked removed by the caller) are
/// filled with copies.
fn set_row<R: Copy>(rows: &mut Vec<R>, index: usize, row: R) {
    if index < rows.len() {
        rows[index] = row;
    } else {
        rows.resize(index + 1, row);
    }
}

/// What makes two place references the same place: their country, name
/// and coordinates (to the bit).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct PlaceKey<'a> {
    country: Option<CountryCode>,
    name: Option<Cow<'a, str>>,
    lat_lon: Option<(u64, u64)>,
    precision: Option<PlacePrecision>,
}

impl<'a> PlaceKey<'a> {
    pub(super) fn new(
        country: Option<CountryCode>,
        name: Option<Cow<'a, str>>,
        lat_lon: Option<(f64, f64)>,
        precision: Option<PlacePrecision>,
    ) -> Self {
        Self {
            country,
            name,
            lat_lon: lat_lon.map(|(lat, lon)| (lat.to_bits(), lon.to_bits())),
            precision,
        }
    }

    fn to_place(&self) -> PlaceRef {
        let (lat, lon) = match self.lat_lon {
            Some((lat, lon)) => (Some(f64::from_bits(lat)), Some(f64::from_bits(lon))),
            None => (None, None),
        };
        PlaceRef {
            country: self.country,
            place: self.name.as_deref().map(str::to_owned),
            lat,
            lon,
            precision: self.precision,
            extra: serde_json::Map::new(),
        }
    }
}

/// Gives each distinct place one [`PlaceId`]. It keeps its own copies of
/// names, so that what it reads from may go: the fast reader reads a big
/// file through one buffer, again and again.
#[derive(Debug, Default)]
pub(super) struct PlaceInterner {
    // Keyed per process, as the standard hasher is, but several times
    // faster on the short keys of places, which every record has two of.
    ids: HashMap<OwnedPlaceKey, PlaceId, foldhash::fast::RandomState>,
    places: Vec<PlaceRef>,
}

/// A [`PlaceKey`] that owns its name, looked up by a borrowing one.
#[derive(Debug, PartialEq, Eq, Hash)]
struct OwnedPlaceKey(PlaceKey<'static>);

impl<'a> std::borrow::Borrow<PlaceKey<'a>> for OwnedPlaceKey {
    fn borrow(&self) -> &PlaceKey<'a> {
        &self.0
    }
}

impl PlaceInterner {
    /// The id of `key`'s place, new if it was not seen before.
    pub(super) fn intern_key(&mut self, key: PlaceKey<'_>) -> PlaceId {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = PlaceId(u32::try_from(self.places.len()).unwrap_or(u32::MAX));
        self.places.push(key.to_place());
        let key = PlaceKey {
            name: key.name.map(|name| Cow::Owned(name.into_owned())),
            ..key
        };
        self.ids.insert(OwnedPlaceKey(key), id);
        id
    }

    /// The id of `place`, new if it was not seen before.
    pub(super) fn intern(&mut self, place: &PlaceRef) -> PlaceId {
        self.intern_key(PlaceKey::new(
            place.country,
            place.place.as_deref().map(Cow::Borrowed),
            place.coordinates(),
            place.precision,
        ))
    }

    /// The places, by id.
    pub(super) fn into_places(self) -> Vec<PlaceRef> {
        self.places
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;

    #[test]
    fn rows_follow_the_records_and_share_places() {
        let json = br#"{"format": "legation/1",
            "visits": [
                {"id": "a", "leader": {"name": "X", "country": "RU"},
                 "from": {"country": "RU", "place": "Moscow"},
                 "to": {"country": "KP", "place": "Pyongyang"}, "date": "2023-07-25"},
                {"id": "b", "to": {"country": "KP", "place": "Pyongyang"}, "date": "2023-07"}
            ],
            "events": [
                {"id": "e", "kind": "parade", "place": {"country": "KP", "place": "Pyongyang", "note": 1},
                 "date": "2023-07-27/2023-07-28"}
            ]}"#;
        let dataset = parse_dataset(json).unwrap().dataset;
        let table = RecordTable::from_dataset(&dataset);
        assert_eq!(table.places.len(), 2, "Pyongyang is one place: {table:?}");
        assert_eq!(table.visits[0].to, table.visits[1].to);
        assert_eq!(table.events[0].place, table.visits[0].to);
        assert_eq!(
            table.place(table.visits[0].from.unwrap()).place.as_deref(),
            Some("Moscow")
        );
        assert_eq!(table.visits[0].leader_country, CountryCode::parse("RU"));
        assert!(table.visits[0].days.exact);
        assert!(!table.visits[1].days.exact, "a month is not a known day");
        assert!(!table.events[0].days.exact, "an interval is not one day");
        assert_eq!(
            table.events[0].days.last.0 - table.events[0].days.first.0,
            1
        );
    }
}
