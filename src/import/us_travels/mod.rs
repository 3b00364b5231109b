//! The foreign travels of US presidents and secretaries of state, from the
//! Office of the Historian (`HistoryAtState/travels`), as visits.
//!
//! Each trip is a visit from Washington to its locale, or an itinerary of
//! visits when the locale names several places, citing the trip's remarks
//! as its source. Trips recorded twice are merged; every trip left out is
//! counted in the [`Report`] with its file and line.

mod locale;
pub mod xml;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use self::locale::{Geocoder, Item, Stop, split_locale};
use self::xml::TripRecord;
use super::codes::{TravelCountry, travel_country};
use super::{ImportError, Imported, Report};
use crate::gazetteer::{Gazetteer, Precision};
use crate::model::{
    CountryCode, Dataset, DatePoint, Day, ExtraFields, FuzzyDate, Person, PlaceRef, Source,
    SourceRef, Span, Visit,
};

/// Who publishes the records.
pub const PUBLISHER: &str = "Office of the Historian, U.S. Department of State";

/// The Office of the Historian's page of a traveller's trips, by role and id.
const TRAVELLER_URL: &str = "https://history.state.gov/departmenthistory/travels";

/// Why trips were left out or merged: the keys of [`Report::skipped`] and
/// [`Report::rejected`].
pub mod reasons {
    /// Skipped: the same trip under another id, merged into it.
    pub const DUPLICATE: &str = "the same trip as another record (merged into it)";
    /// Rejected: no `<id>`.
    pub const NO_ID: &str = "no <id>";
    /// Rejected: a date that is not `YYYY-MM-DD`, or an end before the start.
    pub const DATE: &str = "<start-date> or <end-date> is not a date, or ends before it starts";
    /// Rejected: a country id in no table and a country name the gazetteer
    /// does not know.
    pub const COUNTRY: &str = "unknown <country>";
}

/// Imports the trips of a `HistoryAtState/travels` checkout (its
/// `president-travels/` and `secretary-travels/` directories), or of a
/// directory of trips files.
///
/// # Errors
/// When `dir` cannot be read or holds no `.xml` files; problems in the
/// files come back in [`Report::problems`].
pub fn import_dir(dir: &Path, gazetteer: &Gazetteer) -> Result<Imported, ImportError> {
    let files = trip_files(dir)?;
    import_files(&files, gazetteer)
}

/// Imports directories (as [`import_dir`]) and trips files together.
///
/// # Errors
/// When no path holds a readable trips file; the problems of the others
/// come back in [`Report::problems`].
pub fn import_paths<P: AsRef<Path>>(
    paths: &[P],
    gazetteer: &Gazetteer,
) -> Result<Imported, ImportError> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.is_dir() {
            match trip_files(path) {
                Ok(found) => files.extend(found),
                Err(error) => errors.push(error),
            }
        } else {
            files.push(path.to_owned());
        }
    }
    if files.is_empty() && !errors.is_empty() {
        return Err(errors.swap_remove(0));
    }
    let mut imported = import_files(&files, gazetteer)?;
    imported.report.problems.extend(errors);
    Ok(imported)
}

/// Imports trips files (`<trips>` XML), in order, into one dataset.
///
/// # Errors
/// Only when no file could be read at all; a file that cannot be read among
/// others is reported in [`Report::problems`].
pub fn import_files<P: AsRef<Path>>(
    paths: &[P],
    gazetteer: &Gazetteer,
) -> Result<Imported, ImportError> {
    let mut collected = Collected::default();
    let mut unreadable = Vec::new();
    for path in paths {
        let path = path.as_ref();
        match xml::parse(path) {
            Ok(parsed) => collected.add(path, parsed),
            Err(error) => unreadable.push(error),
        }
    }
    if collected.report.files == 0 && !unreadable.is_empty() {
        return Err(unreadable.swap_remove(0));
    }
    collected.report.problems.extend(unreadable);
    collected.finish(gazetteer)
}

/// Imports one trips file read from `reader`; `path` names it in problems.
///
/// # Errors
/// When `reader` fails, or the XML is of another kind than `<trips>`;
/// problems in the trips come back in [`Report::problems`].
pub fn import_reader(
    reader: impl std::io::Read,
    path: &Path,
    gazetteer: &Gazetteer,
) -> Result<Imported, ImportError> {
    let mut collected = Collected::default();
    collected.add(path, xml::parse_reader(reader, path)?);
    collected.finish(gazetteer)
}

/// The trips of the files read so far, before they become visits.
#[derive(Default)]
struct Collected {
    report: Report,
    records: Vec<(PathBuf, TripRecord)>,
    /// The files of another kind of XML, with their root elements.
    other_kinds: Vec<(PathBuf, String)>,
}

