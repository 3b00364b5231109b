//! Reading `legation/1` JSON: every problem found, each with its JSON path,
//! and everything that is sound kept.
//!
//! The document is parsed into a JSON tree first (syntax errors stop there,
//! with line and column), then walked field by field so that one bad value
//! costs only that value, or at worst its record, never the file.

use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::dataset::{FORMAT, FormatTag};
use super::provenance::{self, PROVENANCE};
use super::trusted;
use super::validate::Origins;
use super::{
    CountryCode, Dataset, Event, EventKind, FuzzyDate, Person, PlacePrecision, PlaceRef, Source,
    SourceRef, Span, ViewBox, Visit, validate,
};

/// A problem in a dataset: where (a JSON path such as `$.visits[2].date`) and
/// what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The JSON path of the offending value.
    pub path: String,
    /// What is wrong and, where it helps, what to write instead.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A dataset as far as it loaded, and the problems met on the way.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// Every record that loaded, less any field that did not.
    pub dataset: Dataset,
    /// Everything that was wrong, in document order.
    pub problems: Vec<Problem>,
}

/// Why a document could not be read as a dataset at all.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// Not JSON (or not UTF-8, or nested too deeply).
    #[error("{line}:{column}: not valid JSON: {message}; fix the file there and load it again")]
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// JSON, but not an object.
    #[error(
        "the document is {found}, not a `legation/1` dataset object ({{\"format\": \"legation/1\", \"visits\": [...], ...}})"
    )]
    NotAnObject {
        /// What the top level holds instead.
        found: &'static str,
    },
}

/// Why a dataset file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}; check the path and its permissions", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The file is not a dataset.
    #[error("{}:{source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ParseError,
    },
}

/// Reads the dataset at `path`.
///
/// # Errors
/// When the file cannot be read or is not a JSON object; problems inside a
/// dataset come back in [`Loaded::problems`] instead.
pub fn load_dataset(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_dataset(&bytes).map_err(|source| LoadError::Parse {
        path: path.to_owned(),
        source,
    })
}

/// Reads a dataset from JSON bytes, validating everything.
///
/// # Errors
/// When `json` is not a JSON object; problems inside a dataset come back in
/// [`Loaded::problems`] instead.
pub fn parse_dataset(json: &[u8]) -> Result<Loaded, ParseError> {
    // Editors on Windows often start UTF-8 files with a byte-order mark,
    // which JSON does not allow; it says nothing, so it is skipped.
    let json = json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(json);
    let value: Value = serde_json::from_slice(json).map_err(|err| ParseError::Syntax {
        line: err.line(),
        column: err.column(),
        message: syntax_message(&err),
    })?;
    let Value::Object(root) = value else {
        return Err(ParseError::NotAnObject {
            found: kind_of(&value),
        });
    };
    let mut reader = Reader::default();
    let dataset = reader.dataset(root);
    let mut problems = reader.problems;
    problems.extend(validate::cross_references(&dataset, &reader.origins));
    Ok(Loaded { dataset, problems })
}

