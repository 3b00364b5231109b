//! GDELT event exports into visits and events: CAMEO `042` (make a visit)
//! and `043` (host a visit) become visits, `044` (meet at a third location)
//! meetings, and with [`Options::events`] every other code an event.
//!
//! Reads GDELT 1.0 daily files (58 columns) and backfiles (57), and 2.0
//! 15-minute files (61), plain or zipped (`.CSV.zip`), a line at a time;
//! every row left out is counted by reason in the [`Report`](super::Report).

pub mod cameo;
pub mod columns;

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Number, Value};

use self::cameo::Coded;
use self::columns::{Actor, Columns};
use super::codes::{cameo_country, fips_country};
use super::{ImportError, Imported};
use crate::gazetteer::Gazetteer;
use crate::model::{
    CountryCode, Day, Event, EventKind, ExtraFields, FuzzyDate, PlacePrecision, PlaceRef, Source,
    SourceRef, Span, Visit,
};

/// What to keep besides visits and meetings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Keep every other CAMEO code as an event too (statements, force
    /// posture, sanctions...), not only `042`-`044`.
    pub events: bool,
}

/// Why rows were left out: the keys of [`Report::skipped`](super::Report::skipped) and
/// [`Report::rejected`](super::Report::rejected).
pub mod reasons {
    /// Skipped: a code other than `042`-`044`, without [`super::Options::events`].
    pub const NOT_A_VISIT: &str = "not a visit or meeting (CAMEO 042-044; --events keeps it)";
    /// Skipped: no `ActionGeo` at all, so nowhere to draw it.
    pub const NO_LOCATION: &str = "no action location (ActionGeo is empty)";
    /// Skipped: a `GLOBALEVENTID` already imported.
    pub const DUPLICATE: &str = "GLOBALEVENTID already imported";
    /// Skipped: a header line.
    pub const HEADER: &str = "header line";
    /// Rejected: neither 57, 58 nor 61 columns.
    pub const WIDTH: &str = "not 57, 58 or 61 tab-separated columns";
    /// Rejected: a row longer than [`super::MAX_ROW_BYTES`].
    pub const TOO_LONG: &str = "longer than any GDELT row (64 KiB)";
    /// Rejected: bytes that are not UTF-8.
    pub const UTF8: &str = "not UTF-8";
    /// Rejected: no `GLOBALEVENTID`.
    pub const NO_ID: &str = "no GLOBALEVENTID";
    /// Rejected: the date is not `YYYYMMDD`.
    pub const DATE: &str = "SQLDATE is not a date";
    /// Rejected: the event code is not CAMEO.
    pub const CODE: &str = "EventCode is not a CAMEO code";
    /// Rejected: coordinates that are not numbers in range, and no known
    /// country to fall back on.
    pub const COORDINATES: &str = "ActionGeo coordinates unusable and country unknown";
}

/// The longest row read. GDELT's rows are at most a few KiB; a longer line
/// (a file of another kind, or an archive that unpacks to one endless line)
/// is skipped without being held in memory.
pub const MAX_ROW_BYTES: usize = 64 * 1024;

/// Imports GDELT export files (`.CSV`, `.tsv`, `.CSV.zip`...), in order,
/// into one dataset.
///
/// # Errors
/// Only when no file could be read at all; a file that cannot be read among
/// others that can is reported in [`Report::problems`](super::Report::problems).
pub fn import_files<P: AsRef<Path>>(
    paths: &[P],
    options: Options,
) -> Result<Imported, ImportError> {
    let mut importer = Importer::new(options);
    let mut unreadable = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if let Err(error) = importer.file(path) {
            if error.is_unreadable() {
                unreadable.push(error);
            } else {
                importer.imported.report.problem(error);
            }
        }
    }
    if importer.imported.report.files == 0
        && !unreadable.is_empty()
        && unreadable.len() == paths.len()
    {
        return Err(unreadable.swap_remove(0));
    }
    importer.imported.report.problems.extend(unreadable);
    Ok(importer.finish())
}