impl Collected {
    fn add(&mut self, path: &Path, parsed: xml::ParsedFile) {
        self.report.files += 1;
        self.report.problems.extend(parsed.problems);
        if let Some(root) = parsed.other_root {
            self.report.notes.push(format!(
                "{}: not a trips file (its root element is <{root}>, not <trips>); left out",
                path.display()
            ));
            self.other_kinds.push((path.to_owned(), root));
        }
        let trips = parsed.trips.into_iter();
        self.records
            .extend(trips.map(|trip| (path.to_owned(), trip)));
    }

    fn finish(mut self, gazetteer: &Gazetteer) -> Result<Imported, ImportError> {
        // Other XML beside trips files (a checkout's code tables) is fine;
        // nothing but other XML is the wrong input.
        if self.report.files == self.other_kinds.len()
            && self.report.problems.is_empty()
            && let Some((path, root)) = self.other_kinds.pop()
        {
            return Err(ImportError::NotThisFormat {
                path,
                message: format!(
                    "not a trips file (its root element is <{root}>, not <trips>); give a HistoryAtState/travels checkout or its president-travels/secretary-travels XML"
                ),
            });
        }
        Ok(import_records(self.records, gazetteer, self.report))
    }
}

/// Builds the dataset from trip records (each with the file it came from),
/// adding to `report`.
pub fn import_records(
    records: Vec<(PathBuf, TripRecord)>,
    gazetteer: &Gazetteer,
    mut report: Report,
) -> Imported {
    report.records += records.len();
    let mut trips = Vec::with_capacity(records.len());
    for (path, record) in records {
        match Trip::new(record, &path, gazetteer) {
            Ok(trip) => trips.push(trip),
            Err((reason, problem)) => report.reject(reason, || problem),
        }
    }
    let trips = merge_duplicates(trips, &mut report);
    let mut builder = Builder::new(gazetteer);
    for trip in &trips {
        builder.add(trip);
    }
    builder.finish(report)
}

/// Whether `dir` looks like the travels repository or a directory of trips.
pub fn is_travels_dir(dir: &Path) -> bool {
    trip_files(dir).is_ok_and(|files| {
        files.iter().any(|file| {
            fs::read(file).is_ok_and(|bytes| looks_like_trips(&bytes[..bytes.len().min(16 * 1024)]))
        })
    })
}

/// Whether `head`, the start of a file, is XML whose root element is
/// `<trips>`.
pub fn looks_like_trips(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Skip the declaration, comments and processing instructions.
    while let Some(after) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!")) {
        let Some(end) = after.find('>') else {
            return false;
        };
        rest = after[end + 1..].trim_start();
    }
    rest.strip_prefix("<trips")
        .is_some_and(|after| after.starts_with(['>', ' ', '/', '\n', '\r', '\t']))
}

/// The trips files of `dir`: those in `president-travels/` and
/// `secretary-travels/` when it has them, else its own `.xml` files.
fn trip_files(dir: &Path) -> Result<Vec<PathBuf>, ImportError> {
    let read_error = |source| ImportError::Read {
        path: dir.to_owned(),
        source,
    };
    let subdirs: Vec<PathBuf> = ["president-travels", "secretary-travels"]
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| path.is_dir())
        .collect();
    let dirs = if subdirs.is_empty() {
        vec![dir.to_owned()]
    } else {
        subdirs
    };
    let mut files = Vec::new();
    for dir in &dirs {
        for entry in fs::read_dir(dir).map_err(read_error)? {
            let path = entry.map_err(read_error)?.path();
            let is_xml = path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("xml"));
            if is_xml && path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(ImportError::NotThisFormat {
            path: dir.to_owned(),
            message: "no trips files here: expected president-travels/ and secretary-travels/ \
                      holding .xml files of <trips>; point at a checkout of HistoryAtState/travels"
                .to_owned(),
        });
    }
    Ok(files)
}

/// A trip record, checked: dates parsed, country known.
#[derive(Debug)]
struct Trip {
    record: TripRecord,
    start: Day,
    end: Day,
    country: TravelCountry,
    /// The ids of records merged into this one.
    merged: Vec<String>,
    /// Remarks of merged records that say something this one's do not.
    more_remarks: Vec<String>,
}

