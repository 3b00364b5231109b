//! Writing what a query and a time window select, for other tools: GeoJSON
//! for a GIS, CSV for a spreadsheet, KML for Google Earth's time slider,
//! and `legation/1` subsets for a colleague's Legation. `legation export`
//! and `legation query` use it; the picture formats (PNG, GIF) are drawn by
//! the app's own painter and live with it.
//!
//! Records are read and written one at a time, so that a million of them
//! stream to a file without being held (except for `legation/1`, which
//! is one JSON document).

mod chunked;
mod csv;
mod geojson;
mod kml;

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;

use crate::edit::Record;
use crate::gazetteer::Gazetteer;
use crate::model::{Days, PlaceRef, Source, SourceRef, Trust};
use crate::query::{BitSet, Compiled, Matches};
use crate::scene::{GeoPoint, TimeWindow};
use crate::workspace::{OpenFile, Workspace};
use chunked::{Rows, SkipFirstByte};

/// A format records can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GeoJSON: visits as great-circle lines, events as points.
    GeoJson,
    /// CSV: one row per record.
    Csv,
    /// KML with a time span per placemark.
    Kml,
    /// A `legation/1` dataset of the records and the sources they cite.
    Legation,
}

impl Format {
    /// Every format, with the name `--format` takes and the file
    /// extensions that imply it.
    pub const ALL: &'static [(Self, &'static str, &'static [&'static str])] = &[
        (Self::GeoJson, "geojson", &["geojson"]),
        (Self::Csv, "csv", &["csv"]),
        (Self::Kml, "kml", &["kml"]),
        (Self::Legation, "legation", &["json", "legation"]),
    ];

    /// The format named `name` (`geojson`, `csv`, `kml`, `legation`).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, known, _)| known.eq_ignore_ascii_case(name))
            .map(|(format, _, _)| *format)
    }

    /// The format a file's extension implies.
    pub fn of_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?;
        Self::ALL
            .iter()
            .find(|(_, _, extensions)| {
                extensions
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(extension))
            })
            .map(|(format, _, _)| *format)
    }
}

/// What a query and window select of the open files.
#[derive(Debug)]
pub struct Selection<'a> {
    workspace: &'a Workspace,
    /// Per file, the rows the query matches within the window.
    matches: Vec<Matches>,
    /// Per file, where each of its distinct places is (placed once, not
    /// once per record).
    placed: Vec<Vec<Option<GeoPoint>>>,
}

/// One selected record, with where it is on the globe.
#[derive(Debug)]
pub struct Item<'a> {
    /// Its file.
    pub file: &'a OpenFile,
    /// The record, as edited.
    pub record: Record,
    /// A visit's origin, when known and placed.
    pub from: Option<GeoPoint>,
    /// A visit's destination or an event's place, when placed.
    pub at: Option<GeoPoint>,
    /// Who made it and how sure they were.
    pub trust: Trust,
}

impl Item<'_> {
    /// The record's citation, if it cites a source.
    pub fn citation(&self) -> Option<&SourceRef> {
        match &self.record {
            Record::Visit(visit) => visit.source.as_ref(),
            Record::Event(event) => event.source.as_ref(),
        }
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        match &self.record {
            Record::Visit(visit) => &visit.id,
            Record::Event(event) => &event.id,
        }
    }
}

impl<'a> Selection<'a> {
    /// The records of `workspace` that `query` (none: every record)
    /// matches, within `window` (none: at any time).
    pub fn new(
        workspace: &'a Workspace,
        query: Option<&Compiled>,
        window: Option<TimeWindow>,
    ) -> Self {
        let everything = Compiled::default();
        let query = query.unwrap_or(&everything);
        let matches = workspace
            .files
            .iter()
            .map(|file| {
                let mut matches = file.matches(query);
                // The window as one more test: rows outside it are cleared.
                if let Some(window) = window {
                    let table = &file.table;
                    keep_within(&mut matches.visits, window, |row| table.visits[row].days);
                    keep_within(&mut matches.events, window, |row| table.events[row].days);
                }
                matches
            })
            .collect();
        let gazetteer = Gazetteer::bundled();
        let placed = workspace
            .files
            .iter()
            .map(|file| {
                let places = file.table.places.iter();
                places
                    .map(|place| {
                        let position = gazetteer.resolve(place).position?;
                        Some(GeoPoint::new(position.lat, position.lon))
                    })
                    .collect()
            })
            .collect();
        Self {
            workspace,
            matches,
            placed,
        }
    }