/// Imports the rows of one export read from `reader`; `path` names it in
/// problems.
pub fn import_reader(reader: impl BufRead, path: &Path, options: Options) -> Imported {
    let mut importer = Importer::new(options);
    importer.imported.report.files = 1;
    if let Err(source) = importer.rows(reader, path) {
        importer.imported.report.problem(ImportError::Read {
            path: path.to_owned(),
            source,
        });
    }
    importer.finish()
}

/// Reads and drops the rest of a line, a buffer at a time.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(());
        }
        if let Some(end) = buffer.iter().position(|&b| b == b'\n') {
            reader.consume(end + 1);
            return Ok(());
        }
        let len = buffer.len();
        reader.consume(len);
    }
}

/// Whether `head`, the start of a file, looks like a GDELT event export:
/// its first line has 57, 58 or 61 tab-separated columns and starts with a
/// number (or the header `GLOBALEVENTID`).
pub fn looks_like_export(head: &[u8]) -> bool {
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let width = line.split(|&b| b == b'\t').count();
    let first = line.split(|&b| b == b'\t').next().unwrap_or_default();
    Columns::for_width(width).is_some()
        && (!first.is_empty() && first.iter().all(u8::is_ascii_digit)
            || first.eq_ignore_ascii_case(b"GLOBALEVENTID"))
}

/// Whether the zip archive at `path` holds a GDELT event export.
pub fn zip_holds_export(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let Ok(mut archive) = zip::ZipArchive::new(file) else {
        return false;
    };
    let Ok(entry) = archive.by_index(0) else {
        return false;
    };
    let mut head = Vec::new();
    entry.take(16 * 1024).read_to_end(&mut head).is_ok() && looks_like_export(&head)
}

/// The state of one import: the dataset so far and the ids seen.
struct Importer {
    options: Options,
    imported: Imported,
    /// The ids imported so far: numbers, as GDELT's are.
    seen: HashSet<u64>,
    /// Ids that are not numbers, should a file have them.
    seen_other: HashSet<String>,
}

impl Importer {
    fn new(options: Options) -> Self {
        Self {
            options,
            imported: Imported::default(),
            seen: HashSet::new(),
            seen_other: HashSet::new(),
        }
    }

    fn finish(mut self) -> Imported {
        let arrivals = self
            .imported
            .dataset
            .visits
            .iter()
            .filter(|visit| visit.from.is_none())
            .count();
        if arrivals > 0 {
            self.imported.report.notes.push(format!(
                "{arrivals} visits have no origin (the visitor's country is not coded): they draw as arrivals"
            ));
        }
        self.imported
    }

    /// Reads one file, unzipping it when it is a zip archive.
    fn file(&mut self, path: &Path) -> Result<(), ImportError> {
        let read_error = |source| ImportError::Read {
            path: path.to_owned(),
            source,
        };
        let mut file = File::open(path).map_err(read_error)?;
        let mut magic = [0_u8; 4];
        let magic_len = file.read(&mut magic).map_err(read_error)?;
        drop(file);
        if magic_len == 4 && magic == *b"PK\x03\x04" {
            return self.zip(path);
        }
        let file = File::open(path).map_err(read_error)?;
        self.imported.report.files += 1;
        if magic_len == 0 {
            return Err(ImportError::Empty {
                path: path.to_owned(),
            });
        }
        self.rows(BufReader::with_capacity(1 << 20, file), path)
            .map_err(read_error)
    }