impl Trip {
    fn new(
        record: TripRecord,
        path: &Path,
        gazetteer: &Gazetteer,
    ) -> Result<Self, (&'static str, ImportError)> {
        let line = record.line;
        let fail = |reason, message: String| {
            Err((
                reason,
                ImportError::at(path, line, format!("{message}; this trip was left out")),
            ))
        };
        if record.id.is_empty() {
            return fail(reasons::NO_ID, "<trip> has no <id>".to_owned());
        }
        let id = &record.id;
        let Some(start) = parse_date(&record.start_date) else {
            return fail(
                reasons::DATE,
                format!(
                    "trip {id}: <start-date> `{}` is not a YYYY-MM-DD date",
                    record.start_date
                ),
            );
        };
        let end = if record.end_date.is_empty() {
            start
        } else {
            match parse_date(&record.end_date) {
                Some(end) if end >= start => end,
                Some(_) => {
                    return fail(
                        reasons::DATE,
                        format!(
                            "trip {id}: <end-date> {} comes before <start-date> {}",
                            record.end_date, record.start_date
                        ),
                    );
                }
                None => {
                    return fail(
                        reasons::DATE,
                        format!(
                            "trip {id}: <end-date> `{}` is not a YYYY-MM-DD date",
                            record.end_date
                        ),
                    );
                }
            }
        };
        let country = travel_country(&record.country_id).or_else(|| {
            let found = gazetteer.country_by_name(&record.country)?;
            Some(TravelCountry {
                code: found.code,
                also: Vec::new(),
            })
        });
        let Some(mut country) = country else {
            return fail(
                reasons::COUNTRY,
                format!(
                    "trip {id}: <country id=\"{}\">{}</country> is neither in the table of country ids (src/import/codes.rs) nor a country name the gazetteer knows",
                    record.country_id, record.country
                ),
            );
        };
        // "Denmark (Greenland)": the places are in the territory named.
        let territory = record
            .country
            .split_once('(')
            .and_then(|(_, inside)| gazetteer.country_by_name(inside.trim_end_matches(')')))
            .map(|found| found.code)
            .filter(|&code| code != country.code && gazetteer.is_within(code, country.code));
        if let Some(territory) = territory {
            country.also.insert(0, country.code);
            country.code = territory;
        }
        Ok(Self {
            record,
            start,
            end,
            country,
            merged: Vec::new(),
            more_remarks: Vec::new(),
        })
    }

    /// The date: one day, or the interval of the trip.
    fn date(&self) -> FuzzyDate {
        if self.start == self.end {
            FuzzyDate::day(self.start)
        } else {
            FuzzyDate::interval(DatePoint::day(self.start), DatePoint::day(self.end))
                .unwrap_or_else(|| FuzzyDate::day(self.start))
        }
    }

    /// What makes two records the same trip: traveller, country, locale and
    /// first day (the end may have been corrected in one of them).
    fn key(&self) -> (String, String, String, Day) {
        let who = if self.record.who.is_empty() {
            &self.record.name
        } else {
            &self.record.who
        };
        (
            who.to_lowercase(),
            self.record.country_id.to_lowercase(),
            self.record.locale.to_lowercase(),
            self.start,
        )
    }

    /// The record number, for ordering: numerically when it is a number.
    fn number(&self) -> Option<u64> {
        self.record.id.parse().ok()
    }
}

/// `YYYY-MM-DD` as a day.
fn parse_date(text: &str) -> Option<Day> {
    let date: FuzzyDate = text.parse().ok()?;
    date.is_exact_day().then(|| date.first_day())
}

/// Merges records of the same trip under different ids into the one with
/// the lowest id, and sorts the trips by date.
fn merge_duplicates(trips: Vec<Trip>, report: &mut Report) -> Vec<Trip> {
    let mut sorted = trips;
    sorted.sort_by(compare_trips);
    let mut kept: Vec<Trip> = Vec::with_capacity(sorted.len());
    let mut by_key: HashMap<(String, String, String, Day), usize> = HashMap::new();
    let mut merges = Vec::new();
    for trip in sorted {
        let key = trip.key();
        if let Some(&index) = by_key.get(&key) {
            let into = &mut kept[index];
            merges.push(format!("{} into {}", trip.record.id, into.record.id));
            into.end = into.end.max(trip.end);
            let remarks = trip.record.remarks;
            let known = std::iter::once(&into.record.remarks).chain(&into.more_remarks);
            if !remarks.is_empty() && !known.clone().any(|text| says_as_much(text, &remarks)) {
                // A longer, corrected text replaces one it contains.
                if says_as_much(&remarks, &into.record.remarks) {
                    into.record.remarks = remarks;
                } else {
                    into.more_remarks.push(remarks);
                }
            }
            into.merged.push(trip.record.id);
            report.skip(reasons::DUPLICATE);
        } else {
            by_key.insert(key, kept.len());
            kept.push(trip);
        }
    }
    if !merges.is_empty() {
        report.notes.push(format!(
            "merged {} records of trips recorded twice: {}",
            merges.len(),
            merges.join(", ")
        ));
    }
    kept
}