    /// How many visits and events it holds.
    pub fn counts(&self) -> (usize, usize) {
        self.matches
            .iter()
            .fold((0, 0), |(visits, events), matches| {
                (
                    visits + matches.visits.count(),
                    events + matches.events.count(),
                )
            })
    }

    /// Calls `write` with each record, file by file, visits first.
    ///
    /// # Errors
    /// The first error `write` returns.
    pub fn for_each(&self, mut write: impl FnMut(&Item<'_>) -> io::Result<()>) -> io::Result<()> {
        for chunk in self.chunks(Rows::All, usize::MAX) {
            self.for_each_in(&chunk, &mut write)?;
        }
        Ok(())
    }
}

/// Clears the rows of `rows` whose days (`days_of`) fall outside `window`.
fn keep_within(rows: &mut BitSet, window: TimeWindow, days_of: impl Fn(usize) -> Days) {
    for row in 0..rows.len() {
        let days = days_of(row);
        if rows.contains(row) && !window.overlaps(days.first, days.last) {
            rows.set(row, false);
        }
    }
}

/// The source a record cites, read once while records citing it follow
/// one another (as they do in a file): a million sources are never held.
#[derive(Default)]
struct Cited {
    last: Option<(String, Option<Source>)>,
}

impl Cited {
    /// The source `item` cites, and the passage it points at.
    fn of(&mut self, item: &Item<'_>) -> (Option<&Source>, Option<&str>) {
        let Some(citation) = item.citation() else {
            return (None, None);
        };
        let stale = !matches!(&self.last, Some((id, _)) if *id == citation.id);
        if stale {
            let source = item.file.records.source(&citation.id).map(Cow::into_owned);
            self.last = Some((citation.id.clone(), source));
        }
        let source = self.last.as_ref().and_then(|(_, source)| source.as_ref());
        let passage = source
            .zip(citation.span)
            .and_then(|(source, span)| span.slice(&source.text));
        (source, passage)
    }
}

/// Writes `selection` to `out` as `format`.
///
/// # Errors
/// A write that failed.
pub fn write(format: Format, selection: &Selection<'_>, out: impl Write) -> io::Result<()> {
    match format {
        Format::GeoJson => geojson::write(selection, out),
        Format::Csv => csv::write(selection, out),
        Format::Kml => kml::write(selection, out),
        Format::Legation => write_dataset(selection, out),
    }
}

/// A `legation/1` dataset of the records and the sources they cite, one
/// record to a line: the records stream through (encoded on every core),
/// so the sources come last, once it is known which are cited.
fn write_dataset(selection: &Selection<'_>, mut out: impl Write) -> io::Result<()> {
    let cited = Mutex::new(BTreeSet::new());
    let files = &selection.workspace.files;
    write!(out, "{{\"format\": \"{}\"", crate::model::FORMAT)?;
    for (name, rows) in [("visits", Rows::Visits), ("events", Rows::Events)] {
        write!(out, ",\n\"{name}\": [")?;
        let mut records = SkipFirstByte::new(&mut out);
        selection.write_encoded(rows, &mut records, &|item, _, bytes| {
            if let Some(citation) = item.citation() {
                let file = files
                    .iter()
                    .position(|file| std::ptr::eq(file, item.file))
                    .unwrap_or_default();
                cited
                    .lock()
                    .map_err(|_| io::Error::other("an export worker failed"))?
                    .insert((file, citation.id.clone()));
            }
            bytes.extend_from_slice(b",\n");
            match &item.record {
                Record::Visit(visit) => serde_json::to_writer(&mut *bytes, visit),
                Record::Event(event) => serde_json::to_writer(&mut *bytes, event),
            }
            .map_err(io::Error::other)
        })?;
        out.write_all(b"\n]")?;
    }
    out.write_all(b",\n\"sources\": [")?;
    let cited = cited.into_inner().unwrap_or_default();
    let sources = cited
        .iter()
        .filter_map(|(file, id)| files[*file].records.source(id));
    for (index, source) in sources.enumerate() {
        out.write_all(if index == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &*source)?;
    }
    out.write_all(b"\n]}\n")?;
    out.flush()
}

/// A place's name, or its country's code when it has none.
fn place_name(place: &PlaceRef) -> Cow<'_, str> {
    match (&place.place, place.country) {
        (Some(name), _) => Cow::Borrowed(name),
        (None, Some(code)) => Cow::Owned(code.to_string()),
        (None, None) => Cow::Borrowed(""),
    }
}