/// Reads one record of a file already known to be sound, in full, for
/// [`super::IndexedDataset`]; `None` if it is not an object.
fn read_record<T>(
    json: &[u8],
    path: &str,
    read: fn(&mut Reader, Map<String, Value>, JsonPath<'_>) -> Option<T>,
) -> Option<T> {
    match serde_json::from_slice(json).ok()? {
        Value::Object(fields) => read(&mut Reader::default(), fields, JsonPath::Root(path)),
        _ => None,
    }
}

/// Reads one visit from its JSON object as a file's would be read: the
/// visit, if it loads, and every problem, by path under `path`.
pub fn check_visit(fields: Map<String, Value>, path: &str) -> (Option<Visit>, Vec<Problem>) {
    let mut reader = Reader::default();
    let visit = reader.visit(fields, JsonPath::Root(path));
    (visit, reader.problems)
}

/// Reads one event from its JSON object as a file's would be read: the
/// event, if it loads, and every problem, by path under `path`.
pub fn check_event(fields: Map<String, Value>, path: &str) -> (Option<Event>, Vec<Problem>) {
    let mut reader = Reader::default();
    let event = reader.event(fields, JsonPath::Root(path));
    (event, reader.problems)
}

/// The visit whose JSON is `json`, at `path` in its file.
pub(super) fn read_visit(json: &[u8], path: &str) -> Option<Visit> {
    trusted::visit(json).or_else(|| read_record(json, path, Reader::visit))
}

/// The event whose JSON is `json`, at `path` in its file.
pub(super) fn read_event(json: &[u8], path: &str) -> Option<Event> {
    trusted::event(json).or_else(|| read_record(json, path, Reader::event))
}

/// The source whose JSON is `json`, at `path` in its file.
pub(super) fn read_source(json: &[u8], path: &str) -> Option<Source> {
    trusted::source(json).or_else(|| read_record(json, path, Reader::source))
}

/// `serde_json`'s message without its trailing " at line L column C".
fn syntax_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// How a JSON value is described in messages.
pub(super) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether `key` is there and not null.
fn has_value(fields: &Map<String, Value>, key: &str) -> bool {
    fields.get(key).is_some_and(|value| !value.is_null())
}

/// Where a value sits in the document (`$.visits[2].to.lat`), spelled
/// out only when a problem is reported there: most records have none,
/// and formatting every field's path was a tenth of the time it takes to
/// read a big file's records back.
#[derive(Clone, Copy, Debug)]
enum JsonPath<'a> {
    /// A path written out: `$.visits`, or a record's own.
    Root(&'a str),
    /// A field of an object.
    Key(&'a Self, &'a str),
    /// An item of an array.
    Index(&'a Self, usize),
}

impl<'a> JsonPath<'a> {
    fn key(&'a self, key: &'a str) -> Self {
        Self::Key(self, key)
    }

    fn index(&'a self, index: usize) -> Self {
        Self::Index(self, index)
    }
}

impl std::fmt::Display for JsonPath<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Root(path) => f.write_str(path),
            Self::Key(parent, key) => write!(f, "{parent}.{key}"),
            Self::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Walks the JSON tree, turning values into records and mistakes into
/// problems.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    origins: Origins,
}

impl Reader {
    fn problem(&mut self, path: impl std::fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem::new(path.to_string(), message));
    }

    fn wrong_type(&mut self, path: impl std::fmt::Display, expected: &str, found: &Value) {
        self.problem(
            path,
            format!("expected {expected}, found {}", kind_of(found)),
        );
    }

    fn dataset(&mut self, mut root: Map<String, Value>) -> Dataset {
        match root.remove("format") {
            Some(Value::String(tag)) if tag == FORMAT => {}
            Some(Value::String(tag)) => self.problem(
                "$.format",
                format!("`{tag}` is not a format this version reads; it reads `{FORMAT}`"),
            ),
            Some(other) => self.wrong_type("$.format", "the string \"legation/1\"", &other),
            None => self.problem(
                "$.format",
                format!("missing; add \"format\": \"{FORMAT}\" at the top"),
            ),
        }
        let window = self.optional_date(&mut root, JsonPath::Root("$"), "window");
        let view = self.view_box(root.remove("view"));
        let (sources, origins) = self.records(
            root.remove("sources"),
            JsonPath::Root("$.sources"),
            Self::source,
        );
        self.origins.sources = origins;
        let (visits, origins) = self.records(
            root.remove("visits"),
            JsonPath::Root("$.visits"),
            Self::visit,
        );
        self.origins.visits = origins;
        let (events, origins) = self.records(
            root.remove("events"),
            JsonPath::Root("$.events"),
            Self::event,
        );
        self.origins.events = origins;
        Dataset {
            format: FormatTag,
            window,
            view,
            sources,
            visits,
            events,
            extra: root,
        }
    }

    /// Reads an array of records, skipping (and reporting) those that are
    /// not records; returns them with their positions in the array.
    fn records<T>(
        &mut self,
        value: Option<Value>,
        path: JsonPath<'_>,
        read: fn(&mut Self, Map<String, Value>, JsonPath<'_>) -> Option<T>,
    ) -> (Vec<T>, Vec<usize>) {
        let items = match value {
            None | Some(Value::Null) => return (Vec::new(), Vec::new()),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(path, "an array", &other);
                return (Vec::new(), Vec::new());
            }
        };
        let mut records = Vec::with_capacity(items.len());
        let mut positions = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            let item_path = path.index(index);
            match item {
                Value::Object(fields) => {
                    if let Some(record) = read(self, fields, item_path) {
                        records.push(record);
                        positions.push(index);
                    }
                }
                other => self.wrong_type(item_path, "an object", &other),
            }
        }
        (records, positions)
    }

    /// The record's id; a record without one is kept under a made-up id
    /// (its position), so that one missing field does not hide it.
    fn id(&mut self, fields: &mut Map<String, Value>, path: JsonPath<'_>) -> String {
        self.required_string(fields, path, "id")
            .unwrap_or_else(|| path.to_string().trim_start_matches("$.").to_owned())
    }

    // One signature for every record reader, though a source always loads.
    #[allow(clippy::unnecessary_wraps)]
    fn source(&mut self, mut fields: Map<String, Value>, path: JsonPath<'_>) -> Option<Source> {
        let id = self.id(&mut fields, path);
        let source = Source {
            id,
            title: self.optional_string(&mut fields, path, "title"),
            publisher: self.optional_string(&mut fields, path, "publisher"),
            url: self.optional_string(&mut fields, path, "url"),
            published: self.optional_date(&mut fields, path, "published"),
            text: self
                .optional_string(&mut fields, path, "text")
                .unwrap_or_default(),
            extra: fields,
        };
        Some(source)
    }

    fn visit(&mut self, mut fields: Map<String, Value>, path: JsonPath<'_>) -> Option<Visit> {
        let id = self.id(&mut fields, path);
        let to = self.required_place(&mut fields, path, "to");
        let date = self.required_date(&mut fields, path, "date");
        let leader = self.person(&mut fields, path, "leader");
        let delegation = self.optional_string(&mut fields, path, "delegation");
        let from = self.optional_place(&mut fields, path, "from");
        let purpose = self.optional_string(&mut fields, path, "purpose");
        let source = self.source_ref(&mut fields, path);
        self.provenance(&mut fields, path);
        Some(Visit {
            id,
            leader,
            delegation,
            from,
            to: to?,
            date: date?,
            purpose,
            source,
            extra: fields,
        })
    }

    fn event(&mut self, mut fields: Map<String, Value>, path: JsonPath<'_>) -> Option<Event> {
        let id = self.id(&mut fields, path);
        let kind = self.event_kind(&mut fields, path);
        let title = self.optional_string(&mut fields, path, "title");
        let place = self.required_place(&mut fields, path, "place");
        let date = self.required_date(&mut fields, path, "date");
        let actors = self.actors(&mut fields, path);
        let source = self.source_ref(&mut fields, path);
        self.provenance(&mut fields, path);
        Some(Event {
            id,
            kind,
            title,
            place: place?,
            date: date?,
            actors,
            source,
            extra: fields,
        })
    }

    /// Checks a record's `provenance`; a wrong one is reported and left
    /// out, as any wrong value is.
    fn provenance(&mut self, fields: &mut Map<String, Value>, path: JsonPath<'_>) {
        if let Some((at, message)) = provenance::check(fields) {
            self.problem(format_args!("{path}.{PROVENANCE}{at}"), message);
            fields.remove(PROVENANCE);
        }
    }

    fn event_kind(&mut self, fields: &mut Map<String, Value>, path: JsonPath<'_>) -> EventKind {
        let path = path.key("kind");
        let present = has_value(fields, "kind");
        let Some(name) = self.optional_string_at(fields.remove("kind"), path) else {
            // A kind of the wrong type is reported as such, once.
            if !present {
                self.problem(path, "missing; give the event a kind (or \"other\")");
            }
            return EventKind::Other;
        };
        EventKind::parse(&name).unwrap_or_else(|| {
            let known: Vec<_> = EventKind::ALL.iter().map(|kind| kind.as_str()).collect();
            self.problem(
                path,
                format!(
                    "`{name}` is not an event kind; use one of {} (read as \"other\")",
                    known.join(", ")
                ),
            );
            EventKind::Other
        })
    }

    fn actors(&mut self, fields: &mut Map<String, Value>, path: JsonPath<'_>) -> Vec<CountryCode> {
        let path = path.key("actors");
        let items = match fields.remove("actors") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.wrong_type(path, "an array of country codes", &other);
                return Vec::new();
            }
        };
        items
            .into_iter()
            .enumerate()
            .filter_map(|(index, item)| self.country_code(item, path.index(index)))
            .collect()
    }

    fn person(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<Person> {
        let path = path.key(key);
        match fields.remove(key)? {
            Value::Null => None,
            Value::String(name) => Some(Person {
                name,
                ..Person::default()
            }),
            Value::Object(mut person) => {
                let name = self.required_string(&mut person, path, "name")?;
                let title = self.optional_string(&mut person, path, "title");
                let country = person
                    .remove("country")
                    .and_then(|code| self.country_code(code, path.key("country")));
                Some(Person {
                    name,
                    title,
                    country,
                    extra: person,
                })
            }
            other => {
                self.wrong_type(path, "an object {\"name\": ..., \"title\": ...}", &other);
                None
            }
        }
    }

    fn source_ref(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
    ) -> Option<SourceRef> {
        let path = path.key("source");
        let mut source = match fields.remove("source")? {
            Value::Null => return None,
            Value::Object(source) => source,
            other => {
                self.wrong_type(
                    path,
                    "an object {\"id\": ..., \"span\": [start, end]}",
                    &other,
                );
                return None;
            }
        };
        let id = self.required_string(&mut source, path, "id")?;
        let span = self.span(source.remove("span"), path.key("span"));
        Some(SourceRef {
            id,
            span,
            extra: source,
        })
    }

    fn span(&mut self, value: Option<Value>, path: JsonPath<'_>) -> Option<Span> {
        let value = value?;
        let bounds = match &value {
            Value::Null => return None,
            Value::Array(items) if items.len() == 2 => (items[0].as_u64(), items[1].as_u64()),
            _ => (None, None),
        };
        let (Some(start), Some(end)) = bounds else {
            self.problem(
                path,
                "expected [start, end]: two byte offsets into the source text",
            );
            return None;
        };
        if start > end {
            self.problem(
                path,
                format!("the span [{start}, {end}] ends before it starts"),
            );
            return None;
        }
        Some(Span {
            start: usize::try_from(start).ok()?,
            end: usize::try_from(end).ok()?,
        })
    }

    fn required_place(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<PlaceRef> {
        if !has_value(fields, key) {
            self.problem(
                path.key(key),
                "missing; give at least {\"country\": \"XX\"} or a place name",
            );
        }
        self.optional_place(fields, path, key)
    }

    fn optional_place(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<PlaceRef> {
        let path = path.key(key);
        let mut place = match fields.remove(key)? {
            Value::Null => return None,
            Value::Object(place) => place,
            other => {
                self.wrong_type(path, "an object {\"country\": ..., \"place\": ...}", &other);
                return None;
            }
        };
        let country = place
            .remove("country")
            .and_then(|code| self.country_code(code, path.key("country")));
        let name = self.optional_string(&mut place, path, "place");
        if has_value(&place, "lat") != has_value(&place, "lon") {
            self.problem(path, "give both \"lat\" and \"lon\", or neither");
        }
        let lat = self.coordinate(&mut place, path, "lat", 90.0);
        let lon = self.coordinate(&mut place, path, "lon", 180.0);
        let precision = self
            .optional_string(&mut place, path, "precision")
            .and_then(|word| {
                let precision = PlacePrecision::named(&word);
                if precision.is_none() {
                    self.problem(
                        path.key("precision"),
                        format!("`{word}` is not a precision: write city, region or country"),
                    );
                }
                precision
            });
        // One bad coordinate makes the pair useless: fall back to the name.
        let (lat, lon) = match (lat, lon) {
            (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
            _ => (None, None),
        };
        if country.is_none() && name.is_none() && lat.is_none() {
            self.problem(
                path,
                "names no place: give \"country\", \"place\", or \"lat\" and \"lon\"",
            );
            return None;
        }
        Some(PlaceRef {
            country,
            place: name,
            lat,
            lon,
            precision,
            extra: place,
        })
    }

    fn coordinate(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
        limit: f64,
    ) -> Option<f64> {
        let path = path.key(key);
        match fields.remove(key)? {
            Value::Null => None,
            Value::Number(number) => {
                let degrees = number.as_f64().filter(|d| d.is_finite());
                match degrees {
                    Some(degrees) if (-limit..=limit).contains(&degrees) => Some(degrees),
                    _ => {
                        self.problem(
                            path,
                            format!("{number} is out of range; it must be between -{limit} and {limit} degrees"),
                        );
                        None
                    }
                }
            }
            other => {
                self.wrong_type(path, "a number of degrees", &other);
                None
            }
        }
    }

    fn country_code(&mut self, value: Value, path: JsonPath<'_>) -> Option<CountryCode> {
        match value {
            Value::Null => None,
            Value::String(code) => CountryCode::parse(&code).or_else(|| {
                self.problem(
                    path,
                    format!("`{code}` is not an ISO 3166-1 alpha-2 country code (such as \"KP\" or \"US\")"),
                );
                None
            }),
            other => {
                self.wrong_type(path, "a two-letter country code", &other);
                None
            }
        }
    }

    fn required_date(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<FuzzyDate> {
        if !has_value(fields, key) {
            self.problem(
                path.key(key),
                "missing; write YYYY, YYYY-MM, YYYY-MM-DD or START/END",
            );
        }
        self.optional_date(fields, path, key)
    }

    fn optional_date(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<FuzzyDate> {
        let path = path.key(key);
        let text = self.optional_string_at(fields.remove(key), path)?;
        text.parse()
            .map_err(|err| self.problem(path, format!("{err}")))
            .ok()
    }

    /// The optional `view`: four numbers `[west, south, east, north]`.
    fn view_box(&mut self, value: Option<Value>) -> Option<ViewBox> {
        const PATH: &str = "$.view";
        let numbers: Option<Vec<f64>> = match value? {
            Value::Null => return None,
            Value::Array(items) => items.iter().map(Value::as_f64).collect(),
            other => {
                self.wrong_type(PATH, "an array [west, south, east, north]", &other);
                return None;
            }
        };
        let Some(edges) = numbers.and_then(|numbers| <[f64; 4]>::try_from(numbers).ok()) else {
            self.problem(
                PATH,
                "expected four numbers: [west, south, east, north] in degrees",
            );
            return None;
        };
        ViewBox::new(edges)
            .map_err(|why| self.problem(PATH, why))
            .ok()
    }

    fn required_string(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<String> {
        let path = path.key(key);
        if !has_value(fields, key) {
            self.problem(path, "missing");
            return None;
        }
        self.optional_string_at(fields.remove(key), path)
    }

    fn optional_string(
        &mut self,
        fields: &mut Map<String, Value>,
        path: JsonPath<'_>,
        key: &str,
    ) -> Option<String> {
        self.optional_string_at(fields.remove(key), path.key(key))
    }

    fn optional_string_at(&mut self, value: Option<Value>, path: JsonPath<'_>) -> Option<String> {
        match value? {
            Value::Null => None,
            Value::String(text) => Some(text),
            other => {
                self.wrong_type(path, "a string", &other);
                None
            }
        }
    }
}