    /// Reads every file inside a zip archive.
    fn zip(&mut self, path: &Path) -> Result<(), ImportError> {
        let zip_error = |error: &dyn std::fmt::Display| ImportError::Zip {
            path: path.to_owned(),
            message: error.to_string(),
        };
        let file = File::open(path).map_err(|source| ImportError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut archive = zip::ZipArchive::new(file).map_err(|error| zip_error(&error))?;
        self.imported.report.files += 1;
        for index in 0..archive.len() {
            let entry = archive.by_index(index).map_err(|error| zip_error(&error))?;
            if entry.is_dir() {
                continue;
            }
            let inner: PathBuf = path.join(String::from_utf8_lossy(entry.name_raw()).as_ref());
            self.rows(BufReader::with_capacity(1 << 20, entry), &inner)
                .map_err(|error| zip_error(&error))?;
        }
        Ok(())
    }

    /// Reads rows until the end of `reader`.
    fn rows(&mut self, mut reader: impl BufRead, path: &Path) -> io::Result<()> {
        let mut line = Vec::with_capacity(4096);
        let mut number = 0;
        let mut any = false;
        loop {
            line.clear();
            let read = reader
                .by_ref()
                .take(MAX_ROW_BYTES as u64)
                .read_until(b'\n', &mut line)?;
            if read == 0 {
                break;
            }
            number += 1;
            if read == MAX_ROW_BYTES && line.last() != Some(&b'\n') {
                skip_line(&mut reader)?;
                any = true;
                self.imported.report.records += 1;
                self.imported.report.reject(reasons::TOO_LONG, || {
                    ImportError::at(path, number, format!(
                        "the row is longer than {} KiB, which no GDELT row is; it was left out (is this an event export?)",
                        MAX_ROW_BYTES / 1024
                    ))
                });
                continue;
            }
            let mut row: &[u8] = &line;
            if let Some(rest) = row.strip_suffix(b"\n") {
                row = rest;
            }
            if let Some(rest) = row.strip_suffix(b"\r") {
                row = rest;
            }
            if row.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            // Blank lines alone make an empty file.
            any = true;
            self.imported.report.records += 1;
            self.row(row, path, number);
        }
        if !any {
            self.imported.report.problem(ImportError::Empty {
                path: path.to_owned(),
            });
        }
        Ok(())
    }

    /// Turns one row into a visit or an event, or counts why not.
    fn row(&mut self, bytes: &[u8], path: &Path, line: usize) {
        let report = &mut self.imported.report;
        let Ok(text) = std::str::from_utf8(bytes) else {
            report.reject(reasons::UTF8, || {
                ImportError::at(path, line, "the row is not UTF-8 text; it was left out (GDELT files are UTF-8: was this one re-encoded?)")
            });
            return;
        };
        let mut fields = [""; MAX_WIDTH];
        let mut width = 0;
        for field in text.split('\t') {
            if let Some(slot) = fields.get_mut(width) {
                *slot = field;
            }
            width += 1;
        }
        let Some(columns) = Columns::for_width(width) else {
            report.reject(reasons::WIDTH, || {
                ImportError::at(path, line, format!(
                    "{width} tab-separated columns, not 57 or 58 (GDELT 1.0) or 61 (2.0); the row was left out (is this an event export, not a mentions or GKG file?)"
                ))
            });
            return;
        };
        let row = Row {
            fields: &fields[..width],
            columns,
        };
        let id = row.get(columns.id);
        if id.eq_ignore_ascii_case("GLOBALEVENTID") {
            report.skip(reasons::HEADER);
            return;
        }
        if id.is_empty() {
            report.reject(reasons::NO_ID, || {
                ImportError::at(
                    path,
                    line,
                    "the row has no GLOBALEVENTID (column 1); it was left out",
                )
            });
            return;
        }
        let code = row.get(columns.event_code);
        let Some(coded) = cameo::classify(code) else {
            report.reject(reasons::CODE, || {
                ImportError::at(path, line, format!(
                    "EventCode `{code}` is not a CAMEO code (2-4 digits, root 01-20); the row was left out"
                ))
            });
            return;
        };
        if matches!(coded, Coded::Event(_)) && !self.options.events {
            report.skip(reasons::NOT_A_VISIT);
            return;
        }
        let date_text = row.get(columns.date);
        let Some(date) = parse_day(date_text) else {
            report.reject(reasons::DATE, || {
                ImportError::at(
                    path,
                    line,
                    format!("SQLDATE `{date_text}` is not a YYYYMMDD date; the row was left out"),
                )
            });
            return;
        };
        let place = match row.action_place() {
            Ok(Some(place)) => place,
            Ok(None) => {
                report.skip(reasons::NO_LOCATION);
                return;
            }
            Err(why) => {
                report.reject(reasons::COORDINATES, || {
                    ImportError::at(path, line, format!("{why}; the row was left out"))
                });
                return;
            }
        };
        let new = match id.parse::<u64>() {
            Ok(number) => self.seen.insert(number),
            Err(_) => self.seen_other.insert(id.to_owned()),
        };
        if !new {
            report.skip(reasons::DUPLICATE);
            return;
        }
        self.add(&row, id, code, coded, FuzzyDate::day(date), place);
    }

    /// Adds the record of a usable row, with its source.
    fn add(
        &mut self,
        row: &Row<'_>,
        id: &str,
        code: &str,
        coded: Coded,
        date: FuzzyDate,
        place: PlaceRef,
    ) {
        let columns = row.columns;
        let record_id = format!("gdelt-{id}");
        let actor1 = row.actor(columns.actor1);
        let actor2 = row.actor(columns.actor2);
        let label = cameo::label(code);
        let goldstein = row.goldstein();
        let mentions = row.mentions();
        let text = describe(
            &actor1, &actor2, label, &place, date, id, code, goldstein, mentions,
        );
        let url = columns
            .source_url
            .map(|index| row.get(index))
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"));
        let citation = SourceRef {
            id: record_id.clone(),
            span: Some(Span {
                start: 0,
                end: text.len(),
            }),
            extra: ExtraFields::new(),
        };
        let source = Source {
            id: record_id.clone(),
            title: Some(format!("GDELT event {id}: {label} ({code})")),
            publisher: url.and_then(host).map(str::to_owned),
            url: url.map(str::to_owned),
            published: parse_day(row.get(columns.date_added).get(..8).unwrap_or_default())
                .map(FuzzyDate::day),
            text,
            extra: ExtraFields::new(),
        };
        let mut extra = ExtraFields::new();
        crate::import::imported(
            &mut extra,
            format!("GDELT event {id}, CAMEO {code}: {label}"),
        );
        extra.insert("cameo".to_owned(), Value::from(code));
        if let Some(goldstein) = goldstein.and_then(Number::from_f64) {
            extra.insert("goldstein".to_owned(), Value::Number(goldstein));
        }
        if let Some(mentions) = mentions {
            extra.insert("mentions".to_owned(), Value::from(mentions));
        }
        let dataset = &mut self.imported.dataset;
        match coded {
            Coded::MakeVisit | Coded::HostVisit => {
                let (visitor, host) = if coded == Coded::MakeVisit {
                    (actor1, actor2)
                } else {
                    (actor2, actor1)
                };
                if let Some(name) = host.name {
                    extra.insert("host".to_owned(), Value::from(name));
                }
                dataset.visits.push(Visit {
                    id: record_id,
                    leader: None,
                    delegation: visitor.name,
                    from: visitor.country.map(PlaceRef::country),
                    to: place,
                    date,
                    purpose: None,
                    source: Some(citation),
                    extra,
                });
            }
            Coded::MeetElsewhere | Coded::Event(_) => {
                let kind = match coded {
                    Coded::Event(kind) => kind,
                    _ => EventKind::Meeting,
                };
                let mut actors: Vec<CountryCode> = Vec::with_capacity(2);
                for country in [actor1.country, actor2.country].into_iter().flatten() {
                    if !actors.contains(&country) {
                        actors.push(country);
                    }
                }
                let title = match (actor1.name, actor2.name) {
                    (Some(one), Some(two)) => format!("{one}, {two}: {label}"),
                    (Some(one), None) | (None, Some(one)) => format!("{one}: {label}"),
                    (None, None) => capitalize(label),
                };
                dataset.events.push(Event {
                    id: record_id,
                    kind,
                    title: Some(title),
                    place,
                    date,
                    actors,
                    source: Some(citation),
                    extra,
                });
            }
        }
        dataset.sources.push(source);
    }
}

/// The text of a row's source: what GDELT coded, in one sentence, so that
/// a visit or event has a passage to cite.
#[allow(clippy::too_many_arguments)]
fn describe(
    actor1: &ActorFields,
    actor2: &ActorFields,
    label: &str,
    place: &PlaceRef,
    date: FuzzyDate,
    id: &str,
    code: &str,
    goldstein: Option<f64>,
    mentions: Option<u64>,
) -> String {
    use std::fmt::Write as _;
    let unnamed = "an actor not coded";
    let mut text = String::with_capacity(160);
    let _ = write!(
        text,
        "{} - {label} - {}, at ",
        actor1.name.as_deref().unwrap_or(unnamed),
        actor2.name.as_deref().unwrap_or(unnamed),
    );
    match (&place.place, place.country) {
        (Some(name), _) => text.push_str(name),
        (None, Some(country)) => text.push_str(country.as_str()),
        (None, None) => text.push_str("an unnamed place"),
    }
    let _ = write!(text, ", on {date} (GDELT event {id}, CAMEO {code}");
    if let Some(goldstein) = goldstein {
        let _ = write!(text, ", Goldstein scale {goldstein}");
    }
    if let Some(mentions) = mentions {
        let _ = write!(text, ", {mentions} mentions");
    }
    text.push_str(").");
    text
}

/// The widest row any layout has.
const MAX_WIDTH: usize = 61;

/// A row split into fields, with its layout.
struct Row<'r> {
    fields: &'r [&'r str],
    columns: &'static Columns,
}