/// Whether `text` says all that `other` does: equal, or `other` (less its
/// final stop) begins it.
fn says_as_much(text: &str, other: &str) -> bool {
    let other = other.trim_end_matches(['.', ';', ' ']);
    text.starts_with(other)
}

/// Trips by first day, last day, then record number.
fn compare_trips(a: &Trip, b: &Trip) -> Ordering {
    (a.start, a.end)
        .cmp(&(b.start, b.end))
        .then_with(|| match (a.number(), b.number()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => a.record.id.cmp(&b.record.id),
        })
}

/// The dataset under construction.
struct Builder<'g> {
    geocoder: Geocoder<'g>,
    gazetteer: &'g Gazetteer,
    home: PlaceRef,
    dataset: Dataset,
    /// Stops the gazetteer does not know, as written, with their country.
    not_found: HashMap<(String, CountryCode), usize>,
}

impl<'g> Builder<'g> {
    fn new(gazetteer: &'g Gazetteer) -> Self {
        let us = CountryCode::parse("US");
        let home = us.and_then(|us| gazetteer.capital(us)).map_or_else(
            || PlaceRef::named(us, "Washington"),
            |capital| PlaceRef::named(Some(capital.country), capital.name),
        );
        Self {
            geocoder: Geocoder::new(gazetteer),
            gazetteer,
            home,
            dataset: Dataset::default(),
            not_found: HashMap::new(),
        }
    }

    /// Adds a trip: its source and its visit, or the visits of its legs.
    fn add(&mut self, trip: &Trip) {
        let record = &trip.record;
        let source_id = format!("us-trip-{}", record.id);
        let text = std::iter::once(record.remarks.as_str())
            .chain(trip.more_remarks.iter().map(String::as_str))
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        let date = trip.date();
        let citation = SourceRef {
            id: source_id.clone(),
            span: (!text.is_empty()).then_some(Span {
                start: 0,
                end: text.len(),
            }),
            extra: ExtraFields::new(),
        };
        let mut source_extra = ExtraFields::new();
        source_extra.insert("record".to_owned(), Value::from(record.id.as_str()));
        if !trip.merged.is_empty() {
            source_extra.insert("merged".to_owned(), Value::from(trip.merged.clone()));
        }
        self.dataset.sources.push(Source {
            id: source_id.clone(),
            title: Some(format!(
                "Trip of {} to {}, {date}",
                traveller(record),
                self.country_name(record, trip.country.code)
            )),
            publisher: Some(PUBLISHER.to_owned()),
            url: traveller_url(record),
            published: None,
            text,
            extra: source_extra,
        });

        let stops = self.geocoder.itinerary(&record.locale, &trip.country);
        for stop in &stops {
            if stop.precision != Precision::City && !stop.written.is_empty() {
                let country = stop.place.country.unwrap_or(trip.country.code);
                *self
                    .not_found
                    .entry((stop.written.clone(), country))
                    .or_default() += 1;
            }
        }
        let leader = Person {
            name: if record.name.is_empty() {
                record.who.clone()
            } else {
                record.name.clone()
            },
            title: office(&record.role).map(str::to_owned),
            country: self.home.country,
            extra: ExtraFields::new(),
        };
        let legs = stops.len();
        let mut from = self.home.clone();
        for (index, stop) in stops.into_iter().enumerate() {
            let mut extra = ExtraFields::new();
            crate::import::imported(
                &mut extra,
                format!("Office of the Historian travels record {}", record.id),
            );
            // The locale as written, where the place does not say it already.
            let said = legs == 1 && stop.place.place.as_deref() == Some(record.locale.as_str());
            if !record.locale.is_empty() && !said {
                extra.insert("locale".to_owned(), Value::from(record.locale.as_str()));
            }
            let id = if legs > 1 {
                extra.insert("trip".to_owned(), Value::from(source_id.as_str()));
                extra.insert("leg".to_owned(), Value::from(index + 1));
                format!("{source_id}-{}", index + 1)
            } else {
                source_id.clone()
            };
            let to = stop.place;
            self.dataset.visits.push(Visit {
                id,
                leader: Some(leader.clone()),
                delegation: None,
                from: Some(std::mem::replace(&mut from, to.clone())),
                to,
                date,
                purpose: None,
                source: Some(citation.clone()),
                extra,
            });
        }
    }