/// One value of a record's flat description, borrowed from the record
/// where it can be (a million rows are written without copying each cell).
#[derive(Clone, Debug, PartialEq)]
enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Flag(bool),
    Empty,
}

impl<'a> Cell<'a> {
    fn text(value: Option<impl Into<Cow<'a, str>>>) -> Self {
        value.map_or(Self::Empty, |value| Self::Text(value.into()))
    }

    fn number(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Number)
    }

    /// As a spreadsheet cell or a KML value: empty when there is none.
    fn to_text(&self) -> Cow<'_, str> {
        match self {
            Self::Text(text) => Cow::Borrowed(text),
            Self::Number(number) => Cow::Owned(number.to_string()),
            Self::Flag(flag) => Cow::Borrowed(if *flag { "true" } else { "false" }),
            Self::Empty => Cow::Borrowed(""),
        }
    }
}

/// The names of [`columns`], in order: CSV's header, GeoJSON's and KML's
/// property names.
const COLUMNS: &[&str] = &[
    "id",
    "type",
    "date",
    "start",
    "end",
    "precision",
    "leader",
    "leader_title",
    "leader_country",
    "delegation",
    "from_country",
    "from_place",
    "from_lat",
    "from_lon",
    "to_country",
    "to_place",
    "to_lat",
    "to_lon",
    "kind",
    "title",
    "purpose",
    "by",
    "confidence",
    "reviewed",
    "source_id",
    "source_title",
    "source_url",
    "passage",
];

/// A record as one flat row of [`COLUMNS`] (an event's place is its
/// `to_`), with where its places are and the passage it cites.
fn columns<'a>(item: &'a Item<'_>, cited: &'a mut Cited) -> Vec<Cell<'a>> {
    let (date, kind) = match &item.record {
        Record::Visit(visit) => (&visit.date, "visit"),
        Record::Event(event) => (&event.date, event.kind.as_str()),
    };
    let precision = if date.is_interval() {
        "interval"
    } else {
        match date.precision() {
            crate::model::Precision::Year => "year",
            crate::model::Precision::Month => "month",
            crate::model::Precision::Day => "day",
        }
    };
    let code =
        |code: Option<crate::model::CountryCode>| Cell::text(code.map(|code| code.to_string()));
    let place = |place: Option<&'a PlaceRef>, point: Option<GeoPoint>| {
        [
            code(place.and_then(|place| place.country)),
            Cell::text(place.map(place_name)),
            Cell::number(point.map(|point| point.lat)),
            Cell::number(point.map(|point| point.lon)),
        ]
    };
    let (source, passage) = cited.of(item);
    let mut cells = Vec::with_capacity(COLUMNS.len());
    cells.extend([
        Cell::text(Some(item.id())),
        Cell::text(Some(if kind == "visit" { "visit" } else { "event" })),
        Cell::text(Some(date.to_string())),
        Cell::text(Some(date.first_day().to_string())),
        Cell::text(Some(date.last_day().to_string())),
        Cell::text(Some(precision)),
    ]);
    match &item.record {
        Record::Visit(visit) => {
            let leader = visit.leader.as_ref();
            cells.extend([
                Cell::text(leader.map(|leader| leader.name.as_str())),
                Cell::text(leader.and_then(|leader| leader.title.as_deref())),
                code(leader.and_then(|leader| leader.country)),
                Cell::text(visit.delegation.as_deref()),
            ]);
            cells.extend(place(visit.from.as_ref(), item.from));
            cells.extend(place(Some(&visit.to), item.at));
            cells.extend([
                Cell::text(Some(kind)),
                Cell::Empty,
                Cell::text(visit.purpose.as_deref()),
            ]);
        }
        Record::Event(event) => {
            cells.extend([Cell::Empty, Cell::Empty, Cell::Empty, Cell::Empty]);
            cells.extend(place(None, None));
            cells.extend(place(Some(&event.place), item.at));
            cells.extend([
                Cell::text(Some(kind)),
                Cell::text(event.title.as_deref()),
                Cell::Empty,
            ]);
        }
    }
    cells.extend([
        Cell::text(item.trust.by.map(crate::model::By::as_str)),
        Cell::text(item.trust.confidence.map(crate::model::Confidence::as_str)),
        Cell::Flag(item.trust.reviewed),
        Cell::text(item.citation().map(|citation| citation.id.as_str())),
        Cell::text(source.and_then(|source| source.title.as_deref())),
        Cell::text(source.and_then(|source| source.url.as_deref())),
        Cell::text(passage),
    ]);
    debug_assert_eq!(cells.len(), COLUMNS.len());
    cells
}