/// One actor of a row.
struct ActorFields {
    /// The name for people (`United States`), or the actor code when GDELT
    /// gives no name; `None` when the actor is not coded.
    name: Option<String>,
    /// The actor's country, when coded.
    country: Option<CountryCode>,
}

impl<'r> Row<'r> {
    fn get(&self, index: usize) -> &'r str {
        self.fields.get(index).map_or("", |field| field.trim())
    }

    fn actor(&self, columns: Actor) -> ActorFields {
        let name = self.get(columns.name);
        let code = self.get(columns.code);
        ActorFields {
            name: if name.is_empty() {
                (!code.is_empty()).then(|| code.to_owned())
            } else {
                Some(title_case(name))
            },
            country: cameo_country(self.get(columns.country)),
        }
    }

    fn goldstein(&self) -> Option<f64> {
        self.get(self.columns.goldstein)
            .parse::<f64>()
            .ok()
            .filter(|g| g.is_finite())
    }

    fn mentions(&self) -> Option<u64> {
        self.get(self.columns.mentions).parse().ok()
    }

    /// Where the action took place: `Ok(None)` when GDELT has no location,
    /// `Err` when it has one that cannot be used.
    ///
    /// By GDELT's geo type: a country (1) becomes a country reference
    /// (drawn at the capital, counted as country precision) rather than
    /// GDELT's centroid; a state or province (2, 5) keeps GDELT's middle
    /// at region precision, never passing for a city; a city (3, 4) is the
    /// gazetteer's city of that name and country within [`SNAP_KM`] (at
    /// the gazetteer's point, GDELT's name kept as `alias`), so that
    /// GDELT's London and everyone else's are one place, and keeps GDELT's
    /// name and point where the gazetteer has none there.
    fn action_place(&self) -> Result<Option<PlaceRef>, String> {
        let columns = self.columns;
        let geo_type = self.get(columns.geo_type);
        let name = self.get(columns.geo_name);
        let fips = self.get(columns.geo_country);
        let country = fips_country(fips);
        if matches!(geo_type, "" | "0") && name.is_empty() && fips.is_empty() {
            return Ok(None);
        }
        if geo_type == "1"
            && let Some(country) = country
        {
            return Ok(Some(PlaceRef::country(country)));
        }
        let lat_text = self.get(columns.geo_lat);
        let lon_text = self.get(columns.geo_lon);
        let coordinates = lat_text
            .parse::<f64>()
            .ok()
            .zip(lon_text.parse::<f64>().ok())
            .filter(|(lat, lon)| (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon));
        match (coordinates, country) {
            (Some((lat, lon)), _) => Ok(Some(place_at(geo_type, name, country, lat, lon))),
            (None, Some(country)) => Ok(Some(PlaceRef::country(country))),
            (None, None) => Err(format!(
                "ActionGeo `{name}` has coordinates `{lat_text}`, `{lon_text}` that are not a latitude and longitude, and country `{fips}` is not a FIPS 10-4 code"
            )),
        }
    }
}