    /// The country as the record names it, in reading order ("Korea,
    /// South" as "South Korea"), or the gazetteer's name for its code.
    fn country_name(&self, record: &TripRecord, code: CountryCode) -> String {
        let name = record.country.trim();
        if name.is_empty() {
            return self
                .gazetteer
                .country(code)
                .map_or_else(|| code.to_string(), |country| country.name.to_owned());
        }
        match name.split_once(", ") {
            Some((head, tail)) if !tail.contains(',') => format!("{tail} {head}"),
            _ => name.to_owned(),
        }
    }

    fn finish(self, mut report: Report) -> Imported {
        let legs = self
            .dataset
            .visits
            .iter()
            .filter(|visit| visit.extra.contains_key("trip"))
            .count();
        report.notes.push(format!(
            "{} trips, {} visits ({legs} of them legs of multi-place itineraries)",
            self.dataset.sources.len(),
            self.dataset.visits.len()
        ));
        if !self.not_found.is_empty() {
            let mut not_found: Vec<_> = self.not_found.into_iter().collect();
            not_found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let total: usize = not_found.iter().map(|(_, count)| count).sum();
            let listed: Vec<String> = not_found
                .iter()
                .map(|((written, country), count)| {
                    if *count > 1 {
                        format!("{written} ({country}) x{count}")
                    } else {
                        format!("{written} ({country})")
                    }
                })
                .collect();
            report.notes.push(format!(
                "{total} stops the gazetteer does not know as cities, kept by name at country level: {}",
                listed.join("; ")
            ));
        }
        Imported {
            dataset: self.dataset,
            report,
        }
    }
}

/// The office of a role: `President`, `Secretary of State`.
fn office(role: &str) -> Option<&'static str> {
    match role {
        "president" => Some("President"),
        "secretary" => Some("Secretary of State"),
        _ => None,
    }
}

/// How a title names the traveller: `Secretary Blinken`, `President Biden`.
fn traveller(record: &TripRecord) -> String {
    let surname = record
        .name
        .split_whitespace()
        .rev()
        .find(|word| !matches!(*word, "Jr." | "Jr" | "Sr." | "II" | "III"))
        .unwrap_or(&record.who);
    match record.role.as_str() {
        "president" => format!("President {surname}"),
        "secretary" => format!("Secretary {surname}"),
        _ => surname.to_owned(),
    }
}

/// The Office of the Historian's page of the traveller's trips.
fn traveller_url(record: &TripRecord) -> Option<String> {
    let who = &record.who;
    let well_formed = !who.is_empty()
        && who
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    (well_formed && office(&record.role).is_some())
        .then(|| format!("{TRAVELLER_URL}/{}/{who}", record.role))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, role: &str, name: &str) -> TripRecord {
        TripRecord {
            id: id.to_owned(),
            role: role.to_owned(),
            name: name.to_owned(),
            who: "blinken-antony-j".to_owned(),
            ..TripRecord::default()
        }
    }

    #[test]
    fn titles_name_the_traveller_by_office_and_surname() {
        assert_eq!(
            traveller(&record("1", "secretary", "Antony John Blinken")),
            "Secretary Blinken"
        );
        assert_eq!(
            traveller(&record(
                "1",
                "president",
                "Henry A. (Heinz Alfred) Kissinger"
            )),
            "President Kissinger"
        );
        assert_eq!(
            traveller_url(&record("1", "secretary", "x")).as_deref(),
            Some("https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j")
        );
        assert_eq!(traveller_url(&record("1", "envoy", "x")), None);
    }

    #[test]
    fn remarks_that_say_as_much_are_not_repeated() {
        assert!(says_as_much(
            "Attended the NATO Foreign Ministerial, met with Ursula von der Leyen.",
            "Attended the NATO Foreign Ministerial."
        ));
        assert!(says_as_much("Talks.", "Talks."));
        assert!(!says_as_much("Talks.", "Discussed a peace initiative."));
    }

    #[test]
    fn trips_files_are_recognised_by_their_root() {
        assert!(looks_like_trips(
            b"<?xml version=\"1.0\"?>\n<!-- x -->\n<trips>\n<trip>"
        ));
        assert!(looks_like_trips(b"<trips/>"));
        assert!(!looks_like_trips(b"<?xml version=\"1.0\"?><presidents>"));
        assert!(!looks_like_trips(b"<tripsheet>"));
        assert!(!looks_like_trips(b"1\t2\t3"));
    }

    #[test]
    fn dates_are_days() {
        assert_eq!(parse_date("2021-03-15"), Day::from_ymd(2021, 3, 15));
        assert_eq!(parse_date("2021-03"), None);
        assert_eq!(parse_date("2021-02-30"), None);
        assert_eq!(parse_date(""), None);
    }
}