/// How far from a gazetteer city a GDELT city's point may be and still be
/// that city: GDELT's centroids of big cities are a few kilometres off.
const SNAP_KM: f64 = 10.0;

/// A GDELT location of geo type `geo_type` at `lat`, `lon` (see
/// [`Row::action_place`]).
fn place_at(
    geo_type: &str,
    name: &str,
    country: Option<CountryCode>,
    lat: f64,
    lon: f64,
) -> PlaceRef {
    let named = (!name.is_empty()).then(|| name.to_owned());
    let region = matches!(geo_type, "2" | "5");
    if !region {
        // "London, London, City of, United Kingdom": the city is the first part.
        let city_name = name.split(',').next().map(str::trim);
        if let Some((city, _)) =
            Gazetteer::bundled().nearest_city(lat, lon, country, city_name, SNAP_KM)
        {
            let mut extra = ExtraFields::new();
            if let Some(alias) = named.filter(|alias| alias != city.name) {
                extra.insert("alias".to_owned(), Value::String(alias));
            }
            return PlaceRef {
                country: Some(city.country),
                place: Some(city.name.to_owned()),
                lat: Some(city.lat),
                lon: Some(city.lon),
                precision: None,
                extra,
            };
        }
    }
    PlaceRef {
        country,
        place: named,
        lat: Some(lat),
        lon: Some(lon),
        precision: region.then_some(PlacePrecision::Region),
        extra: ExtraFields::new(),
    }
}

/// `YYYYMMDD` as a day.
fn parse_day(text: &str) -> Option<Day> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = text[..4].parse().ok()?;
    let month = text[4..6].parse().ok()?;
    let day = text[6..].parse().ok()?;
    Day::from_ymd(year, month, day)
}

/// The host of an http(s) URL: `www.bbc.co.uk`.
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// `UNITED STATES` as `United States`.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start_of_word = true;
    for c in text.chars() {
        if start_of_word {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start_of_word = !c.is_alphanumeric() && c != '\'';
    }
    out
}

/// `make a visit` as `Make a visit`.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_from_sqldate() {
        assert_eq!(parse_day("20150729"), Day::from_ymd(2015, 7, 29));
        assert_eq!(parse_day("20150230"), None);
        assert_eq!(parse_day("2015072"), None);
        assert_eq!(parse_day("2015-7-2"), None);
    }

    #[test]
    fn names_and_hosts_are_tidied() {
        assert_eq!(title_case("UNITED STATES"), "United States");
        assert_eq!(title_case("CÔTE D'IVOIRE"), "Côte D'ivoire");
        assert_eq!(
            host("https://www.bbc.co.uk/news/x?y"),
            Some("www.bbc.co.uk")
        );
        assert_eq!(host("http://user@example.org:8080/"), Some("example.org"));
        assert_eq!(host("nonsense"), None);
        assert_eq!(capitalize("make a visit"), "Make a visit");
    }

    #[test]
    fn detection_needs_the_width_and_a_number_first() {
        let row = ["1"; 58].join("\t");
        assert!(looks_like_export(row.as_bytes()));
        assert!(looks_like_export(["1"; 61].join("\t").as_bytes()));
        assert!(!looks_like_export(["1"; 60].join("\t").as_bytes()));
        assert!(!looks_like_export(["x"; 58].join("\t").as_bytes()));
        assert!(!looks_like_export(b""));
    }
}
